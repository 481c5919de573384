//! Files that go to the wards and come back: workbooks of scores both ways (also as
//! LibreOffice saves them), the ward's form filled in and merged after a preview, conflicts
//! settled both ways, hostile workbooks refused with nothing written, and published results.

mod common;

use std::path::Path;

use calamine::{Data, DataType, Reader, open_workbook_auto};
use giaoban::domain::results::Which;
use giaoban::export::ward_form::FORM_SHEET;
use giaoban::store::{Intent, Store};

const MONTH: &str = "2018-12";

/// Fills a ward's form as a ward would, with another spreadsheet writer: every cell of the
/// form copied, the custom properties kept, and the cells of `edits` (code, column header,
/// text) changed.
fn fill_form(form: &Path, out: &Path, edits: &[(&str, &str, &str)]) {
    let mut book = open_workbook_auto(form).expect("form");
    let range = book.worksheet_range(FORM_SHEET).expect("sheet");
    let start = range.start().expect("cells");
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    let header = rows
        .iter()
        .position(|r| r.first() == Some(&Data::String("Mã".into())))
        .expect("header");
    let mut xlsx = rust_xlsxwriter::Workbook::new();
    let mut props = rust_xlsxwriter::DocProperties::new();
    let file = std::fs::File::open(form).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
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
    for (i, row) in rows.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            let (r, c) = (start.0 + i as u32, start.1 as u16 + j as u16);
            let mut text = match cell {
                Data::String(s) => Some(s.clone()),
                Data::Float(f) => {
                    sheet.write_number(r, c, *f).expect("write");
                    None
                }
                _ => None,
            };
            if i > header
                && let Some(code) = row.first().and_then(|d| d.as_string())
            {
                for (want, column, value) in edits {
                    let col = rows[header]
                        .iter()
                        .position(|h| h.as_string().as_deref() == Some(column))
                        .expect("column");
                    if code == *want && col == j {
                        text = Some((*value).to_string());
                    }
                }
            }
            if let Some(t) = text {
                sheet.write_string(r, c, t).expect("write");
            }
        }
    }
    // An edit of a cell the form left empty.
    for (want, column, value) in edits {
        let col = rows[header]
            .iter()
            .position(|h| h.as_string().as_deref() == Some(column))
            .expect("column");
        let row = rows
            .iter()
            .position(|r| r.first().and_then(|d| d.as_string()).as_deref() == Some(want))
            .expect("row");
        if rows[row].get(col).is_none_or(|d| *d == Data::Empty) {
            sheet
                .write_string(start.0 + row as u32, start.1 as u16 + col as u16, *value)
                .expect("write");
        }
    }
    xlsx.save(out).expect("save");
}

fn ward_form(file: &Path, unit: &str, out: &Path) {
    let run = common::giaoban(&[
        "ward-form",
        &file.to_string_lossy(),
        "--model",
        "ward-eoffice",
        "--month",
        MONTH,
        "--unit",
        unit,
        "--out",
        &out.to_string_lossy(),
    ]);
    assert!(run.status.success(), "{}", common::text(&run.stderr));
}

fn merge(file: &Path, from: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "merge".to_string(),
        file.to_string_lossy().into_owned(),
        "--from".into(),
        from.to_string_lossy().into_owned(),
        "--lang".into(),
        "vi".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    common::giaoban(&args)
}

/// The self-score, evidence and note of a unit's criterion in the working file.
fn self_cell(file: &Path, unit: &str, code: &str) -> (Option<f64>, String, String) {
    let store = Store::open(file, Intent::Inspect).expect("open");
    let period = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("find")
        .expect("period");
    let grid = store.grid(period.period_id).expect("grid");
    let u = grid.units.iter().find(|u| u.name == unit).expect("unit");
    let c = grid
        .criteria
        .iter()
        .find(|c| c.code == code)
        .expect("criterion");
    let key = (u.unit_id, c.criterion_id);
    let (note, evidence) = grid.notes.get(&key).cloned().unwrap_or_default();
    (grid.cells.get(&key).and_then(|&(s, _)| s), evidence, note)
}

