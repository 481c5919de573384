//! Drawing a slide: one function for every output (the screen's texture, PNG, SVG and the
//! deck's PDF), so what is projected is what is exported. Sizes are given for a 1920×1080
//! slide and scaled to the target; type is large, lines thick, colours strong.
//!
//! Here: the frame (title, subtitle, legend, note, footer) and the text helpers; the bar
//! layouts in `bars.rs`, the lines, heatmap and tiles in `plots.rs`.

mod bars;
mod plots;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use self::bars::{draw_bars, draw_stacked, row_font};
use self::plots::{draw_heat, draw_lines, draw_tiles};
use crate::domain::chart::{
    BarRow, Bars, Body, Figure, Heat, Lines, Stacked, TRACK, Tile, heat_color, nice_max,
};
use crate::domain::colour::{INK, MUTED, Rgb, WHITE};

/// A slide: a figure and its footer (the body's name; the meeting's date and the slide's
/// number, or the day of export).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub figure: Figure,
    pub footer_left: String,
    pub footer_right: String,
}

/// Why drawing failed (the backend's own error, as text).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DrawError(pub String);

fn err<E: std::fmt::Debug>(e: E) -> DrawError {
    DrawError(format!("{e:?}"))
}

/// The family the bundled Noto Sans is registered under.
pub const FAMILY: &str = "sans-serif";

/// Sizes and fonts for one target. `text` corrects the type size for backends that read it
/// differently: the bitmap backend's size is the font's ascent-to-descent height, SVG's
/// `font-size` is `size / 1.24` em; Noto Sans's height is 1.362 em, so SVG text is drawn at
/// 1.24 / 1.362 of the size to come out as on screen.
struct Scale {
    s: f64,
    text: f64,
}

impl Scale {
    fn px(&self, v: f64) -> i32 {
        (v * self.s).round() as i32
    }

    fn font(&self, size: f64, bold: bool, color: Rgb, h: HPos) -> TextStyle<'static> {
        let font = (FAMILY, size * self.s * self.text).into_font();
        let font = if bold {
            font.style(FontStyle::Bold)
        } else {
            font
        };
        font.color(&rgb(color)).pos(Pos::new(h, VPos::Top))
    }
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

type Area<DB> = DrawingArea<DB, Shift>;

fn width<DB: DrawingBackend>(area: &Area<DB>, text: &str, style: &TextStyle) -> i32 {
    area.estimate_text_size(text, style)
        .map_or(text.chars().count() as i32 * 10, |(w, _)| w as i32)
}

/// The text cut to `max` pixels, with "…" when cut.
fn fit<DB: DrawingBackend>(area: &Area<DB>, text: &str, style: &TextStyle, max: i32) -> String {
    crate::domain::text::fit_to(text, max, |t| width(area, t, style))
}

/// Words broken into lines of at most `max` pixels; the last line cut with "…" when the
/// text needs more than `lines`.
fn wrap<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    style: &TextStyle,
    max: i32,
    lines: usize,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut words = text.split_whitespace().peekable();
    let mut line = String::new();
    while let Some(word) = words.next() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width(area, &candidate, style) <= max {
            line = candidate;
        } else {
            out.push(std::mem::take(&mut line));
            line = word.to_string();
        }
        if out.len() + 1 == lines && words.peek().is_some() && out.len() + 1 >= lines {
            // The last line allowed: put the rest on it and cut it.
            let rest: Vec<&str> = words.by_ref().collect();
            if !rest.is_empty() {
                line = format!("{line} {}", rest.join(" "));
            }
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out.into_iter().map(|l| fit(area, &l, style, max)).collect()
}

fn text<DB: DrawingBackend>(
    area: &Area<DB>,
    s: &str,
    (x, y): (i32, i32),
    style: &TextStyle,
) -> Result<(), DrawError> {
    area.draw(&Text::new(s.to_string(), (x, y), style.clone()))
        .map_err(err)
}

fn rect<DB: DrawingBackend>(
    area: &Area<DB>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    color: Rgb,
) -> Result<(), DrawError> {
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], rgb(color).filled()))
        .map_err(err)
}

/// The top of a line of text of `size` (before scaling) centred on `y`: in Noto Sans the
/// capitals span 0.26–0.78 of the size below the top, lower-case letters 0.39–0.78, so the
/// middle of the letters is about 0.54 below it (diacritics reach above).
fn centred(sc: &Scale, y: i32, size: f64) -> i32 {
    y - (size * sc.s * 0.54).round() as i32
}

/// `s` cut to `max` pixels and written at `x` (anchored as the style says), its letters
/// centred on `mid`; the style's size is read back from the style.
fn row_text<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    s: &str,
    (x, mid): (i32, i32),
    style: &TextStyle,
    max: i32,
) -> Result<(), DrawError> {
    let size = style.font.get_size() / (sc.s * sc.text);
    text(
        area,
        &fit(area, s, style, max),
        (x, centred(sc, mid, size)),
        style,
    )
}

/// Draws a slide on the whole area.
pub fn draw_frame<DB: DrawingBackend>(area: &Area<DB>, frame: &Frame) -> Result<(), DrawError> {
    draw_scaled(area, frame, 1.0)
}

/// As [`draw_frame`], with the SVG backend's reading of text sizes.
pub fn draw_frame_svg<DB: DrawingBackend>(area: &Area<DB>, frame: &Frame) -> Result<(), DrawError> {
    draw_scaled(area, frame, super::glyphs::SVG_TEXT)
}

