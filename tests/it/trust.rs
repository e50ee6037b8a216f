//! Trust: interviews, answers, comfort needs, and confidentiality by
//! construction.

use samenspel::audience;
use samenspel::document::Document;
use samenspel::domain::Confidential;
use samenspel::domain::{
    Alliance, Answer, ComfortFrom, ComfortNeed, ComfortStatus, EditError, Finding, Interview,
    Party, QuestionKind, Round, RoundStatus, Stance, Visibility, Vote,
};
use samenspel::example;

use crate::support::{Dir, example_file, load};

pub const MARK: &str = "GEHEIM-";

/// The example with a marker planted in every confidential field: the
/// facilitator's notes, who was spoken with, every confidential answer and
/// confidential comfort need.
pub fn planted() -> Alliance {
    plant(example::samen_noord())
}

/// `a` with a marker planted in every confidential field (see [`planted`]).
pub fn plant(mut a: Alliance) -> Alliance {
    for iv in &mut a.interviews {
        iv.notes = Confidential::from(format!("{MARK}notes-{}", iv.id));
        iv.spoken_with = Confidential::from(format!("{MARK}spoken-{}", iv.id));
    }
    for ans in &mut a.answers {
        if ans.visibility == Visibility::Confidential {
            ans.text = Confidential::from(format!("{MARK}answer-{}", ans.id));
        }
    }
    for c in &mut a.comfort_needs {
        if c.visibility == Visibility::Confidential {
            c.need = Confidential::from(format!("{MARK}need-{}", c.id));
        }
        c.honoured_by = format!("{MARK}honoured-{}", c.id);
    }
    // What is the facilitator's own: notes and contact details.
    a.info.commissioner.notes = format!("{MARK}commissioner-notes");
    a.info.commissioner.contact = format!("{MARK}commissioner-contact");
    for p in &mut a.parties {
        p.notes = Confidential::from(format!("{MARK}party-notes-{}", p.id));
        p.contact = format!("{MARK}party-contact-{}", p.id);
    }
    for p in &mut a.people {
        p.email = format!("{MARK}email-{}", p.id);
    }
    for r in &mut a.relations {
        r.note = Confidential::from(format!("{MARK}relation-{}", r.id));
    }
    // Comments for the facilitator alone, in a round still open and in
    // one whose processing was published.
    for (round, published) in [(1, None), (2, chrono::NaiveDate::from_ymd_opt(2017, 11, 1))] {
        a.comment_rounds.push(samenspel::domain::CommentRound {
            id: round,
            title: format!("Commentaarronde {round}"),
            published,
            ..Default::default()
        });
        a.comments.push(samenspel::domain::Comment {
            id: round,
            round,
            party: a.parties[0].id,
            text: Confidential::from(format!("{MARK}comment-{round}")),
            facilitator_only: true,
            response: samenspel::domain::Response::NotAdopted,
            ..Default::default()
        });
    }
    // A round whose stances are cast but not yet revealed.
    let round = a.rounds.iter().map(|r| r.id).max().unwrap_or(0) + 1;
    let voters: Vec<_> = a.parties.iter().map(|p| p.id).collect();
    a.rounds.push(Round {
        id: round,
        proposal: "Open voorstel: het programma van 2018".into(),
        voters: voters.clone(),
        revealed: false,
        status: RoundStatus::Open,
        ..Round::default()
    });
    let first_vote = a.votes.iter().map(|v| v.id).max().unwrap_or(0) + 1;
    for (i, party) in voters.iter().take(3).enumerate() {
        a.votes.push(Vote {
            id: first_vote + i as i64,
            round,
            party: *party,
            value: 8,
            reason: format!("{MARK}hidden-reason-{party}"),
            ..Vote::default()
        });
    }
    a
}

#[test]
fn no_confidential_marker_reaches_the_room() {
    let a = planted();
    // Counted in the JSON: `{:?}` prints a confidential text as
    // "Confidential(…)".
    let facilitator = serde_json::to_string(&a).unwrap();
    let planted = facilitator.matches(MARK).count();
    assert!(planted > 40, "markers were planted: {planted}");
    let room = audience::room(&a);
    let as_debug = format!("{room:?}");
    let as_json = serde_json::to_string(&room).unwrap();
    assert!(
        !as_debug.contains(MARK),
        "leak in the room view: {as_debug}"
    );
    assert!(!as_json.contains(MARK));
    // What was shared does reach it.
    assert!(!room.themes.is_empty());
    assert!(!room.named_answers.is_empty());
    assert!(room.comfort_needs.iter().any(|c| c.party.is_some()));
    assert!(room.comfort_needs.iter().any(|c| c.party.is_none()));
}

