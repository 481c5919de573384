//! Scores in the file: entering, validating, freezing, undoing, the period workflow.

mod common;

use chrono::Utc;
use common::TempDir;
use giaoban::domain::edit::{CellValue, Edit};
use giaoban::domain::lang::Lang;
use giaoban::domain::results::{Transition, Which, WorkflowError};
use giaoban::domain::scoring::PeriodStatus;
use giaoban::store::{Intent, Origin, Store, StoreError};

fn apply(store: &mut Store, edit: &Edit) -> Result<Edit, StoreError> {
    store.apply(edit, "Thư ký", Utc::now(), Origin::Do)
}

#[test]
fn the_grid_of_a_month_holds_the_wards_and_their_scores() {
    let dir = TempDir::new();
    let store = Store::open(&dir.demo("demo.db"), Intent::Inspect).expect("open");
    let period = store
        .find_period("ward-eoffice", 2018, 3)
        .expect("query")
        .expect("March 2018");
    assert_eq!(period.status, PeriodStatus::Published);
    let grid = store.grid(period.period_id).expect("grid");
    assert_eq!(grid.units.len(), 14);
    assert_eq!(grid.criteria.len(), 26);
    assert_eq!(grid.groups.len(), 7);
    assert_eq!(grid.cells.len(), 14 * 26);
    let r = grid.results(Which::Appraised);
    assert!(r.iter().all(|u| u.rank.is_some() && u.missing == 0));
    assert!(r.iter().all(|u| (0.0..=108.0).contains(&u.total)));
    assert!(r.iter().any(|u| u.rank == Some(1)));
    // December is still being appraised: five wards have no appraisal yet.
    let dec = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("query")
        .expect("December");
    let grid = store.grid(dec.period_id).expect("grid");
    let r = grid.results(Which::Appraised);
    assert_eq!(r.iter().filter(|u| u.rank.is_none()).count(), 5);
    assert!(
        store
            .find_period("ward-eoffice", 2017, 3)
            .expect("query")
            .is_none()
    );
}

#[test]
fn a_score_is_validated_saved_audited_and_undone() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let dec = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("query")
        .expect("December");
    let grid = store.grid(dec.period_id).expect("grid");
    let unit = grid.units[13].unit_id;
    let c11 = grid
        .criteria
        .iter()
        .find(|c| c.code == "1.1")
        .expect("1.1")
        .criterion_id;
    let old = grid.cells.get(&(unit, c11)).and_then(|c| c.1);
    let set = |value| Edit::SetScore {
        period_id: dec.period_id,
        which: Which::Appraised,
        cell: CellValue {
            unit_id: unit,
            criterion_id: c11,
            value,
        },
    };

    let undo = apply(&mut store, &set(Some(3.5))).expect("3.5 is valid for 1.1 (max 4, step 0.5)");
    let grid = store.grid(dec.period_id).expect("grid");
    assert_eq!(grid.cells.get(&(unit, c11)).and_then(|c| c.1), Some(3.5));
    assert_eq!(store.audit_tail(1).expect("audit")[0].action, "set_score");

    let audit_before = store.counts().expect("counts").audit_rows;
    for bad in [4.5, 3.3, -1.0] {
        let err = apply(&mut store, &set(Some(bad))).expect_err("invalid");
        assert!(matches!(err, StoreError::Score(_)), "{bad}: {err:?}");
        assert!(!err.message(Lang::Vi).is_empty());
    }
    assert_eq!(
        store.counts().expect("counts").audit_rows,
        audit_before,
        "refusals write nothing"
    );

    store
        .apply(
            &undo,
            "Thư ký",
            Utc::now(),
            Origin::Undo { of: "set_score" },
        )
        .expect("undo");
    let grid = store.grid(dec.period_id).expect("grid");
    assert_eq!(grid.cells.get(&(unit, c11)).and_then(|c| c.1), old);
}

#[test]
fn a_block_with_one_bad_cell_is_refused_whole() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let dec = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("query")
        .expect("December");
    let grid = store.grid(dec.period_id).expect("grid");
    let c = |code: &str| {
        grid.criteria
            .iter()
            .find(|c| c.code == code)
            .expect("code")
            .criterion_id
    };
    let cells = vec![
        CellValue {
            unit_id: grid.units[0].unit_id,
            criterion_id: c("1.1"),
            value: Some(2.0),
        },
        CellValue {
            unit_id: grid.units[1].unit_id,
            criterion_id: c("1.3"),
            value: Some(2.0),
        },
    ];
    let before = grid.cells.clone();
    let err = apply(
        &mut store,
        &Edit::SetScores {
            period_id: dec.period_id,
            which: Which::SelfScore,
            cells,
        },
    )
    .expect_err("1.3 is yes/no");
    assert!(matches!(err, StoreError::Score(_)));
    assert_eq!(store.grid(dec.period_id).expect("grid").cells, before);
}

