//! Citations of other documents: find → attributes → resolve.
//!
//! 1. **Find** every citation: a type name with a code (`Nghị quyết số
//!    71-NQ/TW`), a bare code whose symbol names the kind (`02-CTr/TU`,
//!    `281/NQ-CP`), a short mention (`Nghị quyết 71`), or a law named
//!    without a number (`Luật Giáo dục`).
//! 2. **Attributes**: after the code, `ngày …` (date), `của …` (issuer),
//!    `về …` (about); before it, the governing verb (relation, from
//!    [`crate::vocab::RELATION_VERBS`]) and `của X tại …` (issuer).
//! 3. **Resolve**: one entry per distinct document (by
//!    [`crate::codes::canonical`]), attributes merged from later mentions;
//!    short mentions join the entry with the same kind and number, or warn
//!    when more than one entry fits.

use crate::codes;
use crate::extract::dates;
use crate::model::{DocType, Document, Reference, Relation, Span};
use crate::segment::Zones;
use crate::text::{collapse_ws, key};
use crate::vocab::{self, RELATION_VERBS};
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The code pattern: `71-NQ/TW`, `01 -KH/BCĐ`, `281/NQ-CP`,
/// `02/2025/TT-BGDĐT`, `45/2019/QH14`, `11494/VP-VX`.
const CODE: &str = r"(?P<num>\d{1,5}[a-zđ]?)[ \t]*(?P<sep>[/\-])[ \t]*(?:(?P<year>(?:19|20)\d{2})[ \t]*/[ \t]*)?(?P<sym>[\p{Lu}Đ][\p{L}Đđ]{0,11}\d{0,2}(?:[ \t]?[\-/][ \t]?[\p{Lu}Đ\d][\p{L}Đđ\d&]{0,14})*(?:\.[\p{Lu}Đ\d]{1,6})?)";

use vocab::type_names_pattern;

static RE_TYPED: LazyLock<Regex> = LazyLock::new(|| {
    let names = type_names_pattern();
    Regex::new(&format!(
        r"(?i:(?P<type>{names}))(?:\s+(?i:hành động))?\s+(?i:số)?\s*:?\s*(?-i:{CODE})(?:[^\p{{L}}\d]|$)"
    ))
    .unwrap()
});

/// The first code in a typed citation found by [`RE_TYPED`] (type names
/// have no digits, so the first code is the cited one).
static RE_CODE_IN: LazyLock<Regex> = LazyLock::new(|| Regex::new(CODE).unwrap());

/// The `num` and `sym` groups of [`CODE`] read by hand, for the citation
/// scans (the capturing regex engine costs far more per match than the
/// reading). `Unsure` where a character is met whose class the reader does
/// not know for certain (letters outside Latin, digits outside ASCII): the
/// caller then asks the regex.
mod code_reader {
    use std::ops::Range;

    pub enum Read {
        /// `num` and `sym` (the match ends where `sym` ends).
        Code(Range<usize>, Range<usize>),
        /// No code starts here.
        No,
        /// A character of unknown class was met.
        Unsure,
    }

    /// `\p{L}`: `None` where not known for certain.
    fn letter(c: char) -> Option<bool> {
        if c.is_ascii() {
            Some(c.is_ascii_alphabetic())
        } else if matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) {
            Some(c != '×' && c != '÷')
        } else if !c.is_alphabetic() {
            // Every letter is alphabetic.
            Some(false)
        } else {
            None
        }
    }

    /// `\p{Lu}`.
    fn upper(c: char) -> Option<bool> {
        Some(letter(c)? && c.is_uppercase())
    }

    /// `\d` (any decimal digit).
    fn digit(c: char) -> Option<bool> {
        if c.is_ascii() {
            Some(c.is_ascii_digit())
        } else if !c.is_numeric() {
            Some(false)
        } else {
            None
        }
    }

    /// Is the next character of `h` at `i` of the class?
    fn at(h: &str, i: usize, class: fn(char) -> Option<bool>) -> Option<bool> {
        match h[i..].chars().next() {
            None => Some(false),
            Some(c) => class(c),
        }
    }

    fn blank(c: char) -> Option<bool> {
        Some(c == ' ' || c == '\t')
    }

    fn len_at(h: &str, i: usize) -> usize {
        h[i..].chars().next().map_or(0, char::len_utf8)
    }

    /// [`super::CODE`] anchored at `p` (a char boundary of `h`).
    pub fn read(h: &str, p: usize) -> Read {
        match read_inner(h, p) {
            Some(Some(r)) => r,
            Some(None) => Read::No,
            None => Read::Unsure,
        }
    }

    /// `None`: unsure; `Some(None)`: no code.
    fn read_inner(h: &str, p: usize) -> Option<Option<Read>> {
        let b = h.as_bytes();
        let mut i = p;
        // `\d{1,5}`: more digits after five make no code.
        let mut n = 0;
        while n < 5 && at(h, i, digit)? {
            i += len_at(h, i);
            n += 1;
        }
        if n == 0 || at(h, i, digit)? {
            return Some(None);
        }
        // `[a-zđ]?`
        if b.get(i).is_some_and(|x| x.is_ascii_lowercase()) {
            i += 1;
        } else if h[i..].starts_with('đ') {
            i += 'đ'.len_utf8();
        }
        let num = p..i;
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        if !matches!(b.get(i), Some(b'/' | b'-')) {
            return Some(None);
        }
        i += 1;
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        // `(?:(19|20)\d{2}[ \t]*/[ \t]*)?`, then the symbol.
        let mut y = i;
        let year = if h[y..].starts_with("19") || h[y..].starts_with("20") {
            y += 2;
            let mut ok = true;
            for _ in 0..2 {
                if at(h, y, digit)? {
                    y += len_at(h, y);
                } else {
                    ok = false;
                    break;
                }
            }
            if ok {
                while matches!(b.get(y), Some(b' ' | b'\t')) {
                    y += 1;
                }
                if b.get(y) == Some(&b'/') {
                    y += 1;
                    while matches!(b.get(y), Some(b' ' | b'\t')) {
                        y += 1;
                    }
                    true
                } else {
                    false
                }
            } else {
                false
            }
        } else {
            false
        };
        if year {
            // With the year, else without it (a symbol cannot start with
            // the year's digit).
            if at(h, y, upper)? {
                i = y;
            } else {
                return Some(None);
            }
        }
        // `[\p{Lu}Đ][\p{L}Đđ]{0,11}\d{0,2}`
        if !at(h, i, upper)? {
            return Some(None);
        }
        let sym_start = i;
        i += len_at(h, i);
        let mut k = 0;
        while k < 11 && at(h, i, letter)? {
            i += len_at(h, i);
            k += 1;
        }
        let mut k = 0;
        while k < 2 && at(h, i, digit)? {
            i += len_at(h, i);
            k += 1;
        }
        // `(?:[ \t]?[\-/][ \t]?[\p{Lu}Đ\d][\p{L}Đđ\d&]{0,14})*`
        loop {
            let mut j = i;
            if at(h, j, blank)? {
                j += 1;
            }
            if !matches!(b.get(j), Some(b'/' | b'-')) {
                break;
            }
            j += 1;
            if at(h, j, blank)? {
                j += 1;
            }
            if !(at(h, j, upper)? || at(h, j, digit)?) {
                break;
            }
            j += len_at(h, j);
            let mut k = 0;
            while k < 14 && (at(h, j, letter)? || at(h, j, digit)? || b.get(j) == Some(&b'&')) {
                j += len_at(h, j);
                k += 1;
            }
            i = j;
        }
        // `(?:\.[\p{Lu}Đ\d]{1,6})?`: `TTCP-C.IV`, taken only where the
        // end test that follows every code holds after it (no letter or
        // digit next), as the pattern backtracks to leave it out.
        if b.get(i) == Some(&b'.') {
            let mut j = i + 1;
            let mut k = 0;
            while k < 6 && (at(h, j, upper)? || at(h, j, digit)?) {
                j += len_at(h, j);
                k += 1;
            }
            if k > 0 && !(at(h, j, letter)? || at(h, j, digit)?) {
                i = j;
            }
        }
        Some(Some(Read::Code(num, sym_start..i)))
    }

    /// The first code in `h` (what an unanchored search finds), `None`
    /// when unsure.
    pub fn first(h: &str) -> Option<Option<(Range<usize>, Range<usize>)>> {
        for (p, c) in h.char_indices() {
            if !digit(c)? {
                continue;
            }
            match read(h, p) {
                Read::Code(n, s) => return Some(Some((n, s))),
                Read::No => {}
                Read::Unsure => return None,
            }
        }
        Some(None)
    }
}

/// Byte length of the document-type name at the start of `s`, as
/// [`RE_TYPED`] reads it: the first name of [`vocab::all_type_names`]
/// (longest first) that matches ignoring case, with any whitespace between
/// its words.
fn type_name_len(s: &str) -> Option<usize> {
    // Each name's first character, lower-cased: a name whose first
    // character differs cannot match (the same test as the loop's first).
    static FIRST: LazyLock<Vec<Option<char>>> = LazyLock::new(|| {
        vocab::all_type_names()
            .iter()
            .map(|n| n.chars().next().map(crate::text::lower_char))
            .collect()
    });
    let head = s.chars().next().map(crate::text::lower_char);
    vocab::all_type_names()
        .iter()
        .zip(FIRST.iter())
        .find_map(|(name, first)| {
            if first.is_some() && *first != head {
                return None;
            }
            let mut at = 0;
            for (i, word) in name.split(' ').enumerate() {
                if i > 0 {
                    let rest = &s[at..];
                    let gap = rest.len() - rest.trim_start().len();
                    if gap == 0 {
                        return None;
                    }
                    at += gap;
                }
                let mut hs = s[at..].char_indices();
                for wc in word.chars() {
                    let (_, h) = hs.next()?;
                    if crate::text::lower_char(h) != crate::text::lower_char(wc) {
                        return None;
                    }
                }
                at = hs.next().map_or(s.len(), |(i, _)| at + i);
            }
            Some(at)
        })
}

static RE_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}\d/\-])(?-i:{CODE})(?:[^\p{{L}}\d]|$)"
    ))
    .unwrap()
});

static RE_SHORT: LazyLock<Regex> = LazyLock::new(|| {
    let names = type_names_pattern();
    Regex::new(&format!(
        r"(?P<type>{names})\s+(?:số\s+)?(?P<num>\d{{1,5}})(?P<after>[^\d/\-\p{{L}}]|$)"
    ))
    .unwrap()
});

/// Where a code's number ends: a `/` or `-` after a digit (and an optional
/// letter, spaces or tabs), the first at or after `from`. Every match of
/// [`CODE`] holds one (its `sep`; more where the symbol has digits).
fn next_code_anchor(hay: &str, from: usize) -> Option<usize> {
    let b = hay.as_bytes();
    let mut at = from;
    while at < b.len() {
        let j = at + memchr::memchr2(b'/', b'-', &b[at..])?;
        let before = hay[..j].trim_end_matches([' ', '\t']);
        let mut back = before.chars().rev();
        let anchored = match back.next() {
            Some(c) if c.is_numeric() => true,
            Some(c) if c.is_alphabetic() => back.next().is_some_and(char::is_numeric),
            _ => false,
        };
        if anchored {
            return Some(j);
        }
        at = j + 1;
    }
    None
}

/// What follows the separator at `j` can begin [`CODE`]'s symbol: after
/// spaces or tabs, a capital letter, or a year (`19`/`20` and two digits)
/// then `/` and a capital. (A looser test than the pattern's: `\p{Lu}`
/// letters are all `is_uppercase`, `\d` digits all `is_numeric`.)
fn may_begin_symbol(hay: &str, j: usize) -> bool {
    fn skip_blank(s: &str) -> &str {
        s.trim_start_matches([' ', '\t'])
    }
    let rest = skip_blank(&hay[j + 1..]);
    let mut cs = rest.chars();
    let first = cs.next();
    if first.is_some_and(char::is_uppercase) {
        return true;
    }
    // `2019/QH14`: the year, then the symbol.
    let year = [first, cs.next(), cs.next(), cs.next()];
    let is_year = matches!(
        year,
        [Some('1'), Some('9'), Some(c), Some(d)] | [Some('2'), Some('0'), Some(c), Some(d)]
            if c.is_numeric() && d.is_numeric()
    );
    is_year
        && skip_blank(cs.as_str())
            .strip_prefix('/')
            .map(skip_blank)
            .is_some_and(|s| s.starts_with(char::is_uppercase))
}

/// The position `n` non-whitespace characters before `j` (whitespace runs
/// in between are passed over whole), or 0.
fn back_over(hay: &str, j: usize, n: usize) -> usize {
    let mut left = n;
    for (i, c) in hay[..j].char_indices().rev() {
        if !c.is_whitespace() {
            if left == 0 {
                return i + c.len_utf8();
            }
            left -= 1;
        }
    }
    0
}

