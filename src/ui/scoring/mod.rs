//! The Scoring panel: criteria sets and their periods, the monthly grid, the year view.
//!
//! This file chooses what is shown (model, year, month) and holds the period's bar (status,
//! view mode, filter, finalize / publish / reopen); `overview.rs` lists the sets, `year.rs` draws
//! the year, `cell.rs` the selected cell's details; the grid itself is `ui::grid`.

mod cell;
mod overview;
mod year;

use self::cell::cell_ui;
pub use self::overview::overview_ui;
use self::year::{YearCache, year_ui};

use egui::{Color32, RichText};

use uuid::Uuid;

use crate::app::Command;
use crate::app::document::{DocView, Document};
use crate::domain::criteria::carry_over;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::results::Transition;
use crate::domain::scoring::Cadence;
use crate::domain::scoring::PeriodStatus;
use crate::ui::criteria::{CriteriaEditor, create_set_ui, editor_ui};
use crate::ui::grid::{GridState, ViewMode, grid_ui};

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
    /// *Chốt kỳ* was pressed on a month with cells not appraised: asking first.
    pub confirm_finalize: bool,
    /// Show the year (units × months) instead of one month.
    pub year_view: bool,
    year_cache: Option<YearCache>,
    /// The note of the selected cell being edited: (unit, criterion), text.
    note: Option<((Uuid, Uuid), String)>,
    /// The period and document revision the grid was read for.
    loaded: Option<(Uuid, u64)>,
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
        // One or the other: the set's editor, or the list of sets.
        if ui
            .toggle_value(
                &mut panel.editing_set,
                lang.pick("Sửa bộ tiêu chí", "Edit the criteria set"),
            )
            .changed()
            && panel.editing_set
        {
            panel.show_overview = false;
        }
        if ui
            .toggle_value(
                &mut panel.show_overview,
                lang.pick("Danh sách bộ tiêu chí", "Criteria sets"),
            )
            .changed()
            && panel.show_overview
        {
            panel.editing_set = false;
        }
    });
    if view.models.is_empty() || panel.show_overview {
        overview_ui(ui, view, lang);
        return;
    }
    if panel.model.is_none() {
        default_selection(panel, view);
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
    choosers_ui(ui, panel, view, &model, lang, commands);
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
        if panel.loaded.map(|(id, _)| id) != Some(period_id) {
            panel.confirm_finalize = false; // asked about another month
        }
        match doc.store.grid(period_id) {
            Ok(grid) => panel.grid.set_grid(grid),
            Err(e) => notes.push(e.message(lang)),
        }
        panel.loaded = Some((period_id, view.revision));
    }
    let status = period.period.status;
    period_bar_ui(ui, panel, doc, set, period, lang, commands, notes);
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

/// The first time the panel opens: the latest set with periods, its latest draft (else latest)
/// period; else the first model and its set.
fn default_selection(panel: &mut ScoringPanel, view: &DocView) {
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

/// Model, year and month to show, and the button that opens the next period.
fn choosers_ui(
    ui: &mut egui::Ui,
    panel: &mut ScoringPanel,
    view: &DocView,
    model: &crate::domain::scoring::Model,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let model = model.clone();
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
                if crate::ui::widgets::create_button(ui, text) {
                    commands.push(Command::Edit(Edit::CreatePeriod {
                        period_id: Uuid::new_v4(),
                        set_id: set.set.set_id,
                        month,
                    }));
                    panel.month = Some(month);
                    panel.year_view = false;
                }
            } else if !sets.iter().any(|s| s.set.year == set.set.year + 1) {
                // The year's last period is open: the next year starts with its criteria set.
                let next = set.set.year + 1;
                if ui
                    .button(match lang {
                        Lang::Vi => format!("Sang năm {next}: tạo bộ tiêu chí…"),
                        Lang::En => format!("On to {next}: create its criteria set…"),
                    })
                    .on_hover_text(lang.pick(
                        "Các kỳ của năm mới được mở sau khi có bộ tiêu chí của năm đó (chép từ năm nay rồi sửa)",
                        "A new year's periods open once it has its criteria set (copied from this year, then edited)",
                    ))
                    .clicked()
                {
                    panel.editing_set = true;
                    panel.show_overview = false;
                }
            }
        }
    });
}

/// The period's status, what the cells show, the filter, and what can be done with the period
/// (finalize, start from the period before, publish, reopen).
#[allow(clippy::too_many_arguments)]
fn period_bar_ui(
    ui: &mut egui::Ui,
    panel: &mut ScoringPanel,
    doc: &Document,
    set: &crate::store::SetOverview,
    period: &crate::store::PeriodOverview,
    lang: Lang,
    commands: &mut Vec<Command>,
    notes: &mut Vec<String>,
) {
    let view = &doc.view;
    let period_id = period.period.period_id;
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
                let missing: usize = panel.grid.appraised.values().map(|r| r.missing).sum();
                if missing == 0 {
                    panel.confirm_finalize = false; // nothing left to ask about
                }
                if panel.confirm_finalize && missing > 0 {
                    ui.label(
                        RichText::new(match lang {
                            Lang::Vi => format!("Còn {missing} ô chưa thẩm định. Chốt kỳ?"),
                            Lang::En => format!("{missing} cells are not appraised. Finalize?"),
                        })
                        .color(Color32::from_rgb(170, 100, 0))
                        .strong(),
                    );
                    if ui.button(lang.pick("Vẫn chốt kỳ", "Finalize anyway")).clicked() {
                        commands.push(change(Transition::Finalize, None));
                        panel.confirm_finalize = false;
                    }
                    if ui.button(lang.pick("Thôi", "Cancel")).clicked() {
                        panel.confirm_finalize = false;
                    }
                } else if ui.button(lang.pick("Chốt kỳ", "Finalize")).clicked() {
                    // A month with cells still to appraise is finalized only when confirmed.
                    if missing > 0 {
                        panel.confirm_finalize = true;
                    } else {
                        commands.push(change(Transition::Finalize, None));
                    }
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
                panel.confirm_finalize = false;
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
