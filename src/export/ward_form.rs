//! The ward's self-assessment form: one workbook per ward and month with its criteria, their
//! guidance, maximum and kind. Only the cells for the self-score, the evidence and an
//! explanation are open; everything else is protected, and each score cell takes only what
//! its criterion's kind allows. What the form belongs to (period, unit, set) is in the
//! workbook's custom properties, and what it said when sent is in hidden columns, so that it
//! comes back to the right place and a change made meanwhile in the working file shows as a
//! conflict.

use std::io::Read;
use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign,
    FormatBorder, ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use uuid::Uuid;

use super::book_read::{BookProblem, Table, read_table};
use super::book_write::{NUMBER_FORMAT, fault, header_format, properties};
use crate::domain::lang::Lang;
use crate::domain::merge::{FormRow, SentCell};
use crate::domain::scoring::{Criterion, CriterionKind};
use crate::store::StoreError;

/// The form's sheet: the reader looks for it by this name.
pub const FORM_SHEET: &str = "Phiếu tự chấm";

/// The row of the table's header (from 0) and the columns, in order.
const HEADER_ROW: u32 = 5;
const HEADERS: [&str; 11] = [
    "Mã",
    "Tiêu chí",
    "Hướng dẫn",
    "Loại",
    "Tối đa",
    "Tự chấm",
    "Minh chứng",
    "Giải thích",
    "Đã gửi: điểm",
    "Đã gửi: minh chứng",
    "Đã gửi: giải thích",
];

/// What a form belongs to, as its custom properties say.
#[derive(Debug, Clone, PartialEq)]
pub struct FormIdentity {
    /// This form's own identity: its copy as sent is kept under it beside the working file.
    pub form_id: Uuid,
    pub period_id: Uuid,
    pub unit_id: Uuid,
    pub set_id: Uuid,
    /// "2018-12", for people.
    pub month: String,
    pub unit_name: String,
}

/// What a form is made of.
pub struct FormContent<'a> {
    pub identity: FormIdentity,
    pub model_name: &'a str,
    pub criteria: &'a [Criterion],
    /// The working file's self-assessment of each criterion when the form is made.
    pub sent: &'a dyn Fn(&Criterion) -> SentCell,
    pub lang: Lang,
}

/// The file name of a ward's form: ASCII, after the ward and the month.
pub fn form_file_name(unit_name: &str, month: &str) -> String {
    format!(
        "Phieu-tu-cham-{}-{}.xlsx",
        crate::domain::text::file_stem(unit_name),
        month
    )
}

/// Writes the form to `out`.
pub fn write_form(form: &FormContent<'_>, out: &Path) -> Result<(), StoreError> {
    let mut book = Workbook::new();
    let id = &form.identity;
    let props = properties(
        &format!("Phiếu tự chấm {} {}", id.unit_name, id.month),
        &crate::host::user_name(),
    )
    .set_custom_property("giaoban.form", "1")
    .set_custom_property("giaoban.form_id", id.form_id.to_string().as_str())
    .set_custom_property("giaoban.period", id.period_id.to_string().as_str())
    .set_custom_property("giaoban.unit", id.unit_id.to_string().as_str())
    .set_custom_property("giaoban.set", id.set_id.to_string().as_str())
    .set_custom_property("giaoban.month", id.month.as_str())
    .set_custom_property("giaoban.unit_name", id.unit_name.as_str());
    book.set_properties(&props);
    let sheet = book.add_worksheet();
    form_sheet(sheet, form).map_err(fault)?;
    let bytes = book.save_to_buffer().map_err(fault)?;
    super::write_atomically(out, &bytes)
}

fn validation(c: &Criterion) -> Result<DataValidation, XlsxError> {
    let step = crate::domain::plan::format_number_in(c.step, Lang::Vi);
    let max = crate::domain::plan::format_number_in(c.max_points, Lang::Vi);
    let v = match c.kind {
        CriterionKind::YesNo => DataValidation::new()
            .allow_list_strings(&["có", "không"])?
            .set_input_message("Chọn có hoặc không")?,
        CriterionKind::Rate => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
            .set_input_message("Tỷ lệ %, từ 0 đến 100")?,
        CriterionKind::Count => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_input_message("Số lượng, từ 0")?,
        _ => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, c.max_points))
            .set_input_message(format!("Từ 0 đến {max}, bước {step}"))?,
    };
    v.set_input_title(c.code.as_str())?
        .set_error_title("Giá trị không hợp lệ")?
        .set_error_message(match c.kind {
            CriterionKind::YesNo => "Chỉ nhận: có, không".to_string(),
            CriterionKind::Rate => "Tỷ lệ phải từ 0 đến 100".to_string(),
            CriterionKind::Count => "Số lượng không âm".to_string(),
            _ => format!("Điểm phải từ 0 đến {max}"),
        })
        .map(|v| v.set_error_style(DataValidationErrorStyle::Stop))
}

