//! # congvan
//!
//! Reads Vietnamese administrative documents (công văn, kế hoạch, quyết
//! định, nghị quyết, thông báo…) and turns them into structured, searchable
//! knowledge: header fields, cross-references, directives and targets
//! (see [`model::Document`]), and a tantivy index for citation search.
//!
//! The pipeline runs one way, one module per stage:
//! [`ingest`] (bytes → text) → [`normalize`] (one canonical text, spans
//! point into it) → [`segment`] (header, subject, recipients, body,
//! signature, distribution) → [`extract`] (fields, references, directives,
//! targets) → [`model::Document`]. Vocabularies live in [`vocab`]; the
//! citation-aware search index (`congvan index/search/refs`) is [`index`].
//!
//! ```
//! let text = "UBND TỈNH QUẢNG NINH\nSỞ TÀI CHÍNH\nSố: 123/STC-NS\n\
//!             Quảng Ninh, ngày 05 tháng 3 năm 2025\n\
//!             V/v thực hiện Nghị quyết số 71-NQ/TW\n\
//!             Kính gửi: Ủy ban nhân dân các huyện\n\
//!             Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị, ...\n";
//! let doc = congvan::parse_str(text, "example.txt");
//! assert_eq!(doc.number.seq.as_deref(), Some("123"));
//! assert_eq!(doc.number.symbol.as_deref(), Some("STC-NS"));
//! assert_eq!(doc.issuer.name.as_deref(), Some("Sở Tài chính"));
//! assert_eq!(doc.date.day, Some(5));
//! assert_eq!(doc.references[0].code.as_deref(), Some("71-NQ/TW"));
//! assert_eq!(doc.references[0].issuer.as_deref(), Some("Bộ Chính trị"));
//! ```

pub mod budget;
pub mod codes;
pub mod error;
pub mod export;
pub mod extract;
pub mod gen;
pub mod graph;
pub mod index;
pub mod ingest;
pub mod model;
pub mod normalize;
pub mod paths;
pub mod recognize;
pub mod segment;
pub mod serve;
pub mod text;
pub mod vocab;

use std::io::Read;
use std::path::Path;

pub use error::{Error, IngestError};
pub use model::Document;

/// Largest input accepted, in bytes (64 MiB). Larger files are refused with
/// [`Error::TooLarge`] before they are read into memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Parse a file. `-` reads standard input.
pub fn parse_path(path: impl AsRef<Path>) -> Result<Document, Error> {
    let path = path.as_ref();
    let bytes = read_limited(path)?;
    parse_bytes(&bytes, &path.to_string_lossy())
}

/// Parse a file with options (OCR on or off); also returns the normalized
/// text. `-` reads standard input.
pub fn parse_path_with_options(
    path: impl AsRef<Path>,
    opts: &ParseOptions,
) -> Result<(Document, String), Error> {
    let path = path.as_ref();
    let bytes = read_limited(path)?;
    parse_bytes_with_options(&bytes, &path.to_string_lossy(), opts)
}

/// Read a file (or stdin for `-`) refusing anything over [`MAX_INPUT_BYTES`].
pub fn read_limited(path: &Path) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(io)?;
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(io(std::io::Error::other("is a directory")));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                size: meta.len(),
                limit: MAX_INPUT_BYTES,
            });
        }
        // Room for the whole file and one byte more: it is read in one
        // call and its end seen in a second (an empty buffer would be
        // grown over several reads: system calls cost in a VM).
        buf.reserve_exact(meta.len() as usize + 1);
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(io)?;
    }
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: buf.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(buf)
}

/// Parse raw bytes of any supported format. `path` is recorded in
/// `source.path` and used as a format hint.
pub fn parse_bytes(bytes: &[u8], path: &str) -> Result<Document, Error> {
    parse_bytes_with_text(bytes, path).map(|(doc, _)| doc)
}

/// [`parse_bytes`], also returning the normalized text that the document's
/// spans point into (the indexer stores it for full-text search).
pub fn parse_bytes_with_text(bytes: &[u8], path: &str) -> Result<(Document, String), Error> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            path: path.into(),
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    parse_bytes_with_options(bytes, path, &ParseOptions::default())
}

/// How files are read.
#[derive(Clone)]
pub struct ParseOptions {
    /// Read scans and images with OCR (Tesseract) when it is installed;
    /// `false` refuses them (`--no-ocr`).
    pub ocr: bool,
    /// Called after each page read by OCR with (page, pages).
    pub ocr_progress: Option<std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            ocr: true,
            ocr_progress: None,
        }
    }
}

