//! Files from anyone: what someone else planted in a file never runs, a healthy file is never
//! called damaged while another giaoban writes to it, and every refusal is one clear line.
//! The hostile files are made here, from the demo, by the tests themselves.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use chrono::Utc;
use common::{TempDir, export_scores, giaoban, import_scores, refused, side_files, text};
use giaoban::domain::edit::Edit;
use giaoban::domain::lang::Lang;
use giaoban::store::schema::REQUIRED_TABLES;
use giaoban::store::{
    Access, Depth, Difference, ObjectKind, Origin, ReadOnlyReason, Store, StoreError,
};
use giaoban::store::{Intent, MAX_PATH_BYTES};
use rusqlite::Connection;

/// The demo's bytes, made once per test binary.
fn demo_bytes() -> Vec<u8> {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES
        .get_or_init(|| {
            let dir = TempDir::new();
            std::fs::read(dir.demo("demo.db")).expect("read demo")
        })
        .clone()
}

/// A copy of the demo at `dir/name`, changed by `sql` run by plain SQLite (as another program
/// would, with none of giaoban's protections).
fn planted(dir: &TempDir, name: &str, sql: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, demo_bytes()).expect("write");
    let conn = Connection::open(&path).expect("open");
    conn.execute_batch(sql)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    drop(conn);
    path
}

fn foreign(err: &StoreError) -> (ObjectKind, String, Difference) {
    match err {
        StoreError::ForeignSchema(o) => (o.kind, o.name.clone(), o.difference),
        other => panic!("not a foreign schema: {other:?}"),
    }
}

fn score_count(path: &Path) -> i64 {
    common::cell_count(&Connection::open(path).expect("open"))
}

#[test]
fn planted_triggers_on_every_table_are_refused_before_anything_runs() {
    let dir = TempDir::new();
    for table in REQUIRED_TABLES {
        for event in ["INSERT", "UPDATE", "DELETE"] {
            let trigger = format!("planted_{table}_{}", event.to_lowercase());
            let path = planted(
                &dir,
                &format!("{trigger}.db"),
                &format!(
                    "CREATE TRIGGER {trigger} AFTER {event} ON {table} BEGIN DELETE FROM score; DELETE FROM audit_log; END;"
                ),
            );
            let err = refused(&path);
            assert_eq!(
                foreign(&err),
                (ObjectKind::Trigger, trigger.clone(), Difference::Foreign)
            );
            assert_eq!(
                err.message(Lang::Vi),
                format!("Tệp có trigger \"{trigger}\" không do giaoban tạo")
            );
            std::fs::remove_file(&path).expect("remove");
        }
    }
}