/// The end of what a code can hold after its anchor `j` (the separator),
/// plus the one character after it (the pattern's end test): spaces and
/// tabs, then words of letters, digits and `&` joined by `-` or `/` with
/// spaces or tabs around them — a superset of what [`CODE`] takes after
/// its separator (the year, then the symbol's parts).
fn code_run_end(hay: &str, j: usize) -> usize {
    let b = hay.as_bytes();
    let skip_blank = |mut i: usize| {
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        i
    };
    let word_end = |i: usize| {
        hay[i..]
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '&'))
            .map_or(hay.len(), |(k, _)| i + k)
    };
    // The separator at `j`, then words joined by separators.
    let mut end = skip_blank(j + 1);
    loop {
        end = word_end(end);
        let next = skip_blank(end);
        if next < b.len() && (b[next] == b'-' || b[next] == b'/') {
            end = skip_blank(next + 1);
            continue;
        }
        break;
    }
    // `TTCP-C.IV`: a dot and a word of capitals can end the symbol.
    if b.get(end) == Some(&b'.') {
        end = word_end(end + 1);
    }
    // The character after: the end test.
    hay[end..]
        .chars()
        .next()
        .map_or(hay.len(), |c| end + c.len_utf8())
}

/// The matches of `re` in `hay`, as `re.find_iter(hay)` gives them, for a
/// pattern that ends with [`CODE`] and its end test and can begin at most
/// `back` non-whitespace characters before the code's separator: instead
/// of running the regex over the whole text, each anchor
/// ([`next_code_anchor`]) is searched in a window from `back` characters
/// before it to the end of what the code can hold. A window with no match
/// holds none that contains its anchor; no match can begin before the
/// window of the first anchor it contains; a match inside a window ends
/// where it ends in the whole text (the window ends after a character no
/// code takes). The text between codes is not read by the regex at all.
fn code_matches<'h>(re: &Regex, hay: &'h str, back: usize) -> Vec<regex::Match<'h>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut scan = 0;
    while let Some(j) = next_code_anchor(hay, scan) {
        // A date (`22/7/2019`) or a range (`2021-2025`): no code has its
        // separator here, and a match that holds this anchor has its own
        // separator (its first anchor) further on.
        if !may_begin_symbol(hay, j) {
            scan = j + 1;
            continue;
        }
        let start = pos.max(back_over(hay, j, back));
        let end = code_run_end(hay, j);
        match re.find_at(&hay[..end], start) {
            Some(m) => {
                pos = m.end();
                scan = (j + 1).max(pos);
                out.push(m);
            }
            None => scan = j + 1,
        }
    }
    out
}

/// Does a file extension (`.pdf`, `.docx`: [`crate::vocab::FILE_EXTENSIONS`])
/// follow at `at`, ending the word?
fn is_file_name_at(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..).and_then(|r| r.strip_prefix('.')) else {
        return false;
    };
    crate::vocab::FILE_EXTENSIONS.iter().any(|e| {
        rest.len() >= e.len()
            && rest.as_bytes()[..e.len()].eq_ignore_ascii_case(e.as_bytes())
            && !rest[e.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Non-whitespace characters a [`RE_TYPED`] match can hold before its
/// code's separator: the longest type name, `hành động`, `số`, `:`, the
/// number and its letter.
static TYPED_BACK: LazyLock<usize> = LazyLock::new(|| {
    let name = vocab::all_type_names()
        .iter()
        .map(|n| n.chars().filter(|c| !c.is_whitespace()).count())
        .max()
        .unwrap_or(0);
    name + "hànhđộng".chars().count() + "số:".chars().count() + 6 + 2
});

/// Non-whitespace characters a [`RE_BARE`] match can hold before its
/// code's separator: the character before the number, the number and its
/// letter.
const BARE_BACK: usize = 1 + 5 + 1 + 1;

/// The `num` and `sym` groups (byte ranges in `region`) of a [`RE_BARE`]
/// match `m`.
fn bare_parts(region: &str, m: regex::Match<'_>) -> Option<(Range<usize>, Range<usize>)> {
    let first = region[m.start()..].chars().next()?;
    // `^` before a code at the very start, else one character before it.
    let cs = if m.start() == 0 && first.is_ascii_digit() {
        0
    } else {
        m.start() + first.len_utf8()
    };
    // (A code at the very start with another kind of digit: the regex.)
    let plain = !(m.start() == 0 && !first.is_ascii() && first.is_numeric());
    if let (true, code_reader::Read::Code(num, sym)) = (plain, code_reader::read(region, cs)) {
        // The end test: the character after the code is neither a letter
        // nor a digit and ends the match, or the text ends there.
        let e = sym.end;
        let ends = match region[e..].chars().next() {
            None => m.end() == e,
            Some(c) => m.end() == e + c.len_utf8() && c.is_ascii() && !c.is_ascii_alphanumeric(),
        };
        if ends && cs < m.end() {
            return Some((num, sym));
        }
    }
    let c = RE_BARE.captures_at(region, m.start())?;
    Some((c.name("num")?.range(), c.name("sym")?.range()))
}

/// The `type` and `num` groups (byte ranges in `region`) of a
/// [`RE_SHORT`] match `m`, read without the capturing engine (see the loop
/// in [`extract_references`]); by the capturing engine where the match
/// does not read plainly.
fn short_parts(region: &str, m: regex::Match<'_>) -> Option<(Range<usize>, Range<usize>)> {
    let hay = m.as_str();
    // `after` is one character that is neither a digit nor a letter, or
    // empty at the end of the text (then the match ends with the number).
    // Plain reading only for ASCII digits; anything else (other digits,
    // numerals) goes to the capturing engine.
    let last = hay.chars().next_back()?;
    let num_end = if last.is_ascii_digit() {
        hay.len()
    } else if last.is_numeric() {
        0
    } else {
        hay.len() - last.len_utf8()
    };
    // The number: the digits before `after`, a space before them.
    let digits = hay.as_bytes()[..num_end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let spaced = hay[..num_end - digits]
        .chars()
        .next_back()
        .is_some_and(char::is_whitespace);
    match type_name_len(hay).filter(|&n| digits > 0 && spaced && n <= num_end - digits) {
        Some(type_len) => Some((
            m.start()..m.start() + type_len,
            m.start() + num_end - digits..m.start() + num_end,
        )),
        None => {
            let c = RE_SHORT.captures_at(region, m.start())?;
            Some((c.name("type")?.range(), c.name("num")?.range()))
        }
    }
}

/// A law named by its name: `Luật`, `Bộ luật` or `Hiến pháp`, then (when
/// a capital follows) the name's first word, after the amending formula
/// where it stands (`Luật sửa đổi, bổ sung một số điều của các Luật …`).
/// The name's further words are read by [`LAW_WORD`], up to
/// [`LAW_WORDS`] of them: see [`law_at`].
static RE_LAW_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&(format!("(?:{})", LAW_KEYWORDS.join("|")) + r"(?:\s+(?:(?i:sửa đổi,?\s+bổ sung một số điều của)\s+(?:các\s+)?Luật\s+)?\p{Lu}[\p{L}]*)?")).unwrap()
});
/// One more word of a law's name: blanks, then a lowercase word, a
/// capitalised word or an acronym (two capitals or more, ending a word).
const LAW_WORD: &str = r"\s+(?:[\p{Ll}][\p{L}]*|\p{Lu}\p{Ll}[\p{L}]*|\p{Lu}{2,}\b)";
/// The words a law's name starts after (tried in this order).
const LAW_KEYWORDS: [&str; 3] = ["Bộ luật", "Luật", "Hiến pháp"];
/// The most words [`LAW_WORD`] adds to a name.
const LAW_WORDS: usize = 14;

/// The law name found first at or after `at` in `hay`: what the single
/// pattern `HEAD(?:LAW_WORD){0,14}` (the head's name part and the words
/// both optional) finds, read in steps. Nothing follows the words in
/// that pattern, so its preferred match takes each word greedily, one
/// after the other, while one can be read: the head's own match, then the
/// word pattern anchored where the last word ended, at most 14 times. (The
/// one pattern compiled its bounded repetition of Unicode classes into an
/// automaton that took a fifth of a one-file `congvan parse` to build.)
fn law_at(hay: &str, at: usize) -> Option<Range<usize>> {
    let head = RE_LAW_HEAD.find_at(hay, at)?;
    let keyword = LAW_KEYWORDS
        .iter()
        .find(|k| head.as_str().starts_with(*k))
        .map_or(0, |k| k.len());
    let mut end = head.end();
    // The words follow the name's first word only.
    if head.len() > keyword {
        end = law_words(hay, end, LAW_WORDS).0;
    }
    Some(head.start()..end)
}

/// Up to `most` further words of a law's name from `end` ([`LAW_WORD`],
/// each anchored where the last one ended): where they end and how many
/// were read.
fn law_words(hay: &str, mut end: usize, most: usize) -> (usize, usize) {
    static WORD: LazyLock<regex_automata::meta::Regex> =
        LazyLock::new(|| regex_automata::meta::Regex::new(LAW_WORD).expect("law word pattern"));
    for n in 0..most {
        let input = regex_automata::Input::new(hay)
            .range(end..)
            .anchored(regex_automata::Anchored::Yes);
        match WORD.search(&input) {
            Some(w) => end = w.end(),
            None => return (end, n),
        }
    }
    (end, most)
}

/// The law name found first at or after `at`, as [`law_at`] reads it,
/// then:
/// - read on over a comma that a listed phrase holds (`Luật Phòng, chống
///   tham nhũng`; vocab `LAW_NAME_JOINS`), within the same word budget;
/// - cut before a line break that opens a place-and-date line or the
///   addressees (`V/v phổ biến Bộ luật Lao động` ⏎ `Hà Nội, ngày …`): a
///   name may wrap (`Luật Tổ chức` ⏎ `Chính phủ`), those lines never
///   continue one.
fn law_name_at(hay: &str, at: usize) -> Option<Range<usize>> {
    let law = law_at(hay, at)?;
    let (start, mut end) = (law.start, law.end);
    let mut left = LAW_WORDS.saturating_sub(hay[start..end].split_whitespace().count());
    while left > 0
        && hay[end..].starts_with(',')
        && joins_law_name(&hay[start..end], ",", &hay[end + 1..])
    {
        let (e, n) = law_words(hay, end + 1, left);
        if n == 0 {
            break;
        }
        end = e;
        left -= n;
    }
    let mut from = start;
    while let Some(nl) = hay[from..end].find('\n').map(|i| from + i) {
        let line_end = hay[nl + 1..].find('\n').map_or(hay.len(), |i| nl + 1 + i);
        let line = &hay[nl..line_end];
        if RE_PLACE_DATE_LINE
            .find(line)
            .is_some_and(|m| m.start() == 0)
            || crate::segment::is_recipients_line(&line[1..])
        {
            end = hay[..nl].trim_end().len().max(start);
            break;
        }
        from = nl + 1;
    }
    Some(start..end)
}

/// Whether a comma or `và` (`joiner`) between `before` (a law's name so
/// far) and `after` (the text after the joiner) is inside the name: a
/// listed phrase (vocab `LAW_NAME_JOINS`) ends with the name's last words
/// before one of its joiners and goes on with the words after it.
fn joins_law_name(before: &str, joiner: &str, after: &str) -> bool {
    let b = key(&crate::text::collapse_ws(
        &before[crate::text::floor_boundary(before, before.len().saturating_sub(60))..],
    ));
    let a = key(&crate::text::collapse_ws(
        &after[..crate::text::floor_boundary(after, 80)],
    ));
    let sep = if joiner == "," { ", " } else { " và " };
    vocab::LAW_NAME_JOINS.iter().any(|p| {
        p.match_indices(sep).any(|(i, _)| {
            let (l, r) = (&p[..i], &p[i + sep.len()..]);
            let before_ok = b
                .strip_suffix(l)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '));
            let after_ok = a
                .strip_prefix(r)
                .is_some_and(|rest| !rest.starts_with(crate::text::is_word_char));
            before_ok && after_ok
        })
    })
}

/// Words that end an issuer name after `của`.
const ISSUER_STOPS: &[&str] = &[
    " về ",
    " ban hành",
    " thực hiện",
    " triển khai",
    " hướng dẫn",
    " quy định",
    " tại ",
    " trong ",
    " đến ",
    " nhằm ",
    " theo ",
    " để ",
    " đã ",
    " ngày ",
    " năm ",
    " phê duyệt",
    " sửa đổi",
    " gửi ",
    " kèm",
    " giao ",
    " đối với",
    " cho ",
    " chỉ đạo",
    " với ",
    " là ",
    " được ",
    " nay ",
    " thì ",
    " trên ",
    " đề nghị",
    " yêu cầu",
    " có ",
    " số ",
    " khóa ",
    " (",
    " tiếp tục",
    " chậm nhất",
    " trước ",
    " phân công",
    " nghị định",
    // A title that starts after the name, written in capitals.
    " Về ",
    " Ban hành",
    " Thực hiện",
    " Triển khai",
    " Hướng dẫn",
    " Quy định",
    " Phê duyệt",
    " Sửa đổi",
];

/// Heads of committees named by the task they carry out (`Tổ Công tác
/// triển khai Đề án 06`): their name runs past `triển khai`/`thực hiện`.
const COMMITTEE_HEADS: &[&str] = &[
    "Tổ Công tác",
    "Tổ công tác",
    "Ban Chỉ đạo",
    "Ban chỉ đạo",
    "Hội đồng",
    "Tổ giúp việc",
];

/// The first [`ISSUER_STOPS`] phrase in one pass.
static ISSUER_STOP_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(ISSUER_STOPS)
        .expect("issuer stop automaton")
});

