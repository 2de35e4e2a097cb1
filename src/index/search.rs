//! Running queries: citation search, free-text search, filters, snippets.

use super::cache::{AllScored, RefRange};
use super::query::{self, Citation, ParsedQuery, Unit};
use super::schema::{Fields, Record, RefKeys, StoredRef};
use super::{relation_weight, tantivy_err, Index};
use crate::error::Error;
use crate::model::{DocDate, DocType, Relation};
use crate::text::fold;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::ops::{Bound, Range};
use std::sync::Arc;
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

/// What a hit is to the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The document the citation query names, itself indexed (listed first).
    Document,
    /// A document citing the named document.
    Citing,
    /// A free-text match.
    #[default]
    Text,
}

impl Role {
    /// `document`, `citing` or `text` (the `role` field of a JSON hit).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Document => "document",
            Role::Citing => "citing",
            Role::Text => "text",
        }
    }
}

/// One hit.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    /// The document itself, a citing document or a free-text match.
    pub role: Role,
    /// The document's id in the index (its content's SHA-256, hex).
    pub id: String,
    /// `source.path` as given at indexing time.
    pub path: String,
    pub score: f32,
    /// The document's own number and symbol.
    pub code: Option<String>,
    pub doc_type: Option<DocType>,
    pub subject: Option<String>,
    pub date: DocDate,
    /// The issuing body (name, else the body above it).
    pub issuer: Option<String>,
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
    /// The query names a document by a number no document can have (six
    /// digits or more, `Nghị quyết 999999`): no hits, and no full-text
    /// search either. `citations` holds what was named.
    pub no_such_document: bool,
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

/// Weight of a query phrase found in the subject (trích yếu): measured
/// with `benches/relevance/ndcg.py`.
const SUBJECT_BOOST: f32 = 4.0;