#[test]
fn a_ward_fills_its_form_and_the_secretary_merges_it_after_a_preview() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    let form = dir.join("form.xlsx");
    ward_form(&file, "Bo De", &form);
    let filled = dir.join("Bồ Đề trả về.xlsx");
    fill_form(
        &form,
        &filled,
        &[
            ("1.1", "Tự chấm", "3,5"),
            ("1.1", "Minh chứng", "Báo cáo số 12/BC-UBND"),
            ("1.4", "Tự chấm", "có"),
            ("1.4", "Giải thích", "Đã triển khai từ tháng 11"),
        ],
    );
    let before = std::fs::read(&file).expect("read");
    let preview = merge(&file, &filled, &["--preview"]);
    let said = common::text(&preview.stdout);
    assert!(
        preview.status.success(),
        "{}",
        common::text(&preview.stderr)
    );
    assert!(said.contains("2 ô thay đổi"), "{said}");
    assert!(said.contains("Bồ Đề · 1.1"), "{said}");
    assert!(
        said.contains("→ 3,5 · minh chứng: Báo cáo số 12/BC-UBND"),
        "{said}"
    );
    // 1.4 was "có" already: only its explanation is new, and only that is shown.
    assert!(
        said.contains(": giải thích: Đã triển khai từ tháng 11"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "a preview writes nothing"
    );

    let applied = merge(&file, &filled, &[]);
    assert!(
        applied.status.success(),
        "{}",
        common::text(&applied.stderr)
    );
    assert_eq!(
        self_cell(&file, "Bồ Đề", "1.1"),
        (Some(3.5), "Báo cáo số 12/BC-UBND".into(), String::new())
    );
    assert_eq!(self_cell(&file, "Bồ Đề", "1.4").0, Some(1.0));
    assert_eq!(
        self_cell(&file, "Bồ Đề", "1.4").2,
        "Đã triển khai từ tháng 11"
    );

    // One edit, audited with the source file's name, and undone as one.
    let conn = rusqlite::Connection::open(&file).expect("sqlite");
    let (action, after): (String, String) = conn
        .query_row(
            "SELECT action, after FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("audit");
    assert_eq!(action, "apply_returned");
    assert!(after.contains("Bồ Đề trả về.xlsx"), "{after}");
    drop(conn);

    // The same form again changes nothing.
    let again = merge(&file, &filled, &[]);
    assert!(common::text(&again.stdout).contains("0 ô thay đổi"));
}

#[test]
fn a_merge_is_one_edit_that_undo_takes_back() {
    use giaoban::export::returned::{read_returned, returned_edit};
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    let form = dir.join("form.xlsx");
    ward_form(&file, "Cự Khối", &form);
    let filled = dir.join("filled.xlsx");
    fill_form(
        &form,
        &filled,
        &[("1.2", "Tự chấm", "55"), ("1.3", "Minh chứng", "QĐ 7")],
    );
    let old = (
        self_cell(&file, "Cự Khối", "1.2"),
        self_cell(&file, "Cự Khối", "1.3"),
    );
    let mut store = Store::open(&file, Intent::Edit).expect("open");
    let returned = read_returned(&store, &filled).expect("read");
    assert_eq!(returned.changes.len(), 2);
    let edit = returned_edit(&returned, &filled, None).expect("no conflict");
    let undo = store
        .apply(
            &edit,
            "test",
            chrono::Utc::now(),
            giaoban::store::Origin::Do,
        )
        .expect("apply");
    drop(store);
    assert_eq!(self_cell(&file, "Cự Khối", "1.2").0, Some(55.0));
    let mut store = Store::open(&file, Intent::Edit).expect("open");
    store
        .apply(
            &undo,
            "test",
            chrono::Utc::now(),
            giaoban::store::Origin::Undo {
                of: "apply_returned",
            },
        )
        .expect("undo");
    drop(store);
    assert_eq!(
        (
            self_cell(&file, "Cự Khối", "1.2"),
            self_cell(&file, "Cự Khối", "1.3")
        ),
        old
    );
}

/// Sets a unit's self-score in the working file, as the secretary would meanwhile.
fn set_self(file: &Path, unit: &str, code: &str, value: f64) {
    set_cell(file, unit, code, Which::SelfScore, value);
}

fn set_cell(file: &Path, unit: &str, code: &str, which: Which, value: f64) {
    let mut store = Store::open(file, Intent::Edit).expect("open");
    let period = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("find")
        .expect("period");
    let grid = store.grid(period.period_id).expect("grid");
    let u = grid.units.iter().find(|u| u.name == unit).expect("unit");
    let c = grid
        .criteria
        .iter()
        .find(|c| c.code == code)
        .expect("criterion");
    store
        .apply(
            &giaoban::domain::edit::Edit::SetScore {
                period_id: period.period_id,
                which,
                cell: giaoban::domain::edit::CellValue {
                    unit_id: u.unit_id,
                    criterion_id: c.criterion_id,
                    value: Some(value),
                },
            },
            "test",
            chrono::Utc::now(),
            giaoban::store::Origin::Do,
        )
        .expect("set");
}

#[test]
fn a_cell_changed_on_both_sides_is_shown_and_settled_either_way() {
    let dir = common::TempDir::new();
    for (take, expected) in [("mine", 1.5), ("theirs", 4.0)] {
        let file = dir.demo(&format!("{take}.db"));
        let form = dir.join(&format!("{take}-form.xlsx"));
        ward_form(&file, "Long Biên", &form);
        // After the form is sent, the secretary corrects 1.1; the ward changes it too.
        set_self(&file, "Long Biên", "1.1", 1.5);
        let filled = dir.join(&format!("{take}-filled.xlsx"));
        fill_form(
            &form,
            &filled,
            &[("1.1", "Tự chấm", "4"), ("1.2", "Tự chấm", "60")],
        );
        let preview = merge(&file, &filled, &["--preview"]);
        let said = common::text(&preview.stdout);
        assert!(said.contains("1,5 → 4  [XUNG ĐỘT"), "{said}");
        let before = std::fs::read(&file).expect("read");
        let refused = merge(&file, &filled, &[]);
        assert_eq!(refused.status.code(), Some(1));
        assert!(
            common::text(&refused.stderr).contains("1 ô xung đột: chưa nhập gì"),
            "{}",
            common::text(&refused.stderr)
        );
        assert_eq!(
            std::fs::read(&file).expect("read"),
            before,
            "nothing written"
        );
        let settled = merge(&file, &filled, &["--take", take]);
        assert!(
            settled.status.success(),
            "{}",
            common::text(&settled.stderr)
        );
        assert_eq!(self_cell(&file, "Long Biên", "1.1").0, Some(expected));
        assert_eq!(self_cell(&file, "Long Biên", "1.2").0, Some(60.0));
    }
}

#[test]
fn forms_saved_by_libreoffice_and_grids_it_resaved_come_back() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // Grids of December 2018 as exported, then opened and saved by LibreOffice Calc.
    for name in [
        "grid-2018-12.libreoffice.xlsx",
        "grid-2018-12.libreoffice.ods",
    ] {
        let out = common::import_scores(&file, MONTH, &fixtures.join(name), "vi");
        assert!(
            out.status.success(),
            "{name}: {}",
            common::text(&out.stderr)
        );
        assert!(common::text(&out.stdout).contains("364 ô"), "{name}");
    }
    // Bồ Đề's form, filled in and saved by LibreOffice (its custom properties kept); the
    // form as sent kept beside the working file, as `ward-form` keeps it.
    let sent = fixtures.join("form-bo-de.sent.xlsx");
    let form_id = giaoban::export::ward_form::read_form(&sent)
        .expect("sent form")
        .identity
        .form_id;
    for name in ["form-bo-de.libreoffice.xlsx", "form-bo-de.libreoffice.ods"] {
        let copy = dir.demo(&format!("{name}.db"));
        let kept = giaoban::store::changes::sent_folder(&copy);
        std::fs::create_dir_all(&kept).expect("folder");
        std::fs::copy(&sent, kept.join(format!("phieu-{form_id}.xlsx"))).expect("keep");
        let out = merge(&copy, &fixtures.join(name), &[]);
        assert!(
            out.status.success(),
            "{name}: {}",
            common::text(&out.stderr)
        );
        assert_eq!(self_cell(&copy, "Bồ Đề", "1.1").0, Some(3.5), "{name}");
        assert_eq!(self_cell(&copy, "Bồ Đề", "1.1").1, "Báo cáo số 12/BC-UBND");
    }
}

