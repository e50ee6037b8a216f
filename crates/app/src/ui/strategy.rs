//! The strategy map canvas: perspective lanes, objectives and initiatives,
//! cause → effect arrows and owner parties, on a pan-and-zoom scene.
//!
//! Mouse: drag a node to move it (it snaps to the lane it lands in), drag
//! from the round handle on its right to another node to connect them,
//! double-click to edit, Ctrl+click to select several. Keyboard: Delete
//! removes the selection, arrow keys move it (up and down change lane),
//! + and − zoom, F fits the map to the screen.
//!
//! One file on purpose (about 870 lines): the canvas, its keys and its side
//! panel share the selection and drag state of one map.

use egui::{Color32, CornerRadius, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};

use crate::domain::{Edit, Id, MapLink, MapNode, NodeKind};
use crate::geometry::{self, NODE_W, Pt, StrategyGeometry};
use crate::i18n::T;

use super::canvas::{canvas_key, pointer_in, pos, rect, zoom_controls, zoom_keys};
use super::theme;
use super::widgets::{self, PanelCtx};

use theme::LANE_FILLS;

pub struct StrategyPanel {
    scene: Rect,
    pub selected: Vec<Id>,
    selected_link: Option<Id>,
    drag: Vec2,
    dragging: bool,
    connecting: Option<Id>,
    pub editing: Option<Id>,
    highlight: Option<Id>,
    fit: bool,
    cache: Option<(u64, std::rc::Rc<StrategyGeometry>)>,
}

impl Default for StrategyPanel {
    fn default() -> Self {
        StrategyPanel {
            scene: Rect::ZERO,
            selected: Vec::new(),
            selected_link: None,
            drag: Vec2::ZERO,
            dragging: false,
            connecting: None,
            editing: None,
            highlight: None,
            fit: false,
            cache: None,
        }
    }
}

impl StrategyPanel {
    pub fn ui(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        self.selected.retain(|id| a.map_node(*id).is_some());
        if self
            .selected_link
            .is_some_and(|id| !a.map_links.iter().any(|l| l.id == id))
        {
            self.selected_link = None;
        }
        let geo = match &self.cache {
            Some((rev, geo)) if *rev == pc.revision => geo.clone(),
            _ => {
                let geo = std::rc::Rc::new(geometry::strategy(a));
                self.cache = Some((pc.revision, geo.clone()));
                geo
            }
        };
        ui.horizontal(|ui| {
            widgets::page_title(ui, pc.t(T::NavStrategy));
            ui.add_space(16.0);
            ui.add_enabled_ui(!pc.read_only, |ui| {
                for (kind, key) in [
                    (NodeKind::Objective, T::AddObjective),
                    (NodeKind::Initiative, T::AddInitiative),
                ] {
                    if widgets::primary(ui, &format!("+  {}", pc.t(key))).clicked() {
                        self.add_node(pc, &geo, kind, None);
                    }
                }
            });
            ui.separator();
            if zoom_controls(ui, pc, &mut self.scene) {
                self.fit = true;
            }
            ui.separator();
            let label = ui.label(RichText::new(pc.t(T::Highlight)).color(theme::MUTED));
            let current = self
                .highlight
                .map(|id| a.party_name(Some(id)).to_string())
                .unwrap_or_else(|| pc.t(T::NoHighlight).to_string());
            // Truncated: a long party name chosen does not widen the row
            // past the window (the map and its side list slid sideways).
            widgets::Combo::new("map-highlight", current)
                .labelled_by(label.id)
                .width(240.0)
                .truncate()
                .show(ui, |ui| {
                    ui.selectable_value(&mut self.highlight, None, pc.t(T::NoHighlight));
                    for p in &a.parties {
                        ui.selectable_value(&mut self.highlight, Some(p.id), &p.name);
                    }
                });
        });
        widgets::muted(ui, pc.t(T::StrategyHint));
        ui.add_space(4.0);
        let (canvas, side) = widgets::split_side(ui, 270.0);
        widgets::in_rect(ui, side, false, |ui| self.side(ui, pc));
        widgets::in_rect(ui, canvas, true, |ui| self.canvas(ui, pc, &geo));
        ui.allocate_rect(canvas.union(side), Sense::hover());
        if let Some(id) = self.editing {
            self.edit_window(ui.ctx(), pc, id);
        }
    }

