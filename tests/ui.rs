//! The window, driven as a person would: clicks, typing, shortcuts. No display needed.

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use common::TempDir;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use giaoban::app::AppConfig;
use giaoban::app::dialogs::ScriptedDialogs;
use giaoban::app::prefs::{Paths, Prefs};
use giaoban::domain::lang::Lang;
use giaoban::store::{Intent, Store};
use giaoban::ui::GiaobanApp;
use giaoban::ui::fonts;

fn config(dir: &TempDir, file: Option<PathBuf>, dialogs: ScriptedDialogs) -> AppConfig {
    AppConfig {
        file,
        paths: Paths::in_dir(dir.path()),
        today: NaiveDate::from_ymd_opt(2026, 11, 22),
        lang: None,
        dialogs: Box::new(dialogs),
    }
}

fn harness(config: AppConfig) -> Harness<'static, GiaobanApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(64)
        .build_eframe(|cc| GiaobanApp::with_context(cc, config));
    harness.run();
    harness
}

/// True when some label on screen contains `text`.
fn shows(harness: &Harness<'_, GiaobanApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn go_to(harness: &mut Harness<'_, GiaobanApp>, nav: &str) {
    harness.get_by_label(nav).click();
    harness.run();
}

/// Replaces the text of the field labelled `label`.
fn type_into(harness: &mut Harness<'_, GiaobanApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn units_in_file(path: &std::path::Path) -> Vec<String> {
    let store = Store::open(path, Intent::Inspect).expect("open");
    store
        .units()
        .expect("units")
        .into_iter()
        .map(|u| u.name)
        .collect()
}

fn last_audit(path: &std::path::Path) -> String {
    let store = Store::open(path, Intent::Inspect).expect("open");
    store.audit_tail(1).expect("audit")[0].action.clone()
}

#[test]
fn the_first_run_opens_the_demo_file_and_says_so() {
    let dir = TempDir::new();
    let harness = harness(config(&dir, None, ScriptedDialogs::default()));
    let demo = Paths::in_dir(dir.path()).demo_file();
    assert!(demo.exists(), "the demo file is created in the data folder");
    let app = harness.state();
    let doc = app.doc.as_ref().expect("a document is open");
    assert!(doc.view.is_demo);
    assert_eq!(doc.store.path(), demo.as_path());
    assert!(shows(&harness, "Tệp mẫu"));
    // The next start opens the last file used.
    let prefs = Prefs::load(&Paths::in_dir(dir.path()).prefs_file);
    assert_eq!(
        prefs.last_file().map(|p| p.ends_with("giaoban-demo.db")),
        Some(true)
    );
}

#[test]
fn each_navigation_entry_shows_its_panel() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let mut harness = harness(config(&dir, Some(file), ScriptedDialogs::default()));
    for (nav, expected) in [
        ("Kế hoạch", "112/KH-UBND"),
        ("Chấm điểm", "Bảng điểm"),
        ("Giao ban", "03/01/2018"),
        ("Biểu đồ", "Bộ trình chiếu của cuộc họp"),
        ("Đơn vị & cài đặt", "Tên đơn vị mới"),
    ] {
        go_to(&mut harness, nav);
        assert!(shows(&harness, expected), "{nav} shows {expected}");
    }
    // The meeting of 03/01/2018 with its chair and conclusions.
    go_to(&mut harness, "Giao ban");
    harness.get_by_label_contains("03/01/2018 — ").click();
    harness.run();
    assert!(shows(&harness, "Đỗ Mạnh Hải"));
    assert!(shows(&harness, "Kết luận 5"));
}

