//! The geometry of the two maps, shared by the canvas in the app and the
//! drawings in PDF documents: lane bands, node boxes, arrow routes, and the
//! places of actors on the network map. Plain numbers, no egui.
//!
//! Coordinates are map units, y grows downwards (as on screen); the PDF
//! renderer flips them.

use crate::domain::network::{close_groups, communities};
use crate::domain::strategy::{betweenness, degree};
use crate::domain::{Actor, Alliance, FastMap, Id, Placement, Relation, Ring};

#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Pt {
    pub x: f32,
    pub y: f32,
}

impl Pt {
    pub const fn new(x: f32, y: f32) -> Pt {
        Pt { x, y }
    }
}

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Rect {
    pub min: Pt,
    pub max: Pt,
}

impl Rect {
    pub fn from_center(c: Pt, w: f32, h: f32) -> Rect {
        Rect {
            min: Pt::new(c.x - w / 2.0, c.y - h / 2.0),
            max: Pt::new(c.x + w / 2.0, c.y + h / 2.0),
        }
    }

    pub fn center(&self) -> Pt {
        Pt::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn contains(&self, p: Pt) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            min: Pt::new(self.min.x.min(o.min.x), self.min.y.min(o.min.y)),
            max: Pt::new(self.max.x.max(o.max.x), self.max.y.max(o.max.y)),
        }
    }

    /// Where the ray from the centre towards `towards` leaves the box.
    pub fn exit_towards(&self, towards: Pt) -> Pt {
        let c = self.center();
        let (dx, dy) = (towards.x - c.x, towards.y - c.y);
        if dx == 0.0 && dy == 0.0 {
            return c;
        }
        let tx = if dx != 0.0 {
            (self.width() / 2.0) / dx.abs()
        } else {
            f32::INFINITY
        };
        let ty = if dy != 0.0 {
            (self.height() / 2.0) / dy.abs()
        } else {
            f32::INFINITY
        };
        let t = tx.min(ty).min(1.0);
        Pt::new(c.x + dx * t, c.y + dy * t)
    }
}

/// Size of a node box on the strategy map.
pub const NODE_W: f32 = 260.0;
pub const NODE_H: f32 = 124.0;
/// Height of a lane.
pub const LANE_H: f32 = 220.0;
/// Width of the column with the lane names, left of x = 0.
pub const LANE_LABEL_W: f32 = 200.0;
/// The least width of the map.
pub const MIN_MAP_W: f32 = 1300.0;
/// Length and half-width of an arrow head.
pub const HEAD_LEN: f32 = 14.0;
pub const HEAD_HALF: f32 = 7.0;

#[derive(Clone, Debug, PartialEq)]
pub struct LaneBand {
    pub lane: Id,
    /// The whole band, name column included.
    pub rect: Rect,
    /// The name column.
    pub label: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NodeGeom {
    pub node: Id,
    pub rect: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArrowGeom {
    /// The link (strategy map) or relation (network map).
    pub id: Id,
    /// Where the line starts (on the cause's border) and ends (on the
    /// effect's border, at the tip of the head).
    pub from: Pt,
    pub to: Pt,
    /// The arrow head: tip, and the two back corners. `None` for an
    /// undirected relation.
    pub head: Option<[Pt; 3]>,
    pub label_at: Pt,
}

/// The strategy map laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct StrategyGeometry {
    pub bounds: Rect,
    /// Top lane first.
    pub lanes: Vec<LaneBand>,
    pub nodes: Vec<NodeGeom>,
    pub arrows: Vec<ArrowGeom>,
}

impl StrategyGeometry {
    /// The lane whose band holds height `y`, or the nearest one.
    pub fn lane_at(&self, y: f32) -> Option<Id> {
        self.lanes
            .iter()
            .min_by(|a, b| {
                let da = (a.rect.center().y - y).abs();
                let db = (b.rect.center().y - y).abs();
                da.total_cmp(&db)
            })
            .map(|l| l.lane)
    }

    pub fn node(&self, id: Id) -> Option<&NodeGeom> {
        self.nodes.iter().find(|n| n.node == id)
    }

    /// The topmost node under a point.
    pub fn node_at(&self, p: Pt) -> Option<Id> {
        self.nodes
            .iter()
            .rev()
            .find(|n| n.rect.contains(p))
            .map(|n| n.node)
    }
}

fn head(from: Pt, tip: Pt) -> [Pt; 3] {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-3);
    let (ux, uy) = (dx / len, dy / len);
    let back = Pt::new(tip.x - ux * HEAD_LEN, tip.y - uy * HEAD_LEN);
    [
        tip,
        Pt::new(back.x - uy * HEAD_HALF, back.y + ux * HEAD_HALF),
        Pt::new(back.x + uy * HEAD_HALF, back.y - ux * HEAD_HALF),
    ]
}

/// An arrow between two boxes, from border to border.
pub fn arrow_between(id: Id, from: &Rect, to: &Rect, directed: bool) -> ArrowGeom {
    let start = from.exit_towards(to.center());
    let end = to.exit_towards(from.center());
    ArrowGeom {
        id,
        from: start,
        to: end,
        head: directed.then(|| head(start, end)),
        label_at: Pt::new((start.x + end.x) / 2.0, (start.y + end.y) / 2.0),
    }
}

