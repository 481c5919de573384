//! A clean copy of a file that holds something giaoban did not write: a new file with the
//! program's own schema, into which the rows of giaoban's tables are copied. Triggers, views,
//! other tables and indexes, extra columns and rows that break the program's rules are left
//! out, and the copy says so in its audit log. The original is only read.
//!
//! Reading a hostile file this way runs none of its statements: only giaoban's tables are
//! read (a view or virtual table of the same name is not), by giaoban's column names, each
//! table scanned without its indexes (`NOT INDEXED`), on a connection with SQLite's defensive
//! settings; nothing is written to it, so none of its triggers can fire.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, params_from_iter};

use super::Store;
use super::copy;
use super::error::{Damage, ForeignObject, StoreError};
use super::open::{check_path_length, harden, new_file, sniff};
use super::schema::{self, SCHEMA_VERSION};
use super::verify::{self, Depth, reference, schema_of};
use super::{Intent, schema::user_version};

/// What a clean copy would leave out, shown before it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct RepairPlan {
    /// Schema objects not as giaoban writes them: foreign ones first.
    pub left_out: Vec<ForeignObject>,
    pub schema_version: i64,
}

/// What a clean copy did.
#[derive(Debug, Clone, PartialEq)]
pub struct RepairReport {
    pub left_out: Vec<ForeignObject>,
    /// Rows copied into the clean file.
    pub rows_copied: u64,
    /// Rows that broke the program's rules (a value out of range, a duplicate, a reference
    /// to a missing row), by table.
    pub rows_left_out: Vec<(String, u64)>,
}

/// Opens a file to be repaired: read-only, defensive; its header must be giaoban's.
fn open_source(path: &Path) -> Result<(Connection, i64), StoreError> {
    check_path_length(path)?;
    let header = sniff(path)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_EXRESCODE,
    )?;
    harden(&conn)?;
    Ok((conn, header.user_version))
}

/// The columns of a table of the source that are stored values (not generated or hidden).
fn stored_columns(conn: &Connection, table: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare("SELECT name, hidden FROM pragma_table_xinfo(?1)")?;
    let rows = stmt
        .query_map([table], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .into_iter()
        .filter(|(_, hidden)| *hidden == 0)
        .map(|(name, _)| name)
        .collect())
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A unit's scores that pass the file's checks but are not values giaoban reads (text, a
/// number too large…) lock their month: the side that does not read is emptied. Returns how
/// many rows were.
fn clear_unreadable_scores(tx: &rusqlite::Transaction) -> Result<u64, StoreError> {
    let mut unreadable = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT rowid, self_values, appraised_values FROM score")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let reads = |i: usize| {
                row.get_ref(i)
                    .ok()
                    .and_then(|v| v.as_str().ok())
                    .is_some_and(|text| super::cells::parse(text).is_ok())
            };
            let (own, appraised) = (reads(1), reads(2));
            if !own || !appraised {
                unreadable.push((row.get::<_, i64>(0)?, own, appraised));
            }
        }
    }
    for (rowid, own, appraised) in &unreadable {
        tx.execute(
            "UPDATE score SET self_values = CASE WHEN ?2 THEN self_values ELSE '{}' END,
                 appraised_values = CASE WHEN ?3 THEN appraised_values ELSE '{}' END
             WHERE rowid = ?1",
            rusqlite::params![rowid, own, appraised],
        )?;
    }
    Ok(unreadable.len() as u64)
}

impl Store {
    /// What a clean copy of `path` would leave out.
    pub fn plan_repair(path: &Path) -> Result<RepairPlan, StoreError> {
        let (conn, version) = open_source(path)?;
        let left_out = verify::differences(&conn, version)?;
        Ok(RepairPlan {
            left_out,
            schema_version: version,
        })
    }

