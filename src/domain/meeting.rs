//! Briefing meetings (họp giao ban): who chaired, who came, what was heard, what was concluded,
//! and the action items that follow.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::deadline::Deadline;
use super::lang::Lang;
use super::plan::slug_enum;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub meeting_id: Uuid,
    pub held_on: NaiveDate,
    /// "08:00"
    pub time: Option<String>,
    pub title: String,
    pub place: String,
    pub chair_id: Option<Uuid>,
    pub notice_number: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    pub attendance_id: Uuid,
    pub meeting_id: Uuid,
    pub person_id: Option<Uuid>,
    /// Free text when the attendee is not in the people list.
    pub name: String,
    pub title: String,
    pub unit_id: Option<Uuid>,
}

/// A report heard at the meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub agenda_id: Uuid,
    pub meeting_id: Uuid,
    pub title: String,
    pub presenter_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conclusion {
    pub conclusion_id: Uuid,
    pub meeting_id: Uuid,
    pub number: u32,
    pub heading: String,
    pub text: String,
    /// The criteria set, scoring period or plan the conclusion concerns, if any.
    pub set_id: Option<Uuid>,
    pub period_id: Option<Uuid>,
    pub plan_id: Option<Uuid>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionStatus {
    Open,
    Done,
    Cancelled,
}
slug_enum!(ActionStatus { Open => "open", Done => "done", Cancelled => "cancelled" });

impl ActionStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ActionStatus::Open => lang.pick("Đang thực hiện", "Open"),
            ActionStatus::Done => lang.pick("Đã hoàn thành", "Done"),
            ActionStatus::Cancelled => lang.pick("Đã hủy", "Cancelled"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionItem {
    pub action_id: Uuid,
    pub meeting_id: Uuid,
    pub conclusion_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub text: String,
    pub deadline: Option<Deadline>,
    pub status: ActionStatus,
    pub completed_on: Option<NaiveDate>,
    pub completion_note: String,
}

impl ActionItem {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == ActionStatus::Open && self.deadline.is_some_and(|d| d.is_overdue(today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_open_items_are_overdue() {
        let mut item = ActionItem {
            action_id: Uuid::nil(),
            meeting_id: Uuid::nil(),
            conclusion_id: None,
            unit_id: None,
            text: "x".into(),
            deadline: Some(Deadline::Month {
                year: 2018,
                month: 1,
            }),
            status: ActionStatus::Open,
            completed_on: None,
            completion_note: String::new(),
        };
        let feb = NaiveDate::from_ymd_opt(2018, 2, 1).unwrap_or_default();
        let jan = NaiveDate::from_ymd_opt(2018, 1, 31).unwrap_or_default();
        assert!(item.is_overdue(feb));
        assert!(!item.is_overdue(jan));
        item.status = ActionStatus::Done;
        assert!(!item.is_overdue(feb));
    }
}
