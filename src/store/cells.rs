//! A unit's values in a period as the file holds them (schema 3): a JSON object from a
//! criterion's row id to the value, `{"231":0.875,"232":76.1}`, one for each side.
//! Read without a string or a map per cell; anything but an object of non-negative numbers
//! under integer keys is damage.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;

use super::error::{Damage, StoreError};
use crate::domain::results::{Cells, Which};

/// The (criterion row, value) pairs of one side of a row, in the order written.
///
/// Read by hand rather than through a JSON library: this runs on every cell of a year (2.4
/// million at 3,300 units) and a general parser took a third of the time of a year's
/// results. It takes exactly JSON's grammar for an object of numbers under keys that are
/// whole numbers, with white space where JSON allows it.
pub(super) fn parse(text: &str) -> Result<Vec<(i64, f64)>, StoreError> {
    let damaged = || StoreError::Damaged(Damage::Value);
    let bytes = text.as_bytes();
    let mut at = 0;
    let skip_space = |at: &mut usize| {
        while bytes
            .get(*at)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            *at += 1;
        }
    };
    let expect = |at: &mut usize, byte: u8| -> Result<(), StoreError> {
        skip_space(at);
        if bytes.get(*at) == Some(&byte) {
            *at += 1;
            Ok(())
        } else {
            Err(damaged())
        }
    };
    expect(&mut at, b'{')?;
    let mut out = Vec::with_capacity(64);
    skip_space(&mut at);
    if bytes.get(at) == Some(&b'}') {
        at += 1;
    } else {
        loop {
            expect(&mut at, b'"')?;
            let start = at;
            while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            let key: i64 = text
                .get(start..at)
                .filter(|k| !k.is_empty() && k.len() <= 18 && (k.len() == 1 || !k.starts_with('0')))
                .and_then(|k| k.parse().ok())
                .ok_or_else(damaged)?;
            expect(&mut at, b'"')?;
            expect(&mut at, b':')?;
            skip_space(&mut at);
            let (value, end) = number(text, at).ok_or_else(damaged)?;
            at = end;
            if !value.is_finite() || value < 0.0 {
                return Err(damaged());
            }
            out.push((key, value));
            skip_space(&mut at);
            match bytes.get(at) {
                Some(b',') => at += 1,
                Some(b'}') => {
                    at += 1;
                    break;
                }
                _ => return Err(damaged()),
            }
        }
    }
    skip_space(&mut at);
    if at != bytes.len() {
        return Err(damaged());
    }
    Ok(out)
}

/// Powers of ten that an `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A non-negative JSON number at `start` (`(0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]?
/// [0-9]+)?`) and where it ends. A number as this program writes it ("76.1": at most 15
/// digits, no exponent) is its digits divided by a power of ten, both exact, so the one
/// rounding of the division gives the nearest `f64`, as a full parser would; any other goes
/// to the standard library's parser.
fn number(text: &str, start: usize) -> Option<(f64, usize)> {
    let b = text.as_bytes();
    let mut at = start;
    let mut mantissa: u64 = 0;
    let mut digits = 0usize;
    let mut simple = true;
    let mut run = |at: &mut usize| {
        let from = *at;
        while *at < b.len() && b[*at].is_ascii_digit() {
            if digits < 15 {
                mantissa = mantissa * 10 + u64::from(b[*at] - b'0');
            } else {
                simple = false;
            }
            digits += 1;
            *at += 1;
        }
        *at - from
    };
    let whole = run(&mut at);
    if whole == 0 || (whole > 1 && b[start] == b'0') {
        return None;
    }
    let mut fraction = 0;
    if b.get(at) == Some(&b'.') {
        at += 1;
        fraction = run(&mut at);
        if fraction == 0 {
            return None;
        }
    }
    if matches!(b.get(at), Some(b'e' | b'E')) {
        simple = false;
        at += 1;
        if matches!(b.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let from = at;
        while at < b.len() && b[at].is_ascii_digit() {
            at += 1;
        }
        if at == from {
            return None;
        }
    }
    if simple && let Some(power) = POW10.get(fraction) {
        return Some((mantissa as f64 / power, at));
    }
    text.get(start..at)?.parse().ok().map(|v| (v, at))
}

/// One side as the file holds it, keys in order, each number in its shortest form ("15",
/// not "15.0": Rust writes a float with as few digits as read it back exactly, never with an
/// exponent).
pub(super) fn write(values: &BTreeMap<i64, f64>) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(2 + values.len() * 12);
    out.push('{');
    for (i, (key, value)) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // -0 (typed or pasted as "-0") is written 0: the file holds no minus sign.
        let value = if *value == 0.0 { 0.0 } else { *value };
        let _ = write!(out, "\"{key}\":{value}");
    }
    out.push('}');
    out
}

/// One side read into a map, to be changed and written back.
pub(super) fn map(text: &str) -> Result<BTreeMap<i64, f64>, StoreError> {
    Ok(parse(text)?.into_iter().collect())
}

/// Notes and evidence by (unit, criterion) position in a grid.
pub(super) type Notes = HashMap<(usize, usize), (String, String)>;