#[test]
fn anonymous_themes_never_carry_their_party() {
    let mut a = example::samen_noord();
    // A party whose answers are all anonymous themes.
    let party = a.next_id::<Party>();
    let edit = a.insert(Party {
        name: "Stichting Onzichtbaar".into(),
        ..Party::default()
    });
    a.apply(&edit).unwrap();
    let edit = a.insert(Interview {
        party,
        ..Interview::default()
    });
    let interview = a.next_id::<Interview>();
    a.apply(&edit).unwrap();
    for q in a
        .active_questions()
        .iter()
        .map(|q| q.id)
        .collect::<Vec<_>>()
    {
        let edit = a.put_answer(Answer {
            interview,
            question: q,
            text: format!("Thema {q} van een stille partij").into(),
            stance: Some(Stance::In),
            score: Some(9),
            visibility: Visibility::AnonymousTheme,
            ..Answer::default()
        });
        a.apply(&edit).unwrap();
    }
    let room = audience::room(&a);
    assert_eq!(
        room.themes
            .iter()
            .filter(|t| t.text.contains("stille partij"))
            .count(),
        6
    );
    let json = serde_json::to_value(&room).unwrap();
    for theme in json["themes"].as_array().unwrap() {
        let keys: Vec<_> = theme.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            ["question", "text"],
            "a theme has only its question and text"
        );
    }
    assert!(
        room.named_answers
            .iter()
            .all(|n| n.party != "Stichting Onzichtbaar")
    );
    let silent = room
        .parties
        .iter()
        .find(|p| p.name == "Stichting Onzichtbaar")
        .unwrap();
    assert_eq!(
        silent.stance, None,
        "an anonymous stance is not shown with the party"
    );
}

#[test]
fn the_facilitator_sees_everything_and_the_export_carries_it() {
    let dir = Dir::new();
    let path = dir.path("planted.samenspel");
    Document::create(&path, &planted(), &[]).unwrap();
    let loaded = load(&path);
    assert_eq!(loaded, planted(), "every confidential field round-trips");
    let json = samenspel::exchange::Exchange::from_store(
        &samenspel::store::Store::open_read_only(&path).unwrap(),
    )
    .unwrap()
    .to_json();
    assert_eq!(
        json.matches(MARK).count(),
        serde_json::to_string(&loaded)
            .unwrap()
            .matches(MARK)
            .count()
    );
}

#[test]
fn the_example_has_a_first_round_for_all_nine_and_a_comfort_register() {
    let a = example::samen_noord();
    for party in &a.parties {
        let trust = a.trust_of(party.id);
        assert!(!trust.is_empty(), "{} has no intake", party.name);
        assert_eq!(trust[0].round, 1);
        assert!(trust[0].stance.is_some() && trust[0].satisfaction.is_some());
    }
    assert!(
        a.parties.iter().any(|p| a.trust_of(p.id).len() > 1),
        "check-ins"
    );
    let confidential = a
        .answers
        .iter()
        .filter(|x| x.visibility == Visibility::Confidential)
        .count();
    assert!(
        confidential * 2 > a.answers.len(),
        "most answers are confidential"
    );
    assert!(a.answers.iter().any(|x| x.visibility == Visibility::Named));
    assert!(
        a.answers
            .iter()
            .any(|x| x.visibility == Visibility::AnonymousTheme)
    );
    assert!(a.comfort_needs.len() >= 8);
    assert!(
        a.comfort_needs
            .iter()
            .any(|c| c.from_whom == ComfortFrom::Commissioner)
    );
    assert!(
        a.comfort_needs
            .iter()
            .any(|c| matches!(c.from_whom, ComfortFrom::Party(_)))
    );
    assert!(
        a.comfort_needs
            .iter()
            .any(|c| c.status == ComfortStatus::Honoured)
    );
    assert!(a.check().is_empty(), "{:?}", a.check());
}

