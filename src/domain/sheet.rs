//! Blocks of cells as spreadsheets copy and save them: rows of tab-separated cells. The one
//! reader of such text, for the grid's paste and `giaoban scores import`, and the one rule for
//! what a score cell in it means.

use super::edit::CellValue;
use super::lang::Lang;
use super::org::Unit;
use super::points::{ScoreError, parse_raw};
use super::scoring::Criterion;
use super::text::{NameIndex, NameLookup};

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

/// The rows of `text`: lines end at "\n", "\r\n" or a lone "\r" (old Mac and some Excel
/// saves; the last line's ending adds no row), cells are split at tabs, and a cell in double
/// quotes loses them. Empty cells at the end of a row are kept: a pasted block's trailing
/// tabs are cells that clear (the grid file reader passes over them, [`read_grid`]).
pub fn rows(text: &str) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut line = 0;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let (this, after) = rest.split_at(end);
        rest = after
            .strip_prefix("\r\n")
            .or_else(|| after.strip_prefix('\n'))
            .or_else(|| after.strip_prefix('\r'))
            .unwrap_or(after);
        line += 1;
        let cells: Vec<&str> = this.split('\t').map(|c| unquote(c.trim())).collect();
        out.push(Row { line, cells });
    }
    out
}

/// A cell without the double quotes around it (a unit's name or a number never holds one).
fn unquote(cell: &str) -> &str {
    cell.strip_prefix('"')
        .and_then(|c| c.strip_suffix('"'))
        .map(str::trim)
        .unwrap_or(cell)
}

/// The largest text file read as a block: a month of 3,300 units × 60 criteria as text is
/// about 2 MB.
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// The most rows a grid may have: the country's 3,300 units several times over.
pub const MAX_ROWS: usize = 20_000;

/// The longest line of a grid: 60 criteria take under 1 KB.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// [`rows`] of a file, refused when it has more rows or longer lines than a grid can.
pub fn grid_rows(text: &str) -> Result<Vec<Row<'_>>, SheetProblem> {
    let lines = text.split(['\n', '\r']).filter(|l| !l.is_empty());
    let mut count = 0;
    for (i, line) in lines.enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Err(SheetProblem::LineTooLong { line: i + 1 });
        }
        count += 1;
        if count > MAX_ROWS {
            return Err(SheetProblem::TooManyRows);
        }
    }
    Ok(rows(text))
}

