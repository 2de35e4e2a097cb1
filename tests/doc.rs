//! Word 97 `.doc`: files built here (compound file with the `cfb` crate, a
//! FIB, a piece table mixing cp1252 and UTF-16 pieces, fields, table marks),
//! a TCVN3 (.VnTime) document, encrypted and Word 95 files, mutated bytes,
//! and the real files compared with antiword where it is installed.

use congvan::ingest::ingest;
use congvan::IngestError;
use proptest::prelude::*;
use std::io::Write;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `.doc`: `pieces` are (text, stored as 8-bit cp1252?). `nfib` and
/// `flags` go into the FIB as given (0x0200 = the 1Table stream).
fn make_doc(pieces: &[(&str, bool)], nfib: u16, flags: u16, ident: u16) -> Vec<u8> {
    let mut wd = vec![0u8; 0x800];
    wd[0..2].copy_from_slice(&ident.to_le_bytes());
    wd[2..4].copy_from_slice(&nfib.to_le_bytes());
    wd[0x0A..0x0C].copy_from_slice(&flags.to_le_bytes());
    wd[0x20..0x22].copy_from_slice(&14u16.to_le_bytes()); // csw
    wd[0x3E..0x40].copy_from_slice(&22u16.to_le_bytes()); // cslw
    wd[0x98..0x9A].copy_from_slice(&93u16.to_le_bytes()); // cbRgFcLcb
    let mut cps = vec![0u32];
    let mut pcds = Vec::new();
    for (text, compressed) in pieces {
        let fc = wd.len() as u32;
        let n = if *compressed {
            let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(text);
            assert!(!bad, "not cp1252: {text}");
            wd.extend_from_slice(&bytes);
            bytes.len()
        } else {
            let units: Vec<u16> = text.encode_utf16().collect();
            units.iter().for_each(|u| wd.extend(u.to_le_bytes()));
            units.len()
        };
        cps.push(cps.last().copied().unwrap_or(0) + n as u32);
        let fc_field = if *compressed {
            (fc * 2) | 0x4000_0000
        } else {
            fc
        };
        pcds.push(fc_field);
    }
    let ccp_text = *cps.last().unwrap_or(&0);
    wd[0x4C..0x50].copy_from_slice(&ccp_text.to_le_bytes());
    let mut plc = Vec::new();
    cps.iter().for_each(|c| plc.extend(c.to_le_bytes()));
    for fc in pcds {
        plc.extend(0u16.to_le_bytes());
        plc.extend(fc.to_le_bytes());
        plc.extend(0u16.to_le_bytes());
    }
    // A Prc first (property modifiers are skipped), then the Pcdt.
    let mut table = vec![0u8; 16];
    let fc_clx = table.len() as u32;
    table.extend([0x01, 0x02, 0x00, 0xAA, 0xBB]);
    table.push(0x02);
    table.extend((plc.len() as u32).to_le_bytes());
    table.extend(&plc);
    let lcb_clx = table.len() as u32 - fc_clx;
    wd[0x1A2..0x1A6].copy_from_slice(&fc_clx.to_le_bytes());
    wd[0x1A6..0x1AA].copy_from_slice(&lcb_clx.to_le_bytes());
    let table_name = if flags & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("cfb");
    cf.create_stream("/WordDocument")
        .expect("stream")
        .write_all(&wd)
        .expect("write");
    cf.create_stream(table_name)
        .expect("stream")
        .write_all(&table)
        .expect("write");
    cf.flush().expect("flush");
    cf.into_inner().into_inner()
}

/// A Vietnamese letter as Word stores it: the header in a table (cells and
/// a row end), the number in a cp1252 piece, the rest in UTF-16, a field
/// whose code is dropped and result kept, a page-number field in the body.
fn letter() -> Vec<u8> {
    make_doc(
        &[
            (
                "ỦY BAN NHÂN DÂN\rTỈNH BÌNH DƯƠNG\x07CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\rĐộc lập - Tự do - Hạnh phúc\x07\x07",
                false,
            ),
            ("So: 15/2009/CT-UBND\x07", true),
            (
                "Thủ Dầu Một, ngày 15 tháng 4 năm 2009\x07\x07\rCHỈ THỊ\rVề việc đẩy mạnh cải cách hành chính\r\
                 Căn cứ \u{13} HYPERLINK \"http://x\" \u{14}Nghị quyết số 30c/NQ-CP\u{15} ngày 08/11/2011 của Chính phủ;\r\
                 Trang \u{13} PAGE \u{14}1\u{15}\x0BChủ tịch Ủy ban nhân dân tỉnh chỉ thị:\r",
                false,
            ),
        ],
        0x00C1,
        0x0200,
        0xA5EC,
    )
}

