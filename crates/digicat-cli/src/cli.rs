//! The command line: subcommands, options and their help texts (clap derive).

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use digicat::report::{Choice, Lang};
use digicat::{meta, CatalogueId, Edition, Options, Policy};
use std::path::PathBuf;

/// `digicat` and its subcommands.
#[derive(Debug, Parser)]
#[command(
    name = "digicat",
    version = version(),
    about = format!("Classify enterprises against {}", meta().title()),
    long_about = format!(
        "Classify enterprises against {} ({}, 附件): is an enterprise, by its GB/T 4754 industry \
code (行业代码) and its business scope or products (经营范围/主营产品), in the catalogue, and under \
which of its 9 industries?",
        meta().title(),
        meta().document()
    ),
    after_help = "Examples:\n  \
digicat classify enterprises.csv -o classified.csv\n  \
digicat lookup I6513\n  \
digicat match '人工智能应用软件开发；计算机视听觉软件'\n  \
digicat catalogue --format json"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Language of the messages, of the standard-error summary and of classify's added column
    /// headers and status, reason and error values [default: zh when LC_ALL, else LC_MESSAGES,
    /// else LANG starts with zh; else en]
    #[arg(long, global = true, value_parser = lang())]
    pub lang: Option<Lang>,
}

impl Cli {
    /// The language: `--lang`, else the locale's ([`locale_lang`]).
    pub fn language(&self) -> Lang {
        self.lang
            .unwrap_or_else(|| locale_lang(|name| std::env::var(name).ok()))
    }
}

/// The version line: the crate's version and the embedded catalogue's.
fn version() -> String {
    format!(
        "{} (catalogue {}, {})",
        env!("CARGO_PKG_VERSION"),
        digicat::CATALOGUE_VERSION,
        meta().document()
    )
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Classify every row of a CSV, TSV, XLSX or Parquet enterprise list; every input row and column is kept
    #[command(
        long_about = CLASSIFY_ABOUT,
        after_help = "Example:\n  digicat classify data/examples/enterprises.csv -o classified.csv --lang zh",
        after_long_help = CLASSIFY_AFTER
    )]
    Classify(ClassifyArgs),
    /// Show the GB/T 4754-2017 name of a code and the catalogue rows that carry it
    #[command(
        long_about = "Show the GB/T 4754-2017 name of an industry code (any accepted form: 6513, \
I6513, 6513*, ６５１３, a 中类/大类 such as 651, a GB/T 4754-2011 小类, or an exact 小类 name) and the \
catalogue rows that carry it: industry, row, whether only the listed products count (*), and the \
products (for the inferred row 4.7 呼叫中心 6591*: that they are not published). For a code that \
cannot be used, says why and exits with 1.",
        after_help = "Examples:\n  digicat lookup I6513\n  digicat lookup 651 --format json\n  digicat lookup 应用软件开发"
    )]
    Lookup(LookupArgs),
    /// Show the catalogue terms (products, aliases, scope phrases, class names) named in a text
    #[command(
        long_about = "Show the catalogue terms named in a text (经营范围 or a product list): each \
match with its byte span in TEXT, its kind (product, alias, scope_phrase, class_name), the catalogue \
row and industry it is evidence for. Matching ignores width, ASCII case and whitespace.",
        after_help = "Example:\n  digicat match '软件开发；人工智能应用软件开发；提供SaaS服务'"
    )]
    Match(MatchArgs),
    /// Print the whole catalogue as Markdown, CSV or JSON
    #[command(
        long_about = "Print the whole catalogue: its 9 industries, 30 rows (行业名称 with GB/T 4754-2017 \
code; * = only the listed products count) and their key products and services. Row 4.7 呼叫中心 \
6591* is not printed in the notice's table: it is inferred (inferred = yes, with a note saying why) \
and its products are not published. JSON shape: \
{\"title\", \"document\", \"date\", \"status\", \"industries\": [{\"id\", \"name\", \"category\", \
\"rows\": [{\"id\", \"name\", \"code\", \"partial\", \"inferred\", \"note\", \"products\": [..]}]}]}.",
        after_help = "Example:\n  digicat catalogue --format csv > catalogue.csv"
    )]
    Catalogue(CatalogueArgs),
    /// Assess parks (or a city-wide roster) against policy criteria: value, threshold, verdict, gap
    #[command(
        long_about = crate::commands::assess::ABOUT,
        after_help = "Example:\n  digicat assess data/examples/park_roster.csv --criteria pilot-park-2019,cluster-2021 \\\n    --attr space_m2=350000 -o report.json"
    )]
    Assess(crate::commands::assess::AssessArgs),
}

