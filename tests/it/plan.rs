//! The work plan across meetings, what each party sees solved, a round
//! over a whole set of ground rules, and the covenant as PDF/A-2b.

use chrono::NaiveDate;
use samenspel::audience;
use samenspel::document::Document;
use samenspel::domain::{
    AgendaItem, Alliance, EditError, FocalPoint, Id, Mandate, Meeting, Outcome, Party, PlanLine,
    PlanStatus, RoundStatus, RuleLevel, RuleSet, RuleStatus, Scale, Subject, Via, Vote,
};
use samenspel::i18n::Lang;
use samenspel::report::{self, Kind, Request};

use crate::pdf::text_of;
use crate::support::{Dir, load};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Apply an edit made from the alliance itself, or fail the test saying why.
macro_rules! apply {
    ($a:ident, $e:expr $(,)?) => {{
        let e: samenspel::domain::Edit = $e;
        $a.apply(&e).unwrap_or_else(|err| panic!("{err}: {e:?}"));
    }};
}

/// Hengelo in small (seed 004): four parties, one focal point with three
/// wishes, three meetings of the administrative group.
fn hengelo() -> Alliance {
    let mut a = Alliance::named("WeerThuis Hengelo");
    for (id, name) in [
        (1, "Gemeente Hengelo"),
        (2, "Woningcorporatie"),
        (3, "Zorgaanbieder"),
        (4, "Welzijnsinstelling"),
    ] {
        a.parties.push(Party {
            id,
            name: name.into(),
            ..Party::default()
        });
    }
    a.focal_points.push(FocalPoint {
        id: 1,
        position: 1,
        name: "Wonen".into(),
        description: "Een passende woning in de wijk.".into(),
    });
    for (id, party, title, depends) in [
        (1, 2, "Woningen voor uitstroom", vec![3]),
        (2, 3, "Begeleiding na de verhuizing", vec![2, 4]),
        (3, 4, "Buurt voorbereiden", vec![1]),
    ] {
        a.agenda_items.push(AgendaItem {
            id,
            party,
            title: title.into(),
            problem: String::new(),
            depends_on: depends,
            focal_point: Some(1),
        });
    }
    for (id, title, d) in [
        (1, "Bestuurlijk overleg januari", day(2025, 1, 15)),
        (2, "Bestuurlijk overleg maart", day(2025, 3, 12)),
        (3, "Bestuurlijk overleg mei", day(2025, 5, 14)),
    ] {
        a.meetings.push(Meeting {
            id,
            title: title.into(),
            date: Some(d),
            ..Meeting::default()
        });
    }
    a
}

fn line(a: &Alliance, id: Id) -> &PlanLine {
    a.plan_line(id).unwrap()
}

#[test]
fn a_work_plan_through_three_meetings_shows_progress_what_is_overdue_and_what_is_stuck() {
    let mut a = hengelo();
    // The plan: two lines under the focal point, each taking up wishes.
    apply!(
        a,
        a.add_plan_line(
            1,
            "Twintig woningen per jaar".into(),
            vec![1],
            day(2024, 12, 1)
        ),
    );
    apply!(
        a,
        a.add_plan_line(
            1,
            "Afspraken over begeleiding".into(),
            vec![2, 3],
            day(2024, 12, 1)
        ),
    );
    let mut first = line(&a, 1).clone();
    first.lead = Some(2);
    first.parties = vec![3];
    first.due = Some(day(2025, 4, 1));
    first.mandate = Mandate::Party(2);
    apply!(a, a.update(first));
    let mut second = line(&a, 2).clone();
    second.lead = Some(3);
    second.parties = vec![4, 1];
    second.due = Some(day(2025, 9, 1));
    second.mandate = Mandate::Party(1);
    apply!(a, a.update(second));
    assert_eq!(
        a.plan_in_order().iter().map(|l| l.id).collect::<Vec<_>>(),
        vec![1, 2]
    );

    // Meeting 1: both planned; nothing to compare with yet.
    apply!(
        a,
        a.record_progress(1, 1, PlanStatus::Planned, "Locaties verkend")
            .unwrap(),
    );
    apply!(a, a.record_progress(2, 1, PlanStatus::Planned, "").unwrap(),);
    let at1 = a.plan_at(1, day(2025, 1, 1));
    assert_eq!(at1.since, None);
    assert_eq!(at1.changed().count(), 0);
    assert_eq!(at1.overdue().count(), 0);

    // Meeting 2: the first line is going, the second is stuck.
    apply!(
        a,
        a.record_progress(1, 2, PlanStatus::Going, "Tien woningen toegezegd")
            .unwrap(),
    );
    apply!(
        a,
        a.record_progress(2, 2, PlanStatus::Stuck, "Geen financiering")
            .unwrap(),
    );
    // The line takes the status recorded at its latest meeting.
    assert_eq!(line(&a, 1).status, PlanStatus::Going);
    assert_eq!(line(&a, 2).status, PlanStatus::Stuck);
    let at2 = a.plan_at(2, day(2025, 1, 1));
    assert_eq!(at2.since, Some(1));
    let changed: Vec<(Id, Option<PlanStatus>, PlanStatus)> = at2
        .changed()
        .map(|l| (l.line, l.before, l.status))
        .collect();
    assert_eq!(
        changed,
        vec![
            (1, Some(PlanStatus::Planned), PlanStatus::Going),
            (2, Some(PlanStatus::Planned), PlanStatus::Stuck),
        ]
    );
    assert_eq!(at2.stuck().map(|l| l.line).collect::<Vec<_>>(), vec![2]);
    assert_eq!(at2.overdue().count(), 0, "nothing due before 12 March");

    // Meeting 3 (14 May), before its minutes: the first line was due on
    // 1 April and is not done, so it is overdue; the second is still stuck.
    let at3 = a.plan_at(3, day(2025, 1, 1));
    assert_eq!(at3.since, Some(2));
    assert_eq!(at3.overdue().map(|l| l.line).collect::<Vec<_>>(), vec![1]);
    assert_eq!(at3.stuck().map(|l| l.line).collect::<Vec<_>>(), vec![2]);
    assert_eq!(at3.changed().count(), 0, "nothing changed since March");
    // A line added since the last meeting counts as new.
    apply!(
        a,
        a.add_plan_line(1, "Buurtavond".into(), vec![3], day(2025, 4, 2)),
    );
    let at3 = a.plan_at(3, day(2025, 1, 1));
    let new: Vec<_> = at3.changed().map(|l| (l.line, l.before)).collect();
    assert_eq!(new, vec![(3, None)]);

    // Its minutes: the first line done, the second going again.
    apply!(
        a,
        a.record_progress(1, 3, PlanStatus::Done, "Twintig woningen opgeleverd")
            .unwrap(),
    );
    apply!(
        a,
        a.record_progress(2, 3, PlanStatus::Going, "Financiering rond")
            .unwrap(),
    );
    let at3 = a.plan_at(3, day(2025, 1, 1));
    assert_eq!(at3.overdue().count(), 0, "done is not overdue");
    assert_eq!(at3.stuck().count(), 0);
    // Correcting the minutes of March does not move the line back: progress
    // was recorded at a later meeting.
    apply!(
        a,
        a.record_progress(2, 2, PlanStatus::Stuck, "Geen financiering (nog)")
            .unwrap(),
    );
    assert_eq!(line(&a, 2).status, PlanStatus::Going);

    // The room projection agrees with the domain, meeting by meeting.
    let room = audience::room(&a);
    for m in [1, 2, 3] {
        let domain = a.plan_at(m, day(2025, 1, 1));
        let shown = &room.meeting(m).unwrap().plan;
        let lines: Vec<_> = shown
            .lines
            .iter()
            .map(|l| (l.line, l.status, l.before, l.changed, l.overdue))
            .collect();
        let want: Vec<_> = domain
            .lines
            .iter()
            .map(|l| (l.line, l.status, l.before, l.changed, l.overdue))
            .collect();
        assert_eq!(lines, want, "meeting {m}");
    }
    let line_one = room.plan_line(1).unwrap();
    assert_eq!(line_one.progress.len(), 3, "progress at every meeting");
    assert_eq!(line_one.items[0].party, "Woningcorporatie");

    // The packs: the March pack says what changed and what is stuck; the
    // May pack what is overdue. Dutch and English.
    for lang in [Lang::Nl, Lang::En] {
        let pack = |m| {
            text_of(
                &report::build(
                    &a,
                    &Request {
                        kind: Kind::Pack,
                        meeting: Some(m),
                        version: None,
                        of: None,
                        lang,
                    },
                    day(2025, 1, 1),
                )
                .unwrap()
                .bytes,
            )
        };
        let march = pack(2);
        let may = pack(3);
        match lang {
            Lang::Nl => {
                assert!(
                    march.contains("Veranderd sinds Bestuurlijk overleg januari"),
                    "{march}"
                );
                assert!(march.contains("Gepland → Loopt vast"), "{march}");
                assert!(may.contains("Over de datum"), "{may}");
                assert!(may.contains("ingebracht door Woningcorporatie"), "{may}");
                assert!(!may.contains("prioriteit"));
            }
            Lang::En => {
                assert!(march.contains("Changed since"), "{march}");
                assert!(march.contains("Planned → Stuck"), "{march}");
                assert!(may.contains("Overdue"), "{may}");
                assert!(may.contains("submitted by Woningcorporatie"), "{may}");
            }
        }
        // The minutes of May record the progress per line.
        let minutes = text_of(
            &report::build(
                &a,
                &Request {
                    kind: Kind::Minutes,
                    meeting: Some(3),
                    version: None,
                    of: None,
                    lang,
                },
                day(2025, 1, 1),
            )
            .unwrap()
            .bytes,
        );
        assert!(minutes.contains("Twintig woningen opgeleverd"), "{minutes}");
    }
}

