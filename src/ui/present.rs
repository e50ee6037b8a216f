//! Presentation mode: what the room sees on the beamer, one thing at a
//! time, in large type and strong contrast.
//!
//! Everything here is drawn from a [`RoomView`] (the room projection) and
//! nothing else: this module never sees an `Alliance`, so it cannot show a
//! confidential answer, the facilitator's notes or a stance that was not
//! revealed. Text is drawn as labels, so the AccessKit tree carries every
//! word that is shown (and the tests read it).

use egui::{
    Align, Color32, CornerRadius, FontFamily, Layout, Pos2, Rect, RichText, Sense, Shape, Stroke,
    Ui, UiBuilder, Vec2, pos2, vec2,
};
use serde::{Deserialize, Serialize};

use crate::audience::{RoomArrow, RoomOutcome, RoomRound, RoomView};
use crate::domain::{Id, NodeKind, Phase, RelationKind};
use crate::i18n::{Lang, T};

use super::theme;

/// The projector's colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectorTheme {
    /// Dark text on white: best on most projectors in a lit room.
    #[default]
    Light,
    /// Light text on near-black: for a dark room.
    Dark,
}

/// Colours of one projector theme, all with strong contrast.
#[derive(Clone, Copy)]
pub struct Palette {
    pub bg: Color32,
    pub text: Color32,
    pub muted: Color32,
    pub accent: Color32,
    pub on_accent: Color32,
    pub soft: Color32,
    pub line: Color32,
    pub ok: Color32,
    pub warn: Color32,
    pub danger: Color32,
    pub initiative: Color32,
}

impl ProjectorTheme {
    pub fn palette(self) -> Palette {
        match self {
            ProjectorTheme::Light => Palette {
                bg: Color32::WHITE,
                text: Color32::from_rgb(0x10, 0x13, 0x17),
                muted: Color32::from_rgb(0x3a, 0x41, 0x48),
                accent: Color32::from_rgb(0x0b, 0x4f, 0x7c),
                on_accent: Color32::WHITE,
                soft: Color32::from_rgb(0xd8, 0xe8, 0xf4),
                line: Color32::from_rgb(0x5a, 0x63, 0x6b),
                ok: Color32::from_rgb(0x17, 0x66, 0x33),
                warn: Color32::from_rgb(0x85, 0x55, 0x00),
                danger: Color32::from_rgb(0xa0, 0x1c, 0x1c),
                initiative: Color32::from_rgb(0xfa, 0xec, 0xc8),
            },
            ProjectorTheme::Dark => Palette {
                bg: Color32::from_rgb(0x0e, 0x12, 0x16),
                text: Color32::from_rgb(0xf4, 0xf6, 0xf8),
                muted: Color32::from_rgb(0xc3, 0xcb, 0xd2),
                accent: Color32::from_rgb(0x7c, 0xc0, 0xf5),
                on_accent: Color32::from_rgb(0x08, 0x16, 0x22),
                soft: Color32::from_rgb(0x1d, 0x33, 0x47),
                line: Color32::from_rgb(0xa6, 0xb0, 0xb9),
                ok: Color32::from_rgb(0x86, 0xd9, 0xa0),
                warn: Color32::from_rgb(0xf3, 0xc2, 0x67),
                danger: Color32::from_rgb(0xff, 0x8f, 0x85),
                initiative: Color32::from_rgb(0x4a, 0x3c, 0x18),
            },
        }
    }
}

/// One view of the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The route of the alliance and where it stands.
    Route,
    Strategy,
    Network,
    Rules,
    /// The agenda funnel: many items, a few focal points.
    Funnel,
    /// A consensus round, live (index into `RoomView::rounds`).
    Round(usize),
    Decisions,
    /// A meeting's agenda, item by item.
    Agenda(Id),
}

/// The slides of a presentation: the route, the two maps, the rules, the
/// funnel, every open round (or else the latest round), the decision log,
/// and the agenda of `meeting`.
pub fn slides(room: &RoomView, meeting: Option<Id>) -> Vec<Slide> {
    let mut out = vec![
        Slide::Route,
        Slide::Strategy,
        Slide::Network,
        Slide::Rules,
        Slide::Funnel,
    ];
    let open: Vec<usize> = room
        .rounds
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.status.is_closed())
        .map(|(i, _)| i)
        .collect();
    if open.is_empty() {
        if let Some(i) = room
            .rounds
            .iter()
            .enumerate()
            .max_by_key(|(_, r)| (r.decided, r.id))
            .map(|(i, _)| i)
        {
            out.push(Slide::Round(i));
        }
    } else {
        out.extend(open.into_iter().map(Slide::Round));
    }
    out.push(Slide::Decisions);
    if let Some(m) = meeting.filter(|m| room.meeting(*m).is_some()) {
        out.push(Slide::Agenda(m));
    }
    out
}

/// What the facilitator is showing: which slide, which step in it, whether
/// the screen is blank, and how the map is panned and zoomed.
#[derive(Clone, Debug, PartialEq)]
pub struct PresentState {
    pub slide: usize,
    pub step: usize,
    pub blank: bool,
    pub theme: ProjectorTheme,
    pub zoom: f32,
    pub pan: Vec2,
}

impl Default for PresentState {
    fn default() -> Self {
        PresentState {
            slide: 0,
            step: 0,
            blank: false,
            theme: ProjectorTheme::Light,
            zoom: 1.0,
            pan: Vec2::ZERO,
        }
    }
}

/// A command from the keyboard or a presenter clicker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Next,
    Previous,
    First,
    Last,
    Blank,
    Leave,
    Fullscreen,
    /// Switch between the light and the dark projector theme.
    Theme,
}

/// The clicker's keys: Page Down / Page Up and the arrows step, B (or the
/// full stop some clickers send) blanks, Esc leaves, F or F11 toggles full
/// screen, T switches the light and dark theme. The keys are consumed.
pub fn commands(ctx: &egui::Context) -> Vec<Command> {
    use egui::Key;
    let table = [
        (Key::PageDown, Command::Next),
        (Key::ArrowRight, Command::Next),
        (Key::ArrowDown, Command::Next),
        (Key::Space, Command::Next),
        (Key::PageUp, Command::Previous),
        (Key::ArrowLeft, Command::Previous),
        (Key::ArrowUp, Command::Previous),
        (Key::Backspace, Command::Previous),
        (Key::Home, Command::First),
        (Key::End, Command::Last),
        (Key::B, Command::Blank),
        (Key::Period, Command::Blank),
        (Key::Escape, Command::Leave),
        (Key::F, Command::Fullscreen),
        (Key::F11, Command::Fullscreen),
        (Key::T, Command::Theme),
    ];
    ctx.input_mut(|i| {
        table
            .iter()
            .filter(|(key, _)| i.consume_key(egui::Modifiers::NONE, *key))
            .map(|(_, c)| *c)
            .collect()
    })
}

