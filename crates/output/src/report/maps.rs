//! The strategy map and the network map drawn as vector graphics, each on
//! a landscape page, from the room projection's laid-out maps (the same
//! geometry the canvas in the app draws).

use crate::audience::{RoomArrow, RoomNetwork, RoomStrategy};
use crate::domain::{NodeKind, RelationKind, Ring};
use crate::geometry::Rect;
use crate::i18n::{Lang, T};
use crate::words::RoomWords;

use super::{ACCENT, INK, Layout, MARGIN_BOTTOM, MARGIN_X, MUTED, WARN, Weight};

use crate::tokens::print::{
    ARROW, COMMISSIONER_FILL, INITIATIVE_FILL, INNER_FILL, LABEL_FILL, LANE_FILL, OBJECTIVE_FILL,
    OUTER_FILL, RING_LINE,
};

/// The colour of a relation kind, as on the canvas.
pub fn relation_colour(kind: RelationKind) -> (f32, f32, f32) {
    let [r, g, b] = crate::tokens::relation_rgb(kind);
    (r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0)
}

/// Maps world coordinates into a box on the page.
struct Fit {
    scale: f32,
    ox: f32,
    oy: f32,
    bx: f32,
    by: f32,
}

impl Fit {
    fn new(bounds: &Rect, x: f32, y: f32, w: f32, h: f32) -> Fit {
        let scale = (w / bounds.width().max(1.0)).min(h / bounds.height().max(1.0));
        Fit {
            scale,
            ox: x + (w - bounds.width() * scale) / 2.0,
            oy: y,
            bx: bounds.min.x,
            by: bounds.min.y,
        }
    }

    fn pt(&self, p: crate::geometry::Pt) -> (f32, f32) {
        (
            self.ox + (p.x - self.bx) * self.scale,
            self.oy + (p.y - self.by) * self.scale,
        )
    }

    fn len(&self, l: f32) -> f32 {
        l * self.scale
    }
}

/// Lines of `text` that fit `width` and at most `max` lines, the last cut
/// with an ellipsis when more would follow.
fn lines_within(
    doc: &Layout,
    text: &str,
    weight: Weight,
    size: f32,
    width: f32,
    max: usize,
) -> Vec<String> {
    let mut lines = doc.wrap_with(text, weight, size, width, false);
    if lines.len() > max {
        lines.truncate(max);
        let last = lines.pop().unwrap_or_default();
        lines.push(doc.fit(&format!("{last}…"), weight, size, width));
    }
    lines
}

fn arrow(doc: &mut Layout, fit: &Fit, a: &RoomArrow, colour: (f32, f32, f32), thickness: f32) {
    doc.line(&[fit.pt(a.from), fit.pt(a.to)], thickness, colour);
    if let Some(head) = a.head {
        let points: Vec<(f32, f32)> = head.iter().map(|p| fit.pt(*p)).collect();
        doc.shape(&points, Some(colour), None);
    }
}

/// A dashed polyline: `dash` mm drawn, `gap` mm left, along its length.
fn dashed(
    doc: &mut Layout,
    points: &[(f32, f32)],
    thickness: f32,
    colour: (f32, f32, f32),
    dash: f32,
    gap: f32,
) {
    let mut piece: Vec<(f32, f32)> = Vec::new();
    // Where in the pattern the walk is: drawing, and how far to go.
    let (mut drawing, mut left) = (true, dash);
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        let mut at = 0.0;
        if drawing && piece.is_empty() {
            piece.push((x0, y0));
        }
        while len - at > left {
            at += left;
            let p = (x0 + (x1 - x0) * at / len, y0 + (y1 - y0) * at / len);
            if drawing {
                piece.push(p);
                doc.line(&piece, thickness, colour);
                piece.clear();
            } else {
                piece.push(p);
            }
            drawing = !drawing;
            left = if drawing { dash } else { gap };
        }
        left -= len - at;
        if drawing {
            piece.push((x1, y1));
        }
    }
    if drawing && piece.len() > 1 {
        doc.line(&piece, thickness, colour);
    }
}

