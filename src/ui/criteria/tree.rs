//! The tree of groups and criteria, chosen, added, moved and removed.

use super::*;
use crate::domain::criteria::{SetDefinition, new_criterion, new_group};
use crate::domain::lang::Lang;
use crate::domain::plan::format_number;
use crate::ui::fonts::bold;

pub(super) fn tree_ui(
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
