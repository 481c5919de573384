//! Applying an edit: one transaction that validates, writes, and records its audit row.

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, TransactionBehavior, params};
use serde_json::Value;
use uuid::Uuid;

use super::error::StoreError;
use super::{Access, Store};
use crate::domain::edit::Edit;

/// Why an edit is applied: by the person, or by Undo / Redo (written into the audit log).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Do,
    /// Undoes the edit whose action is `of` (the audit row says "undo:add_unit", not the
    /// name of the inverse edit).
    Undo {
        of: &'static str,
    },
    Redo,
}

/// The audit row's content.
pub(super) struct Audit {
    pub(super) entity: &'static str,
    pub(super) entity_uuid: Option<Uuid>,
    pub(super) before: Option<Value>,
    pub(super) after: Option<Value>,
}

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Option<Value> {
    serde_json::to_value(value).ok()
}

impl Store {
    /// Applies `edit` in one transaction with its audit row, and returns the edit that undoes
    /// it. Nothing is written when the edit is refused.
    pub fn apply(
        &mut self,
        edit: &Edit,
        who: &str,
        at: DateTime<Utc>,
        origin: Origin,
    ) -> Result<Edit, StoreError> {
        let mut inverses = self.apply_all(std::slice::from_ref(edit), who, at, origin)?;
        inverses
            .pop()
            .ok_or(StoreError::Internal("an edit without its inverse"))
    }

    /// Applies `edits` in one transaction, each with its audit row: all of them, or, when one
    /// is refused, none (a list of units imported, say). Returns their inverses in order.
    pub fn apply_all(
        &mut self,
        edits: &[Edit],
        who: &str,
        at: DateTime<Utc>,
        origin: Origin,
    ) -> Result<Vec<Edit>, StoreError> {
        if let Access::ReadOnly(reason) = self.access {
            return Err(StoreError::ReadOnly(reason));
        }
        let now = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        // IMMEDIATE: the write lock is taken first, so a second writer (another window on a
        // hard link, another PC on a share) waits for this one instead of failing at once.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            let (inverse, audit) = apply_in(&tx, edit, &now)?;
            let action = match origin {
                Origin::Do => edit.action().to_string(),
                Origin::Undo { of } => format!("undo:{of}"),
                Origin::Redo => format!("redo:{}", edit.action()),
            };
            tx.execute(
                "INSERT INTO audit_log (at, who, action, entity, entity_uuid, before, after)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    now,
                    who,
                    action,
                    audit.entity,
                    audit.entity_uuid.map(|u| u.to_string()),
                    audit.before.map(|v| v.to_string()),
                    audit.after.map(|v| v.to_string()),
                ],
            )?;
            inverses.push(inverse);
        }
        tx.commit()?;
        Ok(inverses)
    }
}

/// Sends an edit to the writer of what it changes.
fn apply_in(tx: &Transaction, edit: &Edit, now: &str) -> Result<(Edit, Audit), StoreError> {
    match edit {
        Edit::SetScore { .. }
        | Edit::SetScores { .. }
        | Edit::SetCellNote { .. }
        | Edit::ChangePeriod { .. }
        | Edit::RestorePeriodStatus { .. } => super::scores::apply_scoring(tx, edit, now),
        Edit::ApplyReturned { .. } => super::returned::apply_returned(tx, edit, now),
        Edit::MergeCopy { .. } => super::returned::merge_copy(tx, edit, now),
        Edit::CreateCriteriaSet { .. }
        | Edit::DeleteCriteriaSet { .. }
        | Edit::SetCriteriaSet { .. }
        | Edit::CreatePeriod { .. }
        | Edit::DeletePeriod { .. }
        | Edit::FillPeriod { .. }
        | Edit::ClearPeriod { .. } => super::criteria::apply_criteria(tx, edit, now),
        Edit::SaveRecord { .. } | Edit::DeleteRecord { .. } => {
            super::records::apply_records(tx, edit, now)
        }
        Edit::SetDeck { .. } => super::deck::apply_deck(tx, edit, now),
        Edit::SetBody { .. }
        | Edit::AddUnit { .. }
        | Edit::DeleteUnit { .. }
        | Edit::RenameUnit { .. }
        | Edit::SetUnitKind { .. }
        | Edit::MoveUnit { .. }
        | Edit::RetireUnit { .. }
        | Edit::RestoreUnit { .. }
        | Edit::AddPerson { .. }
        | Edit::UpdatePerson { .. }
        | Edit::SetPersonActive { .. }
        | Edit::DeletePerson { .. } => super::org::apply_org(tx, edit, now),
    }
}
