//! The Plans panel: the plans as a tree from the highest level down; the chosen plan's
//! details, its targets with progress and status as of a day, the chosen target's
//! measurements and per-unit checklist, and the plan's tasks. Everything is edited in place.

mod form;

use self::form::{plan_form, tasks_ui};
use chrono::NaiveDate;
use egui::{Color32, RichText};
use uuid::Uuid;

mod targets;

use self::targets::{target_ui, targets_ui};
use super::fonts::bold;
use super::forms::{Drafts, UnitPick, typed_field};
use crate::app::Command;
use crate::app::document::Document;
use crate::domain::deadline::{Deadline, display_day, parse_typed_day};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::plan::{
    Comparison, Measurement, Plan, PlanLevel, PlanStatus, Target, TargetKind, TargetScope,
    UnitCheck, format_number_in,
};
use crate::domain::points::parse_number;
use crate::domain::progress::{PlanBook, TargetRow, TargetStatus, counted_units};
use crate::domain::record::{Record, RecordKind};
use crate::domain::text::shorten;

#[derive(Default)]
pub struct PlansPanel {
    pub selected: Option<Uuid>,
    pub target: Option<Uuid>,
    /// "Xem tại ngày": the day statuses are computed for (default today).
    pub as_of_text: String,
    drafts: Drafts,
    picks: UnitPick,
    new_value: String,
    new_date: String,
    new_source: String,
    new_task: String,
    new_task_unit: Option<Uuid>,
    new_task_deadline: String,
    /// Every target's state, computed once per document revision and day shown.
    statuses: Option<Statuses>,
    /// Bring the chosen target's details into view (just chosen).
    scroll_to_target: bool,
    /// Why the last quick entry was refused.
    pub error: Option<String>,
}

/// The targets' rows as of a day, and the units counted targets count.
struct Statuses {
    key: (u64, NaiveDate),
    units: Vec<Uuid>,
    rows: Vec<TargetRow>,
}

/// A target's status colour: the domain's, as on the targets slide.
pub fn status_color(status: TargetStatus) -> Color32 {
    crate::ui::widgets::color32(crate::domain::colour::of_target(status))
}

fn level_label(level: PlanLevel, lang: Lang) -> &'static str {
    match level {
        PlanLevel::Government => lang.pick("Chính phủ", "Government"),
        PlanLevel::City => lang.pick("Thành phố", "City"),
        PlanLevel::Province => lang.pick("Tỉnh", "Province"),
        PlanLevel::District => lang.pick("Quận/huyện", "District"),
        PlanLevel::Commune => lang.pick("Xã", "Commune"),
        PlanLevel::Ward => lang.pick("Phường", "Ward"),
        PlanLevel::Committee => lang.pick("Ban chỉ đạo", "Committee"),
    }
}

/// Depth of each plan in the tree (0 for a plan implementing nothing in the file).
fn depth(book: &PlanBook, plan: &Plan) -> usize {
    let mut d = 0;
    let mut up = plan.parent_id;
    while let Some(id) = up {
        if d > 8 {
            break;
        }
        up = book
            .plans
            .iter()
            .find(|p| p.plan_id == id)
            .and_then(|p| p.parent_id);
        d += 1;
    }
    d
}

/// Plans in tree order: each root followed by the plans implementing it.
fn tree_order(book: &PlanBook) -> Vec<&Plan> {
    fn walk<'a>(book: &'a PlanBook, parent: Option<Uuid>, out: &mut Vec<&'a Plan>, level: usize) {
        if level > 8 {
            return;
        }
        for p in book.plans.iter().filter(|p| {
            p.parent_id == parent
                || (parent.is_none()
                    && p.parent_id
                        .is_some_and(|id| !book.plans.iter().any(|q| q.plan_id == id)))
        }) {
            if !out.iter().any(|q| q.plan_id == p.plan_id) {
                out.push(p);
                walk(book, Some(p.plan_id), out, level + 1);
            }
        }
    }
    let mut out = Vec::new();
    walk(book, None, &mut out, 0);
    out
}

