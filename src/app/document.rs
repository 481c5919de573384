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
    pub audit: Vec<crate::store::AuditEntry>,
    /// The names the audit rows refer to by id.
    pub audit_names: crate::domain::audit::Names,
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
            audit: store.audit_tail(30)?,
            audit_names: store.audit_names()?,
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
