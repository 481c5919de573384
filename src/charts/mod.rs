//! Charts for the meeting room: a figure's data read from the file ([`data`]), drawn by one
//! function ([`draw`]) onto the screen's texture, a PNG, an SVG or a page of the deck's PDF.

pub mod data;
pub mod deck;
pub mod draw;
pub mod glyphs;

use std::sync::Once;

use plotters::prelude::*;

pub use self::draw::{DrawError, Frame};

static FONTS: Once = Once::new();

/// Registers the bundled Noto Sans with plotters (once per process): the bitmap backend draws
/// every letter with it, Vietnamese included.
pub fn register_fonts() {
    FONTS.call_once(|| {
        let regular = crate::assets::NOTO_SANS_REGULAR;
        let bold = crate::assets::NOTO_SANS_BOLD;
        // The bundled files are known to load; a failure would leave text undrawn, not crash.
        let _ = plotters::style::register_font(draw::FAMILY, FontStyle::Normal, regular);
        let _ = plotters::style::register_font(draw::FAMILY, FontStyle::Bold, bold);
    });
}

/// Width × height in pixels, as people type it: "1920x1080".
pub fn parse_size(text: &str) -> Option<(u32, u32)> {
    let lower = text.trim().to_lowercase();
    let (w, h) = lower.split_once(['x', '×'])?;
    let w: u32 = w.trim().parse().ok()?;
    let h: u32 = h.trim().parse().ok()?;
    ((320..=7680).contains(&w) && (180..=4320).contains(&h)).then_some((w, h))
}

/// The slide as RGB pixels, row by row.
pub fn render_rgb(frame: &Frame, width: u32, height: u32) -> Result<Vec<u8>, DrawError> {
    register_fonts();
    let mut buf = vec![255u8; width as usize * height as usize * 3];
    {
        let backend = glyphs::Texted(
            BitMapBackend::with_buffer(&mut buf, (width, height)),
            glyphs::TextMode::Glyphs,
        );
        let root = backend.into_drawing_area();
        draw::draw_frame(&root, frame)?;
        root.present().map_err(|e| DrawError(format!("{e:?}")))?;
    }
    Ok(buf)
}

/// The slide as a PNG file's bytes.
pub fn render_png(frame: &Frame, width: u32, height: u32) -> Result<Vec<u8>, DrawError> {
    let pixels = render_rgb(frame, width, height)?;
    encode_png(&pixels, width, height)
}

/// Encodes RGB pixels as PNG, favouring speed (a slide is mostly flat colour).
pub fn encode_png(pixels: &[u8], width: u32, height: u32) -> Result<Vec<u8>, DrawError> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut writer = enc.write_header().map_err(|e| DrawError(e.to_string()))?;
        writer
            .write_image_data(pixels)
            .map_err(|e| DrawError(e.to_string()))?;
    }
    Ok(out)
}

/// The slide as an SVG document (text kept as text, in "sans-serif").
pub fn render_svg(frame: &Frame, width: u32, height: u32) -> Result<String, DrawError> {
    register_fonts();
    let mut out = String::new();
    {
        let backend = glyphs::Texted(
            SVGBackend::with_string(&mut out, (width, height)),
            glyphs::TextMode::Native,
        );
        let root = backend.into_drawing_area();
        draw::draw_frame_svg(&root, frame)?;
        root.present().map_err(|e| DrawError(format!("{e:?}")))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_as_typed() {
        assert_eq!(parse_size("1920x1080"), Some((1920, 1080)));
        assert_eq!(parse_size(" 1280 × 720 "), Some((1280, 720)));
        assert_eq!(parse_size("1920"), None);
        assert_eq!(parse_size("0x0"), None);
        assert_eq!(parse_size("99999x1080"), None);
    }
}