/// Reads a period's cells (`period`, a row id) into `cells`, placed by the maps from unit
/// and criterion rows to matrix positions (rows of other units and criteria are passed
/// over), and returns the notes and evidence by position.
pub(super) fn load(
    conn: &Connection,
    period: i64,
    unit_rows: &HashMap<i64, usize>,
    criterion_rows: &HashMap<i64, usize>,
    cells: &mut Cells,
) -> Result<Notes, StoreError> {
    load_values(conn, period, None, unit_rows, criterion_rows, cells)?;
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

/// Reads the values of a period into `cells` as [`load`] does: both sides, or only `which`.
pub(super) fn load_values(
    conn: &Connection,
    period: i64,
    which: Option<Which>,
    unit_rows: &HashMap<i64, usize>,
    criterion_rows: &HashMap<i64, usize>,
    cells: &mut Cells,
) -> Result<(), StoreError> {
    // One row a unit: its values by criterion row, each side an object.
    let mut stmt = conn.prepare_cached(match which {
        None => "SELECT unit_id, self_values, appraised_values FROM score WHERE period_id = ?1",
        Some(Which::SelfScore) => "SELECT unit_id, self_values FROM score WHERE period_id = ?1",
        Some(Which::Appraised) => {
            "SELECT unit_id, NULL, appraised_values FROM score WHERE period_id = ?1"
        }
    })?;
    // A criterion's position by its row id, from a table rather than a hash: this runs
    // for every cell of a year (2.4 million at 3,300 units).
    let first = criterion_rows.keys().copied().min().unwrap_or(0);
    let last = criterion_rows.keys().copied().max().unwrap_or(0);
    let span = last.checked_sub(first).and_then(|d| d.checked_add(1));
    let mut table = vec![
        None;
        span.and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
            .min(1 << 20)
    ];
    for (&row, &position) in criterion_rows {
        if let Some(slot) = row
            .checked_sub(first)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| table.get_mut(i))
        {
            *slot = Some(position);
        }
    }
    let position_of = |row: i64| -> Option<usize> {
        match usize::try_from(row.checked_sub(first)?)
            .ok()
            .and_then(|i| table.get(i))
        {
            Some(found) => *found,
            None => criterion_rows.get(&row).copied(),
        }
    };
    let sides: &[(usize, bool)] = match which {
        None => &[(1, false), (2, true)],
        Some(Which::SelfScore) => &[(1, false)],
        Some(Which::Appraised) => &[(2, true)],
    };
    let mut rows = stmt.query([period])?;
    while let Some(row) = rows.next()? {
        let Some(&u) = unit_rows.get(&row.get::<_, i64>(0)?) else {
            continue;
        };
        for &(column, appraised) in sides {
            let text = row
                .get_ref(column)?
                .as_str()
                .map_err(|_| StoreError::Damaged(Damage::Value))?;
            for (criterion, value) in parse(text)? {
                let Some(c) = position_of(criterion) else {
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
    Ok(())
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
        assert_eq!(again, r#"{"231":0.875,"232":76.1,"240":15}"#);
        assert_eq!(parse(&again).expect("again"), parse(text).expect("text"));
        let awkward = [
            (1, 0.1 + 0.2),
            (2, 1e-7),
            (3, 123_456_789.5),
            (4, 2.0 / 3.0),
            (5, 1e21),
            (6, 99.99),
        ];
        let again = write(&awkward.into_iter().collect());
        assert_eq!(parse(&again).expect("exact"), awkward.to_vec());
        assert_eq!(write(&[(1, -0.0)].into_iter().collect()), r#"{"1":0}"#);
        // Every value comes back as the same f64, short or long.
        let many: BTreeMap<i64, f64> = (0..20_000)
            .map(|k| (k, k as f64 * 0.37 / 3.0 + (k % 7) as f64 * 0.01))
            .collect();
        let back = parse(&write(&many)).expect("many");
        assert!(back.iter().all(|(k, v)| many[k].to_bits() == v.to_bits()));
        assert_eq!(parse("{}").expect("empty"), vec![]);
        // As SQLite writes it (a migration), and with JSON's white space.
        assert_eq!(
            parse(" { \"7\" : 1.0e-05 ,\"8\":2E+2, \"9\":0.5 } ").expect("spaces"),
            vec![(7, 1.0e-05), (8, 200.0), (9, 0.5)]
        );
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
            r#"{"1":01}"#,
            r#"{"07":1}"#,
            r#"{"1":-0}"#,
            r#"{"1":1.}"#,
            r#"{"1":.5}"#,
            r#"{"1":1e}"#,
            r#"{"1":1,}"#,
            r#"{"1" 1}"#,
            r#"{"":1}"#,
            r#"{"1":1"2":2}"#,
            r#"{"99999999999999999999":1}"#,
            "{\"1\":1}\u{0}",
        ] {
            assert!(
                matches!(parse(bad), Err(StoreError::Damaged(Damage::Value))),
                "{bad}"
            );
        }
    }
}