#[test]
fn adding_a_ward_saves_it_with_an_audit_row_and_ctrl_z_removes_it() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let mut harness = harness(config(&dir, Some(file.clone()), ScriptedDialogs::default()));
    go_to(&mut harness, "Đơn vị & cài đặt");
    type_into(&mut harness, "Tên đơn vị mới", "Phường Thử Nghiệm");
    harness.get_by_label("Thêm đơn vị").click();
    harness.run();

    assert!(
        harness.state().last_error().is_none(),
        "{:?}",
        harness.state().last_error()
    );
    assert!(units_in_file(&file).contains(&"Phường Thử Nghiệm".to_string()));
    assert_eq!(last_audit(&file), "add_unit");
    // A ward added today joins today: the list says so, and past figures leave it out.
    assert!(
        harness
            .query_by_label("Phường Thử Nghiệm (từ 22/11/2026)")
            .is_some()
    );
    let store = Store::open(&file, Intent::Inspect).expect("open");
    let added = store
        .units()
        .expect("units")
        .into_iter()
        .find(|u| u.name == "Phường Thử Nghiệm")
        .expect("added");
    assert_eq!(added.joined_on, NaiveDate::from_ymd_opt(2026, 11, 22));
    drop(store);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!units_in_file(&file).contains(&"Phường Thử Nghiệm".to_string()));
    assert_eq!(last_audit(&file), "undo:add_unit");
    assert!(
        harness
            .query_by_label("Phường Thử Nghiệm (từ 22/11/2026)")
            .is_none()
    );

    // Ctrl+Y brings it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert!(units_in_file(&file).contains(&"Phường Thử Nghiệm".to_string()));
    assert_eq!(last_audit(&file), "redo:add_unit");
}

#[test]
fn a_duplicate_ward_is_refused_with_a_message_and_the_file_is_unchanged() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let mut harness = harness(config(&dir, Some(file.clone()), ScriptedDialogs::default()));
    go_to(&mut harness, "Đơn vị & cài đặt");
    let before = std::fs::read(&file).expect("read");
    type_into(&mut harness, "Tên đơn vị mới", "đức giang");
    harness.get_by_label("Thêm đơn vị").click();
    harness.run();
    let error = harness.state().last_error().map(str::to_owned);
    assert_eq!(error.as_deref(), Some("Đã có đơn vị tên \"đức giang\""));
    assert!(shows(&harness, "Đã có đơn vị tên"));
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn renaming_with_the_keyboard_and_undo() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let mut harness = harness(config(&dir, Some(file.clone()), ScriptedDialogs::default()));
    go_to(&mut harness, "Đơn vị & cài đặt");
    // Filter the list without accents: "duc giang" finds Đức Giang.
    type_into(&mut harness, "Tìm đơn vị", "duc giang");
    assert!(harness.query_by_label("Đức Giang").is_some());
    assert!(harness.query_by_label("Bồ Đề").is_none());
    harness.get_by_label("Đổi tên").click();
    harness.run();
    type_into(&mut harness, "Tên mới cho Đức Giang", "Phường Đức Giang");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(units_in_file(&file).contains(&"Phường Đức Giang".to_string()));
    assert_eq!(last_audit(&file), "rename_unit");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(units_in_file(&file).contains(&"Đức Giang".to_string()));
}

/// A shortcut pressed while renaming saves the new name first; Esc still cancels.
#[test]
fn a_shortcut_while_renaming_keeps_the_new_name() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let mut harness = harness(config(&dir, Some(file.clone()), ScriptedDialogs::default()));
    go_to(&mut harness, "Đơn vị & cài đặt");
    type_into(&mut harness, "Tìm đơn vị", "duc giang");
    harness.get_by_label("Đổi tên").click();
    harness.run();
    type_into(&mut harness, "Tên mới cho Đức Giang", "Phường Đức Giang");
    harness.key_press(Key::F1);
    harness.run();
    harness.run();
    assert!(units_in_file(&file).contains(&"Phường Đức Giang".to_string()));
    assert!(shows(&harness, "Phím tắt"), "and the command acted");
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Đổi tên").click();
    harness.run();
    type_into(&mut harness, "Tên mới cho Phường Đức Giang", "Không lưu");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!units_in_file(&file).contains(&"Không lưu".to_string()));
}

