//! Units & settings: the body, its units, its people, the interface language and the name
//! written into the audit log.

use chrono::NaiveDate;
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};
use uuid::Uuid;

use super::fonts::bold;
use crate::app::Command;
use crate::app::document::Document;
use crate::app::prefs::Prefs;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::org::{Body, BodyKind, UnitKind, UnitOrder, sort_units};
use crate::domain::text::Search;

/// UI-local state of the panel: edit buffers and the unit filter.
pub struct SettingsPanel {
    body_synced: Option<Body>,
    pub body_name: String,
    pub body_kind: BodyKind,
    pub body_parent: String,
    pub new_unit_name: String,
    pub new_unit_kind: UnitKind,
    pub unit_search: String,
    pub order: UnitOrder,
    pub show_retired: bool,
    /// The unit being renamed and the name typed so far.
    pub renaming: Option<(Uuid, String)>,
    /// A unit just added: the list scrolls to it once it appears.
    scroll_to: Option<Uuid>,
    pub new_person_name: String,
    pub new_person_title: String,
    pub new_person_unit: Option<Uuid>,
    pub editing_person: Option<PersonEdit>,
    pub user_name: Option<String>,
    /// Rows shown, cached until the document, the order or the filter changes.
    row_cache: Option<(RowKey, Vec<usize>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonEdit {
    pub person_id: Uuid,
    pub name: String,
    pub title: String,
    pub unit_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq)]
struct RowKey {
    revision: u64,
    order: UnitOrder,
    search: String,
    show_retired: bool,
}

impl Default for SettingsPanel {
    fn default() -> Self {
        Self {
            body_synced: None,
            body_name: String::new(),
            body_kind: BodyKind::District,
            body_parent: String::new(),
            new_unit_name: String::new(),
            new_unit_kind: UnitKind::Ward,
            unit_search: String::new(),
            order: UnitOrder::Official,
            show_retired: true,
            renaming: None,
            scroll_to: None,
            new_person_name: String::new(),
            new_person_title: String::new(),
            new_person_unit: None,
            editing_person: None,
            user_name: None,
            row_cache: None,
        }
    }
}

/// A text field with a visible label that also names it for screen readers and tests.
fn labelled_text(ui: &mut egui::Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    let label = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(width))
        .labelled_by(label.id)
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(14.0);
    ui.label(bold(title).size(18.0));
    ui.add_space(4.0);
}

#[allow(clippy::too_many_arguments)] // one call site; a struct would only rename the arguments
pub fn settings_ui(
    ui: &mut egui::Ui,
    panel: &mut SettingsPanel,
    doc: &Document,
    prefs: &Prefs,
    audit_name: &str,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .id_salt("settings-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(lang.pick("Đơn vị & cài đặt", "Units & settings"));
            ui.columns(2, |columns| {
                body_ui(&mut columns[0], panel, doc, lang, commands);
                preferences_ui(&mut columns[1], panel, prefs, audit_name, lang, commands);
            });
            units_ui(ui, panel, doc, lang, today, commands);
            people_ui(ui, panel, doc, lang, commands);
            audit_ui(ui, doc, lang);
        });
}

fn body_ui(
    ui: &mut egui::Ui,
    panel: &mut SettingsPanel,
    doc: &Document,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    section(ui, lang.pick("Cơ quan", "Body"));
    if panel.body_synced != doc.view.body {
        if let Some(body) = &doc.view.body {
            panel.body_name = body.name.clone();
            panel.body_kind = body.kind;
            panel.body_parent = body.parent_name.clone().unwrap_or_default();
        }
        panel.body_synced = doc.view.body.clone();
    }
    let mut submit = false;
    egui::Grid::new("body-grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let r = labelled_text(
                ui,
                lang.pick("Tên cơ quan", "Body name"),
                &mut panel.body_name,
                360.0,
            );
            submit |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.end_row();
            let kind_label = ui.label(lang.pick("Cấp", "Kind"));
            egui::ComboBox::from_id_salt("body-kind")
                .selected_text(panel.body_kind.label(lang))
                .show_ui(ui, |ui| {
                    for k in BodyKind::ALL {
                        ui.selectable_value(&mut panel.body_kind, k, k.label(lang));
                    }
                })
                .response
                .labelled_by(kind_label.id);
            ui.end_row();
            let r = labelled_text(
                ui,
                lang.pick("Cơ quan cấp trên", "Parent body"),
                &mut panel.body_parent,
                360.0,
            );
            submit |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.end_row();
        });
    let changed = doc.view.body.as_ref().is_some_and(|b| {
        b.name != panel.body_name
            || b.kind != panel.body_kind
            || b.parent_name.clone().unwrap_or_default() != panel.body_parent
    });
    let clicked = ui
        .add_enabled(
            changed,
            egui::Button::new(lang.pick("Lưu thông tin cơ quan", "Save body")),
        )
        .clicked();
    if (clicked || submit) && changed {
        let parent = panel.body_parent.trim();
        commands.push(Command::Edit(Edit::SetBody {
            name: panel.body_name.clone(),
            kind: panel.body_kind,
            parent_name: (!parent.is_empty()).then(|| parent.to_string()),
        }));
    }
}

