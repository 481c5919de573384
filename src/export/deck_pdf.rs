//! A deck as one PDF, a slide a page: each slide's SVG (the same drawing as on screen) placed
//! on a 16:9 page as vectors, with Noto Sans embedded once and the text kept as text.

use std::sync::Arc;

use krilla::Document;
use krilla::geom::Size;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::charts::{Frame, render_svg};

/// A slide's drawing size in SVG pixels, and its page in PDF points (a 16:9 page of
/// 33.9 × 19.1 cm, the size presentation programs use).
const SLIDE_PX: (u32, u32) = (1920, 1080);
const PAGE_PT: (f32, f32) = (960.0, 540.0);

fn options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(crate::assets::NOTO_SANS_REGULAR.to_vec());
    db.load_font_data(crate::assets::NOTO_SANS_BOLD.to_vec());
    db.set_sans_serif_family("Noto Sans");
    usvg::Options {
        fontdb: Arc::new(db),
        font_family: "Noto Sans".into(),
        ..usvg::Options::default()
    }
}

/// The PDF's bytes.
pub fn deck_pdf(frames: &[Frame]) -> Result<Vec<u8>, String> {
    let opts = options();
    let mut doc = Document::new();
    for frame in frames {
        let svg = render_svg(frame, SLIDE_PX.0, SLIDE_PX.1).map_err(|e| e.to_string())?;
        let tree = usvg::Tree::from_str(&svg, &opts).map_err(|e| e.to_string())?;
        let settings = PageSettings::from_wh(PAGE_PT.0, PAGE_PT.1).ok_or("page size")?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        let size = Size::from_wh(PAGE_PT.0, PAGE_PT.1).ok_or("page size")?;
        surface
            .draw_svg(&tree, size, SvgSettings::default())
            .ok_or("the slide could not be drawn")?;
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| format!("{e:?}"))
}
