//! The set's bands and its pass rule.

use super::forms::number_field;
use crate::domain::criteria::SetDefinition;
use crate::domain::lang::Lang;
use crate::domain::scoring::{Band, PassRule};
use crate::ui::fonts::bold;
use crate::ui::widgets::{band_chip, band_fill};
use egui::RichText;
use uuid::Uuid;

pub(super) fn bands_view(ui: &mut egui::Ui, work: &SetDefinition, lang: Lang) {
    ui.label(bold(lang.pick("Xếp loại", "Bands")).size(16.0));
    ui.horizontal_wrapped(|ui| {
        for b in &work.bands {
            band_chip(ui, b, lang);
        }
    });
}

pub(super) fn bands_ui(ui: &mut egui::Ui, work: &mut SetDefinition, lang: Lang) {
    ui.label(bold(lang.pick("Xếp loại", "Bands")).size(16.0));
    ui.label(
        RichText::new(lang.pick(
            "Mỗi mức tính từ cận dưới (% tổng điểm tối đa) trở lên.",
            "Each band starts at its lower bound (% of the maximum) and up.",
        ))
        .weak(),
    );
    let mut remove = None;
    egui::Grid::new("bands")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (i, b) in work.bands.iter_mut().enumerate() {
                ui.push_id(b.band_id, |ui| {
                    ui.add_sized([150.0, 22.0], egui::TextEdit::singleline(&mut b.name))
                        .on_hover_text(lang.pick("Tên xếp loại", "Band name"));
                });
                ui.add(
                    number_field(&mut b.lower_pct, lang)
                        .speed(1.0)
                        .range(0.0..=100.0)
                        .suffix("%"),
                )
                .on_hover_text(lang.pick("Cận dưới", "Lower bound"));
                let c = band_fill(b);
                let mut rgb = [c.r(), c.g(), c.b()];
                if egui::widgets::color_picker::color_edit_button_srgb(ui, &mut rgb).changed() {
                    b.color = format!("#{:02X}{:02X}{:02X}", rgb[0], rgb[1], rgb[2]);
                }
                if ui.small_button(lang.pick("Bỏ", "Remove")).clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        work.bands.remove(i);
    }
    if ui.button(lang.pick("Thêm xếp loại", "Add band")).clicked() {
        let lowest = work
            .bands
            .iter()
            .map(|b| b.lower_pct)
            .fold(100.0_f64, f64::min);
        work.bands.push(Band {
            band_id: Uuid::new_v4(),
            set_id: work.set.set_id,
            name: lang.pick("Mức mới", "New band").into(),
            lower_pct: (lowest / 2.0).floor(),
            color: "#546E7A".into(),
        });
    }
}

pub(super) fn pass_rule_ui(ui: &mut egui::Ui, work: &mut SetDefinition, lang: Lang) {
    ui.label(bold(lang.pick("Quy tắc công nhận đạt chuẩn", "Pass rule")).size(16.0));
    let mut rule = work.set.pass_rule.unwrap_or(PassRule::AllRequired);
    ui.radio_value(
        &mut rule,
        PassRule::AllRequired,
        lang.pick(
            "Đạt mọi tiêu chí đánh dấu \"bắt buộc để đạt chuẩn\"",
            "Meets every criterion marked \"required to pass\"",
        ),
    );
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut rule,
            PassRule::MinPercent,
            lang.pick("Tổng điểm đạt tối thiểu", "Total at least"),
        );
        if rule == PassRule::MinPercent {
            let pct = work.set.pass_min_pct.get_or_insert(80.0);
            ui.add(
                number_field(pct, lang)
                    .speed(1.0)
                    .range(0.0..=100.0)
                    .suffix("%"),
            );
        }
    });
    work.set.pass_rule = Some(rule);
}
