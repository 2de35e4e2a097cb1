//! `congvan._native`: the Rust side of the Python package.
//!
//! Every function here returns the library's own JSON (the contract's
//! `Document`, the CLI's `--json` hit lines) as a string, serialized in
//! Rust, often on rayon threads with the GIL released; the Python side
//! (`python/congvan/__init__.py`) turns it into dicts with `json.loads`,
//! which keeps the contract's field order. Library errors become the
//! exception classes below, carrying `path` and `reason`.

use congvan::index::{self, Index as CvIndex, IndexOptions, SearchOptions, SearchResults};
use congvan::{Error as CvError, ParseOptions};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Duration;

create_exception!(
    congvan,
    Error,
    PyException,
    "Any congvan error. `path` names the input (None for index errors) and `reason` says why."
);
create_exception!(
    congvan,
    ReadError,
    Error,
    "The file could not be opened or read."
);
create_exception!(
    congvan,
    TooLargeError,
    Error,
    "The input is over the size limit (64 MiB)."
);
create_exception!(
    congvan,
    FormatError,
    Error,
    "The bytes could not be turned into document text (empty, binary, malformed PDF/DOCX/DOC, a scan without OCR…)."
);
create_exception!(
    congvan,
    UnfinishedError,
    Error,
    "Not parsed: over the per-file time budget, or the parser failed."
);
create_exception!(
    congvan,
    IndexAccessError,
    Error,
    "An index could not be opened, written or searched, or a query is not a document code."
);

/// The input named by an error and the reason without it.
fn path_and_reason(e: &CvError) -> (Option<String>, String) {
    let shown = |p: &Path| Some(p.to_string_lossy().into_owned());
    match e {
        CvError::Io { path, source } => (shown(path), format!("cannot read: {source}")),
        CvError::TooLarge { path, size, limit } => (
            shown(path),
            format!("input too large ({size} bytes; the limit is {limit} bytes)"),
        ),
        CvError::Ingest { path, source } => (shown(path), source.to_string()),
        CvError::Unfinished { path, reason } => (shown(path), reason.clone()),
        CvError::Index(reason) => (None, reason.clone()),
    }
}

/// The Python exception of a library error, with `path` and `reason` set.
fn to_py_err(py: Python<'_>, e: &CvError) -> PyErr {
    let msg = e.to_string();
    let err = match e {
        CvError::Io { .. } => ReadError::new_err(msg),
        CvError::TooLarge { .. } => TooLargeError::new_err(msg),
        CvError::Ingest { .. } => FormatError::new_err(msg),
        CvError::Unfinished { .. } => UnfinishedError::new_err(msg),
        CvError::Index(_) => IndexAccessError::new_err(msg),
    };
    let (path, reason) = path_and_reason(e);
    let value = err.value(py);
    // Setting an attribute on a fresh exception instance does not fail;
    // if it ever did, the exception still carries its message.
    let _ = value.setattr("path", path);
    let _ = value.setattr("reason", reason);
    err
}

fn budget_of(timeout: Option<f64>) -> Option<Duration> {
    match timeout {
        Some(s) if s.is_finite() && s > 0.0 => Some(Duration::from_secs_f64(s.min(86_400.0))),
        _ => None,
    }
}

/// `within`'s miss as a library error naming the input.
fn missed(path: &str, m: congvan::budget::Missed) -> CvError {
    let reason = match m {
        congvan::budget::Missed::Timeout(b) => congvan::budget::timeout_reason(b),
        congvan::budget::Missed::Failed(why) => format!("parser failed (internal error: {why})"),
    };
    CvError::Unfinished {
        path: PathBuf::from(path),
        reason,
    }
}

fn doc_json(doc: &congvan::Document, path: &str) -> Result<String, CvError> {
    serde_json::to_string(doc).map_err(|e| CvError::Unfinished {
        path: PathBuf::from(path),
        reason: format!("cannot serialize: {e}"),
    })
}

fn parse_file(path: &str, ocr: bool, budget: Option<Duration>) -> Result<String, CvError> {
    let opts = ParseOptions {
        ocr,
        ..ParseOptions::default()
    };
    let (doc, _) = congvan::budget::parse_path_within(Path::new(path), &opts, budget)?;
    doc_json(&doc, path)
}

fn parse_owned_bytes(
    bytes: Vec<u8>,
    name: String,
    ocr: bool,
    budget: Option<Duration>,
) -> Result<String, CvError> {
    let opts = ParseOptions {
        ocr,
        ..ParseOptions::default()
    };
    let shown = name.clone();
    let doc = congvan::budget::within(budget, move || {
        congvan::parse_bytes_with_options(&bytes, &name, &opts).map(|(doc, _)| doc)
    })
    .unwrap_or_else(|m| Err(missed(&shown, m)))?;
    doc_json(&doc, &shown)
}

