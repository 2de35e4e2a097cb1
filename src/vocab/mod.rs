//! Vocabulary tables: document types, issuer abbreviations, signing
//! authorities, relation verbs. Every regex that needs one of these lists is
//! built from the table here, once.

pub mod national;

use crate::model::{DocType, Relation};
use crate::normalize::key;
use std::collections::HashMap;
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
    // The codes in capitals, made once (not per entry per call).
    static UPPER: LazyLock<Vec<String>> =
        LazyLock::new(|| DOC_TYPES.iter().map(|t| t.code.to_uppercase()).collect());
    let up = code.to_uppercase();
    let up = SYMBOL_ALIASES
        .iter()
        .find(|(a, _)| *a == up)
        .map(|(_, c)| c.to_uppercase())
        .unwrap_or(up);
    UPPER.iter().position(|c| *c == up).map(|i| &DOC_TYPES[i])
}

impl TypeEntry {
    pub fn doc_type(&self) -> DocType {
        DocType {
            code: self.code.to_string(),
            name: self.name.to_string(),
        }
    }

    /// [`TypeEntry::doc_type`] for a document whose symbol names the kind
    /// with `symbol_code`: Party documents write `Quy định` as `QĐ`
    /// (`66-QĐ/TW`) and `Thông tri` as `TT` ([`PARTY_CODES`]).
    pub fn doc_type_in(&self, symbol_code: Option<&str>) -> DocType {
        let party = PARTY_CODES
            .iter()
            .find(|(state, party)| *state == self.code && symbol_code == Some(*party));
        DocType {
            code: party.map_or(self.code, |(_, p)| *p).to_string(),
            name: self.name.to_string(),
        }
    }
}

/// Kinds whose Party symbol abbreviation differs from the state table's:
/// (state code, Party code).
pub const PARTY_CODES: &[(&str, &str)] = &[("QyĐ", "QĐ"), ("TTri", "TT")];

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

/// Indices into [`name_unit_keys`] by the unit's first word key, in table
/// order.
pub fn name_units_by_first_word() -> &'static HashMap<String, Vec<usize>> {
    static INDEX: LazyLock<HashMap<String, Vec<usize>>> =
        LazyLock::new(|| index_by_first_word(name_unit_keys().iter().map(|(w, _, _)| w)));
    &INDEX
}

/// Indices into [`place_name_keys`] by the name's first word key, in table
/// order.
pub fn place_names_by_first_word() -> &'static HashMap<String, Vec<usize>> {
    static INDEX: LazyLock<HashMap<String, Vec<usize>>> =
        LazyLock::new(|| index_by_first_word(place_name_keys().iter().map(|(w, _)| w)));
    &INDEX
}

fn index_by_first_word<'a>(
    entries: impl Iterator<Item = &'a Vec<String>>,
) -> HashMap<String, Vec<usize>> {
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, words) in entries.enumerate() {
        if let Some(first) = words.first() {
            map.entry(first.clone()).or_default().push(i);
        }
    }
    map
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
    ("Q", "Q."),
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
/// Secrecy stamps (`Độ mật`), strongest first: written in capitals as a
/// cell of their own in the header.
pub const SECRECY_MARKS: &[&str] = &["TUYỆT MẬT", "TỐI MẬT", "MẬT"];

/// Urgency stamps (`Mức độ khẩn`), strongest first; `HOẢ TỐC` is the
/// old-style tone placement of `HỎA TỐC`.
pub const URGENCY_MARKS: &[&str] = &["HỎA TỐC", "HOẢ TỐC", "THƯỢNG KHẨN", "KHẨN"];

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

/// Vowels OCR reads for the `ố` of `Số:` (`Sô:`, `Sổ:`, `So:`); accepted
/// only with the colon.
pub const OCR_SO_VOWELS: &str = "ôổồỗóòoÔỔỒỖÓÒO";

