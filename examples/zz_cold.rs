use std::time::Instant;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let t0 = Instant::now();
    let idx = congvan::index::Index::open(std::path::Path::new(&a[1])).unwrap();
    let t1 = Instant::now();
    let p = congvan::index::query::parse(&a[2]);
    let t2 = Instant::now();
    let r = idx.search_with(&a[2], &Default::default()).unwrap();
    let t3 = Instant::now();
    eprintln!("--warm");
    let _ = idx.search_with(&a[2], &Default::default()).unwrap();
    let t4 = Instant::now();
    eprintln!(
        "open {:?} parse {:?} search {:?} warm {:?} hits {} {}",
        t1 - t0,
        t2 - t1,
        t3 - t2,
        t4 - t3,
        r.total,
        p.citations.len()
    );
}
