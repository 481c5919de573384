//! Native file dialogs (rfd). Behind a trait so tests can answer them.

use std::path::PathBuf;

use crate::domain::lang::Lang;

pub trait FileDialogs {
    fn pick_open(&self, lang: Lang) -> Option<PathBuf>;
    /// `suggested`: a file name to propose.
    fn pick_save(&self, lang: Lang, title: &str, suggested: &str) -> Option<PathBuf>;
    fn pick_folder(&self, lang: Lang, title: &str) -> Option<PathBuf>;
}

/// The system's dialogs.
pub struct NativeDialogs;

const FILTER_NAME: &str = "giaoban (.db)";
const EXTENSIONS: &[&str] = &["db", "giaoban"];

impl FileDialogs for NativeDialogs {
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
}

/// Answers every dialog with prepared paths (tests, scripted runs); `None` is "Cancel".
#[derive(Debug, Clone, Default)]
pub struct ScriptedDialogs {
    pub open: Option<PathBuf>,
    pub save: Option<PathBuf>,
    pub folder: Option<PathBuf>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&self, _lang: Lang) -> Option<PathBuf> {
        self.open.clone()
    }
    fn pick_save(&self, _lang: Lang, _title: &str, _suggested: &str) -> Option<PathBuf> {
        self.save.clone()
    }
    fn pick_folder(&self, _lang: Lang, _title: &str) -> Option<PathBuf> {
        self.folder.clone()
    }
}
