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
    let mut stmt = tx.prepare(
        "SELECT u.uuid, c.uuid, s.self_value, s.appraised_value, s.note, s.evidence FROM score s
         JOIN unit u ON u.id = s.unit_id JOIN criterion c ON c.id = s.criterion_id
         WHERE s.period_id = ?1 ORDER BY s.id",
    )?;
    let cells = stmt
        .query_map([period], |row| {
            Ok(FilledCell {
                unit_id: uuid_at(row, 0)?,
                criterion_id: uuid_at(row, 1)?,
                self_value: row.get(2)?,
                appraised_value: row.get(3)?,
                note: row.get(4)?,
                evidence: row.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
    tx.execute("DELETE FROM score WHERE period_id = ?1", [period])?;
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
    let mut insert = tx.prepare(
        "INSERT INTO score (uuid, period_id, unit_id, criterion_id, self_value, appraised_value,
            note, evidence, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for cell in cells {
        let (criterion_row, criterion) = criteria
            .get(&cell.criterion_id)
            .ok_or(StoreError::Missing { what: "criterion" })?;
        let unit_row = units
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
        insert.execute(params![
            Uuid::new_v4().to_string(),
            period,
            unit_row,
            criterion_row,
            cell.self_value,
            cell.appraised_value,
            note,
            evidence,
            now
        ])?;
    }
    Ok(())
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
        "SELECT count(*) FROM score WHERE period_id = ?1",
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
