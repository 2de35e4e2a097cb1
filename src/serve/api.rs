//! The JSON API: `/api/search`, `/api/refs/{code}`, `/api/doc/{id}`,
//! `/api/graph/{id}`, `/api/stats`, `/healthz`, `POST /api/citations`.

use super::{blocking, graph, ApiError, AppState, State};
use crate::index::{Hit, HitLine, Role, SearchOptions, SearchResults, Snippet};
use axum::extract::{Path, Query};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// Hits looked at for facets and date sorting.
pub const FACET_WINDOW: usize = 1000;

pub fn routes() -> Router<State> {
    Router::new()
        .route("/api/search", get(search))
        .route("/api/refs/{*code}", get(refs))
        .route("/api/doc/{id}", get(doc))
        .route("/api/graph/{id}", get(graph_json))
        .route("/api/stats", get(stats))
        .route("/api/citations", post(citations))
        .route("/healthz", get(healthz))
}

/// Query parameters of a search (page and API). Numbers are read by hand
/// so a bad value is a JSON error, not a framework rejection.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchParams {
    pub q: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub year: Option<String>,
    pub sort: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
    pub page: Option<String>,
    pub facets: Option<String>,
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// Sort order of a result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    Relevance,
    Date,
}

/// Counts per value over the hits looked at.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub doc_type: Vec<(String, usize)>,
    pub issuer: Vec<(String, usize)>,
    pub year: Vec<(String, usize)>,
}

/// A search's answer before rendering.
#[derive(Debug, Clone)]
pub struct SearchPage {
    pub query: String,
    pub res: SearchResults,
    /// The hits of this page.
    pub hits: Vec<Hit>,
    pub facets: Facets,
    pub offset: usize,
    pub limit: usize,
    pub sort: Sort,
}

fn number(v: &Option<String>, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
    match nonempty(v) {
        None => Ok(default),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            Ok(_) => Err(ApiError::bad_request(format!("{name} is at most {max}"))),
            Err(_) => Err(ApiError::bad_request(format!(
                "{name} must be a whole number"
            ))),
        },
    }
}

fn date_key(h: &Hit) -> (i32, u32, u32) {
    (
        h.date.year.unwrap_or(0),
        h.date.month.unwrap_or(0),
        h.date.day.unwrap_or(0),
    )
}

fn count_top(map: HashMap<String, usize>, n: usize) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

fn facets_of(hits: &[Hit]) -> Facets {
    let (mut t, mut i, mut y) = (HashMap::new(), HashMap::new(), HashMap::new());
    for h in hits {
        if let Some(d) = &h.doc_type {
            *t.entry(d.code.clone()).or_insert(0) += 1;
        }
        if let Some(s) = &h.issuer {
            *i.entry(s.clone()).or_insert(0) += 1;
        }
        if let Some(yr) = h.date.year {
            *y.entry(yr.to_string()).or_insert(0) += 1;
        }
    }
    let mut year = count_top(y, 12);
    year.sort_by(|a, b| b.0.cmp(&a.0));
    Facets {
        doc_type: count_top(t, 12),
        issuer: count_top(i, 12),
        year,
    }
}

/// Run a search with paging, sorting and facets. `default_limit` differs
/// between the page and the API; `want_facets` widens the window.
pub fn run_search(
    state: &AppState,
    p: &SearchParams,
    default_limit: usize,
    want_facets: bool,
) -> Result<SearchPage, ApiError> {
    let l = &state.limits;
    let query = nonempty(&p.q).ok_or_else(|| ApiError::bad_request("q is required"))?;
    if query.len() > l.query_bytes {
        return Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "query_too_long",
            format!("the query is longer than {} bytes", l.query_bytes),
        ));
    }
    let limit = number(&p.limit, "limit", default_limit, l.page_size)?.max(1);
    let mut offset = number(&p.offset, "offset", 0, l.max_offset)?;
    if let Some(page) = nonempty(&p.page) {
        let page = page
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1 && (n - 1) * limit <= l.max_offset)
            .ok_or_else(|| ApiError::bad_request("page must be a number from 1"))?;
        offset = (page - 1) * limit;
    }
    let sort = match nonempty(&p.sort).as_deref() {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some(_) => return Err(ApiError::bad_request("sort is relevance or date")),
    };
    let (mut from, mut to) = (nonempty(&p.from), nonempty(&p.to));
    if let Some(y) = nonempty(&p.year) {
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::bad_request("year must be YYYY"));
        }
        from = Some(y.clone());
        to = Some(y);
    }
    for (name, v) in [("type", &p.doc_type), ("issuer", &p.issuer)] {
        if v.as_ref().is_some_and(|s| s.len() > l.query_bytes) {
            return Err(ApiError::bad_request(format!("{name} is too long")));
        }
    }
    let wide = want_facets || sort == Sort::Date;
    let window = if wide {
        FACET_WINDOW.max(offset + limit)
    } else {
        offset + limit
    };
    let opts = SearchOptions {
        limit: window,
        doc_type: nonempty(&p.doc_type),
        issuer: nonempty(&p.issuer),
        from,
        to,
    };
    let free_text = crate::index::query::parse(&query).citations.is_empty();
    let permit = free_text.then(|| state.text_gate.enter());
    let res = state.index.search_with(&query, &opts)?;
    drop(permit);
    let facets = if want_facets {
        facets_of(&res.hits)
    } else {
        Facets::default()
    };
    let mut all = res.hits.clone();
    if sort == Sort::Date {
        // The document itself stays first; the rest newest first.
        let own = all.iter().take_while(|h| h.role == Role::Document).count();
        all[own..].sort_by_key(|h| std::cmp::Reverse(date_key(h)));
    }
    let hits: Vec<Hit> = all.into_iter().skip(offset).take(limit).collect();
    Ok(SearchPage {
        query,
        res,
        hits,
        facets,
        offset,
        limit,
        sort,
    })
}

