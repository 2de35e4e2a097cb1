//! The default index: the corpus embedded in the binary, indexed on first
//! use into a per-user cache.
//!
//! The files of the crate's `corpus/` folder are embedded at build time
//! (`build.rs`); no `corpus/` folder is read at run time. Their index lives
//! in a cache folder, in a sub-folder named after the version of the
//! program and a key of what the index depends on (schema version, program
//! version, the embedded files' SHA-256, the running executable's size and
//! time), so a new program or corpus gets a new index and a shared cache
//! never serves a stale one.
//!
//! Where (the first that works): `$CONGVAN_CACHE_DIR` when set (and then only
//! it), else `$XDG_CACHE_HOME/congvan` when that variable is an absolute path,
//! `$HOME/.cache/congvan` (absolute `HOME`), else a per-user folder in the
//! system temporary folder (`congvan-cache-<uid>`, mode 0700, used only when
//! owned by the user). A finished index there is opened read-only, so a
//! cache on a read-only share works. Otherwise the index is built in a
//! temporary sub-folder that is then renamed into place in one step: a
//! concurrent search either finds the finished folder or builds its own and,
//! losing the rename race, drops it and opens the winner's. When no cache
//! folder can be written the index is built in memory, and the caller is
//! given a one-line notice to print.

use super::{Index, IndexOptions};
use crate::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// The embedded corpus: `(file name, content)`, sorted by name. Its
/// documents are indexed under the path `corpus/<file name>`.
pub fn embedded() -> &'static [(&'static str, &'static [u8])] {
    EMBEDDED
}

/// SHA-256 of the embedded corpus (names and contents).
pub fn corpus_hash() -> String {
    let mut lines = String::new();
    for (name, bytes) in EMBEDDED {
        lines.push_str(name);
        lines.push(' ');
        lines.push_str(&crate::sha256_hex(bytes));
        lines.push('\n');
    }
    crate::sha256_hex(lines.as_bytes())
}

/// The key of the default index: what it was built from and by.
fn cache_key() -> String {
    let mut lines = vec![
        format!("schema {}", super::schema::SCHEMA_VERSION),
        format!("version {}", env!("CARGO_PKG_VERSION")),
        format!("corpus {}", corpus_hash()),
    ];
    // The executable's size and time tell two builds of one version apart
    // (a development build whose parser changed).
    if let Some(m) = std::env::current_exe()
        .ok()
        .and_then(|e| std::fs::metadata(e).ok())
    {
        let mtime = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        lines.push(format!("exe {} {mtime}", m.len()));
    }
    crate::sha256_hex(lines.join("\n").as_bytes())[..16].to_string()
}

/// Name of the default index's folder inside a cache folder.
pub fn index_folder_name() -> String {
    format!("corpus-index-{}-{}", env!("CARGO_PKG_VERSION"), cache_key())
}

