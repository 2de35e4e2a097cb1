//! `congvan gen`: write a synthetic corpus with its ground truth.
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Number of documents.
    #[arg(long, default_value_t = 1000)]
    docs: usize,
    /// PRNG seed (same seed, same corpus).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output folder (created if needed); gets N `.txt` files. The truth goes
    /// beside it: `DIR.truth.jsonl`.
    #[arg(long)]
    out: PathBuf,
}

pub fn run(a: Args) -> ExitCode {
    let opts = congvan::gen::GenOptions {
        docs: a.docs,
        seed: a.seed,
    };
    match congvan::gen::write_corpus(&a.out, &opts) {
        Ok(bytes) => {
            eprintln!(
                "congvan: wrote {} documents ({:.1} MB) to {} and their truth to {}",
                a.docs,
                bytes as f64 / 1e6,
                a.out.display(),
                congvan::gen::truth_path(&a.out).display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail(format!("{}: {e}", a.out.display())),
    }
}
