//! The scoring grid, driven from the keyboard as a secretary would.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::TempDir;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use giaoban::app::AppConfig;
use giaoban::app::dialogs::ScriptedDialogs;
use giaoban::app::prefs::Paths;
use giaoban::domain::results::Which;
use giaoban::domain::scoring::PeriodStatus;
use giaoban::store::{Intent, Store};
use giaoban::ui::GiaobanApp;

fn harness(dir: &TempDir, file: PathBuf) -> Harness<'static, GiaobanApp> {
    let config = AppConfig {
        file: Some(file),
        paths: Paths::in_dir(dir.path()),
        today: NaiveDate::from_ymd_opt(2026, 11, 22),
        lang: None,
        dialogs: Box::new(ScriptedDialogs::default()),
    };
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        .with_max_steps(64)
        .build_eframe(|cc| GiaobanApp::with_context(cc, config));
    harness.run();
    // The window opens on Scoring.
    harness.get_by_label("Bảng điểm").focus();
    harness.run();
    harness
}

/// December 2018 (a draft): the appraised value of `unit` on `code`, read from the file.
fn appraised(path: &Path, unit: &str, code: &str) -> Option<f64> {
    let store = Store::open(path, Intent::Inspect).expect("open");
    let period = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("query")
        .expect("period");
    let grid = store.grid(period.period_id).expect("grid");
    let u = grid
        .units
        .iter()
        .find(|u| u.name == unit)
        .expect("unit")
        .unit_id;
    let c = grid
        .criteria
        .iter()
        .find(|c| c.code == code)
        .expect("criterion")
        .criterion_id;
    grid.cells.get(&(u, c)).and_then(|v| v.1)
}

fn type_and_enter(harness: &mut Harness<'_, GiaobanApp>, text: &str) {
    harness.get_by_label("Bảng điểm").type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn typing_a_score_saves_it_updates_the_total_and_undo_restores_it() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    let panel = &harness.state().panels.scoring.grid;
    assert_eq!(
        panel.grid.as_ref().map(|g| g.period.status),
        Some(PeriodStatus::Draft),
        "opens on the month being scored"
    );
    let bo_de = panel.grid.as_ref().expect("grid").units[0].unit_id;
    let total_before = panel.appraised[&bo_de].total;
    let before = appraised(&path, "Bồ Đề", "1.1");

    // The cursor starts on Bồ Đề / 1.1 (max 4, step 0.5). Typing replaces; Enter saves.
    type_and_enter(&mut harness, "0,5");
    assert_eq!(appraised(&path, "Bồ Đề", "1.1"), Some(0.5));
    let store = Store::open(&path, Intent::Inspect).expect("open");
    assert_eq!(store.audit_tail(1).expect("audit")[0].action, "set_score");
    drop(store);
    let panel = &harness.state().panels.scoring.grid;
    let total_after = panel.appraised[&bo_de].total;
    assert!(
        (total_before - (before.unwrap_or(0.0) - 0.5) - total_after).abs() < 1e-9,
        "{total_before} → {total_after}"
    );
    assert_eq!(panel.cursor, (1, 0), "Enter moves down");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(appraised(&path, "Bồ Đề", "1.1"), before);
    assert!(
        (harness.state().panels.scoring.grid.appraised[&bo_de].total - total_before).abs() < 1e-9
    );
}

#[test]
fn an_invalid_value_is_refused_with_its_reason_and_the_file_is_unchanged() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    let bytes = std::fs::read(&path).expect("read");
    type_and_enter(&mut harness, "4,5");
    let error = harness
        .state()
        .panels
        .scoring
        .grid
        .error
        .clone()
        .unwrap_or_default();
    // Typed "4,5", echoed "4,5" (issue 12, defect 14: it read "4.5").
    assert_eq!(error, "Bồ Đề 1.1: 4,5 nằm ngoài khoảng 0..4");
    assert!(
        harness
            .query_all_by_label_contains("nằm ngoài khoảng")
            .next()
            .is_some()
    );
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
    // Escape abandons the typing.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().panels.scoring.grid.editing.is_none());
}

