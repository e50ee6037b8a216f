//! Relational ground rules ("spelregels", seed 003): made by the people who
//! work together, from two questions: which situations must we never end
//! up in again, and which rules prevent them. Each rule has a system owner
//! who guards it; check-ins score how well it was kept.

use super::edit::{Change, Edit, EditError, Refs};
use super::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::alliance::Id;

/// A situation the alliance must never end up in again.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Situation {
    pub id: Id,
    pub text: String,
}

/// The level a rule works at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleLevel {
    /// Uitvoering / praktijk.
    #[default]
    Practice,
    Management,
    /// Bestuur.
    Board,
}

impl RuleLevel {
    pub const ALL: [RuleLevel; 3] = [RuleLevel::Practice, RuleLevel::Management, RuleLevel::Board];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    #[default]
    Draft,
    /// Put to a consensus round.
    Proposed,
    Adopted,
    Retired,
}

impl RuleStatus {
    pub const ALL: [RuleStatus; 4] = [
        RuleStatus::Draft,
        RuleStatus::Proposed,
        RuleStatus::Adopted,
        RuleStatus::Retired,
    ];
}

/// A ground rule about the quality of the relationship.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroundRule {
    pub id: Id,
    pub text: String,
    pub level: RuleLevel,
    /// The person who guards the rule ("systeemeigenaar").
    pub owner: Option<Id>,
    pub status: RuleStatus,
    /// The situations it prevents.
    pub situations: Vec<Id>,
    /// From the starter set that ships with Samenspel, not yet made the
    /// alliance's own.
    pub starter: bool,
    /// The set it belongs to, if any: then the set's owner guards it.
    pub rule_set: Option<Id>,
}

/// A set of ground rules at one level (seed 003: "spelregels voor de
/// samenwerking tussen professionals in de uitvoering, ofwel spelregels op
/// management of bestuurlijk niveau"), guarded by one system owner "met
/// mandaat om de spelregels te bewaken", and decided as a whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RuleSet {
    pub id: Id,
    pub name: String,
    pub level: RuleLevel,
    /// The one person who guards the whole set ("systeemverantwoordelijke").
    pub owner: Option<Id>,
    /// The owner's mandate, in words.
    pub mandate: String,
}

/// The text of one rule as a round over its whole set decides it: a
/// snapshot when the round opens, and the amended text in the round that
/// amends it. Adopting the round adopts these texts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RuleProposal {
    pub id: Id,
    pub round: Id,
    pub rule: Id,
    pub text: String,
}

/// A party's objection to one rule, in a round over a whole set: part of
/// its stance, hidden until the stances are revealed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Objection {
    pub id: Id,
    pub round: Id,
    pub party: Id,
    pub rule: Id,
    pub reason: String,
}

/// How well one party feels a rule was kept, at one check-in
/// (fist-to-five: 0 not at all … 5 fully).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Checkin {
    pub id: Id,
    pub rule: Id,
    pub party: Id,
    pub date: Option<NaiveDate>,
    pub score: u8,
    /// The check-in from the phones it was given in (`None`: entered by
    /// the facilitator for the party as a whole).
    pub round: Option<Id>,
    /// From a phone: that phone's anonymous key (never a name), so that a
    /// delegate's second answer replaces the first. Empty otherwise.
    pub person: String,
}

/// The highest fist-to-five score.
pub const FIVE: u8 = 5;

/// The mean score of a set of rules at each check-in date, oldest first:
/// every party's score on every rule of the set that day (a check-in over
/// the whole set). Only scores that count (see [`Alliance::counts`]).
pub fn set_trend(a: &Alliance, rules: &[Id]) -> Vec<(Option<NaiveDate>, f32, usize)> {
    trend_of(a.counted_checkins().filter(|c| rules.contains(&c.rule)))
}

/// The mean score of the given check-ins at each date, oldest first, in
/// one pass over them: each party counts once per rule (the mean of its
/// people's scores, when several delegates scored on their phones), and
/// the count is of those party scores.
pub fn trend_of<'a>(
    checkins: impl Iterator<Item = &'a Checkin>,
) -> Vec<(Option<NaiveDate>, f32, usize)> {
    type Key = (Option<NaiveDate>, Id, Id);
    let mut by_party: std::collections::BTreeMap<Key, (u32, u32)> =
        std::collections::BTreeMap::new();
    for c in checkins {
        let (sum, n) = by_party.entry((c.date, c.party, c.rule)).or_default();
        *sum += c.score as u32;
        *n += 1;
    }
    let mut by_date: std::collections::BTreeMap<Option<NaiveDate>, (f32, usize)> =
        std::collections::BTreeMap::new();
    for ((d, _, _), (sum, n)) in by_party {
        let (total, k) = by_date.entry(d).or_default();
        *total += sum as f32 / n as f32;
        *k += 1;
    }
    by_date
        .into_iter()
        .map(|(d, (total, k))| (d, total / k.max(1) as f32, k))
        .collect()
}

