//! Drawing a slide: one function for every output (the screen's texture, PNG, SVG and the
//! deck's PDF), so what is projected is what is exported. Sizes are given for a 1920×1080
//! slide and scaled to the target; type is large, lines thick, colours strong.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::domain::chart::{
    BarRow, Bars, Body, Figure, Heat, INK, Lines, MUTED, Rgb, Stacked, TRACK, Tile, WHITE,
    heat_color, nice_max,
};

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
    if width(area, text, style) <= max {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if width(area, &candidate, style) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    chars[..lo]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
        + "…"
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

/// The texts of the bars (not the summary lines), picked by `f`.
fn bar_texts<'a>(
    bars: &'a Bars,
    f: impl Fn(&'a crate::domain::chart::Bar) -> &'a str + 'a,
) -> impl Iterator<Item = &'a str> + 'a {
    bars.rows.iter().filter_map(move |row| match row {
        BarRow::Bar(b) => Some(f(b)),
        BarRow::Summary(_) => None,
    })
}

/// Size of row text for a row height (before scaling): large, never below 24 px unless the
/// rows are too dense for it (every one of 126 units asked on one slide), where it shrinks
/// with the rows rather than overlap.
fn row_font(row_h: f64) -> f64 {
    (row_h * 0.62).clamp(24.0f64.min(row_h * 0.85), 40.0)
}

fn draw_bars<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    r: Region,
    bars: &Bars,
) -> Result<(), DrawError> {
    let r = below_legend(
        area,
        sc,
        r,
        &bars.legend,
        bars.marker_label.as_deref(),
        14.0,
    )?;
    let n = bars.rows.len().max(1) as i32;
    let row_h = ((r.y1 - r.y0) / n).min(sc.px(96.0));
    let size = row_font(f64::from(row_h) / sc.s);
    // Labels too long for a column beside the bars go above them, the full width.
    let long = widest(
        area,
        bar_texts(bars, |b| &b.label),
        &sc.font(size, false, INK, HPos::Left),
    ) > (r.x1 - r.x0) * 36 / 100;
    if long {
        return draw_bars_under_labels(area, sc, r, bars);
    }
    let label_style = sc.font(size, false, INK, HPos::Right);
    let value_style = sc.font(size, true, INK, HPos::Left);
    let right_style = sc.font(size, false, INK, HPos::Right);
    let total_w = r.x1 - r.x0;
    let label_w = widest(area, bar_texts(bars, |b| &b.label), &label_style).min(total_w * 36 / 100);
    let value_w = widest(area, bar_texts(bars, |b| &b.value), &value_style).min(total_w * 24 / 100);
    let right_w = widest(area, bar_texts(bars, |b| &b.right), &right_style).min(total_w * 26 / 100);
    let gap = sc.px(18.0);
    let track_x0 = r.x0 + label_w + gap;
    let track_x1 = r.x1 - if right_w > 0 { right_w + gap } else { 0 } - value_w - gap;
    let track_w = (track_x1 - track_x0).max(sc.px(100.0));
    let bar_h = (f64::from(row_h) * 0.66).round() as i32;
    let cols = BarColumns {
        track_x0,
        track_w,
        value_w,
        right_x: r.x1,
        right_w,
        gap,
    };
    let summary_style = sc.font(size, false, MUTED, HPos::Left);
    for (i, row) in bars.rows.iter().enumerate() {
        let mid = r.y0 + i as i32 * row_h + row_h / 2;
        match row {
            BarRow::Summary(words) => {
                let x = r.x0 + sc.px(40.0);
                row_text(area, sc, words, (x, mid), &summary_style, r.x1 - x)?;
            }
            BarRow::Bar(b) => {
                row_text(
                    area,
                    sc,
                    &b.label,
                    (r.x0 + label_w, mid),
                    &label_style,
                    label_w,
                )?;
                let styles = (&value_style, &right_style);
                bar_row(area, sc, &cols, b, mid, bar_h, row_h * 45 / 100, styles)?;
            }
        }
    }
    Ok(())
}

/// The thick black mark of an average on a bar, `half` pixels above and below `y`.
fn marker<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    x: i32,
    y: i32,
    half: i32,
) -> Result<(), DrawError> {
    let w = sc.px(5.0).max(2);
    rect(area, (x - w, y - half), (x + w, y + half), INK)
}

