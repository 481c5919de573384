//! The month's results as the committee publishes them on the district's operations page:
//! the ranked table with its bands and the ranking chart, as an A4 PDF (fonts embedded, text
//! kept as text) or as one self-contained HTML file that opens from disk.

use std::fmt::Write as _;

use krilla::Document;
use krilla::geom::{Size, Transform};
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::book_write::{ResultLine, ResultsHead};
use crate::domain::lang::Lang;
use crate::domain::scoring::Band;

/// A4 in PDF points.
const PAGE: (f32, f32) = (595.0, 842.0);
const MARGIN: f32 = 42.0;
const ROW: f32 = 17.0;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The band a line's text names, for its colour.
fn band_colour<'a>(line: &ResultLine, bands: &'a [Band]) -> Option<&'a str> {
    bands
        .iter()
        .find(|b| b.name == line.band)
        .map(|b| b.color.as_str())
}

fn titles(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Vi => ["Hạng", "Đơn vị", "Tổng điểm", "% tối đa", "Xếp loại"],
        Lang::En => ["Rank", "Unit", "Total", "% of max", "Band"],
    }
}

fn cells(line: &ResultLine, lang: Lang) -> [String; 5] {
    let two = |v: Option<f64>| {
        v.map(|v| {
            let s = format!("{v:.2}");
            if lang == Lang::Vi {
                s.replace('.', ",")
            } else {
                s
            }
        })
        .unwrap_or_default()
    };
    [
        line.rank.map_or("—".into(), |r| r.to_string()),
        line.unit.clone(),
        two(line.total),
        two(line.pct),
        line.band.clone(),
    ]
}

/// Where each column's text is anchored on the A4 page, and whether it ends there (numbers,
/// right-aligned) or starts there.
const COLUMNS: [(f32, bool); 5] = [
    (MARGIN + 4.0, false),
    (MARGIN + 40.0, false),
    (MARGIN + 290.0, true),
    (MARGIN + 355.0, true),
    (MARGIN + 370.0, false),
];

/// One page of the table as SVG in points: the head on the first page, then rows.
fn table_page(
    head: &ResultsHead,
    rows: &[ResultLine],
    bands: &[Band],
    first: bool,
) -> (String, f32) {
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="Noto Sans" font-size="10">"#,
        w = PAGE.0,
        h = PAGE.1
    );
    let mut y = MARGIN;
    if first {
        let _ = write!(
            svg,
            r##"<text x="{MARGIN}" y="{}" font-size="15" font-weight="bold">{}</text><text x="{MARGIN}" y="{}" font-size="10.5" fill="#333">{}</text>"##,
            y + 12.0,
            escape(&head.title),
            y + 30.0,
            escape(&head.subtitle)
        );
        y += 50.0;
    }
    let _ = write!(
        svg,
        r##"<rect x="{MARGIN}" y="{}" width="{}" height="{ROW}" fill="#DDE7F0"/>"##,
        y,
        PAGE.0 - 2.0 * MARGIN
    );
    let text_at = |svg: &mut String, col: usize, y: f32, text: &str, bold: bool| {
        let (x, right) = COLUMNS[col];
        let _ = write!(
            svg,
            r#"<text x="{x}" y="{}" text-anchor="{}"{}>{}</text>"#,
            y + 12.0,
            if right { "end" } else { "start" },
            if bold { r#" font-weight="bold""# } else { "" },
            escape(text)
        );
    };
    for (col, t) in titles(head.lang).iter().enumerate() {
        text_at(&mut svg, col, y, t, true);
    }
    y += ROW;
    for line in rows {
        if let Some(colour) = band_colour(line, bands) {
            let _ = write!(
                svg,
                r#"<rect x="{}" y="{y}" width="{}" height="{ROW}" fill="{}" fill-opacity="0.35"/>"#,
                COLUMNS[4].0 - 4.0,
                PAGE.0 - MARGIN - COLUMNS[4].0 + 4.0,
                escape(colour)
            );
        }
        let _ = write!(
            svg,
            r##"<line x1="{MARGIN}" x2="{}" y1="{}" y2="{}" stroke="#ccc" stroke-width="0.5"/>"##,
            PAGE.0 - MARGIN,
            y + ROW,
            y + ROW
        );
        for (col, text) in cells(line, head.lang).iter().enumerate() {
            let limit = if col == 1 { 38 } else { 40 };
            text_at(
                &mut svg,
                col,
                y,
                &crate::domain::text::shorten(text, limit),
                false,
            );
        }
        y += ROW;
    }
    svg.push_str("</svg>");
    (svg, y)
}

fn svg_options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(crate::assets::NOTO_SANS_REGULAR.to_vec());
    db.load_font_data(crate::assets::NOTO_SANS_BOLD.to_vec());
    db.set_sans_serif_family("Noto Sans");
    usvg::Options {
        fontdb: std::sync::Arc::new(db),
        font_family: "Noto Sans".into(),
        ..usvg::Options::default()
    }
}

