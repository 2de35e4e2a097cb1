//! OCR of scanned pages and images with the `tesseract` program.
//!
//! Tesseract is called as a program found on `PATH` at run time (nothing to
//! build or link; the default build does not need it). PDF pages are
//! rendered with `pdftoppm` (poppler-utils) to a colour PPM, which is read
//! here and written back as a grey PGM: when the page has red ink (a seal
//! over the signer), the red channel is kept, which turns red to paper and
//! leaves black text. Tesseract's word boxes (TSV), not its plain text, are
//! turned into glyphs in page space and go through the same line rebuilding
//! as PDF glyphs, so two-column headers and signature blocks keep their
//! columns; the annotation text of the page (a number stamped by a
//! signature widget) joins them.

use super::pdf::{Glyph, PageGlyphs, PdfPages};
use crate::error::IngestError;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// What to install when OCR is needed and missing.
pub const INSTALL_HINT: &str =
    "install Tesseract with its Vietnamese model and poppler-utils (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils), or pass --no-ocr";
/// Longest a page may take in Tesseract or pdftoppm.
const PAGE_TIMEOUT: Duration = Duration::from_secs(180);
/// Longer side of a rendered page in pixels (A4 at 300 dpi).
const RENDER_LONG_SIDE: u32 = 3508;
/// Largest image accepted (pixels).
const MAX_PIXELS: usize = 60_000_000;

/// Is `tesseract` with the Vietnamese model on PATH? (Checked once.)
pub fn tesseract_ready() -> Result<(), String> {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    READY
        .get_or_init(|| {
            let out = Command::new(tesseract_bin())
                .arg("--list-langs")
                .stdin(Stdio::null())
                .output()
                .map_err(|_| "Tesseract is not installed".to_string())?;
            let langs = String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr);
            if langs.lines().any(|l| l.trim() == "vie") {
                Ok(())
            } else {
                Err("Tesseract has no Vietnamese model (vie)".to_string())
            }
        })
        .clone()
}

fn pdftoppm_ready() -> Result<(), String> {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    READY
        .get_or_init(|| {
            Command::new(pdftoppm_bin())
                .arg("-v")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .map(|_| ())
                .map_err(|_| "pdftoppm (poppler-utils) is not installed".to_string())
        })
        .clone()
}

fn pdftoppm_bin() -> String {
    std::env::var("CONGVAN_PDFTOPPM").unwrap_or_else(|_| "pdftoppm".into())
}

fn tesseract_bin() -> String {
    std::env::var("CONGVAN_TESSERACT").unwrap_or_else(|_| "tesseract".into())
}

fn missing(what: String) -> IngestError {
    IngestError::OcrUnavailable(format!("{what}: {INSTALL_HINT}"))
}

/// A scratch folder removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch, IngestError> {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "congvan-ocr-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)
            .map_err(|e| IngestError::Ocr(format!("cannot create a scratch folder: {e}")))?;
        Ok(Scratch(dir))
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Run a command with a time limit; its stdout.
fn run(cmd: &mut Command, what: &str) -> Result<Vec<u8>, IngestError> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| IngestError::Ocr(format!("cannot run {what}: {e}")))?;
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(out) = stdout.as_mut() {
            use std::io::Read;
            let _ = out.take(64 << 20).read_to_end(&mut buf);
        }
        buf
    });
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let out = reader.join().unwrap_or_default();
                if !status.success() {
                    return Err(IngestError::Ocr(format!("{what} failed ({status})")));
                }
                return Ok(out);
            }
            Ok(None) if start.elapsed() > PAGE_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(IngestError::Ocr(format!(
                    "{what} took longer than {} s",
                    PAGE_TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(IngestError::Ocr(format!("{what}: {e}"))),
        }
    }
}

/// A decoded grey or colour raster.
struct Raster {
    w: usize,
    h: usize,
    /// 1 (grey) or 3 (RGB) bytes per pixel.
    channels: usize,
    data: Vec<u8>,
}

