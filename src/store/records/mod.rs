//! Plans, targets, measurements, per-unit checks, tasks and the parts of a meeting: read one by
//! its id, save it whole (insert or update), delete it when nothing depends on it.

mod rows;

use crate::store::ids::row_or;
use rusqlite::{Connection, OptionalExtension, Row, Transaction};
use uuid::Uuid;

mod write;

use self::rows::{
    ACTION_SELECT, AGENDA_SELECT, ATTENDEE_SELECT, CHECK_SELECT, CONCLUSION_SELECT,
    MEASUREMENT_SELECT, MEETING_SELECT, PLAN_SELECT, TARGET_SELECT, TASK_SELECT, action_from,
    agenda_from, attendee_from, check_from, conclusion_from, measurement_from, meeting_from,
    plan_from, target_from, task_from,
};
pub(in crate::store) use self::write::write_record;
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

pub(super) fn day(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

pub(super) fn deadline(d: Option<Deadline>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// The row id of a record this one points to; a missing one is refused.
pub(super) fn must(conn: &Connection, table: &'static str, id: Uuid) -> Result<i64, StoreError> {
    row_or(conn, table, id, StoreError::Rule(RuleError::NotFound))
}

pub(super) fn may(
    conn: &Connection,
    table: &'static str,
    id: Option<Uuid>,
) -> Result<Option<i64>, StoreError> {
    id.map(|id| must(conn, table, id)).transpose()
}

pub(super) fn table(kind: RecordKind) -> &'static str {
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
pub(super) fn next_order(
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
