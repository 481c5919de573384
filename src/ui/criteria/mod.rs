//! The criteria set editor: groups and criteria as a tree, the selected item's form, the bands
//! and the pass rule. Every change is saved when the person leaves the field (or releases the
//! mouse), as one undoable edit; a locked set is shown read-only with the reason.

mod bands;
mod forms;
mod tree;

use self::bands::{bands_ui, bands_view, pass_rule_ui};
use self::forms::{criterion_form, criterion_view, group_form};
use self::tree::tree_ui;
use crate::ui::widgets::create_button;
use egui::{Color32, RichText};
use uuid::Uuid;

use crate::app::Command;
use crate::app::document::Document;
use crate::domain::criteria::{SetDefinition, check_definition, copy_for_year, empty_definition};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::domain::results::max_total;
use crate::domain::scoring::Model;
use crate::ui::fonts::bold;

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
            if create_button(
                ui,
                match lang {
                    Lang::Vi => format!("Tạo bộ tiêu chí năm {next} (chép từ năm {year})"),
                    Lang::En => format!("Create the {next} set (copied from {year})"),
                },
            ) {
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
            if create_button(
                ui,
                match lang {
                    Lang::Vi => format!("Tạo bộ tiêu chí trống năm {this_year}"),
                    Lang::En => format!("Create an empty {this_year} set"),
                },
            ) {
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
    load(ed, doc, model, set_id, lang, notes);
    let locked = ed.lock.is_some();
    let pass_fail = ed.pass_fail;
    status_ui(ui, ed, lang);
    let Some(work) = ed.work.as_mut() else {
        return;
    };
    title_ui(ui, work, locked, lang);
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
    save_when_idle(ui, ed, lang, commands);
}

/// Reads the set again when the file changed: its definition, and why it is locked.
fn load(
    ed: &mut CriteriaEditor,
    doc: &Document,
    model: &Model,
    set_id: Uuid,
    lang: Lang,
    notes: &mut Vec<String>,
) {
    if ed.loaded == Some((set_id, doc.view.revision)) {
        return;
    }
    {
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
}

/// Why the set is locked; else how changes are saved, why the last one was refused, and the
/// way back to the saved set.
fn status_ui(ui: &mut egui::Ui, ed: &mut CriteriaEditor, lang: Lang) {
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
        let unsaved = ed.work.as_ref() != ed.stored.as_ref();
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
                ed.work = Some(stored);
            }
            ed.submitted = ed.stored.clone();
            ed.error = None;
        }
    }
}

/// The set's title and decision, and its size.
fn title_ui(ui: &mut egui::Ui, work: &mut SetDefinition, locked: bool, lang: Lang) {
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
}

/// Saves when nobody is typing or dragging: a text field commits when left, a number when
/// released, a checkbox or a choice at once.
fn save_when_idle(ui: &egui::Ui, ed: &mut CriteriaEditor, lang: Lang, commands: &mut Vec<Command>) {
    let locked = ed.lock.is_some();
    let pass_fail = ed.pass_fail;
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
