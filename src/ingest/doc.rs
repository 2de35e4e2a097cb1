//! Word 97–2003 `.doc` (binary Word, [MS-DOC]) → text, natively.
//!
//! The compound file is opened with the `cfb` crate. The text is read from
//! the piece table: the FIB at the start of the `WordDocument` stream gives
//! the main text length (`ccpText`) and where the `Clx` lies in the table
//! stream (`0Table` or `1Table`, chosen by `fWhichTblStm`); each piece is a
//! run of characters stored either as 8-bit cp1252 (`fCompressed`) or as
//! UTF-16LE in `WordDocument`. Only the main text is read (footnotes,
//! headers, comments and text boxes follow it in CP order and are left
//! out). Field codes (between the 0x13 begin and 0x14 separator marks) are
//! dropped and field results kept; paragraph, line, page and cell marks
//! become line breaks, and a row end (the mark after the last cell's) a
//! blank line, like the DOCX reader's tables.

use super::docx::{MAX_ENTRIES, MAX_ENTRY_BYTES};
use super::quiet::catch_silently;
use crate::error::IngestError;
use std::io::{Cursor, Read};

/// Most pieces in a piece table.
const MAX_PIECES: usize = 1_000_000;
/// Most characters of main text read.
const MAX_CHARS: usize = 64 * 1024 * 1024;
/// Deepest field nesting followed.
const MAX_FIELD_DEPTH: usize = 64;

