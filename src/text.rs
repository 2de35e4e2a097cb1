//! Text primitives: case, comparison keys, folding, word tests, safe cuts.
//!
//! The ground floor of the crate: pure string helpers that every stage may
//! use and that use nothing from the crate. Normalized text keeps the
//! document's own spelling (tone placement, case); for comparisons use
//! [`key`] (lowercase, new-style tone placement) or [`fold`] (no diacritics
//! at all).

/// The largest char boundary of `s` at or below `i` (`s.len()` when `i`
/// is past the end): a safe place to cut.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `hay` starts with `needle` (lower case) ignoring the case of `hay`;
/// returns the byte length matched in `hay`.
pub fn starts_ci(hay: &str, needle: &str) -> Option<usize> {
    let mut hc = hay.char_indices();
    for nc in needle.chars() {
        let (_, h) = hc.next()?;
        if h == 'İ' || lower_char(h) != nc {
            return None;
        }
    }
    Some(hc.next().map(|(i, _)| i).unwrap_or(hay.len()))
}

/// Collapse every run of whitespace (newlines included) into one space and
/// trim. Used for every extracted text field.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Old-style → new-style tone placement (`hoà` → `hòa`, `thuỷ` → `thủy`).
/// Applies to `oa`, `oe`, `uy` followed by no further vowel.
pub fn new_tone_placement(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    move_tones_into(s, &mut out);
    out
}

/// The toned vowel that takes the tone of `oà`/`uỷ` in new placement:
/// (`a`/`e`/`y` with the tone, the plain `o`/`u` second letter swap) —
/// returns the tone-free first letter's toned form and the plain second.
fn moved_tone(first: char, second: char) -> Option<(char, char)> {
    let lower_first = match first {
        'o' | 'O' => 'o',
        'u' | 'U' => 'u',
        _ => return None,
    };
    let (toned, plain) = match (lower_first, lower_char(second)) {
        ('o', 'à') => ('ò', 'a'),
        ('o', 'á') => ('ó', 'a'),
        ('o', 'ả') => ('ỏ', 'a'),
        ('o', 'ã') => ('õ', 'a'),
        ('o', 'ạ') => ('ọ', 'a'),
        ('o', 'è') => ('ò', 'e'),
        ('o', 'é') => ('ó', 'e'),
        ('o', 'ẻ') => ('ỏ', 'e'),
        ('o', 'ẽ') => ('õ', 'e'),
        ('o', 'ẹ') => ('ọ', 'e'),
        ('u', 'ỳ') => ('ù', 'y'),
        ('u', 'ý') => ('ú', 'y'),
        ('u', 'ỷ') => ('ủ', 'y'),
        ('u', 'ỹ') => ('ũ', 'y'),
        ('u', 'ỵ') => ('ụ', 'y'),
        _ => return None,
    };
    let up = |c: char| c.to_uppercase().next().unwrap_or(c);
    Some((
        if first.is_uppercase() {
            up(toned)
        } else {
            toned
        },
        if second.is_uppercase() {
            up(plain)
        } else {
            plain
        },
    ))
}

/// Append `s` to `out` with old-style tone placement moved to new style.
/// A following vowel blocks the move (`thuyền`, `khuya`); a consonant does
/// not (`hoàng`, `khoẻ`).
pub fn move_tones_into(s: &str, out: &mut String) {
    let mut it = s.chars().peekable();
    while let Some(a) = it.next() {
        if matches!(a, 'o' | 'O' | 'u' | 'U') {
            if let Some(&b) = it.peek() {
                if let Some((n1, n2)) = moved_tone(a, b) {
                    let mut ahead = it.clone();
                    ahead.next();
                    let next_is_vowel = ahead.peek().is_some_and(|c| is_vowel(lower_char(*c)));
                    if !next_is_vowel {
                        out.push(n1);
                        out.push(n2);
                        it.next();
                        continue;
                    }
                }
            }
        }
        out.push(a);
    }
}

fn is_vowel(c: char) -> bool {
    let base = base_letter(c);
    matches!(base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Comparison key: NFC, lowercase, new tone placement, whitespace collapsed.
/// `CỘNG HOÀ` and `Cộng hòa` get the same key.
/// Input is expected in NFC (all normalized text is).
pub fn key(s: &str) -> String {
    let mut lower = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            lower.push(' ');
            space = false;
        }
        lower.push(lower_char(c));
    }
    if !may_move_tone_lower(&lower) {
        return lower;
    }
    let mut out = String::with_capacity(lower.len());
    move_tones_into(&lower, &mut out);
    out
}

