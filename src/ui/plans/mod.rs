//! The Plans panel: the plans as a tree from the highest level down; the chosen plan's
//! details, its targets with progress and status as of a day, the chosen target's
//! measurements and per-unit checklist, and the plan's tasks. Everything is edited in place.

use chrono::NaiveDate;
use egui::{Color32, RichText};
use uuid::Uuid;

mod targets;

use self::targets::{target_ui, targets_ui};
use super::fonts::bold;
use super::forms::{Drafts, UnitPick, typed_field, unit_picker};
use crate::app::Command;
use crate::app::document::Document;
use crate::domain::deadline::{Deadline, display_day, parse_typed_day};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::plan::{
    Comparison, Measurement, Plan, PlanLevel, PlanStatus, Target, TargetKind, TargetScope, Task,
    TaskStatus, UnitCheck, format_number_in,
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

pub fn status_color(status: TargetStatus) -> Color32 {
    match status {
        TargetStatus::Achieved => Color32::from_rgb(27, 94, 32),
        TargetStatus::OnTrack => Color32::from_rgb(21, 101, 192),
        TargetStatus::AtRisk => Color32::from_rgb(230, 81, 0),
        TargetStatus::Overdue => Color32::from_rgb(183, 28, 28),
        TargetStatus::NotStarted => Color32::from_rgb(97, 97, 97),
    }
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

fn task_status_label(s: TaskStatus, lang: Lang) -> &'static str {
    match s {
        TaskStatus::NotStarted => lang.pick("Chưa bắt đầu", "Not started"),
        TaskStatus::InProgress => lang.pick("Đang thực hiện", "In progress"),
        TaskStatus::Done => lang.pick("Đã hoàn thành", "Done"),
        TaskStatus::Cancelled => lang.pick("Đã hủy", "Cancelled"),
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
    let mut bad_day = None;
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
                parent_id: panel.selected,
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
            let units = counted_units(&doc.view.units);
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
    let height = ui.available_height();
    egui::Panel::left("plans-tree")
        .resizable(true)
        .default_size(270.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("plans-tree-scroll")
                .max_height(height)
                .show(ui, |ui| {
                    for p in &order {
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

fn plan_form(ui: &mut egui::Ui, panel: &mut PlansPanel, book: &PlanBook, plan: &Plan, lang: Lang) {
    let draft = panel.drafts.draft(&Record::Plan(plan.clone()));
    let mut bad = None;
    let others: Vec<(Uuid, String)> = book
        .plans
        .iter()
        .filter(|p| p.plan_id != plan.plan_id)
        .map(|p| (p.plan_id, p.name(lang)))
        .collect();
    let issued_text = draft
        .text("issued", || {
            plan.issued_on.map(display_day).unwrap_or_default()
        })
        .clone();
    let Record::Plan(p) = &mut draft.work else {
        return;
    };
    ui.label(bold(plan.name(lang)).size(17.0));
    egui::CollapsingHeader::new(lang.pick("Thông tin kế hoạch", "About the plan"))
        .id_salt(("plan-form", plan.plan_id))
        .default_open(plan.number.is_empty())
        .show(ui, |ui| {
            egui::Grid::new(("plan-grid", plan.plan_id))
                .num_columns(2)
                .spacing([8.0, 5.0])
                .show(ui, |ui| {
                    let label = ui.label(lang.pick("Số, ký hiệu", "Number"));
                    ui.add_sized(
                        [200.0, 22.0],
                        egui::TextEdit::singleline(&mut p.number).hint_text("112/KH-UBND"),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.pick("Trích yếu", "Title"));
                    ui.add_sized([520.0, 44.0], egui::TextEdit::multiline(&mut p.title))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.pick("Cơ quan ban hành", "Issued by"));
                    ui.add_sized([320.0, 22.0], egui::TextEdit::singleline(&mut p.issuer))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.pick("Cấp", "Level"));
                    egui::ComboBox::from_id_salt(("plan-level", plan.plan_id))
                        .selected_text(level_label(p.level, lang))
                        .show_ui(ui, |ui| {
                            for l in PlanLevel::ALL {
                                ui.selectable_value(&mut p.level, *l, level_label(*l, lang));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.pick("Ngày ban hành", "Issued on"));
                    let mut text = issued_text.clone();
                    let (r, value) = typed_field(
                        ui,
                        &mut text,
                        110.0,
                        "dd/mm/yyyy",
                        |t| {
                            if t.trim().is_empty() {
                                Ok(None)
                            } else {
                                parse_typed_day(t).map(Some).map_err(|e| e.message(lang))
                            }
                        },
                        &mut bad,
                    );
                    r.labelled_by(label.id);
                    if let Some(v) = value {
                        p.issued_on = v;
                    }
                    draft.texts.insert("issued", text);
                    ui.end_row();
                    let label = ui.label(lang.pick("Thời gian thực hiện", "Period"));
                    ui.horizontal(|ui| {
                        ui.add(egui::DragValue::new(&mut p.start_year).range(1990..=2100))
                            .labelled_by(label.id);
                        ui.label("–");
                        ui.add(egui::DragValue::new(&mut p.end_year).range(1990..=2100))
                            .on_hover_text(lang.pick("Năm kết thúc", "Last year"));
                        let mut oriented = p.orientation_year.is_some();
                        if ui
                            .checkbox(&mut oriented, lang.pick("định hướng đến", "towards"))
                            .changed()
                        {
                            p.orientation_year = oriented.then_some(p.end_year + 5);
                        }
                        if let Some(y) = p.orientation_year.as_mut() {
                            ui.add(egui::DragValue::new(y).range(1990..=2100));
                        }
                    });
                    ui.end_row();
                    let label = ui.label(lang.pick("Thực hiện văn bản", "Implements"));
                    let parent_name = p
                        .parent_id
                        .and_then(|id| others.iter().find(|(o, _)| *o == id))
                        .map(|(_, n)| n.clone())
                        .unwrap_or_else(|| lang.pick("(không)", "(none)").into());
                    egui::ComboBox::from_id_salt(("plan-parent", plan.plan_id))
                        .selected_text(parent_name)
                        .width(520.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(
                                &mut p.parent_id,
                                None,
                                lang.pick("(không)", "(none)"),
                            );
                            for (id, name) in &others {
                                ui.selectable_value(&mut p.parent_id, Some(*id), name);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.pick("Căn cứ", "Legal basis"));
                    ui.add_sized([520.0, 44.0], egui::TextEdit::multiline(&mut p.legal_basis))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.pick("Trạng thái", "Status"));
                    egui::ComboBox::from_id_salt(("plan-status", plan.plan_id))
                        .selected_text(p.status.label(lang))
                        .show_ui(ui, |ui| {
                            for s in PlanStatus::ALL {
                                ui.selectable_value(&mut p.status, *s, s.label(lang));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                });
        });
    draft.bad_text = bad;
    draft.error_ui(ui);
}

fn tasks_ui(
    ui: &mut egui::Ui,
    panel: &mut PlansPanel,
    doc: &Document,
    book: &PlanBook,
    plan: &Plan,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.label(bold(lang.pick("Nhiệm vụ, giải pháp", "Tasks and solutions")).size(16.0));
    let tasks: Vec<&Task> = book
        .tasks
        .iter()
        .filter(|t| t.plan_id == plan.plan_id)
        .collect();
    let text_width = (ui.available_width() - 660.0).clamp(200.0, 600.0);
    egui::Grid::new(("tasks", plan.plan_id))
        .striped(true)
        .num_columns(5)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for h in [
                lang.pick("Nhiệm vụ", "Task"),
                lang.pick("Đơn vị thực hiện", "Responsible units"),
                lang.pick("Thời hạn", "Deadline"),
                lang.pick("Trạng thái", "Status"),
                lang.pick("Ghi chú", "Note"),
            ] {
                ui.label(bold(h));
            }
            ui.end_row();
            for (n, t) in tasks.iter().enumerate() {
                let draft = panel.drafts.draft(&Record::Task((*t).clone()));
                let mut deadline_text = draft
                    .text("deadline", || {
                        t.deadline.map(|d| d.display(lang)).unwrap_or_default()
                    })
                    .clone();
                let mut bad = None;
                let add_field = ui.make_persistent_id(("task-add-unit", t.task_id));
                if let Record::Task(w) = &mut draft.work {
                    ui.add_sized([text_width, 44.0], egui::TextEdit::multiline(&mut w.text))
                        .on_hover_text(format!("{} {}", lang.pick("Nhiệm vụ", "Task"), n + 1));
                    ui.vertical(|ui| {
                        let mut remove = None;
                        for id in &w.unit_ids {
                            ui.horizontal(|ui| {
                                ui.label(doc.view.unit_name(*id).unwrap_or("?"));
                                if ui
                                    .small_button("x")
                                    .on_hover_text(lang.pick("Bỏ đơn vị", "Remove the unit"))
                                    .clicked()
                                {
                                    remove = Some(*id);
                                }
                            });
                        }
                        if let Some(id) = remove {
                            w.unit_ids.retain(|u| *u != id);
                        }
                        let mut more = None;
                        if unit_picker(
                            ui,
                            &mut panel.picks,
                            add_field,
                            &mut more,
                            &doc.view.units,
                            170.0,
                            lang,
                        ) && let Some(u) = more
                            && !w.unit_ids.contains(&u)
                        {
                            w.unit_ids.push(u);
                        }
                    });
                    let (r, d) = typed_field(
                        ui,
                        &mut deadline_text,
                        90.0,
                        "",
                        |s| Deadline::parse_optional(s).map_err(|e| e.message(lang)),
                        &mut bad,
                    );
                    r.on_hover_text(lang.pick("Thời hạn nhiệm vụ", "Task deadline"));
                    if let Some(d) = d {
                        w.deadline = d;
                    }
                    egui::ComboBox::from_id_salt(("task-status", t.task_id))
                        .selected_text(task_status_label(w.status, lang))
                        .show_ui(ui, |ui| {
                            for s in TaskStatus::ALL {
                                ui.selectable_value(&mut w.status, *s, task_status_label(*s, lang));
                            }
                        })
                        .response
                        .on_hover_text(lang.pick("Trạng thái nhiệm vụ", "Task status"));
                    ui.add_sized([150.0, 22.0], egui::TextEdit::singleline(&mut w.note))
                        .on_hover_text(lang.pick("Ghi chú nhiệm vụ", "Task note"));
                    ui.end_row();
                }
                draft.texts.insert("deadline", deadline_text);
                draft.bad_text = bad;
                if draft.bad_text.is_some() || draft.error.is_some() {
                    draft.error_ui(ui);
                    ui.end_row();
                }
            }
        });
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("Nhiệm vụ mới", "New task"));
        ui.add(
            egui::TextEdit::singleline(&mut panel.new_task)
                .desired_width((ui.available_width() - 20.0).min(640.0)),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        ui.label(lang.pick("đơn vị chủ trì", "lead unit"));
        unit_picker(
            ui,
            &mut panel.picks,
            ui.make_persistent_id(("task-unit", plan.plan_id)),
            &mut panel.new_task_unit,
            &doc.view.units,
            170.0,
            lang,
        );
        let label = ui.label(lang.pick("thời hạn", "deadline"));
        ui.add(
            egui::TextEdit::singleline(&mut panel.new_task_deadline)
                .desired_width(90.0)
                .hint_text(plan.end_year.to_string()),
        )
        .labelled_by(label.id);
        if ui.button(lang.pick("Thêm nhiệm vụ", "Add task")).clicked() {
            match Deadline::parse_optional(&panel.new_task_deadline) {
                Ok(deadline) => {
                    commands.push(Command::Edit(Edit::SaveRecord {
                        record: Box::new(Record::Task(Task {
                            task_id: Uuid::new_v4(),
                            plan_id: plan.plan_id,
                            text: panel.new_task.clone(),
                            unit_ids: panel.new_task_unit.into_iter().collect(),
                            deadline,
                            status: TaskStatus::NotStarted,
                            note: String::new(),
                        })),
                    }));
                    panel.new_task.clear();
                    panel.new_task_deadline.clear();
                    panel.error = None;
                }
                Err(e) => panel.error = Some(e.message(lang)),
            }
        }
    });
}
