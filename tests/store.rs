//! The document format on real files: round trips, migrations, refusals, locking, crashes.

mod common;

use std::process::Command;
use std::time::Duration;

use chrono::{NaiveDate, Utc};
use common::{TempDir, old_version, refused, side_files};
use giaoban::demo::{WARDS, demo_seed};
use giaoban::domain::edit::Edit;
use giaoban::domain::error::RuleError;
use giaoban::domain::lang::Lang;
use giaoban::domain::org::{BodyKind, UnitKind};
use giaoban::store::schema::{
    APPLICATION_ID, MIGRATIONS, REQUIRED_TABLES, SCHEMA_VERSION, migrate_to,
};
use giaoban::store::{Access, Intent, Origin, ReadOnlyReason, Store, StoreError};
use rusqlite::Connection;
use uuid::Uuid;

fn open(path: &std::path::Path) -> Store {
    Store::open(path, Intent::Edit).expect("open")
}

fn apply(store: &mut Store, edit: &Edit) -> Result<Edit, StoreError> {
    store.apply(edit, "Thư ký", Utc::now(), Origin::Do)
}

#[test]
fn the_demo_round_trips_through_a_real_file() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let seed = demo_seed();
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let body = store.body().expect("body");
    assert_eq!(Some(&body), seed.body.as_ref());
    assert_eq!(store.units().expect("units"), seed.units);
    assert_eq!(store.people().expect("people"), seed.people);
    let book = store.plan_book().expect("plans");
    assert_eq!(book.plans.len(), seed.plans.len());
    for p in &book.plans {
        let original = seed
            .plans
            .iter()
            .find(|q| q.plan_id == p.plan_id)
            .expect("plan");
        assert_eq!(p, original);
        // Parents come first.
        if let Some(parent) = p.parent_id {
            let at = |id| book.plans.iter().position(|q| q.plan_id == id);
            assert!(at(parent) < at(p.plan_id));
        }
    }
    assert_eq!(book.targets.len(), seed.targets.len());
    for t in &seed.targets {
        assert!(book.targets.contains(t), "{}", t.text);
    }
    assert_eq!(book.measurements.len(), seed.measurements.len());
    assert_eq!(book.checks.len(), seed.unit_checks.len());
    assert_eq!(book.tasks.len(), seed.tasks.len());
    for t in &seed.tasks {
        assert!(book.tasks.contains(t), "{}", t.text);
    }
    let sets = store.sets_overview().expect("sets");
    assert_eq!(sets.len(), 3);
    let ward = sets
        .iter()
        .find(|s| s.model.slug == "ward-eoffice")
        .expect("ward set");
    assert_eq!(ward.criteria, 26);
    assert_eq!(ward.max_total, 100.0);
    assert_eq!(ward.periods.len(), 12);
    assert_eq!(ward.bands.len(), 5);
    assert!(ward.periods.iter().all(|p| p.units_scored == 14));
    let meetings = store.meeting_book().expect("meetings");
    // The meeting of the articles, and the illustrative one of 2019 (newest first).
    assert_eq!(meetings.meetings.len(), 2);
    let m = &meetings.meetings[1];
    assert_eq!(
        m.held_on,
        NaiveDate::from_ymd_opt(2018, 1, 3).expect("date")
    );
    let chair = store
        .people()
        .expect("people")
        .into_iter()
        .find(|p| Some(p.person_id) == m.chair_id);
    assert_eq!(chair.map(|p| p.name), Some("Đỗ Mạnh Hải".to_string()));
    let of_m = |id: uuid::Uuid| id == m.meeting_id;
    assert_eq!(
        meetings
            .conclusions
            .iter()
            .filter(|c| of_m(c.meeting_id))
            .count(),
        5
    );
    assert_eq!(
        meetings
            .agenda
            .iter()
            .filter(|a| of_m(a.meeting_id))
            .count(),
        5
    );
    assert_eq!(meetings.attendees.len(), seed.attendees.len());
    let deadlines: Vec<String> = meetings
        .actions
        .iter()
        .filter_map(|a| a.deadline.map(|d| d.to_string()))
        .collect();
    for wanted in ["2018-01", "2018-Q1", "2020-06"] {
        assert!(
            deadlines.iter().any(|d| d == wanted),
            "{wanted} in {deadlines:?}"
        );
    }
    assert_eq!(
        store.setting("demo").expect("setting").as_deref(),
        Some("1")
    );
    let counts = store.counts().expect("counts");
    assert_eq!(counts.units, 18);
    assert_eq!(counts.scored_periods, 13);
}

