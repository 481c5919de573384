//! A period's results: each unit's total, % of the maximum, rank (ties share a rank) and band,
//! or pass/fail; the period workflow; and when a criteria set is locked.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::lang::Lang;
use super::points::{from_micro, micro, points, round_half_up};
use super::scoring::{Band, CriteriaSet, Criterion, CriterionKind, PassRule, PeriodStatus};

/// Which value of a cell: the unit's self-assessment or the committee's appraisal (which
/// counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Which {
    SelfScore,
    Appraised,
}

/// A unit's result in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitResult {
    pub unit_id: Uuid,
    /// Base points + bonus − penalty.
    pub total: f64,
    pub pct_of_max: f64,
    /// Competition rank (1, 2, 2, 4); `None` until every criterion that counts has its value.
    pub rank: Option<u32>,
    /// Index into the set's bands (highest band first), when the set has bands.
    pub band: Option<usize>,
    /// Criteria without a value: the total is provisional until there are none.
    pub missing: usize,
    /// For pass/fail models.
    pub passed: Option<bool>,
    /// The criteria that count toward the maximum (bonus and penalty do not).
    pub counted: usize,
}

impl UnitResult {
    /// Every criterion that counts has its value: only then is there a total, rank and band.
    pub fn is_complete(&self) -> bool {
        self.rank.is_some()
    }

    /// How many of the criteria that count have their value.
    pub fn appraised(&self) -> usize {
        self.counted - self.missing
    }

    /// What a unit shows instead of its total, rank and band until it is complete:
    /// "chưa thẩm định đủ: 1/26" ("chưa thẩm định" when nothing is).
    pub fn incomplete_text(&self, which: Which, lang: Lang) -> Option<String> {
        if self.is_complete() {
            return None;
        }
        let (done, n) = (self.appraised(), self.counted);
        Some(match (which, lang, done) {
            (Which::Appraised, Lang::Vi, 0) => "chưa thẩm định".into(),
            (Which::Appraised, Lang::En, 0) => "not appraised".into(),
            (Which::SelfScore, Lang::Vi, 0) => "chưa tự chấm".into(),
            (Which::SelfScore, Lang::En, 0) => "not self-assessed".into(),
            (Which::Appraised, Lang::Vi, _) => format!("chưa thẩm định đủ: {done}/{n}"),
            (Which::Appraised, Lang::En, _) => format!("appraised on {done} of {n}"),
            (Which::SelfScore, Lang::Vi, _) => format!("chưa tự chấm đủ: {done}/{n}"),
            (Which::SelfScore, Lang::En, _) => format!("self-assessed on {done} of {n}"),
        })
    }
}

/// The maximum total: the sum of the maxima of the criteria that are not bonus or penalty.
pub fn max_total(criteria: &[Criterion]) -> f64 {
    criteria
        .iter()
        .filter(|c| c.kind.counts_toward_max())
        .map(|c| c.max_points)
        .sum()
}

/// The highest band whose lower bound the percentage reaches. `bands` in any order.
pub fn band_for(bands: &[Band], pct: f64) -> Option<usize> {
    bands
        .iter()
        .enumerate()
        .filter(|(_, b)| pct + 1e-9 >= b.lower_pct)
        .max_by(|(_, a), (_, b)| a.lower_pct.total_cmp(&b.lower_pct))
        .map(|(i, _)| i)
}

/// Competition ranking of totals, highest first: totals published alike (to 1/100 of a point,
/// rounded half up) share a rank and the next rank skips (1, 2, 2, 4).
pub fn competition_ranks(totals: &[f64]) -> Vec<u32> {
    let key = |t: f64| micro(round_half_up(t, 2));
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(key(totals[i])));
    let mut ranks = vec![0; totals.len()];
    let mut previous: Option<(i64, u32)> = None;
    for (position, &i) in order.iter().enumerate() {
        let k = key(totals[i]);
        let rank = match previous {
            Some((pk, pr)) if pk == k => pr,
            _ => position as u32 + 1,
        };
        ranks[i] = rank;
        previous = Some((k, rank));
    }
    ranks
}

/// A cell's (self value, appraised value).
pub type Pair = (Option<f64>, Option<f64>);

