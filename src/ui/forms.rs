//! Editing records in place: a working copy per record, saved as one edit when the person
//! leaves the field (or releases the mouse); fields typed as text (dates, deadlines, numbers)
//! parsed on the way; a unit chosen by typing part of its name, accents optional.

use std::collections::HashMap;

use egui::{Color32, RichText};
use uuid::Uuid;

use crate::app::Command;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::org::Unit;
use crate::domain::record::{Record, check_record};
use crate::domain::text::Search;

/// A record being edited: the copy on screen, the stored one, the last one sent.
pub struct Draft {
    pub work: Record,
    stored: Record,
    submitted: Record,
    /// Why the last change was not saved.
    pub error: Option<String>,
    /// Text of fields typed as text, by field name.
    pub texts: HashMap<&'static str, String>,
    /// A typed field that does not parse: nothing is saved until it is mended.
    pub bad_text: Option<String>,
}

impl Draft {
    fn new(record: &Record) -> Draft {
        Draft {
            work: record.clone(),
            stored: record.clone(),
            submitted: record.clone(),
            error: None,
            texts: HashMap::new(),
            bad_text: None,
        }
    }

    /// The text of a typed field, initialised from the record's value.
    pub fn text(&mut self, key: &'static str, initial: impl FnOnce() -> String) -> &mut String {
        self.texts.entry(key).or_insert_with(initial)
    }

    /// Shows why the record is not saved, if it is not.
    pub fn error_ui(&self, ui: &mut egui::Ui) {
        if let Some(e) = self.bad_text.as_ref().or(self.error.as_ref()) {
            ui.colored_label(Color32::from_rgb(180, 20, 20), e);
        }
    }
}

/// The drafts of one panel, dropped whenever the document changes (they are made again from
/// the file; nothing is lost because a draft is saved before the person moves on).
#[derive(Default)]
pub struct Drafts {
    map: HashMap<Uuid, Draft>,
    revision: u64,
}

impl Drafts {
    pub fn sync(&mut self, revision: u64) {
        if self.revision != revision {
            // Keep only the drafts the person is still mending (a refused value stays on
            // screen with its reason); the others are made again from the file.
            self.map
                .retain(|_, d| d.bad_text.is_some() || d.error.is_some());
            self.revision = revision;
        }
    }

    pub fn draft(&mut self, record: &Record) -> &mut Draft {
        self.map
            .entry(record.id())
            .or_insert_with(|| Draft::new(record))
    }

    /// Sends the changed drafts as edits when nobody is typing or dragging.
    pub fn commit(&mut self, ctx: &egui::Context, lang: Lang, commands: &mut Vec<Command>) {
        if ctx.egui_wants_keyboard_input() || ctx.egui_is_using_pointer() {
            return;
        }
        for d in self.map.values_mut() {
            if d.work == d.submitted || d.bad_text.is_some() {
                continue;
            }
            d.submitted = d.work.clone();
            match check_record(&d.work) {
                Ok(clean) => {
                    d.error = None;
                    if clean != d.stored {
                        commands.push(Command::Edit(Edit::SaveRecord {
                            record: Box::new(clean),
                        }));
                    }
                }
                Err(e) => d.error = Some(e.message(lang)),
            }
        }
    }
}

/// A text field whose content must parse; returns the parsed value when it does, and
/// records why not in `bad`.
pub fn typed_field<T>(
    ui: &mut egui::Ui,
    text: &mut String,
    width: f32,
    hint: &str,
    parse: impl Fn(&str) -> Result<T, String>,
    bad: &mut Option<String>,
) -> (egui::Response, Option<T>) {
    // Sized, not "desired": inside a grid a text field would shrink to the column.
    let response = ui.add_sized(
        [width, 22.0],
        egui::TextEdit::singleline(text).hint_text(hint),
    );
    match parse(text) {
        Ok(v) => {
            *bad = None;
            (response, Some(v))
        }
        Err(e) => {
            *bad = Some(e);
            (response, None)
        }
    }
}

