//! Workbooks for people (rust_xlsxwriter): a month's grid of scores to fill in or check, and
//! the month's results as the committee publishes them, with its bands and ranking chart.
//! Codes are text ("2.10" stays "2.10"), numbers are numbers shown the Vietnamese way, the
//! header row and the unit column stay in view.

use std::path::Path;

use rust_xlsxwriter::{
    Chart, ChartType, Color, ConditionalFormatCell, ConditionalFormatCellRule, DocProperties,
    Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::domain::lang::Lang;
use crate::domain::org::Unit;
use crate::domain::scoring::{Band, Criterion};
use crate::store::StoreError;

/// The sheet of a grid: the import looks for it by this name.
pub const GRID_SHEET: &str = "Điểm";

/// The sheet of the results.
pub const RESULTS_SHEET: &str = "Kết quả";

/// Numbers as a Vietnamese reader expects them: the language tag (Vietnamese, 042A) makes
/// LibreOffice show a decimal comma whatever the machine's own setting (seen in its PDF and
/// CSV); Excel shows the decimal separator of the machine's own settings.
pub const NUMBER_FORMAT: &str = "[$-42A]General";

/// A workbook's failure to be made: only a fault of ours (a range out of bounds), never the
/// person's input.
pub(crate) fn fault(_: XlsxError) -> StoreError {
    StoreError::Internal("xlsx")
}

pub(crate) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE7F0))
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
}

pub(crate) fn properties(title: &str, author: &str) -> DocProperties {
    DocProperties::new()
        .set_title(title)
        .set_author(author)
        .set_creation_datetime(
            &rust_xlsxwriter::ExcelDateTime::from_timestamp(chrono::Utc::now().timestamp())
                .unwrap_or_default(),
        )
}

/// A month's grid: "unit" and the criterion codes, then a row a unit; `value` gives a cell.
pub fn grid_xlsx(
    units: &[Unit],
    criteria: &[Criterion],
    value: impl Fn(&Unit, &Criterion) -> Option<f64>,
    title: &str,
    out: &Path,
) -> Result<(), StoreError> {
    let mut book = Workbook::new();
    book.set_properties(&properties(title, &crate::host::user_name()));
    let sheet = book.add_worksheet();
    grid_sheet(sheet, units, criteria, value).map_err(fault)?;
    let bytes = book.save_to_buffer().map_err(fault)?;
    super::write_atomically(out, &bytes)
}

