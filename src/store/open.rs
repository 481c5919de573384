//! Opening a file from anyone, and creating a new one.
//!
//! The order matters: the header is read without SQLite; the connection gets SQLite's
//! defensive settings; the schema is compared with ours and the file checked inside one read
//! transaction, before any setting that could write (journal mode, migration) and before any
//! row is read. A file that fails is closed with nothing written.
//!
//! Readers and writers: every edit starts `BEGIN IMMEDIATE` (see `apply.rs`), so two writers
//! queue on SQLite's lock instead of failing, and a reader's statements wait (busy timeout)
//! while a writer commits. A journal beside the file is taken for the journal of a crash only
//! when SQLite says so (no process holds the file's write lock: `SQLITE_READONLY_ROLLBACK` on a
//! read-only connection); a live writer's journal is never copied.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::copy;
use super::error::{Damage, ReadOnlyReason, StoreError};
use super::lock::WriterLock;
use super::schema::{self, APPLICATION_ID, SCHEMA_VERSION};
use super::seed;
use super::verify::{self, Depth};
use super::{Access, Intent, Store};
use crate::domain::seed::Seed;

/// How long a statement waits for another process's write to finish.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The longest path (in bytes, made absolute) that SQLite opens on every system we run on:
/// its Unix layer takes 512 bytes with the "-journal" it appends.
pub const MAX_PATH_BYTES: usize = 500;

/// `SQLITE_READONLY_ROLLBACK`: a read-only connection met the journal of an interrupted
/// write that nobody is writing any more.
const READONLY_ROLLBACK: i32 = 776;

/// The rollback journal SQLite keeps beside a file during a write.
pub(super) fn journal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

/// Refuses a path SQLite would fail on with a bare "unable to open".
pub(super) fn check_path_length(path: &Path) -> Result<(), StoreError> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let bytes = absolute.as_os_str().len();
    if bytes > MAX_PATH_BYTES {
        return Err(StoreError::PathTooLong {
            bytes,
            max: MAX_PATH_BYTES,
        });
    }
    Ok(())
}

/// Size and time of a file, to see whether it changed while it was copied.
fn stamp(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// Copies the file and the journal of an interrupted edit into a private folder, where SQLite
/// can roll the edit back without touching the original. Copies again if either changed
/// meanwhile (another program started writing and rolled the journal back itself).
fn snapshot_with_journal(path: &Path) -> Result<(tempfile::TempDir, PathBuf), StoreError> {
    let journal = journal_path(path);
    for _ in 0..3 {
        let before = (stamp(path), stamp(&journal));
        let dir = tempfile::tempdir().map_err(|e| StoreError::io(path, e))?;
        let copy = dir.path().join("snapshot.db");
        std::fs::copy(path, &copy).map_err(|e| StoreError::io(path, e))?;
        match std::fs::copy(&journal, journal_path(&copy)) {
            Ok(_) => {}
            // Rolled back by someone else meanwhile: the file alone is whole again.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::copy(path, &copy).map_err(|e| StoreError::io(path, e))?;
                return Ok((dir, copy));
            }
            Err(e) => return Err(StoreError::io(&journal, e)),
        }
        if (stamp(path), stamp(&journal)) == before {
            return Ok((dir, copy));
        }
    }
    Err(StoreError::Busy)
}

/// What the first 100 bytes say.
pub(super) struct Header {
    pub(super) user_version: i64,
}

