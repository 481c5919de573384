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

/// Opening with every check a file from anyone gets, on the demo and on a file of 3,300 units
/// with 60 criteria (two months of scores, as `giaoban demo --units 3300` makes it); and the
/// full check that `giaoban check` adds.
fn open_at_scale(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let demo = dir.path().join("demo.db");
    Store::create(&demo, &demo_seed(), false).expect("demo");
    let large = dir.path().join("units-3300.db");
    Store::create(&large, &giaoban::demo::scaled_seed(3300, 60, 2), false).expect("large");
    let mut group = c.benchmark_group("open with every check");
    group.sample_size(10);
    for (name, path) in [("demo", &demo), ("3,300 units x 60 criteria", &large)] {
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
