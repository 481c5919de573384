//! Opening the window: wgpu first, OpenGL (glow) when wgpu cannot start.
//!
//! wgpu needs DirectX 12 or Vulkan (or a recent OpenGL); a laptop with an old driver, a
//! session over Remote Desktop, a virtual machine or Wine may have none of them, and wgpu then
//! fails before the first frame. eframe's OpenGL renderer draws the same window there. The
//! status bar says when it was needed; `GIAOBAN_RENDERER=glow` (or `wgpu`) picks one.

use std::path::PathBuf;

use super::GiaobanApp;
use crate::app::AppConfig;
use crate::domain::lang::Lang;

/// Which renderer draws the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    Wgpu,
    Glow,
}

/// What the person asked for in `GIAOBAN_RENDERER`; wgpu, with a fallback, otherwise.
pub fn asked_renderer(value: Option<&str>) -> Option<Renderer> {
    match value?.trim().to_ascii_lowercase().as_str() {
        "glow" | "opengl" | "gl" => Some(Renderer::Glow),
        "wgpu" => Some(Renderer::Wgpu),
        _ => None,
    }
}

/// The window's icon, from the bundled PNG.
fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/giaoban.png")).ok()
}

fn options(renderer: Renderer) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("giaoban")
        .with_app_id("giaoban")
        .with_inner_size(super::FIRST_SIZE)
        .with_min_inner_size([900.0, 600.0]);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        viewport,
        renderer: match renderer {
            Renderer::Wgpu => eframe::Renderer::Wgpu,
            Renderer::Glow => eframe::Renderer::Glow,
        },
        ..Default::default()
    }
}

fn run(
    renderer: Renderer,
    fallback: bool,
    file: Option<PathBuf>,
    lang: Option<Lang>,
) -> eframe::Result {
    eframe::run_native(
        "giaoban",
        options(renderer),
        Box::new(move |cc| {
            let mut window = GiaobanApp::with_context(cc, AppConfig::for_user(file, lang));
            window.opengl_fallback = fallback;
            Ok(Box::new(window))
        }),
    )
}

/// Opens the window and runs it until it is closed. When wgpu cannot start, the window opens
/// again with OpenGL; the error is the last renderer's when neither can.
pub fn open_window(file: Option<PathBuf>, lang: Option<Lang>) -> eframe::Result {
    let asked = asked_renderer(std::env::var("GIAOBAN_RENDERER").ok().as_deref());
    match asked {
        Some(renderer) => run(renderer, false, file, lang),
        None => match run(Renderer::Wgpu, false, file.clone(), lang) {
            Err(e) => {
                eprintln!("giaoban: wgpu: {e}; OpenGL");
                run(Renderer::Glow, true, file, lang)
            }
            ok => ok,
        },
    }
}

/// On Windows, where a program started by a double click has no console, a line that must
/// be read is shown in a message box; elsewhere it has been printed already.
pub fn tell_in_a_box(line: &str) {
    if cfg!(windows) {
        let _ = rfd::MessageDialog::new()
            .set_title("giaoban")
            .set_description(line)
            .set_level(rfd::MessageLevel::Error)
            .show();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_renderer_asked_for_in_the_environment() {
        assert_eq!(asked_renderer(Some("glow")), Some(Renderer::Glow));
        assert_eq!(asked_renderer(Some(" OpenGL ")), Some(Renderer::Glow));
        assert_eq!(asked_renderer(Some("wgpu")), Some(Renderer::Wgpu));
        assert_eq!(asked_renderer(Some("vulkan")), None);
        assert_eq!(asked_renderer(None), None);
        assert!(icon().is_some_and(|i| i.width == 256 && i.height == 256));
    }
}