fn form_sheet(sheet: &mut Worksheet, form: &FormContent<'_>) -> Result<(), XlsxError> {
    let id = &form.identity;
    sheet.set_name(FORM_SHEET)?;
    let bold = Format::new().set_bold().set_font_size(14);
    sheet.write_string_with_format(0, 0, "PHIẾU TỰ CHẤM ĐIỂM", &bold)?;
    sheet.write_string(
        1,
        0,
        format!("{} — tháng {}", form.model_name, month_vi(&id.month)),
    )?;
    sheet.write_string_with_format(
        2,
        0,
        format!("Đơn vị: {}", id.unit_name),
        &Format::new().set_bold(),
    )?;
    sheet.write_string(
        3,
        0,
        "Điền các cột Tự chấm, Minh chứng và Giải thích; các ô khác đã khoá. \
         Gửi lại đúng tệp này (có thể đổi tên tệp, không đổi tên trang tính).",
    )?;
    let header = header_format();
    for (j, h) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, j as u16, *h, &header)?;
    }
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let open = Format::new()
        .set_unlocked()
        .set_background_color(rust_xlsxwriter::Color::RGB(0xFFF8D6))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let open_number = open.clone().set_num_format(NUMBER_FORMAT);
    // Text, so that "12/2018" typed as evidence stays what was typed, not a date.
    let open_text = open.clone().set_text_wrap().set_num_format("@");
    let number = Format::new()
        .set_num_format(NUMBER_FORMAT)
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    for (i, c) in form.criteria.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let sent = (form.sent)(c);
        sheet.write_string_with_format(row, 0, &c.code, &wrap)?;
        sheet.write_string_with_format(row, 1, &c.name, &wrap)?;
        sheet.write_string_with_format(row, 2, &c.guidance, &wrap)?;
        sheet.write_string_with_format(row, 3, c.kind.label(Lang::Vi), &wrap)?;
        sheet.write_number_with_format(row, 4, c.max_points, &number)?;
        match (c.kind, sent.value) {
            (CriterionKind::YesNo, Some(v)) => sheet.write_string_with_format(
                row,
                5,
                if v > 0.5 { "có" } else { "không" },
                &open,
            )?,
            (_, Some(v)) => sheet.write_number_with_format(row, 5, v, &open_number)?,
            (_, None) => sheet.write_blank(row, 5, &open)?,
        };
        sheet.write_string_with_format(row, 6, &sent.evidence, &open_text)?;
        sheet.write_string_with_format(row, 7, &sent.note, &open_text)?;
        if let Some(v) = sent.value {
            sheet.write_number(row, 8, v)?;
        }
        sheet.write_string(row, 9, &sent.evidence)?;
        sheet.write_string(row, 10, &sent.note)?;
        sheet.add_data_validation(row, 5, row, 5, &validation(c)?)?;
        // Wrapped text needs its height: a spreadsheet does not grow a row written this way.
        let lines = [&c.name, &c.guidance, &sent.evidence, &sent.note]
            .iter()
            .map(|t| t.chars().count().div_ceil(38))
            .max()
            .unwrap_or(1)
            .clamp(1, 12);
        sheet.set_row_height(row, 15 * lines as u32)?;
    }
    for (col, width) in [
        (0, 6.0),
        (1, 40.0),
        (2, 40.0),
        (3, 11.0),
        (4, 7.0),
        (5, 9.0),
        (6, 28.0),
        (7, 28.0),
    ] {
        sheet.set_column_width(col, width)?;
    }
    for col in 8..=10 {
        sheet.set_column_hidden(col)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 2)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: false,
        format_rows: true,
        ..ProtectionOptions::default()
    });
    Ok(())
}

/// "2018-12" → "12/2018".
fn month_vi(month: &str) -> String {
    match month.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => month.to_string(),
    }
}