fn env_path(k: &str) -> Option<PathBuf> {
    std::env::var_os(k)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

#[cfg(unix)]
fn user_id() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// The per-user folder in the system temporary folder.
fn user_temp_dir() -> PathBuf {
    #[cfg(unix)]
    let name = format!("congvan-cache-{}", user_id());
    #[cfg(not(unix))]
    let name = format!(
        "congvan-cache-{}",
        std::env::var("USERNAME").unwrap_or_else(|_| "user".into())
    );
    std::env::temp_dir().join(name)
}

/// The cache folders to try, in order (see the module docs).
pub fn cache_dirs() -> Vec<PathBuf> {
    if let Some(d) = env_path("CONGVAN_CACHE_DIR") {
        let d = if d.is_absolute() {
            d
        } else {
            std::path::absolute(&d).unwrap_or(d)
        };
        return vec![d];
    }
    let mut out = Vec::new();
    if let Some(d) = env_path("XDG_CACHE_HOME").filter(|d| d.is_absolute()) {
        out.push(d.join("congvan"));
    }
    if let Some(h) = env_path("HOME").filter(|d| d.is_absolute()) {
        out.push(h.join(".cache").join("congvan"));
    }
    out.push(user_temp_dir());
    out.dedup();
    out
}

/// The first cache folder (kept for callers that want one path).
pub fn cache_dir() -> PathBuf {
    cache_dirs()
        .into_iter()
        .next()
        .unwrap_or_else(user_temp_dir)
}

/// The default index, opened or built, with a notice to print when it could
/// only be built in memory.
pub fn open_default() -> Result<(Index, Option<String>), Error> {
    open_in(&cache_dirs())
}

/// [`open_default`] with explicit cache folders to try.
pub fn open_in(caches: &[PathBuf]) -> Result<(Index, Option<String>), Error> {
    let name = index_folder_name();
    let mut tried = Vec::new();
    for c in caches {
        let dir = c.join(&name);
        if dir.join("meta.json").is_file() {
            if let Ok(index) = Index::open(&dir) {
                return Ok((index, None));
            }
        }
        match build_into(c, &name) {
            Ok(index) => return Ok((index, None)),
            Err(e) => tried.push(e.to_string()),
        }
    }
    let index = Index::create_in_memory()?;
    add_corpus(&index)?;
    let notice = format!(
        "no cache folder can be written ({}); the index of the embedded corpus is built in memory for this run",
        if tried.is_empty() {
            "none found".to_string()
        } else {
            tried.join("; ")
        }
    );
    Ok((index, Some(notice)))
}

/// Index the embedded corpus, each file as `corpus/<name>`.
fn add_corpus(index: &Index) -> Result<(), Error> {
    let named: Vec<(String, &'static [u8])> = EMBEDDED
        .iter()
        .map(|(name, bytes)| (format!("corpus/{name}"), *bytes))
        .collect();
    let docs: Vec<(&str, &'static [u8])> = named.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    super::writer::add_embedded(index, &docs, &IndexOptions::default())?;
    Ok(())
}

/// Make `cache` (when it is the per-user temporary folder: private, and
/// ours).
fn prepare(cache: &Path) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::Index(format!("{}: {e}", cache.display()));
    let private = cache == user_temp_dir();
    if private {
        #[cfg(unix)]
        {
            use std::os::unix::fs::{DirBuilderExt, MetadataExt};
            match std::fs::DirBuilder::new().mode(0o700).create(cache) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io(e)),
            }
            let m = std::fs::symlink_metadata(cache).map_err(io)?;
            if !m.is_dir() || m.uid() != user_id() {
                return Err(Error::Index(format!(
                    "{}: not a folder owned by this user; not used",
                    cache.display()
                )));
            }
            return Ok(());
        }
    }
    std::fs::create_dir_all(cache).map_err(io)
}

/// Build the index of the embedded corpus in a temporary folder of `cache`
/// and rename it to `name`; a folder already there (another process won)
/// is used instead.
fn build_into(cache: &Path, name: &str) -> Result<Index, Error> {
    prepare(cache)?;
    remove_stale_builds(cache, name);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let fresh = cache.join(format!(".{name}.tmp-{}-{nanos}", std::process::id()));
    let built = (|| {
        let index = Index::create(&fresh)?;
        add_corpus(&index)?;
        Ok::<(), Error>(())
    })();
    if let Err(e) = built {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e);
    }
    let dir = cache.join(name);
    if std::fs::rename(&fresh, &dir).is_err() {
        // Another process put its index in place first: use that one.
        let _ = std::fs::remove_dir_all(&fresh);
    }
    Index::open(&dir)
}

/// Remove temporary build folders of `name` left by a crashed run (older
/// than ten minutes; a build takes well under a second).
fn remove_stale_builds(cache: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(rd) = std::fs::read_dir(cache) else {
        return;
    };
    for e in rd.filter_map(Result::ok) {
        if !e.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        let old = e
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(600));
        if old {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Open (building if needed) an index of the folder `corpus` under `cache`:
/// for a corpus other than the embedded one, read from disk because the
/// caller asked for it. Built the same way (temporary folder, one rename).
pub fn open_for(corpus: &Path, cache: &Path) -> Result<Index, Error> {
    let io = |e: std::io::Error| Error::Index(format!("{}: {e}", cache.display()));
    let mut lines = vec![format!("schema {}", super::schema::SCHEMA_VERSION)];
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    for p in files {
        let bytes = crate::read_limited(&p)?;
        let rel = p.strip_prefix(corpus).unwrap_or(&p);
        lines.push(format!("{} {}", rel.display(), crate::sha256_hex(&bytes)));
    }
    let key = &crate::sha256_hex(lines.join("\n").as_bytes())[..16];
    let dir = cache.join(format!("folder-index-{key}"));
    if let Ok(index) = Index::open(&dir) {
        return Ok(index);
    }
    std::fs::create_dir_all(cache).map_err(io)?;
    let fresh = cache.join(format!(".folder-index-{key}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&fresh);
    let built = (|| {
        let index = Index::create(&fresh)?;
        index.add_paths(&[corpus], &IndexOptions::default())?;
        Ok::<(), Error>(())
    })();
    if let Err(e) = built {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e);
    }
    if std::fs::rename(&fresh, &dir).is_err() {
        let _ = std::fs::remove_dir_all(&fresh);
    }
    Index::open(&dir)
}
