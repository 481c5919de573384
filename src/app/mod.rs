//! Application state and the one door for every change: UI code emits [`Command`]s into a
//! queue; [`App::run_commands`] drains it once per frame, applies each change in its
//! own transaction, records undo and the audit row, and reports errors as notifications.

pub mod dialogs;
pub mod document;
pub mod notify;
pub mod prefs;
mod refused;
pub mod returned;
pub mod undo;

mod command;
mod exports;
mod files;
mod nav;

pub use self::command::Command;
pub use self::files::human_size;
pub use self::nav::Nav;

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate, Utc};

use self::dialogs::{FileDialogs, NativeDialogs};
use self::document::Document;
use self::notify::Notifications;
use self::prefs::{Paths, Prefs};
pub use self::refused::RefusedFile;
use self::undo::{Step, UndoStack};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::store::{Access, Origin};

/// How the program starts.
pub struct AppConfig {
    /// The file given on the command line.
    pub file: Option<PathBuf>,
    pub paths: Paths,
    /// "Today", fixed for tests; the system date otherwise.
    pub today: Option<NaiveDate>,
    pub lang: Option<Lang>,
    pub dialogs: Box<dyn FileDialogs>,
}

impl AppConfig {
    pub fn for_user(file: Option<PathBuf>, lang: Option<Lang>) -> AppConfig {
        AppConfig {
            file,
            paths: Paths::for_user(),
            today: None,
            lang,
            dialogs: Box::new(NativeDialogs),
        }
    }
}

/// What the window is asked to do by a command: the state has no window of its own.
pub enum Request {
    /// Show a meeting's deck in the Charts panel.
    ShowDeck { meeting_id: uuid::Uuid },
    /// Start presentation mode with these slides.
    Present {
        meeting_id: uuid::Uuid,
        title: String,
        frames: Vec<crate::charts::Frame>,
        single_window: bool,
    },
}

/// The program's state: the open document, preferences, undo, notifications, and the one
/// door through which every change goes. The window (`ui::GiaobanApp`) draws it.
pub struct App {
    pub doc: Option<Document>,
    pub prefs: Prefs,
    pub paths: Paths,
    pub nav: Nav,
    pub notes: Notifications,
    pub undo: UndoStack,
    /// What the window must do that the state cannot (show a deck, start presenting).
    pub requests: Vec<Request>,
    /// The last file refused at open, while its notice is shown.
    pub refused: Option<RefusedFile>,
    /// A path asked for in the program's own field (no system dialog could open).
    pub path_prompt: Option<dialogs::PathPrompt>,
    /// A returned form read, shown for the person to accept or cancel.
    pub returned: Option<returned::ReturnedPreview>,
    today: Option<NaiveDate>,
    queue: Vec<Command>,
    dialogs: Box<dyn FileDialogs>,
    quit_requested: bool,
}

impl App {
    /// Builds the app and opens its first document: the file given, else the last one used,
    /// else (first run) the demo file, created in the user's data folder.
    pub fn new(config: AppConfig) -> App {
        let mut prefs = Prefs::load(&config.paths.prefs_file);
        if let Some(lang) = config.lang {
            prefs.language = Some(lang);
        }
        let mut app = App {
            doc: None,
            prefs,
            paths: config.paths,
            nav: Nav::default(),
            notes: Notifications::default(),
            undo: UndoStack::default(),
            requests: Vec::new(),
            refused: None,
            path_prompt: None,
            returned: None,
            today: config.today,
            queue: Vec::new(),
            dialogs: config.dialogs,
            quit_requested: false,
        };
        match config.file {
            Some(file) => app.open(&file),
            None => match app.prefs.last_file().map(Path::to_path_buf) {
                Some(last) if last.exists() => app.open(&last),
                Some(_) => {}
                None => app.open_demo(),
            },
        }
        app
    }

    pub fn lang(&self) -> Lang {
        self.prefs.language.unwrap_or_default()
    }

