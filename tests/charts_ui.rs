//! The Charts panel and presentation mode, driven as the secretary would in the meeting room:
//! choose a chart and see it drawn (once, not every frame); take a slide out of the deck and
//! undo; present, move with the keys, leave with Esc.

mod common;

use chrono::NaiveDate;
use common::TempDir;
use common::ui::{app, click, shows, type_into};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use giaoban::app::dialogs::ScriptedDialogs;
use giaoban::domain::chart::ChartKind;
use giaoban::store::{Intent, Store};
use giaoban::ui::GiaobanApp;

fn harness(dir: &TempDir, file: std::path::PathBuf) -> Harness<'static, GiaobanApp> {
    app(
        dir,
        file,
        NaiveDate::from_ymd_opt(2019, 7, 10).expect("day"),
        ScriptedDialogs::default(),
    )
}

/// The chosen meeting of the Charts panel (the newest: 10/07/2019).
fn meeting(h: &Harness<'_, GiaobanApp>) -> uuid::Uuid {
    h.state()
        .panels
        .charts
        .meeting
        .expect("a meeting is chosen")
}

#[test]
fn choose_a_chart_and_it_is_drawn_once_per_change() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut h = harness(&dir, path);
    click(&mut h, "Biểu đồ");
    let panel = &h.state().panels.charts;
    let (kind, size) = panel.picture().expect("a picture");
    assert_eq!(kind, ChartKind::Ranking);
    assert!(
        size[0] > 600 && size[1] > 300,
        "as large as the panel: {size:?}"
    );
    let ratio = f64::from(size[0]) / f64::from(size[1]);
    assert!((ratio - 16.0 / 9.0).abs() < 0.01, "16:9, not {size:?}");
    let renders = panel.renders;
    for _ in 0..5 {
        h.step();
    }
    assert_eq!(
        h.state().panels.charts.renders,
        renders,
        "no drawing without a change"
    );

    click(&mut h, "Bản đồ nhiệt theo nhóm tiêu chí");
    let panel = &h.state().panels.charts;
    assert_eq!(panel.picture().map(|p| p.0), Some(ChartKind::Heatmap));
    assert_eq!(panel.renders, renders + 1, "one drawing for one change");
    let resolved = panel.resolved().expect("resolved").clone();
    assert_eq!(resolved.model.as_deref(), Some("ward-eoffice"));
    assert_eq!((resolved.year, resolved.month), (Some(2018), Some(12)));

    // A smaller window: the picture follows its size.
    h.set_size(egui::vec2(1100.0, 800.0));
    h.run();
    let (_, smaller) = h.state().panels.charts.picture().expect("a picture");
    assert!(smaller[0] < size[0], "{smaller:?} < {size:?}");

    click(&mut h, "Kết quả của một đơn vị");
    assert_eq!(
        h.state().panels.charts.picture().map(|p| p.0),
        Some(ChartKind::Scorecard)
    );
}

#[test]
fn a_slide_taken_out_of_the_deck_is_saved_and_undone() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut h = harness(&dir, path.clone());
    click(&mut h, "Biểu đồ");
    let id = meeting(&h);
    let shown = h.state().panels.charts.deck_slides().expect("deck").len();
    assert_eq!(shown, 6, "the default deck of the mid-2019 meeting");
    // Remove the first slide: the deck is now saved in the file, five slides.
    h.get_all_by_label("Bỏ")
        .next()
        .expect("a remove button")
        .click();
    h.run();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let saved = store.slides(id).expect("slides");
    assert_eq!(saved.len(), 5);
    assert_eq!(saved[0].spec.kind, ChartKind::Trend);
    drop(store);
    // Add the chart shown (the ranking) at the end.
    click(&mut h, "Thêm biểu đồ đang xem vào bộ trình chiếu");
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let saved = store.slides(id).expect("slides");
    assert_eq!(saved.len(), 6);
    assert_eq!(saved[5].spec.kind, ChartKind::Ranking);
    assert_eq!(
        saved[5].spec.month,
        Some(12),
        "saved with the month it showed"
    );
    drop(store);
    // Choose the first slide and give it a title of its own.
    click(&mut h, "1. Diễn biến theo tháng");
    type_into(&mut h, "Tiêu đề trang", "Điểm các phường năm 2018");
    h.key_press(Key::Enter);
    h.run();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let saved = store.slides(id).expect("slides");
    assert_eq!(saved[0].title, "Điểm các phường năm 2018");
    assert_eq!(saved[0].spec.kind, ChartKind::Trend);
    drop(store);
    // Ctrl+Z three times: back to the default deck (nothing saved).
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    let store = Store::open(&path, Intent::Inspect).expect("open");
    assert!(store.slides(id).expect("slides").is_empty());
}

