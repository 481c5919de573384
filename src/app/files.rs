//! The document's file: open (untrusted), new, the demo, save as, the e-mail copy, the check.

use super::dialogs::{PathThen, PickKind};
use std::path::Path;

use super::document::Document;
use super::{App, Nav, RefusedFile};
use crate::demo::demo_seed;
use crate::domain::lang::Lang;
use crate::domain::text::{display_path, file_stem};
use crate::store::{Access, Intent, Store, StoreError};

impl App {
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

    pub(super) fn open_demo(&mut self) {
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

    pub(super) fn new_document(&mut self, path: &Path) {
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

    pub(super) fn suggested_copy_name(&self) -> String {
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

    pub(super) fn save_as(&mut self, path: &Path) {
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

    pub(super) fn export_for_email(&mut self, folder: &Path) {
        let lang = self.lang();
        let name = self.suggested_copy_name();
        let Some(doc) = self.doc.as_ref() else { return };
        let target = folder.join(&name);
        // The copy as sent is kept, so that what is changed in it comes back cell by cell.
        match doc.store.save_copy_to_send(&target) {
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

    pub(super) fn check_file(&mut self) {
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
}

/// "1.2 MB", "640 KB".
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

impl App {
    /// Asks where to create a new document.
    pub(super) fn new_dialog(&mut self) {
        let lang = self.lang();
        let title = lang.pick("Tạo tệp mới", "New file");
        self.ask_path(PickKind::Save, title, "giaoban.db", None, PathThen::New);
    }

    /// Asks which file to open.
    pub(super) fn open_dialog(&mut self) {
        let title = self.lang().pick("Mở tệp giaoban", "Open a giaoban file");
        self.ask_path(PickKind::Open, title, "", None, PathThen::Open);
    }

    /// Asks where to save a copy, and continues there.
    pub(super) fn save_as_dialog(&mut self) {
        let lang = self.lang();
        let title = lang.pick("Lưu thành…", "Save as…");
        let suggested = self.suggested_copy_name();
        self.ask_path(PickKind::Save, title, &suggested, None, PathThen::SaveAs);
    }

    /// Asks for the folder of the e-mail copy.
    pub(super) fn export_dialog(&mut self) {
        let lang = self.lang();
        let title = lang.pick(
            "Chọn thư mục để lưu bản gửi e-mail",
            "Choose the folder for the e-mail copy",
        );
        self.ask_path(PickKind::Folder, title, "", None, PathThen::ExportForEmail);
    }
}