#[test]
fn switching_language_changes_the_labels_at_once() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let mut harness = harness(config(&dir, Some(file), ScriptedDialogs::default()));
    go_to(&mut harness, "Đơn vị & cài đặt");
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().lang(), Lang::En);
    assert!(shows(&harness, "Units & settings"));
    assert!(harness.query_by_label("Plans").is_some());
    assert!(harness.query_by_label("Kế hoạch").is_none());
    let prefs = Prefs::load(&Paths::in_dir(dir.path()).prefs_file);
    assert_eq!(prefs.language, Some(Lang::En));
    harness.get_by_label("Tiếng Việt").click();
    harness.run();
    assert!(harness.query_by_label("Kế hoạch").is_some());
}

#[test]
fn the_users_name_goes_into_the_audit_log() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let mut harness = harness(config(&dir, Some(file.clone()), ScriptedDialogs::default()));
    go_to(&mut harness, "Đơn vị & cài đặt");
    type_into(
        &mut harness,
        "Tên người dùng (ghi vào nhật ký thay đổi)",
        "Nguyễn Văn Thư",
    );
    harness.get_by_label("Lưu tên").click();
    harness.run();
    type_into(&mut harness, "Tên đơn vị mới", "Xã Mới");
    harness.get_by_label("Thêm đơn vị").click();
    harness.run();
    let store = Store::open(&file, Intent::Inspect).expect("open");
    assert_eq!(store.audit_tail(1).expect("audit")[0].who, "Nguyễn Văn Thư");
}

#[test]
fn a_file_open_in_another_window_opens_read_only_with_a_banner() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let _first = harness(config(&dir, Some(file.clone()), ScriptedDialogs::default()));
    let other = TempDir::new();
    let mut second = harness(config(
        &other,
        Some(file.clone()),
        ScriptedDialogs::default(),
    ));
    assert!(shows(
        &second,
        "Chỉ đọc: tệp đang được sửa trong một cửa sổ giaoban khác"
    ));
    go_to(&mut second, "Đơn vị & cài đặt");
    type_into(&mut second, "Tên đơn vị mới", "Không được thêm");
    second.get_by_label("Thêm đơn vị").click();
    second.run();
    assert!(
        second
            .state()
            .last_error()
            .is_some_and(|e| e.starts_with("Chỉ đọc"))
    );
    assert!(!units_in_file(&file).contains(&"Không được thêm".to_string()));
}

#[test]
fn export_for_email_writes_a_named_copy_and_says_where() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let out = dir.join("gửi đi");
    std::fs::create_dir(&out).expect("mkdir");
    let dialogs = ScriptedDialogs {
        folder: Some(out.clone()),
        ..Default::default()
    };
    let mut harness = harness(config(&dir, Some(file), dialogs));
    harness.get_by_label("Tệp").click();
    harness.run();
    // The menu entry carries its shortcut beside its name.
    harness
        .query_all_by_label_contains("Xuất bản gửi e-mail…")
        .next()
        .expect("the menu entry")
        .click();
    harness.run();
    let copy = out.join("Quan-Long-Bien_2026-11-22.db");
    assert!(
        copy.exists(),
        "{:?}",
        std::fs::read_dir(&out).map(|d| d.count())
    );
    assert!(Store::open(&copy, Intent::Inspect).is_ok());
    let note = harness
        .state()
        .notes
        .last()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        note.contains("Quan-Long-Bien_2026-11-22.db") && note.contains("gửi đi"),
        "{note}"
    );
}

#[test]
fn a_bad_file_from_the_command_line_gives_a_message_not_a_crash() {
    let dir = TempDir::new();
    let bad = dir.join("bad.db");
    std::fs::write(&bad, "garbage").expect("write");
    let harness = harness(config(&dir, Some(bad), ScriptedDialogs::default()));
    assert!(harness.state().doc.is_none());
    let error = harness.state().last_error().unwrap_or_default().to_string();
    assert!(error.contains("Không phải tệp giaoban"), "{error}");
    assert!(harness.query_by_label("Mở tệp mẫu").is_some());
}

