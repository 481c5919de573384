//! Plans, targets, measurements, checklists, tasks and the parts of a meeting as records that
//! are saved whole (added or changed) or deleted, each checked and cleaned before it is written.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::error::RuleError;
use super::lang::Lang;
use super::meeting::{ActionItem, ActionStatus, AgendaItem, Attendee, Conclusion, Meeting};
use super::plan::{Measurement, Plan, Target, TargetKind, Task, UnitCheck};
use super::text::clean_text;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Record {
    Plan(Plan),
    Target(Target),
    Measurement(Measurement),
    UnitCheck(UnitCheck),
    Task(Task),
    Meeting(Meeting),
    Attendee(Attendee),
    Agenda(AgendaItem),
    Conclusion(Conclusion),
    Action(ActionItem),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordKind {
    Plan,
    Target,
    Measurement,
    UnitCheck,
    Task,
    Meeting,
    Attendee,
    Agenda,
    Conclusion,
    Action,
}

impl RecordKind {
    pub const ALL: [RecordKind; 10] = [
        RecordKind::Plan,
        RecordKind::Target,
        RecordKind::Measurement,
        RecordKind::UnitCheck,
        RecordKind::Task,
        RecordKind::Meeting,
        RecordKind::Attendee,
        RecordKind::Agenda,
        RecordKind::Conclusion,
        RecordKind::Action,
    ];

    /// The kind whose audit rows carry `entity`.
    pub fn from_entity(entity: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.entity() == entity)
    }

    /// The table-like name written into the audit log.
    pub fn entity(self) -> &'static str {
        match self {
            RecordKind::Plan => "plan",
            RecordKind::Target => "target",
            RecordKind::Measurement => "target_measurement",
            RecordKind::UnitCheck => "target_unit_check",
            RecordKind::Task => "task",
            RecordKind::Meeting => "meeting",
            RecordKind::Attendee => "attendance",
            RecordKind::Agenda => "agenda_item",
            RecordKind::Conclusion => "conclusion",
            RecordKind::Action => "action_item",
        }
    }

    /// "kế hoạch", "chỉ tiêu"... for messages and the Undo menu.
    pub fn noun(self, lang: Lang) -> &'static str {
        match self {
            RecordKind::Plan => lang.pick("kế hoạch", "plan"),
            RecordKind::Target => lang.pick("chỉ tiêu", "target"),
            RecordKind::Measurement => lang.pick("số liệu chỉ tiêu", "measurement"),
            RecordKind::UnitCheck => lang.pick("kết quả đơn vị", "unit check"),
            RecordKind::Task => lang.pick("nhiệm vụ", "task"),
            RecordKind::Meeting => lang.pick("cuộc họp", "meeting"),
            RecordKind::Attendee => lang.pick("thành phần dự họp", "attendee"),
            RecordKind::Agenda => lang.pick("báo cáo tại cuộc họp", "report heard"),
            RecordKind::Conclusion => lang.pick("kết luận", "conclusion"),
            RecordKind::Action => lang.pick("việc giao", "action item"),
        }
    }
}

impl Record {
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Plan(_) => RecordKind::Plan,
            Record::Target(_) => RecordKind::Target,
            Record::Measurement(_) => RecordKind::Measurement,
            Record::UnitCheck(_) => RecordKind::UnitCheck,
            Record::Task(_) => RecordKind::Task,
            Record::Meeting(_) => RecordKind::Meeting,
            Record::Attendee(_) => RecordKind::Attendee,
            Record::Agenda(_) => RecordKind::Agenda,
            Record::Conclusion(_) => RecordKind::Conclusion,
            Record::Action(_) => RecordKind::Action,
        }
    }

    pub fn id(&self) -> Uuid {
        match self {
            Record::Plan(x) => x.plan_id,
            Record::Target(x) => x.target_id,
            Record::Measurement(x) => x.measurement_id,
            Record::UnitCheck(x) => x.check_id,
            Record::Task(x) => x.task_id,
            Record::Meeting(x) => x.meeting_id,
            Record::Attendee(x) => x.attendance_id,
            Record::Agenda(x) => x.agenda_id,
            Record::Conclusion(x) => x.conclusion_id,
            Record::Action(x) => x.action_id,
        }
    }
}