#[test]
fn pasting_a_block_from_a_spreadsheet() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    // Two wards × 1.1, 1.2, 1.3 with Vietnamese decimal commas, as LibreOffice copies them.
    harness.event(Event::Paste("2,5\t77,5\tcó\n4\t80\t0".into()));
    harness.run();
    assert_eq!(appraised(&path, "Bồ Đề", "1.1"), Some(2.5));
    assert_eq!(appraised(&path, "Bồ Đề", "1.2"), Some(77.5));
    assert_eq!(appraised(&path, "Bồ Đề", "1.3"), Some(1.0));
    assert_eq!(appraised(&path, "Cự Khối", "1.3"), Some(0.0));
    // One bad cell refuses the whole block, and says which.
    let bytes = std::fs::read(&path).expect("read");
    harness.event(Event::Paste("1\t50\n9\t50".into()));
    harness.run();
    let error = harness.state().last_error().unwrap_or_default().to_string();
    assert!(
        error.contains("Cự Khối / 1.1: 9 nằm ngoài khoảng 0..4"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

/// December 2018's state, read from the file.
fn december(path: &Path) -> PeriodStatus {
    let store = Store::open(path, Intent::Inspect).expect("open");
    store
        .find_period("ward-eoffice", 2018, 12)
        .expect("q")
        .expect("p")
        .status
}

/// *Chốt kỳ*, then *Vẫn chốt kỳ* when the month still has cells to appraise.
fn finalize(harness: &mut Harness<'_, GiaobanApp>) {
    harness.get_by_label("Chốt kỳ").click();
    harness.run();
    if let Some(anyway) = harness.query_by_label("Vẫn chốt kỳ") {
        anyway.click();
        harness.run();
    }
}

/// Issue 12, defect 7: *Chốt kỳ* on a month with cells not appraised asks first, saying how
/// many; Ctrl+Z does not reopen a finalized month without the reason *Mở lại* asks for.
#[test]
fn finalizing_a_month_with_cells_missing_asks_first_and_is_not_undone_without_a_reason() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    let missing: usize = harness
        .state()
        .panels
        .scoring
        .grid
        .appraised
        .values()
        .map(|r| r.missing)
        .sum();
    assert!(missing > 0, "the demo's December is being appraised");
    harness.get_by_label("Chốt kỳ").click();
    harness.run();
    assert_eq!(december(&path), PeriodStatus::Draft, "not yet: it asks");
    let asked = format!("Còn {missing} ô chưa thẩm định");
    assert!(
        harness.query_all_by_label_contains(&asked).next().is_some(),
        "{asked}"
    );
    harness.get_by_label("Thôi").click();
    harness.run();
    assert_eq!(december(&path), PeriodStatus::Draft);
    assert!(harness.query_by_label("Vẫn chốt kỳ").is_none());
    finalize(&mut harness);
    assert_eq!(december(&path), PeriodStatus::Finalized);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        december(&path),
        PeriodStatus::Finalized,
        "Ctrl+Z does not reopen"
    );
    let said = harness.state().last_error().unwrap_or_default().to_string();
    assert!(said.contains("Mở lại"), "{said}");
}

#[test]
fn finalizing_locks_the_grid() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    finalize(&mut harness);
    let store = Store::open(&path, Intent::Inspect).expect("open");
    assert_eq!(
        store
            .find_period("ward-eoffice", 2018, 12)
            .expect("q")
            .expect("p")
            .status,
        PeriodStatus::Finalized
    );
    drop(store);
    let before = appraised(&path, "Bồ Đề", "1.1");
    harness.get_by_label("Bảng điểm").focus();
    harness.run();
    type_and_enter(&mut harness, "1");
    assert_eq!(appraised(&path, "Bồ Đề", "1.1"), before);
    let error = harness
        .state()
        .panels
        .scoring
        .grid
        .error
        .clone()
        .unwrap_or_default();
    assert!(error.contains("Đã chốt"), "{error}");
}

