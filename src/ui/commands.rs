//! The person's commands: each one's name in both languages, its keys and where it acts. This
//! one list drives the menus (their labels and the shortcut shown beside them), the keys of the
//! window, of the scoring grid and of presentation mode, and the *Phím tắt* list that F1 opens.
//! (A few single fields still take Enter to add what was typed: that is the field's own key.)
//!
//! One rule for every command that a key or a menu gives: whatever is being typed in a field
//! is committed first. A menu or a button is a click, which takes the cursor out of the field by
//! itself; a key pressed while a field has the cursor takes the cursor out of the field at the
//! start of the frame, so the field's panel saves it during the frame, and the
//! command acts only after the panels have drawn ([`run_pending`]): the field's edit is queued
//! before the command's.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::GiaobanApp;
use crate::app::{Command, Nav};
use crate::domain::lang::Lang;

/// Where a command acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Anywhere in the window.
    Window,
    /// In a meeting, on the Meetings panel.
    Meeting,
    /// In the scoring grid, when it has the keyboard.
    Grid,
    /// In presentation mode.
    Presentation,
}

impl Place {
    pub const ALL: [Place; 4] = [
        Place::Window,
        Place::Meeting,
        Place::Grid,
        Place::Presentation,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Place::Window => lang.pick("Cả cửa sổ", "Anywhere"),
            Place::Meeting => lang.pick("Trong cuộc họp", "In a meeting"),
            Place::Grid => lang.pick("Trong bảng chấm điểm", "In the scoring grid"),
            Place::Presentation => lang.pick("Khi trình chiếu", "While presenting"),
        }
    }
}

/// A command a person gives from a menu or a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiCommand {
    New,
    Open,
    SaveAs,
    ExportForEmail,
    SendForms,
    SendForm,
    BringInReturned,
    CheckFile,
    Quit,
    Undo,
    Redo,
    Shortcuts,
    Present,
    NewConclusion,
    NewActionItem,
    EditCell,
    CommitCell,
    NextCell,
    CancelCell,
    ClearCells,
    MoveCell,
    SelectBlock,
    CopyCells,
    PasteCells,
    NextSlide,
    PreviousSlide,
    FirstSlide,
    LastSlide,
    FullScreen,
    EndPresentation,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const SHIFT: Modifiers = Modifiers::SHIFT;

impl UiCommand {
    pub const ALL: [UiCommand; 30] = [
        UiCommand::New,
        UiCommand::Open,
        UiCommand::SaveAs,
        UiCommand::ExportForEmail,
        UiCommand::SendForms,
        UiCommand::SendForm,
        UiCommand::BringInReturned,
        UiCommand::CheckFile,
        UiCommand::Quit,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::Shortcuts,
        UiCommand::Present,
        UiCommand::NewConclusion,
        UiCommand::NewActionItem,
        UiCommand::EditCell,
        UiCommand::CommitCell,
        UiCommand::NextCell,
        UiCommand::CancelCell,
        UiCommand::ClearCells,
        UiCommand::MoveCell,
        UiCommand::SelectBlock,
        UiCommand::CopyCells,
        UiCommand::PasteCells,
        UiCommand::NextSlide,
        UiCommand::PreviousSlide,
        UiCommand::FirstSlide,
        UiCommand::LastSlide,
        UiCommand::FullScreen,
        UiCommand::EndPresentation,
    ];

