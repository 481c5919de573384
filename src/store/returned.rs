//! Writing a ward's returned self-assessment: the self-scores of one unit's cells with their
//! evidence and explanations, in the one transaction of the edit, and the edit that undoes it.

use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

use super::error::StoreError;
use super::ids::row_or;
use crate::domain::edit::{CellValue, CopyCell, CopyNote, Edit, ReturnedCell};
use crate::domain::results::Which;

/// Sets a cell's note and evidence (the unit then belongs to the period's scored units);
/// returns what they were.
pub(super) fn set_note_and_evidence(
    tx: &Transaction,
    (period, unit, criterion): (i64, i64, i64),
    note: &str,
    evidence: &str,
    at: i64,
) -> Result<(String, String), StoreError> {
    let note = crate::domain::text::clean_text(note, 2000)?;
    let evidence = crate::domain::text::clean_text(evidence, 2000)?;
    let old: (String, String) = tx
        .query_row(
            "SELECT note, evidence FROM score_note WHERE period_id = ?1 AND unit_id = ?2 AND criterion_id = ?3",
            params![period, unit, criterion],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or_default();
    if note.is_empty() && evidence.is_empty() {
        tx.execute(
            "DELETE FROM score_note WHERE period_id = ?1 AND unit_id = ?2 AND criterion_id = ?3",
            params![period, unit, criterion],
        )?;
    } else {
        tx.execute(
            "INSERT INTO score_note (period_id, unit_id, criterion_id, note, evidence, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (period_id, unit_id, criterion_id) DO UPDATE
             SET note = excluded.note, evidence = excluded.evidence, updated_at = excluded.updated_at",
            params![period, unit, criterion, note, evidence, at],
        )?;
    }
    // A unit with notes only is still a unit of the period, as with a value.
    tx.execute(
        "INSERT INTO score (period_id, unit_id, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (period_id, unit_id) DO NOTHING",
        params![period, unit, at],
    )?;
    Ok(old)
}

/// A returned copy's cells, by period and side, and its notes.
pub(super) fn merge_copy(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, super::apply::Audit), StoreError> {
    let Edit::MergeCopy {
        source,
        cells,
        notes,
    } = edit
    else {
        return Err(StoreError::Internal("not a returned copy"));
    };
    let mut groups: std::collections::BTreeMap<(uuid::Uuid, bool), Vec<CellValue>> =
        Default::default();
    for c in cells {
        groups
            .entry((c.period_id, c.which == Which::SelfScore))
            .or_default()
            .push(c.cell.clone());
    }
    let mut before_cells = Vec::with_capacity(cells.len());
    for ((period_id, is_self), values) in groups {
        let which = if is_self {
            Which::SelfScore
        } else {
            Which::Appraised
        };
        // Checks the period is open and every value: all or nothing.
        let previous = super::scores::write_cells(tx, period_id, which, &values, now)?;
        before_cells.extend(previous.into_iter().map(|cell| CopyCell {
            period_id,
            which,
            cell,
        }));
    }
    let at = super::cells::epoch_seconds(now);
    let mut before_notes = Vec::with_capacity(notes.len());
    for n in notes {
        let (period, status, _) = super::scores::period_row(tx, n.period_id)?;
        crate::domain::results::check_editable(status)?;
        let unit = row_or(tx, "unit", n.unit_id, StoreError::Missing { what: "unit" })?;
        let criterion = row_or(
            tx,
            "criterion",
            n.criterion_id,
            StoreError::Missing { what: "criterion" },
        )?;
        let (note, evidence) =
            set_note_and_evidence(tx, (period, unit, criterion), &n.note, &n.evidence, at)?;
        before_notes.push(CopyNote {
            note,
            evidence,
            ..n.clone()
        });
    }
    Ok((
        Edit::MergeCopy {
            source: source.clone(),
            cells: before_cells,
            notes: before_notes,
        },
        super::apply::Audit {
            entity: "score",
            entity_uuid: None,
            before: None,
            after: Some(json!({"source": source, "cells": cells.len(), "notes": notes.len()})),
        },
    ))
}

pub(super) fn apply_returned(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, super::apply::Audit), StoreError> {
    let Edit::ApplyReturned {
        period_id,
        unit_id,
        source,
        cells,
    } = edit
    else {
        return Err(StoreError::Internal("not a returned form"));
    };
    let values: Vec<CellValue> = cells
        .iter()
        .map(|c| CellValue {
            unit_id: *unit_id,
            criterion_id: c.criterion_id,
            value: c.value,
        })
        .collect();
    // Checks the period is open and every value, and writes them: all or nothing.
    let previous = super::scores::write_cells(tx, *period_id, Which::SelfScore, &values, now)?;
    let (period, _, _) = super::scores::period_row(tx, *period_id)?;
    let unit = row_or(tx, "unit", *unit_id, StoreError::Missing { what: "unit" })?;
    let at = super::cells::epoch_seconds(now);
    let mut before = Vec::with_capacity(cells.len());
    for (cell, old) in cells.iter().zip(previous) {
        let criterion = row_or(
            tx,
            "criterion",
            cell.criterion_id,
            StoreError::Missing { what: "criterion" },
        )?;
        let (old_note, old_evidence) = set_note_and_evidence(
            tx,
            (period, unit, criterion),
            &cell.note,
            &cell.evidence,
            at,
        )?;
        before.push(ReturnedCell {
            criterion_id: cell.criterion_id,
            value: old.value,
            evidence: old_evidence,
            note: old_note,
        });
    }
    Ok((
        Edit::ApplyReturned {
            period_id: *period_id,
            unit_id: *unit_id,
            source: source.clone(),
            cells: before,
        },
        super::apply::Audit {
            entity: "score",
            entity_uuid: Some(*period_id),
            before: None,
            after: Some(json!({
                "source": source,
                "unit": unit_id,
                "which": Which::SelfScore,
                "cells": cells.len(),
            })),
        },
    ))
}
