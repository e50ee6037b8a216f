//! Consensus rounds (seed 000): every party has an equal vote, decisions
//! are taken by consensus, and every party can veto at any moment. The
//! party is the voter; stances stay hidden until the facilitator reveals
//! them all at once. The outcome rules live here, pure and tested.

use super::edit::{Change, Edit, EditError, Refs, missing};
use super::*;
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
    /// A whole set of ground rules (seed 003): one round, objections per
    /// rule, and adopting it adopts every rule's text as put to the room.
    RuleSet(Id),
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
    /// The body the round was put to ("de bestuurstafel besluit"): its
    /// seated parties vote. `None`: the whole alliance.
    pub body: Option<Id>,
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
    /// Cast by the party itself, from its own device, with its ballot card
    /// (see `crate::room`).
    Ballot,
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
    /// Made after the stances were shown (a commitment of its own); a
    /// correction before the reveal overrides a ballot card's stance.
    pub shown: bool,
    /// The reason the stance had before, when the correction replaced it.
    pub reason_before: Option<String>,
    /// The day it counts from: the meeting it was made at.
    pub on: Option<NaiveDate>,
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
pub fn not_cast(round: &Round, stances: &[Vote], parties: &[Id]) -> Vec<Id> {
    missing_of(&cast_by(round, stances), &counted(round, parties))
}

/// The round's voters that count: among `parties` (the voting parties),
/// and not recorded absent. A set, not a scan: a region has hundreds of
/// voters, and the room asks this of every round.
fn counted(round: &Round, parties: &[Id]) -> Vec<Id> {
    let parties: IdSet = parties.iter().copied().collect();
    round
        .voters
        .iter()
        .copied()
        .filter(|v| parties.contains(v) && !round.absent.contains(v))
        .collect()
}

/// Of the voters that count, those without a stance in `cast`.
pub fn missing_of(cast: &IdMap<&Vote>, voters: &[Id]) -> Vec<Id> {
    voters
        .iter()
        .copied()
        .filter(|v| !cast.contains_key(v))
        .collect()
}

/// The stances cast in a round, by party.
pub fn cast_by<'a>(round: &Round, stances: &'a [Vote]) -> IdMap<&'a Vote> {
    stances
        .iter()
        .filter(|s| s.round == round.id)
        .map(|s| (s.party, s))
        .collect()
}

/// Whether a round may be revealed: every voting party has cast a stance
/// or was recorded absent, and at least one cast.
pub fn can_reveal(round: &Round, stances: &[Vote], parties: &[Id]) -> bool {
    let voters = counted(round, parties);
    !voters.is_empty() && missing_of(&cast_by(round, stances), &voters).is_empty()
}

/// The outcome of a round: adoptable only when every voting party (that
/// still exists, and was not recorded absent) has cast a stance and none
/// vetoed or objected. A veto holds at any moment; but what the outcome is
/// may be shown only once the round [`can_reveal`].
pub fn outcome(round: &Round, stances: &[Vote], parties: &[Id]) -> Outcome {
    outcome_of(round, &cast_by(round, stances), &counted(round, parties))
}

