//! Native file dialogs (rfd). Behind a trait so tests can answer them.

use std::path::PathBuf;

use super::Command;
use crate::domain::lang::Lang;

pub trait FileDialogs {
    fn pick_open(&self, lang: Lang) -> Option<PathBuf>;
    /// `suggested`: a file name to propose.
    fn pick_save(&self, lang: Lang, title: &str, suggested: &str) -> Option<PathBuf>;
    fn pick_folder(&self, lang: Lang, title: &str) -> Option<PathBuf>;
    /// An existing file of the kind `filter` names (a returned form).
    fn pick_file(&self, lang: Lang, title: &str, filter: (&str, &[&str])) -> Option<PathBuf>;
    /// Where to write a document for others (a notice): `filter` names the kind and its
    /// extensions.
    fn pick_export(
        &self,
        lang: Lang,
        title: &str,
        suggested: &str,
        filter: (&str, &[&str]),
    ) -> Option<PathBuf>;
    /// Whether the dialogs can be shown at all. Where they cannot (Linux without a desktop
    /// portal or zenity), the program asks for the path in a field of its own.
    fn available(&self) -> bool {
        true
    }
}

/// The system's dialogs.
pub struct NativeDialogs;

/// On Linux the dialogs come from the desktop portal (started on demand by the session's
/// D-Bus when its service is installed) or, without one, from zenity.
#[cfg(target_os = "linux")]
fn native_dialogs_available() -> bool {
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && [
            "/usr/share/dbus-1/services",
            "/usr/local/share/dbus-1/services",
        ]
        .iter()
        .any(|d| {
            std::path::Path::new(d)
                .join("org.freedesktop.portal.Desktop.service")
                .exists()
        });
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("zenity").is_file()));
    portal || zenity
}

#[cfg(not(target_os = "linux"))]
fn native_dialogs_available() -> bool {
    true
}

const FILTER_NAME: &str = "giaoban (.db)";
const EXTENSIONS: &[&str] = &["db", "giaoban"];

impl FileDialogs for NativeDialogs {
    fn available(&self) -> bool {
        native_dialogs_available()
    }

    fn pick_open(&self, lang: Lang) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(lang.pick("Mở tệp giaoban", "Open a giaoban file"))
            .add_filter(FILTER_NAME, EXTENSIONS)
            .pick_file()
    }

    fn pick_save(&self, _lang: Lang, title: &str, suggested: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(FILTER_NAME, EXTENSIONS)
            .set_file_name(suggested)
            .save_file()
    }

    fn pick_folder(&self, _lang: Lang, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_folder()
    }

    fn pick_file(&self, _lang: Lang, title: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter.0, filter.1)
            .pick_file()
    }

    fn pick_export(
        &self,
        _lang: Lang,
        title: &str,
        suggested: &str,
        filter: (&str, &[&str]),
    ) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter.0, filter.1)
            .set_file_name(suggested)
            .save_file()
    }
}

/// Answers every dialog with prepared paths (tests, scripted runs); `None` is "Cancel".
#[derive(Debug, Clone, Default)]
pub struct ScriptedDialogs {
    pub open: Option<PathBuf>,
    pub save: Option<PathBuf>,
    pub folder: Option<PathBuf>,
    /// As on a machine where no dialog can open.
    pub unavailable: bool,
}

impl FileDialogs for ScriptedDialogs {
    fn available(&self) -> bool {
        !self.unavailable
    }

    fn pick_open(&self, _lang: Lang) -> Option<PathBuf> {
        self.open.clone()
    }
    fn pick_save(&self, _lang: Lang, _title: &str, _suggested: &str) -> Option<PathBuf> {
        self.save.clone()
    }
    fn pick_folder(&self, _lang: Lang, _title: &str) -> Option<PathBuf> {
        self.folder.clone()
    }
    fn pick_file(&self, _lang: Lang, _title: &str, _filter: (&str, &[&str])) -> Option<PathBuf> {
        self.open.clone()
    }
    fn pick_export(
        &self,
        _lang: Lang,
        _title: &str,
        _suggested: &str,
        _filter: (&str, &[&str]),
    ) -> Option<PathBuf> {
        self.save.clone()
    }
}

/// What kind of path is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    /// An existing file.
    Open,
    /// A file to write (a new one, or one to replace).
    Save,
    /// An existing folder.
    Folder,
}

/// What is done with the path once given.
#[derive(Debug, Clone, PartialEq)]
pub enum PathThen {
    New,
    Open,
    SaveAs,
    ExportForEmail,
    Repair {
        from: PathBuf,
    },
    Notice {
        meeting_id: uuid::Uuid,
    },
    Chart {
        spec: crate::domain::chart::ChartSpec,
    },
    Deck {
        meeting_id: uuid::Uuid,
    },
    Forms {
        period_id: uuid::Uuid,
        unit: Option<uuid::Uuid>,
    },
    Returned,
}

impl PathThen {
    pub fn command(&self, path: PathBuf) -> Command {
        match self.clone() {
            PathThen::New => Command::New(path),
            PathThen::Open => Command::Open(path),
            PathThen::SaveAs => Command::SaveAs(path),
            PathThen::ExportForEmail => Command::ExportForEmail(path),
            PathThen::Repair { from } => Command::Repair { from, to: path },
            PathThen::Notice { meeting_id } => Command::WriteNotice { meeting_id, path },
            PathThen::Chart { spec } => Command::WriteChart { spec, path },
            PathThen::Deck { meeting_id } => Command::WriteDeck { meeting_id, path },
            PathThen::Forms { period_id, unit } => Command::WriteForms {
                period_id,
                unit,
                path,
            },
            PathThen::Returned => Command::PreviewReturned(path),
        }
    }
}