/// The number of characters of [`key`]`(s)` that are not blanks: one for
/// each character of `s` that is not whitespace (lowering and the tone
/// move map characters one to one). Counted up to `cap + 1` at most, so
/// "more than `cap`" is answered without reading a long text to its end.
pub fn key_letters_capped(s: &str, cap: usize) -> usize {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .take(cap.saturating_add(1))
        .count()
}

/// Whether [`move_tones_into`] can change `s`, a lowercase text: some `o`
/// or `u` (found by `memchr2`) is followed by a vowel whose tone it would
/// take. Most text has no such pair and is then left as it is, without a
/// second pass.
fn may_move_tone_lower(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'o', b'u', b).any(|i| {
        b.get(i + 1).is_some_and(|&n| n >= 0x80)
            && s[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| moved_tone(b[i] as char, n).is_some())
    })
}

/// `s` is `w` or starts with `w` followed by a space.
pub fn starts_with_word(s: &str, w: &str) -> bool {
    s.strip_prefix(w)
        .is_some_and(|r| r.is_empty() || r.starts_with(' '))
}

/// `w` stands in `s` as whole words: neither end of it is inside a
/// longer word.
pub fn contains_word(s: &str, w: &str) -> bool {
    !w.is_empty()
        && s.match_indices(w).any(|(i, _)| {
            s[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && word_end(s, i + w.len())
        })
}

/// `s` ends with `w`, and `w` is not the tail of a longer word.
pub fn ends_with_word(s: &str, w: &str) -> bool {
    s.ends_with(w)
        && s[..s.len() - w.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Lowercase of one character, fast for the letters Vietnamese text is
/// made of (ASCII, Latin-1, `ăđĩũơư`, the `U+1EA0..` block of toned
/// vowels); anything else goes through `char::to_lowercase` (its first
/// char: only `İ` lowers to two).
#[inline]
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 0x20,
        0..=0x7F => u,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0xD7 | 0xDF..=0xFF => u,
        0x1EA0..=0x1EFF => u | 1,
        0x0102 | 0x0110 | 0x0128 | 0x0168 | 0x01A0 => u + 1,
        0x01AF => 0x01B0,
        0x0103 | 0x0111 | 0x0129 | 0x0169 | 0x01A1 | 0x01B0 | 0x0300..=0x036F => u,
        _ => return c.to_lowercase().next().unwrap_or(c),
    };
    char::from_u32(l).unwrap_or(c)
}

/// `char::is_alphabetic` with the letters of Vietnamese text answered
/// without the Unicode table: ASCII, Latin-1 letters, Latin Extended-A/B
/// (U+0100..=U+024F) and Latin Extended Additional (U+1E00..=U+1EFF) are
/// all alphabetic.
#[inline]
pub fn is_alpha(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// A letter of Vietnamese text (ASCII letters and digits count, as the
/// Latin blocks with their combining marks): a word-boundary test without
/// the Unicode table lookups of `char::is_alphabetic`; other scripts are
/// not letters here.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x300..=0x36F | 0x1E00..=0x1EFF)
}

/// `str::to_lowercase` with the fast path of [`lower_char`] (the result is
/// the same except that a final Greek capital sigma lowers to `σ`).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    push_lower(s, &mut out);
    out
}

/// Append [`lower`] of `s` to `out`.
fn push_lower(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in s.chars() {
        if c == 'İ' || c == 'Σ' {
            out.extend(c.to_lowercase());
        } else {
            out.push(lower_char(c));
        }
    }
}

/// `lower(&collapse_ws(s))` in one copy (lowering maps each character on
/// its own and never makes or removes whitespace).
pub fn lower_collapsed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lower(w, &mut out);
    }
    out
}

/// Diacritic-free lowercase form: `Nghị quyết` → `nghi quyet`, `đ` → `d`.
pub fn fold(s: &str) -> String {
    s.chars().map(|c| base_letter(lower_char(c))).collect()
}

/// The base Latin letter of a (lowercase) Vietnamese letter.
pub fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ'
        | 'ẫ' | 'ậ' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở'
        | 'ỡ' | 'ợ' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
        'đ' | 'ð' => 'd',
        c => c,
    }
}

