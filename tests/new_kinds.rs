//! Kinds of documents the shared material does not cover, written for the
//! project (`fixtures/kinds/`) and parsed end to end by the binary: an HĐND
//! resolution with an attached list of projects, a Party plan whose tasks
//! sit in a table with a time column, a decree with fines. Expected values
//! read by hand from the texts.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn parse(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/kinds")
        .join(name);
    let out = Command::new(env!("CARGO_BIN_EXE_congvan"))
        .arg("parse")
        .arg(&path)
        .output()
        .expect("run congvan");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn times(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            d["date"]
                .as_str()
                .or(d["period"].as_str())
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

fn lead(d: &Value) -> Option<&str> {
    d["assignees"].get(0).and_then(Value::as_str)
}

#[test]
fn resolution_with_an_attached_project_list() {
    let d = parse("hdnd_resolution_with_project_list.txt");
    assert_eq!(d["doc_type"]["code"], "NQ");
    // The resolution's articles are the directives.
    let labels: Vec<&str> = d["directives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, vec!["1", "2", "3"]);
    assert_eq!(lead(&d["directives"][1]), Some("Ủy ban nhân dân tỉnh"));
    // The annex is a table: no directives, but its time column's cells
    // (a range of years gives its end, a deadline cell, a quarter).
    let a = &d["attachments"][0];
    assert_eq!(a["title"], "Phụ lục");
    assert_eq!(a["directives"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        times(&d["deadlines"]),
        vec!["2028", "2027-06-30", "Q4/2029"]
    );
    // The Căn cứ law names no issuer; its symbol does.
    assert_eq!(d["references"][0]["code"], "58/2024/QH15");
    assert_eq!(d["references"][0]["issuer"], serde_json::Value::Null);
    assert_eq!(d["references"][0]["symbol_issuer"], "Quốc hội");
}

#[test]
fn party_plan_with_a_time_column_and_yearly_targets() {
    let d = parse("party_plan_with_time_table.txt");
    assert_eq!(d["doc_type"]["code"], "KH");
    assert_eq!(
        times(&d["deadlines"]),
        vec!["2025-12", "Q2/2026", "2028"],
        "{}",
        d["deadlines"]
    );
    // Two bodies named together lead one task.
    assert_eq!(
        lead(&d["directives"][1]),
        Some("Ban Tuyên giáo và Dân vận Tỉnh ủy, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")
    );
    assert_eq!(times(&d["directives"][0]["deadlines"]), vec!["2025-12-31"]);
    // `năm 2026 đạt 85%, năm 2027 đạt 90%`: each target its own year.
    let t: Vec<(f64, i64)> = d["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["value"].as_f64().unwrap(),
                t["by_year"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(t, vec![(100.0, 2030), (85.0, 2026), (90.0, 2027)]);
}

#[test]
fn decree_fines_and_support_levels_are_norms() {
    let d = parse("decree_with_fines.txt");
    assert_eq!(d["doc_type"]["code"], "NĐ");
    assert_eq!(
        d["targets"].as_array().map(Vec::len),
        Some(0),
        "{}",
        d["targets"]
    );
    let norms: Vec<(f64, &str)> = d["norms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["value"].as_f64().unwrap(),
                t["unit"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(norms.contains(&(35.0, "học sinh/lớp")), "{norms:?}");
    assert!(
        norms.contains(&(2_000_000.0, "đồng/người/tháng")),
        "{norms:?}"
    );
    // The article under its title line names who carries the decree out.
    let last = d["directives"].as_array().unwrap().last().unwrap();
    assert_eq!(
        lead(last),
        Some("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương")
    );
}