/// Reads the 100-byte SQLite header without SQLite: empty, foreign, newer and unknown files
/// are refused before any SQL runs on them. (Whether the file is as long as its header says is
/// asked again under SQLite's lock, [`check_length`]: a writer may be growing it right now.)
pub(super) fn sniff(path: &Path) -> Result<Header, StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::NotFound { path: path.into() });
        }
        Err(e) => return Err(StoreError::io(path, e)),
    };
    if !meta.is_file() {
        return Err(StoreError::NotAFile { path: path.into() });
    }
    let len = meta.len();
    if len == 0 {
        return Err(StoreError::Empty);
    }
    let mut head = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut filled = 0;
    while filled < head.len() {
        let n = file
            .read(&mut head[filled..])
            .map_err(|e| StoreError::io(path, e))?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    const MAGIC: &[u8; 16] = b"SQLite format 3\0";
    if filled < 16 || &head[..16] != MAGIC {
        return Err(StoreError::NotSqlite);
    }
    if filled < 100 {
        return Err(StoreError::Truncated {
            expected: 100,
            actual: len,
        });
    }
    let be16 = |at: usize| u16::from_be_bytes([head[at], head[at + 1]]);
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    // A page size SQLite has: 1 (meaning 65,536) or a power of two from 512.
    let page_size = be16(16);
    if page_size != 1 && !(page_size >= 512 && page_size.is_power_of_two()) {
        return Err(StoreError::Damaged(Damage::PageSize));
    }
    let application_id = be32(68);
    if application_id != APPLICATION_ID {
        return Err(StoreError::ForeignFile { application_id });
    }
    let user_version = i64::from(be32(60) as i32);
    if user_version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: user_version,
            max: SCHEMA_VERSION,
        });
    }
    if user_version <= 0 {
        return Err(StoreError::UnknownSchema {
            found: user_version,
        });
    }
    Ok(Header { user_version })
}

/// A file shorter than its header says (an attachment cut short), told apart from other damage
/// once SQLite has refused the file; never asked while SQLite holds a lock on it (closing a file
/// the program opened itself would drop SQLite's POSIX locks).
fn truncation(path: &Path) -> Option<StoreError> {
    let mut head = [0u8; 100];
    let mut file = std::fs::File::open(path).ok()?;
    file.read_exact(&mut head).ok()?;
    let len = file.metadata().ok()?.len();
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    // The in-header page count is valid when "version-valid-for" equals the change counter.
    let expected = u64::from(be32(28)) * page_size;
    (be32(92) == be32(24) && len < expected).then_some(StoreError::Truncated {
        expected,
        actual: len,
    })
}

/// SQLite settings for a file from anyone; none of them writes to the file: defensive mode,
/// no trusted schema, cell size checks, no memory map, foreign keys on, a busy timeout.
pub(super) fn harden(conn: &Connection) -> Result<(), StoreError> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.pragma_update(None, "cell_size_check", "ON")?;
    conn.pragma_update(None, "mmap_size", 0)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(())
}