fn visible_rows(panel: &mut SettingsPanel, doc: &Document) -> Vec<usize> {
    let key = RowKey {
        revision: doc.view.revision,
        order: panel.order,
        search: panel.unit_search.clone(),
        show_retired: panel.show_retired,
    };
    if let Some((cached_key, rows)) = &panel.row_cache
        && *cached_key == key
    {
        return rows.clone();
    }
    let mut units = doc.view.units.clone();
    sort_units(&mut units, panel.order);
    let positions: std::collections::HashMap<Uuid, usize> = doc
        .view
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.unit_id, i))
        .collect();
    let search = Search::new(&panel.unit_search);
    let rows: Vec<usize> = units
        .iter()
        .filter(|u| panel.show_retired || u.is_active())
        .filter(|u| search.matches(&u.name))
        .filter_map(|u| positions.get(&u.unit_id).copied())
        .collect();
    panel.row_cache = Some((key, rows.clone()));
    rows
}

fn units_ui(
    ui: &mut egui::Ui,
    panel: &mut SettingsPanel,
    doc: &Document,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let active = doc.view.units.iter().filter(|u| u.is_active()).count();
    section(
        ui,
        &match lang {
            Lang::Vi => format!("Đơn vị ({active} đang hoạt động)"),
            Lang::En => format!("Units ({active} active)"),
        },
    );
    // Add a unit.
    ui.horizontal(|ui| {
        let r = labelled_text(
            ui,
            lang.pick("Tên đơn vị mới", "New unit name"),
            &mut panel.new_unit_name,
            260.0,
        );
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        egui::ComboBox::from_id_salt("new-unit-kind")
            .selected_text(panel.new_unit_kind.label(lang))
            .show_ui(ui, |ui| {
                for k in UnitKind::ALL {
                    ui.selectable_value(&mut panel.new_unit_kind, k, k.label(lang));
                }
            })
            .response
            .on_hover_text(lang.pick("Loại đơn vị mới", "Kind of the new unit"));
        let clicked = ui.button(lang.pick("Thêm đơn vị", "Add unit")).clicked();
        if (clicked || enter) && !panel.new_unit_name.trim().is_empty() {
            let unit_id = Uuid::new_v4();
            panel.scroll_to = Some(unit_id);
            commands.push(Command::Edit(Edit::AddUnit {
                unit_id,
                name: panel.new_unit_name.clone(),
                kind: panel.new_unit_kind,
                position: None,
            }));
            panel.new_unit_name.clear();
        }
    });
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        labelled_text(
            ui,
            lang.pick("Tìm đơn vị", "Find unit"),
            &mut panel.unit_search,
            200.0,
        );
        ui.separator();
        ui.label(lang.pick("Sắp xếp:", "Order:"));
        ui.radio_value(
            &mut panel.order,
            UnitOrder::Official,
            lang.pick("Thứ tự chính thức", "Official order"),
        );
        ui.radio_value(
            &mut panel.order,
            UnitOrder::Alphabetical,
            lang.pick("Theo tên (A–Z)", "By name (A–Z)"),
        );
        ui.separator();
        ui.checkbox(
            &mut panel.show_retired,
            lang.pick("Hiện đơn vị đã thôi hoạt động", "Show retired units"),
        );
    });
    let rows = visible_rows(panel, doc);
    let can_move = panel.order == UnitOrder::Official && panel.unit_search.trim().is_empty();
    let row_height = 30.0;
    let height = (rows.len() as f32 * row_height + 34.0).clamp(120.0, 420.0);
    let scroll_row = panel.scroll_to.and_then(|id| {
        rows.iter()
            .position(|&i| doc.view.units.get(i).is_some_and(|u| u.unit_id == id))
    });
    if scroll_row.is_some() {
        panel.scroll_to = None;
    }
    ui.push_id("units-table", |ui| {
        let mut table = TableBuilder::new(ui);
        if let Some(row) = scroll_row {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        table
            .striped(true)
            .max_scroll_height(height)
            .min_scrolled_height(height.min(420.0))
            .column(Column::exact(44.0))
            .column(Column::remainder().at_least(220.0))
            .column(Column::exact(130.0))
            .column(Column::exact(330.0))
            .header(26.0, |mut header| {
                header.col(|ui| {
                    ui.label(bold("#"));
                });
                header.col(|ui| {
                    ui.label(bold(lang.pick("Tên đơn vị", "Unit name")));
                });
                header.col(|ui| {
                    ui.label(bold(lang.pick("Loại", "Kind")));
                });
                header.col(|ui| {
                    ui.label(bold(lang.pick("Thao tác", "Actions")));
                });
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    // Rows hold indices into the official order: the index is the position.
                    let Some((position, unit)) = rows
                        .get(row.index())
                        .and_then(|&i| doc.view.units.get(i).map(|u| (i, u)))
                    else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(format!("{}", position + 1));
                    });
                    row.col(|ui| {
                        let renaming = panel
                            .renaming
                            .as_mut()
                            .filter(|(id, _)| *id == unit.unit_id);
                        match renaming {
                            Some((_, buffer)) => {
                                let r =
                                    ui.add(egui::TextEdit::singleline(buffer).desired_width(220.0));
                                let r = r.on_hover_text(lang.pick(
                                    "Enter để lưu, Esc để hủy",
                                    "Enter to save, Esc to cancel",
                                ));
                                r.widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::Role::TextInput,
                                        true,
                                        format!(
                                            "{} {}",
                                            lang.pick("Tên mới cho", "New name for"),
                                            unit.name
                                        ),
                                    )
                                });
                                if r.lost_focus() {
                                    if ui.input(|i| i.key_pressed(egui::Key::Enter))
                                        && buffer.trim() != unit.name
                                    {
                                        commands.push(Command::Edit(Edit::RenameUnit {
                                            unit_id: unit.unit_id,
                                            name: buffer.clone(),
                                        }));
                                    }
                                    panel.renaming = None;
                                } else if !r.has_focus() {
                                    r.request_focus();
                                }
                            }
                            None => {
                                let text = if unit.is_active() {
                                    RichText::new(&unit.name).size(15.0)
                                } else {
                                    RichText::new(format!(
                                        "{} ({} {})",
                                        unit.name,
                                        lang.pick("thôi hoạt động từ", "retired"),
                                        unit.retired_on
                                            .map(|d| d.format("%d/%m/%Y").to_string())
                                            .unwrap_or_default()
                                    ))
                                    .color(Color32::GRAY)
                                    .strikethrough()
                                };
                                ui.label(text);
                            }
                        }
                    });
                    row.col(|ui| {
                        let mut kind = unit.kind;
                        egui::ComboBox::from_id_salt(("unit-kind", unit.unit_id))
                            .selected_text(kind.label(lang))
                            .width(110.0)
                            .show_ui(ui, |ui| {
                                for k in UnitKind::ALL {
                                    ui.selectable_value(&mut kind, k, k.label(lang));
                                }
                            })
                            .response
                            .on_hover_text(format!(
                                "{} {}",
                                lang.pick("Loại đơn vị của", "Kind of"),
                                unit.name
                            ));
                        if kind != unit.kind {
                            commands.push(Command::Edit(Edit::SetUnitKind {
                                unit_id: unit.unit_id,
                                kind,
                            }));
                        }
                    });
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            if ui
                                .small_button(lang.pick("Đổi tên", "Rename"))
                                .on_hover_text(&unit.name)
                                .clicked()
                            {
                                panel.renaming = Some((unit.unit_id, unit.name.clone()));
                            }
                            let up = ui.add_enabled(
                                can_move && position > 0,
                                egui::Button::new(lang.pick("Lên", "Up")).small(),
                            );
                            if up.on_hover_text(&unit.name).clicked() {
                                commands.push(Command::Edit(Edit::MoveUnit {
                                    unit_id: unit.unit_id,
                                    position: position - 1,
                                }));
                            }
                            let down = ui.add_enabled(
                                can_move && position + 1 < doc.view.units.len(),
                                egui::Button::new(lang.pick("Xuống", "Down")).small(),
                            );
                            if down.on_hover_text(&unit.name).clicked() {
                                commands.push(Command::Edit(Edit::MoveUnit {
                                    unit_id: unit.unit_id,
                                    position: position + 1,
                                }));
                            }
                            if unit.is_active() {
                                if ui
                                    .small_button(lang.pick("Thôi hoạt động", "Retire"))
                                    .on_hover_text(&unit.name)
                                    .clicked()
                                {
                                    commands.push(Command::Edit(Edit::RetireUnit {
                                        unit_id: unit.unit_id,
                                        on: today,
                                    }));
                                }
                            } else if ui
                                .small_button(lang.pick("Khôi phục", "Restore"))
                                .on_hover_text(&unit.name)
                                .clicked()
                            {
                                commands.push(Command::Edit(Edit::RestoreUnit {
                                    unit_id: unit.unit_id,
                                }));
                            }
                        });
                    });
                });
            });
    });
    if rows.is_empty() {
        ui.label(lang.pick("Không có đơn vị nào khớp.", "No unit matches."));
    }
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

