//! Quantitative targets: percentages (`100% trường học`, `≥ 7%`), bounded
//! quantities (`trên 0,82`, `ít nhất 01 trường`, `tối thiểu 2 dự án`) and
//! ranks (`tốp 10`).
//!
//! A percentage is a target unless it reports the current state (a
//! sentence with [`crate::vocab::STATUS_MARKERS`]); any other number needs
//! a comparison word before it ([`crate::vocab::CMP_WORDS`]), or, under a
//! heading over goals ([`crate::vocab::AIM_HEADING_WORDS`]) or in a
//! sentence with `phấn đấu`, a word that reaches it
//! ([`crate::vocab::REACH_WORDS`]: `đạt 75.000 tỷ đồng`) and a unit. A
//! multiplier stays in the unit (`1,5 triệu lượt`: value 1.5). A count that
//! only qualifies an earlier percentage in the same clause (`100% trường
//! có ít nhất 01 phòng học`) is part of that target. Dates, document
//! numbers, ranges (`2026-2030`), fractions (`8/13`), footnote markers
//! glued to words (`quốc gia1`) and anything inside a cited document are
//! never targets.
//!
//! `by_year` is the horizon of the sentence (`đến năm 2035`, `vào năm
//! 2029`; one put before the first of clauses joined by `;` holds for them
//! all) or else of the nearest heading above (`1. Mục tiêu đến năm 2030`,
//! `Đến năm 2030:`).

use crate::extract::outline::{self, slice, Node, Outline, Style};
use crate::model::{Span, Target};
use crate::text::{collapse_ws, ends_with_word};
use crate::vocab::{
    ACTION_VERBS, AIM_HEADING_WORDS, CMP_AFTER, CMP_WORDS, GOAL_HEADING_WORDS, MEASURE_UNITS,
    MULTIPLIERS, NORM_CUES, NORM_UNIT_ENDS, NOT_UNITS, NUMBER_WORDS, RANK_WORDS, REACH_WORDS,
    STATUS_HEADING_WORDS, STATUS_MARKERS, TARGET_UNITS, UNIT_STOPS,
};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Any of [`STATUS_MARKERS`], in one pass.
static STATUS_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(STATUS_MARKERS).expect("status marker automaton")
});
/// The low end of a range of shares just before its high end (`7,5 - `,
/// `90% - `, `từ 7,5% đến `), not part of a date or code (`Nghị quyết 71
/// đến 100%` is no range).
static RE_RANGE_LOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d/.,\-])(\d{1,3}(?:,\d+)?)\s*%?\s*[-–]\s*$|(?:^|\s)(?i:từ)\s+(\d{1,3}(?:,\d+)?)\s*%?\s+(?:đến|tới)\s*$")
        .expect("range pattern")
});
/// `phấn đấu` (`Phấn đấu` too), found without a searcher built per
/// sentence.
static STRIVE_FINDER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("hấn đấu".as_bytes()));
/// [`TARGET_UNITS`] lower-cased once.
static TARGET_UNITS_LOWER: LazyLock<Vec<String>> =
    LazyLock::new(|| TARGET_UNITS.iter().map(|u| crate::text::lower(u)).collect());
/// The last characters of the words that can end the text before a
/// counted number ([`CMP_WORDS`], [`crate::vocab::CMP_FILLERS`],
/// [`RANK_WORDS`]): a count after any other character is not a target.
static CMP_LAST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let words = CMP_WORDS.iter().map(|(w, _)| *w);
    let words = words.chain(crate::vocab::CMP_FILLERS.iter().copied());
    let mut v: Vec<char> = words
        .chain(RANK_WORDS.iter().copied())
        .filter_map(|w| w.chars().next_back())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});
/// The last characters of the words that can end the text before a count
/// reached ([`REACH_WORDS`], `khoảng` or `từ` between, `và` joining a
/// second one).
static REACH_LAST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut v: Vec<char> = REACH_WORDS
        .iter()
        .chain(&["khoảng", "từ", "và"])
        .filter_map(|w| w.chars().next_back())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});
static RE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?").unwrap());
static RE_YEAR_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:đến|tới|vào|trong|phấn đấu)\s+(?:hết\s+|cuối\s+)?(?:quý\s+[IVX]+\s+)?năm\s+(\d{4})|giai đoạn\s+\d{4}\s*-\s*(\d{4})|(?:^|[\s,;(])năm\s+(\d{4})\s*:?\s+(?:đạt|có|phấn đấu|tăng|giảm)|(?:đến|tới)\s+(?:hết\s+)?ngày\s+\d{1,2}/\d{1,2}/(\d{4}))(?:[^\d\-]|$)")
        .unwrap()
});

/// Targets found in `text[body]`, skipping `exclude` (cited documents).
pub fn extract_targets(text: &str, body: Range<usize>, exclude: &[Span]) -> Vec<Target> {
    targets_of(&outline::outline(text, body), exclude)
}

/// [`extract_targets`] from an outline already built (goals only; see
/// [`quantities_of`] for the norms).
pub fn targets_of(o: &Outline, exclude: &[Span]) -> Vec<Target> {
    quantities_of(o, exclude, None).targets
}

/// The horizon year a heading names (`Mục tiêu đến năm 2030`,
/// `Đến năm 2030:`, `giai đoạn 2026-2030`).
fn heading_year(n: &Node, masked: &str) -> Option<i32> {
    let head = n.first_line(masked);
    let head = head.as_str();
    if head.split_whitespace().count() > 16 {
        return None;
    }
    let c = RE_YEAR_PHRASE.captures(head);
    let y = c.and_then(|c| {
        c.get(1)
            .or(c.get(2))
            .or(c.get(3))
            .or(c.get(4))
            .and_then(|m| m.as_str().parse().ok())
    });
    if y.is_some() {
        return y;
    }
    if n.style == Style::Horizon {
        // A heading ending in a year: `Đến năm 2030:`.
        let h = head.trim_end_matches(':').trim_end();
        let h = h.strip_suffix(':').unwrap_or(h).trim_end();
        let digits = h.len() - h.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        return (digits >= 4)
            .then(|| h[h.len() - 4..].parse().ok())
            .flatten();
    }
    None
}

/// What a heading over items says of their numbers: whether they report
/// what was done ([`STATUS_HEADING_WORDS`] and no [`GOAL_HEADING_WORDS`])
/// and the year a heading over goals names (`II. PHƯƠNG HƯỚNG, NHIỆM VỤ
/// NĂM 2024`, `NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2025`: one `năm` and a year).
fn heading_kind(n: &Node, masked: &str) -> (bool, Option<i32>, bool) {
    if n.children.is_empty() {
        // `I. KẾT QUẢ NĂM 2025` ⏎ a paragraph: a heading in capitals on a
        // line of its own heads the item's own text.
        let own = slice(masked, n.text_start..n.own_end).trim_start();
        let first = own.split('\n').next().unwrap_or("");
        let more = !own[first.len()..].trim().is_empty();
        // So does a short line with no final mark (`1. Thực trạng` ⏎ …).
        let f = first.trim();
        let short = f.split_whitespace().count() <= 5
            && !f.ends_with(['.', ':', ';', ','])
            && !f.bytes().any(|b| b.is_ascii_digit());
        if !(more && (crate::text::is_upper(f) || short)) {
            return (false, None, false);
        }
    }
    let head = n.first_line(masked);
    if head.split_whitespace().count() > 16 {
        // `Điều 1. Giao kế hoạch … với các chỉ tiêu chủ yếu sau (…):`: a
        // long lead that names the goals listed under it.
        let own = slice(masked, n.text_start..n.own_end).trim_end();
        let aims = !n.children.is_empty() && own.ends_with(':') && {
            let k = crate::text::key(own);
            AIM_HEADING_WORDS.iter().any(|w| k.contains(w))
        };
        return (false, None, aims);
    }
    heading_words(&head)
}

/// What a heading's words say ([`heading_kind`]): status, goal year, aims.
fn heading_words(head: &str) -> (bool, Option<i32>, bool) {
    // Both word lists in one automaton, one pass over the heading.
    static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(GOAL_HEADING_WORDS.iter().chain(STATUS_HEADING_WORDS))
            .expect("heading word automaton")
    });
    let k = crate::text::key(head);
    let (mut goal, mut status, mut aims) = (false, false, false);
    for m in WORDS.find_overlapping_iter(&k) {
        if m.pattern().as_usize() < GOAL_HEADING_WORDS.len() {
            goal = true;
            aims |= AIM_HEADING_WORDS.contains(&&k[m.range()]);
        } else {
            status = true;
        }
    }
    // `KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2024`: a heading that
    // starts by naming results reports, whatever tasks it names, unless
    // it says what is to be reached (`KẾT QUẢ CẦN ĐẠT`) or names the goals
    // themselves (`THỰC TRẠNG VÀ MỤC TIÊU`).
    let leads = !aims
        && STATUS_HEADING_WORDS.iter().any(|w| k.starts_with(w))
        && !["cần đạt", "phải đạt", "dự kiến"]
            .iter()
            .any(|w| k.contains(w));
    let status = status && !goal || leads;
    let goal = goal && !leads;
    let year = if goal {
        let mut years = k.match_indices("năm ").filter_map(|(i, w)| {
            let y = k.get(i + w.len()..i + w.len() + 4)?;
            let after = k[i + w.len() + 4..].chars().next();
            (y.starts_with(['1', '2'])
                && y.bytes().all(|b| b.is_ascii_digit())
                && !after.is_some_and(|c| c.is_ascii_digit() || c == '-'))
            .then(|| y.parse().ok())
            .flatten()
        });
        match (years.next(), years.next()) {
            (Some(y), None) => Some(y),
            _ => None,
        }
    } else {
        None
    };
    (status, year, aims)
}

/// The line in capitals right above `at` (blank lines between), when it
/// is short and stands alone: a section heading outside the outline.
fn caps_heading_before(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?.trim_end();
    let line = before.rsplit('\n').next()?.trim();
    (!line.is_empty()
        && line.split_whitespace().count() <= 16
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 6
        && crate::text::is_upper(line))
    .then_some(line)
}

/// Where the numbers scanned stand: the horizon year that governs them
/// and whether a heading above names the goals themselves
/// ([`AIM_HEADING_WORDS`]: `2. Mục tiêu cụ thể`, `Các chỉ tiêu chủ yếu`).
#[derive(Clone, Copy, Default)]
struct Place {
    horizon: Option<i32>,
    aims: bool,
    /// The document's own date (year, month, day; 0 when not known): a
    /// clause that opens on a year or a day before it reports that time.
    now: Option<(i32, u32, u32)>,
}

