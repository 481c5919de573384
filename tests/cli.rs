//! The command line, run as a person would: the real binary, real files.

mod common;

use std::process::{Command, Output};

use common::{TempDir, side_files};

fn giaoban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_giaoban"))
        .args(args)
        .output()
        .expect("run giaoban")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

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
        "Schema: 1",
        "Units: 18 (retired: 0)",
        "Plans: 4; targets: 14",
        "Criteria sets: 3; scored periods: 13",
        "Meetings: 1; action items: 8",
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
