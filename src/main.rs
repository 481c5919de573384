use std::process::ExitCode;

use clap::Parser;
use giaoban::app::AppConfig;
use giaoban::cli::{self, Cli};
use giaoban::domain::lang::Lang;
use giaoban::ui::GiaobanApp;

fn main() -> ExitCode {
    let args = Cli::parse();
    let lang = cli::message_lang(args.lang);
    if let Some(command) = args.command {
        let mut out = std::io::stdout();
        let mut err = std::io::stderr();
        return cli::run_escaped(command, lang, &mut out, &mut err);
    }
    // The window: Vietnamese unless --lang or the saved preference says otherwise.
    let config = AppConfig::for_user(args.file, args.lang.map(Lang::from));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("giaoban")
            .with_inner_size(giaoban::ui::FIRST_SIZE)
            .with_min_inner_size([900.0, 600.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "giaoban",
        options,
        Box::new(|cc| Ok(Box::new(GiaobanApp::with_context(cc, config)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "giaoban: {}: {e}",
                lang.pick("không mở được cửa sổ", "cannot open the window")
            );
            ExitCode::from(1)
        }
    }
}
