//! The document: one SQLite file. The only place SQL lives.
//!
//! Every file is untrusted (it came by e-mail): it is sniffed before SQLite reads it, opened
//! with SQLite's defensive settings, checked (`quick_check`, `foreign_key_check`, application
//! id, schema version, tables) and only then used. Opening never creates a file.

mod apply;
mod copy;
mod criteria;
mod deck;
pub mod error;
mod lock;
mod read;
mod records;
pub mod schema;
mod scores;
mod seed;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

pub use self::apply::Origin;
pub use self::error::{ReadOnlyReason, StoreError};
pub use self::lock::WriterLock;
pub use self::read::{AuditEntry, Counts, SetOverview};
use self::schema::{APPLICATION_ID, REQUIRED_TABLES, SCHEMA_VERSION};
pub use self::scores::{Grid, PeriodRef, SetContents};
use crate::domain::seed::Seed;

/// How a document may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    ReadOnly(ReadOnlyReason),
}

/// What the caller asks for; the store may grant less (read-only, with the reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Edit,
    Inspect,
}

/// An open document.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    access: Access,
    _lock: Option<WriterLock>,
    /// A private copy read instead of the file, when a read-only open meets the journal of an
    /// interrupted edit (see [`Store::open`]).
    _snapshot: Option<tempfile::TempDir>,
}

/// The rollback journal SQLite keeps beside a file during a write.
fn journal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

/// Copies the file and the journal of an interrupted edit into a private folder, where SQLite
/// can roll the edit back without touching the original.
fn snapshot_with_journal(path: &Path) -> Result<(tempfile::TempDir, PathBuf), StoreError> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::io(path, e))?;
    let copy = dir.path().join("snapshot.db");
    std::fs::copy(path, &copy).map_err(|e| StoreError::io(path, e))?;
    let journal = journal_path(path);
    std::fs::copy(&journal, journal_path(&copy)).map_err(|e| StoreError::io(&journal, e))?;
    Ok((dir, copy))
}

/// Where the sniffing of the first 100 bytes got to.
struct Header {
    user_version: i64,
}

/// Reads the 100-byte SQLite header without SQLite: empty, foreign, truncated and newer
/// files are refused before any SQL runs on them.
fn sniff(path: &Path) -> Result<Header, StoreError> {
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
    let page_size: u64 = match be16(16) {
        1 => 65_536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        n => {
            return Err(StoreError::Damaged {
                detail: format!("page size {n}"),
            });
        }
    };
    // The in-header page count is valid when "version-valid-for" equals the change counter.
    let page_count = u64::from(be32(28));
    if be32(92) == be32(24) && page_count > 0 {
        let expected = page_count * page_size;
        if len < expected {
            return Err(StoreError::Truncated {
                expected,
                actual: len,
            });
        }
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
    Ok(Header { user_version })
}

/// SQLite settings for a file from anyone: defensive mode, no trusted schema, cell size
/// checks, no memory map, foreign keys on.
fn harden(conn: &Connection, writable: bool) -> Result<(), StoreError> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.pragma_update(None, "cell_size_check", "ON")?;
    conn.pragma_update(None, "mmap_size", 0)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(Duration::from_secs(3))?;
    if writable {
        // Rollback journal: between writes the document is one file, safe to e-mail.
        let mode: String = conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(StoreError::Damaged {
                detail: format!("journal mode {mode}"),
            });
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    Ok(())
}

/// Maps SQLite's refusals of a broken file to a one-line reason.
fn classify(err: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite,
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            detail: err.to_string(),
        },
        _ => StoreError::Sqlite(err),
    }
}