#[test]
fn pieces_fields_and_tables() {
    let got = ingest(&letter(), "letter.doc").expect("reads");
    assert_eq!(got.format, "doc");
    let lines: Vec<&str> = got.text.lines().collect();
    assert_eq!(lines[0], "ỦY BAN NHÂN DÂN");
    assert_eq!(lines[2], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(lines[4], "", "a row end is a blank line: {lines:?}");
    assert!(got.text.contains("So: 15/2009/CT-UBND\n"), "{}", got.text);
    assert!(
        got.text.contains("Căn cứ Nghị quyết số 30c/NQ-CP ngày"),
        "{}",
        got.text
    );
    assert!(!got.text.contains("HYPERLINK"), "{}", got.text);
    assert!(got.text.contains("Trang 1\nChủ tịch"), "{}", got.text);
    let doc = congvan::parse_bytes(&letter(), "letter.doc").expect("parses");
    assert_eq!(doc.source.format, "doc");
    assert_eq!(doc.doc_type.map(|t| t.code).as_deref(), Some("CT"));
    assert_eq!(doc.number.seq.as_deref(), Some("15"));
    assert_eq!(doc.date.day, Some(15));
    assert_eq!(
        doc.references
            .first()
            .and_then(|r| r.code.clone())
            .as_deref(),
        Some("30c/NQ-CP")
    );
}

#[test]
fn tcvn3_text_in_a_doc_is_converted() {
    // A document typed in .VnTime: Word stores the TCVN3 bytes as cp1252
    // letters (`Céng hßa`).
    let path = root().join("fixtures/ingest/variants/000_b2fc0b6fbb2c88b4-tcvn3.txt");
    let Ok(mojibake) = std::fs::read_to_string(&path) else {
        println!("skipped: {} not present", path.display());
        return;
    };
    // Keep what cp1252 can store (as Word would) and use Word's marks.
    let text: String = mojibake
        .chars()
        .filter(|c| {
            let mut b = [0u8; 4];
            !encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut b)).2
        })
        .map(|c| if c == '\n' { '\r' } else { c })
        .collect();
    let bytes = make_doc(&[(&text, true)], 0x00C1, 0, 0xA5EC);
    let got = ingest(&bytes, "vntime.doc").expect("reads");
    assert_eq!(
        got.encoding,
        "tcvn3",
        "{}",
        &got.text[..200.min(got.text.len())]
    );
    assert!(
        got.text.contains("CỘNG HÒA") || got.text.contains("CỘNG HOÀ"),
        "{}",
        &got.text[..300]
    );
}

#[test]
fn encrypted_and_word95_are_refused_in_one_line() {
    let enc = make_doc(&[("Số: 1/UBND\r", false)], 0x00C1, 0x0100 | 0x0200, 0xA5EC);
    let err = congvan::parse_bytes(&enc, "secret.doc").expect_err("encrypted");
    let msg = err.to_string();
    assert!(
        msg.starts_with("secret.doc: ") && msg.contains("encrypted"),
        "{msg}"
    );
    assert!(!msg.contains('\n'), "{msg}");
    let w95 = make_doc(&[("So: 1/UBND\r", true)], 0x0065, 0, 0xA5EC);
    let msg = congvan::parse_bytes(&w95, "old.doc")
        .expect_err("word 95")
        .to_string();
    assert!(
        msg.starts_with("old.doc: ") && msg.contains("Word 6/95"),
        "{msg}"
    );
    assert!(!msg.contains('\n'), "{msg}");
    let w2 = make_doc(&[("So: 1/UBND\r", true)], 0x0065, 0, 0xA5DC);
    let msg = congvan::parse_bytes(&w2, "old2.doc")
        .expect_err("word 6")
        .to_string();
    assert!(msg.contains("Word 6/95"), "{msg}");
    // Another OLE2 file (no WordDocument stream).
    let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("cfb");
    cf.create_stream("/Workbook")
        .expect("s")
        .write_all(b"x")
        .expect("w");
    cf.flush().expect("flush");
    let xls = cf.into_inner().into_inner();
    let msg = congvan::parse_bytes(&xls, "book.xls")
        .expect_err("xls")
        .to_string();
    assert!(msg.contains("Excel"), "{msg}");
}

