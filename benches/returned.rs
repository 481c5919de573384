//! Files that come back: reading a month's grid of 126 units × 60 criteria from .xlsx (and
//! from tab-separated text, beside it), and previewing and applying the 14 wards' returned
//! self-assessment forms of the demo file.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use chrono::Utc;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use giaoban::demo::{demo_seed, scaled_seed};
use giaoban::domain::edit::Edit;
use giaoban::domain::lang::Lang;
use giaoban::domain::results::Which;
use giaoban::domain::sheet::{read_grid_rows, write_grid};
use giaoban::export::book_read::read_table;
use giaoban::export::book_write::{GRID_SHEET, grid_xlsx};
use giaoban::export::returned::{incoming, write_forms};
use giaoban::export::ward_form::FORM_SHEET;
use giaoban::store::{Intent, Origin, Store};

/// A month of 126 units × 60 criteria: the file, and its grid as .xlsx and as .tsv.
fn grid_fixture(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let path = dir.join("scaled-126.db");
    Store::create(&path, &scaled_seed(126, 60, 2), false).expect("fixture");
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let period = store
        .find_period("ward-eoffice", 2026, 2)
        .expect("query")
        .expect("period");
    let grid = store.grid(period.period_id).expect("grid");
    let value = |u: &giaoban::domain::org::Unit, c: &giaoban::domain::scoring::Criterion| {
        grid.cells
            .get(&(u.unit_id, c.criterion_id))
            .and_then(|&(_, a)| a)
            .or(Some(c.max_points / 2.0))
    };
    let xlsx = dir.join("grid.xlsx");
    grid_xlsx(&grid.units, &grid.criteria, value, "bench", &xlsx).expect("xlsx");
    let tsv = dir.join("grid.tsv");
    std::fs::write(&tsv, write_grid(&grid.units, &grid.criteria, value)).expect("tsv");
    (path, xlsx, tsv)
}

/// Reads a grid file and writes it in one edit: what `scores import` does.
fn import(path: &Path, source: &Path) -> usize {
    let table = read_table(source, GRID_SHEET).expect("table");
    let mut store = Store::open(path, Intent::Edit).expect("open");
    let period = store
        .find_period("ward-eoffice", 2026, 2)
        .expect("query")
        .expect("period");
    let grid = store.grid(period.period_id).expect("grid");
    let cells = read_grid_rows(&table.rows(), &grid.units, &grid.criteria).expect("cells");
    let count = cells.len();
    let edit = Edit::SetScores {
        period_id: period.period_id,
        which: Which::Appraised,
        cells,
    };
    store
        .apply(&edit, "bench", Utc::now(), Origin::Do)
        .expect("apply");
    count
}

fn grid_import(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (path, xlsx, tsv) = grid_fixture(dir.path());
    for (name, source) in [("xlsx", &xlsx), ("tsv", &tsv)] {
        c.bench_function(&format!("import a 126 x 60 grid from .{name}"), |b| {
            b.iter(|| black_box(import(&path, source)))
        });
    }
}

/// Each ward's form as the ward returns it: every self-score it can change raised by a step.
fn fill(form: &Path, out: &Path) {
    let mut book = open_workbook_auto(form).expect("form");
    let range = book.worksheet_range(FORM_SHEET).expect("sheet");
    let mut xlsx = rust_xlsxwriter::Workbook::new();
    let mut props = rust_xlsxwriter::DocProperties::new();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(form).expect("open")).expect("zip");
    let mut custom = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("docProps/custom.xml").expect("custom"),
        &mut custom,
    )
    .expect("read");
    for part in custom.split("name=\"").skip(1) {
        let name = &part[..part.find('"').expect("name")];
        let value = part
            .split("<vt:lpwstr>")
            .nth(1)
            .and_then(|v| v.split("</vt:lpwstr>").next())
            .expect("value");
        props = props.set_custom_property(name, value);
    }
    xlsx.set_properties(&props);
    let sheet = xlsx.add_worksheet();
    sheet.set_name(FORM_SHEET).expect("name");
    let start = range.start().expect("cells");
    for (i, row) in range.rows().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            let (r, col) = (start.0 + i as u32, start.1 as u16 + j as u16);
            match cell {
                // The self-score column: a number the ward changes (0 ↔ its half).
                Data::Float(f) if j == 5 && *f > 0.0 => sheet.write_number(r, col, 0.0),
                Data::Float(f) => sheet.write_number(r, col, *f),
                Data::String(s) => sheet.write_string(r, col, s),
                _ => continue,
            }
            .expect("write");
        }
    }
    xlsx.save(out).expect("save");
}

fn forms(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("demo.db");
    Store::create(&path, &demo_seed(), false).expect("demo");
    let sent = dir.path().join("sent");
    let back = dir.path().join("back");
    std::fs::create_dir_all(&sent).expect("folder");
    std::fs::create_dir_all(&back).expect("folder");
    let returned: Vec<PathBuf> = {
        let store = Store::open(&path, Intent::Inspect).expect("open");
        let period = store
            .find_period("ward-eoffice", 2018, 12)
            .expect("query")
            .expect("period");
        let grid = store.grid(period.period_id).expect("grid");
        let keep = giaoban::store::changes::sent_folder(&path);
        write_forms(&grid, &[], &sent, false, &keep)
            .expect("forms")
            .iter()
            .map(|form| {
                let out = back.join(form.file_name().expect("name"));
                fill(form, &out);
                out
            })
            .collect()
    };
    assert_eq!(returned.len(), 14);
    c.bench_function("preview 14 returned forms", |b| {
        let store = Store::open(&path, Intent::Inspect).expect("open");
        b.iter(|| {
            for form in &returned {
                black_box(incoming(&store, form, Lang::Vi).expect("read"));
            }
        })
    });
    let working = dir.path().join("working.db");
    // The forms as sent, kept beside the working copy too.
    let kept = giaoban::store::changes::sent_folder(&working);
    std::fs::create_dir_all(&kept).expect("folder");
    for entry in std::fs::read_dir(giaoban::store::changes::sent_folder(&path)).expect("kept") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), kept.join(entry.file_name())).expect("copy");
    }
    c.bench_function("preview and apply 14 returned forms", |b| {
        b.iter_batched(
            || std::fs::copy(&path, &working).expect("copy"),
            |_| {
                let mut store = Store::open(&working, Intent::Edit).expect("open");
                let edits: Vec<Edit> = returned
                    .iter()
                    .map(|form| {
                        let read = incoming(&store, form, Lang::Vi).expect("read");
                        read.edit(None).expect("an edit")
                    })
                    .collect();
                store
                    .apply_all(&edits, "bench", Utc::now(), Origin::Do)
                    .expect("apply");
            },
            BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = grid_import, forms
}
criterion_main!(benches);
