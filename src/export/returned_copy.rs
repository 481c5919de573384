//! A returned copy of the document against the working file: opened and checked like any
//! file, matched with its copy as sent (kept when it was exported), diffed by SQLite's session
//! extension (`store::changes`), and compared cell by cell, three ways, with the working file.

use std::collections::HashMap;
use std::path::Path;

use super::returned::{Incoming, ReturnedProblem, file_name, shown};
use crate::domain::edit::{CellValue, CopyCell, CopyNote, Edit};
use crate::domain::lang::Lang;
use crate::domain::merge::{SentCell, field};
use crate::domain::results::Which;
use crate::store::changes::{CellDiff, NoteDiff};
use crate::store::{Grid, Store};

/// What the cells and notes of a copy come to, as they are compared.
#[derive(Default)]
struct Found {
    lines: Vec<String>,
    conflicts: Vec<bool>,
    cells: Vec<(uuid::Uuid, uuid::Uuid, uuid::Uuid)>,
    theirs_cells: Vec<CopyCell>,
    mine_cells: Vec<CopyCell>,
    theirs_notes: Vec<CopyNote>,
    mine_notes: Vec<CopyNote>,
    bad: Vec<(String, crate::domain::points::ScoreError)>,
}

impl Found {
    fn line(&mut self, mut line: String, conflict: bool, lang: Lang) {
        if conflict {
            line.push_str(lang.pick(
                "  [XUNG ĐỘT: tệp đang làm cũng đã sửa ô này sau khi gửi]",
                "  [CONFLICT: the working file also changed this cell since it was sent]",
            ));
        }
        self.lines.push(line);
        self.conflicts.push(conflict);
    }
}

pub(super) fn incoming_copy(
    store: &Store,
    source: &Path,
    lang: Lang,
) -> Result<Incoming, ReturnedProblem> {
    let returned = Store::open(source, crate::store::Intent::Inspect)?;
    let Some(sent) = store.sent_copy_of(&returned)? else {
        return Err(ReturnedProblem::NoSentCopy);
    };
    drop(returned);
    let diff = crate::store::changes::diff_copies(&sent, source)?;
    let mut grids: HashMap<uuid::Uuid, Grid> = HashMap::new();
    let mut found = Found::default();
    for d in &diff.cells {
        let grid = grid_of(&mut grids, store, d.period_id)?;
        cell(grid, d, &mut found, lang)?;
    }
    for n in &diff.notes {
        let grid = grid_of(&mut grids, store, n.period_id)?;
        note(grid, n, &mut found, lang)?;
    }
    if !found.bad.is_empty() {
        return Err(ReturnedProblem::BadValues(found.bad));
    }
    let name = file_name(source);
    let edit = |cells: Vec<CopyCell>, notes: Vec<CopyNote>| {
        (!cells.is_empty() || !notes.is_empty()).then(|| Edit::MergeCopy {
            source: name.clone(),
            cells,
            notes,
        })
    };
    let any_conflict = found.conflicts.iter().any(|c| *c);
    let others: usize = diff.others.iter().map(|(_, n)| n).sum();
    let notice = (others > 0).then(|| match lang {
        Lang::Vi => format!(
            "Bản sao còn {others} thay đổi ngoài điểm (kế hoạch, cuộc họp, đơn vị…): những thay đổi đó không được nhập, hãy sửa tay nếu cần"
        ),
        Lang::En => format!(
            "The copy has {others} other changes (plans, meetings, units…): those are not brought in; make them by hand if needed"
        ),
    });
    Ok(Incoming {
        notice,
        heading: lang
            .pick("bản sao tệp dữ liệu", "a copy of the document")
            .to_string(),
        cells: found.cells,
        lines: found.lines,
        clean: if any_conflict {
            None
        } else {
            edit(found.theirs_cells.clone(), found.theirs_notes.clone())
        },
        mine: edit(found.mine_cells, found.mine_notes),
        theirs: edit(found.theirs_cells, found.theirs_notes),
        conflicts: found.conflicts,
    })
}