/// Parse one file; the document as contract JSON.
#[pyfunction]
#[pyo3(signature = (path, ocr=true, timeout=Some(60.0)))]
fn parse_path(py: Python<'_>, path: PathBuf, ocr: bool, timeout: Option<f64>) -> PyResult<String> {
    let shown = path.to_string_lossy().into_owned();
    let budget = budget_of(timeout);
    let opts = ParseOptions {
        ocr,
        ..ParseOptions::default()
    };
    let res = py.allow_threads(|| {
        congvan::budget::parse_path_within(&path, &opts, budget)
            .and_then(|(doc, _)| doc_json(&doc, &shown))
    });
    res.map_err(|e| to_py_err(py, &e))
}

/// Parse bytes of any supported format; `name` is recorded as
/// `source.path` and used as the format hint.
#[pyfunction]
#[pyo3(signature = (data, name, ocr=true, timeout=Some(60.0)))]
fn parse_bytes(
    py: Python<'_>,
    data: Vec<u8>,
    name: String,
    ocr: bool,
    timeout: Option<f64>,
) -> PyResult<String> {
    let budget = budget_of(timeout);
    let res = py.allow_threads(|| parse_owned_bytes(data, name, ocr, budget));
    res.map_err(|e| to_py_err(py, &e))
}

/// Parse decoded text (never fails).
#[pyfunction]
fn parse_text(py: Python<'_>, text: String, name: String) -> PyResult<String> {
    let res = py.allow_threads(|| doc_json(&congvan::parse_str(&text, &name), &name));
    res.map_err(|e| to_py_err(py, &e))
}

/// A rayon pool that parses batches of files with the GIL released.
#[pyclass(module = "congvan._native")]
struct Parser {
    pool: rayon::ThreadPool,
    ocr: bool,
    budget: Option<Duration>,
}

#[pymethods]
impl Parser {
    #[new]
    #[pyo3(signature = (threads=None, ocr=true, timeout=Some(60.0)))]
    fn new(threads: Option<usize>, ocr: bool, timeout: Option<f64>) -> PyResult<Self> {
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.unwrap_or(0))
            .thread_name(|i| format!("congvan-py-{i}"))
            .build()
            .map_err(|e| PyValueError::new_err(format!("cannot start parser threads: {e}")))?;
        Ok(Parser {
            pool,
            ocr,
            budget: budget_of(timeout),
        })
    }

    /// Number of parser threads.
    #[getter]
    fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// Parse files in parallel. One item per path, in order: the
    /// document's JSON (str) or the exception instance of its error.
    fn parse_batch(&self, py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Vec<PyObject>> {
        let (ocr, budget) = (self.ocr, self.budget);
        let results: Vec<Result<String, CvError>> = py.allow_threads(|| {
            self.pool.install(|| {
                paths
                    .par_iter()
                    .map(|p| parse_file(&p.to_string_lossy(), ocr, budget))
                    .collect()
            })
        });
        results
            .into_iter()
            .map(|r| match r {
                Ok(json) => Ok(json.into_pyobject(py)?.into_any().unbind()),
                Err(e) => Ok(to_py_err(py, &e).into_value(py).into_any()),
            })
            .collect()
    }
}

/// The citation keys of one reference (its contract JSON): `(key, loose,
/// year)`, the very keys the tantivy index stores
/// (`congvan::index::reference_keys`).
#[pyfunction]
fn reference_keys(reference_json: &str) -> PyResult<(Option<String>, Vec<String>, Option<i32>)> {
    let r: congvan::model::Reference = serde_json::from_str(reference_json)
        .map_err(|e| PyValueError::new_err(format!("not a congvan reference: {e}")))?;
    let k = index::reference_keys(&r);
    Ok((k.key, k.loose, k.year))
}

/// How the index reads a citation query (`71-NQ/TW`, `Nghị quyết 71 năm
/// 2025`): per named document `(written, exact key, loose key with the
/// year, loose key without it, year)`, then the issuer named after `của`.
#[pyfunction]
fn citation_query(py: Python<'_>, query: &str) -> PyResult<Py<PyTuple>> {
    let parsed = index::query::parse(query);
    type Named = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<i32>,
    );
    let named: Vec<Named> = parsed
        .citations
        .iter()
        .map(|c| {
            (
                c.written.clone(),
                c.exact.clone(),
                c.loose.as_ref().map(|l| l.key(true)),
                c.loose.as_ref().map(|l| l.key(false)),
                c.loose.as_ref().and_then(|l| l.year).or(parsed.year),
            )
        })
        .collect();
    let t = (named, parsed.issuer.clone()).into_pyobject(py)?;
    Ok(t.unbind())
}

