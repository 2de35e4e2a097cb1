//! The HTML pages (Vietnamese), from maud templates: every value is escaped
//! by construction, so document text stays text. The pages work without
//! JavaScript; `/static/app.js` only adds keyboard shortcuts.

use super::api::{self, SearchPage, SearchParams, Sort};
use super::{blocking, graph, svg, ApiError, AppState, State};
use crate::index::{Hit, Role, Snippet};
use crate::model::{Directive, Document};
use axum::extract::{Form, Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup, DOCTYPE};

const CSS: &str = include_str!("static/app.css");
const JS: &str = include_str!("static/app.js");

pub fn routes() -> Router<State> {
    Router::new()
        .route("/", get(home))
        .route("/doc/{id}", get(doc_page))
        .route("/kiem-tra", get(check_form).post(check_post))
        .route("/static/app.css", get(css))
        .route("/static/app.js", get(js))
        .fallback(not_found)
}

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

async fn js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        JS,
    )
        .into_response()
}

async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::not_found("no such endpoint").into_response();
    }
    error_page(StatusCode::NOT_FOUND, "Không tìm thấy trang này.")
}

/// Percent-encode a query-string value.
pub fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn layout(title: &str, q: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · congvan" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                a.skip href="#main" { "Bỏ qua đến nội dung" }
                header.top {
                    a.brand href="/" { "congvan" }
                    span.tag { "Tra cứu văn bản hành chính" }
                    nav { a href="/" { "Tìm kiếm" } " · " a href="/kiem-tra" { "Kiểm tra dự thảo" } " · " a href="/api/stats" { "API" } }
                }
                form.search role="search" method="get" action="/" {
                    label for="q" .sr { "Tìm văn bản" }
                    input #q type="search" name="q" value=(q) maxlength="512"
                        placeholder="Nghị quyết 71, 71-NQ/TW, chuyển đổi số…" autocomplete="off";
                    button type="submit" { "Tìm" }
                }
                main #main { (body) }
                footer { "congvan · tìm theo số hiệu (Nghị quyết 71, NQ 71, 71-NQ/TW) hoặc theo nội dung, có dấu hay không dấu" }
            }
        }
    }
}

fn page(status: StatusCode, m: Markup) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        m.into_string(),
    )
        .into_response()
}

fn error_page(status: StatusCode, msg: &str) -> Response {
    page(
        status,
        layout(
            "Lỗi",
            "",
            html! { div.error role="alert" { h1 { "Lỗi " (status.as_u16()) } p { (msg) } p { a href="/" { "Về trang tìm kiếm" } } } },
        ),
    )
}

fn api_error_page(e: ApiError) -> Response {
    let msg = match e.code {
        "timeout" => "Truy vấn mất quá nhiều thời gian; hãy thu hẹp truy vấn.".to_string(),
        "query_too_long" => "Truy vấn quá dài.".to_string(),
        "not_found" => "Không có văn bản này trong chỉ mục.".to_string(),
        _ => format!("Yêu cầu không hợp lệ: {}", e.message),
    };
    error_page(e.status, &msg)
}

pub fn relation_vi(r: &str) -> &'static str {
    match r {
        "implements" => "thực hiện",
        "basis" => "căn cứ",
        "attached" => "gửi kèm",
        _ => "nhắc đến",
    }
}

fn date_vi(d: &crate::model::DocDate) -> String {
    match (d.day, d.month, d.year) {
        (Some(dd), Some(m), Some(y)) => format!("{dd:02}/{m:02}/{y}"),
        (None, Some(m), Some(y)) => format!("{m:02}/{y}"),
        (_, _, Some(y)) => y.to_string(),
        _ => "—".into(),
    }
}

/// Text with byte ranges marked (ranges checked against char boundaries).
fn marked(text: &str, ranges: &[std::ops::Range<usize>], class: &str) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end > text.len() || r.start >= r.end {
            continue;
        }
        let (Some(a), Some(b)) = (text.get(at..r.start), text.get(r.start..r.end)) else {
            continue;
        };
        parts.push((false, a));
        parts.push((true, b));
        at = r.end;
    }
    parts.push((false, text.get(at..).unwrap_or("")));
    html! {
        @for (m, s) in parts {
            @if m { mark class=(class) { (s) } } @else { (s) }
        }
    }
}

fn snippet(s: &Snippet) -> Markup {
    html! { blockquote.snippet { (marked(&s.text, &s.highlights, "hl")) } }
}

