//! The strategy map ("strategiekaart", seed 000): goals for the basic
//! services and the route to them, in horizontal perspective lanes, with
//! cause → effect arrows and owner parties. And the network map of the
//! parties and their relations (seed 003).

use super::edit::{Change, Edit, EditError, Refs};
use super::*;
use serde::{Deserialize, Serialize};

use super::alliance::Id;

/// A horizontal band of the strategy map ("perspectief").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lane {
    pub id: Id,
    /// Order from the bottom: the lowest position is the bottom lane.
    pub position: i64,
    pub name: String,
}

/// The default lanes of a public alliance, bottom to top.
pub fn default_lanes(english: bool) -> Vec<Lane> {
    use super::starter::{LANES, pick};
    LANES
        .iter()
        .enumerate()
        .map(|(i, name)| Lane {
            id: i as Id + 1,
            position: i as i64 + 1,
            name: pick(*name, english).to_string(),
        })
        .collect()
}

/// What a node on the map is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// Doel.
    #[default]
    Objective,
    /// Initiatief: a project or action that serves objectives.
    Initiative,
}

/// An objective or initiative on the strategy map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapNode {
    pub id: Id,
    pub lane: Id,
    pub kind: NodeKind,
    pub title: String,
    pub description: String,
    /// The parties that own it ("eigenaar").
    pub owners: Vec<Id>,
    /// How progress is measured ("indicator").
    pub measures: String,
    /// What is aimed for ("streefwaarde").
    pub targets: String,
    /// Horizontal position on the map.
    pub x: f32,
    /// Vertical offset from the middle of its lane.
    pub dy: f32,
}

/// A cause → effect arrow.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapLink {
    pub id: Id,
    /// The cause.
    pub from: Id,
    /// The effect.
    pub to: Id,
    pub label: String,
}

/// A node of the network map: a party, or the commissioner.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Party(Id),
    #[default]
    Commissioner,
}

/// What kind of relation two actors have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Werkt samen met.
    #[default]
    WorksWith,
    /// Is afhankelijk van.
    DependsOn,
    /// Verwijst door naar.
    RefersTo,
    /// Financiert.
    Funds,
    /// Spanning.
    Tension,
}

impl RelationKind {
    pub const ALL: [RelationKind; 5] = [
        RelationKind::WorksWith,
        RelationKind::DependsOn,
        RelationKind::RefersTo,
        RelationKind::Funds,
        RelationKind::Tension,
    ];

    /// Whether the relation has a direction by nature (works-with and
    /// tension are mutual).
    pub fn is_directed(self) -> bool {
        matches!(
            self,
            RelationKind::DependsOn | RelationKind::RefersTo | RelationKind::Funds
        )
    }
}

/// The strongest relation.
pub const MAX_STRENGTH: u8 = 3;

/// A relation between two actors of the network map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, from = "RelationIn")]
pub struct Relation {
    pub id: Id,
    pub from: Actor,
    pub to: Actor,
    pub kind: RelationKind,
    /// 1 (weak) to 3 (strong).
    pub strength: u8,
    /// The facilitator's own while `facilitator_only`; else shared.
    pub note: Confidential<String>,
    /// Seen by the facilitator only: never projected, printed or shared.
    /// A tension is, unless the facilitator decides otherwise.
    pub facilitator_only: bool,
}

/// A relation as read (an export, a step of the undo history): one
/// written before relations could be facilitator-only is so when it is a
/// tension, as the file's migration decided. What is confidential stays so
/// by default.
#[derive(Default, Deserialize)]
#[serde(default)]
struct RelationIn {
    id: Id,
    from: Actor,
    to: Actor,
    kind: RelationKind,
    strength: u8,
    note: String,
    facilitator_only: Option<bool>,
}

impl From<RelationIn> for Relation {
    fn from(r: RelationIn) -> Relation {
        Relation {
            facilitator_only: r
                .facilitator_only
                .unwrap_or(r.kind == RelationKind::Tension),
            id: r.id,
            from: r.from,
            to: r.to,
            kind: r.kind,
            strength: r.strength,
            note: r.note.into(),
        }
    }
}

/// Where an actor sits on the network map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ring {
    /// Knows the others, gets help fast (seed 003).
    Inner,
    /// Has to ask, feels unfairness (seed 003).
    Outer,
    /// Not set by hand: the ring layout suggests one.
    #[default]
    Suggested,
}

/// The stored place of an actor on the network map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Placement {
    pub id: Id,
    pub actor: Actor,
    /// Position in the free layout.
    pub x: f32,
    pub y: f32,
    pub ring: Ring,
}

// The network's measures (betweenness, communities) and their memo live
// in `network.rs`; these names stay for code that found them here.
pub use super::network::{MemoCell, NetworkMemo, betweenness, remembered};

