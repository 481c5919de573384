//! Small widgets every panel uses: colours from the domain's rules, chips, wrapped cells.

use egui::{Color32, RichText};

use crate::domain::colour::Rgb;
use crate::domain::scoring::Band;

/// A domain colour on screen.
pub fn color32(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// A band's colour on screen (grey when the file's colour cannot be read), as on the slides.
pub fn band_fill(band: &Band) -> Color32 {
    color32(band.colour())
}

/// Black or white, whichever reads better on `fill`: the domain's rule, as on the slides.
pub fn text_on(fill: Color32) -> Color32 {
    color32(Rgb(fill.r(), fill.g(), fill.b()).text_on())
}

/// A coloured chip with text that reads on it.
pub fn chip(ui: &mut egui::Ui, text: &str, fill: Color32) {
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .corner_radius(3.0)
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(text_on(fill)));
        });
}

/// A button that creates something (a set, a period) and is replaced, where it stood, by the
/// button that creates the next one: a click within half a second of the last one taken (the
/// second click of a double click) is not taken, so a double click creates one thing, not two.
pub fn create_button(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> bool {
    let clicked = ui.button(text).clicked();
    if !clicked {
        return false;
    }
    let id = egui::Id::unique("giaoban-last-create-click");
    let now = ui.input(|i| i.time);
    let last: Option<f64> = ui.ctx().data(|d| d.get_temp(id));
    if last.is_some_and(|t| now - t < 0.5) {
        return false;
    }
    ui.ctx().data_mut(|d| d.insert_temp(id, now));
    true
}

/// A band as its chip in the lists of a set's bands: "Tốt: từ 80%" on the band's colour.
pub fn band_chip(ui: &mut egui::Ui, band: &Band, lang: crate::domain::lang::Lang) {
    let fill = band_fill(band);
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(8, 3))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "{}: {} {}%",
                    band.name,
                    lang.pick("từ", "from"),
                    crate::domain::plan::format_number(band.lower_pct)
                ))
                .color(text_on(fill)),
            );
        });
}

/// A label that wraps within `width`, for the long text column of a grid.
pub fn wrapped_cell(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>, width: f32) {
    ui.vertical(|ui| {
        ui.set_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}

/// `text` as it fits `max` points in `font`: whole, or cut with "…" ("Văn phòng HĐND và
/// UBND q…"), never clipped mid-letter by what is drawn beside it.
pub fn fit_text(ctx: &egui::Context, text: &str, font: &egui::FontId, max: f32) -> String {
    crate::domain::text::fit_to(text, max, |t| {
        ctx.fonts_mut(|f| {
            f.layout_no_wrap(t.to_string(), font.clone(), egui::Color32::BLACK)
                .size()
                .x
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::Band;

    fn band(color: &str) -> Band {
        Band {
            band_id: uuid::Uuid::nil(),
            set_id: uuid::Uuid::nil(),
            name: "Tốt".into(),
            lower_pct: 80.0,
            color: color.into(),
        }
    }

    /// A band's chip on screen and the same band on a slide: one colour, one text colour.
    #[test]
    fn a_band_on_screen_is_the_band_on_the_slide() {
        for hex in [
            "#2E7D32", "#F9A825", "#1565C0", "#C62828", "#9E9E9E", "#FFFFFF", "red", "#12",
        ] {
            let b = band(hex);
            let on_slide = b.colour();
            assert_eq!(band_fill(&b), color32(on_slide), "{hex}");
            assert_eq!(text_on(band_fill(&b)), color32(on_slide.text_on()), "{hex}");
        }
        assert_eq!(
            band_fill(&band("#ẞẞẞ")),
            color32(crate::domain::colour::UNREADABLE)
        );
    }
}
