//! The numbered structure of a document body: `I.`, `1.`, `1.1.`, `a)`,
//! `-`, `+`, `Điều 1.`, `Phần I`, and horizon lines such as `Đến năm 2030:`.
//!
//! Lines that start with a marker open a node; every other line continues
//! the node before it. Which marker kind nests under which is learnt from the
//! document itself (the first kind seen is the top level, a new kind is a
//! child of the current item), with two guards: a numbered marker must
//! continue its sequence (`2.` after `1.`) or start a new one (`1.`, `a)`),
//! and bullets never hold numbered items.
//!
//! Footnote lines that a PDF conversion leaves in the middle of the text
//! (`1 Tính đến hết tháng 9/2025, …` after `quốc gia1`) are blanked in
//! [`Outline::masked`], which has the same byte offsets as the text.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The kind of marker that opens an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `Phần I`, `Chương II`, `Mục 1`.
    Part,
    /// `A.`, `B.`.
    UpperLetter,
    /// `I.`, `II.`.
    Roman,
    /// `Điều 1.`.
    Article,
    /// `1.`.
    Arabic,
    /// `1)`.
    ArabicParen,
    /// `1.1.` (the number of components).
    Dotted(u8),
    /// `a)`, `b.`.
    Letter,
    /// `Đến năm 2030:` on a line of its own.
    Horizon,
    /// `-`, `+`, `•`.
    Bullet(char),
}

impl Style {
    fn is_bullet(self) -> bool {
        matches!(self, Style::Bullet(_))
    }
    fn is_major(self) -> bool {
        matches!(
            self,
            Style::Part | Style::UpperLetter | Style::Roman | Style::Article
        )
    }
    fn needs_sequence(self) -> bool {
        matches!(
            self,
            Style::UpperLetter | Style::Roman | Style::Arabic | Style::ArabicParen | Style::Letter
        )
    }
}

/// One item of the outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub style: Style,
    /// The number as written, without punctuation (`I`, `1`, `1.1`, `a`,
    /// `-`); empty for horizon lines.
    pub label: String,
    pub ordinal: u32,
    /// Start of the marker's line.
    pub start: usize,
    /// Start of the item's own text (after the marker).
    pub text_start: usize,
    /// End of the item's own text (where its first child starts).
    pub own_end: usize,
    /// End of the item with all its children.
    pub end: usize,
    pub children: Vec<Node>,
}

impl Node {
    /// The item's own text, whitespace collapsed.
    pub fn own_text(&self, masked: &str) -> String {
        crate::text::collapse_ws(slice(masked, self.text_start..self.own_end))
    }

    /// The first line of the item's own text (up to `:` or a line break
    /// that starts a new sentence; a heading wrapped over lines, as in
    /// `TỔ CHỨC` ⏎ `THỰC HIỆN` or `Mục` ⏎ `tiêu đến năm 2030`, is joined).
    pub fn first_line(&self, masked: &str) -> String {
        let own = slice(masked, self.text_start..self.own_end).trim_start();
        let own = &own[..own.find(':').unwrap_or(own.len())];
        let mut lines = own.split('\n');
        let mut out = lines.next().unwrap_or("").trim().to_string();
        for l in lines {
            let l = l.trim();
            if l.is_empty() {
                break;
            }
            let lower_start = l.chars().next().is_some_and(|c| c.is_lowercase());
            let both_upper = crate::text::is_upper(&out) && crate::text::is_upper(l);
            if !(lower_start || both_upper) {
                break;
            }
            out.push(' ');
            out.push_str(l);
        }
        out
    }
}
/// The outline of a body.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// The text with footnote lines blanked (same byte offsets).
    pub masked: String,
    pub nodes: Vec<Node>,
    /// Text before the first item.
    pub preamble: Range<usize>,
    /// Closing text after the last item (`… thông báo để … thực hiện./.`).
    pub closing: Range<usize>,
}