struct Found {
    start: usize,
    code_end: usize,
    type_name: Option<String>,
    code: Option<String>,
    seq: Option<String>,
    law_name: Option<String>,
}

/// Spans of the codes already read (see `extract_references`).
#[derive(Default)]
struct Covered {
    typed: Vec<(usize, usize)>,
    bare: Vec<(usize, usize)>,
}

impl Covered {
    /// The last span of a sorted, non-overlapping list starting before `end`.
    fn last_before(list: &[(usize, usize)], end: usize) -> Option<(usize, usize)> {
        let i = list.partition_point(|&(a, _)| a < end);
        i.checked_sub(1).map(|i| list[i])
    }

    fn contains(&self, x: usize) -> bool {
        [&self.typed, &self.bare]
            .into_iter()
            .any(|l| Covered::last_before(l, x + 1).is_some_and(|(a, b)| x >= a && x < b))
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        [&self.typed, &self.bare]
            .into_iter()
            .any(|l| Covered::last_before(l, end).is_some_and(|(_, b)| start < b))
    }
}

/// All references of a document, in order of first appearance.
pub fn extract_references(
    text: &str,
    zones: &Zones,
    doc: &Document,
) -> (Vec<Reference>, Vec<String>) {
    let scan_from = zones.start.min(text.len());
    // The whole document: appendices after the signature cite documents
    // too; a portal page's footer (`Các tin khác:` and its links) does not.
    let scan_to = crate::segment::portal_footer(text, zones.body.end).unwrap_or(text.len());
    let region = &text[scan_from..scan_to];
    let own = doc
        .number
        .symbol
        .as_ref()
        .and_then(|s| doc.number.seq.as_ref().map(|n| (n, s)))
        .map(|(n, s)| {
            let sep = if s.contains('/') && !s.contains('-') || is_party_symbol(s) {
                "-"
            } else {
                "/"
            };
            match doc.number.year {
                Some(y) => codes::canonical(&format!("{n}/{y}/{s}")),
                None => codes::canonical(&format!("{n}{sep}{s}")),
            }
        });
    // The number as written (`215-KH/TĐTN-PT`: a Party-style number whose
    // symbol holds a dash reads back only so).
    let own_raw = doc.number.raw.as_deref().map(codes::canonical);

    let mut found: Vec<Found> = Vec::new();
    // Code spans of typed and of bare citations, each list sorted and
    // without overlaps (matches of one regex), so a lookup is a binary
    // search, not a scan of every earlier citation.
    let mut covered = Covered::default();
    // The fast engine finds each typed citation; its parts are read with
    // the small code pattern (capturing with the whole type-name
    // alternation costs far more).
    for m in code_matches(&RE_TYPED, region, *TYPED_BACK) {
        let hay = m.as_str();
        let Some(type_len) = type_name_len(hay) else {
            continue;
        };
        let (num, sym) = match code_reader::first(hay) {
            Some(Some(parts)) => parts,
            Some(None) => continue,
            None => {
                let Some(c) = RE_CODE_IN.captures(hay) else {
                    continue;
                };
                let (Some(num), Some(sym)) = (c.name("num"), c.name("sym")) else {
                    continue;
                };
                (num.range(), sym.range())
            }
        };
        let code_start = m.start() + num.start;
        let code_end = m.start() + sym.end;
        let code = clean_code(&region[code_start..code_end]);
        found.push(Found {
            start: scan_from + m.start(),
            code_end: scan_from + code_end,
            type_name: Some(hay[..type_len].to_string()),
            code: Some(code),
            seq: Some(hay[num.clone()].to_string()),
            law_name: None,
        });
        covered.typed.push((code_start, code_end));
    }
    let mut bare_seen: std::collections::HashMap<&str, Option<String>> = Default::default();
    // Found by the fast engine, read by hand where the reading is sure and
    // ends where the match does (else by the capturing engine).
    for m in code_matches(&RE_BARE, region, BARE_BACK) {
        let Some((num, sym)) = bare_parts(region, m) else {
            continue;
        };
        if covered.contains(num.start) {
            continue;
        }
        // The same code over and over (`Số: 1/QĐ-UBND` a million times) is
        // read once.
        let raw = &region[num.start..sym.end];
        let code = match bare_seen.get(raw) {
            Some(known) => known.clone(),
            None => {
                let code = clean_code(raw);
                let parts = codes::split(&code);
                // A bare code counts when its symbol names a kind or carries a year.
                let ok = parts.as_ref().is_some_and(|p| {
                    p.type_code.is_some()
                        || p.year.is_some()
                        || (p.symbol.contains('-')
                            && p.symbol.chars().filter(|c| c.is_uppercase()).count() >= 3)
                });
                let known = ok.then_some(code);
                bare_seen.insert(raw, known.clone());
                known
            }
        };
        let Some(code) = code else {
            continue;
        };
        found.push(Found {
            start: scan_from + num.start,
            code_end: scan_from + sym.end,
            type_name: None,
            code: Some(code),
            seq: Some(region[num.clone()].to_string()),
            law_name: None,
        });
        covered.bare.push((num.start, sym.end));
    }
    // The fast engine finds each short citation; its parts are read from
    // the match (captures with the whole type-name alternation cost far
    // more): the type name as [`type_name_len`] reads it, the number the
    // run of digits before the last character (or the end).
    for m in RE_SHORT.find_iter(region) {
        let Some((t, num)) = short_parts(region, m) else {
            continue;
        };
        if covered.contains(num.start) {
            continue;
        }
        // `Kế hoạch 5 năm`, `Chương trình 2018`: not document numbers.
        let after = &region[num.end..];
        let next_word = after.split_whitespace().next().unwrap_or("");
        if [
            "năm", "tháng", "ngày", "%", "giờ", "người", "lần", "học", "nội", "triệu", "tỷ",
        ]
        .contains(&key(next_word).as_str())
            // (`Chương trình 2018`: a year, 19xx or 20xx; `Quyết định số
            // 1546, 1547/QĐ-UBND`: a number.)
            || region[num.clone()].len() == 4
                && (region[num.clone()].starts_with("19") || region[num.clone()].starts_with("20"))
        {
            continue;
        }
        if !region[t.clone()].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        found.push(Found {
            start: scan_from + t.start,
            code_end: scan_from + num.end,
            type_name: Some(region[t.clone()].to_string()),
            code: None,
            seq: Some(region[num.clone()].to_string()),
            law_name: None,
        });
    }
    // Where each coded citation starts (the first one there).
    let mut coded_at: std::collections::HashMap<usize, usize> = Default::default();
    for (i, f) in found.iter().enumerate() {
        if f.code.is_some() {
            coded_at.entry(f.start).or_insert(i);
        }
    }
    // Law names: the match is cut at the first word that ends the name, and
    // the search goes on right after the kept name (`Luật A và Luật B`).
    let mut at = 0;
    while let Some(law) = law_name_at(region, at) {
        let m_start = law.start;
        let (name, kept) = trim_law_name(&region[law]);
        at = crate::text::floor_boundary(region, m_start + kept.max(1));
        if at <= m_start {
            at = m_start + region[m_start..].chars().next().map_or(1, char::len_utf8);
        }
        if name.split_whitespace().count() < 2 {
            continue;
        }
        let m_end = m_start + kept;
        if covered.overlaps(m_start, m_end) {
            continue;
        }
        // `Luật Đầu tư công số 39/2019/QH14`: the name and the number are one
        // citation — the numbered one found above takes the law's kind,
        // start and name.
        let name_end = scan_from + m_end;
        let after = &text[name_end.min(text.len())..];
        let gap = after.len() - after.trim_start().len();
        let rest = after.trim_start();
        let lead = match rest.strip_prefix("số") {
            Some(r) => gap + "số".len() + (r.len() - r.trim_start().len()),
            None => usize::MAX,
        };
        let numbered = if lead == usize::MAX {
            None
        } else {
            coded_at.get(&(name_end + lead)).copied()
        };
        if let Some(f) = numbered.and_then(|i| found.get_mut(i)) {
            f.start = scan_from + m_start;
            f.type_name = Some(if name.starts_with("Bộ luật") {
                "Bộ luật".into()
            } else {
                "Luật".into()
            });
            f.law_name = Some(name);
            continue;
        }
        found.push(Found {
            start: scan_from + m_start,
            code_end: scan_from + m_end,
            type_name: Some(if name.starts_with("Hiến pháp") {
                "Hiến pháp".into()
            } else {
                "Luật".into()
            }),
            code: None,
            seq: None,
            law_name: Some(name),
        });
    }
    found.sort_by_key(|f| f.start);

    let mut refs: Vec<Reference> = Vec::new();
    // Canonical key → index in `refs` (one entry per cited document).
    let mut by_key: std::collections::HashMap<String, usize> = Default::default();
    let mut shorts: Vec<(Found, Span)> = Vec::new();
    // Canonical key of each code as written (codes repeat).
    let mut canon_seen: std::collections::HashMap<String, String> = Default::default();
    // Key of a law's name → its entry (laws named without number).
    let mut law_by_key: std::collections::HashMap<String, usize> = Default::default();
    // End and relation of the previous citation: `Triển khai thực hiện A; B;
    // C` — B and C are governed by the same verb as A.
    let mut prev: Option<(usize, Relation)> = None;
    // The previous coded citation: its entry, where its mention ends and
    // where its issuer was read; a list (`A, B của X`, `của X tại A và B`)
    // shares the issuer.
    let mut prev_coded: Option<(usize, usize, IssuerFrom)> = None;
    // The entries of the current list still without an issuer: `Quyết định
    // số A, Quyết định số B; Quyết định số C ngày … của X` — X issued all.
    let mut waiting: Vec<usize> = Vec::new();
    // The entry that a list head named the issuer of, and where the list
    // has reached.
    let mut head_list: Option<(usize, usize)> = None;
    for f in found {
        let span_end = f.code_end;
        if let Some(code) = &f.code {
            let canon = match canon_seen.get(code) {
                Some(c) => c.clone(),
                None => {
                    let c = codes::canonical(code);
                    canon_seen.insert(code.clone(), c.clone());
                    c
                }
            };
            if own.as_deref() == Some(canon.as_str()) || own_raw.as_deref() == Some(canon.as_str())
            {
                continue;
            }
            // `File đính kèm: 7215-BYT-QLD.pdf`: a file's name, no citation.
            if is_file_name_at(text, span_end) {
                continue;
            }
            // A joint circular (`TTLT-BTC-BKHCN`) names its bodies joined by
            // `và`.
            let joint = code.contains("TTLT");
            let mut attrs = attributes(text, f.start, f.code_end, joint);
            let mut from = if attrs.issuer.is_some() {
                IssuerFrom::After
            } else {
                IssuerFrom::None
            };
            if attrs.issuer.is_none() || attrs.date.is_none() {
                let (mut issuer, date) = issuer_before(text, f.start);
                // `ý kiến chỉ đạo của Thủ tướng Chính phủ (Thông báo số
                // 627/TB-VPCP …)`: the body told before is the author of
                // what the document conveys, not who issued it, when the
                // symbol names another national body. (A post of that body,
                // `Bộ trưởng Bộ Nội vụ`, who signs it, stays.)
                if let Some(i) = issuer.as_deref() {
                    if codes::national_issuer(code).is_some_and(|body| !key(i).contains(&key(body)))
                    {
                        issuer = None;
                    }
                }
                if attrs.issuer.is_none() && issuer.is_some() {
                    from = IssuerFrom::Before;
                    attrs.issuer = issuer;
                }
                attrs.date = attrs.date.or(date);
            }
            let listed = prev_coded.filter(|&(_, end, _)| is_list_gap(text, end, f.start, false));
            // `A, Quyết định số B; Quyết định số C … của X`: a looser list
            // whose trailing issuer is shared back.
            if !prev_coded.is_some_and(|(_, end, _)| is_list_gap(text, end, f.start, true)) {
                waiting.clear();
            }
            // `các Quyết định của X, cụ thể: số A ngày … về …; số B …`: the
            // items after `;` of a list headed by its issuer.
            if attrs.issuer.is_none() {
                if let Some((hi, hend)) = head_list {
                    if continues_headed_list(text, hend, f.start)
                        && same_body_code(refs[hi].code.as_deref(), Some(code))
                    {
                        attrs.issuer = refs[hi].issuer.clone();
                        from = IssuerFrom::Before;
                    }
                }
            }
            if let Some((pi, _, pfrom)) = listed {
                if attrs.issuer.is_none() && pfrom == IssuerFrom::Before {
                    attrs.issuer = refs[pi].issuer.clone();
                    from = IssuerFrom::Before;
                }
            }
            if from == IssuerFrom::After {
                for &wi in &waiting {
                    if refs[wi].issuer.is_none()
                        && same_body_code(refs[wi].code.as_deref(), Some(code))
                    {
                        refs[wi].issuer = attrs.issuer.clone();
                    }
                }
                waiting.clear();
            }
            // A citation nested in the previous one's title (`Nghị quyết số
            // 03/NQ-CP … thực hiện Nghị quyết số 57-NQ/TW …`) does not start
            // a new list item.
            let nested = prev.is_some_and(|(e, _)| f.start < e);
            if !nested {
                attrs.relation = listed_relation(text, prev, f.start, attrs.relation);
            }
            let mention = Span {
                start: f.start,
                end: attrs.end.max(span_end),
            };
            prev = match prev {
                Some((e, r)) if nested => Some((e.max(mention.end), r)),
                _ => Some((mention.end, attrs.relation)),
            };
            if from == IssuerFrom::Before {
                let i = by_key.get(&canon).copied().unwrap_or(refs.len());
                head_list = match head_list {
                    Some((hi, e)) if continues_headed_list(text, e, f.start) => {
                        Some((hi, mention.end))
                    }
                    _ => Some((i, mention.end)),
                };
            } else if !head_list.is_some_and(|(_, e)| continues_headed_list(text, e, f.start)) {
                head_list = None;
            }
            if let Some(&i) = by_key.get(&canon) {
                merge(&mut refs[i], &attrs, mention);
                prev_coded = Some((i, mention.end, from));
                if from == IssuerFrom::None {
                    waiting.push(i);
                }
                continue;
            }
            prev_coded = Some((refs.len(), mention.end, from));
            if from == IssuerFrom::None {
                waiting.push(refs.len());
            }
            by_key.insert(canon.clone(), refs.len());
            let parts = codes::split(code);
            let doc_type = type_of(f.type_name.as_deref(), parts.as_ref());
            refs.push(Reference {
                code: Some(code.clone()),
                doc_type,
                seq: parts.as_ref().and_then(|p| p.seq.clone()).or(f.seq.clone()),
                year: parts.as_ref().and_then(|p| p.year),
                symbol: parts.as_ref().map(|p| p.symbol.clone()),
                date: attrs.date.clone(),
                issuer: attrs.issuer.clone(),
                symbol_issuer: codes::national_issuer(code).map(str::to_string),
                about: attrs.about.clone().or(f.law_name.clone()),
                relation: attrs.relation,
                text: text[mention.start..mention.end].to_string(),
                span: mention,
                key: Some(canon),
                mentions: vec![mention],
            });
        } else if let Some(name) = &f.law_name {
            let k = key(name);
            let mention = Span {
                start: f.start,
                end: f.code_end,
            };
            if let Some(r) = law_by_key.get(&k).and_then(|&i| refs.get_mut(i)) {
                r.mentions.push(mention);
                continue;
            }
            law_by_key.insert(k, refs.len());
            let mut attrs = attributes(text, f.start, f.code_end, false);
            // `Căn cứ Luật A; Luật B`: a law named in a list shares its verb.
            let nested = prev.is_some_and(|(e, _)| f.start < e);
            if !nested {
                attrs.relation = listed_relation(text, prev, f.start, attrs.relation);
                prev = Some((attrs.end.max(f.code_end), attrs.relation));
            }
            refs.push(Reference {
                code: None,
                doc_type: Some(DocType {
                    code: if name.starts_with("Hiến pháp") {
                        "HP".into()
                    } else {
                        "Luật".into()
                    },
                    name: if name.starts_with("Hiến pháp") {
                        "Hiến pháp".into()
                    } else {
                        "Luật".into()
                    },
                }),
                seq: None,
                year: None,
                symbol: None,
                date: attrs.date.clone(),
                issuer: None,
                symbol_issuer: None,
                about: Some(name.clone()),
                relation: attrs.relation,
                text: text[mention.start..mention.end].to_string(),
                span: mention,
                key: None,
                mentions: vec![mention],
            });
        } else {
            let span = Span {
                start: f.start,
                end: f.code_end,
            };
            shorts.push((f, span));
        }
    }
    let warnings = resolve_shorts(text, shorts, &mut refs);
    resolve_anaphora(region, scan_from, &mut refs);
    (refs, warnings)
}

