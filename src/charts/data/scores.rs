//! The charts of scores: ranking, trend, heatmap, one unit's scorecard, recognition.

use std::collections::HashMap;

use uuid::Uuid;

use super::{grid_of, model_name, no_period, one_decimal};
use crate::domain::chart::{
    BAD, Bar, BarRow, Bars, Body, ChartKind, ChartSpec, Figure, GOOD, Heat, Lines, NEUTRAL, SERIES,
    Series, Shown, average_series, month_labels, nice_max, period_label, rows_note, rows_shown,
};
use crate::domain::colour::{MUTED, Rgb};
use crate::domain::lang::Lang;
use crate::domain::org::Unit;
use crate::domain::plan::format_number_in;
use crate::domain::points::points;
use crate::domain::results::{UnitResult, Which, max_total, year_results};
use crate::domain::scoring::Band;
use crate::store::{Grid, Store, StoreError};

pub(super) fn band_legend(bands: &[Band], lang: Lang) -> Vec<(Rgb, String)> {
    let mut bands: Vec<&Band> = bands.iter().collect();
    bands.sort_by(|a, b| b.lower_pct.total_cmp(&a.lower_pct));
    bands
        .into_iter()
        .map(|b| {
            let words = match lang {
                Lang::Vi => format!("{} (từ {}%)", b.name, format_number_in(b.lower_pct, lang)),
                Lang::En => format!("{} (from {}%)", b.name, format_number_in(b.lower_pct, lang)),
            };
            (b.colour(), words)
        })
        .collect()
}

pub(super) fn band_color(bands: &[Band], band: Option<usize>) -> Rgb {
    band.and_then(|i| bands.get(i))
        .map(Band::colour)
        .unwrap_or(NEUTRAL)
}

/// One ranked unit: name, total, % of the maximum, rank, band or pass/fail.
pub(super) struct Ranked {
    name: String,
    total: f64,
    rank: u32,
    color: Rgb,
}

/// Ranked units of a period, or of a monthly model's year (average of its complete months),
/// with the bands, the maximum and the number of units without a result.
pub(super) struct Ranking {
    rows: Vec<Ranked>,
    bands: Vec<Band>,
    max: f64,
    unscored: usize,
    pass_fail: bool,
}

pub(super) fn ranked_units(store: &Store, spec: &ChartSpec) -> Result<Option<Ranking>, StoreError> {
    if let Some(grid) = grid_of(store, spec)? {
        let results = grid.results(Which::Appraised);
        let pass_fail = grid.model.pass_fail;
        return Ok(Some(from_results(
            &grid.units,
            &results,
            grid.bands.clone(),
            max_total(&grid.criteria),
            pass_fail,
        )));
    }
    let (Some(model), Some(year), None) = (&spec.model, spec.year, spec.month) else {
        return Ok(None);
    };
    let (units, months, bands) = store.year(model, year)?;
    if months.is_empty() {
        return Ok(None);
    }
    let max = store
        .criteria_set(model, year)?
        .map_or(0.0, |s| max_total(&s.criteria));
    let ids: Vec<Uuid> = units.iter().map(|u| u.unit_id).collect();
    let rows = year_results(&ids, &months, &bands);
    let names = names_of(&units);
    let mut ranked: Vec<Ranked> = rows
        .iter()
        .filter_map(|r| {
            Some(Ranked {
                name: names.get(&r.unit_id)?.to_string(),
                total: r.average?,
                rank: r.rank?,
                color: band_color(&bands, r.band),
            })
        })
        .collect();
    ranked.sort_by_key(|r| r.rank);
    Ok(Some(Ranking {
        unscored: ids.len() - ranked.len(),
        rows: ranked,
        bands,
        max,
        pass_fail: false,
    }))
}

/// Units' names by id, looked up once a row (3,300 rows).
fn names_of(units: &[Unit]) -> std::collections::HashMap<Uuid, &str> {
    units.iter().map(|u| (u.unit_id, u.name.as_str())).collect()
}