/// The text of a file as people save it: UTF-8 with or without its BOM (Notepad writes one),
/// UTF-16 little- or big-endian with its BOM (Excel's "Unicode Text"). Anything else is
/// refused: most likely an "ANSI" save, which cannot be told apart reliably.
pub fn decode(bytes: &[u8]) -> Result<String, SheetProblem> {
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(SheetProblem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let utf16 = |little: bool| -> Result<String, SheetProblem> {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|pair| match (pair, little) {
                ([a, b], true) => u16::from_le_bytes([*a, *b]),
                ([a, b], false) => u16::from_be_bytes([*a, *b]),
                _ => 0xFFFD,
            })
            .collect();
        String::from_utf16(&units).map_err(|_| SheetProblem::NotUtf8)
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => {
            String::from_utf8(rest.to_vec()).map_err(|_| SheetProblem::NotUtf8)
        }
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        _ => String::from_utf8(bytes.to_vec()).map_err(|_| SheetProblem::NotUtf8),
    }
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
    /// Not UTF-8 or UTF-16 with a BOM.
    NotUtf8,
    TooLarge {
        bytes: u64,
    },
    TooManyRows,
    /// More problems than are worth listing.
    More {
        count: usize,
    },
    LineTooLong {
        line: usize,
    },
    /// A criterion's code in two columns.
    SameCode {
        code: String,
        first: usize,
        again: usize,
    },
    /// A unit in two rows.
    SameUnit {
        name: String,
        first: usize,
        again: usize,
    },
    FirstCellNotUnit,
    UnknownCode {
        column: usize,
        code: String,
    },
    UnknownUnit {
        line: usize,
        name: String,
        /// Names it may have meant, best first.
        suggest: Vec<String>,
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
            (SheetProblem::NotUtf8, Lang::Vi) => "Tệp không phải văn bản UTF-8: hãy lưu lại dưới dạng \"Văn bản Unicode\" hoặc \"CSV UTF-8\" (trong Notepad: Lưu với mã hóa UTF-8)".into(),
            (SheetProblem::NotUtf8, Lang::En) => "the file is not UTF-8 text: save it again as \"Unicode Text\" or \"CSV UTF-8\" (in Notepad: save with UTF-8 encoding)".into(),
            (SheetProblem::TooLarge { bytes }, Lang::Vi) => format!(
                "Tệp quá lớn ({} MB, tối đa {} MB) cho một bảng điểm",
                bytes / 1_048_576,
                MAX_TEXT_BYTES / 1_048_576
            ),
            (SheetProblem::TooLarge { bytes }, Lang::En) => format!(
                "the file is too large for a grid of scores ({} MB, at most {} MB)",
                bytes / 1_048_576,
                MAX_TEXT_BYTES / 1_048_576
            ),
            (SheetProblem::TooManyRows, Lang::Vi) => {
                "Tệp có hơn 20.000 dòng: không phải một bảng điểm".into()
            }
            (SheetProblem::TooManyRows, Lang::En) => {
                "the file has more than 20,000 rows: not a grid of scores".into()
            }
            (SheetProblem::More { count }, Lang::Vi) => format!("… và {count} lỗi khác"),
            (SheetProblem::More { count }, Lang::En) => format!("… and {count} more problems"),
            (SheetProblem::LineTooLong { line }, Lang::Vi) => {
                format!("Dòng {line} dài quá {} KB: không phải một bảng điểm", MAX_LINE_BYTES / 1024)
            }
            (SheetProblem::LineTooLong { line }, Lang::En) => format!(
                "row {line} is longer than {} KB: not a grid of scores",
                MAX_LINE_BYTES / 1024
            ),
            (SheetProblem::SameCode { code, first, again }, Lang::Vi) => {
                format!("Dòng 1: tiêu chí \"{code}\" có ở cả cột {first} và cột {again}")
            }
            (SheetProblem::SameCode { code, first, again }, Lang::En) => {
                format!("row 1: criterion \"{code}\" is in both column {first} and column {again}")
            }
            (SheetProblem::SameUnit { name, first, again }, Lang::Vi) => {
                format!("Đơn vị \"{name}\" có ở cả dòng {first} và dòng {again}")
            }
            (SheetProblem::SameUnit { name, first, again }, Lang::En) => {
                format!("unit \"{name}\" is in both row {first} and row {again}")
            }
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
            (
                SheetProblem::UnknownUnit {
                    line,
                    name,
                    suggest,
                },
                _,
            ) => {
                let quoted: Vec<String> = suggest.iter().map(|s| format!("\"{s}\"")).collect();
                let mut text = match lang {
                    Lang::Vi => format!("Dòng {line}: không có đơn vị \"{name}\""),
                    Lang::En => format!("row {line}: no unit \"{name}\""),
                };
                if !quoted.is_empty() {
                    text.push_str(&match lang {
                        Lang::Vi => format!("; có phải {}?", quoted.join(" hay ")),
                        Lang::En => format!("; did you mean {}?", quoted.join(" or ")),
                    });
                }
                text
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
    let all = grid_rows(text).map_err(|p| vec![p])?;
    read_grid_rows(&all, units, criteria)
}

/// [`read_grid`] on rows already read, from text or from a workbook's sheet.
pub fn read_grid_rows(
    all: &[Row<'_>],
    units: &[Unit],
    criteria: &[Criterion],
) -> Result<Vec<CellValue>, Vec<SheetProblem>> {
    let mut lines = all.iter().filter(|r| !r.is_blank());
    let mut problems = Vec::new();
    let header = lines.next();
    // Empty cells at the end of a row are the tabs a spreadsheet leaves: not columns.
    let filled = |r: &Row| {
        r.cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1)
    };
    let header_cells = header.map_or(0, filled);
    if header.map(|h| h.cell(0).to_lowercase()) != Some("unit".into()) {
        problems.push(SheetProblem::FirstCellNotUnit);
    }
    let mut columns: Vec<&Criterion> = Vec::new();
    for (i, code) in header
        .iter()
        .flat_map(|h| h.cells.iter().take(header_cells))
        .enumerate()
        .skip(1)
    {
        match criteria.iter().find(|c| c.code == *code) {
            Some(c) => {
                if let Some(first) = columns
                    .iter()
                    .position(|x| x.criterion_id == c.criterion_id)
                {
                    problems.push(SheetProblem::SameCode {
                        code: c.code.clone(),
                        first: first + 2,
                        again: i + 1,
                    });
                }
                columns.push(c);
            }
            None => problems.push(SheetProblem::UnknownCode {
                column: i + 1,
                code: super::text::shorten(code, 40),
            }),
        }
    }
    let mut cells = Vec::new();
    let mut seen: std::collections::HashMap<uuid::Uuid, usize> = std::collections::HashMap::new();
    let names = NameIndex::new(units.iter().map(|u| u.name.as_str()));
    for row in lines {
        let name = row.cell(0);
        let unit = match names.find(name) {
            NameLookup::Found(i) => &units[i],
            NameLookup::Unknown(close) => {
                problems.push(SheetProblem::UnknownUnit {
                    line: row.line,
                    name: super::text::shorten(name, 60),
                    suggest: close.iter().map(|&i| names.name(i).to_string()).collect(),
                });
                continue;
            }
        };
        if let Some(first) = seen.insert(unit.unit_id, row.line) {
            problems.push(SheetProblem::SameUnit {
                name: unit.name.clone(),
                first,
                again: row.line,
            });
            continue;
        }
        if filled(row) > header_cells {
            problems.push(SheetProblem::TooManyCells {
                line: row.line,
                cells: filled(row),
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
        if problems.len() > MAX_PROBLEMS {
            let count = problems.len() - MAX_PROBLEMS;
            problems.truncate(MAX_PROBLEMS);
            problems.push(SheetProblem::More { count });
        }
        Err(problems)
    }
}

/// The most problems listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 30;

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
    #[test]
    fn text_is_read_as_notepad_and_excel_save_it() {
        let plain = "unit\t1.1\r\nBồ Đề\t3\r\n";
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(plain.as_bytes());
        assert_eq!(decode(&bom).expect("bom"), plain);
        for little in [true, false] {
            let mut bytes = if little {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for unit in plain.encode_utf16() {
                bytes.extend(if little {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
            assert_eq!(decode(&bytes).expect("utf-16"), plain);
        }
        // "Bồ Đề" as Windows-1258 would save it: not UTF-8.
        assert_eq!(
            decode(b"unit\t1.1\nB\xd2 \xd0\xea\t3"),
            Err(SheetProblem::NotUtf8)
        );
        assert!(SheetProblem::NotUtf8.message(Lang::Vi).contains("UTF-8"));
        let rows = rows("unit\t\"1.1\"\r\"Bồ Đề\"\t3\rGia Thụy\t2");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].cells, vec!["unit", "1.1"]);
        assert_eq!(rows[1].cells, vec!["Bồ Đề", "3"]);
        assert_eq!(rows[2].line, 3);
    }

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
