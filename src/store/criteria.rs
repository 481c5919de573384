//! Criteria sets as editable wholes: read, created, changed, deleted; a set's groups, criteria
//! and bands written together. Periods and their cells are in `periods.rs`.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::Store;
use super::apply::Audit;
use super::error::StoreError;
use super::periods::{clear, create_period, delete_period, fill};
use super::read::{slug_at, uuid_at};
use super::scores::{CRITERION_COLUMNS, criterion_from_row};
use crate::domain::criteria::{DefinitionError, SetDefinition, check_definition};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::results::{WorkflowError, check_set_editable};
use crate::domain::scoring::{
    Band, Cadence, CriteriaGroup, CriteriaSet, Criterion, PassRule, Period, PeriodStatus,
};

/// The set's row id, model row id, year, cadence and whether the model is pass/fail.
pub(super) struct SetRow {
    pub(super) row: i64,
    pub(super) year: i32,
    pub(super) cadence: Cadence,
    pub(super) pass_fail: bool,
}

pub(super) fn set_row(conn: &Connection, set_id: Uuid) -> Result<SetRow, StoreError> {
    conn.query_row(
        "SELECT s.id, s.year, m.cadence, m.pass_fail FROM criteria_set s
         JOIN model m ON m.id = s.model_id WHERE s.uuid = ?1",
        [set_id.to_string()],
        |row| {
            Ok(SetRow {
                row: row.get(0)?,
                year: row.get(1)?,
                cadence: slug_at(row, 2, "cadence", Cadence::from_slug)?,
                pass_fail: row.get::<_, i64>(3)? != 0,
            })
        },
    )
    .optional()
    .map_err(StoreError::from)?
    .ok_or(StoreError::Missing {
        what: "criteria set",
    })
}