/// Scoring clauses: exact-accent phrases above folded phrases above
/// adjacent pairs (bigrams) above single syllables.
fn scoring_query(units: &[Unit], f: &Fields) -> Option<Box<dyn Query>> {
    let mut should: Vec<Box<dyn Query>> = Vec::new();
    let phrase = |s: &[query::Syllable], should: &mut Vec<Box<dyn Query>>| {
        should.extend(phrase_q(f.body, &accented(s)).map(|q| boost(q, 3.0)));
        should.extend(phrase_q(f.body_fold, &folded(s)).map(|q| boost(q, 2.0)));
        // The subject names what the document is about.
        should.extend(phrase_q(f.subject_fold, &folded(s)).map(|q| boost(q, SUBJECT_BOOST)));
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
        role: Role::Text,
        id: String::new(),
        issuer: record.issuer.name.or(record.issuer.parent),
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
    if parsed.citations.is_empty() && !parsed.overlong.is_empty() {
        return Ok(no_such_document(parsed.overlong));
    }
    if !parsed.citations.is_empty() {
        let res = citation_search(index, &searcher, &parsed, filters, opts.limit, true)?;
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

/// The answer to a citation of a number no document can have.
fn no_such_document(named: Vec<String>) -> SearchResults {
    SearchResults {
        citations: named,
        no_such_document: true,
        ..SearchResults::default()
    }
}

pub(crate) fn refs(index: &Index, code: &str) -> Result<SearchResults, Error> {
    let parsed = query::parse(code);
    if parsed.citations.is_empty() && !parsed.overlong.is_empty() {
        return Ok(no_such_document(parsed.overlong));
    }
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
    citation_search(index, &searcher, &parsed, Vec::new(), usize::MAX, false)
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
    // Count and top hits in one pass over the matches.
    let collector = (Count, TopDocs::with_limit(limit.max(1)));
    type Found = (BooleanQuery, usize, Vec<(f32, DocAddress)>);
    let mut chosen: Option<Found> = None;
    for level in 0..=max_level {
        let Some(tier) = tier_query(&units, f, level) else {
            continue;
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, tier), (Occur::Should, scoring.box_clone())];
        clauses.extend(filters.iter().map(|q| (Occur::Must, q.box_clone())));
        let q = BooleanQuery::new(clauses);
        let (count, top) = searcher.search(&q, &collector).map_err(err)?;
        if count > 0 {
            chosen = Some((q, count, top));
            break;
        }
    }
    let Some((q, count, top)) = chosen else {
        return Ok(res);
    };
    res.total = count;
    // Highlight exact (accented) matches when there are any, else folded ones.
    let mut exact = SnippetGenerator::create(searcher, &q, f.body).map_err(err)?;
    exact.set_max_num_chars(160);
    let mut loose = SnippetGenerator::create(searcher, &q, f.body_fold).map_err(err)?;
    loose.set_max_num_chars(160);
    let segments = index.segments.segments(searcher);
    for (score, addr) in top.into_iter().take(limit) {
        let record = segments
            .get(addr.segment_ord as usize)
            .map(|s| s.record(addr.doc_id))
            .unwrap_or_default();
        let mut hit = hit_from(record, score);
        hit.id = segments
            .get(addr.segment_ord as usize)
            .map(|s| s.sha256(addr.doc_id))
            .unwrap_or_default();
        let body = body(searcher, addr, f).map_err(|e| {
            super::guard::damaged(&index.dir, &format!("{e} (a segment's stored text)"))
        })?;
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

/// A reference value (one `ref_match` ordinal of one segment) that a
/// citation of the query names.
struct Cand<'a> {
    r: &'a RefKeys,
    /// Position in the record's `refs`.
    pos: usize,
    /// Matches a citation and passes the year and issuer checks.
    matches: bool,
    /// Exact match for the first citation it matches.
    exact: bool,
    /// The query's year or issuer agreed with it.
    confirms: bool,
    /// Group id (see `group_keys`) of the cited document.
    group: Option<u32>,
    /// `(loose key, canonical key)` of loose-only matches, for ambiguity.
    loose_only: Vec<(&'a str, &'a str)>,
    /// Some returned document matched through it.
    used: bool,
}

/// A citing document before it becomes a [`Hit`]: only the documents
/// returned are read in full.
struct Pending {
    addr: DocAddress,
    /// The query's own score (the order in which "first citing document"
    /// is meant).
    raw: f32,
    score: f32,
    relation: Relation,
    group: Option<u32>,
    exact: bool,
    /// Matched candidates (indexes into the candidate list), best first.
    matched: Range<usize>,
}

/// The `k` smallest of `items` by `cmp`, in order: what sorting them all
/// and keeping the first `k` gives, where items that compare equal are
/// alike. A small `k` (a page of hits among thousands) costs about one
/// comparison per item, against the largest kept so far.
fn k_smallest<T>(
    items: impl IntoIterator<Item = T>,
    k: usize,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    if k == 0 {
        return Vec::new();
    }
    if k > 64 {
        let mut all: Vec<T> = items.into_iter().collect();
        if all.len() > k {
            all.select_nth_unstable_by(k - 1, &cmp);
            all.truncate(k);
        }
        all.sort_unstable_by(&cmp);
        return all;
    }
    let mut kept: Vec<T> = Vec::with_capacity(k + 1);
    for it in items {
        if kept.len() == k && kept.last().is_some_and(|l| cmp(&it, l).is_ge()) {
            continue;
        }
        let at = kept.partition_point(|x| cmp(x, &it).is_le());
        kept.insert(at, it);
        kept.truncate(k);
    }
    kept
}

/// Candidate index by dictionary ordinal: a table over the ordinals
/// between the first and the last candidate (they lie in a few prefix
/// ranges of one dictionary), or a binary search when that span is too
/// wide for a table. Read once per reference of every citing document.
struct OrdTable<'a> {
    first: u64,
    table: Vec<u32>,
    sorted: &'a [(u64, usize)],
}

impl<'a> OrdTable<'a> {
    /// The widest span of ordinals given a table (4 MiB of `u32`).
    const MAX_SPAN: u64 = 1 << 20;

    /// `sorted`: (ordinal, candidate) pairs in ordinal order.
    fn new(sorted: &'a [(u64, usize)]) -> Self {
        let first = sorted.first().map_or(0, |p| p.0);
        let span = sorted.last().map_or(0, |p| p.0 - first + 1);
        // No table (binary search) when empty, too wide, or a candidate
        // index would not fit beside the `u32::MAX` mark.
        let fits = sorted.iter().all(|&(_, k)| k < u32::MAX as usize);
        let mut table = Vec::new();
        if span > 0 && span <= Self::MAX_SPAN && fits {
            table = vec![u32::MAX; span as usize];
            for &(o, k) in sorted {
                table[(o - first) as usize] = k as u32;
            }
        }
        OrdTable {
            first,
            table,
            sorted,
        }
    }

    fn get(&self, ord: u64) -> Option<usize> {
        if self.table.is_empty() {
            let i = self.sorted.binary_search_by_key(&ord, |(o, _)| *o).ok()?;
            return Some(self.sorted[i].1);
        }
        let k = *self
            .table
            .get(usize::try_from(ord.checked_sub(self.first)?).ok()?)?;
        (k != u32::MAX).then_some(k as usize)
    }
}

fn citation_search(
    index: &Index,
    searcher: &Searcher,
    parsed: &ParsedQuery,
    filters: Vec<Box<dyn Query>>,
    limit: usize,
    with_documents: bool,
) -> Result<SearchResults, Error> {
    let f = &index.fields;
    let err = |e| tantivy_err(&index.dir, e);
    let exact_query = parsed.citations.iter().all(|c| c.exact.is_some());
    let mut own = if with_documents {
        own_documents(index, searcher, parsed, &filters)?
    } else {
        Vec::new()
    };
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
        return Ok(with_own(res, own, limit, exact_query));
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, any)];
    let units = query::text_units(&parsed.text);
    if let Some(s) = scoring_query(&units, f) {
        clauses.push((Occur::Should, boost(s, 0.1)));
    }
    clauses.extend(filters.into_iter().map(|q| (Occur::Must, q)));
    let q = BooleanQuery::new(clauses);
    let found = searcher.search(&q, &AllScored).map_err(err)?;
    if found.is_empty() {
        return Ok(with_own(res, own, limit, exact_query));
    }
    let segments = index.segments.segments(searcher);
    // The numbers whose `ref_match` values can match: one dictionary range
    // each, decoded only for the segments with hits.
    let mut prefixes: Vec<&str> = Vec::new();
    for (c, lk) in &wanted {
        let p = c.exact.as_deref().map(super::schema::match_prefix_of_key);
        let q = lk.as_deref().map(super::schema::match_prefix_of_loose);
        for p in p.into_iter().chain(q) {
            if !prefixes.contains(&p) {
                prefixes.push(p);
            }
        }
    }
    let ranges: Vec<Vec<Arc<RefRange>>> = found
        .iter()
        .map(|(seg_ord, _)| match segments.get(*seg_ord as usize) {
            Some(seg) => prefixes.iter().map(|p| seg.refs_of(p)).collect(),
            None => Vec::new(),
        })
        .collect();

    // The reference values the citations name, decided once per value
    // rather than once per citing document.
    let mut cands: Vec<Cand> = Vec::new();
    let mut group_keys: Vec<&str> = Vec::new();
    let mut group_ids: HashMap<&str, u32> = HashMap::new();
    let mut hits: Vec<Pending> = Vec::new();
    let mut matched_buf: Vec<usize> = Vec::new();
    let mut mine: Vec<usize> = Vec::new();
    for ((seg_ord, docs), seg_ranges) in found.iter().zip(&ranges) {
        let Some(seg) = segments.get(*seg_ord as usize) else {
            continue;
        };
        let Some(col) = &seg.ref_match else { continue };
        // The values a citation names, by ordinal.
        let mut named: Vec<(u64, usize, &RefKeys)> = Vec::new();
        for range in seg_ranges {
            for (ord, pos, r) in range.iter() {
                let hit = wanted.iter().any(|(c, lk)| {
                    (c.exact.is_some() && r.key == c.exact)
                        || lk.as_ref().is_some_and(|k| r.loose.contains(k))
                });
                if hit {
                    named.push((*ord, *pos, r));
                }
            }
        }
        named.sort_unstable_by_key(|n| n.0);
        named.dedup_by_key(|n| n.0);
        // ordinal → candidate index, sorted by ordinal
        let mut cand_of: Vec<(u64, usize)> = Vec::with_capacity(named.len());
        for (ord, pos, r) in named {
            let mut cand = Cand {
                r,
                pos,
                matches: false,
                exact: false,
                confirms: false,
                group: None,
                loose_only: Vec::new(),
                used: false,
            };
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
                    cand.confirms = true;
                }
                if let Some(i) = &parsed.issuer {
                    match issuer_fits(r, i) {
                        Some(false) => continue,
                        Some(true) => cand.confirms = true,
                        None => {}
                    }
                }
                if loose && !exact {
                    if let (Some(lk), Some(rk)) = (loose_key, &r.key) {
                        cand.loose_only.push((lk.as_str(), rk.as_str()));
                    }
                }
                if !cand.matches {
                    cand.matches = true;
                    cand.exact = exact;
                }
            }
            if let Some(g) = r.key.as_deref().or(r.code.as_deref()) {
                let next = group_keys.len() as u32;
                let id = *group_ids.entry(g).or_insert(next);
                if id == next {
                    group_keys.push(g);
                }
                cand.group = Some(id);
            }
            cand_of.push((ord, cands.len()));
            cands.push(cand);
        }
        let cand_at = OrdTable::new(&cand_of);
        hits.reserve(docs.len());
        for &(doc, raw) in docs {
            mine.clear();
            let mut confirmed = false;
            for ord in col.term_ords(doc) {
                if let Some(k) = cand_at.get(ord) {
                    confirmed |= cands[k].confirms;
                    if cands[k].matches {
                        mine.push(k);
                    }
                }
            }
            if mine.is_empty() {
                continue;
            }
            // Exact matches first, then in the order of the record.
            mine.sort_by_key(|&k| (!cands[k].exact, cands[k].pos));
            // A reference whose keys have two numbers has a value under
            // each: count it once.
            mine.dedup_by_key(|k| cands[*k].pos);
            let best = &cands[mine[0]];
            let (exact, group) = (best.exact, best.group);
            let relation = mine
                .iter()
                .map(|&k| cands[k].r.relation)
                .max_by(|a, b| relation_weight(*a).total_cmp(&relation_weight(*b)))
                .unwrap_or(best.r.relation);
            for &k in &mine {
                cands[k].used = true;
            }
            let start = matched_buf.len();
            matched_buf.extend_from_slice(&mine);
            let score = raw + relation_weight(relation) + if confirmed { 0.5 } else { 0.0 };
            hits.push(Pending {
                addr: DocAddress::new(*seg_ord, doc),
                raw,
                score,
                relation,
                group,
                exact,
                matched: start..matched_buf.len(),
            });
        }
    }
    // A short citation that matched more than one cited document.
    let mut loose_matches: HashMap<&str, Vec<&str>> = HashMap::new();
    for c in cands.iter().filter(|c| c.used) {
        for (lk, rk) in &c.loose_only {
            let v = loose_matches.entry(lk).or_default();
            if !v.contains(rk) {
                v.push(rk);
            }
        }
    }
    res.ambiguous = loose_matches.values().any(|v| v.len() > 1);
    // Codes (as written) of a hit's matched references, best first.
    let codes_of = |p: &Pending| -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        for &k in &matched_buf[p.matched.clone()] {
            let r = cands[k].r;
            let c = r.code.as_deref().or(r.key.as_deref()).unwrap_or_default();
            if !c.is_empty() && !codes.iter().any(|x| x == c) {
                codes.push(c.to_string());
            }
        }
        codes
    };

    // Groups: exact ones first, then the most cited. A group's code is
    // the one written by its first citing document (query score, then
    // document order).
    struct GroupAcc {
        exact: bool,
        count: usize,
        first: usize,
    }
    let mut accs: Vec<Option<GroupAcc>> = (0..group_keys.len()).map(|_| None).collect();
    for (i, h) in hits.iter().enumerate() {
        let Some(acc) = h.group.and_then(|g| accs.get_mut(g as usize)) else {
            continue;
        };
        match acc {
            None => {
                *acc = Some(GroupAcc {
                    exact: h.exact,
                    count: 1,
                    first: i,
                })
            }
            Some(a) => {
                a.exact |= h.exact;
                a.count += 1;
                let first = &hits[a.first];
                if h.raw.total_cmp(&first.raw).is_gt()
                    || (h.raw.total_cmp(&first.raw).is_eq() && h.addr < first.addr)
                {
                    a.first = i;
                }
            }
        }
    }
    let mut order: Vec<(u32, GroupAcc)> = accs
        .into_iter()
        .enumerate()
        .filter_map(|(g, a)| a.map(|a| (g as u32, a)))
        .collect();
    order.sort_by(|a, b| {
        b.1.exact
            .cmp(&a.1.exact)
            .then(b.1.count.cmp(&a.1.count))
            .then(group_keys[a.0 as usize].cmp(group_keys[b.0 as usize]))
    });
    let mut rank: Vec<usize> = vec![usize::MAX; group_keys.len()];
    for (i, (g, _)) in order.iter().enumerate() {
        rank[*g as usize] = i;
    }
    res.total = hits.len();
    res.groups = order
        .iter()
        .map(|(g, a)| {
            let key = group_keys[*g as usize].to_string();
            let code = codes_of(&hits[a.first])
                .into_iter()
                .next()
                .unwrap_or_else(|| key.clone());
            Group {
                key,
                code,
                count: a.count,
            }
        })
        .collect();

    // Order: group rank, score (descending), then path. Only the hits
    // that can be among the first `limit` are sorted, and paths are read
    // only where they decide which hits are returned and in what order.
    let rank_of = |p: &Pending| p.group.map(|g| rank[g as usize]);
    let cmp = |a: &Pending, b: &Pending| {
        rank_of(a)
            .cmp(&rank_of(b))
            .then(b.score.total_cmp(&a.score))
    };
    let top_score = hits.iter().map(|h| h.score).fold(0.0f32, f32::max);
    let mut res = with_own_groups(res, &mut own, top_score, exact_query);
    let own_limit = limit.min(own.len());
    let limit = limit - own_limit;
    res.hits = own.into_iter().take(own_limit).collect();
    if limit == 0 {
        return Ok(res);
    }
    // Hits come in document order; `hits` ends sorted by (group rank,
    // score, address): the cut is found on the keys alone, the order of
    // the kept hits is left as it is and one stable sort by (rank, score)
    // finishes it (linear when, as usual, the kept hits tie).
    if !hits.is_sorted_by_key(|h| h.addr) {
        hits.sort_by_key(|h| h.addr);
    }
    if hits.len() > limit {
        let key_cmp = |a: &(Option<usize>, f32), b: &(Option<usize>, f32)| {
            a.0.cmp(&b.0).then(b.1.total_cmp(&a.1))
        };
        let keys = k_smallest(hits.iter().map(|h| (rank_of(h), h.score)), limit, key_cmp);
        let Some(&(last_rank, last_score)) = keys.last() else {
            return Ok(res);
        };
        hits.retain(|h| {
            rank_of(h)
                .cmp(&last_rank)
                .then(last_score.total_cmp(&h.score))
                .is_le()
        });
    }
    hits.sort_by(cmp);
    let mut chosen: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < hits.len() && chosen.len() < limit {
        let same = |j: usize| cmp(&hits[j], &hits[i]).is_eq();
        let mut j = i + 1;
        while j < hits.len() && same(j) {
            j += 1;
        }
        let need = limit - chosen.len();
        if j - i <= 1 {
            chosen.extend(i..j);
            i = j;
            continue;
        }
        // Ties: by path. Within a segment path ordinals sort as paths, so
        // each segment's candidates are sorted by ordinal (only its first
        // `need` can be taken) and the segments merged, decoding a path
        // only when it reaches the head of its segment: at most `need` +
        // segments paths are read. Tied hits are in address order, so
        // each segment's are together.
        let mut cands: Vec<(u32, Option<u64>, usize)> = Vec::new();
        let mut k = i;
        while k < j {
            let seg = hits[k].addr.segment_ord;
            let mut e = k + 1;
            while e < j && hits[e].addr.segment_ord == seg {
                e += 1;
            }
            let run = (k..e).map(|x| {
                let a = hits[x].addr;
                let ord = segments
                    .get(a.segment_ord as usize)
                    .and_then(|s| s.path_ord(a.doc_id));
                (a.segment_ord, ord, x)
            });
            cands.extend(k_smallest(run, need, Ord::cmp));
            k = e;
        }
        let runs: Vec<&[(u32, Option<u64>, usize)]> = cands.chunk_by(|a, b| a.0 == b.0).collect();
        if runs.len() == 1 {
            chosen.extend(cands.iter().take(need).map(|c| c.2));
            i = j;
            continue;
        }
        let path_of = |c: &(u32, Option<u64>, usize)| -> String {
            c.1.and_then(|o| segments.get(c.0 as usize).map(|s| s.path(o)))
                .unwrap_or_default()
        };
        // (path, hit, run, position in run)
        let mut heads: BinaryHeap<Reverse<(String, usize, usize, usize)>> = runs
            .iter()
            .enumerate()
            .filter_map(|(r, run)| run.first().map(|c| Reverse((path_of(c), c.2, r, 0))))
            .collect();
        let mut taken = 0;
        while taken < need {
            let Some(Reverse((_, k, r, n))) = heads.pop() else {
                break;
            };
            chosen.push(k);
            taken += 1;
            if let Some(c) = runs[r].get(n + 1) {
                heads.push(Reverse((path_of(c), c.2, r, n + 1)));
            }
        }
        i = j;
    }
    let citing: Vec<Hit> = chosen
        .into_iter()
        .filter_map(|k| hits.get(k))
        .map(|p| {
            let record = segments
                .get(p.addr.segment_ord as usize)
                .map(|s| s.record(p.addr.doc_id))
                .unwrap_or_default();
            let best = matched_buf.get(p.matched.start).map(|&k| cands[k].pos);
            let snippet = best
                .and_then(|b| record.refs.get(b))
                .and_then(citation_snippet);
            let mut hit = hit_from(record, p.score);
            hit.role = Role::Citing;
            hit.id = segments
                .get(p.addr.segment_ord as usize)
                .map(|s| s.sha256(p.addr.doc_id))
                .unwrap_or_default();
            hit.matched_references = codes_of(p);
            hit.relation = Some(p.relation);
            hit.group = p.group.map(|g| group_keys[g as usize].to_string());
            hit.snippet = snippet;
            hit
        })
        .collect();
    res.hits.extend(citing);
    Ok(res)
}

