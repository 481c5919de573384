//! A file with something planted in it, opened in the window: refused with the reason, and a
//! clean copy made from the notice, as a secretary would.

mod common;

use chrono::NaiveDate;
use common::TempDir;
use common::ui::{app, click, shows};
use giaoban::app::dialogs::ScriptedDialogs;
use rusqlite::Connection;

#[test]
fn a_planted_trigger_is_refused_and_a_clean_copy_opens_from_the_notice() {
    let dir = TempDir::new();
    let hostile = dir.demo("tu-phuong.db");
    Connection::open(&hostile)
        .expect("open")
        .execute_batch("CREATE TRIGGER wipe AFTER UPDATE ON score BEGIN DELETE FROM score; END;")
        .expect("plant");
    let before = std::fs::read(&hostile).expect("read");
    let clean = dir.join("tu-phuong_ban-sach.db");
    let dialogs = ScriptedDialogs {
        save: Some(clean.clone()),
        ..ScriptedDialogs::default()
    };
    let mut harness = app(
        &dir,
        hostile.clone(),
        NaiveDate::from_ymd_opt(2018, 12, 5).expect("day"),
        dialogs,
    );
    assert!(harness.state().doc.is_none());
    assert!(shows(
        &harness,
        "Tệp có trigger \"wipe\" không do giaoban tạo"
    ));
    assert!(shows(&harness, "Bản sạch sẽ bỏ ra"));
    click(&mut harness, "Tạo bản sạch…");
    harness.run();
    let state = harness.state();
    let doc = state.doc.as_ref().expect("the clean copy is open");
    assert_eq!(doc.store.path(), clean.as_path());
    assert!(doc.store.is_writable());
    assert!(state.refused.is_none());
    assert_eq!(std::fs::read(&hostile).expect("read"), before);
    assert!(shows(&harness, "Đã ghi bản sạch"));
}

#[test]
fn a_refusal_without_a_way_out_can_be_dismissed() {
    let dir = TempDir::new();
    let garbage = dir.join("thu.db");
    std::fs::write(&garbage, "không phải tệp giaoban").expect("write");
    let mut harness = app(
        &dir,
        garbage,
        NaiveDate::from_ymd_opt(2018, 12, 5).expect("day"),
        ScriptedDialogs::default(),
    );
    assert!(shows(&harness, "Không phải tệp giaoban"));
    assert!(!shows(&harness, "Tạo bản sạch…"));
    click(&mut harness, "Bỏ qua");
    assert!(harness.state().refused.is_none());
}
