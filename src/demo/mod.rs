//! The demo document, built from the source articles: the 14 wards of a Hà Nội district, the
//! 2018 ward e-office criteria set with a year of monthly scores, the 2017 one-stop
//! recognition, the 2019 IT plans with their targets, and the briefing meeting of 03/01/2018
//! (plus an illustrative one of 10/07/2019). Deterministic: the same program builds the same
//! document (UUIDs are derived from names). The criteria sets are in `criteria.rs`, plans and
//! meetings in `meetings.rs`; the scores, `empty_seed` and `scaled_seed` here.

mod criteria;
mod scaled;

pub use self::scaled::scaled_seed;
mod meetings;

use chrono::NaiveDate;
use uuid::Uuid;

use self::criteria::{
    Spec, district_eoffice_2018, one_stop_2017, rate, spec, thresholds, ward_eoffice_2018,
};
use self::meetings::{add_meeting, add_plans, add_review_meeting};
use crate::domain::org::{Body, BodyKind, Person, Unit, UnitKind};
use crate::domain::scoring::CriterionKind::{Bonus, Count, Penalty, Points, YesNo};
use crate::domain::scoring::{
    Band, Cadence, CriteriaGroup, CriteriaSet, Criterion, CriterionKind, Model, PassRule, Period,
    PeriodStatus, ScoreCell, Threshold,
};
use crate::domain::seed::Seed;

/// The setting that marks a document as sample data.
pub const DEMO_SETTING: &str = "demo";

pub const WARDS: [&str; 14] = [
    "Bồ Đề",
    "Cự Khối",
    "Đức Giang",
    "Gia Thụy",
    "Giang Biên",
    "Long Biên",
    "Ngọc Lâm",
    "Ngọc Thụy",
    "Phúc Đồng",
    "Phúc Lợi",
    "Sài Đồng",
    "Thạch Bàn",
    "Thượng Thanh",
    "Việt Hưng",
];

const OFFICE: &str = "Văn phòng HĐND và UBND quận";
const CULTURE_IT: &str = "Phòng Văn hóa và Thông tin";
const HOME_AFFAIRS: &str = "Phòng Nội vụ";
const FINANCE: &str = "Phòng Tài chính - Kế hoạch";

fn id(kind: &str, name: &str) -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("giaoban-demo:{kind}:{name}").as_bytes(),
    )
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A number in [0, 1) fixed by its inputs: the demo's "randomness", the same on every run.
fn noise(a: u64, b: u64, c: u64) -> f64 {
    let mut x = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b.wrapping_mul(0xBF58_476D_1CE4_E5B9))
        .wrapping_add(c.wrapping_mul(0x94D0_49BB_1331_11EB));
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    (x >> 11) as f64 / (1u64 << 53) as f64
}

fn round_to(value: f64, step: f64) -> f64 {
    (value / step).round() * step
}

/// Adds a criteria set, its groups, criteria and the standard bands; returns the criteria.
fn add_set(
    seed: &mut Seed,
    model_id: Uuid,
    slug: &str,
    year: i32,
    title: &str,
    pass_rule: Option<PassRule>,
    groups: Vec<(&'static str, &'static str, Vec<Spec>)>,
) -> (Uuid, Vec<Criterion>) {
    let set_id = id("set", &format!("{slug}:{year}"));
    seed.sets.push(CriteriaSet {
        set_id,
        model_id,
        year,
        title: title.into(),
        decision_ref: String::new(),
        pass_rule,
        pass_min_pct: None,
    });
    let mut criteria = Vec::new();
    for (gcode, gname, specs) in groups {
        let group_id = id("group", &format!("{slug}:{year}:{gcode}"));
        seed.groups.push(CriteriaGroup {
            group_id,
            set_id,
            code: gcode.into(),
            name: gname.into(),
        });
        for s in specs {
            criteria.push(Criterion {
                criterion_id: id("criterion", &format!("{slug}:{year}:{}", s.code)),
                group_id,
                code: s.code.into(),
                name: s.name.into(),
                guidance: String::new(),
                kind: s.kind,
                max_points: s.max,
                step: s.step,
                rate_mode: s.rate_mode,
                thresholds: s
                    .thresholds
                    .iter()
                    .map(|&(at_least, points)| Threshold { at_least, points })
                    .collect(),
                evidence_required: s.evidence,
                required_for_pass: pass_rule == Some(PassRule::AllRequired),
            });
        }
    }
    if pass_rule.is_none() {
        let bands = ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]
            .into_iter()
            .zip([90.0, 80.0, 65.0, 50.0, 0.0])
            .zip(crate::domain::colour::BAND_PALETTE);
        for ((name, lower), color) in bands {
            seed.bands.push(Band {
                band_id: id("band", &format!("{slug}:{year}:{name}")),
                set_id,
                name: name.into(),
                lower_pct: lower,
                color: color.into(),
            });
        }
    }
    seed.criteria.extend(criteria.iter().cloned());
    (set_id, criteria)
}

