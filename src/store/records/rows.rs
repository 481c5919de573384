//! How each kind of record is read: its SELECT (with the uuids of the records it points to)
//! and the function that turns a row into the domain's type.

use super::*;

pub(super) fn plan_from(row: &Row) -> rusqlite::Result<Plan> {
    Ok(Plan {
        plan_id: uuid_at(row, 0)?,
        number: row.get(1)?,
        title: row.get(2)?,
        issuer: row.get(3)?,
        level: slug_at(row, 4, "plan level", PlanLevel::from_slug)?,
        issued_on: date_at(row, 5)?,
        start_year: row.get(6)?,
        end_year: row.get(7)?,
        orientation_year: row.get(8)?,
        parent_id: opt_uuid_at(row, 9)?,
        legal_basis: row.get(10)?,
        status: slug_at(row, 11, "plan status", PlanStatus::from_slug)?,
    })
}

pub(super) const PLAN_SELECT: &str =
    "SELECT p.uuid, p.number, p.title, p.issuer, p.level, p.issued_on, p.start_year, p.end_year,
            p.orientation_year, parent.uuid, p.legal_basis, p.status
     FROM plan p LEFT JOIN plan parent ON parent.id = p.parent_id";

pub(super) const TARGET_SELECT: &str =
    "SELECT t.uuid, p.uuid, t.code, t.text, t.kind, t.scope, t.comparison, t.baseline,
            t.target_value, t.deadline
     FROM target t JOIN plan p ON p.id = t.plan_id";

pub(super) fn target_from(row: &Row) -> rusqlite::Result<Target> {
    Ok(Target {
        target_id: uuid_at(row, 0)?,
        plan_id: uuid_at(row, 1)?,
        code: row.get(2)?,
        text: row.get(3)?,
        kind: slug_at(row, 4, "target kind", TargetKind::from_slug)?,
        scope: slug_at(row, 5, "target scope", TargetScope::from_slug)?,
        comparison: slug_at(row, 6, "comparison", Comparison::from_slug)?,
        baseline: row.get(7)?,
        target_value: row.get(8)?,
        deadline: deadline_at(row, 9)?,
    })
}

pub(super) const MEASUREMENT_SELECT: &str = "SELECT m.uuid, t.uuid, m.value, m.as_of, m.source
     FROM target_measurement m JOIN target t ON t.id = m.target_id";

pub(super) fn measurement_from(row: &Row) -> rusqlite::Result<Measurement> {
    Ok(Measurement {
        measurement_id: uuid_at(row, 0)?,
        target_id: uuid_at(row, 1)?,
        value: row.get(2)?,
        as_of: date_at(row, 3)?.unwrap_or_default(),
        source: row.get(4)?,
    })
}

pub(super) const CHECK_SELECT: &str = "SELECT c.uuid, t.uuid, u.uuid, c.as_of, c.met
     FROM target_unit_check c JOIN target t ON t.id = c.target_id JOIN unit u ON u.id = c.unit_id";

pub(super) fn check_from(row: &Row) -> rusqlite::Result<UnitCheck> {
    Ok(UnitCheck {
        check_id: uuid_at(row, 0)?,
        target_id: uuid_at(row, 1)?,
        unit_id: uuid_at(row, 2)?,
        as_of: date_at(row, 3)?.unwrap_or_default(),
        met: row.get::<_, Flag>(4)?.0,
    })
}

pub(super) const TASK_SELECT: &str =
    "SELECT t.uuid, p.uuid, t.text, t.deadline, t.status, t.note, t.id
     FROM task t JOIN plan p ON p.id = t.plan_id";

