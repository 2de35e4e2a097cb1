//! `congvan check --index DIR`: is the index whole?
//!
//! Verifies, without trusting any of it: the marker file, `meta.json` (the
//! list of segments and their document counts), `.managed.json` (the list of
//! files), then per segment that every file exists, every file's checksum
//! (tantivy writes a CRC footer per file), that the segment opens, that its
//! document count agrees with its files, and that every stored document and
//! every document's fast fields read. Damaged segments are reported with the
//! files whose entries they held (read, best effort, from the segment's path
//! column or its stored documents), so the user knows what `--rebuild` or a
//! backup must bring back. Every read runs under [`super::guard::run`].

use super::guard;
use crate::error::Error;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A damaged segment.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DamagedSegment {
    /// Segment id (the stem of its files).
    pub id: String,
    /// Documents the segment claims.
    pub max_doc: u32,
    /// What is wrong with it, one line each.
    pub problems: Vec<String>,
    /// Paths of the files whose entries it held (as given at indexing time).
    pub files: Vec<String>,
    /// False when the paths could not be read from the damaged data.
    pub files_known: bool,
}

/// What [`check`] found.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CheckReport {
    pub dir: PathBuf,
    /// Segments listed in `meta.json`.
    pub segments: usize,
    /// Live documents in the segments that are whole.
    pub documents: u64,
    /// Damage outside any one segment (meta files, marker).
    pub problems: Vec<String>,
    pub damaged: Vec<DamagedSegment>,
}

impl CheckReport {
    /// Nothing damaged.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty() && self.damaged.is_empty()
    }
}

