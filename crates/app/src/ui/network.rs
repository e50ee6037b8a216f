//! The network map: the parties and the commissioner, their relations, an
//! inner and an outer ring (seed 003), and the connectors: the actors with
//! the highest betweenness, drawn larger.

use egui::{Color32, FontId, Rect, RichText, Sense, Stroke, Ui, Vec2};

use std::collections::BTreeSet;

use crate::clusters::{self, Collapsed};
use crate::domain::{Actor, Id, Relation, RelationKind, Ring};
use crate::geometry::{self, NetLayout, NetworkGeometry};
use crate::i18n::T;
use crate::labels::LabelSpot;

use super::canvas::{canvas_key, pos, rect, zoom_controls, zoom_keys};
use super::theme;
use super::widgets::{self, PanelCtx};

mod paint;
mod side;
use paint::*;

pub fn relation_color(kind: RelationKind) -> Color32 {
    theme::relation_color(kind)
}

pub struct NetworkPanel {
    scene: Rect,
    layout: NetLayout,
    /// The focused party: it and its neighbours stand out, the rest dims.
    pub selected: Option<Actor>,
    drag: Vec2,
    dragging: Option<Actor>,
    fit: bool,
    new_from: Option<Actor>,
    new_to: Option<Actor>,
    new_kind: RelationKind,
    new_strength: u8,
    cache: Option<(u64, NetLayout, std::rc::Rc<NetworkGeometry>)>,
    /// The agenda item whose dependencies are shown.
    pub agenda_item: Option<Id>,
    /// What is typed in "Find a party".
    pub search: String,
    /// Each actor's name and the forms it can take on the map, measured at
    /// the map's type size, per revision.
    names: Option<(NamesKey, std::rc::Rc<Vec<Names>>)>,
    /// The names placed at the last zoom and focus, reused while nothing
    /// that moves them changes.
    placed: Option<(LabelKey, std::rc::Rc<Vec<Option<LabelSpot>>>)>,
    /// The groups drawn as one node (`None`: not decided yet; a large
    /// network starts with its groups collapsed).
    collapsed: Option<BTreeSet<usize>>,
    /// The map with those groups collapsed, for the revision, layout and
    /// set it was made for.
    shown: Option<(u64, NetLayout, BTreeSet<usize>, std::rc::Rc<Collapsed>)>,
}

/// What the names were measured for: the revision and the groups
/// collapsed.
type NamesKey = (u64, BTreeSet<usize>);

/// From how many actors a network map starts with its groups collapsed,
/// and how many parties a group needs to be collapsed.
const MANY: usize = 80;
/// Up to how many actors the map offers no collapsing at all.
const FEW: usize = 30;
/// The least a group's view is wide when it opens (map units).
const ACTOR_ROOM: f32 = 160.0;
const GROUP_MIN: usize = 4;

/// An actor's name on the map: the full name, and the forms it can take
/// (lines, and their size in points at [`LABEL_SIZE`]).
struct Names {
    full: String,
    forms: Vec<Vec<String>>,
    sizes: Vec<(f32, f32)>,
}

/// What the placement of the names depends on.
#[derive(Clone, PartialEq)]
struct LabelKey {
    revision: u64,
    collapsed: BTreeSet<usize>,
    layout: NetLayout,
    zoom: u32,
    view: [i32; 4],
    selected: Option<Actor>,
    search: String,
    dragging: Option<Actor>,
}

/// Type size of the names on the map, in points on the screen whatever the
/// zoom: names are drawn after the zoom, so they stay sharp.
const LABEL_SIZE: f32 = 14.0;
/// How far above its line a ring's name is written, in points.
const RING_NAME_RISE: f32 = 12.0;

/// What the names on the map are placed for: the zoom, the part in view
/// (map units), who goes first, what else is written, who is in view.
struct NameView<'a> {
    zoom: f32,
    view: Rect,
    first: &'a [Actor],
    avoid: &'a [geometry::Rect],
    visible: &'a [bool],
    shown: &'a [usize],
    dragging: Option<Actor>,
}

