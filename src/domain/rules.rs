//! Relational ground rules ("spelregels", seed 003): made by the people who
//! work together, from two questions: which situations must we never end
//! up in again, and which rules prevent them. Each rule has a system owner
//! who guards it; check-ins score how well it was kept.

use super::edit::{Change, EditError, Refs};
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
}

/// The highest fist-to-five score.
pub const FIVE: u8 = 5;

/// The mean score of a rule at each check-in date, oldest first.
pub fn trend(checkins: &[Checkin], rule: Id) -> Vec<(Option<NaiveDate>, f32, usize)> {
    let mut dates: Vec<Option<NaiveDate>> = checkins
        .iter()
        .filter(|c| c.rule == rule)
        .map(|c| c.date)
        .collect();
    dates.sort();
    dates.dedup();
    dates
        .into_iter()
        .map(|d| {
            let scores: Vec<u8> = checkins
                .iter()
                .filter(|c| c.rule == rule && c.date == d)
                .map(|c| c.score)
                .collect();
            let mean = scores.iter().map(|s| *s as f32).sum::<f32>() / scores.len().max(1) as f32;
            (d, mean, scores.len())
        })
        .collect()
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
    use crate::i18n::T;
    let lang = crate::i18n::Lang::from_english(english);
    let rules: [(T, RuleLevel); 6] = [
        (T::SeedRule1, RuleLevel::Board),
        (T::SeedRule2, RuleLevel::Board),
        (T::SeedRule3, RuleLevel::Management),
        (T::SeedRule4, RuleLevel::Practice),
        (T::SeedRule5, RuleLevel::Practice),
        (T::SeedRule6, RuleLevel::Management),
    ];
    rules
        .iter()
        .enumerate()
        .map(|(i, (key, level))| GroundRule {
            id: i as Id + 1,
            text: lang.tr(*key).to_string(),
            level: *level,
            owner: None,
            status: RuleStatus::Draft,
            situations: Vec::new(),
            starter: true,
        })
        .collect()
}

// How these records refer to others: checked on every edit.

impl Refs for Situation {}

impl Refs for GroundRule {
    fn refs(&self) -> Vec<Ref> {
        let mut out: Vec<Ref> = self
            .owner
            .map(|p| Ref::to("person", p))
            .into_iter()
            .collect();
        out.extend(self.situations.iter().map(|s| Ref::to("situation", *s)));
        out
    }
    /// A rule lets go of its owner and of a situation.
    fn without(&self, gone: Ref) -> Option<Self> {
        Some(GroundRule {
            owner: self.owner.filter(|p| Ref::to("person", *p) != gone),
            situations: self
                .situations
                .iter()
                .copied()
                .filter(|s| Ref::to("situation", *s) != gone)
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
                x.subject == Subject::GroundRule(r.id)
                    && x.status == super::consensus::RoundStatus::Adopted
            })
        {
            return Err(EditError::NotDecided);
        }
        Ok(())
    }
}

impl Refs for Checkin {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::to("ground rule", self.rule),
            Ref::to("party", self.party),
        ]
    }
    fn check_rules(_a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if c.after.as_ref().is_some_and(|x| x.score > FIVE) {
            return Err(EditError::OffTheScale);
        }
        Ok(())
    }
}
