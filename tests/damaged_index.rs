//! A damaged index is an error or a `check` report, never a panic: each
//! damage is made on a fresh index of `corpus/`.

use congvan::index::{check, Index, IndexOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_congvan")
}

/// A fresh index of the corpus, and the id (file stem) of its segment.
fn fresh() -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    let index = Index::create(&dir).unwrap();
    index
        .add_paths(&[corpus()], &IndexOptions::default())
        .unwrap();
    drop(index);
    let seg = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "store"))
        .unwrap();
    let stem = seg.file_stem().unwrap().to_string_lossy().into_owned();
    assert!(check(&dir).unwrap().is_ok(), "fresh index is whole");
    (tmp, dir, stem)
}

fn one_line_error(e: congvan::Error, dir: &Path) {
    let msg = e.to_string();
    assert!(!msg.contains('\n'), "not one line: {msg}");
    assert!(
        msg.contains(&dir.display().to_string()),
        "does not name the folder: {msg}"
    );
}

/// Every open and query path returns (an answer or a one-line error).
fn exercise(dir: &Path) -> bool {
    let mut errors = 0;
    match Index::open(dir) {
        Err(e) => {
            one_line_error(e, dir);
            errors += 1;
        }
        Ok(index) => {
            for r in [
                index.search("Nghị quyết 71").map(|_| ()),
                index.search("giáo dục").map(|_| ()),
                index.refs("71-NQ/TW").map(|_| ()),
                index.documents().map(|_| ()),
                index.len().map(|_| ()),
            ] {
                if let Err(e) = r {
                    one_line_error(e, dir);
                    errors += 1;
                }
            }
        }
    }
    // The binary: no panic message, one line on stderr.
    for args in [
        vec!["search", "Nghị quyết 71"],
        vec!["refs", "71-NQ/TW"],
        vec!["search", "giáo dục", "--json"],
    ] {
        let out = Command::new(bin())
            .args(&args)
            .arg("--index")
            .arg(dir)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.lines().count() <= 1, "{args:?}: {err}");
        if !out.status.success() {
            assert!(err.contains("--rebuild") || err.contains("locked"), "{err}");
        }
    }
    errors > 0
}

/// `check` finds the damage (non-zero exit, report names it).
fn check_reports(dir: &Path, needle: &str) {
    let report = check(dir).unwrap();
    assert!(!report.is_ok(), "check missed the damage");
    let text = serde_json::to_string(&report).unwrap();
    assert!(text.contains(needle), "{needle} not in {text}");
    let out = Command::new(bin())
        .args(["check", "--index"])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("--rebuild"), "{stdout}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

fn edit_max_doc(dir: &Path, to: u32) {
    let p = dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    meta["segments"][0]["max_doc"] = to.into();
    std::fs::write(&p, meta.to_string()).unwrap();
}

#[test]
fn meta_json_counters_edited() {
    for to in [3u32, 9, 1000, u32::MAX] {
        let (_t, dir, _) = fresh();
        edit_max_doc(&dir, to);
        exercise(&dir);
        check_reports(&dir, "meta.json says the segment holds");
    }
}

#[test]
fn meta_json_deletes_counter_edited() {
    let (_t, dir, _) = fresh();
    let p = dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    meta["segments"][0]["deletes"] = serde_json::json!({"num_deleted_docs": 2, "opstamp": 7});
    std::fs::write(&p, meta.to_string()).unwrap();
    exercise(&dir);
    check_reports(&dir, "is missing");
}

#[test]
fn meta_json_broken() {
    let (_t, dir, _) = fresh();
    std::fs::write(dir.join("meta.json"), "{\"segments\": [").unwrap();
    assert!(exercise(&dir));
    check_reports(&dir, "meta.json");
}

#[test]
fn managed_json_broken() {
    let (_t, dir, _) = fresh();
    std::fs::write(dir.join(".managed.json"), "[\"x").unwrap();
    assert!(exercise(&dir));
    check_reports(&dir, ".managed.json");
}

const PARTS: [&str; 6] = ["idx", "pos", "term", "store", "fast", "fieldnorm"];

#[test]
fn segment_file_deleted() {
    for part in PARTS {
        let (_t, dir, stem) = fresh();
        std::fs::remove_file(dir.join(format!("{stem}.{part}"))).unwrap();
        assert!(exercise(&dir), "{part}: deleted file unnoticed");
        check_reports(&dir, &format!("{stem}.{part} is missing"));
    }
}

#[test]
fn segment_file_truncated() {
    for part in PARTS {
        for keep in [0usize, 7, 1] {
            let (_t, dir, stem) = fresh();
            let p = dir.join(format!("{stem}.{part}"));
            let len = std::fs::metadata(&p).unwrap().len() as usize;
            let to = if keep == 1 { len / 2 } else { keep };
            std::fs::OpenOptions::new()
                .write(true)
                .open(&p)
                .unwrap()
                .set_len(to as u64)
                .unwrap();
            exercise(&dir);
            check_reports(&dir, &format!("{stem}.{part}"));
        }
    }
}

#[test]
fn segment_file_bit_flipped() {
    for part in PARTS {
        for at in [0.1f64, 0.5, 0.9] {
            let (_t, dir, stem) = fresh();
            let p = dir.join(format!("{stem}.{part}"));
            let mut bytes = std::fs::read(&p).unwrap();
            // Inside the data, before the footer.
            let i = ((bytes.len().saturating_sub(40)) as f64 * at) as usize;
            bytes[i] ^= 0x10;
            std::fs::write(&p, &bytes).unwrap();
            exercise(&dir);
            check_reports(&dir, &format!("{stem}.{part} is"));
        }
    }
}

#[test]
fn check_names_the_files_a_damaged_segment_held() {
    let (_t, dir, stem) = fresh();
    let p = dir.join(format!("{stem}.pos"));
    let mut bytes = std::fs::read(&p).unwrap();
    bytes[10] ^= 1;
    std::fs::write(&p, &bytes).unwrap();
    let report = check(&dir).unwrap();
    assert_eq!(report.damaged.len(), 1);
    let held = &report.damaged[0].files;
    assert_eq!(held.len(), 5, "{held:?}");
    assert!(held.iter().all(|f| f.contains("corpus")), "{held:?}");
}

#[test]
fn rebuild_recovers_from_damage() {
    let (_t, dir, stem) = fresh();
    // Damage that still lets the list of files be read...
    let p = dir.join(format!("{stem}.pos"));
    let mut bytes = std::fs::read(&p).unwrap();
    bytes[10] ^= 1;
    std::fs::write(&p, &bytes).unwrap();
    let out = Command::new(bin())
        .args(["index", "--rebuild", "--index"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(check(&dir).unwrap().is_ok());
    let index = Index::open(&dir).unwrap();
    assert_eq!(index.len().unwrap(), 5);
    assert_eq!(index.search("Nghị quyết 71").unwrap().hits.len(), 3);
    drop(index);
    // ...and damage that does not: the folders are given again.
    std::fs::write(dir.join("meta.json"), "{").unwrap();
    let out = Command::new(bin())
        .args(["index", "--rebuild", "--index"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("PATH") && err.lines().count() == 1, "{err}");
    let out = Command::new(bin())
        .args(["index", "--rebuild", "--index"])
        .arg(&dir)
        .arg(corpus())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(check(&dir).unwrap().is_ok());
    assert_eq!(Index::open(&dir).unwrap().len().unwrap(), 5);
}
