//! The window: the program's state ([`App`]) with what only the window has (the panels' own
//! state, presentation mode, the fonts), and eframe's frame loop.

use std::ops::{Deref, DerefMut};

use super::Panels;
use super::present::Presentation;
use crate::app::{App, AppConfig, Request};

pub struct GiaobanApp {
    pub app: App,
    pub panels: Panels,
    /// Presentation mode, while it runs.
    pub presentation: Option<Presentation>,
    fonts_installed: bool,
}

impl GiaobanApp {
    /// The window on the state `App::new` builds from `config`.
    pub fn new(config: AppConfig) -> GiaobanApp {
        GiaobanApp {
            app: App::new(config),
            panels: Panels::default(),
            presentation: None,
            fonts_installed: false,
        }
    }

    /// Builds the window inside eframe, with the bundled fonts.
    pub fn with_context(cc: &eframe::CreationContext<'_>, config: AppConfig) -> GiaobanApp {
        super::fonts::install(&cc.egui_ctx);
        let mut window = GiaobanApp::new(config);
        window.fonts_installed = true;
        window
    }

    /// Runs the frame's commands, then does what they asked of the window.
    pub fn run_commands(&mut self) {
        self.app.run_commands();
        for request in std::mem::take(&mut self.app.requests) {
            match request {
                Request::ShowDeck { meeting_id } => self.panels.charts.meeting = Some(meeting_id),
                Request::Present {
                    meeting_id,
                    title,
                    frames,
                    single_window,
                } => {
                    self.presentation =
                        Some(Presentation::new(meeting_id, title, frames, single_window));
                }
            }
        }
    }
}

impl Deref for GiaobanApp {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for GiaobanApp {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl eframe::App for GiaobanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if !self.fonts_installed {
            super::fonts::install(ui.ctx());
            self.fonts_installed = true;
        }
        if self.presentation.is_none() {
            super::commands::read_keys(self, ui.ctx());
        }
        super::app_ui(self, ui);
        self.run_commands();
        if self.quit_requested() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
