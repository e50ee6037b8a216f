//! The covenant: versions frozen by a consensus round, with a fingerprint
//! of their canonical text; clauses; signatures per party.

use samenspel::domain::covenant::{canonical_text, draft_clauses, fingerprint, short_fingerprint};
use samenspel::domain::{
    Clause, CovenantVersion, EditError, Party, Round, RoundStatus, Scale, Signature, Subject, Vote,
};
use samenspel::example;

#[test]
fn the_example_covenant_is_frozen_signed_by_nine_and_matches_its_fingerprint() {
    let a = example::samen_noord();
    let v = &a.covenant_versions[0];
    assert!(v.is_frozen());
    assert_eq!(v.fingerprint, fingerprint(&a, v.id));
    assert_eq!(v.fingerprint.len(), 64);
    let signed = a
        .signatures
        .iter()
        .filter(|s| s.version == v.id && s.signed)
        .count();
    assert_eq!(signed, 9);
    let round = a.round(v.round.unwrap()).unwrap();
    assert_eq!(round.status, RoundStatus::Adopted);
    assert_eq!(round.subject, Subject::Covenant(v.id));
    let text = canonical_text(&a, v.id);
    assert!(text.contains("Elke partij heeft een gelijke stem"));
    assert!(text.contains("Stichting Wijsneus"));
    assert_eq!(
        short_fingerprint("0123456789abcdef0123"),
        "0123 4567 89ab cdef"
    );
}

#[test]
fn a_frozen_version_cannot_change_but_its_signatures_can_be_completed() {
    let mut a = example::samen_noord();
    let clause = a.clauses[0].clone();
    let edit = a.update(Clause {
        text: "Anders".into(),
        ..clause
    });
    assert_eq!(a.apply(&edit), Err(EditError::Frozen));
    let v = a.covenant_versions[0].clone();
    let edit = a.update(CovenantVersion {
        title: "Anders".into(),
        ..v
    });
    assert_eq!(a.apply(&edit), Err(EditError::Frozen));
    // A signature set is on the record: it changes only by withdrawal.
    let sig = a.signatures[0].clone();
    let edit = a.update(Signature {
        place: "Amsterdam-Noord".into(),
        ..sig
    });
    assert_eq!(a.apply(&edit), Err(EditError::SignatureSet));
    // The decided party list is part of the frozen version: a party that
    // is renamed or removed later does not change the fingerprint.
    let print = a.covenant_versions[0].fingerprint.clone();
    let party = a.parties[0].clone();
    let edit = a.update(samenspel::domain::Party {
        name: "Nieuwe naam".into(),
        ..party
    });
    a.apply(&edit).unwrap();
    let edit = a.remove::<Party>(2).unwrap();
    a.apply(&edit).unwrap();
    assert_eq!(fingerprint(&a, 1), print);
}

#[test]
fn adopting_a_round_on_a_draft_version_freezes_it_with_its_fingerprint() {
    let mut a = example::samen_noord();
    let e = a.insert(CovenantVersion {
        number: 2,
        title: "Convenant Samen Noord, tweede termijn".into(),
        ..Default::default()
    });
    let version = a.next_id::<CovenantVersion>();
    a.apply(&e).unwrap();
    let first = a.next_id::<Clause>();
    for c in draft_clauses(&a, version, first, false) {
        let e = a.insert(c);
        a.apply(&e).unwrap();
    }
    let today = chrono::NaiveDate::from_ymd_opt(2020, 6, 1).unwrap();
    let e = a.open_round(
        "Tweede termijn".into(),
        Subject::Covenant(version),
        Scale::Consent,
        today,
        None,
    );
    let round = a.next_id::<Round>();
    a.apply(&e).unwrap();
    for p in 1..=9 {
        let e = a.put_vote(Vote {
            round,
            party: p,
            value: 1,
            ..Vote::default()
        });
        a.apply(&e).unwrap();
    }
    let e = a
        .conclude_round(round, RoundStatus::Adopted, today, String::new())
        .unwrap();
    a.apply(&e).unwrap();
    let v = a
        .covenant_versions
        .iter()
        .find(|v| v.id == version)
        .unwrap();
    assert_eq!(v.frozen_on, Some(today));
    // Taken over the frozen version itself, which keeps the commissioner
    // and the term it prints.
    assert!(v.commissioner.is_some() && v.term.is_some());
    assert_eq!(v.fingerprint, fingerprint(&a, version));
    // The freeze is on the record: it is not taken back.
    let mut b = a.clone();
    assert!(b.apply(&e.inverse()).is_err());
    assert!(
        b.covenant_versions
            .iter()
            .find(|v| v.id == version)
            .unwrap()
            .is_frozen()
    );
}