#[test]
fn every_edit_round_trips_and_its_inverse_restores() {
    let dir = TempDir::new();
    let path = dir.demo("edit.db");
    let mut store = open(&path);
    let before_units = store.units().expect("units");
    let unit_id = Uuid::new_v4();
    let person_id = Uuid::new_v4();
    let edits = vec![
        Edit::SetBody {
            name: "Phường Việt Hưng".into(),
            kind: BodyKind::Ward,
            parent_name: Some("Thành phố Hà Nội".into()),
        },
        Edit::AddUnit {
            unit_id,
            name: "Tổ dân phố 1".into(),
            kind: UnitKind::Office,
            position: Some(2),
            joined_on: NaiveDate::from_ymd_opt(2025, 1, 1),
        },
        Edit::RenameUnit {
            unit_id,
            name: "Tổ dân phố số 1".into(),
        },
        Edit::SetUnitKind {
            unit_id,
            kind: UnitKind::Department,
        },
        Edit::MoveUnit {
            unit_id,
            position: 0,
        },
        Edit::RetireUnit {
            unit_id,
            on: NaiveDate::from_ymd_opt(2025, 7, 1).expect("date"),
        },
        Edit::AddPerson {
            person_id,
            name: "Nguyễn Thị Thư".into(),
            title: "Thư ký Ban chỉ đạo".into(),
            unit_id: Some(before_units[0].unit_id),
        },
        Edit::UpdatePerson {
            person_id,
            name: "Nguyễn Thị Thư".into(),
            title: "Chuyên viên CNTT".into(),
            unit_id: None,
        },
        Edit::SetPersonActive {
            person_id,
            active: false,
        },
    ];
    let mut inverses = Vec::new();
    for edit in &edits {
        inverses.push(apply(&mut store, edit).unwrap_or_else(|e| panic!("{edit:?}: {e}")));
    }
    // Read back from a fresh connection.
    drop(store);
    let store = Store::open(&path, Intent::Inspect).expect("reopen");
    let body = store.body().expect("body");
    assert_eq!(body.name, "Phường Việt Hưng");
    assert_eq!(body.kind, BodyKind::Ward);
    let units = store.units().expect("units");
    let added = units
        .iter()
        .find(|u| u.unit_id == unit_id)
        .expect("added unit");
    assert_eq!(added.name, "Tổ dân phố số 1");
    assert_eq!(added.kind, UnitKind::Department);
    assert_eq!(added.sort_order, 0);
    assert!(added.retired_on.is_some());
    let person = store
        .people()
        .expect("people")
        .into_iter()
        .find(|p| p.person_id == person_id)
        .expect("person");
    assert_eq!(person.title, "Chuyên viên CNTT");
    assert!(!person.active);
    let audit = store.audit_tail(100).expect("audit");
    assert_eq!(
        audit.len(),
        edits.len() + 1,
        "one audit row per edit, plus creation"
    );
    assert_eq!(audit[0].action, "set_person_active");
    assert_eq!(audit[0].who, "Thư ký");
    assert!(audit[0].before.is_some() && audit[0].after.is_some());
    drop(store);

    // Undo everything, newest first: the units and people are as before.
    let mut store = open(&path);
    for (edit, inverse) in edits.iter().zip(&inverses).rev() {
        store
            .apply(
                inverse,
                "Thư ký",
                Utc::now(),
                Origin::Undo { of: edit.action() },
            )
            .unwrap_or_else(|e| panic!("{inverse:?}: {e}"));
    }
    assert_eq!(store.units().expect("units"), before_units);
    assert_eq!(store.body().expect("body").name, "Quận Long Biên");
    assert!(
        store
            .people()
            .expect("people")
            .iter()
            .all(|p| p.person_id != person_id)
    );
    let audit = store.audit_tail(1).expect("audit");
    assert_eq!(audit[0].action, "undo:set_body");
}

