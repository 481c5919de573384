//! Scoring data: a period's grid (criteria, units, cells) and the score edits.

use super::ids::row_or;
use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde_json::json;
use uuid::Uuid;

use super::Store;
use super::error::StoreError;
use super::read::{Flag, UNIT_COLUMNS, slug_at, unit_at, uuid_at};
use crate::domain::criteria::SetDefinition;
use crate::domain::edit::{CellValue, Edit};
use crate::domain::org::{Unit, UnitKind};
use crate::domain::points::validate_raw;
use crate::domain::results::{Cells, Which, check_editable, transition};
use crate::domain::scoring::{
    Band, Cadence, CriteriaGroup, CriteriaSet, Criterion, CriterionKind, Model, Period,
    PeriodStatus, RateMode, Threshold,
};

/// Everything the scoring grid of one period shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub model: Model,
    pub set: CriteriaSet,
    pub period: Period,
    pub groups: Vec<CriteriaGroup>,
    /// In the set's order (group by group).
    pub criteria: Vec<Criterion>,
    pub bands: Vec<Band>,
    /// The units the model scores, in official order: the active ones, and retired ones that
    /// have scores in this period.
    pub units: Vec<Unit>,
    pub cells: Cells,
    /// (note, evidence) by (unit, criterion), for the cells that have either.
    pub notes: HashMap<(Uuid, Uuid), (String, String)>,
}

impl Grid {
    /// Every unit's total, % of the maximum, rank and band (or pass/fail) on one side.
    pub fn results(&self, which: Which) -> Vec<crate::domain::results::UnitResult> {
        let ids: Vec<Uuid> = self.units.iter().map(|u| u.unit_id).collect();
        crate::domain::results::results(
            &self.set,
            &self.criteria,
            &self.bands,
            &ids,
            &self.cells,
            which,
        )
    }
}

/// A criteria set with its groups and criteria, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct SetContents {
    pub set: CriteriaSet,
    pub groups: Vec<CriteriaGroup>,
    pub criteria: Vec<Criterion>,
}

/// A period named the way people name it: model, year and month (0 for a yearly model).
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodRef {
    pub period_id: Uuid,
    pub set_id: Uuid,
    pub status: PeriodStatus,
}

pub(super) const CRITERION_COLUMNS: &str =
    "c.uuid, g.uuid, c.code, c.name, c.guidance, c.kind, c.max_points, c.step,
     c.rate_mode, c.thresholds, c.evidence_required, c.required_for_pass";

pub(super) fn criterion_from_row(row: &Row) -> rusqlite::Result<Criterion> {
    let thresholds: Option<String> = row.get(9)?;
    let thresholds = match thresholds {
        None => Vec::new(),
        Some(text) => serde_json::from_str::<Vec<[f64; 2]>>(&text)
            .map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    9,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?
            .into_iter()
            .map(|[at_least, points]| Threshold { at_least, points })
            .collect(),
    };
    Ok(Criterion {
        criterion_id: uuid_at(row, 0)?,
        group_id: uuid_at(row, 1)?,
        code: row.get(2)?,
        name: row.get(3)?,
        guidance: row.get(4)?,
        kind: slug_at(row, 5, "criterion kind", CriterionKind::from_slug)?,
        max_points: row.get(6)?,
        step: row.get(7)?,
        rate_mode: row
            .get::<_, Option<String>>(8)?
            .as_deref()
            .and_then(RateMode::from_slug),
        thresholds,
        evidence_required: row.get::<_, Flag>(10)?.0,
        required_for_pass: row.get::<_, Flag>(11)?.0,
    })
}

fn model_from_row(row: &Row, base: usize) -> rusqlite::Result<Model> {
    let kinds: String = row.get(base + 4)?;
    Ok(Model {
        model_id: uuid_at(row, base)?,
        slug: row.get(base + 1)?,
        name: row.get(base + 2)?,
        cadence: slug_at(row, base + 3, "cadence", Cadence::from_slug)?,
        unit_kinds: kinds.split(',').filter_map(UnitKind::from_slug).collect(),
        pass_fail: row.get::<_, Flag>(base + 5)?.0,
    })
}

