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
}

pub fn run(args: Args) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let single = args.files.len() == 1 && !args.compact;
    let mut failed = false;
    for path in &args.files {
        if args.text {
            match congvan::normalized_text(path) {
                Ok(t) => {
                    if writeln!(out, "{t}").is_err() {
                        return ExitCode::from(1);
                    }
                }
                Err(e) => {
                    eprintln!("congvan: {e}");
                    failed = true;
                }
            }
            continue;
        }
        match congvan::parse_path(path) {
            Ok(doc) => {
                let json = if single {
                    serde_json::to_string_pretty(&doc)
                } else {
                    serde_json::to_string(&doc)
                };
                match json {
                    Ok(s) => {
                        if writeln!(out, "{s}").is_err() {
                            return ExitCode::from(1);
                        }
                    }
                    Err(e) => {
                        eprintln!("congvan: {}: cannot serialize: {e}", path.display());
                        failed = true;
                    }
                }
            }
            Err(e) => {
                eprintln!("congvan: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