/// The URL of the current search with some parameters changed.
fn url_with(p: &SearchParams, changes: &[(&str, Option<&str>)]) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let cur = [
        ("q", &p.q),
        ("type", &p.doc_type),
        ("issuer", &p.issuer),
        ("year", &p.year),
        ("from", &p.from),
        ("to", &p.to),
        ("sort", &p.sort),
        ("page", &p.page),
    ];
    for (k, v) in cur {
        if changes.iter().any(|(c, _)| *c == k) {
            continue;
        }
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            pairs.push((k, v.to_string()));
        }
    }
    for (k, v) in changes {
        if let Some(v) = v {
            pairs.push((k, v.to_string()));
        }
    }
    let qs: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect();
    format!("/?{}", qs.join("&"))
}

fn hit_item(h: &Hit) -> Markup {
    let code = h.code.as_deref().unwrap_or("(không số)");
    html! {
        li.hit.doc[h.role == Role::Document] {
            div.hline {
                @if h.role == Role::Document { span.badge.own { "Chính văn bản này" } }
                a.code href=(format!("/doc/{}", h.id)) { (code) }
                @if let Some(t) = &h.doc_type { span.type { (t.name) } }
                span.date { (date_vi(&h.date)) }
                @if let Some(i) = &h.issuer { span.issuer { (i) } }
                @if h.role == Role::Citing {
                    @if let Some(r) = h.relation { span.badge.rel { (relation_vi(r.as_str())) } }
                    @for m in &h.matched_references { span.badge.ref { "trích dẫn " (m) } }
                }
            }
            @if let Some(s) = &h.subject { p.subject { (s) } }
            @if let Some(s) = &h.snippet { (snippet(s)) }
        }
    }
}

fn facet_block(
    title: &str,
    key: &str,
    items: &[(String, usize)],
    p: &SearchParams,
    current: &Option<String>,
    label: impl Fn(&str) -> String,
) -> Markup {
    html! {
        @if !items.is_empty() || current.is_some() {
            section.facet aria-label=(title) {
                h3 { (title) }
                ul {
                    @if let Some(c) = current.as_deref().filter(|c| !c.is_empty()) {
                        li.active { strong { (label(c)) } " " a.clear href=(url_with(p, &[(key, None), ("page", None)])) aria-label=(format!("Bỏ lọc {c}")) { "× bỏ lọc" } }
                    }
                    @for (v, n) in items {
                        @if current.as_deref() != Some(v.as_str()) {
                            li { a.facetlink href=(url_with(p, &[(key, Some(v.as_str())), ("page", None)])) { (label(v)) } " " span.count { "(" (n) ")" } }
                        }
                    }
                }
            }
        }
    }
}

fn type_name(code: &str) -> String {
    crate::vocab::type_by_code(code)
        .map(|t| format!("{} ({code})", t.name))
        .unwrap_or_else(|| code.to_string())
}

