//! Text drawn by annotation appearance streams (signature widgets that
//! stamp the number and day), signature stamps kept out of the text, the
//! digital signatures reported, and "no text layer" decided on the page
//! content only. The PDFs are built here with lopdf (pdf-extract's
//! re-export).

use congvan::ingest::{ingest, ingest_with};
use congvan::{IngestError, ParseOptions};
use pdf_extract::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

fn stream(doc: &mut Document, dict: Dictionary, content: &str) -> ObjectId {
    doc.add_object(Stream::new(dict, content.as_bytes().to_vec()))
}

fn form(
    doc: &mut Document,
    bbox: [f64; 4],
    matrix: Option<[f64; 6]>,
    res: Dictionary,
    content: &str,
) -> ObjectId {
    let mut d = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => bbox.iter().map(|v| Object::Real(*v as f32)).collect::<Vec<_>>(),
        "Resources" => res,
    };
    if let Some(m) = matrix {
        d.set(
            "Matrix",
            m.iter()
                .map(|v| Object::Real(*v as f32))
                .collect::<Vec<_>>(),
        );
    }
    stream(doc, d, content)
}

/// A one-page PDF: `page_content` drawn with Helvetica as /F1, the page
/// given `annots` built by the closure, an image on the page when `image`.
fn build(
    page_content: &str,
    image: bool,
    annots: impl FnOnce(&mut Document, ObjectId) -> Vec<Object>,
) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let pages_id = doc.new_object_id();
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font } };
    if image {
        let img = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            vec![0, 255, 255, 0],
        ));
        resources.set("XObject", dictionary! { "Im0" => img });
    }
    let content = stream(&mut doc, Dictionary::new(), page_content);
    let page_id = doc.new_object_id();
    let list = annots(&mut doc, font);
    doc.objects.insert(
        page_id,
        Object::Dictionary(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => resources,
            "Contents" => content,
            "Annots" => list,
        }),
    );
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

fn widget(rect: [f64; 4], ap: Object, extra: Dictionary) -> Dictionary {
    let mut d = dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "Rect" => rect.iter().map(|v| Object::Real(*v as f32)).collect::<Vec<_>>(),
        "AP" => dictionary! { "N" => ap },
    };
    d.extend(&extra);
    d
}

const PAGE: &str = "BT /F1 12 Tf 72 700 Td (So:        /UBND-VP) Tj ET \
BT /F1 12 Tf 300 700 Td (Ha Noi, ngay        thang 4 nam 2026) Tj ET \
BT /F1 12 Tf 72 600 Td (Kinh gui: Cac so, ban, nganh) Tj ET \
BT /F1 12 Tf 72 580 Td (Noi dung cua van ban nay duoc doc tu lop van ban.) Tj ET";

