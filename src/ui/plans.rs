//! Plans with their targets, read-only until the plans editor arrives.

use chrono::NaiveDate;
use egui::{Color32, RichText};

use super::fonts::bold;
use crate::app::document::DocView;
use crate::domain::lang::Lang;
use crate::domain::plan::{TargetKind, format_number};
use crate::store::PlanOverview;

pub fn plans_ui(ui: &mut egui::Ui, view: &DocView, lang: Lang, today: NaiveDate) {
    ui.heading(lang.pick("Kế hoạch ứng dụng CNTT", "IT application plans"));
    if view.plans.is_empty() {
        ui.label(lang.pick("Tệp chưa có kế hoạch nào.", "The file holds no plan yet."));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("plans-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // From the highest level down: roots first, each followed by the plans implementing it.
            let roots = view.plans.iter().filter(|p| {
                p.plan
                    .parent_id
                    .is_none_or(|parent| !view.plans.iter().any(|q| q.plan.plan_id == parent))
            });
            for root in roots {
                plan_tree_ui(ui, view, root, 0, lang, today);
            }
        });
}

fn plan_tree_ui(
    ui: &mut egui::Ui,
    view: &DocView,
    plan: &PlanOverview,
    depth: usize,
    lang: Lang,
    today: NaiveDate,
) {
    if depth > 8 {
        return; // a cycle in a hostile file must not recurse forever
    }
    ui.horizontal(|ui| {
        ui.add_space(depth as f32 * 24.0);
        ui.vertical(|ui| plan_ui(ui, view, plan, lang, today));
    });
    for child in view
        .plans
        .iter()
        .filter(|p| p.plan.parent_id == Some(plan.plan.plan_id))
    {
        plan_tree_ui(ui, view, child, depth + 1, lang, today);
    }
}

fn plan_ui(ui: &mut egui::Ui, view: &DocView, p: &PlanOverview, lang: Lang, today: NaiveDate) {
    let number = if p.plan.number.is_empty() {
        lang.pick("(chưa có số)", "(no number)").to_string()
    } else {
        p.plan.number.clone()
    };
    let header = format!(
        "{number} — {} ({})",
        p.plan.title,
        p.plan.period_label(lang)
    );
    egui::CollapsingHeader::new(bold(header).size(16.0))
        .id_salt(p.plan.plan_id)
        .default_open(!p.targets.is_empty())
        .show(ui, |ui| {
            ui.add(egui::Label::new(&p.plan.title).wrap());
            ui.label(format!(
                "{}: {} · {}{}",
                lang.pick("Cơ quan ban hành", "Issued by"),
                if p.plan.issuer.is_empty() {
                    "—"
                } else {
                    &p.plan.issuer
                },
                p.plan.status.label(lang),
                p.plan
                    .issued_on
                    .map(|d| format!(" · {}", d.format("%d/%m/%Y")))
                    .unwrap_or_default()
            ));
            if let Some(parent) = p
                .plan
                .parent_id
                .and_then(|id| view.plans.iter().find(|q| q.plan.plan_id == id))
            {
                let name = if parent.plan.number.is_empty() {
                    &parent.plan.title
                } else {
                    &parent.plan.number
                };
                ui.label(format!(
                    "{}: {name}",
                    lang.pick("Thực hiện văn bản", "Implements")
                ));
            }
            if !p.plan.legal_basis.is_empty() {
                ui.label(RichText::new(&p.plan.legal_basis).italics());
            }
            if p.targets.is_empty() {
                ui.label(lang.pick("Chưa có chỉ tiêu.", "No targets."));
                return;
            }
            let text_width = (ui.available_width() - 720.0).clamp(260.0, 900.0);
            egui::Grid::new(("targets", p.plan.plan_id))
                .striped(true)
                .num_columns(5)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    ui.label(bold(lang.pick("Mã", "Code")));
                    ui.label(bold(lang.pick("Chỉ tiêu", "Target")));
                    ui.label(bold(lang.pick("Mục tiêu", "Goal")));
                    ui.label(bold(lang.pick("Kết quả gần nhất", "Latest value")));
                    ui.label(bold(lang.pick("Thời hạn", "Deadline")));
                    ui.end_row();
                    for t in &p.targets {
                        ui.label(&t.target.code);
                        super::wrapped_cell(ui, &t.target.text, text_width);
                        ui.label(t.target.goal_label(lang));
                        match &t.latest {
                            Some(m) => {
                                let share = if t.target.target_value > 0.0 {
                                    (m.value / t.target.target_value).clamp(0.0, 1.0) as f32
                                } else {
                                    1.0
                                };
                                let unit = if t.target.kind == TargetKind::Percent {
                                    "%"
                                } else {
                                    ""
                                };
                                ui.add(egui::ProgressBar::new(share).desired_width(220.0).text(
                                    format!(
                                        "{}{unit} ({})",
                                        format_number(m.value),
                                        m.as_of.format("%d/%m/%Y")
                                    ),
                                ));
                            }
                            None => {
                                ui.label(
                                    RichText::new(lang.pick("chưa có số liệu", "no value yet"))
                                        .weak(),
                                );
                            }
                        }
                        match t.target.deadline {
                            Some(d)
                                if d.is_overdue(today)
                                    && t.latest
                                        .as_ref()
                                        .is_none_or(|m| m.value < t.target.target_value) =>
                            {
                                ui.colored_label(Color32::from_rgb(180, 30, 30), d.display(lang));
                            }
                            Some(d) => {
                                ui.label(d.display(lang));
                            }
                            None => {
                                ui.label("—");
                            }
                        }
                        ui.end_row();
                    }
                });
            if p.tasks > 0 {
                ui.label(match lang {
                    Lang::Vi => format!("{} nhiệm vụ, giải pháp", p.tasks),
                    Lang::En => format!("{} tasks and solutions", p.tasks),
                });
            }
        });
    ui.add_space(6.0);
}
