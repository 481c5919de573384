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
use crate::domain::scoring::Band;
use crate::domain::sheet::{read_grid_rows, write_grid};
use crate::export::{book_read, book_write};
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
    let value = |u: &crate::domain::org::Unit, c: &crate::domain::scoring::Criterion| {
        grid.cells
            .get(&(u.unit_id, c.criterion_id))
            .and_then(|&(s, a)| match which {
                Which::SelfScore => s,
                Which::Appraised => a,
            })
    };
    let ext = target
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" => {
            let title = format!("{} — {}", grid.model.name, month);
            book_write::grid_xlsx(&grid.units, &grid.criteria, value, &title, target)?;
        }
        "ods" | "xls" | "xlsm" => {
            return Err(Failure::Problems(vec![match lang {
                Lang::Vi => format!(
                    "Chưa ghi được tệp .{ext}: hãy xuất .xlsx (LibreOffice và Excel đều mở được)"
                ),
                Lang::En => format!(
                    "cannot write .{ext} files: export .xlsx (LibreOffice and Excel open it)"
                ),
            }]));
        }
        "csv" => {
            let text = write_grid(&grid.units, &grid.criteria, value);
            let mut writer = csv::Writer::from_writer(Vec::new());
            for line in text.lines() {
                writer
                    .write_record(line.split('\t'))
                    .map_err(|_| StoreError::Internal("csv"))?;
            }
            let bytes = writer
                .into_inner()
                .map_err(|_| StoreError::Internal("csv"))?;
            crate::export::write_atomically(target, &bytes)?;
        }
        _ => {
            let text = write_grid(&grid.units, &grid.criteria, value);
            crate::export::write_atomically(target, text.as_bytes())?;
        }
    }
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
    let table = book_read::read_table(source, book_write::GRID_SHEET).map_err(|p| {
        Failure::Problems(vec![match p {
            book_read::BookProblem::Sheet(_) => p.message(lang),
            _ => format!("{}: {}", source.display(), p.message(lang)),
        }])
    })?;
    let mut store = Store::open(file, Intent::Edit)?;
    let grid = open_grid(&store, model, year, m, lang)?;
    let mut problems = Vec::new();
    if let Err(e) = check_editable(grid.period.status) {
        problems.push(e.message(lang));
    }
    let cells = match read_grid_rows(&table.rows(), &grid.units, &grid.criteria) {
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

/// The rows of `results`, each row as a person reads it, and the bands.
type Published = (Vec<ResultRow>, Vec<Vec<String>>, Vec<Band>);

/// The rows of `results`, and each row's last column as a person reads it.
fn results_rows(
    store: &Store,
    model: &str,
    month: Option<&str>,
    year: Option<i32>,
    lang: Lang,
) -> Result<Published, Failure> {
    let (rows, bands) = match (month, year) {
        (Some(month), _) => {
            let (y, m) = parse_period(month, lang)?;
            let grid = open_grid(store, model, y, m, lang)?;
            let list = grid.results(Which::Appraised);
            (result_rows(&grid, &list, lang), grid.bands.clone())
        }
        (None, Some(y)) => year_rows(store, model, y, lang)?,
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
    Ok((rows, table, bands))
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
    let (rows, table, _) = results_rows(&store, model, month, year, lang)?;
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

/// `results --out FILE`: the results as the committee publishes them, by the file's
/// extension: a workbook with its chart, an A4 PDF, one HTML file, or CSV.
pub fn publish(
    file: &Path,
    model: &str,
    month: Option<&str>,
    year: Option<i32>,
    target: &Path,
    lang: Lang,
) -> Result<(), Failure> {
    use crate::export::book_write::{ResultLine, ResultsHead};
    use crate::export::results_publish::{results_html, results_pdf};
    let ext = target
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if !["xlsx", "pdf", "html", "htm", "csv"].contains(&ext.as_str()) {
        return Err(Failure::Problems(vec![match lang {
            Lang::Vi => {
                format!("Tên tệp phải có đuôi .xlsx, .pdf, .html hoặc .csv (không phải \"{ext}\")")
            }
            Lang::En => {
                format!("the file name must end in .xlsx, .pdf, .html or .csv (not \"{ext}\")")
            }
        }]));
    }
    let store = Store::open(file, Intent::Inspect)?;
    if ext == "csv" {
        let mut bytes = Vec::new();
        results_cmd(file, model, month, year, Format::Csv, lang, &mut bytes)?;
        crate::export::write_atomically(target, &bytes)?;
        return Ok(());
    }
    let (rows, table, bands) = results_rows(&store, model, month, year, lang)?;
    let lines: Vec<ResultLine> = rows
        .iter()
        .zip(&table)
        .map(|(r, t)| ResultLine {
            rank: r.rank,
            unit: r.unit.clone(),
            total: r.total,
            pct: r.pct_of_max,
            band: t.get(4).cloned().unwrap_or_default(),
        })
        .collect();
    // A month not yet finalized is published as a draft, and says so.
    let draft = match month {
        Some(month) => {
            let (y, m) = parse_period(month, lang)?;
            store
                .find_period(model, y, m)?
                .is_some_and(|p| p.status == crate::domain::scoring::PeriodStatus::Draft)
        }
        None => false,
    };
    let model_name = store
        .models()?
        .into_iter()
        .find(|m| m.slug == model)
        .map_or_else(|| model.to_string(), |m| m.name);
    let (y, m) = match (month, year) {
        (Some(month), _) => parse_period(month, lang)?,
        (None, y) => (y.unwrap_or_default(), 0),
    };
    let when = match (m, lang) {
        (0, Lang::Vi) => format!("năm {y}"),
        (0, Lang::En) => format!("{y}"),
        (m, Lang::Vi) => format!("tháng {m:02}/{y}"),
        (m, Lang::En) => format!("{m:02}/{y}"),
    };
    let body = store.body()?.name;
    let head = ResultsHead {
        title: match (lang, draft) {
            (Lang::Vi, false) => format!("Kết quả đánh giá {when}"),
            (Lang::Vi, true) => format!("Kết quả đánh giá {when} (dự thảo, kỳ chưa chốt)"),
            (Lang::En, false) => format!("Results of {when}"),
            (Lang::En, true) => format!("Results of {when} (draft: not finalized)"),
        },
        subtitle: format!("{model_name} — {body}"),
        lang,
    };
    if ext == "xlsx" {
        crate::export::book_write::results_xlsx(&head, &lines, &bands, target)?;
        return Ok(());
    }
    let mut spec = crate::domain::chart::ChartSpec::new(crate::domain::chart::ChartKind::Ranking);
    spec.model = Some(model.to_string());
    spec.year = Some(y);
    spec.month = (m > 0).then_some(m);
    let today = chrono::Local::now().date_naive();
    let footer = match lang {
        Lang::Vi => format!("Ngày xuất {}", crate::domain::deadline::display_day(today)),
        Lang::En => format!("Exported {}", crate::domain::deadline::display_day(today)),
    };
    let frame = crate::charts::deck::frame(&store, &spec, "", footer, today, lang)?;
    let size = (1600, 1200);
    let svg = crate::charts::render_svg(&frame, size.0, size.1)
        .map_err(|_| StoreError::Internal("chart"))?;
    let bytes = if ext == "pdf" {
        results_pdf(&head, &lines, &bands, Some((&svg, size)))
            .map_err(|_| StoreError::Internal("pdf"))?
    } else {
        results_html(&head, &lines, &bands, Some(&svg)).into_bytes()
    };
    crate::export::write_atomically(target, &bytes)?;
    Ok(())
}

/// The year's result of each unit: the average of its complete monthly totals, ranked, with
/// the band of the average percentage. For a yearly model, the year's period.
fn year_rows(
    store: &Store,
    model: &str,
    year: i32,
    lang: Lang,
) -> Result<(Vec<ResultRow>, Vec<Band>), Failure> {
    if store.find_period(model, year, 0)?.is_some() {
        let grid = open_grid(store, model, year, 0, lang)?;
        let list = grid.results(Which::Appraised);
        return Ok((result_rows(&grid, &list, lang), grid.bands.clone()));
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
    Ok((rows, bands))
}