pub(super) fn from_results(
    units: &[Unit],
    results: &[UnitResult],
    bands: Vec<Band>,
    max: f64,
    pass_fail: bool,
) -> Ranking {
    let names = names_of(units);
    let mut rows: Vec<Ranked> = results
        .iter()
        .filter_map(|r| {
            Some(Ranked {
                name: names.get(&r.unit_id)?.to_string(),
                total: r.total,
                rank: r.rank?,
                color: match r.passed {
                    Some(true) => GOOD,
                    Some(false) => BAD,
                    None => band_color(&bands, r.band),
                },
            })
        })
        .collect();
    rows.sort_by_key(|r| r.rank);
    Ranking {
        unscored: results.len() - rows.len(),
        rows,
        bands,
        max,
        pass_fail,
    }
}

pub(super) fn unscored_note(count: usize, lang: Lang) -> Option<String> {
    (count > 0).then(|| match lang {
        Lang::Vi => format!("{count} đơn vị chưa có điểm"),
        Lang::En => format!("{count} units not scored"),
    })
}

pub(super) fn join_notes(notes: impl IntoIterator<Item = Option<String>>) -> Option<String> {
    let notes: Vec<String> = notes.into_iter().flatten().collect();
    (!notes.is_empty()).then(|| notes.join(" · "))
}

pub(super) fn ranking(store: &Store, spec: &ChartSpec, lang: Lang) -> Result<Figure, StoreError> {
    let kind = ChartKind::Ranking;
    let Some(model) = spec.model.as_deref() else {
        return Ok(no_period(kind, spec, lang));
    };
    let Some(r) = ranked_units(store, spec)? else {
        return Ok(no_period(kind, spec, lang));
    };
    let name = model_name(store, model)?.unwrap_or_else(|| model.to_string());
    let when = period_label(spec.year.unwrap_or_default(), spec.month, lang);
    let bar = |x: &Ranked| {
        BarRow::Bar(Bar {
            label: format!("{}. {}", x.rank, x.name),
            fraction: if r.max > 0.0 { x.total / r.max } else { 0.0 },
            color: x.color,
            value: one_decimal(x.total, lang),
            marker: None,
            right: String::new(),
        })
    };
    let count = r.rows.len();
    let rows = match rows_shown(count, spec.rows) {
        Shown::Rows(rows) => rows.iter().map(|&i| bar(&r.rows[i])).collect(),
        Shown::Split { top, bottom } => {
            let middle = &r.rows[top.len()..count - bottom.len()];
            let lo = middle.iter().map(|x| x.total).fold(f64::INFINITY, f64::min);
            let hi = middle
                .iter()
                .map(|x| x.total)
                .fold(f64::NEG_INFINITY, f64::max);
            let avg = middle.iter().map(|x| x.total).sum::<f64>() / middle.len().max(1) as f64;
            let (others, first, last) = (middle.len(), top.len() + 1, count - bottom.len());
            let (lo, hi, avg) = (
                one_decimal(lo, lang),
                one_decimal(hi, lang),
                one_decimal(avg, lang),
            );
            let summary = match lang {
                Lang::Vi => format!(
                    "… {others} đơn vị khác (hạng {first}–{last}): từ {lo} đến {hi} điểm, trung bình {avg}"
                ),
                Lang::En => {
                    format!(
                        "… {others} other units (ranks {first}–{last}): {lo} to {hi} points, average {avg}"
                    )
                }
            };
            top.iter()
                .map(|&i| bar(&r.rows[i]))
                .chain([BarRow::Summary(summary)])
                .chain(bottom.iter().map(|&i| bar(&r.rows[i])))
                .collect()
        }
    };
    let legend = if r.pass_fail {
        vec![
            (GOOD, lang.pick("Đạt", "Passed").to_string()),
            (BAD, lang.pick("Không đạt", "Not passed").to_string()),
        ]
    } else {
        band_legend(&r.bands, lang)
    };
    let year_note = (spec.month.is_none() && r.max > 0.0).then(|| {
        lang.pick(
            "Điểm năm: trung bình các tháng đã chấm đủ",
            "Year score: the average of the fully scored months",
        )
        .to_string()
    });
    Ok(Figure {
        title: match lang {
            Lang::Vi => format!("Xếp hạng {name}"),
            Lang::En => format!("Ranking: {name}"),
        },
        subtitle: match lang {
            Lang::Vi => format!(
                "{when} · {count} đơn vị · điểm tối đa {}",
                format_number_in(r.max, lang)
            ),
            Lang::En => format!(
                "{when} · {count} units · maximum {}",
                format_number_in(r.max, lang)
            ),
        },
        body: Body::Bars(Bars {
            rows,
            legend,
            marker_label: None,
        }),
        note: join_notes([
            rows_note(count, spec.rows, lang),
            unscored_note(r.unscored, lang),
            year_note,
        ]),
    })
}

