//! Painting the grid: body cells and each row's summary, the selection and the cursor, the
//! header rows, the footer of averages and the unit column, in that order (what stays in place
//! is painted last, over what scrolls under it).

use std::ops::Range;

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, Vec2};

use super::{
    CELL_WIDTH, FOOTER_HEIGHT, GridState, HEADER_HEIGHT, ROW_HEIGHT, SUMMARIES, SUMMARY_WIDTH,
    UNIT_WIDTH, ViewMode, selection,
};
use crate::domain::lang::Lang;
use crate::domain::plan::format_number_in;
use crate::domain::points::round_half_up;
use crate::domain::results::Which;
use crate::store::Grid;
use crate::ui::widgets::{band_fill, fit_text, text_on};

/// Where things are, for one frame: the content's origin, the part in view, the rows and
/// columns in view, and the places of what stays in view (summaries, header, footer).
pub(super) struct Layout {
    pub origin: Pos2,
    pub view: Rect,
    pub rows: Range<usize>,
    pub cols: Range<usize>,
    pub n_cols: usize,
    /// Totals, %, rank and band stay in view at the right when the criteria are wider than the
    /// window.
    pub summary_x: f32,
    pub header_y: f32,
    pub footer_y: f32,
}

impl Layout {
    pub fn new(origin: Pos2, viewport: Rect, n_rows: usize, n_cols: usize) -> Layout {
        let first_row = ((viewport.min.y - HEADER_HEIGHT).max(0.0) / ROW_HEIGHT) as usize;
        let last_row =
            (((viewport.max.y - HEADER_HEIGHT).max(0.0) / ROW_HEIGHT) as usize + 1).min(n_rows);
        let first_col = ((viewport.min.x - UNIT_WIDTH).max(0.0) / CELL_WIDTH) as usize;
        let last_col =
            (((viewport.max.x - UNIT_WIDTH).max(0.0) / CELL_WIDTH) as usize + 1).min(n_cols);
        let view = viewport.translate(origin.to_vec2());
        let summary_x = (origin.x + UNIT_WIDTH + n_cols as f32 * CELL_WIDTH)
            .min(view.max.x - SUMMARIES as f32 * SUMMARY_WIDTH)
            .max(view.min.x + UNIT_WIDTH);
        let footer_y =
            (origin.y + HEADER_HEIGHT + n_rows as f32 * ROW_HEIGHT).min(view.max.y - FOOTER_HEIGHT);
        Layout {
            origin,
            view,
            rows: first_row..last_row,
            cols: first_col..last_col,
            n_cols,
            summary_x,
            header_y: view.min.y,
            footer_y,
        }
    }

    pub fn x_of(&self, col: usize) -> f32 {
        self.origin.x + UNIT_WIDTH + col as f32 * CELL_WIDTH
    }

    pub fn y_of(&self, row: usize) -> f32 {
        self.origin.y + HEADER_HEIGHT + row as f32 * ROW_HEIGHT
    }

    /// The rectangle of a body cell.
    pub fn cell(&self, row: usize, col: usize) -> Rect {
        Rect::from_min_size(
            Pos2::new(self.x_of(col), self.y_of(row)),
            Vec2::new(CELL_WIDTH, ROW_HEIGHT),
        )
    }

    /// The body cell under `pos`, if any (not under the header, the unit column or the
    /// summaries).
    pub fn cell_at(&self, pos: Pos2) -> Option<(usize, usize)> {
        if pos.y < self.header_y + HEADER_HEIGHT
            || pos.x <= self.view.min.x + UNIT_WIDTH
            || pos.x >= self.summary_x
        {
            return None;
        }
        let row = ((pos.y - self.origin.y - HEADER_HEIGHT) / ROW_HEIGHT).floor();
        let col = ((pos.x - self.origin.x - UNIT_WIDTH) / CELL_WIDTH).floor();
        (row >= 0.0 && col >= 0.0).then_some((row as usize, col as usize))
    }
}

/// Fonts and colours, from the theme.
pub(super) struct Style {
    pub visuals: egui::Visuals,
    pub text: Color32,
    pub font: FontId,
    pub bold: FontId,
    pub header_fill: Color32,
    pub line: Stroke,
}

