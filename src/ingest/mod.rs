//! Stage 1: bytes → text. Detects the format by content and decodes it.
//!
//! Each reader returns raw text; normalization is a separate stage
//! ([`crate::normalize`]) shared by every format.
//!
//! - [`detect`]: format from magic bytes (the name only tells `md` from `txt`);
//! - [`pdf`]: `pdf-extract` glyphs → lines in reading order;
//! - [`docx`]: `word/document.xml` paragraphs, breaks, tabs and tables;
//! - [`text`]: UTF-8 / UTF-16 / CP1258 / raw legacy bytes;
//! - [`legacy`]: TCVN3 (ABC) and VNI-Windows detection and conversion, also
//!   applied to text extracted from PDF and DOCX.

pub mod annots;
pub mod detect;
pub mod doc;
pub mod docx;
pub mod legacy;
pub mod ocr;
pub mod pdf;
pub mod pdf_guard;
pub(crate) mod quiet;
pub mod text;

use crate::error::IngestError;
use detect::Kind;

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
    /// Digital signatures (PDF).
    pub signatures: Vec<crate::model::Signature>,
    /// The text came from OCR.
    pub ocr: bool,
}

/// Turn input bytes into text. `name` is only a hint (the extension tells
/// `md` from `txt`); the format is detected from the content.
pub fn ingest(bytes: &[u8], name: &str) -> Result<Ingested, IngestError> {
    ingest_with(bytes, name, &crate::ParseOptions::default())
}

/// [`ingest`] with options (OCR on or off, OCR progress).
pub fn ingest_with(
    bytes: &[u8],
    name: &str,
    opts: &crate::ParseOptions,
) -> Result<Ingested, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    match detect::detect(bytes) {
        Kind::Pdf => {
            let read = pdf::read_with(bytes, name, opts)?;
            let mut warnings = read.warnings;
            let (text, encoding) = legacy::fix_extracted(read.text, &mut warnings);
            Ok(Ingested {
                text,
                format: "pdf",
                encoding,
                warnings,
                signatures: read.signatures,
                ocr: read.ocr,
            })
        }
        Kind::Zip => {
            let (raw, mut warnings) = docx::read(bytes)?;
            let (text, encoding) = legacy::fix_extracted(raw, &mut warnings);
            Ok(Ingested {
                text,
                format: "docx",
                encoding,
                warnings,
                signatures: Vec::new(),
                ocr: false,
            })
        }
        Kind::Ole2 => {
            let (raw, mut warnings) = doc::read(bytes)?;
            let (text, encoding) = legacy::fix_extracted(raw, &mut warnings);
            Ok(Ingested {
                text,
                format: "doc",
                encoding,
                warnings,
                signatures: Vec::new(),
                ocr: false,
            })
        }
        Kind::Binary(what) if what.ends_with(" image") && what != "icon image" => {
            if !opts.ocr {
                return Err(IngestError::OcrOff);
            }
            let ext = match what {
                "PNG image" => "png",
                "JPEG image" => "jpg",
                "TIFF image" => "tif",
                "GIF image" => "gif",
                _ => "img",
            };
            let (raw, mut warnings) = ocr::ocr_image(bytes, ext)?;
            let (text, encoding) = legacy::fix_extracted(raw, &mut warnings);
            Ok(Ingested {
                text,
                format: ext,
                encoding,
                warnings,
                signatures: Vec::new(),
                ocr: true,
            })
        }
        Kind::Binary(what) => Err(IngestError::NotText(what.into())),
        Kind::Text => {
            let decoded = text::decode(bytes)?;
            let format = if is_markdown_name(name) { "md" } else { "txt" };
            Ok(Ingested {
                text: decoded.text,
                format,
                encoding: decoded.encoding,
                warnings: decoded.warnings,
                signatures: Vec::new(),
                ocr: false,
            })
        }
    }
}

fn is_markdown_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}
