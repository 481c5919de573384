//! From what a person types in a score cell to points: parsing ("7,5", "có", "85%"),
//! validation by the criterion's kind, and conversion (rate × max, thresholds, caps).

use super::lang::Lang;
use super::plan::{format_number, format_number_in};
use super::scoring::{Criterion, CriterionKind, RateMode};

/// Why a typed value is not a valid score for a criterion. Numbers are kept as numbers and
/// written in the person's language when the message is ("7,5" in Vietnamese); what was typed
/// is cut with "…" when long, so a message never runs off the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreError {
    NotANumber(String),
    OutOfRange { value: f64, max: f64 },
    OffStep { value: f64, step: f64 },
    NotYesNo,
    NotWhole(f64),
}

/// At most this many characters of what was typed are echoed in a message.
const ECHOED: usize = 12;

/// What was typed, echoed: cut with "…" past [`ECHOED`] characters.
fn echoed(text: &str) -> String {
    if text.chars().count() > ECHOED {
        let kept: String = text.chars().take(ECHOED).collect();
        format!("{kept}…")
    } else {
        text.to_string()
    }
}

/// A number in a message, in the person's language.
fn number(value: f64, lang: Lang) -> String {
    if value.is_infinite() {
        "∞".into()
    } else {
        echoed(&format_number_in(value, lang))
    }
}

impl ScoreError {
    pub fn message(&self, lang: Lang) -> String {
        let n = |v: f64| number(v, lang);
        match (self, lang) {
            (ScoreError::NotANumber(s), Lang::Vi) => format!("\"{}\" không phải là số", echoed(s)),
            (ScoreError::NotANumber(s), Lang::En) => format!("\"{}\" is not a number", echoed(s)),
            (ScoreError::OutOfRange { value, max }, Lang::Vi) => {
                format!("{} nằm ngoài khoảng 0..{}", n(*value), n(*max))
            }
            (ScoreError::OutOfRange { value, max }, Lang::En) => {
                format!("{} is outside 0..{}", n(*value), n(*max))
            }
            (ScoreError::OffStep { value, step }, Lang::Vi) => {
                format!("{} không phải bội số của bước chấm {}", n(*value), n(*step))
            }
            (ScoreError::OffStep { value, step }, Lang::En) => {
                format!("{} is not a multiple of the step {}", n(*value), n(*step))
            }
            (ScoreError::NotYesNo, Lang::Vi) => "Nhập có (1) hoặc không (0)".into(),
            (ScoreError::NotYesNo, Lang::En) => "answer yes (1) or no (0)".into(),
            (ScoreError::NotWhole(v), Lang::Vi) => {
                format!("Số lượng phải là số nguyên, không phải {}", n(*v))
            }
            (ScoreError::NotWhole(v), Lang::En) => {
                format!("a count is a whole number, not {}", n(*v))
            }
        }
    }
}

impl std::fmt::Display for ScoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ScoreError {}

/// Reads a number as people type it: "7,5" (Vietnamese decimal comma) or "7.5", with an
/// optional "%" after a rate. Thousands separators are refused rather than guessed.
pub fn parse_number(text: &str) -> Result<f64, ScoreError> {
    let t = text.trim().trim_end_matches('%').trim();
    let normalized = t.replace(',', ".");
    if normalized.matches('.').count() > 1 || normalized.is_empty() {
        return Err(ScoreError::NotANumber(text.trim().to_string()));
    }
    normalized
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| ScoreError::NotANumber(text.trim().to_string()))
}

/// Reads and validates what was typed for `criterion`: the raw value to store.
/// Yes/no accepts 1/0, có/không, c/k, x (a tick), yes/no, đạt/không đạt.
pub fn parse_raw(criterion: &Criterion, text: &str) -> Result<f64, ScoreError> {
    if criterion.kind == CriterionKind::YesNo {
        let folded = super::text::fold(text.trim());
        return match folded.as_str() {
            "1" | "co" | "c" | "x" | "yes" | "y" | "dat" => Ok(1.0),
            "0" | "khong" | "k" | "no" | "n" | "khong dat" => Ok(0.0),
            _ => Err(ScoreError::NotYesNo),
        };
    }
    let value = parse_number(text)?;
    validate_raw(criterion, value)?;
    Ok(value)
}

const EPS: f64 = 1e-9;

/// Millionths: scores are typed with at most a few decimals and a rate times a maximum has at
/// most six, so a score or total is an exact number of millionths.
const MICRO: f64 = 1e6;

/// A score or total as its exact decimal value, in millionths (what binary floating point
/// made of 91,325 — 91,32499999… — is 91 325 000 millionths again).
pub fn micro(value: f64) -> i64 {
    (value * MICRO).round() as i64
}

/// The nearest binary number to a decimal value held in millionths.
pub fn from_micro(micro: i64) -> f64 {
    micro as f64 / MICRO
}

