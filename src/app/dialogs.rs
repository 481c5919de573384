//! Native file dialogs (rfd). Behind a trait so tests can answer them.

use std::path::PathBuf;

use crate::domain::lang::Lang;

pub trait FileDialogs {
    fn pick_open(&self, lang: Lang) -> Option<PathBuf>;
    /// `suggested`: a file name to propose.
    fn pick_save(&self, lang: Lang, title: &str, suggested: &str) -> Option<PathBuf>;
    fn pick_folder(&self, lang: Lang, title: &str) -> Option<PathBuf>;
    /// Where to write a document for others (a notice): `filter` names the kind and its
    /// extensions.
    fn pick_export(
        &self,
        lang: Lang,
        title: &str,
        suggested: &str,
        filter: (&str, &[&str]),
    ) -> Option<PathBuf>;
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
