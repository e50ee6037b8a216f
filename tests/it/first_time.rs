//! First time right (issue 12), on a case of its own: the care network
//! Zorgnetwerk Waterland, entered from an empty alliance. Each test here
//! failed on the code before the fix.

use samenspel::audience::{self, RoomLink};
use samenspel::domain::{AgendaSlot, Edit, StepAction};
use samenspel::domain::{
    Alliance, EditError, GroundRule, Meeting, Party, PriorityMark, PriorityMethod, PriorityRound,
    RoundStatus, RuleStatus, Scale, SlotLink, Subject, Vote,
};
use samenspel::i18n::{Lang, T};

fn day(d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// Three parties of Waterland, and nothing else.
fn waterland() -> Alliance {
    let mut a = Alliance::named("Zorgnetwerk Waterland");
    for name in [
        "Buurtzorg Purmerend",
        "Stichting Evean",
        "Gemeente Edam-Volendam",
    ] {
        let e = a.insert(Party {
            name: name.into(),
            ..Party::default()
        });
        a.apply(&e).unwrap();
    }
    a
}

fn cast(a: &mut Alliance, round: i64, party: i64, value: u8, reason: &str) {
    let e = a.put_vote(Vote {
        round,
        party,
        value,
        reason: reason.into(),
        ..Vote::default()
    });
    a.apply(&e).unwrap();
}

fn open(a: &mut Alliance, proposal: &str, subject: Subject) -> i64 {
    let id = a.next_id::<samenspel::domain::Round>();
    let e = a.open_round(proposal.into(), subject, Scale::Consent, day(2), None);
    a.apply(&e).unwrap();
    id
}

fn reveal(a: &Alliance, round: i64) -> Edit {
    a.update(samenspel::domain::Round {
        revealed: true,
        ..a.round(round).unwrap().clone()
    })
}

#[test]
fn one_objection_cast_does_not_open_the_reveal_before_every_party_has_cast() {
    let mut a = waterland();
    let r = open(&mut a, "Eén wijkteam voor Purmerend-Noord", Subject::Free);
    cast(&mut a, r, 2, 0, "Te vroeg voor ons bestuur");
    let round = a.round(r).unwrap().clone();
    assert!(!a.can_reveal(&round), "one party cast, two missing");
    assert_eq!(a.missing_voters(&round), vec![1, 3]);
    assert_eq!(a.apply(&reveal(&a, r)), Err(EditError::NotAllCast));
    // Parking the round before everyone cast reveals nothing either.
    let park = a
        .conclude_round(r, RoundStatus::Parked, day(3), String::new())
        .unwrap();
    let mut parked = a.clone();
    parked.apply(&park).unwrap();
    assert!(!parked.round(r).unwrap().revealed);
    assert!(
        !audience::room(&parked)
            .rounds
            .iter()
            .any(|x| x.voters.iter().any(|s| s.stance.is_some())),
        "the room learns no stance of a parked, unrevealed round"
    );

    // The facilitator records the two others as absent: an explicit step.
    let e = a.record_absent(r).expect("two are missing");
    a.apply(&e).unwrap();
    assert_eq!(a.round(r).unwrap().absent, vec![1, 3]);
    let round = a.round(r).unwrap().clone();
    assert!(a.can_reveal(&round));
    let shown = reveal(&a, r);
    a.apply(&shown).unwrap();
    // What the room saw is on the record: the reveal is not taken back.
    assert_eq!(
        a.apply(&shown.inverse()),
        Err(samenspel::domain::EditError::Committed)
    );
    assert_eq!(a.round(r).unwrap().absent, vec![1, 3]);
}

#[test]
fn every_party_cast_opens_the_reveal() {
    let mut a = waterland();
    let r = open(&mut a, "Gezamenlijke wachtlijst", Subject::Free);
    for p in 1..=3 {
        cast(&mut a, r, p, 1, "");
    }
    assert!(a.can_reveal(a.round(r).unwrap()));
    a.apply(&reveal(&a, r)).unwrap();
}

#[test]
fn dot_votes_are_revealed_only_once_every_party_has_dotted_or_is_absent() {
    let mut a = waterland();
    let e = a.insert(samenspel::domain::FocalPoint {
        name: "Wonen".into(),
        ..Default::default()
    });
    a.apply(&e).unwrap();
    let e = a.insert(PriorityRound {
        title: "Stippen".into(),
        method: PriorityMethod::Dots,
        dots_per_party: 3,
        ..PriorityRound::default()
    });
    a.apply(&e).unwrap();
    let e = a.insert(PriorityMark {
        round: 1,
        party: 1,
        focal_point: 1,
        value: 3,
        ..PriorityMark::default()
    });
    a.apply(&e).unwrap();
    let round = a.priority_round(1).unwrap().clone();
    assert_eq!(a.priority_missing(&round), vec![2, 3]);
    let revealed = PriorityRound {
        revealed: true,
        ..round.clone()
    };
    assert_eq!(
        a.apply(&a.update(revealed.clone())),
        Err(EditError::NotAllCast)
    );
    let absent = PriorityRound {
        absent: vec![2, 3],
        ..round
    };
    a.apply(&a.update(absent.clone())).unwrap();
    a.apply(&a.update(PriorityRound {
        revealed: true,
        ..absent
    }))
    .unwrap();
}

#[test]
fn a_revealed_stance_changes_only_by_a_correction_with_a_reason() {
    let mut a = waterland();
    let r = open(&mut a, "Gedeelde huisvesting in Edam", Subject::Free);
    for p in 1..=3 {
        cast(&mut a, r, p, 1, "");
    }
    a.apply(&reveal(&a, r)).unwrap();
    // Silently turning consent into an objection is refused.
    let silent = a.put_vote(Vote {
        round: r,
        party: 3,
        value: 0,
        reason: "Toch niet".into(),
        ..Vote::default()
    });
    assert_eq!(a.apply(&silent), Err(EditError::StanceFrozen));
    // Without a reason there is no correction.
    assert!(
        a.correct_vote(
            r,
            3,
            samenspel::domain::Correction {
                to: 0,
                reason: "  ".into(),
                by: "Mieke".into(),
                at: "2026-11-02T10:00:00Z".into(),
                ..Default::default()
            }
        )
        .is_none()
    );
    let e = a
        .correct_vote(
            r,
            3,
            samenspel::domain::Correction {
                to: 0,
                reason: "Verkeerd verstaan: de wethouder zei bezwaar".into(),
                by: "Mieke (procesbegeleider)".into(),
                at: "2026-11-02T10:05:00Z".into(),
                ..Default::default()
            },
        )
        .unwrap();
    a.apply(&e).unwrap();
    let v = a.vote(r, 3).unwrap();
    assert_eq!(v.value, 0);
    assert_eq!(v.corrections.len(), 1);
    assert_eq!(v.corrections[0].from, 1);
    assert_eq!(v.corrections[0].to, 0);
    assert_eq!(v.corrections[0].by, "Mieke (procesbegeleider)");
    assert!(matches!(
        a.outcome(a.round(r).unwrap()),
        samenspel::domain::Outcome::Blocked { .. }
    ));
    // The correction is on the record: taking it back is refused.
    assert_eq!(
        a.apply(&e.inverse()),
        Err(samenspel::domain::EditError::StanceFrozen)
    );
    assert_eq!(a.vote(r, 3).unwrap().value, 0);
}

#[test]
fn an_amended_rule_is_adopted_with_the_amended_text_and_the_agenda_follows() {
    let mut a = waterland();
    let e = a.insert(GroundRule {
        text: "We bellen elkaar binnen een week terug.".into(),
        ..GroundRule::default()
    });
    let rule = a.next_id::<GroundRule>();
    a.apply(&e).unwrap();
    let first = open(
        &mut a,
        "We bellen elkaar binnen een week terug.",
        Subject::GroundRule(rule),
    );
    // A meeting puts the first round on its agenda.
    let e = a.insert(Meeting {
        title: "Stuurgroep december".into(),
        date: Some(day(20)),
        ..Meeting::default()
    });
    a.apply(&e).unwrap();
    let e = a.insert(AgendaSlot {
        meeting: 1,
        title: "Spelregel terugbellen".into(),
        link: SlotLink::Round(first),
        ..AgendaSlot::default()
    });
    a.apply(&e).unwrap();
    cast(&mut a, first, 1, 1, "");
    cast(&mut a, first, 2, 0, "Een week is te lang");
    cast(&mut a, first, 3, 1, "");
    a.apply(&reveal(&a, first)).unwrap();
    let amended = "We bellen elkaar binnen twee werkdagen terug.";
    let e = a.amend_round(first, amended.into(), day(3)).unwrap();
    a.apply(&e).unwrap();
    let second = a.rounds.last().unwrap().id;
    for p in 1..=3 {
        cast(&mut a, second, p, 1, "");
    }
    a.apply(&reveal(&a, second)).unwrap();
    let e = a
        .conclude_round(second, RoundStatus::Adopted, day(4), String::new())
        .unwrap();
    a.apply(&e).unwrap();
    let r = a.ground_rule(rule).unwrap();
    assert_eq!(r.status, RuleStatus::Adopted);
    assert_eq!(r.text, amended, "the rule takes the adopted text");
    // The agenda and the room show the proposal as it now stands.
    assert_eq!(a.current_round(first).unwrap().id, second);
    let room = audience::room(&a);
    let slot = &room.meetings[0].slots[0];
    assert_eq!(slot.link, RoomLink::Round(second, amended.into()));
    assert!(room.rules.iter().any(|x| x.text == amended));
    assert!(!room.rules.iter().any(|x| x.text.contains("een week")));
}

#[test]
fn a_tension_is_for_the_facilitator_only_unless_shared() {
    use samenspel::domain::{Actor, Relation, RelationKind};
    let mut a = waterland();
    for (id, kind, private) in [
        (1, RelationKind::WorksWith, false),
        (2, RelationKind::Tension, true),
    ] {
        let e = a.insert(Relation {
            id,
            from: Actor::Party(1),
            to: Actor::Party(2 + id - 1),
            kind,
            strength: 2,
            note: Default::default(),
            facilitator_only: private,
        });
        a.apply(&e).unwrap();
    }
    let room = audience::room(&a);
    assert_eq!(room.network.relations.len(), 1);
    assert_eq!(
        room.network.relations[0].kind,
        Some(RelationKind::WorksWith)
    );
    // A relation of a party with itself is refused.
    let own = a.insert(Relation {
        from: Actor::Party(1),
        to: Actor::Party(1),
        kind: RelationKind::WorksWith,
        strength: 1,
        ..Relation::default()
    });
    assert_eq!(a.apply(&own), Err(EditError::SelfLink));
}

#[test]
fn a_rule_is_adopted_only_by_a_round() {
    let mut a = waterland();
    let e = a.insert(GroundRule {
        text: "We bellen terug binnen twee werkdagen.".into(),
        ..GroundRule::default()
    });
    let rule = a.next_id::<GroundRule>();
    a.apply(&e).unwrap();
    let by_hand = a.update(GroundRule {
        status: RuleStatus::Adopted,
        ..a.ground_rule(rule).unwrap().clone()
    });
    assert_eq!(a.apply(&by_hand), Err(EditError::NotDecided));
    use samenspel::domain::rules::settable_by_hand;
    assert!(!settable_by_hand(RuleStatus::Draft, RuleStatus::Adopted));
    assert!(!settable_by_hand(RuleStatus::Adopted, RuleStatus::Draft));
    assert!(settable_by_hand(RuleStatus::Adopted, RuleStatus::Retired));
}

#[test]
fn a_private_tension_moves_no_party_on_the_shared_map() {
    use samenspel::domain::{Actor, Relation, RelationKind};
    let mut a = waterland();
    let e = a.insert(Relation {
        from: Actor::Party(1),
        to: Actor::Party(2),
        kind: RelationKind::WorksWith,
        strength: 2,
        ..Relation::default()
    });
    a.apply(&e).unwrap();
    let rings = |a: &Alliance| -> Vec<_> {
        audience::room(a)
            .network
            .actors
            .iter()
            .map(|x| (x.name.clone(), x.ring, x.center))
            .collect()
    };
    let before = rings(&a);
    let e = a.insert(Relation {
        from: Actor::Party(3),
        to: Actor::Party(1),
        kind: RelationKind::Tension,
        strength: 3,
        facilitator_only: true,
        ..Relation::default()
    });
    a.apply(&e).unwrap();
    assert_eq!(rings(&a), before);
}

#[test]
fn a_step_says_what_it_did() {
    let a = waterland();
    let e = a.insert(Party {
        name: "De Zorgcirkel".into(),
        ..Party::default()
    });
    let s = e.summary().unwrap();
    assert_eq!((s.kind, s.action), ("party", StepAction::Added));
    assert_eq!(
        Lang::Nl.step(&s),
        "partij \u{2018}De Zorgcirkel\u{2019} toegevoegd"
    );
    assert_eq!(
        Lang::En.step(&s),
        "party \u{2018}De Zorgcirkel\u{2019} added"
    );
    // A party removed with what hangs on it is "the party removed".
    let removal = a.remove::<Party>(2).unwrap();
    let s = removal.summary().unwrap();
    assert_eq!((s.kind, s.action), ("party", StepAction::Removed));
    assert_eq!(s.label, "Stichting Evean");
    // Every kind of record has a name, for one and many, in both
    // languages, and a place where it is edited.
    use samenspel::domain::edit::{Entity, KindVisitor, for_each_kind};
    struct Every(Vec<String>);
    impl KindVisitor for Every {
        type Error = std::convert::Infallible;
        fn kind<E: Entity>(&mut self) -> Result<(), Self::Error> {
            for lang in Lang::ALL {
                let key = samenspel::i18n::kind_key(E::NAME);
                let (one, many) = (lang.one(key), lang.count(key, 2));
                if one.is_empty() || many.is_empty() || one == many || many.contains('|') {
                    self.0.push(format!("{}: {one:?} / {many:?}", E::KIND));
                }
            }
            if samenspel::ui::View::of_record_kind(E::KIND).is_none() {
                self.0.push(format!("{}: no view", E::KIND));
            }
            Ok(())
        }
    }
    let mut every = Every(Vec::new());
    let _ = for_each_kind(&mut every);
    assert!(every.0.is_empty(), "{:#?}", every.0);
    assert!(samenspel::ui::View::of_record_kind("alliance").is_some());
}

#[test]
fn counts_take_the_singular_for_one() {
    assert_eq!(Lang::Nl.count(T::MembersCount, 1), "1 lid");
    assert_eq!(Lang::Nl.count(T::MembersCount, 4), "4 leden");
    assert_eq!(Lang::En.count(T::MembersCount, 1), "1 member");
    assert_eq!(Lang::Nl.count(T::TermMonths, 1), "1 maand");
    assert_eq!(Lang::Nl.count(T::DotsLeft, 1), "nog 1 stip");
    assert_eq!(Lang::En.count(T::DotsLeft, 0), "0 dots left");
    // Every key with a singular form has one in both languages.
    for key in T::ALL {
        assert_eq!(
            key.nl().contains('|'),
            key.en().contains('|'),
            "{key:?} has a plural form in one language only"
        );
    }
}

/// The invitation is in the machine's time zone with that zone's
/// VTIMEZONE: a 14:00 meeting stays 14:00 in a calendar in London as in
/// Amsterdam (summer and winter), and a zone without summer time gets one
/// STANDARD. Parsed with the `ical` crate.
#[test]
fn the_invitation_is_a_valid_calendar_in_the_machines_time_zone() {
    for (zone, date, offsets, start_offset) in [
        ("Europe/Amsterdam", day(20), vec!["+0100", "+0200"], "+0100"),
        (
            "Europe/London",
            chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            vec!["+0000", "+0100"],
            "+0100",
        ),
        (
            "Asia/Tokyo",
            chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            vec!["+0900"],
            "+0900",
        ),
    ] {
        let meeting = Meeting {
            id: 4,
            title: "Stuurgroep december".into(),
            date: Some(date),
            start: "14:00".into(),
            end: "16:30".into(),
            place: "Het Heem, Edam".into(),
            ..Meeting::default()
        };
        let ics = samenspel::domain::meeting::ics_in(
            &meeting,
            &[],
            "Stuurgroep",
            "20261128T090000Z",
            Some(zone),
        )
        .unwrap();
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
        let calendar = parser.next().expect("one calendar").expect("it parses");
        assert!(parser.next().is_none());
        assert_eq!(calendar.timezones.len(), 1, "{ics}");
        let tz = &calendar.timezones[0];
        assert!(
            tz.properties
                .iter()
                .any(|p| p.name == "TZID" && p.value.as_deref() == Some(zone)),
            "{ics}"
        );
        let value = |props: &[ical::property::Property], name: &str| {
            props
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
                .unwrap_or_default()
        };
        // Every offset of the zone is there, and the one in force on the
        // meeting's day is the last onset before it.
        let mut seen: Vec<String> = tz
            .transitions
            .iter()
            .map(|t| value(&t.properties, "TZOFFSETTO"))
            .collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen, offsets, "{zone}: {ics}");
        let on = format!("{}T140000", date.format("%Y%m%d"));
        let in_force = tz
            .transitions
            .iter()
            .filter(|t| value(&t.properties, "DTSTART") <= on)
            .max_by_key(|t| value(&t.properties, "DTSTART"))
            .map(|t| value(&t.properties, "TZOFFSETTO"));
        assert_eq!(in_force.as_deref(), Some(start_offset), "{zone}: {ics}");
        let event = &calendar.events[0];
        let prop = |name: &str| {
            event
                .properties
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("{name} in {ics}"))
        };
        assert_eq!(
            prop("SUMMARY").value.as_deref(),
            Some("Stuurgroep december")
        );
        let start = prop("DTSTART");
        assert_eq!(start.value.as_deref(), Some(on.as_str()));
        assert!(
            start
                .params
                .as_ref()
                .unwrap()
                .iter()
                .any(|(k, v)| k == "TZID" && v == &vec![zone.to_string()])
        );
        assert!(!ics.contains("Amsterdam") || zone == "Europe/Amsterdam");
    }
    // No zone known: UTC, said so.
    let meeting = Meeting {
        id: 1,
        date: Some(day(20)),
        start: "14:00".into(),
        ..Meeting::default()
    };
    let ics = samenspel::domain::meeting::ics_in(&meeting, &[], "", "x", None).unwrap();
    assert!(ics.contains("DTSTART;TZID=UTC:"), "{ics}");
}

