//! Charts as plain data: what a chart asks for ([`ChartSpec`], saved in a meeting's deck) and
//! what it shows ([`Figure`]: bars, lines, cells, tiles with their labels and colours). The
//! figures are drawn by `crate::charts`; here are the choices that do not depend on drawing:
//! which rows a ranking of 126 units shows, the heatmap's colour scale, a meeting's default deck.

use super::colour::Rgb;
pub use super::colour::{BAD, GOOD, NONE, ON_TRACK, WARN};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::lang::Lang;

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChartKind {
    Ranking,
    Trend,
    Heatmap,
    Scorecard,
    Targets,
    Actions,
    OneStop,
}

impl ChartKind {
    pub const ALL: [ChartKind; 7] = [
        ChartKind::Ranking,
        ChartKind::Trend,
        ChartKind::Heatmap,
        ChartKind::Scorecard,
        ChartKind::Targets,
        ChartKind::Actions,
        ChartKind::OneStop,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Ranking => "ranking",
            ChartKind::Trend => "trend",
            ChartKind::Heatmap => "heatmap",
            ChartKind::Scorecard => "scorecard",
            ChartKind::Targets => "targets",
            ChartKind::Actions => "actions",
            ChartKind::OneStop => "onestop",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// Whether the chart shows scores (and so has a model and a period).
    pub fn is_scored(self) -> bool {
        !matches!(self, ChartKind::Targets | ChartKind::Actions)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ChartKind::Ranking => lang.pick("Xếp hạng đơn vị", "Ranking of units"),
            ChartKind::Trend => lang.pick("Diễn biến theo tháng", "Trend over the year"),
            ChartKind::Heatmap => lang.pick("Bản đồ nhiệt theo nhóm tiêu chí", "Heatmap by group"),
            ChartKind::Scorecard => lang.pick("Kết quả của một đơn vị", "One unit's scorecard"),
            ChartKind::Targets => lang.pick("Chỉ tiêu của kế hoạch", "A plan's targets"),
            ChartKind::Actions => lang.pick("Việc được giao theo đơn vị", "Action items by unit"),
            ChartKind::OneStop => lang.pick("Công nhận bộ phận một cửa", "One-stop recognition"),
        }
    }
}

/// How a ranking or heatmap of many units is shown: every unit, the best and the worst with
/// the rest summarised, or one page of [`PAGE_ROWS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum RowsView {
    /// Every unit when they fit on a slide ([`PAGE_ROWS`]), else the best and the worst.
    #[default]
    Auto,
    All,
    TopBottom,
    /// Page 1, 2, … of [`PAGE_ROWS`] units, in rank order.
    Page(u32),
}

/// Rows that stay readable from the back of a room on a 1080-pixel-high slide.
pub const PAGE_ROWS: usize = 15;
/// How many of the best and of the worst a summarised ranking shows.
pub const TOP_BOTTOM: usize = 7;

/// What a chart shows: its kind and parameters. Units and plans are named by identity, so a
/// renamed ward keeps its place in a saved deck.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ChartSpec {
    pub kind: ChartKind,
    /// The evaluation model's slug ("ward-eoffice").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// 1–12; none for the whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// The units a trend follows (none: the best and the worst of the year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Uuid>,
    /// The unit of a scorecard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Uuid>,
    /// The day targets and action items are seen as of (none: the meeting's day or today).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    #[serde(default)]
    pub rows: RowsView,
}

impl ChartSpec {
    pub fn new(kind: ChartKind) -> ChartSpec {
        ChartSpec {
            kind,
            model: None,
            year: None,
            month: None,
            units: Vec::new(),
            unit: None,
            plan: None,
            as_of: None,
            rows: RowsView::Auto,
        }
    }
}

/// A slide of a meeting's deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slide {
    pub slide_id: Uuid,
    /// Empty: the chart's own title.
    pub title: String,
    pub spec: ChartSpec,
}

