//! Plain text: UTF-8 (with or without BOM), UTF-16 LE/BE, and 8-bit
//! Vietnamese encodings (CP1258, TCVN3, VNI) told apart by statistics.

use super::legacy::{self, Legacy};
use crate::error::IngestError;
use unicode_normalization::UnicodeNormalization;

/// Decoded text file.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

/// Decode the bytes of a text file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, IngestError> {
    let mut warnings = Vec::new();
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = utf8_lossy(rest, &mut warnings);
        return Ok(finish(text, "utf-8", warnings));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let text = utf16(rest, false, &mut warnings);
        return Ok(finish(text, "utf-16le", warnings));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let text = utf16(rest, true, &mut warnings);
        return Ok(finish(text, "utf-16be", warnings));
    }
    if let Some(big_endian) = utf16_without_bom(bytes) {
        let text = utf16(bytes, big_endian, &mut warnings);
        let enc = if big_endian { "utf-16be" } else { "utf-16le" };
        return Ok(finish(text, enc, warnings));
    }
    if bytes.contains(&0) {
        return Err(IngestError::NotText("binary data (NUL bytes)".into()));
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if controls * 10 > bytes.len() {
        return Err(IngestError::NotText("binary data (control bytes)".into()));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(finish(s.to_string(), "utf-8", warnings)),
        Err(_) => Ok(eight_bit(bytes)),
    }
}

fn utf8_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let s = String::from_utf8_lossy(bytes);
    if s.contains('\u{FFFD}') && std::str::from_utf8(bytes).is_err() {
        warnings.push("invalid UTF-8 sequences replaced with U+FFFD".into());
    }
    s.into_owned()
}

fn utf16(bytes: &[u8], big_endian: bool, warnings: &mut Vec<String>) -> String {
    let enc = if big_endian {
        encoding_rs::UTF_16BE
    } else {
        encoding_rs::UTF_16LE
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push("invalid UTF-16 sequences replaced with U+FFFD".into());
    }
    text.into_owned()
}

/// UTF-16 without a BOM: most characters of Vietnamese/ASCII text have a
/// zero high byte, so one byte lane is mostly NUL and the other is not.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 16 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 6 && even_zero * 20 < pairs {
        Some(false)
    } else if even_zero * 10 >= pairs * 6 && odd_zero * 20 < pairs {
        Some(true)
    } else {
        None
    }
}

/// Unicode text: still check for legacy mojibake (text exported from a
/// `.VnTime` document and saved as UTF-8 reads `Céng hßa`).
fn finish(text: String, encoding: &'static str, warnings: Vec<String>) -> Decoded {
    match legacy::detect_in_text(&text) {
        // `source.encoding` reports the conversion.
        Some((fixed, enc)) => Decoded {
            text: fixed,
            encoding: enc.name(),
            warnings,
        },
        None => Decoded {
            text,
            encoding,
            warnings,
        },
    }
}

/// Not UTF-8: pick the 8-bit decoding that reads most like Vietnamese.
fn eight_bit(bytes: &[u8]) -> Decoded {
    let units = legacy::units_from_bytes(bytes);
    let mut candidates: Vec<(String, &'static str)> = Vec::with_capacity(4);
    let (cp1258, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    // CP1258 writes tones as combining marks: compose them for scoring and
    // output (normalization would do it later anyway).
    candidates.push((cp1258.nfc().collect(), "cp1258"));
    candidates.push((legacy::decode(&units, Legacy::Tcvn3), "tcvn3"));
    candidates.push((legacy::decode(&units, Legacy::Vni), "vni"));
    candidates.push((String::from_utf8_lossy(bytes).into_owned(), "utf-8"));
    let mut best = 0;
    let mut best_score = i64::MIN;
    for (i, (text, _)) in candidates.iter().enumerate() {
        let mut s = legacy::score(text);
        if candidates[i].1 == "utf-8" {
            // Every invalid sequence costs.
            s -= 3 * text.matches('\u{FFFD}').count() as i64;
        }
        if s > best_score {
            best_score = s;
            best = i;
        }
    }
    let (text, encoding) = candidates.swap_remove(best);
    // `source.encoding` reports the decoding; only a lossy one is a warning.
    let warnings = if encoding == "utf-8" {
        vec!["invalid UTF-8 sequences replaced with U+FFFD".to_string()]
    } else {
        Vec::new()
    };
    Decoded {
        text,
        encoding,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_both_ways() {
        let s = "Số: 12/UBND ngày 5 tháng 3";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        let d = decode(&le).map(|d| (d.text, d.encoding));
        assert_eq!(d, Ok((s.to_string(), "utf-16le")));
        let d = decode(&be).map(|d| (d.text, d.encoding));
        assert_eq!(d, Ok((s.to_string(), "utf-16be")));
        let d = decode(&le[2..]).map(|d| (d.text, d.encoding));
        assert_eq!(d, Ok((s.to_string(), "utf-16le")));
    }

    #[test]
    fn cp1258_bytes() {
        // "Việt Nam các tỉnh" in CP1258: ê + combining dot (F2), á precomposed,
        // i + combining hook (D2).
        let bytes = b"Vi\xEA\xF2t Nam c\xE1c ti\xD2nh \xF0a\xDE th\xF4ng qua";
        let d = decode(bytes).map(|d| (d.text, d.encoding));
        assert_eq!(
            d,
            Ok(("Việt Nam các tỉnh đã thông qua".to_string(), "cp1258"))
        );
    }
}
