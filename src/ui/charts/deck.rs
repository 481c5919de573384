//! A meeting's deck in the Charts panel: its slides (saved, or the default ones) moved, taken
//! out, titled or replaced by the chart shown; presenting and exporting it.

use super::*;

pub(super) fn deck_ui(
    ui: &mut egui::Ui,
    panel: &mut ChartsPanel,
    doc: &Document,
    resolved: &ChartSpec,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let book = &doc.view.meetings;
    if panel.meeting.is_none_or(|id| book.meeting(id).is_none()) {
        panel.meeting = book.meetings.first().map(|m| m.meeting_id);
    }
    let heading = ui.label(
        RichText::new(lang.pick("Bộ trình chiếu của cuộc họp", "A meeting's deck"))
            .strong()
            .size(16.0),
    );
    let Some(meeting) = panel.meeting.and_then(|id| book.meeting(id)).cloned() else {
        ui.label(lang.pick(
            "Chưa có cuộc họp nào: thêm cuộc họp ở mục Họp giao ban.",
            "No meeting yet: add one under Briefing meetings.",
        ));
        return;
    };
    let fit = fits_combo(ui, 310.0);
    let title = |m: &crate::domain::meeting::Meeting| {
        fit(&format!("{} · {}", display_day(m.held_on), m.title))
    };
    egui::ComboBox::from_id_salt("deck-meeting")
        .width(310.0)
        .selected_text(title(&meeting))
        .show_ui(ui, |ui| {
            for m in &book.meetings {
                if ui
                    .selectable_label(m.meeting_id == meeting.meeting_id, title(m))
                    .clicked()
                {
                    panel.meeting = Some(m.meeting_id);
                }
            }
        })
        .response
        .labelled_by(heading.id);
    load_deck(panel, doc, &meeting);
    let Some((mut slides, saved)) = panel.deck.as_ref().map(|d| (d.slides.clone(), d.saved)) else {
        return;
    };
    if !saved {
        ui.add(egui::Label::new(
            RichText::new(lang.pick(
                "Bộ mặc định (chưa sửa): xếp hạng và bản đồ nhiệt của tháng gần nhất đã chấm trước cuộc họp, diễn biến cả năm, công nhận, chỉ tiêu, việc được giao.",
                "The default deck (not edited): ranking and heatmap of the latest month scored before the meeting, the year's trend, recognition, targets, action items.",
            ))
            .weak(),
        ).wrap());
    }
    let mut changed = false;
    let (chosen, action) = slide_list_ui(ui, panel, &slides, lang);
    if let Some((i, step)) = action {
        match step {
            0 => {
                slides.remove(i);
            }
            -1 => slides.swap(i, i - 1),
            _ => slides.swap(i, i + 1),
        }
        changed = true;
    }
    changed |= chosen_slide_ui(ui, panel, &mut slides, resolved, lang);
    if ui
        .button(lang.pick(
            "Thêm biểu đồ đang xem vào bộ trình chiếu",
            "Add the chart shown to the deck",
        ))
        .clicked()
    {
        slides.push(Slide {
            slide_id: Uuid::new_v4(),
            title: String::new(),
            spec: resolved.clone(),
        });
        changed = true;
    }
    if saved
        && ui
            .button(lang.pick("Trở về bộ mặc định", "Back to the default deck"))
            .clicked()
    {
        slides.clear();
        changed = true;
    }
    if changed {
        commands.push(Command::Edit(Edit::SetDeck {
            meeting_id: meeting.meeting_id,
            slides: slides.clone(),
        }));
    }
    if let Some(spec) = chosen {
        panel.spec = spec;
    }
    ui.add_space(6.0);
    deck_buttons(ui, meeting.meeting_id, lang, false, commands);
}

/// The deck shown: the meeting's saved slides, or its default deck; read again when the file
/// changes or another meeting is chosen.
fn load_deck(panel: &mut ChartsPanel, doc: &Document, meeting: &crate::domain::meeting::Meeting) {
    let revision = doc.view.revision;
    if panel
        .deck
        .as_ref()
        .is_none_or(|d| d.revision != revision || d.meeting_id != meeting.meeting_id)
    {
        let saved = doc.store.slides(meeting.meeting_id).unwrap_or_default();
        let (slides, saved) = if saved.is_empty() {
            (
                crate::charts::deck::default_for(&doc.store, meeting).unwrap_or_default(),
                false,
            )
        } else {
            (saved, true)
        };
        panel.deck = Some(DeckView {
            revision,
            meeting_id: meeting.meeting_id,
            slides,
            saved,
        });
    }
}

