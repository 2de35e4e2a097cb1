//! Places: provinces and centrally run cities, whose names keep their
//! capitals inside upper-case organisation names.

use super::index_by_first_word;
use crate::text::key;
use std::collections::HashMap;
use std::sync::LazyLock;

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

/// Indices into [`place_name_keys`] by the name's first word key, in table
/// order.
pub fn place_names_by_first_word() -> &'static HashMap<String, Vec<usize>> {
    static INDEX: LazyLock<HashMap<String, Vec<usize>>> =
        LazyLock::new(|| index_by_first_word(place_name_keys().iter().map(|(w, _)| w)));
    &INDEX
}