pub(super) fn task_from(conn: &Connection, row: &Row) -> rusqlite::Result<Task> {
    let row_id: i64 = row.get(6)?;
    let mut stmt = conn.prepare_cached(
        "SELECT u.uuid FROM task_unit tu JOIN unit u ON u.id = tu.unit_id
         WHERE tu.task_id = ?1 ORDER BY u.sort_order",
    )?;
    let unit_ids = stmt
        .query_map([row_id], |r| uuid_at(r, 0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Task {
        task_id: uuid_at(row, 0)?,
        plan_id: uuid_at(row, 1)?,
        text: row.get(2)?,
        unit_ids,
        deadline: deadline_at(row, 3)?,
        status: slug_at(row, 4, "task status", TaskStatus::from_slug)?,
        note: row.get(5)?,
    })
}

pub(super) const MEETING_SELECT: &str =
    "SELECT m.uuid, m.held_on, m.held_at_time, m.title, m.place, c.uuid, m.notice_number, s.uuid
     FROM meeting m LEFT JOIN person c ON c.id = m.chair_id LEFT JOIN person s ON s.id = m.signer_id";

pub(super) fn meeting_from(row: &Row) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        meeting_id: uuid_at(row, 0)?,
        held_on: date_at(row, 1)?.unwrap_or_default(),
        time: row.get(2)?,
        title: row.get(3)?,
        place: row.get(4)?,
        chair_id: opt_uuid_at(row, 5)?,
        notice_number: row.get(6)?,
        signer_id: opt_uuid_at(row, 7)?,
    })
}

pub(super) const ATTENDEE_SELECT: &str = "SELECT a.uuid, m.uuid, p.uuid, a.name, a.title, u.uuid
     FROM attendance a JOIN meeting m ON m.id = a.meeting_id
     LEFT JOIN person p ON p.id = a.person_id LEFT JOIN unit u ON u.id = a.unit_id";

pub(super) fn attendee_from(row: &Row) -> rusqlite::Result<Attendee> {
    Ok(Attendee {
        attendance_id: uuid_at(row, 0)?,
        meeting_id: uuid_at(row, 1)?,
        person_id: opt_uuid_at(row, 2)?,
        name: row.get(3)?,
        title: row.get(4)?,
        unit_id: opt_uuid_at(row, 5)?,
    })
}

pub(super) const AGENDA_SELECT: &str = "SELECT a.uuid, m.uuid, a.title, u.uuid
     FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
     LEFT JOIN unit u ON u.id = a.presenter_id";

pub(super) fn agenda_from(row: &Row) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        agenda_id: uuid_at(row, 0)?,
        meeting_id: uuid_at(row, 1)?,
        title: row.get(2)?,
        presenter_id: opt_uuid_at(row, 3)?,
    })
}

pub(super) const CONCLUSION_SELECT: &str =
    "SELECT c.uuid, m.uuid, c.number, c.heading, c.text, s.uuid, p.uuid, pl.uuid
     FROM conclusion c JOIN meeting m ON m.id = c.meeting_id
     LEFT JOIN criteria_set s ON s.id = c.set_id LEFT JOIN period p ON p.id = c.period_id
     LEFT JOIN plan pl ON pl.id = c.plan_id";

pub(super) fn conclusion_from(row: &Row) -> rusqlite::Result<Conclusion> {
    Ok(Conclusion {
        conclusion_id: uuid_at(row, 0)?,
        meeting_id: uuid_at(row, 1)?,
        number: row.get(2)?,
        heading: row.get(3)?,
        text: row.get(4)?,
        set_id: opt_uuid_at(row, 5)?,
        period_id: opt_uuid_at(row, 6)?,
        plan_id: opt_uuid_at(row, 7)?,
    })
}

pub(super) const ACTION_SELECT: &str =
    "SELECT a.uuid, m.uuid, c.uuid, u.uuid, a.text, a.deadline, a.status, a.completed_on,
            a.completion_note
     FROM action_item a JOIN meeting m ON m.id = a.meeting_id
     LEFT JOIN conclusion c ON c.id = a.conclusion_id LEFT JOIN unit u ON u.id = a.unit_id";

pub(super) fn action_from(row: &Row) -> rusqlite::Result<ActionItem> {
    Ok(ActionItem {
        action_id: uuid_at(row, 0)?,
        meeting_id: uuid_at(row, 1)?,
        conclusion_id: opt_uuid_at(row, 2)?,
        unit_id: opt_uuid_at(row, 3)?,
        text: row.get(4)?,
        deadline: deadline_at(row, 5)?,
        status: slug_at(row, 6, "action status", ActionStatus::from_slug)?,
        completed_on: date_at(row, 7)?,
        completion_note: row.get(8)?,
    })
}
