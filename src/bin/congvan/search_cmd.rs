//! `congvan index`, `congvan search`, `congvan refs` (filled in by the search work).
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct IndexArgs {
    /// Files and folders to index.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Index folder.
    #[arg(long)]
    index: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// The query.
    query: String,
    #[arg(long)]
    index: Option<PathBuf>,
    #[arg(long)]
    json: bool,
    #[arg(long, default_value_t = 10)]
    limit: usize,
}

#[derive(clap::Args)]
pub struct RefsArgs {
    /// A document code such as 71-NQ/TW.
    code: String,
    #[arg(long)]
    index: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn run_index(_a: IndexArgs) -> ExitCode {
    crate::fail("index: not implemented yet")
}
pub fn run_search(_a: SearchArgs) -> ExitCode {
    crate::fail("search: not implemented yet")
}
pub fn run_refs(_a: RefsArgs) -> ExitCode {
    crate::fail("refs: not implemented yet")
}
