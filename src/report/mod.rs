//! PDF documents on printpdf: a small layout engine of our own (embedded
//! DejaVu Serif, subset on save; paragraphs wrapped on the font's real
//! advances; headings kept with their text; a footer with page "n / N" on
//! every page) and one module per document.

pub mod covenant;

use printpdf::{
    FontId, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    TextItem,
};

/// A4, in millimetres.
pub const PAGE_W: f32 = 210.0;
pub const PAGE_H: f32 = 297.0;
/// Margins: balanced, well clear of the 10 mm a printer needs.
pub const MARGIN_X: f32 = 25.0;
pub const MARGIN_TOP: f32 = 25.0;
pub const MARGIN_BOTTOM: f32 = 28.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

static SERIF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif.ttf");
static SERIF_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerif-Bold.ttf");

/// A face: its metrics for measuring, and its id in the document.
struct Face {
    metrics: ttf_parser::Face<'static>,
    id: FontId,
}

impl Face {
    /// Width of `text` at `size` points, in millimetres.
    fn width(&self, text: &str, size: f32) -> f32 {
        let units = self.metrics.units_per_em() as f32;
        let advance: f32 = text
            .chars()
            .map(|c| {
                self.metrics
                    .glyph_index(c)
                    .and_then(|g| self.metrics.glyph_hor_advance(g))
                    .unwrap_or(self.metrics.units_per_em() / 2) as f32
            })
            .sum();
        advance / units * size / PT_PER_MM
    }
}

/// Which face.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// A document being laid out, top to bottom, page by page.
pub struct Layout {
    doc: PdfDocument,
    regular: Face,
    bold: Face,
    pages: Vec<Vec<Op>>,
    /// Distance from the top of the page to the next line's top, in mm.
    y: f32,
    /// The footer's left text (title, fingerprint).
    footer: String,
}

impl Layout {
    pub fn new(title: &str, footer: &str) -> Layout {
        let mut doc = PdfDocument::new(title);
        let mut warnings = Vec::new();
        let mut face = |bytes: &'static [u8]| {
            let parsed =
                ParsedFont::from_bytes(bytes, 0, &mut warnings).expect("the shipped font parses");
            Face {
                id: doc.add_font(&parsed),
                metrics: ttf_parser::Face::parse(bytes, 0).expect("the shipped font parses"),
            }
        };
        let regular = face(SERIF);
        let bold = face(SERIF_BOLD);
        Layout {
            doc,
            regular,
            bold,
            pages: vec![Vec::new()],
            y: MARGIN_TOP,
            footer: footer.to_string(),
        }
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The width text may use.
    pub fn text_width(&self) -> f32 {
        PAGE_W - 2.0 * MARGIN_X
    }

    /// How much room is left on this page, in mm.
    pub fn room(&self) -> f32 {
        PAGE_H - MARGIN_BOTTOM - self.y
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
    }

    /// Start a new page unless `needed` mm still fit.
    pub fn keep(&mut self, needed: f32) {
        if self.room() < needed {
            self.new_page();
        }
    }

    pub fn space(&mut self, mm: f32) {
        self.y += mm;
    }

    /// Break `text` into lines no wider than `width` mm (greedy, on the
    /// font's real advances; a word longer than a line stands alone).
    pub fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
        let face = self.face(weight);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if !line.is_empty() && face.width(&candidate, size) > width {
                    lines.push(std::mem::take(&mut line));
                    line = word.to_string();
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Write one line at `x` mm from the left, at the current height.
    fn line_at(&mut self, x: f32, text: &str, weight: Weight, size: f32) {
        let id = self.face(weight).id.clone();
        let baseline = PAGE_H - self.y - size / PT_PER_MM;
        let ops = self.pages.last_mut().expect("a page");
        ops.extend([
            Op::StartTextSection,
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(baseline)),
            },
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    /// A paragraph, wrapped, breaking across pages between lines.
    pub fn paragraph(&mut self, text: &str, weight: Weight, size: f32, indent: f32) {
        let leading = size * 1.45 / PT_PER_MM;
        for line in self.wrap(text, weight, size, self.text_width() - indent) {
            self.keep(leading);
            if !line.is_empty() {
                self.line_at(MARGIN_X + indent, &line, weight, size);
            }
            self.y += leading;
        }
    }

    /// A heading, kept with at least three lines of what follows it.
    pub fn heading(&mut self, text: &str, size: f32) {
        let leading = size * 1.35 / PT_PER_MM;
        let lines = self.wrap(text, Weight::Bold, size, self.text_width());
        self.keep(leading * lines.len() as f32 + 3.0 * 11.0 * 1.45 / PT_PER_MM + 3.0);
        for line in lines {
            self.line_at(MARGIN_X, &line, Weight::Bold, size);
            self.y += leading;
        }
        self.y += 1.5;
    }

    /// A horizontal line across the text width at the current height.
    pub fn rule(&mut self, x0: f32, x1: f32) {
        let y = PAGE_H - self.y;
        let ops = self.pages.last_mut().expect("a page");
        ops.push(Op::DrawLine {
            line: printpdf::Line {
                points: vec![
                    printpdf::LinePoint {
                        p: Point::new(Mm(x0), Mm(y)),
                        bezier: false,
                    },
                    printpdf::LinePoint {
                        p: Point::new(Mm(x1), Mm(y)),
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    /// Finish: footers with "n / N" on every page, then the PDF bytes.
    pub fn finish(mut self) -> Vec<u8> {
        let total = self.pages.len();
        let footer = self.footer.clone();
        let mut pages = Vec::with_capacity(total);
        for (i, mut ops) in std::mem::take(&mut self.pages).into_iter().enumerate() {
            let number = format!("{} / {total}", i + 1);
            let size = 8.5;
            let width = self.regular.width(&number, size);
            let baseline = 14.0;
            for (x, text) in [
                (MARGIN_X, footer.as_str()),
                (PAGE_W - MARGIN_X - width, number.as_str()),
            ] {
                ops.extend([
                    Op::StartTextSection,
                    Op::SetTextCursor {
                        pos: Point::new(Mm(x), Mm(baseline)),
                    },
                    Op::SetFont {
                        font: PdfFontHandle::External(self.regular.id.clone()),
                        size: Pt(size),
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(text.to_string())],
                    },
                    Op::EndTextSection,
                ]);
            }
            pages.push(PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops));
        }
        let mut warnings = Vec::new();
        self.doc.with_pages(pages).save(
            &PdfSaveOptions {
                subset_fonts: true,
                ..Default::default()
            },
            &mut warnings,
        )
    }
}
