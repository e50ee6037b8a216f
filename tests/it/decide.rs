//! Deciding together: the agenda funnel, ground rules, consensus rounds.

use samenspel::document::Document;
use samenspel::domain::agenda::{self, MarkProblem, PriorityResult};
use samenspel::domain::consensus::{self, Outcome};
use samenspel::domain::{
    Alliance, EditError, Party, PriorityMark, PriorityMethod, PriorityRound, Round, RoundStatus,
    RuleStatus, Scale, Subject, Via, Vote, rules,
};
use samenspel::example;

use crate::support::{Dir, example_file, load};

fn round(scale: Scale, voters: &[i64]) -> Round {
    Round {
        id: 1,
        proposal: "Voorstel".into(),
        scale,
        voters: voters.to_vec(),
        ..Round::default()
    }
}

fn vote(party: i64, value: u8) -> Vote {
    Vote {
        id: party,
        round: 1,
        party,
        value,
        reason: if value == 8 || value == 0 {
            "reden".into()
        } else {
            String::new()
        },
        ..Vote::default()
    }
}

#[test]
fn a_round_waits_until_every_party_has_cast_a_stance() {
    let r = round(Scale::Gradients, &[1, 2, 3]);
    let votes = [vote(1, 1), vote(2, 2)];
    assert_eq!(
        consensus::outcome(&r, &votes, &[1, 2, 3]),
        Outcome::Waiting { missing: vec![3] }
    );
    assert_eq!(
        consensus::outcome(&r, &[], &[1, 2, 3]),
        Outcome::Waiting {
            missing: vec![1, 2, 3]
        }
    );
}

#[test]
fn one_veto_blocks_whatever_the_others_say() {
    let r = round(Scale::Gradients, &[1, 2, 3]);
    let votes = [vote(1, 1), vote(2, 8), vote(3, 1)];
    assert_eq!(
        consensus::outcome(&r, &votes, &[1, 2, 3]),
        Outcome::Blocked { by: vec![2] }
    );
    // Even before everyone has voted: a veto holds at any moment.
    assert_eq!(
        consensus::outcome(&r, &votes[1..2], &[1, 2, 3]),
        Outcome::Blocked { by: vec![2] }
    );
    let consent = round(Scale::Consent, &[1, 2]);
    assert_eq!(
        consensus::outcome(&consent, &[vote(1, 1), vote(2, 0)], &[1, 2]),
        Outcome::Blocked { by: vec![2] }
    );
    let fist = round(Scale::FistToFive, &[1, 2]);
    assert_eq!(
        consensus::outcome(&fist, &[vote(1, 5), vote(2, 0)], &[1, 2]),
        Outcome::Blocked { by: vec![2] }
    );
}

#[test]
fn all_reservations_still_adopt_and_are_listed() {
    let r = round(Scale::Gradients, &[1, 2, 3]);
    let votes = [vote(1, 3), vote(2, 6), vote(3, 7)];
    assert_eq!(
        consensus::outcome(&r, &votes, &[1, 2, 3]),
        Outcome::Adoptable {
            reservations: vec![1, 2, 3]
        }
    );
    let fist = round(Scale::FistToFive, &[1, 2]);
    assert_eq!(
        consensus::outcome(&fist, &[vote(1, 5), vote(2, 1)], &[1, 2]),
        Outcome::Adoptable {
            reservations: vec![2]
        }
    );
}

#[test]
fn a_party_added_after_the_round_opened_does_not_hold_it_up() {
    let r = round(Scale::Consent, &[1, 2]);
    let votes = [vote(1, 1), vote(2, 1)];
    assert_eq!(
        consensus::outcome(&r, &votes, &[1, 2, 3]),
        Outcome::Adoptable {
            reservations: vec![]
        }
    );
    // A party removed since no longer counts.
    assert_eq!(
        consensus::outcome(&round(Scale::Consent, &[1, 2, 3]), &votes, &[1, 2]),
        Outcome::Adoptable {
            reservations: vec![]
        }
    );
}

#[test]
fn a_round_without_voters_is_never_adopted() {
    assert_eq!(
        consensus::outcome(&round(Scale::Consent, &[]), &[], &[]),
        Outcome::Waiting { missing: vec![] }
    );
}

