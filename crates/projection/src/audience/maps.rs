//! The strategy map and the network map as the room sees them.

use super::*;

pub(super) fn room_strategy(a: &Alliance) -> RoomStrategy {
    let g = geometry::strategy(a);
    let title = |id| a.map_node(id).map(|n| n.title.clone()).unwrap_or_default();
    RoomStrategy {
        bounds: g.bounds,
        lanes: g
            .lanes
            .iter()
            .map(|l| RoomLane {
                name: a.lane(l.lane).map(|l| l.name.clone()).unwrap_or_default(),
                rect: l.rect,
                label: l.label,
            })
            .collect(),
        nodes: g
            .nodes
            .iter()
            .filter_map(|n| {
                let node = a.map_node(n.node)?;
                Some(RoomNode {
                    kind: node.kind,
                    title: node.title.clone(),
                    description: node.description.clone(),
                    owners: node
                        .owners
                        .iter()
                        .map(|p| a.party_name(Some(*p)).to_string())
                        .collect(),
                    measures: node.measures.clone(),
                    targets: node.targets.clone(),
                    rect: n.rect,
                })
            })
            .collect(),
        arrows: g
            .arrows
            .iter()
            .filter_map(|arrow| {
                let link = crate::domain::alliance::by_id(&a.map_links, arrow.id)?;
                Some(RoomArrow {
                    from: arrow.from,
                    to: arrow.to,
                    head: arrow.head,
                    label: link.label.clone(),
                    label_at: arrow.label_at,
                    strength: 2,
                    kind: None,
                    from_name: title(link.from),
                    to_name: title(link.to),
                    ends: None,
                })
            })
            .collect(),
    }
}

pub(super) fn room_network(a: &Alliance, reliances: &[crate::domain::Reliance]) -> RoomNetwork {
    // Laid out without the relations kept for the facilitator: a private
    // tension must not move a party from one ring to another on the beamer.
    let shared: std::borrow::Cow<[crate::domain::Relation]> =
        if a.relations.iter().any(|r| r.facilitator_only) {
            a.relations
                .iter()
                .filter(|r| !r.facilitator_only)
                .cloned()
                .collect::<Vec<_>>()
                .into()
        } else {
            a.relations.as_slice().into()
        };
    // Placed by hand: the facilitator's places; else the rings.
    let layout = if a.placements.is_empty() {
        NetLayout::Rings
    } else {
        NetLayout::Free
    };
    let g = geometry::network_of(a, &shared, layout);
    let at: crate::domain::FastMap<Actor, usize> = g
        .actors
        .iter()
        .enumerate()
        .map(|(k, x)| (x.actor, k))
        .collect();
    // A commissioner without a name is called so, in the alliance's
    // language: never an unnamed dot that a neighbour's name seems to name.
    let name = |actor: Actor| {
        let name = a.actor_name(g.node_of(actor));
        if name.trim().is_empty() && actor == Actor::Commissioner {
            crate::i18n::Lang::of(a)
                .tr(crate::i18n::T::Commissioner)
                .to_string()
        } else {
            name.to_string()
        }
    };
    RoomNetwork {
        bounds: g.bounds,
        rings: g.rings,
        actors: g
            .actors
            .iter()
            .map(|actor| RoomActor {
                name: name(actor.actor),
                commissioner: actor.commissioner,
                party: actor.actor != Actor::Commissioner,
                center: actor.center,
                radius: actor.radius,
                ring: actor.ring,
                betweenness: actor.betweenness,
                connector: g.connectors.contains(&actor.actor),
                group: actor.group,
            })
            .collect(),
        relations: g
            .relations
            .iter()
            .filter_map(|arrow| {
                let r = crate::domain::alliance::by_id(&shared, arrow.id)?;
                let (from, to) = (g.node_of(r.from), g.node_of(r.to));
                Some(RoomArrow {
                    from: arrow.from,
                    to: arrow.to,
                    head: arrow.head,
                    label: String::new(),
                    label_at: arrow.label_at,
                    strength: r.strength,
                    kind: Some(r.kind),
                    from_name: name(from),
                    to_name: name(to),
                    ends: at.get(&from).copied().zip(at.get(&to).copied()),
                })
            })
            .collect(),
        dependencies: dependencies(reliances, &g, &at),
    }
}

/// Who counts on whom, as pairs of the parties' places on the map (one
/// arrow per pair, however many wishes and lines).
fn dependencies(
    reliances: &[crate::domain::Reliance],
    g: &geometry::NetworkGeometry,
    at: &crate::domain::FastMap<Actor, usize>,
) -> Vec<(usize, usize)> {
    let mut seen = crate::domain::FastSet::default();
    reliances
        .iter()
        .filter_map(|r| {
            let from = *at.get(&g.node_of(Actor::Party(r.from)))?;
            let to = *at.get(&g.node_of(Actor::Party(r.on)))?;
            (from != to && seen.insert((from, to))).then_some((from, to))
        })
        .collect()
}
