//! Helpers shared by the benches: generated corpora on disk, a raw tantivy
//! indexer (the engine's own limit), percentiles.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Where benches keep what they build (generated corpora, indexes), so a
/// second run reuses them.
pub fn work_dir() -> PathBuf {
    let dir = std::env::var_os("CONGVAN_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target")
                .join("congvan-bench")
        });
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// A generated corpus of `docs` documents (seed 1) as `.txt` files only
/// (no `truth.jsonl`), written once under [`work_dir`]. Returns the folder
/// and the total bytes.
pub fn corpus_on_disk(docs: usize) -> (PathBuf, u64) {
    let dir = work_dir().join(format!("gen-{docs}"));
    let done = dir.join(".complete");
    if !done.is_file() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("bench folder");
        for d in congvan::gen::generate(&congvan::gen::GenOptions { docs, seed: 1 }) {
            std::fs::write(dir.join(&d.name), &d.text).expect("write generated doc");
        }
        std::fs::write(&done, b"").expect("marker");
    }
    let bytes = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    (dir, bytes)
}

/// Texts of the `.txt` files in a folder, sorted by name.
pub fn texts(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Index plain texts into a fresh one-field tantivy index (default
/// tokenizer, stored and indexed, the same writer budget as congvan) in
/// `dir`: no parsing, no normalization — what the engine alone costs.
pub fn raw_index(texts: &[String], dir: &Path) -> tantivy::Result<()> {
    use tantivy::schema::{Schema, TEXT};
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)?;
    let mut b = Schema::builder();
    let body = b.add_text_field("body", TEXT);
    let index = tantivy::Index::create_in_dir(dir, b.build())?;
    let mut writer: tantivy::IndexWriter = index.writer(128 * 1024 * 1024)?;
    for t in texts {
        writer.add_document(tantivy::doc!(body => t.as_str()))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// The `p`-th percentile (0–100) of sorted durations, in milliseconds.
pub fn percentile_ms(sorted: &[std::time::Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)].as_secs_f64() * 1e3
}