/// The custom properties of a workbook, name → text: docProps/custom.xml in an .xlsx, the
/// user-defined fields of meta.xml in an .ods (where LibreOffice keeps them).
fn custom_properties(path: &Path) -> Result<Vec<(String, String)>, BookProblem> {
    use quick_xml::events::Event;
    let file = std::fs::File::open(path).map_err(|_| BookProblem::Unreadable)?;
    let mut zip = zip::ZipArchive::new(file).map_err(|_| BookProblem::NotABook)?;
    let (part, element, attribute) = if zip.index_for_name("docProps/custom.xml").is_some() {
        ("docProps/custom.xml", "property", "name")
    } else {
        ("meta.xml", "user-defined", "meta:name")
    };
    let Ok(part) = zip.by_name(part) else {
        return Ok(Vec::new());
    };
    let mut xml = String::new();
    part.take(1024 * 1024)
        .read_to_string(&mut xml)
        .map_err(|_| BookProblem::NotABook)?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut name: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == element => {
                name = e.try_get_attribute(attribute).ok().flatten().and_then(|a| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .ok()
                        .map(|v| v.into_owned())
                });
            }
            Ok(Event::Text(t)) => {
                if let Some(n) = name.take() {
                    let raw = t.xml10_content();
                    let text = quick_xml::escape::unescape(&raw)
                        .map(|t| t.into_owned())
                        .unwrap_or_else(|_| raw.into_owned());
                    out.push((n, text));
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == element => name = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Why a returned form cannot be read as one.
#[derive(Debug, Clone, PartialEq)]
pub enum FormProblem {
    Book(BookProblem),
    /// No giaoban properties: not a form the program made (or they were removed).
    NotAForm,
    /// The table's header is not where the program wrote it.
    NoTable,
}

impl FormProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FormProblem::Book(b), lang) => b.message(lang),
            (FormProblem::NotAForm, Lang::Vi) => "Tệp không phải phiếu tự chấm do chương trình tạo (không có thông tin kỳ và đơn vị của phiếu)".into(),
            (FormProblem::NotAForm, Lang::En) => "the file is not a self-assessment form made by the program (it does not say its period and unit)".into(),
            (FormProblem::NoTable, Lang::Vi) => "Không thấy bảng tiêu chí của phiếu (dòng tiêu đề \"Mã\" … \"Tự chấm\")".into(),
            (FormProblem::NoTable, Lang::En) => "the form's table of criteria is missing (its header \"Mã\" … \"Tự chấm\")".into(),
        }
    }
}

impl From<BookProblem> for FormProblem {
    fn from(b: BookProblem) -> Self {
        FormProblem::Book(b)
    }
}

/// A returned form: what it belongs to, and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnedForm {
    pub identity: FormIdentity,
    pub rows: Vec<FormRow>,
}

/// Reads a returned form: the checks of any workbook first (size, what it unpacks to, no
/// formulas, the sheet by its name), then its properties and its table.
pub fn read_form(path: &Path) -> Result<ReturnedForm, FormProblem> {
    let table = read_table(path, FORM_SHEET)?;
    let props = custom_properties(path)?;
    let prop = |name: &str| {
        props
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_string())
    };
    let uuid = |name: &str| prop(name).and_then(|v| Uuid::parse_str(&v).ok());
    let (Some(period_id), Some(unit_id), Some(set_id)) = (
        uuid("giaoban.period"),
        uuid("giaoban.unit"),
        uuid("giaoban.set"),
    ) else {
        return Err(FormProblem::NotAForm);
    };
    let identity = FormIdentity {
        form_id: uuid("giaoban.form_id").unwrap_or_else(Uuid::nil),
        period_id,
        unit_id,
        set_id,
        month: prop("giaoban.month").unwrap_or_default(),
        unit_name: prop("giaoban.unit_name").unwrap_or_default(),
    };
    Ok(ReturnedForm {
        identity,
        rows: form_rows(&table)?,
    })
}

fn form_rows(table: &Table) -> Result<Vec<FormRow>, FormProblem> {
    let header_at = table
        .lines
        .iter()
        .position(|(_, cells)| {
            cells.first().map(|c| c.trim()) == Some(HEADERS[0])
                && cells.get(5).map(|c| c.trim()) == Some(HEADERS[5])
        })
        .ok_or(FormProblem::NoTable)?;
    let columns: Vec<Option<usize>> = HEADERS
        .iter()
        .map(|h| table.lines[header_at].1.iter().position(|c| c.trim() == *h))
        .collect();
    let cell = |cells: &[String], col: usize| -> String {
        columns
            .get(col)
            .copied()
            .flatten()
            .and_then(|i| cells.get(i))
            .map(|c| c.trim().to_string())
            .unwrap_or_default()
    };
    Ok(table.lines[header_at + 1..]
        .iter()
        .filter(|(_, cells)| !cell(cells, 0).is_empty())
        .map(|(line, cells)| FormRow {
            line: *line,
            code: cell(cells, 0),
            value: cell(cells, 5),
            evidence: cell(cells, 6),
            note: cell(cells, 7),
            sent_value: cell(cells, 8),
            sent_evidence: cell(cells, 9),
            sent_note: cell(cells, 10),
        })
        .collect())
}
