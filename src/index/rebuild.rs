//! `congvan index [PATH...] --index DIR --rebuild`: re-create an index.
//!
//! The files the old index lists (read, best effort, from every segment that
//! still reads: the path columns, else the stored documents) and the files
//! under the given paths are indexed into a fresh folder next to DIR; only
//! when that succeeded does the fresh folder replace DIR, so a failed
//! rebuild leaves the old folder as it was.

use super::{guard, Index, IndexOptions, IndexReport};
use crate::error::Error;
use std::path::{Path, PathBuf};

/// `(source.path, file)` of every document the index at `dir` lists, as far
/// as its segments still read. Empty when the segment list is unreadable.
pub fn listed_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(index) = guard::run(dir, || {
        tantivy::Index::open_in_dir(dir).map_err(|e| guard::describe(dir, e))
    }) else {
        return Vec::new();
    };
    let Some(fields) = super::schema::fields_of(&index.schema()) else {
        return Vec::new();
    };
    let Ok(metas) = guard::run(dir, || {
        index
            .searchable_segment_metas()
            .map_err(|e| guard::describe(dir, e))
    }) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for meta in metas {
        let segment = index.segment(meta);
        let pairs = guard::run(dir, || {
            let reader =
                tantivy::SegmentReader::open(&segment).map_err(|e| guard::describe(dir, e))?;
            let ff = reader.fast_fields();
            let col = |n: &str| {
                ff.str(n)
                    .map_err(|e| guard::describe(dir, e))?
                    .ok_or_else(|| Error::Index(format!("no {n} column")))
            };
            let (paths, keys) = (col("path")?, col("path_key")?);
            let mut pairs = Vec::new();
            for doc in reader.doc_ids_alive() {
                let (mut p, mut k) = (String::new(), String::new());
                if let Some(o) = paths.term_ords(doc).next() {
                    paths
                        .ord_to_str(o, &mut p)
                        .map_err(|e| Error::Index(e.to_string()))?;
                }
                if let Some(o) = keys.term_ords(doc).next() {
                    keys.ord_to_str(o, &mut k)
                        .map_err(|e| Error::Index(e.to_string()))?;
                }
                if !k.is_empty() {
                    pairs.push((p, crate::paths::decode(&k)));
                }
            }
            Ok(pairs)
        });
        match pairs {
            Ok(p) => out.extend(p),
            Err(_) => {
                let (paths, _) = super::check::salvage_paths(dir, &segment, fields);
                out.extend(paths.into_iter().map(|p| {
                    let f = PathBuf::from(&p);
                    (p, f)
                }));
            }
        }
    }
    out
}

fn sibling(dir: &Path, tag: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    let parent = dir.parent().unwrap_or(Path::new("."));
    parent.join(format!(".{name}.{tag}-{}", std::process::id()))
}

/// Rebuild the index at `dir` from the files it lists and the files under
/// `paths` (see the module docs).
pub fn rebuild<P: AsRef<Path>>(
    dir: &Path,
    paths: &[P],
    options: &IndexOptions,
) -> Result<IndexReport, Error> {
    let shown = crate::paths::shown(dir);
    let exists = dir.exists();
    if exists
        && !dir.join("meta.json").exists()
        && !dir.join(super::MARKER).exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        return Err(Error::Index(format!(
            "{shown}: not an index folder; --rebuild replaces only an index"
        )));
    }
    let listed = if exists {
        listed_files(dir)
    } else {
        Vec::new()
    };
    if listed.is_empty() && paths.is_empty() {
        return Err(Error::Index(format!(
            "{shown}: the index lists no file that can be read back; give the folders to index: `congvan index PATH... --index {shown} --rebuild`"
        )));
    }
    let fresh = sibling(dir, "rebuild");
    let _ = std::fs::remove_dir_all(&fresh);
    let report = {
        let index = Index::create(&fresh)?;
        let r = super::writer::add(&index, &listed, paths, options);
        if r.is_err() {
            drop(index);
            let _ = std::fs::remove_dir_all(&fresh);
        }
        r?
    };
    let io = |e: std::io::Error| Error::Index(format!("{shown}: cannot replace the index: {e}"));
    if exists {
        let old = sibling(dir, "old");
        std::fs::rename(dir, &old).map_err(io)?;
        if let Err(e) = std::fs::rename(&fresh, dir) {
            let _ = std::fs::rename(&old, dir);
            return Err(io(e));
        }
        let _ = std::fs::remove_dir_all(&old);
    } else {
        std::fs::rename(&fresh, dir).map_err(io)?;
    }
    Ok(report)
}