impl PresentState {
    fn reset_view(&mut self) {
        self.zoom = 1.0;
        self.pan = Vec2::ZERO;
    }

    /// Keep the position inside the slides (they change as the alliance
    /// does).
    pub fn clamp(&mut self, counts: &[usize]) {
        if counts.is_empty() {
            self.slide = 0;
            self.step = 0;
            return;
        }
        self.slide = self.slide.min(counts.len() - 1);
        self.step = self.step.min(counts[self.slide].saturating_sub(1));
    }

    /// Apply a command; `counts` are the steps of each slide. Returns
    /// the commands the state does not handle (leave, full screen).
    pub fn apply(&mut self, command: Command, counts: &[usize]) -> Option<Command> {
        self.clamp(counts);
        match command {
            Command::Next | Command::Previous if self.blank => self.blank = false,
            Command::Next => {
                if self.step + 1 < counts.get(self.slide).copied().unwrap_or(1) {
                    self.step += 1;
                } else if self.slide + 1 < counts.len() {
                    self.slide += 1;
                    self.step = 0;
                }
                self.reset_view();
            }
            Command::Previous => {
                if self.step > 0 {
                    self.step -= 1;
                } else if self.slide > 0 {
                    self.slide -= 1;
                    self.step = counts[self.slide].saturating_sub(1);
                }
                self.reset_view();
            }
            Command::First => {
                self.slide = 0;
                self.step = 0;
                self.blank = false;
                self.reset_view();
            }
            Command::Last => {
                self.slide = counts.len().saturating_sub(1);
                self.step = 0;
                self.blank = false;
                self.reset_view();
            }
            Command::Blank => self.blank = !self.blank,
            Command::Theme => {
                self.theme = match self.theme {
                    ProjectorTheme::Light => ProjectorTheme::Dark,
                    ProjectorTheme::Dark => ProjectorTheme::Light,
                };
                return Some(Command::Theme);
            }
            other => return Some(other),
        }
        None
    }

    /// Go to a slide, at its first step.
    pub fn go_to(&mut self, slide: usize) {
        self.slide = slide;
        self.step = 0;
        self.blank = false;
        self.reset_view();
    }
}

/// Type sizes that follow the projected screen: large, nothing small.
#[derive(Clone, Copy)]
struct Type {
    title: f32,
    body: f32,
    small: f32,
    unit: f32,
}

impl Type {
    fn for_rect(r: Rect) -> Type {
        let unit = (r.height() / 1080.0)
            .min(r.width() / 1920.0 * 1.15)
            .clamp(0.45, 3.0);
        Type {
            title: 64.0 * unit,
            body: 42.0 * unit,
            small: 32.0 * unit,
            unit,
        }
    }
}

fn rich(text: impl Into<String>, size: f32, color: Color32, bold: bool) -> RichText {
    let r = RichText::new(text).size(size).color(color);
    if bold {
        r.family(theme::bold())
    } else {
        r.family(FontFamily::Proportional)
    }
}

/// A wrapped label in `rect`, from its top left; returns the height used.
fn text_in(ui: &mut Ui, rect: Rect, text: RichText, align: Align) -> f32 {
    let layout = Layout::top_down(align);
    let inner = ui.scope_builder(UiBuilder::new().max_rect(rect).layout(layout), |ui| {
        ui.add(egui::Label::new(text).wrap())
    });
    inner.response.rect.height()
}

/// The largest size from `max` down to `min` at which `text`, wrapped at
/// the width of `rect`, fits its height without breaking a word.
fn fit_size(ui: &Ui, rect: Rect, text: &str, max: f32, min: f32, bold: bool) -> f32 {
    let family = if bold {
        theme::bold()
    } else {
        FontFamily::Proportional
    };
    let longest = text
        .split_whitespace()
        .max_by_key(|w| w.chars().count())
        .unwrap_or("");
    let mut size = max.max(min);
    loop {
        let font = egui::FontId::new(size, family.clone());
        let galley = ui.painter().layout(
            text.to_owned(),
            font.clone(),
            Color32::WHITE,
            rect.width().max(1.0),
        );
        let word = ui
            .painter()
            .layout_no_wrap(longest.to_owned(), font, Color32::WHITE);
        if (galley.size().y <= rect.height() && word.size().x <= rect.width()) || size <= min {
            return size;
        }
        size = (size * 0.93).max(min);
    }
}

/// A label that fits `rect` (see [`fit_size`]), centred or from the top
/// left. Returns the size used.
#[allow(clippy::too_many_arguments)]
fn label_fit(
    ui: &mut Ui,
    rect: Rect,
    text: &str,
    max: f32,
    min: f32,
    color: Color32,
    bold: bool,
    center: bool,
) -> f32 {
    let size = fit_size(ui, rect, text, max, min, bold);
    let family = if bold {
        theme::bold()
    } else {
        FontFamily::Proportional
    };
    let font = egui::FontId::new(size, family);
    let galley = ui
        .painter()
        .layout(text.to_owned(), font.clone(), color, rect.width().max(1.0));
    // Even at the smallest size it may not fit: then as many rows as fit,
    // the last ending in an ellipsis, never over what lies below.
    let rows = galley.rows.len().max(1);
    let row_h = galley.size().y / rows as f32;
    let max_rows = ((rect.height() / row_h).floor() as usize).clamp(1, rows);
    let height = row_h * max_rows as f32;
    let top = if center {
        rect.top() + ((rect.height() - height) / 2.0).max(0.0)
    } else {
        rect.top()
    };
    let align = if center { Align::Center } else { Align::Min };
    let r = Rect::from_min_max(
        pos2(rect.left(), top),
        pos2(rect.right(), rect.bottom().max(top + height)),
    );
    let mut job = egui::text::LayoutJob::single_section(
        text.to_owned(),
        egui::TextFormat::simple(font, color),
    );
    job.wrap.max_rows = max_rows;
    job.wrap.max_width = rect.width().max(1.0);
    job.wrap.overflow_character = Some('…');
    job.halign = align;
    ui.scope_builder(
        UiBuilder::new().max_rect(r).layout(Layout::top_down(align)),
        |ui| ui.add(egui::Label::new(job).wrap().halign(align)),
    );
    size
}