/// Start a landscape page with a title, and return the drawing area
/// (x, y, w, h) in mm from the top left.
fn map_page(doc: &mut Layout, title: &str, subtitle: &str) -> (f32, f32, f32, f32) {
    doc.new_landscape_page();
    doc.heading(title, 15.0);
    if !subtitle.is_empty() {
        doc.paragraph_in(subtitle, Weight::Regular, 9.0, 0.0, MUTED);
    }
    doc.space(2.0);
    let (w, h) = doc.page_size();
    let top = doc.cursor();
    (
        MARGIN_X,
        top,
        w - 2.0 * MARGIN_X,
        h - MARGIN_BOTTOM - 8.0 - top,
    )
}

/// The strategy map: lanes, objectives and initiatives with their owners,
/// and the cause–effect arrows with their labels.
pub fn strategy(doc: &mut Layout, map: &RoomStrategy, lang: Lang) {
    let (x, y, w, h) = map_page(doc, lang.tr(T::NavStrategy), lang.tr(T::PdfStrategyHint));
    if map.nodes.is_empty() {
        doc.paragraph(lang.tr(T::PdfNoMap), Weight::Regular, 10.5, 0.0);
        return;
    }
    let fit = Fit::new(&map.bounds, x, y, w, h);
    for (i, lane) in map.lanes.iter().enumerate() {
        let (x0, y0) = fit.pt(lane.rect.min);
        let (x1, y1) = fit.pt(lane.rect.max);
        doc.rect(x0, y0, x1 - x0, y1 - y0, Some(LANE_FILL[i % 2]), None);
        let (lx1, _) = fit.pt(lane.label.max);
        doc.rect(x0, y0, lx1 - x0, y1 - y0, Some(LABEL_FILL), None);
        let size = 8.5;
        let lines = lines_within(doc, &lane.name, Weight::Bold, size, lx1 - x0 - 4.0, 3);
        let lead = Layout::leading(size);
        let mut ty = (y0 + y1) / 2.0 - lead * lines.len() as f32 / 2.0;
        for line in lines {
            doc.text_at(x0 + 2.0, ty, &line, Weight::Bold, size, INK);
            ty += lead;
        }
    }
    for a in &map.arrows {
        arrow(doc, &fit, a, ARROW, 0.9);
    }
    // One title size for every box: the largest at which all fit.
    let title_size = map
        .nodes
        .iter()
        .map(|node| {
            let (x0, y0) = fit.pt(node.rect.min);
            let (x1, y1) = fit.pt(node.rect.max);
            let owner_h = if node.owners.is_empty() {
                0.0
            } else {
                Layout::leading(6.5)
            };
            let mut size: f32 = 8.5;
            while size > 6.0 {
                let lines = doc.wrap_with(&node.title, Weight::Bold, size, x1 - x0 - 3.0, false);
                if lines.len() as f32 * Layout::leading(size) <= y1 - y0 - 2.0 - owner_h {
                    break;
                }
                size -= 0.5;
            }
            size
        })
        .fold(8.5f32, f32::min);
    for node in &map.nodes {
        let (x0, y0) = fit.pt(node.rect.min);
        let (x1, y1) = fit.pt(node.rect.max);
        let fill = match node.kind {
            NodeKind::Objective => OBJECTIVE_FILL,
            NodeKind::Initiative => INITIATIVE_FILL,
        };
        doc.rect(x0, y0, x1 - x0, y1 - y0, Some(fill), Some((ACCENT, 0.7)));
        let inner = x1 - x0 - 3.0;
        let owners = node.owners.join(", ");
        let owner_size = 6.5;
        let owner_h = if owners.is_empty() {
            0.0
        } else {
            Layout::leading(owner_size)
        };
        let size = title_size;
        let max = (((y1 - y0 - 2.0 - owner_h) / Layout::leading(size)).floor() as usize).max(1);
        let lines = lines_within(doc, &node.title, Weight::Bold, size, inner, max);
        let lead = Layout::leading(size);
        let mut ty = y0 + 1.2;
        for line in lines {
            doc.text_at(x0 + 1.5, ty, &line, Weight::Bold, size, INK);
            ty += lead;
        }
        if !owners.is_empty() {
            let line = doc.fit(&owners, Weight::Regular, owner_size, inner);
            doc.text_at(
                x0 + 1.5,
                y1 - owner_h - 0.6,
                &line,
                Weight::Regular,
                owner_size,
                MUTED,
            );
        }
    }
    // Arrow labels last, on a white ground, so lines do not cross them.
    for a in map.arrows.iter().filter(|a| !a.label.is_empty()) {
        let size = 6.5;
        let text = doc.fit(&a.label, Weight::Regular, size, fit.len(240.0));
        let tw = doc.measure(&text, Weight::Regular, size);
        let th = Layout::leading(size);
        let (cx, cy) = fit.pt(a.label_at);
        doc.rect(
            cx - tw / 2.0 - 0.8,
            cy - th / 2.0,
            tw + 1.6,
            th,
            Some((1.0, 1.0, 1.0)),
            None,
        );
        doc.text_at(
            cx - tw / 2.0,
            cy - th / 2.0 + 0.3,
            &text,
            Weight::Regular,
            size,
            ARROW,
        );
    }
    legend(
        doc,
        &[
            (OBJECTIVE_FILL, lang.tr(T::Objective)),
            (INITIATIVE_FILL, lang.tr(T::Initiative)),
        ],
        true,
        MARGIN_X,
    );
}