/// A circle on a map: its centre and radius.
pub type Circle = (Pt, f32);

/// The distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: Pt, a: Pt, b: Pt) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 <= f32::EPSILON {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    let (qx, qy) = (a.x + t * dx, a.y + t * dy);
    ((p.x - qx).powi(2) + (p.y - qy).powi(2)).sqrt()
}

/// How close a polyline comes to the edge of the nearest of `others`
/// (negative: it runs through one).
pub fn clearance(route: &[Pt], others: &[Circle]) -> f32 {
    let mut least = f32::INFINITY;
    for w in route.windows(2) {
        for (c, r) in others {
            least = least.min(distance_to_segment(*c, w[0], w[1]) - r);
        }
    }
    least
}

/// A route in two straight legs through one point of a grid over the
/// map, the shortest that keeps `gap` from every other circle: for the
/// rare pair no curve gets around (the far side of a crowded ring).
fn two_legs(from: Circle, to: Circle, others: &[Circle], gap: f32) -> Option<Vec<Pt>> {
    let all = others.iter().chain([&from, &to]);
    let (mut lo, mut hi) = (from.0, from.0);
    for (c, r) in all {
        lo = Pt::new(lo.x.min(c.x - r), lo.y.min(c.y - r));
        hi = Pt::new(hi.x.max(c.x + r), hi.y.max(c.y + r));
    }
    const N: usize = 24;
    let edge = |(c, r): Circle, towards: Pt| {
        let (x, y) = (towards.x - c.x, towards.y - c.y);
        let l = (x * x + y * y).sqrt().max(1e-3);
        Pt::new(c.x + x / l * r, c.y + y / l * r)
    };
    let mut best: Option<(f32, Vec<Pt>)> = None;
    for i in 0..=N {
        for j in 0..=N {
            let w = Pt::new(
                lo.x + (hi.x - lo.x) * i as f32 / N as f32,
                lo.y + (hi.y - lo.y) * j as f32 / N as f32,
            );
            let inside = |(c, r): Circle| (w.x - c.x).powi(2) + (w.y - c.y).powi(2) <= r * r;
            if inside(from) || inside(to) {
                continue;
            }
            let route = vec![edge(from, w), w, edge(to, w)];
            let length = distance_to_segment(route[0], route[1], route[1])
                + distance_to_segment(route[1], route[2], route[2]);
            if best.as_ref().is_some_and(|(l, _)| *l <= length) || !clears(&route, others, gap) {
                continue;
            }
            best = Some((length, route));
        }
    }
    best.map(|(_, r)| r)
}

/// Whether a polyline keeps `gap` from the edge of every circle of
/// `others` (stops at the first it does not).
fn clears(route: &[Pt], others: &[Circle], gap: f32) -> bool {
    route.windows(2).all(|w| {
        others
            .iter()
            .all(|(c, r)| distance_to_segment(*c, w[0], w[1]) - r >= gap)
    })
}