fn people_ui(
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

fn preferences_ui(
    ui: &mut egui::Ui,
    panel: &mut SettingsPanel,
    prefs: &Prefs,
    audit_name: &str,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    section(ui, lang.pick("Cài đặt của tôi", "My settings"));
    ui.horizontal(|ui| {
        ui.label(lang.pick("Ngôn ngữ giao diện:", "Interface language:"));
        for l in Lang::ALL {
            if ui.radio(lang == l, l.native_name()).clicked() && l != lang {
                commands.push(Command::SetLanguage(l));
            }
        }
    });
    let buffer = panel
        .user_name
        .get_or_insert_with(|| prefs.user_name.clone());
    ui.horizontal(|ui| {
        let r = labelled_text(
            ui,
            lang.pick(
                "Tên người dùng (ghi vào nhật ký thay đổi)",
                "User name (written into the audit log)",
            ),
            buffer,
            220.0,
        );
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let changed = buffer.trim() != prefs.user_name;
        if (ui
            .add_enabled(
                changed,
                egui::Button::new(lang.pick("Lưu tên", "Save name")),
            )
            .clicked()
            || enter)
            && changed
        {
            commands.push(Command::SetUserName(buffer.clone()));
        }
    });
    ui.label(
        RichText::new(match lang {
            Lang::Vi => format!("Các thay đổi được ghi với tên: {audit_name}"),
            Lang::En => format!("Changes are recorded as: {audit_name}"),
        })
        .weak(),
    );
}

fn audit_ui(ui: &mut egui::Ui, doc: &Document, lang: Lang) {
    section(
        ui,
        lang.pick(
            "Nhật ký thay đổi (mới nhất trước)",
            "Audit log (newest first)",
        ),
    );
    egui::Grid::new("audit-grid")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for entry in doc.view.audit.iter().take(15) {
                let at = chrono::DateTime::parse_from_rfc3339(&entry.at)
                    .map(|t| {
                        t.with_timezone(&chrono::Local)
                            .format("%d/%m/%Y %H:%M:%S")
                            .to_string()
                    })
                    .unwrap_or_else(|_| entry.at.clone());
                ui.label(at);
                ui.label(&entry.who);
                ui.label(&entry.action);
                ui.label(
                    entry
                        .after
                        .as_deref()
                        .or(entry.before.as_deref())
                        .unwrap_or("")
                        .chars()
                        .take(90)
                        .collect::<String>(),
                );
                ui.end_row();
            }
        });
}