/// A whole set as stored.
pub(super) fn read_definition(
    conn: &Connection,
    set_id: Uuid,
) -> Result<SetDefinition, StoreError> {
    let found = set_row(conn, set_id)?;
    let set = conn
        .query_row(
            "SELECT s.uuid, m.uuid, s.year, s.title, s.decision_ref, s.pass_rule, s.pass_min_pct
             FROM criteria_set s JOIN model m ON m.id = s.model_id WHERE s.id = ?1",
            [found.row],
            |row| {
                Ok(CriteriaSet {
                    set_id: uuid_at(row, 0)?,
                    model_id: uuid_at(row, 1)?,
                    year: row.get(2)?,
                    title: row.get(3)?,
                    decision_ref: row.get(4)?,
                    pass_rule: row
                        .get::<_, Option<String>>(5)?
                        .as_deref()
                        .and_then(PassRule::from_slug),
                    pass_min_pct: row.get(6)?,
                })
            },
        )
        .map_err(StoreError::from)?;
    let mut stmt = conn.prepare(
        "SELECT uuid, code, name FROM criteria_group WHERE set_id = ?1 ORDER BY sort_order, id",
    )?;
    let groups = stmt
        .query_map([found.row], |row| {
            Ok(CriteriaGroup {
                group_id: uuid_at(row, 0)?,
                set_id,
                code: row.get(1)?,
                name: row.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {CRITERION_COLUMNS} FROM criterion c JOIN criteria_group g ON g.id = c.group_id
         WHERE g.set_id = ?1 ORDER BY g.sort_order, g.id, c.sort_order, c.id"
    ))?;
    let criteria = stmt
        .query_map([found.row], criterion_from_row)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
    let mut stmt = conn.prepare(
        "SELECT uuid, name, lower_pct, color FROM band WHERE set_id = ?1 ORDER BY lower_pct DESC",
    )?;
    let bands = stmt
        .query_map([found.row], |row| {
            Ok(Band {
                band_id: uuid_at(row, 0)?,
                set_id,
                name: row.get(1)?,
                lower_pct: row.get(2)?,
                color: row.get(3)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
    Ok(SetDefinition {
        set,
        groups,
        criteria,
        bands,
    })
}

impl Store {
    /// A criteria set with its groups, criteria, bands and pass rule.
    pub fn set_definition(&self, set_id: Uuid) -> Result<SetDefinition, StoreError> {
        read_definition(&self.conn, set_id)
    }

    /// Why the set cannot be edited any more, if it cannot.
    pub fn set_lock(&self, set_id: Uuid) -> Result<Option<WorkflowError>, StoreError> {
        let found = set_row(&self.conn, set_id)?;
        Ok(check_set_editable(&period_labels(&self.conn, &found)?).err())
    }
}

/// Each period of the set as (label, status), in month order.
fn period_labels(
    conn: &Connection,
    set: &SetRow,
) -> Result<Vec<(String, PeriodStatus)>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT uuid, month, status FROM period WHERE set_id = ?1 ORDER BY month")?;
    let rows = stmt
        .query_map([set.row], |row| {
            Ok(Period {
                period_id: uuid_at(row, 0)?,
                set_id: Uuid::nil(),
                month: row.get(1)?,
                status: slug_at(row, 2, "period status", PeriodStatus::from_slug)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
    Ok(rows
        .into_iter()
        .map(|p| (p.label(set.year, Lang::Vi), p.status))
        .collect())
}

fn thresholds_json(c: &Criterion) -> Option<String> {
    if c.thresholds.is_empty() {
        return None;
    }
    let pairs: Vec<[f64; 2]> = c
        .thresholds
        .iter()
        .map(|t| [t.at_least, t.points])
        .collect();
    serde_json::to_string(&pairs).ok()
}

/// Writes groups, criteria and bands of `def` into the set `set`, updating rows that exist
/// (scores keep pointing at their criterion), inserting new ones, and deleting the ones
/// `def` no longer has (refused for a criterion with scores).
fn write_contents(
    tx: &Transaction,
    set: i64,
    def: &SetDefinition,
    now: &str,
) -> Result<(), StoreError> {
    // Existing rows of this set, by uuid.
    let mut groups: HashMap<Uuid, i64> = HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT uuid, id FROM criteria_group WHERE set_id = ?1")?;
        let mut rows = stmt.query([set])?;
        while let Some(row) = rows.next()? {
            groups.insert(uuid_at(row, 0).map_err(StoreError::from)?, row.get(1)?);
        }
    }
    let mut criteria: HashMap<Uuid, (i64, String)> = HashMap::new();
    {
        let mut stmt = tx.prepare(
            "SELECT c.uuid, c.id, c.code FROM criterion c JOIN criteria_group g ON g.id = c.group_id
             WHERE g.set_id = ?1",
        )?;
        let mut rows = stmt.query([set])?;
        while let Some(row) = rows.next()? {
            criteria.insert(
                uuid_at(row, 0).map_err(StoreError::from)?,
                (row.get(1)?, row.get(2)?),
            );
        }
    }
    // Criteria removed: only when nothing was scored on them.
    let kept: std::collections::HashSet<Uuid> =
        def.criteria.iter().map(|c| c.criterion_id).collect();
    for (id, (row, code)) in &criteria {
        if kept.contains(id) {
            continue;
        }
        let key = format!("$.\"{row}\"");
        let cells: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM score s JOIN period p ON p.id = s.period_id
                     WHERE p.set_id = ?3 AND json_type(s.self_values, ?2) IS NOT NULL)
                  + (SELECT count(*) FROM score s JOIN period p ON p.id = s.period_id
                     WHERE p.set_id = ?3 AND json_type(s.appraised_values, ?2) IS NOT NULL
                       AND json_type(s.self_values, ?2) IS NULL)
                  + (SELECT count(*) FROM score_note WHERE criterion_id = ?1)",
            params![row, key, set],
            |r| r.get(0),
        )?;
        if cells > 0 {
            return Err(DefinitionError::CriterionHasScores {
                code: code.clone(),
                cells,
            }
            .into());
        }
        tx.execute("DELETE FROM criterion WHERE id = ?1", [row])?;
    }
    // Codes are unique within a set: park the old ones so codes can be swapped.
    tx.execute(
        "UPDATE criteria_group SET code = '~' || id WHERE set_id = ?1",
        [set],
    )?;
    let mut group_rows: HashMap<Uuid, i64> = HashMap::new();
    for (i, g) in def.groups.iter().enumerate() {
        let row = match groups.get(&g.group_id) {
            Some(&row) => {
                tx.execute(
                    "UPDATE criteria_group SET code = ?2, name = ?3, sort_order = ?4, updated_at = ?5
                     WHERE id = ?1",
                    params![row, g.code, g.name, i as i64, now],
                )?;
                row
            }
            None => {
                tx.execute(
                    "INSERT INTO criteria_group (uuid, set_id, code, name, sort_order, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![g.group_id.to_string(), set, g.code, g.name, i as i64, now],
                )?;
                tx.last_insert_rowid()
            }
        };
        group_rows.insert(g.group_id, row);
    }
    for (i, c) in def.criteria.iter().enumerate() {
        let group = *group_rows.get(&c.group_id).ok_or(StoreError::Missing {
            what: "criteria group",
        })?;
        let values = params![
            group,
            c.code,
            c.name,
            c.guidance,
            c.kind.slug(),
            c.max_points,
            c.step,
            c.rate_mode.map(|m| m.slug()),
            thresholds_json(c),
            c.evidence_required,
            c.required_for_pass,
            i as i64,
            now,
            c.criterion_id.to_string(),
        ];
        if criteria.contains_key(&c.criterion_id) {
            tx.execute(
                "UPDATE criterion SET group_id = ?1, code = ?2, name = ?3, guidance = ?4, kind = ?5,
                    max_points = ?6, step = ?7, rate_mode = ?8, thresholds = ?9,
                    evidence_required = ?10, required_for_pass = ?11, sort_order = ?12,
                    updated_at = ?13
                 WHERE uuid = ?14",
                values,
            )?;
        } else {
            tx.execute(
                "INSERT INTO criterion (group_id, code, name, guidance, kind, max_points, step,
                    rate_mode, thresholds, evidence_required, required_for_pass, sort_order,
                    updated_at, uuid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                values,
            )?;
        }
    }
    // Groups removed (their criteria were moved or removed above).
    for (id, row) in &groups {
        if !group_rows.contains_key(id) {
            tx.execute("DELETE FROM criteria_group WHERE id = ?1", [row])?;
        }
    }
    tx.execute("DELETE FROM band WHERE set_id = ?1", [set])?;
    for b in &def.bands {
        tx.execute(
            "INSERT INTO band (uuid, set_id, name, lower_pct, color, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                b.band_id.to_string(),
                set,
                b.name,
                b.lower_pct,
                b.color,
                now
            ],
        )?;
    }
    Ok(())
}

fn write_set_row(
    tx: &Transaction,
    set: i64,
    def: &SetDefinition,
    now: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE criteria_set SET title = ?2, decision_ref = ?3, pass_rule = ?4, pass_min_pct = ?5,
            updated_at = ?6 WHERE id = ?1",
        params![
            set,
            def.set.title,
            def.set.decision_ref,
            def.set.pass_rule.map(|r| r.slug()),
            def.set.pass_min_pct,
            now
        ],
    )?;
    Ok(())
}

/// Period row id, status, label and set row, by uuid.
pub(super) fn period_of(
    tx: &Transaction,
    period_id: Uuid,
) -> Result<(i64, PeriodStatus, String, i64), StoreError> {
    tx.query_row(
        "SELECT p.id, p.status, p.month, s.year, s.id FROM period p
         JOIN criteria_set s ON s.id = p.set_id WHERE p.uuid = ?1",
        [period_id.to_string()],
        |row| {
            let status = slug_at(row, 1, "period status", PeriodStatus::from_slug)?;
            let period = Period {
                period_id,
                set_id: Uuid::nil(),
                month: row.get(2)?,
                status,
            };
            Ok((
                row.get(0)?,
                status,
                period.label(row.get(3)?, Lang::Vi),
                row.get(4)?,
            ))
        },
    )
    .optional()
    .map_err(StoreError::from)?
    .ok_or(StoreError::Missing { what: "period" })
}

pub(super) fn audit(
    entity: &'static str,
    id: Uuid,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Audit {
    Audit {
        entity,
        entity_uuid: Some(id),
        before,
        after,
    }
}

/// Applies the edits of criteria sets and periods.
pub(super) fn apply_criteria(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    match edit {
        Edit::CreateCriteriaSet { .. } => create_criteria_set(tx, edit, now),
        Edit::DeleteCriteriaSet { .. } => delete_criteria_set(tx, edit, now),
        Edit::SetCriteriaSet { .. } => set_criteria_set(tx, edit, now),
        Edit::CreatePeriod { .. } => create_period(tx, edit, now),
        Edit::DeletePeriod { .. } => delete_period(tx, edit, now),
        Edit::FillPeriod { period_id, cells } => fill(tx, *period_id, cells, now),
        Edit::ClearPeriod { period_id } => clear(tx, *period_id),
        _ => Err(StoreError::Internal("not a criteria edit")),
    }
}

fn create_criteria_set(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let Edit::CreateCriteriaSet { def } = edit else {
        return Err(StoreError::Internal("not a CreateCriteriaSet edit"));
    };
    let (model, pass_fail): (i64, bool) = tx
        .query_row(
            "SELECT id, pass_fail FROM model WHERE uuid = ?1",
            [def.set.model_id.to_string()],
            |r| Ok((r.get(0)?, r.get::<_, i64>(1)? != 0)),
        )
        .optional()?
        .ok_or(StoreError::Missing { what: "model" })?;
    let clean = check_definition(def, pass_fail)?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM criteria_set WHERE model_id = ?1 AND year = ?2)",
        params![model, clean.set.year],
        |r| r.get(0),
    )?;
    if taken || !(1990..=2100).contains(&clean.set.year) {
        return Err(DefinitionError::YearTaken(clean.set.year).into());
    }
    insert_set(tx, model, &clean, now)?;
    Ok((
        Edit::DeleteCriteriaSet {
            set_id: clean.set.set_id,
        },
        audit(
            "criteria_set",
            clean.set.set_id,
            None,
            serde_json::to_value(&clean).ok(),
        ),
    ))
}

fn delete_criteria_set(
    tx: &Transaction,
    edit: &Edit,
    _now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let Edit::DeleteCriteriaSet { set_id } = edit else {
        return Err(StoreError::Internal("not a DeleteCriteriaSet edit"));
    };
    let found = set_row(tx, *set_id)?;
    let periods: i64 = tx.query_row(
        "SELECT count(*) FROM period WHERE set_id = ?1",
        [found.row],
        |r| r.get(0),
    )?;
    if periods > 0 {
        return Err(DefinitionError::SetHasPeriods(found.year).into());
    }
    let old = read_definition(tx, *set_id)?;
    tx.execute("DELETE FROM criteria_set WHERE id = ?1", [found.row])?;
    Ok((
        Edit::CreateCriteriaSet {
            def: Box::new(old.clone()),
        },
        audit(
            "criteria_set",
            *set_id,
            serde_json::to_value(&old).ok(),
            None,
        ),
    ))
}

fn set_criteria_set(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    let Edit::SetCriteriaSet { def } = edit else {
        return Err(StoreError::Internal("not a SetCriteriaSet edit"));
    };
    let found = set_row(tx, def.set.set_id)?;
    check_set_editable(&period_labels(tx, &found)?)?;
    let old = read_definition(tx, def.set.set_id)?;
    let mut clean = check_definition(def, found.pass_fail)?;
    // Model and year are who the set is, not what it says.
    clean.set.model_id = old.set.model_id;
    clean.set.year = old.set.year;
    write_set_row(tx, found.row, &clean, now)?;
    write_contents(tx, found.row, &clean, now)?;
    Ok((
        Edit::SetCriteriaSet {
            def: Box::new(old.clone()),
        },
        audit(
            "criteria_set",
            clean.set.set_id,
            serde_json::to_value(&old).ok(),
            serde_json::to_value(&clean).ok(),
        ),
    ))
}

/// A criteria set of `model` (a row id) with its groups, criteria and bands, checked before.
pub(super) fn insert_set(
    tx: &Transaction,
    model: i64,
    def: &SetDefinition,
    now: &str,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO criteria_set (uuid, model_id, year, title, decision_ref, updated_at)
         VALUES (?1, ?2, ?3, '', '', ?4)",
        params![def.set.set_id.to_string(), model, def.set.year, now],
    )?;
    let set = tx.last_insert_rowid();
    write_set_row(tx, set, def, now)?;
    write_contents(tx, set, def, now)?;
    Ok(set)
}