/// [`parse_bytes_with_text`] with options (OCR on or off).
pub fn parse_bytes_with_options(
    bytes: &[u8],
    path: &str,
    opts: &ParseOptions,
) -> Result<(Document, String), Error> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            path: path.into(),
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    let ingested = ingest::ingest_with(bytes, path, opts).map_err(|e| Error::ingest(path, e))?;
    let norm = normalize::normalize(&ingested.text);
    let mut doc = parse_normalized(&norm, path);
    doc.source.format = ingested.format.to_string();
    doc.source.encoding = ingested.encoding.to_string();
    doc.source.signatures = ingested.signatures;
    doc.source.ocr = ingested.ocr;
    if ingested.ocr {
        own_number_from_text(&mut doc);
    }
    doc.source.bytes = bytes.len() as u64;
    doc.source.sha256 = sha256_hex(bytes);
    let mut warnings = ingested.warnings;
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    Ok((doc, norm))
}

/// The normalized text of a file (ingest + [`normalize::normalize`]): the
/// text that every `span` of the parsed document points into.
pub fn normalized_text(path: impl AsRef<Path>) -> Result<String, Error> {
    normalized_text_with_options(path, &ParseOptions::default())
}

/// [`normalized_text`] with options (OCR on or off): the text
/// [`parse_path_with_options`] returns beside the document, without
/// parsing the document (`congvan parse --text`).
pub fn normalized_text_with_options(
    path: impl AsRef<Path>,
    opts: &ParseOptions,
) -> Result<String, Error> {
    let path = path.as_ref();
    let bytes = read_limited(path)?;
    let name = path.to_string_lossy();
    let ingested = ingest::ingest_with(&bytes, &name, opts).map_err(|e| Error::ingest(path, e))?;
    Ok(normalize::normalize(&ingested.text))
}

/// Parse text that is already decoded. Never fails: what cannot be found is
/// `null`/`[]`, and a warning says so when the text does not look like a
/// document at all.
pub fn parse_str(text: &str, path: &str) -> Document {
    let mut doc = parse_normalized(&normalize::normalize(text), path);
    doc.source.sha256 = sha256_hex(text.as_bytes());
    doc.source.bytes = text.len() as u64;
    doc
}

/// Extract from text that is already normalized.
fn parse_normalized(norm: &str, path: &str) -> Document {
    let mut doc = extract::extract(norm);
    doc.source = model::Source {
        path: path.to_string(),
        format: if path.to_ascii_lowercase().ends_with(".md") {
            "md".into()
        } else {
            "txt".into()
        },
        sha256: String::new(),
        bytes: norm.len() as u64,
        encoding: "utf-8".into(),
        signatures: Vec::new(),
        ocr: false,
    };
    doc
}

/// OCR text: the document's own number misread in the header
/// (`1849/BGDĐTI-GDPT`) but written right elsewhere (a footer, an
/// attachment's heading) is taken in its right form, and that mention is
/// not a citation of another document. Same number, symbol one letter off.
fn own_number_from_text(doc: &mut Document) {
    let (Some(seq), Some(sym)) = (doc.number.seq.clone(), doc.number.symbol.clone()) else {
        return;
    };
    let close = |a: &str, b: &str| -> bool {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        if a == b || a.len().abs_diff(b.len()) > 1 {
            return a == b;
        }
        // One insertion, deletion or substitution.
        let (mut i, mut j, mut edits) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            if a[i] == b[j] {
                i += 1;
                j += 1;
                continue;
            }
            edits += 1;
            match a.len().cmp(&b.len()) {
                std::cmp::Ordering::Greater => i += 1,
                std::cmp::Ordering::Less => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                }
            }
        }
        edits + (a.len() - i) + (b.len() - j) <= 1
    };
    let Some(at) = doc.references.iter().position(|r| {
        r.seq.as_deref() == Some(seq.as_str())
            && r.year == doc.number.year
            && r.symbol
                .as_deref()
                .is_some_and(|s| s != sym && close(s, &sym))
    }) else {
        return;
    };
    let r = doc.references.remove(at);
    doc.number.symbol = r.symbol;
    doc.number.raw = r.code;
    doc.warnings.push(format!(
        "OCR: the number read as {seq}/{sym} is taken as written elsewhere in the text"
    ));
}

/// Hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
    }
    s
}
