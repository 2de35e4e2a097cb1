//! Batch indexing: incremental runs, prune, crash safety, bad input, the
//! writer lock, and the CLI (summary, NDJSON, default corpus index).

use congvan::index::{Index, IndexOptions};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_congvan");

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn seeds() -> Vec<String> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v.iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// `n` small distinct documents made from the seed texts.
fn generate(dir: &Path, n: usize) {
    let seeds = seeds();
    for i in 0..n {
        let sub = dir.join(format!("d{:02}", i % 50));
        std::fs::create_dir_all(&sub).unwrap();
        let text = &seeds[i % seeds.len()];
        // A distinct number and a short excerpt keep each file unique and small.
        let cut = text
            .char_indices()
            .nth(1500)
            .map(|(b, _)| b)
            .unwrap_or(text.len());
        let body = format!("Số: {i}/UBND-VP\n{}\nBản sao số {i}.\n", &text[..cut]);
        std::fs::write(sub.join(format!("doc{i:05}.txt")), body).unwrap();
    }
}

fn unique_paths(index: &Index) -> (usize, BTreeSet<String>) {
    let docs = index.documents().unwrap();
    let set: BTreeSet<String> = docs.iter().map(|(p, _)| p.clone()).collect();
    (docs.len(), set)
}

#[test]
fn incremental_replace_and_prune() {
    let src = tempfile::tempdir().unwrap();
    generate(src.path(), 12);
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let opts = IndexOptions::default();

    let r = index.add_paths(&[src.path()], &opts).unwrap();
    assert_eq!(
        (r.added, r.replaced, r.skipped, r.failed.len()),
        (12, 0, 0, 0)
    );

    let r = index.add_paths(&[src.path()], &opts).unwrap();
    assert_eq!((r.added, r.replaced, r.skipped), (0, 0, 12));

    let changed = src.path().join("d03/doc00003.txt");
    std::fs::write(&changed, "Số: 3/UBND-VP\nNội dung mới về chuyển đổi số.\n").unwrap();
    let r = index.add_paths(&[src.path()], &opts).unwrap();
    assert_eq!((r.added, r.replaced, r.skipped), (0, 1, 11));
    let (n, set) = unique_paths(&index);
    assert_eq!((n, set.len()), (12, 12));
    let hits = index.search("nội dung mới").unwrap().hits;
    assert_eq!(hits.len(), 1);
    assert!(hits[0].path.ends_with("doc00003.txt"));

    // Indexing one file of the folder again by another spelling of its path
    // does not duplicate it.
    let again = src.path().join("d03/../d03/doc00003.txt");
    let r = index.add_paths(&[again], &opts).unwrap();
    assert_eq!(r.skipped, 1);
    assert_eq!(unique_paths(&index).0, 12);

    std::fs::remove_file(src.path().join("d05/doc00005.txt")).unwrap();
    let r = index.add_paths(&[src.path()], &opts).unwrap();
    assert_eq!(r.pruned, 0);
    assert_eq!(unique_paths(&index).0, 12);
    let prune = IndexOptions {
        prune: true,
        ..IndexOptions::default()
    };
    let r = index.add_paths(&[src.path()], &prune).unwrap();
    assert_eq!((r.pruned, r.skipped), (1, 11));
    let (n, set) = unique_paths(&index);
    assert_eq!((n, set.len()), (11, 11));
    assert!(!set.iter().any(|p| p.ends_with("doc00005.txt")));
}

/// Citation searches through one `Index` follow its own writes: added,
/// replaced and pruned documents (the per-segment data cached by earlier
/// searches is not reused for segments that changed).
#[test]
fn citation_search_follows_own_writes() {
    let src = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let cite = |n: u32, code: &str| {
        format!(
            "UBND TỈNH QUẢNG NINH\nSỞ TÀI CHÍNH\nSố: {n}/STC-NS\n\
             Thực hiện Nghị quyết số {code} ngày 22/8/2025 của Bộ Chính trị.\n"
        )
    };
    let opts = IndexOptions::default();
    let prune = IndexOptions {
        prune: true,
        ..IndexOptions::default()
    };
    let count = |q: &str| {
        let r = index.search(q).unwrap();
        (
            r.total,
            r.groups.iter().map(|g| g.count).collect::<Vec<_>>(),
        )
    };

    std::fs::write(src.path().join("a.txt"), cite(1, "71-NQ/TW")).unwrap();
    index.add_paths(&[src.path()], &opts).unwrap();
    assert_eq!(count("71-NQ/TW"), (1, vec![1]));

    std::fs::write(src.path().join("b.txt"), cite(2, "71-NQ/TW")).unwrap();
    index.add_paths(&[src.path()], &opts).unwrap();
    assert_eq!(count("71-NQ/TW"), (2, vec![2]));
    assert_eq!(count("Nghị quyết 71"), (2, vec![2]));

    std::fs::write(src.path().join("a.txt"), cite(1, "57-NQ/TW")).unwrap();
    index.add_paths(&[src.path()], &opts).unwrap();
    assert_eq!(count("71-NQ/TW"), (1, vec![1]));
    assert_eq!(count("57-NQ/TW"), (1, vec![1]));

    std::fs::remove_file(src.path().join("b.txt")).unwrap();
    index.add_paths(&[src.path()], &prune).unwrap();
    let r = index.search("71-NQ/TW").unwrap();
    assert!(r.fallback || r.total == 0, "{r:?}");
    assert_eq!(index.refs("57-NQ/TW").unwrap().hits.len(), 1);
}