fn err(msg: impl Into<String>) -> IngestError {
    IngestError::Doc(msg.into())
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn read_stream(
    cf: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &str,
) -> Result<Vec<u8>, IngestError> {
    let mut s = cf
        .open_stream(name)
        .map_err(|_| err(format!("no {name} stream")))?;
    let mut buf = Vec::new();
    s.by_ref()
        .take(MAX_ENTRY_BYTES)
        .read_to_end(&mut buf)
        .map_err(|e| err(format!("cannot read {name}: {e}")))?;
    Ok(buf)
}

/// What the FIB says.
struct Fib {
    ccp_text: usize,
    table: &'static str,
    fc_clx: usize,
    lcb_clx: usize,
}

fn fib(wd: &[u8]) -> Result<Fib, IngestError> {
    let ident = u16_at(wd, 0).ok_or_else(|| err("WordDocument stream too short"))?;
    if ident != 0xA5EC {
        if ident == 0xA5DC {
            return Err(IngestError::Unsupported(
                "Word 6/95 .doc (before Word 97): save it as DOCX".into(),
            ));
        }
        return Err(err(format!("not a Word document (FIB id {ident:#06x})")));
    }
    let nfib = u16_at(wd, 2).unwrap_or(0);
    if nfib < 0x00C1 {
        return Err(IngestError::Unsupported(format!(
            "Word 6/95 .doc (before Word 97, nFib {nfib:#x}): save it as DOCX"
        )));
    }
    let flags = u16_at(wd, 0x0A).unwrap_or(0);
    if flags & 0x0100 != 0 {
        return Err(IngestError::Unsupported(
            "encrypted .doc (password protected): decrypt it first".into(),
        ));
    }
    let table = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    // FibBase (32 bytes), csw + FibRgW97, cslw + FibRgLw97, cbRgFcLcb +
    // FibRgFcLcb.
    let csw = u16_at(wd, 0x20).ok_or_else(|| err("truncated FIB"))? as usize;
    let lw_at = 0x22 + csw * 2;
    let cslw = u16_at(wd, lw_at).ok_or_else(|| err("truncated FIB"))? as usize;
    let lw = lw_at + 2;
    if cslw < 4 {
        return Err(err("truncated FIB"));
    }
    let ccp_text = u32_at(wd, lw + 3 * 4).ok_or_else(|| err("truncated FIB"))? as usize;
    let fc_at = lw + cslw * 4;
    let cb = u16_at(wd, fc_at).ok_or_else(|| err("truncated FIB"))? as usize;
    if cb <= 33 {
        return Err(err("FIB has no piece table entry"));
    }
    let blob = fc_at + 2;
    let fc_clx = u32_at(wd, blob + 33 * 8).ok_or_else(|| err("truncated FIB"))? as usize;
    let lcb_clx = u32_at(wd, blob + 33 * 8 + 4).ok_or_else(|| err("truncated FIB"))? as usize;
    Ok(Fib {
        ccp_text,
        table,
        fc_clx,
        lcb_clx,
    })
}

/// One piece: CP range and where its characters are.
struct Piece {
    cp0: usize,
    cp1: usize,
    fc: usize,
    compressed: bool,
}

fn pieces(table: &[u8], fc_clx: usize, lcb_clx: usize) -> Result<Vec<Piece>, IngestError> {
    let end = fc_clx
        .checked_add(lcb_clx)
        .filter(|&e| e <= table.len())
        .ok_or_else(|| err("piece table outside the table stream"))?;
    let clx = &table[fc_clx..end];
    let mut at = 0;
    // Skip the Prc entries (property modifiers).
    while clx.get(at) == Some(&0x01) {
        let cb = u16_at(clx, at + 1).ok_or_else(|| err("truncated piece table"))? as usize;
        at += 3 + cb;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(err("no piece table (Pcdt)"));
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(|| err("truncated piece table"))? as usize;
    let plc = clx
        .get(at + 5..at + 5 + lcb.min(clx.len()))
        .ok_or_else(|| err("truncated piece table"))?;
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(err("malformed piece table"));
    }
    let n = (plc.len() - 4) / 12;
    if n > MAX_PIECES {
        return Err(IngestError::ArchiveLimit(format!(
            "{n} pieces (the limit is {MAX_PIECES})"
        )));
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp0 = u32_at(plc, i * 4).unwrap_or(0) as usize;
        let cp1 = u32_at(plc, i * 4 + 4).unwrap_or(0) as usize;
        let pcd = 4 * (n + 1) + i * 8;
        let fc_raw = u32_at(plc, pcd + 2).unwrap_or(0);
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = (fc_raw & 0x3FFF_FFFF) as usize;
        out.push(Piece {
            cp0,
            cp1,
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(out)
}

/// Read a `.doc` file's main text.
pub fn read(bytes: &[u8]) -> Result<(String, Vec<String>), IngestError> {
    match catch_silently(|| read_inner(bytes)) {
        Ok(r) => r,
        Err(panic) => Err(err(format!("parser failure: {panic}"))),
    }
}

fn read_inner(bytes: &[u8]) -> Result<(String, Vec<String>), IngestError> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| err(format!("not a compound file: {e}")))?;
    let entries = cf.walk().take(MAX_ENTRIES + 1).count();
    if entries > MAX_ENTRIES {
        return Err(IngestError::ArchiveLimit(format!(
            "more than {MAX_ENTRIES} entries"
        )));
    }
    if !cf.is_stream("WordDocument") {
        let what = if cf.is_stream("Workbook") || cf.is_stream("Book") {
            "an Excel workbook"
        } else if cf.is_stream("PowerPoint Document") {
            "a PowerPoint presentation"
        } else {
            "an OLE2 compound file without a Word document"
        };
        return Err(IngestError::Unsupported(format!("{what}, not a .doc")));
    }
    let wd = read_stream(&mut cf, "WordDocument")?;
    let fib = fib(&wd)?;
    let table = read_stream(&mut cf, fib.table)?;
    let pieces = pieces(&table, fib.fc_clx, fib.lcb_clx)?;
    let mut warnings = Vec::new();
    let limit = fib.ccp_text.min(MAX_CHARS);
    if fib.ccp_text > MAX_CHARS {
        warnings.push(format!(
            "DOC: main text over {MAX_CHARS} characters; the rest is skipped"
        ));
    }
    let mut chars: Vec<char> = Vec::with_capacity(limit.min(bytes.len()));
    let mut broken = 0usize;
    for p in &pieces {
        if p.cp0 >= limit || p.cp1 <= p.cp0 {
            continue;
        }
        let n = p.cp1.min(limit) - p.cp0;
        if p.compressed {
            let Some(raw) = p.fc.checked_add(n).and_then(|e| wd.get(p.fc..e)) else {
                broken += 1;
                continue;
            };
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(raw);
            chars.extend(s.chars());
        } else {
            let Some(raw) = n
                .checked_mul(2)
                .and_then(|len| p.fc.checked_add(len))
                .and_then(|e| wd.get(p.fc..e))
            else {
                broken += 1;
                continue;
            };
            let units: Vec<u16> = raw
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            chars.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')));
        }
        if chars.len() >= MAX_CHARS {
            break;
        }
    }
    if broken > 0 {
        warnings.push(format!(
            "DOC: {broken} pieces of text point outside the file and are skipped"
        ));
    }
    Ok((squeeze_blank_lines(&tab_columns(&clean(&chars))), warnings))
}

/// Runs of empty paragraphs (Word's vertical spacing before a signature)
/// kept to two blank lines, as the PDF reader does.
fn squeeze_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blanks = 0;
    for line in text.split('\n') {
        if line.trim().is_empty() {
            blanks += 1;
            if blanks > 2 {
                continue;
            }
            out.push('\n');
            continue;
        }
        blanks = 0;
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.pop();
    out
}

/// Split a line at its first run of tabs after some text: (left, right).
fn tab_split(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let at = t.find('\t')?;
    let (left, right) = (t[..at].trim(), t[at..].trim());
    (!left.is_empty() && !right.is_empty()).then_some((left, right))
}

/// A signature block or header laid out with tabs (`Nơi nhận:⇥TM. ỦY BAN
/// NHÂN DÂN`, `- Bộ …;⇥KT. CHỦ TỊCH`): the left column's lines, then the
/// right column's, as the PDF reader gives two-column bands. Only blocks
/// that start with `Nơi nhận` or hold the national motto on the right.
fn tab_columns(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let starts = tab_split(lines[i]).is_some_and(|(l, r)| {
            let (l, r) = (crate::text::fold(l), crate::text::fold(r));
            l.starts_with("noi nhan") || r.contains("cong hoa xa hoi")
        });
        if !starts {
            out.push(lines[i].to_string());
            i += 1;
            continue;
        }
        let mut end = i;
        while end < lines.len() && !lines[end].trim().is_empty() {
            end += 1;
        }
        let mut left = Vec::new();
        let mut right = Vec::new();
        for l in &lines[i..end] {
            match tab_split(l) {
                Some((a, b)) => {
                    left.push(a.to_string());
                    right.push(b.replace('\t', " "));
                }
                None => left.push(l.trim().to_string()),
            }
        }
        out.extend(left);
        out.extend(right);
        i = end;
    }
    out.join("\n")
}

/// Word's special characters → plain text: fields (code dropped, result
/// kept), paragraph/line/page/cell marks, hyphens, objects.
fn clean(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    // Per open field: are we past its separator (in the result)?
    let mut fields: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '\u{13}' => {
                if fields.len() < MAX_FIELD_DEPTH {
                    fields.push(false);
                }
                continue;
            }
            '\u{14}' => {
                if let Some(f) = fields.last_mut() {
                    *f = true;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ => {}
        }
        if fields.iter().any(|in_result| !in_result) {
            continue;
        }
        match c {
            '\r' | '\u{0B}' | '\u{0C}' | '\u{0E}' => out.push('\n'),
            '\u{07}' => {
                // Cell end; a second mark right after it ends the row.
                out.push('\n');
                if chars.get(i) == Some(&'\u{07}') {
                    i += 1;
                    out.push('\n');
                }
            }
            '\t' => out.push('\t'),
            '\u{1E}' => out.push('-'),
            '\u{A0}' => out.push(' '),
            '\u{1F}' | '\u{FFFD}' => {}
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_laid_signature_block() {
        let t = "Chỉ thị này.\n\nNơi nhận:\t\tTM. ỦY BAN NHÂN DÂN\n- Bộ KHCN;\tKT. CHỦ TỊCH\n- Lưu VT.\n\t\tNguyễn Văn A\n";
        assert_eq!(
            tab_columns(t),
            "Chỉ thị này.\n\nNơi nhận:\n- Bộ KHCN;\n- Lưu VT.\nNguyễn Văn A\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
        );
    }

    #[test]
    fn fields_and_marks() {
        let s: Vec<char> =
            "A\u{13} HYPERLINK \"x\" \u{14}link\u{15}B\rC\u{07}D\u{07}\u{07}E\u{13}PAGE\u{15}\u{0B}F"
                .chars()
                .collect();
        assert_eq!(clean(&s), "AlinkB\nC\nD\n\nE\nF");
    }
}
