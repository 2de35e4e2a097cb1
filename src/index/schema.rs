//! The index schema and the record stored with each document.
//!
//! | field | kind | what |
//! |---|---|---|
//! | `path` | string, stored, fast | `source.path` as given at indexing time |
//! | `path_key` | string, fast | absolute path: identity for replace and prune |
//! | `sha256` | string, stored, fast | content hash: unchanged files are skipped |
//! | `code_key` | string | canonical key of the document's own code |
//! | `own_loose` | string, multi | loose keys of the document's own number (`CV|4240`, with and without year): a query naming a document finds the document itself |
//! | `type_key` | string | doc type code, folded and uppercased (`QD`, `KH`) |
//! | `issuer` | text (folded) | issuer name and parent, for `--issuer` |
//! | `date_lo`, `date_hi` | i64, fast | the date as a `YYYYMMDD` range (a year-only date spans the year) |
//! | `ref_key` | string, multi | canonical keys of cited codes (`71-NQ/TW`) |
//! | `ref_loose` | string, multi | loose keys of cited documents (`NQ|71`, `TT|2|2025`) |
//! | `subject_fold` | text (folded) | the subject (trích yếu): free-text matches in it rank first |
//! | `body` | text (accented), stored | the normalized text |
//! | `body_fold` | text (folded) | the same text, diacritics folded |
//! | `record` | bytes, fast | [`Record`] as JSON: metadata and references for output (a fast field, so citation queries with thousands of hits never touch the stored text) |
//! | `ref_match` | string, fast only, multi | per reference that has a key: `NUMBER\x1f[position, code, key, loose, relation, issuer, year]` (JSON without field names, [`match_json`]: the matching keys of [`RefKeys`] without the citation text; `key` is `""` when it is the code as written), where `NUMBER` is the cited number ([`match_prefix_of_key`], [`match_prefix_of_loose`]; one value per distinct number of the reference's keys). The dictionary is sorted by the number, so a citation query decodes only the values of the number it names (one key range), never the whole dictionary; values repeat across documents citing the same document, so the range stays small |

use crate::index::analyzer::{ACCENTED, FOLDED};
use crate::model::{DocDate, DocType, Issuer, Relation, Signer};
use serde::{Deserialize, Serialize};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};

/// Bump when the schema or the meaning of a field changes: an index with
/// another version is refused (and the default corpus index rebuilt).
pub const SCHEMA_VERSION: u32 = 6;

/// Field handles.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub path: Field,
    pub path_key: Field,
    pub sha256: Field,
    pub code_key: Field,
    pub own_loose: Field,
    pub type_key: Field,
    pub issuer: Field,
    pub date_lo: Field,
    pub date_hi: Field,
    pub ref_key: Field,
    pub ref_loose: Field,
    pub subject_fold: Field,
    pub body: Field,
    pub body_fold: Field,
    pub record: Field,
    pub ref_match: Field,
}

fn text(tokenizer: &str, positions: bool) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(if positions {
                IndexRecordOption::WithFreqsAndPositions
            } else {
                IndexRecordOption::WithFreqs
            }),
    )
}

/// Build the schema.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let int = NumericOptions::default().set_indexed().set_fast();
    let fields = Fields {
        path: b.add_text_field("path", STRING | STORED | FAST),
        path_key: b.add_text_field("path_key", STRING | FAST),
        sha256: b.add_text_field("sha256", STRING | STORED | FAST),
        code_key: b.add_text_field("code_key", STRING),
        own_loose: b.add_text_field("own_loose", STRING),
        type_key: b.add_text_field("type_key", STRING),
        issuer: b.add_text_field("issuer", text(FOLDED, true)),
        date_lo: b.add_i64_field("date_lo", int.clone()),
        date_hi: b.add_i64_field("date_hi", int),
        ref_key: b.add_text_field("ref_key", STRING),
        ref_loose: b.add_text_field("ref_loose", STRING),
        subject_fold: b.add_text_field("subject_fold", text(FOLDED, true)),
        body: b.add_text_field("body", text(ACCENTED, true).set_stored()),
        body_fold: b.add_text_field("body_fold", text(FOLDED, true)),
        record: b.add_bytes_field("record", FAST),
        ref_match: b.add_text_field("ref_match", TextOptions::default().set_fast(None)),
    };
    (b.build(), fields)
}

/// Look the fields up in an existing schema.
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let f = |n: &str| schema.get_field(n).ok();
    Some(Fields {
        path: f("path")?,
        path_key: f("path_key")?,
        sha256: f("sha256")?,
        code_key: f("code_key")?,
        own_loose: f("own_loose")?,
        type_key: f("type_key")?,
        issuer: f("issuer")?,
        date_lo: f("date_lo")?,
        date_hi: f("date_hi")?,
        ref_key: f("ref_key")?,
        ref_loose: f("ref_loose")?,
        subject_fold: f("subject_fold")?,
        body: f("body")?,
        body_fold: f("body_fold")?,
        record: f("record")?,
        ref_match: f("ref_match")?,
    })
}

/// What is stored with each indexed document for printing hits.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Record {
    pub path: String,
    /// The document's own number and symbol (`123/STC-NS`), null if none.
    pub code: Option<String>,
    pub doc_type: Option<DocType>,
    pub subject: Option<String>,
    pub date: DocDate,
    pub issuer: Issuer,
    pub signer: Signer,
    pub refs: Vec<StoredRef>,
}

/// One cited document, as kept in a [`Record`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StoredRef {
    /// Code as written (`71-NQ/TW`).
    pub code: Option<String>,
    /// Canonical key (`71-NQ/TW`, `2-CTR/TU`).
    pub key: Option<String>,
    /// Loose keys (`NQ|71`, `NQ|71|2025`).
    pub loose: Vec<String>,
    pub relation: Relation,
    pub issuer: Option<String>,
    /// Year of the cited document: from its code, else from its date.
    pub year: Option<i32>,
    /// The citation as it stands in the text.
    pub text: String,
}