/// The refusal of a frozen month goes when the month is reopened, and does not follow into
/// another month (issue 12, defect 7).
#[test]
fn a_frozen_month_s_refusal_does_not_outlive_the_state_or_the_month() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    finalize(&mut harness);
    harness.get_by_label("Bảng điểm").focus();
    harness.run();
    type_and_enter(&mut harness, "1");
    let error = |h: &Harness<'_, GiaobanApp>| h.state().panels.scoring.grid.error.clone();
    assert!(error(&harness).is_some_and(|e| e.contains("Đã chốt")));
    // Reopened (with a reason): the month is a draft again, the refusal goes.
    harness.get_by_label("Lý do mở lại").focus();
    harness.run();
    harness
        .get_by_label("Lý do mở lại")
        .type_text("Sửa điểm phường Bồ Đề");
    harness.run();
    harness.get_by_label("Mở lại").click();
    harness.run();
    harness.run();
    assert_eq!(error(&harness), None, "the month is a draft again");
    // Refused again in November (published), then December is chosen: nothing follows.
    harness.state_mut().panels.scoring.month = Some(11);
    harness.run();
    harness.get_by_label("Bảng điểm").focus();
    harness.run();
    type_and_enter(&mut harness, "1");
    assert!(error(&harness).is_some());
    harness.state_mut().panels.scoring.month = Some(12);
    harness.run();
    harness.run();
    assert_eq!(error(&harness), None, "another month, another state");
}

#[test]
fn self_scores_are_typed_in_their_own_view() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    harness.get_by_label("Tự chấm").click();
    harness.run();
    assert_eq!(
        harness.state().panels.scoring.grid.mode.side(),
        Which::SelfScore
    );
    harness.get_by_label("Bảng điểm").focus();
    harness.run();
    type_and_enter(&mut harness, "2");
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let period = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("q")
        .expect("p");
    let grid = store.grid(period.period_id).expect("grid");
    let cell = grid
        .cells
        .get(&(grid.units[0].unit_id, grid.criteria[0].criterion_id))
        .copied()
        .unwrap_or_default();
    assert_eq!(cell.0, Some(2.0));
}

#[test]
fn the_year_view_shows_months_average_rank_and_band() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path);
    harness.get_by_label("Cả năm").click();
    harness.run();
    assert!(harness.query_all_by_label("T12").next().is_some());
    assert!(harness.query_all_by_label("TB năm").next().is_some());
    // All 14 wards have complete months, so all are ranked; rank 1 is shown.
    assert!(harness.query_all_by_label("1").next().is_some());
    assert!(
        harness
            .query_all_by_label_contains("Xuất sắc")
            .next()
            .is_some()
    );
}

#[test]
fn a_note_on_a_cell_is_saved_with_the_cell() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    assert!(
        harness
            .query_all_by_label_contains("Bồ Đề · 1.1 Mạng nội bộ")
            .next()
            .is_some()
    );
    harness
        .get_by_label("Ghi chú / tài liệu kiểm chứng")
        .focus();
    harness.run();
    harness
        .get_by_label("Ghi chú / tài liệu kiểm chứng")
        .type_text("Đường truyền mất 2 ngày");
    harness.run();
    harness.get_by_label("Lưu ghi chú").click();
    harness.run();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let period = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("q")
        .expect("p");
    let grid = store.grid(period.period_id).expect("grid");
    let key = (grid.units[0].unit_id, grid.criteria[0].criterion_id);
    assert_eq!(
        grid.notes.get(&key).map(|n| n.0.as_str()),
        Some("Đường truyền mất 2 ngày")
    );
    assert_eq!(
        store.audit_tail(1).expect("audit")[0].action,
        "set_cell_note"
    );
}

#[test]
fn a_block_selected_with_shift_arrows_copies_as_tab_separated_text_and_clears_at_once() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    harness.run();
    let state = &harness.state().panels.scoring.grid;
    assert_eq!(giaoban::ui::grid::selection(state), (0, 1, 0, 1));
    let text = giaoban::ui::grid::copy_text(state, giaoban::domain::lang::Lang::Vi);
    let expected = |unit: &str| {
        ["1.1", "1.2"]
            .iter()
            .map(|code| {
                appraised(&path, unit, code)
                    .map(|v| v.to_string().replace('.', ","))
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("\t")
    };
    assert_eq!(
        text,
        format!("{}\n{}", expected("Bồ Đề"), expected("Cự Khối"))
    );

    harness.key_press(Key::Delete);
    harness.run();
    for unit in ["Bồ Đề", "Cự Khối"] {
        for code in ["1.1", "1.2"] {
            assert_eq!(appraised(&path, unit, code), None, "{unit} {code}");
        }
    }
    assert!(
        appraised(&path, "Bồ Đề", "1.3").is_some(),
        "outside the block"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        appraised(&path, "Cự Khối", "1.2").is_some(),
        "one undo restores the block"
    );
}

/// The centre of cell (row, col) of the grid, when not scrolled.
fn cell_pos(harness: &Harness<'_, GiaobanApp>, row: usize, col: usize) -> egui::Pos2 {
    use giaoban::ui::grid::{CELL_WIDTH, HEADER_HEIGHT, ROW_HEIGHT, UNIT_WIDTH};
    let rect = harness.get_by_label("Bảng điểm").rect();
    rect.min
        + egui::vec2(
            UNIT_WIDTH + (col as f32 + 0.5) * CELL_WIDTH,
            HEADER_HEIGHT + (row as f32 + 0.5) * ROW_HEIGHT,
        )
}

fn click_at(harness: &mut Harness<'_, GiaobanApp>, pos: egui::Pos2, modifiers: Modifiers) {
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers,
        });
    }
    harness.run();
}

