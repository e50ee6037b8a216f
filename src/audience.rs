//! Audiences, and what each may see of an alliance.
//!
//! Confidentiality is a type, not a check: whatever goes to the beamer or
//! into a shared document is built from a [`RoomView`], made here field by
//! field from the alliance. It holds only what was marked shareable: named
//! answers with their party, anonymous themes without it, and never the
//! facilitator's notes or a confidential answer. Code that shows the room
//! takes a `&RoomView`, never an `&Alliance`, so a leak needs a change to a
//! signature that a review sees.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{
    Alliance, BodyKind, ComfortFrom, ComfortStatus, Phase, QuestionKind, Stance, Visibility,
};

/// Who is looking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The facilitator on their own screen: everything.
    Facilitator,
    /// The group, on the beamer.
    Room,
    /// Documents sent to the parties.
    Print,
}

/// A party as the room sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomParty {
    pub name: String,
    pub kind: crate::domain::PartyKind,
    pub service_area: String,
    pub services: Vec<String>,
    /// The party's latest stance, only when it shared it with its name.
    pub stance: Option<Stance>,
}

/// A body and who sits in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomBody {
    pub name: String,
    pub kind: BodyKind,
    pub mandate: String,
    /// "Name (Party)" of each active member.
    pub members: Vec<String>,
}

/// An answer shared with the party's name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomNamedAnswer {
    pub party: String,
    pub question: String,
    pub text: String,
    pub score: Option<u8>,
    pub stance: Option<Stance>,
}

/// An answer shared as an anonymous theme. By construction it has no
/// party, no date and no interview: nothing that points to its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomTheme {
    pub question: String,
    pub text: String,
}

/// A comfort need as the room sees it: with the party when it was shared
/// with its name, without it when shared anonymously.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomComfort {
    pub party: Option<String>,
    pub from_whom: RoomComfortFrom,
    pub need: String,
    pub status: ComfortStatus,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RoomComfortFrom {
    Party(String),
    AllParties,
    Commissioner,
}

/// What the room, and shared documents, may see of an alliance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomView {
    pub name: String,
    pub commissioner: String,
    pub ambition: String,
    pub phase: Phase,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    pub parties: Vec<RoomParty>,
    pub bodies: Vec<RoomBody>,
    pub named_answers: Vec<RoomNamedAnswer>,
    /// Sorted by question and text, so their order says nothing of who
    /// gave them.
    pub themes: Vec<RoomTheme>,
    pub comfort_needs: Vec<RoomComfort>,
}

/// The projection for the room (the beamer).
pub fn room(a: &Alliance) -> RoomView {
    let today = chrono::Local::now().date_naive();
    let party_name = |id| a.party_name(Some(id)).to_string();
    let question_text = |id| a.question(id).map(|q| q.text.clone()).unwrap_or_default();
    let stance_q = a.first_question_of_kind(QuestionKind::Stance).map(|q| q.id);
    let parties = a
        .parties
        .iter()
        .map(|p| {
            let latest = a.interviews_of(p.id).last().map(|iv| iv.id);
            let stance = latest
                .zip(stance_q)
                .and_then(|(iv, q)| a.answer(iv, q))
                .filter(|ans| ans.visibility == Visibility::Named)
                .and_then(|ans| ans.stance);
            RoomParty {
                name: p.name.clone(),
                kind: p.kind,
                service_area: p.service_area.clone(),
                services: p.services.clone(),
                stance,
            }
        })
        .collect();
    let bodies = a
        .bodies
        .iter()
        .map(|b| RoomBody {
            name: b.name.clone(),
            kind: b.kind,
            mandate: b.mandate.clone(),
            members: a
                .members_of(b.id)
                .filter_map(|m| a.person(m.person))
                .filter(|p| p.is_active_on(today))
                .map(|p| match p.party {
                    Some(party) => format!("{} ({})", p.name, party_name(party)),
                    None => p.name.clone(),
                })
                .collect(),
        })
        .collect();
    let mut named_answers = Vec::new();
    let mut themes = Vec::new();
    for answer in &a.answers {
        if answer.is_empty() {
            continue;
        }
        let Some(interview) = a.interview(answer.interview) else {
            continue;
        };
        match answer.visibility {
            Visibility::Confidential => {}
            Visibility::AnonymousTheme => {
                if !answer.text.trim().is_empty() {
                    themes.push(RoomTheme {
                        question: question_text(answer.question),
                        text: answer.text.clone(),
                    });
                }
            }
            Visibility::Named => named_answers.push(RoomNamedAnswer {
                party: party_name(interview.party),
                question: question_text(answer.question),
                text: answer.text.clone(),
                score: answer.score,
                stance: answer.stance,
            }),
        }
    }
    themes.sort_by(|x, y| (&x.question, &x.text).cmp(&(&y.question, &y.text)));
    let comfort_needs = a
        .comfort_needs
        .iter()
        .filter(|c| c.visibility != Visibility::Confidential)
        .map(|c| RoomComfort {
            party: (c.visibility == Visibility::Named).then(|| party_name(c.party)),
            from_whom: match c.from_whom {
                ComfortFrom::Party(id) => RoomComfortFrom::Party(party_name(id)),
                ComfortFrom::AllParties => RoomComfortFrom::AllParties,
                ComfortFrom::Commissioner => RoomComfortFrom::Commissioner,
            },
            need: c.need.clone(),
            status: c.status,
        })
        .collect();
    RoomView {
        name: a.info.name.clone(),
        commissioner: a.info.commissioner.name.clone(),
        ambition: a.info.ambition.clone(),
        phase: a.info.phase,
        term_start: a.info.term_start,
        term_end: a.info.term_end,
        parties,
        bodies,
        named_answers,
        themes,
        comfort_needs,
    }
}

/// A covenant version as a shared document may print it: its words, its
/// state and fingerprint, and the signature blocks. Nothing confidential.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CovenantView {
    pub alliance: String,
    pub title: String,
    pub number: u32,
    pub frozen_on: Option<NaiveDate>,
    pub fingerprint: String,
    pub clauses: Vec<(String, String)>,
    pub signatures: Vec<SignatureView>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SignatureView {
    pub party: String,
    pub signatory: String,
    pub function: String,
    pub place: String,
    pub date: Option<NaiveDate>,
    pub signed: bool,
}

/// The projection of a covenant version for print.
pub fn covenant(a: &Alliance, version: crate::domain::Id) -> Option<CovenantView> {
    let v = a.covenant_versions.iter().find(|v| v.id == version)?;
    let mut clauses: Vec<&crate::domain::Clause> =
        a.clauses.iter().filter(|c| c.version == version).collect();
    clauses.sort_by_key(|c| (c.position, c.id));
    Some(CovenantView {
        alliance: a.info.name.clone(),
        title: v.title.clone(),
        number: v.number,
        frozen_on: v.frozen_on,
        fingerprint: v.fingerprint.clone(),
        clauses: clauses
            .iter()
            .map(|c| (c.heading.clone(), c.text.clone()))
            .collect(),
        signatures: a
            .signatures
            .iter()
            .filter(|s| s.version == version)
            .map(|s| SignatureView {
                party: a.party_name(Some(s.party)).to_string(),
                signatory: s.signatory.clone(),
                function: s.function.clone(),
                place: s.place.clone(),
                date: s.date,
                signed: s.signed,
            })
            .collect(),
    })
}
