//! The form of the chosen group or criterion, and its read-only view.

use crate::domain::criteria::SetDefinition;
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::points::parse_number;
use crate::domain::scoring::{CriterionKind, RateMode, Threshold};
use crate::ui::fonts::bold;
use uuid::Uuid;

/// Numbers as the person writes them: "0,25" in Vietnamese, "0.25" in English.
pub(super) fn number_field<'a>(value: &'a mut f64, lang: Lang) -> egui::DragValue<'a> {
    egui::DragValue::new(value)
        .update_while_editing(false)
        .custom_parser(|s| parse_number(s).ok())
        .custom_formatter(move |n, _| match lang {
            Lang::Vi => format_number(n).replace('.', ","),
            Lang::En => format_number(n),
        })
}

pub(super) fn group_form(ui: &mut egui::Ui, work: &mut SetDefinition, id: Uuid, lang: Lang) {
    let Some(g) = work.groups.iter_mut().find(|g| g.group_id == id) else {
        return;
    };
    ui.label(bold(lang.pick("Nhóm tiêu chí", "Criteria group")).size(16.0));
    egui::Grid::new("group-form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(lang.pick("Mã", "Code"));
            ui.add_sized([80.0, 22.0], egui::TextEdit::singleline(&mut g.code))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(lang.pick("Tên nhóm", "Group name"));
            ui.add_sized([420.0, 22.0], egui::TextEdit::singleline(&mut g.name))
                .labelled_by(label.id);
            ui.end_row();
        });
}

