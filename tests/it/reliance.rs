//! Who counts on whom (issue 29, part 2): the pairs computed from the
//! wishes and the work plan, checked against a computation of its own; a
//! party's page, the pack, the slide, the matrix in the window and the
//! arrows on the network map, which never pass through a third circle.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use egui_kittest::kittest::Queryable;
use samenspel::audience;
use samenspel::domain::{AgendaItem, Alliance, FocalPoint, Id, Party, PlanLine};
use samenspel::i18n::Lang;
use samenspel::report::{self, Kind, Request};

use crate::pdf::text_of;

type Pairs = BTreeMap<(Id, Id), (BTreeSet<Id>, BTreeSet<Id>)>;

/// Who counts on whom, worked out the long way: every ordered pair of
/// current parties, and for each the wishes of the first that name the
/// second, and the lines the second works on that take up a wish of the
/// first (or that the first leads, when a line takes up no wish).
fn by_hand(a: &Alliance) -> Pairs {
    let current: Vec<Id> = a
        .parties
        .iter()
        .filter(|p| p.left.is_none())
        .map(|p| p.id)
        .collect();
    let mut out = Pairs::new();
    for &from in &current {
        for &on in &current {
            if from == on {
                continue;
            }
            let wishes: BTreeSet<Id> = a
                .agenda_items
                .iter()
                .filter(|i| i.party == from && i.depends_on.contains(&on))
                .map(|i| i.id)
                .collect();
            let lines: BTreeSet<Id> = a
                .plan_lines
                .iter()
                .filter(|l| l.lead == Some(on) || l.parties.contains(&on))
                .filter(|l| {
                    let owners: Vec<Id> = a
                        .agenda_items
                        .iter()
                        .filter(|i| l.items.contains(&i.id))
                        .map(|i| i.party)
                        .collect();
                    if owners.is_empty() {
                        l.lead == Some(from)
                    } else {
                        owners.contains(&from)
                    }
                })
                .map(|l| l.id)
                .collect();
            if !wishes.is_empty() || !lines.is_empty() {
                out.insert((from, on), (wishes, lines));
            }
        }
    }
    out
}

fn computed(a: &Alliance) -> Pairs {
    a.reliances()
        .into_iter()
        .map(|r| {
            (
                (r.from, r.on),
                (
                    r.wishes.into_iter().collect(),
                    r.lines.into_iter().collect(),
                ),
            )
        })
        .collect()
}

