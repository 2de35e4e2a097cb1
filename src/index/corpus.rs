//! The default index: the crate's own `corpus/`, indexed on first use.
//!
//! Commands given no `--index` search this index. It lives in a cache
//! folder — `$CONGVAN_CACHE_DIR`, else `$XDG_CACHE_HOME/congvan`, else
//! `$HOME/.cache/congvan`, else the system temp folder — as
//! `corpus-index/`, next to a fingerprint of what it was built from (the
//! corpus file list with each file's SHA-256, the schema version and the
//! running program). When the fingerprint changes the index is rebuilt, in a
//! fresh folder that then replaces the old one, so a concurrent search never
//! sees a half-built index.

use super::{Index, IndexOptions};
use crate::error::Error;
use std::path::{Path, PathBuf};

/// The embedded corpus folder: `corpus/` of the crate when it still exists
/// (a source checkout), else `./corpus`.
pub fn corpus_dir() -> Option<PathBuf> {
    let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    if built_in.is_dir() {
        return Some(built_in);
    }
    let local = PathBuf::from("corpus");
    local.is_dir().then_some(local)
}

/// The cache folder (see the module docs).
pub fn cache_dir() -> PathBuf {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(d) = env("CONGVAN_CACHE_DIR") {
        return d;
    }
    if let Some(d) = env("XDG_CACHE_HOME") {
        return d.join("congvan");
    }
    if let Some(h) = env("HOME") {
        return h.join(".cache").join("congvan");
    }
    std::env::temp_dir().join("congvan-cache")
}

/// Fingerprint of a corpus folder and of the running program.
fn fingerprint(corpus: &Path) -> Result<String, Error> {
    let io = |e: std::io::Error| Error::Index(format!("{}: {e}", corpus.display()));
    let mut lines = vec![
        format!("schema {}", super::schema::SCHEMA_VERSION),
        format!("version {}", env!("CARGO_PKG_VERSION")),
    ];
    if let Ok(exe) = std::env::current_exe() {
        if let Ok(m) = std::fs::metadata(&exe) {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            lines.push(format!("exe {} {} {mtime}", exe.display(), m.len()));
        }
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    for p in files {
        let bytes = std::fs::read(&p).map_err(io)?;
        let rel = p.strip_prefix(corpus).unwrap_or(&p);
        lines.push(format!("{} {}", rel.display(), crate::sha256_hex(&bytes)));
    }
    Ok(crate::sha256_hex(lines.join("\n").as_bytes()))
}

/// Open the default index of the embedded corpus, building or rebuilding it
/// first when needed.
pub fn open_default() -> Result<Index, Error> {
    let corpus = corpus_dir().ok_or_else(|| {
        Error::Index(
            "no --index given and no corpus/ folder found to build the default index from".into(),
        )
    })?;
    open_for(&corpus, &cache_dir())
}

/// Open (building if needed) the cached index of `corpus` under `cache`.
pub fn open_for(corpus: &Path, cache: &Path) -> Result<Index, Error> {
    let io = |e: std::io::Error| Error::Index(format!("{}: {e}", cache.display()));
    let fp = fingerprint(corpus)?;
    let dir = cache.join("corpus-index");
    let stamp = cache.join("corpus-index.fingerprint");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(fp.as_str()) {
        if let Ok(index) = Index::open(&dir) {
            return Ok(index);
        }
    }
    std::fs::create_dir_all(cache).map_err(io)?;
    let fresh = cache.join(format!("corpus-index.new-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&fresh);
    {
        let index = Index::create(&fresh)?;
        index.add_paths(&[corpus], &IndexOptions::default())?;
    }
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::rename(&fresh, &dir).is_err() {
        // Another process put its fresh index in place first: use that one.
        let _ = std::fs::remove_dir_all(&fresh);
    }
    std::fs::write(&stamp, &fp).map_err(io)?;
    Index::open(&dir)
}