pub(super) fn criterion_form(
    ui: &mut egui::Ui,
    work: &mut SetDefinition,
    id: Uuid,
    pass_fail: bool,
    lang: Lang,
) {
    let groups: Vec<(Uuid, String)> = work
        .groups
        .iter()
        .map(|g| (g.group_id, format!("{}. {}", g.code, g.name)))
        .collect();
    let Some(index) = work.criteria.iter().position(|c| c.criterion_id == id) else {
        return;
    };
    let mut new_group = None;
    {
        let c = &mut work.criteria[index];
        ui.label(bold(lang.pick("Tiêu chí", "Criterion")).size(16.0));
        egui::Grid::new("criterion-form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label(lang.pick("Mã", "Code"));
                ui.add_sized([80.0, 22.0], egui::TextEdit::singleline(&mut c.code))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Tên tiêu chí", "Criterion name"));
                ui.add_sized([420.0, 44.0], egui::TextEdit::multiline(&mut c.name))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Hướng dẫn chấm", "Guidance"));
                ui.add_sized([420.0, 66.0], egui::TextEdit::multiline(&mut c.guidance))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Nhóm", "Group"));
                let current = groups
                    .iter()
                    .find(|(g, _)| *g == c.group_id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default();
                egui::ComboBox::from_id_salt("criterion-group")
                    .selected_text(current)
                    .width(420.0)
                    .show_ui(ui, |ui| {
                        for (g, name) in &groups {
                            if ui.selectable_label(*g == c.group_id, name).clicked()
                                && *g != c.group_id
                            {
                                new_group = Some(*g);
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Loại", "Kind"));
                egui::ComboBox::from_id_salt("criterion-kind")
                    .selected_text(c.kind.label(lang))
                    .show_ui(ui, |ui| {
                        for k in CriterionKind::ALL {
                            ui.selectable_value(&mut c.kind, *k, k.label(lang));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Điểm tối đa", "Maximum"));
                ui.add(
                    number_field(&mut c.max_points, lang)
                        .speed(0.25)
                        .range(0.25..=1000.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                if matches!(
                    c.kind,
                    CriterionKind::Points | CriterionKind::Bonus | CriterionKind::Penalty
                ) {
                    let label = ui.label(lang.pick("Bước điểm", "Step"));
                    ui.add(
                        number_field(&mut c.step, lang)
                            .speed(0.05)
                            .range(0.05..=1000.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
                if c.kind == CriterionKind::Rate {
                    ui.label(lang.pick("Quy đổi", "Conversion"));
                    ui.horizontal(|ui| {
                        let mut mode = c.rate_mode.unwrap_or(RateMode::Proportional);
                        ui.radio_value(
                            &mut mode,
                            RateMode::Proportional,
                            lang.pick("Tỷ lệ × điểm tối đa", "Rate × maximum"),
                        );
                        ui.radio_value(
                            &mut mode,
                            RateMode::Thresholds,
                            lang.pick("Theo ngưỡng", "By thresholds"),
                        );
                        c.rate_mode = Some(mode);
                    });
                    ui.end_row();
                }
                ui.label("");
                ui.checkbox(
                    &mut c.evidence_required,
                    lang.pick("Bắt buộc có tài liệu kiểm chứng", "Evidence required"),
                );
                ui.end_row();
                if pass_fail {
                    ui.label("");
                    ui.checkbox(
                        &mut c.required_for_pass,
                        lang.pick("Bắt buộc để đạt chuẩn", "Required to pass"),
                    );
                    ui.end_row();
                }
            });
        thresholds_ui(ui, c, lang);
    }
    if let Some(g) = new_group {
        // Moving to another group puts the criterion at that group's end.
        let mut c = work.criteria.remove(index);
        c.group_id = g;
        let at = work
            .criteria
            .iter()
            .rposition(|x| x.group_id == g)
            .map_or(work.criteria.len(), |i| i + 1);
        work.criteria.insert(at, c);
    }
}

/// The thresholds of a count, or of a rate scored by thresholds: from which value, how many
/// points.
fn thresholds_ui(ui: &mut egui::Ui, c: &mut crate::domain::scoring::Criterion, lang: Lang) {
    let uses = c.kind == CriterionKind::Count
        || (c.kind == CriterionKind::Rate && c.rate_mode == Some(RateMode::Thresholds));
    if uses {
        ui.add_space(6.0);
        ui.label(bold(lang.pick("Ngưỡng quy đổi", "Thresholds")));
        let unit = if c.kind == CriterionKind::Rate {
            "%"
        } else {
            ""
        };
        let mut remove = None;
        for (i, t) in c.thresholds.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.label(lang.pick("Từ", "From"));
                ui.add(number_field(&mut t.at_least, lang).speed(1.0).suffix(unit));
                ui.label(lang.pick("được", "gives"));
                ui.add(number_field(&mut t.points, lang).speed(0.25));
                ui.label(lang.pick("điểm", "points"));
                if ui.small_button(lang.pick("Bỏ", "Remove")).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            c.thresholds.remove(i);
        }
        if ui
            .button(lang.pick("Thêm ngưỡng", "Add threshold"))
            .clicked()
        {
            c.thresholds.push(Threshold {
                at_least: 0.0,
                points: 0.0,
            });
        }
    }
}

/// A criterion of a locked set, as text (disabled fields would be too faint to read).
pub(super) fn criterion_view(
    ui: &mut egui::Ui,
    work: &SetDefinition,
    id: Uuid,
    pass_fail: bool,
    lang: Lang,
) {
    let Some(c) = work.criteria.iter().find(|c| c.criterion_id == id) else {
        return;
    };
    let n = |v: f64| match lang {
        Lang::Vi => format_number(v).replace('.', ","),
        Lang::En => format_number(v),
    };
    ui.scope(|ui| {
        ui.label(bold(format!("{} {}", c.code, c.name)).size(16.0));
        egui::Grid::new("criterion-view")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let mut row = |k: &str, v: String| {
                    ui.label(k);
                    ui.label(v);
                    ui.end_row();
                };
                row(lang.pick("Loại", "Kind"), c.kind.label(lang).into());
                row(lang.pick("Điểm tối đa", "Maximum"), n(c.max_points));
                if matches!(
                    c.kind,
                    CriterionKind::Points | CriterionKind::Bonus | CriterionKind::Penalty
                ) {
                    row(lang.pick("Bước điểm", "Step"), n(c.step));
                }
                let rule = |t: &Threshold| match lang {
                    Lang::Vi => format!("từ {} được {} điểm", n(t.at_least), n(t.points)),
                    Lang::En => format!("from {}: {} points", n(t.at_least), n(t.points)),
                };
                if !c.thresholds.is_empty() {
                    row(
                        lang.pick("Ngưỡng", "Thresholds"),
                        c.thresholds.iter().map(rule).collect::<Vec<_>>().join("; "),
                    );
                } else if c.kind == CriterionKind::Rate {
                    row(
                        lang.pick("Quy đổi", "Conversion"),
                        lang.pick("tỷ lệ × điểm tối đa", "rate × maximum").into(),
                    );
                }
                let yes_no = |b: bool| {
                    lang.pick(if b { "có" } else { "không" }, if b { "yes" } else { "no" })
                        .to_string()
                };
                row(
                    lang.pick("Bắt buộc kiểm chứng", "Evidence required"),
                    yes_no(c.evidence_required),
                );
                if pass_fail {
                    row(
                        lang.pick("Bắt buộc để đạt chuẩn", "Required to pass"),
                        yes_no(c.required_for_pass),
                    );
                }
            });
        if !c.guidance.is_empty() {
            ui.label(lang.pick("Hướng dẫn chấm:", "Guidance:"));
            ui.label(&c.guidance);
        }
    });
}
