//! Plans, targets, measurements, per-unit checks, tasks and the parts of a meeting: read one by
//! its id, save it whole (insert or update), delete it when nothing depends on it.

mod rows;

use crate::store::ids::{row_of, row_or};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use uuid::Uuid;

use self::rows::{
    ACTION_SELECT, AGENDA_SELECT, ATTENDEE_SELECT, CHECK_SELECT, CONCLUSION_SELECT,
    MEASUREMENT_SELECT, MEETING_SELECT, PLAN_SELECT, TARGET_SELECT, TASK_SELECT, action_from,
    agenda_from, attendee_from, check_from, conclusion_from, measurement_from, meeting_from,
    plan_from, target_from, task_from,
};
use super::apply::Audit;
use super::error::StoreError;
use super::read::{Flag, date_at, deadline_at, opt_uuid_at, slug_at, uuid_at};
use crate::domain::deadline::Deadline;
use crate::domain::edit::Edit;
use crate::domain::error::RuleError;
use crate::domain::meeting::{ActionItem, ActionStatus, AgendaItem, Attendee, Conclusion, Meeting};
use crate::domain::plan::{
    Comparison, Measurement, Plan, PlanLevel, PlanStatus, Target, TargetKind, TargetScope, Task,
    TaskStatus, UnitCheck,
};
use crate::domain::record::{Record, RecordKind, check_record};

