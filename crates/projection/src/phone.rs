//! What one meeting's phones may see: the phone audience of the room
//! projection. The room server (`room`) reads only this snapshot, and the
//! phone pages (`room::page`) draw only from it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::agenda::PriorityMethod;
use crate::domain::{Alliance, Id, IdMap, IdSet, Outcome, RoundStatus, Scale, Via};
use crate::i18n::Lang;
use sha2::{Digest, Sha256};

/// The SHA-256 of a token, as the file keeps it.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether a text has the form of a card token.
pub fn is_token(s: &str) -> bool {
    s.len() == 32
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A party's own stance, as its page shows it.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Own {
    pub value: u8,
    pub reason: String,
    pub via: Via,
    pub entered_by: String,
    pub entered_at: String,
    /// Corrected by the facilitator (after the reveal, or overwriting the
    /// card's stance): how many times.
    pub corrections: usize,
}

/// What a round comes to, once revealed: party names, not ids.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Told {
    Adoptable { reservations: Vec<String> },
    Blocked { by: Vec<String> },
    Waiting { missing: Vec<String> },
}

/// A consensus round as the phones may see it.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundView {
    pub id: Id,
    pub proposal: String,
    pub scale: Scale,
    /// The parties that vote in it (not recorded absent). Shared by every
    /// phone's view, as is everything but its own stance.
    pub voters: Arc<IdSet>,
    pub revealed: bool,
    pub status: RoundStatus,
    /// The party's own stance: a phone's view holds no other party's.
    pub own: Option<Own>,
    /// The outcome, only once the round is revealed or closed.
    pub told: Option<Told>,
    /// This phone's party was recorded absent in it: it sees the outcome
    /// with the room once told, and casts nothing.
    pub absent: bool,
}

/// A dot (or score) round of the agenda funnel as the phones may see it.
#[derive(Clone, Debug, PartialEq)]
pub struct DotView {
    pub id: Id,
    pub title: String,
    pub method: PriorityMethod,
    pub dots: u8,
    pub focal_points: Arc<Vec<(Id, String)>>,
    pub voters: Arc<IdSet>,
    pub revealed: bool,
    /// The party's own marks: (focal point, value); no other party's.
    pub own: Option<Vec<(Id, u8)>>,
    /// The tally, only once revealed: (focal point name, total or mean).
    pub tally: Option<Arc<Vec<(String, f32)>>>,
}

/// What the server may know: the live cards of the meeting and what a
/// phone may see of the rounds. Built from the alliance by the thread that
/// owns it; never holds intake content, notes or other rounds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub meeting: Id,
    pub title: String,
    pub date: Option<chrono::NaiveDate>,
    /// The language of a phone that asks for neither Dutch nor English.
    pub lang: Lang,
    /// A live card's token hash → its party.
    pub cards: HashMap<String, Id>,
    /// The token hashes of this meeting's revoked cards: a phone that
    /// still has such a card's page open is told to scan the new card, and
    /// is not counted as guessing.
    pub replaced: std::collections::HashSet<String>,
    /// What each party's phone may see: built per party, so that a
    /// phone's view holds its own stances and no other party's.
    pub phones: IdMap<PhoneView>,
}

/// One party's phone: its name (when it holds a card) and the rounds it
/// votes in, each with only its own stance or marks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhoneView {
    pub meeting: Id,
    pub title: String,
    pub date: Option<chrono::NaiveDate>,
    pub name: Option<String>,
    pub rounds: Vec<RoundView>,
    /// The open rounds this party was recorded absent in: (round,
    /// proposal). The phone says so instead of the round going without a
    /// word.
    pub absent: Vec<(Id, String)>,
    pub dots: Vec<DotView>,
    /// The comment rounds: its own comments while a round is open, every
    /// shared comment and what became of it once published.
    pub comments: Vec<PhoneComments>,
    /// The meeting's check-ins on the ground rules.
    pub checkins: Vec<PhoneCheckin>,
}

/// A check-in from the phones on one party's phone.
#[derive(Clone, Debug, PartialEq)]
pub struct PhoneCheckin {
    pub id: Id,
    /// The rules asked about: (rule, text).
    pub rules: Arc<Vec<(Id, String)>>,
    /// This party's phones' own scores, by each phone's anonymous key:
    /// a page shows only the scores of the phone that asks. Never another
    /// party's.
    pub own: std::collections::BTreeMap<String, Vec<(Id, u8)>>,
    /// Once shown: the room's distribution per rule, never who gave what.
    pub shown: Option<Arc<crate::audience::RoomCheckin>>,
}

