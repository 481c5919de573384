//! The charts of the committee's work: a plan's targets, the action items by unit.

use uuid::Uuid;

use super::{empty, one_decimal};
use crate::domain::chart::{
    BAD, Bar, BarRow, Bars, Body, ChartKind, ChartSpec, Figure, GOOD, ON_TRACK, Stacked,
};
use crate::domain::colour::Rgb;
use crate::domain::deadline::display_day;
use crate::domain::lang::Lang;
use crate::domain::meeting::{ActionStatus, overdue_on};
use crate::domain::progress::{TargetStatus, counted_units};
use crate::store::{Store, StoreError};

pub(super) fn status_color(status: TargetStatus) -> Rgb {
    crate::domain::colour::of_target(status)
}

pub(super) fn targets(store: &Store, spec: &ChartSpec, lang: Lang) -> Result<Figure, StoreError> {
    let kind = ChartKind::Targets;
    let as_of = spec.as_of.unwrap_or_default();
    let book = store.plan_book()?;
    let Some(plan) = spec
        .plan
        .and_then(|id| book.plans.iter().find(|p| p.plan_id == id))
    else {
        return Ok(empty(
            kind,
            String::new(),
            lang.pick(
                "Chưa có kế hoạch nào có chỉ tiêu",
                "No plan has targets yet",
            )
            .into(),
            lang,
        ));
    };
    let units = counted_units(&store.units()?, as_of);
    let rows = book.rows(Some(plan.plan_id), &units, as_of);
    let seen = match lang {
        Lang::Vi => format!("tính đến ngày {}", display_day(as_of)),
        Lang::En => format!("as of {}", display_day(as_of)),
    };
    let subtitle = if plan.number.is_empty() {
        seen
    } else {
        format!("{} · {seen}", plan.number)
    };
    let title = if plan.title.is_empty() {
        kind.label(lang).to_string()
    } else {
        plan.title.clone()
    };
    if rows.is_empty() {
        return Ok(Figure {
            title,
            subtitle,
            body: Body::Empty(
                lang.pick("Kế hoạch chưa có chỉ tiêu", "The plan has no targets")
                    .into(),
            ),
            note: None,
        });
    }
    let mut legend: Vec<(Rgb, String)> = Vec::new();
    for s in [
        TargetStatus::Achieved,
        TargetStatus::OnTrack,
        TargetStatus::AtRisk,
        TargetStatus::Overdue,
        TargetStatus::NotStarted,
    ] {
        if rows.iter().any(|r| r.status == s) {
            legend.push((status_color(s), s.label(lang).to_string()));
        }
    }
    let bars = rows
        .iter()
        .map(|r| {
            let percent = r.target.kind == crate::domain::plan::TargetKind::Percent;
            let value = match &r.latest {
                None => lang.pick("chưa có số liệu", "no value yet").to_string(),
                Some(l) => {
                    let v = format!(
                        "{}{}",
                        one_decimal(l.value, lang),
                        if percent { "%" } else { "" }
                    );
                    match l.counted {
                        Some((met, of)) => format!("{met}/{of} ({v})"),
                        None => v,
                    }
                }
            };
            let deadline = r
                .target
                .deadline
                .map(|d| match lang {
                    Lang::Vi => format!(
                        "hạn {}",
                        crate::domain::text::lower_initial(&d.display(lang))
                    ),
                    Lang::En => format!("due {}", d.display(lang)),
                })
                .unwrap_or_default();
            let label = if r.target.code.is_empty() {
                r.target.text.clone()
            } else {
                format!("{}. {}", r.target.code, r.target.text)
            };
            BarRow::Bar(Bar {
                label,
                fraction: r.progress.unwrap_or(0.0).clamp(0.0, 1.0),
                color: status_color(r.status),
                value: format!("{value} / {}", r.target.goal_label(lang)),
                marker: None,
                right: [deadline, r.status.label(lang).to_string()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
            })
        })
        .collect();
    Ok(Figure {
        title,
        subtitle,
        body: Body::Bars(Bars {
            rows: bars,
            legend,
            marker_label: None,
        }),
        note: Some(
            lang.pick(
                "Độ dài thanh: tiến độ từ mức ban đầu đến chỉ tiêu",
                "Bar length: progress from the baseline to the target",
            )
            .into(),
        ),
    })
}

pub(super) fn actions(store: &Store, spec: &ChartSpec, lang: Lang) -> Result<Figure, StoreError> {
    let kind = ChartKind::Actions;
    let as_of = spec.as_of.unwrap_or_default();
    let book = store.meeting_book()?;
    let units = store.units()?;
    let held = |meeting: Uuid| book.meeting(meeting).map(|m| m.held_on);
    // (done, open, overdue) by unit, in the committee's order of units.
    let mut counts: Vec<(Option<Uuid>, [usize; 3])> = Vec::new();
    for a in book
        .actions
        .iter()
        .filter(|a| held(a.meeting_id).is_some_and(|d| d <= as_of))
        .filter(|a| a.status != ActionStatus::Cancelled && a.is_written())
    {
        let part = if a.status == ActionStatus::Done && a.completed_on.is_some_and(|d| d <= as_of) {
            0
        } else if overdue_on(a, as_of) {
            2
        } else {
            1
        };
        match counts.iter_mut().find(|(u, _)| *u == a.unit_id) {
            Some((_, c)) => c[part] += 1,
            None => {
                let mut c = [0; 3];
                c[part] = 1;
                counts.push((a.unit_id, c));
            }
        }
    }
    let subtitle = match lang {
        Lang::Vi => format!("Tính đến ngày {}", display_day(as_of)),
        Lang::En => format!("As of {}", display_day(as_of)),
    };
    if counts.is_empty() {
        return Ok(empty(
            kind,
            subtitle,
            lang.pick("Chưa có việc nào được giao", "No action items yet")
                .into(),
            lang,
        ));
    }
    let order = |u: &Option<Uuid>| {
        u.and_then(|id| units.iter().position(|x| x.unit_id == id))
            .unwrap_or(usize::MAX)
    };
    // Overdue first, then open, then the committee's order.
    counts.sort_by_key(|(u, c)| (std::cmp::Reverse(c[2]), std::cmp::Reverse(c[1]), order(u)));
    let total: [usize; 3] = counts.iter().fold([0; 3], |mut t, (_, c)| {
        (0..3).for_each(|i| t[i] += c[i]);
        t
    });
    let shown = counts.len().min(crate::domain::chart::PAGE_ROWS);
    let rows = counts[..shown]
        .iter()
        .map(|(u, c)| {
            let name = u
                .and_then(|id| units.iter().find(|x| x.unit_id == id))
                .map(|x| x.name.clone())
                .unwrap_or_else(|| lang.pick("Chưa giao đơn vị", "No unit").to_string());
            (name, c.to_vec())
        })
        .collect();
    Ok(Figure {
        title: lang
            .pick("Việc được giao theo đơn vị", "Action items by unit")
            .into(),
        subtitle: match lang {
            Lang::Vi => format!(
                "{subtitle} · {} đã xong, {} đang làm, {} quá hạn",
                total[0], total[1], total[2]
            ),
            Lang::En => format!(
                "{subtitle} · {} done, {} open, {} overdue",
                total[0], total[1], total[2]
            ),
        },
        body: Body::Stacked(Stacked {
            rows,
            parts: vec![
                (GOOD, lang.pick("Đã hoàn thành", "Done").into()),
                (ON_TRACK, lang.pick("Đang thực hiện", "Open").into()),
                (BAD, lang.pick("Quá hạn", "Overdue").into()),
            ],
        }),
        note: (counts.len() > shown).then(|| match lang {
            Lang::Vi => format!("{} đơn vị khác không hiển thị", counts.len() - shown),
            Lang::En => format!("{} more units not shown", counts.len() - shown),
        }),
    })
}
