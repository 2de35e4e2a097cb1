//! Vocabulary tables: document types, issuer abbreviations, signing
//! authorities, relation verbs. Every regex that needs one of these lists is
//! built from the table here, once.

use crate::model::{DocType, Relation};
use crate::normalize::key;
use std::sync::LazyLock;

/// One document kind: official abbreviation, Vietnamese name, and other
/// names that mean the same kind (all matched case-insensitively).
#[derive(Debug, Clone, Copy)]
pub struct TypeEntry {
    pub code: &'static str,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// True for kinds whose number is often cited (`Nghị quyết số 71`):
    /// every entry here is citable; `Văn bản` is the generic letter.
    pub citable: bool,
}

/// Document kinds (Nghị định 30/2020 Phụ lục III, legal normative types,
/// Party kinds). Longer names first where one is a prefix of another.
pub const DOC_TYPES: &[TypeEntry] = &[
    TypeEntry {
        code: "CTr",
        name: "Chương trình",
        aliases: &["Chương trình hành động", "Chương trình công tác"],
        citable: true,
    },
    TypeEntry {
        code: "KH",
        name: "Kế hoạch",
        aliases: &["Kế hoạch hành động", "Kế hoạch liên tịch"],
        citable: true,
    },
    TypeEntry {
        code: "TTLT",
        name: "Thông tư liên tịch",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "NQLT",
        name: "Nghị quyết liên tịch",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "NQ",
        name: "Nghị quyết",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "NĐ",
        name: "Nghị định",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "QĐ",
        name: "Quyết định",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "CT",
        name: "Chỉ thị",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "QC",
        name: "Quy chế",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "QyĐ",
        name: "Quy định",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "TC",
        name: "Thông cáo",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "TB",
        name: "Thông báo",
        aliases: &["Thông báo kết luận"],
        citable: true,
    },
    TypeEntry {
        code: "HD",
        name: "Hướng dẫn",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "PA",
        name: "Phương án",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "ĐA",
        name: "Đề án",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "DA",
        name: "Dự án",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "BC",
        name: "Báo cáo",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "BB",
        name: "Biên bản",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "TTr",
        name: "Tờ trình",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "HĐ",
        name: "Hợp đồng",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "CĐ",
        name: "Công điện",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "BGN",
        name: "Bản ghi nhớ",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "BTT",
        name: "Bản thỏa thuận",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "GUQ",
        name: "Giấy ủy quyền",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "GM",
        name: "Giấy mời",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "GGT",
        name: "Giấy giới thiệu",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "GNP",
        name: "Giấy nghỉ phép",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "PG",
        name: "Phiếu gửi",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "PC",
        name: "Phiếu chuyển",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "PB",
        name: "Phiếu báo",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "TT",
        name: "Thông tư",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "TTri",
        name: "Thông tri",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "KL",
        name: "Kết luận",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "L",
        name: "Luật",
        aliases: &["Bộ luật"],
        citable: true,
    },
    TypeEntry {
        code: "PL",
        name: "Pháp lệnh",
        aliases: &[],
        citable: true,
    },
    TypeEntry {
        code: "CV",
        name: "Công văn",
        aliases: &["Văn bản"],
        citable: true,
    },
];

/// Symbol type parts that differ from the table code (`QĐ` is also the Party
/// abbreviation for `Quy định`; `Thông tri` is written `TT` in Party symbols).
const SYMBOL_ALIASES: &[(&str, &str)] = &[("CTR", "CTr"), ("TTG", "TTg")];

/// Look a kind up by its name or an alias (`Nghị quyết`, `nghị quyết`,
/// `KẾ HOẠCH HÀNH ĐỘNG`).
pub fn type_by_name(name: &str) -> Option<&'static TypeEntry> {
    static KEYS: LazyLock<Vec<(String, &'static TypeEntry)>> = LazyLock::new(|| {
        DOC_TYPES
            .iter()
            .flat_map(|t| {
                std::iter::once(t.name)
                    .chain(t.aliases.iter().copied())
                    .map(move |n| (key(n), t))
            })
            .collect()
    });
    let k = key(name);
    KEYS.iter().find(|(n, _)| *n == k).map(|(_, t)| *t)
}

