//! `congvan`: thin command-line front end over the `congvan` library.

mod check_cmd;
mod export_cmd;
mod gen_cmd;
mod graph_cmd;
mod parse_cmd;
mod search_cmd;
mod serve_cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "congvan",
    version,
    about = "Structured data and citation search for Vietnamese administrative documents"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse documents into contract JSON (one object; NDJSON for several files).
    Parse(parse_cmd::Args),
    /// Index files and folders (recursively) into a tantivy index.
    Index(search_cmd::IndexArgs),
    /// Search the index: citation queries (`Nghị quyết 71`, `71-NQ/TW`) or free text.
    Search(search_cmd::SearchArgs),
    /// List the indexed documents that cite CODE.
    Refs(search_cmd::RefsArgs),
    /// The citation graph over a set of documents (DOT or JSON).
    Graph(graph_cmd::Args),
    /// Generate a synthetic corpus with ground truth.
    Gen(gen_cmd::Args),
    /// Export documents for Elasticsearch/OpenSearch (bulk NDJSON, index
    /// template, query) or records systems (ND30 metadata as CSV/NDJSON).
    Export(export_cmd::Args),
    /// Verify an index: meta files, every segment file's checksum, stored documents.
    Check(check_cmd::Args),
    /// Serve the search page and the HTTP API over an index (read-only).
    Serve(serve_cmd::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse(a) => parse_cmd::run(a),
        Command::Index(a) => search_cmd::run_index(a),
        Command::Search(a) => search_cmd::run_search(a),
        Command::Refs(a) => search_cmd::run_refs(a),
        Command::Graph(a) => graph_cmd::run(a),
        Command::Gen(a) => gen_cmd::run(a),
        Command::Export(a) => export_cmd::run(a),
        Command::Check(a) => check_cmd::run(a),
        Command::Serve(a) => serve_cmd::run(a),
    }
}

/// `--timeout SECS` as a budget (0 or less: none).
pub(crate) fn budget(secs: f64) -> Option<std::time::Duration> {
    (secs.is_finite() && secs > 0.0).then(|| std::time::Duration::from_secs_f64(secs.min(1e9)))
}

/// Print an error line and return the failure exit code.
pub(crate) fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("congvan: {msg}");
    ExitCode::from(2)
}

#[allow(dead_code)]
pub(crate) type Paths = Vec<PathBuf>;