#[test]
fn recording_progress_is_one_undo_step_and_a_line_goes_with_its_focal_point() {
    let dir = Dir::new();
    let path = dir.path("plan.samenspel");
    let mut a = hengelo();
    a.plan_lines.push(PlanLine {
        id: 1,
        focal_point: 1,
        what: "Twintig woningen".into(),
        lead: Some(2),
        items: vec![1],
        ..PlanLine::default()
    });
    let mut doc = Document::create(&path, &a, &[]).unwrap();
    let e = doc
        .alliance()
        .record_progress(1, 2, PlanStatus::Stuck, "Geen grond")
        .unwrap();
    doc.perform(e).unwrap();
    doc.seal();
    let stored = load(&path);
    assert_eq!(stored.plan_progress.len(), 1);
    assert_eq!(stored.plan_lines[0].status, PlanStatus::Stuck);
    doc.undo().unwrap();
    let stored = load(&path);
    assert!(stored.plan_progress.is_empty());
    assert_eq!(stored.plan_lines[0].status, PlanStatus::Planned);
    // A party that leaves takes its wish along; the line lets go of it
    // and of its lead, and keeps the rest.
    let e = doc.alliance().remove::<Party>(2).unwrap();
    doc.perform(e).unwrap();
    let stored = load(&path);
    assert_eq!(stored.plan_lines[0].lead, None);
    assert!(stored.plan_lines[0].items.is_empty());
    doc.undo().unwrap();
    assert_eq!(load(&path).plan_lines[0].lead, Some(2));
    // Progress twice at one meeting is refused.
    let mut b = load(&path);
    apply!(b, b.record_progress(1, 1, PlanStatus::Going, "").unwrap(),);
    let twice = b.insert(samenspel::domain::PlanProgress {
        id: 0,
        line: 1,
        meeting: 1,
        status: PlanStatus::Done,
        text: String::new(),
    });
    assert_eq!(b.apply(&twice), Err(EditError::DuplicateLink));
}

#[test]
fn each_party_sees_its_wishes_where_they_went_and_what_it_takes_on() {
    let mut a = hengelo();
    a.plan_lines.push(PlanLine {
        id: 1,
        focal_point: 1,
        position: 1,
        what: "Twintig woningen per jaar".into(),
        lead: Some(2),
        parties: vec![3],
        due: Some(day(2025, 4, 1)),
        mandate: Mandate::Party(2),
        status: PlanStatus::Going,
        items: vec![1],
        ..PlanLine::default()
    });
    a.plan_lines.push(PlanLine {
        id: 2,
        focal_point: 1,
        position: 2,
        what: "Begeleiding na de verhuizing".into(),
        lead: Some(3),
        parties: vec![2],
        status: PlanStatus::Stuck,
        items: vec![2],
        ..PlanLine::default()
    });
    // The housing corporation: its wish went into line 1; it leads line 1
    // for itself and takes part in line 2 for the care provider; line 1
    // goes back to its own board.
    let share = a.party_share(2);
    assert_eq!(share.wishes, vec![(1, Some(1), vec![1])]);
    assert_eq!(share.takes_on, vec![(1, vec![]), (2, vec![3])]);
    assert_eq!(share.mandates, vec![1]);
    // The welfare organisation's wish is clustered but not yet planned.
    let share = a.party_share(4);
    assert_eq!(share.wishes, vec![(3, Some(1), vec![])]);
    assert!(share.takes_on.is_empty());

    for lang in [Lang::Nl, Lang::En] {
        let built = report::build(
            &a,
            &Request {
                kind: Kind::PartyShare,
                meeting: None,
                version: None,
                of: Some(2),
                lang,
            },
            day(2025, 1, 1),
        )
        .unwrap();
        let doc = lopdf::Document::load_mem(&built.bytes).unwrap();
        assert_eq!(doc.get_pages().len(), 1, "one page per party");
        let text = text_of(&built.bytes);
        assert!(text.contains("Woningcorporatie"), "{text}");
        assert!(text.contains("Woningen voor uitstroom"), "{text}");
        assert!(text.contains("Twintig woningen per jaar"), "{text}");
        match lang {
            Lang::Nl => {
                assert!(text.contains("Uw inbreng en waar die staat"), "{text}");
                assert!(text.contains("voor Zorgaanbieder"), "{text}");
                assert!(
                    text.contains("Wat terug gaat naar uw eigen organisatie"),
                    "{text}"
                );
            }
            Lang::En => {
                assert!(text.contains("Your input and where it stands"), "{text}");
                assert!(text.contains("for Zorgaanbieder"), "{text}");
            }
        }
    }
    assert_eq!(
        report::build(
            &a,
            &Request {
                kind: Kind::PartyShare,
                meeting: None,
                version: None,
                of: Some(99),
                lang: Lang::Nl,
            },
            day(2025, 1, 1),
        )
        .map(|_| ()),
        Err(report::RequestError::NoSuchParty)
    );
}

