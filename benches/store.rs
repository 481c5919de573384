//! Opening and checking a document, and saving one edit, on a real file on disk.

use std::hint::black_box;

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use giaoban::demo::demo_seed;
use giaoban::domain::edit::Edit;
use giaoban::store::{Intent, Origin, Store};

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

criterion_group!(benches, open_and_check, save_one_edit);
criterion_main!(benches);
