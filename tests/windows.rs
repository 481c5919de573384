//! What the Windows laptops need that can be checked on Linux: when a started program talks on
//! a console, where its own files go, the status bar after the OpenGL fallback, and a file
//! on a network share opened read-only. The rest runs in the Wine smoke run (`.ci/windows-smoke`).

mod common;

use chrono::NaiveDate;
use clap::Parser;
use common::TempDir;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use giaoban::app::AppConfig;
use giaoban::app::dialogs::ScriptedDialogs;
use giaoban::app::prefs::Paths;
use giaoban::cli::{Cli, talks_on_console};
use giaoban::domain::lang::Lang;
use giaoban::store::ReadOnlyReason;
use giaoban::ui::GiaobanApp;

fn talks(args: &[&str]) -> bool {
    talks_on_console(&Cli::try_parse_from(args))
}

#[test]
fn subcommands_help_and_mistakes_join_the_console_the_window_does_not() {
    assert!(talks(&["giaoban", "check", r"C:\Tài liệu\giao ban.db"]));
    assert!(talks(&[
        "giaoban", "--lang", "en", "results", "x.db", "--month", "2018-12"
    ]));
    assert!(talks(&["giaoban", "--help"]));
    assert!(talks(&["giaoban", "--version"]));
    assert!(
        talks(&["giaoban", "check"]),
        "a missing argument is said on the console"
    );
    assert!(talks(&["giaoban", "--khong-co"]));
    // A double click, or a file dropped on the exe: the window, no console.
    assert!(!talks(&["giaoban"]));
    assert!(!talks(&[
        "giaoban",
        r"C:\Users\Thư ký\Tài liệu\giao ban 2025.db"
    ]));
    assert!(!talks(&["giaoban", "--lang", "vi"]));
}

#[test]
fn on_windows_everything_of_the_programs_own_is_under_appdata_giaoban() {
    let appdata = std::path::Path::new(r"C:\Users\Thư ký\AppData\Roaming");
    let paths = Paths::under_appdata(appdata);
    assert_eq!(paths.prefs_file, appdata.join("giaoban").join("prefs.json"));
    assert_eq!(
        paths.demo_file(),
        appdata.join("giaoban").join("data").join("giaoban-demo.db")
    );
}

#[test]
fn a_file_on_a_share_says_why_it_is_read_only_and_the_way_out() {
    let vi = ReadOnlyReason::NetworkShare.message(Lang::Vi);
    let en = ReadOnlyReason::NetworkShare.message(Lang::En);
    assert!(vi.contains("ổ mạng") && vi.contains("Lưu thành"), "{vi}");
    assert!(
        en.contains("network drive") && en.contains("Save as"),
        "{en}"
    );
}

#[test]
fn the_status_bar_says_when_opengl_draws_the_window() {
    let dir = TempDir::new();
    let file = dir.join("giaoban.db");
    giaoban::store::Store::create(&file, &giaoban::demo::demo_seed(), false).expect("demo");
    let config = AppConfig {
        file: Some(file),
        paths: Paths::in_dir(dir.path()),
        today: NaiveDate::from_ymd_opt(2026, 11, 22),
        lang: Some(Lang::Vi),
        dialogs: Box::new(ScriptedDialogs::default()),
    };
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(|cc| {
            let mut window = GiaobanApp::with_context(cc, config);
            window.opengl_fallback = true;
            window
        });
    harness.run();
    assert!(harness.query_by_label("Vẽ bằng OpenGL").is_some());
    assert!(harness.query_by_label_contains("Đang sửa").is_some());

    harness.state_mut().opengl_fallback = false;
    harness.run();
    assert!(harness.query_by_label("Vẽ bằng OpenGL").is_none());
}

/// A file open for editing in one giaoban is never replaced by another: on Windows the rename
/// failed with "access denied"; on Linux it went through, and the first window went on saving
/// into a file no longer on disk.
#[test]
fn a_file_open_for_editing_elsewhere_is_not_replaced() {
    use giaoban::store::{Intent, Store, StoreError};
    let dir = TempDir::new();
    let open = dir.demo("giao ban.db");
    let other = dir.demo("khác.db");
    let editing = Store::open(&open, Intent::Edit).expect("open for editing");
    let before = std::fs::read(&open).expect("read");

    let replaced = Store::create(&open, &giaoban::demo::demo_seed(), true);
    assert!(
        matches!(replaced, Err(StoreError::InUse { .. })),
        "{replaced:?}"
    );
    let copy = Store::open(&other, Intent::Inspect)
        .expect("open")
        .save_copy(&open);
    assert!(matches!(copy, Err(StoreError::InUse { .. })), "{copy:?}");
    let run = common::giaoban(&["demo", &open.to_string_lossy(), "--force", "--lang", "vi"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        common::text(&run.stderr).contains("đang được sửa trong một cửa sổ giaoban khác"),
        "{}",
        common::text(&run.stderr)
    );
    assert_eq!(
        std::fs::read(&open).expect("read"),
        before,
        "nothing replaced"
    );
    assert!(common::side_files(dir.path(), &["giao ban.db", "khác.db"]).is_empty());

    // Closed, it may be replaced.
    drop(editing);
    assert!(Store::create(&open, &giaoban::demo::demo_seed(), true).is_ok());
}