const CLASSIFY_ABOUT: &str = "\
Classify every row of an enterprise list against the catalogue. Writes every input column \
unchanged and in order, then the added columns, one output row per input row in the same order.

INPUT is a .csv or .tsv file, an .xlsx workbook (first sheet, or --sheet), a .parquet file, or - \
for standard input (CSV or TSV; an XLSX workbook or a Parquet file is recognised by its content). A file that is neither .csv nor .tsv \
by name is read as TSV when its header line has a tab, else as CSV. CSV and TSV are streamed: one \
record is read, classified and written at a time, so memory stays flat however long the file is. \
An XLSX sheet is streamed too (memory holds its shared strings and a few hundred rows); XLS, XLSB \
and ODS workbooks are loaded into memory whole. \
A Parquet file (.parquet, or recognised by its content) is read one record batch at a time; its \
column names are the header; strings are read as they are, numbers in decimal (a whole float \
without .0), a null as empty; a code column of numbers is read so too, with a note on standard \
error, since a code stored as a number has lost any leading zero (0111 reads as 111).

Encoding: UTF-8 (with or without BOM) when the first 64 KiB are valid UTF-8, else GB18030 (which \
covers GBK and GB2312); --encoding forces one. A later row whose bytes are not valid in that \
encoding is kept with status invalid, reason invalid_encoding, its undecodable bytes shown as \
U+FFFD; in a file detected as GB18030, a row that is UTF-8 (mixed encodings) is kept the same way, \
shown decoded as UTF-8. A file with NUL bytes that is not UTF-8 (an image, a PDF) is refused. \
Output is always UTF-8.

Header: found among the first 20 rows (physical lines of a CSV/TSV file, rows of a sheet): the \
first row when it holds a recognised column name (or an industry-like one), else the first later \
row of two or more cells holding a recognised name; rows above it (a title such as 企查查导出数据…) are \
not records. --header-row N takes line N instead. The summary says which line was used.

Columns: --code-col and --text-col name them; otherwise the code comes, in this order, from a \
section letter and code pair (industryphy + industryco, industryPhyCode + industryCode, 行业门类代码 + \
国民经济行业代码: read as I6510, so the section is checked), one code column (行业代码, 国民经济行业代码, 行业, \
industry_code, code, industryco, industryCode, …), a group of level columns (国标行业门类/大类/中类/小类, \
行业门类…行业小类, 天眼查 category…categorySmall, industryphyname + industryconame: per row the finest \
non-empty level), one column of industry names (国标行业, 所属行业, 国民经济行业, 行业名称, industry), or a header \
containing 行业代码. A company database's own taxonomy (企查查行业…) is never taken. The text is 经营范围, \
主营产品, 主要产品, 产品, business_scope, text, opscope, 经营(业务)范围 or businessScope, else a scope split \
over 许可经营项目 + 一般经营项目 (abuitem + cbuitem) read as one text (licensed items first, joined with ；), \
else a header containing 经营范围, 主营产品 or 主要产品 (ASCII case and surrounding spaces ignored).

Never by text alone silently: when no code column is found but a header looks like an industry \
column (it contains 行业 or industry, e.g. 所属行业分类 or 企查查行业门类), the command stops (exit 2) naming \
it: name the code column with --code-col, or classify by text only with --text-only. A file with \
a text column and no such header is classified by its text, and the summary's first line says so \
(with --quiet, a one-line note remains unless --text-only was given).";

