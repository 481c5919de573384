//! The demo document, built from the source articles: the 14 wards of a Hà Nội district, the
//! 2018 ward e-office criteria set with a year of monthly scores, the 2017 one-stop
//! recognition, the 2019 IT plans with their targets, and the briefing meeting of 03/01/2018.
//! Deterministic: the same program builds the same document (UUIDs are derived from names).

use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::deadline::Deadline;
use crate::domain::meeting::{ActionItem, ActionStatus, AgendaItem, Attendee, Conclusion, Meeting};
use crate::domain::org::{Body, BodyKind, Person, Unit, UnitKind};
use crate::domain::plan::{
    Comparison, Measurement, Plan, PlanLevel, PlanStatus, Target, TargetKind, TargetScope, Task,
    TaskStatus, UnitCheck,
};
use crate::domain::scoring::{
    Band, Cadence, CriteriaGroup, CriteriaSet, Criterion, CriterionKind, Model, PassRule, Period,
    PeriodStatus, RateMode, ScoreCell, Threshold,
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

/// One criterion of a set, written compactly.
struct Spec {
    code: &'static str,
    name: &'static str,
    kind: CriterionKind,
    max: f64,
    step: f64,
    rate_mode: Option<RateMode>,
    thresholds: &'static [(f64, f64)],
    evidence: bool,
}

const fn spec(
    code: &'static str,
    name: &'static str,
    kind: CriterionKind,
    max: f64,
    step: f64,
) -> Spec {
    Spec {
        code,
        name,
        kind,
        max,
        step,
        rate_mode: None,
        thresholds: &[],
        evidence: false,
    }
}

const fn rate(code: &'static str, name: &'static str, max: f64) -> Spec {
    Spec {
        rate_mode: Some(RateMode::Proportional),
        ..spec(code, name, CriterionKind::Rate, max, 0.01)
    }
}

const fn evidence(s: Spec) -> Spec {
    Spec {
        evidence: true,
        ..s
    }
}

const fn thresholds(s: Spec, t: &'static [(f64, f64)]) -> Spec {
    Spec {
        thresholds: t,
        rate_mode: match s.kind {
            CriterionKind::Rate => Some(RateMode::Thresholds),
            _ => None,
        },
        ..s
    }
}

use CriterionKind::{Bonus, Count, Penalty, Points, YesNo};

/// The 2018 ward e-office criteria set: 100 points in six groups, plus bonus and penalty.
/// Group 4 and criteria 5.1–5.3 and 6.2 are the criteria the meeting of 03/01/2018 added.
fn ward_eoffice_2018() -> Vec<(&'static str, &'static str, Vec<Spec>)> {
    vec![
        (
            "1",
            "Hạ tầng kỹ thuật và an toàn thông tin",
            vec![
                spec(
                    "1.1",
                    "Mạng nội bộ, kết nối Internet và mạng WAN của Thành phố hoạt động ổn định",
                    Points,
                    4.0,
                    0.5,
                ),
                rate(
                    "1.2",
                    "Tỷ lệ cán bộ, công chức có máy tính phục vụ công việc",
                    3.0,
                ),
                spec(
                    "1.3",
                    "Phòng chống mã độc, sao lưu dữ liệu định kỳ",
                    YesNo,
                    3.0,
                    3.0,
                ),
                spec(
                    "1.4",
                    "Có cán bộ chuyên trách (kiêm nhiệm) CNTT của phường",
                    YesNo,
                    2.0,
                    2.0,
                ),
                spec(
                    "1.5",
                    "Giao ban trực tuyến kết nối với quận, Thành phố",
                    YesNo,
                    2.0,
                    2.0,
                ),
            ],
        ),
        (
            "2",
            "Quản lý văn bản và điều hành tác nghiệp",
            vec![
                rate("2.1", "Tỷ lệ văn bản đi được gửi dưới dạng điện tử", 7.0),
                rate(
                    "2.2",
                    "Tỷ lệ văn bản đến được xử lý trên phần mềm quản lý văn bản và điều hành",
                    6.0,
                ),
                rate(
                    "2.3",
                    "Tỷ lệ cán bộ sử dụng thư điện tử công vụ trong công việc",
                    4.0,
                ),
                spec(
                    "2.4",
                    "Sử dụng chữ ký số khi phát hành văn bản điện tử",
                    YesNo,
                    4.0,
                    4.0,
                ),
                rate(
                    "2.5",
                    "Tỷ lệ báo cáo định kỳ gửi qua hệ thống thông tin báo cáo",
                    3.0,
                ),
            ],
        ),
        (
            "3",
            "Dịch vụ công trực tuyến và một cửa điện tử",
            vec![
                thresholds(
                    spec(
                        "3.1",
                        "Tỷ lệ hồ sơ dịch vụ công trực tuyến mức độ 3, 4 nộp qua mạng",
                        CriterionKind::Rate,
                        8.0,
                        0.01,
                    ),
                    &[(98.0, 8.0), (90.0, 6.0), (80.0, 4.0), (50.0, 2.0)],
                ),
                rate(
                    "3.2",
                    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
                    7.0,
                ),
                spec(
                    "3.3",
                    "Sử dụng phần mềm một cửa điện tử dùng chung 3 cấp của Thành phố",
                    YesNo,
                    5.0,
                    5.0,
                ),
            ],
        ),
        (
            "4",
            "Hệ thống quản lý chất lượng ISO 9001:2015",
            vec![
                evidence(spec(
                    "4.1",
                    "Xây dựng, áp dụng, duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
                    Points,
                    6.0,
                    0.5,
                )),
                thresholds(
                    spec(
                        "4.2",
                        "Số quy trình ISO được thực hiện trên phần mềm",
                        Count,
                        4.0,
                        1.0,
                    ),
                    &[(20.0, 4.0), (10.0, 3.0), (5.0, 2.0), (1.0, 1.0)],
                ),
                spec(
                    "4.3",
                    "Đánh giá nội bộ và xem xét của lãnh đạo đúng kế hoạch",
                    YesNo,
                    2.0,
                    2.0,
                ),
            ],
        ),
        (
            "5",
            "Trình độ ứng dụng CNTT của lãnh đạo và công chức phường",
            vec![
                evidence(spec(
                    "5.1",
                    "Kết quả sát hạch trình độ ứng dụng CNTT của Bí thư Đảng ủy phường",
                    YesNo,
                    4.0,
                    4.0,
                )),
                evidence(spec(
                    "5.2",
                    "Kết quả sát hạch trình độ ứng dụng CNTT của Phó Bí thư Đảng ủy phường",
                    YesNo,
                    3.0,
                    3.0,
                )),
                evidence(spec(
                    "5.3",
                    "Kết quả sát hạch trình độ ứng dụng CNTT của Chủ tịch UBND phường",
                    YesNo,
                    4.0,
                    4.0,
                )),
                rate(
                    "5.4",
                    "Tỷ lệ công chức đạt chuẩn kỹ năng sử dụng CNTT (Thông tư 03/2014/TT-BTTTT)",
                    4.0,
                ),
            ],
        ),
        (
            "6",
            "Trang thông tin điện tử phường",
            vec![
                thresholds(
                    spec("6.1", "Số tin, bài cập nhật trong tháng", Count, 5.0, 1.0),
                    &[(20.0, 5.0), (12.0, 4.0), (8.0, 3.0), (4.0, 2.0), (1.0, 1.0)],
                ),
                thresholds(
                    spec(
                        "6.2",
                        "Tỷ lệ truy cập Trang thông tin điện tử phường (lượt truy cập trong tháng)",
                        Count,
                        5.0,
                        1.0,
                    ),
                    &[
                        (3000.0, 5.0),
                        (2000.0, 4.0),
                        (1000.0, 3.0),
                        (500.0, 2.0),
                        (1.0, 1.0),
                    ],
                ),
                spec(
                    "6.3",
                    "Công khai thông tin theo Nghị định 43/2011/NĐ-CP",
                    Points,
                    5.0,
                    0.5,
                ),
            ],
        ),
        (
            "7",
            "Điểm thưởng, điểm trừ",
            vec![
                spec(
                    "7.1",
                    "Sáng kiến, mô hình mới về ứng dụng CNTT được ghi nhận",
                    Bonus,
                    3.0,
                    0.5,
                ),
                spec(
                    "7.2",
                    "Chậm gửi báo cáo, số liệu theo yêu cầu",
                    Penalty,
                    3.0,
                    0.5,
                ),
                spec(
                    "7.3",
                    "Để xảy ra sự cố mất an toàn thông tin",
                    Penalty,
                    5.0,
                    1.0,
                ),
            ],
        ),
    ]
}

fn one_stop_2017() -> Vec<(&'static str, &'static str, Vec<Spec>)> {
    vec![(
        "1",
        "Tiêu chuẩn mô hình Bộ phận một cửa",
        vec![
            spec(
                "1.1",
                "Cơ sở vật chất, trang thiết bị của bộ phận một cửa đạt chuẩn",
                YesNo,
                20.0,
                20.0,
            ),
            spec(
                "1.2",
                "Niêm yết công khai đầy đủ thủ tục hành chính",
                YesNo,
                20.0,
                20.0,
            ),
            spec(
                "1.3",
                "Ứng dụng phần mềm một cửa điện tử",
                YesNo,
                20.0,
                20.0,
            ),
            spec(
                "1.4",
                "Cán bộ tiếp nhận, trả kết quả đúng quy định, thái độ phục vụ tốt",
                YesNo,
                20.0,
                20.0,
            ),
            spec(
                "1.5",
                "Tổ chức lấy ý kiến mức độ hài lòng của người dân",
                YesNo,
                20.0,
                20.0,
            ),
        ],
    )]
}

fn district_eoffice_2018() -> Vec<(&'static str, &'static str, Vec<Spec>)> {
    vec![(
        "1",
        "Ứng dụng CNTT trong hoạt động của phòng, ban",
        vec![
            rate(
                "1.1",
                "Tỷ lệ văn bản trao đổi giữa các phòng, ban dưới dạng điện tử",
                20.0,
            ),
            spec(
                "1.2",
                "Sử dụng chữ ký số trong phát hành văn bản",
                YesNo,
                10.0,
                10.0,
            ),
            rate(
                "1.3",
                "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
                30.0,
            ),
            rate("1.4", "Tỷ lệ quy trình nghiệp vụ được tin học hóa", 20.0),
            spec(
                "1.5",
                "Áp dụng hệ thống quản lý chất lượng ISO 9001:2015",
                Points,
                20.0,
                1.0,
            ),
        ],
    )]
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
        for (name, lower, color) in [
            ("Xuất sắc", 90.0, "#1565C0"),
            ("Tốt", 80.0, "#2E7D32"),
            ("Khá", 65.0, "#F9A825"),
            ("Trung bình", 50.0, "#EF6C00"),
            ("Yếu", 0.0, "#C62828"),
        ] {
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

/// A second, illustrative meeting (not from the articles): the mid-2019 review, so the demo
/// has a meeting whose deck shows the 2018 scores and the 2019 plan's six-month values.
fn add_review_meeting(seed: &mut Seed, chair: Uuid, unit: &dyn Fn(&str) -> Uuid) {
    let meeting_id = id("meeting", "2019-07-10");
    let plan = id("plan", "district-it-2019");
    seed.meetings.push(Meeting {
        meeting_id,
        held_on: day(2019, 7, 10),
        time: Some("08:00".into()),
        title: "Giao ban Ban chỉ đạo ứng dụng CNTT quận, sơ kết 6 tháng đầu năm 2019 (cuộc họp minh họa)"
            .into(),
        place: String::new(),
        chair_id: Some(chair),
        notice_number: String::new(),
    });
    seed.attendees.push(Attendee {
        attendance_id: id("attendance", "2019-07-10:chair"),
        meeting_id,
        person_id: Some(chair),
        name: String::new(),
        title: "Trưởng Ban chỉ đạo, chủ trì".into(),
        unit_id: None,
    });
    seed.agenda.push(AgendaItem {
        agenda_id: id("agenda", "2019-07-10:0"),
        meeting_id,
        title: "Báo cáo sơ kết 6 tháng đầu năm 2019 thực hiện Kế hoạch ứng dụng CNTT".into(),
        presenter_id: Some(unit(CULTURE_IT)),
    });
    let conclusion_id = id("conclusion", "2019-07-10:1");
    seed.conclusions.push(Conclusion {
        conclusion_id,
        meeting_id,
        number: 1,
        heading: "Về thực hiện Kế hoạch ứng dụng CNTT năm 2019".into(),
        text: "Các phòng, ban và UBND các phường tập trung hoàn thành các chỉ tiêu còn chậm so với kế hoạch trong 6 tháng cuối năm.".into(),
        set_id: None,
        period_id: None,
        plan_id: Some(plan),
    });
    seed.actions.push(ActionItem {
        action_id: id("action", "2019-07-10:0"),
        meeting_id,
        conclusion_id: Some(conclusion_id),
        unit_id: Some(unit(CULTURE_IT)),
        text: "Đôn đốc các phường còn lại hoàn thành kết nối giao ban trực tuyến với Thành phố"
            .into(),
        deadline: Some(Deadline::Quarter {
            year: 2019,
            quarter: 3,
        }),
        status: ActionStatus::Open,
        completed_on: None,
        completion_note: String::new(),
    });
}

fn add_plans(seed: &mut Seed, unit: &dyn Fn(&str) -> Uuid) {
    let resolution = id("plan", "17/NQ-CP");
    let city_egov = id("plan", "190/KH-UBND");
    let city_2019 = id("plan", "city-it-2019");
    let district_2019 = id("plan", "district-it-2019");
    seed.plans = vec![
        Plan {
            plan_id: resolution,
            number: "17/NQ-CP".into(),
            title: "Nghị quyết về một số nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử giai đoạn 2019-2020, định hướng đến 2025".into(),
            issuer: "Chính phủ".into(),
            level: PlanLevel::Government,
            issued_on: Some(day(2019, 3, 7)),
            start_year: 2019,
            end_year: 2020,
            orientation_year: Some(2025),
            parent_id: None,
            legal_basis: String::new(),
            status: PlanStatus::InForce,
        },
        Plan {
            plan_id: city_egov,
            number: "190/KH-UBND".into(),
            title: "Kế hoạch thực hiện Nghị quyết 17/NQ-CP về phát triển Chính phủ điện tử giai đoạn 2019-2020, định hướng đến 2025".into(),
            issuer: "UBND Thành phố Hà Nội".into(),
            level: PlanLevel::City,
            issued_on: None,
            start_year: 2019,
            end_year: 2020,
            orientation_year: Some(2025),
            parent_id: Some(resolution),
            legal_basis: "Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ".into(),
            status: PlanStatus::InForce,
        },
        Plan {
            plan_id: city_2019,
            number: String::new(),
            title: "Kế hoạch ứng dụng công nghệ thông tin năm 2019 của Thành phố Hà Nội".into(),
            issuer: "UBND Thành phố Hà Nội".into(),
            level: PlanLevel::City,
            issued_on: None,
            start_year: 2019,
            end_year: 2019,
            orientation_year: None,
            parent_id: None,
            legal_basis: String::new(),
            status: PlanStatus::InForce,
        },
        Plan {
            plan_id: district_2019,
            number: "112/KH-UBND".into(),
            title: "Kế hoạch ứng dụng công nghệ thông tin năm 2019".into(),
            issuer: "UBND quận".into(),
            level: PlanLevel::District,
            issued_on: Some(day(2019, 3, 1)),
            start_year: 2019,
            end_year: 2019,
            orientation_year: None,
            parent_id: Some(city_2019),
            legal_basis: "Dữ liệu mẫu: số hiệu và chỉ tiêu lấy từ Kế hoạch 112/KH-UBND năm 2019 của UBND quận Thanh Xuân".into(),
            status: PlanStatus::InForce,
        },
    ];
    let mut target = |plan_id: Uuid,
                      code: &str,
                      text: &str,
                      scope: TargetScope,
                      cmp: Comparison,
                      value: f64,
                      measured: Option<f64>| {
        let target_id = id("target", &format!("{plan_id}:{code}"));
        seed.targets.push(Target {
            target_id,
            plan_id,
            code: code.into(),
            text: text.into(),
            kind: TargetKind::Percent,
            scope,
            comparison: cmp,
            baseline: None,
            target_value: value,
            deadline: Some(Deadline::Year(2019)),
        });
        if let Some(v) = measured {
            seed.measurements.push(Measurement {
                measurement_id: id("measurement", &format!("{target_id}:2019-06-30")),
                target_id,
                value: v,
                as_of: day(2019, 6, 30),
                source: "Báo cáo sơ kết 6 tháng".into(),
            });
        }
        target_id
    };
    use Comparison::{AtLeast, MoreThan};
    use TargetScope::{Body, Units};
    target(
        city_2019,
        "1",
        "100% xã, phường, thị trấn triển khai hội nghị truyền hình trực tuyến (giao ban trực tuyến) kết nối với UBND Thành phố",
        Body,
        AtLeast,
        100.0,
        None,
    );
    target(
        city_2019,
        "2",
        "80% cuộc họp triển khai nhiệm vụ công tác, sơ kết, tổng kết, tập huấn của Thành phố được thực hiện trực tuyến",
        Body,
        AtLeast,
        80.0,
        None,
    );
    target(
        city_2019,
        "3",
        "30% cuộc họp nhiều thành phần, họp giao ban định kỳ được thực hiện trực tuyến",
        Body,
        AtLeast,
        30.0,
        None,
    );
    target(
        city_2019,
        "4",
        "100% văn bản giao dịch giữa các cơ quan hành chính nhà nước của Thành phố dưới dạng điện tử",
        Body,
        AtLeast,
        100.0,
        None,
    );
    target(
        city_2019,
        "5",
        "80% thủ tục hành chính được cung cấp trực tuyến mức độ 3, 4",
        Body,
        AtLeast,
        80.0,
        None,
    );
    target(
        city_2019,
        "6",
        "Ít nhất 30% dịch vụ công trực tuyến ở mức độ 4",
        Body,
        AtLeast,
        30.0,
        None,
    );
    target(
        city_2019,
        "7",
        "Tối thiểu 50% gói thầu chào hàng cạnh tranh, quy mô nhỏ lựa chọn nhà thầu qua mạng",
        Body,
        AtLeast,
        50.0,
        None,
    );

    let connected = target(
        district_2019,
        "1",
        "100% phường được triển khai kết nối giao ban trực tuyến với Thành phố",
        Units,
        AtLeast,
        100.0,
        Some(12.0 / 14.0 * 100.0),
    );
    target(
        district_2019,
        "2",
        "80% cuộc họp triển khai nhiệm vụ công tác, sơ kết, tổng kết, tập huấn của UBND quận được thực hiện trực tuyến",
        Body,
        AtLeast,
        80.0,
        Some(62.0),
    );
    target(
        district_2019,
        "3",
        "30% cuộc họp nhiều thành phần, họp giao ban định kỳ giữa UBND quận và các phường được thực hiện trực tuyến",
        Body,
        AtLeast,
        30.0,
        Some(25.0),
    );
    target(
        district_2019,
        "4",
        "100% văn bản giao dịch giữa UBND quận với UBND Thành phố và UBND các phường dưới dạng điện tử",
        Body,
        AtLeast,
        100.0,
        Some(97.5),
    );
    target(
        district_2019,
        "5",
        "Tối thiểu 50% gói thầu chào hàng cạnh tranh, quy mô nhỏ, đấu thầu rộng rãi, hạn chế lựa chọn nhà thầu qua mạng",
        Body,
        AtLeast,
        50.0,
        Some(40.0),
    );
    target(
        district_2019,
        "6",
        "Tỷ lệ hồ sơ đăng ký qua mạng đối với dịch vụ công trực tuyến mức độ 3, 4 cấp quận, phường đạt trên 98%",
        Body,
        MoreThan,
        98.0,
        Some(96.2),
    );
    target(
        district_2019,
        "7",
        "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 đạt 100% (hết năm 2019)",
        Body,
        AtLeast,
        100.0,
        Some(88.0),
    );
    for ward in WARDS {
        seed.unit_checks.push(UnitCheck {
            check_id: id("check", &format!("{connected}:{ward}")),
            target_id: connected,
            unit_id: unit(ward),
            as_of: day(2019, 6, 30),
            met: !matches!(ward, "Cự Khối" | "Thạch Bàn"),
        });
    }
    let mut task = |text: &str, units: &[&str], status: TaskStatus| {
        seed.tasks.push(Task {
            task_id: id("task", text),
            plan_id: district_2019,
            text: text.into(),
            unit_ids: units.iter().map(|u| unit(u)).collect(),
            deadline: Some(Deadline::Year(2019)),
            status,
            note: String::new(),
        });
    };
    task(
        "Duy trì hiệu quả hệ thống giao ban trực tuyến giữa quận và các phường",
        &[OFFICE],
        TaskStatus::InProgress,
    );
    task(
        "Duy trì Cổng thông tin điện tử quận và trang thông tin điện tử các phường, trường học; sẵn sàng nâng cấp, mở rộng",
        &[CULTURE_IT],
        TaskStatus::InProgress,
    );
    task(
        "Thực hiện hiệu quả phần mềm một cửa dùng chung 3 cấp và dịch vụ công trực tuyến mức độ 3, 4 của Thành phố",
        &[OFFICE],
        TaskStatus::InProgress,
    );
    task(
        "Kết nối, trao đổi dữ liệu với phần mềm, cơ sở dữ liệu của Thành phố theo tiến độ",
        &[CULTURE_IT],
        TaskStatus::NotStarted,
    );
}

fn add_meeting(
    seed: &mut Seed,
    chair: Uuid,
    ward_set: Uuid,
    district_set: Uuid,
    one_stop_set: Uuid,
    unit: &dyn Fn(&str) -> Uuid,
) {
    let meeting_id = id("meeting", "2018-01-03");
    seed.meetings.push(Meeting {
        meeting_id,
        held_on: day(2018, 1, 3),
        time: None,
        title: "Giao ban Ban chỉ đạo ứng dụng công nghệ thông tin quận".into(),
        place: String::new(),
        chair_id: Some(chair),
        notice_number: String::new(),
    });
    seed.attendees.push(Attendee {
        attendance_id: id("attendance", "2018-01-03:chair"),
        meeting_id,
        person_id: Some(chair),
        name: String::new(),
        title: "Trưởng Ban chỉ đạo, chủ trì".into(),
        unit_id: None,
    });
    seed.attendees.push(Attendee {
        attendance_id: id("attendance", "2018-01-03:members"),
        meeting_id,
        person_id: None,
        name: String::new(),
        title: "Các đồng chí thành viên Ban chỉ đạo".into(),
        unit_id: None,
    });
    for (i, (title, presenter)) in [
        ("Báo cáo kết quả đánh giá mô hình Một cửa quận, phường năm 2017", OFFICE),
        ("Báo cáo kết quả đánh giá mô hình Cơ quan điện tử phường năm 2017", CULTURE_IT),
        ("Dự thảo khung mô hình Cơ quan điện tử quận và tiêu chí thực hiện năm 2018", CULTURE_IT),
        ("Dự thảo Kế hoạch ứng dụng CNTT năm 2018", CULTURE_IT),
        ("Kế hoạch tổ chức tuyên truyền và thi tìm hiểu dịch vụ công trực tuyến mức độ 3, 4 tại các trường học năm 2018", CULTURE_IT),
    ]
    .into_iter()
    .enumerate()
    {
        seed.agenda.push(AgendaItem {
            agenda_id: id("agenda", &format!("2018-01-03:{i}")),
            meeting_id,
            title: title.into(),
            presenter_id: Some(unit(presenter)),
        });
    }
    let conclusions: [(&str, &str, Option<Uuid>); 5] = [
        (
            "Về mô hình tiếp nhận và trả kết quả giải quyết TTHC quận, phường",
            "Căn cứ báo cáo kết quả kiểm tra, đánh giá công nhận của Tổ công tác, thống nhất công nhận đạt chuẩn mô hình tiếp nhận và trả kết quả giải quyết TTHC của Bộ phận một cửa quận và 14 phường. Đồng ý đổi tên mô hình thành mô hình \"Bộ phận tiếp nhận và trả kết quả thân thiện, gần dân\". Tham mưu tiêu chí mô hình năm 2018 hướng tới mục tiêu rút ngắn thời gian giải quyết TTHC, giảm số lần đi lại của công dân, đáp ứng đầy đủ nội dung theo Quyết định số 07/2016/QĐ-UBND của UBND Thành phố Hà Nội, hoàn thành và ban hành trong tháng 01 năm 2018.",
            Some(one_stop_set),
        ),
        (
            "Về mô hình Cơ quan điện tử phường",
            "Hoàn thiện bộ tiêu chí đánh giá năm 2018 gắn với hệ thống quản lý chất lượng ISO 9001:2015. Bổ sung một số tiêu chí mới như: kết quả đánh giá sát hạch trình độ ứng dụng CNTT của Bí thư Đảng ủy, Phó Bí thư Đảng ủy, Chủ tịch UBND phường; tỷ lệ truy cập Trang thông tin điện tử phường… làm tiêu chí đánh giá mô hình năm 2018, hoàn thành bộ tiêu chí, trình Ban chỉ đạo phê duyệt và ban hành áp dụng trong tháng 01 năm 2018. Căn cứ bộ tiêu chí mới, tổ chức chấm điểm thực hiện mô hình hàng tháng trên hệ thống và công khai kết quả chấm điểm trên Trang thông tin điều hành tác nghiệp. Trong quý I năm 2018, tổ chức lớp bồi dưỡng kỹ năng ứng dụng CNTT cho lãnh đạo chủ chốt phường còn hạn chế trong việc ứng dụng CNTT.",
            Some(ward_set),
        ),
        (
            "Về mô hình Cơ quan điện tử quận",
            "Thống nhất chủ trương xây dựng và triển khai áp dụng khung mô hình Cơ quan điện tử quận giai đoạn 2018 - 2020 với phương châm đảm bảo tính khả thi và chủ động trong triển khai thực hiện. Xây dựng lộ trình tổ chức thực hiện và dự kiến đánh giá đạt chuẩn khung mô hình vào tháng 6/2020. Xây dựng các văn bản tổ chức thực hiện và bộ tiêu chí thực hiện năm 2018, xin ý kiến các phòng, ban, ngành, đoàn thể, hoàn thiện trình Ban chỉ đạo phê duyệt ban hành và triển khai áp dụng trong tháng 01 năm 2018. Tham mưu bố trí kinh phí thực hiện mô hình giai đoạn 2018 - 2020 đảm bảo đúng quy định.",
            Some(district_set),
        ),
        (
            "Về triển khai kế hoạch ứng dụng CNTT năm 2018",
            "Xây dựng kế hoạch ứng dụng CNTT năm 2018 trên nguyên tắc đảm bảo thực hiện các nhiệm vụ trọng tâm, thường xuyên và các nhiệm vụ do Thành phố giao. Hướng dẫn các trường chi chế độ chính sách cho cán bộ chuyên trách CNTT trường.",
            None,
        ),
        (
            "Về tổ chức tuyên truyền và thi tìm hiểu dịch vụ công trực tuyến mức độ 3 và 4",
            "Xây dựng kế hoạch chi tiết tổ chức cuộc thi trình Ban chỉ đạo xem xét phê duyệt.",
            None,
        ),
    ];
    for (i, (heading, text, set_id)) in conclusions.into_iter().enumerate() {
        seed.conclusions.push(Conclusion {
            conclusion_id: id("conclusion", &format!("2018-01-03:{}", i + 1)),
            meeting_id,
            number: i as u32 + 1,
            heading: heading.into(),
            text: text.into(),
            set_id,
            period_id: None,
            plan_id: None,
        });
    }
    let month = |y, m| Some(Deadline::Month { year: y, month: m });
    let q1 = Some(Deadline::Quarter {
        year: 2018,
        quarter: 1,
    });
    // (conclusion number, unit, task, deadline, completed on)
    type Action<'a> = (u32, &'a str, &'a str, Option<Deadline>, Option<NaiveDate>);
    let actions: [Action; 8] = [
        (
            1,
            OFFICE,
            "Tham mưu, ban hành tiêu chí mô hình \"Bộ phận tiếp nhận và trả kết quả thân thiện, gần dân\" năm 2018",
            month(2018, 1),
            Some(day(2018, 1, 30)),
        ),
        (
            2,
            CULTURE_IT,
            "Hoàn thiện bộ tiêu chí mô hình Cơ quan điện tử phường năm 2018 gắn với ISO 9001:2015, trình Ban chỉ đạo phê duyệt, ban hành",
            month(2018, 1),
            Some(day(2018, 1, 26)),
        ),
        (
            2,
            HOME_AFFAIRS,
            "Tổ chức lớp bồi dưỡng kỹ năng ứng dụng CNTT cho lãnh đạo chủ chốt phường",
            q1,
            Some(day(2018, 3, 28)),
        ),
        (
            3,
            CULTURE_IT,
            "Xây dựng văn bản tổ chức thực hiện và bộ tiêu chí mô hình Cơ quan điện tử quận năm 2018, trình Ban chỉ đạo phê duyệt",
            month(2018, 1),
            None,
        ),
        (
            3,
            CULTURE_IT,
            "Đánh giá đạt chuẩn khung mô hình Cơ quan điện tử quận giai đoạn 2018 - 2020",
            month(2020, 6),
            None,
        ),
        (
            3,
            FINANCE,
            "Tham mưu bố trí kinh phí thực hiện mô hình Cơ quan điện tử quận giai đoạn 2018 - 2020",
            None,
            None,
        ),
        (
            4,
            CULTURE_IT,
            "Xây dựng kế hoạch ứng dụng CNTT năm 2018",
            q1,
            Some(day(2018, 2, 12)),
        ),
        (
            5,
            CULTURE_IT,
            "Xây dựng kế hoạch chi tiết tổ chức cuộc thi tìm hiểu dịch vụ công trực tuyến mức độ 3, 4 tại các trường học, trình Ban chỉ đạo",
            None,
            None,
        ),
    ];
    for (i, (number, who, text, deadline, done)) in actions.into_iter().enumerate() {
        seed.actions.push(ActionItem {
            action_id: id("action", &format!("2018-01-03:{i}")),
            meeting_id,
            conclusion_id: Some(id("conclusion", &format!("2018-01-03:{number}"))),
            unit_id: Some(unit(who)),
            text: text.into(),
            deadline,
            status: if done.is_some() {
                ActionStatus::Done
            } else {
                ActionStatus::Open
            },
            completed_on: done,
            completion_note: String::new(),
        });
    }
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

/// A large document for measuring speed: `units` wards and communes, a ward e-office set of
/// `criteria` criteria (all kinds, in six groups plus bonus/penalty), and two months of scores
/// (January published, February being scored). Deterministic.
pub fn scaled_seed(units: usize, criteria: usize) -> Seed {
    let mut seed = demo_seed();
    seed.body = Some(Body {
        body_id: id("body", "scaled"),
        name: format!("Dữ liệu thử tải ({units} đơn vị)"),
        kind: BodyKind::City,
        parent_name: None,
    });
    seed.units = (0..units)
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
            }
        })
        .collect();
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
    for month in 1..=2u32 {
        let period_id = id("period", &format!("scaled:{month}"));
        seed.periods.push(Period {
            period_id,
            set_id,
            month,
            status: if month == 1 {
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
    seed
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
        let seed = scaled_seed(200, 60);
        assert_eq!(seed.units.len(), 200);
        assert_eq!(seed.criteria.len(), 60);
        assert_eq!(seed.scores.len(), 200 * 60 * 2);
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
