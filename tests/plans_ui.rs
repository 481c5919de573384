//! The Plans and Meetings panels driven as the secretary would: add a plan and a target,
//! record a value and see the status change; type a meeting with a conclusion and an action
//! item, close the item and see it leave the open list.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::TempDir;
use common::ui::{app, click, shows, type_into};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use giaoban::app::dialogs::ScriptedDialogs;
use giaoban::domain::meeting::ActionStatus;
use giaoban::store::{Intent, Store};
use giaoban::ui::GiaobanApp;

fn harness(dir: &TempDir, file: std::path::PathBuf) -> Harness<'static, GiaobanApp> {
    app(
        dir,
        file,
        NaiveDate::from_ymd_opt(2026, 11, 22).expect("day"),
        ScriptedDialogs::default(),
    )
}

#[test]
fn a_new_plan_gets_a_target_and_a_value_and_its_status_changes() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    click(&mut harness, "Kế hoạch");
    assert!(shows(&harness, "112/KH-UBND"));
    click(&mut harness, "Thêm kế hoạch");
    click(&mut harness, "Thêm chỉ tiêu");
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let book = store.plan_book().expect("book");
    let plan = book
        .plans
        .iter()
        .find(|p| p.title == "Kế hoạch mới")
        .expect("the new plan is in the file")
        .clone();
    let target = book
        .targets
        .iter()
        .find(|t| t.plan_id == plan.plan_id)
        .expect("its target")
        .clone();
    drop(store);
    assert!(shows(&harness, "Chưa có số liệu"));
    // The new target is chosen: record 60 as of 30/06/2026.
    type_into(&mut harness, "Giá trị", "60");
    type_into(&mut harness, "ngày", "30/06/2026");
    click(&mut harness, "Ghi số liệu");
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let book = store.plan_book().expect("book");
    let m = book
        .measurements
        .iter()
        .find(|m| m.target_id == target.target_id)
        .expect("the value is in the file");
    assert_eq!(m.value, 60.0);
    assert_eq!(m.as_of, NaiveDate::from_ymd_opt(2026, 6, 30).expect("day"));
    drop(store);
    assert!(!shows(&harness, "Chưa có số liệu"));
    assert!(
        shows(&harness, "Đúng tiến độ"),
        "60% of the way, days into the plan"
    );
    // A task with its deadline as people write it (the form is below the targets).
    harness.get_by_label("Thêm nhiệm vụ").scroll_to_me();
    harness.run();
    type_into(
        &mut harness,
        "Nhiệm vụ mới",
        "Triển khai chữ ký số cho các phường",
    );
    type_into(&mut harness, "thời hạn", "Quý II/2026");
    click(&mut harness, "Thêm nhiệm vụ");
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let task = store
        .plan_book()
        .expect("book")
        .tasks
        .into_iter()
        .find(|t| t.plan_id == plan.plan_id)
        .expect("the task is in the file");
    assert_eq!(task.text, "Triển khai chữ ký số cho các phường");
    assert_eq!(
        task.deadline,
        Some(giaoban::domain::deadline::Deadline::Quarter {
            year: 2026,
            quarter: 2
        })
    );
    drop(store);
    // A malformed value is refused with its reason, nothing written.
    type_into(&mut harness, "Giá trị", "sáu mươi");
    click(&mut harness, "Ghi số liệu");
    assert!(shows(&harness, "không phải là số"), "the reason is shown");
    let store = Store::open(&path, Intent::Inspect).expect("open");
    assert_eq!(
        store
            .plan_book()
            .expect("book")
            .measurements
            .iter()
            .filter(|m| m.target_id == target.target_id)
            .count(),
        1
    );
}

