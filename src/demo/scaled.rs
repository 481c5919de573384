//! A large document for measuring speed, made from the demo: many units, one large set, two
//! months of scores.

use super::*;

/// A large document for measuring speed: `units` wards and communes, a ward e-office set of
/// `criteria` criteria (all kinds, in six groups plus bonus/penalty), and two months of scores
/// (January published, February being scored). Deterministic.
pub fn scaled_seed(units: usize, criteria: usize, months: u32) -> Seed {
    let mut seed = demo_seed();
    seed.body = Some(Body {
        body_id: id("body", "scaled"),
        name: format!("Dữ liệu thử tải ({units} đơn vị)"),
        kind: BodyKind::City,
        parent_name: None,
    });
    seed.units = scaled_units(units);
    seed.people.iter_mut().for_each(|p| p.unit_id = None);
    // Keep the plans and the meeting, pointing at units that exist.
    let valid: std::collections::HashSet<Uuid> = seed.units.iter().map(|u| u.unit_id).collect();
    seed.unit_checks.retain(|c| valid.contains(&c.unit_id));
    seed.tasks
        .iter_mut()
        .for_each(|t| t.unit_ids.retain(|u| valid.contains(u)));
    seed.agenda
        .iter_mut()
        .for_each(|a| a.presenter_id = a.presenter_id.filter(|u| valid.contains(u)));
    seed.actions
        .iter_mut()
        .for_each(|a| a.unit_id = a.unit_id.filter(|u| valid.contains(u)));
    // One large ward e-office set replaces the demo's sets and scores.
    seed.sets.clear();
    seed.groups.clear();
    seed.criteria.clear();
    seed.bands.clear();
    seed.periods.clear();
    seed.scores.clear();
    seed.conclusions.iter_mut().for_each(|c| c.set_id = None);
    let ward_model = id("model", "ward-eoffice");
    seed.models[0].unit_kinds = vec![UnitKind::Ward, UnitKind::Commune];
    let groups = scaled_groups(criteria);
    // Count thresholds above must not exceed the criterion's maximum.
    let (set_id, set_criteria) = add_set(
        &mut seed,
        ward_model,
        "ward-eoffice",
        2026,
        "Bộ tiêu chí thử tải",
        None,
        groups,
    );
    add_scaled_months(&mut seed, set_id, &set_criteria, months.clamp(1, 12));
    seed
}

/// `units` wards and communes named after the demo's wards ("Bồ Đề 2", …).
fn scaled_units(units: usize) -> Vec<Unit> {
    (0..units)
        .map(|i| {
            let base = WARDS[i % WARDS.len()];
            let name = if i < WARDS.len() {
                base.to_string()
            } else {
                format!("{base} {}", i / WARDS.len() + 1)
            };
            Unit {
                unit_id: id("unit", &format!("scaled:{i}")),
                name,
                kind: if i % 3 == 2 {
                    UnitKind::Commune
                } else {
                    UnitKind::Ward
                },
                sort_order: i as i64,
                retired_on: None,
                joined_on: None,
            }
        })
        .collect()
}

/// Six groups of `criteria` criteria of every kind, and a group of bonus and penalty.
fn scaled_groups(criteria: usize) -> Vec<(&'static str, &'static str, Vec<Spec>)> {
    let base_count = criteria.saturating_sub(3).max(1);
    let per_group = base_count.div_ceil(6);
    let kinds = [
        Points,
        CriterionKind::Rate,
        YesNo,
        Count,
        Points,
        CriterionKind::Rate,
    ];
    let max_each = 100.0 / base_count as f64;
    let mut groups: Vec<(&'static str, &'static str, Vec<Spec>)> = Vec::new();
    let group_names = [
        "Hạ tầng kỹ thuật",
        "Quản lý văn bản",
        "Dịch vụ công trực tuyến",
        "ISO 9001:2015",
        "Kỹ năng CNTT",
        "Trang thông tin điện tử",
    ];
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    for (g, name) in group_names.iter().enumerate() {
        let mut specs = Vec::new();
        for k in 0..per_group {
            let n = g * per_group + k;
            if n >= base_count {
                break;
            }
            let code = leak(format!("{}.{}", g + 1, k + 1));
            let kind = kinds[(g + k) % kinds.len()];
            let max = (max_each * 100.0).round() / 100.0;
            let spec_for = match kind {
                CriterionKind::Rate => rate(
                    code,
                    leak(format!("Tỷ lệ {} {}", name.to_lowercase(), k + 1)),
                    max,
                ),
                Count => thresholds(
                    Spec {
                        max,
                        step: 1.0,
                        ..spec(
                            code,
                            leak(format!("Số lượng {} {}", name.to_lowercase(), k + 1)),
                            Count,
                            max,
                            1.0,
                        )
                    },
                    &[(20.0, 1.0), (1.0, 0.5)],
                ),
                YesNo => spec(
                    code,
                    leak(format!("Có {} {}", name.to_lowercase(), k + 1)),
                    YesNo,
                    max,
                    max,
                ),
                _ => spec(
                    code,
                    leak(format!("Đánh giá {} {}", name.to_lowercase(), k + 1)),
                    Points,
                    max,
                    max / 4.0,
                ),
            };
            specs.push(spec_for);
        }
        groups.push(((["1", "2", "3", "4", "5", "6"])[g], name, specs));
    }
    groups.push((
        "7",
        "Điểm thưởng, điểm trừ",
        vec![
            spec("7.1", "Sáng kiến, mô hình mới", Bonus, 3.0, 0.5),
            spec("7.2", "Chậm gửi báo cáo", Penalty, 3.0, 0.5),
            spec("7.3", "Sự cố an toàn thông tin", Penalty, 5.0, 1.0),
        ],
    ));
    groups
}

/// The first `months` months of the year, every unit scored on every criterion: the last one
/// being scored, the ones before published.
fn add_scaled_months(seed: &mut Seed, set_id: Uuid, set_criteria: &[Criterion], months: u32) {
    for month in 1..=months {
        let period_id = id("period", &format!("scaled:{month}"));
        seed.periods.push(Period {
            period_id,
            set_id,
            month,
            status: if month < months {
                PeriodStatus::Published
            } else {
                PeriodStatus::Draft
            },
        });
        for (ui, u) in seed.units.iter().enumerate() {
            let ability = 0.55 + 0.4 * noise(ui as u64, 99, 99);
            for (ci, c) in set_criteria.iter().enumerate() {
                let mut v = ward_value(ui, ability, c, ci, month);
                if c.kind == CriterionKind::Points {
                    v = (round_to(v, c.step)).min(c.max_points);
                }
                seed.scores.push(ScoreCell {
                    period_id,
                    unit_id: u.unit_id,
                    criterion_id: c.criterion_id,
                    self_value: Some(v),
                    appraised_value: Some(v),
                    note: String::new(),
                    evidence: String::new(),
                });
            }
        }
    }
}
