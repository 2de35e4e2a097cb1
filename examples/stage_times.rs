//! Time of each extraction stage over a set of texts (one thread).
//!
//! `cargo run --release --example stage_times -- [ROUNDS] [FILE|DIR]...`
//! (default: the embedded corpus and 300 generated documents, 10 rounds).
mod common;

use congvan::extract::{directives, header, outline, references, targets};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let raw: Vec<String> = common::texts(args)
        .into_iter()
        .filter_map(|t| String::from_utf8(t).ok())
        .collect();
    let bytes: usize = raw.iter().map(String::len).sum();
    // Each stage's fastest round (robust to other load on the machine).
    let mut best = [Duration::MAX; 11];
    let names = [
        "rest",
        "normalize",
        "segment",
        "header",
        "references",
        "outline",
        "directives",
        "targets",
        "ingest",
        "sha256",
        "drop",
    ];
    for _ in 0..rounds {
        let mut t = [Duration::ZERO; 11];
        for r in &raw {
            let s = Instant::now();
            let doc = congvan::parse_bytes(r.as_bytes(), "x.txt").ok();
            let doc = std::hint::black_box(doc);
            let total = s.elapsed();
            let s = Instant::now();
            drop(doc);
            t[10] += s.elapsed();
            let s = Instant::now();
            std::hint::black_box(congvan::ingest::ingest(r.as_bytes(), "x.txt").ok());
            t[8] += s.elapsed();
            let s = Instant::now();
            std::hint::black_box(congvan::sha256_hex(r.as_bytes()));
            t[9] += s.elapsed();
            let s = Instant::now();
            let text = congvan::normalize::normalize(r);
            t[1] += s.elapsed();
            let s = Instant::now();
            let zones = congvan::segment::segment(&text);
            t[2] += s.elapsed();
            let mut doc = congvan::model::Document::default();
            let s = Instant::now();
            header::extract_header(&text, &zones, &mut doc);
            t[3] += s.elapsed();
            let s = Instant::now();
            let (refs, _) = references::extract_references(&text, &zones, &doc);
            t[4] += s.elapsed();
            let cited: Vec<_> = refs
                .iter()
                .flat_map(|r| r.mentions.iter().copied())
                .collect();
            let s = Instant::now();
            let o = outline::outline(&text, zones.body.clone());
            t[5] += s.elapsed();
            let s = Instant::now();
            std::hint::black_box(directives::directives_of(&o, doc.date.year, &cited));
            t[6] += s.elapsed();
            let s = Instant::now();
            std::hint::black_box(targets::targets_of(&o, &cited));
            t[7] += s.elapsed();
            let staged: Duration = t[1..10].iter().sum::<Duration>();
            let _ = (total, staged);
            t[0] += total;
        }
        let staged: Duration = t[1..10].iter().sum();
        t[0] = t[0].saturating_sub(staged);
        for (b, x) in best.iter_mut().zip(t) {
            *b = (*b).min(x);
        }
    }
    let t = best;
    let all: Duration = t.iter().sum();
    println!(
        "{} docs, {:.2} MB, best of {rounds} rounds; end to end {:.1} MB/s",
        raw.len(),
        bytes as f64 / 1e6,
        bytes as f64 / t.iter().sum::<Duration>().as_secs_f64() / 1e6
    );
    for (n, d) in names.iter().zip(t) {
        println!(
            "{n:>11}: {:>7.1} ms/round {:>5.1}%  {:>7.1} MB/s",
            d.as_secs_f64() * 1e3,
            100.0 * d.as_secs_f64() / all.as_secs_f64(),
            bytes as f64 / d.as_secs_f64() / 1e6
        );
    }
}