static RE_ANAPHORA: LazyLock<Regex> = LazyLock::new(|| {
    let names = type_names_pattern();
    let words = vocab::ANAPHORA_WORDS
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    // `(?:\W|$)` rather than `\b`: a Unicode word boundary stops the fast
    // (DFA) engines on non-ASCII text. The match then ends one character
    // later; callers use the end of `word`. The character it takes is not a
    // letter, so no later match can start there.
    Regex::new(&format!(
        r"(?i:(?P<type>{names}))\s+(?P<word>{words})(?:\W|$)"
    ))
    .unwrap()
});

/// `Nghị quyết nêu trên`: a mention of the latest document of that kind
/// cited before it. (`Kế hoạch này` is the document itself and is never
/// a reference.)
fn resolve_anaphora(region: &str, base: usize, refs: &mut [Reference]) {
    for c in RE_ANAPHORA.captures_iter(region) {
        let (Some(m), Some(t), Some(w)) = (c.get(0), c.name("type"), c.name("word")) else {
            continue;
        };
        let Some(kind) = vocab::type_by_name(t.as_str()) else {
            continue;
        };
        let at = base + m.start();
        let target = refs
            .iter_mut()
            .filter(|r| r.doc_type.as_ref().is_some_and(|d| d.code == kind.code))
            .filter_map(|r| {
                let last = r
                    .mentions
                    .iter()
                    .map(|s| s.start)
                    .filter(|&s| s < at)
                    .max()?;
                Some((last, r))
            })
            .max_by_key(|(last, _)| *last)
            .map(|(_, r)| r);
        if let Some(r) = target {
            r.mentions.push(Span {
                start: at,
                end: base + w.end(),
            });
        }
    }
}

fn is_party_symbol(s: &str) -> bool {
    // Party symbols carry the kind before a slash: `KH/TU`, `NQ/TW`.
    s.split('/').next().and_then(vocab::type_by_code).is_some() && !s.contains('-')
}

/// A law's name from the start of a [`RE_LAW`] match: cut at the first
/// word that ends a name (`năm`, `và`, `số`…). Returns the name (spaces
/// collapsed) and the bytes of `s` it covers.
fn trim_law_name(s: &str) -> (String, usize) {
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    const TAIL_STOPS: &[&str] = &[
        "năm", "ngày", "số", "của", "và", "được", "đã", "thì", "quy", "có", "này", "hiện", "về",
        "tại", "theo", "trong", "để",
    ];
    // `Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y`: the stops
    // inside the amending formula are part of the name, and so is a second
    // amended law.
    // The formula ends with `điều của`: the amended law's name follows.
    let amended = words
        .windows(2)
        .position(|p| key(p[0].1) == "điều" && key(p[1].1) == "của")
        .map(|p| p + 1);
    let from = amended.map_or(2, |p| p + 3);
    let mut keep = words.len();
    for (i, (at, w)) in words.iter().enumerate().skip(from) {
        let next_is_law = words.get(i + 1).is_some_and(|(_, n)| *n == "Luật");
        // `Luật Thực hiện dân chủ ở cơ sở`: `hiện` of `thực hiện` is no stop.
        let thuc_hien = key(w) == "hiện" && key(words[i - 1].1) == "thực";
        // `Luật Khoa học và Công nghệ`: a listed phrase holds the `và`.
        let held = key(w) == "và" && joins_law_name(&s[..*at], "và", &s[at + w.len()..]);
        let amended_and = amended.is_some() && *w == "và" && next_is_law;
        if TAIL_STOPS.contains(&key(w).as_str()) && !(amended_and || thuc_hien || held) {
            keep = i;
            break;
        }
    }
    let kept = &words[..keep.min(words.len())];
    let name = kept.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
    let name = name.trim_end_matches([',', ';', '.']).to_string();
    // Bytes covered: up to the end of the last kept word, less the
    // punctuation trimmed from it.
    let covered = kept
        .last()
        .map_or(0, |(at, w)| at + w.trim_end_matches([',', ';', '.']).len());
    (name, covered)
}

fn clean_code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches(['.', ',', ';', ':', '-', '/'])
        .to_string()
}

fn type_of(type_name: Option<&str>, parts: Option<&codes::CodeParts>) -> Option<DocType> {
    let from_symbol = parts
        .and_then(|p| p.type_code)
        .and_then(vocab::type_by_code);
    let from_name = type_name.and_then(vocab::type_by_name);
    match (from_name, from_symbol) {
        // `Văn bản số 379-CV/VPĐU`: the symbol is more precise than `Văn bản`.
        (Some(n), Some(s)) if n.code == "CV" => Some(s.doc_type()),
        (Some(n), _) => Some(n.doc_type_in(parts.and_then(|p| p.type_code))),
        (None, Some(s)) => Some(s.doc_type()),
        (None, None) => vocab::type_by_code("CV").map(|t| t.doc_type()),
    }
}

/// Where a citation's issuer was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IssuerFrom {
    None,
    /// `… của X` after the code.
    After,
    /// `của X tại …`, `X đã ban hành …` before it.
    Before,
}

/// Only list punctuation between two citations: `A, B`, `A và B`, `A; và
/// số B` (no `;` alone: a new clause of a `Căn cứ` list). A `loose` list
/// also allows `;` and the type name again: `A, Quyết định số B; Quyết
/// định số C`.
fn is_list_gap(text: &str, end: usize, start: usize, loose: bool) -> bool {
    let Some(gap) = text.get(end..start) else {
        return false;
    };
    if gap.len() > 40 {
        return false;
    }
    let g = crate::text::lower(&collapse_ws(gap));
    let seps: &[char] = if loose { &[',', ';'] } else { &[','] };
    let g = g.trim().trim_start_matches(seps).trim();
    let g = g.strip_prefix("và").unwrap_or(g).trim();
    // The type names lower-cased, made once.
    static LOWER_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
        vocab::all_type_names()
            .iter()
            .map(|n| crate::text::lower(n))
            .collect()
    });
    let g = match loose {
        true => LOWER_NAMES
            .iter()
            .find_map(|n| g.strip_prefix(n.as_str()))
            .unwrap_or(g)
            .trim(),
        false => g,
    };
    let g = g.strip_prefix("số").unwrap_or(g).trim();
    g.is_empty()
}

/// The next item of a list whose head named the issuer: within the same
/// sentence, after `;` (or `,`/`và`), the item starting with `số`.
fn continues_headed_list(text: &str, end: usize, start: usize) -> bool {
    let Some(gap) = text.get(end..start) else {
        return false;
    };
    if gap.len() > 600 || gap.contains("\n\n") || gap.contains(". ") || gap.contains(".\n") {
        return false;
    }
    let g = collapse_ws(gap);
    let g = g.trim_end();
    let Some(g) = g.strip_suffix("số") else {
        return false;
    };
    let g = g.trim_end();
    let g = g.strip_suffix("và").unwrap_or(g).trim_end();
    g.ends_with([';', ','])
}

/// Two codes whose symbols name the same issuing body part
/// (`32/2018/TT-BGDĐT` and `16/2006/QĐ-BGDĐT`).
fn same_body_code(a: Option<&str>, b: Option<&str>) -> bool {
    let body = |c: &str| -> Option<String> {
        let p = codes::split(c)?;
        let mut parts = p.symbol.split(['-', '/']);
        let first = parts.next()?;
        let org = if p.type_code.is_some() {
            parts.next()?
        } else {
            first
        };
        Some(crate::text::fold(org).to_uppercase())
    };
    match (a.and_then(body), b.and_then(body)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

#[derive(Debug, Default)]
struct Attrs {
    date: Option<String>,
    issuer: Option<String>,
    about: Option<String>,
    relation: Relation,
    end: usize,
}

/// Read the date, issuer and about phrase after a citation and the verb
/// before it.
static RE_PLACE_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\n[ \t]*(?:\p{Lu}[\p{L}.]*[ \t]+){0,4}\p{Lu}[\p{L}]*,[ \t]*ngày[\s._…\d]*tháng")
        .unwrap()
});