fn one_line(s: impl std::fmt::Display) -> String {
    s.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Check the index at `dir` (see the module docs). Only an index that cannot
/// be looked at at all (no such folder) is an `Err`.
pub fn check(dir: &Path) -> Result<CheckReport, Error> {
    let mut report = CheckReport {
        dir: dir.to_path_buf(),
        ..Default::default()
    };
    if !dir.is_dir() {
        return Err(Error::Index(format!(
            "{}: no such folder",
            crate::paths::shown(dir)
        )));
    }
    // The marker.
    let marker = std::fs::read_to_string(dir.join(super::MARKER)).unwrap_or_default();
    let version = serde_json::from_str::<serde_json::Value>(&marker)
        .ok()
        .and_then(|v| v.get("schema_version").and_then(|v| v.as_u64()));
    if version.is_none() {
        report.problems.push(format!(
            "{} is missing or unreadable (not a congvan index, or a damaged one)",
            super::MARKER
        ));
    } else if version != Some(u64::from(super::schema::SCHEMA_VERSION)) {
        report.problems.push(format!(
            "index of another congvan version (schema {}, this program reads {})",
            version.unwrap_or(0),
            super::schema::SCHEMA_VERSION
        ));
    }
    // meta.json, read as plain JSON first.
    let meta = match std::fs::read(dir.join("meta.json")) {
        Ok(b) => match serde_json::from_slice::<serde_json::Value>(&b) {
            Ok(v) => Some(v),
            Err(e) => {
                report.problems.push(format!(
                    "meta.json (the list of segments) is not valid JSON: {}",
                    one_line(e)
                ));
                None
            }
        },
        Err(e) => {
            report.problems.push(format!(
                "meta.json (the list of segments) cannot be read: {}",
                one_line(e)
            ));
            None
        }
    };
    // .managed.json: the files tantivy keeps (others are deleted as garbage).
    let managed: Option<BTreeSet<String>> = match std::fs::read(dir.join(".managed.json")) {
        Ok(b) => match serde_json::from_slice::<Vec<String>>(&b) {
            Ok(v) => Some(v.into_iter().collect()),
            Err(e) => {
                report.problems.push(format!(
                    ".managed.json (the list of index files) is not a valid list: {}",
                    one_line(e)
                ));
                None
            }
        },
        Err(e) => {
            report.problems.push(format!(
                ".managed.json (the list of index files) cannot be read: {}",
                one_line(e)
            ));
            None
        }
    };
    if meta.is_none() {
        return Ok(report);
    }
    let opened = guard::run(dir, || {
        tantivy::Index::open_in_dir(dir).map_err(|e| guard::describe(dir, e))
    });
    let index = match opened {
        Ok(i) => i,
        Err(e) => {
            report
                .problems
                .push(format!("the index does not open: {}", guard::what(&e)));
            return Ok(report);
        }
    };
    let metas = match guard::run(dir, || {
        index
            .searchable_segment_metas()
            .map_err(|e| guard::describe(dir, e))
    }) {
        Ok(m) => m,
        Err(e) => {
            report.problems.push(format!(
                "the segment list does not read: {}",
                guard::what(&e)
            ));
            return Ok(report);
        }
    };
    report.segments = metas.len();
    let Some(fields) = super::schema::fields_of(&index.schema()) else {
        report
            .problems
            .push("the index schema does not match this version".into());
        return Ok(report);
    };
    for meta in metas {
        let mut seg = DamagedSegment {
            id: meta.id().uuid_string(),
            max_doc: meta.max_doc(),
            ..Default::default()
        };
        let mut files: Vec<PathBuf> = meta.list_files().into_iter().collect();
        files.sort();
        for f in &files {
            let name = f.to_string_lossy();
            if name.ends_with(".store.temp") {
                continue;
            }
            if name.ends_with(".del") && meta.delete_opstamp().is_none() {
                continue;
            }
            if !dir.join(f).is_file() {
                seg.problems.push(format!("file {name} is missing"));
                continue;
            }
            if let Some(m) = &managed {
                if !m.contains(name.as_ref()) {
                    seg.problems
                        .push(format!("file {name} is not in .managed.json"));
                }
            }
            let valid = guard::run(dir, || {
                index
                    .directory()
                    .validate_checksum(f)
                    .map_err(|e| Error::Index(one_line(e)))
            });
            match valid {
                Ok(true) => {}
                Ok(false) => seg
                    .problems
                    .push(format!("file {name} is corrupt (checksum mismatch)")),
                Err(_) => seg
                    .problems
                    .push(format!("file {name} is truncated or corrupt")),
            }
        }
        let segment = index.segment(meta.clone());
        let read = guard::run(dir, || {
            let reader =
                tantivy::SegmentReader::open(&segment).map_err(|e| guard::describe(dir, e))?;
            read_segment(dir, &reader, fields)
        });
        match read {
            Ok((paths, live)) => {
                if seg.problems.is_empty() {
                    report.documents += live;
                }
                seg.files = paths;
                seg.files_known = true;
            }
            Err(e) => {
                let w = guard::what(&e);
                if !seg
                    .problems
                    .iter()
                    .any(|p| p.contains(&w) || w.contains(p.as_str()))
                {
                    seg.problems.push(w);
                }
                let (paths, known) = salvage_paths(dir, &segment, fields);
                seg.files = paths;
                seg.files_known = known;
            }
        }
        if !seg.problems.is_empty() {
            report.damaged.push(seg);
        }
    }
    Ok(report)
}

/// Read every live document of a segment: its stored fields and fast
/// fields. Returns the paths and the number of live documents.
fn read_segment(
    dir: &Path,
    reader: &tantivy::SegmentReader,
    fields: super::schema::Fields,
) -> Result<(Vec<String>, u64), Error> {
    let err = |e| guard::describe(dir, e);
    let max_doc = reader.max_doc();
    let norms = reader.get_fieldnorms_reader(fields.body).map_err(err)?;
    if norms.num_docs() != max_doc {
        return Err(guard::damaged(
            dir,
            &format!(
                "meta.json says the segment holds {max_doc} documents, its files hold {}",
                norms.num_docs()
            ),
        ));
    }
    let ff = reader.fast_fields();
    let col = |name: &str| -> Result<tantivy::columnar::StrColumn, Error> {
        ff.str(name)
            .map_err(err)?
            .ok_or_else(|| guard::damaged(dir, &format!("the {name} column is missing")))
    };
    let paths_col = col("path")?;
    let keys_col = col("path_key")?;
    let sha_col = col("sha256")?;
    let records = ff
        .bytes("record")
        .map_err(err)?
        .ok_or_else(|| guard::damaged(dir, "the record column is missing"))?;
    let store = reader
        .get_store_reader(1)
        .map_err(|e| guard::describe(dir, e.into()))?;
    let mut paths = Vec::new();
    let mut live = 0u64;
    let mut buf = String::new();
    let mut bytes = Vec::new();
    for doc in reader.doc_ids_alive() {
        live += 1;
        store.get_document_bytes(doc).map_err(err)?;
        for c in [&keys_col, &sha_col] {
            for o in c.term_ords(doc) {
                buf.clear();
                c.ord_to_str(o, &mut buf)
                    .map_err(|e| guard::describe(dir, e.into()))?;
            }
        }
        for o in records.term_ords(doc) {
            bytes.clear();
            records
                .ord_to_bytes(o, &mut bytes)
                .map_err(|e| guard::describe(dir, e.into()))?;
            serde_json::from_slice::<super::schema::Record>(&bytes).map_err(|e| {
                guard::damaged(dir, &format!("a stored record is unreadable ({e})"))
            })?;
        }
        if let Some(o) = paths_col.term_ords(doc).next() {
            buf.clear();
            paths_col
                .ord_to_str(o, &mut buf)
                .map_err(|e| guard::describe(dir, e.into()))?;
            paths.push(buf.clone());
        }
    }
    paths.sort();
    Ok((paths, live))
}

/// The paths a damaged segment held, from whatever still reads: the path
/// column, else the stored documents. `(paths, true)` when one of them read
/// through.
pub(crate) fn salvage_paths(
    dir: &Path,
    segment: &tantivy::Segment,
    fields: super::schema::Fields,
) -> (Vec<String>, bool) {
    let from_column = guard::run(dir, || {
        let reader = tantivy::SegmentReader::open(segment).map_err(|e| guard::describe(dir, e))?;
        let col = reader
            .fast_fields()
            .str("path")
            .map_err(|e| guard::describe(dir, e))?
            .ok_or_else(|| Error::Index("no path column".into()))?;
        let mut out = Vec::new();
        let mut buf = String::new();
        for doc in reader.doc_ids_alive() {
            if let Some(o) = col.term_ords(doc).next() {
                buf.clear();
                col.ord_to_str(o, &mut buf)
                    .map_err(|e| Error::Index(e.to_string()))?;
                out.push(buf.clone());
            }
        }
        Ok(out)
    });
    if let Ok(mut p) = from_column {
        p.sort();
        return (p, true);
    }
    let from_store = guard::run(dir, || {
        let reader = tantivy::SegmentReader::open(segment).map_err(|e| guard::describe(dir, e))?;
        let store = reader
            .get_store_reader(1)
            .map_err(|e| guard::describe(dir, e.into()))?;
        let mut out = Vec::new();
        for doc in reader.doc_ids_alive() {
            use tantivy::schema::Value;
            let d: tantivy::TantivyDocument =
                store.get(doc).map_err(|e| guard::describe(dir, e))?;
            if let Some(p) = d.get_first(fields.path).and_then(|v| v.as_str()) {
                out.push(p.to_string());
            }
        }
        Ok(out)
    });
    match from_store {
        Ok(mut p) => {
            p.sort();
            (p, true)
        }
        Err(_) => (Vec::new(), false),
    }
}
