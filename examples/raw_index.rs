//! Hidden helper of `benches/baseline.sh`: index the plain text of every
//! `.txt` file in a folder into a one-field tantivy index, with no parsing
//! — the search engine's own indexing limit on the same text.
//!
//! `cargo run --release --example raw_index -- DOCS_DIR INDEX_DIR`
//! prints one JSON line: docs, bytes, seconds, index bytes.
#[path = "../benches/common/mod.rs"]
mod common;

use std::path::Path;
use std::time::Instant;

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        dir_size(&p)
                    } else {
                        e.metadata().map(|m| m.len()).unwrap_or(0)
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [docs, out] = args.as_slice() else {
        eprintln!("usage: raw_index DOCS_DIR INDEX_DIR");
        std::process::exit(2);
    };
    let start = Instant::now();
    let texts = common::texts(Path::new(docs));
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    if let Err(e) = common::raw_index(&texts, Path::new(out)) {
        eprintln!("raw_index: {e}");
        std::process::exit(1);
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{{\"docs\":{},\"bytes\":{bytes},\"seconds\":{secs:.3},\"index_bytes\":{}}}",
        texts.len(),
        dir_size(Path::new(out))
    );
}