pub(super) fn trend(store: &Store, spec: &ChartSpec, lang: Lang) -> Result<Figure, StoreError> {
    let kind = ChartKind::Trend;
    let (Some(model), Some(year)) = (spec.model.as_deref(), spec.year) else {
        return Ok(no_period(kind, spec, lang));
    };
    let (units, months, bands) = store.year(model, year)?;
    if months.is_empty() {
        return Ok(no_period(kind, spec, lang));
    }
    let ids: Vec<Uuid> = units.iter().map(|u| u.unit_id).collect();
    let rows = year_results(&ids, &months, &bands);
    let max = store
        .criteria_set(model, year)?
        .map_or(0.0, |s| max_total(&s.criteria));
    let monthly: Vec<Vec<Option<f64>>> = rows.iter().map(|r| r.monthly.clone()).collect();
    let average = average_series(&monthly, 12);
    let mut chosen: Vec<Uuid> = spec
        .units
        .iter()
        .copied()
        .filter(|u| ids.contains(u))
        .collect();
    // Why a unit is drawn when the person chose none: the best and the last of the year.
    let mut why: Vec<&str> = Vec::new();
    if chosen.is_empty() {
        let mut ranked: Vec<_> = rows.iter().filter(|r| r.rank.is_some()).collect();
        ranked.sort_by_key(|r| r.rank);
        if let Some(best) = ranked.first() {
            chosen.push(best.unit_id);
            why.push(lang.pick(" (cao nhất năm)", " (best of the year)"));
        }
        if let Some(last) = ranked.last().filter(|r| !chosen.contains(&r.unit_id)) {
            chosen.push(last.unit_id);
            why.push(lang.pick(" (thấp nhất năm)", " (last of the year)"));
        }
    }
    let mut series: Vec<Series> = chosen
        .iter()
        .take(SERIES.len())
        .enumerate()
        .filter_map(|(i, id)| {
            let row = rows.iter().find(|r| r.unit_id == *id)?;
            Some(Series {
                name: format!(
                    "{}{}",
                    units.iter().find(|u| u.unit_id == *id)?.name,
                    why.get(i).copied().unwrap_or_default()
                ),
                color: SERIES[i],
                values: row.monthly.clone(),
                is_average: false,
            })
        })
        .collect();
    series.push(Series {
        name: match lang {
            Lang::Vi => format!("Trung bình {} đơn vị", ids.len()),
            Lang::En => format!("Average of {} units", ids.len()),
        },
        color: MUTED,
        values: average,
        is_average: true,
    });
    let data_max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0f64, |a, &b| a.max(b));
    let data_min = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(f64::INFINITY, |a, &b| a.min(b));
    let y_max = if max > 0.0 { max } else { nice_max(data_max) };
    let name = model_name(store, model)?.unwrap_or_else(|| model.to_string());
    Ok(Figure {
        title: match lang {
            Lang::Vi => format!("Diễn biến điểm {name}"),
            Lang::En => format!("Monthly totals: {name}"),
        },
        subtitle: match lang {
            Lang::Vi => format!("{} · tổng điểm từng tháng", period_label(year, None, lang)),
            Lang::En => format!("{} · total of each month", period_label(year, None, lang)),
        },
        body: Body::Lines(Lines {
            x_labels: month_labels(lang),
            series,
            y_min: crate::domain::chart::axis_floor(data_min, y_max),
            y_max,
            y_label: lang.pick("Điểm", "Points").to_string(),
        }),
        note: (spec.units.len() > SERIES.len()).then(|| match lang {
            Lang::Vi => format!("Chỉ vẽ {} đơn vị đầu tiên đã chọn", SERIES.len()),
            Lang::En => format!("Only the first {} chosen units are drawn", SERIES.len()),
        }),
    })
}

/// The groups that have a maximum (a group of only bonus and penalty has none): code, name
/// and maximum; and each unit's points in each, as % of the group's maximum.
pub(super) struct GroupScores {
    pub(super) columns: Vec<(String, String)>,
    pub(super) maxima: Vec<f64>,
    pub(super) by_unit: HashMap<Uuid, Vec<Option<f64>>>,
}

