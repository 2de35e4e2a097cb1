//! `congvan gen` (filled in by the performance work).
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 1000)]
    docs: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long)]
    out: PathBuf,
}

pub fn run(_a: Args) -> ExitCode {
    crate::fail("gen: not implemented yet")
}
