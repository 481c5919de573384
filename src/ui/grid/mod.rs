//! The scoring grid: units × criteria of one period, typed into like a spreadsheet.
//!
//! Drawn with the painter, only the rows and columns in view, so 126 wards and 3,300
//! communes scroll alike. The unit column and the two header rows stay in place. The grid
//! never writes: a committed cell becomes a `Command::Edit(SetScore)`.

use std::collections::HashMap;

use egui::{Key, Pos2, Rect, Sense, Vec2};
use uuid::Uuid;

use crate::app::Command;
use crate::domain::edit::{CellValue, Edit};
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::points::display_raw;
use crate::domain::results::{UnitResult, Which};
use crate::domain::text::Search;
use crate::store::Grid;

mod edit;
mod paint;

use self::paint::{Layout, Style};

use self::edit::keyboard;
pub use self::edit::{commit, copy_text, paste, selection};

pub const ROW_HEIGHT: f32 = 26.0;
pub const UNIT_WIDTH: f32 = 190.0;
pub const CELL_WIDTH: f32 = 64.0;
/// The type of a cell's value; in *Cả hai*, of each of its two lines.
pub const CELL_FONT: f32 = 14.0;
pub const BOTH_FONT: f32 = 11.0;

/// The lines a cell shows, their type size, and whether self-score and appraisal differ.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CellText {
    pub lines: Vec<String>,
    pub size: f32,
    pub differs: bool,
}
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
    /// As last drawn: the area where cells show (not under the unit column, the headers, the
    /// footer or Tổng/%/Hạng) and the cursor's cell, on screen.
    pub in_view: Option<(Rect, Rect)>,
    /// How many rows the area shows: PageUp/PageDown move by this.
    pub page_rows: usize,
}

