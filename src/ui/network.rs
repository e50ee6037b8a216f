//! The network map: the parties and the commissioner, their relations, an
//! inner and an outer ring (seed 003), and the connectors: the actors with
//! the highest betweenness, drawn larger.

use egui::{Color32, FontId, Rect, RichText, Sense, Stroke, Ui, Vec2};

use crate::domain::{Actor, Id, Relation, RelationKind, Ring};
use crate::geometry::{self, NetLayout, NetworkGeometry};
use crate::i18n::T;

use super::strategy::{pos, rect, zoom_controls, zoom_keys};
use super::theme;
use super::widgets::{self, PanelCtx};

pub fn relation_color(kind: RelationKind) -> Color32 {
    theme::relation_color(kind)
}

pub struct NetworkPanel {
    scene: Rect,
    layout: NetLayout,
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
        }
    }
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
        });
        widgets::muted(ui, pc.t(T::NetworkHint));
        ui.add_space(4.0);
        let (canvas, side) = widgets::split_side(ui, 300.0);
        widgets::in_rect(ui, side, false, |ui| self.side(ui, pc, &geo));
        widgets::in_rect(ui, canvas, true, |ui| self.canvas(ui, pc, &geo));
        ui.allocate_rect(canvas.union(side), Sense::hover());
    }

    fn canvas(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        if self.fit || self.scene == Rect::ZERO {
            self.scene = rect(&geo.bounds);
            self.fit = false;
        }
        if zoom_keys(ui, &mut self.scene) {
            self.fit = true;
        }
        let top = connectors(geo);
        let mut scene = self.scene;
        let mut clicked = None;
        let mut started = None;
        let mut delta = Vec2::ZERO;
        let mut stopped = false;
        let response = egui::Scene::new()
            .zoom_range(0.1..=3.0)
            .scroll_zooms(true)
            .show(ui, &mut scene, |ui| {
                let painter = ui.painter().clone();
                if let Some((c, inner, outer)) = geo.rings {
                    for (r, key) in [(inner, T::InnerRing), (outer, T::OuterRing)] {
                        painter.circle_stroke(pos(c), r, Stroke::new(1.5, theme::BORDER));
                        painter.text(
                            pos(c) + Vec2::new(0.0, -r - 18.0),
                            egui::Align2::CENTER_CENTER,
                            pc.t(key),
                            FontId::proportional(19.0),
                            theme::MUTED,
                        );
                    }
                }
                let offset = |actor: Actor| {
                    if self.dragging == Some(actor) {
                        self.drag
                    } else {
                        Vec2::ZERO
                    }
                };
                // Who the selected actor is related to: found once a
                // frame, not per actor.
                let related: std::collections::HashSet<Actor> = self
                    .selected
                    .map(|s| {
                        a.relations
                            .iter()
                            .filter_map(|r| match (r.from == s, r.to == s) {
                                (true, _) => Some(r.to),
                                (_, true) => Some(r.from),
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                // The laid-out arrows, in the order of the relations, each
                // with its relation (found by id, not by a scan).
                for g in &geo.relations {
                    let Some(r) = crate::domain::alliance::by_id(&a.relations, g.id) else {
                        continue;
                    };
                    let (from, to) = (pos(g.from) + offset(r.from), pos(g.to) + offset(r.to));
                    let involved = self.selected.is_some_and(|s| s == r.from || s == r.to);
                    let mut color = relation_color(r.kind);
                    if self.selected.is_some() && !involved {
                        color = color.gamma_multiply(0.25);
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
                        let d = offset(r.to);
                        painter.add(egui::Shape::convex_polygon(
                            h.iter().map(|p| pos(*p) + d).collect(),
                            color,
                            Stroke::NONE,
                        ));
                    }
                }
                // The dependencies of the chosen agenda item: from the party that
                // raised it to the parties it needs.
                if let Some(item) = self.agenda_item.and_then(|id| a.agenda_item(id)) {
                    let from = geo.actor(Actor::Party(item.party));
                    for d in &item.depends_on {
                        if let (Some(f), Some(t)) = (from, geo.actor(Actor::Party(*d))) {
                            let arrow = geometry::arrow_between(
                                0,
                                &geometry::Rect::from_center(
                                    f.center,
                                    f.radius * 2.0,
                                    f.radius * 2.0,
                                ),
                                &geometry::Rect::from_center(
                                    t.center,
                                    t.radius * 2.0,
                                    t.radius * 2.0,
                                ),
                                true,
                            );
                            painter.extend(egui::Shape::dashed_line(
                                &[pos(arrow.from), pos(arrow.to)],
                                Stroke::new(5.0, theme::WARN_FG),
                                14.0,
                                6.0,
                            ));
                            if let Some(h) = arrow.head {
                                painter.add(egui::Shape::convex_polygon(
                                    h.iter().map(|p| pos(*p)).collect(),
                                    theme::WARN_FG,
                                    Stroke::NONE,
                                ));
                            }
                        }
                    }
                }
                for g in &geo.actors {
                    let center = pos(g.center) + offset(g.actor);
                    let hit = Rect::from_center_size(center, Vec2::splat(g.radius * 2.0));
                    let id = ui.scope_id().with(("actor", g.actor));
                    let resp = ui.interact(hit, id, Sense::click_and_drag());
                    let name = match a.actor_name(g.actor) {
                        "" => pc.t(T::Commissioner).to_string(),
                        n => n.to_string(),
                    };
                    let label = if top.contains(&g.actor) {
                        format!("{name} ({})", pc.t(T::Connector))
                    } else {
                        name.clone()
                    };
                    resp.widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::Role::Button,
                            true,
                            self.selected == Some(g.actor),
                            &label,
                        )
                    });
                    widgets::global_bounds(ui, &resp);
                    let fill = match g.actor {
                        Actor::Commissioner => theme::COMMISSIONER_FILL,
                        _ if g.ring == Ring::Inner => theme::ACCENT_SOFT,
                        _ => theme::ACTOR_FILL,
                    };
                    let dim = self
                        .selected
                        .is_some_and(|s| s != g.actor && !related.contains(&g.actor));
                    let stroke = if self.selected == Some(g.actor) {
                        Stroke::new(4.0, theme::ACCENT)
                    } else if top.contains(&g.actor) {
                        Stroke::new(4.0, theme::WARN_FG)
                    } else {
                        Stroke::new(1.5, theme::OUTLINE)
                    };
                    let fill = if dim { fill.gamma_multiply(0.4) } else { fill };
                    painter.circle(center, g.radius, fill, stroke);
                    let galley = painter.layout(
                        name,
                        FontId::new(19.0, theme::bold()),
                        if dim { theme::MUTED } else { theme::TEXT },
                        190.0,
                    );
                    let at = center + Vec2::new(-galley.size().x / 2.0, g.radius + 6.0);
                    painter.rect_filled(
                        Rect::from_min_size(at, galley.size()).expand(3.0),
                        egui::CornerRadius::same(4),
                        theme::SURFACE.gamma_multiply(0.9),
                    );
                    painter.galley(at, galley, theme::TEXT);
                    if resp.clicked() {
                        clicked = Some(g.actor);
                    }
                    if self.layout == NetLayout::Free && !pc.read_only {
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
            });
        self.scene = scene;
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
        } else if response.response.clicked() {
            self.selected = None;
        }
    }

    fn side(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &NetworkGeometry) {
        let a = pc.alliance;
        let choose = pc.t(T::ChooseActor);
        let actor_label = |actor: Option<Actor>| match actor {
            Some(x) => a.actor_name(x).to_string(),
            None => choose.to_string(),
        };
        egui::ScrollArea::vertical()
            .id_salt("net-side-scroll")
            .show(ui, |ui| {
                widgets::section(ui, pc.t(T::Connectors));
                widgets::muted(ui, pc.t(T::ConnectorsHint));
                let mut ranked: Vec<_> = geo
                    .actors
                    .iter()
                    .filter(|g| g.actor != Actor::Commissioner)
                    .collect();
                ranked.sort_by(|x, y| y.betweenness.total_cmp(&x.betweenness));
                egui::Grid::new("connectors").striped(true).show(ui, |ui| {
                    for g in ranked.iter().take(5) {
                        ui.label(a.actor_name(g.actor));
                        ui.label(format!("{:.2}", g.betweenness));
                        ui.end_row();
                    }
                });
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
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::ComboBox,
                            true,
                            pc.t(T::ItemDependencies),
                        )
                    });
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
                ui.add_space(10.0);
                widgets::section(ui, pc.t(T::AddRelation));
                ui.add_enabled_ui(!pc.read_only, |ui| {
                    let actors = a.actors();
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
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, pc.t(key))
                        });
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
                                ui.selectable_value(
                                    &mut self.new_kind,
                                    k,
                                    pc.lang.relation_kind(k),
                                );
                            }
                        })
                        .response;
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, pc.t(T::RelationKind))
                    });
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
                    let ready =
                        matches!((self.new_from, self.new_to), (Some(f), Some(t)) if f != t);
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
                            note: String::new(),
                            facilitator_only: self.new_kind == RelationKind::Tension,
                        });
                        pc.edit(edit);
                        pc.seal = true;
                    }
                });
                ui.add_space(10.0);
                widgets::section(ui, pc.t(T::Relations));
                let shown: Vec<&Relation> = match self.selected {
                    Some(s) => a
                        .relations
                        .iter()
                        .filter(|r| r.from == s || r.to == s)
                        .collect(),
                    None => {
                        widgets::muted(ui, &pc.lang.count(T::RelationsHint, a.relations.len()));
                        Vec::new()
                    }
                };
                let mut remove: Option<Id> = None;
                for r in shown {
                    ui.horizontal(|ui| {
                        let arrow = if r.kind.is_directed() { "→" } else { "—" };
                        ui.label(
                            RichText::new(format!(
                                "{} {arrow} {}",
                                a.actor_name(r.from),
                                a.actor_name(r.to)
                            ))
                            .color(relation_color(r.kind)),
                        );
                        let name = pc.t(T::RemoveRelation).replace(
                            "{relation}",
                            &format!("{} – {}", a.actor_name(r.from), a.actor_name(r.to)),
                        );
                        if !pc.read_only {
                            let b = ui.small_button("✕").on_hover_text(&name);
                            b.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                            });
                            if b.clicked() {
                                remove = Some(r.id);
                            }
                        }
                    });
                    ui.horizontal(|ui| {
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
                        ui.horizontal(|ui| {
                            ui.label(&p.name);
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
                            r.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name)
                            });
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
            });
    }
}

/// At most this many ring choosers are listed; select a party for its own.
const RING_ROWS: usize = 40;

/// The actors with the highest betweenness (the commissioner aside): the
/// connectors. Only those clearly above zero.
pub fn connectors(geo: &NetworkGeometry) -> Vec<Actor> {
    let mut ranked: Vec<_> = geo
        .actors
        .iter()
        .filter(|g| g.actor != Actor::Commissioner && g.betweenness > 0.01)
        .collect();
    ranked.sort_by(|x, y| y.betweenness.total_cmp(&x.betweenness));
    let best = ranked.first().map(|g| g.betweenness).unwrap_or(0.0);
    ranked
        .into_iter()
        .filter(|g| g.betweenness >= best * 0.75)
        .map(|g| g.actor)
        .collect()
}