/// A comment round on one party's phone.
#[derive(Clone, Debug, PartialEq)]
pub struct PhoneComments {
    pub id: Id,
    pub title: String,
    pub draft: crate::audience::RoomDraft,
    pub due: Option<chrono::NaiveDate>,
    /// `None` while comments are taken.
    pub published: Option<chrono::NaiveDate>,
    /// This party's own comments: (part, text). Never another party's
    /// before the processing is published.
    pub own: Vec<(String, String)>,
    /// Once published: every shared comment and what became of it.
    pub processing: Arc<Vec<crate::audience::RoomComment>>,
}

/// The rounds a server has shown: a round open (or a dot round hidden)
/// while it ran stays on the phones once decided, to show the outcome.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    pub rounds: IdSet,
    pub dots: IdSet,
}

impl Snapshot {
    /// What the phones of `meeting` may see now.
    ///
    /// Long for a reason: one pass over the meeting's rounds and dot rounds, then one view per
    /// party: what a phone may see is built in one visible place.
    pub fn of(a: &Alliance, meeting: Id, lang: Lang, seen: &mut Seen) -> Snapshot {
        let m = a.meeting(meeting);
        let cards: HashMap<String, Id> = a
            .live_ballots(meeting)
            .into_iter()
            .map(|b| (b.token_hash.clone(), b.party))
            .collect();
        let replaced = a
            .ballots
            .iter()
            .filter(|b| b.meeting == meeting && b.revoked)
            .map(|b| b.token_hash.clone())
            .collect();
        let name = |p: Id| a.party_name(Some(p)).to_string();
        let names: IdMap<String> = cards.values().map(|p| (*p, name(*p))).collect();
        let names_of = |ids: &[Id]| ids.iter().map(|p| name(*p)).collect::<Vec<_>>();
        let mut rounds = Vec::new();
        // The open rounds not yet revealed and who was recorded absent in
        // each (once revealed, an absent party sees the outcome instead).
        let absent_in: Vec<(Id, String, &[Id])> = a
            .rounds
            .iter()
            .filter(|r| r.status == RoundStatus::Open && !r.revealed && !r.absent.is_empty())
            .map(|r| (r.id, r.proposal.clone(), r.absent.as_slice()))
            .collect();
        for r in &a.rounds {
            if r.status == RoundStatus::Open {
                seen.rounds.insert(r.id);
            } else if !seen.rounds.contains(&r.id) {
                continue;
            }
            let voters: IdSet = a
                .voting_parties(r)
                .into_iter()
                .filter(|p| r.voters.contains(p) && !r.absent.contains(p))
                .collect();
            let own: IdMap<Own> = a
                .votes
                .iter()
                .filter(|v| v.round == r.id)
                .map(|v| {
                    (
                        v.party,
                        Own {
                            value: v.value,
                            reason: v.reason.clone(),
                            via: v.via,
                            entered_by: v.entered_by.clone(),
                            entered_at: v.entered_at.clone(),
                            corrections: v.corrections.len(),
                        },
                    )
                })
                .collect();
            let told = (r.revealed || r.status.is_closed()).then(|| match a.outcome(r) {
                Outcome::Adoptable { reservations } => Told::Adoptable {
                    reservations: names_of(&reservations),
                },
                Outcome::Blocked { by } => Told::Blocked { by: names_of(&by) },
                Outcome::Waiting { missing } => Told::Waiting {
                    missing: names_of(&missing),
                },
            });
            rounds.push((
                RoundView {
                    id: r.id,
                    proposal: r.proposal.clone(),
                    scale: r.scale,
                    voters: Arc::new(voters),
                    revealed: r.revealed,
                    status: r.status,
                    own: None,
                    told,
                    absent: false,
                },
                own,
                r.absent.as_slice(),
            ));
        }
        let mut dots = Vec::new();
        let active: IdSet = a
            .parties
            .iter()
            .filter(|p| p.left.is_none())
            .map(|p| p.id)
            .collect();
        for r in &a.priority_rounds {
            if !r.revealed {
                seen.dots.insert(r.id);
            } else if !seen.dots.contains(&r.id) {
                continue;
            }
            let mut own: IdMap<Vec<(Id, u8)>> = IdMap::default();
            for m in a.priority_marks.iter().filter(|m| m.round == r.id) {
                own.entry(m.party)
                    .or_default()
                    .push((m.focal_point, m.value));
            }
            let mut focal_points: Vec<(i64, Id, String)> = a
                .focal_points
                .iter()
                .map(|f| (f.position, f.id, f.name.clone()))
                .collect();
            focal_points.sort();
            let tally =
                crate::domain::agenda::tally(r, &a.focal_points, &a.priority_marks).map(|t| {
                    t.into_iter()
                        .map(|x| {
                            let name = a
                                .focal_point(x.focal_point)
                                .map(|f| f.name.clone())
                                .unwrap_or_default();
                            (name, x.total)
                        })
                        .collect::<Vec<_>>()
                        .into()
                });
            dots.push((
                DotView {
                    id: r.id,
                    title: r.title.clone(),
                    method: r.method,
                    dots: r.dots_per_party,
                    focal_points: Arc::new(
                        focal_points.into_iter().map(|(_, id, n)| (id, n)).collect(),
                    ),
                    voters: Arc::new(
                        active
                            .iter()
                            .copied()
                            .filter(|p| !r.absent.contains(p))
                            .collect(),
                    ),
                    revealed: r.revealed,
                    own: None,
                    tally,
                },
                own,
            ));
        }
        // The comment rounds, and each party's own comments in them (never
        // one for the facilitator alone).
        let comment_rounds: Vec<PhoneComments> = a
            .comment_rounds
            .iter()
            .map(|r| {
                let shared = crate::audience::room_comment_round(a, r);
                PhoneComments {
                    id: r.id,
                    title: r.title.clone(),
                    draft: shared.draft,
                    due: r.due,
                    published: r.published,
                    own: Vec::new(),
                    processing: Arc::new(shared.comments),
                }
            })
            .collect();
        let mut own_comments: IdMap<Vec<(Id, String, String)>> = IdMap::default();
        for c in a.comments.iter().filter(|c| !c.facilitator_only) {
            own_comments.entry(c.party).or_default().push((
                c.round,
                c.part.clone(),
                crate::domain::Confidential::expose(&c.text).clone(),
            ));
        }
        // The meeting's check-ins, and every phone's scores by party.
        // party → (round, phone's key) → its (rule, score)s.
        type Scores = std::collections::BTreeMap<(Id, String), Vec<(Id, u8)>>;
        let mut checkin_scores: IdMap<Scores> = IdMap::default();
        for c in &a.checkins {
            if let Some(round) = c.round {
                checkin_scores
                    .entry(c.party)
                    .or_default()
                    .entry((round, c.person.clone()))
                    .or_default()
                    .push((c.rule, c.score));
            }
        }
        let checkins: Vec<PhoneCheckin> = a
            .checkin_rounds_of(meeting)
            .map(|r| PhoneCheckin {
                id: r.id,
                rules: r
                    .rules
                    .iter()
                    .map(|id| {
                        let text = a
                            .ground_rule(*id)
                            .map(|g| g.text.clone())
                            .unwrap_or_default();
                        (*id, text)
                    })
                    .collect::<Vec<_>>()
                    .into(),
                own: Default::default(),
                shown: crate::audience::room_checkin(a, r).map(Arc::new),
            })
            .collect();
        let title = m.map(|m| m.title.clone()).unwrap_or_default();
        let date = m.and_then(|m| m.date);
        // Each phone's view: the rounds its party votes in, with only its
        // own stance and marks.
        let phones = a
            .parties
            .iter()
            .map(|p| {
                let party = p.id;
                let view = PhoneView {
                    meeting,
                    title: title.clone(),
                    date,
                    name: names.get(&party).cloned(),
                    rounds: rounds
                        .iter()
                        .filter(|(r, _, absent)| {
                            r.voters.contains(&party)
                                || (r.told.is_some() && absent.contains(&party))
                        })
                        .map(|(r, own, absent)| RoundView {
                            own: own.get(&party).cloned(),
                            absent: absent.contains(&party),
                            ..r.clone()
                        })
                        .collect(),
                    absent: absent_in
                        .iter()
                        .filter(|(_, _, absent)| absent.contains(&party))
                        .map(|(id, proposal, _)| (*id, proposal.clone()))
                        .collect(),
                    dots: dots
                        .iter()
                        .filter(|(r, _)| r.voters.contains(&party))
                        .map(|(r, own)| DotView {
                            own: own.get(&party).cloned(),
                            ..r.clone()
                        })
                        .collect(),
                    comments: if p.left.is_some() {
                        Vec::new()
                    } else {
                        comment_rounds
                            .iter()
                            .map(|r| PhoneComments {
                                own: own_comments
                                    .get(&party)
                                    .into_iter()
                                    .flatten()
                                    .filter(|(round, _, _)| *round == r.id)
                                    .map(|(_, part, text)| (part.clone(), text.clone()))
                                    .collect(),
                                ..r.clone()
                            })
                            .collect()
                    },
                    checkins: if p.left.is_some() {
                        Vec::new()
                    } else {
                        checkins
                            .iter()
                            .map(|r| PhoneCheckin {
                                own: checkin_scores
                                    .get(&party)
                                    .into_iter()
                                    .flatten()
                                    .filter(|((round, _), _)| *round == r.id)
                                    .map(|((_, person), scores)| (person.clone(), scores.clone()))
                                    .collect(),
                                ..r.clone()
                            })
                            .collect()
                    },
                };
                (party, view)
            })
            .collect();
        Snapshot {
            meeting,
            title,
            date,
            lang,
            cards,
            replaced,
            phones,
        }
    }

