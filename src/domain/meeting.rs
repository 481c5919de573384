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
    /// Who signs the notice of its conclusions (a person of the file).
    #[serde(default)]
    pub signer_id: Option<Uuid>,
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
    /// Whether its text has been written: an item just added (Ctrl+Shift+Enter) is empty until
    /// then, and counts nowhere — not in the open items, the notice or the slides.
    pub fn is_written(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

impl ActionItem {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == ActionStatus::Open && self.deadline.is_some_and(|d| d.is_overdue(today))
    }
}

/// Everything about meetings in a document, as plain data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingBook {
    /// Newest first.
    pub meetings: Vec<Meeting>,
    pub attendees: Vec<Attendee>,
    pub agenda: Vec<AgendaItem>,
    /// Meeting by meeting, by number.
    pub conclusions: Vec<Conclusion>,
    /// Meeting by meeting, in the order given.
    pub actions: Vec<ActionItem>,
}

impl MeetingBook {
    pub fn meeting(&self, id: Uuid) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.meeting_id == id)
    }

    /// The meeting held on `day` (the first one, if several were).
    pub fn on(&self, day: NaiveDate) -> Option<&Meeting> {
        self.meetings.iter().rev().find(|m| m.held_on == day)
    }

    /// Action items not done or cancelled as of `as_of` (an item closed later counts as open
    /// then), of meetings held on or before `as_of`: overdue ones first (earliest due first),
    /// then by due date (no deadline last), then by meeting date.
    pub fn open_actions(&self, as_of: NaiveDate) -> Vec<&ActionItem> {
        let held = |a: &ActionItem| {
            self.meeting(a.meeting_id)
                .map(|m| m.held_on)
                .unwrap_or(NaiveDate::MIN)
        };
        let mut open: Vec<&ActionItem> = self
            .actions
            .iter()
            .filter(|a| held(a) <= as_of && a.is_written())
            .filter(|a| match a.status {
                ActionStatus::Open => true,
                ActionStatus::Done => a.completed_on.is_some_and(|d| d > as_of),
                ActionStatus::Cancelled => false,
            })
            .collect();
        let due = |a: &ActionItem| a.deadline.map(|d| d.due_date()).unwrap_or(NaiveDate::MAX);
        open.sort_by_key(|a| (due(a) >= as_of, due(a), held(a)));
        open
    }

    /// The items a new meeting on `day` inherits: open items of earlier meetings.
    pub fn carried_over(&self, meeting: &Meeting) -> Vec<&ActionItem> {
        self.open_actions(meeting.held_on)
            .into_iter()
            .filter(|a| {
                self.meeting(a.meeting_id)
                    .is_some_and(|m| m.held_on < meeting.held_on)
            })
            .collect()
    }

    /// The next free conclusion number of a meeting.
    pub fn next_number(&self, meeting_id: Uuid) -> u32 {
        self.conclusions
            .iter()
            .filter(|c| c.meeting_id == meeting_id)
            .map(|c| c.number)
            .max()
            .unwrap_or(0)
            + 1
    }
}

/// Whether an item is overdue as of a day (open then, and past its deadline's span).
pub fn overdue_on(item: &ActionItem, as_of: NaiveDate) -> bool {
    let open_then = match item.status {
        ActionStatus::Open => true,
        ActionStatus::Done => item.completed_on.is_some_and(|d| d > as_of),
        ActionStatus::Cancelled => false,
    };
    open_then && item.deadline.is_some_and(|d| d.is_overdue(as_of))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn item(meeting: Uuid, text: &str, deadline: Option<Deadline>) -> ActionItem {
        ActionItem {
            action_id: Uuid::new_v4(),
            meeting_id: meeting,
            conclusion_id: None,
            unit_id: None,
            text: text.into(),
            deadline,
            status: ActionStatus::Open,
            completed_on: None,
            completion_note: String::new(),
        }
    }

    fn meeting(held_on: NaiveDate) -> Meeting {
        Meeting {
            meeting_id: Uuid::new_v4(),
            held_on,
            time: None,
            title: "Giao ban".into(),
            place: String::new(),
            chair_id: None,
            notice_number: String::new(),
            signer_id: None,
        }
    }

    #[test]
    fn follow_up_lists_overdue_first_and_carries_items_over() {
        let jan = meeting(day(2018, 1, 3));
        let apr = meeting(day(2018, 4, 5));
        let month = item(
            jan.meeting_id,
            "trong tháng 01",
            Some(Deadline::Month {
                year: 2018,
                month: 1,
            }),
        );
        let quarter = item(
            jan.meeting_id,
            "quý I",
            Some(Deadline::Quarter {
                year: 2018,
                quarter: 1,
            }),
        );
        let later = item(
            jan.meeting_id,
            "06/2020",
            Some(Deadline::Month {
                year: 2020,
                month: 6,
            }),
        );
        let none = item(jan.meeting_id, "không hạn", None);
        let mut done = item(
            jan.meeting_id,
            "đã xong",
            Some(Deadline::Month {
                year: 2018,
                month: 1,
            }),
        );
        done.status = ActionStatus::Done;
        done.completed_on = Some(day(2018, 1, 20));
        let new = item(
            apr.meeting_id,
            "mới",
            Some(Deadline::Month {
                year: 2018,
                month: 5,
            }),
        );
        let book = MeetingBook {
            meetings: vec![apr.clone(), jan.clone()],
            actions: vec![
                none.clone(),
                later.clone(),
                quarter.clone(),
                month.clone(),
                done.clone(),
                new.clone(),
            ],
            ..MeetingBook::default()
        };
        // On 15 February the month item is overdue; the quarter one is not yet.
        let open: Vec<&str> = book
            .open_actions(day(2018, 2, 15))
            .iter()
            .map(|a| a.text.as_str())
            .collect();
        assert_eq!(open, ["trong tháng 01", "quý I", "06/2020", "không hạn"]);
        // On 10 January the done item was still open.
        assert_eq!(book.open_actions(day(2018, 1, 10)).len(), 5);
        // The April meeting inherits January's open items, not its own.
        let carried: Vec<&str> = book
            .carried_over(&apr)
            .iter()
            .map(|a| a.text.as_str())
            .collect();
        assert_eq!(carried, ["trong tháng 01", "quý I", "06/2020", "không hạn"]);
        assert!(overdue_on(&quarter, day(2018, 4, 1)));
        assert!(!overdue_on(&quarter, day(2018, 3, 31)));
        assert!(!overdue_on(&done, day(2018, 2, 15)));
        assert!(!overdue_on(&done, day(2018, 2, 1)));
        assert_eq!(book.next_number(jan.meeting_id), 1);
    }

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
