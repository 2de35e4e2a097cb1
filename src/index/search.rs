//! Running queries: citation search, free-text search, filters, snippets.

use super::query::{self, Citation, ParsedQuery, Unit};
use super::schema::{Fields, Record, RefKeys, StoredRef};
use super::{relation_weight, tantivy_err, Index};
use crate::error::Error;
use crate::model::{DocDate, DocType, Relation};
use crate::normalize::fold;
use std::collections::{BTreeMap, HashMap};
use std::ops::{Bound, Range};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// Search options: how many hits, and filters on the indexed documents.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// Most hits returned.
    pub limit: usize,
    /// Only documents of this kind (`KH`, `Kế hoạch`).
    pub doc_type: Option<String>,
    /// Only documents whose issuer (or the body above it) contains this.
    pub issuer: Option<String>,
    /// Only documents dated on or after (`2025-01-01`, `2025-03`, `2025`).
    pub from: Option<String>,
    /// Only documents dated on or before.
    pub to: Option<String>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            doc_type: None,
            issuer: None,
            from: None,
            to: None,
        }
    }
}

/// A highlighted passage.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<Range<usize>>,
}

/// One hit.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    /// `source.path` as given at indexing time.
    pub path: String,
    pub score: f32,
    /// The document's own number and symbol.
    pub code: Option<String>,
    pub doc_type: Option<DocType>,
    pub subject: Option<String>,
    pub date: DocDate,
    /// Codes (as written) of the references that matched a citation query.
    pub matched_references: Vec<String>,
    /// Relation of the best matched reference.
    pub relation: Option<Relation>,
    /// Canonical key of the cited document this hit belongs to.
    pub group: Option<String>,
    pub snippet: Option<Snippet>,
}

/// A cited document found for a citation query, with how many indexed
/// documents cite it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Group {
    /// Canonical key (`71-NQ/TW`).
    pub key: String,
    /// As written in the first citing document.
    pub code: String,
    pub count: usize,
}

/// What a search found.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// Matching documents before `limit`.
    pub total: usize,
    /// The citations understood in the query (`NQ 71`, `71-NQ/TW`).
    pub citations: Vec<String>,
    /// Cited documents matched, in the order of the hits.
    pub groups: Vec<Group>,
    /// A short citation matched more than one cited document.
    pub ambiguous: bool,
    /// Nobody cites the named document: these are full-text hits instead.
    pub fallback: bool,
}

fn term_q(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn phrase_q(field: Field, terms: &[&str]) -> Option<Box<dyn Query>> {
    match terms {
        [] => None,
        [one] => Some(term_q(field, one)),
        many => Some(Box::new(PhraseQuery::new(
            many.iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        ))),
    }
}

fn boost(q: Box<dyn Query>, b: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, b))
}

fn union(qs: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match qs.len() {
        0 => None,
        1 => qs.into_iter().next(),
        _ => Some(Box::new(BooleanQuery::union(qs))),
    }
}

fn folded(s: &[query::Syllable]) -> Vec<&str> {
    s.iter().map(|x| x.folded.as_str()).collect()
}
fn accented(s: &[query::Syllable]) -> Vec<&str> {
    s.iter().map(|x| x.accented.as_str()).collect()
}

/// Scoring clauses: exact-accent phrases above folded phrases above
/// adjacent pairs (bigrams) above single syllables.
fn scoring_query(units: &[Unit], f: &Fields) -> Option<Box<dyn Query>> {
    let mut should: Vec<Box<dyn Query>> = Vec::new();
    let phrase = |s: &[query::Syllable], should: &mut Vec<Box<dyn Query>>| {
        should.extend(phrase_q(f.body, &accented(s)).map(|q| boost(q, 3.0)));
        should.extend(phrase_q(f.body_fold, &folded(s)).map(|q| boost(q, 2.0)));
    };
    for u in units {
        match u {
            Unit::Run(s) | Unit::Quoted(s) => {
                phrase(s, &mut should);
                if s.len() > 2 {
                    for w in s.windows(2) {
                        should.extend(phrase_q(f.body_fold, &folded(w)));
                    }
                }
                if matches!(u, Unit::Run(_)) && s.len() > 1 {
                    for x in s {
                        should.push(boost(term_q(f.body, &x.accented), 0.5));
                        should.push(boost(term_q(f.body_fold, &x.folded), 0.5));
                    }
                }
            }
            Unit::Alt(alts) => {
                for a in alts {
                    phrase(a, &mut should);
                }
            }
        }
    }
    union(should)
}