/// A route from one circle to another that passes through no other
/// circle: straight when it can, else bent to one side (the least bend
/// that keeps `gap` from every other circle), else swung wide around the
/// map's `middle` (out past the rings, or in through the middle), as a
/// polyline from edge to edge, with the arrow's head at its end. Where no
/// route clears every circle, the one that comes least close.
///
/// Long for a reason: one search, candidates tried in order of how little
/// they bend; the helpers are closures over the two ends.
pub fn route_between(
    from: Circle,
    to: Circle,
    others: &[Circle],
    gap: f32,
    middle: Pt,
) -> (Vec<Pt>, [Pt; 3]) {
    let ((a, _), (b, _)) = (from, to);
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-3);
    let (nx, ny) = (-dy / len, dx / len);
    // A cubic curve from `a` to `b` through two control points, trimmed to
    // run from the edge of the first circle to the edge of the second.
    let curve = |c1: Pt, c2: Pt, steps: usize| -> Vec<Pt> {
        let at = |t: f32| {
            let u = 1.0 - t;
            let (k0, k1, k2, k3) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            Pt::new(
                k0 * a.x + k1 * c1.x + k2 * c2.x + k3 * b.x,
                k0 * a.y + k1 * c1.y + k2 * c2.y + k3 * b.y,
            )
        };
        let inside = |t: f32, (o, r): Circle| {
            let p = at(t);
            (p.x - o.x).powi(2) + (p.y - o.y).powi(2) <= r * r
        };
        // Where it leaves the first circle and meets the second, found by
        // halving.
        let edge = |mut lo: f32, mut hi: f32, circle: Circle, leaving: bool| {
            for _ in 0..20 {
                let mid = (lo + hi) / 2.0;
                if inside(mid, circle) == leaving {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            (lo + hi) / 2.0
        };
        let t0 = edge(0.0, 0.5, from, true);
        let t1 = edge(0.5, 1.0, to, false);
        if t1 <= t0 {
            return vec![a, b];
        }
        (0..=steps)
            .map(|i| at(t0 + (t1 - t0) * i as f32 / steps as f32))
            .collect()
    };
    // A bend to one side: a quadratic curve (as a cubic), strongest at
    // `along`.
    let bent = |bend: f32, along: f32| {
        let c = Pt::new(
            a.x + dx * along + nx * bend * len,
            a.y + dy * along + ny * bend * len,
        );
        let c1 = Pt::new(a.x + (c.x - a.x) * 2.0 / 3.0, a.y + (c.y - a.y) * 2.0 / 3.0);
        let c2 = Pt::new(b.x + (c.x - b.x) * 2.0 / 3.0, b.y + (c.y - b.y) * 2.0 / 3.0);
        curve(c1, c2, 24)
    };
    // Swung wide: leaving each end straight away from the middle (out
    // past the rings) or towards it (in through the middle).
    let unit = |p: Pt| {
        let (x, y) = (p.x - middle.x, p.y - middle.y);
        let l = (x * x + y * y).sqrt().max(1e-3);
        (x / l, y / l)
    };
    let ((ax, ay), (bx, by)) = (unit(a), unit(b));
    let wide = |reach_a: f32, reach_b: f32| {
        let (ka, kb) = (reach_a * len, reach_b * len);
        curve(
            Pt::new(a.x + ax * ka, a.y + ay * ka),
            Pt::new(b.x + bx * kb, b.y + by * kb),
            40,
        )
    };
    let straight = curve(a, b, 1);
    if clears(&straight, others, gap) {
        let tip = straight[straight.len() - 1];
        let head = head(straight[0], tip);
        return (straight, head);
    }
    let candidates = || {
        [
            0.08f32, 0.12, 0.16, 0.2, 0.25, 0.3, 0.36, 0.42, 0.5, 0.6, 0.7, 0.85,
        ]
        .into_iter()
        .flat_map(|bend| {
            [0.5f32, 0.3, 0.7]
                .into_iter()
                .flat_map(move |along| [(bend, along), (-bend, along)])
        })
        .map(|(bend, along)| bent(bend, along))
        .chain(
            [0.2f32, 0.35, 0.5, 0.75, 1.0, -0.2, -0.35, -0.5]
                .into_iter()
                .flat_map(|k| [(k, k), (k, -k * 0.5), (-k * 0.5, k)])
                .map(move |(ka, kb)| wide(ka, kb)),
        )
    };
    // The first that keeps clear; else (rarely) the one that comes least
    // close, measured only then.
    let best = candidates()
        .find(|r| clears(r, others, gap))
        .or_else(|| candidates().find(|r| clears(r, others, gap * 0.1)))
        .or_else(|| two_legs(from, to, others, gap * 0.1))
        .or_else(|| {
            candidates()
                .map(|r| (clearance(&r, others), r))
                .max_by(|x, y| x.0.total_cmp(&y.0))
                .map(|(_, r)| r)
        });
    let route = best.unwrap_or_else(|| vec![a, b]);
    let tip = route[route.len() - 1];
    let before = route[route.len().saturating_sub(3).min(route.len() - 2)];
    (route, head(before, tip))
}

/// Lay out the strategy map of an alliance.
pub fn strategy(a: &Alliance) -> StrategyGeometry {
    let lanes_up = a.lanes_bottom_up();
    let n = lanes_up.len();
    let right = a
        .map_nodes
        .iter()
        .map(|node| node.x + NODE_W / 2.0 + 40.0)
        .fold(MIN_MAP_W, f32::max);
    let lanes: Vec<LaneBand> = lanes_up
        .iter()
        .rev()
        .enumerate()
        .map(|(k, lane)| {
            let top = k as f32 * LANE_H;
            LaneBand {
                lane: lane.id,
                rect: Rect {
                    min: Pt::new(-LANE_LABEL_W, top),
                    max: Pt::new(right, top + LANE_H),
                },
                label: Rect {
                    min: Pt::new(-LANE_LABEL_W, top),
                    max: Pt::new(0.0, top + LANE_H),
                },
            }
        })
        .collect();
    let center_of = |lane: Id| {
        lanes
            .iter()
            .find(|l| l.lane == lane)
            .map(|l| l.rect.center().y)
            .unwrap_or(LANE_H / 2.0)
    };
    let nodes: Vec<NodeGeom> = a
        .map_nodes
        .iter()
        .map(|node| NodeGeom {
            node: node.id,
            rect: Rect::from_center(
                Pt::new(node.x, center_of(node.lane) + node.dy),
                NODE_W,
                NODE_H,
            ),
        })
        .collect();
    let rects: FastMap<Id, Rect> = nodes.iter().map(|g| (g.node, g.rect)).collect();
    let rect_of = |id: Id| rects.get(&id).copied();
    let arrows = a
        .map_links
        .iter()
        .filter_map(|l| {
            Some(arrow_between(
                l.id,
                &rect_of(l.from)?,
                &rect_of(l.to)?,
                true,
            ))
        })
        .collect();
    let mut bounds = Rect {
        min: Pt::new(-LANE_LABEL_W, 0.0),
        max: Pt::new(right, (n.max(1)) as f32 * LANE_H),
    };
    for g in &nodes {
        bounds = bounds.union(&g.rect);
    }
    StrategyGeometry {
        bounds,
        lanes,
        nodes,
        arrows,
    }
}

/// How the network map is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NetLayout {
    /// Where the facilitator put each actor.
    #[default]
    Free,
    /// An inner and an outer ring around the commissioner (seed 003).
    Rings,
}

