//! The demo's plans (from the government's resolution down to the district's 2019 plan, with
//! targets, values and tasks) and its briefing meetings.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{CULTURE_IT, FINANCE, HOME_AFFAIRS, OFFICE, WARDS, day, id};
use crate::domain::deadline::Deadline;
use crate::domain::meeting::{ActionItem, ActionStatus, AgendaItem, Attendee, Conclusion, Meeting};
use crate::domain::plan::{
    Comparison, Measurement, Plan, PlanLevel, PlanStatus, Target, TargetKind, TargetScope, Task,
    TaskStatus, UnitCheck,
};
use crate::domain::seed::Seed;

/// A second, illustrative meeting (not from the articles): the mid-2019 review, so the demo
/// has a meeting whose deck shows the 2018 scores and the 2019 plan's six-month values.
pub(super) fn add_review_meeting(seed: &mut Seed, chair: Uuid, unit: &dyn Fn(&str) -> Uuid) {
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
        signer_id: None,
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

pub(super) fn add_plans(seed: &mut Seed, unit: &dyn Fn(&str) -> Uuid) {
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

pub(super) fn add_meeting(
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
        signer_id: None,
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
