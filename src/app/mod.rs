//! Application state and the one door for every change: UI code emits [`Command`]s into a
//! queue; [`GiaobanApp::run_commands`] drains it once per frame, applies each change in its
//! own transaction, records undo and the audit row, and reports errors as notifications.

pub mod dialogs;
pub mod document;
pub mod notify;
pub mod prefs;
mod refused;
pub mod undo;

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate, Utc};

use self::dialogs::{FileDialogs, NativeDialogs};
use self::document::Document;
use self::notify::Notifications;
use self::prefs::{Paths, Prefs};
pub use self::refused::RefusedFile;
use self::undo::{Step, UndoStack};
use crate::demo::demo_seed;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::text::{display_path, file_stem};
use crate::store::{Access, Intent, Origin, Store, StoreError};
use crate::ui;

/// The left navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Nav {
    Plans,
    #[default]
    Scoring,
    Meetings,
    Charts,
    Settings,
}

impl Nav {
    pub const ALL: [Nav; 5] = [
        Nav::Plans,
        Nav::Scoring,
        Nav::Meetings,
        Nav::Charts,
        Nav::Settings,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Nav::Plans => lang.pick("Kế hoạch", "Plans"),
            Nav::Scoring => lang.pick("Chấm điểm", "Scoring"),
            Nav::Meetings => lang.pick("Giao ban", "Meetings"),
            Nav::Charts => lang.pick("Biểu đồ", "Charts"),
            Nav::Settings => lang.pick("Đơn vị & cài đặt", "Units & settings"),
        }
    }
}

/// Everything that changes the document or the program's state.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    Edit(Edit),
    Undo,
    Redo,
    /// Asks for a path, then creates a new empty document there.
    NewDialog,
    OpenDialog,
    SaveAsDialog,
    ExportDialog,
    New(PathBuf),
    Open(PathBuf),
    SaveAs(PathBuf),
    /// Writes the e-mail copy into this folder.
    ExportForEmail(PathBuf),
    OpenDemo,
    CheckFile,
    /// Asks where to write a clean copy of the file that was refused, then writes it.
    RepairDialog,
    /// Writes a clean copy of `from` at `to` (see `giaoban repair`) and opens it.
    Repair {
        from: PathBuf,
        to: PathBuf,
    },
    /// Hides the notice of a refused file.
    DismissRefused,
    /// Asks where to write the notice of a meeting's conclusions (PDF or DOCX), then writes it.
    NoticeDialog {
        meeting_id: uuid::Uuid,
        pdf: bool,
    },
    WriteNotice {
        meeting_id: uuid::Uuid,
        path: PathBuf,
    },
    /// Asks where to write the chart shown (PNG or SVG), then writes it.
    ChartExportDialog {
        spec: crate::domain::chart::ChartSpec,
        svg: bool,
    },
    WriteChart {
        spec: crate::domain::chart::ChartSpec,
        path: PathBuf,
    },
    /// Asks where to write a meeting's deck as PDF, then writes it.
    DeckExportDialog {
        meeting_id: uuid::Uuid,
    },
    WriteDeck {
        meeting_id: uuid::Uuid,
        path: PathBuf,
    },
    /// Opens the Charts panel on a meeting's deck.
    EditDeck {
        meeting_id: uuid::Uuid,
    },
    /// Starts presentation mode on a meeting's deck.
    Present {
        meeting_id: uuid::Uuid,
        single_window: bool,
    },
    SetLanguage(Lang),
    SetUserName(String),
    Navigate(Nav),
    Quit,
}

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

pub struct GiaobanApp {
    pub doc: Option<Document>,
    pub prefs: Prefs,
    pub paths: Paths,
    pub nav: Nav,
    pub notes: Notifications,
    pub undo: UndoStack,
    pub panels: ui::Panels,
    /// Presentation mode, while it runs.
    pub presentation: Option<ui::present::Presentation>,
    /// The last file refused at open, while its notice is shown.
    pub refused: Option<RefusedFile>,
    today: Option<NaiveDate>,
    queue: Vec<Command>,
    dialogs: Box<dyn FileDialogs>,
    fonts_installed: bool,
    quit_requested: bool,
}