fn attributes(text: &str, start: usize, code_end: usize, joint: bool) -> Attrs {
    let mut a = Attrs {
        end: code_end,
        ..Default::default()
    };
    let win_end = crate::text::floor_boundary(text, code_end + 400);
    // Newlines are soft wraps here; same byte length keeps offsets valid.
    let mut win_end = win_end;
    for stop in ["\n\n", "\nKính gửi", "\nNơi nhận"] {
        if let Some(p) = text[code_end..win_end].find(stop) {
            win_end = code_end + p;
        }
    }
    // (Indented too: `… của Bộ Chính trị` ⏎ `          Kính gửi:`.)
    if let Some(p) = text[code_end..win_end]
        .match_indices('\n')
        .find_map(|(p, _)| {
            let next = text[code_end + p + 1..win_end].trim_start_matches([' ', '\t']);
            (next.starts_with("Kính gửi") || next.starts_with("Nơi nhận")).then_some(p)
        })
    {
        win_end = code_end + p;
    }
    // A place-and-date line of a flattened header (`Hải Phòng, ngày … năm`)
    // is not part of the cited title.
    let w = &text[code_end..win_end];
    if w.contains("ngày") && w.contains('\n') {
        if let Some(m) = RE_PLACE_DATE_LINE.find(w) {
            win_end = code_end + m.start();
        }
    }
    let win = text[code_end..win_end].replace('\n', " ");
    let mut pos = 0;
    for _ in 0..3 {
        let rest = &win[pos..];
        let trimmed = rest.trim_start_matches([' ', ',']);
        let skip = rest.len() - trimmed.len();
        // Only prefixes of at most 8 characters are compared below.
        let head_end = trimmed
            .char_indices()
            .nth(16)
            .map_or(trimmed.len(), |(i, _)| i);
        let lower = crate::text::lower(&trimmed[..head_end]);
        // `Kế hoạch số 45/KH-UBND (ngày 10/02/2025) của …`: the date in
        // parentheses.
        if lower.starts_with("(ngày") && a.date.is_none() {
            let after = &trimmed["(ngày".len()..];
            if let Some((d, n)) = dates::date_at_start(after) {
                let close = after[n..].trim_start();
                if let Some(c) = close.strip_prefix(')') {
                    a.date = d.iso();
                    pos += skip + "(ngày".len() + (after.len() - c.len());
                    continue;
                }
            }
            break;
        }
        if lower.starts_with("ngày") && a.date.is_none() {
            let after = &trimmed["ngày".len()..];
            if let Some((d, n)) = dates::date_at_start(after) {
                a.date = d.iso();
                pos += skip + "ngày".len() + n;
                continue;
            }
            // A mistyped date (`ngày 08/6/20210`) is passed over: what
            // follows it (`của Chính phủ`) still belongs to the citation.
            let t = after.trim_start();
            let n = t
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '.' | '-')))
                .unwrap_or(t.len());
            if n >= 6 && t[..n].contains('/') {
                pos += skip + "ngày".len() + (after.len() - t.len()) + n;
                continue;
            }
            break;
        }
        if (lower.starts_with("của ") || lower.starts_with("do ")) && a.issuer.is_none() {
            let w = if lower.starts_with("của ") {
                "của ".len()
            } else {
                "do ".len()
            };
            let body = &trimmed[w..];
            let (iss, n) = issuer_at(body, joint);
            if let Some(iss) = iss {
                a.issuer = Some(crate::vocab::canonical_name(&iss));
                pos += skip + w + n;
                // `(khóa XIV)` after the issuer.
                let r = &win[pos..];
                if r.trim_start().starts_with('(') {
                    if let Some(close) = r.find(')') {
                        if close < 40 {
                            pos += close + 1;
                        }
                    }
                }
                continue;
            }
            break;
        }
        if (lower.starts_with("về ") || lower.starts_with("v/v ")) && a.about.is_none() {
            let w = if lower.starts_with("về việc ") {
                "về việc ".len()
            } else if lower.starts_with("v/v ") {
                4
            } else {
                "về ".len()
            };
            let body = &trimmed[w..];
            let n = about_len(body);
            if n > 0 {
                a.about = Some(collapse_ws(&body[..n]));
                pos += skip + w + n;
            }
            break;
        }
        break;
    }
    a.end = code_end + pos.min(win.len());
    a.relation = relation_before(text, start);
    // `(gửi kèm)` closing the clause that this citation heads.
    let clause_end = win[pos..]
        .find([';', '.'])
        .map(|p| pos + p)
        .unwrap_or(win.len());
    let clause = key(&win[pos..clause_end]);
    if (clause.contains("(gửi kèm")
        || clause.contains("(kèm theo")
        || clause.contains("văn bản gửi kèm"))
        && !RE_TYPED.is_match(&win[pos..clause_end])
    {
        a.relation = Relation::Attached;
    }
    a
}

/// An issuer name at the start of `s`; returns it and the bytes consumed.
/// `joint`: the cited document is issued jointly (`Thông tư liên tịch`):
/// `… và Bộ …` goes on with the next body.
fn issuer_at(s: &str, joint: bool) -> (Option<String>, usize) {
    let first = s.chars().next();
    if !first.is_some_and(|c| c.is_uppercase()) {
        return (None, 0);
    }
    // The first stop: punctuation or a stop phrase.
    let mut end = s.len().min(200);
    end = crate::text::floor_boundary(s, end);
    for (i, c) in s.char_indices() {
        if i >= end {
            break;
        }
        if matches!(c, ';' | ':' | '(' | ')' | '.' | '"' | '“' | '”') {
            end = i;
            break;
        }
        if c == ',' {
            // `Bộ Văn hóa, Thể thao và Du lịch`: a comma inside a ministry name.
            let head = &s[..i];
            let next = s[i + 1..].trim_start();
            let continues = (head.starts_with("Bộ ") || head.starts_with("Sở "))
                && next.chars().next().is_some_and(|c| c.is_uppercase())
                && !next.starts_with("Bộ ")
                && !next.starts_with("Sở ")
                && vocab::all_type_names().iter().all(|n| !next.starts_with(n))
                && next
                    .split([',', ';'])
                    .next()
                    .is_some_and(|seg| seg.contains(" và "));
            if !continues {
                end = i;
                break;
            }
        }
    }
    // Stops are lower-case running-text words: compare case-sensitively so
    // that `Ban Chỉ đạo` is not cut at `chỉ đạo`. A name written in
    // capitals (`THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC …`) is compared lower-cased
    // (same byte offsets: the fast lowercase keeps lengths).
    let all_caps = !s[..end].chars().any(char::is_lowercase);
    let lowered;
    let hay = if all_caps {
        lowered = crate::text::lower(&s[..end]);
        if lowered.len() == end {
            lowered.as_str()
        } else {
            &s[..end]
        }
    } else {
        &s[..end]
    };
    let mut search = 0;
    while let Some(m) = ISSUER_STOP_FINDER.find(&hay[search..]) {
        let (at, stop_end) = (search + m.start(), search + m.end());
        // `Tổ Công tác triển khai Đề án 06`, `Ban Chỉ đạo thực hiện Nghị
        // quyết 57`: a committee named by the task it carries out.
        let committee = COMMITTEE_HEADS.iter().any(|h| s.starts_with(h))
            && matches!(&hay[at..stop_end], " triển khai" | " thực hiện")
            && hay[stop_end..]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase());
        if !committee {
            end = at;
            break;
        }
        search = stop_end;
    }
    end = match known_body_end(&s[..end]) {
        // `của Bộ Tài chính và Bộ Khoa học và Công nghệ`: a joint issuer
        // goes on past the first known body.
        Some(k) if joint && s[k..end].starts_with(" và ") => end,
        Some(k) => k,
        None => end,
    };
    // ` và ` ends the name unless a capitalised word (not a kind) follows.
    let lower = crate::text::lower(&s[..end]);
    let mut from = 0;
    while let Some(p) = lower[from..crate::text::floor_boundary(&lower, end)].find(" và ") {
        let at = from + p;
        let next = s[at + " và ".len()..].trim_start();
        let cont = next.chars().next().is_some_and(|c| c.is_uppercase())
            && vocab::all_type_names().iter().all(|n| !next.starts_with(n))
            && (joint || !next.starts_with("UBND"))
            && (joint || !next.starts_with("Ủy ban"))
            && (joint || !next.starts_with("Bộ "));
        if !cont {
            end = at;
            break;
        }
        from = at + " và ".len();
    }
    let name = collapse_ws(&s[..end]);
    let mut name = name.trim_end_matches([',', ' ', '-']).to_string();
    // `… thành phố Hà Nội và ban hành …`: a connector left before a stop.
    while let Some(n) = [" và", " của", " các"]
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .map(|n| n.trim_end_matches([',', ' ', '-']).to_string())
    {
        name = n;
    }
    if name.is_empty() || name.split_whitespace().count() > 14 {
        return (None, 0);
    }
    let name = if all_caps {
        crate::extract::header::proper_case(&name)
    } else {
        name
    };
    (Some(name), end)
}

/// Whole names of national and Party bodies: an issuer that starts with one
/// ends with it when running text follows (`Bộ Chính trị tiếp tục …`,
/// `Chính phủ nghị định về …`).
fn known_body_end(s: &str) -> Option<usize> {
    static NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut v: Vec<String> = vocab::national::all_bodies()
            .chain(vocab::national::PARTY_BODIES.iter().copied())
            .map(crate::text::lower)
            .collect();
        // Longest first: `Văn phòng Chính phủ` before `Chính phủ`.
        v.sort_by_key(|n| std::cmp::Reverse(n.len()));
        v
    });
    let lower = crate::text::lower(s);
    if lower.len() != s.len() {
        return None;
    }
    let n = NAMES.iter().find(|n| lower.starts_with(n.as_str()))?;
    let rest = &s[n.len()..];
    let next = rest.strip_prefix(' ')?;
    (next.starts_with(|c: char| c.is_lowercase()) && !next.starts_with("khóa")).then_some(n.len())
}

/// The longest body name told before a citation, in chars (checked after
/// the match: a bounded repetition would make the regexes large).
const ORG_MAX: usize = 120;

static RE_ISSUER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:của|và)\s+(?P<org>\p{Lu}[^;:.()]*?)\s*(?:tại|\()\s*$").unwrap()
});

/// `Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban
/// hành Công văn số …` (`đã` may be left out after the date: `Ngày
/// 10/3/2025, Bộ Tư pháp ban hành …`): the body (and date) told before the
/// citation.
static RE_ISSUED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:ngày)\s+(?P<date>[\d/.\-]+|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,?\s+(?P<org>\p{Lu}[^;:.()]*?)\s+(?:đã\s+)?(?:ban hành|có|ký|gửi)\s*$",
    )
    .unwrap()
});

/// `… đã ban hành` (or `đã có`, `đã ký`, `đã gửi`) closing the text before
/// a citation.
static RE_ISSUING_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+đã\s+(?:ban hành|có|ký|gửi)\s*$").unwrap());

/// A list headed by its issuer: `các Quyết định của Thủ tướng Chính phủ số
/// …, số …`, `Các Quyết định của Thủ tướng Chính phủ phê duyệt, cụ thể: số
/// …`.
static RE_LIST_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let names = type_names_pattern();
    Regex::new(&format!(
        r"(?i:các|những)?\s*(?i:{names})\s+của\s+(?P<org>\p{{Lu}}[^;:.()\n]*?)(?:\s+(?:đã\s+)?(?:phê duyệt|ban hành)(?:\s*,?\s*cụ thể)?)?\s*[:,]?\s*(?:số)?\s*$"
    ))
    .unwrap()
});

fn list_head_issuer(before: &str) -> Option<String> {
    let before = collapse_ws(before);
    let org = RE_LIST_HEAD.captures(&before)?.name("org")?.as_str().trim();
    if org.chars().count() > ORG_MAX {
        return None;
    }
    whole_issuer(org, true).map(|name| crate::vocab::canonical_name(&name))
}

/// `org` read whole as an issuer's name (`Bộ X quy định tại` is not one): a
/// body, or a person (`Bí thư Đảng ủy`, `Giám đốc Sở …`) where `person_ok`.
fn whole_issuer(org: &str, person_ok: bool) -> Option<String> {
    let org = collapse_ws(org);
    let l = crate::text::lower(&org);
    let person = vocab::SIGNER_POSTS.iter().any(|p| l.starts_with(p));
    let ok = if person {
        person_ok
    } else {
        crate::extract::assignees::starts_with_org(&org, false)
    };
    if !ok {
        return None;
    }
    let (name, used) = issuer_at(&org, false);
    (used + 1 >= org.len()).then_some(name).flatten()
}

/// The issuer (and date) named before a citation:
/// - `chỉ đạo của Ủy ban nhân dân thành phố tại Văn bản số …` (bodies; a
///   person only after `đề nghị của`: `Theo đề nghị của Giám đốc Sở Nội vụ
///   tại Tờ trình số …`, who signs the Tờ trình),
/// - `báo cáo của Tổng công ty Bưu điện Việt Nam (Công văn số …)`,
/// - `ngày 16/8/2018 Bộ Lao động - Thương binh và Xã hội đã có Công văn số …`.
fn issuer_before(text: &str, start: usize) -> (Option<String>, Option<String>) {
    let from = crate::text::floor_boundary(text, start.saturating_sub(200));
    let tail = text[from..start].trim_end();
    let by_tai = tail.ends_with("tại") || tail.ends_with('(');
    let by_verb = ["ban hành", "có", "ký", "gửi"]
        .iter()
        .any(|v| tail.ends_with(v))
        && (tail.contains("đã") || tail.contains("gày"));
    if !by_tai && !by_verb {
        return (list_head_issuer(&text[from..start]), None);
    }
    let before = text[from..start].replace('\n', " ");
    if by_tai {
        if let Some(c) = RE_ISSUER_BEFORE.captures(&before) {
            let org = c.name("org").map_or("", |m| m.as_str());
            let head = &before[..c.get(0).map_or(0, |m| m.start())];
            let person_ok = {
                let h = crate::text::lower(head);
                let h = h.trim_end();
                h.ends_with("đề nghị") || (h.contains("đề nghị của") && !h.contains(';'))
            };
            // The last `của`/`và` that starts a whole name wins: `… của X
            // của Y tại`, `của X tại Tờ trình số … và Y tại`; `Bộ Văn hóa,
            // Thể thao và Du lịch tại` stays whole.
            let mut cands = vec![org];
            for sep in [" của ", " và "] {
                cands.extend(org.match_indices(sep).map(|(i, _)| &org[i + sep.len()..]));
            }
            cands.sort_by_key(|c| c.len());
            let found = cands
                .iter()
                .filter(|c| !c.contains(" tại "))
                .find_map(|c| whole_issuer(c, person_ok));
            if found.is_some() {
                return (found, None);
            }
        }
        {
            // `báo cáo của Tổng công ty … về việc … (Công văn số …)`.
            if tail.ends_with('(') {
                if let Some(p) = before.rfind("của ") {
                    let body = &before[p + "của ".len()..];
                    let (name, _) = issuer_at(body, false);
                    if let Some(name) = name.filter(|n| {
                        crate::extract::assignees::starts_with_org(n, false)
                            && !body.contains([';', '.'])
                    }) {
                        return (Some(name), None);
                    }
                }
            }
        }
        return (None, None);
    }
    let Some(c) = RE_ISSUED_BEFORE.captures(&before) else {
        if !tail.contains("đã") {
            return (None, None);
        }
        // `(…), Thủ tướng Chính phủ đã ban hành Công điện số …`: the body
        // that opens the clause.
        let head = RE_ISSUING_VERB.replace(&before, "");
        let head = head.trim_end();
        let cands = head
            .char_indices()
            .filter(|&(_, c)| matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '|'))
            .map(|(i, c)| &head[i + c.len_utf8()..])
            .rev()
            .take(3);
        for c in cands {
            let c = c.trim();
            if c.chars().count() <= ORG_MAX && c.starts_with(char::is_uppercase) {
                if let Some(name) = whole_issuer(c, true) {
                    return (Some(name), None);
                }
            }
        }
        return (None, None);
    };
    let org = c.name("org").map_or("", |m| m.as_str());
    if org.chars().count() > ORG_MAX {
        return (None, None);
    }
    let date = c
        .name("date")
        .and_then(|d| dates::date_at_start(d.as_str()))
        .and_then(|(d, _)| d.iso());
    match whole_issuer(org, true) {
        Some(name) => (Some(name), date),
        None => (None, None),
    }
}