const CLASSIFY_AFTER: &str = "\
Added columns (--lang en / --lang zh; with zh the status, reason and error values are Chinese too):
  status          状态      in_scope, needs_review, out_of_scope, invalid or skipped
  reason          原因      why, e.g. listed_product; for invalid rows the error kind
  industries      产业编号  industry ids, e.g. 1,3 (candidates when needs_review)
  industry_names  产业名称  industry names, ；-joined
  rows            目录行    catalogue rows, e.g. 1.3,3.2
  evidence        依据      catalogue terms found in the text, ；-joined
  error           错误信息  why the row is invalid

Rows that never reach the classifier are invalid with a reason of the command line's own:
  malformed_record  a CSV/TSV record whose field count differs from the header's (short records \
are padded with empty fields, extra fields are quoted in the error)
  invalid_encoding  bytes not valid in the input's encoding

Rows that are not enterprises are kept in place with status skipped: blank_row (every field \
blank, e.g. ,,, or an empty sheet row) or footer_row (only a 合计：26家-style footer). A \
physically empty line of a CSV/TSV file is no record at all.

--format jsonl writes one object a row: {\"line\": N, \"input\": {column: value, ...}, \"status\", \
\"reason\", \"code\", \"industries\": [ids], \"rows\": [\"1.3\"], \"evidence\": [{\"text\", \"row\", \
\"start\", \"end\", \"kind\", \"relation\"}], \"error\"} (line: the physical line where the record \
starts, 1-based, counting LF, CRLF and CR endings, blank lines, title lines and the lines of quoted \
multi-line fields; a sheet's row number for XLSX; code: the code as read, digits only, or null; \
start/end: byte offsets in the UTF-8 text of the text column; relation: equivalent or broader for a scope phrase, else null; error: \
null when none).

--format parquet (or -o NAME.parquet) writes the input columns (a Parquet input's unchanged, with \
their types; else strings), then typed columns named as --lang names them: status and reason \
(dictionary-encoded strings, the stable codes in both languages), industries (list of int8), \
rows (list of strings), evidence (list of struct text, row, start, end, kind, relation; \
start/end: character offsets in the text column's value) and error (nullable string), as \
digicat.arrow.classify gives them in Python; row groups of at most 65,536 rows, zstd; an input \
column named like an added column is refused.

Without -o the result goes to standard output; with -o it is written to a temporary file beside \
OUTPUT and renamed over it at the end, so OUTPUT is never left half-written. A summary (rows, \
header line, columns used, statuses with skipped rows apart, industries, invalid rows, speed) goes \
to standard error, with a progress bar when standard error is a terminal; --quiet turns both \
off (a note that the run classified by text only remains).

Exit status: 0 the run completed; 1 with --strict, the run completed but some row is invalid; \
2 usage error, unreadable input, column not found, or output not written.

Examples:
  digicat classify data/examples/enterprises.csv
  digicat classify 企业名录.xlsx --sheet 名录 -o 结果.csv --lang zh --bom
  cat 名录.csv | digicat classify - --format jsonl > 结果.jsonl
  digicat classify list.csv --code-col 国标行业 --text-col 主营业务 --policy strict --strict";

/// Options of `digicat classify`.
#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Input file (.csv, .tsv, .xlsx, .parquet) or - for standard input
    pub input: PathBuf,
    /// Write the result here (atomically) instead of to standard output; - means standard output
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<PathBuf>,
    /// How the table is read and classified.
    #[command(flatten)]
    pub table: TableArgs,
    /// Output format [default: from OUTPUT's extension (.xlsx, .csv, .tsv, .jsonl, .parquet), else csv,
    /// or tsv for TSV input]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// Count rows per value of this column too (repeatable: --group-by 镇街 --group-by 园区), in
    /// the summary, the summary file and the workbook's summary sheet
    #[arg(long, value_name = "COLUMN")]
    pub group_by: Vec<String>,
    /// Also write the counts to FILE (.csv or .xlsx, by extension; written atomically)
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Start CSV/TSV output with a UTF-8 byte-order mark, so that Excel reads it as UTF-8
    /// [default: on for a file given with -o, off for standard output]
    #[arg(long, overrides_with = "no_bom")]
    pub bom: bool,
    /// No byte-order mark, also for a file given with -o
    #[arg(long, overrides_with = "bom")]
    pub no_bom: bool,
    /// No progress bar and no summary on standard error (a note remains when the run classified
    /// by text only without --text-only)
    #[arg(short, long)]
    pub quiet: bool,
    /// Exit with 1 when any row is invalid
    #[arg(long)]
    pub strict: bool,
    /// Threads that classify [default: all cores]; 1 reads, classifies and writes on one thread.
    /// Rows are written in input order either way
    #[arg(long, value_name = "N")]
    pub threads: Option<std::num::NonZeroUsize>,
    /// Catalogues to classify against, comma-separated, in column order: dongguan-2019 (东莞市
    /// 数字产业目录, 2019) and/or szjj-2021 (数字经济及其核心产业统计分类（2021）, columns szjj_* /
    /// 数字经济…); the summary counts the first
    #[arg(long, value_name = "IDS", value_delimiter = ',', default_value = "dongguan-2019", value_parser = catalogue_id())]
    pub catalogue: Vec<CatalogueId>,
}

