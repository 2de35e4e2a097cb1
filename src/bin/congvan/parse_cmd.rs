//! `congvan parse FILE...`
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files to parse (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print compact JSON even for a single file.
    #[arg(long)]
    compact: bool,
    /// Print the normalized text (what `span` offsets point into) instead of JSON.
    #[arg(long)]
    text: bool,
    /// Seconds one file may take to parse; a file over it is an error line
    /// and the rest go on (0: no limit).
    #[arg(long, default_value_t = 60.0, value_name = "SECS")]
    timeout: f64,
    /// Do not OCR scans and images: they fail with a clear reason.
    #[arg(long)]
    no_ocr: bool,
}

/// Files parsed (and serialized) in parallel per batch; output keeps the
/// order of the arguments and memory stays bounded.
const BATCH: usize = 256;

pub fn run(args: Args) -> ExitCode {
    use rayon::prelude::*;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let single = args.files.len() == 1 && !args.compact;
    let mut failed = false;
    let budget = crate::budget(args.timeout);
    for batch in args.files.chunks(BATCH) {
        // One line of output or one error message per file, in order.
        let results: Vec<Result<String, String>> = batch
            .par_iter()
            .map(|path| {
                let opts = congvan::ParseOptions {
                    ocr: !args.no_ocr,
                    ..congvan::ParseOptions::default()
                };
                let (doc, text) = congvan::budget::parse_path_within(path, &opts, budget)
                    .map_err(|e| format!("congvan: {e}"))?;
                if args.text {
                    return Ok(text);
                }
                let json = if single {
                    serde_json::to_string_pretty(&doc)
                } else {
                    serde_json::to_string(&doc)
                };
                json.map_err(|e| format!("congvan: {}: cannot serialize: {e}", path.display()))
            })
            .collect();
        for r in results {
            match r {
                Ok(s) => {
                    if writeln!(out, "{s}").is_err() {
                        return ExitCode::from(1);
                    }
                }
                Err(msg) => {
                    // Errors go out in their place among the results.
                    if out.flush().is_err() {
                        return ExitCode::from(1);
                    }
                    eprintln!("{msg}");
                    failed = true;
                }
            }
        }
        if out.flush().is_err() {
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
