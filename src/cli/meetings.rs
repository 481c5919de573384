//! `giaoban actions` and `giaoban notice`: the meetings' action items as of a day, and the
//! written notice of a meeting's conclusions.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::common::{Failure, Format, as_of, emit};
use crate::domain::deadline::parse_day;
use crate::domain::lang::Lang;
use crate::domain::meeting::{ActionStatus, overdue_on};
use crate::store::{Intent, Store};

#[derive(Serialize)]
struct ActionLine {
    meeting: String,
    unit: String,
    text: String,
    deadline: Option<String>,
    status: String,
    overdue: bool,
    completed_on: Option<String>,
    note: String,
}

pub fn actions(
    file: &Path,
    open_only: bool,
    as_of_text: Option<&str>,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let as_of = as_of(as_of_text, lang)?;
    let store = Store::open(file, Intent::Inspect)?;
    let book = store.meeting_book()?;
    let units = store.units()?;
    let items: Vec<_> = if open_only {
        book.open_actions(as_of)
    } else {
        // Every item, meeting by meeting (oldest first), overdue ones marked.
        let mut all: Vec<_> = book.actions.iter().collect();
        all.sort_by_key(|a| book.meeting(a.meeting_id).map(|m| m.held_on));
        all
    };
    let lines: Vec<ActionLine> = items
        .into_iter()
        .map(|a| ActionLine {
            meeting: book
                .meeting(a.meeting_id)
                .map(|m| m.held_on.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            unit: a
                .unit_id
                .and_then(|id| units.iter().find(|u| u.unit_id == id))
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            text: a.text.clone(),
            deadline: a.deadline.map(|d| d.display(lang)),
            // As things stood on that day: an item closed later was still open then.
            status: if a.completed_on.is_some_and(|d| d > as_of) {
                ActionStatus::Open.label(lang).to_string()
            } else {
                a.status.label(lang).to_string()
            },
            overdue: overdue_on(a, as_of),
            completed_on: a
                .completed_on
                .filter(|d| *d <= as_of)
                .map(|d| d.format("%Y-%m-%d").to_string()),
            note: a.completion_note.clone(),
        })
        .collect();
    let header = match lang {
        Lang::Vi => [
            "cuộc họp",
            "đơn vị",
            "nội dung",
            "thời hạn",
            "trạng thái",
            "ngày hoàn thành",
        ],
        Lang::En => [
            "meeting",
            "unit",
            "item",
            "deadline",
            "status",
            "completed on",
        ],
    };
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            vec![
                l.meeting.clone(),
                l.unit.clone(),
                l.text.clone(),
                l.deadline.clone().unwrap_or_default(),
                if l.overdue {
                    format!("{} ({})", l.status, lang.pick("quá hạn", "overdue"))
                } else {
                    l.status.clone()
                },
                l.completed_on.clone().unwrap_or_default(),
            ]
        })
        .collect();
    use super::common::Col::{Day, Text};
    let cols = [Day, Text, Text, Text, Text, Day];
    emit(out, format, lang, &header, &cols, &rows, &lines)
        .map_err(|e| crate::store::StoreError::io("stdout", e).into())
}

pub fn notice(
    file: &Path,
    meeting: &str,
    target: &Path,
    date: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let day = parse_day(meeting).map_err(|e| Failure::Problems(vec![e.message(lang)]))?;
    let issued = as_of(date, lang)?;
    let store = Store::open(file, Intent::Inspect)?;
    let book = store.meeting_book()?;
    let m = book.on(day).cloned().ok_or_else(|| {
        Failure::Problems(vec![match lang {
            Lang::Vi => format!("Không có cuộc họp ngày {}", day.format("%d/%m/%Y")),
            Lang::En => format!("no meeting on {day}"),
        }])
    })?;
    let notice = crate::export::notice_of(&store, &m, issued)?;
    let meta = crate::export::FileMeta {
        author: crate::host::user_name(),
        at: chrono::Utc::now(),
    };
    crate::export::write_notice(&notice, &meta, target)
        .map_err(|e| Failure::Problems(vec![e.message(lang)]))?;
    if let Some(warning) = notice.warning(lang) {
        eprintln!("{}: {warning}", lang.pick("Lưu ý", "Note"));
    }
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Vi => format!("Đã ghi thông báo kết luận: {}", target.display()),
            Lang::En => format!("Notice written: {}", target.display()),
        }
    )
    .map_err(|e| crate::store::StoreError::io("stdout", e).into())
}