#[test]
fn a_grid_goes_out_and_comes_back_as_xlsx_and_csv() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    for name in ["grid.xlsx", "grid.csv", "grid.tsv"] {
        let grid = dir.join(name);
        common::export_scores(&file, MONTH, &grid);
        let out = common::import_scores(&file, MONTH, &grid, "vi");
        assert!(
            out.status.success(),
            "{name}: {}",
            common::text(&out.stderr)
        );
    }
    // Codes are text and numbers are numbers in the workbook.
    let mut book = open_workbook_auto(dir.join("grid.xlsx")).expect("xlsx");
    let range = book.worksheet_range("Điểm").expect("sheet");
    assert_eq!(range.get((0, 1)), Some(&Data::String("1.1".into())));
    assert!(matches!(range.get((1, 1)), Some(Data::Float(_))));
}

/// Refuses `bytes` as a returned form or grid with `words`, writing nothing.
fn refused(dir: &common::TempDir, file: &Path, name: &str, bytes: &[u8], words: &str) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    let before = std::fs::read(file).expect("read");
    for out in [
        merge(file, &path, &[]),
        common::import_scores(file, MONTH, &path, "vi"),
    ] {
        let err = common::text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(words), "{name}: {words} in {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!(
        std::fs::read(file).expect("read"),
        before,
        "{name}: nothing written"
    );
}

