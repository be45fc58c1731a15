"""Workbooks for the memory measurements of docs/reliability.md ("Memory: workbooks").

Written by hand as XLSX (zip + XML, Python standard library only), streamed into the archive:

  gen_workbooks.py list N OUT.xlsx        the example list (data/examples/enterprises.csv) repeated
                                          to N data rows; credit code and name unique per row (as
                                          in real lists), texts as shared strings, bare codes as
                                          numbers
  gen_workbooks.py long N OUT.xlsx        N data rows of two numbers under a header, no shared
                                          strings (3,000,000 rows: the over-long sheet of issue 11)
  gen_workbooks.py repeat N R OUT.xlsx    N row elements cycling over the R row numbers 2..R+1
  gen_workbooks.py bomb MIB OUT.xlsx      a shared-strings part of MIB MiB of spaces (about 1,000:1)
"""
import csv
import sys
import zipfile
from xml.sax.saxutils import escape

NS = 'http://schemas.openxmlformats.org'
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      f'<Types xmlns="{NS}/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{NS}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      f'<workbook xmlns="{NS}/spreadsheetml/2006/main" xmlns:r="{NS}/officeDocument/2006/relationships">'
      '<sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBR = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       f'<Relationships xmlns="{NS}/package/2006/relationships">'
       f'<Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
       f'<Relationship Id="rId2" Type="{NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
       '</Relationships>')
SHEET_OPEN = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<worksheet xmlns="{NS}/spreadsheetml/2006/main"><sheetData>')
SHEET_CLOSE = '</sheetData></worksheet>'
SST_OPEN = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}/spreadsheetml/2006/main">'


def archive(out, level=6):
    z = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=level)
    for name, body in [('[Content_Types].xml', CT), ('_rels/.rels', RELS),
                       ('xl/workbook.xml', WB), ('xl/_rels/workbook.xml.rels', WBR)]:
        z.writestr(name, body)
    return z


def rows_part(z, rows, name='xl/worksheets/sheet1.xml'):
    """Writes the sheet from an iterator of row XML strings, 10,000 at a time."""
    with z.open(name, 'w', force_zip64=True) as f:
        f.write(SHEET_OPEN.encode())
        buf = []
        for row in rows:
            buf.append(row)
            if len(buf) >= 10000:
                f.write(''.join(buf).encode())
                buf = []
        f.write(''.join(buf).encode())
        f.write(SHEET_CLOSE.encode())


def shared_part(z, strings):
    with z.open('xl/sharedStrings.xml', 'w', force_zip64=True) as f:
        f.write(SST_OPEN.encode())
        for i in range(0, len(strings), 10000):
            f.write(''.join('<si><t>%s</t></si>' % escape(s) for s in strings[i:i + 10000]).encode())
        f.write(b'</sst>')


def gen_list(n, out):
    table = list(csv.reader(open('data/examples/enterprises.csv', encoding='utf-8')))
    header, data = table[0], table[1:]
    code_at = header.index('行业代码')
    strings, index = [], {}

    def sid(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    def rows():
        for r in range(n + 1):
            vals = list(header if r == 0 else data[(r - 1) % len(data)])
            if r > 0:
                vals[0] = '%s%08d' % (vals[0][:10], r)
                vals[1] = vals[1].replace('有限公司', '%d有限公司' % r)
            cells = []
            for c, v in enumerate(vals):
                ref = '%s%d' % (chr(ord('A') + c), r + 1)
                if r > 0 and c == code_at and v.isdigit():
                    cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
                elif v:
                    cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sid(v)))
            yield '<row r="%d">%s</row>' % (r + 1, ''.join(cells))

    with archive(out) as z:
        rows_part(z, rows())
        shared_part(z, strings)


HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>行业代码</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>n</t></is></c></row>')


def number_row(r):
    return '<row r="%d"><c r="A%d"><v>6513</v></c><c r="B%d"><v>%d</v></c></row>' % (r, r, r, r)


def gen_long(n, out):
    with archive(out) as z:
        rows_part(z, [HEADER_ROW] + [number_row(r) for r in range(2, n + 2)])
        shared_part(z, [])


def gen_repeat(n, repeat, out):
    with archive(out) as z:
        rows_part(z, [HEADER_ROW] + [number_row(2 + k % repeat) for k in range(n)])
        shared_part(z, [])


def gen_bomb(mib, out):
    with archive(out, level=9) as z:
        rows_part(z, ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'])
        with z.open('xl/sharedStrings.xml', 'w', force_zip64=True) as f:
            f.write((SST_OPEN + '<si><t>').encode())
            block = b' ' * (1 << 20)
            for _ in range(mib):
                f.write(block)
            f.write(b'</t></si></sst>')


if __name__ == '__main__':
    kind, args = sys.argv[1], sys.argv[2:]
    if kind == 'list':
        gen_list(int(args[0]), args[1])
    elif kind == 'long':
        gen_long(int(args[0]), args[1])
    elif kind == 'repeat':
        gen_repeat(int(args[0]), int(args[1]), args[2])
    elif kind == 'bomb':
        gen_bomb(int(args[0]), args[1])
    else:
        sys.exit(__doc__)
    for info in zipfile.ZipFile(sys.argv[-1]).infolist():
        print(info.filename, info.compress_size, info.file_size)