/// A one-line legend at the foot of a map page: filled squares or short
/// coloured lines, each with its name.
fn legend(doc: &mut Layout, entries: &[((f32, f32, f32), &str)], boxes: bool, x: f32) -> f32 {
    legend_at(doc, entries, boxes, x, 7.5)
}

/// How wide [`legend_at`] writes `entries` at `size` points.
fn legend_width(doc: &Layout, entries: &[((f32, f32, f32), &str)], size: f32) -> f32 {
    entries
        .iter()
        .map(|(_, name)| 6.5 + doc.measure(name, Weight::Regular, size) + 6.0)
        .sum()
}

fn legend_at(
    doc: &mut Layout,
    entries: &[((f32, f32, f32), &str)],
    boxes: bool,
    x: f32,
    size: f32,
) -> f32 {
    let (_, h) = doc.page_size();
    let top = h - MARGIN_BOTTOM - 4.0;
    let mut x = x;
    for (colour, name) in entries {
        if boxes {
            doc.rect(x, top + 0.3, 3.2, 2.4, Some(*colour), Some((ACCENT, 0.5)));
        } else {
            doc.line(&[(x, top + 1.5), (x + 5.0, top + 1.5)], 1.6, *colour);
        }
        x += 6.5;
        doc.text_at(x, top, name, Weight::Regular, size, INK);
        x += doc.measure(name, Weight::Regular, size) + 6.0;
    }
    x
}

/// The strategy map and the network map as a document of their own (an
/// alliance without a meeting yet has no pack to carry them); `None` when
/// both are empty.
pub fn document(room: &crate::audience::RoomView, lang: Lang) -> Option<Vec<u8>> {
    let (strategy_drawn, network_drawn) = (
        !room.strategy.nodes.is_empty(),
        room.network.actors.iter().any(|x| x.party),
    );
    if !strategy_drawn && !network_drawn {
        return None;
    }
    let title = lang.tr(T::PdfMaps);
    let mut doc = Layout::new(super::DocInfo {
        title: format!("{title} — {}", room.name),
        author: room.name.clone(),
        subject: title.to_string(),
        lang,
        header: format!("{} · {title}", room.name),
        footer: format!("{} · {title}", room.name),
    });
    if strategy_drawn {
        strategy(&mut doc, &room.strategy, lang);
    }
    if network_drawn {
        network(&mut doc, &room.network, lang);
    }
    if !room.network.dependencies.is_empty() {
        reliance(&mut doc, &room.network, lang);
    }
    Some(doc.finish())
}

/// The network map: the parties and the commissioner, sized by how much
/// they connect others, and their relations coloured by kind.
pub fn network(doc: &mut Layout, net: &RoomNetwork, lang: Lang) {
    network_page(doc, net, lang, false);
}

/// Who counts on whom, on the network map's circles: the dashed arrows
/// alone, on a page of their own (over the relations they would be hard
/// to tell apart).
pub fn reliance(doc: &mut Layout, net: &RoomNetwork, lang: Lang) {
    network_page(doc, net, lang, true);
}

