//! Elasticsearch/OpenSearch: the bulk document of a parsed file, the index
//! template its fields need, and the query that reproduces a `congvan
//! search` there.
//!
//! Citation keys are the index's own: [`crate::index::reference_keys`]
//! gives both the tantivy fields and these.

use crate::model::Document;
use serde_json::{json, Value};

/// The bulk document of one file: header fields, citation keys (`ref_keys`
/// canonical, `ref_loose` kind + number with and without the year, as the
/// tantivy index stores them), the references in full, and the text.
pub fn opensearch_doc(doc: &Document, text: &str) -> Value {
    let mut ref_keys: Vec<String> = Vec::new();
    let mut ref_loose: Vec<String> = Vec::new();
    let mut refs = Vec::new();
    for r in &doc.references {
        let k = crate::index::reference_keys(r);
        if let Some(key) = &k.key {
            if !ref_keys.contains(key) {
                ref_keys.push(key.clone());
            }
        }
        for l in &k.loose {
            if !ref_loose.contains(l) {
                ref_loose.push(l.clone());
            }
        }
        refs.push(json!({
            "code": r.code,
            "key": k.key,
            "loose": k.loose,
            "doc_type": r.doc_type.as_ref().map(|t| &t.code),
            "date": r.date,
            "year": k.year,
            "issuer": r.issuer,
            "symbol_issuer": r.symbol_issuer,
            "relation": r.relation,
            "text": r.text,
        }));
    }
    let d = &doc.date;
    let date = match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => Some(format!("{y}-{m:02}-{day:02}")),
        (Some(y), Some(m), None) => Some(format!("{y}-{m:02}")),
        (Some(y), None, _) => Some(y.to_string()),
        _ => None,
    };
    json!({
        "path": doc.source.path,
        "sha256": doc.source.sha256,
        "format": doc.source.format,
        "code": doc.number.raw.as_ref().map(|r| r.split_whitespace().collect::<String>()),
        "code_key": crate::index::own_code_key(doc),
        "doc_type": doc.doc_type.as_ref().map(|t| &t.code),
        "doc_type_name": doc.doc_type.as_ref().map(|t| &t.name),
        "issuer": doc.issuer.name,
        "issuer_parent": doc.issuer.parent,
        "place": doc.place,
        "date": date,
        "year": d.year,
        "subject": doc.subject,
        "signer": doc.signer.name,
        "signer_title": doc.signer.title,
        "recipients": doc.recipients,
        "secrecy": doc.secrecy,
        "urgency": doc.urgency,
        "ref_keys": ref_keys,
        "ref_loose": ref_loose,
        "references": refs,
        "text": text,
    })
}

/// The index template (`PUT _index_template/congvan`): keyword fields for
/// codes, citation keys and filters; the text twice, as written and folded
/// (accents removed, `đ` → `d`) with the standard analyzers of both
/// engines; dates at the precision the document gives.
pub fn opensearch_template(index_name: &str) -> Value {
    let text = json!({
        "type": "text",
        "analyzer": "vi_text",
        "fields": {"folded": {"type": "text", "analyzer": "vi_folded"}}
    });
    let references = json!({
        "type": "nested",
        "properties": {
            "code": {"type": "keyword"},
            "key": {"type": "keyword"},
            "loose": {"type": "keyword"},
            "doc_type": {"type": "keyword"},
            "date": {"type": "date", "format": "yyyy-MM-dd"},
            "year": {"type": "integer"},
            "issuer": {"type": "keyword"},
            "symbol_issuer": {"type": "keyword"},
            "relation": {"type": "keyword"},
            "text": {"type": "text", "analyzer": "vi_text"}
        }
    });
    json!({
        "index_patterns": [format!("{index_name}*")],
        "template": {
            "settings": {
                "analysis": {
                    "analyzer": {
                        "vi_text": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
                        "vi_folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}
                    }
                }
            },
            "mappings": {
                "dynamic": "strict",
                "properties": {
                    "path": {"type": "keyword"},
                    "sha256": {"type": "keyword"},
                    "format": {"type": "keyword"},
                    "code": {"type": "keyword"},
                    "code_key": {"type": "keyword"},
                    "doc_type": {"type": "keyword"},
                    "doc_type_name": {"type": "keyword"},
                    "issuer": {"type": "text", "analyzer": "vi_text", "fields": {"keyword": {"type": "keyword"}, "folded": {"type": "text", "analyzer": "vi_folded"}}},
                    "issuer_parent": {"type": "keyword"},
                    "place": {"type": "keyword"},
                    "date": {"type": "date", "format": "yyyy-MM-dd||yyyy-MM||yyyy"},
                    "year": {"type": "integer"},
                    "subject": text,
                    "signer": {"type": "keyword"},
                    "signer_title": {"type": "keyword"},
                    "recipients": {"type": "keyword"},
                    "secrecy": {"type": "keyword"},
                    "urgency": {"type": "keyword"},
                    "ref_keys": {"type": "keyword"},
                    "ref_loose": {"type": "keyword"},
                    "references": references,
                    "text": text
                }
            }
        }
    })
}

/// The search body that asks the cluster what `congvan search QUERY`
/// asks the tantivy index: each citation by its canonical key (boost 10)
/// or its kind + number key (boost 5; with the year when given, else
/// without), the words left over as full text over subject and text, as
/// written and folded.
pub fn opensearch_query(query: &str) -> Value {
    let parsed = crate::index::query::parse(query);
    let mut should = Vec::new();
    for c in &parsed.citations {
        if let Some(k) = &c.exact {
            should.push(
                json!({"constant_score": {"filter": {"term": {"ref_keys": k}}, "boost": 10.0}}),
            );
        }
        if let Some(l) = &c.loose {
            let with_year = l.key(true);
            should.push(json!({"constant_score": {"filter": {"term": {"ref_loose": with_year}}, "boost": 5.0}}));
        }
    }
    let text = parsed.text.trim();
    if parsed.citations.is_empty() {
        if text.is_empty() {
            return json!({"query": {"match_none": {}}});
        }
        return json!({
            "query": {"multi_match": {
                "query": text,
                "fields": ["subject^3", "subject.folded^2", "text", "text.folded"],
                "type": "best_fields"
            }},
            "highlight": {"fields": {"text": {}}}
        });
    }
    json!({
        "query": {"bool": {"should": should, "minimum_should_match": 1}},
        "highlight": {"fields": {"references.text": {}}}
    })
}
