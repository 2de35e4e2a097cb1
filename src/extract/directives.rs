//! Directives: the numbered structure of the operative part.
use crate::model::Directive;
use std::ops::Range;

/// Directives found in `text[body]`. `doc_year` completes deadlines written
/// without a year (`trước 15/11`).
pub fn extract_directives(
    _text: &str,
    _body: Range<usize>,
    _doc_year: Option<i32>,
) -> Vec<Directive> {
    Vec::new()
}