/// The mean score of a rule at each check-in date, oldest first.
pub fn trend(a: &Alliance, rule: Id) -> Vec<(Option<NaiveDate>, f32, usize)> {
    set_trend(a, &[rule])
}

/// Whether the facilitator may set a rule's status from `from` to `to` by
/// hand. A rule is adopted only through a consensus round; an adopted rule
/// can be retired, and a retired one taken up again as a draft.
pub fn settable_by_hand(from: RuleStatus, to: RuleStatus) -> bool {
    use RuleStatus::*;
    from == to
        || match from {
            Draft | Proposed => matches!(to, Draft | Proposed | Retired),
            Adopted => to == Retired,
            Retired => to == Draft,
        }
}

/// The starter set, drawn from seeds 000, 001 and 003, in Dutch or
/// English: a starting point the alliance edits.
pub fn starter_rules(english: bool) -> Vec<GroundRule> {
    use super::starter::{RULES, pick};
    let levels = [
        RuleLevel::Board,
        RuleLevel::Board,
        RuleLevel::Management,
        RuleLevel::Practice,
        RuleLevel::Practice,
        RuleLevel::Management,
    ];
    RULES
        .iter()
        .zip(levels)
        .enumerate()
        .map(|(i, (text, level))| GroundRule {
            id: i as Id + 1,
            text: pick(*text, english).to_string(),
            level,
            owner: None,
            status: RuleStatus::Draft,
            situations: Vec::new(),
            starter: true,
            rule_set: None,
        })
        .collect()
}

// How these records refer to others: checked on every edit.

impl Refs for Situation {}

impl Refs for GroundRule {
    fn refs(&self) -> Vec<Ref> {
        let mut out: Vec<Ref> = self
            .owner
            .map(Ref::of::<super::alliance::Person>)
            .into_iter()
            .collect();
        out.extend(self.situations.iter().map(|s| Ref::of::<Situation>(*s)));
        out.extend(self.rule_set.map(Ref::of::<RuleSet>));
        out
    }
    /// A rule lets go of its owner, a situation and its set.
    fn without(&self, gone: Ref) -> Option<Self> {
        Some(GroundRule {
            owner: self
                .owner
                .filter(|p| Ref::of::<super::alliance::Person>(*p) != gone),
            rule_set: self.rule_set.filter(|s| Ref::of::<RuleSet>(*s) != gone),
            situations: self
                .situations
                .iter()
                .copied()
                .filter(|s| Ref::of::<Situation>(*s) != gone)
                .collect(),
            ..self.clone()
        })
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        // A draft or proposed rule is adopted only by a consensus round.
        if let (Some(b), Some(r)) = (&c.before, &c.after)
            && matches!(b.status, RuleStatus::Draft | RuleStatus::Proposed)
            && r.status == RuleStatus::Adopted
            && !a.rounds.iter().any(|x| {
                x.status == super::consensus::RoundStatus::Adopted
                    && match x.subject {
                        Subject::GroundRule(id) => id == r.id,
                        // A round over its whole set adopts the rules it
                        // put to the room.
                        Subject::RuleSet(_) => a
                            .rule_proposals
                            .iter()
                            .any(|p| p.round == x.id && p.rule == r.id),
                        _ => false,
                    }
            })
        {
            return Err(EditError::NotDecided);
        }
        Ok(())
    }
}

impl Refs for Checkin {
    fn refs(&self) -> Vec<Ref> {
        let mut out = vec![
            Ref::of::<GroundRule>(self.rule),
            Ref::of::<super::alliance::Party>(self.party),
        ];
        out.extend(self.round.map(Ref::of::<super::CheckinRound>));
        out
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if c.after.as_ref().is_some_and(|x| x.score > FIVE) {
            return Err(EditError::OffTheScale);
        }
        // A score the room was shown changes no more (it comes and goes
        // only with its party: see `Alliance::applied`).
        if c.before.is_some()
            && c.after.is_some()
            && c.before != c.after
            && [&c.before, &c.after].into_iter().flatten().any(|x| {
                x.round
                    .is_some_and(|r| a.checkin_round(r).is_some_and(|r| r.shown))
            })
        {
            return Err(EditError::Committed);
        }
        Ok(())
    }
}

impl Refs for RuleSet {
    fn refs(&self) -> Vec<Ref> {
        self.owner
            .map(Ref::of::<super::alliance::Person>)
            .into_iter()
            .collect()
    }
    /// A set lets go of its owner.
    fn without(&self, gone: Ref) -> Option<Self> {
        Some(RuleSet {
            owner: self
                .owner
                .filter(|p| Ref::of::<super::alliance::Person>(*p) != gone),
            ..self.clone()
        })
    }
}

