//! Every change a person can make to a document, as plain data. The store applies an edit in
//! one transaction, writes its audit row and returns the edit that undoes it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::criteria::{FilledCell, SetDefinition};
use super::lang::Lang;
use super::org::{BodyKind, UnitKind};
use super::record::{Record, RecordKind};
use super::results::{Transition, Which};
use super::scoring::PeriodStatus;

/// One cell's new value in a block of scores (a paste, an import).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellValue {
    pub unit_id: Uuid,
    pub criterion_id: Uuid,
    /// The raw value (points, 1/0, a rate in %, a count); `None` clears the cell.
    pub value: Option<f64>,
}

/// One cell of a ward's self-assessment as it is brought in from a returned form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnedCell {
    pub criterion_id: Uuid,
    pub value: Option<f64>,
    pub evidence: String,
    pub note: String,
}

/// One cell of a returned copy of the document, as it is brought in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyCell {
    pub period_id: Uuid,
    pub which: Which,
    pub cell: CellValue,
}

/// One cell's note and evidence from a returned copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyNote {
    pub period_id: Uuid,
    pub unit_id: Uuid,
    pub criterion_id: Uuid,
    pub note: String,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    SetBody {
        name: String,
        kind: BodyKind,
        parent_name: Option<String>,
    },
    /// Adds a unit; `position` is its place in the official order (`None`: at the end).
    AddUnit {
        unit_id: Uuid,
        name: String,
        kind: UnitKind,
        position: Option<usize>,
        /// The day it joined; `None` when it was there from the start.
        joined_on: Option<chrono::NaiveDate>,
    },
    /// Removes a unit that has no history (only used to undo `AddUnit`; a unit with
    /// history is retired instead).
    DeleteUnit {
        unit_id: Uuid,
    },
    RenameUnit {
        unit_id: Uuid,
        name: String,
    },
    SetUnitKind {
        unit_id: Uuid,
        kind: UnitKind,
    },
    /// Moves a unit to `position` in the official order of all units.
    MoveUnit {
        unit_id: Uuid,
        position: usize,
    },
    RetireUnit {
        unit_id: Uuid,
        on: NaiveDate,
    },
    RestoreUnit {
        unit_id: Uuid,
    },
    AddPerson {
        person_id: Uuid,
        name: String,
        title: String,
        unit_id: Option<Uuid>,
    },
    UpdatePerson {
        person_id: Uuid,
        name: String,
        title: String,
        unit_id: Option<Uuid>,
    },
    SetPersonActive {
        person_id: Uuid,
        active: bool,
    },
    /// Removes a person with no meeting records (only used to undo `AddPerson`).
    DeletePerson {
        person_id: Uuid,
    },
    /// Sets (or clears) the self-score or the appraised score of one cell.
    SetScore {
        period_id: Uuid,
        which: Which,
        cell: CellValue,
    },
    /// Sets a block of cells at once: all or nothing.
    SetScores {
        period_id: Uuid,
        which: Which,
        cells: Vec<CellValue>,
    },
    SetCellNote {
        period_id: Uuid,
        unit_id: Uuid,
        criterion_id: Uuid,
        note: String,
    },
    /// A ward's returned self-assessment: self-scores, evidence and explanations of one
    /// unit's cells, from the file named `source`; all or nothing.
    ApplyReturned {
        period_id: Uuid,
        unit_id: Uuid,
        source: String,
        cells: Vec<ReturnedCell>,
    },
    /// What a copy of the document edited elsewhere changed in the scores since it was sent:
    /// cells of any period, unit and side, and notes; all or nothing.
    MergeCopy {
        source: String,
        cells: Vec<CopyCell>,
        notes: Vec<CopyNote>,
    },
    /// Finalizes, publishes or reopens (with a reason) a scoring period.
    ChangePeriod {
        period_id: Uuid,
        transition: Transition,
        reason: Option<String>,
    },
    /// Puts a period back to a status (only used to undo `ChangePeriod`).
    RestorePeriodStatus {
        period_id: Uuid,
        status: PeriodStatus,
    },
    /// Creates a criteria set for a model and year (empty, or copied from another year).
    CreateCriteriaSet {
        def: Box<SetDefinition>,
    },
    /// Removes a set that has no period (only used to undo `CreateCriteriaSet`).
    DeleteCriteriaSet {
        set_id: Uuid,
    },
    /// Replaces a set's title, decision, groups, criteria, bands and pass rule. Refused once a
    /// period of the set is finalized, and when a removed criterion has scores.
    SetCriteriaSet {
        def: Box<SetDefinition>,
    },
    /// Opens a scoring period (a month, or month 0 for a yearly model) as a draft.
    CreatePeriod {
        period_id: Uuid,
        set_id: Uuid,
        month: u32,
    },
    /// Removes an empty draft period (only used to undo `CreatePeriod`).
    DeletePeriod {
        period_id: Uuid,
    },
    /// Writes whole cells into an empty draft period ("start from last month").
    FillPeriod {
        period_id: Uuid,
        cells: Vec<FilledCell>,
    },
    /// Removes every cell of a draft period (only used to undo `FillPeriod`).
    ClearPeriod {
        period_id: Uuid,
    },
    /// Adds a plan, target, measurement, checklist entry, task or part of a meeting, or
    /// replaces it whole.
    SaveRecord {
        record: Box<Record>,
    },
    /// Deletes a record nothing else depends on.
    DeleteRecord {
        kind: RecordKind,
        id: Uuid,
    },
    /// Replaces a meeting's deck: its slides, in order (none: back to the default deck).
    SetDeck {
        meeting_id: Uuid,
        slides: Vec<super::chart::Slide>,
    },
}

