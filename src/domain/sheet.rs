//! Blocks of cells as spreadsheets copy and save them: rows of tab-separated cells. The one
//! reader of such text, for the grid's paste and `giaoban scores import`, and the one rule for
//! what a score cell in it means.

use super::edit::CellValue;
use super::lang::Lang;
use super::org::Unit;
use super::points::{ScoreError, parse_raw};
use super::scoring::Criterion;
use super::text::same_name;

/// One line of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    /// Its line in the text, from 1, for messages ("Dòng 3").
    pub line: usize,
    /// Its cells, split at tabs, spaces around each trimmed.
    pub cells: Vec<&'a str>,
}

impl Row<'_> {
    /// A line with nothing but spaces and tabs.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.is_empty())
    }

    /// The cell at `index` (from 0), empty past the row's end.
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).copied().unwrap_or("")
    }
}

/// The rows of `text`: lines end at "\n" or "\r\n" (the last line's ending adds no row), cells
/// are split at tabs.
pub fn rows(text: &str) -> Vec<Row<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, line)| Row {
            line: i + 1,
            cells: line.split('\t').map(str::trim).collect(),
        })
        .collect()
}

/// What a cell of a block says for `criterion`: empty clears the score, anything else must be
/// a score the criterion takes (see [`parse_raw`]).
pub fn score_cell(criterion: &Criterion, cell: &str) -> Result<Option<f64>, ScoreError> {
    let cell = cell.trim();
    if cell.is_empty() {
        Ok(None)
    } else {
        parse_raw(criterion, cell).map(Some)
    }
}

/// What is wrong with a month's grid as text, one problem each.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetProblem {
    FirstCellNotUnit,
    UnknownCode {
        column: usize,
        code: String,
    },
    UnknownUnit {
        line: usize,
        name: String,
    },
    TooManyCells {
        line: usize,
        cells: usize,
    },
    BadCell {
        line: usize,
        column: usize,
        unit: String,
        code: String,
        error: ScoreError,
    },
}

impl SheetProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SheetProblem::FirstCellNotUnit, Lang::Vi) => {
                "Dòng 1: ô đầu tiên phải là \"unit\"".into()
            }
            (SheetProblem::FirstCellNotUnit, Lang::En) => {
                "row 1: the first cell must be \"unit\"".into()
            }
            (SheetProblem::UnknownCode { column, code }, Lang::Vi) => {
                format!("Dòng 1, cột {column}: không có tiêu chí mã \"{code}\"")
            }
            (SheetProblem::UnknownCode { column, code }, Lang::En) => {
                format!("row 1, column {column}: no criterion with code \"{code}\"")
            }
            (SheetProblem::UnknownUnit { line, name }, Lang::Vi) => {
                format!("Dòng {line}: không có đơn vị \"{name}\"")
            }
            (SheetProblem::UnknownUnit { line, name }, Lang::En) => {
                format!("row {line}: no unit \"{name}\"")
            }
            (SheetProblem::TooManyCells { line, cells }, Lang::Vi) => {
                format!("Dòng {line}: có {cells} ô, nhiều hơn dòng tiêu đề")
            }
            (SheetProblem::TooManyCells { line, cells }, Lang::En) => {
                format!("row {line}: {cells} cells, more than the header")
            }
            (
                SheetProblem::BadCell {
                    line,
                    column,
                    unit,
                    code,
                    error,
                },
                _,
            ) => format!(
                "{} {line}, {} {column} ({unit} / {code}): {}",
                lang.pick("Dòng", "row"),
                lang.pick("cột", "column"),
                error.message(lang)
            ),
        }
    }
}

