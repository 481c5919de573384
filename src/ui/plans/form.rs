//! A plan's own fields and its tasks.

use super::*;
use crate::app::Command;
use crate::app::document::Document;
use crate::domain::deadline::{Deadline, display_day, parse_typed_day};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::plan::{Plan, PlanLevel, PlanStatus, Task, TaskStatus};
use crate::domain::progress::PlanBook;
use crate::domain::record::Record;
use crate::ui::fonts::bold;
use crate::ui::forms::{typed_field, unit_picker};
use uuid::Uuid;

pub(super) fn plan_form(
    ui: &mut egui::Ui,
    panel: &mut PlansPanel,
    book: &PlanBook,
    plan: &Plan,
    lang: Lang,
) {
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
                        egui::TextEdit::singleline(&mut p.number)
                            .hint_text(lang.pick("ví dụ 112/KH-UBND", "e.g. 112/KH-UBND")),
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

pub(super) fn tasks_ui(
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

pub(super) fn task_status_label(s: TaskStatus, lang: Lang) -> &'static str {
    match s {
        TaskStatus::NotStarted => lang.pick("Chưa bắt đầu", "Not started"),
        TaskStatus::InProgress => lang.pick("Đang thực hiện", "In progress"),
        TaskStatus::Done => lang.pick("Đã hoàn thành", "Done"),
        TaskStatus::Cancelled => lang.pick("Đã hủy", "Cancelled"),
    }
}