fn press(h: &mut Harness<'_, GiaobanApp>, key: Key) {
    h.key_press(key);
    h.step();
    h.step();
}

fn index(h: &Harness<'_, GiaobanApp>) -> Option<usize> {
    h.state().presentation.as_ref().map(|p| p.index)
}

#[test]
fn present_in_one_window_move_with_the_keys_and_leave_with_esc() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut h = harness(&dir, path);
    click(&mut h, "Biểu đồ");
    h.get_by_label("Trình chiếu một cửa sổ").click();
    h.step();
    h.step();
    let p = h.state().presentation.as_ref().expect("presenting");
    assert!(p.single_window);
    assert_eq!(p.frames.len(), 6);
    assert_eq!(index(&h), Some(0));
    // The audience view is drawn at the window's size, 16:9.
    let size = h
        .state()
        .presentation
        .as_ref()
        .and_then(|p| p.size())
        .expect("drawn");
    assert!(size[0] >= 1400, "{size:?}");
    for (key, expected) in [
        (Key::ArrowRight, 1),
        (Key::Space, 2),
        (Key::PageDown, 3),
        (Key::ArrowLeft, 2),
        (Key::PageUp, 1),
        (Key::End, 5),
        (Key::ArrowRight, 5),
        (Key::Home, 0),
        (Key::ArrowLeft, 0),
    ] {
        press(&mut h, key);
        assert_eq!(index(&h), Some(expected), "after {key:?}");
    }
    let full = |h: &Harness<'_, GiaobanApp>| h.state().presentation.as_ref().map(|p| p.full_screen);
    assert_eq!(full(&h), Some(true), "one window: full screen at once");
    press(&mut h, Key::F11);
    assert_eq!(full(&h), Some(false), "F11 leaves full screen");
    press(&mut h, Key::F11);
    assert_eq!(full(&h), Some(true));
    press(&mut h, Key::Escape);
    assert!(h.state().presentation.is_none(), "Esc leaves");
    h.run();
    assert!(
        shows(&h, "Bộ trình chiếu của cuộc họp"),
        "back in the Charts panel"
    );
}

#[test]
fn present_with_the_presenter_view_and_the_slides_ready() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut h = harness(&dir, path);
    click(&mut h, "Giao ban");
    h.get_by_label("Trình chiếu").click();
    h.step();
    h.step();
    assert!(
        shows(&h, "Trang 1/6"),
        "the presenter view counts the slides"
    );
    assert_eq!(
        h.state().presentation.as_ref().map(|p| p.full_screen),
        Some(false),
        "the audience window opens as a window, to be moved to the projector"
    );
    assert!(shows(&h, "Trang tiếp theo"));
    // The other slides are drawn in the background, then moving is a texture swap.
    let ctx = h.ctx.clone();
    if let Some(p) = h.state_mut().presentation.as_mut() {
        p.finish_drawing(&ctx);
    }
    assert_eq!(
        h.state().presentation.as_ref().map(|p| p.ready()),
        Some(6),
        "every slide drawn"
    );
    press(&mut h, Key::ArrowRight);
    assert!(shows(&h, "Trang 2/6"));
    // A slide chosen in the list.
    h.get_by_label("5. Kế hoạch ứng dụng công nghệ thông tin năm 2019")
        .click();
    h.step();
    h.step();
    assert_eq!(index(&h), Some(4));
    // (Embedded in the test's single window, the audience view covers the presenter's bar;
    // on a desk it is a window of its own.)
    press(&mut h, Key::Escape);
    assert!(h.state().presentation.is_none());
}