fn walk(
    o: &Outline,
    n: &Node,
    at: Place,
    exclude: &crate::extract::spans::SpanSet,
    out: &mut Vec<(Target, bool, bool)>,
) {
    let (status, goal_year, aims) = heading_kind(n, &o.masked);
    // `I. KẾT QUẢ THỰC HIỆN NĂM 2023`: what was achieved sets no goal.
    if status {
        return;
    }
    let at = Place {
        horizon: heading_year(n, &o.masked).or(goal_year).or(at.horizon),
        aims: at.aims || aims,
        now: at.now,
    };
    scan(o, n.text_start..n.own_end, at, exclude, out);
    for c in &n.children {
        walk(o, c, at, exclude, out);
    }
}

/// A number in a sentence: digits (`1.234,5`) or, after a comparison word,
/// a number word (`một`).
struct Num<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: Option<f64>,
    word: bool,
}

impl Num<'_> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn as_str(&self) -> &str {
        self.text
    }
}

/// Digits and number words of `sent` in order.
fn numbers(sent: &str) -> Vec<Num<'_>> {
    let mut v: Vec<Num> = RE_NUMBER
        .find_iter(sent)
        .map(|m| Num {
            start: m.start(),
            end: m.end(),
            text: m.as_str(),
            value: parse_number(m.as_str()),
            word: false,
        })
        .collect();
    let before = v.len();
    // Number words as whole words: each occurrence of one (one automaton
    // pass) that no word character touches. A number word is made of word
    // characters only, so an occurrence that is a whole word never overlaps
    // another occurrence, and the non-overlapping search misses none.
    static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(NUMBER_WORDS.iter().map(|(w, _)| w)).expect("number words")
    });
    for m in FINDER.find_iter(sent) {
        let (st, i) = (m.start(), m.end());
        let touched = sent[..st]
            .chars()
            .next_back()
            .is_some_and(crate::text::is_word_char)
            || sent[i..]
                .chars()
                .next()
                .is_some_and(crate::text::is_word_char);
        if !touched {
            v.push(Num {
                start: st,
                end: i,
                text: &sent[st..i],
                value: Some(NUMBER_WORDS[m.pattern().as_usize()].1),
                word: true,
            });
        }
    }
    if v.len() > before {
        v.sort_by_key(|n| n.start);
    }
    v
}

/// Sentences of `text[r]` as byte ranges: split at `;`, `.` followed by a
/// space or line end (not a decimal point), and blank lines.
fn sentences(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let s = slice(text, r.clone());
    let base = r.start;
    let mut out = Vec::new();
    let mut start = 0;
    let b = s.as_bytes();
    for i in memchr::memchr3_iter(b';', b'.', b'\n', b) {
        let cut = match b[i] {
            b';' => true,
            b'.' => i + 1 >= b.len() || b[i + 1] == b' ' || b[i + 1] == b'\n',
            _ => i + 1 < b.len() && b[i + 1] == b'\n',
        };
        if cut {
            out.push(base + start..base + i + 1);
            start = i + 1;
        }
    }
    if start < b.len() {
        out.push(base + start..base + b.len());
    }
    out
}

/// Byte ranges of `sent` inside “…” quotes that follow a cited document's
/// mention in the same sentence (`base` is the sentence's offset).
fn cited_quotes(
    sent: &str,
    base: usize,
    exclude: &crate::extract::spans::SpanSet,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = sent[from..].find('“').map(|p| from + p) {
        let close = sent[open..].find('”').map_or(sent.len(), |p| open + p);
        let cited_before = exclude.starts_within(base, base + open);
        if cited_before {
            out.push(open..close);
        }
        from = (close + '”'.len_utf8()).min(sent.len());
        if from >= sent.len() {
            break;
        }
    }
    out
}

/// Parse `1.234,5` → 1234.5.
pub fn parse_number(s: &str) -> Option<f64> {
    // Plain digits (most numbers) parse as they are, with no copy.
    if !s.contains(['.', ',']) {
        return s.parse().ok();
    }
    let t: String = s
        .chars()
        .filter(|&c| c != '.')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    t.parse().ok()
}

/// The comparison word that ends `before` (lower-cased, trimmed), with its
/// length in `before`.
fn cmp_before(before: &str) -> Option<(&'static str, usize)> {
    if let Some(found) = cmp_word_at_end(before) {
        return Some(found);
    }
    // `tối đa bằng 40%`, `tối thiểu đạt 80%`: a filler between the
    // comparison word and the number.
    for filler in crate::vocab::CMP_FILLERS {
        if ends_with_word(before, filler) {
            let rest = before[..before.len() - filler.len()].trim_end();
            if let Some((c, n)) = cmp_word_at_end(rest) {
                return Some((c, before.len() - (rest.len() - n)));
            }
        }
    }
    None
}

/// Does `before` (lower-cased, trimmed) end with a word that reaches a
/// count ([`REACH_WORDS`]), an approximation (`khoảng`) between?
fn reach_before(before: &str) -> bool {
    let mut before = before;
    // `đạt khoảng 46.000 tỷ đồng`, `đạt từ 4,2 điểm trở lên`.
    for filler in ["khoảng", "từ"] {
        before = before
            .strip_suffix(filler)
            .filter(|b| b.is_empty() || b.ends_with(' '))
            .map_or(before, str::trim_end);
    }
    REACH_WORDS.iter().any(|w| ends_with_word(before, w))
}

fn cmp_word_at_end(before: &str) -> Option<(&'static str, usize)> {
    // Words (letters and spaces) must end on a word boundary; symbols
    // (`≥`, `>=`) need not.
    static IS_WORD: LazyLock<Vec<bool>> = LazyLock::new(|| {
        CMP_WORDS
            .iter()
            .map(|(w, _)| w.chars().all(|c| c.is_alphabetic() || c == ' '))
            .collect()
    });
    CMP_WORDS
        .iter()
        .zip(IS_WORD.iter())
        .find(|((w, _), &word)| {
            if word {
                ends_with_word(before, w)
            } else {
                before.ends_with(w)
            }
        })
        .map(|((w, c), _)| (*c, w.len()))
}

/// `s` after the item's marker that may open it (`- `, `(9) `, `1. `,
/// blanks): the characters of a marker and digits are skipped.
fn without_item_marker(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        c.is_whitespace()
            || c.is_ascii_digit()
            || matches!(c, '-' | '+' | '•' | '*' | '(' | ')' | '.')
    })
}

/// Whether a clause opens (after its item's marker) on a year or a day
/// before `now`: `Năm 2025, …`, `Năm 2021 toàn tỉnh …`, `Trong năm 2024,
/// …`, `Giai đoạn 2016 - 2020, …`, `Đến ngày 20/11/2025, …`.
fn opens_before(sent: &str, now: (i32, u32, u32)) -> bool {
    // After a heading on a line of its own (`2. Mục tiêu` ⏎ `Năm 2025, …`),
    // the line of the first number opens the clause.
    let digit = sent.bytes().position(|b| b.is_ascii_digit()).unwrap_or(0);
    let line = sent[..digit].rfind('\n').map_or(0, |p| p + 1);
    // So does the line under a heading in capitals that shares the
    // sentence (`MỤC TIÊU NĂM 2022` ⏎ `Năm 2021, tỷ lệ hộ nghèo … còn 14,2%`).
    let under_heading = sent.split_once('\n').filter(|(head, _)| {
        crate::text::is_upper(head.trim()) && head.trim().chars().count() <= 80
    });
    line > 0 && opens_before_here(&sent[line..], now)
        || under_heading.is_some_and(|(_, rest)| opens_before_here(rest, now))
        || opens_before_here(sent, now)
}

fn opens_before_here(sent: &str, now: (i32, u32, u32)) -> bool {
    let t = without_item_marker(sent);
    // (Every opening starts `năm`, `trong`, `tính`, `tới`, `giai đoạn` or
    // `đến`: other clauses are not lowered.)
    if !["năm ", "trong ", "tính ", "tới ", "giai ", "đến "]
        .iter()
        .any(|w| crate::text::starts_ci(t, w).is_some())
    {
        return false;
    }
    let head = crate::text::lower(&t[..crate::text::floor_boundary(t, 40)]);
    let Some(c) = RE_YEAR_OPENING.captures(&head) else {
        return false;
    };
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
    match (n(1).or(n(2)), n(5)) {
        (Some(y), _) => y < now.0,
        (None, Some(y)) => {
            let (d, m) = (n(3).unwrap_or(0) as u32, n(4).unwrap_or(0) as u32);
            (y, m, d) < now
        }
        _ => false,
    }
}

static RE_YEAR_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:trong\s+)?(?:năm\s+((?:19|20)\d{2})|giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2}))|(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?ngày\s+(\d{1,2})/(\d{1,2})/((?:19|20)\d{2}))(?:[\s,:]|$)")
        .expect("year opening pattern")
});

/// Whether `before`, the text of a clause before a count, is a short
/// verb phrase that opens the clause (`Trồng mới`, `- Xây dựng mới`,
/// `(9) Kết nạp`, `Thành phố có`) or a short label and a colon (`Tổng
/// doanh thu:`): at most four words after the item's
/// marker, no digit, no mark, none of them a stop word of a unit
/// ([`UNIT_STOPS`] but `có`) nor of [`crate::vocab::NOT_LEAD_WORDS`].
fn clause_lead(before: &str) -> bool {
    // `Sản lượng vận chuyển hành khách: 3,2 triệu lượt khách`: a short
    // label and a colon.
    let t = before.trim_end_matches([' ', '\t']);
    if let Some(label) = t.strip_suffix(':') {
        let label = &label[label.rfind([';', ':', '\n']).map_or(0, |p| p + 1)..];
        let label = without_item_marker(label);
        let words = label.split_whitespace().count();
        return (1..=8).contains(&words) && !label.bytes().any(|b| b.is_ascii_digit());
    }
    let clause = &before[before.rfind([';', ':', '\n']).map_or(0, |p| p + 1)..];
    let clause = without_item_marker(clause);
    let words: Vec<&str> = clause.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            let lw = crate::text::lower(w);
            w.chars().all(char::is_alphabetic)
                && (i == 0 || w.starts_with(char::is_lowercase))
                && (lw == "có" || !UNIT_STOPS.contains(&lw.as_str()))
                && !crate::vocab::NOT_LEAD_WORDS.contains(&lw.as_str())
        })
}

