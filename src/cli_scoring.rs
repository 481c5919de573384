//! Command-line scoring: the criteria of a set, scores as tab-separated text (export and
//! all-or-nothing import), and results.

use std::io::Write;
use std::path::Path;

use clap::{Subcommand, ValueEnum};
use serde::Serialize;

use crate::domain::edit::{CellValue, Edit};
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::points::parse_raw;
use crate::domain::results::{UnitResult, Which, year_results};
use crate::domain::scoring::PeriodStatus;
use crate::domain::text::same_name;
use crate::store::{Grid, Intent, Origin, Store, StoreError};

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
}

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

/// A failure of a scoring command: a store error, or problems listed one a line.
pub enum Failure {
    Store(StoreError),
    Problems(Vec<String>),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

/// "2018-03" → (2018, 3); "2018" → (2018, 0), the whole year.
pub fn parse_period(text: &str, lang: Lang) -> Result<(i32, u32), Failure> {
    let bad = || {
        Failure::Problems(vec![match lang {
            Lang::Vi => format!("\"{text}\" không phải tháng dạng YYYY-MM hoặc năm YYYY"),
            Lang::En => format!("\"{text}\" is not a month YYYY-MM or a year YYYY"),
        }])
    };
    let mut parts = text.trim().split('-');
    let year: i32 = parts.next().and_then(|y| y.parse().ok()).ok_or_else(bad)?;
    let month: u32 = match parts.next() {
        None => 0,
        Some(m) => m
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(bad)?,
    };
    if parts.next().is_some() || !(1990..=2100).contains(&year) {
        return Err(bad());
    }
    Ok((year, month))
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

/// Writes rows as a table, CSV or JSON.
pub(crate) fn emit<T: Serialize>(
    out: &mut dyn Write,
    format: Format,
    header: &[&str],
    rows: &[Vec<String>],
    records: &[T],
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            let text = serde_json::to_string_pretty(records).map_err(std::io::Error::other)?;
            writeln!(out, "{text}")
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(header).map_err(std::io::Error::other)?;
            for r in rows {
                w.write_record(r).map_err(std::io::Error::other)?;
            }
            w.flush()
        }
        Format::Table => {
            let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
            for r in rows {
                for (i, cell) in r.iter().enumerate() {
                    if let Some(w) = widths.get_mut(i) {
                        *w = (*w).max(cell.chars().count().min(70));
                    }
                }
            }
            let line = |cells: Vec<&str>| {
                cells
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| {
                        let shown: String = c.chars().take(70).collect();
                        format!(
                            "{shown}{}",
                            " ".repeat(w.saturating_sub(shown.chars().count()))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_string()
            };
            writeln!(out, "{}", line(header.to_vec()))?;
            for r in rows {
                writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
            }
            Ok(())
        }
    }
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
    emit(
        out,
        format,
        &["code", "group", "name", "kind", "max"],
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
    let mut text = String::from("unit");
    for c in &grid.criteria {
        text.push('\t');
        text.push_str(&c.code);
    }
    text.push('\n');
    for u in &grid.units {
        text.push_str(&u.name);
        for c in &grid.criteria {
            text.push('\t');
            let value =
                grid.cells
                    .get(&(u.unit_id, c.criterion_id))
                    .and_then(|&(s, a)| match which {
                        Which::SelfScore => s,
                        Which::Appraised => a,
                    });
            if let Some(v) = value {
                text.push_str(&v.to_string());
            }
        }
        text.push('\n');
    }
    std::fs::write(target, text).map_err(|e| StoreError::io(target, e))?;
    Ok(grid.units.len())
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
    let text = std::fs::read_to_string(source).map_err(|e| StoreError::io(source, e))?;
    let mut store = Store::open(file, Intent::Edit)?;
    let grid = open_grid(&store, model, year, m, lang)?;
    let mut problems = Vec::new();
    if grid.period.status != PeriodStatus::Draft {
        problems.push(match lang {
            Lang::Vi => format!(
                "Kỳ đã ở trạng thái \"{}\": không nhập được điểm",
                grid.period.status.label(lang)
            ),
            Lang::En => format!(
                "the period is {}: scores cannot be changed",
                grid.period.status.label(lang).to_lowercase()
            ),
        });
    }
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<&str> = lines
        .next()
        .map(|l| l.split('\t').collect())
        .unwrap_or_default();
    if header.first().map(|h| h.trim().to_lowercase()) != Some("unit".into()) {
        problems.push(
            lang.pick(
                "Dòng 1: ô đầu tiên phải là \"unit\"",
                "row 1: the first cell must be \"unit\"",
            )
            .to_string(),
        );
    }
    let mut columns = Vec::new();
    for (i, code) in header.iter().enumerate().skip(1) {
        match grid.criteria.iter().find(|c| c.code == code.trim()) {
            Some(c) => columns.push(c),
            None => problems.push(match lang {
                Lang::Vi => format!(
                    "Dòng 1, cột {}: không có tiêu chí mã \"{}\"",
                    i + 1,
                    code.trim()
                ),
                Lang::En => format!(
                    "row 1, column {}: no criterion with code \"{}\"",
                    i + 1,
                    code.trim()
                ),
            }),
        }
    }
    let mut cells = Vec::new();
    for (r, line) in lines.enumerate() {
        let row_number = r + 2;
        let fields: Vec<&str> = line.split('\t').collect();
        let name = fields.first().copied().unwrap_or("").trim();
        let Some(unit) = grid.units.iter().find(|u| same_name(&u.name, name)) else {
            problems.push(match lang {
                Lang::Vi => format!("Dòng {row_number}: không có đơn vị \"{name}\""),
                Lang::En => format!("row {row_number}: no unit \"{name}\""),
            });
            continue;
        };
        if fields.len() > header.len() {
            problems.push(match lang {
                Lang::Vi => format!(
                    "Dòng {row_number}: có {} ô, nhiều hơn dòng tiêu đề",
                    fields.len()
                ),
                Lang::En => format!(
                    "row {row_number}: {} cells, more than the header",
                    fields.len()
                ),
            });
        }
        for (i, criterion) in columns.iter().enumerate() {
            let raw = fields.get(i + 1).copied().unwrap_or("").trim();
            let value = if raw.is_empty() {
                None
            } else {
                match parse_raw(criterion, raw) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        problems.push(match lang {
                            Lang::Vi => format!(
                                "Dòng {row_number}, cột {} ({} / {}): {}",
                                i + 2,
                                unit.name,
                                criterion.code,
                                e.message(lang)
                            ),
                            Lang::En => format!(
                                "row {row_number}, column {} ({} / {}): {}",
                                i + 2,
                                unit.name,
                                criterion.code,
                                e.message(lang)
                            ),
                        });
                        continue;
                    }
                }
            };
            cells.push(CellValue {
                unit_id: unit.unit_id,
                criterion_id: criterion.criterion_id,
                value,
            });
        }
    }
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
        &crate::app::prefs::Prefs::default().audit_name(),
        chrono::Utc::now(),
        Origin::Do,
    )?;
    Ok(count)
}