/// Look a kind up by its code, case-insensitively (`ctr` → `CTr`).
pub fn type_by_code(code: &str) -> Option<&'static TypeEntry> {
    let up = code.to_uppercase();
    let up = SYMBOL_ALIASES
        .iter()
        .find(|(a, _)| *a == up)
        .map(|(_, c)| c.to_uppercase())
        .unwrap_or(up);
    DOC_TYPES.iter().find(|t| t.code.to_uppercase() == up)
}

impl TypeEntry {
    pub fn doc_type(&self) -> DocType {
        DocType {
            code: self.code.to_string(),
            name: self.name.to_string(),
        }
    }
}

/// Every name and alias, longest first (for building regex alternations).
pub fn all_type_names() -> &'static [&'static str] {
    static NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut v: Vec<&'static str> = DOC_TYPES
            .iter()
            .flat_map(|t| std::iter::once(t.name).chain(t.aliases.iter().copied()))
            .collect();
        v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        v
    });
    &NAMES
}

/// [`all_type_names`] with their comparison keys, longest first.
pub fn type_name_keys() -> &'static [(&'static str, String)] {
    static KEYS: LazyLock<Vec<(&'static str, String)>> =
        LazyLock::new(|| all_type_names().iter().map(|n| (*n, key(n))).collect());
    &KEYS
}

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

/// Abbreviations expanded in issuer names (`UBND` → `Ủy ban nhân dân`).
pub const ISSUER_ABBREVIATIONS: &[(&str, &str)] = &[
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("TP.", "thành phố"),
    ("TP", "thành phố"),
    ("BCĐ", "Ban Chỉ đạo"),
];

/// Signing authorities as written → canonical form.
pub const AUTHORITIES: &[(&str, &str)] = &[
    ("KT.", "KT."),
    ("KT", "KT."),
    ("K/T", "KT."),
    ("K/T.", "KT."),
    ("TM.", "TM."),
    ("TM", "TM."),
    ("T/M", "TM."),
    ("T/M.", "TM."),
    ("TL.", "TL."),
    ("TL", "TL."),
    ("T/L", "TL."),
    ("T/L.", "TL."),
    ("TUQ.", "TUQ."),
    ("TUQ", "TUQ."),
    ("T/UQ", "TUQ."),
    ("Q.", "Q."),
];

/// Verbs that govern a citation and the relation they imply. Matched on
/// [`key`]s, so case and tone placement do not matter.
pub const RELATION_VERBS: &[(&str, Relation)] = &[
    ("căn cứ", Relation::Basis),
    ("theo", Relation::Basis),
    ("trên cơ sở", Relation::Basis),
    ("thực hiện", Relation::Implements),
    ("triển khai", Relation::Implements),
    ("quán triệt", Relation::Implements),
    ("cụ thể hóa", Relation::Implements),
    ("tổ chức thực hiện", Relation::Implements),
    ("thi hành", Relation::Implements),
    ("gửi kèm", Relation::Attached),
    ("kèm theo", Relation::Attached),
    ("ban hành kèm theo", Relation::Attached),
];

/// Posts and organisational words, used to case titles and issuer names
/// (`PHÓ CHÁNH VĂN PHÒNG` → `Phó Chánh Văn phòng`): each entry is one unit
/// whose first syllable is capitalized.
pub const TITLE_UNITS: &[&str] = &[
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "ban chấp hành",
    "ban thường vụ",
    "ban chỉ đạo",
    "ban chỉ huy",
    "mặt trận tổ quốc",
    "tổng giám đốc",
    "giám đốc",
    "chủ tịch",
    "văn phòng",
    "bí thư",
    "tổng bí thư",
    "thủ tướng",
    "bộ trưởng",
    "thứ trưởng",
    "hiệu trưởng",
    "thường vụ",
    "thường trực",
    "chính phủ",
    "trưởng ban",
    "trưởng phòng",
    "cục trưởng",
    "vụ trưởng",
    "viện trưởng",
    "chủ nhiệm",
    "tổng cục trưởng",
    "chỉ huy trưởng",
    "chánh án",
    "viện trưởng",
    "trung ương",
    "quốc hội",
    "chính trị",
    "ủy ban",
    "ban",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(type_by_name("KẾ HOẠCH HÀNH ĐỘNG").unwrap().code, "KH");
        assert_eq!(type_by_name("nghị quyết").unwrap().code, "NQ");
        assert_eq!(type_by_name("Văn bản").unwrap().code, "CV");
        assert_eq!(type_by_code("CTR").unwrap().code, "CTr");
        assert_eq!(type_by_code("QĐ").unwrap().name, "Quyết định");
        assert!(type_by_code("VP").is_none());
        let names = all_type_names();
        let kh = names.iter().position(|n| *n == "Kế hoạch").unwrap();
        let kh2 = names
            .iter()
            .position(|n| *n == "Kế hoạch hành động")
            .unwrap();
        assert!(kh2 < kh);
    }
}

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
    ("Trưởng ban", UnitKind::Fixed),
    ("Trưởng phòng", UnitKind::Fixed),
    ("Cục trưởng", UnitKind::Fixed),
    ("Vụ trưởng", UnitKind::Fixed),
    ("Viện trưởng", UnitKind::Fixed),
    ("Thủ trưởng", UnitKind::Fixed),
    ("Phó", UnitKind::Fixed),
    ("xã hội", UnitKind::Fixed),
    ("Văn phòng", UnitKind::Head),
    ("Tổng cục", UnitKind::Head),
    ("Chi cục", UnitKind::Head),
    ("Học viện", UnitKind::Head),
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

