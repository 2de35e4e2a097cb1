//! `congvan index`, `congvan search`, `congvan refs`.
use congvan::index::{self, Hit, Index, IndexOptions, SearchOptions, SearchResults};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct IndexArgs {
    /// Files and folders to index (folders recursively).
    #[arg(required_unless_present = "rebuild")]
    paths: Vec<PathBuf>,
    /// Re-create the index from the files it lists (and PATHs): the way
    /// out of a damaged index.
    #[arg(long)]
    rebuild: bool,
    /// Index folder (created when missing).
    #[arg(long)]
    index: PathBuf,
    /// Remove entries whose file no longer exists.
    #[arg(long)]
    prune: bool,
    /// Write each failed file as a JSON line `{path, reason}` to FILE.
    #[arg(long, value_name = "FILE")]
    failures: Option<PathBuf>,
    /// Seconds between commits (a crash loses at most this much work).
    #[arg(long, default_value_t = 5.0, hide = true)]
    commit_interval: f64,
    /// Parser threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Seconds one file may take to parse; a file over it is listed as
    /// failed and the rest go on (0: no limit).
    #[arg(long, default_value_t = 60.0, value_name = "SECS")]
    timeout: f64,
    /// Do not OCR scans and images: they are reported as failed with the reason.
    #[arg(long)]
    no_ocr: bool,
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// The query: a document (`Nghị quyết 71`, `NQ 71`, `71-NQ/TW`) or free text.
    query: String,
    /// Index folder (default: an index of the embedded corpus, built on first use).
    #[arg(long)]
    index: Option<PathBuf>,
    /// NDJSON, one hit per line.
    #[arg(long)]
    json: bool,
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Only documents of this kind (`KH`, `CV`, `Kế hoạch`).
    #[arg(long = "type", value_name = "TYPE")]
    doc_type: Option<String>,
    /// Only documents from this issuer.
    #[arg(long)]
    issuer: Option<String>,
    /// Only documents dated on or after (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only documents dated on or before (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
}

#[derive(clap::Args)]
pub struct RefsArgs {
    /// A document code such as 71-NQ/TW (or a short form: "NQ 71").
    code: String,
    /// Index folder (default: an index of the embedded corpus).
    #[arg(long)]
    index: Option<PathBuf>,
    /// NDJSON, one citing document per line.
    #[arg(long)]
    json: bool,
}

fn open(dir: &Option<PathBuf>) -> Result<Index, congvan::Error> {
    match dir {
        Some(d) => Index::open(d),
        None => {
            let (index, notice) = index::corpus::open_default()?;
            if let Some(n) = notice {
                eprintln!("congvan: {n}");
            }
            Ok(index)
        }
    }
}

