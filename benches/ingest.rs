//! PDF and DOCX ingest (bytes → text) per page, and full parse of the same
//! files.
//!
//! `cargo bench --bench ingest`. Inputs: `fixtures/ingest/` when present,
//! else the PDF/DOCX sources in `../shared/fixtures-src/`. Files this build
//! cannot ingest are reported and left out. PDF pages are counted from the
//! page objects in the file; a DOCX counts as one page per 3 000 characters
//! of text (about one printed A4 page of Vietnamese administrative prose).
use criterion::{black_box, Criterion, Throughput};
use std::path::{Path, PathBuf};

fn inputs(ext: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [
        root.join("fixtures").join("ingest"),
        root.join("..").join("shared").join("fixtures-src"),
    ] {
        let mut v: Vec<PathBuf> = walk(&dir)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case(ext)))
            .collect();
        if !v.is_empty() {
            v.sort();
            return v;
        }
    }
    Vec::new()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Page objects (`/Type /Page`, not `/Pages`) in a PDF's bytes; at least 1.
fn pdf_pages(bytes: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find(&bytes[i..], b"/Type") {
        let mut j = i + p + b"/Type".len();
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if bytes[j..].starts_with(b"/Page") && !bytes[j..].starts_with(b"/Pages") {
            n += 1;
        }
        i = j;
    }
    n.max(1)
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    h.windows(n.len()).position(|w| w == n)
}

fn bench_format(c: &mut Criterion, ext: &str) {
    let mut files = Vec::new();
    let mut pages = 0u64;
    for p in inputs(ext) {
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let name = p.to_string_lossy().into_owned();
        match congvan::ingest::ingest(&bytes, &name) {
            Ok(ing) => {
                pages += if ext == "pdf" {
                    pdf_pages(&bytes)
                } else {
                    (ing.text.chars().count() as u64).div_ceil(3000).max(1)
                };
                files.push((bytes, name));
            }
            Err(e) => eprintln!("ingest/{ext}: {name}: not ingested by this build ({e}); left out"),
        }
    }
    if files.is_empty() {
        eprintln!("ingest/{ext}: no {ext} file this build can ingest; nothing to measure");
        return;
    }
    let mut g = c.benchmark_group(format!("ingest_{ext}"));
    g.throughput(Throughput::Elements(pages));
    g.bench_function(format!("text/{}files_{pages}pages", files.len()), |b| {
        b.iter(|| {
            for (bytes, name) in &files {
                black_box(congvan::ingest::ingest(bytes, name).ok());
            }
        })
    });
    g.bench_function(format!("parse/{}files_{pages}pages", files.len()), |b| {
        b.iter(|| {
            for (bytes, name) in &files {
                black_box(congvan::parse_bytes(bytes, name).ok());
            }
        })
    });
    g.finish();
}

fn main() {
    let mut c = Criterion::default().sample_size(10).configure_from_args();
    bench_format(&mut c, "pdf");
    bench_format(&mut c, "docx");
    c.final_summary();
}
