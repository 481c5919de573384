//! A plan's targets: the table with progress and status as of a day, the chosen target's
//! form, its per-unit checklist and its values over time.
use super::*;
use crate::domain::points::round_half_up;
use crate::ui::widgets::text_on;

#[allow(clippy::too_many_arguments)]
pub(super) fn targets_ui(
    ui: &mut egui::Ui,
    panel: &mut PlansPanel,
    plan: &Plan,
    rows: &[TargetRow],
    lang: Lang,
    as_of: NaiveDate,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label(bold(lang.pick("Chỉ tiêu", "Targets")).size(16.0));
        ui.label(
            RichText::new(match lang {
                Lang::Vi => format!("tình hình tại ngày {}", display_day(as_of)),
                Lang::En => format!("as of {}", display_day(as_of)),
            })
            .weak(),
        );
        if ui
            .button(lang.pick("Thêm chỉ tiêu", "Add target"))
            .clicked()
        {
            let next = rows
                .iter()
                .filter_map(|r| r.target.code.parse::<u32>().ok())
                .max()
                .unwrap_or(0)
                + 1;
            let t = Target {
                target_id: Uuid::new_v4(),
                plan_id: plan.plan_id,
                code: next.to_string(),
                text: lang.pick("Chỉ tiêu mới", "New target").into(),
                kind: TargetKind::Percent,
                scope: TargetScope::Body,
                comparison: Comparison::AtLeast,
                baseline: None,
                target_value: 100.0,
                deadline: Some(Deadline::Year(plan.end_year)),
            };
            panel.target = Some(t.target_id);
            commands.push(Command::Edit(Edit::SaveRecord {
                record: Box::new(Record::Target(t)),
            }));
        }
    });
    if rows.is_empty() {
        ui.label(lang.pick("Kế hoạch chưa có chỉ tiêu.", "The plan has no target yet."));
        return;
    }
    let text_width = (ui.available_width() - 590.0).clamp(180.0, 760.0);
    egui::Grid::new(("targets", plan.plan_id))
        .striped(true)
        .num_columns(6)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for h in [
                lang.pick("Mã", "Code"),
                lang.pick("Chỉ tiêu", "Target"),
                lang.pick("Mục tiêu", "Goal"),
                lang.pick("Kết quả gần nhất", "Latest value"),
                lang.pick("Trạng thái", "Status"),
                lang.pick("Thời hạn", "Deadline"),
            ] {
                ui.label(bold(h));
            }
            ui.end_row();
            for r in rows {
                let chosen = panel.target == Some(r.target.target_id);
                if ui.selectable_label(chosen, &r.target.code).clicked() {
                    panel.target = if chosen {
                        None
                    } else {
                        Some(r.target.target_id)
                    };
                    panel.scroll_to_target = !chosen;
                }
                crate::ui::widgets::wrapped_cell(ui, &r.target.text, text_width);
                ui.label(r.target.goal_label(lang));
                match &r.latest {
                    Some(l) => {
                        let unit = if r.target.kind == TargetKind::Percent {
                            "%"
                        } else {
                            ""
                        };
                        let counted = l
                            .counted
                            .map(|(met, of)| format!(" · {met}/{of}"))
                            .unwrap_or_default();
                        ui.add(
                            egui::ProgressBar::new(r.progress.unwrap_or(0.0) as f32)
                                .desired_width(220.0)
                                .fill(status_color(r.status))
                                .text(
                                    RichText::new(format!(
                                        "{}{unit}{counted} ({})",
                                        format_number_in(round_half_up(l.value, 1), lang),
                                        display_day(l.as_of)
                                    ))
                                    .color(text_on(status_color(r.status))),
                                ),
                        );
                    }
                    None => {
                        ui.label(
                            RichText::new(lang.pick("chưa có số liệu", "no value yet")).weak(),
                        );
                    }
                }
                ui.label(
                    RichText::new(r.status.label(lang))
                        .color(status_color(r.status))
                        .strong(),
                );
                ui.label(
                    r.target
                        .deadline
                        .map(|d| d.display(lang))
                        .unwrap_or_else(|| "—".into()),
                );
                ui.end_row();
            }
        });
    ui.label(
        RichText::new(lang.pick(
            "Bấm mã chỉ tiêu để sửa, ghi số liệu hoặc đánh dấu từng đơn vị.",
            "Click a target's code to edit it, record a value or tick off units.",
        ))
        .weak(),
    );
}

