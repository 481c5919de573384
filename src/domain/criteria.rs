//! A criteria set as one editable whole (its groups, criteria, bands and pass rule), the rules
//! a set must satisfy before it is saved, next year's set made from this year's, and a month
//! started from the month before.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use super::error::RuleError;
use super::lang::Lang;
use super::plan::format_number;
use super::results::Cells;
use super::scoring::{
    Band, CriteriaGroup, CriteriaSet, Criterion, CriterionKind, PassRule, RateMode,
};
use super::text::{clean_name, clean_text};

/// Longest criterion name and guidance the editor accepts.
pub const MAX_CRITERION_NAME: usize = 500;
pub const MAX_GUIDANCE: usize = 4000;
/// Largest maximum a single criterion may have (the schema's bound).
pub const MAX_POINTS: f64 = 1000.0;

/// A criteria set with everything in it, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetDefinition {
    pub set: CriteriaSet,
    pub groups: Vec<CriteriaGroup>,
    /// Group by group, in the order shown.
    pub criteria: Vec<Criterion>,
    /// Highest lower bound first.
    pub bands: Vec<Band>,
}

/// What a problem in a set is about, named the way the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A group, by its position (1-based) and code.
    Group(usize, String),
    /// A criterion, by its position (1-based) and code.
    Criterion(usize, String),
    /// A band, by its position (1-based) and name.
    Band(usize, String),
    /// The set itself (title, decision).
    Set,
}

impl Item {
    pub fn label(&self, lang: Lang) -> String {
        let named = |vi: &str, en: &str, n: &usize, text: &String| {
            let word = lang.pick(vi, en);
            if text.trim().is_empty() {
                format!("{word} #{n}")
            } else {
                format!("{word} {}", text.trim())
            }
        };
        match self {
            Item::Group(n, code) => named("nhóm", "group", n, code),
            Item::Criterion(n, code) => named("tiêu chí", "criterion", n, code),
            Item::Band(n, name) => named("xếp loại", "band", n, name),
            Item::Set => lang.pick("bộ tiêu chí", "the set").to_string(),
        }
    }
}

/// Why a criteria set cannot be saved as it is.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DefinitionError {
    #[error("{}: {error}", item.label(Lang::En))]
    Text { item: Item, error: RuleError },
    #[error("{}: the code is empty", item.label(Lang::En))]
    EmptyCode { item: Item },
    #[error("{}: the code is longer than 20 characters", item.label(Lang::En))]
    LongCode { item: Item },
    #[error("the code \"{0}\" is used twice")]
    DuplicateCode(String),
    #[error("{}: the criterion belongs to no group of this set", item.label(Lang::En))]
    NoGroup { item: Item },
    #[error("{}: the maximum must be above 0 and at most 1000 (given {})", item.label(Lang::En), format_number(*max))]
    BadMax { item: Item, max: f64 },
    #[error("{}: the step must be above 0 and at most the maximum (given {})", item.label(Lang::En), format_number(*step))]
    BadStep { item: Item, step: f64 },
    #[error("{}: give at least one threshold (\"from … gives … points\")", item.label(Lang::En))]
    ThresholdsNeeded { item: Item },
    #[error("{}: a threshold gives {} points, above the maximum {}", item.label(Lang::En), format_number(*points), format_number(*max))]
    ThresholdAboveMax { item: Item, points: f64, max: f64 },
    #[error("{}: a threshold's bound must be {range}", item.label(Lang::En))]
    BadThresholdBound { item: Item, range: &'static str },
    #[error("{}: the lower bound must be between 0 and 100% (given {})", item.label(Lang::En), format_number(*pct))]
    BadBandBound { item: Item, pct: f64 },
    #[error("two bands start at {}%", format_number(*.0))]
    DuplicateBandBound(f64),
    #[error("{}: the colour \"{color}\" is not #RRGGBB", item.label(Lang::En))]
    BadColor { item: Item, color: String },
    #[error("a pass/fail model needs a pass rule")]
    PassRuleNeeded,
    #[error("the pass rule needs a minimum between 0 and 100%")]
    PassMinNeeded,
    #[error("the pass rule \"all required criteria\" needs at least one criterion marked required")]
    NoRequiredCriterion,
    #[error("there is already a criteria set for {0}")]
    YearTaken(i32),
    #[error("criterion {code} has {cells} scored cells and cannot be removed")]
    CriterionHasScores { code: String, cells: i64 },
    #[error("the criteria set of {0} already has scoring periods and cannot be removed")]
    SetHasPeriods(i32),
}

