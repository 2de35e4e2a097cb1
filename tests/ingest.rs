//! Ingest: legacy encodings letter by letter, error paths through the
//! binary (malformed PDFs, broken DOCX, a zip bomb, unsupported formats),
//! batches of good and bad files, and mutated-input robustness.

use congvan::ingest::legacy::{decode_tcvn3, decode_vni, units_from_bytes};
use congvan::ingest::{ingest, legacy};
use congvan::IngestError;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures/ingest").join(rel)
}

// ---------------------------------------------------------------------------
// Every Vietnamese letter, hand-written in TCVN3 and VNI bytes

/// (TCVN3 bytes, expected): each letter as its own word, after `x` (lower
/// case) or `X` (upper case) so that the VN1 capitals in the control and
/// 0x80–0x9F ranges sit inside an upper-case word, where they occur.
const TCVN3_ROWS: &[(&[u8], &str)] = &[
    (b"x\xB5 x\xB6 x\xB7 x\xB8 x\xB9", "xà xả xã xá xạ"),
    (b"x\xA8 x\xBB x\xBC x\xBD x\xBE x\xC6", "xă xằ xẳ xẵ xắ xặ"),
    (b"x\xA9 x\xC7 x\xC8 x\xC9 x\xCA x\xCB", "xâ xầ xẩ xẫ xấ xậ"),
    (b"x\xCC x\xCE x\xCF x\xD0 x\xD1", "xè xẻ xẽ xé xẹ"),
    (b"x\xAA x\xD2 x\xD3 x\xD4 x\xD5 x\xD6", "xê xề xể xễ xế xệ"),
    (b"x\xD7 x\xD8 x\xDC x\xDD x\xDE", "xì xỉ xĩ xí xị"),
    (b"x\xDF x\xE1 x\xE2 x\xE3 x\xE4", "xò xỏ xõ xó xọ"),
    (b"x\xAB x\xE5 x\xE6 x\xE7 x\xE8 x\xE9", "xô xồ xổ xỗ xố xộ"),
    (b"x\xAC x\xEA x\xEB x\xEC x\xED x\xEE", "xơ xờ xở xỡ xớ xợ"),
    (b"x\xEF x\xF1 x\xF2 x\xF3 x\xF4", "xù xủ xũ xú xụ"),
    (b"x\xAD x\xF5 x\xF6 x\xF7 x\xF8 x\xF9", "xư xừ xử xữ xứ xự"),
    (b"x\xFA x\xFB x\xFC x\xFD x\xFE", "xỳ xỷ xỹ xý xỵ"),
    (b"x\xAE", "xđ"),
    (b"X\x80 X\x81 X\x82 X\x83 X\x84", "XÀ XẢ XÃ XÁ XẠ"),
    (b"X\xA1 X\xAF X\xBA X\xBF X\xC0 X\x85", "XĂ XẰ XẲ XẴ XẮ XẶ"),
    (b"X\xA2 X\xC1 X\xC2 X\xC3 X\xC4 X\x86", "XÂ XẦ XẨ XẪ XẤ XẬ"),
    (b"X\x87 X\x88 X\x89 X\x8A X\x8B", "XÈ XẺ XẼ XÉ XẸ"),
    (b"X\xA3 X\xC5 X\xCD X\xD9 X\xDA X\x8C", "XÊ XỀ XỂ XỄ XẾ XỆ"),
    (b"X\x8D X\x8E X\x8F X\x90 X\x91", "XÌ XỈ XĨ XÍ XỊ"),
    (b"X\x92 X\x93 X\x94 X\x95 X\x96", "XÒ XỎ XÕ XÓ XỌ"),
    (b"X\xA4 X\xDB X\xE0 X\xF0 X\xFF X\x97", "XÔ XỒ XỔ XỖ XỐ XỘ"),
    (b"X\xA5 X\x98 X\x99 X\x9A X\x9B X\x9C", "XƠ XỜ XỞ XỠ XỚ XỢ"),
    (b"X\x9D X\x9E X\x9F X\x01 X\x02", "XÙ XỦ XŨ XÚ XỤ"),
    (b"X\xA6 X\x04 X\x05 X\x06 X\x11 X\x12", "XƯ XỪ XỬ XỮ XỨ XỰ"),
    (b"X\x13 X\x14 X\x15 X\x16 X\x17", "XỲ XỶ XỸ XÝ XỴ"),
    (b"X\xA7", "XĐ"),
];

