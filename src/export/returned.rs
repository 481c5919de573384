//! A ward's returned form against the working file: which file and period it belongs to,
//! the changes and conflicts it brings (for the preview), and the one edit that applies them.
//! Shared by `giaoban ward-form`/`merge` and the window's *Gửi phiếu tự chấm…* and *Nhập bản
//! trả về…*.

use std::path::{Path, PathBuf};

use crate::domain::edit::{Edit, ReturnedCell};
use crate::domain::lang::Lang;
use crate::domain::merge::{CellChange, MergeProblem, SentCell, Take, compare};
use crate::domain::plan::format_number_in;
use crate::domain::scoring::Criterion;
use crate::export::ward_form::{
    FormContent, FormIdentity, FormProblem, ReturnedForm, form_file_name, read_form, write_form,
};
use crate::store::{Grid, Store, StoreError};

/// Why a returned file cannot be brought in.
#[derive(Debug)]
pub enum ReturnedProblem {
    Form(FormProblem),
    /// A copy of the document this file did not send (or whose copy as sent is gone).
    NoSentCopy,
    /// A form this file did not send (or whose copy as sent is gone).
    NoSentForm,
    /// A copy whose periods, units or criteria are not this file's.
    CopyNotHere,
    /// The form's period, set or unit is not in this file.
    NotHere {
        unit: String,
        month: String,
    },
    /// The period is finalized or published.
    /// The period (as people name it) is finalized or published.
    Closed(String, crate::domain::results::WorkflowError),
    /// Values of a returned copy that its criteria do not take: where, and why.
    BadValues(Vec<(String, crate::domain::points::ScoreError)>),
    Rows(Vec<MergeProblem>),
    Store(StoreError),
}

impl ReturnedProblem {
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        match self {
            ReturnedProblem::Form(p) => vec![p.message(lang)],
            ReturnedProblem::NoSentCopy => vec![lang.pick(
                "Không tìm thấy bản đã gửi của bản sao này: chỉ nhập được bản sao xuất bằng \"Xuất bản gửi e-mail…\" từ chính tệp này (bản đã gửi được giữ trong thư mục .ban-da-gui bên cạnh tệp)",
                "the copy as sent is not found: only a copy made with \"Export a copy for e-mail…\" from this very file can be brought in (the copies sent are kept in the .ban-da-gui folder beside it)",
            ).into()],
            ReturnedProblem::NoSentForm => vec![lang.pick(
                "Không tìm thấy bản đã gửi của phiếu này: chỉ nhập được phiếu gửi đi từ chính tệp này (bản đã gửi được giữ trong thư mục .ban-da-gui bên cạnh tệp)",
                "the form as sent is not found: only forms sent from this very file can be brought in (the forms sent are kept in the .ban-da-gui folder beside it)",
            ).into()],
            ReturnedProblem::CopyNotHere => vec![lang.pick(
                "Bản sao có kỳ chấm điểm, đơn vị hoặc tiêu chí không có trong tệp này",
                "the copy has periods, units or criteria that are not in this file",
            ).into()],
            ReturnedProblem::NotHere { unit, month } => vec![match lang {
                Lang::Vi => format!("Phiếu của {unit} tháng {month} không thuộc tệp này (không có kỳ chấm điểm và đơn vị của phiếu)"),
                Lang::En => format!("the form of {unit} for {month} does not belong to this file (its period and unit are not here)"),
            }],
            ReturnedProblem::Closed(period, e) => vec![format!("{period}: {}", e.message(lang))],
            ReturnedProblem::BadValues(found) => found
                .iter()
                .map(|(at, e)| format!("{at}: {}", e.message(lang)))
                .collect(),
            ReturnedProblem::Rows(p) => p.iter().map(|p| p.message(lang)).collect(),
            ReturnedProblem::Store(e) => vec![e.message(lang)],
        }
    }
}

impl From<StoreError> for ReturnedProblem {
    fn from(e: StoreError) -> Self {
        ReturnedProblem::Store(e)
    }
}

/// A unit's self-assessment of a criterion, as the working file has it.
pub fn working_cell(grid: &Grid, unit_id: uuid::Uuid, c: &Criterion) -> SentCell {
    let key = (unit_id, c.criterion_id);
    let (note, evidence) = grid.notes.get(&key).cloned().unwrap_or_default();
    SentCell {
        value: grid.cells.get(&key).and_then(|&(s, _)| s),
        evidence,
        note,
    }
}