impl DefinitionError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let vi = |item: &Item| item.label(Lang::Vi);
        let n = |v: &f64| format_number(*v).replace('.', ",");
        match self {
            DefinitionError::Text { item, error } => {
                format!("{}: {}", vi(item), error.message(lang))
            }
            DefinitionError::EmptyCode { item } => format!("{}: chưa có mã", vi(item)),
            DefinitionError::LongCode { item } => format!("{}: mã dài quá 20 ký tự", vi(item)),
            DefinitionError::DuplicateCode(code) => format!("Mã \"{code}\" bị dùng hai lần"),
            DefinitionError::NoGroup { item } => {
                format!("{}: tiêu chí không thuộc nhóm nào của bộ này", vi(item))
            }
            DefinitionError::BadMax { item, max } => format!(
                "{}: điểm tối đa phải lớn hơn 0 và không quá 1000 (đang là {})",
                vi(item),
                n(max)
            ),
            DefinitionError::BadStep { item, step } => format!(
                "{}: bước điểm phải lớn hơn 0 và không quá điểm tối đa (đang là {})",
                vi(item),
                n(step)
            ),
            DefinitionError::ThresholdsNeeded { item } => format!(
                "{}: cần ít nhất một ngưỡng (\"từ … được … điểm\")",
                vi(item)
            ),
            DefinitionError::ThresholdAboveMax { item, points, max } => format!(
                "{}: một ngưỡng cho {} điểm, vượt điểm tối đa {}",
                vi(item),
                n(points),
                n(max)
            ),
            DefinitionError::BadThresholdBound { item, range } => format!(
                "{}: mức của ngưỡng phải {}",
                vi(item),
                if *range == "0–100%" {
                    "trong khoảng 0–100%"
                } else {
                    "là số không âm"
                }
            ),
            DefinitionError::BadBandBound { item, pct } => format!(
                "{}: cận dưới phải trong khoảng 0–100% (đang là {})",
                vi(item),
                n(pct)
            ),
            DefinitionError::DuplicateBandBound(pct) => {
                format!("Hai mức xếp loại cùng bắt đầu từ {}%", n(pct))
            }
            DefinitionError::BadColor { item, color } => {
                format!("{}: màu \"{color}\" không đúng dạng #RRGGBB", vi(item))
            }
            DefinitionError::PassRuleNeeded => {
                "Mô hình đạt/không đạt cần có quy tắc công nhận".into()
            }
            DefinitionError::PassMinNeeded => {
                "Quy tắc công nhận cần mức tối thiểu trong khoảng 0–100%".into()
            }
            DefinitionError::NoRequiredCriterion => {
                "Quy tắc \"đạt mọi tiêu chí bắt buộc\" cần ít nhất một tiêu chí bắt buộc".into()
            }
            DefinitionError::YearTaken(year) => format!("Đã có bộ tiêu chí năm {year}"),
            DefinitionError::CriterionHasScores { code, cells } => format!(
                "Tiêu chí {code} đã có {cells} ô điểm nên không xóa được; hãy xóa điểm trước"
            ),
            DefinitionError::SetHasPeriods(year) => {
                format!("Bộ tiêu chí năm {year} đã có kỳ chấm điểm nên không xóa được")
            }
        }
    }
}