/// (VNI-Windows bytes, expected): base letter plus mark byte, or one byte.
const VNI_ROWS: &[(&[u8], &str)] = &[
    (b"a\xF8 a\xFB a\xF5 a\xF9 a\xEF", "à ả ã á ạ"),
    (b"a\xEA a\xE8 a\xFA a\xFC a\xE9 a\xEB", "ă ằ ẳ ẵ ắ ặ"),
    (b"a\xE2 a\xE0 a\xE5 a\xE3 a\xE1 a\xE4", "â ầ ẩ ẫ ấ ậ"),
    (b"e\xF8 e\xFB e\xF5 e\xF9 e\xEF", "è ẻ ẽ é ẹ"),
    (b"e\xE2 e\xE0 e\xE5 e\xE3 e\xE1 e\xE4", "ê ề ể ễ ế ệ"),
    (b"\xEC \xE6 \xF3 \xED \xF2", "ì ỉ ĩ í ị"),
    (b"o\xF8 o\xFB o\xF5 o\xF9 o\xEF", "ò ỏ õ ó ọ"),
    (b"o\xE2 o\xE0 o\xE5 o\xE3 o\xE1 o\xE4", "ô ồ ổ ỗ ố ộ"),
    (
        b"\xF4 \xF4\xF8 \xF4\xFB \xF4\xF5 \xF4\xF9 \xF4\xEF",
        "ơ ờ ở ỡ ớ ợ",
    ),
    (b"u\xF8 u\xFB u\xF5 u\xF9 u\xEF", "ù ủ ũ ú ụ"),
    (
        b"\xF6 \xF6\xF8 \xF6\xFB \xF6\xF5 \xF6\xF9 \xF6\xEF",
        "ư ừ ử ữ ứ ự",
    ),
    (b"y\xF8 y\xFB y\xF5 y\xF9 \xEE", "ỳ ỷ ỹ ý ỵ"),
    (b"\xF1", "đ"),
    (b"A\xD8 A\xDB A\xD5 A\xD9 A\xCF", "À Ả Ã Á Ạ"),
    (b"A\xCA A\xC8 A\xDA A\xDC A\xC9 A\xCB", "Ă Ằ Ẳ Ẵ Ắ Ặ"),
    (b"A\xC2 A\xC0 A\xC5 A\xC3 A\xC1 A\xC4", "Â Ầ Ẩ Ẫ Ấ Ậ"),
    (b"E\xD8 E\xDB E\xD5 E\xD9 E\xCF", "È Ẻ Ẽ É Ẹ"),
    (b"E\xC2 E\xC0 E\xC5 E\xC3 E\xC1 E\xC4", "Ê Ề Ể Ễ Ế Ệ"),
    (b"\xCC \xC6 \xD3 \xCD \xD2", "Ì Ỉ Ĩ Í Ị"),
    (b"O\xD8 O\xDB O\xD5 O\xD9 O\xCF", "Ò Ỏ Õ Ó Ọ"),
    (b"O\xC2 O\xC0 O\xC5 O\xC3 O\xC1 O\xC4", "Ô Ồ Ổ Ỗ Ố Ộ"),
    (
        b"\xD4 \xD4\xD8 \xD4\xDB \xD4\xD5 \xD4\xD9 \xD4\xCF",
        "Ơ Ờ Ở Ỡ Ớ Ợ",
    ),
    (b"U\xD8 U\xDB U\xD5 U\xD9 U\xCF", "Ù Ủ Ũ Ú Ụ"),
    (
        b"\xD6 \xD6\xD8 \xD6\xDB \xD6\xD5 \xD6\xD9 \xD6\xCF",
        "Ư Ừ Ử Ữ Ứ Ự",
    ),
    (b"Y\xD8 Y\xDB Y\xD5 Y\xD9 \xCE", "Ỳ Ỷ Ỹ Ý Ỵ"),
    (b"\xD1", "Đ"),
];