#[test]
fn bad_input_is_indexed_around_and_reported() {
    let src = tempfile::tempdir().unwrap();
    let p = src.path();
    std::fs::write(p.join("good.txt"), &seeds()[0]).unwrap();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(p.join("binary.bin"), [0u8, 159, 146, 150, 0, 1, 2, 255, 0]).unwrap();
    let mut zip = b"PK\x03\x04\x14\x00\x00\x00".to_vec();
    zip.extend([0u8; 40]);
    std::fs::write(p.join("broken.docx"), zip).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(p.join("missing.txt"), p.join("dangling.txt")).unwrap();
    let locked = p.join("locked.txt");
    std::fs::write(&locked, "Số: 1/UBND\nNội dung\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    // Root reads anything: then the locked file is simply indexed.
    let locked_readable = std::fs::read(&locked).is_ok();

    let dir = tempfile::tempdir().unwrap();
    let failures = dir.path().join("failures.jsonl");
    let out = Command::new(BIN)
        .arg("index")
        .arg(p)
        .arg("--index")
        .arg(dir.path().join("idx"))
        .arg("--failures")
        .arg(&failures)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let lines = std::fs::read_to_string(&failures).unwrap();
    let failed: BTreeSet<String> = lines
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert!(v["reason"].as_str().is_some_and(|r| !r.is_empty()), "{l}");
            base(v["path"].as_str().unwrap())
        })
        .collect();
    let mut want = BTreeSet::from([
        "empty.txt".to_string(),
        "binary.bin".to_string(),
        "broken.docx".to_string(),
    ]);
    #[cfg(unix)]
    want.insert("dangling.txt".to_string());
    if !locked_readable {
        want.insert("locked.txt".to_string());
    }
    assert_eq!(failed, want, "{stdout}");
    for f in &want {
        assert!(stdout.contains(f.as_str()), "summary lacks {f}: {stdout}");
    }
    let index = Index::open(dir.path().join("idx")).unwrap();
    let indexed: BTreeSet<String> = index
        .documents()
        .unwrap()
        .iter()
        .map(|(p, _)| base(p))
        .collect();
    assert!(indexed.contains("good.txt"));
    assert_eq!(indexed.len(), if locked_readable { 2 } else { 1 });

    // Nothing indexable at all: non-zero exit.
    let only_bad = tempfile::tempdir().unwrap();
    std::fs::write(only_bad.path().join("x.bin"), [0u8, 0, 0]).unwrap();
    let out = Command::new(BIN)
        .arg("index")
        .arg(only_bad.path())
        .arg("--index")
        .arg(dir.path().join("idx2"))
        .output()
        .unwrap();
    assert!(!out.status.success());
}