fn grid_sheet(
    sheet: &mut Worksheet,
    units: &[Unit],
    criteria: &[Criterion],
    value: impl Fn(&Unit, &Criterion) -> Option<f64>,
) -> Result<(), XlsxError> {
    sheet.set_name(GRID_SHEET)?;
    let header = header_format();
    let number = Format::new().set_num_format(NUMBER_FORMAT);
    sheet.write_string_with_format(0, 0, "unit", &header)?;
    sheet.set_column_width(0, 24)?;
    for (j, c) in criteria.iter().enumerate() {
        let col = j as u16 + 1;
        // write_string: a code is text, never the number 2.1.
        sheet.write_string_with_format(0, col, &c.code, &header)?;
        sheet.insert_note(
            0,
            col,
            &rust_xlsxwriter::Note::new(&c.name).add_author_prefix(false),
        )?;
        sheet.set_column_width(col, 7)?;
    }
    for (i, u) in units.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, &u.name)?;
        for (j, c) in criteria.iter().enumerate() {
            if let Some(v) = value(u, c) {
                sheet.write_number_with_format(row, j as u16 + 1, v, &number)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// A line of the published results.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultLine {
    pub rank: Option<u32>,
    pub unit: String,
    pub total: Option<f64>,
    pub pct: Option<f64>,
    /// The band's name, "Đạt"/"Không đạt", or how far the appraisal has come.
    pub band: String,
}

/// What heads the results: the model and the month, as people read them.
#[derive(Debug, Clone)]
pub struct ResultsHead {
    pub title: String,
    pub subtitle: String,
    pub lang: Lang,
}

/// The month's results as a sheet: rank, unit, total, % of the maximum and band, each band's
/// rows coloured by conditional formatting on the percentage, and a native bar chart of the
/// ranking beside the table.
pub fn results_xlsx(
    head: &ResultsHead,
    lines: &[ResultLine],
    bands: &[Band],
    out: &Path,
) -> Result<(), StoreError> {
    let mut book = Workbook::new();
    book.set_properties(&properties(&head.title, &crate::host::user_name()));
    let sheet = book.add_worksheet();
    results_sheet(sheet, head, lines, bands).map_err(fault)?;
    let bytes = book.save_to_buffer().map_err(fault)?;
    super::write_atomically(out, &bytes)
}

fn results_sheet(
    sheet: &mut Worksheet,
    head: &ResultsHead,
    lines: &[ResultLine],
    bands: &[Band],
) -> Result<(), XlsxError> {
    let lang = head.lang;
    sheet.set_name(RESULTS_SHEET)?;
    sheet.write_string_with_format(
        0,
        0,
        &head.title,
        &Format::new().set_bold().set_font_size(14),
    )?;
    sheet.write_string(1, 0, &head.subtitle)?;
    let header = header_format();
    let titles = match lang {
        Lang::Vi => ["Hạng", "Đơn vị", "Tổng điểm", "% tối đa", "Xếp loại"],
        Lang::En => ["Rank", "Unit", "Total", "% of max", "Band"],
    };
    const TOP: u32 = 3;
    for (j, t) in titles.iter().enumerate() {
        sheet.write_string_with_format(TOP, j as u16, *t, &header)?;
    }
    let number = Format::new().set_num_format("[$-42A]0.00");
    for (i, l) in lines.iter().enumerate() {
        let row = TOP + 1 + i as u32;
        match l.rank {
            Some(r) => sheet.write_number(row, 0, r)?,
            None => sheet.write_string(row, 0, "—")?,
        };
        sheet.write_string(row, 1, &l.unit)?;
        if let Some(t) = l.total {
            sheet.write_number_with_format(row, 2, t, &number)?;
        }
        if let Some(p) = l.pct {
            sheet.write_number_with_format(row, 3, p, &number)?;
        }
        sheet.write_string(row, 4, &l.band)?;
    }
    let last = TOP + lines.len().max(1) as u32;
    // An empty cell (a unit not yet appraised) takes no band; then the highest band first: a
    // cell takes the first rule it meets.
    sheet.add_conditional_format(
        TOP + 1,
        3,
        last,
        3,
        &rust_xlsxwriter::ConditionalFormatBlank::new()
            .set_format(Format::new())
            .set_stop_if_true(true),
    )?;
    let mut ordered: Vec<&Band> = bands.iter().collect();
    ordered.sort_by(|a, b| b.lower_pct.total_cmp(&a.lower_pct));
    for band in ordered {
        let colour =
            u32::from_str_radix(band.color.trim_start_matches('#'), 16).unwrap_or(0xFFFFFF);
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::GreaterThanOrEqualTo(
                band.lower_pct,
            ))
            .set_format(Format::new().set_background_color(Color::RGB(lighten(colour))))
            .set_stop_if_true(true);
        sheet.add_conditional_format(TOP + 1, 3, last, 3, &rule)?;
    }
    sheet.set_column_width(0, 6)?;
    sheet.set_column_width(1, 24)?;
    sheet.set_column_width(2, 11)?;
    sheet.set_column_width(3, 10)?;
    sheet.set_column_width(4, 26)?;
    sheet.set_freeze_panes(TOP + 1, 2)?;
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_landscape();

    let ranked = lines
        .iter()
        .filter(|l| l.rank.is_some() && l.total.is_some())
        .count() as u32;
    if ranked > 0 {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_name(titles[2])
            .set_categories((RESULTS_SHEET, TOP + 1, 1, TOP + ranked, 1))
            .set_values((RESULTS_SHEET, TOP + 1, 2, TOP + ranked, 2))
            .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                rust_xlsxwriter::ChartSolidFill::new().set_color(Color::RGB(0x2F6DB5)),
            ));
        chart.title().set_name(lang.pick("Xếp hạng", "Ranking"));
        chart.legend().set_hidden();
        // The first ranked on top, as the table reads.
        chart.y_axis().set_reverse();
        chart.set_width(560).set_height(120 + 22 * ranked.min(60));
        sheet.insert_chart(TOP, 6, &chart)?;
    }
    Ok(())
}

/// A band's colour made pale enough for black text to read on it.
fn lighten(rgb: u32) -> u32 {
    let mix = |c: u32| (c + 2 * 255) / 3;
    let (r, g, b) = ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    (mix(r) << 16) | (mix(g) << 8) | mix(b)
}
