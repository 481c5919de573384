//! The Scoring panel: criteria sets and their periods, the monthly grid, the year view.

use egui::{Color32, RichText};

use super::fonts::bold;
use super::widgets::{band_fill, text_on};
use uuid::Uuid;

use super::criteria::{CriteriaEditor, create_set_ui, editor_ui};
use super::grid::{GridState, ViewMode, grid_ui};
use crate::app::Command;
use crate::app::document::{DocView, Document};
use crate::domain::criteria::carry_over;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::results::{Transition, YearRow, year_results};
use crate::domain::scoring::Cadence;
use crate::domain::scoring::PeriodStatus;

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
                                    let color = band_fill(b);
                                    egui::Frame::new()
                                        .fill(color)
                                        .inner_margin(egui::Margin::symmetric(8, 3))
                                        .corner_radius(4.0)
                                        .show(ui, |ui| {
                                            ui.label(
                                                RichText::new(format!(
                                                    "{}: {} {}%",
                                                    b.name,
                                                    lang.pick("từ", "from"),
                                                    format_number(b.lower_pct)
                                                ))
                                                .color(text_on(color)),
                                            );
                                        });
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

/// UI-local state of the Scoring panel.
#[derive(Default)]
pub struct ScoringPanel {
    pub model: Option<String>,
    pub year: Option<i32>,
    /// 1..12, or 0 for a yearly model.
    pub month: Option<u32>,
    pub grid: GridState,
    pub show_overview: bool,
    /// The criteria set editor instead of the grid.
    pub editing_set: bool,
    pub editor: CriteriaEditor,
    pub reopen_reason: String,
    /// Show the year (units × months) instead of one month.
    pub year_view: bool,
    year_cache: Option<YearCache>,
    /// The note of the selected cell being edited: (unit, criterion), text.
    note: Option<((Uuid, Uuid), String)>,
    /// The period and document revision the grid was read for.
    loaded: Option<(Uuid, u64)>,
}

/// The year view, read once per model, year and document revision.
struct YearCache {
    key: (String, i32, u64),
    units: Vec<crate::domain::org::Unit>,
    rows: Vec<YearRow>,
    bands: Vec<crate::domain::scoring::Band>,
}

