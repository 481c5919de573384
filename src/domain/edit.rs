//! Every change a person can make to a document, as plain data. The store applies an edit in
//! one transaction, writes its audit row and returns the edit that undoes it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::lang::Lang;
use super::org::{BodyKind, UnitKind};

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
}

impl Edit {
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
        }
    }
}