#[test]
fn the_wipe_trigger_of_the_report_never_deletes_a_score() {
    // The file of the report: a demo with triggers that empty the scores and the audit log at
    // the next save. Before, `check` called it usable and the next import deleted everything.
    let dir = TempDir::new();
    let path = planted(
        &dir,
        "wipe.db",
        "CREATE TRIGGER wipe AFTER UPDATE ON score BEGIN DELETE FROM score; END;
         CREATE TRIGGER hide AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;",
    );
    let scores = score_count(&path);
    assert!(scores > 4000);
    let before = std::fs::read(&path).expect("read");
    let file = path.to_string_lossy().into_owned();

    let check = giaoban(&["check", &file, "--lang", "vi"]);
    assert_eq!(check.status.code(), Some(1));
    let said = text(&check.stderr);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("Tệp có trigger \"hide\" không do giaoban tạo")
            || said.contains("Tệp có trigger \"wipe\" không do giaoban tạo"),
        "{said}"
    );
    assert!(said.contains("giaoban repair"), "{said}");

    // A score import: refused before it writes.
    let export = dir.join("grid.tsv");
    let clean = dir.demo("clean.db");
    export_scores(&clean, "2018-11", &export);
    let import = import_scores(&path, "2018-11", &export, "en");
    assert_eq!(import.status.code(), Some(1));
    assert!(text(&import.stderr).contains("that giaoban did not make"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(score_count(&path), scores);
}

#[test]
fn views_indexes_columns_constraints_and_versions_not_ours_are_refused() {
    let dir = TempDir::new();
    let cases: &[(&str, &str, ObjectKind, &str, Difference)] = &[
        (
            "view.db",
            "CREATE VIEW scores_shown AS SELECT * FROM score;",
            ObjectKind::View,
            "scores_shown",
            Difference::Foreign,
        ),
        (
            "expression-index.db",
            "CREATE INDEX unit_upper ON unit(upper(name));",
            ObjectKind::Index,
            "unit_upper",
            Difference::Foreign,
        ),
        (
            "extra-table.db",
            "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('x');",
            ObjectKind::Table,
            "notes",
            Difference::Foreign,
        ),
        (
            "extra-column.db",
            "ALTER TABLE unit ADD COLUMN secret TEXT DEFAULT 'x';",
            ObjectKind::Table,
            "unit",
            Difference::Changed,
        ),
        (
            "changed-check.db",
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = replace(sql, 'BETWEEN 1 AND 200', 'BETWEEN 1 AND 100000')
              WHERE name = 'unit';",
            ObjectKind::Table,
            "unit",
            Difference::Changed,
        ),
        (
            "dropped-index.db",
            "DROP INDEX unit_order;",
            ObjectKind::Index,
            "unit_order",
            Difference::Missing,
        ),
    ];
    for (name, sql, kind, object, difference) in cases {
        let path = planted(&dir, name, sql);
        let err = refused(&path);
        assert_eq!(
            foreign(&err),
            (*kind, (*object).to_string(), *difference),
            "{name}"
        );
        assert!(err.is_repairable());
    }

    let unknown = planted(&dir, "version-0.db", "PRAGMA user_version = 0;");
    let err = refused(&unknown);
    assert!(
        matches!(err, StoreError::UnknownSchema { found: 0 }),
        "{err:?}"
    );
    assert!(
        err.message(Lang::Vi)
            .contains("không phiên bản giaoban nào tạo tệp như vậy")
    );
    let negative = planted(&dir, "version-neg.db", "PRAGMA user_version = -3;");
    assert!(matches!(
        refused(&negative),
        StoreError::UnknownSchema { found: -3 }
    ));

    // A schema whose text cannot be parsed: one line, no SQL in it.
    let broken = planted(
        &dir,
        "broken-schema.db",
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = 'CREATE TABLE unit (' WHERE name = 'unit';",
    );
    let err = refused(&broken);
    assert!(matches!(err, StoreError::Damaged(_)), "{err:?}");

    // A trigger whose name holds an escape sequence and a right-to-left override.
    let sneaky = planted(
        &dir,
        "sneaky.db",
        "CREATE TRIGGER \"a\x1b[31mb\u{202E}c\" AFTER INSERT ON unit BEGIN SELECT 1; END;",
    );
    let msg = refused(&sneaky).message(Lang::En);
    assert!(!msg.contains('\x1b') && !msg.contains('\u{202E}'), "{msg}");
    assert!(msg.contains("a\\u{1b}[31mb\\u{202e}c"), "{msg}");
}

#[test]
fn a_clean_copy_keeps_the_data_and_leaves_out_what_is_foreign() {
    let dir = TempDir::new();
    let path = planted(
        &dir,
        "hostile.db",
        "CREATE TRIGGER wipe AFTER UPDATE ON score BEGIN DELETE FROM score; END;
         CREATE VIEW v AS SELECT 1;
         CREATE TABLE loot (x TEXT);
         CREATE INDEX unit_upper ON unit(upper(name));
         ALTER TABLE person ADD COLUMN extra TEXT;
         PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = replace(sql, 'BETWEEN 1 AND 200', 'BETWEEN 1 AND 100000')
          WHERE name = 'unit';
         PRAGMA writable_schema = OFF;",
    );
    // A row only the loosened constraint lets in: it is left out of the copy.
    {
        let conn = Connection::open(&path).expect("open");
        conn.execute(
            "INSERT INTO unit (uuid, body_id, name, kind, sort_order, updated_at)
             SELECT '00000000-0000-4000-8000-00000000abcd', body_id, ?1, 'ward', 99, updated_at
               FROM unit LIMIT 1",
            ["x".repeat(300)],
        )
        .expect("insert");
    }
    let before = std::fs::read(&path).expect("read");
    let plan = Store::plan_repair(&path).expect("plan");
    let names: Vec<(ObjectKind, &str)> = plan
        .left_out
        .iter()
        .map(|o| (o.kind, o.name.as_str()))
        .collect();
    assert_eq!(names[0], (ObjectKind::Trigger, "wipe"), "{names:?}");
    for expected in [
        (ObjectKind::View, "v"),
        (ObjectKind::Table, "loot"),
        (ObjectKind::Index, "unit_upper"),
        (ObjectKind::Table, "person"),
        (ObjectKind::Table, "unit"),
    ] {
        assert!(names.contains(&expected), "{expected:?} in {names:?}");
    }

    let out = dir.join("clean.db");
    let report = Store::repair(&path, &out, "Thư ký", Utc::now()).expect("repair");
    assert_eq!(report.left_out, plan.left_out);
    assert_eq!(report.rows_left_out, vec![("unit".to_string(), 1)]);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "original unchanged"
    );

    // The copy opens for editing, holds the same data as a clean demo, and says what it did.
    let clean = Store::open(&out, Intent::Edit).expect("open clean copy");
    assert_eq!(clean.access(), Access::ReadWrite);
    let reference_dir = TempDir::new();
    let reference = Store::open(&reference_dir.demo("demo.db"), Intent::Inspect).expect("demo");
    let mut expected = reference.counts().expect("counts");
    expected.audit_rows += 1;
    assert_eq!(clean.counts().expect("counts"), expected);
    assert_eq!(score_count(&out), score_count(&path));
    let audit = clean.audit_tail(5).expect("audit");
    assert!(
        audit.iter().any(|a| a.action == "repair"),
        "{:?}",
        audit.iter().map(|a| &a.action).collect::<Vec<_>>()
    );
    drop(clean);
    let conn = Connection::open(&out).expect("open");
    let foreign: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type IN ('trigger', 'view') OR name = 'loot'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(foreign, 0);

    // It never writes over a file.
    let again = Store::repair(&path, &out, "Thư ký", Utc::now());
    assert!(matches!(again, Err(StoreError::AlreadyExists { .. })));
}