/// An .xlsx of one sheet named `sheet` with `rows` rows of `cell` (or a formula).
fn workbook(sheet: &str, rows: u32, formula: bool) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    s.set_name(sheet).expect("name");
    s.write_string(0, 0, "unit").expect("w");
    s.write_string(0, 1, "1.1").expect("w");
    for r in 1..rows {
        s.write_string(r, 0, "Bồ Đề").expect("w");
        if formula {
            s.write_formula(r, 1, "=1+2").expect("w");
        } else {
            s.write_number(r, 1, 1.0).expect("w");
        }
    }
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn hostile_workbooks_are_refused_with_nothing_written() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    // A zip bomb: a part that unpacks to 300 MB of zeros.
    let mut bomb = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bomb));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("xl/worksheets/sheet1.xml", opts)
            .expect("zip");
        let zeros = vec![b' '; 1024 * 1024];
        for _ in 0..300 {
            std::io::Write::write_all(&mut zip, &zeros).expect("zip");
        }
        zip.finish().expect("zip");
    }
    assert!(bomb.len() < 2 * 1024 * 1024);
    refused(&dir, &file, "bomb.xlsx", &bomb, "giải nén ra quá lớn");
    // A sheet of 1,048,576 rows (written sparse: its first and last rows).
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    s.set_name("Điểm").expect("name");
    s.set_name(FORM_SHEET).ok();
    for r in (0..1_048_576).step_by(1024) {
        s.write_string(r, 0, "Bồ Đề").expect("w");
    }
    s.write_string(1_048_575, 0, "Bồ Đề").expect("w");
    let tall = book.save_to_buffer().expect("xlsx");
    let path = dir.join("tall.xlsx");
    std::fs::write(&path, &tall).expect("write");
    let out = merge(&file, &path, &[]);
    assert!(common::text(&out.stderr).contains("hơn 20.000 dòng"));
    // Formulas instead of values.
    let before = std::fs::read(&file).expect("read");
    let path = dir.join("formula.xlsx");
    std::fs::write(&path, workbook("Điểm", 3, true)).expect("write");
    let out = common::import_scores(&file, MONTH, &path, "vi");
    assert!(
        common::text(&out.stderr).contains("ô có công thức"),
        "{}",
        common::text(&out.stderr)
    );
    // A renamed sheet.
    let path = dir.join("renamed.xlsx");
    std::fs::write(&path, workbook("Sheet1", 3, false)).expect("write");
    let out = common::import_scores(&file, MONTH, &path, "vi");
    assert!(
        common::text(&out.stderr).contains("Không có trang tính \"Điểm\" (có: Sheet1)"),
        "{}",
        common::text(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "nothing written"
    );
    // An .ods of a few hundred bytes whose repeated rows and cells ask for 98 million cells.
    let mut ods = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut ods));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).expect("zip");
        std::io::Write::write_all(&mut zip, b"application/vnd.oasis.opendocument.spreadsheet")
            .expect("zip");
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .expect("zip");
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="{FORM_SHEET}"><table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        std::io::Write::write_all(&mut zip, content.as_bytes()).expect("zip");
        zip.finish().expect("zip");
    }
    assert!(ods.len() < 2048);
    refused(&dir, &file, "bomb.ods", &ods, "quá nhiều ô hoặc chữ");
    // One long shared string in 19,999 rows: 1.3 GB of text from a small file.
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    s.set_name("Điểm").expect("name");
    let long = "Bồ Đề ".repeat(700);
    for r in 0..19_999 {
        s.write_string(r, 0, &long).expect("w");
    }
    let wide = book.save_to_buffer().expect("xlsx");
    let path = dir.join("long.xlsx");
    std::fs::write(&path, &wide).expect("write");
    let out = common::import_scores(&file, MONTH, &path, "vi");
    assert!(
        common::text(&out.stderr).contains("quá nhiều ô hoặc chữ"),
        "{}",
        common::text(&out.stderr)
    );
    // Not a workbook at all, and a truncated one.
    refused(
        &dir,
        &file,
        "text.xlsx",
        b"unit\t1.1\n",
        "không phải bảng tính",
    );
    let good = workbook(FORM_SHEET, 3, false);
    refused(
        &dir,
        &file,
        "cut.xlsx",
        &good[..good.len() / 2],
        "không phải bảng tính",
    );
    // A grid is not a form; a form of another file is not this file's.
    let grid = dir.join("grid.xlsx");
    common::export_scores(&file, MONTH, &grid);
    let out = merge(&file, &grid, &[]);
    assert!(common::text(&out.stderr).contains("Không có trang tính \"Phiếu tự chấm\""));
    let other = dir.join("other.db");
    let run = common::giaoban(&["demo", &other.to_string_lossy(), "--units", "20"]);
    assert!(run.status.success(), "{}", common::text(&run.stderr));
    let form = dir.join("other-form.xlsx");
    let out = common::giaoban(&[
        "ward-form",
        &other.to_string_lossy(),
        "--model",
        "ward-eoffice",
        "--month",
        "2026-02",
        "--unit",
        "Bồ Đề",
        "--out",
        &form.to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let out = merge(&file, &form, &[]);
    assert!(
        common::text(&out.stderr).contains("Không tìm thấy bản đã gửi của phiếu này"),
        "{}",
        common::text(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "nothing written"
    );
}

#[test]
fn results_are_published_as_a_workbook_a_pdf_and_one_html_file() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    for ext in ["xlsx", "pdf", "html"] {
        let out_path = dir.join(&format!("results.{ext}"));
        let out = common::giaoban(&[
            "results",
            &file.to_string_lossy(),
            "--model",
            "ward-eoffice",
            "--month",
            MONTH,
            "--out",
            &out_path.to_string_lossy(),
        ]);
        assert!(out.status.success(), "{ext}: {}", common::text(&out.stderr));
    }
    // The workbook: the ranked table and a native chart.
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(dir.join("results.xlsx")).expect("xlsx"))
            .expect("zip");
    assert!(
        zip.by_name("xl/charts/chart1.xml").is_ok(),
        "a native chart"
    );
    let mut book = open_workbook_auto(dir.join("results.xlsx")).expect("xlsx");
    let range = book.worksheet_range("Kết quả").expect("sheet");
    assert_eq!(range.get((4, 1)), Some(&Data::String("Đức Giang".into())));
    // The PDF: A4, fonts embedded, the table as text.
    let pdf = dir.join("results.pdf").to_string_lossy().into_owned();
    assert!(common::poppler("pdfinfo", &[&pdf]).contains("595 x 842 pts (A4)"));
    let fonts = common::poppler("pdffonts", &[&pdf]);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "{fonts}"
    );
    let text = common::poppler("pdftotext", &[&pdf, "-"]);
    assert!(text.contains("Kết quả đánh giá tháng 12/2018"), "{text}");
    assert!(text.contains("95,84"), "{text}");
    // The HTML: one file, nothing linked from outside it.
    let html = std::fs::read_to_string(dir.join("results.html")).expect("html");
    assert!(html.contains("<svg") && html.contains("Đức Giang"));
    assert!(!html.contains("src=\"http") && !html.contains("<link"));
}

