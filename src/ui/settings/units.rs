//! The units: add, rename, reorder, change kind, retire and restore, with a filter and an order.

use super::*;
use crate::app::Command;
use crate::app::document::Document;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::org::{UnitKind, UnitOrder, sort_units};
use crate::domain::text::Search;
use crate::ui::fonts::bold;
use chrono::NaiveDate;
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};
use uuid::Uuid;

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

pub(super) fn units_ui(
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
    add_unit_ui(ui, panel, lang, today, commands);
    ui.add_space(4.0);
    filters_ui(ui, panel, lang);
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
                    row.col(|ui| name_cell(ui, panel, unit, lang, commands));
                    row.col(|ui| kind_cell(ui, unit, lang, commands));
                    let moves = Moves {
                        position,
                        can_move,
                        units: doc.view.units.len(),
                    };
                    row.col(|ui| actions_cell(ui, panel, unit, moves, today, lang, commands));
                });
            });
    });
    if rows.is_empty() {
        ui.label(lang.pick("Không có đơn vị nào khớp.", "No unit matches."));
    }
}

/// The field and button that add a unit (Enter adds too).
fn add_unit_ui(
    ui: &mut egui::Ui,
    panel: &mut SettingsPanel,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
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
        // A unit added now joins today, so past months' figures keep their units; emptied,
        // it was there from the start (setting up a new file).
        let since = panel
            .new_unit_since
            .get_or_insert_with(|| today.format("%d/%m/%Y").to_string());
        let since_field = labelled_text(ui, lang.pick("Từ ngày", "Since"), since, 90.0)
            .on_hover_text(lang.pick(
                "Ngày đơn vị bắt đầu được tính (để trống: có từ đầu)",
                "The day the unit starts to count (empty: there from the start)",
            ));
        let enter =
            enter || (since_field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
        let joined_on = match since.trim() {
            "" => Ok(None),
            typed => crate::domain::deadline::parse_typed_day(typed).map(Some),
        };
        let clicked = ui.button(lang.pick("Thêm đơn vị", "Add unit")).clicked();
        if (clicked || enter) && !panel.new_unit_name.trim().is_empty() {
            panel.unit_problem = None;
            match joined_on {
                Ok(joined_on) => {
                    let unit_id = Uuid::new_v4();
                    panel.scroll_to = Some(unit_id);
                    commands.push(Command::Edit(Edit::AddUnit {
                        unit_id,
                        name: panel.new_unit_name.clone(),
                        kind: panel.new_unit_kind,
                        position: None,
                        joined_on,
                    }));
                    panel.new_unit_name.clear();
                }
                Err(e) => panel.unit_problem = Some(e.message(lang)),
            }
        }
    });
    if let Some(problem) = &panel.unit_problem {
        ui.colored_label(egui::Color32::from_rgb(180, 30, 30), problem);
    }
}

/// Find a unit by name, choose the order, show the retired ones.
fn filters_ui(ui: &mut egui::Ui, panel: &mut SettingsPanel, lang: Lang) {
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
}

/// A unit's name, or the field that renames it (Enter saves, Esc cancels).
fn name_cell(
    ui: &mut egui::Ui,
    panel: &mut SettingsPanel,
    unit: &crate::domain::org::Unit,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let renaming = panel
        .renaming
        .as_mut()
        .filter(|(id, _)| *id == unit.unit_id);
    match renaming {
        Some((_, buffer)) => {
            let r = ui.add(egui::TextEdit::singleline(buffer).desired_width(220.0));
            let r = r.on_hover_text(
                lang.pick("Enter để lưu, Esc để hủy", "Enter to save, Esc to cancel"),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    format!("{} {}", lang.pick("Tên mới cho", "New name for"), unit.name),
                )
            });
            if r.lost_focus() {
                // Enter, a click elsewhere or a command saves what was typed; Esc cancels.
                let cancelled = ui.input(|i| i.key_pressed(egui::Key::Escape));
                if !cancelled && buffer.trim() != unit.name {
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
                match unit.joined_on {
                    // A unit that joined later says since when: earlier figures leave it out.
                    Some(d) => RichText::new(format!(
                        "{} ({} {})",
                        unit.name,
                        lang.pick("từ", "since"),
                        d.format("%d/%m/%Y")
                    ))
                    .size(15.0),
                    None => RichText::new(&unit.name).size(15.0),
                }
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
}

/// A unit's kind, changed in place.
fn kind_cell(
    ui: &mut egui::Ui,
    unit: &crate::domain::org::Unit,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
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
}

/// Where a unit's row is in the official order, and whether it may move.
#[derive(Clone, Copy)]
struct Moves {
    position: usize,
    can_move: bool,
    units: usize,
}

/// Rename, up, down, retire or restore.
fn actions_cell(
    ui: &mut egui::Ui,
    panel: &mut SettingsPanel,
    unit: &crate::domain::org::Unit,
    moves: Moves,
    today: NaiveDate,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if ui
            .small_button(lang.pick("Đổi tên", "Rename"))
            .on_hover_text(&unit.name)
            .clicked()
        {
            panel.renaming = Some((unit.unit_id, unit.name.clone()));
        }
        let up = ui.add_enabled(
            moves.can_move && moves.position > 0,
            egui::Button::new(lang.pick("Lên", "Up")).small(),
        );
        if up.on_hover_text(&unit.name).clicked() {
            commands.push(Command::Edit(Edit::MoveUnit {
                unit_id: unit.unit_id,
                position: moves.position - 1,
            }));
        }
        let down = ui.add_enabled(
            moves.can_move && moves.position + 1 < moves.units,
            egui::Button::new(lang.pick("Xuống", "Down")).small(),
        );
        if down.on_hover_text(&unit.name).clicked() {
            commands.push(Command::Edit(Edit::MoveUnit {
                unit_id: unit.unit_id,
                position: moves.position + 1,
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
}
