//! Parse throughput, per stage and end to end, single thread.
//!
//! `cargo bench --bench parse` (add `-- --quick` for a fast run). Inputs: the
//! embedded corpus and a generated corpus (`congvan::gen`, seed 1).
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v.iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn generated(n: usize) -> Vec<String> {
    congvan::gen::generate(&congvan::gen::GenOptions { docs: n, seed: 1 })
        .map(|d| d.text)
        .collect()
}

fn stages(c: &mut Criterion, name: &str, docs: &[String]) {
    let bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    let normalized: Vec<String> = docs
        .iter()
        .map(|d| congvan::normalize::normalize(d))
        .collect();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for d in docs {
                black_box(congvan::normalize::normalize(d));
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for t in &normalized {
                black_box(congvan::segment::segment(t));
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for t in &normalized {
                black_box(congvan::extract::extract(t));
            }
        })
    });
    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            for d in docs {
                black_box(congvan::parse_bytes(d.as_bytes(), "bench.txt").ok());
            }
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    stages(c, "corpus", &corpus());
    stages(c, "generated_500", &generated(500));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
