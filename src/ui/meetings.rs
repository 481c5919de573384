//! Meetings with their conclusions and action items, read-only until the meeting editor.

use chrono::NaiveDate;
use egui::{Color32, RichText};

use super::fonts::bold;
use crate::app::document::DocView;
use crate::domain::lang::Lang;
use crate::domain::meeting::ActionStatus;

pub fn meetings_ui(ui: &mut egui::Ui, view: &DocView, lang: Lang, today: NaiveDate) {
    ui.heading(lang.pick("Họp giao ban", "Briefing meetings"));
    if view.meetings.is_empty() {
        ui.label(lang.pick(
            "Tệp chưa có cuộc họp nào.",
            "The file holds no meeting yet.",
        ));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("meetings-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for m in &view.meetings {
                let title = format!(
                    "{} — {}",
                    m.meeting.held_on.format("%d/%m/%Y"),
                    m.meeting.title
                );
                egui::CollapsingHeader::new(bold(title).size(16.0))
                    .id_salt(m.meeting.meeting_id)
                    .default_open(true)
                    .show(ui, |ui| {
                        if let Some(chair) = &m.chair {
                            ui.label(format!(
                                "{}: {} — {}",
                                lang.pick("Chủ trì", "Chair"),
                                chair.name,
                                chair.title
                            ));
                        }
                        if !m.attendees.is_empty() {
                            ui.label(format!(
                                "{}: {}",
                                lang.pick("Thành phần", "Present"),
                                m.attendees.join("; ")
                            ));
                        }
                        if !m.agenda.is_empty() {
                            ui.label(bold(lang.pick("Các báo cáo đã nghe", "Reports heard")));
                            for (i, a) in m.agenda.iter().enumerate() {
                                ui.label(format!("  {}. {a}", i + 1));
                            }
                        }
                        ui.add_space(4.0);
                        ui.label(bold(lang.pick("Kết luận", "Conclusions")));
                        for c in &m.conclusions {
                            ui.label(bold(format!("{}. {}", c.number, c.heading)));
                            ui.add(egui::Label::new(&c.text).wrap());
                            ui.add_space(2.0);
                        }
                        if !m.actions.is_empty() {
                            ui.add_space(4.0);
                            ui.label(bold(lang.pick("Phân công thực hiện", "Action items")));
                            let text_width = (ui.available_width() - 720.0).clamp(260.0, 900.0);
                            egui::Grid::new(("actions", m.meeting.meeting_id))
                                .striped(true)
                                .num_columns(4)
                                .spacing([14.0, 4.0])
                                .show(ui, |ui| {
                                    ui.label(bold(lang.pick("Đơn vị", "Unit")));
                                    ui.label(bold(lang.pick("Nội dung", "Task")));
                                    ui.label(bold(lang.pick("Thời hạn", "Deadline")));
                                    ui.label(bold(lang.pick("Trạng thái", "Status")));
                                    ui.end_row();
                                    for a in &m.actions {
                                        ui.label(a.unit_name.as_deref().unwrap_or("—"));
                                        super::wrapped_cell(ui, &a.action.text, text_width);
                                        ui.label(
                                            a.action
                                                .deadline
                                                .map(|d| d.display(lang))
                                                .unwrap_or_else(|| "—".into()),
                                        );
                                        let status = a.action.status.label(lang);
                                        if a.action.is_overdue(today) {
                                            ui.colored_label(
                                                Color32::from_rgb(180, 30, 30),
                                                format!(
                                                    "{status} — {}",
                                                    lang.pick("quá hạn", "overdue")
                                                ),
                                            );
                                        } else if a.action.status == ActionStatus::Done {
                                            ui.label(
                                                RichText::new(format!(
                                                    "{status} {}",
                                                    a.action
                                                        .completed_on
                                                        .map(|d| d.format("%d/%m/%Y").to_string())
                                                        .unwrap_or_default()
                                                ))
                                                .color(Color32::from_rgb(30, 120, 50)),
                                            );
                                        } else {
                                            ui.label(status);
                                        }
                                        ui.end_row();
                                    }
                                });
                        }
                    });
                ui.add_space(8.0);
            }
        });
}