/// A label centred on a point, wrapped at `width`.
fn text_centred(ui: &mut Ui, center: Pos2, width: f32, text: RichText) {
    let galley_h = 400.0;
    let rect = Rect::from_center_size(center + vec2(0.0, galley_h / 2.0), vec2(width, galley_h));
    let layout = Layout::top_down(Align::Center);
    ui.scope_builder(UiBuilder::new().max_rect(rect).layout(layout), |ui| {
        ui.add(egui::Label::new(text).wrap().halign(Align::Center))
    });
}

/// How many steps a slide has.
pub fn steps(room: &RoomView, slide: Slide, screen: Vec2) -> usize {
    let per_page = list_capacity(screen);
    match slide {
        Slide::Route | Slide::Round(_) => 1,
        Slide::Strategy => 1 + room.strategy.lanes.len(),
        Slide::Network => 1 + room.network.actors.len(),
        Slide::Rules => pages(room.rules.len(), per_page),
        Slide::Funnel => 1 + room.funnel.focal_points.len(),
        Slide::Decisions => pages(room.decision_log().len(), per_page),
        Slide::Agenda(m) => 1 + room.meeting(m).map(|m| m.slots.len()).unwrap_or(0),
    }
}

fn pages(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page.max(1)).max(1)
}

/// How many list entries of two lines fit on a screen of this size.
fn list_capacity(screen: Vec2) -> usize {
    let ty = Type::for_rect(Rect::from_min_size(Pos2::ZERO, screen));
    let body_h = screen.y * 0.78;
    ((body_h / (ty.body * 1.3 * 2.0 + ty.small * 0.6)).floor() as usize).max(1)
}

/// The slide's title, for the facilitator's controls.
pub fn title(lang: Lang, room: &RoomView, slide: Slide) -> String {
    match slide {
        Slide::Route => lang.tr(T::SlideRoute).to_string(),
        Slide::Strategy => lang.tr(T::NavStrategy).to_string(),
        Slide::Network => lang.tr(T::NavNetwork).to_string(),
        Slide::Rules => lang.tr(T::NavRules).to_string(),
        Slide::Funnel => lang.tr(T::SlideFunnel).to_string(),
        Slide::Round(i) => format!(
            "{}: {}",
            lang.tr(T::SlideRound),
            room.rounds
                .get(i)
                .map(|r| r.proposal.as_str())
                .unwrap_or("")
        ),
        Slide::Decisions => lang.tr(T::NavDecisions).to_string(),
        Slide::Agenda(m) => format!(
            "{}: {}",
            lang.tr(T::PdfAgenda),
            room.meeting(m).map(|m| m.title.as_str()).unwrap_or("")
        ),
    }
}

/// Draw the presentation: the current slide and step, or a blank screen.
/// Takes the room projection only.
pub fn show(ui: &mut Ui, lang: Lang, room: &RoomView, slides: &[Slide], state: &mut PresentState) {
    let full = ui.max_rect();
    let pal = state.theme.palette();
    if state.blank {
        ui.painter().rect_filled(full, 0.0, Color32::BLACK);
        ui.allocate_rect(full, Sense::hover());
        return;
    }
    ui.painter().rect_filled(full, 0.0, pal.bg);
    let ty = Type::for_rect(full);
    let margin = vec2(full.width() * 0.045, full.height() * 0.06);
    let content = full.shrink2(margin);
    let Some(slide) = slides.get(state.slide).copied() else {
        return;
    };
    let heading = match slide {
        Slide::Route => room.name.clone(),
        Slide::Agenda(m) => room.meeting(m).map(|m| m.title.clone()).unwrap_or_default(),
        Slide::Funnel => lang.tr(T::SlideFunnel).to_string(),
        other => title(lang, room, other)
            .split(':')
            .next()
            .unwrap_or_default()
            .to_string(),
    };
    let used = text_in(
        ui,
        content,
        rich(heading, ty.title, pal.accent, true),
        Align::Min,
    );
    let body = Rect::from_min_max(
        pos2(content.left(), content.top() + used + ty.body * 0.6),
        content.max,
    );
    let step = state.step;
    match slide {
        Slide::Route => route(ui, body, lang, room, &pal, ty),
        Slide::Strategy => strategy(ui, body, room, &pal, ty, step, state),
        Slide::Network => network(ui, body, lang, room, &pal, ty, step, state),
        Slide::Rules => rules(ui, body, lang, room, &pal, ty, step, full.size()),
        Slide::Funnel => funnel(ui, body, lang, room, &pal, ty, step),
        Slide::Round(i) => {
            if let Some(r) = room.rounds.get(i) {
                round(ui, body, lang, r, &pal, ty);
            }
        }
        Slide::Decisions => decisions(ui, body, lang, room, &pal, ty, step, full.size()),
        Slide::Agenda(m) => agenda(ui, body, lang, room, m, &pal, ty, step),
    }
}

fn route(ui: &mut Ui, body: Rect, lang: Lang, room: &RoomView, pal: &Palette, ty: Type) {
    let mut y = body.top();
    if !room.ambition.trim().is_empty() {
        y += text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), y), body.max),
            rich(&room.ambition, ty.small, pal.muted, false),
            Align::Min,
        );
        y += ty.body;
    }
    // The four phases, the current one filled.
    let n = Phase::ALL.len() as f32;
    let gap = ty.body * 1.2;
    let w = (body.width() - gap * (n - 1.0)) / n;
    let h = ty.body * 2.6;
    let current = room.phase.index();
    for (i, phase) in Phase::ALL.iter().enumerate() {
        let x = body.left() + i as f32 * (w + gap);
        let r = Rect::from_min_size(pos2(x, y), vec2(w, h));
        let (fill, fg, stroke) = match i.cmp(&current) {
            std::cmp::Ordering::Less => (pal.soft, pal.text, Stroke::NONE),
            std::cmp::Ordering::Equal => (pal.accent, pal.on_accent, Stroke::NONE),
            std::cmp::Ordering::Greater => {
                (pal.bg, pal.muted, Stroke::new(3.0 * ty.unit, pal.line))
            }
        };
        ui.painter().rect(
            r,
            CornerRadius::same((10.0 * ty.unit) as u8),
            fill,
            stroke,
            egui::StrokeKind::Inside,
        );
        let mark = if i < current { " ✓" } else { "" };
        label_fit(
            ui,
            r.shrink(8.0 * ty.unit),
            &format!("{}. {}{mark}", i + 1, lang.phase(*phase)),
            ty.body,
            ty.small * 0.6,
            fg,
            true,
            true,
        );
        if i + 1 < Phase::ALL.len() {
            let a = pos2(r.right() + gap * 0.2, r.center().y);
            let b = pos2(r.right() + gap * 0.8, r.center().y);
            arrow_line(ui, a, b, pal.line, 4.0 * ty.unit, 16.0 * ty.unit, true);
        }
    }
    y += h + ty.body * 0.8;
    y += text_in(
        ui,
        Rect::from_min_max(pos2(body.left(), y), body.max),
        rich(lang.phase_hint(room.phase), ty.body, pal.text, false),
        Align::Min,
    );
    y += ty.body;
    // The parties still in the alliance.
    let today = chrono::Local::now().date_naive();
    let active: Vec<&str> = room
        .parties
        .iter()
        .filter(|p| p.left.is_none_or(|d| d > today))
        .map(|p| p.name.as_str())
        .collect();
    let mut facts = vec![lang.count(T::SlideParties, active.len())];
    if !room.commissioner.trim().is_empty() {
        facts.push(format!(
            "{}: {}",
            lang.tr(T::Commissioner),
            room.commissioner
        ));
    }
    // The term on a line of its own, so its dates stay together.
    let mut text = facts.join("  ·  ");
    if let (Some(s), Some(e)) = (room.term_start, room.term_end) {
        text.push_str(&format!(
            "\n{} {} – {}",
            lang.tr(T::SlideTerm),
            lang.date(s),
            lang.date(e)
        ));
    }
    y += text_in(
        ui,
        Rect::from_min_max(pos2(body.left(), y), body.max),
        rich(text, ty.small, pal.muted, false),
        Align::Min,
    );
    // The parties, each with its own equal place.
    let names = active;
    if !names.is_empty() {
        label_fit(
            ui,
            Rect::from_min_max(pos2(body.left(), y + ty.small), body.max),
            &names.join("   ·   "),
            ty.small,
            ty.small * 0.6,
            pal.text,
            false,
            false,
        );
    }
}