fn check_code(raw: &str, item: &Item) -> Result<String, DefinitionError> {
    let code = clean_text(raw, 100).map_err(|error| DefinitionError::Text {
        item: item.clone(),
        error,
    })?;
    if code.is_empty() {
        return Err(DefinitionError::EmptyCode { item: item.clone() });
    }
    if code.chars().count() > 20 {
        return Err(DefinitionError::LongCode { item: item.clone() });
    }
    Ok(code)
}

/// "#RRGGBB" exactly, as `domain::colour` reads it.
fn valid_color(color: &str) -> bool {
    color.trim() == color && super::colour::Rgb::parse(color).is_some()
}

/// Checks a set and returns it cleaned: names and codes trimmed (NFC), thresholds highest
/// first, fields that do not apply to a criterion's kind cleared, bands highest first.
pub fn check_definition(
    def: &SetDefinition,
    pass_fail: bool,
) -> Result<SetDefinition, DefinitionError> {
    let mut out = def.clone();
    let text = |raw: &str, max: usize, item: &Item| {
        clean_text(raw, max).map_err(|error| DefinitionError::Text {
            item: item.clone(),
            error,
        })
    };
    out.set.title = text(&def.set.title, 300, &Item::Set)?;
    out.set.decision_ref = text(&def.set.decision_ref, 300, &Item::Set)?;
    let mut codes = HashSet::new();
    let mut group_ids = HashSet::new();
    for (i, g) in out.groups.iter_mut().enumerate() {
        let item = Item::Group(i + 1, g.code.clone());
        g.code = check_code(&g.code, &item)?;
        if !codes.insert(g.code.to_lowercase()) {
            return Err(DefinitionError::DuplicateCode(g.code.clone()));
        }
        g.name = clean_name(&g.name).map_err(|error| DefinitionError::Text { item, error })?;
        g.set_id = def.set.set_id;
        group_ids.insert(g.group_id);
    }
    let mut criterion_codes = HashSet::new();
    for (i, c) in out.criteria.iter_mut().enumerate() {
        let item = Item::Criterion(i + 1, c.code.clone());
        c.code = check_code(&c.code, &item)?;
        if !criterion_codes.insert(c.code.to_lowercase()) {
            return Err(DefinitionError::DuplicateCode(c.code.clone()));
        }
        if !group_ids.contains(&c.group_id) {
            return Err(DefinitionError::NoGroup { item });
        }
        c.name = text(&c.name, MAX_CRITERION_NAME, &item)?;
        if c.name.is_empty() {
            return Err(DefinitionError::Text {
                item,
                error: RuleError::EmptyName,
            });
        }
        c.guidance = text(&c.guidance, MAX_GUIDANCE, &item)?;
        if !(c.max_points > 0.0 && c.max_points <= MAX_POINTS) {
            return Err(DefinitionError::BadMax {
                item,
                max: c.max_points,
            });
        }
        match c.kind {
            CriterionKind::Points | CriterionKind::Bonus | CriterionKind::Penalty => {
                if !(c.step > 0.0 && c.step <= c.max_points) {
                    return Err(DefinitionError::BadStep { item, step: c.step });
                }
            }
            // No step is typed for these; keep the schema's rule (0 < step <= max).
            _ => {
                if !(c.step > 0.0 && c.step <= c.max_points) {
                    c.step = c.max_points.min(1.0);
                }
            }
        }
        let uses_thresholds = match c.kind {
            CriterionKind::Count => true,
            CriterionKind::Rate => {
                let mode = c.rate_mode.unwrap_or(RateMode::Proportional);
                c.rate_mode = Some(mode);
                mode == RateMode::Thresholds
            }
            _ => {
                c.rate_mode = None;
                false
            }
        };
        if uses_thresholds {
            if c.thresholds.is_empty() {
                return Err(DefinitionError::ThresholdsNeeded { item });
            }
            for t in &c.thresholds {
                if !(t.points >= 0.0 && t.points <= c.max_points) {
                    return Err(DefinitionError::ThresholdAboveMax {
                        item,
                        points: t.points,
                        max: c.max_points,
                    });
                }
                let bound_ok = match c.kind {
                    CriterionKind::Rate => (0.0..=100.0).contains(&t.at_least),
                    _ => t.at_least >= 0.0 && t.at_least.is_finite(),
                };
                if !bound_ok {
                    return Err(DefinitionError::BadThresholdBound {
                        item,
                        range: if c.kind == CriterionKind::Rate {
                            "0–100%"
                        } else {
                            "0 or more"
                        },
                    });
                }
            }
            c.thresholds
                .sort_by(|a, b| b.at_least.total_cmp(&a.at_least));
        } else {
            c.thresholds.clear();
        }
        if !pass_fail {
            c.required_for_pass = false;
        }
    }
    let mut bounds = HashSet::new();
    for (i, b) in out.bands.iter_mut().enumerate() {
        let item = Item::Band(i + 1, b.name.clone());
        b.name = clean_name(&b.name).map_err(|error| DefinitionError::Text {
            item: item.clone(),
            error,
        })?;
        if !(0.0..=100.0).contains(&b.lower_pct) {
            return Err(DefinitionError::BadBandBound {
                item,
                pct: b.lower_pct,
            });
        }
        if !bounds.insert(b.lower_pct.to_bits()) {
            return Err(DefinitionError::DuplicateBandBound(b.lower_pct));
        }
        b.color = b.color.trim().to_uppercase();
        if !valid_color(&b.color) {
            return Err(DefinitionError::BadColor {
                item,
                color: b.color.clone(),
            });
        }
        b.set_id = def.set.set_id;
    }
    out.bands
        .sort_by(|a, b| b.lower_pct.total_cmp(&a.lower_pct));
    if pass_fail {
        match out.set.pass_rule {
            None => return Err(DefinitionError::PassRuleNeeded),
            Some(PassRule::MinPercent) => match out.set.pass_min_pct {
                Some(p) if (0.0..=100.0).contains(&p) => {}
                _ => return Err(DefinitionError::PassMinNeeded),
            },
            Some(PassRule::AllRequired) => {
                out.set.pass_min_pct = None;
                if !out.criteria.iter().any(|c| c.required_for_pass) {
                    return Err(DefinitionError::NoRequiredCriterion);
                }
            }
        }
    } else {
        out.set.pass_rule = None;
        out.set.pass_min_pct = None;
    }
    Ok(out)
}

