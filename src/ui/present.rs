//! Presentation mode: a meeting's deck on the wall. The audience view fills its own window
//! (move it to the projector, then F11 makes it full screen there) or this one, full screen;
//! the presenter view shows the current and the next slide, the list of slides and the
//! clock. Keys: → Space PageDown next, ← PageUp back, Home first, End last, F11 full screen,
//! Esc leaves.
//!
//! Slides are drawn once per size and kept as textures: the current one at once, the others
//! on a background thread, so moving to the next slide only swaps a texture.
//!
//! With two windows every slide texture is made in the audience window's pass: eframe uploads
//! a texture with the pass that made it, and paints (uploads) nothing of the main window's
//! pass while that window is hidden, e.g. behind the full-screen audience window. The
//! presenter view only shows textures already made ([`Presentation::cached`]).

use super::commands::UiCommand;
use std::collections::HashMap;
use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText, TextureHandle};

use crate::charts::Frame;
use crate::domain::lang::Lang;
use crate::ui::charts::{fit_16_9, frame_texture};

/// A move asked by a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Next,
    Back,
    First,
    Last,
    /// F11: full screen on or off (the audience window, or this one in single-window mode).
    FullScreen,
    Leave,
}

/// The keys of presentation mode, in the input of one window.
pub fn step_of(input: &egui::InputState) -> Option<Step> {
    // Any modifier held with the key is ignored: a clicker sends plain keys, a hand may not.
    let pressed = |c: UiCommand| c.keys().iter().any(|k| input.key_pressed(k.logical_key));
    [
        (UiCommand::EndPresentation, Step::Leave),
        (UiCommand::NextSlide, Step::Next),
        (UiCommand::PreviousSlide, Step::Back),
        (UiCommand::FirstSlide, Step::First),
        (UiCommand::LastSlide, Step::Last),
        (UiCommand::FullScreen, Step::FullScreen),
    ]
    .into_iter()
    .find(|(c, _)| pressed(*c))
    .map(|(_, step)| step)
}

/// Slides drawn at one size: textures made, and pixels coming from the background thread.
struct Cache {
    size: [u32; 2],
    textures: HashMap<usize, TextureHandle>,
    incoming: Option<Receiver<(usize, Vec<u8>)>>,
}

pub struct Presentation {
    pub meeting_id: uuid::Uuid,
    pub title: String,
    pub frames: Vec<Frame>,
    /// The slide shown, from 0.
    pub index: usize,
    /// The audience view in the main window, full screen; no presenter view.
    pub single_window: bool,
    /// Set when the person leaves (Esc); the app then drops the presentation.
    pub ended: bool,
    started: Option<f64>,
    cache: Option<Cache>,
    /// Whether the audience view (single-window mode: this window) is full screen, and
    /// whether the window was told so.
    pub full_screen: bool,
    full_screen_sent: Option<bool>,
    /// The screen chosen for the audience (0 is the first, as the system numbers them), where
    /// the audience window is made full screen; `None` until one is chosen.
    pub monitor: Option<usize>,
}

/// The audience window's id.
fn audience_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("giaoban-audience")
}

impl Presentation {
    pub fn new(
        meeting_id: uuid::Uuid,
        title: String,
        frames: Vec<Frame>,
        single_window: bool,
    ) -> Presentation {
        Presentation {
            meeting_id,
            title,
            frames,
            index: 0,
            single_window,
            ended: false,
            started: None,
            cache: None,
            // One window: full screen at once. Two: the audience window opens as a window,
            // to be moved to the projector, then made full screen there (F11).
            full_screen: single_window,
            full_screen_sent: None,
            monitor: None,
        }
    }

    pub fn step(&mut self, step: Step) {
        let last = self.frames.len().saturating_sub(1);
        match step {
            Step::Next => self.index = (self.index + 1).min(last),
            Step::Back => self.index = self.index.saturating_sub(1),
            Step::First => self.index = 0,
            Step::Last => self.index = last,
            Step::FullScreen => self.full_screen = !self.full_screen,
            Step::Leave => self.ended = true,
        }
    }

