//! `congvan graph` (filled in by the knowledge work).
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long)]
    dot: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(_a: Args) -> ExitCode {
    crate::fail("graph: not implemented yet")
}