/// A line with an arrow head at `b`.
fn arrow_line(ui: &Ui, a: Pos2, b: Pos2, color: Color32, width: f32, head: f32, directed: bool) {
    let dir = (b - a).normalized();
    let end = if directed { b - dir * head * 0.9 } else { b };
    ui.painter()
        .line_segment([a, end], Stroke::new(width, color));
    if directed {
        let n = vec2(-dir.y, dir.x);
        ui.painter().add(Shape::convex_polygon(
            vec![
                b,
                b - dir * head + n * head * 0.5,
                b - dir * head - n * head * 0.5,
            ],
            color,
            Stroke::NONE,
        ));
    }
}

/// World-to-screen for a map: fitted into `body`, then zoomed and panned.
struct MapTransform {
    /// The smaller of the two scales: for sizes of lines and type.
    scale: f32,
    sx: f32,
    sy: f32,
    origin: Pos2,
    center: Pos2,
}

impl MapTransform {
    fn new(bounds: &crate::geometry::Rect, body: Rect, state: &PresentState) -> MapTransform {
        MapTransform::stretched(bounds, body, state, 1.0)
    }

    /// Fitted into `body`, one axis stretched up to `ratio` times the
    /// other to use the screen (for the strategy map, whose lanes are
    /// wide and whose boxes are rectangles anyway).
    fn stretched(
        bounds: &crate::geometry::Rect,
        body: Rect,
        state: &PresentState,
        ratio: f32,
    ) -> MapTransform {
        let fx = body.width() / bounds.width().max(1.0) * 0.97;
        let fy = body.height() / bounds.height().max(1.0) * 0.97;
        let base = fx.min(fy);
        let (sx, sy) = (fx.min(base * ratio), fy.min(base * ratio));
        MapTransform {
            scale: sx.min(sy) * state.zoom,
            sx: sx * state.zoom,
            sy: sy * state.zoom,
            origin: body.center() + state.pan,
            center: pos2(bounds.center().x, bounds.center().y),
        }
    }

    fn pt(&self, p: crate::geometry::Pt) -> Pos2 {
        self.origin
            + vec2(
                (p.x - self.center.x) * self.sx,
                (p.y - self.center.y) * self.sy,
            )
    }

    fn rect(&self, r: &crate::geometry::Rect) -> Rect {
        Rect::from_min_max(self.pt(r.min), self.pt(r.max))
    }
}

/// Pan by dragging and zoom with the wheel or a pinch, inside `body`.
fn pan_zoom(ui: &mut Ui, body: Rect, state: &mut PresentState) {
    let response = ui.interact(body, ui.scope_id().with("present-map"), Sense::drag());
    if response.dragged() {
        state.pan += response.drag_delta();
    }
    if response.hovered() {
        let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta.y));
        let factor = zoom * (scroll / 400.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            let pointer = ui.input(|i| i.pointer.hover_pos()).unwrap_or(body.center());
            let old = state.zoom;
            state.zoom = (state.zoom * factor).clamp(0.4, 6.0);
            let applied = state.zoom / old;
            let anchor = pointer - (body.center() + state.pan);
            state.pan -= anchor * (applied - 1.0);
        }
    }
}

fn dim(c: Color32, on: bool) -> Color32 {
    if on { c } else { c.gamma_multiply(0.22) }
}

fn draw_arrow(ui: &Ui, view: &MapTransform, a: &RoomArrow, color: Color32, width: f32, ty: Type) {
    let from = view.pt(a.from);
    let to = view.pt(a.to);
    arrow_line(
        ui,
        from,
        to,
        color,
        width,
        (crate::geometry::HEAD_LEN * view.scale).max(12.0 * ty.unit),
        a.head.is_some(),
    );
}