#[test]
fn the_trust_overview_follows_the_rounds_in_date_order() {
    let a = example::samen_noord();
    let prisma = 2;
    let trust = a.trust_of(prisma);
    assert_eq!(trust.len(), 2);
    assert_eq!(trust[0].stance, Some(Stance::NeedsSomethingFirst));
    assert_eq!(trust[0].satisfaction, Some(5));
    assert_eq!(trust[1].round, 2);
    assert_eq!(trust[1].satisfaction, Some(4));
    assert!(trust[0].date < trust[1].date);
    assert_eq!(
        a.first_question_of_kind(QuestionKind::Score).map(|q| q.id),
        Some(1)
    );
}

#[test]
fn bad_trust_input_is_refused_and_changes_nothing() {
    let mut a = example::samen_noord();
    let before = a.clone();
    // A comfort need without an existing party.
    let edit = a.insert(ComfortNeed {
        party: 99,
        need: "iets".into(),
        ..ComfortNeed::default()
    });
    assert!(matches!(
        a.apply(&edit),
        Err(EditError::Missing { kind: "party", .. })
    ));
    // Comfort from itself.
    let edit = a.insert(ComfortNeed {
        party: 1,
        from_whom: ComfortFrom::Party(1),
        need: "iets".into(),
        ..ComfortNeed::default()
    });
    assert_eq!(a.apply(&edit), Err(EditError::ComfortFromItself));
    // A score out of range.
    let edit = a.put_answer(Answer {
        interview: 1,
        question: 1,
        score: Some(11),
        ..Answer::default()
    });
    assert_eq!(a.apply(&edit), Err(EditError::ScoreOutOfRange));
    // An interview with a party that does not exist.
    let edit = a.insert(Interview {
        party: 42,
        ..Interview::default()
    });
    assert!(a.apply(&edit).is_err());
    assert_eq!(a, before);
}

#[test]
fn an_empty_interview_is_reported_and_can_be_removed() {
    let mut a = example::samen_noord();
    let edit = a.insert(Interview {
        party: 1,
        ..Interview::default()
    });
    let id = a.next_id::<Interview>();
    a.apply(&edit).unwrap();
    assert!(a.check().contains(&Finding::EmptyInterview(id)));
    a.apply(&a.remove::<Interview>(id).unwrap()).unwrap();
    assert!(a.check().is_empty());
}

#[test]
fn deleting_a_party_with_interviews_takes_them_along_and_undo_restores_all() {
    let dir = Dir::new();
    let path = example_file(&dir, "trust.samenspel");
    let original = load(&path);
    let prisma = 2;
    let mut doc = Document::open(&path).unwrap();
    let edit = doc.alliance().remove::<Party>(prisma).unwrap();
    doc.perform(edit).unwrap();
    let a = doc.alliance();
    assert!(a.interviews.iter().all(|i| i.party != prisma));
    assert!(a.comfort_needs.iter().all(|c| c.party != prisma));
    assert!(a.answers.iter().all(|x| a.interview(x.interview).is_some()));
    doc.undo().unwrap();
    drop(doc);
    assert_eq!(load(&path), original);
}

#[test]
fn a_question_with_answers_is_retired_not_deleted() {
    let mut a = example::samen_noord();
    let edit = a.remove_question(2).unwrap();
    a.apply(&edit).unwrap();
    assert!(a.question(2).unwrap().retired);
    assert!(a.active_questions().iter().all(|q| q.id != 2));
    assert!(
        a.questions_of(1).iter().any(|q| q.id == 2),
        "old interviews keep it"
    );
    let mut fresh = Alliance::named("Nieuw");
    let edit = fresh.remove_question(2).unwrap();
    fresh.apply(&edit).unwrap();
    assert!(fresh.question(2).is_none(), "an unanswered question goes");
}

#[test]
fn an_existing_register_file_gets_the_default_guide_on_migration() {
    let dir = Dir::new();
    let path = dir.path("v2.samenspel");
    samenspel::store::Store::create_at_version(&path, 2).unwrap();
    let doc = Document::open(&path).unwrap();
    let guide: Vec<_> = doc
        .alliance()
        .questions
        .iter()
        .map(|q| q.text.clone())
        .collect();
    let expected: Vec<_> = samenspel::domain::intake::default_guide(false)
        .into_iter()
        .map(|q| q.text)
        .collect();
    assert_eq!(guide, expected);
    assert_eq!(
        doc.alliance().questions,
        samenspel::domain::intake::default_guide(false)
    );
}