/// Degrees and ranks written before a signer's name (`PGS.TS. Nguyễn Văn
/// Minh`, `Đại tá Nguyễn Văn Hải`), longest first.
pub const NAME_PREFIXES: &[&str] = &[
    "Nhà giáo Nhân dân",
    "Nhà giáo Ưu tú",
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Thượng úy",
    "Trung úy",
    "Thiếu úy",
    "PGS.TS.",
    "PGS. TS.",
    "GS.TS.",
    "GS. TS.",
    "TS.BS.",
    "BSCKII.",
    "BSCKI.",
    "PGS.",
    "GS.",
    "TS.",
    "ThS.",
    "BS.",
    "KS.",
    "Luật sư",
    "Bác sĩ",
];

// ---------------------------------------------------------------------------
// Knowledge extraction: directives, assignees, deadlines, targets.
// ---------------------------------------------------------------------------

/// Words that start the name of a body told to act (`Sở Tài chính`,
/// `Ủy ban nhân dân các xã`, `Thủ trưởng các đơn vị`). Matched
/// case-sensitively at a word start: running text has these in lower case
/// only when they are not names.
pub const ORG_HEADS: &[&str] = &[
    "Ủy ban",
    "Uỷ ban",
    "UBND",
    "HĐND",
    "Hội đồng",
    "Mặt trận",
    "MTTQ",
    "BCH",
    "Sở",
    "Bộ",
    "Ban",
    "Đảng ủy",
    "Đảng uỷ",
    "Đảng đoàn",
    "Đảng bộ",
    "Ban cán sự",
    "Chi bộ",
    "Cấp ủy",
    "Cấp uỷ",
    "Thành ủy",
    "Thành uỷ",
    "Tỉnh ủy",
    "Tỉnh uỷ",
    "Huyện ủy",
    "Huyện uỷ",
    "Quận ủy",
    "Quận uỷ",
    "Văn phòng",
    "Phòng",
    "Công an",
    "Bộ Chỉ huy",
    "Bộ đội",
    "Trường",
    "Trung tâm",
    "Tổng cục",
    "Chi cục",
    "Cục",
    "Vụ",
    "Viện",
    "Học viện",
    "Bệnh viện",
    "Công ty",
    "Chi nhánh",
    "Cơ sở giáo dục",
    "Cơ sở đào tạo",
    "Đại học",
    "Kho bạc",
    "Ngân hàng",
    "Bảo hiểm xã hội",
    "Thanh tra",
    "Tòa án",
    "Toà án",
    "Đài",
    "Báo",
    "Liên đoàn",
    "Hội",
    "Đoàn",
    "Tỉnh đoàn",
    "Thành đoàn",
    "Hiệp hội",
    "Tập đoàn",
    "Tổng công ty",
    "Công ty",
    "Cơ quan",
    "Đơn vị",
    "Thủ trưởng",
    "Giám đốc",
    "Chủ tịch",
    "Hiệu trưởng",
    "Chánh",
    "Trưởng",
    "Bí thư",
    "Thường trực",
    "Người đứng đầu",
    "Lãnh đạo",
    "Bộ trưởng",
    "Thủ tướng",
    "Chính phủ",
    "Tổ công tác",
    "Tiểu ban",
    "Phó",
    "Ban Chỉ đạo",
    "Cục trưởng",
    "Công đoàn",
];

/// True when `name` begins with one of [`ORG_HEADS`] (compared by key, so
/// `SỞ GIÁO DỤC` and `Sở Giáo dục` both do).
pub fn starts_with_org_head(name: &str) -> bool {
    static KEYS: LazyLock<Vec<String>> =
        LazyLock::new(|| ORG_HEADS.iter().map(|h| key(h)).collect());
    let k = key(name);
    KEYS.iter()
        .any(|h| crate::normalize::starts_with_word(&k, h))
}

