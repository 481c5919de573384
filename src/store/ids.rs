//! From a row's identity (its uuid, the same in every copy of the file) to its row id in this
//! file, the one lookup every writer uses.

use rusqlite::{Connection, OptionalExtension};
use uuid::Uuid;

use super::StoreError;

/// The row id of `id` in `table` (a fixed table name, never input); `None` when it is not there.
pub(super) fn row_of(
    conn: &Connection,
    table: &'static str,
    id: Uuid,
) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT id FROM {table} WHERE uuid = ?1"),
            [id.to_string()],
            |r| r.get(0),
        )
        .optional()?)
}

/// The row id of `id` in `table`, or `missing` when it is not there.
pub(super) fn row_or(
    conn: &Connection,
    table: &'static str,
    id: Uuid,
    missing: StoreError,
) -> Result<i64, StoreError> {
    row_of(conn, table, id)?.ok_or(missing)
}
