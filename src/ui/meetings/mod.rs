//! The Meetings panel: the meetings, newest first, and the follow-up of open action items;
//! the chosen meeting typed during the meeting itself, keyboard first: chair and members
//! present, reports heard, numbered conclusions (Ctrl+Enter adds one), action items
//! (Ctrl+Shift+Enter adds one) with their unit chosen by typing, items carried over from
//! earlier meetings, and closing an item with its completion date.

mod form;

use self::form::{attendees_ui, meeting_form, reports_ui};
use chrono::NaiveDate;
use egui::{Color32, RichText};
use uuid::Uuid;

mod items;

use self::items::{actions_ui, follow_up_ui, items_table};
use super::fonts::bold;
use super::forms::{Drafts, UnitPick, typed_field, unit_picker};
use super::widgets::chip;
use crate::app::Command;
use crate::app::document::Document;
use crate::domain::deadline::{Deadline, display_day};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::meeting::{
    ActionItem, ActionStatus, Conclusion, Meeting, MeetingBook, overdue_on,
};
use crate::domain::record::{Record, RecordKind};
use crate::domain::text::shorten;

#[derive(Default)]
pub struct MeetingsPanel {
    pub selected: Option<Uuid>,
    /// Show the follow-up list (open items of all meetings) instead of one meeting.
    pub follow_up: bool,
    drafts: Drafts,
    picks: UnitPick,
    person_query: String,
    new_report: String,
    new_report_unit: Option<Uuid>,
    /// The record to focus next frame (just added).
    focus_next: Option<Uuid>,
}

/// An action item's colour: the domain's, as on the action items slide.
fn action_color(a: &ActionItem, as_of: NaiveDate) -> Color32 {
    crate::ui::widgets::color32(crate::domain::colour::of_action(a, as_of))
}

fn status_text(a: &ActionItem, as_of: NaiveDate, lang: Lang) -> String {
    if overdue_on(a, as_of) {
        lang.pick("Quá hạn", "Overdue").into()
    } else {
        a.status.label(lang).into()
    }
}

