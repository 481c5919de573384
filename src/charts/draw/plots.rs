//! The other layouts: a trend's lines over the months, the heatmap's cells, the tiles of a
//! recognition.

use super::*;

/// Round steps for an axis from `min` to `max`: about five.
pub(super) fn ticks(min: f64, max: f64) -> Vec<f64> {
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

pub(super) fn draw_lines<DB: DrawingBackend>(
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
pub(super) fn dash_or_line<DB: DrawingBackend>(
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

/// The heatmap's header: the group's code and its name on two lines.
const HEAT_HEADER: f64 = 118.0;

/// The size of the heatmap's group codes and names: as large as the units' names (never under
/// the slide's smallest text, 24 at 1080 lines), as long as three lines fit the header.
fn heat_head_font(row_size: f64) -> f64 {
    row_size.clamp(24.0, HEAT_HEADER / 3.6)
}

pub(super) fn draw_heat<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scale,
    r: Region,
    heat: &Heat,
) -> Result<(), DrawError> {
    let r = below_legend(area, sc, r, &heat.legend, None, 8.0)?;
    let header_h = sc.px(HEAT_HEADER);
    let n = heat.rows.len().max(1) as i32;
    let row_h = ((r.y1 - r.y0 - header_h) / n).min(sc.px(80.0));
    let size = row_font(f64::from(row_h) / sc.s);
    let head_size = heat_head_font(size);
    let label_style = sc.font(size, false, INK, HPos::Right);
    let label_w = widest(area, heat.rows.iter().map(String::as_str), &label_style)
        .min((r.x1 - r.x0) * 30 / 100);
    let x0 = r.x0 + label_w + sc.px(18.0);
    let cols = heat.columns.len().max(1) as i32;
    let col_w = (r.x1 - x0) / cols;
    let head_style = sc.font(head_size, false, INK, HPos::Center);
    let code_style = sc.font(head_size, true, INK, HPos::Center);
    let line = head_size * 1.2;
    for (c, (code, name)) in heat.columns.iter().enumerate() {
        let cx = x0 + c as i32 * col_w + col_w / 2;
        text(area, code, (cx, r.y0), &code_style)?;
        for (k, l) in wrap(area, name, &head_style, col_w - sc.px(10.0), 2)
            .iter()
            .enumerate()
        {
            text(
                area,
                l,
                (cx, r.y0 + sc.px(line) * (k as i32 + 1)),
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

pub(super) fn draw_tiles<DB: DrawingBackend>(
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12, defect 12: the heatmap's group names are as large as the units' names beside
    /// them, and never under the slides' smallest text.
    #[test]
    fn heatmap_group_names_are_as_large_as_the_rows() {
        for row_h in [30.0, 44.0, 52.0, 80.0] {
            let rows = row_font(row_h);
            let head = heat_head_font(rows);
            assert!(head >= 24.0, "{head} at rows of {row_h}");
            assert!(head + 1.0 >= rows.min(32.0), "{head} beside rows at {rows}");
            assert!(head * 1.2 * 3.0 <= HEAT_HEADER, "code and two lines fit");
        }
    }
}