fn stance(round: Id, party: Id, value: u8, reason: &str) -> Vote {
    Vote {
        id: 0,
        round,
        party,
        value,
        reason: reason.into(),
        via: Via::InRoom,
        ..Vote::default()
    }
}

#[test]
fn a_round_over_a_whole_set_takes_objections_per_rule_and_adopts_the_amended_set() {
    let mut a = hengelo();
    a.people.push(samenspel::domain::Person {
        id: 1,
        name: "Yvonne".into(),
        party: Some(1),
        ..samenspel::domain::Person::default()
    });
    // K2 (seed 003): a set of board rules with one system owner.
    apply!(
        a,
        a.insert(RuleSet {
            id: 0,
            name: "Bestuurlijke spelregels".into(),
            level: RuleLevel::Board,
            owner: Some(1),
            mandate: "Bewaakt de spelregels".into(),
        }),
    );
    let mut ids = Vec::new();
    for text in [
        "We delen eigenaarschap.",
        "We communiceren tijdig.",
        "We zoeken elkaar op als er gedoe dreigt.",
    ] {
        let id = a.next_id::<samenspel::domain::GroundRule>();
        ids.push(id);
        apply!(
            a,
            a.insert(samenspel::domain::GroundRule {
                text: text.into(),
                level: RuleLevel::Practice,
                ..Default::default()
            }),
        );
        apply!(a, a.put_in_set(id, Some(1)).unwrap());
    }
    // In the set: the set's level, and the set's owner guards each rule.
    assert!(
        a.rules_in_set(1)
            .iter()
            .all(|r| r.level == RuleLevel::Board)
    );
    assert!(a.rules_in_set(1).iter().all(|r| a.guard_of(r) == Some(1)));

    let open = a
        .open_set_round(
            1,
            "De set als geheel".into(),
            Scale::Consent,
            day(2025, 3, 1),
            None,
        )
        .unwrap();
    apply!(a, open);
    let round = a.rounds.last().unwrap().id;
    assert_eq!(a.round(round).unwrap().subject, Subject::RuleSet(1));
    assert_eq!(a.proposals_of(round).len(), 3);
    assert!(
        a.rules_in_set(1)
            .iter()
            .all(|r| r.status == RuleStatus::Proposed)
    );

    // An objection to the set names the rule it objects to.
    let bare = a.put_vote(stance(round, 3, 0, "Te vaag"));
    assert_eq!(a.apply(&bare), Err(EditError::ObjectionNeedsRule));
    apply!(
        a,
        a.put_set_vote(
            stance(round, 3, 0, "Te vaag"),
            &[(ids[1], "Wat is tijdig?".into())]
        ),
    );
    for p in [1, 2, 4] {
        apply!(a, a.put_set_vote(stance(round, p, 1, ""), &[]));
    }
    // Hidden until revealed: nothing of the objection reaches the room.
    let room = audience::room(&a);
    let shown = room.rounds.iter().find(|r| r.id == round).unwrap();
    assert_eq!(shown.set_rules.len(), 3);
    assert!(shown.set_rules.iter().all(|r| r.objections.is_empty()));
    let r = a.round(round).unwrap().clone();
    apply!(
        a,
        a.update(samenspel::domain::Round {
            revealed: true,
            ..r
        }),
    );
    assert_eq!(
        a.outcome(a.round(round).unwrap()),
        Outcome::Blocked { by: vec![3] }
    );
    let room = audience::room(&a);
    let shown = room.rounds.iter().find(|r| r.id == round).unwrap();
    assert_eq!(
        shown.set_rules[1].objections,
        vec![("Zorgaanbieder".to_string(), "Wat is tijdig?".to_string())]
    );
    assert!(shown.set_rules[0].objections.is_empty());

    // Amend the rule objected to; the others go along unchanged.
    let amend = a
        .amend_set_round(
            round,
            "De set, geamendeerd".into(),
            &[(
                ids[1],
                "We melden wat de ander raakt binnen een week.".into(),
            )],
            day(2025, 4, 1),
        )
        .unwrap();
    apply!(a, amend);
    assert_eq!(a.round(round).unwrap().status, RoundStatus::Amended);
    let second = a.rounds.last().unwrap().id;
    assert_eq!(a.round(second).unwrap().previous, Some(round));
    let texts: Vec<String> = a
        .proposals_of(second)
        .iter()
        .map(|p| p.text.clone())
        .collect();
    assert_eq!(
        texts,
        vec![
            "We delen eigenaarschap.",
            "We melden wat de ander raakt binnen een week.",
            "We zoeken elkaar op als er gedoe dreigt.",
        ]
    );
    for p in 1..=4 {
        apply!(a, a.put_set_vote(stance(second, p, 1, ""), &[]));
    }
    let r = a.round(second).unwrap().clone();
    apply!(
        a,
        a.update(samenspel::domain::Round {
            revealed: true,
            ..r
        }),
    );
    let adopt = a
        .conclude_round(second, RoundStatus::Adopted, day(2025, 4, 1), String::new())
        .unwrap();
    apply!(a, adopt);
    // Adopting the set adopts every rule, with the amended text.
    let rules: Vec<samenspel::domain::GroundRule> =
        a.rules_in_set(1).into_iter().cloned().collect();
    assert!(rules.iter().all(|r| r.status == RuleStatus::Adopted));
    assert_eq!(
        rules[1].text,
        "We melden wat de ander raakt binnen een week."
    );
    // The party that objected leaves, with its stances and objections;
    // undo brings them back whole, the objection before its stance.
    let before = a.clone();
    let removal = a.remove::<Party>(3).unwrap();
    apply!(a, removal.clone());
    assert!(a.objections.is_empty());
    apply!(a, removal.inverse());
    assert_eq!(a, before);
    // A rule is adopted only by a round that decided it: one outside the
    // set cannot be set to adopted by hand.
    let id = a.next_id::<samenspel::domain::GroundRule>();
    apply!(
        a,
        a.insert(samenspel::domain::GroundRule {
            text: "Los".into(),
            ..Default::default()
        }),
    );
    let mut loose = a.ground_rule(id).unwrap().clone();
    loose.status = RuleStatus::Adopted;
    let e = a.update(loose);
    assert_eq!(a.apply(&e), Err(EditError::NotDecided));

    // A check-in over the whole set, on any date, and its trend.
    for (d, scores) in [(day(2025, 5, 1), [3u8, 2, 4]), (day(2025, 9, 1), [4, 4, 5])] {
        for p in 1..=2 {
            let s: Vec<(Id, u8)> = rules.iter().map(|r| r.id).zip(scores).collect();
            apply!(a, a.checkin_set(p, d, &s));
        }
    }
    let ids: Vec<Id> = a.rules_in_set(1).iter().map(|r| r.id).collect();
    let trend = samenspel::domain::rules::set_trend(&a, &ids);
    assert_eq!(trend.len(), 2);
    assert_eq!(trend[0].2, 6);
    assert!((trend[0].1 - 3.0).abs() < 1e-6);
    assert!((trend[1].1 - 13.0 / 3.0).abs() < 1e-6);
    let room = audience::room(&a);
    assert_eq!(
        room.rule_sets[0].owner.as_deref(),
        Some("Yvonne (Gemeente Hengelo)")
    );
    assert_eq!(room.rule_sets[0].trend.len(), 2);

    // The documents say which rules were adopted and what the amendment
    // changed, not only "the rules of the set as a whole" (issue 29).
    a.meetings.push(Meeting {
        id: 4,
        title: "Extra bestuurlijk overleg".into(),
        // The day the amended set was decided.
        date: a.rounds.last().unwrap().decided,
        ..Meeting::default()
    });
    let document = |a: &Alliance, kind: Kind, meeting: Id, lang: Lang| {
        let bytes = report::build(
            a,
            &Request {
                kind,
                meeting: Some(meeting),
                version: None,
                of: None,
                lang,
            },
            day(2025, 10, 1),
        )
        .unwrap()
        .bytes;
        text_of(&bytes)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let minutes = document(&a, Kind::Minutes, 4, Lang::Nl);
    assert!(minutes.contains("De set, geamendeerd"), "{minutes}");
    assert!(minutes.contains("We delen eigenaarschap."), "{minutes}");
    assert!(
        minutes.contains(
            "Gewijzigd: ‘We communiceren tijdig.’ wordt ‘We melden wat de ander raakt binnen een week.’"
        ),
        "{minutes}"
    );
    let minutes = document(&a, Kind::Minutes, 4, Lang::En);
    assert!(
        minutes.contains("Amended: ‘We communiceren tijdig.’ becomes"),
        "{minutes}"
    );
    // The pack: the set's check-ins over time.
    let pack = document(&a, Kind::Pack, 3, Lang::Nl);
    assert!(
        pack.contains("Verloop 1 mei 2025: 3 (6 scores) → 1 september 2025: 4,3 (6 scores)"),
        "{pack}"
    );
    // The slides: the decision log names the rules, the rules slide the
    // trend.
    let room = audience::room(&a);
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(samenspel::ui::theme::install)
        .build_ui_state(
            |ui, state: &mut samenspel::ui::present::PresentState| {
                let slides = samenspel::ui::present::slides(&room, None);
                samenspel::ui::present::show(ui, Lang::Nl, &room, &slides, state);
            },
            samenspel::ui::present::PresentState::default(),
        );
    let slides = samenspel::ui::present::slides(&room, None);
    use egui_kittest::kittest::Queryable;
    for (slide, want) in [
        (
            samenspel::ui::present::Slide::Decisions,
            "We melden wat de ander raakt binnen een week.",
        ),
        (
            samenspel::ui::present::Slide::Rules,
            "Verloop 1 mei 2025: 3 (6\u{a0}scores) → 1 september 2025: 4,3 (6\u{a0}scores)",
        ),
    ] {
        let at = slides.iter().position(|s| *s == slide).unwrap();
        h.state_mut().go_to(at);
        h.run();
        assert!(
            h.query_all_by(|n| {
                [n.label(), n.value()]
                    .into_iter()
                    .flatten()
                    .any(|t| t.contains(want))
            })
            .next()
            .is_some(),
            "{slide:?} shows {want:?}"
        );
    }
}

#[test]
fn the_covenant_is_pdf_a_2b() {
    let a = samenspel::example::samen_noord();
    let view = audience::covenant(&a, 1).unwrap();
    for lang in [Lang::Nl, Lang::En] {
        let bytes = report::covenant::render(&view, lang);
        assert!(
            bytes.starts_with(b"%PDF-1.7\n%"),
            "PDF 1.7 with a binary mark"
        );
        assert!(bytes[10..14].iter().all(|b| *b > 127), "binary comment");
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        assert!(doc.trailer.get(b"Encrypt").is_err(), "not encrypted");
        assert!(doc.trailer.get(b"ID").is_ok(), "a document ID");
        let catalog = doc.catalog().unwrap();
        // XMP: PDF/A-2b's identification, uncompressed.
        let meta = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
        let meta = doc.get_object(meta).unwrap().as_stream().unwrap();
        assert!(meta.dict.get(b"Filter").is_err(), "XMP uncompressed");
        let xmp = String::from_utf8(meta.content.clone()).unwrap();
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
        assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert!(xmp.contains(&format!(
            "<rdf:li xml:lang=\"x-default\">{}</rdf:li>",
            view.title
        )));
        // The information dictionary says the same as the XMP.
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let info = doc.get_object(info).unwrap().as_dict().unwrap();
        assert!(info.get(b"GTS_PDFXVersion").is_err());
        let created = String::from_utf8(
            info.get(b"CreationDate")
                .unwrap()
                .as_str()
                .unwrap()
                .to_vec(),
        )
        .unwrap();
        // D:YYYYMMDDHHMMSS+00'00' and YYYY-MM-DDTHH:MM:SS+00:00, the same moment.
        let iso = format!(
            "{}-{}-{}T{}:{}:{}+00:00",
            &created[2..6],
            &created[6..8],
            &created[8..10],
            &created[10..12],
            &created[12..14],
            &created[14..16]
        );
        assert!(
            xmp.contains(&format!("<xmp:CreateDate>{iso}</xmp:CreateDate>")),
            "{xmp}"
        );
        // An sRGB output intent with an RGB display profile.
        let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
        let intent = intents[0].as_dict().unwrap();
        assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
        let profile = intent
            .get(b"DestOutputProfile")
            .unwrap()
            .as_reference()
            .unwrap();
        let profile = doc.get_object(profile).unwrap().as_stream().unwrap();
        assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
        let icc = &profile.content;
        assert_eq!(&icc[36..40], b"acsp");
        assert_eq!(&icc[12..20], b"mntrRGB ");
        assert_eq!(
            u32::from_be_bytes([icc[0], icc[1], icc[2], icc[3]]) as usize,
            icc.len()
        );
        // Every font embedded, nothing transparent.
        let mut fonts = 0;
        for (_, object) in doc.objects.iter() {
            let Ok(dict) = object
                .as_dict()
                .or_else(|_| object.as_stream().map(|s| &s.dict))
            else {
                continue;
            };
            if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor") {
                fonts += 1;
                assert!(
                    dict.get(b"FontFile2").is_ok()
                        || dict.get(b"FontFile3").is_ok()
                        || dict.get(b"FontFile").is_ok(),
                    "an embedded font program"
                );
            }
            assert!(dict.get(b"SMask").is_err(), "no soft mask");
            for key in [b"CA".as_slice(), b"ca".as_slice()] {
                if let Ok(alpha) = dict.get(key) {
                    assert!(alpha.as_float().unwrap_or(1.0) >= 1.0, "no transparency");
                }
            }
            if let Ok(group) = dict.get(b"Group").and_then(|g| g.as_dict()) {
                assert_ne!(
                    group.get(b"S").and_then(|s| s.as_name()).ok(),
                    Some(b"Transparency".as_slice())
                );
            }
        }
        assert!(fonts >= 2, "both faces embedded");
        // An independent reader, when it is installed: pypdf.
        pypdf_check(&bytes);
    }
}