/// Place the names of the actors in view at the size they are written on
/// the screen (see [`crate::labels::place_labels`]): none covers another
/// name or a circle, none is cut by the edge of the view.
fn place_map_names(geo: &NetworkGeometry, names: &[Names], v: NameView) -> Vec<Option<LabelSpot>> {
    let asks: Vec<crate::labels::LabelAsk> = geo
        .actors
        .iter()
        .enumerate()
        .map(|(k, g)| crate::labels::LabelAsk {
            center: g.center,
            radius: g.radius + if g.commissioner { 6.0 } else { 0.0 },
            forms: if v.visible[k] && v.dragging != Some(g.actor) {
                names[k]
                    .sizes
                    .iter()
                    .map(|(w, h)| (w / v.zoom, h / v.zoom))
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let order = crate::labels::label_order(geo, v.first, v.shown);
    // The focus, its neighbours, what was found and the connectors are
    // always named.
    let must: Vec<usize> = geo
        .actors
        .iter()
        .enumerate()
        .filter(|(_, g)| v.first.contains(&g.actor) || geo.connectors.contains(&g.actor))
        .map(|(k, _)| k)
        .collect();
    let middle = geo
        .rings
        .map(|(c, _, _)| c)
        .unwrap_or(geometry::Pt::new(0.0, 0.0));
    crate::labels::place_labels(
        &asks,
        &order,
        crate::labels::LabelRoom {
            within: Some(geometry::Rect {
                min: geometry::Pt::new(v.view.min.x, v.view.min.y),
                max: geometry::Pt::new(v.view.max.x, v.view.max.y),
            }),
            middle,
            outward: geo.rings.is_some(),
            pad: 4.0 / v.zoom,
            avoid: v.avoid,
            must: &must,
        },
    )
}

impl Default for NetworkPanel {
    fn default() -> Self {
        NetworkPanel {
            scene: Rect::ZERO,
            layout: NetLayout::Rings,
            selected: None,
            drag: Vec2::ZERO,
            dragging: None,
            fit: false,
            new_from: None,
            new_to: None,
            new_kind: RelationKind::WorksWith,
            new_strength: 2,
            cache: None,
            agenda_item: None,
            search: String::new(),
            names: None,
            placed: None,
            collapsed: None,
            shown: None,
        }
    }
}

/// The name of an actor as the map shows it.
fn actor_name(a: &crate::domain::Alliance, actor: Actor, pc: &PanelCtx) -> String {
    match a.actor_name(actor) {
        "" => pc.t(T::Commissioner).to_string(),
        n => n.to_string(),
    }
}

/// The parties whose name holds `search` (any case), in register order.
pub fn matches(a: &crate::domain::Alliance, search: &str) -> Vec<Actor> {
    let needle = search.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    a.parties
        .iter()
        .filter(|p| p.name.to_lowercase().contains(&needle))
        .map(|p| Actor::Party(p.id))
        .collect()
}

impl NetworkPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        let geo = match &self.cache {
            Some((rev, layout, geo)) if *rev == pc.revision && *layout == self.layout => {
                geo.clone()
            }
            _ => {
                let geo = std::rc::Rc::new(geometry::network(a, self.layout));
                self.cache = Some((pc.revision, self.layout, geo.clone()));
                geo
            }
        };
        // A focus on the commissioner is a focus on the party it also is.
        self.selected = self.selected.map(|s| geo.node_of(s));
        let collapsed = self
            .collapsed
            .get_or_insert_with(|| {
                if geo.actors.len() > MANY {
                    clusters::groups(&geo, GROUP_MIN)
                } else {
                    BTreeSet::new()
                }
            })
            .clone();
        let shown = match &self.shown {
            Some((rev, layout, set, shown))
                if *rev == pc.revision && *layout == self.layout && *set == collapsed =>
            {
                shown.clone()
            }
            _ => {
                let shown = std::rc::Rc::new(clusters::collapse(a, &geo, &collapsed));
                self.shown = Some((pc.revision, self.layout, collapsed.clone(), shown.clone()));
                shown
            }
        };
        ui.horizontal(|ui| {
            widgets::page_title(ui, pc.t(T::NavNetwork));
            ui.add_space(16.0);
            for (layout, key) in [
                (NetLayout::Rings, T::LayoutRings),
                (NetLayout::Free, T::LayoutFree),
            ] {
                if ui
                    .selectable_label(self.layout == layout, pc.t(key))
                    .clicked()
                {
                    self.layout = layout;
                    self.fit = true;
                }
            }
            ui.separator();
            if zoom_controls(ui, pc, &mut self.scene) {
                self.fit = true;
            }
            ui.separator();
            // Groups: collapsed into one node each, or all drawn.
            // (Offered from a few dozen actors: a small map reads as it is.)
            let all = clusters::groups(&geo, GROUP_MIN);
            if !all.is_empty() && geo.actors.len() > FEW {
                let (label, hint) = if collapsed.is_empty() {
                    (T::NetworkCollapse, T::NetworkCollapseHint)
                } else {
                    (T::NetworkExpand, T::NetworkExpandHint)
                };
                if ui.button(pc.t(label)).on_hover_text(pc.t(hint)).clicked() {
                    self.collapsed = Some(if collapsed.is_empty() {
                        all
                    } else {
                        BTreeSet::new()
                    });
                }
                ui.separator();
            }
            self.search_field(ui, pc, &geo);
        });
        if self.layout == NetLayout::Rings {
            widgets::muted(
                ui,
                &format!("{} {}", pc.t(T::NetworkHint), pc.t(T::NetworkGroupsHint)),
            );
        } else {
            widgets::muted(ui, pc.t(T::NetworkHint));
        }
        // One line of a fixed height, whatever it holds: the parties found
        // while searching, else the connectors. What does not fit is cut
        // off, the line never grows (the field above keeps its place).
        let width = ui.available_width();
        let (row, _) = ui.allocate_exact_size(Vec2::new(width, 30.0), Sense::hover());
        let mut line = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(row)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        line.set_clip_rect(row.intersect(ui.clip_rect()));
        if self.search.trim().is_empty() {
            self.connectors_line(&mut line, pc, &geo);
        } else {
            self.found_line(&mut line, pc, &geo);
        }
        ui.add_space(4.0);
        let (canvas, side) = widgets::split_side(ui, 300.0);
        widgets::in_rect(ui, side, false, |ui| self.side(ui, pc, &geo));
        widgets::in_rect(ui, canvas, true, |ui| {
            self.canvas(ui, pc, &shown, &collapsed)
        });
        ui.allocate_rect(canvas.union(side), Sense::hover());
        // A group opened by a click, a focus or a search: drawn open at once.
        if self.collapsed.as_ref() != Some(&collapsed) {
            ui.ctx().request_repaint();
        }
    }

    /// "Find a party": the parties whose name holds what is typed stand
    /// out; Enter (or a click on a match) focuses the first; Esc clears.
    fn search_field(&mut self, ui: &mut Ui, pc: &PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        let label = pc.t(T::NetworkSearch);
        let r = ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .id_salt("network-search")
                .hint_text(label)
                .desired_width(200.0),
        );
        widgets::name_widget(ui, &r, label);
        let r = r.on_hover_text(pc.t(T::NetworkSearchHint));
        let (enter, escape) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if (r.has_focus() || r.lost_focus()) && escape {
            self.search.clear();
            self.selected = None;
        }
        let found = matches(a, &self.search);
        if r.lost_focus()
            && enter
            && let Some(first) = found.first()
        {
            self.focus_on(*first, geo);
        }
    }

    /// "Verbinders: …": the connectors by name.
    fn connectors_line(&self, ui: &mut Ui, pc: &PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        let names: Vec<String> = geo
            .connectors
            .iter()
            .map(|c| actor_name(a, *c, pc))
            .collect();
        let line = if names.is_empty() {
            pc.t(T::NetworkNoConnectors).to_string()
        } else {
            pc.t(T::NetworkConnectorsLine)
                .replace("{names}", &names.join(", "))
        };
        ui.label(RichText::new(line).color(theme::WARN_FG));
    }

    /// The parties whose name holds what is typed, each a button that
    /// focuses it, as many as fit on the line.
    fn found_line(&mut self, ui: &mut Ui, pc: &PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        let found = matches(a, &self.search);
        if found.is_empty() {
            widgets::muted(ui, pc.t(T::NetworkNoMatch));
            return;
        }
        widgets::muted(ui, &pc.lang.count(T::NetworkFound, found.len()));
        for (i, actor) in found.iter().enumerate() {
            if ui.available_width() < 160.0 {
                widgets::muted(ui, &format!("+{}", found.len() - i));
                break;
            }
            let b = ui
                .selectable_label(self.selected == Some(*actor), a.actor_name(*actor))
                .on_hover_text(pc.t(T::NetworkFocusHint));
            if b.clicked() {
                self.focus_on(*actor, geo);
            }
        }
    }

    /// Focus on an actor, and bring it into view (close enough to read).
    fn focus_on(&mut self, actor: Actor, geo: &NetworkGeometry) {
        self.selected = Some(actor);
        // In a collapsed group: the group opens, the rest stays as it is.
        if let Some(set) = self.collapsed.as_mut()
            && let Some(group) = geo.actor(actor).and_then(|g| g.cluster)
        {
            set.remove(&group);
        }
        if let Some(g) = geo.actor(actor) {
            let size = if self.scene.width() > 1400.0 || self.scene == Rect::ZERO {
                Vec2::new(
                    1400.0,
                    1400.0 * self.scene.aspect_ratio().recip().clamp(0.3, 3.0),
                )
            } else {
                self.scene.size()
            };
            self.scene = Rect::from_center_size(pos(g.center), size);
        }
    }

    /// Each actor's name and its forms, measured once per revision.
    fn names(
        &mut self,
        ui: &Ui,
        pc: &PanelCtx,
        geo: &NetworkGeometry,
        collapsed: &BTreeSet<usize>,
    ) -> std::rc::Rc<Vec<Names>> {
        // Per revision and per set of collapsed groups (the map shows
        // other actors when a group opens).
        let key = (pc.revision, collapsed.clone());
        if let Some((k, names)) = &self.names
            && *k == key
            && names.len() == geo.actors.len()
        {
            return names.clone();
        }
        let a = pc.alliance;
        let full: Vec<String> = geo
            .actors
            .iter()
            .map(|g| actor_name(a, g.actor, pc))
            .collect();
        let refs: Vec<&str> = full.iter().map(String::as_str).collect();
        let shorts = crate::labels::short_names(&refs);
        let font = FontId::new(LABEL_SIZE, theme::bold());
        let names: Vec<Names> = full
            .iter()
            .zip(shorts)
            .map(|(name, short)| {
                let forms = crate::labels::name_forms(name, short.as_deref());
                let sizes = forms
                    .iter()
                    .map(|lines| {
                        let w = crate::labels::widest(ui, lines, &font);
                        (w + 6.0, lines.len() as f32 * LABEL_SIZE * 1.25 + 2.0)
                    })
                    .collect();
                Names {
                    full: name.clone(),
                    forms,
                    sizes,
                }
            })
            .collect();
        let names = std::rc::Rc::new(names);
        self.names = Some((key, names.clone()));
        names
    }

    /// The map. Longer than most (about 170 lines) for a reason: egui's
    /// `Scene` hands the map one ui inside one closure, and what the
    /// pointer does there is gathered in it and handed on to `settle`;
    /// the drawing itself is in `paint_rings`, `paint_relations`,
    /// `paint_dependencies`, `paint_actor` and `paint_names`.
    fn canvas(
        &mut self,
        ui: &mut Ui,
        pc: &mut PanelCtx,
        shown: &Collapsed,
        collapsed: &BTreeSet<usize>,
    ) {
        let a = pc.alliance;
        let geo = &shown.geo;
        let mut expand = None;
        if self.fit || self.scene == Rect::ZERO {
            self.scene = rect(&geo.bounds);
            self.fit = false;
        }
        if zoom_keys(ui, &mut self.scene) {
            self.fit = true;
        }
        if canvas_key(ui, egui::Key::Escape) {
            self.selected = None;
            self.search.clear();
        }
        let names = self.names(ui, pc, geo, collapsed);
        let top = &geo.connectors;
        let found: std::collections::HashSet<Actor> =
            matches(a, &self.search).into_iter().collect();
        let searching = !self.search.trim().is_empty();
        // Who the focused actor is related to: found once a frame, not
        // per actor.
        let related = related_to(a, geo, self.selected);
        // Shown as usual, or set back: the focus and its neighbours, or
        // what the search finds, stand out.
        let lit = |actor: Actor| match self.selected {
            Some(s) => s == actor || related.contains(&actor),
            None => !searching || found.contains(&actor),
        };
        let mut scene = self.scene;
        let mut clicked = None;
        let mut started = None;
        let mut delta = Vec2::ZERO;
        let mut stopped = false;
        let mut placed_out = None;
        let dragging = self.dragging;
        let drag = self.drag;
        let selected = self.selected;
        let layout = self.layout;
        let cached = self.placed.clone();
        let search = self.search.clone();
        let response = egui::Scene::new()
            .zoom_range(0.05..=4.0)
            .scroll_zooms(true)
            .show(ui, &mut scene, |ui| {
                let painter = ui.painter().clone();
                // What is in view, in map units: only that is drawn.
                let view = ui.clip_rect();
                let to_screen = ui
                    .ctx()
                    .layer_transform_to_global(ui.layer_id())
                    .unwrap_or_default();
                let zoom = to_screen.scaling.max(1e-3);
                // The rings' names, written on the layer of the names.
                let ring_names = paint_rings(&painter, geo, view, zoom, pc);
                let offset = |actor: Actor| {
                    if dragging == Some(actor) {
                        drag
                    } else {
                        Vec2::ZERO
                    }
                };
                let focus = Focus {
                    selected,
                    searching,
                    found: &found,
                };
                paint_relations(&painter, a, geo, view, &focus, &offset);
                // The collapsed groups: their bundled relations, then the
                // groups themselves; a click opens one.
                paint_bundles(&painter, &shown.bundles, view, selected);
                let group_names = paint_clusters(ui, pc, &shown.clusters, view, zoom);
                if let Some(g) = group_names.clicked {
                    expand = Some(g);
                }
                // The dependencies of the chosen agenda item.
                paint_dependencies(&painter, a, geo, self.agenda_item);
                let mut shown: Vec<usize> = Vec::new();
                let mut visible = vec![false; geo.actors.len()];
                for (k, g) in geo.actors.iter().enumerate() {
                    let center = pos(g.center) + offset(g.actor);
                    let hit = Rect::from_center_size(center, Vec2::splat(g.radius * 2.0));
                    if !view.intersects(hit) {
                        continue;
                    }
                    shown.push(k);
                    visible[k] = true;
                    let id = ui.scope_id().with(("actor", g.actor));
                    let resp = ui.interact(hit, id, Sense::click_and_drag());
                    let marks = ActorMarks {
                        connector: top.contains(&g.actor),
                        selected: selected == Some(g.actor),
                        found: searching && found.contains(&g.actor),
                        on: lit(g.actor),
                    };
                    paint_actor(ui, pc, &resp, g, center, &names[k].full, marks);
                    if resp.clicked() {
                        clicked = Some(g.actor);
                    }
                    if layout == NetLayout::Free && !pc.read_only {
                        if resp.drag_started() {
                            started = Some(g.actor);
                        }
                        if resp.dragged() {
                            delta += resp.drag_delta();
                        }
                        if resp.drag_stopped() {
                            stopped = true;
                        }
                    }
                }
                // The names: placed where they cover no other name and no
                // circle, the most important first, then drawn after the
                // zoom at their own size on a layer above the map.
                let key = LabelKey {
                    revision: pc.revision,
                    collapsed: collapsed.clone(),
                    layout,
                    zoom: (zoom * 1000.0).round() as u32,
                    view: [
                        view.min.x.round() as i32,
                        view.min.y.round() as i32,
                        view.max.x.round() as i32,
                        view.max.y.round() as i32,
                    ],
                    selected,
                    search: search.clone(),
                    dragging,
                };
                // The rings' names: names of parties keep clear of them.
                let mut ring_boxes: Vec<geometry::Rect> = ring_names
                    .iter()
                    .map(|(at, name)| {
                        geometry::Rect::from_center(
                            geometry::Pt::new(at.x, at.y - RING_NAME_RISE / zoom),
                            (name.chars().count() as f32 * 8.0 + 8.0) / zoom,
                            20.0 / zoom,
                        )
                    })
                    .collect();
                // The groups' circles and names: no party's name over them.
                ring_boxes.extend(group_names.boxes);
                let spots =
                    match cached {
                        Some((k, spots)) if k == key => spots,
                        _ => {
                            // The focus and its neighbours first, then what
                            // the search found.
                            let mut first: Vec<Actor> = selected.into_iter().collect();
                            first.extend(geo.actors.iter().map(|g| g.actor).filter(|x| {
                                related.contains(x) || (searching && found.contains(x))
                            }));
                            let spots = std::rc::Rc::new(place_map_names(
                                geo,
                                &names,
                                NameView {
                                    zoom,
                                    view,
                                    first: &first,
                                    avoid: &ring_boxes,
                                    visible: &visible,
                                    shown: &shown,
                                    dragging,
                                },
                            ));
                            placed_out = Some((key, spots.clone()));
                            spots
                        }
                    };
                paint_names(ui, &ring_names, &spots, geo, &names, &lit);
            });
        self.scene = scene;
        // An opened group comes into view with room around it (the rest
        // stays as it was, as context).
        if let Some(group) = expand
            && let Some(set) = self.collapsed.as_mut()
        {
            set.remove(&group);
            if let Some(c) = shown.clusters.iter().find(|c| c.group == group) {
                let r = rect(&c.spread);
                let side = r.width().max(r.height()).max(ACTOR_ROOM) * 2.2;
                self.scene = Rect::from_center_size(r.center(), Vec2::splat(side));
            }
        }
        let gathered = Gathered {
            placed: placed_out,
            started,
            delta,
            stopped,
            clicked,
            clicked_away: response.response.clicked(),
        };
        self.settle(pc, geo, gathered);
    }

    /// What the pointer did on the map this frame: a drag started, moved
    /// or ended (a move recorded as one step), a click (the focus), and the
    /// names placed to keep.
    fn settle(&mut self, pc: &mut PanelCtx, geo: &NetworkGeometry, g: Gathered) {
        let a = pc.alliance;
        let Gathered {
            placed: placed_out,
            started,
            delta,
            stopped,
            clicked,
            clicked_away,
        } = g;
        if let Some(p) = placed_out {
            self.placed = Some(p);
        }
        if let Some(actor) = started {
            self.dragging = Some(actor);
            self.drag = Vec2::ZERO;
        }
        if self.dragging.is_some() {
            self.drag += delta;
        }
        if stopped && let Some(actor) = self.dragging.take() {
            if let Some(g) = geo.actor(actor)
                && self.drag.length() > 1.0
            {
                let ring = a.placement(actor).map(|p| p.ring).unwrap_or_default();
                let c = pos(g.center) + self.drag;
                pc.edit(a.place(actor, c.x.round(), c.y.round(), ring));
                pc.seal = true;
            }
            self.drag = Vec2::ZERO;
        }
        if let Some(actor) = clicked {
            self.selected = if self.selected == Some(actor) {
                None
            } else {
                Some(actor)
            };
        } else if clicked_away {
            self.selected = None;
        }
    }
}

/// A relation in words, with whole names: "from → to". The commissioner
/// who is also a party is named as that party.
pub fn relation_text(a: &crate::domain::Alliance, r: &Relation, pc: &PanelCtx) -> String {
    let name = |x: Actor| actor_name(a, a.network_actor(x), pc);
    format!("{} → {}", name(r.from), name(r.to))
}

/// The connectors: at most three actors with the highest betweenness
/// above zero (the commissioner on its own aside), the highest first.
pub fn connectors(geo: &NetworkGeometry) -> Vec<Actor> {
    geo.connectors.clone()
}

/// What the map's pointer gathered in one frame (see `settle`).
struct Gathered {
    placed: Option<(LabelKey, std::rc::Rc<Vec<Option<LabelSpot>>>)>,
    started: Option<Actor>,
    delta: Vec2,
    stopped: bool,
    clicked: Option<Actor>,
    clicked_away: bool,
}
