//! Bodies and their heads: abbreviations in issuer names, the units of
//! organisation names and posts with their written form, the words that
//! start the name of a body, and what only looks like one.

use super::index_by_first_word;
use crate::text::key;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Abbreviations expanded in issuer names (`UBND` → `Ủy ban nhân dân`).
pub static ISSUER_ABBREVIATIONS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| super::tsv_pairs(include_str!("data/issuer_abbreviations.tsv")));

/// Posts and organisational words, used to case titles and issuer names
/// (`PHÓ CHÁNH VĂN PHÒNG` → `Phó Chánh Văn phòng`): each entry is one unit
/// whose first syllable is capitalized.
pub static TITLE_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/title_units.tsv")));

/// How a unit of an organisation name or post affects casing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// Written exactly as in the table.
    Fixed,
    /// An organisation head (`Sở`, `Bộ`): the field name after it has the
    /// first syllable of each component capitalized (`Sở Giáo dục và Đào tạo`).
    Head,
    /// An administrative level (`tỉnh`, `thành phố`): the place name after it
    /// is Title Case (`thành phố Hải Phòng`).
    Designator,
}

/// Units of organisation names and posts with their proper written form.
/// Matched longest first, case-insensitively.
pub const NAME_UNITS: &[(&str, UnitKind)] = &[
    ("Ban Chấp hành Trung ương", UnitKind::Fixed),
    ("Ủy ban nhân dân", UnitKind::Fixed),
    ("Hội đồng nhân dân", UnitKind::Fixed),
    ("Mặt trận Tổ quốc", UnitKind::Fixed),
    ("Chánh Văn phòng", UnitKind::Fixed),
    ("Ban Thường vụ", UnitKind::Fixed),
    ("Ban Chỉ đạo", UnitKind::Fixed),
    ("Ban Chấp hành", UnitKind::Fixed),
    ("Ban Bí thư", UnitKind::Fixed),
    ("Bộ Chính trị", UnitKind::Fixed),
    ("Tổng Bí thư", UnitKind::Fixed),
    ("Thủ tướng", UnitKind::Fixed),
    ("Chính phủ", UnitKind::Fixed),
    ("Quốc hội", UnitKind::Fixed),
    ("Trung ương", UnitKind::Fixed),
    ("Việt Nam", UnitKind::Fixed),
    ("Hồ Chí Minh", UnitKind::Fixed),
    ("Đảng ủy", UnitKind::Fixed),
    ("Đảng bộ", UnitKind::Fixed),
    ("Giám đốc", UnitKind::Fixed),
    ("Tổng Giám đốc", UnitKind::Fixed),
    ("Chủ tịch", UnitKind::Fixed),
    ("Bí thư", UnitKind::Fixed),
    ("Bộ trưởng", UnitKind::Fixed),
    ("Thứ trưởng", UnitKind::Fixed),
    ("Hiệu trưởng", UnitKind::Fixed),
    ("Thường trực", UnitKind::Fixed),
    ("Chủ nhiệm", UnitKind::Fixed),
    // A post that names its unit: the unit's own name follows (`Trưởng
    // phòng Tổ chức cán bộ`).
    ("Trưởng ban", UnitKind::Head),
    ("Trưởng phòng", UnitKind::Head),
    ("Trưởng khoa", UnitKind::Head),
    ("Cục trưởng", UnitKind::Fixed),
    ("Tổng cục trưởng", UnitKind::Fixed),
    ("Vụ trưởng", UnitKind::Fixed),
    ("Viện trưởng", UnitKind::Fixed),
    ("Thủ trưởng", UnitKind::Fixed),
    ("Phó", UnitKind::Fixed),
    ("xã hội", UnitKind::Fixed),
    ("Văn phòng", UnitKind::Head),
    ("Tổng cục", UnitKind::Head),
    ("Chi cục", UnitKind::Head),
    ("Học viện", UnitKind::Head),
    ("Bệnh viện", UnitKind::Head),
    ("Công ty", UnitKind::Head),
    ("Chi nhánh", UnitKind::Head),
    ("Đại học", UnitKind::Head),
    ("Trung tâm", UnitKind::Head),
    ("Công an", UnitKind::Head),
    ("Ủy ban", UnitKind::Head),
    ("Sở", UnitKind::Head),
    ("Bộ", UnitKind::Head),
    ("Cục", UnitKind::Head),
    ("Vụ", UnitKind::Head),
    ("Ban", UnitKind::Head),
    ("Phòng", UnitKind::Head),
    ("Viện", UnitKind::Head),
    ("Trường", UnitKind::Head),
    ("Thành ủy", UnitKind::Designator),
    ("Tỉnh ủy", UnitKind::Designator),
    ("Huyện ủy", UnitKind::Designator),
    ("Quận ủy", UnitKind::Designator),
    ("thành phố", UnitKind::Designator),
    ("thị xã", UnitKind::Designator),
    ("thị trấn", UnitKind::Designator),
    ("đặc khu", UnitKind::Designator),
    ("tỉnh", UnitKind::Designator),
    ("huyện", UnitKind::Designator),
    ("quận", UnitKind::Designator),
    ("phường", UnitKind::Designator),
    ("xã", UnitKind::Designator),
];

