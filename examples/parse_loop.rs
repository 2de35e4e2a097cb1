//! Parse a set of text files over and over on one thread and print MB/s:
//! a quick way to profile the parser (`perf record` this example).
//!
//! `cargo run --release --example parse_loop -- [SECONDS] [FILE|DIR]...`
//! (default: the embedded corpus and 300 generated documents, 5 s).
//! `PARSE_LOOP_ROUNDS=N` runs N rounds instead of a time.
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let secs: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let mut files: Vec<PathBuf> = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .map(|rd| rd.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            v.sort();
            files.extend(v);
        } else {
            files.push(p);
        }
    }
    let mut texts: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    if texts.is_empty() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            texts.extend(std::fs::read(e.path()).ok());
        }
        texts.extend(
            congvan::gen::generate(&congvan::gen::GenOptions { docs: 300, seed: 1 })
                .map(|d| d.text.into_bytes()),
        );
    }
    let bytes: usize = texts.iter().map(Vec::len).sum();
    let start = Instant::now();
    let mut rounds = 0u32;
    // `PARSE_LOOP_ROUNDS=N`: a fixed number of rounds instead of a time
    // (for instruction counts with `perf stat`).
    let fixed: Option<u32> = std::env::var("PARSE_LOOP_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok());
    while match fixed {
        Some(n) => rounds < n,
        None => start.elapsed() < Duration::from_secs_f64(secs) || rounds == 0,
    } {
        for t in &texts {
            std::hint::black_box(congvan::parse_bytes(t, "loop.txt").ok());
        }
        rounds += 1;
    }
    let el = start.elapsed().as_secs_f64();
    println!(
        "{} docs, {:.2} MB x {rounds} rounds in {el:.2} s: {:.2} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 * rounds as f64 / el / 1e6
    );
}