/// Scores of one period as a dense units × criteria matrix (3,300 × 60 cells are read and
/// totalled often; a hash map lookup per cell is too slow for that).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cells {
    units: Vec<Uuid>,
    criteria: Vec<Uuid>,
    unit_index: HashMap<Uuid, usize>,
    criterion_index: HashMap<Uuid, usize>,
    values: Vec<Pair>,
}

impl Cells {
    /// An empty matrix; [`Cells::insert`] adds rows and columns as needed.
    pub fn new() -> Cells {
        Cells::default()
    }

    /// An empty matrix of the given shape.
    pub fn with_shape(units: Vec<Uuid>, criteria: Vec<Uuid>) -> Cells {
        let unit_index = units.iter().enumerate().map(|(i, u)| (*u, i)).collect();
        let criterion_index = criteria.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let values = vec![(None, None); units.len() * criteria.len()];
        Cells {
            units,
            criteria,
            unit_index,
            criterion_index,
            values,
        }
    }

    pub fn unit_position(&self, unit: Uuid) -> Option<usize> {
        self.unit_index.get(&unit).copied()
    }

    pub fn criterion_position(&self, criterion: Uuid) -> Option<usize> {
        self.criterion_index.get(&criterion).copied()
    }

    /// The cell at (unit row, criterion column) of this matrix.
    pub fn at(&self, unit: usize, criterion: usize) -> Pair {
        self.values
            .get(unit * self.criteria.len() + criterion)
            .copied()
            .unwrap_or((None, None))
    }

    pub fn set_at(&mut self, unit: usize, criterion: usize, pair: Pair) {
        let width = self.criteria.len();
        if let Some(v) = self.values.get_mut(unit * width + criterion) {
            *v = pair;
        }
    }

    /// The cell of `(unit, criterion)`, when it holds a value.
    pub fn get(&self, key: &(Uuid, Uuid)) -> Option<&Pair> {
        let u = self.unit_position(key.0)?;
        let c = self.criterion_position(key.1)?;
        self.values
            .get(u * self.criteria.len() + c)
            .filter(|p| p.0.is_some() || p.1.is_some())
    }

    /// Sets a cell, adding its unit or criterion when new.
    pub fn insert(&mut self, key: (Uuid, Uuid), pair: Pair) {
        if !self.criterion_index.contains_key(&key.1) {
            let mut criteria = self.criteria.clone();
            criteria.push(key.1);
            let mut grown = Cells::with_shape(self.units.clone(), criteria);
            for u in 0..self.units.len() {
                for c in 0..self.criteria.len() {
                    grown.set_at(u, c, self.at(u, c));
                }
            }
            *self = grown;
        }
        if !self.unit_index.contains_key(&key.0) {
            self.unit_index.insert(key.0, self.units.len());
            self.units.push(key.0);
            self.values
                .extend(std::iter::repeat_n((None, None), self.criteria.len()));
        }
        if let (Some(u), Some(c)) = (self.unit_position(key.0), self.criterion_position(key.1)) {
            self.set_at(u, c, pair);
        }
    }

