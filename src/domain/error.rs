//! Why the domain refuses a change, in words a secretary understands.

use thiserror::Error;

use super::lang::Lang;

/// A change the rules refuse. Each variant carries what the message needs.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum RuleError {
    #[error("the name is empty")]
    EmptyName,
    #[error("the name has {chars} characters; at most {max} are allowed")]
    NameTooLong { chars: usize, max: usize },
    #[error("the text holds control characters")]
    ControlCharacters,
    #[error("a unit named \"{0}\" already exists")]
    DuplicateUnitName(String),
    #[error("unit not found")]
    UnitNotFound,
    #[error("person not found")]
    PersonNotFound,
    #[error("the unit \"{0}\" is already retired")]
    AlreadyRetired(String),
    #[error("the unit \"{name}\" joined on {joined}: it cannot stop before")]
    RetiredBeforeJoined { name: String, joined: String },
    #[error("the unit \"{0}\" is not retired")]
    NotRetired(String),
    #[error("the unit \"{name}\" has history ({rows} records) and can only be retired")]
    UnitHasHistory { name: String, rows: i64 },
    #[error(
        "the person \"{name}\" appears in {rows} meeting records and can only be marked inactive"
    )]
    PersonHasHistory { name: String, rows: i64 },
    #[error("position {index} is outside the list of {len} units")]
    BadPosition { index: usize, len: usize },
    #[error("\"{0}\" is not a valid date (expected YYYY-MM-DD)")]
    BadDate(String),
    #[error("\"{0}\" is not a valid deadline (expected YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY)")]
    BadDeadline(String),
    #[error(
        "the years do not fit: start 1990–2100, end not before the start, orientation not before the end"
    )]
    BadYears,
    #[error("the value does not fit the target's kind (a percentage is 0–100, yes/no is 0 or 1)")]
    BadTargetValue,
    #[error("number {0} is outside 1–999")]
    BadNumber(u32),
    #[error("a completed item needs its completion date")]
    CompletionDateNeeded,
    #[error("\"{0}\" is not a time of day (expected 08:00 or 8h30)")]
    BadTime(String),
    #[error(
        "{rows} records depend on it (targets, tasks, measurements, items...); remove them first"
    )]
    InUse { rows: i64 },
    #[error("not found")]
    NotFound,
    #[error("\"{0}\" is already used")]
    DuplicateCode(String),
    #[error("a plan cannot implement itself or a plan that implements it")]
    PlanCycle,
    #[error("a deck holds at most {max} slides")]
    TooManySlides { max: usize },
}

impl RuleError {
    /// The message in the person's language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Vi => match self {
                RuleError::EmptyName => "Tên không được để trống".into(),
                RuleError::NameTooLong { chars, max } => {
                    format!("Tên dài {chars} ký tự; tối đa {max} ký tự")
                }
                RuleError::ControlCharacters => "Văn bản chứa ký tự điều khiển không hợp lệ".into(),
                RuleError::DuplicateUnitName(name) => format!("Đã có đơn vị tên \"{name}\""),
                RuleError::UnitNotFound => "Không tìm thấy đơn vị".into(),
                RuleError::PersonNotFound => "Không tìm thấy người này".into(),
                RuleError::AlreadyRetired(name) => {
                    format!("Đơn vị \"{name}\" đã thôi hoạt động")
                }
                RuleError::RetiredBeforeJoined { name, joined } => {
                    format!("Đơn vị \"{name}\" có từ ngày {joined}: không thể thôi trước ngày đó")
                }
                RuleError::NotRetired(name) => format!("Đơn vị \"{name}\" đang hoạt động"),
                RuleError::UnitHasHistory { name, rows } => format!(
                    "Đơn vị \"{name}\" đã có dữ liệu ({rows} bản ghi); chỉ có thể cho thôi hoạt động"
                ),
                RuleError::PersonHasHistory { name, rows } => format!(
                    "\"{name}\" có trong {rows} bản ghi cuộc họp; chỉ có thể đánh dấu không còn tham gia"
                ),
                RuleError::BadPosition { index, len } => {
                    format!("Vị trí {index} nằm ngoài danh sách {len} đơn vị")
                }
                RuleError::BadDate(s) => format!("\"{s}\" không phải ngày hợp lệ (YYYY-MM-DD)"),
                RuleError::BadDeadline(s) => format!(
                    "\"{s}\" không phải thời hạn hợp lệ (YYYY-MM-DD, YYYY-MM, YYYY-Qn hoặc YYYY)"
                ),
                RuleError::BadYears => "Năm không hợp lệ: năm bắt đầu 1990–2100, năm kết thúc không trước năm bắt đầu, năm định hướng không trước năm kết thúc".into(),
                RuleError::BadTargetValue => "Giá trị không hợp với loại chỉ tiêu (tỷ lệ từ 0 đến 100, có/không là 0 hoặc 1)".into(),
                RuleError::BadNumber(n) => format!("Số thứ tự {n} nằm ngoài khoảng 1–999"),
                RuleError::CompletionDateNeeded => "Việc đã hoàn thành cần có ngày hoàn thành".into(),
                RuleError::BadTime(s) => format!("\"{s}\" không phải giờ hợp lệ (ví dụ 08:00 hoặc 8h30)"),
                RuleError::InUse { rows } => format!(
                    "Còn {rows} bản ghi phụ thuộc (chỉ tiêu, nhiệm vụ, số liệu, kết luận, việc giao…); hãy xóa chúng trước"
                ),
                RuleError::NotFound => "Không tìm thấy bản ghi".into(),
                RuleError::DuplicateCode(c) => format!("\"{c}\" đã được dùng"),
                RuleError::TooManySlides { max } => {
                    format!("Một bộ trình chiếu có tối đa {max} trang")
                }
                RuleError::PlanCycle => {
                    "Một kế hoạch không thể triển khai chính nó hoặc kế hoạch cấp dưới của nó".into()
                }
            },
        }
    }
}
