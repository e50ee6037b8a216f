//! The ground-rule check-in from the phones (seed 003: "hoe goed houden
//! onze spelregels zich?"): at a meeting the facilitator asks the room
//! how well a set of rules held, and every delegate scores each rule
//! fist-to-five on their own phone, through their party's card.
//!
//! A score is anonymous per person and counted per party: the file keeps
//! which party a score came from and an anonymous key per phone (so that
//! a delegate who changes their mind replaces their own scores), never a
//! name. The scores stay hidden until the facilitator shows them; the room
//! then sees how many gave each score and the mean, never who gave what.
//! Showing is a commitment: from then on the scores no longer change, and
//! they count in the rule's trend from that moment.

use serde::{Deserialize, Serialize};

use super::alliance::{Alliance, Id};
use super::edit::{Change, Edit, EditError, Ref, Refs};
use super::rules::{Checkin, FIVE, GroundRule};
use super::{IdMap, Meeting};

/// A check-in put to the phones at one meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckinRound {
    pub id: Id,
    /// The meeting it is held at: its scores are dated by that meeting.
    pub meeting: Id,
    /// The rules asked about, in the order the phones show them.
    pub rules: Vec<Id>,
    /// The distribution shown to the room. One-way.
    pub shown: bool,
}

impl Refs for CheckinRound {
    fn refs(&self) -> Vec<Ref> {
        let mut out = vec![Ref::of::<Meeting>(self.meeting)];
        out.extend(self.rules.iter().map(|r| Ref::of::<GroundRule>(*r)));
        out
    }
    /// A round lets go of a rule that is removed (its meeting it keeps).
    fn without(&self, gone: Ref) -> Option<Self> {
        if gone == Ref::of::<Meeting>(self.meeting) {
            return None;
        }
        Some(CheckinRound {
            rules: self
                .rules
                .iter()
                .copied()
                .filter(|r| Ref::of::<GroundRule>(*r) != gone)
                .collect(),
            ..self.clone()
        })
    }
    fn check_rules(_a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        // Once shown, what the room saw stays.
        if let Some(b) = &c.before
            && b.shown
            && c.after.as_ref() != Some(b)
        {
            return Err(EditError::Committed);
        }
        Ok(())
    }
}

/// The longest anonymous key of a phone, in characters (a SHA-256 in hex).
pub const PERSON_MAX: usize = 64;

/// Why a phone's check-in was not recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckinRefused {
    /// No such round, or not at this meeting.
    Closed,
    /// Already shown to the room.
    Shown,
    /// The party is not (or no longer) in the alliance.
    NotAVoter,
    /// A score off the scale, or a rule the round does not ask about.
    OffTheScale,
}

/// One rule's scores at a check-in: how many gave each score, never who.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleTally {
    pub rule: Id,
    /// How many people gave 0, 1, … 5.
    pub counts: [usize; FIVE as usize + 1],
    /// The mean, each party counting once (the mean of its people's).
    pub mean: Option<f32>,
}

/// What a check-in came to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckinResult {
    /// How many people answered, per party (only parties that did), in
    /// the register's order.
    pub respondents: Vec<(Id, usize)>,
    /// Per rule, in the round's order.
    pub rules: Vec<RuleTally>,
}

impl CheckinResult {
    /// Everyone who answered.
    pub fn people(&self) -> usize {
        self.respondents.iter().map(|(_, n)| n).sum()
    }
}

impl Alliance {
    pub fn checkin_round(&self, id: Id) -> Option<&CheckinRound> {
        super::alliance::by_id(&self.checkin_rounds, id)
    }

    /// The check-ins of a meeting, oldest first.
    pub fn checkin_rounds_of(&self, meeting: Id) -> impl Iterator<Item = &CheckinRound> {
        self.checkin_rounds
            .iter()
            .filter(move |r| r.meeting == meeting)
    }

    /// Whether a score counts (in trends, the pack and the room): one
    /// entered by the facilitator, or from phones once shown.
    pub fn counts(&self, c: &Checkin) -> bool {
        c.round
            .is_none_or(|r| self.checkin_round(r).is_some_and(|r| r.shown))
    }

    /// The scores that count (see [`Alliance::counts`]).
    pub fn counted_checkins(&self) -> impl Iterator<Item = &Checkin> {
        let shown: super::IdSet = self
            .checkin_rounds
            .iter()
            .filter(|r| r.shown)
            .map(|r| r.id)
            .collect();
        self.checkins
            .iter()
            .filter(move |c| c.round.is_none_or(|r| shown.contains(&r)))
    }

