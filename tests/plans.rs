//! Plans, targets and meetings in the file: saved whole, deleted when nothing depends on
//! them, undone; statuses computed as of a day.

mod common;

use chrono::{NaiveDate, Utc};
use common::TempDir;
use giaoban::domain::deadline::Deadline;
use giaoban::domain::edit::Edit;
use giaoban::domain::error::RuleError;
use giaoban::domain::lang::Lang;
use giaoban::domain::meeting::{ActionItem, ActionStatus, Conclusion, Meeting};
use giaoban::domain::plan::{
    Comparison, Measurement, Plan, PlanLevel, PlanStatus, Target, TargetKind, TargetScope,
    UnitCheck,
};
use giaoban::domain::progress::{TargetStatus, counted_units};
use giaoban::domain::record::{Record, RecordKind};
use giaoban::store::{Intent, Origin, Store, StoreError};
use uuid::Uuid;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn save(store: &mut Store, record: Record) -> Result<Edit, StoreError> {
    store.apply(
        &Edit::SaveRecord {
            record: Box::new(record),
        },
        "Thư ký",
        Utc::now(),
        Origin::Do,
    )
}

fn apply(store: &mut Store, edit: &Edit) -> Result<Edit, StoreError> {
    store.apply(edit, "Thư ký", Utc::now(), Origin::Do)
}

fn status_of(store: &Store, target_id: Uuid, as_of: NaiveDate) -> TargetStatus {
    let book = store.plan_book().expect("book");
    let units = counted_units(&store.units().expect("units"), as_of);
    book.rows(None, &units, as_of)
        .into_iter()
        .find(|r| r.target.target_id == target_id)
        .expect("target")
        .status
}

#[test]
fn a_plan_with_a_target_and_a_measurement_changes_status() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let book = store.plan_book().expect("book");
    let city = book
        .plans
        .iter()
        .find(|p| p.number == "190/KH-UBND")
        .expect("city plan")
        .plan_id;
    let plan = Plan {
        plan_id: Uuid::new_v4(),
        number: "45/KH-UBND".into(),
        title: "  Kế hoạch ứng dụng CNTT năm 2020 ".into(),
        issuer: "UBND quận".into(),
        level: PlanLevel::District,
        issued_on: Some(day(2020, 1, 1)),
        start_year: 2020,
        end_year: 2020,
        orientation_year: None,
        parent_id: Some(city),
        legal_basis: String::new(),
        status: PlanStatus::InForce,
    };
    let undo_plan = save(&mut store, Record::Plan(plan.clone())).expect("plan");
    assert_eq!(
        undo_plan,
        Edit::DeleteRecord {
            kind: RecordKind::Plan,
            id: plan.plan_id
        }
    );
    let target = Target {
        target_id: Uuid::new_v4(),
        plan_id: plan.plan_id,
        code: "1".into(),
        text: "80% văn bản đi được ký số".into(),
        kind: TargetKind::Percent,
        scope: TargetScope::Body,
        comparison: Comparison::AtLeast,
        baseline: Some(0.0),
        target_value: 80.0,
        deadline: Some(Deadline::Year(2020)),
    };
    save(&mut store, Record::Target(target.clone())).expect("target");
    let mid = day(2020, 7, 1);
    assert_eq!(
        status_of(&store, target.target_id, mid),
        TargetStatus::NotStarted
    );
    let m = Measurement {
        measurement_id: Uuid::new_v4(),
        target_id: target.target_id,
        value: 60.0,
        as_of: day(2020, 6, 30),
        source: "Báo cáo 6 tháng".into(),
    };
    let undo_m = save(&mut store, Record::Measurement(m.clone())).expect("measurement");
    assert_eq!(
        status_of(&store, target.target_id, mid),
        TargetStatus::OnTrack
    );
    save(
        &mut store,
        Record::Measurement(Measurement {
            value: 30.0,
            ..m.clone()
        }),
    )
    .expect("corrected");
    assert_eq!(
        status_of(&store, target.target_id, mid),
        TargetStatus::AtRisk
    );
    assert_eq!(
        status_of(&store, target.target_id, day(2021, 1, 1)),
        TargetStatus::Overdue
    );
    // The file keeps it: reopen and read it back.
    drop(store);
    let store = Store::open(&path, Intent::Edit).expect("reopen");
    let book = store.plan_book().expect("book");
    let saved = book
        .plans
        .iter()
        .find(|p| p.plan_id == plan.plan_id)
        .expect("saved plan");
    assert_eq!(saved.title, "Kế hoạch ứng dụng CNTT năm 2020", "cleaned");
    // Parents first: the city plan comes before the new one.
    let at = |id| book.plans.iter().position(|p| p.plan_id == id);
    assert!(at(city) < at(plan.plan_id));

    // A plan with targets cannot be deleted; the file is unchanged.
    drop(store);
    let before = std::fs::read(&path).expect("read");
    let mut store = Store::open(&path, Intent::Edit).expect("reopen once more");
    let err = apply(
        &mut store,
        &Edit::DeleteRecord {
            kind: RecordKind::Plan,
            id: plan.plan_id,
        },
    )
    .expect_err("has a target");
    assert_eq!(
        err.message(Lang::Vi),
        "Còn 1 bản ghi phụ thuộc (chỉ tiêu, nhiệm vụ, số liệu, kết luận, việc giao…); hãy xóa chúng trước"
    );
    drop(store);
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let mut store = Store::open(&path, Intent::Edit).expect("reopen again");
    // Undo of the first measurement removes it.
    apply(&mut store, &undo_m).expect("undo");
    assert_eq!(
        status_of(&store, target.target_id, mid),
        TargetStatus::NotStarted
    );
    // A plan cannot implement itself through its children.
    let Some(city_plan) = store
        .plan_book()
        .expect("book")
        .plans
        .into_iter()
        .find(|p| p.plan_id == city)
    else {
        panic!("city plan");
    };
    let err = save(
        &mut store,
        Record::Plan(Plan {
            parent_id: Some(plan.plan_id),
            ..city_plan
        }),
    )
    .expect_err("cycle");
    assert!(matches!(err, StoreError::Rule(RuleError::PlanCycle)));
}

