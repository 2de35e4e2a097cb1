//! End-to-end: run the built `congvan` binary on the embedded corpus and
//! compare with the hand-checked fixtures in `fixtures/*.expected.json`.
//!
//! The fixtures hold the fields annotated by hand for each seed (header,
//! lists, references); they were checked line by line against the documents.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_congvan"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> Vec<(PathBuf, Value)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(root().join("fixtures")).expect("fixtures dir") {
        let p = e.expect("entry").path();
        if p.to_string_lossy().ends_with(".expected.json") {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).expect("read"))
                .expect("fixture is JSON");
            out.push((p, v));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(out.len(), 5, "one fixture per seed");
    out
}

fn parse_one(file: &Path) -> Value {
    let out = bin().arg("parse").arg(file).output().expect("run congvan");
    assert!(
        out.status.success(),
        "congvan parse {} failed: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

/// Each fixture's name, its expected JSON and the binary's output for its
/// corpus file.
fn parsed_fixtures() -> Vec<(String, Value, Value)> {
    fixtures()
        .into_iter()
        .map(|(fx, want)| {
            let file = root().join(want["file"].as_str().expect("file"));
            let got = parse_one(&file);
            let name = fx
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            (name, want, got)
        })
        .collect()
}

/// Case- and whitespace-insensitive comparison for scalar strings.
fn norm(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        ),
        other => other.clone(),
    }
}