/// The network map's page: its relations, or (`dependencies`) who counts
/// on whom.
///
/// Long for a reason: the printed network map, drawn in the order a page
/// is painted (rings, lines, circles, names, the key of numbered names).
fn network_page(doc: &mut Layout, net: &RoomNetwork, lang: Lang, dependencies: bool) {
    let (title, hint) = if dependencies {
        (T::PdfRelianceHeading, T::PdfRelianceIntro)
    } else {
        (T::NavNetwork, T::PdfNetworkHint)
    };
    // The connectors named in words above the map, whatever room their
    // names find on it.
    let mut subtitle = lang.tr(hint).to_string();
    if let Some(line) = lang.connectors(net).filter(|_| !dependencies) {
        subtitle.push('\n');
        subtitle.push_str(&line);
    }
    let (x, y, w, h) = map_page(doc, lang.tr(title), &subtitle);
    if net.actors.is_empty() {
        doc.paragraph(lang.tr(T::PdfNoMap), Weight::Regular, 10.5, 0.0);
        return;
    }
    // Room below each circle for its name.
    let name_room = 9.0;
    // Fit the actors themselves (and the rings when drawn), not the
    // canvas's roomy bounds, so the drawing fills the page.
    let mut bounds = net.actors_bounds();
    if let Some((c, _, outer)) = net.rings {
        bounds = bounds.union(&Rect::from_center(c, 2.0 * outer, 2.0 * outer));
    }
    // Names are written beside the circles' width: leave room at the sides.
    let pad = bounds.width().max(bounds.height()) * 0.06;
    bounds.min.x -= pad;
    bounds.max.x += pad;
    let fit = Fit::new(&bounds, x, y, w, h - name_room);
    if let Some((c, inner, outer)) = net.rings {
        let (cx, cy) = fit.pt(c);
        for r in [inner, outer] {
            doc.circle(cx, cy, fit.len(r), None, Some((RING_LINE, 0.5)));
        }
    }
    for r in net.relations.iter().filter(|_| !dependencies) {
        let kind = r.kind.unwrap_or_default();
        let thickness = 0.5 + 0.55 * r.strength.clamp(1, 3) as f32;
        arrow(doc, &fit, r, relation_colour(kind), thickness);
    }
    // Who counts on whom: dashed, along routes that pass no other circle.
    let routes = if dependencies {
        net.dependency_routes()
    } else {
        Vec::new()
    };
    for d in &routes {
        let points: Vec<(f32, f32)> = d.route.iter().map(|p| fit.pt(*p)).collect();
        dashed(doc, &points, 0.9, WARN, 2.2, 1.3);
        let head: Vec<(f32, f32)> = d.head.iter().map(|p| fit.pt(*p)).collect();
        doc.shape(&head, Some(WARN), None);
    }
    let size = 7.0;
    let lead = Layout::leading(size);
    // A circle without room for its name gets a number, which may be
    // wider than the circle: names keep clear of that too.
    let number = doc.measure(&net.actors.len().to_string(), Weight::Bold, size) / 2.0;
    for actor in &net.actors {
        let (cx, cy) = fit.pt(actor.center);
        let r = fit.len(actor.radius);
        // The fills tell the rings apart only where the rings are drawn.
        let fill = if actor.commissioner {
            COMMISSIONER_FILL
        } else if actor.ring == Ring::Inner && net.rings.is_some() {
            INNER_FILL
        } else {
            OUTER_FILL
        };
        let outline = if actor.connector { 1.6 } else { 0.8 };
        doc.circle(cx, cy, r, Some(fill), Some((ACCENT, outline)));
        if actor.commissioner && actor.party {
            // Both roles: a ring for the party the commissioner also is.
            doc.circle(cx, cy, r + 1.2, None, Some((ACCENT, 0.6)));
        }
    }
    // Names last, each on a white ground so no line runs through it, and
    // none over another name or a circle: a name that finds no room is
    // shortened, and else numbered, with the numbers named below the map.
    let labels = crate::labels::room_labels(
        net,
        &[],
        |actor| {
            let (cx, cy) = fit.pt(actor.center);
            (
                crate::geometry::Pt::new(cx, cy),
                fit.len(actor.radius).max(number) + 1.2,
            )
        },
        |lines| {
            let w = lines
                .iter()
                .map(|l| doc.measure(l, Weight::Bold, size))
                .fold(0.0, f32::max);
            (w + 1.6, lead * lines.len() as f32 + 0.4)
        },
    );
    let middle = net
        .rings
        .map(|(c, _, _)| c)
        .unwrap_or_else(|| net.actors_bounds().center());
    let (mx, my) = fit.pt(middle);
    // On the drawing area of the page.
    let spots = crate::labels::place_labels(
        &labels.asks,
        &labels.order,
        crate::labels::LabelRoom {
            within: Some(Rect {
                min: crate::geometry::Pt::new(x, y),
                max: crate::geometry::Pt::new(x + w, y + h),
            }),
            middle: crate::geometry::Pt::new(mx, my),
            outward: net.rings.is_some(),
            pad: 0.8,
            avoid: &[],
            must: &labels.must,
        },
    );
    let mut key: Vec<(usize, &str)> = Vec::new();
    // Numbered in the order the slides walk the map: round each ring from
    // the top, so number follows number on the page.
    for k in net.tour() {
        let actor = &net.actors[k];
        let Some(spot) = spots[k] else {
            // No room: a number in the circle, named after the map.
            let n = key.len() + 1;
            key.push((n, actor.name.as_str()));
            let (cx, cy) = fit.pt(actor.center);
            let label = n.to_string();
            let tw = doc.measure(&label, Weight::Bold, size);
            doc.text_at(
                cx - tw / 2.0,
                cy - lead / 2.0,
                &label,
                Weight::Bold,
                size,
                INK,
            );
            continue;
        };
        let Some(lines) = labels.forms[k].get(spot.form) else {
            continue;
        };
        let r = spot.rect;
        doc.rect(
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            Some((1.0, 1.0, 1.0)),
            None,
        );
        let mut ty = r.min.y + 0.2;
        for line in lines {
            let tw = doc.measure(line, Weight::Bold, size);
            doc.text_at(r.center().x - tw / 2.0, ty, line, Weight::Bold, size, INK);
            ty += lead;
        }
    }
    let mut kinds: Vec<((f32, f32, f32), &str)> = RelationKind::ALL
        .iter()
        .filter(|k| !dependencies && net.relations.iter().any(|r| r.kind == Some(**k)))
        .map(|k| (relation_colour(*k), lang.relation_kind(*k)))
        .collect();
    if !routes.is_empty() {
        kinds.push((WARN, lang.tr(T::RelianceCounts)));
    }
    // What the fills mean: only what is drawn. The rings and their fills
    // when the rings are drawn, else one fill for every party.
    let mut fills: Vec<((f32, f32, f32), &str)> = Vec::new();
    let rings: Vec<((f32, f32, f32), &str)> = match net.rings {
        Some(_) => vec![(RING_LINE, lang.tr(T::LegendRings))],
        None => Vec::new(),
    };
    let parties = net.actors.iter().filter(|a| !a.commissioner);
    if net.rings.is_some() {
        let inner = net
            .actors
            .iter()
            .any(|a| !a.commissioner && a.ring == Ring::Inner);
        if inner {
            fills.push((INNER_FILL, lang.ring(Ring::Inner)));
        }
        if parties.clone().any(|a| a.ring != Ring::Inner) {
            fills.push((OUTER_FILL, lang.ring(Ring::Outer)));
        }
    } else if parties.clone().next().is_some() {
        fills.push((OUTER_FILL, lang.tr(T::LegendParty)));
    }
    if net.actors.iter().any(|a| a.commissioner) {
        fills.push((COMMISSIONER_FILL, lang.tr(T::LegendCommissioner)));
    }
    // On one line inside the margins: smaller type when the kinds of
    // relation, the rings and the fills together are wider than the page.
    let (page_w, _) = doc.page_size();
    let room = page_w - 2.0 * MARGIN_X;
    let wide = |size: f32| {
        legend_width(doc, &kinds, size)
            + legend_width(doc, &rings, size)
            + legend_width(doc, &fills, size)
            + 8.0
    };
    let mut size = 7.5;
    while wide(size) > room && size > 5.0 {
        size -= 0.25;
    }
    let mut end = legend_at(doc, &kinds, false, MARGIN_X, size);
    if !rings.is_empty() {
        end = legend_at(doc, &rings, false, end + 4.0, size);
    }
    legend_at(doc, &fills, true, end + 4.0, size);
    if !key.is_empty() {
        // The numbered names, three to a row, on a page of their own.
        doc.new_page();
        doc.heading(lang.tr(T::PdfNetworkKey), 13.0);
        let rows: Vec<Vec<String>> = key
            .chunks(3)
            .map(|row| {
                let mut cells: Vec<String> = row
                    .iter()
                    .flat_map(|(n, name)| [n.to_string(), (*name).to_string()])
                    .collect();
                cells.resize(6, String::new());
                cells
            })
            .collect();
        let name = lang.tr(T::Name);
        doc.table(
            &[0.06, 0.273, 0.06, 0.273, 0.06, 0.274],
            &["", name, "", name, "", name],
            &rows,
            8.0,
        );
    }
}
