//! The window ([`GiaobanApp`], in `window.rs`), its panels and widgets, and the one list of the
//! person's commands and keys (`commands.rs`). Panels draw from the state and return commands;
//! they never write.

pub mod charts;
pub mod commands;
pub mod criteria;
pub mod fonts;
pub mod forms;
pub mod grid;
pub mod meetings;
pub mod path_prompt;
pub mod plans;
pub mod present;
pub mod returned;
pub mod scoring;
mod settings;
pub mod start;
pub mod widgets;
mod window;

pub use self::window::{FIRST_SIZE, GiaobanApp, too_large_for};

use egui::{Color32, RichText};

use self::commands::UiCommand;

use crate::app::notify::Level;
use crate::app::{Command, Nav};
use crate::domain::lang::Lang;
use crate::domain::text::escape_for_display;
use crate::store::Access;

pub use self::settings::SettingsPanel;

/// UI-local state of the panels (edit buffers, filters), not saved anywhere.
#[derive(Default)]
pub struct Panels {
    pub settings: SettingsPanel,
    pub scoring: scoring::ScoringPanel,
    pub plans: plans::PlansPanel,
    pub meetings: meetings::MeetingsPanel,
    pub charts: charts::ChartsPanel,
    /// The window title last sent, so it is sent only when it changes.
    window_title: String,
    /// Commands given by keys this frame, run once the panels have drawn (see `commands`).
    pub pending: Vec<commands::UiCommand>,
    /// The *Phím tắt* list (F1) is open.
    pub show_shortcuts: bool,
}

/// The whole window: menu, navigation, status bar, banners and the selected panel.
pub fn app_ui(app: &mut GiaobanApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let today = app.today();
    let mut commands: Vec<Command> = Vec::new();

    if let Some(p) = app.presentation.as_mut() {
        present::present_ui(ui, p, lang);
        if p.ended {
            if p.single_window {
                ui.ctx()
                    .send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            app.presentation = None;
        }
        return;
    }

    let mut chosen = Vec::new();
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            menu_ui(app, ui, lang, &mut commands, &mut chosen);
        });
    });
    app.panels.pending.extend(chosen);

    egui::Panel::bottom("status").show(ui, |ui| status_ui(app, ui, lang));

    egui::Panel::left("nav")
        .resizable(false)
        .exact_size(190.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            for nav in Nav::ALL {
                let selected = app.app.nav == nav;
                let text = RichText::new(nav.label(lang)).size(16.0);
                if ui
                    .add_sized([174.0, 34.0], egui::Button::selectable(selected, text))
                    .clicked()
                {
                    commands.push(Command::Navigate(nav));
                }
            }
        });

    egui::CentralPanel::default().show(ui, |ui| {
        banners_ui(app, ui, lang, &mut commands);
        match app.app.doc.as_ref() {
            None => start_ui(ui, lang, &mut commands),
            Some(doc) => match app.app.nav {
                Nav::Plans => {
                    plans::plans_ui(ui, &mut app.panels.plans, doc, lang, today, &mut commands)
                }
                Nav::Scoring => {
                    let mut notes = Vec::new();
                    scoring::scoring_ui(
                        ui,
                        &mut app.panels.scoring,
                        doc,
                        lang,
                        chrono::Datelike::year(&today),
                        &mut commands,
                        &mut notes,
                    );
                    for n in notes {
                        app.app.notes.error(n);
                    }
                }
                Nav::Meetings => meetings::meetings_ui(
                    ui,
                    &mut app.panels.meetings,
                    doc,
                    lang,
                    today,
                    &mut commands,
                ),
                Nav::Charts => {
                    charts::charts_ui(ui, &mut app.panels.charts, doc, lang, today, &mut commands)
                }
                Nav::Settings => {
                    let who = app.app.prefs.audit_name();
                    settings::settings_ui(
                        ui,
                        &mut app.panels.settings,
                        doc,
                        &app.app.prefs,
                        &who,
                        lang,
                        today,
                        &mut commands,
                    );
                }
            },
        }
    });

    commands::run_pending(app, &mut commands);
    commands::shortcuts_window(app, ui.ctx(), lang);
    path_prompt::path_prompt_window(&mut app.app, ui.ctx(), lang);
    returned::returned_window(&app.app, ui.ctx(), lang, &mut commands);
    notifications_ui(app, ui.ctx(), lang);

    let title = match app.app.doc.as_ref() {
        Some(doc) => format!(
            "giaoban — {}",
            doc.store
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ),
        None => "giaoban".into(),
    };
    if app.panels.window_title != title {
        ui.ctx()
            .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
        app.panels.window_title = title;
    }

    for c in commands {
        app.send(c);
    }
}

