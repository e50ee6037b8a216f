//! PDF documents on printpdf: a small layout engine of our own (embedded
//! DejaVu Serif, subset on save; paragraphs wrapped on the font's real
//! advances; headings kept with their text; lists and tables; a running
//! header, and a footer with page "n / N"; landscape pages for the maps;
//! title, author, date and language in the metadata) and one module per
//! document.
//!
//! Shared documents (covenant, meeting pack, minutes) take a projection
//! from [`crate::audience`]; only the facilitator's intake summary reads
//! the whole alliance.
//!
//! One file on purpose (over 800 lines): the layout engine (pages, text,
//! lists, tables, maps as vectors, metadata) is one state machine; the
//! documents themselves live in their own files.

pub mod ballots;
pub mod comments;
pub mod covenant;
pub mod intake;
pub mod maps;
pub mod meeting;
pub mod plan;
pub mod table;

mod archive;
use archive::set_language;
pub use archive::{archival, srgb_icc};

use printpdf::{
    Color, FontId, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem, WindingOrder,
};

use crate::domain::Id;
use crate::i18n::Lang;
use samenspel_projection::print::{Missing, Printing};

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The meeting pack, sent before a meeting.
    Pack,
    Minutes,
    Covenant,
    /// The facilitator's confidential intake summary.
    Intake,
    /// The selection report of a draw for a body's seats (`Request::of`:
    /// the draw; `None`: the newest draw made).
    Selection,
    /// What a body's table decided, for all parties (`Request::of`: the
    /// body).
    TableDecisions,
    /// One party's wishes and where they went ("Uw inbreng en waar die
    /// staat"; `Request::of`: the party).
    PartyShare,
    /// The strategy map and the network map on their own, for an alliance
    /// without a meeting to send a pack for.
    Maps,
    /// The processing of a comment round ("Verwerking van het commentaar";
    /// `Request::of`: the round; `None`: the newest).
    Comments,
}

/// A document to build: of which meeting or covenant version (`None`: the
/// default one: the next meeting for a pack, the last one held for minutes,
/// the newest covenant version), in which language. The CLI and the app
/// both ask through this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    pub kind: Kind,
    pub meeting: Option<Id>,
    /// A covenant version's id.
    pub version: Option<Id>,
    /// The draw of a selection report, the body of its decisions.
    pub of: Option<Id>,
    pub lang: Lang,
}

/// A built document and what it is of.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    pub bytes: Vec<u8>,
    pub kind: Kind,
    /// The meeting's id and title, for a pack or minutes.
    pub meeting: Option<(Id, String)>,
    /// The covenant version's number and title.
    pub version: Option<(u32, String)>,
}

/// Why a document could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestError {
    NoMeetings,
    NoSuchMeeting(Id),
    NoCovenant,
    NoSuchVersion,
    /// No draw was made (or no such draw, or no such body).
    NoDraw,
    NoSuchBody,
    NoSuchParty,
    /// No comment round (or no such round).
    NoCommentRound,
    /// Both maps are empty.
    NoMaps,
    /// The intake summary of a locked alliance: its texts are sealed.
    Locked,
}