/// `text[r]`, clamped to the text and to char boundaries.
pub fn slice(text: &str, r: Range<usize>) -> &str {
    let fl = |mut i: usize| {
        i = i.min(text.len());
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = (fl(r.start), fl(r.end));
    if a >= b {
        ""
    } else {
        &text[a..b]
    }
}

static RE_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+([IVXL]{1,6}|\d{1,2})\b\s*[.:\-]?\s*")
        .unwrap()
});
static RE_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Điều|ĐIỀU)\s+(\d{1,3})\s*[.:]\s*").unwrap());
// `I.`, `I)`, and `I-` glued to the numeral (`I- MỤC ĐÍCH`).
static RE_ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXL]{1,6})(?:\s*[.)]|-)\s*").unwrap());
static RE_UPPER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-H])\s*[.)]\s+").unwrap());
static RE_DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+|$)").unwrap());
// `1.`, `1)`, and `1-` glued to the number then a space (`1- Sở Y tế`; not
// `10 - 15%` or `1-2 tuần`).
static RE_ARABIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})(?:\s*([.)])|(-))(?:\s+|$)").unwrap());
static RE_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([a-zđ])\s*[).](?:\s+|$)").unwrap());
static RE_BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([\-+•·◦▪])[ \t]*\S").unwrap());
static RE_HORIZON_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:-\s*)?(?:phấn đấu\s+)?(?:đến|tới|trong|giai đoạn|năm)\s+(?:hết\s+)?(?:năm\s+)?(?:\d{4}\s*-\s*)?\d{4}\s*[:,]?\s*$")
        .unwrap()
});
static RE_FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,2})\s+\p{Lu}").unwrap());

/// Value of a Roman numeral up to 50, or None.
pub fn roman_value(s: &str) -> Option<u32> {
    const NUMS: [&str; 50] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI",
        "XXVII", "XXVIII", "XXIX", "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI",
        "XXXVII", "XXXVIII", "XXXIX", "XL", "XLI", "XLII", "XLIII", "XLIV", "XLV", "XLVI", "XLVII",
        "XLVIII", "XLIX", "L",
    ];
    NUMS.iter().position(|n| *n == s).map(|p| p as u32 + 1)
}

fn letter_value(c: char) -> u32 {
    // Vietnamese item letters: a b c d đ e g h i k l m n o p q r s t u v x y.
    const ORDER: &str = "abcdđefghijklmnopqrstuvwxyz";
    ORDER
        .chars()
        .position(|x| x == c)
        .map(|p| p as u32 + 1)
        .unwrap_or(0)
}

