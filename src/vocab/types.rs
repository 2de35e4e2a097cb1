//! Document types and codes: the kinds of document (Nghị định 30/2020
//! Phụ lục III, legal normative types, Party kinds), their abbreviations in
//! symbols and the names they are written with.

use crate::model::DocType;
use crate::text::key;
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
        code: "Luật",
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
    // A key keeps one character for each one that is not a blank: a name
    // with more of them than the longest kind's name is no kind (whole
    // lines are asked about).
    static LONGEST: LazyLock<usize> = LazyLock::new(|| {
        KEYS.iter()
            .map(|(n, _)| crate::text::key_letters_capped(n, usize::MAX))
            .max()
            .unwrap_or(0)
    });
    if crate::text::key_letters_capped(name, *LONGEST) > *LONGEST {
        return None;
    }
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
/// Phrases of laws' names that hold a comma or `và` (`Luật Phòng, chống
/// tham nhũng`, `Luật Khoa học và Công nghệ`), lowercase: the comma or
/// `và` of a listed phrase does not end a law's name.
pub static LAW_NAME_JOINS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| super::tsv_list(include_str!("data/law_name_joins.tsv")));

pub const PARTY_CODES: &[(&str, &str)] = &[("QyĐ", "QĐ"), ("TTri", "TT")];

/// Every document-type name as a regex alternation, longest first; the
/// words may be broken across lines (`Quyết⏎định`).
pub fn type_names_pattern() -> String {
    all_type_names()
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
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
