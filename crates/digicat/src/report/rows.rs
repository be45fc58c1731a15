//! Rows that are not enterprises (blank rows, `合计` footers), and where the header row is.

use super::columns::{recognised, Choice};
use crate::classify::Reason;

/// Words that open a footer row (`合计：26家`, `总计 26 家`, `共计26户`, `Total: 26`); compared
/// with whitespace removed, ASCII case ignored.
pub const FOOTER_WORDS: [&str; 7] = ["合计", "总计", "共计", "小计", "总数", "累计", "total"];

/// Characters allowed in a footer besides its word and digits: punctuation and count words
/// (`：26家`, `(26 户)`, `26个企业`).
const FOOTER_CHARS: &str = ":：,，.。;；()（）[]【】-—/、=家个户条行项名件企业共计数";

/// How many rows from the top of a file or sheet are searched for the header.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// Why a row is not an enterprise, or `None` when it is a record to classify:
/// [`Reason::BlankRow`] when every field is blank (whitespace only; `,,,`), [`Reason::FooterRow`]
/// when its first non-blank field starts with one of [`FOOTER_WORDS`] followed by nothing but a
/// count (`合计：26家`, `总计 26 家`), and every other non-blank field is a count too (`26`,
/// `26家`). Such rows are kept in batch output with status `skipped`.
///
/// ```
/// use digicat::report::skip_reason;
/// use digicat::Reason;
/// assert_eq!(skip_reason(&["", " ", ""]), Some(Reason::BlankRow));
/// assert_eq!(skip_reason(&["合计：26家", "", ""]), Some(Reason::FooterRow));
/// assert_eq!(skip_reason(&["", "总计", "26"]), Some(Reason::FooterRow));
/// assert_eq!(skip_reason(&["合计", "6513", "软件开发"]), None);
/// assert_eq!(skip_reason(&["东莞市某公司", "", ""]), None);
/// ```
pub fn skip_reason<S: AsRef<str>>(fields: &[S]) -> Option<Reason> {
    let mut values = fields
        .iter()
        .map(|f| f.as_ref())
        .filter(|f| !f.trim().is_empty());
    let Some(first) = values.next() else {
        return Some(Reason::BlankRow);
    };
    let first: String = first.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = first.to_ascii_lowercase();
    let rest = FOOTER_WORDS
        .iter()
        .find_map(|w| lower.starts_with(w).then(|| &lower[w.len()..]))?;
    (is_count(rest) && values.all(is_count)).then_some(Reason::FooterRow)
}

/// Digits, punctuation and count words only (whitespace ignored); the empty string too.
fn is_count(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || FOOTER_CHARS.contains(c))
}