/// How many distinct actors each actor is related to.
pub fn degree(actors: &[Actor], relations: &[Relation]) -> Vec<(Actor, usize)> {
    // Each linked pair once (sorted, not hashed: the network map asks this
    // on every projection for the room), then counted at both ends.
    let mut pairs: Vec<(Actor, Actor)> = relations
        .iter()
        .filter(|r| r.from != r.to)
        .map(|r| (r.from.min(r.to), r.from.max(r.to)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut count: super::FastMap<Actor, usize> =
        super::FastMap::with_capacity_and_hasher(actors.len(), Default::default());
    for (x, y) in pairs {
        *count.entry(x).or_default() += 1;
        *count.entry(y).or_default() += 1;
    }
    actors
        .iter()
        .map(|a| (*a, count.get(a).copied().unwrap_or(0)))
        .collect()
}

// How these records refer to others: checked on every edit.

impl Refs for Lane {}

impl Refs for MapNode {
    fn refs(&self) -> Vec<Ref> {
        let mut out = vec![Ref::of::<Lane>(self.lane)];
        out.extend(
            self.owners
                .iter()
                .map(|p| Ref::of::<super::alliance::Party>(*p)),
        );
        out
    }
    fn check_rules(_a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        match &c.after {
            Some(n) if !(n.x.is_finite() && n.dy.is_finite()) => Err(EditError::NotANumber),
            _ => Ok(()),
        }
    }
    /// A node goes with its lane; it lets go of an owner.
    fn without(&self, gone: Ref) -> Option<Self> {
        (gone != Ref::of::<Lane>(self.lane)).then(|| MapNode {
            owners: self
                .owners
                .iter()
                .copied()
                .filter(|p| Ref::of::<super::alliance::Party>(*p) != gone)
                .collect(),
            ..self.clone()
        })
    }
}

impl Refs for MapLink {
    fn refs(&self) -> Vec<Ref> {
        vec![Ref::of::<MapNode>(self.from), Ref::of::<MapNode>(self.to)]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(l) = &c.after {
            if l.from == l.to {
                return Err(EditError::SelfLink);
            }
            if a.map_links
                .iter()
                .any(|o| o.id != l.id && o.from == l.from && o.to == l.to)
            {
                return Err(EditError::DuplicateLink);
            }
        }
        Ok(())
    }
}

impl Refs for Relation {
    fn refs(&self) -> Vec<Ref> {
        [self.from, self.to]
            .into_iter()
            .filter_map(|actor| match actor {
                Actor::Party(id) => Some(Ref::of::<super::alliance::Party>(id)),
                _ => None,
            })
            .collect()
    }
    /// The note on a relation that is the facilitator's own.
    fn secrets(&mut self, all: bool) -> Vec<(&'static str, &mut String)> {
        if all || self.facilitator_only {
            vec![(
                "note",
                crate::domain::Confidential::expose_mut(&mut self.note),
            )]
        } else {
            Vec::new()
        }
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(r) = &c.after {
            if r.from == r.to {
                return Err(EditError::SelfLink);
            }
            if !(1..=MAX_STRENGTH).contains(&r.strength) {
                return Err(EditError::StrengthOutOfRange);
            }
            if a.relations
                .iter()
                .any(|o| o.id != r.id && o.from == r.from && o.to == r.to && o.kind == r.kind)
            {
                return Err(EditError::DuplicateLink);
            }
        }
        Ok(())
    }
}

impl Refs for Placement {
    fn refs(&self) -> Vec<Ref> {
        match self.actor {
            Actor::Party(id) => vec![Ref::of::<super::alliance::Party>(id)],
            _ => Vec::new(),
        }
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(p) = &c.after
            && !(p.x.is_finite() && p.y.is_finite())
        {
            return Err(EditError::NotANumber);
        }
        if let Some(p) = &c.after
            && a.placements
                .iter()
                .any(|o| o.id != p.id && o.actor == p.actor)
        {
            return Err(EditError::DuplicateLink);
        }
        Ok(())
    }
}

// The maps as edits: remove a lane only when empty, place, reorder.
impl Alliance {
    /// Remove a lane that holds no nodes.
    pub fn remove_lane(&self, id: Id) -> Option<Edit> {
        if self.map_nodes.iter().any(|n| n.lane == id) {
            return None;
        }
        self.remove::<Lane>(id)
    }

    /// Set where an actor sits (position and ring), creating its placement
    /// when it has none.
    pub fn place(&self, actor: Actor, x: f32, y: f32, ring: super::strategy::Ring) -> Edit {
        match self.placement(actor) {
            Some(p) => self.update(Placement {
                x,
                y,
                ring,
                ..p.clone()
            }),
            None => self.insert(Placement {
                id: 0,
                actor,
                x,
                y,
                ring,
            }),
        }
    }

    /// Swap the order of two lanes.
    pub fn swap_lanes(&self, x: Id, y: Id) -> Option<Edit> {
        let (lx, ly) = (self.lane(x)?, self.lane(y)?);
        Some(Edit::Batch(vec![
            self.update(Lane {
                position: ly.position,
                ..lx.clone()
            }),
            self.update(Lane {
                position: lx.position,
                ..ly.clone()
            }),
        ]))
    }
}
