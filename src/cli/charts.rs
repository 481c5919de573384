//! `giaoban chart` and `giaoban deck`: a chart as PNG or SVG, a meeting's deck as PDF.

use std::io::Write;
use std::path::Path;

use super::common::{Failure, as_of, parse_period, problem};
use crate::charts::deck::frames;
use crate::charts::{Frame, parse_size, render_png, render_svg};
use crate::domain::chart::{ChartKind, ChartSpec, RowsView};
use crate::domain::deadline::{display_day, parse_day};
use crate::domain::lang::Lang;
use crate::domain::text::fold;
use crate::store::{Intent, Store, StoreError};

/// A chart kind as typed after `--kind` (its slug).
pub fn parse_kind(text: &str) -> Result<ChartKind, String> {
    ChartKind::from_slug(text.trim()).ok_or_else(|| {
        let kinds: Vec<&str> = ChartKind::ALL.iter().map(|k| k.slug()).collect();
        format!("\"{text}\": one of {}", kinds.join(", "))
    })
}

/// What `giaoban chart` was asked.
pub struct ChartArgs<'a> {
    pub kind: ChartKind,
    pub model: Option<&'a str>,
    pub month: Option<&'a str>,
    pub year: Option<i32>,
    pub units: &'a [String],
    pub plan: Option<&'a str>,
    pub as_of: Option<&'a str>,
    pub rows: Option<&'a str>,
    pub size: Option<&'a str>,
}

/// A unit named as people type it: the exact name without accents and case, else the only
/// unit whose name holds the words.
fn find_unit(store: &Store, name: &str, lang: Lang) -> Result<uuid::Uuid, Failure> {
    let units = store.units()?;
    let wanted = fold(name);
    if let Some(u) = units.iter().find(|u| fold(&u.name) == wanted) {
        return Ok(u.unit_id);
    }
    let hits: Vec<_> = units
        .iter()
        .filter(|u| fold(&u.name).contains(&wanted))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one.unit_id),
        [] => Err(problem(match lang {
            Lang::Vi => format!("Không có đơn vị \"{name}\""),
            Lang::En => format!("no unit \"{name}\""),
        })),
        many => Err(problem(match lang {
            Lang::Vi => format!(
                "\"{name}\" khớp {} đơn vị: {}",
                many.len(),
                many.iter()
                    .map(|u| u.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Lang::En => format!(
                "\"{name}\" matches {} units: {}",
                many.len(),
                many.iter()
                    .map(|u| u.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })),
    }
}

fn find_plan(store: &Store, number: &str, lang: Lang) -> Result<uuid::Uuid, Failure> {
    let book = store.plan_book()?;
    let wanted = fold(number);
    book.plans
        .iter()
        .find(|p| fold(&p.number) == wanted)
        .or_else(|| {
            let hits: Vec<_> = book
                .plans
                .iter()
                .filter(|p| !p.number.is_empty() && fold(&p.number).contains(&wanted))
                .collect();
            (hits.len() == 1).then(|| hits[0])
        })
        .map(|p| p.plan_id)
        .ok_or_else(|| {
            problem(match lang {
                Lang::Vi => format!("Không có kế hoạch số \"{number}\""),
                Lang::En => format!("no plan numbered \"{number}\""),
            })
        })
}

fn parse_rows(text: &str, lang: Lang) -> Result<RowsView, Failure> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "auto" => Ok(RowsView::Auto),
        "all" => Ok(RowsView::All),
        "top-bottom" | "topbottom" => Ok(RowsView::TopBottom),
        _ => t
            .strip_prefix("page")
            .map(|n| n.trim_start_matches(['-', ':', ' ']))
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| *n >= 1)
            .map(RowsView::Page)
            .ok_or_else(|| {
                problem(match lang {
                    Lang::Vi => format!(
                        "\"{text}\" không phải cách hiển thị: auto, all, top-bottom hoặc page-N"
                    ),
                    Lang::En => {
                        format!("\"{text}\" is not a view: auto, all, top-bottom or page-N")
                    }
                })
            }),
    }
}