    fn add_node(
        &mut self,
        pc: &mut PanelCtx,
        geo: &StrategyGeometry,
        kind: NodeKind,
        at: Option<(Id, f32)>,
    ) {
        let a = pc.alliance;
        let lanes = a.lanes_bottom_up();
        let (lane, x) = match at {
            Some(at) => at,
            None => {
                // Objectives start in the mission or residents lane,
                // initiatives in the processes lane; right of what is there.
                let lane = match kind {
                    NodeKind::Objective => lanes.get(2).or(lanes.last()),
                    NodeKind::Initiative => lanes.get(1).or(lanes.last()),
                }
                .map(|l| l.id)
                .unwrap_or(0);
                let right = geo
                    .nodes
                    .iter()
                    .filter(|n| a.map_node(n.node).is_some_and(|m| m.lane == lane))
                    .map(|n| n.rect.max.x)
                    .fold(0.0, f32::max);
                (lane, right + NODE_W / 2.0 + 40.0)
            }
        };
        if a.lane(lane).is_none() {
            return;
        }
        let title = match kind {
            NodeKind::Objective => pc.t(T::NewObjective),
            NodeKind::Initiative => pc.t(T::NewInitiative),
        };
        let edit = a.insert(MapNode {
            lane,
            kind,
            title: title.to_string(),
            x,
            ..MapNode::default()
        });
        let id = a.next_id::<MapNode>();
        self.selected = vec![id];
        self.editing = Some(id);
        pc.edit(edit);
        pc.seal = true;
    }

