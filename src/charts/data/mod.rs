//! From the file to a [`Figure`]: each chart's numbers, read from the store and computed by
//! the domain's rules (results, progress, action items).

use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::chart::{Body, ChartKind, ChartSpec, Figure, period_label};
use crate::domain::lang::Lang;
use crate::domain::points::round_half_up;
use crate::domain::scoring::Cadence;
use crate::store::{Grid, SetOverview, Store, StoreError};

mod cards;
mod scores;
mod work;

use self::cards::{one_stop, scorecard};
use self::scores::{heatmap, ranking, trend};
use self::work::{actions, targets};

/// Fills what a spec leaves open with what the file has: the first model with scores, its
/// latest scored period, the first unit, the first plan with targets, `today`.
pub fn resolve(store: &Store, spec: &ChartSpec, today: NaiveDate) -> Result<ChartSpec, StoreError> {
    let mut spec = spec.clone();
    let scored = spec.kind.is_scored();
    if scored {
        let sets = store.sets_overview()?;
        let wanted_pass_fail = spec.kind == ChartKind::OneStop;
        if spec.model.is_none() {
            spec.model = sets
                .iter()
                .filter(|s| s.model.pass_fail == wanted_pass_fail && has_scores(s))
                .chain(sets.iter().filter(|s| has_scores(s)))
                .map(|s| s.model.slug.clone())
                .next();
        }
        let model = spec.model.clone().unwrap_or_default();
        let latest = latest_scored(&sets, &model, None);
        // A year the model has no set for (kept from another chart's model) is not offered:
        // the model's latest scored year is.
        if spec.year.is_some_and(|y| {
            !sets
                .iter()
                .any(|s| s.model.slug == model && s.set.year == y)
        }) {
            spec.year = None;
            spec.month = None;
        }
        let year_given = spec.year.is_some();
        if spec.year.is_none() {
            spec.year = latest.map(|(y, _)| y);
        }
        let monthly = sets
            .iter()
            .any(|s| s.model.slug == model && s.model.cadence == Cadence::Monthly);
        let latest_month = || {
            latest_scored(&sets, &model, spec.year)
                .map(|(_, m)| m)
                .filter(|m| *m > 0)
        };
        match spec.kind {
            ChartKind::Trend | ChartKind::OneStop => spec.month = None,
            _ if !monthly => spec.month = None,
            // A ranking for a year without a month is the year's ranking.
            ChartKind::Ranking if year_given => {}
            _ if spec.month.is_none() => spec.month = latest_month(),
            _ => {}
        }
        if spec.kind == ChartKind::Scorecard && spec.unit.is_none() {
            spec.unit = store
                .units()?
                .into_iter()
                .find(|u| u.is_active())
                .map(|u| u.unit_id);
        }
    }
    if matches!(spec.kind, ChartKind::Targets | ChartKind::Actions) && spec.as_of.is_none() {
        spec.as_of = Some(today);
    }
    if spec.kind == ChartKind::Targets && spec.plan.is_none() {
        let book = store.plan_book()?;
        // The plan whose targets have the most values recorded, else the first with targets.
        let recorded = |plan: Uuid| {
            book.targets
                .iter()
                .filter(|t| t.plan_id == plan)
                .map(|t| {
                    book.measurements
                        .iter()
                        .filter(|m| m.target_id == t.target_id)
                        .count()
                        + book
                            .checks
                            .iter()
                            .filter(|c| c.target_id == t.target_id)
                            .count()
                })
                .sum::<usize>()
        };
        spec.plan = book
            .plans
            .iter()
            .filter(|p| book.targets.iter().any(|t| t.plan_id == p.plan_id))
            .max_by_key(|p| (recorded(p.plan_id), std::cmp::Reverse(p.start_year)))
            .map(|p| p.plan_id);
    }
    Ok(spec)
}

fn has_scores(set: &SetOverview) -> bool {
    set.periods.iter().any(|p| p.units_scored > 0)
}

/// The latest (year, month) of a model with scores (in `year`, when given); month 0 for a
/// yearly period.
fn latest_scored(sets: &[SetOverview], model: &str, year: Option<i32>) -> Option<(i32, u32)> {
    sets.iter()
        .filter(|s| s.model.slug == model && year.is_none_or(|y| y == s.set.year))
        .flat_map(|s| {
            s.periods
                .iter()
                .filter(|p| p.units_scored > 0)
                .map(move |p| (s.set.year, p.period.month))
        })
        .max()
}

/// The figure of a chart, for a resolved or unresolved spec. What the file lacks (no period,
/// no plan) is a figure saying so, not an error.
pub fn figure(
    store: &Store,
    spec: &ChartSpec,
    today: NaiveDate,
    lang: Lang,
) -> Result<Figure, StoreError> {
    let spec = resolve(store, spec, today)?;
    match spec.kind {
        ChartKind::Ranking => ranking(store, &spec, lang),
        ChartKind::Trend => trend(store, &spec, lang),
        ChartKind::Heatmap => heatmap(store, &spec, lang),
        ChartKind::Scorecard => scorecard(store, &spec, lang),
        ChartKind::Targets => targets(store, &spec, lang),
        ChartKind::Actions => actions(store, &spec, lang),
        ChartKind::OneStop => one_stop(store, &spec, lang),
    }
}

/// A number on a slide: one decimal at most, the person's decimal separator ("70,3").
fn one_decimal(value: f64, lang: Lang) -> String {
    crate::domain::plan::format_number_in(round_half_up(value, 1), lang)
}

fn empty(kind: ChartKind, subtitle: String, why: String, lang: Lang) -> Figure {
    Figure {
        title: kind.label(lang).to_string(),
        subtitle,
        body: Body::Empty(why),
        note: None,
    }
}

fn model_name(store: &Store, slug: &str) -> Result<Option<String>, StoreError> {
    Ok(store
        .models()?
        .into_iter()
        .find(|m| m.slug == slug)
        .map(|m| m.name))
}

/// The grid of a model's period (month 0: the year's own period), if it exists.
fn grid_of(store: &Store, spec: &ChartSpec) -> Result<Option<Grid>, StoreError> {
    let (Some(model), Some(year)) = (&spec.model, spec.year) else {
        return Ok(None);
    };
    match store.find_period(model, year, spec.month.unwrap_or(0))? {
        Some(p) => Ok(Some(store.grid(p.period_id)?)),
        None => Ok(None),
    }
}

fn no_period(kind: ChartKind, spec: &ChartSpec, lang: Lang) -> Figure {
    let when = spec
        .year
        .map(|y| period_label(y, spec.month, lang))
        .unwrap_or_default();
    empty(
        kind,
        when.clone(),
        match lang {
            Lang::Vi => format!("Chưa có kỳ chấm điểm {} nào có điểm", when.to_lowercase()),
            Lang::En => format!("No scored period for {when}"),
        },
        lang,
    )
}