/// Read the PDF/A markers with pypdf, if Python has it (`pip install
/// pypdf`); says so and passes when it does not.
fn pypdf_check(bytes: &[u8]) {
    let dir = Dir::new();
    let path = dir.path("covenant.pdf");
    std::fs::write(&path, bytes).unwrap();
    let script = r#"
import sys
try:
    import pypdf
except ImportError:
    print("no pypdf"); sys.exit(0)
r = pypdf.PdfReader(sys.argv[1])
assert not r.is_encrypted
root = r.trailer["/Root"]
xmp = root["/Metadata"].get_object().get_data().decode()
assert "<pdfaid:part>2</pdfaid:part>" in xmp
assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
oi = root["/OutputIntents"][0].get_object()
assert oi["/S"] == "/GTS_PDFA1"
assert oi["/DestOutputProfile"].get_object()["/N"] == 3
assert r.pdf_header.startswith("%PDF-1.7")
for page in r.pages:
    for name, font in page["/Resources"]["/Font"].items():
        font = font.get_object()
        desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in desc or "/FontFile3" in desc, name
print("pypdf ok")
"#;
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "pypdf: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => eprintln!("python3 not found: the PDF/A markers were read with lopdf only"),
    }
}

#[test]
fn the_english_draft_of_a_covenant_is_english() {
    let a = samenspel::example::samen_noord();
    let clauses = samenspel::domain::covenant::draft_clauses(&a, 1, 1, true);
    let all: String = clauses
        .iter()
        .map(|c| format!("{}\n{}\n", c.heading, c.text))
        .collect();
    for dutch in [
        "Dit convenant",
        "Partijen\n",
        "Looptijd",
        "tot en met",
        "Besluitvorming",
    ] {
        assert!(!all.contains(dutch), "{dutch:?} in {all}");
    }
    assert!(all.contains("This covenant runs from"));
    assert!(all.contains("inclusive"));
}

