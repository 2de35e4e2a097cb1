//! Legacy Vietnamese 8-bit encodings: TCVN3 (TCVN 5712:1993, the ABC
//! `.VnTime` fonts) and VNI-Windows (`VNI-Times` fonts), plus CP1258 through
//! `encoding_rs`.
//!
//! Legacy text reaches us in two shapes: raw bytes in a text file, or text
//! that some program already decoded as Windows-1252 (a text export, or a
//! PDF/DOCX whose font was `.VnTime`): `Céng hßa x· héi` (TCVN3),
//! `COÄNG HOØA` (VNI). Both are turned into a sequence of [`Unit`]s (a byte,
//! or a character that has no byte) and decoded with the tables below.
//!
//! Which decoding applies is decided by statistics, never by file names:
//! every candidate decoding is scored by how many of its words are
//! well-formed Vietnamese syllables ([`score`]), and a legacy decoding must
//! beat the text as it stands by a clear margin.

use unicode_normalization::UnicodeNormalization;

/// The legacy encodings handled here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    /// Name reported in `source.encoding`.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "tcvn3",
            Legacy::Vni => "vni",
        }
    }
}

/// A byte of legacy text, or a character that no 8-bit code stands for
/// (kept as it is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    B(u8),
    C(char),
}

// ---------------------------------------------------------------------------
// Windows-1252 (how legacy bytes usually show up after a wrong decoding)

/// Characters of Windows-1252 bytes 0x80..=0x9F (`\0` where undefined).
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The Windows-1252 byte for a character, when there is one. C1 control
/// characters (U+0080..U+009F) map to their own byte: converters write the
/// undefined 1252 positions that way.
pub fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .map(|i| 0x80 + i as u8)
}

/// The character Windows-1252 gives a byte (C1 controls for the holes).
pub fn cp1252_char(b: u8) -> char {
    if (0x80..0xA0).contains(&b) {
        let c = CP1252_HIGH[(b - 0x80) as usize];
        if c != '\0' {
            return c;
        }
    }
    char::from(b)
}

/// Units of text that was decoded as Windows-1252.
pub fn units_from_text(s: &str) -> Vec<Unit> {
    let units = s
        .chars()
        .map(|c| match cp1252_byte(c) {
            Some(b) => Unit::B(b),
            None => Unit::C(c),
        })
        .collect();
    keep_utf8_punctuation(units)
}

/// Units of raw bytes.
pub fn units_from_bytes(b: &[u8]) -> Vec<Unit> {
    keep_utf8_punctuation(b.iter().map(|&b| Unit::B(b)).collect())
}

/// Legacy converters leave characters their charset lacks (curly quotes,
/// dashes, `≥`) as UTF-8 bytes: `“` shows up as the three bytes
/// `E2 80 9C`. Three-byte sequences for U+2000..U+2BFF (punctuation and
/// symbols) never occur in TCVN3 or VNI words, so they are read as UTF-8.
fn keep_utf8_punctuation(units: Vec<Unit>) -> Vec<Unit> {
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        if let (Unit::B(0xE2), Some(Unit::B(b1)), Some(Unit::B(b2))) =
            (units[i], units.get(i + 1), units.get(i + 2))
        {
            if let Ok(s) = std::str::from_utf8(&[0xE2, *b1, *b2]) {
                if let Some(c) = s.chars().next() {
                    out.push(Unit::C(c));
                    i += 3;
                    continue;
                }
            }
        }
        out.push(units[i]);
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------
// Vietnamese letters

/// The twelve vowels, each followed by its five toned forms in the order
/// grave, hook, tilde, acute, dot below. Upper case is derived.
pub const VOWEL_ROWS: [&str; 12] = [
    "aàảãáạ",
    "ăằẳẵắặ",
    "âầẩẫấậ",
    "eèẻẽéẹ",
    "êềểễếệ",
    "iìỉĩíị",
    "oòỏõóọ",
    "ôồổỗốộ",
    "ơờởỡớợ",
    "uùủũúụ",
    "ưừửữứự",
    "yỳỷỹýỵ",
];

/// Tone index (0 = none, 1..=5 as in [`VOWEL_ROWS`]) and the bare vowel
/// (lower case) of a lower-case letter, when it is a Vietnamese vowel.
fn vowel_parts(c: char) -> Option<(char, usize)> {
    for row in VOWEL_ROWS {
        for (tone, v) in row.chars().enumerate() {
            if v == c {
                return row.chars().next().map(|base| (base, tone));
            }
        }
    }
    None
}

/// The toned form of a bare vowel (`a`, `ă`, … lower case), tone 0..=5.
fn with_tone(base: char, tone: usize) -> Option<char> {
    VOWEL_ROWS
        .iter()
        .find(|r| r.starts_with(base))
        .and_then(|r| r.chars().nth(tone))
}

fn to_upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

/// Is `c` a letter used only by Vietnamese (outside Latin-1)?
fn is_vietnamese_specific(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1EA0}'
            ..='\u{1EF9}'
    )
}

