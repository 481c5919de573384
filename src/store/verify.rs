//! What a file must be before the program reads a row of it.
//!
//! 1. **Its schema is ours**: every table (with its columns and constraints), index, trigger
//!    and view in `sqlite_schema` is compared with what this program's own migrations write for
//!    the file's schema version, built once in memory. A trigger planted by someone else would
//!    run inside our next edit (`trusted_schema = OFF` does not stop a trigger that only
//!    deletes), so anything foreign is refused before any statement of the file's can run.
//!    Reading `sqlite_schema` only parses those statements; it runs none.
//! 2. **It is whole**: `quick_check` at every open (it reads every page and checks each table's
//!    rows, in time linear in the file), or `integrity_check` when a person asks for a check
//!    (it also checks that every index matches its table). A read that later meets a broken
//!    index is refused as "damaged" at the store's edge; see README, "Files from anyone".
//! 3. **It is giaoban's and makes sense**: application id, no row pointing to a missing row,
//!    exactly one home body.

use std::sync::OnceLock;

use rusqlite::Connection;

use super::error::{Damage, Difference, ForeignObject, ObjectKind, StoreError};
use super::schema::{APPLICATION_ID, MIGRATIONS};

/// How deep the structure check goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// `quick_check`: every page read, rows checked; at every open.
    Quick,
    /// `integrity_check`: also every index against its table; for `giaoban check` and the
    /// window's *Kiểm tra tệp*.
    Full,
}

/// One object of a schema, as compared.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(super) struct SchemaObject {
    pub kind: String,
    pub name: String,
    pub table: String,
    /// The statement that made it, with comments and spacing normalised; `None` for
    /// SQLite's own automatic indexes.
    pub sql: Option<String>,
}