/// Next year's set made from this one: the same groups, criteria and bands under new
/// identities (scores of the old year stay with the old set), the year in the title moved on,
/// and the decision left for the new year's.
pub fn copy_for_year(def: &SetDefinition, year: i32) -> SetDefinition {
    let set_id = Uuid::new_v4();
    let old_year = def.set.year.to_string();
    let mut group_map = HashMap::new();
    let groups = def
        .groups
        .iter()
        .map(|g| {
            let group_id = Uuid::new_v4();
            group_map.insert(g.group_id, group_id);
            CriteriaGroup {
                group_id,
                set_id,
                ..g.clone()
            }
        })
        .collect();
    let criteria = def
        .criteria
        .iter()
        .map(|c| Criterion {
            criterion_id: Uuid::new_v4(),
            group_id: group_map.get(&c.group_id).copied().unwrap_or(c.group_id),
            ..c.clone()
        })
        .collect();
    let bands = def
        .bands
        .iter()
        .map(|b| Band {
            band_id: Uuid::new_v4(),
            set_id,
            ..b.clone()
        })
        .collect();
    SetDefinition {
        set: CriteriaSet {
            set_id,
            year,
            title: def.set.title.replace(&old_year, &year.to_string()),
            decision_ref: String::new(),
            ..def.set.clone()
        },
        groups,
        criteria,
        bands,
    }
}

/// One cell written whole: both scores, the note and the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FilledCell {
    pub unit_id: Uuid,
    pub criterion_id: Uuid,
    pub self_value: Option<f64>,
    pub appraised_value: Option<f64>,
    pub note: String,
    pub evidence: String,
}