/// Nouns that make `các …` / `Các …` / `những …` a group of bodies
/// (`các sở, ban, ngành`, `Các chi bộ`, `các tổ chức chính trị - xã hội`).
pub const ORG_GROUP_NOUNS: &[&str] = &[
    "sở",
    "ban",
    "bộ",
    "ngành",
    "cơ quan",
    "đơn vị",
    "trường",
    "chi bộ",
    "đảng bộ",
    "đảng ủy",
    "cấp ủy",
    "tổ chức",
    "địa phương",
    "huyện",
    "quận",
    "xã",
    "phường",
    "tỉnh",
    "thành phố",
    "phòng",
    "doanh nghiệp",
    "cơ sở",
    "hội",
    "đoàn thể",
    "ủy ban",
    "tập đoàn",
    "tổng công ty",
    "công ty",
    "hiệp hội",
    "thành viên",
    "đồng chí",
    "đại học",
    "trung tâm",
    "ngân hàng",
    "bộ phận",
    "tổ",
    "cục",
    "vụ",
    "viện",
    "học viện",
    "nhà trường",
    "đài",
    "báo",
    "lực lượng",
    "chủ đầu tư",
    "nhà đầu tư",
    "ubnd",
    "hđnd",
];

/// Verbs that end the subject of a directive (`Sở Tài chính chủ trì …`,
/// `Các chi bộ căn cứ …`). Lower case; compared on lower-cased text.
pub const ACTION_VERBS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "căn cứ",
    "hướng dẫn",
    "chỉ đạo",
    "tổ chức",
    "xây dựng",
    "thực hiện",
    "triển khai",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "khẩn trương",
    "tham mưu",
    "rà soát",
    "nghiên cứu",
    "theo dõi",
    "kiểm tra",
    "báo cáo",
    "tiếp tục",
    "đẩy mạnh",
    "quán triệt",
    "tuyên truyền",
    "bố trí",
    "đảm bảo",
    "bảo đảm",
    "cập nhật",
    "lãnh đạo",
    "thường xuyên",
    "định kỳ",
    "chủ động",
    "nghiêm túc",
    "được giao",
    "phải",
    "cần",
    "tăng cường",
    "vận động",
    "ban hành",
    "trình",
    "đề xuất",
    "tập trung",
    "xem xét",
    "cung cấp",
    "hỗ trợ",
    "phổ biến",
    "theo chức năng",
    "trong phạm vi",
    "kịp thời",
    "giám sát",
    "đôn đốc",
    "thông báo",
    "tổng hợp",
    "phân công",
    "quan tâm",
    "nắm",
    "rà",
    "sớm",
    "lập",
    "chuẩn bị",
    "quyết định",
    "thi hành",
    "giải quyết",
    "hoàn thành",
    "hoàn thiện",
    "thống nhất",
    "chịu",
    "là",
    "có",
    "trực tiếp",
    "ưu tiên",
    "duy trì",
    "nâng cao",
    "đầu tư",
    "bảo vệ",
    "gửi",
    "giao",
    "tiếp thu",
    "thừa ủy quyền",
    "thừa uỷ quyền",
    "thay mặt",
    "xác định",
    "xử lý",
    "quản lý",
    "giúp",
    "nhất là",
    "đặc biệt là",
    "trong đó",
    "định hướng",
    "tiếp nhận",
    "bổ sung",
    "điều chỉnh",
];

/// Verbs that name the assignee after them (`Giao Sở Tài chính chủ trì`,
/// `Đề nghị Ủy ban nhân dân các huyện:`). Lower case, longest first.
pub const ASSIGN_VERBS: &[&str] = &[
    "giao cho",
    "giao",
    "đề nghị",
    "yêu cầu",
    "ủy quyền cho",
    "ủy quyền",
    // Headings that name the body an item is for (`1. Trách nhiệm của Sở Y
    // tế`, `2. Đối với Sở Tài chính:`).
    "trách nhiệm của",
    "nhiệm vụ của",
    "đối với",
    "về phía",
];