    /// Its name, as menus and the shortcut list show it.
    pub fn label(self, lang: Lang) -> &'static str {
        use UiCommand as C;
        match self {
            C::New => lang.pick("Tạo tệp mới…", "New…"),
            C::Open => lang.pick("Mở…", "Open…"),
            C::SaveAs => lang.pick("Lưu thành…", "Save as…"),
            C::ExportForEmail => lang.pick("Xuất bản gửi e-mail…", "Export a copy for e-mail…"),
            C::SendForms => lang.pick("Gửi phiếu tự chấm…", "Send self-assessment forms…"),
            C::SendForm => lang.pick(
                "Gửi phiếu cho đơn vị đang chọn…",
                "Send the selected unit's form…",
            ),
            C::BringInReturned => lang.pick("Nhập bản trả về…", "Bring in a returned form…"),
            C::CheckFile => lang.pick("Kiểm tra tệp", "Check file"),
            C::Quit => lang.pick("Thoát", "Quit"),
            C::Undo => lang.pick("Hoàn tác", "Undo"),
            C::Redo => lang.pick("Làm lại", "Redo"),
            C::Shortcuts => lang.pick("Phím tắt", "Keyboard shortcuts"),
            C::Present => lang.pick("Trình chiếu cuộc họp", "Present the meeting"),
            C::NewConclusion => lang.pick("Thêm kết luận", "New conclusion"),
            C::NewActionItem => lang.pick("Thêm việc được giao", "New action item"),
            C::EditCell => lang.pick("Sửa ô đang chọn", "Edit the current cell"),
            C::CommitCell => lang.pick("Ghi ô, xuống dòng dưới", "Enter the cell, move down"),
            C::NextCell => lang.pick(
                "Ghi ô, sang ô bên phải (Shift: bên trái)",
                "Enter the cell, move right (Shift: left)",
            ),
            C::CancelCell => lang.pick("Bỏ điều đang gõ trong ô", "Cancel what is typed"),
            C::ClearCells => lang.pick("Xóa các ô đang chọn", "Clear the selected cells"),
            C::MoveCell => lang.pick("Sang ô bên cạnh", "Move to the next cell"),
            C::SelectBlock => lang.pick("Chọn một khối ô", "Select a block of cells"),
            C::CopyCells => lang.pick("Chép khối ô (dán vào Excel)", "Copy cells (for Excel)"),
            C::PasteCells => lang.pick("Dán khối ô từ Excel", "Paste cells from Excel"),
            C::NextSlide => lang.pick("Trang sau", "Next slide"),
            C::PreviousSlide => lang.pick("Trang trước", "Previous slide"),
            C::FirstSlide => lang.pick("Trang đầu", "First slide"),
            C::LastSlide => lang.pick("Trang cuối", "Last slide"),
            C::FullScreen => lang.pick("Toàn màn hình / thôi", "Full screen on / off"),
            C::EndPresentation => lang.pick("Kết thúc trình chiếu", "End the presentation"),
        }
    }

    /// Its keys, the first one shown in menus.
    pub fn keys(self) -> &'static [KeyboardShortcut] {
        use UiCommand as C;
        match self {
            C::New => const { &[key(CTRL, Key::N)] },
            C::Open => const { &[key(CTRL, Key::O)] },
            C::SaveAs => const { &[key(CTRL_SHIFT, Key::S)] },
            C::ExportForEmail => const { &[key(CTRL, Key::E)] },
            C::CheckFile | C::SendForms | C::SendForm | C::BringInReturned => const { &[] },
            C::Quit => const { &[key(CTRL, Key::Q)] },
            C::Undo => const { &[key(CTRL, Key::Z)] },
            C::Redo => const { &[key(CTRL, Key::Y), key(CTRL_SHIFT, Key::Z)] },
            C::Shortcuts => const { &[key(NONE, Key::F1)] },
            C::Present => const { &[key(NONE, Key::F5)] },
            C::NewConclusion => const { &[key(CTRL, Key::Enter)] },
            C::NewActionItem => const { &[key(CTRL_SHIFT, Key::Enter)] },
            C::EditCell => const { &[key(NONE, Key::F2)] },
            C::CommitCell => const { &[key(NONE, Key::Enter)] },
            C::NextCell => const { &[key(NONE, Key::Tab), key(SHIFT, Key::Tab)] },
            C::CancelCell => const { &[key(NONE, Key::Escape)] },
            C::ClearCells => const { &[key(NONE, Key::Delete), key(NONE, Key::Backspace)] },
            C::MoveCell => {
                const {
                    &[
                        key(NONE, Key::ArrowRight),
                        key(NONE, Key::ArrowLeft),
                        key(NONE, Key::ArrowDown),
                        key(NONE, Key::ArrowUp),
                        key(NONE, Key::Home),
                        key(NONE, Key::End),
                        key(CTRL, Key::Home),
                        key(CTRL, Key::End),
                        key(NONE, Key::PageUp),
                        key(NONE, Key::PageDown),
                    ]
                }
            }
            C::SelectBlock => {
                const {
                    &[
                        key(SHIFT, Key::ArrowRight),
                        key(SHIFT, Key::ArrowLeft),
                        key(SHIFT, Key::ArrowDown),
                        key(SHIFT, Key::ArrowUp),
                    ]
                }
            }
            C::CopyCells => const { &[key(CTRL, Key::C)] },
            C::PasteCells => const { &[key(CTRL, Key::V)] },
            C::NextSlide => {
                const {
                    &[
                        key(NONE, Key::ArrowRight),
                        key(NONE, Key::Space),
                        key(NONE, Key::PageDown),
                    ]
                }
            }
            C::PreviousSlide => const { &[key(NONE, Key::ArrowLeft), key(NONE, Key::PageUp)] },
            C::FirstSlide => const { &[key(NONE, Key::Home)] },
            C::LastSlide => const { &[key(NONE, Key::End)] },
            C::FullScreen => const { &[key(NONE, Key::F11)] },
            C::EndPresentation => const { &[key(NONE, Key::Escape)] },
        }
    }

    pub fn place(self) -> Place {
        use UiCommand as C;
        match self {
            C::New
            | C::Open
            | C::SaveAs
            | C::ExportForEmail
            | C::SendForms
            | C::SendForm
            | C::BringInReturned
            | C::CheckFile
            | C::Quit
            | C::Undo
            | C::Redo
            | C::Shortcuts
            | C::Present => Place::Window,
            C::NewConclusion | C::NewActionItem => Place::Meeting,
            C::EditCell
            | C::CommitCell
            | C::NextCell
            | C::CancelCell
            | C::ClearCells
            | C::MoveCell
            | C::SelectBlock
            | C::CopyCells
            | C::PasteCells => Place::Grid,
            C::NextSlide
            | C::PreviousSlide
            | C::FirstSlide
            | C::LastSlide
            | C::FullScreen
            | C::EndPresentation => Place::Presentation,
        }
    }

    /// Its keys as the person reads them ("Ctrl+Shift+Enter", "→ / Space / PageDown").
    pub fn keys_text(self, ctx: &egui::Context) -> String {
        self.keys()
            .iter()
            .map(|k| arrows(&ctx.format_shortcut(k)))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// The command of `place` whose key this is (the one with more modifiers first: Shift+→
    /// selects, → moves; a modifier not asked for is ignored, as spreadsheets do).
    pub fn pressed_in(place: Place, key: Key, modifiers: Modifiers) -> Option<UiCommand> {
        let mut found: Option<(UiCommand, u8)> = None;
        for command in UiCommand::ALL.into_iter().filter(|c| c.place() == place) {
            for k in command.keys() {
                let count = modifier_count(k.modifiers);
                if k.logical_key == key
                    && modifiers.matches_logically(k.modifiers)
                    && found.is_none_or(|(_, best)| count > best)
                {
                    found = Some((command, count));
                }
            }
        }
        found.map(|(command, _)| command)
    }

    /// The first key, for a menu entry.
    pub fn menu_shortcut(self, ctx: &egui::Context) -> Option<String> {
        self.keys().first().map(|k| ctx.format_shortcut(k))
    }
}

