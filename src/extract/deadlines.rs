//! Deadlines inside directive text: a time expression (`ngày 15/11/2025`,
//! `tháng 12/2025`, `Quý I/2026`, `năm 2026`, `thường xuyên`) governed by a
//! deadline word just before it (`trước`, `chậm nhất`, `trong`,
//! `Thời gian thực hiện:` — [`crate::vocab::DEADLINE_CUES`]). Dates that
//! only identify a cited document (`Kế hoạch số 08/KH-UBND ngày 15/01/2024`)
//! have no such word and are skipped.

use crate::extract::dates;
use crate::extract::outline::slice;
use crate::model::{Deadline, Span};
use crate::normalize::{collapse_ws, ends_with_word};
use crate::vocab::{DEADLINE_CUES, RECURRING_PERIODS};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static RE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?P<dm>(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?)",
        r"|(?P<dw>ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*,?\s*năm\s+(?P<y2>\d{4}))?)",
        r"|(?P<h>(?:6|06|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm\s+(?P<y5>\d{4}))",
        r"|(?P<mo>tháng\s+(?P<m3>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<y3>\d{4}))?)",
        r"|(?P<q>quý\s+(?P<qn>IV|I{1,3}|[1-4])(?:\s*(?:/|-|năm)\s*(?P<y4>\d{4}))?)",
        r"|(?P<yr>năm\s+(?P<y6>\d{4}))",
        r"|(?P<rec>hằng năm|hàng năm|hằng quý|hàng quý|hằng tháng|hàng tháng|hằng tuần|hàng tuần|thường xuyên)"
    ))
    .unwrap()
});

/// A time of day at the end of the text before a date.
static RE_TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút|')?)?$").unwrap()
});

/// Cues that allow a recurring period (`Thời gian thực hiện: thường xuyên`).
const TIME_FIELD_CUES: &[&str] = &[
    "thời gian thực hiện",
    "thời gian hoàn thành",
    "thời gian",
    "thời hạn",
    "tiến độ",
    "định kỳ",
];

fn valid_year(y: i32) -> bool {
    (1945..=2100).contains(&y)
}

/// The text before a time expression, lower-cased, with trailing spaces,
/// `:` and filler words (`vào`, `là`, `hết`) removed.
fn cue_context(s: &str, at: usize) -> String {
    let from = {
        let mut i = at.saturating_sub(60);
        while i > 0 && !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut b = crate::normalize::lower(&collapse_ws(&s[from..at]));
    loop {
        let t = b.trim_end_matches([' ', ':', ',']).to_string();
        let mut changed = t.len() != b.len();
        b = t;
        for filler in ["vào", "là", "ngày"] {
            if ends_with_word(&b, filler) {
                b.truncate(b.len() - filler.len());
                changed = true;
            }
        }
        // A time of day before the date: `trước 17 giờ (30 phút) ngày …`,
        // `trước 17h00 ngày …`.
        if let Some(m) = RE_TIME_OF_DAY.find(&b) {
            b.truncate(m.start());
            changed = true;
        }
        if !changed {
            break;
        }
    }
    b
}

fn has_cue(before: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| ends_with_word(before, c))
}

fn recurring(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    RECURRING_PERIODS
        .iter()
        .find(|(k, _)| *k == w)
        .map(|(_, v)| *v)
}

fn quarter(q: &str) -> Option<u32> {
    match q.to_uppercase().as_str() {
        "I" | "1" => Some(1),
        "II" | "2" => Some(2),
        "III" | "3" => Some(3),
        "IV" | "4" => Some(4),
        _ => None,
    }
}

