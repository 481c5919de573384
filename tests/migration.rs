//! Files of older versions brought to this one: everything people read from them — results,
//! targets, action items, the notice, the charts — is the same before and after.

mod common;

use std::io::Read;
use std::path::Path;

use common::{TempDir, giaoban, old_version, side_files, text};
use giaoban::demo::scaled_seed;
use giaoban::domain::results::Which;
use giaoban::store::schema::SCHEMA_VERSION;
use giaoban::store::{Intent, Store, upgrade_backup_path};
use rusqlite::Connection;

/// Every period's results on both sides, the scored units of each period, the plans and the
/// meetings, as read through the store.
fn read_back(path: &Path, intent: Intent) -> Vec<String> {
    let store = Store::open(path, intent).expect("open");
    let mut out = Vec::new();
    for set in store.sets_overview().expect("sets") {
        for p in &set.periods {
            let grid = store.grid(p.period.period_id).expect("grid");
            out.push(format!(
                "{} {} {}: {} units, {} unappraised",
                set.model.slug, set.set.year, p.period.month, p.units_scored, p.cells_unappraised
            ));
            out.push(format!("{:?}", grid.results(Which::Appraised)));
            out.push(format!("{:?}", grid.results(Which::SelfScore)));
            let mut notes: Vec<_> = grid.notes.iter().collect();
            notes.sort_by_key(|(k, _)| **k);
            out.push(format!("{notes:?}"));
        }
    }
    out.push(format!("{:?}", store.plan_book().expect("plans")));
    out.push(format!("{:?}", store.meeting_book().expect("meetings")));
    out.push(format!("{:?}", store.units().expect("units")));
    out
}

/// What the command line writes from the file: targets, action items, the notice of the
/// first meeting (its words, from the DOCX), a ranking, a trend and a heat map.
fn written(path: &Path, dir: &Path, month: &str, year: &str) -> Vec<String> {
    let file = path.to_string_lossy().into_owned();
    let mut out = Vec::new();
    let run = |args: &[&str]| {
        let result = giaoban(args);
        assert!(
            result.status.success(),
            "{args:?}: {}",
            text(&result.stderr)
        );
        text(&result.stdout)
    };
    out.push(run(&[
        "targets",
        &file,
        "--as-of",
        "2019-07-01",
        "--format",
        "json",
    ]));
    out.push(run(&[
        "actions",
        &file,
        "--as-of",
        "2019-07-01",
        "--format",
        "json",
    ]));
    let notice = dir.join("notice.docx");
    let _ = run(&[
        "notice",
        &file,
        "--meeting",
        "2018-01-03",
        "--date",
        "2018-01-05",
        "--out",
        &notice.to_string_lossy(),
    ]);
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(&notice).expect("docx")).expect("zip");
    let mut words = String::new();
    archive
        .by_name("word/document.xml")
        .expect("document")
        .read_to_string(&mut words)
        .expect("read");
    out.push(words);
    for kind in ["ranking", "heatmap"] {
        let svg = dir.join(format!("{kind}.svg"));
        let _ = run(&[
            "chart",
            &file,
            "--kind",
            kind,
            "--model",
            "ward-eoffice",
            "--month",
            month,
            "--out",
            &svg.to_string_lossy(),
        ]);
        out.push(std::fs::read_to_string(&svg).expect("svg"));
    }
    let svg = dir.join("trend.svg");
    let _ = run(&[
        "chart",
        &file,
        "--kind",
        "trend",
        "--model",
        "ward-eoffice",
        "--year",
        year,
        "--out",
        &svg.to_string_lossy(),
    ]);
    out.push(std::fs::read_to_string(&svg).expect("svg"));
    out.push(run(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--year",
        year,
        "--format",
        "json",
    ]));
    out
}

fn version_of(path: &Path) -> i64 {
    Connection::open(path)
        .expect("open")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version")
}

