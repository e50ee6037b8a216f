//! The strategy map and the network map: domain rules and shared geometry.

use samenspel::document::Document;
use samenspel::domain::strategy::{betweenness, degree};
use samenspel::domain::{
    Actor, Alliance, EditError, MapLink, MapNode, Party, Relation, RelationKind, Ring,
};
use samenspel::example;
use samenspel::geometry::{self, NetLayout, Pt};

use crate::support::{Dir, example_file, load};

fn rel(id: i64, from: Actor, to: Actor) -> Relation {
    Relation {
        id,
        from,
        to,
        kind: RelationKind::WorksWith,
        strength: 1,
        note: Default::default(),
        facilitator_only: false,
    }
}

#[test]
fn betweenness_finds_the_middle_of_a_path_and_the_hub_of_a_star() {
    let (a, b, c) = (Actor::Party(1), Actor::Party(2), Actor::Party(3));
    let path = betweenness(&[a, b, c], &[rel(1, a, b), rel(2, b, c)]);
    assert_eq!(path, vec![(a, 0.0), (b, 1.0), (c, 0.0)]);
    let hub = Actor::Commissioner;
    let leaves: Vec<Actor> = (1..=4).map(Actor::Party).collect();
    let mut actors = vec![hub];
    actors.extend(&leaves);
    let rels: Vec<Relation> = leaves
        .iter()
        .enumerate()
        .map(|(i, l)| rel(i as i64, hub, *l))
        .collect();
    let star = betweenness(&actors, &rels);
    assert_eq!(star[0], (hub, 1.0));
    assert!(star[1..].iter().all(|(_, v)| *v == 0.0));
    let d = degree(&actors, &rels);
    assert_eq!(d[0], (hub, 4));
}

#[test]
fn dock_is_the_connector_of_samen_noord() {
    let a = example::samen_noord();
    let geo = geometry::network(&a, NetLayout::Rings);
    let top = samenspel::ui::network::connectors(&geo);
    let dock = a
        .parties
        .iter()
        .find(|p| p.name == "Stichting Dock")
        .unwrap()
        .id;
    assert_eq!(top.first(), Some(&Actor::Party(dock)), "{top:?}");
    let rings = geometry::rings(&a);
    assert!(rings.contains(&(Actor::Party(dock), Ring::Inner)));
    assert!(
        rings.iter().any(|(_, r)| *r == Ring::Outer),
        "someone is in the outer ring"
    );
    // Radii follow betweenness: Dock is drawn largest among the parties.
    let biggest = geo
        .actors
        .iter()
        .filter(|g| g.actor != Actor::Commissioner)
        .max_by(|x, y| x.radius.total_cmp(&y.radius))
        .unwrap();
    assert_eq!(biggest.actor, Actor::Party(dock));
}

#[test]
fn the_example_map_names_the_goals_of_seed_001() {
    let a = example::samen_noord();
    let titles: Vec<&str> = a.map_nodes.iter().map(|n| n.title.as_str()).collect();
    for goal in [
        "Meer kinderen en jongeren groeien glansrijk op",
        "Meer kwetsbare bewoners doen mee en ontwikkelen zich",
        "Minder mantelzorgers overbelast",
        "Meer Noorderlingen zetten zich in voor elkaar en hun omgeving",
    ] {
        assert!(titles.contains(&goal), "{goal}");
    }
    assert_eq!(a.lanes.len(), 4);
    assert!(a.map_nodes.iter().any(|n| !n.owners.is_empty()));
    assert!(a.map_links.len() >= 12);
    assert!(a.check().is_empty(), "{:?}", a.check());
}

#[test]
fn node_boxes_sit_in_their_lane_and_arrows_run_border_to_border() {
    let a = example::samen_noord();
    let geo = geometry::strategy(&a);
    // Top lane first: the mission lane has the highest position.
    assert_eq!(geo.lanes.first().map(|l| l.lane), Some(4));
    for g in &geo.nodes {
        let node = a.map_node(g.node).unwrap();
        let band = geo.lanes.iter().find(|l| l.lane == node.lane).unwrap();
        assert!(g.rect.min.y >= band.rect.min.y && g.rect.max.y <= band.rect.max.y);
        assert_eq!(geo.lane_at(g.rect.center().y), Some(node.lane));
        assert!(geo.bounds.contains(g.rect.min) && geo.bounds.contains(g.rect.max));
    }
    for arrow in &geo.arrows {
        let link = a.map_links.iter().find(|l| l.id == arrow.id).unwrap();
        let from = geo.node(link.from).unwrap().rect;
        let to = geo.node(link.to).unwrap().rect;
        let on_border = |r: &geometry::Rect, p: Pt| {
            let dx = (p.x - r.min.x).abs().min((p.x - r.max.x).abs());
            let dy = (p.y - r.min.y).abs().min((p.y - r.max.y).abs());
            r.contains(Pt::new(
                p.x.clamp(r.min.x, r.max.x),
                p.y.clamp(r.min.y, r.max.y),
            )) && (dx < 0.5 || dy < 0.5)
        };
        assert!(on_border(&from, arrow.from), "start of {}", arrow.id);
        assert!(on_border(&to, arrow.to), "end of {}", arrow.id);
        assert_eq!(arrow.head.unwrap()[0], arrow.to);
    }
}

