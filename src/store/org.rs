//! The writers of the organisation: the body and its units (added, renamed, ordered, retired);
//! its people are in `people.rs`. Each takes its edit and returns the edit that undoes it with
//! the audit row.

use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;
use uuid::Uuid;

use super::apply::{Audit, to_json};
use super::error::{Damage, StoreError};
use super::ids::row_or;
use super::people::{add_person, delete_person, set_person_active, update_person};
use super::read::{UNIT_COLUMNS, unit_at, unit_from_row};
use crate::domain::edit::Edit;
use crate::domain::error::RuleError;
use crate::domain::org::{self, Body, Unit};
use crate::domain::text::{clean_name, clean_text};

/// Applies an edit of the body, a unit or a person.
pub(super) fn apply_org(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    match edit {
        Edit::SetBody { .. } => set_body(tx, edit, now),
        Edit::AddUnit { .. } => add_unit(tx, edit, now),
        Edit::DeleteUnit { .. } => delete_unit(tx, edit, now),
        Edit::RenameUnit { .. } => rename_unit(tx, edit, now),
        Edit::SetUnitKind { .. } => set_unit_kind(tx, edit, now),
        Edit::MoveUnit { .. } => move_unit(tx, edit, now),
        Edit::RetireUnit { .. } => retire_unit(tx, edit, now),
        Edit::RestoreUnit { .. } => restore_unit(tx, edit, now),
        Edit::AddPerson { .. } => add_person(tx, edit, now),
        Edit::UpdatePerson { .. } => update_person(tx, edit, now),
        Edit::SetPersonActive { .. } => set_person_active(tx, edit, now),
        Edit::DeletePerson { .. } => delete_person(tx, edit, now),
        _ => Err(StoreError::Internal("not an edit of the organisation")),
    }
}

pub(super) const MAX_TITLE_CHARS: usize = 300;

pub(super) fn load_unit(tx: &Transaction, unit_id: Uuid) -> Result<(i64, Unit), StoreError> {
    tx.query_row(
        &format!("SELECT id, {UNIT_COLUMNS} FROM unit WHERE uuid = ?1"),
        [unit_id.to_string()],
        |row| Ok((row.get(0)?, unit_at(row, 1)?)),
    )
    .optional()?
    .ok_or(StoreError::Rule(RuleError::UnitNotFound))
}

pub(super) fn all_units(tx: &Transaction) -> Result<Vec<Unit>, StoreError> {
    let mut stmt = tx.prepare(&format!(
        "SELECT {UNIT_COLUMNS} FROM unit ORDER BY sort_order, id"
    ))?;
    let units = stmt
        .query_map([], unit_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(units)
}

pub(super) fn unit_row_id(
    tx: &Transaction,
    unit_id: Option<Uuid>,
) -> Result<Option<i64>, StoreError> {
    match unit_id {
        None => Ok(None),
        Some(u) => row_or(tx, "unit", u, StoreError::Rule(RuleError::UnitNotFound)).map(Some),
    }
}

/// Writes the order of units as given (positions 0..n).
fn write_order(tx: &Transaction, order: &[Uuid], now: &str) -> Result<(), StoreError> {
    let mut stmt = tx.prepare(
        "UPDATE unit SET sort_order = ?2, updated_at = ?3 WHERE uuid = ?1 AND sort_order <> ?2",
    )?;
    for (i, id) in order.iter().enumerate() {
        stmt.execute(params![id.to_string(), i as i64, now])?;
    }
    Ok(())
}

/// Rows elsewhere in the file that point to a unit: its history.
fn unit_history(tx: &Transaction, row_id: i64) -> Result<i64, StoreError> {
    Ok(tx.query_row(
        "SELECT (SELECT count(*) FROM score WHERE unit_id = ?1)
              + (SELECT count(*) FROM score_note WHERE unit_id = ?1)
              + (SELECT count(*) FROM person WHERE unit_id = ?1)
              + (SELECT count(*) FROM target_unit_check WHERE unit_id = ?1)
              + (SELECT count(*) FROM task_unit WHERE unit_id = ?1)
              + (SELECT count(*) FROM attendance WHERE unit_id = ?1)
              + (SELECT count(*) FROM agenda_item WHERE presenter_id = ?1)
              + (SELECT count(*) FROM action_item WHERE unit_id = ?1)",
        [row_id],
        |r| r.get(0),
    )?)
}

/// Optional free text: empty means none.
pub(super) fn clean_text_opt(raw: &str) -> Result<Option<String>, RuleError> {
    let t = clean_text(raw, 200)?;
    Ok(if t.is_empty() { None } else { Some(t) })
}
/// The body itself: its name, kind and the level above it.
fn set_body(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    let Edit::SetBody {
        name,
        kind,
        parent_name,
    } = edit
    else {
        return Err(StoreError::Internal("not a SetBody edit"));
    };
    let name = clean_name(name)?;
    let parent_name = parent_name
        .as_deref()
        .map(clean_text_opt)
        .transpose()?
        .flatten();
    let (body_row, body_uuid, old_name, old_kind, old_parent_row, old_parent): (
        i64,
        String,
        String,
        String,
        Option<i64>,
        Option<String>,
    ) = tx.query_row(
        "SELECT b.id, b.uuid, b.name, b.kind, b.parent_id, p.name FROM body b
             LEFT JOIN body p ON p.id = b.parent_id WHERE b.is_home = 1",
        [],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        },
    )?;
    let old_kind = crate::domain::org::BodyKind::from_slug(&old_kind)
        .ok_or(StoreError::Damaged(Damage::Value))?;
    let parent_row = match (&parent_name, old_parent_row) {
        (None, _) => None,
        (Some(p), Some(row)) => {
            tx.execute(
                "UPDATE body SET name = ?2, updated_at = ?3 WHERE id = ?1",
                params![row, p, now],
            )?;
            Some(row)
        }
        (Some(p), None) => Some(insert_level_above(tx, p, now)?),
    };
    tx.execute(
        "UPDATE body SET name = ?2, kind = ?3, parent_id = ?4, updated_at = ?5 WHERE id = ?1",
        params![body_row, name, kind.slug(), parent_row, now],
    )?;
    let inverse = Edit::SetBody {
        name: old_name.clone(),
        kind: old_kind,
        parent_name: old_parent.clone(),
    };
    Ok((
        inverse,
        Audit {
            entity: "body",
            entity_uuid: Uuid::parse_str(&body_uuid).ok(),
            before: Some(json!({"name": old_name, "kind": old_kind.slug(), "parent": old_parent})),
            after: Some(json!({"name": name, "kind": kind.slug(), "parent": parent_name})),
        },
    ))
}

