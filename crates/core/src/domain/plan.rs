//! The work plan (seed 004): the focal points become the parts of a
//! prioritised work plan ("een geprioriteerde werkplanning"), planned
//! "zorgvuldig maar wel met monitoring en voortgang". Each line says what
//! will be done, who leads and who takes part, when, which mandate it
//! needs ("wat gaat terug naar de eigen organisatie") and where it
//! stands; the minutes of each meeting record its progress, so that the
//! next meeting pack can say what changed, what is overdue and what is
//! stuck. Every wish stays traceable to the party that handed it in, and
//! every party can see which part of its own interest is being solved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::alliance::Id;
use super::edit::{Change, Edit, EditError, Refs};
use super::*;

/// Where a line of the work plan stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Gepland.
    #[default]
    Planned,
    /// Loopt.
    Going,
    /// Klaar.
    Done,
    /// Loopt vast.
    Stuck,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 4] = [
        PlanStatus::Planned,
        PlanStatus::Going,
        PlanStatus::Done,
        PlanStatus::Stuck,
    ];
}

/// Whose consent a line needs before the work goes on (seed 004: "de
/// bestuurlijke groep [moet] mandaat geven voor verdere uitwerking").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mandate {
    /// No mandate needed.
    #[default]
    None,
    /// A body of the alliance (the steering group, the board table).
    Body(Id),
    /// A party's own organisation: it goes back to its board first.
    Party(Id),
}

/// A line of the work plan, under one focal point.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanLine {
    pub id: Id,
    /// The focal point (the part of the plan) it belongs to.
    pub focal_point: Id,
    pub position: i64,
    /// What will be done.
    pub what: String,
    /// The party that leads it, and its person.
    pub lead: Option<Id>,
    pub lead_person: Option<Id>,
    /// The other parties that take part.
    pub parties: Vec<Id>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub mandate: Mandate,
    /// The day the mandate was given; `None` while it is still needed.
    pub mandate_given: Option<NaiveDate>,
    pub status: PlanStatus,
    /// The wishes (agenda items) it takes up.
    pub items: Vec<Id>,
    /// The day it was added to the plan (by the program's clock); `None`
    /// for lines from before that was kept. A line is new in a meeting's
    /// pack only when it was added after the meeting before.
    pub added: Option<NaiveDate>,
}

/// The progress of one line as recorded in the minutes of one meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanProgress {
    pub id: Id,
    pub line: Id,
    pub meeting: Id,
    /// Where the line stood at that meeting.
    pub status: PlanStatus,
    /// What was reported ("voortgang").
    pub text: String,
}

/// Whether a line changed since the meeting before (held on `since_day`):
/// its status moved from what was reported there (`was`); or, not
/// reported there, it was added to the plan after that meeting. A line
/// that was there and not reported on is not new.
pub fn changed_since(
    line: &PlanLine,
    was: Option<PlanStatus>,
    status: PlanStatus,
    since_day: Option<NaiveDate>,
) -> bool {
    match was {
        Some(was) => was != status,
        None => matches!((line.added, since_day), (Some(added), Some(at)) if added > at),
    }
}

impl PlanLine {
    /// Whether its due date has passed on `day` while it is not done.
    pub fn is_overdue(&self, day: NaiveDate) -> bool {
        self.status != PlanStatus::Done && self.due.is_some_and(|d| d < day)
    }

    /// Whether its due date lies before its start (a plan being typed in
    /// may pass through this; the work plan says so, it is not refused).
    pub fn ends_before_start(&self) -> bool {
        matches!((self.start, self.due), (Some(s), Some(d)) if d < s)
    }

    /// Whether it still waits for its mandate.
    pub fn needs_mandate(&self) -> bool {
        self.mandate != Mandate::None && self.mandate_given.is_none()
    }

    /// Every party that works on it: the lead first, then the others.
    pub fn working_parties(&self) -> Vec<Id> {
        let mut out: Vec<Id> = self.lead.into_iter().collect();
        out.extend(
            self.parties
                .iter()
                .copied()
                .filter(|p| Some(*p) != self.lead),
        );
        out
    }
}