#[test]
fn the_window_sends_the_forms_and_brings_one_back_after_its_preview() {
    use common::ui::{app, click, shows};
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    let forms = dir.join("forms");
    std::fs::create_dir(&forms).expect("folder");
    let filled = dir.join("Bo-De-tra-ve.xlsx");
    let dialogs = giaoban::app::dialogs::ScriptedDialogs {
        folder: Some(forms.clone()),
        open: Some(filled.clone()),
        ..Default::default()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2018, 12, 20).expect("day");
    let mut harness = app(&dir, file.clone(), today, dialogs);
    click(&mut harness, "Chấm điểm");
    click(&mut harness, "Tệp");
    click(&mut harness, "Gửi phiếu tự chấm…");
    assert!(shows(&harness, "Đã ghi 14 phiếu tự chấm"));
    let form = forms.join("Phieu-tu-cham-Bo-De-2018-12.xlsx");
    assert!(form.is_file());
    assert_eq!(std::fs::read_dir(&forms).expect("list").count(), 14);

    fill_form(
        &form,
        &filled,
        &[("1.1", "Tự chấm", "3,5"), ("1.1", "Minh chứng", "BC 12")],
    );
    let before = std::fs::read(&file).expect("read");
    click(&mut harness, "Tệp");
    click(&mut harness, "Nhập bản trả về…");
    assert!(shows(&harness, "1 ô thay đổi, 0 ô xung đột. Chưa ghi gì"));
    assert!(shows(&harness, "3 → 3,5 · minh chứng: BC 12"));
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "the preview writes nothing"
    );
    click(
        &mut harness,
        giaoban::ui::returned::apply_label(giaoban::domain::lang::Lang::Vi),
    );
    assert!(harness.state().returned.is_none());
    assert_eq!(self_cell(&file, "Bồ Đề", "1.1").0, Some(3.5));

    // One edit: Undo takes the whole form back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        self_cell(&file, "Bồ Đề", "1.1"),
        (Some(3.0), String::new(), String::new())
    );
}

