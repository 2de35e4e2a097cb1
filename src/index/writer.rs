//! Batch indexing: walk → read, parse and convert in parallel (workers of
//! [`crate::budget::map_within`], each file within its time budget) →
//! bounded channel → one `IndexWriter`.
//!
//! - Unchanged files (same absolute path, same SHA-256) are skipped; changed
//!   ones are replaced (delete by path + add, in the same commit), so a path
//!   is never indexed twice.
//! - Commits happen every [`IndexOptions::commit_interval`]: a crash or
//!   Ctrl-C loses at most that much work, and a re-run picks up the rest.
//! - `prune` removes entries whose file no longer exists.
//! - A second writer gets "index is locked"; readers are never blocked.

use super::schema::{Fields, Record, RefKeys, StoredRef};
use super::{tantivy_err, Index};
use crate::codes;
use crate::error::Error;
use crate::model::Document;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tantivy::{TantivyDocument, Term};

/// How to index.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Remove entries whose file no longer exists.
    pub prune: bool,
    /// Commit at least this often.
    pub commit_interval: Duration,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Memory budget of the index writer, in bytes.
    pub memory_budget: usize,
    /// Parser threads (None: one per core).
    pub threads: Option<usize>,
    /// Time budget per file (None: none): a file over it is a failure and
    /// the batch goes on (see [`crate::budget`]).
    pub timeout: Option<Duration>,
    /// Read scans and images by OCR (false: they fail with a clear reason).
    pub ocr: bool,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            prune: false,
            commit_interval: Duration::from_secs(5),
            progress: false,
            memory_budget: 128 * 1024 * 1024,
            threads: None,
            timeout: Some(crate::budget::DEFAULT_TIMEOUT),
            ocr: true,
        }
    }
}

/// A file that could not be indexed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Failure {
    /// The path as given, lossy when the name is not UTF-8.
    pub path: String,
    pub reason: String,
    /// The name's exact bytes in hex when it is not UTF-8 (else absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<String>,
}

impl Failure {
    pub(crate) fn new(path: &Path, reason: impl Into<String>) -> Failure {
        Failure {
            path: path.to_string_lossy().into_owned(),
            reason: reason.into(),
            path_bytes: crate::paths::raw_hex(path),
        }
    }
}

/// What an indexing run did.
#[derive(Debug, Clone, Default)]
pub struct IndexReport {
    /// Files found.
    pub files: usize,
    /// Newly indexed.
    pub added: usize,
    /// Indexed again because their content changed.
    pub replaced: usize,
    /// Unchanged since the last run.
    pub skipped: usize,
    /// Entries removed because their file is gone (`prune`).
    pub pruned: usize,
    pub failed: Vec<Failure>,
    /// Bytes read.
    pub bytes: u64,
    pub elapsed: Duration,
    pub commits: usize,
}

impl IndexReport {
    /// Files indexed in this run (new + replaced).
    pub fn indexed(&self) -> usize {
        self.added + self.replaced
    }
}

struct Item {
    /// `source.path`: the path as given (lossy when not UTF-8).
    given: String,
    /// The absolute path, [`crate::paths::encode`]d (lossless).
    key: String,
    /// The file to read, exact bytes.
    file: PathBuf,
    size: u64,
    /// The content when it is not read from `given` (embedded documents).
    data: Option<&'static [u8]>,
}

enum Msg {
    Skipped(u64),
    Doc {
        key: String,
        doc: Box<TantivyDocument>,
        replaced: bool,
        bytes: u64,
    },
    Failed(Failure, u64),
}