/// The non-ASCII letters in a set of expected strings.
fn letters(rows: &[(&[u8], &str)]) -> BTreeSet<char> {
    rows.iter()
        .flat_map(|(_, s)| s.chars())
        .filter(|c| !c.is_ascii())
        .collect()
}

#[test]
fn tcvn3_every_letter() {
    for (bytes, want) in TCVN3_ROWS {
        assert_eq!(decode_tcvn3(&units_from_bytes(bytes)), *want);
    }
    assert_eq!(letters(TCVN3_ROWS).len(), 134);
}

#[test]
fn vni_every_letter() {
    for (bytes, want) in VNI_ROWS {
        assert_eq!(decode_vni(&units_from_bytes(bytes)), *want);
    }
    assert_eq!(letters(VNI_ROWS).len(), 134);
    assert_eq!(letters(VNI_ROWS), letters(TCVN3_ROWS));
}

#[test]
fn legacy_sentences_are_detected_in_raw_bytes() {
    // "Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập – Tự do – Hạnh phúc" and
    // a little more, written by hand in each encoding.
    let want = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. \
                Kính gửi các sở, ban, ngành của thành phố";
    let tcvn3: &[u8] = b"C\xE9ng h\xDFa x\xB7 h\xE9i ch\xF1 ngh\xDCa Vi\xD6t Nam. \
        \xA7\xE9c l\xCBp - T\xF9 do - H\xB9nh ph\xF3c. K\xDDnh g\xF6i c\xB8c s\xEB, ban, \
        ng\xB5nh c\xF1a th\xB5nh ph\xE8";
    let vni: &[u8] = b"Co\xE4ng ho\xF8a xa\xF5 ho\xE4i chu\xFB ngh\xF3a Vie\xE4t Nam. \
        \xD1o\xE4c la\xE4p - T\xF6\xEF do - Ha\xEFnh phu\xF9c. K\xEDnh g\xF6\xFBi ca\xF9c s\xF4\xFB, ban, \
        nga\xF8nh cu\xFBa tha\xF8nh pho\xE1";
    for (bytes, enc) in [(tcvn3, "tcvn3"), (vni, "vni")] {
        let got = ingest(bytes, "x.txt").expect("ingest");
        assert_eq!(got.encoding, enc);
        assert_eq!(got.text, want);
    }
    // The same text in CP1258 (tones as combining marks).
    let cp1258: &[u8] = b"C\xF4\xF2ng ho\xCCa xa\xDE h\xF4\xF2i chu\xD2 nghi\xDEa Vi\xEA\xF2t Nam. \
        \xD0\xF4\xF2c l\xE2\xF2p - T\xFD\xF2 do - Ha\xF2nh phu\xECc. Ki\xECnh g\xFD\xD2i ca\xECc s\xF5\xD2, ban, \
        nga\xCCnh cu\xD2a tha\xCCnh ph\xF4\xEC";
    let got = ingest(cp1258, "x.txt").expect("ingest");
    assert_eq!(got.encoding, "cp1258");
    let nfc = congvan::normalize::normalize(&got.text);
    assert_eq!(nfc, want);
}

#[test]
fn unicode_text_is_not_mistaken_for_legacy() {
    for text in [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Café à la carte, crème brûlée, déjà vu, naïve façade",
        "Số: 12/UBND-VX ngày 05/3/2025",
    ] {
        let got = ingest(text.as_bytes(), "x.txt").expect("ingest");
        assert_eq!(got.encoding, "utf-8", "{text}");
        assert_eq!(got.text, text);
    }
}

