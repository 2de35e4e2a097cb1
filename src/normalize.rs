//! Stage 2: one normalization for every input format.
//!
//! [`normalize`] turns decoded text into the canonical text that every later
//! stage reads and that every span points into:
//! - Unicode NFC; `Ð`/`ð` (U+00D0/U+00F0) typed for `Đ`/`đ`;
//! - odd spaces (NBSP, thin, ideographic…) → space; zero-width characters,
//!   soft hyphens and BOMs removed; CRLF → LF;
//! - every dash variant (U+2010…U+2015, U+2212) → `-`;
//! - Markdown and HTML leftovers: `**bold**`, `__x__`, `*italic*`, `# `
//!   headings, image links, table pipes (cells go on lines of their own),
//!   `<td>` tags and a few entities;
//! - "blank line after every line" text from PDF conversion is closed up;
//! - document codes broken across lines after the hyphen (`279-` ⏎ `CV/VPĐU`)
//!   are joined.
//!
//! The text keeps the document's own spelling (tone placement, case). For
//! comparisons use [`crate::text::key`] (lowercase, new-style tone
//! placement) or [`crate::text::fold`] (no diacritics at all).

use crate::text::{is_upper, key, lower_char, move_tones_into, starts_ci, COLUMN_GAP};
use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Normalize decoded document text (see the module docs).
pub fn normalize(input: &str) -> String {
    let mut chars = clean_chars(input);
    fix_ocr_zeros(&mut chars);
    let lines = clean_markup(&chars);
    let lines = close_double_spacing(lines);
    let lines = join_wrapped_phrases(lines);
    let lines = unflatten(lines);
    let lines = split_place_date_column(lines);
    let lines = split_signature_columns(lines);
    let lines = split_collapsed_signature(lines);
    let lines = untangle_signature(lines);
    let text = lines.join("\n");
    join_broken_codes(&text)
}

/// OCR's confusions of `0` and `O`, `1` and `l`, one byte for one (spans
/// keep their offsets): a capital `O` in a number (`tháng 1O năm 2O25`,
/// `25/1O/2O25`) is a zero, and an `l` a one (`ngày l8`, `3l/3/20l9`); a
/// zero between two capitals (`KẾ H0ẠCH`) is an `O`.
fn fix_ocr_zeros(s: &mut String) {
    let b = s.as_bytes();
    let digit = |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(u8::is_ascii_digit);
    // A number's edge: a blank, a date or code separator, the text's end.
    let edge = |i: Option<usize>| {
        i.and_then(|i| b.get(i)).is_none_or(|c| {
            matches!(
                c,
                b' ' | b'\t' | b'\n' | b'/' | b'.' | b'-' | b',' | b')' | b'('
            )
        })
    };
    let upper_at = |i: usize, back: bool| {
        let c = if back {
            s[..i].chars().next_back()
        } else {
            s[i + 1..].chars().next()
        };
        c.is_some_and(|c| c.is_uppercase())
    };
    let mut fix: Vec<(usize, u8)> = Vec::new();
    for i in memchr::memchr3_iter(b'O', b'0', b'l', b) {
        let (prev, next) = (i.checked_sub(1), Some(i + 1));
        if b[i] == b'l' {
            // `ngày l8`, `l526/BNN-TY`, `3l/3/2019`, `20l9`: a one in a
            // number; `l. ` opening a line: item one. (`5l` before a blank
            // stays: a litre.)
            let sep_digit = matches!(b.get(i + 1), Some(b'/' | b'.' | b'-')) && digit(Some(i + 2));
            let item = (i == 0 || b[i - 1] == b'\n') && b.get(i + 1..i + 3) == Some(b". ");
            if digit(next) && (digit(prev) || edge(prev)) || digit(prev) && sep_digit || item {
                fix.push((i, b'1'));
            }
        } else if b[i] == b'O' {
            if digit(prev) && (digit(next) || edge(next)) || digit(next) && edge(prev) {
                fix.push((i, b'0'));
            }
        } else if upper_at(i, true) && upper_at(i, false) {
            fix.push((i, b'O'));
        }
    }
    if fix.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(s).into_bytes();
    for (i, c) in fix {
        bytes[i] = c;
    }
    // ASCII for ASCII: still UTF-8.
    *s = String::from_utf8(bytes).unwrap_or_default();
}

/// Character-level cleanup: NFC, Đ, spaces, dashes, invisible characters.
fn clean_chars(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    // Text made only of characters below the combining marks, precomposed
    // Vietnamese vowels, general punctuation (quotes, `…`) and math signs
    // (`≥`) is NFC already: none of these is changed by NFC, and with no
    // combining mark present nothing can compose (the common case).
    let plain = plain_nfc(input);
    if plain || unicode_normalization::is_nfc_quick(input.chars()) == IsNormalized::Yes {
        clean_str_into(input, &mut out);
        return out;
    }
    // Line by line (a line break is a starter: nothing composes across it),
    // so only the lines that need it go through the slow NFC iterator.
    for line in input.split_inclusive('\n') {
        if unicode_normalization::is_nfc_quick(line.chars()) == IsNormalized::Yes {
            clean_str_into(line, &mut out);
        } else {
            for c in line.nfc() {
                clean_char(c, &mut out);
            }
        }
    }
    out
}

/// Is `s` made only of the characters [`clean_chars`] knows to be NFC
/// whatever surrounds them: below U+0300, U+1EA0..=U+1EF9,
/// U+2002..=U+206F, U+2190..=U+22FF? Read on the UTF-8 bytes (ASCII and
/// two-byte characters by their first byte alone).
fn plain_nfc(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
        } else if x < 0xE0 {
            // U+0080..U+07FF: below U+0300 when the lead byte is below 0xCC.
            if x >= 0xCC {
                return false;
            }
            i += 2;
        } else if x < 0xF0 {
            // `s` is a `str`: the two continuation bytes are there.
            let u = (u32::from(x & 0x0F) << 12)
                | (u32::from(b[i + 1] & 0x3F) << 6)
                | u32::from(b[i + 2] & 0x3F);
            if !((0x1EA0..=0x1EF9).contains(&u)
                || (0x2002..=0x206F).contains(&u)
                || (0x2190..=0x22FF).contains(&u))
            {
                return false;
            }
            i += 3;
        } else {
            return false;
        }
    }
    true
}

/// Bytes at which [`clean_str_into`] must look closer: C0 controls other
/// than `\n`, DEL, and the lead bytes of the characters it may change.
static CLEAN_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = i != b'\n' as usize;
        i += 1;
    }
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xC3] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// [`clean_char`] over text already in NFC: runs of characters it keeps
/// as they are are copied whole. Every character it changes is ASCII or
/// starts with one of the lead bytes tested here.
fn clean_str_into(input: &str, out: &mut String) {
    let b = input.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        let x = b[i];
        if !CLEAN_LEAD[usize::from(x)] {
            i += 1;
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        let special = match x {
            0x7F | 0xE3 | 0xEF => true,
            0..=0x1F => x != b'\n',
            // U+0080..U+009F controls, NBSP, soft hyphen.
            0xC2 => next <= 0x9F || next == 0xA0 || next == 0xAD,
            // `Ð`, `ð`.
            0xC3 => next == 0x90 || next == 0xB0,
            // U+2000..U+207F spaces, dashes, separators; U+2212 minus.
            0xE2 => matches!(next, 0x80 | 0x81 | 0x88),
            _ => false,
        };
        if !special {
            i += 1;
            continue;
        }
        // `i` is a char boundary: ASCII or a lead byte.
        out.push_str(&input[run..i]);
        let Some(c) = input[i..].chars().next() else {
            break;
        };
        clean_char(c, out);
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&input[run..]);
}

