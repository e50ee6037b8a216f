//! The agenda funnel (seeds 002 and 004): parties hand in their wish lists,
//! the items are clustered into a few focal points ("zwaartepunten":
//! Hengelo went from ten tasks to three), and the focal points are
//! prioritised, with dots or a score, cast hidden and revealed together.

use std::collections::BTreeMap;

use super::edit::{Change, EditError, Refs};
use super::*;
use serde::{Deserialize, Serialize};

use super::alliance::Id;

/// An item of a party's wish list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgendaItem {
    pub id: Id,
    /// The party that raised it; the item stays traceable to it.
    pub party: Id,
    pub title: String,
    /// The problem as the party sees it ("probleemdefinitie").
    pub problem: String,
    /// The parties it needs to solve it.
    pub depends_on: Vec<Id>,
    /// The focal point it is clustered into, if any.
    pub focal_point: Option<Id>,
}

/// A focal point ("zwaartepunt"): a cluster of agenda items.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FocalPoint {
    pub id: Id,
    pub position: i64,
    pub name: String,
    pub description: String,
}

/// How a priority round is cast.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriorityMethod {
    /// Every party spreads the same number of dots over the focal points.
    #[default]
    Dots,
    /// Every party scores every focal point from 1 to 5.
    Score,
}

/// A round of prioritising the focal points.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PriorityRound {
    pub id: Id,
    pub title: String,
    pub method: PriorityMethod,
    /// Dots every party gets (the same for every party).
    pub dots_per_party: u8,
    /// Cast marks stay hidden until the round is revealed.
    pub revealed: bool,
    /// Parties recorded as absent, so the round can be revealed without
    /// their marks (an explicit choice of the facilitator).
    pub absent: Vec<Id>,
}

/// One party's dots (or score) for one focal point in one round.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PriorityMark {
    pub id: Id,
    pub round: Id,
    pub party: Id,
    pub focal_point: Id,
    /// Dots given, or the score (1 to 5).
    pub value: u8,
}

/// The highest score in a score round.
pub const MAX_SCORE: u8 = 5;

/// The result of a priority round for one focal point.
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityResult {
    pub focal_point: Id,
    /// Total dots, or the mean score.
    pub total: f32,
    /// How many parties gave it anything.
    pub parties: usize,
}

/// Why a party's marks are not valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkProblem {
    /// More dots than every party gets.
    TooManyDots { party: Id, used: u32, allowed: u8 },
    /// A score outside 1 to 5.
    ScoreOutOfRange {
        party: Id,
        focal_point: Id,
        score: u8,
    },
}

/// Dots a party has used in a round.
pub fn dots_used(marks: &[PriorityMark], round: Id, party: Id) -> u32 {
    marks
        .iter()
        .filter(|m| m.round == round && m.party == party)
        .map(|m| m.value as u32)
        .sum()
}

/// Check the marks of a round: no party above its dots, scores in range.
pub fn check_marks(round: &PriorityRound, marks: &[PriorityMark]) -> Vec<MarkProblem> {
    let mut out = Vec::new();
    let mut parties: Vec<Id> = marks
        .iter()
        .filter(|m| m.round == round.id)
        .map(|m| m.party)
        .collect();
    parties.sort_unstable();
    parties.dedup();
    for party in parties {
        match round.method {
            PriorityMethod::Dots => {
                let used = dots_used(marks, round.id, party);
                if used > round.dots_per_party as u32 {
                    out.push(MarkProblem::TooManyDots {
                        party,
                        used,
                        allowed: round.dots_per_party,
                    });
                }
            }
            PriorityMethod::Score => {
                for m in marks
                    .iter()
                    .filter(|m| m.round == round.id && m.party == party)
                {
                    if !(1..=MAX_SCORE).contains(&m.value) {
                        out.push(MarkProblem::ScoreOutOfRange {
                            party,
                            focal_point: m.focal_point,
                            score: m.value,
                        });
                    }
                }
            }
        }
    }
    out
}

