//! Meetings ("overleggen") of the bodies of the alliance (seed 000): the
//! secretary plans and prepares them, links topics and priorities, and
//! writes reports that take each topic one step further than discussed.

use super::edit::{Change, Edit, EditError, Refs};
use super::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::alliance::Id;

/// A meeting of a body, or of the whole alliance (`body` is `None`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    pub id: Id,
    pub body: Option<Id>,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// Start and end time, "HH:MM".
    pub start: String,
    pub end: String,
    pub place: String,
    /// The day its minutes were approved ("notulen vastgesteld"), usually
    /// at the next meeting; from then on they do not change.
    pub minutes_approved: Option<NaiveDate>,
    /// The meeting at which they were approved.
    pub approved_at: Option<Id>,
}

/// What an agenda slot is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotLink {
    #[default]
    None,
    FocalPoint(Id),
    /// A consensus round: a proposal to decide.
    Round(Id),
    GroundRule(Id),
    StrategyMap,
    NetworkMap,
    /// The work plan: its progress, line by line.
    WorkPlan,
}

/// One item on a meeting's agenda, with its minutes and the next step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgendaSlot {
    pub id: Id,
    pub meeting: Id,
    pub position: i64,
    pub title: String,
    pub link: SlotLink,
    /// Background for the meeting pack.
    pub background: String,
    /// What was discussed ("verslag").
    pub minutes: String,
    /// The topic taken one step further than discussed, so the next
    /// meeting can start from consensus ("volgende stap").
    pub next_step: String,
}

/// Whether a person attended.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attendance {
    pub id: Id,
    pub meeting: Id,
    pub person: Id,
    pub present: bool,
}

/// An action: who does what by when. It carries over from meeting to
/// meeting until it is done.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    pub id: Id,
    /// The meeting where it was agreed.
    pub meeting: Id,
    pub slot: Option<Id>,
    pub who: Option<Id>,
    pub what: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
    /// The day it was reported done: the date of the meeting at which it
    /// was ticked off (else the program's clock).
    pub done_on: Option<NaiveDate>,
}

/// The actions still open at a meeting on `date`: agreed at or before it,
/// not done.
pub fn open_actions<'a>(
    actions: &'a [Action],
    meetings: &[Meeting],
    date: Option<NaiveDate>,
) -> Vec<&'a Action> {
    let agreed_on = |a: &Action| super::alliance::by_id(meetings, a.meeting).and_then(|m| m.date);
    let mut out: Vec<&Action> = actions
        .iter()
        .filter(|a| !a.done && open_at(agreed_on(a), date))
        .collect();
    out.sort_by_key(|a| (a.due.is_none(), a.due, a.id));
    out
}

/// Whether an open action agreed at a meeting on `agreed` is still open at
/// a meeting on `date`: agreed at or before it (or either date unknown).
pub fn open_at(agreed: Option<NaiveDate>, date: Option<NaiveDate>) -> bool {
    match (agreed, date) {
        (Some(agreed), Some(at)) => agreed <= at,
        _ => true,
    }
}

// How these records refer to others: checked on every edit.

impl Refs for Meeting {
    fn refs(&self) -> Vec<Ref> {
        let mut out: Vec<Ref> = self
            .body
            .map(Ref::of::<super::alliance::Body>)
            .into_iter()
            .collect();
        out.extend(self.approved_at.map(Ref::of::<Meeting>));
        out
    }
    /// Approved minutes are on the record: the meeting no longer changes.
    fn check_rules(_a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(b) = &c.before
            && b.minutes_approved.is_some()
            && c.after.as_ref() != Some(b)
        {
            return Err(EditError::MinutesApproved);
        }
        Ok(())
    }
}

/// Whether a meeting's minutes were approved.
fn approved(a: &Alliance, meeting: Id) -> bool {
    a.meeting(meeting)
        .is_some_and(|m| m.minutes_approved.is_some())
}

impl Alliance {
    /// Approve a meeting's minutes ("notulen vastgesteld") on `day`,
    /// usually at the next meeting (`at`). From then on they are on the
    /// record. `None` when they were approved already.
    pub fn approve_minutes(&self, meeting: Id, day: NaiveDate, at: Option<Id>) -> Option<Edit> {
        let m = self.meeting(meeting)?;
        if m.minutes_approved.is_some() {
            return None;
        }
        Some(self.update(Meeting {
            minutes_approved: Some(day),
            approved_at: at.filter(|x| *x != meeting),
            ..m.clone()
        }))
    }
}

impl Refs for AgendaSlot {
    fn refs(&self) -> Vec<Ref> {
        let mut out = vec![Ref::of::<Meeting>(self.meeting)];
        match self.link {
            SlotLink::FocalPoint(id) => out.push(Ref::of::<super::agenda::FocalPoint>(id)),
            SlotLink::Round(id) => out.push(Ref::of::<super::consensus::Round>(id)),
            SlotLink::GroundRule(id) => out.push(Ref::of::<super::rules::GroundRule>(id)),
            SlotLink::None | SlotLink::StrategyMap | SlotLink::NetworkMap | SlotLink::WorkPlan => {}
        }
        out
    }
    /// A slot goes with its meeting; it lets go of what it takes up.
    fn without(&self, gone: Ref) -> Option<Self> {
        (gone != Ref::of::<Meeting>(self.meeting)).then(|| AgendaSlot {
            link: SlotLink::None,
            ..self.clone()
        })
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if c.before != c.after
            && [&c.before, &c.after]
                .into_iter()
                .flatten()
                .any(|s| approved(a, s.meeting))
        {
            return Err(EditError::MinutesApproved);
        }
        Ok(())
    }
}

impl Refs for Attendance {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<Meeting>(self.meeting),
            Ref::of::<super::alliance::Person>(self.person),
        ]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after
            && a.attendance
                .iter()
                .any(|o| o.id != x.id && o.meeting == x.meeting && o.person == x.person)
        {
            return Err(EditError::DuplicateLink);
        }
        Ok(())
    }
}

impl Refs for Action {
    fn refs(&self) -> Vec<Ref> {
        let mut out = vec![Ref::of::<Meeting>(self.meeting)];
        out.extend(self.who.map(Ref::of::<super::alliance::Person>));
        out.extend(self.slot.map(Ref::of::<AgendaSlot>));
        out
    }
    /// An action goes with its meeting; it lets go of its holder and slot.
    fn without(&self, gone: Ref) -> Option<Self> {
        (gone != Ref::of::<Meeting>(self.meeting)).then(|| Action {
            who: self
                .who
                .filter(|p| Ref::of::<super::alliance::Person>(*p) != gone),
            slot: self.slot.filter(|s| Ref::of::<AgendaSlot>(*s) != gone),
            ..self.clone()
        })
    }
    /// An action of approved minutes changes only by being done (or not).
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        let same_but_done = match (&c.before, &c.after) {
            (Some(b), Some(n)) => {
                *n == Action {
                    done: n.done,
                    ..b.clone()
                }
            }
            (None, None) => true,
            _ => false,
        };
        if !same_but_done
            && [&c.before, &c.after]
                .into_iter()
                .flatten()
                .any(|x| approved(a, x.meeting))
        {
            return Err(EditError::MinutesApproved);
        }
        Ok(())
    }
}
