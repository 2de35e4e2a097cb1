//! PDF → text through `pdf-extract`, with our own layout step.
//!
//! `pdf-extract` reports every glyph with its text matrix. Its own text
//! output writes glyphs in content-stream order, which scrambles documents
//! that draw a line in several passes (LibreOffice draws the WinAnsi glyphs
//! first and the remaining Vietnamese letters afterwards). [`Collector`]
//! keeps the glyphs with their positions and [`layout_page`] rebuilds lines
//! in reading order: rows by baseline, glyphs by x, spaces from gaps, and
//! two-column bands (header, signature) read left column first.
//!
//! `pdf-extract` and `lopdf` panic on some malformed files; every call into
//! them runs inside [`super::quiet::catch_silently`].

use super::annots::{self, Appearance, SignatureInfo};
use super::quiet::catch_silently;
use crate::error::IngestError;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Most pages read from one PDF.
pub const MAX_PAGES: usize = 2000;
/// Most glyphs kept from one PDF (bounds memory on hostile files).
pub const MAX_GLYPHS: usize = 4_000_000;

/// One drawn glyph, in PDF user space (y grows upwards).
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    /// Font size on the page (height of the em square).
    pub size: f64,
    /// Advance width on the page.
    pub adv: f64,
    pub text: String,
}

impl Glyph {
    fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
    fn end(&self) -> f64 {
        self.x + self.adv
    }
}

