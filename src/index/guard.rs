//! A damaged index is an error, not a panic.
//!
//! tantivy trusts its files: a `max_doc` edited in `meta.json` makes a search
//! panic deep in the bit unpacker, a truncated segment file gives an error
//! naming internal files. Every path that opens or reads an index runs
//! through [`run`], which turns a panic into [`Error::Index`], and every
//! tantivy error goes through [`describe`]: one line naming the index
//! folder, what is wrong in plain words and how to recover (rebuild with
//! `congvan index --rebuild`, or restore the folder from a backup).
//!
//! `congvan check` ([`super::check`]) finds the damage these messages report.

use crate::error::Error;
use std::path::Path;
use tantivy::directory::error::{LockError, OpenDirectoryError, OpenReadError, OpenWriteError};
use tantivy::TantivyError;

/// How to recover from a damaged index, for the folder `dir`.
pub(crate) fn advice(dir: &Path) -> String {
    format!(
        "rebuild it with `congvan index --index {} --rebuild` (re-reads the files it lists) or restore the folder from a backup",
        crate::paths::shown(dir)
    )
}

/// The message for a damaged index: folder, what is wrong, how to recover.
pub(crate) fn damaged(dir: &Path, what: &str) -> Error {
    Error::Index(format!(
        "{}: index is damaged: {}; {}",
        crate::paths::shown(dir),
        one_line(what),
        advice(dir)
    ))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Run `f` (an index open, query or write); a panic inside it (tantivy on
/// damaged files) becomes a "damaged index" error and prints nothing.
pub(crate) fn run<T>(dir: &Path, f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    match crate::ingest::quiet::catch_silently(f) {
        Ok(r) => r,
        Err(panic) => Err(damaged(
            dir,
            &format!("reading it failed inside the search engine ({panic})"),
        )),
    }
}

/// True when an I/O error means the disk (or the file size limit) is full.
pub(crate) fn is_disk_full(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::StorageFull
            | std::io::ErrorKind::FileTooLarge
            | std::io::ErrorKind::QuotaExceeded
    ) || matches!(e.raw_os_error(), Some(28) | Some(27) | Some(122))
}

fn io_message(dir: &Path, e: &std::io::Error, file: Option<&Path>) -> Error {
    let shown = crate::paths::shown(dir);
    if is_disk_full(e) {
        return Error::Index(format!(
            "{shown}: disk full while writing the index ({}); the last commit is intact and searchable: free some space and run `congvan index` again to add the rest",
            one_line(&e.to_string())
        ));
    }
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        return Error::Index(format!(
            "{shown}: permission denied ({}); check the folder's owner and permissions",
            one_line(&e.to_string())
        ));
    }
    match file {
        Some(f) if e.kind() == std::io::ErrorKind::InvalidData => damaged(
            dir,
            &format!("its file {} is truncated or corrupt", name_of(f)),
        ),
        Some(f) => damaged(dir, &format!("cannot read its file {} ({})", name_of(f), e)),
        None => Error::Index(format!("{shown}: {}", one_line(&e.to_string()))),
    }
}

/// One line for a tantivy error on the index at `dir`.
pub(crate) fn describe(dir: &Path, e: TantivyError) -> Error {
    let shown = crate::paths::shown(dir);
    match e {
        TantivyError::LockFailure(LockError::LockBusy, _) => Error::Index(format!(
            "{shown}: index is locked: another process is writing to it"
        )),
        TantivyError::LockFailure(LockError::IoError(io), _) => io_message(dir, &io, None),
        TantivyError::IoError(io) => io_message(dir, &io, None),
        TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(p)) => {
            damaged(dir, &format!("its file {} is missing", name_of(&p)))
        }
        TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            io_message(dir, &io_error, Some(&filepath))
        }
        TantivyError::OpenReadError(OpenReadError::IncompatibleIndex(i)) => Error::Index(format!(
            "{shown}: written by an incompatible version of the search engine ({}); {}",
            one_line(&format!("{i:?}")),
            advice(dir)
        )),
        TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, .. }) => {
            io_message(dir, &io_error, None)
        }
        TantivyError::OpenWriteError(OpenWriteError::FileAlreadyExists(p)) => damaged(
            dir,
            &format!(
                "a file it was about to write already exists ({})",
                p.display()
            ),
        ),
        TantivyError::OpenDirectoryError(OpenDirectoryError::DoesNotExist(_)) => {
            Error::Index(format!("{shown}: no such folder"))
        }
        TantivyError::OpenDirectoryError(e) => Error::Index(format!(
            "{shown}: cannot open the folder ({})",
            one_line(&e.to_string())
        )),
        TantivyError::DataCorruption(c) => damaged(dir, &corruption(&format!("{c:?}"))),
        TantivyError::IncompatibleIndex(i) => Error::Index(format!(
            "{shown}: written by an incompatible version of the search engine ({}); {}",
            one_line(&format!("{i:?}")),
            advice(dir)
        )),
        TantivyError::SchemaError(s) => damaged(dir, &format!("its schema is unreadable ({s})")),
        TantivyError::DeserializeError(d) => {
            damaged(dir, &format!("a stored document is unreadable ({d})"))
        }
        e => {
            let text = e.to_string();
            if text.contains("No space left") || text.contains("File too large") {
                return Error::Index(format!(
                    "{shown}: disk full while writing the index ({}); the last commit is intact and searchable: free some space and run `congvan index` again to add the rest",
                    one_line(&text)
                ));
            }
            Error::Index(format!("{shown}: {}", one_line(&text)))
        }
    }
}

