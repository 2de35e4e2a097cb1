//! Deadlines inside directive text.
use crate::model::Deadline;

/// Deadlines mentioned in `s`.
pub fn find_deadlines(_s: &str, _doc_year: Option<i32>) -> Vec<Deadline> {
    Vec::new()
}
