//! What is written from the document for others (the notice, a chart, the deck) and the start
//! of presentation mode.

use super::dialogs::{PathThen, PickKind};
use std::path::Path;

use super::App;
use crate::domain::lang::Lang;
use crate::domain::text::display_path;

impl App {
    /// A meeting's day as file names carry it ("2019-07-10"); empty when it is gone.
    pub(super) fn meeting_day(&self, meeting_id: uuid::Uuid) -> String {
        self.doc
            .as_ref()
            .and_then(|d| d.view.meetings.meeting(meeting_id))
            .map(|m| m.held_on.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }

    pub(super) fn write_notice(&mut self, meeting_id: uuid::Uuid, path: &Path) {
        let lang = self.lang();
        let today = self.today();
        let Some(doc) = self.doc.as_ref() else { return };
        let Some(meeting) = doc.view.meetings.meeting(meeting_id).cloned() else {
            return;
        };
        let meta = crate::export::FileMeta {
            author: self.prefs.audit_name(),
            at: chrono::Utc::now(),
        };
        let result = crate::export::notice_of(&doc.store, &meeting, today)
            .map_err(|e| e.message(lang))
            .and_then(|n| {
                crate::export::write_notice(&n, &meta, path).map_err(|e| e.message(lang))?;
                Ok(n.warning(lang))
            });
        match result {
            Ok(warning) => {
                self.notes.info(match lang {
                    Lang::Vi => format!("Đã ghi thông báo kết luận: {}", display_path(path)),
                    Lang::En => format!("Notice written: {}", display_path(path)),
                });
                if let Some(w) = warning {
                    self.notes.error(w);
                }
            }
            Err(e) => self.notes.error(e),
        }
    }

    pub(super) fn write_chart(&mut self, spec: &crate::domain::chart::ChartSpec, path: &Path) {
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
    pub(super) fn report_written(&mut self, result: Result<(), String>, path: &Path, what: &str) {
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

    pub(super) fn write_deck(&mut self, meeting_id: uuid::Uuid, path: &Path) {
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

    pub(super) fn present(&mut self, meeting_id: uuid::Uuid, single_window: bool) {
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
                self.requests.push(super::Request::Present {
                    meeting_id,
                    title,
                    frames,
                    single_window,
                });
            }
            Err(e) => self.notes.error(e.message(lang)),
        }
    }
}

impl App {
    /// Asks where to write the notice (PDF or DOCX).
    pub(super) fn notice_dialog(&mut self, meeting_id: uuid::Uuid, pdf: bool) {
        let lang = self.lang();
        let day = self.meeting_day(meeting_id);
        let (ext, filter) = if pdf {
            ("pdf", ("PDF (.pdf)", &["pdf"][..]))
        } else {
            ("docx", ("Word (.docx)", &["docx"][..]))
        };
        let title = lang.pick("Lưu thông báo kết luận", "Save the notice of conclusions");
        let suggested = format!("thong-bao-ket-luan_{day}.{ext}");
        let then = PathThen::Notice { meeting_id };
        self.ask_path(PickKind::Save, title, &suggested, Some(filter), then);
    }

    /// Asks where to write the chart shown (PNG or SVG).
    pub(super) fn chart_dialog(&mut self, spec: crate::domain::chart::ChartSpec, svg: bool) {
        let lang = self.lang();
        let (ext, filter) = if svg {
            ("svg", ("SVG (.svg)", &["svg"][..]))
        } else {
            ("png", ("PNG (.png)", &["png"][..]))
        };
        let title = lang.pick("Lưu biểu đồ", "Save the chart");
        let suggested = format!("bieu-do_{}.{ext}", spec.kind.slug());
        let then = PathThen::Chart { spec };
        self.ask_path(PickKind::Save, title, &suggested, Some(filter), then);
    }

    /// Asks where to write the deck as PDF.
    pub(super) fn deck_dialog(&mut self, meeting_id: uuid::Uuid) {
        let lang = self.lang();
        let day = self.meeting_day(meeting_id);
        let title = lang.pick("Lưu bộ trình chiếu", "Save the deck");
        let suggested = format!("trinh-chieu_{day}.pdf");
        let filter = ("PDF (.pdf)", &["pdf"][..]);
        let then = PathThen::Deck { meeting_id };
        self.ask_path(PickKind::Save, title, &suggested, Some(filter), then);
    }
}
