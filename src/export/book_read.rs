//! Workbooks as people send them back (.xlsx, .xlsm, .xls, .ods, read by calamine), and the
//! text files beside them (.tsv, .txt, .csv): one sheet's cells as rows of text, for the
//! rules of [`crate::domain::sheet`]. Any file may be hostile: its size, what its zip parts
//! unpack to, its rows and its formulas are checked before a cell is believed.

use std::io::Read;
use std::path::Path;

use calamine::{Data, DataRef, Reader, Xlsx, open_workbook_auto};

use crate::domain::lang::Lang;
use crate::domain::sheet::{MAX_LINE_BYTES, MAX_ROWS, Row, SheetProblem};

/// The largest workbook read: a month of 3,300 units × 60 criteria is about 3 MB.
pub const MAX_BOOK_BYTES: u64 = 32 * 1024 * 1024;

/// The most a workbook's parts may unpack to, all together (a zip bomb is refused here).
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// How a file of cells is read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookKind {
    /// .xlsx, .xlsm: streamed.
    Xlsx,
    /// .xls, .ods: read whole (after the size checks).
    Other,
    /// .csv: comma- or semicolon-separated UTF-8 text.
    Csv,
    /// Anything else: tab-separated text.
    Text,
}

impl BookKind {
    pub fn of(path: &Path) -> BookKind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "xlsx" | "xlsm" => BookKind::Xlsx,
            "xls" | "ods" => BookKind::Other,
            "csv" => BookKind::Csv,
            _ => BookKind::Text,
        }
    }

    /// A workbook, not text.
    pub fn is_book(self) -> bool {
        matches!(self, BookKind::Xlsx | BookKind::Other)
    }
}

/// Why a file of cells cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum BookProblem {
    /// There is no such file.
    Missing,
    /// The file cannot be opened or read (a folder, no permission).
    Unreadable,
    /// A workbook (a zip) under a text file's name.
    BookAsText,
    /// More cells, or longer text, than any grid or form holds.
    TooMuchText,
    /// Not a workbook of the kind its name says, or a damaged one.
    NotABook,
    TooLarge {
        bytes: u64,
    },
    /// Its parts unpack to more than [`MAX_UNPACKED_BYTES`].
    Unpacks,
    /// The sheet the program wrote is not there (renamed or removed).
    NoSheet {
        wanted: String,
        found: Vec<String>,
    },
    /// A cell holds a formula: only values are read.
    Formula {
        line: usize,
        column: usize,
    },
    Sheet(SheetProblem),
}

