//! The notice as a Word document: A4, margins 20/20/30/15 mm, Times New Roman 14 pt, the
//! issuer and number beside the national motto in a borderless table (Decree 30/2020/NĐ-CP).

use docx_rs::{
    AlignmentType, Docx, Header, LineSpacing, PageMargin, PageNum, Paragraph, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use super::FileMeta;
use crate::domain::notice::Notice;

/// A4 in twentieths of a point.
pub const A4_TWIPS: (u32, u32) = (11906, 16838);
/// Margins in twips: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.
pub const MARGINS_TWIPS: (i32, i32, i32, i32) = (1134, 1134, 1701, 850);
const FONT: &str = "Times New Roman";
/// Half-points: 14 pt body, 13 pt header blocks, 12 pt the issuer and "Nơi nhận".
const BODY: usize = 28;
const HEADER: usize = 26;
const SMALL: usize = 24;

fn centered(text: &str, size: usize, bold: bool, italic: bool) -> Paragraph {
    let mut run = Run::new().add_text(text).size(size);
    if bold {
        run = run.bold();
    }
    if italic {
        run = run.italic();
    }
    Paragraph::new().add_run(run).align(AlignmentType::Center)
}

/// A short rule under a heading: a bold underlined run of spaces is what Word documents of
/// the administration use; a paragraph border needs no text.
fn rule(width_chars: usize) -> Paragraph {
    Paragraph::new()
        .add_run(
            Run::new()
                .add_text("\u{a0}".repeat(width_chars))
                .size(14)
                .underline("single"),
        )
        .align(AlignmentType::Center)
}

fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text).size(BODY))
        .align(AlignmentType::Both)
        .indent(Some(0), Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(LineSpacing::new().before(0).after(120))
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text).size(BODY).bold())
        .align(AlignmentType::Both)
        .indent(Some(0), Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(LineSpacing::new().before(60).after(60))
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .clear_all_border();
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

/// The page number, from the second page: Arabic numerals centred in the top margin
/// (Decree 30/2020); the first page has none.
fn page_numbers(doc: Docx) -> Docx {
    let number = Paragraph::new()
        .add_page_num(PageNum::new())
        .size(BODY)
        .align(AlignmentType::Center);
    doc.header(Header::new().add_paragraph(number))
        .first_header(Header::new())
        .title_pg()
}

/// The package's properties say who wrote it and when (docx-rs writes "unknown" and 1970).
fn properties(doc: Docx, meta: &FileMeta) -> docx_rs::XMLDocx {
    let at = meta.at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut xml = doc.created_at(&at).updated_at(&at).build();
    let name = escape_xml(&meta.author);
    let core = String::from_utf8_lossy(&xml.doc_props.core)
        .replace(
            "<dc:creator>unknown</dc:creator>",
            &format!("<dc:creator>{name}</dc:creator>"),
        )
        .replace(
            "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
            &format!("<cp:lastModifiedBy>{name}</cp:lastModifiedBy>"),
        );
    xml.doc_props.core = core.into_bytes();
    xml
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The notice as the bytes of a .docx file.
pub fn notice_docx(n: &Notice, meta: &FileMeta) -> Result<Vec<u8>, std::io::Error> {
    let (top, bottom, left, right) = MARGINS_TWIPS;
    let text_width = (A4_TWIPS.0 as i32 - left - right) as usize;
    // The header table reaches 7 mm into the left margin and 3.5 mm into the right one, as
    // administrative documents do, so the national motto stays on one line at 13 pt.
    let header_width = text_width + 600;
    let left_col = header_width * 41 / 100;
    let right_col = header_width - left_col;
    let header = Table::new(vec![TableRow::new(vec![
        cell(
            vec![
                centered(&n.authority, HEADER, false, false),
                centered(&n.issuer, SMALL, true, false),
                rule(34),
                centered(&n.number, HEADER, false, false),
            ],
            left_col,
        ),
        cell(
            vec![
                centered(&n.motto_country, HEADER, true, false),
                centered(&n.motto, BODY, true, false),
                rule(70),
                centered(&n.place_date, BODY, false, true),
            ],
            right_col,
        ),
    ])])
    .set_grid(vec![left_col, right_col])
    .layout(TableLayoutType::Fixed)
    .width(header_width, WidthType::Dxa)
    .indent(-400)
    .margins(TableCellMargins::new().margin(0, 0, 0, 0))
    .clear_all_border();
    let mut doc = Docx::new()
        .page_size(A4_TWIPS.0, A4_TWIPS.1)
        .page_margin(
            PageMargin::new()
                .top(top)
                .bottom(bottom)
                .left(left)
                .right(right)
                .header(720)
                .footer(720),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(BODY)
        .add_table(header)
        .add_paragraph(Paragraph::new())
        .add_paragraph(centered(&n.title, BODY, true, false))
        .add_paragraph(centered(&n.subject, BODY, true, false))
        // Space under the rule, so it does not touch the first line of the body.
        .add_paragraph(rule(45).line_spacing(LineSpacing::new().before(0).after(240)));
    let mut paragraphs: Vec<Paragraph> = n.opening.iter().map(|p| body(p)).collect();
    for s in n.sections.iter().chain(n.assignments.iter()) {
        if !s.heading.is_empty() {
            paragraphs.push(heading(&s.heading));
        }
        paragraphs.extend(s.paragraphs.iter().map(|p| body(p)));
    }
    // The last paragraph stays with the closing line and the closing line with the signature:
    // the last page never holds the signature alone.
    if let Some(last) = paragraphs.pop() {
        paragraphs.push(last.keep_next(true));
    }
    for p in paragraphs {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_paragraph(body(&n.closing).keep_next(true));
    let mut recipients = vec![
        Paragraph::new().add_run(Run::new().add_text("Nơi nhận:").size(SMALL).bold().italic()),
    ];
    recipients.extend(
        n.recipients
            .iter()
            .map(|r| Paragraph::new().add_run(Run::new().add_text(r).size(22))),
    );
    let mut signer: Vec<Paragraph> = n
        .signer_title
        .iter()
        .map(|t| centered(t, BODY, true, false))
        .collect();
    for _ in 0..4 {
        signer.push(Paragraph::new());
    }
    signer.push(centered(&n.signer_name, BODY, true, false));
    let (sign_left, sign_right) = (text_width * 45 / 100, text_width - text_width * 45 / 100);
    let footer = Table::new(vec![TableRow::new(vec![
        cell(recipients, sign_left),
        cell(signer, sign_right),
    ])])
    .set_grid(vec![sign_left, sign_right])
    .layout(TableLayoutType::Fixed)
    .width(text_width, WidthType::Dxa)
    .margins(TableCellMargins::new().margin(0, 0, 0, 0))
    .clear_all_border();
    doc = doc
        .add_paragraph(Paragraph::new().keep_next(true))
        .add_table(footer);
    let mut out = std::io::Cursor::new(Vec::new());
    properties(page_numbers(doc), meta)
        .pack(&mut out)
        .map_err(std::io::Error::other)?;
    Ok(out.into_inner())
}