/// The header row among the first rows of a table (`rows`, at most [`HEADER_SEARCH_ROWS`] are
/// looked at), as an index into `rows`, in this order:
/// 1. the first row, when it holds a recognised column name: a name given in `choice`, else a
///    code or text column name of [`super::find_layout`]'s lists, or a header containing one of
///    their parts (`经营范围（摘要）`);
/// 2. the first row, when it has at least two non-empty cells and one looks like an industry
///    column ([`super::industry_like`]), so that [`super::find_layout`] can name it;
/// 3. the first later row with at least two non-empty cells holding a recognised name in full
///    (a title line such as `企查查导出数据（导出时间…）` above the header is one cell);
/// 4. the first later row with at least two non-empty cells, one industry-like;
/// 5. else `None`: nothing recognisable (the caller shows the rows and asks for a header row or
///    column names).
///
/// A header over two rows (a heading such as `国标行业` merged across the four columns whose
/// names, `国标行业门类` … `国标行业小类`, are on the next row; the other headings merged down over
/// both rows, which a workbook reader gives to both) is read from its second row: the row found
/// is followed by a row that is not blank wherever it is, repeats some of its cells in place,
/// differs from it elsewhere and holds a recognised name in full. A second row with blanks under
/// the first's names (a CSV saved from such a sheet, without the merges) is not taken, since it
/// would lose those names.
///
/// Rows above the header are titles, not records.
///
/// ```
/// use digicat::report::{find_header_row, Choice};
/// let rows = [
///     vec!["企查查导出数据（导出时间：2026-03-02）"],
///     vec!["企业名称", "国标行业大类", "经营范围"],
///     vec!["东莞市某公司", "软件和信息技术服务业", "软件开发"],
/// ];
/// assert_eq!(find_header_row(&rows, &Choice::default()), Some(1));
/// assert_eq!(find_header_row(&[vec!["名称", "地址"]], &Choice::default()), None);
/// let merged = [
///     vec!["企业名称", "国标行业", "", "经营范围"],
///     vec!["企业名称", "国标行业门类", "国标行业大类", "经营范围"],
///     vec!["东莞市某公司", "信息传输、软件和信息技术服务业", "软件和信息技术服务业", "软件开发"],
/// ];
/// assert_eq!(find_header_row(&merged, &Choice::default()), Some(1));
/// ```
pub fn find_header_row<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R], choice: &Choice) -> Option<usize> {
    let rows = &rows[..rows.len().min(HEADER_SEARCH_ROWS)];
    let first = rows.first()?.as_ref();
    let cells = |r: &[S]| r.iter().filter(|h| !h.as_ref().trim().is_empty()).count();
    let industry =
        |r: &[S]| cells(r) >= 2 && r.iter().any(|h| super::columns::industry_like(h.as_ref()));
    let later = || {
        rows.iter()
            .enumerate()
            .skip(1)
            .map(|(i, r)| (i, r.as_ref()))
    };
    let found = if recognised(first, choice, true) || industry(first) {
        0
    } else {
        later()
            .find(|(_, r)| cells(r) >= 2 && recognised(r, choice, false))
            .or_else(|| later().find(|(_, r)| industry(r)))
            .map(|(i, _)| i)?
    };
    let second = rows.get(found + 1).map(AsRef::as_ref);
    Some(match second {
        Some(next) if continues(rows[found].as_ref(), next) && recognised(next, choice, false) => {
            found + 1
        }
        _ => found,
    })
}

