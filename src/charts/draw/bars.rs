//! Horizontal bars: a ranking, a scorecard or a plan's targets (labels beside the bars, or
//! above them when long), and the action items' bars split by status.

use super::*;

/// The texts of the bars (not the summary lines), picked by `f`.
pub(super) fn bar_texts<'a>(
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
pub(super) fn row_font(row_h: f64) -> f64 {
    (row_h * 0.62).clamp(24.0f64.min(row_h * 0.85), 40.0)
}

pub(super) fn draw_bars<DB: DrawingBackend>(
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
pub(super) fn marker<DB: DrawingBackend>(
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
pub(super) struct BarColumns {
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
pub(super) fn bar_row<DB: DrawingBackend>(
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
pub(super) fn draw_bars_under_labels<DB: DrawingBackend>(
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

pub(super) fn draw_stacked<DB: DrawingBackend>(
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