#[test]
fn vietnamese_glyphs_are_all_drawable_with_the_bundled_font() {
    let text = "ệ ử ỗ ậ ạ ấ ị ọ ụ ờ Đ đ ă ơ ư Ễ Ỹ Thượng Thanh, Đức Giang, Ngọc Thụy";
    let mut harness = Harness::builder()
        .with_context_setup(fonts::install)
        .build_ui(|ui| {
            ui.label(text);
            ui.label(fonts::bold(text));
            ui.monospace(text);
        });
    harness.run();
}

#[test]
#[should_panic(expected = "glyph")]
fn without_the_bundled_font_vietnamese_is_caught() {
    // The control: egui's own fonts cannot draw these letters, and the harness says so.
    let mut harness = Harness::builder().build_ui(|ui| {
        ui.label("ệ ử ỗ ậ ạ ấ ị ọ ụ ờ");
    });
    harness.run();
}

/// Issue 12, defect 13: on a 1366×768 laptop the first window opens maximized, fitting the
/// screen's work area (its status bar on screen); on a large screen it keeps its size.
#[test]
fn the_first_window_fits_a_small_screen() {
    use egui::{ViewportCommand, ViewportId, vec2};
    assert!(giaoban::ui::too_large_for(
        vec2(1360.0, 860.0),
        vec2(1366.0, 768.0)
    ));
    assert!(!giaoban::ui::too_large_for(
        vec2(1360.0, 860.0),
        vec2(1920.0, 1080.0)
    ));
    let maximized = |monitor: egui::Vec2| {
        let dir = TempDir::new();
        let file = dir.demo("demo.db");
        let mut h = Harness::builder()
            .with_size([1360.0, 860.0])
            .build_eframe(|cc| {
                GiaobanApp::with_context(cc, config(&dir, Some(file), ScriptedDialogs::default()))
            });
        h.input_mut()
            .viewports
            .entry(ViewportId::ROOT)
            .or_default()
            .monitor_size = Some(monitor);
        h.step();
        h.output()
            .viewport_output
            .get(&ViewportId::ROOT)
            .is_some_and(|v| v.commands.contains(&ViewportCommand::Maximized(true)))
    };
    assert!(maximized(vec2(1366.0, 768.0)), "a laptop: maximized");
    assert!(!maximized(vec2(1920.0, 1080.0)), "room enough: as it is");
}

/// Issue 12, defect 13: in a 1366-pixel window, a done action item's "kết quả thực hiện" field
/// stays inside the window.
#[test]
fn a_meeting_s_items_fit_a_laptop_window() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let mut h = Harness::builder()
        .with_size([1366.0, 730.0])
        .with_max_steps(64)
        .build_eframe(|cc| {
            GiaobanApp::with_context(cc, config(&dir, Some(file), ScriptedDialogs::default()))
        });
    h.run();
    h.get_by_label("Giao ban").click();
    h.run();
    h.get_by_label_contains("03/01/2018 —").click();
    h.run();
    let fields: Vec<egui::Rect> = h
        .query_all_by_label_contains("Kết quả thực hiện")
        .map(|n| n.rect())
        .collect();
    assert!(!fields.is_empty(), "the 2018 meeting has items done");
    for r in fields {
        assert!(r.right() <= 1366.0, "{r:?} runs off the window");
    }
    // A unit's name too long for its field ends with "…" (issue 12, defect 14).
    let offices: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .filter_map(|n| n.value())
        .filter(|v| v.starts_with("Văn phòng HĐND"))
        .collect();
    assert!(!offices.is_empty(), "the office has items");
    assert!(offices.iter().all(|v| v.ends_with('…')), "{offices:?}");
}