/// Where a bar row's parts go: the track, then the value, then the words at the right edge.
struct BarColumns {
    track_x0: i32,
    track_w: i32,
    value_w: i32,
    /// The right edge (right-anchored words end there); 0 wide when no bar has any.
    right_x: i32,
    right_w: i32,
    gap: i32,
}

/// A bar on its track (the track stands for the maximum) centred on `mid`, the mark of the
/// average, the value after the track and the words at the right edge.
#[allow(clippy::too_many_arguments)]
fn bar_row<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    cols: &BarColumns,
    b: &crate::domain::chart::Bar,
    mid: i32,
    bar_h: i32,
    mark_half: i32,
    (value_style, right_style): (&TextStyle, &TextStyle),
) -> Result<(), DrawError> {
    let (b0, b1) = (mid - bar_h / 2, mid + bar_h / 2);
    let at = |f: f64| cols.track_x0 + (f64::from(cols.track_w) * f.clamp(0.0, 1.0)).round() as i32;
    rect(
        area,
        (cols.track_x0, b0),
        (cols.track_x0 + cols.track_w, b1),
        TRACK,
    )?;
    if at(b.fraction) > cols.track_x0 {
        rect(area, (cols.track_x0, b0), (at(b.fraction), b1), b.color)?;
    }
    if let Some(m) = b.marker {
        marker(area, sc, at(m), mid, mark_half)?;
    }
    let value_x = cols.track_x0 + cols.track_w + cols.gap;
    row_text(
        area,
        sc,
        &b.value,
        (value_x, mid),
        value_style,
        cols.value_w,
    )?;
    if cols.right_w > 0 {
        row_text(
            area,
            sc,
            &b.right,
            (cols.right_x, mid),
            right_style,
            cols.right_w,
        )?;
    }
    Ok(())
}

/// Bars with their label on a line of its own above them (targets with long wording).
fn draw_bars_under_labels<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    r: Region,
    bars: &Bars,
) -> Result<(), DrawError> {
    let n = bars.rows.len().max(1) as i32;
    let row_h = ((r.y1 - r.y0) / n).min(sc.px(150.0));
    let size = (f64::from(row_h) / sc.s * 0.34).clamp(22.0, 38.0);
    let line = (size * 1.3 * sc.s).round() as i32;
    let label_style = sc.font(size, false, INK, HPos::Left);
    let value_style = sc.font(size, true, INK, HPos::Left);
    let right_style = sc.font(size, false, INK, HPos::Right);
    let gap = sc.px(18.0);
    let total_w = r.x1 - r.x0;
    let right_w = widest(area, bar_texts(bars, |b| &b.right), &right_style).min(total_w * 30 / 100);
    let value_w = widest(area, bar_texts(bars, |b| &b.value), &value_style).min(total_w * 34 / 100);
    let track_x1 = r.x1 - if right_w > 0 { right_w + gap } else { 0 } - value_w - gap;
    let track_w = (track_x1 - r.x0).max(sc.px(200.0));
    let bar_h = (row_h - line - sc.px(14.0)).clamp(sc.px(16.0), sc.px(44.0));
    let cols = BarColumns {
        track_x0: r.x0,
        track_w,
        value_w,
        right_x: r.x1,
        right_w,
        gap,
    };
    for (i, row) in bars.rows.iter().enumerate() {
        let y = r.y0 + i as i32 * row_h;
        match row {
            BarRow::Summary(words) => {
                let style = sc.font(size, false, MUTED, HPos::Left);
                text(area, &fit(area, words, &style, total_w), (r.x0, y), &style)?;
            }
            BarRow::Bar(b) => {
                text(
                    area,
                    &fit(area, &b.label, &label_style, total_w),
                    (r.x0, y),
                    &label_style,
                )?;
                let mid = y + line + bar_h / 2;
                let styles = (&value_style, &right_style);
                bar_row(area, sc, &cols, b, mid, bar_h, bar_h * 3 / 4, styles)?;
            }
        }
    }
    Ok(())
}

/// Round steps for an axis from `min` to `max`: about five.
fn ticks(min: f64, max: f64) -> Vec<f64> {
    let raw = (max - min) / 5.0;
    let step = nice_max(raw);
    let mut out = Vec::new();
    let mut v = (min / step).ceil() * step;
    while v <= max + 1e-9 {
        out.push(v);
        v += step;
    }
    out
}