pub(super) fn group_percentages(grid: &Grid) -> GroupScores {
    let counting = |g: &crate::domain::scoring::CriteriaGroup| {
        grid.criteria
            .iter()
            .filter(|c| c.group_id == g.group_id && c.kind.counts_toward_max())
            .collect::<Vec<_>>()
    };
    let groups: Vec<_> = grid
        .groups
        .iter()
        .map(|g| {
            let criteria = counting(g);
            let max: f64 = criteria.iter().map(|c| c.max_points).sum();
            (g, criteria, max)
        })
        .filter(|(_, _, max)| *max > 0.0)
        .collect();
    let mut by_unit = HashMap::new();
    for (u, unit) in grid.units.iter().enumerate() {
        let cells = groups
            .iter()
            .map(|(_, criteria, max)| {
                let mut sum = 0.0;
                let mut any = false;
                for c in criteria {
                    let value = grid
                        .cells
                        .criterion_position(c.criterion_id)
                        .and_then(|k| grid.cells.at(u, k).1);
                    if let Some(raw) = value {
                        sum += points(c, raw);
                        any = true;
                    }
                }
                any.then(|| sum / max * 100.0)
            })
            .collect();
        by_unit.insert(unit.unit_id, cells);
    }
    GroupScores {
        columns: groups
            .iter()
            .map(|(g, _, _)| (g.code.clone(), g.name.clone()))
            .collect(),
        maxima: groups.iter().map(|(_, _, max)| *max).collect(),
        by_unit,
    }
}

pub(super) fn heatmap(store: &Store, spec: &ChartSpec, lang: Lang) -> Result<Figure, StoreError> {
    let kind = ChartKind::Heatmap;
    let Some(grid) = grid_of(store, spec)? else {
        return Ok(no_period(kind, spec, lang));
    };
    let results = grid.results(Which::Appraised);
    let ranking = from_results(
        &grid.units,
        &results,
        grid.bands.clone(),
        max_total(&grid.criteria),
        grid.model.pass_fail,
    );
    let GroupScores {
        columns, by_unit, ..
    } = group_percentages(&grid);
    let mut order: Vec<&UnitResult> = results.iter().filter(|r| r.rank.is_some()).collect();
    order.sort_by_key(|r| r.rank);
    let name_of = |id: Uuid| {
        grid.units
            .iter()
            .find(|u| u.unit_id == id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let count = order.len();
    let pick: Vec<usize> = match rows_shown(count, spec.rows) {
        Shown::Rows(rows) => rows,
        Shown::Split { top, bottom } => top.into_iter().chain(bottom).collect(),
    };
    let split_at = match rows_shown(count, spec.rows) {
        Shown::Split { top, .. } => Some(top.len()),
        Shown::Rows(_) => None,
    };
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    for (n, &i) in pick.iter().enumerate() {
        if split_at == Some(n) {
            rows.push(match lang {
                Lang::Vi => format!("… {} đơn vị khác", count - pick.len()),
                Lang::En => format!("… {} other units", count - pick.len()),
            });
            cells.push(vec![None; columns.len()]);
        }
        let r = order[i];
        rows.push(format!(
            "{}. {}",
            r.rank.unwrap_or_default(),
            name_of(r.unit_id)
        ));
        cells.push(by_unit.get(&r.unit_id).cloned().unwrap_or_default());
    }
    let model = model_name(store, &grid.model.slug)?.unwrap_or_default();
    let when = period_label(grid.set.year, spec.month, lang);
    Ok(Figure {
        title: match lang {
            Lang::Vi => format!("Điểm theo nhóm tiêu chí: {model}"),
            Lang::En => format!("Points by group: {model}"),
        },
        subtitle: match lang {
            Lang::Vi => format!("{when} · mỗi ô: % điểm tối đa của nhóm"),
            Lang::En => format!("{when} · each cell: % of the group's maximum"),
        },
        body: Body::Heat(Heat {
            legend: crate::domain::chart::heat_legend(lang),
            rows,
            columns,
            cells,
        }),
        note: join_notes([
            rows_note(count, spec.rows, lang),
            unscored_note(ranking.unscored, lang),
        ]),
    })
}