/// What a meeting's default deck is made of, as found in the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeckDefaults {
    /// A monthly model and its latest period before the meeting: (slug, year, month).
    pub scored: Option<(String, i32, u32)>,
    /// A pass/fail model and the year of its latest period: (slug, year).
    pub recognition: Option<(String, i32)>,
    /// The plan whose targets the meeting follows.
    pub plan: Option<Uuid>,
}

/// The deck a new meeting starts with: the ranking of the latest month scored before it, the
/// year's trend, the heatmap of that month, the recognition of the year (for a pass/fail
/// model), the plan's targets and the open action items, as of the meeting's day. Slides
/// without data in the file are left out.
pub fn default_deck(held_on: NaiveDate, found: &DeckDefaults) -> Vec<Slide> {
    let mut specs = Vec::new();
    if let Some((model, year, month)) = &found.scored {
        let scored = |kind, month| ChartSpec {
            model: Some(model.clone()),
            year: Some(*year),
            month,
            ..ChartSpec::new(kind)
        };
        specs.push(scored(ChartKind::Ranking, Some(*month)));
        specs.push(scored(ChartKind::Trend, None));
        specs.push(scored(ChartKind::Heatmap, Some(*month)));
    }
    if let Some((model, year)) = &found.recognition {
        specs.push(ChartSpec {
            model: Some(model.clone()),
            year: Some(*year),
            ..ChartSpec::new(ChartKind::OneStop)
        });
    }
    if let Some(plan) = found.plan {
        specs.push(ChartSpec {
            plan: Some(plan),
            as_of: Some(held_on),
            ..ChartSpec::new(ChartKind::Targets)
        });
    }
    specs.push(ChartSpec {
        as_of: Some(held_on),
        ..ChartSpec::new(ChartKind::Actions)
    });
    specs
        .into_iter()
        .map(|spec| Slide {
            slide_id: Uuid::new_v4(),
            title: String::new(),
            spec,
        })
        .collect()
}

/// The (year, month) before a day's month: where a meeting's "last month" is.
pub fn month_before(day: NaiveDate) -> (i32, u32) {
    if day.month() == 1 {
        (day.year() - 1, 12)
    } else {
        (day.year(), day.month() - 1)
    }
}

/// The track behind a bar, the grid of a plot.
pub const TRACK: Rgb = Rgb(0xe4, 0xe4, 0xe4);
/// A bar when the set has no bands.
pub const NEUTRAL: Rgb = Rgb(0x1f, 0x5f, 0xa8);

/// Lines of a trend, told apart on a projector and by colour-blind readers (Okabe–Ito).
pub const SERIES: [Rgb; 6] = [
    Rgb(0x00, 0x72, 0xb2),
    Rgb(0xd5, 0x5e, 0x00),
    Rgb(0x00, 0x9e, 0x73),
    Rgb(0xcc, 0x79, 0xa7),
    Rgb(0xe6, 0x9f, 0x00),
    Rgb(0x56, 0xb4, 0xe9),
];

/// The heatmap's scale: five steps of % of the group's maximum, each with its colour. Steps
/// rather than a gradient, so the room can tell the colours apart and the legend names them.
pub const HEAT_STEPS: [(f64, Rgb); 5] = [
    (95.0, Rgb(0x0b, 0x5d, 0x2a)),
    (85.0, Rgb(0x4c, 0xa8, 0x5a)),
    (70.0, Rgb(0xf2, 0xd0, 0x4b)),
    (50.0, Rgb(0xf0, 0x8a, 0x2e)),
    (0.0, Rgb(0xc6, 0x28, 0x28)),
];

/// The heatmap's scale in words: "từ 95%", "từ 85%"…
pub fn heat_legend(lang: Lang) -> Vec<(Rgb, String)> {
    HEAT_STEPS
        .iter()
        .map(|(from, c)| {
            let from = super::plan::format_number_in(*from, lang);
            (
                *c,
                match lang {
                    Lang::Vi => format!("từ {from}%"),
                    Lang::En => format!("from {from}%"),
                },
            )
        })
        .collect()
}