/// Collects glyphs page by page.
#[derive(Default)]
pub(crate) struct Collector {
    pub pages: Vec<Vec<Glyph>>,
    pub widths: Vec<f64>,
    width: f64,
    current: Vec<Glyph>,
    pub(crate) total: usize,
    pub rotated: usize,
    pub truncated: bool,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.current.clear();
        self.width = media_box.urx - media_box.llx;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        self.pages.push(std::mem::take(&mut self.current));
        self.widths.push(self.width);
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if self.total >= MAX_GLYPHS {
            self.truncated = true;
            return Ok(());
        }
        // Horizontal text only: a rotated stamp or margin note would break
        // the row grouping.
        let (a, b, c, d) = (trm.m11, trm.m12, trm.m21, trm.m22);
        if !(a.is_finite() && b.is_finite() && c.is_finite() && d.is_finite()) {
            return Ok(());
        }
        if a <= 0.0 || b.abs() > 0.05 * a.abs() || c.abs() > 0.05 * d.abs().max(1e-9) || d <= 0.0 {
            self.rotated += 1;
            return Ok(());
        }
        let size = (font_size * d).abs();
        let mut adv = width * font_size * a;
        let (x, y) = (trm.m31, trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite() && adv.is_finite()) || size <= 0.0 {
            return Ok(());
        }
        if adv <= 0.0 {
            adv = 0.5 * size;
        }
        if text.is_empty() {
            return Ok(());
        }
        self.total += 1;
        self.current.push(Glyph {
            x,
            y,
            size,
            adv,
            text: text.to_string(),
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// One page as read: its glyphs (page content and annotation
/// appearances), and how much text the page content itself draws.
#[derive(Debug, Clone, Default)]
pub struct PageGlyphs {
    pub glyphs: Vec<Glyph>,
    /// Letters and digits drawn by the page content (annotations not
    /// counted: a scan whose only text is a signature stamp is a scan).
    pub content_alnum: usize,
    pub width: f64,
    pub height: f64,
    /// The page draws an image (a scan candidate when it has no text).
    pub has_image: bool,
}

/// What [`read_pages`] found in a PDF.
#[derive(Debug, Default)]
pub struct PdfPages {
    pub pages: Vec<PageGlyphs>,
    pub signatures: Vec<SignatureInfo>,
    pub warnings: Vec<String>,
}

/// Letters and digits a page must draw to count as having a text layer.
pub const MIN_TEXT_ALNUM: usize = 10;

fn alnum(glyphs: &[Glyph]) -> usize {
    glyphs
        .iter()
        .map(|g| g.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum()
}

/// Load a PDF (decrypting an empty user password).
pub(crate) fn load(bytes: &[u8]) -> Result<pdf_extract::Document, IngestError> {
    // Nothing is decompressed before every stream is known to fit.
    super::pdf_guard::check_file(bytes)?;
    let doc = match catch_silently(|| pdf_extract::Document::load_mem(bytes)) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return Err(IngestError::Pdf(e.to_string())),
        Err(panic) => return Err(IngestError::Pdf(format!("parser failure: {panic}"))),
    };
    let mut doc = doc;
    if doc.is_encrypted() {
        match catch_silently(|| doc.decrypt("")) {
            Ok(Ok(())) => {}
            _ => {
                return Err(IngestError::Pdf(
                    "encrypted with a password; decrypt it first".into(),
                ))
            }
        }
    }
    Ok(doc)
}

/// Draw one annotation appearance with pdf-extract: the page object is
/// swapped for a copy holding the appearance as its content, then restored.
fn draw_appearance(
    doc: &mut pdf_extract::Document,
    page_id: pdf_extract::ObjectId,
    page_num: u32,
    app: &Appearance,
    collector: &mut Collector,
) -> Vec<Glyph> {
    use pdf_extract::{Object, Stream};
    let Some(original) = doc.objects.get(&page_id).cloned() else {
        return Vec::new();
    };
    let Ok(dict) = original.as_dict() else {
        return Vec::new();
    };
    let media = catch_silently(|| {
        let mut cur = dict.clone();
        for _ in 0..16 {
            if let Ok(m) = cur.get(b"MediaBox") {
                return doc.dereference(m).ok().map(|(_, o)| o.clone());
            }
            let parent = cur.get(b"Parent").ok()?.as_reference().ok()?;
            cur = doc.get_dictionary(parent).ok()?.clone();
        }
        None
    })
    .ok()
    .flatten();
    let mut copy = dict.clone();
    if let Some(m) = media {
        copy.set("MediaBox", m);
    }
    let stream_id = doc.add_object(Object::Stream(Stream::new(
        pdf_extract::Dictionary::new(),
        app.content.clone(),
    )));
    copy.set("Contents", Object::Reference(stream_id));
    copy.set("Resources", Object::Dictionary(app.resources.clone()));
    copy.remove(b"Annots");
    doc.objects.insert(page_id, Object::Dictionary(copy));
    let before = collector.pages.len();
    let saved_total = collector.total;
    let _ = catch_silently(|| pdf_extract::output_doc_page(doc, collector, page_num));
    doc.objects.insert(page_id, original);
    doc.objects.remove(&stream_id);
    let glyphs = if collector.pages.len() > before {
        collector.pages.pop().unwrap_or_default()
    } else {
        std::mem::take(&mut collector.current)
    };
    collector.widths.truncate(before);
    collector.total = saved_total + glyphs.len();
    glyphs
}

/// Read every page's glyphs: page content and annotation appearances.
pub fn read_pages(bytes: &[u8]) -> Result<PdfPages, IngestError> {
    let mut doc = load(bytes)?;
    let mut warnings = Vec::new();
    let pages: Vec<(u32, pdf_extract::ObjectId)> = match catch_silently(|| doc.get_pages()) {
        Ok(p) => p.into_iter().collect(),
        Err(panic) => return Err(IngestError::Pdf(format!("parser failure: {panic}"))),
    };
    if pages.is_empty() {
        return Err(IngestError::Pdf("no pages".into()));
    }
    if pages.len() > MAX_PAGES {
        return Err(IngestError::TooManyPages {
            pages: pages.len(),
            limit: MAX_PAGES,
        });
    }
    // Page contents and the forms they draw within their bounds; images
    // emptied (text extraction never reads them).
    let page_ids: Vec<pdf_extract::ObjectId> = pages.iter().map(|p| p.1).collect();
    match catch_silently(|| super::pdf_guard::prepare(&mut doc, &page_ids)) {
        Ok(r) => r?,
        Err(panic) => return Err(IngestError::Pdf(format!("parser failure: {panic}"))),
    }
    let mut collector = Collector::default();
    let mut failed = Vec::new();
    let mut last_error = None;
    let mut out = Vec::new();
    let mut stamps = Vec::new();
    for &(n, id) in &pages {
        let before = collector.pages.len();
        let r = catch_silently(|| pdf_extract::output_doc_page(&doc, &mut collector, n));
        let err = match r {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e.to_string()),
            Err(panic) => Some(format!("parser failure: {panic}")),
        };
        if let Some(e) = err {
            failed.push(n);
            last_error = Some(e);
            // Keep what was drawn before the failure.
            if collector.pages.len() == before {
                let partial = std::mem::take(&mut collector.current);
                collector.pages.push(partial);
                collector.widths.push(collector.width);
            }
        }
        let mut glyphs = collector.pages.pop().unwrap_or_default();
        let width = collector.widths.pop().unwrap_or(collector.width);
        collector.pages.clear();
        collector.widths.clear();
        let content_alnum = alnum(&glyphs);
        let (height, has_image) = catch_silently(|| page_facts(&doc, id)).unwrap_or((0.0, false));
        let apps = catch_silently(|| annots::page_appearances(&doc, id)).unwrap_or_default();
        for app in &apps {
            if collector.truncated {
                break;
            }
            let g = draw_appearance(&mut doc, id, n, app, &mut collector);
            let rows = build_rows(&g);
            let text: Vec<String> = rows
                .iter()
                .map(|r| {
                    r.segments
                        .iter()
                        .map(|s| s.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let text = text.join("\n");
            if annots::is_signature_stamp(&text) {
                // The signer's organisation and signing time: reported as a
                // signature, never read as the issuer, the date or the body.
                stamps.push(annots::stamp_fields(&text));
                continue;
            }
            merge_stamped(&mut glyphs, g);
        }
        out.push(PageGlyphs {
            glyphs,
            content_alnum,
            width,
            height,
            has_image,
        });
        if collector.truncated {
            warnings.push(format!(
                "PDF: more than {MAX_GLYPHS} glyphs; the rest is skipped"
            ));
            break;
        }
    }
    let glyphs: usize = out.iter().map(|p| p.glyphs.len()).sum();
    if failed.len() == pages.len() && glyphs == 0 && !out.iter().any(|p| p.has_image) {
        return Err(IngestError::Pdf(
            last_error.unwrap_or_else(|| "cannot read any page".into()),
        ));
    }
    if !failed.is_empty() {
        warnings.push(format!(
            "PDF: {} of {} pages could not be read fully ({})",
            failed.len(),
            pages.len(),
            last_error.unwrap_or_default()
        ));
    }
    if collector.rotated > 0 {
        warnings.push(format!("PDF: {} rotated glyphs skipped", collector.rotated));
    }
    let mut signatures = catch_silently(|| annots::signatures(&doc)).unwrap_or_default();
    // A printed stamp naming a signer already read from a signature
    // dictionary fills what the dictionary lacks; another is a record of
    // its own.
    for st in stamps {
        if st == SignatureInfo::default() {
            continue;
        }
        let same = |s: &&mut SignatureInfo| {
            s.name.is_some()
                && s.name.as_deref().map(crate::text::fold)
                    == st.name.as_deref().map(crate::text::fold)
        };
        let n = signatures.len();
        match signatures.iter_mut().find(|s| same(s)) {
            Some(s) => {
                if s.organisation.is_none() {
                    s.organisation = st.organisation;
                }
                if s.time.is_none() {
                    s.time = st.time;
                }
            }
            None if n < 64 => signatures.push(st),
            None => {}
        }
    }
    Ok(PdfPages {
        pages: out,
        signatures,
        warnings,
    })
}

/// Add an annotation's glyphs to the page's. The blank the stamp fills
/// (`Số:      /BC`) is often made of space glyphs: those under the stamp's
/// ink are dropped, or they would split the stamped digits.
fn merge_stamped(page: &mut Vec<Glyph>, stamp: Vec<Glyph>) {
    let ink: Vec<&Glyph> = stamp.iter().filter(|g| !g.is_space()).collect();
    if !ink.is_empty() {
        page.retain(|p| {
            !p.is_space()
                || !ink.iter().any(|g| {
                    (p.y - g.y).abs() < 0.5 * g.size.max(p.size)
                        && p.end().min(g.end()) - p.x.max(g.x) > 0.5 * p.adv
                })
        });
    }
    page.extend(stamp);
}

/// Page height and whether the page draws an image XObject.
fn page_facts(doc: &pdf_extract::Document, id: pdf_extract::ObjectId) -> (f64, bool) {
    let height = (|| {
        let mut cur = doc.get_dictionary(id).ok()?;
        for _ in 0..16 {
            if let Ok(m) = cur.get(b"MediaBox") {
                let arr = doc.dereference(m).ok()?.1.as_array().ok()?;
                let v: Vec<f64> = arr
                    .iter()
                    .filter_map(|o| match o {
                        pdf_extract::Object::Integer(i) => Some(*i as f64),
                        pdf_extract::Object::Real(r) => Some(*r as f64),
                        _ => None,
                    })
                    .collect();
                return (v.len() == 4).then(|| (v[3] - v[1]).abs());
            }
            cur = doc
                .get_dictionary(cur.get(b"Parent").ok()?.as_reference().ok()?)
                .ok()?;
        }
        None
    })()
    .unwrap_or(0.0);
    let has_image = doc
        .get_page_resources(id)
        .map(|(own, inherited)| {
            let has = |d: &pdf_extract::Dictionary| {
                d.get(b"XObject")
                    .ok()
                    .and_then(|x| doc.dereference(x).ok())
                    .and_then(|(_, x)| x.as_dict().ok())
                    .is_some_and(|x| !x.is_empty())
            };
            own.is_some_and(has)
                || inherited
                    .iter()
                    .any(|id| doc.get_dictionary(*id).is_ok_and(has))
        })
        .unwrap_or(false);
    (height, has_image)
}

/// Extract the text of a PDF (no OCR: a scan is an error).
pub fn read(bytes: &[u8]) -> Result<(String, Vec<String>), IngestError> {
    let pages = read_pages(bytes)?;
    if pages.pages.iter().map(|p| p.content_alnum).sum::<usize>() < MIN_TEXT_ALNUM {
        return Err(IngestError::NoTextLayer);
    }
    let text = layout_document(&pages.pages);
    Ok((text, pages.warnings))
}

/// A PDF as read by [`read_with`].
#[derive(Debug, Default)]
pub struct PdfText {
    pub text: String,
    pub warnings: Vec<String>,
    pub signatures: Vec<SignatureInfo>,
    pub ocr: bool,
}

/// Extract the text of a PDF; pages without a text layer are read by OCR
/// when `opts.ocr` allows it.
pub fn read_with(
    bytes: &[u8],
    name: &str,
    opts: &crate::ParseOptions,
) -> Result<PdfText, IngestError> {
    let mut pages = read_pages(bytes)?;
    let text_pages = pages
        .pages
        .iter()
        .filter(|p| p.content_alnum >= MIN_TEXT_ALNUM)
        .count();
    let total: usize = pages.pages.iter().map(|p| p.content_alnum).sum();
    let mut ocr = false;
    if total < MIN_TEXT_ALNUM || text_pages < pages.pages.len() {
        let scans: Vec<usize> = (0..pages.pages.len())
            .filter(|&i| {
                let p = &pages.pages[i];
                p.content_alnum < MIN_TEXT_ALNUM && p.has_image
            })
            .collect();
        if !scans.is_empty() {
            if total < MIN_TEXT_ALNUM && !opts.ocr {
                return Err(IngestError::OcrOff);
            }
            if opts.ocr {
                match super::ocr::ocr_pdf_pages(bytes, name, &mut pages, &scans, opts) {
                    Ok(()) => ocr = true,
                    Err(e) if total < MIN_TEXT_ALNUM => return Err(e),
                    Err(e) => pages.warnings.push(format!(
                        "PDF: {} pages without text layer not read: {e}",
                        scans.len()
                    )),
                }
            } else {
                pages.warnings.push(format!(
                    "PDF: {} pages without text layer skipped (OCR off)",
                    scans.len()
                ));
            }
        }
    }
    let mut text = drop_signature_stamps(&layout_document(&pages.pages));
    if ocr {
        text = super::ocr::clean_ocr_text(&text);
    }
    if text.chars().filter(|c| c.is_alphanumeric()).count() < MIN_TEXT_ALNUM {
        return Err(IngestError::NoTextLayer);
    }
    Ok(PdfText {
        text,
        warnings: pages.warnings,
        signatures: pages.signatures,
        ocr,
    })
}

/// Is the line a field of a printed signature stamp (`Người ký: …`,
/// `Email: …`, `Cơ quan: …`, `Thời gian ký: …`), as a scan or a flattened
/// PDF shows it? OCR misreadings (`Thời sian ký`) included.
fn stamp_field(line: &str) -> bool {
    let f = crate::text::fold(line);
    let f = f.trim_start_matches(|c: char| !c.is_alphanumeric());
    [
        "nguoi ky",
        "thoi gian ky",
        "thoi sian ky",
        "ky boi",
        "co quan:",
        "email:",
        "dt:",
    ]
    .iter()
    .any(|k| f.contains(k))
        && f.chars().count() < 120
}

/// Remove the lines of a printed signature stamp: two or more stamp fields
/// within a few lines, and the short lines between them. A stamp is not
/// the issuer, the date or the body.
pub fn drop_signature_stamps(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let fields: Vec<usize> = (0..lines.len())
        .filter(|&i| stamp_field(lines[i]))
        .collect();
    let mut drop = vec![false; lines.len()];
    let mut k = 0;
    while k < fields.len() {
        let mut end = k;
        while end + 1 < fields.len() && fields[end + 1] - fields[end] <= 3 {
            end += 1;
        }
        let strong = fields[k..=end].iter().any(|&i| {
            let f = crate::text::fold(lines[i]);
            f.contains("nguoi ky") || f.contains("thoi gian ky") || f.contains("thoi sian ky")
        });
        if end > k && strong {
            for d in drop.iter_mut().take(fields[end] + 1).skip(fields[k]) {
                *d = true;
            }
        }
        k = end + 1;
    }
    if !drop.contains(&true) {
        return text.to_string();
    }
    let kept: Vec<&str> = lines
        .iter()
        .zip(&drop)
        .filter(|(_, d)| !**d)
        .map(|(l, _)| *l)
        .collect();
    let mut out = kept.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out.trim_start_matches('\n').to_string()
}

/// Rebuild the text of all pages: lines in reading order, page numbers and
/// running headers and footers dropped, wrapped lines joined.
pub fn layout_document(pages: &[PageGlyphs]) -> String {
    let rows: Vec<Vec<Row>> = pages.iter().map(|p| build_rows(&p.glyphs)).collect();
    let pitch = line_pitch(&rows);
    // Blank paragraphs at the foot or head of a page leave empty space
    // there: the lowest and highest text rows of the document tell where
    // the text area ends.
    let bottom = rows
        .iter()
        .filter_map(|r| r.last())
        .map(|r| r.y)
        .fold(f64::INFINITY, f64::min);
    let top = rows
        .iter()
        .filter_map(|r| r.first())
        .map(|r| r.y)
        .fold(f64::NEG_INFINITY, f64::max);
    let mut per_page: Vec<Vec<Line>> = pages
        .iter()
        .enumerate()
        .map(|(i, page)| layout_page(&rows[i], &page.glyphs, page.width, pitch))
        .collect();
    drop_running_lines(&mut per_page);
    let mut lines = Vec::new();
    let mut prev_last: Option<f64> = None;
    for (i, page_lines) in per_page.into_iter().enumerate() {
        let Some(first) = rows[i].first() else {
            continue;
        };
        if let Some(last_y) = prev_last {
            push_blank_lines(&mut lines, last_y - bottom + top - first.y + pitch, pitch);
        }
        lines.extend(page_lines);
        prev_last = rows[i].last().map(|r| r.y);
    }
    join_lines(&lines)
}

/// A running header or footer's comparison key: spacing ignored and every
/// number the same (`Trang 3/12`, `Báo cáo số 5 - trang 2`).
fn running_key(s: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Drop running headers and footers: a page's first (or last) line that is
/// the first (or last) line of most pages (at least three, and more than
/// half). Like page numbers, they are page furniture, not text.
fn drop_running_lines(pages: &mut [Vec<Line>]) {
    if pages.len() < 3 {
        return;
    }
    for from_end in [false, true] {
        let edge = |p: &Vec<Line>| -> Option<usize> {
            if from_end {
                p.iter().rposition(|l| !l.text.trim().is_empty())
            } else {
                p.iter().position(|l| !l.text.trim().is_empty())
            }
        };
        let keys: Vec<Option<String>> = pages
            .iter()
            .map(|p| edge(p).map(|i| running_key(&p[i].text)))
            .collect();
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for k in keys.iter().flatten() {
            *counts.entry(k.as_str()).or_default() += 1;
        }
        let repeated: Vec<String> = counts
            .into_iter()
            .filter(|(k, n)| {
                *n >= 3 && *n * 2 > pages.len() && k.chars().any(char::is_alphanumeric)
            })
            .map(|(k, _)| k.to_string())
            .collect();
        if repeated.is_empty() {
            continue;
        }
        for (p, k) in pages.iter_mut().zip(&keys) {
            if k.as_ref().is_some_and(|k| repeated.contains(k)) {
                if let Some(i) = edge(p) {
                    p.remove(i);
                    // The gap that separated it is not a blank line.
                    if from_end {
                        while p.last().is_some_and(|l| l.text.trim().is_empty()) {
                            p.pop();
                        }
                    } else {
                        let lead = p.iter().take_while(|l| l.text.trim().is_empty()).count();
                        p.drain(..lead);
                    }
                }
            }
        }
    }
}

/// A row of glyphs sharing a baseline, split into segments at column gaps.
#[derive(Debug)]
pub(crate) struct Row {
    y: f64,
    size: f64,
    segments: Vec<Segment>,
}

#[derive(Debug)]
pub(crate) struct Segment {
    x0: f64,
    x1: f64,
    /// End of the last glyph that is not a space.
    ink_end: f64,
    /// Width of the first word.
    first_word: f64,
    text: String,
}

/// A line of output with what the line-joining step needs.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub text: String,
    x0: f64,
    ink_end: f64,
    first_word: f64,
    size: f64,
    /// Part of an ordinary full-width row (not a column band, not blank).
    flow: bool,
    /// Text-area edges of the page it is on.
    left: f64,
    right: f64,
    space: f64,
}

impl Line {
    fn blank() -> Line {
        Line {
            text: String::new(),
            x0: 0.0,
            ink_end: 0.0,
            first_word: 0.0,
            size: 0.0,
            flow: false,
            left: 0.0,
            right: 0.0,
            space: 0.0,
        }
    }
    fn from_segment(seg: &Segment, size: f64, flow: bool) -> Line {
        Line {
            text: seg.text.clone(),
            x0: seg.x0,
            ink_end: seg.ink_end,
            first_word: seg.first_word,
            size,
            flow,
            left: 0.0,
            right: 0.0,
            space: 0.0,
        }
    }
}

/// Gap (in font sizes) not covered by space glyphs that separates columns,
/// in a PDF that does not draw its spaces…
const COLUMN_GAP_EM: f64 = 4.0;
/// …and in one that does.
const COLUMN_GAP_DRAWN_EM: f64 = 1.2;
/// Width of an undrawn space, in font sizes.
const SPACE_EM: f64 = 0.25;
/// Gap (in font sizes) that separates words when no space glyph is drawn.
const WORD_GAP_EM: f64 = 0.18;

/// Rebuild the lines of one page in reading order. `width` is the page
/// width (for the right margin).
pub(crate) fn layout_page(rows: &[Row], glyphs: &[Glyph], width: f64, pitch: f64) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    if rows.is_empty() {
        return lines;
    }
    let mut i = 0;
    let mut prev_y: Option<f64> = None;
    while i < rows.len() {
        let (band_end, split) = band(rows, i);
        if let Some(py) = prev_y {
            push_blank_lines(&mut lines, py - rows[i].y, pitch);
        }
        if let Some(split_x) = split {
            // Left column first, then right column.
            let mut left = Vec::new();
            let mut right = Vec::new();
            let mut ly: Option<f64> = None;
            let mut ry: Option<f64> = None;
            for row in &rows[i..band_end] {
                for seg in &row.segments {
                    let (col, cy) = if seg.x0 >= split_x {
                        (&mut right, &mut ry)
                    } else {
                        (&mut left, &mut ly)
                    };
                    if let Some(y) = *cy {
                        push_blank_lines(col, y - row.y, pitch);
                    }
                    *cy = Some(row.y);
                    col.push(Line::from_segment(seg, row.size, false));
                }
            }
            lines.extend(left);
            lines.extend(right);
        } else {
            for row in &rows[i..band_end] {
                let mut line = match row.segments.first() {
                    Some(seg) => Line::from_segment(seg, row.size, row.segments.len() == 1),
                    None => continue,
                };
                for seg in &row.segments[1..] {
                    line.text.push(' ');
                    line.text.push_str(&seg.text);
                    line.ink_end = seg.ink_end;
                }
                lines.push(line);
            }
        }
        prev_y = Some(rows[band_end - 1].y);
        i = band_end;
    }
    drop_page_numbers(&mut lines);
    // Text-area edges: the leftmost text, and the right margin assumed as
    // wide as the left one unless text goes further.
    let left = rows
        .iter()
        .filter_map(|r| r.segments.first())
        .filter(|s| !s.text.trim().is_empty())
        .map(|s| s.x0)
        .fold(f64::INFINITY, f64::min);
    let ink_right = lines.iter().map(|l| l.ink_end).fold(0.0, f64::max);
    let right = if left.is_finite() && width > left {
        (width - left).max(ink_right)
    } else {
        ink_right
    };
    let space = space_width(glyphs);
    for l in &mut lines {
        l.left = left;
        l.right = right;
        l.space = space.unwrap_or(SPACE_EM * l.size);
    }
    lines
}

/// Median width of the drawn space glyphs.
fn space_width(glyphs: &[Glyph]) -> Option<f64> {
    let mut w: Vec<f64> = glyphs
        .iter()
        .filter(|g| g.text == " ")
        .map(|g| g.adv)
        .collect();
    if w.is_empty() {
        return None;
    }
    w.sort_by(f64::total_cmp);
    Some(w[w.len() / 2])
}

/// Join lines that the PDF producer wrapped (the next line's first word
/// would not have fitted) and return the text.
pub(crate) fn join_lines(lines: &[Line]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Line> = None;
    for line in lines {
        let wrapped = prev.is_some_and(|a| is_soft_wrap(a, line));
        if wrapped {
            while out.ends_with(' ') {
                out.pop();
            }
            if !out.ends_with('-') {
                out.push(' ');
            }
            out.push_str(line.text.trim_start());
        } else {
            if prev.is_some() {
                out.push('\n');
            }
            out.push_str(&line.text);
        }
        prev = Some(line);
    }
    out
}

/// Was the break between `a` and `b` made by the layout engine rather
/// than by the author? Both must be ordinary full-width lines, `b` must
/// start at the left margin, and `b`'s first word must not fit after `a`.
fn is_soft_wrap(a: &Line, b: &Line) -> bool {
    if !a.flow || !b.flow || a.text.trim().is_empty() || b.text.trim().is_empty() {
        return false;
    }
    if (b.x0 - b.left).abs() > 0.5 * b.size {
        return false;
    }
    let gap = if a.text.trim_end().ends_with('-') {
        0.0
    } else {
        a.space
    };
    a.ink_end + gap + b.first_word > a.right + 0.01
}

fn push_blank_lines(lines: &mut Vec<Line>, gap: f64, pitch: f64) {
    if pitch <= 0.0 || !gap.is_finite() {
        return;
    }
    let n = (gap / pitch).round() as i64 - 1;
    for _ in 0..n.clamp(0, 2) {
        lines.push(Line::blank());
    }
}

/// The distance between consecutive lines of text: the smallest row
/// distance that occurs repeatedly (larger ones are blank lines, paragraph
/// spacing or page furniture).
fn line_pitch(pages: &[Vec<Row>]) -> f64 {
    let mut sizes: Vec<f64> = pages.iter().flatten().map(|r| r.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(0.0);
    let mut d: Vec<f64> = pages
        .iter()
        .flat_map(|rows| rows.windows(2).map(|w| w[0].y - w[1].y))
        .filter(|d| *d >= 0.9 * size)
        .collect();
    d.sort_by(f64::total_cmp);
    for (i, &c) in d.iter().enumerate() {
        let similar = d[i..].iter().take_while(|&&x| x <= c * 1.05).count();
        if similar >= 2 {
            return c;
        }
    }
    size * 1.15
}

/// Rows `start..end` forming one band. A band is either a single ordinary
/// row, or a run of rows laid out in two columns; then the split x is given.
fn band(rows: &[Row], start: usize) -> (usize, Option<f64>) {
    let first = &rows[start];
    if first.segments.len() != 2 {
        return (start + 1, None);
    }
    let split = first.segments[1].x0;
    let left_end = first.segments[0].x1;
    let mut end = start + 1;
    let mut last_y = first.y;
    while end < rows.len() {
        let row = &rows[end];
        if last_y - row.y > 2.6 * row.size.max(first.size) {
            break;
        }
        let fits = match row.segments.len() {
            2 => {
                row.segments[0].x1 < split - 0.5 * row.size
                    && (row.segments[1].x0 - split).abs() < split * 0.5
            }
            1 => {
                let s = &row.segments[0];
                s.x0 >= split - 2.0 * row.size || s.x1 <= split.max(left_end) - 0.5 * row.size
            }
            _ => false,
        };
        if !fits {
            break;
        }
        last_y = row.y;
        end += 1;
    }
    (end, Some(split))
}

/// Group glyphs into rows (by baseline) and rows into segments (by gaps).
fn build_rows(glyphs: &[Glyph]) -> Vec<Row> {
    let mut order: Vec<&Glyph> = glyphs.iter().collect();
    order.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<(f64, f64, Vec<&Glyph>)> = Vec::new();
    for g in order {
        match groups.last_mut() {
            Some((y, size, v)) if (*y - g.y).abs() <= 0.35 * size.min(g.size) => {
                if !g.is_space() && g.size > *size {
                    *size = g.size;
                }
                v.push(g);
            }
            _ => groups.push((g.y, g.size, vec![g])),
        }
    }
    // Footnote markers: a few small raised digits just above a text row.
    let is_marker = |i: usize| -> bool {
        let Some((y, _, v)) = groups.get(i) else {
            return false;
        };
        let Some((below_y, below_size, _)) = groups.get(i + 1) else {
            return false;
        };
        let ink: Vec<&&Glyph> = v.iter().filter(|g| !g.is_space()).collect();
        !ink.is_empty()
            && ink.len() <= 3
            && ink.iter().all(|g| {
                g.size <= 0.8 * below_size && g.text.chars().all(|c| c.is_ascii_digit() || c == '*')
            })
            && y - below_y > 0.0
            && y - below_y < 0.8 * below_size
    };
    let markers: Vec<bool> = (0..groups.len()).map(is_marker).collect();
    let draws_spaces = glyphs.iter().any(Glyph::is_space);
    let mut rows = Vec::new();
    for (i, (y, _, mut v)) in groups.into_iter().enumerate() {
        if markers[i] {
            continue;
        }
        v.sort_by(|a, b| a.x.total_cmp(&b.x));
        if let Some(row) = make_row(y, &v, draws_spaces) {
            rows.push(row);
        }
    }
    rows
}

fn make_row(y: f64, glyphs: &[&Glyph], draws_spaces: bool) -> Option<Row> {
    let size = glyphs
        .iter()
        .filter(|g| !g.is_space())
        .map(|g| g.size)
        .fold(0.0, f64::max);
    let size = if size > 0.0 {
        size
    } else {
        glyphs.iter().map(|g| g.size).fold(0.0, f64::max)
    };
    if glyphs.is_empty() || size <= 0.0 {
        return None;
    }
    // A gap with no space glyph in it separates columns. When the PDF draws
    // its spaces, an undrawn gap is layout, so a smaller one is enough.
    let column_gap = if draws_spaces {
        COLUMN_GAP_DRAWN_EM
    } else {
        COLUMN_GAP_EM
    } * size;
    let mut segments: Vec<Segment> = Vec::new();
    let mut cur = String::new();
    let mut x0 = 0.0;
    let mut last_end: Option<f64> = None;
    let mut last: Option<&Glyph> = None;
    let mut ink_end = f64::NEG_INFINITY;
    let mut first_word: Option<f64> = None;
    let motto = motto_start(glyphs);
    for (gi, &g) in glyphs.iter().enumerate() {
        // The same glyph drawn twice at the same place (fake bold, shadow).
        if let Some(l) = last {
            if !g.is_space() && g.text == l.text && (g.x - l.x).abs() < 0.1 * g.size {
                continue;
            }
        }
        match last_end {
            None => x0 = g.x,
            Some(end) => {
                let gap = g.x - end;
                let after_space = last.is_some_and(Glyph::is_space);
                if !g.is_space() && (gap > column_gap || motto == Some(gi)) {
                    segments.push(Segment {
                        x0,
                        x1: end,
                        ink_end: if ink_end.is_finite() { ink_end } else { end },
                        first_word: first_word.unwrap_or(end - x0),
                        text: std::mem::take(&mut cur),
                    });
                    x0 = g.x;
                    ink_end = f64::NEG_INFINITY;
                    first_word = None;
                } else if !g.is_space() && !after_space && gap > WORD_GAP_EM * g.size {
                    // Undrawn spaces: as many as fit the gap.
                    let n = (gap / (SPACE_EM * g.size)).round().clamp(1.0, 40.0) as usize;
                    cur.extend(std::iter::repeat_n(' ', n));
                    if first_word.is_none() && ink_end.is_finite() {
                        first_word = Some(ink_end - x0);
                    }
                }
            }
        }
        if g.is_space() {
            if first_word.is_none() && ink_end.is_finite() {
                first_word = Some(ink_end - x0);
            }
        } else {
            ink_end = ink_end.max(g.end());
        }
        cur.push_str(&g.text);
        last_end = Some(last_end.map_or(g.end(), |e| e.max(g.end())));
        last = Some(g);
    }
    if let Some(end) = last_end {
        segments.push(Segment {
            x0,
            x1: end,
            ink_end: if ink_end.is_finite() { ink_end } else { end },
            first_word: first_word.unwrap_or(if ink_end.is_finite() {
                ink_end - x0
            } else {
                0.0
            }),
            text: cur,
        });
    }
    Some(Row { y, size, segments })
}

/// Index of the glyph that starts the national motto `CỘNG HÒA XÃ HỘI…`
/// when other text precedes it in the row. Word headers put it in the right
/// column, sometimes so close to the left column that no gap tells them
/// apart; the motto itself does.
fn motto_start(glyphs: &[&Glyph]) -> Option<usize> {
    use unicode_normalization::UnicodeNormalization;
    let mut key = String::new();
    let mut starts = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        for c in g.text.nfc().filter(|c| !c.is_whitespace()) {
            starts.push((key.len(), i));
            key.extend(c.to_uppercase());
        }
    }
    let at = ["CỘNGHÒAXÃHỘI", "CỘNGHOÀXÃHỘI"]
        .iter()
        .filter_map(|m| key.find(m))
        .min()?;
    if at == 0 {
        return None;
    }
    starts.iter().find(|(k, _)| *k == at).map(|(_, i)| *i)
}

/// Drop lines near the top or bottom of a page that are only a page number
/// (`3`, `- 3 -`, `Trang 3`, `3/12`).
fn drop_page_numbers(lines: &mut Vec<Line>) {
    let is_number = |s: &str| {
        let t = s.trim();
        let t = t
            .strip_prefix("Trang")
            .or_else(|| t.strip_prefix("trang"))
            .unwrap_or(t)
            .trim();
        let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
        !t.is_empty()
            && t.len() <= 9
            && t.chars().all(|c| c.is_ascii_digit() || c == '/')
            && t.chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    let first = lines.iter().position(|l| !l.text.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.text.trim().is_empty());
    let mut drop = Vec::new();
    if let Some(f) = first {
        if is_number(&lines[f].text) {
            drop.push(f);
        }
    }
    if let Some(l) = last {
        if Some(l) != first && is_number(&lines[l].text) {
            drop.push(l);
        }
    }
    if drop.is_empty() {
        return;
    }
    drop.sort_unstable();
    for i in drop.into_iter().rev() {
        lines.remove(i);
    }
    // The gap that separated the page number is not a blank line.
    while lines.last().is_some_and(|l| l.text.trim().is_empty()) {
        lines.pop();
    }
    let lead = lines
        .iter()
        .take_while(|l| l.text.trim().is_empty())
        .count();
    lines.drain(..lead);
}

/// The glyphs of every page, as collected before layout (for debugging
/// extraction problems).
#[doc(hidden)]
pub fn debug_glyphs(bytes: &[u8]) -> Vec<Vec<Glyph>> {
    let Ok(Ok(doc)) = catch_silently(|| pdf_extract::Document::load_mem(bytes)) else {
        return Vec::new();
    };
    let mut c = Collector::default();
    let _ = catch_silently(|| pdf_extract::output_doc(&doc, &mut c));
    c.pages
}