fn strategy(
    ui: &mut Ui,
    body: Rect,
    room: &RoomView,
    pal: &Palette,
    ty: Type,
    step: usize,
    state: &mut PresentState,
) {
    let map = &room.strategy;
    if map.nodes.is_empty() {
        text_in(ui, body, rich("—", ty.body, pal.muted, false), Align::Min);
        return;
    }
    let highlighted = step.checked_sub(1).and_then(|k| map.lanes.get(k));
    // A highlighted lane: the map above, and the lane's objectives and
    // initiatives below as cards in large type.
    let (body, cards) = match highlighted {
        Some(_) => {
            let split = body.top() + body.height() * 0.42;
            (
                Rect::from_min_max(body.min, pos2(body.right(), split)),
                Some(Rect::from_min_max(
                    pos2(body.left(), split + ty.small * 0.6),
                    body.max,
                )),
            )
        }
        None => (body, None),
    };
    if let (Some(lane), Some(area)) = (highlighted, cards) {
        lane_cards(ui, area, map, lane, pal, ty);
    }
    pan_zoom(ui, body, state);
    let view = MapTransform::stretched(&map.bounds, body, state, 1.4);
    // Too small to read: shapes only (the cards below carry the words).
    let words = view.scale >= 0.45;
    let lane_on =
        |rect: &crate::geometry::Rect| highlighted.is_none_or(|l| l.rect.contains(rect.center()));
    let mut child = ui.new_child(UiBuilder::new().max_rect(body));
    child.set_clip_rect(body);
    let ui = &mut child;
    for (i, lane) in map.lanes.iter().enumerate() {
        let r = view.rect(&lane.rect);
        let on = highlighted.is_none_or(|l| l.name == lane.name && l.rect == lane.rect);
        let fill = if i % 2 == 0 {
            pal.bg
        } else {
            pal.soft.gamma_multiply(0.45)
        };
        ui.painter().rect_filled(r, 0.0, fill);
        let label = view.rect(&lane.label);
        ui.painter().rect_filled(label, 0.0, dim(pal.soft, on));
        if !words {
            continue;
        }
        label_fit(
            ui,
            label.shrink(8.0 * view.scale),
            &lane.name,
            (26.0 * view.scale).max(13.0),
            12.0,
            dim(pal.text, on),
            true,
            true,
        );
    }
    for a in &map.arrows {
        let on = highlighted.is_none()
            || map
                .nodes
                .iter()
                .any(|n| lane_on(&n.rect) && (n.rect.contains(a.from) || n.rect.contains(a.to)));
        draw_arrow(
            ui,
            &view,
            a,
            dim(pal.line, on),
            (2.5 * view.scale).max(2.0),
            ty,
        );
    }
    // One title size for every box: the largest at which all fit. The
    // owners show when zoomed in (and on the lane cards), so the titles
    // can be large.
    let owners_size = (17.0 * view.scale).max(11.0);
    let show_owners = view.scale >= 1.1;
    let title_rect = |n: &crate::audience::RoomNode| {
        let inner = view.rect(&n.rect).shrink(8.0 * view.scale);
        let owners_h = if n.owners.is_empty() || !show_owners {
            0.0
        } else {
            owners_size * 1.4
        };
        Rect::from_min_max(inner.min, pos2(inner.right(), inner.bottom() - owners_h))
    };
    let title_size = map
        .nodes
        .iter()
        .map(|n| {
            fit_size(
                ui,
                title_rect(n),
                &n.title,
                (34.0 * view.scale).max(13.0),
                11.0,
                true,
            )
        })
        .fold(f32::INFINITY, f32::min);
    for n in &map.nodes {
        let on = lane_on(&n.rect);
        let r = view.rect(&n.rect);
        let fill = match n.kind {
            NodeKind::Objective => pal.soft,
            NodeKind::Initiative => pal.initiative,
        };
        ui.painter().rect(
            r,
            CornerRadius::same((8.0 * view.scale).clamp(2.0, 14.0) as u8),
            dim(fill, on),
            Stroke::new((2.5 * view.scale).max(1.5), dim(pal.accent, on)),
            egui::StrokeKind::Inside,
        );
        if !words {
            continue;
        }
        let inner = r.shrink(8.0 * view.scale);
        let owners_h = if n.owners.is_empty() {
            0.0
        } else {
            owners_size * 1.4
        };
        label_fit(
            ui,
            title_rect(n),
            &n.title,
            title_size,
            title_size,
            dim(pal.text, on),
            true,
            true,
        );
        if show_owners && !n.owners.is_empty() {
            let owners = n.owners.join(", ");
            let galley = ui.painter().layout_no_wrap(
                owners.clone(),
                egui::FontId::proportional(owners_size),
                pal.muted,
            );
            let text = if galley.size().x > inner.width() {
                format!("{} +{}", n.owners[0], n.owners.len() - 1)
            } else {
                owners
            };
            let line = Rect::from_min_max(pos2(inner.left(), inner.bottom() - owners_h), inner.max);
            ui.scope_builder(
                UiBuilder::new()
                    .max_rect(line)
                    .layout(Layout::top_down(Align::Center)),
                |ui| {
                    ui.add(
                        egui::Label::new(rich(text, owners_size, dim(pal.muted, on), false))
                            .truncate(),
                    )
                },
            );
        }
    }
    for a in map.arrows.iter().filter(|a| words && !a.label.is_empty()) {
        let size = (18.0 * view.scale).max(11.0);
        text_centred(
            ui,
            view.pt(a.label_at) - vec2(0.0, size * 0.7),
            240.0 * view.scale,
            rich(&a.label, size, pal.muted, false).background_color(pal.bg),
        );
    }
}

