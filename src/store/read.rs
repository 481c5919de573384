//! Reading a document into domain values. A value the program would never write (a bad
//! UUID, an unknown kind) is a conversion error, reported as a damaged file, never a panic.

use chrono::NaiveDate;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, Type, ValueRef};
use rusqlite::{OptionalExtension, Row};
use serde::Serialize;
use uuid::Uuid;

use super::Store;
use super::error::StoreError;
use crate::domain::deadline::Deadline;
use crate::domain::org::{Body, BodyKind, Person, Unit, UnitKind};
use crate::domain::scoring::{Band, Cadence, CriteriaSet, Model, PassRule, Period, PeriodStatus};

fn conversion(idx: usize, what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        idx,
        Type::Text,
        format!(
            "unexpected {what} \"{}\"",
            value.chars().take(40).collect::<String>()
        )
        .into(),
    )
}

pub(super) fn uuid_at(row: &Row, idx: usize) -> rusqlite::Result<Uuid> {
    let text: String = row.get(idx)?;
    Uuid::parse_str(&text).map_err(|_| conversion(idx, "id", &text))
}

pub(super) fn opt_uuid_at(row: &Row, idx: usize) -> rusqlite::Result<Option<Uuid>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| Uuid::parse_str(&t).map_err(|_| conversion(idx, "id", &t)))
        .transpose()
}

pub(super) fn slug_at<T>(
    row: &Row,
    idx: usize,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    parse(&text).ok_or_else(|| conversion(idx, what, &text))
}

pub(super) fn date_at(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| conversion(idx, "date", &t)))
        .transpose()
}

pub(super) fn deadline_at(row: &Row, idx: usize) -> rusqlite::Result<Option<Deadline>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| Deadline::parse(&t).map_err(|_| conversion(idx, "deadline", &t)))
        .transpose()
}

/// Reads a boolean stored as 0/1.
pub(super) struct Flag(pub(super) bool);
impl FromSql for Flag {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Integer(0) => Ok(Flag(false)),
            ValueRef::Integer(1) => Ok(Flag(true)),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

/// What `giaoban check` prints: how much the file holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub units: i64,
    pub retired_units: i64,
    pub people: i64,
    pub plans: i64,
    pub targets: i64,
    pub criteria_sets: i64,
    pub scored_periods: i64,
    pub meetings: i64,
    pub action_items: i64,
    pub audit_rows: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeriodOverview {
    pub period: Period,
    /// Units with at least one score in the period.
    pub units_scored: i64,
    /// Cells scored by their unit and not yet appraised (each unit's own values less its
    /// appraised ones), while the period is a draft; 0 once it is finalized.
    pub cells_unappraised: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SetOverview {
    pub model: Model,
    pub set: CriteriaSet,
    pub groups: i64,
    pub criteria: i64,
    /// Sum of the maxima of the criteria that count toward the total.
    pub max_total: f64,
    pub bands: Vec<Band>,
    pub periods: Vec<PeriodOverview>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub at: String,
    pub who: String,
    pub action: String,
    pub entity: String,
    pub entity_uuid: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl AuditEntry {
    /// What the row says, its JSON read (JSON that does not parse is left out).
    pub fn facts(&self) -> crate::domain::audit::AuditFacts {
        let parse = |s: &Option<String>| s.as_deref().and_then(|s| serde_json::from_str(s).ok());
        crate::domain::audit::AuditFacts {
            action: self.action.clone(),
            entity: self.entity.clone(),
            before: parse(&self.before),
            after: parse(&self.after),
        }
    }
}

pub(super) fn unit_from_row(row: &Row) -> rusqlite::Result<Unit> {
    unit_at(row, 0)
}

/// A unit from the columns [`UNIT_COLUMNS`] starting at column `base`.
pub(super) fn unit_at(row: &Row, base: usize) -> rusqlite::Result<Unit> {
    Ok(Unit {
        unit_id: uuid_at(row, base)?,
        name: row.get(base + 1)?,
        kind: slug_at(row, base + 2, "unit kind", UnitKind::from_slug)?,
        sort_order: row.get(base + 3)?,
        retired_on: date_at(row, base + 4)?,
        joined_on: date_at(row, base + 5)?,
    })
}

pub(super) const UNIT_COLUMNS: &str = "uuid, name, kind, sort_order, retired_on, joined_on";

pub(super) fn person_from_row(row: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        person_id: uuid_at(row, 0)?,
        name: row.get(1)?,
        title: row.get(2)?,
        unit_id: opt_uuid_at(row, 3)?,
        active: row.get::<_, Flag>(4)?.0,
    })
}

pub(super) const PERSON_SELECT: &str = "SELECT p.uuid, p.name, p.title, u.uuid, p.active
     FROM person p LEFT JOIN unit u ON u.id = p.unit_id";

impl Store {
    pub fn body(&self) -> Result<Body, StoreError> {
        self.conn
            .query_row(
                "SELECT b.uuid, b.name, b.kind, p.name FROM body b
                 LEFT JOIN body p ON p.id = b.parent_id WHERE b.is_home = 1",
                [],
                |row| {
                    Ok(Body {
                        body_id: uuid_at(row, 0)?,
                        name: row.get(1)?,
                        kind: slug_at(row, 2, "body kind", BodyKind::from_slug)?,
                        parent_name: row.get(3)?,
                    })
                },
            )
            .map_err(StoreError::from)
    }