impl Store {
    pub fn models(&self) -> Result<Vec<Model>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT uuid, slug, name, cadence, unit_kinds, pass_fail FROM model ORDER BY id",
        )?;
        let rows = stmt.query_map([], |row| model_from_row(row, 0))?;
        rows.collect::<Result<_, _>>().map_err(StoreError::from)
    }

    /// The period of `model_slug` for `year` and `month` (0: the whole year), if it exists.
    pub fn find_period(
        &self,
        model_slug: &str,
        year: i32,
        month: u32,
    ) -> Result<Option<PeriodRef>, StoreError> {
        self.conn
            .query_row(
                "SELECT p.uuid, s.uuid, p.status FROM period p
                 JOIN criteria_set s ON s.id = p.set_id JOIN model m ON m.id = s.model_id
                 WHERE m.slug = ?1 AND s.year = ?2 AND p.month = ?3",
                params![model_slug, year, month],
                |row| {
                    Ok(PeriodRef {
                        period_id: uuid_at(row, 0)?,
                        set_id: uuid_at(row, 1)?,
                        status: slug_at(row, 2, "period status", PeriodStatus::from_slug)?,
                    })
                },
            )
            .optional()
            .map_err(StoreError::from)
    }

    /// The criteria set of a model for a year.
    pub fn criteria_set(
        &self,
        model_slug: &str,
        year: i32,
    ) -> Result<Option<SetContents>, StoreError> {
        let found: Option<Uuid> = self
            .conn
            .query_row(
                "SELECT s.uuid FROM criteria_set s JOIN model m ON m.id = s.model_id
                 WHERE m.slug = ?1 AND s.year = ?2",
                params![model_slug, year],
                |row| uuid_at(row, 0),
            )
            .optional()
            .map_err(StoreError::from)?;
        let Some(set_id) = found else {
            return Ok(None);
        };
        let def = super::criteria::read_definition(&self.conn, set_id)?;
        Ok(Some(SetContents {
            set: def.set,
            groups: def.groups,
            criteria: def.criteria,
        }))
    }

    /// Everything the grid of one period shows.
    pub fn grid(&self, period_id: Uuid) -> Result<Grid, StoreError> {
        let (period_row, set_row, period_status, month, model) = self
            .conn
            .query_row(
                "SELECT p.id, s.id, p.status, p.month, m.uuid, m.slug, m.name, m.cadence, m.unit_kinds, m.pass_fail
                 FROM period p JOIN criteria_set s ON s.id = p.set_id JOIN model m ON m.id = s.model_id
                 WHERE p.uuid = ?1",
                [period_id.to_string()],
                |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, i64>(1)?,
                        slug_at(row, 2, "period status", PeriodStatus::from_slug)?,
                        row.get::<_, u32>(3)?,
                        model_from_row(row, 4)?,
                    ))
                },
            )
            .optional()
            .map_err(StoreError::from)?
            .ok_or(StoreError::Missing { what: "period" })?;
        let set_id: Uuid = self
            .conn
            .query_row(
                "SELECT uuid FROM criteria_set WHERE id = ?1",
                [set_row],
                |r| uuid_at(r, 0),
            )
            .map_err(StoreError::from)?;
        let SetDefinition {
            set,
            groups,
            criteria,
            bands,
        } = super::criteria::read_definition(&self.conn, set_id)?;
        let kinds: Vec<&str> = model.unit_kinds.iter().map(|k| k.slug()).collect();
        // The units of the model's kinds that existed during the period (a ward added later
        // is not in a past month, nor ranked there), and any unit scored in it.
        let (first, last) = period_days(set.year, month);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {UNIT_COLUMNS},
                    EXISTS (SELECT 1 FROM score s WHERE s.unit_id = u.id AND s.period_id = ?2)
             FROM unit u
             WHERE instr(',' || ?1 || ',', ',' || u.kind || ',') > 0
                OR EXISTS (SELECT 1 FROM score s WHERE s.unit_id = u.id AND s.period_id = ?2)
             ORDER BY u.sort_order, u.id"
        ))?;
        let units = stmt
            .query_map(params![kinds.join(","), period_row], |row| {
                Ok((unit_at(row, 0)?, row.get::<_, bool>(6)?))
            })?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?
            .into_iter()
            .filter(|(u, scored)| *scored || u.active_during(first, last))
            .map(|(u, _)| u)
            .collect::<Vec<_>>();
        // Cells by integer row ids mapped to matrix positions: no UUID parsing per cell.
        let by_unit: HashMap<Uuid, usize> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.unit_id, i))
            .collect();
        let mut unit_rows: HashMap<i64, usize> = HashMap::new();
        {
            let mut stmt = self.conn.prepare("SELECT id, uuid FROM unit")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                if let Some(&i) = by_unit.get(&uuid_at(row, 1).map_err(StoreError::from)?) {
                    unit_rows.insert(row.get(0)?, i);
                }
            }
        }
        let criterion_rows = self.criterion_positions(&criteria, set_id)?;
        let mut cells = Cells::with_shape(
            units.iter().map(|u| u.unit_id).collect(),
            criteria.iter().map(|c| c.criterion_id).collect(),
        );
        let notes = super::cells::load(
            &self.conn,
            period_row,
            &unit_rows,
            &criterion_rows,
            &mut cells,
        )?
        .into_iter()
        .map(|((u, c), text)| ((units[u].unit_id, criteria[c].criterion_id), text))
        .collect();
        Ok(Grid {
            model,
            set: set.clone(),
            period: Period {
                period_id,
                set_id: set.set_id,
                month,
                status: period_status,
            },
            groups,
            criteria,
            bands,
            units,
            cells,
            notes,
        })
    }
}