#[derive(Serialize)]
struct ResultRow {
    rank: Option<u32>,
    unit: String,
    total: f64,
    pct_of_max: f64,
    band: Option<String>,
    passed: Option<bool>,
    missing: usize,
}

fn result_rows(grid: &Grid, list: &[UnitResult]) -> Vec<ResultRow> {
    let mut rows: Vec<ResultRow> = list
        .iter()
        .filter_map(|r| {
            let unit = grid.units.iter().find(|u| u.unit_id == r.unit_id)?;
            Some(ResultRow {
                rank: r.rank,
                unit: unit.name.clone(),
                total: (r.total * 100.0).round() / 100.0,
                pct_of_max: (r.pct_of_max * 100.0).round() / 100.0,
                band: r
                    .band
                    .and_then(|i| grid.bands.get(i))
                    .map(|b| b.name.clone()),
                passed: r.passed,
                missing: r.missing,
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
            result_rows(&grid, &list)
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
                format_number(r.total),
                format_number(r.pct_of_max),
                match (r.passed, &r.band) {
                    (Some(true), _) => lang.pick("Đạt", "Passed").into(),
                    (Some(false), _) => lang.pick("Không đạt", "Not passed").into(),
                    (None, Some(b)) => b.clone(),
                    (None, None) => String::new(),
                },
            ]
        })
        .collect();
    emit(
        out,
        format,
        &["rank", "unit", "total", "pct_of_max", "band"],
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
        return Ok(result_rows(&grid, &list));
    }
    let (units, months, bands) = crate::app::year::load_year(store, model, year)?;
    let mut rows: Vec<ResultRow> = year_results(
        &units.iter().map(|u| u.unit_id).collect::<Vec<_>>(),
        &months,
        &bands,
    )
    .into_iter()
    .filter(|r| r.rank.is_some())
    .map(|r| ResultRow {
        rank: r.rank,
        unit: units
            .iter()
            .find(|u| u.unit_id == r.unit_id)
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        total: (r.average.unwrap_or_default() * 100.0).round() / 100.0,
        pct_of_max: (r.average_pct.unwrap_or_default() * 100.0).round() / 100.0,
        band: r.band.and_then(|i| bands.get(i)).map(|b| b.name.clone()),
        passed: None,
        missing: 0,
    })
    .collect();
    rows.sort_by_key(|r| r.rank);
    Ok(rows)
}