/// A menu entry for `command`, with its shortcut beside it; chosen commands wait in `chosen`.
fn menu_item(
    ui: &mut egui::Ui,
    command: UiCommand,
    text: Option<String>,
    enabled: bool,
    lang: Lang,
    chosen: &mut Vec<UiCommand>,
) {
    let mut button = egui::Button::new(text.unwrap_or_else(|| command.label(lang).to_string()));
    if let Some(keys) = command.menu_shortcut(ui.ctx()) {
        button = button.shortcut_text(keys);
    }
    if ui.add_enabled(enabled, button).clicked() {
        chosen.push(command);
    }
}

fn menu_ui(
    app: &GiaobanApp,
    ui: &mut egui::Ui,
    lang: Lang,
    commands: &mut Vec<Command>,
    chosen: &mut Vec<UiCommand>,
) {
    let has_doc = app.app.doc.is_some();
    ui.menu_button(lang.pick("Tệp", "File"), |ui| {
        menu_item(ui, UiCommand::New, None, true, lang, chosen);
        menu_item(ui, UiCommand::Open, None, true, lang, chosen);
        ui.menu_button(lang.pick("Mở gần đây", "Open recent"), |ui| {
            if app.app.prefs.recent.is_empty() {
                ui.label(lang.pick("(chưa có)", "(none)"));
            }
            for path in &app.app.prefs.recent {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(Command::Open(path.clone()));
                }
            }
            ui.separator();
            if ui.button(lang.pick("Tệp mẫu", "Demo file")).clicked() {
                commands.push(Command::OpenDemo);
            }
        });
        ui.separator();
        menu_item(ui, UiCommand::SaveAs, None, has_doc, lang, chosen);
        menu_item(ui, UiCommand::ExportForEmail, None, has_doc, lang, chosen);
        ui.separator();
        let has_period = app.panels.scoring.grid.grid.is_some();
        let unit = commands::selected_unit(app);
        let one = unit.as_ref().map(|(_, name)| match lang {
            Lang::Vi => format!("Gửi phiếu cho {name}…"),
            Lang::En => format!("Send {name} its form…"),
        });
        menu_item(
            ui,
            UiCommand::SendForms,
            None,
            has_doc && has_period,
            lang,
            chosen,
        );
        menu_item(
            ui,
            UiCommand::SendForm,
            one,
            has_doc && unit.is_some(),
            lang,
            chosen,
        );
        menu_item(ui, UiCommand::BringInReturned, None, has_doc, lang, chosen);
        ui.separator();
        menu_item(ui, UiCommand::CheckFile, None, has_doc, lang, chosen);
        ui.separator();
        menu_item(ui, UiCommand::Quit, None, true, lang, chosen);
    });
    ui.menu_button(lang.pick("Sửa", "Edit"), |ui| {
        let described = |command: UiCommand, step: Option<&crate::app::undo::Step>| {
            step.map(|s| format!("{}: {}", command.label(lang), s.redo.describe(lang)))
        };
        let undo = app.app.undo.next_undo();
        let redo = app.app.undo.next_redo();
        menu_item(
            ui,
            UiCommand::Undo,
            described(UiCommand::Undo, undo),
            undo.is_some(),
            lang,
            chosen,
        );
        menu_item(
            ui,
            UiCommand::Redo,
            described(UiCommand::Redo, redo),
            redo.is_some(),
            lang,
            chosen,
        );
    });
    ui.menu_button(lang.pick("Cuộc họp", "Meeting"), |ui| {
        let in_meeting = app.app.nav == Nav::Meetings
            && app.panels.meetings.selected.is_some()
            && !app.panels.meetings.follow_up;
        menu_item(ui, UiCommand::NewConclusion, None, in_meeting, lang, chosen);
        menu_item(ui, UiCommand::NewActionItem, None, in_meeting, lang, chosen);
        ui.separator();
        let meeting = commands::meeting_to_present(app);
        menu_item(
            ui,
            UiCommand::Present,
            None,
            meeting.is_some(),
            lang,
            chosen,
        );
    });
    ui.menu_button(lang.pick("Ngôn ngữ", "Language"), |ui| {
        for l in Lang::ALL {
            if ui.radio(lang == l, l.native_name()).clicked() {
                commands.push(Command::SetLanguage(l));
            }
        }
    });
    ui.menu_button(lang.pick("Trợ giúp", "Help"), |ui| {
        menu_item(ui, UiCommand::Shortcuts, None, true, lang, chosen);
    });
}

