//! The network map at the scale of a region (issue 16): groups of parties
//! that work together drawn together, circles that never overlap, names
//! that never overlap, search and focus, the commissioner who is also a
//! party as one actor, and slides that walk the map party by party.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use samenspel::audience;
use samenspel::document::Document;
use samenspel::domain::network::{communities, louvain, modularity, relation_graph};
use samenspel::domain::{Actor, Alliance, Id, Party, Placement, Relation, RelationKind, Ring};
use samenspel::example;
use samenspel::geometry::{self, NetLayout, NetworkGeometry};
use samenspel::labels::{self, LabelAsk};
use samenspel::ui::present;

use crate::support::{Dir, load};
use crate::typing::type_slowly;
use crate::ui::{FakeDialogs, app, choose, harness, nav};

/// The region's parties of the north and of the south cluster (the
/// connector, party 10, in neither).
fn clusters(a: &Alliance) -> (Vec<Id>, Vec<Id>) {
    let north = ["Tubbergen", "Dinkelland", "Oldenzaal", "Losser", "Almelo"];
    let of = |north_side: bool| {
        a.parties
            .iter()
            .filter(|p| p.id != 10 && north.contains(&p.service_area.as_str()) == north_side)
            .map(|p| p.id)
            .collect()
    };
    (of(true), of(false))
}

#[test]
fn the_region_falls_into_its_two_clusters_with_the_connector_in_either() {
    let a = example::region();
    let actors: Vec<Actor> = a.parties.iter().map(|p| Actor::Party(p.id)).collect();
    let groups = communities(&actors, &a.relations);
    let group = |id: Id| groups[actors.iter().position(|x| *x == Actor::Party(id)).unwrap()];
    let (north, south) = clusters(&a);
    assert!(
        north.len() >= 25 && south.len() >= 25,
        "{north:?} {south:?}"
    );
    let g_north = group(north[0]);
    let g_south = group(south[0]);
    assert_ne!(g_north, g_south);
    for id in &north {
        assert_eq!(group(*id), g_north, "north party {id}");
    }
    for id in &south {
        assert_eq!(group(*id), g_south, "south party {id}");
    }
    assert!([g_north, g_south].contains(&group(10)), "the connector");
    let distinct: std::collections::HashSet<usize> = groups.iter().copied().collect();
    assert_eq!(distinct.len(), 2, "{groups:?}");
    // Louvain at resolution 1 only ever improves on putting each party
    // on its own, and is the same every time.
    let g = relation_graph(&actors, &a.relations);
    let fine = louvain(&g, 1.0);
    let alone: Vec<usize> = (0..actors.len()).collect();
    assert!(modularity(&g, &fine, 1.0) > modularity(&g, &alone, 1.0) + 0.3);
    assert_eq!(louvain(&g, 1.0), fine);
    assert_eq!(communities(&actors, &a.relations), groups);
}

#[test]
fn the_two_clusters_land_on_two_sides_and_the_connector_is_named() {
    let a = example::region();
    let geo = geometry::network(&a, NetLayout::Rings);
    assert_eq!(geo.sectors.len(), 2, "{:?}", geo.sectors);
    let (north, south) = clusters(&a);
    let mean = |ids: &[Id]| {
        let pts: Vec<_> = ids
            .iter()
            .filter(|id| **id != 7)
            .map(|id| geo.actor(Actor::Party(*id)).unwrap().center)
            .collect();
        let n = pts.len() as f32;
        (
            pts.iter().map(|p| p.x).sum::<f32>() / n,
            pts.iter().map(|p| p.y).sum::<f32>() / n,
        )
    };
    let (n, s) = (mean(&north), mean(&south));
    let (_, inner, _) = geo.rings.unwrap();
    let apart = ((n.0 - s.0).powi(2) + (n.1 - s.1).powi(2)).sqrt();
    assert!(apart > inner, "the clusters' middles are {apart} apart");
    // Every party of a cluster is on its cluster's side of the line
    // through the middle, square to the line between the two middles.
    let side = |id: Id| {
        let c = geo.actor(Actor::Party(id)).unwrap().center;
        (c.x * (n.0 - s.0) + c.y * (n.1 - s.1)).signum()
    };
    assert!(north.iter().all(|id| side(*id) > 0.0));
    assert!(
        south
            .iter()
            .filter(|id| **id != 7)
            .all(|id| side(*id) < 0.0)
    );
    // The connector: party 10 first among at most three.
    assert_eq!(geo.connectors.first(), Some(&Actor::Party(10)));
    assert!(geo.connectors.len() <= 3);
    let room = audience::room(&a);
    let connector = room
        .network
        .actors
        .iter()
        .find(|x| x.connector && x.name == a.party_name(Some(10)))
        .unwrap();
    assert!(connector.betweenness > 0.0);
}