/// What citation matching reads of a [`StoredRef`] (all but its `text`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RefKeys {
    pub code: Option<String>,
    pub key: Option<String>,
    pub loose: Vec<String>,
    pub relation: Relation,
    pub issuer: Option<String>,
    pub year: Option<i32>,
}

impl RefKeys {
    pub fn of(r: &StoredRef) -> RefKeys {
        RefKeys {
            code: r.code.clone(),
            key: r.key.clone(),
            loose: r.loose.clone(),
            relation: r.relation,
            issuer: r.issuer.clone(),
            year: r.year,
        }
    }
}

/// Separates the number from the JSON in a `ref_match` value.
pub(crate) const MATCH_SEP: char = '\x1f';

/// The number a canonical key sorts under in `ref_match`: its leading
/// ASCII digits (`71` for `71-NQ/TW`, `""` for a key without one).
pub(crate) fn match_prefix_of_key(key: &str) -> &str {
    let n = key.bytes().take_while(u8::is_ascii_digit).count();
    &key[..n]
}

/// The number a loose key (`NQ|71`, `NQ|71|2025`) sorts under in
/// `ref_match`: the leading ASCII digits of its number.
pub(crate) fn match_prefix_of_loose(loose: &str) -> &str {
    let seq = loose.split('|').nth(1).unwrap_or("");
    match_prefix_of_key(seq)
}

/// The distinct numbers a reference's keys sort under (empty when the
/// reference has no key: no citation can match it).
pub(crate) fn match_prefixes(key: Option<&str>, loose: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = key
        .map(match_prefix_of_key)
        .into_iter()
        .chain(loose.iter().map(|l| match_prefix_of_loose(l)));
    for p in all {
        if !out.iter().any(|x| x == p) {
            out.push(p.to_string());
        }
    }
    out
}

/// The JSON of a `ref_match` value (after the number): `[position, code,
/// key, loose, relation, issuer, year]`, the key `""` when it equals the
/// code (the usual case: saves a copy per value).
pub(crate) fn match_json(pos: usize, r: &RefKeys) -> Option<String> {
    let key = match (&r.key, &r.code) {
        (Some(k), Some(c)) if !k.is_empty() && k == c => Some(""),
        (k, _) => k.as_deref(),
    };
    serde_json::to_string(&(pos, &r.code, key, &r.loose, r.relation, &r.issuer, r.year)).ok()
}

type MatchTuple = (
    usize,
    Option<String>,
    Option<String>,
    Vec<String>,
    Relation,
    Option<String>,
    Option<i32>,
);

/// Read back what [`match_json`] wrote (None when it does not decode).
pub(crate) fn parse_match_json(json: &[u8]) -> Option<(usize, RefKeys)> {
    let (pos, code, key, loose, relation, issuer, year): MatchTuple =
        serde_json::from_slice(json).ok()?;
    let key = match key {
        Some(k) if k.is_empty() => code.clone(),
        k => k,
    };
    Some((
        pos,
        RefKeys {
            code,
            key,
            loose,
            relation,
            issuer,
            year,
        },
    ))
}

/// A `ref_match` value.
pub(crate) fn match_value(prefix: &str, json: &str) -> String {
    let mut v = String::with_capacity(prefix.len() + 1 + json.len());
    v.push_str(prefix);
    v.push(MATCH_SEP);
    v.push_str(json);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_json_round_trips() {
        let cases = [
            RefKeys {
                code: Some("276/NQ-CP".into()),
                key: Some("276/NQ-CP".into()),
                loose: vec!["NQ|276".into(), "NQ|276|2025".into()],
                relation: Relation::Implements,
                issuer: Some("Chính phủ".into()),
                year: Some(2025),
            },
            RefKeys {
                code: Some("563/QĐ-TTg".into()),
                key: Some("563/QD-TTG".into()),
                ..Default::default()
            },
            RefKeys {
                code: None,
                key: None,
                loose: vec!["NQ|71".into()],
                ..Default::default()
            },
            RefKeys {
                code: Some("x".into()),
                key: None,
                ..Default::default()
            },
        ];
        for (i, r) in cases.iter().enumerate() {
            let json = match_json(i, r).unwrap();
            let (pos, back) = parse_match_json(json.as_bytes()).unwrap();
            assert_eq!(pos, i);
            assert_eq!(format!("{back:?}"), format!("{r:?}"), "{json}");
        }
        assert!(match_json(0, &cases[0]).unwrap().contains(r#","","#));
        assert!(parse_match_json(b"[1,2]").is_none());
    }

    #[test]
    fn match_prefixes_of_keys() {
        assert_eq!(match_prefix_of_key("71-NQ/TW"), "71");
        assert_eq!(match_prefix_of_key("NQ/TW"), "");
        assert_eq!(match_prefix_of_loose("NQ|71|2025"), "71");
        assert_eq!(match_prefix_of_loose("NQ|12A"), "12");
        assert_eq!(match_prefix_of_loose("NQ"), "");
        assert_eq!(
            match_prefixes(Some("71-NQ/TW"), &["NQ|71".into(), "NQ|71|2025".into()]),
            ["71"]
        );
        assert_eq!(
            match_prefixes(Some("7/NQ-CP"), &["NQ|71".into()]),
            ["7", "71"]
        );
        assert!(match_prefixes(None, &[]).is_empty());
        // The range of one number holds none of a longer one.
        assert!(match_value("71", "x").as_str() < "71\x20");
        assert!(match_value("710", "x").as_str() > "71\x20");
    }
}