/// The tally of a round, highest first: total dots, or mean score over the
/// parties that scored. `None` while the round is not revealed, so that
/// early marks cannot sway later ones.
pub fn tally(
    round: &PriorityRound,
    focal_points: &[FocalPoint],
    marks: &[PriorityMark],
) -> Option<Vec<PriorityResult>> {
    if !round.revealed {
        return None;
    }
    let mut sums: BTreeMap<Id, (u32, usize)> =
        focal_points.iter().map(|f| (f.id, (0, 0))).collect();
    for m in marks.iter().filter(|m| m.round == round.id && m.value > 0) {
        if let Some(entry) = sums.get_mut(&m.focal_point) {
            entry.0 += m.value as u32;
            entry.1 += 1;
        }
    }
    let mut out: Vec<PriorityResult> = sums
        .into_iter()
        .map(|(focal_point, (sum, parties))| PriorityResult {
            focal_point,
            total: match round.method {
                PriorityMethod::Dots => sum as f32,
                PriorityMethod::Score if parties > 0 => sum as f32 / parties as f32,
                PriorityMethod::Score => 0.0,
            },
            parties,
        })
        .collect();
    out.sort_by(|a, b| {
        b.total
            .total_cmp(&a.total)
            .then(a.focal_point.cmp(&b.focal_point))
    });
    Some(out)
}

/// The parties whose items a focal point holds (whose interests it
/// serves), and the parties those items depend on.
pub fn serves_and_depends(items: &[AgendaItem], focal_point: Id) -> (Vec<Id>, Vec<Id>) {
    let mut serves: Vec<Id> = Vec::new();
    let mut depends: Vec<Id> = Vec::new();
    for item in items.iter().filter(|i| i.focal_point == Some(focal_point)) {
        if !serves.contains(&item.party) {
            serves.push(item.party);
        }
        for d in &item.depends_on {
            if !depends.contains(d) {
                depends.push(*d);
            }
        }
    }
    serves.sort_unstable();
    depends.sort_unstable();
    (serves, depends)
}

// How these records refer to others: checked on every edit.

impl Refs for AgendaItem {
    fn refs(&self) -> Vec<Ref> {
        let mut out = vec![Ref::of::<super::alliance::Party>(self.party)];
        out.extend(
            self.depends_on
                .iter()
                .map(|p| Ref::of::<super::alliance::Party>(*p)),
        );
        out.extend(self.focal_point.map(Ref::of::<FocalPoint>));
        out
    }
    /// A wish goes with the party that raised it; it lets go of a party it
    /// depends on and of its focal point.
    fn without(&self, gone: Ref) -> Option<Self> {
        if gone == Ref::of::<super::alliance::Party>(self.party) {
            return None;
        }
        Some(AgendaItem {
            depends_on: self
                .depends_on
                .iter()
                .copied()
                .filter(|p| Ref::of::<super::alliance::Party>(*p) != gone)
                .collect(),
            focal_point: self
                .focal_point
                .filter(|f| Ref::of::<FocalPoint>(*f) != gone),
            ..self.clone()
        })
    }
}

impl Refs for FocalPoint {}

impl Refs for PriorityRound {
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        // Once shown, the dots are on the record.
        if let Some(b) = &c.before
            && b.revealed
            && c.after.as_ref() != Some(b)
        {
            return Err(EditError::Committed);
        }
        // Revealed only once every party has cast or was recorded absent.
        if let (Some(b), Some(r)) = (&c.before, &c.after)
            && r.revealed
            && !b.revealed
            && !a.priority_missing(r).is_empty()
        {
            return Err(EditError::NotAllCast);
        }
        Ok(())
    }
}

impl Refs for PriorityMark {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<PriorityRound>(self.round),
            Ref::of::<super::alliance::Party>(self.party),
            Ref::of::<FocalPoint>(self.focal_point),
        ]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        // Once shown, a mark changes no more (it comes and goes only with
        // its party: see `Alliance::applied`).
        if c.after.is_some()
            && c.before.is_some()
            && c.before != c.after
            && [&c.before, &c.after]
                .into_iter()
                .flatten()
                .any(|m| a.priority_round(m.round).is_some_and(|r| r.revealed))
        {
            return Err(EditError::Committed);
        }
        let Some(m) = &c.after else { return Ok(()) };
        let Some(round) = a.priority_round(m.round) else {
            return Ok(());
        };
        match round.method {
            PriorityMethod::Dots => {
                let others: u32 = a
                    .priority_marks
                    .iter()
                    .filter(|o| o.id != m.id && o.round == m.round && o.party == m.party)
                    .map(|o| o.value as u32)
                    .sum();
                if others + m.value as u32 > round.dots_per_party as u32 {
                    return Err(EditError::TooManyDots {
                        allowed: round.dots_per_party,
                    });
                }
            }
            PriorityMethod::Score => {
                if m.value > MAX_SCORE {
                    return Err(EditError::OffTheScale);
                }
            }
        }
        Ok(())
    }
}