/// One cell the copy changed: compared with the working file, checked, and noted.
fn cell(grid: &Grid, d: &CellDiff, found: &mut Found, lang: Lang) -> Result<(), ReturnedProblem> {
    let working = grid
        .cells
        .get(&(d.unit_id, d.criterion_id))
        .and_then(|&(s, a)| match d.which {
            Which::SelfScore => s,
            Which::Appraised => a,
        });
    let (_, changed, conflict) = field(&working, &d.sent, &d.returned, |a, b| {
        SentCell::same_value(*a, *b)
    });
    if !changed {
        return Ok(());
    }
    open_period(grid, lang)?;
    let (Some(unit), Some(c)) = (
        grid.units.iter().find(|u| u.unit_id == d.unit_id),
        grid.criteria
            .iter()
            .find(|c| c.criterion_id == d.criterion_id),
    ) else {
        return Err(ReturnedProblem::CopyNotHere);
    };
    let period = grid.period.label(grid.set.year, lang);
    if let Some(Err(error)) = d
        .returned
        .map(|v| crate::domain::points::validate_raw(c, v))
    {
        found
            .bad
            .push((format!("{period} · {} · {}", unit.name, c.code), error));
        return Ok(());
    }
    found.cells.push((d.period_id, d.unit_id, d.criterion_id));
    let side = match d.which {
        Which::SelfScore => lang.pick("tự chấm", "self"),
        Which::Appraised => lang.pick("thẩm định", "appraised"),
    };
    found.line(
        format!(
            "{period} · {} · {} {} ({side}): {} → {}",
            unit.name,
            c.code,
            crate::domain::text::shorten(&c.name, 40),
            shown(c, working, lang),
            shown(c, d.returned, lang)
        ),
        conflict,
        lang,
    );
    let copy_cell = |value| CopyCell {
        period_id: d.period_id,
        which: d.which,
        cell: CellValue {
            unit_id: d.unit_id,
            criterion_id: d.criterion_id,
            value,
        },
    };
    found.theirs_cells.push(copy_cell(d.returned));
    if !conflict {
        found.mine_cells.push(copy_cell(d.returned));
    }
    Ok(())
}

/// One cell's note or evidence the copy changed.
fn note(grid: &Grid, n: &NoteDiff, found: &mut Found, lang: Lang) -> Result<(), ReturnedProblem> {
    let working = grid
        .notes
        .get(&(n.unit_id, n.criterion_id))
        .cloned()
        .unwrap_or_default();
    let same = |a: &String, b: &String| a == b;
    let (note, n_changed, n_conflict) = field(&working.0, &n.sent.0, &n.returned.0, same);
    let (evidence, e_changed, e_conflict) = field(&working.1, &n.sent.1, &n.returned.1, same);
    if !(n_changed || e_changed) {
        return Ok(());
    }
    open_period(grid, lang)?;
    let (Some(unit), Some(code)) = (
        grid.units
            .iter()
            .find(|u| u.unit_id == n.unit_id)
            .map(|u| u.name.as_str()),
        grid.criteria
            .iter()
            .find(|c| c.criterion_id == n.criterion_id)
            .map(|c| c.code.as_str()),
    ) else {
        return Err(ReturnedProblem::CopyNotHere);
    };
    found.cells.push((n.period_id, n.unit_id, n.criterion_id));
    let mut line = format!(
        "{} · {unit} · {code}:",
        grid.period.label(grid.set.year, lang)
    );
    for (label, old, new, changed) in [
        (
            lang.pick("giải thích", "explanation"),
            &working.0,
            &note,
            n_changed,
        ),
        (
            lang.pick("minh chứng", "evidence"),
            &working.1,
            &evidence,
            e_changed,
        ),
    ] {
        if changed {
            line.push_str(&format!(
                " {label} \"{}\" → \"{}\"",
                crate::domain::text::shorten(old, 40),
                crate::domain::text::shorten(new, 40)
            ));
        }
    }
    found.line(line, n_conflict || e_conflict, lang);
    let make = |note: &str, evidence: &str| CopyNote {
        period_id: n.period_id,
        unit_id: n.unit_id,
        criterion_id: n.criterion_id,
        note: note.to_string(),
        evidence: evidence.to_string(),
    };
    found.theirs_notes.push(make(&note, &evidence));
    found.mine_notes.push(make(
        if n_conflict { &working.0 } else { &note },
        if e_conflict { &working.1 } else { &evidence },
    ));
    Ok(())
}

/// A period's grid, read once, refused when the period is not this file's.
fn grid_of<'a>(
    grids: &'a mut HashMap<uuid::Uuid, Grid>,
    store: &Store,
    period_id: uuid::Uuid,
) -> Result<&'a Grid, ReturnedProblem> {
    use std::collections::hash_map::Entry;
    match grids.entry(period_id) {
        Entry::Occupied(e) => Ok(e.into_mut()),
        Entry::Vacant(v) => {
            let grid = store
                .grid(period_id)
                .map_err(|_| ReturnedProblem::CopyNotHere)?;
            Ok(v.insert(grid))
        }
    }
}

/// Refuses a change to a period that is finalized or published, naming it.
fn open_period(grid: &Grid, lang: Lang) -> Result<(), ReturnedProblem> {
    crate::domain::results::check_editable(grid.period.status)
        .map_err(|e| ReturnedProblem::Closed(grid.period.label(grid.set.year, lang), e))
}