impl ClassifyArgs {
    /// The number of classifying threads: `--threads`, else the available cores.
    pub fn threads(&self) -> usize {
        self.threads
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, std::num::NonZeroUsize::get)
    }

    /// The catalogues asked for, each once, in the order given.
    pub fn catalogues(&self) -> Vec<CatalogueId> {
        let mut out: Vec<CatalogueId> = Vec::new();
        for c in &self.catalogue {
            if !out.contains(c) {
                out.push(*c);
            }
        }
        out
    }
}

/// The locale's language as POSIX chooses the messages' locale: the first non-empty of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` (read with `var`); Chinese when it starts with `zh` (`zh_CN.UTF-8`,
/// `zh_TW`), else English.
pub fn locale_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name))
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// How an input table is read and classified: the options `classify` and `assess` share.
#[derive(Debug, Args)]
pub struct TableArgs {
    /// Header of the industry-code column (default: detected)
    #[arg(long, value_name = "NAME")]
    pub code_col: Option<String>,
    /// Header of the business-scope/products column (default: detected)
    #[arg(long, value_name = "NAME")]
    pub text_col: Option<String>,
    /// Classify by the text column alone, with no code column (needed when a column looks like
    /// an industry column but is not recognised)
    #[arg(long, conflicts_with = "code_col")]
    pub text_only: bool,
    /// The header's line (CSV/TSV: physical line; XLSX: sheet row), 1-based [default: the first
    /// of the first 20 rows holding a recognised column name]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub header_row: Option<u64>,
    /// Which evidence counts: strict admits only listed products and their aliases
    #[arg(long, value_parser = policy(), default_value = Policy::Standard.as_str())]
    pub policy: Policy,
    /// Read 4-digit codes as GB/T 4754-2017 or 2011 only [default: auto, 2017 first, then a 2011 小类]
    #[arg(long, value_parser = edition())]
    pub edition: Option<Edition>,
    /// Input encoding
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Worksheet of an XLSX input [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

impl TableArgs {
    /// The engine's options (policy and edition).
    pub fn options(&self) -> Options {
        Options {
            policy: self.policy,
            edition: self.edition.unwrap_or_default(),
        }
    }

    /// The columns named, and whether to classify by text only.
    pub fn choice(&self) -> Choice<'_> {
        Choice {
            code_col: self.code_col.as_deref(),
            text_col: self.text_col.as_deref(),
            text_only: self.text_only,
        }
    }
}

/// Options of `digicat lookup`.
#[derive(Debug, Args)]
pub struct LookupArgs {
    /// An industry code (6513, I6513, 6513*, 651, ...) or an exact GB/T 4754-2017 小类 name
    pub code: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,
    /// Read a 4-digit code as GB/T 4754-2017 or 2011 only [default: auto]
    #[arg(long, value_parser = edition())]
    pub edition: Option<Edition>,
}

/// Options of `digicat match`.
#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The text to scan (经营范围 or a product list)
    pub text: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,
    /// Which terms count: strict admits only listed products and their aliases
    #[arg(long, value_parser = policy(), default_value = Policy::Standard.as_str())]
    pub policy: Policy,
}