impl Style {
    pub fn of(ui: &egui::Ui) -> Style {
        let visuals = ui.visuals().clone();
        let dark = visuals.dark_mode;
        Style {
            text: visuals.text_color(),
            font: FontId::proportional(14.0),
            bold: FontId::new(14.0, egui::FontFamily::Name(crate::ui::fonts::BOLD.into())),
            header_fill: if dark {
                Color32::from_gray(45)
            } else {
                Color32::from_gray(232)
            },
            line: Stroke::new(
                1.0,
                if dark {
                    Color32::from_gray(70)
                } else {
                    Color32::from_gray(205)
                },
            ),
            visuals,
        }
    }
}

/// Everything, in order.
pub(super) fn paint(
    painter: &Painter,
    l: &Layout,
    s: &Style,
    state: &GridState,
    grid: &Grid,
    lang: Lang,
) {
    body(painter, l, s, state, grid, lang);
    selected_block(painter, l, s, state);
    cursor(painter, l, s, state);
    headers(painter, l, s, grid, lang);
    footer(painter, l, s, state, lang);
    unit_column(painter, l, s, state, grid, lang);
}

/// Body cells in view, each row with its summaries.
fn body(painter: &Painter, l: &Layout, s: &Style, state: &GridState, grid: &Grid, lang: Lang) {
    // Body cells in l.view.
    for row in l.rows.clone() {
        let Some(&i) = state.rows.get(row) else {
            continue;
        };
        let unit = grid.units[i].unit_id;
        let y = l.y_of(row);
        if row % 2 == 1 {
            painter.rect_filled(
                Rect::from_min_size(
                    Pos2::new(l.view.min.x, y),
                    Vec2::new(l.view.width(), ROW_HEIGHT),
                ),
                0.0,
                s.visuals.faint_bg_color,
            );
        }
        for col in l.cols.clone() {
            let cell =
                Rect::from_min_size(Pos2::new(l.x_of(col), y), Vec2::new(CELL_WIDTH, ROW_HEIGHT));
            let shown = state.cell_text(grid, unit, col, lang);
            if shown.differs {
                painter.rect_filled(cell.shrink(1.0), 2.0, Color32::from_rgb(255, 224, 178));
            }
            let font = FontId::proportional(shown.size);
            let n = shown.lines.len();
            for (k, text) in shown.lines.into_iter().enumerate() {
                // One line centred; two (self above, appraised below), each in its half, the
                // self-score muted.
                let y = if n == 2 {
                    cell.top() + ROW_HEIGHT * (0.27 + 0.46 * k as f32)
                } else {
                    cell.center().y
                };
                let colour = if n == 2 && k == 0 {
                    s.visuals.weak_text_color()
                } else {
                    s.text
                };
                painter.text(
                    Pos2::new(cell.right() - 6.0, y),
                    Align2::RIGHT_CENTER,
                    text,
                    font.clone(),
                    colour,
                );
            }
            painter.line_segment([cell.right_top(), cell.right_bottom()], s.line);
        }
        painter.line_segment(
            [
                Pos2::new(l.view.min.x, y + ROW_HEIGHT),
                Pos2::new(l.view.max.x, y + ROW_HEIGHT),
            ],
            s.line,
        );
        summaries(painter, l, s, state, grid, lang, row, unit);
    }
}

