//! Places: provinces and centrally run cities, whose names keep their
//! capitals inside upper-case organisation names.

use super::index_by_first_word;
use crate::text::key;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Provinces and centrally run cities (before and after the 2025 merger),
/// written properly: proper names inside upper-case organisation names
/// (`TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI`) keep their capitals.
pub static PLACE_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::tsv_list(include_str!("data/place_names.tsv")));

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