/// The unit after a count: a table unit, else the next word; with `/x`
/// appended (`phòng học/lớp`). Returns the unit and its byte length.
fn unit_after(s: &str) -> Option<(String, usize)> {
    let t = s.trim_start_matches([' ', '\n']);
    let skip = s.len() - t.len();
    // Units are short: a prefix is enough.
    let lower = crate::text::lower_same_offsets(&t[..crate::text::floor_boundary(t, 96)])?;
    let mut n = TARGET_UNITS
        .iter()
        .zip(TARGET_UNITS_LOWER.iter())
        .filter(|(_, ul)| {
            lower.starts_with(ul.as_str())
                && lower[ul.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|(u, _)| u.len())
        .max();
    if n.is_none() {
        let w: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
        let starts_lower = w.chars().next().is_some_and(|c| c.is_lowercase());
        if !w.is_empty() && starts_lower && !NOT_UNITS.contains(&w.as_str()) {
            n = Some(w.len());
        }
    }
    let mut n = n?;
    // The rest of the noun phrase: `phòng dự phòng`, `trạm phát sóng 5G`,
    // `cơ sở dữ liệu chuyên ngành` (up to a preposition, verb or mark).
    let last = t[..n].rsplit(' ').next().unwrap_or("");
    if !MULTIPLIERS.contains(&&t[..n]) && !MEASURE_UNITS.contains(&last) {
        n += phrase_rest(&t[n..]);
    }
    // `phòng học/lớp`, `buổi/ngày`, `triệu đồng/người/năm`, per a count
    // of something (`ca/100.000 dân`).
    while t[n..].starts_with('/') {
        let rest = &t[n + 1..];
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let counted = digits > 0
            && rest.starts_with(|c: char| c.is_ascii_digit())
            && rest[digits..].starts_with(' ');
        let lead = if counted { digits + 1 } else { 0 };
        let mut w: String = rest[lead..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        // `phút/khách hàng`, `bé trai/100 bé gái`: a unit of more words.
        let head = crate::text::lower_same_offsets(
            &rest[lead..][..crate::text::floor_boundary(&rest[lead..], 40)],
        )
        .unwrap_or_default();
        if let Some(u) = TARGET_UNITS_LOWER
            .iter()
            .filter(|u| u.contains(' ') && head.starts_with(u.as_str()))
            .filter(|u| crate::text::word_end(&head, u.len()))
            .max_by_key(|u| u.len())
        {
            w = rest[lead..lead + u.len()].to_string();
        }
        if w.is_empty() || counted && !w.starts_with(char::is_lowercase) {
            break;
        }
        n += 1 + lead + w.len();
        // `bác sĩ/vạn dân`: per a multiple of what follows.
        if MULTIPLIERS.contains(&w.as_str()) {
            let next: String = t[n..]
                .strip_prefix(' ')
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if next.starts_with(char::is_lowercase) {
                n += 1 + next.len();
            }
        }
        // `m3/ngày đêm`: a day and its night.
        if w == "ngày" && t[n..].starts_with(" đêm") {
            n += " đêm".len();
        }
    }
    Some((t[..n].to_string(), skip + n))
}

/// Byte length of the words that continue a unit's noun phrase in `s`
/// (at most four more, lower case or with digits, never a stop word or an
/// action verb).
fn phrase_rest(s: &str) -> usize {
    let mut len = 0;
    let mut words = 0;
    let mut rest = s;
    while words < 4 {
        let Some(r) = rest.strip_prefix([' ', '\n']) else {
            break;
        };
        let r2 = r.trim_start_matches(' ');
        let w: &str = &r2[..r2
            .find(|c: char| !(c.is_alphanumeric()))
            .unwrap_or(r2.len())];
        // (`trạm phát sóng 5G`, `sản phẩm OCOP`: a code or an acronym goes
        // on; a capitalised word is a name.)
        let acronym = (2..=6).contains(&w.chars().count()) && w.chars().all(char::is_uppercase);
        if w.is_empty()
            || w.starts_with(char::is_uppercase)
                && !w.chars().any(|c| c.is_ascii_digit())
                && !acronym
        {
            break;
        }
        let lw = crate::text::lower(w);
        // A verb of one word, or the first word of a verb of more that
        // follows whole (`ưu tiên`, not `ưu tú`).
        if UNIT_STOPS.contains(&lw.as_str())
            || ACTION_VERBS.iter().any(|v| match v.split_once(' ') {
                None => *v == lw,
                Some((first, more)) => {
                    first == lw && {
                        let after = r2[w.len()..].trim_start_matches(' ');
                        crate::text::starts_ci(after, more)
                            .is_some_and(|n| crate::text::word_end(after, n))
                    }
                }
            })
        {
            break;
        }
        let adv = (s.len() - rest.len()) + (r.len() - r2.len()) + 1 + w.len();
        len = adv;
        rest = &s[len..];
        words += 1;
    }
    len
}

/// True when a found quantity is a legal norm (a support level, fee, fine,
/// cap or duration), not a goal: the sentence says so
/// ([`NORM_CUES`]) or the unit is a rate of time or a duration
/// ([`NORM_UNIT_ENDS`]).
pub fn is_norm(t: &Target) -> bool {
    is_norm_where(t, false)
}

/// [`is_norm`], for a quantity under a heading over goals or not (`aims`:
/// there a duration is a goal, `không quá 60 phút`).
fn is_norm_where(t: &Target, aims: bool) -> bool {
    let lower = crate::text::lower(&t.text);
    let amount_after = |c: &str| {
        lower.match_indices(c).any(|(i, _)| {
            let rest = &lower[i + c.len()..];
            rest[..crate::text::floor_boundary(rest, 24)]
                .bytes()
                .any(|b| b.is_ascii_digit())
        })
    };
    NORM_CUES.iter().any(|c| lower.contains(c))
        || crate::vocab::NORM_CUES_BEFORE_AMOUNT
            .iter()
            .any(|c| amount_after(c))
        || t.unit.as_deref().is_some_and(|u| {
            let u = crate::text::lower(u);
            !aims && NORM_UNIT_ENDS.iter().any(|e| u.ends_with(e))
                || (u.contains('/') && t.cmp == "<=" && u.ends_with("/lớp"))
        })
}

/// In a document that lays down rules: every quantity of `targets` is a
/// norm, moved to `norms`, except what it strives for (`Phấn đấu đến hết
/// năm 2022, … ; tỷ lệ … đạt tối thiểu 50%`: spans in `striven`).
pub fn move_norms(targets: &mut Vec<Target>, norms: &mut Vec<Target>, striven: &[Span]) {
    let (goals, rules): (Vec<Target>, Vec<Target>) = std::mem::take(targets)
        .into_iter()
        .partition(|t| striven.contains(&t.span));
    *targets = goals;
    norms.extend(rules);
}

/// Whether a document of this kind and subject lays down rules, so that
/// every quantity it states is a norm: a legal normative kind, by name
/// ([`crate::vocab::NORMATIVE_KINDS`]: Nghị định, Thông tư…) or a subject
/// that starts `Quy định …` ([`crate::vocab::NORMATIVE_SUBJECTS`]: a
/// resolution of a council setting support levels).
pub fn is_normative(kind: Option<&str>, subject: Option<&str>) -> bool {
    kind.is_some_and(|k| crate::vocab::NORMATIVE_KINDS.contains(&k))
        || subject.is_some_and(|s| {
            let k = crate::text::key(s.trim_start());
            crate::vocab::NORMATIVE_SUBJECTS
                .iter()
                .any(|p| crate::text::starts_with_word(&k, p))
        })
}

/// The horizon that the subject of a plan names (`Kế hoạch … năm 2026`,
/// `… giai đoạn 2026 - 2030` → 2030), for the targets that name none of
/// their own: only for [`crate::vocab::PLAN_KINDS`], only when the subject
/// names one year and not as a term, a school year or a festival
/// ([`crate::vocab::NOT_HORIZON_SUBJECTS`]).
pub fn subject_horizon(kind: Option<&str>, subject: Option<&str>) -> Option<i32> {
    if !kind.is_some_and(|k| crate::vocab::PLAN_KINDS.contains(&k)) {
        return None;
    }
    let s = crate::text::key(subject?);
    if crate::vocab::NOT_HORIZON_SUBJECTS
        .iter()
        .any(|w| crate::text::contains_word(&s, w))
    {
        return None;
    }
    let mut found: Option<i32> = None;
    for m in RE_SUBJECT_YEAR.captures_iter(&s) {
        // The first year of a span (`2026 - 2030`) is not its horizon.
        let y = match (m.get(1), m.get(2)) {
            (Some(end), _) => end.as_str(),
            (None, Some(y)) => {
                let before = s[..m.get(0).map_or(0, |g| g.start())].trim_end();
                if !before.ends_with("năm") {
                    // A year in a date or a code (`ngày 5/3/2024`,
                    // `03/2025/NQ-HĐTP`) makes the subject ambiguous.
                    return None;
                }
                y.as_str()
            }
            _ => continue,
        };
        let y: i32 = y.parse().ok()?;
        if found.is_some_and(|f| f != y) {
            return None;
        }
        found = Some(y);
    }
    found
}

static RE_SUBJECT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\D)(?:(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})|((?:19|20)\d{2}))(?:\D|$)")
        .expect("subject year pattern")
});

/// Quantities of a text split into goals and norms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quantities {
    pub targets: Vec<Target>,
    pub norms: Vec<Target>,
    /// The spans of the targets striven for (`Phấn đấu …`, also in the
    /// clauses after a fronted one): goals even in a document that lays
    /// down rules ([`move_norms`]).
    pub striven: Vec<Span>,
}

/// [`targets_of`] with the norms kept apart instead of dropped; `now` is
/// the document's date, year, month and day, 0 when not known (a clause
/// that opens on an earlier time, `Năm 2025, toàn tỉnh đạt …` in a plan of
/// 2026, reports).
pub fn quantities_of(o: &Outline, exclude: &[Span], now: Option<(i32, u32, u32)>) -> Quantities {
    quantities(o, exclude, false, now)
}

/// [`quantities_of`] also over the text after the items (`o.closing`): an
/// attached plan or annex whose tables end the outline early.
pub fn quantities_with_closing(
    o: &Outline,
    exclude: &[Span],
    now: Option<(i32, u32, u32)>,
) -> Quantities {
    quantities(o, exclude, true, now)
}

fn quantities(
    o: &Outline,
    exclude: &[Span],
    closing: bool,
    now: Option<(i32, u32, u32)>,
) -> Quantities {
    let exclude = &crate::extract::spans::SpanSet::new(exclude);
    let mut out = Vec::new();
    let pre = o.preamble.clone();
    let base = Place {
        now,
        ..Place::default()
    };
    scan(o, pre, base, exclude, &mut out);
    // `Phần I` ⏎ `KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2024` ⏎ `1. …`:
    // a heading in capitals standing alone above top-level items (no item
    // of the outline) holds for them up to the next such heading.
    let mut section = base;
    let mut reports = false;
    for n in &o.nodes {
        if let Some(h) = caps_heading_before(&o.masked, n.start) {
            let (status, year, aims) = heading_words(h);
            reports = status;
            section = Place {
                horizon: year,
                aims,
                now,
            };
        }
        if reports {
            continue;
        }
        walk(o, n, section, exclude, &mut out);
    }
    if closing {
        scan(o, o.closing.clone(), base, exclude, &mut out);
    }
    // (A duration under a heading over goals is one: `Thời gian chờ khám
    // trung bình không quá 60 phút`.)
    let (norms, targets): (Vec<_>, Vec<_>) = out
        .into_iter()
        .partition(|(t, aims, _)| is_norm_where(t, *aims));
    Quantities {
        striven: targets.iter().filter(|x| x.2).map(|x| x.0.span).collect(),
        targets: targets.into_iter().map(|(t, _, _)| t).collect(),
        norms: norms.into_iter().map(|(t, _, _)| t).collect(),
    }
}

