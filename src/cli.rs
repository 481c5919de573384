//! The command line: the window by default, and batch commands for scripts and tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cli_scoring::{self, Failure, Format, ScoresCommand};
use crate::demo::demo_seed;
use crate::domain::lang::Lang;
use crate::domain::text::{display_path, escape_for_display};
use crate::store::{Depth, Intent, Store, StoreError, schema::SCHEMA_VERSION};

#[derive(Debug, Parser)]
#[command(
    name = "giaoban",
    version,
    about = "Bàn làm việc của thư ký Ban chỉ đạo CNTT / The IT steering committee secretary's desk"
)]
pub struct Cli {
    /// The file to open in the window (default: the last one used, or the demo file).
    pub file: Option<PathBuf>,
    /// Language of messages and of the window: vi or en (default: the system's, else vi).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(value: LangArg) -> Self {
        match value {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Write the demo file (built from the source articles).
    Demo {
        out: PathBuf,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
        /// Instead of the demo, a large file for measuring speed with this many units.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=20000))]
        units: Option<u32>,
        /// With --units: the number of criteria of its set.
        #[arg(long, default_value_t = 60, requires = "units", value_parser = clap::value_parser!(u32).range(4..=300))]
        criteria: u32,
    },
    /// Open FILE as untrusted and read-only with the checks of every open, print what it
    /// holds; exit 0 if usable, 1 if not.
    Check {
        file: PathBuf,
        /// Also compare every index with its table (SQLite's integrity_check): slower on a
        /// large file.
        #[arg(long)]
        full: bool,
    },
    /// Write a clean copy of FILE: giaoban's tables and their rows, without the triggers,
    /// views, tables, indexes, columns and rows that giaoban did not write. Shows first what it
    /// leaves out; FILE itself is only read.
    Repair {
        file: PathBuf,
        /// The clean copy (must not exist).
        #[arg(long)]
        out: PathBuf,
        /// Only show what would be left out.
        #[arg(long)]
        dry_run: bool,
    },
    /// The criteria of a model's set for a year, one row a criterion.
    Criteria {
        file: PathBuf,
        #[arg(long)]
        model: String,
        #[arg(long)]
        year: i32,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Scores as tab-separated text: export a month, or import one (all or nothing).
    #[command(subcommand)]
    Scores(ScoresCommand),
    /// Results of a month or a year: rank, unit, total, % of maximum, band.
    Results {
        file: PathBuf,
        #[arg(long)]
        model: String,
        /// YYYY-MM
        #[arg(long, conflicts_with = "year")]
        month: Option<String>,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Where the plans' targets stand: latest value, progress and status as of a day.
    Targets {
        file: PathBuf,
        /// Only this plan, by its number (e.g. 112/KH-UBND).
        #[arg(long)]
        plan: Option<String>,
        /// YYYY-MM-DD (default: today).
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// The meetings' action items; with --open, only those still open, overdue ones first.
    Actions {
        file: PathBuf,
        #[arg(long)]
        open: bool,
        /// YYYY-MM-DD (default: today).
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// The written notice of a meeting's conclusions (Thông báo kết luận), as DOCX or PDF.
    Notice {
        file: PathBuf,
        /// The meeting's date, YYYY-MM-DD.
        #[arg(long)]
        meeting: String,
        /// notice.docx or notice.pdf
        #[arg(long)]
        out: PathBuf,
        /// The date the notice is issued, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// A chart as PNG (1920×1080 unless --size) or SVG, drawn as in the meeting room.
    Chart {
        file: PathBuf,
        /// ranking, trend, heatmap, scorecard, targets, actions or onestop.
        #[arg(long, value_parser = crate::cli_charts::parse_kind)]
        kind: crate::domain::chart::ChartKind,
        /// The evaluation model: ward-eoffice, one-stop, district-eoffice (default: the first
        /// with scores).
        #[arg(long)]
        model: Option<String>,
        /// YYYY-MM (default: the latest month with scores).
        #[arg(long, conflicts_with = "year")]
        month: Option<String>,
        /// YYYY: the whole year.
        #[arg(long)]
        year: Option<i32>,
        /// A unit, by name (repeat for a trend of several units).
        #[arg(long)]
        unit: Vec<String>,
        /// A plan, by its number ("112/KH-UBND").
        #[arg(long)]
        plan: Option<String>,
        /// YYYY-MM-DD (default: today).
        #[arg(long)]
        as_of: Option<String>,
        /// For many units: auto, all, top-bottom, page-N.
        #[arg(long)]
        rows: Option<String>,
        /// chart.png or chart.svg
        #[arg(long)]
        out: PathBuf,
        /// WIDTHxHEIGHT in pixels (default 1920x1080).
        #[arg(long)]
        size: Option<String>,
    },
    /// A meeting's deck as one PDF, a slide a page.
    Deck {
        file: PathBuf,
        /// The meeting's date, YYYY-MM-DD.
        #[arg(long)]
        meeting: String,
        /// deck.pdf
        #[arg(long)]
        out: PathBuf,
    },
    /// (For tests) rename the first unit COUNT times, each change in its own transaction.
    #[command(hide = true)]
    StressEdit {
        file: PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: u32,
    },
}

/// The language of messages: `--lang`, else the system's locale, else Vietnamese.
pub fn message_lang(arg: Option<LangArg>) -> Lang {
    arg.map(Lang::from)
        .or_else(|| {
            sys_locale::get_locale()
                .as_deref()
                .and_then(Lang::from_code)
        })
        .unwrap_or_default()
}

/// Runs a batch command; prints to `out`/`err`. Returns the process exit code.
pub fn run(command: CliCommand, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result: Result<(), Failure> = match command {
        CliCommand::Demo {
            out: path,
            force,
            units,
            criteria,
        } => demo(
            &path,
            force,
            units.map(|u| (u as usize, criteria as usize)),
            lang,
            out,
        )
        .map_err(Failure::from),
        CliCommand::Check { file, full } => {
            let depth = if full { Depth::Full } else { Depth::Quick };
            check(&file, depth, lang, out).map_err(Failure::from)
        }
        CliCommand::Repair {
            file,
            out: target,
            dry_run,
        } => repair(&file, &target, dry_run, lang, out).map_err(Failure::from),
        CliCommand::StressEdit { file, count } => stress_edit(&file, count).map_err(Failure::from),
        CliCommand::Criteria {
            file,
            model,
            year,
            format,
        } => cli_scoring::criteria(&file, &model, year, format, lang, out),
        CliCommand::Targets {
            file,
            plan,
            as_of,
            format,
        } => crate::cli_plans::targets(&file, plan.as_deref(), as_of.as_deref(), format, lang, out),
        CliCommand::Notice {
            file,
            meeting,
            out: path,
            date,
        } => crate::cli_plans::notice(&file, &meeting, &path, date.as_deref(), lang, out),
        CliCommand::Chart {
            file,
            kind,
            model,
            month,
            year,
            unit,
            plan,
            as_of,
            rows,
            out: path,
            size,
        } => crate::cli_charts::chart(
            &file,
            &crate::cli_charts::ChartArgs {
                kind,
                model: model.as_deref(),
                month: month.as_deref(),
                year,
                units: &unit,
                plan: plan.as_deref(),
                as_of: as_of.as_deref(),
                rows: rows.as_deref(),
                size: size.as_deref(),
            },
            &path,
            lang,
            out,
        ),
        CliCommand::Deck {
            file,
            meeting,
            out: path,
        } => crate::cli_charts::deck(&file, &meeting, &path, lang, out),
        CliCommand::Actions {
            file,
            open,
            as_of,
            format,
        } => crate::cli_plans::actions(&file, open, as_of.as_deref(), format, lang, out),
        CliCommand::Results {
            file,
            model,
            month,
            year,
            format,
        } => cli_scoring::results_cmd(&file, &model, month.as_deref(), year, format, lang, out),
        CliCommand::Scores(ScoresCommand::Export {
            file,
            model,
            month,
            side,
            out: target,
        }) => cli_scoring::export(&file, &model, &month, side, &target, lang).map(|units| {
            let _ = writeln!(
                out,
                "{} {units} {} {}",
                lang.pick("Đã xuất", "Exported"),
                lang.pick("đơn vị vào", "units to"),
                target.display()
            );
        }),
        CliCommand::Scores(ScoresCommand::Import {
            file,
            model,
            month,
            from,
            side,
        }) => cli_scoring::import(&file, &model, &month, side, &from, lang).map(|cells| {
            let _ = writeln!(
                out,
                "{} {cells} {}",
                lang.pick("Đã nhập", "Imported"),
                lang.pick("ô điểm", "cells")
            );
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Store(e)) => {
            let hint = if e.is_repairable() {
                match lang {
                    Lang::Vi => "; có thể tạo bản sạch: giaoban repair TỆP --out BẢN-SẠCH.db",
                    Lang::En => "; a clean copy can be made: giaoban repair FILE --out CLEAN.db",
                }
            } else {
                ""
            };
            let _ = writeln!(err, "giaoban: {}{hint}", e.message(lang));
            ExitCode::from(1)
        }
        Err(Failure::Problems(problems)) => {
            for p in problems {
                let _ = writeln!(err, "giaoban: {}", escape_for_display(&p));
            }
            ExitCode::from(1)
        }
    }
}

/// Whether a command's output is data for another program (CSV, JSON), written exactly as
/// the file holds it, rather than text for a person, whose control characters and direction
/// marks are shown escaped.
pub fn is_machine_output(command: &CliCommand) -> bool {
    let format = match command {
        CliCommand::Criteria { format, .. }
        | CliCommand::Results { format, .. }
        | CliCommand::Targets { format, .. }
        | CliCommand::Actions { format, .. } => *format,
        _ => Format::Table,
    };
    format != Format::Table
}

/// Runs a command as [`run`] does, with what is printed for a person escaped line by line
/// (an escape sequence or a right-to-left mark in a unit's name cannot act on the terminal).
pub fn run_escaped(
    command: CliCommand,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let machine = is_machine_output(&command);
    let (mut out_buf, mut err_buf) = (Vec::new(), Vec::new());
    let code = run(command, lang, &mut out_buf, &mut err_buf);
    let text_for_person = |bytes: &[u8]| -> String {
        String::from_utf8_lossy(bytes)
            .split_inclusive('\n')
            .map(|line| {
                let (body, end) = match line.strip_suffix('\n') {
                    Some(body) => (body, "\n"),
                    None => (line, ""),
                };
                // Tabs separate the columns of a table: keep them.
                let shown = body
                    .split('\t')
                    .map(|cell| escape_for_display(cell).into_owned())
                    .collect::<Vec<_>>()
                    .join("\t");
                format!("{shown}{end}")
            })
            .collect()
    };
    if machine {
        let _ = out.write_all(&out_buf);
    } else {
        let _ = out.write_all(text_for_person(&out_buf).as_bytes());
    }
    let _ = err.write_all(text_for_person(&err_buf).as_bytes());
    code
}

fn demo(
    path: &Path,
    force: bool,
    scaled: Option<(usize, usize)>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    if path.exists() && !force {
        return Err(StoreError::AlreadyExists { path: path.into() });
    }
    let seed = match scaled {
        Some((units, criteria)) => crate::demo::scaled_seed(units, criteria),
        None => demo_seed(),
    };
    Store::create(path, &seed, force)?;
    let _ = writeln!(
        out,
        "{} {}",
        lang.pick("Đã ghi tệp mẫu", "Demo file written:"),
        path.display()
    );
    Ok(())
}

fn check(path: &Path, depth: Depth, lang: Lang, out: &mut dyn Write) -> Result<(), StoreError> {
    let store = Store::open_checked(path, Intent::Inspect, depth)?;
    let version = store.schema_version()?;
    let c = store.counts()?;
    let body = store.body()?;
    let lines = match lang {
        Lang::Vi => vec![
            format!("Tệp: {}", path.display()),
            format!("Cơ quan: {}", body.name),
            format!("Lược đồ: {version} (phiên bản này đọc tới {SCHEMA_VERSION})"),
            format!(
                "Đơn vị: {} (đã thôi hoạt động: {})",
                c.units, c.retired_units
            ),
            format!("Kế hoạch: {}; chỉ tiêu: {}", c.plans, c.targets),
            format!(
                "Bộ tiêu chí: {}; kỳ đã chấm: {}",
                c.criteria_sets, c.scored_periods
            ),
            format!(
                "Cuộc họp: {}; việc được giao: {}",
                c.meetings, c.action_items
            ),
            format!("Nhật ký thay đổi: {} dòng", c.audit_rows),
            "Kết quả: tệp dùng được".to_string(),
        ],
        Lang::En => vec![
            format!("File: {}", path.display()),
            format!("Body: {}", body.name),
            format!("Schema: {version} (this version reads up to {SCHEMA_VERSION})"),
            format!("Units: {} (retired: {})", c.units, c.retired_units),
            format!("Plans: {}; targets: {}", c.plans, c.targets),
            format!(
                "Criteria sets: {}; scored periods: {}",
                c.criteria_sets, c.scored_periods
            ),
            format!("Meetings: {}; action items: {}", c.meetings, c.action_items),
            format!("Audit log: {} rows", c.audit_rows),
            "Result: usable".to_string(),
        ],
    };
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    Ok(())
}

fn repair(
    path: &Path,
    target: &Path,
    dry_run: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let plan = Store::plan_repair(path)?;
    if plan.left_out.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Tệp không có gì lạ: bản sạch sẽ giống hệt dữ liệu của tệp.",
                "Nothing foreign in the file: the clean copy will hold the same data."
            )
        );
    } else {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Bản sạch sẽ bỏ ra:", "The clean copy leaves out:")
        );
        for object in &plan.left_out {
            let _ = writeln!(out, "  - {}", object.message(lang));
        }
    }
    if dry_run {
        return Ok(());
    }
    let who = crate::app::prefs::Prefs::default().audit_name();
    let report = Store::repair(path, target, &who, chrono::Utc::now())?;
    for (table, rows) in &report.rows_left_out {
        let _ = match lang {
            Lang::Vi => writeln!(
                out,
                "  - {rows} dòng của bảng \"{table}\" trái quy tắc của giaoban, không chép"
            ),
            Lang::En => writeln!(
                out,
                "  - {rows} rows of \"{table}\" break giaoban's rules, not copied"
            ),
        };
    }
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "Đã ghi bản sạch {} ({} dòng dữ liệu); tệp gốc không bị thay đổi.",
            display_path(target),
            report.rows_copied
        ),
        Lang::En => writeln!(
            out,
            "Clean copy written to {} ({} rows of data); the original is unchanged.",
            display_path(target),
            report.rows_copied
        ),
    };
    Ok(())
}

fn stress_edit(path: &Path, count: u32) -> Result<(), StoreError> {
    use crate::domain::edit::Edit;
    let mut store = Store::open(path, Intent::Edit)?;
    let Some(unit) = store.units()?.into_iter().next() else {
        return Ok(());
    };
    for i in 0..count {
        let edit = Edit::RenameUnit {
            unit_id: unit.unit_id,
            name: format!("{} {i}", unit.name),
        };
        store.apply(
            &edit,
            "stress",
            chrono::Utc::now(),
            crate::store::Origin::Do,
        )?;
    }
    Ok(())
}
