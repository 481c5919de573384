//! The writers of periods and their cells: a period opened or deleted, filled from the month
//! before or cleared, and whole cells written at once.

use super::apply::Audit;
use super::criteria::{audit, period_of, set_row};
use super::error::{Damage, StoreError};
use super::read::uuid_at;
use crate::domain::criteria::FilledCell;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::points::validate_raw;
use crate::domain::results::{WorkflowError, check_editable};
use crate::domain::scoring::{Cadence, Period, PeriodStatus};
use rusqlite::{Transaction, params};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

pub(super) fn fill(
    tx: &Transaction,
    period_id: Uuid,
    cells: &[FilledCell],
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let (period, status, label, set) = period_of(tx, period_id)?;
    check_editable(status)?;
    let scored: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM score WHERE period_id = ?1)",
        [period],
        |r| r.get(0),
    )?;
    if scored {
        return Err(WorkflowError::PeriodNotEmpty(label).into());
    }
    insert_cells(
        tx,
        period,
        set,
        cells.iter().map(|c| CellRow {
            unit_id: c.unit_id,
            criterion_id: c.criterion_id,
            self_value: c.self_value,
            appraised_value: c.appraised_value,
            note: &c.note,
            evidence: &c.evidence,
        }),
        now,
    )?;
    Ok((
        Edit::ClearPeriod { period_id },
        audit(
            "period",
            period_id,
            None,
            Some(json!({"filled_cells": cells.len()})),
        ),
    ))
}

pub(super) fn clear(tx: &Transaction, period_id: Uuid) -> Result<(Edit, Audit), StoreError> {
    let (period, status, _, _) = period_of(tx, period_id)?;
    check_editable(status)?;
    let cells = read_cells(tx, period)?;
    tx.execute("DELETE FROM score WHERE period_id = ?1", [period])?;
    tx.execute("DELETE FROM score_note WHERE period_id = ?1", [period])?;
    Ok((
        Edit::FillPeriod {
            period_id,
            cells: cells.clone(),
        },
        audit(
            "period",
            period_id,
            Some(json!({"cleared_cells": cells.len()})),
            None,
        ),
    ))
}

/// A period's row in the set `set` (a row id).
pub(super) fn insert_period(
    tx: &Transaction,
    period: &Period,
    set: i64,
    now: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO period (uuid, set_id, month, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            period.period_id.to_string(),
            set,
            period.month,
            period.status.slug(),
            now
        ],
    )?;
    Ok(())
}

/// One cell of a period written whole: both sides, its note and evidence.
pub(super) struct CellRow<'a> {
    pub unit_id: Uuid,
    pub criterion_id: Uuid,
    pub self_value: Option<f64>,
    pub appraised_value: Option<f64>,
    pub note: &'a str,
    pub evidence: &'a str,
}

/// Writes cells into an empty period (`period`, of the set `set`, as row ids), each value
/// checked against its criterion.
pub(super) fn insert_cells<'a>(
    tx: &Transaction,
    period: i64,
    set: i64,
    cells: impl IntoIterator<Item = CellRow<'a>>,
    now: &str,
) -> Result<(), StoreError> {
    let criteria = super::scores::criteria_by_id(tx, set)?;
    let mut units: HashMap<Uuid, i64> = HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT uuid, id FROM unit")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            units.insert(uuid_at(row, 0).map_err(StoreError::from)?, row.get(1)?);
        }
    }
    // Gathered by unit, then written a row a unit in the file's order.
    let mut rows: std::collections::BTreeMap<i64, UnitRow> = std::collections::BTreeMap::new();
    let mut notes = Vec::new();
    for cell in cells {
        let (criterion_row, criterion) = criteria
            .get(&cell.criterion_id)
            .ok_or(StoreError::Missing { what: "criterion" })?;
        let unit_row = *units
            .get(&cell.unit_id)
            .ok_or(StoreError::Missing { what: "unit" })?;
        for v in [cell.self_value, cell.appraised_value]
            .into_iter()
            .flatten()
        {
            validate_raw(criterion, v)?;
        }
        let note = crate::domain::text::clean_text(cell.note, 2000)?;
        let evidence = crate::domain::text::clean_text(cell.evidence, 2000)?;
        let row = rows.entry(unit_row).or_default();
        if let Some(v) = cell.self_value {
            row.own.insert(*criterion_row, v);
        }
        if let Some(v) = cell.appraised_value {
            row.appraised.insert(*criterion_row, v);
        }
        if !note.is_empty() || !evidence.is_empty() {
            notes.push((unit_row, *criterion_row, note, evidence));
        }
    }
    let at = super::cells::epoch_seconds(now);
    let mut insert = tx.prepare(
        "INSERT INTO score (period_id, unit_id, self_values, appraised_values, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (unit_row, row) in &rows {
        insert.execute(params![
            period,
            unit_row,
            super::cells::write(&row.own),
            super::cells::write(&row.appraised),
            at
        ])?;
    }
    let mut insert = tx.prepare(
        "INSERT INTO score_note (period_id, unit_id, criterion_id, note, evidence, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (period_id, unit_id, criterion_id) DO UPDATE SET note = excluded.note,
             evidence = excluded.evidence",
    )?;
    for (unit_row, criterion_row, note, evidence) in notes {
        insert.execute(params![period, unit_row, criterion_row, note, evidence, at])?;
    }
    Ok(())
}

/// One unit's values of a period, as they are gathered to be written.
#[derive(Default)]
struct UnitRow {
    own: std::collections::BTreeMap<i64, f64>,
    appraised: std::collections::BTreeMap<i64, f64>,
}