#[test]
fn the_example_pack_lists_wishes_by_dots_and_leaves_out_empty_maps() {
    let a = samenspel::example::samen_noord();
    let text = text_of(
        &report::build(
            &a,
            &Request {
                kind: Kind::Pack,
                meeting: Some(3),
                version: None,
                of: None,
                lang: Lang::Nl,
            },
            day(2017, 11, 1),
        )
        .unwrap()
        .bytes,
    );
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // By dots: "Elkaar erbij halen" (12) before "Samen in de Huizen" (10).
    let first = text
        .find("1. Elkaar erbij halen — 12 stippen")
        .expect(&text);
    let second = text
        .find("2. Samen in de Huizen van de Wijk — 10 stippen")
        .expect(&text);
    assert!(first < second);
    assert!(text.contains("ingebracht door Stichting Dock"), "{text}");
    assert!(text.contains("heeft nodig:"), "{text}");
    assert!(!text.contains("prioriteit"));
    assert!(text.contains("Te nemen besluiten"));
    assert!(text.contains("Mandaat nodig van Stuurgroep"), "{text}");
    // An alliance without a strategy map, relations or anyone counting on
    // another gets no map pages.
    let mut b = hengelo();
    b.relations.clear();
    b.plan_lines.clear();
    for i in &mut b.agenda_items {
        i.depends_on.clear();
    }
    assert!(b.reliances().is_empty());
    let bytes = report::build(
        &b,
        &Request {
            kind: Kind::Pack,
            meeting: Some(1),
            version: None,
            of: None,
            lang: Lang::Nl,
        },
        day(2025, 1, 1),
    )
    .unwrap()
    .bytes;
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    for (_, page) in doc.get_pages() {
        let page = doc.get_object(page).unwrap().as_dict().unwrap();
        let mediabox = page.get(b"MediaBox").unwrap().as_array().unwrap();
        let w = mediabox[2].as_float().unwrap();
        let h = mediabox[3].as_float().unwrap();
        assert!(w < h, "no landscape map page in a pack without maps");
    }
    assert!(!text_of(&bytes).contains("Strategiekaart"));
}