/// The heatmap colour of a percentage.
pub fn heat_color(pct: f64) -> Rgb {
    HEAT_STEPS
        .iter()
        .find(|(from, _)| pct + 1e-9 >= *from)
        .map_or(HEAT_STEPS[4].1, |(_, c)| *c)
}

/// A figure: everything a chart shows, in the person's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub title: String,
    pub subtitle: String,
    pub body: Body,
    /// What was left out or summarised, said on the slide ("10 cao nhất và 10 thấp nhất …").
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Bars(Bars),
    Lines(Lines),
    Heat(Heat),
    Stacked(Stacked),
    Tiles(Vec<Tile>),
    /// Nothing to show, and why.
    Empty(String),
}

/// Horizontal bars, one a row, each on a track that stands for its maximum.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bars {
    pub rows: Vec<BarRow>,
    /// Colour and words (band name and its lower bound, or a status).
    pub legend: Vec<(Rgb, String)>,
    /// What the thick mark on a bar stands for ("Trung bình các đơn vị"), when bars have one.
    pub marker_label: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BarRow {
    Bar(Bar),
    /// A line standing for rows left out ("… 106 đơn vị khác, từ 61 đến 78 điểm").
    Summary(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// 0..=1 of the track.
    pub fraction: f64,
    pub color: Rgb,
    /// Written at the end of the bar ("92,5").
    pub value: String,
    /// A thick mark at this fraction (the average).
    pub marker: Option<f64>,
    /// Written at the right edge (deadline, status).
    pub right: String,
}

/// Lines over the months of a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Lines {
    pub x_labels: Vec<String>,
    pub series: Vec<Series>,
    /// The axis's bottom: 0, or a round value under the data when they sit high (a trend
    /// between 60 and 100 points would otherwise be squeezed into the top third).
    pub y_min: f64,
    pub y_max: f64,
    pub y_label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub color: Rgb,
    pub values: Vec<Option<f64>>,
    /// The average of all units: drawn dashed and black.
    pub is_average: bool,
}

/// Units × groups, each cell the % of the group's maximum.
#[derive(Debug, Clone, PartialEq)]
pub struct Heat {
    /// The colour scale's steps in words ("từ 95%").
    pub legend: Vec<(Rgb, String)>,
    pub rows: Vec<String>,
    /// Group code and name.
    pub columns: Vec<(String, String)>,
    pub cells: Vec<Vec<Option<f64>>>,
}

/// Counts by unit, split by status.
#[derive(Debug, Clone, PartialEq)]
pub struct Stacked {
    pub rows: Vec<(String, Vec<usize>)>,
    /// One colour and name per part of a row.
    pub parts: Vec<(Rgb, String)>,
}

/// A unit's recognition: met the standard, not met, or not evaluated.
#[derive(Debug, Clone, PartialEq)]
pub struct Tile {
    pub name: String,
    pub passed: Option<bool>,
    pub detail: String,
}

/// The rows of a ranking of `count` units (in rank order) a slide shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// These indices, in order.
    Rows(Vec<usize>),
    /// The first and the last indices with the ones between summarised.
    Split { top: Vec<usize>, bottom: Vec<usize> },
}

/// Which ranks a view shows of `count` ranked units.
pub fn rows_shown(count: usize, view: RowsView) -> Shown {
    let all = || Shown::Rows((0..count).collect());
    match view {
        RowsView::All => all(),
        RowsView::Auto if count <= PAGE_ROWS => all(),
        RowsView::TopBottom if count <= 2 * TOP_BOTTOM => all(),
        RowsView::Auto | RowsView::TopBottom => Shown::Split {
            top: (0..TOP_BOTTOM).collect(),
            bottom: (count - TOP_BOTTOM..count).collect(),
        },
        RowsView::Page(page) => {
            let pages = pages(count);
            let page = (page.max(1) as usize).min(pages);
            let start = (page - 1) * PAGE_ROWS;
            Shown::Rows((start..count.min(start + PAGE_ROWS)).collect())
        }
    }
}