#[test]
fn the_chart_shown_and_the_deck_are_exported_from_the_panel() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    for (button, name, magic) in [
        ("Xuất PNG…", "chart.png", &b"\x89PNG"[..]),
        ("Xuất SVG…", "chart.svg", &b"<svg"[..]),
        ("Xuất bộ trình chiếu PDF…", "deck.pdf", &b"%PDF"[..]),
    ] {
        let out = dir.join(name);
        let mut h = app(
            &dir,
            path.clone(),
            NaiveDate::from_ymd_opt(2019, 7, 10).expect("day"),
            ScriptedDialogs {
                save: Some(out.clone()),
                ..ScriptedDialogs::default()
            },
        );
        click(&mut h, "Biểu đồ");
        click(&mut h, button);
        let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(bytes.starts_with(magic), "{name}");
        assert!(shows(&h, "Đã ghi"), "{name}: the person is told");
    }
}

#[test]
fn the_day_of_a_chart_is_typed_and_follows_the_slide_chosen() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut h = harness(&dir, path);
    click(&mut h, "Biểu đồ");
    click(&mut h, "Việc được giao theo đơn vị");
    let as_of = |h: &Harness<'_, GiaobanApp>| {
        h.state()
            .panels
            .charts
            .resolved()
            .and_then(|s| s.as_of)
            .map(|d| d.to_string())
    };
    assert_eq!(as_of(&h).as_deref(), Some("2019-07-10"), "today by default");
    type_into(&mut h, "Tính đến ngày", "31/03/2018");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(as_of(&h).as_deref(), Some("2018-03-31"));
    assert_eq!(
        h.state().panels.charts.picture().map(|p| p.0),
        Some(ChartKind::Actions)
    );
    // A malformed day is refused with its reason, and the chart keeps its day.
    type_into(&mut h, "Tính đến ngày", "32/13/2018");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(as_of(&h).as_deref(), Some("2018-03-31"));
    // The deck's last slide (action items as of the meeting's day): the field follows it.
    click(&mut h, "6. Việc được giao theo…");
    assert_eq!(as_of(&h).as_deref(), Some("2019-07-10"));
    assert!(
        h.query_all_by_value("10/07/2019").next().is_some(),
        "the field shows the slide's day"
    );
}

/// F5 presents the meeting shown, as the menu's *Trình chiếu cuộc họp* does.
#[test]
fn f5_presents_the_meeting_shown() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut h = harness(&dir, path);
    click(&mut h, "Giao ban");
    h.key_press(Key::F5);
    h.step();
    h.step();
    assert!(h.state().presentation.is_some(), "presenting");
}

/// What the audience window showed, frame by frame, as eframe runs it: a window of its own with
/// its own pass, whose new textures reach the screen with that pass; the main window's new
/// textures reach the screen only while the main window is visible (not behind a full-screen
/// audience window). A slide whose texture never reached the screen shows white.
#[derive(Default)]
struct AudienceWindow {
    size: egui::Vec2,
    uploaded: std::collections::HashSet<egui::TextureId>,
    events: Vec<egui::Event>,
    shown: Vec<String>,
}

fn audience_window(h: &Harness<'_, GiaobanApp>) -> std::rc::Rc<std::cell::RefCell<AudienceWindow>> {
    use std::cell::RefCell;
    use std::rc::Rc;
    let window = Rc::new(RefCell::new(AudienceWindow {
        size: egui::vec2(800.0, 450.0),
        ..AudienceWindow::default()
    }));
    h.ctx.set_embed_viewports(false);
    let seen = Rc::clone(&window);
    egui::Context::set_immediate_viewport_renderer(move |ctx, viewport| {
        let mut w = seen.borrow_mut();
        let input = egui::RawInput {
            viewport_id: viewport.ids.this,
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, w.size)),
            events: std::mem::take(&mut w.events),
            viewports: std::iter::once((
                viewport.ids.this,
                egui::ViewportInfo {
                    parent: Some(viewport.ids.parent),
                    focused: Some(true),
                    ..egui::ViewportInfo::default()
                },
            ))
            .collect(),
            ..egui::RawInput::default()
        };
        drop(w);
        let mut ui_cb = viewport.viewport_ui_cb;
        let mut output = ctx.run_ui(input, |ui| ui_cb(ui));
        let mut w = seen.borrow_mut();
        w.uploaded.extend(output.textures_delta.set.keys().copied());
        output.textures_delta.clear();
        let mut shown = String::new();
        for clipped in ctx.tessellate(output.shapes, output.pixels_per_point) {
            if let egui::epaint::Primitive::Mesh(mesh) = clipped.primitive
                && mesh.texture_id != egui::TextureId::default()
            {
                shown = if w.uploaded.contains(&mesh.texture_id) {
                    ctx.tex_manager()
                        .read()
                        .meta(mesh.texture_id)
                        .map(|m| m.name.clone())
                        .unwrap_or_default()
                } else {
                    "white".into()
                };
            }
        }
        w.shown.push(shown);
    });
    window
}

