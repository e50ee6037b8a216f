use samenspel::domain::{
    Alliance, Body, BodyKind, Edit, EditError, Finding, Membership, Party, PartyKind, Person, Phase,
};
use samenspel::example;

fn two_parties() -> Alliance {
    let mut a = Alliance::named("Test");
    for name in ["A", "B"] {
        let edit = a.insert(Party {
            name: name.into(),
            ..Party::default()
        });
        a.apply(&edit).unwrap();
    }
    a
}

#[test]
fn every_edit_is_undone_by_its_inverse() {
    let a = example::samen_noord();
    let original = a.clone();
    let party = a.parties[2].clone();
    let edits = vec![
        a.insert(Party {
            name: "Nieuw".into(),
            ..Party::default()
        }),
        a.update(Party {
            name: "Dock".into(),
            staff: Some(120),
            ..party.clone()
        }),
        a.remove::<Party>(party.id).unwrap(),
        a.remove::<Person>(a.people[0].id).unwrap(),
        a.remove::<Body>(a.bodies[0].id).unwrap(),
        a.set_info(samenspel::domain::AllianceInfo {
            phase: Phase::Strategy,
            ..a.info.clone()
        }),
        a.set_seat(3, a.people[1].id, true).unwrap(),
    ];
    for edit in edits {
        let mut changed = a.clone();
        changed.apply(&edit).unwrap();
        assert_ne!(changed, a, "{edit:?} changed nothing");
        changed.apply(&edit.inverse()).unwrap();
        assert_eq!(changed, original, "the inverse of {edit:?} did not restore");
    }
}

#[test]
fn removing_a_party_takes_its_people_and_seats_and_undo_brings_them_back() {
    let mut a = example::samen_noord();
    let civic = a
        .parties
        .iter()
        .find(|p| p.name == "Civic Amsterdam")
        .unwrap()
        .id;
    let people: Vec<_> = a.people_of_party(civic).map(|p| p.id).collect();
    assert!(!people.is_empty());
    let edit = a.remove::<Party>(civic).unwrap();
    let before = a.clone();
    a.apply(&edit).unwrap();
    assert!(a.party(civic).is_none());
    assert!(a.people.iter().all(|p| !people.contains(&p.id)));
    assert!(a.memberships.iter().all(|m| !people.contains(&m.person)));
    a.apply(&edit.inverse()).unwrap();
    assert_eq!(a, before);
}

#[test]
fn a_party_with_people_cannot_be_deleted_on_its_own() {
    let mut a = two_parties();
    let p = a.insert(Person {
        name: "X".into(),
        party: Some(1),
        ..Person::default()
    });
    a.apply(&p).unwrap();
    let party = a.parties[0].clone();
    let bare = Edit::Party(samenspel::domain::Change {
        before: Some(party),
        after: None,
    });
    let before = a.clone();
    assert!(matches!(a.apply(&bare), Err(EditError::InUse { .. })));
    assert_eq!(a, before, "a failed edit must change nothing");
}

#[test]
fn references_must_exist_and_seats_are_unique() {
    let mut a = two_parties();
    let bad = a.insert(Person {
        name: "X".into(),
        party: Some(99),
        ..Person::default()
    });
    assert!(matches!(
        a.apply(&bad),
        Err(EditError::Missing { kind: "party", .. })
    ));
    let person = a.insert(Person {
        name: "Y".into(),
        party: Some(2),
        ..Person::default()
    });
    a.apply(&person).unwrap();
    let body = a.insert(Body {
        name: "MT".into(),
        kind: BodyKind::ManagementTeam,
        ..Body::default()
    });
    a.apply(&body).unwrap();
    a.apply(&a.set_seat(1, 1, true).unwrap()).unwrap();
    assert!(a.set_seat(1, 1, true).is_none(), "already seated");
    let twice = a.insert(Membership {
        id: 0,
        body: 1,
        person: 1,
        role: String::new(),
    });
    assert_eq!(a.apply(&twice), Err(EditError::DuplicateSeat));
}