#[test]
fn a_meeting_is_typed_with_a_conclusion_and_an_item_that_is_then_closed() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path.clone());
    click(&mut harness, "Giao ban");
    click(&mut harness, "Thêm cuộc họp");
    // Ctrl+Enter adds conclusion 1 and puts the cursor in it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert!(shows(&harness, "Kết luận 1"));
    type_into(
        &mut harness,
        "Kết luận 1",
        "Các phường hoàn thành kết nối giao ban trực tuyến",
    );
    harness.key_press(Key::Escape);
    harness.run();
    // Ctrl+Shift+Enter adds an action item; its unit is chosen by typing.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter);
    harness.run();
    harness.run();
    // The cursor is in the new item's unit: "bo de" and Enter choose Bồ Đề.
    harness.event(egui::Event::Text("bo de".into()));
    harness.run();
    assert!(shows(&harness, "Bồ Đề"), "the matching ward is offered");
    harness.key_press(Key::Enter);
    harness.run();
    type_into(&mut harness, "Việc giao 1", "Lắp đặt thiết bị giao ban");
    harness.key_press(Key::Escape);
    harness.run();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let book = store.meeting_book().expect("book");
    let meeting = book
        .meetings
        .iter()
        .find(|m| m.held_on == NaiveDate::from_ymd_opt(2026, 11, 22).expect("day"))
        .expect("the new meeting")
        .clone();
    let conclusion = book
        .conclusions
        .iter()
        .find(|c| c.meeting_id == meeting.meeting_id)
        .expect("its conclusion");
    assert_eq!(conclusion.number, 1);
    assert_eq!(
        conclusion.text,
        "Các phường hoàn thành kết nối giao ban trực tuyến"
    );
    let item = book
        .actions
        .iter()
        .find(|a| a.meeting_id == meeting.meeting_id)
        .expect("its item")
        .clone();
    assert_eq!(item.text, "Lắp đặt thiết bị giao ban");
    let bo_de = store
        .units()
        .expect("units")
        .into_iter()
        .find(|u| u.name == "Bồ Đề")
        .expect("ward");
    assert_eq!(
        item.unit_id,
        Some(bo_de.unit_id),
        "chosen by typing without accents"
    );
    assert!(
        book.open_actions(NaiveDate::from_ymd_opt(2026, 11, 22).expect("day"))
            .iter()
            .any(|a| a.action_id == item.action_id)
    );
    drop(store);
    // Close it: it records today's date and leaves the open list.
    let done = harness.query_all_by_label("Hoàn thành").count();
    assert!(done >= 1);
    // The meeting's own items come before those carried over.
    harness
        .query_all_by_label("Hoàn thành")
        .next()
        .expect("button")
        .click();
    harness.run();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let book = store.meeting_book().expect("book");
    let closed = book
        .actions
        .iter()
        .find(|a| a.action_id == item.action_id)
        .expect("item");
    assert_eq!(closed.status, ActionStatus::Done);
    assert_eq!(closed.completed_on, NaiveDate::from_ymd_opt(2026, 11, 22));
    assert!(
        !book
            .open_actions(NaiveDate::from_ymd_opt(2026, 11, 22).expect("day"))
            .iter()
            .any(|a| a.action_id == item.action_id)
    );
    // The follow-up list shows what is still open.
    harness.get_by_label_contains("Theo dõi việc giao").click();
    harness.run();
    assert!(shows(&harness, "việc chưa hoàn thành tại ngày 22/11/2026"));
}

/// The window on `path`, a new meeting added and Ctrl+Enter pressed: conclusion 1 is empty.
fn new_meeting_with_a_conclusion(dir: &TempDir, path: &Path) -> Harness<'static, GiaobanApp> {
    let mut harness = harness(dir, path.to_path_buf());
    click(&mut harness, "Giao ban");
    click(&mut harness, "Thêm cuộc họp");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness
}

/// The meeting added today (22/11/2026) by the tests above.
fn todays_meeting(book: &giaoban::domain::meeting::MeetingBook) -> uuid::Uuid {
    book.meetings
        .iter()
        .find(|m| m.held_on == NaiveDate::from_ymd_opt(2026, 11, 22).expect("day"))
        .expect("the new meeting")
        .meeting_id
}

/// What is being typed is kept when a key adds the next conclusion or item: the field is saved
/// before the command acts.
#[test]
fn typing_then_ctrl_enter_keeps_what_was_typed() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = new_meeting_with_a_conclusion(&dir, &path);
    type_into(&mut harness, "Kết luận 1", "Hoàn thành kết nối trực tuyến");
    // Still in the field: Ctrl+Enter, then Ctrl+Shift+Enter at once.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness.run();
    type_into(&mut harness, "Kết luận 2", "Rà soát thủ tục trực tuyến");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter);
    harness.run();
    harness.run();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let book = store.meeting_book().expect("book");
    let meeting = todays_meeting(&book);
    let mut texts: Vec<(u32, String)> = book
        .conclusions
        .iter()
        .filter(|c| c.meeting_id == meeting)
        .map(|c| (c.number, c.text.clone()))
        .collect();
    texts.sort();
    assert_eq!(
        texts,
        [
            (1, "Hoàn thành kết nối trực tuyến".to_string()),
            (2, "Rà soát thủ tục trực tuyến".to_string())
        ]
    );
    assert_eq!(
        book.actions
            .iter()
            .filter(|a| a.meeting_id == meeting)
            .count(),
        1
    );
}

