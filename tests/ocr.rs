//! OCR of scans and images. Inputs are made here: a page of a seed PDF
//! (Vietnamese text drawn by Liberation Serif) rendered to an image with
//! `pdftoppm`, read as a PNG and wrapped as a scanned PDF (one image per
//! page, no text layer) with a signature widget stamping a number over it.
//! Tests that need Tesseract or pdftoppm skip with a message when they are
//! not installed; the error a user gets without them is tested always.

use congvan::ParseOptions;
use pdf_extract::{dictionary, Dictionary, Document, Object, Stream};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn have(prog: &str, arg: &str) -> bool {
    Command::new(prog).arg(arg).output().is_ok()
}

fn tools() -> bool {
    let ok = have("tesseract", "--version") && have("pdftoppm", "-v");
    if !ok {
        println!("skipped: tesseract and pdftoppm are not installed (apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils)");
    }
    ok
}

/// Render page 1 of a PDF with pdftoppm (`-png` or `-ppm`).
fn render(pdf: &Path, fmt: &str, out: &Path) -> Vec<u8> {
    let mut cmd = Command::new("pdftoppm");
    if fmt == "-png" {
        cmd.arg("-png");
    }
    let st = cmd
        .args(["-r", "200", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(out)
        .status()
        .expect("pdftoppm");
    assert!(st.success());
    let ext = if fmt == "-png" { "png" } else { "ppm" };
    std::fs::read(out.with_extension(ext)).expect("rendered")
}

/// A scanned PDF: the page is one RGB image (the PPM's pixels); optionally
/// a signature widget draws `number` over the blank of the `Số:` line (at
/// the place the seed PDF leaves for it).
fn scan_pdf(ppm: &[u8], number: Option<&str>) -> Vec<u8> {
    // P6 header: "P6\n<w> <h>\n255\n".
    let mut fields = Vec::new();
    let mut at = 2;
    while fields.len() < 3 {
        while ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        let s = at;
        while ppm[at].is_ascii_digit() {
            at += 1;
        }
        fields.push(
            std::str::from_utf8(&ppm[s..at])
                .unwrap()
                .parse::<i64>()
                .unwrap(),
        );
    }
    let (w, h) = (fields[0], fields[1]);
    let pixels = ppm[at + 1..].to_vec();
    let mut doc = Document::with_version("1.7");
    let img = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
            "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8,
        },
        pixels,
    ));
    let (pw, ph) = (w as f32 * 72.0 / 200.0, h as f32 * 72.0 / 200.0);
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        format!("q {pw} 0 0 {ph} 0 0 cm /Im0 Do Q").into_bytes(),
    ));
    let pages_id = doc.new_object_id();
    let mut annots = Vec::new();
    if let Some(n) = number {
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let ap = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 30.into(), 14.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            },
            format!("BT /F1 10 Tf 1 3 Td ({n}) Tj ET").into_bytes(),
        ));
        let sig = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "FT" => "Sig",
            "Rect" => vec![Object::Real(66.0), Object::Real(622.0), Object::Real(96.0), Object::Real(636.0)],
            "AP" => dictionary! { "N" => ap },
        });
        annots.push(Object::Reference(sig));
    }
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), Object::Real(pw), Object::Real(ph)],
        "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => img } },
        "Contents" => content,
        "Annots" => annots,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

fn seed_pdf() -> PathBuf {
    root().join("fixtures/ingest/variants/000_b2fc0b6fbb2c88b4-serif.pdf")
}

#[test]
fn an_image_with_vietnamese_text_is_read_by_ocr() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let png = render(&seed_pdf(), "-png", &dir.path().join("page"));
    let start = std::time::Instant::now();
    let doc = congvan::parse_bytes(&png, "page.png").expect("ocr");
    println!("OCR of one page: {:.1} s", start.elapsed().as_secs_f64());
    let want = congvan::parse_path(seed_pdf()).expect("pdf");
    assert!(doc.source.ocr);
    assert_eq!(doc.source.format, "png");
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("mean word confidence")),
        "{:?}",
        doc.warnings
    );
    assert_eq!(doc.doc_type, want.doc_type);
    assert_eq!(doc.number.symbol, want.number.symbol);
    assert_eq!(doc.date.year, want.date.year);
    assert_eq!(doc.issuer.parent, want.issuer.parent);
}

#[test]
fn a_scanned_pdf_is_read_by_ocr_with_its_stamped_number() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let ppm = render(&seed_pdf(), "-ppm", &dir.path().join("page"));
    let pdf = scan_pdf(&ppm, Some("4321"));
    let (doc, text) =
        congvan::parse_bytes_with_options(&pdf, "scan.pdf", &ParseOptions::default()).expect("ocr");
    assert!(doc.source.ocr);
    assert_eq!(doc.source.format, "pdf");
    assert!(text.contains("4321"), "{text}");
    // Two-column header kept apart: the issuer's lines are not mixed with
    // the national motto.
    assert!(
        text.lines().any(|l| l.contains("CỘNG HÒA XÃ HỘI")),
        "{text}"
    );
    assert_eq!(doc.doc_type.map(|t| t.code).as_deref(), Some("CV"));
    assert_eq!(doc.number.symbol.as_deref(), Some("VP-VX"));
    assert_eq!(doc.date.year, Some(2025));
    // With OCR off: a clear reason.
    let off = ParseOptions {
        ocr: false,
        ..ParseOptions::default()
    };
    let err = congvan::parse_bytes_with_options(&pdf, "scan.pdf", &off).expect_err("off");
    assert!(err.to_string().contains("--no-ocr"), "{err}");
}

