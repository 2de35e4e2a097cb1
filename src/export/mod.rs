//! Exports for the systems around an archive: bulk NDJSON for
//! Elasticsearch/OpenSearch ([`Format::OpenSearch`], with its index
//! template and the query that reproduces a `congvan search`) and the
//! records metadata that Vietnamese records systems register (Nghị định
//! 30/2020/NĐ-CP; [`Format::Nd30Csv`], [`Format::Nd30Json`]).
//!
//! Files are parsed in parallel in bounded batches and written in input
//! order, so memory stays flat however many files are exported.
//!
//! ```
//! let doc = congvan::parse_str("Số: 12/UBND-VX\nV/v kiểm tra\n\nThực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025.\n", "a.txt");
//! let row = congvan::export::nd30_record(&doc);
//! assert_eq!(row[0].0, "Số và ký hiệu văn bản");
//! assert_eq!(row[0].1.as_deref(), Some("12/UBND-VX"));
//! let bulk = congvan::export::opensearch_doc(&doc, "");
//! assert_eq!(bulk["ref_keys"][0], "71-NQ/TW");
//! ```

mod nd30;
mod opensearch;

pub use nd30::{nd30_record, ND30_FIELDS};
pub use opensearch::{opensearch_doc, opensearch_query, opensearch_template};

use crate::error::Error;
use crate::index::Failure;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `_bulk` NDJSON: an action line and a document line per file.
    OpenSearch,
    /// Records metadata as CSV with the Vietnamese field names as header.
    Nd30Csv,
    /// Records metadata as NDJSON objects keyed by the Vietnamese names.
    Nd30Json,
}

/// How to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub format: Format,
    /// Name of the target index in the bulk action lines.
    pub index_name: String,
    /// Parser threads (default: one per core).
    pub threads: Option<usize>,
    /// Show a progress bar on standard error.
    pub progress: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            format: Format::OpenSearch,
            index_name: "congvan".into(),
            threads: None,
            progress: false,
        }
    }
}

/// What an export run did.
#[derive(Debug, Clone, Default)]
pub struct ExportReport {
    /// Documents written.
    pub exported: usize,
    /// Files that could not be read or parsed, with the reason.
    pub failures: Vec<Failure>,
}

/// A record as a JSON object with its fields in order.
struct Ordered(Vec<(&'static str, Option<String>)>);

impl serde::Serialize for Ordered {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Files per parallel batch: enough to keep every core busy, small enough
/// that a batch of parsed documents stays a few megabytes.
const BATCH: usize = 256;

/// The files under `paths` (folders walked recursively in name order,
/// hidden entries skipped); what is neither a file nor a folder is a
/// failure.
fn files(paths: &[PathBuf], failures: &mut Vec<Failure>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        let fail = |reason: String| Failure::new(p, reason);
        match std::fs::metadata(p) {
            Err(e) => failures.push(fail(format!("cannot read: {e}"))),
            Ok(m) if m.is_file() => out.push(p.clone()),
            Ok(m) if m.is_dir() => {
                let walk = walkdir::WalkDir::new(p)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                    });
                for e in walk {
                    match e {
                        Ok(e) if e.file_type().is_file() => out.push(e.into_path()),
                        Ok(_) => {}
                        Err(e) => failures.push(Failure::new(
                            e.path().unwrap_or(p),
                            format!("cannot read: {e}"),
                        )),
                    }
                }
            }
            Ok(_) => failures.push(fail("not a regular file or folder".into())),
        }
    }
    out
}

fn parse_one(path: &Path) -> Result<(crate::Document, String), Error> {
    let bytes = crate::read_limited(path)?;
    crate::parse_bytes_with_text(&bytes, &path.to_string_lossy())
}

/// Parse every file under `paths` and write it to `out` in `opts.format`.
/// Failed files go to the report; an error is returned only when writing
/// fails.
pub fn export<W: Write>(
    paths: &[PathBuf],
    opts: &ExportOptions,
    out: &mut W,
) -> Result<ExportReport, Error> {
    let mut report = ExportReport::default();
    let files = files(paths, &mut report.failures);
    let write_err = |e: std::io::Error| Error::Io {
        path: PathBuf::from("<output>"),
        source: e,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .map_err(|e| write_err(std::io::Error::other(e.to_string())))?;
    let pb = if opts.progress {
        let pb = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {elapsed_precise} [{wide_bar}] {pos}/{len} files {per_sec} ETA {eta}",
        ) {
            pb.set_style(style);
        }
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let csv_err = |e: csv::Error| write_err(std::io::Error::other(e.to_string()));
    let new_csv = || {
        csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new())
    };
    if opts.format == Format::Nd30Csv {
        let mut w = new_csv();
        w.write_record(ND30_FIELDS).map_err(csv_err)?;
        let head = w.into_inner().map_err(|e| write_err(e.into_error()))?;
        out.write_all(&head).map_err(write_err)?;
    }
    let mut buf: Vec<u8> = Vec::new();
    for batch in files.chunks(BATCH) {
        let mut csv = (opts.format == Format::Nd30Csv).then(new_csv);
        let parsed: Vec<_> = pool.install(|| batch.par_iter().map(|p| parse_one(p)).collect());
        for (path, r) in batch.iter().zip(parsed) {
            match r {
                Err(e) => report
                    .failures
                    .push(Failure::new(path, crate::index::failure_reason(&e))),
                Ok((doc, text)) => {
                    match opts.format {
                        Format::OpenSearch => {
                            // One entry per file, as in the tantivy index
                            // (two copies of a document in two folders stay
                            // two entries).
                            let id = crate::sha256_hex(doc.source.path.as_bytes());
                            let action = serde_json::json!({
                                "index": {"_index": opts.index_name, "_id": id}
                            });
                            serde_json::to_writer(&mut buf, &action)
                                .map_err(|e| write_err(e.into()))?;
                            buf.push(b'\n');
                            serde_json::to_writer(&mut buf, &opensearch_doc(&doc, &text))
                                .map_err(|e| write_err(e.into()))?;
                            buf.push(b'\n');
                        }
                        Format::Nd30Json => {
                            serde_json::to_writer(&mut buf, &Ordered(nd30_record(&doc)))
                                .map_err(|e| write_err(e.into()))?;
                            buf.push(b'\n');
                        }
                        Format::Nd30Csv => {
                            if let Some(w) = csv.as_mut() {
                                let row: Vec<String> = nd30_record(&doc)
                                    .into_iter()
                                    .map(|(_, v)| v.unwrap_or_default())
                                    .collect();
                                w.write_record(&row)
                                    .map_err(|e| write_err(std::io::Error::other(e.to_string())))?;
                            }
                        }
                    }
                    report.exported += 1;
                }
            }
            pb.inc(1);
        }
        if let Some(w) = csv {
            buf.append(&mut w.into_inner().map_err(|e| write_err(e.into_error()))?);
        }
        out.write_all(&buf).map_err(write_err)?;
        buf.clear();
    }
    out.flush().map_err(write_err)?;
    pb.finish_and_clear();
    Ok(report)
}