fn draw_lines<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    r: Region,
    lines: &Lines,
) -> Result<(), DrawError> {
    // The legend on the right, one series a line.
    let legend_style = sc.font(30.0, false, INK, HPos::Left);
    let legend_w = (r.x1 - r.x0) * 28 / 100;
    let plot = Region {
        x1: r.x1 - legend_w - sc.px(30.0),
        ..r
    };
    for (i, s) in lines.series.iter().enumerate() {
        let y = r.y0 + sc.px(20.0) + i as i32 * sc.px(100.0);
        let x = r.x1 - legend_w;
        dash_or_line(
            area,
            &[(x, y + sc.px(20.0)), (x + sc.px(60.0), y + sc.px(20.0))],
            s.color,
            sc.px(if s.is_average { 6.0 } else { 8.0 }),
            s.is_average.then(|| sc.px(14.0)),
        )?;
        for (k, l) in wrap(area, &s.name, &legend_style, legend_w - sc.px(76.0), 2)
            .iter()
            .enumerate()
        {
            text(
                area,
                l,
                (x + sc.px(76.0), y + sc.px(2.0) + k as i32 * sc.px(38.0)),
                &legend_style,
            )?;
        }
    }
    // Axes.
    let axis_style = sc.font(30.0, false, INK, HPos::Right);
    let x_style = sc.font(30.0, false, INK, HPos::Center);
    let y_ticks = ticks(lines.y_min, lines.y_max);
    let y_bottom = lines.y_min;
    let y_top = y_ticks
        .last()
        .copied()
        .unwrap_or(lines.y_max)
        .max(lines.y_max);
    let label_w = y_ticks
        .iter()
        .map(|t| width(area, &crate::domain::plan::format_number(*t), &axis_style))
        .max()
        .unwrap_or(0);
    let px0 = plot.x0 + label_w + sc.px(20.0);
    let px1 = plot.x1;
    let py0 = plot.y0 + sc.px(20.0);
    let py1 = plot.y1 - sc.px(56.0);
    let n = lines.x_labels.len().max(1);
    let x_at = |i: usize| px0 + ((px1 - px0) as f64 * (i as f64 + 0.5) / n as f64).round() as i32;
    let y_at = |v: f64| {
        let f = (v - y_bottom) / (y_top - y_bottom).max(1e-9);
        py1 - ((py1 - py0) as f64 * f.clamp(0.0, 1.05)).round() as i32
    };
    for t in &y_ticks {
        let y = y_at(*t);
        rect(area, (px0, y - sc.px(1.0)), (px1, y + sc.px(1.0)), TRACK)?;
        text(
            area,
            &crate::domain::plan::format_number(*t),
            (px0 - sc.px(14.0), centred(sc, y, 30.0)),
            &axis_style,
        )?;
    }
    rect(area, (px0, py1 - sc.px(2.0)), (px1, py1 + sc.px(2.0)), INK)?;
    for (i, l) in lines.x_labels.iter().enumerate() {
        text(area, l, (x_at(i), py1 + sc.px(14.0)), &x_style)?;
    }
    // Series: the average first, under the units.
    let mut order: Vec<usize> = (0..lines.series.len()).collect();
    order.sort_by_key(|&i| !lines.series[i].is_average);
    for i in order {
        let s = &lines.series[i];
        let stroke = sc.px(if s.is_average { 6.0 } else { 8.0 });
        let mut run: Vec<(i32, i32)> = Vec::new();
        let mut runs = Vec::new();
        for (k, v) in s.values.iter().enumerate() {
            match v {
                Some(v) => run.push((x_at(k), y_at(*v))),
                None => runs.push(std::mem::take(&mut run)),
            }
        }
        runs.push(run);
        for run in runs.iter().filter(|r| !r.is_empty()) {
            dash_or_line(
                area,
                run,
                s.color,
                stroke,
                s.is_average.then(|| sc.px(14.0)),
            )?;
            if !s.is_average {
                for p in run {
                    area.draw(&Circle::new(*p, sc.px(9.0), rgb(s.color).filled()))
                        .map_err(err)?;
                }
            }
        }
    }
    Ok(())
}