/// Writes the forms of the units of `grid` named in `units` (all when empty) into the folder
/// `out`, or of the one unit into the file `out`; each form as sent is kept in `keep` (the
/// working file's [`crate::store::changes::sent_folder`]). Returns the files written.
pub fn write_forms(
    grid: &Grid,
    units: &[uuid::Uuid],
    out: &Path,
    one_file: bool,
    keep: &Path,
) -> Result<Vec<PathBuf>, StoreError> {
    std::fs::create_dir_all(keep).map_err(|e| StoreError::io(keep, e))?;
    let month = if grid.period.month == 0 {
        format!("{}", grid.set.year)
    } else {
        format!("{}-{:02}", grid.set.year, grid.period.month)
    };
    let mut written = Vec::new();
    for unit in grid
        .units
        .iter()
        .filter(|u| u.retired_on.is_none() && (units.is_empty() || units.contains(&u.unit_id)))
    {
        let sent = |c: &Criterion| working_cell(grid, unit.unit_id, c);
        let form = FormContent {
            identity: FormIdentity {
                form_id: uuid::Uuid::new_v4(),
                period_id: grid.period.period_id,
                unit_id: unit.unit_id,
                set_id: grid.set.set_id,
                month: month.clone(),
                unit_name: unit.name.clone(),
            },
            model_name: &grid.model.name,
            criteria: &grid.criteria,
            sent: &sent,
            lang: Lang::Vi,
        };
        let path = if one_file {
            out.to_path_buf()
        } else {
            out.join(form_file_name(&unit.name, &month))
        };
        write_form(&form, &path)?;
        let kept = kept_form(keep, form.identity.form_id);
        std::fs::copy(&path, &kept).map_err(|e| StoreError::io(&kept, e))?;
        written.push(path);
    }
    Ok(written)
}

/// Where a form as sent is kept.
fn kept_form(keep: &Path, form_id: uuid::Uuid) -> PathBuf {
    keep.join(format!("phieu-{form_id}.xlsx"))
}

/// A returned file checked against the working file: its form, the period's grid, and the
/// changes it makes.
pub struct Returned {
    pub form: ReturnedForm,
    pub grid: Grid,
    pub changes: Vec<CellChange>,
}

/// Reads `source` and compares it with the working file: every check of the file first,
/// then that it belongs to this file's period, set and unit.
pub fn read_returned(store: &Store, source: &Path) -> Result<Returned, ReturnedProblem> {
    let mut form = read_form(source).map_err(ReturnedProblem::Form)?;
    // The form as sent, kept beside the working file, says what the form is for and what it
    // said: the returned file's properties and hidden columns are the ward's to edit.
    let kept = kept_form(
        &crate::store::changes::sent_folder(store.path()),
        form.identity.form_id,
    );
    let sent = if form.identity.form_id.is_nil() || !kept.is_file() {
        None
    } else {
        read_form(&kept).ok()
    };
    match &sent {
        Some(sent) => {
            form.identity = sent.identity.clone();
            for row in &mut form.rows {
                let as_sent = sent.rows.iter().find(|r| r.code == row.code);
                row.sent_value = as_sent.map(|r| r.value.clone()).unwrap_or_default();
                row.sent_evidence = as_sent.map(|r| r.evidence.clone()).unwrap_or_default();
                row.sent_note = as_sent.map(|r| r.note.clone()).unwrap_or_default();
            }
        }
        None => return Err(ReturnedProblem::NoSentForm),
    }
    let not_here = || ReturnedProblem::NotHere {
        unit: form.identity.unit_name.clone(),
        month: form.identity.month.clone(),
    };
    let grid = match store.grid(form.identity.period_id) {
        Ok(g) => g,
        Err(StoreError::Missing { .. }) => return Err(not_here()),
        Err(e) => return Err(e.into()),
    };
    if grid.set.set_id != form.identity.set_id
        || !grid
            .units
            .iter()
            .any(|u| u.unit_id == form.identity.unit_id)
    {
        return Err(not_here());
    }
    crate::domain::results::check_editable(grid.period.status)
        .map_err(|e| ReturnedProblem::Closed(grid.period.label(grid.set.year, Lang::Vi), e))?;
    let unit = form.identity.unit_id;
    let changes = compare(&grid.criteria, |c| working_cell(&grid, unit, c), &form.rows)
        .map_err(ReturnedProblem::Rows)?;
    Ok(Returned {
        form,
        grid,
        changes,
    })
}

pub(super) fn shown(c: &Criterion, v: Option<f64>, lang: Lang) -> String {
    match (c.kind, v) {
        (_, None) => "—".into(),
        (crate::domain::scoring::CriterionKind::YesNo, Some(v)) => if v > 0.5 {
            lang.pick("có", "yes")
        } else {
            lang.pick("không", "no")
        }
        .into(),
        (crate::domain::scoring::CriterionKind::Rate, Some(v)) => {
            format!("{}%", format_number_in(v, lang))
        }
        (_, Some(v)) => format_number_in(v, lang),
    }
}