/// The appraised score of a unit's criterion in December 2018.
fn appraised(file: &Path, unit: &str, code: &str) -> Option<f64> {
    let store = Store::open(file, Intent::Inspect).expect("open");
    let period = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("find")
        .expect("period");
    let grid = store.grid(period.period_id).expect("grid");
    let u = grid.units.iter().find(|u| u.name == unit).expect("unit");
    let c = grid
        .criteria
        .iter()
        .find(|c| c.code == code)
        .expect("criterion");
    grid.cells
        .get(&(u.unit_id, c.criterion_id))
        .and_then(|&(_, a)| a)
}

#[test]
fn a_copy_sent_by_email_comes_back_and_is_merged_cell_by_cell() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    let copy = dir.join("gui-pho-ban.db");
    Store::open(&file, Intent::Edit)
        .expect("open")
        .save_copy_to_send(&copy)
        .expect("send");
    let kept = giaoban::store::changes::sent_folder(&file);
    assert_eq!(std::fs::read_dir(&kept).expect("kept").count(), 1);
    // Elsewhere, in the copy: Phúc Lợi appraised, Bồ Đề's 1.1 corrected.
    set_cell(&copy, "Phúc Lợi", "1.1", Which::Appraised, 3.0);
    set_cell(&copy, "Bồ Đề", "1.1", Which::Appraised, 2.5);
    // And a plan's title, which a merge of scores does not bring in, but says.
    rusqlite::Connection::open(&copy)
        .expect("open")
        .execute_batch(
            "UPDATE plan SET title = title || ' (sửa)' WHERE id = (SELECT min(id) FROM plan)",
        )
        .expect("edit");
    // Meanwhile, in the working file, Bồ Đề's 1.1 corrected differently.
    set_cell(&file, "Bồ Đề", "1.1", Which::Appraised, 3.5);

    let preview = merge(&file, &copy, &["--preview"]);
    let said = common::text(&preview.stdout);
    assert!(
        preview.status.success(),
        "{}",
        common::text(&preview.stderr)
    );
    assert!(said.contains("2 ô thay đổi"), "{said}");
    assert!(said.contains("Phúc Lợi · 1.1"), "{said}");
    assert!(said.contains("(thẩm định): — → 3"), "{said}");
    assert!(said.contains("3,5 → 2,5  [XUNG ĐỘT"), "{said}");
    assert!(said.contains("còn 1 thay đổi ngoài điểm"), "{said}");
    let before = std::fs::read(&file).expect("read");
    assert_eq!(merge(&file, &copy, &[]).status.code(), Some(1));
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "nothing written"
    );

    let out = merge(&file, &copy, &["--take", "mine"]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    assert_eq!(appraised(&file, "Phúc Lợi", "1.1"), Some(3.0));
    assert_eq!(appraised(&file, "Bồ Đề", "1.1"), Some(3.5));
    let conn = rusqlite::Connection::open(&file).expect("sqlite");
    let (action, after): (String, String) = conn
        .query_row(
            "SELECT action, after FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("audit");
    assert_eq!(action, "merge_copy");
    assert!(after.contains("gui-pho-ban.db"), "{after}");
}

#[test]
fn a_copy_this_file_did_not_send_or_a_hostile_one_is_refused() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    // A copy of another file (never sent from this one).
    let stranger = dir.demo("khac.db");
    let out = merge(&file, &stranger, &[]);
    assert!(
        common::text(&out.stderr).contains("Không tìm thấy bản đã gửi"),
        "{}",
        common::text(&out.stderr)
    );
    // A copy sent from this file, with a trigger planted in it on the way back.
    let copy = dir.join("gui.db");
    Store::open(&file, Intent::Edit)
        .expect("open")
        .save_copy_to_send(&copy)
        .expect("send");
    rusqlite::Connection::open(&copy)
        .expect("open")
        .execute_batch("CREATE TRIGGER wipe AFTER UPDATE ON score BEGIN DELETE FROM score; END;")
        .expect("plant");
    let before = std::fs::read(&file).expect("read");
    let out = merge(&file, &copy, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::text(&out.stderr).contains("trigger"),
        "{}",
        common::text(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "nothing written"
    );
}

#[test]
fn a_ward_cannot_steer_the_merge_through_hidden_columns_or_properties() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    let form = dir.join("form.xlsx");
    ward_form(&file, "Bồ Đề", &form);
    // After it is sent, the secretary corrects 1.1 to 4.
    set_self(&file, "Bồ Đề", "1.1", 4.0);
    // The ward writes 2 and makes the hidden "as sent" column say 4, so that 4 → 2 would look
    // like its own change; and points the form at another ward.
    let filled = dir.join("filled.xlsx");
    fill_form(
        &form,
        &filled,
        &[("1.1", "Tự chấm", "2"), ("1.1", "Đã gửi: điểm", "4")],
    );
    let planted = dir.join("planted.xlsx");
    let bytes = std::fs::read(&filled).expect("read");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&planted).expect("create"));
    let cu_khoi = {
        let store = Store::open(&file, Intent::Inspect).expect("open");
        store
            .units()
            .expect("units")
            .into_iter()
            .find(|u| u.name == "Cự Khối")
            .expect("unit")
            .unit_id
    };
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("part");
        let name = part.name().expect("name").to_string();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut text).expect("read");
        if name == "docProps/custom.xml" {
            let xml = String::from_utf8(text).expect("utf-8");
            let start = xml.find("name=\"giaoban.unit\"").expect("unit property");
            let value = xml[start..].find("<vt:lpwstr>").expect("value") + start + 11;
            let end = xml[value..].find('<').expect("end") + value;
            text = format!("{}{cu_khoi}{}", &xml[..value], &xml[end..]).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("part");
        std::io::Write::write_all(&mut out, &text).expect("write");
    }
    out.finish().expect("zip");
    let preview = merge(&file, &planted, &["--preview"]);
    let said = common::text(&preview.stdout);
    assert!(said.contains("Bồ Đề · 1.1"), "{said}");
    assert!(said.contains("4 → 2  [XUNG ĐỘT"), "{said}");
    assert!(!said.contains("Cự Khối"), "{said}");
}