/// Reads the window's keys at the start of a frame (not in presentation mode, whose keys are
/// its own): the commands pressed wait in `app.panels.pending` until the panels have drawn.
/// A field with the cursor gives it up first, so that its panel saves what was typed.
pub fn read_keys(app: &mut GiaobanApp, ctx: &egui::Context) {
    let typing = ctx.text_edit_focused();
    let in_meeting = app.app.nav == Nav::Meetings
        && app.panels.meetings.selected.is_some()
        && !app.panels.meetings.follow_up;
    // Keys with more modifiers first: Ctrl+Enter would also match Ctrl+Shift+Enter.
    let mut keys: Vec<(UiCommand, &KeyboardShortcut)> = UiCommand::ALL
        .into_iter()
        .filter(|c| match c.place() {
            Place::Window => true,
            Place::Meeting => in_meeting,
            Place::Grid | Place::Presentation => false,
        })
        // A text field undoes and redoes its own typing.
        .filter(|c| !(typing && matches!(c, UiCommand::Undo | UiCommand::Redo)))
        .flat_map(|c| c.keys().iter().map(move |k| (c, k)))
        .collect();
    keys.sort_by_key(|(_, k)| std::cmp::Reverse(modifier_count(k.modifiers)));
    let mut pressed = Vec::new();
    ctx.input_mut(|i| {
        for (command, key) in keys {
            if i.consume_shortcut(key) && !pressed.contains(&command) {
                pressed.push(command);
            }
        }
    });
    if pressed.is_empty() {
        return;
    }
    if typing {
        commit_typing(ctx);
    }
    app.panels.pending.extend(pressed);
}