/// `current` written at `version`, read as it is, then opened for editing (brought to this
/// version in place): the same as `current` each time, and nothing left beside it.
fn same_after_migration(current: &Path, version: i64, month: &str, year: &str) {
    let dir = TempDir::new();
    let name = format!("v{version}.db");
    let old = dir.join(&name);
    old_version(current, &old, version);
    let expected = read_back(current, Intent::Inspect);
    let expected_written = written(current, dir.path(), month, year);

    let bytes = std::fs::read(&old).expect("read");
    assert_eq!(read_back(&old, Intent::Inspect), expected, "read as it is");
    assert_eq!(std::fs::read(&old).expect("read"), bytes, "not touched");
    assert_eq!(version_of(&old), version);

    assert_eq!(
        read_back(&old, Intent::Edit),
        expected,
        "brought to this version"
    );
    assert_eq!(version_of(&old), SCHEMA_VERSION);
    let page_size: i64 = Connection::open(&old)
        .expect("open")
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .expect("page size");
    assert_eq!(page_size, giaoban::store::schema::PAGE_SIZE, "compacted");
    assert!(!upgrade_backup_path(&old, version).exists());
    let leftovers: Vec<String> = side_files(dir.path(), &[&name])
        .into_iter()
        .filter(|f| !f.ends_with(".svg") && !f.ends_with(".docx"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
    assert_eq!(written(&old, dir.path(), month, year), expected_written);
    // The audit log says the file was brought to this version.
    let store = Store::open(&old, Intent::Inspect).expect("open");
    let last = store.audit_tail(1).expect("audit");
    assert_eq!(last[0].action, "upgrade_file");
}

#[test]
fn the_demo_of_versions_1_and_2_reads_the_same_before_and_after_migration() {
    let dir = TempDir::new();
    let demo = dir.demo("demo.db");
    for version in [1, 2] {
        same_after_migration(&demo, version, "2018-11", "2018");
    }
}

#[test]
fn a_126_unit_file_of_version_2_reads_the_same_before_and_after_migration() {
    let dir = TempDir::new();
    let path = dir.join("u126.db");
    Store::create(&path, &scaled_seed(126, 60, 3), false).expect("126 units");
    same_after_migration(&path, 2, "2026-03", "2026");
}

/// A migration that fails (here: a row of version 2 that version 3 refuses) leaves the file
/// as it was, and the copy made before it beside it.
#[test]
fn a_failed_migration_leaves_the_file_as_it_was_and_its_copy_beside_it() {
    let dir = TempDir::new();
    let demo = dir.demo("demo.db");
    let old = dir.join("v2.db");
    old_version(&demo, &old, 2);
    {
        // A value version 2 takes and version 3 cannot hold under its checks: a note on
        // a cell that is longer than a note may be.
        let conn = Connection::open(&old).expect("open");
        conn.execute(
            "UPDATE score SET note = ?1 WHERE rowid = (SELECT min(rowid) FROM score)",
            [&"x".repeat(2500)],
        )
        .expect("long note");
    }
    let before = std::fs::read(&old).expect("read");
    let Err(err) = Store::open(&old, Intent::Edit) else {
        panic!("a row version 3 refuses was migrated");
    };
    assert!(
        matches!(err, giaoban::store::StoreError::UpgradeFailed { .. }),
        "{err:?}"
    );
    let words = err.message(giaoban::domain::lang::Lang::Vi);
    assert!(words.contains("v2.db.v2-backup"), "{words}");
    assert_eq!(std::fs::read(&old).expect("read"), before, "rolled back");
    assert_eq!(version_of(&old), 2);
    let backup = upgrade_backup_path(&old, 2);
    assert!(backup.exists(), "the copy stays beside the file");
    assert_eq!(version_of(&backup), 2);
    // A second attempt never replaces that copy (the person may have worked in it since).
    let first_copy = std::fs::read(&backup).expect("copy");
    assert!(Store::open(&old, Intent::Edit).is_err());
    assert_eq!(std::fs::read(&backup).expect("copy"), first_copy);
    let mut second = backup.as_os_str().to_owned();
    second.push("-2");
    assert!(
        Path::new(&second).exists(),
        "a second copy with a free name"
    );
}