/// A month's grid as `giaoban scores export` writes it and a spreadsheet saves it: a header
/// "unit" then criterion codes, then a row a unit (named as people write it). Every cell is
/// read; the cells, or every problem found.
pub fn read_grid(
    text: &str,
    units: &[Unit],
    criteria: &[Criterion],
) -> Result<Vec<CellValue>, Vec<SheetProblem>> {
    let all = rows(text);
    let mut lines = all.iter().filter(|r| !r.is_blank());
    let mut problems = Vec::new();
    let header = lines.next();
    let header_cells = header.map_or(0, |h| h.cells.len());
    if header.map(|h| h.cell(0).to_lowercase()) != Some("unit".into()) {
        problems.push(SheetProblem::FirstCellNotUnit);
    }
    let mut columns = Vec::new();
    for (i, code) in header
        .iter()
        .flat_map(|h| h.cells.iter())
        .enumerate()
        .skip(1)
    {
        match criteria.iter().find(|c| c.code == *code) {
            Some(c) => columns.push(c),
            None => problems.push(SheetProblem::UnknownCode {
                column: i + 1,
                code: (*code).to_string(),
            }),
        }
    }
    let mut cells = Vec::new();
    for row in lines {
        let name = row.cell(0);
        let Some(unit) = units.iter().find(|u| same_name(&u.name, name)) else {
            problems.push(SheetProblem::UnknownUnit {
                line: row.line,
                name: name.to_string(),
            });
            continue;
        };
        if row.cells.len() > header_cells {
            problems.push(SheetProblem::TooManyCells {
                line: row.line,
                cells: row.cells.len(),
            });
        }
        for (i, criterion) in columns.iter().enumerate() {
            match score_cell(criterion, row.cell(i + 1)) {
                Ok(value) => cells.push(CellValue {
                    unit_id: unit.unit_id,
                    criterion_id: criterion.criterion_id,
                    value,
                }),
                Err(error) => problems.push(SheetProblem::BadCell {
                    line: row.line,
                    column: i + 2,
                    unit: unit.name.clone(),
                    code: criterion.code.clone(),
                    error,
                }),
            }
        }
    }
    if problems.is_empty() {
        Ok(cells)
    } else {
        Err(problems)
    }
}

/// A month's grid as text for a spreadsheet: the header, then a row a unit; `value` gives a
/// cell's score (none is an empty cell).
pub fn write_grid(
    units: &[Unit],
    criteria: &[Criterion],
    value: impl Fn(&Unit, &Criterion) -> Option<f64>,
) -> String {
    let mut text = String::from("unit");
    for c in criteria {
        text.push('\t');
        text.push_str(&c.code);
    }
    text.push('\n');
    for u in units {
        text.push_str(&u.name);
        for c in criteria {
            text.push('\t');
            if let Some(v) = value(u, c) {
                text.push_str(&v.to_string());
            }
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_lines_and_cells_are_tab_separated() {
        let read = rows("unit\t1.1\t1.2\r\nBồ Đề\t 3 \t\n\nCự Khối\t4\t1\n");
        assert_eq!(read.len(), 4);
        assert_eq!(read[0].cells, ["unit", "1.1", "1.2"]);
        assert_eq!(read[1].cells, ["Bồ Đề", "3", ""]);
        assert!(read[2].is_blank());
        assert_eq!(
            (read[3].line, read[3].cell(2), read[3].cell(9)),
            (4, "1", "")
        );
        assert!(rows("").is_empty());
    }

    #[test]
    fn an_empty_cell_clears_and_a_bad_one_says_why() {
        let c = Criterion {
            criterion_id: uuid::Uuid::nil(),
            group_id: uuid::Uuid::nil(),
            code: "1.1".into(),
            name: "x".into(),
            guidance: String::new(),
            kind: crate::domain::scoring::CriterionKind::Points,
            max_points: 4.0,
            step: 0.5,
            rate_mode: None,
            thresholds: vec![],
            evidence_required: false,
            required_for_pass: false,
        };
        assert_eq!(score_cell(&c, "  "), Ok(None));
        assert_eq!(score_cell(&c, "2"), Ok(Some(2.0)));
        assert!(score_cell(&c, "nine").is_err());
    }
}