/// A row's total, %, rank and band (of the counting side), kept in view at the right.
#[allow(clippy::too_many_arguments)]
fn summaries(
    painter: &Painter,
    l: &Layout,
    s: &Style,
    state: &GridState,
    grid: &Grid,
    lang: Lang,
    row: usize,
    unit: uuid::Uuid,
) {
    let y = l.y_of(row);
    let results = if state.mode == ViewMode::SelfScores {
        &state.self_scored
    } else {
        &state.appraised
    };
    let summary_rect = Rect::from_min_size(
        Pos2::new(l.summary_x, y),
        Vec2::new(SUMMARIES as f32 * SUMMARY_WIDTH, ROW_HEIGHT),
    );
    painter.rect_filled(summary_rect, 0.0, s.visuals.panel_fill);
    if row % 2 == 1 {
        painter.rect_filled(summary_rect, 0.0, s.visuals.faint_bg_color);
    }
    painter.line_segment(
        [
            Pos2::new(l.summary_x, y),
            Pos2::new(l.summary_x, y + ROW_HEIGHT),
        ],
        Stroke::new(1.5, s.text),
    );
    if let Some(r) = results.get(&unit) {
        let sx = l.summary_x;
        let cells = [
            if r.rank.is_some() {
                format_number_in(r.total, lang)
            } else {
                String::new()
            },
            if r.rank.is_some() {
                format!(
                    "{}%",
                    format_number_in(round_half_up(r.pct_of_max, 1), lang)
                )
            } else {
                String::new()
            },
            r.rank.map(|x| x.to_string()).unwrap_or_default(),
            match (r.passed, r.band.and_then(|b| grid.bands.get(b))) {
                (Some(true), _) => lang.pick("Đạt", "Passed").into(),
                (Some(false), _) => lang.pick("Chưa đạt", "Not yet").into(),
                (None, Some(b)) => b.name.clone(),
                _ => String::new(),
            },
        ];
        for (k, text) in cells.into_iter().enumerate() {
            let cell = Rect::from_min_size(
                Pos2::new(sx + k as f32 * SUMMARY_WIDTH, y),
                Vec2::new(SUMMARY_WIDTH, ROW_HEIGHT),
            );
            if k == 3
                && let Some(b) = r.band.and_then(|b| grid.bands.get(b))
            {
                let fill = band_fill(b);
                painter.rect_filled(cell.shrink(2.0), 3.0, fill);
                painter.text(
                    cell.center(),
                    Align2::CENTER_CENTER,
                    text,
                    s.font.clone(),
                    text_on(fill),
                );
                continue;
            }
            painter.text(
                cell.right_center() - Vec2::new(6.0, 0.0),
                Align2::RIGHT_CENTER,
                text,
                s.bold.clone(),
                s.text,
            );
        }
        // A unit not yet complete has no total, rank or band: the four columns say how far
        // its appraisal (or self-assessment) has come.
        let which = if state.mode == ViewMode::SelfScores {
            Which::SelfScore
        } else {
            Which::Appraised
        };
        if let Some(text) = r.incomplete_text(which, lang) {
            let cell = Rect::from_min_size(
                Pos2::new(sx, y),
                Vec2::new(SUMMARY_WIDTH * SUMMARIES as f32, ROW_HEIGHT),
            );
            painter.text(
                cell.left_center() + Vec2::new(8.0, 0.0),
                Align2::LEFT_CENTER,
                text,
                s.font.clone(),
                Color32::from_rgb(170, 100, 0),
            );
        }
    }
}

/// The selected block (Shift+arrows, a drag).
fn selected_block(painter: &Painter, l: &Layout, s: &Style, state: &GridState) {
    if state.anchor.is_some() {
        let (r0, r1, c0, c1) = selection(state);
        let block = Rect::from_min_max(
            Pos2::new(l.x_of(c0), l.y_of(r0)),
            Pos2::new(l.x_of(c1 + 1), l.y_of(r1 + 1)),
        );
        painter.rect_filled(block, 0.0, s.visuals.selection.bg_fill.gamma_multiply(0.35));
        painter.rect_stroke(
            block,
            0.0,
            Stroke::new(1.5, s.visuals.selection.stroke.color),
            egui::StrokeKind::Inside,
        );
    }
}

