//! The bitmap backend with text drawn properly. Plotters' own glyph drawing ignores each
//! glyph's side bearing ("h ình", "Thụ y") and its bold style; here text is laid out with
//! ab_glyph (advances, kerning, bearings) in the bundled Noto Sans, regular or bold, and each
//! glyph's coverage blended into the pixels.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
    text_anchor::{HPos, VPos},
};

fn fonts() -> Option<&'static (FontRef<'static>, FontRef<'static>)> {
    static FONTS: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some((
                FontRef::try_from_slice(crate::assets::NOTO_SANS_REGULAR).ok()?,
                FontRef::try_from_slice(crate::assets::NOTO_SANS_BOLD).ok()?,
            ))
        })
        .as_ref()
}

/// A line of text laid out: each glyph with its pen position, the width and the height.
struct Laid {
    glyphs: Vec<ab_glyph::Glyph>,
    width: f32,
    height: f32,
    bold: bool,
}

fn lay_out(text: &str, size: f64, bold: bool) -> Option<Laid> {
    let (regular, heavy) = fonts()?;
    let font = if bold { heavy } else { regular };
    let scaled = font.as_scaled(PxScale::from(size as f32));
    let ascent = scaled.ascent();
    let mut pen = 0.0f32;
    let mut prev = None;
    let mut glyphs = Vec::with_capacity(text.len());
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            pen += scaled.kern(p, id);
        }
        glyphs.push(id.with_scale_and_position(scaled.scale(), point(pen, ascent)));
        pen += scaled.h_advance(id);
        prev = Some(id);
    }
    Some(Laid {
        glyphs,
        width: pen,
        height: scaled.height(),
        bold,
    })
}

/// Text's width and height in pixels at `size` (the font's ascent-to-descent height).
pub fn measure(text: &str, size: f64, bold: bool) -> (u32, u32) {
    lay_out(text, size, bold).map_or((0, 0), |l| (l.width.ceil() as u32, l.height.ceil() as u32))
}

/// How a [`Texted`] backend draws text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextMode {
    /// Glyphs blended into pixels (the bitmap backend).
    Glyphs,
    /// Left to the backend (SVG keeps text as text), measured and placed as on screen.
    Native,
}

/// A backend with this module's text: drawn and measured as on screen.
pub struct Texted<B>(pub B, pub TextMode);

/// SVG renders `font-size` = size / 1.24 em and places top-anchored text at 0.76 em below;
/// the bitmap's size is Noto Sans's ascent-to-descent height (1.362 em) with the top at the
/// ascent. These convert one to the other.
pub const SVG_TEXT: f64 = 1.24 / 1.362;
const SVG_TOP_SHIFT: f64 = (1.069 - 0.76) / 1.362;

type Res<B> = Result<(), DrawingErrorKind<<B as DrawingBackend>::ErrorType>>;

impl<B: DrawingBackend> DrawingBackend for Texted<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Res<B> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Res<B> {
        self.0.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res<B> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        s: &S,
    ) -> Res<B> {
        self.0.draw_line(from, to, s)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res<B> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res<B> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Res<B> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Res<B> {
        self.0.fill_polygon(vert, style)
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Res<B> {
        self.0.blit_bitmap(pos, size, src)
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Res<B> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if self.1 == TextMode::Native {
            // The size as on screen, and the top where the screen puts it.
            let size = style.size() / SVG_TEXT;
            let shift = match style.anchor().v_pos {
                VPos::Top => (SVG_TOP_SHIFT * size).round() as i32,
                _ => 0,
            };
            return self.0.draw_text(text, style, (pos.0, pos.1 + shift));
        }
        let bold = matches!(style.style(), FontStyle::Bold);
        let Some(laid) = lay_out(text, style.size(), bold) else {
            return Ok(());
        };
        let dx = match style.anchor().h_pos {
            HPos::Left => 0.0,
            HPos::Right => -laid.width,
            HPos::Center => -laid.width / 2.0,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0.0,
            VPos::Center => -laid.height / 2.0,
            VPos::Bottom => -laid.height,
        };
        let (x0, y0) = (pos.0 as f32 + dx, pos.1 as f32 + dy);
        let Some((regular, heavy)) = fonts() else {
            return Ok(());
        };
        let font = if laid.bold { heavy } else { regular };
        let (w, h) = self.0.get_size();
        for glyph in laid.glyphs {
            let Some(outline) = font.outline_glyph(glyph) else {
                continue;
            };
            let b = outline.px_bounds();
            let mut result = Ok(());
            outline.draw(|gx, gy, coverage| {
                let x = (x0 + b.min.x).round() as i32 + gx as i32;
                let y = (y0 + b.min.y).round() as i32 + gy as i32;
                if coverage > 0.0 && x >= 0 && y >= 0 && (x as u32) < w && (y as u32) < h {
                    let c = BackendColor {
                        alpha: color.alpha * f64::from(coverage.min(1.0)),
                        rgb: color.rgb,
                    };
                    if let Err(e) = self.0.draw_pixel((x, y), c) {
                        result = Err(e);
                    }
                }
            });
            result?;
        }
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let size = match self.1 {
            TextMode::Glyphs => style.size(),
            TextMode::Native => style.size() / SVG_TEXT,
        };
        Ok(measure(
            text,
            size,
            matches!(style.style(), FontStyle::Bold),
        ))
    }
}