#[test]
fn the_party_page_is_written_from_the_command_line() {
    let dir = Dir::new();
    let file = crate::support::example_file(&dir, "noord.samenspel");
    let out = dir.path("dock.pdf");
    let (ok, stdout, stderr) = crate::support::cli_with_input(
        &[
            "pdf",
            "party",
            file.to_str().unwrap(),
            "--party",
            "stichting dock",
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("De inbreng van de partij en waar die staat geschreven naar"),
        "{stdout}"
    );
    let text = text_of(&std::fs::read(&out).unwrap());
    assert!(text.contains("Stichting Dock"));
    let (ok, _, stderr) = crate::support::cli_with_input(
        &[
            "pdf",
            "party",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert!(!ok);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}

/// The work plan, its progress and a set's round, as a facilitator does
/// it in the window, one key at a time.
mod window {
    use egui::accesskit::Role;
    use egui_kittest::kittest::{NodeT, Queryable};
    use samenspel::domain::{PlanStatus, Subject};

    use crate::support::{Dir, example_file, load};
    use crate::typing::type_slowly;
    use crate::ui::{FakeDialogs, app, choose, click, harness, nav};

    #[test]
    fn a_line_is_added_typed_undone_and_a_partys_page_saved() {
        let dir = Dir::new();
        let path = example_file(&dir, "plan.samenspel");
        let dialogs = FakeDialogs::default();
        let save = dialogs.save.clone();
        let mut h = harness(app(&dir, Some(&path), dialogs));
        nav(&mut h, "Werkplan");
        h.get_by_label_contains("1 van 6 klaar");
        h.get_all_by_label("+  Regel toevoegen")
            .next()
            .unwrap()
            .click();
        h.run();
        // The new line's text is selected, ready to be typed over. The plan
        // is in the order of the room's dots: "Elkaar erbij halen" first.
        type_slowly(&mut h, "Buurtkamers open in elk Huis");
        h.key_press(egui::Key::Tab);
        h.run();
        let focal = "Elkaar erbij halen";
        let a = load(&path);
        let line = a.plan_lines.iter().find(|l| l.id == 7).unwrap();
        assert_eq!(line.what, "Buurtkamers open in elk Huis");
        assert_eq!(line.focal_point, 2);
        choose(
            &mut h,
            &format!("Status van {focal}, regel 3"),
            "Loopt vast",
        );
        choose(
            &mut h,
            &format!("Trekker van {focal}, regel 3"),
            "Stichting Dock",
        );
        let a = load(&path);
        let line = a.plan_lines.iter().find(|l| l.id == 7).unwrap();
        assert_eq!(line.status, PlanStatus::Stuck);
        assert_eq!(line.lead, Some(3));
        // Undo: the lead, the status, the typing (one step), the line.
        for _ in 0..3 {
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
            h.run();
        }
        assert_eq!(
            load(&path)
                .plan_lines
                .iter()
                .find(|l| l.id == 7)
                .unwrap()
                .what,
            "Nieuwe regel"
        );
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        assert_eq!(load(&path).plan_lines.len(), 6);
        // What one party sees solved, and its page.
        choose(&mut h, "Wat elke partij opgelost ziet", "Stichting Dock");
        h.get_by_label_contains("voor Doras, Stichting Wijsneus");
        let out = dir.path("dock.pdf");
        *save.borrow_mut() = Some(out.clone());
        click(&mut h, "Uw inbreng en waar die staat (PDF)…");
        let text = crate::pdf::text_of(&std::fs::read(&out).unwrap());
        assert!(text.contains("Stichting Dock"), "{text}");
        assert!(text.contains("Programmering van de Huizen"), "{text}");
    }

    #[test]
    fn progress_is_recorded_in_the_minutes_key_by_key() {
        let dir = Dir::new();
        let path = example_file(&dir, "voortgang.samenspel");
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Overleggen");
        // The working group's meeting takes up its focal point: its lines.
        let field = "Voortgang van Samen in de Huizen van de Wijk, regel 2";
        h.get_by_label(field).scroll_to_me();
        h.run();
        h.get_by_label(field).click();
        h.run();
        type_slowly(&mut h, "Eerste inloopuur gehouden");
        h.key_press(egui::Key::Tab);
        h.run();
        let a = load(&path);
        let p = a
            .plan_progress
            .iter()
            .find(|p| p.line == 2 && p.meeting == 3)
            .expect("progress recorded at this meeting");
        assert_eq!(p.text, "Eerste inloopuur gehouden");
        choose(
            &mut h,
            "Status van Samen in de Huizen van de Wijk, regel 2 in deze vergadering",
            "Loopt",
        );
        assert_eq!(load(&path).plan_lines[1].status, PlanStatus::Going);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        assert_eq!(load(&path).plan_lines[1].status, PlanStatus::Planned);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        assert!(
            !load(&path)
                .plan_progress
                .iter()
                .any(|p| p.line == 2 && p.meeting == 3),
            "the typing was one step"
        );
    }

    #[test]
    fn a_whole_set_is_put_to_a_round_and_an_objection_names_its_rule() {
        let dir = Dir::new();
        let path = example_file(&dir, "set.samenspel");
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Spelregels");
        click(&mut h, "De hele set voorleggen");
        click(&mut h, "Ronde openen");
        let a = load(&path);
        let round = a.rounds.last().unwrap().clone();
        assert_eq!(round.subject, Subject::RuleSet(1));
        assert_eq!(a.proposals_of(round.id).len(), 2);
        h.get_by_label_contains("De spelregels die deze ronde vaststelt");
        choose(&mut h, "Standpunt van", "Stichting Prisma");
        click(&mut h, "Bezwaar");
        crate::ui::retype(&mut h, "Reden", "Een veto moet eerst besproken");
        // Without the rule it objects to, it cannot be recorded.
        assert!(
            h.get_by_role_and_label(Role::Button, "✓  Vastleggen")
                .accesskit_node()
                .is_disabled()
        );
        h.get_by_label_contains("Kies de spelregel(s)");
        let rule = a.proposals_of(round.id)[1].text.clone();
        click(&mut h, &format!("Bezwaar tegen regel: {rule}"));
        click(&mut h, "✓  Vastleggen");
        let a = load(&path);
        let objections = a.objections_of(round.id, 2);
        assert_eq!(objections.len(), 1);
        assert_eq!(objections[0].rule, a.proposals_of(round.id)[1].rule);
        assert!(a.vote(round.id, 2).is_some());
    }
}

/// Every text the projected UI carries (labels and values).
fn shown<S>(h: &egui_kittest::Harness<'_, S>) -> Vec<String> {
    use egui_kittest::kittest::Queryable;
    let out = std::cell::RefCell::new(Vec::new());
    let _ = h
        .query_all_by(|n| {
            for t in [n.label(), n.value()].into_iter().flatten() {
                if !t.is_empty() {
                    out.borrow_mut().push(t.to_string());
                }
            }
            false
        })
        .count();
    out.into_inner()
}

#[test]
fn the_work_plan_slide_shows_each_focal_point_with_its_lines_and_progress() {
    use samenspel::ui::present::{self, PresentState, Slide};
    let a = samenspel::example::samen_noord();
    let room = audience::room(&a);
    let slides = present::slides(&room, None);
    let at = slides
        .iter()
        .position(|s| *s == Slide::WorkPlan)
        .expect("a work plan slide after the funnel");
    assert_eq!(slides[at - 1], Slide::Funnel);
    let size = egui::vec2(1280.0, 720.0);
    let steps = present::steps(&room, Slide::WorkPlan, size);
    assert_eq!(steps, 3, "one step per focal point with lines");
    let mut h = egui_kittest::Harness::builder()
        .with_size(size)
        .with_context_setup(samenspel::ui::theme::install)
        .build_ui_state(
            |ui, state: &mut PresentState| {
                present::show(ui, Lang::Nl, &room, &slides, state);
            },
            PresentState::default(),
        );
    let mut all = Vec::new();
    for step in 0..steps {
        h.state_mut().slide = at;
        h.state_mut().step = step;
        h.run();
        all.extend(shown(&h));
    }
    let all = all.join("\n");
    for line in &a.plan_lines {
        assert!(all.contains(&line.what), "{} on the slide", line.what);
    }
    assert!(
        all.contains("Werkplan · Samen in de Huizen van de Wijk"),
        "{all}"
    );
    assert!(all.contains("Loopt vast · Civic Amsterdam"), "{all}");
    assert!(all.contains("Wacht op het mandaat"), "the latest progress");
    // A round over a set shows its rules on the beamer.
    let mut b = a.clone();
    let open = b
        .open_set_round(1, "De set".into(), Scale::Consent, day(2025, 3, 1), None)
        .unwrap();
    b.apply(&open).unwrap();
    let room = audience::room(&b);
    let slides = present::slides(&room, None);
    let round = slides
        .iter()
        .position(|s| matches!(s, Slide::Round(i) if room.rounds[*i].set_rules.len() == 2))
        .expect("the set's round");
    let mut h = egui_kittest::Harness::builder()
        .with_size(size)
        .with_context_setup(samenspel::ui::theme::install)
        .build_ui_state(
            |ui, state: &mut PresentState| {
                present::show(ui, Lang::Nl, &room, &slides, state);
            },
            PresentState {
                slide: round,
                ..PresentState::default()
            },
        );
    h.run();
    let all = shown(&h).join("\n");
    assert!(
        all.contains("1. Elke partij heeft een gelijke stem"),
        "{all}"
    );
}

/// A presentation harness on `slides`, at `state`.
fn beamer(
    room: &samenspel::audience::RoomView,
    slides: Vec<samenspel::ui::present::Slide>,
    state: samenspel::ui::present::PresentState,
    size: egui::Vec2,
) -> egui_kittest::Harness<'_, samenspel::ui::present::PresentState> {
    let mut h = egui_kittest::Harness::builder()
        .with_size(size)
        .with_context_setup(samenspel::ui::theme::install)
        .build_ui_state(
            move |ui, state: &mut samenspel::ui::present::PresentState| {
                samenspel::ui::present::show(ui, Lang::Nl, room, &slides, state);
            },
            state,
        );
    h.run();
    h
}

/// The example with its working group's first agenda item taking up the
/// whole work plan.
fn noord_with_plan_on_the_agenda() -> Alliance {
    let mut a = samenspel::example::samen_noord();
    let slot = a
        .agenda_slots
        .iter_mut()
        .filter(|s| s.meeting == 3)
        .min_by_key(|s| (s.position, s.id))
        .unwrap();
    slot.link = samenspel::domain::SlotLink::WorkPlan;
    a
}

#[test]
fn the_funnel_slide_and_its_focal_points_follow_the_dots() {
    use egui_kittest::kittest::NodeT;
    use samenspel::ui::present::{self, PresentState, Slide};
    let a = samenspel::example::samen_noord();
    let room = audience::room(&a);
    let by_dots: Vec<String> = a
        .focal_points_by_priority()
        .iter()
        .map(|(f, _)| f.name.clone())
        .collect();
    let board: Vec<String> = a
        .focal_points_in_order()
        .iter()
        .map(|f| f.name.clone())
        .collect();
    assert_ne!(by_dots, board, "the dots change the board's order");
    let slides = present::slides(&room, None);
    let at = slides.iter().position(|s| *s == Slide::Funnel).unwrap();
    let size = egui::vec2(1280.0, 720.0);
    let h = beamer(
        &room,
        slides.clone(),
        PresentState {
            slide: at,
            ..PresentState::default()
        },
        size,
    );
    // The funnel's boxes, left to right, in the order of the dots.
    let left = |name: &str| -> f64 {
        h.root()
            .children_recursive()
            .find(|n| {
                let node = n.accesskit_node();
                [node.label(), node.value()]
                    .into_iter()
                    .flatten()
                    .any(|t| t.starts_with(&format!("{name}\n")))
            })
            .and_then(|n| n.accesskit_node().bounding_box())
            .unwrap_or_else(|| panic!("{name}'s box on the funnel"))
            .x0
    };
    let xs: Vec<f64> = by_dots.iter().map(|n| left(n)).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{by_dots:?} at {xs:?}");
    drop(h);
    // Then a step per focal point, in the same order.
    for (k, name) in by_dots.iter().enumerate() {
        let h = beamer(
            &room,
            slides.clone(),
            PresentState {
                slide: at,
                step: k + 1,
                ..PresentState::default()
            },
            size,
        );
        let texts = shown(&h);
        assert!(texts.contains(name), "step {}: {name} in {texts:?}", k + 1);
    }
}

#[test]
fn the_agenda_slide_of_the_work_plan_shows_where_it_stands_at_that_meeting() {
    use egui_kittest::kittest::NodeT;
    use samenspel::ui::present::{self, PresentState, Slide};
    let a = noord_with_plan_on_the_agenda();
    let room = audience::room(&a);
    let slides = present::slides(&room, Some(3));
    let at = slides.iter().position(|s| *s == Slide::Agenda(3)).unwrap();
    let k = room
        .meeting(3)
        .unwrap()
        .slots
        .iter()
        .position(|s| s.link == audience::RoomLink::WorkPlan)
        .unwrap();
    for size in [egui::vec2(1280.0, 720.0), egui::vec2(1920.0, 1080.0)] {
        let h = beamer(
            &room,
            slides.clone(),
            PresentState {
                slide: at,
                step: k + 1,
                ..PresentState::default()
            },
            size,
        );
        let all = shown(&h).join("\n");
        // The summary, then the lines by focal point (by dots) with their
        // number, status at the meeting, overdue and the progress noted.
        assert!(all.contains("1 van 6 klaar"), "{all}");
        assert!(
            all.contains(
                "Elkaar erbij halen\n1. Eén intake voor schulden en welzijn — Loopt vast · \
                 over de datum — Wacht op het mandaat van de stuurgroep"
            ),
            "{all}"
        );
        assert!(
            all.contains(
                "1. Eén gezamenlijk rooster per Huis van de Wijk — Loopt — Het rooster \
                 staat voor twee Huizen."
            ),
            "{all}"
        );
        // Fitted: the last line is there whole, and on the slide.
        assert!(
            all.contains("2. Steunpunt mantelzorg in de Huizen — Klaar — Het steunpunt is open sinds 1 november."),
            "{all}"
        );
        for n in h.root().children_recursive() {
            if let Some(r) = n.accesskit_node().bounding_box() {
                assert!(
                    r.x1 <= f64::from(size.x) + 0.5 && r.y1 <= f64::from(size.y) + 0.5,
                    "{:?} at {r:?} off the {size:?} slide",
                    n.accesskit_node().label()
                );
            }
        }
    }
}

#[test]
fn the_party_page_says_the_day_its_statuses_are_from_and_what_is_overdue() {
    let mut a = hengelo();
    a.plan_lines.push(PlanLine {
        id: 1,
        focal_point: 1,
        position: 1,
        what: "Twintig woningen per jaar".into(),
        lead: Some(2),
        parties: vec![3],
        due: Some(day(2025, 4, 1)),
        mandate: Mandate::Party(2),
        status: PlanStatus::Going,
        items: vec![1],
        ..PlanLine::default()
    });
    // Stuck at the meeting in March, going since.
    a.plan_progress.push(samenspel::domain::PlanProgress {
        id: 1,
        line: 1,
        meeting: 2,
        status: PlanStatus::Stuck,
        text: "Geen bouwgrond".into(),
    });
    let today = day(2025, 6, 2);
    for lang in [Lang::Nl, Lang::En] {
        let built = report::build(
            &a,
            &Request {
                kind: Kind::PartyShare,
                meeting: None,
                version: None,
                of: Some(2),
                lang,
            },
            today,
        )
        .unwrap();
        let text = text_of(&built.bytes)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let (as_of, last, overdue) = match lang {
            Lang::Nl => (
                "Stand op 2 juni 2025.",
                "Bestuurlijk overleg maart",
                "over de datum",
            ),
            Lang::En => ("As at", "Bestuurlijk overleg maart", "overdue"),
        };
        assert!(text.contains(as_of), "{text}");
        assert!(text.contains(&lang.date(today)), "{text}");
        assert!(!text.contains("Stand na"), "{text}");
        assert!(
            text.contains(last),
            "the last meeting, named as such: {text}"
        );
        // Due on 1 April, not done: overdue on the wish, on what the party
        // takes on and on what goes back to its own organisation.
        assert_eq!(text.matches(overdue).count(), 3, "{text}");
    }
}

#[test]
fn line_numbers_are_the_same_on_the_work_plan_and_in_the_minutes() {
    use crate::ui::{FakeDialogs, app, harness, nav};
    use egui_kittest::kittest::Queryable;
    let dir = Dir::new();
    let path = dir.path("nummers.samenspel");
    Document::create(&path, &noord_with_plan_on_the_agenda(), &[]).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    nav(&mut h, "Werkplan");
    h.get_by_label("Wat gebeurt er: Samen in de Huizen van de Wijk, regel 1");
    nav(&mut h, "Overleggen");
    // The whole plan, each focal point's lines from 1, as on the work plan.
    h.get_by_label("1. Eén gezamenlijk rooster per Huis van de Wijk");
    h.get_by_label("1. Eén intake voor schulden en welzijn");
    h.get_by_label("2. Steunpunt mantelzorg in de Huizen");
    h.get_by_label("Voortgang van Samen in de Huizen van de Wijk, regel 1");
    h.get_by_label("Status van Elkaar erbij halen, regel 1 in deze vergadering");
}

#[test]
fn a_draft_covenant_says_it_is_a_draft_and_leaves_out_empty_lists() {
    use samenspel::domain::CovenantVersion;
    let mut a = Alliance::named("Nieuw verband");
    a.covenant_versions.push(CovenantVersion {
        id: 1,
        number: 1,
        title: "Convenant Nieuw verband".into(),
        ..CovenantVersion::default()
    });
    for english in [false, true] {
        let mut b = a.clone();
        b.clauses = samenspel::domain::covenant::draft_clauses(&b, 1, 1, english);
        let view = audience::covenant(&b, 1).unwrap();
        let lang = Lang::from_english(english);
        let bytes = report::covenant::render(&view, lang);
        let text = text_of(&bytes)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for help in [
            "pas de artikelen aan",
            "consensusronde",
            "edit the clauses",
            "consensus round",
        ] {
            assert!(!text.contains(help), "{help:?} in {text}");
        }
        let draft = if english {
            "Draft — not yet adopted"
        } else {
            "Concept — nog niet vastgesteld"
        };
        assert!(text.contains(draft), "{text}");
        for dangling in [
            "aangegaan door:",
            "volgende gremia:",
            "entered into by:",
            "these bodies:",
            "Ondertekening",
            "Signatures",
        ] {
            assert!(!text.contains(dangling), "{dangling:?} in {text}");
        }
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(doc.get_pages().len(), 1, "no empty page of signatures");
    }
    // With parties, the list and the signatures are there.
    let view = audience::covenant(&samenspel::example::samen_noord(), 1).unwrap();
    let text = text_of(&report::covenant::render(&view, Lang::Nl));
    assert!(text.contains("Ondertekening"), "{text}");
}

#[test]
fn the_levels_have_one_name_and_no_seed_shows_to_users() {
    use samenspel::i18n::T;
    for lang in Lang::ALL {
        let hint = lang.tr(T::RuleSetsHint);
        for level in [RuleLevel::Practice, RuleLevel::Management, RuleLevel::Board] {
            let name = lang.rule_level(level).to_lowercase();
            assert!(hint.contains(&name), "{name:?} in {hint}");
        }
        for key in T::ALL {
            let text = lang.tr(*key);
            assert!(
                // (The draw's random seed is another seed.)
                !text.contains("seed 0") && !text.contains("zaad 0"),
                "{key:?}: {text}"
            );
        }
    }
}

/// What runs past the right edge of a 1280 px window.
fn past_the_edge(h: &egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>) -> Vec<String> {
    use egui_kittest::kittest::NodeT;
    h.root()
        .children_recursive()
        .filter_map(|n| {
            let node = n.accesskit_node();
            let r = node.bounding_box()?;
            (r.x1 > 1280.5).then(|| format!("{:?} {:?} at {r:?}", node.role(), node.label()))
        })
        .collect()
}

/// The work plan's fields in the window, as a facilitator uses them.
mod fields {
    use egui::accesskit::Role;
    use egui_kittest::kittest::{NodeT, Queryable};

    use crate::support::{Dir, example_file, load};
    use crate::ui::{FakeDialogs, app, choose, click, nav};

    fn small_window(
        app: samenspel::ui::SamenspelApp,
    ) -> egui_kittest::Harness<'static, samenspel::ui::SamenspelApp> {
        let mut h = egui_kittest::Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .with_context_setup(samenspel::ui::theme::install)
            .with_max_steps(24)
            .build_ui_state(
                |ui, app: &mut samenspel::ui::SamenspelApp| app.show(ui),
                app,
            );
        h.run();
        h
    }

    #[test]
    fn taking_part_is_ticked_several_at_once_and_the_field_stays_put() {
        let dir = Dir::new();
        let path = example_file(&dir, "meedoen.samenspel");
        let mut h = small_window(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Werkplan");
        let combo = "Doen mee aan Samen in de Huizen van de Wijk, regel 2";
        h.get_by_role_and_label(Role::ComboBox, combo)
            .scroll_to_me();
        h.run();
        let before = h
            .get_by_role_and_label(Role::ComboBox, combo)
            .accesskit_node()
            .bounding_box()
            .unwrap();
        h.get_by_role_and_label(Role::ComboBox, combo).click();
        h.run();
        for party in ["Het Leefkringhuis", "Stichting Prisma"] {
            // The list is still open after the first tick.
            h.get_by_role(Role::ListBox)
                .get_by_label(party)
                .click_accesskit();
            h.run();
        }
        let parties = &load(&path).plan_lines[1].parties;
        assert!(parties.contains(&1) && parties.contains(&2), "{parties:?}");
        h.key_press(egui::Key::Escape);
        h.run();
        let after = h
            .get_by_role_and_label(Role::ComboBox, combo)
            .accesskit_node()
            .bounding_box()
            .unwrap();
        assert_eq!(before, after, "the field keeps its place and width");
    }

    #[test]
    fn at_1280_px_a_long_mandate_the_progress_card_and_the_covenant_header_fit() {
        let dir = Dir::new();
        let path = dir.path("breed.samenspel");
        samenspel::document::Document::create(&path, &super::noord_with_plan_on_the_agenda(), &[])
            .unwrap();
        let mut h = small_window(app(&dir, Some(&path), FakeDialogs::default()));
        nav(&mut h, "Werkplan");
        let focal = "Samen in de Huizen van de Wijk";
        for n in 1..=2 {
            let a = load(&path);
            let line = a.plan_of(1)[n - 1];
            // The longest name among those working on it.
            let party = line
                .working_parties()
                .into_iter()
                .map(|p| a.party_name(Some(p)).to_string())
                .max_by_key(|name| name.len())
                .unwrap();
            choose(
                &mut h,
                &format!("Mandaat van {focal}, regel {n}"),
                &format!("de eigen organisatie van {party}"),
            );
            let field = format!("Datum mandaat van {focal}, regel {n}");
            h.get_by_label(&field).scroll_to_me();
            h.run();
            let wide = super::past_the_edge(&h);
            assert!(wide.is_empty(), "line {n}: {wide:#?}");
        }
        nav(&mut h, "Overleggen");
        h.get_by_label("Voortgang van Elkaar erbij halen, regel 1")
            .scroll_to_me();
        h.run();
        let wide = super::past_the_edge(&h);
        assert!(wide.is_empty(), "progress: {wide:#?}");
        nav(&mut h, "Convenant");
        click(&mut h, "+  Nieuwe versie");
        h.get_by_label("Concept opslaan (PDF)…");
        let wide = super::past_the_edge(&h);
        assert!(wide.is_empty(), "covenant: {wide:#?}");
    }
}