fn assert_apart(geo: &NetworkGeometry, what: &str) {
    for (i, x) in geo.actors.iter().enumerate() {
        for y in &geo.actors[i + 1..] {
            let d = ((x.center.x - y.center.x).powi(2) + (x.center.y - y.center.y).powi(2)).sqrt();
            assert!(
                d >= x.radius + y.radius + 10.0,
                "{what}: {:?} and {:?} overlap ({d} < {} + {})",
                x.actor,
                y.actor,
                x.radius,
                y.radius
            );
        }
    }
}

#[test]
fn no_two_circles_overlap_at_59_150_and_300_parties() {
    for (what, a) in [
        ("region", example::region()),
        ("regional", example::regional(1)),
        ("2× regional", example::regional(2)),
        ("Samen Noord", example::samen_noord()),
        ("500 parties", example::large_maps(500, 10, 800)),
    ] {
        let geo = geometry::network(&a, NetLayout::Rings);
        assert_eq!(geo.actors.len(), a.network_actors().len(), "{what}");
        assert_apart(&geo, what);
        // Without hand-set places the free layout is the same.
        assert_apart(&geometry::network(&a, NetLayout::Free), what);
        // All relations are drawn.
        assert_eq!(geo.relations.len(), a.relations.len(), "{what}");
    }
    // The rings grew for the many.
    let (_, _, small) = geometry::network(&example::samen_noord(), NetLayout::Rings)
        .rings
        .unwrap();
    let (_, _, big) = geometry::network(&example::regional(1), NetLayout::Rings)
        .rings
        .unwrap();
    assert_eq!(small, geometry::OUTER_R);
    assert!(big > 2.0 * small, "{big}");
}

#[test]
fn hand_placed_actors_and_hand_set_rings_are_kept() {
    let mut a = example::region();
    a.placements.push(Placement {
        id: 1,
        actor: Actor::Party(12),
        x: 4321.0,
        y: -1234.0,
        ring: Ring::Outer,
    });
    a.placements.push(Placement {
        id: 2,
        actor: Actor::Party(10),
        x: 0.0,
        y: 0.0,
        ring: Ring::Outer,
    });
    let free = geometry::network(&a, NetLayout::Free);
    let p = free.actor(Actor::Party(12)).unwrap();
    assert_eq!((p.center.x, p.center.y), (4321.0, -1234.0));
    let rings = geometry::network(&a, NetLayout::Rings);
    let (c, _, outer) = rings.rings.unwrap();
    for id in [12, 10] {
        let g = rings.actor(Actor::Party(id)).unwrap();
        assert_eq!(g.ring, Ring::Outer, "party {id}");
        let r = ((g.center.x - c.x).powi(2) + (g.center.y - c.y).powi(2)).sqrt();
        assert!((r - outer).abs() < 0.5, "party {id} on the outer ring");
    }
    // The room's slides show the ring set by hand.
    let room = audience::room(&a);
    let ten = room
        .network
        .actors
        .iter()
        .find(|x| x.name == a.party_name(Some(10)))
        .unwrap();
    assert_eq!(ten.ring, Ring::Outer);
}

/// Names measured as a monospace face: 0.6 of the type size a character.
fn name_asks(
    geo: &NetworkGeometry,
    a: &Alliance,
    zoom: f32,
) -> (Vec<LabelAsk>, Vec<Vec<Vec<String>>>) {
    let size = 14.0;
    let names: Vec<&str> = geo.actors.iter().map(|g| a.actor_name(g.actor)).collect();
    let shorts = labels::short_names(&names);
    let forms: Vec<Vec<Vec<String>>> = names
        .iter()
        .zip(&shorts)
        .map(|(n, s)| labels::name_forms(n, s.as_deref()))
        .collect();
    let asks = geo
        .actors
        .iter()
        .zip(&forms)
        .map(|(g, forms)| LabelAsk {
            center: g.center,
            radius: g.radius,
            forms: forms
                .iter()
                .map(|lines| {
                    let chars = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                    (
                        (chars as f32 * 0.6 * size + 6.0) / zoom,
                        (lines.len() as f32 * 1.25 * size + 2.0) / zoom,
                    )
                })
                .collect(),
        })
        .collect();
    (asks, forms)
}