/// Index files and folders into `index_dir` (created when missing); the
/// report as JSON.
#[pyfunction]
#[pyo3(signature = (paths, index_dir, threads=None, ocr=true, timeout=Some(60.0), prune=false))]
fn build_index(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    index_dir: PathBuf,
    threads: Option<usize>,
    ocr: bool,
    timeout: Option<f64>,
    prune: bool,
) -> PyResult<String> {
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let opts = IndexOptions {
        prune,
        threads,
        ocr,
        timeout: budget_of(timeout),
        ..IndexOptions::default()
    };
    let res = py
        .allow_threads(|| CvIndex::create(&index_dir).and_then(|idx| idx.add_paths(&paths, &opts)));
    let report = res.map_err(|e| to_py_err(py, &e))?;
    let json = serde_json::json!({
        "index": index_dir.to_string_lossy(),
        "files": report.files,
        "indexed": report.indexed(),
        "added": report.added,
        "replaced": report.replaced,
        "skipped": report.skipped,
        "pruned": report.pruned,
        "failed": report.failed,
        "bytes": report.bytes,
        "seconds": report.elapsed.as_secs_f64(),
    });
    Ok(json.to_string())
}

/// The CLI's `--json` lines of a result (`HitLine`).
fn hit_lines(res: &SearchResults, with_relation: bool) -> Vec<String> {
    res.hits
        .iter()
        .map(|h| index::HitLine::of(h, with_relation).to_json())
        .collect()
}

/// A congvan index opened for searching.
#[pyclass(module = "congvan._native")]
struct Index {
    inner: CvIndex,
}

#[pymethods]
impl Index {
    #[new]
    fn new(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        py.allow_threads(|| CvIndex::open(&path))
            .map(|inner| Index { inner })
            .map_err(|e| to_py_err(py, &e))
    }

    /// `congvan search QUERY --json`: one JSON line per hit.
    // One parameter per Python keyword argument (the CLI's filters).
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (query, limit=10, doc_type=None, issuer=None, date_from=None, date_to=None))]
    fn search(
        &self,
        py: Python<'_>,
        query: &str,
        limit: usize,
        doc_type: Option<String>,
        issuer: Option<String>,
        date_from: Option<String>,
        date_to: Option<String>,
    ) -> PyResult<Vec<String>> {
        let opts = SearchOptions {
            limit,
            doc_type,
            issuer,
            from: date_from,
            to: date_to,
        };
        let res = py.allow_threads(|| {
            self.inner
                .search_with(query, &opts)
                .map(|r| hit_lines(&r, false))
        });
        res.map_err(|e| to_py_err(py, &e))
    }

    /// `congvan refs CODE --json`: one JSON line per citing document.
    fn refs(&self, py: Python<'_>, code: &str) -> PyResult<Vec<String>> {
        let res = py.allow_threads(|| self.inner.refs(code).map(|r| hit_lines(&r, true)));
        res.map_err(|e| to_py_err(py, &e))
    }

    /// Number of indexed documents.
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        let n = py
            .allow_threads(|| self.inner.len())
            .map_err(|e| to_py_err(py, &e))?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// `(path, sha256)` of every indexed document, sorted by path.
    fn documents(&self, py: Python<'_>) -> PyResult<Vec<(String, String)>> {
        py.allow_threads(|| self.inner.documents())
            .map_err(|e| to_py_err(py, &e))
    }

    /// The index folder.
    #[getter]
    fn path(&self) -> PathBuf {
        self.inner.dir().to_path_buf()
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_INPUT_BYTES", congvan::MAX_INPUT_BYTES)?;
    m.add("Error", py.get_type::<Error>())?;
    m.add("ReadError", py.get_type::<ReadError>())?;
    m.add("TooLargeError", py.get_type::<TooLargeError>())?;
    m.add("FormatError", py.get_type::<FormatError>())?;
    m.add("UnfinishedError", py.get_type::<UnfinishedError>())?;
    m.add("IndexAccessError", py.get_type::<IndexAccessError>())?;
    m.add_function(wrap_pyfunction!(parse_path, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_text, m)?)?;
    m.add_function(wrap_pyfunction!(reference_keys, m)?)?;
    m.add_function(wrap_pyfunction!(citation_query, m)?)?;
    m.add_function(wrap_pyfunction!(build_index, m)?)?;
    m.add_class::<Parser>()?;
    m.add_class::<Index>()?;
    Ok(())
}
