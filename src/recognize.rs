//! Recognisers shared by normalization, segmentation and extraction: is
//! this line an authority line (`KT. GIÁM ĐỐC`), a signer's post, a
//! person's name; does this text start with the name of a body?
//!
//! They sit below [`crate::normalize`] (which untangles signature columns
//! with them) and [`crate::segment`] (which finds the signature and the
//! addressee list with them), and use only [`crate::text`] and
//! [`crate::vocab`].

use crate::text::{
    collapse_ws, floor_boundary, is_upper, key, lower, lower_char, starts_ci, starts_with_word,
    word_end,
};
use crate::vocab::{NAME_PREFIXES, NOT_ORG_STARTS, ORG_GROUP_NOUNS, ORG_HEADS, SIGNER_POSTS};
use regex::Regex;
use std::sync::LazyLock;

/// `KT. GIÁM ĐỐC`, `T/M BAN THƯỜNG VỤ`, `TM. ỦY BAN NHÂN DÂN`, `Q. CHỦ TỊCH`.
/// The opener of the distribution list, `Nơi nhận:`, blanks after it
/// included: as printed, or as OCR reads its vowels (`Nơi nhân:`, `Noi
/// nhận:`; then only with the colon).
pub static RE_NOI_NHAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:nơi\s+nhận\s*:?|n[ơoớờ]i\s*nh[âậấầẩẫaạ]n\s*:)\s*").unwrap()
});

/// The line opens the distribution list ([`RE_NOI_NHAN`]; every reading
/// starts with `n`, so other lines are not searched).
pub fn is_distribution_opener(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['n', 'N']) && RE_NOI_NHAN.is_match(t)
}

/// A line that begins the signature block: an authority line (`KT. GIÁM
/// ĐỐC`) or a signer's post.
pub fn is_signature_start(t: &str) -> bool {
    RE_AUTHORITY.is_match(t) || is_post_title(t)
}

pub static RE_AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(K/T|T/M|T/L|T/UQ|KT|TM|TL|TUQ|Q)(?:\s*\.\s*|\s+)(\p{Lu}[\p{Lu}\s,\-]*\p{Lu})\s*[.:]?\s*$")
        .unwrap()
});

/// A page number on a line of its own (`3`, `- 3 -`, `– 12 –`, `Trang 3`,
/// `Trang 3/5`): page furniture inside the text.
pub fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    let t = t
        .strip_prefix("Trang ")
        .unwrap_or_else(|| t.trim_matches(|c: char| c == '-' || c == '–' || c == ' '));
    let (page, of) = t.split_once('/').unwrap_or((t, "1"));
    let digits = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(page.trim()) && digits(of.trim())
}

/// Notes in the signature area that are not the name.
pub fn is_sign_note(t: &str) -> bool {
    let k = key(t);
    // `* UBND * XÃ YÊN THÀNH *`: the text of the seal as OCR read it.
    let seal = t.trim_start().starts_with('*') && t.matches('*').count() >= 2;
    seal || k.starts_with('(')
        || k.starts_with('[')
        || k.contains("đã ký")
        || k.starts_with("ký ")
        || k.contains("(ký")
        || k == "ký"
        || k.starts_with("chữ ký")
}

/// `GIÁM ĐỐC`, `PHÓ CHỦ TỊCH`, `BỘ TRƯỞNG`, `BÍ THƯ`…: a signer's post on a
/// line of its own.
pub fn is_post_title(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ':']);
    is_upper(t) && t.chars().count() <= 60 && starts_with_post(t)
}

/// `t` begins with a signer's post ([`crate::vocab::SIGNER_POSTS`]),
/// optionally `phó` + post, in any case.
pub fn starts_with_post(t: &str) -> bool {
    let k = key(t.trim().trim_end_matches(['.', ':']));
    let k = k.strip_prefix("phó ").unwrap_or(&k);
    SIGNER_POSTS.iter().any(|p| starts_with_word(k, p))
}

/// Two to six capitalized words, no digits: `Phạm Anh Tuấn`, `NGUYỄN VĂN
/// A`, names of the Central Highlands with an apostrophe inside a word
/// (`H’Liên Niê`, `Rơ Châm H'Yang`).
pub fn looks_like_name(t: &str) -> bool {
    let t = strip_name_prefix(t.trim()).1.trim_end_matches('.');
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’'))
        })
}

/// A degree or rank before a name ([`NAME_PREFIXES`], any
/// case): returns it as written and the rest.
pub fn strip_name_prefix(t: &str) -> (&str, &str) {
    static LOWER: LazyLock<Vec<(String, bool)>> = LazyLock::new(|| {
        NAME_PREFIXES
            .iter()
            .map(|p| (lower(p), p.ends_with('.')))
            .collect()
    });
    let one = |t: &str| {
        LOWER.iter().find_map(|(lp, dotted)| {
            let n = starts_ci(t, lp)?;
            (*dotted || t[n..].starts_with([' ', ','])).then_some(n)
        })
    };
    let Some(mut end) = one(t) else {
        return ("", t);
    };
    // `Thiếu tướng, GS.TS. Đinh Văn Khoa`: a rank, then a degree.
    loop {
        let rest = t[end..].trim_start();
        let after = rest.strip_prefix(',').map_or(rest, str::trim_start);
        match one(after) {
            Some(n) => end = t.len() - after.len() + n,
            None => break,
        }
    }
    (&t[..end], t[end..].trim_start())
}

