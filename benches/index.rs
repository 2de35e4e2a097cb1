//! Index build throughput and query latency.
//!
//! `cargo bench --bench index` (add `-- --quick` for a fast run).
//!
//! - `index_build/congvan`: `Index::add_paths` on a generated corpus of
//!   `CONGVAN_BENCH_INDEX_DOCS` documents (default 10 000), fresh index
//!   each iteration, all cores; throughput in MB/s of input.
//! - `index_build/raw_tantivy`: the same texts into a one-field tantivy
//!   index without parsing — the engine's own limit.
//! - `query/*`: in-process `Index::search` / `search_with` latency on an
//!   index of `CONGVAN_BENCH_QUERY_DOCS` documents (default 100 000; built
//!   once and kept under `target/congvan-bench/`). Besides criterion's mean,
//!   p50/p99 over every query of each class are printed and written to
//!   `target/congvan-bench/query-latency-N.json`.
//!
//! Generated corpora and indexes are kept under `target/congvan-bench/`
//! (`CONGVAN_BENCH_DIR` moves it); delete the folder to rebuild them.
mod common;

use congvan::index::{Index, IndexOptions, SearchOptions};
use criterion::{black_box, Criterion, Throughput};
use std::time::{Duration, Instant};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn bench_build(c: &mut Criterion) {
    let docs = env_usize("CONGVAN_BENCH_INDEX_DOCS", 10_000);
    let (dir, bytes) = common::corpus_on_disk(docs);
    let texts = common::texts(&dir);
    let scratch = common::work_dir().join("scratch-index");
    let mut g = c.benchmark_group("index_build");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function(format!("congvan/{docs}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let _ = std::fs::remove_dir_all(&scratch);
                let start = Instant::now();
                let index = Index::create(&scratch).expect("create index");
                let report = index
                    .add_paths(&[&dir], &IndexOptions::default())
                    .expect("index");
                total += start.elapsed();
                assert_eq!(report.indexed(), docs);
            }
            total
        })
    });
    g.bench_function(format!("raw_tantivy/{docs}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                common::raw_index(&texts, &scratch).expect("raw index");
                total += start.elapsed();
            }
            total
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&scratch);
}

/// The index for the query benches, built once (or an existing index of
/// `docs` generated documents named by `CONGVAN_BENCH_QUERY_INDEX`, e.g.
/// `congvan gen --docs 100000 --seed 1` indexed by `congvan index`).
fn query_index(docs: usize) -> Index {
    if let Ok(existing) = std::env::var("CONGVAN_BENCH_QUERY_INDEX") {
        return Index::open(existing).expect("open CONGVAN_BENCH_QUERY_INDEX");
    }
    let path = common::work_dir().join(format!("index-{docs}"));
    let done = path.join(".complete");
    if !done.is_file() {
        let (dir, _) = common::corpus_on_disk(docs);
        let _ = std::fs::remove_dir_all(&path);
        let started = Instant::now();
        let index = Index::create(&path).expect("create index");
        index
            .add_paths(&[&dir], &IndexOptions::default())
            .expect("index");
        eprintln!(
            "built the {docs}-document query index in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        std::fs::write(&done, b"").expect("marker");
    }
    Index::open(&path).expect("open index")
}

struct Class {
    name: &'static str,
    queries: Vec<(String, SearchOptions)>,
}

/// Citation queries (codes drawn from the generator's truth, popular and
/// rare, as codes and as `Kind number`), folded free text, filtered text.
fn classes(docs: usize) -> Vec<Class> {
    let mut codes: Vec<String> = Vec::new();
    for d in congvan::gen::generate(&congvan::gen::GenOptions {
        docs: docs.min(2000),
        seed: 1,
    }) {
        for r in d.truth.references {
            if !codes.contains(&r) {
                codes.push(r);
            }
        }
    }
    codes.truncate(50);
    let mut citation = Vec::new();
    for code in &codes {
        citation.push((code.clone(), SearchOptions::default()));
        let kind = congvan::codes::split(code)
            .and_then(|p| p.type_code.and_then(congvan::vocab::type_by_code))
            .map(|t| t.name);
        let seq = code.split(['/', '-']).next().unwrap_or("");
        if let Some(kind) = kind {
            citation.push((format!("{kind} {seq}"), SearchOptions::default()));
        }
    }
    let texts = [
        "bao dam an toan thong tin mang",
        "cai cach hanh chinh",
        "tuyen truyen phuong tien thong tin dai chung",
        "chuyen doi so",
        "phong chong thien tai",
        "nguon nhan luc",
        "kho khan vuong mac",
        "giao duc pho thong",
    ];
    let folded = texts
        .iter()
        .map(|t| (t.to_string(), SearchOptions::default()))
        .collect();
    let filtered = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let opts = SearchOptions {
                doc_type: Some(if i % 2 == 0 { "KH" } else { "CV" }.to_string()),
                from: Some("2024-06".to_string()),
                to: Some("2025-12".to_string()),
                ..SearchOptions::default()
            };
            (t.to_string(), opts)
        })
        .collect();
    vec![
        Class {
            name: "citation",
            queries: citation,
        },
        Class {
            name: "folded_text",
            queries: folded,
        },
        Class {
            name: "filtered",
            queries: filtered,
        },
    ]
}

fn bench_query(c: &mut Criterion) {
    let docs = env_usize("CONGVAN_BENCH_QUERY_DOCS", 100_000);
    let index = query_index(docs);
    let classes = classes(docs);
    let mut summary = Vec::new();
    for class in &classes {
        // Warm up, then time every query of the class several times.
        for (q, o) in &class.queries {
            let _ = index.search_with(q, o);
        }
        let mut times = Vec::new();
        let mut hits = 0usize;
        for _ in 0..20 {
            for (q, o) in &class.queries {
                let t = Instant::now();
                let r = index.search_with(q, o).expect("search");
                times.push(t.elapsed());
                hits += r.hits.len();
            }
        }
        times.sort();
        let p50 = common::percentile_ms(&times, 50.0);
        let p99 = common::percentile_ms(&times, 99.0);
        eprintln!(
            "query/{} on {docs} docs: p50 {p50:.3} ms, p99 {p99:.3} ms ({} queries, {} runs, {:.1} hits/query)",
            class.name,
            class.queries.len(),
            times.len(),
            hits as f64 / times.len() as f64
        );
        summary.push(serde_json::json!({
            "class": class.name,
            "docs": docs,
            "queries": class.queries.len(),
            "runs": times.len(),
            "p50_ms": p50,
            "p99_ms": p99,
        }));
    }
    let _ = std::fs::write(
        common::work_dir().join(format!("query-latency-{docs}.json")),
        serde_json::to_string_pretty(&summary).unwrap_or_default(),
    );
    let mut g = c.benchmark_group(format!("query_{docs}"));
    for class in &classes {
        g.throughput(Throughput::Elements(class.queries.len() as u64));
        g.bench_function(class.name, |b| {
            b.iter(|| {
                for (q, o) in &class.queries {
                    black_box(index.search_with(q, o).ok());
                }
            })
        });
    }
    g.finish();
}

fn main() {
    let mut c = Criterion::default().sample_size(10).configure_from_args();
    bench_build(&mut c);
    bench_query(&mut c);
    c.final_summary();
}
