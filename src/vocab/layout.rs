//! Header and page phrases: fixed phrases that wrap in narrow cells,
//! secrecy and urgency stamps, OCR misreadings of `Số:`, site banners of
//! legal portals, and the headings of the part of a plan that assigns the
//! work.

use std::sync::LazyLock;

/// Fixed phrases of headers and mottos that narrow table cells (portal
/// pages, PDF conversions) wrap onto two lines: `ỦY BAN NHÂN⏎DÂN`,
/// `ĐẢNG CỘNG⏎SẢN VIỆT NAM`. Normalization joins a line break that falls
/// inside one of them. Compared case-insensitively, tone placement unified.
pub static WRAPPED_PHRASES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/wrapped_phrases.tsv")));

/// Secrecy stamps (`Độ mật`), strongest first: written in capitals as a
/// cell of their own in the header.
/// Mottos that a mass organisation sets in the header's right column in
/// place of the national one (`TỈNH ĐOÀN BẮC NINH      ĐOÀN TNCS HỒ CHÍ
/// MINH`): cut off the issuer's line when they stand beyond a column gap
/// (the same words inside the left column name the body itself: `BAN
/// CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH`). Lowercase, new tone
/// placement.
pub const COLUMN_MOTTOS: &[&str] = &[
    "đoàn tncs hồ chí minh",
    "đoàn thanh niên cộng sản hồ chí minh",
];

/// How the title line of a news or government web page starts (`CỔNG
/// THÔNG TIN ĐIỆN TỬ BỘ Y TẾ`, `BÁO ĐIỆN TỬ ĐẢNG BỘ TỈNH ĐIỆN BIÊN`), or
/// what follows ` - ` in one (`TUỔI TRẺ BẮC NINH - Cổng thông tin điện tử
/// Tỉnh đoàn Bắc Ninh`): a site banner, no issuer. Lowercase.
pub const PORTAL_TITLES: &[&str] = &[
    "cổng thông tin điện tử",
    "trang thông tin điện tử",
    "báo điện tử",
];

/// Extensions of attached files (`215-KH-TDTN.pdf` on a portal page): a
/// code followed by one is a file's name, no citation. Lowercase.
pub const FILE_EXTENSIONS: &[&str] = &["pdf", "docx", "doc", "xlsx", "xls", "zip", "rar", "odt"];

pub const SECRECY_MARKS: &[&str] = &["TUYỆT MẬT", "TỐI MẬT", "MẬT"];

/// Urgency stamps (`Mức độ khẩn`), strongest first; `HOẢ TỐC` is the
/// old-style tone placement of `HỎA TỐC`.
pub const URGENCY_MARKS: &[&str] = &["HỎA TỐC", "HOẢ TỐC", "THƯỢNG KHẨN", "KHẨN"];

/// A draft's stamp (`DỰ THẢO`, `DỰ THẢO LẦN 2`): no part of the header's
/// bodies.
pub const DRAFT_MARKS: &[&str] = &["DỰ THẢO"];

/// What OCR reads for the `ố` of `Số:` (`Sô:`, `Sổ:`, `So:`, `S6:`);
/// accepted only with the colon.
pub const OCR_SO_VOWELS: &str = "ôổồỗóòoÔỔỒỖÓÒO6";

/// Site names and page furniture of legal portals that precede a saved
/// document (compared by key, as substrings).
pub static SITE_BANNERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/site_banners.tsv")));

/// Lines that open a portal page's footer after the document (`Các tin
/// khác:`, `Tin liên quan`): the links below are other pages, not cited.
/// Compared by key at the start of a short line; each starts with `c`, `t`,
/// `b`, `v`, `f` or `x` (`segment::portal_footer` keys only such lines).
pub const PORTAL_FOOTERS: &[&str] = &[
    "các tin khác",
    "tin khác",
    "tin liên quan",
    "tin cùng chuyên mục",
    "bài viết liên quan",
    "các bài viết khác",
    "bình luận (",
    "văn bản liên quan",
    "tệp đính kèm",
    "tập tin đính kèm",
    "file đính kèm",
    "văn bản cùng lĩnh vực",
    "văn bản cùng loại",
    "văn bản cùng cơ quan",
    "văn bản khác",
    "các văn bản khác",
    "xem thêm",
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