/// State of the unit pickers of a panel: the text typed in each, and whether its list of
/// matches is open.
#[derive(Default)]
pub struct UnitPick {
    texts: HashMap<egui::Id, (String, bool)>,
}

/// Chooses a unit by typing part of its name (accents optional): the matches show under the
/// field, Enter takes the first, a click takes any, Escape gives up. Returns true when the
/// choice changed.
pub fn unit_picker(
    ui: &mut egui::Ui,
    pick: &mut UnitPick,
    id: egui::Id,
    value: &mut Option<Uuid>,
    units: &[Unit],
    width: f32,
    lang: Lang,
) -> bool {
    let name_of = |v: Option<Uuid>| {
        v.and_then(|v| units.iter().find(|u| u.unit_id == v))
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let current = name_of(*value);
    let (text, open) = pick
        .texts
        .entry(id)
        .or_insert_with(|| (current.clone(), false));
    let focused = ui.memory(|m| m.has_focus(id));
    if !*open && *text != current && !focused {
        *text = current.clone();
    }
    // Resting, a name too long for the field ends with "…" ("Văn phòng HĐND và UBND q…");
    // the whole name is there to edit once the field has the cursor.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut resting = (!*open && !focused)
        .then(|| crate::ui::widgets::fit_text(ui.ctx(), text, &font, width - 12.0))
        .filter(|shown| shown != text);
    let response = ui
        .add_sized(
            [width, 22.0],
            egui::TextEdit::singleline(resting.as_mut().unwrap_or(text))
                .id(id)
                .hint_text(lang.pick("gõ tên đơn vị", "type a unit's name")),
        )
        .on_hover_text(if current.is_empty() {
            lang.pick(
                "Đơn vị: gõ một phần tên (không cần dấu), Enter để chọn",
                "Unit: type part of its name (accents optional), Enter chooses",
            )
            .to_string()
        } else {
            current.clone()
        });
    if resting.is_some() && response.changed() {
        // Typed into the shortened name in the frame it got the cursor: start from the whole.
        *open = true;
    }
    if response.changed() {
        *open = true;
    }
    let mut chosen: Option<Option<Uuid>> = None;
    if *open {
        let search = Search::new(text);
        let matches: Vec<&Unit> = units
            .iter()
            .filter(|u| u.retired_on.is_none() && search.matches(&u.name))
            .take(8)
            .collect();
        let (enter, escape) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        // Left otherwise (Tab, a click elsewhere, a shortcut): what the field shows is what is
        // saved when it names one unit (its whole name, or the only one that matches); else
        // the offers stay, to click one.
        let exact = || {
            let typed = crate::domain::text::fold(text.trim());
            let whole: Vec<&Unit> = matches
                .iter()
                .copied()
                .filter(|u| crate::domain::text::fold(&u.name) == typed)
                .collect();
            match (whole.as_slice(), matches.as_slice()) {
                ([one], _) | ([], [one]) => Some(one.unit_id),
                _ => None,
            }
        };
        if escape {
            *open = false;
            *text = current.clone();
        } else if enter && (response.has_focus() || response.lost_focus()) {
            chosen = Some(if text.trim().is_empty() {
                None
            } else {
                matches.first().map(|u| u.unit_id).or(*value)
            });
        } else if response.lost_focus() && text.trim().is_empty() {
            chosen = Some(None);
        } else if let Some(unit) = response.lost_focus().then(exact).flatten() {
            chosen = Some(Some(unit));
        } else {
            ui.horizontal_wrapped(|ui| {
                for u in &matches {
                    if ui.small_button(&u.name).clicked() {
                        chosen = Some(Some(u.unit_id));
                    }
                }
                if matches.is_empty() {
                    ui.label(
                        RichText::new(lang.pick("không có đơn vị nào khớp", "no unit matches"))
                            .weak(),
                    );
                }
            });
        }
    }
    match chosen {
        Some(v) => {
            let changed = v != *value;
            *value = v;
            pick.texts.insert(id, (name_of(v), false));
            changed
        }
        None => false,
    }
}