/// Which documents qualify: level 0 every run as a phrase, level 1 every
/// syllable, level 2 any syllable.
fn tier_query(units: &[Unit], f: &Fields, level: u8) -> Option<Box<dyn Query>> {
    let alt = |alts: &[Vec<query::Syllable>]| {
        union(
            alts.iter()
                .filter_map(|a| phrase_q(f.body_fold, &folded(a)))
                .collect(),
        )
    };
    if level == 2 {
        let mut any = Vec::new();
        for u in units {
            match u {
                Unit::Run(s) => any.extend(s.iter().map(|x| term_q(f.body_fold, &x.folded))),
                Unit::Quoted(s) => any.extend(phrase_q(f.body_fold, &folded(s))),
                Unit::Alt(a) => any.extend(alt(a)),
            }
        }
        return union(any);
    }
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for u in units {
        match u {
            Unit::Run(s) if level == 1 => must.extend(
                s.iter()
                    .map(|x| (Occur::Must, term_q(f.body_fold, &x.folded))),
            ),
            Unit::Run(s) | Unit::Quoted(s) => {
                must.extend(phrase_q(f.body_fold, &folded(s)).map(|q| (Occur::Must, q)))
            }
            Unit::Alt(a) => must.extend(alt(a).map(|q| (Occur::Must, q))),
        }
    }
    (!must.is_empty()).then(|| Box::new(BooleanQuery::new(must)) as Box<dyn Query>)
}

/// `YYYY[-MM[-DD]]` → `YYYYMMDD`, the first (`upper == false`) or last day.
fn parse_date(s: &str, upper: bool) -> Result<i64, Error> {
    let bad = || {
        Error::Index(format!(
            "invalid date {s:?}: use YYYY-MM-DD, YYYY-MM or YYYY"
        ))
    };
    let parts: Vec<&str> = s.trim().split(['-', '/', '.']).collect();
    let num = |p: Option<&&str>, lo: i64, hi: i64| -> Result<Option<i64>, Error> {
        match p {
            None => Ok(None),
            Some(p) => {
                let v: i64 = p.parse().map_err(|_| bad())?;
                if (lo..=hi).contains(&v) {
                    Ok(Some(v))
                } else {
                    Err(bad())
                }
            }
        }
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    let y = num(parts.first(), 1000, 9999)?.ok_or_else(bad)?;
    let m = num(parts.get(1), 1, 12)?;
    let d = num(parts.get(2), 1, 31)?;
    let (m, d) = if upper {
        (m.unwrap_or(12), d.unwrap_or(31))
    } else {
        (m.unwrap_or(1), d.unwrap_or(1))
    };
    Ok(y * 10000 + m * 100 + d)
}

fn filters(f: &Fields, opts: &SearchOptions) -> Result<Vec<Box<dyn Query>>, Error> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    if let Some(t) = opts.doc_type.as_deref().filter(|t| !t.trim().is_empty()) {
        let code = crate::vocab::type_by_code(t.trim())
            .or_else(|| crate::vocab::type_by_name(t))
            .map(|e| e.code.to_string())
            .unwrap_or_else(|| t.trim().to_string());
        out.push(Box::new(TermQuery::new(
            Term::from_field_text(f.type_key, &fold(&code).to_uppercase()),
            IndexRecordOption::Basic,
        )));
    }
    if let Some(i) = &opts.issuer {
        let terms = super::analyzer::terms(i, true);
        let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
        out.extend(phrase_q(f.issuer, &terms));
    }
    if let Some(from) = &opts.from {
        let from = parse_date(from, false)?;
        out.push(Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_i64(f.date_hi, from)),
            Bound::Unbounded,
        )));
    }
    if let Some(to) = &opts.to {
        let to = parse_date(to, true)?;
        out.push(Box::new(RangeQuery::new(
            Bound::Unbounded,
            Bound::Included(Term::from_field_i64(f.date_lo, to)),
        )));
    }
    Ok(out)
}