    pub fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(|| Local::now().date_naive())
    }

    /// Queues a command; it runs at the end of the frame.
    pub fn send(&mut self, command: Command) {
        self.queue.push(command);
    }

    pub fn quit_requested(&self) -> bool {
        self.quit_requested
    }

    /// Drains the queue: the one place where the document and the program state change.
    pub fn run_commands(&mut self) {
        let commands = std::mem::take(&mut self.queue);
        for command in commands {
            self.run(command);
        }
    }

    fn run(&mut self, command: Command) {
        let lang = self.lang();
        // A preview of a returned file is of the document as it was: anything that changes
        // the document, or opens another, ends it.
        if matches!(
            command,
            Command::Edit(_)
                | Command::Undo
                | Command::Redo
                | Command::New(_)
                | Command::Open(_)
                | Command::OpenDemo
                | Command::SaveAs(_)
                | Command::Repair { .. }
        ) {
            self.returned = None;
        }
        match command {
            Command::Edit(edit) => self.apply(edit),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::NewDialog => self.new_dialog(),
            Command::OpenDialog => self.open_dialog(),
            Command::SaveAsDialog => self.save_as_dialog(),
            Command::ExportDialog => self.export_dialog(),
            Command::New(path) => self.new_document(&path),
            Command::Open(path) => self.open(&path),
            Command::OpenDemo => self.open_demo(),
            Command::SaveAs(path) => self.save_as(&path),
            Command::ExportForEmail(folder) => self.export_for_email(&folder),
            Command::CheckFile => self.check_file(),
            Command::RepairDialog => self.repair_dialog(),
            Command::Repair { from, to } => self.repair(&from, &to),
            Command::DismissRefused => self.refused = None,
            Command::NoticeDialog { meeting_id, pdf } => self.notice_dialog(meeting_id, pdf),
            Command::WriteNotice { meeting_id, path } => self.write_notice(meeting_id, &path),
            Command::ChartExportDialog { spec, svg } => self.chart_dialog(spec, svg),
            Command::WriteChart { spec, path } => self.write_chart(&spec, &path),
            Command::DeckExportDialog { meeting_id } => self.deck_dialog(meeting_id),
            Command::WriteDeck { meeting_id, path } => self.write_deck(meeting_id, &path),
            Command::FormsDialog { period_id, unit } => self.forms_dialog(period_id, unit),
            Command::WriteForms {
                period_id,
                unit,
                path,
            } => self.write_forms(period_id, unit, &path),
            Command::ReturnedDialog => self.returned_dialog(),
            Command::PreviewReturned(path) => self.preview_returned(&path),
            Command::ApplyReturned(take) => self.apply_returned(take),
            Command::DismissReturned => self.returned = None,
            Command::EditDeck { meeting_id } => {
                self.requests.push(Request::ShowDeck { meeting_id });
                self.nav = Nav::Charts;
            }
            Command::Present {
                meeting_id,
                single_window,
            } => self.present(meeting_id, single_window),
            Command::SetLanguage(new_lang) => {
                self.prefs.language = Some(new_lang);
                self.save_prefs();
            }
            Command::SetUserName(name) => {
                self.prefs.user_name = name.trim().to_string();
                self.save_prefs();
                self.notes
                    .info(lang.pick("Đã lưu tên người dùng", "User name saved"));
            }
            Command::Navigate(nav) => self.nav = nav,
            Command::Quit => self.quit_requested = true,
        }
    }

    fn save_prefs(&mut self) {
        if let Err(e) = self.prefs.save(&self.paths.prefs_file) {
            let lang = self.lang();
            self.notes.error(format!(
                "{}: {e}",
                lang.pick("Không lưu được thiết lập", "Could not save preferences")
            ));
        }
    }

    /// Applies an edit with the given origin; reports a refusal; returns the inverse.
    fn apply_edit(&mut self, edit: &Edit, origin: Origin) -> Option<Edit> {
        let lang = self.lang();
        let who = self.prefs.audit_name();
        let Some(doc) = self.doc.as_mut() else {
            self.notes
                .error(lang.pick("Chưa mở tệp nào", "No file is open"));
            return None;
        };
        if let Access::ReadOnly(reason) = doc.store.access() {
            self.notes.error(reason.message(lang));
            return None;
        }
        match doc.store.apply(edit, &who, Utc::now(), origin) {
            Ok(inverse) => {
                doc.last_saved = Some(Local::now());
                if let Err(e) = doc.reload() {
                    self.notes.error(e.message(lang));
                }
                Some(inverse)
            }
            Err(e) => {
                self.notes.error(e.message(lang));
                None
            }
        }
    }

    fn apply(&mut self, edit: Edit) {
        if let Some(undo) = self.apply_edit(&edit, Origin::Do) {
            self.undo.push(Step { redo: edit, undo });
        }
    }

    fn undo(&mut self) {
        let Some(step) = self.undo.next_undo().cloned() else {
            return;
        };
        if !step.redo.can_be_undone() {
            let lang = self.lang();
            self.notes.error(lang.pick(
                "Không hoàn tác được việc chốt kỳ: để sửa điểm, hãy mở lại kỳ và nêu lý do (nút Mở lại).",
                "Finalizing cannot be undone: to change scores, reopen the period with a reason (Reopen).",
            ));
            return;
        }
        if let Some(redo) = self.apply_edit(
            &step.undo,
            Origin::Undo {
                of: step.redo.action(),
            },
        ) {
            self.undo.undone(redo);
            let lang = self.lang();
            self.notes.info(format!(
                "{}: {}",
                lang.pick("Đã hoàn tác", "Undone"),
                step.redo.describe(lang)
            ));
        }
    }

    fn redo(&mut self) {
        let Some(step) = self.undo.next_redo().cloned() else {
            return;
        };
        if let Some(undo) = self.apply_edit(&step.redo, Origin::Redo) {
            self.undo.redone(undo);
        }
    }

    /// Last error shown, for tests.
    pub fn last_error(&self) -> Option<&str> {
        self.notes.last_error()
    }
}