/// The settings of a writer, once the file has passed its checks: rollback journal (between
/// writes the document is one file, safe to e-mail) and full syncs.
pub(super) fn prepare_for_writing(conn: &Connection) -> Result<(), StoreError> {
    let mode: String = conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(StoreError::Damaged(Damage::JournalMode));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// The schema, then the file's structure and sense, in one read transaction so
/// that every check sees the same state even while another process writes.
pub(super) fn check_file(conn: &Connection, version: i64, depth: Depth) -> Result<(), StoreError> {
    let tx = conn.unchecked_transaction()?;
    verify::conform(&tx, version)?;
    verify::verify(&tx, depth)?;
    tx.finish()?;
    Ok(())
}

/// Why an edit cannot be had on this file, by the file and its folder (before any lock).
fn refused_by_place(path: &Path) -> Option<ReadOnlyReason> {
    // On a share, two PCs can both believe they hold SQLite's lock: read there, edit a copy.
    if crate::host::network_place(path).is_some() {
        return Some(ReadOnlyReason::NetworkShare);
    }
    let read_only_on_disk = std::fs::metadata(path)
        .map(|m| m.permissions().readonly())
        .unwrap_or(true);
    if read_only_on_disk {
        return Some(ReadOnlyReason::FileNotWritable);
    }
    // SQLite writes its journal beside the file: the folder must take a new file. A probe
    // (made and removed at once) answers for permissions, read-only mounts and shares alike.
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match tempfile::Builder::new()
        .prefix(".giaoban-probe-")
        .tempfile_in(folder)
    {
        Ok(_) => None,
        Err(_) => Some(ReadOnlyReason::FolderNotWritable),
    }
}

impl Store {
    /// Opens an existing document with the checks of every open (`quick_check`).
    /// `Intent::Edit` gets read-write access unless the file or its folder is read-only, or it
    /// is open for writing in another giaoban; then it opens read-only and says why.
    pub fn open(path: &Path, intent: Intent) -> Result<Store, StoreError> {
        Store::open_checked(path, intent, Depth::Quick)
    }

    /// Like [`Store::open`], with the structure check of the given depth.
    pub fn open_checked(path: &Path, intent: Intent, depth: Depth) -> Result<Store, StoreError> {
        check_path_length(path)?;
        let header = sniff(path)?;
        let (mut access, mut lock) = match intent {
            Intent::Inspect => (Access::ReadOnly(ReadOnlyReason::Requested), None),
            Intent::Edit => match refused_by_place(path) {
                Some(reason) => (Access::ReadOnly(reason), None),
                None => match WriterLock::try_acquire(path) {
                    Ok(Some(lock)) => (Access::ReadWrite, Some(lock)),
                    Ok(None) => (Access::ReadOnly(ReadOnlyReason::OpenElsewhere), None),
                    // No lock folder: still one writer per process, and SQLite's own
                    // locks keep transactions apart.
                    Err(_) => (Access::ReadWrite, None),
                },
            },
        };
        if header.user_version < SCHEMA_VERSION && access != Access::ReadWrite {
            // A file of an older version opened for reading is read as it is: a private copy
            // is brought to this version, the file itself is not touched.
            return Store::open_snapshot(path, access, header.user_version, depth);
        }
        let base = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_EXRESCODE;
        let mut conn = if access == Access::ReadWrite {
            let conn = Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_WRITE)?;
            // SQLite quietly opens read-only what the system will not let it write.
            if conn.is_readonly(MAIN_DB).unwrap_or(true) {
                access = Access::ReadOnly(ReadOnlyReason::FileNotWritable);
                lock = None;
            }
            conn
        } else {
            Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_ONLY)?
        };
        harden(&conn)?;
        // The first read takes SQLite's shared lock: it waits while a writer commits, and a
        // read-only connection is told when the journal beside the file is a crash's.
        if let Err(e) = conn.query_row("PRAGMA schema_version", [], |_| Ok(())) {
            let crashed = matches!(&e, rusqlite::Error::SqliteFailure(f, _)
                if f.extended_code == READONLY_ROLLBACK);
            if !crashed {
                let err = StoreError::from(e);
                if let StoreError::Damaged(_) = err {
                    drop(conn);
                    return Err(truncation(path).unwrap_or(err));
                }
                return Err(err);
            }
            return Store::open_snapshot(path, access, header.user_version, depth);
        }
        check_file(&conn, header.user_version, depth)?;
        if access == Access::ReadWrite {
            match prepare_for_writing(&conn) {
                Ok(()) => {}
                Err(StoreError::ReadOnly(_)) => {
                    // The folder refuses a journal after all: read-only.
                    access = Access::ReadOnly(ReadOnlyReason::FolderNotWritable);
                    lock = None;
                }
                Err(e) => return Err(e),
            }
        }
        if header.user_version < SCHEMA_VERSION {
            if access != Access::ReadWrite {
                // Read-only after all (the file or its folder refuses writes): an older file
                // is read through a private copy brought to this version.
                drop(conn);
                return Store::open_snapshot(path, access, header.user_version, depth);
            }
            upgrade(&mut conn, path, header.user_version)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            access,
            _lock: lock,
            _snapshot: None,
        })
    }

    /// A read-only open that met the journal of an interrupted edit, or a file of an older
    /// version: reads a private copy (where SQLite rolls the edit back, and which is brought to
    /// this version) and leaves the original as it is.
    fn open_snapshot(
        path: &Path,
        access: Access,
        version: i64,
        depth: Depth,
    ) -> Result<Store, StoreError> {
        let (snapshot, copy) = snapshot_with_journal(path)?;
        let mut conn = Connection::open_with_flags(
            &copy,
            OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_EXRESCODE
                | OpenFlags::SQLITE_OPEN_READ_WRITE,
        )?;
        harden(&conn)?;
        check_file(&conn, version, depth)?;
        if version < SCHEMA_VERSION {
            schema::migrate(&mut conn)?;
            check_file(&conn, SCHEMA_VERSION, Depth::Quick)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            access,
            _lock: None,
            _snapshot: Some(snapshot),
        })
    }

    /// Writes a new document holding `seed` at `path`: built beside it under a temporary
    /// name, synced, then renamed into place, so `path` is never half-written. Refuses to
    /// replace an existing file unless `overwrite`.
    pub fn create(path: &Path, seed: &Seed, overwrite: bool) -> Result<(), StoreError> {
        check_path_length(path)?;
        if !overwrite && path.exists() {
            return Err(StoreError::AlreadyExists { path: path.into() });
        }
        let tmp = copy::temp_sibling(path);
        let result = (|| {
            let mut conn = new_file(&tmp)?;
            schema::migrate(&mut conn)?;
            seed::write_seed(&mut conn, seed)?;
            conn.close().map_err(|(_, e)| StoreError::from(e))?;
            copy::sync_file(&tmp, path)?;
            copy::refuse_if_open_elsewhere(path)?;
            if !overwrite && path.exists() {
                return Err(StoreError::AlreadyExists { path: path.into() });
            }
            std::fs::rename(&tmp, path).map_err(|e| StoreError::io(path, e))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

/// Where a file of an older version is kept while it is brought to this version:
/// `ward.db` → `ward.db.v2-backup`.
pub fn upgrade_backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".v{version}-backup"));
    PathBuf::from(name)
}