/// The least radii of the two rings; with many actors they grow so that
/// no two circles overlap.
pub const INNER_R: f32 = 250.0;
pub const OUTER_R: f32 = 470.0;
/// Radius of an actor's circle, without and with the most betweenness.
pub const ACTOR_R: f32 = 34.0;
pub const ACTOR_R_MAX: f32 = 62.0;
/// Room between two circles side by side on a ring.
pub const CIRCLE_GAP: f32 = 30.0;
/// Room between two groups' sectors, on each ring.
pub const SECTOR_GAP: f32 = 120.0;

#[derive(Clone, Debug, PartialEq)]
pub struct ActorGeom {
    pub actor: Actor,
    pub center: Pt,
    pub radius: f32,
    /// The ring the actor is in (set by hand or suggested).
    pub ring: Ring,
    /// Betweenness centrality, 0..=1.
    pub betweenness: f32,
    /// How many others it has a relation with.
    pub degree: usize,
    /// The group of parties that work closely together it belongs to
    /// (see [`crate::domain::network::communities`]); `None` for the
    /// actor in the middle and for those without relations.
    pub group: Option<usize>,
    /// It plays the commissioner: the commissioner itself, or the party
    /// the commissioner also is (then one actor with both roles).
    pub commissioner: bool,
    /// The closer group inside its group (Louvain at resolution 1, see
    /// [`crate::domain::network::close_groups`]): what can be collapsed
    /// into one node on a large map; `None` where `group` is.
    pub cluster: Option<usize>,
}

/// The stretch of the rings a group of parties has: angles in radians,
/// clockwise from the top (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sector {
    pub group: usize,
    pub from: f32,
    pub to: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetworkGeometry {
    pub bounds: Rect,
    pub actors: Vec<ActorGeom>,
    pub relations: Vec<ArrowGeom>,
    /// Centre and radii of the rings, when drawn.
    pub rings: Option<(Pt, f32, f32)>,
    /// The groups' sectors, in order around the rings (ring layout).
    pub sectors: Vec<Sector>,
    /// The connectors: at most three actors with betweenness above zero,
    /// the highest first (the commissioner on its own aside).
    pub connectors: Vec<Actor>,
    /// The party the commissioner also is, drawn as one actor.
    pub commissioner_party: Option<Actor>,
}

impl NetworkGeometry {
    /// The actor drawn for `actor`: the commissioner who is also a party
    /// is drawn as that party.
    pub fn node_of(&self, actor: Actor) -> Actor {
        match (actor, self.commissioner_party) {
            (Actor::Commissioner, Some(p)) => p,
            _ => actor,
        }
    }

    pub fn actor(&self, actor: Actor) -> Option<&ActorGeom> {
        let actor = self.node_of(actor);
        self.actors.iter().find(|g| g.actor == actor)
    }

    /// The topmost actor whose circle holds `p`.
    pub fn actor_at(&self, p: Pt) -> Option<Actor> {
        self.actors
            .iter()
            .rev()
            .find(|g| {
                let (dx, dy) = (p.x - g.center.x, p.y - g.center.y);
                dx * dx + dy * dy <= g.radius * g.radius
            })
            .map(|g| g.actor)
    }
}

/// The actors of the network map as drawn: the commissioner who is also
/// a party is that party's actor, and relations to and from it run to that
/// actor (a relation between its two roles is no line at all).
struct Net<'a> {
    actors: Vec<Actor>,
    relations: std::borrow::Cow<'a, [Relation]>,
    /// The actor in the middle of the rings.
    centre: Actor,
    merged: Option<Actor>,
}