/// Reads [`Record`]s from the `record` fast field, one column per segment.
struct Records {
    cols: Vec<Option<tantivy::columnar::BytesColumn>>,
    /// Per segment: the `ref_match` and `path` columns.
    key_cols: Vec<Option<(tantivy::columnar::StrColumn, tantivy::columnar::StrColumn)>>,
}

/// What citation matching reads of a document: its path and the matching
/// keys of its references, in the order of the record.
#[derive(Default)]
struct RecordKeys {
    /// Ordinal of the path in its segment's `path` dictionary (the
    /// dictionary is sorted, so within a segment ordinals sort as paths do).
    path_ord: Option<u64>,
    refs: Vec<RefKeys>,
}

/// Decode the dictionary entries of sorted, distinct ordinals in one pass.
fn decode_sorted<T>(
    col: &tantivy::columnar::StrColumn,
    ords: &[u64],
    mut f: impl FnMut(&[u8]) -> T,
) -> Vec<T> {
    let mut out = Vec::with_capacity(ords.len());
    let ok = col
        .dictionary()
        .sorted_ords_to_term_cb(ords.iter().copied(), |b| {
            out.push(f(b));
            Ok(())
        });
    if ok.is_err() {
        out.clear();
    }
    out
}

impl Records {
    fn new(searcher: &Searcher) -> Records {
        Records {
            cols: searcher
                .segment_readers()
                .iter()
                .map(|s| s.fast_fields().bytes("record").ok().flatten())
                .collect(),
            key_cols: searcher
                .segment_readers()
                .iter()
                .map(|s| {
                    let ff = s.fast_fields();
                    Some((ff.str("ref_match").ok()??, ff.str("path").ok()??))
                })
                .collect(),
        }
    }

    fn get(&self, addr: DocAddress) -> Record {
        let Some(Some(col)) = self.cols.get(addr.segment_ord as usize) else {
            return Record::default();
        };
        let mut buf = Vec::new();
        match col.term_ords(addr.doc_id).next() {
            Some(ord) if col.ord_to_bytes(ord, &mut buf).unwrap_or(false) => {
                serde_json::from_slice(&buf).unwrap_or_default()
            }
            _ => Record::default(),
        }
    }
}

/// The stored text of a document (for snippets).
fn body(searcher: &Searcher, addr: DocAddress, f: &Fields) -> Result<String, Error> {
    let doc: TantivyDocument = searcher
        .doc(addr)
        .map_err(|e| Error::Index(format!("cannot read a stored document: {e}")))?;
    Ok(doc
        .get_first(f.body)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string())
}

fn hit_from(record: Record, score: f32) -> Hit {
    Hit {
        path: record.path,
        score,
        code: record.code,
        doc_type: record.doc_type,
        subject: record.subject,
        date: record.date,
        matched_references: Vec::new(),
        relation: None,
        group: None,
        snippet: None,
    }
}

pub(crate) fn search(index: &Index, q: &str, opts: &SearchOptions) -> Result<SearchResults, Error> {
    let f = &index.fields;
    let searcher = index.searcher();
    let filters = filters(f, opts)?;
    let parsed = query::parse(q);
    if !parsed.citations.is_empty() {
        let res = citation_search(index, &searcher, &parsed, filters, opts.limit)?;
        if res.total > 0 {
            return Ok(res);
        }
        let filters = self::filters(f, opts)?;
        // Nobody cites it: the phrase itself in the text, as a safety net
        // for citations the parser did not recognise.
        let mut res = text_search(index, &searcher, q, filters, opts.limit, 0)?;
        res.citations = parsed.citations.iter().map(Citation::label).collect();
        res.fallback = true;
        return Ok(res);
    }
    text_search(index, &searcher, &parsed.text, filters, opts.limit, 2)
}

