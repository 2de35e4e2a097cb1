//! `congvan check --index DIR`
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Index folder to verify.
    #[arg(long)]
    index: PathBuf,
    /// The report as one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(a: Args) -> ExitCode {
    let report = match congvan::index::check(&a.index) {
        Ok(r) => r,
        Err(e) => return crate::fail(e),
    };
    let shown = congvan::paths::shown(&a.index);
    if a.json {
        match serde_json::to_string(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => return crate::fail(e),
        }
    } else {
        let mut out = String::new();
        for p in &report.problems {
            out.push_str(&format!("damaged: {shown}: {p}\n"));
        }
        for s in &report.damaged {
            out.push_str(&format!(
                "damaged segment {} ({} document(s)): {}\n",
                s.id,
                s.max_doc,
                s.problems.join("; ")
            ));
            if s.files_known {
                for f in &s.files {
                    out.push_str(&format!(
                        "  held: {}\n",
                        congvan::paths::shown(std::path::Path::new(f))
                    ));
                }
            } else {
                out.push_str("  held: (the files it held cannot be read from the damaged data)\n");
            }
        }
        if report.is_ok() {
            out.push_str(&format!(
                "ok: {shown}: {} segment(s), {} document(s), every file's checksum verified, every stored document read\n",
                report.segments, report.documents
            ));
        } else {
            out.push_str(&format!(
                "{shown}: index is damaged; rebuild it with `congvan index --index {shown} --rebuild` (re-reads the files it lists) or restore the folder from a backup\n"
            ));
        }
        print!("{out}");
    }
    if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
