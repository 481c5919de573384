//! `giaoban units FILE list|add|retire|import`: the units that report to the committee, set up
//! from the command line (126 communes are not typed one by one in a window), with the day
//! each joined or left.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Subcommand;
use serde::Serialize;
use uuid::Uuid;

use super::common::{Col, Failure, Format, as_of, emit, problem};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::org::{Unit, UnitKind};
use crate::domain::text::fold;
use crate::store::{Intent, Origin, Store, StoreError};

#[derive(Debug, Subcommand)]
pub enum UnitsAction {
    /// Every unit: its kind, the day it joined and the day it left.
    List {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Add a unit at the end of the committee's order.
    Add {
        name: String,
        /// ward, commune, department or office (phường, xã, phòng, văn phòng).
        #[arg(long)]
        kind: String,
        /// The day it joined, YYYY-MM-DD (default: today); past figures do not count it.
        #[arg(long)]
        since: Option<String>,
    },
    /// A unit stops on a day (merged, renamed); its history is kept.
    Retire {
        name: String,
        /// YYYY-MM-DD
        #[arg(long)]
        on: String,
    },
    /// Add the units of a tab-separated list: name, kind and, optionally, the day it joined
    /// (empty: there from the start). All of them, or none when one is refused.
    Import { list: PathBuf },
}

/// The largest list read: 126 communes take 4 KB, the country's 3,300 under 200 KB.
const MAX_LIST_BYTES: u64 = 2 * 1024 * 1024;

/// A unit's kind as people write it: the slug, or its name in either language, with or
/// without accents ("phường", "phuong", "ward").
fn parse_kind(text: &str, lang: Lang) -> Result<UnitKind, String> {
    let folded = fold(text.trim());
    let kind = match folded.as_str() {
        "ward" | "phuong" => Some(UnitKind::Ward),
        "commune" | "xa" => Some(UnitKind::Commune),
        "department" | "phong" | "ban" | "phong, ban" => Some(UnitKind::Department),
        "office" | "van phong" => Some(UnitKind::Office),
        _ => None,
    };
    kind.ok_or_else(|| match lang {
        Lang::Vi => format!(
            "Loại đơn vị \"{}\" không rõ: dùng phường, xã, phòng hoặc văn phòng",
            text.trim()
        ),
        Lang::En => format!(
            "unknown unit kind \"{}\": use ward, commune, department or office",
            text.trim()
        ),
    })
}

fn day(text: &str, lang: Lang) -> Result<NaiveDate, Failure> {
    as_of(Some(text), lang)
}

/// The unit named `name` (accents and case aside), among those still active first.
fn find_unit<'a>(units: &'a [Unit], name: &str, lang: Lang) -> Result<&'a Unit, Failure> {
    let wanted = fold(name.trim());
    units
        .iter()
        .filter(|u| fold(&u.name) == wanted)
        .min_by_key(|u| u.retired_on.is_some())
        .ok_or_else(|| {
            problem(match lang {
                Lang::Vi => format!("Không có đơn vị \"{}\"", name.trim()),
                Lang::En => format!("no unit named \"{}\"", name.trim()),
            })
        })
}

#[derive(Serialize)]
struct UnitLine {
    name: String,
    kind: &'static str,
    joined_on: Option<String>,
    retired_on: Option<String>,
}

