//! Files that go to the wards and come back: `giaoban ward-form` writes a ward's
//! self-assessment form, `giaoban merge` brings returned forms in after a preview.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::common::{Failure, parse_period};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::merge::Take;
use crate::domain::text::{NameIndex, NameLookup};
use crate::export::returned::{incoming, write_forms};
use crate::store::{Intent, Origin, Store, StoreError};

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TakeArg {
    /// Keep the working file's value.
    Mine,
    /// Take the returned file's value.
    Theirs,
}

impl From<TakeArg> for Take {
    fn from(t: TakeArg) -> Take {
        match t {
            TakeArg::Mine => Take::Mine,
            TakeArg::Theirs => Take::Theirs,
        }
    }
}

fn problem(text: String) -> Failure {
    Failure::Problems(vec![text])
}

/// `giaoban ward-form`: one unit's form into `out`, or with `all` every unit's into the
/// folder `out`.
pub fn ward_form(
    file: &Path,
    model: &str,
    month: &str,
    unit: Option<&str>,
    out: &Path,
    lang: Lang,
    say: &mut dyn Write,
) -> Result<(), Failure> {
    let (year, m) = parse_period(month, lang)?;
    let store = Store::open(file, Intent::Inspect)?;
    let period = store.find_period(model, year, m)?.ok_or_else(|| {
        problem(match lang {
            Lang::Vi => format!("Không có kỳ chấm điểm {month} của mô hình \"{model}\""),
            Lang::En => format!("no scoring period {month} for the model \"{model}\""),
        })
    })?;
    let grid = store.grid(period.period_id)?;
    // A closed month takes no self-assessment: its forms could not come back.
    crate::domain::results::check_editable(grid.period.status)
        .map_err(|e| problem(e.message(lang)))?;
    let keep = crate::store::changes::sent_folder(file);
    let written = match unit {
        Some(name) => {
            let index = NameIndex::new(grid.units.iter().map(|u| u.name.as_str()));
            let found = match index.find(name) {
                NameLookup::Found(i) => grid.units[i].unit_id,
                NameLookup::Unknown(close) => {
                    let mut text = match lang {
                        Lang::Vi => format!("Không có đơn vị \"{name}\""),
                        Lang::En => format!("no unit \"{name}\""),
                    };
                    if let Some(&first) = close.first() {
                        text.push_str(&match lang {
                            Lang::Vi => format!("; có phải \"{}\"?", index.name(first)),
                            Lang::En => format!("; did you mean \"{}\"?", index.name(first)),
                        });
                    }
                    return Err(problem(text));
                }
            };
            write_forms(&grid, &[found], out, true, &keep)?
        }
        None => {
            std::fs::create_dir_all(out).map_err(|e| StoreError::io(out, e))?;
            write_forms(&grid, &[], out, false, &keep)?
        }
    };
    for path in &written {
        let _ = writeln!(
            say,
            "{} {}",
            lang.pick("Đã ghi phiếu", "Form written:"),
            path.display()
        );
    }
    Ok(())
}

/// `giaoban merge`: each returned file previewed, and unless `preview`, applied (one edit a
/// file), conflicts settled by `take` or refused.
pub fn merge(
    file: &Path,
    sources: &[PathBuf],
    preview: bool,
    take: Option<TakeArg>,
    lang: Lang,
    say: &mut dyn Write,
) -> Result<(), Failure> {
    let intent = if preview {
        Intent::Inspect
    } else {
        Intent::Edit
    };
    let mut store = Store::open(file, intent)?;
    // Every file read and checked before any is applied: all of them, or none.
    let mut all = Vec::new();
    for source in sources {
        let read = incoming(&store, source, lang).map_err(|p| match p {
            // A store error already names its file.
            crate::export::returned::ReturnedProblem::Store(e) => Failure::Store(e),
            p => Failure::Problems(
                p.messages(lang)
                    .into_iter()
                    .map(|line| format!("{}: {line}", source.display()))
                    .collect(),
            ),
        })?;
        all.push((source, read));
    }
    // Two files that change one cell: neither is guessed to win.
    let mut seen: std::collections::HashMap<_, &PathBuf> = std::collections::HashMap::new();
    for (source, r) in &all {
        for cell in &r.cells {
            if let Some(first) = seen.insert(*cell, *source)
                && first != *source
            {
                return Err(problem(match lang {
                    Lang::Vi => format!(
                        "{} và {} cùng sửa một ô: hãy nhập từng tệp một và xem lại",
                        first.display(),
                        source.display()
                    ),
                    Lang::En => format!(
                        "{} and {} change the same cell: bring them in one at a time",
                        first.display(),
                        source.display()
                    ),
                }));
            }
        }
    }
    let take = take.map(Take::from);
    let mut conflicts = 0;
    for (source, r) in &all {
        let _ = writeln!(
            say,
            "{} — {}, {} {}",
            source.display(),
            r.heading,
            r.lines.len(),
            lang.pick("ô thay đổi", "cells changed")
        );
        for line in &r.lines {
            let _ = writeln!(say, "  {line}");
        }
        if let Some(notice) = &r.notice {
            let _ = writeln!(say, "  ({notice})");
        }
        conflicts += r.conflict_count();
    }
    if preview {
        return Ok(());
    }
    if conflicts > 0 && take.is_none() {
        return Err(problem(match lang {
            Lang::Vi => format!(
                "{conflicts} ô xung đột: chưa nhập gì. Chọn --take mine (giữ của tệp đang làm) hoặc --take theirs (lấy bản trả về)"
            ),
            Lang::En => format!(
                "{conflicts} cells in conflict: nothing brought in. Choose --take mine (keep the working file's) or --take theirs (take the returned file's)"
            ),
        }));
    }
    let edits: Vec<Edit> = all.iter().filter_map(|(_, r)| r.edit(take)).collect();
    let cells: usize = edits
        .iter()
        .map(|edit| match edit {
            Edit::ApplyReturned { cells, .. } => cells.len(),
            Edit::MergeCopy { cells, notes, .. } => cells.len() + notes.len(),
            _ => 0,
        })
        .sum();
    // One transaction for every file: all of them, or none.
    store.apply_all(
        &edits,
        &crate::host::user_name(),
        chrono::Utc::now(),
        Origin::Do,
    )?;
    let _ = writeln!(
        say,
        "{} {cells} {} {} {}",
        lang.pick("Đã nhập", "Brought in"),
        lang.pick("ô từ", "cells from"),
        all.len(),
        lang.pick("tệp", "files")
    );
    Ok(())
}