/// [`outcome`] from what a caller already has: the round's stances by
/// party ([`cast_by`]) and the parties that count (voting, not absent).
pub fn outcome_of(round: &Round, cast: &IdMap<&Vote>, voters: &[Id]) -> Outcome {
    let of = |party: Id| cast.get(&party).copied();
    let blocked: Vec<Id> = voters
        .iter()
        .copied()
        .filter(|v| of(*v).is_some_and(|s| round.scale.blocks(s.value)))
        .collect();
    if !blocked.is_empty() {
        return Outcome::Blocked { by: blocked };
    }
    let missing = missing_of(cast, voters);
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

/// Whether `r` reopens a decided proposal (rather than amending an open
/// one): the round it follows was decided and stays as it was.
pub fn reopens(rounds: &[Round], r: &Round) -> bool {
    r.previous
        .and_then(|p| rounds.iter().find(|x| x.id == p))
        .is_some_and(|p| p.status.is_closed() && p.status != RoundStatus::Amended)
}

/// The rounds that reopened the decided round `round`, oldest first: each
/// put the proposal to the alliance again, with its reason (its note).
pub fn reopenings(rounds: &[Round], round: Id) -> Vec<&Round> {
    let Some(decided) = rounds.iter().find(|r| r.id == round) else {
        return Vec::new();
    };
    if !decided.status.is_closed() || decided.status == RoundStatus::Amended {
        return Vec::new();
    }
    let mut out: Vec<&Round> = rounds
        .iter()
        .filter(|r| r.previous == Some(round))
        .collect();
    out.sort_by_key(|r| (r.opened, r.id));
    out
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

// How these records refer to others: checked on every edit.

impl Refs for Round {
    fn refs(&self) -> Vec<Ref> {
        let mut out: Vec<Ref> = self.previous.map(Ref::of::<Round>).into_iter().collect();
        out.extend(self.body.map(Ref::of::<super::alliance::Body>));
        match self.subject {
            Subject::GroundRule(id) => out.push(Ref::of::<super::rules::GroundRule>(id)),
            Subject::FocalPoint(id) => out.push(Ref::of::<super::agenda::FocalPoint>(id)),
            Subject::Covenant(id) => out.push(Ref::of::<super::covenant::CovenantVersion>(id)),
            Subject::RuleSet(id) => out.push(Ref::of::<super::rules::RuleSet>(id)),
            Subject::Free | Subject::StrategyMap => {}
        }
        out
    }
    /// A round outlives the body it was put to (its voters stay).
    fn without(&self, gone: Ref) -> Option<Self> {
        (gone.kind == "body").then(|| Round {
            body: None,
            ..self.clone()
        })
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        // What the room saw stays as it saw it: a revealed round changes
        // only by being decided, a decided round not at all, and neither
        // is removed (see `super::record`).
        if let Some(b) = &c.before
            && super::record::round_committed(b)
            && c.after.as_ref() != Some(b)
        {
            let decided_now = c.after.as_ref().is_some_and(|n| {
                b.status == RoundStatus::Open
                    && n.status.is_closed()
                    && n.revealed
                    && *n
                        == Round {
                            status: n.status,
                            decided: n.decided,
                            note: n.note.clone(),
                            ..b.clone()
                        }
            });
            // A party removed from the register leaves the voters with it
            // (the record reads its stances as removed, see `record`).
            // (and its undo brings it back).
            let party_removed = c.after.as_ref().is_some_and(|n| {
                *n == Round {
                    voters: n.voters.clone(),
                    absent: n.absent.clone(),
                    // (and a body removed lets go of its rounds)
                    body: n.body,
                    ..b.clone()
                }
            });
            if !decided_now && !party_removed {
                return Err(EditError::Committed);
            }
        }
        if let (Some(b), Some(r)) = (&c.before, &c.after)
            && r.revealed
            && !b.revealed
            && !a.can_reveal(r)
        {
            return Err(EditError::NotAllCast);
        }
        if let Some(r) = &c.after
            && let Some(p) = r.absent.iter().find(|p| !r.voters.contains(p))
        {
            return Err(missing("voting party", *p));
        }
        Ok(())
    }
}

/// Whether writing `edit` would change or remove a stance a party cast
/// itself from its ballot card ([`Via::Ballot`]) other than by one
/// correction more or less, each with its reason.
///
/// Undo and redo ask this of the step they would write, and refuse it
/// (see `Document::undo`): the phone's own steps are not the
/// facilitator's to take back, so undo stops at them. Taking back the
/// facilitator's own correction of such a stance, or restoring a stance
/// removed with its round or party, still works.
pub fn overrides_ballot_stance(edit: &Edit) -> bool {
    match edit {
        Edit::Batch(edits) => edits.iter().any(overrides_ballot_stance),
        Edit::Vote(c) => {
            let Some(before) = &c.before else {
                return false;
            };
            if before.via != Via::Ballot || c.after.as_ref() == Some(before) {
                return false;
            }
            match &c.after {
                None => true,
                Some(after) => {
                    let one_correction =
                        before.corrections.len().abs_diff(after.corrections.len()) == 1;
                    let reasoned = after
                        .corrections
                        .iter()
                        .all(|x| !x.reason.trim().is_empty());
                    !(one_correction && reasoned)
                }
            }
        }
        _ => false,
    }
}

impl Refs for Vote {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<Round>(self.round),
            Ref::of::<super::alliance::Party>(self.party),
        ]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        let round_of = |v: &Vote| a.round(v.round).ok_or(missing("consensus round", v.round));
        // A closed round's votes are history: they are not changed. (They
        // can be removed and restored with their party, as one undo step.)
        // (A stance left as it is changes nothing: `check` asks so.)
        let changed = c.before != c.after;
        if let (Some(before), Some(_)) = (&c.before, &c.after)
            && changed
            && round_of(before)?.status.is_closed()
        {
            return Err(EditError::RoundClosed);
        }
        // After the reveal a correction is only ever added, never taken
        // back: it is on the record.
        if let (Some(before), Some(after)) = (&c.before, &c.after)
            && changed
            && round_of(before)?.revealed
            && (after.corrections.len() != before.corrections.len() + 1
                || after.corrections[..before.corrections.len()] != before.corrections[..]
                || !after.corrections.last().is_some_and(|x| x.shown))
        {
            return Err(EditError::StanceFrozen);
        }
        // After the reveal a stance changes only by a correction (or the
        // undo of one): one correction more or less, each with a reason.
        // So does a stance the party cast from its own ballot card, when
        // anyone but the card changes it: the facilitator cannot overwrite
        // what a party cast itself without saying so.
        let from_ballot =
            |before: &Vote, after: &Vote| before.via == Via::Ballot && after.via != Via::Ballot;
        if let (Some(before), Some(after)) = (&c.before, &c.after)
            && changed
            && (round_of(before)?.revealed || from_ballot(before, after))
        {
            let (b, n) = (before.corrections.len(), after.corrections.len());
            let one_step = b.abs_diff(n) == 1;
            let reasoned = after
                .corrections
                .iter()
                .all(|x| !x.reason.trim().is_empty());
            if !one_step || !reasoned {
                return Err(if round_of(before)?.revealed {
                    EditError::StanceFrozen
                } else {
                    EditError::BallotStance
                });
            }
        }
        if let Some(v) = &c.after {
            let round = round_of(v)?;
            if !round.voters.contains(&v.party) {
                return Err(EditError::NotAVoter);
            }
            if !round.scale.is_valid(v.value) {
                return Err(EditError::OffTheScale);
            }
            if round.scale.blocks(v.value) && v.reason.trim().is_empty() {
                return Err(EditError::ReasonRequired);
            }
            // An objection to a whole set names the rules it objects to
            // (a stance corrected after the reveal keeps its reason).
            if matches!(round.subject, Subject::RuleSet(_))
                && round.scale.blocks(v.value)
                && !round.revealed
                && !a
                    .objections
                    .iter()
                    .any(|o| o.round == v.round && o.party == v.party)
            {
                return Err(EditError::ObjectionNeedsRule);
            }
            if a.votes
                .iter()
                .any(|o| o.id != v.id && o.round == v.round && o.party == v.party)
            {
                return Err(EditError::DuplicateLink);
            }
        }
        Ok(())
    }
}