impl<'a> Net<'a> {
    fn of(a: &Alliance, relations: &'a [Relation]) -> Net<'a> {
        let merged = a.commissioner_party().map(Actor::Party);
        let Some(party) = merged else {
            return Net {
                actors: a.actors(),
                relations: relations.into(),
                centre: Actor::Commissioner,
                merged: None,
            };
        };
        let touches = |r: &Relation| r.from == Actor::Commissioner || r.to == Actor::Commissioner;
        let relations = if relations.iter().any(touches) {
            relations
                .iter()
                .map(|r| Relation {
                    from: a.network_actor(r.from),
                    to: a.network_actor(r.to),
                    ..r.clone()
                })
                .filter(|r| r.from != r.to)
                .collect::<Vec<_>>()
                .into()
        } else {
            relations.into()
        };
        Net {
            actors: a.network_actors(),
            relations,
            centre: party,
            merged,
        }
    }
}

/// The ring each party is in: set by hand, or suggested from how connected
/// it is (at least as connected as the median party: inner ring).
pub fn rings(a: &Alliance) -> Vec<(Actor, Ring)> {
    let net = Net::of(a, &a.relations);
    let degrees = degree(&net.actors, &net.relations);
    rings_of(
        &net.actors,
        &net.relations,
        &degrees,
        &placed(a, net.merged),
    )
}

/// Each actor's hand-set place, found once (not a search per actor). The
/// party the commissioner also is takes the commissioner's place when it
/// has none of its own.
fn placed(a: &Alliance, merged: Option<Actor>) -> FastMap<Actor, &Placement> {
    let mut out = FastMap::default();
    for p in &a.placements {
        out.entry(p.actor).or_insert(p);
    }
    if let (Some(party), Some(p)) = (merged, out.get(&Actor::Commissioner).copied()) {
        out.entry(party).or_insert(p);
    }
    out
}

/// [`rings`], counting only these relations. Of the parties whose ring is
/// not set by hand, the better connected half is suggested for the inner
/// ring: ranked by how many others they are related to, then by the
/// strength of their relations, then in register order (so that ties do
/// not crowd one ring). A party without relations is in the outer ring.
fn rings_of(
    actors: &[Actor],
    relations: &[Relation],
    degrees: &[(Actor, usize)],
    placed: &FastMap<Actor, &Placement>,
) -> Vec<(Actor, Ring)> {
    let index: FastMap<Actor, usize> = actors.iter().enumerate().map(|(k, a)| (*a, k)).collect();
    let mut strength = vec![0u32; actors.len()];
    for r in relations.iter().filter(|r| r.from != r.to) {
        for end in [r.from, r.to] {
            if let Some(&k) = index.get(&end) {
                strength[k] += u32::from(r.strength);
            }
        }
    }
    let set = |k: usize| placed.get(&actors[k]).map(|p| p.ring).unwrap_or_default();
    let mut ranked: Vec<usize> = (0..actors.len())
        .filter(|k| actors[*k] != Actor::Commissioner && set(*k) == Ring::Suggested)
        .collect();
    ranked.sort_by_key(|k| {
        (
            std::cmp::Reverse(degrees[*k].1),
            std::cmp::Reverse(strength[*k]),
            *k,
        )
    });
    let mut inner = vec![false; actors.len()];
    for k in ranked.iter().take(ranked.len().div_ceil(2)) {
        inner[*k] = degrees[*k].1 > 0;
    }
    degrees
        .iter()
        .enumerate()
        .map(|(k, &(actor, d))| {
            let ring = match set(k) {
                Ring::Suggested if actor == Actor::Commissioner && d > 0 => Ring::Inner,
                Ring::Suggested if inner[k] => Ring::Inner,
                Ring::Suggested => Ring::Outer,
                r => r,
            };
            (actor, ring)
        })
        .collect()
}

/// Lay out the network map of an alliance.
pub fn network(a: &Alliance, layout: NetLayout) -> NetworkGeometry {
    network_of(a, &a.relations, layout)
}

/// The groups around the rings, each with its members in order: the
/// groups of parties that work closely together (largest first, then each
/// next to the one it is most related to), and inside a group its closest
/// neighbours side by side. Parties without relations (but to the actor in
/// the middle) share one group, last.
fn grouped(others: &[Actor], relations: &[Relation]) -> Vec<(usize, Vec<usize>)> {
    thread_local! {
        static GROUPED: crate::domain::strategy::MemoCell<Vec<(usize, Vec<usize>)>> =
            const { std::cell::RefCell::new(None) };
    }
    // Remembered with the network it was made for: the room's projection
    // lays the map out again after every stance and minute.
    crate::domain::strategy::remembered(&GROUPED, others, relations, || {
        group_around(others, relations)
    })
}

/// Long for a reason: one layout algorithm, step by step (sectors, rings, places, spreading);
/// its steps share their state.
fn group_around(others: &[Actor], relations: &[Relation]) -> Vec<(usize, Vec<usize>)> {
    let n = others.len();
    let index: FastMap<Actor, usize> = others.iter().enumerate().map(|(i, a)| (*a, i)).collect();
    // Undirected weights between the others, once per pair.
    let mut links: Vec<(usize, usize, f64)> = Vec::new();
    let mut related = vec![false; n];
    for r in relations {
        if let (Some(&i), Some(&j)) = (index.get(&r.from), index.get(&r.to))
            && i != j
        {
            links.push((i, j, f64::from(r.strength.max(1))));
            related[i] = true;
            related[j] = true;
        }
    }
    // (Relations with the actor in the middle are left out of the graph.)
    let coarse = communities(others, relations);
    let fine = close_groups(others, relations);
    let loose = n; // the group of those without relations
    let group_of = |i: usize| if related[i] { coarse[i] } else { loose };
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        members.entry(group_of(i)).or_default().push(i);
    }
    // Weight between groups, and between fine groups.
    let mut between: FastMap<(usize, usize), f64> = Default::default();
    let mut between_fine: FastMap<(usize, usize), f64> = Default::default();
    for &(i, j, w) in &links {
        let (a, b) = (group_of(i), group_of(j));
        if a != b {
            *between.entry((a, b)).or_default() += w;
            *between.entry((b, a)).or_default() += w;
        }
        let (a, b) = (fine[i], fine[j]);
        if a != b {
            *between_fine.entry((a, b)).or_default() += w;
            *between_fine.entry((b, a)).or_default() += w;
        }
    }
    // Groups in a chain: the largest first, then the one most related to
    // the last placed (ties: larger, then first in the register).
    let mut left: Vec<usize> = members.keys().copied().filter(|g| *g != loose).collect();
    let size = |g: usize| members.get(&g).map_or(0, Vec::len);
    let mut order: Vec<usize> = Vec::new();
    while !left.is_empty() {
        let last = order.last().copied();
        let pick = left
            .iter()
            .copied()
            .max_by(|x, y| {
                let wx = last.map_or(0.0, |l| between.get(&(l, *x)).copied().unwrap_or(0.0));
                let wy = last.map_or(0.0, |l| between.get(&(l, *y)).copied().unwrap_or(0.0));
                wx.total_cmp(&wy)
                    .then(size(*x).cmp(&size(*y)))
                    .then(y.cmp(x))
            })
            .unwrap_or_default();
        left.retain(|g| *g != pick);
        order.push(pick);
    }
    if members.contains_key(&loose) {
        order.push(loose);
    }
    let k = order.len();
    order
        .iter()
        .enumerate()
        .map(|(at, g)| {
            let list = members.get(g).cloned().unwrap_or_default();
            if *g == loose {
                return (*g, list);
            }
            // Which neighbouring group each end of the sector faces: the
            // start the group before it around the ring, the end the one
            // after it. With two groups both are the other one: then the
            // first group turns its end to it, the second its start.
            let (before, after) = (order[(at + k - 1) % k], order[(at + 1) % k]);
            let (at_start, at_end) = match (k, at) {
                (1, _) => (None, None),
                (2, 0) => (None, Some(after)),
                (2, _) => (Some(before), None),
                _ => (Some(before), Some(after)),
            };
            // Each member's weight toward the group at either end.
            let mut toward = vec![(0.0f64, 0.0f64); n];
            for &(x, y, w) in &links {
                for (me, other) in [(x, y), (y, x)] {
                    if group_of(me) != *g {
                        continue;
                    }
                    if Some(group_of(other)) == at_start {
                        toward[me].0 += w;
                    }
                    if Some(group_of(other)) == at_end {
                        toward[me].1 += w;
                    }
                }
            }
            let fine_toward = |f: usize, end: bool| -> f64 {
                list.iter()
                    .filter(|i| fine[**i] == f)
                    .map(|i| if end { toward[*i].1 } else { toward[*i].0 })
                    .sum()
            };
            // The fine groups inside, in a chain from the one most related
            // to the group at the start (or, built the other way round,
            // ending with the one most related to the group at the end).
            let mut fines: Vec<usize> = Vec::new();
            for i in &list {
                if !fines.contains(&fine[*i]) {
                    fines.push(fine[*i]);
                }
            }
            let fine_size = |f: usize| list.iter().filter(|i| fine[**i] == f).count();
            let from_end = at_start.is_none() && at_end.is_some();
            let mut chain: Vec<usize> = Vec::new();
            while !fines.is_empty() {
                let last = chain.last().copied();
                let weight = |f: usize| match last {
                    Some(l) => between_fine.get(&(l, f)).copied().unwrap_or(0.0),
                    None => fine_toward(f, from_end),
                };
                let pick = fines
                    .iter()
                    .copied()
                    .max_by(|x, y| {
                        weight(*x)
                            .total_cmp(&weight(*y))
                            .then(fine_size(*x).cmp(&fine_size(*y)))
                            .then(y.cmp(x))
                    })
                    .unwrap_or_default();
                fines.retain(|f| *f != pick);
                chain.push(pick);
            }
            if from_end {
                chain.reverse();
            }
            // Inside a fine group: those related to the group at the start
            // first, those related to the group at the end last.
            let side = |i: usize| {
                let (s, e) = toward[i];
                if s > e {
                    0
                } else if e > s {
                    2
                } else {
                    1
                }
            };
            let mut ordered = list.clone();
            ordered.sort_by_key(|i| {
                (
                    chain.iter().position(|f| *f == fine[*i]).unwrap_or(0),
                    side(*i),
                    *i,
                )
            });
            (*g, ordered)
        })
        .collect()
}

