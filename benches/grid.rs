//! The scoring grid at scale, on a year of monthly scores: one frame of the grid UI (headless
//! egui, no GPU), a month's results, and saving one cell, for 126 and 3,300 units × 60
//! criteria.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use giaoban::demo::scaled_seed;
use giaoban::domain::edit::{CellValue, Edit};
use giaoban::domain::lang::Lang;
use giaoban::domain::results::Which;
use giaoban::store::{Intent, Origin, Store};
use giaoban::ui::grid::{GridState, grid_ui};

fn fixture(dir: &Path, units: usize) -> PathBuf {
    let path = dir.join(format!("scaled-{units}.db"));
    Store::create(&path, &scaled_seed(units, 60, 12), false).expect("fixture");
    path
}

fn frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    for units in [126, 3300] {
        let path = fixture(dir.path(), units);
        let store = Store::open(&path, Intent::Inspect).expect("open");
        let period = store
            .find_period("ward-eoffice", 2026, 12)
            .expect("query")
            .expect("period");
        let mut state = GridState::default();
        state.set_grid(store.grid(period.period_id).expect("grid"));
        let ctx = egui::Context::default();
        giaoban::ui::fonts::install(&ctx);
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1600.0, 900.0),
            )),
            ..Default::default()
        };
        let mut commands = Vec::new();
        let mut notes = Vec::new();
        let mut run = |state: &mut GridState| {
            ctx.run_ui(input(), |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    grid_ui(ui, state, Lang::Vi, &mut commands, &mut notes)
                });
            })
        };
        for _ in 0..3 {
            run(&mut state); // fonts and layout caches warm, as on screen
        }
        c.bench_function(&format!("grid frame {units} units x 60 criteria"), |b| {
            b.iter(|| black_box(run(&mut state)))
        });
    }
}

fn month_results(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = fixture(dir.path(), 3300);
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let period = store
        .find_period("ward-eoffice", 2026, 12)
        .expect("query")
        .expect("period");
    c.bench_function(
        "results of a month, 3300 units x 60 criteria (read + compute)",
        |b| {
            b.iter(|| {
                let grid = store.grid(period.period_id).expect("grid");
                black_box(grid.results(Which::Appraised))
            })
        },
    );
    let grid = store.grid(period.period_id).expect("grid");
    c.bench_function(
        "results of a month, 3300 units x 60 criteria (compute only)",
        |b| b.iter(|| black_box(grid.results(Which::Appraised))),
    );
}

fn save_cell(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = fixture(dir.path(), 126);
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let period = store
        .find_period("ward-eoffice", 2026, 12)
        .expect("query")
        .expect("period");
    let grid = store.grid(period.period_id).expect("grid");
    let unit_id = grid.units[0].unit_id;
    let criterion = grid
        .criteria
        .iter()
        .find(|c| c.kind == giaoban::domain::scoring::CriterionKind::Rate)
        .expect("rate");
    let mut i = 0u32;
    c.bench_function(
        "save one cell edit (transaction + audit row, on disk)",
        |b| {
            b.iter(|| {
                i = (i + 1) % 100;
                let edit = Edit::SetScore {
                    period_id: period.period_id,
                    which: Which::Appraised,
                    cell: CellValue {
                        unit_id,
                        criterion_id: criterion.criterion_id,
                        value: Some(f64::from(i)),
                    },
                };
                black_box(
                    store
                        .apply(&edit, "bench", Utc::now(), Origin::Do)
                        .expect("apply"),
                )
            })
        },
    );
}

criterion_group!(benches, frame, month_results, save_cell);
criterion_main!(benches);