#[allow(clippy::too_many_arguments)]
pub(super) fn target_ui(
    ui: &mut egui::Ui,
    panel: &mut PlansPanel,
    doc: &Document,
    book: &PlanBook,
    row: &TargetRow,
    units: &[Uuid],
    lang: Lang,
    as_of: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let t = &row.target;
    let heading =
        ui.label(bold(format!("{} {}", lang.pick("Chỉ tiêu", "Target"), t.code)).size(16.0));
    if panel.scroll_to_target {
        heading.scroll_to_me(Some(egui::Align::TOP));
        panel.scroll_to_target = false;
    }
    target_form(ui, panel, t, lang);
    if t.scope == TargetScope::Units {
        checklist_ui(ui, doc, book, row, units, lang, as_of, commands);
    }
    measurements_ui(ui, panel, book, t, lang, as_of, commands);
    if ui
        .small_button(lang.pick("Xóa chỉ tiêu", "Delete the target"))
        .on_hover_text(lang.pick(
            "Chỉ xóa được chỉ tiêu chưa có số liệu",
            "Only a target without values can be deleted",
        ))
        .clicked()
    {
        commands.push(Command::Edit(Edit::DeleteRecord {
            kind: RecordKind::Target,
            id: t.target_id,
        }));
    }
}

/// A target's own fields: code, text, kind, scope, goal and baseline, deadline.
fn target_form(ui: &mut egui::Ui, panel: &mut PlansPanel, t: &Target, lang: Lang) {
    let draft = panel.drafts.draft(&Record::Target(t.clone()));
    let mut bad = None;
    let mut value_text = draft
        .text("value", || format_number_in(t.target_value, lang))
        .clone();
    let mut baseline_text = draft
        .text("baseline", || {
            t.baseline
                .map(|b| format_number_in(b, lang))
                .unwrap_or_default()
        })
        .clone();
    let mut deadline_text = draft
        .text("deadline", || {
            t.deadline.map(|d| d.display(lang)).unwrap_or_default()
        })
        .clone();
    if let Record::Target(w) = &mut draft.work {
        egui::Grid::new(("target-form", t.target_id))
            .num_columns(2)
            .spacing([8.0, 5.0])
            .show(ui, |ui| {
                let label = ui.label(lang.pick("Mã", "Code"));
                ui.add_sized([80.0, 22.0], egui::TextEdit::singleline(&mut w.code))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Nội dung chỉ tiêu", "Target text"));
                ui.add_sized([520.0, 44.0], egui::TextEdit::multiline(&mut w.text))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Loại", "Kind"));
                ui.horizontal(|ui| {
                    for (k, name) in [
                        (TargetKind::Percent, lang.pick("Tỷ lệ %", "Percentage")),
                        (TargetKind::Count, lang.pick("Số lượng", "Count")),
                        (TargetKind::YesNo, lang.pick("Có/không", "Yes/no")),
                    ] {
                        ui.radio_value(&mut w.kind, k, name);
                    }
                })
                .response
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Phạm vi", "Scope"));
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut w.scope,
                        TargetScope::Body,
                        lang.pick("Toàn cơ quan", "The body as a whole"),
                    );
                    ui.radio_value(
                        &mut w.scope,
                        TargetScope::Units,
                        lang.pick(
                            "Đếm theo đơn vị (tỷ lệ đơn vị đạt)",
                            "Counted over the units",
                        ),
                    );
                })
                .response
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Mục tiêu", "Goal"));
                ui.horizontal(|ui| {
                    egui::ComboBox::from_id_salt(("cmp", t.target_id))
                        .selected_text(w.comparison.words(lang))
                        .show_ui(ui, |ui| {
                            for c in Comparison::ALL {
                                ui.selectable_value(&mut w.comparison, *c, c.words(lang));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    let (r, v) = typed_field(
                        ui,
                        &mut value_text,
                        70.0,
                        "",
                        |s| parse_number(s).map_err(|e| e.message(lang)),
                        &mut bad,
                    );
                    r.on_hover_text(lang.pick("Giá trị mục tiêu", "Goal value"));
                    if let Some(v) = v {
                        w.target_value = v;
                    }
                    ui.label(lang.pick("xuất phát từ", "from a baseline of"));
                    let mut bad_base = None;
                    let (rb, b) = typed_field(
                        ui,
                        &mut baseline_text,
                        70.0,
                        lang.pick("(không rõ)", "(unknown)"),
                        |s| {
                            if s.trim().is_empty() {
                                Ok(None)
                            } else {
                                parse_number(s).map(Some).map_err(|e| e.message(lang))
                            }
                        },
                        &mut bad_base,
                    );
                    rb.on_hover_text(lang.pick("Giá trị xuất phát", "Baseline"));
                    if let Some(b) = b {
                        w.baseline = b;
                    }
                    bad = bad.take().or(bad_base);
                });
                ui.end_row();
                let label = ui.label(lang.pick("Thời hạn", "Deadline"));
                let mut bad_deadline = None;
                let (r, d) = typed_field(
                    ui,
                    &mut deadline_text,
                    140.0,
                    lang.pick(
                        "31/12/2019, 06/2019, Quý II/2019, 2019",
                        "31/12/2019, 06/2019, Q2 2019, 2019",
                    ),
                    |s| Deadline::parse_optional(s).map_err(|e| e.message(lang)),
                    &mut bad_deadline,
                );
                r.labelled_by(label.id);
                if let Some(d) = d {
                    w.deadline = d;
                }
                bad = bad.take().or(bad_deadline);
                ui.end_row();
            });
    }
    draft.texts.insert("value", value_text);
    draft.texts.insert("baseline", baseline_text);
    draft.texts.insert("deadline", deadline_text);
    draft.bad_text = bad;
    draft.error_ui(ui);
}

