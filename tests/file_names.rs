//! No file lost to its name: names that are not UTF-8 (CP1258 bytes from old
//! Windows archives), names with a newline, very long names and names in
//! NFD are walked, read, indexed, found, pruned and reported.
#![cfg(unix)]

use congvan::index::{Index, IndexOptions};
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::process::Command;

fn doc(n: u32) -> String {
    format!(
        "UBND TỈNH QUẢNG NINH\nSỞ TÀI CHÍNH\nSố: {n}/STC-NS\n\
         V/v thực hiện Nghị quyết\n\
         Thực hiện Nghị quyết số {n}-NQ/TW ngày 22/8/2025 của Bộ Chính trị về giáo dục.\n"
    )
}

fn names() -> Vec<(PathBuf, u32)> {
    let nfd: String = unicode_nfd("Quyết định số 5.txt");
    let long = format!("{}.txt", "Kế hoạch ".repeat(18)); // 238 bytes
    assert!(long.len() > 200 && long.len() < 256);
    vec![
        // "Quyết đinh" in CP1258: not UTF-8.
        (
            PathBuf::from(OsString::from_vec(b"Quy\xea\xf2t \xf0inh 11.txt".to_vec())),
            11,
        ),
        (PathBuf::from("Công văn\nsố 12.txt"), 12),
        (PathBuf::from(long), 13),
        (PathBuf::from(nfd), 14),
        (PathBuf::from("plain 15.txt"), 15),
    ]
}

/// NFD by hand for the few letters used (no extra dependency in tests).
fn unicode_nfd(s: &str) -> String {
    s.chars()
        .flat_map(|c| match c {
            'ế' => vec!['e', '\u{302}', '\u{301}'],
            'đ' => vec!['đ'],
            'ị' => vec!['i', '\u{323}'],
            'ố' => vec!['o', '\u{302}', '\u{301}'],
            c => vec![c],
        })
        .collect()
}

fn folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for (name, n) in names() {
        std::fs::write(tmp.path().join(&name), doc(n)).unwrap();
    }
    tmp
}

#[test]
fn every_name_is_indexed_and_found() {
    let docs = folder();
    let idx = tempfile::tempdir().unwrap();
    let dir = idx.path().join("i");
    let index = Index::create(&dir).unwrap();
    let report = index
        .add_paths(&[docs.path()], &IndexOptions::default())
        .unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.indexed(), 5);
    for (name, n) in names() {
        let found = index.refs(&format!("{n}-NQ/TW")).unwrap();
        assert_eq!(found.hits.len(), 1, "{name:?}");
        let shown = name.to_string_lossy();
        assert!(found.hits[0].path.ends_with(shown.as_ref()), "{name:?}");
    }
    // The lossless key: a re-run skips every file, prune keeps them all.
    let again = index
        .add_paths(
            &[docs.path()],
            &IndexOptions {
                prune: true,
                ..IndexOptions::default()
            },
        )
        .unwrap();
    assert_eq!(again.skipped, 5);
    assert_eq!(again.pruned, 0);
    // Gone files are pruned, also those with odd names.
    for (name, _) in names() {
        std::fs::remove_file(docs.path().join(name)).unwrap();
    }
    let pruned = index
        .add_paths(
            &[docs.path()],
            &IndexOptions {
                prune: true,
                ..IndexOptions::default()
            },
        )
        .unwrap();
    assert_eq!(pruned.pruned, 5);
    assert_eq!(index.len().unwrap(), 0);
}

#[test]
fn the_binary_indexes_parses_and_reports_odd_names() {
    let docs = folder();
    // A file that fails, under a name that is not UTF-8 and one with a newline.
    let bad = OsString::from_vec(b"h\xf4ng \xf0\xfa\xf5c\n.txt".to_vec());
    std::fs::write(docs.path().join(&bad), [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
    let idx = tempfile::tempdir().unwrap();
    let failures = idx.path().join("failures.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
        .arg("index")
        .arg(docs.path())
        .arg("--index")
        .arg(idx.path().join("i"))
        .arg("--failures")
        .arg(&failures)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("indexed 5 file(s)"), "{stdout}");
    // One line per failed file: the newline in its name is escaped.
    let failed: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("failed:"))
        .collect();
    assert_eq!(failed.len(), 1, "{stdout}");
    assert!(failed[0].contains("\\n.txt"), "{stdout}");
    // The failure list names the file exactly.
    let line = std::fs::read_to_string(&failures).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    let full = docs.path().join(&bad);
    let hex: String = full
        .as_os_str()
        .as_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(v["path_bytes"].as_str(), Some(hex.as_str()));
    // Found by the binary.
    let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
        .args(["refs", "11-NQ/TW", "--json", "--index"])
        .arg(idx.path().join("i"))
        .output()
        .unwrap();
    let hits = String::from_utf8_lossy(&out.stdout);
    assert_eq!(hits.lines().count(), 1, "{hits}");
    assert!(hits.contains("Quy\u{fffd}\u{fffd}t"), "{hits}");
    // parse reads every name.
    for (name, n) in names() {
        let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
            .arg("parse")
            .arg(docs.path().join(&name))
            .output()
            .unwrap();
        assert!(out.status.success(), "{name:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["number"]["seq"].as_str(), Some(n.to_string().as_str()));
    }
}

#[test]
fn a_long_path_and_a_name_at_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    // A 255-byte name, eight folders deep with long names: over 2,000 bytes.
    let mut dir = tmp.path().to_path_buf();
    for i in 0..8 {
        dir = dir.join(format!("{i}{}", "ư".repeat(120)));
    }
    std::fs::create_dir_all(&dir).unwrap();
    let name = format!("{}.txt", "a".repeat(251));
    assert_eq!(name.len(), 255);
    let file = dir.join(&name);
    std::fs::write(&file, doc(21)).unwrap();
    assert!(file.as_os_str().len() > 2000);
    let idx = tempfile::tempdir().unwrap();
    let index = Index::create(idx.path().join("i")).unwrap();
    let report = index
        .add_paths(&[tmp.path()], &IndexOptions::default())
        .unwrap();
    assert_eq!(report.indexed(), 1, "{:?}", report.failed);
    let hit = &index.refs("21-NQ/TW").unwrap().hits[0];
    assert_eq!(Path::new(&hit.path), file);
}