pub(crate) fn refs(index: &Index, code: &str) -> Result<SearchResults, Error> {
    let parsed = query::parse(code);
    if parsed.citations.is_empty() {
        return Err(Error::Index(format!(
            "not a document code: {code:?} (try 71-NQ/TW or \"Nghị quyết 71\")"
        )));
    }
    let searcher = index.searcher();
    let parsed = ParsedQuery {
        text: String::new(),
        ..parsed
    };
    citation_search(index, &searcher, &parsed, Vec::new(), usize::MAX)
}

fn text_search(
    index: &Index,
    searcher: &Searcher,
    text: &str,
    filters: Vec<Box<dyn Query>>,
    limit: usize,
    max_level: u8,
) -> Result<SearchResults, Error> {
    let f = &index.fields;
    let err = |e| tantivy_err(&index.dir, e);
    let units = query::text_units(text);
    let mut res = SearchResults::default();
    let Some(scoring) = scoring_query(&units, f) else {
        return Ok(res);
    };
    let mut chosen: Option<(BooleanQuery, usize)> = None;
    for level in 0..=max_level {
        let Some(tier) = tier_query(&units, f, level) else {
            continue;
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, tier), (Occur::Should, scoring.box_clone())];
        clauses.extend(filters.iter().map(|q| (Occur::Must, q.box_clone())));
        let q = BooleanQuery::new(clauses);
        let count = searcher.search(&q, &Count).map_err(err)?;
        if count > 0 {
            chosen = Some((q, count));
            break;
        }
    }
    let Some((q, count)) = chosen else {
        return Ok(res);
    };
    res.total = count;
    let top = searcher
        .search(&q, &TopDocs::with_limit(limit.max(1)))
        .map_err(err)?;
    // Highlight exact (accented) matches when there are any, else folded ones.
    let mut exact = SnippetGenerator::create(searcher, &q, f.body).map_err(err)?;
    exact.set_max_num_chars(160);
    let mut loose = SnippetGenerator::create(searcher, &q, f.body_fold).map_err(err)?;
    loose.set_max_num_chars(160);
    let records = Records::new(searcher);
    for (score, addr) in top.into_iter().take(limit) {
        let mut hit = hit_from(records.get(addr), score);
        let body = body(searcher, addr, f)?;
        let mut s = exact.snippet(&body);
        if s.highlighted().is_empty() {
            s = loose.snippet(&body);
        }
        if !s.is_empty() {
            hit.snippet = Some(Snippet {
                text: s.fragment().to_string(),
                highlights: s.highlighted().to_vec(),
            });
        }
        res.hits.push(hit);
    }
    Ok(res)
}

/// Issuer names that a symbol part stands for.
const ISSUER_SYMBOLS: &[(&str, &str)] = &[
    ("bo chinh tri", "TW"),
    ("ban chap hanh trung uong", "TW"),
    ("ban bi thu", "TW"),
    ("trung uong", "TW"),
    ("chinh phu", "CP"),
    ("thu tuong", "TTG"),
    ("quoc hoi", "QH"),
];

/// Does the reference's issuer fit the one asked for? None when unknown.
fn issuer_fits(r: &RefKeys, asked: &str) -> Option<bool> {
    let a = fold(asked);
    let a = a.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(i) = &r.issuer {
        let i = fold(i).split_whitespace().collect::<Vec<_>>().join(" ");
        if i.contains(&a) || a.contains(&i) {
            return Some(true);
        }
    }
    let symbol_fit = ISSUER_SYMBOLS
        .iter()
        .find(|(name, _)| a.contains(name))
        .and_then(|(_, sym)| {
            let key = r.key.as_deref()?;
            let parts = crate::codes::split(key)?;
            Some(parts.symbol.split(['-', '/']).any(|p| p == *sym))
        });
    match (symbol_fit, &r.issuer) {
        (Some(true), _) => Some(true),
        (_, Some(_)) => Some(false),
        (fit, None) => fit,
    }
}

