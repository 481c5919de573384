//! Units & settings: the body, its units, its people, the interface language and the name
//! written into the audit log.

use chrono::NaiveDate;
use uuid::Uuid;

use super::fonts::bold;

mod audit;
mod body;
mod people;
mod preferences;
mod units;

use self::audit::audit_ui;
use self::body::body_ui;
use self::people::people_ui;
use self::preferences::preferences_ui;
use self::units::units_ui;
use crate::app::Command;
use crate::app::document::Document;
use crate::app::prefs::Prefs;
use crate::domain::lang::Lang;
use crate::domain::org::{Body, BodyKind, UnitKind, UnitOrder};

/// UI-local state of the panel: edit buffers and the unit filter.
pub struct SettingsPanel {
    body_synced: Option<Body>,
    pub body_name: String,
    pub body_kind: BodyKind,
    pub body_parent: String,
    pub new_unit_name: String,
    pub new_unit_kind: UnitKind,
    /// The new unit's first day as typed ("22/11/2026"); `None` until the form is first
    /// drawn (then today); empty: there from the start.
    pub new_unit_since: Option<String>,
    /// Why the new unit's day cannot be read.
    pub unit_problem: Option<String>,
    pub unit_search: String,
    pub order: UnitOrder,
    pub show_retired: bool,
    /// The unit being renamed and the name typed so far.
    pub renaming: Option<(Uuid, String)>,
    /// A unit just added: the list scrolls to it once it appears.
    scroll_to: Option<Uuid>,
    pub new_person_name: String,
    pub new_person_title: String,
    pub new_person_unit: Option<Uuid>,
    pub editing_person: Option<PersonEdit>,
    pub user_name: Option<String>,
    /// Rows shown, cached until the document, the order or the filter changes.
    row_cache: Option<(RowKey, Vec<usize>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonEdit {
    pub person_id: Uuid,
    pub name: String,
    pub title: String,
    pub unit_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq)]
struct RowKey {
    revision: u64,
    order: UnitOrder,
    search: String,
    show_retired: bool,
}

impl Default for SettingsPanel {
    fn default() -> Self {
        Self {
            body_synced: None,
            body_name: String::new(),
            body_kind: BodyKind::District,
            body_parent: String::new(),
            new_unit_name: String::new(),
            new_unit_kind: UnitKind::Ward,
            new_unit_since: None,
            unit_problem: None,
            unit_search: String::new(),
            order: UnitOrder::Official,
            show_retired: true,
            renaming: None,
            scroll_to: None,
            new_person_name: String::new(),
            new_person_title: String::new(),
            new_person_unit: None,
            editing_person: None,
            user_name: None,
            row_cache: None,
        }
    }
}

/// A text field with a visible label that also names it for screen readers and tests.
fn labelled_text(ui: &mut egui::Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    let label = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(width))
        .labelled_by(label.id)
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(14.0);
    ui.label(bold(title).size(18.0));
    ui.add_space(4.0);
}

#[allow(clippy::too_many_arguments)] // one call site; a struct would only rename the arguments
pub fn settings_ui(
    ui: &mut egui::Ui,
    panel: &mut SettingsPanel,
    doc: &Document,
    prefs: &Prefs,
    audit_name: &str,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .id_salt("settings-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(lang.pick("Đơn vị & cài đặt", "Units & settings"));
            ui.columns(2, |columns| {
                body_ui(&mut columns[0], panel, doc, lang, commands);
                preferences_ui(&mut columns[1], panel, prefs, audit_name, lang, commands);
            });
            units_ui(ui, panel, doc, lang, today, commands);
            people_ui(ui, panel, doc, lang, commands);
            audit_ui(ui, doc, lang);
        });
}