/// A hit in the API: the CLI's `--json` line plus what the page shows.
#[derive(Serialize)]
pub struct ApiHit<'a> {
    #[serde(flatten)]
    pub line: HitLine<'a>,
    pub issuer: &'a Option<String>,
    /// Canonical key of the cited document this hit belongs to.
    pub group: &'a Option<String>,
    /// How the hit cites the named document (citing hits).
    pub citation_relation: Option<&'static str>,
    pub snippet: &'a Option<Snippet>,
}

impl<'a> ApiHit<'a> {
    pub fn of(h: &'a Hit, with_relation: bool) -> ApiHit<'a> {
        ApiHit {
            line: HitLine::of(h, with_relation),
            issuer: &h.issuer,
            group: &h.group,
            citation_relation: (h.role == Role::Citing)
                .then(|| h.relation.map(|r| r.as_str()))
                .flatten(),
            snippet: &h.snippet,
        }
    }
}

async fn search(
    axum::extract::State(state): axum::extract::State<State>,
    Query(p): Query<SearchParams>,
) -> Result<Json<Value>, ApiError> {
    blocking(&state, move |s| {
        let want = p.facets.as_deref().is_some_and(|f| f == "1" || f == "true");
        let page = run_search(s, &p, 10, want)?;
        let hits: Vec<ApiHit> = page.hits.iter().map(|h| ApiHit::of(h, false)).collect();
        Ok(Json(serde_json::json!({
            "query": page.query,
            "total": page.res.total,
            "offset": page.offset,
            "limit": page.limit,
            "sort": page.sort,
            "citations": page.res.citations,
            "ambiguous": page.res.ambiguous,
            "fallback": page.res.fallback,
            "groups": page.res.groups,
            "facets": if want { serde_json::to_value(&page.facets).unwrap_or(Value::Null) } else { Value::Null },
            "hits": hits,
        })))
    })
    .await
}

async fn refs(
    axum::extract::State(state): axum::extract::State<State>,
    Path(code): Path<String>,
) -> Result<Json<Value>, ApiError> {
    if code.len() > state.limits.query_bytes {
        return Err(ApiError::bad_request("code is too long"));
    }
    blocking(&state, move |s| {
        let res = s.index.refs(&code)?;
        let hits: Vec<ApiHit> = res.hits.iter().map(|h| ApiHit::of(h, true)).collect();
        Ok(Json(serde_json::json!({
            "code": code,
            "total": res.total,
            "groups": res.groups,
            "ambiguous": res.ambiguous,
            "hits": hits,
        })))
    })
    .await
}

/// The contract JSON of a stored document (its text parsed again; `source`
/// as indexed), the normalized text and the documents citing it.
pub fn doc_json(state: &AppState, id: &str) -> Result<Value, ApiError> {
    if !crate::index::valid_id(id) {
        return Err(ApiError::bad_request(
            "a document id is 64 hexadecimal digits",
        ));
    }
    let stored = state
        .index
        .doc_by_id(id)?
        .ok_or_else(|| ApiError::not_found(format!("no indexed document {id}")))?;
    let text = crate::normalize::normalize(&stored.text);
    let mut doc = crate::parse_str(&text, &stored.record.path);
    doc.source.sha256 = stored.id.clone();
    let mut v = serde_json::to_value(&doc).map_err(|e| ApiError::internal(e.to_string()))?;
    let cited_by = match stored.record.code.as_deref() {
        Some(c) if crate::codes::split(c).is_some() && stored.record.code.is_some() => {
            state.index.refs(c).map(|r| r.hits).unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let cited: Vec<ApiHit> = cited_by.iter().map(|h| ApiHit::of(h, true)).collect();
    if let Value::Object(m) = &mut v {
        m.insert("id".into(), Value::String(stored.id.clone()));
        m.insert("text".into(), Value::String(text));
        m.insert(
            "cited_by".into(),
            serde_json::to_value(&cited).unwrap_or(Value::Null),
        );
    }
    Ok(v)
}

async fn doc(
    axum::extract::State(state): axum::extract::State<State>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    blocking(&state, move |s| doc_json(s, &id).map(Json)).await
}

#[derive(Deserialize)]
struct GraphParams {
    depth: Option<String>,
}

async fn graph_json(
    axum::extract::State(state): axum::extract::State<State>,
    Path(id): Path<String>,
    Query(p): Query<GraphParams>,
) -> Result<Json<graph::Neighbourhood>, ApiError> {
    let depth = number(&p.depth, "depth", 1, state.limits.graph_depth)?.max(1);
    blocking(&state, move |s| {
        if !crate::index::valid_id(&id) {
            return Err(ApiError::bad_request(
                "a document id is 64 hexadecimal digits",
            ));
        }
        graph::neighbourhood(&s.index, &id, depth)?
            .map(Json)
            .ok_or_else(|| ApiError::not_found(format!("no indexed document {id}")))
    })
    .await
}

async fn stats(
    axum::extract::State(state): axum::extract::State<State>,
) -> Result<Json<crate::index::Stats>, ApiError> {
    blocking(&state, |s| Ok(Json(s.index.stats()?))).await
}

async fn healthz(
    axum::extract::State(state): axum::extract::State<State>,
) -> Result<Json<Value>, ApiError> {
    blocking(&state, |s| {
        let n = s.index.stats()?.documents;
        Ok(Json(serde_json::json!({"status": "ok", "documents": n})))
    })
    .await
}

/// One citation found in a draft, and what the index knows of it.
#[derive(Debug, Clone, Serialize)]
pub struct FoundCitation {
    pub code: Option<String>,
    /// Canonical key (`71-NQ/TW`).
    pub key: Option<String>,
    pub doc_type: Option<crate::model::DocType>,
    pub date: Option<String>,
    pub issuer: Option<String>,
    pub about: Option<String>,
    pub relation: &'static str,
    pub text: String,
    pub span: crate::model::Span,
    /// Every place the draft mentions it.
    pub mentions: Vec<crate::model::Span>,
    /// The document itself, when indexed: `{id, path, code, subject}`.
    pub indexed: Vec<Value>,
    /// How many indexed documents cite it.
    pub cited_by_count: usize,
    /// The first few of them: `{id, path, code, subject}`.
    pub cited_by: Vec<Value>,
}

fn brief(id: &str, path: &str, code: &Option<String>, subject: &Option<String>) -> Value {
    serde_json::json!({"id": id, "path": path, "code": code, "subject": subject})
}

/// Every citation in a text, with what the index holds about each.
pub fn check_citations(state: &AppState, text: &str) -> Result<Vec<FoundCitation>, ApiError> {
    let doc = crate::parse_str(text, "draft");
    let mut out = Vec::new();
    for r in &doc.references {
        let key = r
            .code
            .as_deref()
            .filter(|c| crate::codes::split(c).is_some())
            .map(crate::codes::canonical);
        let (mut indexed, mut cited_by, mut count) = (Vec::new(), Vec::new(), 0);
        if let Some(code) = r.code.as_deref().filter(|_| key.is_some()) {
            for (id, rec) in state.index.docs_by_code(code, 5)? {
                indexed.push(brief(&id, &rec.path, &rec.code, &rec.subject));
            }
            if let Ok(res) = state.index.refs(code) {
                count = res.total;
                for h in res.hits.iter().take(5) {
                    cited_by.push(brief(&h.id, &h.path, &h.code, &h.subject));
                }
            }
        }
        out.push(FoundCitation {
            code: r.code.clone(),
            key,
            doc_type: r.doc_type.clone(),
            date: r.date.clone(),
            issuer: r.issuer.clone(),
            about: r.about.clone(),
            relation: r.relation.as_str(),
            text: r.text.clone(),
            span: r.span,
            mentions: r.mentions.clone(),
            indexed,
            cited_by_count: count,
            cited_by,
        });
    }
    Ok(out)
}

async fn citations(
    axum::extract::State(state): axum::extract::State<State>,
    body: Result<String, axum::extract::rejection::StringRejection>,
) -> Result<Json<Value>, ApiError> {
    let body = body.map_err(|e| {
        let status = e.status();
        let code = if status == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            "body_too_large"
        } else {
            "bad_body"
        };
        ApiError::new(status, code, e.body_text())
    })?;
    // A JSON body `{"text": …}` or the text itself.
    let text = match serde_json::from_str::<Value>(&body) {
        Ok(Value::Object(m)) => match m.get("text") {
            Some(Value::String(t)) => t.clone(),
            _ => return Err(ApiError::bad_request("a JSON body needs a \"text\" string")),
        },
        _ => body,
    };
    if text.trim().is_empty() {
        return Err(ApiError::bad_request(
            "the body is empty: send the text to check",
        ));
    }
    blocking(&state, move |s| {
        let found = check_citations(s, &text)?;
        Ok(Json(serde_json::json!({
            "count": found.len(),
            "citations": found,
            "text": text,
        })))
    })
    .await
}
