//! Copies of the document that go out by e-mail and come back. A copy sent is kept beside the
//! working file (its identity written into the copy), so that when it returns, SQLite's
//! session extension can tell what was changed in it since: `sqlite3session_diff` between the
//! copy as sent and as returned gives the changed rows of the score tables, which are then
//! read cell by cell.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use uuid::Uuid;

use super::Store;
use super::error::StoreError;
use crate::domain::results::Which;

/// The setting that names a sent copy.
const SENT_KEY: &str = "sent_copy";

/// One cell changed in a returned copy since it was sent.
#[derive(Debug, Clone, PartialEq)]
pub struct CellDiff {
    pub period_id: Uuid,
    pub unit_id: Uuid,
    pub criterion_id: Uuid,
    pub which: Which,
    pub sent: Option<f64>,
    pub returned: Option<f64>,
}

/// One cell's note or evidence changed in a returned copy: (note, evidence) each side.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteDiff {
    pub period_id: Uuid,
    pub unit_id: Uuid,
    pub criterion_id: Uuid,
    pub sent: (String, String),
    pub returned: (String, String),
}

/// What a returned copy changed in the score tables since it was sent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CopyDiff {
    pub cells: Vec<CellDiff>,
    pub notes: Vec<NoteDiff>,
    /// Rows changed outside the scores (plans, meetings, units…), by table: not brought in,
    /// but said.
    pub others: Vec<(String, usize)>,
}

/// Where the copies sent from `working` are kept: a folder beside it.
pub fn sent_folder(working: &Path) -> PathBuf {
    let stem = working
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    working.with_file_name(format!("{stem}.ban-da-gui"))
}

fn uri(path: &Path) -> String {
    let text = path.to_string_lossy();
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '?' => "%3f".to_string(),
            '#' => "%23".to_string(),
            '%' => "%25".to_string(),
            c => c.to_string(),
        })
        .collect();
    format!("file:{escaped}?mode=ro")
}

impl Store {
    /// Writes a copy to send (see [`Store::save_copy`]) with an identity of its own, and keeps
    /// that copy as sent in [`sent_folder`]. Returns the copy's size.
    pub fn save_copy_to_send(&self, target: &Path) -> Result<u64, StoreError> {
        let size = self.save_copy(target)?;
        let id = Uuid::new_v4();
        {
            let copy = Connection::open(target)?;
            copy.execute(
                "INSERT INTO setting (key, uuid, value, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                params![
                    SENT_KEY,
                    Uuid::new_v4().to_string(),
                    id.to_string(),
                    chrono::Utc::now().to_rfc3339()
                ],
            )?;
        }
        let folder = sent_folder(&self.path);
        std::fs::create_dir_all(&folder).map_err(|e| StoreError::io(&folder, e))?;
        let kept = folder.join(format!("{id}.db"));
        std::fs::copy(target, &kept).map_err(|e| StoreError::io(&kept, e))?;
        Ok(size)
    }

    /// The copy as sent of a returned copy, when this file sent it: none when the returned
    /// file says no identity or its copy is not kept here.
    pub fn sent_copy_of(&self, returned: &Store) -> Result<Option<PathBuf>, StoreError> {
        let Some(id) = returned
            .setting(SENT_KEY)?
            .and_then(|v| Uuid::parse_str(v.trim()).ok())
        else {
            return Ok(None);
        };
        let kept = sent_folder(&self.path).join(format!("{id}.db"));
        Ok(kept.is_file().then_some(kept))
    }
}

/// The changes of the score tables from `sent` to `returned`, both already opened and checked
/// as documents: the session extension finds the changed rows, which are then read whole on
/// both sides and compared cell by cell.
pub fn diff_copies(sent: &Path, returned: &Path) -> Result<CopyDiff, StoreError> {
    let conn = Connection::open_with_flags(
        uri(returned),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.execute("ATTACH DATABASE ?1 AS sent", [uri(sent)])?;
    let rows = super::session::changed_rows(&conn, "sent", &["score", "score_note"])?;
    let mut diff = CopyDiff::default();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT IN ('score', 'score_note', 'audit_log', 'setting') ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let names: Vec<&str> = tables.iter().map(String::as_str).collect();
    for row in super::session::changed_rows(&conn, "sent", &names)? {
        match diff.others.iter_mut().find(|(t, _)| *t == row.table) {
            Some((_, n)) => *n += 1,
            None => diff.others.push((row.table, 1)),
        }
    }
    let ids = |table: &str| -> Result<HashMap<i64, Uuid>, StoreError> {
        let mut stmt = conn.prepare(&format!("SELECT id, uuid FROM main.{table}"))?;
        let map = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|r| r.ok())
            .filter_map(|(id, u)| Uuid::parse_str(&u).ok().map(|u| (id, u)))
            .collect();
        Ok(map)
    };
    let (periods, units, criteria) = (ids("period")?, ids("unit")?, ids("criterion")?);
    let uuid_of = |map: &HashMap<i64, Uuid>, id: i64| {
        map.get(&id)
            .copied()
            .ok_or(StoreError::Damaged(super::error::Damage::Value))
    };
    for super::session::ChangedRow { table, key } in rows {
        let (Some(&period), Some(&unit)) = (key.first(), key.get(1)) else {
            continue;
        };
        if table == "score" {
            let read = |schema: &str| -> Result<[BTreeMap<i64, f64>; 2], StoreError> {
                let row: Option<(String, String)> = conn
                    .query_row(
                        &format!(
                            "SELECT self_values, appraised_values FROM {schema}.score WHERE period_id = ?1 AND unit_id = ?2"
                        ),
                        [period, unit],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let (s, a) = row.unwrap_or_else(|| ("{}".into(), "{}".into()));
                Ok([
                    super::cells::parse(&s)?.into_iter().collect(),
                    super::cells::parse(&a)?.into_iter().collect(),
                ])
            };
            let (before, after) = (read("sent")?, read("main")?);
            for (side, which) in [Which::SelfScore, Which::Appraised].into_iter().enumerate() {
                let keys: std::collections::BTreeSet<i64> = before[side]
                    .keys()
                    .chain(after[side].keys())
                    .copied()
                    .collect();
                for criterion in keys {
                    let (s, r) = (
                        before[side].get(&criterion).copied(),
                        after[side].get(&criterion).copied(),
                    );
                    if s != r {
                        diff.cells.push(CellDiff {
                            period_id: uuid_of(&periods, period)?,
                            unit_id: uuid_of(&units, unit)?,
                            criterion_id: uuid_of(&criteria, criterion)?,
                            which,
                            sent: s,
                            returned: r,
                        });
                    }
                }
            }
        } else {
            let Some(&criterion) = key.get(2) else {
                continue;
            };
            let read = |schema: &str| -> Result<(String, String), StoreError> {
                Ok(conn
                    .query_row(
                        &format!(
                            "SELECT note, evidence FROM {schema}.score_note
                             WHERE period_id = ?1 AND unit_id = ?2 AND criterion_id = ?3"
                        ),
                        [period, unit, criterion],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?
                    .unwrap_or_default())
            };
            let (s, r) = (read("sent")?, read("main")?);
            if s != r {
                diff.notes.push(NoteDiff {
                    period_id: uuid_of(&periods, period)?,
                    unit_id: uuid_of(&units, unit)?,
                    criterion_id: uuid_of(&criteria, criterion)?,
                    sent: s,
                    returned: r,
                });
            }
        }
    }
    Ok(diff)
}
