//! Directives, deadlines and targets of the seed corpus, checked by hand
//! against the texts in `corpus/`, and `congvan graph` end to end.

use congvan::model::{Directive, Document, Target};
use std::path::PathBuf;
use std::process::Command;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn seed(prefix: &str) -> Document {
    let dir = corpus();
    let entry = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .expect("seed file");
    congvan::parse_path(entry.path()).expect("parse seed")
}

/// (label, lead assignee) of the top-level directives.
fn tops(d: &Document) -> Vec<(String, Option<String>)> {
    d.directives
        .iter()
        .map(|x| (x.label.clone(), x.assignees.first().cloned()))
        .collect()
}

fn all_deadlines(ds: &[Directive], out: &mut Vec<String>) {
    for d in ds {
        for dl in &d.deadlines {
            out.push(dl.date.clone().or(dl.period.clone()).unwrap_or_default());
        }
        all_deadlines(&d.items, out);
    }
}

fn deadlines(d: &Document) -> Vec<String> {
    let mut v = Vec::new();
    all_deadlines(&d.directives, &mut v);
    v
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

fn pairs(v: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    v.iter()
        .map(|(l, a)| (l.to_string(), a.map(|a| a.to_string())))
        .collect()
}

#[test]
fn seed_000_letter_with_giao_items() {
    let d = seed("000_");
    assert_eq!(
        tops(&d),
        pairs(&[
            ("1", Some("Sở Giáo dục và Đào tạo")),
            // The whole group the sentence names (the seed's gold has only
            // its first body, from before the whole-group convention).
            (
                "2",
                Some("Các sở, ban, ngành của thành phố, Ủy ban nhân dân các xã, phường, đặc khu")
            ),
        ])
    );
    // `- Chủ trì, phối hợp với …` under `1. Giao Sở Giáo dục và Đào tạo:`.
    let sub = &d.directives[0].items[0];
    assert_eq!(sub.assignees[0], "Sở Giáo dục và Đào tạo");
    assert!(sub.assignees.len() > 1);
    assert_eq!(deadlines(&d), vec!["2025-11-15"]);
    assert_eq!(sub.deadlines[0].raw, "ngày 15/11/2025");
    assert!(d.targets.is_empty());
}

fn key(t: &Target) -> (f64, String, Option<String>, Option<i32>) {
    (t.value, t.cmp.clone(), t.unit.clone(), t.by_year)
}

#[test]
fn seed_001_plan_targets_and_implementation() {
    let d = seed("001_");
    assert_eq!(
        tops(&d),
        pairs(&[
            ("1", Some("Các chi bộ khối trường học")),
            ("2", Some("Đảng ủy Ủy ban nhân dân đặc khu")),
            ("3", Some("Ban Tuyên giáo và Dân vận Đảng ủy đặc khu")),
            (
                "4",
                Some("Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu, các tổ chức chính trị - xã hội đặc khu")
            ),
        ])
    );
    assert!(deadlines(&d).is_empty());
    let t: Vec<_> = d.targets.iter().map(key).collect();
    let pct = |v: f64, c: &str, y: Option<i32>| (v, c.to_string(), s("%"), y);
    let expected = vec![
        pct(100.0, "=", Some(2030)),
        (1.0, ">=".into(), s("phòng học/lớp"), Some(2030)),
        pct(100.0, "=", Some(2030)),
        pct(100.0, "=", Some(2030)),
        pct(95.0, ">", Some(2030)),
        pct(80.0, ">", Some(2029)),
        pct(7.0, ">=", Some(2030)),
        pct(5.0, ">=", Some(2030)),
        pct(100.0, "=", Some(2030)),
        pct(95.0, ">", Some(2030)),
        pct(90.0, ">", Some(2030)),
        pct(100.0, "=", Some(2030)),
        pct(100.0, "=", Some(2030)),
        pct(100.0, "=", Some(2030)),
        (0.82, ">".into(), None, Some(2030)),
        pct(10.0, "<", Some(2030)),
        (0.85, ">".into(), None, Some(2035)),
        pct(20.0, ">=", None),
        pct(5.0, ">=", None),
        pct(100.0, "=", None),
        pct(100.0, "=", None),
        pct(100.0, "=", None),
        pct(100.0, "=", None),
    ];
    assert_eq!(t, expected);
    // The footnote `1 Tính đến … = 66,6%` and `quốc gia1` give nothing.
    assert!(d.targets.iter().all(|t| (t.value - 66.6).abs() > 1e-9));
    // Spans point at the quantity in the normalized text.
    let hdi = d
        .targets
        .iter()
        .find(|t| (t.value - 0.82).abs() < 1e-9)
        .unwrap();
    assert!(hdi.span.end > hdi.span.start);
}

#[test]
fn seed_002_heading_items() {
    let d = seed("002_");
    assert_eq!(
        tops(&d),
        pairs(&[
            ("1", Some("Ủy ban nhân dân các xã, phường, đặc khu")),
            (
                "2",
                Some("Các trường đại học, các cơ sở giáo dục nghề nghiệp")
            ),
            (
                "3",
                Some("Các Phòng CMNV cơ quan Sở, các đơn vị trực thuộc Sở")
            ),
        ])
    );
    // Bullets under a heading item inherit it.
    assert_eq!(
        d.directives[0].items[1].assignees[0],
        "Ủy ban nhân dân các xã, phường, đặc khu"
    );
    assert!(deadlines(&d).is_empty());
    assert!(d.targets.is_empty());
}

#[test]
fn seed_003_unaddressed_items_and_quarter() {
    let d = seed("003_");
    assert_eq!(
        tops(&d),
        pairs(&[
            ("1", None),
            ("2", None),
            ("3", None),
            ("4", None),
            ("5", None),
            ("6", Some("Văn phòng Sở")),
        ])
    );
    assert_eq!(d.directives[5].assignees[1], "Sở Khoa học và Công nghệ");
    assert_eq!(deadlines(&d), vec!["Q1/2026"]);
    assert!(d.targets.is_empty());
}

#[test]
fn seed_004_giao_cho_and_numbers_that_are_not_targets() {
    let d = seed("004_");
    assert_eq!(
        tops(&d),
        pairs(&[
            ("1", None),
            ("2", None),
            ("3", Some("phòng Kế hoạch tài chính"))
        ])
    );
    // Dates of cited documents and `đến năm 2030` are not deadlines;
    // `06 nhiệm vụ`, `chỉ tiêu số 15` are not targets.
    assert!(deadlines(&d).is_empty());
    assert!(d.targets.is_empty());
}

#[test]
fn graph_command_on_corpus() {
    let bin = env!("CARGO_BIN_EXE_congvan");
    let out = Command::new(bin)
        .args(["graph", "--dot"])
        .arg(corpus())
        .output()
        .expect("run congvan graph");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dot = String::from_utf8(out.stdout).expect("utf-8");
    assert!(dot.starts_with("digraph citations {"));
    assert!(dot.contains("\"code:71-NQ/TW\""));
    assert!(dot.contains("[label=\"implements\""));
    assert_eq!(dot.matches("shape=box").count(), 5, "{dot}");

    let out = Command::new(bin)
        .args(["graph", "--json"])
        .arg(corpus())
        .output()
        .expect("run congvan graph --json");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let nodes = v["nodes"].as_array().expect("nodes");
    let edges = v["edges"].as_array().expect("edges");
    assert!(nodes.len() > 5);
    // 71-NQ/TW is cited by 000, 001 and 002.
    let to71 = edges.iter().filter(|e| e["to"] == "code:71-NQ/TW").count();
    assert_eq!(to71, 3);
    assert!(edges
        .iter()
        .all(|e| ["implements", "basis", "attached", "mentions"]
            .contains(&e["relation"].as_str().unwrap_or(""))));
}

#[test]
fn a_nested_items_deadline_is_not_repeated_at_the_document_level() {
    // The deadline of item `b)` (nested under `1.`) is that item's own; the
    // top-level `deadlines` list (times outside every directive) does not
    // repeat it.
    let text = "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n\nSố: 45/UBND-VX\nV/v triển khai nhiệm vụ\nNinh Bình, ngày 2 tháng 3 năm 2025\n\n\
                Kính gửi: Các sở, ngành.\n\n\
                1. Sở Y tế:\na) Rà soát cơ sở vật chất.\nb) Báo cáo kết quả trước ngày 15/11/2025.\n\
                2. Sở Tài chính bố trí kinh phí.\n\n\
                Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Bình\n";
    let d = congvan::parse_str(text, "nested.txt");
    let b = &d.directives[0].items[1];
    assert_eq!(b.label, "b");
    assert_eq!(b.deadlines.len(), 1);
    assert_eq!(b.deadlines[0].date.as_deref(), Some("2025-11-15"));
    assert!(d.deadlines.is_empty(), "{:?}", d.deadlines);
}