#[test]
fn finalizing_freezes_the_month_and_reopening_needs_a_reason() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let mut store = Store::open(&path, Intent::Edit).expect("open");
    let dec = store
        .find_period("ward-eoffice", 2018, 12)
        .expect("query")
        .expect("December");
    let grid = store.grid(dec.period_id).expect("grid");
    let cell = CellValue {
        unit_id: grid.units[0].unit_id,
        criterion_id: grid.criteria[0].criterion_id,
        value: Some(1.0),
    };
    let change = |transition, reason: Option<&str>| Edit::ChangePeriod {
        period_id: dec.period_id,
        transition,
        reason: reason.map(str::to_owned),
    };

    apply(&mut store, &change(Transition::Finalize, None)).expect("finalize");
    let err = apply(
        &mut store,
        &Edit::SetScore {
            period_id: dec.period_id,
            which: Which::Appraised,
            cell: cell.clone(),
        },
    )
    .expect_err("frozen");
    assert!(matches!(
        err,
        StoreError::Workflow(WorkflowError::Frozen(PeriodStatus::Finalized))
    ));
    assert!(matches!(
        apply(&mut store, &change(Transition::Reopen, Some(" "))),
        Err(StoreError::Workflow(WorkflowError::ReasonRequired))
    ));
    apply(
        &mut store,
        &change(Transition::Reopen, Some("Sai số liệu phường Bồ Đề")),
    )
    .expect("reopen");
    let audit = store.audit_tail(1).expect("audit");
    assert!(
        audit[0]
            .after
            .as_deref()
            .unwrap_or("")
            .contains("Sai số liệu phường Bồ Đề")
    );
    apply(
        &mut store,
        &Edit::SetScore {
            period_id: dec.period_id,
            which: Which::Appraised,
            cell,
        },
    )
    .expect("editable again");
}

/// A grid saved by Notepad (a BOM), by Excel as "Unicode Text" (UTF-16 with its BOM), with
/// CRLF or lone CR line ends, the trailing tabs Excel leaves, quoted cells and a unit written
/// with its tone placed the other way ("Gia Thuỵ") comes in; an "ANSI" save, a unit given twice
/// and a file too large to be a grid are refused in the person's language, with nothing written.
#[test]
fn a_grid_is_imported_as_notepad_and_excel_save_it() {
    let dir = common::TempDir::new();
    let file = dir.demo("demo.db");
    let grid = dir.join("grid.tsv");
    common::export_scores(&file, "2018-12", &grid);
    let exported = std::fs::read_to_string(&grid).expect("grid");
    assert!(exported.contains("Gia Thụy"));
    let as_saved: String = exported
        .lines()
        .map(|line| {
            let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
            cells[0] = format!("\"{}\"", cells[0].replace("Gia Thụy", "Gia Thuỵ"));
            cells.join("\t") + "\t\t"
        })
        .collect::<Vec<_>>()
        .join("\r\n");
    let mut notepad = vec![0xEF, 0xBB, 0xBF];
    notepad.extend_from_slice(as_saved.as_bytes());
    let mut unicode_text = vec![0xFF, 0xFE];
    for unit in as_saved.replace("\r\n", "\r").encode_utf16() {
        unicode_text.extend(unit.to_le_bytes());
    }
    for (name, bytes) in [("notepad", notepad), ("unicode-text", unicode_text)] {
        std::fs::write(&grid, bytes).expect("write");
        let out = common::import_scores(&file, "2018-12", &grid, "vi");
        assert!(
            out.status.success(),
            "{name}: {}",
            common::text(&out.stderr)
        );
    }

    let refuse = |bytes: &[u8], words: &str| {
        std::fs::write(&grid, bytes).expect("write");
        let before = std::fs::read(&file).expect("read");
        let out = common::import_scores(&file, "2018-12", &grid, "vi");
        let err = common::text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(words), "{words} in {err}");
        assert_eq!(
            std::fs::read(&file).expect("read"),
            before,
            "nothing written"
        );
    };
    // "Bồ Đề" as Windows-1258 saves it.
    let mut ansi = b"unit\t1.1\nB\xd2 \xd0\xea\t3\n".to_vec();
    ansi.extend_from_slice(b"\n");
    refuse(&ansi, "UTF-8");
    let twice = format!(
        "{exported}{}\n",
        exported.lines().nth(1).expect("a unit's row")
    );
    refuse(twice.as_bytes(), "có ở cả dòng 2 và dòng");
    refuse(&vec![b'1'; 17 * 1024 * 1024], "quá lớn");
    // 100,000 rows repeating the wards: refused before a row is looked at.
    let mut many = exported.clone();
    let body: Vec<&str> = exported.lines().skip(1).collect();
    for i in 0..100_000 {
        many.push_str(body[i % body.len()]);
        many.push('\n');
    }
    refuse(many.as_bytes(), "hơn 20.000 dòng");
    refuse(
        format!("unit\t1.1\nBồ Đề\t{}\n", "1".repeat(70_000)).as_bytes(),
        "Dòng 2 dài quá 64 KB",
    );
    // A slip in a name: the unit it may be is suggested, nothing is guessed.
    let slip = exported.replacen("Bồ Đề", "Bồ Đềe", 1);
    refuse(
        slip.as_bytes(),
        "không có đơn vị \"Bồ Đềe\"; có phải \"Bồ Đề\"?",
    );

    // Names typed without their marks are taken when only one unit reads so.
    let bare = exported
        .replacen("Bồ Đề", "Bo De", 1)
        .replacen("Gia Thụy", "GIA THUY", 1);
    std::fs::write(&grid, bare).expect("write");
    let out = common::import_scores(&file, "2018-12", &grid, "vi");
    assert!(out.status.success(), "{}", common::text(&out.stderr));
}