    /// What the phone of `party` may see (nothing, for a party that is not
    /// in the alliance).
    pub fn phone(&self, party: Id) -> std::borrow::Cow<'_, PhoneView> {
        match self.phones.get(&party) {
            Some(view) => std::borrow::Cow::Borrowed(view),
            None => std::borrow::Cow::Owned(PhoneView {
                meeting: self.meeting,
                title: self.title.clone(),
                date: self.date,
                ..PhoneView::default()
            }),
        }
    }

    /// The party a token belongs to, if it is a live card of this meeting.
    pub fn party_of(&self, token: &str) -> Option<Id> {
        if !is_token(token) {
            return None;
        }
        self.cards.get(&hash_token(token)).copied()
    }

    /// Whether a token is that of a card of this meeting that was revoked
    /// (replaced by a new one, or withdrawn).
    pub fn is_replaced(&self, token: &str) -> bool {
        is_token(token) && self.replaced.contains(&hash_token(token))
    }
}

/// What a phone asks the owner of the file to record.
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    /// A stance in a consensus round.
    Stance {
        party: Id,
        round: Id,
        value: u8,
        reason: String,
    },
    /// The party's dots (or scores) in a priority round: (focal point,
    /// value) for every focal point it gives anything.
    Dots {
        party: Id,
        round: Id,
        marks: Vec<(Id, u8)>,
    },
    /// A comment on a draft put out for comments.
    Comment {
        party: Id,
        round: Id,
        part: String,
        text: String,
    },
    /// One delegate's check-in: `person` is their phone's anonymous key
    /// (the SHA-256 of its cookie), scores are (rule, 0 … 5).
    Checkin {
        party: Id,
        round: Id,
        person: String,
        scores: Vec<(Id, u8)>,
    },
}

/// Why a phone's stance was not recorded (one sentence each, on the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The round was decided, or is no longer on this meeting's phones.
    Closed,
    /// The stances were revealed: a change now is a correction, by the
    /// facilitator.
    Revealed,
    NotAVoter,
    ReasonRequired,
    OffTheScale,
    TooManyDots(u8),
    /// The facilitator recorded this party's stance: only the facilitator
    /// changes it.
    EnteredByFacilitator,
    /// The laptop did not answer in time (busy, or closing).
    NoAnswer,
    /// The file refused it (read-only, or a disk error).
    NotSaved,
    /// A comment with no text, or longer than a page.
    CommentText,
    /// A reason longer than [`REASON_MAX`] characters, or with control
    /// characters in it.
    ReasonText,
    /// The check-in was shown to the room: its scores no longer change.
    CheckinShown,
}

/// The most characters a stance's reason may have: the page's text box
/// says the same number, and the server counts characters, not bytes.
pub const REASON_MAX: usize = 4000;

/// Whether a text typed on a phone is text: no control characters
/// (other than line breaks and tabs), which no keyboard types.
pub fn is_text(s: &str) -> bool {
    !s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}