/// A line's status at a meeting, and what changed since the meeting
/// before, for the pack of that meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct LineAt {
    pub line: Id,
    /// Its status at the meeting: as recorded there, else as it is now.
    pub status: PlanStatus,
    /// Its status at the previous meeting with progress, if recorded there.
    pub before: Option<PlanStatus>,
    /// Whether it changed since then (or is new since then).
    pub changed: bool,
    pub overdue: bool,
}

/// Where the work plan stands at a meeting: every line, and the previous
/// meeting its changes are measured from.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PlanAt {
    /// The latest earlier meeting at which progress was recorded.
    pub since: Option<Id>,
    /// In the plan's order (focal points in order, then position).
    pub lines: Vec<LineAt>,
}

impl PlanAt {
    pub fn changed(&self) -> impl Iterator<Item = &LineAt> {
        self.lines.iter().filter(|l| l.changed)
    }
    pub fn overdue(&self) -> impl Iterator<Item = &LineAt> {
        self.lines.iter().filter(|l| l.overdue)
    }
    pub fn stuck(&self) -> impl Iterator<Item = &LineAt> {
        self.lines.iter().filter(|l| l.status == PlanStatus::Stuck)
    }
}

/// What one party sees of the work plan: its own wishes and where each
/// went, what it takes on (for others too), and what goes back to its own
/// organisation.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PartyShare {
    /// Its wishes, each with its focal point and the lines taking it up.
    pub wishes: Vec<(Id, Option<Id>, Vec<Id>)>,
    /// The lines it leads or takes part in, each with the other parties
    /// whose wishes they take up.
    pub takes_on: Vec<(Id, Vec<Id>)>,
    /// The lines whose mandate its own organisation still has to give.
    pub mandates: Vec<Id>,
}

impl Alliance {
    pub fn plan_line(&self, id: Id) -> Option<&PlanLine> {
        super::alliance::by_id(&self.plan_lines, id)
    }

    /// The lines of the work plan in order: by focal point (as the room
    /// prioritised them), then by position.
    pub fn plan_in_order(&self) -> Vec<&PlanLine> {
        let order: IdMap<usize> = self
            .focal_points_by_priority()
            .iter()
            .enumerate()
            .map(|(i, (f, _))| (f.id, i))
            .collect();
        let mut lines: Vec<&PlanLine> = self.plan_lines.iter().collect();
        lines.sort_by_key(|l| {
            (
                order.get(&l.focal_point).copied().unwrap_or(usize::MAX),
                l.position,
                l.id,
            )
        });
        lines
    }

    /// Each line's number as every screen and document shows it: its place
    /// in its focal point's part of the plan, from 1 ("Wonen, regel 2").
    pub fn plan_numbers(&self) -> IdMap<usize> {
        let mut out = IdMap::default();
        let mut part = None;
        let mut n = 0;
        for l in self.plan_in_order() {
            if part != Some(l.focal_point) {
                part = Some(l.focal_point);
                n = 0;
            }
            n += 1;
            out.insert(l.id, n);
        }
        out
    }

    /// The focal points as the room prioritised them: most dots (or the
    /// highest mean score) of the newest revealed priority round first,
    /// then in the board's order; with what each got, when revealed. The
    /// order of the work plan ("een geprioriteerde werkplanning").
    pub fn focal_points_by_priority(&self) -> Vec<(&super::FocalPoint, Option<f32>)> {
        let revealed = self
            .priority_rounds
            .iter()
            .filter(|r| r.revealed)
            .max_by_key(|r| r.id);
        let tally = revealed
            .and_then(|r| super::agenda::tally(r, &self.focal_points, &self.priority_marks))
            .unwrap_or_default();
        let mut out: Vec<(&super::FocalPoint, Option<f32>)> = self
            .focal_points_in_order()
            .into_iter()
            .map(|f| {
                let got = tally
                    .iter()
                    .find(|t| t.focal_point == f.id)
                    .map(|t| t.total);
                (f, got)
            })
            .collect();
        // A stable sort: equal priorities keep the board's order.
        out.sort_by(|a, b| b.1.unwrap_or(-1.0).total_cmp(&a.1.unwrap_or(-1.0)));
        out
    }