/// How many pages of [`PAGE_ROWS`] a list of `count` has (at least one).
pub fn pages(count: usize) -> usize {
    count.div_ceil(PAGE_ROWS).max(1)
}

/// What the slide says about the rows it shows, when it does not show them all.
pub fn rows_note(count: usize, view: RowsView, lang: Lang) -> Option<String> {
    match (rows_shown(count, view), view) {
        (Shown::Split { .. }, _) => Some(match lang {
            Lang::Vi => format!(
                "{TOP_BOTTOM} đơn vị cao nhất và {TOP_BOTTOM} đơn vị thấp nhất trong {count} đơn vị"
            ),
            Lang::En => format!("The best {TOP_BOTTOM} and the last {TOP_BOTTOM} of {count} units"),
        }),
        (Shown::Rows(rows), RowsView::Page(_)) if rows.len() < count => {
            let first = rows.first().map_or(0, |r| r + 1);
            let last = rows.last().map_or(0, |r| r + 1);
            let page = first.div_ceil(PAGE_ROWS).max(1);
            Some(match lang {
                Lang::Vi => format!(
                    "Trang {page}/{}: hạng {first}–{last} trong {count} đơn vị",
                    pages(count)
                ),
                Lang::En => format!(
                    "Page {page} of {}: ranks {first}–{last} of {count} units",
                    pages(count)
                ),
            })
        }
        _ => None,
    }
}

/// "Tháng 11/2018", "Năm 2018".
pub fn period_label(year: i32, month: Option<u32>, lang: Lang) -> String {
    match (month, lang) {
        (Some(m), Lang::Vi) => format!("Tháng {m:02}/{year}"),
        (Some(m), Lang::En) => format!("{m:02}/{year}"),
        (None, Lang::Vi) => format!("Năm {year}"),
        (None, Lang::En) => format!("Year {year}"),
    }
}

/// Month labels of a trend: "T1" … "T12" (Vietnamese slides write months so).
pub fn month_labels(lang: Lang) -> Vec<String> {
    (1..=12)
        .map(|m| match lang {
            Lang::Vi => format!("T{m}"),
            Lang::En => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ][m - 1]
                .to_string(),
        })
        .collect()
}

