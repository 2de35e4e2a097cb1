//! Format detection from the first bytes of the input.

/// What the bytes look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `%PDF-` near the start.
    Pdf,
    /// A ZIP archive (a DOCX when it holds `word/document.xml`).
    Zip,
    /// OLE2 compound file (Word 97–2003 `.doc`, old `.xls`…).
    Ole2,
    /// A known binary format (image, archive, executable): what it is.
    Binary(&'static str),
    /// Anything else: decoded as text.
    Text,
}

const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"RIFF", "RIFF media file"),
    (b"\x1F\x8B", "gzip archive"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    (b"\x7FELF", "executable"),
    (b"{\\rtf", "RTF document: save it as DOCX"),
    (b"\x00\x00\x01\x00", "icon image"),
];

/// Detect the kind of input from its content.
pub fn detect(bytes: &[u8]) -> Kind {
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"PK\x03\x04")
        || head.starts_with(b"PK\x05\x06")
        || head.starts_with(b"PK\x07\x08")
    {
        return Kind::Zip;
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Kind::Ole2;
    }
    // PDF readers accept a header anywhere in the first kilobyte.
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Kind::Pdf;
    }
    for (magic, what) in SIGNATURES {
        if head.starts_with(magic) {
            return Kind::Binary(what);
        }
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Kind::Binary("MP4/HEIF media file");
    }
    Kind::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic() {
        assert_eq!(detect(b"%PDF-1.4\n"), Kind::Pdf);
        assert_eq!(detect(b"PK\x03\x04rest"), Kind::Zip);
        assert_eq!(detect(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1xxxx"), Kind::Ole2);
        assert_eq!(detect(b"\x89PNG\r\n\x1a\nxx"), Kind::Binary("PNG image"));
        assert_eq!(detect("Số: 12/UBND".as_bytes()), Kind::Text);
        assert_eq!(detect(b"\xFF\xFEa\x00"), Kind::Text);
    }
}