impl BookProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BookProblem::Missing, Lang::Vi) => "Không có tệp này".into(),
            (BookProblem::Missing, Lang::En) => "there is no such file".into(),
            (BookProblem::Unreadable, Lang::Vi) => {
                "Không đọc được tệp (không phải tệp thông thường, hoặc không có quyền đọc)".into()
            }
            (BookProblem::Unreadable, Lang::En) => {
                "the file cannot be read (not a regular file, or no permission to read it)".into()
            }
            (BookProblem::BookAsText, Lang::Vi) => {
                "Tệp là bảng tính (.xlsx) nhưng mang đuôi khác: hãy đặt lại đuôi .xlsx".into()
            }
            (BookProblem::BookAsText, Lang::En) => {
                "the file is a spreadsheet (.xlsx) under another extension: name it .xlsx".into()
            }
            (BookProblem::TooMuchText, Lang::Vi) => {
                "Bảng tính có quá nhiều ô hoặc chữ (quá 16 MB): không phải bảng điểm hay phiếu tự chấm".into()
            }
            (BookProblem::TooMuchText, Lang::En) => {
                "the spreadsheet holds too many cells or too much text (over 16 MB): not a grid or a form".into()
            }
            (BookProblem::NotABook, Lang::Vi) => {
                "Tệp không phải bảng tính đọc được (hỏng, hoặc phần mở rộng không đúng loại tệp)"
                    .into()
            }
            (BookProblem::NotABook, Lang::En) => {
                "the file is not a readable spreadsheet (damaged, or its extension is not its kind)"
                    .into()
            }
            (BookProblem::TooLarge { bytes }, Lang::Vi) => format!(
                "Bảng tính quá lớn ({} MB, tối đa {} MB)",
                bytes / 1_048_576,
                MAX_BOOK_BYTES / 1_048_576
            ),
            (BookProblem::TooLarge { bytes }, Lang::En) => format!(
                "the spreadsheet is too large ({} MB, at most {} MB)",
                bytes / 1_048_576,
                MAX_BOOK_BYTES / 1_048_576
            ),
            (BookProblem::Unpacks, Lang::Vi) => {
                "Bảng tính giải nén ra quá lớn: không phải bảng điểm (có thể là tệp độc hại)".into()
            }
            (BookProblem::Unpacks, Lang::En) => {
                "the spreadsheet unpacks to too much: not a grid of scores (it may be hostile)"
                    .into()
            }
            (BookProblem::NoSheet { found, .. }, Lang::Vi)
                if found.iter().any(|f| f == super::ward_form::FORM_SHEET) =>
            {
                "Đây là phiếu tự chấm: hãy nhập bằng \"Nhập bản trả về…\" (giaoban merge)".into()
            }
            (BookProblem::NoSheet { found, .. }, Lang::En)
                if found.iter().any(|f| f == super::ward_form::FORM_SHEET) =>
            {
                "this is a self-assessment form: bring it in with \"Bring in a returned form…\" (giaoban merge)".into()
            }
            (BookProblem::NoSheet { wanted, found }, Lang::Vi) => format!(
                "Không có trang tính \"{wanted}\" (có: {}): đừng đổi tên trang tính",
                found.join(", ")
            ),
            (BookProblem::NoSheet { wanted, found }, Lang::En) => format!(
                "no sheet \"{wanted}\" (found: {}): do not rename the sheet",
                found.join(", ")
            ),
            (BookProblem::Formula { line, column }, Lang::Vi) => format!(
                "Dòng {line}, cột {column}: ô có công thức; hãy dán giá trị (Dán đặc biệt → Giá trị)"
            ),
            (BookProblem::Formula { line, column }, Lang::En) => format!(
                "row {line}, column {column}: the cell holds a formula; paste values instead (Paste Special → Values)"
            ),
            (BookProblem::Sheet(p), lang) => p.message(lang),
        }
    }
}

impl From<SheetProblem> for BookProblem {
    fn from(p: SheetProblem) -> Self {
        BookProblem::Sheet(p)
    }
}

/// One sheet's cells as text: (line from 1, cells).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub lines: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// The rows for [`crate::domain::sheet`], borrowing this table's text.
    pub fn rows(&self) -> Vec<Row<'_>> {
        self.lines
            .iter()
            .map(|(line, cells)| Row {
                line: *line,
                cells: cells.iter().map(|c| c.trim()).collect(),
            })
            .collect()
    }
}

/// The cells of `path`: the sheet named `sheet` of a workbook, or the text.
pub fn read_table(path: &Path, sheet: &str) -> Result<Table, BookProblem> {
    let kind = BookKind::of(path);
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => BookProblem::Missing,
        _ => BookProblem::Unreadable,
    })?;
    if !meta.is_file() {
        return Err(BookProblem::Unreadable);
    }
    let bytes = meta.len();
    if kind.is_book() && bytes > MAX_BOOK_BYTES {
        return Err(BookProblem::TooLarge { bytes });
    }
    if !kind.is_book() && bytes > crate::domain::sheet::MAX_TEXT_BYTES {
        return Err(SheetProblem::TooLarge { bytes }.into());
    }
    match kind {
        BookKind::Xlsx => read_xlsx(path, sheet),
        BookKind::Other => read_other(path, sheet),
        BookKind::Csv | BookKind::Text => {
            let text = read_text(path)?;
            Ok(text_table(&text, kind == BookKind::Csv)?)
        }
    }
}

/// A text file as people save it, never more of it than [`crate::domain::sheet::MAX_TEXT_BYTES`]:
/// a file that never ends (`/dev/zero`) is refused once the limit is read.
pub fn read_text(path: &Path) -> Result<String, BookProblem> {
    let limit = crate::domain::sheet::MAX_TEXT_BYTES;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|_| BookProblem::Unreadable)?;
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(BookProblem::BookAsText);
    }
    Ok(crate::domain::sheet::decode(&bytes)?)
}