#[test]
fn votes_are_checked_against_the_round() {
    let mut a = example::samen_noord();
    let today = chrono::NaiveDate::from_ymd_opt(2018, 1, 8).unwrap();
    let edit = a.open_round(
        "Nieuw voorstel".into(),
        Subject::Free,
        Scale::Gradients,
        today,
        None,
    );
    let id = a.next_id::<Round>();
    a.apply(&edit).unwrap();
    let v = |party, value, reason: &str| Vote {
        round: id,
        party,
        value,
        reason: reason.into(),
        via: Via::Phone,
        entered_by: "Facilitator".into(),
        ..Vote::default()
    };
    assert_eq!(
        a.apply(&a.put_vote(v(1, 8, ""))),
        Err(EditError::ReasonRequired)
    );
    assert_eq!(
        a.apply(&a.put_vote(v(1, 9, ""))),
        Err(EditError::OffTheScale)
    );
    a.apply(&a.put_vote(v(1, 8, "Te snel"))).unwrap();
    // Changing a stance while the round is open replaces it.
    a.apply(&a.put_vote(v(1, 2, ""))).unwrap();
    assert_eq!(a.votes.iter().filter(|x| x.round == id).count(), 1);
    // A party added after the round opened is no voter in it.
    let edit = a.insert(samenspel::domain::Party {
        name: "Later".into(),
        ..Default::default()
    });
    let later = a.next_id::<samenspel::domain::Party>();
    a.apply(&edit).unwrap();
    assert_eq!(
        a.apply(&a.put_vote(v(later, 1, ""))),
        Err(EditError::NotAVoter)
    );
    // Not everyone voted: it cannot be adopted yet.
    assert!(
        a.conclude_round(id, RoundStatus::Adopted, today, String::new())
            .is_none()
    );
    for p in 2..=9 {
        a.apply(&a.put_vote(v(p, 1, ""))).unwrap();
    }
    let edit = a
        .conclude_round(id, RoundStatus::Adopted, today, String::new())
        .unwrap();
    a.apply(&edit).unwrap();
    assert_eq!(a.round(id).unwrap().status, RoundStatus::Adopted);
    // A closed round's votes stay as they were.
    assert_eq!(
        a.apply(&a.put_vote(v(3, 2, ""))),
        Err(EditError::RoundClosed)
    );
}

#[test]
fn a_blocked_round_is_amended_into_a_linked_new_round_that_is_adopted() {
    let mut a = Alliance::named("Test");
    for name in ["A", "B", "C"] {
        let e = a.insert(samenspel::domain::Party {
            name: name.into(),
            ..Default::default()
        });
        a.apply(&e).unwrap();
    }
    let today = chrono::NaiveDate::from_ymd_opt(2018, 2, 1).unwrap();
    let e = a.open_round(
        "Versie 1".into(),
        Subject::GroundRule(2),
        Scale::Gradients,
        today,
        None,
    );
    a.apply(&e).unwrap();
    assert_eq!(a.ground_rule(2).unwrap().status, RuleStatus::Proposed);
    for (p, value) in [(1, 1), (2, 8), (3, 2)] {
        let e = a.put_vote(Vote {
            round: 1,
            party: p,
            value,
            reason: "Nog niet".into(),
            ..Vote::default()
        });
        a.apply(&e).unwrap();
    }
    assert!(matches!(
        a.outcome(a.round(1).unwrap()),
        Outcome::Blocked { .. }
    ));
    assert!(
        a.conclude_round(1, RoundStatus::Adopted, today, String::new())
            .is_none()
    );
    let e = a.amend_round(1, "Versie 2".into(), today).unwrap();
    a.apply(&e).unwrap();
    assert_eq!(a.round(1).unwrap().status, RoundStatus::Amended);
    let second = a.round(2).unwrap();
    assert_eq!(second.previous, Some(1));
    assert_eq!(second.status, RoundStatus::Open);
    for p in 1..=3 {
        let e = a.put_vote(Vote {
            round: 2,
            party: p,
            value: 2,
            ..Vote::default()
        });
        a.apply(&e).unwrap();
    }
    let e = a
        .conclude_round(2, RoundStatus::Adopted, today, String::new())
        .unwrap();
    a.apply(&e).unwrap();
    assert_eq!(a.ground_rule(2).unwrap().status, RuleStatus::Adopted);
    assert_eq!(consensus::history(&a.rounds, 2), vec![1, 2]);
    assert_eq!(
        consensus::decision_log(&a.rounds)
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>(),
        vec![2]
    );
}