struct Found {
    start: usize,
    end: usize,
    cmp: &'static str,
    value: f64,
    unit: Option<String>,
    percent: bool,
}

fn scan(
    o: &Outline,
    r: Range<usize>,
    at: Place,
    exclude: &crate::extract::spans::SpanSet,
    out: &mut Vec<(Target, bool, bool)>,
) {
    let horizon = at.horizon;
    let text = &o.masked;
    // `Phấn đấu đến hết năm 2024, A đạt 80%; B giảm 5%; C không quá 2%.`:
    // a horizon put before the first clause holds for the clauses after
    // its `;` too, up to the end of the sentence.
    let mut carry: Option<i32> = None;
    // So does a `Phấn đấu` put before the first clause's numbers: the
    // clauses after it are striven for too.
    let mut carry_strive = false;
    // `Năm 2025, toàn tỉnh đạt 11,2 bác sĩ/vạn dân; tỷ lệ … đạt 91,3%.` in
    // a plan of 2026: a clause that opens on an earlier year reports it,
    // and so do the clauses after its `;`.
    let mut carry_past = false;
    for sr in sentences(text, r) {
        let sent = slice(text, sr.clone());
        let carried = carry;
        let carried_strive = carry_strive;
        let has_digit = sent.bytes().any(|b| b.is_ascii_digit());
        // (Only a clause with a number or one that carries to the next needs
        // to know.)
        let strive_at = if has_digit || sent.ends_with(';') {
            STRIVE_FINDER.find(sent.as_bytes())
        } else {
            None
        };
        // (A clause that opens on a time has a digit.)
        let past = carry_past || has_digit && at.now.is_some_and(|now| opens_before(sent, now));
        carry_past = past && sent.ends_with(';');
        if past && strive_at.is_none() && !carried_strive {
            continue;
        }
        carry = if sent.ends_with(';') {
            fronted_horizon(sent).or(carried)
        } else {
            None
        };
        carry_strive = sent.ends_with(';')
            && (carried_strive
                || strive_at.is_some_and(|p| !sent[..p].bytes().any(|b| b.is_ascii_digit())));
        // Every target has a number.
        if !has_digit {
            continue;
        }
        let mut found: Vec<Found> = Vec::new();
        // The quoted title of a cited document (`Quyết định số 338/QĐ-TTg …
        // phê duyệt Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ …”`) sets
        // that document's goals, not this one's.
        let quoted = cited_quotes(sent, sr.start, exclude);
        // A count reached (`đạt 75.000 tỷ đồng`, `Đón 16 triệu lượt
        // khách`) is a goal under a heading over goals or in a sentence
        // that sets one (`Phấn đấu thu hút 1,2 tỷ USD`).
        let reaches = at.aims || carried_strive || strive_at.is_some();
        // `thu hút 1,2 tỷ USD … và 8.000 tỷ đồng …`: a count joined by `và`
        // to one reached is reached too.
        let mut reached_last = false;
        for m in numbers(sent) {
            let abs = sr.start + m.start();
            if exclude.contains(abs) || quoted.iter().any(|q| q.contains(&m.start())) {
                continue;
            }
            let before_s = &sent[..m.start()];
            let after_s = &sent[m.end()..];
            // Glued to a word (`gia1`), part of a code, date, range or fraction.
            if before_s
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | ',' | '_'))
            {
                continue;
            }
            if after_s.starts_with(['/', '-'])
                && after_s[1..].starts_with(|c: char| c.is_alphanumeric())
                || after_s.starts_with(|c: char| c.is_alphabetic())
            {
                continue;
            }
            let Some(value) = m.value else {
                continue;
            };
            // Not a percentage and no comparison or rank word can end the
            // text before it (the test below on one character, before
            // lower-casing the words): nothing to find.
            // Under a heading over goals, a count that a short verb phrase
            // opens its clause with (`Trồng mới 8.000 ha rừng`, `Có 60.000
            // buồng lưu trú`) is one reached.
            let leads = at.aims && !m.word && clause_lead(before_s);
            if !(m.word || leads || after_s.trim_start_matches(' ').starts_with('%')) {
                let last = before_s.trim_end().chars().next_back();
                let may_reach = reaches
                    && last.is_some_and(|c| REACH_LAST_CHARS.contains(&crate::text::lower_char(c)));
                // (`từ 40 doanh nghiệp trở lên`: a lower bound.)
                let may_cmp = may_reach
                    || last == Some('ừ')
                    || last.is_some_and(|c| {
                        c == 'İ' || c == 'Σ' || CMP_LAST_CHARS.contains(&crate::text::lower_char(c))
                    });
                if !may_cmp {
                    continue;
                }
            }
            // Only the words just before the number are compared.
            let tail = &before_s
                [crate::text::floor_boundary(before_s, before_s.len().saturating_sub(160))..];
            let before = crate::text::lower_collapsed(tail);
            let before = before.trim_end().to_string();
            if ends_with_word(&before, "số") || ends_with_word(&before, "thứ") {
                continue;
            }
            let pct = after_s.trim_start_matches(' ');
            let percent = pct.starts_with('%') && !m.word;
            // A number word counts only after a comparison word.
            if m.word && cmp_before(&before).is_none() {
                continue;
            }
            let cmp_b = cmp_before(&before);
            let reached = reaches
                && !m.word
                && cmp_b.is_none()
                && (leads
                    || reach_before(&before)
                    || reached_last && ends_with_word(&before, "và"));
            // `từ 40 doanh nghiệp trở lên`: a bound read after the unit.
            // (`có doanh thu từ 01 tỷ đồng/năm trở lên`: who a rule covers.)
            let from = !reached
                && !m.word
                && cmp_b.is_none()
                && ends_with_word(&before, "từ")
                && !before[crate::text::floor_boundary(&before, before.len().saturating_sub(40))..]
                    .split(' ')
                    .any(|w| w == "có");
            let rank = RANK_WORDS.iter().any(|w| ends_with_word(&before, w));
            // Start of the target phrase: the comparison word.
            let start = match cmp_b {
                Some((_, n)) => {
                    let raw_before = before_s.trim_end();
                    let mut st = raw_before.len().saturating_sub(n);
                    while st > 0 && !raw_before.is_char_boundary(st) {
                        st -= 1;
                    }
                    sr.start + st
                }
                None => abs,
            };
            // `6,6%/năm`: a rate being set, not a goal — unless the clause
            // says it is reached (`tăng trưởng bình quân đạt 4,5%/năm`).
            let mut per = None;
            if percent && pct[1..].trim_start().starts_with('/') {
                let slash = &pct[1..].trim_start()[1..];
                let unit = ["năm", "tháng", "quý"]
                    .into_iter()
                    .find(|u| slash.starts_with(u) && crate::text::word_end(slash, u.len()));
                let clause = &before[before.rfind([';', ':', ',']).map_or(0, |p| p + 1)..];
                let reached = crate::vocab::RATE_GOAL_WORDS
                    .iter()
                    .any(|w| clause.contains(w));
                match unit {
                    Some(u) if reached => {
                        per = Some((u, pct.len() - slash.len() + u.len()));
                    }
                    _ => continue,
                }
            }
            if percent {
                let pend = m.end() + (after_s.len() - pct.len()) + per.map_or(1, |(_, n)| n);
                let mut cmp = cmp_b.map(|c| c.0).unwrap_or("=");
                // `đủ 100% chỉ tiêu`: the whole share, no more.
                if crate::vocab::FULL_SHARE_WORDS
                    .iter()
                    .any(|w| ends_with_word(&before, w))
                {
                    cmp = "=";
                }
                // `giảm tối thiểu 10% đơn vị … và 10% biên chế`: a share
                // joined by `và` to a bounded one, with no mark between,
                // has its bound.
                if cmp_b.is_none() && ends_with_word(&before, "và") {
                    if let Some(prev) = found.last().filter(|f| f.percent && f.cmp != "=") {
                        let between = &sent[(prev.end - sr.start).min(m.start())..m.start()];
                        if between.len() <= 100
                            && !between.contains([',', ';', ':', '.', '(', ')', '\n'])
                        {
                            cmp = prev.cmp;
                        }
                    }
                }
                // Only the start of the rest is compared: a prefix of it,
                // spaced and lowered, is a prefix of the whole one spaced and
                // lowered (the whole one when the prefix is too short).
                let rest = &sent[pend..];
                let head =
                    crate::text::lower_collapsed(&rest[..crate::text::floor_boundary(rest, 64)]);
                let longest = CMP_AFTER.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
                let tail = if head.len() >= longest {
                    head
                } else {
                    crate::text::lower_collapsed(rest)
                };
                if cmp == "=" {
                    if let Some((_, c)) = CMP_AFTER.iter().find(|(w, _)| tail.starts_with(w)) {
                        cmp = c;
                    }
                }
                // `có từ 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở
                // lên`: `từ` before the share, the bound closing its clause.
                if cmp == "=" && cmp_b.is_none() && ends_with_word(&before, "từ") {
                    let clause = &rest[..rest.find([';', '.', ':']).unwrap_or(rest.len())];
                    let clause = crate::text::lower_collapsed(
                        &clause[..crate::text::floor_boundary(clause, 240)],
                    );
                    if let Some((_, c)) = CMP_AFTER.iter().find(|(w, _)| clause.contains(w)) {
                        cmp = c;
                    }
                }
                // `GRDP đạt 7,5 - 8%`, `từ 7,5% đến 8%`: a range, its two
                // bounds.
                if cmp == "=" && cmp_b.is_none() {
                    // (Only the end of the text before is read: `từ 12,5% đến `.)
                    let from =
                        crate::text::floor_boundary(before_s, before_s.len().saturating_sub(32));
                    if let Some(c) = RE_RANGE_LOW.captures(&before_s[from..]) {
                        let low = c.get(1).or(c.get(2)).expect("range low");
                        let low = from + low.start()..from + low.end();
                        let v: Option<f64> = before_s[low.clone()].replace(',', ".").parse().ok();
                        if let Some(v) = v.filter(|&v| v < value) {
                            // (A low end with its own `%` was read as a share
                            // of its own.)
                            let (lo, hi) = (sr.start + low.end, sr.start + m.start());
                            if found.last().is_some_and(|f| {
                                f.percent && f.value == v && (lo..=hi).contains(&f.end)
                            }) {
                                found.pop();
                            }
                            found.push(Found {
                                start: sr.start + low.start,
                                end: sr.start + low.end,
                                cmp: ">=",
                                value: v,
                                unit: Some("%".to_string()),
                                percent: true,
                            });
                            cmp = "<=";
                        }
                    }
                }
                found.push(Found {
                    start,
                    end: sr.start + pend,
                    cmp,
                    value,
                    // (`4,5%/năm`: a percentage all the same; the text keeps
                    // its period.)
                    unit: Some("%".to_string()),
                    percent: true,
                });
            } else if rank {
                found.push(Found {
                    start: abs,
                    end: sr.start + m.end(),
                    cmp: "<=",
                    value,
                    unit: Some("tốp".into()),
                    percent: false,
                });
            } else if let Some(cmp) = cmp_b.map(|c| c.0).or((reached || from).then_some("=")) {
                // A count inside the clause of an earlier percentage is part
                // of that target (`100% trường có ít nhất 01 phòng học`).
                if found.iter().any(|f| f.percent) {
                    continue;
                }
                let mut unit = unit_after(after_s);
                // `trẻ dưới 1 tuổi`: an age says who is counted, it is no
                // quantity to reach.
                if unit.as_ref().is_some_and(|(u, _)| {
                    crate::vocab::AGE_WORDS
                        .iter()
                        .any(|w| crate::text::starts_with_word(u, w))
                }) {
                    continue;
                }
                // `1 triệu căn hộ`: the multiplier is written as part of the
                // unit (`triệu căn hộ`), the value as written.
                if let Some((u, n)) = unit.clone() {
                    if MULTIPLIERS.contains(&u.as_str()) {
                        unit = Some(match unit_after(&after_s[n..]) {
                            Some((u2, n2)) => (format!("{u} {u2}"), n + n2),
                            None => (u, n),
                        });
                    }
                }
                let end = sr.start + m.end() + unit.as_ref().map(|u| u.1).unwrap_or(0);
                let unit = unit.filter(|u| !u.0.is_empty());
                // A count reached needs its unit (`đạt 52 triệu đồng`): a
                // bare number after `đạt` is a score or a rank.
                if cmp_b.is_none() && unit.is_none() {
                    continue;
                }
                reached_last = cmp_b.is_none();
                // `đạt từ 4,2 điểm trở lên`: a bound after the unit.
                let mut cmp = cmp;
                if cmp_b.is_none() {
                    // (A prefix is enough: the words are short.)
                    let rest = after_s[end - sr.start - m.end()..].trim_start();
                    let rest = crate::text::lower(&rest[..crate::text::floor_boundary(rest, 64)]);
                    if let Some((_, c)) = CMP_AFTER.iter().find(|(w, _)| rest.starts_with(w)) {
                        cmp = c;
                    } else if from {
                        continue;
                    }
                }
                // A bare integer with no unit after `trên`/`dưới` is too
                // vague (`trên 63 tỉnh` reads as "across"): keep decimals.
                if unit.is_none() && !m.as_str().contains(',') && !matches!(cmp, ">=" | "<=") {
                    continue;
                }
                found.push(Found {
                    start,
                    end,
                    cmp,
                    value,
                    unit: unit.map(|u| u.0),
                    percent: false,
                });
            }
        }
        if found.is_empty() {
            continue;
        }
        // A sentence reporting what was achieved sets no target.
        let lower = crate::text::lower_collapsed(sent);
        // (`số hóa hồ sơ, kết quả giải quyết thủ tục hành chính`: a thing
        // handled, not results reported.)
        let mut markers = STATUS_FINDER
            .find_iter(&lower)
            .filter(|m| {
                !crate::vocab::RESULT_NOUN_PHRASES
                    .iter()
                    .any(|p| lower[m.start()..].starts_with(p))
            })
            .map(|m| &lower[m.range()]);
        let (mut status, mut compares) = (false, false);
        for m in &mut markers {
            if crate::vocab::STATUS_COMPARISONS.contains(&m) {
                compares = true;
            } else {
                status = true;
                break;
            }
        }
        if compares && !status && !crate::vocab::GOAL_CUES.iter().any(|c| lower.contains(c)) {
            continue;
        }
        // `… kết quả 02 năm thực hiện Chỉ thị, phấn đấu năm 2016 tỷ lệ …
        // đạt trên 85%`: what comes after `phấn đấu` is a goal, whatever
        // the sentence reports before it.
        let strive = if status {
            match strive_at {
                Some(p) => sr.start + p,
                None if carried_strive => sr.start,
                None => continue,
            }
        } else {
            sr.start
        };
        let sent_text = collapse_ws(sent);
        for f in found.into_iter().filter(|f| f.start >= strive) {
            let by_year = horizon_near(sent, f.start - sr.start)
                .or(carried)
                .or(horizon)
                .or_else(|| context_year(sent));
            out.push((
                Target {
                    text: sent_text.clone(),
                    about: about(sent, f.start - sr.start, f.end - sr.start),
                    cmp: f.cmp.to_string(),
                    value: f.value,
                    unit: f.unit,
                    by_year,
                    span: Span {
                        start: f.start,
                        end: f.end,
                    },
                },
                at.aims,
                strive_at.is_some() || carried_strive,
            ));
        }
    }
}