/// Length of an `về …` phrase: up to the end of the clause or the next
/// citation.
fn about_len(s: &str) -> usize {
    let mut end = crate::text::floor_boundary(s, s.len().min(300));
    for (i, c) in s.char_indices() {
        if i >= end {
            break;
        }
        if matches!(c, ';' | '(' | ')' | ':')
            || (c == '.' && (s[i + 1..].starts_with([' ', '\n']) || i + 1 == s.len()))
        {
            end = i;
            break;
        }
        // `…về việc báo cáo kết quả, Ủy ban nhân dân huyện báo cáo như sau`:
        // a body named after a comma starts the main clause.
        if c == ',' {
            let next = s[i + 1..].trim_start();
            if next.starts_with(|c: char| c.is_uppercase())
                && crate::extract::assignees::starts_with_org(next, false)
            {
                end = i;
                break;
            }
            // `… về đầu tư theo hình thức đối tác công tư, báo cáo Thủ tướng
            // Chính phủ trước ngày 15/7/2016`, `…, phấn đấu năm 2019 giảm
            // 10%`: a clause that sets a time or a goal is this document's.
            let clause = &next[..next.find([',', ';', '.']).unwrap_or(next.len())];
            let clause = crate::text::lower(&clause[..crate::text::floor_boundary(clause, 200)]);
            // (A title may strive too: `về việc …, phấn đấu hoàn thành nhiệm
            // vụ …`; a goal of this document has its figure.)
            let sets = if clause.contains("phấn đấu") {
                clause.contains('%')
            } else {
                clause.bytes().any(|b| b.is_ascii_digit())
                    && vocab::ABOUT_BREAKS.iter().any(|w| clause.contains(w))
            };
            if sets {
                end = i;
                break;
            }
        }
    }
    // A citation has digits.
    let cited = s.as_bytes()[..end].iter().any(u8::is_ascii_digit);
    if let Some(m) = cited.then(|| RE_TYPED.find(&s[..end])).flatten() {
        // Cut before `, Chương trình hành động số …` / `và Kế hoạch số …`.
        let head = s[..m.start()].trim_end();
        let head = head
            .strip_suffix(" và")
            .or(head.strip_suffix(','))
            .unwrap_or(head);
        end = head.len();
    }
    s[..end].trim_end_matches([',', ' ']).len()
}

/// The verb that governs a citation: the nearest verb of the table in the
/// same clause before it.
/// The relation of a citation that continues a list after the previous one
/// (only `;`, `,`, `và` between them) is the list's relation when its own
/// clause names none.
fn listed_relation(
    text: &str,
    prev: Option<(usize, Relation)>,
    start: usize,
    own: Relation,
) -> Relation {
    let Some((end, rel)) = prev else { return own };
    if own != Relation::Mentions || rel == Relation::Mentions || end > start {
        return own;
    }
    let gap = text.get(end..start).unwrap_or("x");
    let gap = gap.replace("và", "");
    if gap
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ';' | ','))
    {
        rel
    } else {
        own
    }
}

/// [`RELATION_VERBS`] as comparison keys, computed once.
static RELATION_VERB_KEYS: LazyLock<Vec<(String, Relation)>> =
    LazyLock::new(|| RELATION_VERBS.iter().map(|(v, r)| (key(v), *r)).collect());
/// Every occurrence of any verb key in one pass.
static RELATION_VERB_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(RELATION_VERB_KEYS.iter().map(|(v, _)| v.as_str()))
        .expect("relation verb automaton")
});

fn relation_before(text: &str, start: usize) -> Relation {
    let from = crate::text::floor_boundary(text, start.saturating_sub(200));
    let before = &text[from..start];
    let clause_start = before.rfind([';', '.', ':']).map(|p| p + 1).unwrap_or(0);
    let clause = key(&before[clause_start..].replace('\n', " "));
    // (end of the verb, its length, relation): the nearest verb wins, and
    // at the same end the longer one (`kèm theo` over `theo`).
    let mut best: Option<(usize, usize, Relation)> = None;
    for m in RELATION_VERB_FINDER.find_overlapping_iter(clause.as_str()) {
        let (at, end) = (m.start(), m.end());
        let len = end - at;
        let bounded = (at == 0 || clause[..at].ends_with(' '))
            && (end == clause.len() || clause[end..].starts_with(' '));
        if bounded && best.is_none_or(|(b, l, _)| end > b || end == b && len > l) {
            best = Some((end, len, RELATION_VERB_KEYS[m.pattern().as_usize()].1));
        }
    }
    best.map(|(_, _, r)| r).unwrap_or(Relation::Mentions)
}

fn merge(r: &mut Reference, a: &Attrs, mention: Span) {
    if r.date.is_none() {
        r.date = a.date.clone();
    }
    if r.issuer.is_none() {
        r.issuer = a.issuer.clone();
    }
    if r.about.is_none() {
        r.about = a.about.clone();
    }
    if r.relation == Relation::Mentions {
        r.relation = a.relation;
    }
    r.mentions.push(mention);
}

/// Short mentions (`Nghị quyết 71`) join the entry with the same kind and
/// number; an ambiguous one gets a warning; an unknown one a code-less entry.
fn resolve_shorts(
    text: &str,
    shorts: Vec<(Found, Span)>,
    refs: &mut Vec<Reference>,
) -> Vec<String> {
    let mut warnings = Vec::new();
    // `các Nghị quyết số 12, 13, 14/NQ-HĐND ngày …`: a number no other entry
    // has shares the symbol (and year, date, issuer) of the code after it;
    // read from the last, so each finds the one after it made.
    let mut shared = vec![false; shorts.len()];
    for (i, (f, span)) in shorts.iter().enumerate().rev() {
        let Some(t) = f.type_name.as_deref().and_then(vocab::type_by_name) else {
            continue;
        };
        let seq = f.seq.clone().unwrap_or_default();
        let taken = refs.iter().any(|r| {
            r.seq.as_deref().map(|s| s.trim_start_matches('0')) == Some(seq.trim_start_matches('0'))
                && r.doc_type.as_ref().is_some_and(|d| d.code == t.code)
        });
        if taken {
            continue;
        }
        let listed = shared_symbol(text, *span, &seq, t.code, refs);
        if !listed.is_empty() {
            refs.extend(listed);
            shared[i] = true;
        }
    }
    for (i, (f, span)) in shorts.into_iter().enumerate() {
        if shared[i] {
            continue;
        }
        let Some(t) = f.type_name.as_deref().and_then(vocab::type_by_name) else {
            continue;
        };
        let seq = f.seq.clone().unwrap_or_default();
        let n = seq.trim_start_matches('0');
        let cands: Vec<usize> = refs
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.doc_type
                    .as_ref()
                    .is_some_and(|d| d.code == t.code || t.code == "CV")
                    && r.seq.as_deref().map(|s| s.trim_start_matches('0')) == Some(n)
            })
            .map(|(i, _)| i)
            .collect();
        match cands.len() {
            1 => refs[cands[0]].mentions.push(span),
            0 => {
                if refs.iter().any(|r| {
                    r.code.is_none()
                        && r.seq.as_deref() == Some(seq.as_str())
                        && r.doc_type.as_ref().map(|d| d.code.as_str()) == Some(t.code)
                }) {
                    continue;
                }
                refs.push(Reference {
                    code: None,
                    doc_type: Some(t.doc_type()),
                    seq: Some(seq.clone()),
                    year: None,
                    symbol: None,
                    date: None,
                    issuer: None,
                    symbol_issuer: None,
                    about: None,
                    relation: relation_before(text, span.start),
                    text: text[span.start..span.end].to_string(),
                    span,
                    key: None,
                    mentions: vec![span],
                });
            }
            _ => {
                let codes: Vec<String> =
                    cands.iter().filter_map(|&i| refs[i].code.clone()).collect();
                warnings.push(format!(
                    "ambiguous citation '{}' at byte {}: could be {}",
                    collapse_ws(&text[span.start..span.end]),
                    span.start,
                    codes.join(" or ")
                ));
            }
        }
    }
    refs.sort_by_key(|r| r.span.start);
    warnings
}