fn room(pad: f32, within: Option<geometry::Rect>) -> labels::LabelRoom<'static> {
    labels::LabelRoom {
        within,
        middle: geometry::Pt::new(0.0, 0.0),
        outward: true,
        pad,
        avoid: &[],
        must: &[],
    }
}

fn overlap(a: &geometry::Rect, b: &geometry::Rect) -> bool {
    a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
}

#[test]
fn placed_names_never_overlap_each_other_or_a_circle() {
    for a in [example::region(), example::regional(1)] {
        let geo = geometry::network(&a, NetLayout::Rings);
        let mut placed_at = Vec::new();
        for zoom in [0.15, 0.4, 1.0, 2.5] {
            let (asks, forms) = name_asks(&geo, &a, zoom);
            let all: Vec<usize> = (0..asks.len()).collect();
            let order = labels::label_order(&geo, &[], &all);
            let spots = labels::place_labels(&asks, &order, room(4.0 / zoom, None));
            let placed: Vec<(usize, geometry::Rect)> = spots
                .iter()
                .enumerate()
                .filter_map(|(k, s)| s.map(|s| (k, s.rect)))
                .collect();
            for (i, (k, r)) in placed.iter().enumerate() {
                for (l, q) in &placed[i + 1..] {
                    assert!(!overlap(r, q), "zoom {zoom}: names of {k} and {l} overlap");
                }
                for g in &geo.actors {
                    let x = g.center.x.clamp(r.min.x, r.max.x);
                    let y = g.center.y.clamp(r.min.y, r.max.y);
                    let d = ((g.center.x - x).powi(2) + (g.center.y - y).powi(2)).sqrt();
                    assert!(
                        d >= g.radius,
                        "zoom {zoom}: the name of {k} covers {:?}",
                        g.actor
                    );
                }
                // A name is whole words: its lines put together are the
                // name or its short form.
                let s = spots[*k].unwrap();
                let text = forms[*k][s.form].join(" ");
                let name = a.actor_name(geo.actors[*k].actor);
                assert!(name.ends_with(&text), "{text:?} of {name:?}");
            }
            placed_at.push(placed.len());
        }
        // Closer in, more names; the connectors are named first.
        assert!(placed_at.windows(2).all(|w| w[0] <= w[1]), "{placed_at:?}");
        assert_eq!(*placed_at.last().unwrap(), geo.actors.len(), "all at 2.5×");
        let (asks, _) = name_asks(&geo, &a, 1.0);
        let all: Vec<usize> = (0..asks.len()).collect();
        let order = labels::label_order(&geo, &[], &all);
        let first: Vec<Actor> = order[..geo.connectors.len()]
            .iter()
            .map(|k| geo.actors[*k].actor)
            .collect();
        assert_eq!(first, geo.connectors);
        let spots = labels::place_labels(&asks, &order, room(4.0, None));
        for c in &geo.connectors {
            let k = geo.actors.iter().position(|g| g.actor == *c).unwrap();
            assert!(spots[k].is_some(), "connector {c:?} is named");
        }
        // Looking at part of the map, every name stays inside the view.
        let (asks, _) = name_asks(&geo, &a, 1.0);
        let (_, _, outer) = geo.rings.unwrap();
        let window = geometry::Rect {
            min: geometry::Pt::new(-outer, -outer * 0.5),
            max: geometry::Pt::new(0.0, outer * 0.5),
        };
        let spots = labels::place_labels(&asks, &order, room(4.0, Some(window)));
        assert!(spots.iter().flatten().count() > 5);
        for s in spots.iter().flatten() {
            assert!(window.contains(s.rect.min) && window.contains(s.rect.max));
        }
    }
}