/// "Shift+Right" → "Shift+→": arrows as the keyboard shows them, in either language.
fn arrows(keys: &str) -> String {
    keys.split('+')
        .map(|part| match part {
            "Right" => "→",
            "Left" => "←",
            "Up" => "↑",
            "Down" => "↓",
            other => other,
        })
        .collect::<Vec<_>>()
        .join("+")
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.shift)
}

/// The one rule: the field being typed in loses the cursor, and its panel saves it this frame.
pub fn commit_typing(ctx: &egui::Context) {
    if let Some(id) = ctx.memory(|m| m.focused()) {
        ctx.memory_mut(|m| m.surrender_focus(id));
    }
}

/// Runs the commands given this frame, after the panels have drawn (and saved their fields).
pub fn run_pending(app: &mut GiaobanApp, commands: &mut Vec<Command>) {
    for command in std::mem::take(&mut app.panels.pending) {
        run(app, command, commands);
    }
}

/// What a command does.
pub fn run(app: &mut GiaobanApp, command: UiCommand, commands: &mut Vec<Command>) {
    use UiCommand as C;
    let has_doc = app.app.doc.is_some();
    match command {
        C::New => commands.push(Command::NewDialog),
        C::Open => commands.push(Command::OpenDialog),
        C::SaveAs if has_doc => commands.push(Command::SaveAsDialog),
        C::ExportForEmail if has_doc => commands.push(Command::ExportDialog),
        C::CheckFile if has_doc => commands.push(Command::CheckFile),
        C::SendForms if has_doc => {
            if let Some(grid) = app.panels.scoring.grid.grid.as_ref() {
                commands.push(Command::FormsDialog {
                    period_id: grid.period.period_id,
                    unit: None,
                });
            }
        }
        C::SendForm if has_doc => {
            if let (Some(grid), Some(unit)) =
                (app.panels.scoring.grid.grid.as_ref(), selected_unit(app))
            {
                commands.push(Command::FormsDialog {
                    period_id: grid.period.period_id,
                    unit: Some(unit),
                });
            }
        }
        C::BringInReturned if has_doc => commands.push(Command::ReturnedDialog),
        C::Quit => commands.push(Command::Quit),
        C::Undo => commands.push(Command::Undo),
        C::Redo => commands.push(Command::Redo),
        C::Shortcuts => app.panels.show_shortcuts = !app.panels.show_shortcuts,
        C::Present => {
            if let Some(meeting_id) = meeting_to_present(app) {
                commands.push(Command::Present {
                    meeting_id,
                    single_window: false,
                });
            }
        }
        C::NewConclusion | C::NewActionItem => {
            let Some(doc) = app.app.doc.as_ref() else {
                return;
            };
            super::meetings::add_from_key(
                &mut app.panels.meetings,
                doc,
                command == C::NewActionItem,
                commands,
            );
        }
        // The grid and presentation mode read their own keys (see `Place`).
        _ => {}
    }
}