/// One character of [`clean_chars`].
#[inline]
fn clean_char(c: char, out: &mut String) {
    {
        match c {
            '\u{00D0}' => out.push('Đ'),
            '\u{00F0}' => out.push('đ'),
            '\r' => {}
            '\t' => out.push_str("    "),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
                out.push('-')
            }
            '\u{000B}' | '\u{000C}' | '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push('\n'),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
}

/// Inline formula markup (`$…$` on one line).
static RE_TEX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\$([^$\n]{1,160})\$").unwrap());
/// A formula command (`\mathsf`, `\hat`).
static RE_TEX_COMMAND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\\[A-Za-z]+").unwrap());
static RE_IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").unwrap());
/// A Markdown link `[Thông tư số 32/2018/TT-BGDĐT](#)`: its text stays.
static RE_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\[\n]+)\]\([^)\s]*\)").unwrap());
/// The longest link text and target [`RE_LINK`] unwraps (a bound checked
/// after the match: a bounded repetition would make the regex large).
const LINK_MAX: usize = 300;
static RE_HTML_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)</?(?:table|tr|td|th|br|p|div)\b[^>]*>").unwrap());
static RE_HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)</?(?:span|b|i|u|em|strong|sup|sub|font)\b[^>]*>").unwrap());
static RE_TABLE_RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$").unwrap());
static RE_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s{0,3}#{1,6}\s+").unwrap());

/// Markup cleanup, line by line. Returns the cleaned lines.
fn clean_markup(text: &str) -> Vec<String> {
    let text = RE_IMAGE.replace_all(text, "");
    // Formula markup a layout OCR wrote for what it could not read as text
    // (`$( \mathsf { b } / \mathsf { c } )$` for `(b/c)`): the letters and
    // marks, without commands, braces or blanks.
    let text = if memchr::memchr(b'$', text.as_bytes()).is_some()
        && (text.contains("$\\") || text.contains("$("))
    {
        RE_TEX.replace_all(&text, |c: &regex::Captures| {
            let inner = &c[1];
            if !inner.contains('\\') {
                return c[0].to_string();
            }
            let bare = RE_TEX_COMMAND.replace_all(inner, "");
            bare.chars()
                .filter(|&ch| !ch.is_whitespace() && ch != '{' && ch != '}')
                .collect::<String>()
        })
    } else {
        text
    };
    let text = if text.contains("](") {
        std::borrow::Cow::Owned(
            RE_LINK
                .replace_all(&text, |c: &regex::Captures| {
                    let all = &c[0];
                    let inner = &c[1];
                    let target = all.len() - inner.len() - 4;
                    if inner.chars().count() <= LINK_MAX && target <= LINK_MAX {
                        inner.to_string()
                    } else {
                        all.to_string()
                    }
                })
                .into_owned(),
        )
    } else {
        text
    };
    let text = RE_HTML_CELL.replace_all(&text, "\n");
    let text = RE_HTML_TAG.replace_all(&text, "");
    let mut text = text.into_owned();
    if text.contains('&') {
        // In this order (`&amp;lt;` → `&lt;`); most texts with a `&` (`KH&ĐT`)
        // hold none of them, and a search costs less than a copy.
        for (entity, c) in [
            ("&#x27;", "'"),
            ("&#39;", "'"),
            ("&quot;", "\""),
            ("&nbsp;", " "),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&amp;", "&"),
        ] {
            if text.contains(entity) {
                text = text.replace(entity, c);
            }
        }
    }
    // No `*` or `_` in the text: no line has emphasis to strip.
    let emphasis = memchr::memchr2(b'*', b'_', text.as_bytes()).is_some();
    let mut out = Vec::new();
    for raw in text.split('\n') {
        if raw.contains('|') && raw.contains("---") && RE_TABLE_RULE.is_match(raw) {
            out.push(String::new());
            continue;
        }
        if !raw.trim().is_empty() && raw.trim().chars().all(|c| c == '*') {
            out.push(String::new());
            continue;
        }
        // Markdown's escapes (`\- Như trên;`, `1\.`, `\*`): the character.
        let unescaped;
        let raw = if raw.contains('\\') {
            unescaped = unescape_markdown(raw);
            unescaped.as_str()
        } else {
            raw
        };
        let line = if raw.trim_start().starts_with('#') {
            RE_HEADING.replace(raw, "")
        } else {
            std::borrow::Cow::Borrowed(raw)
        };
        let line = if emphasis {
            strip_emphasis(&line)
        } else {
            line
        };
        let line = line.as_ref();
        if line.contains('|') && is_table_row(line) {
            for cell in line.split('|') {
                let cell = cell.trim();
                if !cell.is_empty() {
                    out.push(cell.to_string());
                }
            }
            out.push(String::new());
            continue;
        }
        out.push(line.trim_end().to_string());
    }
    out
}

/// `line` without the backslashes of Markdown's escapes of punctuation
/// (`\-`, `\*`, `\_`, `\#`, `\.`, `\(`…); any other backslash stays.
fn unescape_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && chars.peek().is_some_and(|n| {
                matches!(
                    n,
                    '-' | '*'
                        | '_'
                        | '#'
                        | '.'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '+'
                        | '!'
                        | '`'
                        | '|'
                        | '>'
                )
            })
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// A line that is a Markdown/portal table row rather than prose with a pipe.
fn is_table_row(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') || t.ends_with('|') || t.matches(" | ").count() >= 1
}

/// Remove Markdown emphasis markers (`**`, `__`, and `*` glued to a word)
/// while keeping a leading `* ` bullet as `- `.
fn strip_emphasis(line: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !line.bytes().any(|b| b == b'*' || b == b'_') {
        return Cow::Borrowed(line);
    }
    let mut line = Cow::Borrowed(line);
    for pair in ["**", "__"] {
        if line.contains(pair) {
            line = Cow::Owned(line.replace(pair, ""));
        }
    }
    if !line.contains('*') {
        return line;
    }
    let mut out = String::with_capacity(line.len());
    let mut prev: Option<char> = None;
    let mut at_line_start = true;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if c == '*' {
            match (prev, next) {
                _ if at_line_start && next == Some(' ') => out.push('-'),
                // `(*Ban hành…*)`, `*Hà Nội*`, `word*`: emphasis markers.
                (_, Some(n)) if !n.is_whitespace() => {}
                (Some(p), _) if !p.is_whitespace() => {}
                _ => out.push('*'),
            }
        } else {
            out.push(c);
        }
        at_line_start &= c.is_whitespace();
        prev = Some(c);
    }
    Cow::Owned(out)
}