/// A year the sentence gives its goal by other than a horizon: the year of
/// a deadline (`hoàn thành 100% … trước ngày 06 tháng 12 năm 2025`) or of
/// the year's plan (`vượt mức 100% các chỉ tiêu, kế hoạch công tác năm 2025`).
static RE_YEAR_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?:trước|chậm nhất|hạn)\s+(?:ngày\s+)?\d{1,2}(?:\s+tháng\s+|/)\d{1,2}(?:\s+năm\s+|/)|(?:công tác|kế hoạch|chỉ tiêu|nhiệm vụ|trong)\s+năm\s+)(\d{4})(?:\D|$)",
    )
    .unwrap()
});

/// A deadline's or plan's year in the sentence ([`RE_YEAR_CONTEXT`]).
fn context_year(sent: &str) -> Option<i32> {
    let flat = collapse_ws(sent);
    RE_YEAR_CONTEXT
        .captures(&flat)
        .and_then(|c| c.get(1)?.as_str().parse().ok())
}

/// The year phrase of the sentence nearest before `at`, else the first
/// after it.
fn horizon_near(sent: &str, at: usize) -> Option<i32> {
    let mut before = None;
    let mut after = None;
    for c in RE_YEAR_PHRASE.captures_iter(sent) {
        let Some(m) = c.get(0) else { continue };
        let y: Option<i32> = c
            .get(1)
            .or(c.get(2))
            .or(c.get(3))
            .or(c.get(4))
            .and_then(|g| g.as_str().parse().ok());
        if m.start() < at {
            before = y.or(before);
        } else if after.is_none() {
            after = y;
        }
    }
    before.or(after)
}

/// A horizon put at the front of a clause, before anything counted and
/// followed by `,` or `:` (`Phấn đấu đến hết năm 2024, …`, `Đến năm 2030:
/// …`).
fn fronted_horizon(sent: &str) -> Option<i32> {
    if !sent.contains("năm") && !sent.contains("giai đoạn") {
        return None;
    }
    let c = RE_YEAR_PHRASE.captures(sent)?;
    let m = c.get(0)?;
    let y = c.get(1).or(c.get(2)).or(c.get(3)).or(c.get(4))?;
    let front = !sent[..m.start()].bytes().any(|b| b.is_ascii_digit());
    let closed = sent[y.end()..]
        .trim_start_matches([' ', '\t'])
        .starts_with([',', ':']);
    (front && closed).then(|| y.as_str().parse().ok()).flatten()
}