fn status_ui(app: &GiaobanApp, ui: &mut egui::Ui, lang: Lang) {
    ui.horizontal(|ui| {
        if app.opengl_fallback {
            ui.label(lang.pick("Vẽ bằng OpenGL", "Drawn with OpenGL"))
                .on_hover_text(lang.pick(
                    "Máy này không khởi động được trình vẽ chính (wgpu: DirectX 12 hoặc Vulkan), nên cửa sổ được vẽ bằng OpenGL. Mọi việc vẫn như thường.",
                    "This computer could not start the main renderer (wgpu: DirectX 12 or Vulkan), so the window is drawn with OpenGL. Everything works as usual.",
                ));
            ui.separator();
        }
        document_status_ui(app, ui, lang);
    });
}

fn document_status_ui(app: &GiaobanApp, ui: &mut egui::Ui, lang: Lang) {
    match app.app.doc.as_ref() {
        None => {
            ui.label(lang.pick("Chưa mở tệp", "No file open"));
        }
        Some(doc) => {
            ui.label(doc.store.path().display().to_string());
            ui.separator();
            match doc.store.access() {
                Access::ReadWrite => {
                    ui.label(lang.pick("Đang sửa", "Editing"));
                }
                Access::ReadOnly(_) => {
                    ui.colored_label(
                        Color32::from_rgb(180, 60, 0),
                        lang.pick("Chỉ đọc", "Read-only"),
                    );
                }
            }
            ui.separator();
            match doc.last_saved {
                Some(t) => ui.label(format!(
                    "{} {}",
                    lang.pick("Đã lưu lúc", "Saved at"),
                    t.format("%H:%M:%S")
                )),
                None => ui.label(lang.pick(
                    "Mọi thay đổi được lưu ngay",
                    "Every change is saved at once",
                )),
            };
            ui.separator();
            let c = &doc.view.counts;
            ui.label(match lang {
                Lang::Vi => format!(
                    "{} đơn vị · {} kế hoạch · {} cuộc họp",
                    c.units, c.plans, c.meetings
                ),
                Lang::En => format!(
                    "{} units · {} plans · {} meetings",
                    c.units, c.plans, c.meetings
                ),
            });
        }
    }
}

/// A file refused at open: why, what a clean copy would leave out, and the way out.
fn refused_ui(app: &GiaobanApp, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<Command>) {
    let Some(refused) = app.app.refused.as_ref() else {
        return;
    };
    let name = refused
        .path
        .file_name()
        .map(|n| escape_for_display(&n.to_string_lossy()).into_owned())
        .unwrap_or_default();
    egui::Frame::new()
        .fill(Color32::from_rgb(255, 226, 222))
        .inner_margin(10.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let dark = Color32::from_rgb(110, 20, 10);
            ui.label(
                RichText::new(format!(
                    "{} {name}: {}",
                    lang.pick("Không mở tệp", "Not opened:"),
                    refused.reason
                ))
                .color(dark)
                .size(15.0)
                .strong(),
            );
            if let Some(plan) = &refused.plan {
                ui.label(RichText::new(lang.pick(
                    "Tệp đã bị sửa ngoài giaoban: những gì thêm vào có thể xóa hay đổi dữ liệu khi lưu, nên giaoban không mở nó. Có thể tạo một bản sạch: giữ dữ liệu của giaoban, bỏ ra những gì giaoban không tạo; tệp gốc không bị thay đổi. Bản sạch sẽ bỏ ra:",
                    "The file was changed outside giaoban: what was added could delete or change data at the next save, so giaoban does not open it. A clean copy can be made: it keeps giaoban's data and leaves out what giaoban did not make; the original stays as it is. The clean copy leaves out:",
                )).color(dark));
                const SHOWN: usize = 8;
                for object in plan.left_out.iter().take(SHOWN) {
                    ui.label(RichText::new(format!("  • {}", object.message(lang))).color(dark));
                }
                if plan.left_out.len() > SHOWN {
                    let more = plan.left_out.len() - SHOWN;
                    ui.label(
                        RichText::new(match lang {
                            Lang::Vi => format!("  … và {more} mục khác"),
                            Lang::En => format!("  … and {more} more"),
                        })
                        .color(dark),
                    );
                }
            }
            ui.horizontal(|ui| {
                if refused.plan.is_some()
                    && ui
                        .button(lang.pick("Tạo bản sạch…", "Make a clean copy…"))
                        .clicked()
                {
                    commands.push(Command::RepairDialog);
                }
                if ui.button(lang.pick("Bỏ qua", "Dismiss")).clicked() {
                    commands.push(Command::DismissRefused);
                }
            });
        });
    ui.add_space(6.0);
}