/// Rounds a published figure to `places` decimals (at most 6), half away from zero, on the
/// decimal value it stands for, as a hand calculation and Excel's ROUND do: 91,325 → 91,33
/// (Rust's own rounding of the binary value gives 91,32).
pub fn round_half_up(value: f64, places: u32) -> f64 {
    if !value.is_finite() || value.abs() >= 1e12 {
        return value;
    }
    let places = places.min(6);
    let unit = 10i64.pow(6 - places);
    let m = micro(value);
    let q = (m.abs() + unit / 2) / unit;
    m.signum() as f64 * q as f64 / 10f64.powi(places as i32)
}

/// Checks a raw value against the criterion's kind, range and step.
pub fn validate_raw(criterion: &Criterion, value: f64) -> Result<(), ScoreError> {
    let out_of_range = |max: f64| ScoreError::OutOfRange { value, max };
    match criterion.kind {
        CriterionKind::YesNo => {
            if value == 0.0 || value == 1.0 {
                Ok(())
            } else {
                Err(ScoreError::NotYesNo)
            }
        }
        CriterionKind::Rate => {
            if (0.0..=100.0).contains(&value) {
                Ok(())
            } else {
                Err(out_of_range(100.0))
            }
        }
        CriterionKind::Count => {
            if value < 0.0 {
                Err(out_of_range(f64::INFINITY))
            } else if value.fract().abs() > EPS {
                Err(ScoreError::NotWhole(value))
            } else {
                Ok(())
            }
        }
        CriterionKind::Points | CriterionKind::Bonus | CriterionKind::Penalty => {
            if !(0.0..=criterion.max_points + EPS).contains(&value) {
                return Err(out_of_range(criterion.max_points));
            }
            let steps = value / criterion.step;
            if (steps - steps.round()).abs() > 1e-6 {
                return Err(ScoreError::OffStep {
                    value,
                    step: criterion.step,
                });
            }
            Ok(())
        }
    }
}

/// The points a valid raw value earns: positive for the base criteria and bonuses, negative
/// for penalties; never beyond the criterion's maximum.
pub fn points(criterion: &Criterion, raw: f64) -> f64 {
    let max = criterion.max_points;
    let by_thresholds = |value: f64| {
        criterion
            .thresholds
            .iter()
            .filter(|t| value + EPS >= t.at_least)
            .map(|t| t.points)
            .fold(0.0_f64, f64::max)
            .min(max)
    };
    match criterion.kind {
        CriterionKind::Points => raw.clamp(0.0, max),
        CriterionKind::YesNo => {
            if raw >= 0.5 {
                max
            } else {
                0.0
            }
        }
        CriterionKind::Rate => match criterion.rate_mode {
            Some(RateMode::Thresholds) => by_thresholds(raw),
            _ => (raw.clamp(0.0, 100.0) / 100.0 * max).min(max),
        },
        CriterionKind::Count => by_thresholds(raw),
        CriterionKind::Bonus => raw.clamp(0.0, max),
        CriterionKind::Penalty => -raw.clamp(0.0, max),
    }
}