#[test]
fn repair_on_the_command_line_shows_first_then_writes() {
    let dir = TempDir::new();
    let path = planted(
        &dir,
        "hostile.db",
        "CREATE TRIGGER wipe AFTER UPDATE ON score BEGIN DELETE FROM score; END;",
    );
    let out = dir.join("clean.db");
    let dry = giaoban(&[
        "repair",
        &path.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--dry-run",
        "--lang",
        "vi",
    ]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert!(text(&dry.stdout).contains("Bản sạch sẽ bỏ ra:"));
    assert!(text(&dry.stdout).contains("Tệp có trigger \"wipe\" không do giaoban tạo"));
    assert!(!out.exists());

    let run = giaoban(&[
        "repair",
        &path.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stdout).contains("Clean copy written to"));
    let check = giaoban(&["check", &out.to_string_lossy(), "--full", "--lang", "en"]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert_eq!(score_count(&out), score_count(&path));
}

#[test]
fn readers_never_call_a_file_damaged_while_another_giaoban_writes() {
    let dir = TempDir::new();
    let path = dir.demo("busy.db");
    let file = path.to_string_lossy().into_owned();
    let mut writer = Command::new(env!("CARGO_BIN_EXE_giaoban"))
        .args(["stress-edit", &file, "--count", "1000000"])
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(300));
    let mut failures = Vec::new();
    // The second window on the same file: read-only, says why, reads.
    let second = Store::open(&path, Intent::Edit).expect("second window");
    assert_eq!(
        second.access(),
        Access::ReadOnly(ReadOnlyReason::OpenElsewhere)
    );
    assert_eq!(second.counts().expect("counts").units, 18);
    drop(second);
    for i in 0..60 {
        match Store::open(&path, Intent::Inspect) {
            Ok(store) => {
                if let Err(e) = store.counts() {
                    failures.push(format!("read {i}: {}", e.message(Lang::En)));
                }
            }
            Err(e) => failures.push(format!("open {i}: {}", e.message(Lang::En))),
        }
        if i % 5 == 0 {
            let check = giaoban(&["check", &file, "--lang", "en"]);
            if !check.status.success() {
                failures.push(format!("check {i}: {}", text(&check.stderr)));
            }
        }
    }
    let still_writing = writer.try_wait().expect("wait").is_none();
    writer.kill().expect("kill");
    let _ = writer.wait();
    assert!(still_writing, "the writer was writing all along");
    assert_eq!(failures, Vec::<String>::new());
}

#[test]
fn two_writers_through_two_hard_links_both_save_everything() {
    let dir = TempDir::new();
    let first = dir.demo("one.db");
    let second = dir.join("two.db");
    std::fs::hard_link(&first, &second).expect("hard link");
    let audit_before = Store::open(&first, Intent::Inspect)
        .expect("open")
        .counts()
        .expect("counts")
        .audit_rows;
    let handles: Vec<_> = [first.clone(), second.clone()]
        .into_iter()
        .enumerate()
        .map(|(which, path)| {
            std::thread::spawn(move || -> Vec<String> {
                // Two windows that do not share a lock file: both may write.
                let mut store = Store::open(&path, Intent::Edit).expect("open");
                assert_eq!(store.access(), Access::ReadWrite);
                let unit = store.units().expect("units")[which].clone();
                let mut errors = Vec::new();
                for i in 0..60 {
                    let edit = Edit::RenameUnit {
                        unit_id: unit.unit_id,
                        name: format!("{} {i}", unit.name),
                    };
                    if let Err(e) = store.apply(&edit, "Thư ký", Utc::now(), Origin::Do) {
                        errors.push(e.message(Lang::En));
                    }
                }
                errors
            })
        })
        .collect();
    let errors: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("thread"))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    let store = Store::open(&first, Intent::Inspect).expect("open");
    assert_eq!(
        store.counts().expect("counts").audit_rows,
        audit_before + 120
    );
}

