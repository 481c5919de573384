//! `giaoban targets` and `giaoban actions`: where the plans' targets stand, and the action items
//! of the meetings, as of a day.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::cli_scoring::{Failure, Format, emit};
use crate::domain::deadline::parse_day;
use crate::domain::lang::Lang;
use crate::domain::meeting::{ActionStatus, overdue_on};
use crate::domain::plan::format_number;
use crate::domain::progress::counted_units;
use crate::store::{Intent, Store};

/// `--as-of YYYY-MM-DD`, else today.
pub fn as_of(text: Option<&str>, lang: Lang) -> Result<NaiveDate, Failure> {
    match text {
        None => Ok(chrono::Local::now().date_naive()),
        Some(t) => parse_day(t).map_err(|e| Failure::Problems(vec![e.message(lang)])),
    }
}

#[derive(Serialize)]
struct TargetLine {
    plan: String,
    code: String,
    text: String,
    target: String,
    latest: Option<f64>,
    as_of: Option<String>,
    /// For a target counted over units: "12/14".
    counted: Option<String>,
    progress_pct: Option<f64>,
    status: String,
}

pub fn targets(
    file: &Path,
    plan: Option<&str>,
    as_of_text: Option<&str>,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let as_of = as_of(as_of_text, lang)?;
    let store = Store::open(file, Intent::Inspect)?;
    let book = store.plan_book()?;
    let plan_id = match plan {
        None => None,
        Some(number) => Some(
            book.plans
                .iter()
                .find(|p| p.number.eq_ignore_ascii_case(number.trim()))
                .map(|p| p.plan_id)
                .ok_or_else(|| {
                    Failure::Problems(vec![match lang {
                        Lang::Vi => format!("Không có kế hoạch số \"{number}\""),
                        Lang::En => format!("no plan numbered \"{number}\""),
                    }])
                })?,
        ),
    };
    let units = counted_units(&store.units()?);
    let lines: Vec<TargetLine> = book
        .rows(plan_id, &units, as_of)
        .into_iter()
        .map(|r| TargetLine {
            plan: if r.plan.number.is_empty() {
                r.plan.title.clone()
            } else {
                r.plan.number.clone()
            },
            code: r.target.code.clone(),
            text: r.target.text.clone(),
            target: r.target.goal_label(lang),
            latest: r.latest.as_ref().map(|l| (l.value * 100.0).round() / 100.0),
            as_of: r
                .latest
                .as_ref()
                .map(|l| l.as_of.format("%Y-%m-%d").to_string()),
            counted: r
                .latest
                .as_ref()
                .and_then(|l| l.counted)
                .map(|(met, of)| format!("{met}/{of}")),
            progress_pct: r.progress.map(|p| (p * 1000.0).round() / 10.0),
            status: r.status.label(lang).to_string(),
        })
        .collect();
    let header = match lang {
        Lang::Vi => [
            "kế hoạch",
            "mã",
            "chỉ tiêu",
            "mục tiêu",
            "gần nhất",
            "ngày",
            "tiến độ %",
            "trạng thái",
        ],
        Lang::En => [
            "plan",
            "code",
            "target",
            "goal",
            "latest",
            "as of",
            "progress %",
            "status",
        ],
    };
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            vec![
                l.plan.clone(),
                l.code.clone(),
                l.text.clone(),
                l.target.clone(),
                match (&l.latest, &l.counted) {
                    (Some(v), Some(c)) => format!("{}% ({c})", format_number(*v)),
                    (Some(v), None) => format_number(*v),
                    _ => String::new(),
                },
                l.as_of.clone().unwrap_or_default(),
                l.progress_pct.map(format_number).unwrap_or_default(),
                l.status.clone(),
            ]
        })
        .collect();
    emit(out, format, &header, &rows, &lines)
        .map_err(|e| crate::store::StoreError::io("stdout", e).into())
}

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
    emit(out, format, &header, &rows, &lines)
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
    crate::export::write_notice(&notice, target)
        .map_err(|e| Failure::Problems(vec![e.message(lang)]))?;
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