#[test]
fn a_block_is_selected_with_the_mouse() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path);
    // Drag from Bồ Đề 1.1 to Đức Giang 1.2.
    let from = cell_pos(&harness, 0, 0);
    let to = cell_pos(&harness, 2, 1);
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for k in 1..=4 {
        harness.hover_at(from + (to - from) * (k as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
    let state = &harness.state().panels.scoring.grid;
    assert_eq!(giaoban::ui::grid::selection(state), (0, 2, 0, 1));
    let text = giaoban::ui::grid::copy_text(state, giaoban::domain::lang::Lang::Vi);
    assert_eq!(text.lines().count(), 3);
    assert!(text.lines().all(|l| l.split('\t').count() == 2));

    // Shift+click extends the block from the same corner.
    let far = cell_pos(&harness, 4, 3);
    harness.hover_at(far);
    harness.run();
    click_at(&mut harness, far, Modifiers::SHIFT);
    let state = &harness.state().panels.scoring.grid;
    assert_eq!(giaoban::ui::grid::selection(state), (0, 4, 0, 3));

    // A plain click selects one cell again.
    let one = cell_pos(&harness, 1, 1);
    harness.hover_at(one);
    harness.run();
    click_at(&mut harness, one, Modifiers::NONE);
    let state = &harness.state().panels.scoring.grid;
    assert_eq!(state.anchor, None);
    assert_eq!(state.cursor, (1, 1));
}

/// Issue 12, defect 8: when December is open, the grid says how to reach the next year.
#[test]
fn the_grid_says_how_to_reach_the_next_year() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path);
    harness
        .get_by_label("Sang năm 2019: tạo bộ tiêu chí…")
        .click();
    harness.run();
    assert!(harness.state().panels.scoring.editing_set);
    assert!(
        harness
            .query_all_by_label_contains("Tạo bộ tiêu chí năm 2019")
            .next()
            .is_some()
    );
}

/// Issue 12, defect 5: in *Cả hai* each cell shows the self-score and the appraised score
/// legibly inside the cell at its default width ("83,2%" above "83,2%", not "83,2% / 83,2%"
/// spilling over its neighbours).
#[test]
fn both_values_fit_their_cell() {
    use giaoban::ui::grid::CELL_WIDTH;
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path);
    harness.get_by_label("Cả hai").click();
    harness.run();
    let state = &harness.state().panels.scoring.grid;
    let grid = state.grid.as_ref().expect("grid");
    let mut widest = 0.0_f32;
    let mut both = 0;
    for unit in &grid.units {
        for col in 0..grid.criteria.len() {
            let shown = state.cell_text(grid, unit.unit_id, col, giaoban::domain::lang::Lang::Vi);
            both += usize::from(shown.lines.len() == 2);
            assert!(shown.size >= 10.0, "legible");
            for line in shown.lines {
                let width = harness.ctx.fonts_mut(|f| {
                    f.layout_no_wrap(
                        line.clone(),
                        egui::FontId::proportional(shown.size),
                        egui::Color32::BLACK,
                    )
                    .size()
                    .x
                });
                widest = widest.max(width);
                assert!(width <= CELL_WIDTH - 8.0, "{line}: {width} px");
            }
        }
    }
    assert!(both > 100, "{both} cells show both values");
    assert!(widest > 20.0);
}

