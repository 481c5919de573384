//! Charts for the meeting room: the ranking of 126 units drawn to a 1920×1080 PNG (encoded),
//! a 10-slide deck to PDF, and the next slide on screen in presentation mode.

use std::hint::black_box;

use chrono::{NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use giaoban::charts::deck::{frame, frames};
use giaoban::charts::render_png;
use giaoban::demo::{demo_seed, scaled_seed};
use giaoban::domain::chart::{ChartKind, ChartSpec, RowsView, Slide};
use giaoban::domain::edit::Edit;
use giaoban::domain::lang::Lang;
use giaoban::store::{Intent, Origin, Store};
use giaoban::ui::present::{Presentation, Step, present_ui};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("day")
}

fn ranking_png(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("scaled-126.db");
    Store::create(&path, &scaled_seed(126, 60, 2), false).expect("fixture");
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let spec = ChartSpec {
        model: Some("ward-eoffice".into()),
        year: Some(2026),
        month: Some(2),
        rows: RowsView::All,
        ..ChartSpec::new(ChartKind::Ranking)
    };
    let today = day(2026, 3, 5);
    let f = frame(&store, &spec, "", "bench".into(), today, Lang::Vi).expect("frame");
    c.bench_function(
        "ranking of 126 units to a 1920x1080 PNG, encoded (all 126 bars)",
        |b| b.iter(|| black_box(render_png(&f, 1920, 1080).expect("png"))),
    );
    let auto = ChartSpec {
        rows: RowsView::Auto,
        ..spec.clone()
    };
    let f = frame(&store, &auto, "", "bench".into(), today, Lang::Vi).expect("frame");
    c.bench_function(
        "ranking of 126 units to a 1920x1080 PNG, encoded (best and last, as shown)",
        |b| b.iter(|| black_box(render_png(&f, 1920, 1080).expect("png"))),
    );
    c.bench_function(
        "ranking of 126 units read from the file, drawn, PNG encoded",
        |b| {
            b.iter(|| {
                let f = frame(&store, &spec, "", "bench".into(), today, Lang::Vi).expect("frame");
                black_box(render_png(&f, 1920, 1080).expect("png"))
            })
        },
    );
}

/// The demo file with a deck of ten slides (every kind, some twice) for its 2019 meeting.
fn ten_slide_demo(path: &std::path::Path) -> giaoban::domain::meeting::Meeting {
    Store::create(path, &demo_seed(), false).expect("demo");
    let mut store = Store::open(path, Intent::Edit).expect("open");
    let meeting = store
        .meeting_book()
        .expect("meetings")
        .on(day(2019, 7, 10))
        .expect("meeting")
        .clone();
    let mut kinds = ChartKind::ALL.to_vec();
    kinds.extend([ChartKind::Ranking, ChartKind::Heatmap, ChartKind::Trend]);
    let slides = kinds
        .into_iter()
        .map(|kind| Slide {
            slide_id: uuid::Uuid::new_v4(),
            title: String::new(),
            spec: ChartSpec::new(kind),
        })
        .collect();
    store
        .apply(
            &Edit::SetDeck {
                meeting_id: meeting.meeting_id,
                slides,
            },
            "bench",
            Utc::now(),
            Origin::Do,
        )
        .expect("deck");
    meeting
}

fn deck_pdf(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("demo.db");
    let meeting = ten_slide_demo(&path);
    let store = Store::open(&path, Intent::Inspect).expect("open");
    assert_eq!(
        frames(&store, &meeting, Lang::Vi).expect("frames").len(),
        10
    );
    let mut group = c.benchmark_group("deck");
    group.sample_size(20);
    group.bench_function("10-slide deck to PDF (read, draw, PDF)", |b| {
        b.iter(|| {
            let f = frames(&store, &meeting, Lang::Vi).expect("frames");
            black_box(giaoban::export::deck_pdf::deck_pdf(&f).expect("pdf"))
        })
    });
    group.finish();
}

fn next_slide(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("demo.db");
    let meeting = ten_slide_demo(&path);
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let f = frames(&store, &meeting, Lang::Vi).expect("frames");
    let count = f.len();
    let mut p = Presentation::new(meeting.meeting_id, "bench".into(), f, true);
    let ctx = egui::Context::default();
    giaoban::ui::fonts::install(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    // A whole frame on the CPU: input, layout, shapes, and their tessellation into meshes.
    let run = |p: &mut Presentation| {
        let out = ctx.run_ui(input(), |ui| present_ui(ui, p, Lang::Vi));
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    for _ in 0..3 {
        run(&mut p);
    }
    p.finish_drawing(&ctx);
    assert_eq!(
        p.ready(),
        count,
        "every slide drawn before the meeting starts"
    );
    c.bench_function(
        "next slide in presentation mode (one frame + tessellation, slides drawn)",
        |b| {
            b.iter(|| {
                if p.index + 1 == count {
                    p.step(Step::First);
                } else {
                    p.step(Step::Next);
                }
                run(&mut p);
            })
        },
    );
}

criterion_group!(benches, ranking_png, deck_pdf, next_slide);
criterion_main!(benches);
