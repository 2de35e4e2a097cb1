//! Cross-reference search: a tantivy index of parsed documents.
//!
//! Each indexed file keeps its metadata, its full text (accented and
//! diacritic-folded, see [`analyzer`]) and the documents it cites as
//! canonical keys ([`crate::codes::canonical`]: `71-NQ/TW`) and loose keys
//! ([`crate::codes::loose`]: `NQ|71`). "Which documents cite X?" is then an
//! exact term query, not a phrase search over text.
//!
//! ```
//! # fn main() -> Result<(), congvan::Error> {
//! use congvan::index::{Index, IndexOptions};
//! let docs = tempfile::tempdir().unwrap();
//! std::fs::write(
//!     docs.path().join("a.txt"),
//!     "UBND TỈNH QUẢNG NINH\nSỞ TÀI CHÍNH\nSố: 123/STC-NS\n\
//!      V/v thực hiện Nghị quyết số 71-NQ/TW\n\
//!      Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về giáo dục.\n",
//! ).unwrap();
//! let dir = tempfile::tempdir().unwrap();
//! let index = Index::create(dir.path())?;
//! let report = index.add_paths(&[docs.path()], &IndexOptions::default())?;
//! assert_eq!(report.indexed(), 1);
//!
//! let index = Index::open(dir.path())?;
//! for query in ["Nghị quyết 71", "NQ 71", "nghi quyet 71", "71 - NQ/TW"] {
//!     let found = index.search(query)?;
//!     assert_eq!(found.hits.len(), 1, "{query}");
//!     assert_eq!(found.hits[0].matched_references, ["71-NQ/TW"]);
//! }
//! assert_eq!(index.search("giáo dục")?.hits.len(), 1);
//! assert_eq!(index.refs("71-NQ/TW")?.hits[0].relation.map(|r| r.as_str()), Some("implements"));
//! # Ok(()) }
//! ```

pub mod analyzer;
mod cache;
pub mod check;
pub mod corpus;
mod dir;
pub(crate) mod guard;
pub mod json;
mod lookup;
pub mod query;
pub mod rebuild;
pub mod schema;
mod search;
mod writer;

use crate::error::Error;
use crate::model::Relation;
use schema::Fields;
use std::path::{Path, PathBuf};

pub use check::{check, CheckReport, DamagedSegment};
pub use json::HitLine;
pub use lookup::{valid_id, Stats, StoredDoc};
pub use search::{Group, Hit, Role, SearchOptions, SearchResults, Snippet};
pub(crate) use writer::reason as failure_reason;
pub use writer::{own_code_key, reference_keys, CitationKeys, Failure, IndexOptions, IndexReport};

/// Name of the marker file that tells a congvan index from any other folder.
const MARKER: &str = "congvan-index.json";

/// An index folder.
///
/// One reader is kept open for the life of the value: searches use it, and
/// this value's own writes ([`Index::add_paths`]) reload it after each
/// commit. Commits made by another process are seen by a newly opened
/// [`Index`] (and by [`Index::len`], [`Index::documents`] and indexing,
/// which reload first).
pub struct Index {
    inner: tantivy::Index,
    fields: Fields,
    dir: PathBuf,
    reader: tantivy::IndexReader,
    /// What queries read per segment, opened on first use.
    segments: cache::SegmentCache,
    /// Opened for searching ([`Index::open`]): nothing is ever written
    /// through `inner`; indexing opens the folder again for writing.
    read_only: bool,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("dir", &self.dir).finish()
    }
}

pub(crate) fn tantivy_err(dir: &Path, e: tantivy::TantivyError) -> Error {
    guard::describe(dir, e)
}

fn io_err(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Index(format!("{}: {e}", dir.display()))
}

impl Index {
    /// Open an existing index for searching. Nothing is written to the
    /// folder and no lock is taken that needs write access, so an index on
    /// a read-only mount or owned by another user can be searched.
    /// ([`Index::add_paths`] still works: it opens the folder again for
    /// writing.) A damaged index is an error naming the folder and the way
    /// to recover (never a panic: see [`guard`]).
    pub fn open(dir: impl AsRef<Path>) -> Result<Index, Error> {
        let dir = dir.as_ref();
        guard::run(dir, || Index::open_unguarded(dir))
    }

    fn open_unguarded(dir: &Path) -> Result<Index, Error> {
        if !dir.join("meta.json").is_file() {
            return Err(Error::Index(format!(
                "{}: no index here (build one with `congvan index PATH... --index {}`)",
                dir.display(),
                dir.display()
            )));
        }
        let marker = std::fs::read_to_string(dir.join(MARKER)).unwrap_or_default();
        let version = serde_json::from_str::<serde_json::Value>(&marker)
            .ok()
            .and_then(|v| v.get("schema_version").and_then(|v| v.as_u64()));
        if version != Some(u64::from(schema::SCHEMA_VERSION)) {
            return Err(Error::Index(format!(
                "{}: not a congvan index of this version (schema {}); delete the folder and index again",
                dir.display(),
                schema::SCHEMA_VERSION
            )));
        }
        let folder = dir::IndexDir::read_only(dir).map_err(|e| io_err(dir, e))?;
        let inner = tantivy::Index::open(folder).map_err(|e| tantivy_err(dir, e))?;
        let fields = schema::fields_of(&inner.schema())
            .ok_or_else(|| io_err(dir, "index schema does not match this version"))?;
        analyzer::register(&inner);
        Index::with_reader(inner, fields, dir, true)
    }

    /// The same folder opened for writing (indexing).
    pub(crate) fn open_writable(dir: &Path) -> Result<tantivy::Index, Error> {
        let folder = dir::IndexDir::writable(dir).map_err(|e| io_err(dir, e))?;
        let inner = tantivy::Index::open(folder).map_err(|e| tantivy_err(dir, e))?;
        analyzer::register(&inner);
        Ok(inner)
    }