#[test]
fn the_fingerprint_follows_the_words_not_the_layout() {
    let a = example::samen_noord();
    let mut b = a.clone();
    b.clauses[1].text = b.clauses[1].text.replace(' ', "  \n ");
    assert_eq!(fingerprint(&a, 1), fingerprint(&b, 1));
    b.clauses[1].text.push_str(" En meer.");
    assert_ne!(fingerprint(&a, 1), fingerprint(&b, 1));
}

#[test]
fn draft_clauses_cover_what_the_issue_lists() {
    let a = example::samen_noord();
    let clauses = draft_clauses(&a, 1, 1, true);
    let headings: Vec<&str> = clauses.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Parties",
            "Purpose and shared ambition",
            "Term",
            "Governance",
            "Decision-making",
            "Ground rules",
            "Focus areas",
            "Finances",
            "Disputes, withdrawal and new parties"
        ]
    );
    assert!(clauses[2].text.contains("36 months"));
    assert!(clauses.iter().any(|c| !c.honours_needs.is_empty()));
    assert!(clauses.iter().any(|c| !c.honours_decisions.is_empty()));
}

/// The covenant says when it was adopted and frozen, not the window's
/// sentence about what that means on screen.
#[test]
fn the_covenant_prints_no_window_sentence() {
    let a = samenspel::example::samen_noord();
    let frozen = a
        .covenant_versions
        .iter()
        .find(|v| v.frozen_on.is_some())
        .expect("the example has a frozen version");
    let view = samenspel::audience::covenant(&a, frozen.id).unwrap();
    for (lang, said, window) in [
        (
            samenspel::i18n::Lang::Nl,
            "Aangenomen en vastgelegd op",
            "verandert niet meer",
        ),
        (
            samenspel::i18n::Lang::En,
            "Adopted and frozen on",
            "no longer changes",
        ),
    ] {
        let text = crate::pdf::text_of(&samenspel::report::covenant::render(&view, lang))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(said), "{text}");
        assert!(!text.contains(window), "{text}");
    }
}

/// A new alliance's first covenant draft has no clause that says there is
/// nothing yet ("No bodies yet.", "No adopted ground rules yet."): a
/// register section with nothing in it is left out, and comes in once it
/// has something.
#[test]
fn an_empty_register_section_is_no_clause() {
    let mut a = samenspel::domain::Alliance::named("Nieuw");
    for name in ["Riverside Housing", "Northgate Trust"] {
        let e = a.insert(samenspel::domain::Party {
            name: name.into(),
            ..Default::default()
        });
        a.apply(&e).unwrap();
    }
    for lang_en in [false, true] {
        let clauses = draft_clauses(&a, 1, 1, lang_en);
        let all: String = clauses
            .iter()
            .map(|c| format!("{} {}", c.heading, c.text))
            .collect();
        for placeholder in [
            "Nog geen",
            "No bodies yet",
            "No adopted ground rules",
            "No focal points",
        ] {
            assert!(!all.contains(placeholder), "{placeholder}: {all}");
        }
        assert!(clauses.iter().all(|c| !matches!(
            c.kind,
            samenspel::domain::ClauseKind::Governance
                | samenspel::domain::ClauseKind::GroundRules
                | samenspel::domain::ClauseKind::FocalPoints
        )));
        // Numbered from 1 without gaps.
        let positions: Vec<i64> = clauses.iter().map(|c| c.position).collect();
        assert_eq!(positions, (1..=clauses.len() as i64).collect::<Vec<_>>());
    }
}

/// The signatures never stand on a page of their own: the last clause is
/// kept with the first signature blocks.
#[test]
fn the_signatures_follow_the_last_clause_on_its_page() {
    let a = samenspel::example::samen_noord();
    for v in &a.covenant_versions {
        let view = samenspel::audience::covenant(&a, v.id).unwrap();
        let last = view.clauses.len();
        for lang in [samenspel::i18n::Lang::Nl, samenspel::i18n::Lang::En] {
            let pages = crate::pdf::read_pages(&samenspel::report::covenant::render(&view, lang));
            let word = match lang {
                samenspel::i18n::Lang::Nl => "Ondertekening",
                _ => "Signatures",
            };
            let at = pages
                .iter()
                .position(|p| p.contains(word))
                .expect("a page of signatures");
            assert!(
                pages[at].contains(&format!("{last}. ")),
                "clause {last} and the signatures share a page: {}",
                pages[at]
            );
        }
    }
}
