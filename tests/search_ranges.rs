//! Citation queries read only the `ref_match` values of the number they
//! name (one dictionary range, decoded on first use and kept): numbers
//! that share a prefix (`7`, `71`, `710`) stay apart, a second number
//! queried in the same process is decoded then, a short form and a code
//! find the same citing documents with the same relation, and an index of
//! an older schema is refused with a clear message.

use congvan::index::Index;
use congvan::index::IndexOptions;

fn doc(own: &str, body: &str) -> String {
    format!(
        "UBND TỈNH QUẢNG NINH\nSỞ TÀI CHÍNH\nSố: {own}\nV/v triển khai nhiệm vụ\n\
         Quảng Ninh, ngày 05 tháng 3 năm 2025\nKính gửi: Các phòng ban.\n{body}\n\
         Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn An\n"
    )
}

fn paths(index: &Index, q: &str) -> Vec<String> {
    let mut v: Vec<String> = index
        .search(q)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
        .iter()
        .map(|h| {
            std::path::Path::new(&h.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn each_number_reads_its_own_range() {
    let docs = tempfile::tempdir().unwrap();
    let files = [
        (
            "a.txt",
            doc(
                "11/STC-NS",
                "Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về giáo dục.",
            ),
        ),
        (
            "b.txt",
            doc(
                "12/STC-NS",
                "Căn cứ Nghị quyết số 7/NQ-CP ngày 10/01/2025 của Chính phủ.",
            ),
        ),
        (
            "c.txt",
            doc(
                "13/STC-NS",
                "Căn cứ Nghị quyết số 710/NQ-CP ngày 10/01/2024 của Chính phủ; \
                 thực hiện Nghị quyết số 71-NQ/TW của Bộ Chính trị.",
            ),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(docs.path().join(name), text).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let report = index
        .add_paths(&[docs.path()], &IndexOptions::default())
        .unwrap();
    assert_eq!(report.indexed(), 3, "{:?}", report.failed);
    let index = Index::open(dir.path()).unwrap();

    assert_eq!(paths(&index, "71-NQ/TW"), ["a.txt", "c.txt"]);
    assert_eq!(paths(&index, "Nghị quyết 71"), ["a.txt", "c.txt"]);
    // Decoded after the first query, in the same process.
    assert_eq!(paths(&index, "7/NQ-CP"), ["b.txt"]);
    assert_eq!(paths(&index, "NQ 7"), ["b.txt"]);
    assert_eq!(paths(&index, "Nghị quyết 710"), ["c.txt"]);
    // Once decoded, the same answer again.
    assert_eq!(paths(&index, "71-NQ/TW"), ["a.txt", "c.txt"]);

    let refs = index.refs("71-NQ/TW").unwrap();
    assert_eq!(refs.hits.len(), 2);
    for h in &refs.hits {
        assert_eq!(h.matched_references, ["71-NQ/TW"], "{}", h.path);
        assert!(h.relation.is_some(), "{}", h.path);
    }
    let a = refs
        .hits
        .iter()
        .find(|h| h.path.ends_with("a.txt"))
        .unwrap();
    assert_eq!(a.relation.map(|r| r.as_str()), Some("implements"));
    let b = index.refs("7/NQ-CP").unwrap();
    assert_eq!(b.hits[0].relation.map(|r| r.as_str()), Some("basis"));
    // A year narrows the short form to the matching document.
    assert_eq!(paths(&index, "Nghị quyết 710 năm 2024"), ["c.txt"]);
}

#[test]
fn an_index_of_an_older_schema_is_refused() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(docs.path().join("a.txt"), doc("11/STC-NS", "Nội dung.")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    index
        .add_paths(&[docs.path()], &IndexOptions::default())
        .unwrap();
    drop(index);
    std::fs::write(
        dir.path().join("congvan-index.json"),
        r#"{"schema_version":4}"#,
    )
    .unwrap();
    let err = Index::open(dir.path()).unwrap_err().to_string();
    assert!(err.contains("not a congvan index of this version"), "{err}");
    assert!(err.contains(&dir.path().display().to_string()), "{err}");
}
