//! Deadlines inside directive text: a time expression (`ngày 15/11/2025`,
//! `tháng 12/2025`, `Quý I/2026`, `năm 2026`, `thường xuyên`) governed by a
//! deadline word just before it (`trước`, `chậm nhất`, `trong`,
//! `Thời gian thực hiện:` — [`crate::vocab::DEADLINE_CUES`]). Dates that
//! only identify a cited document (`Kế hoạch số 08/KH-UBND ngày 15/01/2024`)
//! have no such word and are skipped.

use crate::extract::dates;
use crate::extract::outline::slice;
use crate::extract::spans::SpanSet;
use crate::model::{Deadline, Span};
use crate::text::{collapse_ws, ends_with_word};
use crate::vocab::{DEADLINE_CUES, NEXT_YEAR_WORDS, PAST_MARKERS, RECURRING_PERIODS};
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

static RE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?P<dm>(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?)",
        r"|(?P<dw>ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*,?\s*năm\s+(?P<y2>\d{4}))?)",
        r"|(?P<h>(?:6|06|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm\s+(?P<y5>\d{4}))",
        r"|(?P<mo>tháng\s+(?:\d{1,2}\s*(?:,|và)\s*)*(?P<m3>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<y3>\d{4}))?)",
        r"|(?P<q>qu[ýí]\s+(?P<qn>IV|I{1,3}|[1-4])(?:\s*(?:/|-|năm)\s*(?P<y4>\d{4}))?)",
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
    let mut b = crate::text::lower_collapsed(&s[from..at]);
    loop {
        let kept = b.trim_end_matches([' ', ':', ',']).len();
        let mut changed = kept != b.len();
        b.truncate(kept);
        for filler in ["vào", "là", "ngày"] {
            if ends_with_word(&b, filler) {
                b.truncate(b.len() - filler.len());
                changed = true;
            }
        }
        // A time of day before the date: `trước 17 giờ (30 phút) ngày …`,
        // `trước 17h00 ngày …`.
        // (It has a digit: the regex runs only where one stands.)
        let time_of_day = b
            .chars()
            .any(char::is_numeric)
            .then(|| RE_TIME_OF_DAY.find(&b))
            .flatten();
        if let Some(m) = time_of_day {
            b.truncate(m.start());
            changed = true;
        }
        if !changed {
            break;
        }
    }
    b
}

/// A past instruction retold (`Chủ tịch đã chỉ đạo … hoàn thành trước
/// ngày …`): its time is not this document's deadline.
fn is_past(s: &str, at: usize) -> bool {
    let from = crate::text::floor_boundary(s, at.saturating_sub(300));
    // The last clause of the raw text, then spaced and lowered (the same
    // clause as cutting after spacing and lowering: neither moves a `.` or
    // `;`), so only the clause is copied.
    let raw = &s[from..at];
    let clause = raw.rsplit(['.', ';']).next().unwrap_or(raw);
    // Every phrase starts with `đã`: a clause with no `đã` in any case
    // (lower-casing maps each character on its own, spacing never joins
    // two) has none of them.
    if !["đã", "Đã", "đÃ", "ĐÃ"].iter().any(|p| clause.contains(p)) {
        return false;
    }
    let clause = crate::text::lower_collapsed(clause);
    [
        "đã chỉ đạo",
        "đã ban hành",
        "đã yêu cầu",
        "đã giao",
        "đã có văn bản",
    ]
    .iter()
    .any(|p| clause.contains(p))
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

/// How a time expression must be introduced to count as a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Running text: a deadline word just before it (`trước`, `chậm nhất`,
    /// `trong`, `đến hết` — [`DEADLINE_CUES`]).
    Word,
    /// A time field (`Thời gian thực hiện: …`, a table's `Thời hạn` cell):
    /// every expression is the time of the task, except a start (`từ …`
    /// with no `đến` after it).
    Field,
}

/// Deadlines in `text[range]`, skipping positions inside `exclude` (cited
/// documents). `doc_year` completes dates written without a year.
pub fn deadlines_in(
    text: &str,
    range: Range<usize>,
    doc_year: Option<i32>,
    exclude: &[Span],
) -> Vec<Deadline> {
    deadlines_with(text, range, doc_year, exclude, Cue::Word)
}

/// [`deadlines_in`] with the way expressions must be introduced.
pub fn deadlines_with(
    text: &str,
    range: Range<usize>,
    doc_year: Option<i32>,
    exclude: &[Span],
    mode: Cue,
) -> Vec<Deadline> {
    deadlines_among(text, range, doc_year, &SpanSet::new(exclude), mode)
}

/// [`deadlines_with`] with the excluded spans already sorted (callers that
/// ask for many ranges sort them once).
/// The sentence around `at` tells what has happened (`đã`, `mới đạt`):
/// a time `đến` in it is where a count stops, not a deadline.
fn reports_past(s: &str, at: usize) -> bool {
    // (Every marker holds `đã` or `mới`, either case: other sentences are
    // not lowered.)
    let raw = sentence_at(s, at);
    if !["đã", "Đã", "ĐÃ", "mới", "Mới", "MỚI"]
        .iter()
        .any(|w| raw.contains(w))
    {
        return false;
    }
    let sentence = crate::text::lower_collapsed(raw);
    // `phấn đấu đến ngày 30/4/2026, 100% thửa đất đã cấp …`: a goal's `đã`.
    if sentence.contains("phấn đấu") {
        return false;
    }
    PAST_MARKERS.iter().any(|w| {
        sentence.match_indices(w).any(|(i, _)| {
            crate::text::word_end(&sentence, i + w.len())
                && (i == 0 || sentence[..i].ends_with(' '))
        })
    })
}