#[test]
fn several_files_go_in_together_or_not_at_all() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    let (a, b) = (dir.join("a.xlsx"), dir.join("b.xlsx"));
    ward_form(&file, "Bồ Đề", &a);
    ward_form(&file, "Bồ Đề", &b);
    let (fa, fb) = (dir.join("fa.xlsx"), dir.join("fb.xlsx"));
    fill_form(&a, &fa, &[("1.1", "Tự chấm", "4")]);
    fill_form(&b, &fb, &[("1.1", "Tự chấm", "1")]);
    let before = std::fs::read(&file).expect("read");
    // Two forms that change one cell: neither wins.
    let run = |args: &[&str]| {
        let mut all = vec!["merge", file.to_str().expect("path"), "--lang", "vi"];
        all.extend_from_slice(args);
        common::giaoban(&all)
    };
    let out = run(&[
        "--from",
        fa.to_str().expect("p"),
        "--from",
        fb.to_str().expect("p"),
    ]);
    assert!(
        common::text(&out.stderr).contains("cùng sửa một ô"),
        "{}",
        common::text(&out.stderr)
    );
    // A good form and a copy with a value its criterion does not take: nothing goes in.
    let copy = dir.join("copy.db");
    Store::open(&file, Intent::Edit)
        .expect("open")
        .save_copy_to_send(&copy)
        .expect("send");
    rusqlite::Connection::open(&copy)
        .expect("open")
        .execute_batch(
            "UPDATE score SET appraised_values = replace(appraised_values, ':0,', ':99,')
             WHERE unit_id = (SELECT id FROM unit WHERE name = 'Cự Khối')
               AND period_id IN (SELECT id FROM period WHERE status = 'draft')",
        )
        .expect("edit");
    let out = run(&[
        "--from",
        fa.to_str().expect("p"),
        "--from",
        copy.to_str().expect("p"),
    ]);
    let err = common::text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Cự Khối ·") && err.contains("99"), "{err}");
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "nothing written"
    );
}