/// Issue 12, defect 6: moving with the keys keeps the current cell in view, never under the
/// frozen unit column or Tổng/%/Hạng; Home/End, Ctrl+Home/Ctrl+End and PageUp/PageDown move
/// as in a spreadsheet.
#[test]
fn the_current_cell_stays_in_view_and_the_spreadsheet_keys_move() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let config = AppConfig {
        file: Some(path),
        paths: Paths::in_dir(dir.path()),
        today: NaiveDate::from_ymd_opt(2026, 11, 22),
        lang: None,
        dialogs: Box::new(ScriptedDialogs::default()),
    };
    // A narrow window: the 26 criteria do not fit, and only some rows do.
    let mut h = Harness::builder()
        .with_size([1000.0, 600.0])
        .with_max_steps(64)
        .build_eframe(|cc| GiaobanApp::with_context(cc, config));
    h.run();
    h.get_by_label("Bảng điểm").focus();
    h.run();
    let in_view = |h: &Harness<'_, GiaobanApp>| {
        let g = &h.state().panels.scoring.grid;
        let (area, cell) = g.in_view.expect("drawn");
        assert!(
            area.expand(0.5).contains_rect(cell),
            "cell {:?} at {cell:?} outside {area:?}",
            g.cursor
        );
    };
    let cursor = |h: &Harness<'_, GiaobanApp>| h.state().panels.scoring.grid.cursor;
    for _ in 0..25 {
        h.key_press(Key::ArrowRight);
        h.run();
        in_view(&h);
    }
    assert_eq!(cursor(&h), (0, 25));
    for _ in 0..13 {
        h.key_press(Key::ArrowDown);
        h.run();
        in_view(&h);
    }
    for _ in 0..25 {
        h.key_press(Key::ArrowLeft);
        h.run();
        in_view(&h);
    }
    h.key_press(Key::End);
    h.run();
    assert_eq!(cursor(&h), (13, 25), "End: the row's last cell");
    in_view(&h);
    h.key_press(Key::Home);
    h.run();
    assert_eq!(cursor(&h), (13, 0), "Home: the row's first cell");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.run();
    assert_eq!(cursor(&h), (0, 0), "Ctrl+Home: the first cell");
    in_view(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.run();
    assert_eq!(cursor(&h), (13, 25), "Ctrl+End: the last cell");
    in_view(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.run();
    h.key_press(Key::PageDown);
    h.run();
    let down = cursor(&h).0;
    assert!(
        down > 3 && down <= 13,
        "PageDown moves a page of rows: {down}"
    );
    in_view(&h);
    h.key_press(Key::PageUp);
    h.run();
    assert_eq!(cursor(&h), (0, 0), "PageUp comes back");
}

/// Issue 12, defect 14: the audit log in the settings reads as sentences with names, not JSON
/// with ids.
#[test]
fn the_audit_log_reads_as_sentences() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path);
    type_and_enter(&mut harness, "0,5");
    harness.get_by_label("Đơn vị & cài đặt").click();
    harness.run();
    let wanted = "Chấm điểm Bồ Đề, tiêu chí 1.1: 3 → 0,5";
    assert!(
        harness.query_all_by_label_contains(wanted).next().is_some(),
        "{wanted}"
    );
    assert!(
        harness
            .query_all_by_label_contains("{\"unit\"")
            .next()
            .is_none()
    );
}

/// Issue 12, defect 14: a unit's name too long for the grid's unit column ends with "…", not
/// cut mid-word by the cells beside it.
#[test]
fn a_long_unit_name_ends_with_an_ellipsis() {
    use giaoban::ui::grid::UNIT_WIDTH;
    use giaoban::ui::widgets::fit_text;
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let harness = harness(&dir, path);
    let font = egui::FontId::proportional(14.0);
    let long = "Văn phòng HĐND và UBND quận Long Biên";
    let shown = fit_text(&harness.ctx, long, &font, UNIT_WIDTH - 12.0);
    assert!(shown.ends_with('…') && shown.len() < long.len(), "{shown}");
    assert_eq!(
        fit_text(&harness.ctx, "Bồ Đề", &font, UNIT_WIDTH - 12.0),
        "Bồ Đề"
    );
}