/// Close up text where every line is followed by a blank line (PDF
/// conversion). Runs of two or more blank lines become one blank line, and
/// so does one next to a paragraph written on one line.
fn close_double_spacing(lines: Vec<String>) -> Vec<String> {
    let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count();
    if non_blank < 4 {
        return lines;
    }
    // Count non-blank lines directly followed by exactly one blank line and
    // then text again.
    let mut followed = 0;
    for i in 0..lines.len().saturating_sub(2) {
        if !lines[i].trim().is_empty()
            && lines[i + 1].trim().is_empty()
            && !lines[i + 2].trim().is_empty()
        {
            followed += 1;
        }
    }
    if (followed as f64) < 0.4 * non_blank as f64 {
        return lines;
    }
    // A paragraph on one line (web text, Markdown: a converter wraps its
    // lines short) keeps the blank lines around it: the subject above the
    // first paragraph does not run into it.
    let long = |l: &str| l.chars().count() > 160;
    let mut out = Vec::with_capacity(non_blank + 8);
    let mut blank_run = 0;
    for l in lines {
        if l.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        let paragraph =
            blank_run == 1 && (long(&l) || out.last().is_some_and(|p: &String| long(p)));
        if (blank_run >= 2 || paragraph) && !out.is_empty() {
            out.push(String::new());
        }
        blank_run = 0;
        out.push(l);
    }
    out
}

/// Join a line break that falls inside a fixed header phrase
/// ([`crate::vocab::WRAPPED_PHRASES`]): `ĐẢNG CỘNG⏎SẢN VIỆT NAM`.
fn join_wrapped_phrases(lines: Vec<String>) -> Vec<String> {
    static PHRASES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
        crate::vocab::WRAPPED_PHRASES
            .iter()
            .map(|p| p.split_whitespace().map(phrase_word).collect())
            .collect()
    });
    // A line can end inside a phrase only at one of its inner words: each
    // inner word → (phrase, number of its words up to that one).
    static BY_INNER_WORD: LazyLock<std::collections::HashMap<String, Vec<(usize, usize)>>> =
        LazyLock::new(|| {
            let mut m: std::collections::HashMap<String, Vec<(usize, usize)>> = Default::default();
            for (pi, p) in PHRASES.iter().enumerate() {
                for k in 1..p.len() {
                    m.entry(p[k - 1].clone()).or_default().push((pi, k));
                }
            }
            m
        });
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let (mut scratch, mut word) = (String::new(), String::new());
    let (mut last_scratch, mut last_key) = (String::new(), String::new());
    // Does word `w` read as phrase word `target`?
    let mut is = |w: &str, target: &str| {
        phrase_word_into(w, &mut scratch, &mut word);
        word == target
    };
    for line in lines {
        let joined = match out.last() {
            Some(prev) if prev.len() <= 320 && !line.trim().is_empty() => {
                let last = prev.split_whitespace().next_back().unwrap_or("");
                phrase_word_into(last, &mut last_scratch, &mut last_key);
                match BY_INNER_WORD.get(&last_key) {
                    Some(cands) if prev.chars().count() <= 80 => cands.iter().any(|&(pi, k)| {
                        let p = &PHRASES[pi];
                        let mut next = line.split_whitespace();
                        let mut before = prev.split_whitespace().rev();
                        p[k..].iter().all(|t| next.next().is_some_and(|w| is(w, t)))
                            && p[..k]
                                .iter()
                                .rev()
                                .all(|t| before.next().is_some_and(|w| is(w, t)))
                    }),
                    _ => false,
                }
            }
            _ => false,
        };
        if joined {
            if let Some(prev) = out.last_mut() {
                let t = prev.trim_end().to_string();
                *prev = format!("{t} {}", line.trim_start());
            }
        } else {
            out.push(line);
        }
    }
    out
}

static RE_INLINE_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([;:.,])[ ]+[-+][ ]+").unwrap());

/// Undo layouts that flatten a block onto one line (text copied from web
/// portals, some PDF converters):
/// - `Nơi nhận: - A; - B; - Lưu: VT.` and `Kính gửi: - A; - B` → one item per line;
/// - `TL. BỘ TRƯỞNG VỤ TRƯỞNG … Phạm Quang Phụng` → the posts, then the name.
fn unflatten(lines: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let head = line.trim_start();
        if (crate::recognize::is_distribution_opener(head) || starts_ci(head, "kính gửi").is_some())
            && RE_INLINE_ITEM.find_iter(&line).count() >= 2
        {
            let split = RE_INLINE_ITEM.replace_all(&line, "$1\n- ");
            out.extend(split.split('\n').map(str::to_string));
            continue;
        }
        // `TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH` (a flattened
        // table cell): each authority opens a line of its own.
        let may_two =
            head.starts_with(['T', 'K']) && head.bytes().filter(|&b| b == b'.').count() >= 2;
        if let Some(m) = may_two
            .then(|| RE_TWO_AUTHORITIES.captures(&line))
            .flatten()
        {
            if let (Some(a), Some(b)) = (m.get(1), m.get(2)) {
                out.push(a.as_str().to_string());
                let rest = b.as_str().to_string();
                match signature_name_split(&rest) {
                    Some(at) => {
                        push_signature_head(&mut out, &rest[..at]);
                        out.push(rest[at..].to_string());
                    }
                    None => out.push(rest),
                }
                continue;
            }
        }
        if let Some(at) = signature_name_split(&line) {
            push_signature_head(&mut out, &line[..at]);
            out.push(line[at..].to_string());
            continue;
        }
        out.push(line);
    }
    out
}

/// A line holding two signing authorities, each with the body or post it
/// speaks for in capitals: `TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH …`.
static RE_TWO_AUTHORITIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*(?:TM|KT|TL|TUQ|T/M|K/T|T/L)\.\s*\p{Lu}[\p{Lu}\s,\-]*\p{Lu})\s+((?:TM|KT|TL|TUQ|T/M|K/T|T/L)\.\s*\p{Lu}.*)$").unwrap()
});

/// The start of a place-and-date line: a capitalised place name, a comma,
/// `ngày`.
static RE_PLACE_DATE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{L}.\s]{0,40}?,\s*ngày\b").unwrap());

/// The header's place and date laid out with spaces beside another line
/// (`V/v hướng dẫn dạy học tiếng Anh          Hà Nội, ngày 26 tháng 11 năm
/// 2025`, a two-column PDF read with its layout): the place and date go to
/// a line of their own, so neither the subject nor the place takes the
/// other's words. Only in the first lines.
fn split_place_date_column(lines: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len() + 1);
    for (i, line) in lines.into_iter().enumerate() {
        if i < 40 && line.contains(COLUMN_GAP) && line.contains("ngày") {
            if let Some((r, _)) = right_of_gap(&line) {
                if RE_PLACE_DATE_START.is_match(&line[r..]) {
                    let (left, right) = (line[..r].trim_end(), &line[r..]);
                    // A subject may go on on the next line: the place and
                    // date go before it.
                    let subject = starts_ci(left.trim_start(), "v/v").is_some()
                        || starts_ci(left.trim_start(), "về việc").is_some();
                    if subject {
                        out.push(right.to_string());
                        out.push(left.to_string());
                    } else {
                        out.push(left.to_string());
                        out.push(right.to_string());
                    }
                    continue;
                }
            }
        }
        out.push(line);
    }
    out
}

/// The text of `line` after its first [`COLUMN_GAP`] (from the first
/// non-blank character on) and the character column where it starts, when
/// text stands before the gap.
fn right_of_gap(line: &str) -> Option<(usize, usize)> {
    let lead = line.len() - line.trim_start().len();
    let gap = line[lead..].find(COLUMN_GAP)? + lead;
    let right = gap + (line[gap..].len() - line[gap..].trim_start().len());
    (right < line.len()).then(|| (right, line[..right].chars().count()))
}