pub fn run_index(a: IndexArgs) -> ExitCode {
    let opts = IndexOptions {
        prune: a.prune,
        commit_interval: Duration::from_secs_f64(a.commit_interval.clamp(0.0, 86_400.0)),
        progress: std::io::stderr().is_terminal(),
        threads: a.threads,
        timeout: crate::budget(a.timeout),
        ocr: !a.no_ocr,
        ..IndexOptions::default()
    };
    let report = if a.rebuild {
        index::rebuild::rebuild(&a.index, &a.paths, &opts)
    } else {
        Index::create(&a.index).and_then(|idx| idx.add_paths(&a.paths, &opts))
    };
    let report = match report {
        Ok(r) => r,
        Err(e) => return crate::fail(e),
    };
    let secs = report.elapsed.as_secs_f64().max(1e-6);
    let mut out = String::new();
    out.push_str(&format!(
        "indexed {} file(s) into {}: {} new, {} replaced; {} unchanged (skipped), {} failed, {} pruned\n",
        report.indexed(),
        congvan::paths::shown(&a.index),
        report.added,
        report.replaced,
        report.skipped,
        report.failed.len(),
        report.pruned,
    ));
    out.push_str(&format!(
        "{} file(s), {:.2} MB in {:.2} s: {:.0} files/s, {:.2} MB/s\n",
        report.files,
        report.bytes as f64 / 1e6,
        secs,
        report.files as f64 / secs,
        report.bytes as f64 / 1e6 / secs,
    ));
    for f in &report.failed {
        out.push_str(&format!(
            "failed: {}: {}\n",
            congvan::paths::shown(std::path::Path::new(&f.path)),
            f.reason
        ));
    }
    print!("{out}");
    if let Some(path) = &a.failures {
        let mut lines = String::new();
        for f in &report.failed {
            if let Ok(s) = serde_json::to_string(f) {
                lines.push_str(&s);
                lines.push('\n');
            }
        }
        if let Err(e) = std::fs::write(path, lines) {
            eprintln!("congvan: {}: cannot write failures: {e}", path.display());
        }
    }
    if report.indexed() == 0 && report.skipped == 0 && !report.failed.is_empty() {
        eprintln!("congvan: nothing could be indexed");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn hit_json(h: &Hit, with_relation: bool) -> String {
    index::HitLine::of(h, with_relation).to_json()
}

fn print_json(res: &SearchResults, with_relation: bool) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for h in &res.hits {
        if writeln!(out, "{}", hit_json(h, with_relation)).is_err() {
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

fn date_text(h: &Hit) -> String {
    match (h.date.year, h.date.month, h.date.day) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), _, _) => format!("{y}"),
        _ => "-".into(),
    }
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        format!("{s:<n$}")
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn highlight(s: &index::Snippet, tty: bool) -> String {
    let (on, off) = if tty {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::new();
    let mut at = 0;
    for r in &s.highlights {
        if r.start < at || r.end > s.text.len() {
            continue;
        }
        let (Some(a), Some(b)) = (s.text.get(at..r.start), s.text.get(r.start..r.end)) else {
            continue;
        };
        out.push_str(a);
        out.push_str(on);
        out.push_str(b);
        out.push_str(off);
        at = r.end;
    }
    out.push_str(s.text.get(at..).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A path as shown to a person: relative to the current folder when inside it.
fn shown_path(p: &str) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|d| {
            std::path::Path::new(p)
                .strip_prefix(&d)
                .ok()
                .map(|r| r.display().to_string())
        })
        .unwrap_or_else(|| p.to_string())
}

fn print_table(res: &SearchResults, refs_mode: bool) -> ExitCode {
    let tty = std::io::stdout().is_terminal();
    let mut o = String::new();
    if res.no_such_document {
        o.push_str(&format!(
            "No such document: {} (document numbers have at most five digits); nothing cites it.\n",
            res.citations.join(", ")
        ));
    } else if !res.citations.is_empty() && !res.fallback {
        let what = res.citations.join(", ");
        if res.ambiguous {
            let list: Vec<String> = res
                .groups
                .iter()
                .map(|g| format!("{} ({} citing)", g.code, g.count))
                .collect();
            o.push_str(&format!(
                "Ambiguous: {what} matches {} different documents: {}. All are listed, one group each.\n",
                res.groups.len(),
                list.join(", ")
            ));
        } else {
            let cited: Vec<&str> = res.groups.iter().map(|g| g.code.as_str()).collect();
            let own = res
                .hits
                .iter()
                .filter(|h| h.role == index::Role::Document)
                .count();
            o.push_str(&format!(
                "{} indexed document(s) cite {}\n",
                res.total.saturating_sub(own),
                if cited.is_empty() {
                    what
                } else {
                    cited.join(", ")
                }
            ));
        }
    } else if res.fallback {
        o.push_str(&format!(
            "No indexed document cites {}; full-text matches instead ({}).\n",
            res.citations.join(", "),
            res.total
        ));
    } else {
        o.push_str(&format!("{} matching document(s)\n", res.total));
    }
    if res.hits.is_empty() {
        print!("{o}");
        return ExitCode::SUCCESS;
    }
    let mut group: Option<&str> = None;
    let header = format!(
        "{:>3}  {:<16} {:<5} {:<10} {:<44} {}\n",
        "#",
        "code",
        "type",
        "date",
        "subject",
        if refs_mode { "relation" } else { "matched" }
    );
    let own = res
        .hits
        .iter()
        .take_while(|h| h.role == index::Role::Document)
        .count();
    if !res.ambiguous && own == 0 {
        o.push_str(&header);
    }
    if own > 0 {
        o.push_str("\n== the document itself (indexed)\n");
        o.push_str(&header);
    }
    for (i, h) in res.hits.iter().enumerate() {
        if h.role == index::Role::Document {
            o.push_str(&format!(
                "{:>3}* {} {} {} {} {}\n",
                i + 1,
                cut(h.code.as_deref().unwrap_or("-"), 16),
                cut(
                    h.doc_type.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                    5
                ),
                cut(&date_text(h), 10),
                cut(h.subject.as_deref().unwrap_or("-"), 44),
                "the document itself"
            ));
            o.push_str(&format!("     {}\n", shown_path(&h.path)));
            continue;
        }
        if i == own && own > 0 && !res.ambiguous {
            o.push_str("\n== citing it\n");
            o.push_str(&header);
        }
        if res.ambiguous && h.group.as_deref() != group {
            group = h.group.as_deref();
            let g = res.groups.iter().find(|g| Some(g.key.as_str()) == group);
            if let Some(g) = g {
                o.push_str(&format!("\n== {} ({} citing)\n", g.code, g.count));
            }
            o.push_str(&header);
        }
        let matched = if refs_mode {
            h.relation
                .map(|r| r.as_str().to_string())
                .unwrap_or_default()
        } else {
            let mut m = h.matched_references.join(", ");
            if let Some(r) = h.relation {
                m.push_str(&format!(" ({})", r.as_str()));
            }
            m
        };
        o.push_str(&format!(
            "{:>3}  {} {} {} {} {}\n",
            i + 1,
            cut(h.code.as_deref().unwrap_or("-"), 16),
            cut(
                h.doc_type.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                5
            ),
            cut(&date_text(h), 10),
            cut(h.subject.as_deref().unwrap_or("-"), 44),
            matched.trim()
        ));
        o.push_str(&format!("     {}\n", shown_path(&h.path)));
        if let Some(s) = &h.snippet {
            o.push_str(&format!("     “{}”\n", highlight(s, tty)));
        }
    }
    if res.total > res.hits.len() {
        o.push_str(&format!(
            "\nshowing {} of {} (use --limit)\n",
            res.hits.len(),
            res.total
        ));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if out.write_all(o.as_bytes()).is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

pub fn run_search(a: SearchArgs) -> ExitCode {
    let idx = match open(&a.index) {
        Ok(i) => i,
        Err(e) => return crate::fail(e),
    };
    let opts = SearchOptions {
        limit: a.limit,
        doc_type: a.doc_type,
        issuer: a.issuer,
        from: a.from,
        to: a.to,
    };
    let res = match idx.search_with(&a.query, &opts) {
        Ok(r) => r,
        Err(e) => return crate::fail(e),
    };
    let code = if a.json {
        print_json(&res, false)
    } else {
        print_table(&res, false)
    };
    leave_open(idx);
    code
}

/// The process ends right after a search: the index is left for the
/// exit to release rather than dropped piece by piece (unmapping each
/// file of a large index one by one costs about a millisecond, a tenth of
/// a cold search). Nothing is written by a search, so nothing is lost.
fn leave_open(idx: congvan::index::Index) {
    std::mem::forget(idx);
}

pub fn run_refs(a: RefsArgs) -> ExitCode {
    let idx = match open(&a.index) {
        Ok(i) => i,
        Err(e) => return crate::fail(e),
    };
    let res = match idx.refs(&a.code) {
        Ok(r) => r,
        Err(e) => return crate::fail(e),
    };
    let code = if a.json {
        print_json(&res, true)
    } else {
        print_table(&res, true)
    };
    leave_open(idx);
    code
}