/// The indexed documents a citation query names (their own number matches
/// the code, or the kind and number), best first: exact code, then path.
fn own_documents(
    index: &Index,
    searcher: &Searcher,
    parsed: &ParsedQuery,
    filters: &[Box<dyn Query>],
) -> Result<Vec<Hit>, Error> {
    let f = &index.fields;
    let err = |e| tantivy_err(&index.dir, e);
    let mut any: Vec<Box<dyn Query>> = Vec::new();
    for c in &parsed.citations {
        if let Some(k) = &c.exact {
            any.push(Box::new(TermQuery::new(
                Term::from_field_text(f.code_key, k),
                IndexRecordOption::Basic,
            )));
        }
        if let Some(l) = &c.loose {
            any.push(Box::new(TermQuery::new(
                Term::from_field_text(f.own_loose, &l.key(l.year.is_some())),
                IndexRecordOption::Basic,
            )));
        }
    }
    let Some(any) = union(any) else {
        return Ok(Vec::new());
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, any)];
    clauses.extend(filters.iter().map(|q| (Occur::Must, q.box_clone())));
    let q = BooleanQuery::new(clauses);
    // A code names few documents; more than this are not the document.
    let top = searcher
        .search(&q, &TopDocs::with_limit(MAX_OWN))
        .map_err(err)?;
    let segments = index.segments.segments(searcher);
    let mut out: Vec<(bool, Hit)> = Vec::new();
    for (_, addr) in top {
        let record = segments
            .get(addr.segment_ord as usize)
            .map(|s| s.record(addr.doc_id))
            .unwrap_or_default();
        let key = record
            .code
            .as_deref()
            .filter(|c| crate::codes::split(c).is_some())
            .map(crate::codes::canonical);
        let exact = key.as_ref().is_some_and(|k| {
            parsed
                .citations
                .iter()
                .any(|c| c.exact.as_deref() == Some(k.as_str()))
        });
        let own_year = record
            .code
            .as_deref()
            .and_then(crate::codes::split)
            .and_then(|p| p.year)
            .or(record.date.year);
        if let (Some(y), Some(oy)) = (parsed.year, own_year) {
            if y != oy {
                continue;
            }
        }
        if let Some(i) = &parsed.issuer {
            let keys = RefKeys {
                key: key.clone(),
                issuer: record.issuer.name.clone().or(record.issuer.parent.clone()),
                ..Default::default()
            };
            if issuer_fits(&keys, i) == Some(false) {
                continue;
            }
        }
        let mut hit = hit_from(record, 0.0);
        hit.role = Role::Document;
        hit.id = segments
            .get(addr.segment_ord as usize)
            .map(|s| s.sha256(addr.doc_id))
            .unwrap_or_default();
        hit.group = key;
        out.push((exact, hit));
    }
    out.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.path.cmp(&b.1.path)));
    Ok(out.into_iter().map(|(_, h)| h).collect())
}