    /// The map. About 165 lines for a reason: egui's `Scene` hands the map
    /// one ui inside one closure, where the nodes are drawn and made
    /// interactive together; the lanes and arrows are painted by
    /// `paint_lanes` and `paint_arrows`, and what the pointer did is
    /// settled after the scene (`settle`).
    fn canvas(&mut self, ui: &mut Ui, pc: &mut PanelCtx, geo: &StrategyGeometry) {
        let a = pc.alliance;
        if self.fit || self.scene == Rect::ZERO {
            self.scene = rect(&geo.bounds).expand(30.0);
            self.fit = false;
        }
        // Keyboard.
        if zoom_keys(ui, &mut self.scene) {
            self.fit = true;
        }
        if !pc.read_only {
            if canvas_key(ui, egui::Key::Delete) || canvas_key(ui, egui::Key::Backspace) {
                if let Some(link) = self.selected_link.take() {
                    pc.edits.extend(a.remove::<MapLink>(link));
                } else if let Some(edit) = a.remove_all::<MapNode>(&self.selected) {
                    pc.edit(edit);
                    self.selected.clear();
                }
                pc.seal = true;
            }
            self.nudge(ui, pc);
        }
        let mut scene_rect = self.scene;
        let mut clicked_node: Option<(Id, bool)> = None;
        let mut double_clicked: Option<Id> = None;
        let mut drag_started: Option<Id> = None;
        let mut drag_delta = Vec2::ZERO;
        let mut drag_stopped = false;
        let mut connect_start: Option<Id> = None;
        let mut connect_end = false;
        let screen_width = ui.available_width();
        let response = egui::Scene::new()
            .zoom_range(0.1..=3.0)
            .scroll_zooms(true)
            .show(ui, &mut scene_rect, |ui| {
                let painter = ui.painter().clone();
                // What is in view, in the map's own coordinates: what lies
                // outside is neither drawn nor made interactive.
                let visible = ui.clip_rect().expand(60.0);
                // Zoomed out so far that a title would be a few pixels
                // high (a region's whole map): boxes without their words,
                // which come back on zooming in (and are read out as ever).
                let zoom = screen_width / ui.clip_rect().width().max(1.0);
                let words = 18.0 * zoom >= 6.0;
                let node_at: std::collections::HashMap<Id, &geometry::NodeGeom> =
                    geo.nodes.iter().map(|n| (n.node, n)).collect();
                paint_lanes(&painter, a, geo);
                // Arrows.
                let offset_of = |id: Id| {
                    if self.dragging && self.selected.contains(&id) {
                        self.drag
                    } else {
                        Vec2::ZERO
                    }
                };
                let arrows = Arrows {
                    node_at: &node_at,
                    visible,
                    selected: &self.selected,
                    selected_link: self.selected_link,
                    words,
                };
                paint_arrows(&painter, a, &arrows, &offset_of);
                // Nodes.
                for g in &geo.nodes {
                    let Some(node) = a.map_node(g.node) else {
                        continue;
                    };
                    let r = rect(&g.rect).translate(offset_of(node.id));
                    let busy = self.selected.contains(&node.id) || self.connecting == Some(node.id);
                    if !busy && !visible.intersects(r) {
                        continue;
                    }
                    let id = ui.scope_id().with(("map-node", node.id));
                    let resp = ui.interact(r, id, Sense::click_and_drag());
                    let title = node.title.clone();
                    resp.widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::Role::Button,
                            true,
                            self.selected.contains(&node.id),
                            &title,
                        )
                    });
                    widgets::global_bounds(ui, &resp);
                    let dim = self.highlight.is_some_and(|p| !node.owners.contains(&p));
                    let look = NodeLook {
                        selected: self.selected.contains(&node.id),
                        hovered: resp.hovered(),
                        dim,
                        words,
                    };
                    paint_node(&painter, pc, node, r, look);
                    if resp.double_clicked() {
                        double_clicked = Some(node.id);
                    } else if resp.clicked() {
                        clicked_node = Some((node.id, ui.input(|i| i.modifiers.command)));
                    }
                    if !pc.read_only {
                        if resp.drag_started() {
                            drag_started = Some(node.id);
                        }
                        if resp.dragged() {
                            drag_delta += resp.drag_delta();
                        }
                        if resp.drag_stopped() {
                            drag_stopped = true;
                        }
                        // The connect handle.
                        let handle = Rect::from_center_size(r.right_center(), Vec2::splat(16.0));
                        let h = ui.interact(handle, id.with("handle"), Sense::drag());
                        let connect = pc.t(T::ConnectFrom).replace("{node}", &node.title);
                        h.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &connect)
                        });
                        if resp.hovered()
                            || h.hovered()
                            || self.selected.contains(&node.id)
                            || self.connecting == Some(node.id)
                        {
                            painter.circle(
                                handle.center(),
                                7.0,
                                theme::SURFACE,
                                Stroke::new(2.0, theme::ACCENT),
                            );
                        }
                        if h.drag_started() {
                            connect_start = Some(node.id);
                        }
                        if h.drag_stopped() {
                            connect_end = true;
                        }
                    }
                }
                // The arrow being drawn.
                if let (Some(from), Some(p)) = (self.connecting, pointer_in(ui))
                    && let Some(f) = geo.node(from)
                {
                    painter.arrow(
                        rect(&f.rect).right_center(),
                        p - rect(&f.rect).right_center(),
                        Stroke::new(2.5, theme::ACCENT),
                    );
                }
                pointer_in(ui)
            });
        self.scene = scene_rect;
        let gathered = Gathered {
            pointer: response.inner,
            clicked_node,
            double_clicked,
            drag_started,
            drag_delta,
            drag_stopped,
            connect_start,
            connect_end,
            clicked_away: response.response.clicked(),
            double_clicked_away: response.response.double_clicked(),
        };
        self.settle(pc, geo, gathered);
    }

    /// What the pointer did on the map this frame: an arrow started or
    /// ended, a drag (its move recorded as one step), a click or a double
    /// click (select, edit, or a new objective on an empty spot).
    fn settle(&mut self, pc: &mut PanelCtx, geo: &StrategyGeometry, g: Gathered) {
        let a = pc.alliance;
        if let Some(id) = g.connect_start {
            self.connecting = Some(id);
        }
        if g.connect_end {
            if let (Some(from), Some(p)) = (self.connecting.take(), g.pointer)
                && let Some(to) = geo.node_at(Pt::new(p.x, p.y))
                && to != from
                && !a.map_links.iter().any(|l| l.from == from && l.to == to)
            {
                pc.edit(a.insert(MapLink {
                    from,
                    to,
                    ..MapLink::default()
                }));
                pc.seal = true;
            }
            self.connecting = None;
        }
        if let Some(id) = g.drag_started {
            if !self.selected.contains(&id) {
                self.selected = vec![id];
            }
            self.dragging = true;
            self.drag = Vec2::ZERO;
        }
        if self.dragging {
            self.drag += g.drag_delta;
        }
        if g.drag_stopped && self.dragging {
            self.dragging = false;
            let moved = self.drag;
            self.drag = Vec2::ZERO;
            if moved.length() > 1.0 {
                let edits: Vec<Edit> = self
                    .selected
                    .iter()
                    .filter_map(|id| {
                        let node = a.map_node(*id)?;
                        let g = geo.node(*id)?;
                        let center = rect(&g.rect).center() + moved;
                        let lane = geo.lane_at(center.y)?;
                        Some(a.update(MapNode {
                            x: center.x.round(),
                            lane,
                            dy: 0.0,
                            ..node.clone()
                        }))
                    })
                    .collect();
                pc.edit(Edit::Batch(edits));
                pc.seal = true;
            }
        }
        if let Some((id, toggle)) = g.clicked_node {
            self.selected_link = None;
            if toggle {
                if let Some(i) = self.selected.iter().position(|x| *x == id) {
                    self.selected.remove(i);
                } else {
                    self.selected.push(id);
                }
            } else {
                self.selected = vec![id];
            }
        }
        if let Some(id) = g.double_clicked {
            self.selected = vec![id];
            self.editing = Some(id);
        }
        if g.clicked_away && g.clicked_node.is_none() {
            self.selected.clear();
            self.selected_link = g.pointer.and_then(|p| link_near(geo, Pt::new(p.x, p.y)));
        }
        if g.double_clicked_away
            && !pc.read_only
            && g.double_clicked.is_none()
            && let Some(p) = g.pointer
            && geo.node_at(Pt::new(p.x, p.y)).is_none()
            && p.x > 0.0
            && let Some(lane) = geo.lane_at(p.y)
        {
            self.add_node(pc, geo, NodeKind::Objective, Some((lane, p.x.round())));
        }
    }

    /// Arrow keys move the selection; up and down change lane.
    fn nudge(&mut self, ui: &Ui, pc: &mut PanelCtx) {
        if self.selected.is_empty() {
            return;
        }
        let a = pc.alliance;
        let step = if ui.input(|i| i.modifiers.shift) {
            100.0
        } else {
            20.0
        };
        let (mut dx, mut dlane) = (0.0, 0i64);
        for (key, x, l) in [
            (egui::Key::ArrowLeft, -step, 0),
            (egui::Key::ArrowRight, step, 0),
            (egui::Key::ArrowUp, 0.0, 1),
            (egui::Key::ArrowDown, 0.0, -1),
        ] {
            let shift = ui.input(|i| i.modifiers.shift);
            let mods = if shift {
                egui::Modifiers::SHIFT
            } else {
                egui::Modifiers::NONE
            };
            if !ui.ctx().egui_wants_keyboard_input() && ui.input_mut(|i| i.consume_key(mods, key)) {
                dx += x;
                dlane += l;
            }
        }
        if dx == 0.0 && dlane == 0 {
            return;
        }
        let lanes = a.lanes_bottom_up();
        let edits: Vec<Edit> = self
            .selected
            .iter()
            .filter_map(|id| {
                let node = a.map_node(*id)?;
                let at = lanes.iter().position(|l| l.id == node.lane)? as i64;
                let lane = lanes
                    .get((at + dlane).clamp(0, lanes.len() as i64 - 1) as usize)?
                    .id;
                Some(a.update(MapNode {
                    x: node.x + dx,
                    lane,
                    ..node.clone()
                }))
            })
            .collect();
        pc.edit(Edit::Batch(edits));
    }

    fn side(&mut self, ui: &mut Ui, pc: &mut PanelCtx) {
        let a = pc.alliance;
        // Kept inside its column, clear of the scroll bar: a row wider
        // than the column made the column slide sideways under the pointer.
        let width = ui.available_width() - 16.0;
        egui::ScrollArea::vertical()
            .id_salt("map-side-scroll")
            .show(ui, |ui| {
                ui.set_max_width(width);
                widgets::section(ui, pc.t(T::MapShare));
                widgets::muted(ui, pc.t(T::MapShareHint));
                // A region's hundred and fifty parties: only the rows in
                // view are built.
                let shares = a.map_share();
                widgets::lazy_items(
                    ui,
                    "map-share",
                    shares.len(),
                    0.0,
                    30.0,
                    |i| shares[i].0,
                    |ui, i| {
                        let (party, n, share) = shares[i];
                        let name = a.party_name(Some(party));
                        let selected = self.highlight == Some(party);
                        let r = ui.add(
                            egui::Button::selectable(selected, format!("{name}  ·  {n}"))
                                .truncate()
                                .min_size(egui::vec2(width, 0.0)),
                        );
                        if r.clicked() {
                            self.highlight = if selected { None } else { Some(party) };
                        }
                        let (bar, _) =
                            ui.allocate_exact_size(egui::vec2(width, 6.0), Sense::hover());
                        ui.painter()
                            .rect_filled(bar, CornerRadius::same(3), theme::SIDEBAR);
                        let mut fill = bar;
                        fill.set_width(bar.width() * share);
                        ui.painter()
                            .rect_filled(fill, CornerRadius::same(3), theme::ACCENT);
                    },
                );
                ui.add_space(12.0);
                widgets::section(ui, pc.t(T::Lanes));
                widgets::muted(ui, pc.t(T::LanesHint));
                let lanes: Vec<_> = a.lanes_bottom_up().into_iter().rev().cloned().collect();
                ui.add_enabled_ui(!pc.read_only, |ui| {
                    for (i, lane) in lanes.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let mut name = lane.name.clone();
                            let label = pc
                                .t(T::LaneName)
                                .replace("{n}", &(lanes.len() - i).to_string());
                            let r = ui.add(
                                egui::TextEdit::singleline(&mut name)
                                    .id_salt(("lane-name", lane.id))
                                    .desired_width(130.0),
                            );
                            widgets::name_widget(ui, &r, &label);
                            pc.watch(&r);
                            if r.changed() {
                                pc.edit(a.update(crate::domain::Lane {
                                    name,
                                    ..lane.clone()
                                }));
                            }
                            if i > 0 && small(ui, "↑", pc.t(T::MoveUp)).clicked() {
                                pc.edits.extend(a.swap_lanes(lane.id, lanes[i - 1].id));
                                pc.seal = true;
                            }
                            if i + 1 < lanes.len() && small(ui, "↓", pc.t(T::MoveDown)).clicked()
                            {
                                pc.edits.extend(a.swap_lanes(lane.id, lanes[i + 1].id));
                                pc.seal = true;
                            }
                            let empty = !a.map_nodes.iter().any(|n| n.lane == lane.id);
                            if ui
                                .add_enabled(empty, egui::Button::new("✕"))
                                .on_hover_text(pc.t(T::RemoveLane))
                                .on_disabled_hover_text(pc.t(T::LaneNotEmpty))
                                .clicked()
                            {
                                pc.edits.extend(a.remove_lane(lane.id));
                                pc.seal = true;
                            }
                        });
                    }
                    if ui.button(format!("+  {}", pc.t(T::AddLane))).clicked() {
                        let position = a.lanes.iter().map(|l| l.position).max().unwrap_or(0) + 1;
                        pc.edit(a.insert(crate::domain::Lane {
                            id: 0,
                            position,
                            name: pc.t(T::NewLane).to_string(),
                        }));
                        pc.seal = true;
                    }
                });
            });
    }

    fn edit_window(&mut self, ctx: &egui::Context, pc: &mut PanelCtx, id: Id) {
        let a = pc.alliance;
        let Some(node) = a.map_node(id) else {
            // A node added this frame exists from the next one on.
            if id < a.next_id::<MapNode>() {
                self.editing = None;
            }
            return;
        };
        let mut n = node.clone();
        let mut changed = false;
        let mut open = true;
        let mut close = false;
        let mut link_edits = Vec::new();
        let mut delete = false;
        egui::Window::new(pc.t(T::EditNode))
            .id(egui::Id::unique(("edit-node", id)))
            .open(&mut open)
            .collapsible(false)
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.add_enabled_ui(!pc.read_only, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(560.0)
                        .show(ui, |ui| {
                            widgets::form(ui, ("node-form", id), |ui| {
                                changed |= widgets::text_row(ui, pc, pc.t(T::Title), &mut n.title);
                                let label =
                                    ui.label(RichText::new(pc.t(T::Kind)).color(theme::MUTED));
                                ui.horizontal(|ui| {
                                    for (kind, key) in [
                                        (NodeKind::Objective, T::Objective),
                                        (NodeKind::Initiative, T::Initiative),
                                    ] {
                                        changed |=
                                            ui.radio_value(&mut n.kind, kind, pc.t(key)).changed();
                                    }
                                })
                                .response
                                .labelled_by(label.id);
                                ui.end_row();
                                let label =
                                    ui.label(RichText::new(pc.t(T::Lane)).color(theme::MUTED));
                                widgets::Combo::new(
                                    ("node-lane", id),
                                    a.lane(n.lane).map(|l| l.name.clone()).unwrap_or_default(),
                                )
                                .labelled_by(label.id)
                                .width(300.0)
                                .show(ui, |ui| {
                                    for lane in a.lanes_bottom_up().into_iter().rev() {
                                        changed |= ui
                                            .selectable_value(&mut n.lane, lane.id, &lane.name)
                                            .changed();
                                    }
                                });
                                ui.end_row();
                                changed |= widgets::multiline_row(
                                    ui,
                                    pc,
                                    pc.t(T::Description),
                                    &mut n.description,
                                );
                                changed |=
                                    widgets::text_row(ui, pc, pc.t(T::Measures), &mut n.measures);
                                changed |=
                                    widgets::text_row(ui, pc, pc.t(T::Targets), &mut n.targets);
                            });
                            widgets::section(ui, pc.t(T::Owners));
                            ui.horizontal_wrapped(|ui| {
                                for p in &a.parties {
                                    let mut owns = n.owners.contains(&p.id);
                                    if ui.checkbox(&mut owns, &p.name).changed() {
                                        if owns {
                                            n.owners.push(p.id);
                                        } else {
                                            n.owners.retain(|o| *o != p.id);
                                        }
                                        changed = true;
                                        pc.seal = true;
                                    }
                                }
                            });
                            widgets::section(ui, pc.t(T::LeadsTo));
                            widgets::muted(ui, pc.t(T::LeadsToHint));
                            for other in a.map_nodes.iter().filter(|o| o.id != id) {
                                let link = a
                                    .map_links
                                    .iter()
                                    .find(|l| l.from == id && l.to == other.id);
                                let mut on = link.is_some();
                                let text = pc.t(T::LeadsToNode).replace("{node}", &other.title);
                                if ui.checkbox(&mut on, text).changed() {
                                    match link {
                                        Some(l) => link_edits.extend(a.remove::<MapLink>(l.id)),
                                        None => link_edits.push(a.insert(MapLink {
                                            from: id,
                                            to: other.id,
                                            ..MapLink::default()
                                        })),
                                    }
                                }
                            }
                        });
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if widgets::primary(ui, pc.t(T::Done)).clicked() {
                            close = true;
                        }
                        if ui.button(pc.t(T::DeleteNode)).clicked() {
                            delete = true;
                        }
                    });
                });
            });
        if delete {
            pc.edits.extend(a.remove_all::<MapNode>(&[id]));
            pc.seal = true;
            self.selected.retain(|x| *x != id);
            self.editing = None;
            return;
        }
        if changed {
            pc.edit(a.update(n));
        }
        for e in link_edits {
            pc.edit(e);
            pc.seal = true;
        }
        if !open || close {
            self.editing = None;
            pc.seal = true;
        }
    }
}