/// The average of the values present in each position (the average line of a trend).
pub fn average_series(rows: &[Vec<Option<f64>>], len: usize) -> Vec<Option<f64>> {
    (0..len)
        .map(|i| {
            let values: Vec<f64> = rows
                .iter()
                .filter_map(|r| r.get(i).copied().flatten())
                .collect();
            (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
        })
        .collect()
}

/// The bottom of a trend's axis: a round value a step under the lowest value, when the
/// values all sit in the upper part of the scale; else 0.
pub fn axis_floor(low: f64, top: f64) -> f64 {
    if !(low.is_finite() && top > 0.0) || low < top * 0.3 {
        return 0.0;
    }
    let step = nice_max((top - low) / 4.0);
    let mut base = (low / step).floor() * step;
    if low - base < step * 0.25 {
        base -= step; // keep the lowest point off the axis line
    }
    base.max(0.0)
}

/// A "nice" top of an axis at or above `value`: 1, 2, 2.5 or 5 times a power of ten.
pub fn nice_max(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|top| *top + 1e-9 >= value)
        .unwrap_or(10.0 * power)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::colour::{INK, WHITE};

    #[test]
    fn fourteen_wards_are_all_shown() {
        assert_eq!(
            rows_shown(14, RowsView::Auto),
            Shown::Rows((0..14).collect())
        );
        assert_eq!(rows_note(14, RowsView::Auto, Lang::Vi), None);
    }

    #[test]
    fn many_units_show_the_best_and_the_worst_and_say_so() {
        let Shown::Split { top, bottom } = rows_shown(126, RowsView::Auto) else {
            panic!("126 units should be split")
        };
        assert_eq!(top, (0..TOP_BOTTOM).collect::<Vec<_>>());
        assert_eq!(bottom, (126 - TOP_BOTTOM..126).collect::<Vec<_>>());
        assert_eq!(
            rows_note(126, RowsView::Auto, Lang::Vi).as_deref(),
            Some("7 đơn vị cao nhất và 7 đơn vị thấp nhất trong 126 đơn vị")
        );
    }

    #[test]
    fn pages_cover_every_unit_once_and_say_which_ranks() {
        let mut seen = Vec::new();
        for page in 1..=pages(126) as u32 {
            match rows_shown(126, RowsView::Page(page)) {
                Shown::Rows(rows) => seen.extend(rows),
                Shown::Split { .. } => panic!("a page is not split"),
            }
        }
        assert_eq!(seen, (0..126).collect::<Vec<_>>());
        assert_eq!(pages(126), 9);
        assert_eq!(
            rows_note(126, RowsView::Page(9), Lang::Vi).as_deref(),
            Some("Trang 9/9: hạng 121–126 trong 126 đơn vị")
        );
        // A page past the end shows the last one.
        assert_eq!(
            rows_shown(126, RowsView::Page(99)),
            rows_shown(126, RowsView::Page(9))
        );
    }

    #[test]
    fn heat_steps_and_text_contrast() {
        assert_eq!(heat_color(100.0), HEAT_STEPS[0].1);
        assert_eq!(heat_color(95.0), HEAT_STEPS[0].1);
        assert_eq!(heat_color(94.99), HEAT_STEPS[1].1);
        assert_eq!(heat_color(0.0), HEAT_STEPS[4].1);
        assert_eq!(HEAT_STEPS[0].1.text_on(), WHITE);
        assert_eq!(HEAT_STEPS[2].1.text_on(), INK);
    }

    #[test]
    fn default_deck_has_the_slides_the_file_can_fill() {
        let plan = Uuid::new_v4();
        let day = NaiveDate::from_ymd_opt(2019, 1, 10).expect("day");
        let found = DeckDefaults {
            scored: Some(("ward-eoffice".into(), 2018, 11)),
            recognition: None,
            plan: Some(plan),
        };
        let deck = default_deck(day, &found);
        let kinds: Vec<ChartKind> = deck.iter().map(|s| s.spec.kind).collect();
        assert_eq!(
            kinds,
            [
                ChartKind::Ranking,
                ChartKind::Trend,
                ChartKind::Heatmap,
                ChartKind::Targets,
                ChartKind::Actions
            ]
        );
        assert_eq!(
            (deck[0].spec.year, deck[0].spec.month),
            (Some(2018), Some(11))
        );
        assert_eq!(deck[1].spec.month, None);
        assert_eq!(deck[3].spec.plan, Some(plan));
        assert_eq!(deck[4].spec.as_of, Some(day));
        // Nothing scored, no plan: the open action items still make a slide.
        let bare = default_deck(day, &DeckDefaults::default());
        assert_eq!(bare.len(), 1);
        assert_eq!(month_before(day), (2018, 12));
        // Saved as JSON and read back unchanged.
        let json = serde_json::to_string(&deck[0].spec).expect("json");
        assert_eq!(
            serde_json::from_str::<ChartSpec>(&json).expect("read"),
            deck[0].spec
        );
    }

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice_max(87.0), 100.0);
        assert_eq!(nice_max(14.0), 20.0);
        assert_eq!(nice_max(3.0), 5.0);
        assert_eq!(nice_max(0.0), 1.0);
        // Totals between 57 and 99 of 100: the axis starts at 40, not 0.
        assert_eq!(axis_floor(57.0, 100.0), 40.0);
        assert_eq!(axis_floor(12.0, 100.0), 0.0);
        assert_eq!(axis_floor(f64::INFINITY, 100.0), 0.0);
        assert_eq!(
            average_series(&[vec![Some(1.0), None], vec![Some(3.0), None]], 2),
            vec![Some(2.0), None]
        );
    }
}
