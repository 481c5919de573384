// A GUI program on Windows: a double click opens no console window. Subcommands join the
// console they were started from (`host::attach_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use giaoban::cli::{self, Cli};
use giaoban::domain::lang::Lang;

fn main() -> ExitCode {
    let parsed = Cli::try_parse();
    if cli::talks_on_console(&parsed) {
        giaoban::host::attach_console();
    }
    let args = match parsed {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    let lang = cli::message_lang(args.lang);
    if let Some(command) = args.command {
        let mut out = std::io::stdout();
        let mut err = std::io::stderr();
        return cli::run_escaped(command, lang, &mut out, &mut err);
    }
    // The window: Vietnamese unless --lang or the saved preference says otherwise.
    match giaoban::ui::start::open_window(args.file, args.lang.map(Lang::from)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let line = format!(
                "{}: {e}",
                lang.pick("Không mở được cửa sổ", "Cannot open the window")
            );
            eprintln!("giaoban: {line}");
            giaoban::ui::start::tell_in_a_box(&line);
            ExitCode::from(1)
        }
    }
}