impl Edit {
    /// Whether Ctrl+Z may reverse this edit. Finalizing a month is not undone: reopening it
    /// needs a reason for the audit log (*Mở lại*).
    pub fn can_be_undone(&self) -> bool {
        !matches!(
            self,
            Edit::ChangePeriod {
                transition: Transition::Finalize,
                ..
            }
        )
    }

    /// A stable name for the audit log.
    pub fn action(&self) -> &'static str {
        match self {
            Edit::SetBody { .. } => "set_body",
            Edit::AddUnit { .. } => "add_unit",
            Edit::DeleteUnit { .. } => "delete_unit",
            Edit::RenameUnit { .. } => "rename_unit",
            Edit::SetUnitKind { .. } => "set_unit_kind",
            Edit::MoveUnit { .. } => "move_unit",
            Edit::RetireUnit { .. } => "retire_unit",
            Edit::RestoreUnit { .. } => "restore_unit",
            Edit::AddPerson { .. } => "add_person",
            Edit::UpdatePerson { .. } => "update_person",
            Edit::SetPersonActive { .. } => "set_person_active",
            Edit::DeletePerson { .. } => "delete_person",
            Edit::SetScore { .. } => "set_score",
            Edit::SetScores { .. } => "set_scores",
            Edit::SetCellNote { .. } => "set_cell_note",
            Edit::ApplyReturned { .. } => "apply_returned",
            Edit::MergeCopy { .. } => "merge_copy",
            Edit::ChangePeriod { .. } => "change_period",
            Edit::RestorePeriodStatus { .. } => "restore_period_status",
            Edit::CreateCriteriaSet { .. } => "create_criteria_set",
            Edit::DeleteCriteriaSet { .. } => "delete_criteria_set",
            Edit::SetCriteriaSet { .. } => "set_criteria_set",
            Edit::CreatePeriod { .. } => "create_period",
            Edit::DeletePeriod { .. } => "delete_period",
            Edit::FillPeriod { .. } => "fill_period",
            Edit::ClearPeriod { .. } => "clear_period",
            Edit::SaveRecord { .. } => "save_record",
            Edit::DeleteRecord { .. } => "delete_record",
            Edit::SetDeck { .. } => "set_deck",
        }
    }

    /// What the edit does, for the Undo/Redo menu and notifications.
    pub fn describe(&self, lang: Lang) -> String {
        let s = |vi: &str, en: &str| lang.pick(vi, en).to_string();
        match self {
            Edit::SetBody { .. } => s("Sửa thông tin cơ quan", "Edit the body"),
            Edit::AddUnit { name, .. } => match lang {
                Lang::Vi => format!("Thêm đơn vị \"{name}\""),
                Lang::En => format!("Add unit \"{name}\""),
            },
            Edit::DeleteUnit { .. } => s("Xóa đơn vị", "Delete unit"),
            Edit::RenameUnit { name, .. } => match lang {
                Lang::Vi => format!("Đổi tên đơn vị thành \"{name}\""),
                Lang::En => format!("Rename unit to \"{name}\""),
            },
            Edit::SetUnitKind { .. } => s("Đổi loại đơn vị", "Change unit kind"),
            Edit::MoveUnit { .. } => s("Đổi thứ tự đơn vị", "Reorder units"),
            Edit::RetireUnit { .. } => s("Cho đơn vị thôi hoạt động", "Retire unit"),
            Edit::RestoreUnit { .. } => s("Khôi phục đơn vị", "Restore unit"),
            Edit::AddPerson { name, .. } => match lang {
                Lang::Vi => format!("Thêm người \"{name}\""),
                Lang::En => format!("Add person \"{name}\""),
            },
            Edit::UpdatePerson { .. } => s("Sửa thông tin người", "Edit person"),
            Edit::SetPersonActive { active: true, .. } => {
                s("Cho người tham gia lại", "Reactivate person")
            }
            Edit::SetPersonActive { active: false, .. } => {
                s("Đánh dấu không còn tham gia", "Mark person inactive")
            }
            Edit::DeletePerson { .. } => s("Xóa người", "Delete person"),
            Edit::SetScore { .. } => s("Nhập điểm", "Enter a score"),
            Edit::SetScores { cells, .. } => match lang {
                Lang::Vi => format!("Dán {} ô điểm", cells.len()),
                Lang::En => format!("Paste {} score cells", cells.len()),
            },
            Edit::SetCellNote { .. } => s("Ghi chú ô điểm", "Cell note"),
            Edit::ApplyReturned { source, cells, .. } => match lang {
                Lang::Vi => format!("Nhập bản trả về {source} ({} ô)", cells.len()),
                Lang::En => format!("Bring in the returned {source} ({} cells)", cells.len()),
            },
            Edit::MergeCopy {
                source,
                cells,
                notes,
            } => match lang {
                Lang::Vi => format!(
                    "Nhập bản sao trả về {source} ({} ô)",
                    cells.len() + notes.len()
                ),
                Lang::En => format!(
                    "Bring in the returned copy {source} ({} cells)",
                    cells.len() + notes.len()
                ),
            },
            Edit::ChangePeriod { transition, .. } => match transition {
                Transition::Finalize => s("Chốt kỳ chấm điểm", "Finalize the period"),
                Transition::Publish => s("Công bố kỳ chấm điểm", "Publish the period"),
                Transition::Reopen => s("Mở lại kỳ chấm điểm", "Reopen the period"),
            },
            Edit::RestorePeriodStatus { .. } => {
                s("Khôi phục trạng thái kỳ", "Restore period status")
            }
            Edit::CreateCriteriaSet { def } => match lang {
                Lang::Vi => format!("Tạo bộ tiêu chí năm {}", def.set.year),
                Lang::En => format!("Create the {} criteria set", def.set.year),
            },
            Edit::DeleteCriteriaSet { .. } => s("Xóa bộ tiêu chí", "Delete the criteria set"),
            Edit::SetCriteriaSet { .. } => s("Sửa bộ tiêu chí", "Edit the criteria set"),
            Edit::CreatePeriod { month, .. } => match lang {
                Lang::Vi => format!("Mở kỳ chấm điểm tháng {month}"),
                Lang::En => format!("Open the period of month {month}"),
            },
            Edit::DeletePeriod { .. } => s("Xóa kỳ chấm điểm", "Delete the period"),
            Edit::FillPeriod { cells, .. } => match lang {
                Lang::Vi => format!("Chép {} ô điểm từ tháng trước", cells.len()),
                Lang::En => format!("Copy {} cells from the month before", cells.len()),
            },
            Edit::ClearPeriod { .. } => s("Xóa điểm của kỳ", "Clear the period"),
            Edit::SaveRecord { record } => match lang {
                Lang::Vi => format!("Lưu {}", record.kind().noun(lang)),
                Lang::En => format!("Save the {}", record.kind().noun(lang)),
            },
            Edit::DeleteRecord { kind, .. } => match lang {
                Lang::Vi => format!("Xóa {}", kind.noun(lang)),
                Lang::En => format!("Delete the {}", kind.noun(lang)),
            },
            Edit::SetDeck { .. } => s("Sửa bộ trình chiếu", "Edit the deck"),
        }
    }
}
