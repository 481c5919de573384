//! Driving the window in tests: the app on a file, and what a person does with it.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use giaoban::app::AppConfig;
use giaoban::app::dialogs::ScriptedDialogs;
use giaoban::app::prefs::Paths;
use giaoban::ui::GiaobanApp;

use super::TempDir;

/// The window on `file`, with `today` fixed and dialogs answered by `dialogs`.
pub fn app(
    dir: &TempDir,
    file: PathBuf,
    today: NaiveDate,
    dialogs: ScriptedDialogs,
) -> Harness<'static, GiaobanApp> {
    let config = AppConfig {
        file: Some(file),
        paths: Paths::in_dir(dir.path()),
        today: Some(today),
        lang: None,
        dialogs: Box::new(dialogs),
    };
    let mut harness = Harness::builder()
        .with_size([1500.0, 1000.0])
        .with_max_steps(64)
        .build_eframe(|cc| GiaobanApp::with_context(cc, config));
    harness.run();
    harness
}

/// True when some label on screen contains `text`.
pub fn shows(harness: &Harness<'_, GiaobanApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

pub fn click(harness: &mut Harness<'_, GiaobanApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Replaces the text of the field labelled `label` (the cursor stays in it).
pub fn type_into(harness: &mut Harness<'_, GiaobanApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    if text.is_empty() {
        harness.key_press(Key::Backspace);
    } else {
        harness.get_by_label(label).type_text(text);
    }
    harness.run();
}
