//! The one writer of each kind of record, for edits and for a new document's seed alike.

use super::*;
use crate::domain::error::RuleError;
use crate::domain::meeting::{ActionItem, AgendaItem, Attendee, Conclusion, Meeting};
use crate::domain::plan::{Measurement, Plan, Target, Task, UnitCheck};
use crate::domain::record::Record;
use crate::store::error::StoreError;
use crate::store::ids::row_of;
use crate::store::read::opt_uuid_at;
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

/// Inserts the record, or updates it in place (keeping its position in its list): the one
/// writer of each kind of record, for edits and for a new document's seed alike.
pub(in crate::store) fn write_record(
    tx: &Transaction,
    record: &Record,
    now: &str,
) -> Result<(), StoreError> {
    let id = record.id().to_string();
    let exists = row_of(tx, table(record.kind()), record.id())?.is_some();
    match record {
        Record::Plan(p) => write_plan(tx, p, &id, now),
        Record::Target(t) => write_target(tx, t, &id, exists, now),
        Record::Measurement(m) => write_measurement(tx, m, &id, now),
        Record::UnitCheck(c) => write_unit_check(tx, c, &id, now),
        Record::Task(t) => write_task(tx, t, &id, exists, now),
        Record::Meeting(m) => write_meeting(tx, m, &id, now),
        Record::Attendee(a) => write_attendee(tx, a, &id, exists, now),
        Record::Agenda(a) => write_agenda_item(tx, a, &id, exists, now),
        Record::Conclusion(c) => write_conclusion(tx, c, &id, now),
        Record::Action(a) => write_action_item(tx, a, &id, exists, now),
    }
}

fn write_plan(tx: &Transaction, p: &Plan, id: &str, now: &str) -> Result<(), StoreError> {
    let parent = may(tx, "plan", p.parent_id)?;
    // A plan cannot implement itself, directly or through the plans above it.
    let mut above = p.parent_id;
    let mut steps = 0;
    while let Some(up) = above {
        if up == p.plan_id || steps > 100 {
            return Err(RuleError::PlanCycle.into());
        }
        above = tx
            .query_row(
                "SELECT parent.uuid FROM plan p LEFT JOIN plan parent ON parent.id = p.parent_id
                     WHERE p.uuid = ?1",
                [up.to_string()],
                |r| opt_uuid_at(r, 0),
            )
            .optional()
            .map_err(StoreError::from)?
            .flatten();
        steps += 1;
    }
    tx.execute(
        "INSERT INTO plan (uuid, number, title, issuer, level, issued_on, start_year, end_year,
                orientation_year, parent_id, legal_basis, status, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (uuid) DO UPDATE SET number = excluded.number, title = excluded.title,
                issuer = excluded.issuer, level = excluded.level, issued_on = excluded.issued_on,
                start_year = excluded.start_year, end_year = excluded.end_year,
                orientation_year = excluded.orientation_year, parent_id = excluded.parent_id,
                legal_basis = excluded.legal_basis, status = excluded.status,
                updated_at = excluded.updated_at",
        params![
            id,
            p.number,
            p.title,
            p.issuer,
            p.level.slug(),
            day(p.issued_on),
            p.start_year,
            p.end_year,
            p.orientation_year,
            parent,
            p.legal_basis,
            p.status.slug(),
            now
        ],
    )?;
    Ok(())
}

fn write_target(
    tx: &Transaction,
    t: &Target,
    id: &str,
    exists: bool,
    now: &str,
) -> Result<(), StoreError> {
    let plan = must(tx, "plan", t.plan_id)?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM target WHERE plan_id = ?1 AND code = ?2 AND uuid <> ?3)",
        params![plan, t.code, id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(RuleError::DuplicateCode(t.code.clone()).into());
    }
    let order = if exists {
        0
    } else {
        next_order(tx, "target", "plan_id", plan)?
    };
    tx.execute(
        "INSERT INTO target (uuid, plan_id, code, text, kind, scope, comparison, baseline,
                target_value, deadline, sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (uuid) DO UPDATE SET code = excluded.code, text = excluded.text,
                kind = excluded.kind, scope = excluded.scope, comparison = excluded.comparison,
                baseline = excluded.baseline, target_value = excluded.target_value,
                deadline = excluded.deadline, updated_at = excluded.updated_at",
        params![
            id,
            plan,
            t.code,
            t.text,
            t.kind.slug(),
            t.scope.slug(),
            t.comparison.slug(),
            t.baseline,
            t.target_value,
            deadline(t.deadline),
            order,
            now
        ],
    )?;
    Ok(())
}

