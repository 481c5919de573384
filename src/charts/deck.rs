//! A meeting's deck: its saved slides, or the default ones; each slide made into a frame
//! with the footer the room sees (the body's name, the meeting's date, the slide's number).

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::Frame;
use super::data::figure;
use crate::domain::chart::{ChartSpec, DeckDefaults, Slide, default_deck, month_before};
use crate::domain::deadline::display_day;
use crate::domain::lang::Lang;
use crate::domain::meeting::Meeting;
use crate::domain::scoring::{Cadence, PeriodStatus};
use crate::store::{Store, StoreError};

/// The slides of a meeting: as saved, or the default deck when none were saved.
pub fn deck_of(store: &Store, meeting: &Meeting) -> Result<Vec<Slide>, StoreError> {
    let saved = store.slides(meeting.meeting_id)?;
    if !saved.is_empty() {
        return Ok(saved);
    }
    default_for(store, meeting)
}

/// The default deck of a meeting: the latest month scored before it (a finalized or
/// published one when there is one), the latest recognition year up to the meeting's year,
/// the plan its conclusions name first or the first plan running that year with targets.
pub fn default_for(store: &Store, meeting: &Meeting) -> Result<Vec<Slide>, StoreError> {
    let sets = store.sets_overview()?;
    let before = month_before(meeting.held_on);
    let scored = sets
        .iter()
        .filter(|s| s.model.cadence == Cadence::Monthly && !s.model.pass_fail)
        .flat_map(|s| {
            s.periods
                .iter()
                .filter(|p| p.units_scored > 0 && (s.set.year, p.period.month) <= before)
                .map(move |p| {
                    let settled = p.period.status != PeriodStatus::Draft;
                    (settled, s.set.year, p.period.month, s.model.slug.clone())
                })
        })
        .max()
        .map(|(_, year, month, slug)| (slug, year, month));
    let recognition = sets
        .iter()
        .filter(|s| s.model.pass_fail && s.set.year <= meeting.held_on.year())
        .filter(|s| s.periods.iter().any(|p| p.units_scored > 0))
        .map(|s| (s.set.year, s.model.slug.clone()))
        .max()
        .map(|(year, slug)| (slug, year));
    let book = store.meeting_book()?;
    let plans = store.plan_book()?;
    let with_targets = |id: Uuid| plans.targets.iter().any(|t| t.plan_id == id);
    let year = meeting.held_on.year();
    let plan = book
        .conclusions
        .iter()
        .filter(|c| c.meeting_id == meeting.meeting_id)
        .filter_map(|c| c.plan_id)
        .find(|id| with_targets(*id))
        .or_else(|| {
            plans
                .plans
                .iter()
                .filter(|p| p.start_year <= year && year <= p.end_year)
                .map(|p| p.plan_id)
                .rfind(|id| with_targets(*id))
        });
    Ok(default_deck(
        meeting.held_on,
        &DeckDefaults {
            scored,
            recognition,
            plan,
        },
    ))
}

/// "Giao ban ngày 05/01/2018 · 2/5".
pub fn meeting_footer(held_on: NaiveDate, index: usize, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Giao ban ngày {} · {}/{count}",
            display_day(held_on),
            index + 1
        ),
        Lang::En => format!(
            "Briefing of {} · {}/{count}",
            display_day(held_on),
            index + 1
        ),
    }
}

/// The body's name for a footer.
pub fn body_footer(store: &Store) -> Result<String, StoreError> {
    let body = store.body()?;
    Ok(match body.parent_name {
        Some(parent) if !parent.is_empty() => format!("{} – {parent}", body.name),
        _ => body.name,
    })
}

/// A chart made into a frame, its title replaced by `title` when given.
pub fn frame(
    store: &Store,
    spec: &ChartSpec,
    title: &str,
    footer_right: String,
    today: NaiveDate,
    lang: Lang,
) -> Result<Frame, StoreError> {
    let mut figure = figure(store, spec, today, lang)?;
    if !title.trim().is_empty() {
        figure.title = title.trim().to_string();
    }
    Ok(Frame {
        figure,
        footer_left: body_footer(store)?,
        footer_right,
    })
}

/// Every slide of a meeting's deck as a frame, "as of" the meeting's day where a slide says
/// nothing else.
pub fn frames(store: &Store, meeting: &Meeting, lang: Lang) -> Result<Vec<Frame>, StoreError> {
    let slides = deck_of(store, meeting)?;
    let count = slides.len();
    slides
        .iter()
        .enumerate()
        .map(|(i, s)| {
            frame(
                store,
                &s.spec,
                &s.title,
                meeting_footer(meeting.held_on, i, count, lang),
                meeting.held_on,
                lang,
            )
        })
        .collect()
}