/// Places on the rings: each group its sector, wide enough for its inner
/// and its outer members side by side; the rings as small as that allows
/// (and no smaller than [`INNER_R`] and [`OUTER_R`]). Returns each
/// member's angle and whether it is on the inner ring, the radii, and the
/// sectors.
struct RingPlan {
    angle: Vec<f32>,
    inner_r: f32,
    outer_r: f32,
    sectors: Vec<Sector>,
}

fn plan_rings(
    groups: &[(usize, Vec<usize>)],
    radius: &[f32],
    inner: &[bool],
    centre_r: f32,
) -> RingPlan {
    let n = radius.len();
    let tau = std::f32::consts::TAU;
    let gap = if groups.len() > 1 { SECTOR_GAP } else { 0.0 };
    let slot = |i: usize| 2.0 * radius[i] + CIRCLE_GAP;
    // Arc each group needs on each ring.
    let demand: Vec<(f32, f32)> = groups
        .iter()
        .map(|(_, list)| {
            let on = |want: bool| {
                let len: f32 = list
                    .iter()
                    .filter(|i| inner[**i] == want)
                    .map(|i| slot(*i))
                    .sum();
                if len > 0.0 { len + gap } else { 0.0 }
            };
            (on(true), on(false))
        })
        .collect();
    let widest_inner = (0..n)
        .filter(|i| inner[*i])
        .map(|i| radius[i])
        .fold(0.0f32, f32::max);
    let widest_outer = (0..n)
        .filter(|i| !inner[*i])
        .map(|i| radius[i])
        .fold(0.0f32, f32::max);
    // The rings keep their distance; the inner one keeps clear of the
    // middle.
    let apart = (OUTER_R - INNER_R).max(widest_inner + widest_outer + CIRCLE_GAP * 2.0);
    let least_outer = OUTER_R
        .max(INNER_R + apart)
        .max(centre_r + widest_inner + CIRCLE_GAP * 2.0 + apart);
    let need = |outer: f32| -> f32 {
        let inner_r = outer - apart;
        demand
            .iter()
            .map(|(a, b)| (a / inner_r).max(b / outer))
            .sum()
    };
    let mut outer_r = least_outer;
    if need(outer_r) > tau {
        let mut hi = outer_r * 2.0;
        while need(hi) > tau {
            hi *= 2.0;
        }
        let mut lo = outer_r;
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if need(mid) > tau {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        outer_r = hi;
    }
    let inner_r = outer_r - apart;
    // Share out the whole circle in proportion to what each group needs.
    let mins: Vec<f32> = demand
        .iter()
        .map(|(a, b)| (a / inner_r).max(b / outer_r))
        .collect();
    let total: f32 = mins.iter().sum();
    let mut angle = vec![0.0f32; n];
    let mut sectors = Vec::with_capacity(groups.len());
    let mut at = -std::f32::consts::FRAC_PI_2;
    for ((g, list), min) in groups.iter().zip(&mins) {
        let width = if total > 0.0 {
            min * tau / total
        } else {
            tau / groups.len() as f32
        };
        for (want, r) in [(true, inner_r), (false, outer_r)] {
            let on: Vec<usize> = list.iter().copied().filter(|i| inner[*i] == want).collect();
            let len: f32 = on.iter().map(|i| slot(*i)).sum();
            if on.is_empty() {
                continue;
            }
            // Spread over the sector, the gap split over its two ends.
            let stretch = ((width * r - gap) / len).max(1.0);
            let mut cursor = at + gap / 2.0 / r;
            for i in on {
                let s = slot(i) * stretch;
                angle[i] = cursor + s / 2.0 / r;
                cursor += s / r;
            }
        }
        sectors.push(Sector {
            group: *g,
            from: at + std::f32::consts::FRAC_PI_2,
            to: at + width + std::f32::consts::FRAC_PI_2,
        });
        at += width;
    }
    RingPlan {
        angle,
        inner_r,
        outer_r,
        sectors,
    }
}

/// Lay out the network map with only these relations: rings, sizes and
/// arrows follow them (the room's map leaves out the facilitator's own).
///
/// Ring layout: the commissioner (or the party it also is) in the middle;
/// around it, each group of parties that work closely together its own
/// sector of the rings, its members in the inner or the outer ring. The
/// rings grow with the number of actors, so no two circles overlap. Free
/// layout: where the facilitator put an actor, or else its ring place.
///
/// Long for a reason: one layout, step by step (measures, rings or groups, places, arrows); its
/// steps share their state.
pub fn network_of(a: &Alliance, relations: &[Relation], layout: NetLayout) -> NetworkGeometry {
    let net = Net::of(a, relations);
    let actors = &net.actors;
    let relations: &[Relation] = &net.relations;
    let placed = placed(a, net.merged);
    let degree_of = degree(actors, relations);
    let rings: FastMap<Actor, Ring> = rings_of(actors, relations, &degree_of, &placed)
        .into_iter()
        .collect();
    let ring_of = |actor: Actor| rings.get(&actor).copied().unwrap_or_default();
    let between: Vec<f64> = betweenness(actors, relations)
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    let degrees: Vec<usize> = degree_of.into_iter().map(|(_, d)| d).collect();
    // Sizes follow the parties' betweenness; the commissioner on its own,
    // who funds everyone, is drawn at a fixed size.
    let max_b = actors
        .iter()
        .zip(&between)
        .filter(|(x, _)| **x != Actor::Commissioner)
        .map(|(_, b)| *b)
        .fold(0.0f64, f64::max);
    let radius_of = |k: usize| {
        let share = match actors[k] {
            Actor::Commissioner => 0.3,
            _ if max_b > 0.0 => (between[k] / max_b) as f32,
            _ => 0.0,
        };
        ACTOR_R + (ACTOR_R_MAX - ACTOR_R) * share
    };
    let radii: Vec<f32> = (0..actors.len()).map(radius_of).collect();
    // The others around the one in the middle, by group.
    let centre = actors.iter().position(|x| *x == net.centre);
    let others: Vec<usize> = (0..actors.len()).filter(|k| Some(*k) != centre).collect();
    let other_actors: Vec<Actor> = others.iter().map(|k| actors[*k]).collect();
    let groups = grouped(&other_actors, relations);
    let inner: Vec<bool> = others
        .iter()
        .map(|k| ring_of(actors[*k]) == Ring::Inner)
        .collect();
    let other_radii: Vec<f32> = others.iter().map(|k| radii[*k]).collect();
    let plan = plan_rings(
        &groups,
        &other_radii,
        &inner,
        centre.map_or(0.0, |k| radii[k]),
    );
    let mut group_of = vec![None; actors.len()];
    for (g, list) in &groups {
        for i in list {
            // The loose ones (without relations) are in no group.
            if *g < other_actors.len() {
                group_of[others[*i]] = Some(*g);
            }
        }
    }
    // The closer groups, numbered by (group, close group) so that one
    // never spans two groups' sectors.
    let fine = close_groups(&other_actors, relations);
    let mut pairs: Vec<(usize, usize)> = others
        .iter()
        .enumerate()
        .filter_map(|(i, k)| group_of[*k].map(|g| (g, fine[i])))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut cluster_of = vec![None; actors.len()];
    for (i, k) in others.iter().enumerate() {
        cluster_of[*k] = group_of[*k].and_then(|g| pairs.binary_search(&(g, fine[i])).ok());
    }
    let mut ring_pos = vec![Pt::new(0.0, 0.0); actors.len()];
    for (i, k) in others.iter().enumerate() {
        let r = if inner[i] { plan.inner_r } else { plan.outer_r };
        let angle = plan.angle[i];
        ring_pos[*k] = Pt::new(r * angle.cos(), r * angle.sin());
    }
    let geoms: Vec<ActorGeom> = actors
        .iter()
        .enumerate()
        .map(|(k, actor)| {
            let center = match (layout, placed.get(actor)) {
                (NetLayout::Free, Some(p)) => Pt::new(p.x, p.y),
                _ => ring_pos[k],
            };
            ActorGeom {
                actor: *actor,
                center,
                radius: radii[k],
                ring: ring_of(*actor),
                betweenness: between[k] as f32,
                degree: degrees[k],
                group: group_of[k],
                commissioner: *actor == Actor::Commissioner || Some(*actor) == net.merged,
                cluster: cluster_of[k],
            }
        })
        .collect();
    let by_actor: FastMap<Actor, &ActorGeom> = geoms.iter().map(|g| (g.actor, g)).collect();
    // Relations between the same pair, to draw them apart.
    let key = |r: &Relation| {
        if r.from <= r.to {
            (r.from, r.to)
        } else {
            (r.to, r.from)
        }
    };
    let mut pairs: FastMap<(Actor, Actor), Vec<Id>> = FastMap::default();
    for r in relations {
        pairs.entry(key(r)).or_default().push(r.id);
    }
    let arrows = relations
        .iter()
        .filter_map(|r| {
            let from = *by_actor.get(&r.from)?;
            let to = *by_actor.get(&r.to)?;
            // Circles: leave along the line between the centres.
            let (dx, dy) = (to.center.x - from.center.x, to.center.y - from.center.y);
            let len = (dx * dx + dy * dy).sqrt().max(1e-3);
            let (ux, uy) = (dx / len, dy / len);
            let twins = &pairs[&key(r)];
            let k = twins.iter().position(|id| *id == r.id).unwrap_or(0) as f32;
            let offset = (k - (twins.len() as f32 - 1.0) / 2.0) * 12.0;
            let (ox, oy) = (-uy * offset, ux * offset);
            let start = Pt::new(
                from.center.x + ux * from.radius + ox,
                from.center.y + uy * from.radius + oy,
            );
            let end = Pt::new(
                to.center.x - ux * to.radius + ox,
                to.center.y - uy * to.radius + oy,
            );
            Some(ArrowGeom {
                id: r.id,
                from: start,
                to: end,
                head: r.kind.is_directed().then(|| head(start, end)),
                label_at: Pt::new((start.x + end.x) / 2.0, (start.y + end.y) / 2.0),
            })
        })
        .collect();
    let drawn_rings = layout == NetLayout::Rings;
    let reach = if drawn_rings { plan.outer_r } else { OUTER_R };
    let mut bounds = Rect::from_center(Pt::new(0.0, 0.0), 2.0 * reach + 200.0, 2.0 * reach + 200.0);
    for g in &geoms {
        bounds = bounds.union(&Rect::from_center(
            g.center,
            g.radius * 2.0 + 220.0,
            g.radius * 2.0 + 80.0,
        ));
    }
    // Connectors: the highest betweenness above zero, at most three.
    let mut ranked: Vec<&ActorGeom> = geoms
        .iter()
        .filter(|g| g.actor != Actor::Commissioner && g.betweenness > 0.0)
        .collect();
    ranked.sort_by(|x, y| y.betweenness.total_cmp(&x.betweenness));
    let connectors = ranked.iter().take(3).map(|g| g.actor).collect();
    NetworkGeometry {
        bounds,
        actors: geoms,
        relations: arrows,
        rings: drawn_rings.then_some((Pt::new(0.0, 0.0), plan.inner_r, plan.outer_r)),
        sectors: if drawn_rings {
            plan.sectors
        } else {
            Vec::new()
        },
        connectors,
        commissioner_party: net.merged,
    }
}