/// [`NAME_UNITS`] split into word keys, for matching word by word.
pub fn name_unit_keys() -> &'static [(Vec<String>, &'static str, UnitKind)] {
    static UNITS: LazyLock<Vec<(Vec<String>, &'static str, UnitKind)>> = LazyLock::new(|| {
        NAME_UNITS
            .iter()
            .map(|(u, k)| (u.split(' ').map(key).collect(), *u, *k))
            .collect()
    });
    &UNITS
}

/// Indices into [`name_unit_keys`] by the unit's first word key, in table
/// order.
pub fn name_units_by_first_word() -> &'static HashMap<String, Vec<usize>> {
    static INDEX: LazyLock<HashMap<String, Vec<usize>>> =
        LazyLock::new(|| index_by_first_word(name_unit_keys().iter().map(|(w, _, _)| w)));
    &INDEX
}

/// The table spelling of a name that is exactly one fixed unit of
/// [`NAME_UNITS`] written in another case (`Chính Phủ` → `Chính phủ`,
/// `BỘ CHÍNH TRỊ` → `Bộ Chính trị`); other names come back unchanged.
pub fn canonical_name(name: &str) -> String {
    static FIXED: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
        NAME_UNITS
            .iter()
            .filter(|(_, kind)| *kind == UnitKind::Fixed)
            .map(|(u, _)| (*u, u.to_lowercase()))
            .collect()
    });
    let lower = name.to_lowercase();
    FIXED
        .iter()
        .find(|(_, l)| *l == lower)
        .map(|(u, _)| u.to_string())
        .unwrap_or_else(|| name.to_string())
}

/// Words that start the name of a body told to act (`Sở Tài chính`,
/// `Ủy ban nhân dân các xã`, `Thủ trưởng các đơn vị`). Matched
/// case-sensitively at a word start: running text has these in lower case
/// only when they are not names.
pub static ORG_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/org_heads.tsv")));

/// True when `name` begins with one of [`ORG_HEADS`] (compared by key, so
/// `SỞ GIÁO DỤC` and `Sở Giáo dục` both do).
pub fn starts_with_org_head(name: &str) -> bool {
    static KEYS: LazyLock<Vec<String>> =
        LazyLock::new(|| ORG_HEADS.iter().map(|h| key(h)).collect());
    let k = key(name);
    KEYS.iter().any(|h| crate::text::starts_with_word(&k, h))
}

/// Nouns that make `các …` / `Các …` / `những …` a group of bodies
/// (`các sở, ban, ngành`, `Các chi bộ`, `các tổ chức chính trị - xã hội`).
pub static ORG_GROUP_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/org_group_nouns.tsv")));

/// Item openings that look like a body's name but are not
/// (`Báo cáo …` is a verb, `Trường hợp …` means "in case").
pub static NOT_ORG_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/not_org_starts.tsv")));

/// School levels written as abbreviations; the school's proper name follows
/// them (`TRƯỜNG THPT CAO LÃNH 2` → `Trường THPT Cao Lãnh 2`).
pub static SCHOOL_LEVELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/school_levels.tsv")));

/// What a parenthesis inside the name of those addressed may hold (`các
/// ông (bà) có tên tại Điều 1`): it does not end the name. Written as
/// after the `(`, lowercase.
pub const ADDRESSEE_PARENTHESES: &[&str] = &["bà)"];