impl Records {
    /// [`RecordKeys`] of many documents, in the order given. Each distinct
    /// dictionary entry is decoded once, in dictionary order.
    fn keys_of(&self, addrs: &[DocAddress]) -> Vec<RecordKeys> {
        let mut out: Vec<RecordKeys> = Vec::new();
        out.resize_with(addrs.len(), RecordKeys::default);
        for (seg, cols) in self.key_cols.iter().enumerate() {
            let Some((refs_col, path_col)) = cols else {
                continue;
            };
            let docs: Vec<(usize, u32)> = addrs
                .iter()
                .enumerate()
                .filter(|(_, a)| a.segment_ord as usize == seg)
                .map(|(i, a)| (i, a.doc_id))
                .collect();
            if docs.is_empty() {
                continue;
            }
            let path_ords: Vec<Option<u64>> = docs
                .iter()
                .map(|(_, d)| path_col.term_ords(*d).next())
                .collect();
            // References.
            let ref_ords: Vec<Vec<u64>> = docs
                .iter()
                .map(|(_, d)| refs_col.term_ords(*d).collect())
                .collect();
            let mut rords: Vec<u64> = ref_ords.iter().flatten().copied().collect();
            rords.sort_unstable();
            rords.dedup();
            let refs: Vec<Option<(usize, RefKeys)>> =
                decode_sorted(refs_col, &rords, |b| serde_json::from_slice(b).ok());
            for (k, (i, _)) in docs.iter().enumerate() {
                let rec = &mut out[*i];
                rec.path_ord = path_ords[k];
                let mut mine: Vec<&(usize, RefKeys)> = ref_ords[k]
                    .iter()
                    .filter_map(|o| rords.binary_search(o).ok())
                    .filter_map(|j| refs.get(j).and_then(Option::as_ref))
                    .collect();
                mine.sort_by_key(|(pos, _)| *pos);
                rec.refs = mine.into_iter().map(|(_, r)| r.clone()).collect();
            }
        }
        out
    }

    /// The paths of some documents, in the order given (`""` when a
    /// document has none, as a missing record reads).
    fn paths_of(&self, docs: &[(DocAddress, Option<u64>)]) -> Vec<String> {
        let mut out = vec![String::new(); docs.len()];
        for (seg, cols) in self.key_cols.iter().enumerate() {
            let Some((_, path_col)) = cols else { continue };
            let mut ords: Vec<u64> = docs
                .iter()
                .filter(|(a, _)| a.segment_ord as usize == seg)
                .filter_map(|(_, o)| *o)
                .collect();
            if ords.is_empty() {
                continue;
            }
            ords.sort_unstable();
            ords.dedup();
            let paths = decode_sorted(path_col, &ords, |b| String::from_utf8_lossy(b).into_owned());
            for (k, (a, o)) in docs.iter().enumerate() {
                if a.segment_ord as usize != seg {
                    continue;
                }
                if let Some(p) = o
                    .and_then(|o| ords.binary_search(&o).ok())
                    .and_then(|j| paths.get(j))
                {
                    out[k] = p.clone();
                }
            }
        }
        out
    }
}

/// A citing document before it becomes a [`Hit`]: only the documents
/// returned are read in full.
struct Pending {
    addr: DocAddress,
    path_ord: Option<u64>,
    score: f32,
    codes: Vec<String>,
    relation: Relation,
    group: Option<String>,
    /// Index of the best matching reference in the record's `refs`.
    best: usize,
}