pub fn meetings_ui(
    ui: &mut egui::Ui,
    panel: &mut MeetingsPanel,
    doc: &Document,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let book = &doc.view.meetings;
    panel.drafts.sync(doc.view.revision);
    if panel.selected.is_none_or(|id| book.meeting(id).is_none()) {
        panel.selected = book.meetings.first().map(|m| m.meeting_id);
    }
    ui.horizontal(|ui| {
        ui.heading(lang.pick("Họp giao ban", "Briefing meetings"));
        ui.add_space(16.0);
        let open = book.open_actions(today).len();
        ui.toggle_value(
            &mut panel.follow_up,
            match lang {
                Lang::Vi => format!("Theo dõi việc giao ({open} việc chưa xong)"),
                Lang::En => format!("Follow-up ({open} open items)"),
            },
        );
        if ui
            .button(lang.pick("Thêm cuộc họp", "Add meeting"))
            .clicked()
        {
            let chair = book.meetings.first().and_then(|m| m.chair_id);
            let m = Meeting {
                meeting_id: Uuid::new_v4(),
                held_on: today,
                time: Some("08:00".into()),
                title: lang
                    .pick("Họp giao ban Ban chỉ đạo ứng dụng CNTT", "Briefing meeting")
                    .into(),
                place: book
                    .meetings
                    .first()
                    .map(|m| m.place.clone())
                    .unwrap_or_default(),
                chair_id: chair,
                notice_number: String::new(),
                signer_id: None,
            };
            panel.selected = Some(m.meeting_id);
            panel.follow_up = false;
            commands.push(Command::Edit(Edit::SaveRecord {
                record: Box::new(Record::Meeting(m)),
            }));
        }
    });
    if panel.follow_up {
        follow_up_ui(ui, panel, doc, book, lang, today, commands);
        panel.drafts.commit(ui.ctx(), lang, commands);
        return;
    }
    if book.meetings.is_empty() {
        ui.label(lang.pick(
            "Tệp chưa có cuộc họp nào: bấm \"Thêm cuộc họp\".",
            "The file holds no meeting yet: press \"Add meeting\".",
        ));
        return;
    }
    egui::Panel::left("meetings-list")
        .resizable(true)
        .default_size(280.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("meetings-list-scroll")
                .show(ui, |ui| {
                    for m in &book.meetings {
                        let text = format!("{} — {}", display_day(m.held_on), m.title);
                        if ui
                            .selectable_label(panel.selected == Some(m.meeting_id), text)
                            .clicked()
                        {
                            panel.selected = Some(m.meeting_id);
                        }
                    }
                });
        });
    let Some(meeting) = panel.selected.and_then(|id| book.meeting(id)).cloned() else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("meeting-detail")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            meeting_form(ui, panel, doc, &meeting, lang);
            ui.horizontal(|ui| {
                ui.label(lang.pick("Thông báo kết luận:", "Notice of conclusions:"));
                if ui.button(lang.pick("Xuất PDF…", "Export PDF…")).clicked() {
                    commands.push(Command::NoticeDialog {
                        meeting_id: meeting.meeting_id,
                        pdf: true,
                    });
                }
                if ui.button(lang.pick("Xuất DOCX…", "Export DOCX…")).clicked() {
                    commands.push(Command::NoticeDialog {
                        meeting_id: meeting.meeting_id,
                        pdf: false,
                    });
                }
            });
            ui.horizontal(|ui| {
                ui.label(lang.pick("Trình chiếu:", "Presentation:"));
                crate::ui::charts::deck_buttons(ui, meeting.meeting_id, lang, true, commands);
            });
            ui.separator();
            attendees_ui(ui, panel, doc, book, &meeting, lang, commands);
            ui.separator();
            reports_ui(ui, panel, doc, book, &meeting, lang, commands);
            ui.separator();
            conclusions_ui(ui, panel, doc, book, &meeting, lang, commands);
            ui.separator();
            actions_ui(ui, panel, doc, book, &meeting, lang, today, commands);
            let carried = book.carried_over(&meeting);
            if !carried.is_empty() {
                ui.separator();
                ui.label(
                    bold(match lang {
                        Lang::Vi => {
                            format!("Việc tồn từ các cuộc họp trước ({} việc)", carried.len())
                        }
                        Lang::En => {
                            format!("Carried over from earlier meetings ({})", carried.len())
                        }
                    })
                    .size(16.0),
                );
                items_table(
                    ui,
                    panel,
                    doc,
                    book,
                    &carried,
                    lang,
                    meeting.held_on.max(today),
                    today,
                    commands,
                    lang.pick("Việc tồn", "Carried item"),
                );
            }
        });
    panel.drafts.commit(ui.ctx(), lang, commands);
}

/// Ctrl+Enter and Ctrl+Shift+Enter (see `ui::commands`): a new conclusion or action item in the
/// meeting shown.
pub fn add_from_key(
    panel: &mut MeetingsPanel,
    doc: &Document,
    action: bool,
    commands: &mut Vec<Command>,
) {
    let book = &doc.view.meetings;
    let Some(meeting) = panel.selected.and_then(|id| book.meeting(id)).cloned() else {
        return;
    };
    if action {
        push_action(panel, &meeting, None, commands);
    } else {
        push_conclusion(panel, book, &meeting, commands);
    }
}

fn push_conclusion(
    panel: &mut MeetingsPanel,
    book: &MeetingBook,
    meeting: &Meeting,
    commands: &mut Vec<Command>,
) {
    let c = Conclusion {
        conclusion_id: Uuid::new_v4(),
        meeting_id: meeting.meeting_id,
        number: book.next_number(meeting.meeting_id),
        heading: String::new(),
        text: String::new(),
        set_id: None,
        period_id: None,
        plan_id: None,
    };
    panel.focus_next = Some(c.conclusion_id);
    commands.push(Command::Edit(Edit::SaveRecord {
        record: Box::new(Record::Conclusion(c)),
    }));
}

fn push_action(
    panel: &mut MeetingsPanel,
    meeting: &Meeting,
    conclusion: Option<Uuid>,
    commands: &mut Vec<Command>,
) {
    let a = ActionItem {
        action_id: Uuid::new_v4(),
        meeting_id: meeting.meeting_id,
        conclusion_id: conclusion,
        unit_id: None,
        text: String::new(),
        deadline: None,
        status: ActionStatus::Open,
        completed_on: None,
        completion_note: String::new(),
    };
    panel.focus_next = Some(a.action_id);
    commands.push(Command::Edit(Edit::SaveRecord {
        record: Box::new(Record::Action(a)),
    }));
}