// Consensus rounds as edits: open, conclude, amend, cast, record absent, correct.
impl Alliance {
    /// Open a consensus round on a proposal: every party of the alliance
    /// now is a voter.
    pub fn open_round(
        &self,
        proposal: String,
        subject: Subject,
        scale: super::consensus::Scale,
        today: chrono::NaiveDate,
        previous: Option<Id>,
    ) -> Edit {
        self.open_round_in(proposal, subject, scale, today, previous, None)
    }

    /// Open a round put to one body (its seated parties vote), or to the
    /// whole alliance when `body` is `None`.
    pub fn open_round_in(
        &self,
        proposal: String,
        subject: Subject,
        scale: super::consensus::Scale,
        today: chrono::NaiveDate,
        previous: Option<Id>,
        body: Option<Id>,
    ) -> Edit {
        let mut edits = vec![
            self.insert(Round {
                id: 0,
                proposal,
                subject,
                scale,
                opened: Some(today),
                decided: None,
                // Every party still in the alliance, or the parties seated
                // in the body it is put to: one equal vote each.
                voters: match body {
                    Some(b) => self.voters_of_body(b, today),
                    None => self
                        .parties
                        .iter()
                        .filter(|p| p.is_active_on(today))
                        .map(|p| p.id)
                        .collect(),
                },
                revealed: false,
                status: super::consensus::RoundStatus::Open,
                previous,
                note: String::new(),
                absent: Vec::new(),
                body,
            }),
        ];
        // A ground rule put to a round is proposed.
        if let Subject::GroundRule(rule) = subject
            && let Some(r) = self.ground_rule(rule)
            && r.status == super::rules::RuleStatus::Draft
        {
            edits.push(self.update(GroundRule {
                status: super::rules::RuleStatus::Proposed,
                ..r.clone()
            }));
        }
        Edit::Batch(edits)
    }

