//! Shared test fixtures: temporary folders and demo files.
#![allow(dead_code)] // each test binary uses a different part

pub mod ui;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use giaoban::demo::demo_seed;
use giaoban::domain::lang::Lang;
use giaoban::store::{Intent, Store, StoreError};

/// A temporary folder, removed at the end of the test.
pub struct TempDir(pub tempfile::TempDir);

impl TempDir {
    pub fn new() -> TempDir {
        TempDir(tempfile::tempdir().expect("temporary folder"))
    }
    pub fn path(&self) -> &Path {
        self.0.path()
    }
    pub fn join(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
    /// A fresh demo document in this folder.
    pub fn demo(&self, name: &str) -> PathBuf {
        let path = self.join(name);
        Store::create(&path, &demo_seed(), false).expect("demo file");
        path
    }
}

/// Files in a folder other than the ones named (journals, WAL files...).
pub fn side_files(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !keep.contains(&n.as_str()))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs the program with `args`.
pub fn giaoban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_giaoban"))
        .args(args)
        .output()
        .expect("run giaoban")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs a poppler tool (poppler-utils, installed by `.ci/run`).
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (apt-get install poppler-utils): {e}"));
    assert!(out.status.success(), "{tool}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// `giaoban scores export FILE --model ward-eoffice --month MONTH --out GRID`, which must work.
pub fn export_scores(file: &Path, month: &str, grid: &Path) {
    let out = giaoban(&[
        "scores",
        "export",
        &file.to_string_lossy(),
        "--model",
        "ward-eoffice",
        "--month",
        month,
        "--out",
        &grid.to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// `giaoban scores import FILE --model ward-eoffice --month MONTH --from GRID --lang LANG`.
pub fn import_scores(file: &Path, month: &str, grid: &Path, lang: &str) -> Output {
    giaoban(&[
        "scores",
        "import",
        &file.to_string_lossy(),
        "--model",
        "ward-eoffice",
        "--month",
        month,
        "--from",
        &grid.to_string_lossy(),
        "--lang",
        lang,
    ])
}

/// Opens `path` for editing and for inspection; both must refuse it with one line in each
/// language, leaving the file byte-identical and no file beside it.
pub fn refused(path: &Path) -> StoreError {
    let before = std::fs::read(path).expect("read");
    let dir = path.parent().expect("folder");
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let others_before = side_files(dir, &[]);
    let mut first = None;
    for intent in [Intent::Edit, Intent::Inspect] {
        let err = match Store::open(path, intent) {
            Ok(_) => panic!("{name} opened ({intent:?})"),
            Err(e) => e,
        };
        for lang in [Lang::Vi, Lang::En] {
            let msg = err.message(lang);
            assert!(!msg.is_empty() && !msg.contains('\n'), "{name}: {msg}");
            assert!(
                !msg.contains("CREATE") && !msg.contains("SQLITE") && msg.len() < 400,
                "{name}: raw text in {msg}"
            );
        }
        first.get_or_insert(err);
    }
    assert_eq!(std::fs::read(path).expect("read"), before, "{name} changed");
    assert_eq!(side_files(dir, &[]), others_before, "files beside {name}");
    first.expect("an error")
}
