//! Opening and checking a document, and saving one edit, on a real file on disk.

use std::hint::black_box;

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use giaoban::demo::demo_seed;
use giaoban::domain::edit::Edit;
use giaoban::store::{Depth, Intent, Origin, Store};

fn open_and_check(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("demo.db");
    Store::create(&path, &demo_seed(), false).expect("demo");
    c.bench_function("open demo untrusted + counts", |b| {
        b.iter(|| {
            let store = Store::open(black_box(&path), Intent::Inspect).expect("open");
            black_box(store.counts().expect("counts"))
        })
    });
}

/// Opening with every check a file from anyone gets, on the demo and on a year of monthly
/// scores (60 criteria) for 126 and 3,300 units, as `giaoban demo --units N --months 12` makes
/// them; the full check that `giaoban check` adds; and a year's results read at once (the
/// trend chart, `giaoban results --year`).
fn open_at_scale(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let demo = dir.path().join("demo.db");
    Store::create(&demo, &demo_seed(), false).expect("demo");
    let mut files = vec![("demo".to_string(), demo)];
    for units in [126, 3300] {
        let path = dir.path().join(format!("units-{units}.db"));
        Store::create(&path, &giaoban::demo::scaled_seed(units, 60, 12), false).expect("a year");
        files.push((format!("a year of {units} units x 60 criteria"), path));
    }
    let mut group = c.benchmark_group("open with every check");
    group.sample_size(10);
    for (name, path) in &files {
        group.bench_function(format!("{name}: open for editing"), |b| {
            b.iter(|| black_box(Store::open(black_box(path), Intent::Edit).expect("open")))
        });
        group.bench_function(format!("{name}: full check (giaoban check)"), |b| {
            b.iter(|| {
                black_box(
                    Store::open_checked(black_box(path), Intent::Inspect, Depth::Full)
                        .expect("open"),
                )
            })
        });
    }
    group.finish();
    let mut group = c.benchmark_group("a year at once");
    group.sample_size(10);
    for (name, path) in files.iter().skip(1) {
        let store = Store::open(path, Intent::Inspect).expect("open");
        group.bench_function(format!("{name}: every month's results"), |b| {
            b.iter(|| black_box(store.year("ward-eoffice", 2026).expect("year")))
        });
    }
    group.finish();
}

fn save_one_edit(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("demo.db");
    Store::create(&path, &demo_seed(), false).expect("demo");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let unit = store.units().expect("units")[0].clone();
    let mut i = 0u64;
    c.bench_function(
        "rename a unit (transaction + audit row, synchronous=FULL)",
        |b| {
            b.iter(|| {
                i += 1;
                let edit = Edit::RenameUnit {
                    unit_id: unit.unit_id,
                    name: format!("Bồ Đề {i}"),
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

criterion_group!(benches, open_and_check, open_at_scale, save_one_edit);
criterion_main!(benches);
