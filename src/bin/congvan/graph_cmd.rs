//! `congvan graph PATH... [--dot|--json]`: the citation graph of a set of
//! documents (logic in `congvan::graph`).
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders (folders are walked recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Graphviz DOT output (the default).
    #[arg(long, conflicts_with = "json")]
    dot: bool,
    /// JSON output: `{nodes: [...], edges: [...]}`.
    #[arg(long)]
    json: bool,
}

pub fn run(a: Args) -> ExitCode {
    let (graph, errors) = congvan::graph::from_paths(&a.paths);
    // Each error already names its file.
    for (_, e) in &errors {
        eprintln!("congvan: {e}");
    }
    let text = if a.json {
        match serde_json::to_string_pretty(&graph) {
            Ok(s) => s + "\n",
            Err(e) => return crate::fail(format!("graph: cannot serialize: {e}")),
        }
    } else {
        let _ = a.dot;
        congvan::graph::to_dot(&graph)
    };
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
        return ExitCode::from(1);
    }
    // Like `parse`: the graph of the readable files is printed, and the exit
    // status says that some input failed.
    if !errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