impl Refs for RuleProposal {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<super::consensus::Round>(self.round),
            Ref::of::<GroundRule>(self.rule),
        ]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        // What the room decides on does not change while it decides, nor
        // after: an amendment is a new round.
        if let (Some(b), Some(x)) = (&c.before, &c.after)
            && b != x
        {
            return Err(EditError::RoundClosed);
        }

        if let Some(x) = &c.after
            && a.rule_proposals
                .iter()
                .any(|o| o.id != x.id && o.round == x.round && o.rule == x.rule)
        {
            return Err(EditError::DuplicateLink);
        }
        Ok(())
    }
}

impl Refs for Objection {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<super::consensus::Round>(self.round),
            Ref::of::<super::alliance::Party>(self.party),
            Ref::of::<GroundRule>(self.rule),
        ]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        let Some(x) = &c.after else { return Ok(()) };
        let Some(round) = a.round(x.round) else {
            return Ok(());
        };
        // A closed round's objections are history (they can be removed and
        // restored with their party, as one undo step).
        if c.before.as_ref().is_some_and(|b| b != x) && round.status.is_closed() {
            return Err(EditError::RoundClosed);
        }
        if !round.voters.contains(&x.party) {
            return Err(EditError::NotAVoter);
        }
        // Only a rule the round puts to the room can be objected to.
        if !a
            .rule_proposals
            .iter()
            .any(|p| p.round == x.round && p.rule == x.rule)
        {
            return Err(EditError::NotInSet);
        }
        if a.objections
            .iter()
            .any(|o| o.id != x.id && o.round == x.round && o.party == x.party && o.rule == x.rule)
        {
            return Err(EditError::DuplicateLink);
        }
        Ok(())
    }
}

impl Alliance {
    pub fn rule_set(&self, id: Id) -> Option<&RuleSet> {
        super::alliance::by_id(&self.rule_sets, id)
    }

    /// The rules of a set that are not retired, in order.
    pub fn rules_in_set(&self, set: Id) -> Vec<&GroundRule> {
        self.ground_rules
            .iter()
            .filter(|r| r.rule_set == Some(set) && r.status != RuleStatus::Retired)
            .collect()
    }

    /// The rule texts a round over a set decides, in the rules' order.
    pub fn proposals_of(&self, round: Id) -> Vec<&RuleProposal> {
        let mut out: Vec<&RuleProposal> = self
            .rule_proposals
            .iter()
            .filter(|p| p.round == round)
            .collect();
        out.sort_by_key(|p| (p.rule, p.id));
        out
    }

    /// The person who guards a rule: its set's owner when it is in a set,
    /// else its own.
    pub fn guard_of(&self, rule: &GroundRule) -> Option<Id> {
        match rule.rule_set.and_then(|s| self.rule_set(s)) {
            Some(set) => set.owner,
            None => rule.owner,
        }
    }

    /// Put a rule in a set (or take it out, with `None`): it takes the
    /// set's level, and the set's owner guards it.
    pub fn put_in_set(&self, rule: Id, set: Option<Id>) -> Option<Edit> {
        let r = self.ground_rule(rule)?;
        let level = set
            .and_then(|s| self.rule_set(s))
            .map_or(r.level, |s| s.level);
        Some(self.update(GroundRule {
            rule_set: set,
            level,
            ..r.clone()
        }))
    }

    /// Change a set; its rules follow its level. One undo step.
    pub fn update_rule_set(&self, set: RuleSet) -> Edit {
        let mut edits = Vec::new();
        if self.rule_set(set.id).is_some_and(|s| s.level != set.level) {
            for r in self
                .ground_rules
                .iter()
                .filter(|r| r.rule_set == Some(set.id) && r.level != set.level)
            {
                edits.push(self.update(GroundRule {
                    level: set.level,
                    ..r.clone()
                }));
            }
        }
        edits.insert(0, self.update(set));
        // A name typed key by key is one record updated: one undo step.
        if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit::Batch(edits)
        }
    }

    /// Record a party's checks on the rules of a set on one day (a
    /// check-in over the whole set): one fist-to-five per rule. One undo
    /// step.
    pub fn checkin_set(&self, party: Id, date: NaiveDate, scores: &[(Id, u8)]) -> Edit {
        let mut next = self.next_id::<Checkin>();
        let edits = scores
            .iter()
            .map(|(rule, score)| {
                match self.checkins.iter().find(|c| {
                    c.round.is_none() && c.rule == *rule && c.party == party && c.date == Some(date)
                }) {
                    Some(c) => self.update(Checkin {
                        score: *score,
                        ..c.clone()
                    }),
                    None => {
                        let id = next;
                        next += 1;
                        Edit::Checkin(Change {
                            before: None,
                            after: Some(Checkin {
                                id,
                                rule: *rule,
                                party,
                                date: Some(date),
                                score: *score,
                                ..Default::default()
                            }),
                        })
                    }
                }
            })
            .collect();
        Edit::Batch(edits)
    }
}
