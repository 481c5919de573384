//! The writers of the body's people: added, changed, made inactive, removed.

use super::apply::{Audit, to_json};
use super::error::StoreError;
use super::org::*;
use super::read::{PERSON_SELECT, person_from_row};
use crate::domain::edit::Edit;
use crate::domain::error::RuleError;
use crate::domain::org::Person;
use crate::domain::text::{clean_name, clean_text};
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

/// A person added.
pub(super) fn add_person(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let Edit::AddPerson {
        person_id,
        name,
        title,
        unit_id,
    } = edit
    else {
        return Err(StoreError::Internal("not a AddPerson edit"));
    };
    let name = clean_name(name)?;
    let title = clean_text(title, MAX_TITLE_CHARS)?;
    let after = Person {
        person_id: *person_id,
        name,
        title,
        unit_id: *unit_id,
        active: true,
    };
    insert_person(tx, &after, now)?;
    Ok((
        Edit::DeletePerson {
            person_id: *person_id,
        },
        Audit {
            entity: "person",
            entity_uuid: Some(*person_id),
            before: None,
            after: to_json(&after),
        },
    ))
}

/// A person's name, title and unit.
pub(super) fn update_person(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let Edit::UpdatePerson {
        person_id,
        name,
        title,
        unit_id,
    } = edit
    else {
        return Err(StoreError::Internal("not a UpdatePerson edit"));
    };
    let name = clean_name(name)?;
    let title = clean_text(title, MAX_TITLE_CHARS)?;
    let before = load_person(tx, *person_id)?;
    let unit_row = unit_row_id(tx, *unit_id)?;
    tx.execute(
        "UPDATE person SET name = ?2, title = ?3, unit_id = ?4, updated_at = ?5 WHERE uuid = ?1",
        params![person_id.to_string(), name, title, unit_row, now],
    )?;
    let after = Person {
        name,
        title,
        unit_id: *unit_id,
        ..before.clone()
    };
    Ok((
        Edit::UpdatePerson {
            person_id: *person_id,
            name: before.name.clone(),
            title: before.title.clone(),
            unit_id: before.unit_id,
        },
        Audit {
            entity: "person",
            entity_uuid: Some(*person_id),
            before: to_json(&before),
            after: to_json(&after),
        },
    ))
}

/// A person active or not.
pub(super) fn set_person_active(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let Edit::SetPersonActive { person_id, active } = edit else {
        return Err(StoreError::Internal("not a SetPersonActive edit"));
    };
    let before = load_person(tx, *person_id)?;
    tx.execute(
        "UPDATE person SET active = ?2, updated_at = ?3 WHERE uuid = ?1",
        params![person_id.to_string(), active, now],
    )?;
    let after = Person {
        active: *active,
        ..before.clone()
    };
    Ok((
        Edit::SetPersonActive {
            person_id: *person_id,
            active: before.active,
        },
        Audit {
            entity: "person",
            entity_uuid: Some(*person_id),
            before: to_json(&before),
            after: to_json(&after),
        },
    ))
}

/// A person with no history removed.
pub(super) fn delete_person(
    tx: &Transaction,
    edit: &Edit,
    _now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let Edit::DeletePerson { person_id } = edit else {
        return Err(StoreError::Internal("not a DeletePerson edit"));
    };
    let before = load_person(tx, *person_id)?;
    let rows: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM attendance a JOIN person p ON p.id = a.person_id WHERE p.uuid = ?1)
                  + (SELECT count(*) FROM meeting m JOIN person p ON p.id = m.chair_id WHERE p.uuid = ?1)
                  + (SELECT count(*) FROM meeting m JOIN person p ON p.id = m.signer_id WHERE p.uuid = ?1)",
            [person_id.to_string()],
            |r| r.get(0),
        )?;
    if rows > 0 {
        return Err(RuleError::PersonHasHistory {
            name: before.name,
            rows,
        }
        .into());
    }
    tx.execute(
        "DELETE FROM person WHERE uuid = ?1",
        [person_id.to_string()],
    )?;
    Ok((
        Edit::AddPerson {
            person_id: *person_id,
            name: before.name.clone(),
            title: before.title.clone(),
            unit_id: before.unit_id,
        },
        Audit {
            entity: "person",
            entity_uuid: Some(*person_id),
            before: to_json(&before),
            after: None,
        },
    ))
}

/// A person's row.
pub(super) fn insert_person(tx: &Transaction, p: &Person, now: &str) -> Result<(), StoreError> {
    let unit_row = unit_row_id(tx, p.unit_id)?;
    tx.execute(
        "INSERT INTO person (uuid, name, title, unit_id, active, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            p.person_id.to_string(),
            p.name,
            p.title,
            unit_row,
            p.active,
            now
        ],
    )?;
    Ok(())
}

pub(super) fn load_person(tx: &Transaction, person_id: Uuid) -> Result<Person, StoreError> {
    tx.query_row(
        &format!("{PERSON_SELECT} WHERE p.uuid = ?1"),
        [person_id.to_string()],
        person_from_row,
    )
    .optional()?
    .ok_or(StoreError::Rule(RuleError::PersonNotFound))
}