/// The PDF: the table over as many A4 pages as it takes, then the chart (`chart_svg`, drawn
/// at `chart_px`) on a page of its own, fitted to the width.
pub fn results_pdf(
    head: &ResultsHead,
    lines: &[ResultLine],
    bands: &[Band],
    chart_svg: Option<(&str, (u32, u32))>,
) -> Result<Vec<u8>, String> {
    let opts = svg_options();
    let mut doc = Document::new();
    let first_rows = ((PAGE.1 - 2.0 * MARGIN - 50.0) / ROW) as usize - 1;
    let more_rows = ((PAGE.1 - 2.0 * MARGIN) / ROW) as usize - 1;
    let mut pages: Vec<&[ResultLine]> = Vec::new();
    let mut rest = lines;
    let mut take = first_rows;
    loop {
        let (page, after) = rest.split_at(take.min(rest.len()));
        pages.push(page);
        rest = after;
        take = more_rows;
        if rest.is_empty() {
            break;
        }
    }
    let page_size = Size::from_wh(PAGE.0, PAGE.1).ok_or("page size")?;
    let chart = match chart_svg {
        Some((svg, (w, h))) => {
            let tree = usvg::Tree::from_str(svg, &opts).map_err(|e| e.to_string())?;
            let width = PAGE.0 - 2.0 * MARGIN;
            Some((tree, width, width * h as f32 / w as f32))
        }
        None => None,
    };
    let draw_chart = |surface: &mut krilla::surface::Surface, top: f32| -> Result<(), String> {
        if let Some((tree, width, height)) = &chart {
            surface.push_transform(&Transform::from_translate(MARGIN, top));
            surface
                .draw_svg(
                    tree,
                    Size::from_wh(*width, *height).ok_or("chart size")?,
                    SvgSettings::default(),
                )
                .ok_or("the chart could not be drawn")?;
            surface.pop();
        }
        Ok(())
    };
    let mut chart_drawn = chart.is_none();
    let count = pages.len();
    for (i, rows) in pages.iter().enumerate() {
        let (svg, bottom) = table_page(head, rows, bands, i == 0);
        let tree = usvg::Tree::from_str(&svg, &opts).map_err(|e| e.to_string())?;
        let mut page = doc.start_page_with(PageSettings::from_wh(PAGE.0, PAGE.1).ok_or("page")?);
        let mut surface = page.surface();
        surface
            .draw_svg(&tree, page_size, SvgSettings::default())
            .ok_or("the table could not be drawn")?;
        // The chart under the table when the last page has room for it.
        let room = PAGE.1 - MARGIN - bottom - 24.0;
        if i + 1 == count && chart.as_ref().is_some_and(|(_, _, h)| *h <= room) {
            draw_chart(&mut surface, bottom + 24.0)?;
            chart_drawn = true;
        }
        surface.finish();
        page.finish();
    }
    if !chart_drawn {
        let mut page = doc.start_page_with(PageSettings::from_wh(PAGE.0, PAGE.1).ok_or("page")?);
        let mut surface = page.surface();
        draw_chart(&mut surface, MARGIN)?;
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| format!("{e:?}"))
}

/// One HTML file: the table and the chart's SVG inline, no link to anything outside it.
pub fn results_html(
    head: &ResultsHead,
    lines: &[ResultLine],
    bands: &[Band],
    chart_svg: Option<&str>,
) -> String {
    let lang = head.lang;
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<!DOCTYPE html>
<html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{}</title>
<style>
body {{ font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #111; }}
h1 {{ font-size: 1.4em; margin-bottom: .2em; }} p.sub {{ color: #444; margin-top: 0; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ padding: .3em .6em; border-bottom: 1px solid #ccc; text-align: left; }}
th {{ background: #DDE7F0; }} td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
figure {{ margin: 2em 0; }} figure svg {{ width: 100%; height: auto; }}
</style></head><body>
<h1>{}</h1><p class="sub">{}</p>
<table><thead><tr>"#,
        lang.pick("vi", "en"),
        escape(&head.title),
        escape(&head.title),
        escape(&head.subtitle)
    );
    for (i, t) in titles(lang).iter().enumerate() {
        let class = if i == 2 || i == 3 {
            r#" class="n""#
        } else {
            ""
        };
        let _ = write!(html, "<th{class}>{}</th>", escape(t));
    }
    html.push_str("</tr></thead><tbody>\n");
    for line in lines {
        html.push_str("<tr>");
        for (i, text) in cells(line, lang).iter().enumerate() {
            let style = match (i, band_colour(line, bands)) {
                (4, Some(c)) => format!(
                    r#" style="background: color-mix(in srgb, {} 35%, white)""#,
                    escape(c)
                ),
                _ => String::new(),
            };
            let class = if i == 2 || i == 3 {
                r#" class="n""#
            } else {
                ""
            };
            let _ = write!(html, "<td{class}{style}>{}</td>", escape(text));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody></table>\n");
    if let Some(svg) = chart_svg {
        // The SVG's own XML declaration has no place inside HTML.
        let body = svg.find("<svg").map_or(svg, |i| &svg[i..]);
        let _ = writeln!(html, "<figure>{body}</figure>");
    }
    html.push_str("</body></html>\n");
    html
}
