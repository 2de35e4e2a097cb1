//! `congvan serve [--index DIR] [--listen 127.0.0.1:8080]` (logic in
//! `congvan::serve`).
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Index folder (default: the index of the embedded corpus, as `search` uses it).
    #[arg(long)]
    index: Option<PathBuf>,
    /// Address to listen on (loopback by default; port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Longest time one request may compute, in milliseconds.
    #[arg(long, default_value_t = 5000, hide = true)]
    max_request_ms: u64,
}

pub fn run(a: Args) -> ExitCode {
    let opts = congvan::serve::ServeOptions {
        index: a.index,
        listen: a.listen,
        limits: congvan::serve::Limits {
            request_time: std::time::Duration::from_millis(a.max_request_ms),
            ..Default::default()
        },
    };
    let result = congvan::serve::run(opts, |addr| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "congvan: serving on http://{addr}/ (Ctrl-C to stop)");
        let _ = out.flush();
    });
    match result {
        Ok(()) => {
            eprintln!("congvan: stopped");
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail(e),
    }
}