/// Text as a table: tab-separated, or for a .csv comma- or semicolon-separated (Excel in
/// Vietnamese saves ";" since its decimal separator is ",").
fn text_table(text: &str, csv: bool) -> Result<Table, SheetProblem> {
    let rows = crate::domain::sheet::grid_rows(text)?;
    if !csv {
        return Ok(Table {
            lines: rows
                .iter()
                .map(|r| (r.line, r.cells.iter().map(|c| c.to_string()).collect()))
                .collect(),
        });
    }
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') {
        b'\t'
    } else if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| SheetProblem::NotUtf8)?;
        let line = record
            .position()
            .map_or(lines.len() + 1, |p| p.line() as usize);
        lines.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok(Table { lines })
}

/// Refuses a zip (.xlsx, .ods) whose parts unpack to more than [`MAX_UNPACKED_BYTES`].
fn check_unpacked(path: &Path) -> Result<(), BookProblem> {
    let file = std::fs::File::open(path).map_err(|_| BookProblem::Unreadable)?;
    let mut zip = zip::ZipArchive::new(file).map_err(|_| BookProblem::NotABook)?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| BookProblem::NotABook)?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(BookProblem::Unpacks);
    }
    Ok(())
}

/// The text of a cell value: numbers as Rust writes them ("0.875"), which the score reader
/// takes; an error value or a date as it reads, which it refuses.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Int(i) => i.to_string(),
        // To the millionth, as scores are kept: Excel's 3.5000000000000004 is 3.5.
        DataRef::Float(f) => {
            crate::domain::points::from_micro(crate::domain::points::micro(*f)).to_string()
        }
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => s.to_string(),
        // A tick box reads as yes/no, which a criterion of points refuses.
        DataRef::Bool(b) => if *b { "có" } else { "không" }.into(),
        // A date is not a score: as people read it, which the score reader refuses.
        DataRef::DateTime(d) => chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::days(d.as_f64() as i64)))
            .map(|day| day.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|| d.as_f64().to_string()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// The sheet named `wanted` among a workbook's `names` (any case, form or spacing).
fn find_sheet(names: Vec<String>, wanted: &str) -> Result<String, BookProblem> {
    names
        .iter()
        .find(|n| crate::domain::text::same_name(n, wanted))
        .cloned()
        .ok_or_else(|| BookProblem::NoSheet {
            wanted: wanted.to_string(),
            found: names,
        })
}

/// The longest cell read: a name, a score, a note of 2,000 letters.
const MAX_CELL_BYTES: usize = 8 * 1024;

/// A sheet's cells as they are read, refused as soon as it is taller, wider or holds more
/// text than a grid or a form can.
#[derive(Default)]
struct Builder {
    lines: Vec<(usize, Vec<String>)>,
    bytes: usize,
}

impl Builder {
    fn place(&mut self, (row, col): (u32, u32), text: String) -> Result<(), BookProblem> {
        let (row, col) = (row as usize, col as usize);
        if row >= MAX_ROWS {
            return Err(SheetProblem::TooManyRows.into());
        }
        if col >= 1024 || text.len() > MAX_CELL_BYTES {
            return Err(SheetProblem::LineTooLong { line: row + 1 }.into());
        }
        if text.is_empty() {
            return Ok(());
        }
        self.bytes += text.len();
        if self.bytes as u64 > crate::domain::sheet::MAX_TEXT_BYTES {
            return Err(BookProblem::TooMuchText);
        }
        while self.lines.len() <= row {
            let line = self.lines.len() + 1;
            self.lines.push((line, Vec::new()));
        }
        let cells = &mut self.lines[row].1;
        if cells.len() <= col {
            cells.resize(col + 1, String::new());
        }
        let length: usize = cells.iter().map(String::len).sum::<usize>() + text.len();
        if length > MAX_LINE_BYTES {
            return Err(SheetProblem::LineTooLong { line: row + 1 }.into());
        }
        cells[col] = text;
        Ok(())
    }

    fn table(self) -> Table {
        Table { lines: self.lines }
    }
}

/// Refuses an .ods whose rows and cells, repeated as the format allows, would be more cells
/// with a value than any grid (a few hundred bytes can ask for millions), before calamine
/// builds them.
fn check_ods_cells(path: &Path) -> Result<(), BookProblem> {
    use quick_xml::events::Event;
    const MAX_CELLS: u64 = (MAX_ROWS as u64) * 256;
    let file = std::fs::File::open(path).map_err(|_| BookProblem::Unreadable)?;
    let mut zip = zip::ZipArchive::new(file).map_err(|_| BookProblem::NotABook)?;
    let part = zip
        .by_name("content.xml")
        .map_err(|_| BookProblem::NotABook)?;
    let mut reader =
        quick_xml::Reader::from_reader(std::io::BufReader::new(part.take(MAX_UNPACKED_BYTES)));
    let repeat = |e: &quick_xml::events::BytesStart, name: &str| -> u64 {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()?
                    .parse()
                    .ok()
            })
            .unwrap_or(1)
    };
    let (mut rows, mut cells, mut total) = (1u64, 0u64, 0u64);
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| BookProblem::NotABook)?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "table-row" => {
                    rows = repeat(&e, "table:number-rows-repeated");
                    cells = 0;
                }
                "table-cell"
                    if e.try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some() =>
                {
                    cells = cells.saturating_add(repeat(&e, "table:number-columns-repeated"));
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "table-row" => {
                total = total.saturating_add(rows.saturating_mul(cells));
                if total > MAX_CELLS {
                    return Err(BookProblem::TooMuchText);
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

fn read_xlsx(path: &Path, sheet: &str) -> Result<Table, BookProblem> {
    check_unpacked(path)?;
    let file = std::fs::File::open(path).map_err(|_| BookProblem::Unreadable)?;
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::BufReader::new(file)).map_err(|_| BookProblem::NotABook)?;
    let name = find_sheet(book.sheet_names(), sheet)?;
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|_| BookProblem::NotABook)?;
    let mut lines = Builder::default();
    while let Some(cell) = reader
        .next_cell_with_formula()
        .map_err(|_| BookProblem::NotABook)?
    {
        let (row, col) = cell.pos;
        if cell.formula.as_deref().is_some_and(|f| !f.is_empty()) {
            return Err(BookProblem::Formula {
                line: row as usize + 1,
                column: col as usize + 1,
            });
        }
        lines.place(cell.pos, cell_text(&cell.value))?;
    }
    Ok(lines.table())
}

fn read_other(path: &Path, sheet: &str) -> Result<Table, BookProblem> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ods"))
    {
        check_unpacked(path)?;
        check_ods_cells(path)?;
    }
    let mut book = open_workbook_auto(path).map_err(|_| BookProblem::NotABook)?;
    let name = find_sheet(book.sheet_names(), sheet)?;
    let range = book
        .worksheet_range(&name)
        .map_err(|_| BookProblem::NotABook)?;
    if let Ok(formulas) = book.worksheet_formula(&name)
        && let Some(cell) = formulas.used_cells().find(|(_, _, f)| !f.is_empty())
    {
        let start = formulas.start().unwrap_or((0, 0));
        return Err(BookProblem::Formula {
            line: start.0 as usize + cell.0 + 1,
            column: start.1 as usize + cell.1 + 1,
        });
    }
    let start = range.start().unwrap_or((0, 0));
    let mut lines = Builder::default();
    for (r, c, value) in range.used_cells() {
        let value: DataRef<'_> = match value {
            Data::Int(i) => DataRef::Int(*i),
            Data::Float(f) => DataRef::Float(*f),
            Data::String(s) => DataRef::SharedString(s),
            Data::Bool(b) => DataRef::Bool(*b),
            Data::DateTime(d) => DataRef::DateTime(*d),
            Data::DateTimeIso(s) => DataRef::SharedString(s),
            Data::DurationIso(s) => DataRef::SharedString(s),
            Data::Error(e) => DataRef::Error(e.clone()),
            Data::Empty => DataRef::Empty,
        };
        lines.place((start.0 + r as u32, start.1 + c as u32), cell_text(&value))?;
    }
    Ok(lines.table())
}
