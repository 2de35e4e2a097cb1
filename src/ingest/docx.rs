//! DOCX → text: `word/document.xml` read with `zip` and `quick-xml`.
//!
//! Paragraphs become lines, `<w:br/>`/`<w:cr/>` a newline, `<w:tab/>` a tab.
//! Tables are read cell by cell (each cell's paragraphs as lines, the cells
//! of a row left to right): that is how Word lays out the two-column header
//! and signature blocks. Footnotes, endnotes, headers, footers and comments
//! live in other parts and are not read; deleted text (`w:delText`), field
//! instructions and the VML fallback copies of text boxes are skipped.
//!
//! The archive is checked against zip-bomb limits before anything is
//! inflated, and the inflated size is capped while reading.

use crate::error::IngestError;
use quick_xml::events::Event;
use std::io::Read;

/// Most entries accepted in the archive.
pub const MAX_ENTRIES: usize = 10_000;
/// Largest uncompressed `word/document.xml` (and any declared entry).
pub const MAX_ENTRY_BYTES: u64 = 256 * 1024 * 1024;
/// Largest total declared uncompressed size.
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;
/// Largest compression ratio for entries bigger than [`RATIO_FLOOR`].
pub const MAX_RATIO: u64 = 200;
/// Entries smaller than this are not ratio-checked (tiny XML compresses well).
pub const RATIO_FLOOR: u64 = 1024 * 1024;

/// Extract the text of a DOCX (or explain why the ZIP is not one).
pub fn read(bytes: &[u8]) -> Result<(String, Vec<String>), IngestError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| IngestError::Docx(format!("bad ZIP archive: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(IngestError::ArchiveLimit(format!(
            "{} entries (the limit is {MAX_ENTRIES})",
            archive.len()
        )));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| IngestError::Docx(format!("bad ZIP entry: {e}")))?;
        let size = entry.size();
        check_entry(entry.name(), size, entry.compressed_size())?;
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(IngestError::ArchiveLimit(format!(
                "total uncompressed size over {MAX_TOTAL_BYTES} bytes"
            )));
        }
    }
    let index = match archive.index_for_name("word/document.xml") {
        Some(i) => i,
        None => {
            let is_ooxml = archive.index_for_name("[Content_Types].xml").is_some();
            return Err(if is_ooxml {
                IngestError::Unsupported(
                    "Office Open XML package without word/document.xml (not a Word document)"
                        .into(),
                )
            } else {
                IngestError::Unsupported(
                    "ZIP archive without word/document.xml (not a DOCX)".into(),
                )
            });
        }
    };
    let mut xml = Vec::new();
    {
        let entry = archive
            .by_index(index)
            .map_err(|e| IngestError::Docx(format!("cannot open word/document.xml: {e}")))?;
        let compressed = entry.compressed_size();
        entry
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut xml)
            .map_err(|e| IngestError::Docx(format!("cannot inflate word/document.xml: {e}")))?;
        // The declared size may lie: check what was actually inflated.
        check_entry("word/document.xml", xml.len() as u64, compressed)?;
    }
    let mut warnings = Vec::new();
    let text = document_text(&xml, &mut warnings)?;
    Ok((text, warnings))
}

fn check_entry(name: &str, size: u64, compressed: u64) -> Result<(), IngestError> {
    if size > MAX_ENTRY_BYTES {
        return Err(IngestError::ArchiveLimit(format!(
            "entry {name} inflates to more than {MAX_ENTRY_BYTES} bytes"
        )));
    }
    if size > RATIO_FLOOR && size / compressed.max(1) > MAX_RATIO {
        return Err(IngestError::ArchiveLimit(format!(
            "entry {name} has compression ratio over {MAX_RATIO}:1"
        )));
    }
    Ok(())
}

/// Where the reader is, for the elements whose text is skipped.
#[derive(Default)]
struct State {
    /// Depth inside elements whose content is ignored.
    skip: usize,
    /// Paragraph buffers (text boxes nest paragraphs inside paragraphs).
    paragraphs: Vec<String>,
    /// Finished lines.
    lines: Vec<String>,
    /// Inside `<w:t>`.
    in_text: bool,
    /// Inside a run (`<w:r>`), and whether its properties set `<w:caps/>`
    /// or `<w:smallCaps/>`: Word shows its text in capitals, as a header or
    /// signature often is (the text itself is in ordinary case).
    in_run: bool,
    run_caps: bool,
}

/// Elements whose whole content is skipped.
fn skipped(local: &[u8]) -> bool {
    matches!(
        local,
        b"delText"
            | b"instrText"
            | b"Fallback"
            | b"pPr"
            | b"rPr"
            | b"sectPr"
            | b"tblPr"
            | b"trPr"
            | b"tcPr"
            | b"tblGrid"
            | b"footnoteReference"
            | b"endnoteReference"
            | b"commentReference"
    )
}

