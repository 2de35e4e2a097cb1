//! Load benchmark for `congvan serve` (not a test): N concurrent clients on
//! loopback for a bounded time, each on one keep-alive connection, sending
//! a mix of citation and free-text queries to `/api/search`; prints
//! requests/s, p50/p99 latency per kind and the errors.
//!
//! ```sh
//! cargo run --release --example load -- ADDR CLIENTS SECONDS QUERIES.tsv
//! ```
//! QUERIES.tsv: one query per line, `c<TAB>query` (citation) or
//! `t<TAB>query` (free text). Only loopback addresses are accepted.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One GET on a keep-alive connection: the status, or None on I/O errors.
fn get(conn: &mut BufReader<TcpStream>, addr: &str, path: &str) -> Option<u16> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    conn.get_mut().write_all(req.as_bytes()).ok()?;
    let mut line = String::new();
    conn.read_line(&mut line).ok()?;
    let status: u16 = line.split_whitespace().nth(1)?.parse().ok()?;
    let mut len = 0usize;
    loop {
        line.clear();
        conn.read_line(&mut line).ok()?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().ok()?;
            }
        }
    }
    let mut body = vec![0u8; len];
    conn.read_exact(&mut body).ok()?;
    Some(status)
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 5 {
        eprintln!("usage: load ADDR CLIENTS SECONDS QUERIES.tsv");
        std::process::exit(2);
    }
    let addr: SocketAddr = args[1].parse().expect("ADDR");
    assert!(addr.ip().is_loopback(), "loopback addresses only");
    let clients: usize = args[2].parse().expect("CLIENTS");
    let secs: f64 = args[3].parse().expect("SECONDS");
    let text = std::fs::read_to_string(&args[4]).expect("QUERIES");
    let queries: Arc<Vec<(bool, String)>> = Arc::new(
        text.lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(k, q)| (k == "c", format!("/api/search?q={}&limit=10", enc(q))))
            .collect(),
    );
    assert!(!queries.is_empty());
    let stop = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|i| {
            let (queries, stop) = (queries.clone(), stop.clone());
            let host = addr.to_string();
            std::thread::spawn(move || {
                let mut lat: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
                let mut errors: Vec<String> = Vec::new();
                let connect = || {
                    TcpStream::connect(addr).ok().map(|s| {
                        let _ = s.set_nodelay(true);
                        let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
                        BufReader::new(s)
                    })
                };
                let mut conn = connect();
                let mut k = i * 7919;
                while !stop.load(Ordering::Relaxed) {
                    let (cite, path) = &queries[k % queries.len()];
                    k += 1;
                    let t = Instant::now();
                    let ok = match conn.as_mut() {
                        Some(c) => get(c, &host, path),
                        None => None,
                    };
                    match ok {
                        Some(200) => lat[usize::from(*cite)].push(t.elapsed().as_secs_f64() * 1e3),
                        Some(st) => errors.push(format!("status {st}")),
                        None => {
                            errors.push("connection".into());
                            conn = connect();
                        }
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs_f64(secs));
    stop.store(true, Ordering::Relaxed);
    let mut all: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    let mut kinds: std::collections::BTreeMap<String, usize> = Default::default();
    for h in handles {
        if let Ok((lat, e)) = h.join() {
            let [t, c] = lat;
            all[0].extend(t);
            all[1].extend(c);
            for k in e {
                *kinds.entry(k).or_insert(0) += 1;
            }
        }
    }
    let errors: usize = kinds.values().sum();
    let elapsed = start.elapsed().as_secs_f64();
    let total = all[0].len() + all[1].len();
    println!(
        "clients={clients} seconds={elapsed:.1} requests={total} rps={:.0} errors={errors}",
        total as f64 / elapsed
    );
    for (k, n) in &kinds {
        println!("  error {k}: {n}");
    }
    let [text, cite] = all;
    for (name, mut v) in [("citation", cite), ("free-text", text)] {
        let n = v.len();
        let (p50, p99) = (pct(&mut v, 0.5), pct(&mut v, 0.99));
        println!(
            "{name:>9}: n={n} rps={:.0} p50={p50:.2}ms p99={p99:.2}ms",
            n as f64 / elapsed
        );
    }
}