    /// Writes a clean copy of `path` to `out` (which must not exist): giaoban's schema at the
    /// newest version, the rows of giaoban's tables, an audit row saying what was left out.
    /// Built under a temporary name beside `out`, checked in full, then renamed into place.
    pub fn repair(
        path: &Path,
        out: &Path,
        who: &str,
        at: DateTime<Utc>,
    ) -> Result<RepairReport, StoreError> {
        check_path_length(out)?;
        if out.exists() {
            return Err(StoreError::AlreadyExists { path: out.into() });
        }
        let (source, version) = open_source(path)?;
        let left_out = verify::differences(&source, version)?;
        let theirs = schema_of(&source)?;
        let tmp = copy::temp_sibling(out);
        let result = (|| {
            let mut dest = new_file(&tmp)?;
            schema::migrate_to(&mut dest, version)?;
            dest.pragma_update(None, "foreign_keys", "OFF")?;
            let tx = dest.transaction()?;
            let mut rows_copied = 0u64;
            let mut rows_left_out: Vec<(String, u64)> = Vec::new();
            for table in reference(version)?.iter().filter(|o| o.kind == "table") {
                // Read only a real table of that name: never a view, never a virtual table.
                let readable = theirs.iter().any(|t| {
                    t.kind == "table"
                        && t.name == table.name
                        && !t
                            .sql
                            .as_deref()
                            .unwrap_or("")
                            .to_ascii_uppercase()
                            .starts_with("CREATE VIRTUAL")
                });
                if !readable {
                    continue;
                }
                let ours = stored_columns(&tx, &table.name)?;
                let available = stored_columns(&source, &table.name)?;
                let columns: Vec<String> =
                    ours.into_iter().filter(|c| available.contains(c)).collect();
                if columns.is_empty() {
                    continue;
                }
                let list = columns
                    .iter()
                    .map(|c| quoted(c))
                    .collect::<Vec<_>>()
                    .join(", ");
                let marks = vec!["?"; columns.len()].join(", ");
                let mut read = source.prepare(&format!(
                    "SELECT {list} FROM {} NOT INDEXED",
                    quoted(&table.name)
                ))?;
                let mut write = tx.prepare(&format!(
                    "INSERT OR IGNORE INTO {} ({list}) VALUES ({marks})",
                    quoted(&table.name)
                ))?;
                let mut rows = read.query([])?;
                let (mut seen, mut written) = (0u64, 0u64);
                while let Some(row) = rows.next()? {
                    let values = (0..columns.len())
                        .map(|i| row.get::<_, Value>(i))
                        .collect::<Result<Vec<_>, _>>()?;
                    seen += 1;
                    written += write.execute(params_from_iter(values))? as u64;
                }
                rows_copied += written;
                if seen > written {
                    rows_left_out.push((table.name.clone(), seen - written));
                }
            }
            // Rows pointing to rows that were not copied go too (a parent can be left out in
            // turn, so again until none is left; at most as many rounds as tables).
            for _ in 0..64 {
                let dangling: Vec<(String, Option<i64>)> = {
                    let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
                    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<Result<_, _>>()?
                };
                if dangling.is_empty() {
                    break;
                }
                for (table, rowid) in dangling {
                    let gone = match (rowid, table.as_str()) {
                        (Some(rowid), _) => tx.execute(
                            &format!("DELETE FROM {} WHERE rowid = ?1", quoted(&table)),
                            [rowid],
                        )?,
                        // The table without a rowid (notes on cells) is cleared by what its
                        // rows point to.
                        (None, "score_note") => tx.execute(
                            "DELETE FROM score_note WHERE period_id NOT IN (SELECT id FROM period)
                                OR unit_id NOT IN (SELECT id FROM unit)
                                OR criterion_id NOT IN (SELECT id FROM criterion)",
                            [],
                        )?,
                        (None, _) => {
                            return Err(StoreError::Damaged(Damage::DanglingReference { table }));
                        }
                    } as u64;
                    rows_copied = rows_copied.saturating_sub(gone);
                    match rows_left_out.iter_mut().find(|(t, _)| *t == table) {
                        Some((_, n)) => *n += gone,
                        None => rows_left_out.push((table, gone)),
                    }
                }
            }
            let homes: i64 =
                tx.query_row("SELECT count(*) FROM body WHERE is_home = 1", [], |r| {
                    r.get(0)
                })?;
            if homes != 1 {
                return Err(StoreError::Damaged(Damage::NoBody));
            }
            if version >= 3 {
                let cleared = clear_unreadable_scores(&tx)?;
                if cleared > 0 {
                    rows_left_out.push(("score".into(), cleared));
                }
            }
            let now = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            let what = serde_json::json!({
                "from": path.file_name().map(|n| n.to_string_lossy().into_owned()),
                "left_out": left_out.iter().map(|o| serde_json::json!({
                    "kind": format!("{:?}", o.kind).to_lowercase(),
                    "name": o.name,
                    "difference": format!("{:?}", o.difference).to_lowercase(),
                })).collect::<Vec<_>>(),
                "rows_left_out": rows_left_out.iter().map(|(t, n)| serde_json::json!({"table": t, "rows": n})).collect::<Vec<_>>(),
            });
            tx.commit()?;
            dest.pragma_update(None, "foreign_keys", "ON")?;
            if user_version(&dest)? < SCHEMA_VERSION {
                schema::migrate(&mut dest)?;
            }
            dest.execute(
                "INSERT INTO audit_log (at, who, action, entity, entity_uuid, before, after)
                 VALUES (?1, ?2, 'repair', 'file', NULL, NULL, ?3)",
                rusqlite::params![now, who, what.to_string()],
            )?;
            dest.close().map_err(|(_, e)| StoreError::from(e))?;
            copy::sync_file(&tmp, out)?;
            // The copy must pass every check a file from anyone passes.
            Store::open_checked(&tmp, Intent::Inspect, Depth::Full)?;
            if out.exists() {
                return Err(StoreError::AlreadyExists { path: out.into() });
            }
            std::fs::rename(&tmp, out).map_err(|e| StoreError::io(out, e))?;
            Ok(RepairReport {
                left_out: left_out.clone(),
                rows_copied,
                rows_left_out,
            })
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}
