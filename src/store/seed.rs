//! Writes a whole [`Seed`] into an empty document, in one transaction, through the same
//! writers as edits: a table's columns are written down once, in the writer of its rows.
//! Only what no edit makes is inserted here: the evaluation models, the document's settings
//! and the audit row that says the document was created.

use std::collections::HashMap;

use rusqlite::{Connection, Transaction, params};
use uuid::Uuid;

use super::criteria::insert_set;
use super::error::StoreError;
use super::ids::row_or;
use super::org::{insert_body, insert_unit};
use super::people::insert_person;
use super::periods::{CellRow, insert_cells, insert_period};
use super::records::write_record;
use crate::domain::criteria::SetDefinition;
use crate::domain::record::Record;
use crate::domain::seed::Seed;

pub(super) fn stamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(super) fn write_seed(conn: &mut Connection, seed: &Seed) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    let now = stamp();
    let body = seed
        .body
        .as_ref()
        .ok_or(StoreError::Internal("a seed without a body"))?;
    let body_row = insert_body(&tx, body, &now)?;
    for u in &seed.units {
        insert_unit(&tx, u, body_row, &now)?;
    }
    for p in &seed.people {
        insert_person(&tx, p, &now)?;
    }
    write_scoring(&tx, seed, &now)?;
    for record in records(seed) {
        write_record(&tx, &record, &now)?;
    }
    for (key, value) in &seed.settings {
        tx.execute(
            "INSERT INTO setting (key, uuid, value, updated_at) VALUES (?1, ?2, ?3, ?4)",
            params![key, Uuid::new_v4().to_string(), value, now],
        )?;
    }
    tx.execute(
        "INSERT INTO audit_log (at, who, action, entity, entity_uuid, before, after)
         VALUES (?1, 'giaoban', 'create_document', 'body', ?2, NULL, NULL)",
        params![now, body.body_id.to_string()],
    )?;
    tx.commit()?;
    Ok(())
}

/// The evaluation models, each set with its groups, criteria and bands, the periods and their
/// scores.
fn write_scoring(tx: &Transaction, seed: &Seed, now: &str) -> Result<(), StoreError> {
    for m in &seed.models {
        let kinds: Vec<&str> = m.unit_kinds.iter().map(|k| k.slug()).collect();
        tx.execute(
            "INSERT INTO model (uuid, slug, name, cadence, unit_kinds, pass_fail, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                m.model_id.to_string(),
                m.slug,
                m.name,
                m.cadence.slug(),
                kinds.join(","),
                m.pass_fail,
                now
            ],
        )?;
    }
    let mut set_rows = HashMap::new();
    for set in &seed.sets {
        let groups: Vec<_> = seed
            .groups
            .iter()
            .filter(|g| g.set_id == set.set_id)
            .cloned()
            .collect();
        let def = SetDefinition {
            set: set.clone(),
            criteria: seed
                .criteria
                .iter()
                .filter(|c| groups.iter().any(|g| g.group_id == c.group_id))
                .cloned()
                .collect(),
            groups,
            bands: seed
                .bands
                .iter()
                .filter(|b| b.set_id == set.set_id)
                .cloned()
                .collect(),
        };
        let model = row_or(
            tx,
            "model",
            set.model_id,
            StoreError::Internal("a set of no model"),
        )?;
        set_rows.insert(set.set_id, insert_set(tx, model, &def, now)?);
    }
    for p in &seed.periods {
        let set = *set_rows
            .get(&p.set_id)
            .ok_or(StoreError::Internal("a period of no set"))?;
        insert_period(tx, p, set, now)?;
        let period = row_or(tx, "period", p.period_id, StoreError::Internal("period"))?;
        let cells = seed
            .scores
            .iter()
            .filter(|s| s.period_id == p.period_id)
            .map(|s| CellRow {
                unit_id: s.unit_id,
                criterion_id: s.criterion_id,
                self_value: s.self_value,
                appraised_value: s.appraised_value,
                note: &s.note,
                evidence: &s.evidence,
            });
        insert_cells(tx, period, set, cells, now)?;
    }
    Ok(())
}

/// The seed's plans and meetings as records, each after those it points to.
fn records(seed: &Seed) -> impl Iterator<Item = Record> + '_ {
    let plans = seed.plans.iter().cloned().map(Record::Plan);
    let targets = seed.targets.iter().cloned().map(Record::Target);
    let measurements = seed.measurements.iter().cloned().map(Record::Measurement);
    let checks = seed.unit_checks.iter().cloned().map(Record::UnitCheck);
    let tasks = seed.tasks.iter().cloned().map(Record::Task);
    let meetings = seed.meetings.iter().cloned().map(Record::Meeting);
    let attendees = seed.attendees.iter().cloned().map(Record::Attendee);
    let agenda = seed.agenda.iter().cloned().map(Record::Agenda);
    let conclusions = seed.conclusions.iter().cloned().map(Record::Conclusion);
    let actions = seed.actions.iter().cloned().map(Record::Action);
    plans
        .chain(targets)
        .chain(measurements)
        .chain(checks)
        .chain(tasks)
        .chain(meetings)
        .chain(attendees)
        .chain(agenda)
        .chain(conclusions)
        .chain(actions)
}