/// A plausible raw value for one ward, criterion and month: wards differ, months drift.
fn ward_value(ward: usize, ability: f64, c: &Criterion, ci: usize, month: u32) -> f64 {
    let n = noise(ward as u64, ci as u64, u64::from(month));
    let trend = f64::from(month) / 12.0 * 0.08;
    let level = (ability + trend + (n - 0.5) * 0.12).clamp(0.0, 1.0);
    match c.kind {
        CriterionKind::Points => round_to(level * c.max_points, c.step).min(c.max_points),
        CriterionKind::YesNo => {
            // The IT-skills test criteria change after the training course of Q1 2018.
            let pass_chance = if c.code.starts_with('5') && month <= 3 {
                ability - 0.25
            } else {
                ability + 0.1
            };
            if noise(ward as u64, ci as u64, 7) < pass_chance {
                1.0
            } else {
                0.0
            }
        }
        CriterionKind::Rate => (((35.0 + level * 65.0) * 10.0).round() / 10.0).min(100.0),
        CriterionKind::Count => {
            let top = c.thresholds.first().map_or(10.0, |t| t.at_least);
            (level * top * 1.2).round()
        }
        CriterionKind::Bonus => {
            if n > 0.85 {
                round_to(n * 2.0, c.step).min(c.max_points)
            } else {
                0.0
            }
        }
        CriterionKind::Penalty => {
            if n < 0.06 && ability < 0.8 {
                c.step
            } else {
                0.0
            }
        }
    }
}

/// Self-assessment is a little generous where judgement allows.
fn self_value(appraised: f64, c: &Criterion, n: f64) -> f64 {
    match c.kind {
        CriterionKind::Points if n > 0.6 => (appraised + c.step).min(c.max_points),
        CriterionKind::Rate if n > 0.7 => (appraised + 3.0).min(100.0),
        CriterionKind::YesNo if n > 0.93 => 1.0,
        CriterionKind::Penalty if n > 0.5 => 0.0,
        _ => appraised,
    }
}