#[test]
fn refused_edits_write_nothing() {
    let dir = TempDir::new();
    let path = dir.demo("refuse.db");
    let mut store = open(&path);
    let units = store.units().expect("units");
    let audit_before = store.counts().expect("counts").audit_rows;
    let bytes_before = std::fs::read(&path).expect("read");
    let bad = [
        (
            Edit::AddUnit {
                unit_id: Uuid::new_v4(),
                name: "  bồ  đề ".into(),
                kind: UnitKind::Ward,
                position: None,
                joined_on: None,
            },
            RuleError::DuplicateUnitName("bồ đề".into()),
        ),
        (
            Edit::RenameUnit {
                unit_id: units[0].unit_id,
                name: "   ".into(),
            },
            RuleError::EmptyName,
        ),
        (
            Edit::RenameUnit {
                unit_id: Uuid::new_v4(),
                name: "X".into(),
            },
            RuleError::UnitNotFound,
        ),
        (
            Edit::DeleteUnit {
                unit_id: units[0].unit_id,
            },
            RuleError::UnitHasHistory {
                name: "Bồ Đề".into(),
                rows: 0,
            },
        ),
        (
            Edit::MoveUnit {
                unit_id: units[0].unit_id,
                position: 99,
            },
            RuleError::BadPosition {
                index: 99,
                len: units.len(),
            },
        ),
        (
            Edit::RestoreUnit {
                unit_id: units[0].unit_id,
            },
            RuleError::NotRetired("Bồ Đề".into()),
        ),
    ];
    for (edit, expected) in bad {
        match apply(&mut store, &edit) {
            Err(StoreError::Rule(rule)) => match (&rule, &expected) {
                (
                    RuleError::UnitHasHistory { name, rows },
                    RuleError::UnitHasHistory { name: want, .. },
                ) => {
                    assert_eq!(name, want);
                    assert!(*rows > 0);
                }
                _ => assert_eq!(rule, expected, "{edit:?}"),
            },
            other => panic!("{edit:?} gave {other:?}"),
        }
    }
    // The message is in the person's language.
    let vi = StoreError::Rule(RuleError::DuplicateUnitName("Bồ Đề".into())).message(Lang::Vi);
    assert_eq!(vi, "Đã có đơn vị tên \"Bồ Đề\"");
    assert_eq!(store.counts().expect("counts").audit_rows, audit_before);
    drop(store);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes_before,
        "the file is unchanged"
    );
}

#[test]
fn the_file_stays_one_file_in_rollback_journal_mode() {
    let dir = TempDir::new();
    let path = dir.demo("single.db");
    let mut store = open(&path);
    let unit = store.units().expect("units")[0].clone();
    apply(
        &mut store,
        &Edit::RenameUnit {
            unit_id: unit.unit_id,
            name: "Bồ Đề mới".into(),
        },
    )
    .expect("rename");
    // Between writes (the program still running), only the document is in the folder.
    assert_eq!(side_files(dir.path(), &["single.db"]), Vec::<String>::new());
    let header = std::fs::read(&path).expect("read");
    assert_eq!(
        header[18], 1,
        "legacy (rollback journal) write version, not WAL"
    );
    assert_eq!(
        u32::from_be_bytes([header[68], header[69], header[70], header[71]]),
        APPLICATION_ID
    );
    assert_eq!(
        i64::from(u32::from_be_bytes([
            header[60], header[61], header[62], header[63]
        ])),
        SCHEMA_VERSION
    );
}

#[test]
fn migrations_bring_every_older_version_to_the_newest() {
    let dir = TempDir::new();
    for start in 0..SCHEMA_VERSION {
        let path = dir.join(&format!("v{start}.db"));
        let mut conn = Connection::open(&path).expect("create");
        migrate_to(&mut conn, start).expect("old version");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, start);
        migrate_to(&mut conn, SCHEMA_VERSION).expect("migrate");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION);
        let app: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .expect("id");
        assert_eq!(app as u32, APPLICATION_ID);
        for table in REQUIRED_TABLES {
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                    [table],
                    |r| r.get(0),
                )
                .expect("table");
            assert_eq!(n, 1, "{table} after migrating from {start}");
        }
        // Migrating again is a no-op.
        migrate_to(&mut conn, SCHEMA_VERSION).expect("again");
    }
    assert_eq!(MIGRATIONS.len() as i64, SCHEMA_VERSION);
}