fn small(ui: &mut Ui, glyph: &str, name: &str) -> egui::Response {
    let r = ui.button(glyph).on_hover_text(name);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    r
}

fn to_geo(r: Rect) -> geometry::Rect {
    geometry::Rect {
        min: Pt::new(r.min.x, r.min.y),
        max: Pt::new(r.max.x, r.max.y),
    }
}

/// The arrow closest to a point, within reach of a click.
fn link_near(geo: &StrategyGeometry, p: Pt) -> Option<Id> {
    geo.arrows
        .iter()
        .map(|g| (g.id, distance_to_segment(p, g.from, g.to)))
        .filter(|(_, d)| *d < 8.0)
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(id, _)| id)
}

pub fn distance_to_segment(p: Pt, a: Pt, b: Pt) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.x + t * dx, a.y + t * dy);
    ((p.x - cx).powi(2) + (p.y - cy).powi(2)).sqrt()
}

/// How a box on the map is drawn this frame: chosen, under the pointer,
/// dimmed by the highlight (another party's), with its words or (zoomed
/// out) without.
#[derive(Clone, Copy)]
struct NodeLook {
    selected: bool,
    hovered: bool,
    dim: bool,
    words: bool,
}

fn paint_node(painter: &egui::Painter, pc: &PanelCtx, node: &MapNode, r: Rect, look: NodeLook) {
    let NodeLook {
        selected,
        hovered,
        dim,
        words,
    } = look;
    let a = pc.alliance;
    let (fill, text) = match node.kind {
        NodeKind::Objective => (theme::SURFACE, theme::TEXT),
        NodeKind::Initiative => (theme::ACCENT_SOFT, theme::TEXT),
    };
    let (fill, text) = if dim {
        (fill.gamma_multiply(0.35), text.gamma_multiply(0.35))
    } else {
        (fill, text)
    };
    let stroke = if selected {
        Stroke::new(3.0, theme::ACCENT)
    } else if hovered {
        Stroke::new(2.0, theme::ACCENT)
    } else {
        Stroke::new(1.5, if dim { theme::BORDER } else { theme::OUTLINE })
    };
    let radius = match node.kind {
        NodeKind::Objective => 10,
        NodeKind::Initiative => 2,
    };
    painter.rect(
        r,
        CornerRadius::same(radius),
        fill,
        stroke,
        egui::StrokeKind::Inside,
    );
    if !words {
        return;
    }
    let job = |text: String, font: FontId, color: Color32, rows: usize| {
        let mut job = egui::text::LayoutJob::simple(text, font, color, r.width() - 20.0);
        job.wrap.max_rows = rows;
        job.wrap.overflow_character = Some('…');
        job
    };
    let title = painter.layout_job(job(
        node.title.clone(),
        FontId::new(18.0, theme::bold()),
        text,
        3,
    ));
    let owners: Vec<&str> = node.owners.iter().map(|p| a.party_name(Some(*p))).collect();
    let owners_color = if dim {
        theme::MUTED.gamma_multiply(0.35)
    } else {
        theme::MUTED
    };
    let owners_galley = painter.layout_job(job(
        owners.join(" · "),
        FontId::proportional(14.0),
        owners_color,
        1,
    ));
    let clip = painter.with_clip_rect(r.shrink(2.0));
    clip.galley(r.min + Vec2::new(10.0, 8.0), title, text);
    clip.galley(
        Pos2::new(r.min.x + 10.0, r.max.y - 8.0 - owners_galley.size().y),
        owners_galley,
        owners_color,
    );
}

