//! A query naming a document lists the document itself first (when it is
//! indexed), marked `role: document`, then the documents citing it; `refs`
//! lists only the citing ones.

use congvan::index::{Index, IndexOptions, Role};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_congvan");

const OWN: &str = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 4240/UBND-VX\n\
V/v triển khai công tác giáo dục mầm non\n\
Thành phố Hồ Chí Minh, ngày 12 tháng 8 năm 2025\n\
Kính gửi: Sở Giáo dục và Đào tạo\n\
Ủy ban nhân dân Thành phố đề nghị Sở Giáo dục và Đào tạo triển khai công tác giáo dục mầm non.\n\
Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n";

const CITING: &str = "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 77/SGDĐT-VP\n\
V/v thực hiện Công văn số 4240/UBND-VX\n\
Thành phố Hồ Chí Minh, ngày 20 tháng 8 năm 2025\n\
Kính gửi: Các trường mầm non\n\
Thực hiện Công văn số 4240/UBND-VX ngày 12/8/2025 của Ủy ban nhân dân Thành phố về giáo dục mầm non, \
Sở Giáo dục và Đào tạo đề nghị các trường thực hiện.\n\
Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Văn B\n";

fn build() -> (tempfile::TempDir, tempfile::TempDir) {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(docs.path().join("own.txt"), OWN).unwrap();
    std::fs::write(docs.path().join("citing.txt"), CITING).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    index
        .add_paths(&[docs.path()], &IndexOptions::default())
        .unwrap();
    (docs, dir)
}

fn name(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or(p)
}

#[test]
fn the_document_itself_first_then_citing() {
    let (_docs, dir) = build();
    let index = Index::open(dir.path()).unwrap();
    for q in [
        "Công văn 4240",
        "CV 4240",
        "cong van 4240",
        "4240/UBND-VX",
        "Công văn số 4240/UBND-VX",
    ] {
        let r = index.search(q).unwrap();
        let got: Vec<(&str, Role)> = r.hits.iter().map(|h| (name(&h.path), h.role)).collect();
        assert_eq!(
            got,
            [("own.txt", Role::Document), ("citing.txt", Role::Citing)],
            "{q}"
        );
        assert!(r.hits[0].matched_references.is_empty(), "{q}");
        assert!(!r.fallback, "{q}");
        assert_eq!(r.total, 2, "{q}");
    }
    // A year that is not the document's leaves it out.
    let r = index.search("Công văn 4240 năm 2019").unwrap();
    assert!(r.hits.iter().all(|h| h.role != Role::Document));
    // refs: only the citing ones.
    let r = index.refs("4240/UBND-VX").unwrap();
    let got: Vec<&str> = r.hits.iter().map(|h| name(&h.path)).collect();
    assert_eq!(got, ["citing.txt"]);
    // Nobody cites the citing letter: the document alone, not a fallback.
    let r = index.search("77/SGDĐT-VP").unwrap();
    assert_eq!(r.hits.len(), 1);
    assert_eq!(
        (name(&r.hits[0].path), r.hits[0].role),
        ("citing.txt", Role::Document)
    );
    assert!(!r.fallback);
}

#[test]
fn cli_json_marks_the_document() {
    let (_docs, dir) = build();
    let out = Command::new(BIN)
        .args(["search", "Công văn 4240", "--json", "--index"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["role"], "document");
    assert_eq!(lines[0]["code"], "4240/UBND-VX");
    assert_eq!(lines[1]["role"], "citing");
    assert_eq!(lines[1]["matched_references"][0], "4240/UBND-VX");
    let table = Command::new(BIN)
        .args(["search", "Công văn 4240", "--index"])
        .arg(dir.path())
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("the document itself"), "{table}");
    let refs = Command::new(BIN)
        .args(["refs", "4240/UBND-VX", "--json", "--index"])
        .arg(dir.path())
        .output()
        .unwrap();
    let refs = String::from_utf8(refs.stdout).unwrap();
    assert_eq!(refs.lines().count(), 1, "{refs}");
    assert!(refs.contains("\"role\":\"citing\""), "{refs}");
}