/// The chart's spec from the command line's words.
pub fn spec_of(store: &Store, args: &ChartArgs, lang: Lang) -> Result<ChartSpec, Failure> {
    let mut spec = ChartSpec::new(args.kind);
    if let Some(model) = args.model {
        if !store.models()?.iter().any(|m| m.slug == model) {
            return Err(problem(match lang {
                Lang::Vi => format!("Không có mô hình \"{model}\""),
                Lang::En => format!("no model \"{model}\""),
            }));
        }
        spec.model = Some(model.to_string());
    }
    match (args.month, args.year) {
        (Some(m), _) => {
            let (y, m) = parse_period(m, lang)?;
            spec.year = Some(y);
            spec.month = (m > 0).then_some(m);
        }
        (None, Some(y)) => spec.year = Some(y),
        (None, None) => {}
    }
    for name in args.units {
        let id = find_unit(store, name, lang)?;
        spec.units.push(id);
        spec.unit.get_or_insert(id);
    }
    if let Some(plan) = args.plan {
        spec.plan = Some(find_plan(store, plan, lang)?);
    }
    if let Some(day) = args.as_of {
        spec.as_of = Some(parse_day(day).map_err(|e| problem(e.message(lang)))?);
    }
    if let Some(rows) = args.rows {
        spec.rows = parse_rows(rows, lang)?;
    }
    Ok(spec)
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default()
}

pub fn chart(
    file: &Path,
    args: &ChartArgs,
    target: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let ext = extension(target);
    if ext != "png" && ext != "svg" {
        return Err(problem(match lang {
            Lang::Vi => format!("Tên tệp phải có đuôi .png hoặc .svg (không phải \"{ext}\")"),
            Lang::En => format!("the file name must end in .png or .svg (not \"{ext}\")"),
        }));
    }
    let (w, h) = match args.size {
        None => (1920, 1080),
        Some(s) => parse_size(s).ok_or_else(|| {
            problem(match lang {
                Lang::Vi => {
                    format!("\"{s}\" không phải kích thước dạng RỘNGxCAO, từ 320x180 đến 7680x4320")
                }
                Lang::En => format!("\"{s}\" is not a size WIDTHxHEIGHT, 320x180 to 7680x4320"),
            })
        })?,
    };
    let today = as_of(None, lang)?;
    let store = Store::open(file, Intent::Inspect)?;
    let spec = spec_of(&store, args, lang)?;
    let footer = match lang {
        Lang::Vi => format!("Ngày xuất {}", display_day(today)),
        Lang::En => format!("Exported {}", display_day(today)),
    };
    let frame = crate::charts::deck::frame(&store, &spec, "", footer, today, lang)?;
    let bytes = if ext == "png" {
        render_png(&frame, w, h).map_err(|e| problem(e.to_string()))?
    } else {
        render_svg(&frame, w, h)
            .map_err(|e| problem(e.to_string()))?
            .into_bytes()
    };
    crate::export::write_atomically(target, &bytes)?;
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Vi => format!("Đã ghi biểu đồ {w}×{h}: {}", target.display()),
            Lang::En => format!("Chart written, {w}×{h}: {}", target.display()),
        }
    )
    .map_err(|e| StoreError::io("stdout", e).into())
}

pub fn deck(
    file: &Path,
    meeting: &str,
    target: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if extension(target) != "pdf" {
        return Err(problem(match lang {
            Lang::Vi => "Tên tệp phải có đuôi .pdf".to_string(),
            Lang::En => "the file name must end in .pdf".to_string(),
        }));
    }
    let day = parse_day(meeting).map_err(|e| problem(e.message(lang)))?;
    let store = Store::open(file, Intent::Inspect)?;
    let book = store.meeting_book()?;
    let m = book.on(day).cloned().ok_or_else(|| {
        problem(match lang {
            Lang::Vi => format!("Không có cuộc họp ngày {}", display_day(day)),
            Lang::En => format!("no meeting on {day}"),
        })
    })?;
    let frames: Vec<Frame> = frames(&store, &m, lang)?;
    let bytes = crate::export::deck_pdf::deck_pdf(&frames).map_err(problem)?;
    crate::export::write_atomically(target, &bytes)?;
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Vi => format!(
                "Đã ghi {} trang trình chiếu: {}",
                frames.len(),
                target.display()
            ),
            Lang::En => format!("{} slides written: {}", frames.len(), target.display()),
        }
    )
    .map_err(|e| StoreError::io("stdout", e).into())
}