/// Indices of a table's entries by their lower-case first character, in
/// table order: only the entries that can match a text are tried.
pub struct ByFirst(std::collections::HashMap<char, Vec<usize>>);

impl ByFirst {
    /// Index the entries of a table.
    pub fn new<'a>(items: impl Iterator<Item = &'a str>) -> ByFirst {
        let mut map: std::collections::HashMap<char, Vec<usize>> = Default::default();
        for (i, it) in items.enumerate() {
            if let Some(c) = it.chars().next() {
                map.entry(lower_char(c)).or_default().push(i);
            }
        }
        ByFirst(map)
    }
    /// The entries that may start `s`.
    pub fn get(&self, s: &str) -> &[usize] {
        s.chars()
            .next()
            .and_then(|c| self.0.get(&lower_char(c)))
            .map_or(&[], Vec::as_slice)
    }
}

static NOT_ORG_BY_FIRST: LazyLock<ByFirst> =
    LazyLock::new(|| ByFirst::new(NOT_ORG_STARTS_LOWER.iter().map(String::as_str)));
static ORG_HEADS_BY_FIRST: LazyLock<ByFirst> =
    LazyLock::new(|| ByFirst::new(ORG_HEADS_LOWER.iter().map(String::as_str)));

/// [`NOT_ORG_STARTS`] and [`ORG_HEADS`] lower-cased once.
static NOT_ORG_STARTS_LOWER: LazyLock<Vec<String>> =
    LazyLock::new(|| NOT_ORG_STARTS.iter().map(|n| n.to_lowercase()).collect());
static ORG_HEADS_LOWER: LazyLock<Vec<String>> =
    LazyLock::new(|| ORG_HEADS.iter().map(|n| n.to_lowercase()).collect());

/// True when `s` starts with the name of a body (case-sensitive heads, or
/// `các`/`những` + a group noun; `lenient` also accepts lower-case heads
/// as after `Giao cho phòng …`).
pub fn starts_with_org(s: &str, lenient: bool) -> bool {
    // Names wrap over lines (`Ủy` ⏎ `ban Mặt trận`): look at a collapsed prefix.
    let s = &s[..floor_boundary(s, 120)];
    let collapsed;
    let collapse = s.starts_with(' ')
        || s.ends_with(' ')
        || s.contains("  ")
        || s.chars().any(|c| c.is_whitespace() && c != ' ');
    let s = if collapse {
        collapsed = collapse_ws(s);
        collapsed.as_str()
    } else {
        s
    };
    if NOT_ORG_BY_FIRST
        .get(s)
        .iter()
        .any(|&i| starts_ci(s, &NOT_ORG_STARTS_LOWER[i]).is_some())
    {
        return false;
    }
    for &i in ORG_HEADS_BY_FIRST.get(s) {
        let (head, head_lower) = (ORG_HEADS[i], &ORG_HEADS_LOWER[i]);
        let exact = s.starts_with(head).then_some(head.len());
        // `Giao cho phòng Kế hoạch tài chính`: a lower-case head counts
        // when a capitalized name follows it.
        let hit = exact.or_else(|| {
            let n = starts_ci(s, head_lower).filter(|_| lenient)?;
            let next = s[n..].trim_start();
            (next.chars().next().is_some_and(|c| c.is_uppercase())
                || next.starts_with("các ")
                || next.starts_with("những "))
            .then_some(n)
        });
        if let Some(n) = hit {
            if word_end(s, n) {
                return true;
            }
        }
    }
    for det in ["các ", "những ", "toàn thể "] {
        if let Some(n) = starts_ci(s, det) {
            let rest = &s[n..];
            if ORG_GROUP_NOUNS
                .iter()
                .any(|g| starts_ci(rest, g).is_some_and(|m| word_end(rest, m)))
                || ORG_HEADS.iter().any(|h| rest.starts_with(h))
            {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in ["3", "- 3 -", "  – 12 –", "Trang 3", "Trang 3/5", "-3-"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["- Lưu: VT.", "2025", "- 3 - Lưu", "Trang", "", "3.", "1234"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn names_and_their_prefixes() {
        assert!(looks_like_name("H’Liên Niê"));
        assert!(looks_like_name("Rơ Châm H'Yang"));
        assert!(!looks_like_name("'Yang Niê"));
        assert_eq!(
            strip_name_prefix("Thiếu tướng, GS.TS. Đinh Văn Khoa"),
            ("Thiếu tướng, GS.TS.", "Đinh Văn Khoa")
        );
        assert_eq!(
            strip_name_prefix("Đại tá Nguyễn Văn Hải"),
            ("Đại tá", "Nguyễn Văn Hải")
        );
        assert!(looks_like_name("Thiếu tướng, GS.TS. Đinh Văn Khoa"));
    }

    #[test]
    fn authority_lines() {
        for l in [
            "KT. GIÁM ĐỐC",
            "T/M BAN THƯỜNG VỤ",
            "TM. ỦY BAN NHÂN DÂN",
            "K/T CHÁNH VĂN PHÒNG",
            "Q. CHỦ TỊCH",
            "TL. BỘ TRƯỞNG",
        ] {
            assert!(RE_AUTHORITY.is_match(l), "{l}");
        }
        assert!(!RE_AUTHORITY.is_match("TM. Ủy ban"));
        assert!(is_post_title("PHÓ CHỦ TỊCH"));
        assert!(!is_post_title("QUYẾT ĐỊNH"));
        assert!(looks_like_name("Phạm Anh Tuấn"));
        assert!(!looks_like_name("Nơi nhận:"));
    }
}