#[test]
fn names_break_between_words_and_shorten_only_where_it_still_tells_apart() {
    let forms = labels::name_forms("Jeugdhulp De Linde Hengelo", Some("De Linde Hengelo"));
    assert_eq!(forms[0], ["Jeugdhulp De Linde Hengelo"]);
    assert_eq!(forms[1], ["Jeugdhulp De", "Linde Hengelo"]);
    assert_eq!(forms[2], ["De Linde Hengelo"]);
    assert_eq!(
        labels::name_forms("Doras", None),
        vec![vec!["Doras".to_string()]]
    );
    let shorts = labels::short_names(&[
        "Gemeente Hengelo",
        "Gemeente Borne",
        "Gemeente Almelo",
        "Stichting Dock",
        "Borne",
    ]);
    assert_eq!(shorts[0].as_deref(), Some("Hengelo"));
    // "Borne" is another party's name already.
    assert_eq!(shorts[1], None);
    assert_eq!(shorts[3], None, "one Stichting: no common first word");
    // Nor a short form that begins another name after its first word.
    let shorts = labels::short_names(&[
        "Jeugdhulp De Linde",
        "Stichting De Linde Hengelo",
        "Jeugdhulp Horizon",
        "Stichting Zonnehof",
        "Jeugdhulp Kompas Borne",
        "Stichting Elan",
        "Jeugdhulp Hengelo",
    ]);
    assert_eq!(shorts[0], None, "De Linde reads as De Linde Hengelo too");
    assert_eq!(shorts[1].as_deref(), Some("De Linde Hengelo"));
    assert_eq!(shorts[2].as_deref(), Some("Horizon"));
    assert_eq!(
        shorts[6].as_deref(),
        Some("Hengelo"),
        "only a beginning counts"
    );
}

#[test]
fn the_commissioner_who_is_also_a_party_is_one_actor_with_both_roles() {
    let mut a = example::region();
    assert_eq!(a.info.commissioner.party, Some(7));
    // A relation of the commissioner runs to Hengelo's circle.
    a.relations.push(Relation {
        id: 999,
        from: Actor::Commissioner,
        to: Actor::Party(12),
        kind: RelationKind::Funds,
        strength: 2,
        ..Relation::default()
    });
    let geo = geometry::network(&a, NetLayout::Rings);
    assert!(geo.actors.iter().all(|g| g.actor != Actor::Commissioner));
    let hengelo = geo.actor(Actor::Party(7)).unwrap();
    assert!(hengelo.commissioner);
    assert_eq!(geo.actor(Actor::Commissioner), Some(hengelo));
    assert_eq!(geo.actors.iter().filter(|g| g.commissioner).count(), 1);
    let arrow = geo.relations.iter().find(|r| r.id == 999).unwrap();
    let d = ((arrow.from.x - hengelo.center.x).powi(2) + (arrow.from.y - hengelo.center.y).powi(2))
        .sqrt();
    assert!((d - hengelo.radius).abs() < 1.0, "leaves Hengelo's circle");
    let room = audience::room(&a);
    let named: Vec<_> = room
        .network
        .actors
        .iter()
        .filter(|x| x.name.starts_with("Gemeente Hengelo"))
        .collect();
    assert_eq!(named.len(), 1);
    assert!(named[0].commissioner && named[0].party);
    // Without the link, two actors again.
    a.info.commissioner.party = None;
    let geo = geometry::network(&a, NetLayout::Rings);
    assert!(
        geo.actor(Actor::Commissioner)
            .is_some_and(|g| g.commissioner)
    );
    assert!(geo.actor(Actor::Party(7)).is_some_and(|g| !g.commissioner));
}

#[test]
fn the_commissioner_as_party_is_chosen_kept_in_the_file_and_let_go_with_the_party() {
    let dir = Dir::new();
    let path = crate::support::example_file(&dir, "petten.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    choose(&mut h, "De opdrachtgever is ook partij", "Stichting Dock");
    drop(h);
    let a = load(&path);
    assert_eq!(a.info.commissioner.party, Some(3));
    // The JSON export carries it.
    let json = samenspel::exchange::Exchange::from_store(
        &samenspel::store::Store::open_read_only(&path).unwrap(),
    )
    .unwrap()
    .to_json();
    let back = samenspel::exchange::Exchange::parse(&json).unwrap();
    assert_eq!(back.alliance.info.commissioner.party, Some(3));
    // Removing the party lets go of it; undo brings both back.
    let mut doc = Document::open(&path).unwrap();
    let edit = doc.alliance().remove::<Party>(3).unwrap();
    doc.perform(edit).unwrap();
    assert_eq!(doc.alliance().info.commissioner.party, None);
    doc.undo().unwrap();
    assert_eq!(doc.alliance().info.commissioner.party, Some(3));
    // A party that is not there cannot be chosen.
    let mut info = doc.alliance().info.clone();
    info.commissioner.party = Some(4242);
    let edit = doc.alliance().set_info(info);
    assert!(doc.alliance().applied(&edit).is_err());
}

fn region_file(dir: &Dir) -> std::path::PathBuf {
    let path = dir.path("regio.samenspel");
    Document::create(&path, &example::region(), &[]).unwrap();
    path
}

/// The party circles on the map that are focused ("selected" buttons
/// named after a party).
fn focused(h: &egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>) -> Vec<String> {
    let names: Vec<String> = h
        .state()
        .alliance()
        .map(|a| a.parties.iter().map(|p| p.name.clone()).collect())
        .unwrap_or_default();
    h.root()
        .children_recursive()
        .filter(|n| {
            let node = n.accesskit_node();
            node.role() == Role::Button && node.toggled() == Some(egui::accesskit::Toggled::True)
        })
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| names.iter().any(|n| l.starts_with(n.as_str())))
        .collect()
}

