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

use super::strategy::{canvas_key, pos, rect, zoom_controls, zoom_keys};
use super::theme;
use super::widgets::{self, PanelCtx};

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

    /// The column beside the map: connectors, an agenda item's
    /// dependencies, the legend, adding a relation, the relations, the
    /// rings.
    fn side(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        egui::ScrollArea::vertical()
            .id_salt("net-side-scroll")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                // As wide as the column, clear of the scroll bar that
                // floats over it: nothing runs off to the right.
                let width = (ui.available_width() - 14.0).max(120.0);
                ui.set_max_width(width);
                Self::side_connectors(ui, pc, geo);
                self.side_dependencies(ui, pc);
                Self::side_legend(ui, pc);
                self.side_add(ui, pc, geo);
                self.side_relations(ui, pc, geo);
                self.side_rings(ui, pc, geo);
            });
    }

    /// The connectors, by betweenness.
    fn side_connectors(ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        widgets::section(ui, pc.t(T::Connectors));
        widgets::muted(ui, pc.t(T::ConnectorsHint));
        let mut ranked: Vec<_> = geo
            .actors
            .iter()
            .filter(|g| g.actor != Actor::Commissioner)
            .collect();
        ranked.sort_by(|x, y| y.betweenness.total_cmp(&x.betweenness));
        for g in ranked.iter().take(5) {
            // Whole names, wrapped: never cut.
            ui.add(
                egui::Label::new(format!(
                    "{}  ·  {:.2}",
                    a.actor_name(g.actor),
                    g.betweenness
                ))
                .wrap(),
            );
        }
    }

    /// Which parties the party that raised an agenda item needs for it.
    fn side_dependencies(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        if !a.agenda_items.is_empty() {
            ui.add_space(10.0);
            widgets::section(ui, pc.t(T::ItemDependencies));
            widgets::muted(ui, pc.t(T::ItemDependenciesHint));
            let current = self
                .agenda_item
                .and_then(|id| a.agenda_item(id))
                .map(|i| i.title.clone())
                .unwrap_or_else(|| pc.t(T::NoItem).to_string());
            let r = egui::ComboBox::from_id_salt("net-agenda-item")
                .selected_text(current)
                .width(ui.available_width() - 10.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.agenda_item, None, pc.t(T::NoItem));
                    for i in &a.agenda_items {
                        ui.selectable_value(&mut self.agenda_item, Some(i.id), &i.title);
                    }
                })
                .response;
            widgets::combo_name(&r, pc.t(T::ItemDependencies));
            if let Some(item) = self.agenda_item.and_then(|id| a.agenda_item(id)) {
                let needs: Vec<&str> = item
                    .depends_on
                    .iter()
                    .map(|d| a.party_name(Some(*d)))
                    .collect();
                ui.label(
                    RichText::new(format!(
                        "{} → {}",
                        a.party_name(Some(item.party)),
                        needs.join(", ")
                    ))
                    .color(theme::WARN_FG),
                );
            }
        }
    }

    /// The legend: a line per kind of relation.
    fn side_legend(ui: &mut Ui, pc: &mut PanelCtx) {
        ui.add_space(10.0);
        widgets::section(ui, pc.t(T::Legend));
        for k in RelationKind::ALL {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(Vec2::new(28.0, 14.0), Sense::hover());
                ui.painter().line_segment(
                    [r.left_center(), r.right_center()],
                    Stroke::new(3.0, relation_color(k)),
                );
                ui.label(pc.lang.relation_kind(k));
            });
        }
    }

    /// A relation added: from, to, kind and strength.
    fn side_add(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        let choose = pc.t(T::ChooseActor);
        let actor_label = |actor: Option<Actor>| match actor {
            Some(x) => a.actor_name(x).to_string(),
            None => choose.to_string(),
        };
        ui.add_space(10.0);
        widgets::section(ui, pc.t(T::AddRelation));
        ui.add_enabled_ui(!pc.read_only, |ui| {
            // The commissioner who is also a party is chosen as
            // that party.
            let actors: Vec<Actor> = a
                .actors()
                .into_iter()
                .filter(|x| geo.node_of(*x) == *x)
                .collect();
            for (value, key) in [
                (&mut self.new_from, T::RelationFrom),
                (&mut self.new_to, T::RelationTo),
            ] {
                ui.label(RichText::new(pc.t(key)).color(theme::MUTED).small());
                let r = egui::ComboBox::from_id_salt(("rel", key))
                    .selected_text(actor_label(*value))
                    .width(ui.available_width() - 10.0)
                    .show_ui(ui, |ui| {
                        for x in &actors {
                            ui.selectable_value(value, Some(*x), a.actor_name(*x));
                        }
                    })
                    .response;
                widgets::combo_name(&r, pc.t(key));
            }
            ui.label(
                RichText::new(pc.t(T::RelationKind))
                    .color(theme::MUTED)
                    .small(),
            );
            let r = egui::ComboBox::from_id_salt("rel-kind")
                .selected_text(pc.lang.relation_kind(self.new_kind))
                .width(ui.available_width() - 10.0)
                .show_ui(ui, |ui| {
                    for k in RelationKind::ALL {
                        ui.selectable_value(&mut self.new_kind, k, pc.lang.relation_kind(k));
                    }
                })
                .response;
            widgets::combo_name(&r, pc.t(T::RelationKind));
            ui.horizontal(|ui| {
                ui.label(RichText::new(pc.t(T::Strength)).color(theme::MUTED));
                for s in 1..=crate::domain::strategy::MAX_STRENGTH {
                    if ui
                        .selectable_label(self.new_strength == s, s.to_string())
                        .clicked()
                    {
                        self.new_strength = s;
                    }
                }
            });
            let ready = matches!((self.new_from, self.new_to), (Some(f), Some(t)) if f != t);
            if ui
                .add_enabled(ready, egui::Button::new(format!("+  {}", pc.t(T::Add))))
                .clicked()
                && let (Some(from), Some(to)) = (self.new_from, self.new_to)
            {
                let edit = a.insert(Relation {
                    id: 0,
                    from,
                    to,
                    kind: self.new_kind,
                    strength: self.new_strength,
                    note: Default::default(),
                    facilitator_only: self.new_kind == RelationKind::Tension,
                });
                pc.edit(edit);
                pc.seal = true;
            }
        });
    }

    /// The relations, of the selected actor or all, each with a way to remove it.
    fn side_relations(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        ui.add_space(10.0);
        widgets::section(ui, pc.t(T::Relations));
        let shown: Vec<&Relation> = match self.selected {
            Some(s) => a
                .relations
                .iter()
                .filter(|r| geo.node_of(r.from) == s || geo.node_of(r.to) == s)
                .collect(),
            None => {
                widgets::muted(ui, &pc.lang.count(T::RelationsHint, a.relations.len()));
                Vec::new()
            }
        };
        let mut remove: Option<Id> = None;
        for r in shown {
            ui.horizontal_top(|ui| {
                let arrow = if r.kind.is_directed() { "→" } else { "—" };
                // The whole names, wrapped, beside the remove
                // button: two relations never read the same.
                let text = relation_text(a, r, pc);
                let width = (ui.available_width() - 30.0).max(60.0);
                ui.allocate_ui_with_layout(
                    Vec2::new(width, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.add(
                            egui::Label::new(
                                RichText::new(text.replace(" → ", &format!(" {arrow} ")))
                                    .color(relation_color(r.kind)),
                            )
                            .wrap(),
                        );
                    },
                );
                let name = pc.t(T::RemoveRelation).replace(
                    "{relation}",
                    &format!("{} – {}", a.actor_name(r.from), a.actor_name(r.to)),
                );
                if !pc.read_only {
                    let b = ui.small_button("✕").on_hover_text(&name);
                    b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if b.clicked() {
                        remove = Some(r.id);
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                widgets::muted(
                    ui,
                    &format!(
                        "   {} · {}",
                        pc.lang.relation_kind(r.kind),
                        "●".repeat(r.strength as usize)
                    ),
                );
                let mut private = r.facilitator_only;
                let name = pc.t(T::FacilitatorOnlyOf).replace(
                    "{relation}",
                    &format!("{} – {}", a.actor_name(r.from), a.actor_name(r.to)),
                );
                let c = ui
                    .add_enabled(
                        !pc.read_only,
                        egui::Checkbox::new(&mut private, pc.t(T::FacilitatorOnly)),
                    )
                    .on_hover_text(pc.t(T::FacilitatorOnlyHint));
                widgets::name_widget(ui, &c, &name);
                if c.changed() {
                    pc.edit(a.update(Relation {
                        facilitator_only: private,
                        ..r.clone()
                    }));
                    pc.seal = true;
                }
            });
        }
        if let Some(id) = remove {
            pc.edits.extend(a.remove::<Relation>(id));
            pc.seal = true;
        }
    }

    /// The rings: who sits in the inner ring.
    fn side_rings(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        ui.add_space(10.0);
        widgets::section(ui, pc.t(T::RingsTitle));
        widgets::muted(ui, pc.t(T::RingsHint));
        ui.add_enabled_ui(!pc.read_only, |ui| {
            // With a party selected, only its ring; else the first parties'.
            let parties: Vec<&crate::domain::Party> = match self.selected {
                Some(Actor::Party(id)) => a.party(id).into_iter().collect(),
                _ => a.parties.iter().take(RING_ROWS).collect(),
            };
            for p in parties {
                let actor = Actor::Party(p.id);
                let set = a.placement(actor).map(|x| x.ring).unwrap_or_default();
                let shown = geo.actor(actor).map(|g| g.ring).unwrap_or_default();
                let mut value = set;
                let text = match set {
                    Ring::Suggested => {
                        format!("{} ({})", pc.lang.ring(shown), pc.t(T::Suggested))
                    }
                    r => pc.lang.ring(r).to_string(),
                };
                ui.add(egui::Label::new(&p.name).wrap());
                ui.horizontal(|ui| {
                    let r = egui::ComboBox::from_id_salt(("ring", p.id))
                        .selected_text(text)
                        .width(190.0)
                        .show_ui(ui, |ui| {
                            for r in [Ring::Suggested, Ring::Inner, Ring::Outer] {
                                ui.selectable_value(&mut value, r, pc.lang.ring(r));
                            }
                        })
                        .response;
                    let name = pc.t(T::RingOf).replace("{party}", &p.name);
                    widgets::combo_name(&r, &name);
                });
                if value != set {
                    let (x, y) = a
                        .placement(actor)
                        .map(|p| (p.x, p.y))
                        .or_else(|| geo.actor(actor).map(|g| (g.center.x, g.center.y)))
                        .unwrap_or_default();
                    pc.edit(a.place(actor, x, y, value));
                    pc.seal = true;
                }
            }
        });
    }
}

/// At most this many ring choosers are listed; select a party for its own.
const RING_ROWS: usize = 40;

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

/// The rings and the lines between the groups' sectors; the rings' names
/// and where they go (written later, with the parties' names).
fn paint_rings(
    painter: &egui::Painter,
    geo: &NetworkGeometry,
    view: Rect,
    zoom: f32,
    pc: &PanelCtx,
) -> Vec<(egui::Pos2, &'static str)> {
    let mut ring_names: Vec<(egui::Pos2, &'static str)> = Vec::new();
    if let Some((c, inner, outer)) = geo.rings {
        // Both names only when the rings lie apart enough on
        // the screen for them not to overlap.
        let apart = (outer - inner) * zoom >= 24.0;
        for (r, key) in [(inner, T::InnerRing), (outer, T::OuterRing)] {
            painter.circle_stroke(pos(c), r, Stroke::new(1.5, theme::BORDER));
            let at = pos(c) + Vec2::new(0.0, -r);
            if view.contains(at) && (apart || key == T::OuterRing) {
                ring_names.push((at, pc.t(key)));
            }
        }
        // Where one group's sector ends and the next begins.
        if geo.sectors.len() > 1 {
            for s in &geo.sectors {
                let angle = s.from - std::f32::consts::FRAC_PI_2;
                let dir = Vec2::new(angle.cos(), angle.sin());
                painter.line_segment(
                    [pos(c) + dir * (inner * 0.55), pos(c) + dir * (outer + 90.0)],
                    Stroke::new(1.0, theme::BORDER),
                );
            }
        }
    }
    ring_names
}

/// Who stands out on the map: the focused actor (and so its relations), or
/// what the search found.
struct Focus<'a> {
    selected: Option<Actor>,
    searching: bool,
    found: &'a std::collections::HashSet<Actor>,
}

/// The arrows of the relations in view, set back when they do not touch
/// the focus or the search.
fn paint_relations(
    painter: &egui::Painter,
    a: &crate::domain::Alliance,
    geo: &NetworkGeometry,
    view: Rect,
    focus: &Focus,
    offset: &dyn Fn(Actor) -> Vec2,
) {
    let (selected, searching, found) = (focus.selected, focus.searching, focus.found);
    // The laid-out arrows, in the order of the relations, each
    // with its relation (found by id, not by a scan); those
    // wholly out of view are skipped.
    for g in &geo.relations {
        let Some(r) = crate::domain::alliance::by_id(&a.relations, g.id) else {
            continue;
        };
        let (rf, rt) = (geo.node_of(r.from), geo.node_of(r.to));
        let (from, to) = (pos(g.from) + offset(rf), pos(g.to) + offset(rt));
        if !view.intersects(Rect::from_two_pos(from, to)) {
            continue;
        }
        let involved = selected.is_some_and(|s| s == rf || s == rt);
        let mut color = relation_color(r.kind);
        if (selected.is_some() && !involved)
            || (selected.is_none() && searching && !(found.contains(&rf) || found.contains(&rt)))
        {
            color = color.gamma_multiply(0.2);
        }
        let width = 1.0 + 1.5 * r.strength as f32;
        if r.kind == RelationKind::RefersTo {
            painter.extend(egui::Shape::dashed_line(
                &[from, to],
                Stroke::new(width, color),
                10.0,
                6.0,
            ));
        } else {
            painter.line_segment([from, to], Stroke::new(width, color));
        }
        if let Some(h) = g.head {
            let d = offset(rt);
            painter.add(egui::Shape::convex_polygon(
                h.iter().map(|p| pos(*p) + d).collect(),
                color,
                Stroke::NONE,
            ));
        }
    }
}

/// The relations between a collapsed group and the rest, one line per
/// pair, as thick as the relations it stands for are many.
fn paint_bundles(
    painter: &egui::Painter,
    bundles: &[clusters::BundleGeom],
    view: Rect,
    selected: Option<Actor>,
) {
    for b in bundles {
        let (from, to) = (pos(b.from), pos(b.to));
        if !view.intersects(Rect::from_two_pos(from, to)) {
            continue;
        }
        let involved =
            selected.is_none_or(|s| [b.ends.0, b.ends.1].contains(&clusters::End::Actor(s)));
        let color = relation_color(RelationKind::WorksWith).gamma_multiply(if involved {
            0.55
        } else {
            0.15
        });
        let width: f32 = 1.5 + 2.0 * (b.count as f32).log2().max(0.0);
        painter.line_segment([from, to], Stroke::new(width.min(14.0), color));
    }
}

/// What drawing the groups gave: the group clicked, and the boxes (map
/// units) of their circles and names, which parties' names keep clear of.
struct GroupNames {
    clicked: Option<usize>,
    boxes: Vec<geometry::Rect>,
}

/// The collapsed groups: a large circle each where its parties sit with
/// their number in it, and its name ("Partij 56 e.a.") beside it at the
/// names' size whatever the zoom, placed clear of the other groups and
/// their names; a click opens it.
fn paint_clusters(
    ui: &mut Ui,
    pc: &PanelCtx,
    list: &[clusters::ClusterGeom],
    view: Rect,
    zoom: f32,
) -> GroupNames {
    let a = pc.alliance;
    let mut out = GroupNames {
        clicked: None,
        boxes: Vec::new(),
    };
    // The groups in view, each with its circle and its leading party's
    // name, found once for the circles and for the names.
    let seen: Vec<(&clusters::ClusterGeom, Rect, String)> = list
        .iter()
        .map(|c| {
            let hit = Rect::from_center_size(pos(c.center), Vec2::splat(c.radius * 2.0));
            (c, hit)
        })
        .filter(|(_, hit)| view.intersects(*hit))
        .map(|(c, hit)| {
            let lead = c.lead().map(|x| actor_name(a, x, pc)).unwrap_or_default();
            (c, hit, lead)
        })
        .collect();
    let mut taken: Vec<Rect> = seen.iter().map(|(_, hit, _)| *hit).collect();
    for (c, hit, lead) in &seen {
        let center = pos(c.center);
        let name = pc
            .lang
            .count(T::NetworkGroupName, c.members.len())
            .replace("{lead}", lead);
        let id = ui.scope_id().with(("group", c.group));
        let resp = ui
            .interact(*hit, id, Sense::click())
            .on_hover_text(format!("{name}\n{}", pc.t(T::NetworkGroupHint)));
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        let painter = ui.painter();
        painter.circle(
            center,
            c.radius,
            theme::SURFACE,
            Stroke::new(
                if resp.hovered() { 3.0 } else { 2.0 },
                relation_color(RelationKind::WorksWith),
            ),
        );
        painter.text(
            center,
            egui::Align2::CENTER_CENTER,
            c.members.len().to_string(),
            FontId::new((c.radius * 0.8).max(6.0), theme::bold()),
            relation_color(RelationKind::WorksWith),
        );
        if resp.clicked() {
            out.clicked = Some(c.group);
        }
    }
    // The names, after every circle: under, over, right or left of their
    // circle, wherever they cover no other group or name first.
    for (_, hit, lead) in &seen {
        let label = pc.t(T::NetworkGroupLabel).replace("{lead}", lead);
        let painter = ui.painter();
        let galley = painter.layout(
            label,
            FontId::new(LABEL_SIZE / zoom, theme::bold()),
            theme::TEXT,
            220.0 / zoom,
        );
        let size = galley.size();
        let gap = 4.0 / zoom;
        let center = hit.center();
        let spots = [
            egui::pos2(center.x - size.x / 2.0, hit.bottom() + gap),
            egui::pos2(center.x - size.x / 2.0, hit.top() - gap - size.y),
            egui::pos2(hit.right() + gap, center.y - size.y / 2.0),
            egui::pos2(hit.left() - gap - size.x, center.y - size.y / 2.0),
        ];
        let boxes = spots.map(|at| Rect::from_min_size(at, size).expand(3.0 / zoom));
        let spot = boxes
            .iter()
            .position(|b| !taken.iter().any(|t| t.intersects(*b)))
            .unwrap_or(0);
        let bx = boxes[spot];
        taken.push(bx);
        painter.rect_filled(bx, 4.0 / zoom, theme::SURFACE.gamma_multiply(0.9));
        painter.galley(spots[spot], galley, theme::TEXT);
    }
    out.boxes = taken
        .iter()
        .map(|r| {
            geometry::Rect::from_center(
                geometry::Pt::new(r.center().x, r.center().y),
                r.width(),
                r.height(),
            )
        })
        .collect();
    out
}

/// The dependencies of the chosen agenda item: from the party that raised
/// it to the parties it needs, as heavy dashed arrows.
fn paint_dependencies(
    painter: &egui::Painter,
    a: &crate::domain::Alliance,
    geo: &NetworkGeometry,
    agenda_item: Option<Id>,
) {
    // The dependencies of the chosen agenda item: from the party that
    // raised it to the parties it needs.
    if let Some(item) = agenda_item.and_then(|id| a.agenda_item(id)) {
        let from = geo.actor(Actor::Party(item.party));
        let middle = geo
            .rings
            .map(|(c, _, _)| c)
            .unwrap_or_else(|| geo.bounds.center());
        for d in &item.depends_on {
            if let (Some(f), Some(t)) = (from, geo.actor(Actor::Party(*d))) {
                // Around every circle the arrow does not belong to: through
                // a third party's circle it would read as that party's.
                let others: Vec<geometry::Circle> = geo
                    .actors
                    .iter()
                    .filter(|x| x.actor != f.actor && x.actor != t.actor)
                    .map(|x| (x.center, x.radius))
                    .collect();
                let (route, head) = geometry::route_between(
                    (f.center, f.radius),
                    (t.center, t.radius),
                    &others,
                    f.radius.max(t.radius) * 0.2,
                    middle,
                );
                let points: Vec<egui::Pos2> = route.iter().map(|p| pos(*p)).collect();
                painter.extend(egui::Shape::dashed_line(
                    &points,
                    Stroke::new(5.0, theme::WARN_FG),
                    14.0,
                    6.0,
                ));
                painter.add(egui::Shape::convex_polygon(
                    head.iter().map(|p| pos(*p)).collect(),
                    theme::WARN_FG,
                    Stroke::NONE,
                ));
            }
        }
    }
}

/// The names, on a layer above the map at their own size: the rings'
/// names, then each placed name on a light ground, set back when out of
/// focus.
fn paint_names(
    ui: &Ui,
    ring_names: &[(egui::Pos2, &str)],
    spots: &[Option<LabelSpot>],
    geo: &NetworkGeometry,
    names: &[Names],
    lit: &dyn Fn(Actor) -> bool,
) {
    // The map's ui: what is in view, and where it lands on the screen.
    let view = ui.clip_rect();
    let to_screen = ui
        .ctx()
        .layer_transform_to_global(ui.layer_id())
        .unwrap_or_default();
    let layer = egui::LayerId::new(ui.layer_id().order, ui.scope_id().with("net-names"));
    ui.ctx().set_sublayer(ui.layer_id(), layer);
    let screen_clip = to_screen * view;
    let names_painter = ui.ctx().layer_painter(layer).with_clip_rect(screen_clip);
    for (at, name) in ring_names {
        let (at, name) = (*at, *name);
        names_painter.text(
            to_screen * at - Vec2::new(0.0, RING_NAME_RISE),
            egui::Align2::CENTER_CENTER,
            name,
            FontId::proportional(14.0),
            theme::MUTED,
        );
    }
    for (k, spot) in spots.iter().enumerate() {
        let Some(spot) = spot else { continue };
        let g = &geo.actors[k];
        let Some(lines) = names[k].forms.get(spot.form) else {
            continue;
        };
        let r = to_screen * rect(&spot.rect);
        let on = lit(g.actor);
        // A name placed away from its circle is tied to it by a thin line.
        let c = to_screen * pos(g.center);
        let radius = g.radius * to_screen.scaling;
        let near = egui::pos2(
            c.x.clamp(r.left(), r.right()),
            c.y.clamp(r.top(), r.bottom()),
        );
        let gap = near.distance(c) - radius;
        if gap > 6.0 {
            let edge = c + (near - c).normalized() * radius;
            names_painter.line_segment(
                [edge, near],
                Stroke::new(1.0, theme::MUTED.gamma_multiply(if on { 0.9 } else { 0.4 })),
            );
        }
        names_painter.rect_filled(
            r,
            egui::CornerRadius::same(4),
            theme::SURFACE.gamma_multiply(if on { 0.92 } else { 0.6 }),
        );
        let color = if on {
            theme::TEXT
        } else {
            theme::MUTED.gamma_multiply(0.7)
        };
        let line_h = (r.height() - 2.0) / lines.len().max(1) as f32;
        for (i, line) in lines.iter().enumerate() {
            names_painter.text(
                egui::pos2(r.center().x, r.top() + 1.0 + line_h * (i as f32 + 0.5)),
                egui::Align2::CENTER_CENTER,
                line,
                FontId::new(LABEL_SIZE, theme::bold()),
                color,
            );
        }
    }
}

/// How an actor stands on the map this frame.
#[derive(Clone, Copy)]
struct ActorMarks {
    /// One of the connectors.
    connector: bool,
    /// The focus.
    selected: bool,
    /// Found by the search.
    found: bool,
    /// Shown as usual (else set back).
    on: bool,
}

/// An actor's circle (and the ring of a commissioner that is a party too),
/// its accessible name and its tooltip.
fn paint_actor(
    ui: &Ui,
    pc: &PanelCtx,
    resp: &egui::Response,
    g: &geometry::ActorGeom,
    center: egui::Pos2,
    name: &str,
    m: ActorMarks,
) {
    let both = g.commissioner && g.actor != Actor::Commissioner;
    resp.widget_info(|| {
        let mut label = name.to_string();
        if m.connector {
            label = format!("{label} ({})", pc.t(T::Connector));
        }
        if both {
            label = format!("{label} ({})", pc.t(T::NetworkBothRoles));
        }
        egui::WidgetInfo::selected(egui::Role::Button, true, m.selected, &label)
    });
    widgets::global_bounds(ui, resp);
    let painter = ui.painter();
    let fill = match g.actor {
        _ if g.commissioner => theme::COMMISSIONER_FILL,
        _ if g.ring == Ring::Inner => theme::ACCENT_SOFT,
        _ => theme::ACTOR_FILL,
    };
    let stroke = if m.selected || m.found {
        Stroke::new(4.0, theme::ACCENT)
    } else if m.connector {
        Stroke::new(4.0, theme::WARN_FG)
    } else {
        Stroke::new(1.5, theme::OUTLINE)
    };
    let (fill, stroke) = if m.on {
        (fill, stroke)
    } else {
        (
            fill.gamma_multiply(0.35),
            Stroke::new(stroke.width, stroke.color.gamma_multiply(0.35)),
        )
    };
    painter.circle(center, g.radius, fill, stroke);
    if both {
        // Both roles: the commissioner's fill, and a ring for the party it
        // also is.
        painter.circle_stroke(
            center,
            g.radius + 6.0,
            Stroke::new(
                3.0,
                theme::ACCENT.gamma_multiply(if m.on { 1.0 } else { 0.35 }),
            ),
        );
    }
    if resp.hovered() {
        let mut tip = name.to_string();
        if both {
            tip = format!("{tip}\n{}", pc.t(T::NetworkBothRoles));
        }
        if m.connector {
            tip = format!("{tip}\n{}", pc.t(T::Connector));
        }
        resp.clone().on_hover_text(tip);
    }
}

/// The actors related to `selected`, as the map draws them.
fn related_to(
    a: &crate::domain::Alliance,
    geo: &NetworkGeometry,
    selected: Option<Actor>,
) -> std::collections::HashSet<Actor> {
    selected
        .map(|s| {
            a.relations
                .iter()
                .filter_map(|r| {
                    let (f, t) = (geo.node_of(r.from), geo.node_of(r.to));
                    match (f == s, t == s) {
                        (true, _) => Some(t),
                        (_, true) => Some(f),
                        _ => None,
                    }
                })
                .collect()
        })
        .unwrap_or_default()
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