/// Openings of an introductory clause before the subject of a duty
/// (`Căn cứ các quy định hiện hành, các cơ sở đào tạo xây dựng …`,
/// `Trên cơ sở Kế hoạch này, các sở … tổ chức thực hiện`). Lower case.
pub const INTRO_CLAUSES: &[&str] = &["căn cứ", "trên cơ sở", "theo chức năng", "để", "nhằm"];

/// Openings of a topic line that heads an item before the sentence that
/// assigns it (`Về thực hiện các biện pháp phòng, chống dịch` ⏎ `Thủ
/// trưởng các đơn vị … có trách nhiệm …`). Lower case.
pub const TOPIC_HEADS: &[&str] = &["về ", "đối với công tác", "đối với việc"];

/// Words that introduce co-operating bodies after the lead.
pub const COOPERATE_WORDS: &[&str] = &["phối hợp chặt chẽ với", "phối hợp với", "phối hợp cùng"];

/// Words just before a time expression that make it a deadline
/// (`trước ngày 15/11/2025`, `trong Quý I/2026`). Lower case, longest first.
pub const DEADLINE_CUES: &[&str] = &[
    "chậm nhất là vào",
    "chậm nhất vào",
    "chậm nhất là",
    "chậm nhất",
    "muộn nhất là",
    "muộn nhất",
    "không muộn hơn",
    "hạn chót",
    "thời hạn",
    "hạn",
    "hoàn thành trước",
    "hoàn thành trong",
    "hoàn thành",
    "xong trước",
    "xong trong",
    "xong",
    "trước",
    "trong",
    "đến hết",
    "thời gian thực hiện",
    "thời gian hoàn thành",
    "thời gian",
    "tiến độ",
];

/// Words for recurring or open-ended deadlines and the period value they
/// give (only read in a deadline context such as `Thời gian: thường xuyên`).
pub const RECURRING_PERIODS: &[(&str, &str)] = &[
    ("hằng năm", "hằng năm"),
    ("hàng năm", "hằng năm"),
    ("hằng quý", "hằng quý"),
    ("hàng quý", "hằng quý"),
    ("hằng tháng", "hằng tháng"),
    ("hàng tháng", "hằng tháng"),
    ("hằng tuần", "hằng tuần"),
    ("hàng tuần", "hằng tuần"),
    ("thường xuyên", "thường xuyên"),
];

/// Comparison words before a quantity and the `cmp` they give. Lower case,
/// longest first.
pub const CMP_WORDS: &[(&str, &str)] = &[
    ("không thấp hơn", ">="),
    ("không vượt quá", "<="),
    ("không dưới", ">="),
    ("không quá", "<="),
    ("tối thiểu", ">="),
    ("ít nhất", ">="),
    ("tối đa", "<="),
    ("nhiều hơn", ">"),
    ("cao hơn", ">"),
    ("thấp hơn", "<"),
    ("vượt mức", ">"),
    ("vượt", ">"),
    ("trên", ">"),
    ("hơn", ">"),
    ("dưới", "<"),
    ("đủ", ">="),
    ("≥", ">="),
    (">=", ">="),
    ("≤", "<="),
    ("<=", "<="),
    (">", ">"),
    ("<", "<"),
];

/// Words that may stand between a comparison word and its number
/// (`tối đa bằng 40%`, `tối thiểu đạt 80%`).
pub const CMP_FILLERS: &[&str] = &["bằng", "là", "đạt", "ở mức"];

/// Words after a quantity that turn it into a lower bound (`80% trở lên`).
pub const CMP_AFTER: &[(&str, &str)] = &[("trở lên", ">="), ("trở xuống", "<=")];

/// Rank words: `tốp 10`, `top 5` → value with `<=`.
pub const RANK_WORDS: &[&str] = &["tốp", "top"];

