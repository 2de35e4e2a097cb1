//! Date shapes shared by every extractor: `22/8/2025`, `22-8-2025`,
//! `ngày 22 tháng 8 năm 2025`, and the header's blank draft form
//! `ngày      tháng     năm 2025`.

use regex::Regex;
use std::sync::LazyLock;

/// A calendar date whose parts may be blank (drafts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// ISO `YYYY-MM-DD` when every part is known and valid.
    pub fn iso(&self) -> Option<String> {
        let (y, m, d) = (self.year?, self.month?, self.day?);
        valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
    }
}

/// True for a real calendar date between 1945 and 2100.
pub fn valid(y: i32, m: u32, d: u32) -> bool {
    if !(1945..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= days
}

static RE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?:\D|$)").unwrap()
});
static RE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4})(?:\D|$)").unwrap()
});

/// A full date at the start of `s` (after optional spaces): `22/8/2025` or
/// `22 tháng 8 năm 2025`. Returns the date and the bytes consumed.
pub fn date_at_start(s: &str) -> Option<(PartialDate, usize)> {
    let trimmed = s.trim_start();
    let skip = s.len() - trimmed.len();
    for re in [&*RE_NUMERIC, &*RE_WORDS] {
        if let Some(c) = re.captures(trimmed) {
            let d: u32 = c[1].parse().ok()?;
            let m: u32 = c[2].parse().ok()?;
            let y: i32 = c[3].parse().ok()?;
            if !valid(y, m, d) {
                return None;
            }
            let end = c.get(3).map(|g| g.end()).unwrap_or(0);
            return Some((
                PartialDate {
                    year: Some(y),
                    month: Some(m),
                    day: Some(d),
                },
                skip + end,
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let (d, n) = date_at_start(" 22/8/2025 của").unwrap();
        assert_eq!(d.iso().as_deref(), Some("2025-08-22"));
        assert_eq!(n, 10);
        let (d, _) = date_at_start("22 tháng 8 năm 2025;").unwrap();
        assert_eq!(d.iso().as_deref(), Some("2025-08-22"));
        let (d, _) = date_at_start("09-02-2026").unwrap();
        assert_eq!(d.iso().as_deref(), Some("2026-02-09"));
        assert!(date_at_start("31/02/2025").is_none());
        assert!(date_at_start("08/6/20210").is_none());
        assert!(date_at_start("Quý I/2026").is_none());
    }
}