/// Cells by (unit row, criterion row).
type Cells = std::collections::BTreeMap<(i64, i64), FilledCell>;

/// Every cell of a period (a row id) with a value, a note or evidence, in the file's order.
fn read_cells(tx: &Transaction, period: i64) -> Result<Vec<FilledCell>, StoreError> {
    let uuids = |sql: &str| -> Result<HashMap<i64, Uuid>, StoreError> {
        let mut stmt = tx.prepare(sql)?;
        let mut rows = stmt.query([period])?;
        let mut out = HashMap::new();
        while let Some(row) = rows.next()? {
            out.insert(row.get(0)?, uuid_at(row, 1).map_err(StoreError::from)?);
        }
        Ok(out)
    };
    let units = uuids("SELECT u.id, u.uuid FROM unit u WHERE ?1 IS NOT NULL")?;
    let criteria = uuids(
        "SELECT c.id, c.uuid FROM criterion c JOIN criteria_group g ON g.id = c.group_id
         JOIN period p ON p.set_id = g.set_id WHERE p.id = ?1",
    )?;
    let mut cells: Cells = std::collections::BTreeMap::new();
    fn cell<'a>(
        cells: &'a mut Cells,
        units: &HashMap<i64, Uuid>,
        criteria: &HashMap<i64, Uuid>,
        unit: i64,
        criterion: i64,
    ) -> Option<&'a mut FilledCell> {
        let (unit_id, criterion_id) = (*units.get(&unit)?, *criteria.get(&criterion)?);
        Some(cells.entry((unit, criterion)).or_insert(FilledCell {
            unit_id,
            criterion_id,
            self_value: None,
            appraised_value: None,
            note: String::new(),
            evidence: String::new(),
        }))
    }
    {
        let mut stmt = tx.prepare(
            "SELECT unit_id, self_values, appraised_values FROM score WHERE period_id = ?1",
        )?;
        let mut rows = stmt.query([period])?;
        while let Some(row) = rows.next()? {
            let unit: i64 = row.get(0)?;
            for (criterion, v) in super::cells::parse(&row.get::<_, String>(1)?)? {
                if let Some(c) = cell(&mut cells, &units, &criteria, unit, criterion) {
                    c.self_value = Some(v);
                }
            }
            for (criterion, v) in super::cells::parse(&row.get::<_, String>(2)?)? {
                if let Some(c) = cell(&mut cells, &units, &criteria, unit, criterion) {
                    c.appraised_value = Some(v);
                }
            }
        }
        let mut stmt = tx.prepare(
            "SELECT unit_id, criterion_id, note, evidence FROM score_note WHERE period_id = ?1",
        )?;
        let mut rows = stmt.query([period])?;
        while let Some(row) = rows.next()? {
            if let Some(c) = cell(&mut cells, &units, &criteria, row.get(0)?, row.get(1)?) {
                c.note = row.get(2)?;
                c.evidence = row.get(3)?;
            }
        }
    }
    Ok(cells.into_values().collect())
}

pub(super) fn create_period(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let Edit::CreatePeriod {
        period_id,
        set_id,
        month,
    } = edit
    else {
        return Err(StoreError::Internal("not a CreatePeriod edit"));
    };
    let found = set_row(tx, *set_id)?;
    let fits = match found.cadence {
        Cadence::Monthly => (1..=12).contains(month),
        Cadence::Yearly => *month == 0,
    };
    if !fits {
        return Err(WorkflowError::BadMonth(*month).into());
    }
    let period = Period {
        period_id: *period_id,
        set_id: *set_id,
        month: *month,
        status: PeriodStatus::Draft,
    };
    let label = period.label(found.year, Lang::Vi);
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM period WHERE set_id = ?1 AND month = ?2)",
        params![found.row, month],
        |r| r.get(0),
    )?;
    if taken {
        return Err(WorkflowError::PeriodExists(label).into());
    }
    insert_period(tx, &period, found.row, now)?;
    Ok((
        Edit::DeletePeriod {
            period_id: *period_id,
        },
        audit(
            "period",
            *period_id,
            None,
            Some(json!({"set": set_id, "month": month, "status": "draft"})),
        ),
    ))
}

pub(super) fn delete_period(
    tx: &Transaction,
    edit: &Edit,
    _now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let Edit::DeletePeriod { period_id } = edit else {
        return Err(StoreError::Internal("not a DeletePeriod edit"));
    };
    let (row, status, label, set) = period_of(tx, *period_id)?;
    check_editable(status)?;
    let cells: i64 = tx.query_row(
        "SELECT (SELECT count(*) FROM score WHERE period_id = ?1)
              + (SELECT count(*) FROM score_note WHERE period_id = ?1)",
        [row],
        |r| r.get(0),
    )?;
    if cells > 0 {
        return Err(WorkflowError::PeriodNotEmpty(label).into());
    }
    let (set_id, month): (String, u32) = tx.query_row(
        "SELECT s.uuid, p.month FROM period p JOIN criteria_set s ON s.id = ?2 WHERE p.id = ?1",
        params![row, set],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let set_id = Uuid::parse_str(&set_id).map_err(|_| StoreError::Damaged(Damage::Value))?;
    tx.execute("DELETE FROM period WHERE id = ?1", [row])?;
    Ok((
        Edit::CreatePeriod {
            period_id: *period_id,
            set_id,
            month,
        },
        audit(
            "period",
            *period_id,
            Some(json!({"set": set_id, "month": month})),
            None,
        ),
    ))
}