#[test]
fn broken_and_foreign_files_are_refused_with_a_reason() {
    let dir = TempDir::new();
    let garbage = dir.join("garbage.db");
    std::fs::write(&garbage, "Đây không phải cơ sở dữ liệu. ".repeat(200)).expect("write");
    assert!(matches!(refused(&garbage), StoreError::NotSqlite));

    let empty = dir.join("empty.db");
    std::fs::write(&empty, b"").expect("write");
    assert!(matches!(refused(&empty), StoreError::Empty));

    let demo = dir.demo("whole.db");
    let bytes = std::fs::read(&demo).expect("read");
    let truncated = dir.join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    assert!(matches!(refused(&truncated), StoreError::Truncated { .. }));
    let header_only = dir.join("header.db");
    std::fs::write(&header_only, &bytes[..60]).expect("write");
    assert!(matches!(
        refused(&header_only),
        StoreError::Truncated { .. }
    ));

    let foreign = dir.join("foreign.db");
    {
        let conn = Connection::open(&foreign).expect("create");
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .expect("sql");
    }
    assert!(matches!(
        refused(&foreign),
        StoreError::ForeignFile { application_id: 0 }
    ));

    let newer = dir.demo("newer.db");
    {
        let conn = Connection::open(&newer).expect("open");
        conn.pragma_update(None, "user_version", 99)
            .expect("version");
    }
    let err = refused(&newer);
    assert_eq!(
        err.message(Lang::En),
        format!(
            "made by a newer version of giaoban (schema 99); this one reads up to {SCHEMA_VERSION}"
        )
    );

    // Damage inside the file: overwrite a page in the middle with noise.
    let damaged = dir.join("damaged.db");
    let mut broken = bytes.clone();
    let page = 4096;
    let middle = (broken.len() / page / 2) * page;
    for (i, b) in broken[middle..middle + page].iter_mut().enumerate() {
        *b = (i * 7 % 251) as u8;
    }
    std::fs::write(&damaged, &broken).expect("write");
    let err = refused(&damaged);
    assert!(
        matches!(
            err,
            StoreError::Damaged { .. } | StoreError::NotSqlite | StoreError::Sqlite(_)
        ),
        "{err:?}"
    );

    // A file whose rows break the rules of the program (a hand edit): refused, not a panic.
    let tampered = dir.demo("tampered.db");
    {
        let conn = Connection::open(&tampered).expect("open");
        conn.execute_batch("PRAGMA foreign_keys=OFF; UPDATE person SET unit_id = 99999;")
            .expect("sql");
    }
    assert!(matches!(refused(&tampered), StoreError::Damaged { .. }));

    let missing = dir.join("missing.db");
    assert!(matches!(
        Store::open(&missing, Intent::Edit),
        Err(StoreError::NotFound { .. })
    ));
    assert!(!missing.exists(), "open never creates a file");
}

#[test]
fn a_second_open_is_read_only_and_never_writes() {
    let dir = TempDir::new();
    let path = dir.demo("shared.db");
    let first = open(&path);
    assert_eq!(first.access(), Access::ReadWrite);
    let mut second = open(&path);
    assert_eq!(
        second.access(),
        Access::ReadOnly(ReadOnlyReason::OpenElsewhere)
    );
    let unit = second.units().expect("units")[0].clone();
    let err = apply(
        &mut second,
        &Edit::RenameUnit {
            unit_id: unit.unit_id,
            name: "Khác".into(),
        },
    );
    assert!(matches!(err, Err(StoreError::ReadOnly(_))));
    drop(first);
    drop(second);
    // Once the first closes, the next open may write.
    assert_eq!(open(&path).access(), Access::ReadWrite);
}

