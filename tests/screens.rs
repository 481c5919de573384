//! Every screen of the window drawn to an image, for comparing the screens before and after a
//! change that must not alter them (a move of code, a split of a panel):
//!
//! ```text
//! GIAOBAN_SCREENS=before cargo test --test screens -- --ignored
//! # … the change …
//! GIAOBAN_SCREENS=after cargo test --test screens -- --ignored
//! compare -metric AE target/screens/before/plans.png target/screens/after/plans.png null:
//! ```
//!
//! Ignored by default: the images depend on the machine's renderer, so they are compared on one
//! machine, not kept in the repository. The demo file sits at one fixed path so that the status
//! bar, which shows it, reads the same in both runs.

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use egui_kittest::Harness;
use giaoban::app::dialogs::ScriptedDialogs;
use giaoban::app::prefs::Paths;
use giaoban::app::{AppConfig, Nav};
use giaoban::demo::demo_seed;
use giaoban::store::Store;
use giaoban::ui::GiaobanApp;

fn out_dir() -> PathBuf {
    let label = std::env::var("GIAOBAN_SCREENS").unwrap_or_else(|_| "latest".into());
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/screens")
        .join(label)
}

fn window(size: [f32; 2], suffix: &str) -> Harness<'static, GiaobanApp> {
    let dir = std::env::temp_dir().join(format!("giaoban-screens{suffix}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let file = dir.join("demo.db");
    Store::create(&file, &demo_seed(), false).expect("demo");
    let config = AppConfig {
        file: Some(file),
        paths: Paths::in_dir(&dir),
        today: NaiveDate::from_ymd_opt(2019, 1, 20),
        lang: None,
        dialogs: Box::new(ScriptedDialogs::default()),
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .build_eframe(|cc| GiaobanApp::with_context(cc, config));
    harness.run();
    harness
}

fn shot(harness: &mut Harness<'_, GiaobanApp>, name: &str) {
    for _ in 0..3 {
        harness.run();
    }
    let image = harness.render().expect("render");
    let dir = out_dir();
    std::fs::create_dir_all(&dir).expect("folder");
    image.save(dir.join(format!("{name}.png"))).expect("save");
}

fn screens(size: [f32; 2], suffix: &str) {
    let mut h = window(size, suffix);
    for nav in Nav::ALL {
        h.state_mut().nav = nav;
        shot(&mut h, &format!("{nav:?}{suffix}"));
    }
    let doc = h.state().doc.as_ref().expect("doc");
    let plan = doc.view.plans.plans.first().map(|p| p.plan_id);
    let meeting = doc.view.meetings.meetings.first().map(|m| m.meeting_id);
    let target = doc
        .view
        .plans
        .targets
        .iter()
        .find(|t| Some(t.plan_id) == plan)
        .map(|t| t.target_id);

    h.state_mut().nav = Nav::Plans;
    h.state_mut().panels.plans.selected = plan;
    h.state_mut().panels.plans.target = target;
    shot(&mut h, &format!("plan-target{suffix}"));

    h.state_mut().nav = Nav::Meetings;
    h.state_mut().panels.meetings.selected = meeting;
    shot(&mut h, &format!("meeting{suffix}"));
    h.state_mut().panels.meetings.follow_up = true;
    shot(&mut h, &format!("follow-up{suffix}"));

    h.state_mut().nav = Nav::Scoring;
    h.state_mut().panels.scoring.year_view = true;
    shot(&mut h, &format!("scoring-year{suffix}"));
    h.state_mut().panels.scoring.year_view = false;
    h.state_mut().panels.scoring.show_overview = true;
    shot(&mut h, &format!("scoring-overview{suffix}"));
    h.state_mut().panels.scoring.show_overview = false;
    h.state_mut().panels.scoring.editing_set = true;
    shot(&mut h, &format!("criteria-editor{suffix}"));
    h.state_mut().panels.scoring.editing_set = false;

    h.state_mut().nav = Nav::Charts;
    h.state_mut().panels.charts.meeting = meeting;
    shot(&mut h, &format!("deck{suffix}"));
}

#[test]
#[ignore = "writes images to compare by hand; see the module's comment"]
fn every_screen_at_the_laptop_size() {
    screens([1366.0, 768.0], "");
}

#[test]
#[ignore = "writes images to compare by hand; see the module's comment"]
fn every_screen_tall_enough_to_show_all() {
    screens([1600.0, 2400.0], "-tall");
}