pub fn units_cmd(
    file: &Path,
    action: UnitsAction,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    match action {
        UnitsAction::List { format } => list(file, format, lang, out),
        UnitsAction::Add { name, kind, since } => {
            let kind = parse_kind(&kind, lang).map_err(problem)?;
            // Refused before the file is opened for writing (which would bring an older file
            // to this version).
            let existing = Store::open(file, Intent::Inspect)?.units()?;
            crate::domain::org::check_unit_name_free(name.trim(), &existing, None)
                .map_err(|e| problem(e.message(lang)))?;
            let joined = match since {
                Some(d) => day(&d, lang)?,
                None => chrono::Local::now().date_naive(),
            };
            let edit = Edit::AddUnit {
                unit_id: Uuid::new_v4(),
                name: name.trim().to_string(),
                kind,
                position: None,
                joined_on: Some(joined),
            };
            write(file, &[edit], lang)?;
            say(
                out,
                match lang {
                    Lang::Vi => format!(
                        "Đã thêm đơn vị {} ({}), từ ngày {}",
                        name.trim(),
                        kind.label(lang),
                        joined.format("%d/%m/%Y")
                    ),
                    Lang::En => format!(
                        "Added {} ({}), from {}",
                        name.trim(),
                        kind.label(lang),
                        joined.format("%d/%m/%Y")
                    ),
                },
            )
        }
        UnitsAction::Retire { name, on } => {
            let on = day(&on, lang)?;
            let units = Store::open(file, Intent::Inspect)?.units()?;
            let unit = find_unit(&units, &name, lang)?;
            let edit = Edit::RetireUnit {
                unit_id: unit.unit_id,
                on,
            };
            write(file, &[edit], lang)?;
            say(
                out,
                match lang {
                    Lang::Vi => format!(
                        "Đơn vị {} thôi theo dõi từ ngày {}",
                        unit.name,
                        on.format("%d/%m/%Y")
                    ),
                    Lang::En => format!("{} retired on {}", unit.name, on.format("%d/%m/%Y")),
                },
            )
        }
        UnitsAction::Import { list } => {
            // Read and checked before the file is opened for writing: a refused list leaves
            // the file as it was (not even brought to this version).
            let existing = Store::open(file, Intent::Inspect)?.units()?;
            let edits = read_list(&list, &existing, lang)?;
            let n = edits.len();
            write(file, &edits, lang)?;
            say(
                out,
                match lang {
                    Lang::Vi => format!("Đã thêm {n} đơn vị"),
                    Lang::En => format!("Added {n} units"),
                },
            )
        }
    }
}

fn say(out: &mut dyn Write, text: String) -> Result<(), Failure> {
    writeln!(out, "{text}").map_err(|e| StoreError::io("stdout", e).into())
}

/// Applies the edits in one transaction: all of them or none.
fn write(file: &Path, edits: &[Edit], lang: Lang) -> Result<(), Failure> {
    let mut store = Store::open(file, Intent::Edit)?;
    if let crate::store::Access::ReadOnly(reason) = store.access() {
        return Err(StoreError::ReadOnly(reason).into());
    }
    store
        .apply_all(
            edits,
            &crate::host::user_name(),
            chrono::Utc::now(),
            Origin::Do,
        )
        .map_err(|e| problem(e.message(lang)))?;
    Ok(())
}