/// A signature laid out beside the `Nơi nhận` list with spaces (`pdftotext
/// -layout`, typed letters): `Nơi nhận:          KT. BỘ TRƯỞNG` ⏎ `- Như
/// trên;      THỨ TRƯỞNG` ⏎ `- Lưu: VT.` ⏎ `            Phạm Văn A`. The
/// right column is cut off the list's lines and put after the list, line
/// by line, so the list and the signature read as two zones. Only when the
/// right part of the `Nơi nhận` line or of one of the two lines after it is
/// an authority or post line; the area ends at the first line after the
/// signature began that stands at the left margin and is no list item.
fn split_signature_columns(mut lines: Vec<String>) -> Vec<String> {
    let Some(at) = lines
        .iter()
        .position(|l| crate::recognize::is_distribution_opener(l))
    else {
        return lines;
    };
    let signs = |t: &str| crate::recognize::is_signature_start(t.trim());
    let Some(col) = lines[at..]
        .iter()
        .take(3)
        .filter_map(|l| right_of_gap(l).map(|(r, c)| (&l[r..], c)))
        .find(|(t, _)| signs(t))
        .map(|(_, c)| c)
    else {
        return lines;
    };
    // A part counts as the right column when it starts near its column.
    let near = col.saturating_sub(6);
    let mut left: Vec<String> = Vec::new();
    let mut right: Vec<String> = Vec::new();
    // `T/M ĐẢNG ỦY` in the right column just above `Nơi nhận:   PHÓ BÍ
    // THƯ` (a Party layout): the authority starts the signature.
    let mut start = at;
    if let Some(prev) = (at.saturating_sub(3)..at)
        .rev()
        .find(|&i| !lines[i].trim().is_empty())
        .filter(|&i| i + 2 >= at)
    {
        let l = &lines[prev];
        let lead = l.len() - l.trim_start().len();
        if lead > 0
            && l[..lead].chars().count() >= near
            && crate::recognize::RE_AUTHORITY.is_match(l.trim())
        {
            right.push(l.trim().to_string());
            start = prev;
        }
    }
    let mut end = at;
    // Blank lines inside the area go (the columns are read apart); the
    // ones at its end stay after it.
    let mut blanks = 0;
    for l in lines.iter().skip(at).take(40) {
        let lead = l.len() - l.trim_start().len();
        let t = l.trim();
        // (A page number inside the area, `- 3 -`, goes with the blanks.)
        if t.is_empty() || crate::recognize::is_page_number(t) {
            blanks += 1;
            end += 1;
            continue;
        }
        blanks = 0;
        if lead > 0 && l[..lead].chars().count() >= near {
            right.push(t.to_string());
        } else if let Some((r, _)) = right_of_gap(l).filter(|&(r, c)| {
            // A long name centred under a short title starts further left.
            // So does an authority or post line set further left.
            c >= near
                || c >= col / 2
                    && (crate::recognize::looks_like_name(&l[r..])
                        || crate::recognize::is_signature_start(l[r..].trim()))
        }) {
            left.push(l[..r].trim_end().to_string());
            right.push(l[r..].trim().to_string());
        } else if !(right.is_empty()
            || t.starts_with(['-', '+', '•'])
            || starts_ci(t, "lưu").is_some())
        {
            // Past the signature's start, a line at the margin that is no
            // list item ends the area.
            break;
        } else {
            left.push(l.trim_end().to_string());
        }
        end += 1;
    }
    left.extend(right);
    left.extend(std::iter::repeat_n(String::new(), blanks));
    lines.splice(start..end, left);
    lines
}

/// A signature beside the `Nơi nhận` list whose column gap OCR read as
/// one blank: `Nơi nhận: KT. GIÁM ĐỐC` ⏎ `- Như trên; PHÓ GIÁM ĐỐC` ⏎ `-
/// Lưu: VT, KTNN. Nguyễn Đình Thắng`. Only when the `Nơi nhận:` line goes
/// on with an authority or a post in capitals; then the capitals after a
/// list line's last `;` that make a post, and a name after the `Lưu`
/// line's last `.`, are the signature's too. They are put after the list.
fn split_collapsed_signature(mut lines: Vec<String>) -> Vec<String> {
    use crate::recognize::{is_signature_start, looks_like_name};
    let Some(at) = lines
        .iter()
        .position(|l| crate::recognize::is_distribution_opener(l))
    else {
        return lines;
    };
    let Some(colon) = lines[at].find(':') else {
        return lines;
    };
    let first = lines[at][colon + 1..].trim();
    if first.is_empty() || !is_upper(first) || !is_signature_start(first) {
        return lines;
    }
    let mut right = vec![String::new(), first.to_string()];
    lines[at].truncate(colon + 1);
    let mut end = at + 1;
    while end < lines.len() && end <= at + 20 {
        let t = lines[end].trim();
        let archive = starts_ci(t, "lưu").is_some()
            || t.starts_with(['-', '+']) && starts_ci(t[1..].trim_start(), "lưu").is_some();
        if !(t.starts_with(['-', '+', '•']) || archive) {
            break;
        }
        let l = lines[end].trim_end();
        let cut = if archive {
            l.rfind(". ")
                .map(|p| (p + 1, l[p + 2..].trim()))
                .filter(|(_, tail)| looks_like_name(tail))
        } else {
            l.rfind("; ")
                .map(|p| (p + 1, l[p + 2..].trim()))
                .filter(|(_, tail)| is_upper(tail) && is_signature_start(tail))
        };
        if let Some((p, tail)) = cut {
            right.push(tail.to_string());
            lines[end].truncate(p);
        }
        end += 1;
    }
    lines.splice(end..end, right);
    lines
}

/// Lines of the `Nơi nhận` area, as [`untangle_signature`] sorts them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum SignLine {
    Item,
    Authority,
    Post,
    /// `(Đã ký)`, `(đã ký và đóng dấu)`.
    Note,
    Name,
    Blank,
}