/// Build a document from what the print audience hands out. Shared
/// documents come from the room projection; only the intake summary opens
/// confidential texts, through the facilitator's own view.
pub fn build(from: &Printing, request: &Request) -> Result<Built, RequestError> {
    let lang = request.lang;
    let today = from.today();
    match request.kind {
        Kind::Covenant => {
            let view = from.covenant(request.version).map_err(|m| match m {
                Missing::NoCovenant => RequestError::NoCovenant,
                Missing::NoSuchVersion => RequestError::NoSuchVersion,
            })?;
            Ok(Built {
                bytes: covenant::render(&view, lang),
                kind: Kind::Covenant,
                meeting: None,
                version: Some((view.number, view.title.clone())),
            })
        }
        Kind::Pack | Kind::Minutes => {
            let room = from.room();
            let pack = request.kind == Kind::Pack;
            let id = request
                .meeting
                .or_else(|| meeting::default_meeting(&room, pack, today))
                .ok_or(RequestError::NoMeetings)?;
            let m = room.meeting(id).ok_or(RequestError::NoSuchMeeting(id))?;
            let title = m.title.clone();
            let bytes = if pack {
                meeting::pack(&room, id, lang)
            } else {
                meeting::minutes(&room, id, lang)
            }
            .ok_or(RequestError::NoSuchMeeting(id))?;
            Ok(Built {
                bytes,
                kind: request.kind,
                meeting: Some((id, title)),
                version: None,
            })
        }
        Kind::Selection => {
            let id = request
                .of
                .or_else(|| from.newest_draw())
                .ok_or(RequestError::NoDraw)?;
            let view = from.selection(id).ok_or(RequestError::NoDraw)?;
            Ok(Built {
                bytes: table::selection(&view, lang, today),
                kind: Kind::Selection,
                meeting: None,
                version: None,
            })
        }
        Kind::TableDecisions => {
            let id = request.of.ok_or(RequestError::NoSuchBody)?;
            let view = from.table(id).ok_or(RequestError::NoSuchBody)?;
            Ok(Built {
                bytes: table::decisions(&view, lang),
                kind: Kind::TableDecisions,
                meeting: None,
                version: None,
            })
        }
        Kind::Comments => {
            let view = from
                .comments(request.of)
                .ok_or(RequestError::NoCommentRound)?;
            Ok(Built {
                bytes: comments::render(&view, lang),
                kind: Kind::Comments,
                meeting: None,
                version: None,
            })
        }
        Kind::PartyShare => {
            let id = request.of.ok_or(RequestError::NoSuchParty)?;
            let view = from.party_share(id).ok_or(RequestError::NoSuchParty)?;
            Ok(Built {
                bytes: plan::party(&view, lang),
                kind: Kind::PartyShare,
                meeting: None,
                version: None,
            })
        }
        Kind::Maps => Ok(Built {
            bytes: maps::document(&from.room(), lang).ok_or(RequestError::NoMaps)?,
            kind: Kind::Maps,
            meeting: None,
            version: None,
        }),
        Kind::Intake => {
            let view = from.facilitators_intake().ok_or(RequestError::Locked)?;
            Ok(Built {
                bytes: intake::render(&view, lang),
                kind: Kind::Intake,
                meeting: None,
                version: None,
            })
        }
    }
}

/// A4 portrait, in millimetres.
pub const PAGE_W: f32 = 210.0;
pub const PAGE_H: f32 = 297.0;
/// Margins: balanced, well clear of the 10 mm a printer needs.
pub const MARGIN_X: f32 = 25.0;
pub const MARGIN_TOP: f32 = 25.0;
pub const MARGIN_BOTTOM: f32 = 28.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

/// Body text size and its leading factor.
pub const BODY: f32 = 10.5;
const LEADING: f32 = 1.45;

static SERIF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSerif.ttf");
static SERIF_BOLD: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSerif-Bold.ttf");

/// Colours of the documents: ink, a muted grey, the accent and fills.
pub use crate::tokens::print::{ACCENT, INK, MUTED, WARN};

fn color((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

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

/// What a document says about itself: in its metadata, its running header
/// and its footer.
pub struct DocInfo {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub lang: Lang,
    /// The running header on every page but the first.
    pub header: String,
    /// The footer's left text (title, fingerprint, "confidential").
    pub footer: String,
}

struct Page {
    w: f32,
    h: f32,
    ops: Vec<Op>,
}

/// A document being laid out, top to bottom, page by page.
pub struct Layout {
    doc: PdfDocument,
    regular: Face,
    bold: Face,
    pages: Vec<Page>,
    /// Distance from the top of the page to the next line's top, in mm.
    y: f32,
    info: DocInfo,
    /// The narrowest room any text leaves to the right edge of its page,
    /// in mm: a check that nothing runs into the margin.
    right_room: f32,
}

/// Break a word wider than `width` into pieces that fit, each but the last
/// ending in a hyphen.
fn split_long_word(word: &str, fits: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        let candidate = format!("{piece}{c}-");
        if !piece.is_empty() && !fits(&candidate) {
            pieces.push(format!("{piece}-"));
            piece = c.to_string();
        } else {
            piece.push(c);
        }
    }
    pieces.push(piece);
    pieces
}

/// The hyphenation patterns of a language (TeX's, through the
/// `hyphenation` crate), loaded once.
fn dictionary(lang: Lang) -> Option<&'static hyphenation::Standard> {
    use hyphenation::{Language, Load, Standard};
    static NL: std::sync::OnceLock<Option<Standard>> = std::sync::OnceLock::new();
    static EN: std::sync::OnceLock<Option<Standard>> = std::sync::OnceLock::new();
    let (cell, language) = match lang {
        Lang::Nl => (&NL, Language::Dutch),
        Lang::En => (&EN, Language::EnglishGB),
    };
    cell.get_or_init(|| Standard::from_embedded(language).ok())
        .as_ref()
}

