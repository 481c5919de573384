//! The selected cell: which unit and criterion, the criterion's kind and range, its note and
//! evidence.

use egui::RichText;
use uuid::Uuid;

use super::ScoringPanel;
use crate::app::Command;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::scoring::PeriodStatus;
use crate::ui::fonts::bold;

/// The selected cell: which unit and criterion (the grid shows only codes), the criterion's
/// kind and range, and its note or evidence, editable.
pub(super) fn cell_ui(
    ui: &mut egui::Ui,
    panel: &mut ScoringPanel,
    period_id: Uuid,
    status: PeriodStatus,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let Some(grid) = panel.grid.grid.as_ref() else {
        return;
    };
    let (row, col) = panel.grid.cursor;
    let (Some(&i), Some(c)) = (panel.grid.rows.get(row), grid.criteria.get(col)) else {
        return;
    };
    let unit = &grid.units[i];
    let key = (unit.unit_id, c.criterion_id);
    let (stored, evidence) = grid.notes.get(&key).cloned().unwrap_or_default();
    if panel.note.as_ref().map(|n| n.0) != Some(key) {
        panel.note = Some((key, stored.clone()));
    }
    let range = match c.kind {
        crate::domain::scoring::CriterionKind::YesNo => lang.pick("có/không", "yes/no").to_string(),
        crate::domain::scoring::CriterionKind::Rate => {
            lang.pick("tỷ lệ 0–100%", "rate 0–100%").to_string()
        }
        crate::domain::scoring::CriterionKind::Count => {
            lang.pick("số nguyên", "whole number").to_string()
        }
        _ => match lang {
            Lang::Vi => format!(
                "0–{}, bước {}",
                format_number(c.max_points),
                format_number(c.step).replace('.', ",")
            ),
            Lang::En => format!(
                "0–{}, step {}",
                format_number(c.max_points),
                format_number(c.step)
            ),
        },
    };
    ui.horizontal(|ui| {
        ui.label(bold(format!("{} · {} {}", unit.name, c.code, c.name)));
        ui.label(
            RichText::new(format!(
                "({}, {} {} {})",
                range,
                lang.pick("tối đa", "max"),
                format_number(c.max_points),
                lang.pick("điểm", "points")
            ))
            .weak(),
        );
    });
    let editable = crate::domain::results::check_editable(status).is_ok();
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("Ghi chú / tài liệu kiểm chứng", "Note / evidence"));
        let Some((_, text)) = panel.note.as_mut() else {
            return;
        };
        ui.add_enabled(
            editable,
            egui::TextEdit::singleline(text).desired_width(520.0),
        )
        .labelled_by(label.id);
        let changed = *text != stored;
        if ui
            .add_enabled(
                changed && editable,
                egui::Button::new(lang.pick("Lưu ghi chú", "Save note")),
            )
            .clicked()
        {
            commands.push(Command::Edit(Edit::SetCellNote {
                period_id,
                unit_id: key.0,
                criterion_id: key.1,
                note: text.clone(),
            }));
        }
        if !evidence.is_empty() {
            ui.label(
                RichText::new(format!(
                    "{}: {evidence}",
                    lang.pick("Kiểm chứng", "Evidence")
                ))
                .weak(),
            );
        }
    });
}
