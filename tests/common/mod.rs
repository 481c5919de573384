//! Shared test fixtures: temporary folders and demo files.
#![allow(dead_code)] // each test binary uses a different part

pub mod ui;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use giaoban::demo::demo_seed;
use giaoban::domain::lang::Lang;
use giaoban::store::{Intent, Store, StoreError};

/// A temporary folder, removed at the end of the test.
pub struct TempDir(pub tempfile::TempDir);

impl TempDir {
    pub fn new() -> TempDir {
        TempDir(tempfile::tempdir().expect("temporary folder"))
    }
    pub fn path(&self) -> &Path {
        self.0.path()
    }
    pub fn join(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
    /// A fresh demo document in this folder.
    pub fn demo(&self, name: &str) -> PathBuf {
        let path = self.join(name);
        Store::create(&path, &demo_seed(), false).expect("demo file");
        path
    }
}

/// Files in a folder other than the ones named (journals, WAL files...).
pub fn side_files(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !keep.contains(&n.as_str()))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs the program with `args`.
pub fn giaoban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_giaoban"))
        .args(args)
        .output()
        .expect("run giaoban")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs a poppler tool (poppler-utils, installed by `.ci/run`).
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (apt-get install poppler-utils): {e}"));
    assert!(out.status.success(), "{tool}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// `giaoban scores export FILE --model ward-eoffice --month MONTH --out GRID`, which must work.
pub fn export_scores(file: &Path, month: &str, grid: &Path) {
    let out = giaoban(&[
        "scores",
        "export",
        &file.to_string_lossy(),
        "--model",
        "ward-eoffice",
        "--month",
        month,
        "--out",
        &grid.to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// `giaoban scores import FILE --model ward-eoffice --month MONTH --from GRID --lang LANG`.
pub fn import_scores(file: &Path, month: &str, grid: &Path, lang: &str) -> Output {
    giaoban(&[
        "scores",
        "import",
        &file.to_string_lossy(),
        "--model",
        "ward-eoffice",
        "--month",
        month,
        "--from",
        &grid.to_string_lossy(),
        "--lang",
        lang,
    ])
}

/// Opens `path` for editing and for inspection; both must refuse it with one line in each
/// language, leaving the file byte-identical and no file beside it.
pub fn refused(path: &Path) -> StoreError {
    let before = std::fs::read(path).expect("read");
    let dir = path.parent().expect("folder");
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let others_before = side_files(dir, &[]);
    let mut first = None;
    for intent in [Intent::Edit, Intent::Inspect] {
        let err = match Store::open(path, intent) {
            Ok(_) => panic!("{name} opened ({intent:?})"),
            Err(e) => e,
        };
        for lang in [Lang::Vi, Lang::En] {
            let msg = err.message(lang);
            assert!(!msg.is_empty() && !msg.contains('\n'), "{name}: {msg}");
            assert!(
                !msg.contains("CREATE") && !msg.contains("SQLITE") && msg.len() < 400,
                "{name}: raw text in {msg}"
            );
        }
        first.get_or_insert(err);
    }
    assert_eq!(std::fs::read(path).expect("read"), before, "{name} changed");
    assert_eq!(side_files(dir, &[]), others_before, "files beside {name}");
    first.expect("an error")
}

/// The number of score cells with a value in a file of this version (a unit's row holds
/// its values as JSON objects: a key is a colon).
pub fn cell_count(conn: &rusqlite::Connection) -> i64 {
    conn.query_row(
        "SELECT coalesce(sum(length(self_values) - length(replace(self_values, ':', ''))
                    + length(appraised_values) - length(replace(appraised_values, ':', ''))), 0)
         FROM score",
        [],
        |r| r.get(0),
    )
    .expect("cells")
}

/// A 36-letter id made by SQLite, for the rows of old versions.
const SQL_UUID: &str =
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2))
     || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";

/// Writes the document `from` (of this version) into a new file `to` of an older `version`,
/// as a program of that version would have: table by table, column by column, scores as a
/// row a cell, the audit log with its ids.
pub fn old_version(from: &Path, to: &Path, version: i64) {
    let mut conn = rusqlite::Connection::open(to).expect("create");
    giaoban::store::schema::migrate_to(&mut conn, version).expect("old version");
    conn.execute_batch("PRAGMA foreign_keys = OFF")
        .expect("pragma");
    conn.execute("ATTACH ?1 AS cur", [from.to_string_lossy()])
        .expect("attach");
    let names = |conn: &rusqlite::Connection, sql: &str| -> Vec<String> {
        conn.prepare(sql)
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("names")
    };
    let tables = names(
        &conn,
        "SELECT name FROM main.sqlite_schema WHERE type = 'table'",
    );
    for table in tables {
        let sql = match table.as_str() {
            "score" => format!(
                "INSERT INTO main.score (uuid, period_id, unit_id, criterion_id, self_value,
                     appraised_value, note, evidence, updated_at)
                 SELECT {SQL_UUID}, s.period_id, s.unit_id, CAST(k.key AS INTEGER),
                     json_extract(s.self_values, '$.\"' || k.key || '\"'),
                     json_extract(s.appraised_values, '$.\"' || k.key || '\"'),
                     coalesce(n.note, ''), coalesce(n.evidence, ''),
                     strftime('%Y-%m-%dT%H:%M:%SZ', s.updated_at, 'unixepoch')
                 FROM cur.score s, json_each(json_patch(s.self_values, s.appraised_values)) k
                 LEFT JOIN cur.score_note n ON n.period_id = s.period_id
                     AND n.unit_id = s.unit_id AND n.criterion_id = CAST(k.key AS INTEGER);
                 INSERT OR IGNORE INTO main.score (uuid, period_id, unit_id, criterion_id, note,
                     evidence, updated_at)
                 SELECT {SQL_UUID}, period_id, unit_id, criterion_id, note, evidence,
                     strftime('%Y-%m-%dT%H:%M:%SZ', updated_at, 'unixepoch')
                 FROM cur.score_note;"
            ),
            "audit_log" => format!(
                "INSERT INTO main.audit_log (uuid, at, who, action, entity, entity_uuid, before,
                     after, updated_at)
                 SELECT {SQL_UUID}, at, who, action, entity, entity_uuid, before, after, at
                 FROM cur.audit_log ORDER BY id;"
            ),
            _ => {
                let theirs = names(
                    &conn,
                    &format!("SELECT name FROM pragma_table_info('{table}', 'cur')"),
                );
                let list = names(
                    &conn,
                    &format!("SELECT name FROM pragma_table_info('{table}', 'main')"),
                )
                .into_iter()
                .filter(|c| theirs.contains(c))
                .collect::<Vec<_>>()
                .join(", ");
                format!("INSERT INTO main.{table} ({list}) SELECT {list} FROM cur.{table};")
            }
        };
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{table}: {e}"));
    }
    conn.execute_batch("DETACH cur").expect("detach");
}
