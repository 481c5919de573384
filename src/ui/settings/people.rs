//! The people of the body: name, title, unit, active.

use super::*;
use crate::app::Command;
use crate::app::document::Document;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::ui::fonts::bold;
use egui::Color32;
use uuid::Uuid;

pub(super) fn people_ui(
    ui: &mut egui::Ui,
    panel: &mut SettingsPanel,
    doc: &Document,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    section(
        ui,
        lang.pick("Người (thành viên, lãnh đạo)", "People (members, leaders)"),
    );
    egui::Grid::new("people-grid")
        .striped(true)
        .num_columns(4)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label(bold(lang.pick("Họ tên", "Name")));
            ui.label(bold(lang.pick("Chức vụ", "Title")));
            ui.label(bold(lang.pick("Đơn vị", "Unit")));
            ui.label("");
            ui.end_row();
            for person in &doc.view.people {
                let editing = panel
                    .editing_person
                    .as_mut()
                    .filter(|e| e.person_id == person.person_id);
                match editing {
                    Some(edit) => {
                        ui.add(egui::TextEdit::singleline(&mut edit.name).desired_width(200.0))
                            .widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::TextInput,
                                    true,
                                    lang.pick("Họ tên", "Name"),
                                )
                            });
                        ui.add(egui::TextEdit::singleline(&mut edit.title).desired_width(320.0))
                            .widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::TextInput,
                                    true,
                                    lang.pick("Chức vụ", "Title"),
                                )
                            });
                        unit_combo(
                            ui,
                            ("person-unit", person.person_id),
                            doc,
                            lang,
                            &mut edit.unit_id,
                        );
                        let mut close = false;
                        ui.horizontal(|ui| {
                            if ui.button(lang.pick("Lưu", "Save")).clicked() {
                                commands.push(Command::Edit(Edit::UpdatePerson {
                                    person_id: edit.person_id,
                                    name: edit.name.clone(),
                                    title: edit.title.clone(),
                                    unit_id: edit.unit_id,
                                }));
                                close = true;
                            } else if ui.button(lang.pick("Hủy", "Cancel")).clicked() {
                                close = true;
                            }
                        });
                        if close {
                            panel.editing_person = None;
                        }
                    }
                    None => {
                        let color = if person.active {
                            ui.visuals().text_color()
                        } else {
                            Color32::GRAY
                        };
                        ui.colored_label(color, &person.name);
                        ui.colored_label(color, &person.title);
                        ui.colored_label(
                            color,
                            person
                                .unit_id
                                .and_then(|u| doc.view.unit_name(u))
                                .unwrap_or("—"),
                        );
                        ui.horizontal(|ui| {
                            if ui
                                .small_button(lang.pick("Sửa", "Edit"))
                                .on_hover_text(&person.name)
                                .clicked()
                            {
                                panel.editing_person = Some(PersonEdit {
                                    person_id: person.person_id,
                                    name: person.name.clone(),
                                    title: person.title.clone(),
                                    unit_id: person.unit_id,
                                });
                            }
                            let (text, active) = if person.active {
                                (lang.pick("Không còn tham gia", "Mark inactive"), false)
                            } else {
                                (lang.pick("Tham gia lại", "Reactivate"), true)
                            };
                            if ui.small_button(text).on_hover_text(&person.name).clicked() {
                                commands.push(Command::Edit(Edit::SetPersonActive {
                                    person_id: person.person_id,
                                    active,
                                }));
                            }
                        });
                    }
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        labelled_text(
            ui,
            lang.pick("Họ tên người mới", "New person's name"),
            &mut panel.new_person_name,
            200.0,
        );
        labelled_text(
            ui,
            lang.pick("Chức vụ", "Title"),
            &mut panel.new_person_title,
            260.0,
        );
        unit_combo(ui, "new-person-unit", doc, lang, &mut panel.new_person_unit);
        if ui.button(lang.pick("Thêm người", "Add person")).clicked()
            && !panel.new_person_name.trim().is_empty()
        {
            commands.push(Command::Edit(Edit::AddPerson {
                person_id: Uuid::new_v4(),
                name: panel.new_person_name.clone(),
                title: panel.new_person_title.clone(),
                unit_id: panel.new_person_unit,
            }));
            panel.new_person_name.clear();
            panel.new_person_title.clear();
        }
    });
}

fn unit_combo(
    ui: &mut egui::Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    doc: &Document,
    lang: Lang,
    value: &mut Option<Uuid>,
) {
    let selected = value
        .and_then(|id| doc.view.unit_name(id))
        .unwrap_or(lang.pick("(không thuộc đơn vị)", "(no unit)"))
        .to_string();
    egui::ComboBox::from_id_salt(salt)
        .selected_text(selected)
        .width(200.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, lang.pick("(không thuộc đơn vị)", "(no unit)"));
            for u in doc.view.units.iter().filter(|u| u.is_active()) {
                ui.selectable_value(value, Some(u.unit_id), &u.name);
            }
        })
        .response
        .on_hover_text(lang.pick("Đơn vị công tác", "Unit"));
}