fn results(p: &SearchParams, sp: &SearchPage) -> Markup {
    let res = &sp.res;
    let own = sp.hits.iter().filter(|h| h.role == Role::Document).count();
    let pages = res.total.div_ceil(sp.limit).max(1);
    let cur = sp.offset / sp.limit + 1;
    let shown = res.total.min(api::FACET_WINDOW.max(sp.offset + sp.limit));
    html! {
        div.summary role="status" {
            @if res.fallback {
                p { "Không có văn bản nào trong chỉ mục trích dẫn " strong { (res.citations.join(", ")) } "; dưới đây là kết quả tìm theo nội dung (" (res.total) ")." }
            } @else if !res.citations.is_empty() {
                @if res.ambiguous {
                    p.ambiguous { "«" (sp.query) "» ứng với " (res.groups.len()) " văn bản khác nhau: "
                        @for (i, g) in res.groups.iter().enumerate() {
                            @if i > 0 { ", " }
                            strong { (g.code) } " (" (g.count) " văn bản trích dẫn)"
                        }
                        ". Kết quả được chia theo từng nhóm." }
                } @else {
                    p { (res.total - own.min(res.total)) " văn bản trong chỉ mục trích dẫn "
                        strong { (res.groups.iter().map(|g| g.code.as_str()).collect::<Vec<_>>().join(", ")) }
                        @if own > 0 { "; văn bản này cũng có trong chỉ mục và được liệt kê đầu tiên" } "." }
                }
            } @else {
                p { (res.total) " văn bản phù hợp." }
            }
        }
        div.sortbar {
            "Sắp xếp: "
            @if sp.sort == Sort::Relevance { strong { "liên quan nhất" } } @else { a href=(url_with(p, &[("sort", None), ("page", None)])) { "liên quan nhất" } }
            " · "
            @if sp.sort == Sort::Date { strong { "mới nhất" } } @else { a href=(url_with(p, &[("sort", Some("date")), ("page", None)])) { "mới nhất" } }
        }
        div.cols {
            aside.facets aria-label="Lọc kết quả" {
                (facet_block("Loại văn bản", "type", &sp.facets.doc_type, p, &p.doc_type, type_name))
                (facet_block("Cơ quan ban hành", "issuer", &sp.facets.issuer, p, &p.issuer, |s| s.to_string()))
                (facet_block("Năm", "year", &sp.facets.year, p, &p.year, |s| s.to_string()))
                @if res.total > shown { p.note { "Đếm trên " (shown) " kết quả đầu." } }
            }
            div.list {
                @if res.ambiguous && !res.fallback {
                    @let docs: Vec<&Hit> = sp.hits.iter().filter(|h| h.role == Role::Document).collect();
                    @for g in &res.groups {
                        @let own_g: Vec<&&Hit> = docs.iter().filter(|h| h.group.as_deref() == Some(g.key.as_str())).collect();
                        @let citing: Vec<&Hit> = sp.hits.iter().filter(|h| h.role != Role::Document && h.group.as_deref() == Some(g.key.as_str())).collect();
                        @if !own_g.is_empty() || !citing.is_empty() {
                            section.group {
                                h2 { (g.code) " " span.count { "— " (g.count) " văn bản trích dẫn" } }
                                ol.hits {
                                    @for h in own_g { (hit_item(h)) }
                                    @for h in citing { (hit_item(h)) }
                                }
                            }
                        }
                    }
                } @else {
                    ol.hits start=(sp.offset + 1) {
                        @for h in &sp.hits { (hit_item(h)) }
                    }
                }
                @if pages > 1 {
                    nav.pager aria-label="Trang" {
                        @if cur > 1 { a rel="prev" href=(url_with(p, &[("page", Some((cur - 1).to_string().as_str()))])) { "← Trang trước" } }
                        span { " Trang " (cur) " / " (pages) " " }
                        @if cur < pages { a rel="next" href=(url_with(p, &[("page", Some((cur + 1).to_string().as_str()))])) { "Trang sau →" } }
                    }
                }
            }
        }
    }
}

async fn home(
    axum::extract::State(state): axum::extract::State<State>,
    Query(p): Query<SearchParams>,
) -> Response {
    let q = p.q.clone().unwrap_or_default();
    if q.trim().is_empty() {
        let body = html! {
            section.intro {
                h1 { "Tra cứu văn bản" }
                p { "Gõ số hiệu văn bản để xem những văn bản nào trích dẫn nó, hoặc gõ nội dung cần tìm." }
                ul.examples {
                    @for ex in ["Nghị quyết 71", "71-NQ/TW", "nghi quyet 57", "chuyển đổi số", "giáo dục mầm non"] {
                        li { a href=(format!("/?q={}", enc(ex))) { (ex) } }
                    }
                }
            }
        };
        return page(StatusCode::OK, layout("Tìm kiếm", "", body));
    }
    let p2 = p.clone();
    match blocking(&state, move |s| api::run_search(s, &p2, 20, true)).await {
        Ok(sp) => page(
            StatusCode::OK,
            layout(&format!("{} — tìm kiếm", sp.query), &q, results(&p, &sp)),
        ),
        Err(e) => api_error_page(e),
    }
}

fn directive_tree(ds: &[Directive]) -> Markup {
    html! {
        ul.tree {
            @for d in ds {
                li {
                    span.label { (d.label) }
                    " " span.dtext { (d.text.chars().take(400).collect::<String>()) @if d.text.chars().count() > 400 { "…" } }
                    @if !d.assignees.is_empty() {
                        div.assignees { "Chủ trì / thực hiện: " @for (i, a) in d.assignees.iter().enumerate() { @if i > 0 { "; " } @if i == 0 { strong { (a) } } @else { (a) } } }
                    }
                    @if !d.deadlines.is_empty() {
                        div.deadlines { "Thời hạn: " @for (i, t) in d.deadlines.iter().enumerate() { @if i > 0 { "; " } (t.raw) } }
                    }
                    @if !d.items.is_empty() { (directive_tree(&d.items)) }
                }
            }
        }
    }
}

struct DocView {
    doc: Document,
    id: String,
    text: String,
    json: String,
    cited_by: Vec<Hit>,
    graph: Option<graph::Neighbourhood>,
}

