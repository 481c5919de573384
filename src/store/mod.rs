//! The document: one SQLite file. The only place SQL lives.
//!
//! Every file is untrusted (it came by e-mail): it is sniffed before SQLite reads it, opened
//! with SQLite's defensive settings, its schema compared with the program's own (`verify.rs`),
//! checked (`quick_check`, `foreign_key_check`, application id, schema version) and only then
//! used (`open.rs`). Opening never creates a file; a refused file is left as it was.

mod apply;
mod cells;
pub mod changes;
mod copy;
mod criteria;
mod deck;
pub mod error;
mod ids;
mod lock;
mod open;
mod org;
mod people;
mod periods;
mod read;
mod records;
mod repair;
mod returned;
pub mod schema;
mod scores;
mod seed;
mod session;
mod verify;
mod year;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use self::apply::Origin;
pub use self::error::{Damage, Difference, ForeignObject, ObjectKind, ReadOnlyReason, StoreError};
pub use self::lock::WriterLock;
pub use self::open::{MAX_PATH_BYTES, upgrade_backup_path};
pub use self::read::{AuditEntry, Counts, PeriodOverview, SetOverview};
pub use self::repair::{RepairPlan, RepairReport};
pub use self::scores::{Grid, PeriodRef, SetContents};
pub use self::verify::Depth;
pub use self::year::YearData;

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

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn access(&self) -> Access {
        self.access
    }

    pub fn is_writable(&self) -> bool {
        self.access == Access::ReadWrite
    }

    /// The checks of an open, at the given depth, on the file as it is now.
    pub fn check(&self, depth: Depth) -> Result<(), StoreError> {
        open::check_file(&self.conn, self.schema_version()?, depth)
    }

    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema::user_version(&self.conn)
    }
}