pub fn plans_ui(
    ui: &mut egui::Ui,
    panel: &mut PlansPanel,
    doc: &Document,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let book = &doc.view.plans;
    panel.drafts.sync(doc.view.revision);
    if panel.as_of_text.is_empty() {
        panel.as_of_text = display_day(today);
    }
    let order = tree_order(book);
    if panel
        .selected
        .is_none_or(|id| !book.plans.iter().any(|p| p.plan_id == id))
    {
        // Open on the most specific plan: the last one down the tree that has targets.
        panel.selected = order
            .iter()
            .rev()
            .find(|p| book.targets.iter().any(|t| t.plan_id == p.plan_id))
            .or(order.first())
            .map(|p| p.plan_id);
    }
    let bad_day = header_ui(ui, panel, doc, lang, today, commands);
    if let Some(e) = &bad_day {
        ui.colored_label(Color32::from_rgb(180, 20, 20), e);
    }
    let as_of = parse_typed_day(&panel.as_of_text).unwrap_or(today);
    if book.plans.is_empty() {
        ui.label(lang.pick(
            "Tệp chưa có kế hoạch nào: bấm \"Thêm kế hoạch\".",
            "The file holds no plan yet: press \"Add plan\".",
        ));
        return;
    }
    let key = (doc.view.revision, as_of);
    let statuses = match panel.statuses.take() {
        Some(st) if st.key == key => st,
        _ => {
            let units = counted_units(&doc.view.units, as_of);
            Statuses {
                key,
                rows: book.rows(None, &units, as_of),
                units,
            }
        }
    };
    let of_plan = |id: Uuid| -> Vec<TargetRow> {
        statuses
            .rows
            .iter()
            .filter(|r| r.plan.plan_id == id)
            .cloned()
            .collect()
    };
    tree_ui(ui, panel, book, &order, &of_plan, lang);
    let Some(plan) = panel
        .selected
        .and_then(|id| book.plans.iter().find(|p| p.plan_id == id))
        .cloned()
    else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("plan-detail")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            plan_form(ui, panel, book, &plan, lang);
            ui.separator();
            let rows = of_plan(plan.plan_id);
            targets_ui(ui, panel, &plan, &rows, lang, as_of, commands);
            if let Some(row) = panel
                .target
                .and_then(|id| rows.iter().find(|r| r.target.target_id == id))
            {
                ui.separator();
                target_ui(
                    ui,
                    panel,
                    doc,
                    book,
                    row,
                    &statuses.units,
                    lang,
                    as_of,
                    commands,
                );
            }
            ui.separator();
            tasks_ui(ui, panel, doc, book, &plan, lang, commands);
        });
    panel.statuses = Some(statuses);
    panel.drafts.commit(ui.ctx(), lang, commands);
}

/// The title, the day statuses are computed for, and the button that adds a plan. Why the
/// day typed is refused, if it is.
fn header_ui(
    ui: &mut egui::Ui,
    panel: &mut PlansPanel,
    doc: &Document,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) -> Option<String> {
    let mut bad_day = None;
    let book_selected = panel.selected;
    ui.horizontal(|ui| {
        ui.heading(lang.pick("Kế hoạch ứng dụng CNTT", "IT application plans"));
        ui.add_space(16.0);
        let label = ui.label(lang.pick("Xem tại ngày", "As of"));
        typed_field(
            ui,
            &mut panel.as_of_text,
            100.0,
            "dd/mm/yyyy",
            |t| parse_typed_day(t).map_err(|e| e.message(lang)),
            &mut bad_day,
        )
        .0
        .labelled_by(label.id);
        if ui.button(lang.pick("Thêm kế hoạch", "Add plan")).clicked() {
            let plan = Plan {
                plan_id: Uuid::new_v4(),
                number: String::new(),
                title: lang.pick("Kế hoạch mới", "New plan").into(),
                issuer: doc
                    .view
                    .body
                    .as_ref()
                    .map(|b| b.name.clone())
                    .unwrap_or_default(),
                level: PlanLevel::District,
                issued_on: Some(today),
                start_year: chrono::Datelike::year(&today),
                end_year: chrono::Datelike::year(&today),
                orientation_year: None,
                parent_id: book_selected,
                legal_basis: String::new(),
                status: PlanStatus::Draft,
            };
            panel.selected = Some(plan.plan_id);
            panel.target = None;
            commands.push(Command::Edit(Edit::SaveRecord {
                record: Box::new(Record::Plan(plan)),
            }));
        }
    });
    bad_day
}

/// The plans as a tree (each under the plan it implements), with their targets' counts.
fn tree_ui(
    ui: &mut egui::Ui,
    panel: &mut PlansPanel,
    book: &PlanBook,
    order: &[&Plan],
    of_plan: &dyn Fn(Uuid) -> Vec<TargetRow>,
    lang: Lang,
) {
    let height = ui.available_height();
    egui::Panel::left("plans-tree")
        .resizable(true)
        .default_size(270.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("plans-tree-scroll")
                .max_height(height)
                .show(ui, |ui| {
                    for p in order {
                        let rows = of_plan(p.plan_id);
                        ui.horizontal(|ui| {
                            ui.add_space(depth(book, p) as f32 * 16.0);
                            let text = p.name(lang);
                            let r = ui.selectable_label(
                                panel.selected == Some(p.plan_id),
                                shorten(&text, 44),
                            );
                            if r.on_hover_text(&text).clicked() {
                                panel.selected = Some(p.plan_id);
                                panel.target = None;
                            }
                        });
                        if !rows.is_empty() {
                            ui.horizontal(|ui| {
                                ui.add_space(depth(book, p) as f32 * 16.0 + 12.0);
                                let count = |s| rows.iter().filter(|r| r.status == s).count();
                                ui.label(
                                    RichText::new(match lang {
                                        Lang::Vi => format!(
                                            "{} chỉ tiêu · {} đạt · {} quá hạn",
                                            rows.len(),
                                            count(TargetStatus::Achieved),
                                            count(TargetStatus::Overdue)
                                        ),
                                        Lang::En => format!(
                                            "{} targets · {} achieved · {} overdue",
                                            rows.len(),
                                            count(TargetStatus::Achieved),
                                            count(TargetStatus::Overdue)
                                        ),
                                    })
                                    .weak(),
                                );
                            });
                        }
                    }
                });
        });
}