/// Read a binary PPM (P6) or PGM (P5) with 8-bit samples.
fn read_pnm(b: &[u8]) -> Option<Raster> {
    let channels = match b.get(..2)? {
        b"P6" => 3,
        b"P5" => 1,
        _ => return None,
    };
    let mut at = 2;
    let mut fields = Vec::new();
    while fields.len() < 3 {
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        if b.get(at) == Some(&b'#') {
            while at < b.len() && b[at] != b'\n' {
                at += 1;
            }
            continue;
        }
        let start = at;
        while at < b.len() && b[at].is_ascii_digit() {
            at += 1;
        }
        if start == at {
            return None;
        }
        fields.push(
            std::str::from_utf8(&b[start..at])
                .ok()?
                .parse::<usize>()
                .ok()?,
        );
    }
    at += 1;
    let (w, h, max) = (fields[0], fields[1], fields[2]);
    if max != 255 || w == 0 || h == 0 || w.checked_mul(h)? > MAX_PIXELS {
        return None;
    }
    let n = w * h * channels;
    let data = b.get(at..at.checked_add(n)?)?.to_vec();
    Some(Raster {
        w,
        h,
        channels,
        data,
    })
}

/// Is a pixel red ink (a seal)?
fn is_red(r: u8, g: u8, b: u8) -> bool {
    r > 140 && (r as i32 - g as i32) > 60 && (r as i32 - b as i32) > 50
}

/// Grey image for Tesseract; with red ink on the page, the red channel
/// (red becomes paper). Returns the PGM bytes and whether red was removed.
fn to_grey(r: &Raster, remove_red: Option<bool>) -> (Vec<u8>, bool) {
    let mut out = format!("P5\n{} {}\n255\n", r.w, r.h).into_bytes();
    if r.channels == 1 {
        out.extend_from_slice(&r.data);
        return (out, false);
    }
    let red_pixels = r
        .data
        .chunks_exact(3)
        .filter(|p| is_red(p[0], p[1], p[2]))
        .count();
    let red = remove_red.unwrap_or(red_pixels * 1000 > r.w * r.h);
    out.reserve(r.w * r.h);
    for p in r.data.chunks_exact(3) {
        out.push(if red {
            p[0]
        } else {
            ((p[0] as u32 * 299 + p[1] as u32 * 587 + p[2] as u32 * 114) / 1000) as u8
        });
    }
    (out, red)
}

/// One word read by Tesseract, in image pixels.
#[derive(Debug, Clone)]
pub struct Word {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    /// Bottom of the word's line and the line's height.
    pub line_bottom: f64,
    pub line_height: f64,
    pub conf: f64,
    pub text: String,
}

/// Words of Tesseract's TSV output.
pub fn parse_tsv(tsv: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut line = (0.0, 0.0);
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() < 12 {
            continue;
        }
        let n = |i: usize| f[i].trim().parse::<f64>().unwrap_or(0.0);
        match f[0] {
            "4" => line = (n(7) + n(9), n(9)),
            "5" => {
                let text = f[11].trim();
                if text.is_empty() || n(10) < 0.0 {
                    continue;
                }
                words.push(Word {
                    left: n(6),
                    top: n(7),
                    width: n(8),
                    height: n(9),
                    line_bottom: line.0,
                    line_height: line.1,
                    conf: n(10),
                    text: text.to_string(),
                });
            }
            _ => {}
        }
    }
    words
}

/// Words as glyphs in page space (`scale` page units per pixel, `height`
/// the page height): one glyph per word on its line's baseline, with a
/// drawn space between words of a line that are close together (so a wide
/// gap still separates columns).
pub fn words_to_glyphs(words: &[Word], scale: f64, height: f64) -> Vec<Glyph> {
    let mut out = Vec::with_capacity(words.len() * 2);
    for (i, w) in words.iter().enumerate() {
        let size = (w.line_height * 0.75 * scale).max(1.0);
        let y = height - w.line_bottom * scale;
        let x = w.left * scale;
        let adv = (w.width * scale).max(0.1);
        if let Some(p) = i.checked_sub(1).map(|j| &words[j]) {
            let gap = (w.left - (p.left + p.width)) * scale;
            if p.line_bottom == w.line_bottom && gap > 0.0 && gap < 1.5 * size {
                out.push(Glyph {
                    x: (p.left + p.width) * scale,
                    y,
                    size,
                    adv: gap,
                    text: " ".into(),
                });
            }
        }
        out.push(Glyph {
            x,
            y,
            size,
            adv,
            text: w.text.clone(),
        });
    }
    out
}

/// Tesseract on one image file: its words.
fn tesseract_words(image: &Path) -> Result<Vec<Word>, IngestError> {
    Ok(parse_tsv(&tsv_of(image)?))
}

