//! What every command shares: how a failure is told, output formats (table, CSV, JSON),
//! months and days as typed, and the escaping of what is printed for a person.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;

use crate::domain::deadline::parse_day;
use crate::domain::lang::Lang;
use crate::domain::text::escape_for_display;
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
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

/// What a column holds, so a table for a person writes it as the window does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Col {
    Text,
    /// Numbers written with a decimal point ("85.7", "85.7% (12/14)"): a decimal comma in a
    /// Vietnamese table.
    Number,
    /// Days written YYYY-MM-DD: dd/mm/yyyy in a table.
    Day,
}

/// The widest a table's cell is; longer ones are cut with "…".
const CELL_CHARS: usize = 70;

/// A cell as a person reads it in a table; CSV and JSON keep the machine form.
fn for_table(cell: &str, col: Col, lang: Lang) -> String {
    let shown = match col {
        Col::Number if lang == Lang::Vi => cell.replace('.', ","),
        Col::Day => NaiveDate::parse_from_str(cell, "%Y-%m-%d")
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|_| cell.to_string()),
        _ => cell.to_string(),
    };
    if shown.chars().count() > CELL_CHARS {
        shown.chars().take(CELL_CHARS - 1).collect::<String>() + "…"
    } else {
        shown
    }
}

/// Writes rows as a table, CSV or JSON. `cols` says what each column holds (missing ones are
/// text).
pub(crate) fn emit<T: Serialize>(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    header: &[&str],
    cols: &[Col],
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
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    r.iter()
                        .enumerate()
                        .map(|(i, c)| for_table(c, cols.get(i).copied().unwrap_or(Col::Text), lang))
                        .collect()
                })
                .collect();
            let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
            for r in &rows {
                for (i, cell) in r.iter().enumerate() {
                    if let Some(w) = widths.get_mut(i) {
                        *w = (*w).max(cell.chars().count());
                    }
                }
            }
            let line = |cells: Vec<&str>| {
                cells
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.chars().count()))))
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_string()
            };
            writeln!(out, "{}", line(header.to_vec()))?;
            for r in &rows {
                writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
            }
            Ok(())
        }
    }
}

/// `--as-of YYYY-MM-DD`, else today.
pub fn as_of(text: Option<&str>, lang: Lang) -> Result<NaiveDate, Failure> {
    match text {
        None => Ok(chrono::Local::now().date_naive()),
        Some(t) => parse_day(t).map_err(|e| Failure::Problems(vec![e.message(lang)])),
    }
}

pub(super) fn problem(text: String) -> Failure {
    Failure::Problems(vec![text])
}

/// The exit code of a command's result, and its failure told on `err`: a store error in one
/// line (with the way out when the file can be repaired), or each problem on its line.
pub(super) fn report(result: Result<(), Failure>, lang: Lang, err: &mut dyn Write) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Store(e)) => {
            let hint = if e.is_repairable() {
                match lang {
                    Lang::Vi => "; có thể tạo bản sạch: giaoban repair TỆP --out BẢN-SẠCH.db",
                    Lang::En => "; a clean copy can be made: giaoban repair FILE --out CLEAN.db",
                }
            } else {
                ""
            };
            let _ = writeln!(err, "giaoban: {}{hint}", e.message(lang));
            ExitCode::from(1)
        }
        Err(Failure::Problems(problems)) => {
            for p in problems {
                let _ = writeln!(err, "giaoban: {}", escape_for_display(&p));
            }
            ExitCode::from(1)
        }
    }
}

/// Text printed for a person, escaped line by line: control characters and direction marks
/// are shown as `\u{..}`, tabs between the columns of a table are kept.
pub(super) fn for_person(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .split_inclusive('\n')
        .map(|line| {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            let shown = body
                .split('\t')
                .map(|cell| escape_for_display(cell).into_owned())
                .collect::<Vec<_>>()
                .join("\t");
            format!("{shown}{end}")
        })
        .collect()
}
