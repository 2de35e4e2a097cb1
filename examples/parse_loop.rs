//! Parse a set of text files over and over on one thread and print MB/s:
//! a quick way to profile the parser (`perf record` this example).
//!
//! `cargo run --release --example parse_loop -- [SECONDS] [FILE|DIR]...`
//! (default: the embedded corpus and 300 generated documents, 5 s).
//! `PARSE_LOOP_ROUNDS=N` runs N rounds instead of a time.
mod common;

use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let secs: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let texts = common::texts(args);
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