/// The objectives and initiatives of one lane as cards: title, owners,
/// and how it is measured.
fn lane_cards(
    ui: &mut Ui,
    area: Rect,
    map: &crate::audience::RoomStrategy,
    lane: &crate::audience::RoomLane,
    pal: &Palette,
    ty: Type,
) {
    let mut nodes: Vec<&crate::audience::RoomNode> = map
        .nodes
        .iter()
        .filter(|n| lane.rect.contains(n.rect.center()))
        .collect();
    nodes.sort_by(|a, b| a.rect.min.x.total_cmp(&b.rect.min.x));
    let used = text_in(
        ui,
        area,
        rich(&lane.name, ty.small, pal.accent, true),
        Align::Min,
    );
    if nodes.is_empty() {
        return;
    }
    let area = Rect::from_min_max(
        pos2(area.left(), area.top() + used + ty.small * 0.3),
        area.max,
    );
    let cols = nodes.len().min(4);
    let rows = nodes.len().div_ceil(cols);
    let gap = ty.small * 0.5;
    // A lone card is no wider than half the screen, nor taller than it
    // needs to be.
    let w = (area.width() - gap * (cols.max(2) as f32 - 1.0)) / cols.max(2) as f32;
    let h = ((area.height() - gap * (rows as f32 - 1.0)) / rows as f32).min(ty.body * 6.0);
    for (i, n) in nodes.iter().enumerate() {
        let r = Rect::from_min_size(
            pos2(
                area.left() + (i % cols) as f32 * (w + gap),
                area.top() + (i / cols) as f32 * (h + gap),
            ),
            vec2(w, h),
        );
        let fill = match n.kind {
            NodeKind::Objective => pal.soft,
            NodeKind::Initiative => pal.initiative,
        };
        ui.painter().rect(
            r,
            CornerRadius::same((10.0 * ty.unit) as u8),
            fill,
            Stroke::new(3.0 * ty.unit, pal.accent),
            egui::StrokeKind::Inside,
        );
        let inner = r.shrink(12.0 * ty.unit);
        let mut extra = Vec::new();
        if !n.owners.is_empty() {
            extra.push(n.owners.join(", "));
        }
        if !n.measures.trim().is_empty() {
            extra.push(n.measures.clone());
        }
        let extra = extra.join("\n");
        let extra_h = if extra.is_empty() {
            0.0
        } else {
            inner.height() * 0.42
        };
        label_fit(
            ui,
            Rect::from_min_max(inner.min, pos2(inner.right(), inner.bottom() - extra_h)),
            &n.title,
            ty.body,
            ty.small * 0.6,
            pal.text,
            true,
            false,
        );
        if !extra.is_empty() {
            label_fit(
                ui,
                Rect::from_min_max(pos2(inner.left(), inner.bottom() - extra_h), inner.max),
                &extra,
                ty.small * 0.8,
                ty.small * 0.5,
                pal.muted,
                false,
                false,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn network(
    ui: &mut Ui,
    body: Rect,
    lang: Lang,
    room: &RoomView,
    pal: &Palette,
    ty: Type,
    step: usize,
    state: &mut PresentState,
) {
    let net = &room.network;
    if net.actors.is_empty() {
        text_in(ui, body, rich("—", ty.body, pal.muted, false), Align::Min);
        return;
    }
    let focus = step.checked_sub(1).and_then(|k| net.actors.get(k));
    // In a highlight step, a caption under the map says who the actor
    // works with, in words.
    let caption_h = if focus.is_some() { ty.small * 3.2 } else { 0.0 };
    let map_rect = Rect::from_min_max(body.min, pos2(body.right(), body.bottom() - caption_h));
    pan_zoom(ui, map_rect, state);
    let mut bounds = net.actors_bounds();
    // Room for the names under the circles and beside them.
    bounds.max.y += 80.0;
    bounds.min.x -= 90.0;
    bounds.max.x += 90.0;
    let view = MapTransform::new(&bounds, map_rect, state);
    // The one relation palette of the app, lightened on the dark theme.
    let dark = pal.bg.r() < 128;
    let colour = |k: Option<RelationKind>| {
        let kind = k.unwrap_or_default();
        if dark {
            super::theme::relation_color_on_dark(kind)
        } else {
            super::theme::relation_color(kind)
        }
    };
    let mut child = ui.new_child(UiBuilder::new().max_rect(map_rect));
    child.set_clip_rect(map_rect);
    let ui2 = &mut child;
    let involved =
        |r: &RoomArrow| focus.is_none_or(|f| r.from_name == f.name || r.to_name == f.name);
    for r in &net.relations {
        let width = (1.5 + 1.5 * r.strength as f32) * view.scale.max(0.6);
        draw_arrow(ui2, &view, r, dim(colour(r.kind), involved(r)), width, ty);
    }
    for a in &net.actors {
        let on = focus.is_none_or(|f| {
            f.name == a.name
                || net
                    .relations
                    .iter()
                    .any(|r| involved(r) && (r.from_name == a.name || r.to_name == a.name))
        });
        let c = view.pt(a.center);
        let radius = a.radius * view.scale;
        let fill = if a.commissioner { pal.accent } else { pal.soft };
        ui2.painter().circle(
            c,
            radius,
            dim(fill, on),
            Stroke::new(3.0 * view.scale.max(0.6), dim(pal.accent, on)),
        );
        // Names large, on the background colour so no line runs
        // through them.
        let size = (26.0 * view.scale).max(ty.small * 0.75);
        let color = if on {
            pal.text
        } else {
            pal.muted.gamma_multiply(0.55)
        };
        text_centred(
            ui2,
            c + vec2(0.0, radius + 4.0),
            (230.0 * view.scale).max(size * 7.0),
            rich(&a.name, size, color, true).background_color(pal.bg),
        );
    }
    if let Some(f) = focus {
        let mut parts: Vec<String> = Vec::new();
        for kind in RelationKind::ALL {
            let others: Vec<&str> = net
                .relations
                .iter()
                .filter(|r| r.kind == Some(kind))
                .filter_map(|r| {
                    if r.from_name == f.name {
                        Some(r.to_name.as_str())
                    } else if r.to_name == f.name && !kind.is_directed() {
                        Some(r.from_name.as_str())
                    } else {
                        None
                    }
                })
                .collect();
            if !others.is_empty() {
                parts.push(format!(
                    "{} {}",
                    lang.relation_kind(kind).to_lowercase(),
                    others.join(", ")
                ));
            }
            // Directed relations towards the actor, in the active voice.
            for r in net
                .relations
                .iter()
                .filter(|r| r.kind == Some(kind) && kind.is_directed() && r.to_name == f.name)
            {
                parts.push(format!(
                    "{} {} {}",
                    r.from_name,
                    lang.relation_kind(kind).to_lowercase(),
                    f.name
                ));
            }
        }
        let line = if parts.is_empty() {
            f.name.clone()
        } else {
            format!("{}: {}", f.name, parts.join(" · "))
        };
        text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), body.bottom() - caption_h), body.max),
            rich(line, ty.small, pal.text, false),
            Align::Min,
        );
    }
}