/// Check the tables against the published test vectors in
/// `../shared/real/encodings/` (skipped when that folder is absent).
#[test]
fn legacy_tables_match_published_vectors() {
    let dir = root().join("../shared/real/encodings");
    if !dir.exists() {
        println!("skipped: {} not present", dir.display());
        return;
    }
    let read = |name: &str| -> Vec<(Vec<u8>, String, String)> {
        let text = std::fs::read_to_string(dir.join(name)).expect("tsv");
        text.lines()
            .skip(1)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let hex = f.next()?;
                let uni = f.next()?.to_string();
                let src = f.next().unwrap_or("").to_string();
                let bytes = (0..hex.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                    .collect::<Option<Vec<u8>>>()?;
                Some((bytes, uni, src))
            })
            .collect()
    };
    let mut checked = 0;
    for (bytes, uni, src) in read("tcvn3_pairs.tsv") {
        if src.contains("non-standard") {
            continue;
        }
        if bytes.len() == 1 {
            let b = bytes[0];
            let want = if uni == "\u{a0}" {
                '\u{a0}'
            } else {
                uni.chars().next().unwrap_or('?')
            };
            assert_eq!(legacy::tcvn3_char(b), want, "TCVN3 byte {b:02X}");
        } else {
            assert_eq!(decode_tcvn3(&units_from_bytes(&bytes)), uni, "{src}");
        }
        checked += 1;
    }
    for (bytes, uni, src) in read("vni_pairs.tsv") {
        assert_eq!(
            decode_vni(&units_from_bytes(&bytes)),
            uni,
            "{bytes:02X?} {src}"
        );
        checked += 1;
    }
    for (bytes, uni, _) in read("cp1258_pairs.tsv") {
        let (got, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&bytes);
        assert_eq!(got, uni);
        checked += 1;
    }
    println!("checked {checked} published vectors");
    assert!(checked > 350);
}

// ---------------------------------------------------------------------------
// Formats and errors

/// A minimal PDF with one page whose content stream is `content`.
fn make_pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn pdf_without_text_layer_asks_for_ocr() {
    let pdf = make_pdf("q 100 0 0 100 50 50 cm 0 0 1 rg 0 0 1 1 re f Q");
    let err = ingest(&pdf, "scan.pdf").expect_err("no text");
    assert_eq!(err, IngestError::NoTextLayer);
    assert!(err.to_string().contains("no text layer; OCR it first"));
    // The same minimal PDF with text is read.
    let pdf = make_pdf(
        "BT /F1 12 Tf 72 700 Td (UBND TINH QUANG NINH) Tj 0 -20 Td (So: 12/UBND-VX) Tj ET",
    );
    let got = ingest(&pdf, "x.pdf").expect("text");
    assert_eq!(got.format, "pdf");
    assert_eq!(got.text, "UBND TINH QUANG NINH\nSo: 12/UBND-VX");
}

#[test]
fn page_numbers_do_not_leak() {
    let pdf = make_pdf(
        "BT /F1 12 Tf 72 700 Td (So: 12/UBND-VX) Tj 0 -14 Td (Kinh gui: cac so) Tj \
         ET BT /F1 10 Tf 290 40 Td (- 2 -) Tj ET",
    );
    let got = ingest(&pdf, "x.pdf").expect("text");
    assert_eq!(got.text, "So: 12/UBND-VX\nKinh gui: cac so");
}

#[test]
fn footnote_markers_do_not_leak() {
    let pdf = make_pdf(
        "BT /F1 12 Tf 72 700 Td (Nghi quyet so 71-NQ/TW) Tj /F1 7 Tf 5 Ts (1) Tj \
         /F1 12 Tf 0 Ts ( ngay 22/8/2025) Tj ET",
    );
    let got = ingest(&pdf, "x.pdf").expect("text");
    assert_eq!(got.text, "Nghi quyet so 71-NQ/TW ngay 22/8/2025");
}

