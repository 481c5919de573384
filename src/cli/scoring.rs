//! Command-line scoring: the criteria of a set, scores as tab-separated text (export and
//! all-or-nothing import), and results.

use std::io::Write;
use std::path::Path;

use clap::{Subcommand, ValueEnum};
use serde::Serialize;

use super::common::{Failure, Format, emit, parse_period};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::points::round_half_up;
use crate::domain::results::{UnitResult, Which, check_editable, year_results};
use crate::domain::sheet::{read_grid, write_grid};
use crate::store::{Grid, Intent, Origin, Store, StoreError};

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Side {
    #[value(name = "self")]
    SelfScore,
    Appraised,
}

impl From<Side> for Which {
    fn from(side: Side) -> Which {
        match side {
            Side::SelfScore => Which::SelfScore,
            Side::Appraised => Which::Appraised,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ScoresCommand {
    /// Write a month's grid as tab-separated text: "unit" then criterion codes; one row a unit.
    Export {
        file: std::path::PathBuf,
        #[arg(long)]
        model: String,
        /// YYYY-MM (or YYYY for a yearly model).
        #[arg(long)]
        month: String,
        #[arg(long = "as", value_enum, default_value = "appraised")]
        side: Side,
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Read a grid written by export (or by a spreadsheet): all or nothing.
    Import {
        file: std::path::PathBuf,
        #[arg(long)]
        model: String,
        #[arg(long)]
        month: String,
        #[arg(long = "from")]
        from: std::path::PathBuf,
        #[arg(long = "as", value_enum, default_value = "appraised")]
        side: Side,
    },
}

fn open_grid(
    store: &Store,
    model: &str,
    year: i32,
    month: u32,
    lang: Lang,
) -> Result<Grid, Failure> {
    let period = store.find_period(model, year, month)?.ok_or_else(|| {
        let when = if month == 0 {
            format!("{year}")
        } else {
            format!("{month:02}/{year}")
        };
        Failure::Problems(vec![match lang {
            Lang::Vi => format!("Không có kỳ chấm điểm {when} của mô hình \"{model}\""),
            Lang::En => format!("no scoring period {when} for the model \"{model}\""),
        }])
    })?;
    Ok(store.grid(period.period_id)?)
}

#[derive(Serialize)]
struct CriterionRow {
    code: String,
    group: String,
    name: String,
    kind: String,
    max: f64,
}

pub fn criteria(
    file: &Path,
    model: &str,
    year: i32,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let store = Store::open(file, Intent::Inspect)?;
    let contents = store.criteria_set(model, year)?.ok_or_else(|| {
        Failure::Problems(vec![match lang {
            Lang::Vi => format!("Không có bộ tiêu chí năm {year} của mô hình \"{model}\""),
            Lang::En => format!("no {year} criteria set for the model \"{model}\""),
        }])
    })?;
    let records: Vec<CriterionRow> = contents
        .criteria
        .iter()
        .map(|c| CriterionRow {
            code: c.code.clone(),
            group: contents
                .groups
                .iter()
                .find(|g| g.group_id == c.group_id)
                .map(|g| g.code.clone())
                .unwrap_or_default(),
            name: c.name.clone(),
            kind: c.kind.slug().to_string(),
            max: c.max_points,
        })
        .collect();
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            vec![
                r.code.clone(),
                r.group.clone(),
                r.name.clone(),
                r.kind.clone(),
                format_number(r.max),
            ]
        })
        .collect();
    use super::common::Col::{Number, Text};
    emit(
        out,
        format,
        lang,
        &["code", "group", "name", "kind", "max"],
        &[Text, Text, Text, Text, Number],
        &rows,
        &records,
    )
    .map_err(|e| StoreError::io(file, e))?;
    Ok(())
}

pub fn export(
    file: &Path,
    model: &str,
    month: &str,
    side: Side,
    target: &Path,
    lang: Lang,
) -> Result<usize, Failure> {
    let (year, m) = parse_period(month, lang)?;
    let store = Store::open(file, Intent::Inspect)?;
    let grid = open_grid(&store, model, year, m, lang)?;
    let which = Which::from(side);
    let text = write_grid(&grid.units, &grid.criteria, |u, c| {
        grid.cells
            .get(&(u.unit_id, c.criterion_id))
            .and_then(|&(s, a)| match which {
                Which::SelfScore => s,
                Which::Appraised => a,
            })
    });
    std::fs::write(target, text).map_err(|e| StoreError::io(target, e))?;
    Ok(grid.units.len())
}

/// A block of text from a file, as people save it (see [`crate::domain::sheet::decode`]),
/// never more of it than a grid can be: a file of any size, or one that never ends
/// (`/dev/zero`), is refused after the limit is read.
fn read_text(source: &Path, lang: Lang) -> Result<String, Failure> {
    use std::io::Read;
    let limit = crate::domain::sheet::MAX_TEXT_BYTES;
    let mut bytes = Vec::new();
    std::fs::File::open(source)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| StoreError::io(source, e))?;
    crate::domain::sheet::decode(&bytes).map_err(|p| Failure::Problems(vec![p.message(lang)]))
}

/// Reads a grid, checks every cell, and writes all of it in one transaction, or nothing.
pub fn import(
    file: &Path,
    model: &str,
    month: &str,
    side: Side,
    source: &Path,
    lang: Lang,
) -> Result<usize, Failure> {
    let (year, m) = parse_period(month, lang)?;
    let text = read_text(source, lang)?;
    let mut store = Store::open(file, Intent::Edit)?;
    let grid = open_grid(&store, model, year, m, lang)?;
    let mut problems = Vec::new();
    if let Err(e) = check_editable(grid.period.status) {
        problems.push(e.message(lang));
    }
    let cells = match read_grid(&text, &grid.units, &grid.criteria) {
        Ok(cells) => cells,
        Err(found) => {
            problems.extend(found.iter().map(|p| p.message(lang)));
            Vec::new()
        }
    };
    if !problems.is_empty() {
        return Err(Failure::Problems(problems));
    }
    let count = cells.len();
    let edit = Edit::SetScores {
        period_id: grid.period.period_id,
        which: Which::from(side),
        cells,
    };
    store.apply(
        &edit,
        &crate::host::user_name(),
        chrono::Utc::now(),
        Origin::Do,
    )?;
    Ok(count)
}

/// A unit's line of `results`. Total, rank and band exist only for a unit whose every
/// criterion that counts is appraised; the others say how far their appraisal has come.
#[derive(Serialize)]
struct ResultRow {
    rank: Option<u32>,
    unit: String,
    total: Option<f64>,
    pct_of_max: Option<f64>,
    band: Option<String>,
    passed: Option<bool>,
    missing: usize,
    /// Criteria appraised of those that count (a month's rows only).
    #[serde(skip_serializing_if = "Option::is_none")]
    appraised: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counted: Option<usize>,
    /// "chưa thẩm định đủ: 1/26", for the table.
    #[serde(skip)]
    incomplete: Option<String>,
}

fn result_rows(grid: &Grid, list: &[UnitResult], lang: Lang) -> Vec<ResultRow> {
    let units: std::collections::HashMap<_, _> =
        grid.units.iter().map(|u| (u.unit_id, u)).collect();
    let mut rows: Vec<ResultRow> = list
        .iter()
        .filter_map(|r| {
            let unit = units.get(&r.unit_id)?;
            let complete = r.is_complete();
            Some(ResultRow {
                rank: r.rank,
                unit: unit.name.clone(),
                total: complete.then(|| round_half_up(r.total, 2)),
                pct_of_max: complete.then(|| round_half_up(r.pct_of_max, 2)),
                band: r
                    .band
                    .and_then(|i| grid.bands.get(i))
                    .map(|b| b.name.clone()),
                passed: r.passed,
                missing: r.missing,
                appraised: Some(r.appraised()),
                counted: Some(r.counted),
                incomplete: r.incomplete_text(Which::Appraised, lang),
            })
        })
        .collect();
    rows.sort_by_key(|r| r.rank.unwrap_or(u32::MAX));
    rows
}

pub fn results_cmd(
    file: &Path,
    model: &str,
    month: Option<&str>,
    year: Option<i32>,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let store = Store::open(file, Intent::Inspect)?;
    let rows = match (month, year) {
        (Some(month), _) => {
            let (y, m) = parse_period(month, lang)?;
            let grid = open_grid(&store, model, y, m, lang)?;
            let list = grid.results(Which::Appraised);
            result_rows(&grid, &list, lang)
        }
        (None, Some(y)) => year_rows(&store, model, y, lang)?,
        (None, None) => {
            return Err(Failure::Problems(vec![
                lang.pick(
                    "Cần --month YYYY-MM hoặc --year YYYY",
                    "give --month YYYY-MM or --year YYYY",
                )
                .into(),
            ]));
        }
    };
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.rank.map(|x| x.to_string()).unwrap_or_else(|| "—".into()),
                r.unit.clone(),
                r.total.map(format_number).unwrap_or_default(),
                r.pct_of_max.map(format_number).unwrap_or_default(),
                match (r.passed, &r.band, &r.incomplete) {
                    (_, _, Some(text)) => text.clone(),
                    (Some(true), _, _) => lang.pick("Đạt", "Passed").into(),
                    (Some(false), _, _) => lang.pick("Không đạt", "Not passed").into(),
                    (None, Some(b), _) => b.clone(),
                    (None, None, _) => String::new(),
                },
            ]
        })
        .collect();
    use super::common::Col::{Number, Text};
    // A table for a person is headed in the person's language; CSV keeps the field names.
    let header = match (format, lang) {
        (Format::Table, Lang::Vi) => ["Hạng", "Đơn vị", "Tổng", "% tối đa", "Xếp loại"],
        (Format::Table, Lang::En) => ["Rank", "Unit", "Total", "% of max", "Band"],
        _ => ["rank", "unit", "total", "pct_of_max", "band"],
    };
    emit(
        out,
        format,
        lang,
        &header,
        &[Text, Text, Number, Number, Text],
        &table,
        &rows,
    )
    .map_err(|e| StoreError::io(file, e))?;
    Ok(())
}