#[test]
fn dots_are_hidden_until_revealed_and_capped_per_party() {
    let mut a = example::samen_noord();
    let e = a.insert(PriorityRound {
        title: "Nieuwe ronde".into(),
        method: PriorityMethod::Dots,
        dots_per_party: 3,
        ..PriorityRound::default()
    });
    let r = a.next_id::<PriorityRound>();
    a.apply(&e).unwrap();
    let mark = |party, focal_point, value| PriorityMark {
        round: r,
        party,
        focal_point,
        value,
        ..PriorityMark::default()
    };
    a.apply(&a.insert(mark(1, 1, 2))).unwrap();
    assert_eq!(
        a.apply(&a.insert(mark(1, 2, 2))),
        Err(EditError::TooManyDots { allowed: 3 })
    );
    a.apply(&a.insert(mark(1, 2, 1))).unwrap();
    a.apply(&a.insert(mark(2, 3, 3))).unwrap();
    let round = a.priority_round(r).unwrap().clone();
    assert!(
        agenda::tally(&round, &a.focal_points, &a.priority_marks).is_none(),
        "hidden"
    );
    let revealed = PriorityRound {
        revealed: true,
        ..round
    };
    let results = agenda::tally(&revealed, &a.focal_points, &a.priority_marks).unwrap();
    assert_eq!(
        results[0],
        PriorityResult {
            focal_point: 3,
            total: 3.0,
            parties: 1
        }
    );
    assert_eq!(agenda::dots_used(&a.priority_marks, r, 1), 3);
    assert!(agenda::check_marks(&revealed, &a.priority_marks).is_empty());
}

#[test]
fn score_rounds_average_and_refuse_scores_off_the_scale() {
    let round = PriorityRound {
        id: 1,
        method: PriorityMethod::Score,
        revealed: true,
        ..Default::default()
    };
    let focal = example::samen_noord().focal_points;
    let marks = [
        PriorityMark {
            id: 1,
            round: 1,
            party: 1,
            focal_point: 1,
            value: 5,
        },
        PriorityMark {
            id: 2,
            round: 1,
            party: 2,
            focal_point: 1,
            value: 2,
        },
        PriorityMark {
            id: 3,
            round: 1,
            party: 2,
            focal_point: 2,
            value: 9,
        },
    ];
    let results = agenda::tally(&round, &focal, &marks).unwrap();
    let first = results.iter().find(|r| r.focal_point == 1).unwrap();
    assert_eq!(first.total, 3.5);
    assert_eq!(
        agenda::check_marks(&round, &marks),
        vec![MarkProblem::ScoreOutOfRange {
            party: 2,
            focal_point: 2,
            score: 9
        }]
    );
}

#[test]
fn focal_points_show_whose_interests_they_serve_and_on_whom_they_depend() {
    let a = example::samen_noord();
    let (serves, depends) = agenda::serves_and_depends(&a.agenda_items, 1);
    assert_eq!(serves, vec![3, 6, 8, 9]);
    assert!(depends.contains(&3), "the Huizen depend on Dock");
    // Every item stays traceable to the party that raised it.
    assert!(a.agenda_items.iter().all(|i| a.party(i.party).is_some()));
}

#[test]
fn the_example_has_its_funnel_rules_and_rounds() {
    let a = example::samen_noord();
    assert!(a.agenda_items.len() >= 10);
    assert_eq!(a.focal_points.len(), 3);
    assert!(
        a.agenda_items
            .iter()
            .filter(|i| i.focal_point.is_some())
            .count()
            >= 10
    );
    let adopted_rules = a
        .ground_rules
        .iter()
        .filter(|r| r.status == RuleStatus::Adopted)
        .count();
    assert!(adopted_rules >= 2);
    // Rules adopted through rounds of all nine parties.
    for r in a
        .rounds
        .iter()
        .filter(|r| matches!(r.subject, Subject::GroundRule(_)))
    {
        assert_eq!(r.voters.len(), 9);
        assert!(matches!(a.outcome(r), Outcome::Adoptable { .. }));
    }
    // One round with an objection, amended, then adopted.
    let amended = a
        .rounds
        .iter()
        .find(|r| r.status == RoundStatus::Amended)
        .unwrap();
    assert!(matches!(a.outcome(amended), Outcome::Blocked { .. }));
    let next = a
        .rounds
        .iter()
        .find(|r| r.previous == Some(amended.id))
        .unwrap();
    assert_eq!(next.status, RoundStatus::Adopted);
    assert!(matches!(a.outcome(next), Outcome::Adoptable { .. }));
    // Two check-ins entered per party, and one from the phones before
    // them, where each party counts once (the mean of its delegates').
    let trend = rules::trend(&a, 1);
    assert_eq!(trend.len(), 3);
    let (day, mean, parties) = trend[0];
    assert_eq!(day, chrono::NaiveDate::from_ymd_opt(2017, 11, 6));
    assert_eq!(parties, 5);
    assert!(
        (mean - (4.5 + 11.0 / 3.0 + 4.5 + 3.5 + 3.0) / 5.0).abs() < 1e-4,
        "{mean}"
    );
    assert!(a.check().is_empty(), "{:?}", a.check());
}