#[test]
fn a_counted_target_is_filled_by_its_checklist() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let book = store.plan_book().expect("book");
    let connected = book
        .targets
        .iter()
        .find(|t| t.scope == TargetScope::Units)
        .expect("counted target")
        .clone();
    let units = counted_units(&store.units().expect("units"), day(2019, 12, 31));
    let row = |store: &Store| {
        store
            .plan_book()
            .expect("book")
            .rows(None, &units, day(2019, 12, 31))
            .into_iter()
            .find(|r| r.target.target_id == connected.target_id)
            .expect("row")
    };
    assert_eq!(row(&store).latest.and_then(|l| l.counted), Some((12, 14)));
    // Cự Khối and Thạch Bàn get connected in September.
    for name in ["Cự Khối", "Thạch Bàn"] {
        let unit = store
            .units()
            .expect("units")
            .into_iter()
            .find(|u| u.name == name)
            .expect("ward")
            .unit_id;
        save(
            &mut store,
            Record::UnitCheck(UnitCheck {
                check_id: Uuid::new_v4(),
                target_id: connected.target_id,
                unit_id: unit,
                as_of: day(2019, 9, 30),
                met: true,
            }),
        )
        .expect("check");
    }
    let r = row(&store);
    assert_eq!(r.latest.as_ref().and_then(|l| l.counted), Some((14, 14)));
    assert_eq!(r.status, TargetStatus::Achieved);
}

#[test]
fn a_meeting_with_a_conclusion_and_an_action_item_closed_later() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let bo_de = store
        .units()
        .expect("units")
        .into_iter()
        .find(|u| u.name == "Bồ Đề")
        .expect("ward")
        .unit_id;
    let meeting = Meeting {
        meeting_id: Uuid::new_v4(),
        held_on: day(2018, 4, 5),
        time: Some("8h30".into()),
        title: "Giao ban Ban chỉ đạo CNTT quý I/2018".into(),
        place: "Phòng họp tầng 3".into(),
        chair_id: None,
        notice_number: String::new(),
        signer_id: None,
    };
    save(&mut store, Record::Meeting(meeting.clone())).expect("meeting");
    let conclusion = Conclusion {
        conclusion_id: Uuid::new_v4(),
        meeting_id: meeting.meeting_id,
        number: 1,
        heading: String::new(),
        text: "Các phường hoàn thành kết nối giao ban trực tuyến.".into(),
        set_id: None,
        period_id: None,
        plan_id: None,
    };
    save(&mut store, Record::Conclusion(conclusion.clone())).expect("conclusion");
    // The same number twice is refused.
    let twice = save(
        &mut store,
        Record::Conclusion(Conclusion {
            conclusion_id: Uuid::new_v4(),
            ..conclusion.clone()
        }),
    );
    assert!(matches!(
        twice,
        Err(StoreError::Rule(RuleError::DuplicateCode(_)))
    ));
    let item = ActionItem {
        action_id: Uuid::new_v4(),
        meeting_id: meeting.meeting_id,
        conclusion_id: Some(conclusion.conclusion_id),
        unit_id: Some(bo_de),
        text: "Lắp đặt thiết bị giao ban trực tuyến".into(),
        deadline: Some(Deadline::Month {
            year: 2018,
            month: 5,
        }),
        status: ActionStatus::Open,
        completed_on: None,
        completion_note: String::new(),
    };
    save(&mut store, Record::Action(item.clone())).expect("item");
    let book = store.meeting_book().expect("book");
    let saved = book.meeting(meeting.meeting_id).expect("meeting");
    assert_eq!(saved.time.as_deref(), Some("08:30"));
    let open = book.open_actions(day(2018, 6, 10));
    let at = open
        .iter()
        .position(|a| a.action_id == item.action_id)
        .expect("open");
    assert!(
        open[..=at]
            .iter()
            .all(|a| giaoban::domain::meeting::overdue_on(a, day(2018, 6, 10))),
        "overdue items come first"
    );
    // Closing records the completion; the item leaves the open list.
    save(
        &mut store,
        Record::Action(ActionItem {
            status: ActionStatus::Done,
            completed_on: Some(day(2018, 5, 20)),
            completion_note: "Đã lắp đặt".into(),
            ..item.clone()
        }),
    )
    .expect("closed");
    let book = store.meeting_book().expect("book");
    assert!(
        !book
            .open_actions(day(2018, 6, 10))
            .iter()
            .any(|a| a.action_id == item.action_id)
    );
    // Closing without a date is refused.
    let err = save(
        &mut store,
        Record::Action(ActionItem {
            status: ActionStatus::Done,
            ..item.clone()
        }),
    )
    .expect_err("no date");
    assert_eq!(
        err.message(Lang::Vi),
        "Việc đã hoàn thành cần có ngày hoàn thành"
    );
    // The conclusion has an item: it cannot be deleted before the item.
    assert!(
        apply(
            &mut store,
            &Edit::DeleteRecord {
                kind: RecordKind::Conclusion,
                id: conclusion.conclusion_id
            }
        )
        .is_err()
    );
    apply(
        &mut store,
        &Edit::DeleteRecord {
            kind: RecordKind::Action,
            id: item.action_id,
        },
    )
    .expect("item deleted");
    let undo = apply(
        &mut store,
        &Edit::DeleteRecord {
            kind: RecordKind::Conclusion,
            id: conclusion.conclusion_id,
        },
    )
    .expect("conclusion deleted");
    apply(&mut store, &undo).expect("undo");
    assert_eq!(
        store
            .meeting_book()
            .expect("book")
            .next_number(meeting.meeting_id),
        2
    );
}

