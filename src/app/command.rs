//! Everything that changes the document or the program's state: the commands the panels emit.

use std::path::PathBuf;

use super::Nav;
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;

/// Everything that changes the document or the program's state.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    Edit(Edit),
    Undo,
    Redo,
    /// Asks for a path, then creates a new empty document there.
    NewDialog,
    OpenDialog,
    SaveAsDialog,
    ExportDialog,
    New(PathBuf),
    Open(PathBuf),
    SaveAs(PathBuf),
    /// Writes the e-mail copy into this folder.
    ExportForEmail(PathBuf),
    OpenDemo,
    CheckFile,
    /// Asks where to write a clean copy of the file that was refused, then writes it.
    RepairDialog,
    /// Writes a clean copy of `from` at `to` (see `giaoban repair`) and opens it.
    Repair {
        from: PathBuf,
        to: PathBuf,
    },
    /// Hides the notice of a refused file.
    DismissRefused,
    /// Asks where to write the notice of a meeting's conclusions (PDF or DOCX), then writes it.
    NoticeDialog {
        meeting_id: uuid::Uuid,
        pdf: bool,
    },
    WriteNotice {
        meeting_id: uuid::Uuid,
        path: PathBuf,
    },
    /// Asks where to write the chart shown (PNG or SVG), then writes it.
    ChartExportDialog {
        spec: crate::domain::chart::ChartSpec,
        svg: bool,
    },
    WriteChart {
        spec: crate::domain::chart::ChartSpec,
        path: PathBuf,
    },
    /// Asks where to write a meeting's deck as PDF, then writes it.
    DeckExportDialog {
        meeting_id: uuid::Uuid,
    },
    WriteDeck {
        meeting_id: uuid::Uuid,
        path: PathBuf,
    },
    /// Opens the Charts panel on a meeting's deck.
    EditDeck {
        meeting_id: uuid::Uuid,
    },
    /// Starts presentation mode on a meeting's deck.
    Present {
        meeting_id: uuid::Uuid,
        single_window: bool,
    },
    /// Asks where to write the self-assessment forms of a period: every ward's into a
    /// folder, or one ward's into a file.
    FormsDialog {
        period_id: uuid::Uuid,
        unit: Option<(uuid::Uuid, String)>,
    },
    WriteForms {
        period_id: uuid::Uuid,
        unit: Option<uuid::Uuid>,
        path: PathBuf,
    },
    /// Asks for a returned form, then shows what it changes.
    ReturnedDialog,
    PreviewReturned(PathBuf),
    /// Applies the returned form shown, conflicts settled this way (none: there are none).
    ApplyReturned(Option<crate::domain::merge::Take>),
    DismissReturned,
    SetLanguage(Lang),
    SetUserName(String),
    Navigate(Nav),
    Quit,
}