impl GiaobanApp {
    /// Builds the app and opens its first document: the file given, else the last one used,
    /// else (first run) the demo file, created in the user's data folder.
    pub fn new(config: AppConfig) -> GiaobanApp {
        let mut prefs = Prefs::load(&config.paths.prefs_file);
        if let Some(lang) = config.lang {
            prefs.language = Some(lang);
        }
        let mut app = GiaobanApp {
            doc: None,
            prefs,
            paths: config.paths,
            nav: Nav::default(),
            notes: Notifications::default(),
            undo: UndoStack::default(),
            panels: ui::Panels::default(),
            presentation: None,
            refused: None,
            today: config.today,
            queue: Vec::new(),
            dialogs: config.dialogs,
            fonts_installed: false,
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

    /// Builds the app inside eframe, with the bundled fonts.
    pub fn with_context(cc: &eframe::CreationContext<'_>, config: AppConfig) -> GiaobanApp {
        ui::fonts::install(&cc.egui_ctx);
        let mut app = GiaobanApp::new(config);
        app.fonts_installed = true;
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
        match command {
            Command::Edit(edit) => self.apply(edit),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::NewDialog => {
                let title = lang.pick("Tạo tệp mới", "New file");
                if let Some(path) = self.dialogs.pick_save(lang, title, "giaoban.db") {
                    self.queue.push(Command::New(path));
                }
            }
            Command::OpenDialog => {
                if let Some(path) = self.dialogs.pick_open(lang) {
                    self.queue.push(Command::Open(path));
                }
            }
            Command::SaveAsDialog => {
                let title = lang.pick("Lưu thành…", "Save as…");
                let suggested = self.suggested_copy_name();
                if let Some(path) = self.dialogs.pick_save(lang, title, &suggested) {
                    self.queue.push(Command::SaveAs(path));
                }
            }
            Command::ExportDialog => {
                let title = lang.pick(
                    "Chọn thư mục để lưu bản gửi e-mail",
                    "Choose the folder for the e-mail copy",
                );
                if let Some(folder) = self.dialogs.pick_folder(lang, title) {
                    self.queue.push(Command::ExportForEmail(folder));
                }
            }
            Command::New(path) => self.new_document(&path),
            Command::Open(path) => self.open(&path),
            Command::OpenDemo => self.open_demo(),
            Command::SaveAs(path) => self.save_as(&path),
            Command::ExportForEmail(folder) => self.export_for_email(&folder),
            Command::CheckFile => self.check_file(),
            Command::RepairDialog => self.repair_dialog(),
            Command::Repair { from, to } => self.repair(&from, &to),
            Command::DismissRefused => self.refused = None,
            Command::NoticeDialog { meeting_id, pdf } => {
                let day = self.meeting_day(meeting_id);
                let (ext, filter) = if pdf {
                    ("pdf", ("PDF (.pdf)", &["pdf"][..]))
                } else {
                    ("docx", ("Word (.docx)", &["docx"][..]))
                };
                let title = lang.pick("Lưu thông báo kết luận", "Save the notice of conclusions");
                let suggested = format!("thong-bao-ket-luan_{day}.{ext}");
                if let Some(path) = self.dialogs.pick_export(lang, title, &suggested, filter) {
                    self.queue.push(Command::WriteNotice { meeting_id, path });
                }
            }
            Command::WriteNotice { meeting_id, path } => self.write_notice(meeting_id, &path),
            Command::ChartExportDialog { spec, svg } => {
                let (ext, filter) = if svg {
                    ("svg", ("SVG (.svg)", &["svg"][..]))
                } else {
                    ("png", ("PNG (.png)", &["png"][..]))
                };
                let title = lang.pick("Lưu biểu đồ", "Save the chart");
                let suggested = format!("bieu-do_{}.{ext}", spec.kind.slug());
                if let Some(path) = self.dialogs.pick_export(lang, title, &suggested, filter) {
                    self.queue.push(Command::WriteChart { spec, path });
                }
            }
            Command::WriteChart { spec, path } => self.write_chart(&spec, &path),
            Command::DeckExportDialog { meeting_id } => {
                let day = self.meeting_day(meeting_id);
                let title = lang.pick("Lưu bộ trình chiếu", "Save the deck");
                let suggested = format!("trinh-chieu_{day}.pdf");
                if let Some(path) =
                    self.dialogs
                        .pick_export(lang, title, &suggested, ("PDF (.pdf)", &["pdf"][..]))
                {
                    self.queue.push(Command::WriteDeck { meeting_id, path });
                }
            }
            Command::WriteDeck { meeting_id, path } => self.write_deck(meeting_id, &path),
            Command::EditDeck { meeting_id } => {
                self.panels.charts.meeting = Some(meeting_id);
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

    /// A meeting's day as file names carry it ("2019-07-10"); empty when it is gone.
    fn meeting_day(&self, meeting_id: uuid::Uuid) -> String {
        self.doc
            .as_ref()
            .and_then(|d| d.view.meetings.meeting(meeting_id))
            .map(|m| m.held_on.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
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

    /// Opens a document (untrusted); on failure the current one stays open.
    pub fn open(&mut self, path: &Path) {
        let lang = self.lang();
        let opened = Store::open(path, Intent::Edit).and_then(Document::new);
        match opened {
            Ok(doc) => {
                if let Access::ReadOnly(reason) = doc.store.access() {
                    self.notes.info(reason.message(lang));
                }
                if doc.view.is_demo {
                    self.notes.info(lang.pick(
                        "Đây là tệp mẫu, dựng từ các bài báo nguồn: dữ liệu chỉ để minh họa.",
                        "This is the demo file, built from the source articles: sample data only.",
                    ));
                }
                self.doc = Some(doc);
                self.undo.clear();
                self.prefs.remember(path);
                self.save_prefs();
            }
            Err(e) => {
                let reason = e.message(lang);
                self.notes.error(format!(
                    "{} {}: {reason}",
                    lang.pick("Không mở được", "Cannot open"),
                    display_path(path),
                ));
                let plan = if e.is_repairable() {
                    Store::plan_repair(path).ok()
                } else {
                    None
                };
                self.refused = Some(RefusedFile {
                    path: path.to_path_buf(),
                    reason,
                    plan,
                });
            }
        }
    }

    fn open_demo(&mut self) {
        let path = self.paths.demo_file();
        if !path.exists() {
            let created = std::fs::create_dir_all(&self.paths.data_dir)
                .map_err(|e| StoreError::io(&self.paths.data_dir, e))
                .and_then(|()| Store::create(&path, &demo_seed(), false));
            if let Err(e) = created {
                let lang = self.lang();
                self.notes.error(e.message(lang));
                return;
            }
        }
        self.open(&path);
    }

    fn new_document(&mut self, path: &Path) {
        let lang = self.lang();
        // The save dialog has already asked before replacing an existing file.
        match Store::create(path, &crate::demo::empty_seed(), true) {
            Ok(()) => {
                // Release the current file before opening the new one at the same path.
                self.doc = None;
                self.open(path);
                self.nav = Nav::Settings;
            }
            Err(e) => self.notes.error(e.message(lang)),
        }
    }

    fn suggested_copy_name(&self) -> String {
        let body = self
            .doc
            .as_ref()
            .and_then(|d| d.view.body.as_ref())
            .map(|b| b.name.clone())
            .unwrap_or_default();
        format!(
            "{}_{}.db",
            file_stem(&body),
            self.today().format("%Y-%m-%d")
        )
    }

    fn save_as(&mut self, path: &Path) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        match doc.store.save_copy(path) {
            Ok(_) => {
                self.doc = None;
                self.open(path);
                self.notes.info(format!(
                    "{} {}",
                    lang.pick("Đã lưu thành", "Saved as"),
                    display_path(path)
                ));
            }
            Err(e) => self.notes.error(e.message(lang)),
        }
    }

    fn write_notice(&mut self, meeting_id: uuid::Uuid, path: &Path) {
        let lang = self.lang();
        let today = self.today();
        let Some(doc) = self.doc.as_ref() else { return };
        let Some(meeting) = doc.view.meetings.meeting(meeting_id).cloned() else {
            return;
        };
        let result = crate::export::notice_of(&doc.store, &meeting, today)
            .map_err(|e| e.message(lang))
            .and_then(|n| crate::export::write_notice(&n, path).map_err(|e| e.message(lang)));
        match result {
            Ok(()) => self.notes.info(match lang {
                Lang::Vi => format!("Đã ghi thông báo kết luận: {}", display_path(path)),
                Lang::En => format!("Notice written: {}", display_path(path)),
            }),
            Err(e) => self.notes.error(e),
        }
    }

    fn write_chart(&mut self, spec: &crate::domain::chart::ChartSpec, path: &Path) {
        let lang = self.lang();
        let today = self.today();
        let Some(doc) = self.doc.as_ref() else { return };
        let footer = match lang {
            Lang::Vi => format!("Ngày xuất {}", crate::domain::deadline::display_day(today)),
            Lang::En => format!("Exported {}", crate::domain::deadline::display_day(today)),
        };
        let svg = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
        let result = crate::charts::deck::frame(&doc.store, spec, "", footer, today, lang)
            .map_err(|e| e.message(lang))
            .and_then(|frame| {
                if svg {
                    crate::charts::render_svg(&frame, 1920, 1080).map(String::into_bytes)
                } else {
                    crate::charts::render_png(&frame, 1920, 1080)
                }
                .map_err(|e| e.to_string())
            })
            .and_then(|bytes| {
                crate::export::write_atomically(path, &bytes).map_err(|e| e.message(lang))
            });
        self.report_written(result, path, lang.pick("biểu đồ", "the chart"));
    }

    /// Says that a file was written, or why not ("Đã ghi biểu đồ: …").
    fn report_written(&mut self, result: Result<(), String>, path: &Path, what: &str) {
        let lang = self.lang();
        match result {
            Ok(()) => self.notes.info(match lang {
                Lang::Vi => format!("Đã ghi {what}: {}", display_path(path)),
                Lang::En => format!("Written, {what}: {}", display_path(path)),
            }),
            Err(e) => self.notes.error(match lang {
                Lang::Vi => format!("Không ghi được {what}: {e}"),
                Lang::En => format!("Could not write {what}: {e}"),
            }),
        }
    }

    fn write_deck(&mut self, meeting_id: uuid::Uuid, path: &Path) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        let Some(meeting) = doc.view.meetings.meeting(meeting_id).cloned() else {
            return;
        };
        let result = crate::charts::deck::frames(&doc.store, &meeting, lang)
            .map_err(|e| e.message(lang))
            .and_then(|frames| crate::export::deck_pdf::deck_pdf(&frames))
            .and_then(|bytes| {
                crate::export::write_atomically(path, &bytes).map_err(|e| e.message(lang))
            });
        self.report_written(result, path, lang.pick("bộ trình chiếu", "the deck"));
    }

    fn present(&mut self, meeting_id: uuid::Uuid, single_window: bool) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        let Some(meeting) = doc.view.meetings.meeting(meeting_id).cloned() else {
            return;
        };
        match crate::charts::deck::frames(&doc.store, &meeting, lang) {
            Ok(frames) if frames.is_empty() => self.notes.error(lang.pick(
                "Bộ trình chiếu không có trang nào",
                "The deck has no slides",
            )),
            Ok(frames) => {
                let title = format!(
                    "{} {}",
                    lang.pick("Giao ban ngày", "Briefing of"),
                    crate::domain::deadline::display_day(meeting.held_on)
                );
                self.presentation = Some(ui::present::Presentation::new(
                    meeting_id,
                    title,
                    frames,
                    single_window,
                ));
            }
            Err(e) => self.notes.error(e.message(lang)),
        }
    }

    fn export_for_email(&mut self, folder: &Path) {
        let lang = self.lang();
        let name = self.suggested_copy_name();
        let Some(doc) = self.doc.as_ref() else { return };
        let target = folder.join(&name);
        match doc.store.save_copy(&target) {
            Ok(size) => {
                let text = match lang {
                    Lang::Vi => format!(
                        "Đã xuất bản gửi e-mail: {name} ({}) trong thư mục {}",
                        human_size(size),
                        display_path(folder)
                    ),
                    Lang::En => format!(
                        "E-mail copy written: {name} ({}) in {}",
                        human_size(size),
                        display_path(folder)
                    ),
                };
                self.notes.info(text);
            }
            Err(e) => self.notes.error(e.message(lang)),
        }
    }

    fn check_file(&mut self) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        match doc.store.check(crate::store::Depth::Full) {
            Ok(()) => self.notes.info(lang.pick(
                "Kiểm tra tệp: không có lỗi.",
                "File check: no problems found.",
            )),
            Err(e) => self.notes.error(e.message(lang)),
        }
    }

    /// Last error shown, for tests.
    pub fn last_error(&self) -> Option<&str> {
        self.notes.last_error()
    }
}

/// "1.2 MB", "640 KB".
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

impl eframe::App for GiaobanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if !self.fonts_installed {
            ui::fonts::install(ui.ctx());
            self.fonts_installed = true;
        }
        if self.presentation.is_none() {
            ui::commands::read_keys(self, ui.ctx());
        }
        ui::app_ui(self, ui);
        self.run_commands();
        if self.quit_requested {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