#[test]
fn a_new_alliance_from_the_command_line() {
    let dir = crate::support::Dir::new();
    let file = dir.path("waterland.samenspel");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args([std::ffi::OsStr::new("new"), file.as_os_str()])
        .args(["--name", "Zorgnetwerk Waterland"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = crate::support::load(&file);
    assert_eq!(a.info.name, "Zorgnetwerk Waterland");
    assert!(a.parties.is_empty());
    // Never over an existing file.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args([std::ffi::OsStr::new("new"), file.as_os_str()])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

mod window {
    //! The same defects, met through the window as a facilitator meets them.

    use egui::accesskit::Role;
    use egui_kittest::kittest::{NodeT, Queryable};
    use samenspel::document::Document;

    use crate::support::{Dir, load};
    use crate::typing::type_slowly;
    use crate::ui::{FakeDialogs, app, cast, choose, click, harness, nav};

    fn waterland_file(dir: &Dir) -> std::path::PathBuf {
        let path = dir.path("waterland.samenspel");
        Document::create(&path, &super::waterland(), &[]).unwrap();
        path
    }

    /// Open a round on a proposal typed one key at a time.
    fn new_round(h: &mut egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>, text: &str) {
        click(h, "+  Nieuwe ronde");
        h.get_by_label("Voorstel").click();
        h.run();
        type_slowly(h, text);
        click(h, "Ronde openen");
    }

    fn reveal_enabled(h: &egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>) -> bool {
        !h.get_by_role_and_label(Role::Button, "Alles tegelijk tonen")
            .accesskit_node()
            .is_disabled()
    }

    #[test]
    fn a_veto_cast_tells_the_screen_nothing_until_the_missing_are_absent() {
        let dir = Dir::new();
        let path = waterland_file(&dir);
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Consensusrondes");
        new_round(&mut h, "Eén wijkteam voor Purmerend-Noord");
        cast(&mut h, "Stichting Evean", "8 · Veto", Some("Te vroeg"));
        // The hint stays, the button stays shut: nobody can tell a veto
        // from a consent by looking at the facilitator's screen.
        h.get_by_label("Tonen kan zodra elke partij een standpunt heeft.");
        assert!(!reveal_enabled(&h));
        assert!(h.query_by_label_contains("Geblokkeerd").is_none());
        click(&mut h, "Ontbrekende partijen als afwezig vastleggen");
        h.get_by_label_contains(
            "Als afwezig vastgelegd: Buurtzorg Purmerend, Gemeente Edam-Volendam",
        );
        assert!(reveal_enabled(&h));
        click(&mut h, "Alles tegelijk tonen");
        h.get_by_label_contains("Geblokkeerd door: Stichting Evean");
        // Once revealed, the stance form is gone; a correction takes its place.
        assert!(h.query_by_label("Standpunt vastleggen").is_none());
        h.get_by_label("Standpunt corrigeren");
        drop(h);
        let a = load(&path);
        assert!(a.rounds[0].revealed);
        assert_eq!(a.rounds[0].absent, vec![1, 3]);
    }

    #[test]
    fn a_correction_after_the_reveal_needs_a_reason_and_shows_in_the_log() {
        let dir = Dir::new();
        let path = waterland_file(&dir);
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Consensusrondes");
        new_round(&mut h, "Gedeelde huisvesting in Edam");
        for party in [
            "Buurtzorg Purmerend",
            "Stichting Evean",
            "Gemeente Edam-Volendam",
        ] {
            cast(&mut h, party, "1 · Van harte eens", None);
        }
        click(&mut h, "Alles tegelijk tonen");
        choose(&mut h, "Standpunt van", "Gemeente Edam-Volendam");
        click(&mut h, "8 · Veto");
        let record = |h: &egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>| {
            !h.get_by_role_and_label(Role::Button, "Correctie vastleggen")
                .accesskit_node()
                .is_disabled()
        };
        assert!(!record(&h), "no correction without a reason");
        h.get_by_label("Reden van de correctie").click();
        h.run();
        type_slowly(&mut h, "Verkeerd verstaan");
        assert!(record(&h));
        click(&mut h, "Correctie vastleggen");
        h.get_by_label_contains(
            "Gecorrigeerd van 1 · Van harte eens naar 8 · Veto: “Verkeerd verstaan”",
        );
        let a = h.state().alliance().unwrap();
        let v = a.vote(1, 3).unwrap();
        assert_eq!(v.value, 8);
        assert_eq!(v.corrections[0].reason, "Verkeerd verstaan");
        // The correction is on the record: undo does not take it back,
        // and says why.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        assert_eq!(h.state().alliance().unwrap().vote(1, 3).unwrap().value, 8);
        assert_eq!(
            h.state().caution(),
            Some("Een correctie ligt vast: corrigeer opnieuw, met een reden.")
        );
    }

    #[test]
    fn a_round_held_last_week_is_entered_with_its_date() {
        let dir = Dir::new();
        let path = waterland_file(&dir);
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Consensusrondes");
        click(&mut h, "+  Nieuwe ronde");
        h.get_by_label("Gehouden op").click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        type_slowly(&mut h, "20-11-2026");
        h.get_by_label("Voorstel").click();
        h.run();
        type_slowly(&mut h, "Eén wachtlijst voor Waterland");
        click(&mut h, "Ronde openen");
        drop(h);
        let a = load(&path);
        assert_eq!(a.rounds[0].opened, Some(super::day(20)));
        assert_eq!(a.rounds[0].proposal, "Eén wachtlijst voor Waterland");
    }

    #[test]
    fn each_round_amends_its_own_proposal() {
        let dir = Dir::new();
        let path = waterland_file(&dir);
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Consensusrondes");
        for proposal in ["Eerste voorstel: één loket", "Tweede voorstel: één budget"] {
            new_round(&mut h, proposal);
            cast(&mut h, "Buurtzorg Purmerend", "8 · Veto", Some("Nee"));
            cast(&mut h, "Stichting Evean", "1 · Van harte eens", None);
            cast(&mut h, "Gemeente Edam-Volendam", "1 · Van harte eens", None);
            click(&mut h, "Alles tegelijk tonen");
            let field = h.get_by_label("Aangepast voorstel");
            assert_eq!(field.value().as_deref(), Some(proposal));
        }
    }

    #[test]
    fn undo_names_the_step_and_shows_where_it_happened() {
        let dir = Dir::new();
        let path = waterland_file(&dir);
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Partijen");
        click(&mut h, "+  Partij toevoegen");
        // The new party's name is focused and selected: typing replaces it.
        type_slowly(&mut h, "De Zorgcirkel");
        h.key_press(egui::Key::Tab);
        h.run();
        assert_eq!(
            h.state().alliance().unwrap().parties.last().unwrap().name,
            "De Zorgcirkel"
        );
        nav(&mut h, "Bezetting");
        click(&mut h, "Bewerken");
        h.get_by_label_contains("Ongedaan maken: partij ‘De Zorgcirkel’ gewijzigd");
        h.key_press(egui::Key::Escape);
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        assert_eq!(h.state().view(), samenspel::ui::View::Parties);
        assert_eq!(
            h.state().notice(),
            Some("Ongedaan gemaakt: partij ‘De Zorgcirkel’ gewijzigd")
        );
        h.get_by_label_contains("Ongedaan gemaakt: partij ‘De Zorgcirkel’ gewijzigd");
    }

    #[test]
    fn new_alliance_without_a_native_dialog_asks_in_the_window() {
        let dir = Dir::new();
        let dialogs = FakeDialogs::default();
        dialogs.unavailable.set(true);
        let mut h = harness(app(&dir, None, dialogs));
        click(&mut h, "Nieuwe alliantie…");
        assert!(h.state().in_window_dialog_shown(), "never a silent no-op");
        h.get_by_label_contains("bestandsvenster van uw computer is niet beschikbaar");
        // The suggested name is selected: typing replaces it.
        type_slowly(&mut h, "Zorgnetwerk Waterland");
        let folder = dir.path("Documenten");
        std::fs::create_dir_all(&folder).unwrap();
        crate::ui::retype(&mut h, "Map", &folder.display().to_string());
        click(&mut h, "Aanmaken");
        let a = h.state().alliance().expect("created and opened");
        assert_eq!(a.info.name, "Zorgnetwerk Waterland");
        assert!(folder.join("Zorgnetwerk Waterland.samenspel").exists());
    }

    #[test]
    fn an_impossible_iso_date_typed_in_english_keeps_nothing_on_the_way() {
        let dir = Dir::new();
        let path = crate::support::example_file(&dir, "iso.samenspel");
        // Stichting Prisma has not signed yet in this case (a set
        // signature is on the record and no longer typed in).
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute("UPDATE signature SET signed = 0 WHERE party = 2", [])
            .unwrap();
        let before = load(&path)
            .signatures
            .iter()
            .find(|s| s.party == 2)
            .unwrap()
            .date;
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        click(&mut h, "EN");
        nav(&mut h, "Covenant");
        let label = "Date (Stichting Prisma)";
        h.get_by_label(label).scroll_to_me();
        h.run();
        h.get_by_label(label).click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        // "2026-02-3" is a date on the way to "2026-02-31", which is none.
        type_slowly(&mut h, "2026-02-31");
        h.key_press(egui::Key::Tab);
        h.run();
        h.get_by_label_contains("2026-02-31 does not exist");
        let after = h
            .state()
            .alliance()
            .unwrap()
            .signatures
            .iter()
            .find(|s| s.party == 2)
            .unwrap()
            .date;
        assert_eq!(after, before, "nothing is kept of an impossible date");
        // A whole ISO date is kept as soon as it is typed.
        h.get_by_label(label).click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        type_slowly(&mut h, "2026-02-14");
        let kept = h
            .state()
            .alliance()
            .unwrap()
            .signatures
            .iter()
            .find(|s| s.party == 2)
            .unwrap()
            .date;
        assert_eq!(kept, chrono::NaiveDate::from_ymd_opt(2026, 2, 14));
    }

    #[test]
    fn open_without_a_native_dialog_asks_for_the_path_in_the_window() {
        let dir = Dir::new();
        let path = waterland_file(&dir);
        let dialogs = FakeDialogs::default();
        dialogs.unavailable.set(true);
        let mut h = harness(app(&dir, None, dialogs));
        click(&mut h, "Openen…");
        assert!(h.state().in_window_dialog_shown());
        crate::ui::retype(
            &mut h,
            "Bestand (volledig pad)",
            &path.display().to_string(),
        );
        h.get_by_role_and_label(Role::Button, "Openen").click();
        h.run();
        let a = h.state().alliance().expect("opened");
        assert_eq!(a.info.name, "Zorgnetwerk Waterland");
        assert!(!h.state().in_window_dialog_shown());
    }

    #[test]
    fn a_signature_date_and_a_late_check_in_can_be_typed() {
        let dir = Dir::new();
        let path = crate::support::example_file(&dir, "dates.samenspel");
        // Stichting Prisma has not signed yet in this case (a set
        // signature is on the record and no longer typed in).
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute("UPDATE signature SET signed = 0 WHERE party = 2", [])
            .unwrap();
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Convenant");
        let label = "Datum (Stichting Prisma)";
        h.get_by_label(label).scroll_to_me();
        h.run();
        // Fields wide enough to read what is in them, each under a heading.
        for (name, min) in [
            ("Ondertekenaar (Stichting Prisma)", 160.0),
            ("Functie (Stichting Prisma)", 140.0),
            ("Plaats (Stichting Prisma)", 100.0),
            (label, 100.0),
        ] {
            let width = h.get_by_label(name).rect().width();
            assert!(width >= min, "{name} is {width} px wide");
        }
        h.get_by_label("Ondertekenaar");
        h.get_by_label(label).click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        type_slowly(&mut h, "31-02-2018");
        h.get_by_label_contains("31-02-2018 bestaat niet");
        h.key_press(egui::Key::Tab);
        h.run();
        // The mistake stays in view until it is corrected.
        h.get_by_label_contains("31-02-2018 bestaat niet");
        h.get_by_label(label).click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        type_slowly(&mut h, "14-02-2018");
        h.key_press(egui::Key::Enter);
        h.run();
        assert!(h.query_by_label_contains("bestaat niet").is_none());
        let a = h.state().alliance().unwrap();
        let sig = a.signatures.iter().find(|s| s.party == 2).unwrap();
        assert_eq!(sig.date, chrono::NaiveDate::from_ymd_opt(2018, 2, 14));

        nav(&mut h, "Spelregels");
        // Below the sets of rules: brought into view first.
        h.get_all_by_label("Check-in")
            .next()
            .unwrap()
            .scroll_to_me();
        h.run();
        h.get_all_by_label("Check-in").next().unwrap().click();
        h.run();
        let field = "Datum van de check-in";
        h.get_by_label(field).click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        type_slowly(&mut h, "03-11-2026");
        h.key_press(egui::Key::Tab);
        h.run();
        h.get_all_by_label("Het Leefkringhuis: 4")
            .next()
            .unwrap()
            .click();
        h.run();
        let a = h.state().alliance().unwrap();
        let c = a.checkins.last().unwrap();
        assert_eq!(c.date, chrono::NaiveDate::from_ymd_opt(2026, 11, 3));
        assert_eq!(c.score, 4);
    }
}

#[test]
fn the_readme_lists_the_shortcuts_of_the_command_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- shortcuts -->\n")
        .expect("the README's shortcut list")
        + 19;
    let end = readme.find("<!-- /shortcuts -->").unwrap();
    let listed = &readme[start..end];
    let table: String = samenspel::ui::command::shortcut_lines(Lang::En)
        .iter()
        .map(|l| format!("- {l}\n"))
        .collect();
    assert_eq!(
        listed, table,
        "the README's shortcut list differs from the command table"
    );
    // The help shows every shortcut of the table, in both languages.
    for lang in Lang::ALL {
        let lines = samenspel::ui::command::shortcut_lines(lang);
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Ctrl+Shift+Z, Ctrl+Y — "))
        );
        assert!(lines.iter().any(|l| l.starts_with("Shift+F5 — ")));
        assert!(lines.iter().any(|l| l.starts_with("Ctrl+0 — ")));
    }
}

#[test]
fn the_share_screen_builds_the_room_projection_once_per_revision() {
    use crate::ui::{FakeDialogs, app, harness};
    let dir = crate::support::Dir::new();
    let path = crate::support::example_file(&dir, "share.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    h.state_mut().set_view(samenspel::ui::View::Shared);
    h.run();
    let before = h.state().room_builds();
    for _ in 0..20 {
        h.step();
    }
    assert_eq!(
        h.state().room_builds(),
        before,
        "no rebuild without a change"
    );
    assert!(before >= 1);
}

#[test]
fn an_empty_strategy_map_is_one_slide_that_says_so() {
    use samenspel::ui::present::{Slide, steps};
    let room = audience::room(&waterland());
    assert!(room.strategy.nodes.is_empty());
    assert_eq!(steps(&room, Slide::Strategy, egui::vec2(1280.0, 720.0)), 1);
    assert!(!Lang::Nl.tr(T::SlideEmptyMap).is_empty());
}

#[test]
fn a_refused_edit_is_one_sentence_in_the_users_language() {
    use samenspel::store::StoreError;
    let mut a = waterland();
    let own = a.insert(samenspel::domain::Relation {
        from: samenspel::domain::Actor::Party(1),
        to: samenspel::domain::Actor::Party(1),
        strength: 1,
        ..Default::default()
    });
    let e = a.apply(&own).unwrap_err();
    let message = Lang::Nl.store_error(&StoreError::Edit(e.clone()));
    assert_eq!(
        message,
        "Een pijl of relatie heeft twee verschillende uiteinden nodig."
    );
    assert_eq!(
        Lang::En.store_error(&StoreError::Edit(e)),
        "An arrow or relation needs two different ends."
    );
    let dots = Lang::Nl.edit_error(&EditError::TooManyDots { allowed: 3 });
    assert!(dots.contains("(3 per partij)"), "{dots}");
}
