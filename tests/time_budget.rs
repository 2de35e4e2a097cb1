//! A file over the per-file time budget (`--timeout`) is in the failure
//! report with the reason, and the rest of the batch is parsed / indexed.
//! No wall time is asserted: the big file takes seconds to parse on any
//! machine, the budget is one second and the small files take milliseconds.

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A folder with three corpus documents and a 40 MB document.
fn batch() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in &files[..3] {
        std::fs::copy(f, tmp.path().join(f.file_name().unwrap())).unwrap();
    }
    let one = std::fs::read_to_string(&files[0]).unwrap();
    let big = one.repeat(40_000_000 / one.len());
    std::fs::write(tmp.path().join("big.txt"), big).unwrap();
    tmp
}

#[test]
fn index_reports_the_file_over_budget_and_indexes_the_rest() {
    let docs = batch();
    let idx = tempfile::tempdir().unwrap();
    let failures = idx.path().join("failures.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
        .arg("index")
        .arg(docs.path())
        .arg("--index")
        .arg(idx.path().join("i"))
        .args(["--timeout", "1", "--failures"])
        .arg(&failures)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("indexed 3 file(s)"), "{stdout}");
    assert!(stdout.contains("1 failed"), "{stdout}");
    let line = std::fs::read_to_string(&failures).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert!(v["path"].as_str().unwrap().ends_with("big.txt"));
    assert!(
        v["reason"].as_str().unwrap().contains("time budget"),
        "{line}"
    );
}

#[test]
fn parse_reports_the_file_over_budget_and_prints_the_rest() {
    let docs = batch();
    let mut files: Vec<PathBuf> = std::fs::read_dir(docs.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
        .arg("parse")
        .args(["--timeout", "1"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("big.txt") && stderr.contains("time budget"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 3);
}
