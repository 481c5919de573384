//! A meeting's own fields, its attendees and the reports given at it.

use super::*;
use crate::app::Command;
use crate::app::document::Document;
use crate::domain::deadline::{display_day, parse_typed_day};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::meeting::{AgendaItem, Attendee, Meeting, MeetingBook};
use crate::domain::record::{Record, RecordKind};
use crate::domain::text::Search;
use crate::ui::fonts::bold;
use crate::ui::forms::{typed_field, unit_picker};
use egui::{Color32, Key};
use uuid::Uuid;

pub(super) fn meeting_form(
    ui: &mut egui::Ui,
    panel: &mut MeetingsPanel,
    doc: &Document,
    meeting: &Meeting,
    lang: Lang,
) {
    let draft = panel.drafts.draft(&Record::Meeting(meeting.clone()));
    let mut day_text = draft.text("day", || display_day(meeting.held_on)).clone();
    let mut time_text = draft
        .text("time", || meeting.time.clone().unwrap_or_default())
        .clone();
    let mut bad = None;
    if let Record::Meeting(m) = &mut draft.work {
        ui.label(
            bold(format!(
                "{} — {}",
                display_day(meeting.held_on),
                meeting.title
            ))
            .size(17.0),
        );
        egui::Grid::new(("meeting-form", meeting.meeting_id))
            .num_columns(2)
            .spacing([8.0, 5.0])
            .show(ui, |ui| {
                let label = ui.label(lang.pick("Ngày họp", "Date"));
                ui.horizontal(|ui| {
                    let (r, d) = typed_field(
                        ui,
                        &mut day_text,
                        100.0,
                        "dd/mm/yyyy",
                        |t| parse_typed_day(t).map_err(|e| e.message(lang)),
                        &mut bad,
                    );
                    r.labelled_by(label.id);
                    if let Some(d) = d {
                        m.held_on = d;
                    }
                    let label = ui.label(lang.pick("giờ", "time"));
                    ui.add(
                        egui::TextEdit::singleline(&mut time_text)
                            .desired_width(60.0)
                            .hint_text("08:00"),
                    )
                    .labelled_by(label.id);
                    m.time = Some(time_text.clone()).filter(|t| !t.trim().is_empty());
                });
                ui.end_row();
                let label = ui.label(lang.pick("Tên cuộc họp", "Title"));
                ui.add_sized([520.0, 22.0], egui::TextEdit::singleline(&mut m.title))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Địa điểm", "Place"));
                ui.add_sized([320.0, 22.0], egui::TextEdit::singleline(&mut m.place))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Chủ trì", "Chair"));
                person_choice(
                    ui,
                    ("chair", meeting.meeting_id),
                    &mut m.chair_id,
                    doc,
                    lang,
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Người ký thông báo", "Notice signed by"));
                person_choice(
                    ui,
                    ("signer", meeting.meeting_id),
                    &mut m.signer_id,
                    doc,
                    lang,
                )
                .on_hover_text(lang.pick(
                    "Tên dưới chữ ký của thông báo kết luận",
                    "The name under the notice's signature",
                ))
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(lang.pick("Số thông báo", "Notice number"));
                ui.add_sized(
                    [160.0, 22.0],
                    egui::TextEdit::singleline(&mut m.notice_number)
                        .hint_text(lang.pick("ví dụ 01/TB-BCĐ", "e.g. 01/TB-BCĐ")),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
    }
    draft.texts.insert("day", day_text);
    draft.texts.insert("time", time_text);
    draft.bad_text = bad;
    draft.error_ui(ui);
}

#[allow(clippy::too_many_arguments)]
pub(super) fn attendees_ui(
    ui: &mut egui::Ui,
    panel: &mut MeetingsPanel,
    doc: &Document,
    book: &MeetingBook,
    meeting: &Meeting,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.label(bold(lang.pick("Thành phần dự họp", "Members present")).size(16.0));
    let present: Vec<&Attendee> = book
        .attendees
        .iter()
        .filter(|a| a.meeting_id == meeting.meeting_id)
        .collect();
    ui.horizontal_wrapped(|ui| {
        for a in &present {
            let person = a
                .person_id
                .and_then(|id| doc.view.people.iter().find(|p| p.person_id == id));
            let name = person.map(|p| p.name.as_str()).unwrap_or(a.name.as_str());
            let title = if a.title.is_empty() {
                person.map(|p| p.title.as_str()).unwrap_or("")
            } else {
                a.title.as_str()
            };
            let text = match (name.is_empty(), title.is_empty()) {
                (false, false) => format!("{name}, {title}"),
                (false, true) => name.to_string(),
                _ => title.to_string(),
            };
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, Color32::from_gray(190)))
                .inner_margin(egui::Margin::symmetric(6, 2))
                .corner_radius(3.0)
                .show(ui, |ui| {
                    ui.label(text);
                    if ui
                        .small_button("x")
                        .on_hover_text(lang.pick("Bỏ khỏi danh sách", "Remove"))
                        .clicked()
                    {
                        commands.push(Command::Edit(Edit::DeleteRecord {
                            kind: RecordKind::Attendee,
                            id: a.attendance_id,
                        }));
                    }
                });
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("Thêm người dự", "Add a member"));
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut panel.person_query)
                    .desired_width(220.0)
                    .hint_text(lang.pick("gõ tên, Enter để thêm", "type a name, Enter adds")),
            )
            .labelled_by(label.id);
        let search = Search::new(&panel.person_query);
        let matches: Vec<_> = doc
            .view
            .people
            .iter()
            .filter(|p| {
                p.active
                    && !search.is_empty()
                    && search.matches(&p.name)
                    && !present.iter().any(|a| a.person_id == Some(p.person_id))
            })
            .take(6)
            .collect();
        let mut add = None;
        if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            add = matches.first().map(|p| (*p).clone());
            if add.is_none() && !panel.person_query.trim().is_empty() {
                // Someone not in the people list: kept as typed.
                commands.push(Command::Edit(Edit::SaveRecord {
                    record: Box::new(Record::Attendee(Attendee {
                        attendance_id: Uuid::new_v4(),
                        meeting_id: meeting.meeting_id,
                        person_id: None,
                        name: panel.person_query.clone(),
                        title: String::new(),
                        unit_id: None,
                    })),
                }));
                panel.person_query.clear();
            }
        }
        for p in &matches {
            if ui
                .small_button(format!("{} ({})", p.name, p.title))
                .clicked()
            {
                add = Some((*p).clone());
            }
        }
        if let Some(p) = add {
            commands.push(Command::Edit(Edit::SaveRecord {
                record: Box::new(Record::Attendee(Attendee {
                    attendance_id: Uuid::new_v4(),
                    meeting_id: meeting.meeting_id,
                    person_id: Some(p.person_id),
                    name: String::new(),
                    title: p.title.clone(),
                    unit_id: p.unit_id,
                })),
            }));
            panel.person_query.clear();
            r.request_focus();
        }
    });
}

