//! The year view: units × months of a model's year, read once per revision.
use egui::RichText;
use uuid::Uuid;

use super::ScoringPanel;
use crate::app::document::Document;
use crate::domain::lang::Lang;
use crate::domain::plan::format_number_in;
use crate::domain::points::round_half_up;
use crate::domain::results::{YearRow, year_results};
use crate::ui::fonts::bold;
use crate::ui::widgets::{band_fill, text_on};

/// The year view, read once per model, year and document revision.
pub(super) struct YearCache {
    key: (String, i32, u64),
    units: Vec<crate::domain::org::Unit>,
    rows: Vec<YearRow>,
    bands: Vec<crate::domain::scoring::Band>,
}

/// Units × months: each month's total, the year's average, rank and band.
pub(super) fn year_ui(
    ui: &mut egui::Ui,
    panel: &mut ScoringPanel,
    doc: &Document,
    model: &str,
    year: i32,
    lang: Lang,
    notes: &mut Vec<String>,
) {
    let key = (model.to_string(), year, doc.view.revision);
    if panel.year_cache.as_ref().map(|y| &y.key) != Some(&key) {
        match doc.store.year(model, year) {
            Ok((units, months, bands)) => {
                let ids: Vec<Uuid> = units.iter().map(|u| u.unit_id).collect();
                let mut rows = year_results(&ids, &months, &bands);
                rows.sort_by_key(|r| r.rank.unwrap_or(u32::MAX));
                panel.year_cache = Some(YearCache {
                    key,
                    units,
                    rows,
                    bands,
                });
            }
            Err(e) => {
                notes.push(e.message(lang));
                return;
            }
        }
    }
    let Some(cache) = panel.year_cache.as_ref() else {
        return;
    };
    ui.label(lang.pick(
        "Điểm thẩm định từng tháng; trung bình các tháng đã chấm đủ; xếp hạng theo điểm trung bình.",
        "Appraised total of each month; the average of the complete months; ranked by the average.",
    ));
    egui_extras::TableBuilder::new(ui)
        .id_salt("year-table")
        .striped(true)
        .column(egui_extras::Column::exact(200.0))
        .columns(egui_extras::Column::exact(52.0), 12)
        .column(egui_extras::Column::exact(70.0))
        .column(egui_extras::Column::exact(50.0))
        .column(egui_extras::Column::exact(100.0))
        .header(26.0, |mut header| {
            header.col(|ui| {
                ui.label(bold(lang.pick("Đơn vị", "Unit")));
            });
            for m in 1..=12 {
                header.col(|ui| {
                    ui.label(bold(match lang {
                        Lang::Vi => format!("T{m}"),
                        Lang::En => format!("M{m}"),
                    }));
                });
            }
            for title in [
                lang.pick("TB năm", "Average"),
                lang.pick("Hạng", "Rank"),
                lang.pick("Xếp loại", "Band"),
            ] {
                header.col(|ui| {
                    ui.label(bold(title));
                });
            }
        })
        .body(|body| {
            body.rows(24.0, cache.rows.len(), |mut row| {
                let Some(r) = cache.rows.get(row.index()) else {
                    return;
                };
                let name = cache
                    .units
                    .iter()
                    .find(|u| u.unit_id == r.unit_id)
                    .map(|u| u.name.as_str())
                    .unwrap_or("");
                row.col(|ui| {
                    ui.label(name);
                });
                for m in &r.monthly {
                    row.col(|ui| {
                        ui.label(
                            m.map(|v| format_number_in(round_half_up(v, 1), lang))
                                .unwrap_or_default(),
                        );
                    });
                }
                row.col(|ui| {
                    ui.label(bold(
                        r.average
                            .map(|v| format_number_in(v, lang))
                            .unwrap_or_default(),
                    ));
                });
                row.col(|ui| {
                    ui.label(r.rank.map(|x| x.to_string()).unwrap_or_default());
                });
                row.col(|ui| {
                    if let Some(b) = r.band.and_then(|i| cache.bands.get(i)) {
                        egui::Frame::new()
                            .fill(band_fill(b))
                            .inner_margin(egui::Margin::symmetric(6, 1))
                            .corner_radius(3.0)
                            .show(ui, |ui| {
                                ui.label(RichText::new(&b.name).color(text_on(band_fill(b))));
                            });
                    }
                });
            });
        });
}