    /// The number of cells holding a value.
    pub fn len(&self) -> usize {
        self.values
            .iter()
            .filter(|p| p.0.is_some() || p.1.is_some())
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Computes every unit's result for one period.
pub fn results(
    set: &CriteriaSet,
    criteria: &[Criterion],
    bands: &[Band],
    units: &[Uuid],
    cells: &Cells,
    which: Which,
) -> Vec<UnitResult> {
    let max = max_total(criteria);
    let columns: Vec<Option<usize>> = criteria
        .iter()
        .map(|c| cells.criterion_position(c.criterion_id))
        .collect();
    let mut out: Vec<UnitResult> = units
        .iter()
        .map(|&unit_id| {
            // In millionths of a point, so the total is the exact sum of decimal scores.
            let mut total: i64 = 0;
            let mut missing = 0;
            let mut scored = 0;
            let mut required_met = true;
            let row = cells.unit_position(unit_id);
            for (c, column) in criteria.iter().zip(&columns) {
                let pair = match (row, column) {
                    (Some(u), Some(k)) => cells.at(u, *k),
                    _ => (None, None),
                };
                let value = match which {
                    Which::SelfScore => pair.0,
                    Which::Appraised => pair.1,
                };
                match value {
                    Some(raw) => {
                        scored += 1;
                        let p = points(c, raw);
                        total += micro(p);
                        if c.required_for_pass && p + 1e-9 < c.max_points {
                            required_met = false;
                        }
                    }
                    None => {
                        // Bonus and penalty left empty mean none.
                        if c.kind.counts_toward_max() {
                            missing += 1;
                            if c.required_for_pass {
                                required_met = false;
                            }
                        }
                    }
                }
            }
            let total = from_micro(total.max(0));
            let pct = if max > 0.0 { total / max * 100.0 } else { 0.0 };
            // A total, rank, band or verdict only when every criterion that counts has its
            // value: a unit appraised on 1 of 26 is shown apart, never ranked (issue 12).
            let complete = scored > 0 && missing == 0;
            let passed = match set.pass_rule {
                _ if !complete => None,
                Some(PassRule::AllRequired) => Some(required_met),
                Some(PassRule::MinPercent) => Some(pct + 1e-9 >= set.pass_min_pct.unwrap_or(100.0)),
                None => None,
            };
            UnitResult {
                unit_id,
                total,
                pct_of_max: pct,
                rank: complete.then_some(0),
                band: if complete { band_for(bands, pct) } else { None },
                missing,
                passed,
                counted: criteria
                    .iter()
                    .filter(|c| c.kind.counts_toward_max())
                    .count(),
            }
        })
        .collect();
    let ranked: Vec<usize> = (0..out.len()).filter(|&i| out[i].rank.is_some()).collect();
    let totals: Vec<f64> = ranked.iter().map(|&i| out[i].total).collect();
    for (&i, rank) in ranked.iter().zip(competition_ranks(&totals)) {
        out[i].rank = Some(rank);
    }
    out
}

/// A unit's year: its monthly totals, their average, the year's rank and band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub unit_id: Uuid,
    /// Index 0 is January; `None` where the month has no complete result.
    pub monthly: Vec<Option<f64>>,
    pub average: Option<f64>,
    pub average_pct: Option<f64>,
    pub rank: Option<u32>,
    pub band: Option<usize>,
}

/// The year view: for each unit, the months with a complete result (ranked, nothing missing)
/// and their average; units ranked by the average (ties share a rank).
pub fn year_results(
    units: &[Uuid],
    months: &[(u32, Vec<UnitResult>)],
    bands: &[Band],
) -> Vec<YearRow> {
    // Each month's results by unit, looked up once a unit (3,300 units × 12 months).
    let by_unit: Vec<(u32, HashMap<Uuid, &UnitResult>)> = months
        .iter()
        .map(|(month, list)| (*month, list.iter().map(|r| (r.unit_id, r)).collect()))
        .collect();
    let mut rows: Vec<YearRow> = units
        .iter()
        .map(|&unit_id| {
            let mut monthly = vec![None; 12];
            let mut pcts = Vec::new();
            for (month, list) in &by_unit {
                let complete = list
                    .get(&unit_id)
                    .filter(|r| r.rank.is_some() && r.missing == 0);
                if let (Some(r), Some(slot)) =
                    (complete, monthly.get_mut((*month as usize).wrapping_sub(1)))
                {
                    *slot = Some(r.total);
                    pcts.push(r.pct_of_max);
                }
            }
            let totals: Vec<f64> = monthly.iter().flatten().copied().collect();
            let average =
                (!totals.is_empty()).then(|| totals.iter().sum::<f64>() / totals.len() as f64);
            let average_pct =
                (!pcts.is_empty()).then(|| pcts.iter().sum::<f64>() / pcts.len() as f64);
            YearRow {
                unit_id,
                monthly,
                average,
                average_pct,
                rank: None,
                band: average_pct.and_then(|p| band_for(bands, p)),
            }
        })
        .collect();
    let ranked: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].average.is_some())
        .collect();
    let averages: Vec<f64> = ranked.iter().filter_map(|&i| rows[i].average).collect();
    for (&i, rank) in ranked.iter().zip(competition_ranks(&averages)) {
        rows[i].rank = Some(rank);
    }
    rows
}