/// Deadlines in `text[range]`, skipping positions inside `exclude` (cited
/// documents). `doc_year` completes dates written without a year.
pub fn deadlines_in(
    text: &str,
    range: Range<usize>,
    doc_year: Option<i32>,
    exclude: &[Span],
) -> Vec<Deadline> {
    let s = slice(text, range.clone());
    let base = range.start.min(text.len());
    let mut out: Vec<Deadline> = Vec::new();
    for c in RE_TIME.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        let abs = base + m.start();
        if exclude.iter().any(|e| abs >= e.start && abs < e.end) {
            continue;
        }
        let before_char = s[..m.start()].chars().next_back();
        let after = &s[m.end()..];
        if before_char.is_some_and(|ch| ch.is_alphanumeric() || ch == '/' || ch == '-') {
            continue;
        }
        let before = cue_context(s, m.start());
        let mut end = m.end();
        let (mut date, mut period) = (None, None);
        if c.name("dm").is_some() || c.name("dw").is_some() {
            // `15/11/2025`: not glued to more digits or a code.
            if after.starts_with(|ch: char| ch.is_ascii_digit() || ch == '/')
                || (after.starts_with('-')
                    && after[1..].starts_with(|ch: char| ch.is_alphanumeric()))
            {
                continue;
            }
            if !has_cue(&before, DEADLINE_CUES) {
                continue;
            }
            let (d, mo, y) = if c.name("dm").is_some() {
                (c.name("d"), c.name("m"), c.name("y"))
            } else {
                (c.name("d2"), c.name("m2"), c.name("y2"))
            };
            let d: u32 = d.and_then(|x| x.as_str().parse().ok()).unwrap_or(0);
            let mo: u32 = mo.and_then(|x| x.as_str().parse().ok()).unwrap_or(0);
            let y: Option<i32> = y.and_then(|x| x.as_str().parse().ok());
            // `ngày 30 tháng 11 hằng năm`: a recurring date.
            let rest = after.trim_start();
            if y.is_none() {
                let rest_lower =
                    crate::normalize::lower(&rest[..crate::normalize::floor_boundary(rest, 40)]);
                if let Some((k, v)) = RECURRING_PERIODS
                    .iter()
                    .find(|(k, _)| rest_lower.starts_with(k))
                {
                    period = Some(v.to_string());
                    end = m.end() + (after.len() - rest.len()) + k.len();
                }
            }
            if period.is_none() {
                let Some(y) = y.or(doc_year) else { continue };
                let pd = dates::PartialDate {
                    year: Some(y),
                    month: Some(mo),
                    day: Some(d),
                };
                match pd.iso() {
                    Some(iso) => date = Some(iso),
                    None => continue,
                }
            }
        } else if c.name("h").is_some() {
            if !has_cue(&before, DEADLINE_CUES) {
                continue;
            }
            let y: i32 = c
                .name("y5")
                .and_then(|x| x.as_str().parse().ok())
                .unwrap_or(0);
            if !valid_year(y) {
                continue;
            }
            let half = c.name("half").map(|x| x.as_str().to_lowercase());
            let h = if half.as_deref() == Some("đầu") {
                1
            } else {
                2
            };
            period = Some(format!("H{h}/{y}"));
        } else if c.name("mo").is_some() {
            if !has_cue(&before, DEADLINE_CUES) {
                continue;
            }
            let mo: u32 = c
                .name("m3")
                .and_then(|x| x.as_str().parse().ok())
                .unwrap_or(0);
            let y = c
                .name("y3")
                .and_then(|x| x.as_str().parse().ok())
                .or(doc_year);
            match y {
                Some(y) if valid_year(y) && (1..=12).contains(&mo) => {
                    period = Some(format!("{y:04}-{mo:02}"))
                }
                _ => continue,
            }
        } else if c.name("q").is_some() {
            if !has_cue(&before, DEADLINE_CUES) {
                continue;
            }
            let q = c.name("qn").and_then(|x| quarter(x.as_str()));
            let y = c
                .name("y4")
                .and_then(|x| x.as_str().parse().ok())
                .or(doc_year);
            match (q, y) {
                (Some(q), Some(y)) if valid_year(y) => period = Some(format!("Q{q}/{y}")),
                _ => continue,
            }
        } else if c.name("yr").is_some() {
            if !has_cue(&before, DEADLINE_CUES) || after.trim_start().starts_with('-') {
                continue;
            }
            let y: i32 = c
                .name("y6")
                .and_then(|x| x.as_str().parse().ok())
                .unwrap_or(0);
            if !valid_year(y) {
                continue;
            }
            period = Some(y.to_string());
        } else if let Some(r) = c.name("rec") {
            if !has_cue(&before, TIME_FIELD_CUES) {
                continue;
            }
            match recurring(r.as_str()) {
                Some(v) => period = Some(v.to_string()),
                None => continue,
            }
        }
        let raw = collapse_ws(&s[m.start()..end]);
        if out.iter().any(|d| d.date == date && d.period == period) {
            continue;
        }
        out.push(Deadline {
            raw,
            date,
            period,
            span: Span {
                start: base + m.start(),
                end: base + end,
            },
        });
    }
    out
}

