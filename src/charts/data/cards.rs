//! One unit's scorecard, and the one-stop model's pass/fail board.

use super::scores::*;
use super::{empty, grid_of, no_period, one_decimal};
use crate::domain::chart::{
    Bar, BarRow, Bars, Body, ChartKind, ChartSpec, Figure, NONE, Tile, average_series, period_label,
};
use crate::domain::lang::Lang;
use crate::domain::plan::format_number_in;
use crate::domain::results::{Which, max_total};
use crate::store::{Store, StoreError};
use uuid::Uuid;

pub(super) fn scorecard(store: &Store, spec: &ChartSpec, lang: Lang) -> Result<Figure, StoreError> {
    let kind = ChartKind::Scorecard;
    let Some(grid) = grid_of(store, spec)? else {
        return Ok(no_period(kind, spec, lang));
    };
    let when = period_label(grid.set.year, spec.month, lang);
    let Some(unit) = spec
        .unit
        .and_then(|id| grid.units.iter().find(|u| u.unit_id == id))
    else {
        return Ok(empty(
            kind,
            when,
            lang.pick(
                "Đơn vị đã chọn không được chấm trong kỳ này",
                "The chosen unit is not scored in this period",
            )
            .into(),
            lang,
        ));
    };
    let GroupScores {
        columns,
        maxima,
        by_unit,
    } = group_percentages(&grid);
    let mine = by_unit.get(&unit.unit_id).cloned().unwrap_or_default();
    let results = grid.results(Which::Appraised);
    let scored: Vec<Uuid> = results
        .iter()
        .filter(|r| r.rank.is_some())
        .map(|r| r.unit_id)
        .collect();
    let others: Vec<Vec<Option<f64>>> = scored
        .iter()
        .filter_map(|id| by_unit.get(id).cloned())
        .collect();
    let average = average_series(&others, columns.len());
    let f = |v: f64| one_decimal(v, lang);
    let rows = columns
        .iter()
        .enumerate()
        .map(|(g, (code, name))| {
            let pct = mine.get(g).copied().flatten();
            let max = maxima[g];
            BarRow::Bar(Bar {
                label: format!("{code}. {name}"),
                fraction: pct.unwrap_or(0.0) / 100.0,
                color: pct.map_or(NONE, crate::domain::chart::heat_color),
                value: pct.map_or_else(
                    || lang.pick("chưa chấm", "not scored").to_string(),
                    |p| format!("{}/{}", f(p * max / 100.0), f(max)),
                ),
                marker: average.get(g).copied().flatten().map(|a| a / 100.0),
                right: average
                    .get(g)
                    .copied()
                    .flatten()
                    .map(|a| match lang {
                        Lang::Vi => format!("TB {}", f(a * max / 100.0)),
                        Lang::En => format!("avg {}", f(a * max / 100.0)),
                    })
                    .unwrap_or_default(),
            })
        })
        .collect();
    let result = results.iter().find(|r| r.unit_id == unit.unit_id);
    let total = result.filter(|r| r.rank.is_some()).map(|r| {
        let band = r
            .band
            .and_then(|b| grid.bands.get(b))
            .map(|b| format!(" · {}", b.name))
            .unwrap_or_default();
        match lang {
            Lang::Vi => format!(
                "Tổng {}/{} điểm · hạng {}/{}{band}",
                f(r.total),
                f(max_total(&grid.criteria)),
                r.rank.unwrap_or_default(),
                scored.len()
            ),
            Lang::En => format!(
                "Total {}/{} · rank {} of {}{band}",
                f(r.total),
                f(max_total(&grid.criteria)),
                r.rank.unwrap_or_default(),
                scored.len()
            ),
        }
    });
    let legend = crate::domain::chart::heat_legend(lang);
    Ok(Figure {
        title: match lang {
            Lang::Vi => format!("Kết quả của {}", unit.name),
            Lang::En => format!("Scorecard: {}", unit.name),
        },
        subtitle: match &total {
            Some(total) => format!("{when} · {total}"),
            None => format!("{} · {when}", grid.model.name),
        },
        body: Body::Bars(Bars {
            rows,
            legend,
            marker_label: Some(
                lang.pick(
                    "Vạch đen: trung bình các đơn vị",
                    "Black mark: average of all units",
                )
                .into(),
            ),
        }),
        note: Some(grid.model.name.clone()),
    })
}

pub(super) fn one_stop(store: &Store, spec: &ChartSpec, lang: Lang) -> Result<Figure, StoreError> {
    let kind = ChartKind::OneStop;
    let Some(grid) = grid_of(store, spec)? else {
        return Ok(no_period(kind, spec, lang));
    };
    let results = grid.results(Which::Appraised);
    let by_unit: std::collections::HashMap<_, _> = results.iter().map(|r| (r.unit_id, r)).collect();
    let tiles: Vec<Tile> = grid
        .units
        .iter()
        .map(|u| {
            let r = by_unit.get(&u.unit_id).copied();
            let scored = r.filter(|r| r.rank.is_some());
            Tile {
                name: u.name.clone(),
                passed: scored.and_then(|r| r.passed.or(Some(r.band == Some(0)))),
                detail: match scored {
                    Some(r) => format!(
                        "{} · {}%",
                        if r.passed.unwrap_or(r.band == Some(0)) {
                            lang.pick("Đạt", "Met")
                        } else {
                            lang.pick("Chưa đạt", "Not met")
                        },
                        format_number_in(r.pct_of_max.round(), lang)
                    ),
                    None => lang.pick("Chưa đánh giá", "Not evaluated").into(),
                },
            }
        })
        .collect();
    let met = tiles.iter().filter(|t| t.passed == Some(true)).count();
    Ok(Figure {
        title: match lang {
            Lang::Vi => format!("Công nhận đạt chuẩn: {}", grid.model.name),
            Lang::En => format!("Recognised: {}", grid.model.name),
        },
        subtitle: match lang {
            Lang::Vi => format!(
                "{} · {met}/{} đơn vị đạt chuẩn",
                period_label(grid.set.year, None, lang),
                tiles.len()
            ),
            Lang::En => format!(
                "{} · {met} of {} units meet the standard",
                period_label(grid.set.year, None, lang),
                tiles.len()
            ),
        },
        body: Body::Tiles(tiles),
        note: None,
    })
}