/// Options of `digicat catalogue`.
#[derive(Debug, Args)]
pub struct CatalogueArgs {
    /// Which catalogue: dongguan-2019 (东莞市数字产业目录) or szjj-2021 (数字经济及其核心产业统计分类（2021）)
    #[arg(long, value_name = "ID", default_value = "dongguan-2019", value_parser = catalogue_id())]
    pub catalogue: CatalogueId,
    /// Output format
    #[arg(long, value_enum, default_value_t = CatalogueFormat::Md)]
    pub format: CatalogueFormat,
    /// Write to this file (atomically) instead of standard output; - means standard output
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<PathBuf>,
    /// Start CSV output with a UTF-8 byte-order mark, so that Excel reads it as UTF-8
    /// [default: on for a file given with -o, off for standard output]
    #[arg(long, overrides_with = "no_bom")]
    pub bom: bool,
    /// No byte-order mark, also for a file given with -o
    #[arg(long, overrides_with = "bom")]
    pub no_bom: bool,
}

/// Output format of `classify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Comma-separated values
    Csv,
    /// Tab-separated values
    Tsv,
    /// One JSON object a line
    Jsonl,
    /// An Excel workbook (.xlsx): the rows with their cell types, a summary sheet, the options
    Xlsx,
    /// Apache Parquet (.parquet): the input columns, then typed result columns
    Parquet,
}

/// Output format of `lookup` and `match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    /// Plain text for people
    Text,
    /// One JSON document
    Json,
}

/// Output format of `catalogue`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CatalogueFormat {
    /// Markdown tables
    Md,
    /// CSV, one line per product (whole-class rows: one line without product)
    Csv,
    /// One JSON document
    Json,
}

/// `--lang`: the core's [`Lang`] names, parsed with its `FromStr`.
fn lang() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new([
        PossibleValue::new("en").help("English: snake_case headers, the stable codes as values"),
        PossibleValue::new("zh").help("Chinese: headers, statuses, reasons and summary in Chinese"),
    ])
    .try_map(|s| s.parse::<Lang>())
}

/// `--catalogue`: a catalogue id, parsed with the core's `FromStr`.
fn catalogue_id() -> impl TypedValueParser<Value = CatalogueId> {
    PossibleValuesParser::new(CatalogueId::ALL.map(|c| PossibleValue::new(c.as_str())))
        .try_map(|s| s.parse::<CatalogueId>())
}

/// `--policy`: the core's [`Policy`] names, parsed with its `FromStr`.
fn policy() -> impl TypedValueParser<Value = Policy> {
    PossibleValuesParser::new([
        PossibleValue::new(Policy::Standard.as_str())
            .help("Products, aliases, equivalent scope phrases and class names decide"),
        PossibleValue::new(Policy::Strict.as_str())
            .help("Only listed products and their aliases decide"),
    ])
    .try_map(|s| s.parse::<Policy>())
}

/// `--edition`: the core's [`Edition`] names other than `auto` (the default when the option is
/// absent), parsed with its `FromStr`.
fn edition() -> impl TypedValueParser<Value = Edition> {
    PossibleValuesParser::new([
        PossibleValue::new(Edition::Gbt2017.as_str()).help("GB/T 4754-2017 only"),
        PossibleValue::new(Edition::Gbt2011.as_str()).help("4-digit codes are GB/T 4754-2011 小类"),
    ])
    .try_map(|s| s.parse::<Edition>())
}

/// `--encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 if the start of the input is valid UTF-8, else GB18030
    Auto,
    /// UTF-8 (a BOM is skipped)
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GB18030
    Gb18030,
    /// GBK (read with the GB18030 decoder, which covers it)
    Gbk,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_chooses_the_default_language_as_posix_does() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(locale_lang(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(locale_lang(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(locale_lang(env(&[])), Lang::En);
        let over = env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!(locale_lang(over), Lang::En, "LC_ALL first");
        let empty = env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW"), ("LANG", "C")]);
        assert_eq!(locale_lang(empty), Lang::Zh, "an empty variable is skipped");
    }
}