/// Issue 12, defect 3: a ward added today changes no past figure: target 1 of 112/KH-UBND as
/// of 30/06/2019 stays 12/14 (not 12/15), and December 2018's grid and ranks keep their 14
/// wards; as of today the new ward counts.
#[test]
fn a_ward_added_today_changes_no_past_figure() {
    use giaoban::domain::org::UnitKind;
    use giaoban::domain::plan::TargetScope;
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let counted = |store: &Store, as_of: NaiveDate| {
        let book = store.plan_book().expect("book");
        let plan = book
            .plans
            .iter()
            .find(|p| p.number == "112/KH-UBND")
            .expect("plan")
            .plan_id;
        let units = counted_units(&store.units().expect("units"), as_of);
        book.rows(Some(plan), &units, as_of)
            .into_iter()
            .find(|r| r.target.scope == TargetScope::Units)
            .and_then(|r| r.latest)
            .and_then(|l| l.counted)
    };
    let december = |store: &Store| {
        let period = store
            .find_period("ward-eoffice", 2018, 12)
            .expect("q")
            .expect("period");
        store.grid(period.period_id).expect("grid").units.len()
    };
    let before = counted(&store, day(2019, 6, 30));
    assert_eq!(before.map(|c| c.1), Some(14));
    apply(
        &mut store,
        &Edit::AddUnit {
            unit_id: Uuid::new_v4(),
            name: "Phường Phúc Xá".into(),
            kind: UnitKind::Ward,
            position: None,
            joined_on: Some(day(2026, 11, 30)),
        },
    )
    .expect("added");
    assert_eq!(
        counted(&store, day(2019, 6, 30)),
        before,
        "the past figure stays"
    );
    assert_eq!(december(&store), 14, "December 2018 keeps its 14 wards");
    assert_eq!(counted(&store, day(2026, 11, 30)).map(|c| c.1), Some(15));
}

/// A person who signs a meeting's notice has history: deleting them is refused in words (not
/// with the database's foreign-key failure), and nothing is written.
#[test]
fn a_person_who_signs_a_notice_is_not_deleted() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let person_id = Uuid::new_v4();
    apply(
        &mut store,
        &Edit::AddPerson {
            person_id,
            name: "Nguyễn Thị Hoa".into(),
            title: "Thư ký Ban chỉ đạo".into(),
            unit_id: None,
        },
    )
    .expect("person");
    let meeting = store.meeting_book().expect("book").meetings[0].clone();
    save(
        &mut store,
        Record::Meeting(Meeting {
            signer_id: Some(person_id),
            ..meeting
        }),
    )
    .expect("signer");
    let refused = apply(&mut store, &Edit::DeletePerson { person_id });
    assert!(
        matches!(
            refused,
            Err(StoreError::Rule(RuleError::PersonHasHistory { .. }))
        ),
        "{refused:?}"
    );
}
