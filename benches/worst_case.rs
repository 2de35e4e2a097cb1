//! Worst-case input shapes next to ordinary text of the same size, parsed
//! end to end (one thread): one huge line, a million short lines
//! (`Số: 1/QĐ-UBND`), citations by the hundred thousand, deep outlines,
//! long runs of one character, huge tables. Parse time is linear in the
//! input for each; the figures for 1, 10 and 60 MB through the release
//! binary are in the README (`examples/worst_case.rs` writes the files).
//!
//! `cargo bench --bench worst_case` (`-- --quick` for a fast run;
//! `CONGVAN_WORST_MB=4` for bigger inputs, default 1).
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

#[path = "shapes/mod.rs"]
mod shapes;

fn worst_case(c: &mut Criterion) {
    let mb: usize = std::env::var("CONGVAN_WORST_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut g = c.benchmark_group(format!("worst_case_{mb}mb"));
    g.sample_size(10);
    for name in shapes::SHAPES {
        let text = shapes::shape(name, mb * 1_000_000);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| congvan::parse_bytes(black_box(text.as_bytes()), "x.txt"))
        });
    }
    g.finish();
}

criterion_group!(benches, worst_case);
criterion_main!(benches);