/// Runs the checks a file must pass before use. Read-only: writes nothing.
fn verify(conn: &Connection) -> Result<(), StoreError> {
    let mut stmt = conn.prepare("PRAGMA quick_check").map_err(classify)?;
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(classify)?
        .collect::<Result<_, _>>()
        .map_err(classify)?;
    if problems.first().map(String::as_str) != Some("ok") {
        // The first problem, on one line ("*** in database main ***" is only a header).
        let detail = problems
            .first()
            .map(|p| {
                p.lines()
                    .filter(|l| !l.starts_with("***"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        return Err(StoreError::Damaged { detail });
    }
    let app_id: u32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get::<_, i64>(0))
        .map_err(classify)? as u32;
    if app_id != APPLICATION_ID {
        return Err(StoreError::ForeignFile {
            application_id: app_id,
        });
    }
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .map_err(classify)?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .map_err(classify)?
        .collect::<Result<_, _>>()
        .map_err(classify)?;
    if let Some(missing) = REQUIRED_TABLES
        .iter()
        .find(|t| !tables.iter().any(|have| have == *t))
    {
        return Err(StoreError::Damaged {
            detail: format!("table \"{missing}\" is missing"),
        });
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").map_err(classify)?;
    let mut rows = stmt.query([]).map_err(classify)?;
    if let Some(row) = rows.next().map_err(classify)? {
        let table: String = row.get(0).unwrap_or_default();
        return Err(StoreError::Damaged {
            detail: format!("a row of \"{table}\" points to a missing row"),
        });
    }
    let homes: i64 = conn
        .query_row("SELECT count(*) FROM body WHERE is_home = 1", [], |r| {
            r.get(0)
        })
        .map_err(classify)?;
    if homes != 1 {
        return Err(StoreError::Damaged {
            detail: "the file names no body".into(),
        });
    }
    Ok(())
}

impl Store {
    /// Opens an existing document. `Intent::Edit` gets read-write access unless the file is
    /// read-only on disk or open for writing elsewhere; then it opens read-only and says why.
    pub fn open(path: &Path, intent: Intent) -> Result<Store, StoreError> {
        let header = sniff(path)?;
        let (mut access, mut lock) = match intent {
            Intent::Inspect => (Access::ReadOnly(ReadOnlyReason::Requested), None),
            Intent::Edit => {
                let read_only_on_disk = std::fs::metadata(path)
                    .map(|m| m.permissions().readonly())
                    .unwrap_or(true);
                if read_only_on_disk {
                    (Access::ReadOnly(ReadOnlyReason::FileNotWritable), None)
                } else {
                    match WriterLock::try_acquire(path) {
                        Ok(Some(lock)) => (Access::ReadWrite, Some(lock)),
                        Ok(None) => (Access::ReadOnly(ReadOnlyReason::OpenElsewhere), None),
                        // No lock folder: still one writer per process, and SQLite's own
                        // locks keep transactions apart.
                        Err(_) => (Access::ReadWrite, None),
                    }
                }
            }
        };
        if header.user_version < SCHEMA_VERSION && access != Access::ReadWrite {
            return Err(StoreError::OlderReadOnly {
                found: header.user_version,
            });
        }
        let base = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_EXRESCODE;
        // A read-only open cannot roll back the journal of an edit that was interrupted (the
        // program killed, the power cut): read a private copy where SQLite can.
        let has_journal = std::fs::metadata(journal_path(path)).is_ok_and(|m| m.len() > 0);
        if access != Access::ReadWrite && has_journal {
            let (snapshot, copy) = snapshot_with_journal(path)?;
            let conn = Connection::open_with_flags(&copy, base | OpenFlags::SQLITE_OPEN_READ_WRITE)
                .map_err(classify)?;
            harden(&conn, true)?;
            verify(&conn)?;
            return Ok(Store {
                conn,
                path: path.to_path_buf(),
                access,
                _lock: None,
                _snapshot: Some(snapshot),
            });
        }
        let mut conn = if access == Access::ReadWrite {
            match Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_WRITE) {
                Ok(c) => c,
                Err(_) => {
                    access = Access::ReadOnly(ReadOnlyReason::FileNotWritable);
                    lock = None;
                    Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_ONLY)
                        .map_err(classify)?
                }
            }
        } else {
            Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(classify)?
        };
        let writable = access == Access::ReadWrite;
        match harden(&conn, writable) {
            Ok(()) => {}
            Err(StoreError::Sqlite(e))
                if writable && e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) =>
            {
                // The folder refuses a journal: read-only after all.
                drop(conn);
                access = Access::ReadOnly(ReadOnlyReason::FileNotWritable);
                lock = None;
                conn = Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_ONLY)
                    .map_err(classify)?;
                harden(&conn, false)?;
            }
            Err(StoreError::Sqlite(e)) => return Err(classify(e)),
            Err(e) => return Err(e),
        }
        if writable && header.user_version < SCHEMA_VERSION {
            schema::migrate(&mut conn)?;
        }
        verify(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            access,
            _lock: lock,
            _snapshot: None,
        })
    }

    /// Writes a new document holding `seed` at `path`: built beside it under a temporary
    /// name, synced, then renamed into place, so `path` is never half-written. Refuses to
    /// replace an existing file unless `overwrite`.
    pub fn create(path: &Path, seed: &Seed, overwrite: bool) -> Result<(), StoreError> {
        if !overwrite && path.exists() {
            return Err(StoreError::AlreadyExists { path: path.into() });
        }
        let tmp = copy::temp_sibling(path);
        let result = (|| {
            let mut conn = Connection::open_with_flags(
                &tmp,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            harden(&conn, true)?;
            schema::migrate(&mut conn)?;
            seed::write_seed(&mut conn, seed)?;
            conn.close().map_err(|(_, e)| e)?;
            copy::sync_file(&tmp)?;
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

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn access(&self) -> Access {
        self.access
    }

    pub fn is_writable(&self) -> bool {
        self.access == Access::ReadWrite
    }

    /// Runs the same checks as at opening, on the file as it is now.
    pub fn check(&self) -> Result<(), StoreError> {
        verify(&self.conn)
    }

    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema::user_version(&self.conn)
    }
}