/// Undo a signature column interleaved with the `Nơi nhận` list (PDF text
/// where the two columns sit on different baselines): `Nơi nhận:` ⏎ `- A;`
/// ⏎ `PHÓ GIÁM ĐỐC` ⏎ `- B;` ⏎ `- Lưu: VT.` ⏎ `Nguyễn Văn An` ⏎ `KT. GIÁM
/// ĐỐC` becomes the list, then `KT. GIÁM ĐỐC` ⏎ `PHÓ GIÁM ĐỐC` ⏎ `Nguyễn Văn
/// An`. Only when a signature line sits inside the list or the authority
/// line comes after the post or name; the area ends at the first line of
/// another kind.
fn untangle_signature(mut lines: Vec<String>) -> Vec<String> {
    let Some(at) = lines
        .iter()
        .position(|l| crate::recognize::is_distribution_opener(l))
    else {
        return lines;
    };
    let mut kinds: Vec<SignLine> = Vec::new();
    for l in lines.iter().skip(at + 1).take(40) {
        let t = l.trim();
        let kind = if t.is_empty() {
            SignLine::Blank
        } else if t.starts_with('(') {
            SignLine::Note
        } else if t.starts_with(['-', '+', '•'])
            || starts_ci(t, "lưu").is_some()
            || t.starts_with(char::is_lowercase)
        {
            SignLine::Item
        } else if crate::recognize::RE_AUTHORITY.is_match(t) {
            SignLine::Authority
        } else if crate::recognize::is_post_title(t) {
            SignLine::Post
        } else if crate::recognize::looks_like_name(t) {
            SignLine::Name
        } else {
            break;
        };
        kinds.push(kind);
    }
    // Blank lines after the area stay where they are.
    while kinds.last() == Some(&SignLine::Blank) {
        kinds.pop();
    }
    let first = |k: SignLine| kinds.iter().position(|&x| x == k);
    let last_item = kinds.iter().rposition(|&x| x == SignLine::Item);
    let first_sign = kinds
        .iter()
        .position(|&x| matches!(x, SignLine::Authority | SignLine::Post | SignLine::Name));
    let interleaved = matches!((first_sign, last_item), (Some(s), Some(i)) if s < i);
    let late_authority = match (first(SignLine::Authority), first_sign) {
        (Some(a), Some(s)) => a > s,
        _ => false,
    };
    if !interleaved && !late_authority {
        return lines;
    }
    let block: Vec<(SignLine, String)> = kinds
        .iter()
        .zip(lines.drain(at + 1..at + 1 + kinds.len()))
        .map(|(&k, l)| (k, l))
        .filter(|(k, _)| *k != SignLine::Blank)
        .collect();
    let mut sorted = block;
    // Stable: items keep their order, then authority, post and name lines.
    sorted.sort_by_key(|(k, _)| *k);
    let insert: Vec<String> = sorted.into_iter().map(|(_, l)| l).collect();
    lines.splice(at + 1..at + 1, insert);
    lines
}

/// Where a signature note in parentheses ends a line (`KT. BỘ TRƯỞNG
/// THỨ TRƯỞNG (Đã ký)`).
fn sign_note_tail(head: &str) -> Option<usize> {
    let h = head.trim_end();
    if !h.ends_with(')') {
        return None;
    }
    let p = h.rfind('(')?;
    crate::recognize::is_sign_note(&h[p..]).then_some(p)
}

/// The part of a flattened signature before its name, with a signature
/// note (`(Đã ký)`) on a line of its own.
fn push_signature_head(out: &mut Vec<String>, head: &str) {
    match sign_note_tail(head) {
        Some(p) => {
            out.push(head[..p].trim_end().to_string());
            out.push(head[p..].trim().to_string());
        }
        None => out.push(head.trim_end().to_string()),
    }
}

/// Where a flattened signature line (`CHỦ TỊCH Hoàng Quốc Khánh`) puts the
/// name: an uppercase part naming a post (a signature note may follow it:
/// `(Đã ký)`), then two to five Title Case words.
fn signature_name_split(line: &str) -> Option<usize> {
    if line.len() > 200
        || !line
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().any(char::is_uppercase) && is_upper(w))
    {
        return None;
    }
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    let title_word = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(|c| c.is_uppercase())
            && cs.clone().next().is_some()
            && cs.all(|c| c.is_lowercase() && c.is_alphabetic())
    };
    let mut n = 0;
    while n < words.len() && title_word(words[words.len() - 1 - n].1) {
        n += 1;
    }
    if !(2..=5).contains(&n) || n >= words.len() {
        return None;
    }
    let at = words[words.len() - n].0;
    let head = line[..at].trim();
    let head = sign_note_tail(head).map_or(head, |p| head[..p].trim_end());
    if !is_upper(head) {
        return None;
    }
    let k = key(head);
    crate::vocab::SIGNER_POSTS
        .iter()
        .any(|p| k.contains(p))
        .then_some(at)
}

/// A word as compared by [`join_wrapped_phrases`]: lowercase, new tone
/// placement, surrounding punctuation other than `-` removed.
fn phrase_word(w: &str) -> String {
    let (mut lowered, mut out) = (String::new(), String::new());
    phrase_word_into(w, &mut lowered, &mut out);
    out
}

/// [`phrase_word`] into `out`, with a scratch buffer (no allocation once
/// the buffers have grown).
fn phrase_word_into(w: &str, scratch: &mut String, out: &mut String) {
    let w = w.trim_matches(|c: char| c.is_ascii_punctuation() && c != '-');
    scratch.clear();
    scratch.extend(w.chars().map(lower_char));
    out.clear();
    move_tones_into(scratch, out);
}

static RE_BROKEN_CODE: LazyLock<Regex> = LazyLock::new(|| {
    // `279-` or `1830/` at the end of a line, blank lines or spaces, then
    // `CV/VPĐU`, `QĐ-TTg` or `2019/TT-BYT`.
    Regex::new(r"(\d[\d\s]{0,2}[-/])[ ]*\n(?:[ ]*\n)*[ ]*((?:(?:19|20)\d{2}/)?[A-ZĐ][A-Za-zĐđ]{0,7}[/-][A-ZĐ])").unwrap()
});

/// A code broken inside its symbol: `1970/CĐ-⏎⏎BTTTT`, `12/KH-⏎UBND`,
/// `21-KL/⏎VPĐU`. Joined only when the next line starts with a symbol part
/// (two capitals: `UBND`, `TTg`), so prose after a hyphen stays apart.
static RE_BROKEN_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,5}(?:/(?:19|20)\d{2})?[-/](?:[A-ZĐ][A-Za-zĐđ0-9]{0,9}[-/])+)[ ]*\n(?:[ ]*\n)*[ ]*([A-ZĐ][A-ZĐ][A-Za-zĐđ0-9]{0,10}(?:[-/][A-ZĐ][A-Za-zĐđ0-9]{0,10})*)([^\p{L}\p{N}]|$)").unwrap()
});