/// A thick polyline, dashed when `dash` is given.
fn dash_or_line<DB: DrawingBackend>(
    area: &Area<DB>,
    points: &[(i32, i32)],
    color: Rgb,
    stroke: i32,
    dash: Option<i32>,
) -> Result<(), DrawError> {
    let style = rgb(color).stroke_width(stroke.max(1) as u32);
    match dash {
        None => area
            .draw(&PathElement::new(points.to_vec(), style))
            .map_err(err),
        Some(d) => {
            for w in points.windows(2) {
                let (a, b) = (w[0], w[1]);
                let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
                let len = (dx * dx + dy * dy).sqrt();
                let mut t = 0.0;
                while t < len {
                    let t1 = (t + f64::from(d)).min(len);
                    let p = |t: f64| {
                        (
                            a.0 + (dx * t / len).round() as i32,
                            a.1 + (dy * t / len).round() as i32,
                        )
                    };
                    area.draw(&PathElement::new(vec![p(t), p(t1)], style))
                        .map_err(err)?;
                    t += 2.0 * f64::from(d) * 0.75;
                }
            }
            Ok(())
        }
    }
}

fn draw_heat<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    r: Region,
    heat: &Heat,
) -> Result<(), DrawError> {
    let r = below_legend(area, sc, r, &heat.legend, None, 8.0)?;
    let header_h = sc.px(110.0);
    let n = heat.rows.len().max(1) as i32;
    let row_h = ((r.y1 - r.y0 - header_h) / n).min(sc.px(80.0));
    let size = row_font(f64::from(row_h) / sc.s);
    let label_style = sc.font(size, false, INK, HPos::Right);
    let label_w = widest(area, heat.rows.iter().map(String::as_str), &label_style)
        .min((r.x1 - r.x0) * 30 / 100);
    let x0 = r.x0 + label_w + sc.px(18.0);
    let cols = heat.columns.len().max(1) as i32;
    let col_w = (r.x1 - x0) / cols;
    let head_style = sc.font(24.0, false, INK, HPos::Center);
    let code_style = sc.font(28.0, true, INK, HPos::Center);
    for (c, (code, name)) in heat.columns.iter().enumerate() {
        let cx = x0 + c as i32 * col_w + col_w / 2;
        text(area, code, (cx, r.y0), &code_style)?;
        for (k, line) in wrap(area, name, &head_style, col_w - sc.px(10.0), 2)
            .iter()
            .enumerate()
        {
            text(
                area,
                line,
                (cx, r.y0 + sc.px(38.0) + k as i32 * sc.px(30.0)),
                &head_style,
            )?;
        }
    }
    let gap = sc.px(3.0).max(1);
    let cell_size = row_font(f64::from(row_h) / sc.s).min(34.0);
    for (i, (label, cells)) in heat.rows.iter().zip(&heat.cells).enumerate() {
        let y = r.y0 + header_h + i as i32 * row_h;
        let mid = y + row_h / 2;
        let summary = cells.iter().all(Option::is_none) && label.starts_with('…');
        if summary {
            let style = sc.font(size, false, MUTED, HPos::Left);
            let x = r.x0 + sc.px(40.0);
            row_text(area, sc, label, (x, mid), &style, r.x1 - x)?;
            continue;
        }
        row_text(
            area,
            sc,
            label,
            (r.x0 + label_w, mid),
            &label_style,
            label_w,
        )?;
        for c in 0..heat.columns.len() {
            let cx0 = x0 + c as i32 * col_w;
            let value = cells.get(c).copied().flatten();
            let fill = value.map_or(TRACK, heat_color);
            rect(
                area,
                (cx0 + gap, y + gap),
                (cx0 + col_w - gap, y + row_h - gap),
                fill,
            )?;
            let words = value.map_or_else(|| "—".to_string(), |v| format!("{:.0}", v));
            let style = sc.font(cell_size, true, fill.text_on(), HPos::Center);
            text(
                area,
                &words,
                (cx0 + col_w / 2, centred(sc, mid, cell_size)),
                &style,
            )?;
        }
    }
    Ok(())
}