/// The slides, one a row: choose one, move it up or down, remove it. What was chosen and what
/// was asked (a slide's index and -1 up, 1 down, 0 remove).
fn slide_list_ui(
    ui: &mut egui::Ui,
    panel: &mut ChartsPanel,
    slides: &[Slide],
    lang: Lang,
) -> (Option<ChartSpec>, Option<(usize, i32)>) {
    let mut chosen: Option<ChartSpec> = None;
    let count = slides.len();
    let mut action: Option<(usize, i32)> = None;
    egui::Grid::new("deck-slides")
        .num_columns(4)
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            for (i, s) in slides.iter().enumerate() {
                {
                    let name = if s.title.is_empty() {
                        s.spec.kind.label(lang).to_string()
                    } else {
                        s.title.clone()
                    };
                    if ui
                        .add_sized(
                            [156.0, 22.0],
                            egui::Button::selectable(
                                panel.slide == Some(s.slide_id),
                                format!("{}. {}", i + 1, shorten(&name, 20)),
                            )
                            .truncate(),
                        )
                        .on_hover_text(format!(
                            "{name}\n{}",
                            lang.pick(
                                "Bấm để xem trang này, sửa tiêu đề hoặc thay biểu đồ của nó",
                                "Click to see this slide, edit its title or replace its chart",
                            )
                        ))
                        .clicked()
                    {
                        chosen = Some(s.spec.clone());
                        panel.slide = Some(s.slide_id);
                        panel.slide_title = s.title.clone();
                    }
                    if ui
                        .add_enabled(i > 0, egui::Button::new(lang.pick("Lên", "Up")).small())
                        .on_hover_text(lang.pick("Chuyển trang lên trước", "Move up"))
                        .clicked()
                    {
                        action = Some((i, -1));
                    }
                    if ui
                        .add_enabled(
                            i + 1 < count,
                            egui::Button::new(lang.pick("Xuống", "Down")).small(),
                        )
                        .on_hover_text(lang.pick("Chuyển trang xuống sau", "Move down"))
                        .clicked()
                    {
                        action = Some((i, 1));
                    }
                    if ui
                        .add(egui::Button::new(lang.pick("Bỏ", "Remove")).small())
                        .on_hover_text(lang.pick("Bỏ trang này", "Remove this slide"))
                        .clicked()
                    {
                        action = Some((i, 0));
                    }
                    ui.end_row();
                }
            }
        });
    (chosen, action)
}

/// The chosen slide: its title, or its chart replaced by the one shown. Whether it changed.
fn chosen_slide_ui(
    ui: &mut egui::Ui,
    panel: &mut ChartsPanel,
    slides: &mut [Slide],
    resolved: &ChartSpec,
    lang: Lang,
) -> bool {
    let mut changed = false;
    if let Some(k) = panel
        .slide
        .and_then(|id| slides.iter().position(|s| s.slide_id == id))
    {
        ui.horizontal(|ui| {
            let label = ui.label(lang.pick("Tiêu đề trang", "Slide title"));
            let r = ui
                .add_sized(
                    [220.0, 22.0],
                    egui::TextEdit::singleline(&mut panel.slide_title)
                        .hint_text(lang.pick("(tiêu đề của biểu đồ)", "(the chart's title)")),
                )
                .labelled_by(label.id);
            if r.lost_focus() && panel.slide_title.trim() != slides[k].title {
                slides[k].title = panel.slide_title.trim().to_string();
                changed = true;
            }
        });
        if slides[k].spec != panel.spec
            && ui
                .button(lang.pick(
                    "Thay trang này bằng biểu đồ đang xem",
                    "Replace this slide with the chart shown",
                ))
                .clicked()
        {
            slides[k].spec = resolved.clone();
            changed = true;
        }
    }
    changed
}

/// Present a meeting's deck (in its own window or this one), export it as PDF, and — from
/// the Meetings panel — open it in the Charts panel.
pub fn deck_buttons(
    ui: &mut egui::Ui,
    meeting_id: Uuid,
    lang: Lang,
    with_edit: bool,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(RichText::new(lang.pick("Trình chiếu", "Present")).strong())
            .on_hover_text(lang.pick(
                "Màn hình khán giả ở cửa sổ riêng (kéo sang máy chiếu), màn hình người trình bày ở đây",
                "The audience view in its own window (move it to the projector), the presenter view here",
            ))
            .clicked()
        {
            commands.push(Command::Present {
                meeting_id,
                single_window: false,
            });
        }
        if ui
            .button(lang.pick("Trình chiếu một cửa sổ", "Present in this window"))
            .clicked()
        {
            commands.push(Command::Present {
                meeting_id,
                single_window: true,
            });
        }
        if with_edit
            && ui
                .button(lang.pick("Sửa bộ trình chiếu…", "Edit the deck…"))
                .clicked()
        {
            commands.push(Command::EditDeck { meeting_id });
        }
        if ui
            .button(lang.pick("Xuất bộ trình chiếu PDF…", "Export the deck as PDF…"))
            .clicked()
        {
            commands.push(Command::DeckExportDialog { meeting_id });
        }
    });
}