/// A new unit at a place in the official order.
fn add_unit(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    let Edit::AddUnit {
        unit_id,
        name,
        kind,
        position,
        joined_on,
    } = edit
    else {
        return Err(StoreError::Internal("not a AddUnit edit"));
    };
    let name = clean_name(name)?;
    let units = all_units(tx)?;
    org::check_unit_name_free(&name, &units, None)?;
    if units.iter().any(|u| u.unit_id == *unit_id) {
        return Err(StoreError::Internal("a unit with this id exists"));
    }
    let body_row: i64 = tx.query_row("SELECT id FROM body WHERE is_home = 1", [], |r| r.get(0))?;
    let mut after = Unit {
        unit_id: *unit_id,
        name,
        kind: *kind,
        sort_order: units.len() as i64,
        retired_on: None,
        joined_on: *joined_on,
    };
    insert_unit(tx, &after, body_row, now)?;
    let mut order: Vec<Uuid> = units.iter().map(|u| u.unit_id).collect();
    let at = position.unwrap_or(order.len()).min(order.len());
    order.insert(at, *unit_id);
    write_order(tx, &order, now)?;
    after.sort_order = at as i64;
    Ok((
        Edit::DeleteUnit { unit_id: *unit_id },
        Audit {
            entity: "unit",
            entity_uuid: Some(*unit_id),
            before: None,
            after: to_json(&after),
        },
    ))
}

/// A unit with no history removed.
fn delete_unit(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    let Edit::DeleteUnit { unit_id } = edit else {
        return Err(StoreError::Internal("not a DeleteUnit edit"));
    };
    let (row_id, unit) = load_unit(tx, *unit_id)?;
    let rows = unit_history(tx, row_id)?;
    if rows > 0 {
        return Err(RuleError::UnitHasHistory {
            name: unit.name,
            rows,
        }
        .into());
    }
    let units = all_units(tx)?;
    let position = units.iter().position(|u| u.unit_id == *unit_id);
    tx.execute("DELETE FROM unit WHERE id = ?1", [row_id])?;
    let order: Vec<Uuid> = units
        .iter()
        .map(|u| u.unit_id)
        .filter(|u| u != unit_id)
        .collect();
    write_order(tx, &order, now)?;
    Ok((
        Edit::AddUnit {
            unit_id: *unit_id,
            name: unit.name.clone(),
            kind: unit.kind,
            position,
            joined_on: unit.joined_on,
        },
        Audit {
            entity: "unit",
            entity_uuid: Some(*unit_id),
            before: to_json(&unit),
            after: None,
        },
    ))
}

/// A unit renamed (names stay unique).
fn rename_unit(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    let Edit::RenameUnit { unit_id, name } = edit else {
        return Err(StoreError::Internal("not a RenameUnit edit"));
    };
    let name = clean_name(name)?;
    let (row_id, before) = load_unit(tx, *unit_id)?;
    let units = all_units(tx)?;
    org::check_unit_name_free(&name, &units, Some(*unit_id))?;
    tx.execute(
        "UPDATE unit SET name = ?2, updated_at = ?3 WHERE id = ?1",
        params![row_id, name, now],
    )?;
    let after = Unit {
        name,
        ..before.clone()
    };
    Ok((
        Edit::RenameUnit {
            unit_id: *unit_id,
            name: before.name.clone(),
        },
        Audit {
            entity: "unit",
            entity_uuid: Some(*unit_id),
            before: to_json(&before),
            after: to_json(&after),
        },
    ))
}

