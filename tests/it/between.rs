//! Between meetings (issue 29, part 3): documents that carry the work
//! forward. A line is new in a pack only when it was added after the
//! meeting before; the minutes name the parties absent and the actions
//! completed since the last meeting; an action's due date can be set; the
//! deck leaves out what has nothing in it.

use chrono::NaiveDate;
use egui_kittest::kittest::Queryable;
use samenspel::domain::{Action, Alliance, Attendance, Meeting, Person, PlanStatus};
use samenspel::i18n::Lang;
use samenspel::report::{self, Kind, Request};

use crate::pdf::text_of;
use crate::reliance::lab;
use crate::support::{Dir, load};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The lab with two meetings of the whole alliance and a person for each
/// party.
pub(crate) fn lab_with_meetings() -> Alliance {
    let mut a = lab();
    for (id, title, d) in [
        (1, "Overleg 1", day(2026, 10, 1)),
        (2, "Overleg 2", day(2026, 12, 10)),
    ] {
        a.meetings.push(Meeting {
            id,
            title: title.into(),
            date: Some(d),
            ..Default::default()
        });
    }
    for (id, name, party) in [
        (1, "Anouk Smit", 1),
        (2, "Bram de Vries", 2),
        (3, "Carla Jansen", 3),
        (4, "Dirk Bos", 4),
    ] {
        a.people.push(Person {
            id,
            name: name.into(),
            party: Some(party),
            ..Default::default()
        });
    }
    a
}