/// The cursor, and the text being typed into it.
fn cursor(painter: &Painter, l: &Layout, s: &Style, state: &GridState) {
    let cursor = state.cursor;
    if let Some(&_i) = state.rows.get(cursor.0) {
        let cell = Rect::from_min_size(
            Pos2::new(l.x_of(cursor.1), l.y_of(cursor.0)),
            Vec2::new(CELL_WIDTH, ROW_HEIGHT),
        );
        let color = if state.error.is_some() {
            Color32::from_rgb(200, 30, 30)
        } else {
            s.visuals.selection.stroke.color
        };
        if let Some(text) = &state.editing {
            painter.rect_filled(cell, 0.0, s.visuals.extreme_bg_color);
            // The text stays inside its cell: when it is longer, its end (where the typing
            // is) shows, as in a spreadsheet's cell editor.
            let galley = painter.layout_no_wrap(format!("{text}|"), s.font.clone(), s.text);
            let fits = galley.size().x <= cell.width() - 8.0;
            let (anchor, align) = if fits {
                (
                    cell.left_center() + Vec2::new(4.0, 0.0),
                    Align2::LEFT_CENTER,
                )
            } else {
                (
                    cell.right_center() - Vec2::new(4.0, 0.0),
                    Align2::RIGHT_CENTER,
                )
            };
            painter
                .with_clip_rect(cell.intersect(painter.clip_rect()))
                .galley(align.anchor_size(anchor, galley.size()).min, galley, s.text);
        }
        painter.rect_stroke(
            cell.shrink(1.0),
            0.0,
            Stroke::new(2.0, color),
            egui::StrokeKind::Inside,
        );
    }
}

/// The header rows, kept at the top of the view: group names over their columns, codes
/// below, and the summaries' titles.
fn headers(painter: &Painter, l: &Layout, s: &Style, grid: &Grid, lang: Lang) {
    // Header rows, kept at the top of the l.view: group names over their columns, codes below.
    painter.rect_filled(
        Rect::from_min_size(
            Pos2::new(l.view.min.x, l.header_y),
            Vec2::new(l.view.width(), HEADER_HEIGHT),
        ),
        0.0,
        s.header_fill,
    );
    let mut col = 0;
    for g in &grid.groups {
        let span = grid
            .criteria
            .iter()
            .filter(|c| c.group_id == g.group_id)
            .count();
        let from = col;
        col += span;
        if col <= l.cols.start || from >= l.cols.end || span == 0 {
            continue;
        }
        let r = Rect::from_min_max(
            Pos2::new(l.x_of(from), l.header_y),
            Pos2::new(l.x_of(col), l.header_y + HEADER_HEIGHT / 2.0),
        );
        let name = format!("{}. {}", g.code, g.name);
        let max_chars = ((r.width() - 8.0) / 7.5).max(1.0) as usize;
        let name = if name.chars().count() > max_chars {
            format!(
                "{}…",
                name.chars()
                    .take(max_chars.saturating_sub(1))
                    .collect::<String>()
            )
        } else {
            name
        };
        painter.text(
            r.left_center() + Vec2::new(4.0, 0.0),
            Align2::LEFT_CENTER,
            name,
            s.font.clone(),
            s.text,
        );
        painter.line_segment(
            [r.left_top(), Pos2::new(r.min.x, l.header_y + HEADER_HEIGHT)],
            s.line,
        );
    }
    for c in l.cols.clone() {
        let r = Rect::from_min_size(
            Pos2::new(l.x_of(c), l.header_y + HEADER_HEIGHT / 2.0),
            Vec2::new(CELL_WIDTH, HEADER_HEIGHT / 2.0),
        );
        painter.text(
            r.center(),
            Align2::CENTER_CENTER,
            &grid.criteria[c].code,
            s.bold.clone(),
            s.text,
        );
    }
    let sx = l.summary_x;
    painter.rect_filled(
        Rect::from_min_size(
            Pos2::new(sx, l.header_y),
            Vec2::new(SUMMARIES as f32 * SUMMARY_WIDTH, HEADER_HEIGHT),
        ),
        0.0,
        s.header_fill,
    );
    for (k, title) in [
        lang.pick("Tổng", "Total"),
        "%",
        lang.pick("Hạng", "Rank"),
        lang.pick("Xếp loại", "Band"),
    ]
    .iter()
    .enumerate()
    {
        let r = Rect::from_min_size(
            Pos2::new(sx + k as f32 * SUMMARY_WIDTH, l.header_y),
            Vec2::new(SUMMARY_WIDTH, HEADER_HEIGHT),
        );
        painter.text(
            r.center(),
            Align2::CENTER_CENTER,
            *title,
            s.bold.clone(),
            s.text,
        );
    }
    painter.line_segment(
        [
            Pos2::new(l.view.min.x, l.header_y + HEADER_HEIGHT),
            Pos2::new(l.view.max.x, l.header_y + HEADER_HEIGHT),
        ],
        Stroke::new(1.5, s.text),
    );
}

