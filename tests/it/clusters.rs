//! The network at 120 and 300 parties (issue 32): close groups collapsed
//! into one labelled node with their outside relations bundled, opened by
//! a click or a search; connectors named on the overview slide and the
//! printed map; a commissioner without a name never an unnamed dot; a
//! set's check-in whose rules read whole.

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use samenspel::audience;
use samenspel::clusters;
use samenspel::document::Document;
use samenspel::domain::Actor;
use samenspel::example;
use samenspel::geometry::{self, NetLayout};

use crate::support::Dir;
use crate::typing::type_slowly;
use crate::ui::{FakeDialogs, app, choose, harness, nav};

#[test]
fn collapsed_groups_hide_their_parties_and_bundle_every_outside_relation_once() {
    for scale in [1, 2] {
        let a = example::regional(scale);
        let geo = geometry::network(&a, NetLayout::Rings);
        let all = clusters::groups(&geo, 4);
        assert!(all.len() >= 3, "{scale}: {all:?}");
        let shown = clusters::collapse(&a, &geo, &all);
        assert_eq!(shown.clusters.len(), all.len());
        // Every party of a collapsed group is in its node, and only there.
        let hidden: BTreeSet<Actor> = shown
            .clusters
            .iter()
            .flat_map(|c| c.members.iter().copied())
            .collect();
        for g in &geo.actors {
            let in_group = g.cluster.is_some_and(|c| all.contains(&c));
            assert_eq!(hidden.contains(&g.actor), in_group, "{:?}", g.actor);
            assert_eq!(
                shown.geo.actors.iter().any(|x| x.actor == g.actor),
                !in_group
            );
        }
        for c in &shown.clusters {
            assert!(c.members.len() >= 4);
            assert!(c.spread.contains(c.center), "{c:?}");
            // Named after its most central party.
            let most = c
                .members
                .iter()
                .map(|m| geo.actor(*m).unwrap().betweenness)
                .fold(0.0f32, f32::max);
            assert_eq!(geo.actor(c.lead().unwrap()).unwrap().betweenness, most);
        }
        // Counted independently: each relation drawn as it was, inside a
        // collapsed group (not drawn), or in exactly one bundle.
        let node = |x: Actor| {
            let x = geo.node_of(x);
            match geo
                .actor(x)
                .and_then(|g| g.cluster)
                .filter(|c| all.contains(c))
            {
                Some(c) => clusters::End::Group(c),
                None => clusters::End::Actor(x),
            }
        };
        let (mut kept, mut inside, mut bundled) = (0, 0, 0);
        for arrow in &geo.relations {
            let r = a.relations.iter().find(|r| r.id == arrow.id).unwrap();
            match (node(r.from), node(r.to)) {
                (clusters::End::Actor(_), clusters::End::Actor(_)) => kept += 1,
                (x, y) if x == y => inside += 1,
                _ => bundled += 1,
            }
        }
        assert_eq!(shown.geo.relations.len(), kept);
        assert_eq!(
            shown.bundles.iter().map(|b| b.count).sum::<usize>(),
            bundled
        );
        assert!(inside > 0 && bundled > 0, "{inside} {bundled}");
        // One line per pair of ends.
        let pairs: BTreeSet<_> = shown.bundles.iter().map(|b| b.ends).collect();
        assert_eq!(pairs.len(), shown.bundles.len());
        // Nothing collapsed: the map as it was.
        let none = clusters::collapse(&a, &geo, &BTreeSet::new());
        assert_eq!(none.geo, geo);
        assert!(none.clusters.is_empty() && none.bundles.is_empty());
    }
}

#[test]
fn close_groups_each_sit_in_one_sector_of_the_rings() {
    let a = example::regional(1);
    let geo = geometry::network(&a, NetLayout::Rings);
    for c in clusters::groups(&geo, 1) {
        let sectors: BTreeSet<Option<usize>> = geo
            .actors
            .iter()
            .filter(|g| g.cluster == Some(c))
            .map(|g| g.group)
            .collect();
        assert_eq!(sectors.len(), 1, "close group {c} spans {sectors:?}");
    }
}

fn group_buttons(h: &egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>) -> Vec<String> {
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.contains(" e.a. ("))
        .collect()
}