    /// Close a round with a status. Adopting a round on a ground rule
    /// adopts the rule. Refused (`None`) when the outcome does not allow
    /// adoption.
    pub fn conclude_round(
        &self,
        id: Id,
        status: super::consensus::RoundStatus,
        today: chrono::NaiveDate,
        note: String,
    ) -> Option<Edit> {
        use super::consensus::{Outcome, RoundStatus};
        let round = self.round(id)?;
        if round.status.is_closed() {
            return None;
        }
        if status == RoundStatus::Adopted
            && !matches!(self.outcome(round), Outcome::Adoptable { .. })
        {
            return None;
        }
        // Parking or withdrawing a round before every party has cast shows
        // nothing of what was cast; adopting needs every stance anyway.
        let revealed = round.revealed || status == RoundStatus::Adopted;
        // Dated by the meeting the round was held at, not by the day it
        // was entered.
        let today = round.opened.unwrap_or(today);
        let mut edits = vec![self.update(Round {
            status,
            decided: Some(today),
            revealed,
            // A reopened round keeps why it was put again.
            note: if note.trim().is_empty() {
                round.note.clone()
            } else {
                note
            },
            ..round.clone()
        })];
        if status == RoundStatus::Adopted
            && let Subject::Covenant(version) = round.subject
            && let Some(v) = self.covenant_versions.iter().find(|v| v.id == version)
            && !v.is_frozen()
        {
            let mut parties = super::covenant::frozen_parties(self, version);
            parties.sort_unstable();
            // Everything its document prints is kept with it: a later
            // rename or a new commissioner does not change what was signed.
            let frozen = CovenantVersion {
                frozen_on: Some(today),
                round: Some(id),
                fingerprint: String::new(),
                parties,
                commissioner: Some(self.info.commissioner.name.trim().to_string()),
                term: Some(super::covenant::term_text(&self.info)),
                ..v.clone()
            };
            for s in self
                .signatures
                .iter()
                .filter(|s| s.version == version && !s.signed && s.party_name.is_empty())
            {
                edits.push(self.update(super::covenant::Signature {
                    party_name: self.party_name(Some(s.party)).to_string(),
                    ..s.clone()
                }));
            }
            // The fingerprint is taken over the frozen version itself.
            let mut after = self.clone();
            if let Some(x) = after.covenant_versions.iter_mut().find(|x| x.id == version) {
                *x = frozen.clone();
            }
            edits.push(self.update(CovenantVersion {
                fingerprint: super::covenant::fingerprint(&after, version),
                ..frozen
            }));
        }
        if status == RoundStatus::Adopted
            && let Subject::GroundRule(rule) = round.subject
            && let Some(r) = self.ground_rule(rule)
        {
            // The rule takes the text the room adopted: after an amendment
            // that is the amended text, not the one objected to.
            let text = if round.proposal.trim().is_empty() {
                r.text.clone()
            } else {
                round.proposal.clone()
            };
            edits.push(self.update(GroundRule {
                status: super::rules::RuleStatus::Adopted,
                starter: false,
                text,
                ..r.clone()
            }));
        }
        if status == RoundStatus::Adopted && matches!(round.subject, Subject::RuleSet(_)) {
            // Every rule put to the room is adopted with the text the room
            // adopted: after an amendment, the amended text.
            for p in self.proposals_of(id) {
                if let Some(r) = self.ground_rule(p.rule) {
                    let text = if p.text.trim().is_empty() {
                        r.text.clone()
                    } else {
                        p.text.clone()
                    };
                    edits.push(self.update(GroundRule {
                        status: super::rules::RuleStatus::Adopted,
                        starter: false,
                        text,
                        ..r.clone()
                    }));
                }
            }
        }
        Some(Edit::Batch(edits))
    }