fn base(p: &str) -> String {
    Path::new(p)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn crash_mid_run_then_resume_indexes_each_file_once() {
    let src = tempfile::tempdir().unwrap();
    let n = 3000;
    generate(src.path(), n);
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let spawn = || {
        Command::new(BIN)
            .arg("index")
            .arg(src.path())
            .arg("--index")
            .arg(&idx)
            .args(["--commit-interval", "0.05", "--threads", "1"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut child = spawn();
    // Wait for the first commits, then check a reader and a second writer.
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(60) {
        if let Ok(i) = Index::open(&idx) {
            seen = i.len().unwrap_or(0);
            if seen >= 300 {
                break;
            }
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let still_running = child.try_wait().unwrap().is_none();
    if still_running {
        // Searching while the writer runs works.
        let out = Command::new(BIN)
            .args(["search", "Nghị quyết 71", "--json", "--index"])
            .arg(&idx)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // A second writer is refused clearly.
        let out = Command::new(BIN)
            .arg("index")
            .arg(src.path())
            .arg("--index")
            .arg(&idx)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        if child.try_wait().unwrap().is_none() {
            assert!(!out.status.success());
            assert!(err.contains("index is locked"), "{err}");
        }
    }
    child.kill().ok(); // SIGKILL
    child.wait().unwrap();
    let before = Index::open(&idx).unwrap().len().unwrap() as usize;
    eprintln!("killed after {seen}+ commits visible; {before} of {n} indexed");

    let out = Command::new(BIN)
        .arg("index")
        .arg(src.path())
        .arg("--index")
        .arg(&idx)
        .output()
        .unwrap();
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains(&format!("{before} unchanged")),
        "{summary}"
    );
    let index = Index::open(&idx).unwrap();
    let (count, set) = unique_paths(&index);
    assert_eq!(count, n);
    assert_eq!(set.len(), n);
    // And the citations of the generated documents are searchable.
    let res = index.refs("71-NQ/TW").unwrap();
    assert_eq!(res.total, 3 * n / 5);
}

#[test]
fn cli_json_and_default_index() {
    let cache = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .env("CONGVAN_CACHE_DIR", cache.path())
            .output()
            .unwrap()
    };
    let out = run(&["search", "Nghị quyết 71", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    for v in &lines {
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut keys = keys;
        keys.sort();
        assert_eq!(
            keys,
            [
                "code",
                "date",
                "doc_type",
                "id",
                "matched_references",
                "path",
                "role",
                "score",
                "subject"
            ],
            "the contract's fields plus `id` and `role`"
        );
        assert_eq!(v["role"], "citing");
        assert!(v["score"].is_number());
        assert_eq!(v["matched_references"][0], "71-NQ/TW");
    }
    // The index of the embedded corpus, named after the version and key.
    let built: Vec<String> = std::fs::read_dir(cache.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        built.iter().any(|n| n.starts_with("corpus-index-")),
        "{built:?}"
    );

    // Second run reuses the cached index; human output names the cited code.
    let out = run(&["search", "Nghị quyết 71"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("cite 71-NQ/TW"), "{text}");
    assert!(text.contains("000_b2fc0b6fbb2c88b4.txt"), "{text}");

    let out = run(&["refs", "71-NQ/TW", "--json"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    for l in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["relation"], "implements");
    }
    assert_eq!(stdout.lines().count(), 3);

    let out = run(&["search", "Số: 279", "--json", "--limit", "1"]);
    assert!(out.status.success());
    let out = run(&["refs", "not a code"]);
    assert!(!out.status.success());
    let out = run(&["search", "x", "--index", "/nonexistent/congvan-index"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index"));
}

/// The `code` of a hit is the number as written: the Party `-` separator and
/// the year in the symbol survive.
#[test]
fn hit_code_is_the_number_as_written() {
    use congvan::index::{Index, IndexOptions};
    let docs = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        docs.path().join("party.txt"),
        "TỈNH ỦY BẮC NINH\nSố 12-KH/TU\nBắc Ninh, ngày 3 tháng 2 năm 2025\nKẾ HOẠCH\nthực hiện Nghị quyết số 71-NQ/TW\nThực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị.\n",
    )
    .expect("write");
    std::fs::write(
        docs.path().join("circular.txt"),
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 17/2025/TT-BGDĐT\nHà Nội, ngày 12 tháng 9 năm 2025\nTHÔNG TƯ\nQuy định về dạy thêm\nCăn cứ Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị.\n",
    )
    .expect("write");
    let dir = tempfile::tempdir().expect("tempdir");
    let index = Index::create(dir.path()).expect("create");
    index
        .add_paths(&[docs.path()], &IndexOptions::default())
        .expect("index");
    let index = Index::open(dir.path()).expect("open");
    let found = index.search("Nghị quyết 71").expect("search");
    let mut codes: Vec<String> = found.hits.iter().filter_map(|h| h.code.clone()).collect();
    codes.sort();
    assert_eq!(codes, vec!["12-KH/TU", "17/2025/TT-BGDĐT"]);
}

/// A synthetic archive whose citations are written as PDF text has them
/// (codes broken after the number, inside the symbol, or spaced): `refs`
/// finds every citing file of every cited code, as the generator's truth
/// says.
#[test]
fn refs_find_every_citing_file_of_a_synthetic_archive() {
    let docs: Vec<_> = congvan::gen::generate(&congvan::gen::GenOptions {
        docs: 200,
        seed: 11,
    })
    .collect();
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("docs");
    std::fs::create_dir(&files).unwrap();
    let mut citing: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    let mut broken_inside = 0;
    for (i, d) in docs.iter().enumerate() {
        let name = format!("{i:04}.txt");
        std::fs::write(files.join(&name), &d.text).unwrap();
        for c in &d.truth.references {
            citing.entry(c.clone()).or_default().insert(name.clone());
        }
        broken_inside += d
            .text
            .lines()
            .filter(|l| {
                l.ends_with(['-', '/'])
                    && l.rsplit(' ')
                        .next()
                        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()) && w.len() > 3)
            })
            .count();
    }
    // The archive holds codes broken inside the symbol (`12/KH-⏎UBND`).
    assert!(broken_inside > 0, "no code broken inside its symbol");
    let idx = dir.path().join("idx");
    let out = Command::new(BIN)
        .arg("index")
        .arg(&files)
        .arg("--index")
        .arg(&idx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The most cited codes and a sample of the rest.
    let mut codes: Vec<(&String, &BTreeSet<String>)> = citing.iter().collect();
    codes.sort_by_key(|(c, s)| (std::cmp::Reverse(s.len()), (*c).clone()));
    for (code, want) in codes.iter().take(25).chain(codes.iter().step_by(7)) {
        let out = Command::new(BIN)
            .args(["refs", code.as_str(), "--json", "--index"])
            .arg(&idx)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                base(v["path"].as_str().unwrap())
            })
            .collect();
        let missing: Vec<_> = want.difference(&got).collect();
        assert!(missing.is_empty(), "{code}: missing {missing:?}");
    }
}