/// A change of a period's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transition {
    Finalize,
    Publish,
    /// Back to draft; needs a reason, written into the audit log.
    Reopen,
}

/// Why a transition is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WorkflowError {
    #[error("a {from:?} period cannot be {transition:?}d")]
    NotAllowed {
        from: PeriodStatus,
        transition: Transition,
    },
    #[error("reopening a period needs a reason")]
    ReasonRequired,
    #[error("the period is {}: scores cannot be changed", .0.label(Lang::En).to_lowercase())]
    Frozen(PeriodStatus),
    #[error(
        "the criteria set is locked: the period {period} is {}; reopen it to change the set",
        status.label(Lang::En).to_lowercase()
    )]
    SetLocked {
        period: String,
        status: PeriodStatus,
    },
    #[error("the period {0} already exists")]
    PeriodExists(String),
    #[error("the period {0} already holds scores")]
    PeriodNotEmpty(String),
    #[error("month {0} is not a period of this model")]
    BadMonth(u32),
}

impl WorkflowError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Vi => match self {
                WorkflowError::NotAllowed { from, transition } => format!(
                    "Không thể {} kỳ đang ở trạng thái \"{}\"",
                    match transition {
                        Transition::Finalize => "chốt",
                        Transition::Publish => "công bố",
                        Transition::Reopen => "mở lại",
                    },
                    from.label(Lang::Vi)
                ),
                WorkflowError::ReasonRequired => "Mở lại kỳ đã chốt cần ghi lý do".into(),
                WorkflowError::Frozen(status) => format!(
                    "Kỳ đã ở trạng thái \"{}\": không sửa được điểm",
                    status.label(Lang::Vi)
                ),
                WorkflowError::SetLocked { period, status } => format!(
                    "Bộ tiêu chí đã khóa: kỳ {period} {}; mở lại kỳ đó nếu cần sửa bộ tiêu chí",
                    status.label(Lang::Vi).to_lowercase()
                ),
                WorkflowError::PeriodExists(p) => format!("Kỳ {p} đã có"),
                WorkflowError::PeriodNotEmpty(p) => {
                    format!("Kỳ {p} đã có điểm; chỉ chép từ tháng trước vào kỳ còn trống")
                }
                WorkflowError::BadMonth(m) => {
                    format!("Tháng {m} không phải kỳ chấm điểm của mô hình này")
                }
            },
        }
    }
}

/// The status after `transition`, or why it is refused.
pub fn transition(
    from: PeriodStatus,
    transition: Transition,
    reason: Option<&str>,
) -> Result<PeriodStatus, WorkflowError> {
    use PeriodStatus::{Draft, Finalized, Published};
    match (from, transition) {
        (Draft, Transition::Finalize) => Ok(Finalized),
        (Finalized, Transition::Publish) => Ok(Published),
        (Finalized | Published, Transition::Reopen) => {
            if reason.is_some_and(|r| !r.trim().is_empty()) {
                Ok(Draft)
            } else {
                Err(WorkflowError::ReasonRequired)
            }
        }
        (from, transition) => Err(WorkflowError::NotAllowed { from, transition }),
    }
}

/// Scores may change only in a draft period.
pub fn check_editable(status: PeriodStatus) -> Result<(), WorkflowError> {
    match status {
        PeriodStatus::Draft => Ok(()),
        other => Err(WorkflowError::Frozen(other)),
    }
}

/// A criteria set is locked once any of its periods is finalized or published. `periods`
/// are (label, status) pairs; the refusal names the first locked one.
pub fn check_set_editable(periods: &[(String, PeriodStatus)]) -> Result<(), WorkflowError> {
    match periods.iter().find(|(_, s)| *s != PeriodStatus::Draft) {
        Some((period, status)) => Err(WorkflowError::SetLocked {
            period: period.clone(),
            status: *status,
        }),
        None => Ok(()),
    }
}