/// `true` when `next` is the second row of a header whose first row is `header`: not blank
/// wherever `header` is not, repeating some of its names in place (headings merged down over
/// both rows) and different from it elsewhere.
fn continues<S: AsRef<str>>(header: &[S], next: &[S]) -> bool {
    fn cell<S: AsRef<str>>(r: &[S], i: usize) -> &str {
        r.get(i).map_or("", |c| c.as_ref().trim())
    }
    let width = header.len().max(next.len());
    (0..width).all(|i| cell(header, i).is_empty() || !cell(next, i).is_empty())
        && (0..width).any(|i| !cell(header, i).is_empty() && cell(header, i) == cell(next, i))
        && (0..width).any(|i| cell(header, i) != cell(next, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_rows_and_footers() {
        assert_eq!(skip_reason::<&str>(&[]), Some(Reason::BlankRow));
        assert_eq!(skip_reason(&["\u{3000}", "\t"]), Some(Reason::BlankRow));
        for footer in [
            "合计：26家",
            "总计 26 家",
            "共计26户",
            "合计",
            "TOTAL: 26",
            "合计（26家企业）",
        ] {
            assert_eq!(
                skip_reason(&[footer, ""]),
                Some(Reason::FooterRow),
                "{footer}"
            );
        }
        assert_eq!(
            skip_reason(&["合计", "26", "26家"]),
            Some(Reason::FooterRow)
        );
        // Anything else in the row makes it a record.
        assert_eq!(skip_reason(&["合计", "6513", "软件开发"]), None);
        assert_eq!(skip_reason(&["合计东莞有限公司", ""]), None);
        assert_eq!(skip_reason(&["", "", "软件开发"]), None);
        assert_eq!(skip_reason(&["总部", ""]), None);
    }

    #[test]
    fn header_row_is_the_first_recognised_one_within_the_search() {
        let title = vec!["东莞市企业名录"];
        let header = vec!["企业名称", "行业代码", "经营范围"];
        assert_eq!(
            find_header_row(std::slice::from_ref(&header), &Choice::default()),
            Some(0)
        );
        assert_eq!(
            find_header_row(&[title.clone(), vec![], header.clone()], &Choice::default()),
            Some(2)
        );
        // A part of a name counts on the first row only.
        let part = vec!["名称", "经营范围（摘要）"];
        assert_eq!(
            find_header_row(std::slice::from_ref(&part), &Choice::default()),
            Some(0)
        );
        assert_eq!(
            find_header_row(&[title.clone(), part], &Choice::default()),
            None
        );
        // Beyond the search, nothing.
        let mut rows = vec![title.clone(); HEADER_SEARCH_ROWS];
        rows.push(header.clone());
        assert_eq!(find_header_row(&rows, &Choice::default()), None);
        // A named column decides.
        let named = Choice {
            text_col: Some("主营业务"),
            ..Choice::default()
        };
        let rows = [title.clone(), vec!["名称", "主营业务"]];
        assert_eq!(find_header_row(&rows, &named), Some(1));
        // An industry-like header is found when nothing else is, so that it can be named.
        let rows = [title.clone(), vec!["名称", "所属行业分类"]];
        assert_eq!(find_header_row(&rows, &Choice::default()), Some(1));
        // On the first row it comes before a later row's names; a one-cell title is no header.
        let vague = vec!["名称", "所属行业分类"];
        let rows = [vague, vec!["甲", "产品"]];
        assert_eq!(find_header_row(&rows, &Choice::default()), Some(0));
        let rows = [vec!["东莞市重点行业企业名录"], header.clone()];
        assert_eq!(find_header_row(&rows, &Choice::default()), Some(1));
        // A later row needs two cells: a lone value is not a header.
        let rows = [title.clone(), vec!["产品"], header.clone()];
        assert_eq!(find_header_row(&rows, &Choice::default()), Some(2));
    }

    #[test]
    fn a_header_over_two_rows_is_read_from_its_second_row() {
        let title = vec!["企查查导出数据（导出时间：2026-03-02）"];
        // Merged in a workbook: 国标行业 across four columns, the others down over both rows.
        let first = vec!["企业名称", "国标行业", "", "", "", "经营范围"];
        let second = vec![
            "企业名称",
            "国标行业门类",
            "国标行业大类",
            "国标行业中类",
            "国标行业小类",
            "经营范围",
        ];
        let record = vec![
            "东莞市某公司",
            "信息传输、软件和信息技术服务业",
            "软件和信息技术服务业",
            "软件开发",
            "应用软件开发",
            "软件开发",
        ];
        let rows = [title.clone(), first.clone(), second.clone(), record.clone()];
        assert_eq!(find_header_row(&rows, &Choice::default()), Some(2));
        let rows = [first.clone(), second, record.clone()];
        assert_eq!(find_header_row(&rows, &Choice::default()), Some(1));
        // Saved as CSV the merges are gone: the second row would lose 企业名称 and 经营范围.
        let bare = vec![
            "",
            "国标行业门类",
            "国标行业大类",
            "国标行业中类",
            "国标行业小类",
            "",
        ];
        let rows = [title.clone(), first.clone(), bare, record.clone()];
        assert_eq!(find_header_row(&rows, &Choice::default()), Some(1));
        // A record below a one-row header is a record, even one holding a column name.
        let header = vec!["企业名称", "行业代码", "经营范围"];
        let rows = [header.clone(), vec!["甲", "6513", "产品"]];
        assert_eq!(find_header_row(&rows, &Choice::default()), Some(0));
        let rows = [header.clone(), header];
        assert_eq!(find_header_row(&rows, &Choice::default()), Some(0));
    }
}