#[test]
fn a_large_map_opens_collapsed_and_a_click_or_a_search_opens_a_group() {
    let dir = Dir::new();
    let path = dir.path("regio.samenspel");
    let a = example::regional(1);
    Document::create(&path, &a, &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Netwerkkaart");
    let groups = group_buttons(&h);
    assert!(groups.len() >= 3, "{groups:?}");
    // The toggle stays where it is when clicked (its words change, its
    // place under the pointer does not), and opens every group.
    let toggle = h.get_by_label("Alle partijen tonen").rect().min;
    h.get_by_label("Alle partijen tonen").click();
    h.run();
    assert!(group_buttons(&h).is_empty());
    assert_eq!(h.get_by_label("Groepen samenvouwen").rect().min, toggle);
    h.get_by_label("Groepen samenvouwen").click();
    h.run();
    assert_eq!(group_buttons(&h).len(), groups.len());
    // A click on a group opens it: its parties are drawn, the rest stays.
    let first = groups[0].clone();
    let lead = first.split(" e.a. (").next().unwrap().to_string();
    assert!(h.query_by_label_contains(&format!("{lead} (")).is_none());
    // (Through accessibility: inside the map's egui::Scene a node's bounds
    // are in map units, so a pointer sent to them would miss.)
    h.get_by_label(&first).click_accesskit();
    h.run();
    let now = group_buttons(&h);
    assert_eq!(now.len(), groups.len() - 1, "{now:?}");
    assert!(!now.contains(&first));
    assert!(
        h.query_all_by_label_contains(&lead).count() >= 1,
        "{lead} drawn once its group is open"
    );
    // A search finds a party inside a collapsed group, opens the group and
    // focuses the party.
    let geo = geometry::network(&a, NetLayout::Rings);
    let other = &groups[1];
    let other_lead = other.split(" e.a. (").next().unwrap();
    let party = a
        .parties
        .iter()
        .find(|p| p.name == other_lead)
        .expect("a group is named after a party");
    assert!(geo.actor(Actor::Party(party.id)).unwrap().cluster.is_some());
    h.get_by_label("Zoek een partij").click();
    h.run();
    type_slowly(&mut h, &party.name);
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert!(
        !group_buttons(&h).contains(other),
        "{:?}",
        group_buttons(&h)
    );
}

#[test]
fn the_printed_map_and_the_overview_slide_name_the_connectors_and_the_commissioner() {
    let mut a = example::regional(1);
    a.info.commissioner.name.clear();
    let room = audience::room(&a);
    let connectors = room.network.connector_names();
    assert!(!connectors.is_empty());
    // The commissioner without a name is called so.
    let commissioner = room
        .network
        .actors
        .iter()
        .find(|x| x.commissioner && !x.party)
        .expect("the commissioner on the map");
    assert_eq!(commissioner.name, "Opdrachtgever");
    let bytes =
        samenspel::report::maps::document(&room, samenspel::i18n::Lang::Nl).expect("a maps PDF");
    let pages = crate::pdf::read_pages(&bytes);
    let map = pages
        .iter()
        .find(|p| p.contains("Netwerkkaart"))
        .expect("a network page");
    let flat = map.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("Verbinders: {}", connectors.join(", "))),
        "{flat}"
    );
}

#[test]
fn a_sets_check_in_shows_each_rule_readable_beside_its_scores() {
    let dir = Dir::new();
    let path = dir.path("noord.samenspel");
    let a = example::samen_noord();
    Document::create(&path, &a, &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Spelregels");
    h.get_by_label("Check-in over de set").scroll_to_me();
    h.run();
    h.get_by_label("Check-in over de set").click();
    h.run();
    let party = a.parties[0].name.clone();
    choose(&mut h, "Check-in voor partij", &party);
    let rule = a
        .ground_rules
        .iter()
        .find(|r| r.rule_set == Some(1))
        .unwrap()
        .text
        .clone();
    let label = h
        .query_all_by_label(&rule)
        .map(|n| n.rect())
        .max_by(|x, y| x.width().total_cmp(&y.width()))
        .expect("the rule beside its scores");
    // A cut label in a grid shrank to its first word ("Elke…").
    assert!(label.width() >= 250.0, "{label:?}");
}