/// Blanks between two columns of a line laid out with spaces (a header's
/// two columns, a table copied with tabs, `pdftotext -layout`).
pub const COLUMN_GAP: &str = "   ";

/// Title Case every word (`PHẠM ANH TUẤN` → `Phạm Anh Tuấn`).
pub fn title_case(s: &str) -> String {
    collapse_ws(s)
        .split(' ')
        .map(capitalize_lower)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase a word and capitalize its first letter.
pub fn capitalize_lower(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Uppercase the first letter only.
pub fn capitalize_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// True when the string has letters and none of them is lowercase.
pub fn is_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if is_alpha(c) {
            letters += 1;
        }
    }
    letters > 0
}

/// `s` lower-cased when that keeps every byte offset (each char lowers to
/// one char of the same UTF-8 length), so offsets found in it index `s`.
pub fn lower_same_offsets(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    // Runs of ASCII are lowered byte by byte (what `lower_char` does to
    // them); other characters one by one.
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        if ascii > 0 {
            let (run, tail) = rest.split_at(ascii);
            let at = out.len();
            out.push_str(run);
            out[at..].make_ascii_lowercase();
            rest = tail;
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        let lc = lower_char(c);
        if c == 'İ' || lc.len_utf8() != c.len_utf8() {
            return None;
        }
        out.push(lc);
        rest = &rest[c.len_utf8()..];
    }
    Some(out)
}

/// At `at` a word ends: the end of `s` or a character that is no letter
/// or digit.
pub fn word_end(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The tone-move gate never skips a string the move would change.
        #[test]
        fn key_gate_changes_nothing(
            s in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::char::any(),
                    proptest::sample::select(vec![
                        'o', 'O', 'u', 'U', 'à', 'á', 'ả', 'ã', 'ạ', 'è', 'é', 'ẻ', 'ẽ', 'ẹ',
                        'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ', 'Ạ', 'Ý', 'a', 'e', 'y', 'n', ' ', '\u{3000}',
                    ]),
                ],
                0..16,
            )
        ) {
            let s: String = s.into_iter().collect();
            let mut lower = String::new();
            for w in s.split_whitespace() {
                if !lower.is_empty() {
                    lower.push(' ');
                }
                lower.extend(w.chars().map(lower_char));
            }
            let mut moved = String::new();
            move_tones_into(&lower, &mut moved);
            proptest::prop_assert_eq!(key(&s), moved.clone());
            let letters = moved.chars().filter(|c| !c.is_whitespace()).count();
            proptest::prop_assert_eq!(key_letters_capped(&s, 100), letters);
        }
    }

    #[test]
    fn words_stand_whole() {
        assert!(contains_word("dịp tết nguyên đán", "tết"));
        assert!(contains_word("tết", "tết"));
        assert!(!contains_word("chi tiết năm 2026", "tết"));
        assert!(!contains_word("nhiệm kỳ", ""));
        assert!(!contains_word("khóa học", "khóa h"));
    }

    #[test]
    fn fast_alphabetic_agrees_with_std() {
        for c in (0u32..0x11000).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn fast_lowercase_agrees_with_std() {
        for c in (0u32..0x11000).filter_map(char::from_u32) {
            let mut std_lower = c.to_lowercase();
            let first = std_lower.next().unwrap_or(c);
            assert_eq!(lower_char(c), first, "U+{:04X}", c as u32);
            if c != 'Σ' {
                assert_eq!(lower(&c.to_string()), c.to_lowercase().to_string());
            }
        }
        assert_eq!(lower("NGHỊ QUYẾT Số 71"), "nghị quyết số 71");
    }

    #[test]
    fn keys_and_folding() {
        assert_eq!(key("CỘNG HOÀ"), key("Cộng hòa"));
        assert_eq!(key("Đảng uỷ"), key("Đảng ủy"));
        assert_eq!(key("thuỷ"), "thủy");
        assert_eq!(key("khuya"), "khuya");
        assert_eq!(fold("Nghị quyết Đảng"), "nghi quyet dang");
        assert_eq!(title_case("PHẠM ANH TUẤN"), "Phạm Anh Tuấn");
        assert!(is_upper("KT. GIÁM ĐỐC"));
        assert!(!is_upper("Giám đốc"));
    }
}