/// The lanes: each a band with its name on the left.
fn paint_lanes(painter: &egui::Painter, a: &crate::domain::Alliance, geo: &StrategyGeometry) {
    for (k, band) in geo.lanes.iter().enumerate() {
        painter.rect_filled(rect(&band.rect), 0.0, LANE_FILLS[k % 2]);
        painter.line_segment(
            [
                pos(band.rect.min),
                Pos2::new(band.rect.max.x, band.rect.min.y),
            ],
            Stroke::new(1.0, theme::BORDER),
        );
        let name = a
            .lane(band.lane)
            .map(|l| l.name.clone())
            .unwrap_or_default();
        let galley = painter.layout(
            name,
            FontId::new(20.0, theme::bold()),
            theme::ACCENT,
            geometry::LANE_LABEL_W - 30.0,
        );
        let at = rect(&band.label).left_center() + Vec2::new(18.0, -galley.size().y / 2.0);
        painter.galley(at, galley, theme::ACCENT);
    }
}

/// What the arrows are drawn with: where each node is, what is in view,
/// the selection, and whether words are shown at this zoom.
struct Arrows<'a> {
    node_at: &'a std::collections::HashMap<Id, &'a geometry::NodeGeom>,
    visible: Rect,
    selected: &'a [Id],
    selected_link: Option<Id>,
    words: bool,
}

