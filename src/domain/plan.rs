//! Plans (kế hoạch), their targets (chỉ tiêu) and tasks (nhiệm vụ).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::deadline::Deadline;
use super::lang::Lang;

/// Generates `slug()`, `from_slug()` and `ALL` for a plain enum stored as text.
macro_rules! slug_enum {
    ($name:ident { $($variant:ident => $slug:literal),+ $(,)? }) => {
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }
            pub fn from_slug(slug: &str) -> Option<Self> {
                match slug { $($slug => Some($name::$variant),)+ _ => None }
            }
        }
    };
}
pub(crate) use slug_enum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanLevel {
    Government,
    City,
    Province,
    District,
    Commune,
    Ward,
    Committee,
}
slug_enum!(PlanLevel { Government => "government", City => "city", Province => "province",
    District => "district", Commune => "commune", Ward => "ward", Committee => "committee" });

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanStatus {
    Draft,
    InForce,
    Completed,
    Superseded,
}
slug_enum!(PlanStatus { Draft => "draft", InForce => "in_force", Completed => "completed",
    Superseded => "superseded" });

impl PlanStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PlanStatus::Draft => lang.pick("Dự thảo", "Draft"),
            PlanStatus::InForce => lang.pick("Đang thực hiện", "In force"),
            PlanStatus::Completed => lang.pick("Đã hoàn thành", "Completed"),
            PlanStatus::Superseded => lang.pick("Đã thay thế", "Superseded"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub plan_id: Uuid,
    /// The document's number and sign, e.g. "112/KH-UBND"; empty when unknown.
    pub number: String,
    pub title: String,
    pub issuer: String,
    pub level: PlanLevel,
    pub issued_on: Option<NaiveDate>,
    pub start_year: i32,
    pub end_year: i32,
    /// "định hướng đến 2025"
    pub orientation_year: Option<i32>,
    pub parent_id: Option<Uuid>,
    pub legal_basis: String,
    pub status: PlanStatus,
}

impl Plan {
    /// How lists name a plan: "112/KH-UBND — Kế hoạch …", or its title and period when it has
    /// no number.
    pub fn name(&self, lang: Lang) -> String {
        if self.number.is_empty() {
            format!("{} ({})", self.title, self.period_label(lang))
        } else {
            format!("{} — {}", self.number, self.title)
        }
    }

    /// "2019", "2019–2020", "2019–2020, định hướng 2025".
    pub fn period_label(&self, lang: Lang) -> String {
        let mut s = if self.start_year == self.end_year {
            self.start_year.to_string()
        } else {
            format!("{}–{}", self.start_year, self.end_year)
        };
        if let Some(y) = self.orientation_year {
            s.push_str(&match lang {
                Lang::Vi => format!(", định hướng {y}"),
                Lang::En => format!(", towards {y}"),
            });
        }
        s
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetKind {
    Percent,
    Count,
    YesNo,
}
slug_enum!(TargetKind { Percent => "percent", Count => "count", YesNo => "yes_no" });

/// Whether a target is one number for the body, or counted over its units
/// ("100% of wards connected" is the share of wards that are).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetScope {
    Body,
    Units,
}
slug_enum!(TargetScope { Body => "body", Units => "units" });

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparison {
    AtLeast,
    MoreThan,
    AtMost,
}
slug_enum!(Comparison { AtLeast => "at_least", MoreThan => "more_than", AtMost => "at_most" });

impl Comparison {
    /// In words: the bundled font has no "≥" sign, and words read better on a projector.
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Comparison::AtLeast => lang.pick("tối thiểu", "at least"),
            Comparison::MoreThan => lang.pick("trên", "over"),
            Comparison::AtMost => lang.pick("tối đa", "at most"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub target_id: Uuid,
    pub plan_id: Uuid,
    pub code: String,
    pub text: String,
    pub kind: TargetKind,
    pub scope: TargetScope,
    pub comparison: Comparison,
    pub baseline: Option<f64>,
    pub target_value: f64,
    pub deadline: Option<Deadline>,
}

impl Target {
    /// "tối thiểu 80%", "trên 98%", "100%".
    pub fn goal_label(&self, lang: Lang) -> String {
        let unit = if self.kind == TargetKind::Percent {
            "%"
        } else {
            ""
        };
        let value = format_number(self.target_value);
        match (self.comparison, self.kind) {
            (Comparison::AtLeast, TargetKind::Percent) if self.target_value >= 100.0 => {
                format!("{value}{unit}")
            }
            (cmp, _) => format!("{} {value}{unit}", cmp.words(lang)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub measurement_id: Uuid,
    pub target_id: Uuid,
    pub value: f64,
    pub as_of: NaiveDate,
    pub source: String,
}

/// One unit's state for a target counted over units, as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitCheck {
    pub check_id: Uuid,
    pub target_id: Uuid,
    pub unit_id: Uuid,
    pub as_of: NaiveDate,
    pub met: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}
slug_enum!(TaskStatus { NotStarted => "not_started", InProgress => "in_progress", Done => "done",
    Cancelled => "cancelled" });

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub task_id: Uuid,
    pub plan_id: Uuid,
    pub text: String,
    pub unit_ids: Vec<Uuid>,
    pub deadline: Option<Deadline>,
    pub status: TaskStatus,
    pub note: String,
}

/// A number as Vietnamese officials write it in tables: no trailing zeros ("98", "96.5").
pub fn format_number(value: f64) -> String {
    let value = super::points::round_half_up(value, 2);
    if value.fract().abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// [`format_number`] with the person's decimal separator: "7,5" in Vietnamese, "7.5" in English.
pub fn format_number_in(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format_number(value).replace('.', ","),
        Lang::En => format_number(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_separator_follows_the_language() {
        assert_eq!(format_number_in(7.5, Lang::Vi), "7,5");
        assert_eq!(format_number_in(7.5, Lang::En), "7.5");
        assert_eq!(format_number_in(70.33, Lang::Vi), "70,33");
    }

    #[test]
    fn slugs_round_trip() {
        for s in TaskStatus::ALL {
            assert_eq!(TaskStatus::from_slug(s.slug()), Some(*s));
        }
        for l in PlanLevel::ALL {
            assert_eq!(PlanLevel::from_slug(l.slug()), Some(*l));
        }
        assert_eq!(PlanStatus::from_slug("nope"), None);
    }

    #[test]
    fn goals_read_like_the_plan() {
        let mut t = Target {
            target_id: Uuid::nil(),
            plan_id: Uuid::nil(),
            code: "1".into(),
            text: String::new(),
            kind: TargetKind::Percent,
            scope: TargetScope::Body,
            comparison: Comparison::MoreThan,
            baseline: None,
            target_value: 98.0,
            deadline: None,
        };
        assert_eq!(t.goal_label(Lang::Vi), "trên 98%");
        assert_eq!(t.goal_label(Lang::En), "over 98%");
        t.comparison = Comparison::AtLeast;
        t.target_value = 100.0;
        assert_eq!(t.goal_label(Lang::Vi), "100%");
        assert_eq!(format_number(96.5), "96.5");
    }
}