/// The stamped document: a signature widget whose appearance nests a form
/// with its own Matrix and Resources, a checkbox-like widget with two
/// appearance states, a hidden widget, and a signature stamp.
fn stamped(image: bool, page: &str) -> Vec<u8> {
    build(page, image, |doc, font| {
        let res = || dictionary! { "Font" => dictionary! { "Fx" => font } };
        // The number: outer BBox 60×30 mapped onto a 30×15 Rect (scale
        // 0.5); the inner form is moved by its Matrix (2, 4).
        let inner = form(
            doc,
            [0.0, 0.0, 60.0, 30.0],
            Some([1.0, 0.0, 0.0, 1.0, 2.0, 4.0]),
            res(),
            "BT /Fx 20 Tf 0 0 Td (355) Tj ET",
        );
        let outer = form(
            doc,
            [0.0, 0.0, 60.0, 30.0],
            None,
            dictionary! { "XObject" => dictionary! { "FRM" => inner } },
            "q /FRM Do Q",
        );
        let value = doc.add_object(dictionary! {
            "Type" => "Sig",
            "Name" => Object::string_literal("Nguyen Van B"),
            "M" => Object::string_literal("D:20260413101530+07'00'"),
            "Reason" => Object::string_literal("Phe duyet"),
        });
        let number = widget(
            [95.0, 697.0, 125.0, 712.0],
            Object::Reference(outer),
            dictionary! { "FT" => "Sig", "V" => value, "T" => Object::string_literal("Sig1") },
        );
        // The day, drawn with a form Matrix that scales by 2 (BBox
        // 0..10 → 0..20, mapped onto a 20-wide Rect: net scale 1).
        let day = form(
            doc,
            [0.0, 0.0, 10.0, 8.0],
            Some([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]),
            res(),
            "BT /Fx 6 Tf 0 1 Td (13) Tj ET",
        );
        let day = widget(
            [374.0, 698.0, 394.0, 714.0],
            Object::Reference(day),
            Dictionary::new(),
        );
        // Two states: /AS picks /On.
        let on = form(
            doc,
            [0.0, 0.0, 100.0, 20.0],
            None,
            res(),
            "BT /Fx 12 Tf 0 5 Td (DA DUYET) Tj ET",
        );
        let off = form(
            doc,
            [0.0, 0.0, 100.0, 20.0],
            None,
            res(),
            "BT /Fx 12 Tf 0 5 Td (CHUA DUYET) Tj ET",
        );
        let mut states = widget(
            [72.0, 640.0, 172.0, 660.0],
            Object::Null,
            dictionary! { "AS" => "On" },
        );
        states.set(
            "AP",
            dictionary! { "N" => dictionary! { "On" => on, "Off" => off } },
        );
        // Hidden (F = 2) and NoView (F = 32): not printed.
        let hidden = form(
            doc,
            [0.0, 0.0, 100.0, 20.0],
            None,
            res(),
            "BT /Fx 12 Tf 0 5 Td (HIDDENTEXT) Tj ET",
        );
        let hidden = widget(
            [300.0, 640.0, 400.0, 660.0],
            Object::Reference(hidden),
            dictionary! { "F" => 2 },
        );
        let noview = form(
            doc,
            [0.0, 0.0, 100.0, 20.0],
            None,
            res(),
            "BT /Fx 12 Tf 0 5 Td (NOVIEWTEXT) Tj ET",
        );
        let noview = widget(
            [300.0, 620.0, 400.0, 640.0],
            Object::Reference(noview),
            dictionary! { "F" => 32 },
        );
        // A signature stamp printed over the signature block.
        let stamp = form(
            doc,
            [0.0, 0.0, 200.0, 40.0],
            None,
            res(),
            "BT /Fx 8 Tf 2 30 Td (Nguoi ky: Tran Thi C) Tj 0 -10 Td (Co quan: So Noi vu) Tj 0 -10 Td (Thoi gian ky: 13.04.2026 10:15:30) Tj ET",
        );
        let mut stamp = widget(
            [330.0, 500.0, 530.0, 540.0],
            Object::Reference(stamp),
            Dictionary::new(),
        );
        stamp.set("Subtype", "Stamp");
        [number, day, states, hidden, noview, stamp]
            .into_iter()
            .map(|d| Object::Reference(doc.add_object(d)))
            .collect()
    })
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn widget_appearances_fill_the_blanks() {
    let pdf = stamped(false, PAGE);
    let got = ingest(&pdf, "stamped.pdf").expect("reads");
    let lines: Vec<&str> = got.text.lines().collect();
    assert!(
        squash(lines[0]).starts_with("So:355/UBND-VP"),
        "{}",
        got.text
    );
    let collapsed = got
        .text
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        collapsed.contains("ngay 13 thang 4 nam 2026"),
        "{}",
        got.text
    );
    assert!(got.text.contains("DA DUYET"), "{}", got.text);
    assert!(!got.text.contains("CHUA"), "{}", got.text);
    assert!(!got.text.contains("HIDDENTEXT"), "{}", got.text);
    assert!(!got.text.contains("NOVIEWTEXT"), "{}", got.text);
    // The stamp is not text of the document…
    assert!(!got.text.contains("Nguoi ky"), "{}", got.text);
    assert!(!got.text.contains("So Noi vu"), "{}", got.text);
    // …but a signature: the dictionary's, then the printed stamp's.
    assert_eq!(got.signatures.len(), 2, "{:?}", got.signatures);
    let s = &got.signatures[0];
    assert_eq!(s.name.as_deref(), Some("Nguyen Van B"));
    assert_eq!(s.time.as_deref(), Some("2026-04-13T10:15:30+07:00"));
    assert_eq!(s.reason.as_deref(), Some("Phe duyet"));
    let s = &got.signatures[1];
    assert_eq!(s.name.as_deref(), Some("Tran Thi C"));
    assert_eq!(s.organisation.as_deref(), Some("So Noi vu"));
}

