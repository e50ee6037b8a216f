//! Meetings: agenda slots with minutes and next steps, attendance per
//! person and so per party, actions that carry over, and the .ics invite.

use samenspel::document::Document;
use samenspel::domain::meeting::{self, open_actions};
use samenspel::domain::{Action, EditError, Meeting, Person};
use samenspel::example;

use crate::support::{Dir, example_file, load};

#[test]
fn the_example_has_meetings_of_three_bodies_with_minutes_and_next_steps() {
    let a = example::samen_noord();
    let bodies: Vec<Option<i64>> = a.meetings.iter().map(|m| m.body).collect();
    assert_eq!(bodies, vec![Some(1), Some(2), Some(3)]);
    for m in &a.meetings {
        let slots = a.slots_of(m.id);
        assert!(!slots.is_empty());
        assert!(
            slots
                .iter()
                .all(|s| !s.minutes.is_empty() && !s.next_step.is_empty())
        );
    }
    // Attendance per person gives presence per party.
    assert!(a.parties_present(1).len() >= 8);
    assert!(a.check().is_empty(), "{:?}", a.check());
}

#[test]
fn actions_carry_over_until_done() {
    let a = example::samen_noord();
    let at_second = open_actions(&a.actions, &a.meetings, a.meetings[1].date);
    let whats: Vec<&str> = at_second.iter().map(|x| x.what.as_str()).collect();
    assert!(
        whats.contains(&"Check-in op de spelregels agenderen"),
        "{whats:?}"
    );
    assert!(
        !whats.contains(&"Comfortbehoeften vertalen naar het werkplan"),
        "done"
    );
    assert!(
        !whats.contains(&"Gezamenlijk rooster opzetten"),
        "not yet agreed"
    );
    let at_third = open_actions(&a.actions, &a.meetings, a.meetings[2].date);
    assert_eq!(at_third.len(), 3);
}

#[test]
fn the_ics_invitation_is_valid_icalendar() {
    let a = example::samen_noord();
    let m = &a.meetings[0];
    let ics = meeting::ics_in(
        m,
        &a.agenda_slots,
        "Stuurgroep",
        "20171001T120000Z",
        Some("Europe/Amsterdam"),
    )
    .unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART;TZID=Europe/Amsterdam:20171002T150000\r\n"));
    assert!(ics.contains("DTEND;TZID=Europe/Amsterdam:20171002T170000\r\n"));
    assert!(ics.contains("LOCATION:Huis van de Wijk Waterlandplein"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line too long: {line}");
    }
    // Unfolded, the description lists the agenda, commas escaped.
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded
            .contains("DESCRIPTION:1. Het convenant en de comfortbehoeften\\n2. De zwaartepunten")
    );
    let undated = Meeting {
        date: None,
        ..m.clone()
    };
    assert!(meeting::ics(&undated, &a.agenda_slots, "", "x").is_none());
}

#[test]
fn removing_a_person_keeps_their_actions_without_a_holder_and_undo_restores() {
    let dir = Dir::new();
    let path = example_file(&dir, "meet.samenspel");
    let original = load(&path);
    let mut doc = Document::open(&path).unwrap();
    let edit = doc.alliance().remove::<Person>(1).unwrap();
    doc.perform(edit).unwrap();
    let a = doc.alliance();
    assert!(
        a.actions.iter().filter(|x| x.who.is_none()).count() >= 3,
        "actions kept"
    );
    assert!(a.attendance.iter().all(|x| x.person != 1));
    assert!(a.check().is_empty(), "{:?}", a.check());
    doc.undo().unwrap();
    drop(doc);
    assert_eq!(load(&path), original);
}

#[test]
fn meetings_refuse_dangling_references() {
    let mut a = example::samen_noord();
    let before = a.clone();
    let e = a.insert(Meeting {
        body: Some(99),
        ..Meeting::default()
    });
    assert!(matches!(
        a.apply(&e),
        Err(EditError::Missing { kind: "body", .. })
    ));
    let e = a.insert(Action {
        meeting: 1,
        who: Some(999),
        ..Action::default()
    });
    assert!(a.apply(&e).is_err());
    assert_eq!(a, before);
    let e = a.remove::<Meeting>(1).unwrap();
    a.apply(&e).unwrap();
    assert!(a.agenda_slots.iter().all(|s| s.meeting != 1));
    a.apply(&e.inverse()).unwrap();
    assert_eq!(a, before);
}

/// A plenary of a region (no body: everyone is expected) lists its
/// thousand people by party, builds only the rows in view, and a box
/// ticked far down the list records that person as present.
#[test]
fn a_regions_plenary_attendance_is_by_party_and_built_where_in_view() {
    use crate::ui::{FakeDialogs, app, harness};
    use egui_kittest::kittest::{NodeT, Queryable};
    let dir = crate::support::Dir::new();
    let path = dir.path("regional.samenspel");
    let mut a = samenspel::example::regional(1);
    let plenary = a.insert(samenspel::domain::Meeting {
        title: "Plenaire bijeenkomst".into(),
        date: Some(chrono::Local::now().date_naive()),
        ..Default::default()
    });
    a.apply(&plenary).unwrap();
    let id = a
        .meetings
        .iter()
        .find(|m| m.title == "Plenaire bijeenkomst")
        .unwrap()
        .id;
    drop(samenspel::document::Document::create(&path, &a, &[]).unwrap());
    let today = chrono::Local::now().date_naive();
    let active = |party: samenspel::domain::Id| {
        a.people_of_party(party)
            .find(|p| p.is_active_on(today))
            .unwrap()
            .name
            .clone()
    };
    let first = active(a.parties[0].id);
    let last = active(a.parties.last().unwrap().id);
    let mut app = app(&dir, Some(&path), FakeDialogs::default());
    app.set_view(samenspel::ui::View::Meetings);
    let mut h = harness(app);
    crate::ui::retype(&mut h, "Zoeken", "Plenaire");
    let item = h
        .query_all_by_label_contains("Plenaire bijeenkomst")
        .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
        .find(|l| !l.contains("Zoeken"))
        .expect("the plenary in the list");
    crate::ui::click(&mut h, &item);
    // Scrolled down the meeting's page, as a user does: the first
    // party's people come into view while the last party's row is not yet
    // built; further down, the last party's person is there and the first
    // rows are no longer built.
    h.event(egui::Event::PointerMoved(egui::pos2(900.0, 500.0)));
    let scroll_until = |h: &mut egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>,
                        name: &str| {
        for _ in 0..200 {
            if h.query_by_label(name).is_some() {
                return true;
            }
            crate::ui::wheel(h, egui::vec2(0.0, -200.0));
        }
        false
    };
    assert!(scroll_until(&mut h, &first), "the first party's people");
    assert!(
        h.query_by_label(&last).is_none(),
        "the last party's row is built"
    );
    assert!(scroll_until(&mut h, &last), "the last party's people");
    assert!(
        h.query_by_label(&first).is_none(),
        "the first rows still built"
    );
    h.run();
    crate::ui::click(&mut h, &last);
    let doc = h.state().document().unwrap();
    let person = doc
        .alliance()
        .people
        .iter()
        .find(|p| p.name == last)
        .unwrap()
        .id;
    assert!(
        doc.alliance()
            .attendance
            .iter()
            .any(|x| x.meeting == id && x.person == person && x.present),
        "{last} recorded present"
    );
}
