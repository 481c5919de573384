//! The demo's criteria sets as written in the sources: the 2018 ward e-office set, the 2017
//! one-stop set and the draft 2018 district e-office set, one compact line a criterion.

use crate::domain::scoring::CriterionKind::{self, Bonus, Count, Penalty, Points, YesNo};
use crate::domain::scoring::RateMode;

/// One criterion of a set, written compactly.
pub(super) struct Spec {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) kind: CriterionKind,
    pub(super) max: f64,
    pub(super) step: f64,
    pub(super) rate_mode: Option<RateMode>,
    pub(super) thresholds: &'static [(f64, f64)],
    pub(super) evidence: bool,
}

pub(super) const fn spec(
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

pub(super) const fn rate(code: &'static str, name: &'static str, max: f64) -> Spec {
    Spec {
        rate_mode: Some(RateMode::Proportional),
        ..spec(code, name, CriterionKind::Rate, max, 0.01)
    }
}

pub(super) const fn evidence(s: Spec) -> Spec {
    Spec {
        evidence: true,
        ..s
    }
}

pub(super) const fn thresholds(s: Spec, t: &'static [(f64, f64)]) -> Spec {
    Spec {
        thresholds: t,
        rate_mode: match s.kind {
            CriterionKind::Rate => Some(RateMode::Thresholds),
            _ => None,
        },
        ..s
    }
}

/// The 2018 ward e-office criteria set: 100 points in six groups, plus bonus and penalty.
/// Group 4 and criteria 5.1–5.3 and 6.2 are the criteria the meeting of 03/01/2018 added.
pub(super) fn ward_eoffice_2018() -> Vec<(&'static str, &'static str, Vec<Spec>)> {
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

pub(super) fn one_stop_2017() -> Vec<(&'static str, &'static str, Vec<Spec>)> {
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

pub(super) fn district_eoffice_2018() -> Vec<(&'static str, &'static str, Vec<Spec>)> {
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
