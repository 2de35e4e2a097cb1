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

/// Inputs over this size (bytes) are not serialized to a string in the
/// batch: their document is written straight to the output in its turn
/// (the JSON of a 60 MB text is about three times its size).
const STREAM_OVER: u64 = 1 << 20;

/// What a file of the batch gives.
enum Out {
    /// JSON or text, ready to print.
    Ready(String),
    /// A large document, serialized when its turn comes.
    Doc(Box<congvan::Document>, PathBuf),
}

pub fn run(args: Args) -> ExitCode {
    use rayon::prelude::*;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let single = args.files.len() == 1 && !args.compact;
    let mut failed = false;
    let budget = crate::budget(args.timeout);
    for batch in args.files.chunks(BATCH) {
        // One line of output or one error message per file, in order.
        let results: Vec<Result<Out, String>> = batch
            .par_iter()
            .map(|path| {
                let opts = congvan::ParseOptions {
                    ocr: !args.no_ocr,
                    ..congvan::ParseOptions::default()
                };
                if args.text {
                    // The text alone: ingest and normalize, no parse.
                    return congvan::budget::text_path_within(path, &opts, budget)
                        .map(Out::Ready)
                        .map_err(|e| format!("congvan: {e}"));
                }
                let (doc, text) = congvan::budget::parse_path_within(path, &opts, budget)
                    .map_err(|e| format!("congvan: {e}"))?;
                drop(text);
                if doc.source.bytes > STREAM_OVER {
                    return Ok(Out::Doc(Box::new(doc), path.clone()));
                }
                let json = if single {
                    serde_json::to_string_pretty(&doc)
                } else {
                    serde_json::to_string(&doc)
                };
                json.map(Out::Ready)
                    .map_err(|e| format!("congvan: {}: cannot serialize: {e}", path.display()))
            })
            .collect();
        for r in results {
            let written = match r {
                Ok(Out::Ready(s)) => writeln!(out, "{s}"),
                Ok(Out::Doc(doc, path)) => {
                    let res = if single {
                        serde_json::to_writer_pretty(&mut out, &doc)
                    } else {
                        serde_json::to_writer(&mut out, &doc)
                    };
                    match res {
                        Ok(()) => writeln!(out),
                        Err(e) if e.is_io() => Err(e.into()),
                        Err(e) => {
                            // Not an output error: reported in its place.
                            if out.flush().is_err() {
                                return ExitCode::from(1);
                            }
                            eprintln!("congvan: {}: cannot serialize: {e}", path.display());
                            failed = true;
                            Ok(())
                        }
                    }
                }
                Err(msg) => {
                    // Errors go out in their place among the results.
                    if out.flush().is_err() {
                        return ExitCode::from(1);
                    }
                    eprintln!("{msg}");
                    failed = true;
                    Ok(())
                }
            };
            if written.is_err() {
                return ExitCode::from(1);
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