fn write_measurement(
    tx: &Transaction,
    m: &Measurement,
    id: &str,
    now: &str,
) -> Result<(), StoreError> {
    let target = must(tx, "target", m.target_id)?;
    tx.execute(
        "INSERT INTO target_measurement (uuid, target_id, value, as_of, source, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (uuid) DO UPDATE SET value = excluded.value, as_of = excluded.as_of,
                source = excluded.source, updated_at = excluded.updated_at",
        params![id, target, m.value, day(Some(m.as_of)), m.source, now],
    )?;
    Ok(())
}

fn write_unit_check(
    tx: &Transaction,
    c: &UnitCheck,
    id: &str,
    now: &str,
) -> Result<(), StoreError> {
    let target = must(tx, "target", c.target_id)?;
    let unit = must(tx, "unit", c.unit_id)?;
    // One check per unit and day: a second one for the same day replaces the first.
    tx.execute(
        "DELETE FROM target_unit_check WHERE target_id = ?1 AND unit_id = ?2 AND as_of = ?3
                AND uuid <> ?4",
        params![target, unit, day(Some(c.as_of)), id],
    )?;
    tx.execute(
        "INSERT INTO target_unit_check (uuid, target_id, unit_id, as_of, met, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (uuid) DO UPDATE SET as_of = excluded.as_of, met = excluded.met,
                updated_at = excluded.updated_at",
        params![id, target, unit, day(Some(c.as_of)), c.met, now],
    )?;
    Ok(())
}

fn write_task(
    tx: &Transaction,
    t: &Task,
    id: &str,
    exists: bool,
    now: &str,
) -> Result<(), StoreError> {
    let plan = must(tx, "plan", t.plan_id)?;
    let order = if exists {
        0
    } else {
        next_order(tx, "task", "plan_id", plan)?
    };
    tx.execute(
        "INSERT INTO task (uuid, plan_id, text, deadline, status, note, sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (uuid) DO UPDATE SET text = excluded.text, deadline = excluded.deadline,
                status = excluded.status, note = excluded.note, updated_at = excluded.updated_at",
        params![
            id,
            plan,
            t.text,
            deadline(t.deadline),
            t.status.slug(),
            t.note,
            order,
            now
        ],
    )?;
    let task = must(tx, "task", t.task_id)?;
    tx.execute("DELETE FROM task_unit WHERE task_id = ?1", [task])?;
    for u in &t.unit_ids {
        let unit = must(tx, "unit", *u)?;
        tx.execute(
            "INSERT OR IGNORE INTO task_unit (uuid, task_id, unit_id, updated_at)
                 VALUES (?1, ?2, ?3, ?4)",
            params![Uuid::new_v4().to_string(), task, unit, now],
        )?;
    }
    Ok(())
}

fn write_meeting(tx: &Transaction, m: &Meeting, id: &str, now: &str) -> Result<(), StoreError> {
    let chair = may(tx, "person", m.chair_id)?;
    let signer = may(tx, "person", m.signer_id)?;
    tx.execute(
        "INSERT INTO meeting (uuid, held_on, held_at_time, title, place, chair_id,
                notice_number, updated_at, signer_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (uuid) DO UPDATE SET held_on = excluded.held_on,
                held_at_time = excluded.held_at_time, title = excluded.title,
                place = excluded.place, chair_id = excluded.chair_id,
                notice_number = excluded.notice_number, updated_at = excluded.updated_at,
                signer_id = excluded.signer_id",
        params![
            id,
            day(Some(m.held_on)),
            m.time,
            m.title,
            m.place,
            chair,
            m.notice_number,
            now,
            signer
        ],
    )?;
    Ok(())
}