#[test]
fn arrows_and_relations_refuse_nonsense() {
    let mut a = example::samen_noord();
    let before = a.clone();
    let self_link = a.insert(MapLink {
        from: 1,
        to: 1,
        ..MapLink::default()
    });
    assert_eq!(a.apply(&self_link), Err(EditError::SelfLink));
    let twice = a.insert(MapLink {
        from: 10,
        to: 6,
        ..MapLink::default()
    });
    assert_eq!(a.apply(&twice), Err(EditError::DuplicateLink));
    let dangling = a.insert(MapLink {
        from: 1,
        to: 999,
        ..MapLink::default()
    });
    assert!(a.apply(&dangling).is_err());
    let weak = a.insert(Relation {
        strength: 0,
        ..rel(0, Actor::Party(1), Actor::Party(2))
    });
    assert_eq!(a.apply(&weak), Err(EditError::StrengthOutOfRange));
    let lonely = a.insert(MapNode {
        lane: 42,
        ..MapNode::default()
    });
    assert!(a.apply(&lonely).is_err());
    assert!(a.remove_lane(1).is_none(), "a lane with nodes stays");
    assert_eq!(a, before);
    // Removing nodes takes their arrows along, in one step.
    let edit = a.remove_all::<MapNode>(&[6]).unwrap();
    a.apply(&edit).unwrap();
    assert!(a.map_links.iter().all(|l| l.from != 6 && l.to != 6));
    a.apply(&edit.inverse()).unwrap();
    assert_eq!(a, before);
}

#[test]
fn removing_a_party_clears_it_from_both_maps_and_undo_restores_it() {
    let dir = Dir::new();
    let path = example_file(&dir, "maps.samenspel");
    let original = load(&path);
    let mut doc = Document::open(&path).unwrap();
    let dock = 3;
    let edit = doc.alliance().remove::<Party>(dock).unwrap();
    doc.perform(edit).unwrap();
    let a = doc.alliance();
    assert!(a.map_nodes.iter().all(|n| !n.owners.contains(&dock)));
    assert!(
        a.relations
            .iter()
            .all(|r| r.from != Actor::Party(dock) && r.to != Actor::Party(dock))
    );
    assert!(a.check().is_empty(), "{:?}", a.check());
    doc.undo().unwrap();
    drop(doc);
    assert_eq!(load(&path), original);
}

#[test]
fn the_map_and_placements_round_trip_through_the_file() {
    let dir = Dir::new();
    let path = example_file(&dir, "place.samenspel");
    let mut doc = Document::open(&path).unwrap();
    let edit = doc
        .alliance()
        .place(Actor::Party(2), 123.5, -40.0, Ring::Outer);
    doc.perform(edit).unwrap();
    let edit = doc
        .alliance()
        .place(Actor::Commissioner, 0.0, 10.0, Ring::Suggested);
    doc.perform(edit).unwrap();
    let node = doc.alliance().map_nodes[0].clone();
    let edit = doc.alliance().update(MapNode {
        x: 777.25,
        dy: -12.5,
        ..node
    });
    doc.perform(edit).unwrap();
    let expected = doc.alliance().clone();
    drop(doc);
    assert_eq!(load(&path), expected);
    let free = geometry::network(&expected, NetLayout::Free);
    assert_eq!(
        free.actor(Actor::Party(2)).unwrap().center,
        Pt::new(123.5, -40.0)
    );
}

#[test]
fn a_new_alliance_has_the_default_lanes_bottom_to_top() {
    let a = Alliance::named("Nieuw");
    let names: Vec<&str> = a
        .lanes_bottom_up()
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Leren en samenwerken",
            "Processen",
            "Bewoners en deelnemers",
            "Missie"
        ]
    );
    let en = Alliance::named_in("New", true);
    assert_eq!(
        en.lanes_bottom_up()[0].name,
        "Learning and working together"
    );
}

#[test]
fn the_large_map_generator_makes_what_the_benchmark_asks() {
    let a = example::large_maps(40, 500, 800);
    assert_eq!(a.map_nodes.len(), 500);
    assert_eq!(a.map_links.len(), 800);
    assert!(
        a.check().is_empty(),
        "{:?}",
        &a.check()[..a.check().len().min(5)]
    );
    let geo = geometry::strategy(&a);
    assert_eq!(geo.arrows.len(), 800);
}

/// The titles painted on the strategy canvas, in the last frame.
fn painted_titles(h: &egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>) -> usize {
    h.output()
        .shapes
        .iter()
        .filter(|s| match &s.shape {
            egui::Shape::Text(t) => t.galley.text().starts_with("Doel "),
            _ => false,
        })
        .count()
}

/// A region's whole strategy map is five hundred boxes: zoomed out that far
/// their titles would be a few pixels high, so the canvas draws the boxes
/// without words (each box is still read out by its title); zoomed in, the
/// titles are painted again.
#[test]
fn a_regions_whole_strategy_map_is_drawn_without_words_until_zoomed_in() {
    use crate::support::Dir;
    use crate::ui::{FakeDialogs, app, harness};
    use egui_kittest::kittest::Queryable;
    let dir = Dir::new();
    let path = dir.path("regional.samenspel");
    let a = samenspel::example::regional(1);
    drop(samenspel::document::Document::create(&path, &a, &[]).unwrap());
    let mut app = app(&dir, Some(&path), FakeDialogs::default());
    app.set_view(samenspel::ui::View::Strategy);
    let mut h = harness(app);
    h.run();
    assert_eq!(painted_titles(&h), 0, "titles painted at the whole map");
    let read_out = h.query_all_by_label_contains("Doel ").count();
    assert!(read_out > 0, "read out without words");
    // Zoomed in (the + button, as a user does): the titles are painted
    // once they are large enough to read.
    for _ in 0..40 {
        if painted_titles(&h) > 0 {
            break;
        }
        crate::ui::click(&mut h, "+");
    }
    assert!(painted_titles(&h) > 0, "no titles after zooming in");
}