fn list(file: &Path, format: Format, lang: Lang, out: &mut dyn Write) -> Result<(), Failure> {
    let store = Store::open(file, Intent::Inspect)?;
    let lines: Vec<UnitLine> = store
        .units()?
        .iter()
        .map(|u| UnitLine {
            name: u.name.clone(),
            kind: u.kind.slug(),
            joined_on: u.joined_on.map(|d| d.to_string()),
            retired_on: u.retired_on.map(|d| d.to_string()),
        })
        .collect();
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            vec![
                l.name.clone(),
                UnitKind::from_slug(l.kind)
                    .map(|k| k.label(lang).to_string())
                    .unwrap_or_default(),
                l.joined_on.clone().unwrap_or_default(),
                l.retired_on.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = match lang {
        Lang::Vi => ["Đơn vị", "Loại", "Từ ngày", "Đến ngày"],
        Lang::En => ["Unit", "Kind", "Since", "Until"],
    };
    let (rows, header) = if format == Format::Table {
        (rows, header.to_vec())
    } else {
        // For programs: the slugs and ISO days as the file holds them.
        let rows = lines
            .iter()
            .map(|l| {
                vec![
                    l.name.clone(),
                    l.kind.to_string(),
                    l.joined_on.clone().unwrap_or_default(),
                    l.retired_on.clone().unwrap_or_default(),
                ]
            })
            .collect();
        (rows, vec!["name", "kind", "joined_on", "retired_on"])
    };
    emit(
        out,
        format,
        lang,
        &header,
        &[Col::Text, Col::Text, Col::Day, Col::Day],
        &rows,
        &lines,
    )
    .map_err(|e| StoreError::io("stdout", e).into())
}

/// The list's rows as edits, every problem named with its line; nothing is written when there
/// is one.
fn read_list(path: &Path, existing: &[Unit], lang: Lang) -> Result<Vec<Edit>, Failure> {
    let size = std::fs::metadata(path)
        .map_err(|e| StoreError::io(path, e))?
        .len();
    if size > MAX_LIST_BYTES {
        return Err(problem(match lang {
            Lang::Vi => format!(
                "Danh sách quá lớn ({} KB, tối đa {} KB)",
                size / 1024,
                MAX_LIST_BYTES / 1024
            ),
            Lang::En => format!(
                "the list is too large ({} KB, at most {} KB)",
                size / 1024,
                MAX_LIST_BYTES / 1024
            ),
        }));
    }
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        problem(
            lang.pick(
                "Danh sách không phải văn bản UTF-8: hãy lưu lại dưới dạng UTF-8",
                "the list is not UTF-8 text: save it as UTF-8",
            )
            .into(),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut problems = Vec::new();
    let mut edits = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for row in crate::domain::sheet::rows(text) {
        // Cells by position (an empty kind stays in its column); trailing empty ones dropped.
        let mut cells: Vec<&str> = row.cells.clone();
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        let line = row.line;
        if cells.is_empty() {
            continue;
        }
        // A header row ("name", "tên", "tên đơn vị", "đơn vị") is skipped.
        if line == 1
            && matches!(
                fold(cells[0]).as_str(),
                "name" | "ten" | "ten don vi" | "don vi" | "unit"
            )
        {
            continue;
        }
        let at = |m: String| match lang {
            Lang::Vi => format!("Dòng {line}: {m}"),
            Lang::En => format!("line {line}: {m}"),
        };
        let name = cells[0].to_string();
        if name.is_empty() {
            problems.push(at(lang
                .pick("thiếu tên đơn vị", "the name is missing")
                .into()));
            continue;
        }
        if let Some(unit) = existing
            .iter()
            .find(|u| u.is_active() && fold(&u.name) == fold(&name))
        {
            problems.push(at(match lang {
                Lang::Vi => format!("tệp đã có đơn vị \"{}\"", unit.name),
                Lang::En => format!("the file already has \"{}\"", unit.name),
            }));
            continue;
        }
        let kind = match cells.get(1).filter(|k| !k.is_empty()) {
            Some(k) => parse_kind(k, lang),
            None => Err(lang.pick("thiếu loại đơn vị", "the kind is missing").into()),
        };
        let joined = match cells.get(2).filter(|d| !d.is_empty()) {
            Some(d) => crate::domain::deadline::parse_day(d)
                .map(Some)
                .map_err(|e| e.message(lang)),
            None => Ok(None),
        };
        if let Some((_, first)) = seen.iter().find(|(n, _)| *n == fold(&name)) {
            problems.push(at(match lang {
                Lang::Vi => format!("\"{name}\" đã có ở dòng {first}"),
                Lang::En => format!("\"{name}\" is already on line {first}"),
            }));
            continue;
        }
        seen.push((fold(&name), line));
        match (kind, joined) {
            (Ok(kind), Ok(joined_on)) => edits.push(Edit::AddUnit {
                unit_id: Uuid::new_v4(),
                name,
                kind,
                position: None,
                joined_on,
            }),
            (Err(e), _) | (_, Err(e)) => problems.push(at(e)),
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Problems(problems));
    }
    if edits.is_empty() {
        return Err(problem(
            lang.pick("Danh sách không có đơn vị nào", "the list holds no unit")
                .into(),
        ));
    }
    Ok(edits)
}