fn draw_stacked<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    r: Region,
    stacked: &Stacked,
) -> Result<(), DrawError> {
    let r = below_legend(area, sc, r, &stacked.parts, None, 14.0)?;
    let n = stacked.rows.len().max(1) as i32;
    let row_h = ((r.y1 - r.y0) / n).min(sc.px(96.0));
    let size = row_font(f64::from(row_h) / sc.s);
    let label_style = sc.font(size, false, INK, HPos::Right);
    let value_style = sc.font(size, true, INK, HPos::Left);
    let label_w = widest(
        area,
        stacked.rows.iter().map(|(l, _)| l.as_str()),
        &label_style,
    )
    .min((r.x1 - r.x0) * 36 / 100);
    let x0 = r.x0 + label_w + sc.px(18.0);
    let total_w = width(area, "999", &value_style) + sc.px(18.0);
    let track_w = r.x1 - x0 - total_w;
    let max = stacked
        .rows
        .iter()
        .map(|(_, c)| c.iter().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let bar_h = (f64::from(row_h) * 0.66).round() as i32;
    for (i, (label, counts)) in stacked.rows.iter().enumerate() {
        let y = r.y0 + i as i32 * row_h;
        let mid = y + row_h / 2;
        row_text(
            area,
            sc,
            label,
            (r.x0 + label_w, mid),
            &label_style,
            label_w,
        )?;
        let mut x = x0;
        for (k, count) in counts.iter().enumerate() {
            if *count == 0 {
                continue;
            }
            let w = (track_w as f64 * *count as f64 / max as f64).round() as i32;
            let color = stacked.parts.get(k).map_or(MUTED, |p| p.0);
            rect(area, (x, mid - bar_h / 2), (x + w, mid + bar_h / 2), color)?;
            let words = count.to_string();
            let style = sc.font(size, true, color.text_on(), HPos::Center);
            if width(area, &words, &style) + sc.px(8.0) < w {
                text(area, &words, (x + w / 2, centred(sc, mid, size)), &style)?;
            }
            x += w;
        }
        let total: usize = counts.iter().sum();
        text(
            area,
            &total.to_string(),
            (x + sc.px(14.0), centred(sc, mid, size)),
            &value_style,
        )?;
    }
    Ok(())
}

fn draw_tiles<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    r: Region,
    tiles: &[Tile],
) -> Result<(), DrawError> {
    let n = tiles.len().max(1);
    let (w, h) = (r.x1 - r.x0, r.y1 - r.y0);
    // The most columns that keep tiles at least twice as wide as high.
    let mut cols = 1;
    for c in 1..=n {
        let rows = n.div_ceil(c) as i32;
        let tw = w / c as i32;
        let th = h / rows;
        if tw >= th * 2 || c == 1 {
            cols = c;
            if tw < th * 3 {
                break;
            }
        }
    }
    let rows = n.div_ceil(cols) as i32;
    let gap = sc.px(16.0);
    let tw = (w - gap * (cols as i32 - 1)) / cols as i32;
    let th = ((h - gap * (rows - 1)) / rows).min(sc.px(220.0));
    let name_size = (f64::from(th) / sc.s * 0.26).clamp(22.0, 40.0);
    for (i, tile) in tiles.iter().enumerate() {
        let (c, row) = ((i % cols) as i32, (i / cols) as i32);
        let x = r.x0 + c * (tw + gap);
        let y = r.y0 + row * (th + gap);
        let fill = match tile.passed {
            Some(true) => crate::domain::chart::GOOD,
            Some(false) => crate::domain::chart::BAD,
            None => TRACK,
        };
        rect(area, (x, y), (x + tw, y + th), fill)?;
        let ink = fill.text_on();
        let name_style = sc.font(name_size, true, ink, HPos::Left);
        let pad = sc.px(18.0);
        let lines = wrap(area, &tile.name, &name_style, tw - 2 * pad, 2);
        for (k, l) in lines.iter().enumerate() {
            text(
                area,
                l,
                (
                    x + pad,
                    y + pad + (k as f64 * name_size * 1.25 * sc.s).round() as i32,
                ),
                &name_style,
            )?;
        }
        let detail_style = sc.font(name_size * 0.85, false, ink, HPos::Left);
        let line = &tile.detail;
        text(
            area,
            &fit(area, line, &detail_style, tw - 2 * pad),
            (
                x + pad,
                y + th - pad - (name_size * 0.85 * sc.s).round() as i32,
            ),
            &detail_style,
        )?;
    }
    Ok(())
}
