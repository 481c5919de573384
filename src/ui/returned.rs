//! The preview of a returned form: every cell it changes, old → new with its evidence, the
//! conflicts marked, and the person's choice — bring it in (settling conflicts one way or the
//! other) or cancel. Nothing is written before that choice.

use egui::{Color32, RichText};

use crate::app::{App, Command};
use crate::domain::lang::Lang;
use crate::domain::merge::Take;

/// The labels of the window's buttons (tests click them).
pub fn apply_label(lang: Lang) -> &'static str {
    lang.pick("Nhập", "Bring in")
}
pub fn keep_mine_label(lang: Lang) -> &'static str {
    lang.pick(
        "Nhập, giữ của tệp đang làm khi xung đột",
        "Bring in, keep mine in conflicts",
    )
}
pub fn take_theirs_label(lang: Lang) -> &'static str {
    lang.pick(
        "Nhập, lấy bản trả về khi xung đột",
        "Bring in, take theirs in conflicts",
    )
}

pub fn returned_window(app: &App, ctx: &egui::Context, lang: Lang, commands: &mut Vec<Command>) {
    let Some(preview) = app.returned.as_ref() else {
        return;
    };
    let incoming = &preview.incoming;
    let name = preview
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let conflicts = incoming.conflict_count();
    // Modal: nothing else in the window changes while the preview waits for an answer, so
    // what it shows is what Nhập writes.
    let modal = egui::Modal::new(egui::Id::unique("returned-preview")).show(ctx, |ui| {
        ui.set_width(ctx.content_rect().width().min(1000.0) * 0.9);
        ui.heading(lang.pick("Nhập bản trả về", "Bring in a returned file"));
        ui.label(RichText::new(format!("{name} — {}", incoming.heading)).strong());
        ui.label(match lang {
            Lang::Vi => format!(
                "{} ô thay đổi, {conflicts} ô xung đột. Chưa ghi gì vào tệp đang làm.",
                incoming.lines.len()
            ),
            Lang::En => format!(
                "{} cells change, {conflicts} in conflict. Nothing is written yet.",
                incoming.lines.len()
            ),
        });
        if let Some(notice) = &incoming.notice {
            ui.label(RichText::new(notice).color(Color32::from_rgb(0xA0, 0x60, 0x00)));
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.55)
            .show(ui, |ui| {
                if incoming.lines.is_empty() {
                    ui.label(lang.pick(
                        "Bản trả về không có gì mới.",
                        "The returned form has nothing new.",
                    ));
                }
                for (line, conflict) in incoming.lines.iter().zip(&incoming.conflicts) {
                    let text = RichText::new(line);
                    ui.label(if *conflict {
                        text.color(Color32::from_rgb(0xB0, 0x30, 0x20)).strong()
                    } else {
                        text
                    });
                }
            });
        ui.separator();
        ui.horizontal(|ui| {
            if conflicts == 0 {
                if ui
                    .add_enabled(
                        !incoming.lines.is_empty(),
                        egui::Button::new(apply_label(lang)),
                    )
                    .clicked()
                {
                    commands.push(Command::ApplyReturned(None));
                }
            } else {
                if ui.button(keep_mine_label(lang)).clicked() {
                    commands.push(Command::ApplyReturned(Some(Take::Mine)));
                }
                if ui.button(take_theirs_label(lang)).clicked() {
                    commands.push(Command::ApplyReturned(Some(Take::Theirs)));
                }
            }
            if ui.button(lang.pick("Hủy", "Cancel")).clicked() {
                commands.push(Command::DismissReturned);
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::DismissReturned);
    }
}
