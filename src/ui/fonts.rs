//! The bundled Noto Sans ([`crate::assets`]), first in every family: egui's own fonts cannot
//! draw Vietnamese.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::assets::{NOTO_SANS_BOLD, NOTO_SANS_REGULAR};

/// The family name for bold text.
pub const BOLD: &str = "bold";

pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "NotoSans-Regular".into(),
        Arc::new(FontData::from_static(NOTO_SANS_REGULAR)),
    );
    fonts.font_data.insert(
        "NotoSans-Bold".into(),
        Arc::new(FontData::from_static(NOTO_SANS_BOLD)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "NotoSans-Regular".into());
    }
    // Arrows (→ in the audit log and the shortcuts) and other symbols Noto Sans's Latin and
    // Vietnamese letters lack: from egui's own Hack, last in line.
    if fonts.font_data.contains_key("Hack")
        && let Some(list) = fonts.families.get_mut(&FontFamily::Proportional)
        && !list.iter().any(|f| f == "Hack")
    {
        list.push("Hack".into());
    }
    let mut bold = vec!["NotoSans-Bold".to_string()];
    bold.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(FontFamily::Name(BOLD.into()), bold);
    fonts
}

/// The bundled fonts, and the light theme: an office screen and a projector both read dark
/// text on white best.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
    ctx.set_theme(egui::ThemePreference::Light);
}

/// Bold text in the bundled bold face.
pub fn bold(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).family(FontFamily::Name(BOLD.into()))
}