fn banners_ui(app: &GiaobanApp, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<Command>) {
    refused_ui(app, ui, lang, commands);
    let Some(doc) = app.app.doc.as_ref() else {
        return;
    };
    if let Access::ReadOnly(reason) = doc.store.access() {
        egui::Frame::new()
            .fill(Color32::from_rgb(255, 236, 204))
            .inner_margin(8.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(reason.message(lang))
                            .color(Color32::from_rgb(120, 50, 0))
                            .size(15.0),
                    );
                    if ui.button(lang.pick("Lưu thành…", "Save as…")).clicked() {
                        commands.push(Command::SaveAsDialog);
                    }
                });
            });
        ui.add_space(6.0);
    }
    if doc.view.is_demo {
        egui::Frame::new()
            .fill(Color32::from_rgb(222, 235, 255))
            .inner_margin(8.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(lang.pick(
                            "Tệp mẫu: dữ liệu minh họa dựng từ các bài báo nguồn.",
                            "Demo file: sample data built from the source articles.",
                        ))
                        .color(Color32::from_rgb(20, 50, 110)),
                    );
                    if ui
                        .button(lang.pick("Tạo tệp của mình…", "Start my own file…"))
                        .clicked()
                    {
                        commands.push(Command::NewDialog);
                    }
                });
            });
        ui.add_space(6.0);
    }
}

fn start_ui(ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<Command>) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.heading(lang.pick("Chưa mở tệp nào", "No file is open"));
        ui.add_space(12.0);
        if ui.button(lang.pick("Mở tệp…", "Open a file…")).clicked() {
            commands.push(Command::OpenDialog);
        }
        if ui.button(lang.pick("Tạo tệp mới…", "New file…")).clicked() {
            commands.push(Command::NewDialog);
        }
        if ui
            .button(lang.pick("Mở tệp mẫu", "Open the demo file"))
            .clicked()
        {
            commands.push(Command::OpenDemo);
        }
    });
}

fn notifications_ui(app: &mut GiaobanApp, ctx: &egui::Context, lang: Lang) {
    let now = ctx.input(|i| i.time);
    app.app.notes.tick(now);
    if app.app.notes.all().is_empty() {
        return;
    }
    let mut dismiss = None;
    egui::Area::new(egui::Id::unique("notifications"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -40.0])
        .show(ctx, |ui| {
            ui.set_max_width(460.0);
            for (i, n) in app.app.notes.all().iter().enumerate() {
                let (fill, text) = match n.level {
                    Level::Info => (
                        Color32::from_rgb(232, 245, 233),
                        Color32::from_rgb(20, 70, 30),
                    ),
                    Level::Error => (
                        Color32::from_rgb(255, 235, 238),
                        Color32::from_rgb(150, 20, 30),
                    ),
                };
                egui::Frame::new()
                    .fill(fill)
                    .stroke(egui::Stroke::new(1.0, text))
                    .inner_margin(10.0)
                    .corner_radius(6.0)
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::Label::new(RichText::new(&n.text).color(text).size(15.0))
                                    .wrap(),
                            );
                            if ui
                                .small_button("×")
                                .on_hover_text(lang.pick("Đóng", "Close"))
                                .clicked()
                            {
                                dismiss = Some(i);
                            }
                        });
                    });
                ui.add_space(4.0);
            }
        });
    if let Some(i) = dismiss {
        app.app.notes.dismiss(i);
    }
    ctx.request_repaint_after(std::time::Duration::from_millis(500));
}