const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "gh", "gi", "kh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];
const CODAS: [&str; 8] = ["ch", "ng", "nh", "c", "m", "n", "p", "t"];

/// Is `word` (letters only) a well-formed Vietnamese syllable?
pub fn is_syllable(word: &str) -> bool {
    let lower: Vec<char> = word.nfc().flat_map(char::to_lowercase).collect();
    let s: String = lower.iter().collect();
    let mut rest = s.as_str();
    for o in ONSETS {
        if let Some(r) = rest.strip_prefix(o) {
            // `gi`/`qu` are onsets only when a vowel follows.
            if !r.is_empty() {
                rest = r;
                break;
            }
        }
    }
    let mut nucleus = 0;
    let mut tones = 0;
    let mut chars = rest.char_indices().peekable();
    let mut coda_at = rest.len();
    while let Some(&(i, c)) = chars.peek() {
        match vowel_parts(c) {
            Some((_, tone)) => {
                nucleus += 1;
                if tone > 0 {
                    tones += 1;
                }
                chars.next();
            }
            None => {
                coda_at = i;
                break;
            }
        }
    }
    if nucleus == 0 || nucleus > 3 || tones > 1 {
        return false;
    }
    let coda = &rest[coda_at..];
    coda.is_empty() || CODAS.contains(&coda)
}

/// How Vietnamese a text looks: +1 for each word with a non-ASCII letter
/// that is a well-formed syllable, -1 for each that is not.
pub fn score(text: &str) -> i64 {
    let mut total = 0;
    for token in text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation()) {
        if token.is_ascii() || token.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if token.chars().all(char::is_alphabetic) && is_syllable(token) {
            total += 1;
        } else {
            total -= 1;
        }
    }
    total
}

/// Count of letters only Vietnamese uses, and of all non-ASCII characters.
fn specific_ratio(text: &str) -> (usize, usize) {
    let mut viet = 0;
    let mut non_ascii = 0;
    for c in text.chars() {
        if !c.is_ascii() {
            non_ascii += 1;
            if is_vietnamese_specific(c) {
                viet += 1;
            }
        }
    }
    (viet, non_ascii)
}

/// Does this text already read as Unicode Vietnamese?
pub fn looks_unicode_vietnamese(text: &str) -> bool {
    let (viet, non_ascii) = specific_ratio(text);
    viet >= 3 && viet * 4 >= non_ascii
}

// ---------------------------------------------------------------------------
// TCVN3 (TCVN 5712:1993)

/// TCVN 5712:1993 (VN1) for bytes 0xA0..=0xFF. The ABC fonts (`.VnTime`,
/// VN3) use the same positions; their capitals come from the `.VnTimeH`
/// fonts drawing the lower-case codes in upper case. 0xB0..=0xB4 are the
/// combining tone marks.
const TCVN3_A0: [char; 96] = [
    // A0
    '\u{A0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ',
    // B0
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ',
    'ẵ', 'ắ', 'Ẵ', // C0
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', // D0
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', // E0
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', // F0
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
];

/// VN1 capitals at 0x80..=0x9F.
const TCVN3_80: [char; 32] = [
    'À', 'Ả', 'Ã', 'Á', 'Ạ', 'Ặ', 'Ậ', 'È', 'Ẻ', 'Ẽ', 'É', 'Ẹ', 'Ệ', 'Ì', 'Ỉ', 'Ĩ', 'Í', 'Ị', 'Ò',
    'Ỏ', 'Õ', 'Ó', 'Ọ', 'Ộ', 'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ', 'Ù', 'Ủ', 'Ũ',
];