#[test]
fn a_folder_that_cannot_be_written_opens_read_only_with_the_reason() {
    // Root writes anywhere: run the program as an unprivileged user where the tests run as
    // root, or make the folder read-only where they do not.
    let dir = tempfile::Builder::new()
        .prefix("giaoban-ro-")
        .tempdir_in(std::env::temp_dir())
        .expect("dir");
    let folder = dir.path().join("readonly");
    std::fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("demo.db");
    std::fs::write(&path, demo_bytes()).expect("write");
    let grid = dir.path().join("grid.tsv");
    export_scores(&path, "2018-12", &grid);
    let before = std::fs::read(&path).expect("read");
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| text(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_giaoban"));
    let mut import = if is_root {
        use std::os::unix::fs::PermissionsExt;
        // The program, the file and the grid where an unprivileged user can reach them; the
        // folder of the file is root's.
        let exe_copy = dir.path().join("giaoban");
        std::fs::copy(&exe, &exe_copy).expect("copy the program");
        for (p, mode) in [
            (dir.path().to_path_buf(), 0o755),
            (folder.clone(), 0o755),
            (path.clone(), 0o666),
            (grid.clone(), 0o644),
            (exe_copy.clone(), 0o755),
        ] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).expect("chmod");
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&exe_copy)
            .env("TMPDIR", dir.path());
        c
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        Command::new(&exe)
    };
    let out = match import
        .args([
            "scores",
            "import",
            &path.to_string_lossy(),
            "--model",
            "ward-eoffice",
            "--month",
            "2018-12",
            "--from",
            &grid.to_string_lossy(),
            "--lang",
            "vi",
        ])
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("skipped: cannot run as another user here ({e})");
            return;
        }
    };
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("Chỉ đọc: không ghi được vào thư mục"),
        "{said}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(side_files(&folder, &["demo.db"]), Vec::<String>::new());
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn escape_sequences_in_names_and_grids_are_shown_escaped() {
    let dir = TempDir::new();
    let path = planted(
        &dir,
        "names.db",
        "UPDATE unit SET name = 'Bồ Đề' || char(27) || '[2J' || char(8238) || 'x' WHERE sort_order = (SELECT min(sort_order) FROM unit WHERE kind = 'ward');",
    );
    let file = path.to_string_lossy().into_owned();
    let results = giaoban(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-11",
        "--lang",
        "vi",
    ]);
    assert!(results.status.success(), "{}", text(&results.stderr));
    let shown = text(&results.stdout);
    assert!(
        !shown.contains('\x1b') && !shown.contains('\u{202E}'),
        "{shown}"
    );
    assert!(shown.contains("Bồ Đề\\u{1b}[2J\\u{202e}x"), "{shown}");
    // Machine-readable output keeps the name as the file has it.
    let json = giaoban(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-11",
        "--format",
        "json",
    ]);
    assert!(text(&json.stdout).contains("\\u001b[2J"));

    // A grid naming a unit with an escape sequence: the refusal shows it escaped.
    let clean = dir.demo("clean.db");
    let grid = dir.join("grid.tsv");
    export_scores(&clean, "2018-11", &grid);
    let tsv = std::fs::read_to_string(&grid).expect("read");
    let mut lines: Vec<String> = tsv.lines().map(str::to_string).collect();
    let first_cell = lines[1].split('\t').next().expect("cell").to_string();
    lines[1] = lines[1].replacen(&first_cell, "Evil\x1b]0;owned\x07\u{202E}", 1);
    std::fs::write(&grid, lines.join("\n")).expect("write");
    let before = std::fs::read(&clean).expect("read");
    let import = import_scores(&clean, "2018-11", &grid, "vi");
    assert_eq!(import.status.code(), Some(1));
    let said = text(&import.stderr);
    assert!(!said.contains('\x1b') && !said.contains('\x07') && !said.contains('\u{202E}'));
    assert!(
        said.contains("Evil\\u{1b}]0;owned\\u{7}\\u{202e}"),
        "{said}"
    );
    assert_eq!(std::fs::read(&clean).expect("read"), before);
}