/// The year's result of each unit: the average of its complete monthly totals, ranked, with
/// the band of the average percentage. For a yearly model, the year's period.
fn year_rows(store: &Store, model: &str, year: i32, lang: Lang) -> Result<Vec<ResultRow>, Failure> {
    if store.find_period(model, year, 0)?.is_some() {
        let grid = open_grid(store, model, year, 0, lang)?;
        let list = grid.results(Which::Appraised);
        return Ok(result_rows(&grid, &list, lang));
    }
    let (units, months, bands) = store.year(model, year)?;
    let names: std::collections::HashMap<_, _> =
        units.iter().map(|u| (u.unit_id, u.name.as_str())).collect();
    let mut rows: Vec<ResultRow> = year_results(
        &units.iter().map(|u| u.unit_id).collect::<Vec<_>>(),
        &months,
        &bands,
    )
    .into_iter()
    .filter(|r| r.rank.is_some())
    .map(|r| ResultRow {
        rank: r.rank,
        unit: names
            .get(&r.unit_id)
            .map(|n| n.to_string())
            .unwrap_or_default(),
        total: r.average.map(|v| round_half_up(v, 2)),
        pct_of_max: r.average_pct.map(|v| round_half_up(v, 2)),
        band: r.band.and_then(|i| bands.get(i)).map(|b| b.name.clone()),
        passed: None,
        missing: 0,
        appraised: None,
        counted: None,
        incomplete: None,
    })
    .collect();
    rows.sort_by_key(|r| r.rank);
    Ok(rows)
}