/// How a raw value reads in a cell: "7,5" / "7.5", "Có"/"Yes", "85%".
pub fn display_raw(criterion: &Criterion, raw: f64, lang: Lang) -> String {
    let number = |v: f64| match lang {
        Lang::Vi => format_number(v).replace('.', ","),
        Lang::En => format_number(v),
    };
    match criterion.kind {
        CriterionKind::YesNo => {
            if raw >= 0.5 {
                lang.pick("Có", "Yes").into()
            } else {
                lang.pick("Không", "No").into()
            }
        }
        CriterionKind::Rate => format!("{}%", number(raw)),
        _ => number(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::Threshold;
    use uuid::Uuid;

    fn criterion(kind: CriterionKind, max: f64, step: f64) -> Criterion {
        Criterion {
            criterion_id: Uuid::nil(),
            group_id: Uuid::nil(),
            code: "1.1".into(),
            name: "x".into(),
            guidance: String::new(),
            kind,
            max_points: max,
            step,
            rate_mode: None,
            thresholds: vec![],
            evidence_required: false,
            required_for_pass: false,
        }
    }

    #[test]
    fn numbers_with_comma_or_dot() {
        assert_eq!(parse_number("7,5"), Ok(7.5));
        assert_eq!(parse_number(" 7.5 "), Ok(7.5));
        assert_eq!(parse_number("85%"), Ok(85.0));
        assert!(parse_number("1.000,5").is_err());
        assert!(parse_number("abc").is_err());
        assert!(parse_number("").is_err());
        assert!(parse_number("NaN").is_err());
        assert!(parse_number("inf").is_err());
    }

    #[test]
    fn points_kind_checks_range_and_step() {
        let c = criterion(CriterionKind::Points, 4.0, 0.5);
        assert_eq!(parse_raw(&c, "3,5"), Ok(3.5));
        assert_eq!(
            parse_raw(&c, "3,3"),
            Err(ScoreError::OffStep {
                value: 3.3,
                step: 0.5
            })
        );
        assert_eq!(
            parse_raw(&c, "4,5"),
            Err(ScoreError::OutOfRange {
                value: 4.5,
                max: 4.0
            })
        );
        assert!(parse_raw(&c, "-1").is_err());
        assert_eq!(points(&c, 3.5), 3.5);
        let quarter = criterion(CriterionKind::Points, 2.0, 0.25);
        assert_eq!(parse_raw(&quarter, "1,75"), Ok(1.75));
    }

    #[test]
    fn yes_no_in_words() {
        let c = criterion(CriterionKind::YesNo, 3.0, 3.0);
        for yes in ["1", "có", "Có", "x", "yes", "Đạt"] {
            assert_eq!(parse_raw(&c, yes), Ok(1.0), "{yes}");
        }
        for no in ["0", "không", "Không", "no", "k"] {
            assert_eq!(parse_raw(&c, no), Ok(0.0), "{no}");
        }
        assert_eq!(parse_raw(&c, "2"), Err(ScoreError::NotYesNo));
        assert_eq!(points(&c, 1.0), 3.0);
        assert_eq!(points(&c, 0.0), 0.0);
    }

    #[test]
    fn rates_proportional_and_by_thresholds() {
        let mut c = criterion(CriterionKind::Rate, 8.0, 0.01);
        c.rate_mode = Some(RateMode::Proportional);
        assert_eq!(points(&c, 75.0), 6.0);
        assert_eq!(points(&c, 100.0), 8.0);
        assert!(parse_raw(&c, "100,5").is_err());
        c.rate_mode = Some(RateMode::Thresholds);
        c.thresholds = vec![
            Threshold {
                at_least: 98.0,
                points: 8.0,
            },
            Threshold {
                at_least: 90.0,
                points: 6.0,
            },
            Threshold {
                at_least: 50.0,
                points: 2.0,
            },
        ];
        assert_eq!(points(&c, 98.0), 8.0, "a threshold is reached at its value");
        assert_eq!(points(&c, 97.99), 6.0);
        assert_eq!(points(&c, 49.9), 0.0);
    }

    #[test]
    fn counts_are_whole_and_use_thresholds() {
        let mut c = criterion(CriterionKind::Count, 5.0, 1.0);
        c.thresholds = vec![
            Threshold {
                at_least: 20.0,
                points: 5.0,
            },
            Threshold {
                at_least: 1.0,
                points: 1.0,
            },
        ];
        assert_eq!(parse_raw(&c, "2,5"), Err(ScoreError::NotWhole(2.5)));
        assert_eq!(parse_raw(&c, "25"), Ok(25.0));
        assert_eq!(points(&c, 25.0), 5.0);
        assert_eq!(points(&c, 0.0), 0.0);
    }

    #[test]
    fn bonus_and_penalty_are_capped_at_their_maximum() {
        let bonus = criterion(CriterionKind::Bonus, 3.0, 0.5);
        let penalty = criterion(CriterionKind::Penalty, 5.0, 1.0);
        assert_eq!(points(&bonus, 2.5), 2.5);
        assert_eq!(points(&bonus, 9.0), 3.0);
        assert_eq!(points(&penalty, 2.0), -2.0);
        assert_eq!(points(&penalty, 9.0), -5.0);
        assert!(parse_raw(&penalty, "6").is_err());
    }

    #[test]
    fn messages_in_both_languages() {
        let e = ScoreError::OutOfRange {
            value: 4.5,
            max: 4.0,
        };
        assert_eq!(e.message(Lang::Vi), "4,5 nằm ngoài khoảng 0..4");
        assert_eq!(e.message(Lang::En), "4.5 is outside 0..4");
    }

    /// Issue 12, defects 6 and 14: "7,5" typed is echoed "7,5" in Vietnamese, and a long value
    /// is cut with "…" instead of running across the screen.
    #[test]
    fn a_refused_value_is_echoed_in_the_person_s_notation_and_cut_when_long() {
        let c = criterion(CriterionKind::Points, 4.0, 0.5);
        let e = parse_raw(&c, "7,5").expect_err("out of range");
        assert_eq!(e.message(Lang::Vi), "7,5 nằm ngoài khoảng 0..4");
        let long = parse_raw(&c, "5670123456701234567012345").expect_err("out of range");
        let shown = long.message(Lang::Vi);
        assert!(shown.contains('…') && shown.chars().count() < 50, "{shown}");
        let typed = parse_raw(&c, &"x".repeat(300)).expect_err("not a number");
        assert!(typed.message(Lang::En).chars().count() < 40);
    }
}