/// The period's row id, status and set row id.
pub(super) fn period_row(
    tx: &Transaction,
    period_id: Uuid,
) -> Result<(i64, PeriodStatus, i64), StoreError> {
    tx.query_row(
        "SELECT id, status, set_id FROM period WHERE uuid = ?1",
        [period_id.to_string()],
        |row| {
            Ok((
                row.get(0)?,
                slug_at(row, 1, "period status", PeriodStatus::from_slug)?,
                row.get(2)?,
            ))
        },
    )
    .optional()
    .map_err(StoreError::from)?
    .ok_or(StoreError::Missing { what: "period" })
}

/// The criteria of a set with their row ids, by uuid.
pub(super) fn criteria_by_id(
    conn: &Connection,
    set_row: i64,
) -> Result<HashMap<Uuid, (i64, Criterion)>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {CRITERION_COLUMNS}, c.id FROM criterion c JOIN criteria_group g ON g.id = c.group_id
         WHERE g.set_id = ?1"
    ))?;
    stmt.query_map([set_row], |row| {
        let c = criterion_from_row(row)?;
        Ok((c.criterion_id, (row.get::<_, i64>(12)?, c)))
    })?
    .collect::<Result<_, _>>()
    .map_err(StoreError::from)
}

/// Writes cells of one side (self or appraised), validating every value first: all or nothing.
/// Returns the previous values, for undo.
pub(super) fn write_cells(
    tx: &Transaction,
    period_id: Uuid,
    which: Which,
    cells: &[CellValue],
    now: &str,
) -> Result<Vec<CellValue>, StoreError> {
    let (period, status, set_row) = period_row(tx, period_id)?;
    check_editable(status)?;
    let criteria = criteria_by_id(tx, set_row)?;
    let mut unit_rows: HashMap<Uuid, i64> = HashMap::new();
    for cell in cells {
        let (_, criterion) = criteria
            .get(&cell.criterion_id)
            .ok_or(StoreError::Missing { what: "criterion" })?;
        if let Some(v) = cell.value {
            validate_raw(criterion, v)?;
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = unit_rows.entry(cell.unit_id) {
            let row = row_or(
                tx,
                "unit",
                cell.unit_id,
                StoreError::Missing { what: "unit" },
            )?;
            slot.insert(row);
        }
    }
    let column = match which {
        Which::SelfScore => "self_values",
        Which::Appraised => "appraised_values",
    };
    // Each unit's row read once, changed, and written once.
    let mut sides: HashMap<i64, std::collections::BTreeMap<i64, f64>> = HashMap::new();
    let mut read = tx.prepare(&format!(
        "SELECT {column} FROM score WHERE period_id = ?1 AND unit_id = ?2"
    ))?;
    let mut previous = Vec::with_capacity(cells.len());
    for cell in cells {
        let unit_row = unit_rows[&cell.unit_id];
        let criterion_row = criteria[&cell.criterion_id].0;
        let side = match sides.entry(unit_row) {
            std::collections::hash_map::Entry::Occupied(slot) => slot.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => {
                let text: Option<String> = read
                    .query_row(params![period, unit_row], |r| r.get(0))
                    .optional()?;
                slot.insert(match text {
                    Some(text) => super::cells::map(&text)?,
                    None => Default::default(),
                })
            }
        };
        let old = match cell.value {
            Some(v) => side.insert(criterion_row, v),
            None => side.remove(&criterion_row),
        };
        previous.push(CellValue {
            value: old,
            ..cell.clone()
        });
    }
    let mut upsert = tx.prepare(&format!(
        "INSERT INTO score (period_id, unit_id, {column}, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (period_id, unit_id) DO UPDATE SET {column} = excluded.{column},
             updated_at = excluded.updated_at"
    ))?;
    let at = super::cells::epoch_seconds(now);
    let mut units: Vec<_> = sides.into_iter().collect();
    units.sort_by_key(|(unit, _)| *unit);
    for (unit_row, side) in units {
        upsert.execute(params![period, unit_row, super::cells::write(&side), at])?;
    }
    Ok(previous)
}

/// Applies the scoring edits.
pub(super) fn apply_scoring(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, super::apply::Audit), StoreError> {
    match edit {
        Edit::SetScore { period_id, which, cell } => write_cells(tx, *period_id, *which, std::slice::from_ref(cell), now)
            .map(|mut previous| {
                let before = previous.pop().unwrap_or_else(|| cell.clone());
                (
                    Edit::SetScore { period_id: *period_id, which: *which, cell: before.clone() },
                    super::apply::Audit {
                        entity: "score",
                        entity_uuid: Some(*period_id),
                        before: Some(json!({"unit": before.unit_id, "criterion": before.criterion_id, "which": which, "value": before.value})),
                        after: Some(json!({"unit": cell.unit_id, "criterion": cell.criterion_id, "which": which, "value": cell.value})),
                    },
                )
            }),
        Edit::SetScores { period_id, which, cells } => write_cells(tx, *period_id, *which, cells, now).map(|previous| {
            (
                Edit::SetScores { period_id: *period_id, which: *which, cells: previous.clone() },
                // How many cells, not every cell: an import of 100,000 cells is one short row.
                super::apply::Audit {
                    entity: "score",
                    entity_uuid: Some(*period_id),
                    before: Some(json!({"which": which, "cells": previous.len()})),
                    after: Some(json!({"which": which, "cells": cells.len(), "cleared": cells.iter().filter(|c| c.value.is_none()).count()})),
                },
            )
        }),
        Edit::SetCellNote { period_id, unit_id, criterion_id, note } => set_note(tx, *period_id, *unit_id, *criterion_id, note, now),
        Edit::ChangePeriod { period_id, transition: t, reason } => period_row(tx, *period_id).and_then(|(row, status, _)| {
            let next = transition(status, *t, reason.as_deref())?;
            write_status(tx, row, next, now)?;
            Ok((
                Edit::RestorePeriodStatus { period_id: *period_id, status },
                super::apply::Audit {
                    entity: "period",
                    entity_uuid: Some(*period_id),
                    before: Some(json!({"status": status.slug()})),
                    after: Some(json!({"status": next.slug(), "transition": t, "reason": reason})),
                },
            ))
        }),
        Edit::RestorePeriodStatus { period_id, status } => period_row(tx, *period_id).and_then(|(row, old, _)| {
            write_status(tx, row, *status, now)?;
            Ok((
                Edit::RestorePeriodStatus { period_id: *period_id, status: old },
                super::apply::Audit {
                    entity: "period",
                    entity_uuid: Some(*period_id),
                    before: Some(json!({"status": old.slug()})),
                    after: Some(json!({"status": status.slug()})),
                },
            ))
        }),
        _ => Err(StoreError::Internal("not a scoring edit")),
    }
}

fn write_status(
    tx: &Transaction,
    row: i64,
    status: PeriodStatus,
    now: &str,
) -> Result<(), StoreError> {
    let (finalized, published) = match status {
        PeriodStatus::Draft => (None, None),
        PeriodStatus::Finalized => (Some(now), None),
        PeriodStatus::Published => (Some(now), Some(now)),
    };
    tx.execute(
        "UPDATE period SET status = ?2, finalized_at = coalesce(?3, CASE WHEN ?2 = 'draft' THEN NULL ELSE finalized_at END),
                published_at = ?4, updated_at = ?5 WHERE id = ?1",
        params![row, status.slug(), finalized, published, now],
    )?;
    Ok(())
}

fn set_note(
    tx: &Transaction,
    period_id: Uuid,
    unit_id: Uuid,
    criterion_id: Uuid,
    note: &str,
    now: &str,
) -> Result<(Edit, super::apply::Audit), StoreError> {
    let note = crate::domain::text::clean_text(note, 2000)?;
    let (period, status, _) = period_row(tx, period_id)?;
    check_editable(status)?;
    let unit = row_or(tx, "unit", unit_id, StoreError::Missing { what: "unit" })?;
    let criterion = row_or(
        tx,
        "criterion",
        criterion_id,
        StoreError::Missing { what: "criterion" },
    )?;
    let evidence: String = tx
        .query_row(
            "SELECT evidence FROM score_note WHERE period_id = ?1 AND unit_id = ?2 AND criterion_id = ?3",
            params![period, unit, criterion],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_default();
    let at = super::cells::epoch_seconds(now);
    // The note changes; the evidence stays as it is.
    let (old, _) = super::returned::set_note_and_evidence(
        tx,
        (period, unit, criterion),
        &note,
        &evidence,
        at,
    )?;
    Ok((
        Edit::SetCellNote {
            period_id,
            unit_id,
            criterion_id,
            note: old.clone(),
        },
        super::apply::Audit {
            entity: "score",
            entity_uuid: Some(period_id),
            before: Some(json!({"unit": unit_id, "criterion": criterion_id, "note": old})),
            after: Some(json!({"unit": unit_id, "criterion": criterion_id, "note": note})),
        },
    ))
}

/// The first and last days of a period: its month, or the year for a yearly period (month 0).
pub(super) fn period_days(year: i32, month: u32) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let day = |y: i32, m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(y, m, d);
    let (first, last) = if (1..=12).contains(&month) {
        let next = if month == 12 {
            day(year + 1, 1, 1)
        } else {
            day(year, month + 1, 1)
        };
        (day(year, month, 1), next.and_then(|d| d.pred_opt()))
    } else {
        (day(year, 1, 1), day(year, 12, 31))
    };
    (
        first.unwrap_or(chrono::NaiveDate::MIN),
        last.unwrap_or(chrono::NaiveDate::MAX),
    )
}
