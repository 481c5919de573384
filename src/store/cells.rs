//! A unit's values in a period as the file holds them (schema 3): a JSON object from a
//! criterion's row id to the value, `{"231":0.875,"232":76.1}`, one for each side.
//! Read without a string or a map per cell; anything but an object of non-negative numbers
//! under integer keys is damage.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use rusqlite::Connection;
use serde::de::{Deserializer, MapAccess, Visitor};

use super::error::{Damage, StoreError};
use crate::domain::results::Cells;

/// The (criterion row, value) pairs of one side of a row, in the order written.
pub(super) fn parse(text: &str) -> Result<Vec<(i64, f64)>, StoreError> {
    struct Pairs;
    impl<'de> Visitor<'de> for Pairs {
        type Value = Vec<(i64, f64)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of numbers")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(map.size_hint().unwrap_or(64));
            while let Some((key, value)) = map.next_entry::<i64, f64>()? {
                out.push((key, value));
            }
            Ok(out)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let pairs = de
        .deserialize_map(Pairs)
        .and_then(|p| de.end().map(|()| p))
        .map_err(|_| StoreError::Damaged(Damage::Value))?;
    if pairs.iter().any(|(_, v)| !v.is_finite() || *v < 0.0) {
        return Err(StoreError::Damaged(Damage::Value));
    }
    Ok(pairs)
}

/// One side as the file holds it, keys in order.
pub(super) fn write(values: &BTreeMap<i64, f64>) -> String {
    serde_json::to_string(values).unwrap_or_else(|_| "{}".into())
}

/// One side read into a map, to be changed and written back.
pub(super) fn map(text: &str) -> Result<BTreeMap<i64, f64>, StoreError> {
    Ok(parse(text)?.into_iter().collect())
}

/// Reads a period's cells (`period`, a row id) into `cells`, placed by the maps from unit
/// and criterion rows to matrix positions (rows of other units and criteria are passed
/// over), and returns the notes and evidence by position.
pub(super) fn load(
    conn: &Connection,
    period: i64,
    unit_rows: &HashMap<i64, usize>,
    criterion_rows: &HashMap<i64, usize>,
    cells: &mut Cells,
) -> Result<HashMap<(usize, usize), (String, String)>, StoreError> {
    // One row a unit: its values by criterion row, each side an object.
    let mut stmt = conn.prepare(
        "SELECT unit_id, self_values, appraised_values FROM score WHERE period_id = ?1",
    )?;
    let mut rows = stmt.query([period])?;
    while let Some(row) = rows.next()? {
        let Some(&u) = unit_rows.get(&row.get::<_, i64>(0)?) else {
            continue;
        };
        for (column, appraised) in [(1, false), (2, true)] {
            let text = row
                .get_ref(column)?
                .as_str()
                .map_err(|_| StoreError::Damaged(Damage::Value))?;
            for (criterion, value) in parse(text)? {
                let Some(&c) = criterion_rows.get(&criterion) else {
                    continue;
                };
                let (own, checked) = cells.at(u, c);
                let pair = if appraised {
                    (own, Some(value))
                } else {
                    (Some(value), checked)
                };
                cells.set_at(u, c, pair);
            }
        }
    }
    // Notes and evidence are few: a row each.
    let mut notes = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT unit_id, criterion_id, note, evidence FROM score_note WHERE period_id = ?1",
    )?;
    let mut rows = stmt.query([period])?;
    while let Some(row) = rows.next()? {
        let (Some(&u), Some(&c)) = (
            unit_rows.get(&row.get::<_, i64>(0)?),
            criterion_rows.get(&row.get::<_, i64>(1)?),
        ) else {
            continue;
        };
        notes.insert((u, c), (row.get(2)?, row.get(3)?));
    }
    Ok(notes)
}

/// An RFC 3339 time as the seconds since 1970 that score rows hold.
pub(super) fn epoch_seconds(now: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(now)
        .map(|t| t.timestamp().max(0))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_side_is_read_and_written_back_the_same() {
        let text = r#"{"231":0.875,"232":76.1,"240":15.0}"#;
        let pairs = parse(text).expect("parse");
        assert_eq!(pairs, vec![(231, 0.875), (232, 76.1), (240, 15.0)]);
        let again = write(&pairs.into_iter().collect());
        assert_eq!(parse(&again).expect("again"), parse(text).expect("text"));
        assert_eq!(parse("{}").expect("empty"), vec![]);
    }

    #[test]
    fn anything_else_is_damage() {
        for bad in [
            "",
            "[]",
            "{",
            r#"{"a":1}"#,
            r#"{"1":"2"}"#,
            r#"{"1":-2}"#,
            r#"{"1":{"2":3}}"#,
            r#"{"1":null}"#,
            r#"{"1":1}x"#,
            r#"{"1":1e999}"#,
        ] {
            assert!(
                matches!(parse(bad), Err(StoreError::Damaged(Damage::Value))),
                "{bad}"
            );
        }
    }
}
