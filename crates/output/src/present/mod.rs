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

use crate::audience::{RoomArrow, RoomOutcome, RoomRound, RoomView, RoomVoter};
use crate::domain::{Id, NodeKind, Phase, RelationKind};
use crate::i18n::{Lang, T};

use crate::theme;

mod funnel;
mod lists;
mod maps;
mod round;
mod route;
mod text;

use funnel::*;
use lists::*;
use maps::*;
use round::*;
use route::*;
use text::*;

pub use crate::theme::{Palette, ProjectorTheme};
pub use lists::{RelianceStep, reliance_parties, reliance_step, reliance_steps};
pub use maps::{
    LANE_CARDS_PER_PAGE, NetworkStep, lane_step, network_steps, relation_lines, strategy_steps,
};

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
    /// The work plan, focal point by focal point, with its progress.
    WorkPlan,
    /// Who counts on whom: the overview, then party by party.
    Reliance,
    /// A consensus round, live (index into `RoomView::rounds`).
    Round(usize),
    Decisions,
    /// A meeting's agenda, item by item.
    Agenda(Id),
    /// A body's table of party seats (index into `RoomView::tables`).
    Table(usize),
}

/// The slides of a presentation: the route, the two maps, the rules, the
/// funnel, every open round (or else the latest round), the decision log,
/// and the agenda of `meeting`.
///
/// Empty material is left out: a map with nothing on it, a list with
/// nothing in it is a hint in the window, not a slide.
pub fn slides(room: &RoomView, meeting: Option<Id>) -> Vec<Slide> {
    let mut out = vec![Slide::Route];
    if !room.strategy.nodes.is_empty() {
        out.push(Slide::Strategy);
    }
    if !room.network.relations.is_empty() || !room.network.dependencies.is_empty() {
        out.push(Slide::Network);
    }
    if !room.rules.is_empty() {
        out.push(Slide::Rules);
    }
    if !room.funnel.focal_points.is_empty() || !room.funnel.unclustered.is_empty() {
        out.push(Slide::Funnel);
    }
    if room.plan_lines().next().is_some() {
        out.push(Slide::WorkPlan);
    }
    if !room.reliances.is_empty() {
        out.push(Slide::Reliance);
    }
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
    if !room.decision_log().is_empty() {
        out.push(Slide::Decisions);
    }
    out.extend((0..room.tables.len()).map(Slide::Table));
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
    pub fn reset_view(&mut self) {
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
                // The last slide as it ends: its last page, built up.
                self.slide = counts.len().saturating_sub(1);
                self.step = counts.last().map_or(0, |n| n.saturating_sub(1));
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

/// How many steps a slide has.
pub fn steps(room: &RoomView, slide: Slide, screen: Vec2) -> usize {
    let per_page = list_capacity(screen);
    match slide {
        Slide::Route => 1,
        // A region's hundred and fifty parties: their tiles page by page.
        Slide::Round(i) => room
            .rounds
            .get(i)
            .map_or(1, |r| round::tile_pages(screen, r.voters.len()).2),
        // An empty map is one slide that says so, not a step per empty lane.
        Slide::Strategy if room.strategy.nodes.is_empty() => 1,
        Slide::Strategy => maps::strategy_steps(&room.strategy),
        Slide::Network => 1 + network_steps(room, screen).len(),
        Slide::Rules => pages(rule_items(room, Lang::Nl).len(), per_page),
        Slide::Funnel => 1 + room.funnel.focal_points.len(),
        Slide::WorkPlan => plan_pages(room, screen).len().max(1),
        Slide::Reliance => reliance_steps(room, screen),
        Slide::Decisions => pages(room.decision_log().len(), per_page),
        // A line of what the table is, then the seats, page by page.
        Slide::Table(i) => pages(
            room.tables.get(i).map_or(0, |t| t.held.len()),
            per_page.saturating_sub(1),
        ),
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
        Slide::WorkPlan => lang.tr(T::NavWorkPlan).to_string(),
        Slide::Reliance => lang.tr(T::SlideReliance).to_string(),
        Slide::Round(i) => format!(
            "{}: {}",
            lang.tr(T::SlideRound),
            room.rounds
                .get(i)
                .map(|r| r.proposal.as_str())
                .unwrap_or("")
        ),
        Slide::Decisions => lang.tr(T::NavDecisions).to_string(),
        Slide::Table(i) => lang.tr(T::SlideTable).replace(
            "{body}",
            room.tables.get(i).map(|t| t.body.as_str()).unwrap_or(""),
        ),
        Slide::Agenda(m) => format!(
            "{}: {}",
            lang.tr(T::PdfAgenda),
            room.meeting(m).map(|m| m.title.as_str()).unwrap_or("")
        ),
    }
}

/// Draw the presentation: the current slide and step, or a blank screen.
/// Takes the room projection only.
/// What every slide is drawn with: where its body goes, the language, the
/// room, the projector's palette and type sizes, which of its pages, and
/// the screen's size (for slides that page).
#[derive(Clone, Copy)]
struct SlideCtx<'a> {
    body: Rect,
    lang: Lang,
    room: &'a RoomView,
    pal: &'a Palette,
    ty: Type,
    step: usize,
    screen: Vec2,
}

impl<'a> SlideCtx<'a> {
    /// A list over pages: `empty` when there is nothing to list, else this
    /// step's page of the items `item` makes of `all`.
    fn list<I>(&self, ui: &mut Ui, all: &[I], empty: T, item: impl Fn(&I) -> (String, String)) {
        if all.is_empty() {
            let text = rich(self.lang.tr(empty), self.ty.body, self.pal.muted, false);
            text_in(ui, self.body, text, Align::Min);
            return;
        }
        let per = list_capacity(self.screen);
        let items: Vec<(String, String)> = all
            .iter()
            .skip(self.step * per)
            .take(per)
            .map(item)
            .collect();
        list_page(ui, self.body, &items, self.pal, self.ty);
    }

    /// Everything, in the order of the fields: what a slide unpacks.
    fn parts(&self) -> (Rect, Lang, &'a RoomView, &'a Palette, Type, usize, Vec2) {
        (
            self.body,
            self.lang,
            self.room,
            self.pal,
            self.ty,
            self.step,
            self.screen,
        )
    }
}

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
    // A slide over more than one page says which: "(1 van 2)".
    let paged = |name: String| match steps(room, slide, full.size()) {
        n if n > 1 => lang
            .tr(T::SlideRelationsPage)
            .replace("{name}", &name)
            .replace("{page}", &(state.step + 1).to_string())
            .replace("{pages}", &n.to_string()),
        _ => name,
    };
    let heading = match slide {
        Slide::Route => room.name.clone(),
        Slide::Agenda(m) => room.meeting(m).map(|m| m.title.clone()).unwrap_or_default(),
        Slide::Funnel => lang.tr(T::SlideFunnel).to_string(),
        // A round whose tiles take more than one page, a table whose seats do.
        Slide::Round(_) => paged(lang.tr(T::SlideRound).to_string()),
        Slide::Table(_) => paged(title(lang, room, slide)),
        // The part of the plan on screen: "Werkplan · Wonen".
        Slide::WorkPlan => plan_pages(room, full.size())
            .get(state.step)
            .map(|(part, _)| {
                lang.tr(T::SlideWorkPlanPart)
                    .replace("{focal}", &room.plan[*part].focal_point)
            })
            .unwrap_or_else(|| lang.tr(T::NavWorkPlan).to_string()),
        // One party at a time: "De Brug: wie rekent op u, en op wie rekent u".
        Slide::Reliance => match reliance_step(room, full.size(), state.step) {
            RelianceStep::Party(party) => lang.tr(T::SlideRelianceParty).replace("{party}", party),
            RelianceStep::Overview(_) => lang.tr(T::SlideReliance).to_string(),
        },
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
    let s = SlideCtx {
        body,
        lang,
        room,
        pal: &pal,
        ty,
        step: state.step,
        screen: full.size(),
    };
    match slide {
        Slide::Route => route(ui, &s),
        Slide::Strategy => strategy(ui, &s, state),
        Slide::Network => network(ui, &s, state),
        Slide::Rules => rules(ui, &s),
        Slide::Funnel => funnel(ui, &s),
        Slide::WorkPlan => work_plan(ui, &s),
        Slide::Reliance => reliance(ui, &s),
        Slide::Round(i) => {
            if let Some(r) = room.rounds.get(i) {
                round(ui, &s, r);
            }
        }
        Slide::Decisions => decisions(ui, &s),
        Slide::Table(i) => {
            if let Some(t) = room.tables.get(i) {
                table(ui, &s, t);
            }
        }
        Slide::Agenda(m) => agenda(ui, &s, m),
    }
}
