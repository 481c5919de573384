//! The criteria set editor: groups and criteria as a tree, the selected item's form, the bands
//! and the pass rule. Every change is saved when the person leaves the field (or releases the
//! mouse), as one undoable edit; a locked set is shown read-only with the reason.

use egui::{Color32, RichText};
use uuid::Uuid;

use super::fonts::bold;
use super::widgets::{band_fill, text_on};
use crate::app::Command;
use crate::app::document::Document;
use crate::domain::criteria::{
    SetDefinition, check_definition, copy_for_year, empty_definition, new_criterion, new_group,
};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::points::parse_number;
use crate::domain::results::max_total;
use crate::domain::scoring::{Band, CriterionKind, Model, PassRule, RateMode, Threshold};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selected {
    Group(Uuid),
    Criterion(Uuid),
}

/// UI-local state of the editor: the set as stored, the copy being edited, and what was last
/// sent to the store.
#[derive(Default)]
pub struct CriteriaEditor {
    loaded: Option<(Uuid, u64)>,
    stored: Option<SetDefinition>,
    pub work: Option<SetDefinition>,
    submitted: Option<SetDefinition>,
    pass_fail: bool,
    /// Why the set cannot be edited, when it cannot.
    pub lock: Option<String>,
    pub selected: Option<Selected>,
    /// Why the last change was not saved.
    pub error: Option<String>,
}

/// Numbers as the person writes them: "0,25" in Vietnamese, "0.25" in English.
fn number_field<'a>(value: &'a mut f64, lang: Lang) -> egui::DragValue<'a> {
    egui::DragValue::new(value)
        .update_while_editing(false)
        .custom_parser(|s| parse_number(s).ok())
        .custom_formatter(move |n, _| match lang {
            Lang::Vi => format_number(n).replace('.', ","),
            Lang::En => format_number(n),
        })
}

/// Buttons to create a model's set for a year: next year copied from the latest, or empty.
pub fn create_set_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    model: &Model,
    this_year: i32,
    lang: Lang,
    commands: &mut Vec<Command>,
    notes: &mut Vec<String>,
) -> Option<i32> {
    let latest = doc
        .view
        .sets
        .iter()
        .filter(|s| s.model.slug == model.slug)
        .map(|s| (s.set.year, s.set.set_id))
        .max();
    let mut made = None;
    ui.horizontal(|ui| match latest {
        Some((year, set_id)) => {
            let next = year + 1;
            if ui
                .button(match lang {
                    Lang::Vi => format!("Tạo bộ tiêu chí năm {next} (chép từ năm {year})"),
                    Lang::En => format!("Create the {next} set (copied from {year})"),
                })
                .clicked()
            {
                match doc.store.set_definition(set_id) {
                    Ok(def) => {
                        commands.push(Command::Edit(Edit::CreateCriteriaSet {
                            def: Box::new(copy_for_year(&def, next)),
                        }));
                        made = Some(next);
                    }
                    Err(e) => notes.push(e.message(lang)),
                }
            }
        }
        None => {
            if ui
                .button(match lang {
                    Lang::Vi => format!("Tạo bộ tiêu chí trống năm {this_year}"),
                    Lang::En => format!("Create an empty {this_year} set"),
                })
                .clicked()
            {
                commands.push(Command::Edit(Edit::CreateCriteriaSet {
                    def: Box::new(empty_definition(model.model_id, this_year, model.pass_fail)),
                }));
                made = Some(this_year);
            }
        }
    });
    made
}

