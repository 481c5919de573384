//! `giaoban targets`: where the plans' targets stand as of a day.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::common::{Failure, Format, as_of, emit};
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::points::round_half_up;
use crate::domain::progress::counted_units;
use crate::store::{Intent, Store};

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
    let units = counted_units(&store.units()?, as_of);
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
            latest: r.latest.as_ref().map(|l| round_half_up(l.value, 2)),
            as_of: r
                .latest
                .as_ref()
                .map(|l| l.as_of.format("%Y-%m-%d").to_string()),
            counted: r
                .latest
                .as_ref()
                .and_then(|l| l.counted)
                .map(|(met, of)| format!("{met}/{of}")),
            progress_pct: r.progress.map(|p| round_half_up(p * 100.0, 1)),
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
    use super::common::Col::{Day, Number, Text};
    let cols = [Text, Text, Text, Number, Number, Day, Number, Text];
    emit(out, format, lang, &header, &cols, &rows, &lines)
        .map_err(|e| crate::store::StoreError::io("stdout", e).into())
}