/// A path asked for inside the program, where the system's dialogs cannot open.
#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    pub title: String,
    pub kind: PickKind,
    /// The path typed, starting from the suggested one.
    pub text: String,
    pub then: PathThen,
    /// Why the path typed cannot be used.
    pub problem: Option<String>,
    /// A file that exists, which the person was asked about: the next *Lưu* replaces it.
    pub replace: Option<PathBuf>,
    /// The field has had the cursor once (it takes it when the box opens).
    pub focused: bool,
}

impl PathPrompt {
    /// The path typed, if it can be used for its kind: an existing file to open, a file in an
    /// existing folder to write, an existing folder. Else the reason, in the person's language.
    pub fn checked(&self, lang: Lang) -> Result<PathBuf, String> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err(lang.pick("Hãy gõ đường dẫn", "Type a path").into());
        }
        let path = PathBuf::from(text);
        let shown = crate::domain::text::escape_for_display(text);
        match self.kind {
            PickKind::Open if !path.is_file() => Err(match lang {
                Lang::Vi => format!("Không có tệp {shown}"),
                Lang::En => format!("There is no file {shown}"),
            }),
            PickKind::Folder if !path.is_dir() => Err(match lang {
                Lang::Vi => format!("Thư mục {shown} không tồn tại"),
                Lang::En => format!("The folder {shown} does not exist"),
            }),
            PickKind::Save => {
                let folder = path
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(std::path::Path::new("."));
                if path.is_dir() {
                    Err(match lang {
                        Lang::Vi => format!("{shown} là một thư mục: hãy gõ cả tên tệp"),
                        Lang::En => format!("{shown} is a folder: type the file's name too"),
                    })
                } else if !folder.is_dir() {
                    let folder = folder.to_string_lossy().into_owned();
                    let folder = crate::domain::text::escape_for_display(&folder);
                    Err(match lang {
                        Lang::Vi => format!("Thư mục {folder} không tồn tại"),
                        Lang::En => format!("The folder {folder} does not exist"),
                    })
                } else {
                    Ok(path)
                }
            }
            _ => Ok(path),
        }
    }
}

impl super::App {
    /// Asks for a path: the system's dialog where there is one, else a field in the program
    /// with the suggested path (in the open file's folder) to edit.
    pub(super) fn ask_path(
        &mut self,
        kind: PickKind,
        title: &str,
        suggested: &str,
        filter: Option<(&str, &[&str])>,
        then: PathThen,
    ) {
        let lang = self.lang();
        if !self.dialogs.available() {
            let folder = self
                .doc
                .as_ref()
                .and_then(|d| d.store.path().parent().map(std::path::Path::to_path_buf))
                .filter(|p| !p.as_os_str().is_empty())
                .or_else(|| std::env::current_dir().ok())
                .unwrap_or_default();
            let text = match kind {
                PickKind::Folder => folder,
                _ => folder.join(suggested),
            };
            self.path_prompt = Some(PathPrompt {
                title: title.to_string(),
                kind,
                text: text.to_string_lossy().into_owned(),
                then,
                problem: None,
                replace: None,
                focused: false,
            });
            return;
        }
        let picked = match (kind, filter) {
            (PickKind::Open, Some(filter)) => self.dialogs.pick_file(lang, title, filter),
            (PickKind::Open, None) => self.dialogs.pick_open(lang),
            (PickKind::Folder, _) => self.dialogs.pick_folder(lang, title),
            (PickKind::Save, Some(filter)) => {
                self.dialogs.pick_export(lang, title, suggested, filter)
            }
            (PickKind::Save, None) => self.dialogs.pick_save(lang, title, suggested),
        };
        if let Some(path) = picked {
            self.queue.push(then.command(path));
        }
    }

    /// The person gave the path in the program's own field (Enter or the button).
    pub fn answer_path_prompt(&mut self) {
        let lang = self.lang();
        let open = self.doc.as_ref().map(|d| d.store.path().to_path_buf());
        let Some(prompt) = self.path_prompt.as_mut() else {
            return;
        };
        match prompt.checked(lang) {
            // A file that exists is replaced only when asked twice, and never the open one
            // by a new document (the system's dialogs ask the same).
            Ok(path) if prompt.kind == PickKind::Save && path.exists() => {
                let same = |a: &std::path::Path, b: &std::path::Path| {
                    dunce::canonicalize(a)
                        .ok()
                        .is_some_and(|a| dunce::canonicalize(b).ok() == Some(a))
                };
                let shown =
                    crate::domain::text::escape_for_display(&path.to_string_lossy()).into_owned();
                if open.as_deref().is_some_and(|o| same(o, &path)) {
                    prompt.problem = Some(match lang {
                        Lang::Vi => format!("{shown} là tệp đang mở: hãy chọn tên khác"),
                        Lang::En => format!("{shown} is the file open now: choose another name"),
                    });
                } else if prompt.replace.as_deref() == Some(path.as_path()) {
                    let command = prompt.then.command(path);
                    self.path_prompt = None;
                    self.queue.push(command);
                } else {
                    prompt.problem = Some(match lang {
                        Lang::Vi => format!("Đã có tệp {shown}: bấm Lưu lần nữa để thay tệp đó"),
                        Lang::En => format!("{shown} exists: press Save again to replace it"),
                    });
                    prompt.replace = Some(path);
                }
            }
            Ok(path) => {
                let command = prompt.then.command(path);
                self.path_prompt = None;
                self.queue.push(command);
            }
            Err(problem) => prompt.problem = Some(problem),
        }
    }
}