/// Deadlines mentioned in `s`.
pub fn find_deadlines(s: &str, doc_year: Option<i32>) -> Vec<Deadline> {
    deadlines_in(s, 0..s.len(), doc_year, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_of_day_between_cue_and_date() {
        for t in [
            "Sơ tán người dân, hoàn thành trước 17 giờ ngày 10/9/2024.",
            "Gửi báo cáo trước 16h00 ngày 10/9/2024.",
            "Gửi báo cáo trước 8 giờ 30 phút ngày 10/9/2024.",
        ] {
            let d = deadlines_in(t, 0..t.len(), Some(2024), &[]);
            assert_eq!(d.len(), 1, "{t}");
            assert_eq!(d[0].date.as_deref(), Some("2024-09-10"), "{t}");
        }
    }

    fn keys(s: &str, y: Option<i32>) -> Vec<String> {
        find_deadlines(s, y)
            .into_iter()
            .map(|d| d.date.or(d.period).unwrap_or_default())
            .collect()
    }

    #[test]
    fn dates_and_periods() {
        assert_eq!(
            keys(
                "báo cáo Ủy ban nhân dân thành phố trước ngày 15/11/2025 (lưu ý)",
                None
            ),
            vec!["2025-11-15"]
        );
        assert_eq!(
            keys("gửi về Sở chậm nhất ngày 05 tháng 12 năm 2025.", None),
            vec!["2025-12-05"]
        );
        assert_eq!(
            keys("Hoàn thành\n\ntrong Quý I/2026.", None),
            vec!["Q1/2026"]
        );
        assert_eq!(keys("tổ chức trong tháng 12/2025", None), vec!["2025-12"]);
        assert_eq!(keys("hoàn thành trong năm 2026", None), vec!["2026"]);
        assert_eq!(
            keys("gửi báo cáo trước 15/11", Some(2025)),
            vec!["2025-11-15"]
        );
        assert_eq!(
            keys("Thời gian thực hiện: thường xuyên.", None),
            vec!["thường xuyên"]
        );
        assert_eq!(keys("Thời gian: Quý IV năm 2025", None), vec!["Q4/2025"]);
        assert_eq!(
            keys("báo cáo trước ngày 30 tháng 11 hàng năm", Some(2025)),
            vec!["hằng năm"]
        );
        assert_eq!(
            keys("hoàn thành trong 6 tháng đầu năm 2026", None),
            vec!["H1/2026"]
        );
    }

    #[test]
    fn not_deadlines() {
        // Dates of cited documents, plan horizons, adverbs.
        assert!(keys(
            "tại Kế hoạch số 08/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân",
            None
        )
        .is_empty());
        assert!(keys(
            "phát triển đô thị đến năm 2030, tầm nhìn đến năm 2045",
            None
        )
        .is_empty());
        assert!(keys("Thường xuyên kiểm tra, đôn đốc, rà soát các nhiệm vụ", None).is_empty());
        assert!(keys("định kỳ báo cáo kết quả thực hiện", None).is_empty());
        assert!(keys("trong giai đoạn 2026-2030", None).is_empty());
        assert!(keys("trước 31/02", Some(2025)).is_empty());
        assert!(keys("trước ngày 15/11", None).is_empty());
    }
}
