//! The geometry of the two maps, shared by the canvas in the app and the
//! drawings in PDF documents: lane bands, node boxes, arrow routes, and the
//! places of actors on the network map. Plain numbers, no egui.
//!
//! Coordinates are map units, y grows downwards (as on screen); the PDF
//! renderer flips them.

use crate::domain::strategy::{betweenness, degree};
use crate::domain::{Actor, Alliance, Id, Placement, Relation, Ring};

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
    let rect_of = |id: Id| nodes.iter().find(|g| g.node == id).map(|g| g.rect);
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

/// Radii of the two rings.
pub const INNER_R: f32 = 250.0;
pub const OUTER_R: f32 = 470.0;
/// Radius of an actor's circle, without and with the most betweenness.
pub const ACTOR_R: f32 = 34.0;
pub const ACTOR_R_MAX: f32 = 62.0;

#[derive(Clone, Debug, PartialEq)]
pub struct ActorGeom {
    pub actor: Actor,
    pub center: Pt,
    pub radius: f32,
    /// The ring the actor is in (set by hand or suggested).
    pub ring: Ring,
    /// Betweenness centrality, 0..=1.
    pub betweenness: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetworkGeometry {
    pub bounds: Rect,
    pub actors: Vec<ActorGeom>,
    pub relations: Vec<ArrowGeom>,
    /// Centre and radii of the rings, when drawn.
    pub rings: Option<(Pt, f32, f32)>,
}

impl NetworkGeometry {
    pub fn actor(&self, actor: Actor) -> Option<&ActorGeom> {
        self.actors.iter().find(|g| g.actor == actor)
    }
}

/// The ring each party is in: set by hand, or suggested from how connected
/// it is (at least as connected as the median party: inner ring).
pub fn rings(a: &Alliance) -> Vec<(Actor, Ring)> {
    rings_of(a, &a.relations, &placed(a))
}

/// Each actor's hand-set place, found once (not a search per actor).
fn placed(a: &Alliance) -> std::collections::HashMap<Actor, &Placement> {
    let mut out = std::collections::HashMap::new();
    for p in &a.placements {
        out.entry(p.actor).or_insert(p);
    }
    out
}

/// [`rings`], counting only these relations.
fn rings_of(
    a: &Alliance,
    relations: &[Relation],
    placed: &std::collections::HashMap<Actor, &Placement>,
) -> Vec<(Actor, Ring)> {
    let actors = a.actors();
    let degrees = degree(&actors, relations);
    let mut party_degrees: Vec<usize> = degrees
        .iter()
        .filter(|(actor, _)| *actor != Actor::Commissioner)
        .map(|(_, d)| *d)
        .collect();
    party_degrees.sort_unstable();
    let median = party_degrees
        .get(party_degrees.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(0);
    degrees
        .into_iter()
        .map(|(actor, d)| {
            let set = placed.get(&actor).map(|p| p.ring).unwrap_or_default();
            let ring = match set {
                Ring::Suggested if d >= median.max(1) => Ring::Inner,
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

/// Lay out the network map with only these relations: rings, sizes and
/// arrows follow them (the room's map leaves out the facilitator's own).
pub fn network_of(a: &Alliance, relations: &[Relation], layout: NetLayout) -> NetworkGeometry {
    let actors = a.actors();
    let placed = placed(a);
    let rings = rings_of(a, relations, &placed);
    let between: std::collections::HashMap<Actor, f64> =
        betweenness(&actors, relations).into_iter().collect();
    // Sizes follow the parties' betweenness; the commissioner, who funds
    // everyone, is drawn at a fixed size.
    let max_b = between
        .iter()
        .filter(|(x, _)| **x != Actor::Commissioner)
        .map(|(_, b)| *b)
        .fold(0.0f64, f64::max);
    let rings: std::collections::HashMap<Actor, Ring> = rings.into_iter().collect();
    let ring_of = |actor: Actor| rings.get(&actor).copied().unwrap_or_default();
    // Ring positions: the commissioner in the middle, parties spread
    // evenly over their ring in register order.
    let inner: Vec<Actor> = actors
        .iter()
        .copied()
        .filter(|x| *x != Actor::Commissioner && ring_of(*x) == Ring::Inner)
        .collect();
    let outer: Vec<Actor> = actors
        .iter()
        .copied()
        .filter(|x| *x != Actor::Commissioner && ring_of(*x) != Ring::Inner)
        .collect();
    // Where each actor stands on its ring: (inner?, position).
    let place: std::collections::HashMap<Actor, (bool, usize)> = (inner.iter().enumerate())
        .map(|(i, x)| (*x, (true, i)))
        .chain(outer.iter().enumerate().map(|(i, x)| (*x, (false, i))))
        .collect();
    let on_ring = |i: usize, len: usize, r: f32, turn: f32| {
        let angle = std::f32::consts::TAU * (i as f32 + turn) / len.max(1) as f32
            - std::f32::consts::FRAC_PI_2;
        Pt::new(r * angle.cos(), r * angle.sin())
    };
    let ring_pos = |actor: Actor| match (actor, place.get(&actor)) {
        (Actor::Commissioner, _) => Pt::new(0.0, 0.0),
        (_, Some((true, i))) => on_ring(*i, inner.len(), INNER_R, 0.0),
        (_, Some((false, i))) => on_ring(*i, outer.len(), OUTER_R, 0.5),
        (_, None) => on_ring(0, outer.len(), OUTER_R, 0.5),
    };
    let geoms: Vec<ActorGeom> = actors
        .iter()
        .map(|actor| {
            let center = match (layout, placed.get(actor)) {
                (NetLayout::Free, Some(p)) => Pt::new(p.x, p.y),
                _ => ring_pos(*actor),
            };
            let b = between.get(actor).copied().unwrap_or(0.0);
            let share = match actor {
                Actor::Commissioner => 0.3,
                _ if max_b > 0.0 => (b / max_b) as f32,
                _ => 0.0,
            };
            ActorGeom {
                actor: *actor,
                center,
                radius: ACTOR_R + (ACTOR_R_MAX - ACTOR_R) * share,
                ring: ring_of(*actor),
                betweenness: b as f32,
            }
        })
        .collect();
    let by_actor: std::collections::HashMap<Actor, &ActorGeom> =
        geoms.iter().map(|g| (g.actor, g)).collect();
    // Relations between the same pair, to draw them apart.
    let mut pairs: std::collections::HashMap<(Actor, Actor), Vec<Id>> =
        std::collections::HashMap::new();
    for r in relations {
        let key = if r.from <= r.to {
            (r.from, r.to)
        } else {
            (r.to, r.from)
        };
        pairs.entry(key).or_default().push(r.id);
    }
    let relations = relations
        .iter()
        .filter_map(|r| {
            let from = *by_actor.get(&r.from)?;
            let to = *by_actor.get(&r.to)?;
            // Circles: leave along the line between the centres.
            let (dx, dy) = (to.center.x - from.center.x, to.center.y - from.center.y);
            let len = (dx * dx + dy * dy).sqrt().max(1e-3);
            let (ux, uy) = (dx / len, dy / len);
            let key = if r.from <= r.to {
                (r.from, r.to)
            } else {
                (r.to, r.from)
            };
            let twins = &pairs[&key];
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
    let mut bounds = Rect::from_center(
        Pt::new(0.0, 0.0),
        2.0 * OUTER_R + 200.0,
        2.0 * OUTER_R + 200.0,
    );
    for g in &geoms {
        bounds = bounds.union(&Rect::from_center(
            g.center,
            g.radius * 2.0 + 220.0,
            g.radius * 2.0 + 80.0,
        ));
    }
    NetworkGeometry {
        bounds,
        actors: geoms,
        relations,
        rings: (layout == NetLayout::Rings).then_some((Pt::new(0.0, 0.0), INNER_R, OUTER_R)),
    }
}