    /// Puts the audience window full screen on screen `index` (the projector). In one window,
    /// that window moves there.
    pub fn choose_monitor(&mut self, ctx: &egui::Context, index: usize) {
        let target = if self.single_window {
            ctx.viewport_id()
        } else {
            audience_id()
        };
        ctx.send_viewport_cmd_to(target, egui::ViewportCommand::SetMonitor(index));
        self.monitor = Some(index);
        self.full_screen = true;
        self.full_screen_sent = Some(true);
    }

    /// How many slides are drawn and ready at the current size.
    pub fn ready(&self) -> usize {
        self.cache.as_ref().map_or(0, |c| c.textures.len())
    }

    /// The slides' pixel size now used.
    pub fn size(&self) -> Option<[u32; 2]> {
        self.cache.as_ref().map(|c| c.size)
    }

    /// Slide `i`'s texture if it is already made (at the size now used); makes none.
    fn cached(&self, i: usize) -> Option<TextureHandle> {
        self.cache.as_ref()?.textures.get(&i).cloned()
    }

    /// The texture of slide `i` at `size`: from the cache, else drawn now. A new size starts
    /// a new cache and a background thread that draws the other slides.
    fn texture(&mut self, ctx: &egui::Context, i: usize, size: [u32; 2]) -> Option<TextureHandle> {
        if self.cache.as_ref().is_none_or(|c| c.size != size) {
            self.cache = Some(Cache {
                size,
                textures: HashMap::new(),
                incoming: None,
            });
        }
        let cache = self.cache.as_mut()?;
        // What the background thread has drawn.
        if let Some(rx) = &cache.incoming {
            while let Ok((k, rgb)) = rx.try_recv() {
                let image = egui::ColorImage::from_rgb([size[0] as usize, size[1] as usize], &rgb);
                let t = ctx.load_texture(format!("slide-{k}"), image, egui::TextureOptions::LINEAR);
                cache.textures.insert(k, t);
            }
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = cache.textures.entry(i) {
            let frame = self.frames.get(i)?;
            slot.insert(frame_texture(ctx, &format!("slide-{i}"), frame, size).ok()?);
        }
        if cache.incoming.is_none() && cache.textures.len() < self.frames.len() {
            // The others, next ones first, drawn while the room looks at this one.
            let n = self.frames.len();
            let order: Vec<(usize, Frame)> = (1..n)
                .map(|d| (i + d) % n)
                .filter(|k| !cache.textures.contains_key(k))
                .map(|k| (k, self.frames[k].clone()))
                .collect();
            let (tx, rx) = channel();
            let spawned = std::thread::Builder::new()
                .name("slides".into())
                .spawn(move || {
                    for (k, frame) in order {
                        let Ok(rgb) = crate::charts::render_rgb(&frame, size[0], size[1]) else {
                            continue;
                        };
                        if tx.send((k, rgb)).is_err() {
                            return; // the size changed or the presentation ended
                        }
                    }
                });
            if spawned.is_ok() {
                cache.incoming = Some(rx);
            }
        }
        if cache.textures.len() < self.frames.len() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        cache.textures.get(&i).cloned()
    }

    /// Waits for the background thread to draw every slide (for tests and benchmarks).
    pub fn finish_drawing(&mut self, ctx: &egui::Context) {
        let Some(size) = self.size() else { return };
        let started = std::time::Instant::now();
        while self.ready() < self.frames.len() && started.elapsed().as_secs() < 30 {
            for i in 0..self.frames.len() {
                let _ = self.texture(ctx, i, size);
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

/// The audience view: the slide on white, 16:9, as large as the window allows.
fn audience_ui(ui: &mut egui::Ui, p: &mut Presentation) {
    let ppp = ui.ctx().pixels_per_point();
    let avail = ui.available_size();
    let (size, px) = fit_16_9(avail, ppp);
    let index = p.index;
    if let Some(t) = p.texture(ui.ctx(), index, px) {
        let pad = (avail - size) / 2.0;
        ui.add_space(pad.y.max(0.0));
        ui.horizontal(|ui| {
            ui.add_space(pad.x.max(0.0));
            ui.add(egui::Image::new(&t).fit_to_exact_size(size));
        });
    }
}

fn white_frame() -> egui::Frame {
    egui::Frame::new().fill(Color32::WHITE)
}

/// Draws presentation mode; the keys move or end it.
pub fn present_ui(ui: &mut egui::Ui, p: &mut Presentation, lang: Lang) {
    let ctx = ui.ctx().clone();
    let now = ctx.input(|i| i.time);
    let started = *p.started.get_or_insert(now);
    if let Some(step) = ctx.input(step_of) {
        p.step(step);
    }
    if p.single_window {
        if p.full_screen_sent != Some(p.full_screen) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(p.full_screen));
            p.full_screen_sent = Some(p.full_screen);
        }
        egui::CentralPanel::default()
            .frame(white_frame())
            .show(ui, |ui| audience_ui(ui, p));
        return;
    }
    // The audience view in a window of its own.
    let title = format!("{} – {}", lang.pick("Trình chiếu", "Presentation"), p.title);
    // As large as the screen, full screen where the window manager allows it.
    let screen = ctx
        .input(|i| i.viewport().monitor_size)
        .filter(|s| s.x >= 320.0 && s.y >= 180.0)
        .unwrap_or(egui::vec2(1280.0, 720.0));
    let index_before = p.index;
    ctx.show_viewport_immediate(
        audience_id(),
        egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size(screen * 0.5),
        |ui, class| {
            // Embedded in this window, the keys were read above already. A step is taken
            // here, before drawing, so the slide it shows is made in this window's pass.
            if class != egui::ViewportClass::EmbeddedWindow
                && let Some(step) = ui.input(step_of)
            {
                p.step(step);
            }
            if ui.input(|i| i.viewport().close_requested()) {
                p.step(Step::Leave);
            }
            egui::CentralPanel::default()
                .frame(white_frame())
                .show(ui, |ui| audience_ui(ui, p));
        },
    );
    if p.full_screen_sent != Some(p.full_screen) {
        ctx.send_viewport_cmd_to(
            audience_id(),
            egui::ViewportCommand::Fullscreen(p.full_screen),
        );
        p.full_screen_sent = Some(p.full_screen);
    }
    presenter_ui(ui, p, lang, now - started);
    if p.index != index_before {
        // Moved by the presenter's buttons or list: the audience pass of the next frame
        // makes the slide (it is the only pass that makes textures).
        ctx.request_repaint();
    }
    ctx.request_repaint_after(std::time::Duration::from_millis(500)); // the clock
}

/// How many screens are offered: the system's own numbering is not known to the window, and a
/// laptop with a projector has two.
const SCREENS: usize = 3;

/// "Chiếu lên: màn hình 2": the audience window goes full screen on the chosen screen (the
/// projector), rather than being dragged there.
fn monitor_choice(ui: &mut egui::Ui, p: &mut Presentation, lang: Lang) {
    let name = |i: usize| match lang {
        Lang::Vi => format!("Màn hình {}", i + 1),
        Lang::En => format!("Screen {}", i + 1),
    };
    let shown = p
        .monitor
        .map(name)
        .unwrap_or_else(|| lang.pick("chọn màn hình…", "choose a screen…").into());
    let mut chosen = None;
    egui::ComboBox::from_label(lang.pick("Chiếu lên", "Project on"))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for i in 0..SCREENS {
                if ui.selectable_label(p.monitor == Some(i), name(i)).clicked() {
                    chosen = Some(i);
                }
            }
        })
        .response
        .on_hover_text(lang.pick(
            "Mở trang cho khán giả toàn màn hình trên màn hình này (máy chiếu thường là màn hình 2)",
            "Show the audience's slide full screen on this screen (a projector is usually screen 2)",
        ));
    if let Some(i) = chosen {
        p.choose_monitor(ui.ctx(), i);
    }
}

/// The presenter's view: current and next slide, the list, the clock.
fn presenter_ui(ui: &mut egui::Ui, p: &mut Presentation, lang: Lang, elapsed: f64) {
    let count = p.frames.len();
    egui::Panel::top("presenter-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&p.title).strong().size(18.0));
            ui.separator();
            ui.label(
                RichText::new(match lang {
                    Lang::Vi => format!("Trang {}/{count}", p.index + 1),
                    Lang::En => format!("Slide {} of {count}", p.index + 1),
                })
                .size(18.0),
            );
            ui.separator();
            let clock = chrono::Local::now().format("%H:%M:%S").to_string();
            let e = elapsed.max(0.0) as u64;
            ui.label(
                RichText::new(format!(
                    "{clock} · {} {:02}:{:02}",
                    lang.pick("đã trình chiếu", "running"),
                    e / 60,
                    e % 60
                ))
                .monospace()
                .size(18.0),
            );
            ui.separator();
            if ui.button(lang.pick("Trang trước", "Back")).clicked() {
                p.step(Step::Back);
            }
            if ui.button(lang.pick("Trang sau", "Next")).clicked() {
                p.step(Step::Next);
            }
            let full = if p.full_screen {
                lang.pick("Thôi toàn màn hình (F11)", "Leave full screen (F11)")
            } else {
                lang.pick(
                    "Khán giả: toàn màn hình (F11)",
                    "Audience: full screen (F11)",
                )
            };
            if ui.button(full).clicked() {
                p.step(Step::FullScreen);
            }
            monitor_choice(ui, p, lang);
            if ui
                .button(lang.pick("Kết thúc (Esc)", "End (Esc)"))
                .clicked()
            {
                p.step(Step::Leave);
            }
        });
    });
    egui::Panel::right("presenter-list")
        .exact_size(360.0)
        .show(ui, |ui| {
            ui.label(RichText::new(lang.pick("Trang tiếp theo", "Next slide")).strong());
            let next = p.index + 1;
            if next < count {
                // Made by the audience pass (the background thread draws the next first).
                if let Some(t) = p.cached(next) {
                    ui.add(egui::Image::new(&t).fit_to_exact_size(egui::vec2(340.0, 191.25)));
                }
            } else {
                ui.label(lang.pick("(trang cuối)", "(last slide)"));
            }
            ui.add_space(8.0);
            ui.label(RichText::new(lang.pick("Các trang", "Slides")).strong());
            egui::ScrollArea::vertical().show(ui, |ui| {
                let mut go = None;
                for (i, f) in p.frames.iter().enumerate() {
                    let text = format!("{}. {}", i + 1, f.figure.title);
                    if ui
                        .add_sized([340.0, 24.0], egui::Button::selectable(i == p.index, text))
                        .clicked()
                    {
                        go = Some(i);
                    }
                }
                if let Some(i) = go {
                    p.index = i;
                }
            });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label(
            RichText::new(lang.pick(
                "Màn hình khán giả ở cửa sổ riêng: chọn màn hình của máy chiếu ở ô Chiếu lên (hoặc kéo cửa sổ đó sang rồi bấm F11).",
                "The audience view is in its own window: choose the projector's screen under Project on (or drag the window there and press F11).",
            ))
            .weak(),
        );
        let avail = ui.available_size();
        let (shown, _) = fit_16_9(avail, 1.0);
        // The current slide as the room sees it (the same texture, scaled).
        if let Some(t) = p.cached(p.index) {
            ui.add(egui::Image::new(&t).fit_to_exact_size(shown));
        }
    });
}
