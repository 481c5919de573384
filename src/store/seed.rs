//! Writes a whole [`Seed`] into an empty document, in one transaction.

use std::collections::HashMap;

use rusqlite::{Connection, Transaction, params};
use uuid::Uuid;

use super::error::StoreError;
use crate::domain::seed::Seed;

/// Row ids by UUID, for the foreign keys of later rows.
#[derive(Default)]
struct Ids(HashMap<Uuid, i64>);

impl Ids {
    fn put(&mut self, uuid: Uuid, tx: &Transaction) {
        self.0.insert(uuid, tx.last_insert_rowid());
    }
    fn get(&self, uuid: Uuid, what: &'static str) -> Result<i64, StoreError> {
        self.0.get(&uuid).copied().ok_or(StoreError::Internal(what))
    }
    fn opt(&self, uuid: Option<Uuid>, what: &'static str) -> Result<Option<i64>, StoreError> {
        uuid.map(|u| self.get(u, what)).transpose()
    }
}

pub(super) fn stamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(super) fn write_seed(conn: &mut Connection, seed: &Seed) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    let now = stamp();
    let mut ids = Ids::default();
    let body = seed
        .body
        .as_ref()
        .ok_or(StoreError::Internal("a seed without a body"))?;
    let parent_id = match &body.parent_name {
        Some(parent) => {
            tx.execute(
                "INSERT INTO body (uuid, name, kind, parent_id, is_home, updated_at)
                 VALUES (?1, ?2, 'city', NULL, 0, ?3)",
                params![Uuid::new_v4().to_string(), parent, now],
            )?;
            Some(tx.last_insert_rowid())
        }
        None => None,
    };
    tx.execute(
        "INSERT INTO body (uuid, name, kind, parent_id, is_home, updated_at)
         VALUES (?1, ?2, ?3, ?4, 1, ?5)",
        params![
            body.body_id.to_string(),
            body.name,
            body.kind.slug(),
            parent_id,
            now
        ],
    )?;
    let body_row = tx.last_insert_rowid();

    for u in &seed.units {
        tx.execute(
            "INSERT INTO unit (uuid, body_id, name, kind, sort_order, retired_on, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                u.unit_id.to_string(),
                body_row,
                u.name,
                u.kind.slug(),
                u.sort_order,
                u.retired_on.map(|d| d.to_string()),
                now
            ],
        )?;
        ids.put(u.unit_id, &tx);
    }
    for p in &seed.people {
        tx.execute(
            "INSERT INTO person (uuid, name, title, unit_id, active, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                p.person_id.to_string(),
                p.name,
                p.title,
                ids.opt(p.unit_id, "unit")?,
                p.active,
                now
            ],
        )?;
        ids.put(p.person_id, &tx);
    }
    for plan in &seed.plans {
        tx.execute(
            "INSERT INTO plan (uuid, number, title, issuer, level, issued_on, start_year, end_year,
                               orientation_year, parent_id, legal_basis, status, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                plan.plan_id.to_string(),
                plan.number,
                plan.title,
                plan.issuer,
                plan.level.slug(),
                plan.issued_on.map(|d| d.to_string()),
                plan.start_year,
                plan.end_year,
                plan.orientation_year,
                ids.opt(plan.parent_id, "parent plan")?,
                plan.legal_basis,
                plan.status.slug(),
                now
            ],
        )?;
        ids.put(plan.plan_id, &tx);
    }
    for (i, t) in seed.targets.iter().enumerate() {
        tx.execute(
            "INSERT INTO target (uuid, plan_id, code, text, kind, scope, comparison, baseline,
                                 target_value, deadline, sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                t.target_id.to_string(),
                ids.get(t.plan_id, "plan")?,
                t.code,
                t.text,
                t.kind.slug(),
                t.scope.slug(),
                t.comparison.slug(),
                t.baseline,
                t.target_value,
                t.deadline.map(|d| d.to_string()),
                i as i64,
                now
            ],
        )?;
        ids.put(t.target_id, &tx);
    }
    for m in &seed.measurements {
        tx.execute(
            "INSERT INTO target_measurement (uuid, target_id, value, as_of, source, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                m.measurement_id.to_string(),
                ids.get(m.target_id, "target")?,
                m.value,
                m.as_of.to_string(),
                m.source,
                now
            ],
        )?;
    }
    for c in &seed.unit_checks {
        tx.execute(
            "INSERT INTO target_unit_check (uuid, target_id, unit_id, as_of, met, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                c.check_id.to_string(),
                ids.get(c.target_id, "target")?,
                ids.get(c.unit_id, "unit")?,
                c.as_of.to_string(),
                c.met,
                now
            ],
        )?;
    }
    for (i, t) in seed.tasks.iter().enumerate() {
        tx.execute(
            "INSERT INTO task (uuid, plan_id, text, deadline, status, note, sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                t.task_id.to_string(),
                ids.get(t.plan_id, "plan")?,
                t.text,
                t.deadline.map(|d| d.to_string()),
                t.status.slug(),
                t.note,
                i as i64,
                now
            ],
        )?;
        let task_row = tx.last_insert_rowid();
        for unit in &t.unit_ids {
            tx.execute(
                "INSERT INTO task_unit (uuid, task_id, unit_id, updated_at) VALUES (?1, ?2, ?3, ?4)",
                params![Uuid::new_v4().to_string(), task_row, ids.get(*unit, "unit")?, now],
            )?;
        }
    }
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
        ids.put(m.model_id, &tx);
    }
    for s in &seed.sets {
        tx.execute(
            "INSERT INTO criteria_set (uuid, model_id, year, title, decision_ref, pass_rule,
                                       pass_min_pct, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                s.set_id.to_string(),
                ids.get(s.model_id, "model")?,
                s.year,
                s.title,
                s.decision_ref,
                s.pass_rule.map(|r| r.slug()),
                s.pass_min_pct,
                now
            ],
        )?;
        ids.put(s.set_id, &tx);
    }
    for (i, g) in seed.groups.iter().enumerate() {
        tx.execute(
            "INSERT INTO criteria_group (uuid, set_id, code, name, sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                g.group_id.to_string(),
                ids.get(g.set_id, "criteria set")?,
                g.code,
                g.name,
                i as i64,
                now
            ],
        )?;
        ids.put(g.group_id, &tx);
    }
    for (i, c) in seed.criteria.iter().enumerate() {
        let thresholds = if c.thresholds.is_empty() {
            None
        } else {
            let pairs: Vec<[f64; 2]> = c
                .thresholds
                .iter()
                .map(|t| [t.at_least, t.points])
                .collect();
            serde_json::to_string(&pairs).ok()
        };
        tx.execute(
            "INSERT INTO criterion (uuid, group_id, code, name, guidance, kind, max_points, step,
                                    rate_mode, thresholds, evidence_required, required_for_pass,
                                    sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                c.criterion_id.to_string(),
                ids.get(c.group_id, "criteria group")?,
                c.code,
                c.name,
                c.guidance,
                c.kind.slug(),
                c.max_points,
                c.step,
                c.rate_mode.map(|m| m.slug()),
                thresholds,
                c.evidence_required,
                c.required_for_pass,
                i as i64,
                now
            ],
        )?;
        ids.put(c.criterion_id, &tx);
    }
    for b in &seed.bands {
        tx.execute(
            "INSERT INTO band (uuid, set_id, name, lower_pct, color, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                b.band_id.to_string(),
                ids.get(b.set_id, "criteria set")?,
                b.name,
                b.lower_pct,
                b.color,
                now
            ],
        )?;
    }
    for p in &seed.periods {
        tx.execute(
            "INSERT INTO period (uuid, set_id, month, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                p.period_id.to_string(),
                ids.get(p.set_id, "criteria set")?,
                p.month,
                p.status.slug(),
                now
            ],
        )?;
        ids.put(p.period_id, &tx);
    }
    {
        let mut insert = tx.prepare(
            "INSERT INTO score (uuid, period_id, unit_id, criterion_id, self_value, appraised_value,
                                note, evidence, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for s in &seed.scores {
            insert.execute(params![
                Uuid::new_v4().to_string(),
                ids.get(s.period_id, "period")?,
                ids.get(s.unit_id, "unit")?,
                ids.get(s.criterion_id, "criterion")?,
                s.self_value,
                s.appraised_value,
                s.note,
                s.evidence,
                now
            ])?;
        }
    }
    for m in &seed.meetings {
        tx.execute(
            "INSERT INTO meeting (uuid, held_on, held_at_time, title, place, chair_id,
                                  notice_number, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                m.meeting_id.to_string(),
                m.held_on.to_string(),
                m.time,
                m.title,
                m.place,
                ids.opt(m.chair_id, "chair")?,
                m.notice_number,
                now
            ],
        )?;
        ids.put(m.meeting_id, &tx);
    }
    for (i, a) in seed.attendees.iter().enumerate() {
        tx.execute(
            "INSERT INTO attendance (uuid, meeting_id, person_id, name, title, unit_id, sort_order,
                                     updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                a.attendance_id.to_string(),
                ids.get(a.meeting_id, "meeting")?,
                ids.opt(a.person_id, "person")?,
                a.name,
                a.title,
                ids.opt(a.unit_id, "unit")?,
                i as i64,
                now
            ],
        )?;
    }
    for (i, a) in seed.agenda.iter().enumerate() {
        tx.execute(
            "INSERT INTO agenda_item (uuid, meeting_id, title, presenter_id, sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                a.agenda_id.to_string(),
                ids.get(a.meeting_id, "meeting")?,
                a.title,
                ids.opt(a.presenter_id, "unit")?,
                i as i64,
                now
            ],
        )?;
    }
    for c in &seed.conclusions {
        tx.execute(
            "INSERT INTO conclusion (uuid, meeting_id, number, heading, text, period_id, set_id,
                                     plan_id, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                c.conclusion_id.to_string(),
                ids.get(c.meeting_id, "meeting")?,
                c.number,
                c.heading,
                c.text,
                ids.opt(c.period_id, "period")?,
                ids.opt(c.set_id, "criteria set")?,
                ids.opt(c.plan_id, "plan")?,
                now
            ],
        )?;
        ids.put(c.conclusion_id, &tx);
    }
    for (i, a) in seed.actions.iter().enumerate() {
        tx.execute(
            "INSERT INTO action_item (uuid, meeting_id, conclusion_id, unit_id, text, deadline,
                                      status, completed_on, completion_note, sort_order, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                a.action_id.to_string(),
                ids.get(a.meeting_id, "meeting")?,
                ids.opt(a.conclusion_id, "conclusion")?,
                ids.opt(a.unit_id, "unit")?,
                a.text,
                a.deadline.map(|d| d.to_string()),
                a.status.slug(),
                a.completed_on.map(|d| d.to_string()),
                a.completion_note,
                i as i64,
                now
            ],
        )?;
    }
    for (key, value) in &seed.settings {
        tx.execute(
            "INSERT INTO setting (key, uuid, value, updated_at) VALUES (?1, ?2, ?3, ?4)",
            params![key, Uuid::new_v4().to_string(), value, now],
        )?;
    }
    tx.execute(
        "INSERT INTO audit_log (uuid, at, who, action, entity, entity_uuid, before, after, updated_at)
         VALUES (?1, ?2, 'giaoban', 'create_document', 'body', ?3, NULL, NULL, ?2)",
        params![Uuid::new_v4().to_string(), now, body.body_id.to_string()],
    )?;
    tx.commit()?;
    Ok(())
}