/// `path_key → (path, sha256)` of every indexed document.
pub(crate) fn existing(index: &Index) -> Result<HashMap<String, (String, String)>, Error> {
    let err = |e| tantivy_err(&index.dir, e);
    index.reload()?;
    let searcher = index.searcher();
    let mut out = HashMap::new();
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let (Some(keys), Some(shas), Some(paths)) = (
            ff.str("path_key").map_err(err)?,
            ff.str("sha256").map_err(err)?,
            ff.str("path").map_err(err)?,
        ) else {
            continue;
        };
        for doc in seg.doc_ids_alive() {
            let mut key = String::new();
            let mut sha = String::new();
            let mut path = String::new();
            if let Some(o) = keys.term_ords(doc).next() {
                let _ = keys.ord_to_str(o, &mut key);
            }
            if let Some(o) = shas.term_ords(doc).next() {
                let _ = shas.ord_to_str(o, &mut sha);
            }
            if let Some(o) = paths.term_ords(doc).next() {
                let _ = paths.ord_to_str(o, &mut path);
            }
            out.insert(key, (path, sha));
        }
    }
    Ok(out)
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    })
}

/// What a file that is neither a regular file nor a folder is.
fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = t;
    "a special file"
}

fn is_hidden(e: &walkdir::DirEntry) -> bool {
    e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.')
}

/// Every regular file under `paths` (hidden files and the index folder
/// itself left out), deduplicated by absolute path.
fn walk<P: AsRef<Path>>(paths: &[P], index_dir: &Path, failed: &mut Vec<Failure>) -> Vec<Item> {
    let index_abs = absolute(index_dir);
    let mut seen = HashSet::new();
    let mut items = Vec::new();
    // The last folder made absolute: the files of one folder come one
    // after the other, and a file that is no symlink is its folder's
    // absolute path joined with its name (one `canonicalize` per folder,
    // not one per file: it reads every component of the path).
    let mut last_dir: Option<(PathBuf, PathBuf)> = None;
    for p in paths {
        let p = p.as_ref();
        if !p.exists() {
            failed.push(Failure::new(p, "no such file or folder"));
            continue;
        }
        let walker = walkdir::WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !is_hidden(e));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let abs = match (e.path().parent(), e.path().file_name()) {
                        (Some(dir), Some(name)) if !e.path_is_symlink() && e.depth() > 0 => {
                            match &last_dir {
                                Some((d, a)) if d == dir => a.join(name),
                                _ => {
                                    let a = absolute(dir);
                                    let abs = a.join(name);
                                    last_dir = Some((dir.to_path_buf(), a));
                                    abs
                                }
                            }
                        }
                        _ => absolute(e.path()),
                    };
                    if abs.starts_with(&index_abs) {
                        continue;
                    }
                    let key = crate::paths::encode(&abs);
                    if seen.insert(key.clone()) {
                        items.push(Item {
                            given: e.path().to_string_lossy().into_owned(),
                            key,
                            file: e.path().to_path_buf(),
                            size: e.metadata().map(|m| m.len()).unwrap_or(0),
                            data: None,
                        });
                    }
                }
                Ok(e) if e.depth() == 0 && !e.file_type().is_dir() => failed.push(Failure::new(
                    p,
                    format!("not a regular file or folder ({})", kind_of(&e.file_type())),
                )),
                Ok(_) => {}
                Err(e) => failed.push(Failure::new(
                    e.path().unwrap_or(p),
                    e.io_error()
                        .map(|io| io.to_string())
                        .unwrap_or_else(|| e.to_string()),
                )),
            }
        }
    }
    items
}

/// The reason of an error without the path it names (a failure's path is
/// its own field).
pub(crate) fn reason(e: &Error) -> String {
    match e {
        Error::Io { source, .. } => format!("cannot read: {source}"),
        Error::TooLarge { size, limit, .. } => {
            format!("input too large ({size} bytes; the limit is {limit} bytes)")
        }
        Error::Ingest { source, .. } => source.to_string(),
        Error::Unfinished { reason, .. } => reason.clone(),
        e => e.to_string(),
    }
}

/// Parse one file into an index document (or say why not).
/// The failure of `item` for `reason`.
fn failure(item: &Item, reason: String) -> Failure {
    Failure {
        path: item.given.clone(),
        reason,
        path_bytes: crate::paths::raw_hex(&item.file),
    }
}