#[test]
fn two_column_header_is_read_left_column_first() {
    let pdf = make_pdf(
        "BT /F1 12 Tf 60 780 Td (UBND TINH X) Tj 0 -15 Td (SO GIAO DUC) Tj \
         0 -15 Td (So: 12/SGD-VP) Tj ET \
         BT /F1 12 Tf 300 780 Td (CONG HOA XA HOI) Tj 0 -15 Td (Doc lap - Tu do) Tj \
         0 -15 Td (X, ngay 5 thang 3 nam 2025) Tj ET \
         BT /F1 12 Tf 60 700 Td (Kinh gui: cac don vi truc thuoc) Tj ET",
    );
    let got = ingest(&pdf, "x.pdf").expect("text");
    let lines: Vec<&str> = got.text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines,
        [
            "UBND TINH X",
            "SO GIAO DUC",
            "So: 12/SGD-VP",
            "CONG HOA XA HOI",
            "Doc lap - Tu do",
            "X, ngay 5 thang 3 nam 2025",
            "Kinh gui: cac don vi truc thuoc"
        ]
    );
}

#[test]
fn text_encodings_and_formats() {
    let s = "Số: 12/UBND ngày 5 tháng 3 năm 2025";
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(s.as_bytes());
    let got = ingest(&bom, "a.md").expect("utf-8 bom");
    assert_eq!(
        (got.text.as_str(), got.format, got.encoding),
        (s, "md", "utf-8")
    );
    let mut le = vec![0xFF, 0xFE];
    s.encode_utf16().for_each(|u| le.extend(u.to_le_bytes()));
    let got = ingest(&le, "a.txt").expect("utf-16le");
    assert_eq!((got.text.as_str(), got.encoding), (s, "utf-16le"));
    let mut be = vec![0xFE, 0xFF];
    s.encode_utf16().for_each(|u| be.extend(u.to_be_bytes()));
    let got = ingest(&be, "a.txt").expect("utf-16be");
    assert_eq!((got.text.as_str(), got.encoding), (s, "utf-16be"));
    // The format comes from the content, not the name.
    let pdf = std::fs::read(fixture("variants/000_b2fc0b6fbb2c88b4-serif.pdf")).expect("pdf");
    assert_eq!(ingest(&pdf, "misnamed.txt").map(|i| i.format), Ok("pdf"));
    let docx = std::fs::read(fixture("000_b2fc0b6fbb2c88b4.docx")).expect("docx");
    assert_eq!(ingest(&docx, "misnamed.pdf").map(|i| i.format), Ok("docx"));
    // Unsupported and binary inputs.
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0";
    assert!(matches!(ingest(ole, "a.doc"), Err(IngestError::Doc(_))));
    // An image goes to OCR: a broken one fails there (or asks for
    // Tesseract when it is missing).
    assert!(matches!(
        ingest(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a.png"),
        Err(IngestError::Ocr(_) | IngestError::OcrUnavailable(_))
    ));
    assert!(matches!(
        ingest(b"abc\0def\0", "a.bin"),
        Err(IngestError::NotText(_))
    ));
    assert_eq!(ingest(b"", "a.txt"), Err(IngestError::Empty));
}

/// A ZIP archive with the given entries (name, contents), deflated.
fn make_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(false);
        for (name, data) in entries {
            w.start_file(*name, opts).expect("zip entry");
            w.write_all(data).expect("zip write");
        }
        w.finish().expect("zip finish");
    }
    buf.into_inner()
}

fn zip_bomb() -> Vec<u8> {
    // 64 MiB of zeros inflate from about 64 KiB: a 1000:1 ratio.
    let zeros = vec![b' '; 64 << 20];
    make_zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", &zeros),
    ])
}

