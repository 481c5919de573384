//! An open document and what the panels show of it. The view is read from the file when
//! the document opens and after each change, never while drawing a frame.

use chrono::{DateTime, Local};

use crate::demo::DEMO_SETTING;
use crate::domain::meeting::MeetingBook;
use crate::domain::org::{Body, Person, Unit};
use crate::domain::progress::PlanBook;
use crate::store::{Counts, SetOverview, Store, StoreError};

#[derive(Debug, Clone, Default)]
pub struct DocView {
    pub body: Option<Body>,
    /// In official order, retired units included.
    pub units: Vec<Unit>,
    pub people: Vec<Person>,
    pub plans: PlanBook,
    pub sets: Vec<SetOverview>,
    /// Every evaluation model, with or without a criteria set.
    pub models: Vec<crate::domain::scoring::Model>,
    pub meetings: MeetingBook,
    pub counts: Counts,
    pub is_demo: bool,
    /// The newest rows of the audit log, as sentences (read once, not at every frame: a row
    /// may hold a whole import).
    pub audit: Vec<AuditLine>,
    /// Changes on every load, so panels can cache what they derive from the view.
    pub revision: u64,
}

static REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl DocView {
    pub fn load(store: &Store) -> Result<DocView, StoreError> {
        let mut people = store.people()?;
        crate::domain::org::sort_people(&mut people);
        Ok(DocView {
            body: Some(store.body()?),
            units: store.units()?,
            people,
            plans: store.plan_book()?,
            sets: store.sets_overview()?,
            models: store.models()?,
            meetings: store.meeting_book()?,
            counts: store.counts()?,
            is_demo: store.setting(DEMO_SETTING)?.as_deref() == Some("1"),
            audit: audit_lines(store)?,
            revision: REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    pub fn unit_name(&self, unit_id: uuid::Uuid) -> Option<&str> {
        self.units
            .iter()
            .find(|u| u.unit_id == unit_id)
            .map(|u| u.name.as_str())
    }
}

pub struct Document {
    pub store: Store,
    pub view: DocView,
    /// When the last change was written to the file.
    pub last_saved: Option<DateTime<Local>>,
}

impl Document {
    pub fn new(store: Store) -> Result<Document, StoreError> {
        let view = DocView::load(&store)?;
        Ok(Document {
            store,
            view,
            last_saved: None,
        })
    }

    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.view = DocView::load(&self.store)?;
        Ok(())
    }
}

/// A row of the audit log as the settings show it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditLine {
    /// RFC 3339, as stored.
    pub at: String,
    pub who: String,
    /// The sentence in each language ([`crate::domain::audit::sentence`]).
    pub vi: String,
    pub en: String,
}

fn audit_lines(store: &Store) -> Result<Vec<AuditLine>, crate::store::StoreError> {
    use crate::domain::audit::sentence;
    use crate::domain::lang::Lang;
    let names = store.audit_names()?;
    Ok(store
        .audit_tail(15)?
        .into_iter()
        .map(|e| {
            let facts = e.facts();
            AuditLine {
                vi: sentence(&facts, &names, Lang::Vi),
                en: sentence(&facts, &names, Lang::En),
                at: e.at,
                who: e.who,
            }
        })
        .collect())
}
