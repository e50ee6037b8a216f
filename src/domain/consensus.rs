//! Consensus rounds (seed 000): every party has an equal vote, decisions
//! are taken by consensus, and every party can veto at any moment. The
//! party is the voter; stances stay hidden until the facilitator reveals
//! them all at once. The outcome rules live here, pure and tested.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::alliance::Id;

/// The scale a round is decided on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Kaner's gradients of agreement: 1 whole-hearted endorsement … 8 veto.
    #[default]
    Gradients,
    /// Consent or objection.
    Consent,
    /// Fist to five: 0 (a fist: block) … 5.
    FistToFive,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Gradients, Scale::Consent, Scale::FistToFive];

    /// The values of the scale, in order.
    pub fn values(self) -> Vec<u8> {
        match self {
            Scale::Gradients => (1..=8).collect(),
            Scale::Consent => vec![1, 0],
            Scale::FistToFive => (0..=5).rev().collect(),
        }
    }

    /// Whether a value blocks the proposal (a veto or an objection).
    pub fn blocks(self, value: u8) -> bool {
        match self {
            Scale::Gradients => value == 8,
            Scale::Consent => value == 0,
            Scale::FistToFive => value == 0,
        }
    }

    /// Whether a value supports with reservations or disagreement (it does
    /// not block, but it is worth reading back).
    pub fn has_reservations(self, value: u8) -> bool {
        match self {
            Scale::Gradients => (3..=7).contains(&value),
            Scale::Consent => false,
            Scale::FistToFive => (1..=2).contains(&value),
        }
    }

    pub fn is_valid(self, value: u8) -> bool {
        self.values().contains(&value)
    }
}

/// What a round decides.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The proposal text alone.
    #[default]
    Free,
    GroundRule(Id),
    FocalPoint(Id),
    /// The strategy map as it stands.
    StrategyMap,
    /// A version of the covenant: adopting the round freezes it.
    Covenant(Id),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    /// Stances are being cast.
    #[default]
    Open,
    Adopted,
    /// Not adopted; a new round with an amended proposal follows.
    Amended,
    /// Put aside for now.
    Parked,
    Withdrawn,
}

impl RoundStatus {
    pub fn is_closed(self) -> bool {
        self != RoundStatus::Open
    }
}

/// A round that decides one proposal.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Round {
    pub id: Id,
    pub proposal: String,
    pub subject: Subject,
    pub scale: Scale,
    pub opened: Option<NaiveDate>,
    pub decided: Option<NaiveDate>,
    /// The parties that vote: every party of the alliance when the round
    /// opened. A party added later does not hold up this round.
    pub voters: Vec<Id>,
    /// Stances are hidden until the facilitator reveals them all at once.
    pub revealed: bool,
    pub status: RoundStatus,
    /// The round this one amends.
    pub previous: Option<Id>,
    /// Why it was amended, parked or withdrawn, or a note on the decision.
    pub note: String,
    /// Voting parties the facilitator recorded as absent, so that the round
    /// can be revealed and decided without them (an explicit choice).
    pub absent: Vec<Id>,
}

/// How a stance reached the facilitator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Cast by the party's delegate.
    #[default]
    Delegate,
    /// Given in the room, entered by the facilitator.
    InRoom,
    /// Given by phone, entered by the facilitator.
    Phone,
}

/// One party's stance in one round (its vote).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Vote {
    pub id: Id,
    pub round: Id,
    pub party: Id,
    pub value: u8,
    /// Required for a veto or objection.
    pub reason: String,
    pub via: Via,
    /// Who entered it (the delegate's or the facilitator's name).
    pub entered_by: String,
    /// When it was entered (RFC 3339).
    pub entered_at: String,
    /// Corrections after the reveal, oldest first: a revealed stance is
    /// frozen, and changes only through a correction with a reason.
    pub corrections: Vec<Correction>,
}

/// A revealed stance corrected (misheard, or a party that called back).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Correction {
    /// The value before the correction.
    pub from: u8,
    /// The value after it.
    pub to: u8,
    pub reason: String,
    /// Who made it.
    pub by: String,
    /// When (RFC 3339).
    pub at: String,
}

/// What a round comes to, by the rules of seed 000.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Not every voting party has cast a stance yet.
    Waiting { missing: Vec<Id> },
    /// Every party cast a stance and none blocked: adopted. Parties that
    /// support with reservations are listed, to be read back.
    Adoptable { reservations: Vec<Id> },
    /// One or more parties vetoed or objected: amend and run a new round.
    Blocked { by: Vec<Id> },
}

/// The voting parties (that still exist, and were not recorded absent)
/// that have not cast a stance yet. Until this is empty, nothing about the
/// stances cast may show anywhere: not even that one blocks.
pub fn missing(round: &Round, stances: &[Vote], parties: &[Id]) -> Vec<Id> {
    round
        .voters
        .iter()
        .copied()
        .filter(|v| parties.contains(v) && !round.absent.contains(v))
        .filter(|v| !stances.iter().any(|s| s.round == round.id && s.party == *v))
        .collect()
}

/// Whether a round may be revealed: every voting party has cast a stance
/// or was recorded absent, and at least one cast.
pub fn can_reveal(round: &Round, stances: &[Vote], parties: &[Id]) -> bool {
    missing(round, stances, parties).is_empty()
        && round
            .voters
            .iter()
            .any(|v| parties.contains(v) && !round.absent.contains(v))
}

/// The outcome of a round: adoptable only when every voting party (that
/// still exists, and was not recorded absent) has cast a stance and none
/// vetoed or objected. A veto holds at any moment; but what the outcome is
/// may be shown only once the round [`can_reveal`].
pub fn outcome(round: &Round, stances: &[Vote], parties: &[Id]) -> Outcome {
    let voters: Vec<Id> = round
        .voters
        .iter()
        .copied()
        .filter(|v| parties.contains(v) && !round.absent.contains(v))
        .collect();
    let of = |party: Id| {
        stances
            .iter()
            .find(|s| s.round == round.id && s.party == party)
    };
    let blocked: Vec<Id> = voters
        .iter()
        .copied()
        .filter(|v| of(*v).is_some_and(|s| round.scale.blocks(s.value)))
        .collect();
    if !blocked.is_empty() {
        return Outcome::Blocked { by: blocked };
    }
    let missing: Vec<Id> = voters
        .iter()
        .copied()
        .filter(|v| of(*v).is_none())
        .collect();
    if !missing.is_empty() || voters.is_empty() {
        return Outcome::Waiting { missing };
    }
    Outcome::Adoptable {
        reservations: voters
            .iter()
            .copied()
            .filter(|v| of(*v).is_some_and(|s| round.scale.has_reservations(s.value)))
            .collect(),
    }
}

/// The chain of rounds that led to `round`: its predecessors, oldest
/// first, then the round itself (objections → amendments → resolution).
pub fn history(rounds: &[Round], round: Id) -> Vec<Id> {
    let mut chain = vec![round];
    let mut at = round;
    while let Some(prev) = rounds.iter().find(|r| r.id == at).and_then(|r| r.previous) {
        if chain.contains(&prev) {
            break;
        }
        chain.push(prev);
        at = prev;
    }
    chain.reverse();
    chain
}

/// Adopted rounds, newest decision first: the decision log.
pub fn decision_log(rounds: &[Round]) -> Vec<&Round> {
    let mut out: Vec<&Round> = rounds
        .iter()
        .filter(|r| r.status == RoundStatus::Adopted)
        .collect();
    out.sort_by(|a, b| b.decided.cmp(&a.decided).then(b.id.cmp(&a.id)));
    out
}
