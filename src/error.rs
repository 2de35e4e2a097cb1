//! Typed errors. Every error names the input and the reason.

use std::path::PathBuf;

/// Why a document could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{}: cannot read: {source}", crate::paths::shown(.path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The input is larger than [`crate::MAX_INPUT_BYTES`].
    #[error("{}: input too large ({size} bytes; the limit is {limit} bytes)", crate::paths::shown(.path))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The bytes could not be turned into text.
    #[error("{}: {source}", crate::paths::shown(.path))]
    Ingest {
        path: PathBuf,
        #[source]
        source: IngestError,
    },
    /// Not parsed: over the per-file time budget, or the parser failed
    /// (see [`crate::budget`]).
    #[error("{}: {reason}", crate::paths::shown(.path))]
    Unfinished { path: PathBuf, reason: String },
    /// Index / search failure.
    #[error("{0}")]
    Index(String),
}

/// Why bytes could not be turned into document text (format-level reasons).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IngestError {
    #[error("empty input")]
    Empty,
    #[error("not a text document ({0})")]
    NotText(String),
    #[error("unsupported format: {0}")]
    Unsupported(String),
    #[error("malformed PDF: {0}")]
    Pdf(String),
    /// A PDF whose streams would decompress beyond the memory bounds
    /// (see `congvan::ingest::pdf_guard`).
    #[error("PDF over the decompression bound: {0}")]
    PdfBound(String),
    #[error("PDF has no text layer; OCR it first")]
    NoTextLayer,
    /// A scan (or image) met with OCR turned off.
    #[error("scanned document (no text layer) skipped: OCR is off (--no-ocr)")]
    OcrOff,
    /// A scan (or image) needs OCR and Tesseract is missing.
    #[error("scanned document (no text layer) needs OCR: {0}")]
    OcrUnavailable(String),
    /// OCR ran and failed.
    #[error("OCR failed: {0}")]
    Ocr(String),
    #[error("malformed DOC: {0}")]
    Doc(String),
    #[error("PDF has too many pages ({pages}; the limit is {limit})")]
    TooManyPages { pages: usize, limit: usize },
    #[error("malformed DOCX: {0}")]
    Docx(String),
    #[error("archive exceeds safety limits: {0}")]
    ArchiveLimit(String),
    #[error("cannot decode text: {0}")]
    Encoding(String),
}

impl Error {
    /// Attach a path to an ingest error.
    pub fn ingest(path: impl Into<PathBuf>, source: IngestError) -> Self {
        Error::Ingest {
            path: path.into(),
            source,
        }
    }
}
