//! Compact single-file copies: "Save as…" and "Export a copy for e-mail…".

use std::path::{Path, PathBuf};

use uuid::Uuid;

use super::Store;
use super::error::StoreError;
use super::lock::WriterLock;

/// A temporary name in the same folder as `path`, so the final rename is atomic.
pub(super) fn temp_sibling(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "giaoban.db".into());
    path.with_file_name(format!(".{name}.{}.tmp", Uuid::new_v4().simple()))
}

/// Makes the file's bytes reach the disk before it is renamed into place. Opened for
/// writing: Windows flushes a file (`FlushFileBuffers`) only through a handle that may write
/// to it, and says "access denied" through a read-only one; POSIX syncs through either. A
/// failure names `shown`, the file the person asked for, not the temporary one.
pub(super) fn sync_file(path: &Path, shown: &Path) -> Result<(), StoreError> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io(shown, e))
}

/// Refuses to replace a file that another giaoban has open for editing: on Windows the
/// rename would fail ("access denied"), and on Linux it would succeed while the other window
/// went on saving into a file no longer on disk, losing every edit made there.
pub(super) fn refuse_if_open_elsewhere(target: &Path) -> Result<(), StoreError> {
    if target.exists() && matches!(WriterLock::try_acquire(target), Ok(None)) {
        return Err(StoreError::InUse {
            path: target.into(),
        });
    }
    Ok(())
}

impl Store {
    /// Writes a compact copy of the document to `target` (`VACUUM INTO` a temporary file in
    /// the target's folder, synced, then renamed over `target`). Returns the copy's size.
    pub fn save_copy(&self, target: &Path) -> Result<u64, StoreError> {
        if dunce::canonicalize(target).ok() == dunce::canonicalize(&self.path).ok()
            && target.exists()
        {
            return Err(StoreError::AlreadyExists {
                path: target.into(),
            });
        }
        let folder = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !folder.is_dir() {
            return Err(StoreError::NoFolder {
                path: folder.into(),
            });
        }
        let tmp = temp_sibling(target);
        let result = (|| {
            let tmp_text = tmp.to_string_lossy().into_owned();
            self.conn.execute("VACUUM INTO ?1", [&tmp_text])?;
            sync_file(&tmp, target)?;
            refuse_if_open_elsewhere(target)?;
            std::fs::rename(&tmp, target).map_err(|e| StoreError::io(target, e))?;
            std::fs::metadata(target)
                .map(|m| m.len())
                .map_err(|e| StoreError::io(target, e))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}