/// A unit's kind (ward, commune, …).
fn set_unit_kind(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    let Edit::SetUnitKind { unit_id, kind } = edit else {
        return Err(StoreError::Internal("not a SetUnitKind edit"));
    };
    let (row_id, before) = load_unit(tx, *unit_id)?;
    tx.execute(
        "UPDATE unit SET kind = ?2, updated_at = ?3 WHERE id = ?1",
        params![row_id, kind.slug(), now],
    )?;
    let after = Unit {
        kind: *kind,
        ..before.clone()
    };
    Ok((
        Edit::SetUnitKind {
            unit_id: *unit_id,
            kind: before.kind,
        },
        Audit {
            entity: "unit",
            entity_uuid: Some(*unit_id),
            before: to_json(&before),
            after: to_json(&after),
        },
    ))
}

/// A unit moved in the official order.
fn move_unit(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    let Edit::MoveUnit { unit_id, position } = edit else {
        return Err(StoreError::Internal("not a MoveUnit edit"));
    };
    let units = all_units(tx)?;
    let ids: Vec<Uuid> = units.iter().map(|u| u.unit_id).collect();
    let from = ids
        .iter()
        .position(|u| u == unit_id)
        .ok_or(RuleError::UnitNotFound)?;
    let order = org::reorder(&ids, from, *position)?;
    write_order(tx, &order, now)?;
    Ok((
        Edit::MoveUnit {
            unit_id: *unit_id,
            position: from,
        },
        Audit {
            entity: "unit",
            entity_uuid: Some(*unit_id),
            before: Some(json!({"position": from})),
            after: Some(json!({"position": position})),
        },
    ))
}

/// A unit retired from a day (merged, dissolved): its history stays.
fn retire_unit(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    let Edit::RetireUnit { unit_id, on } = edit else {
        return Err(StoreError::Internal("not a RetireUnit edit"));
    };
    let (row_id, before) = load_unit(tx, *unit_id)?;
    if before.retired_on.is_some() {
        return Err(RuleError::AlreadyRetired(before.name).into());
    }
    if let Some(joined) = before.joined_on.filter(|j| on <= j) {
        return Err(RuleError::RetiredBeforeJoined {
            name: before.name,
            joined: joined.format("%d/%m/%Y").to_string(),
        }
        .into());
    }
    tx.execute(
        "UPDATE unit SET retired_on = ?2, updated_at = ?3 WHERE id = ?1",
        params![row_id, on.to_string(), now],
    )?;
    let after = Unit {
        retired_on: Some(*on),
        ..before.clone()
    };
    Ok((
        Edit::RestoreUnit { unit_id: *unit_id },
        Audit {
            entity: "unit",
            entity_uuid: Some(*unit_id),
            before: to_json(&before),
            after: to_json(&after),
        },
    ))
}

/// A retired unit brought back.
fn restore_unit(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    let Edit::RestoreUnit { unit_id } = edit else {
        return Err(StoreError::Internal("not a RestoreUnit edit"));
    };
    let (row_id, before) = load_unit(tx, *unit_id)?;
    let Some(retired_on) = before.retired_on else {
        return Err(RuleError::NotRetired(before.name).into());
    };
    let units = all_units(tx)?;
    org::check_unit_name_free(&before.name, &units, Some(*unit_id))?;
    tx.execute(
        "UPDATE unit SET retired_on = NULL, updated_at = ?2 WHERE id = ?1",
        params![row_id, now],
    )?;
    let after = Unit {
        retired_on: None,
        ..before.clone()
    };
    Ok((
        Edit::RetireUnit {
            unit_id: *unit_id,
            on: retired_on,
        },
        Audit {
            entity: "unit",
            entity_uuid: Some(*unit_id),
            before: to_json(&before),
            after: to_json(&after),
        },
    ))
}

/// The level above the body (a city, a province), known by its name only.
fn insert_level_above(tx: &Transaction, name: &str, now: &str) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO body (uuid, name, kind, parent_id, is_home, updated_at)
         VALUES (?1, ?2, 'city', NULL, 0, ?3)",
        params![Uuid::new_v4().to_string(), name, now],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The body of a new document, with the level above it; its row id.
pub(super) fn insert_body(tx: &Transaction, body: &Body, now: &str) -> Result<i64, StoreError> {
    let parent = body
        .parent_name
        .as_deref()
        .map(|p| insert_level_above(tx, p, now))
        .transpose()?;
    tx.execute(
        "INSERT INTO body (uuid, name, kind, parent_id, is_home, updated_at)
         VALUES (?1, ?2, ?3, ?4, 1, ?5)",
        params![
            body.body_id.to_string(),
            body.name,
            body.kind.slug(),
            parent,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A unit's row, at its `sort_order`.
pub(super) fn insert_unit(
    tx: &Transaction,
    u: &Unit,
    body_row: i64,
    now: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO unit (uuid, body_id, name, kind, sort_order, retired_on, joined_on, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            u.unit_id.to_string(),
            body_row,
            u.name,
            u.kind.slug(),
            u.sort_order,
            u.retired_on.map(|d| d.to_string()),
            u.joined_on.map(|d| d.to_string()),
            now
        ],
    )?;
    Ok(())
}