/// Brings a file opened for editing from `version` to this program's, in place: a compact
/// copy of it is written beside it first (by SQLite, under its lock; a copy already there, from
/// an earlier attempt the person may have worked in since, is never replaced: the new one takes
/// a free name), the migration is one transaction, and the copy is removed once the file is
/// checked. If the migration fails, SQLite's journal brings the file back to its old version
/// and the copy stays. Compacting the file (the old tables leave free pages) and removing the
/// copy come after the commit and are not needed for the file to be right: if either fails,
/// the file is still whole at the new version.
fn upgrade(conn: &mut Connection, path: &Path, version: i64) -> Result<(), StoreError> {
    let base = upgrade_backup_path(path, version);
    let backup = (1..1000)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                let mut name = base.as_os_str().to_owned();
                name.push(format!("-{n}"));
                PathBuf::from(name)
            }
        })
        .find(|p| !p.exists())
        .ok_or(StoreError::AlreadyExists { path: base })?;
    conn.execute("VACUUM INTO ?1", [backup.to_string_lossy().as_ref()])?;
    copy::sync_file(&backup, &backup)?;
    schema::migrate(conn).map_err(|e| match e {
        StoreError::Sqlite(_) | StoreError::Damaged(_) => StoreError::UpgradeFailed {
            backup: backup.clone(),
        },
        other => other,
    })?;
    conn.execute(
        "INSERT INTO audit_log (at, who, action, entity, entity_uuid, before, after)
         VALUES (?1, 'giaoban', 'upgrade_file', 'file', NULL, ?2, ?3)",
        rusqlite::params![
            seed::stamp(),
            serde_json::json!({ "schema": version }).to_string(),
            serde_json::json!({ "schema": SCHEMA_VERSION }).to_string()
        ],
    )?;
    let _ = conn
        .pragma_update(None, "page_size", schema::PAGE_SIZE)
        .and_then(|()| conn.execute_batch("VACUUM"));
    check_file(conn, SCHEMA_VERSION, Depth::Quick)?;
    let _ = std::fs::remove_file(&backup);
    Ok(())
}

/// A new, empty SQLite file at `path` with the settings of a writer.
pub(super) fn new_file(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_EXRESCODE,
    )?;
    harden(&conn)?;
    conn.pragma_update(None, "page_size", schema::PAGE_SIZE)?;
    prepare_for_writing(&conn)?;
    Ok(conn)
}