    /// The lines under one focal point, in order.
    pub fn plan_of(&self, focal_point: Id) -> Vec<&PlanLine> {
        let mut lines: Vec<&PlanLine> = self
            .plan_lines
            .iter()
            .filter(|l| l.focal_point == focal_point)
            .collect();
        lines.sort_by_key(|l| (l.position, l.id));
        lines
    }

    /// The progress recorded for a line at a meeting.
    pub fn progress(&self, line: Id, meeting: Id) -> Option<&PlanProgress> {
        self.plan_progress
            .iter()
            .find(|p| p.line == line && p.meeting == meeting)
    }

    /// The latest meeting before `meeting` (by date, then id) at which
    /// progress on the work plan was recorded.
    pub fn previous_progress_meeting(&self, meeting: Id) -> Option<Id> {
        let at = self.meeting(meeting)?;
        let key = |m: &super::Meeting| (m.date.is_none(), m.date, m.id);
        let recorded: IdSet = self.plan_progress.iter().map(|p| p.meeting).collect();
        self.meetings
            .iter()
            .filter(|m| m.id != meeting && recorded.contains(&m.id) && key(m) < key(at))
            .max_by_key(|m| key(m))
            .map(|m| m.id)
    }

    /// Where the work plan stands at a meeting: each line's status there
    /// (as recorded in its minutes, else as it is now), what changed since
    /// the previous meeting with progress, and what is overdue on the
    /// meeting's day (`today` when it has no date).
    pub fn plan_at(&self, meeting: Id, today: NaiveDate) -> PlanAt {
        let since = self.previous_progress_meeting(meeting);
        let since_day = since.and_then(|m| self.meeting(m)).and_then(|m| m.date);
        let day = self.meeting(meeting).and_then(|m| m.date).unwrap_or(today);
        let mut here: IdMap<PlanStatus> = IdMap::default();
        let mut before: IdMap<PlanStatus> = IdMap::default();
        for p in &self.plan_progress {
            if p.meeting == meeting {
                here.insert(p.line, p.status);
            } else if Some(p.meeting) == since {
                before.insert(p.line, p.status);
            }
        }
        let lines = self
            .plan_in_order()
            .into_iter()
            .map(|l| {
                let status = here.get(&l.id).copied().unwrap_or(l.status);
                let was = before.get(&l.id).copied();
                LineAt {
                    line: l.id,
                    status,
                    before: was,
                    changed: since.is_some() && changed_since(l, was, status, since_day),
                    overdue: PlanLine {
                        status,
                        ..l.clone()
                    }
                    .is_overdue(day),
                }
            })
            .collect();
        PlanAt { since, lines }
    }

    /// What a party sees of the work plan (see [`PartyShare`]).
    pub fn party_share(&self, party: Id) -> PartyShare {
        let lines = self.plan_in_order();
        let wishes = self
            .agenda_items
            .iter()
            .filter(|i| i.party == party)
            .map(|i| {
                let taken_up = lines
                    .iter()
                    .filter(|l| l.items.contains(&i.id))
                    .map(|l| l.id)
                    .collect();
                (
                    i.id,
                    i.focal_point.filter(|f| self.focal_point(*f).is_some()),
                    taken_up,
                )
            })
            .collect();
        let takes_on = lines
            .iter()
            .filter(|l| l.working_parties().contains(&party))
            .map(|l| {
                let mut others: Vec<Id> = l
                    .items
                    .iter()
                    .filter_map(|i| self.agenda_item(*i))
                    .map(|i| i.party)
                    .filter(|p| *p != party)
                    .collect();
                others.sort_unstable();
                others.dedup();
                (l.id, others)
            })
            .collect();
        let mandates = lines
            .iter()
            .filter(|l| l.mandate == Mandate::Party(party) && l.mandate_given.is_none())
            .map(|l| l.id)
            .collect();
        PartyShare {
            wishes,
            takes_on,
            mandates,
        }
    }

