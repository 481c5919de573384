//! A file refused at open: what a clean copy of it would leave out, and making that copy.

use super::dialogs::{PathThen, PickKind};
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::App;
use crate::domain::lang::Lang;
use crate::domain::text::{display_path, file_stem};
use crate::store::{RepairPlan, Store, StoreError};

/// A file that was refused at open, with what a clean copy of it would leave out.
#[derive(Debug, Clone)]
pub struct RefusedFile {
    pub path: PathBuf,
    /// The one-line reason, in the language of the moment it was refused.
    pub reason: String,
    /// Present when a clean copy can be made.
    pub plan: Option<RepairPlan>,
}

impl App {
    /// Asks where to write the clean copy of the refused file (a name after it), then queues it.
    pub(super) fn repair_dialog(&mut self) {
        let lang = self.lang();
        let Some(from) = self.refused.as_ref().map(|r| r.path.clone()) else {
            return;
        };
        let title = lang.pick("Lưu bản sạch", "Save the clean copy");
        let stem = from
            .file_stem()
            .map(|s| file_stem(&s.to_string_lossy()))
            .unwrap_or_default();
        let suggested = format!("{stem}_ban-sach.db");
        self.ask_path(
            PickKind::Save,
            title,
            &suggested,
            None,
            PathThen::Repair { from },
        );
    }

    /// Writes a clean copy of a refused file and opens it; the refused file is only read.
    pub(super) fn repair(&mut self, from: &Path, to: &Path) {
        let lang = self.lang();
        if to.exists() {
            // The save dialog asked before replacing; the clean copy never overwrites in place.
            if dunce::canonicalize(to).ok() == dunce::canonicalize(from).ok() {
                self.notes.error(lang.pick(
                    "Bản sạch phải là một tệp khác với tệp gốc",
                    "The clean copy must be another file than the original",
                ));
                return;
            }
            if self.doc.as_ref().is_some_and(|d| d.store.path() == to) {
                self.doc = None;
            }
            if let Err(e) = std::fs::remove_file(to) {
                self.notes.error(StoreError::io(to, e).message(lang));
                return;
            }
        }
        let who = self.prefs.audit_name();
        match Store::repair(from, to, &who, Utc::now()) {
            Ok(report) => {
                self.refused = None;
                let dropped: u64 = report.rows_left_out.iter().map(|(_, n)| n).sum();
                let text = match lang {
                    Lang::Vi => format!(
                        "Đã ghi bản sạch {}: bỏ ra {} mục lạ và {dropped} dòng trái quy tắc; tệp gốc không bị thay đổi.",
                        display_path(to),
                        report.left_out.len()
                    ),
                    Lang::En => format!(
                        "Clean copy written to {}: {} foreign objects and {dropped} rule-breaking rows left out; the original is unchanged.",
                        display_path(to),
                        report.left_out.len()
                    ),
                };
                self.open(to);
                self.notes.info(text);
            }
            Err(e) => self.notes.error(e.message(lang)),
        }
    }
}