    /// Amend a round that was blocked: close it as amended and open a new
    /// round on the amended proposal, linked to it. One undoable step.
    pub fn amend_round(&self, id: Id, proposal: String, today: chrono::NaiveDate) -> Option<Edit> {
        let round = self.round(id)?;
        if matches!(round.subject, Subject::RuleSet(_)) {
            return self.amend_set_round(id, proposal, &[], today);
        }
        // The amended proposal is put at the same meeting.
        let today = round.opened.unwrap_or(today);
        let close = self.conclude_round(
            id,
            super::consensus::RoundStatus::Amended,
            today,
            String::new(),
        )?;
        let mut after = self.clone();
        after.apply(&close).ok()?;
        let open = after.open_round_in(
            proposal,
            round.subject,
            round.scale,
            today,
            Some(id),
            round.body,
        );
        Some(Edit::Batch(vec![close, open]))
    }

    /// Reopen a decided proposal as a new round: the way back from a
    /// decision is never to change it, but to put the proposal to the
    /// alliance again, with a reason, held on `on`. The decided round
    /// stays as the room saw it; the new round follows it (`previous`) and
    /// carries the reason as its note. `None` when the round is not
    /// decided (or was amended), the reason is empty, `on` is before the
    /// decision, or it was reopened already and that round is still open.
    pub fn reopen_round(&self, id: Id, reason: &str, on: chrono::NaiveDate) -> Option<Edit> {
        use super::consensus::RoundStatus;
        let round = self.round(id)?;
        if !round.status.is_closed()
            || round.status == RoundStatus::Amended
            || reason.trim().is_empty()
            || round.decided.is_some_and(|d| on < d)
            || super::consensus::reopenings(&self.rounds, id)
                .iter()
                .any(|r| !r.status.is_closed())
        {
            return None;
        }
        let new = self.next_id::<Round>();
        let open = match round.subject {
            Subject::RuleSet(set) => {
                let rules: Vec<(Id, String)> = self
                    .proposals_of(id)
                    .iter()
                    .map(|p| (p.rule, p.text.clone()))
                    .collect();
                self.open_set_round_with(
                    set,
                    round.proposal.clone(),
                    round.scale,
                    on,
                    Some(id),
                    round.body,
                    &rules,
                )
            }
            subject => self.open_round_in(
                round.proposal.clone(),
                subject,
                round.scale,
                on,
                Some(id),
                round.body,
            ),
        };
        let mut after = self.clone();
        after.apply(&open).ok()?;
        let opened = after.round(new)?.clone();
        let note = after.update(Round {
            note: reason.trim().to_string(),
            ..opened
        });
        Some(Edit::Batch(vec![open, note]))
    }

    /// Open a round over a whole set of rules: the round, and a snapshot
    /// of the text of each rule in the set that is not retired; draft
    /// rules become proposed. One undo step. `None` for an empty set.
    pub fn open_set_round(
        &self,
        set: Id,
        proposal: String,
        scale: Scale,
        today: chrono::NaiveDate,
        body: Option<Id>,
    ) -> Option<Edit> {
        let rules: Vec<(Id, String)> = self
            .rules_in_set(set)
            .iter()
            .map(|r| (r.id, r.text.clone()))
            .collect();
        if rules.is_empty() {
            return None;
        }
        Some(self.open_set_round_with(set, proposal, scale, today, None, body, &rules))
    }