/// The arrows in view, those of the selection stronger, a selected arrow
/// red, each with its label.
fn paint_arrows(
    painter: &egui::Painter,
    a: &crate::domain::Alliance,
    arr: &Arrows,
    offset_of: &dyn Fn(Id) -> Vec2,
) {
    for link in &a.map_links {
        let (Some(f), Some(t)) = (arr.node_at.get(&link.from), arr.node_at.get(&link.to)) else {
            continue;
        };
        let fr = rect(&f.rect).translate(offset_of(link.from));
        let tr = rect(&t.rect).translate(offset_of(link.to));
        if !arr.visible.intersects(fr.union(tr)) {
            continue;
        }
        let g = geometry::arrow_between(link.id, &to_geo(fr), &to_geo(tr), true);
        let related = arr.selected.contains(&link.from) || arr.selected.contains(&link.to);
        let color = if arr.selected_link == Some(link.id) {
            theme::DANGER
        } else if related {
            theme::ACCENT
        } else {
            theme::ARROW_GREY
        };
        let width = if related || arr.selected_link == Some(link.id) {
            3.5
        } else {
            2.5
        };
        painter.line_segment([pos(g.from), pos(g.to)], Stroke::new(width, color));
        if let Some(h) = g.head {
            painter.add(egui::Shape::convex_polygon(
                h.iter().map(|p| pos(*p)).collect(),
                color,
                Stroke::NONE,
            ));
        }
        if arr.words && !link.label.is_empty() {
            painter.text(
                pos(g.label_at),
                egui::Align2::CENTER_CENTER,
                &link.label,
                FontId::proportional(14.0),
                theme::TEXT,
            );
        }
    }
}

/// What the map's pointer gathered in one frame (see `settle`).
struct Gathered {
    pointer: Option<Pos2>,
    clicked_node: Option<(Id, bool)>,
    double_clicked: Option<Id>,
    drag_started: Option<Id>,
    drag_delta: Vec2,
    drag_stopped: bool,
    connect_start: Option<Id>,
    connect_end: bool,
    clicked_away: bool,
    double_clicked_away: bool,
}
