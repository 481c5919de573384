//! How far a plan's target has come, as of a day: the latest value (measured, or counted from
//! the per-unit checklist), progress toward the goal, and a status the chair can act on.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::lang::Lang;
use super::plan::{Comparison, Measurement, Plan, Target, TargetKind, UnitCheck};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetStatus {
    Achieved,
    OnTrack,
    /// Progress is behind the share of the plan's time already elapsed.
    AtRisk,
    /// The deadline has passed and the target is not met.
    Overdue,
    /// No value recorded yet (and the deadline not passed).
    NotStarted,
}

impl TargetStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TargetStatus::Achieved => lang.pick("Đã đạt", "Achieved"),
            TargetStatus::OnTrack => lang.pick("Đúng tiến độ", "On track"),
            TargetStatus::AtRisk => lang.pick("Có nguy cơ chậm", "At risk"),
            TargetStatus::Overdue => lang.pick("Quá hạn", "Overdue"),
            TargetStatus::NotStarted => lang.pick("Chưa có số liệu", "Not started"),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            TargetStatus::Achieved => "achieved",
            TargetStatus::OnTrack => "on_track",
            TargetStatus::AtRisk => "at_risk",
            TargetStatus::Overdue => "overdue",
            TargetStatus::NotStarted => "not_started",
        }
    }
}

/// A target's value as of a day, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    pub value: f64,
    pub as_of: NaiveDate,
    /// For a target counted over units: (units meeting it, units checked).
    pub counted: Option<(usize, usize)>,
    pub source: String,
}

/// The latest measurement on or before `as_of`.
pub fn latest_measurement(measurements: &[Measurement], as_of: NaiveDate) -> Option<&Measurement> {
    measurements
        .iter()
        .filter(|m| m.as_of <= as_of)
        .max_by_key(|m| m.as_of)
}

/// The share of units meeting a target counted over units, from each unit's latest check on
/// or before `as_of`, over `units` (the units the target counts). `None` when no unit has
/// been checked yet.
pub fn counted(checks: &[UnitCheck], units: &[Uuid], as_of: NaiveDate) -> Option<Latest> {
    let mut last: HashMap<Uuid, &UnitCheck> = HashMap::new();
    for c in checks.iter().filter(|c| c.as_of <= as_of) {
        let slot = last.entry(c.unit_id).or_insert(c);
        if c.as_of >= slot.as_of {
            *slot = c;
        }
    }
    if last.is_empty() || units.is_empty() {
        return None;
    }
    let met = units
        .iter()
        .filter(|u| last.get(u).is_some_and(|c| c.met))
        .count();
    let day = last.values().map(|c| c.as_of).max()?;
    Some(Latest {
        value: met as f64 * 100.0 / units.len() as f64,
        as_of: day,
        counted: Some((met, units.len())),
        source: String::new(),
    })
}

/// Whether `value` meets the target.
pub fn achieved(target: &Target, value: f64) -> bool {
    let goal = if target.kind == TargetKind::YesNo {
        1.0
    } else {
        target.target_value
    };
    match target.comparison {
        Comparison::AtLeast => value + 1e-9 >= goal,
        Comparison::MoreThan => value > goal + 1e-9,
        Comparison::AtMost => value <= goal + 1e-9,
    }
}

/// Progress toward the goal, 0..=1, from the baseline (0 when none is known).
pub fn progress(target: &Target, value: f64) -> f64 {
    if achieved(target, value) {
        return 1.0;
    }
    let goal = if target.kind == TargetKind::YesNo {
        1.0
    } else {
        target.target_value
    };
    let share = match target.comparison {
        Comparison::AtLeast | Comparison::MoreThan => {
            let base = target.baseline.unwrap_or(0.0).min(goal);
            if goal - base <= 0.0 {
                0.0
            } else {
                (value - base) / (goal - base)
            }
        }
        Comparison::AtMost => match target.baseline {
            // Coming down from the baseline toward the ceiling.
            Some(base) if base > goal => (base - value) / (base - goal),
            _ => 0.0,
        },
    };
    share.clamp(0.0, 1.0)
}

