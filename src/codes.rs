//! Document codes (`71-NQ/TW`, `281/NQ-CP`, `02/2025/TT-BGDĐT`): parsing the
//! parts and the canonical keys that make spelling variants equal.
//!
//! Search, resolution of short mentions and the citation graph all compare
//! codes through these keys, so this is the one place that decides when two
//! codes are the same document.

use crate::text::fold;
use crate::vocab;

/// Canonical key of a code: diacritics folded (`Đ` → `D`), uppercase, every
/// dash `-`, no whitespace. `71 – NQ/TW`, `71-NQ/TW,` and `71-nq/tw` give
/// `71-NQ/TW`; `255/KH-BGDĐT` and `255/KH-BGDDT` give `255/KH-BGDDT`.
pub fn canonical(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for c in code.chars() {
        match c {
            c if c.is_whitespace() => {}
            // ASCII folds to itself: no per-character allocation.
            c if c.is_ascii() => out.push(c.to_ascii_uppercase()),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c => out.extend(fold(&c.to_string()).chars().flat_map(|c| c.to_uppercase())),
        }
    }
    // Leading zeros of the number do not distinguish documents.
    let out = out.trim_end_matches(['.', ',', ';', ':', ')']).to_string();
    strip_leading_zeros(&out)
}

fn strip_leading_zeros(s: &str) -> String {
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 1 {
        let trimmed = s[..digits].trim_start_matches('0');
        let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
        format!("{trimmed}{}", &s[digits..])
    } else {
        s.to_string()
    }
}

/// Loose key: kind + number (+ year), no issuer: `NQ|71`, `TT|2|2025`.
/// Lets `Nghị quyết 71`, `NQ 71` and `nghi quyet 71` find `71-NQ/TW`.
pub fn loose(type_code: &str, seq: &str, year: Option<i32>) -> String {
    let t = fold(type_code).to_uppercase();
    let n = seq.trim_start_matches('0');
    let n = if n.is_empty() { "0" } else { n };
    match year {
        Some(y) => format!("{t}|{n}|{y}"),
        None => format!("{t}|{n}"),
    }
}

/// The parts of a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeParts {
    /// Number as written (`02`), None when blank.
    pub seq: Option<String>,
    /// Year inside the code (`02/2025/TT-BGDĐT`).
    pub year: Option<i32>,
    /// Symbol after the number (`NQ/TW`, `TT-BGDĐT`, `VP-VX`).
    pub symbol: String,
    /// The kind named in the symbol, if any (`NQ` in `NQ/TW` or `NQ-CP`).
    pub type_code: Option<&'static str>,
}

/// Split a code (whitespace allowed around separators) into its parts.
/// Returns None when there is no symbol.
pub fn split(code: &str) -> Option<CodeParts> {
    let compact: String = code
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let compact = compact.trim_end_matches(['.', ',', ';', ':', ')']);
    let digits = compact
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || c.is_ascii_lowercase())
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    let seq = if digits > 0 {
        Some(compact[..digits].to_string())
    } else {
        None
    };
    let rest = &compact[digits..];
    let party = rest.starts_with('-');
    let rest = rest.strip_prefix(['/', '-'])?;
    let (year, symbol) = match rest.split_once('/') {
        Some((y, s)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => {
            (y.parse().ok(), s)
        }
        _ => (None, rest),
    };
    if symbol.is_empty() || !symbol.chars().next().is_some_and(|c| c.is_alphabetic()) {
        return None;
    }
    let first = symbol.split(['-', '/']).next().unwrap_or("");
    let type_code = if party || symbol.contains('-') || symbol.contains('/') {
        vocab::type_by_code(first)
            .filter(|t| !matches!(t.code, "Luật"))
            .map(|t| t.code)
    } else {
        None
    };
    Some(CodeParts {
        seq,
        year,
        symbol: symbol.to_string(),
        type_code,
    })
}

