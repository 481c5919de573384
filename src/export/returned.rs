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
    /// A copy of the data file: not brought in yet.
    DataCopy,
    /// The form's period, set or unit is not in this file.
    NotHere {
        unit: String,
        month: String,
    },
    /// The period is finalized or published.
    Closed(crate::domain::results::WorkflowError),
    Rows(Vec<MergeProblem>),
    Store(StoreError),
}

impl ReturnedProblem {
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        match self {
            ReturnedProblem::Form(p) => vec![p.message(lang)],
            ReturnedProblem::DataCopy => vec![lang.pick(
                "Chưa nhập được bản sao tệp dữ liệu (.db): hãy gửi và nhận phiếu tự chấm (.xlsx)",
                "a copy of the data file (.db) cannot be brought in yet: send and receive self-assessment forms (.xlsx)",
            ).into()],
            ReturnedProblem::NotHere { unit, month } => vec![match lang {
                Lang::Vi => format!("Phiếu của {unit} tháng {month} không thuộc tệp này (không có kỳ chấm điểm và đơn vị của phiếu)"),
                Lang::En => format!("the form of {unit} for {month} does not belong to this file (its period and unit are not here)"),
            }],
            ReturnedProblem::Closed(e) => vec![e.message(lang)],
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

/// Writes the forms of the units of `grid` named in `units` (all when empty) into `folder`,
/// or of the one unit into the file `out`. Returns the files written.
pub fn write_forms(
    grid: &Grid,
    units: &[uuid::Uuid],
    out: &Path,
    one_file: bool,
) -> Result<Vec<PathBuf>, StoreError> {
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
        written.push(path);
    }
    Ok(written)
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
    let ext = source
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if ext == "db" || ext == "sqlite" {
        return Err(ReturnedProblem::DataCopy);
    }
    let form = read_form(source).map_err(ReturnedProblem::Form)?;
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
    crate::domain::results::check_editable(grid.period.status).map_err(ReturnedProblem::Closed)?;
    let unit = form.identity.unit_id;
    let changes = compare(&grid.criteria, |c| working_cell(&grid, unit, c), &form.rows)
        .map_err(ReturnedProblem::Rows)?;
    Ok(Returned {
        form,
        grid,
        changes,
    })
}

fn shown(c: &Criterion, v: Option<f64>, lang: Lang) -> String {
    match (c.kind, v) {
        (_, None) => "—".into(),
        (crate::domain::scoring::CriterionKind::YesNo, Some(v)) => if v > 0.5 {
            lang.pick("có", "yes")
        } else {
            lang.pick("không", "no")
        }
        .into(),
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
            let mut line = format!(
                "{unit} · {} {}: {} → {}",
                c.code,
                crate::domain::text::shorten(&c.name, 50),
                shown(c, ch.old.value, lang),
                shown(c, ch.new.value, lang)
            );
            if ch.new.evidence != ch.old.evidence && !ch.new.evidence.is_empty() {
                line.push_str(&format!(
                    " · {}: {}",
                    lang.pick("minh chứng", "evidence"),
                    crate::domain::text::shorten(&ch.new.evidence, 60)
                ));
            }
            if ch.new.note != ch.old.note && !ch.new.note.is_empty() {
                line.push_str(&format!(
                    " · {}: {}",
                    lang.pick("giải thích", "explanation"),
                    crate::domain::text::shorten(&ch.new.note, 60)
                ));
            }
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