/// The texts on screen: labels and values, not the rows a wrapped text
/// is laid out in.
fn texts(h: &egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>) -> Vec<String> {
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() != Role::TextRun)
        .flat_map(|n| [n.accesskit_node().label(), n.accesskit_node().value()])
        .flatten()
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn find_a_party_by_typing_part_of_its_name_and_focus_it() {
    let dir = Dir::new();
    let path = region_file(&dir);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Netwerkkaart");
    // The connectors are named above the map.
    let a = example::region();
    let ten = a.party_name(Some(10)).to_string();
    h.get_by_label_contains(&format!("Verbinders: {ten}"));
    h.get_by_label("Zoek een partij").click();
    h.run();
    type_slowly(&mut h, "almelo");
    assert_eq!(
        h.get_by_label("Zoek een partij").value().as_deref(),
        Some("almelo")
    );
    let first = a
        .parties
        .iter()
        .find(|p| p.name.to_lowercase().contains("almelo"))
        .unwrap()
        .name
        .clone();
    // The matches are offered; nothing is focused yet.
    assert!(
        h.query_all_by_label(&first).count() >= 2,
        "{first} on the map and as a match"
    );
    assert!(focused(&h).is_empty(), "{:?}", focused(&h));
    h.key_press(egui::Key::Enter);
    h.run();
    let now = focused(&h);
    assert!(now.iter().any(|l| l.starts_with(&first)), "{now:?}");
    // Its relations are listed beside the map, with whole names.
    let relations: Vec<String> = texts(&h)
        .into_iter()
        .filter(|l| l.contains(" → ") || l.contains(" — "))
        .collect();
    assert!(
        relations.iter().any(|l| l.contains(&first)),
        "{relations:?}"
    );
    // Esc in the field clears the search and the focus.
    h.get_by_label("Zoek een partij").click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(
        h.get_by_label("Zoek een partij").value().as_deref(),
        Some("")
    );
    assert!(focused(&h).is_empty());
    // A click on a circle focuses it too.
    h.get_by_label_contains(&format!("{ten} (verbinder)"))
        .click();
    h.run();
    assert!(
        focused(&h).iter().any(|l| l.starts_with(&ten)),
        "{:?}",
        focused(&h)
    );
}