/// When the target falls due: its own deadline, else the end of the plan's last year.
pub fn due_date(target: &Target, plan: &Plan) -> NaiveDate {
    target
        .deadline
        .map(|d| d.due_date())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(plan.end_year, 12, 31).unwrap_or(NaiveDate::MAX))
}

/// When work on the plan started: the day it was issued, else the first day of its first year.
pub fn start_date(plan: &Plan) -> NaiveDate {
    plan.issued_on
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(plan.start_year, 1, 1).unwrap_or(NaiveDate::MIN))
}

/// The share of the time from the plan's start to the target's due date elapsed on `today`.
pub fn elapsed(target: &Target, plan: &Plan, today: NaiveDate) -> f64 {
    let start = start_date(plan);
    let due = due_date(target, plan);
    let span = (due - start).num_days();
    if span <= 0 {
        return if today >= due { 1.0 } else { 0.0 };
    }
    ((today - start).num_days() as f64 / span as f64).clamp(0.0, 1.0)
}

/// A target's status as of `today`, from its latest value.
pub fn status(
    target: &Target,
    plan: &Plan,
    latest: Option<&Latest>,
    today: NaiveDate,
) -> TargetStatus {
    let overdue = today > due_date(target, plan);
    match latest {
        Some(l) if achieved(target, l.value) => TargetStatus::Achieved,
        _ if overdue => TargetStatus::Overdue,
        None => TargetStatus::NotStarted,
        Some(l) => {
            if progress(target, l.value) + 1e-9 >= elapsed(target, plan, today) {
                TargetStatus::OnTrack
            } else {
                TargetStatus::AtRisk
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadline::Deadline;
    use crate::domain::plan::{PlanLevel, PlanStatus, TargetScope};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn plan() -> Plan {
        Plan {
            plan_id: Uuid::nil(),
            number: "112/KH-UBND".into(),
            title: "Kế hoạch ứng dụng CNTT năm 2019".into(),
            issuer: "UBND quận".into(),
            level: PlanLevel::District,
            issued_on: Some(day(2019, 1, 1)),
            start_year: 2019,
            end_year: 2019,
            orientation_year: None,
            parent_id: None,
            legal_basis: String::new(),
            status: PlanStatus::InForce,
        }
    }

    fn target(comparison: Comparison, goal: f64, baseline: Option<f64>) -> Target {
        Target {
            target_id: Uuid::nil(),
            plan_id: Uuid::nil(),
            code: "1".into(),
            text: "Văn bản điện tử".into(),
            kind: TargetKind::Percent,
            scope: TargetScope::Body,
            comparison,
            baseline,
            target_value: goal,
            deadline: Some(Deadline::Year(2019)),
        }
    }

    fn at(value: f64, as_of: NaiveDate) -> Latest {
        Latest {
            value,
            as_of,
            counted: None,
            source: String::new(),
        }
    }

    #[test]
    fn achieved_at_the_edges() {
        let t = target(Comparison::AtLeast, 80.0, None);
        assert!(achieved(&t, 80.0));
        assert!(!achieved(&t, 79.99));
        let t = target(Comparison::MoreThan, 98.0, None);
        assert!(!achieved(&t, 98.0));
        assert!(achieved(&t, 98.5));
        let t = target(Comparison::AtMost, 5.0, Some(20.0));
        assert!(achieved(&t, 5.0));
        assert!(!achieved(&t, 5.5));
        assert!((progress(&t, 12.5) - 0.5).abs() < 1e-9);
        let mut yes = target(Comparison::AtLeast, 1.0, None);
        yes.kind = TargetKind::YesNo;
        assert!(achieved(&yes, 1.0));
        assert!(!achieved(&yes, 0.0));
    }

    #[test]
    fn progress_counts_from_the_baseline() {
        let t = target(Comparison::AtLeast, 80.0, Some(40.0));
        assert!((progress(&t, 60.0) - 0.5).abs() < 1e-9);
        assert_eq!(progress(&t, 30.0), 0.0);
        assert_eq!(progress(&t, 95.0), 1.0);
    }

    #[test]
    fn status_compares_progress_with_time_elapsed() {
        let p = plan();
        let t = target(Comparison::AtLeast, 80.0, Some(0.0));
        // Mid-year (2 July: 182 of 364 days): 50% done is on track, 30% is at risk.
        let mid = day(2019, 7, 2);
        assert!((elapsed(&t, &p, mid) - 0.5).abs() < 0.01);
        assert_eq!(
            status(&t, &p, Some(&at(40.0, mid)), mid),
            TargetStatus::OnTrack
        );
        assert_eq!(
            status(&t, &p, Some(&at(24.0, mid)), mid),
            TargetStatus::AtRisk
        );
        assert_eq!(status(&t, &p, None, mid), TargetStatus::NotStarted);
        // The last day is still in time; the day after is overdue unless achieved.
        let last = day(2019, 12, 31);
        assert_eq!(
            status(&t, &p, Some(&at(79.0, last)), last),
            TargetStatus::AtRisk
        );
        let after = day(2020, 1, 1);
        assert_eq!(
            status(&t, &p, Some(&at(79.0, last)), after),
            TargetStatus::Overdue
        );
        assert_eq!(status(&t, &p, None, after), TargetStatus::Overdue);
        assert_eq!(
            status(&t, &p, Some(&at(80.0, last)), after),
            TargetStatus::Achieved
        );
    }

    #[test]
    fn a_quarter_deadline_falls_due_at_the_quarter_end() {
        let p = plan();
        let mut t = target(Comparison::AtLeast, 100.0, None);
        t.deadline = Some(Deadline::Quarter {
            year: 2019,
            quarter: 1,
        });
        assert_eq!(due_date(&t, &p), day(2019, 3, 31));
        assert_eq!(
            status(&t, &p, Some(&at(50.0, day(2019, 3, 1))), day(2019, 4, 1)),
            TargetStatus::Overdue
        );
        t.deadline = None;
        assert_eq!(due_date(&t, &p), day(2019, 12, 31));
    }

    #[test]
    fn counted_targets_take_each_units_latest_check() {
        let units: Vec<Uuid> = (0..14).map(|_| Uuid::new_v4()).collect();
        let check = |u: usize, d: NaiveDate, met: bool| UnitCheck {
            check_id: Uuid::new_v4(),
            target_id: Uuid::nil(),
            unit_id: units[u],
            as_of: d,
            met,
        };
        let mut checks: Vec<UnitCheck> = (0..11).map(|u| check(u, day(2019, 3, 1), true)).collect();
        checks.push(check(11, day(2019, 3, 1), false));
        // Ward 0 later lost its connection; ward 11 got one after the day we look at.
        checks.push(check(0, day(2019, 6, 1), false));
        checks.push(check(11, day(2019, 9, 1), true));
        let l = counted(&checks, &units, day(2019, 7, 1)).expect("checked");
        assert_eq!(l.counted, Some((10, 14)));
        assert!((l.value - 1000.0 / 14.0).abs() < 1e-9);
        assert_eq!(l.as_of, day(2019, 6, 1));
        let l = counted(&checks, &units, day(2019, 12, 31)).expect("checked");
        assert_eq!(l.counted, Some((11, 14)));
        assert!(counted(&checks, &units, day(2019, 1, 1)).is_none());
    }

    /// Issue 12, defect 3: a ward added on 01/12/2026 does not count in a figure as of
    /// 30/06/2019 (12/14 stays 12/14, not 12/15); a ward retired in 2020 still counts then.
    #[test]
    fn counts_over_units_use_the_units_of_that_day() {
        use crate::domain::org::{Unit, UnitKind};
        let ward = |n: i64, joined: Option<NaiveDate>, retired: Option<NaiveDate>| Unit {
            unit_id: Uuid::new_v4(),
            name: format!("Phường {n}"),
            kind: UnitKind::Ward,
            sort_order: n,
            retired_on: retired,
            joined_on: joined,
        };
        let mut units: Vec<Unit> = (0..13).map(|n| ward(n, None, None)).collect();
        units.push(ward(13, None, Some(day(2020, 1, 1))));
        units.push(ward(14, Some(day(2026, 12, 1)), None));
        assert_eq!(counted_units(&units, day(2019, 6, 30)).len(), 14);
        assert_eq!(
            counted_units(&units, day(2026, 12, 1)).len(),
            14,
            "13 + the new one"
        );
        assert_eq!(counted_units(&units, day(2026, 11, 30)).len(), 13);
    }

    #[test]
    fn the_latest_measurement_is_the_last_one_on_or_before_the_day() {
        let m = |v: f64, d: NaiveDate| Measurement {
            measurement_id: Uuid::new_v4(),
            target_id: Uuid::nil(),
            value: v,
            as_of: d,
            source: String::new(),
        };
        let ms = vec![
            m(60.0, day(2019, 6, 30)),
            m(40.0, day(2019, 3, 31)),
            m(90.0, day(2019, 12, 31)),
        ];
        assert_eq!(
            latest_measurement(&ms, day(2019, 7, 1)).map(|m| m.value),
            Some(60.0)
        );
        assert_eq!(
            latest_measurement(&ms, day(2019, 12, 31)).map(|m| m.value),
            Some(90.0)
        );
        assert!(latest_measurement(&ms, day(2019, 1, 1)).is_none());
    }
}

/// Everything about plans in a document, as plain data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanBook {
    /// Parents before children.
    pub plans: Vec<Plan>,
    /// Plan by plan, in each plan's order.
    pub targets: Vec<Target>,
    pub measurements: Vec<Measurement>,
    pub checks: Vec<UnitCheck>,
    pub tasks: Vec<super::plan::Task>,
}

/// The units a target "counted over units" counts as of a day: the wards and communes (the
/// committee's grassroots units) that existed that day, or every unit of that day when there
/// are none. A ward added later does not change a past figure (issue 12).
pub fn counted_units(units: &[super::org::Unit], as_of: NaiveDate) -> Vec<Uuid> {
    use super::org::UnitKind;
    let active = || units.iter().filter(|u| u.active_on(as_of));
    let grassroots: Vec<Uuid> = active()
        .filter(|u| matches!(u.kind, UnitKind::Ward | UnitKind::Commune))
        .map(|u| u.unit_id)
        .collect();
    if grassroots.is_empty() {
        active().map(|u| u.unit_id).collect()
    } else {
        grassroots
    }
}

/// One target's state as of a day.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    pub plan: Plan,
    pub target: Target,
    pub latest: Option<Latest>,
    /// 0..=1, when a value is known.
    pub progress: Option<f64>,
    pub status: TargetStatus,
}

impl PlanBook {
    /// The latest value of a target as of `as_of`: counted from the checklist for a target
    /// over units that has one, else the latest measurement.
    pub fn latest(&self, target: &Target, units: &[Uuid], as_of: NaiveDate) -> Option<Latest> {
        if target.scope == super::plan::TargetScope::Units {
            let checks: Vec<UnitCheck> = self
                .checks
                .iter()
                .filter(|c| c.target_id == target.target_id)
                .cloned()
                .collect();
            if let Some(l) = counted(&checks, units, as_of) {
                return Some(l);
            }
        }
        let ms: Vec<Measurement> = self
            .measurements
            .iter()
            .filter(|m| m.target_id == target.target_id)
            .cloned()
            .collect();
        latest_measurement(&ms, as_of).map(|m| Latest {
            value: m.value,
            as_of: m.as_of,
            counted: None,
            source: m.source.clone(),
        })
    }

    /// Every target (of one plan when `plan_id` is given) with its latest value, progress and
    /// status as of `as_of`.
    pub fn rows(&self, plan_id: Option<Uuid>, units: &[Uuid], as_of: NaiveDate) -> Vec<TargetRow> {
        let mut out = Vec::new();
        for plan in self
            .plans
            .iter()
            .filter(|p| plan_id.is_none_or(|id| id == p.plan_id))
        {
            for target in self.targets.iter().filter(|t| t.plan_id == plan.plan_id) {
                let latest = self.latest(target, units, as_of);
                out.push(TargetRow {
                    progress: latest.as_ref().map(|l| progress(target, l.value)),
                    status: status(target, plan, latest.as_ref(), as_of),
                    plan: plan.clone(),
                    target: target.clone(),
                    latest,
                });
            }
        }
        out
    }
}