#[allow(clippy::too_many_arguments)]
pub(super) fn checklist_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    book: &PlanBook,
    row: &TargetRow,
    units: &[Uuid],
    lang: Lang,
    as_of: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let t = &row.target;
    ui.add_space(6.0);
    ui.label(bold(match lang {
        Lang::Vi => format!("Từng đơn vị, tại ngày {}", display_day(as_of)),
        Lang::En => format!("Unit by unit, as of {}", display_day(as_of)),
    }));
    if let Some((met, of)) = row.latest.as_ref().and_then(|l| l.counted) {
        ui.label(match lang {
            Lang::Vi => format!("{met} trên {of} đơn vị đạt"),
            Lang::En => format!("{met} of {of} units meet it"),
        });
    }
    ui.horizontal_wrapped(|ui| {
        for unit in units {
            let Some(u) = doc.view.units.iter().find(|x| x.unit_id == *unit) else {
                continue;
            };
            let last = book
                .checks
                .iter()
                .filter(|c| c.target_id == t.target_id && c.unit_id == *unit && c.as_of <= as_of)
                .max_by_key(|c| c.as_of);
            let mut met = last.is_some_and(|c| c.met);
            if ui.checkbox(&mut met, &u.name).changed() {
                // A change is recorded as of the day shown (replacing that day's entry).
                let check_id = last
                    .filter(|c| c.as_of == as_of)
                    .map(|c| c.check_id)
                    .unwrap_or_else(Uuid::new_v4);
                commands.push(Command::Edit(Edit::SaveRecord {
                    record: Box::new(Record::UnitCheck(UnitCheck {
                        check_id,
                        target_id: t.target_id,
                        unit_id: *unit,
                        as_of,
                        met,
                    })),
                }));
            }
        }
    });
}

pub(super) fn measurements_ui(
    ui: &mut egui::Ui,
    panel: &mut PlansPanel,
    book: &PlanBook,
    t: &Target,
    lang: Lang,
    as_of: NaiveDate,
    commands: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    ui.label(bold(
        lang.pick("Số liệu theo thời gian", "Values over time"),
    ));
    let mut ms: Vec<&Measurement> = book
        .measurements
        .iter()
        .filter(|m| m.target_id == t.target_id)
        .collect();
    ms.sort_by_key(|m| m.as_of);
    egui::Grid::new(("measurements", t.target_id))
        .num_columns(4)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for m in &ms {
                ui.label(display_day(m.as_of));
                ui.label(format_number_in(m.value, lang));
                ui.label(&m.source);
                if ui.small_button(lang.pick("Xóa", "Delete")).clicked() {
                    commands.push(Command::Edit(Edit::DeleteRecord {
                        kind: RecordKind::Measurement,
                        id: m.measurement_id,
                    }));
                }
                ui.end_row();
            }
        });
    if panel.new_date.is_empty() {
        panel.new_date = display_day(as_of);
    }
    let mut add = false;
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("Giá trị", "Value"));
        let r = ui
            .add(egui::TextEdit::singleline(&mut panel.new_value).desired_width(70.0))
            .labelled_by(label.id);
        add |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let label = ui.label(lang.pick("ngày", "on"));
        ui.add(egui::TextEdit::singleline(&mut panel.new_date).desired_width(100.0))
            .labelled_by(label.id);
        let label = ui.label(lang.pick("nguồn", "source"));
        ui.add(
            egui::TextEdit::singleline(&mut panel.new_source)
                .desired_width(220.0)
                .hint_text(lang.pick("Báo cáo 6 tháng…", "Half-year report…")),
        )
        .labelled_by(label.id);
        add |= ui
            .button(lang.pick("Ghi số liệu", "Record value"))
            .clicked();
    });
    if add {
        let value = parse_number(&panel.new_value).map_err(|e| e.message(lang));
        let day = parse_typed_day(&panel.new_date).map_err(|e| e.message(lang));
        match (value, day) {
            (Ok(value), Ok(day)) => {
                commands.push(Command::Edit(Edit::SaveRecord {
                    record: Box::new(Record::Measurement(Measurement {
                        measurement_id: Uuid::new_v4(),
                        target_id: t.target_id,
                        value,
                        as_of: day,
                        source: panel.new_source.clone(),
                    })),
                }));
                panel.new_value.clear();
                panel.error = None;
            }
            (Err(e), _) | (_, Err(e)) => panel.error = Some(e),
        }
    }
    if let Some(e) = &panel.error {
        ui.colored_label(Color32::from_rgb(180, 20, 20), e);
    }
}
