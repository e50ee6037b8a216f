//! A network map that reads at 120 and 300 parties: the groups of parties
//! that work closely together (Louvain, see `domain::network`) can be
//! collapsed into one labelled node each, with the relations to the rest
//! bundled into one line per pair of nodes, and expanded again. The
//! groups are the close groups of the map ([`crate::geometry::ActorGeom::cluster`]),
//! each inside one sector of the rings.
//!
//! Taken from Gephi's and Kumu's answers to the same problem: Gephi groups
//! a partition into meta-nodes whose edges are summed (its "group" action
//! on a community partition); Kumu's clustering draws one node per value
//! of a field and its "focus" shows one element with its neighbours while
//! the rest stays as context. Here the partition is the Louvain groups
//! already computed, a collapsed group is drawn where its members sit (the
//! mean of their places, so the map keeps its shape), and a focus or a
//! search opens the group of what it finds.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::{Actor, Alliance};
use crate::geometry::{ACTOR_R, NetworkGeometry, Pt, Rect};

/// A group of parties drawn as one node.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterGeom {
    pub group: usize,
    pub center: Pt,
    pub radius: f32,
    /// Its parties, the most central first.
    pub members: Vec<Actor>,
    /// Where its parties sit when it is open: what a click on it brings
    /// into view.
    pub spread: Rect,
}

impl ClusterGeom {
    /// The party a group is named after: its most central member.
    pub fn lead(&self) -> Option<Actor> {
        self.members.first().copied()
    }
}

/// One end of a bundle: an actor still drawn, or a collapsed group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum End {
    Actor(Actor),
    Group(usize),
}

/// The relations between two ends, at least one a collapsed group, as
/// one line.
#[derive(Clone, Debug, PartialEq)]
pub struct BundleGeom {
    pub ends: (End, End),
    pub from: Pt,
    pub to: Pt,
    /// How many relations it stands for.
    pub count: usize,
}

/// A network map with some groups collapsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Collapsed {
    /// The map without the members of collapsed groups and their
    /// relations: drawn as before.
    pub geo: NetworkGeometry,
    pub clusters: Vec<ClusterGeom>,
    pub bundles: Vec<BundleGeom>,
}

/// The groups worth collapsing: those of at least `min` parties.
pub fn groups(geo: &NetworkGeometry, min: usize) -> BTreeSet<usize> {
    let mut size: BTreeMap<usize, usize> = BTreeMap::new();
    for g in &geo.actors {
        if let Some(group) = g.cluster {
            *size.entry(group).or_default() += 1;
        }
    }
    size.into_iter()
        .filter(|(_, n)| *n >= min)
        .map(|(g, _)| g)
        .collect()
}

/// The group an actor is drawn in, if it is collapsed.
pub fn group_of(geo: &NetworkGeometry, collapsed: &BTreeSet<usize>, actor: Actor) -> Option<usize> {
    geo.actor(actor)
        .and_then(|g| g.cluster)
        .filter(|g| collapsed.contains(g))
}

/// `geo` with the groups in `collapsed` drawn as one node each.
pub fn collapse(a: &Alliance, geo: &NetworkGeometry, collapsed: &BTreeSet<usize>) -> Collapsed {
    let mut members: BTreeMap<usize, Vec<(f32, Actor, Pt, f32)>> = BTreeMap::new();
    for g in &geo.actors {
        if let Some(group) = g.cluster.filter(|x| collapsed.contains(x)) {
            members
                .entry(group)
                .or_default()
                .push((g.betweenness, g.actor, g.center, g.radius));
        }
    }
    let clusters: Vec<ClusterGeom> = members
        .into_iter()
        .map(|(group, mut list)| {
            list.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            let n = list.len() as f32;
            let center = Pt::new(
                list.iter().map(|m| m.2.x).sum::<f32>() / n,
                list.iter().map(|m| m.2.y).sum::<f32>() / n,
            );
            let spread = list
                .iter()
                .map(|m| Rect::from_center(m.2, 2.0 * m.3, 2.0 * m.3))
                .reduce(|x, y| x.union(&y))
                .unwrap_or(Rect::from_center(center, 0.0, 0.0));
            ClusterGeom {
                group,
                center,
                spread,
                // Its area grows with its parties, within reason.
                radius: (ACTOR_R * (1.0 + n.sqrt() * 0.6)).min(ACTOR_R * 5.0),
                members: list.into_iter().map(|m| m.1).collect(),
            }
        })
        .collect();
    let end_of = |actor: Actor| -> End {
        match group_of(geo, collapsed, geo.node_of(actor)) {
            Some(g) => End::Group(g),
            None => End::Actor(geo.node_of(actor)),
        }
    };
    let at = |e: End| -> Option<Pt> {
        match e {
            End::Actor(x) => geo.actor(x).map(|g| g.center),
            End::Group(g) => clusters.iter().find(|c| c.group == g).map(|c| c.center),
        }
    };
    let mut kept = Vec::new();
    let mut bundled: BTreeMap<(End, End), usize> = BTreeMap::new();
    for (arrow, r) in geo
        .relations
        .iter()
        .filter_map(|g| crate::domain::alliance::by_id(&a.relations, g.id).map(|r| (g, r)))
    {
        let (f, t) = (end_of(r.from), end_of(r.to));
        match (f, t) {
            (End::Actor(_), End::Actor(_)) => kept.push(arrow.clone()),
            // Inside one group: not drawn while it is collapsed.
            (End::Group(x), End::Group(y)) if x == y => {}
            _ => {
                *bundled
                    .entry(if f <= t { (f, t) } else { (t, f) })
                    .or_default() += 1
            }
        }
    }
    let bundles = bundled
        .into_iter()
        .filter_map(|(ends, count)| {
            Some(BundleGeom {
                ends,
                from: at(ends.0)?,
                to: at(ends.1)?,
                count,
            })
        })
        .collect();
    let hidden: BTreeSet<Actor> = clusters
        .iter()
        .flat_map(|c| c.members.iter().copied())
        .collect();
    let mut shown = geo.clone();
    shown.actors.retain(|g| !hidden.contains(&g.actor));
    shown.relations = kept;
    Collapsed {
        geo: shown,
        clusters,
        bundles,
    }
}