#[test]
fn the_matrix_of_the_example_and_the_region_matches_a_computation_of_its_own() {
    for (name, a) in [
        ("example", samenspel::example::samen_noord()),
        ("region", samenspel::example::regional(1)),
    ] {
        let want = by_hand(&a);
        assert!(!want.is_empty(), "{name}: someone counts on someone");
        assert_eq!(computed(&a), want, "{name}");
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The Hengelo lab in small: De Brug is on no line of the work plan, yet
/// the corporation's escalation route and the municipality's day
/// activities need it. The four stand in a row, so a straight arrow from
/// Woonstede to Horizon would run through the municipality's circle.
pub(crate) fn lab() -> Alliance {
    let mut a = Alliance::named("Praktijklab Hengelo");
    for (id, name) in [
        (1, "Gemeente Hengelo"),
        (2, "Woonstede"),
        (3, "De Brug"),
        (4, "Horizon"),
    ] {
        a.parties.push(Party {
            id,
            name: name.into(),
            ..Default::default()
        });
    }
    a.focal_points.push(FocalPoint {
        id: 1,
        position: 1,
        name: "Wonen".into(),
        ..Default::default()
    });
    for (id, party, title, depends) in [
        (1, 2, "Escalatieroute bij overlast", vec![3, 4]),
        (2, 1, "Dagbesteding in de wijk", vec![3]),
        (3, 4, "Vroegsignalering", vec![2]),
    ] {
        a.agenda_items.push(AgendaItem {
            id,
            party,
            title: title.into(),
            depends_on: depends,
            focal_point: Some(1),
            ..Default::default()
        });
    }
    a.plan_lines.push(PlanLine {
        id: 1,
        focal_point: 1,
        position: 1,
        what: "Escalatieprotocol opstellen".into(),
        lead: Some(1),
        parties: vec![4],
        items: vec![1],
        due: Some(day(2027, 3, 1)),
        ..Default::default()
    });
    a
}

fn document(a: &Alliance, kind: Kind, of: Option<Id>, lang: Lang) -> String {
    let bytes = report::build(
        a,
        &Request {
            kind,
            meeting: None,
            version: None,
            of,
            lang,
        },
        day(2026, 12, 6),
    )
    .unwrap()
    .bytes;
    text_of(&bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_partys_page_says_what_others_count_on_it_for() {
    let a = lab();
    let brug = document(&a, Kind::PartyShare, Some(3), Lang::Nl);
    // Not "Nog niets." under what it takes on while others count on it.
    assert!(
        brug.contains("Nog geen regel van het werkplan, maar anderen rekenen wel op u"),
        "{brug}"
    );
    assert!(brug.contains("Anderen rekenen op u voor"), "{brug}");
    assert!(
        brug.contains("Woonstede: Escalatieroute bij overlast"),
        "{brug}"
    );
    assert!(
        brug.contains("Gemeente Hengelo: Dagbesteding in de wijk"),
        "{brug}"
    );
    // Horizon is counted on for the wish and for the line it works on.
    let horizon = document(&a, Kind::PartyShare, Some(4), Lang::En);
    assert!(horizon.contains("Others count on you for"), "{horizon}");
    assert!(
        horizon.contains(
            "Woonstede: Escalatieroute bij overlast; Wonen, line 1: Escalatieprotocol opstellen"
        ),
        "{horizon}"
    );
    assert!(horizon.contains("You count on"), "{horizon}");
    assert!(horizon.contains("Woonstede: Vroegsignalering"), "{horizon}");
}

#[test]
fn the_pack_has_a_page_of_who_counts_on_whom_and_the_map_draws_it() {
    let mut a = lab();
    a.meetings.push(samenspel::domain::Meeting {
        id: 1,
        title: "Overleg 1".into(),
        date: Some(day(2026, 12, 10)),
        ..Default::default()
    });
    let bytes = report::build(
        &a,
        &Request {
            kind: Kind::Pack,
            meeting: Some(1),
            version: None,
            of: None,
            lang: Lang::Nl,
        },
        day(2026, 12, 6),
    )
    .unwrap()
    .bytes;
    let text = text_of(&bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Wie rekent op wie"), "{text}");
    assert!(text.contains("Rekent op"), "{text}");
    // The map of who counts on whom is in the pack although no relation
    // is recorded (a page of its own, beside the network map's relations):
    // its legend names the dashed arrows.
    assert_eq!(
        text.matches("Wie rekent op wie Uit de wensen en het werkplan")
            .count(),
        2,
        "the table and the map: {text}"
    );
    assert!(
        !text.contains("Netwerkkaart"),
        "no relations, no network map: {text}"
    );
    assert!(text.contains("Horizon rekent op"), "{text}");
}

/// Every arrow of who counts on whom keeps clear of every circle it does
/// not belong to, on the lab (four in a row), the example and the region.
#[test]
fn no_arrow_of_who_counts_on_whom_runs_through_a_third_circle() {
    for (name, a) in [
        ("lab", lab()),
        ("example", samenspel::example::samen_noord()),
        ("region", samenspel::example::regional(1)),
    ] {
        let net = audience::room(&a).network;
        assert!(!net.dependencies.is_empty(), "{name}");
        for d in &net.dependency_routes() {
            let others: Vec<(samenspel::geometry::Pt, f32)> = net
                .actors
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != d.ends.0 && *k != d.ends.1)
                .map(|(_, x)| (x.center, x.radius))
                .collect();
            let room = samenspel::geometry::clearance(&d.route, &others);
            assert!(
                room > 0.0,
                "{name}: {} → {} runs through a circle ({room})",
                net.actors[d.ends.0].name,
                net.actors[d.ends.1].name
            );
            // It starts at the one circle and ends at the other.
            let near = |p: samenspel::geometry::Pt, k: usize| {
                let x = &net.actors[k];
                ((p.x - x.center.x).powi(2) + (p.y - x.center.y).powi(2)).sqrt() <= x.radius * 1.5
            };
            assert!(near(d.route[0], d.ends.0) && near(*d.route.last().unwrap(), d.ends.1));
        }
    }
    // In the lab the arrow Woonstede → Horizon had to bend.
    let net = audience::room(&lab()).network;
    let bent = net.dependency_routes().iter().any(|d| d.route.len() > 2);
    assert!(bent, "the straight arrow would cross the municipality");
}

#[test]
fn the_slide_shows_one_party_at_a_time() {
    use samenspel::ui::present::{self, PresentState, Slide};
    let room = audience::room(&lab());
    let slides = present::slides(&room, None);
    let at = slides
        .iter()
        .position(|s| *s == Slide::Reliance)
        .expect("a slide of who counts on whom");
    let screen = egui::vec2(1280.0, 720.0);
    // The overview, then the four parties.
    assert_eq!(present::steps(&room, Slide::Reliance, screen), 5);
    let mut h = egui_kittest::Harness::builder()
        .with_size(screen)
        .with_context_setup(samenspel::ui::theme::install)
        .build_ui_state(
            |ui, state: &mut PresentState| {
                present::show(ui, Lang::Nl, &room, &slides, state);
            },
            PresentState {
                slide: at,
                step: 3,
                ..Default::default()
            },
        );
    h.run();
    h.get_by_label("De Brug: wie rekent op u, en op wie rekent u");
    h.get_by_label("Op De Brug rekenen");
    h.get_by_label("Woonstede");
    h.get_by_label("Escalatieroute bij overlast");
    h.get_by_label("Dagbesteding in de wijk");
    // De Brug counts on no one: said as that.
    h.get_by_label("Voor zover de wensen en het werkplan zeggen: op niemand.");
    // Without Horizon's wish no one counts on Woonstede: said as that, not
    // as "it counts on no one".
    let mut b = lab();
    b.agenda_items.retain(|i| i.id != 3);
    let room_b = audience::room(&b);
    let slides_b = present::slides(&room_b, None);
    let at_b = slides_b.iter().position(|s| *s == Slide::Reliance).unwrap();
    let parties_b = present::reliance_parties(&room_b);
    let overview_b = present::steps(&room_b, Slide::Reliance, screen) - parties_b.len();
    let woonstede = parties_b.iter().position(|p| *p == "Woonstede").unwrap();
    let mut hb = egui_kittest::Harness::builder()
        .with_size(screen)
        .with_context_setup(samenspel::ui::theme::install)
        .build_ui_state(
            |ui, state: &mut PresentState| {
                present::show(ui, Lang::Nl, &room_b, &slides_b, state);
            },
            PresentState {
                slide: at_b,
                step: overview_b + woonstede,
                ..Default::default()
            },
        );
    hb.run();
    hb.get_by_label("Woonstede: wie rekent op u, en op wie rekent u");
    hb.get_by_label("Voor zover de wensen en het werkplan zeggen: nog niemand.");

    // The example's nine parties: the overview pages through all of them
    // before the slide takes one party at a time.
    let room = audience::room(&samenspel::example::samen_noord());
    let slides = present::slides(&room, None);
    let at = slides.iter().position(|s| *s == Slide::Reliance).unwrap();
    let parties = present::reliance_parties(&room);
    assert_eq!(parties.len(), 9);
    let steps = present::steps(&room, Slide::Reliance, screen);
    let overview = steps - parties.len();
    assert!(overview >= 1);
    let mut seen = std::collections::BTreeSet::new();
    for step in 0..overview {
        let mut h = egui_kittest::Harness::builder()
            .with_size(screen)
            .with_context_setup(samenspel::ui::theme::install)
            .build_ui_state(
                |ui, state: &mut PresentState| {
                    present::show(ui, Lang::Nl, &room, &slides, state);
                },
                PresentState {
                    slide: at,
                    step,
                    ..Default::default()
                },
            );
        h.run();
        for p in &parties {
            if h.query_by_label(p).is_some() {
                seen.insert(p.to_string());
            }
        }
    }
    assert_eq!(seen.len(), 9, "every party on the overview: {seen:?}");
}

#[test]
fn the_window_shows_the_matrix_and_names_what_a_cell_is_for() {
    use crate::ui::{FakeDialogs, app, harness, nav};
    let dir = crate::support::Dir::new();
    let path = dir.path("lab.samenspel");
    // A fifth party no one counts on yet: said to be left out, not lost.
    let mut a = lab();
    a.parties.push(Party {
        id: 5,
        name: "Wijkteam Noord".into(),
        ..Default::default()
    });
    drop(samenspel::document::Document::create(&path, &a, &[]).unwrap());
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Wie rekent op wie");
    h.get_by_label(
        "Niet in de tabel, omdat zij (nog) op niemand rekenen en niemand op hen: Wijkteam Noord.",
    );
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::RowHeader
            && n.label().as_deref() == Some("1. Gemeente Hengelo")
    });
    let cell = "Woonstede rekent op De Brug voor: Escalatieroute bij overlast";
    h.get_by_label(cell).hover();
    h.run();
    // The tooltip names the wish.
    assert!(
        h.query_all_by_label("• Escalatieroute bij overlast")
            .next()
            .is_some()
    );
    h.get_by_label("Horizon rekent op Woonstede voor: Vroegsignalering");
}
