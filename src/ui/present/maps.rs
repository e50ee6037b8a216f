//! The map slides: the strategy map (whole, then lane by lane) and the
//! network map (whole, then party by party), with pan and zoom.

use super::*;

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

#[allow(clippy::too_many_arguments)]
pub(super) fn strategy(
    ui: &mut Ui,
    body: Rect,
    lang: Lang,
    room: &RoomView,
    pal: &Palette,
    ty: Type,
    step: usize,
    state: &mut PresentState,
) {
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
            (26.0 * view.scale).max(13.0),
            12.0,
            dim(pal.text, on),
            true,
            true,
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
pub(super) fn network(
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
    // Who the focused actor is related to, found once (not a search of
    // every relation for every actor).
    let linked: std::collections::HashSet<&str> = match focus {
        Some(f) => net
            .relations
            .iter()
            .filter(|r| involved(r))
            .flat_map(|r| [r.from_name.as_str(), r.to_name.as_str()])
            .chain([f.name.as_str()])
            .collect(),
        None => Default::default(),
    };
    for a in &net.actors {
        let on = focus.is_none() || linked.contains(a.name.as_str());
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
