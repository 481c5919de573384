//! The program's own preferences: the name written into the audit log (the interface
//! language is in the Language menu).

use super::*;
use crate::app::Command;
use crate::app::prefs::Prefs;
use crate::domain::lang::Lang;
use egui::RichText;

pub(super) fn preferences_ui(
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
