//! The body itself: its name, kind and the level above it.

use super::*;
use crate::app::Command;
use crate::app::document::Document;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::org::BodyKind;

pub(super) fn body_ui(
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
