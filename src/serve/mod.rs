//! `congvan serve`: the search page and the HTTP API over one index.
//!
//! - Read-only: the index is opened for reading and never written; a
//!   background task reloads it every [`RELOAD_EVERY`] so commits made by
//!   `congvan index` are seen within a second. A search holds the snapshot
//!   it started on, so a reload never fails a search in flight.
//! - Searches run on tokio's blocking pool under a time limit
//!   ([`Limits::request_time`]); a query that takes longer answers 503 and
//!   its worker is free for other requests at once.
//! - Every response carries a Content-Security-Policy that allows only this
//!   server's own script and style (no inline script), `nosniff` and
//!   `frame-ancestors 'none'`.
//! - Ids in URLs are index ids (64 hex digits); nothing in a request names
//!   a file, and the only files served are compiled into the binary.
//!
//! [`api`] has the JSON endpoints, [`pages`] the HTML (maud templates,
//! escaped by construction), [`svg`] the citation neighbourhood drawing.

pub mod api;
pub mod graph;
pub mod pages;
pub mod svg;

use crate::error::Error;
use crate::index::Index;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How often the index is reloaded.
pub const RELOAD_EVERY: Duration = Duration::from_millis(300);

/// Limits on untrusted requests.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Longest query, in bytes.
    pub query_bytes: usize,
    /// Most hits per page (`limit`).
    pub page_size: usize,
    /// Largest request body (`POST /api/citations`), in bytes.
    pub body_bytes: usize,
    /// Longest time one request may compute.
    pub request_time: Duration,
    /// Deepest citation neighbourhood (`depth`).
    pub graph_depth: usize,
    /// Largest offset into a result list.
    pub max_offset: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            query_bytes: 512,
            page_size: 100,
            body_bytes: 256 * 1024,
            request_time: Duration::from_secs(5),
            graph_depth: 2,
            max_offset: 10_000,
        }
    }
}

/// What `congvan serve` is given.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Index folder; None: the default corpus index (as `search` uses it).
    pub index: Option<PathBuf>,
    /// Address to listen on (loopback by default).
    pub listen: SocketAddr,
    pub limits: Limits,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            index: None,
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            limits: Limits::default(),
        }
    }
}

/// Shared by all handlers.
pub struct AppState {
    pub index: Index,
    pub limits: Limits,
    /// Free-text searches running at once are limited to the cores, so the
    /// cheap citation queries never queue behind a burst of costly ones.
    pub text_gate: Gate,
}

/// A counting semaphore for blocking threads.
pub struct Gate {
    free: std::sync::Mutex<usize>,
    cv: std::sync::Condvar,
}

/// A place taken in a [`Gate`], given back when dropped.
pub struct Permit<'a>(&'a Gate);

impl Gate {
    pub fn new(n: usize) -> Gate {
        Gate {
            free: std::sync::Mutex::new(n.max(1)),
            cv: std::sync::Condvar::new(),
        }
    }

    /// Wait for a place (on a blocking thread).
    pub fn enter(&self) -> Permit<'_> {
        let mut free = self
            .free
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while *free == 0 {
            free = self
                .cv
                .wait(free)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        *free -= 1;
        Permit(self)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut free = self
            .0
            .free
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *free += 1;
        self.0.cv.notify_one();
    }
}

pub type State = Arc<AppState>;

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

/// The whole application: pages, API, static files, headers, body limit.
pub fn router(state: State) -> Router {
    let body = state.limits.body_bytes;
    Router::new()
        .merge(api::routes())
        .merge(pages::routes())
        .layer(axum::extract::DefaultBodyLimit::max(body))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Open the index (read-only) as `search` does; the default corpus index
/// prints its notice (built in memory) once on standard error.
pub fn open_index(dir: Option<&std::path::Path>) -> Result<Index, Error> {
    match dir {
        Some(d) => Index::open(d),
        None => {
            let (index, notice) = crate::index::corpus::open_default()?;
            if let Some(n) = notice {
                eprintln!("congvan: {n}");
            }
            Ok(index)
        }
    }
}

/// Serve until Ctrl-C or SIGTERM; `on_ready` gets the bound address (port 0
/// in `listen` picks a free one).
pub fn run(opts: ServeOptions, on_ready: impl FnOnce(SocketAddr)) -> Result<(), Error> {
    let index = open_index(opts.index.as_deref())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Index(format!("cannot start the server runtime: {e}")))?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.listen)
            .await
            .map_err(|e| Error::Index(format!("cannot listen on {}: {e}", opts.listen)))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Index(format!("cannot listen on {}: {e}", opts.listen)))?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let state = Arc::new(AppState {
            index,
            limits: opts.limits.clone(),
            text_gate: Gate::new(cores),
        });
        let reloader = {
            let state = state.clone();
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(RELOAD_EVERY);
                loop {
                    tick.tick().await;
                    let s = state.clone();
                    // A failed reload keeps the last snapshot; the next tick retries.
                    let _ = tokio::task::spawn_blocking(move || s.index.refresh()).await;
                }
            })
        };
        on_ready(addr);
        let served = axum::serve(listener, router(state))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| Error::Index(format!("server error: {e}")));
        reloader.abort();
        served
    })
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Run blocking index work on the blocking pool under the request time limit.
pub async fn blocking<T: Send + 'static>(
    state: &State,
    work: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let s = state.clone();
    let limit = state.limits.request_time;
    let timeout = || {
        Err(ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the request took longer than {} s", limit.as_secs_f32()),
        ))
    };
    // No time at all: nothing may compute (a fast request could otherwise
    // finish before the timer is first polled).
    if limit.is_zero() {
        return timeout();
    }
    let task = tokio::task::spawn_blocking(move || work(&s));
    match tokio::time::timeout(limit, task).await {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => Err(ApiError::internal("the request failed")),
        Err(_) => timeout(),
    }
}

/// An error answer: an HTTP status and `{"error": {code, message}}`.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: axum::http::StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(
        status: axum::http::StatusCode,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(axum::http::StatusCode::BAD_REQUEST, "bad_request", message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(axum::http::StatusCode::NOT_FOUND, "not_found", message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            message,
        )
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        let msg = e.to_string();
        // Bad filter values (dates) are the caller's; anything else is ours.
        if msg.starts_with("invalid date") || msg.starts_with("not a document code") {
            ApiError::bad_request(msg)
        } else {
            ApiError::internal(msg)
        }
    }
}

impl axum::response::IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": { "status": self.status.as_u16(), "code": self.code, "message": self.message }
        });
        (self.status, axum::Json(body)).into_response()
    }
}