#[test]
fn a_read_only_file_opens_read_only() {
    let dir = TempDir::new();
    let path = dir.demo("ro.db");
    let mut perms = std::fs::metadata(&path).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).expect("chmod");
    let store = open(&path);
    assert_eq!(
        store.access(),
        Access::ReadOnly(ReadOnlyReason::FileNotWritable)
    );
    assert_eq!(store.units().expect("units").len(), 18);
}

#[test]
fn save_copy_writes_a_compact_single_file() {
    let dir = TempDir::new();
    let path = dir.demo("source.db");
    let store = open(&path);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    let target = out.join("Quan-Long-Bien_2026-11-22.db");
    let size = store.save_copy(&target).expect("copy");
    assert_eq!(size, std::fs::metadata(&target).expect("meta").len());
    assert_eq!(
        side_files(&out, &["Quan-Long-Bien_2026-11-22.db"]),
        Vec::<String>::new()
    );
    let copy = Store::open(&target, Intent::Inspect).expect("open copy");
    assert_eq!(
        copy.counts().expect("counts"),
        store.counts().expect("counts")
    );
    // Replacing an existing copy works too.
    store.save_copy(&target).expect("again");
    // A folder that does not exist is named, in the person's language (issue 12, defect 9).
    let nowhere = dir.path().join("khong-co").join("ban-sao.db");
    let e = store.save_copy(&nowhere).expect_err("no such folder");
    let vi = e.message(Lang::Vi);
    assert!(
        vi.contains("Thư mục") && vi.contains("không tồn tại"),
        "{vi}"
    );
    assert!(!vi.contains("unable") && !vi.contains("database"), "{vi}");
    assert!(e.message(Lang::En).contains("does not exist"));
}

#[test]
fn wards_are_the_seeds_wards() {
    let dir = TempDir::new();
    let store = Store::open(&dir.demo("w.db"), Intent::Inspect).expect("open");
    let names: Vec<String> = store
        .units()
        .expect("units")
        .into_iter()
        .filter(|u| u.kind == UnitKind::Ward)
        .map(|u| u.name)
        .collect();
    assert_eq!(names, WARDS);
}

#[test]
fn killing_the_program_while_it_writes_never_damages_the_file() {
    let dir = TempDir::new();
    let path = dir.demo("killed.db");
    let exe = env!("CARGO_BIN_EXE_giaoban");
    let mut journals_left = 0;
    for delay_ms in [150, 230, 310, 400, 520, 650, 900] {
        let mut child = Command::new(exe)
            .args(["stress-edit", &path.to_string_lossy(), "--count", "1000000"])
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("kill");
        let _ = child.wait();
        if dir.join("killed.db-journal").exists() {
            journals_left += 1;
        }
        let check = Command::new(exe)
            .args(["check", &path.to_string_lossy(), "--lang", "en"])
            .output()
            .expect("check");
        assert!(
            check.status.success(),
            "after a kill at {delay_ms} ms: {}",
            String::from_utf8_lossy(&check.stderr)
        );
        // The edits that committed are there; the one in flight is rolled back.
        let store = Store::open(&path, Intent::Edit).expect("reopen");
        assert_eq!(store.counts().expect("counts").units, 18);
    }
    let store = Store::open(&path, Intent::Inspect).expect("reopen");
    let renames = store.counts().expect("counts").audit_rows - 1;
    assert!(renames > 0, "the killed processes committed some edits");
    eprintln!("{renames} edits committed; {journals_left} kills left a hot journal");
}

/// A file of version 1 (every file made before units had a first day and meetings a signer)
/// is read as it is, byte for byte unchanged, and brought to version 2 when opened for editing.
#[test]
fn a_version_1_file_is_read_as_it_is_and_migrated_for_editing() {
    let dir = TempDir::new();
    let demo = dir.demo("demo.db");
    let path = dir.join("v1.db");
    old_version(&demo, &path, 1);
    let before = std::fs::read(&path).expect("read");
    let store = Store::open(&path, Intent::Inspect).expect("a version 1 file reads");
    assert_eq!(store.units().expect("units").len(), 18);
    assert!(store.meeting_book().expect("meetings").meetings.len() >= 2);
    drop(store);
    assert_eq!(std::fs::read(&path).expect("read"), before, "not touched");
    assert_eq!(
        side_files(dir.path(), &["v1.db", "demo.db"]),
        Vec::<String>::new()
    );
    let store = Store::open(&path, Intent::Edit).expect("opened for editing");
    drop(store);
    let conn = Connection::open(&path).expect("open");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION);
}