fn write_attendee(
    tx: &Transaction,
    a: &Attendee,
    id: &str,
    exists: bool,
    now: &str,
) -> Result<(), StoreError> {
    let meeting = must(tx, "meeting", a.meeting_id)?;
    let person = may(tx, "person", a.person_id)?;
    let unit = may(tx, "unit", a.unit_id)?;
    let order = if exists {
        0
    } else {
        next_order(tx, "attendance", "meeting_id", meeting)?
    };
    tx.execute(
            "INSERT INTO attendance (uuid, meeting_id, person_id, name, title, unit_id, sort_order,
                updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (uuid) DO UPDATE SET person_id = excluded.person_id, name = excluded.name,
                title = excluded.title, unit_id = excluded.unit_id, updated_at = excluded.updated_at",
            params![id, meeting, person, a.name, a.title, unit, order, now],
        )?;
    Ok(())
}

fn write_agenda_item(
    tx: &Transaction,
    a: &AgendaItem,
    id: &str,
    exists: bool,
    now: &str,
) -> Result<(), StoreError> {
    let meeting = must(tx, "meeting", a.meeting_id)?;
    let unit = may(tx, "unit", a.presenter_id)?;
    let order = if exists {
        0
    } else {
        next_order(tx, "agenda_item", "meeting_id", meeting)?
    };
    tx.execute(
        "INSERT INTO agenda_item (uuid, meeting_id, title, presenter_id, sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (uuid) DO UPDATE SET title = excluded.title,
                presenter_id = excluded.presenter_id, updated_at = excluded.updated_at",
        params![id, meeting, a.title, unit, order, now],
    )?;
    Ok(())
}

fn write_conclusion(
    tx: &Transaction,
    c: &Conclusion,
    id: &str,
    now: &str,
) -> Result<(), StoreError> {
    let meeting = must(tx, "meeting", c.meeting_id)?;
    let set = may(tx, "criteria_set", c.set_id)?;
    let period = may(tx, "period", c.period_id)?;
    let plan = may(tx, "plan", c.plan_id)?;
    let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM conclusion WHERE meeting_id = ?1 AND number = ?2 AND uuid <> ?3)",
            params![meeting, c.number, id],
            |r| r.get(0),
        )?;
    if taken {
        return Err(RuleError::DuplicateCode(c.number.to_string()).into());
    }
    tx.execute(
        "INSERT INTO conclusion (uuid, meeting_id, number, heading, text, period_id, set_id,
                plan_id, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (uuid) DO UPDATE SET number = excluded.number, heading = excluded.heading,
                text = excluded.text, period_id = excluded.period_id, set_id = excluded.set_id,
                plan_id = excluded.plan_id, updated_at = excluded.updated_at",
        params![
            id, meeting, c.number, c.heading, c.text, period, set, plan, now
        ],
    )?;
    Ok(())
}

fn write_action_item(
    tx: &Transaction,
    a: &ActionItem,
    id: &str,
    exists: bool,
    now: &str,
) -> Result<(), StoreError> {
    let meeting = must(tx, "meeting", a.meeting_id)?;
    let conclusion = may(tx, "conclusion", a.conclusion_id)?;
    let unit = may(tx, "unit", a.unit_id)?;
    let order = if exists {
        0
    } else {
        next_order(tx, "action_item", "meeting_id", meeting)?
    };
    tx.execute(
        "INSERT INTO action_item (uuid, meeting_id, conclusion_id, unit_id, text, deadline,
                status, completed_on, completion_note, sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (uuid) DO UPDATE SET conclusion_id = excluded.conclusion_id,
                unit_id = excluded.unit_id, text = excluded.text, deadline = excluded.deadline,
                status = excluded.status, completed_on = excluded.completed_on,
                completion_note = excluded.completion_note, updated_at = excluded.updated_at",
        params![
            id,
            meeting,
            conclusion,
            unit,
            a.text,
            deadline(a.deadline),
            a.status.slug(),
            day(a.completed_on),
            a.completion_note,
            order,
            now
        ],
    )?;
    Ok(())
}