/// Tesseract's TSV for one image file.
fn tsv_of(image: &Path) -> Result<String, IngestError> {
    let out = run(
        Command::new(tesseract_bin())
            .arg(image)
            .arg("stdout")
            .args(["-l", "vie", "--psm", "3", "tsv"])
            // One thread per page: pages run in parallel instead.
            .env("OMP_THREAD_LIMIT", "1"),
        "tesseract",
    )?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// What OCR of one page gave.
struct PageOcr {
    glyphs: Vec<Glyph>,
    conf_sum: f64,
    words: usize,
    red_removed: bool,
}

/// How to treat red ink: `CONGVAN_OCR_RED=keep|remove|auto` (default auto).
fn red_mode() -> Option<bool> {
    match std::env::var("CONGVAN_OCR_RED").as_deref() {
        Ok("keep") => Some(false),
        Ok("remove") => Some(true),
        _ => None,
    }
}

fn ocr_pdf_page(
    pdf: &Path,
    scratch: &Scratch,
    page_no: usize,
    width: f64,
    height: f64,
    dpi: Option<f64>,
) -> Result<PageOcr, IngestError> {
    let prefix = scratch.path(&format!("p{page_no}"));
    let n = page_no.to_string();
    let mut cmd = Command::new(pdftoppm_bin());
    cmd.args(["-f", &n, "-l", &n, "-singlefile", "-hide-annotations"]);
    match dpi {
        Some(d) => cmd.arg("-r").arg(format!("{}", d.round())),
        None => cmd.arg("-scale-to").arg(RENDER_LONG_SIDE.to_string()),
    };
    run(cmd.arg(pdf).arg(&prefix), "pdftoppm")?;
    let ppm_path = prefix.with_extension("ppm");
    let ppm = std::fs::read(&ppm_path)
        .map_err(|e| IngestError::Ocr(format!("page {page_no} not rendered: {e}")))?;
    let _ = std::fs::remove_file(&ppm_path);
    let raster = read_pnm(&ppm)
        .ok_or_else(|| IngestError::Ocr(format!("page {page_no}: unreadable rendering")))?;
    let (pgm, red_removed) = to_grey(&raster, red_mode());
    drop(raster);
    let pgm_path = scratch.path(&format!("p{page_no}.pgm"));
    std::fs::write(&pgm_path, &pgm)
        .map_err(|e| IngestError::Ocr(format!("cannot write page image: {e}")))?;
    let (w_px, h_px) = pgm_size(&pgm);
    drop(pgm);
    let words = tesseract_words(&pgm_path)?;
    let _ = std::fs::remove_file(&pgm_path);
    let scale = if w_px > 0.0 && width > 0.0 {
        width / w_px
    } else if h_px > 0.0 && height > 0.0 {
        height / h_px
    } else {
        1.0
    };
    let page_h = if height > 0.0 { height } else { h_px * scale };
    Ok(PageOcr {
        glyphs: words_to_glyphs(&words, scale, page_h),
        conf_sum: words.iter().map(|w| w.conf).sum(),
        words: words.len(),
        red_removed,
    })
}

/// The stream of a page's only XObject (its own resources, else the first
/// inherited ones).
fn single_xobject(
    doc: &pdf_extract::Document,
    page: pdf_extract::ObjectId,
) -> Option<&pdf_extract::Stream> {
    let (own, inherited) = doc.get_page_resources(page).ok()?;
    let res = own.or_else(|| {
        inherited
            .first()
            .and_then(|id| doc.get_dictionary(*id).ok())
    })?;
    let xo = doc
        .dereference(res.get(b"XObject").ok()?)
        .ok()?
        .1
        .as_dict()
        .ok()?;
    if xo.len() != 1 {
        return None;
    }
    let (_, o) = xo.iter().next()?;
    let s = doc.dereference(o).ok()?.1.as_stream().ok()?;
    Some(s)
}

/// The JPEG bytes of a page that draws one DCT-encoded image and nothing
/// else (a typical scan), with the image's pixel size.
fn single_jpeg(doc: &pdf_extract::Document, page: pdf_extract::ObjectId) -> Option<Vec<u8>> {
    let s = single_xobject(doc, page)?;
    let filters = s.filters().ok()?;
    if filters.as_slice() != [b"DCTDecode".as_slice()] {
        return None;
    }
    s.content
        .starts_with(&[0xFF, 0xD8])
        .then(|| s.content.clone())
}

/// Pixel width of the page's only image XObject (a scan).
fn single_image_width(doc: &pdf_extract::Document, page: pdf_extract::ObjectId) -> Option<f64> {
    let s = single_xobject(doc, page)?;
    if s.dict.get(b"Subtype").ok()?.as_name().ok()? != b"Image" {
        return None;
    }
    let w = s.dict.get(b"Width").ok()?.as_i64().ok()?;
    (w > 0).then_some(w as f64)
}

/// OCR of a page that is one JPEG, without rendering. Its pixels are
/// mapped onto the page (a scan fills its page).
fn ocr_jpeg_page(
    jpeg: &[u8],
    scratch: &Scratch,
    page_no: usize,
    width: f64,
    height: f64,
) -> Result<PageOcr, IngestError> {
    let path = scratch.path(&format!("p{page_no}.jpg"));
    std::fs::write(&path, jpeg)
        .map_err(|e| IngestError::Ocr(format!("cannot write page image: {e}")))?;
    let tsv = tsv_of(&path)?;
    let _ = std::fs::remove_file(&path);
    let (w_px, h_px) = tsv_page_size(&tsv);
    let words = parse_tsv(&tsv);
    let scale = if w_px > 0.0 && width > 0.0 {
        width / w_px
    } else {
        1.0
    };
    let page_h = if height > 0.0 { height } else { h_px * scale };
    Ok(PageOcr {
        glyphs: words_to_glyphs(&words, scale, page_h),
        conf_sum: words.iter().map(|w| w.conf).sum(),
        words: words.len(),
        red_removed: false,
    })
}

/// Page size in pixels from the TSV's level-1 row.
fn tsv_page_size(tsv: &str) -> (f64, f64) {
    tsv.lines()
        .find(|l| l.starts_with("1\t"))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let n = |i: usize| f.get(i).and_then(|v| v.parse().ok()).unwrap_or(0.0);
            (n(8), n(9))
        })
        .unwrap_or((0.0, 0.0))
}

