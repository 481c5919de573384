//! The house's rules, read off the source: which layer may use which (see ARCHITECTURE.md),
//! and how big a file or a function may grow. A change that breaks one fails here, naming the
//! file and the line.

use std::path::{Path, PathBuf};

/// Our modules, bottom to top.
const MODULES: [&str; 11] = [
    "assets", "host", "domain", "demo", "store", "charts", "export", "cli", "app", "ui", "main",
];

/// What each layer must never use: our modules, and crates.
fn forbidden(layer: &str) -> (&'static [&'static str], &'static [&'static str]) {
    const UI_CRATES: &[&str] = &["egui", "eframe", "egui_extras", "rfd"];
    match layer {
        "assets" | "host" => (&MODULES, &["egui", "eframe", "rusqlite", "rfd", "plotters"]),
        "domain" => (
            &[
                "host", "demo", "store", "charts", "export", "cli", "app", "ui",
            ],
            &[
                "egui",
                "eframe",
                "egui_extras",
                "rfd",
                "rusqlite",
                "plotters",
                "krilla",
                "docx_rs",
                "usvg",
            ],
        ),
        "demo" => (
            &["store", "charts", "export", "cli", "app", "ui"],
            UI_CRATES,
        ),
        "store" => (
            &["demo", "charts", "export", "cli", "app", "ui"],
            &["egui", "eframe", "egui_extras", "rfd", "plotters"],
        ),
        "charts" => (&["demo", "export", "cli", "app", "ui"], UI_CRATES),
        "export" => (&["demo", "cli", "app", "ui"], UI_CRATES),
        "cli" => (&["app", "ui"], UI_CRATES),
        "app" => (&["ui", "cli"], &["egui", "eframe", "egui_extras"]),
        "ui" => (&["cli"], &[]),
        _ => (&[], &[]),
    }
}

/// Files that are data (the demo's criteria and meetings, written down from the source
/// articles), not code to read.
fn is_data(path: &Path) -> bool {
    path.ends_with("demo/criteria.rs") || path.ends_with("demo/meetings.rs")
}

/// Functions that are data tables: the demo document, written down from the source articles.
const DATA_FUNCTIONS: [&str; 1] = ["fn demo_seed("];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The layer a file belongs to: its first folder under src, or its name there.
fn layer_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).expect("under src");
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_string()
}

/// The lines of a file, comments left out (its tests too: they live in the same layer).
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
        .collect()
}

/// Our modules a line names: `crate::store::…`, and each one in `crate::{store, domain::…}`.
fn modules_named(line: &str) -> Vec<&str> {
    let mut named = Vec::new();
    for (at, _) in line.match_indices("crate::") {
        let rest = &line[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or("");
            named.extend(
                group
                    .split(',')
                    .filter_map(|part| part.trim().split("::").next().map(str::trim)),
            );
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            named.push(&rest[..end]);
        }
    }
    named
}

/// Whether `line` names `name::` as a path of its own (not as the end of another name).
fn names_path(line: &str, name: &str) -> bool {
    let needle = format!("{name}::");
    line.match_indices(&needle).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
    })
}

#[test]
fn the_reader_of_paths_finds_grouped_ones() {
    assert_eq!(modules_named("use crate::store::Store;"), ["store"]);
    assert_eq!(
        modules_named("use crate::{app::Command, ui};"),
        ["app", "ui"]
    );
    assert_eq!(modules_named("let x = crate::ui::fonts::BOLD;"), ["ui"]);
    assert!(modules_named("use super::x;").is_empty());
}

#[test]
fn arrows_point_one_way() {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let layer = layer_of(file);
        let (modules, crates) = forbidden(&layer);
        let text = std::fs::read_to_string(file).expect("read");
        for (number, line) in code_lines(&text) {
            for m in modules_named(line) {
                if modules.contains(&m) {
                    wrong.push(format!("{}:{number}: {layer} uses {m}", file.display()));
                }
            }
            for c in crates {
                if names_path(line, c) {
                    wrong.push(format!("{}:{number}: {layer} uses {c}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows that must not exist:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_file_and_no_function_too_long_to_read() {
    const FILE_LINES: usize = 600;
    const FUNCTION_LINES: usize = 160;
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let mut long = Vec::new();
    for file in files.iter().filter(|f| !is_data(f)) {
        let text = std::fs::read_to_string(file).expect("read");
        let lines: Vec<&str> = text.lines().collect();
        let code_end = lines
            .iter()
            .position(|l| l.trim() == "#[cfg(test)]")
            .unwrap_or(lines.len());
        if code_end > FILE_LINES {
            long.push(format!("{}: {code_end} lines", file.display()));
        }
        for (i, line) in lines[..code_end].iter().enumerate() {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            let is_fn = ["fn ", "pub fn ", "pub(super) fn ", "pub(crate) fn "]
                .iter()
                .any(|p| body.starts_with(p))
                || (body.starts_with("pub(in ") && body.contains(") fn "));
            if !is_fn
                || line.trim_end().ends_with(';')
                || DATA_FUNCTIONS.iter().any(|f| body.contains(f))
            {
                continue;
            }
            let close = format!("{indent}}}");
            if let Some(len) = lines[i + 1..code_end].iter().position(|l| *l == close)
                && len + 2 > FUNCTION_LINES
            {
                long.push(format!("{}:{}: {} lines", file.display(), i + 1, len + 2));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these along what they do:\n{}",
        long.join("\n")
    );
}
