//! The index folder as tantivy sees it: tantivy's memory-mapped directory
//! with two changes.
//!
//! - **Opened for searching, it never writes.** Deleting, creating and
//!   replacing files is refused, the writer's lock cannot be taken, and the
//!   readers' lock (`.tantivy-meta.lock`, held while a reader loads a
//!   commit so the writer's clean-up cannot delete the files it opens) is an
//!   advisory lock on the lock file opened read-only when it exists and
//!   nothing otherwise. So an index on a read-only mount, or readable but not
//!   writable by the user, can be searched.
//! - **Files honour the umask.** tantivy writes `meta.json` and
//!   `.managed.json` through a temporary file created `0600`; here they are
//!   written to a temporary file opened like any other file (mode `0666`
//!   minus the umask) and renamed into place.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle,
    WritePtr, META_LOCK,
};

/// An index folder: read-only (searching) or read-write (indexing).
#[derive(Clone, Debug)]
pub(crate) struct IndexDir {
    inner: MmapDirectory,
    root: PathBuf,
    read_only: bool,
}

fn refused(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!(
            "{}: index opened for searching; it is never written to",
            path.display()
        ),
    )
}

/// Counter making temporary names unique within the process.
static TEMP_SEQ: AtomicU64 = AtomicU64::new(0);

impl IndexDir {
    /// Open `root` for searching only.
    pub fn read_only(root: &Path) -> Result<IndexDir, OpenDirectoryError> {
        Ok(IndexDir {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
            read_only: true,
        })
    }

    /// Open `root` for indexing.
    pub fn writable(root: &Path) -> Result<IndexDir, OpenDirectoryError> {
        Ok(IndexDir {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
            read_only: false,
        })
    }

    /// Write `data` to `path` atomically: a temporary file in the same
    /// folder (created with the default mode, so the umask applies), synced,
    /// then renamed over `path`.
    fn write_atomically(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        let target = self.root.join(path);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = self.root.join(format!(
            ".{name}.tmp-{}-{}",
            std::process::id(),
            TEMP_SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        let written = (|| {
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)?;
            f.write_all(data)?;
            f.sync_all()?;
            std::fs::rename(&temp, &target)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        written?;
        self.inner.sync_directory()
    }
}

/// The readers' lock of a read-only index: an advisory lock on the existing
/// lock file, opened read-only (released when dropped with the file).
struct ReadLock {
    _file: Option<File>,
}

#[cfg(unix)]
fn lock_file_readonly(path: &Path) -> Option<File> {
    use std::os::fd::AsRawFd;
    let file = File::open(path).ok()?;
    // SAFETY: flock on a file descriptor owned by `file`, which outlives the
    // call; the lock is released when the descriptor is closed.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
    (rc == 0).then_some(file)
}

#[cfg(not(unix))]
fn lock_file_readonly(path: &Path) -> Option<File> {
    File::open(path).ok()
}

impl Directory for IndexDir {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        if self.read_only {
            return Err(DeleteError::IoError {
                io_error: Arc::new(refused(&self.root)),
                filepath: path.to_path_buf(),
            });
        }
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        if self.read_only {
            return Err(OpenWriteError::wrap_io_error(
                refused(&self.root),
                path.to_path_buf(),
            ));
        }
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        if self.read_only {
            return Err(refused(&self.root));
        }
        self.write_atomically(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        if self.read_only {
            return Ok(());
        }
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        if !self.read_only {
            return self.inner.acquire_lock(lock);
        }
        if lock.filepath != META_LOCK.filepath {
            return Err(LockError::IoError(Arc::new(refused(&self.root))));
        }
        let file = lock_file_readonly(&self.root.join(&lock.filepath));
        Ok(DirectoryLock::from(Box::new(ReadLock { _file: file })))
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