fn pgm_size(pgm: &[u8]) -> (f64, f64) {
    let head = String::from_utf8_lossy(&pgm[..pgm.len().min(40)]).to_string();
    let mut it = head.split_ascii_whitespace().skip(1);
    let w = it.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    let h = it.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    (w, h)
}

/// OCR the pages `scans` (0-based) of a PDF, replacing their glyphs by the
/// words read (the annotation glyphs already there are kept). Pages run in
/// parallel, one Tesseract thread each.
pub fn ocr_pdf_pages(
    bytes: &[u8],
    _name: &str,
    pages: &mut PdfPages,
    scans: &[usize],
    opts: &crate::ParseOptions,
) -> Result<(), IngestError> {
    tesseract_ready().map_err(missing)?;
    // Pages that are one JPEG need no renderer: the stream is a JPEG file.
    // The scan's own resolution (width of the page's only image), so the
    // page is rendered at it rather than resampled. Both read from one
    // load of the document.
    let (jpegs, native): (Vec<Option<Vec<u8>>>, Vec<Option<f64>>) = match super::pdf::load(bytes) {
        Ok(doc) => {
            let ids = doc.get_pages();
            scans
                .iter()
                .map(|&i| match ids.get(&(i as u32 + 1)) {
                    Some(id) => (
                        super::quiet::catch_silently(|| single_jpeg(&doc, *id))
                            .ok()
                            .flatten(),
                        super::quiet::catch_silently(|| single_image_width(&doc, *id))
                            .ok()
                            .flatten(),
                    ),
                    None => (None, None),
                })
                .unzip()
        }
        Err(_) => (vec![None; scans.len()], vec![None; scans.len()]),
    };
    let render = pdftoppm_ready();
    if render.is_err() && jpegs.iter().any(Option::is_none) {
        render.clone().map_err(missing)?;
    }
    let use_jpeg = render.is_err();
    let scratch = Scratch::new()?;
    let pdf = scratch.path("in.pdf");
    std::fs::write(&pdf, bytes)
        .map_err(|e| IngestError::Ocr(format!("cannot write a scratch copy: {e}")))?;
    let done = AtomicUsize::new(0);
    let total = scans.len();
    let sizes: Vec<(f64, f64)> = scans
        .iter()
        .map(|&i| {
            pages
                .pages
                .get(i)
                .map_or((0.0, 0.0), |p| (p.width, p.height))
        })
        .collect();
    let start = Instant::now();
    use rayon::prelude::*;
    let results: Vec<Result<PageOcr, IngestError>> = scans
        .par_iter()
        .zip(sizes.par_iter())
        .zip(jpegs.par_iter())
        .zip(native.par_iter())
        .map(|(((&i, &(w, h)), jpeg), px)| {
            // Rendering at the scan's own resolution was tried: better on a
            // 200 dpi scan (f06), worse on others (f07, f08); all pages are
            // rendered at A4 300 dpi size instead.
            let _ = px;
            let dpi: Option<f64> = None;
            let r = match jpeg {
                Some(j) if use_jpeg => ocr_jpeg_page(j, &scratch, i + 1, w, h),
                _ => ocr_pdf_page(&pdf, &scratch, i + 1, w, h, dpi),
            };
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(cb) = &opts.ocr_progress {
                cb(n, total);
            }
            r
        })
        .collect();
    let mut conf = 0.0;
    let mut words = 0;
    let mut red = 0;
    for (&i, r) in scans.iter().zip(results) {
        let r = r?;
        conf += r.conf_sum;
        words += r.words;
        red += usize::from(r.red_removed);
        if let Some(p) = pages.pages.get_mut(i) {
            merge_ocr(p, r.glyphs);
        }
    }
    pages.warnings.push(ocr_warning(
        total,
        words,
        conf,
        red,
        start.elapsed().as_secs_f64(),
    ));
    Ok(())
}