/// Checks a record and returns it cleaned (text trimmed to NFC, empty optional text dropped).
pub fn check_record(record: &Record) -> Result<Record, RuleError> {
    let text = |s: &str, max: usize| clean_text(s, max);
    let required = |s: &str, max: usize| {
        let t = clean_text(s, max)?;
        if t.is_empty() {
            Err(RuleError::EmptyName)
        } else {
            Ok(t)
        }
    };
    Ok(match record {
        Record::Plan(p) => {
            if !(1990..=2100).contains(&p.start_year)
                || p.end_year < p.start_year
                || p.end_year > 2100
                || p.orientation_year
                    .is_some_and(|y| y < p.end_year || y > 2100)
            {
                return Err(RuleError::BadYears);
            }
            Record::Plan(Plan {
                number: text(&p.number, 60)?,
                title: required(&p.title, 500)?,
                issuer: text(&p.issuer, 300)?,
                legal_basis: text(&p.legal_basis, 4000)?,
                ..p.clone()
            })
        }
        Record::Target(t) => {
            let code = required(&t.code, 20)?;
            let ok = t.target_value.is_finite()
                && t.target_value >= 0.0
                && match t.kind {
                    TargetKind::Percent => t.target_value <= 100.0,
                    TargetKind::YesNo => t.target_value <= 1.0,
                    TargetKind::Count => true,
                };
            if !ok {
                return Err(RuleError::BadTargetValue);
            }
            if t.baseline.is_some_and(|b| !b.is_finite() || b < 0.0) {
                return Err(RuleError::BadTargetValue);
            }
            Record::Target(Target {
                code,
                text: required(&t.text, 1000)?,
                ..t.clone()
            })
        }
        Record::Measurement(m) => {
            if !m.value.is_finite() || m.value < 0.0 {
                return Err(RuleError::BadTargetValue);
            }
            Record::Measurement(Measurement {
                source: text(&m.source, 500)?,
                ..m.clone()
            })
        }
        Record::UnitCheck(c) => Record::UnitCheck(c.clone()),
        Record::Task(t) => Record::Task(Task {
            text: required(&t.text, 2000)?,
            note: text(&t.note, 2000)?,
            ..t.clone()
        }),
        Record::Meeting(m) => {
            let time = match m.time.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(t) => Some(check_time(t)?),
            };
            Record::Meeting(Meeting {
                title: required(&m.title, 500)?,
                place: text(&m.place, 300)?,
                notice_number: text(&m.notice_number, 60)?,
                time,
                ..m.clone()
            })
        }
        Record::Attendee(a) => {
            let name = text(&a.name, 200)?;
            if a.person_id.is_none() && name.is_empty() {
                return Err(RuleError::EmptyName);
            }
            Record::Attendee(Attendee {
                name,
                title: text(&a.title, 300)?,
                ..a.clone()
            })
        }
        Record::Agenda(a) => Record::Agenda(AgendaItem {
            title: required(&a.title, 1000)?,
            ..a.clone()
        }),
        Record::Conclusion(c) => {
            if !(1..=999).contains(&c.number) {
                return Err(RuleError::BadNumber(c.number));
            }
            // A new conclusion is saved empty, its text written after (the notice leaves an
            // empty one out).
            let text_ = text(&c.text, 8000)?;
            let heading = text(&c.heading, 300)?;
            Record::Conclusion(Conclusion {
                heading,
                text: text_,
                ..c.clone()
            })
        }
        Record::Action(a) => {
            let mut a = ActionItem {
                // Empty while the new item's text is being written (left out of the notice).
                text: text(&a.text, 2000)?,
                completion_note: text(&a.completion_note, 2000)?,
                ..a.clone()
            };
            match a.status {
                ActionStatus::Done if a.completed_on.is_none() => {
                    return Err(RuleError::CompletionDateNeeded);
                }
                ActionStatus::Open => a.completed_on = None,
                _ => {}
            }
            Record::Action(a)
        }
    })
}

/// "8:00", "08:00", "8h", "8h30" → "08:00".
pub fn check_time(text: &str) -> Result<String, RuleError> {
    let bad = || RuleError::BadTime(text.to_string());
    let t = text.trim().to_lowercase().replace('h', ":");
    let (h, m) = match t.split_once(':') {
        Some((h, "")) => (h.to_string(), "0".to_string()),
        Some((h, m)) => (h.to_string(), m.to_string()),
        None => (t.clone(), "0".to_string()),
    };
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    let m: u32 = m.trim().parse().map_err(|_| bad())?;
    if h > 23 || m > 59 {
        return Err(bad());
    }
    Ok(format!("{h:02}:{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Comparison, TargetScope};
    use chrono::NaiveDate;

    fn target(kind: TargetKind, value: f64) -> Record {
        Record::Target(Target {
            target_id: Uuid::nil(),
            plan_id: Uuid::nil(),
            code: " 1 ".into(),
            text: "Tỷ lệ văn bản điện tử".into(),
            kind,
            scope: TargetScope::Body,
            comparison: Comparison::AtLeast,
            baseline: None,
            target_value: value,
            deadline: None,
        })
    }

    #[test]
    fn targets_are_checked_by_kind() {
        let Ok(Record::Target(t)) = check_record(&target(TargetKind::Percent, 80.0)) else {
            panic!("valid");
        };
        assert_eq!(t.code, "1");
        assert_eq!(
            check_record(&target(TargetKind::Percent, 120.0)),
            Err(RuleError::BadTargetValue)
        );
        assert!(check_record(&target(TargetKind::Count, 120.0)).is_ok());
        assert_eq!(
            check_record(&target(TargetKind::YesNo, 2.0)),
            Err(RuleError::BadTargetValue)
        );
        assert_eq!(
            check_record(&target(TargetKind::Count, f64::NAN)),
            Err(RuleError::BadTargetValue)
        );
    }

    #[test]
    fn a_done_action_needs_its_completion_date() {
        let mut a = ActionItem {
            action_id: Uuid::nil(),
            meeting_id: Uuid::nil(),
            conclusion_id: None,
            unit_id: None,
            text: "Hoàn thành kết nối mạng WAN".into(),
            deadline: None,
            status: ActionStatus::Done,
            completed_on: None,
            completion_note: String::new(),
        };
        assert_eq!(
            check_record(&Record::Action(a.clone())),
            Err(RuleError::CompletionDateNeeded)
        );
        a.completed_on = NaiveDate::from_ymd_opt(2018, 2, 1);
        assert!(check_record(&Record::Action(a.clone())).is_ok());
        a.status = ActionStatus::Open;
        let Ok(Record::Action(open)) = check_record(&Record::Action(a)) else {
            panic!("valid");
        };
        assert_eq!(open.completed_on, None, "reopening clears the date");
    }

    #[test]
    fn meeting_times_as_people_type_them() {
        assert_eq!(check_time("8h").as_deref(), Ok("08:00"));
        assert_eq!(check_time("8h30").as_deref(), Ok("08:30"));
        assert_eq!(check_time("14:05").as_deref(), Ok("14:05"));
        assert!(check_time("25:00").is_err());
        assert!(check_time("sáng").is_err());
    }
}