/// The footer: each criterion's average.
fn footer(painter: &Painter, l: &Layout, s: &Style, state: &GridState, lang: Lang) {
    painter.rect_filled(
        Rect::from_min_size(
            Pos2::new(l.view.min.x, l.footer_y),
            Vec2::new(l.view.width(), FOOTER_HEIGHT),
        ),
        0.0,
        s.header_fill,
    );
    for c in l.cols.clone() {
        if let Some(avg) = state.averages.get(c).copied().flatten() {
            let r = Rect::from_min_size(
                Pos2::new(l.x_of(c), l.footer_y),
                Vec2::new(CELL_WIDTH, FOOTER_HEIGHT),
            );
            painter.text(
                r.right_center() - Vec2::new(6.0, 0.0),
                Align2::RIGHT_CENTER,
                format_number_in(round_half_up(avg, 1), lang),
                s.font.clone(),
                s.text,
            );
        }
    }

    painter.rect_filled(
        Rect::from_min_size(
            Pos2::new(l.summary_x, l.footer_y),
            Vec2::new(SUMMARIES as f32 * SUMMARY_WIDTH, FOOTER_HEIGHT),
        ),
        0.0,
        s.header_fill,
    );
}

/// The unit column, kept at the left of the view.
fn unit_column(
    painter: &Painter,
    l: &Layout,
    s: &Style,
    state: &GridState,
    grid: &Grid,
    lang: Lang,
) {
    let cursor = state.cursor;
    // The unit column, kept at the left of the l.view.
    let ux = l.view.min.x;
    painter.rect_filled(
        Rect::from_min_size(
            Pos2::new(ux, l.view.min.y),
            Vec2::new(UNIT_WIDTH, l.view.height()),
        ),
        0.0,
        s.visuals.panel_fill,
    );
    for row in l.rows.clone() {
        let Some(&i) = state.rows.get(row) else {
            continue;
        };
        let r = Rect::from_min_size(
            Pos2::new(ux, l.y_of(row)),
            Vec2::new(UNIT_WIDTH, ROW_HEIGHT),
        );
        if r.max.y <= l.header_y + HEADER_HEIGHT || r.min.y >= l.footer_y {
            continue;
        }
        let color = if row == cursor.0 {
            s.visuals.selection.stroke.color
        } else {
            s.text
        };
        painter.text(
            r.left_center() + Vec2::new(6.0, 0.0),
            Align2::LEFT_CENTER,
            fit_text(
                painter.ctx(),
                &grid.units[i].name,
                &s.font,
                UNIT_WIDTH - 12.0,
            ),
            s.font.clone(),
            color,
        );
    }
    painter.rect_filled(
        Rect::from_min_size(
            Pos2::new(ux, l.header_y),
            Vec2::new(UNIT_WIDTH, HEADER_HEIGHT),
        ),
        0.0,
        s.header_fill,
    );
    painter.text(
        Pos2::new(ux + 6.0, l.header_y + HEADER_HEIGHT * 0.75),
        Align2::LEFT_CENTER,
        lang.pick("Đơn vị", "Unit"),
        s.bold.clone(),
        s.text,
    );
    painter.text(
        Pos2::new(ux + 6.0, l.footer_y + FOOTER_HEIGHT / 2.0),
        Align2::LEFT_CENTER,
        lang.pick("Trung bình", "Average"),
        s.bold.clone(),
        s.text,
    );
    painter.line_segment(
        [
            Pos2::new(ux + UNIT_WIDTH, l.view.min.y),
            Pos2::new(ux + UNIT_WIDTH, l.view.max.y),
        ],
        Stroke::new(1.5, s.text),
    );
}