    #[allow(clippy::too_many_arguments)]
    fn open_set_round_with(
        &self,
        set: Id,
        proposal: String,
        scale: Scale,
        today: chrono::NaiveDate,
        previous: Option<Id>,
        body: Option<Id>,
        rules: &[(Id, String)],
    ) -> Edit {
        let round = self.next_id::<Round>();
        let mut edits = vec![self.open_round_in(
            proposal,
            Subject::RuleSet(set),
            scale,
            today,
            previous,
            body,
        )];
        let first = self.next_id::<super::rules::RuleProposal>();
        for (i, (rule, text)) in rules.iter().enumerate() {
            edits.push(Edit::RuleProposal(Change {
                before: None,
                after: Some(super::rules::RuleProposal {
                    id: first + i as Id,
                    round,
                    rule: *rule,
                    text: text.clone(),
                }),
            }));
            if let Some(r) = self.ground_rule(*rule)
                && r.status == super::rules::RuleStatus::Draft
            {
                edits.push(self.update(GroundRule {
                    status: super::rules::RuleStatus::Proposed,
                    ..r.clone()
                }));
            }
        }
        Edit::Batch(edits)
    }

    /// Amend a round over a set: close it as amended and open a new round
    /// over the same rules, with `amended` texts for the rules objected
    /// to (the others as they were put). One undo step.
    pub fn amend_set_round(
        &self,
        id: Id,
        proposal: String,
        amended: &[(Id, String)],
        today: chrono::NaiveDate,
    ) -> Option<Edit> {
        let round = self.round(id)?;
        let Subject::RuleSet(set) = round.subject else {
            return None;
        };
        let today = round.opened.unwrap_or(today);
        let close = self.conclude_round(
            id,
            super::consensus::RoundStatus::Amended,
            today,
            String::new(),
        )?;
        let mut after = self.clone();
        after.apply(&close).ok()?;
        let rules: Vec<(Id, String)> = self
            .proposals_of(id)
            .iter()
            .map(|p| {
                let text = amended
                    .iter()
                    .find(|(r, t)| *r == p.rule && !t.trim().is_empty())
                    .map_or_else(|| p.text.clone(), |(_, t)| t.trim().to_string());
                (p.rule, text)
            })
            .collect();
        let open = after.open_set_round_with(
            set,
            proposal,
            round.scale,
            today,
            Some(id),
            round.body,
            &rules,
        );
        Some(Edit::Batch(vec![close, open]))
    }

    /// Record a party's stance on a round over a set, with its objections
    /// per rule (rule, reason): they replace those it made before. One
    /// undo step.
    pub fn put_set_vote(&self, vote: Vote, objections: &[(Id, String)]) -> Edit {
        let mut edits: Vec<Edit> = self
            .objections
            .iter()
            .filter(|o| o.round == vote.round && o.party == vote.party)
            .map(Alliance::delete)
            .collect();
        let blocks = self
            .round(vote.round)
            .is_some_and(|r| r.scale.blocks(vote.value));
        if blocks {
            let first = self.next_id::<super::rules::Objection>();
            for (i, (rule, reason)) in objections.iter().enumerate() {
                edits.push(Edit::Objection(Change {
                    before: None,
                    after: Some(super::rules::Objection {
                        id: first + i as Id,
                        round: vote.round,
                        party: vote.party,
                        rule: *rule,
                        reason: reason.trim().to_string(),
                    }),
                }));
            }
        }
        edits.push(self.put_vote(vote));
        Edit::Batch(edits)
    }

