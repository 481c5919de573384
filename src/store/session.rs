//! SQLite's session extension, the part this program uses: which rows of some tables differ
//! between the main database and an attached one (`sqlite3session_diff`), read from the
//! changeset it makes. The extension is compiled into the bundled SQLite
//! (`.cargo/config.toml`); its functions have no safe binding without libclang at build
//! time, so this is the one module with `unsafe` code: each call is checked, and every object
//! SQLite allocates is freed by a guard, also on an early return.
#![allow(unsafe_code)]

use std::ffi::{CString, c_char, c_int, c_uchar, c_void};
use std::ptr::{null, null_mut};

use rusqlite::{Connection, ffi};

use super::error::StoreError;

/// A row that differs: its table and the values of its primary key.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedRow {
    pub table: String,
    pub key: Vec<i64>,
}

fn check(rc: c_int) -> Result<(), StoreError> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            ffi::Error::new(rc),
            None,
        )))
    }
}

struct Session(*mut ffi::sqlite3_session);
impl Drop for Session {
    fn drop(&mut self) {
        if !self.0.is_null() {
            // SAFETY: made by sqlite3session_create and deleted once, here.
            unsafe { ffi::sqlite3session_delete(self.0) }
        }
    }
}

struct Buffer(*mut c_void);
impl Drop for Buffer {
    fn drop(&mut self) {
        // SAFETY: allocated by SQLite (sqlite3session_changeset); sqlite3_free takes null too.
        unsafe { ffi::sqlite3_free(self.0) }
    }
}

struct Iter(*mut ffi::sqlite3_changeset_iter);
impl Drop for Iter {
    fn drop(&mut self) {
        if !self.0.is_null() {
            // SAFETY: made by sqlite3changeset_start and finalized once, here.
            unsafe {
                ffi::sqlite3changeset_finalize(self.0);
            }
        }
    }
}

/// The rows of `tables` (each with an integer primary key of one or more columns) that
/// `main` has and `from` has not, or has with other values, or `from` has and `main` has not.
pub fn changed_rows(
    conn: &Connection,
    from: &str,
    tables: &[&str],
) -> Result<Vec<ChangedRow>, StoreError> {
    let bad_name = || StoreError::Internal("a table name with a NUL");
    let main = CString::new("main").map_err(|_| bad_name())?;
    let from = CString::new(from).map_err(|_| bad_name())?;
    let mut rows = Vec::new();
    // SAFETY: `conn` outlives every object made here (all dropped before return); pointers
    // passed to SQLite are valid C strings kept alive by their CString; out-pointers are
    // checked for null before use; values are read only while the iterator is on their row.
    unsafe {
        let db = conn.handle();
        let mut session = Session(null_mut());
        check(ffi::sqlite3session_create(
            db,
            main.as_ptr(),
            &mut session.0,
        ))?;
        for table in tables {
            let name = CString::new(*table).map_err(|_| bad_name())?;
            check(ffi::sqlite3session_attach(session.0, name.as_ptr()))?;
            let mut message: *mut c_char = null_mut();
            let rc =
                ffi::sqlite3session_diff(session.0, from.as_ptr(), name.as_ptr(), &mut message);
            ffi::sqlite3_free(message.cast());
            check(rc)?;
        }
        let mut size: c_int = 0;
        let mut buffer = Buffer(null_mut());
        check(ffi::sqlite3session_changeset(
            session.0,
            &mut size,
            &mut buffer.0,
        ))?;
        if size == 0 || buffer.0.is_null() {
            return Ok(rows);
        }
        let mut iter = Iter(null_mut());
        check(ffi::sqlite3changeset_start(&mut iter.0, size, buffer.0))?;
        loop {
            let rc = ffi::sqlite3changeset_next(iter.0);
            if rc == ffi::SQLITE_DONE {
                break;
            }
            if rc != ffi::SQLITE_ROW {
                check(rc)?;
                break;
            }
            let mut table: *const c_char = null();
            let (mut columns, mut op, mut indirect): (c_int, c_int, c_int) = (0, 0, 0);
            check(ffi::sqlite3changeset_op(
                iter.0,
                &mut table,
                &mut columns,
                &mut op,
                &mut indirect,
            ))?;
            let mut pk: *mut c_uchar = null_mut();
            let mut pk_columns: c_int = 0;
            check(ffi::sqlite3changeset_pk(iter.0, &mut pk, &mut pk_columns))?;
            if table.is_null() || pk.is_null() {
                return Err(StoreError::Internal("a changeset row without its table"));
            }
            let table = std::ffi::CStr::from_ptr(table)
                .to_string_lossy()
                .into_owned();
            let mut key = Vec::new();
            for i in 0..pk_columns.max(0) {
                if *pk.add(i as usize) == 0 {
                    continue;
                }
                // An insert carries new values; an update or a delete, the key's old ones.
                let mut value: *mut ffi::sqlite3_value = null_mut();
                if op == ffi::SQLITE_INSERT {
                    check(ffi::sqlite3changeset_new(iter.0, i, &mut value))?;
                } else {
                    check(ffi::sqlite3changeset_old(iter.0, i, &mut value))?;
                }
                if value.is_null() {
                    return Err(StoreError::Internal("a changeset key without its value"));
                }
                key.push(ffi::sqlite3_value_int64(value));
            }
            rows.push(ChangedRow { table, key });
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rows_that_differ_are_found_inserted_updated_and_deleted() {
        let conn = Connection::open_in_memory().expect("main");
        conn.execute_batch(
            "ATTACH ':memory:' AS sent;
             CREATE TABLE main.t (a INTEGER, b INTEGER, v TEXT, PRIMARY KEY (a, b));
             CREATE TABLE sent.t (a INTEGER, b INTEGER, v TEXT, PRIMARY KEY (a, b));
             INSERT INTO sent.t VALUES (1, 1, 'x'), (1, 2, 'y'), (2, 1, 'z');
             INSERT INTO main.t VALUES (1, 1, 'x'), (1, 2, 'changed'), (3, 3, 'new');",
        )
        .expect("tables");
        let mut rows = changed_rows(&conn, "sent", &["t"]).expect("diff");
        rows.sort_by(|a, b| a.key.cmp(&b.key));
        let keys: Vec<Vec<i64>> = rows.iter().map(|r| r.key.clone()).collect();
        assert_eq!(keys, vec![vec![1, 2], vec![2, 1], vec![3, 3]]);
        assert!(rows.iter().all(|r| r.table == "t"));
        assert!(changed_rows(&conn, "sent\0", &["t"]).is_err());
    }
}
