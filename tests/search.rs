//! Search quality over the embedded corpus: each citation form returns
//! exactly the documents that cite the named document (expected sets
//! written by hand from reading corpus/), and free text behaves.

use congvan::index::{Index, IndexOptions, SearchOptions};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

const D0: &str = "000_b2fc0b6fbb2c88b4.txt";
const D1: &str = "001_b49d4a18a3a41cad.txt";
const D2: &str = "002_6ee8ebe2bd49f0b4.txt";
const D3: &str = "003_571429276f528796.txt";
const D4: &str = "004_539a495d19e89395.txt";

struct Fixture {
    _dir: tempfile::TempDir,
    index: Index,
}

fn corpus_index() -> &'static Index {
    static F: OnceLock<Fixture> = OnceLock::new();
    &F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::create(dir.path()).unwrap();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let report = index
            .add_paths(&[corpus], &IndexOptions::default())
            .unwrap();
        assert_eq!(report.indexed(), 5, "{:?}", report.failed);
        Fixture { _dir: dir, index }
    })
    .index
}

fn names(index: &Index, q: &str, opts: &SearchOptions) -> Vec<String> {
    index
        .search_with(q, opts)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
        .iter()
        .map(|h| {
            Path::new(&h.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn check(queries: &[&str], expected: &[&str]) {
    let index = corpus_index();
    let want: BTreeSet<&str> = expected.iter().copied().collect();
    for q in queries {
        let got = names(index, q, &SearchOptions::default());
        let set: BTreeSet<&str> = got.iter().map(String::as_str).collect();
        assert_eq!(set, want, "query {q:?}");
        assert_eq!(got.len(), set.len(), "query {q:?}: duplicate hits");
    }
}

#[test]
fn nghi_quyet_71() {
    check(
        &[
            "Nghị quyết 71",
            "NQ 71",
            "nghi quyet 71",
            "71-NQ/TW",
            "Nghị quyết số 71-NQ/TW",
            "71 - NQ/TW",
            "71–NQ/TW",
            "71-NQ/TW,",
            "71-nq/tw",
            "NGHỊ QUYẾT SỐ 71",
            "Nghị quyết 71 của Bộ Chính trị",
            "Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị",
        ],
        &[D0, D1, D2],
    );
}

#[test]
fn chuong_trinh_02() {
    check(
        &[
            "Chương trình 02",
            "Chương trình hành động 02",
            "CTr 02",
            "02-CTr/TU",
            "chuong trinh 02",
        ],
        &[D0, D1, D2],
    );
}

#[test]
fn party_and_state_resolutions() {
    check(
        &[
            "57-NQ/TW",
            "Nghị quyết 57",
            "NQ 57",
            "nghi quyet 57",
            "Nghị quyết số 57-NQ/TW",
            "Nghị quyết 57 năm 2024",
        ],
        &[D3],
    );
    check(
        &[
            "281/NQ-CP",
            "Nghị quyết 281",
            "NQ 281",
            "Nghị quyết số 281/NQ-CP",
        ],
        &[D2],
    );
    check(&["Nghị quyết 04", "04-NQ/TU", "NQ 4"], &[D4]);
    check(&["Nghị quyết 06", "06-NQ/TW"], &[D4]);
    check(&["148/NQ-CP", "Nghị quyết 148"], &[D4]);
}

#[test]
fn letters() {
    check(
        &[
            "Công văn 279",
            "CV 279",
            "279-CV/VPĐU",
            "279-CV/VPÐU",
            "279-CV/VPDU",
        ],
        &[D0],
    );
    check(&["379-CV/VPĐU", "Công văn 379", "Văn bản 379"], &[D3]);
    check(
        &[
            "11494/VP-VX",
            "Văn bản 11494",
            "Công văn 11494",
            "Công văn 11494/VP-VX",
            "CV 11494",
        ],
        &[D3],
    );
    check(&["Văn bản 3824", "3824/VP-QH"], &[D4]);
}

#[test]
fn plans_circulars_conclusions() {
    check(&["Kế hoạch 255", "255/KH-BGDĐT", "255/KH-BGDDT"], &[D2]);
    check(&["Kế hoạch 547", "547/KH-UBND", "KH 547"], &[D2]);
    check(
        &[
            "Thông tư 02/2025",
            "Thông tư 02",
            "02/2025/TT-BGDĐT",
            "TT 02",
        ],
        &[D1],
    );
    check(&["Kế hoạch 02", "02-KH/BCĐTW"], &[D3]);
    check(&["Kế hoạch 01", "01-KH/BCĐ"], &[D3]);
    check(&["Kết luận 334", "334-KL/TU"], &[D4]);
    check(&["Chương trình 59", "59-CTr/TU"], &[D4]);
    check(&["Kế hoạch 08", "08/KH-UBND"], &[D4]);
}

#[test]
fn nothing_cites_it() {
    let index = corpus_index();
    for q in ["99-NQ/TW", "9999/QĐ-UBND"] {
        assert!(index.search(q).unwrap().hits.is_empty(), "{q}");
    }
}

#[test]
fn matched_references_and_refs() {
    let index = corpus_index();
    let res = index.search("Nghị quyết 71").unwrap();
    assert!(!res.ambiguous);
    for h in &res.hits {
        assert_eq!(h.matched_references, ["71-NQ/TW"]);
    }
    let res = index.refs("71-NQ/TW").unwrap();
    assert_eq!(res.hits.len(), 3);
    assert!(res
        .hits
        .iter()
        .all(|h| h.relation.map(|r| r.as_str()) == Some("implements")));
    // The relation printed is the parser's, whatever it decides.
    let doc = congvan::parse_path(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .join(D4),
    )
    .unwrap();
    let parsed = doc
        .references
        .iter()
        .find(|r| r.code.as_deref() == Some("08/KH-UBND"))
        .unwrap()
        .relation;
    let res = index.refs("08/KH-UBND").unwrap();
    assert_eq!(res.hits[0].relation, Some(parsed));
    assert!(index.refs("hello").is_err());
}

#[test]
fn full_text() {
    check(&["chuyển đổi số", "chuyen doi so"], &[D1, D3]);
    check(&["trí tuệ nhân tạo", "tri tue nhan tao"], &[D1]);
    check(&["Đảng uỷ", "Đảng ủy", "dang uy"], &[D0, D1, D3]);
    check(
        &["Cộng hoà xã hội chủ nghĩa", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"],
        &[D0, D3],
    );
    check(&["UBND", "ủy ban nhân dân"], &[D0, D1, D2, D3, D4]);
    check(&["quốc sách hàng đầu", "\"quốc sách\""], &[D1, D2]);
    check(&["đô thị"], &[D4]);
    check(&["dịch vụ công"], &[D1, D3]);
}

#[test]
fn free_text_never_errors() {
    let index = corpus_index();
    for q in [
        "Số: 279",
        "\"unbalanced",
        "AND",
        "OR NOT",
        "",
        "   ",
        "((",
        "*",
        "-",
        ":",
        "\"\"",
        "giáo AND dục",
        "a\u{0}b",
        "ﷺ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ] {
        index
            .search(q)
            .unwrap_or_else(|e| panic!("{q:?} failed: {e}"));
    }
    // `Số: 279` is free text and finds the document that writes `số 279-`.
    assert_eq!(
        names(index, "Số: 279", &SearchOptions::default()),
        [D0.to_string()]
    );
}

fn temp_index(docs: &[(&str, &str)]) -> (tempfile::TempDir, tempfile::TempDir, Index) {
    let src = tempfile::tempdir().unwrap();
    for (name, text) in docs {
        std::fs::write(src.path().join(name), text).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    index
        .add_paths(&[src.path()], &IndexOptions::default())
        .unwrap();
    (src, dir, index)
}

fn base(p: &str) -> String {
    Path::new(p)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn exact_accents_and_adjacency_rank_first() {
    let (_s, _d, index) = temp_index(&[
        (
            "folded.txt",
            "Bao cao ve giao duc nghe nghiep va giao duc pho thong.\n",
        ),
        ("exact.txt", "Báo cáo về giáo dục nghề nghiệp.\n"),
        (
            "apart.txt",
            "Giáo viên được giao nhiệm vụ; chất lượng được nâng lên; đạo đức được giáo dục.\n",
        ),
        (
            "far.txt",
            "Sở giao nhiệm vụ cho các trường. Học sinh phải dục tốc bất đạt.\n",
        ),
    ]);
    let hits: Vec<String> = index
        .search("giáo dục")
        .unwrap()
        .hits
        .iter()
        .map(|h| base(&h.path))
        .collect();
    assert_eq!(hits[0], "exact.txt", "{hits:?}");
    assert!(hits.contains(&"folded.txt".to_string()), "{hits:?}");
    assert!(!hits.contains(&"far.txt".to_string()), "{hits:?}");
    // Unaccented query: both spellings match.
    let hits: Vec<String> = index
        .search("giao duc nghe nghiep")
        .unwrap()
        .hits
        .iter()
        .map(|h| base(&h.path))
        .collect();
    assert_eq!(
        hits.iter().collect::<BTreeSet<_>>(),
        BTreeSet::from([&"exact.txt".to_string(), &"folded.txt".to_string()])
    );
    // No phrase anywhere: documents with both syllables, adjacent ones first.
    let hits: Vec<String> = index
        .search("dục giao")
        .unwrap()
        .hits
        .iter()
        .map(|h| base(&h.path))
        .collect();
    assert!(hits.contains(&"far.txt".to_string()), "{hits:?}");
}

#[test]
fn filters() {
    let index = corpus_index();
    let kh = SearchOptions {
        doc_type: Some("KH".into()),
        ..Default::default()
    };
    assert_eq!(names(index, "giáo dục", &kh), [D1]);
    let kh_name = SearchOptions {
        doc_type: Some("Kế hoạch".into()),
        ..Default::default()
    };
    assert_eq!(names(index, "Nghị quyết 71", &kh_name), [D1]);
    let y2026 = SearchOptions {
        from: Some("2026-01-01".into()),
        to: Some("2026-12-31".into()),
        ..Default::default()
    };
    assert_eq!(names(index, "Nghị quyết 71", &y2026), [D2]);
    let y2024 = SearchOptions {
        to: Some("2024-12-31".into()),
        ..Default::default()
    };
    assert_eq!(names(index, "giáo dục", &y2024), [D4]);
    let issuer = SearchOptions {
        issuer: Some("Sở Giáo dục và Đào tạo".into()),
        ..Default::default()
    };
    assert_eq!(names(index, "Nghị quyết 57", &issuer), [D3]);
    let bad = SearchOptions {
        from: Some("yesterday".into()),
        ..Default::default()
    };
    assert!(index.search_with("x", &bad).is_err());
}

#[test]
fn ambiguous_short_citation() {
    let docs = tempfile::tempdir().unwrap();
    let a = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 10/UBND-VX\nV/v triển khai\n\
             Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị.\n";
    let b = "ỦY BAN NHÂN DÂN TỈNH Y\nSố: 11/UBND-KT\nV/v triển khai\n\
             Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ.\n";
    let c = "ỦY BAN NHÂN DÂN TỈNH Z\nSố: 12/UBND-KT\nV/v phối hợp\n\
             Triển khai Nghị quyết số 71/NQ-CP của Chính phủ và Nghị quyết số 71-NQ/TW của Bộ Chính trị.\n";
    std::fs::write(docs.path().join("a.txt"), a).unwrap();
    std::fs::write(docs.path().join("b.txt"), b).unwrap();
    std::fs::write(docs.path().join("c.txt"), c).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    index
        .add_paths(&[docs.path()], &IndexOptions::default())
        .unwrap();
    let res = index.search("Nghị quyết 71").unwrap();
    assert!(res.ambiguous);
    let keys: BTreeSet<&str> = res.groups.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, BTreeSet::from(["71-NQ/TW", "71/NQ-CP"]));
    assert_eq!(res.hits.len(), 3);
    let c_hit = res.hits.iter().find(|h| base(&h.path) == "c.txt").unwrap();
    assert_eq!(c_hit.matched_references.len(), 2);

    let only = |q: &str| -> BTreeSet<String> {
        index
            .search(q)
            .unwrap()
            .hits
            .iter()
            .map(|h| base(&h.path))
            .collect()
    };
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(only("71/NQ-CP"), set(&["b.txt", "c.txt"]));
    assert_eq!(only("71-NQ/TW"), set(&["a.txt", "c.txt"]));
    assert_eq!(
        only("Nghị quyết 71 của Chính phủ"),
        set(&["b.txt", "c.txt"])
    );
    assert_eq!(
        only("Nghị quyết 71 của Bộ Chính trị"),
        set(&["a.txt", "c.txt"])
    );
    assert!(!index.search("71/NQ-CP").unwrap().ambiguous);
}

/// A Party `Quy định` carries `QĐ` in its symbol (`69-QĐ/TW`); it is found
/// by its kind's name, its code and the state abbreviation alike.
#[test]
fn party_quy_dinh_by_name_and_code() {
    let (_src, _dir, index) = temp_index(&[(
        "a.txt",
        "ỦY BAN NHÂN DÂN TỈNH X\nSố: 10/UBND-VX\nV/v bảo vệ bí mật nhà nước\n\
         Thực hiện Quy định số 69-QĐ/TW ngày 06/7/2022 của Ban Chấp hành Trung ương.\n",
    )]);
    for q in ["Quy định 69", "quy dinh 69", "69-QĐ/TW", "QĐ 69"] {
        let res = index.search(q).unwrap();
        let hits: Vec<String> = res.hits.iter().map(|h| base(&h.path)).collect();
        assert_eq!(hits, vec!["a.txt"], "{q}");
        assert!(!res.fallback, "{q}: found by the citation, not by text");
    }
}