/// A year read at once gives each month what the month's own grid gives, on the demo (units
/// joining, a retired unit) and on a file of many units.
#[test]
fn a_year_read_at_once_is_its_months_read_one_by_one() {
    let dir = TempDir::new();
    let demo = dir.demo("demo.db");
    let large = dir.join("large.db");
    Store::create(&large, &giaoban::demo::scaled_seed(150, 20, 4), false).expect("large");
    for path in [&demo, &large] {
        let store = Store::open(path, Intent::Inspect).expect("open");
        for set in store.sets_overview().expect("sets") {
            let (units, months, bands) = store.year(&set.model.slug, set.set.year).expect("year");
            let mut expected_units: Vec<giaoban::domain::org::Unit> = Vec::new();
            let monthly: Vec<_> = set.periods.iter().filter(|p| p.period.month > 0).collect();
            assert_eq!(months.len(), monthly.len());
            for ((month, results), p) in months.iter().zip(monthly) {
                let grid = store.grid(p.period.period_id).expect("grid");
                assert_eq!(*month, p.period.month);
                assert_eq!(
                    results,
                    &grid.results(giaoban::domain::results::Which::Appraised)
                );
                assert_eq!(bands, grid.bands);
                for u in grid.units {
                    if !expected_units.contains(&u) {
                        expected_units.push(u);
                    }
                }
            }
            assert_eq!(units, expected_units);
        }
    }
}

/// An import of many cells is one short row of the audit log that says how many, not a copy
/// of every cell (a 100,000-cell import wrote a 300 MB row); undo still puts every cell back.
#[test]
fn an_import_of_many_cells_is_one_short_audit_row() {
    use giaoban::domain::edit::{CellValue, Edit};
    use giaoban::domain::results::Which;
    let dir = TempDir::new();
    let path = dir.join("u126.db");
    Store::create(&path, &giaoban::demo::scaled_seed(126, 60, 2), false).expect("126 units");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let period = store
        .find_period("ward-eoffice", 2026, 2)
        .expect("find")
        .expect("February");
    let grid = store.grid(period.period_id).expect("grid");
    let cells: Vec<CellValue> = grid
        .units
        .iter()
        .flat_map(|u| {
            grid.criteria.iter().map(|c| CellValue {
                unit_id: u.unit_id,
                criterion_id: c.criterion_id,
                value: Some(0.0),
            })
        })
        .collect();
    assert_eq!(cells.len(), 126 * 60);
    let edit = Edit::SetScores {
        period_id: period.period_id,
        which: Which::SelfScore,
        cells,
    };
    let size = || std::fs::metadata(&path).expect("size").len();
    let before = size();
    let undo = store
        .apply(
            &edit,
            "Thư ký",
            chrono::Utc::now(),
            giaoban::store::Origin::Do,
        )
        .expect("import");
    let row = &store.audit_tail(1).expect("audit")[0];
    assert_eq!(row.action, "set_scores");
    let text = format!("{:?}{:?}", row.before, row.after);
    assert!(text.len() < 200, "{text}");
    assert!(text.contains("7560"), "{text}");
    let sentence = giaoban::domain::audit::sentence(
        &row.facts(),
        &store.audit_names().expect("names"),
        giaoban::domain::lang::Lang::Vi,
    );
    assert!(sentence.contains("7560 ô"), "{sentence}");
    assert!(size() < before + 64 * 1024, "{} → {}", before, size());
    store
        .apply(
            &undo,
            "Thư ký",
            chrono::Utc::now(),
            giaoban::store::Origin::Undo { of: "set_scores" },
        )
        .expect("undo");
    assert_eq!(
        store.grid(period.period_id).expect("grid").cells,
        grid.cells
    );
}