/// Read, parse and convert one file (run by [`crate::budget::map_within`],
/// within the file's time budget).
fn process(
    item: &Item,
    existing: &HashMap<String, (String, String)>,
    f: Fields,
    popts: &crate::ParseOptions,
) -> Msg {
    let read = match item.data {
        Some(data) => Ok(std::borrow::Cow::Borrowed(data)),
        None => crate::read_limited(&item.file).map(std::borrow::Cow::Owned),
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => return Msg::Failed(failure(item, reason(&e)), item.size),
    };
    let size = bytes.len() as u64;
    let sha = crate::sha256_hex(&bytes);
    let old = existing.get(&item.key);
    if old.is_some_and(|(_, s)| *s == sha) {
        return Msg::Skipped(size);
    }
    let (doc, text) = match parse_with_text(&bytes, &item.given, &sha, popts) {
        Ok(x) => x,
        Err(e) => return Msg::Failed(failure(item, reason(&e)), size),
    };
    Msg::Doc {
        key: item.key.clone(),
        doc: Box::new(to_tantivy(&doc, &text, &item.key, f)),
        replaced: old.is_some(),
        bytes: size,
    }
}

/// Parse bytes like [`crate::parse_bytes`], keeping the normalized text for
/// the full-text fields.
fn parse_with_text(
    bytes: &[u8],
    path: &str,
    sha: &str,
    popts: &crate::ParseOptions,
) -> Result<(Document, String), Error> {
    let (mut doc, text) = crate::parse_bytes_with_options(bytes, path, popts)?;
    debug_assert_eq!(doc.source.sha256, sha);
    doc.source.sha256 = sha.to_string();
    Ok((doc, text))
}

/// The keys a cited document is found by: `key` canonical (`71-NQ/TW`),
/// `loose` kind + number with and without the year (`NQ|71`), and the
/// year they use. The tantivy index and the exports take them from here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationKeys {
    pub key: Option<String>,
    pub loose: Vec<String>,
    pub year: Option<i32>,
}

/// [`CitationKeys`] of one reference.
pub fn reference_keys(r: &crate::model::Reference) -> CitationKeys {
    let key = r
        .code
        .as_deref()
        .filter(|c| codes::split(c).is_some())
        .map(codes::canonical);
    let year = r.year.or_else(|| {
        r.date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
    });
    let loose = loose_keys(r, year);
    CitationKeys { key, loose, year }
}

/// The document's own number as written (`4530-KH/TU`,
/// `17/2025/TT-BGDĐT`), spaces removed: rebuilding it from seq and symbol
/// would lose the Party `-` separator and the year.
fn own_code(doc: &Document) -> Option<String> {
    doc.number
        .raw
        .as_ref()
        .map(|r| r.split_whitespace().collect::<String>())
        .or_else(|| match (&doc.number.seq, &doc.number.symbol) {
            (Some(seq), Some(sym)) => Some(format!("{seq}/{sym}")),
            _ => None,
        })
}

/// The canonical key of the document's own number, when it has one.
pub fn own_code_key(doc: &Document) -> Option<String> {
    doc.number.seq.as_ref()?;
    own_code(doc).map(|c| codes::canonical(&c))
}

fn fold_upper(s: &str) -> String {
    crate::text::fold(s).to_uppercase()
}

