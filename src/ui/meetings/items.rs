//! Action items: a meeting's own (added, closed, deleted in place), the ones carried over,
//! and the follow-up list of every open item, overdue first.
use super::*;

#[allow(clippy::too_many_arguments)]
pub(super) fn actions_ui(
    ui: &mut egui::Ui,
    panel: &mut MeetingsPanel,
    doc: &Document,
    book: &MeetingBook,
    meeting: &Meeting,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label(bold(lang.pick("Giao nhiệm vụ", "Action items")).size(16.0));
        if ui
            .button(lang.pick(
                "Thêm việc giao (Ctrl+Shift+Enter)",
                "Add action item (Ctrl+Shift+Enter)",
            ))
            .clicked()
        {
            push_action(panel, meeting, None, commands);
        }
    });
    let items: Vec<&ActionItem> = book
        .actions
        .iter()
        .filter(|a| a.meeting_id == meeting.meeting_id)
        .collect();
    items_table(
        ui,
        panel,
        doc,
        book,
        &items,
        lang,
        today,
        today,
        commands,
        lang.pick("Việc giao", "Action item"),
    );
}

/// The width of the state column: its chip and date, what was done, the buttons.
const STATUS_WIDTH: f32 = 230.0;

/// Action items as editable rows: unit, what, deadline, status, and closing.
#[allow(clippy::too_many_arguments)]
pub(super) fn items_table(
    ui: &mut egui::Ui,
    panel: &mut MeetingsPanel,
    doc: &Document,
    book: &MeetingBook,
    items: &[&ActionItem],
    lang: Lang,
    as_of: NaiveDate,
    today: NaiveDate,
    commands: &mut Vec<Command>,
    salt: &str,
) {
    if items.is_empty() {
        ui.label(RichText::new(lang.pick("Chưa có việc nào.", "No item yet.")).weak());
        return;
    }
    // Unit (190), deadline (100), state (STATUS_WIDTH) and the spacing: the rest is the text's.
    let item_width =
        (ui.available_width() - 190.0 - 100.0 - STATUS_WIDTH - 60.0).clamp(240.0, 520.0);
    egui::Grid::new(("items", salt))
        .striped(true)
        .num_columns(4)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for h in [
                lang.pick("Đơn vị", "Unit"),
                lang.pick("Nội dung", "What"),
                lang.pick("Thời hạn", "Deadline"),
                lang.pick("Trạng thái", "Status"),
            ] {
                ui.label(bold(h));
            }
            ui.end_row();
            for (n, a) in items.iter().enumerate() {
                let draft = panel.drafts.draft(&Record::Action((*a).clone()));
                let mut deadline_text = draft
                    .text("deadline", || {
                        a.deadline.map(|d| d.display(lang)).unwrap_or_default()
                    })
                    .clone();
                let mut bad = None;
                let unit_field = ui.make_persistent_id(("action-unit", a.action_id));
                if let Record::Action(w) = &mut draft.work {
                    let mut unit = w.unit_id;
                    ui.vertical(|ui| {
                        if unit_picker(
                            ui,
                            &mut panel.picks,
                            unit_field,
                            &mut unit,
                            &doc.view.units,
                            190.0,
                            lang,
                        ) {
                            w.unit_id = unit;
                        }
                    });
                    let r = ui.add_sized(
                        [item_width, 62.0],
                        egui::TextEdit::multiline(&mut w.text)
                            .id(ui.make_persistent_id(("action-text", a.action_id)))
                            .hint_text(lang.pick("Việc được giao…", "What is to be done…")),
                    );
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            format!("{salt} {}", n + 1),
                        )
                    });
                    if panel.focus_next == Some(a.action_id) {
                        ui.memory_mut(|m| m.request_focus(unit_field));
                        panel.focus_next = None;
                    }
                    let (r, d) = typed_field(
                        ui,
                        &mut deadline_text,
                        100.0,
                        lang.pick("01/2018, Quý I/2018", "01/2018, Q1 2018"),
                        |s| Deadline::parse_optional(s).map_err(|e| e.message(lang)),
                        &mut bad,
                    );
                    r.on_hover_text(lang.pick("Thời hạn", "Deadline"));
                    if let Some(d) = d {
                        w.deadline = d;
                    }
                    let close =
                        state_cell(ui, a, w, book, panel.selected, n, as_of, lang, commands);
                    if close {
                        w.status = ActionStatus::Done;
                        w.completed_on = Some(today);
                    }
                    ui.end_row();
                }
                draft.texts.insert("deadline", deadline_text);
                draft.bad_text = bad;
                if draft.bad_text.is_some() || draft.error.is_some() {
                    ui.label("");
                    draft.error_ui(ui);
                    ui.end_row();
                }
            }
        });
}

