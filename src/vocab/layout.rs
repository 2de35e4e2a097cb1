//! Header and page phrases: fixed phrases that wrap in narrow cells,
//! secrecy and urgency stamps, OCR misreadings of `Số:`, site banners of
//! legal portals, and the headings of the part of a plan that assigns the
//! work.

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

/// Secrecy stamps (`Độ mật`), strongest first: written in capitals as a
/// cell of their own in the header.
pub const SECRECY_MARKS: &[&str] = &["TUYỆT MẬT", "TỐI MẬT", "MẬT"];

/// Urgency stamps (`Mức độ khẩn`), strongest first; `HOẢ TỐC` is the
/// old-style tone placement of `HỎA TỐC`.
pub const URGENCY_MARKS: &[&str] = &["HỎA TỐC", "HOẢ TỐC", "THƯỢNG KHẨN", "KHẨN"];

/// Vowels OCR reads for the `ố` of `Số:` (`Sô:`, `Sổ:`, `So:`); accepted
/// only with the colon.
pub const OCR_SO_VOWELS: &str = "ôổồỗóòoÔỔỒỖÓÒO";

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
