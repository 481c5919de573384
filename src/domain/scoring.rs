//! Evaluation models (mô hình), their yearly criteria sets (bộ tiêu chí), bands and periods.
//! The scoring rules themselves (points by kind, totals, ranks) build on these types.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::lang::Lang;
use super::org::UnitKind;
use super::plan::slug_enum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cadence {
    Monthly,
    Yearly,
}
slug_enum!(Cadence { Monthly => "monthly", Yearly => "yearly" });

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub model_id: Uuid,
    /// Stable name for the command line: `ward-eoffice`, `one-stop`, `district-eoffice`.
    pub slug: String,
    pub name: String,
    pub cadence: Cadence,
    pub unit_kinds: Vec<UnitKind>,
    /// Recognition (meets the standard or not) rather than a ranked score.
    pub pass_fail: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PassRule {
    /// Every criterion marked required is met.
    AllRequired,
    /// The total reaches a minimum percentage of the maximum.
    MinPercent,
}
slug_enum!(PassRule { AllRequired => "all_required", MinPercent => "min_percent" });

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaSet {
    pub set_id: Uuid,
    pub model_id: Uuid,
    pub year: i32,
    pub title: String,
    pub decision_ref: String,
    pub pass_rule: Option<PassRule>,
    pub pass_min_pct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaGroup {
    pub group_id: Uuid,
    pub set_id: Uuid,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CriterionKind {
    /// Points judged within 0..max, in steps.
    Points,
    /// Max or 0.
    YesNo,
    /// A measured rate in %, turned into points.
    Rate,
    /// A count, turned into points by thresholds.
    Count,
    /// Adds, capped at max.
    Bonus,
    /// Subtracts, capped at max.
    Penalty,
}
slug_enum!(CriterionKind { Points => "points", YesNo => "yes_no", Rate => "rate", Count => "count",
    Bonus => "bonus", Penalty => "penalty" });

impl CriterionKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CriterionKind::Points => lang.pick("Chấm điểm", "Points"),
            CriterionKind::YesNo => lang.pick("Có/Không", "Yes/no"),
            CriterionKind::Rate => lang.pick("Tỷ lệ %", "Rate %"),
            CriterionKind::Count => lang.pick("Số lượng", "Count"),
            CriterionKind::Bonus => lang.pick("Điểm thưởng", "Bonus"),
            CriterionKind::Penalty => lang.pick("Điểm trừ", "Penalty"),
        }
    }

    /// Whether the criterion counts toward the maximum total (bonus and penalty do not).
    pub fn counts_toward_max(self) -> bool {
        !matches!(self, CriterionKind::Bonus | CriterionKind::Penalty)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RateMode {
    /// points = rate × max
    Proportional,
    /// points by the first threshold reached
    Thresholds,
}
slug_enum!(RateMode { Proportional => "proportional", Thresholds => "thresholds" });

/// "At least `at_least` (a rate in % or a count) gives `points`."
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub at_least: f64,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub criterion_id: Uuid,
    pub group_id: Uuid,
    pub code: String,
    pub name: String,
    pub guidance: String,
    pub kind: CriterionKind,
    pub max_points: f64,
    pub step: f64,
    pub rate_mode: Option<RateMode>,
    pub thresholds: Vec<Threshold>,
    pub evidence_required: bool,
    pub required_for_pass: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub band_id: Uuid,
    pub set_id: Uuid,
    pub name: String,
    /// Lower bound, in % of the maximum total.
    pub lower_pct: f64,
    /// "#RRGGBB"
    pub color: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodStatus {
    Draft,
    Finalized,
    Published,
}
slug_enum!(PeriodStatus { Draft => "draft", Finalized => "finalized", Published => "published" });

impl PeriodStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PeriodStatus::Draft => lang.pick("Đang chấm", "Draft"),
            PeriodStatus::Finalized => lang.pick("Đã chốt", "Finalized"),
            PeriodStatus::Published => lang.pick("Đã công bố", "Published"),
        }
    }
}

/// A scoring period: a month of a monthly model, or a whole year (`month == 0`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub period_id: Uuid,
    pub set_id: Uuid,
    pub month: u32,
    pub status: PeriodStatus,
}

impl Period {
    pub fn label(&self, year: i32, lang: Lang) -> String {
        if self.month == 0 {
            match lang {
                Lang::Vi => format!("Năm {year}"),
                Lang::En => format!("Year {year}"),
            }
        } else {
            format!("{:02}/{year}", self.month)
        }
    }
}

/// One unit's score on one criterion in one period: the raw value typed (points, 1/0 for
/// yes/no, a rate in %, a count), as self-assessed and as appraised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreCell {
    pub period_id: Uuid,
    pub unit_id: Uuid,
    pub criterion_id: Uuid,
    pub self_value: Option<f64>,
    pub appraised_value: Option<f64>,
    pub note: String,
    pub evidence: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_bonus_is_outside_the_maximum() {
        for k in CriterionKind::ALL {
            assert_eq!(CriterionKind::from_slug(k.slug()), Some(*k));
        }
        assert!(CriterionKind::Rate.counts_toward_max());
        assert!(!CriterionKind::Bonus.counts_toward_max());
        assert!(!CriterionKind::Penalty.counts_toward_max());
    }

    #[test]
    fn period_labels() {
        let p = Period {
            period_id: Uuid::nil(),
            set_id: Uuid::nil(),
            month: 3,
            status: PeriodStatus::Draft,
        };
        assert_eq!(p.label(2018, Lang::Vi), "03/2018");
        let y = Period { month: 0, ..p };
        assert_eq!(y.label(2017, Lang::Vi), "Năm 2017");
    }
}