fn day(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn deadline(d: Option<Deadline>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// The row id of a record this one points to; a missing one is refused.
fn must(conn: &Connection, table: &'static str, id: Uuid) -> Result<i64, StoreError> {
    row_or(conn, table, id, StoreError::Rule(RuleError::NotFound))
}

fn may(
    conn: &Connection,
    table: &'static str,
    id: Option<Uuid>,
) -> Result<Option<i64>, StoreError> {
    id.map(|id| must(conn, table, id)).transpose()
}

fn table(kind: RecordKind) -> &'static str {
    kind.entity()
}

/// One record by its id.
pub(super) fn read_record(
    conn: &Connection,
    kind: RecordKind,
    id: Uuid,
) -> Result<Option<Record>, StoreError> {
    let key = id.to_string();
    let one = |select: &str, alias: &str| format!("{select} WHERE {alias}.uuid = ?1");
    let found = match kind {
        RecordKind::Plan => conn
            .query_row(&one(PLAN_SELECT, "p"), [&key], plan_from)
            .optional()
            .map(|r| r.map(Record::Plan)),
        RecordKind::Target => conn
            .query_row(&one(TARGET_SELECT, "t"), [&key], target_from)
            .optional()
            .map(|r| r.map(Record::Target)),
        RecordKind::Measurement => conn
            .query_row(&one(MEASUREMENT_SELECT, "m"), [&key], measurement_from)
            .optional()
            .map(|r| r.map(Record::Measurement)),
        RecordKind::UnitCheck => conn
            .query_row(&one(CHECK_SELECT, "c"), [&key], check_from)
            .optional()
            .map(|r| r.map(Record::UnitCheck)),
        RecordKind::Task => conn
            .query_row(&one(TASK_SELECT, "t"), [&key], |row| task_from(conn, row))
            .optional()
            .map(|r| r.map(Record::Task)),
        RecordKind::Meeting => conn
            .query_row(&one(MEETING_SELECT, "m"), [&key], meeting_from)
            .optional()
            .map(|r| r.map(Record::Meeting)),
        RecordKind::Attendee => conn
            .query_row(&one(ATTENDEE_SELECT, "a"), [&key], attendee_from)
            .optional()
            .map(|r| r.map(Record::Attendee)),
        RecordKind::Agenda => conn
            .query_row(&one(AGENDA_SELECT, "a"), [&key], agenda_from)
            .optional()
            .map(|r| r.map(Record::Agenda)),
        RecordKind::Conclusion => conn
            .query_row(&one(CONCLUSION_SELECT, "c"), [&key], conclusion_from)
            .optional()
            .map(|r| r.map(Record::Conclusion)),
        RecordKind::Action => conn
            .query_row(&one(ACTION_SELECT, "a"), [&key], action_from)
            .optional()
            .map(|r| r.map(Record::Action)),
    };
    found.map_err(StoreError::from)
}

/// The next position at the end of a list (`scope` is a fixed column name).
fn next_order(
    tx: &Transaction,
    table: &'static str,
    scope: &'static str,
    parent: i64,
) -> Result<i64, StoreError> {
    Ok(tx.query_row(
        &format!("SELECT coalesce(max(sort_order), -1) + 1 FROM {table} WHERE {scope} = ?1"),
        [parent],
        |r| r.get(0),
    )?)
}

/// Inserts the record, or updates it in place (keeping its position in its list): the one
/// writer of each kind of record, for edits and for a new document's seed alike.
pub(super) fn write_record(tx: &Transaction, record: &Record, now: &str) -> Result<(), StoreError> {
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
    tx.execute(
        "INSERT INTO meeting (uuid, held_on, held_at_time, title, place, chair_id,
                notice_number, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (uuid) DO UPDATE SET held_on = excluded.held_on,
                held_at_time = excluded.held_at_time, title = excluded.title,
                place = excluded.place, chair_id = excluded.chair_id,
                notice_number = excluded.notice_number, updated_at = excluded.updated_at",
        params![
            id,
            day(Some(m.held_on)),
            m.time,
            m.title,
            m.place,
            chair,
            m.notice_number,
            now
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

/// Rows that point to the record and would lose it (or be lost with it).
fn dependents(tx: &Transaction, kind: RecordKind, row: i64) -> Result<i64, StoreError> {
    let sql = match kind {
        RecordKind::Plan => {
            "SELECT (SELECT count(*) FROM target WHERE plan_id = ?1)
                  + (SELECT count(*) FROM task WHERE plan_id = ?1)
                  + (SELECT count(*) FROM plan WHERE parent_id = ?1)
                  + (SELECT count(*) FROM conclusion WHERE plan_id = ?1)"
        }
        RecordKind::Target => {
            "SELECT (SELECT count(*) FROM target_measurement WHERE target_id = ?1)
                  + (SELECT count(*) FROM target_unit_check WHERE target_id = ?1)"
        }
        RecordKind::Meeting => {
            "SELECT (SELECT count(*) FROM attendance WHERE meeting_id = ?1)
                  + (SELECT count(*) FROM agenda_item WHERE meeting_id = ?1)
                  + (SELECT count(*) FROM conclusion WHERE meeting_id = ?1)
                  + (SELECT count(*) FROM action_item WHERE meeting_id = ?1)
                  + (SELECT count(*) FROM slide WHERE meeting_id = ?1)"
        }
        RecordKind::Conclusion => "SELECT count(*) FROM action_item WHERE conclusion_id = ?1",
        _ => return Ok(0),
    };
    Ok(tx.query_row(sql, [row], |r| r.get(0))?)
}

/// Applies `SaveRecord` and `DeleteRecord`.
pub(super) fn apply_records(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    match edit {
        Edit::SaveRecord { record } => {
            let clean = check_record(record)?;
            let kind = clean.kind();
            let old = read_record(tx, kind, clean.id())?;
            write_record(tx, &clean, now)?;
            let inverse = match &old {
                Some(old) => Edit::SaveRecord {
                    record: Box::new(old.clone()),
                },
                None => Edit::DeleteRecord {
                    kind,
                    id: clean.id(),
                },
            };
            Ok((
                inverse,
                Audit {
                    entity: kind.entity(),
                    entity_uuid: Some(clean.id()),
                    before: old.as_ref().and_then(|o| serde_json::to_value(o).ok()),
                    after: serde_json::to_value(&clean).ok(),
                },
            ))
        }
        Edit::DeleteRecord { kind, id } => {
            let old = read_record(tx, *kind, *id)?.ok_or(RuleError::NotFound)?;
            let row = must(tx, table(*kind), *id)?;
            let rows = dependents(tx, *kind, row)?;
            if rows > 0 {
                return Err(RuleError::InUse { rows }.into());
            }
            tx.execute(
                &format!("DELETE FROM {} WHERE id = ?1", table(*kind)),
                [row],
            )?;
            Ok((
                Edit::SaveRecord {
                    record: Box::new(old.clone()),
                },
                Audit {
                    entity: kind.entity(),
                    entity_uuid: Some(*id),
                    before: serde_json::to_value(&old).ok(),
                    after: None,
                },
            ))
        }
        _ => Err(StoreError::Internal("not a record edit")),
    }
}

impl super::Store {
    /// Every plan, target, measurement, checklist entry and task.
    pub fn plan_book(&self) -> Result<crate::domain::progress::PlanBook, StoreError> {
        let conn = &self.conn;
        let all = |sql: String| -> Result<rusqlite::CachedStatement<'_>, StoreError> {
            Ok(conn.prepare_cached(&sql)?)
        };
        let plans = all(format!("{PLAN_SELECT} ORDER BY p.start_year, p.id"))?
            .query_map([], plan_from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?;
        let targets = all(format!(
            "{TARGET_SELECT} ORDER BY t.plan_id, t.sort_order, t.id"
        ))?
        .query_map([], target_from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
        let measurements = all(format!("{MEASUREMENT_SELECT} ORDER BY m.as_of, m.id"))?
            .query_map([], measurement_from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?;
        let checks = all(format!("{CHECK_SELECT} ORDER BY c.as_of, c.id"))?
            .query_map([], check_from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?;
        let tasks = all(format!(
            "{TASK_SELECT} ORDER BY t.plan_id, t.sort_order, t.id"
        ))?
        .query_map([], |row| task_from(conn, row))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
        Ok(crate::domain::progress::PlanBook {
            plans: parents_first(plans),
            targets,
            measurements,
            checks,
            tasks,
        })
    }

    /// Every meeting with its attendees, reports, conclusions and action items.
    pub fn meeting_book(&self) -> Result<crate::domain::meeting::MeetingBook, StoreError> {
        let conn = &self.conn;
        let all = |sql: String| -> Result<rusqlite::CachedStatement<'_>, StoreError> {
            Ok(conn.prepare_cached(&sql)?)
        };
        Ok(crate::domain::meeting::MeetingBook {
            meetings: all(format!(
                "{MEETING_SELECT} ORDER BY m.held_on DESC, m.id DESC"
            ))?
            .query_map([], meeting_from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?,
            attendees: all(format!(
                "{ATTENDEE_SELECT} ORDER BY a.meeting_id, a.sort_order, a.id"
            ))?
            .query_map([], attendee_from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?,
            agenda: all(format!(
                "{AGENDA_SELECT} ORDER BY a.meeting_id, a.sort_order, a.id"
            ))?
            .query_map([], agenda_from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?,
            conclusions: all(format!(
                "{CONCLUSION_SELECT} ORDER BY c.meeting_id, c.number"
            ))?
            .query_map([], conclusion_from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?,
            actions: all(format!(
                "{ACTION_SELECT} ORDER BY a.meeting_id, a.sort_order, a.id"
            ))?
            .query_map([], action_from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?,
        })
    }
}

/// Plans ordered so that each comes after the plan it implements (a file may hold any order).
fn parents_first(plans: Vec<Plan>) -> Vec<Plan> {
    let ids: std::collections::HashSet<Uuid> = plans.iter().map(|p| p.plan_id).collect();
    let mut out: Vec<Plan> = Vec::with_capacity(plans.len());
    let mut placed = std::collections::HashSet::new();
    fn place(
        p: &Plan,
        plans: &[Plan],
        ids: &std::collections::HashSet<Uuid>,
        placed: &mut std::collections::HashSet<Uuid>,
        out: &mut Vec<Plan>,
        depth: usize,
    ) {
        if placed.contains(&p.plan_id) || depth > 50 {
            return;
        }
        if let Some(parent) = p.parent_id.filter(|id| ids.contains(id))
            && let Some(pp) = plans.iter().find(|x| x.plan_id == parent)
        {
            place(pp, plans, ids, placed, out, depth + 1);
        }
        if placed.insert(p.plan_id) {
            out.push(p.clone());
        }
    }
    for p in &plans {
        place(p, &plans, &ids, &mut placed, &mut out, 0);
    }
    out
}
