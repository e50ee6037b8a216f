//! Painting the network map: rings, relations, bundles between groups,
//! group circles, dependencies, names and actors.

use super::*;

/// The rings and the lines between the groups' sectors; the rings' names
/// and where they go (written later, with the parties' names).
pub(super) fn paint_rings(
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
pub(super) struct Focus<'a> {
    pub(super) selected: Option<Actor>,
    pub(super) searching: bool,
    pub(super) found: &'a std::collections::HashSet<Actor>,
}

/// The arrows of the relations in view, set back when they do not touch
/// the focus or the search.
pub(super) fn paint_relations(
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
pub(super) fn paint_bundles(
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
pub(super) struct GroupNames {
    pub(super) clicked: Option<usize>,
    pub(super) boxes: Vec<geometry::Rect>,
}

/// The collapsed groups: a large circle each where its parties sit with
/// their number in it, and its name ("Partij 56 e.a.") beside it at the
/// names' size whatever the zoom, placed clear of the other groups and
/// their names; a click opens it.
pub(super) fn paint_clusters(
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
pub(super) fn paint_dependencies(
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
pub(super) fn paint_names(
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
pub(super) struct ActorMarks {
    /// One of the connectors.
    pub(super) connector: bool,
    /// The focus.
    pub(super) selected: bool,
    /// Found by the search.
    pub(super) found: bool,
    /// Shown as usual (else set back).
    pub(super) on: bool,
}

/// An actor's circle (and the ring of a commissioner that is a party too),
/// its accessible name and its tooltip.
pub(super) fn paint_actor(
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
pub(super) fn related_to(
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