#[allow(clippy::too_many_arguments)]
pub fn editor_ui(
    ui: &mut egui::Ui,
    ed: &mut CriteriaEditor,
    doc: &Document,
    model: &Model,
    set_id: Uuid,
    lang: Lang,
    commands: &mut Vec<Command>,
    notes: &mut Vec<String>,
) {
    if ed.loaded != Some((set_id, doc.view.revision)) {
        match doc.store.set_definition(set_id) {
            Ok(def) => {
                ed.lock = match doc.store.set_lock(set_id) {
                    Ok(lock) => lock.map(|e| e.message(lang)),
                    Err(e) => Some(e.message(lang)),
                };
                ed.work = Some(def.clone());
                ed.submitted = Some(def.clone());
                ed.stored = Some(def);
                ed.pass_fail = model.pass_fail;
                ed.error = None;
            }
            Err(e) => notes.push(e.message(lang)),
        }
        ed.loaded = Some((set_id, doc.view.revision));
    }
    let locked = ed.lock.is_some();
    let pass_fail = ed.pass_fail;
    let Some(work) = ed.work.as_mut() else {
        return;
    };
    if let Some(reason) = &ed.lock {
        egui::Frame::new()
            .fill(Color32::from_rgb(255, 243, 205))
            .inner_margin(8)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(reason)
                        .color(Color32::from_rgb(90, 60, 0))
                        .strong(),
                );
            });
    } else {
        let mut revert = false;
        let unsaved = Some(&*work) != ed.stored.as_ref();
        ui.horizontal(|ui| {
            match &ed.error {
                Some(error) => {
                    ui.colored_label(Color32::from_rgb(180, 20, 20), error);
                }
                None => {
                    ui.label(
                        RichText::new(lang.pick(
                            "Mỗi thay đổi được lưu ngay khi rời ô nhập · Ctrl+Z hoàn tác",
                            "Each change is saved when you leave the field · Ctrl+Z undoes",
                        ))
                        .weak(),
                    );
                }
            }
            if unsaved {
                revert = ui
                    .button(lang.pick("Hoàn lại như đã lưu", "Revert to the saved set"))
                    .clicked();
            }
        });
        if revert {
            if let Some(stored) = ed.stored.clone() {
                *work = stored;
            }
            ed.submitted = ed.stored.clone();
            ed.error = None;
        }
    }
    ui.scope(|ui| {
        if locked {
            ui.label(bold(&work.set.title).size(16.0));
            if !work.set.decision_ref.is_empty() {
                ui.label(format!(
                    "{} {}",
                    lang.pick("Ban hành theo", "Issued by"),
                    work.set.decision_ref
                ));
            }
        } else {
            ui.horizontal(|ui| {
                let label = ui.label(lang.pick("Tên bộ tiêu chí", "Title"));
                ui.add_sized(
                    [440.0, 22.0],
                    egui::TextEdit::singleline(&mut work.set.title),
                )
                .labelled_by(label.id);
                let label = ui.label(lang.pick("Quyết định ban hành", "Issued by decision"));
                ui.add_sized(
                    [220.0, 22.0],
                    egui::TextEdit::singleline(&mut work.set.decision_ref),
                )
                .labelled_by(label.id);
            });
        }
        ui.label(match lang {
            Lang::Vi => format!(
                "{} nhóm · {} tiêu chí · tổng điểm tối đa {} (không kể điểm thưởng, điểm trừ)",
                work.groups.len(),
                work.criteria.len(),
                format_number(max_total(&work.criteria)).replace('.', ",")
            ),
            Lang::En => format!(
                "{} groups · {} criteria · {} points at most (bonus and penalty aside)",
                work.groups.len(),
                work.criteria.len(),
                format_number(max_total(&work.criteria))
            ),
        });
    });
    ui.separator();
    let height = ui.available_height();
    ui.columns(2, |cols| {
        let [left, right] = cols else {
            return;
        };
        if ed.selected.is_none() {
            ed.selected = work
                .criteria
                .first()
                .map(|c| Selected::Criterion(c.criterion_id));
        }
        tree_ui(left, work, &mut ed.selected, !locked, lang, height);
        egui::ScrollArea::vertical()
            .id_salt("criteria-form")
            .max_height(height)
            .auto_shrink([false, false])
            .show(right, |ui| {
                match ed.selected {
                    Some(Selected::Criterion(id)) if locked => {
                        criterion_view(ui, work, id, pass_fail, lang)
                    }
                    Some(Selected::Criterion(id)) => criterion_form(ui, work, id, pass_fail, lang),
                    Some(Selected::Group(id)) => group_form(ui, work, id, lang),
                    None => {
                        ui.label(lang.pick(
                            "Chọn một nhóm hoặc tiêu chí bên trái để sửa.",
                            "Choose a group or a criterion on the left to edit it.",
                        ));
                    }
                }
                ui.separator();
                if pass_fail {
                    pass_rule_ui(ui, work, lang);
                } else if locked {
                    bands_view(ui, work, lang);
                } else {
                    bands_ui(ui, work, lang);
                }
            });
    });
    // Save when nobody is typing or dragging: a text field commits when left, a number when
    // released, a checkbox or a choice at once.
    let ctx = ui.ctx().clone();
    if !locked
        && ed.work != ed.submitted
        && !ctx.egui_wants_keyboard_input()
        && !ctx.egui_is_using_pointer()
        && let Some(work) = ed.work.as_ref()
    {
        ed.submitted = Some(work.clone());
        match check_definition(work, pass_fail) {
            Ok(clean) => {
                ed.error = None;
                if Some(&clean) != ed.stored.as_ref() {
                    commands.push(Command::Edit(Edit::SetCriteriaSet {
                        def: Box::new(clean),
                    }));
                }
            }
            Err(e) => ed.error = Some(e.message(lang)),
        }
    }
}