/// The table spelling of a name that is exactly one fixed unit of
/// [`NAME_UNITS`] written in another case (`Chính Phủ` → `Chính phủ`,
/// `BỘ CHÍNH TRỊ` → `Bộ Chính trị`); other names come back unchanged.
pub fn canonical_name(name: &str) -> String {
    let lower = name.to_lowercase();
    NAME_UNITS
        .iter()
        .find(|(u, kind)| *kind == UnitKind::Fixed && u.to_lowercase() == lower)
        .map(|(u, _)| u.to_string())
        .unwrap_or_else(|| name.to_string())
}

/// Fixed phrases of headers and mottos that narrow table cells (portal
/// pages, PDF conversions) wrap onto two lines: `ỦY BAN NHÂN⏎DÂN`,
/// `ĐẢNG CỘNG⏎SẢN VIỆT NAM`. Normalization joins a line break that falls
/// inside one of them. Compared case-insensitively, tone placement unified.
pub const WRAPPED_PHRASES: &[&str] = &[
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Đảng Cộng sản Việt Nam",
    "Ban Chấp hành Trung ương",
    "Ban Chấp hành Đảng bộ",
    "Chánh Văn phòng",
    "Ban Thường vụ",
    "Ban Chỉ đạo",
    "Thủ tướng Chính phủ",
    "Văn phòng Chính phủ",
    "Văn phòng Trung ương Đảng",
    "Mặt trận Tổ quốc Việt Nam",
    "Bộ Chính trị",
    "Bộ Giáo dục và Đào tạo",
    "Sở Giáo dục và Đào tạo",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Thông tin và Truyền thông",
    "Bộ Giao thông vận tải",
    "Bộ Xây dựng",
    "Thành phố Hồ Chí Minh",
];

/// Posts a signer holds, as they head a signature block (`GIÁM ĐỐC`,
/// `PHÓ CHỦ TỊCH` is `phó` + a post). Lowercase, new tone placement.
pub const SIGNER_POSTS: &[&str] = &[
    "giám đốc",
    "chủ tịch",
    "bộ trưởng",
    "thứ trưởng",
    "thủ tướng",
    "bí thư",
    "chánh văn phòng",
    "hiệu trưởng",
    "trưởng ban",
    "trưởng phòng",
    "cục trưởng",
    "tổng cục trưởng",
    "vụ trưởng",
    "viện trưởng",
    "chủ nhiệm",
    "tổng giám đốc",
    "thủ trưởng",
    "trưởng đoàn",
    "chỉ huy trưởng",
    "tổng bí thư",
    "người ký",
];