#[test]
fn a_stale_edit_is_a_conflict() {
    let mut a = two_parties();
    let stale = a.update(Party {
        name: "A2".into(),
        ..a.parties[0].clone()
    });
    a.apply(&a.update(Party {
        name: "A1".into(),
        ..a.parties[0].clone()
    }))
    .unwrap();
    assert_eq!(a.apply(&stale), Err(EditError::Conflict("party")));
}

#[test]
fn typing_in_one_record_merges_into_one_step() {
    let a = two_parties();
    let first = a.update(Party {
        name: "AB".into(),
        ..a.parties[0].clone()
    });
    let mut b = a.clone();
    b.apply(&first).unwrap();
    let second = b.update(Party {
        name: "ABC".into(),
        ..b.parties[0].clone()
    });
    let merged = first.merged(&second).expect("same record merges");
    let mut c = a.clone();
    c.apply(&merged).unwrap();
    assert_eq!(c.parties[0].name, "ABC");
    c.apply(&merged.inverse()).unwrap();
    assert_eq!(c, a);
    let other = a.update(Party {
        name: "BB".into(),
        ..a.parties[1].clone()
    });
    assert!(
        first.merged(&other).is_none(),
        "other record does not merge"
    );
}

#[test]
fn the_example_has_the_nine_parties_of_seed_000() {
    let a = example::samen_noord();
    assert_eq!(a.parties.len(), 9);
    let names: Vec<_> = a.parties.iter().map(|p| p.name.as_str()).collect();
    for name in [
        "Het Leefkringhuis",
        "Stichting Prisma",
        "Stichting Dock",
        "Civic Amsterdam",
        "Vrijwilligers Centrale Amsterdam",
        "De Regenboog Groep",
        "Stichting SPIN",
        "Doras",
        "Stichting Wijsneus",
    ] {
        assert!(names.contains(&name), "{name} missing");
    }
}

#[test]
fn the_example_matches_the_seeds() {
    let a = example::samen_noord();
    assert_eq!(a.info.name, "Samen Noord");
    assert_eq!(a.info.commissioner.name, "Stadsdeel Amsterdam Noord");
    assert_eq!(
        a.info.term_start,
        chrono::NaiveDate::from_ymd_opt(2017, 10, 1)
    );
    assert_eq!(a.info.term_months(), Some(36), "three years");
    let kinds: Vec<_> = a.bodies.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&BodyKind::SteeringGroup));
    assert!(kinds.contains(&BodyKind::ManagementTeam));
    assert!(
        kinds
            .iter()
            .filter(|k| **k == BodyKind::WorkingGroup)
            .count()
            >= 2
    );
    assert!(a.check().is_empty(), "{:?}", a.check());
    // Seed 000: people sit in both the MT and the steering group.
    let doubled = a.people_in_mt_and_steering_group();
    assert!(doubled.len() >= 3, "{doubled:?}");
    // Turnover: someone left and stays in the history.
    assert!(a.people.iter().any(|p| p.left.is_some()));
    assert!(a.parties.iter().all(|p| p.kind == PartyKind::Welfare));
}

#[test]
fn mt_and_steering_group_doubling_is_found() {
    let mut a = two_parties();
    for (name, kind) in [
        ("SG", BodyKind::SteeringGroup),
        ("MT", BodyKind::ManagementTeam),
    ] {
        a.apply(&a.insert(Body {
            name: name.into(),
            kind,
            ..Body::default()
        }))
        .unwrap();
    }
    for name in ["Both", "OnlyMt"] {
        a.apply(&a.insert(Person {
            name: name.into(),
            party: Some(1),
            ..Person::default()
        }))
        .unwrap();
    }
    a.apply(&a.set_seat(1, 1, true).unwrap()).unwrap();
    a.apply(&a.set_seat(2, 1, true).unwrap()).unwrap();
    a.apply(&a.set_seat(2, 2, true).unwrap()).unwrap();
    assert_eq!(a.people_in_mt_and_steering_group(), vec![1]);
}

