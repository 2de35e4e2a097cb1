//! Stage 1: bytes → text. Detects the format by content and decodes it.
//!
//! Each reader returns raw text; normalization is a separate stage
//! ([`crate::normalize`]) shared by every format.

use crate::error::IngestError;

/// What ingest produced from the input bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    /// The decoded text (not yet normalized).
    pub text: String,
    /// `txt`, `md`, `pdf`, `docx`.
    pub format: &'static str,
    /// `utf-8`, `utf-16le`, `utf-16be`, `tcvn3`, `vni`, `cp1258`…
    pub encoding: &'static str,
    /// What the reader noticed (lossy decoding, skipped parts…).
    pub warnings: Vec<String>,
}

/// Turn input bytes into text. `name` is only a hint (the extension tells
/// `md` from `txt`); the format is detected from the content.
pub fn ingest(bytes: &[u8], name: &str) -> Result<Ingested, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), "utf-8")
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), "utf-8"),
            Err(_) => return Err(IngestError::NotText("invalid UTF-8".into())),
        }
    };
    if text.contains('\0') {
        return Err(IngestError::NotText("binary data".into()));
    }
    let format = if name.to_ascii_lowercase().ends_with(".md") {
        "md"
    } else {
        "txt"
    };
    Ok(Ingested {
        text,
        format,
        encoding,
        warnings: Vec::new(),
    })
}
