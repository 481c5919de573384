//! The list of criteria sets and their periods.
use egui::Color32;

use crate::app::document::DocView;
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::scoring::PeriodStatus;
use crate::ui::fonts::bold;

/// The list of criteria sets and their periods.
pub fn overview_ui(ui: &mut egui::Ui, view: &DocView, lang: Lang) {
    if view.sets.is_empty() {
        ui.label(lang.pick(
            "Tệp chưa có bộ tiêu chí nào.",
            "The file holds no criteria set yet.",
        ));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("scoring-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for s in &view.sets {
                let title = format!("{} — {}", s.model.name, s.set.year);
                egui::CollapsingHeader::new(bold(title).size(16.0))
                    .id_salt(s.set.set_id)
                    .default_open(!s.periods.is_empty())
                    .show(ui, |ui| {
                        if !s.set.title.is_empty() {
                            ui.label(&s.set.title);
                        }
                        ui.label(match lang {
                            Lang::Vi => format!(
                                "{} tiêu chí trong {} nhóm · tối đa {} điểm",
                                s.criteria,
                                s.groups,
                                format_number(s.max_total)
                            ),
                            Lang::En => format!(
                                "{} criteria in {} groups · {} points at most",
                                s.criteria,
                                s.groups,
                                format_number(s.max_total)
                            ),
                        });
                        if s.model.pass_fail {
                            ui.label(lang.pick(
                                "Đánh giá đạt/không đạt chuẩn (công nhận)",
                                "Pass/fail recognition",
                            ));
                        }
                        if !s.bands.is_empty() {
                            ui.horizontal_wrapped(|ui| {
                                ui.label(lang.pick("Xếp loại:", "Bands:"));
                                for b in &s.bands {
                                    crate::ui::widgets::band_chip(ui, b, lang);
                                }
                            });
                        }
                        if s.periods.is_empty() {
                            ui.label(lang.pick("Chưa có kỳ chấm điểm.", "No scoring period yet."));
                            return;
                        }
                        egui::Grid::new(("periods", s.set.set_id))
                            .striped(true)
                            .num_columns(4)
                            .spacing([16.0, 4.0])
                            .show(ui, |ui| {
                                ui.label(bold(lang.pick("Kỳ", "Period")));
                                ui.label(bold(lang.pick("Trạng thái", "Status")));
                                ui.label(bold(lang.pick("Đơn vị đã chấm", "Units scored")));
                                ui.label(bold(
                                    lang.pick("Ô chưa thẩm định", "Cells not appraised"),
                                ));
                                ui.end_row();
                                for p in &s.periods {
                                    ui.label(p.period.label(s.set.year, lang));
                                    let color = match p.period.status {
                                        PeriodStatus::Draft => Color32::from_rgb(170, 100, 0),
                                        PeriodStatus::Finalized => Color32::from_rgb(20, 90, 160),
                                        PeriodStatus::Published => Color32::from_rgb(30, 120, 50),
                                    };
                                    ui.colored_label(color, p.period.status.label(lang));
                                    ui.label(p.units_scored.to_string());
                                    if p.cells_unappraised > 0 {
                                        ui.colored_label(
                                            Color32::from_rgb(170, 100, 0),
                                            p.cells_unappraised.to_string(),
                                        );
                                    } else {
                                        ui.label("0");
                                    }
                                    ui.end_row();
                                }
                            });
                    });
                ui.add_space(6.0);
            }
        });
}