/// Units written after a count (longest first within a shared prefix); a
/// count without one of these takes its next word as the unit.
pub const TARGET_UNITS: &[&str] = &[
    "nghìn tỷ đồng",
    "tỷ đồng",
    "triệu đồng",
    "nghìn đồng",
    "đồng",
    "tỷ USD",
    "triệu USD",
    "USD",
    "phòng học",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "dự án",
    "doanh nghiệp",
    "cơ sở",
    "trường",
    "lớp",
    "nhà đa năng",
    "căn hộ",
    "câu lạc bộ",
    "sản phẩm",
    "mô hình",
    "giường bệnh",
    "bác sĩ",
    "thuê bao",
    "điểm",
    "người",
    "lao động",
    "hộ",
    "km",
    "ha",
    "giờ",
    "ngày",
    "lần",
    "trạm",
    "xã",
    "huyện",
    "đơn vị",
    "tiết",
    "buổi",
];

/// Words that end a unit-less count's unit guess: function words that
/// cannot be a unit.
pub const NOT_UNITS: &[&str] = &[
    "và", "các", "của", "cho", "trở", "với", "là", "đến", "trong", "tại", "từ", "theo", "để", "so",
    "được", "đã", "trên", "dưới", "hoặc", "thì", "mà",
];

/// Words of a sentence that sets a legal norm rather than a goal: support
/// levels, fees, fines, allowances, processing times (`mức hỗ trợ
/// 2.000.000 đồng/người/tháng`, `phạt tiền từ …`, `thời hạn giải quyết 10
/// ngày làm việc`). Quantities in such a sentence are norms. Lower case.
pub const NORM_CUES: &[&str] = &[
    "mức hỗ trợ",
    "mức chi",
    "mức trợ cấp",
    "mức phụ cấp",
    "mức phạt",
    "phạt tiền",
    "phạt cảnh cáo",
    "lệ phí",
    "mức thu",
    "mức phí",
    "mức đóng",
    "mức lương",
    "mức thưởng",
    "mức khen thưởng",
    "mức bồi thường",
    "định mức",
    "tỷ lệ phí",
    "tỉ lệ phí",
    "đơn giá",
    "thời hạn giải quyết",
    "được cấp",
    "được hưởng",
];

/// Units of a quantity that is a norm whatever the sentence (a schedule or
/// a duration: `9 buổi/tuần`, `7 tiết`, `10 ngày làm việc`; money per
/// month or year is a goal unless the sentence names a norm, as in
/// `thu nhập đạt 75 triệu đồng/người/năm`). A unit ending with one of
/// these, lower case.
pub const NORM_UNIT_ENDS: &[&str] = &[
    "/ngày",
    "/tuần",
    "/giờ",
    "/buổi",
    "ngày làm việc",
    "tiết",
    "tiết học",
    "phút",
    "giờ",
];

/// Number words read as counts after a comparison word (`ít nhất một sự
/// kiện`); `năm` (five / year) is left out.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("một", 1.0),
    ("hai", 2.0),
    ("ba", 3.0),
    ("bốn", 4.0),
    ("sáu", 6.0),
    ("bảy", 7.0),
    ("tám", 8.0),
    ("chín", 9.0),
    ("mười", 10.0),
];

/// Words that end the unit noun phrase after a count (`2 dự án trong các
/// khu`, `01 sự kiện, hoạt động`). Lower case.
pub const UNIT_STOPS: &[&str] = &[
    "trong", "cho", "để", "có", "được", "tại", "của", "và", "với", "theo", "từ", "đến", "ở",
    "trên", "dưới", "nhằm", "hoặc", "là", "thuộc", "mỗi", "này", "đó", "đạt", "đưa", "vào", "phục",
    "gồm", "bao", "trở", "so", "như", "khi", "nếu", "thì", "mà", "về", "hằng", "hàng",
];