    /// The votes in a round that block it (an objection on its scale), in
    /// the order they were recorded.
    pub fn blocking_votes<'a>(&'a self, round: &'a Round) -> impl Iterator<Item = &'a Vote> + 'a {
        self.votes
            .iter()
            .filter(move |v| v.round == round.id && round.scale.blocks(v.value))
    }

    /// The objections a party made in a round, in the rules' order.
    pub fn objections_of(&self, round: Id, party: Id) -> Vec<&super::rules::Objection> {
        let mut out: Vec<&super::rules::Objection> = self
            .objections
            .iter()
            .filter(|o| o.round == round && o.party == party)
            .collect();
        out.sort_by_key(|o| (o.rule, o.id));
        out
    }

    /// The objections to `rule` in a round over a set that stand: of
    /// parties whose stance (as `stance` gives it) blocks. The one reading
    /// of "which parties objected" for the round, the room and the log.
    pub fn standing_objections<'a>(
        &'a self,
        round: &'a Round,
        rule: Id,
        stance: impl Fn(Id) -> Option<u8> + 'a,
    ) -> impl Iterator<Item = &'a super::rules::Objection> + 'a {
        self.objections
            .iter()
            .filter(move |o| o.round == round.id && o.rule == rule)
            .filter(move |o| stance(o.party).is_some_and(|v| round.scale.blocks(v)))
    }

    /// Record a party's vote (a new one, or a change of its vote while the
    /// round is open).
    pub fn put_vote(&self, mut vote: Vote) -> Edit {
        match self.vote(vote.round, vote.party) {
            Some(v) => {
                vote.id = v.id;
                self.update(vote)
            }
            None => self.insert(vote),
        }
    }

    /// Record the voting parties that have not cast a stance as absent, so
    /// that the round can be revealed and decided without them. `None` when
    /// the round is closed or nobody is missing.
    pub fn record_absent(&self, round: Id) -> Option<Edit> {
        let r = self.round(round)?;
        if r.status.is_closed() || r.revealed {
            return None;
        }
        let missing = self.missing_voters(r);
        if missing.is_empty() {
            return None;
        }
        let mut absent = r.absent.clone();
        absent.extend(missing);
        Some(self.update(Round {
            absent,
            ..r.clone()
        }))
    }

    /// Correct a revealed stance: `c` says the new value (`to`), why, by
    /// whom, when it was entered (`at`) and the day it counts from (`on`:
    /// the meeting it was made at; none: the day the round was held).
    /// `None` when the round is not revealed or closed, the stance does
    /// not exist, the reason is empty, nothing changes, or `on` is before
    /// the round was held.
    pub fn correct_vote(
        &self,
        round: Id,
        party: Id,
        c: super::consensus::Correction,
    ) -> Option<Edit> {
        let r = self.round(round)?;
        let v = self.vote(round, party)?;
        let value = c.to;
        if !r.revealed || r.status.is_closed() || c.reason.trim().is_empty() || v.value == value {
            return None;
        }
        let on = c.on.or(r.opened);
        if let (Some(on), Some(held)) = (on, r.opened)
            && on < held
        {
            return None;
        }
        // A blocking stance carries the correction's reason; one that no
        // longer blocks drops the objection's (it stays on the record as
        // the reason before).
        let reason_now = if r.scale.blocks(value) {
            c.reason.trim().to_string()
        } else if r.scale.blocks(v.value) {
            String::new()
        } else {
            v.reason.clone()
        };
        let mut corrections = v.corrections.clone();
        corrections.push(super::consensus::Correction {
            from: v.value,
            to: value,
            reason: c.reason.trim().to_string(),
            by: c.by.trim().to_string(),
            at: c.at,
            shown: true,
            reason_before: (reason_now != v.reason).then(|| v.reason.clone()),
            on,
        });
        Some(self.update(Vote {
            value,
            reason: reason_now,
            corrections,
            ..v.clone()
        }))
    }

    /// Overwrite, before the reveal, a stance the party cast from its own
    /// ballot card with one the facilitator was given (`stance`: its value,
    /// reason, channel, who entered it and when), recording why as a
    /// correction. `None` when the round is closed or revealed, the stance
    /// is not the card's, or `why` is empty.
    pub fn override_ballot_vote(&self, stance: Vote, why: &str) -> Option<Edit> {
        let r = self.round(stance.round)?;
        let v = self.vote(stance.round, stance.party)?;
        if r.revealed || r.status.is_closed() || v.via != Via::Ballot || why.trim().is_empty() {
            return None;
        }
        let mut corrections = v.corrections.clone();
        corrections.push(super::consensus::Correction {
            from: v.value,
            to: stance.value,
            reason: why.trim().to_string(),
            by: stance.entered_by.trim().to_string(),
            at: stance.entered_at.clone(),
            ..Default::default()
        });
        Some(self.update(Vote {
            id: v.id,
            corrections,
            via: match stance.via {
                Via::Ballot => Via::InRoom,
                via => via,
            },
            ..stance
        }))
    }
}
