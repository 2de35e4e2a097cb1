//! Vocabulary tables, one file per subject (see `README.md` in this
//! directory): document types and codes ([`types`]), bodies and their
//! heads ([`bodies`]), signers and authorities ([`signers`]), relation and
//! action verbs ([`verbs`]), time and quantity words ([`quantities`]),
//! places ([`places`]), header and page phrases ([`layout`]), national
//! bodies and their codes ([`national`]). Every regex that needs one of
//! these lists is built from the table, once. Every table is reachable as
//! `crate::vocab::NAME`.

pub mod bodies;
pub mod layout;
pub mod national;
pub mod places;
pub mod quantities;
pub mod signers;
pub mod types;
pub mod verbs;

pub use bodies::*;
pub use layout::*;
pub use places::*;
pub use quantities::*;
pub use signers::*;
pub use types::*;
pub use verbs::*;

use std::collections::HashMap;

/// The entries of a table in `data/*.tsv` compiled in: one per line, in
/// file order; blank lines and lines starting with `#` are skipped.
fn tsv_lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A one-column table.
fn tsv_list(table: &'static str) -> Vec<&'static str> {
    tsv_lines(table).collect()
}

/// A two-column table (tab-separated).
fn tsv_pairs(table: &'static str) -> Vec<(&'static str, &'static str)> {
    tsv_lines(table)
        .map(|l| l.split_once('\t').expect("two tab-separated columns"))
        .collect()
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