fn tree_ui(
    ui: &mut egui::Ui,
    work: &mut SetDefinition,
    selected: &mut Option<Selected>,
    editable: bool,
    lang: Lang,
    height: f32,
) {
    ui.add_enabled_ui(editable, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button(lang.pick("Thêm nhóm", "Add group")).clicked() {
                let mut g = new_group(work);
                g.name = lang.pick("Nhóm mới", "New group").into();
                *selected = Some(Selected::Group(g.group_id));
                work.groups.push(g);
            }
            let group = match *selected {
                Some(Selected::Group(g)) => Some(g),
                Some(Selected::Criterion(c)) => work
                    .criteria
                    .iter()
                    .find(|x| x.criterion_id == c)
                    .map(|x| x.group_id),
                None => work.groups.last().map(|g| g.group_id),
            };
            if ui
                .add_enabled(
                    group.is_some(),
                    egui::Button::new(lang.pick("Thêm tiêu chí", "Add criterion")),
                )
                .clicked()
                && let Some(group) = group
            {
                let mut c = new_criterion(work, group);
                c.name = lang.pick("Tiêu chí mới", "New criterion").into();
                let at = match *selected {
                    Some(Selected::Criterion(id)) => work
                        .criteria
                        .iter()
                        .position(|x| x.criterion_id == id)
                        .map_or(work.criteria.len(), |i| i + 1),
                    _ => work
                        .criteria
                        .iter()
                        .rposition(|x| x.group_id == group)
                        .map_or(work.criteria.len(), |i| i + 1),
                };
                *selected = Some(Selected::Criterion(c.criterion_id));
                work.criteria.insert(at, c);
            }
            let moved = |up: bool, work: &mut SetDefinition| match *selected {
                Some(Selected::Group(id)) => {
                    if let Some(i) = work.groups.iter().position(|g| g.group_id == id) {
                        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
                        if let Some(j) = j.filter(|j| *j < work.groups.len()) {
                            work.groups.swap(i, j);
                        }
                    }
                }
                Some(Selected::Criterion(id)) => {
                    if let Some(i) = work.criteria.iter().position(|c| c.criterion_id == id) {
                        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
                        // Within its group only; "Nhóm" in the form moves it to another group.
                        if let Some(j) = j.filter(|j| {
                            work.criteria
                                .get(*j)
                                .is_some_and(|c| c.group_id == work.criteria[i].group_id)
                        }) {
                            work.criteria.swap(i, j);
                        }
                    }
                }
                None => {}
            };
            if ui
                .add_enabled(
                    selected.is_some(),
                    egui::Button::new(lang.pick("Lên", "Up")),
                )
                .clicked()
            {
                moved(true, work);
            }
            if ui
                .add_enabled(
                    selected.is_some(),
                    egui::Button::new(lang.pick("Xuống", "Down")),
                )
                .clicked()
            {
                moved(false, work);
            }
            if ui
                .add_enabled(
                    selected.is_some(),
                    egui::Button::new(lang.pick("Xóa", "Delete")),
                )
                .clicked()
            {
                match selected.take() {
                    Some(Selected::Group(id)) => {
                        work.groups.retain(|g| g.group_id != id);
                        work.criteria.retain(|c| c.group_id != id);
                    }
                    Some(Selected::Criterion(id)) => work.criteria.retain(|c| c.criterion_id != id),
                    None => {}
                }
            }
        })
    });
    egui::ScrollArea::vertical()
        .id_salt("criteria-tree")
        .max_height(height - 30.0)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for g in &work.groups {
                let group_max: f64 = work
                    .criteria
                    .iter()
                    .filter(|c| c.group_id == g.group_id && c.kind.counts_toward_max())
                    .map(|c| c.max_points)
                    .sum();
                let text = format!(
                    "{}. {} ({} {})",
                    g.code,
                    g.name,
                    format_number(group_max),
                    lang.pick("điểm", "points")
                );
                if ui
                    .selectable_label(*selected == Some(Selected::Group(g.group_id)), bold(text))
                    .clicked()
                {
                    *selected = Some(Selected::Group(g.group_id));
                }
                for c in work.criteria.iter().filter(|c| c.group_id == g.group_id) {
                    ui.horizontal(|ui| {
                        ui.add_space(18.0);
                        let text = format!(
                            "{}  {} · {} · {}",
                            c.code,
                            crate::domain::text::shorten(&c.name, 52),
                            c.kind.label(lang),
                            format_number(c.max_points)
                        );
                        if ui
                            .selectable_label(
                                *selected == Some(Selected::Criterion(c.criterion_id)),
                                text,
                            )
                            .clicked()
                        {
                            *selected = Some(Selected::Criterion(c.criterion_id));
                        }
                    });
                }
            }
        });
}