/// The Scoring panel: choose model, year and month; type into the grid; finalize.
pub fn scoring_ui(
    ui: &mut egui::Ui,
    panel: &mut ScoringPanel,
    doc: &Document,
    lang: Lang,
    today_year: i32,
    commands: &mut Vec<Command>,
    notes: &mut Vec<String>,
) {
    let view = &doc.view;
    ui.horizontal(|ui| {
        ui.heading(lang.pick("Bảng chấm điểm", "Score sheet"));
        ui.add_space(16.0);
        ui.toggle_value(
            &mut panel.editing_set,
            lang.pick("Sửa bộ tiêu chí", "Edit the criteria set"),
        );
        ui.toggle_value(
            &mut panel.show_overview,
            lang.pick("Danh sách bộ tiêu chí", "Criteria sets"),
        );
    });
    if view.models.is_empty() || panel.show_overview {
        overview_ui(ui, view, lang);
        return;
    }
    // Default selection: the latest set with periods, its latest draft (else latest) period.
    if panel.model.is_none() {
        if let Some(s) = view.sets.iter().find(|s| !s.periods.is_empty()) {
            panel.model = Some(s.model.slug.clone());
            panel.year = Some(s.set.year);
            panel.month = s
                .periods
                .iter()
                .rev()
                .find(|p| p.period.status == PeriodStatus::Draft)
                .or(s.periods.last())
                .map(|p| p.period.month);
        } else {
            panel.model = view.models.first().map(|m| m.slug.clone());
            panel.year = view
                .sets
                .iter()
                .find(|s| Some(&s.model.slug) == panel.model.as_ref())
                .map(|s| s.set.year);
        }
    }
    let Some(model) = view
        .models
        .iter()
        .find(|m| Some(&m.slug) == panel.model.as_ref())
        .cloned()
    else {
        panel.model = None;
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("Mô hình", "Model"));
        egui::ComboBox::from_id_salt("scoring-model")
            .selected_text(model.name.clone())
            .width(360.0)
            .show_ui(ui, |ui| {
                for m in &view.models {
                    if ui.selectable_label(m.slug == model.slug, &m.name).clicked() {
                        panel.model = Some(m.slug.clone());
                        let latest = view.sets.iter().find(|s| s.model.slug == m.slug);
                        panel.year = latest.map(|s| s.set.year);
                        panel.month = latest
                            .and_then(|s| s.periods.last())
                            .map(|p| p.period.month);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let sets: Vec<_> = view
            .sets
            .iter()
            .filter(|s| Some(&s.model.slug) == panel.model.as_ref())
            .collect();
        let label = ui.label(lang.pick("Năm", "Year"));
        egui::ComboBox::from_id_salt("scoring-year")
            .selected_text(panel.year.map(|y| y.to_string()).unwrap_or_default())
            .show_ui(ui, |ui| {
                for s in &sets {
                    if ui
                        .selectable_label(panel.year == Some(s.set.year), s.set.year.to_string())
                        .clicked()
                    {
                        panel.year = Some(s.set.year);
                        panel.month = s.periods.last().map(|p| p.period.month);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let set = sets.iter().find(|s| Some(s.set.year) == panel.year);
        if let Some(set) = set
            && !panel.editing_set
        {
            if set.model.cadence == Cadence::Monthly {
                let label = ui.label(lang.pick("Tháng", "Month"));
                egui::ComboBox::from_id_salt("scoring-month")
                    .selected_text(panel.month.map(|m| format!("{m:02}")).unwrap_or_default())
                    .show_ui(ui, |ui| {
                        for p in &set.periods {
                            let text =
                                format!("{:02} — {}", p.period.month, p.period.status.label(lang));
                            if ui
                                .selectable_label(panel.month == Some(p.period.month), text)
                                .clicked()
                            {
                                panel.month = Some(p.period.month);
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
            // The next period to open: the month after the last one, or the year.
            let next = match set.model.cadence {
                Cadence::Monthly => {
                    let last = set
                        .periods
                        .iter()
                        .map(|p| p.period.month)
                        .max()
                        .unwrap_or(0);
                    (last < 12).then_some(last + 1)
                }
                Cadence::Yearly => set.periods.is_empty().then_some(0),
            };
            if let Some(month) = next {
                let text = if month == 0 {
                    lang.pick("Mở kỳ chấm điểm năm", "Open the year's period")
                        .to_string()
                } else {
                    match lang {
                        Lang::Vi => format!("Mở kỳ tháng {month:02}/{}", set.set.year),
                        Lang::En => format!("Open {month:02}/{}", set.set.year),
                    }
                };
                if ui.button(text).clicked() {
                    commands.push(Command::Edit(Edit::CreatePeriod {
                        period_id: Uuid::new_v4(),
                        set_id: set.set.set_id,
                        month,
                    }));
                    panel.month = Some(month);
                    panel.year_view = false;
                }
            }
        }
    });
    if panel.editing_set {
        if let Some(year) = create_set_ui(ui, doc, &model, today_year, lang, commands, notes) {
            panel.year = Some(year);
        }
        if let Some(set) = view
            .sets
            .iter()
            .find(|s| s.model.slug == model.slug && Some(s.set.year) == panel.year)
        {
            editor_ui(
                ui,
                &mut panel.editor,
                doc,
                &model,
                set.set.set_id,
                lang,
                commands,
                notes,
            );
        }
        return;
    }
    let Some(set) = view
        .sets
        .iter()
        .find(|s| Some(&s.model.slug) == panel.model.as_ref() && Some(s.set.year) == panel.year)
    else {
        ui.label(lang.pick(
            "Mô hình này chưa có bộ tiêu chí: bấm \"Sửa bộ tiêu chí\" để tạo.",
            "This model has no criteria set yet: press \"Edit the criteria set\" to create one.",
        ));
        return;
    };
    let Some(period) = set
        .periods
        .iter()
        .find(|p| Some(p.period.month) == panel.month)
        .or(set.periods.last())
    else {
        ui.label(lang.pick(
            "Bộ tiêu chí này chưa có kỳ chấm điểm: bấm \"Mở kỳ\" ở trên.",
            "This criteria set has no scoring period yet: press \"Open\" above.",
        ));
        return;
    };
    if set.model.cadence == Cadence::Monthly {
        ui.horizontal(|ui| {
            ui.selectable_value(
                &mut panel.year_view,
                false,
                lang.pick("Theo tháng", "Month"),
            );
            ui.selectable_value(
                &mut panel.year_view,
                true,
                lang.pick("Cả năm", "Whole year"),
            );
        });
    } else {
        panel.year_view = false;
    }
    if panel.year_view {
        year_ui(ui, panel, doc, &set.model.slug, set.set.year, lang, notes);
        return;
    }
    let period_id = period.period.period_id;
    if panel.loaded != Some((period_id, view.revision)) {
        match doc.store.grid(period_id) {
            Ok(grid) => panel.grid.set_grid(grid),
            Err(e) => notes.push(e.message(lang)),
        }
        panel.loaded = Some((period_id, view.revision));
    }
    let status = period.period.status;
    ui.horizontal(|ui| {
        let color = match status {
            PeriodStatus::Draft => Color32::from_rgb(170, 100, 0),
            PeriodStatus::Finalized => Color32::from_rgb(20, 90, 160),
            PeriodStatus::Published => Color32::from_rgb(30, 120, 50),
        };
        ui.label(
            RichText::new(format!(
                "{} · {}",
                period.period.label(set.set.year, lang),
                status.label(lang)
            ))
            .color(color)
            .strong(),
        );
        ui.separator();
        for mode in ViewMode::ALL {
            ui.selectable_value(&mut panel.grid.mode, mode, mode.label(lang));
        }
        ui.separator();
        let label = ui.label(lang.pick("Lọc đơn vị", "Filter units"));
        ui.add(egui::TextEdit::singleline(&mut panel.grid.filter).desired_width(150.0))
            .labelled_by(label.id);
        ui.separator();
        let change = |transition, reason: Option<String>| {
            Command::Edit(Edit::ChangePeriod {
                period_id,
                transition,
                reason,
            })
        };
        match status {
            PeriodStatus::Draft => {
                if ui.button(lang.pick("Chốt kỳ", "Finalize")).clicked() {
                    commands.push(change(Transition::Finalize, None));
                }
                if period.units_scored == 0
                    && let Some((prev_id, prev_label)) =
                        previous_period(view, set, period.period.month, lang)
                    && ui
                        .button(match lang {
                            Lang::Vi => format!("Bắt đầu từ kỳ trước ({prev_label})"),
                            Lang::En => format!("Start from the period before ({prev_label})"),
                        })
                        .on_hover_text(lang.pick(
                            "Chép điểm tự chấm và điểm thẩm định của kỳ trước vào kỳ này (theo mã tiêu chí; không chép ghi chú)",
                            "Copies the self-scores and appraised scores of the period before into this one (by criterion code; notes are not copied)",
                        ))
                        .clicked()
                {
                    match (doc.store.grid(prev_id), panel.grid.grid.as_ref()) {
                        (Ok(prev), Some(now)) => {
                            let units: Vec<Uuid> = now.units.iter().map(|u| u.unit_id).collect();
                            let cells = carry_over(&prev.criteria, &prev.cells, &units, &now.criteria);
                            if cells.is_empty() {
                                notes.push(lang.pick("Kỳ trước chưa có điểm để chép.", "The period before has no scores to copy.").into());
                            } else {
                                commands.push(Command::Edit(Edit::FillPeriod { period_id, cells }));
                            }
                        }
                        (Err(e), _) => notes.push(e.message(lang)),
                        (_, None) => {}
                    }
                }
            }
            PeriodStatus::Finalized | PeriodStatus::Published => {
                if status == PeriodStatus::Finalized
                    && ui.button(lang.pick("Công bố", "Publish")).clicked()
                {
                    commands.push(change(Transition::Publish, None));
                }
                let label = ui.label(lang.pick("Lý do mở lại", "Reason to reopen"));
                ui.add(egui::TextEdit::singleline(&mut panel.reopen_reason).desired_width(160.0))
                    .labelled_by(label.id);
                if ui.button(lang.pick("Mở lại", "Reopen")).clicked() {
                    commands.push(change(
                        Transition::Reopen,
                        Some(panel.reopen_reason.clone()),
                    ));
                    panel.reopen_reason.clear();
                }
            }
        }
    });
    if let Some(error) = &panel.grid.error {
        ui.colored_label(Color32::from_rgb(180, 20, 20), error);
    } else {
        ui.label(RichText::new(lang.pick(
            "Gõ để nhập · Enter/Tab để lưu · F2 sửa · Delete xóa · Ctrl+V dán khối từ Excel · Ctrl+Z hoàn tác · bấm tiêu đề cột để sắp xếp",
            "Type to enter · Enter/Tab saves · F2 edits · Delete clears · Ctrl+V pastes a block from Excel · Ctrl+Z undoes · click a header to sort",
        )).weak());
    }
    cell_ui(ui, panel, period_id, status, lang, commands);
    grid_ui(ui, &mut panel.grid, lang, commands, notes);
}

/// The period before `month` of `set`: the month before in the same set, December of last
/// year's set for January, last year's period for a yearly model.
fn previous_period(
    view: &DocView,
    set: &crate::store::SetOverview,
    month: u32,
    lang: Lang,
) -> Option<(Uuid, String)> {
    let (year, month) = match month {
        0 => (set.set.year - 1, 0),
        1 => (set.set.year - 1, 12),
        m => (set.set.year, m - 1),
    };
    let s = view
        .sets
        .iter()
        .find(|s| s.model.slug == set.model.slug && s.set.year == year)?;
    let p = s.periods.iter().find(|p| p.period.month == month)?;
    Some((p.period.period_id, p.period.label(year, lang)))
}

/// The selected cell: which unit and criterion (the grid shows only codes), the criterion's
/// kind and range, and its note or evidence, editable.
fn cell_ui(
    ui: &mut egui::Ui,
    panel: &mut ScoringPanel,
    period_id: Uuid,
    status: PeriodStatus,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let Some(grid) = panel.grid.grid.as_ref() else {
        return;
    };
    let (row, col) = panel.grid.cursor;
    let (Some(&i), Some(c)) = (panel.grid.rows.get(row), grid.criteria.get(col)) else {
        return;
    };
    let unit = &grid.units[i];
    let key = (unit.unit_id, c.criterion_id);
    let (stored, evidence) = grid.notes.get(&key).cloned().unwrap_or_default();
    if panel.note.as_ref().map(|n| n.0) != Some(key) {
        panel.note = Some((key, stored.clone()));
    }
    let range = match c.kind {
        crate::domain::scoring::CriterionKind::YesNo => lang.pick("có/không", "yes/no").to_string(),
        crate::domain::scoring::CriterionKind::Rate => {
            lang.pick("tỷ lệ 0–100%", "rate 0–100%").to_string()
        }
        crate::domain::scoring::CriterionKind::Count => {
            lang.pick("số nguyên", "whole number").to_string()
        }
        _ => match lang {
            Lang::Vi => format!(
                "0–{}, bước {}",
                format_number(c.max_points),
                format_number(c.step).replace('.', ",")
            ),
            Lang::En => format!(
                "0–{}, step {}",
                format_number(c.max_points),
                format_number(c.step)
            ),
        },
    };
    ui.horizontal(|ui| {
        ui.label(bold(format!("{} · {} {}", unit.name, c.code, c.name)));
        ui.label(
            RichText::new(format!(
                "({}, {} {} {})",
                range,
                lang.pick("tối đa", "max"),
                format_number(c.max_points),
                lang.pick("điểm", "points")
            ))
            .weak(),
        );
    });
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("Ghi chú / tài liệu kiểm chứng", "Note / evidence"));
        let Some((_, text)) = panel.note.as_mut() else {
            return;
        };
        ui.add_enabled(
            status == PeriodStatus::Draft,
            egui::TextEdit::singleline(text).desired_width(520.0),
        )
        .labelled_by(label.id);
        let changed = *text != stored;
        if ui
            .add_enabled(
                changed && status == PeriodStatus::Draft,
                egui::Button::new(lang.pick("Lưu ghi chú", "Save note")),
            )
            .clicked()
        {
            commands.push(Command::Edit(Edit::SetCellNote {
                period_id,
                unit_id: key.0,
                criterion_id: key.1,
                note: text.clone(),
            }));
        }
        if !evidence.is_empty() {
            ui.label(
                RichText::new(format!(
                    "{}: {evidence}",
                    lang.pick("Kiểm chứng", "Evidence")
                ))
                .weak(),
            );
        }
    });
}

/// Units × months: each month's total, the year's average, rank and band.
fn year_ui(
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
                            m.map(|v| format_number((v * 10.0).round() / 10.0))
                                .unwrap_or_default(),
                        );
                    });
                }
                row.col(|ui| {
                    ui.label(bold(
                        r.average
                            .map(|v| format_number((v * 100.0).round() / 100.0))
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