#[test]
fn stamped_number_and_day_reach_the_header() {
    let pdf = stamped(false, PAGE);
    let doc = congvan::parse_bytes(&pdf, "stamped.pdf").expect("parses");
    assert_eq!(doc.number.seq.as_deref(), Some("355"));
    assert_eq!(doc.number.symbol.as_deref(), Some("UBND-VP"));
    assert_eq!(doc.date.day, Some(13));
    assert_eq!(doc.date.month, Some(4));
    assert_eq!(doc.source.signatures.len(), 2);
    let json = serde_json::to_value(&doc).expect("json");
    assert_eq!(json["source"]["signatures"][0]["name"], "Nguyen Van B");
    assert_eq!(json["source"]["ocr"], false);
}

#[test]
fn a_scan_with_only_a_stamp_is_still_a_scan() {
    // The page draws an image and no text; the widgets draw text.
    let pdf = stamped(true, "q 595 0 0 842 0 0 cm /Im0 Do Q");
    let off = ParseOptions {
        ocr: false,
        ..ParseOptions::default()
    };
    assert_eq!(
        ingest_with(&pdf, "scan.pdf", &off).map(|_| ()),
        Err(IngestError::OcrOff)
    );
    // A page with neither text nor image is not a scan: no OCR is tried.
    let blank = build("q 0 0 1 rg 10 10 50 50 re f Q", false, |_, _| Vec::new());
    assert_eq!(
        ingest(&blank, "blank.pdf").map(|_| ()),
        Err(IngestError::NoTextLayer)
    );
}

#[test]
fn real_e_signed_files_get_their_number_and_day() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real/files");
    if !dir.exists() {
        println!("skipped: {} not present", dir.display());
        return;
    }
    for (file, seq, symbol, day) in [
        ("f02_dongthap-355-bc-hdxth.pdf", "355", "BC-HĐXTH", 13),
        ("f03_dongthap-362-kh-sgddt.pdf", "362", "KH-SGDĐT", 14),
    ] {
        let doc = congvan::parse_path(dir.join(file)).expect(file);
        assert_eq!(doc.number.seq.as_deref(), Some(seq), "{file}");
        assert_eq!(doc.number.symbol.as_deref(), Some(symbol), "{file}");
        assert_eq!(doc.date.day, Some(day), "{file}");
        assert_eq!(doc.date.month, Some(4), "{file}");
        assert!(!doc.source.signatures.is_empty(), "{file}");
        assert!(
            doc.source.signatures.iter().all(|s| s.time.is_some()),
            "{file}"
        );
        let issuer = doc.issuer.name.unwrap_or_default();
        assert!(
            !issuer.contains("Người ký") && !issuer.contains("Cơ quan"),
            "{file}: {issuer}"
        );
    }
}

/// A PDF of `n` pages, each with the given content stream (`{n}` replaced
/// by the page number).
fn pages_pdf(n: usize, content: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for i in 1..=n {
        let c = stream(
            &mut doc,
            Dictionary::new(),
            &content.replace("{n}", &i.to_string()),
        );
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "Contents" => c,
        });
        kids.push(Object::Reference(page));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => n as i64 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

#[test]
fn running_headers_and_footers_are_dropped() {
    let page = "BT /F1 9 Tf 72 800 Td (UBND TINH X - Ke hoach so 12/KH-UBND) Tj ET \
        BT /F1 12 Tf 72 700 Td (Noi dung trang {n} cua van ban.) Tj ET \
        BT /F1 12 Tf 72 680 Td (Dong thu hai cua trang {n}.) Tj ET \
        BT /F1 9 Tf 72 40 Td (Tai lieu noi bo - trang {n}/4) Tj ET";
    let got = ingest(&pages_pdf(4, page), "running.pdf").expect("reads");
    assert!(!got.text.contains("Ke hoach so 12"), "{}", got.text);
    assert!(!got.text.contains("Tai lieu noi bo"), "{}", got.text);
    for n in 1..=4 {
        assert!(
            got.text
                .contains(&format!("Noi dung trang {n} cua van ban.")),
            "{}",
            got.text
        );
        assert!(
            got.text.contains(&format!("Dong thu hai cua trang {n}.")),
            "{}",
            got.text
        );
    }
    // Two pages are too few to tell furniture from text.
    let got = ingest(&pages_pdf(2, page), "two.pdf").expect("reads");
    assert!(got.text.contains("Ke hoach so 12"), "{}", got.text);
}
