//! The wards' forms from the window: *Gửi phiếu tự chấm…* writes them, *Nhập bản trả về…*
//! reads a returned one into a preview of every change and conflict, and only the person's
//! *Nhập* applies it, as one edit that Undo takes back.

use std::path::{Path, PathBuf};

use super::App;
use super::dialogs::{PathThen, PickKind};
use crate::domain::lang::Lang;
use crate::domain::merge::Take;
use crate::domain::text::display_path;
use crate::export::returned::{Incoming, incoming, write_forms};

/// A returned file read and compared, waiting for the person's answer.
pub struct ReturnedPreview {
    pub path: PathBuf,
    pub incoming: Incoming,
}

impl App {
    /// Asks where to write the forms: a folder for every ward, a file for one.
    pub(super) fn forms_dialog(
        &mut self,
        period_id: uuid::Uuid,
        unit: Option<(uuid::Uuid, String)>,
    ) {
        let lang = self.lang();
        match unit {
            None => {
                let title = lang.pick(
                    "Chọn thư mục để ghi phiếu tự chấm của các đơn vị",
                    "Choose the folder for the units' self-assessment forms",
                );
                let then = PathThen::Forms {
                    period_id,
                    unit: None,
                };
                self.ask_path(PickKind::Folder, title, "", None, then);
            }
            Some((unit_id, name)) => {
                let month = self.period_month(period_id);
                let suggested = crate::export::ward_form::form_file_name(&name, &month);
                let title = lang.pick("Lưu phiếu tự chấm", "Save the self-assessment form");
                let filter = ("Excel (.xlsx)", &["xlsx"][..]);
                let then = PathThen::Forms {
                    period_id,
                    unit: Some(unit_id),
                };
                self.ask_path(PickKind::Save, title, &suggested, Some(filter), then);
            }
        }
    }

    /// "2018-12" of a period, for file names.
    fn period_month(&self, period_id: uuid::Uuid) -> String {
        self.doc
            .as_ref()
            .and_then(|d| d.store.grid(period_id).ok())
            .map(|g| format!("{}-{:02}", g.set.year, g.period.month))
            .unwrap_or_default()
    }

    pub(super) fn write_forms(
        &mut self,
        period_id: uuid::Uuid,
        unit: Option<uuid::Uuid>,
        path: &Path,
    ) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        let units: Vec<uuid::Uuid> = unit.into_iter().collect();
        let keep = crate::store::changes::sent_folder(doc.store.path());
        let result = doc
            .store
            .grid(period_id)
            .and_then(|grid| write_forms(&grid, &units, path, unit.is_some(), &keep));
        match result {
            Ok(written) => self.notes.info(match lang {
                Lang::Vi => format!(
                    "Đã ghi {} phiếu tự chấm vào {}",
                    written.len(),
                    display_path(path)
                ),
                Lang::En => format!(
                    "{} self-assessment forms written to {}",
                    written.len(),
                    display_path(path)
                ),
            }),
            Err(e) => self.notes.error(e.message(lang)),
        }
    }

    /// Asks for the returned file.
    pub(super) fn returned_dialog(&mut self) {
        let lang = self.lang();
        let title = lang.pick(
            "Chọn bản trả về (phiếu tự chấm)",
            "Choose the returned form",
        );
        let filter = (
            lang.pick(
                "Phiếu tự chấm (.xlsx, .ods) hoặc bản sao (.db)",
                "Form (.xlsx, .ods) or copy (.db)",
            ),
            &["xlsx", "ods", "xls", "db"][..],
        );
        self.ask_path(PickKind::Open, title, "", Some(filter), PathThen::Returned);
    }

    /// Reads a returned file into the preview, or says in one line why it cannot be.
    pub(super) fn preview_returned(&mut self, path: &Path) {
        let lang = self.lang();
        let Some(doc) = self.doc.as_ref() else { return };
        match incoming(&doc.store, path, lang) {
            Ok(incoming) => {
                self.returned = Some(ReturnedPreview {
                    path: path.to_path_buf(),
                    incoming,
                });
            }
            Err(problem) => {
                let messages = problem.messages(lang);
                let more = messages.len().saturating_sub(1);
                let mut text = format!(
                    "{} {}: {}",
                    lang.pick("Không nhập được", "Cannot bring in"),
                    display_path(path),
                    messages.first().cloned().unwrap_or_default()
                );
                if more > 0 {
                    text.push_str(&match lang {
                        Lang::Vi => format!(" (và {more} lỗi khác)"),
                        Lang::En => format!(" (and {more} more)"),
                    });
                }
                self.notes.error(text);
            }
        }
    }

    /// Applies the previewed file, conflicts settled by `take`: one edit, undoable.
    pub(super) fn apply_returned(&mut self, take: Option<Take>) {
        let lang = self.lang();
        let Some(preview) = self.returned.take() else {
            return;
        };
        if preview.incoming.lines.is_empty() {
            self.notes.info(lang.pick(
                "Bản trả về không có gì mới",
                "The returned file has nothing new",
            ));
            return;
        }
        match preview.incoming.edit(take) {
            Some(edit) => self.apply(edit),
            None => {
                self.notes.error(lang.pick(
                    "Hãy chọn giữ của tệp đang làm hay lấy bản trả về cho các ô xung đột",
                    "Choose to keep the working file's or take the returned values for the conflicts",
                ));
                self.returned = Some(preview);
            }
        }
    }
}
