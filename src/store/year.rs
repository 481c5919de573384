//! A model's year read at once: every month's results, for the year view, the trend and
//! heat-map charts and `giaoban results --year`.
//!
//! Read as twelve grids would read it, with what does not change from month to month read
//! once (the set, its criteria, the units) and only the appraised side of the cells.

use std::collections::{HashMap, HashSet};

use rusqlite::params;
use uuid::Uuid;

use super::read::{UNIT_COLUMNS, unit_at, uuid_at};
use super::{Store, StoreError};
use crate::domain::org::Unit;
use crate::domain::results::{Cells, UnitResult, Which};
use crate::domain::scoring::Band;

/// The units (of the latest month), each month's results (appraised) and the set's bands.
pub type YearData = (Vec<Unit>, Vec<(u32, Vec<UnitResult>)>, Vec<Band>);

impl Store {
    /// Every month of `model`'s `year` that has a period, read and totalled.
    pub fn year(&self, model: &str, year: i32) -> Result<YearData, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT p.month, p.id, s.uuid, m.unit_kinds FROM period p
             JOIN criteria_set s ON s.id = p.set_id JOIN model m ON m.id = s.model_id
             WHERE m.slug = ?1 AND s.year = ?2 AND p.month BETWEEN 1 AND 12 ORDER BY p.month",
        )?;
        let periods = stmt
            .query_map(params![model, year], |row| {
                Ok((
                    row.get::<_, u32>(0)?,
                    row.get::<_, i64>(1)?,
                    uuid_at(row, 2)?,
                    row.get::<_, String>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?;
        let Some((_, _, set_id, kinds)) = periods.first().cloned() else {
            return Ok((Vec::new(), Vec::new(), Vec::new()));
        };
        let def = super::criteria::read_definition(&self.conn, set_id)?;
        let kinds: Vec<&str> = kinds.split(',').collect();
        // Every unit with its row, in official order: each month takes those of the model's
        // kinds that existed in it, and any scored in it (as the grid of the month does).
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {UNIT_COLUMNS}, u.id FROM unit u ORDER BY u.sort_order, u.id"
        ))?;
        let all_units = stmt
            .query_map([], |row| Ok((unit_at(row, 0)?, row.get::<_, i64>(6)?)))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?;
        let criterion_rows = self.criterion_positions(&def.criteria, set_id)?;
        let criterion_ids: Vec<Uuid> = def.criteria.iter().map(|c| c.criterion_id).collect();
        let mut units: Vec<Unit> = Vec::new();
        let mut seen: HashSet<Uuid> = HashSet::new();
        let mut months = Vec::with_capacity(periods.len());
        let mut scored_stmt = self
            .conn
            .prepare("SELECT unit_id FROM score WHERE period_id = ?1")?;
        for (month, period_row, _, _) in &periods {
            let scored: HashSet<i64> = scored_stmt
                .query_map([period_row], |r| r.get(0))?
                .collect::<Result<_, _>>()
                .map_err(StoreError::from)?;
            let (first, last) = super::scores::period_days(def.set.year, *month);
            let month_units: Vec<&(Unit, i64)> = all_units
                .iter()
                .filter(|(u, row)| {
                    scored.contains(row)
                        || (kinds.contains(&u.kind.slug()) && u.active_during(first, last))
                })
                .collect();
            let unit_rows: HashMap<i64, usize> = month_units
                .iter()
                .enumerate()
                .map(|(i, (_, row))| (*row, i))
                .collect();
            let ids: Vec<Uuid> = month_units.iter().map(|(u, _)| u.unit_id).collect();
            let mut cells = Cells::with_shape(ids.clone(), criterion_ids.clone());
            super::cells::load_values(
                &self.conn,
                *period_row,
                Some(Which::Appraised),
                &unit_rows,
                &criterion_rows,
                &mut cells,
            )?;
            months.push((
                *month,
                crate::domain::results::results(
                    &def.set,
                    &def.criteria,
                    &def.bands,
                    &ids,
                    &cells,
                    Which::Appraised,
                ),
            ));
            for (u, _) in month_units {
                if seen.insert(u.unit_id) {
                    units.push(u.clone());
                }
            }
        }
        Ok((units, months, def.bands))
    }

    /// A set's criteria by row id, as positions in `criteria`.
    pub(super) fn criterion_positions(
        &self,
        criteria: &[crate::domain::scoring::Criterion],
        set_id: Uuid,
    ) -> Result<HashMap<i64, usize>, StoreError> {
        let by_id: HashMap<Uuid, usize> = criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.criterion_id, i))
            .collect();
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.uuid FROM criterion c JOIN criteria_group g ON g.id = c.group_id
             JOIN criteria_set s ON s.id = g.set_id WHERE s.uuid = ?1",
        )?;
        let mut rows = stmt.query([set_id.to_string()])?;
        let mut out = HashMap::new();
        while let Some(row) = rows.next()? {
            if let Some(&i) = by_id.get(&uuid_at(row, 1).map_err(StoreError::from)?) {
                out.insert(row.get(0)?, i);
            }
        }
        Ok(out)
    }
}