impl GridState {
    /// Takes a freshly read grid and computes everything derived from it.
    pub fn set_grid(&mut self, grid: Grid) {
        // A refusal belongs to a month in a state: another month, or the same month finalized
        // or reopened, starts without it (and without text typed into the other month).
        let before = self
            .grid
            .as_ref()
            .map(|g| (g.period.period_id, g.period.status));
        if before.map(|(id, _)| id) != Some(grid.period.period_id) {
            self.editing = None;
            self.error = None;
        } else if before.map(|(_, status)| status) != Some(grid.period.status) {
            self.error = None;
        }
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

    /// What a cell shows: one line, or in *Cả hai* the self-score above the appraised one in a
    /// smaller type, so both fit the cell at its default width; whether the two differ.
    pub fn cell_text(&self, grid: &Grid, unit: Uuid, col: usize, lang: Lang) -> CellText {
        let Some(c) = grid.criteria.get(col) else {
            return CellText::default();
        };
        let (s, a) = grid
            .cells
            .get(&(unit, c.criterion_id))
            .copied()
            .unwrap_or((None, None));
        let show = |v: Option<f64>| v.map(|v| display_raw(c, v, lang)).unwrap_or_default();
        let differs = s != a && s.is_some() && a.is_some();
        let one = |text: String, differs| CellText {
            lines: if text.is_empty() { vec![] } else { vec![text] },
            size: CELL_FONT,
            differs,
        };
        match self.mode {
            ViewMode::SelfScores => one(show(s), false),
            ViewMode::Appraised => one(show(a), false),
            ViewMode::Both if s.is_none() && a.is_none() => CellText::default(),
            ViewMode::Both => CellText {
                lines: vec![show(s), show(a)],
                size: BOTH_FONT,
                differs,
            },
            ViewMode::Differences => one(show(a), differs),
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
    let style = Style::of(ui);
    let mut pointer = Pointer::default();
    let mut drawn = None;
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
            let layout = Layout::new(rect.min, viewport, n_rows, n_cols);
            let painter = ui.painter_at(rect.intersect(layout.view));
            paint::paint(&painter, &layout, &style, state, grid, lang);
            pointer = Pointer::read(ui, &response, &layout, grid_id);
            let area = cells_area(&layout);
            drawn = Some((area, layout.cell(state.cursor.0, state.cursor.1)));
            if has_focus {
                scroll_into_view(ui, &layout, state.cursor);
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
    if let Some((area, _)) = drawn {
        state.page_rows = ((area.height() / ROW_HEIGHT).floor() as usize).max(1);
    }
    state.in_view = drawn;
    pointer.apply(state, n_rows, n_cols);
}

/// What the mouse did to the grid in a frame.
#[derive(Default)]
struct Pointer {
    clicked_cell: Option<(usize, usize)>,
    /// A column's header (`n_cols` for the summaries, `usize::MAX` for the unit column).
    clicked_header: Option<usize>,
    shift_click: bool,
    /// (where the drag started, where the pointer is), as cells.
    dragged: Option<((usize, usize), (usize, usize))>,
}

impl Pointer {
    /// Clicks: a cell selects it (Shift+click extends the block); a header sorts by it.
    /// Dragging over cells selects a block.
    fn read(ui: &egui::Ui, response: &egui::Response, l: &Layout, grid_id: egui::Id) -> Pointer {
        let mut p = Pointer::default();
        let cell_at = |pos: Pos2| l.cell_at(pos);
        if response.drag_started()
            && let Some(start) = ui.input(|i| i.pointer.press_origin()).and_then(cell_at)
        {
            p.dragged = Some((start, start));
            ui.memory_mut(|m| m.request_focus(grid_id));
        } else if response.dragged()
            && let (Some(start), Some(now)) = (
                ui.input(|i| i.pointer.press_origin()).and_then(cell_at),
                response.interact_pointer_pos().and_then(cell_at),
            )
        {
            p.dragged = Some((start, now));
        }
        if response.clicked() {
            if let Some(pos) = response.interact_pointer_pos() {
                let ux = l.view.min.x;
                if pos.y < l.header_y + HEADER_HEIGHT {
                    let col = ((pos.x - l.origin.x - UNIT_WIDTH) / CELL_WIDTH).floor();
                    if pos.x >= l.summary_x {
                        p.clicked_header = Some(l.n_cols);
                    } else if pos.x > ux + UNIT_WIDTH && col >= 0.0 {
                        p.clicked_header = Some(col as usize);
                    } else if pos.x <= ux + UNIT_WIDTH {
                        p.clicked_header = Some(usize::MAX);
                    }
                } else if let Some(cell) = cell_at(pos) {
                    p.clicked_cell = Some(cell);
                    p.shift_click = ui.input(|i| {
                        i.modifiers.shift || i.events.iter().any(|e| {
                            matches!(e, egui::Event::PointerButton { pressed: false, modifiers, .. }
                                    if modifiers.shift)
                        })
                    });
                }
            }
            ui.memory_mut(|m| m.request_focus(grid_id));
        }
        p
    }

    /// Moves the cursor, the selection or the sort as the mouse said.
    fn apply(self, state: &mut GridState, n_rows: usize, n_cols: usize) {
        if let Some((r, c)) = self.clicked_cell
            && r < n_rows
            && c < n_cols
        {
            state.anchor = if self.shift_click {
                Some(state.anchor.unwrap_or(state.cursor))
            } else {
                None
            };
            state.cursor = (r, c);
            state.editing = None;
            state.error = None;
        }
        if let Some((start, now)) = self.dragged {
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
        if let Some(col) = self.clicked_header {
            state.sort = if col == usize::MAX {
                SortBy::Official
            } else if col < n_cols {
                SortBy::Criterion(col)
            } else {
                SortBy::Total
            };
        }
    }
}

/// Where cells show: not under the unit column, the headers, the footer, or the totals, %,
/// rank and band kept at the right.
fn cells_area(l: &Layout) -> Rect {
    let right = (l.view.max.x - SUMMARIES as f32 * SUMMARY_WIDTH).max(l.view.min.x + UNIT_WIDTH);
    Rect::from_min_max(
        l.view.min + Vec2::new(UNIT_WIDTH, HEADER_HEIGHT),
        Pos2::new(right, l.view.max.y - FOOTER_HEIGHT),
    )
}

/// Scrolls so that the cursor's cell is in the cells' area, in all four directions: the
/// scroll target is the cell with room around it for what stays in place over the cells.
fn scroll_into_view(ui: &egui::Ui, l: &Layout, (r, c): (usize, usize)) {
    let cell = l.cell(r, c);
    let area = cells_area(l);
    if area.expand(0.5).contains_rect(cell) {
        return;
    }
    if area.width() < CELL_WIDTH || area.height() < ROW_HEIGHT {
        // A window too small to show a whole cell: come as near as it allows, once.
        ui.scroll_to_rect(cell, None);
        return;
    }
    let target = Rect::from_min_max(
        cell.min - Vec2::new(UNIT_WIDTH, HEADER_HEIGHT),
        cell.max + Vec2::new(SUMMARIES as f32 * SUMMARY_WIDTH, FOOTER_HEIGHT),
    );
    ui.scroll_to_rect(target, None);
    // The scroll happens in the next frame: ask for it, or the view waits for the next event.
    ui.ctx().request_repaint();
}

/// Focuses the grid (tests, and the panel when it opens).
pub fn focus(ui: &egui::Ui) {
    let grid_id = ui.make_persistent_id("score-grid");
    ui.memory_mut(|m| m.request_focus(grid_id));
}