/// The cells of a new month started from the month before: every score of a unit still
/// scored, on a criterion of the same code (the month before may belong to last year's set).
/// Notes are not carried over: they were about that month.
pub fn carry_over(
    before: &[Criterion],
    cells: &Cells,
    units: &[Uuid],
    now: &[Criterion],
) -> Vec<FilledCell> {
    let by_code: HashMap<String, &Criterion> =
        now.iter().map(|c| (c.code.to_lowercase(), c)).collect();
    let mut out = Vec::new();
    for &unit in units {
        let Some(row) = cells.unit_position(unit) else {
            continue;
        };
        for old in before {
            let (Some(col), Some(new)) = (
                cells.criterion_position(old.criterion_id),
                by_code.get(&old.code.to_lowercase()),
            ) else {
                continue;
            };
            // Only values the new criterion accepts (its kind or range may have changed).
            let keep = |v: Option<f64>| {
                v.filter(|v| old.kind == new.kind && super::points::validate_raw(new, *v).is_ok())
            };
            let (self_value, appraised_value) = cells.at(row, col);
            let (self_value, appraised_value) = (keep(self_value), keep(appraised_value));
            if self_value.is_some() || appraised_value.is_some() {
                out.push(FilledCell {
                    unit_id: unit,
                    criterion_id: new.criterion_id,
                    self_value,
                    appraised_value,
                    note: String::new(),
                    evidence: String::new(),
                });
            }
        }
    }
    out
}

/// A new, empty criterion in `group`, with a code that follows the group's last one ("2.3"
/// after "2.2").
pub fn new_criterion(def: &SetDefinition, group_id: Uuid) -> Criterion {
    let group_code = def
        .groups
        .iter()
        .find(|g| g.group_id == group_id)
        .map(|g| g.code.clone())
        .unwrap_or_default();
    let in_group = def
        .criteria
        .iter()
        .filter(|c| c.group_id == group_id)
        .count();
    let taken: HashSet<String> = def.criteria.iter().map(|c| c.code.to_lowercase()).collect();
    let mut n = in_group + 1;
    let code = loop {
        let code = if group_code.is_empty() {
            n.to_string()
        } else {
            format!("{group_code}.{n}")
        };
        if !taken.contains(&code.to_lowercase()) {
            break code;
        }
        n += 1;
    };
    Criterion {
        criterion_id: Uuid::new_v4(),
        group_id,
        code,
        name: String::new(),
        guidance: String::new(),
        kind: CriterionKind::Points,
        max_points: 1.0,
        step: 0.25,
        rate_mode: None,
        thresholds: Vec::new(),
        evidence_required: false,
        required_for_pass: false,
    }
}

/// A new group with the next free number as its code.
pub fn new_group(def: &SetDefinition) -> CriteriaGroup {
    let taken: HashSet<String> = def.groups.iter().map(|g| g.code.to_lowercase()).collect();
    let mut n = def.groups.len() + 1;
    while taken.contains(&n.to_string()) {
        n += 1;
    }
    CriteriaGroup {
        group_id: Uuid::new_v4(),
        set_id: def.set.set_id,
        code: n.to_string(),
        name: String::new(),
    }
}

/// The five bands of the demo and of most provincial rules, for a set that has none.
pub fn default_bands(set_id: Uuid) -> Vec<Band> {
    ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]
        .into_iter()
        .zip([90.0, 80.0, 65.0, 50.0, 0.0])
        .zip(super::colour::BAND_PALETTE)
        .map(|((name, lower_pct), color)| Band {
            band_id: Uuid::new_v4(),
            set_id,
            name: name.into(),
            lower_pct,
            color: color.into(),
        })
        .collect()
}