/// A marker at the start of a (left-trimmed) line: style, label, ordinal,
/// bytes of the marker.
pub fn marker(line: &str) -> Option<(Style, String, u32, usize)> {
    // Every pattern is anchored: the first character says which can match.
    let c0 = line.chars().next()?;
    let part = matches!(c0, 'P' | 'C' | 'M');
    if let Some(c) = part.then(|| RE_PART.captures(line)).flatten() {
        let l = &c[1];
        let ord = roman_value(l).or_else(|| l.parse().ok()).unwrap_or(0);
        return Some((Style::Part, l.to_string(), ord, c[0].len()));
    }
    if let Some(c) = (c0 == 'Đ').then(|| RE_ARTICLE.captures(line)).flatten() {
        let ord = c[1].parse().unwrap_or(0);
        return Some((Style::Article, c[1].to_string(), ord, c[0].len()));
    }
    let roman = matches!(c0, 'I' | 'V' | 'X' | 'L');
    if let Some(c) = roman.then(|| RE_ROMAN.captures(line)).flatten() {
        if let Some(v) = roman_value(&c[1]) {
            // `I.` must be followed by text, not glued to a word (`IV.2`).
            let rest = &line[c[0].len()..];
            if !rest.starts_with(|ch: char| ch.is_ascii_digit()) {
                return Some((Style::Roman, c[1].to_string(), v, c[0].len()));
            }
        }
    }
    let upper = ('A'..='H').contains(&c0);
    if let Some(c) = upper.then(|| RE_UPPER.captures(line)).flatten() {
        let v = c[1].chars().next().map(|ch| ch as u32 - 'A' as u32 + 1);
        return Some((
            Style::UpperLetter,
            c[1].to_string(),
            v.unwrap_or(0),
            c[0].len(),
        ));
    }
    let digit = c0.is_ascii_digit();
    if let Some(c) = digit.then(|| RE_DOTTED.captures(line)).flatten() {
        let parts: Vec<&str> = c[1].split('.').collect();
        let ord = parts.last().and_then(|p| p.parse().ok()).unwrap_or(0);
        return Some((
            Style::Dotted(parts.len() as u8),
            c[1].to_string(),
            ord,
            c[0].len(),
        ));
    }
    if let Some(c) = digit.then(|| RE_ARABIC.captures(line)).flatten() {
        let ord: u32 = c[1].parse().unwrap_or(0);
        if ord == 0 || ord > 60 {
            return None;
        }
        let style = if c.get(2).is_some_and(|m| m.as_str() == ")") {
            Style::ArabicParen
        } else {
            Style::Arabic
        };
        return Some((style, c[1].to_string(), ord, c[0].len()));
    }
    let letter = c0.is_ascii_lowercase() || c0 == 'đ';
    if let Some(c) = letter.then(|| RE_LETTER.captures(line)).flatten() {
        let ch = c[1].chars().next().unwrap_or('a');
        return Some((
            Style::Letter,
            c[1].to_string(),
            letter_value(ch),
            c[0].len(),
        ));
    }
    let horizon = c0 == '-' || matches!(crate::text::lower_char(c0), 'p' | 'đ' | 't' | 'g' | 'n');
    if horizon && line.chars().count() < 40 && RE_HORIZON_LINE.is_match(line) {
        return Some((Style::Horizon, String::new(), 0, 0));
    }
    let bullet = matches!(c0, '-' | '+' | '•' | '·' | '◦' | '▪');
    if let Some(c) = bullet.then(|| RE_BULLET.captures(line)).flatten() {
        if line.trim_end().chars().all(|ch| ch == '-' || ch == ' ') {
            return None;
        }
        let ch = c[1].chars().next().unwrap_or('-');
        let ch = if matches!(ch, '•' | '·' | '◦' | '▪') {
            '•'
        } else {
            ch
        };
        // `- 5%` or `-5` is a number, not a bullet, when glued.
        let after = &line[c.get(1).map_or(0, |m| m.end())..];
        if after.starts_with(|d: char| d.is_ascii_digit()) {
            return None;
        }
        let len = line.len() - after.trim_start().len();
        return Some((Style::Bullet(ch), ch.to_string(), 0, len));
    }
    None
}

/// `n` glued after a lower-case letter and followed by a space,
/// punctuation or the end: a footnote marker (`quốc gia1 `).
fn glued_marker(text: &str, n: &str) -> bool {
    text.match_indices(n).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + n.len()..].chars().next();
        before.is_some_and(char::is_lowercase)
            && after.is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')'))
    })
}

