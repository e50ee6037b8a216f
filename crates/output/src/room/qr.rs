//! A card's link as a QR code: the module matrix only (the `qrcode`
//! crate without its image features). The app draws it as squares in
//! egui, the card PDF as vector squares.

/// A QR code's modules: `width` × `width`, row by row, `true` for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl Matrix {
    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// The dark modules as runs along each row: (row, first column,
    /// length). Fewer shapes to draw than single squares.
    pub fn runs(&self) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.width && self.is_dark(x, y) {
                        x += 1;
                    }
                    out.push((y, start, x - start));
                } else {
                    x += 1;
                }
            }
        }
        out
    }
}

/// The QR code of a text (a card's link), at error correction level M
/// (15 %: a creased or smudged card still scans). `None` for a text too
/// long for any QR code.
pub fn matrix(text: &str) -> Option<Matrix> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(Matrix {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    })
}

/// The quiet zone every QR code needs around it, in modules.
pub const QUIET: usize = 4;