/// Issue 12, defect 10: the audience window made full screen (which hides the main window)
/// shows every slide as the secretary moves through the deck from the audience window, not
/// the first one and then white.
#[test]
fn a_full_screen_audience_window_shows_every_slide() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut h = harness(&dir, path);
    click(&mut h, "Giao ban");
    let window = audience_window(&h);
    let mut main_visible = true;
    let frame = |h: &mut Harness<'_, GiaobanApp>, main_visible: bool| {
        h.step();
        if main_visible {
            window
                .borrow_mut()
                .uploaded
                .extend(h.output().textures_delta.set.keys().copied());
        }
        window.borrow().shown.last().cloned().unwrap_or_default()
    };
    h.get_by_label("Trình chiếu").click();
    for _ in 0..3 {
        frame(&mut h, main_visible);
    }
    assert_eq!(
        frame(&mut h, main_visible),
        "slide-0",
        "the first slide, windowed"
    );
    // F11: the audience window fills the projector and covers the main window.
    let key = |key: Key| egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    window.borrow_mut().events.push(key(Key::F11));
    window.borrow_mut().size = egui::vec2(1600.0, 900.0);
    frame(&mut h, main_visible);
    main_visible = false;
    assert_eq!(frame(&mut h, main_visible), "slide-0");
    for k in 1..6 {
        window.borrow_mut().events.push(key(Key::ArrowRight));
        let mut shown = String::new();
        for _ in 0..4 {
            shown = frame(&mut h, main_visible);
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert_eq!(
            shown,
            format!("slide-{k}"),
            "after moving to slide {}",
            k + 1
        );
    }
    egui::Context::set_immediate_viewport_renderer(|_, _| {});
}

/// Issue 12, defect 11: the secretary chooses the projector's screen in the presenter view and
/// the audience window goes full screen there, rather than being dragged.
#[test]
fn the_audience_window_is_sent_full_screen_to_the_chosen_screen() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut h = harness(&dir, path);
    click(&mut h, "Giao ban");
    h.get_by_label("Trình chiếu").click();
    h.step();
    h.step();
    let p = |h: &Harness<'_, GiaobanApp>| {
        let p = h.state().presentation.as_ref().expect("presenting");
        (p.monitor, p.full_screen)
    };
    assert_eq!(p(&h), (None, false));
    h.get_by_label("Chiếu lên").click();
    h.step();
    h.step();
    h.get_by_label("Màn hình 2").click();
    h.step();
    h.step();
    assert_eq!(p(&h), (Some(1), true), "full screen on the second screen");
}

/// Issue 12, defect 14: the targets chart's controls stay inside the left column, a plan's
/// long name cut with "…" in its box.
#[test]
fn the_targets_chart_s_controls_fit_their_column() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut h = harness(&dir, path);
    click(&mut h, "Biểu đồ");
    click(&mut h, "Chỉ tiêu của kế hoạch");
    h.run();
    let plan = h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Kế hoạch");
    let shown = plan.value().unwrap_or_default();
    assert!(
        shown.starts_with("112/KH-UBND") && shown.ends_with('…'),
        "{shown}"
    );
    // The navigation (190) and the controls' column (340).
    assert!(plan.rect().right() <= 190.0 + 340.0, "{:?}", plan.rect());
}