/// One page of a list: `items` of (lead, text), the lead in the accent.
fn list_page(ui: &mut Ui, body: Rect, items: &[(String, String)], pal: &Palette, ty: Type) {
    let mut y = body.top();
    for (lead, text) in items {
        let r = Rect::from_min_max(pos2(body.left(), y), body.max);
        let mut h = 0.0;
        if !lead.is_empty() {
            h += text_in(ui, r, rich(lead, ty.small, pal.accent, true), Align::Min);
        }
        h += text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), y + h), body.max),
            rich(text, ty.body, pal.text, false),
            Align::Min,
        );
        y += h + ty.small * 0.6;
        if y > body.bottom() {
            break;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn rules(
    ui: &mut Ui,
    body: Rect,
    lang: Lang,
    room: &RoomView,
    pal: &Palette,
    ty: Type,
    step: usize,
    screen: Vec2,
) {
    if room.rules.is_empty() {
        text_in(
            ui,
            body,
            rich(lang.tr(T::PdfNoRules), ty.body, pal.muted, false),
            Align::Min,
        );
        return;
    }
    let per = list_capacity(screen);
    let items: Vec<(String, String)> = room
        .rules
        .iter()
        .skip(step * per)
        .take(per)
        .map(|r| {
            let mut lead = lang.rule_level(r.level).to_string();
            if r.status != crate::domain::RuleStatus::Adopted {
                lead.push_str(&format!(" · {}", lang.rule_status(r.status).to_lowercase()));
            }
            (lead, r.text.clone())
        })
        .collect();
    list_page(ui, body, &items, pal, ty);
}

#[allow(clippy::too_many_arguments)]
fn decisions(
    ui: &mut Ui,
    body: Rect,
    lang: Lang,
    room: &RoomView,
    pal: &Palette,
    ty: Type,
    step: usize,
    screen: Vec2,
) {
    let log = room.decision_log();
    if log.is_empty() {
        text_in(
            ui,
            body,
            rich(lang.tr(T::NoDecisions), ty.body, pal.muted, false),
            Align::Min,
        );
        return;
    }
    let per = list_capacity(screen);
    let items: Vec<(String, String)> = log
        .iter()
        .skip(step * per)
        .take(per)
        .map(|r| {
            (
                r.decided.map(|d| lang.date(d)).unwrap_or_default(),
                r.proposal.clone(),
            )
        })
        .collect();
    list_page(ui, body, &items, pal, ty);
}

fn funnel(
    ui: &mut Ui,
    body: Rect,
    lang: Lang,
    room: &RoomView,
    pal: &Palette,
    ty: Type,
    step: usize,
) {
    let f = &room.funnel;
    if let Some(fp) = step.checked_sub(1).and_then(|k| f.focal_points.get(k)) {
        // One focal point: its description and the items it gathers.
        let mut y = body.top();
        y += text_in(
            ui,
            body,
            rich(&fp.name, ty.body * 1.15, pal.text, true),
            Align::Min,
        );
        if !fp.description.trim().is_empty() {
            y += text_in(
                ui,
                Rect::from_min_max(pos2(body.left(), y + ty.small * 0.3), body.max),
                rich(&fp.description, ty.small, pal.muted, false),
                Align::Min,
            ) + ty.small * 0.3;
        }
        y += ty.small * 0.8;
        let size = if fp.items.len() <= 6 {
            ty.body
        } else {
            ty.small
        };
        let room_left = ((body.bottom() - y) / (size * 1.45)).floor().max(1.0) as usize;
        let shown = if fp.items.len() <= room_left {
            fp.items.len()
        } else {
            room_left.saturating_sub(1).max(1)
        };
        for item in fp.items.iter().take(shown) {
            y += text_in(
                ui,
                Rect::from_min_max(pos2(body.left() + ty.small, y), body.max),
                rich(
                    format!("•  {} ({})", item.title, item.party),
                    size,
                    pal.text,
                    false,
                ),
                Align::Min,
            ) + size * 0.25;
        }
        if fp.items.len() > shown {
            text_in(
                ui,
                Rect::from_min_max(pos2(body.left() + ty.small, y), body.max),
                rich(
                    lang.tr(T::SlideMore)
                        .replace("{n}", &(fp.items.len() - shown).to_string()),
                    ty.small,
                    pal.muted,
                    false,
                ),
                Align::Min,
            );
        }
        return;
    }
    // The funnel: the wide top is every item, the narrow end the few
    // focal points.
    let top_h = ty.body * 2.4;
    let top = Rect::from_min_size(body.min, vec2(body.width(), top_h));
    ui.painter()
        .rect_filled(top, CornerRadius::same((10.0 * ty.unit) as u8), pal.soft);
    label_fit(
        ui,
        top.shrink(8.0 * ty.unit),
        &lang
            .tr(T::SlideItems)
            .replace("{items}", &f.items.to_string())
            .replace("{parties}", &f.parties.to_string()),
        ty.body,
        ty.small * 0.7,
        pal.text,
        true,
        true,
    );
    let n = f.focal_points.len().max(1) as f32;
    let bottom_y = body.bottom() - ty.small * 1.6;
    let boxes_h = (ty.body * 4.4).min((bottom_y - top.bottom()) * 0.7);
    let boxes_top = bottom_y - boxes_h;
    let narrow = body.width() * (0.3 * n).clamp(0.45, 1.0);
    let left = body.center().x - narrow / 2.0;
    ui.painter().add(Shape::convex_polygon(
        vec![
            top.left_bottom(),
            top.right_bottom(),
            pos2(left + narrow, boxes_top),
            pos2(left, boxes_top),
        ],
        pal.soft.gamma_multiply(0.6),
        Stroke::NONE,
    ));
    let gap = ty.small * 0.6;
    let w = (narrow - gap * (n - 1.0)) / n;
    for (i, fp) in f.focal_points.iter().enumerate() {
        let r = Rect::from_min_size(
            pos2(left + i as f32 * (w + gap), boxes_top),
            vec2(w, boxes_h),
        );
        ui.painter()
            .rect_filled(r, CornerRadius::same((10.0 * ty.unit) as u8), pal.accent);
        let mut text = format!("{}\n{} {}", fp.name, fp.items.len(), lang.tr(T::PdfItems));
        if let Some(p) = fp.priority {
            text.push_str(&format!(
                " · {} {}",
                lang.tr(T::PdfPriority),
                lang.number(p)
            ));
        }
        label_fit(
            ui,
            r.shrink(10.0 * ty.unit),
            &text,
            ty.body,
            ty.small * 0.6,
            pal.on_accent,
            true,
            true,
        );
    }
    if !f.unclustered.is_empty() {
        text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), bottom_y + ty.small * 0.3), body.max),
            rich(
                lang.tr(T::SlideUnclustered)
                    .replace("{n}", &f.unclustered.len().to_string()),
                ty.small,
                pal.muted,
                false,
            ),
            Align::Min,
        );
    }
}

