//! `congvan export`: bulk NDJSON for Elasticsearch/OpenSearch and records
//! metadata (ND30) as CSV or NDJSON.

use congvan::export::{self, ExportOptions, Format};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    /// `_bulk` NDJSON for Elasticsearch/OpenSearch.
    Opensearch,
    /// Records metadata (Nghị định 30/2020/NĐ-CP) as CSV.
    #[value(name = "nd30-csv")]
    Nd30Csv,
    /// Records metadata as NDJSON objects with the Vietnamese field names.
    #[value(name = "nd30-json")]
    Nd30Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders to export (folders recursively).
    #[arg(required_unless_present_any = ["template", "query"])]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "opensearch")]
    format: FormatArg,
    /// Write to FILE (written whole, then renamed into place) instead of
    /// standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print the OpenSearch/Elasticsearch index template and exit.
    #[arg(long, conflicts_with = "query")]
    template: bool,
    /// Print the OpenSearch/Elasticsearch search body that reproduces
    /// `congvan search QUERY` and exit.
    #[arg(long, value_name = "QUERY")]
    query: Option<String>,
    /// Index name in the bulk action lines and the template's pattern.
    #[arg(long, default_value = "congvan")]
    index_name: String,
    /// Write each failed file as a JSON line `{path, reason}` to FILE.
    #[arg(long, value_name = "FILE")]
    failures: Option<PathBuf>,
    /// Parser threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
}

fn print_json(v: &serde_json::Value) -> ExitCode {
    match serde_json::to_string_pretty(v) {
        Ok(s) => {
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = writeln!(std::io::stdout().lock(), "{s}");
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail(e),
    }
}

pub fn run(a: Args) -> ExitCode {
    if a.template {
        return print_json(&export::opensearch_template(&a.index_name));
    }
    if let Some(q) = &a.query {
        return print_json(&export::opensearch_query(q));
    }
    let opts = ExportOptions {
        format: match a.format {
            FormatArg::Opensearch => Format::OpenSearch,
            FormatArg::Nd30Csv => Format::Nd30Csv,
            FormatArg::Nd30Json => Format::Nd30Json,
        },
        index_name: a.index_name.clone(),
        threads: a.threads,
        progress: std::io::stderr().is_terminal(),
    };
    let result = match &a.out {
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            export::export(&a.paths, &opts, &mut w)
        }
        Some(path) => {
            // Written beside the target and renamed when complete: an
            // interrupted export never leaves a truncated file in its place.
            let mut partial = path.clone().into_os_string();
            partial.push(".partial");
            let partial = PathBuf::from(partial);
            let file = match std::fs::File::create(&partial) {
                Ok(f) => f,
                Err(e) => return crate::fail(format!("{}: cannot write: {e}", partial.display())),
            };
            let mut w = std::io::BufWriter::new(file);
            let r = export::export(&a.paths, &opts, &mut w).and_then(|r| {
                w.flush()
                    .and_then(|_| std::fs::rename(&partial, path))
                    .map(|_| r)
                    .map_err(|e| congvan::Error::Io {
                        path: path.clone(),
                        source: e,
                    })
            });
            if r.is_err() {
                let _ = std::fs::remove_file(&partial);
            }
            r
        }
    };
    let report = match result {
        Ok(r) => r,
        Err(e) => return crate::fail(e),
    };
    eprintln!(
        "exported {} document(s), {} failed",
        report.exported,
        report.failures.len()
    );
    for f in &report.failures {
        eprintln!("failed: {}: {}", f.path, f.reason);
    }
    if let Some(path) = &a.failures {
        let mut lines = String::new();
        for f in &report.failures {
            if let Ok(s) = serde_json::to_string(f) {
                lines.push_str(&s);
                lines.push('\n');
            }
        }
        if let Err(e) = std::fs::write(path, lines) {
            eprintln!("congvan: {}: cannot write failures: {e}", path.display());
        }
    }
    if report.exported == 0 && !report.failures.is_empty() {
        eprintln!("congvan: nothing could be exported");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