#[test]
fn the_consistency_check_names_what_is_wrong() {
    let mut a = two_parties();
    a.info.name.clear();
    a.info.term_start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
    a.info.term_end = chrono::NaiveDate::from_ymd_opt(2019, 1, 1);
    a.parties[1].name = "a".into();
    a.people.push(Person {
        id: 1,
        name: " ".into(),
        party: Some(7),
        joined: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
        left: chrono::NaiveDate::from_ymd_opt(2019, 1, 1),
        ..Person::default()
    });
    let found = a.check();
    for f in [
        Finding::AllianceWithoutName,
        Finding::TermEndsBeforeStart,
        Finding::DuplicatePartyName("a".into()),
        Finding::PersonWithoutName(1),
        Finding::PersonLeftBeforeJoining(1),
        Finding::PersonOfUnknownParty {
            person: 1,
            party: 7,
        },
    ] {
        assert!(found.contains(&f), "{f:?} not in {found:?}");
    }
}

#[test]
fn dates_are_read_as_people_write_them() {
    use samenspel::ui::widgets::parse_date;
    let d = chrono::NaiveDate::from_ymd_opt(2017, 10, 1);
    assert_eq!(parse_date("1-10-2017"), Some(d));
    assert_eq!(parse_date("01/10/2017"), Some(d));
    assert_eq!(parse_date("2017-10-01"), Some(d));
    assert_eq!(parse_date(" "), Some(None));
    assert_eq!(parse_date("31-02-2017"), None);
    assert_eq!(parse_date("1-1-201"), None);
    assert_eq!(parse_date("morgen"), None);
}

/// A single change is applied in place (no copy of the alliance for every
/// keystroke): each way one can be refused must leave the alliance exactly
/// as it was, in every list and in its order.
#[test]
fn a_refused_change_leaves_every_record_as_it_was() {
    use samenspel::domain::{Change, Meeting};
    let a = example::region();
    let party = a.parties[0].clone();
    let person = a.people_of_party(party.id).next().unwrap().clone();
    let meeting = a.meetings.first().cloned().unwrap_or_else(|| Meeting {
        id: 1,
        title: "Overleg".into(),
        ..Meeting::default()
    });
    let vote = a.votes.first().cloned().expect("the region has stances");
    let mut stale = vote.clone();
    stale.reason.push_str(" (ouder)");
    let mut changed = vote.clone();
    changed.reason = "Nieuw".into();
    let refused: Vec<(&str, Edit)> = vec![
        // In use: a party with people.
        (
            "in use",
            Edit::Party(Change {
                before: Some(party.clone()),
                after: None,
            }),
        ),
        // A reference to nothing.
        (
            "missing",
            a.insert(Person {
                name: "Niemand".into(),
                party: Some(99_999),
                ..Person::default()
            }),
        ),
        // The record as it was is not the record as it is.
        (
            "conflict",
            Edit::Vote(Change {
                before: Some(stale),
                after: Some(changed),
            }),
        ),
        // An id that is taken.
        (
            "duplicate",
            Edit::Person(Change {
                before: None,
                after: Some(person.clone()),
            }),
        ),
        // A text too long to keep.
        (
            "too long",
            a.update(Person {
                name: "x".repeat(100_000),
                ..person.clone()
            }),
        ),
        // A record that is not there.
        (
            "not there",
            Edit::Meeting(Change {
                before: Some(Meeting {
                    id: 99_999,
                    ..meeting.clone()
                }),
                after: None,
            }),
        ),
    ];
    for (what, edit) in refused {
        let mut after = a.clone();
        assert!(after.apply(&edit).is_err(), "{what}: accepted");
        assert_eq!(after, a, "{what}: a refused change changed the alliance");
    }
}