#[test]
fn the_relations_list_tells_apart_names_that_share_a_long_beginning() {
    let dir = Dir::new();
    let path = dir.path("lang.samenspel");
    let mut a = Alliance::named("Lange namen");
    let long = "Stichting Maatschappelijke Dienstverlening en Gezinsondersteuning Regio";
    for (id, name) in [
        (1, "Gemeente Hengelo".to_string()),
        (2, format!("{long} Noord")),
        (3, format!("{long} Zuid")),
    ] {
        a.parties.push(Party {
            id,
            name,
            ..Party::default()
        });
    }
    for (id, to) in [(1, 2), (2, 3)] {
        a.relations.push(Relation {
            id,
            from: Actor::Party(1),
            to: Actor::Party(to),
            kind: RelationKind::Funds,
            strength: 2,
            ..Relation::default()
        });
    }
    Document::create(&path, &a, &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Netwerkkaart");
    h.get_by_label("Zoek een partij").click();
    h.run();
    type_slowly(&mut h, "hengelo");
    h.key_press(egui::Key::Enter);
    h.run();
    let width = 1280.0;
    let mut seen = Vec::new();
    for side in ["Noord", "Zuid"] {
        let text = format!("Gemeente Hengelo → {long} {side}");
        let node = h.get_by_label(&text);
        let r = node.rect();
        assert!(
            r.max.x <= width,
            "{side}: the line is cut at the panel's edge ({r:?})"
        );
        seen.push(text);
    }
    assert_ne!(seen[0], seen[1]);
    // Each relation's remove button and its "only for me" box are inside
    // the window too (the review found them run off to the right).
    let mut controls = 0;
    for n in h.query_all_by(|n| {
        matches!(n.role(), Role::Button | Role::CheckBox)
            && n.label().is_some_and(|l| l.contains("Hengelo –"))
    }) {
        controls += 1;
        let r = n.rect();
        assert!(
            r.max.x <= width,
            "{:?} at {r:?}",
            n.accesskit_node().label()
        );
    }
    assert_eq!(controls, 4, "two remove buttons, two boxes");
    // So in the region, on the connector with its many relations.
    let path = region_file(&dir);
    let a = load(&path);
    let connector = a.party_name(Some(10)).to_string();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Netwerkkaart");
    h.get_by_label("Zoek een partij").click();
    h.run();
    type_slowly(&mut h, &connector);
    h.key_press(egui::Key::Enter);
    h.run();
    let mut controls = 0;
    for n in h.query_all_by(|n| {
        matches!(n.role(), Role::Button | Role::CheckBox)
            && n.label().is_some_and(|l| l.contains(&connector))
    }) {
        controls += 1;
        let r = n.rect();
        assert!(
            r.max.x <= width,
            "{:?} at {r:?}",
            n.accesskit_node().label()
        );
    }
    assert!(controls >= 4, "{controls} controls");
}

#[test]
fn network_slides_go_connectors_first_then_by_ring_and_split_long_lists() {
    let mut a = example::region();
    // One party with very many relations.
    for (k, p) in a
        .parties
        .clone()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.id > 20)
    {
        a.relations.push(Relation {
            id: 5000 + k as Id,
            from: Actor::Party(15),
            to: Actor::Party(p.id),
            kind: RelationKind::WorksWith,
            strength: 1,
            ..Relation::default()
        });
    }
    let room = audience::room(&a);
    let net = &room.network;
    let screen = egui::vec2(1920.0, 1080.0);
    let steps = present::network_steps(&room, screen);
    assert_eq!(
        present::steps(&room, present::Slide::Network, screen),
        1 + steps.len()
    );
    // Every actor has its steps, in one run, pages in order.
    let mut actors: Vec<usize> = steps.iter().map(|s| s.actor).collect();
    actors.dedup();
    assert_eq!(actors.len(), net.actors.len());
    let tier = |k: usize| {
        let x = &net.actors[k];
        if x.connector {
            0
        } else if x.commissioner {
            1
        } else if x.ring == Ring::Inner {
            2
        } else {
            3
        }
    };
    assert!(
        actors.windows(2).all(|w| tier(w[0]) <= tier(w[1])),
        "connectors, middle, inner, outer"
    );
    assert_eq!(tier(actors[0]), 0);
    // The busy party's relations over several slides, each said once.
    let busy = net
        .actors
        .iter()
        .position(|x| x.name == a.party_name(Some(15)))
        .unwrap();
    let pages: Vec<_> = steps.iter().filter(|s| s.actor == busy).collect();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    assert!(
        pages
            .iter()
            .enumerate()
            .all(|(i, s)| s.page == i && s.pages == pages.len())
    );
    let lines = present::relation_lines(net, busy, samenspel::i18n::Lang::Nl);
    assert_eq!(lines.len(), net.relations_of(busy).len());
    // What the slides show: every line of the busy party once, over its
    // pages, and on the map only whole names.
    let names: Vec<String> = a.parties.iter().map(|p| p.name.clone()).collect();
    let shorts = labels::short_names(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let slides = [present::Slide::Network];
    let mut h = egui_kittest::Harness::builder()
        .with_size(screen)
        .with_context_setup(samenspel::ui::theme::install)
        .build_ui_state(
            |ui, state: &mut present::PresentState| {
                present::show(ui, samenspel::i18n::Lang::Nl, &room, &slides, state);
            },
            present::PresentState::default(),
        );
    let mut shown_lines = Vec::new();
    for (i, s) in steps.iter().enumerate() {
        if s.actor != busy && i > 3 {
            continue;
        }
        h.state_mut().step = i + 1;
        h.run();
        let texts: Vec<String> = h
            .root()
            .children_recursive()
            // (Not the rows a wrapped text is laid out in.)
            .filter(|n| n.accesskit_node().role() != Role::TextRun)
            .flat_map(|n| [n.accesskit_node().label(), n.accesskit_node().value()])
            .flatten()
            .filter(|t| !t.is_empty())
            .collect();
        if s.actor == busy {
            shown_lines.extend(texts.iter().filter(|t| t.starts_with("•  ")).cloned());
        }
        for t in texts.iter().filter(|t| !t.starts_with("•  ")) {
            let whole = names.iter().any(|n| n == t)
                || shorts.iter().flatten().any(|s| s == t)
                || !names.iter().any(|n| n.contains(t.as_str()));
            assert!(whole, "{t:?} is a name cut short");
        }
    }
    let expected: Vec<String> = lines.iter().map(|l| format!("•  {l}")).collect();
    assert_eq!(shown_lines, expected);
}

#[test]
fn the_printed_network_map_names_every_party_on_the_map_or_by_number() {
    let mut a = example::region();
    a.meetings.push(samenspel::domain::Meeting {
        id: 1,
        body: Some(1),
        title: "Bestuurstafel maart".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 12),
        start: "14:00".into(),
        end: "16:00".into(),
        place: "Hengelo".into(),
        ..samenspel::domain::Meeting::default()
    });
    let room = audience::room(&a);
    let bytes = samenspel::report::meeting::pack(&room, 1, samenspel::i18n::Lang::Nl).unwrap();
    if let Some(dir) = std::env::var_os("SAMENSPEL_NETMAP_OUT") {
        std::fs::write(std::path::Path::new(&dir).join("region-pack.pdf"), &bytes).unwrap();
    }
    let pages = crate::pdf::read_pages(&bytes);
    let map = pages
        .iter()
        .position(|p| p.contains("Netwerkkaart"))
        .expect("a network page");
    let words: String = pages[map..].join("\n");
    for p in &a.parties {
        for word in p.name.split_whitespace() {
            assert!(
                words.contains(word),
                "{} on the network map or its key",
                p.name
            );
        }
    }
}