    /// Put a check-in on `rules` to the phones of `meeting`.
    pub fn open_checkin(&self, meeting: Id, rules: Vec<Id>) -> Edit {
        self.insert(CheckinRound {
            meeting,
            rules,
            ..Default::default()
        })
    }

    /// Show a check-in's distribution to the room (a commitment). `None`
    /// when there is no such round or it was shown.
    pub fn show_checkin(&self, round: Id) -> Option<Edit> {
        let r = self.checkin_round(round).filter(|r| !r.shown)?;
        Some(self.update(CheckinRound {
            shown: true,
            ..r.clone()
        }))
    }

    /// The edit that makes one phone's scores in a round what it sends:
    /// `person` is the phone's anonymous key; earlier scores from the same
    /// phone are replaced, a rule left out is taken back.
    pub fn phone_checkin(
        &self,
        round: Id,
        party: Id,
        person: &str,
        scores: &[(Id, u8)],
    ) -> Result<Edit, CheckinRefused> {
        let r = self.checkin_round(round).ok_or(CheckinRefused::Closed)?;
        if r.shown {
            return Err(CheckinRefused::Shown);
        }
        if self.party(party).is_none_or(|p| p.left.is_some()) {
            return Err(CheckinRefused::NotAVoter);
        }
        if person.is_empty() || person.chars().count() > PERSON_MAX {
            return Err(CheckinRefused::Closed);
        }
        if scores
            .iter()
            .any(|(rule, s)| *s > FIVE || !r.rules.contains(rule))
        {
            return Err(CheckinRefused::OffTheScale);
        }
        let date = self.meeting(r.meeting).and_then(|m| m.date);
        let mine: Vec<&Checkin> = self
            .checkins
            .iter()
            .filter(|c| c.round == Some(round) && c.party == party && c.person == person)
            .collect();
        let mut edits = Vec::new();
        let mut next = self.next_id::<Checkin>();
        for rule in &r.rules {
            let want = scores
                .iter()
                .rev()
                .find(|(x, _)| x == rule)
                .map(|(_, s)| *s);
            let have = mine.iter().find(|c| c.rule == *rule);
            match (have, want) {
                (Some(c), None) => edits.push(Alliance::delete(*c)),
                (Some(c), Some(s)) if c.score != s => edits.push(self.update(Checkin {
                    score: s,
                    ..(*c).clone()
                })),
                (Some(_), Some(_)) | (None, None) => {}
                (None, Some(s)) => {
                    edits.push(Edit::Checkin(Change {
                        before: None,
                        after: Some(Checkin {
                            id: next,
                            rule: *rule,
                            party,
                            date,
                            score: s,
                            round: Some(round),
                            person: person.to_string(),
                        }),
                    }));
                    next += 1;
                }
            }
        }
        Ok(Edit::Batch(edits))
    }

    /// One phone's scores in a round: (rule, score).
    pub fn phone_scores(&self, round: Id, party: Id, person: &str) -> Vec<(Id, u8)> {
        self.checkins
            .iter()
            .filter(|c| c.round == Some(round) && c.party == party && c.person == person)
            .map(|c| (c.rule, c.score))
            .collect()
    }

    /// What a check-in came to: whoever may see it (the facilitator, and
    /// the room once shown) sees counts, never who gave what.
    pub fn checkin_result(&self, round: Id) -> CheckinResult {
        let Some(r) = self.checkin_round(round) else {
            return CheckinResult::default();
        };
        let scores: Vec<&Checkin> = self
            .checkins
            .iter()
            .filter(|c| c.round == Some(round))
            .collect();
        let mut people: IdMap<std::collections::BTreeSet<&str>> = IdMap::default();
        for c in &scores {
            people.entry(c.party).or_default().insert(&c.person);
        }
        let respondents = self
            .parties
            .iter()
            .filter_map(|p| people.get(&p.id).map(|s| (p.id, s.len())))
            .collect();
        let rules = r
            .rules
            .iter()
            .map(|rule| {
                let mut counts = [0; FIVE as usize + 1];
                let mut by_party: IdMap<(u32, u32)> = IdMap::default();
                for c in scores.iter().filter(|c| c.rule == *rule) {
                    counts[c.score.min(FIVE) as usize] += 1;
                    let (sum, n) = by_party.entry(c.party).or_default();
                    *sum += c.score as u32;
                    *n += 1;
                }
                let means: Vec<f32> = by_party
                    .values()
                    .map(|(sum, n)| *sum as f32 / *n as f32)
                    .collect();
                RuleTally {
                    rule: *rule,
                    counts,
                    mean: (!means.is_empty())
                        .then(|| means.iter().sum::<f32>() / means.len() as f32),
                }
            })
            .collect();
        CheckinResult { respondents, rules }
    }
}