fn round(ui: &mut Ui, body: Rect, lang: Lang, r: &RoomRound, pal: &Palette, ty: Type) {
    let mut y = body.top();
    y += text_in(
        ui,
        body,
        rich(&r.proposal, ty.body, pal.text, true),
        Align::Min,
    );
    y += text_in(
        ui,
        Rect::from_min_max(pos2(body.left(), y + ty.small * 0.2), body.max),
        rich(
            format!(
                "{} · {} · {}",
                lang.room_subject(&r.subject),
                lang.scale(r.scale),
                lang.round_status(r.status)
            ),
            ty.small * 0.85,
            pal.muted,
            false,
        ),
        Align::Min,
    ) + ty.small * 0.9;
    // One tile per voting party.
    let cols = 3usize;
    let rows = r.voters.len().div_ceil(cols).max(1);
    let banner_h = ty.body * 1.9;
    let gap = ty.small * 0.4;
    let tile_h = ((body.bottom() - y - banner_h - gap * rows as f32) / rows as f32)
        .min(ty.small * 3.4)
        .max(ty.small * 1.4);
    let tile_w = (body.width() - gap * (cols as f32 - 1.0)) / cols as f32;
    for (i, v) in r.voters.iter().enumerate() {
        let (row, col) = (i / cols, i % cols);
        let t = Rect::from_min_size(
            pos2(
                body.left() + col as f32 * (tile_w + gap),
                y + row as f32 * (tile_h + gap),
            ),
            vec2(tile_w, tile_h),
        );
        let (fill, fg, state) = match &v.stance {
            Some((value, _)) if r.scale.blocks(*value) => {
                (pal.danger, pal.bg, lang.scale_value(r.scale, *value))
            }
            Some((value, _)) if r.scale.has_reservations(*value) => {
                (pal.warn, pal.bg, lang.scale_value(r.scale, *value))
            }
            Some((value, _)) => (pal.ok, pal.bg, lang.scale_value(r.scale, *value)),
            None if v.cast => (pal.soft, pal.text, lang.tr(T::SlideCast).to_string()),
            None => (pal.bg, pal.muted, lang.tr(T::SlideWaiting).to_string()),
        };
        ui.painter().rect(
            t,
            CornerRadius::same((10.0 * ty.unit) as u8),
            fill,
            Stroke::new(3.0 * ty.unit, pal.line),
            egui::StrokeKind::Inside,
        );
        let size = ty.small.min(tile_h / 2.9);
        let inner = t.shrink(10.0 * ty.unit);
        let used = text_in(ui, inner, rich(&v.party, size, fg, true), Align::Min);
        text_in(
            ui,
            Rect::from_min_max(pos2(inner.left(), inner.top() + used), inner.max),
            rich(state, size, fg, false),
            Align::Min,
        );
    }
    // The outcome, as far as the room may know it.
    let names = |v: &[String]| v.join(", ");
    let (text, color) = match &r.outcome {
        RoomOutcome::Waiting(missing) => (
            lang.tr(T::SlideStillWaiting)
                .replace("{n}", &missing.len().to_string())
                .replace("{total}", &r.voters.len().to_string()),
            pal.muted,
        ),
        RoomOutcome::ReadyToReveal => (lang.tr(T::SlideReady).to_string(), pal.accent),
        RoomOutcome::Adoptable(reservations) => {
            let mut t = if r.status == crate::domain::RoundStatus::Adopted {
                lang.tr(T::RoundAdopted).to_string()
            } else {
                lang.tr(T::SlideAdoptable).to_string()
            };
            if !reservations.is_empty() {
                t.push_str(&format!(
                    " · {}",
                    lang.tr(T::SlideReservations)
                        .replace("{parties}", &names(reservations))
                ));
            }
            (t, pal.ok)
        }
        RoomOutcome::Blocked(by) => {
            let reasons: Vec<String> = r
                .voters
                .iter()
                .filter(|v| by.contains(&v.party))
                .filter_map(|v| {
                    v.stance
                        .as_ref()
                        .map(|(_, why)| format!("{}: “{why}”", v.party))
                })
                .collect();
            (
                format!(
                    "{} {}",
                    lang.tr(T::SlideBlocked).replace("{parties}", &names(by)),
                    reasons.join(" · ")
                ),
                pal.danger,
            )
        }
    };
    text_in(
        ui,
        Rect::from_min_max(pos2(body.left(), body.bottom() - banner_h), body.max),
        rich(text, ty.small, color, true),
        Align::Min,
    );
}

#[allow(clippy::too_many_arguments)]
fn agenda(
    ui: &mut Ui,
    body: Rect,
    lang: Lang,
    room: &RoomView,
    meeting: Id,
    pal: &Palette,
    ty: Type,
    step: usize,
) {
    let Some(m) = room.meeting(meeting) else {
        return;
    };
    let mut when = Vec::new();
    if let Some(d) = m.date {
        when.push(lang.date(d));
    }
    if !m.start.trim().is_empty() {
        when.push(format!("{}–{}", m.start, m.end));
    }
    if !m.place.trim().is_empty() {
        when.push(m.place.clone());
    }
    let mut y = body.top();
    y += text_in(
        ui,
        body,
        rich(when.join(" · "), ty.small, pal.muted, false),
        Align::Min,
    );
    y += ty.small * 0.8;
    let current = step.checked_sub(1);
    // With an item in focus, the list is on the left and the item's
    // background on the right.
    let list_w = if current.is_some() {
        body.width() * 0.42
    } else {
        body.width()
    };
    for (i, s) in m.slots.iter().enumerate() {
        let on = current.is_none_or(|c| c == i);
        let r = Rect::from_min_max(
            pos2(body.left(), y),
            pos2(body.left() + list_w, body.bottom()),
        );
        let size = if current.is_none() || current == Some(i) {
            ty.body
        } else {
            ty.small
        };
        y += text_in(
            ui,
            r,
            rich(
                format!("{}.  {}", i + 1, s.title),
                size,
                if on { pal.text } else { pal.muted },
                current == Some(i),
            ),
            Align::Min,
        ) + ty.small * 0.45;
        if y > body.bottom() {
            break;
        }
    }
    if m.slots.is_empty() {
        text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), y), body.max),
            rich(lang.tr(T::PdfNoSlots), ty.body, pal.muted, false),
            Align::Min,
        );
    }
    if let Some(s) = current.and_then(|c| m.slots.get(c)) {
        let right = Rect::from_min_max(
            pos2(body.left() + list_w + ty.body, body.top() + ty.small * 2.0),
            body.max,
        );
        ui.painter().line_segment(
            [
                pos2(right.left() - ty.body * 0.5, right.top()),
                pos2(right.left() - ty.body * 0.5, right.bottom()),
            ],
            Stroke::new(3.0 * ty.unit, pal.soft),
        );
        let mut y = right.top();
        if !s.background.trim().is_empty() {
            let area = Rect::from_min_max(
                right.min,
                pos2(right.right(), right.bottom() - ty.body * 2.5),
            );
            let size = label_fit(
                ui,
                area,
                &s.background,
                ty.body,
                ty.small * 0.7,
                pal.text,
                false,
                false,
            );
            let galley = ui.painter().layout(
                s.background.clone(),
                egui::FontId::proportional(size),
                pal.text,
                area.width(),
            );
            y += galley.size().y + ty.small;
        }
        if let crate::audience::RoomLink::Round(_, proposal) = &s.link {
            text_in(
                ui,
                Rect::from_min_max(pos2(right.left(), y), right.max),
                rich(
                    format!("{}: {proposal}", lang.tr(T::PdfToDecide)),
                    ty.small,
                    pal.accent,
                    true,
                ),
                Align::Min,
            );
        }
    }
}