/// Join document codes broken after the hyphen or slash: `279-⏎CV/VPĐU` →
/// `279-CV/VPĐU`, `1830/⏎QĐ-TTg` → `1830/QĐ-TTg`, and inside the symbol
/// (`12/KH-⏎UBND` → `12/KH-UBND`).
fn join_broken_codes(text: &str) -> String {
    let (code, symbol) = broken_code_cues(text);
    let once = if code {
        RE_BROKEN_CODE.replace_all(text, "$1$2")
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    // (The char after the symbol is matched and kept, `$3`, rather than a
    // Unicode `\b`, which would take the slow regex engine.)
    if symbol || matches!(once, std::borrow::Cow::Owned(_)) {
        RE_BROKEN_SYMBOL.replace_all(&once, "$1$2$3").into_owned()
    } else {
        once.into_owned()
    }
}

/// Can [`RE_BROKEN_CODE`] / [`RE_BROKEN_SYMBOL`] match `text` at all? Both
/// need a line whose last character before trailing spaces is `-` or `/`;
/// the first also a digit among the three characters before that one
/// (`\d[\d\s]{0,2}[-/]`), the second a letter or digit right before it,
/// after a `-` or `/` (`…[-/][A-ZĐ][A-Za-zĐđ0-9]{0,9}[-/]`). Most texts end
/// no line so (a `- - -` rule does not count), and then neither regex has
/// to read the whole text.
fn broken_code_cues(text: &str) -> (bool, bool) {
    let (mut code, mut symbol) = (false, false);
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.trim_end_matches(' ').len();
        let at = start;
        start += line.len() + 1;
        if end == at || !text[..end].ends_with(['-', '/']) {
            continue;
        }
        let before = &text[..end - 1];
        code |= before.chars().rev().take(3).any(char::is_numeric);
        let run = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ'))
            .map(char::len_utf8)
            .sum::<usize>();
        symbol |= run > 0 && before[..before.len() - run].ends_with(['-', '/']);
        if code && symbol {
            break;
        }
    }
    (code, symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_line_by_line_equals_whole_text() {
        let t =
            "Vie\u{302}\u{323}t Nam\nco\u{301} \u{2000}x\r\nA\u{30a}\nđã xong\n\u{1100}\u{1161}\n";
        let mut whole = String::new();
        for c in t.nfc() {
            clean_char(c, &mut whole);
        }
        assert_eq!(clean_chars(t), whole);
    }

    #[test]
    fn byte_runs_clean_like_char_by_char() {
        // Every character below U+3100 and in the U+FE00 block, alone and
        // between letters: the run-copying path must agree with the
        // character rule.
        let chars = (0u32..0x3100)
            .chain(0xFE00..0x10000)
            .filter_map(char::from_u32);
        for c in chars {
            let s = format!("á{c}b{c}");
            let mut fast = String::new();
            clean_str_into(&s, &mut fast);
            let mut slow = String::new();
            for ch in s.chars() {
                clean_char(ch, &mut slow);
            }
            assert_eq!(fast, slow, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn signature_column_interleaved_with_the_list() {
        // PDF text: the right column's lines fall between the list items.
        let t = normalize("./.\nNơi nhận:\n- Sở GDĐT (bc);\nPHÓ HIỆU TRƯỞNG\n- Các đơn vị Cụm 2 (ph/h);\n- Lưu: VT, V.\n\n\nKT.HIỆU TRƯỞNG\n\n\nTrần Thanh Vũ\n");
        assert_eq!(
            t,
            "./.\nNơi nhận:\n- Sở GDĐT (bc);\n- Các đơn vị Cụm 2 (ph/h);\n- Lưu: VT, V.\nKT.HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\nTrần Thanh Vũ\n"
        );
        // Already in order: left alone (blank lines kept).
        let ok = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\n\nNguyễn Văn An";
        assert_eq!(normalize(ok), ok);
    }

    #[test]
    fn signature_laid_out_beside_the_list_with_spaces() {
        let t = normalize("Nơi nhận:                          KT. BỘ TRƯỞNG\n- Như trên;                        THỨ TRƯỞNG\n- Bộ trưởng (để b/c);\n- Lưu: VT, GDPT.\n\n                                   Phạm Ngọc Thưởng\n\nPHỤ LỤC");
        assert_eq!(
            t,
            "Nơi nhận:\n- Như trên;\n- Bộ trưởng (để b/c);\n- Lưu: VT, GDPT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPhạm Ngọc Thưởng\nPHỤ LỤC"
        );
        let d = crate::parse_str("Số: 1/BGDĐT-GDPT\nHà Nội, ngày 1 tháng 8 năm 2024\nV/v thử\nKính gửi: Các Sở.\nNội dung.\nNơi nhận:                          KT. BỘ TRƯỞNG\n- Như trên;                        THỨ TRƯỞNG\n- Lưu: VT, GDPT.\n                                   Phạm Ngọc Thưởng\n", "a.txt");
        assert_eq!(d.signer.name.as_deref(), Some("Phạm Ngọc Thưởng"));
        assert_eq!(d.signer.title.as_deref(), Some("Thứ trưởng"));
        assert_eq!(d.distribution.len(), 1);
        // Wide gaps in a list with no signature beside it: left alone.
        let ok = "Nơi nhận:\n- Như trên;       (để thực hiện)\n- Lưu: VT.\nKT. GIÁM ĐỐC";
        assert_eq!(normalize(ok), ok);
    }

    #[test]
    fn a_page_number_inside_the_signature_area() {
        let t = normalize("Nội dung.\n                                                T/M BAN THƯỜNG VỤ\nNơi nhận:                                          PHÓ BÍ THƯ\n- Ban Thường vụ Tỉnh ủy (b/c),\n- Lưu Văn phòng Huyện ủy.                      Nguyễn Văn Ninh\n                                   - 3 -");
        assert_eq!(
            t,
            "Nội dung.\nNơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),\n- Lưu Văn phòng Huyện ủy.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Văn Ninh\n"
        );
    }

    #[test]
    fn signature_beside_the_list_with_one_blank() {
        let t = normalize("Nơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- Sở Tài chính (để p/h);\n- Lưu: VT, KTNN. Nguyễn Đình Thắng\n\n3");
        assert_eq!(
            t,
            "Nơi nhận:\n- Như trên;\n- Sở Tài chính (để p/h);\n- Lưu: VT, KTNN.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Đình Thắng\n\n3"
        );
        let d = crate::parse_str("Số: 1/KBNN-KTNN\nHà Tĩnh, ngày 1 tháng 8 năm 2015\nV/v thử\nKính gửi: Các đơn vị.\nNội dung.\nNơi nhận: Q. GIÁM ĐỐC\n- Như trên;\n- Lưu: VT.\n\n\nPhạm Thị Thu Hà\n", "a.txt");
        assert_eq!(d.signer.authority.as_deref(), Some("Q."));
        assert_eq!(d.signer.name.as_deref(), Some("Phạm Thị Thu Hà"));
        assert_eq!(d.distribution.len(), 1);
        // A list whose first line goes on with a body, no signature: left
        // alone.
        let ok = "Nơi nhận: UBND tỉnh;\n- Như trên; HĐND TỈNH\n- Lưu: VT. Nguyễn Văn An";
        assert_eq!(normalize(ok), ok);
    }

    #[test]
    fn an_inner_authority_set_left_of_the_outer_one() {
        let t = normalize("Nơi nhận:                                            TL. CỤC TRƯỞNG\n- Như trên;                                KT. TRƯỞNG PHÒNG GIÁM SÁT\n- Lưu: VT.                                           PHÓ TRƯỞNG PHÒNG\n\n                                                       Lê Thị Kim Oanh");
        assert_eq!(
            t,
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. CỤC TRƯỞNG\nKT. TRƯỞNG PHÒNG GIÁM SÁT\nPHÓ TRƯỞNG PHÒNG\nLê Thị Kim Oanh"
        );
    }

    #[test]
    fn ocr_zeros_and_capital_os() {
        assert_eq!(
            normalize("KẾ H0ẠCH\nYên Thành, ngày 08 tháng 1O năm 2O25\ntrước ngày 25/1O/2O25; COVID-19; Số 10/KH; O. Tổ 3"),
            "KẾ HOẠCH\nYên Thành, ngày 08 tháng 10 năm 2025\ntrước ngày 25/10/2025; COVID-19; Số 10/KH; O. Tổ 3"
        );
        assert_eq!(
            normalize("ngày l8 tháng 3 năm 2019\nl. Công văn số l526/BNN-TY, số 2l5/QĐ trước ngày 3l/3/20l9, l5 giờ; 5l nước; lần 2; A l. B"),
            "ngày 18 tháng 3 năm 2019\n1. Công văn số 1526/BNN-TY, số 215/QĐ trước ngày 31/3/2019, 15 giờ; 5l nước; lần 2; A l. B"
        );
        let d = crate::parse_str("UBND XÃ YÊN THÀNH\nSố: 12/UBND\nYên Thành, ngày 08 tháng 1O năm 2O25\nV/v thử\nKính gửi: Các thôn.\nNội dung.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n* UBND * XÃ YÊN THÀNH *\n(ĐÃ KÝ)\nNguyễn Văn Tuấn\n", "a.txt");
        assert_eq!((d.date.year, d.date.month), (Some(2025), Some(10)));
        assert_eq!(d.signer.title.as_deref(), Some("Chủ tịch"));
        assert_eq!(d.signer.name.as_deref(), Some("Nguyễn Văn Tuấn"));
    }

    #[test]
    fn party_signature_with_its_authority_above_the_list() {
        // The authority stands above `Nơi nhận:`, the post beside it, and a
        // long name with a rank and a degree starts left of the post.
        let t = normalize("Nội dung.\n\n                                         T/M ĐẢNG ỦY\nNơi nhận:                                  PHÓ BÍ THƯ\n- Các chi bộ,\n- Lưu VP.                     Thiếu tướng, GS.TS. Đinh Văn Khoa\n");
        assert_eq!(
            t,
            "Nội dung.\n\nNơi nhận:\n- Các chi bộ,\n- Lưu VP.\nT/M ĐẢNG ỦY\nPHÓ BÍ THƯ\nThiếu tướng, GS.TS. Đinh Văn Khoa\n"
        );
        let d = crate::parse_str(
            &format!("ĐẢNG ỦY XÃ AN PHÚ\nSố 12-CV/ĐU\nV/v thử\n{t}"),
            "a.txt",
        );
        assert_eq!(d.signer.authority.as_deref(), Some("TM."));
        assert_eq!(d.signer.title.as_deref(), Some("Phó Bí thư"));
        assert_eq!(d.signer.name.as_deref(), Some("Đinh Văn Khoa"));
        assert_eq!(d.signer.name_prefix.as_deref(), Some("Thiếu tướng, GS.TS."));
    }

    #[test]
    fn two_authorities_flattened_on_one_line() {
        let t = normalize("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Tám");
        assert_eq!(
            t,
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH\nNguyễn Văn Tám"
        );
        let d = crate::parse_str("UBND XÃ TÂN PHÚ\nSố: 1/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc thử\nĐiều 1. Nội dung.\n| Nơi nhận: - Như Điều 3; - Lưu: VT, VP. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Tám |", "a.txt");
        assert_eq!(d.signer.authority.as_deref(), Some("KT."));
        assert_eq!(d.signer.title.as_deref(), Some("Phó Chủ tịch"));
        assert_eq!(d.signer.name.as_deref(), Some("Nguyễn Văn Tám"));
        assert_eq!(d.archive, vec!["VT", "VP"]);
    }

    #[test]
    fn place_and_date_laid_out_beside_the_subject() {
        let d = crate::parse_str("BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 7204/BGDĐT-GDPT\nV/v hướng dẫn dạy học tiếng Anh              Hà Nội, ngày 26 tháng 11 năm 2025\ntrở thành ngôn ngữ thứ hai trong trường học\n\nKính gửi: Các sở giáo dục và đào tạo.\nNội dung.", "a.txt");
        assert_eq!(d.place.as_deref(), Some("Hà Nội"));
        assert_eq!(
            d.subject.as_deref(),
            Some("hướng dẫn dạy học tiếng Anh trở thành ngôn ngữ thứ hai trong trường học")
        );
        assert_eq!(d.date.day, Some(26));
        let d = crate::parse_str("UBND TỈNH LÀO CAI\nSố: 7315/UBND-TH\nV/v giải ngân vốn đầu tư công trên địa bàn tỉnh Lào Cai      Lào Cai, ngày 27 tháng 11 năm 2025\n\nKính gửi: Các sở.\nNội dung.", "a.txt");
        assert_eq!(d.place.as_deref(), Some("Lào Cai"));
        assert_eq!(
            d.subject.as_deref(),
            Some("giải ngân vốn đầu tư công trên địa bàn tỉnh Lào Cai")
        );
    }

    #[test]
    fn nfc_and_eth() {
        let nfd = "Nghi\u{0323} quye\u{0302}\u{0301}t";
        assert_eq!(normalize(nfd), "Nghị quyết");
        assert_eq!(normalize("279-CV/VPÐU"), "279-CV/VPĐU");
    }

    #[test]
    fn spaces_and_dashes() {
        assert_eq!(normalize("71\u{00A0}\u{2013}\u{00A0}NQ/TW"), "71 - NQ/TW");
        assert_eq!(normalize("a\u{200B}b\u{00AD}c"), "abc");
        assert_eq!(normalize("x\r\ny"), "x\ny");
    }

    #[test]
    fn formula_markup_of_a_layout_ocr() {
        assert_eq!(
            normalize(
                "- Chủ tịch UBND tỉnh $( \\mathsf { b } / \\mathsf { c } )$ ;\nGiá $5 và $6 đô."
            ),
            "- Chủ tịch UBND tỉnh (b/c) ;\nGiá $5 và $6 đô."
        );
    }

    #[test]
    fn markdown_escapes() {
        assert_eq!(
            normalize("\\- Như trên;  \n\\- Lưu: VT, TTBVTV.\n1\\. Mục a\\_b C:\\Users"),
            "- Như trên;\n- Lưu: VT, TTBVTV.\n1. Mục a_b C:\\Users"
        );
    }

    #[test]
    fn markdown_emphasis() {
        assert_eq!(
            normalize("**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\n**Uông Minh Long**"),
            "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nUông Minh Long"
        );
        assert_eq!(normalize("*Hà Nội, ngày 02*"), "Hà Nội, ngày 02");
        assert_eq!(normalize("__Nơi nhận__:"), "Nơi nhận:");
        assert_eq!(normalize("* Lưu ý: x"), "- Lưu ý: x");
        assert_eq!(normalize("# QUYẾT ĐỊNH"), "QUYẾT ĐỊNH");
    }

    #[test]
    fn table_rows_become_cells() {
        let t = "| ỦY BAN NHÂN DÂN TỈNH SƠN LA | CỘNG HÒA XÃ HỘI |\n|---|---|\n| Số: 254/QĐ-UBND | Sơn La, ngày 17 |";
        let n = normalize(t);
        assert!(n.contains("ỦY BAN NHÂN DÂN TỈNH SƠN LA\nCỘNG HÒA XÃ HỘI"));
        assert!(n.contains("Số: 254/QĐ-UBND\nSơn La, ngày 17"));
        assert!(!n.contains('|'));
    }

    #[test]
    fn html_cells_and_images() {
        let n =
            normalize("<table><tr><td>TT</td><td>Tên</td></tr></table>![](images/a.jpg)x&amp;y");
        assert!(n.contains("TT\n"));
        assert!(n.contains("x&y"));
        assert!(!n.contains("images"));
    }

    #[test]
    fn double_spacing_closed() {
        let t = "a\n\nb\n\nc\n\nd\n\n\n\ne\n\nf";
        assert_eq!(normalize(t), "a\nb\nc\nd\n\ne\nf");
        // A paragraph on one line keeps the blank lines around it: the
        // subject does not run into the first paragraph.
        let para = "Mùa khô năm 2017 - 2018, do ảnh hưởng của hiện tượng El Nino, nắng nóng kéo dài, nguy cơ cháy rừng ở các tỉnh Tây Nguyên, Tây Bắc và Đông Nam Bộ ở mức cực kỳ nguy hiểm.";
        let t = format!("CHỈ THỊ\n\nVề phòng cháy rừng\n\n{para}\n\n{para}\n\n1. Các tỉnh rà soát.\n\n2. Các bộ kiểm tra.");
        assert_eq!(
            normalize(&t),
            format!("CHỈ THỊ\nVề phòng cháy rừng\n\n{para}\n\n{para}\n\n1. Các tỉnh rà soát.\n2. Các bộ kiểm tra.")
        );
        let d = crate::parse_str(
            &format!("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 21/CT-TTg\n\n{t}"),
            "a.txt",
        );
        assert_eq!(d.subject.as_deref(), Some("Về phòng cháy rừng"));
    }

    #[test]
    fn wrapped_header_phrases_joined() {
        assert_eq!(
            normalize("ĐẢNG CỘNG\nSẢN VIỆT NAM\n---\n**ỦY BAN NHÂN\nDÂN**\nTHÀNH PHỐ HÀ NỘI"),
            "ĐẢNG CỘNG SẢN VIỆT NAM\n---\nỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI"
        );
        // A break between two units stays.
        assert_eq!(
            normalize("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH"),
            "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH"
        );
        assert_eq!(
            normalize("CỘNG HOÀ XÃ\nHỘI CHỦ NGHĨA VIỆT NAM"),
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        );
        assert_eq!(
            normalize("BAN CHẤP HÀNH\nTRUNG ƯƠNG\n*****\nVĂN PHÒNG"),
            "BAN CHẤP HÀNH TRUNG ƯƠNG\n\nVĂN PHÒNG"
        );
    }

    #[test]
    fn flattened_blocks_unfolded() {
        assert_eq!(
            normalize("Nơi nhận: - Như trên; - Bộ trưởng (để b/c); - Lưu: VT, KHTC.\nTL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ KẾ HOẠCH Phạm Quang Phụng"),
            "Nơi nhận:\n- Như trên;\n- Bộ trưởng (để b/c);\n- Lưu: VT, KHTC.\nTL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ KẾ HOẠCH\nPhạm Quang Phụng"
        );
        assert_eq!(
            normalize("CHỦ TỊCH Hoàng Quốc Khánh"),
            "CHỦ TỊCH\nHoàng Quốc Khánh"
        );
        // Prose with a capitalized tail is left alone.
        assert_eq!(normalize("Giao UBND Hà Nội"), "Giao UBND Hà Nội");
        assert_eq!(
            normalize("ỦY BAN NHÂN DÂN Hà Nội"),
            "ỦY BAN NHÂN DÂN Hà Nội"
        );
    }

    #[test]
    fn codes_broken_after_slash_joined() {
        assert_eq!(
            normalize("Quyết định số 1830/\nQĐ-TTg ngày"),
            "Quyết định số 1830/QĐ-TTg ngày"
        );
        assert_eq!(
            normalize("Thông tư số 37/\n2019/TT-BYT"),
            "Thông tư số 37/2019/TT-BYT"
        );
        // A date at a line end is not a code.
        assert_eq!(normalize("ngày 12/\nTổ chức"), "ngày 12/\nTổ chức");
    }

    #[test]
    fn broken_codes_joined() {
        assert_eq!(
            normalize("Công văn số 279-\n\nCV/VPĐU ngày"),
            "Công văn số 279-CV/VPĐU ngày"
        );
        assert_eq!(normalize("số 71-\nNQ/TW, Chương"), "số 71-NQ/TW, Chương");
        // An ordinary hyphenated line end stays.
        assert_eq!(normalize("kinh tế -\nxã hội"), "kinh tế -\nxã hội");
    }

    proptest::proptest! {
        /// The byte-wise tests give what the character-wise ones gave.
        #[test]
        fn byte_wise_cleanup_equals_char_wise(
            s in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::char::any(),
                    proptest::sample::select(vec![
                        'a', 'Đ', 'ð', 'Ð', 'ệ', 'Ỹ', '\u{300}', '\u{2014}', '\u{00A0}', '\u{00AD}',
                        '\u{200B}', '\u{2212}', '\u{3000}', '\u{FEFF}', '\u{0085}', '\t', '\r',
                        '\n', '≥', '…', '\u{2190}', '\u{22FF}', '\u{2300}', '\u{7F}',
                    ]),
                ],
                0..40,
            )
        ) {
            let s: String = s.into_iter().collect();
            let plain = s.chars().all(|c| {
                let u = c as u32;
                u < 0x300
                    || (0x1EA0..=0x1EF9).contains(&u)
                    || (0x2002..=0x206F).contains(&u)
                    || (0x2190..=0x22FF).contains(&u)
            });
            proptest::prop_assert_eq!(plain_nfc(&s), plain);
            let (mut fast, mut slow) = (String::new(), String::new());
            clean_str_into(&s, &mut fast);
            for c in s.chars() {
                clean_char(c, &mut slow);
            }
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The cheap cue test never says "no" where a regex would match.
        #[test]
        fn broken_code_cues_cover_every_match(
            s in proptest::collection::vec(
                proptest::sample::select(vec![
                    "1", "20", "٣", "-", "/", "\n", "  \n", "\u{3000}", "KH-", "QĐ/", "UBND",
                    "Tg", "x", "2019/", "é",
                ]),
                0..10,
            )
        ) {
            let s: String = s.concat();
            let (code, symbol) = broken_code_cues(&s);
            proptest::prop_assert!(code || !RE_BROKEN_CODE.is_match(&s), "code: {s:?}");
            proptest::prop_assert!(symbol || !RE_BROKEN_SYMBOL.is_match(&s), "symbol: {s:?}");
        }
    }

    #[test]
    fn codes_broken_inside_the_symbol_joined() {
        assert_eq!(
            normalize("Công văn số 1970/CĐ-\n\nBTTTT ngày 5/3/2024"),
            "Công văn số 1970/CĐ-BTTTT ngày 5/3/2024"
        );
        assert_eq!(
            normalize("Kế hoạch số 12/KH-\nUBND của tỉnh"),
            "Kế hoạch số 12/KH-UBND của tỉnh"
        );
        assert_eq!(
            normalize("Kết luận số 21-KL/\nVPĐU ngày"),
            "Kết luận số 21-KL/VPĐU ngày"
        );
        assert_eq!(
            normalize("Quyết định số 15/2024/QĐ-\nTTg về"),
            "Quyết định số 15/2024/QĐ-TTg về"
        );
        // Prose after a code-like hyphen stays on its line.
        assert_eq!(
            normalize("theo mẫu số 02/KH-\nTheo dõi"),
            "theo mẫu số 02/KH-\nTheo dõi"
        );
    }

    #[test]
    fn markdown_links_keep_their_text() {
        assert_eq!(
            normalize("Thực hiện [Thông tư số 32/2018/TT-BGDĐT](#) ngày 26/12/2018"),
            "Thực hiện Thông tư số 32/2018/TT-BGDĐT ngày 26/12/2018"
        );
        assert_eq!(normalize("xem [tại đây](https://x.vn/a)."), "xem tại đây.");
    }
}