    /// Record a line's progress at a meeting: its status there and what
    /// was reported. The line takes that status too, unless progress was
    /// already recorded at a later meeting. One undo step.
    pub fn record_progress(
        &self,
        line: Id,
        meeting: Id,
        status: PlanStatus,
        text: &str,
    ) -> Option<Edit> {
        let l = self.plan_line(line)?;
        let m = self.meeting(meeting)?;
        let mut edits = vec![match self.progress(line, meeting) {
            Some(p) => self.update(PlanProgress {
                status,
                text: text.to_string(),
                ..p.clone()
            }),
            None => self.insert(PlanProgress {
                id: 0,
                line,
                meeting,
                status,
                text: text.to_string(),
            }),
        }];
        let key = |m: &super::Meeting| (m.date.is_none(), m.date, m.id);
        let later = self.plan_progress.iter().any(|p| {
            p.line == line
                && p.meeting != meeting
                && self.meeting(p.meeting).is_some_and(|o| key(o) > key(m))
        });
        if !later && l.status != status {
            edits.push(self.update(PlanLine {
                status,
                ..l.clone()
            }));
        }
        // A note typed key by key is one record updated: one undo step.
        Some(if edits.len() == 1 {
            edits.remove(0)
        } else {
            Edit::Batch(edits)
        })
    }

    /// A new line under a focal point, at its end, taking up `items`,
    /// added on `day`.
    pub fn add_plan_line(
        &self,
        focal_point: Id,
        what: String,
        items: Vec<Id>,
        day: NaiveDate,
    ) -> Edit {
        let position = self
            .plan_lines
            .iter()
            .filter(|l| l.focal_point == focal_point)
            .map(|l| l.position)
            .max()
            .unwrap_or(0)
            + 1;
        self.insert(PlanLine {
            focal_point,
            position,
            what,
            items,
            added: Some(day),
            ..PlanLine::default()
        })
    }
}

// How these records refer to others: checked on every edit.

impl Refs for PlanLine {
    fn refs(&self) -> Vec<Ref> {
        let mut out = vec![Ref::of::<super::agenda::FocalPoint>(self.focal_point)];
        out.extend(self.lead.map(Ref::of::<super::alliance::Party>));
        out.extend(self.lead_person.map(Ref::of::<super::alliance::Person>));
        out.extend(
            self.parties
                .iter()
                .map(|p| Ref::of::<super::alliance::Party>(*p)),
        );
        match self.mandate {
            Mandate::None => {}
            Mandate::Body(b) => out.push(Ref::of::<super::alliance::Body>(b)),
            Mandate::Party(p) => out.push(Ref::of::<super::alliance::Party>(p)),
        }
        out.extend(
            self.items
                .iter()
                .map(|i| Ref::of::<super::agenda::AgendaItem>(*i)),
        );
        out
    }
    /// A line goes with its focal point; it lets go of a party, a person,
    /// a body or a wish.
    fn without(&self, gone: Ref) -> Option<Self> {
        if gone == Ref::of::<super::agenda::FocalPoint>(self.focal_point) {
            return None;
        }
        let keep = |r: Ref| r != gone;
        Some(PlanLine {
            lead: self
                .lead
                .filter(|p| keep(Ref::of::<super::alliance::Party>(*p))),
            lead_person: self
                .lead_person
                .filter(|p| keep(Ref::of::<super::alliance::Person>(*p))),
            parties: self
                .parties
                .iter()
                .copied()
                .filter(|p| keep(Ref::of::<super::alliance::Party>(*p)))
                .collect(),
            mandate: match self.mandate {
                Mandate::Body(b) if !keep(Ref::of::<super::alliance::Body>(b)) => Mandate::None,
                Mandate::Party(p) if !keep(Ref::of::<super::alliance::Party>(p)) => Mandate::None,
                m => m,
            },
            items: self
                .items
                .iter()
                .copied()
                .filter(|i| keep(Ref::of::<super::agenda::AgendaItem>(*i)))
                .collect(),
            ..self.clone()
        })
    }
}

impl Refs for PlanProgress {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<PlanLine>(self.line),
            Ref::of::<super::meeting::Meeting>(self.meeting),
        ]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after
            && a.plan_progress
                .iter()
                .any(|o| o.id != x.id && o.line == x.line && o.meeting == x.meeting)
        {
            return Err(EditError::DuplicateLink);
        }
        Ok(())
    }
}