/// VN1 capitals in the C0 control range.
const TCVN3_C0: [(u8, char); 12] = [
    (0x01, 'Ú'),
    (0x02, 'Ụ'),
    (0x04, 'Ừ'),
    (0x05, 'Ử'),
    (0x06, 'Ữ'),
    (0x11, 'Ứ'),
    (0x12, 'Ự'),
    (0x13, 'Ỳ'),
    (0x14, 'Ỷ'),
    (0x15, 'Ỹ'),
    (0x16, 'Ý'),
    (0x17, 'Ỵ'),
];

/// Bytes at 0x80..=0x9F that Windows-1252 text also uses as punctuation
/// (quotes, dashes, bullet, ellipsis).
fn is_cp1252_punct(b: u8) -> bool {
    matches!(b, 0x85 | 0x91..=0x97)
}

/// TCVN3 character of one byte.
pub fn tcvn3_char(b: u8) -> char {
    match b {
        0xA0..=0xFF => TCVN3_A0[(b - 0xA0) as usize],
        0x80..=0x9F => TCVN3_80[(b - 0x80) as usize],
        _ => TCVN3_C0
            .iter()
            .find(|(k, _)| *k == b)
            .map_or(char::from(b), |(_, c)| *c),
    }
}

/// Decode TCVN3 units. A 0x80..0x9F byte that Windows-1252 uses as
/// punctuation is read as the VN1 capital only after an upper-case letter
/// (inside an upper-case word), else as the punctuation.
pub fn decode_tcvn3(units: &[Unit]) -> String {
    let mut out = String::with_capacity(units.len());
    let mut prev: Option<char> = None;
    for u in units {
        let c = match *u {
            Unit::C(c) => c,
            Unit::B(b) if b < 0x80 && !matches!(b, 0x01..=0x17) => char::from(b),
            Unit::B(b) if is_cp1252_punct(b) && !prev.is_some_and(char::is_uppercase) => {
                cp1252_char(b)
            }
            Unit::B(b) if b < 0x20 && !prev.is_some_and(char::is_alphabetic) => {
                // A C0 capital only makes sense inside a word.
                char::from(b)
            }
            Unit::B(b) => tcvn3_char(b),
        };
        out.push(c);
        prev = Some(c);
    }
    out
}

// ---------------------------------------------------------------------------
// VNI-Windows

/// A VNI mark byte: what it adds to the letter before it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// Tone 1..=5 only.
    Tone(usize),
    /// Circumflex (a, e, o) with tone 0..=5.
    Circumflex(usize),
    /// Breve (a) with tone 0..=5.
    Breve(usize),
}

/// VNI mark bytes (lower-case form; the upper-case form is 0x20 lower).
fn vni_mark(b: u8) -> Option<Mark> {
    let b = if (0xC0..0xE0).contains(&b) {
        b + 0x20
    } else {
        b
    };
    Some(match b {
        0xF8 => Mark::Tone(1), // ø grave
        0xFB => Mark::Tone(2), // û hook
        0xF5 => Mark::Tone(3), // õ tilde
        0xF9 => Mark::Tone(4), // ù acute
        0xEF => Mark::Tone(5), // ï dot below
        0xE2 => Mark::Circumflex(0),
        0xE0 => Mark::Circumflex(1),
        0xE5 => Mark::Circumflex(2),
        0xE3 => Mark::Circumflex(3),
        0xE1 => Mark::Circumflex(4),
        0xE4 => Mark::Circumflex(5),
        0xEA => Mark::Breve(0),
        0xE8 => Mark::Breve(1),
        0xFA => Mark::Breve(2),
        0xFC => Mark::Breve(3),
        0xE9 => Mark::Breve(4),
        0xEB => Mark::Breve(5),
        _ => return None,
    })
}

