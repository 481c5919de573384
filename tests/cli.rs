//! The command line, run as a person would: the real binary, real files.

mod common;

use common::{TempDir, giaoban, side_files, text};

#[test]
fn demo_writes_a_file_and_refuses_to_overwrite_without_force() {
    let dir = TempDir::new();
    let out = dir.join("demo.db");
    let path = out.to_string_lossy().into_owned();
    let first = giaoban(&["demo", &path, "--lang", "vi"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stdout).contains("Đã ghi tệp mẫu"));
    let before = std::fs::read(&out).expect("read");

    let again = giaoban(&["demo", &path, "--lang", "en"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(std::fs::read(&out).expect("read"), before);

    let forced = giaoban(&["demo", &path, "--force"]);
    assert!(forced.status.success());
    assert_eq!(side_files(dir.path(), &["demo.db"]), Vec::<String>::new());
}

#[test]
fn check_prints_what_the_file_holds() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let before = std::fs::read(&path).expect("read");
    let out = giaoban(&["check", &path.to_string_lossy(), "--lang", "en"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for line in [
        "Schema: 3",
        "Units: 18 (retired: 0)",
        "Plans: 4; targets: 14",
        "Criteria sets: 3; scored periods: 13",
        "Meetings: 2; action items: 9",
        "Result: usable",
    ] {
        assert!(stdout.contains(line), "{line} in\n{stdout}");
    }
    let vi = giaoban(&["check", &path.to_string_lossy(), "--lang", "vi"]);
    assert!(text(&vi.stdout).contains("Đơn vị: 18"));
    // Never a write.
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(side_files(dir.path(), &["demo.db"]), Vec::<String>::new());
}

#[test]
fn check_refuses_bad_files_with_one_line_and_exit_1() {
    let dir = TempDir::new();
    let garbage = dir.join("garbage.db");
    std::fs::write(&garbage, vec![0x42u8; 5000]).expect("write");
    let empty = dir.join("empty.db");
    std::fs::write(&empty, b"").expect("write");
    let missing = dir.join("missing.db");
    for (path, reason) in [
        (&garbage, "not a giaoban file"),
        (&empty, "empty"),
        (&missing, "no such file"),
    ] {
        let out = giaoban(&["check", &path.to_string_lossy(), "--lang", "en"]);
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(reason), "{stderr}");
        assert!(!stderr.contains("panicked"));
    }
    assert!(!missing.exists());
    let vi = giaoban(&["check", &garbage.to_string_lossy(), "--lang", "vi"]);
    assert!(text(&vi.stderr).contains("Không phải tệp giaoban"));
}

#[test]
fn usage_errors_exit_2() {
    let out = giaoban(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let out = giaoban(&["frobnicate", "x", "y"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn criteria_and_results_in_every_format() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let file = path.to_string_lossy().into_owned();
    let table = giaoban(&[
        "criteria",
        &file,
        "--model",
        "ward-eoffice",
        "--year",
        "2018",
    ]);
    assert!(table.status.success(), "{}", text(&table.stderr));
    let stdout = text(&table.stdout);
    assert_eq!(stdout.lines().count(), 27, "a header and 26 criteria");
    assert!(stdout.contains("Kết quả sát hạch trình độ ứng dụng CNTT của Bí thư"));
    let csv = giaoban(&[
        "criteria",
        &file,
        "--model",
        "ward-eoffice",
        "--year",
        "2018",
        "--format",
        "csv",
    ]);
    let csv = text(&csv.stdout);
    assert!(csv.starts_with("code,group,name,kind,max\n1.1,1,"));
    assert!(csv.contains("TCVN ISO 9001:2015\",points,6"), "{csv}");
    let json = giaoban(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-03",
        "--format",
        "json",
    ]);
    let parsed: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let rows = parsed.as_array().expect("array");
    assert_eq!(rows.len(), 14);
    assert_eq!(rows[0]["rank"], 1);
    assert!(rows.iter().all(|r| r["band"].is_string()));
    let year = giaoban(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--year",
        "2018",
        "--lang",
        "en",
    ]);
    assert!(year.status.success());
    assert_eq!(text(&year.stdout).lines().count(), 15);
    let onestop = giaoban(&[
        "results", &file, "--model", "one-stop", "--year", "2017", "--lang", "en",
    ]);
    assert_eq!(
        text(&onestop.stdout).matches("Passed").count(),
        15,
        "the office and 14 wards met the standard"
    );
    let missing = giaoban(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2016-01",
        "--lang",
        "en",
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("no scoring period 01/2016"));
}

#[test]
fn scores_export_then_import_round_trips_exactly() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let file = path.to_string_lossy().into_owned();
    let first = dir.join("first.tsv");
    let second = dir.join("second.tsv");
    for side in ["self", "appraised"] {
        let out = giaoban(&[
            "scores",
            "export",
            &file,
            "--model",
            "ward-eoffice",
            "--month",
            "2018-12",
            "--as",
            side,
            "--out",
            &first.to_string_lossy(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let import = giaoban(&[
            "scores",
            "import",
            &file,
            "--model",
            "ward-eoffice",
            "--month",
            "2018-12",
            "--as",
            side,
            "--from",
            &first.to_string_lossy(),
        ]);
        assert!(import.status.success(), "{}", text(&import.stderr));
        giaoban(&[
            "scores",
            "export",
            &file,
            "--model",
            "ward-eoffice",
            "--month",
            "2018-12",
            "--as",
            side,
            "--out",
            &second.to_string_lossy(),
        ]);
        assert_eq!(
            std::fs::read(&first).expect("first"),
            std::fs::read(&second).expect("second"),
            "{side}"
        );
    }
    // Excel's way: decimal commas are read too.
    let tsv = std::fs::read_to_string(&first)
        .expect("read")
        .replace("\t3\t", "\t3,5\t");
    std::fs::write(&first, tsv).expect("write");
    let import = giaoban(&[
        "scores",
        "import",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-12",
        "--from",
        &first.to_string_lossy(),
    ]);
    assert!(import.status.success(), "{}", text(&import.stderr));
}

#[test]
fn an_import_with_one_bad_cell_writes_nothing_and_names_it() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let file = path.to_string_lossy().into_owned();
    let tsv = dir.join("grid.tsv");
    giaoban(&[
        "scores",
        "export",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-12",
        "--out",
        &tsv.to_string_lossy(),
    ]);
    let mut lines: Vec<String> = std::fs::read_to_string(&tsv)
        .expect("read")
        .lines()
        .map(str::to_owned)
        .collect();
    // Row 3 (Cự Khối), column 2 (criterion 1.1, max 4): 9 is out of range.
    let mut cells: Vec<String> = lines[2].split('\t').map(str::to_owned).collect();
    cells[1] = "9".into();
    lines[2] = cells.join("\t");
    lines.push("Phường Không Có\t1".into());
    std::fs::write(&tsv, lines.join("\n")).expect("write");
    let before = std::fs::read(&path).expect("read");
    let out = giaoban(&[
        "scores",
        "import",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-12",
        "--from",
        &tsv.to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("row 3, column 2 (Cự Khối / 1.1): 9 is outside 0..4"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 16: no unit \"Phường Không Có\""),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "nothing written"
    );

    // A finalized month refuses any import.
    let good = dir.join("good.tsv");
    giaoban(&[
        "scores",
        "export",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-11",
        "--out",
        &good.to_string_lossy(),
    ]);
    let out = giaoban(&[
        "scores",
        "import",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-11",
        "--from",
        &good.to_string_lossy(),
        "--lang",
        "vi",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("Đã chốt"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn targets_and_actions_as_of_a_day() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let file = path.to_string_lossy().into_owned();
    let out = giaoban(&[
        "targets",
        &file,
        "--plan",
        "112/KH-UBND",
        "--as-of",
        "2019-07-01",
        "--format",
        "json",
        "--lang",
        "vi",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 7);
    assert_eq!(
        rows[0]["counted"], "12/14",
        "the wards' checklist fills target 1"
    );
    assert_eq!(rows[0]["status"], "Đúng tiến độ");
    // After the end of 2019 the unmet targets are overdue.
    let out = giaoban(&[
        "targets",
        &file,
        "--plan",
        "112/KH-UBND",
        "--as-of",
        "2020-01-15",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    let csv = text(&out.stdout);
    assert_eq!(csv.lines().count(), 8, "{csv}");
    assert_eq!(csv.matches("Overdue").count(), 7, "{csv}");
    // An unknown plan and a bad date are refused with one line each.
    let out = giaoban(&["targets", &file, "--plan", "999/KH", "--lang", "vi"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Không có kế hoạch số"));
    let out = giaoban(&["targets", &file, "--as-of", "2019-13-01", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not a valid date"));

    // On 15 February 2018 the January item is overdue and listed first; the item closed on
    // 28 March was still open then.
    let out = giaoban(&[
        "actions",
        &file,
        "--open",
        "--as-of",
        "2018-02-15",
        "--format",
        "json",
        "--lang",
        "vi",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let items: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let items = items.as_array().expect("array");
    assert_eq!(items[0]["overdue"], true);
    assert_eq!(items[0]["deadline"], "01/2018");
    assert!(items.iter().all(|i| i["status"] == "Đang thực hiện"));
    let later = giaoban(&[
        "actions",
        &file,
        "--open",
        "--as-of",
        "2018-04-01",
        "--format",
        "json",
    ]);
    let later: serde_json::Value = serde_json::from_slice(&later.stdout).expect("json");
    assert_eq!(
        later.as_array().map(Vec::len),
        Some(items.len() - 1),
        "the item closed on 28 March has left the list"
    );
    let all = giaoban(&["actions", &file, "--format", "csv"]);
    assert_eq!(
        text(&all.stdout).lines().count(),
        10,
        "header, the eight items of 2018 and the one of 2019"
    );
}

/// Issue 12, defect 2: a ward appraised on 1 of the 23 criteria that count gets no total, rank or band in
/// `results`; it is listed after the ranked wards, saying how far its appraisal has come.
#[test]
fn a_partly_appraised_ward_is_listed_apart_not_ranked() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let file = path.to_string_lossy().into_owned();
    let grid = dir.join("grid.tsv");
    common::export_scores(&path, "2018-12", &grid);
    // Phúc Lợi has nothing appraised in 12/2018: give it criterion 1.1 alone.
    let sheet = std::fs::read_to_string(&grid).expect("read");
    let edited: Vec<String> = sheet
        .lines()
        .map(|line| {
            let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
            if cells[0] == "Phúc Lợi" {
                cells[1] = "3".into();
            }
            cells.join("\t")
        })
        .collect();
    std::fs::write(&grid, edited.join("\n") + "\n").expect("write");
    let imported = common::import_scores(&path, "2018-12", &grid, "en");
    assert!(imported.status.success(), "{}", text(&imported.stderr));

    let table = giaoban(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-12",
        "--lang",
        "vi",
    ]);
    let table = text(&table.stdout);
    let line = table
        .lines()
        .find(|l| l.contains("Phúc Lợi"))
        .expect("Phúc Lợi listed");
    assert!(line.starts_with('—'), "no rank: {line}");
    assert!(line.contains("chưa thẩm định đủ: 1/23"), "{line}");
    assert!(!line.contains("Yếu"), "no band: {line}");
    let json = giaoban(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-12",
        "--format",
        "json",
    ]);
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let row = rows
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["unit"] == "Phúc Lợi")
        .expect("row");
    assert_eq!(row["rank"], serde_json::Value::Null);
    assert_eq!(row["total"], serde_json::Value::Null, "no total");
    assert_eq!(row["band"], serde_json::Value::Null);
    assert_eq!(
        (row["appraised"].as_u64(), row["counted"].as_u64()),
        (Some(1), Some(23))
    );
}

/// Issue 12, defect 15: the units are set up from the command line (list, add with the day it
/// joined, retire on a day, import a list all or nothing), and a Vietnamese table writes
/// numbers with a decimal comma and days as dd/mm/yyyy while CSV and JSON stay as the file
/// holds them.
#[test]
fn units_are_set_up_from_the_command_line() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let file = path.to_string_lossy().into_owned();
    let run = |args: &[&str]| {
        let mut all = vec!["units", file.as_str()];
        all.extend_from_slice(args);
        giaoban(&all)
    };
    let added = run(&[
        "add",
        "Phúc Xá",
        "--kind",
        "phường",
        "--since",
        "2026-11-30",
        "--lang",
        "vi",
    ]);
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(text(&added.stdout).contains("từ ngày 30/11/2026"));
    let listed = text(&run(&["list", "--lang", "vi"]).stdout);
    let line = listed
        .lines()
        .find(|l| l.contains("Phúc Xá"))
        .expect("listed");
    assert!(
        line.contains("Phường") && line.contains("30/11/2026"),
        "{line}"
    );
    let json = run(&["list", "--format", "json"]);
    let units: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let new = units
        .as_array()
        .expect("array")
        .iter()
        .find(|u| u["name"] == "Phúc Xá")
        .expect("in the json");
    assert_eq!(new["joined_on"], "2026-11-30");
    assert_eq!(new["kind"], "ward");
    let early = run(&["retire", "phuc xa", "--on", "2026-11-01", "--lang", "vi"]);
    assert_eq!(
        early.status.code(),
        Some(1),
        "it cannot stop before it joined"
    );
    assert!(
        text(&early.stderr).contains("30/11/2026"),
        "{}",
        text(&early.stderr)
    );
    let retired = run(&["retire", "phuc xa", "--on", "2026-12-31", "--lang", "en"]);
    assert!(retired.status.success(), "{}", text(&retired.stderr));

    // A list with problems: every one named, nothing written.
    let before = std::fs::read(&path).expect("read");
    let bad = dir.join("bad.tsv");
    std::fs::write(
        &bad,
        "name\tkind\tsince\nXã Một\txã\t\nXã Hai\tthành phố\t\nXã Một\txã\t\nXã Ba\txã\t2026-13-01\nBồ Đề\tphường\n",
    )
    .expect("write");
    let refused = run(&["import", &bad.to_string_lossy(), "--lang", "vi"]);
    assert_eq!(refused.status.code(), Some(1));
    let said = text(&refused.stderr);
    for wanted in [
        "Dòng 3",
        "Dòng 4",
        "dòng 2",
        "Dòng 5",
        "Dòng 6: tệp đã có đơn vị \"Bồ Đề\"",
    ] {
        assert!(said.contains(wanted), "{wanted} in {said}");
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "nothing written"
    );
    let not_text = dir.join("latin1.tsv");
    std::fs::write(&not_text, b"X\xe3 M\xf4t\tx\xe3\n").expect("write");
    let refused = run(&["import", &not_text.to_string_lossy(), "--lang", "vi"]);
    assert!(text(&refused.stderr).contains("UTF-8"));
    // A good list: all added in one go, with a BOM as Notepad saves it.
    let good = dir.join("good.tsv");
    std::fs::write(&good, "\u{feff}Xã Một\txã\nXã Hai\tcommune\t2026-12-01\n").expect("write");
    let imported = run(&["import", &good.to_string_lossy(), "--lang", "vi"]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(text(&imported.stdout).contains("Đã thêm 2 đơn vị"));
    let listed = text(&run(&["list", "--lang", "vi"]).stdout);
    assert!(listed.contains("Xã Một") && listed.contains("01/12/2026"));

    // Numbers in a Vietnamese table: decimal comma; in CSV: a point.
    let table = giaoban(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-12",
        "--lang",
        "vi",
    ]);
    assert!(
        text(&table.stdout).contains("70,33"),
        "{}",
        text(&table.stdout)
    );
    let csv = giaoban(&[
        "results",
        &file,
        "--model",
        "ward-eoffice",
        "--month",
        "2018-12",
        "--format",
        "csv",
    ]);
    assert!(text(&csv.stdout).contains("70.33"));
}
