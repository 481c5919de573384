//! The command line: the window by default, and batch commands for scripts and tests.
//!
//! This file is the grammar (`clap`) and the dispatch; each group of commands has its file:
//! the document itself (`file.rs`: demo, check, repair), scoring (`scoring.rs`: criteria,
//! scores export/import, results), plans (`plans.rs`: targets), meetings (`meetings.rs`:
//! actions, notice), charts (`charts.rs`: chart, deck), the units (`units.rs`); what they
//! share is in `common.rs`.
//! No command uses the window's state.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod charts;
mod common;
mod file;
mod meetings;
mod plans;
mod returned;
mod scoring;
mod units;

pub use self::common::{Failure, Format};

use self::common::{for_person, report};
pub use self::scoring::{ScoresCommand, Side};

use self::file::{check, demo, repair, stress_edit};
use crate::domain::lang::Lang;
use crate::store::Depth;

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
        /// With --units: how many months of the year are scored (the last being scored, the
        /// ones before published).
        #[arg(long, default_value_t = 2, requires = "units", value_parser = clap::value_parser!(u32).range(1..=12))]
        months: u32,
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
    /// The units that report to the committee: list, add, retire, import a list.
    Units {
        file: PathBuf,
        #[command(subcommand)]
        action: units::UnitsAction,
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
        /// Publish to a file instead: .xlsx (with a chart), .pdf (A4), .html (one file), .csv.
        #[arg(long)]
        out: Option<PathBuf>,
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
        #[arg(long, value_parser = charts::parse_kind)]
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
    /// A ward's self-assessment form (.xlsx) to send: its criteria, with only the cells for
    /// the self-score, evidence and explanation open. Without --unit: every ward's, into the
    /// folder --out.
    WardForm {
        file: PathBuf,
        #[arg(long)]
        model: String,
        /// YYYY-MM
        #[arg(long)]
        month: String,
        /// The ward, by name (default: all of them).
        #[arg(long)]
        unit: Option<String>,
        /// form.xlsx for one ward, a folder for all.
        #[arg(long)]
        out: PathBuf,
    },
    /// Bring returned self-assessment forms (.xlsx, .ods) or copies of the document sent by
    /// e-mail (.db) into FILE: every change and conflict is shown; nothing is written with
    /// --preview, or while a conflict is unsettled; all the files, or none.
    Merge {
        file: PathBuf,
        /// A returned form or copy (repeat for several).
        #[arg(long = "from", required = true)]
        from: Vec<PathBuf>,
        /// Show the changes; write nothing.
        #[arg(long)]
        preview: bool,
        /// How to settle a cell changed on both sides since the form was sent.
        #[arg(long, value_enum)]
        take: Option<returned::TakeArg>,
    },
    /// (For tests) rename the first unit COUNT times, each change in its own transaction.
    #[command(hide = true)]
    StressEdit {
        file: PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: u32,
    },
}

/// Whether a program started with these arguments talks on a console: a subcommand, help, the
/// version or a mistake in the arguments do; the window alone (no arguments, or a file to open)
/// does not. On Windows the exe is a GUI program (a double click opens no console window), so
/// only the ones that talk join the console they were started from.
pub fn talks_on_console(parsed: &Result<Cli, clap::Error>) -> bool {
    parsed.as_ref().map_or(true, |cli| cli.command.is_some())
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
            months,
        } => demo(
            &path,
            force,
            units.map(|u| (u as usize, criteria as usize, months)),
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
        CliCommand::WardForm {
            file,
            model,
            month,
            unit,
            out: target,
        } => returned::ward_form(&file, &model, &month, unit.as_deref(), &target, lang, out),
        CliCommand::Merge {
            file,
            from,
            preview,
            take,
        } => returned::merge(&file, &from, preview, take, lang, out),
        CliCommand::StressEdit { file, count } => stress_edit(&file, count).map_err(Failure::from),
        CliCommand::Units { file, action } => units::units_cmd(&file, action, lang, out),
        CliCommand::Criteria {
            file,
            model,
            year,
            format,
        } => scoring::criteria(&file, &model, year, format, lang, out),
        CliCommand::Targets {
            file,
            plan,
            as_of,
            format,
        } => plans::targets(&file, plan.as_deref(), as_of.as_deref(), format, lang, out),
        CliCommand::Notice {
            file,
            meeting,
            out: path,
            date,
        } => meetings::notice(&file, &meeting, &path, date.as_deref(), lang, out),
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
        } => charts::chart(
            &file,
            &charts::ChartArgs {
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
        } => charts::deck(&file, &meeting, &path, lang, out),
        CliCommand::Actions {
            file,
            open,
            as_of,
            format,
        } => meetings::actions(&file, open, as_of.as_deref(), format, lang, out),
        CliCommand::Results {
            file,
            model,
            month,
            year,
            format,
            out: target,
        } => match target {
            None => scoring::results_cmd(&file, &model, month.as_deref(), year, format, lang, out),
            Some(target) => scoring::publish(&file, &model, month.as_deref(), year, &target, lang)
                .map(|()| {
                    let _ = writeln!(
                        out,
                        "{} {}",
                        lang.pick("Đã ghi kết quả vào", "Results written to"),
                        target.display()
                    );
                }),
        },
        CliCommand::Scores(ScoresCommand::Export {
            file,
            model,
            month,
            side,
            out: target,
        }) => scoring::export(&file, &model, &month, side, &target, lang).map(|units| {
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
        }) => scoring::import(&file, &model, &month, side, &from, lang).map(|cells| {
            let _ = writeln!(
                out,
                "{} {cells} {}",
                lang.pick("Đã nhập", "Imported"),
                lang.pick("ô điểm", "cells")
            );
        }),
    };
    report(result, lang, err)
}

/// Whether a command's output is data for another program (CSV, JSON), written exactly as
/// the file holds it, rather than text for a person, whose control characters and direction
/// marks are shown escaped.
pub fn is_machine_output(command: &CliCommand) -> bool {
    let format = match command {
        CliCommand::Criteria { format, .. }
        | CliCommand::Results { format, .. }
        | CliCommand::Targets { format, .. }
        | CliCommand::Actions { format, .. }
        | CliCommand::Units {
            action: units::UnitsAction::List { format },
            ..
        } => *format,
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
    if machine {
        let _ = out.write_all(&out_buf);
    } else {
        let _ = out.write_all(for_person(&out_buf).as_bytes());
    }
    let _ = err.write_all(for_person(&err_buf).as_bytes());
    code
}