fn antiword(path: &std::path::Path) -> Option<String> {
    let out = std::process::Command::new("antiword")
        .args(["-w", "0"])
        .arg(path)
        .env("LANG", "C.UTF-8")
        .args(["-m", "UTF-8.txt"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn real_doc_files_read_like_antiword() {
    let dir = root().join("../shared/real/files");
    if !dir.exists() {
        println!("skipped: {} not present", dir.display());
        return;
    }
    for (file, code, seq, year, day, signer) in [
        (
            "f10_binhduong-09-2009-ct-ubnd.doc",
            "CT",
            "09",
            2009,
            15,
            "Nguyễn Văn Hiệp",
        ),
        (
            "f11_ttg-93-2007-qd.doc",
            "QĐ",
            "93",
            2007,
            22,
            "Nguyễn Tấn Dũng",
        ),
    ] {
        let path = dir.join(file);
        let doc = congvan::parse_path(&path).expect(file);
        assert_eq!(doc.source.format, "doc");
        assert_eq!(
            doc.doc_type.as_ref().map(|t| t.code.as_str()),
            Some(code),
            "{file}"
        );
        assert_eq!(doc.number.seq.as_deref(), Some(seq), "{file}");
        assert_eq!(doc.date.year, Some(year), "{file}");
        assert_eq!(doc.date.day, Some(day), "{file}");
        assert!(doc.subject.is_some(), "{file}");
        // f10 signs in a tab-laid block, f11 after many empty paragraphs.
        assert_eq!(doc.signer.name.as_deref(), Some(signer), "{file}");
        let Some(theirs) = antiword(&path) else {
            println!("{file}: antiword not installed, comparison skipped");
            continue;
        };
        let ours = congvan::normalized_text(&path).expect("text");
        let ours: std::collections::HashSet<String> = words(&ours).into_iter().collect();
        let theirs = words(&theirs);
        let found = theirs.iter().filter(|w| ours.contains(*w)).count();
        let recall = found as f64 / theirs.len().max(1) as f64;
        println!(
            "{file}: {found}/{} of antiword's words ({recall:.3})",
            theirs.len()
        );
        assert!(recall > 0.97, "{file}: word recall vs antiword {recall:.3}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_docs_never_panic_or_hang(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..32),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = letter();
        for (at, bit) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= 1 << (bit % 8);
        }
        if let Some(c) = cut {
            let n = c.index(bytes.len() + 1);
            bytes.truncate(n);
        }
        let start = std::time::Instant::now();
        let _ = ingest(&bytes, "m.doc");
        let _ = congvan::parse_bytes(&bytes, "m.doc");
        prop_assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn mutated_fib_and_piece_table_never_panic(
        at in 0usize..0x200,
        value in any::<u32>(),
    ) {
        // Damage the FIB or the piece table directly (a flipped bit in the
        // compound file's own structures mostly stops cfb early).
        let mut bytes = letter();
        let pos = bytes.windows(2).position(|w| w == [0xEC, 0xA5]).unwrap_or(0) + at;
        if pos + 4 <= bytes.len() {
            bytes[pos..pos + 4].copy_from_slice(&value.to_le_bytes());
        }
        let _ = congvan::parse_bytes(&bytes, "m.doc");
    }
}

#[test]
fn mutated_real_docs_never_panic() {
    let path = root().join("../shared/real/files/f11_ttg-93-2007-qd.doc");
    let Ok(orig) = std::fs::read(&path) else {
        println!("skipped: {} not present", path.display());
        return;
    };
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..40 {
        let mut b = orig.clone();
        for _ in 0..16 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x as usize) % b.len();
            b[i] ^= 1 << (x % 8);
        }
        let _ = congvan::parse_bytes(&b, "m.doc");
    }
    assert!(matches!(
        ingest(&orig[..orig.len() / 3], "cut.doc"),
        Err(_) | Ok(_)
    ));
    let _: Option<IngestError> = None;
}