fn draw_scaled<DB: DrawingBackend>(
    area: &Area<DB>,
    frame: &Frame,
    text_scale: f64,
) -> Result<(), DrawError> {
    let (w, h) = area.dim_in_pixel();
    let sc = Scale {
        s: (f64::from(w) / 1920.0).min(f64::from(h) / 1080.0),
        text: text_scale,
    };
    let (w, h) = (w as i32, h as i32);
    area.fill(&rgb(WHITE)).map_err(err)?;
    let margin = sc.px(64.0);
    let fig = &frame.figure;

    // Title and subtitle.
    // A long title is set smaller before it is cut.
    let title_size = [56.0, 50.0, 44.0]
        .into_iter()
        .find(|size| {
            width(area, &fig.title, &sc.font(*size, true, INK, HPos::Left)) <= w - 2 * margin
        })
        .unwrap_or(44.0);
    let title_style = sc.font(title_size, true, INK, HPos::Left);
    let title = fit(area, &fig.title, &title_style, w - 2 * margin);
    text(
        area,
        &title,
        (margin, sc.px(40.0 + (56.0 - title_size) / 2.0)),
        &title_style,
    )?;
    let sub_style = sc.font(34.0, false, MUTED, HPos::Left);
    let subtitle = fit(area, &fig.subtitle, &sub_style, w - 2 * margin);
    text(area, &subtitle, (margin, sc.px(118.0)), &sub_style)?;

    // Footer: a thick rule, the body on the left, the meeting on the right.
    let footer_top = h - sc.px(84.0);
    rect(
        area,
        (margin, footer_top),
        (w - margin, footer_top + sc.px(5.0)),
        INK,
    )?;
    let foot_style = sc.font(30.0, false, INK, HPos::Left);
    let right_style = sc.font(30.0, false, INK, HPos::Right);
    let right_w = width(area, &frame.footer_right, &right_style);
    let left = fit(
        area,
        &frame.footer_left,
        &foot_style,
        w - 2 * margin - right_w - sc.px(40.0),
    );
    text(area, &left, (margin, footer_top + sc.px(24.0)), &foot_style)?;
    text(
        area,
        &frame.footer_right,
        (w - margin, footer_top + sc.px(24.0)),
        &right_style,
    )?;

    // The note, above the footer.
    let mut bottom = footer_top - sc.px(20.0);
    if let Some(note) = &fig.note {
        let note_style = sc.font(30.0, false, MUTED, HPos::Left);
        let note = fit(area, note, &note_style, w - 2 * margin);
        bottom -= sc.px(44.0);
        text(area, &note, (margin, bottom + sc.px(6.0)), &note_style)?;
        bottom -= sc.px(10.0);
    }
    let top = sc.px(184.0);
    let body = Region {
        x0: margin,
        x1: w - margin,
        y0: top,
        y1: bottom,
    };
    match &fig.body {
        Body::Bars(bars) => draw_bars(area, &sc, body, bars),
        Body::Lines(lines) => draw_lines(area, &sc, body, lines),
        Body::Heat(heat) => draw_heat(area, &sc, body, heat),
        Body::Stacked(stacked) => draw_stacked(area, &sc, body, stacked),
        Body::Tiles(tiles) => draw_tiles(area, &sc, body, tiles),
        Body::Empty(why) => {
            let style = sc.font(48.0, false, MUTED, HPos::Center);
            let y = centred(&sc, (body.y0 + body.y1) / 2, 48.0);
            let why = fit(area, why, &style, body.x1 - body.x0);
            text(area, &why, ((body.x0 + body.x1) / 2, y), &style)
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Region {
    x0: i32,
    x1: i32,
    y0: i32,
    y1: i32,
}

/// A row of colour swatches and words; returns the height used.
fn legend<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    r: Region,
    items: &[(Rgb, String)],
    extra: Option<&str>,
) -> Result<i32, DrawError> {
    if items.is_empty() && extra.is_none() {
        return Ok(0);
    }
    let style = sc.font(30.0, false, INK, HPos::Left);
    let sw = sc.px(32.0);
    let mut x = r.x0;
    let mut y = r.y0;
    let line = sc.px(46.0);
    for (color, words) in items {
        let tw = width(area, words, &style);
        if x > r.x0 && x + sw + sc.px(12.0) + tw > r.x1 {
            x = r.x0;
            y += line;
        }
        rect(area, (x, y), (x + sw, y + sw), *color)?;
        text(
            area,
            words,
            (x + sw + sc.px(12.0), centred(sc, y + sw / 2, 30.0)),
            &style,
        )?;
        x += sw + sc.px(12.0) + tw + sc.px(36.0);
    }
    if let Some(extra) = extra {
        let tw = width(area, extra, &style);
        if x > r.x0 && x + sc.px(40.0) + tw > r.x1 {
            x = r.x0;
            y += line;
        }
        rect(
            area,
            (x + sc.px(14.0), y - sc.px(4.0)),
            (x + sc.px(24.0), y + sw + sc.px(4.0)),
            INK,
        )?;
        text(
            area,
            extra,
            (x + sc.px(40.0), centred(sc, y + sw / 2, 30.0)),
            &style,
        )?;
    }
    Ok(y + line - r.y0)
}

/// The region under a legend of `items` (and the marker's words), `gap` below it.
fn below_legend<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    r: Region,
    items: &[(Rgb, String)],
    extra: Option<&str>,
    gap: f64,
) -> Result<Region, DrawError> {
    let used = legend(area, sc, r, items, extra)?;
    Ok(Region {
        y0: r.y0 + used + if used > 0 { sc.px(gap) } else { 0 },
        ..r
    })
}

/// The width of the widest of `texts`.
fn widest<'a, DB: DrawingBackend>(
    area: &Area<DB>,
    texts: impl Iterator<Item = &'a str>,
    style: &TextStyle,
) -> i32 {
    texts.map(|t| width(area, t, style)).max().unwrap_or(0)
}