/// VNI single-byte letters (lower-case byte → letter; upper-case is 0x20
/// lower and gives the capital).
fn vni_single(b: u8) -> Option<char> {
    let (lb, upper) = if (0xC0..0xE0).contains(&b) {
        (b + 0x20, true)
    } else {
        (b, false)
    };
    let c = match lb {
        0xF4 => 'ơ',
        0xF6 => 'ư',
        0xF1 => 'đ',
        0xEC => 'ì',
        0xED => 'í',
        0xE6 => 'ỉ',
        0xF3 => 'ĩ',
        0xF2 => 'ị',
        0xEE => 'ỵ',
        _ => return None,
    };
    Some(if upper { to_upper(c) } else { c })
}

/// The letter a VNI base (ASCII vowel, or the ơ/ư bytes) and a mark make.
fn vni_combine(base: char, mark: Mark) -> Option<char> {
    let upper = base.is_uppercase();
    let lower = base.to_lowercase().next().unwrap_or(base);
    let r = match (lower, mark) {
        ('a' | 'e' | 'o' | 'u' | 'y' | 'ơ' | 'ư', Mark::Tone(t)) => with_tone(lower, t)?,
        ('a', Mark::Circumflex(t)) => with_tone('â', t)?,
        ('e', Mark::Circumflex(t)) => with_tone('ê', t)?,
        ('o', Mark::Circumflex(t)) => with_tone('ô', t)?,
        ('a', Mark::Breve(t)) => with_tone('ă', t)?,
        _ => return None,
    };
    Some(if upper { to_upper(r) } else { r })
}

/// Decode VNI-Windows units.
pub fn decode_vni(units: &[Unit]) -> String {
    let mut out = String::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        let base = match units[i] {
            Unit::C(c) => {
                out.push(c);
                i += 1;
                continue;
            }
            Unit::B(b) if b.is_ascii() => char::from(b),
            Unit::B(b) => match vni_single(b) {
                Some(c) => c,
                None => {
                    out.push(cp1252_char(b));
                    i += 1;
                    continue;
                }
            },
        };
        if let Some(Unit::B(next)) = units.get(i + 1) {
            if let Some(c) = vni_mark(*next).and_then(|m| vni_combine(base, m)) {
                out.push(c);
                i += 2;
                continue;
            }
        }
        out.push(base);
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------
// Detection

/// Decode units with a legacy table.
pub fn decode(units: &[Unit], enc: Legacy) -> String {
    match enc {
        Legacy::Tcvn3 => decode_tcvn3(units),
        Legacy::Vni => decode_vni(units),
    }
}

/// Whether a legacy decoding beats the current text: a clear margin of
/// well-formed Vietnamese words.
fn clearly_better(candidate: i64, current: i64, words: usize) -> bool {
    let margin = (words as i64 / 20).max(3);
    candidate >= current + margin
}

/// If `text` (already Unicode, possibly mis-decoded as Windows-1252) is
/// TCVN3 or VNI mojibake, the converted text and the encoding.
pub fn detect_in_text(text: &str) -> Option<(String, Legacy)> {
    if looks_unicode_vietnamese(text) {
        return None;
    }
    // Mojibake needs high-half characters; plain ASCII has nothing to fix.
    if text.is_ascii() {
        return None;
    }
    let units = units_from_text(text);
    let current = score(text);
    let words = text.split_whitespace().count();
    let mut best: Option<(String, Legacy, i64)> = None;
    for enc in [Legacy::Tcvn3, Legacy::Vni] {
        let decoded = decode(&units, enc);
        let s = score(&decoded);
        if clearly_better(s, current, words) && best.as_ref().is_none_or(|b| s > b.2) {
            best = Some((decoded, enc, s));
        }
    }
    best.map(|(t, e, _)| (t, e))
}

/// Apply legacy detection to text extracted from a PDF or DOCX. Returns the
/// text and the encoding to report.
pub fn fix_extracted(text: String, warnings: &mut Vec<String>) -> (String, &'static str) {
    match detect_in_text(&text) {
        Some((fixed, Legacy::Tcvn3)) if !fixed.contains('ư') && fixed.len() > 500 => {
            // TCVN3 `ư` is byte 0xAD, the soft hyphen, which PDF producers
            // do not draw: every bare `ư` is gone. Put back the certain ones.
            let (repaired, n) = restore_u_horn(&fixed);
            if n > 0 {
                warnings.push(format!(
                    "TCVN3 text without any `ư` (0xAD is the soft hyphen and was not drawn): \
                     restored {n} by spelling rules; others may be missing"
                ));
            }
            (repaired, Legacy::Tcvn3.name())
        }
        Some((fixed, enc)) => (fixed, enc.name()),
        None => (text, "utf-8"),
    }
}

/// Restore a lost bare `ư` where Vietnamese spelling leaves no doubt:
/// `ơng`/`ơc`/`ơu` rhymes only exist as `ương`/`ước`/`ươu` (`Chơng` →
/// `Chương`), `ngơi` is `người`, and a few words that are nothing without
/// it (`nh` → `như`, `th` → `thư`, `lu` → `lưu`, `hu` → `hưu`).
pub fn restore_u_horn(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len() + 64);
    let mut count = 0;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, count: &mut usize| {
        if let Some(fixed) = restore_word(word) {
            out.push_str(&fixed);
            *count += 1;
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, &mut count);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, &mut count);
    (out, count)
}