pub fn deadlines_among(
    text: &str,
    range: Range<usize>,
    doc_year: Option<i32>,
    exclude: &SpanSet,
    mode: Cue,
) -> Vec<Deadline> {
    let s = slice(text, range.clone());
    let base = range.start.min(text.len());
    let mut out: Vec<Deadline> = Vec::new();
    let mut seen: HashSet<(Option<String>, Option<String>)> = HashSet::new();
    // The matches are found by the fast engine; the groups are read (the
    // slow engine) only for a match that passes the cheap tests below.
    // Text inside an excluded span (a directive read already, a cited
    // document) is not searched at all.
    let mut pos = 0;
    loop {
        let from = exclude.next_free(base + pos) - base;
        if from > s.len() {
            break;
        }
        let Some(m) = RE_TIME.find_at(s, crate::text::floor_boundary(s, from)) else {
            break;
        };
        pos = m.end().max(m.start() + 1);
        let abs = base + m.start();
        if exclude.contains(abs) {
            continue;
        }
        let before_char = s[..m.start()].chars().next_back();
        let after = &s[m.end()..];
        if before_char.is_some_and(|ch| ch.is_alphanumeric() || ch == '/' || ch == '-') {
            continue;
        }
        // `Tổ chức nghiệm thu, công bố kết quả: Quý I/2026`: a time alone
        // after a colon, ending its line, is the item's time as a field's is.
        let colon_tail = s[..m.start()].trim_end_matches([' ', '\t']).ends_with(':') && {
            let rest = after[..after.find('\n').unwrap_or(after.len())].trim();
            rest.is_empty() || matches!(rest, "." | ";" | "," | "./.")
        };
        let field = mode == Cue::Field || colon_tail;
        // Every cue (and `đến`, `cuối`, `vào`, a time of day) ends with a
        // letter, a digit or `'`: after any other mark (`2.3.` ⏎ `4.5`)
        // running text has no cue, and the context is not built.
        if !field
            && s[..m.start()]
                .trim_end_matches(|ch: char| ch.is_whitespace() || ch == ':' || ch == ',')
                .chars()
                .next_back()
                .is_some_and(|ch| !ch.is_alphanumeric() && ch != '\'')
        {
            continue;
        }
        let before = cue_context(s, m.start());
        // A start (`từ tháng 11/2013 trở đi`, `từ năm 2013 đến năm 2020`):
        // only the end of a range counts.
        if field && ends_with_word(&before, "từ") {
            continue;
        }
        // `đến tháng 6/2027`, `từ nay đến quý III/2030`: the end of a span
        // of work (a horizon year alone belongs to targets).
        let to_end = ends_with_word(&before, "đến") || ends_with_word(&before, "cuối");
        let cue = |cues: &[&str]| field || has_cue(&before, cues);
        // Every kind of expression below needs a cue, `đến`/`cuối`, or
        // (a year) `vào` just before it: without any, no group is read.
        if !(to_end || cue(DEADLINE_CUES) || cue(TIME_FIELD_CUES) || after_vao(s, m.start())) {
            continue;
        }
        // `Đến ngày 20/11/2025, tổng vốn đã giải ngân …`: the day a report
        // counts up to, no time to act by.
        if to_end && !field && !cue(DEADLINE_CUES) && reports_past(s, m.start()) {
            continue;
        }
        // The same match, its groups by the slower engine (no look-around
        // in RE_TIME: the haystack cut at the match end reads it the same).
        let Some(c) = RE_TIME.captures_at(&s[..m.end()], m.start()) else {
            continue;
        };
        debug_assert_eq!(c.get(0).map(|g| g.range()), Some(m.range()));
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
            if !cue(DEADLINE_CUES) && !to_end {
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
                    crate::text::lower_collapsed(&rest[..crate::text::floor_boundary(rest, 40)]);
                // `trước ngày 01/6 và 15/11 hằng năm`: two recurring dates.
                if let Some(m2) = RE_AND_DAY_MONTH.find(&rest_lower) {
                    let tail = &rest_lower[m2.end()..];
                    if RECURRING_PERIODS.iter().any(|(k, _)| tail.starts_with(k)) {
                        continue;
                    }
                }
                if let Some((k, v)) = RECURRING_PERIODS
                    .iter()
                    .find(|(k, _)| rest_lower.starts_with(k))
                {
                    period = Some(v.to_string());
                    // Same words, possibly broken over lines.
                    let want = k.chars().filter(|c| !c.is_whitespace()).count();
                    let mut seen = 0;
                    let mut n = k.len();
                    for (i, ch) in rest.char_indices() {
                        if !ch.is_whitespace() {
                            seen += 1;
                            if seen == want {
                                n = i + ch.len_utf8();
                                break;
                            }
                        }
                    }
                    end = m.end() + (after.len() - rest.len()) + n;
                }
            }
            if period.is_none() {
                // `trước ngày 15 tháng 01 năm sau`: the year after the
                // document's (the words are part of the deadline).
                let next_year = if y.is_none() {
                    NEXT_YEAR_WORDS.iter().find_map(|w| {
                        crate::text::starts_ci(rest, w).filter(|&n| crate::text::word_end(rest, n))
                    })
                } else {
                    None
                };
                if let Some(n) = next_year {
                    end = m.end() + (after.len() - rest.len()) + n;
                }
                let y = if next_year.is_some() {
                    doc_year.map(|y| y + 1)
                } else {
                    y.or(doc_year)
                };
                let Some(y) = y else { continue };
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
            if !cue(DEADLINE_CUES) {
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
            // `vào tháng 9/2026`, like `vào năm 2026`: the time of a task,
            // unless the sentence sets a target.
            let at_time = after_vao(s, m.start()) && !sentence_has_target(s, m.start());
            if !cue(DEADLINE_CUES) && !to_end && !at_time {
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
            let at_time = after_vao(s, m.start()) && !sentence_has_target(s, m.start());
            if !cue(DEADLINE_CUES) && !to_end && !at_time {
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
            // `Tổng kết giai đoạn 2013-2015 vào năm 2015`: the time of a
            // task, unless the sentence sets a target (`đạt 80% … vào năm
            // 2029` is its horizon).
            if after.trim_start().starts_with('-') {
                continue;
            }
            if !cue(DEADLINE_CUES) {
                let at_year = after_vao(s, m.start()) && !sentence_has_target(s, m.start());
                if !at_year {
                    continue;
                }
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
            if !cue(TIME_FIELD_CUES) {
                continue;
            }
            match recurring(r.as_str()) {
                Some(v) => period = Some(v.to_string()),
                None => continue,
            }
        }
        // Every test below only drops the expression, and (but for a year,
        // whose period may still change) its date and period are final: one
        // already kept drops it anyway.
        if c.name("yr").is_none() && seen.contains(&(date.clone(), period.clone())) {
            continue;
        }
        // (Read after the cheap cue tests: it looks back 300 bytes.)
        if is_past(s, m.start()) {
            continue;
        }
        // `đến ngày 19/11/2025 đã có …`, `từ nay đến ngày … chỉ còn 01
        // tháng`: a state at a time, not a time limit.
        let next = crate::text::lower_collapsed(&after[..crate::text::floor_boundary(after, 24)]);
        let next = next.trim_start_matches([' ', ',']);
        if ["đã ", "chỉ còn", "vừa qua"]
            .iter()
            .any(|w| next.starts_with(w))
        {
            continue;
        }
        // `số liệu tính từ ngày 01/6/2014 đến ngày 31/3/2016`, `Cuộc thi
        // được tổ chức từ ngày 12/3 đến ngày 15/3/2018`: the period figures
        // cover or an event lasts ([`crate::vocab::SPAN_WORDS`]).
        if to_end && !cue(DEADLINE_CUES) && {
            let clause = &before[before.rfind([';', '.', ':']).map_or(0, |p| p + 1)..];
            crate::vocab::SPAN_WORDS.iter().any(|w| clause.contains(w))
        } {
            continue;
        }
        // `tính đến hết tháng 9/2025`: as of a time.
        if ends_with_word(&before, "tính đến")
            || ends_with_word(&before, "tính đến hết")
            || ends_with_word(&before, "tính đến cuối")
        {
            continue;
        }
        // `sơ kết tình hình … trong Quý III/2025`: the period a review
        // covers.
        if !field && ends_with_word(&before, "trong") {
            // The clause runs over wrapped lines, up to a sentence mark or
            // a blank line.
            let from = crate::text::floor_boundary(s, m.start().saturating_sub(240));
            let clause = crate::text::lower(&s[from..m.start()]);
            let clause = clause.rsplit("\n\n").next().unwrap_or(&clause);
            let clause = clause.rsplit(['.', ';']).next().unwrap_or(clause);
            let mut clause = std::borrow::Cow::Borrowed(clause);
            for p in crate::vocab::RESULT_NOUN_PHRASES {
                if clause.contains(p) {
                    clause = std::borrow::Cow::Owned(clause.replace(p, ""));
                }
            }
            if REVIEW_WORDS.iter().any(|w| clause.contains(w))
                && !DELIVERY_WORDS.iter().any(|w| clause.contains(w))
            {
                continue;
            }
        }
        if c.name("yr").is_some() {
            // `… nhiệm vụ trọng tâm đến hết năm 2025`: in running text a
            // year-end names a period, not a time limit (time fields keep it).
            if !field && ends_with_word(&before, "đến hết") {
                continue;
            }
            // `Đến hết năm 2025: Có ≥ 30% …`: the horizon of a target.
            let sentence_end = after
                .find(['.', ';', '\n'])
                .unwrap_or(after.len())
                .min(crate::text::floor_boundary(after, 160));
            let rest = &after[..sentence_end];
            if rest.contains('%') || rest.contains('≥') || rest.contains(" đạt ") {
                continue;
            }
            // `hết năm 2025`, `cuối năm 2025`: by the end of that year.
            if ends_with_word(&before, "hết") || ends_with_word(&before, "cuối") {
                period = period.map(|y| format!("{y}-12"));
            }
        }
        let raw = collapse_ws(&s[m.start()..end]);
        if !seen.insert((date.clone(), period.clone())) {
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

/// `vào` just before `at` (`… vào năm 2015`).
fn after_vao(s: &str, at: usize) -> bool {
    let raw_before = &s[crate::text::floor_boundary(s, at.saturating_sub(8))..at];
    ends_with_word(&crate::text::lower(raw_before.trim_end()), "vào")
}

/// The clause of `s` around `at`: from the `.`, `;` or line break before
/// it to the next.
fn sentence_at(s: &str, at: usize) -> &str {
    let start = s[..at].rfind(['.', ';', '\n']).map_or(0, |i| i + 1);
    let end = s[at..].find(['.', ';', '\n']).map_or(s.len(), |i| at + i);
    &s[start..end]
}

/// The sentence around `at` carries a quantity goal (`%`, `≥`, `đạt`).
fn sentence_has_target(s: &str, at: usize) -> bool {
    let sent = sentence_at(s, at);
    sent.contains('%') || sent.contains('≥') || sent.contains(" đạt ")
}

/// `và 15/11 ` after a day and month: a second date of the same kind.
static RE_AND_DAY_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^và (?:ngày )?\d{1,2}/\d{1,2} ").unwrap());

/// Words of a clause whose `trong <time>` is the period a review,
/// evaluation or estimate covers, not a time limit (`sơ kết tình hình …
/// trong Quý III/2025`, `đánh giá, xếp loại … trong năm 2025`, `dự kiến
/// biến động tăng, giảm trong năm 2020`, `Căn cứ kết quả thí điểm, trong
/// năm 2019 Bộ sẽ tổng kết`) — unless the clause sends something
/// ([`DELIVERY_WORDS`]). A review alone is work to do within the time
/// (`sơ kết 6 tháng trong tháng 6/2026`). Lower case.
const REVIEW_WORDS: &[&str] = &[
    "tình hình",
    "kết quả",
    "đánh giá",
    "xếp loại",
    "dự kiến",
    "biến động",
];

/// Words of a clause that sends a report or a result within the time it
/// names (`báo cáo Hiệu trưởng kết quả tuyển sinh trong tháng 10/2026`,
/// `gửi kết quả về Sở trong quý II/2026`): a time limit, whatever it
/// reviews ([`REVIEW_WORDS`]). Lower case.
const DELIVERY_WORDS: &[&str] = &["báo cáo", "gửi"];

/// A time field line: `Thời gian thực hiện: Tháng 12/2013`, `Thời hạn
/// hoàn thành: trước 30/6/2026`, `- Tiến độ: Quý IV/2025`.
const TIME_FIELD: &str = r"(?im)^[ \t]*(?:[-+•*]\s*|\d{1,2}[.)]\s*|[a-zđ][.)]\s*)?(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|triển khai|báo cáo))?\s*:\s*(?P<v>[^\n]+)$";

/// [`TIME_FIELD`], searched anchored at the line starts that can begin one
/// (see [`time_fields`]).
static RE_TIME_FIELD: LazyLock<regex_automata::meta::Regex> =
    LazyLock::new(|| regex_automata::meta::Regex::new(TIME_FIELD).unwrap());

/// Whether a field of [`TIME_FIELD`] can begin at the start of `line` (the
/// text from a line start on): after spaces and tabs, a `t`/`T`, or a
/// bullet (`-`, `+`, `•`, `*`, or up to two characters and `.`/`)`) and
/// whitespace, then a `t`/`T`. Every line the pattern can match passes
/// (and more: the regex decides).
fn may_start_time_field(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t']);
    if t.starts_with(['t', 'T']) {
        return true;
    }
    let after = match t.strip_prefix(['-', '+', '•', '*']) {
        Some(r) => r,
        None => {
            let Some((i, c)) = t
                .char_indices()
                .take(3)
                .find(|&(_, c)| c == '.' || c == ')')
            else {
                return false;
            };
            if i == 0 {
                return false;
            }
            &t[i + c.len_utf8()..]
        }
    };
    after.trim_start().starts_with(['t', 'T'])
}

/// The value ranges (`v`) of the time fields of `region`, as
/// `captures_iter` of [`TIME_FIELD`] would find them, without running the
/// regex over the whole text: a field begins at a line start, so only the
/// line starts [`may_start_time_field`] lets through are tried, each with
/// an anchored search (which stops where the field can no longer match).
fn time_fields(region: &str) -> Vec<Range<usize>> {
    use regex_automata::{Anchored, Input};
    let re = &*RE_TIME_FIELD;
    let mut caps = re.create_captures();
    let mut out = Vec::new();
    let mut done = 0;
    let starts =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', region.as_bytes()).map(|i| i + 1));
    for l in starts {
        if l < done || !may_start_time_field(&region[l..]) {
            continue;
        }
        let input = Input::new(region)
            .span(l..region.len())
            .anchored(Anchored::Yes);
        re.search_captures(&input, &mut caps);
        if let Some(m) = caps.get_match() {
            done = m.end();
            if let Some(v) = caps.get_group_by_name("v") {
                out.push(v.range());
            }
        }
    }
    out
}

/// A time field's value that sets when an event is held (`bắt đầu lúc 7
/// giờ 30 phút, ngày 20/8/2019`, `từ 8 giờ 00, ngày …`): a clock time
/// with `lúc` or `bắt đầu`, and no word of a limit.
fn is_event_time(v: &str) -> bool {
    let k = crate::text::lower(v);
    k.contains("giờ")
        && (k.contains("lúc") || k.contains("bắt đầu"))
        && !["trước", "chậm nhất", "hạn", "hoàn thành"]
            .iter()
            .any(|w| k.contains(w))
}

/// Whether `region` can hold a time column's header cell (see
/// [`is_time_header`]): one of its words in lower or upper case.
fn may_have_time_column(region: &str) -> bool {
    [
        "hời gian",
        "hời hạn",
        "iến độ",
        "HỜI GIAN",
        "HỜI HẠN",
        "IẾN ĐỘ",
    ]
    .iter()
    .any(|w| region.contains(w))
}

/// The header cell of a table's time column (`Thời hạn hoàn thành`,
/// `Thời gian thực hiện`, `Tiến độ`): a short line of its own.
fn is_time_header(line: &str) -> bool {
    let t = line.trim().trim_matches(['*', '|', ' ']);
    // Short and starting with `t`/`T` (checked before lower-casing).
    if t.len() > 64 || !t.starts_with(['t', 'T']) {
        return false;
    }
    let l = crate::text::lower(t);
    let l = l.trim_end_matches([':', '.']);
    l.split_whitespace().count() <= 4
        && ["thời gian", "thời hạn", "tiến độ"]
            .iter()
            .any(|h| l.starts_with(h))
}

/// Words that may stand in a time cell around its expressions.
const CELL_WORDS: &[&str] = &[
    "từ",
    "đến",
    "và",
    "trước",
    "trong",
    "hoàn",
    "thành",
    "hết",
    "chậm",
    "nhất",
    "ngày",
    "năm",
    "cuối",
    "đầu",
    "tháng",
    "quý",
    "quí",
    "thường",
    "xuyên",
    "hằng",
    "hàng",
    "định",
    "kỳ",
    "nay",
    "trở",
    "đi",
    "tiếp",
    "theo",
];

/// True when a line holds nothing but time expressions (a table's time cell:
/// `Tháng 12/2025`, `Quý IV/2025- Quý II/2026`, `01/01/2026`).
fn is_time_cell(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 80 || !RE_TIME.is_match(t) {
        return false;
    }
    let rest = RE_TIME.replace_all(t, " ");
    crate::text::lower(&rest)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| CELL_WORDS.contains(&w))
}

/// Whether `d` lies wholly before `today` (year, month, day; day 0 when
/// not known): a day before it, or a month before its month. Quarters,
/// years and recurring periods are never before.
pub fn before(d: &Deadline, today: (i32, u32, u32)) -> bool {
    let num = |s: &str| s.parse::<u32>().ok();
    if let Some(date) = d.date.as_deref() {
        let mut p = date.split('-');
        let (Some(y), Some(m), Some(dd)) = (
            p.next().and_then(|y| y.parse::<i32>().ok()),
            p.next().and_then(num),
            p.next().and_then(num),
        ) else {
            return false;
        };
        return (y, m, dd) < (today.0, today.1, if today.2 == 0 { 1 } else { today.2 });
    }
    if let Some(period) = d.period.as_deref() {
        let mut p = period.split('-');
        if let (Some(y), Some(m), None) = (
            p.next().and_then(|y| y.parse::<i32>().ok()),
            p.next().and_then(num),
            p.next(),
        ) {
            return (y, m) < (today.0, today.1);
        }
    }
    false
}

/// The document's deadlines outside directive items: reporting clauses and
/// task sentences (`báo cáo kết quả trước ngày …`), time fields
/// (`Thời gian thực hiện: …`) and table rows whose time column holds the
/// time of the task, in `text[range]` (body and attached documents).
/// `skip` are the spans already read (directive items, cited documents).
pub fn document_deadlines(
    text: &str,
    range: Range<usize>,
    doc_year: Option<i32>,
    doc_date: Option<(i32, u32)>,
    skip: &[Span],
) -> Vec<Deadline> {
    let start = crate::text::floor_boundary(text, range.start);
    let end = crate::text::floor_boundary(text, range.end).max(start);
    let mut out: Vec<Deadline> = Vec::new();
    let skip_set = SpanSet::new(skip);
    let skip = &skip_set;
    let mut seen: HashSet<(Option<String>, Option<String>)> = HashSet::new();
    let mut push = |d: Deadline, out: &mut Vec<Deadline>| {
        if skip.contains(d.span.start) {
            return;
        }
        if seen.insert((d.date.clone(), d.period.clone())) {
            out.push(d);
        }
    };
    for d in deadlines_among(text, start..end, doc_year, skip, Cue::Word) {
        push(d, &mut out);
    }
    let region = &text[start..end];
    for v in time_fields(region) {
        // `Thời gian: 01 buổi, bắt đầu lúc 7 giờ 30 phút, ngày 20/8/2019`:
        // when a meeting is held, no time limit.
        if is_event_time(&region[v.clone()]) {
            continue;
        }
        let r = start + v.start..start + v.end;
        for d in deadlines_among(text, r, doc_year, skip, Cue::Field) {
            push(d, &mut out);
        }
    }
    // Tables with a time column: only where a header word stands (one
    // substring scan instead of three passes over the lines).
    if may_have_time_column(region) {
        // Table time columns: cells after a `Thời hạn` header cell.
        let mut in_time_table = false;
        let mut pos = start;
        let lines: Vec<&str> = region.split('\n').collect();
        for (i, line) in lines.iter().enumerate() {
            let at = pos;
            pos += line.len() + 1;
            if is_time_header(line) {
                in_time_table = true;
                continue;
            }
            // A cell stands between blank lines (a wrapped task name that ends
            // in `đến` ⏎ `năm 2030` is not one).
            let alone = (i == 0 || lines[i - 1].trim().is_empty())
                && lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
            if in_time_table && alone && is_time_cell(line) {
                for d in deadlines_among(text, at..at + line.len(), doc_year, skip, Cue::Field) {
                    push(d, &mut out);
                }
            }
        }
        // Rows flattened one cell per line, a blank line between rows (how
        // normalization writes pipe and DOCX tables): the cell at the time
        // column's index in each row as long as rows keep the header's width.
        // Then pipe tables (Markdown, flattened DOCX/HTML rows): the cell of
        // the time column in each row under its header.
        // A flattened table needs a header line (the loop above saw one),
        // a pipe table a `|`.
        let flattened = if in_time_table {
            flattened_time_cells(text, start..end)
        } else {
            Vec::new()
        };
        let piped = if memchr::memchr(b'|', region.as_bytes()).is_some() {
            time_column_cells(text, start..end)
        } else {
            Vec::new()
        };
        let gapped = if region.contains(crate::text::COLUMN_GAP) {
            gap_time_cells(text, start..end)
        } else {
            Vec::new()
        };
        let cells = flattened.into_iter().chain(piped).chain(gapped);
        for (r, cell) in cells {
            let found = deadlines_among(text, r.clone(), doc_year, skip, Cue::Field);
            if found.is_empty() {
                if let Some(d) = year_cell(text, r) {
                    push(d, &mut out);
                }
            } else if is_time_cell(cell) {
                for d in found {
                    push(d, &mut out);
                }
            }
        }
    }
    // A time before the document's own date is past.
    if let Some((y, m)) = doc_date {
        out.retain(|d| !ends_before(d, y, m));
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// The cells of a line laid out in columns with blanks (a table copied
/// with tabs, `pdftotext -layout`): byte ranges in `line` of the parts
/// between gaps of a [`crate::text::COLUMN_GAP`] or more.
fn gap_cells(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = line.len() - line.trim_start().len();
    let mut i = from;
    let b = line.as_bytes();
    while i < b.len() {
        if b[i] == b' ' {
            let run = b[i..].iter().take_while(|&&c| c == b' ').count();
            if run >= crate::text::COLUMN_GAP.len() {
                out.push(from..i);
                from = i + run;
            }
            i += run;
        } else {
            i += 1;
        }
    }
    if from < line.trim_end().len() {
        out.push(from..line.trim_end().len());
    }
    out
}

/// The cells of a time column in a table laid out with blanks: in the rows
/// under a header row with a `Thời gian hoàn thành` cell, the cell that
/// starts where that one does, up to the first line that is no row. Byte
/// ranges in `text`.
fn gap_time_cells(text: &str, range: Range<usize>) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut col: Option<(usize, usize, usize)> = None;
    let mut pos = range.start;
    for line in text[range.clone()].split('\n') {
        let at = pos;
        pos += line.len() + 1;
        if !line.contains(crate::text::COLUMN_GAP) {
            if !line.trim().is_empty() {
                col = None;
            }
            continue;
        }
        let cells = gap_cells(line);
        if cells.len() < 2 {
            continue;
        }
        let column = |c: &Range<usize>| line[..c.start].chars().count();
        if let Some(k) = cells.iter().position(|c| is_time_header(&line[c.clone()])) {
            col = Some((k, cells.len(), column(&cells[k])));
            continue;
        }
        // A row as wide as the header: its cell at the time column's index
        // (tabs leave columns unaligned); else the cell that starts under
        // the header's (a few columns either way), or the last one when the
        // time column is the last.
        if let Some((k, n, h)) = col {
            let near = |c: &&Range<usize>| column(c).abs_diff(h) <= 4;
            let cell = if cells.len() == n {
                cells.get(k)
            } else {
                cells
                    .iter()
                    .find(near)
                    .or_else(|| cells.last().filter(|c| k + 1 == n && column(c) + 4 >= h))
            };
            if let Some(c) = cell {
                out.push((at + c.start..at + c.end, &line[c.clone()]));
            }
        }
    }
    out
}

/// The cells of a pipe table's time column: rows `| … | … |` after a
/// header row with a `Thời gian`/`Thời hạn`/`Tiến độ` cell, up to the end
/// of the table. Byte ranges in `text` with the cell's text.
fn time_column_cells(text: &str, range: Range<usize>) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut col: Option<usize> = None;
    let mut pos = range.start;
    for line in text[range.clone()].split('\n') {
        let at = pos;
        pos += line.len() + 1;
        if line.matches('|').count() < 2 {
            col = None;
            continue;
        }
        // Cells with their offsets (a leading `|` opens the row).
        let mut cells: Vec<(usize, &str)> = Vec::new();
        let mut from = 0;
        for (i, ch) in line.char_indices() {
            if ch == '|' {
                cells.push((from, &line[from..i]));
                from = i + 1;
            }
        }
        cells.push((from, &line[from..]));
        if line.trim_start().starts_with('|') {
            cells.remove(0);
        }
        if let Some(c) = cells.iter().position(|(_, t)| is_time_header(t)) {
            col = Some(c);
            continue;
        }
        let Some(c) = col else { continue };
        let Some(&(off, cell)) = cells.get(c) else {
            continue;
        };
        if cell.trim().chars().all(|ch| matches!(ch, '-' | ':' | ' ')) {
            continue;
        }
        out.push((at + off..at + off + cell.len(), cell));
    }
    out
}

/// Time cells of tables flattened one cell per line with blank lines
/// between rows: a block of lines holding a time header cell sets the
/// width and the column; each following block of that width is a row.
fn flattened_time_cells(text: &str, range: Range<usize>) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    // Blocks of consecutive non-blank lines, each line with its offset.
    let mut blocks: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut cur: Vec<(usize, &str)> = Vec::new();
    let mut pos = range.start;
    for line in text[range.clone()].split('\n') {
        let at = pos;
        pos += line.len() + 1;
        if line.trim().is_empty() {
            if !cur.is_empty() {
                blocks.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push((at, line));
        }
    }
    if !cur.is_empty() {
        blocks.push(cur);
    }
    let mut table: Option<(usize, usize)> = None; // (width, column)
    for b in &blocks {
        if b.len() >= 2 {
            if let Some(c) = b.iter().position(|(_, l)| is_time_header(l)) {
                // `TT` ⏎ `Nội dung` ⏎ … ⏎ `Thời gian hoàn thành` ⏎ `1` ⏎ …: the
                // rows follow the header with no blank line between, one
                // cell per line, each row opening with its number.
                let number = |l: &str| {
                    let t = l.trim().trim_end_matches('.');
                    !t.is_empty() && t.len() <= 3 && t.bytes().all(|x| x.is_ascii_digit())
                };
                let w = c + 1;
                if b.len() > w && number(b[w].1) {
                    let mut i = w;
                    while i + w <= b.len() && number(b[i].1) {
                        let (at, cell) = b[i + c];
                        out.push((at..at + cell.len(), cell));
                        i += w;
                    }
                    table = None;
                    continue;
                }
                table = Some((b.len(), c));
                continue;
            }
        }
        match table {
            Some((w, c)) if b.len() == w => {
                let (at, cell) = b[c];
                out.push((at..at + cell.len(), cell));
            }
            Some(_) => table = None,
            None => {}
        }
    }
    out
}

/// A time cell holding only a year or a range of years (`2027`,
/// `2026-2028`): the (end) year as the period.
fn year_cell(text: &str, r: Range<usize>) -> Option<Deadline> {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:năm\s+)?(?:\d{4}\s*[-–]\s*)?(\d{4})\s*$").unwrap());
    let cell = &text[r.clone()];
    let c = RE.captures(cell)?;
    let y: i32 = c.get(1)?.as_str().parse().ok()?;
    valid_year(y).then(|| Deadline {
        raw: collapse_ws(cell.trim()),
        date: None,
        period: Some(y.to_string()),
        span: Span {
            start: r.start + (cell.len() - cell.trim_start().len()),
            end: r.end - (cell.len() - cell.trim_end().len()),
        },
    })
}

/// True when a deadline's time ends before month `m` of year `y`.
fn ends_before(d: &Deadline, y: i32, m: u32) -> bool {
    let parse = |s: &str| s.parse::<i64>().ok();
    let (dy, dm) = if let Some(date) = &d.date {
        let mut it = date.split('-');
        (it.next().and_then(parse), it.next().and_then(parse))
    } else if let Some(p) = &d.period {
        if let Some(q) = p.strip_prefix('Q') {
            let (q, yy) = q.split_once('/').unwrap_or(("", ""));
            (parse(yy), parse(q).map(|q| q * 3))
        } else if let Some(h) = p.strip_prefix('H') {
            let (h, yy) = h.split_once('/').unwrap_or(("", ""));
            (parse(yy), parse(h).map(|h| h * 6))
        } else {
            let mut it = p.split('-');
            let yy = it.next().and_then(parse);
            (yy, it.next().and_then(parse).or(Some(12)))
        }
    } else {
        return false;
    };
    match (dy, dm) {
        (Some(dy), Some(dm)) => (dy, dm) < (i64::from(y), i64::from(m)),
        (Some(dy), None) => dy < i64::from(y),
        _ => false,
    }
}

/// Deadlines mentioned in `s`.
pub fn find_deadlines(s: &str, doc_year: Option<i32>) -> Vec<Deadline> {
    deadlines_in(s, 0..s.len(), doc_year, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Anchored searches at the lines that can begin a field find what
        /// the regex finds over the whole text.
        #[test]
        fn time_fields_as_the_whole_text_regex(
            s in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Thời gian", "thời hạn", "TIẾN ĐỘ", "tHời Gian", "thời  gian", "Thời gian thực hiện",
                    " hoàn thành", ":", " : ", "\n", "\n\n", " ", "\t", "-", "- ", "•", "a)", "Đ.",
                    "12.", "3)", "123.", "x", "Tháng 12/2025", "trước 30/6", "T", "\u{212A})", "é)",
                    "\u{3000}", "ngày",
                ]),
                0..14,
            )
        ) {
            let s: String = s.concat();
            let whole = Regex::new(TIME_FIELD).unwrap();
            let expected: Vec<Range<usize>> = whole
                .captures_iter(&s)
                .filter_map(|c| c.name("v").map(|v| v.range()))
                .collect();
            proptest::prop_assert_eq!(time_fields(&s), expected);
        }
    }

    #[test]
    fn a_quarter_or_month_after_vao_is_the_time_of_a_task() {
        let t = "Tổ chức sơ kết việc thực hiện Kế hoạch vào quý III năm 2026.";
        let d = deadlines_in(t, 0..t.len(), Some(2025), &[]);
        assert_eq!(d[0].period.as_deref(), Some("Q3/2026"));
        let t = "Tổng kết vào tháng 12/2026.";
        let d = deadlines_in(t, 0..t.len(), Some(2025), &[]);
        assert_eq!(d[0].period.as_deref(), Some("2026-12"));
        // A goal's horizon is none.
        let t = "Tỷ lệ hộ dân sử dụng nước sạch đạt 95% vào quý IV năm 2026.";
        assert!(deadlines_in(t, 0..t.len(), Some(2025), &[]).is_empty());
    }

    #[test]
    fn times_before_a_date() {
        let d = |date: Option<&str>, period: Option<&str>| Deadline {
            raw: String::new(),
            date: date.map(String::from),
            period: period.map(String::from),
            span: Default::default(),
        };
        let today = (2024, 6, 12);
        assert!(before(&d(Some("2024-06-11"), None), today));
        assert!(!before(&d(Some("2024-06-12"), None), today));
        assert!(before(&d(None, Some("2024-05")), today));
        assert!(!before(&d(None, Some("2024-06")), today));
        assert!(!before(&d(None, Some("Q1/2024")), today));
        assert!(!before(&d(None, Some("2023")), today));
        // The day unknown: the month's first.
        assert!(!before(&d(Some("2024-06-01"), None), (2024, 6, 0)));
    }

    #[test]
    fn results_handled_are_no_review() {
        // `kết quả giải quyết` is a thing to digitise, not results reviewed
        // over the period.
        let t = "4. Hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trong tháng 6/2026.\n5. Đánh giá kết quả thực hiện trong năm 2026.";
        let d = deadlines_in(t, 0..t.len(), Some(2026), &[]);
        let got: Vec<_> = d.iter().map(|x| x.period.as_deref()).collect();
        assert_eq!(got, [Some("2026-06")]);
    }

    #[test]
    fn a_time_alone_after_a_colon_ending_its_line() {
        let t = "- Tổ chức nghiệm thu, công bố kết quả: Quý I/2026.\n- Kết quả: năm 2024 đạt 90% kế hoạch.";
        let d = deadlines_in(t, 0..t.len(), Some(2025), &[]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].period.as_deref(), Some("Q1/2026"));
    }

    #[test]
    fn where_a_report_counts_up_to_is_no_deadline() {
        for t in [
            "Đến ngày 20/11/2025, tổng vốn đầu tư công đã giải ngân đạt 52%.",
            "Từ đầu năm 2025 đến ngày 14/11/2025, cả nước đã xảy ra 12 ổ dịch.",
        ] {
            assert!(
                deadlines_in(t, 0..t.len(), Some(2025), &[]).is_empty(),
                "{t}"
            );
        }
        // A time to act by stays.
        let t = "Các đơn vị hoàn thành việc rà soát đến ngày 20/11/2025.";
        assert_eq!(deadlines_in(t, 0..t.len(), Some(2025), &[]).len(), 1);
        let t = "Đến ngày 20/11/2025, các đơn vị phải hoàn thành việc rà soát.";
        assert_eq!(deadlines_in(t, 0..t.len(), Some(2025), &[]).len(), 1);
    }

    #[test]
    fn a_date_of_the_year_after() {
        let t = "Các phòng gửi báo cáo năm trước ngày 15 tháng 01 năm sau.";
        let d = deadlines_in(t, 0..t.len(), Some(2025), &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].date.as_deref(), Some("2026-01-15"));
        assert_eq!(d[0].raw, "ngày 15 tháng 01 năm sau");
        // A year written wins.
        let t = "Gửi báo cáo trước ngày 15 tháng 01 năm 2027.";
        let d = deadlines_in(t, 0..t.len(), Some(2025), &[]);
        assert_eq!(d[0].date.as_deref(), Some("2027-01-15"));
    }

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

    fn doc_keys(s: &str, y: Option<i32>, date: Option<(i32, u32)>) -> Vec<String> {
        document_deadlines(s, 0..s.len(), y, date, &[])
            .into_iter()
            .map(|d| d.date.or(d.period).unwrap_or_default())
            .collect()
    }

    #[test]
    fn table_time_column_cells() {
        // A flattened table: one cell per paragraph, header cell first.
        let t = "STT\n\nNhiệm vụ\n\nThời hạn hoàn thành\n\n1\n\nXây dựng cơ sở dữ liệu\n\nTháng 12/2025\n\n2\n\nKhảo sát hạ tầng viễn thông đến\nnăm 2030\n\nQuý IV/2025- Quý II/2026\n\n3\n\nBộ tiêu chí\n\nQuí IV-2025\n\n4\n\nĐóng cổng\n\n01/01/2026\n";
        assert_eq!(
            doc_keys(t, Some(2025), Some((2025, 11))),
            vec!["2025-12", "Q4/2025", "Q2/2026", "2026-01-01"]
        );
        // Without a time column header, a lone date is not a deadline.
        assert!(doc_keys("1\n\nXây dựng\n\nTháng 12/2025\n", Some(2025), None).is_empty());
    }

    #[test]
    fn time_fields_and_ranges() {
        let t = "3. Thời gian thực hiện: Tháng 11, 12/2013 và thường xuyên.\n4. Thời gian thực hiện: Từ năm 2013 đến năm 2020 và tiếp theo.\n5. Thời gian thực hiện: Từ tháng 11/2013 trở đi.\n";
        let k = doc_keys(t, Some(2013), Some((2013, 10)));
        assert!(k.contains(&"2013-12".to_string()), "{k:?}");
        assert!(k.contains(&"2020".to_string()), "{k:?}");
        assert!(!k.contains(&"2013-11".to_string()), "{k:?}");
        assert!(!k.contains(&"2013".to_string()), "{k:?}");
        assert_eq!(
            keys("xây dựng nhiệm vụ trọng tâm từ nay đến tháng 6/2027.", None),
            vec!["2027-06"]
        );
        assert_eq!(
            keys(
                "giải quyết dứt điểm, bảo đảm đến hết tháng 12 năm 2025",
                None
            ),
            vec!["2025-12"]
        );
    }

    #[test]
    fn a_time_column_in_a_table_laid_out_with_blanks() {
        let t = "PHỤ LỤC\nTT    Nội dung    Cơ quan chủ trì    Thời gian hoàn thành\n1    Tổ chức hội nghị    Phòng TN&MT    Tháng 4/2019\n2    In ấn tài liệu, tờ rơi    Phòng VH&TT    Quý II/2019\n3    Tổng kết năm 2019 và đánh giá    Phòng TN&MT    Thường xuyên\n";
        assert_eq!(
            doc_keys(t, Some(2019), Some((2019, 3))),
            vec!["2019-04", "Q2/2019", "thường xuyên"]
        );
        // One cell per line, no blank line between the rows.
        let t = "PHỤ LỤC\n\nTT\nNội dung\nCơ quan chủ trì\nThời gian hoàn thành\n1\nThông báo phương án tuyển sinh\nPhòng KT\nTrước ngày 20/3/2021\n2\nBáo cáo kết quả tuyển sinh\nVăn phòng Sở\nTháng 8/2021\n";
        assert_eq!(
            doc_keys(t, Some(2021), Some((2021, 3))),
            vec!["2021-03-20", "2021-08"]
        );
        // Columns aligned under a header whose first cells run together.
        let t = "STT  Nội dung                        Đơn vị chủ trì            Thời gian\n1    Xây dựng kế hoạch cấp xã        Hội LHPN các xã           Trước 30/9/2025\n2    Tập huấn cán bộ Hội cấp xã       Ban Gia đình - Xã hội      Quý IV/2025\n3    Cuộc thi cấp tỉnh                Ban Gia đình - Xã hội      Tháng 6/2026\n";
        assert_eq!(
            doc_keys(t, Some(2025), Some((2025, 8))),
            vec!["2025-09-30", "Q4/2025", "2026-06"]
        );
    }

    #[test]
    fn states_and_past_times_are_not_deadlines() {
        for t in [
            "Theo báo cáo của Bộ Xây dựng, đến ngày 19 tháng 11 năm 2025 đã có 15 bộ gửi đăng ký.",
            "Từ nay đến ngày 19 tháng 12 năm 2025 chỉ còn 01 tháng.",
            "Tính đến hết tháng 9/2025, toàn tỉnh có 8 trường đạt chuẩn.",
            "Hội nghị sơ kết tình hình thực hiện Nghị quyết trong Quý III/2025 và nhiệm vụ.",
            "Ngày 28/10/2025, Chủ tịch đã chỉ đạo các sở hoàn thành trước ngày 30 tháng 10 năm 2025.",
            "a) Đến hết năm 2025: Có ≥ 30% doanh nghiệp ứng dụng công nghệ số.",
            "báo cáo định kỳ trước ngày 30 tháng 11 hàng\nnăm.",
            "định kỳ trước\nngày 01/6 và 15/11 hằng năm (hoặc đột xuất) báo cáo kết quả.",
            "là tiêu chí để đánh giá, xếp loại mức độ hoàn thành nhiệm vụ của tập thể, cá nhân, nhất là người đứng đầu trong năm\n2025.",
            "Căn cứ đối tượng đang hưởng trợ cấp và dự kiến biến động tăng, giảm trong năm 2026 để dự toán kinh phí.",
            "Phấn đấu trên 80% trường đạt chuẩn quốc gia vào năm 2029.",
            "Căn cứ kết quả thí điểm, trong năm 2026 Bộ sẽ tổng kết, đánh giá.",
            "Đến ngày 10/12/2025, Sở mới nhận được báo cáo của 5/8 đơn vị.",
            "Số liệu tính từ ngày 01/6/2025 đến ngày 30/11/2025.",
            "Cuộc thi được tổ chức từ ngày 12/12/2025 đến ngày 15/12/2025 tại Cần Thơ.",
            "Thời gian: 01 buổi, bắt đầu lúc 7 giờ 30 phút, ngày 20/12/2025 (thứ Ba).",
            "Thuế tỉnh cung cấp báo cáo tình hình nợ thuế đến ngày 31/12/2025.",
        ] {
            let k: Vec<String> = doc_keys(t, Some(2025), Some((2025, 11)))
                .into_iter()
                .filter(|k| k.starts_with(|c: char| c.is_ascii_digit() || c == 'Q'))
                .collect();
            assert!(k.is_empty(), "{t}: {k:?}");
        }
        // A review to hold, or results to send, within a time: due then.
        for (t, want) in [
            (
                "Phấn đấu đến ngày 30/4/2026, 100% thửa đất đã cấp giấy chứng nhận được số hóa.",
                "2026-04-30",
            ),
            (
                "Thời gian: trước 16 giờ ngày 20/12/2025, các đơn vị gửi danh sách.",
                "2025-12-20",
            ),
            (
                "Các đơn vị triển khai từ ngày 12/12/2025 đến ngày 15/01/2026.",
                "2026-01-15",
            ),
            ("Các đơn vị sơ kết 6 tháng trong tháng 6/2026.", "2026-06"),
            ("Sở Nội vụ tổng kết trong quý II/2026.", "Q2/2026"),
            (
                "Phòng Đào tạo báo cáo Hiệu trưởng kết quả tuyển sinh trong tháng 10/2026.",
                "2026-10",
            ),
        ] {
            assert_eq!(doc_keys(t, Some(2025), Some((2025, 11))), vec![want], "{t}");
        }
        // `vào năm Y` sets the time of a task.
        assert_eq!(
            doc_keys(
                "c) Tổng kết giai đoạn 2026-2028 vào năm 2028; giai đoạn 2029-2030 vào năm 2030;",
                Some(2025),
                Some((2025, 11))
            ),
            vec!["2028", "2030"]
        );
        // Before the document's own month: past.
        assert!(doc_keys(
            "hoàn thành trong tháng 9/2025.",
            Some(2025),
            Some((2025, 11))
        )
        .is_empty());
        assert_eq!(
            doc_keys(
                "hoàn thành trong tháng 12/2025.",
                Some(2025),
                Some((2025, 11))
            ),
            vec!["2025-12"]
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