#[test]
fn header_fields_match_fixtures() {
    let mut failures = Vec::new();
    for (name, want, got) in parsed_fixtures() {
        let mut check = |field: &str, g: &Value, w: &Value| {
            if norm(g) != norm(w) {
                failures.push(format!("{name}: {field}: got {g}, want {w}"));
            }
        };
        check("doc_type", &got["doc_type"]["code"], &want["doc_type"]);
        for k in ["name", "parent"] {
            check(
                &format!("issuer.{k}"),
                &got["issuer"][k],
                &want["issuer"][k],
            );
        }
        for k in ["seq", "year", "symbol"] {
            check(
                &format!("number.{k}"),
                &got["number"][k],
                &want["number"][k],
            );
        }
        check("place", &got["place"], &want["place"]);
        for k in ["year", "month", "day"] {
            check(&format!("date.{k}"), &got["date"][k], &want["date"][k]);
        }
        check("subject", &got["subject"], &want["subject"]);
        for k in ["authority", "on_behalf_of", "title", "name"] {
            check(
                &format!("signer.{k}"),
                &got["signer"][k],
                &want["signer"][k],
            );
        }
        check("recipients", &got["recipients"], &want["recipients"]);
        let dist: Vec<Value> = got["distribution"]
            .as_array()
            .map(|a| a.iter().map(|d| d["name"].clone()).collect())
            .unwrap_or_default();
        check("distribution", &Value::Array(dist), &want["distribution"]);
        check("archive", &got["archive"], &want["archive"]);
        // References: codes exact and in order; type, date and issuer per entry.
        let got_refs: Vec<Value> = got["references"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|r| !r["code"].is_null())
                    .map(|r| {
                        serde_json::json!({
                            "code": r["code"],
                            "doc_type": r["doc_type"]["code"],
                            "date": r["date"],
                            "issuer": r["issuer"],
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        if Value::Array(got_refs.clone()) != want["references"] {
            failures.push(format!(
                "{name}: references:\n  got  {}\n  want {}",
                Value::Array(got_refs),
                want["references"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Directives (label and lead assignee), deadlines and targets (cmp, value,
/// unit, horizon year) against the fixtures.
#[test]
fn knowledge_matches_fixtures() {
    let mut failures = Vec::new();
    for (name, want, got) in parsed_fixtures() {
        // Directives: top level, in order.
        let got_dirs: Vec<(Value, Value)> = got["directives"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|d| {
                        let label = d["label"]
                            .as_str()
                            .unwrap_or("")
                            .trim_end_matches(['.', ')'])
                            .to_string();
                        (Value::String(label), norm(&d["assignees"][0]))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let want_dirs: Vec<(Value, Value)> = want["directives"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|d| (d["label"].clone(), norm(&d["assignee"])))
                    .collect()
            })
            .unwrap_or_default();
        if got_dirs != want_dirs {
            failures.push(format!(
                "{name}: directives:\n  got  {got_dirs:?}\n  want {want_dirs:?}"
            ));
        }
        // Deadlines anywhere in the directive tree: dates, else periods.
        fn collect(v: &Value, out: &mut Vec<String>) {
            if let Some(ds) = v["deadlines"].as_array() {
                for d in ds {
                    if let Some(s) = d["date"].as_str().or(d["period"].as_str()) {
                        out.push(s.to_string());
                    }
                }
            }
            for child in v["items"].as_array().into_iter().flatten() {
                collect(child, out);
            }
        }
        let mut got_dl = Vec::new();
        for d in got["directives"].as_array().into_iter().flatten() {
            collect(d, &mut got_dl);
        }
        got_dl.sort();
        got_dl.dedup();
        let mut want_dl: Vec<String> = want["deadlines"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        want_dl.sort();
        if got_dl != want_dl {
            failures.push(format!(
                "{name}: deadlines: got {got_dl:?}, want {want_dl:?}"
            ));
        }
        // Targets as a multiset of (cmp, value, unit, by_year).
        let key = |t: &Value| {
            format!(
                "{} {} {} {}",
                t["cmp"].as_str().unwrap_or("?"),
                t["value"]
                    .as_f64()
                    .map(|v| format!("{v}"))
                    .unwrap_or_default(),
                t["unit"],
                t["by_year"]
            )
        };
        let mut got_t: Vec<String> = got["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(key)
            .collect();
        let mut want_t: Vec<String> = want["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(key)
            .collect();
        got_t.sort();
        want_t.sort();
        if got_t != want_t {
            failures.push(format!(
                "{name}: targets:\n  got  {got_t:?}\n  want {want_t:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_contract_field_is_present() {
    let got = parse_one(&root().join("corpus/000_b2fc0b6fbb2c88b4.txt"));
    for k in [
        "schema",
        "source",
        "doc_type",
        "issuer",
        "number",
        "place",
        "date",
        "subject",
        "recipients",
        "signer",
        "distribution",
        "archive",
        "references",
        "directives",
        "targets",
        "warnings",
    ] {
        assert!(got.get(k).is_some(), "missing field {k}");
    }
    assert_eq!(got["schema"], "congvan/1");
    assert_eq!(got["source"]["format"], "txt");
    assert_eq!(got["source"]["sha256"].as_str().map(str::len), Some(64));
    for r in got["references"].as_array().expect("array") {
        for k in [
            "code", "doc_type", "seq", "year", "symbol", "date", "issuer", "about", "relation",
            "text", "span",
        ] {
            assert!(r.get(k).is_some(), "reference lacks {k}: {r}");
        }
    }
    // No empty strings anywhere: absent is null.
    fn walk(v: &Value, path: &str) {
        match v {
            Value::String(s) => assert!(!s.is_empty(), "empty string at {path}"),
            Value::Array(a) => a.iter().for_each(|x| walk(x, path)),
            Value::Object(o) => o.iter().for_each(|(k, x)| walk(x, &format!("{path}.{k}"))),
            _ => {}
        }
    }
    walk(&got, "");
}

#[test]
fn spans_point_at_the_cited_text() {
    // The span of every reference must cut its `text` out of the normalized text,
    // which is what `parse` gives for the same file.
    let file = root().join("corpus/001_b49d4a18a3a41cad.txt");
    let doc = congvan::parse_path(&file).expect("parse");
    let bytes = std::fs::read(&file).expect("read");
    let text = congvan::normalize::normalize(&String::from_utf8_lossy(&bytes));
    assert!(!doc.references.is_empty());
    for r in &doc.references {
        assert_eq!(
            &text[r.span.start..r.span.end],
            r.text,
            "span of {:?}",
            r.code
        );
    }
}

#[test]
fn text_flag_prints_what_the_spans_point_into() {
    // `parse --text` prints the normalized text (without parsing): every
    // span of `parse`'s JSON for the same file cuts its text out of it, for
    // a text file and for a PDF.
    for rel in [
        "corpus/001_b49d4a18a3a41cad.txt",
        "fixtures/ingest/001_b49d4a18a3a41cad.pdf",
    ] {
        let file = root().join(rel);
        let out = bin()
            .args(["parse", "--text", "--no-ocr"])
            .arg(&file)
            .output()
            .expect("run congvan");
        assert!(
            out.status.success(),
            "{rel}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed = String::from_utf8(out.stdout).expect("UTF-8");
        // One line per file: the text and its newline.
        let text = printed.strip_suffix('\n').expect("ends with a newline");
        let doc = parse_one(&file);
        let refs = doc["references"].as_array().expect("references");
        assert!(!refs.is_empty(), "{rel}: references");
        for r in refs {
            let (s, e) = (
                r["span"]["start"].as_u64().expect("start") as usize,
                r["span"]["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(text.get(s..e), r["text"].as_str(), "{rel}: {r}");
        }
    }
    // A file that cannot be read is reported, not printed.
    let out = bin()
        .args(["parse", "--text", "/nonexistent/x.txt"])
        .output()
        .expect("run congvan");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/x.txt"));
}

#[test]
fn several_files_give_ndjson_in_argument_order() {
    let a = root().join("corpus/000_b2fc0b6fbb2c88b4.txt");
    let b = root().join("corpus/003_571429276f528796.txt");
    let out = bin().arg("parse").arg(&a).arg(&b).output().expect("run");
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["source"]["path"]
        .as_str()
        .unwrap_or("")
        .ends_with("000_b2fc0b6fbb2c88b4.txt"));
    assert!(lines[1]["source"]["path"]
        .as_str()
        .unwrap_or("")
        .ends_with("003_571429276f528796.txt"));
}

#[test]
fn bad_files_are_reported_and_the_rest_still_printed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let binary = dir.path().join("photo.txt");
    std::fs::write(&binary, [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe]).expect("write");
    let missing = dir.path().join("missing.txt");
    let good = root().join("corpus/002_6ee8ebe2bd49f0b4.txt");
    let out = bin()
        .arg("parse")
        .args([&empty, &good, &binary, &missing])
        .output()
        .expect("run");
    assert!(!out.status.success(), "exit status must be non-zero");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "only the good file is printed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for p in [&empty, &binary, &missing] {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        assert!(
            stderr.lines().any(|l| l.contains(&name)),
            "stderr names {name}: {stderr}"
        );
    }
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let text = std::fs::read(root().join("corpus/004_539a495d19e89395.txt")).expect("read");
    let mut child = bin()
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&text)
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["source"]["path"], "-");
    assert!(v["number"]["symbol"].is_string());
}

#[test]
fn oversized_input_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("huge.txt");
    let f = std::fs::File::create(&big).expect("create");
    // A sparse file just over the limit: nothing is written to disk.
    f.set_len(congvan::MAX_INPUT_BYTES + 1).expect("set_len");
    drop(f);
    let out = bin().arg("parse").arg(&big).output().expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("huge.txt"), "{stderr}");
    assert!(
        stderr.to_lowercase().contains("too large") || stderr.contains("limit"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}
