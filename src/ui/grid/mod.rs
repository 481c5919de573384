//! The scoring grid: units × criteria of one period, typed into like a spreadsheet.
//!
//! Drawn with the painter, only the rows and columns in view, so 126 wards and 3,300
//! communes scroll alike. The unit column and the two header rows stay in place. The grid
//! never writes: a committed cell becomes a `Command::Edit(SetScore)`.

use std::collections::HashMap;

use egui::{Align2, Color32, FontId, Key, Pos2, Rect, Sense, Stroke, Vec2};
use uuid::Uuid;

use crate::app::Command;
use crate::domain::edit::{CellValue, Edit};
use crate::domain::lang::Lang;
use crate::domain::plan::{format_number, format_number_in};
use crate::domain::points::display_raw;
use crate::domain::results::{UnitResult, Which};
use crate::domain::text::Search;
use crate::store::Grid;

use super::widgets::{band_fill, text_on};

mod edit;

use self::edit::keyboard;
pub use self::edit::{commit, copy_text, paste, selection};

pub const ROW_HEIGHT: f32 = 26.0;
pub const UNIT_WIDTH: f32 = 190.0;
pub const CELL_WIDTH: f32 = 64.0;
pub const SUMMARY_WIDTH: f32 = 78.0;
pub const HEADER_HEIGHT: f32 = 48.0;
pub const FOOTER_HEIGHT: f32 = 24.0;
const SUMMARIES: usize = 4;

/// What the cells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewMode {
    SelfScores,
    #[default]
    Appraised,
    Both,
    /// Appraised values, with the cells where they differ from the self-score marked.
    Differences,
}

impl ViewMode {
    pub const ALL: [ViewMode; 4] = [
        ViewMode::SelfScores,
        ViewMode::Appraised,
        ViewMode::Both,
        ViewMode::Differences,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ViewMode::SelfScores => lang.pick("Tự chấm", "Self-scores"),
            ViewMode::Appraised => lang.pick("Thẩm định", "Appraised"),
            ViewMode::Both => lang.pick("Cả hai", "Both"),
            ViewMode::Differences => lang.pick("Chỗ chênh lệch", "Differences"),
        }
    }

    /// The side typed into.
    pub fn side(self) -> Which {
        match self {
            ViewMode::SelfScores => Which::SelfScore,
            _ => Which::Appraised,
        }
    }
}

/// How rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Official,
    /// By a criterion's column (index), highest first.
    Criterion(usize),
    Total,
}

/// The grid, its derived results, and the person's place in it.
#[derive(Default)]
pub struct GridState {
    pub grid: Option<Grid>,
    /// Results of both sides, by unit.
    pub appraised: HashMap<Uuid, UnitResult>,
    pub self_scored: HashMap<Uuid, UnitResult>,
    /// Indices into `grid.units`, filtered and sorted.
    pub rows: Vec<usize>,
    pub cursor: (usize, usize),
    /// The other corner of a selected block (Shift+arrows), if any.
    pub anchor: Option<(usize, usize)>,
    /// The text being typed into the cursor's cell.
    pub editing: Option<String>,
    /// Why the last value was refused, in the person's language.
    pub error: Option<String>,
    pub mode: ViewMode,
    pub sort: SortBy,
    pub filter: String,
    rows_key: Option<(String, SortBy, u64)>,
    loaded: u64,
    /// Per-criterion averages (of the counting side), for the footer.
    pub averages: Vec<Option<f64>>,
}