/// Blank footnote lines (same byte length, spaces) in a copy of `text`.
fn mask_footnotes(text: &str, body: &Range<usize>) -> String {
    let mut out = text.to_string();
    let mut ranges = Vec::new();
    let mut pos = body.start.min(text.len());
    let end = body.end.min(text.len());
    while pos < end {
        let line_end = text[pos..]
            .find('\n')
            .map(|p| pos + p)
            .unwrap_or(text.len());
        let line = &text[pos..line_end];
        if let Some(c) = RE_FOOTNOTE.captures(line) {
            let n = &c[1];
            // The marker must sit glued to a word earlier: `quốc gia1 `.
            let glued = glued_marker(&text[..pos], n);
            if glued && marker(line.trim_start()).is_none() {
                ranges.push(pos..line_end);
            }
        }
        pos = line_end + 1;
    }
    if ranges.is_empty() {
        return out;
    }
    // SAFETY of the byte surgery: each range covers whole lines, so
    // replacing every byte with an ASCII space keeps valid UTF-8.
    let mut bytes = std::mem::take(&mut out).into_bytes();
    for r in ranges {
        for b in &mut bytes[r] {
            *b = b' ';
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

struct Flat {
    style: Style,
    label: String,
    ordinal: u32,
    start: usize,
    text_start: usize,
    depth: usize,
}

fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(['.', ';', '!', '?', '"', '”']) || t.ends_with(":")
}

/// Build the outline of `text[body]`.
pub fn outline(text: &str, body: Range<usize>) -> Outline {
    // Clamped to the text and to char boundaries.
    let start = crate::text::floor_boundary(text, body.start);
    let body = start..crate::text::floor_boundary(text, body.end).max(start);
    let masked = mask_footnotes(text, &body);
    let mut flats: Vec<Flat> = Vec::new();
    let mut stack: Vec<(Style, u32)> = Vec::new();
    let mut pos = body.start;
    let mut prev_ends = true;
    let mut blank_since = true;
    let mut free_start: Option<usize> = None;
    let mut hard_end: Option<usize> = None;
    while pos < body.end {
        let line_end = masked[pos..]
            .find('\n')
            .map(|p| pos + p)
            .unwrap_or(masked.len())
            .min(body.end);
        let line = &masked[pos..line_end];
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        if trimmed.trim().is_empty() {
            blank_since = true;
            pos = line_end + 1;
            continue;
        }
        let mut accepted = false;
        if let Some((style, label, ord, mlen)) = marker(trimmed) {
            let upper_heading = crate::text::is_upper(
                trimmed[mlen.min(trimmed.len())..]
                    .split([':', '\n'])
                    .next()
                    .unwrap_or(""),
            );
            if let Some(d) = stack.iter().rposition(|(s, _)| *s == style) {
                let last = stack[d].1;
                let ok = if !style.needs_sequence() {
                    true
                } else if style == Style::Roman && upper_heading {
                    ord >= last && ord <= last + 4
                } else {
                    ord >= last && ord <= last + 2
                };
                if ok {
                    stack.truncate(d);
                    stack.push((style, ord));
                    accepted = true;
                }
            } else {
                let starts = !style.needs_sequence() || ord == 1 || stack.is_empty();
                if starts {
                    while let Some((top, _)) = stack.last() {
                        let pop = (top.is_bullet() || *top == Style::Horizon) && !style.is_bullet()
                            || *top == Style::Letter && style.is_major()
                            // `1.`, `2.` (under `Phần thứ nhất`) then `I.`:
                            // a part, a Roman heading or an article is above
                            // numbered items, never inside one.
                            || *top == Style::Arabic && style.is_major()
                            || *top == Style::Horizon && style == Style::Horizon;
                        if pop {
                            stack.pop();
                        } else {
                            break;
                        }
                    }
                    stack.push((style, ord));
                    accepted = true;
                }
            }
            if accepted {
                flats.push(Flat {
                    style,
                    label,
                    ordinal: ord,
                    start: pos + lead,
                    text_start: pos + lead + mlen.min(trimmed.len()),
                    depth: stack.len() - 1,
                });
                free_start = None;
            }
        }
        if !accepted && !flats.is_empty() && free_start.is_none() && blank_since && prev_ends {
            free_start = Some(pos + lead);
        }
        if trimmed.trim_end().ends_with("./.") || trimmed.trim_end().ends_with("/.") {
            hard_end = Some(line_end);
            break;
        }
        prev_ends = ends_sentence(trimmed);
        blank_since = false;
        pos = line_end + 1;
    }
    let stop = match (free_start, hard_end) {
        (Some(f), _) => f,
        (None, Some(h)) => h,
        (None, None) => body.end,
    };
    let preamble = body.start..flats.first().map(|f| f.start).unwrap_or(body.end);
    let closing = stop.min(body.end)..body.end;
    let nodes = nest(&flats, 0, flats.len(), stop);
    Outline {
        masked,
        nodes,
        preamble,
        closing,
    }
}

/// Build the nodes for `flats[from..to]` (all at depth >= that of
/// `flats[from]`), ending at `stop`.
fn nest(flats: &[Flat], from: usize, to: usize, stop: usize) -> Vec<Node> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let f = &flats[i];
        // Children: following flats deeper than this one.
        let mut j = i + 1;
        while j < to && flats[j].depth > f.depth {
            j += 1;
        }
        let end = if j < to { flats[j].start } else { stop };
        let end = end.min(stop).max(f.text_start);
        let own_end = if i + 1 < j { flats[i + 1].start } else { end };
        out.push(Node {
            style: f.style,
            label: f.label.clone(),
            ordinal: f.ordinal,
            start: f.start,
            text_start: f.text_start,
            own_end: own_end.min(end).max(f.text_start),
            end,
            children: nest(flats, i + 1, j, end),
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(nodes: &[Node]) -> Vec<String> {
        nodes.iter().map(|n| n.label.clone()).collect()
    }

    #[test]
    fn markers() {
        assert_eq!(marker("I. MỤC ĐÍCH").map(|m| m.0), Some(Style::Roman));
        assert_eq!(marker("1.1. Nội dung").map(|m| m.1), Some("1.1".into()));
        assert_eq!(marker("a) Về").map(|m| m.0), Some(Style::Letter));
        assert_eq!(marker("Điều 3. Chánh").map(|m| m.1), Some("3".into()));
        assert_eq!(marker("- Chủ trì").map(|m| m.0), Some(Style::Bullet('-')));
        assert_eq!(marker("Đến năm 2030:").map(|m| m.0), Some(Style::Horizon));
        assert!(marker("2029. Tiếp").is_none());
        assert!(marker("-----").is_none());
        assert!(marker("Mục tiêu chung").is_none());
        // A hyphen glued to the number: `I- MỤC ĐÍCH`, `1- Sở Y tế`.
        assert_eq!(marker("I- MỤC ĐÍCH").map(|m| m.0), Some(Style::Roman));
        assert_eq!(
            marker("1- Sở Y tế").map(|m| (m.0, m.1)),
            Some((Style::Arabic, "1".into()))
        );
        assert!(marker("10 - 15% hộ").is_none());
        assert!(marker("1-2 tuần").is_none());
    }

    #[test]
    fn tree_and_closing() {
        let t = "Sở đề nghị:\nI. NHIỆM VỤ\n1. Làm A;\n- việc một\n- việc hai\n2. Làm B.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở X chủ trì.\n\nSở Y thông báo để thực hiện./.\n";
        let o = outline(t, 0..t.len());
        assert_eq!(labels(&o.nodes), vec!["I", "II"]);
        assert_eq!(labels(&o.nodes[0].children), vec!["1", "2"]);
        assert_eq!(labels(&o.nodes[0].children[0].children), vec!["-", "-"]);
        let last = &o.nodes[1].children[0];
        assert_eq!(last.own_text(&o.masked), "Sở X chủ trì.");
        assert!(o.masked[o.closing.clone()].contains("thông báo"));
    }

    #[test]
    fn a_roman_heading_after_numbered_items_is_above_them() {
        // `Phần thứ nhất` ⏎ `1.` `2.` ⏎ `Phần thứ hai` ⏎ `I.` `II.`.
        let t = "KẾT QUẢ NĂM 2015\n1. Phát triển đoàn viên.\n2. Chăm lo đời sống.\nPHƯƠNG HƯỚNG NĂM 2016\nI. CÁC CHỈ TIÊU CHỦ YẾU\n- Phát triển mới 30.000 đoàn viên;\nII. NHIỆM VỤ\n1. Tiếp tục.\n";
        let o = outline(t, 0..t.len());
        assert_eq!(labels(&o.nodes), vec!["1", "2", "I", "II"]);
        assert_eq!(labels(&o.nodes[3].children), vec!["1"]);
    }

    #[test]
    fn sequence_guard_and_bullets_before_numbers() {
        let t = "- Căn cứ A;\n- Căn cứ B;\n1. Một, đạt số\n15. Mười lăm\n2. Hai\n";
        let o = outline(t, 0..t.len());
        assert_eq!(labels(&o.nodes), vec!["-", "-", "1", "2"]);
        assert!(o.nodes[2].own_text(&o.masked).contains("Mười lăm"));
    }

    #[test]
    fn footnotes_are_masked() {
        let t = "1. Đạt chuẩn quốc gia1 vào năm 2029.\n1 Tính đến nay có 8/13 trường = 66,6%.\n- Tiếp tục.\n";
        let o = outline(t, 0..t.len());
        assert!(!o.masked.contains("66,6"));
        assert_eq!(o.masked.len(), t.len());
        assert_eq!(labels(&o.nodes[0].children), vec!["-"]);
    }
}