/// The longest head of `word`, cut at a hyphenation point (or after a
/// hyphen it already has) and given a hyphen, that still fits after
/// `line`; and the rest of the word.
fn hyphenate_to_fit(
    dict: Option<&hyphenation::Standard>,
    word: &str,
    line: &str,
    fits: &dyn Fn(&str) -> bool,
) -> Option<(String, String)> {
    use hyphenation::Hyphenator;
    let mut points: Vec<usize> = dict.map(|d| d.hyphenate(word).breaks).unwrap_or_default();
    points.extend(
        word.char_indices()
            .filter(|(i, c)| *c == '-' && *i > 0 && i + 1 < word.len())
            .map(|(i, _)| i + 1),
    );
    points.sort_unstable();
    points.dedup();
    for &b in points.iter().rev() {
        if !word.is_char_boundary(b) || b == 0 || b >= word.len() {
            continue;
        }
        let (head, tail) = word.split_at(b);
        let head = if head.ends_with('-') {
            head.to_string()
        } else {
            format!("{head}-")
        };
        let candidate = if line.is_empty() {
            head.clone()
        } else {
            format!("{line} {head}")
        };
        if fits(&candidate) {
            return Some((head, tail.to_string()));
        }
    }
    None
}

impl Layout {
    pub fn new(info: DocInfo) -> Layout {
        let mut doc = PdfDocument::new(&info.title);
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
        let meta = &mut doc.metadata.info;
        meta.author = info.author.clone();
        meta.subject = info.subject.clone();
        meta.creator = "Samenspel".into();
        meta.producer = format!("Samenspel {}", env!("CARGO_PKG_VERSION"));
        meta.keywords = vec![info.lang.code().to_string()];
        let now = printpdf::OffsetDateTime::now_utc();
        meta.creation_date = now;
        meta.modification_date = now;
        meta.metadata_date = now;
        Layout {
            doc,
            regular,
            bold,
            pages: vec![Page {
                w: PAGE_W,
                h: PAGE_H,
                ops: Vec::new(),
            }],
            y: MARGIN_TOP,
            info,
            right_room: f32::INFINITY,
        }
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    fn page(&self) -> &Page {
        self.pages.last().expect("a page")
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.pages.last_mut().expect("a page").ops
    }

    /// Width of `text` in mm.
    pub fn measure(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.face(weight).width(text, size)
    }

    /// The width text may use on this page.
    pub fn text_width(&self) -> f32 {
        self.page().w - 2.0 * MARGIN_X
    }

    /// The page's size in mm.
    /// The narrowest room any text written so far leaves to the right
    /// edge of its page, in mm (at least `MARGIN_X` when all is inside).
    pub fn right_room(&self) -> f32 {
        self.right_room
    }

    pub fn page_size(&self) -> (f32, f32) {
        (self.page().w, self.page().h)
    }

    /// Distance from the top of the page to where the next line goes.
    pub fn cursor(&self) -> f32 {
        self.y
    }

    /// How much room is left on this page, in mm.
    pub fn room(&self) -> f32 {
        self.page().h - MARGIN_BOTTOM - self.y
    }

    /// Whether nothing was written on this page yet.
    pub fn page_is_empty(&self) -> bool {
        self.page().ops.is_empty()
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page {
            w: PAGE_W,
            h: PAGE_H,
            ops: Vec::new(),
        });
        self.y = MARGIN_TOP;
    }

    /// A landscape A4 page (for a map).
    pub fn new_landscape_page(&mut self) {
        // An empty page before it goes, the first one too (a document
        // of maps only).
        if self.page_is_empty() {
            self.pages.pop();
        }
        self.pages.push(Page {
            w: PAGE_H,
            h: PAGE_W,
            ops: Vec::new(),
        });
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

    /// Line height of a heading at `size` points, in mm.
    pub fn heading_leading(size: f32) -> f32 {
        size * 1.35 / PT_PER_MM
    }

    /// Line height of text at `size` points, in mm.
    pub fn leading(size: f32) -> f32 {
        size * LEADING / PT_PER_MM
    }

    /// Break `text` into lines no wider than `width` mm (greedy, on the
    /// font's real advances). A word that does not fit is hyphenated in
    /// the document's language where that helps: when the line would
    /// otherwise stay less than three quarters full, or the word is wider
    /// than a line. A word with no fitting hyphenation point is broken
    /// between letters only when it is wider than a line. A blank line in
    /// the text stays a blank line.
    pub fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
        self.wrap_with(text, weight, size, width, true)
    }

