//! The map slides: the strategy map (whole, then lane by lane) and the
//! network map (whole, then party by party), with pan and zoom.

use super::*;
use crate::words::RoomWords;

/// A line with an arrow head at `b`.
pub(super) fn arrow_line(
    ui: &Ui,
    a: Pos2,
    b: Pos2,
    color: Color32,
    width: f32,
    head: f32,
    directed: bool,
) {
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
pub(super) struct MapTransform {
    /// The smaller of the two scales: for sizes of lines and type.
    pub(super) scale: f32,
    pub(super) sx: f32,
    pub(super) sy: f32,
    pub(super) origin: Pos2,
    pub(super) center: Pos2,
}

impl MapTransform {
    pub(super) fn new(
        bounds: &crate::geometry::Rect,
        body: Rect,
        state: &PresentState,
    ) -> MapTransform {
        MapTransform::stretched(bounds, body, state, 1.0)
    }

    /// Fitted into `body`, one axis stretched up to `ratio` times the
    /// other to use the screen (for the strategy map, whose lanes are
    /// wide and whose boxes are rectangles anyway).
    pub(super) fn stretched(
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

    pub(super) fn pt(&self, p: crate::geometry::Pt) -> Pos2 {
        self.origin
            + vec2(
                (p.x - self.center.x) * self.sx,
                (p.y - self.center.y) * self.sy,
            )
    }

    pub(super) fn rect(&self, r: &crate::geometry::Rect) -> Rect {
        Rect::from_min_max(self.pt(r.min), self.pt(r.max))
    }
}

/// Pan by dragging and zoom with the wheel or a pinch, inside `body`.
pub(super) fn pan_zoom(ui: &mut Ui, body: Rect, state: &mut PresentState) {
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

pub(super) fn dim(c: Color32, on: bool) -> Color32 {
    if on { c } else { c.gamma_multiply(0.22) }
}

pub(super) fn draw_arrow(
    ui: &Ui,
    view: &MapTransform,
    a: &RoomArrow,
    color: Color32,
    width: f32,
    ty: Type,
) {
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

/// Long for a reason: the strategy slide, drawn in the order it is painted (lanes, arrows,
/// boxes, the step's focus).
pub(super) fn strategy(ui: &mut Ui, s: &SlideCtx, state: &mut PresentState) {
    let (body, lang, room, pal, ty, step, _) = s.parts();
    let map = &room.strategy;
    if map.nodes.is_empty() {
        let empty = lang.tr(T::SlideEmptyMap);
        text_in(ui, body, rich(empty, ty.body, pal.muted, false), Align::Min);
        return;
    }
    // A lane with many cards takes several steps, a page of cards each.
    let lit = lane_step(map, step);
    let highlighted = lit.and_then(|(k, _, _)| map.lanes.get(k));
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
    if let (Some(lane), Some(area), Some((_, page, pages))) = (highlighted, cards, lit) {
        lane_cards(ui, area, map, lane, (page, pages), pal, ty);
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
            Fit {
                max: (26.0 * view.scale).max(13.0),
                min: 12.0,
                color: dim(pal.text, on),
                bold: true,
                center: true,
            },
        );
    }
    for a in &map.arrows {
        // An arrow is lit when it starts or ends on a box of the lit lane:
        // its ends lie on the boxes' borders, inside their lane.
        let on = highlighted.is_none_or(|l| l.rect.contains(a.from) || l.rect.contains(a.to));
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
    // (Only when the words are drawn: a region's map on one slide is
    // shapes only, and fitting its 500 titles cost as much as drawing it.)
    let title_size = map
        .nodes
        .iter()
        .filter(|_| words)
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
        // Square corners when the map is too small for words: a corner of
        // two pixels is not seen, and a region's 500 rounded boxes cost
        // the beamer as much to draw as the rest of the map.
        let corner = if words {
            CornerRadius::same((8.0 * view.scale).clamp(2.0, 14.0) as u8)
        } else {
            CornerRadius::ZERO
        };
        ui.painter().rect(
            r,
            corner,
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
            Fit {
                max: title_size,
                min: title_size,
                color: dim(pal.text, on),
                bold: true,
                center: true,
            },
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
/// Cards of a lit lane on one step: four across, two down, large enough
/// to read from the back of the room.
pub const LANE_CARDS_PER_PAGE: usize = 8;

/// How many boxes a lane holds.
fn lane_len(map: &crate::audience::RoomStrategy, lane: &crate::audience::RoomLane) -> usize {
    map.nodes
        .iter()
        .filter(|n| lane.rect.contains(n.rect.center()))
        .count()
}

/// The steps of the strategy slide: the whole map, then each lane lit, a
/// page of its cards at a time.
pub fn strategy_steps(map: &crate::audience::RoomStrategy) -> usize {
    1 + map
        .lanes
        .iter()
        .map(|l| lane_len(map, l).div_ceil(LANE_CARDS_PER_PAGE).max(1))
        .sum::<usize>()
}

/// The lane a step of the strategy slide lights, which page of its cards,
/// and how many pages it has. `None` for the first step, the whole map.
pub fn lane_step(
    map: &crate::audience::RoomStrategy,
    step: usize,
) -> Option<(usize, usize, usize)> {
    let mut left = step.checked_sub(1)?;
    for (k, lane) in map.lanes.iter().enumerate() {
        let pages = lane_len(map, lane).div_ceil(LANE_CARDS_PER_PAGE).max(1);
        if left < pages {
            return Some((k, left, pages));
        }
        left -= pages;
    }
    None
}

pub(super) fn lane_cards(
    ui: &mut Ui,
    area: Rect,
    map: &crate::audience::RoomStrategy,
    lane: &crate::audience::RoomLane,
    (page, pages): (usize, usize),
    pal: &Palette,
    ty: Type,
) {
    let mut nodes: Vec<&crate::audience::RoomNode> = map
        .nodes
        .iter()
        .filter(|n| lane.rect.contains(n.rect.center()))
        .collect();
    nodes.sort_by(|a, b| {
        a.rect
            .min
            .x
            .total_cmp(&b.rect.min.x)
            .then(a.rect.min.y.total_cmp(&b.rect.min.y))
    });
    let nodes: Vec<&crate::audience::RoomNode> = nodes
        .into_iter()
        .skip(page * LANE_CARDS_PER_PAGE)
        .take(LANE_CARDS_PER_PAGE)
        .collect();
    let heading = if pages > 1 {
        format!("{} ({}/{pages})", lane.name, page + 1)
    } else {
        lane.name.clone()
    };
    let used = text_in(
        ui,
        area,
        rich(heading, ty.small, pal.accent, true),
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
            Fit {
                max: ty.body,
                min: ty.small * 0.6,
                color: pal.text,
                bold: true,
                center: false,
            },
        );
        if !extra.is_empty() {
            label_fit(
                ui,
                Rect::from_min_max(pos2(inner.left(), inner.bottom() - extra_h), inner.max),
                &extra,
                Fit {
                    max: ty.small * 0.8,
                    min: ty.small * 0.5,
                    color: pal.muted,
                    bold: false,
                    center: false,
                },
            );
        }
    }
}

/// One step of the network slide after the whole map: an actor (its
/// place in [`crate::audience::RoomNetwork::actors`]) and which page of its
/// relations, of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NetworkStep {
    pub actor: usize,
    pub page: usize,
    pub pages: usize,
}

/// How many of a party's relations fit one slide of this size, beside the
/// map: each takes at most two lines.
fn relations_per_page(screen: Vec2) -> usize {
    let ty = Type::for_rect(Rect::from_min_size(Pos2::ZERO, screen));
    let list_h = screen.y * 0.78 - ty.body * 3.2;
    ((list_h / (ty.small * 0.8 * 1.3 * 2.0)).floor() as usize).max(3)
}

/// The steps of the network slide after the whole map: the actors in the
/// order of [`crate::audience::RoomNetwork::tour`] (connectors first, then
/// by ring), each with its relations over as many pages as they need.
pub fn network_steps(room: &RoomView, screen: Vec2) -> Vec<NetworkStep> {
    let net = &room.network;
    let per_page = relations_per_page(screen);
    // How many relations each actor has, in one pass.
    let mut count = vec![0usize; net.actors.len()];
    for (f, t) in net.relations.iter().filter_map(|r| r.ends) {
        for k in [f, t] {
            if let Some(c) = count.get_mut(k) {
                *c += 1;
            }
        }
    }
    // A party with no relations gets no page of its own ("no relations
    // yet" five times over says nothing): the whole map shows it.
    net.tour()
        .into_iter()
        .filter(|k| count[*k] > 0)
        .flat_map(|k| {
            let pages = count[k].div_ceil(per_page).max(1);
            (0..pages).map(move |page| NetworkStep {
                actor: k,
                page,
                pages,
            })
        })
        .collect()
}

/// A party's relations in words, one line each, grouped by kind: "works
/// with X", or, for a directed relation towards it, "Y funds X".
pub fn relation_lines(net: &crate::audience::RoomNetwork, k: usize, lang: Lang) -> Vec<String> {
    let Some(me) = net.actors.get(k) else {
        return Vec::new();
    };
    let mut lines: Vec<(usize, String)> = net
        .relations_of(k)
        .into_iter()
        .filter_map(|r| {
            let kind = r.kind?;
            let (from, to) = r.ends?;
            let rank = RelationKind::ALL
                .iter()
                .position(|x| *x == kind)
                .unwrap_or(0);
            let words = lang.relation_kind(kind).to_lowercase();
            let other = |i: usize| net.actors.get(i).map(|a| a.name.as_str()).unwrap_or("");
            Some(if from == k {
                (rank, format!("{words} {}", other(to)))
            } else if !kind.is_directed() {
                (rank, format!("{words} {}", other(from)))
            } else {
                (rank, format!("{} {words} {}", other(from), me.name))
            })
        })
        .collect();
    lines.sort();
    lines.into_iter().map(|(_, l)| l).collect()
}

/// The names on a map slide: each actor's name forms and their sizes at
/// `size` points, placed so that none covers another or a circle.
fn place_names(
    ui: &Ui,
    net: &crate::audience::RoomNetwork,
    view: &MapTransform,
    size: f32,
    first: &[usize],
) -> Vec<Option<(Vec<String>, Rect)>> {
    let font = egui::FontId::new(size, theme::bold());
    let labels = crate::labels::room_labels(
        net,
        first,
        |a| {
            let c = view.pt(a.center);
            let clear = if a.commissioner && a.party { 8.0 } else { 3.0 };
            (
                crate::geometry::Pt::new(c.x, c.y),
                a.radius * view.scale + clear,
            )
        },
        |lines| {
            let w = crate::labels::widest(ui, lines, &font);
            (w + 8.0, lines.len() as f32 * size * 1.2 + 4.0)
        },
    );
    let middle = net
        .rings
        .map(|(c, _, _)| view.pt(c))
        .unwrap_or_else(|| view.pt(net.actors_bounds().center()));
    let clip = ui.clip_rect();
    let spots = crate::labels::place_labels(
        &labels.asks,
        &labels.order,
        crate::labels::LabelRoom {
            within: Some(crate::geometry::Rect {
                min: crate::geometry::Pt::new(clip.min.x, clip.min.y),
                max: crate::geometry::Pt::new(clip.max.x, clip.max.y),
            }),
            middle: crate::geometry::Pt::new(middle.x, middle.y),
            outward: net.rings.is_some(),
            pad: 6.0,
            avoid: &[],
            must: &labels.must,
        },
    );
    spots
        .into_iter()
        .enumerate()
        .map(|(k, spot)| {
            let spot = spot?;
            let lines = labels.forms[k].get(spot.form)?.clone();
            Some((
                lines,
                Rect::from_min_max(
                    pos2(spot.rect.min.x, spot.rect.min.y),
                    pos2(spot.rect.max.x, spot.rect.max.y),
                ),
            ))
        })
        .collect()
}

/// The names of a map slide: the lines of each actor's name and where.
type PlacedNames = std::sync::Arc<Vec<Option<(Vec<String>, Rect)>>>;

/// [`place_names`] remembered between frames: the names move only when the
/// map, the view, the type size or the focus change, so a still slide
/// does not place 300 names again every frame.
fn placed_names(
    ui: &Ui,
    net: &crate::audience::RoomNetwork,
    view: &MapTransform,
    size: f32,
    first: &[usize],
) -> PlacedNames {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for a in &net.actors {
        a.name.hash(&mut h);
        a.center.x.to_bits().hash(&mut h);
        a.center.y.to_bits().hash(&mut h);
        a.radius.to_bits().hash(&mut h);
        (a.connector, a.commissioner, a.party).hash(&mut h);
        a.betweenness.to_bits().hash(&mut h);
    }
    net.rings
        .map(|(c, _, _)| (c.x.to_bits(), c.y.to_bits()))
        .hash(&mut h);
    let clip = ui.clip_rect();
    for v in [
        view.scale,
        view.sx,
        view.sy,
        view.origin.x,
        view.origin.y,
        view.center.x,
        view.center.y,
        size,
        clip.min.x,
        clip.min.y,
        clip.max.x,
        clip.max.y,
    ] {
        v.to_bits().hash(&mut h);
    }
    first.hash(&mut h);
    let key = h.finish();
    let id = egui::Id::unique("present-network-names");
    type Placed = (u64, PlacedNames);
    if let Some((k, names)) = ui.ctx().data(|d| d.get_temp::<Placed>(id))
        && k == key
    {
        return names;
    }
    let names = std::sync::Arc::new(place_names(ui, net, view, size, first));
    ui.ctx()
        .data_mut(|d| d.insert_temp::<Placed>(id, (key, names.clone())));
    names
}

/// Long for a reason: the network slide, drawn in the order it is painted (rings, arrows,
/// circles, names, the step's list).
pub(super) fn network(ui: &mut Ui, s: &SlideCtx, state: &mut PresentState) {
    let (body, lang, room, pal, ty, step, _) = s.parts();
    let net = &room.network;
    if net.actors.is_empty() {
        text_in(ui, body, rich("—", ty.body, pal.muted, false), Align::Min);
        return;
    }
    let screen = ui.max_rect().size();
    let at = step
        .checked_sub(1)
        .and_then(|k| network_steps(room, screen).get(k).copied());
    let focus = at.map(|s| s.actor);
    // In a step on one party, its relations are listed in words beside
    // the map, a page at a time.
    let map_rect = match at {
        Some(_) => Rect::from_min_max(
            body.min,
            pos2(body.left() + body.width() * 0.6, body.bottom()),
        ),
        None => body,
    };
    // The overview names the connectors in words above the map, whatever
    // room their names find on it.
    let connectors = lang.connectors(net).filter(|_| at.is_none());
    let map_rect = if let Some(line) = connectors {
        let used = text_in(
            ui,
            body,
            rich(line, ty.small * 0.8, pal.accent, true),
            Align::Min,
        );
        Rect::from_min_max(
            pos2(map_rect.left(), map_rect.top() + used + ty.small * 0.3),
            map_rect.max,
        )
    } else {
        map_rect
    };
    pan_zoom(ui, map_rect, state);
    let mut bounds = net.actors_bounds();
    if let Some((c, _, outer)) = net.rings {
        bounds = bounds.union(&crate::geometry::Rect::from_center(
            c,
            2.0 * outer,
            2.0 * outer,
        ));
    }
    // Room for the names beside the circles, on every side (names sit
    // away from the middle first).
    let pad = bounds.width().max(bounds.height()) * 0.06;
    bounds.min.x -= pad;
    bounds.max.x += pad;
    bounds.min.y -= pad;
    bounds.max.y += pad;
    let view = MapTransform::new(&bounds, map_rect, state);
    // The one relation palette of the app, lightened on the dark theme.
    let dark = pal.bg.r() < 128;
    let colour = |k: Option<RelationKind>| {
        let kind = k.unwrap_or_default();
        if dark {
            crate::theme::relation_color_on_dark(kind)
        } else {
            crate::theme::relation_color(kind)
        }
    };
    let mut child = ui.new_child(UiBuilder::new().max_rect(map_rect));
    child.set_clip_rect(map_rect);
    let ui2 = &mut child;
    if let Some((c, inner, outer)) = net.rings {
        for r in [inner, outer] {
            ui2.painter().circle_stroke(
                view.pt(c),
                r * view.scale,
                Stroke::new(1.5, pal.muted.gamma_multiply(0.35)),
            );
        }
    }
    let involved =
        |r: &RoomArrow| focus.is_none_or(|f| r.ends.is_some_and(|(a, b)| a == f || b == f));
    for r in &net.relations {
        let width = (1.5 + 1.5 * r.strength as f32) * view.scale.max(0.6);
        draw_arrow(ui2, &view, r, dim(colour(r.kind), involved(r)), width, ty);
    }
    // Who the focused actor is related to, found once (not a search of
    // every relation for every actor).
    let linked: Vec<usize> = match focus {
        Some(f) => {
            let mut out = vec![f];
            for r in net.relations_of(f) {
                if let Some((a, b)) = r.ends {
                    let other = if a == f { b } else { a };
                    if !out.contains(&other) {
                        out.push(other);
                    }
                }
            }
            out
        }
        None => Vec::new(),
    };
    for (k, a) in net.actors.iter().enumerate() {
        let on = focus.is_none() || linked.contains(&k);
        let c = view.pt(a.center);
        let radius = a.radius * view.scale;
        // Fills by role and ring: the commissioner accent, the inner ring
        // soft, the outer ring the background.
        let fill = if a.commissioner {
            pal.accent
        } else if a.ring == crate::domain::Ring::Inner {
            pal.soft
        } else {
            pal.bg
        };
        let stroke = if focus == Some(k) {
            Stroke::new(6.0 * view.scale.max(0.6), pal.warn)
        } else if a.connector {
            Stroke::new(5.0 * view.scale.max(0.6), dim(pal.warn, on))
        } else {
            Stroke::new(3.0 * view.scale.max(0.6), dim(pal.accent, on))
        };
        ui2.painter().circle(c, radius, dim(fill, on), stroke);
        if a.commissioner && a.party {
            // Both roles: a ring for the party the commissioner also is.
            ui2.painter()
                .circle_stroke(c, radius + 5.0, Stroke::new(3.0, dim(pal.accent, on)));
        }
    }
    // Names large, on the background colour so no line runs through
    // them; none covers another: what does not fit is left out (the list
    // beside the map names the focus's relations in full).
    let size = (26.0 * view.scale).clamp(ty.small * 0.62, ty.small);
    let names = placed_names(ui2, net, &view, size, &linked);
    for (k, name) in names.iter().enumerate() {
        let Some((lines, rect)) = name else { continue };
        let rect = *rect;
        let on = focus.is_none() || linked.contains(&k);
        let color = if on {
            pal.text
        } else {
            pal.muted.gamma_multiply(0.55)
        };
        ui2.painter()
            .rect_filled(rect, CornerRadius::same(4), pal.bg.gamma_multiply(0.9));
        let line_h = (rect.height() - 4.0) / lines.len().max(1) as f32;
        for (i, line) in lines.iter().enumerate() {
            ui2.painter().text(
                pos2(
                    rect.center().x,
                    rect.top() + 2.0 + line_h * (i as f32 + 0.5),
                ),
                egui::Align2::CENTER_CENTER,
                line,
                egui::FontId::new(size, theme::bold()),
                color,
            );
        }
        say(ui2, rect, &lines.join(" "));
    }
    if let (Some(at), Some(f)) = (at, focus.and_then(|f| net.actors.get(f))) {
        let panel =
            Rect::from_min_max(pos2(map_rect.right() + ty.body * 0.6, body.top()), body.max);
        let name = if at.pages > 1 {
            lang.tr(T::SlideRelationsPage)
                .replace("{name}", &f.name)
                .replace("{page}", &(at.page + 1).to_string())
                .replace("{pages}", &at.pages.to_string())
        } else {
            f.name.clone()
        };
        let mut top = panel.top();
        // A long name smaller rather than broken inside a word.
        let room_for_name = Rect::from_min_size(
            pos2(panel.left(), top),
            vec2(panel.width(), ty.body * 1.3 * 3.0),
        );
        let size = fit_size(ui, room_for_name, &name, ty.body, ty.small * 0.7, true);
        top += text_in(
            ui,
            Rect::from_min_max(pos2(panel.left(), top), panel.max),
            rich(name, size, pal.accent, true),
            Align::Min,
        );
        let mut role: Vec<String> = vec![lang.ring(f.ring).to_string()];
        if f.commissioner && f.party {
            role = vec![lang.tr(T::NetworkBothRoles).to_string()];
        } else if f.commissioner {
            role = vec![lang.tr(T::Commissioner).to_string()];
        }
        if f.connector {
            role.push(lang.tr(T::Connector).to_string());
        }
        top += text_in(
            ui,
            Rect::from_min_max(pos2(panel.left(), top), panel.max),
            rich(role.join(" · "), ty.small * 0.8, pal.muted, false),
            Align::Min,
        ) + ty.small * 0.4;
        let lines = relation_lines(net, at.actor, lang);
        if lines.is_empty() {
            text_in(
                ui,
                Rect::from_min_max(pos2(panel.left(), top), panel.max),
                rich(
                    lang.tr(T::SlideNoRelations),
                    ty.small * 0.8,
                    pal.muted,
                    false,
                ),
                Align::Min,
            );
        }
        let per_page = relations_per_page(screen);
        for line in lines.iter().skip(at.page * per_page).take(per_page) {
            top += text_in(
                ui,
                Rect::from_min_max(pos2(panel.left(), top), panel.max),
                rich(format!("•  {line}"), ty.small * 0.8, pal.text, false),
                Align::Min,
            ) + ty.small * 0.15;
        }
    }
}