/// Builds the demo document.
pub fn demo_seed() -> Seed {
    let mut seed = Seed {
        body: Some(Body {
            body_id: id("body", "home"),
            name: "Quận Long Biên".into(),
            kind: BodyKind::District,
            parent_name: Some("Thành phố Hà Nội".into()),
        }),
        ..Seed::default()
    };
    seed.settings = vec![
        (DEMO_SETTING.into(), "1".into()),
        (
            "committee_name".into(),
            "Ban Chỉ đạo ứng dụng công nghệ thông tin quận".into(),
        ),
        ("notice_series".into(), "TB-BCĐ".into()),
    ];

    // Units: the 14 wards, then the district office and the departments.
    let mut order = 0;
    let mut push_unit = |seed: &mut Seed, name: &str, kind: UnitKind| {
        seed.units.push(Unit {
            unit_id: id("unit", name),
            name: name.into(),
            kind,
            sort_order: order,
            retired_on: None,
            joined_on: None,
        });
        order += 1;
    };
    for w in WARDS {
        push_unit(&mut seed, w, UnitKind::Ward);
    }
    push_unit(&mut seed, OFFICE, UnitKind::Office);
    for d in [CULTURE_IT, HOME_AFFAIRS, FINANCE] {
        push_unit(&mut seed, d, UnitKind::Department);
    }
    let unit = |name: &str| id("unit", name);

    let chair = id("person", "Đỗ Mạnh Hải");
    seed.people.push(Person {
        person_id: chair,
        name: "Đỗ Mạnh Hải".into(),
        title: "Bí thư Quận ủy, Chủ tịch HĐND quận, Trưởng Ban chỉ đạo".into(),
        unit_id: None,
        active: true,
    });

    // Models.
    let ward_model = id("model", "ward-eoffice");
    let one_stop = id("model", "one-stop");
    let district_model = id("model", "district-eoffice");
    seed.models = vec![
        Model {
            model_id: ward_model,
            slug: "ward-eoffice".into(),
            name: "Mô hình Cơ quan điện tử phường".into(),
            cadence: Cadence::Monthly,
            unit_kinds: vec![UnitKind::Ward],
            pass_fail: false,
        },
        Model {
            model_id: one_stop,
            slug: "one-stop".into(),
            name: "Bộ phận tiếp nhận và trả kết quả thân thiện, gần dân (Bộ phận một cửa)".into(),
            cadence: Cadence::Yearly,
            unit_kinds: vec![UnitKind::Ward, UnitKind::Office],
            pass_fail: true,
        },
        Model {
            model_id: district_model,
            slug: "district-eoffice".into(),
            name: "Mô hình Cơ quan điện tử quận".into(),
            cadence: Cadence::Yearly,
            unit_kinds: vec![UnitKind::Department, UnitKind::Office],
            pass_fail: false,
        },
    ];

    // 2018 ward e-office: twelve months of scores.
    let (ward_set, criteria) = add_set(
        &mut seed,
        ward_model,
        "ward-eoffice",
        2018,
        "Bộ tiêu chí đánh giá mô hình Cơ quan điện tử phường năm 2018",
        None,
        ward_eoffice_2018(),
    );
    for month in 1..=12u32 {
        let period_id = id("period", &format!("ward-eoffice:2018:{month}"));
        seed.periods.push(Period {
            period_id,
            set_id: ward_set,
            month,
            status: match month {
                1..=10 => PeriodStatus::Published,
                11 => PeriodStatus::Finalized,
                _ => PeriodStatus::Draft,
            },
        });
        for (wi, ward) in WARDS.iter().enumerate() {
            let ability = 0.58 + 0.38 * noise(wi as u64, 99, 99);
            for (ci, c) in criteria.iter().enumerate() {
                let appraised = ward_value(wi, ability, c, ci, month);
                let n = noise(wi as u64 + 100, ci as u64, u64::from(month));
                // December is still being appraised: the last five wards wait.
                let appraisal_done = month < 12 || wi < 9;
                seed.scores.push(ScoreCell {
                    period_id,
                    unit_id: unit(ward),
                    criterion_id: c.criterion_id,
                    self_value: Some(self_value(appraised, c, n)),
                    appraised_value: appraisal_done.then_some(appraised),
                    note: String::new(),
                    evidence: if c.evidence_required {
                        format!("Biên bản kiểm tra tháng {month:02}/2018")
                    } else {
                        String::new()
                    },
                });
            }
        }
    }

    // 2017 one-stop recognition: the district's one-stop office and all 14 wards met it.
    let (one_stop_set, os_criteria) = add_set(
        &mut seed,
        one_stop,
        "one-stop",
        2017,
        "Tiêu chí đánh giá, công nhận mô hình Bộ phận một cửa năm 2017",
        Some(PassRule::AllRequired),
        one_stop_2017(),
    );
    let os_period = id("period", "one-stop:2017:0");
    seed.periods.push(Period {
        period_id: os_period,
        set_id: one_stop_set,
        month: 0,
        status: PeriodStatus::Finalized,
    });
    for name in WARDS.iter().copied().chain([OFFICE]) {
        for c in &os_criteria {
            seed.scores.push(ScoreCell {
                period_id: os_period,
                unit_id: unit(name),
                criterion_id: c.criterion_id,
                self_value: Some(1.0),
                appraised_value: Some(1.0),
                note: String::new(),
                evidence: String::new(),
            });
        }
    }

    let (district_set, _) = add_set(
        &mut seed,
        district_model,
        "district-eoffice",
        2018,
        "Bộ tiêu chí thực hiện khung mô hình Cơ quan điện tử quận năm 2018 (dự thảo)",
        None,
        district_eoffice_2018(),
    );

    add_plans(&mut seed, &unit);
    add_meeting(
        &mut seed,
        chair,
        ward_set,
        district_set,
        one_stop_set,
        &unit,
    );
    add_review_meeting(&mut seed, chair, &unit);
    seed
}