fn conclusions_ui(
    ui: &mut egui::Ui,
    panel: &mut MeetingsPanel,
    doc: &Document,
    book: &MeetingBook,
    meeting: &Meeting,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    // What a conclusion may concern: a plan, or a scoring period of a model.
    type Concern = ((Option<Uuid>, Option<Uuid>, Option<Uuid>), String);
    let mut concerns: Vec<Concern> = vec![(
        (None, None, None),
        lang.pick("(không gắn)", "(nothing)").to_string(),
    )];
    for p in &doc.view.plans.plans {
        let name = p.name(lang);
        concerns.push((
            (Some(p.plan_id), None, None),
            format!("{}: {name}", lang.pick("Kế hoạch", "Plan")),
        ));
    }
    for s in &doc.view.sets {
        concerns.push((
            (None, None, Some(s.set.set_id)),
            format!(
                "{} {} {}",
                lang.pick("Bộ tiêu chí", "Criteria set"),
                s.model.name,
                s.set.year
            ),
        ));
        for p in &s.periods {
            concerns.push((
                (None, Some(p.period.period_id), None),
                format!("{} {}", s.model.name, p.period.label(s.set.year, lang)),
            ));
        }
    }
    ui.horizontal(|ui| {
        ui.label(bold(lang.pick("Kết luận", "Conclusions")).size(16.0));
        if ui
            .button(lang.pick("Thêm kết luận (Ctrl+Enter)", "Add conclusion (Ctrl+Enter)"))
            .clicked()
        {
            push_conclusion(panel, book, meeting, commands);
        }
    });
    for c in book
        .conclusions
        .iter()
        .filter(|c| c.meeting_id == meeting.meeting_id)
    {
        let draft = panel.drafts.draft(&Record::Conclusion(c.clone()));
        let mut focus = false;
        if let Record::Conclusion(w) = &mut draft.work {
            ui.horizontal(|ui| {
                ui.label(bold(format!("{}.", c.number)).size(16.0));
                ui.add(
                    egui::TextEdit::singleline(&mut w.heading)
                        .desired_width(ui.available_width() - 300.0)
                        .hint_text(lang.pick("Tiêu đề (nếu có)", "Heading (if any)")),
                )
                .on_hover_text(format!(
                    "{} {}",
                    lang.pick("Tiêu đề kết luận", "Heading of conclusion"),
                    c.number
                ));
                let key = (w.plan_id, w.period_id, w.set_id);
                let current = concerns
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_else(|| lang.pick("(nhiều mục)", "(several)").to_string());
                egui::ComboBox::from_id_salt(("concerns", c.conclusion_id))
                    .selected_text(shorten(&current, 28))
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        for (k, name) in &concerns {
                            if ui.selectable_label(*k == key, name).clicked() {
                                (w.plan_id, w.period_id, w.set_id) = *k;
                            }
                        }
                    })
                    .response
                    .on_hover_text(
                        lang.pick("Kết luận này liên quan tới", "This conclusion concerns"),
                    );
                if ui.small_button(lang.pick("Xóa", "Delete")).clicked() {
                    commands.push(Command::Edit(Edit::DeleteRecord {
                        kind: RecordKind::Conclusion,
                        id: c.conclusion_id,
                    }));
                }
            });
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                let r = ui.add(
                    egui::TextEdit::multiline(&mut w.text)
                        .id(ui.make_persistent_id(("conclusion", c.conclusion_id)))
                        .hint_text(lang.pick("Nội dung kết luận…", "What was concluded…"))
                        .desired_rows(2)
                        .desired_width(ui.available_width() - 90.0),
                );
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::TextInput,
                        true,
                        format!("{} {}", lang.pick("Kết luận", "Conclusion"), c.number),
                    )
                });
                if panel.focus_next == Some(c.conclusion_id) {
                    r.request_focus();
                    focus = true;
                }
            });
        }
        if focus {
            panel.focus_next = None;
        }
        draft.error_ui(ui);
    }
}
