//! Write the worst-case shapes (`benches/shapes`) as files, to time the
//! release binary on them:
//!
//! ```sh
//! cargo run --release --example worst_case -- OUT_DIR 1 10 60   # sizes in MB
//! for f in OUT_DIR/*.txt; do /usr/bin/time -f "$f %e s %M KB" target/release/congvan parse --compact --timeout 0 "$f" >/dev/null; done
//! ```
#[path = "../benches/shapes/mod.rs"]
mod shapes;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: worst_case OUT_DIR MB...");
        std::process::exit(2);
    };
    let _ = std::fs::create_dir_all(out);
    for mb in &args[1..] {
        let Ok(mb) = mb.parse::<usize>() else {
            continue;
        };
        for name in shapes::SHAPES {
            let text = shapes::shape(name, mb * 1_000_000);
            let path = std::path::Path::new(out).join(format!("{name}_{mb}mb.txt"));
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("{}: {e}", path.display());
            }
        }
    }
}