/// Loose keys of a reference: kind + number, with and without the year;
/// the kind from the words before the number and from the symbol.
fn loose_keys(r: &crate::model::Reference, year: Option<i32>) -> Vec<String> {
    let parts = r.code.as_deref().and_then(codes::split);
    let seq = r
        .seq
        .clone()
        .or_else(|| parts.as_ref().and_then(|p| p.seq.clone()));
    let Some(seq) = seq else {
        return Vec::new();
    };
    let mut types: Vec<String> = Vec::new();
    if let Some(t) = &r.doc_type {
        types.push(t.code.clone());
        // `Quy định số 69-QĐ/TW` (Party code `QĐ`) is also found as `Quy định
        // 69` (state code `QyĐ`).
        if let Some(e) = crate::vocab::type_by_name(&t.name) {
            if e.code != t.code {
                types.push(e.code.to_string());
            }
        }
    }
    if let Some(t) = parts.as_ref().and_then(|p| p.type_code) {
        types.push(t.to_string());
    }
    let mut keys = Vec::new();
    for t in types {
        for k in [codes::loose(&t, &seq, None), codes::loose(&t, &seq, year)] {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// Loose keys of the document's own number (`CV|4240`, `KL|21|2025`):
/// its kind from the type title and from the symbol, with and without the
/// year, so `Công văn 4240` finds Công văn 4240/UBND-VX itself.
fn own_loose_keys(doc: &Document, own_code: Option<&str>) -> Vec<String> {
    let Some(seq) = doc.number.seq.as_deref() else {
        return Vec::new();
    };
    let parts = own_code.and_then(codes::split);
    let mut types: Vec<String> = Vec::new();
    if let Some(t) = &doc.doc_type {
        types.push(t.code.clone());
        if let Some(e) = crate::vocab::type_by_name(&t.name) {
            types.push(e.code.to_string());
        }
    }
    if let Some(t) = parts.as_ref().and_then(|p| p.type_code) {
        types.push(t.to_string());
    }
    let year = doc
        .number
        .year
        .or_else(|| parts.as_ref().and_then(|p| p.year))
        .or(doc.date.year);
    let mut keys = Vec::new();
    for t in types {
        for k in [codes::loose(&t, seq, None), codes::loose(&t, seq, year)] {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

fn date_range(d: &crate::model::DocDate) -> Option<(i64, i64)> {
    let y = i64::from(d.year?);
    let lo = y * 10000 + i64::from(d.month.unwrap_or(1)) * 100 + i64::from(d.day.unwrap_or(1));
    let hi = y * 10000 + i64::from(d.month.unwrap_or(12)) * 100 + i64::from(d.day.unwrap_or(31));
    Some((lo, hi))
}

fn to_tantivy(doc: &Document, text: &str, key: &str, f: Fields) -> TantivyDocument {
    let mut t = TantivyDocument::default();
    t.add_text(f.path, &doc.source.path);
    t.add_text(f.path_key, key);
    t.add_text(f.sha256, &doc.source.sha256);
    let own_code = own_code(doc);
    if let Some(k) = own_code_key(doc) {
        t.add_text(f.code_key, &k);
    }
    for k in own_loose_keys(doc, own_code.as_deref()) {
        t.add_text(f.own_loose, k);
    }
    if let Some(dt) = &doc.doc_type {
        t.add_text(f.type_key, fold_upper(&dt.code));
    }
    for s in [&doc.issuer.name, &doc.issuer.parent].into_iter().flatten() {
        t.add_text(f.issuer, s);
    }
    if let Some((lo, hi)) = date_range(&doc.date) {
        t.add_i64(f.date_lo, lo);
        t.add_i64(f.date_hi, hi);
    }
    let mut refs = Vec::new();
    let mut keys_seen = HashSet::new();
    let mut loose_seen = HashSet::new();
    for r in &doc.references {
        let CitationKeys { key, loose, year } = reference_keys(r);
        if let Some(k) = &key {
            if keys_seen.insert(k.clone()) {
                t.add_text(f.ref_key, k);
            }
        }
        for l in &loose {
            if loose_seen.insert(l.clone()) {
                t.add_text(f.ref_loose, l);
            }
        }
        refs.push(StoredRef {
            code: r.code.clone(),
            key,
            loose,
            relation: r.relation,
            issuer: r.issuer.clone(),
            year,
            text: r.text.clone(),
        });
    }
    if let Some(s) = &doc.subject {
        t.add_text(f.subject_fold, s);
    }
    t.add_text(f.body, text);
    t.add_text(f.body_fold, text);
    let record = Record {
        path: doc.source.path.clone(),
        code: own_code,
        doc_type: doc.doc_type.clone(),
        subject: doc.subject.clone(),
        date: doc.date.clone(),
        issuer: doc.issuer.clone(),
        signer: doc.signer.clone(),
        refs,
    };
    // tantivy keeps at most 65 535 bytes of a bytes fast-field value. A
    // document with hundreds of citations would read back truncated and
    // vanish from results, so the record is shrunk to fit: first the cited
    // passages are shortened, then dropped, then the last references go
    // (their keys stay in `ref_key`/`ref_loose` for term matching).
    let (record, record_json) = fit_record(record);
    for (i, r) in record.refs.iter().enumerate() {
        let prefixes = super::schema::match_prefixes(r.key.as_deref(), &r.loose);
        if prefixes.is_empty() {
            continue;
        }
        if let Some(v) = super::schema::match_json(i, &RefKeys::of(r)) {
            for p in &prefixes {
                t.add_text(f.ref_match, super::schema::match_value(p, &v));
            }
        }
    }
    t.add_bytes(f.record, &record_json);
    t
}

/// Largest record tantivy's bytes fast field returns whole.
const MAX_RECORD: usize = u16::MAX as usize;

/// Shrink a record until its JSON fits in [`MAX_RECORD`] bytes.
fn fit_record(mut record: Record) -> (Record, Vec<u8>) {
    let encode = |r: &Record| serde_json::to_vec(r).unwrap_or_else(|_| b"{}".to_vec());
    let mut json = encode(&record);
    if json.len() <= MAX_RECORD {
        return (record, json);
    }
    for keep in [120usize, 0] {
        for r in &mut record.refs {
            if r.text.chars().count() > keep {
                r.text = r.text.chars().take(keep).collect();
            }
        }
        json = encode(&record);
        if json.len() <= MAX_RECORD {
            return (record, json);
        }
    }
    while json.len() > MAX_RECORD && !record.refs.is_empty() {
        // Drop references in proportion to the excess, at least one.
        let excess = json.len() - MAX_RECORD;
        let per_ref = (json.len() / record.refs.len()).max(1);
        let drop = (excess / per_ref + 1).min(record.refs.len());
        record.refs.truncate(record.refs.len() - drop);
        json = encode(&record);
    }
    if json.len() > MAX_RECORD {
        record.subject = record.subject.map(|s| s.chars().take(200).collect());
        json = encode(&record);
    }
    (record, json)
}

fn progress_bar(total_bytes: u64, files: usize) -> indicatif::ProgressBar {
    let pb = indicatif::ProgressBar::new(total_bytes);
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} {elapsed_precise} [{wide_bar}] {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    pb.set_style(style);
    pb.set_message(format!("0/{files} files"));
    pb.enable_steady_tick(Duration::from_millis(200));
    pb
}

pub(crate) fn add_paths<P: AsRef<Path>>(
    index: &Index,
    paths: &[P],
    opts: &IndexOptions,
) -> Result<IndexReport, Error> {
    add(index, &[], paths, opts)
}

/// Index `listed` files (`(source.path, file)`, read as they are, the
/// files an index being rebuilt lists) and the files under `paths`.
pub(crate) fn add<P: AsRef<Path>>(
    index: &Index,
    listed: &[(String, PathBuf)],
    paths: &[P],
    opts: &IndexOptions,
) -> Result<IndexReport, Error> {
    let start = Instant::now();
    let mut failed = Vec::new();
    let mut items = walk(paths, &index.dir, &mut failed);
    let mut seen: HashSet<String> = items.iter().map(|i| i.key.clone()).collect();
    for (given, file) in listed {
        let key = crate::paths::encode(&absolute(file));
        if !seen.insert(key.clone()) {
            continue;
        }
        match std::fs::metadata(file) {
            Ok(m) if m.is_file() => items.push(Item {
                given: given.clone(),
                key,
                file: file.clone(),
                size: m.len(),
                data: None,
            }),
            Ok(_) => failed.push(Failure::new(file, "not a file any more")),
            Err(e) => failed.push(Failure::new(file, format!("cannot read: {e}"))),
        }
    }
    run(index, items, failed, opts, start)
}

/// Index documents held in memory (the embedded corpus): `(path, bytes)`,
/// where `path` is what hits show.
pub(crate) fn add_embedded(
    index: &Index,
    docs: &[(&str, &'static [u8])],
    opts: &IndexOptions,
) -> Result<IndexReport, Error> {
    let start = Instant::now();
    let items = docs
        .iter()
        .map(|(path, data)| Item {
            given: (*path).to_string(),
            key: (*path).to_string(),
            file: PathBuf::from(path),
            size: data.len() as u64,
            data: Some(data),
        })
        .collect();
    run(index, items, Vec::new(), opts, start)
}

fn run(
    index: &Index,
    items: Vec<Item>,
    failed: Vec<Failure>,
    opts: &IndexOptions,
    start: Instant,
) -> Result<IndexReport, Error> {
    let dir = index.dir.clone();
    let budget = opts.memory_budget.max(20_000_000);
    // An index opened for searching never writes: open the folder again
    // for writing.
    let reopened;
    let target = if index.read_only {
        reopened = Index::open_writable(&dir)?;
        &reopened
    } else {
        &index.inner
    };
    // A writer that has just finished (this process's previous run, or
    // another process's last commit) may hold the lock a moment longer:
    // wait up to two seconds before calling the index locked.
    let mut tries = 0;
    let mut writer: tantivy::IndexWriter<TantivyDocument> = loop {
        match target.writer_with_num_threads(1, budget) {
            Err(tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            )) if tries < 20 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(100));
            }
            r => break r.map_err(|e| tantivy_err(&dir, e))?,
        }
    };
    let existing = existing(index)?;
    let mut report = IndexReport {
        failed,
        ..IndexReport::default()
    };
    report.files = items.len();
    let total_bytes: u64 = items.iter().map(|i| i.size).sum();
    let pb = opts
        .progress
        .then(|| progress_bar(total_bytes, items.len()));
    let fields = index.fields;
    let threads = opts.threads.unwrap_or_else(rayon::current_num_threads);
    let items = std::sync::Arc::new(items);
    let existing = std::sync::Arc::new(existing);
    let job: std::sync::Arc<dyn Fn(&Item) -> Msg + Send + Sync> = {
        let existing = std::sync::Arc::clone(&existing);
        let pb_ocr = pb.clone();
        let ocr_on = opts.ocr;
        std::sync::Arc::new(move |item: &Item| {
            // OCR shows its progress page by page.
            let bar = pb_ocr.clone();
            let name = item.given.clone();
            let popts = crate::ParseOptions {
                ocr: ocr_on,
                ocr_progress: bar.map(|bar| {
                    std::sync::Arc::new(move |page: usize, pages: usize| {
                        bar.set_message(format!("OCR {name}: page {page}/{pages}"));
                    }) as std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>
                }),
            };
            process(item, &existing, fields, &popts)
        })
    };
    // Each file is read, parsed and converted on a worker within its time
    // budget; the results come here, to the one writer, as they finish.
    let results = crate::budget::map_within(
        std::sync::Arc::clone(&items),
        threads,
        // Room for the documents parsed while a periodic commit writes
        // its segment, so the workers do not stall behind it.
        1024,
        opts.timeout,
        job,
    )
    .map_err(|m| Error::Index(format!("cannot start parser threads: {m:?}")))?;
    let mut last_commit = Instant::now();
    let mut pending = 0usize;
    let mut done = 0usize;
    let mut result: Result<(), Error> = Ok(());
    {
        let rx = results.map(|(i, r)| match r {
            Ok(msg) => msg,
            Err(crate::budget::Missed::Timeout(b)) => Msg::Failed(
                failure(&items[i], crate::budget::timeout_reason(b)),
                items[i].size,
            ),
            Err(crate::budget::Missed::Failed(_)) => Msg::Failed(
                failure(&items[i], "parser failed (internal error)".into()),
                items[i].size,
            ),
        });
        for msg in rx {
            done += 1;
            let bytes = match msg {
                Msg::Skipped(b) => {
                    report.skipped += 1;
                    b
                }
                Msg::Failed(f, b) => {
                    report.failed.push(f);
                    b
                }
                Msg::Doc {
                    key,
                    doc,
                    replaced,
                    bytes,
                } => {
                    if result.is_ok() {
                        // Paths are unique within a run (see `walk`): only a
                        // path already in the index has a copy to replace.
                        if replaced {
                            writer.delete_term(Term::from_field_text(fields.path_key, &key));
                        }
                        match writer.add_document(*doc) {
                            Ok(_) => {
                                pending += 1;
                                if replaced {
                                    report.replaced += 1;
                                } else {
                                    report.added += 1;
                                }
                            }
                            Err(e) => result = Err(super::guard::write_failed(&dir, e)),
                        }
                    }
                    bytes
                }
            };
            report.bytes += bytes;
            if let Some(pb) = &pb {
                pb.inc(bytes);
                let secs = start.elapsed().as_secs_f64().max(0.001);
                pb.set_message(format!(
                    "{done}/{} files, {:.0} files/s",
                    items.len(),
                    done as f64 / secs
                ));
            }
            if result.is_ok() && pending > 0 && last_commit.elapsed() >= opts.commit_interval {
                match writer
                    .commit()
                    .map_err(|e| super::guard::write_failed(&dir, e))
                {
                    Ok(_) => {
                        report.commits += 1;
                        pending = 0;
                        // Searches through this `Index` see the new documents.
                        if let Err(e) = index.reload() {
                            result = Err(e);
                        }
                    }
                    Err(e) => result = Err(e),
                }
                last_commit = Instant::now();
            }
        }
    }
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    result?;
    if opts.prune {
        let walked: HashSet<&str> = items.iter().map(|i| i.key.as_str()).collect();
        for key in existing.keys() {
            if !walked.contains(key.as_str()) && !crate::paths::decode(key).exists() {
                writer.delete_term(Term::from_field_text(fields.path_key, key));
                report.pruned += 1;
                pending += 1;
            }
        }
    }
    if pending > 0 || report.commits == 0 {
        writer
            .commit()
            .map_err(|e| super::guard::write_failed(&dir, e))?;
        report.commits += 1;
    }
    writer
        .wait_merging_threads()
        .map_err(|e| tantivy_err(&dir, e))?;
    index.reload()?;
    report.elapsed = start.elapsed();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::StoredRef;

    #[test]
    fn records_with_hundreds_of_citations_fit_the_fast_field() {
        let refs: Vec<StoredRef> = (0..3000)
            .map(|i| StoredRef {
                code: Some(format!("{i}/QĐ-UBND")),
                key: Some(format!("{i}/QD-UBND")),
                loose: vec![format!("QĐ|{i}")],
                text: format!(
                    "Quyết định số {i}/QĐ-UBND ngày 01/01/2020 của Ủy ban nhân dân tỉnh về việc ban hành quy định"
                ),
                ..Default::default()
            })
            .collect();
        let record = Record {
            path: "big.txt".into(),
            refs,
            ..Default::default()
        };
        let (kept, json) = fit_record(record);
        assert!(json.len() <= MAX_RECORD);
        assert!(kept.refs.len() > 400, "kept {}", kept.refs.len());
        let back: Record = serde_json::from_slice(&json).expect("whole JSON");
        assert_eq!(back.refs.len(), kept.refs.len());
        assert_eq!(back.path, "big.txt");
    }

    /// Files get the absolute path `canonicalize` gives them, whether read
    /// through a linked folder, as a link, or directly; each file once.
    #[cfg(unix)]
    #[test]
    fn walked_files_have_their_canonical_path_once() {
        let tmp = std::env::temp_dir().join(format!("congvan-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        let real = tmp.join("real");
        std::fs::create_dir_all(real.join("sub")).unwrap();
        for f in ["a.txt", "b.txt", "sub/c.txt"] {
            std::fs::write(real.join(f), "x").unwrap();
        }
        std::os::unix::fs::symlink(&real, tmp.join("linked")).unwrap();
        std::os::unix::fs::symlink(real.join("a.txt"), tmp.join("link.txt")).unwrap();
        let mut failed = Vec::new();
        let items = walk(&[&tmp], &tmp.join("index"), &mut failed);
        assert!(failed.is_empty());
        let mut keys: Vec<String> = items.iter().map(|i| i.key.clone()).collect();
        let want: Vec<String> = ["a.txt", "b.txt", "sub/c.txt"]
            .iter()
            .map(|f| crate::paths::encode(&std::fs::canonicalize(real.join(f)).unwrap()))
            .collect();
        keys.sort();
        assert_eq!(keys, want);
        let _ = std::fs::remove_dir_all(&tmp);
    }
}