    fn with_reader(
        inner: tantivy::Index,
        fields: Fields,
        dir: &Path,
        read_only: bool,
    ) -> Result<Index, Error> {
        let reader = inner
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| tantivy_err(dir, e))?;
        Ok(Index {
            inner,
            fields,
            dir: dir.to_path_buf(),
            reader,
            segments: cache::SegmentCache::default(),
            read_only,
        })
    }

    /// Open the index at `dir`, creating the folder and an empty index when
    /// there is none yet.
    pub fn create(dir: impl AsRef<Path>) -> Result<Index, Error> {
        let dir = dir.as_ref();
        if dir.join("meta.json").is_file() {
            let mut index = Index::open(dir)?;
            index.inner = Index::open_writable(dir)?;
            index.read_only = false;
            // A reader of the writable handle, so commits made through it
            // are seen after a reload.
            index.reader = index
                .inner
                .reader_builder()
                .reload_policy(tantivy::ReloadPolicy::Manual)
                .try_into()
                .map_err(|e| tantivy_err(dir, e))?;
            return Ok(index);
        }
        std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
        if std::fs::read_dir(dir)
            .map_err(|e| io_err(dir, e))?
            .next()
            .is_some()
        {
            return Err(io_err(
                dir,
                "folder is not empty and holds no index; give an empty or new folder",
            ));
        }
        let folder = dir::IndexDir::writable(dir).map_err(|e| io_err(dir, e))?;
        let inner = Index::build_in(folder, dir)?;
        let marker = serde_json::json!({
            "schema_version": schema::SCHEMA_VERSION,
            "created_by": concat!("congvan ", env!("CARGO_PKG_VERSION")),
        });
        std::fs::write(dir.join(MARKER), marker.to_string()).map_err(|e| io_err(dir, e))?;
        let fields = schema::fields_of(&inner.schema())
            .ok_or_else(|| io_err(dir, "index schema does not match this version"))?;
        Index::with_reader(inner, fields, dir, false)
    }

    /// An empty index held in memory only (used when no cache folder can be
    /// written).
    pub fn create_in_memory() -> Result<Index, Error> {
        let dir = Path::new("<memory>");
        let inner = Index::build_in(tantivy::directory::RamDirectory::create(), dir)?;
        let fields = schema::fields_of(&inner.schema())
            .ok_or_else(|| io_err(dir, "index schema does not match this version"))?;
        Index::with_reader(inner, fields, dir, false)
    }

    /// A new tantivy index of our schema in `folder`.
    fn build_in(
        folder: impl Into<Box<dyn tantivy::Directory>>,
        dir: &Path,
    ) -> Result<tantivy::Index, Error> {
        let (schema, _) = schema::build();
        // The stored text in zstd, 32 KiB blocks: at 100k documents the index
        // is 0.99x of the input instead of 1.12x with the default lz4, at the
        // same indexing speed (64 KiB blocks: 0.95x but 45% slower).
        let settings = tantivy::IndexSettings {
            docstore_compression: tantivy::store::Compressor::Zstd(
                tantivy::store::ZstdCompressor::default(),
            ),
            docstore_blocksize: 32 * 1024,
            ..Default::default()
        };
        let inner =
            tantivy::Index::create(folder, schema, settings).map_err(|e| tantivy_err(dir, e))?;
        analyzer::register(&inner);
        Ok(inner)
    }

    /// The index folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Index files and folders (recursively): see [`IndexOptions`].
    pub fn add_paths<P: AsRef<Path>>(
        &self,
        paths: &[P],
        options: &IndexOptions,
    ) -> Result<IndexReport, Error> {
        guard::run(&self.dir, || writer::add_paths(self, paths, options))
    }

    /// Search with default options (10 hits, no filters).
    pub fn search(&self, query: &str) -> Result<SearchResults, Error> {
        self.search_with(query, &SearchOptions::default())
    }

    /// Search: citation queries (`Nghị quyết 71`, `71-NQ/TW`) return the
    /// documents that cite the named document; anything else is free text.
    pub fn search_with(
        &self,
        query: &str,
        options: &SearchOptions,
    ) -> Result<SearchResults, Error> {
        guard::run(&self.dir, || search::search(self, query, options))
    }

    /// Every indexed document that cites `code` (`71-NQ/TW`, or a short
    /// form such as `NQ 71`), with the relation of the citation.
    pub fn refs(&self, code: &str) -> Result<SearchResults, Error> {
        guard::run(&self.dir, || search::refs(self, code))
    }

    /// `(path, sha256)` of every indexed document, sorted by path.
    pub fn documents(&self) -> Result<Vec<(String, String)>, Error> {
        let existing = guard::run(&self.dir, || writer::existing(self))?;
        let mut out: Vec<(String, String)> = existing.into_values().collect();
        out.sort();
        Ok(out)
    }

    /// Number of indexed documents.
    pub fn len(&self) -> Result<u64, Error> {
        guard::run(&self.dir, || {
            self.reload()?;
            Ok(self.searcher().num_docs())
        })
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> Result<bool, Error> {
        Ok(self.len()? == 0)
    }

    /// A searcher on the last commit this reader loaded.
    fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// Load the last commit (ours or another process's).
    fn reload(&self) -> Result<(), Error> {
        self.reader.reload().map_err(|e| tantivy_err(&self.dir, e))
    }
}

/// Relation bonus used to order citing documents (implementing ones first).
pub(crate) fn relation_weight(r: Relation) -> f32 {
    match r {
        Relation::Implements => 0.3,
        Relation::Basis => 0.2,
        Relation::Attached => 0.1,
        Relation::Mentions => 0.0,
    }
}
