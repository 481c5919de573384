//! A model's year read at once: every month's results, for the year view, the trend and
//! heat-map charts and `giaoban results --year`.

use super::{Store, StoreError};
use crate::domain::org::Unit;
use crate::domain::results::{UnitResult, Which};
use crate::domain::scoring::Band;

/// The units (of the latest month), each month's results (appraised) and the set's bands.
pub type YearData = (Vec<Unit>, Vec<(u32, Vec<UnitResult>)>, Vec<Band>);

impl Store {
    /// Every month of `model`'s `year` that has a period, read and totalled.
    pub fn year(&self, model: &str, year: i32) -> Result<YearData, StoreError> {
        let mut units: Vec<Unit> = Vec::new();
        let mut months = Vec::new();
        let mut bands = Vec::new();
        for month in 1..=12 {
            let Some(period) = self.find_period(model, year, month)? else {
                continue;
            };
            let grid = self.grid(period.period_id)?;
            months.push((month, grid.results(Which::Appraised)));
            for u in grid.units {
                if !units.iter().any(|x| x.unit_id == u.unit_id) {
                    units.push(u);
                }
            }
            bands = grid.bands;
        }
        Ok((units, months, bands))
    }
}