#[allow(clippy::too_many_arguments)]
pub(super) fn reports_ui(
    ui: &mut egui::Ui,
    panel: &mut MeetingsPanel,
    doc: &Document,
    book: &MeetingBook,
    meeting: &Meeting,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.label(bold(lang.pick("Các báo cáo được nghe", "Reports heard")).size(16.0));
    for a in book
        .agenda
        .iter()
        .filter(|a| a.meeting_id == meeting.meeting_id)
    {
        ui.horizontal(|ui| {
            let by = a
                .presenter_id
                .and_then(|id| doc.view.unit_name(id))
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            ui.label(format!("• {}{by}", a.title));
            if ui
                .small_button("x")
                .on_hover_text(lang.pick("Xóa", "Delete"))
                .clicked()
            {
                commands.push(Command::Edit(Edit::DeleteRecord {
                    kind: RecordKind::Agenda,
                    id: a.agenda_id,
                }));
            }
        });
    }
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("Báo cáo", "Report"));
        ui.add(egui::TextEdit::singleline(&mut panel.new_report).desired_width(360.0))
            .labelled_by(label.id);
        ui.label(lang.pick("đơn vị trình bày", "presented by"));
        unit_picker(
            ui,
            &mut panel.picks,
            ui.make_persistent_id(("report-unit", meeting.meeting_id)),
            &mut panel.new_report_unit,
            &doc.view.units,
            180.0,
            lang,
        );
        if ui.button(lang.pick("Thêm báo cáo", "Add report")).clicked()
            && !panel.new_report.trim().is_empty()
        {
            commands.push(Command::Edit(Edit::SaveRecord {
                record: Box::new(Record::Agenda(AgendaItem {
                    agenda_id: Uuid::new_v4(),
                    meeting_id: meeting.meeting_id,
                    title: panel.new_report.clone(),
                    presenter_id: panel.new_report_unit,
                })),
            }));
            panel.new_report.clear();
            panel.new_report_unit = None;
        }
    });
}

/// A person of the file (the active ones), or none.
fn person_choice(
    ui: &mut egui::Ui,
    salt: (&str, uuid::Uuid),
    value: &mut Option<uuid::Uuid>,
    doc: &Document,
    lang: Lang,
) -> egui::Response {
    let shown = value
        .and_then(|id| doc.view.people.iter().find(|p| p.person_id == id))
        .map(|p| format!("{} — {}", p.name, p.title))
        .unwrap_or_else(|| lang.pick("(chưa chọn)", "(none)").into());
    egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .width(420.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, lang.pick("(chưa chọn)", "(none)"));
            for p in doc.view.people.iter().filter(|p| p.active) {
                ui.selectable_value(
                    value,
                    Some(p.person_id),
                    format!("{} — {}", p.name, p.title),
                );
            }
        })
        .response
}