/// The preview's lines: a line a changed cell, old → new, evidence, and what a conflict is.
pub fn preview_lines(r: &Returned, lang: Lang) -> Vec<String> {
    let unit = r
        .grid
        .units
        .iter()
        .find(|u| u.unit_id == r.form.identity.unit_id)
        .map_or("", |u| u.name.as_str());
    r.changes
        .iter()
        .filter_map(|ch| {
            let c = r
                .grid
                .criteria
                .iter()
                .find(|c| c.criterion_id == ch.criterion_id)?;
            // What changed, and only that: the score, the evidence, the explanation.
            let mut parts = Vec::new();
            if !SentCell::same_value(ch.old.value, ch.new.value) {
                parts.push(format!(
                    "{} → {}",
                    shown(c, ch.old.value, lang),
                    shown(c, ch.new.value, lang)
                ));
            }
            for (label, old, new) in [
                (
                    lang.pick("minh chứng", "evidence"),
                    &ch.old.evidence,
                    &ch.new.evidence,
                ),
                (
                    lang.pick("giải thích", "explanation"),
                    &ch.old.note,
                    &ch.new.note,
                ),
            ] {
                if old != new {
                    let new = if new.is_empty() {
                        lang.pick("(xóa)", "(cleared)").to_string()
                    } else {
                        crate::domain::text::shorten(new, 60)
                    };
                    parts.push(format!("{label}: {new}"));
                }
            }
            let mut line = format!(
                "{unit} · {} {}: {}",
                c.code,
                crate::domain::text::shorten(&c.name, 50),
                parts.join(" · ")
            );
            if ch.is_conflict() {
                line.push_str(lang.pick(
                    "  [XUNG ĐỘT: tệp đang làm cũng đã sửa ô này sau khi gửi phiếu]",
                    "  [CONFLICT: the working file also changed this cell since the form was sent]",
                ));
            }
            Some(line)
        })
        .collect()
}

/// The edit that brings a returned form in, conflicts settled by `take`; none when a
/// conflict is unsettled.
pub fn returned_edit(r: &Returned, source: &Path, take: Option<Take>) -> Option<Edit> {
    let cells: Option<Vec<ReturnedCell>> = r
        .changes
        .iter()
        .map(|ch| {
            ch.resolved(take).map(|cell| ReturnedCell {
                criterion_id: ch.criterion_id,
                value: cell.value,
                evidence: cell.evidence,
                note: cell.note,
            })
        })
        .collect();
    Some(Edit::ApplyReturned {
        period_id: r.grid.period.period_id,
        unit_id: r.form.identity.unit_id,
        source: source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        cells: cells?,
    })
}

/// A returned file read and compared with the working file, whatever it is (a ward's form or
/// a copy of the document): the preview's lines, and the edit for each way of settling
/// conflicts. Nothing is written until one of them is applied.
pub struct Incoming {
    /// "Bồ Đề · 12/2018", or the copy's file name.
    pub heading: String,
    pub lines: Vec<String>,
    /// Which of `lines` are conflicts.
    pub conflicts: Vec<bool>,
    /// What the person should know that is not a change brought in.
    pub notice: Option<String>,
    /// The cells it changes: (period, unit, criterion).
    pub cells: Vec<(uuid::Uuid, uuid::Uuid, uuid::Uuid)>,
    pub(super) clean: Option<Edit>,
    pub(super) mine: Option<Edit>,
    pub(super) theirs: Option<Edit>,
}

impl Incoming {
    pub fn conflict_count(&self) -> usize {
        self.conflicts.iter().filter(|c| **c).count()
    }

    /// The edit that applies it, conflicts settled by `take`: none when there is nothing to
    /// change, or a conflict is left unsettled.
    pub fn edit(&self, take: Option<Take>) -> Option<Edit> {
        match take {
            None => self.clean.clone(),
            Some(Take::Mine) => self.mine.clone(),
            Some(Take::Theirs) => self.theirs.clone(),
        }
    }
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads `source` (a form by default; a copy of the document for .db) against `store`.
pub fn incoming(store: &Store, source: &Path, lang: Lang) -> Result<Incoming, ReturnedProblem> {
    let ext = source
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if ext == "db" || ext == "giaoban" || ext == "sqlite" {
        return super::returned_copy::incoming_copy(store, source, lang);
    }
    let r = read_returned(store, source)?;
    let month = match r.form.identity.month.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => r.form.identity.month.clone(),
    };
    let nothing = r.changes.is_empty();
    let cells = r
        .changes
        .iter()
        .map(|c| {
            (
                r.grid.period.period_id,
                r.form.identity.unit_id,
                c.criterion_id,
            )
        })
        .collect();
    Ok(Incoming {
        notice: None,
        cells,
        heading: format!(
            "{} · {month} · {}",
            r.form.identity.unit_name,
            lang.pick("tự chấm", "self-assessment")
        ),
        lines: preview_lines(&r, lang),
        conflicts: r.changes.iter().map(|c| c.is_conflict()).collect(),
        clean: if nothing {
            None
        } else {
            returned_edit(&r, source, None)
        },
        mine: if nothing {
            None
        } else {
            returned_edit(&r, source, Some(Take::Mine))
        },
        theirs: if nothing {
            None
        } else {
            returned_edit(&r, source, Some(Take::Theirs))
        },
    })
}