fn citation_search(
    index: &Index,
    searcher: &Searcher,
    parsed: &ParsedQuery,
    filters: Vec<Box<dyn Query>>,
    limit: usize,
) -> Result<SearchResults, Error> {
    let f = &index.fields;
    let err = |e| tantivy_err(&index.dir, e);
    // (citation, loose key actually searched)
    let mut wanted: Vec<(&Citation, Option<String>)> = Vec::new();
    let mut any: Vec<Box<dyn Query>> = Vec::new();
    for c in &parsed.citations {
        if let Some(k) = &c.exact {
            any.push(Box::new(ConstScoreQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(f.ref_key, k),
                    IndexRecordOption::Basic,
                )),
                10.0,
            )));
        }
        let mut loose_key = None;
        if let Some(l) = &c.loose {
            let mut key = l.key(true);
            if l.year.is_some()
                && searcher
                    .doc_freq(&Term::from_field_text(f.ref_loose, &key))
                    .map_err(err)?
                    == 0
            {
                key = l.key(false);
            }
            any.push(Box::new(ConstScoreQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(f.ref_loose, &key),
                    IndexRecordOption::Basic,
                )),
                5.0,
            )));
            loose_key = Some(key);
        }
        wanted.push((c, loose_key));
    }
    let mut res = SearchResults {
        citations: parsed.citations.iter().map(Citation::label).collect(),
        ..Default::default()
    };
    let Some(any) = union(any) else {
        return Ok(res);
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, any)];
    let units = query::text_units(&parsed.text);
    if let Some(s) = scoring_query(&units, f) {
        clauses.push((Occur::Should, boost(s, 0.1)));
    }
    clauses.extend(filters.into_iter().map(|q| (Occur::Must, q)));
    let q = BooleanQuery::new(clauses);
    let count = searcher.search(&q, &Count).map_err(err)?;
    if count == 0 {
        return Ok(res);
    }
    let top = searcher
        .search(&q, &TopDocs::with_limit(count))
        .map_err(err)?;

    let mut hits: Vec<(bool, Pending)> = Vec::new();
    // loose citation → keys it matched (ambiguity)
    let mut loose_matches: HashMap<String, Vec<String>> = HashMap::new();
    let records = Records::new(searcher);
    let addrs: Vec<DocAddress> = top.iter().map(|(_, a)| *a).collect();
    let all_keys = records.keys_of(&addrs);
    for ((score, addr), record) in top.into_iter().zip(all_keys) {
        let mut matched: Vec<(usize, &RefKeys, bool)> = Vec::new();
        let mut confirmed = false;
        for (idx, r) in record.refs.iter().enumerate() {
            for (c, loose_key) in &wanted {
                let exact = c.exact.is_some() && r.key == c.exact;
                let loose = loose_key.as_ref().is_some_and(|k| r.loose.contains(k));
                if !exact && !loose {
                    continue;
                }
                if let (Some(y), Some(ry)) = (parsed.year, r.year) {
                    if y != ry {
                        continue;
                    }
                    confirmed = true;
                }
                if let Some(i) = &parsed.issuer {
                    match issuer_fits(r, i) {
                        Some(false) => continue,
                        Some(true) => confirmed = true,
                        None => {}
                    }
                }
                if loose && !exact {
                    if let (Some(lk), Some(rk)) = (loose_key, &r.key) {
                        let v = loose_matches.entry(lk.clone()).or_default();
                        if !v.contains(rk) {
                            v.push(rk.clone());
                        }
                    }
                }
                if !matched.iter().any(|(i, _, _)| *i == idx) {
                    matched.push((idx, r, exact));
                }
            }
        }
        if matched.is_empty() {
            continue;
        }
        matched.sort_by_key(|(_, _, exact)| !exact);
        let (best_idx, best, best_exact) = matched[0];
        let relation = matched
            .iter()
            .map(|(_, r, _)| r.relation)
            .max_by(|a, b| relation_weight(*a).total_cmp(&relation_weight(*b)))
            .unwrap_or(best.relation);
        let mut codes: Vec<String> = Vec::new();
        for (_, r, _) in &matched {
            let c = r.code.clone().or_else(|| r.key.clone()).unwrap_or_default();
            if !c.is_empty() && !codes.contains(&c) {
                codes.push(c);
            }
        }
        let group = best.key.clone().or_else(|| best.code.clone());
        let score = score + relation_weight(relation) + if confirmed { 0.5 } else { 0.0 };
        hits.push((
            best_exact,
            Pending {
                addr,
                path_ord: record.path_ord,
                score,
                codes,
                relation,
                group,
                best: best_idx,
            },
        ));
    }
    res.ambiguous = loose_matches.values().any(|v| v.len() > 1);

    // Groups: exact ones first, then the most cited.
    let mut groups: BTreeMap<String, (bool, String, usize)> = BTreeMap::new();
    for (exact, h) in &hits {
        if let Some(g) = &h.group {
            let code = h.codes.first().cloned().unwrap_or_else(|| g.clone());
            let e = groups.entry(g.clone()).or_insert((*exact, code, 0));
            e.0 |= *exact;
            e.2 += 1;
        }
    }
    let mut order: Vec<(String, (bool, String, usize))> = groups.into_iter().collect();
    order.sort_by(|a, b| {
        b.1 .0
            .cmp(&a.1 .0)
            .then(b.1 .2.cmp(&a.1 .2))
            .then(a.0.cmp(&b.0))
    });
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.as_str(), i))
        .collect();
    // Order: group rank, score (descending), then path. Paths are read
    // only where they decide which hits are returned and in what order.
    let rank_of = |p: &Pending| p.group.as_deref().and_then(|g| rank.get(g)).copied();
    hits.sort_by(|(_, a), (_, b)| {
        rank_of(a)
            .cmp(&rank_of(b))
            .then(b.score.total_cmp(&a.score))
    });
    let mut chosen: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < hits.len() && chosen.len() < limit {
        let same = |j: usize| {
            rank_of(&hits[j].1) == rank_of(&hits[i].1)
                && hits[j].1.score.total_cmp(&hits[i].1.score).is_eq()
        };
        let mut j = i + 1;
        while j < hits.len() && same(j) {
            j += 1;
        }
        let need = limit - chosen.len();
        let mut cands: Vec<usize> = (i..j).collect();
        if cands.len() > need {
            // Within a segment path ordinals sort as paths: the first
            // `need` of each segment hold the `need` smallest paths.
            cands.sort_by_key(|&k| (hits[k].1.addr.segment_ord, hits[k].1.path_ord, k));
            let mut kept = Vec::new();
            let mut run = 0;
            for (n, &k) in cands.iter().enumerate() {
                if n > 0 && hits[cands[n - 1]].1.addr.segment_ord != hits[k].1.addr.segment_ord {
                    run = 0;
                }
                if run < need {
                    kept.push(k);
                }
                run += 1;
            }
            cands = kept;
        }
        let docs: Vec<(DocAddress, Option<u64>)> = cands
            .iter()
            .map(|&k| (hits[k].1.addr, hits[k].1.path_ord))
            .collect();
        let paths = records.paths_of(&docs);
        let mut by_path: Vec<(&String, usize)> = paths.iter().zip(cands.iter().copied()).collect();
        by_path.sort();
        chosen.extend(by_path.into_iter().take(need).map(|(_, k)| k));
        i = j;
    }
    res.total = hits.len();
    res.groups = order
        .iter()
        .map(|(k, (_, code, count))| Group {
            key: k.clone(),
            code: code.clone(),
            count: *count,
        })
        .collect();
    let mut slots: Vec<Option<Pending>> = hits.into_iter().map(|(_, p)| Some(p)).collect();
    res.hits = chosen
        .into_iter()
        .filter_map(|k| slots.get_mut(k).and_then(Option::take))
        .map(|p| {
            let record = records.get(p.addr);
            let snippet = record.refs.get(p.best).and_then(citation_snippet);
            let mut hit = hit_from(record, p.score);
            hit.matched_references = p.codes;
            hit.relation = Some(p.relation);
            hit.group = p.group;
            hit.snippet = snippet;
            hit
        })
        .collect();
    Ok(res)
}

/// The citation passage with the code highlighted.
fn citation_snippet(r: &StoredRef) -> Option<Snippet> {
    let text = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    let highlights = r
        .code
        .as_deref()
        .and_then(|c| text.find(c).map(|s| s..s + c.len()))
        .into_iter()
        .collect();
    Some(Snippet { text, highlights })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025-01-01", false).unwrap(), 20250101);
        assert_eq!(parse_date("2025", true).unwrap(), 20251231);
        assert_eq!(parse_date("2025-03", false).unwrap(), 20250301);
        assert!(parse_date("soon", false).is_err());
        assert!(parse_date("2025-13-01", false).is_err());
    }
}
