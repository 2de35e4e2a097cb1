//! Reading single documents back from the index by id or by their own code
//! (the HTTP server's document pages), and index statistics.
//!
//! A document's id is the SHA-256 of its content (64 hex digits), the same
//! value `sha256` holds: it names an index entry and is never a file path.

use super::schema::Record;
use super::{tantivy_err, Index};
use crate::error::Error;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// A document as the index keeps it.
#[derive(Debug, Clone)]
pub struct StoredDoc {
    /// Its id (SHA-256 of the content, hex).
    pub id: String,
    /// Metadata and references kept for output.
    pub record: Record,
    /// The normalized text (what spans point into).
    pub text: String,
}

/// Counts over the whole index.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Stats {
    pub documents: u64,
    pub segments: usize,
    /// Documents per kind code (`KH`, `CV`…), kinds with none left out.
    pub by_type: Vec<(String, u64)>,
    pub schema_version: u32,
}

/// Is this a well-formed document id (64 lowercase hex digits)?
pub fn valid_id(id: &str) -> bool {
    id.len() == 64
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Index {
    /// Load the last commit, ours or another process's (a server calls this
    /// periodically; searches in flight keep the snapshot they started on).
    pub fn refresh(&self) -> Result<(), Error> {
        self.reload()
    }

    /// The document with this id, if indexed.
    pub fn doc_by_id(&self, id: &str) -> Result<Option<StoredDoc>, Error> {
        if !valid_id(id) {
            return Ok(None);
        }
        let f = &self.fields;
        let err = |e| tantivy_err(&self.dir, e);
        let searcher = self.searcher();
        let q = TermQuery::new(
            Term::from_field_text(f.sha256, id),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&q, &TopDocs::with_limit(1)).map_err(err)?;
        let Some((_, addr)) = top.into_iter().next() else {
            return Ok(None);
        };
        let segments = self.segments.segments(&searcher);
        let record = segments
            .get(addr.segment_ord as usize)
            .map(|s| s.record(addr.doc_id))
            .unwrap_or_default();
        let doc: TantivyDocument = searcher
            .doc(addr)
            .map_err(|e| Error::Index(format!("cannot read a stored document: {e}")))?;
        let text = doc
            .get_first(f.body)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        Ok(Some(StoredDoc {
            id: id.to_string(),
            record,
            text,
        }))
    }

    /// The indexed documents whose own number is `code` (any spelling):
    /// `(id, record)`, at most `limit`, sorted by path.
    pub fn docs_by_code(&self, code: &str, limit: usize) -> Result<Vec<(String, Record)>, Error> {
        let f = &self.fields;
        let err = |e| tantivy_err(&self.dir, e);
        if crate::codes::split(code).is_none() {
            return Ok(Vec::new());
        }
        let key = crate::codes::canonical(code);
        let searcher = self.searcher();
        let q = TermQuery::new(
            Term::from_field_text(f.code_key, &key),
            IndexRecordOption::Basic,
        );
        let top = searcher
            .search(&q, &TopDocs::with_limit(limit.max(1)))
            .map_err(err)?;
        let segments = self.segments.segments(&searcher);
        let mut out: Vec<(String, Record)> = top
            .into_iter()
            .filter_map(|(_, a)| segments.get(a.segment_ord as usize).map(|s| (s, a)))
            .map(|(s, a)| (s.sha256(a.doc_id), s.record(a.doc_id)))
            .collect();
        out.sort_by(|a, b| a.1.path.cmp(&b.1.path));
        Ok(out)
    }

    /// Documents, segments and documents per kind.
    pub fn stats(&self) -> Result<Stats, Error> {
        let f = &self.fields;
        let err = |e| tantivy_err(&self.dir, e);
        let searcher = self.searcher();
        let mut by_type = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for t in crate::vocab::DOC_TYPES {
            let key = crate::text::fold(t.code).to_uppercase();
            if !seen.insert(key.clone()) {
                continue;
            }
            let q = TermQuery::new(
                Term::from_field_text(f.type_key, &key),
                IndexRecordOption::Basic,
            );
            let n = searcher.search(&q, &Count).map_err(err)? as u64;
            if n > 0 {
                by_type.push((t.code.to_string(), n));
            }
        }
        by_type.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(Stats {
            documents: searcher.num_docs(),
            segments: searcher.segment_readers().len(),
            by_type,
            schema_version: super::schema::SCHEMA_VERSION,
        })
    }
}