/// The national body a code's symbol names without doubt (`1341/QĐ-TTg` →
/// `Thủ tướng Chính phủ`, `140/2018/NĐ-CP` → `Chính phủ`, `10894/VPCP-CN`
/// → `Văn phòng Chính phủ`), from [`vocab::national`]. None for local
/// symbols, Party symbols shared by several bodies (`NQ/TW`) and joint
/// documents (`TTLT-BGDĐT-BTC`).
pub fn national_issuer(code: &str) -> Option<&'static str> {
    let p = split(code)?;
    let mut parts = p.symbol.split(['-', '/']).filter(|s| !s.is_empty());
    let first = parts.next()?;
    let folded = fold(first).to_uppercase();
    if folded.ends_with("LT") && vocab::type_by_code(&first[..first.len() - 2]).is_some() {
        // TTLT, NQLT: joint documents name several bodies.
        return None;
    }
    let org = if p.type_code.is_some() || vocab::type_by_code(first).is_some() {
        parts.next()?
    } else {
        first
    };
    vocab::national::body_of_code(org)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_issuers_from_symbols() {
        for (code, body) in [
            ("1341/QĐ-TTg", Some("Thủ tướng Chính phủ")),
            ("140/2018/NĐ-CP", Some("Chính phủ")),
            ("71/NQ-CP", Some("Chính phủ")),
            ("10894/VPCP-CN", Some("Văn phòng Chính phủ")),
            ("32/2018/TT-BGDĐT", Some("Bộ Giáo dục và Đào tạo")),
            ("7415/BNV-CCVC", Some("Bộ Nội vụ")),
            ("72/2025/QH15", Some("Quốc hội")),
            ("432-TB/VPTW", Some("Văn phòng Trung ương Đảng")),
            ("71-NQ/TW", None),
            ("12/KH-UBND", None),
            ("279-CV/VPĐU", None),
            ("01/2020/TTLT-BGDĐT-BTC", None),
        ] {
            assert_eq!(national_issuer(code), body, "{code}");
        }
    }

    #[test]
    fn canonical_variants() {
        for v in [
            "71-NQ/TW",
            "71 - NQ/TW",
            "71–NQ/TW",
            "71-NQ/TW,",
            "71-nq/tw",
        ] {
            assert_eq!(canonical(v), "71-NQ/TW", "{v}");
        }
        assert_eq!(canonical("255/KH-BGDĐT"), canonical("255/KH-BGDDT"));
        assert_eq!(canonical("279-CV/VPÐU"), canonical("279-CV/VPĐU"));
        assert_eq!(canonical("02-CTr/TU"), "2-CTR/TU");
    }

    #[test]
    fn split_shapes() {
        let p = split("71-NQ/TW").unwrap();
        assert_eq!(
            (p.seq.as_deref(), p.symbol.as_str(), p.type_code),
            (Some("71"), "NQ/TW", Some("NQ"))
        );
        let p = split("02/2025/TT-BGDĐT").unwrap();
        assert_eq!(
            (p.seq.as_deref(), p.year, p.symbol.as_str(), p.type_code),
            (Some("02"), Some(2025), "TT-BGDĐT", Some("TT"))
        );
        let p = split("11494/VP-VX").unwrap();
        assert_eq!((p.symbol.as_str(), p.type_code), ("VP-VX", None));
        let p = split("/VP-VX").unwrap();
        assert_eq!(p.seq, None);
        let p = split("01 -KH/BCĐ").unwrap();
        assert_eq!(
            (p.seq.as_deref(), p.symbol.as_str(), p.type_code),
            (Some("01"), "KH/BCĐ", Some("KH"))
        );
        let p = split("02-CTr/TU").unwrap();
        assert_eq!(p.type_code, Some("CTr"));
        assert!(split("8/13").is_none());
    }

    #[test]
    fn loose_keys() {
        assert_eq!(loose("NQ", "71", None), "NQ|71");
        assert_eq!(loose("CTr", "02", None), "CTR|2");
        assert_eq!(loose("NĐ", "30", Some(2020)), "ND|30|2020");
    }
}