/// Openers of sentences that report the current state rather than set a
/// goal (`Hiện nay, …`, `Tính đến …`); quantities in them are not targets.
pub const STATUS_MARKERS: &[&str] = &[
    "hiện nay",
    "hiện có",
    "tính đến",
    "tính từ",
    "kết quả",
    "đã đạt",
    "đã có",
    "đến nay",
    "năm qua",
    "so với cùng kỳ",
    "tăng so với",
    "giảm so với",
];

/// Headings of the part of a plan that assigns the work.
pub const IMPLEMENTATION_HEADINGS: &[&str] = &[
    "tổ chức thực hiện",
    "trách nhiệm thực hiện",
    "phân công nhiệm vụ",
    "phân công thực hiện",
    "phân công trách nhiệm",
    "trách nhiệm của các cơ quan, đơn vị",
    "trách nhiệm của các cơ quan",
];

/// Words that name the citing document itself (`Kế hoạch này`,
/// `Quyết định này`), after a kind name: not references.
pub const SELF_WORDS: &[&str] = &["này"];

/// Anaphora after a kind name that point back to a document cited before
/// (`Nghị quyết nêu trên`, `Kế hoạch trên`).
pub const ANAPHORA_WORDS: &[&str] = &[
    "nêu trên",
    "đã nêu",
    "nói trên",
    "trên đây",
    "vừa nêu",
    "dẫn trên",
    "nêu tại",
];

/// Item openings that look like a body's name but are not
/// (`Báo cáo …` is a verb, `Trường hợp …` means "in case").
pub const NOT_ORG_STARTS: &[&str] = &[
    "Báo cáo",
    "Trường hợp",
    "Ban hành",
    "Phòng chống",
    "Phòng, chống",
    "Phòng ngừa",
    "Hội nghị",
    "Hội thảo",
    "Hội thi",
    "Hội diễn",
    "Vụ việc",
    "Lãnh đạo,",
    "Bộ máy",
    "Bộ tiêu chí",
    "Bộ công cụ",
    "Bộ sách",
    "Bộ thủ tục",
    "Bộ chỉ số",
    "Đoàn kết",
    "Sở hữu",
    "Cục bộ",
    "Đơn vị tính",
    "Trưởng thành",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
];

/// School levels written as abbreviations; the school's proper name follows
/// them (`TRƯỜNG THPT CAO LÃNH 2` → `Trường THPT Cao Lãnh 2`).
pub const SCHOOL_LEVELS: &[&str] = &[
    "THPT",
    "THCS",
    "TH",
    "MN",
    "MG",
    "PTDTNT",
    "PTDTBT",
    "PTCS",
    "THCS&THPT",
    "TTGDTX",
    "GDNN-GDTX",
];

/// Site names and page furniture of legal portals that precede a saved
/// document (compared by key, as substrings).
pub const SITE_BANNERS: &[&str] = &[
    "thư viện pháp luật",
    "thuvienphapluat",
    "luật việt nam",
    "luatvietnam",
    "trang chủ",
    "cơ sở dữ liệu quốc gia về văn bản pháp luật",
    "vbpl.vn",
    "đang tải văn bản",
];

/// Provinces and centrally run cities (before and after the 2025 merger),
/// written properly: proper names inside upper-case organisation names
/// (`TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI`) keep their capitals.
pub const PLACE_NAMES: &[&str] = &[
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
    "Tây Nguyên",
    "Nam Bộ",
    "Bắc Bộ",
    "Trung Bộ",
];

/// [`PLACE_NAMES`] split into word keys, longest first.
pub fn place_name_keys() -> &'static [(Vec<String>, &'static str)] {
    static KEYS: LazyLock<Vec<(Vec<String>, &'static str)>> = LazyLock::new(|| {
        let mut v: Vec<(Vec<String>, &'static str)> = PLACE_NAMES
            .iter()
            .map(|p| (p.split(' ').map(key).collect(), *p))
            .collect();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        v
    });
    &KEYS
}
