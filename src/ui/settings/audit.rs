//! The latest rows of the audit log.

use super::*;
use crate::app::document::Document;
use crate::domain::lang::Lang;

pub(super) fn audit_ui(ui: &mut egui::Ui, doc: &Document, lang: Lang) {
    section(
        ui,
        lang.pick(
            "Nhật ký thay đổi (mới nhất trước)",
            "Audit log (newest first)",
        ),
    );
    egui::Grid::new("audit-grid")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for entry in doc.view.audit.iter().take(15) {
                let at = chrono::DateTime::parse_from_rfc3339(&entry.at)
                    .map(|t| {
                        t.with_timezone(&chrono::Local)
                            .format("%d/%m/%Y %H:%M:%S")
                            .to_string()
                    })
                    .unwrap_or_else(|_| entry.at.clone());
                ui.label(at);
                ui.label(crate::domain::text::escape_for_display(&entry.who));
                ui.label(lang.pick(&entry.vi, &entry.en));
                ui.end_row();
            }
        });
}
