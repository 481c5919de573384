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
    /// The first window was measured against its screen (and maximized if it did not fit).
    fitted: bool,
    /// wgpu could not start and OpenGL draws the window: the status bar says so.
    pub opengl_fallback: bool,
}

/// The first window's inner size, where the screen has room for it.
pub const FIRST_SIZE: [f32; 2] = [1360.0, 860.0];

/// Whether a window of `inner` size (without its title bar) leaves no room on a screen of
/// `monitor` size for a title bar and a taskbar: then it opens maximized, which fits the
/// screen's work area (a 1366×768 laptop), rather than leaving the status bar below the
/// screen.
pub fn too_large_for(inner: egui::Vec2, monitor: egui::Vec2) -> bool {
    const TITLE_AND_TASKBAR: f32 = 90.0;
    inner.x > monitor.x || inner.y + TITLE_AND_TASKBAR > monitor.y
}

impl GiaobanApp {
    /// The window on the state `App::new` builds from `config`.
    pub fn new(config: AppConfig) -> GiaobanApp {
        GiaobanApp {
            app: App::new(config),
            panels: Panels::default(),
            presentation: None,
            fonts_installed: false,
            fitted: false,
            opengl_fallback: false,
        }
    }

    /// Builds the window inside eframe, with the bundled fonts.
    pub fn with_context(cc: &eframe::CreationContext<'_>, config: AppConfig) -> GiaobanApp {
        super::fonts::install(&cc.egui_ctx);
        let mut window = GiaobanApp::new(config);
        window.fonts_installed = true;
        window
    }

    /// On the first frame that knows the screen: maximize a window that does not fit it.
    fn fit_to_screen(&mut self, ctx: &egui::Context) {
        let (monitor, inner) = ctx.input(|i| {
            let v = i.viewport();
            (v.monitor_size, v.inner_rect.map(|r| r.size()))
        });
        let Some(monitor) = monitor.filter(|m| m.x > 0.0 && m.y > 0.0) else {
            return;
        };
        self.fitted = true;
        let inner = inner.unwrap_or(egui::Vec2::from(FIRST_SIZE));
        if too_large_for(inner, monitor) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
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
        if !self.fitted {
            self.fit_to_screen(ui.ctx());
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