impl State {
    fn push_text(&mut self, s: &str) {
        let upper;
        let s = if self.run_caps && self.in_text {
            upper = s.to_uppercase();
            upper.as_str()
        } else {
            s
        };
        if let Some(p) = self.paragraphs.last_mut() {
            p.push_str(s);
        } else {
            // Text outside any paragraph: keep it on its own line.
            self.lines.push(s.to_string());
        }
    }
    fn start(&mut self, local: &[u8], empty: bool) {
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        if skipped(local) {
            if !empty {
                self.skip = 1;
            }
            return;
        }
        match local {
            b"r" if !empty => {
                self.in_run = true;
                self.run_caps = false;
            }
            b"p" if !empty => self.paragraphs.push(String::new()),
            b"p" => self.lines.push(String::new()),
            b"t" if !empty => self.in_text = true,
            b"tab" => self.push_text("\t"),
            b"br" | b"cr" => self.push_text("\n"),
            b"noBreakHyphen" => self.push_text("-"),
            _ => {}
        }
    }
    fn end(&mut self, local: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match local {
            b"p" => {
                if let Some(p) = self.paragraphs.pop() {
                    self.lines.push(p);
                }
            }
            b"t" => self.in_text = false,
            b"r" => {
                self.in_run = false;
                self.run_caps = false;
            }
            _ => {}
        }
    }

    /// `<w:caps/>` / `<w:smallCaps/>` in a run's properties (inside the
    /// skipped `rPr`): `w:val` of `0`, `false` or `off` turns it off.
    fn caps(&mut self, e: &quick_xml::events::BytesStart) {
        if !self.in_run || !matches!(e.local_name().as_ref(), b"caps" | b"smallCaps") {
            return;
        }
        let off = e.attributes().flatten().any(|a| {
            a.key.local_name().as_ref() == b"val"
                && matches!(a.value.as_ref(), b"0" | b"false" | b"off")
        });
        self.run_caps = !off;
    }
}

/// Text of `word/document.xml`.
pub fn document_text(xml: &[u8], warnings: &mut Vec<String>) -> Result<String, IngestError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut state = State::default();
    let mut buf = Vec::new();
    let mut events: u64 = 0;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                if state.lines.is_empty() && state.paragraphs.iter().all(String::is_empty) {
                    return Err(IngestError::Docx(format!(
                        "bad XML in word/document.xml: {e}"
                    )));
                }
                warnings.push(format!(
                    "DOCX: XML error at byte {}; the rest is skipped ({e})",
                    reader.buffer_position()
                ));
                break;
            }
        };
        events += 1;
        match event {
            Event::Start(e) => {
                state.caps(&e);
                state.start(e.local_name().as_ref(), false)
            }
            Event::Empty(e) => {
                state.caps(&e);
                state.start(e.local_name().as_ref(), true)
            }
            Event::End(e) => state.end(e.local_name().as_ref()),
            Event::Text(t) if state.in_text && state.skip == 0 => match t.unescape() {
                Ok(s) => state.push_text(&s),
                Err(_) => state.push_text(&String::from_utf8_lossy(&t)),
            },
            Event::CData(t) if state.in_text && state.skip == 0 => {
                state.push_text(&String::from_utf8_lossy(&t));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    // Unclosed paragraphs (truncated XML): keep what they hold.
    let rest: Vec<String> = state.paragraphs.drain(..).collect();
    state.lines.extend(rest);
    if events == 0 {
        return Err(IngestError::Docx("empty word/document.xml".into()));
    }
    let mut out = state.lines.join("\n");
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tabs_tables() {
        let xml = br#"<?xml version="1.0"?>
<w:document xmlns:w="x"><w:body>
<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr><w:tcW w:w="1"/></w:tcPr>
<w:p><w:r><w:t>UBND T&#7880;NH</w:t></w:r></w:p><w:p><w:r><w:t>S&#7902; GD</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>C&#7896;NG H&#210;A</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="10"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">a </w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>
<w:r><w:footnoteReference w:id="1"/></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
</w:body></w:document>"#;
        let mut w = Vec::new();
        let t = document_text(xml, &mut w);
        assert_eq!(t, Ok("UBND TỈNH\nSỞ GD\nCỘNG HÒA\na \tb\nc\n".to_string()));
    }

    #[test]
    fn runs_shown_in_capitals_are_read_in_capitals() {
        // `caps` on the run: Word shows `KT. GIÁM ĐỐC`; `w:val="0"` turns it
        // off; caps on the paragraph mark (inside `pPr`) is not the text's.
        let xml = r#"<w:document xmlns:w="x"><w:body>
<w:p><w:r><w:rPr><w:b/><w:caps/></w:rPr><w:t>KT. Giám đốc</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:smallCaps w:val="true"/></w:rPr><w:t>Phó giám đốc</w:t></w:r></w:p>
<w:p><w:pPr><w:rPr><w:caps/></w:rPr></w:pPr><w:r><w:rPr><w:caps w:val="0"/></w:rPr><w:t>Nguyễn Văn An</w:t></w:r><w:r><w:t> (đã ký)</w:t></w:r></w:p>
</w:body></w:document>"#;
        let mut w = Vec::new();
        let t = document_text(xml.as_bytes(), &mut w);
        assert_eq!(
            t,
            Ok("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An (đã ký)\n".to_string())
        );
    }
}