/// An empty set for a model and year, with the default bands (none for pass/fail).
pub fn empty_definition(model_id: Uuid, year: i32, pass_fail: bool) -> SetDefinition {
    let set_id = Uuid::new_v4();
    SetDefinition {
        set: CriteriaSet {
            set_id,
            model_id,
            year,
            title: String::new(),
            decision_ref: String::new(),
            pass_rule: pass_fail.then_some(PassRule::AllRequired),
            pass_min_pct: None,
        },
        groups: Vec::new(),
        criteria: Vec::new(),
        bands: if pass_fail {
            Vec::new()
        } else {
            default_bands(set_id)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::results::Cells;
    use crate::domain::scoring::Threshold;

    fn sample() -> SetDefinition {
        let mut def = empty_definition(Uuid::new_v4(), 2018, false);
        def.set.title = "Bộ tiêu chí năm 2018".into();
        def.set.decision_ref = "QĐ 1/2018".into();
        let mut g = new_group(&def);
        g.name = "Hạ tầng".into();
        def.groups.push(g.clone());
        let mut c = new_criterion(&def, g.group_id);
        c.name = "Máy tính".into();
        def.criteria.push(c);
        let mut c = new_criterion(&def, g.group_id);
        c.name = "Kết nối mạng".into();
        c.kind = CriterionKind::Count;
        c.max_points = 2.0;
        c.thresholds = vec![
            Threshold {
                at_least: 1.0,
                points: 1.0,
            },
            Threshold {
                at_least: 3.0,
                points: 2.0,
            },
        ];
        def.criteria.push(c);
        def
    }

    #[test]
    fn a_good_set_is_cleaned_and_accepted() {
        let mut def = sample();
        def.criteria[0].name = "  Máy   tính  ".into();
        let clean = check_definition(&def, false).expect("valid");
        assert_eq!(clean.criteria[0].name, "Máy   tính");
        assert_eq!(clean.criteria[0].code, "1.1");
        assert_eq!(clean.criteria[1].code, "1.2");
        // Thresholds highest first; a count's step only keeps within its maximum.
        assert_eq!(clean.criteria[1].thresholds[0].at_least, 3.0);
        let mut small = def.clone();
        small.criteria[1].max_points = 0.5;
        small.criteria[1].step = 1.0;
        small.criteria[1].thresholds[0].points = 0.5;
        small.criteria[1].thresholds[1].points = 0.5;
        let clean_small = check_definition(&small, false).expect("valid");
        assert_eq!(clean_small.criteria[1].step, 0.5);
        assert_eq!(clean.bands.first().map(|b| b.lower_pct), Some(90.0));
    }

    #[test]
    fn each_mistake_is_named() {
        let mut def = sample();
        def.criteria[1].code = "1.1".into();
        assert_eq!(
            check_definition(&def, false),
            Err(DefinitionError::DuplicateCode("1.1".into()))
        );
        let mut def = sample();
        def.criteria[0].max_points = 0.0;
        let e = check_definition(&def, false).expect_err("max 0");
        assert_eq!(
            e.message(Lang::Vi),
            "tiêu chí 1.1: điểm tối đa phải lớn hơn 0 và không quá 1000 (đang là 0)"
        );
        let mut def = sample();
        def.criteria[0].step = 2.0;
        assert!(matches!(
            check_definition(&def, false),
            Err(DefinitionError::BadStep { .. })
        ));
        let mut def = sample();
        def.criteria[1].thresholds.clear();
        assert!(matches!(
            check_definition(&def, false),
            Err(DefinitionError::ThresholdsNeeded { .. })
        ));
        let mut def = sample();
        def.criteria[1].thresholds[0].points = 5.0;
        assert!(matches!(
            check_definition(&def, false),
            Err(DefinitionError::ThresholdAboveMax { .. })
        ));
        let mut def = sample();
        def.criteria[0].group_id = Uuid::new_v4();
        assert!(matches!(
            check_definition(&def, false),
            Err(DefinitionError::NoGroup { .. })
        ));
        let mut def = sample();
        def.bands[1].lower_pct = 90.0;
        assert_eq!(
            check_definition(&def, false),
            Err(DefinitionError::DuplicateBandBound(90.0))
        );
        let mut def = sample();
        def.bands[0].color = "green".into();
        assert!(matches!(
            check_definition(&def, false),
            Err(DefinitionError::BadColor { .. })
        ));
        let mut def = sample();
        def.groups[0].name = " ".into();
        assert!(matches!(
            check_definition(&def, false),
            Err(DefinitionError::Text {
                error: RuleError::EmptyName,
                ..
            })
        ));
    }

    #[test]
    fn pass_rules() {
        let mut def = sample();
        def.set.pass_rule = None;
        assert_eq!(
            check_definition(&def, true),
            Err(DefinitionError::PassRuleNeeded)
        );
        def.set.pass_rule = Some(PassRule::AllRequired);
        assert_eq!(
            check_definition(&def, true),
            Err(DefinitionError::NoRequiredCriterion)
        );
        def.criteria[0].required_for_pass = true;
        assert!(check_definition(&def, true).is_ok());
        def.set.pass_rule = Some(PassRule::MinPercent);
        assert_eq!(
            check_definition(&def, true),
            Err(DefinitionError::PassMinNeeded)
        );
        def.set.pass_min_pct = Some(80.0);
        let clean = check_definition(&def, true).expect("valid");
        assert_eq!(clean.set.pass_min_pct, Some(80.0));
        // A ranked model keeps no pass rule.
        let clean = check_definition(&def, false).expect("valid");
        assert_eq!(clean.set.pass_rule, None);
        assert!(!clean.criteria[0].required_for_pass);
    }

    #[test]
    fn next_year_is_a_copy_under_new_identities() {
        let def = sample();
        let next = copy_for_year(&def, 2019);
        assert_eq!(next.set.year, 2019);
        assert_eq!(next.set.title, "Bộ tiêu chí năm 2019");
        assert_eq!(next.set.decision_ref, "");
        assert_ne!(next.set.set_id, def.set.set_id);
        assert_eq!(next.criteria.len(), 2);
        assert!(
            next.criteria
                .iter()
                .all(|c| c.group_id == next.groups[0].group_id)
        );
        assert!(
            next.criteria
                .iter()
                .zip(&def.criteria)
                .all(|(a, b)| a.criterion_id != b.criterion_id && a.code == b.code)
        );
        assert!(next.bands.iter().all(|b| b.set_id == next.set.set_id));
        assert!(check_definition(&next, false).is_ok());
    }

    #[test]
    fn a_month_starts_from_the_month_before_by_code() {
        let old = sample();
        let new = copy_for_year(&old, 2019);
        let unit = Uuid::new_v4();
        let gone = Uuid::new_v4();
        let mut cells = Cells::new();
        cells.insert(
            (unit, old.criteria[0].criterion_id),
            (Some(0.75), Some(0.5)),
        );
        cells.insert((unit, old.criteria[1].criterion_id), (Some(4.0), None));
        cells.insert((gone, old.criteria[0].criterion_id), (Some(1.0), Some(1.0)));
        let filled = carry_over(&old.criteria, &cells, &[unit], &new.criteria);
        assert_eq!(filled.len(), 2);
        assert_eq!(filled[0].criterion_id, new.criteria[0].criterion_id);
        assert_eq!(filled[0].appraised_value, Some(0.5));
        assert_eq!(filled[1].self_value, Some(4.0));
        assert_eq!(filled[1].appraised_value, None);
        // A value the new criterion no longer accepts is left out.
        let mut smaller = new.clone();
        smaller.criteria[0].max_points = 0.5;
        let filled = carry_over(&old.criteria, &cells, &[unit], &smaller.criteria);
        assert_eq!(filled[0].criterion_id, smaller.criteria[0].criterion_id);
        assert_eq!(filled[0].self_value, None);
        assert_eq!(filled[0].appraised_value, Some(0.5));
    }

    #[test]
    fn new_codes_follow_the_group() {
        let def = sample();
        let c = new_criterion(&def, def.groups[0].group_id);
        assert_eq!(c.code, "1.3");
        assert_eq!(new_group(&def).code, "2");
    }
}