pub(super) fn follow_up_ui(
    ui: &mut egui::Ui,
    panel: &mut MeetingsPanel,
    doc: &Document,
    book: &MeetingBook,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let open = book.open_actions(today);
    let overdue = open.iter().filter(|a| overdue_on(a, today)).count();
    ui.label(match lang {
        Lang::Vi => format!(
            "{} việc chưa hoàn thành tại ngày {}, trong đó {overdue} việc quá hạn (xếp trước).",
            open.len(),
            display_day(today)
        ),
        Lang::En => format!(
            "{} open items as of {}, {overdue} of them overdue (listed first).",
            open.len(),
            display_day(today)
        ),
    });
    egui::ScrollArea::vertical()
        .id_salt("follow-up")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            items_table(
                ui,
                panel,
                doc,
                book,
                &open,
                lang,
                today,
                today,
                commands,
                lang.pick("Việc", "Item"),
            );
        });
}

/// An item's state column: its chip and the day it was done, the meeting that gave it (when
/// not this one), what was done, and the buttons. True when *Hoàn thành* was pressed.
#[allow(clippy::too_many_arguments)]
fn state_cell(
    ui: &mut egui::Ui,
    a: &ActionItem,
    w: &mut ActionItem,
    book: &MeetingBook,
    selected: Option<uuid::Uuid>,
    n: usize,
    as_of: NaiveDate,
    lang: Lang,
    commands: &mut Vec<Command>,
) -> bool {
    let mut close = false;
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            chip(ui, &status_text(a, as_of, lang), action_color(a, as_of));
            if let Some(d) = a.completed_on {
                ui.label(display_day(d));
            }
        });
        // The meeting that gave the item, on its own line (it is not cut).
        if book
            .meeting(a.meeting_id)
            .is_some_and(|m| Some(m.meeting_id) != selected)
        {
            ui.label(
                RichText::new(format!(
                    "({} {})",
                    lang.pick("họp", "meeting"),
                    book.meeting(a.meeting_id)
                        .map(|m| display_day(m.held_on))
                        .unwrap_or_default()
                ))
                .weak(),
            );
        }
        // What was done, on a line of its own under the state, so the row
        // stays inside a 1366-pixel window.
        if a.completed_on.is_some() {
            let note = ui
                .add_sized(
                    [STATUS_WIDTH, 22.0],
                    egui::TextEdit::singleline(&mut w.completion_note)
                        .hint_text(lang.pick("kết quả thực hiện", "what was done")),
                )
                .on_hover_text(lang.pick("Ghi chú hoàn thành", "Completion note"));
            note.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    format!(
                        "{} {}",
                        lang.pick("Kết quả thực hiện", "What was done"),
                        n + 1
                    ),
                )
            });
        }
        ui.horizontal(|ui| {
            match a.status {
                ActionStatus::Open => {
                    close = ui
                        .button(lang.pick("Hoàn thành", "Done"))
                        .on_hover_text(
                            lang.pick("Ghi nhận hoàn thành hôm nay", "Record it as done today"),
                        )
                        .clicked();
                }
                _ => {
                    if ui.small_button(lang.pick("Mở lại", "Reopen")).clicked() {
                        w.status = ActionStatus::Open;
                        w.completed_on = None;
                    }
                }
            }
            if ui.small_button(lang.pick("Xóa", "Delete")).clicked() {
                commands.push(Command::Edit(Edit::DeleteRecord {
                    kind: RecordKind::Action,
                    id: a.action_id,
                }));
            }
        });
    });
    close
}