#[test]
fn docx_limits_and_damage() {
    let bomb = zip_bomb();
    assert!(matches!(
        ingest(&bomb, "bomb.docx"),
        Err(IngestError::ArchiveLimit(_))
    ));
    let not_docx = make_zip(&[("readme.txt", b"hello")]);
    assert!(matches!(
        ingest(&not_docx, "a.zip"),
        Err(IngestError::Unsupported(m)) if m.contains("word/document.xml")
    ));
    let good = std::fs::read(fixture("000_b2fc0b6fbb2c88b4.docx")).expect("docx");
    assert!(ingest(&good[..good.len() / 2], "t.docx").is_err());
    let mut garbage = b"PK\x03\x04".to_vec();
    garbage.extend((0..5000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    assert!(ingest(&garbage, "g.docx").is_err());
    let bad_xml = make_zip(&[("word/document.xml", b"<w:document><w:body><w:p><w:r><w:t>x")]);
    // Truncated XML keeps what was read.
    assert_eq!(
        ingest(&bad_xml, "x.docx").map(|i| i.text),
        Ok("x\n".to_string())
    );
}

// ---------------------------------------------------------------------------
// The binary: one-line errors naming the file, batches keep going

fn run(args: &[&Path]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
        .arg("parse")
        .args(args)
        .output()
        .expect("run congvan");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn malformed_inputs_fail_with_one_line_naming_the_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut bad: Vec<PathBuf> = std::fs::read_dir(fixture("malformed"))
        .expect("malformed/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    bad.sort();
    assert!(bad.len() >= 7);
    let good_docx = std::fs::read(fixture("000_b2fc0b6fbb2c88b4.docx")).expect("docx");
    let extra: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.docx", good_docx[..good_docx.len() / 3].to_vec()),
        ("garbage.docx", {
            let mut g = b"PK\x03\x04".to_vec();
            g.extend(std::iter::repeat_n(0x5Au8, 3000));
            g
        }),
        ("bomb.docx", zip_bomb()),
        ("scan.pdf", make_pdf("0 0 1 rg 10 10 100 100 re f")),
        (
            "old.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0".to_vec(),
        ),
    ];
    for (name, bytes) in &extra {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        bad.push(p);
    }
    for path in &bad {
        let (ok, stdout, stderr) = run(&[path]);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert!(!ok, "{name}: should fail");
        assert!(stdout.is_empty(), "{name}: {stdout}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{name}: {stderr}");
        assert!(lines[0].contains(&name), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        println!("{}", lines[0]);
    }
}

#[test]
fn batch_of_good_and_bad_files_prints_the_good_ones() {
    let files = [
        root().join("corpus/000_b2fc0b6fbb2c88b4.txt"),
        fixture("malformed/weird_encoding_name.pdf"),
        fixture("variants/001_b49d4a18a3a41cad-serif.pdf"),
        fixture("malformed/short_widths.pdf"),
        fixture("002_6ee8ebe2bd49f0b4.docx"),
        fixture("malformed/type0_no_descendant.pdf"),
    ];
    let args: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (ok, stdout, stderr) = run(&args);
    assert!(!ok);
    let docs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("NDJSON line"))
        .collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["source"]["format"], "txt");
    assert_eq!(docs[1]["source"]["format"], "pdf");
    assert_eq!(docs[2]["source"]["format"], "docx");
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// ---------------------------------------------------------------------------
// Mutated inputs: no reader panics

mod mutations {
    use super::*;
    use proptest::prelude::*;

    fn seeds() -> Vec<(&'static str, Vec<u8>)> {
        [
            "variants/000_b2fc0b6fbb2c88b4-serif.pdf",
            "variants/002_6ee8ebe2bd49f0b4-cairo.pdf",
            "000_b2fc0b6fbb2c88b4.docx",
            "variants/000_b2fc0b6fbb2c88b4-tcvn3.txt",
            "variants/000_b2fc0b6fbb2c88b4-vni.txt",
            "malformed/short_widths.pdf",
        ]
        .iter()
        .map(|rel| (*rel, std::fs::read(fixture(rel)).expect("fixture")))
        .collect()
    }

    fn cases() -> u32 {
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(24)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn mutated_fixtures_never_panic(
            which in 0usize..6,
            flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..24),
            cut in prop::option::of(any::<prop::sample::Index>()),
        ) {
            let all = seeds();
            let (name, mut bytes) = all[which].clone();
            for (at, bit) in flips {
                let i = at.index(bytes.len());
                bytes[i] ^= 1 << (bit % 8);
            }
            if let Some(c) = cut {
                let n = c.index(bytes.len() + 1);
                bytes.truncate(n);
            }
            // Any result is fine; panicking is not.
            let _ = ingest(&bytes, name);
            let _ = congvan::parse_bytes(&bytes, name);
        }

        #[test]
        fn mutated_docx_xml_never_panics(
            flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        ) {
            // Mutate inside the XML, then zip it again, so the XML reader
            // (not just the ZIP reader) sees the damage.
            let xml = br#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>UBND</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t xml:space="preserve">S&#7889;: 1</w:t><w:tab/><w:br/></w:r></w:p></w:body></w:document>"#;
            let mut xml = xml.to_vec();
            for (at, bit) in flips {
                let i = at.index(xml.len());
                xml[i] ^= 1 << (bit % 8);
            }
            let z = make_zip(&[("word/document.xml", &xml)]);
            let _ = ingest(&z, "m.docx");
        }
    }
}

// ---------------------------------------------------------------------------
// Real published files in ../shared/real/files (skipped when absent)

#[test]
fn real_files_give_sensible_results() {
    let dir = root().join("../shared/real/files");
    if !dir.exists() {
        println!("skipped: {} not present", dir.display());
        return;
    }
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".tsv") {
            continue;
        }
        n += 1;
        let result = congvan::parse_path(&path);
        if name.contains("-scan") {
            // Read by OCR when Tesseract is installed, else a clear error.
            match result {
                Ok(doc) => assert!(doc.source.ocr, "{name}: not marked as OCR"),
                Err(e) => {
                    let err = e.to_string();
                    assert!(
                        err.contains("apt-get install tesseract-ocr"),
                        "{name}: {err}"
                    );
                }
            }
        } else if name.ends_with(".doc") {
            let doc = result.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(doc.source.format, "doc", "{name}");
        } else {
            let doc = result.unwrap_or_else(|e| panic!("{name}: {e}"));
            println!(
                "{name}: {:?} {:?} {:?} {:?}",
                doc.doc_type.as_ref().map(|t| t.code.clone()),
                doc.number.raw,
                doc.date.raw,
                doc.issuer.name
            );
            assert!(doc.doc_type.is_some(), "{name}");
            assert!(doc.number.raw.is_some(), "{name}");
            assert!(doc.date.year.is_some(), "{name}");
            assert!(doc.issuer.name.is_some(), "{name}");
        }
    }
    assert!(n >= 10);
}

