//! A path asked for inside the program, where the system's file dialogs cannot open (Linux
//! without a desktop portal or zenity): the suggested path to edit, Enter to go on, Esc to
//! give up, and why a path cannot be used.

use egui::{Color32, Key, RichText};

use crate::app::App;
use crate::app::dialogs::PickKind;
use crate::domain::lang::Lang;

/// The label of the path field (tests find it by this).
pub fn field_label(lang: Lang) -> &'static str {
    lang.pick("Đường dẫn", "Path")
}

pub fn path_prompt_window(app: &mut App, ctx: &egui::Context, lang: Lang) {
    let Some(prompt) = app.path_prompt.as_mut() else {
        return;
    };
    let mut answer = false;
    let mut cancel = false;
    egui::Window::new(prompt.title.clone())
        .id(egui::Id::unique("path-prompt"))
        .collapsible(false)
        .resizable(false)
        .min_width(620.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(
                RichText::new(lang.pick(
                    "Máy này không mở được cửa sổ chọn tệp. Hãy gõ hoặc sửa đường dẫn của tệp:",
                    "This machine cannot open the window for choosing files. Type or edit the file's path:",
                ))
                .weak(),
            )
            .on_hover_text(lang.pick(
                "Trên Linux, cửa sổ chọn tệp cần xdg-desktop-portal hoặc zenity",
                "On Linux, the file chooser needs xdg-desktop-portal or zenity",
            ));
            ui.horizontal(|ui| {
                let label = ui.label(field_label(lang));
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut prompt.text)
                            .desired_width(520.0),
                    )
                    .labelled_by(label.id);
                if field.changed() {
                    prompt.problem = None;
                    prompt.replace = None;
                }
                // The box takes the cursor when it opens (from the grid too), then leaves it
                // to the person.
                if !prompt.focused {
                    field.request_focus();
                    prompt.focused = true;
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    answer = true;
                }
            });
            if let Some(problem) = &prompt.problem {
                ui.label(RichText::new(problem).color(Color32::from_rgb(180, 30, 30)));
            }
            ui.horizontal(|ui| {
                let go = match (prompt.kind, lang) {
                    (PickKind::Open, Lang::Vi) => "Mở",
                    (PickKind::Open, Lang::En) => "Open",
                    (PickKind::Folder, Lang::Vi) => "Chọn thư mục này",
                    (PickKind::Folder, Lang::En) => "Choose this folder",
                    (PickKind::Save, Lang::Vi) => "Lưu",
                    (PickKind::Save, Lang::En) => "Save",
                };
                if ui.button(go).clicked() {
                    answer = true;
                }
                if ui.button(lang.pick("Thôi", "Cancel")).clicked() {
                    cancel = true;
                }
            });
        });
    if ctx.input(|i| i.key_pressed(Key::Escape)) {
        cancel = true;
    }
    if cancel {
        app.path_prompt = None;
    } else if answer {
        app.answer_path_prompt();
    }
}