impl GridState {
    /// Takes a freshly read grid and computes everything derived from it.
    pub fn set_grid(&mut self, grid: Grid) {
        let ids: Vec<Uuid> = grid.units.iter().map(|u| u.unit_id).collect();
        let by_unit = |which| {
            grid.results(which)
                .into_iter()
                .map(|r| (r.unit_id, r))
                .collect::<HashMap<_, _>>()
        };
        self.appraised = by_unit(Which::Appraised);
        self.self_scored = by_unit(Which::SelfScore);
        self.averages = grid
            .criteria
            .iter()
            .map(|c| {
                let values: Vec<f64> = ids
                    .iter()
                    .filter_map(|u| grid.cells.get(&(*u, c.criterion_id)).and_then(|v| v.1))
                    .collect();
                (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
            })
            .collect();
        self.grid = Some(grid);
        self.loaded += 1;
        self.rows_key = None;
        self.refresh_rows();
        let rows = self.rows.len();
        let cols = self.grid.as_ref().map_or(0, |g| g.criteria.len());
        self.cursor = (
            self.cursor.0.min(rows.saturating_sub(1)),
            self.cursor.1.min(cols.saturating_sub(1)),
        );
    }

    /// Recomputes the visible rows when the filter, the sort or the grid changed.
    pub fn refresh_rows(&mut self) {
        let key = (self.filter.clone(), self.sort, self.loaded);
        if self.rows_key.as_ref() == Some(&key) {
            return;
        }
        let Some(grid) = &self.grid else {
            self.rows.clear();
            return;
        };
        let search = Search::new(&self.filter);
        let mut rows: Vec<usize> = (0..grid.units.len())
            .filter(|&i| search.matches(&grid.units[i].name))
            .collect();
        let value = |i: usize, col: usize| -> f64 {
            let unit = grid.units[i].unit_id;
            grid.criteria
                .get(col)
                .and_then(|c| grid.cells.get(&(unit, c.criterion_id)))
                .and_then(|v| v.1)
                .unwrap_or(f64::NEG_INFINITY)
        };
        match self.sort {
            SortBy::Official => {}
            SortBy::Criterion(col) => {
                rows.sort_by(|&a, &b| value(b, col).total_cmp(&value(a, col)))
            }
            SortBy::Total => rows.sort_by_key(|&i| {
                self.appraised
                    .get(&grid.units[i].unit_id)
                    .and_then(|r| r.rank)
                    .unwrap_or(u32::MAX)
            }),
        }
        self.rows = rows;
        self.rows_key = Some(key);
    }

    fn shown_value(&self, grid: &Grid, unit: Uuid, col: usize, lang: Lang) -> (String, bool) {
        let Some(c) = grid.criteria.get(col) else {
            return (String::new(), false);
        };
        let (s, a) = grid
            .cells
            .get(&(unit, c.criterion_id))
            .copied()
            .unwrap_or((None, None));
        let show = |v: Option<f64>| v.map(|v| display_raw(c, v, lang)).unwrap_or_default();
        let differs = s != a && s.is_some() && a.is_some();
        match self.mode {
            ViewMode::SelfScores => (show(s), false),
            ViewMode::Appraised => (show(a), false),
            ViewMode::Both => {
                if s.is_none() && a.is_none() {
                    (String::new(), false)
                } else {
                    (format!("{} / {}", show(s), show(a)), differs)
                }
            }
            ViewMode::Differences => (show(a), differs),
        }
    }

    /// Text of the selected cell as it is stored, for F2.
    fn raw_text(&self, grid: &Grid, row: usize, col: usize, lang: Lang) -> String {
        let Some(&i) = self.rows.get(row) else {
            return String::new();
        };
        let Some(c) = grid.criteria.get(col) else {
            return String::new();
        };
        let (s, a) = grid
            .cells
            .get(&(grid.units[i].unit_id, c.criterion_id))
            .copied()
            .unwrap_or((None, None));
        let v = match self.mode.side() {
            Which::SelfScore => s,
            Which::Appraised => a,
        };
        v.map(|v| match lang {
            Lang::Vi => format_number(v).replace('.', ","),
            Lang::En => format_number(v),
        })
        .unwrap_or_default()
    }
}

fn grid_ref(state: &GridState) -> &Grid {
    #[allow(clippy::expect_used)] // only called when the grid is present
    state.grid.as_ref().expect("grid")
}

/// Draws the grid and handles its input. `id_label` names it for screen readers and tests.
pub fn grid_ui(
    ui: &mut egui::Ui,
    state: &mut GridState,
    lang: Lang,
    commands: &mut Vec<Command>,
    notes: &mut Vec<String>,
) {
    state.refresh_rows();
    let Some(grid) = state.grid.as_ref() else {
        return;
    };
    let n_rows = state.rows.len();
    let n_cols = grid.criteria.len();
    let content = Vec2::new(
        UNIT_WIDTH + n_cols as f32 * CELL_WIDTH + SUMMARIES as f32 * SUMMARY_WIDTH,
        HEADER_HEIGHT + n_rows as f32 * ROW_HEIGHT + FOOTER_HEIGHT,
    );
    let grid_id = ui.make_persistent_id("score-grid");
    let has_focus = ui.memory(|m| m.has_focus(grid_id));
    if has_focus {
        keyboard(state, ui, lang, commands, notes);
    }
    let Some(grid) = state.grid.as_ref() else {
        return;
    };
    let cursor = state.cursor;
    let scroll_to = has_focus.then_some(cursor);
    let visuals = ui.visuals().clone();
    let text_color = visuals.text_color();
    let font = FontId::proportional(14.0);
    let bold = FontId::new(14.0, egui::FontFamily::Name(super::fonts::BOLD.into()));
    let header_fill = if visuals.dark_mode {
        Color32::from_gray(45)
    } else {
        Color32::from_gray(232)
    };
    let line = Stroke::new(
        1.0,
        if visuals.dark_mode {
            Color32::from_gray(70)
        } else {
            Color32::from_gray(205)
        },
    );

    let mut clicked_cell = None;
    let mut clicked_header = None;
    let mut shift_click = false;
    // (where the drag started, where the pointer is), as cells.
    let mut dragged: Option<((usize, usize), (usize, usize))> = None;
    egui::ScrollArea::both()
        .id_salt("score-grid-scroll")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let (rect, _) = ui.allocate_exact_size(content, Sense::hover());
            let response = ui.interact(rect, grid_id, Sense::click_and_drag());
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Table,
                    true,
                    lang.pick("Bảng điểm", "Score grid"),
                )
            });
            let origin = rect.min;
            let painter = ui.painter_at(rect.intersect(viewport.translate(origin.to_vec2())));
            let first_row = ((viewport.min.y - HEADER_HEIGHT).max(0.0) / ROW_HEIGHT) as usize;
            let last_row =
                (((viewport.max.y - HEADER_HEIGHT).max(0.0) / ROW_HEIGHT) as usize + 1).min(n_rows);
            let first_col = ((viewport.min.x - UNIT_WIDTH).max(0.0) / CELL_WIDTH) as usize;
            let last_col =
                (((viewport.max.x - UNIT_WIDTH).max(0.0) / CELL_WIDTH) as usize + 1).min(n_cols);
            let view = viewport.translate(origin.to_vec2());
            let x_of = |col: usize| origin.x + UNIT_WIDTH + col as f32 * CELL_WIDTH;
            let y_of = |row: usize| origin.y + HEADER_HEIGHT + row as f32 * ROW_HEIGHT;
            // Totals, %, rank and band stay in view at the right when the criteria are wider
            // than the window.
            let summary_x = x_of(n_cols)
                .min(view.max.x - SUMMARIES as f32 * SUMMARY_WIDTH)
                .max(view.min.x + UNIT_WIDTH);
            let summary_bg = visuals.panel_fill;

            // Body cells in view.
            for row in first_row..last_row {
                let Some(&i) = state.rows.get(row) else {
                    continue;
                };
                let unit = grid.units[i].unit_id;
                let y = y_of(row);
                if row % 2 == 1 {
                    painter.rect_filled(
                        Rect::from_min_size(
                            Pos2::new(view.min.x, y),
                            Vec2::new(view.width(), ROW_HEIGHT),
                        ),
                        0.0,
                        visuals.faint_bg_color,
                    );
                }
                for col in first_col..last_col {
                    let cell = Rect::from_min_size(
                        Pos2::new(x_of(col), y),
                        Vec2::new(CELL_WIDTH, ROW_HEIGHT),
                    );
                    let (text, differs) = state.shown_value(grid, unit, col, lang);
                    if differs {
                        painter.rect_filled(
                            cell.shrink(1.0),
                            2.0,
                            Color32::from_rgb(255, 224, 178),
                        );
                    }
                    if !text.is_empty() {
                        painter.text(
                            cell.right_center() - Vec2::new(6.0, 0.0),
                            Align2::RIGHT_CENTER,
                            text,
                            font.clone(),
                            text_color,
                        );
                    }
                    painter.line_segment([cell.right_top(), cell.right_bottom()], line);
                }
                painter.line_segment(
                    [
                        Pos2::new(view.min.x, y + ROW_HEIGHT),
                        Pos2::new(view.max.x, y + ROW_HEIGHT),
                    ],
                    line,
                );
                // Summaries: total, %, rank, band (of the counting side).
                let results = if state.mode == ViewMode::SelfScores {
                    &state.self_scored
                } else {
                    &state.appraised
                };
                let summary_rect = Rect::from_min_size(
                    Pos2::new(summary_x, y),
                    Vec2::new(SUMMARIES as f32 * SUMMARY_WIDTH, ROW_HEIGHT),
                );
                painter.rect_filled(summary_rect, 0.0, summary_bg);
                if row % 2 == 1 {
                    painter.rect_filled(summary_rect, 0.0, visuals.faint_bg_color);
                }
                painter.line_segment(
                    [
                        Pos2::new(summary_x, y),
                        Pos2::new(summary_x, y + ROW_HEIGHT),
                    ],
                    Stroke::new(1.5, text_color),
                );
                if let Some(r) = results.get(&unit) {
                    let sx = summary_x;
                    let cells = [
                        if r.rank.is_some() {
                            format_number_in((r.total * 100.0).round() / 100.0, lang)
                        } else {
                            String::new()
                        },
                        if r.rank.is_some() {
                            format!(
                                "{}%",
                                format_number_in((r.pct_of_max * 10.0).round() / 10.0, lang)
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
                                font.clone(),
                                text_on(fill),
                            );
                            continue;
                        }
                        painter.text(
                            cell.right_center() - Vec2::new(6.0, 0.0),
                            Align2::RIGHT_CENTER,
                            text,
                            bold.clone(),
                            text_color,
                        );
                    }
                    if r.missing > 0 && r.rank.is_none() {
                        let cell = Rect::from_min_size(
                            Pos2::new(sx, y),
                            Vec2::new(SUMMARY_WIDTH * 2.0, ROW_HEIGHT),
                        );
                        painter.text(
                            cell.center(),
                            Align2::CENTER_CENTER,
                            lang.pick("chưa thẩm định", "not appraised"),
                            font.clone(),
                            Color32::from_rgb(170, 100, 0),
                        );
                    } else if r.missing > 0 {
                        let cell = Rect::from_min_size(
                            Pos2::new(sx + SUMMARY_WIDTH * 2.0, y),
                            Vec2::new(SUMMARY_WIDTH, ROW_HEIGHT),
                        );
                        painter.text(
                            cell.left_center() + Vec2::new(4.0, 0.0),
                            Align2::LEFT_CENTER,
                            format!("−{}", r.missing),
                            font.clone(),
                            Color32::from_rgb(170, 100, 0),
                        );
                    }
                }
            }

            // The selected block.
            if state.anchor.is_some() {
                let (r0, r1, c0, c1) = selection(state);
                let block = Rect::from_min_max(
                    Pos2::new(x_of(c0), y_of(r0)),
                    Pos2::new(x_of(c1 + 1), y_of(r1 + 1)),
                );
                painter.rect_filled(block, 0.0, visuals.selection.bg_fill.gamma_multiply(0.35));
                painter.rect_stroke(
                    block,
                    0.0,
                    Stroke::new(1.5, visuals.selection.stroke.color),
                    egui::StrokeKind::Inside,
                );
            }

            // The cursor, and the text being typed.
            if let Some(&_i) = state.rows.get(cursor.0) {
                let cell = Rect::from_min_size(
                    Pos2::new(x_of(cursor.1), y_of(cursor.0)),
                    Vec2::new(CELL_WIDTH, ROW_HEIGHT),
                );
                let color = if state.error.is_some() {
                    Color32::from_rgb(200, 30, 30)
                } else {
                    visuals.selection.stroke.color
                };
                if let Some(text) = &state.editing {
                    painter.rect_filled(cell, 0.0, visuals.extreme_bg_color);
                    painter.text(
                        cell.left_center() + Vec2::new(4.0, 0.0),
                        Align2::LEFT_CENTER,
                        format!("{text}|"),
                        font.clone(),
                        text_color,
                    );
                }
                painter.rect_stroke(
                    cell.shrink(1.0),
                    0.0,
                    Stroke::new(2.0, color),
                    egui::StrokeKind::Inside,
                );
            }

            // Header rows, kept at the top of the view: group names over their columns, codes below.
            let hy = view.min.y;
            painter.rect_filled(
                Rect::from_min_size(
                    Pos2::new(view.min.x, hy),
                    Vec2::new(view.width(), HEADER_HEIGHT),
                ),
                0.0,
                header_fill,
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
                if col <= first_col || from >= last_col || span == 0 {
                    continue;
                }
                let r = Rect::from_min_max(
                    Pos2::new(x_of(from), hy),
                    Pos2::new(x_of(col), hy + HEADER_HEIGHT / 2.0),
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
                    font.clone(),
                    text_color,
                );
                painter.line_segment([r.left_top(), Pos2::new(r.min.x, hy + HEADER_HEIGHT)], line);
            }
            for c in first_col..last_col {
                let r = Rect::from_min_size(
                    Pos2::new(x_of(c), hy + HEADER_HEIGHT / 2.0),
                    Vec2::new(CELL_WIDTH, HEADER_HEIGHT / 2.0),
                );
                painter.text(
                    r.center(),
                    Align2::CENTER_CENTER,
                    &grid.criteria[c].code,
                    bold.clone(),
                    text_color,
                );
            }
            let sx = summary_x;
            painter.rect_filled(
                Rect::from_min_size(
                    Pos2::new(sx, hy),
                    Vec2::new(SUMMARIES as f32 * SUMMARY_WIDTH, HEADER_HEIGHT),
                ),
                0.0,
                header_fill,
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
                    Pos2::new(sx + k as f32 * SUMMARY_WIDTH, hy),
                    Vec2::new(SUMMARY_WIDTH, HEADER_HEIGHT),
                );
                painter.text(
                    r.center(),
                    Align2::CENTER_CENTER,
                    *title,
                    bold.clone(),
                    text_color,
                );
            }
            painter.line_segment(
                [
                    Pos2::new(view.min.x, hy + HEADER_HEIGHT),
                    Pos2::new(view.max.x, hy + HEADER_HEIGHT),
                ],
                Stroke::new(1.5, text_color),
            );

            // Footer: each criterion's average.
            let fy = (origin.y + HEADER_HEIGHT + n_rows as f32 * ROW_HEIGHT)
                .min(view.max.y - FOOTER_HEIGHT);
            painter.rect_filled(
                Rect::from_min_size(
                    Pos2::new(view.min.x, fy),
                    Vec2::new(view.width(), FOOTER_HEIGHT),
                ),
                0.0,
                header_fill,
            );
            for c in first_col..last_col {
                if let Some(avg) = state.averages.get(c).copied().flatten() {
                    let r = Rect::from_min_size(
                        Pos2::new(x_of(c), fy),
                        Vec2::new(CELL_WIDTH, FOOTER_HEIGHT),
                    );
                    painter.text(
                        r.right_center() - Vec2::new(6.0, 0.0),
                        Align2::RIGHT_CENTER,
                        format_number_in((avg * 10.0).round() / 10.0, lang),
                        font.clone(),
                        text_color,
                    );
                }
            }

            painter.rect_filled(
                Rect::from_min_size(
                    Pos2::new(summary_x, fy),
                    Vec2::new(SUMMARIES as f32 * SUMMARY_WIDTH, FOOTER_HEIGHT),
                ),
                0.0,
                header_fill,
            );

            // The unit column, kept at the left of the view.
            let ux = view.min.x;
            painter.rect_filled(
                Rect::from_min_size(
                    Pos2::new(ux, view.min.y),
                    Vec2::new(UNIT_WIDTH, view.height()),
                ),
                0.0,
                visuals.panel_fill,
            );
            for row in first_row..last_row {
                let Some(&i) = state.rows.get(row) else {
                    continue;
                };
                let r = Rect::from_min_size(
                    Pos2::new(ux, y_of(row)),
                    Vec2::new(UNIT_WIDTH, ROW_HEIGHT),
                );
                if r.max.y <= hy + HEADER_HEIGHT || r.min.y >= fy {
                    continue;
                }
                let color = if row == cursor.0 {
                    visuals.selection.stroke.color
                } else {
                    text_color
                };
                painter.text(
                    r.left_center() + Vec2::new(6.0, 0.0),
                    Align2::LEFT_CENTER,
                    &grid.units[i].name,
                    font.clone(),
                    color,
                );
            }
            painter.rect_filled(
                Rect::from_min_size(Pos2::new(ux, hy), Vec2::new(UNIT_WIDTH, HEADER_HEIGHT)),
                0.0,
                header_fill,
            );
            painter.text(
                Pos2::new(ux + 6.0, hy + HEADER_HEIGHT * 0.75),
                Align2::LEFT_CENTER,
                lang.pick("Đơn vị", "Unit"),
                bold.clone(),
                text_color,
            );
            painter.text(
                Pos2::new(ux + 6.0, fy + FOOTER_HEIGHT / 2.0),
                Align2::LEFT_CENTER,
                lang.pick("Trung bình", "Average"),
                bold.clone(),
                text_color,
            );
            painter.line_segment(
                [
                    Pos2::new(ux + UNIT_WIDTH, view.min.y),
                    Pos2::new(ux + UNIT_WIDTH, view.max.y),
                ],
                Stroke::new(1.5, text_color),
            );

            // Clicks: a cell selects it (Shift+click extends the block); a header sorts by
            // it. Dragging over cells selects a block.
            let cell_at = |pos: Pos2| -> Option<(usize, usize)> {
                if pos.y < hy + HEADER_HEIGHT || pos.x <= ux + UNIT_WIDTH || pos.x >= summary_x {
                    return None;
                }
                let row = ((pos.y - origin.y - HEADER_HEIGHT) / ROW_HEIGHT).floor();
                let col = ((pos.x - origin.x - UNIT_WIDTH) / CELL_WIDTH).floor();
                (row >= 0.0 && col >= 0.0).then_some((row as usize, col as usize))
            };
            if response.drag_started()
                && let Some(start) = ui.input(|i| i.pointer.press_origin()).and_then(cell_at)
            {
                dragged = Some((start, start));
                ui.memory_mut(|m| m.request_focus(grid_id));
            } else if response.dragged()
                && let (Some(start), Some(now)) = (
                    ui.input(|i| i.pointer.press_origin()).and_then(cell_at),
                    response.interact_pointer_pos().and_then(cell_at),
                )
            {
                dragged = Some((start, now));
            }
            if response.clicked() {
                if let Some(pos) = response.interact_pointer_pos() {
                    if pos.y < hy + HEADER_HEIGHT {
                        let col = ((pos.x - origin.x - UNIT_WIDTH) / CELL_WIDTH).floor();
                        if pos.x >= summary_x {
                            clicked_header = Some(n_cols);
                        } else if pos.x > ux + UNIT_WIDTH && col >= 0.0 {
                            clicked_header = Some(col as usize);
                        } else if pos.x <= ux + UNIT_WIDTH {
                            clicked_header = Some(usize::MAX);
                        }
                    } else if let Some(cell) = cell_at(pos) {
                        clicked_cell = Some(cell);
                        shift_click = ui.input(|i| {
                            i.modifiers.shift
                                || i.events.iter().any(|e| {
                                    matches!(e, egui::Event::PointerButton { pressed: false, modifiers, .. }
                                        if modifiers.shift)
                                })
                        });
                    }
                }
                ui.memory_mut(|m| m.request_focus(grid_id));
            }
            if let Some((r, c)) = scroll_to {
                let target = Rect::from_min_size(
                    Pos2::new(x_of(c), y_of(r)),
                    Vec2::new(CELL_WIDTH, ROW_HEIGHT),
                );
                let visible = Rect::from_min_max(
                    view.min + Vec2::new(UNIT_WIDTH, HEADER_HEIGHT),
                    view.max - Vec2::new(0.0, FOOTER_HEIGHT),
                );
                if !visible.contains_rect(target) {
                    ui.scroll_to_rect(target, None);
                }
            }
        });
    if has_focus {
        // Arrows, Tab and Escape belong to the grid, not to egui's focus navigation.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                grid_id,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            );
        });
    }
    if let Some((r, c)) = clicked_cell
        && r < n_rows
        && c < n_cols
    {
        state.anchor = if shift_click {
            Some(state.anchor.unwrap_or(state.cursor))
        } else {
            None
        };
        state.cursor = (r, c);
        state.editing = None;
        state.error = None;
    }
    if let Some((start, now)) = dragged {
        let clamp = |(r, c): (usize, usize)| {
            (
                r.min(n_rows.saturating_sub(1)),
                c.min(n_cols.saturating_sub(1)),
            )
        };
        if n_rows > 0 && n_cols > 0 {
            state.anchor = Some(clamp(start));
            state.cursor = clamp(now);
            state.editing = None;
            state.error = None;
        }
    }
    if let Some(col) = clicked_header {
        state.sort = if col == usize::MAX {
            SortBy::Official
        } else if col < n_cols {
            SortBy::Criterion(col)
        } else {
            SortBy::Total
        };
    }
}

/// Focuses the grid (tests, and the panel when it opens).
pub fn focus(ui: &egui::Ui) {
    let grid_id = ui.make_persistent_id("score-grid");
    ui.memory_mut(|m| m.request_focus(grid_id));
}