/// A new, empty document: a body to name, and the three standard evaluation models.
pub fn empty_seed() -> Seed {
    let full = demo_seed();
    Seed {
        body: Some(Body {
            body_id: Uuid::new_v4(),
            name: "Cơ quan mới".into(),
            kind: BodyKind::Ward,
            parent_name: None,
        }),
        models: full
            .models
            .into_iter()
            .map(|m| Model {
                model_id: Uuid::new_v4(),
                ..m
            })
            .collect(),
        ..Seed::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_matches_the_seeds() {
        let seed = demo_seed();
        let wards = seed
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Ward)
            .count();
        assert_eq!(wards, 14);
        let ward_criteria: Vec<_> = seed
            .criteria
            .iter()
            .filter(|c| {
                seed.groups
                    .iter()
                    .any(|g| g.group_id == c.group_id && seed.sets[0].set_id == g.set_id)
            })
            .collect();
        assert_eq!(ward_criteria.len(), 26);
        let max: f64 = ward_criteria
            .iter()
            .filter(|c| c.kind.counts_toward_max())
            .map(|c| c.max_points)
            .sum();
        assert!((max - 100.0).abs() < 1e-9, "max total {max}");
        // The 2018 meeting of the articles, and the illustrative mid-2019 one.
        let first = seed.meetings[0].meeting_id;
        assert_eq!(
            seed.conclusions
                .iter()
                .filter(|c| c.meeting_id == first)
                .count(),
            5
        );
        assert_eq!(
            seed.agenda.iter().filter(|a| a.meeting_id == first).count(),
            5
        );
        assert_eq!(seed.meetings.len(), 2);
        assert_eq!(
            seed.periods
                .iter()
                .filter(|p| p.set_id == seed.sets[0].set_id)
                .count(),
            12
        );
        // Every raw value is within its criterion's range.
        for s in &seed.scores {
            let Some(c) = seed
                .criteria
                .iter()
                .find(|c| c.criterion_id == s.criterion_id)
            else {
                panic!("score for unknown criterion");
            };
            for v in [s.self_value, s.appraised_value].into_iter().flatten() {
                let ok = match c.kind {
                    CriterionKind::YesNo => v == 0.0 || v == 1.0,
                    CriterionKind::Rate => (0.0..=100.0).contains(&v),
                    CriterionKind::Count => v >= 0.0 && v.fract() == 0.0,
                    _ => (0.0..=c.max_points).contains(&v),
                };
                assert!(ok, "{} = {v}", c.code);
            }
        }
    }

    #[test]
    fn the_scaled_demo_has_the_asked_size_and_valid_values() {
        let seed = scaled_seed(200, 60, 3);
        assert_eq!(seed.units.len(), 200);
        assert_eq!(seed.criteria.len(), 60);
        assert_eq!(seed.scores.len(), 200 * 60 * 3);
        assert_eq!(seed.periods.len(), 3);
        for s in &seed.scores {
            let c = seed
                .criteria
                .iter()
                .find(|c| c.criterion_id == s.criterion_id);
            let Some(c) = c else {
                panic!("unknown criterion")
            };
            let v = s.appraised_value.unwrap_or_default();
            assert!(
                crate::domain::points::validate_raw(c, v).is_ok(),
                "{} {:?} = {v}",
                c.code,
                c.kind
            );
        }
    }

    #[test]
    fn the_demo_is_deterministic() {
        assert_eq!(demo_seed(), demo_seed());
    }
}
