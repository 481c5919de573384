//! The notice as a PDF: A4, the same margins and blocks as the DOCX, set in the bundled
//! Liberation Serif (Times New Roman's metrics, every Vietnamese letter), embedded as a subset
//! so the text extracts with its diacritics. Paragraphs are broken into lines here (krilla
//! draws single lines) and justified by spreading the words.

use krilla::Document;
use krilla::geom::{PathBuilder, Point};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::text::{Font, TextDirection};

use crate::domain::notice::Notice;

use crate::assets::{SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC, SERIF_REGULAR};

const MM: f32 = 72.0 / 25.4;
/// A4 in points.
pub const A4_PT: (f32, f32) = (595.28, 841.89);
const TOP: f32 = 20.0 * MM;
const BOTTOM: f32 = 20.0 * MM;
const LEFT: f32 = 30.0 * MM;
const RIGHT: f32 = 15.0 * MM;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Regular,
    Bold,
    Italic,
    /// "Nơi nhận:" (Decree 30/2020).
    BoldItalic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Center,
    Justify,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy)]
struct Fmt {
    style: Style,
    size: f32,
    align: Align,
    /// First-line indent.
    indent: f32,
    /// Space after the paragraph.
    after: f32,
}

impl Fmt {
    const fn center(style: Style, size: f32) -> Fmt {
        Fmt {
            style,
            size,
            align: Align::Center,
            indent: 0.0,
            after: 0.0,
        }
    }

    const fn left(style: Style, size: f32) -> Fmt {
        Fmt {
            align: Align::Left,
            ..Fmt::center(style, size)
        }
    }

    /// Body text: 14 pt, justified, 1 cm first-line indent.
    const fn body(style: Style, after: f32) -> Fmt {
        Fmt {
            style,
            size: 14.0,
            align: Align::Justify,
            indent: 10.0 * MM,
            after,
        }
    }
}

/// A column of the page: its left edge and width.
#[derive(Debug, Clone, Copy)]
struct Col {
    x: f32,
    w: f32,
}

enum Op {
    Text {
        x: f32,
        y: f32,
        style: Style,
        size: f32,
        text: String,
    },
    Line {
        x1: f32,
        x2: f32,
        y: f32,
    },
}

struct Faces {
    regular: rustybuzz::Face<'static>,
    bold: rustybuzz::Face<'static>,
    italic: rustybuzz::Face<'static>,
    bold_italic: rustybuzz::Face<'static>,
}

impl Faces {
    fn load() -> Option<Faces> {
        Some(Faces {
            regular: rustybuzz::Face::from_slice(SERIF_REGULAR, 0)?,
            bold: rustybuzz::Face::from_slice(SERIF_BOLD, 0)?,
            italic: rustybuzz::Face::from_slice(SERIF_ITALIC, 0)?,
            bold_italic: rustybuzz::Face::from_slice(SERIF_BOLD_ITALIC, 0)?,
        })
    }

    /// The advance width of `text` in points.
    fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        let face = match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
            Style::Italic => &self.italic,
            Style::BoldItalic => &self.bold_italic,
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / f32::from(face.units_per_em() as u16)
    }
}