/// Issue 12, defect 1: a new conclusion and a new item start empty (a grey hint, not a "…"
/// that typed text is appended to), and the notice leaves out what is not written yet.
#[test]
fn a_new_conclusion_starts_empty_and_what_is_typed_is_all_it_holds() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = new_meeting_with_a_conclusion(&dir, &path);
    harness.run();
    // The cursor is in the new conclusion: typing goes straight in.
    harness
        .get_by_label("Kết luận 1")
        .type_text("Hoàn thành kết nối");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter);
    harness.run();
    harness.run();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let book = store.meeting_book().expect("book");
    let meeting = todays_meeting(&book);
    let texts: Vec<String> = book
        .conclusions
        .iter()
        .filter(|c| c.meeting_id == meeting)
        .map(|c| c.text.clone())
        .collect();
    assert_eq!(texts, ["Hoàn thành kết nối"]);
    let items: Vec<String> = book
        .actions
        .iter()
        .filter(|a| a.meeting_id == meeting)
        .map(|a| a.text.clone())
        .collect();
    assert_eq!(items, [""], "a new item is empty, its hint grey");
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("day");
    assert!(
        book.open_actions(today)
            .iter()
            .all(|a| a.meeting_id != meeting),
        "an item not yet written is not counted among the open ones"
    );
    let m = book.meeting(meeting).expect("meeting").clone();
    let notice = giaoban::export::notice_of(
        &store,
        &m,
        NaiveDate::from_ymd_opt(2026, 11, 22).expect("day"),
    )
    .expect("notice");
    assert!(
        notice.assignments.is_none(),
        "an empty item is left out of the notice"
    );
    assert!(!notice.all_text().iter().any(|t| t.contains('…')));
}

/// A unit typed in full into an item and left with Tab (not Enter, not a click on the offer) is
/// the item's unit: what the field shows is what is saved.
#[test]
fn a_unit_typed_in_full_and_left_is_saved() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = new_meeting_with_a_conclusion(&dir, &path);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter);
    harness.run();
    harness.run();
    harness.event(egui::Event::Text("Phòng Nội vụ".into()));
    harness.run();
    // Tab to the item's text, then out of the item.
    harness.key_press(Key::Tab);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.run();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let book = store.meeting_book().expect("book");
    let meeting = todays_meeting(&book);
    let item = book
        .actions
        .iter()
        .find(|a| a.meeting_id == meeting)
        .expect("the item");
    let unit = store
        .units()
        .expect("units")
        .into_iter()
        .find(|u| Some(u.unit_id) == item.unit_id)
        .map(|u| u.name);
    assert_eq!(unit.as_deref(), Some("Phòng Nội vụ"));
}

/// F1 lists every command with its keys, by where it acts; Esc closes the list.
#[test]
fn f1_lists_the_shortcuts() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = harness(&dir, path);
    harness.key_press(Key::F1);
    harness.run();
    for text in [
        "Phím tắt",
        "Trong cuộc họp",
        "Thêm kết luận",
        "Thêm việc được giao",
        "Khi trình chiếu",
        "Trang sau",
        "Trong bảng chấm điểm",
    ] {
        assert!(shows(&harness, text), "{text}");
    }
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!shows(&harness, "Khi trình chiếu"));
}

/// What is being typed is kept when the person goes to another panel straight from the field.
#[test]
fn typing_then_going_elsewhere_keeps_what_was_typed() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut harness = new_meeting_with_a_conclusion(&dir, &path);
    type_into(&mut harness, "Kết luận 1", "Đã thống nhất lịch giao ban");
    click(&mut harness, "Kế hoạch");
    harness.run();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let book = store.meeting_book().expect("book");
    let meeting = todays_meeting(&book);
    let texts: Vec<String> = book
        .conclusions
        .iter()
        .filter(|c| c.meeting_id == meeting)
        .map(|c| c.text.clone())
        .collect();
    assert_eq!(texts, ["Đã thống nhất lịch giao ban"]);
}