/// On a party's slide the party and each of its neighbours are named on
/// the map, however crowded the rings around them; on the whole map, the
/// connectors are (the review found Gemeente Tubbergen, a connector,
/// unnamed on every slide and on its own).
#[test]
fn a_partys_slide_names_it_and_its_neighbours_and_the_whole_map_its_connectors() {
    let a = example::region();
    let room = audience::room(&a);
    let net = &room.network;
    let names: Vec<&str> = net.actors.iter().map(|x| x.name.as_str()).collect();
    let shorts = labels::short_names(&names);
    for screen in [egui::vec2(1280.0, 800.0), egui::vec2(1920.0, 1080.0)] {
        let steps = present::network_steps(&room, screen);
        let slides = [present::Slide::Network];
        let mut h = egui_kittest::Harness::builder()
            .with_size(screen)
            .with_context_setup(samenspel::ui::theme::install)
            .build_ui_state(
                |ui, state: &mut present::PresentState| {
                    present::show(ui, samenspel::i18n::Lang::Nl, &room, &slides, state);
                },
                present::PresentState::default(),
            );
        // The names written on the map: below the heading, left of the
        // list of relations.
        let on_map = |h: &egui_kittest::Harness<'_, present::PresentState>| -> Vec<String> {
            h.root()
                .children_recursive()
                .filter(|n| n.accesskit_node().role() != Role::TextRun)
                .filter(|n| {
                    n.accesskit_node().bounding_box().is_some_and(|r| {
                        let (x, y) = ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
                        y > f64::from(screen.y) * 0.18 && x < f64::from(screen.x) * 0.6
                    })
                })
                .flat_map(|n| [n.accesskit_node().label(), n.accesskit_node().value()])
                .flatten()
                .collect()
        };
        let named = |shown: &[String], k: usize| {
            shown
                .iter()
                .any(|t| t == names[k] || shorts[k].as_deref() == Some(t.as_str()))
        };
        h.run();
        let whole = on_map(&h);
        for (k, x) in net.actors.iter().enumerate() {
            if x.connector {
                assert!(
                    named(&whole, k),
                    "connector {} unnamed at {screen:?}: {whole:?}",
                    x.name
                );
            }
        }
        for (i, s) in steps.iter().enumerate() {
            if s.page > 0 {
                continue;
            }
            h.state_mut().step = i + 1;
            h.run();
            let shown = on_map(&h);
            let mut wanted = vec![s.actor];
            for r in net.relations_of(s.actor) {
                if let Some((f, t)) = r.ends {
                    wanted.push(if f == s.actor { t } else { f });
                }
            }
            for k in wanted {
                assert!(
                    named(&shown, k),
                    "{} unnamed on the slide of {} at {screen:?}",
                    names[k],
                    names[s.actor]
                );
            }
        }
    }
}

