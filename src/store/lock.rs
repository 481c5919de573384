//! "Never two writers": a running giaoban holds an exclusive OS lock on a small lock file
//! named after the document's full path, kept in the system's temporary folder (not beside
//! the document, so the document stays one file). The OS frees the lock when the process
//! ends, even when it is killed.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use uuid::Uuid;

/// Held while a document is open for writing.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
    lock_path: PathBuf,
}

impl WriterLock {
    /// `Ok(None)` when another process (or another open document in this one) holds it.
    pub fn try_acquire(document: &Path) -> std::io::Result<Option<WriterLock>> {
        let canonical = dunce::canonicalize(document)?;
        let key = Uuid::new_v5(&Uuid::NAMESPACE_URL, canonical.to_string_lossy().as_bytes());
        let dir = std::env::temp_dir().join("giaoban-locks");
        std::fs::create_dir_all(&dir)?;
        let lock_path = dir.join(format!("{key}.lock"));
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(WriterLock {
                _file: file,
                lock_path,
            })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }

    pub fn lock_path(&self) -> &Path {
        &self.lock_path
    }
}