/// Lays out blocks top to bottom, page after page.
struct Layout {
    faces: Faces,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Layout {
    fn page(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page_if(&mut self, height: f32) {
        if self.y + height > A4_PT.1 - BOTTOM {
            self.pages.push(Vec::new());
            self.y = TOP;
        }
    }

    /// Words of `text` in lines no wider than `width` (the first line `indent` narrower).
    fn wrap(
        &self,
        text: &str,
        style: Style,
        size: f32,
        width: f32,
        indent: f32,
    ) -> Vec<Vec<String>> {
        // A text that fits stays whole, its spaces kept ("Số:       /TB-BCĐ").
        if !text.contains('\n') && self.faces.width(text, style, size) <= width - indent {
            return vec![vec![text.to_string()]];
        }
        let space = self.faces.width(" ", style, size);
        let mut lines: Vec<Vec<String>> = Vec::new();
        let mut line: Vec<String> = Vec::new();
        let mut used = 0.0;
        for word in text.split_whitespace() {
            let w = self.faces.width(word, style, size);
            let limit = if lines.is_empty() {
                width - indent
            } else {
                width
            };
            let extra = if line.is_empty() { w } else { space + w };
            if !line.is_empty() && used + extra > limit {
                lines.push(std::mem::take(&mut line));
                used = w;
            } else {
                used += extra;
            }
            line.push(word.to_string());
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// The height a paragraph takes, its space after included.
    fn height(&self, text: &str, fmt: Fmt, col: Col) -> f32 {
        let lines = self
            .wrap(text, fmt.style, fmt.size, col.w, fmt.indent)
            .len();
        lines as f32 * fmt.size * 1.2 + fmt.after
    }

    /// A paragraph in a column.
    fn paragraph(&mut self, text: &str, fmt: Fmt, col: Col) {
        let Fmt {
            style,
            size,
            align,
            indent,
            after,
        } = fmt;
        let (x0, width) = (col.x, col.w);
        let leading = size * 1.2;
        let lines = self.wrap(text, style, size, width, indent);
        let count = lines.len();
        for (i, words) in lines.into_iter().enumerate() {
            self.new_page_if(leading);
            let baseline = self.y + size;
            let first = if i == 0 { indent } else { 0.0 };
            let joined = words.join(" ");
            let line_width = self.faces.width(&joined, style, size);
            let avail = width - first;
            match align {
                Align::Justify if i + 1 < count && words.len() > 1 => {
                    let natural: f32 = words.iter().map(|w| self.faces.width(w, style, size)).sum();
                    let gap = (avail - natural) / (words.len() - 1) as f32;
                    let mut x = x0 + first;
                    for w in &words {
                        let ww = self.faces.width(w, style, size);
                        self.page().push(Op::Text {
                            x,
                            y: baseline,
                            style,
                            size,
                            text: w.clone(),
                        });
                        x += ww + gap;
                    }
                }
                _ => {
                    let x = match align {
                        Align::Center => x0 + (width - line_width) / 2.0,
                        _ => x0 + first,
                    };
                    self.page().push(Op::Text {
                        x,
                        y: baseline,
                        style,
                        size,
                        text: joined,
                    });
                }
            }
            self.y += leading;
        }
        self.y += after;
    }

    /// A short centred rule under the line above.
    fn rule(&mut self, center: f32, width: f32) {
        let y = self.y + 3.5;
        self.page().push(Op::Line {
            x1: center - width / 2.0,
            x2: center + width / 2.0,
            y,
        });
        self.y += 9.0;
    }
}

/// The notice as the bytes of a PDF file.
pub fn notice_pdf(n: &Notice) -> Result<Vec<u8>, String> {
    let faces = Faces::load().ok_or("the bundled serif font could not be read")?;
    let mut l = Layout {
        faces,
        pages: vec![Vec::new()],
        y: TOP,
    };
    let width = A4_PT.0 - LEFT - RIGHT;
    let left_w = width * 0.42;
    let right_x = LEFT + left_w;
    let right_w = width - left_w;
    let left = Col { x: LEFT, w: left_w };
    let right = Col {
        x: right_x,
        w: right_w,
    };
    let full = Col { x: LEFT, w: width };
    // The header: issuer and number at the left, the national motto at the right.
    let top = l.y;
    l.paragraph(&n.authority, Fmt::center(Style::Regular, 13.0), left);
    // The issuer on one line: 13 pt, or 12 pt when 13 does not fit.
    let issuer_size = if l.faces.width(&n.issuer, Style::Bold, 13.0) <= left_w {
        13.0
    } else {
        12.0
    };
    l.paragraph(&n.issuer, Fmt::center(Style::Bold, issuer_size), left);
    l.rule(LEFT + left_w / 2.0, 60.0);
    l.paragraph(&n.number, Fmt::center(Style::Regular, 13.0), left);
    let left_bottom = l.y;
    l.y = top;
    l.paragraph(&n.motto_country, Fmt::center(Style::Bold, 13.0), right);
    l.paragraph(&n.motto, Fmt::center(Style::Bold, 14.0), right);
    let motto_w = l.faces.width(&n.motto, Style::Bold, 14.0);
    l.rule(right_x + right_w / 2.0, motto_w);
    l.paragraph(&n.place_date, Fmt::center(Style::Italic, 14.0), right);
    l.y = l.y.max(left_bottom) + 18.0;
    l.paragraph(&n.title, Fmt::center(Style::Bold, 14.0), full);
    l.paragraph(&n.subject, Fmt::center(Style::Bold, 14.0), full);
    l.rule(LEFT + width / 2.0, 80.0);
    l.y += 8.0;
    let mut body: Vec<(&str, Fmt)> = n
        .opening
        .iter()
        .map(|p| (p.as_str(), Fmt::body(Style::Regular, 6.0)))
        .collect();
    for s in n.sections.iter().chain(n.assignments.iter()) {
        if !s.heading.is_empty() {
            body.push((&s.heading, Fmt::body(Style::Bold, 3.0)));
        }
        body.extend(
            s.paragraphs
                .iter()
                .map(|p| (p.as_str(), Fmt::body(Style::Regular, 6.0))),
        );
    }
    let closing = Fmt::body(Style::Regular, 12.0);
    // Recipients at the left, the signature block at the right; kept on one page.
    let block =
        13.2 * (n.recipients.len() as f32 + 1.0).max(n.signer_title.len() as f32 + 6.0) + 10.0;
    // The last paragraph goes over with the closing line and the signature, so that the last
    // page never holds the signature alone.
    let end = l.height(&n.closing, closing, full) + block;
    let count = body.len();
    let page = A4_PT.1 - TOP - BOTTOM;
    for (i, (text, fmt)) in body.into_iter().enumerate() {
        let together = l.height(text, fmt, full) + end;
        // Only when the page has text already and the three fit on one page together.
        if i + 1 == count && l.y > TOP && together <= page {
            l.new_page_if(together);
        }
        l.paragraph(text, fmt, full);
    }
    l.new_page_if(end);
    l.paragraph(&n.closing, closing, full);
    let top = l.y;
    l.paragraph("Nơi nhận:", Fmt::left(Style::BoldItalic, 12.0), left);
    for r in &n.recipients {
        l.paragraph(r, Fmt::left(Style::Regular, 11.0), left);
    }
    l.y = top;
    for t in &n.signer_title {
        l.paragraph(t, Fmt::center(Style::Bold, 14.0), right);
    }
    l.y += 60.0;
    if !n.signer_name.is_empty() {
        l.paragraph(&n.signer_name, Fmt::center(Style::Bold, 14.0), right);
    }

    let regular = Font::new(SERIF_REGULAR.into(), 0).ok_or("font")?;
    let bold = Font::new(SERIF_BOLD.into(), 0).ok_or("font")?;
    let italic = Font::new(SERIF_ITALIC.into(), 0).ok_or("font")?;
    let bold_italic = Font::new(SERIF_BOLD_ITALIC.into(), 0).ok_or("font")?;
    // Page numbers from the second page: Arabic numerals, centred in the top margin.
    for (i, ops) in l.pages.iter_mut().enumerate().skip(1) {
        let number = (i + 1).to_string();
        let size = 13.0;
        let w = l.faces.width(&number, Style::Regular, size);
        ops.push(Op::Text {
            x: (A4_PT.0 + LEFT - RIGHT - w) / 2.0,
            y: TOP / 2.0 + size / 2.0,
            style: Style::Regular,
            size,
            text: number,
        });
    }
    let mut doc = Document::new();
    for ops in &l.pages {
        let settings = PageSettings::from_wh(A4_PT.0, A4_PT.1).ok_or("page size")?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    style,
                    size,
                    text,
                } => {
                    let font = match style {
                        Style::Regular => regular.clone(),
                        Style::Bold => bold.clone(),
                        Style::Italic => italic.clone(),
                        Style::BoldItalic => bold_italic.clone(),
                    };
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        font,
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Line { x1, x2, y } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(*x1, *y);
                    pb.line_to(*x2, *y);
                    if let Some(path) = pb.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            width: 0.8,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                        surface.set_fill(Some(krilla::paint::Fill::default()));
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| format!("{e:?}"))
}