#[test]
fn workbook_cells_read_as_people_mean_them() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    s.set_name("Điểm").expect("name");
    s.write_string(0, 0, "unit").expect("w");
    for (j, code) in ["1.1", "1.2", "1.3"].iter().enumerate() {
        s.write_string(0, j as u16 + 1, *code).expect("w");
    }
    s.write_string(1, 0, "Bồ Đề").expect("w");
    // What binary floating point makes of 3.5 after a sum in Excel.
    s.write_number(1, 1, 3.5000000000000004).expect("w");
    s.write_number(1, 2, 80.0).expect("w");
    s.write_boolean(1, 3, true).expect("w");
    let path = dir.join("cells.xlsx");
    book.save(&path).expect("save");
    let out = common::import_scores(&file, MONTH, &path, "vi");
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    assert_eq!(appraised(&file, "Bồ Đề", "1.1"), Some(3.5));
    assert_eq!(appraised(&file, "Bồ Đề", "1.3"), Some(1.0));
    // A date is not a score, and a tick box is not points.
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    s.set_name("Điểm").expect("name");
    s.write_string(0, 0, "unit").expect("w");
    s.write_string(0, 1, "1.1").expect("w");
    s.write_string(0, 2, "1.2").expect("w");
    s.write_string(1, 0, "Bồ Đề").expect("w");
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2019, 1, 1).expect("day");
    s.write_datetime_with_format(
        1,
        1,
        &day,
        &rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy"),
    )
    .expect("w");
    s.write_boolean(1, 2, true).expect("w");
    book.save(&path).expect("save");
    let out = common::import_scores(&file, MONTH, &path, "vi");
    let err = common::text(&out.stderr);
    assert!(err.contains("01/01/2019"), "{err}");
    assert!(err.contains("\"có\""), "{err}");
}
