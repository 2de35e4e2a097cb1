//! The JSON shape of a hit, shared by `congvan search --json`, `congvan refs
//! --json` and the HTTP API (`/api/search`, `/api/refs/…`).

use super::search::Hit;
use crate::model::{DocDate, DocType};
use serde::Serialize;

/// One hit: the contract's fields in its order, then the additions.
#[derive(Debug, Serialize)]
pub struct HitLine<'a> {
    pub path: &'a str,
    pub score: f64,
    pub code: &'a Option<String>,
    pub doc_type: &'a Option<DocType>,
    pub subject: &'a Option<String>,
    pub date: &'a DocDate,
    pub matched_references: &'a [String],
    /// The citation's relation (`refs` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<&'static str>,
    /// `document` (the document the query names, listed first), `citing`
    /// or `text` (a free-text match).
    pub role: &'static str,
    /// The document's id in the index (`/api/doc/{id}`).
    pub id: &'a str,
}

impl<'a> HitLine<'a> {
    /// The line of a hit; `with_relation` adds the relation (`refs`).
    pub fn of(h: &'a Hit, with_relation: bool) -> HitLine<'a> {
        HitLine {
            path: &h.path,
            score: (f64::from(h.score) * 1000.0).round() / 1000.0,
            code: &h.code,
            doc_type: &h.doc_type,
            subject: &h.subject,
            date: &h.date,
            matched_references: &h.matched_references,
            relation: if with_relation {
                Some(h.relation.map(|r| r.as_str()).unwrap_or("mentions"))
            } else {
                None
            },
            role: h.role.as_str(),
            id: &h.id,
        }
    }

    /// Compact JSON (`{}` if it cannot be serialized, which does not happen).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }
}