#[test]
fn long_paths_work_or_are_refused_clearly() {
    let dir = TempDir::new();
    let mut folder = dir.path().to_path_buf();
    while folder.as_os_str().len() < MAX_PATH_BYTES + 40 {
        folder.push("thư-mục-có-tên-rất-dài-của-văn-phòng-ban-chỉ-đạo");
    }
    std::fs::create_dir_all(&folder).expect("mkdir");
    let long = folder.join("giaoban.db");
    std::fs::write(&long, demo_bytes()).expect("write");
    let err = Store::open(&long, Intent::Edit).expect_err("too long");
    assert!(matches!(err, StoreError::PathTooLong { .. }), "{err:?}");
    assert!(err.message(Lang::Vi).starts_with("Đường dẫn quá dài"));
    let demo = giaoban(&[
        "demo",
        &folder.join("new.db").to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(demo.status.code(), Some(1));
    assert!(text(&demo.stderr).contains("the path is too long"));

    // Just under the limit: it works.
    let mut near = dir.path().to_path_buf();
    while near.as_os_str().len() < MAX_PATH_BYTES - 80 {
        near.push("d".repeat(40));
    }
    std::fs::create_dir_all(&near).expect("mkdir");
    let name_len = MAX_PATH_BYTES - near.as_os_str().len() - 1;
    let fits = near.join(format!("{}.db", "x".repeat(name_len - 3)));
    assert_eq!(fits.as_os_str().len(), MAX_PATH_BYTES);
    std::fs::write(&fits, demo_bytes()).expect("write");
    let mut store = Store::open(&fits, Intent::Edit).expect("a path at the limit opens");
    let unit = store.units().expect("units")[0].clone();
    store
        .apply(
            &Edit::RenameUnit {
                unit_id: unit.unit_id,
                name: "Bồ Đề mới".into(),
            },
            "Thư ký",
            Utc::now(),
            Origin::Do,
        )
        .expect("and saves");
}

/// A small deterministic generator (no randomness between runs).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn mutated_files_never_panic_and_what_check_accepts_can_be_read() {
    let bytes = demo_bytes();
    let page = 4096;
    let pages = bytes.len() / page;
    let dir = TempDir::new();
    let mut rng = Lcg(0x0067_6961_6f62_616e);
    let (mut accepted, mut refused_count) = (0, 0);
    let mut unclear = Vec::new();
    for n in 0..240 {
        let mut mutant = bytes.clone();
        // One to four damaged spots: single bytes, runs of noise, or a page copied over another.
        for _ in 0..=rng.below(4) {
            match rng.below(3) {
                0 => {
                    let at = page + rng.below(mutant.len() - page);
                    mutant[at] ^= 1 << rng.below(8);
                }
                1 => {
                    let at = page + rng.below(mutant.len() - page - 64);
                    for b in &mut mutant[at..at + 1 + rng.below(63)] {
                        *b = rng.next() as u8;
                    }
                }
                _ => {
                    let (from, to) = (1 + rng.below(pages - 1), 1 + rng.below(pages - 1));
                    let source = mutant[from * page..(from + 1) * page].to_vec();
                    mutant[to * page..(to + 1) * page].copy_from_slice(&source);
                }
            }
        }
        let path = dir.join(&format!("mutant-{n}.db"));
        std::fs::write(&path, &mutant).expect("write");
        // What `giaoban check` accepts: the checks of every open.
        match Store::open_checked(&path, Intent::Inspect, Depth::Quick) {
            Err(e) => {
                refused_count += 1;
                let msg = e.message(Lang::Vi);
                if msg.contains('\n') || matches!(e, StoreError::Sqlite(_)) {
                    unclear.push(format!("mutant {n} open: {msg} ({e:?})"));
                }
            }
            Ok(_) => {
                accepted += 1;
                // What check accepts, the readers read, or refuse in one clear line.
                for args in [
                    vec!["results", "--model", "ward-eoffice", "--month", "2018-11"],
                    vec!["actions"],
                    vec!["chart", "--kind", "heatmap", "--size", "320x180", "--out"],
                    vec!["notice", "--meeting", "2018-01-03", "--out"],
                    vec!["deck", "--meeting", "2019-07-10", "--out"],
                ] {
                    let mut full: Vec<String> = vec![args[0].to_string()];
                    full.push(path.to_string_lossy().into_owned());
                    full.extend(args[1..].iter().map(|a| a.to_string()));
                    if full.last().map(String::as_str) == Some("--out") {
                        let ext = match args[0] {
                            "chart" => "png",
                            "notice" => "docx",
                            _ => "pdf",
                        };
                        full.push(dir.join(&format!("out-{n}.{ext}")).to_string_lossy().into());
                    }
                    full.extend(["--lang".into(), "vi".into()]);
                    let cli = <giaoban::cli::Cli as clap::Parser>::try_parse_from(
                        std::iter::once("giaoban".to_string()).chain(full.clone()),
                    )
                    .expect("arguments");
                    let Some(command) = cli.command else { continue };
                    let (mut out, mut err) = (Vec::new(), Vec::new());
                    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        giaoban::cli::run(command, Lang::Vi, &mut out, &mut err)
                    }));
                    let said = String::from_utf8_lossy(&err).into_owned();
                    match caught {
                        Err(_) => unclear.push(format!("mutant {n} {}: panic", args[0])),
                        Ok(code) if code != std::process::ExitCode::SUCCESS => {
                            if said.lines().count() != 1
                                || said.contains("malformed")
                                || said.contains("Lỗi cơ sở dữ liệu")
                            {
                                unclear.push(format!("mutant {n} {}: {said}", args[0]));
                            }
                        }
                        Ok(_) => {}
                    }
                }
            }
        }
        let _ = std::fs::remove_file(&path);
    }
    eprintln!("{accepted} mutants accepted, {refused_count} refused");
    assert!(refused_count > 0 && accepted > 0);
    assert_eq!(unclear, Vec::<String>::new());
}