/// True for the kinds whose empty cell means "none" rather than "not scored".
pub fn empty_means_zero(kind: CriterionKind) -> bool {
    !kind.counts_toward_max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::Threshold;

    fn criterion(code: &str, kind: CriterionKind, max: f64) -> Criterion {
        Criterion {
            criterion_id: Uuid::new_v5(&Uuid::NAMESPACE_OID, code.as_bytes()),
            group_id: Uuid::nil(),
            code: code.into(),
            name: code.into(),
            guidance: String::new(),
            kind,
            max_points: max,
            step: if kind == CriterionKind::YesNo {
                max
            } else {
                0.5
            },
            rate_mode: None,
            thresholds: Vec::<Threshold>::new(),
            evidence_required: false,
            required_for_pass: false,
        }
    }

    fn set(pass_rule: Option<PassRule>) -> CriteriaSet {
        CriteriaSet {
            set_id: Uuid::nil(),
            model_id: Uuid::nil(),
            year: 2018,
            title: String::new(),
            decision_ref: String::new(),
            pass_rule,
            pass_min_pct: Some(80.0),
        }
    }

    fn bands() -> Vec<Band> {
        [
            ("Xuất sắc", 90.0),
            ("Tốt", 80.0),
            ("Khá", 65.0),
            ("Trung bình", 50.0),
            ("Yếu", 0.0),
        ]
        .into_iter()
        .map(|(name, lower)| Band {
            band_id: Uuid::new_v4(),
            set_id: Uuid::nil(),
            name: name.into(),
            lower_pct: lower,
            color: "#000000".into(),
        })
        .collect()
    }

    #[test]
    fn ranks_share_on_ties_and_skip() {
        assert_eq!(
            competition_ranks(&[90.0, 85.0, 85.0, 70.0]),
            vec![1, 2, 2, 4]
        );
        assert_eq!(
            competition_ranks(&[70.0, 85.0, 90.0, 85.0]),
            vec![4, 2, 1, 2]
        );
        assert_eq!(competition_ranks(&[50.0, 50.0, 50.0]), vec![1, 1, 1]);
        assert_eq!(competition_ranks(&[]), Vec::<u32>::new());
        // Equal to the hundredth of a point.
        assert_eq!(competition_ranks(&[80.004, 80.0]), vec![1, 1]);
    }

    #[test]
    fn bands_at_their_boundaries() {
        let b = bands();
        let name = |pct: f64| band_for(&b, pct).map(|i| b[i].name.clone());
        assert_eq!(name(90.0).as_deref(), Some("Xuất sắc"));
        assert_eq!(name(89.99).as_deref(), Some("Tốt"));
        assert_eq!(name(80.0).as_deref(), Some("Tốt"));
        assert_eq!(name(65.0).as_deref(), Some("Khá"));
        assert_eq!(name(49.99).as_deref(), Some("Yếu"));
        assert_eq!(name(0.0).as_deref(), Some("Yếu"));
        assert_eq!(band_for(&[], 50.0), None);
    }

    #[test]
    fn totals_with_bonus_penalty_and_missing_cells() {
        let criteria = vec![
            criterion("1", CriterionKind::Points, 60.0),
            criterion("2", CriterionKind::YesNo, 40.0),
            criterion("3", CriterionKind::Bonus, 5.0),
            criterion("4", CriterionKind::Penalty, 5.0),
        ];
        assert_eq!(max_total(&criteria), 100.0);
        let (a, b, c) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let mut cells = Cells::new();
        let id = |i: usize| criteria[i].criterion_id;
        cells.insert((a, id(0)), (Some(60.0), Some(50.0)));
        cells.insert((a, id(1)), (Some(1.0), Some(1.0)));
        cells.insert((a, id(2)), (Some(5.0), Some(2.0)));
        cells.insert((b, id(0)), (Some(55.0), Some(55.0)));
        cells.insert((b, id(1)), (Some(1.0), Some(1.0)));
        cells.insert((b, id(3)), (Some(3.0), Some(3.0)));
        // c: self-scored only: appraisal missing.
        cells.insert((c, id(0)), (Some(40.0), None));
        let r = results(
            &set(None),
            &criteria,
            &bands(),
            &[a, b, c],
            &cells,
            Which::Appraised,
        );
        assert_eq!(r[0].total, 92.0);
        assert_eq!(r[0].pct_of_max, 92.0);
        assert_eq!(r[0].rank, Some(1));
        assert_eq!(r[0].band, Some(0));
        assert_eq!(r[0].missing, 0);
        assert_eq!(r[1].total, 92.0, "55 + 40 - 3");
        assert_eq!(r[1].rank, Some(1), "a tie shares the rank");
        assert_eq!(r[2].rank, None, "nothing appraised: no rank");
        assert_eq!(r[2].missing, 2);
        let s = results(
            &set(None),
            &criteria,
            &bands(),
            &[a, b, c],
            &cells,
            Which::SelfScore,
        );
        assert_eq!(
            s[0].total, 105.0,
            "60 + 40 + 5: a bonus may take a unit past the maximum"
        );
        assert_eq!(s[0].band, Some(0));
        assert_eq!(s[2].rank, None, "self-scored on 1 of 2: not ranked");
        assert_eq!(s[2].missing, 1);
    }

    /// Issue 12, defect 2: a unit appraised on 1 of its criteria has no total, rank or band;
    /// it is counted apart (1 of 3 appraised), and the others are ranked without it.
    #[test]
    fn a_partly_appraised_unit_is_not_ranked() {
        let criteria = vec![
            criterion("1", CriterionKind::Points, 10.0),
            criterion("2", CriterionKind::Points, 10.0),
            criterion("3", CriterionKind::Points, 10.0),
            criterion("4", CriterionKind::Bonus, 5.0),
        ];
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let mut cells = Cells::new();
        for c in &criteria[..3] {
            cells.insert((a, c.criterion_id), (None, Some(5.0)));
        }
        cells.insert((b, criteria[0].criterion_id), (None, Some(10.0)));
        let r = results(
            &set(None),
            &criteria,
            &bands(),
            &[a, b],
            &cells,
            Which::Appraised,
        );
        assert_eq!(r[0].rank, Some(1));
        assert!(r[0].is_complete());
        assert_eq!(r[1].rank, None, "1 of 3 appraised: not ranked");
        assert_eq!(r[1].band, None, "nor banded");
        assert!(!r[1].is_complete());
        assert_eq!((r[1].appraised(), r[1].counted), (1, 3));
        assert_eq!(
            r[1].incomplete_text(Which::Appraised, Lang::Vi).as_deref(),
            Some("chưa thẩm định đủ: 1/3")
        );
        assert_eq!(r[0].incomplete_text(Which::Appraised, Lang::Vi), None);
        let pass = results(
            &set(Some(PassRule::MinPercent)),
            &criteria,
            &[],
            &[a, b],
            &cells,
            Which::Appraised,
        );
        assert_eq!(pass[1].passed, None, "not decided until complete");
    }

    /// Issue 12, defect 16: an exact 91,325 is published as 91,33 (half up on the decimal
    /// value), whatever binary floating point makes of the sum; equal published totals tie.
    #[test]
    fn totals_round_half_up_on_their_decimal_value() {
        let criteria: Vec<Criterion> = ["1", "2", "3"]
            .iter()
            .map(|c| {
                let mut k = criterion(c, CriterionKind::Points, 50.0);
                k.step = 0.005;
                k
            })
            .collect();
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let mut cells = Cells::new();
        for (c, v) in criteria.iter().zip([40.1, 30.2, 21.025]) {
            cells.insert((a, c.criterion_id), (None, Some(v)));
        }
        for (c, v) in criteria.iter().zip([40.0, 30.0, 21.33]) {
            cells.insert((b, c.criterion_id), (None, Some(v)));
        }
        let r = results(
            &set(None),
            &criteria,
            &[],
            &[a, b],
            &cells,
            Which::Appraised,
        );
        assert_eq!(round_half_up(r[0].total, 2), 91.33);
        assert_eq!(
            crate::domain::plan::format_number_in(r[0].total, Lang::Vi),
            "91,33"
        );
        assert_eq!(r[0].rank, r[1].rank, "both are published as 91,33: a tie");
    }

    #[test]
    fn half_up_rounding_of_decimals() {
        assert_eq!(round_half_up(91.325, 2), 91.33);
        assert_eq!(round_half_up(75.565, 2), 75.57);
        assert_eq!(round_half_up(2.675, 2), 2.68);
        assert_eq!(round_half_up(1.005, 2), 1.01);
        assert_eq!(round_half_up(0.05, 1), 0.1);
        assert_eq!(round_half_up(83.24999, 1), 83.2);
        assert_eq!(round_half_up(-1.005, 2), -1.01);
        assert_eq!(round_half_up(7.0, 2), 7.0);
        assert!(round_half_up(f64::NAN, 2).is_nan());
    }

    #[test]
    fn pass_fail_rules() {
        let mut criteria = vec![
            criterion("1", CriterionKind::YesNo, 50.0),
            criterion("2", CriterionKind::YesNo, 50.0),
        ];
        for c in &mut criteria {
            c.required_for_pass = true;
        }
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let mut cells = Cells::new();
        for c in &criteria {
            cells.insert((a, c.criterion_id), (None, Some(1.0)));
        }
        cells.insert((b, criteria[0].criterion_id), (None, Some(1.0)));
        cells.insert((b, criteria[1].criterion_id), (None, Some(0.0)));
        let r = results(
            &set(Some(PassRule::AllRequired)),
            &criteria,
            &[],
            &[a, b],
            &cells,
            Which::Appraised,
        );
        assert_eq!(r[0].passed, Some(true));
        assert_eq!(r[1].passed, Some(false));
        let r = results(
            &set(Some(PassRule::MinPercent)),
            &criteria,
            &[],
            &[a, b],
            &cells,
            Which::Appraised,
        );
        assert_eq!(r[0].passed, Some(true));
        assert_eq!(r[1].passed, Some(false), "50% < 80%");
    }

    #[test]
    fn the_year_averages_complete_months_and_ranks_them() {
        let (a, b, c) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let result = |unit_id, total: f64, missing| UnitResult {
            unit_id,
            total,
            pct_of_max: total,
            rank: Some(1),
            band: None,
            missing,
            passed: None,
            counted: 26,
        };
        let months = vec![
            (
                1,
                vec![result(a, 90.0, 0), result(b, 80.0, 0), result(c, 70.0, 3)],
            ),
            (
                2,
                vec![result(a, 70.0, 0), result(b, 80.0, 0), result(c, 60.0, 1)],
            ),
        ];
        let rows = year_results(&[a, b, c], &months, &bands());
        assert_eq!(rows[0].monthly[..2], [Some(90.0), Some(70.0)]);
        assert_eq!(rows[0].average, Some(80.0));
        assert_eq!(rows[0].rank, Some(1));
        assert_eq!(
            rows[1].rank,
            Some(1),
            "a tie on the average shares the rank"
        );
        assert_eq!(rows[0].band, Some(1), "80% is Tốt");
        assert_eq!(rows[2].average, None, "no complete month");
        assert_eq!(rows[2].rank, None);
    }

    #[test]
    fn period_workflow() {
        use PeriodStatus::*;
        assert_eq!(transition(Draft, Transition::Finalize, None), Ok(Finalized));
        assert_eq!(
            transition(Finalized, Transition::Publish, None),
            Ok(Published)
        );
        assert_eq!(
            transition(Published, Transition::Reopen, Some("sai số liệu")),
            Ok(Draft)
        );
        assert_eq!(
            transition(Finalized, Transition::Reopen, Some("  ")),
            Err(WorkflowError::ReasonRequired)
        );
        assert!(transition(Draft, Transition::Publish, None).is_err());
        assert!(transition(Draft, Transition::Reopen, Some("x")).is_err());
        assert!(transition(Published, Transition::Finalize, None).is_err());
        assert_eq!(check_editable(Draft), Ok(()));
        assert_eq!(
            check_editable(Finalized),
            Err(WorkflowError::Frozen(Finalized))
        );
        let p = |m: &str, s| (m.to_string(), s);
        assert_eq!(
            check_set_editable(&[p("01/2018", Draft), p("02/2018", Draft)]),
            Ok(())
        );
        let locked = check_set_editable(&[p("01/2018", Draft), p("02/2018", Published)]);
        assert_eq!(
            locked,
            Err(WorkflowError::SetLocked {
                period: "02/2018".into(),
                status: Published
            })
        );
        assert_eq!(
            locked.map_err(|e| e.message(Lang::Vi)),
            Err(
                "Bộ tiêu chí đã khóa: kỳ 02/2018 đã công bố; mở lại kỳ đó nếu cần sửa bộ tiêu chí"
                    .into()
            )
        );
    }
}