/// A party with a very long word in its name: its slide writes the name
/// smaller rather than break the word (the review saw "…zorgcoörd /
/// inatiecentrum").
#[test]
fn a_long_word_in_a_partys_name_is_never_broken_on_its_slide() {
    let word = "Jeugdgezondheidszorgcoördinatiecentrum";
    let mut a = example::region();
    a.parties[20].name = format!("Stichting {word} Noordoost-Twente en Omstreken");
    let room = audience::room(&a);
    let k = room
        .network
        .actors
        .iter()
        .position(|x| x.name == a.parties[20].name)
        .unwrap();
    for screen in [egui::vec2(1280.0, 800.0), egui::vec2(1920.0, 1080.0)] {
        let steps = present::network_steps(&room, screen);
        let at = steps.iter().position(|s| s.actor == k).unwrap();
        let slides = [present::Slide::Network];
        let mut h = egui_kittest::Harness::builder()
            .with_size(screen)
            .with_context_setup(samenspel::ui::theme::install)
            .build_ui_state(
                |ui, state: &mut present::PresentState| {
                    present::show(ui, samenspel::i18n::Lang::Nl, &room, &slides, state);
                },
                present::PresentState {
                    step: at + 1,
                    ..Default::default()
                },
            );
        h.run();
        let runs: Vec<String> = h
            .root()
            .children_recursive()
            .filter(|n| n.accesskit_node().role() == Role::TextRun)
            .flat_map(|n| [n.accesskit_node().label(), n.accesskit_node().value()])
            .flatten()
            .collect();
        let parts: Vec<&String> = runs.iter().filter(|r| r.contains("Jeugdgezond")).collect();
        assert!(!parts.is_empty(), "the name is on the slide: {runs:?}");
        for r in parts {
            assert!(r.contains(word), "{r:?} breaks the word at {screen:?}");
        }
    }
}

/// The network's measures are remembered between projections (the room
/// is rebuilt on every revision while presenting), and a changed network
/// is measured afresh: on the same thread the answers are those a fresh
/// thread, which remembers nothing, computes.
#[test]
fn remembered_network_measures_follow_every_change() {
    use samenspel::domain::network::close_groups;
    use samenspel::domain::strategy::betweenness;
    let a = example::region();
    let actors: Vec<Actor> = a.parties.iter().map(|p| Actor::Party(p.id)).collect();
    let fresh = |actors: Vec<Actor>, relations: Vec<Relation>| {
        std::thread::spawn(move || {
            (
                betweenness(&actors, &relations),
                communities(&actors, &relations),
                close_groups(&actors, &relations),
            )
        })
        .join()
        .unwrap()
    };
    let here = |actors: &[Actor], relations: &[Relation]| {
        (
            betweenness(actors, relations),
            communities(actors, relations),
            close_groups(actors, relations),
        )
    };
    let before = here(&actors, &a.relations);
    assert_eq!(before, fresh(actors.clone(), a.relations.clone()));
    // The connector's relations removed: the measures change, here too.
    let cut: Vec<Relation> = a
        .relations
        .iter()
        .filter(|r| r.from != Actor::Party(10) && r.to != Actor::Party(10))
        .cloned()
        .collect();
    let after = here(&actors, &cut);
    assert_eq!(after, fresh(actors.clone(), cut.clone()));
    assert_ne!(after.0, before.0, "the connector no longer connects");
    // One party less: measured afresh as well.
    let fewer = &actors[1..];
    assert_eq!(here(fewer, &cut), fresh(fewer.to_vec(), cut.clone()));
    // And back to the first network.
    assert_eq!(here(&actors, &a.relations), before);
}