fn pdf(a: &Alliance, kind: Kind, meeting: Id, lang: Lang) -> String {
    let bytes = report::build(
        a,
        &Request {
            kind,
            meeting: Some(meeting),
            version: None,
            of: None,
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

use samenspel::domain::Id;

#[test]
fn a_line_that_was_there_before_the_last_meeting_is_not_new() {
    let mut a = lab_with_meetings();
    // Three lines, all in the plan before meeting 1; progress recorded
    // there on the first only.
    a.plan_lines.clear();
    for what in ["Escalatieprotocol", "Dagbesteding", "Signaleringsoverleg"] {
        let e = a.add_plan_line(1, what.into(), Vec::new(), day(2026, 9, 1));
        a.apply(&e).unwrap();
    }
    let e = a
        .record_progress(1, 1, PlanStatus::Going, "Eerste versie besproken")
        .unwrap();
    a.apply(&e).unwrap();
    let at = a.plan_at(2, day(2026, 12, 6));
    assert_eq!(at.since, Some(1));
    assert_eq!(at.changed().count(), 0, "nothing changed since meeting 1");
    let pack = pdf(&a, Kind::Pack, 2, Lang::Nl);
    assert!(
        pack.contains("Niets veranderd sinds de vorige vergadering"),
        "{pack}"
    );
    assert!(!pack.contains("nieuw:"), "{pack}");
    // A line added after meeting 1 is new, and only that one.
    let e = a.add_plan_line(1, "Huisbezoeken".into(), Vec::new(), day(2026, 11, 2));
    a.apply(&e).unwrap();
    let changed: Vec<Id> = a
        .plan_at(2, day(2026, 12, 6))
        .changed()
        .map(|l| l.line)
        .collect();
    assert_eq!(changed, vec![4]);
    let pack = pdf(&a, Kind::Pack, 2, Lang::Nl);
    assert!(
        pack.contains("Huisbezoeken (Wonen) — nieuw: Gepland"),
        "{pack}"
    );
    assert!(!pack.contains("Dagbesteding (Wonen) — nieuw"), "{pack}");
}

#[test]
fn the_minutes_name_the_absent_parties_and_the_actions_completed_since() {
    let mut a = lab_with_meetings();
    a.attendance = vec![
        Attendance {
            id: 1,
            meeting: 2,
            person: 1,
            present: true,
        },
        Attendance {
            id: 2,
            meeting: 2,
            person: 2,
            present: true,
        },
    ];
    for (id, what, done_on) in [
        (1, "Rooster delen", Some(day(2026, 11, 15))),
        (2, "Verslag rondsturen", Some(day(2026, 9, 20))),
        (3, "Huisbezoeken plannen", None),
    ] {
        a.actions.push(Action {
            id,
            meeting: 1,
            who: Some(3),
            what: what.into(),
            due: Some(day(2026, 11, 30)),
            done: done_on.is_some(),
            done_on,
            ..Default::default()
        });
    }
    let minutes = pdf(&a, Kind::Minutes, 2, Lang::Nl);
    assert!(
        minutes.contains("Afwezige partijen De Brug, Horizon"),
        "{minutes}"
    );
    assert!(
        minutes.contains("Afgerond sinds de vorige vergadering"),
        "{minutes}"
    );
    assert!(minutes.contains("Rooster delen"), "{minutes}");
    // Done before meeting 1: not completed since it.
    assert!(!minutes.contains("Verslag rondsturen"), "{minutes}");
    // Still open: carried over.
    assert!(minutes.contains("Huisbezoeken plannen"), "{minutes}");
    let minutes = pdf(&a, Kind::Minutes, 2, Lang::En);
    assert!(
        minutes.contains("Absent parties De Brug, Horizon"),
        "{minutes}"
    );
    assert!(
        minutes.contains("Completed since the last meeting"),
        "{minutes}"
    );
    // Before attendance is taken, nobody is called absent.
    a.attendance.clear();
    let minutes = pdf(&a, Kind::Minutes, 2, Lang::Nl);
    assert!(!minutes.contains("Afwezige partijen"), "{minutes}");
}

#[test]
fn an_actions_due_date_is_set_when_added_and_moved_later() {
    use crate::typing::{type_into, type_slowly};
    use crate::ui::{FakeDialogs, app, click, harness, nav};
    let dir = Dir::new();
    let path = dir.path("acties.samenspel");
    let mut a = lab_with_meetings();
    a.meetings.truncate(1);
    samenspel::document::Document::create(&path, &a, &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Overleggen");
    if h.query_by_label("Nieuwe actie").is_none() {
        h.get_by_label_contains("Overleg 1").click();
        h.run();
    }
    // Two weeks after the meeting, unless typed otherwise.
    assert_eq!(
        h.get_by_label("Nieuwe actie: uiterlijk").value().as_deref(),
        Some("15-10-2026")
    );
    h.get_by_label("Nieuwe actie").focus();
    h.run();
    type_slowly(&mut h, "Rooster delen");
    type_into(&mut h, "Nieuwe actie: uiterlijk", "20-01-2027");
    click(&mut h, "+  Toevoegen");
    let stored = load(&path);
    assert_eq!(stored.actions.len(), 1);
    assert_eq!(stored.actions[0].what, "Rooster delen");
    assert_eq!(stored.actions[0].due, Some(day(2027, 1, 20)));
    // Moved later, in its own field.
    type_into(&mut h, "Uiterlijk: Rooster delen", "03-02-2027");
    assert_eq!(load(&path).actions[0].due, Some(day(2027, 2, 3)));
    // Ticked off at this meeting: dated by it.
    h.get_by_label_contains("Rooster delen —").click();
    h.run();
    let done = &load(&path).actions[0];
    assert!(done.done);
    assert_eq!(done.done_on, Some(day(2026, 10, 1)));
}

#[test]
fn the_deck_leaves_out_what_has_nothing_in_it() {
    use samenspel::ui::present::{self, Slide};
    // Five parties, nothing else: the route alone.
    let mut a = Alliance::named("Leeg lab");
    for id in 1..=5 {
        a.parties.push(samenspel::domain::Party {
            id,
            name: format!("Partij {id}"),
            ..Default::default()
        });
    }
    a.ground_rules.clear();
    let room = samenspel::audience::room(&a);
    assert_eq!(present::slides(&room, None), vec![Slide::Route]);
    // The lab: who counts on whom puts the network map in, with no page
    // per party ("no relations yet"), as it has no relations.
    let room = samenspel::audience::room(&lab());
    let slides = present::slides(&room, None);
    assert!(slides.contains(&Slide::Network), "{slides:?}");
    assert!(slides.contains(&Slide::Funnel));
    assert!(!slides.contains(&Slide::Strategy));
    assert!(!slides.contains(&Slide::Decisions));
    let screen = egui::vec2(1280.0, 720.0);
    assert!(present::network_steps(&room, screen).is_empty());
    assert_eq!(present::steps(&room, Slide::Network, screen), 1);
}