fn group_form(ui: &mut egui::Ui, work: &mut SetDefinition, id: Uuid, lang: Lang) {
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

fn criterion_form(
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
        let thresholds = c.kind == CriterionKind::Count
            || (c.kind == CriterionKind::Rate && c.rate_mode == Some(RateMode::Thresholds));
        if thresholds {
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

/// A criterion of a locked set, as text (disabled fields would be too faint to read).
fn criterion_view(ui: &mut egui::Ui, work: &SetDefinition, id: Uuid, pass_fail: bool, lang: Lang) {
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

fn bands_view(ui: &mut egui::Ui, work: &SetDefinition, lang: Lang) {
    ui.label(bold(lang.pick("Xếp loại", "Bands")).size(16.0));
    ui.horizontal_wrapped(|ui| {
        for b in &work.bands {
            egui::Frame::new()
                .fill(band_fill(b))
                .inner_margin(egui::Margin::symmetric(8, 3))
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!(
                            "{}: {} {}%",
                            b.name,
                            lang.pick("từ", "from"),
                            format_number(b.lower_pct)
                        ))
                        .color(text_on(band_fill(b))),
                    );
                });
        }
    });
}

fn bands_ui(ui: &mut egui::Ui, work: &mut SetDefinition, lang: Lang) {
    ui.label(bold(lang.pick("Xếp loại", "Bands")).size(16.0));
    ui.label(
        RichText::new(lang.pick(
            "Mỗi mức tính từ cận dưới (% tổng điểm tối đa) trở lên.",
            "Each band starts at its lower bound (% of the maximum) and up.",
        ))
        .weak(),
    );
    let mut remove = None;
    egui::Grid::new("bands")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (i, b) in work.bands.iter_mut().enumerate() {
                ui.push_id(b.band_id, |ui| {
                    ui.add_sized([150.0, 22.0], egui::TextEdit::singleline(&mut b.name))
                        .on_hover_text(lang.pick("Tên xếp loại", "Band name"));
                });
                ui.add(
                    number_field(&mut b.lower_pct, lang)
                        .speed(1.0)
                        .range(0.0..=100.0)
                        .suffix("%"),
                )
                .on_hover_text(lang.pick("Cận dưới", "Lower bound"));
                let c = band_fill(b);
                let mut rgb = [c.r(), c.g(), c.b()];
                if egui::widgets::color_picker::color_edit_button_srgb(ui, &mut rgb).changed() {
                    b.color = format!("#{:02X}{:02X}{:02X}", rgb[0], rgb[1], rgb[2]);
                }
                if ui.small_button(lang.pick("Bỏ", "Remove")).clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        work.bands.remove(i);
    }
    if ui.button(lang.pick("Thêm xếp loại", "Add band")).clicked() {
        let lowest = work
            .bands
            .iter()
            .map(|b| b.lower_pct)
            .fold(100.0_f64, f64::min);
        work.bands.push(Band {
            band_id: Uuid::new_v4(),
            set_id: work.set.set_id,
            name: lang.pick("Mức mới", "New band").into(),
            lower_pct: (lowest / 2.0).floor(),
            color: "#546E7A".into(),
        });
    }
}

fn pass_rule_ui(ui: &mut egui::Ui, work: &mut SetDefinition, lang: Lang) {
    ui.label(bold(lang.pick("Quy tắc công nhận đạt chuẩn", "Pass rule")).size(16.0));
    let mut rule = work.set.pass_rule.unwrap_or(PassRule::AllRequired);
    ui.radio_value(
        &mut rule,
        PassRule::AllRequired,
        lang.pick(
            "Đạt mọi tiêu chí đánh dấu \"bắt buộc để đạt chuẩn\"",
            "Meets every criterion marked \"required to pass\"",
        ),
    );
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut rule,
            PassRule::MinPercent,
            lang.pick("Tổng điểm đạt tối thiểu", "Total at least"),
        );
        if rule == PassRule::MinPercent {
            let pct = work.set.pass_min_pct.get_or_insert(80.0);
            ui.add(
                number_field(pct, lang)
                    .speed(1.0)
                    .range(0.0..=100.0)
                    .suffix("%"),
            );
        }
    });
    work.set.pass_rule = Some(rule);
}