/// The noun phrase a target is about: what follows the quantity up to the
/// end of the clause, or else what precedes it.
fn about(sent: &str, start: usize, end: usize) -> Option<String> {
    let after = &sent[end.min(sent.len())..];
    let stop = after.find([';', ':', '(', '.']).unwrap_or(after.len());
    let a = collapse_ws(&after[..stop]);
    let a = a.trim_matches([',', ' ']).to_string();
    let words: Vec<&str> = a.split_whitespace().collect();
    let skip_start = words.first().is_some_and(|w| {
        let k = w.to_lowercase();
        matches!(k.as_str(), "trở" | "và" | "so" | "trong" | "đến" | "vào")
    });
    if !words.is_empty() && !skip_start {
        let take: Vec<&str> = words.into_iter().take(14).collect();
        return Some(take.join(" ").trim_end_matches(',').to_string());
    }
    let before = &sent[..start.min(sent.len())];
    let from = before.rfind([',', ';', ':']).map(|p| p + 1).unwrap_or(0);
    let b = collapse_ws(&before[from..]);
    let mut words: Vec<&str> = b.split_whitespace().collect();
    while words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "đạt" | "là" | "có" | "xuống" | "giảm" | "tăng" | "từ" | "còn" | "ở" | "mức" | "bằng"
        )
    }) {
        words.pop();
    }
    let start_w = words.len().saturating_sub(12);
    let s = words[start_w..].join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_under_a_heading_of_results_report_and_set_no_goal() {
        let t = "I. KẾT QUẢ THỰC HIỆN NĂM 2023\n1. Kết quả cụ thể\nTỷ lệ huy động trẻ 5 tuổi ra lớp đạt 99,8%.\n2. Hạn chế\nTỷ lệ tốt nghiệp còn thấp (dưới 90%).\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024\n1. Mục tiêu\n- Duy trì 100% xã đạt chuẩn phổ cập.\n- Tỷ lệ tốt nghiệp đạt trên 93%.\nIII. KẾT QUẢ CẦN ĐẠT\n1. Chỉ số\n- Tỷ lệ hài lòng đạt 95%.\n";
        let got: Vec<_> = extract_targets(t, 0..t.len(), &[])
            .iter()
            .map(|x| (x.value, x.by_year))
            .collect();
        assert_eq!(
            got,
            vec![(100.0, Some(2024)), (93.0, Some(2024)), (95.0, None)]
        );
    }

    #[test]
    fn documents_that_lay_down_rules_set_norms() {
        assert!(is_normative(Some("Nghị định"), None));
        assert!(!is_normative(Some("Thông tri"), None));
        assert!(is_normative(
            Some("Nghị quyết"),
            Some("Quy định mức hỗ trợ học phí")
        ));
        assert!(!is_normative(
            Some("Nghị quyết"),
            Some("Về phát triển khoa học")
        ));
        assert!(!is_normative(
            Some("Kế hoạch"),
            Some("Quy hoạch mạng lưới trường")
        ));
        let d = crate::parse_str("CHÍNH PHỦ\nSố: 12/2025/NĐ-CP\nHà Nội, ngày 1 tháng 2 năm 2025\nNGHỊ ĐỊNH\nQuy định về nhà ở công vụ\nĐiều 1. Diện tích\nCăn hộ có diện tích sử dụng tối đa 90 m2.\nĐiều 2. Giá thuê\nGiá thuê không vượt quá 10% tổng thu nhập.\n", "a.txt");
        assert!(d.targets.is_empty(), "{:?}", d.targets);
        assert_eq!(d.norms.len(), 2);
        // A decision whose own number carries its year is a legal normative
        // one, whatever its subject; a plan attached to it keeps its goals.
        let head = "ỦY BAN NHÂN DÂN TỈNH BẾN TRE\nSố: 25/2020/QĐ-UBND\nBến Tre, ngày 1 tháng 6 năm 2020\nQUYẾT ĐỊNH\nSửa đổi quy định hỗ trợ hợp tác xã\nĐiều 1. Hợp tác xã có ít nhất 50% thành viên tham gia.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\n";
        let d = crate::parse_str(head, "a.txt");
        assert!(d.targets.is_empty(), "{:?}", d.targets);
        assert_eq!(d.norms.len(), 1);
        // What it strives for stays a goal.
        let strive = head.replace(
            "Nơi nhận:",
            "Điều 2. Phấn đấu đến hết năm 2022, 100% hồ sơ được tiếp nhận trên Hệ thống; tỷ lệ số hóa hồ sơ, kết quả giải quyết đạt tối thiểu 50%.\nNơi nhận:",
        );
        let d = crate::parse_str(&strive, "a.txt");
        let goals: Vec<_> = d.targets.iter().map(|t| (t.value, t.by_year)).collect();
        assert_eq!(goals, [(100.0, Some(2022)), (50.0, Some(2022))]);
        assert_eq!(d.norms.len(), 1);
        // A Party `Thông tri` (code `TT`, as a `Thông tư`) sets goals.
        let d = crate::parse_str("THÀNH ỦY HẢI PHÒNG\nSố: 09-TT/TU\nHải Phòng, ngày 1 tháng 12 năm 2025\nTHÔNG TRI\nvề lãnh đạo tổ chức Tết\n1. Bảo đảm 100% hộ nghèo đều có Tết.\n", "a.txt");
        assert_eq!(d.doc_type.as_ref().map(|t| t.code.as_str()), Some("TT"));
        assert_eq!(d.targets.len(), 1, "{:?}", d.norms);
        let d = crate::parse_str(&format!("{head}\nKẾ HOẠCH\nPHÁT TRIỂN HỢP TÁC XÃ NĂM 2021\n(Ban hành kèm theo Quyết định số 25/2020/QĐ-UBND)\nI. MỤC TIÊU\n1. Phấn đấu 80% hợp tác xã hoạt động hiệu quả.\n"), "a.txt");
        let goals: Vec<_> = d.targets.iter().map(|t| t.value).collect();
        assert_eq!(goals, vec![80.0], "{:?}", d.norms);
        // Permissions, caps and standards are norms in any document.
        let q = quantities("Hợp tác xã được hỗ trợ không quá 70% kinh phí. Mỗi đơn vị được đăng ký tối đa 06 dự án. Mức vay tối đa 25 triệu đồng/hộ. Bảo đảm diện tích sử dụng tối thiểu 24 m2. Thời hạn xử lý đơn không quá 10 ngày làm việc kể từ ngày nhận. Phấn đấu 90% hộ có nhà kiên cố.");
        assert_eq!(q.norms.len(), 5, "{:?}", q.norms);
        assert_eq!(q.targets.len(), 1, "{:?}", q.targets);
    }

    #[test]
    fn goals_compared_with_last_year_and_goals_granted() {
        let t = "Phấn đấu giảm ít nhất 10% số vụ tai nạn giao thông so với cùng kỳ năm 2024.\nSố vụ tai nạn tăng 5% so với cùng kỳ năm 2024.\nBảo đảm 100% hồ sơ đủ điều kiện được cấp phát đúng hạn.\nNgười lao động được hưởng 70% tiền lương.";
        let q = quantities_of(&outline::outline(t, 0..t.len()), &[], None);
        let goals: Vec<_> = q.targets.iter().map(|x| x.value).collect();
        assert_eq!(goals, vec![10.0, 100.0]);
        let norms: Vec<_> = q.norms.iter().map(|x| x.value).collect();
        assert_eq!(norms, vec![70.0]);
    }

    #[test]
    fn an_age_is_no_quantity_to_reach() {
        let t = "Phấn đấu tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ đạt trên 95%.\nGiảm tỷ lệ suy dinh dưỡng ở trẻ em dưới 5 tuổi xuống dưới 10%.";
        let got: Vec<_> = extract_targets(t, 0..t.len(), &[])
            .iter()
            .map(|x| (x.value, x.unit.clone()))
            .collect();
        assert_eq!(
            got,
            vec![(95.0, Some("%".to_string())), (10.0, Some("%".to_string()))]
        );
    }

    #[test]
    fn a_horizon_given_as_a_day() {
        let t = "Phấn đấu đến ngày 31/12/2025 có ít nhất 85% hộ gia đình sử dụng dịch vụ công trực tuyến.";
        let got: Vec<_> = extract_targets(t, 0..t.len(), &[])
            .iter()
            .map(|x| (x.value, x.by_year))
            .collect();
        assert_eq!(got, vec![(85.0, Some(2025))]);
    }

    #[test]
    fn a_rate_per_year_reached_is_a_goal_a_rate_set_is_not() {
        // The unit of a rate is `%`; its text keeps the period.
        let t = "Đến năm 2030, tốc độ tăng trưởng bình quân đạt 4,5%/năm.\nGiảm tỷ lệ hộ nghèo bình quân 1,5%/năm.\nLãi suất cho vay điều chỉnh giảm từ 6,6%/năm xuống 6,24%/năm.";
        let got: Vec<_> = extract_targets(t, 0..t.len(), &[])
            .iter()
            .map(|x| (x.value, x.unit.clone(), x.by_year))
            .collect();
        assert_eq!(
            got,
            vec![
                (4.5, Some("%".to_string()), Some(2030)),
                (1.5, Some("%".to_string()), None)
            ]
        );
    }

    #[test]
    fn a_fronted_horizon_holds_for_the_clauses_after_its_semicolons() {
        let t = "Phấn đấu đến hết năm 2024, tỷ lệ hồ sơ trực tuyến đạt từ 80% trở lên; giảm ít nhất 5% thời gian xử lý hồ sơ; tỷ lệ hồ sơ trễ hạn không quá 2%.\nTỷ lệ hồ sơ số hóa đạt 100%.";
        let years: Vec<_> = extract_targets(t, 0..t.len(), &[])
            .iter()
            .map(|x| (x.value, x.by_year))
            .collect();
        assert_eq!(
            years,
            vec![
                (80.0, Some(2024)),
                (5.0, Some(2024)),
                (2.0, Some(2024)),
                (100.0, None)
            ]
        );
        // A year inside what is counted is no fronted horizon.
        let t =
            "Tăng trưởng GRDP năm 2024 đạt trên 10%; thu ngân sách đạt tối thiểu 51.000 tỷ đồng.";
        let years: Vec<_> = extract_targets(t, 0..t.len(), &[])
            .iter()
            .map(|x| x.by_year)
            .collect();
        assert_eq!(years, vec![Some(2024), None]);
    }

    /// Number words found the old way: a scan over the words.
    fn number_words_by_words(sent: &str) -> Vec<(usize, usize, f64)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, ch) in sent
            .char_indices()
            .chain(std::iter::once((sent.len(), ' ')))
        {
            if crate::text::is_word_char(ch) {
                start.get_or_insert(i);
                continue;
            }
            let Some(st) = start.take() else { continue };
            let w = &sent[st..i];
            if let Some(&(_, value)) = NUMBER_WORDS.iter().find(|(nw, _)| *nw == w) {
                out.push((st, i, value));
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The automaton finds the number words the word scan found, and
        /// sentences are cut where the byte loop cut them.
        #[test]
        fn number_words_and_sentences_as_before(
            s in proptest::collection::vec(
                proptest::sample::select(vec![
                    "một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "Ba", "a", "x",
                    "bà", "\u{301}", " ", ".", ". ", ";", "\n", "\n\n", "12", ",", "_", "ạ",
                ]),
                0..14,
            )
        ) {
            let s: String = s.concat();
            let found: Vec<(usize, usize, f64)> = super::numbers(&s)
                .into_iter()
                .filter(|n| n.word)
                .map(|n| (n.start, n.end, n.value.unwrap_or(f64::NAN)))
                .collect();
            proptest::prop_assert_eq!(found, number_words_by_words(&s));
            let b = s.as_bytes();
            let (mut cuts, mut start) = (Vec::new(), 0);
            for i in 0..b.len() {
                let cut = match b[i] {
                    b';' => true,
                    b'.' => i + 1 >= b.len() || b[i + 1] == b' ' || b[i + 1] == b'\n',
                    b'\n' => i + 1 < b.len() && b[i + 1] == b'\n',
                    _ => false,
                };
                if cut {
                    cuts.push(start..i + 1);
                    start = i + 1;
                }
            }
            if start < b.len() {
                cuts.push(start..b.len());
            }
            proptest::prop_assert_eq!(sentences(&s, 0..s.len()), cuts);
        }
    }

    #[test]
    fn goals_in_a_cited_title_are_not_targets() {
        let text = "b) Triển khai Quyết định số 338/QĐ-TTg ngày 03/4/2023 của Thủ tướng Chính phủ phê duyệt Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội”; phấn đấu tối thiểu 80% công nhân có nhà ở.";
        let start = text.find("Quyết định").unwrap_or(0);
        let cited = [Span {
            start,
            end: text.find(" phê duyệt").unwrap_or(0),
        }];
        let t = extract_targets(text, 0..text.len(), &cited);
        let values: Vec<f64> = t.iter().map(|t| t.value).collect();
        assert_eq!(values, vec![80.0]);
    }

    #[test]
    fn compound_units_keep_every_slash() {
        let text = "2. Thu nhập bình quân đầu người đạt trên 75 triệu đồng/người/năm.";
        let t = extract_targets(text, 0..text.len(), &[]);
        // A body range off the char boundaries is clamped, not a panic.
        let _ = extract_targets(text, 1..80, &[]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].unit.as_deref(), Some("triệu đồng/người/năm"));
        assert_eq!((t[0].cmp.as_str(), t[0].value), (">", 75.0));
    }

    fn targets(t: &str) -> Vec<(f64, String, Option<String>, Option<i32>)> {
        extract_targets(t, 0..t.len(), &[])
            .into_iter()
            .map(|x| (x.value, x.cmp, x.unit, x.by_year))
            .collect()
    }

    fn pct(v: f64, c: &str, y: Option<i32>) -> (f64, String, Option<String>, Option<i32>) {
        (v, c.into(), Some("%".into()), y)
    }

    #[test]
    fn filler_between_comparison_and_number() {
        let t = targets(
            "Tỷ lệ hồ sơ đúng hạn tối đa bằng 5% bị trả lại; tỷ lệ hài lòng tối thiểu đạt 80%.",
        );
        assert_eq!(
            t,
            vec![
                (5.0, "<=".to_string(), Some("%".to_string()), None),
                (80.0, ">=".to_string(), Some("%".to_string()), None),
            ]
        );
    }

    fn quantities(t: &str) -> Quantities {
        quantities_of(&outline::outline(t, 0..t.len()), &[], None)
    }

    #[test]
    fn norms_are_not_targets() {
        for t in [
            "Mức hỗ trợ tối đa 2.000.000 đồng/người/tháng đối với người từ đủ 80 tuổi trở lên.",
            "Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi không quá 3 lần.",
            "Chi phí chi trả tối đa bằng 40% mức phí quản lý.",
            "Mỗi lớp không quá 35 học sinh/lớp.",
            "Thời hạn giải quyết không quá 10 ngày làm việc kể từ ngày nhận hồ sơ.",
            "Tổ chức dạy học 2 buổi/ngày, tối thiểu là 9 buổi/tuần, mỗi ngày không quá 7 tiết.",
        ] {
            let q = quantities(t);
            assert!(q.targets.is_empty(), "{t}: {:?}", q.targets);
            assert!(!q.norms.is_empty(), "{t}");
        }
        // A goal in money per year stays a goal.
        let q = quantities("Thu nhập bình quân đạt trên 75 triệu đồng/người/năm.");
        assert_eq!(q.targets.len(), 1);
    }

    #[test]
    fn number_words_units_and_years_from_context() {
        let got = targets("- Tổ chức ít nhất một sự kiện, hoạt động văn hóa trong năm 2026.");
        assert_eq!(
            got,
            vec![(1.0, ">=".into(), Some("sự kiện".into()), Some(2026))]
        );
        let got = targets("Bố trí mỗi điểm thi ít nhất 02 phòng dự phòng;");
        assert_eq!(got[0].2.as_deref(), Some("phòng dự phòng"));
        let got = targets("Mỗi khu có tối thiểu 1 trạm phát sóng 5G.");
        assert_eq!(got[0].2.as_deref(), Some("trạm phát sóng 5G"));
        let got = targets("Hoàn thành 100% việc cập nhật lý lịch trước ngày 06 tháng 12 năm 2025.");
        assert_eq!(got, vec![pct(100.0, "=", Some(2025))]);
        let got =
            targets("Quyết tâm hoàn thành vượt mức 100% các chỉ tiêu, kế hoạch công tác năm 2025.");
        assert_eq!(got, vec![pct(100.0, ">", Some(2025))]);
        // A number word needs a comparison word.
        assert!(targets("Có một số trường chưa đạt chuẩn.").is_empty());
    }

    #[test]
    fn comparison_words_and_values() {
        let t = "b) Mục tiêu cụ thể:\n- Phấn đấu trên 95% người trong độ tuổi hoàn thành cấp trung học; có ≥ \n7% lao động có trình độ đại học; chỉ số HDI đạt trên 0,82; tỷ lệ bất bình đẳng giảm xuống dưới 10%.\n- Chi tối thiểu 20% tổng chi ngân sách; bố trí ít nhất 5% cho đầu tư.\n";
        assert_eq!(
            targets(t),
            vec![
                pct(95.0, ">", None),
                pct(7.0, ">=", None),
                (0.82, ">".into(), None, None),
                pct(10.0, "<", None),
                pct(20.0, ">=", None),
                pct(5.0, ">=", None),
            ]
        );
    }

    #[test]
    fn a_plans_subject_names_the_horizon_of_its_goals() {
        let h = |k: &str, s: &str| subject_horizon(Some(k), Some(s));
        assert_eq!(h("KH", "Tổ chức Tháng Thanh niên năm 2026"), Some(2026));
        assert_eq!(
            h(
                "NQ",
                "Thông qua Đề án xây dựng xã đạt chuẩn giai đoạn 2026 - 2030"
            ),
            Some(2030)
        );
        assert_eq!(
            h("QĐ", "ban hành Kế hoạch tuyển sinh năm 2026 và năm 2026"),
            Some(2026)
        );
        // A letter, a report, a term, a school year, a festival: no horizon.
        assert_eq!(h("CV", "triển khai công tác tuyển quân năm 2026"), None);
        assert_eq!(h("BC", "kết quả công tác năm 2025"), None);
        assert_eq!(h("KH", "tổ chức đại hội chi bộ nhiệm kỳ 2025 - 2030"), None);
        assert_eq!(
            h("CT", "bảo đảm an toàn trường học năm học 2025 - 2026"),
            None
        );
        assert_eq!(
            h("KH", "Cao điểm bảo đảm trật tự Tết Nguyên đán năm 2026"),
            None
        );
        // Two years, or a year inside a date or a code: which one governs
        // is not said.
        assert_eq!(
            h("KH", "giai đoạn 2021 - 2025, định hướng đến năm 2030"),
            None
        );
        assert_eq!(
            h("KH", "thực hiện Nghị quyết số 03/2025/NQ-HĐTP năm 2026"),
            None
        );
        assert_eq!(h("KH", "Chuyển đổi số"), None);
        assert_eq!(subject_horizon(None, Some("năm 2026")), None);
    }

    #[test]
    fn the_whole_share_and_a_bound_shared_by_and() {
        let got: Vec<_> = targets("Giảm tối thiểu 10% đơn vị sự nghiệp công lập và 10% biên chế hưởng lương.\nBảo đảm giao đủ 100% chỉ tiêu; đủ 01 phòng học/lớp.\nĐạt trên 90%, 100% xã có trạm.\nTối thiểu 10% đơn vị, và 5% biên chế.")
            .into_iter()
            .map(|t| (t.1, t.0))
            .collect();
        let want = [
            (">=", 10.0),
            (">=", 10.0),
            ("=", 100.0),
            (">=", 1.0),
            (">", 90.0),
            ("=", 100.0),
            (">=", 10.0),
            ("=", 5.0),
        ];
        assert_eq!(got, want.map(|(c, v)| (c.to_string(), v)));
    }

    #[test]
    fn horizons() {
        let t = "II. MỤC TIÊU\n1. Mục tiêu đến năm 2030\n- 100% trường học kiên cố.\n- Phấn đấu trên 80% trường đạt chuẩn quốc gia1 vào năm 2029.\n2. Mục tiêu đến năm 2035\nChỉ số giáo dục đạt trên 0,85.\nIII. NHIỆM VỤ\n1. Bảo đảm 100% giáo viên được tập huấn.\nĐến năm 2027:\n- Tối thiểu 3 dự án được triển khai.\n";
        let got = targets(t);
        assert_eq!(got[0], pct(100.0, "=", Some(2030)));
        assert_eq!(got[1], pct(80.0, ">", Some(2029)));
        assert_eq!(got[2], (0.85, ">".into(), None, Some(2035)));
        assert_eq!(got[3], pct(100.0, "=", None));
        assert_eq!(got[4], (3.0, ">=".into(), Some("dự án".into()), Some(2027)));
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn units_bounds_and_headings_over_goals_and_results() {
        let u = |s: &str| Some(s.to_string());
        let got = targets("I. KẾT QUẢ NĂM 2025\nĐiện thương phẩm đạt 21,3 tỷ kWh, tăng 9,2% so với năm 2024; tỷ lệ tổn thất 4,25%.\nII. MỤC TIÊU NĂM 2026\n1. Điện thương phẩm đạt 22,5 tỷ kWh.\n2. Điểm chất lượng đạt từ 4,2 điểm trở lên.\n3. Thời gian chờ khám trung bình không quá 60 phút.\n4. Dự trữ thuốc tối thiểu cho 02 tháng sử dụng.\n5. Nâng công suất lên tối thiểu 100.000 m3/ngày đêm.\n6. Có trên 35 giường bệnh/vạn dân.\n");
        assert_eq!(
            got,
            vec![
                (22.5, "=".into(), u("tỷ kWh"), Some(2026)),
                (4.2, ">=".into(), u("điểm"), Some(2026)),
                (60.0, "<=".into(), u("phút"), Some(2026)),
                (2.0, ">=".into(), u("tháng"), Some(2026)),
                (100000.0, ">=".into(), u("m3/ngày đêm"), Some(2026)),
                (35.0, ">".into(), u("giường bệnh/vạn dân"), Some(2026)),
            ]
        );
        // Outside a heading over goals a duration is a norm.
        let q = quantities("Thời gian làm bài không quá 90 phút.");
        assert!(q.targets.is_empty() && q.norms.len() == 1, "{q:?}");
        // A lower bound written `từ … trở lên`; who a rule covers is none.
        let got = targets("1. Hỗ trợ từ 40 doanh nghiệp trở lên tham gia chương trình.\n2. Hộ kinh doanh có doanh thu từ 01 tỷ đồng/năm trở lên đăng ký hóa đơn.\n3. Tổ chức từ 3 đến 5 lớp.");
        assert_eq!(got, vec![(40.0, ">=".into(), u("doanh nghiệp"), None)]);
        // A tax rate is a norm.
        let q = quantities("Hàng hóa chịu thuế suất 10%.");
        assert!(q.targets.is_empty() && q.norms.len() == 1, "{q:?}");
    }

    #[test]
    fn counts_a_short_verb_phrase_opens_under_a_heading_over_goals() {
        let u = |s: &str| Some(s.to_string());
        let got = targets("II. CHỈ TIÊU NĂM 2017\n1. Trồng mới 15.000 ha rừng tập trung.\n2. Thành lập mới 20 tổ hợp tác do phụ nữ làm chủ.\n3. Có 60.000 buồng lưu trú, trong đó ít nhất 40% đạt chuẩn.\n(9) Kết nạp 150 đảng viên trở lên trong nhiệm kỳ.\n4. Tổ chức lần 2 hội thi.\n5. Hỗ trợ cho 30 hộ.\n");
        assert_eq!(
            got,
            vec![
                (15000.0, "=".into(), u("ha"), Some(2017)),
                (20.0, "=".into(), u("tổ hợp tác"), Some(2017)),
                (60000.0, "=".into(), u("buồng lưu trú"), Some(2017)),
                (40.0, ">=".into(), u("%"), Some(2017)),
                (150.0, ">=".into(), u("đảng viên"), Some(2017)),
            ]
        );
        // Outside such a heading, the same items set no goal.
        assert!(targets("1. Trồng mới 15.000 ha rừng tập trung.\n").is_empty());
    }

    #[test]
    fn a_clause_that_opens_on_an_earlier_time_reports() {
        let text = "II. THỰC TRẠNG VÀ MỤC TIÊU\n1. Thực trạng\nToàn tỉnh có 78 trạm y tế.\n2. Mục tiêu\nNăm 2025, toàn tỉnh đạt 11,2 bác sĩ/vạn dân; tỷ lệ trạm y tế có bác sĩ đạt 91,3%.\nGiai đoạn 2016 - 2020, GRDP tăng bình quân 4,5%/năm.\nĐến ngày 20/11/2025, giải ngân đạt 61,3% kế hoạch.\nLũy kế giải ngân đạt 47,3% kế hoạch.\nNăm 2026, tỷ lệ bao phủ bảo hiểm y tế đạt 95%.\nĐến ngày 30/6/2026, 100% hồ sơ được số hóa.\nNăm 2025, phấn đấu 100% trạm có bác sĩ.\n";
        let o = outline::outline(text, 0..text.len());
        let got: Vec<_> = quantities_of(&o, &[], Some((2026, 1, 15)))
            .targets
            .into_iter()
            .map(|t| t.value)
            .collect();
        assert_eq!(got, [95.0, 100.0, 100.0]);
        // Estimates reported, a term gone by, a year under a heading.
        let text2 = "MỤC TIÊU NĂM 2026\nNăm 2025, tỷ lệ hộ nghèo còn 14,2%;\n1. GRDP bình quân đầu người ước đạt 43,2 triệu đồng.\n2. Nhiệm kỳ qua, tốc độ tăng trưởng bình quân đạt 6,8%/năm.\n3. Tốc độ tăng trưởng bình quân 7,5%/năm tro lên.\n";
        let o2 = outline::outline(text2, 0..text2.len());
        let got: Vec<_> = quantities_of(&o2, &[], Some((2026, 1, 15)))
            .targets
            .into_iter()
            .map(|t| (t.cmp, t.value))
            .collect();
        assert_eq!(got, [(">=".to_string(), 7.5)]);
        // The document's date unknown: nothing is before it.
        assert_eq!(quantities_of(&o, &[], None).targets.len(), 7);
    }

    #[test]
    fn results_handled_are_no_report() {
        let got = targets("3. Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 100%.\n4. Kết quả năm 2025 đạt 90%.");
        assert_eq!(got, vec![(100.0, "=".into(), Some("%".into()), None)]);
    }

    #[test]
    fn units_of_sites_acronyms_and_per_two_words() {
        let u = |s: &str| Some(s.to_string());
        let got = targets("1. Có ít nhất 60 điểm du lịch cộng đồng đạt tiêu chuẩn.\n2. Có tối thiểu 40 sản phẩm OCOP gắn với du lịch.\n3. Chỉ số SAIDI dưới 1.500 phút/khách hàng.\n4. Tỷ số giới tính khi sinh dưới 109 bé trai/100 bé gái.\n5. Tỷ lệ tham gia bảo hiểm y tế đạt tren 95% dân số.\n6. Điểm trung bình đạt từ 3,5 điểm trở lên.\n7. Giới thiệu ít nhất 500 đoàn viên ưu tú cho Đảng.\n8. Vận động được ít nhất 15 hội viên tham gia bảo hiểm.\n");
        assert_eq!(
            got,
            vec![
                (60.0, ">=".into(), u("điểm du lịch cộng đồng"), None),
                (40.0, ">=".into(), u("sản phẩm OCOP"), None),
                (1500.0, "<".into(), u("phút/khách hàng"), None),
                (109.0, "<".into(), u("bé trai/100 bé gái"), None),
                (95.0, ">".into(), u("%"), None),
                (3.5, ">=".into(), u("điểm"), None),
                (500.0, ">=".into(), u("đoàn viên ưu tú"), None),
                (15.0, ">=".into(), u("hội viên"), None),
            ]
        );
    }

    #[test]
    fn goals_listed_as_labels_under_a_long_lead_that_names_them() {
        let u = |s: &str| Some(s.to_string());
        let got = targets("Điều 1. Giao kế hoạch sản xuất kinh doanh năm 2019 cho Công ty Cổ phần Vận tải Đường sắt Sài Gòn với các chỉ tiêu chủ yếu sau:\n1. Sản lượng vận chuyển hành khách: 3,2 triệu lượt khách.\n2. Tổng doanh thu: 2.850 tỷ đồng.\nĐiều 2. Công ty báo cáo kết quả thực hiện về Tổng công ty: 02 lần mỗi năm.\n");
        assert_eq!(
            got,
            vec![
                (3.2, "=".into(), u("triệu lượt khách"), None),
                (2850.0, "=".into(), u("tỷ đồng"), None),
            ]
        );
    }

    #[test]
    fn a_range_of_shares_gives_its_two_bounds() {
        let got: Vec<_> = targets("1. Tốc độ tăng trưởng GRDP đạt 7,5 - 8%;\n2. Tỷ lệ hộ nghèo giảm từ 1,5% đến 2%;\n3. Giai đoạn 2021-2025 đạt 95%;\n4. Quán triệt Nghị quyết 71 đến 100% cán bộ.\n")
            .into_iter()
            .map(|t| (t.1, t.0))
            .collect();
        let want = [
            (">=", 7.5),
            ("<=", 8.0),
            (">=", 1.5),
            ("<=", 2.0),
            ("=", 95.0),
            ("=", 100.0),
        ];
        assert_eq!(got, want.map(|(c, v)| (c.to_string(), v)));
        // `từ` before a share whose clause closes on `trở lên`.
        let got: Vec<_> = targets("(8) Hằng năm có từ 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.\n9. Có từ 80% xã đạt chuẩn; hộ nghèo giảm trở lên.\n")
            .into_iter()
            .map(|t| (t.1, t.0))
            .collect();
        assert_eq!(got, [(">=".to_string(), 90.0), ("=".to_string(), 80.0)]);
    }

    #[test]
    fn a_section_heading_outside_the_outline() {
        // `Phần I` ⏎ a heading in capitals over results, then one over tasks.
        let got = targets("Phần I\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2024\n\n1. Công tác tuyển quân: giao 1.150 công dân, đạt 100% chỉ tiêu.\n2. Huấn luyện đạt 48% kế hoạch năm.\n\nPhần II\nPHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024\n\n1. Phấn đấu hoàn thành 100% kế hoạch huấn luyện.\n");
        assert_eq!(got, vec![(100.0, "=".into(), Some("%".into()), Some(2024))]);
    }

    #[test]
    fn a_goal_after_a_report_in_one_sentence() {
        // `kết quả` reports, but what follows `phấn đấu` is a goal, and
        // `phấn đấu năm 2016` its horizon.
        let got = targets("Để tổng hợp kết quả 02 năm thực hiện Chỉ thị, phấn đấu năm 2016 tỷ lệ giải quyết đạt trên 85%, Thanh tra Chính phủ đề nghị.\nKết quả năm 2015 đạt 80%.\nTrong quý IV năm 2016, tối thiểu 95% hồ sơ được số hóa.");
        assert_eq!(
            got,
            vec![
                (85.0, ">".into(), Some("%".into()), Some(2016)),
                (95.0, ">=".into(), Some("%".into()), Some(2016)),
            ]
        );
    }

    #[test]
    fn counts_reached_under_a_heading_over_goals() {
        let t = "II. MỤC TIÊU\n1. Mục tiêu cụ thể đến năm 2026\n- Đón 16 triệu lượt khách du lịch, trong đó khách quốc tế đạt trên 1,5 triệu lượt.\n- Tổng thu từ khách du lịch đạt khoảng 75.000 tỷ đồng.\n- Cứng hóa thêm 3,5 km đường giao thông nông thôn.\n- Điểm bình quân đạt 8,5.\nIII. NHIỆM VỤ\n1. Tổ chức 02 hội nghị, doanh thu đạt 500 tỷ đồng.\n";
        let got = targets(t);
        let u = |s: &str| Some(s.to_string());
        assert_eq!(
            got,
            vec![
                (16.0, "=".into(), u("triệu lượt khách du lịch"), Some(2026)),
                (1.5, ">".into(), u("triệu lượt"), Some(2026)),
                (75000.0, "=".into(), u("tỷ đồng"), Some(2026)),
                (3.5, "=".into(), u("km"), Some(2026)),
            ]
        );
        // Outside such a heading, `phấn đấu` makes the sentence set goals,
        // and a count joined by `và` to one reached is reached too.
        let got = targets("1. Phấn đấu thu hút 1,2 tỷ USD vốn đầu tư trực tiếp nước ngoài và 8.000 tỷ đồng vốn đầu tư trong nước.\n2. Doanh thu đạt 300 tỷ đồng.");
        assert_eq!(
            got,
            vec![
                (1.2, "=".into(), u("tỷ USD"), None),
                (8000.0, "=".into(), u("tỷ đồng"), None),
            ]
        );
    }

    #[test]
    fn counts_units_and_absorption() {
        let t = "- 100% trường, lớp kiên cố; đảm bảo đủ 01 phòng học/lớp để dạy học 02 buổi/ngày; 100% trường có ít nhất 01 phòng học thông minh; phấn đấu nằm trong tốp 10 tỉnh dẫn đầu; đào tạo từ 80% trở lên giáo viên.";
        let got = targets(t);
        assert_eq!(got[0], pct(100.0, "=", None));
        assert_eq!(
            got[1],
            (1.0, ">=".into(), Some("phòng học/lớp".into()), None)
        );
        assert_eq!(got[2], pct(100.0, "=", None));
        assert_eq!(got[3], (10.0, "<=".into(), Some("tốp".into()), None));
        assert_eq!(got[4], pct(80.0, ">=", None));
        assert_eq!(got.len(), 5);
        let got = targets("- Tỷ lệ mắc sốt xuất huyết dưới 150 ca/100.000 dân; ít nhất 3 tổ/thôn.");
        assert_eq!(
            got,
            vec![
                (150.0, "<".into(), Some("ca/100.000 dân".into()), None),
                (3.0, ">=".into(), Some("tổ/thôn".into()), None),
            ]
        );
        let got =
            targets("- Xây dựng ít nhất 1 triệu căn hộ; lãi suất từ 6,6%/năm xuống 6,24%/năm.");
        assert_eq!(
            got,
            vec![(1.0, ">=".into(), Some("triệu căn hộ".into()), None)]
        );
    }

    #[test]
    fn traps() {
        // Footnote text, dates, codes, ranges, fractions, labels, status.
        let t = "1. Đạt chuẩn quốc gia1 mức độ 2.\n1 Tính đến tháng 9/2025 có 8/13 trường = 66,6%.\n2. Thực hiện Quyết định số 15/2025/QĐ-UBND ngày 22/8/2025 giai đoạn 2026-2030 cho học sinh lớp 9 trở lên, 06 nhiệm vụ, chỉ tiêu số 15.\n3. Hiện nay tỷ lệ đạt 92,5% số xã.\n";
        assert!(targets(t).is_empty(), "{:?}", targets(t));
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("0,82"), Some(0.82));
        assert_eq!(parse_number("1.234.567"), Some(1234567.0));
        assert_eq!(parse_number("66,6"), Some(66.6));
    }
}
