//! Exact quantities: every value is an integer number of micro-units (10⁻⁶) of its base unit
//! (元 for money, 1 for counts, people and areas, a ratio for % and 倍), so sums are exact and
//! converting 元 ↔ 万元 ↔ 亿元 never changes a comparison.

use serde::Serialize;

/// Micro-units (10⁻⁶) of a base unit.
pub type Micro = i128;

/// One base unit in micro-units.
pub const ONE: Micro = 1_000_000;

/// A unit of a threshold, value or roster column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    /// `-`: none.
    #[serde(rename = "-")]
    None,
    /// 家 (enterprises).
    #[serde(rename = "家")]
    Enterprises,
    /// 人.
    #[serde(rename = "人")]
    People,
    /// 平方米.
    #[serde(rename = "平方米")]
    SquareMetres,
    /// 元.
    #[serde(rename = "元")]
    Yuan,
    /// 万元.
    #[serde(rename = "万元")]
    Wan,
    /// 亿元.
    #[serde(rename = "亿元")]
    Yi,
    /// % (base: a ratio).
    #[serde(rename = "%")]
    Percent,
    /// 倍 (a ratio).
    #[serde(rename = "倍")]
    Times,
    /// 个 (items: projects, platforms, nodes, data sets).
    #[serde(rename = "个")]
    Items,
    /// 座 (sites: base stations, data centres).
    #[serde(rename = "座")]
    Sites,
    /// 所 (schools).
    #[serde(rename = "所")]
    Schools,
}

impl Unit {
    /// The names accepted in criteria files.
    pub const NAMES: [&'static str; 12] = [
        "-",
        "家",
        "人",
        "平方米",
        "元",
        "万元",
        "亿元",
        "%",
        "倍",
        "个",
        "座",
        "所",
    ];

    /// Reads a unit name (see [`Unit::NAMES`]).
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "-" | "" => Unit::None,
            "家" => Unit::Enterprises,
            "人" | "名" => Unit::People,
            "平方米" | "㎡" => Unit::SquareMetres,
            "元" => Unit::Yuan,
            "万元" => Unit::Wan,
            "亿元" => Unit::Yi,
            "%" => Unit::Percent,
            "倍" => Unit::Times,
            "个" => Unit::Items,
            "座" => Unit::Sites,
            "所" => Unit::Schools,
            _ => return None,
        })
    }
    /// The name (`亿元` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::None => "",
            Unit::Enterprises => "家",
            Unit::People => "人",
            Unit::SquareMetres => "平方米",
            Unit::Yuan => "元",
            Unit::Wan => "万元",
            Unit::Yi => "亿元",
            Unit::Percent => "%",
            Unit::Times => "倍",
            Unit::Items => "个",
            Unit::Sites => "座",
            Unit::Schools => "所",
        }
    }
    /// `true` for 元, 万元, 亿元.
    pub fn is_money(self) -> bool {
        matches!(self, Unit::Yuan | Unit::Wan | Unit::Yi)
    }
    /// One of this unit in base units, as (numerator, denominator).
    fn factor(self) -> (i128, i128) {
        match self {
            Unit::Wan => (10_000, 1),
            Unit::Yi => (100_000_000, 1),
            Unit::Percent => (1, 100),
            _ => (1, 1),
        }
    }
    /// A plain decimal (`100`, `0.5`, `12.25`) in this unit, as micro base units; `None` when
    /// not a plain non-negative decimal or finer than a micro-unit.
    pub fn to_micro(self, s: &str) -> Option<Micro> {
        let (mantissa, decimals) = parse_plain(s)?;
        self.scale(mantissa, decimals)
    }
    /// `mantissa / 10^decimals` of this unit in micro base units (`None` if not exact).
    pub fn scale(self, mantissa: i128, decimals: u32) -> Option<Micro> {
        let (num, den) = self.factor();
        let top = mantissa.checked_mul(num)?.checked_mul(ONE)?;
        let bottom = 10i128.checked_pow(decimals)?.checked_mul(den)?;
        (top % bottom == 0).then_some(top / bottom)
    }
    /// Micro base units expressed in this unit, as a float (display only).
    pub fn display(self, micro: Micro) -> f64 {
        let (num, den) = self.factor();
        micro as f64 * den as f64 / (num as f64 * ONE as f64)
    }
}

/// `12.25` → (1225, 2). ASCII digits and at most one `.`; no sign.
fn parse_plain(s: &str) -> Option<(i128, u32)> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    if s.contains('.') && frac.is_empty() {
        return None;
    }
    let digits = format!("{int}{frac}");
    if digits.len() > 30 {
        return None;
    }
    Some((digits.parse().ok()?, u32::try_from(frac.len()).ok()?))
}

/// Why a roster cell is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellError {
    /// Negative.
    Negative,
    /// Not a number (`约100`, `N/A`, `1.2.3`).
    NotANumber,
    /// Finer than a micro-unit or too large.
    OutOfRange,
}

impl CellError {
    /// The message, in Chinese (it is a value of the Chinese report).
    pub fn message(&self) -> &'static str {
        match self {
            CellError::Negative => "负数",
            CellError::NotANumber => "无法读取的数值",
            CellError::OutOfRange => "数值超出范围",
        }
    }
}

/// Reads a roster cell in `unit`: full-width digits (`１２３`, `．`), thousands separators
/// (`1,234,567.8`, groups of three), surrounding spaces. Blank → `Ok(None)`.
pub fn read_cell(raw: &str, unit: Unit) -> Result<Option<Micro>, CellError> {
    let mut s = String::with_capacity(raw.len());
    for c in raw.trim().chars() {
        let c = match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '－' | '−' => '-',
            _ => c,
        };
        s.push(c);
    }
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = s.strip_prefix('-') {
        if parse_plain(&strip_separators(rest).unwrap_or_default()).is_some() {
            return Err(CellError::Negative);
        }
        return Err(CellError::NotANumber);
    }
    let plain = strip_separators(s).ok_or(CellError::NotANumber)?;
    let (mantissa, decimals) = parse_plain(&plain).ok_or(CellError::NotANumber)?;
    unit.scale(mantissa, decimals)
        .map(Some)
        .ok_or(CellError::OutOfRange)
}

/// Removes thousands separators when they group the integer part by three; `None` when commas
/// are placed otherwise.
fn strip_separators(s: &str) -> Option<String> {
    if !s.contains(',') {
        return Some(s.to_owned());
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    let mut out = groups.concat();
    if let Some(f) = frac {
        if f.contains(',') {
            return None;
        }
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        assert_eq!(read_cell("1,234.5", Unit::Wan), Ok(Some(12_345_000 * ONE)));
        assert_eq!(read_cell("１２３", Unit::Yuan), Ok(Some(123 * ONE)));
        assert_eq!(read_cell(" ", Unit::Yuan), Ok(None));
        for bad in ["约100", "-", "N/A", "1.2.3", "12,34", "1e5"] {
            assert_eq!(
                read_cell(bad, Unit::Yuan),
                Err(CellError::NotANumber),
                "{bad}"
            );
        }
        assert_eq!(read_cell("-5", Unit::Yuan), Err(CellError::Negative));
        assert_eq!(Unit::Yi.to_micro("1.5"), Some(150_000_000 * ONE));
        assert_eq!(Unit::Percent.to_micro("15"), Some(150_000));
    }
}