fn name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// What is wrong, from a message made by [`damaged`] or [`describe`]: the
/// words between the folder and the advice.
pub(crate) fn what(e: &Error) -> String {
    let s = e.to_string();
    let s = s
        .split_once(": index is damaged: ")
        .map_or(s.as_str(), |(_, w)| w);
    let s = s.split_once("; rebuild it with").map_or(s, |(w, _)| w);
    s.to_string()
}

/// One line for an error while writing (adding documents, committing).
/// tantivy's indexing thread dies on a failed write and later calls only
/// say "an index writer was killed": the folder is then probed with a
/// scratch file to tell a full disk from other failures. Either way the
/// last commit is intact (tantivy writes `meta.json` last, atomically).
pub(crate) fn write_failed(dir: &Path, e: TantivyError) -> Error {
    let first = describe(dir, e);
    let text = first.to_string();
    if text.contains("disk full") || text.contains("locked") || text.contains("permission") {
        return first;
    }
    if let Some(io) = probe_space(dir) {
        return io_message(dir, &io, None);
    }
    let shown = crate::paths::shown(dir);
    let what = text
        .strip_prefix(&format!("{shown}: "))
        .unwrap_or(&text)
        .to_string();
    Error::Index(format!(
        "{shown}: writing the index failed ({what}); the last commit is intact and searchable: run `congvan index` again to add the rest"
    ))
}

/// Write and remove a 4 MiB scratch file in `dir`: the error when the disk
/// (or the file size limit) is full.
fn probe_space(dir: &Path) -> Option<std::io::Error> {
    use std::io::Write;
    let p = dir.join(".congvan-space-probe");
    let r = (|| {
        let mut f = std::fs::File::create(&p)?;
        let block = vec![0u8; 64 * 1024];
        for _ in 0..64 {
            f.write_all(&block)?;
        }
        f.sync_all()
    })();
    let _ = std::fs::remove_file(&p);
    r.err().filter(is_disk_full)
}

/// Words for a data corruption report (`meta.json` unreadable, a checksum).
fn corruption(text: &str) -> String {
    if text.contains("meta.json") {
        format!("its list of segments (meta.json) is unreadable ({text})")
    } else if text.contains(".managed.json") {
        format!("its list of files (.managed.json) is unreadable ({text})")
    } else {
        format!("a segment file is corrupt ({text})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_one_line_naming_the_folder_and_the_way_out() {
        let dir = Path::new("/tmp/idx");
        let r: Result<(), Error> = run(dir, || panic!("bitpacker\nout of range"));
        let msg = r.unwrap_err().to_string();
        assert!(!msg.contains('\n'), "{msg}");
        assert!(msg.starts_with("/tmp/idx: index is damaged"), "{msg}");
        assert!(msg.contains("--rebuild"), "{msg}");
    }

    #[test]
    fn disk_full_says_the_last_commit_is_intact() {
        let io = std::io::Error::from_raw_os_error(28);
        let msg = describe(Path::new("/x"), TantivyError::from(io)).to_string();
        assert!(msg.contains("disk full"), "{msg}");
        assert!(msg.contains("last commit is intact"), "{msg}");
    }
}
