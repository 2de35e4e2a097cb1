//! File names kept losslessly, shown lossily.
//!
//! Archives copied from old Windows machines or unpacked from zips hold file
//! names that are not UTF-8 (CP1258, TCVN3 bytes). On Unix a name is bytes:
//! congvan walks and reads files by their `Path` (never a lossy string), and
//! where a name must be stored as text (the index's `path_key`) it is
//! [`encode`]d: a UTF-8 name as itself, any other as its lossy form, a NUL
//! and the bytes in hex. A NUL never occurs in a Unix path, so the encoding
//! is unambiguous and [`decode`] gives the exact bytes back. Names are shown
//! by [`shown`]: lossy (U+FFFD for bytes that are not UTF-8), control
//! characters (a newline in a name) escaped, so a report stays one line per
//! file.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The name as text, losslessly (see the module docs).
pub fn encode(path: &Path) -> String {
    match path.to_str() {
        Some(s) => s.to_string(),
        None => {
            let bytes = bytes_of(path);
            let mut s = path.to_string_lossy().into_owned();
            s.push('\0');
            for b in bytes {
                s.push_str(&format!("{b:02x}"));
            }
            s
        }
    }
}

/// The path [`encode`] was given.
pub fn decode(key: &str) -> PathBuf {
    let Some((_, hex)) = key.split_once('\0') else {
        return PathBuf::from(key);
    };
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect();
    match bytes {
        Some(b) => from_bytes(b),
        None => PathBuf::from(key),
    }
}

/// The part of an [`encode`]d name to show (the lossy form).
pub fn shown_key(key: &str) -> String {
    escape(key.split_once('\0').map_or(key, |(s, _)| s))
}

/// The name for messages: lossy, control characters escaped (one line).
pub fn shown(path: &Path) -> String {
    escape(&path.to_string_lossy())
}

/// The name's raw bytes in hex when it is not UTF-8 (for reports that must
/// name the file exactly), else `None`.
pub fn raw_hex(path: &Path) -> Option<String> {
    if path.to_str().is_some() {
        return None;
    }
    Some(bytes_of(path).iter().map(|b| format!("{b:02x}")).collect())
}

fn escape(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(unix)]
fn bytes_of(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn bytes_of(path: &Path) -> Vec<u8> {
    path.to_string_lossy().as_bytes().to_vec()
}

#[cfg(unix)]
fn from_bytes(b: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(OsString::from_vec(b))
}

#[cfg(not(unix))]
fn from_bytes(b: Vec<u8>) -> PathBuf {
    PathBuf::from(OsString::from(String::from_utf8_lossy(&b).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_names_are_themselves_and_newlines_are_shown_escaped() {
        let p = Path::new("/a/Quyết định\nsố 1.txt");
        assert_eq!(encode(p), "/a/Quyết định\nsố 1.txt");
        assert_eq!(decode(&encode(p)), p);
        assert_eq!(shown(p), "/a/Quyết định\\nsố 1.txt");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_round_trip() {
        // "Quyết" in CP1258 bytes.
        let p = from_bytes(b"/a/Quy\xea\xf2t.txt".to_vec());
        let k = encode(&p);
        assert!(k.starts_with("/a/Quy\u{fffd}\u{fffd}t.txt\0"), "{k:?}");
        assert_eq!(decode(&k), p);
        assert_eq!(shown_key(&k), "/a/Quy\u{fffd}\u{fffd}t.txt");
        assert_eq!(raw_hex(&p).as_deref(), Some("2f612f517579eaf2742e747874"));
    }
}