fn ocr_warning(pages: usize, words: usize, conf: f64, red: usize, secs: f64) -> String {
    let mean = if words > 0 { conf / words as f64 } else { 0.0 };
    let mut w = format!(
        "OCR (Tesseract, vie): {pages} page(s), {words} words, mean word confidence {mean:.1}%, {secs:.1} s"
    );
    if red > 0 {
        w.push_str(&format!("; red seal removed on {red} page(s)"));
    }
    w
}

fn merge_ocr(page: &mut PageGlyphs, ocr: Vec<Glyph>) {
    // Annotation glyphs (a stamped number) win over what OCR read under
    // them.
    let stamped: Vec<Glyph> = std::mem::take(&mut page.glyphs);
    let mut glyphs: Vec<Glyph> = ocr
        .into_iter()
        .filter(|o| {
            !stamped.iter().any(|s| {
                !s.text.trim().is_empty()
                    && (o.y - s.y).abs() < 0.6 * s.size.max(o.size)
                    && o.x < s.x + s.adv
                    && o.x + o.adv > s.x
                    && o.text.chars().all(|c| !c.is_alphabetic())
            })
        })
        .collect();
    glyphs.extend(stamped);
    page.glyphs = glyphs;
}

/// OCR an image file (PNG, JPEG, TIFF…): its text, laid out like a PDF
/// page, and the warning with the mean confidence.
pub fn ocr_image(bytes: &[u8], ext: &str) -> Result<(String, Vec<String>), IngestError> {
    tesseract_ready().map_err(missing)?;
    let scratch = Scratch::new()?;
    let start = Instant::now();
    let mut path = scratch.path(&format!("in.{ext}"));
    let mut red = 0;
    if let Some(r) = read_pnm(bytes) {
        let (pgm, removed) = to_grey(&r, red_mode());
        red = usize::from(removed);
        path = scratch.path("in.pgm");
        std::fs::write(&path, pgm)
            .map_err(|e| IngestError::Ocr(format!("cannot write a scratch copy: {e}")))?;
    } else {
        std::fs::write(&path, bytes)
            .map_err(|e| IngestError::Ocr(format!("cannot write a scratch copy: {e}")))?;
    }
    let words = tesseract_words(&path)?;
    let h = words.iter().map(|w| w.line_bottom).fold(0.0f64, f64::max) + 10.0;
    let page = PageGlyphs {
        glyphs: words_to_glyphs(&words, 1.0, h),
        content_alnum: 0,
        width: words
            .iter()
            .map(|w| w.left + w.width)
            .fold(0.0f64, f64::max)
            + 10.0,
        height: h,
        has_image: true,
    };
    let text = super::pdf::layout_document(std::slice::from_ref(&page));
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 10 {
        return Err(IngestError::Ocr("no text found in the image".into()));
    }
    let conf: f64 = words.iter().map(|w| w.conf).sum();
    Ok((
        text,
        vec![ocr_warning(
            1,
            words.len(),
            conf,
            red,
            start.elapsed().as_secs_f64(),
        )],
    ))
}