/// Most documents taken as "the document itself" for one query.
const MAX_OWN: usize = 20;

/// Groups for the documents themselves (a document nobody cites is a group
/// of its own) and the ambiguity they add; their score is above the citing
/// hits'.
fn with_own_groups(
    mut res: SearchResults,
    own: &mut [Hit],
    top_score: f32,
    exact_query: bool,
) -> SearchResults {
    let mut added = false;
    for h in own.iter_mut() {
        h.score = top_score + 1.0;
        let Some(k) = &h.group else { continue };
        if !res.groups.iter().any(|g| &g.key == k) {
            res.groups.push(Group {
                key: k.clone(),
                code: h.code.clone().unwrap_or_else(|| k.clone()),
                count: 0,
            });
            added = true;
        }
    }
    if added && !exact_query && res.groups.len() > 1 {
        res.ambiguous = true;
    }
    res.total += own.len();
    res
}

/// Results with no citing document: the documents themselves only.
fn with_own(
    res: SearchResults,
    mut own: Vec<Hit>,
    limit: usize,
    exact_query: bool,
) -> SearchResults {
    let mut res = with_own_groups(res, &mut own, 0.0, exact_query);
    res.hits = own.into_iter().take(limit).collect();
    res
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

    /// `k_smallest` keeps what a full sort keeps, for small and large `k`,
    /// with ties and in every input order.
    #[test]
    fn k_smallest_agrees_with_sorting() {
        let mut seed = 7u64;
        for n in [0usize, 1, 5, 70, 300] {
            for k in [1usize, 3, 10, 64, 65, 200, 400] {
                let v: Vec<(u8, u32)> = (0..n)
                    .map(|i| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        ((seed >> 60) as u8, i as u32)
                    })
                    .collect();
                let mut want = v.clone();
                want.sort();
                want.truncate(k);
                assert_eq!(
                    k_smallest(v.iter().copied(), k, Ord::cmp),
                    want,
                    "n {n} k {k}"
                );
                // By the first field only: ties are alike, so the values agree.
                let by_first = |a: &(u8, u32), b: &(u8, u32)| a.0.cmp(&b.0);
                let got: Vec<u8> = k_smallest(v.iter().copied(), k, by_first)
                    .iter()
                    .map(|x| x.0)
                    .collect();
                let want: Vec<u8> = want.iter().map(|x| x.0).collect();
                assert_eq!(got, want, "n {n} k {k}");
            }
        }
    }

    /// The ordinal table answers what a binary search over the pairs
    /// answers, for ordinals inside, between and outside the candidates,
    /// with a table and (spans too wide) without one.
    #[test]
    fn ordinal_table_agrees_with_binary_search() {
        for (step, base) in [(1u64, 0u64), (3, 7), (1 << 19, 5), (1 << 21, 0)] {
            let pairs: Vec<(u64, usize)> = (0..7u64)
                .map(|i| (base + i * step, 10 + i as usize))
                .collect();
            let t = OrdTable::new(&pairs);
            assert_eq!(
                t.table.is_empty(),
                (pairs[6].0 - pairs[0].0 + 1) > OrdTable::MAX_SPAN
            );
            let last = pairs[6].0;
            for ord in
                (0..=last + 3)
                    .step_by(step.max(1) as usize / 2 + 1)
                    .chain([base, last, last + 1])
            {
                let want = pairs
                    .binary_search_by_key(&ord, |(o, _)| *o)
                    .ok()
                    .map(|i| pairs[i].1);
                assert_eq!(t.get(ord), want, "ord {ord} step {step}");
            }
        }
        assert_eq!(OrdTable::new(&[]).get(0), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025-01-01", false).unwrap(), 20250101);
        assert_eq!(parse_date("2025", true).unwrap(), 20251231);
        assert_eq!(parse_date("2025-03", false).unwrap(), 20250301);
        assert!(parse_date("soon", false).is_err());
        assert!(parse_date("2025-13-01", false).is_err());
    }
}