    /// A heading's lines, balanced: when the last line would hold one word
    /// alone, the lines are made narrower (as many lines, down to two
    /// thirds of the width) until it has company.
    pub fn balanced(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
        let lines = self.wrap_with(text, weight, size, width, false);
        let alone = |lines: &[String]| {
            lines.len() > 1 && lines.last().is_some_and(|l| !l.trim().contains(' '))
        };
        if !alone(&lines) {
            return lines;
        }
        let mut narrower = width;
        while narrower > width * 0.66 {
            narrower -= width * 0.02;
            let tried = self.wrap_with(text, weight, size, narrower, false);
            if tried.len() > lines.len() {
                break;
            }
            if !alone(&tried) {
                return tried;
            }
        }
        lines
    }

    /// [`Layout::wrap`], hyphenating only words wider than a line when
    /// `hyphenate` is false (for headings and labels).
    pub fn wrap_with(
        &self,
        text: &str,
        weight: Weight,
        size: f32,
        width: f32,
        hyphenate: bool,
    ) -> Vec<String> {
        let face = self.face(weight);
        let fits = |s: &str| face.width(s, size) <= width;
        let dict = dictionary(self.info.lang);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut words: std::collections::VecDeque<String> =
                paragraph.split_whitespace().map(String::from).collect();
            while let Some(word) = words.pop_front() {
                let candidate = if line.is_empty() {
                    word.clone()
                } else {
                    format!("{line} {word}")
                };
                if fits(&candidate) {
                    line = candidate;
                    continue;
                }
                let too_wide = !fits(&word);
                // Names (a capital first letter) are kept whole when they can be.
                let name = word.chars().next().is_some_and(char::is_uppercase);
                // So are codes (a fingerprint, a hash): a hyphen in one
                // would be copied with it.
                let code = word.chars().any(|c| c.is_ascii_digit());
                let short = hyphenate
                    && !name
                    && !code
                    && (line.is_empty() || face.width(&line, size) < width * 0.75);
                if (too_wide || short)
                    && let Some((head, tail)) = hyphenate_to_fit(dict, &word, &line, &fits)
                {
                    line = if line.is_empty() {
                        head
                    } else {
                        format!("{line} {head}")
                    };
                    lines.push(std::mem::take(&mut line));
                    words.push_front(tail);
                    continue;
                }
                if line.is_empty() {
                    let mut pieces = split_long_word(&word, &fits);
                    line = pieces.pop().unwrap_or_default();
                    lines.extend(pieces);
                } else {
                    lines.push(std::mem::take(&mut line));
                    words.push_front(word);
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Write `text` with its top at `top` mm from the page's top edge.
    pub fn text_at(
        &mut self,
        x: f32,
        top: f32,
        text: &str,
        weight: Weight,
        size: f32,
        rgb: (f32, f32, f32),
    ) {
        if text.is_empty() {
            return;
        }
        let room = self.page().w - x - self.measure(text.trim_end(), weight, size);
        self.right_room = self.right_room.min(room);
        let id = self.face(weight).id.clone();
        let baseline = self.page().h - top - size / PT_PER_MM;
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFillColor { col: color(rgb) },
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
        self.paragraph_in(text, weight, size, indent, INK);
    }

    /// A paragraph in a colour.
    pub fn paragraph_in(
        &mut self,
        text: &str,
        weight: Weight,
        size: f32,
        indent: f32,
        rgb: (f32, f32, f32),
    ) {
        let leading = Layout::leading(size);
        for source in text.split('\n') {
            // A line that starts with a bullet hangs beside it.
            let (marker, rest) = match source.trim_start().split_once(' ') {
                Some((m @ ("•" | "-" | "–"), rest)) => (Some(m), rest),
                _ => (None, source),
            };
            let hang = if marker.is_some() { 5.0 } else { 0.0 };
            let lines = self.wrap(rest, weight, size, self.text_width() - indent - hang);
            for (i, line) in lines.iter().enumerate() {
                self.keep(leading);
                if i == 0
                    && let Some(m) = marker
                {
                    self.text_at(MARGIN_X + indent, self.y, m, weight, size, rgb);
                }
                self.text_at(MARGIN_X + indent + hang, self.y, line, weight, size, rgb);
                self.y += leading;
            }
        }
    }

    /// A line of literal text (a hashed input, a command): never
    /// hyphenated; if it is too long for the page it continues on the next
    /// line, indented by `hang` mm, so where each line starts stays plain.
    pub fn hanging(&mut self, text: &str, size: f32, hang: f32, rgb: (f32, f32, f32)) {
        let leading = Layout::leading(size);
        let first = self.wrap_with(text, Weight::Regular, size, self.text_width(), false);
        let Some((head, tail)) = first.split_first() else {
            return;
        };
        let rest = tail.join(" ");
        let mut lines = vec![(0.0, head.clone())];
        if !rest.is_empty() {
            let width = self.text_width() - hang;
            lines.extend(
                self.wrap_with(&rest, Weight::Regular, size, width, false)
                    .into_iter()
                    .map(|l| (hang, l)),
            );
        }
        for (indent, line) in lines {
            self.keep(leading);
            self.text_at(MARGIN_X + indent, self.y, &line, Weight::Regular, size, rgb);
            self.y += leading;
        }
    }

    /// A list item: a bullet, and the text hanging beside it.
    pub fn bullet(&mut self, text: &str, size: f32) {
        self.item("•", text, size);
    }

    /// A numbered list item.
    pub fn numbered(&mut self, n: usize, text: &str, size: f32) {
        self.item(&format!("{n}."), text, size);
    }

    fn item(&mut self, marker: &str, text: &str, size: f32) {
        let leading = Layout::leading(size);
        let indent = 6.0;
        let lines = self.wrap(text, Weight::Regular, size, self.text_width() - indent);
        for (i, line) in lines.iter().enumerate() {
            // Keep a short item together; let a long one break.
            if i == 0 {
                self.keep(leading * lines.len().min(3) as f32);
                self.text_at(MARGIN_X, self.y, marker, Weight::Regular, size, ACCENT);
            } else {
                self.keep(leading);
            }
            self.text_at(MARGIN_X + indent, self.y, line, Weight::Regular, size, INK);
            self.y += leading;
        }
        self.y += 0.8;
    }

    /// A heading, kept with at least three lines of what follows it.
    pub fn heading(&mut self, text: &str, size: f32) {
        let leading = Layout::heading_leading(size);
        let lines = self.balanced(text, Weight::Bold, size, self.text_width());
        self.keep(leading * lines.len() as f32 + 3.0 * Layout::leading(BODY) + 3.0);
        for line in lines {
            self.text_at(MARGIN_X, self.y, &line, Weight::Bold, size, ACCENT);
            self.y += leading;
        }
        self.y += 1.5;
    }

    /// A label and its value on one line, the value wrapped beside the
    /// label column.
    pub fn field(&mut self, label: &str, value: &str, label_w: f32) {
        let leading = Layout::leading(BODY);
        let lines = self.wrap(value, Weight::Regular, BODY, self.text_width() - label_w);
        self.keep(leading * lines.len().min(2) as f32);
        self.text_at(MARGIN_X, self.y, label, Weight::Bold, BODY - 0.5, MUTED);
        for line in lines {
            self.keep(leading);
            self.text_at(
                MARGIN_X + label_w,
                self.y,
                &line,
                Weight::Regular,
                BODY,
                INK,
            );
            self.y += leading;
        }
    }

    /// A table: a bold header row, then rows whose cells wrap in their
    /// column. A row never breaks across pages; the header repeats on a
    /// new page. `widths` are fractions of the text width.
    pub fn table(&mut self, widths: &[f32], header: &[&str], rows: &[Vec<String>], size: f32) {
        let total = self.text_width();
        let gap = 3.0;
        let cols = self.column_widths(widths, header, rows, size, gap);
        let leading = Layout::leading(size);
        // Cells break between words only: a name, a date or a code is
        // read whole ("Gemeente", not "Ge-meente"; "januari", not
        // "janua-ri"). A word wider than its column, even after the
        // columns made room for it, is hyphenated as a last resort.
        let wrap_row = |layout: &Layout, cells: &[String], weight: Weight| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(&cols)
                .map(|(c, w)| layout.wrap_with(c, weight, size, w - gap, false))
                .collect()
        };
        let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        let head_lines = wrap_row(self, &head, Weight::Bold);
        let head_h = head_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 1.5;
        let draw = |layout: &mut Layout, lines: &[Vec<String>], weight: Weight, rgb| {
            let mut x = MARGIN_X;
            let top = layout.y;
            for (cell, w) in lines.iter().zip(&cols) {
                for (i, line) in cell.iter().enumerate() {
                    layout.text_at(x, top + i as f32 * leading, line, weight, size, rgb);
                }
                x += w;
            }
        };
        let mut header_drawn_on = None;
        for row in rows {
            let lines = wrap_row(self, row, Weight::Regular);
            let h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 1.2;
            let needs_header = header_drawn_on != Some(self.pages.len());
            self.keep(h + if needs_header { head_h } else { 0.0 });
            if header_drawn_on != Some(self.pages.len()) {
                draw(self, &head_lines, Weight::Bold, MUTED);
                self.y += head_h - 1.0;
                self.rule(MARGIN_X, MARGIN_X + total, 0.4, MUTED);
                self.y += 1.0;
                header_drawn_on = Some(self.pages.len());
            }
            draw(self, &lines, Weight::Regular, INK);
            self.y += h;
        }
        self.y += 2.0;
    }

    /// The columns' widths in mm: the shares asked for, then each column
    /// widened to hold its widest word whole, taking the room from the
    /// columns that have some to spare (a column never gives up room its
    /// own widest word needs).
    fn column_widths(
        &self,
        shares: &[f32],
        header: &[&str],
        rows: &[Vec<String>],
        size: f32,
        gap: f32,
    ) -> Vec<f32> {
        let total = self.text_width();
        let mut cols: Vec<f32> = shares.iter().map(|w| w * total).collect();
        let widest = |weight: Weight, text: &str| {
            text.split_whitespace()
                .map(|w| self.measure(w, weight, size))
                .fold(0.0, f32::max)
        };
        let need: Vec<f32> = (0..cols.len())
            .map(|i| {
                let head = header.get(i).map_or(0.0, |h| widest(Weight::Bold, h));
                let body = rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| widest(Weight::Regular, c))
                    .fold(0.0, f32::max);
                head.max(body) + gap + 0.5
            })
            .collect();
        let short: f32 = cols.iter().zip(&need).map(|(c, n)| (n - c).max(0.0)).sum();
        let spare: f32 = cols.iter().zip(&need).map(|(c, n)| (c - n).max(0.0)).sum();
        if short <= 0.0 || spare <= 0.0 {
            return cols;
        }
        // Give what can be given, in proportion to each column's spare room.
        let give = short.min(spare);
        let lack = short;
        for (c, n) in cols.iter_mut().zip(&need) {
            if *c < *n {
                *c += (*n - *c) * give / lack;
            } else {
                *c -= (*c - *n) * give / spare;
            }
        }
        cols
    }

    fn line_ops(points: &[(f32, f32)]) -> Vec<LinePoint> {
        points
            .iter()
            .map(|(x, y)| LinePoint {
                p: Point::new(Mm(*x), Mm(*y)),
                bezier: false,
            })
            .collect()
    }

    /// A horizontal line at the current height, `thickness` in points.
    pub fn rule(&mut self, x0: f32, x1: f32, thickness: f32, rgb: (f32, f32, f32)) {
        let y = self.y;
        self.line(&[(x0, y), (x1, y)], thickness, rgb);
    }

    /// A polyline through points given in mm from the page's top left.
    pub fn line(&mut self, points: &[(f32, f32)], thickness: f32, rgb: (f32, f32, f32)) {
        let h = self.page().h;
        let flipped: Vec<(f32, f32)> = points.iter().map(|(x, y)| (*x, h - y)).collect();
        self.ops().extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: color(rgb) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: printpdf::Line {
                    points: Layout::line_ops(&flipped),
                    is_closed: false,
                },
            },
            Op::RestoreGraphicsState,
        ]);
    }

    /// A closed shape through points (mm from the top left): filled,
    /// outlined, or both.
    pub fn shape(
        &mut self,
        points: &[(f32, f32)],
        fill: Option<(f32, f32, f32)>,
        stroke: Option<((f32, f32, f32), f32)>,
    ) {
        let h = self.page().h;
        let flipped: Vec<(f32, f32)> = points.iter().map(|(x, y)| (*x, h - y)).collect();
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, _) => PaintMode::Stroke,
        };
        let mut ops = vec![Op::SaveGraphicsState];
        if let Some(rgb) = fill {
            ops.push(Op::SetFillColor { col: color(rgb) });
        }
        if let Some((rgb, thickness)) = stroke {
            ops.push(Op::SetOutlineColor { col: color(rgb) });
            ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        }
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: Layout::line_ops(&flipped),
                }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
        ops.push(Op::RestoreGraphicsState);
        self.ops().extend(ops);
    }

    /// A rectangle (mm from the top left).
    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<(f32, f32, f32)>,
        stroke: Option<((f32, f32, f32), f32)>,
    ) {
        self.shape(
            &[(x, y), (x + w, y), (x + w, y + h), (x, y + h)],
            fill,
            stroke,
        );
    }

    /// A circle, as a 48-sided polygon.
    pub fn circle(
        &mut self,
        cx: f32,
        cy: f32,
        r: f32,
        fill: Option<(f32, f32, f32)>,
        stroke: Option<((f32, f32, f32), f32)>,
    ) {
        let points: Vec<(f32, f32)> = (0..48)
            .map(|i| {
                let t = i as f32 / 48.0 * std::f32::consts::TAU;
                (cx + r * t.cos(), cy + r * t.sin())
            })
            .collect();
        self.shape(&points, fill, stroke);
    }

    /// `text` cut to `width` mm with an ellipsis.
    pub fn fit(&self, text: &str, weight: Weight, size: f32, width: f32) -> String {
        let face = self.face(weight);
        if face.width(text, size) <= width {
            return text.to_string();
        }
        let mut out: String = text.to_string();
        while !out.is_empty() && face.width(&format!("{out}…"), size) > width {
            out.pop();
        }
        format!("{}…", out.trim_end())
    }

    /// Finish: the running header on every page but the first, the footer
    /// with "n / N" on every page, the metadata, then the PDF bytes.
    pub fn finish(self) -> Vec<u8> {
        self.finish_as(false)
    }

    /// [`Layout::finish`], as PDF/A-2b for the archive (see
    /// [`archival`]).
    pub fn finish_archival(self) -> Vec<u8> {
        self.finish_as(true)
    }

    fn finish_as(mut self, archive: bool) -> Vec<u8> {
        let total = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let size = 8.0;
        let mut out = Vec::with_capacity(total);
        for (i, page) in pages.into_iter().enumerate() {
            self.pages.push(Page {
                w: page.w,
                h: page.h,
                ops: page.ops,
            });
            let (w, h) = (page.w, page.h);
            let number = format!("{} / {total}", i + 1);
            let number_w = self.regular.width(&number, size);
            let footer = self.fit(
                &self.info.footer.clone(),
                Weight::Regular,
                size,
                w - 2.0 * MARGIN_X - number_w - 8.0,
            );
            let foot_top = h - 14.0 - size / PT_PER_MM;
            self.text_at(MARGIN_X, foot_top, &footer, Weight::Regular, size, MUTED);
            self.text_at(
                w - MARGIN_X - number_w,
                foot_top,
                &number,
                Weight::Regular,
                size,
                MUTED,
            );
            if i > 0 && !self.info.header.is_empty() {
                let header = self.fit(
                    &self.info.header.clone(),
                    Weight::Regular,
                    size,
                    w - 2.0 * MARGIN_X,
                );
                self.text_at(MARGIN_X, 13.0, &header, Weight::Regular, size, MUTED);
                let y = 13.0 + Layout::leading(size) + 0.5;
                self.line(&[(MARGIN_X, y), (w - MARGIN_X, y)], 0.3, MUTED);
            }
            let page = self.pages.pop().expect("the page just pushed");
            out.push(PdfPage::new(Mm(w), Mm(h), page.ops));
        }
        let mut warnings = Vec::new();
        let bytes = self.doc.with_pages(out).save(
            &PdfSaveOptions {
                subset_fonts: true,
                ..Default::default()
            },
            &mut warnings,
        );
        if archive {
            archival(bytes, &self.info, chrono::Utc::now())
        } else {
            set_language(bytes, self.info.lang)
        }
    }
}
