//! The document format's versions. `PRAGMA user_version` is the schema version; migration
//! number N brings a file from version N to N+1, and a file is brought from its version to
//! this program's in one transaction, so it is always at one known version.
//! (rusqlite_migration does the same but lags rusqlite 0.41.)

use rusqlite::{Connection, TransactionBehavior};

use super::error::StoreError;

/// `PRAGMA application_id` of every giaoban file: "GIAO" in ASCII.
pub const APPLICATION_ID: u32 = 0x4749_414F;

/// The page size of the files this program makes (SQLite's default is 4,096). A unit's scores
/// of a month are a row of about 1.2 KB at 60 criteria: 8 KB pages hold them with less waste,
/// and the check at every open reads half as many pages. Measured on a year of 3,300 units:
/// 55.6 MB → 48.0 MB, `giaoban check` 67 → 51 ms; 16 KB pages gained little more and doubled
/// the size of a small file.
pub const PAGE_SIZE: i64 = 8192;

/// The steps, in order: `MIGRATIONS[n]` brings a file from version n to n+1.
pub const MIGRATIONS: &[&str] = &[
    include_str!("sql/v1.sql"),
    include_str!("sql/v2.sql"),
    include_str!("sql/v3.sql"),
];

/// The newest schema this build reads and writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Tables every readable file has.
pub const REQUIRED_TABLES: &[&str] = &[
    "body",
    "unit",
    "person",
    "plan",
    "target",
    "target_measurement",
    "target_unit_check",
    "task",
    "task_unit",
    "model",
    "criteria_set",
    "criteria_group",
    "criterion",
    "band",
    "period",
    "score",
    "score_note",
    "meeting",
    "attendance",
    "agenda_item",
    "conclusion",
    "action_item",
    "slide",
    "audit_log",
    "setting",
];

pub fn user_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies the migrations after the file's version, up to `target` (normally
/// [`SCHEMA_VERSION`]; tests stop earlier to make old files), all in one transaction: the
/// file is at its old version or at `target`, never between.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    let current = user_version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: current,
            max: SCHEMA_VERSION,
        });
    }
    let target = target.min(SCHEMA_VERSION);
    if current >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for version in current..target {
        let Some(sql) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            break;
        };
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, SCHEMA_VERSION)
}
