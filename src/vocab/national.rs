//! National bodies and the codes they write in symbols
//! (`data/national_bodies.tsv`): who issued a cited document when the text
//! does not say (`QĐ-TTg` → Thủ tướng Chính phủ).

use crate::text::fold;
use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("data/national_bodies.tsv");

/// Folded, upper-case code → body name.
static BY_CODE: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(code, body)| (fold(code.trim()).to_uppercase(), body.trim()))
        .collect()
});

/// Party bodies whose documents carry a shared code (`TW`), named in full.
pub const PARTY_BODIES: &[&str] = &[
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành Trung ương",
    "Ban Chấp hành Trung ương Đảng",
    "Trung ương Đảng",
];

/// Every body of the table.
pub fn all_bodies() -> impl Iterator<Item = &'static str> {
    BY_CODE.values().copied()
}

/// The national body written as `code` in a symbol (`TTg`, `BGDĐT`,
/// `QH15`), if the table has it.
pub fn body_of_code(code: &str) -> Option<&'static str> {
    let k = fold(code).to_uppercase();
    if let Some(b) = BY_CODE.get(&k) {
        return Some(b);
    }
    // `QH15`, `UBTVQH14`: a term number after the body.
    let stem = k.trim_end_matches(|c: char| c.is_ascii_digit());
    (stem.len() < k.len() && !stem.is_empty())
        .then(|| BY_CODE.get(stem).copied())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_reads_and_folds() {
        assert_eq!(body_of_code("TTg"), Some("Thủ tướng Chính phủ"));
        assert_eq!(body_of_code("TTG"), Some("Thủ tướng Chính phủ"));
        assert_eq!(body_of_code("BGDDT"), Some("Bộ Giáo dục và Đào tạo"));
        assert_eq!(body_of_code("QH15"), Some("Quốc hội"));
        assert_eq!(body_of_code("UBND"), None);
        assert_eq!(body_of_code("TW"), None);
    }
}