/// Scores of a unit that the file's own checks let through but are not what giaoban writes
/// (text that is not an object of numbers, a key that is no criterion, a value too large to be
/// a number): the month that holds them is refused as damaged, in one line, and the file is
/// not written; other months and other keys read as before.
#[test]
fn planted_values_in_a_units_scores_are_refused_as_damage() {
    let dir = TempDir::new();
    let period_sql = "(SELECT p.id FROM period p JOIN criteria_set s ON s.id = p.set_id
         JOIN model m ON m.id = s.model_id WHERE m.slug = 'ward-eoffice' AND s.year = 2018 AND p.month = 11)";
    let huge = format!("{{\"1\":{}}}", "9".repeat(400));
    for (name, planted_text) in [
        ("text.db", r#"{"1":"mười"}"#.to_string()),
        ("nested.db", r#"{"1":{"2":3}}"#.to_string()),
        ("cut.db", r#"{"1":7.5,"2":}"#.to_string()),
        ("words.db", "{không phải số}".to_string()),
        ("huge.db", huge),
    ] {
        let path = planted(
            &dir,
            name,
            &format!(
                "UPDATE score SET appraised_values = '{}' WHERE period_id = {period_sql}
                 AND unit_id = (SELECT min(unit_id) FROM score WHERE period_id = {period_sql})",
                planted_text.replace('\'', "''")
            ),
        );
        let before = std::fs::read(&path).expect("read");
        let out = giaoban(&[
            "results",
            &path.to_string_lossy(),
            "--model",
            "ward-eoffice",
            "--month",
            "2018-11",
            "--lang",
            "en",
        ]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = text(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{name}: {err}");
        assert!(err.contains("damaged"), "{name}: {err}");
        assert!(!err.to_lowercase().contains("sqlite"), "{name}: {err}");
        let other = giaoban(&[
            "results",
            &path.to_string_lossy(),
            "--model",
            "ward-eoffice",
            "--month",
            "2018-10",
        ]);
        assert!(other.status.success(), "{name}: {}", text(&other.stderr));
        assert_eq!(std::fs::read(&path).expect("read"), before, "{name}");
        // A clean copy empties what does not read, and the month opens again.
        let clean = dir.join(&format!("clean-{name}"));
        let repaired = giaoban(&[
            "repair",
            &path.to_string_lossy(),
            "--out",
            &clean.to_string_lossy(),
        ]);
        assert!(
            repaired.status.success(),
            "{name}: {}",
            text(&repaired.stderr)
        );
        let month = giaoban(&[
            "results",
            &clean.to_string_lossy(),
            "--model",
            "ward-eoffice",
            "--month",
            "2018-11",
        ]);
        assert!(month.status.success(), "{name}: {}", text(&month.stderr));
    }
    // A key that is no criterion of the set is passed over, as a row of another set is.
    let path = planted(
        &dir,
        "stranger.db",
        &format!(
            "UPDATE score SET appraised_values = json_set(appraised_values, '$.\"99999\"', 5)
             WHERE period_id = {period_sql}"
        ),
    );
    let store = Store::open(&path, Intent::Inspect).expect("opens");
    let period = store
        .find_period("ward-eoffice", 2018, 11)
        .expect("find")
        .expect("period");
    assert!(store.grid(period.period_id).is_ok());
}