/// Numbers listed before a full code of the same kind (`số 12, 13,
/// 14/NQ-HĐND`, `số 12 và 13/2025/NQ-HĐND`): those documents, each with
/// the code's symbol, year, date and issuer; `span` is the first one's
/// citation (`Nghị quyết số 12`), the others are their numbers.
fn shared_symbol(
    text: &str,
    span: Span,
    seq: &str,
    kind: &str,
    refs: &[Reference],
) -> Vec<Reference> {
    let mut listed = vec![(span, seq.to_string())];
    let mut at = span.end;
    let next = loop {
        let rest = &text[at..];
        let t = rest.trim_start_matches([' ', ',']);
        let commas = rest[..rest.len() - t.len()].contains(',');
        let (t, joined) = match t.strip_prefix("và ") {
            Some(r) => (r.trim_start_matches(' '), true),
            None => (t, commas),
        };
        if !joined {
            return Vec::new();
        }
        at = text.len() - t.len();
        if let Some(r) = refs.iter().find(|r| {
            (r.span.start == at || r.mentions.first().is_some_and(|m| m.start == at))
                && r.code.is_some()
                && r.doc_type.as_ref().is_some_and(|d| d.code == kind)
        }) {
            break r;
        }
        // Another number of the list (`13,`), at most a few.
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 6 || listed.len() > 20 || !t[digits..].starts_with([',', ' ']) {
            return Vec::new();
        }
        listed.push((
            Span {
                start: at,
                end: at + digits,
            },
            t[..digits].to_string(),
        ));
        at += digits;
    };
    let (Some(symbol), Some(code), Some(nseq)) = (&next.symbol, &next.code, &next.seq) else {
        return Vec::new();
    };
    let Some(sep) = code.get(nseq.len()..).and_then(|c| c.get(..1)) else {
        return Vec::new();
    };
    listed
        .into_iter()
        .map(|(span, seq)| {
            let code = match next.year {
                Some(y) => format!("{seq}/{y}/{symbol}"),
                None => format!("{seq}{sep}{symbol}"),
            };
            Reference {
                key: Some(codes::canonical(&code)),
                code: Some(code),
                seq: Some(seq),
                text: text[span.start..span.end].to_string(),
                span,
                mentions: vec![span],
                ..next.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        /// The windowed search finds what `find_iter` finds over the whole
        /// text, for both code patterns.
        #[test]
        fn code_windows_as_the_whole_text(
            s in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Nghị quyết", "QUYẾT ĐỊNH", "Quyết định", "Kế hoạch hành động", "số", "số:", ":",
                    "12", "2019", "5a", "7đ", "123456", "/", "-", " / ", "NQ", "TW", "CP", "ĐU", "Tg",
                    "BGDĐT", " ", "\n", "\n\n", "\t", "&", ",", ".", "(", ")", "hành động", "của",
                    "\u{663}", "\u{216B}", "x", "ngày", "ĐẢNG", "\u{3000}", "12/NQ-CP", "-C&P",
                    "&TW", "5 - KH/TU", "2019/NĐ-CP", "số 7/", "/ 2020 /", "22/7/2019",
                    "2021-2025", "19", "20", "1999", "\u{663}\u{664}", "\u{1C5}", "Ư",
                    "20\u{663}4 / QH",
                    ".IV", ".A", ".Ab", ".IV\u{301}", ".\u{663}", "C.IV", "IVXLCD",
                ]),
                0..16,
            )
        ) {
            let s: String = s.concat();
            for (re, back) in [(&*RE_TYPED, *TYPED_BACK), (&*RE_BARE, BARE_BACK)] {
                let whole: Vec<Range<usize>> = re.find_iter(&s).map(|m| m.range()).collect();
                let windows: Vec<Range<usize>> =
                    code_matches(re, &s, back).into_iter().map(|m| m.range()).collect();
                proptest::prop_assert_eq!(windows, whole);
            }
        }
    }

    /// The law pattern as one regex, as it was before it was read in steps.
    static RE_LAW_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:Bộ luật|Luật|Hiến pháp)(?:\s+(?:(?i:sửa đổi,?\s+bổ sung một số điều của)\s+(?:các\s+)?Luật\s+)?\p{{Lu}}[\p{{L}}]*(?:{LAW_WORD}){{0,{LAW_WORDS}}})?"
        ))
        .unwrap()
    });

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        /// Reading a law's name word by word finds what the one pattern
        /// finds, from every start.
        #[test]
        fn law_names_in_steps_as_one_pattern(
            s in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Luật", "Bộ luật", "Hiến pháp", "luật", "sửa đổi, bổ sung một số điều của",
                    "Sửa đổi, bổ sung một số điều của", "sửa đổi bổ sung một số điều của", "các",
                    "Đất", "đai", "Giáo", "dục", "ABC", "AB", "A", "AB1", "ĐT", "Xy", "xY", "\u{216B}",
                    "\u{24B6}", "\u{1C5}", "ª", "a\u{301}", "_", "1", "2019", ",", ".", ":", " ", " ",
                    "\n", "\t", "\u{3000}", "\u{A0}", "năm", "số", "và", "Σύνταγμα", "ǅ",
                    " a b c d e f g", " Đất Đai Đất Đai Đất", " ABC DEF GHI", " x\n y\t z",
                ]),
                0..32,
            ),
            from in 0usize..40,
        ) {
            let s: String = s.concat();
            let at = crate::text::floor_boundary(&s, from);
            let whole = RE_LAW_WHOLE.find_at(&s, at).map(|m| m.range());
            proptest::prop_assert_eq!(law_at(&s, at), whole);
        }
    }

    fn refs(t: &str) -> Vec<Reference> {
        crate::extract::extract(&crate::normalize::normalize(t)).references
    }

    #[test]
    fn about_ends_before_this_documents_own_time_or_goal() {
        let d = crate::parse_str("2. Giao Bộ Giao thông vận tải rà soát phương án tài chính theo quy định tại Nghị định số 15/2015/NĐ-CP ngày 14/02/2015 của Chính phủ về đầu tư theo hình thức đối tác công tư, báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 7 năm 2016.\n", "a.txt");
        assert_eq!(
            d.references[0].about.as_deref(),
            Some("đầu tư theo hình thức đối tác công tư")
        );
        let days: Vec<_> = d
            .deadlines
            .iter()
            .chain(d.directives.iter().flat_map(|x| x.deadlines.iter()))
            .filter_map(|x| x.date.clone())
            .collect();
        assert_eq!(days, vec!["2016-07-15"]);
        // A cited title that strives, without a figure, stays whole.
        let r = refs("Thực hiện Công văn số 3430/BVHTTDL-VP về việc tập trung nguồn lực, phấn đấu hoàn thành nhiệm vụ trọng tâm năm 2025 về chuyển đổi số.");
        assert_eq!(
            r[0].about.as_deref(),
            Some("tập trung nguồn lực, phấn đấu hoàn thành nhiệm vụ trọng tâm năm 2025 về chuyển đổi số")
        );
    }

    #[test]
    fn a_symbol_ending_in_a_dot_and_capitals() {
        let r = refs("Căn cứ Quyết định số 12/QĐ-UBND.Căn cứ Công văn số 1725/TTCP-C.IV ngày 2/3/2016; Văn bản số 7/BCA-C.A của Bộ Công an; số 8/UBND-VP. Theo 9/UBND-VP.");
        let codes: Vec<_> = r.iter().filter_map(|x| x.code.clone()).collect();
        assert_eq!(
            codes,
            vec![
                "12/QĐ-UBND",
                "1725/TTCP-C.IV",
                "7/BCA-C.A",
                "8/UBND-VP",
                "9/UBND-VP"
            ]
        );
    }

    #[test]
    fn numbers_listed_before_one_symbol() {
        let r = refs("Căn cứ các Nghị quyết số 12, 13, 14/NQ-HĐND ngày 10 tháng 12 năm 2025 của Hội đồng nhân dân tỉnh; Quyết định số 5 và 6/2024/QĐ-UBND ngày 1/2/2024 của UBND tỉnh; Công văn số 7, ngày 3/4/2024 của Sở Y tế.");
        let got: Vec<_> = r
            .iter()
            .map(|x| (x.code.clone(), x.date.clone(), x.issuer.clone()))
            .collect();
        let want = |c: &str, d: &str, i: &str| (Some(c.into()), Some(d.into()), Some(i.into()));
        assert_eq!(
            got[..5],
            [
                want("12/NQ-HĐND", "2025-12-10", "Hội đồng nhân dân tỉnh"),
                want("13/NQ-HĐND", "2025-12-10", "Hội đồng nhân dân tỉnh"),
                want("14/NQ-HĐND", "2025-12-10", "Hội đồng nhân dân tỉnh"),
                want("5/2024/QĐ-UBND", "2024-02-01", "UBND tỉnh"),
                want("6/2024/QĐ-UBND", "2024-02-01", "UBND tỉnh"),
            ]
        );
        // A number followed by its date shares nothing.
        assert_eq!(r[5].code, None);
        assert_eq!(r[3].key.as_deref(), Some("5/2024/QD-UBND")); // Four-digit numbers that are no years.
        let r = refs("Thực hiện Quyết định số 1546, 1547/QĐ-UBND ngày 25/9/2020 của UBND tỉnh; Chương trình 2018 của Bộ.");
        let codes: Vec<_> = r.iter().map(|x| x.code.clone()).collect();
        assert_eq!(
            codes,
            [Some("1546/QĐ-UBND".into()), Some("1547/QĐ-UBND".into())]
        );
    }

    #[test]
    fn file_names_and_the_documents_own_number_are_no_citations() {
        let d = crate::parse_str("File đính kèm: 215-KH-TDTN.pdf\n\nTỈNH ĐOÀN BẮC NINH\nSố: 215-KH/TĐTN-PT\nBắc Ninh, ngày 20 tháng 01 năm 2026\nKẾ HOẠCH\nTháng Thanh niên\nThực hiện Kế hoạch số 95-KH/TWĐTN-PT, Kế hoạch số 215-KH/TĐTN-PT này nêu. Tải về: 7215-BYT-QLD.docx\n", "a.txt");
        let codes: Vec<_> = d.references.iter().filter_map(|r| r.code.clone()).collect();
        assert_eq!(codes, vec!["95-KH/TWĐTN-PT"]);
    }

    #[test]
    fn the_issuer_stops_at_an_indented_addressee_line() {
        let r = refs("V/v chuẩn bị sơ kết 05 năm thực hiện\nChỉ thị số 05-CT/TW của Bộ Chính trị\n                    Kính gửi:   - Các huyện ủy, thành ủy, thị ủy,\n");
        assert_eq!(r[0].issuer.as_deref(), Some("Bộ Chính trị"));
    }

    #[test]
    fn about_stops_at_a_flattened_place_date_line() {
        let r = refs("V/v thực hiện Nghị quyết số 57-NQ/TW ngày\n22/12/2024 của Bộ Chính trị về đột phá\nphát triển khoa học\nHà Nội, ngày      tháng     năm 2025\nKính gửi: Các sở.");
        assert_eq!(r[0].about.as_deref(), Some("đột phá phát triển khoa học"));
        assert!(!r[0].text.contains("Hà Nội"));
    }

    #[test]
    fn laws_named_without_number_keep_their_whole_name() {
        let r = refs("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; Luật Bảo vệ bí mật nhà nước ngày 15/11/2018;");
        let names: Vec<_> = r.iter().filter_map(|r| r.about.as_deref()).collect();
        assert_eq!(
            names,
            vec!["Luật Tổ chức Chính phủ", "Luật Bảo vệ bí mật nhà nước"]
        );
        let r = refs("Căn cứ Luật Sửa đổi bổ sung một số điều của Luật Tổ chức Chính phủ ngày 22 tháng 11 năm 2019; thực hiện Luật Bảo vệ BMNN năm 2018.");
        let names: Vec<_> = r.iter().filter_map(|r| r.about.as_deref()).collect();
        assert_eq!(
            names,
            vec![
                "Luật Sửa đổi bổ sung một số điều của Luật Tổ chức Chính phủ",
                "Luật Bảo vệ BMNN"
            ]
        );
        assert!(r.iter().all(|r| r.code.is_none()));
    }

    #[test]
    fn law_names_hold_the_commas_and_va_of_listed_phrases() {
        let r = refs("Căn cứ Luật Phòng, chống tham nhũng năm 2018; Luật Khoa học và Công nghệ ngày 18 tháng 6 năm 2013; Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ năm 2024; Luật Giáo dục, các văn bản hướng dẫn thi hành; Luật Đất đai và Luật Nhà ở; Luật Cán bộ, công chức và Luật Viên chức;");
        let names: Vec<_> = r.iter().filter_map(|r| r.about.as_deref()).collect();
        assert_eq!(
            names,
            vec![
                "Luật Phòng, chống tham nhũng",
                "Luật Khoa học và Công nghệ",
                "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                "Luật Giáo dục",
                "Luật Đất đai",
                "Luật Nhà ở",
                "Luật Cán bộ, công chức",
                "Luật Viên chức",
            ]
        );
        // The same law named again is the same entry.
        let r = refs("thực hiện Luật Phòng, chống tham nhũng; Luật Phòng, chống tham nhũng năm 2018 quy định");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].mentions.len(), 2);
    }

    #[test]
    fn a_law_named_with_va_and_its_number_is_one_citation() {
        let r = refs("Căn cứ Luật Phí và lệ phí số 97/2015/QH13 ngày 25 tháng 11 năm 2015;");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].code.as_deref(), Some("97/2015/QH13"));
        assert_eq!(r[0].about.as_deref(), Some("Luật Phí và lệ phí"));
        assert_eq!(
            r[0].doc_type.as_ref().map(|t| t.code.as_str()),
            Some("Luật")
        );
    }

    #[test]
    fn a_date_in_parentheses_and_a_body_told_before_without_da() {
        let r = refs("Thực hiện Kế hoạch số 45/KH-UBND (ngày 10/02/2025) của UBND tỉnh về cải cách hành chính.");
        assert_eq!(r[0].date.as_deref(), Some("2025-02-10"));
        assert!(r[0].issuer.is_some());
        let r = refs("Ngày 10/3/2025, Bộ Tư pháp ban hành Công văn số 1102/BTP-KTVB về việc rà soát văn bản.");
        assert_eq!(r[0].date.as_deref(), Some("2025-03-10"));
        assert_eq!(r[0].issuer.as_deref(), Some("Bộ Tư pháp"));
        // Without the date, `đã` is still needed.
        let r = refs("Bộ Tư pháp ban hành Công văn số 1102/BTP-KTVB về việc rà soát văn bản.");
        assert_eq!(r[0].issuer, None);
    }

    #[test]
    fn a_joint_circular_has_a_joint_issuer() {
        let r = refs("Căn cứ Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN ngày 22/4/2015 của Bộ Tài chính và Bộ Khoa học và Công nghệ hướng dẫn định mức.");
        assert_eq!(
            r[0].issuer.as_deref(),
            Some("Bộ Tài chính và Bộ Khoa học và Công nghệ")
        );
        // A document of one body: `và Bộ …` starts another clause.
        let r = refs("Thực hiện Thông tư số 12/2016/TT-BTC ngày 05/5/2016 của Bộ Tài chính và Bộ Nội vụ đã hướng dẫn.");
        assert_eq!(r[0].issuer.as_deref(), Some("Bộ Tài chính"));
    }

    #[test]
    fn the_issuer_ends_before_a_deadline() {
        let r = refs("Các chi bộ báo cáo theo Hướng dẫn số 18-HD/BTCTU ngày 10/11/2025 của Ban Tổ chức Tỉnh ủy chậm nhất ngày 31/12/2025.");
        assert_eq!(r[0].issuer.as_deref(), Some("Ban Tổ chức Tỉnh ủy"));
    }

    #[test]
    fn a_law_name_ends_before_a_place_date_line_or_the_addressees() {
        let r = refs("BỘ TƯ PHÁP\nSố: 215/BTP-PBGDPL\nV/v phổ biến Bộ luật Lao động\nHà Nội, ngày 05 tháng 3 năm 2026\nKính gửi: Các bộ.\nCăn cứ Bộ luật Lao động năm 2019;");
        let names: Vec<_> = r.iter().filter_map(|r| r.about.as_deref()).collect();
        assert_eq!(names, vec!["Bộ luật Lao động"]);
        assert_eq!(r[0].mentions.len(), 2);
        let r = refs("V/v triển khai Luật Đất đai\nKính gửi: Các sở.\nĐề nghị các sở thực hiện.");
        assert_eq!(r[0].about.as_deref(), Some("Luật Đất đai"));
        // A name that wraps goes on.
        let r = refs("Căn cứ Luật Tổ chức\nChính phủ ngày 18 tháng 02 năm 2025;");
        assert_eq!(r[0].about.as_deref(), Some("Luật Tổ chức Chính phủ"));
    }

    #[test]
    fn party_symbols_name_the_kind_their_way() {
        // Party documents write `Quy định` as `QĐ` and `Thông tri` as `TT`.
        let r = refs("Căn cứ Quy định số 66-QĐ/TW ngày 06/02/2017 của Ban Chấp hành Trung ương; Quy định số 12/QyĐ-UBND; Thông tri số 05-TT/TW.");
        let codes: Vec<_> = r
            .iter()
            .map(|r| {
                r.doc_type
                    .as_ref()
                    .map(|t| (t.code.as_str(), t.name.as_str()))
            })
            .collect();
        assert_eq!(
            codes,
            vec![
                Some(("QĐ", "Quy định")),
                Some(("QyĐ", "Quy định")),
                Some(("TT", "Thông tri"))
            ]
        );
    }

    #[test]
    fn about_ends_where_the_main_clause_starts() {
        let r = refs("Thực hiện Công văn số 1520/SNN-VPĐP ngày 02/10/2024 của Sở Nông nghiệp và Phát triển nông thôn về việc báo cáo kết quả thực hiện chương trình, Ủy ban nhân dân huyện báo cáo như sau:");
        assert_eq!(
            r[0].about.as_deref(),
            Some("báo cáo kết quả thực hiện chương trình")
        );
    }

    #[test]
    fn laws_listed_together_are_each_cited() {
        // Two amended laws in one amending law's name; the list shares `Căn cứ`.
        let r = refs("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;");
        let got: Vec<_> = r
            .iter()
            .map(|r| (r.about.as_deref(), r.date.as_deref(), r.relation))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Luật Tổ chức Chính phủ"), Some("2015-06-19"), Relation::Basis),
                (
                    Some("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"),
                    Some("2019-11-22"),
                    Relation::Basis
                ),
            ]
        );
        // `và` between two laws ends the first name; the second is cited too.
        let r = refs("Căn cứ Luật Giáo dục và Luật Giáo dục đại học;");
        let names: Vec<_> = r.iter().filter_map(|r| r.about.as_deref()).collect();
        assert_eq!(names, vec!["Luật Giáo dục", "Luật Giáo dục đại học"]);
        let r = refs("Thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2022;");
        let names: Vec<_> = r.iter().filter_map(|r| r.about.as_deref()).collect();
        assert_eq!(names, vec!["Luật Thực hiện dân chủ ở cơ sở"]);
    }

    #[test]
    fn a_list_after_one_verb_shares_its_relation() {
        let r = refs("Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ về ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Quyết\nđịnh số 1132/QĐ-TTg ngày 09/10/2024 của Thủ tướng Chính phủ, Ủy ban nhân dân thành phố ban hành Kế hoạch. Báo cáo theo mẫu tại Công văn số 12/UBND-VX.");
        let rel: Vec<_> = r
            .iter()
            .map(|r| (r.code.clone().unwrap_or_default(), r.relation))
            .collect();
        assert_eq!(
            rel,
            vec![
                ("57-NQ/TW".to_string(), Relation::Implements),
                ("03/NQ-CP".to_string(), Relation::Implements),
                ("1132/QĐ-TTg".to_string(), Relation::Implements),
                ("12/UBND-VX".to_string(), Relation::Basis),
            ]
        );
        // The type name broken across the line is still the citation's type.
        assert_eq!(r[2].doc_type.as_ref().map(|t| t.code.as_str()), Some("QĐ"));
        assert!(r[2].text.starts_with("Quyết\nđịnh số 1132"));
    }

    #[test]
    fn a_law_named_with_its_number_is_one_citation() {
        let r = refs("Căn cứ Luật Đầu tư công số 39/2019/QH14 ngày 13/6/2019; Ủy ban nhân dân huyện kính trình.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].code.as_deref(), Some("39/2019/QH14"));
        assert_eq!(
            r[0].doc_type.as_ref().map(|t| t.code.as_str()),
            Some("Luật")
        );
        assert_eq!(r[0].about.as_deref(), Some("Luật Đầu tư công"));
        assert_eq!(r[0].date.as_deref(), Some("2019-06-13"));
        assert!(r[0].text.starts_with("Luật Đầu tư công số 39/2019/QH14"));
        assert_eq!(r[0].relation, Relation::Basis);
    }

    #[test]
    fn full_citation() {
        let r = refs("Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo; Sở đề nghị:");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].code.as_deref(), Some("71-NQ/TW"));
        assert_eq!(r[0].doc_type.as_ref().unwrap().code, "NQ");
        assert_eq!(r[0].date.as_deref(), Some("2025-08-22"));
        assert_eq!(r[0].issuer.as_deref(), Some("Bộ Chính trị"));
        assert_eq!(
            r[0].about.as_deref(),
            Some("đột phá phát triển giáo dục và đào tạo")
        );
        assert_eq!(r[0].relation, Relation::Implements);
    }

    #[test]
    fn variants_and_resolution() {
        let r = refs("Căn cứ Kế hoạch số 01 -KH/BCĐ của Ban Chỉ đạo thành phố; Thông tư số 02/2025/TT-BGDĐT ngày 24/01/2025; Công văn số 279-\nCV/VPĐU ngày 20/10/2025 của Văn phòng Đảng ủy về việc x. Theo Kế hoạch 01, làm.");
        let codes: Vec<_> = r
            .iter()
            .map(|r| r.code.clone().unwrap_or_default())
            .collect();
        assert_eq!(codes, vec!["01-KH/BCĐ", "02/2025/TT-BGDĐT", "279-CV/VPĐU"]);
        assert_eq!(r[0].relation, Relation::Basis);
        assert_eq!(r[0].issuer.as_deref(), Some("Ban Chỉ đạo thành phố"));
        assert_eq!(r[0].mentions.len(), 2);
        assert_eq!(r[1].year, Some(2025));
        assert_eq!(r[2].issuer.as_deref(), Some("Văn phòng Đảng ủy"));
    }

    #[test]
    fn committees_and_conveyed_directions() {
        let r = refs("Thực hiện Kế hoạch số 434/KH-TCT ngày 18/7/2025 của Tổ Công tác triển khai Đề án 06; ý kiến chỉ đạo của Thủ tướng Chính phủ (Thông báo số 627/TB-VPCP ngày 18/11/2025); theo đề nghị của Bộ trưởng Bộ Nội vụ tại văn bản số 11344/BNV-CCVC ngày 30/11/2025.");
        let by = |c: &str| {
            r.iter()
                .find(|x| x.code.as_deref() == Some(c))
                .and_then(|x| x.issuer.clone())
        };
        assert_eq!(
            by("434/KH-TCT").as_deref(),
            Some("Tổ Công tác triển khai Đề án 06")
        );
        // The Prime Minister's directions, conveyed by a notice of the
        // Government Office: the text does not say who issued the notice;
        // its symbol does.
        assert_eq!(by("627/TB-VPCP"), None);
        assert_eq!(
            r.iter()
                .find(|x| x.code.as_deref() == Some("627/TB-VPCP"))
                .and_then(|x| x.symbol_issuer.as_deref()),
            Some("Văn phòng Chính phủ")
        );
        assert_eq!(by("11344/BNV-CCVC").as_deref(), Some("Bộ trưởng Bộ Nội vụ"));
    }

    #[test]
    fn issuer_stated_only_symbol_issuer_apart() {
        let r = refs("Căn cứ Nghị quyết số 141/2024/QH15 ngày 29/6/2024 về hoạt động chất vấn; Chỉ thị số 31/CT-TTg ngày 04/9/2024 của Thủ tướng Chính phủ.");
        assert_eq!(r[0].issuer, None);
        assert_eq!(r[0].symbol_issuer.as_deref(), Some("Quốc hội"));
        assert_eq!(r[1].issuer.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(r[1].symbol_issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    }

    #[test]
    fn issuer_of_a_list_head_and_of_a_trailing_list() {
        // The head names the issuer of every item after `;`.
        let r = refs("Các Quyết định của Thủ tướng Chính phủ phê duyệt, cụ thể: số 1341/QĐ-TTg ngày 08/7/2016 phê duyệt đề án Đào tạo tài năng đến năm 2025; số 1437/QĐ-TTg ngày 19/7/2016 về phê duyệt đề án bồi dưỡng ở nước ngoài; số 223/QĐ-TTg ngày 22/02/2022 về đề án thể thao.");
        let iss: Vec<_> = r.iter().map(|x| x.issuer.as_deref()).collect();
        assert_eq!(iss, vec![Some("Thủ tướng Chính phủ"); 3], "{r:?}");
        let r = refs("Thực hiện các Quyết định của Thủ tướng Chính phủ số 142/2008/QĐ-TTg ngày 27/10/2008, số 53/2010/QĐ-TTg ngày 20/8/2010 và số 62/2011/QĐ-TTg ngày 09/11/2011.");
        let iss: Vec<_> = r.iter().map(|x| x.issuer.as_deref()).collect();
        assert_eq!(iss, vec![Some("Thủ tướng Chính phủ"); 3], "{r:?}");
        // The issuer after the last item belongs to all of them.
        let r = refs("Kinh phí trợ cấp theo Quyết định số 290/QĐ-TTg, Quyết định số 59/QĐ-TTg; Quyết định số 40/2011/QĐ-TTg ngày 27/7/2011 của Thủ tướng Chính phủ.");
        let iss: Vec<_> = r.iter().map(|x| x.issuer.as_deref()).collect();
        assert_eq!(iss, vec![Some("Thủ tướng Chính phủ"); 3], "{r:?}");
        // A new sentence ends the list; a body of another symbol is not
        // given the trailing issuer.
        let r = refs("Căn cứ Quyết định số 290/QĐ-TTg. Thông tư số 12/2020/TT-BTC, Quyết định số 40/2011/QĐ-TTg của Thủ tướng Chính phủ.");
        assert_eq!(r[0].issuer, None);
        assert_eq!(r[1].issuer, None);
        assert_eq!(r[2].issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    }

    #[test]
    fn issuer_that_opens_the_clause_and_after_a_mistyped_date() {
        let r = refs("Nhân dịp Quốc khánh (02/9/1945 - 02/9/2025), Thủ tướng Chính phủ đã ban hành Công điện số 158/CĐ-TTg ngày 04/9/2025 chỉ đạo các bộ.");
        assert_eq!(r[0].issuer.as_deref(), Some("Thủ tướng Chính phủ"));
        let r = refs("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/20210 của Chính phủ về kiểm soát thủ tục hành chính.");
        assert_eq!(r[0].issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(r[0].date, None);
    }

    #[test]
    fn issuer_with_va_and_comma() {
        let r = refs("Thực hiện Kế hoạch số 255/KH-BGDĐT của Bộ Giáo dục và Đào tạo và Kế hoạch số 547/KH-UBND của Ủy ban nhân dân thành phố; Công văn số 12/BVHTTDL-VP của Bộ Văn hóa, Thể thao và Du lịch.");
        assert_eq!(r[0].issuer.as_deref(), Some("Bộ Giáo dục và Đào tạo"));
        assert_eq!(r[1].issuer.as_deref(), Some("Ủy ban nhân dân thành phố"));
        assert_eq!(
            r[2].issuer.as_deref(),
            Some("Bộ Văn hóa, Thể thao và Du lịch")
        );
    }

    #[test]
    fn traps_are_not_references() {
        let r = refs("Đạt 8/13 trường = 66,6% trong Quý III/2025; dạy 02 buổi/ngày; giai đoạn 2021-2025; COVID-19 và 5G.");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn bare_codes_and_laws() {
        let r = refs("Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019; các nội dung tại 281/NQ-CP và 02-CTr/TU.");
        assert_eq!(r[0].code, None);
        assert_eq!(r[0].about.as_deref(), Some("Luật Giáo dục"));
        assert_eq!(r[0].relation, Relation::Basis);
        assert_eq!(r[1].code.as_deref(), Some("281/NQ-CP"));
        assert_eq!(r[2].doc_type.as_ref().unwrap().code, "CTr");
    }

    #[test]
    fn anaphora_and_self() {
        let r = refs("Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị; Kế hoạch số 5/KH-UBND của Ủy ban nhân dân tỉnh. Sở quán triệt Nghị quyết nêu trên và triển khai Kế hoạch này.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].mentions.len(), 2);
        assert_eq!(r[1].mentions.len(), 1);
    }

    #[test]
    fn relation_prefers_longer_verb() {
        let r = refs("Phụ lục (ban hành kèm theo Kế hoạch số 08/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân thành phố).");
        assert_eq!(r[0].relation, Relation::Attached);
    }

    #[test]
    fn ambiguous_short_mention_warns() {
        let t = "Căn cứ Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị và Nghị quyết số 71/NQ-CP ngày 01/9/2025 của Chính phủ; triển khai Nghị quyết 71 trong toàn ngành.";
        let doc = crate::extract::extract(&crate::normalize::normalize(t));
        assert_eq!(doc.references.len(), 2);
        assert!(
            doc.warnings.iter().any(|w| w.contains("ambiguous")),
            "{:?}",
            doc.warnings
        );
    }

    #[test]
    fn lookback_issuer_only_for_bodies() {
        let r = refs("Thực hiện chỉ đạo của Ủy ban nhân dân thành phố tại Văn bản số 3824/VP-QH ngày 07/6/2024 về việc x; ý kiến của Bí thư Đảng ủy tại Văn bản số 379-CV/VPĐU ngày 08/11/2025 về việc y.");
        assert_eq!(r[0].issuer.as_deref(), Some("Ủy ban nhân dân thành phố"));
        assert_eq!(r[1].issuer, None);
    }
}