/// The unit of the scoring grid's cursor: (id, name).
pub fn selected_unit(app: &GiaobanApp) -> Option<(uuid::Uuid, String)> {
    let state = &app.panels.scoring.grid;
    let grid = state.grid.as_ref()?;
    let index = *state.rows.get(state.cursor.0)?;
    grid.units.get(index).map(|u| (u.unit_id, u.name.clone()))
}

/// The meeting F5 presents: the deck open in Charts, else the meeting open in Meetings, else
/// the one the Charts panel opens on.
pub fn meeting_to_present(app: &GiaobanApp) -> Option<uuid::Uuid> {
    let doc = app.app.doc.as_ref()?;
    let chosen = match app.app.nav {
        Nav::Charts => app.panels.charts.meeting,
        _ => app.panels.meetings.selected,
    };
    chosen
        .or(app.panels.charts.meeting)
        .or(app.panels.meetings.selected)
        .filter(|id| doc.view.meetings.meeting(*id).is_some())
        // Else the meeting the Charts panel would open on.
        .or_else(|| doc.view.meetings.meetings.first().map(|m| m.meeting_id))
}

/// The *Phím tắt* list (F1): every command with its keys, by where it acts.
pub fn shortcuts_window(app: &mut GiaobanApp, ctx: &egui::Context, lang: Lang) {
    let mut open = app.panels.show_shortcuts;
    egui::Window::new(UiCommand::Shortcuts.label(lang))
        .id(egui::Id::unique("shortcuts"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .min_width(760.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            // Two columns, each one grid so that the keys line up under one another.
            ui.columns(2, |columns| {
                let halves = [
                    [Place::Window, Place::Meeting],
                    [Place::Grid, Place::Presentation],
                ];
                for (column, places) in columns.iter_mut().zip(halves) {
                    shortcut_grid(column, ctx, &places, lang);
                }
            });
        });
    if ctx.input(|i| i.key_pressed(Key::Escape)) {
        open = false;
    }
    app.panels.show_shortcuts = open;
}

/// The commands of `places` with their keys, a heading for each place.
fn shortcut_grid(ui: &mut egui::Ui, ctx: &egui::Context, places: &[Place], lang: Lang) {
    egui::Grid::new(("shortcuts", places[0] as usize))
        .num_columns(2)
        .spacing([20.0, 4.0])
        .show(ui, |ui| {
            for place in places {
                ui.label(super::fonts::bold(place.label(lang)).size(15.0));
                ui.end_row();
                for command in UiCommand::ALL {
                    if command.place() != *place || command.keys().is_empty() {
                        continue;
                    }
                    ui.label(command.label(lang).trim_end_matches('…'));
                    ui.label(egui::RichText::new(command.keys_text(ctx)).monospace());
                    ui.end_row();
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_listed_once_and_keys_do_not_clash_where_they_act() {
        for (i, a) in UiCommand::ALL.iter().enumerate() {
            assert_eq!(
                UiCommand::ALL.iter().filter(|b| *b == a).count(),
                1,
                "{a:?}"
            );
            for b in &UiCommand::ALL[i + 1..] {
                let shared = a.keys().iter().any(|k| b.keys().contains(k));
                let same_place = a.place() == b.place()
                    || a.place() == Place::Window
                    || b.place() == Place::Window;
                // The grid's and presentation's own keys are read only there.
                let local = |c: &UiCommand| matches!(c.place(), Place::Grid | Place::Presentation);
                let clash = shared && same_place && !local(a) && !local(b);
                assert!(!clash, "{a:?} and {b:?} share a key");
            }
            for lang in Lang::ALL {
                assert!(!a.label(lang).is_empty());
            }
        }
        assert_eq!(arrows("Shift+Right"), "Shift+→");
        assert_eq!(arrows("PageDown"), "PageDown");
    }
}