    /// All units, in the committee's official order (retired ones included).
    pub fn units(&self) -> Result<Vec<Unit>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {UNIT_COLUMNS} FROM unit ORDER BY sort_order, id"
        ))?;
        let rows = stmt.query_map([], unit_from_row)?;
        rows.collect::<Result<_, _>>().map_err(StoreError::from)
    }

    pub fn people(&self) -> Result<Vec<Person>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("{PERSON_SELECT} ORDER BY p.id"))?;
        let rows = stmt.query_map([], person_from_row)?;
        rows.collect::<Result<_, _>>().map_err(StoreError::from)
    }

    /// A document setting (the committee's name, the demo marker...).
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |sql: &str| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
        };
        Ok(Counts {
            units: count("SELECT count(*) FROM unit WHERE retired_on IS NULL")?,
            retired_units: count("SELECT count(*) FROM unit WHERE retired_on IS NOT NULL")?,
            people: count("SELECT count(*) FROM person")?,
            plans: count("SELECT count(*) FROM plan")?,
            targets: count("SELECT count(*) FROM target")?,
            criteria_sets: count("SELECT count(*) FROM criteria_set")?,
            scored_periods: count(
                "SELECT count(*) FROM period p WHERE EXISTS (SELECT 1 FROM score s WHERE s.period_id = p.id)",
            )?,
            meetings: count("SELECT count(*) FROM meeting")?,
            action_items: count("SELECT count(*) FROM action_item")?,
            audit_rows: count("SELECT count(*) FROM audit_log")?,
        })
    }

    /// The names audit rows refer to by id: units by name, criteria by code.
    pub fn audit_names(&self) -> Result<crate::domain::audit::Names, StoreError> {
        let mut names = crate::domain::audit::Names::new();
        for sql in [
            "SELECT uuid, name FROM unit",
            "SELECT uuid, code FROM criterion",
        ] {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (id, name) = row?;
                if let Ok(id) = id.parse() {
                    names.insert(id, name);
                }
            }
        }
        Ok(names)
    }

    /// The newest audit rows first.
    pub fn audit_tail(&self, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT at, who, action, entity, entity_uuid, before, after FROM audit_log
             ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |row| {
            Ok(AuditEntry {
                at: row.get(0)?,
                who: row.get(1)?,
                action: row.get(2)?,
                entity: row.get(3)?,
                entity_uuid: row.get(4)?,
                before: row.get(5)?,
                after: row.get(6)?,
            })
        })?;
        rows.collect::<Result<_, _>>().map_err(StoreError::from)
    }

    /// Criteria sets with their model, size, bands and scoring periods.
    pub fn sets_overview(&self) -> Result<Vec<SetOverview>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT m.uuid, m.slug, m.name, m.cadence, m.unit_kinds, m.pass_fail,
                    s.uuid, s.year, s.title, s.decision_ref, s.pass_rule, s.pass_min_pct, s.id,
                    (SELECT count(*) FROM criteria_group g WHERE g.set_id = s.id),
                    (SELECT count(*) FROM criterion c JOIN criteria_group g ON g.id = c.group_id WHERE g.set_id = s.id),
                    (SELECT coalesce(sum(c.max_points), 0) FROM criterion c JOIN criteria_group g ON g.id = c.group_id
                      WHERE g.set_id = s.id AND c.kind NOT IN ('bonus', 'penalty'))
             FROM criteria_set s JOIN model m ON m.id = s.model_id
             ORDER BY m.id, s.year DESC",
        )?;
        let sets = stmt
            .query_map([], |row| {
                let kinds: String = row.get(4)?;
                let model = Model {
                    model_id: uuid_at(row, 0)?,
                    slug: row.get(1)?,
                    name: row.get(2)?,
                    cadence: slug_at(row, 3, "cadence", Cadence::from_slug)?,
                    unit_kinds: kinds.split(',').filter_map(UnitKind::from_slug).collect(),
                    pass_fail: row.get::<_, Flag>(5)?.0,
                };
                let set = CriteriaSet {
                    set_id: uuid_at(row, 6)?,
                    model_id: model.model_id,
                    year: row.get(7)?,
                    title: row.get(8)?,
                    decision_ref: row.get(9)?,
                    pass_rule: row
                        .get::<_, Option<String>>(10)?
                        .as_deref()
                        .and_then(PassRule::from_slug),
                    pass_min_pct: row.get(11)?,
                };
                Ok((
                    model,
                    set,
                    row.get::<_, i64>(12)?,
                    row.get(13)?,
                    row.get(14)?,
                    row.get(15)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?;
        let mut band_stmt = self.conn.prepare(
            "SELECT uuid, name, lower_pct, color FROM band WHERE set_id = ?1 ORDER BY lower_pct DESC",
        )?;
        let mut period_stmt = self.conn.prepare(
            "SELECT p.uuid, p.month, p.status,
                    (SELECT count(*) FROM score s WHERE s.period_id = p.id),
                    -- A unit's values without their appraisal, while the period is scored:
                    -- keys of one side less the other's (a key is a colon: values are
                    -- numbers).
                    CASE WHEN p.status = 'draft' THEN
                    (SELECT coalesce(sum(max(0, (length(s.self_values) - length(replace(s.self_values, ':', '')))
                                             - (length(s.appraised_values) - length(replace(s.appraised_values, ':', ''))))), 0)
                     FROM score s WHERE s.period_id = p.id) ELSE 0 END
             FROM period p WHERE p.set_id = ?1 ORDER BY p.month",
        )?;
        let mut out = Vec::with_capacity(sets.len());
        for (model, set, row_id, groups, criteria, max_total) in sets {
            let set_id = set.set_id;
            let bands = band_stmt
                .query_map([row_id], |row| {
                    Ok(Band {
                        band_id: uuid_at(row, 0)?,
                        set_id,
                        name: row.get(1)?,
                        lower_pct: row.get(2)?,
                        color: row.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()
                .map_err(StoreError::from)?;
            let periods = period_stmt
                .query_map([row_id], |row| {
                    Ok(PeriodOverview {
                        period: Period {
                            period_id: uuid_at(row, 0)?,
                            set_id,
                            month: row.get(1)?,
                            status: slug_at(row, 2, "period status", PeriodStatus::from_slug)?,
                        },
                        units_scored: row.get(3)?,
                        cells_unappraised: row.get(4)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()
                .map_err(StoreError::from)?;
            out.push(SetOverview {
                model,
                set,
                groups,
                criteria,
                max_total,
                bands,
                periods,
            });
        }
        Ok(out)
    }
}