/// A receipt stamp's field (`ĐẾN Giờ: ……`, `Ngày: ..14/4/2024…`, `Số: ……`
/// with dotted blanks) as OCR reads it.
fn receipt_field(line: &str) -> bool {
    let f = crate::text::fold(line);
    (f.contains("gio:") || f.contains("ngay:") || f.contains("chuyen:"))
        && (line.contains("...") || line.contains('…'))
}

/// Drop the receipt stamp a clerk put on the scanned paper (`CÔNG VĂN
/// ĐẾN`, `CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ – ĐẾN Giờ: … Ngày: …`): its
/// dotted fields, and the stamp's title just above them. It is not part of
/// the document (it would be read as the issuer).
fn drop_receipt_stamp(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut drop = vec![false; lines.len()];
    for i in 0..lines.len() {
        if !receipt_field(lines[i]) {
            continue;
        }
        drop[i] = true;
        if let Some(j) = (0..i)
            .rev()
            .find(|&j| !lines[j].trim().is_empty() && !drop[j])
        {
            let f = crate::text::fold(lines[j]);
            if i - j <= 2
                && (f.contains("thong tin dien tu") || f.split_whitespace().any(|w| w == "den"))
            {
                drop[j] = true;
            }
        }
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
    kept.join("\n")
}

/// Specks OCR reads as text: lines of one or two letters or only
/// punctuation (`l`, `,`, `LJ`), and punctuation before the first word
/// (`'._ TỈNH PHÚ THỌ`). Blank lines and item labels (`a)`) stay.
pub fn clean_ocr_text(text: &str) -> String {
    let text = drop_receipt_stamp(text);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let alnum = line.chars().filter(|c| c.is_alphanumeric()).count();
        let speck = !line.trim().is_empty()
            && alnum <= 2
            && !line.contains(')')
            && !line.trim().chars().all(|c| c.is_ascii_digit());
        if speck {
            continue;
        }
        let t = line.trim_start_matches(|c: char| "'._,`~|:;\"“”‘’".contains(c) || c == ' ');
        let t = if t.len() + 8 < line.len() || t.is_empty() {
            line
        } else {
            t
        };
        out.push_str(t);
        out.push('\n');
    }
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn receipt_stamp_is_dropped() {
        assert_eq!(
            super::clean_ocr_text("VĂN PHÒNG CHÍNH PHỦ\n\nCỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\nĐẾN Giờ:......C.....\nNgày:.44.14120244.......\nCỘNG HOÀ"),
            "VĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HOÀ"
        );
    }

    #[test]
    fn specks_and_leading_punctuation() {
        assert_eq!(
            super::clean_ocr_text("ỦY BAN NHÂN DÂN\n'._ TỈNH PHÚ THỌ\n,\nLJ\na)\n\n“Thái Văn Tài"),
            "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\na)\n\nThái Văn Tài"
        );
    }

    use super::*;

    #[test]
    fn tsv_words_keep_columns() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
4\t1\t1\t1\t1\t0\t100\t100\t900\t40\t-1\t\n\
5\t1\t1\t1\t1\t1\t100\t100\t60\t40\t95.5\tBỘ\n\
5\t1\t1\t1\t1\t2\t170\t100\t60\t40\t91\tGIÁO\n\
5\t1\t1\t1\t1\t3\t700\t100\t100\t40\t90\tCỘNG\n";
        let words = parse_tsv(tsv);
        assert_eq!(words.len(), 3);
        let g = words_to_glyphs(&words, 0.24, 842.0);
        let page = PageGlyphs {
            glyphs: g,
            content_alnum: 0,
            width: 595.0,
            height: 842.0,
            has_image: true,
        };
        let text = crate::ingest::pdf::layout_document(&[page]);
        assert_eq!(text, "BỘ GIÁO\nCỘNG");
    }

    #[test]
    fn pnm_and_red() {
        let mut ppm = b"P6\n2 1\n255\n".to_vec();
        ppm.extend_from_slice(&[220, 30, 30, 0, 0, 0]);
        let r = read_pnm(&ppm).unwrap();
        let (g, red) = to_grey(&r, Some(true));
        assert!(red);
        assert_eq!(&g[g.len() - 2..], &[220, 0]);
        assert!(read_pnm(b"P6\n99999 99999\n255\n").is_none());
        assert!(read_pnm(b"P6\n2 1\n255\nab").is_none());
    }
}