fn restore_word(word: &str) -> Option<String> {
    if word.is_empty() || word.chars().skip(1).any(char::is_uppercase) {
        return None; // empty, or an all-caps abbreviation
    }
    let lower = word.to_lowercase();
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let fixed = match lower.as_str() {
        "nh" => Some("như".to_string()),
        "th" => Some("thư".to_string()),
        "lu" => Some("lưu".to_string()),
        "hu" => Some("hưu".to_string()),
        _ => {
            // onset + ơ (any tone) + ng/c/u, or ng + ơ + i
            let chars: Vec<char> = lower.chars().collect();
            let pos = chars
                .iter()
                .position(|&c| vowel_parts(c).is_some_and(|(b, _)| b == 'ơ'))?;
            if pos == 0 || vowel_parts(chars[pos - 1]).is_some() {
                return None;
            }
            let onset: String = chars[..pos].iter().collect();
            let rest: String = chars[pos + 1..].iter().collect();
            let ok = matches!(rest.as_str(), "ng" | "c" | "u") || (onset == "ng" && rest == "i");
            if !ok || !ONSETS.contains(&onset.as_str()) {
                return None;
            }
            Some(format!("{onset}ư{}{rest}", chars[pos]))
        }
    }?;
    Some(if capital {
        let mut cs = fixed.chars();
        cs.next()
            .map(|f| f.to_uppercase().chain(cs).collect())
            .unwrap_or(fixed)
    } else {
        fixed
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for w in [
            "nghiêng",
            "Việt",
            "khuyến",
            "giữ",
            "quốc",
            "đường",
            "ỦY",
            "hòa",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["hßa", "ẹoọc", "lËp", "cỏcc", "ngàá"] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn tcvn3_text() {
        let (t, e) =
            detect_in_text("Céng hßa x· héi chñ nghÜa ViÖt Nam, §éc lËp - Tù do - H¹nh phóc")
                .unwrap_or_default_for_test();
        assert_eq!(e, Some(Legacy::Tcvn3));
        assert_eq!(
            t,
            "Cộng hòa xã hội chủ nghĩa Việt Nam, Độc lập - Tự do - Hạnh phúc"
        );
    }

    #[test]
    fn vni_text() {
        let (t, e) = detect_in_text(
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, Ñoäc laäp - Töï do - Haïnh phuùc",
        )
        .unwrap_or_default_for_test();
        assert_eq!(e, Some(Legacy::Vni));
        assert_eq!(
            t,
            "Cộng hòa xã hội chủ nghĩa Việt Nam, Độc lập - Tự do - Hạnh phúc"
        );
    }

    #[test]
    fn unicode_left_alone() {
        assert!(detect_in_text("Cộng hòa xã hội chủ nghĩa Việt Nam, các sở, ban, ngành").is_none());
        assert!(detect_in_text("Café crème à la française, déjà vu").is_none());
    }

    trait TestExt {
        fn unwrap_or_default_for_test(self) -> (String, Option<Legacy>);
    }
    impl TestExt for Option<(String, Legacy)> {
        fn unwrap_or_default_for_test(self) -> (String, Option<Legacy>) {
            match self {
                Some((t, e)) => (t, Some(e)),
                None => (String::new(), None),
            }
        }
    }
}