/// Reads a connection's schema, sorted by kind and name.
pub(super) fn schema_of(conn: &Connection) -> Result<Vec<SchemaObject>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")?;
    let objects = stmt
        .query_map([], |r| {
            Ok(SchemaObject {
                kind: r.get(0)?,
                name: r.get(1)?,
                table: r.get(2)?,
                sql: r.get::<_, Option<String>>(3)?.map(|s| normalize_sql(&s)),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(objects)
}

/// What `sqlite_schema` holds after each migration, as this program's own migrations write it:
/// `SCHEMAS[n]` is the schema of version n+1. Kept as files beside the migrations because
/// running the migrations in memory costs about 5 ms at every start of the program; the test
/// `the_reference_is_what_the_migrations_write` runs them and fails when a file is out of date
/// (`UPDATE_SCHEMAS=1 cargo test` writes them anew).
const SCHEMAS: &[&str] = &[
    include_str!("sql/v1.schema.json"),
    include_str!("sql/v2.schema.json"),
    include_str!("sql/v3.schema.json"),
];

/// The schema this program writes for each version: `reference(v)` is what a file at
/// version `v` holds.
pub(super) fn reference(version: i64) -> Result<&'static [SchemaObject], StoreError> {
    static REFERENCE: OnceLock<Option<Vec<Vec<SchemaObject>>>> = OnceLock::new();
    let all = REFERENCE.get_or_init(|| {
        let mut versions = vec![Vec::new()];
        for text in SCHEMAS {
            versions.push(serde_json::from_str(text).ok()?);
        }
        (versions.len() == MIGRATIONS.len() + 1).then_some(versions)
    });
    let Some(all) = all else {
        return Err(StoreError::Internal("the program's own schema"));
    };
    usize::try_from(version)
        .ok()
        .and_then(|v| all.get(v))
        .map(Vec::as_slice)
        .ok_or(StoreError::UnknownSchema { found: version })
}

/// Every difference between a file's schema and ours, foreign objects first, then changed,
/// then missing ones, each in name order.
pub(super) fn differences(
    conn: &Connection,
    version: i64,
) -> Result<Vec<ForeignObject>, StoreError> {
    let ours = reference(version)?;
    let theirs = schema_of(conn)?;
    let mut found = Vec::new();
    let mut changed = Vec::new();
    for object in &theirs {
        match ours
            .iter()
            .find(|o| o.kind == object.kind && o.name == object.name)
        {
            None => found.push(ForeignObject {
                kind: ObjectKind::from_sqlite(&object.kind),
                name: object.name.clone(),
                difference: Difference::Foreign,
            }),
            Some(mine) if mine != object => changed.push(ForeignObject {
                kind: ObjectKind::from_sqlite(&object.kind),
                name: object.name.clone(),
                difference: Difference::Changed,
            }),
            Some(_) => {}
        }
    }
    // Triggers and views first: they are what can act.
    found.sort_by_key(|o| match o.kind {
        ObjectKind::Trigger => 0,
        ObjectKind::View => 1,
        _ => 2,
    });
    found.extend(changed);
    found.extend(
        ours.iter()
            .filter(|o| !theirs.iter().any(|t| t.kind == o.kind && t.name == o.name))
            .map(|o| ForeignObject {
                kind: ObjectKind::from_sqlite(&o.kind),
                name: o.name.clone(),
                difference: Difference::Missing,
            }),
    );
    Ok(found)
}

/// Refuses a file whose schema is not exactly ours, naming the first thing that differs.
pub(super) fn conform(conn: &Connection, version: i64) -> Result<(), StoreError> {
    match differences(conn, version)?.into_iter().next() {
        Some(first) => Err(StoreError::ForeignSchema(first)),
        None => Ok(()),
    }
}

/// SQL as compared: comments dropped, runs of white space made one space, outside quotes.
/// (SQLite keeps a statement's text as it was typed, so two copies of one schema differ only
/// there.)
pub(super) fn normalize_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' | '`' | '[' => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                let close = if c == '[' { ']' } else { c };
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == close {
                        // A doubled quote is a quote inside the literal.
                        if close != ']' && chars.peek() == Some(&close) {
                            if let Some(again) = chars.next() {
                                out.push(again);
                            }
                            continue;
                        }
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                for d in chars.by_ref() {
                    if d == '\n' {
                        break;
                    }
                }
                pending_space = true;
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

/// Collects the first row of a one-column pragma (an integrity report).
fn first_line(conn: &Connection, pragma: &str) -> Result<Option<String>, StoreError> {
    let mut stmt = conn.prepare(pragma)?;
    let mut rows = stmt.query([])?;
    match rows.next()? {
        Some(row) => Ok(Some(row.get::<_, String>(0)?)),
        None => Ok(None),
    }
}

/// The checks after the schema's: structure, application id, references, the home body.
/// Read-only: writes nothing.
pub(super) fn verify(conn: &Connection, depth: Depth) -> Result<(), StoreError> {
    let pragma = match depth {
        Depth::Quick => "PRAGMA quick_check",
        Depth::Full => "PRAGMA integrity_check",
    };
    if first_line(conn, pragma)?.as_deref() != Some("ok") {
        return Err(StoreError::Damaged(Damage::Structure));
    }
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app_id as u32 != APPLICATION_ID {
        return Err(StoreError::ForeignFile {
            application_id: app_id as u32,
        });
    }
    if let Some(table) = first_line(conn, "PRAGMA foreign_key_check")? {
        return Err(StoreError::Damaged(Damage::DanglingReference { table }));
    }
    let homes: i64 = conn.query_row("SELECT count(*) FROM body WHERE is_home = 1", [], |r| {
        r.get(0)
    })?;
    if homes != 1 {
        return Err(StoreError::Damaged(Damage::NoBody));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_is_compared_without_comments_and_spacing() {
        assert_eq!(
            normalize_sql(
                "CREATE TABLE t (\n    a INTEGER, -- the a\n    b TEXT /* b */ DEFAULT 'x  -- y'\n)"
            ),
            "CREATE TABLE t ( a INTEGER, b TEXT DEFAULT 'x  -- y' )"
        );
        assert_eq!(normalize_sql("'it''s'  \"a\"\"b\""), "'it''s' \"a\"\"b\"");
        assert_ne!(
            normalize_sql("CHECK (a < 5)"),
            normalize_sql("CHECK (a < 50)")
        );
    }

    /// Runs the migrations in memory and compares what they write with the kept schemas.
    #[test]
    fn the_reference_is_what_the_migrations_write() {
        let conn = Connection::open_in_memory().expect("memory");
        for (n, sql) in MIGRATIONS.iter().enumerate() {
            conn.execute_batch(sql).expect("migration");
            let written = schema_of(&conn).expect("schema");
            let file = format!(
                "{}/src/store/sql/v{}.schema.json",
                env!("CARGO_MANIFEST_DIR"),
                n + 1
            );
            if std::env::var_os("UPDATE_SCHEMAS").is_some() {
                let text = serde_json::to_string_pretty(&written).expect("json");
                std::fs::write(&file, text + "\n").expect("write");
                continue;
            }
            let kept: Vec<SchemaObject> =
                serde_json::from_str(SCHEMAS.get(n).expect("a kept schema per migration"))
                    .expect("kept schema");
            assert_eq!(
                kept, written,
                "{file} is out of date: run UPDATE_SCHEMAS=1 cargo test"
            );
        }
        assert_eq!(SCHEMAS.len(), MIGRATIONS.len());
    }

    #[test]
    fn the_reference_schema_has_every_version() {
        assert!(reference(0).expect("v0").is_empty());
        let v1 = reference(1).expect("v1");
        assert!(v1.iter().any(|o| o.kind == "table" && o.name == "score"));
        assert!(!v1.iter().any(|o| o.kind == "trigger" || o.kind == "view"));
        assert!(matches!(
            reference(99),
            Err(StoreError::UnknownSchema { found: 99 })
        ));
    }
}