#[test]
fn the_decision_log_survives_reopening_and_removing_a_party_keeps_it_whole_on_undo() {
    let dir = Dir::new();
    let path = example_file(&dir, "decide.samenspel");
    let original = load(&path);
    assert_eq!(consensus::decision_log(&original.rounds).len(), 3);
    let mut doc = Document::open(&path).unwrap();
    let edit = doc.alliance().remove::<Party>(1).unwrap();
    doc.perform(edit).unwrap();
    assert!(doc.alliance().votes.iter().all(|v| v.party != 1));
    assert!(
        doc.alliance().check().is_empty(),
        "{:?}",
        doc.alliance().check()
    );
    doc.undo().unwrap();
    drop(doc);
    assert_eq!(load(&path), original);
}

#[test]
fn a_party_that_left_stays_in_the_register_but_no_longer_votes_or_signs() {
    let mut a = samenspel::example::samen_noord();
    let today = chrono::NaiveDate::from_ymd_opt(2019, 9, 1).unwrap();
    let gone = a.parties[8].id;
    let name = a.parties[8].name.clone();
    a.parties[8].left = chrono::NaiveDate::from_ymd_opt(2019, 6, 30);
    assert!(!a.parties[8].is_active_on(today));
    assert!(a.parties[8].is_active_on(chrono::NaiveDate::from_ymd_opt(2019, 6, 29).unwrap()));
    // A new round: eight voters, not nine.
    let edit = a.open_round(
        "Het jaarplan 2020".into(),
        samenspel::domain::Subject::Free,
        samenspel::domain::Scale::Gradients,
        today,
        None,
    );
    a.apply(&edit).unwrap();
    let round = a.rounds.iter().max_by_key(|r| r.id).unwrap();
    assert_eq!(round.voters.len(), 8);
    assert!(!round.voters.contains(&gone));
    // Earlier rounds keep its vote.
    assert!(a.votes.iter().any(|v| v.party == gone));
    // A new covenant draft names the eight.
    let clauses = samenspel::domain::covenant::draft_clauses(&a, 99, 1000, false);
    let parties = &clauses[0].text;
    assert!(!parties.contains(&name), "{parties}");
    assert!(parties.contains(&a.parties[0].name));
    // The room still knows it, with the date it left.
    let room = samenspel::audience::room(&a);
    assert!(
        room.parties
            .iter()
            .any(|p| p.name == name && p.left.is_some())
    );
    // Decisions taken before it left stand as they were.
    for r in a
        .rounds
        .iter()
        .filter(|r| r.status == samenspel::domain::RoundStatus::Adopted)
    {
        assert!(
            matches!(a.outcome(r), samenspel::domain::Outcome::Adoptable { .. }),
            "round {} still adopted",
            r.id
        );
    }
}

#[test]
fn a_party_that_leaves_during_a_round_no_longer_holds_it_up() {
    let mut a = samenspel::example::samen_noord();
    let opened = chrono::NaiveDate::from_ymd_opt(2019, 9, 1).unwrap();
    let edit = a.open_round(
        "Het jaarplan 2020".into(),
        samenspel::domain::Subject::Free,
        samenspel::domain::Scale::Gradients,
        opened,
        None,
    );
    a.apply(&edit).unwrap();
    let round = a.rounds.iter().max_by_key(|r| r.id).unwrap().clone();
    let leaving = round.voters[8];
    let first = a.votes.iter().map(|v| v.id).max().unwrap() + 1;
    for (id, p) in (first..).zip(&round.voters[..8]) {
        a.votes.push(samenspel::domain::Vote {
            id,
            round: round.id,
            party: *p,
            value: 1,
            ..Default::default()
        });
    }
    assert!(matches!(
        a.outcome(&round),
        samenspel::domain::Outcome::Waiting { .. }
    ));
    let party = a.parties.iter_mut().find(|p| p.id == leaving).unwrap();
    party.left = chrono::NaiveDate::from_ymd_opt(2019, 9, 15);
    assert!(
        matches!(
            a.outcome(&round),
            samenspel::domain::Outcome::Adoptable { .. }
        ),
        "the eight decide"
    );
    let room = samenspel::audience::room(&a);
    let shown = room.rounds.iter().find(|r| r.id == round.id).unwrap();
    assert_eq!(shown.voters.len(), 8);
}