/// The same plan as a Word-made PDF (signature column on other baselines
/// than the `Nơi nhận` list, so their lines interleave) and as DOCX: the
/// signer and the distribution come out the same.
#[test]
fn real_pdf_signature_column_matches_its_docx() {
    let dir = root().join("../shared/real/files");
    let (pdf, docx) = (
        dir.join("f04_thptcl2-58-kh.pdf"),
        dir.join("f05_thptcl2-58-kh.docx"),
    );
    if !pdf.exists() || !docx.exists() {
        println!("skipped: {} not present", dir.display());
        return;
    }
    let a = congvan::parse_path(&pdf).expect("pdf");
    let b = congvan::parse_path(&docx).expect("docx");
    assert_eq!(a.signer.authority.as_deref(), Some("KT."));
    assert_eq!(a.signer.title.as_deref(), Some("Phó Hiệu trưởng"));
    assert_eq!(
        (&a.signer.on_behalf_of, &a.signer.title, &a.signer.name),
        (&b.signer.on_behalf_of, &b.signer.title, &b.signer.name)
    );
    let names = |d: &congvan::model::Document| -> Vec<String> {
        d.distribution.iter().map(|x| x.name.clone()).collect()
    };
    assert_eq!(names(&a), names(&b));
    assert_eq!(a.archive, b.archive);
}