#[test]
fn without_tesseract_the_error_says_what_to_install() {
    // A scan needs no renderer to be recognised: a 2×2 image page.
    let ppm = b"P6\n2 2\n255\n\0\0\0\xff\xff\xff\xff\xff\xff\0\0\0".to_vec();
    let pdf = scan_pdf(&ppm, None);
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
        .arg("parse")
        .arg(&path)
        .env("CONGVAN_TESSERACT", "/nonexistent/tesseract")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&*path.to_string_lossy()), "{err}");
    assert!(
        err.contains("apt-get install tesseract-ocr tesseract-ocr-vie"),
        "{err}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
        .args(["parse", "--no-ocr"])
        .arg(&path)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("OCR is off (--no-ocr)"), "{err}");
}

#[test]
fn real_scans_are_read() {
    let dir = root().join("../shared/real/files");
    if !dir.exists() {
        println!("skipped: {} not present", dir.display());
        return;
    }
    if !tools() {
        return;
    }
    for (file, code, year, month, issuer) in [
        (
            "f06_bgddt-1849-cv-scan.pdf",
            "CV",
            2026,
            4,
            "Bộ Giáo dục và Đào tạo",
        ),
        (
            "f07_vpcp-153-tb-scan.pdf",
            "TB",
            2024,
            4,
            "Văn phòng Chính phủ",
        ),
        ("f08_phutho-4532-ubnd-kstthc-scan.pdf", "CV", 2011, 12, ""),
    ] {
        let start = std::time::Instant::now();
        let doc = congvan::parse_path(dir.join(file)).expect(file);
        println!(
            "{file}: {:.1} s; {:?} {:?} {:?} {:?}",
            start.elapsed().as_secs_f64(),
            doc.number.raw,
            doc.issuer.name,
            doc.signer.name,
            doc.warnings
        );
        assert!(doc.source.ocr, "{file}");
        assert_eq!(
            doc.doc_type.map(|t| t.code).as_deref(),
            Some(code),
            "{file}"
        );
        assert_eq!(doc.date.year, Some(year), "{file}");
        assert_eq!(doc.date.month, Some(month), "{file}");
        assert!(doc.subject.is_some(), "{file}");
        if !issuer.is_empty() {
            // f07: the receipt stamp over the header is not the issuer.
            assert_eq!(doc.issuer.name.as_deref(), Some(issuer), "{file}");
        }
        if file.starts_with("f06") {
            // The number stamped by the e-signature widget over the scan.
            assert_eq!(doc.number.seq.as_deref(), Some("1849"), "{file}");
            assert_eq!(doc.number.symbol.as_deref(), Some("BGDĐT-GDPT"), "{file}");
        }
    }
}

/// A scanned PDF whose page is one JPEG (DCTDecode) of `w`×`h` pixels.
fn jpeg_scan_pdf(jpeg: Vec<u8>, w: i64, h: i64) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let img = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
            "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
        },
        jpeg,
    ));
    let (pw, ph) = (w as f32 * 72.0 / 200.0, h as f32 * 72.0 / 200.0);
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        format!("q {pw} 0 0 {ph} 0 0 cm /Im0 Do Q").into_bytes(),
    ));
    let pages_id = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), Object::Real(pw), Object::Real(ph)],
        "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => img } },
        "Contents" => content,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

#[test]
fn a_jpeg_scan_is_read_without_a_renderer() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let ppm = render(&seed_pdf(), "-ppm", &dir.path().join("page"));
    let header = String::from_utf8_lossy(&ppm[..20]).to_string();
    let dims: Vec<i64> = header
        .split_ascii_whitespace()
        .skip(1)
        .take(2)
        .filter_map(|v| v.parse().ok())
        .collect();
    let st = Command::new("pdftoppm")
        .args(["-jpeg", "-r", "200", "-f", "1", "-l", "1", "-singlefile"])
        .arg(seed_pdf())
        .arg(dir.path().join("pagej"))
        .status()
        .expect("pdftoppm");
    assert!(st.success());
    let jpeg = std::fs::read(dir.path().join("pagej.jpg")).expect("jpeg");
    let path = dir.path().join("jpeg-scan.pdf");
    std::fs::write(&path, jpeg_scan_pdf(jpeg, dims[0], dims[1])).expect("write");
    // No pdftoppm: the JPEG stream goes to Tesseract as it is.
    let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
        .args(["parse", "--compact"])
        .arg(&path)
        .env("CONGVAN_PDFTOPPM", "/nonexistent/pdftoppm")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["source"]["ocr"], true);
    assert_eq!(v["doc_type"]["code"], "CV");
    assert_eq!(v["date"]["year"], 2025);
}
