//! The left navigation.

use crate::domain::lang::Lang;

/// The left navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Nav {
    Plans,
    #[default]
    Scoring,
    Meetings,
    Charts,
    Settings,
}

impl Nav {
    pub const ALL: [Nav; 5] = [
        Nav::Plans,
        Nav::Scoring,
        Nav::Meetings,
        Nav::Charts,
        Nav::Settings,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Nav::Plans => lang.pick("Kế hoạch", "Plans"),
            Nav::Scoring => lang.pick("Chấm điểm", "Scoring"),
            Nav::Meetings => lang.pick("Giao ban", "Meetings"),
            Nav::Charts => lang.pick("Biểu đồ", "Charts"),
            Nav::Settings => lang.pick("Đơn vị & cài đặt", "Units & settings"),
        }
    }
}