fn load_doc(s: &AppState, id: &str) -> Result<DocView, ApiError> {
    if !crate::index::valid_id(id) {
        return Err(ApiError::not_found("bad id"));
    }
    let v = api::doc_json(s, id)?;
    let json = serde_json::to_string_pretty(&v).unwrap_or_default();
    let stored = s
        .index
        .doc_by_id(id)?
        .ok_or_else(|| ApiError::not_found("no such document"))?;
    let text = crate::normalize::normalize(&stored.text);
    let mut doc = crate::parse_str(&text, &stored.record.path);
    doc.source.sha256 = id.to_string();
    let cited_by = match stored.record.code.as_deref() {
        Some(c) if crate::codes::split(c).is_some() => {
            s.index.refs(c).map(|r| r.hits).unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let graph = graph::neighbourhood(&s.index, id, 2)?;
    Ok(DocView {
        doc,
        id: id.to_string(),
        text,
        json,
        cited_by,
        graph,
    })
}

fn doc_body(v: &DocView) -> Markup {
    let d = &v.doc;
    let code = d.number.raw.clone().unwrap_or_else(|| "(không số)".into());
    let mut spans: Vec<std::ops::Range<usize>> = d
        .references
        .iter()
        .flat_map(|r| std::iter::once(r.span).chain(r.mentions.iter().copied()))
        .map(|s| s.start..s.end)
        .collect();
    spans.sort_by_key(|r| (r.start, r.end));
    spans.dedup();
    let signer = [
        &d.signer.authority,
        &d.signer.on_behalf_of,
        &d.signer.title,
        &d.signer.name,
    ]
    .iter()
    .filter_map(|x| x.as_deref())
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        article.docpage {
            section.card aria-label="Thông tin văn bản" {
                h1 { @if let Some(t) = &d.doc_type { (t.name) " " } (code) }
                @if let Some(s) = &d.subject { p.subject { (s) } }
                dl {
                    dt { "Số, ký hiệu" } dd { (code) }
                    dt { "Ngày ban hành" } dd { (date_vi(&d.date)) @if let Some(p) = &d.place { ", " (p) } }
                    dt { "Cơ quan ban hành" } dd { (d.issuer.name.as_deref().unwrap_or("—")) @if let Some(p) = &d.issuer.parent { " (" (p) ")" } }
                    dt { "Người ký" } dd { @if signer.is_empty() { "—" } @else { (signer) } }
                    dt { "Kính gửi" } dd { @if d.recipients.is_empty() { "—" } @else { (d.recipients.join("; ")) } }
                    dt { "Nơi nhận" } dd { @if d.distribution.is_empty() { "—" } @else {
                        @for (i, r) in d.distribution.iter().enumerate() { @if i > 0 { "; " } (r.name) @if let Some(n) = &r.note { " (" (n) ")" } } } }
                    dt { "Tệp" } dd { code { (d.source.path) } }
                }
                p { a href=(format!("/api/doc/{}", v.id)) { "JSON của văn bản" } " · " a href=(format!("/api/graph/{}?depth=2", v.id)) { "JSON sơ đồ trích dẫn" } }
            }
            section aria-labelledby="refs-h" {
                h2 #refs-h { "Văn bản được trích dẫn (" (d.references.len()) ")" }
                @if d.references.is_empty() { p { "Không có." } } @else {
                    ul.refs {
                        @for r in &d.references {
                            li {
                                @if let Some(c) = &r.code { a.code href=(format!("/?q={}", enc(c))) { (c) } } @else { span.code { "(không số)" } }
                                " " span.badge.rel { (relation_vi(r.relation.as_str())) }
                                @if let Some(t) = &r.doc_type { " " (t.name) }
                                @if let Some(dt) = &r.date { " · " (dt) }
                                @if let Some(i) = &r.issuer { " · " (i) }
                                @if let Some(a) = &r.about { div.about { "về " (a) } }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="cited-h" {
                h2 #cited-h { "Văn bản trong chỉ mục trích dẫn văn bản này (" (v.cited_by.len()) ")" }
                @if v.cited_by.is_empty() { p { "Chưa có." } } @else {
                    ol.hits { @for h in &v.cited_by { (hit_item(h)) } }
                }
            }
            @if let Some(g) = &v.graph {
                section.graphbox aria-labelledby="graph-h" {
                    h2 #graph-h { "Sơ đồ trích dẫn (hai bước)" }
                    p.legend { "Bên trái: văn bản trích dẫn; giữa: văn bản này; bên phải: văn bản được trích dẫn. Ô viền đậm có trong chỉ mục (bấm để mở)." }
                    div.scroll { (svg::draw(g)) }
                    @if g.truncated { p.note { "Sơ đồ đã được rút gọn." } }
                }
            }
            section aria-labelledby="dir-h" {
                h2 #dir-h { "Nhiệm vụ (" (d.directives.len()) ")" }
                @if d.directives.is_empty() { p { "Không có." } } @else { (directive_tree(&d.directives)) }
            }
            section aria-labelledby="tg-h" {
                h2 #tg-h { "Chỉ tiêu (" (d.targets.len()) ")" }
                @if d.targets.is_empty() { p { "Không có." } } @else {
                    div.scroll { table.targets {
                        thead { tr { th { "Chỉ tiêu" } th { "So sánh" } th { "Giá trị" } th { "Đơn vị" } th { "Đến năm" } } }
                        tbody { @for t in &d.targets { tr {
                            td { (t.text) } td { (t.cmp) } td { (t.value) } td { (t.unit.as_deref().unwrap_or("")) }
                            td { @if let Some(y) = t.by_year { (y) } }
                        } } }
                    } }
                }
            }
            section aria-labelledby="text-h" {
                h2 #text-h { "Toàn văn (đã chuẩn hóa; trích dẫn được tô sáng)" }
                pre.fulltext { (marked(&v.text, &spans, "cite")) }
            }
            details {
                summary { "JSON" }
                pre.json { (v.json) }
            }
        }
    }
}

async fn doc_page(
    axum::extract::State(state): axum::extract::State<State>,
    Path(id): Path<String>,
) -> Response {
    let id2 = id.clone();
    match blocking(&state, move |s| load_doc(s, &id2)).await {
        Ok(v) => {
            let title = v.doc.number.raw.clone().unwrap_or_else(|| "Văn bản".into());
            page(StatusCode::OK, layout(&title, "", doc_body(&v)))
        }
        Err(e) => api_error_page(e),
    }
}

fn check_markup(text: &str, found: Option<&[api::FoundCitation]>) -> Markup {
    html! {
        h1 { "Kiểm tra trích dẫn trong dự thảo" }
        p { "Dán văn bản đang soạn: mọi văn bản được trích dẫn sẽ được nhận ra, kèm cho biết văn bản đó và các văn bản trích dẫn nó có trong chỉ mục hay không." }
        form.check method="post" action="/kiem-tra" {
            label for="draft" { "Nội dung dự thảo" }
            textarea #draft name="text" rows="10" maxlength="200000" { (text) }
            button type="submit" { "Kiểm tra" }
        }
        @if let Some(found) = found {
            h2 { "Tìm thấy " (found.len()) " trích dẫn" }
            div.scroll { table.targets {
                thead { tr { th { "Trích dẫn" } th { "Số hiệu" } th { "Loại" } th { "Ngày" } th { "Cơ quan" } th { "Trong chỉ mục" } } }
                tbody { @for c in found { tr {
                    td { (c.text) }
                    td { @if let Some(k) = &c.code { a href=(format!("/?q={}", enc(k))) { (k) } } }
                    td { @if let Some(t) = &c.doc_type { (t.name) } }
                    td { (c.date.as_deref().unwrap_or("")) }
                    td { (c.issuer.as_deref().unwrap_or("")) }
                    td {
                        @for d in &c.indexed { @if let Some(id) = d.get("id").and_then(|v| v.as_str()) { a href=(format!("/doc/{id}")) { "văn bản này" } " · " } }
                        (c.cited_by_count) " văn bản trích dẫn"
                    }
                } } }
            } }
        }
    }
}

async fn check_form() -> Response {
    page(
        StatusCode::OK,
        layout("Kiểm tra dự thảo", "", check_markup("", None)),
    )
}

#[derive(serde::Deserialize)]
struct CheckForm {
    text: String,
}

async fn check_post(
    axum::extract::State(state): axum::extract::State<State>,
    form: Result<Form<CheckForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Nội dung gửi lên không hợp lệ hoặc quá dài.",
        );
    };
    let text = f.text.clone();
    match blocking(&state, move |s| api::check_citations(s, &f.text)).await {
        Ok(found) => page(
            StatusCode::OK,
            layout("Kiểm tra dự thảo", "", check_markup(&text, Some(&found))),
        ),
        Err(e) => api_error_page(e),
    }
}
