//! Every change a user can make to an alliance, and its inverse. An edit is
//! applied to memory and written to the store in the same step; undo applies
//! the inverse edit.

use serde::{Deserialize, Serialize};

use super::agenda::{
    AgendaItem, FocalPoint, MAX_SCORE, PriorityMark, PriorityMethod, PriorityRound,
};
use super::alliance::{Alliance, AllianceInfo, Body, Id, Membership, Party, Person};
use super::consensus::{Round, Subject, Vote};
use super::covenant::{Clause, CovenantVersion, Signature};
use super::intake::{Answer, ComfortFrom, ComfortNeed, Interview, Question, SCORE_RANGE};
use super::meeting::{Action, AgendaSlot, Attendance, Meeting, SlotLink};
use super::rules::{Checkin, FIVE, GroundRule, Situation};
use super::strategy::{Actor, Lane, MAX_STRENGTH, MapLink, MapNode, Placement, Relation};

/// A change of one entity: insert (`before` is `None`), update (both set) or
/// delete (`after` is `None`). The inverse swaps the two.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change<T> {
    pub before: Option<T>,
    pub after: Option<T>,
}

impl<T: Clone> Change<T> {
    pub fn inverse(&self) -> Change<T> {
        Change {
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
}

/// Every kind of record, declared once: its `Edit` variant, its type, the
/// alliance's list of it, and its `KIND` name. The edit enum, the generic
/// change machinery (`Entity`), and the per-kind walks of the store and of
/// [`Edit::visit`] all come from this list; adding a kind of record adds a
/// line here, its type and `Refs` in its own domain file, its schema
/// migration and its table in `store/rows.rs`.
macro_rules! entities {
    ($($variant:ident: $t:ty => $list:ident, $kind:literal;)*) => {
        /// One user action. `Batch` groups edits that belong together (a
        /// party removed with its people), undone and redone as one.
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case", tag = "kind", content = "change")]
        pub enum Edit {
            Info {
                before: Box<AllianceInfo>,
                after: Box<AllianceInfo>,
            },
            $($variant(Change<$t>),)*
            Batch(Vec<Edit>),
        }

        $(impl Entity for $t {
            const KIND: &'static str = $kind;
            fn id(&self) -> Id {
                self.id
            }
            fn set_id(&mut self, id: Id) {
                self.id = id;
            }
            fn all(a: &Alliance) -> &Vec<Self> {
                &a.$list
            }
            fn all_mut(a: &mut Alliance) -> &mut Vec<Self> {
                &mut a.$list
            }
            fn wrap(change: Change<Self>) -> Edit {
                Edit::$variant(change)
            }
            fn unwrap(edit: &Edit) -> Option<&Change<Self>> {
                match edit {
                    Edit::$variant(c) => Some(c),
                    _ => None,
                }
            }
        })*

        impl Edit {
            /// Hand the change of one record to `v`, whatever its kind.
            /// `None` for the alliance's own details and for a batch.
            pub fn visit<V: Visitor>(&self, v: &mut V) -> Option<V::Out> {
                match self {
                    $(Edit::$variant(c) => Some(v.change(c)),)*
                    Edit::Info { .. } | Edit::Batch(_) => None,
                }
            }
        }

        /// Call `v` once for every kind of record.
        pub fn for_each_kind<V: KindVisitor>(v: &mut V) -> Result<(), V::Error> {
            $(v.kind::<$t>()?;)*
            Ok(())
        }
    };
}

entities! {
    Party: Party => parties, "party";
    Person: Person => people, "person";
    Body: Body => bodies, "body";
    Membership: Membership => memberships, "seat";
    Question: Question => questions, "question";
    Interview: Interview => interviews, "interview";
    Answer: Answer => answers, "answer";
    Comfort: ComfortNeed => comfort_needs, "comfort need";
    Lane: Lane => lanes, "lane";
    MapNode: MapNode => map_nodes, "map node";
    MapLink: MapLink => map_links, "arrow";
    Relation: Relation => relations, "relation";
    Placement: Placement => placements, "placement";
    AgendaItem: AgendaItem => agenda_items, "agenda item";
    FocalPoint: FocalPoint => focal_points, "focal point";
    PriorityRound: PriorityRound => priority_rounds, "priority round";
    PriorityMark: PriorityMark => priority_marks, "priority mark";
    Situation: Situation => situations, "situation";
    GroundRule: GroundRule => ground_rules, "ground rule";
    Checkin: Checkin => checkins, "check-in";
    Round: Round => rounds, "consensus round";
    Vote: Vote => votes, "vote";
    Meeting: Meeting => meetings, "meeting";
    AgendaSlot: AgendaSlot => agenda_slots, "agenda slot";
    Attendance: Attendance => attendance, "attendance";
    Action: Action => actions, "action";
    CovenantVersion: CovenantVersion => covenant_versions, "covenant version";
    Clause: Clause => clauses, "clause";
    Signature: Signature => signatures, "signature";
}

/// Work on the change of one record, generic over its kind.
pub trait Visitor {
    type Out;
    fn change<T: Entity>(&mut self, c: &Change<T>) -> Self::Out;
}

/// Work on one kind of record (see [`for_each_kind`]).
pub trait KindVisitor {
    type Error;
    fn kind<T: Entity>(&mut self) -> Result<(), Self::Error>;
}

/// Whether a step added, changed or removed its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepAction {
    Added,
    Changed,
    Removed,
}

/// An edit in a few words (see [`Edit::summary`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub kind: String,
    pub action: StepAction,
    pub label: String,
}

/// Why an edit could not be applied. Nothing is changed when this happens.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the {0} was changed elsewhere in the meantime; reload and try again")]
    Conflict(&'static str),
    #[error("the {kind} with id {id} does not exist")]
    Missing { kind: &'static str, id: Id },
    #[error("a {kind} with id {id} already exists")]
    Duplicate { kind: &'static str, id: Id },
    #[error("the {kind} with id {id} is still in use by {by}")]
    InUse {
        kind: &'static str,
        id: Id,
        by: &'static str,
    },
    #[error("this person already has a seat in that body")]
    DuplicateSeat,
    #[error("this interview already answers that question")]
    DuplicateAnswer,
    #[error("a score runs from 1 to 10")]
    ScoreOutOfRange,
    #[error("a party cannot need comfort from itself")]
    ComfortFromItself,
    #[error("an arrow or relation needs two different ends")]
    SelfLink,
    #[error("that arrow or relation is already there")]
    DuplicateLink,
    #[error("a relation's strength runs from 1 to 3")]
    StrengthOutOfRange,
    #[error("that party has no dots left in this round ({allowed} each)")]
    TooManyDots { allowed: u8 },
    #[error("that value is not on the scale")]
    OffTheScale,
    #[error("a veto or objection needs a reason")]
    ReasonRequired,
    #[error("this round is closed; its stances no longer change")]
    RoundClosed,
    #[error("only a party the round counts as a voter can cast a stance")]
    NotAVoter,
    #[error("this covenant version was adopted and is frozen; draft a new version to change it")]
    Frozen,
    #[error("stances are shown only once every voting party has cast one or was recorded absent")]
    NotAllCast,
    #[error("a revealed stance is frozen; correct it with a reason")]
    StanceFrozen,
}

/// What the generic change machinery needs to know of an entity. Derived
/// for every kind by `entities!`.
pub trait Entity:
    Refs + Clone + PartialEq + Sized + Serialize + serde::de::DeserializeOwned
{
    const KIND: &'static str;
    fn id(&self) -> Id;
    fn set_id(&mut self, id: Id);
    fn all(alliance: &Alliance) -> &Vec<Self>;
    fn all_mut(alliance: &mut Alliance) -> &mut Vec<Self>;
    fn wrap(change: Change<Self>) -> Edit;
    fn unwrap(edit: &Edit) -> Option<&Change<Self>>;
}

/// How a kind of record refers to others: each kind says it once, next to
/// its other rules.
pub trait Refs: Sized {
    /// Check references from `after` to other entities, and that `before`
    /// is no longer referenced when it is deleted.
    fn check_refs(_alliance: &Alliance, _change: &Change<Self>) -> Result<(), EditError> {
        Ok(())
    }
}

impl Refs for Party {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(before), None) = (&c.before, &c.after) {
            let id = before.id;
            let by = if a.people.iter().any(|p| p.party == Some(id)) {
                Some("people")
            } else if a.interviews.iter().any(|i| i.party == id) {
                Some("interviews")
            } else if a
                .comfort_needs
                .iter()
                .any(|n| n.party == id || n.from_whom == ComfortFrom::Party(id))
            {
                Some("comfort needs")
            } else if a
                .agenda_items
                .iter()
                .any(|i| i.party == id || i.depends_on.contains(&id))
                || a.priority_marks.iter().any(|m| m.party == id)
            {
                Some("the agenda")
            } else if a.checkins.iter().any(|c| c.party == id)
                || a.votes.iter().any(|v| v.party == id)
            {
                Some("check-ins and votes")
            } else if a.signatures.iter().any(|s| s.party == id) {
                Some("the covenant")
            } else if a.map_nodes.iter().any(|n| n.owners.contains(&id)) {
                Some("the strategy map")
            } else if a
                .relations
                .iter()
                .any(|r| r.from == Actor::Party(id) || r.to == Actor::Party(id))
                || a.placements.iter().any(|p| p.actor == Actor::Party(id))
            {
                Some("the network map")
            } else {
                None
            };
            if let Some(by) = by {
                return Err(EditError::InUse {
                    kind: Self::KIND,
                    id,
                    by,
                });
            }
        }
        Ok(())
    }
}

impl Refs for Person {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(party) = c.after.as_ref().and_then(|p| p.party)
            && a.party(party).is_none()
        {
            return Err(EditError::Missing {
                kind: "party",
                id: party,
            });
        }
        if let (Some(before), None) = (&c.before, &c.after) {
            let id = before.id;
            in_use(
                Self::KIND,
                id,
                a.memberships.iter().any(|m| m.person == id),
                "seats in bodies",
            )?;
            in_use(
                Self::KIND,
                id,
                a.attendance.iter().any(|x| x.person == id),
                "attendance",
            )?;
            in_use(
                Self::KIND,
                id,
                a.actions.iter().any(|x| x.who == Some(id)),
                "actions",
            )?;
            in_use(
                Self::KIND,
                id,
                a.ground_rules.iter().any(|r| r.owner == Some(id)),
                "ground rules",
            )?;
        }
        Ok(())
    }
}

impl Refs for Body {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(before), None) = (&c.before, &c.after) {
            let id = before.id;
            in_use(
                Self::KIND,
                id,
                a.memberships.iter().any(|m| m.body == id),
                "seats",
            )?;
            in_use(
                Self::KIND,
                id,
                a.meetings.iter().any(|m| m.body == Some(id)),
                "meetings",
            )?;
        }
        Ok(())
    }
}

impl Refs for Membership {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(m) = &c.after {
            if a.body(m.body).is_none() {
                return Err(EditError::Missing {
                    kind: "body",
                    id: m.body,
                });
            }
            if a.person(m.person).is_none() {
                return Err(EditError::Missing {
                    kind: "person",
                    id: m.person,
                });
            }
            if a.memberships
                .iter()
                .any(|o| o.id != m.id && o.body == m.body && o.person == m.person)
            {
                return Err(EditError::DuplicateSeat);
            }
        }
        Ok(())
    }
}

impl Refs for Question {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(before), None) = (&c.before, &c.after)
            && a.answers.iter().any(|x| x.question == before.id)
        {
            return Err(EditError::InUse {
                kind: Self::KIND,
                id: before.id,
                by: "answers",
            });
        }
        Ok(())
    }
}

impl Refs for Interview {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(iv) = &c.after
            && a.party(iv.party).is_none()
        {
            return Err(EditError::Missing {
                kind: "party",
                id: iv.party,
            });
        }
        if let (Some(before), None) = (&c.before, &c.after)
            && a.answers.iter().any(|x| x.interview == before.id)
        {
            return Err(EditError::InUse {
                kind: Self::KIND,
                id: before.id,
                by: "answers",
            });
        }
        Ok(())
    }
}

impl Refs for Answer {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after {
            if a.interview(x.interview).is_none() {
                return Err(EditError::Missing {
                    kind: "interview",
                    id: x.interview,
                });
            }
            if a.question(x.question).is_none() {
                return Err(EditError::Missing {
                    kind: "question",
                    id: x.question,
                });
            }
            if x.score.is_some_and(|s| !SCORE_RANGE.contains(&s)) {
                return Err(EditError::ScoreOutOfRange);
            }
            if a.answers
                .iter()
                .any(|o| o.id != x.id && o.interview == x.interview && o.question == x.question)
            {
                return Err(EditError::DuplicateAnswer);
            }
        }
        Ok(())
    }
}

impl Refs for ComfortNeed {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(n) = &c.after {
            if a.party(n.party).is_none() {
                return Err(EditError::Missing {
                    kind: "party",
                    id: n.party,
                });
            }
            if let ComfortFrom::Party(from) = n.from_whom {
                if from == n.party {
                    return Err(EditError::ComfortFromItself);
                }
                if a.party(from).is_none() {
                    return Err(EditError::Missing {
                        kind: "party",
                        id: from,
                    });
                }
            }
        }
        Ok(())
    }
}

fn in_use(kind: &'static str, id: Id, used: bool, by: &'static str) -> Result<(), EditError> {
    if used {
        Err(EditError::InUse { kind, id, by })
    } else {
        Ok(())
    }
}

impl Refs for Lane {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(before), None) = (&c.before, &c.after) {
            let used = a.map_nodes.iter().any(|n| n.lane == before.id);
            in_use(Self::KIND, before.id, used, "map nodes")?;
        }
        Ok(())
    }
}

impl Refs for MapNode {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(n) = &c.after {
            if a.lane(n.lane).is_none() {
                return Err(EditError::Missing {
                    kind: "lane",
                    id: n.lane,
                });
            }
            if let Some(p) = n.owners.iter().find(|p| a.party(**p).is_none()) {
                return Err(EditError::Missing {
                    kind: "party",
                    id: *p,
                });
            }
        }
        if let (Some(before), None) = (&c.before, &c.after) {
            let used = a
                .map_links
                .iter()
                .any(|l| l.from == before.id || l.to == before.id);
            in_use(Self::KIND, before.id, used, "arrows")?;
        }
        Ok(())
    }
}

impl Refs for MapLink {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(l) = &c.after {
            for node in [l.from, l.to] {
                if a.map_node(node).is_none() {
                    return Err(EditError::Missing {
                        kind: "map node",
                        id: node,
                    });
                }
            }
            if l.from == l.to {
                return Err(EditError::SelfLink);
            }
            if a.map_links
                .iter()
                .any(|o| o.id != l.id && o.from == l.from && o.to == l.to)
            {
                return Err(EditError::DuplicateLink);
            }
        }
        Ok(())
    }
}

impl Refs for Relation {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(r) = &c.after {
            for actor in [r.from, r.to] {
                if let Actor::Party(id) = actor
                    && a.party(id).is_none()
                {
                    return Err(EditError::Missing { kind: "party", id });
                }
            }
            if r.from == r.to {
                return Err(EditError::SelfLink);
            }
            if !(1..=MAX_STRENGTH).contains(&r.strength) {
                return Err(EditError::StrengthOutOfRange);
            }
            if a.relations
                .iter()
                .any(|o| o.id != r.id && o.from == r.from && o.to == r.to && o.kind == r.kind)
            {
                return Err(EditError::DuplicateLink);
            }
        }
        Ok(())
    }
}

impl Refs for Placement {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(p) = &c.after {
            if let Actor::Party(id) = p.actor
                && a.party(id).is_none()
            {
                return Err(EditError::Missing { kind: "party", id });
            }
            if a.placements
                .iter()
                .any(|o| o.id != p.id && o.actor == p.actor)
            {
                return Err(EditError::DuplicateLink);
            }
        }
        Ok(())
    }
}

fn missing(kind: &'static str, id: Id) -> EditError {
    EditError::Missing { kind, id }
}

impl Refs for AgendaItem {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after {
            if a.party(x.party).is_none() {
                return Err(missing("party", x.party));
            }
            if let Some(p) = x.depends_on.iter().find(|p| a.party(**p).is_none()) {
                return Err(missing("party", *p));
            }
            if let Some(f) = x.focal_point
                && a.focal_point(f).is_none()
            {
                return Err(missing("focal point", f));
            }
        }
        Ok(())
    }
}

impl Refs for FocalPoint {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(b), None) = (&c.before, &c.after) {
            let id = b.id;
            in_use(
                Self::KIND,
                id,
                a.agenda_items.iter().any(|i| i.focal_point == Some(id)),
                "agenda items",
            )?;
            in_use(
                Self::KIND,
                id,
                a.priority_marks.iter().any(|m| m.focal_point == id),
                "priority marks",
            )?;
            in_use(
                Self::KIND,
                id,
                a.rounds
                    .iter()
                    .any(|r| r.subject == Subject::FocalPoint(id)),
                "consensus rounds",
            )?;
        }
        Ok(())
    }
}

impl Refs for PriorityRound {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(b), None) = (&c.before, &c.after) {
            in_use(
                Self::KIND,
                b.id,
                a.priority_marks.iter().any(|m| m.round == b.id),
                "priority marks",
            )?;
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
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(m) = &c.after {
            let round = a
                .priority_round(m.round)
                .ok_or(missing("priority round", m.round))?;
            if a.party(m.party).is_none() {
                return Err(missing("party", m.party));
            }
            if a.focal_point(m.focal_point).is_none() {
                return Err(missing("focal point", m.focal_point));
            }
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
        }
        Ok(())
    }
}

impl Refs for Situation {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(b), None) = (&c.before, &c.after) {
            in_use(
                Self::KIND,
                b.id,
                a.ground_rules.iter().any(|r| r.situations.contains(&b.id)),
                "ground rules",
            )?;
        }
        Ok(())
    }
}

impl Refs for GroundRule {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(r) = &c.after {
            if let Some(p) = r.owner
                && a.person(p).is_none()
            {
                return Err(missing("person", p));
            }
            if let Some(s) = r.situations.iter().find(|s| a.situation(**s).is_none()) {
                return Err(missing("situation", *s));
            }
        }
        if let (Some(b), None) = (&c.before, &c.after) {
            in_use(
                Self::KIND,
                b.id,
                a.checkins.iter().any(|x| x.rule == b.id),
                "check-ins",
            )?;
            in_use(
                Self::KIND,
                b.id,
                a.rounds
                    .iter()
                    .any(|r| r.subject == Subject::GroundRule(b.id)),
                "consensus rounds",
            )?;
        }
        Ok(())
    }
}

impl Refs for Checkin {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after {
            if a.ground_rule(x.rule).is_none() {
                return Err(missing("ground rule", x.rule));
            }
            if a.party(x.party).is_none() {
                return Err(missing("party", x.party));
            }
            if x.score > FIVE {
                return Err(EditError::OffTheScale);
            }
        }
        Ok(())
    }
}

impl Refs for Round {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(b), Some(r)) = (&c.before, &c.after)
            && r.revealed
            && !b.revealed
            && !a.can_reveal(r)
        {
            return Err(EditError::NotAllCast);
        }
        if let Some(r) = &c.after {
            if let Some(p) = r.previous
                && a.round(p).is_none()
            {
                return Err(missing("consensus round", p));
            }
            if let Some(p) = r.absent.iter().find(|p| !r.voters.contains(p)) {
                return Err(missing("voting party", *p));
            }
            match r.subject {
                Subject::GroundRule(id) if a.ground_rule(id).is_none() => {
                    return Err(missing("ground rule", id));
                }
                Subject::FocalPoint(id) if a.focal_point(id).is_none() => {
                    return Err(missing("focal point", id));
                }
                Subject::Covenant(id) if !a.covenant_versions.iter().any(|v| v.id == id) => {
                    return Err(missing("covenant version", id));
                }
                _ => {}
            }
        }
        if let (Some(b), None) = (&c.before, &c.after) {
            in_use(
                Self::KIND,
                b.id,
                a.votes.iter().any(|v| v.round == b.id),
                "votes",
            )?;
            in_use(
                Self::KIND,
                b.id,
                a.rounds.iter().any(|r| r.previous == Some(b.id)),
                "a later round",
            )?;
        }
        Ok(())
    }
}

impl Refs for Vote {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        let round_of = |v: &Vote| a.round(v.round).ok_or(missing("consensus round", v.round));
        // A closed round's votes are history: they are not changed. (They
        // can be removed and restored with their party, as one undo step.)
        if let (Some(before), Some(_)) = (&c.before, &c.after)
            && round_of(before)?.status.is_closed()
        {
            return Err(EditError::RoundClosed);
        }
        // After the reveal a stance changes only by a correction (or the
        // undo of one): one correction more or less, each with a reason.
        if let (Some(before), Some(after)) = (&c.before, &c.after)
            && round_of(before)?.revealed
        {
            let (b, n) = (before.corrections.len(), after.corrections.len());
            let one_step = b.abs_diff(n) == 1;
            let reasoned = after
                .corrections
                .iter()
                .all(|x| !x.reason.trim().is_empty());
            if !one_step || !reasoned {
                return Err(EditError::StanceFrozen);
            }
        }
        if let Some(v) = &c.after {
            let round = round_of(v)?;
            if a.party(v.party).is_none() {
                return Err(missing("party", v.party));
            }
            if !round.voters.contains(&v.party) {
                return Err(EditError::NotAVoter);
            }
            if !round.scale.is_valid(v.value) {
                return Err(EditError::OffTheScale);
            }
            if round.scale.blocks(v.value) && v.reason.trim().is_empty() {
                return Err(EditError::ReasonRequired);
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

impl Refs for Meeting {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(m) = &c.after
            && let Some(b) = m.body
            && a.body(b).is_none()
        {
            return Err(missing("body", b));
        }
        if let (Some(b), None) = (&c.before, &c.after) {
            let id = b.id;
            in_use(
                Self::KIND,
                id,
                a.agenda_slots.iter().any(|s| s.meeting == id),
                "agenda slots",
            )?;
            in_use(
                Self::KIND,
                id,
                a.attendance.iter().any(|x| x.meeting == id),
                "attendance",
            )?;
            in_use(
                Self::KIND,
                id,
                a.actions.iter().any(|x| x.meeting == id),
                "actions",
            )?;
        }
        Ok(())
    }
}

impl Refs for AgendaSlot {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(s) = &c.after {
            if a.meeting(s.meeting).is_none() {
                return Err(missing("meeting", s.meeting));
            }
            match s.link {
                SlotLink::FocalPoint(id) if a.focal_point(id).is_none() => {
                    return Err(missing("focal point", id));
                }
                SlotLink::Round(id) if a.round(id).is_none() => {
                    return Err(missing("consensus round", id));
                }
                SlotLink::GroundRule(id) if a.ground_rule(id).is_none() => {
                    return Err(missing("ground rule", id));
                }
                _ => {}
            }
        }
        if let (Some(b), None) = (&c.before, &c.after) {
            in_use(
                Self::KIND,
                b.id,
                a.actions.iter().any(|x| x.slot == Some(b.id)),
                "actions",
            )?;
        }
        Ok(())
    }
}

impl Refs for Attendance {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after {
            if a.meeting(x.meeting).is_none() {
                return Err(missing("meeting", x.meeting));
            }
            if a.person(x.person).is_none() {
                return Err(missing("person", x.person));
            }
            if a.attendance
                .iter()
                .any(|o| o.id != x.id && o.meeting == x.meeting && o.person == x.person)
            {
                return Err(EditError::DuplicateLink);
            }
        }
        Ok(())
    }
}

impl Refs for Action {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after {
            if a.meeting(x.meeting).is_none() {
                return Err(missing("meeting", x.meeting));
            }
            if let Some(p) = x.who
                && a.person(p).is_none()
            {
                return Err(missing("person", p));
            }
            if let Some(s) = x.slot
                && a.agenda_slot(s).is_none()
            {
                return Err(missing("agenda slot", s));
            }
        }
        Ok(())
    }
}

fn version_frozen(a: &Alliance, version: Id) -> bool {
    a.covenant_versions
        .iter()
        .any(|v| v.id == version && v.is_frozen())
}

impl Refs for CovenantVersion {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        match (&c.before, &c.after) {
            // A frozen version changes only by being unfrozen whole (undo).
            (Some(b), Some(n)) if b.is_frozen() => {
                let unfrozen = CovenantVersion {
                    frozen_on: None,
                    round: None,
                    fingerprint: String::new(),
                    parties: Vec::new(),
                    ..b.clone()
                };
                if *n != unfrozen {
                    return Err(EditError::Frozen);
                }
            }
            (Some(b), None) => {
                if b.is_frozen() {
                    return Err(EditError::Frozen);
                }
                let id = b.id;
                in_use(
                    Self::KIND,
                    id,
                    a.clauses.iter().any(|x| x.version == id),
                    "clauses",
                )?;
                in_use(
                    Self::KIND,
                    id,
                    a.signatures.iter().any(|x| x.version == id),
                    "signatures",
                )?;
                in_use(
                    Self::KIND,
                    id,
                    a.rounds.iter().any(|r| r.subject == Subject::Covenant(id)),
                    "consensus rounds",
                )?;
            }
            _ => {}
        }
        Ok(())
    }
}

impl Refs for Clause {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        for x in [&c.before, &c.after].into_iter().flatten() {
            if !a.covenant_versions.iter().any(|v| v.id == x.version) {
                return Err(missing("covenant version", x.version));
            }
            if version_frozen(a, x.version) {
                return Err(EditError::Frozen);
            }
        }
        Ok(())
    }
}

impl Refs for Signature {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after {
            if !a.covenant_versions.iter().any(|v| v.id == x.version) {
                return Err(missing("covenant version", x.version));
            }
            if a.party(x.party).is_none() {
                return Err(missing("party", x.party));
            }
            if a.signatures
                .iter()
                .any(|o| o.id != x.id && o.version == x.version && o.party == x.party)
            {
                return Err(EditError::DuplicateLink);
            }
        }
        // Signature blocks may be added and completed after freezing; the
        // decided party list is the version's own snapshot.
        Ok(())
    }
}

fn apply_change<T: Entity>(a: &mut Alliance, c: &Change<T>) -> Result<(), EditError> {
    T::check_refs(a, c)?;
    let list = T::all_mut(a);
    match (&c.before, &c.after) {
        (None, None) => Ok(()),
        (None, Some(new)) => {
            if list.iter().any(|e| e.id() == new.id()) {
                return Err(EditError::Duplicate {
                    kind: T::KIND,
                    id: new.id(),
                });
            }
            // Keep the list ordered by id, so an undone delete returns the
            // entity to its old place.
            let at = list.partition_point(|e| e.id() < new.id());
            list.insert(at, new.clone());
            Ok(())
        }
        (Some(old), after) => {
            let Some(pos) = list.iter().position(|e| e.id() == old.id()) else {
                return Err(EditError::Missing {
                    kind: T::KIND,
                    id: old.id(),
                });
            };
            if &list[pos] != old {
                return Err(EditError::Conflict(T::KIND));
            }
            match after {
                Some(new) if new.id() == old.id() => list[pos] = new.clone(),
                Some(_) => return Err(EditError::Conflict(T::KIND)),
                None => {
                    list.remove(pos);
                }
            }
            Ok(())
        }
    }
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        struct Inverse;
        impl Visitor for Inverse {
            type Out = Edit;
            fn change<T: Entity>(&mut self, c: &Change<T>) -> Edit {
                T::wrap(c.inverse())
            }
        }
        match self {
            Edit::Info { before, after } => Edit::Info {
                before: after.clone(),
                after: before.clone(),
            },
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
            _ => self.visit(&mut Inverse).unwrap_or_else(|| self.clone()),
        }
    }

    /// Edits that update the same entity in quick succession (typing in one
    /// field) are merged into one undo step. This is the entity they update.
    pub fn coalesce_key(&self) -> Option<String> {
        struct Key;
        impl Visitor for Key {
            type Out = Option<String>;
            fn change<T: Entity>(&mut self, c: &Change<T>) -> Option<String> {
                match (&c.before, &c.after) {
                    (Some(b), Some(a)) if a.id() == b.id() => {
                        Some(format!("{}:{}", T::KIND, a.id()))
                    }
                    _ => None,
                }
            }
        }
        match self {
            Edit::Info { .. } => Some("alliance".into()),
            Edit::Batch(_) => None,
            _ => self.visit(&mut Key).flatten(),
        }
    }

    /// `self` followed by `next`, as one edit, when both update the same
    /// entity (see [`Edit::coalesce_key`]).
    pub fn merged(&self, next: &Edit) -> Option<Edit> {
        struct Merge<'a>(&'a Edit);
        impl Visitor for Merge<'_> {
            type Out = Option<Edit>;
            fn change<T: Entity>(&mut self, a: &Change<T>) -> Option<Edit> {
                let b = T::unwrap(self.0)?;
                Some(T::wrap(Change {
                    before: a.before.clone(),
                    after: b.after.clone(),
                }))
            }
        }
        if self.coalesce_key().is_none() || self.coalesce_key() != next.coalesce_key() {
            return None;
        }
        match (self, next) {
            (Edit::Info { before, .. }, Edit::Info { after, .. }) => Some(Edit::Info {
                before: before.clone(),
                after: after.clone(),
            }),
            _ => self.visit(&mut Merge(next)).flatten(),
        }
    }

    /// In a few words, what this edit did: the kind of record (the
    /// serialised variant name: "party", "ground_rule", "info" …), whether
    /// it was added, changed or removed, and the record's name or text. A
    /// batch is summed up by its last addition or removal (a party removed
    /// with its people is "the party removed"), else by its first change.
    pub fn summary(&self) -> Option<Summary> {
        match self {
            Edit::Batch(edits) => edits
                .iter()
                .rev()
                .filter_map(Edit::summary)
                .find(|s| s.action != StepAction::Changed)
                .or_else(|| edits.iter().find_map(Edit::summary)),
            Edit::Info { after, .. } => Some(Summary {
                kind: "info".into(),
                action: StepAction::Changed,
                label: after.name.clone(),
            }),
            _ => {
                let value = serde_json::to_value(self).ok()?;
                let kind = value.get("kind")?.as_str()?.to_string();
                let change = value.get("change")?;
                let before = change.get("before").filter(|v| !v.is_null());
                let after = change.get("after").filter(|v| !v.is_null());
                let action = match (before, after) {
                    (None, Some(_)) => StepAction::Added,
                    (Some(_), None) => StepAction::Removed,
                    _ => StepAction::Changed,
                };
                let record = after.or(before)?;
                let label = [
                    "name", "title", "text", "proposal", "heading", "need", "what",
                ]
                .iter()
                .filter_map(|f| record.get(*f).and_then(|v| v.as_str()))
                .map(str::trim)
                .find(|t| !t.is_empty())
                .map(|t| {
                    let short: String = t.chars().take(48).collect();
                    if short.len() < t.len() {
                        format!("{short}…")
                    } else {
                        short
                    }
                })
                .or_else(|| record.get("id").map(|id| format!("#{id}")))
                .unwrap_or_default();
                Some(Summary {
                    kind,
                    action,
                    label,
                })
            }
        }
    }

    /// What an edit removes and changes, counted per kind of record (the
    /// `KIND` names): `(removed, changed)`. Used to say what a removal
    /// takes along before the user confirms it.
    pub fn footprint(&self) -> (Vec<(&'static str, usize)>, usize) {
        struct Count<'a> {
            removed: &'a mut Vec<(&'static str, usize)>,
            changed: &'a mut usize,
        }
        impl Visitor for Count<'_> {
            type Out = ();
            fn change<T: Entity>(&mut self, c: &Change<T>) {
                match (&c.before, &c.after) {
                    (Some(_), None) => match self.removed.iter_mut().find(|(k, _)| *k == T::KIND) {
                        Some(entry) => entry.1 += 1,
                        None => self.removed.push((T::KIND, 1)),
                    },
                    (Some(_), Some(_)) => *self.changed += 1,
                    _ => {}
                }
            }
        }
        fn walk(e: &Edit, removed: &mut Vec<(&'static str, usize)>, changed: &mut usize) {
            match e {
                Edit::Info { .. } => *changed += 1,
                Edit::Batch(edits) => edits.iter().for_each(|e| walk(e, removed, changed)),
                _ => {
                    e.visit(&mut Count { removed, changed });
                }
            }
        }
        let (mut removed, mut changed) = (Vec::new(), 0);
        walk(self, &mut removed, &mut changed);
        (removed, changed)
    }

    /// Whether the edit changes nothing (an update to the same value).
    pub fn is_noop(&self) -> bool {
        struct Same;
        impl Visitor for Same {
            type Out = bool;
            fn change<T: Entity>(&mut self, c: &Change<T>) -> bool {
                c.before == c.after
            }
        }
        match self {
            Edit::Info { before, after } => before == after,
            Edit::Batch(edits) => edits.iter().all(Edit::is_noop),
            _ => self.visit(&mut Same).unwrap_or(true),
        }
    }
}

impl Alliance {
    /// Apply an edit. On error the alliance is left exactly as it was.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        *self = self.applied(edit)?;
        Ok(())
    }

    /// The alliance with `edit` applied, leaving this one as it is: one
    /// copy, made before anything changes, so a failed edit changes
    /// nothing.
    pub fn applied(&self, edit: &Edit) -> Result<Alliance, EditError> {
        let mut next = self.clone();
        next.apply_in_place(edit)?;
        Ok(next)
    }

    fn apply_in_place(&mut self, edit: &Edit) -> Result<(), EditError> {
        struct Apply<'a>(&'a mut Alliance);
        impl Visitor for Apply<'_> {
            type Out = Result<(), EditError>;
            fn change<T: Entity>(&mut self, c: &Change<T>) -> Result<(), EditError> {
                apply_change(self.0, c)
            }
        }
        match edit {
            Edit::Info { before, after } => {
                if self.info != **before {
                    return Err(EditError::Conflict("alliance"));
                }
                self.info = (**after).clone();
                Ok(())
            }
            Edit::Batch(edits) => edits.iter().try_for_each(|e| self.apply_in_place(e)),
            _ => edit.visit(&mut Apply(self)).unwrap_or(Ok(())),
        }
    }

    /// The id a new entity of this kind gets.
    pub fn next_id<T: Entity>(&self) -> Id {
        T::all(self).iter().map(Entity::id).max().unwrap_or(0) + 1
    }

    /// An edit that adds `entity` under a fresh id.
    pub fn insert<T: Entity>(&self, mut entity: T) -> Edit {
        entity.set_id(self.next_id::<T>());
        T::wrap(Change {
            before: None,
            after: Some(entity),
        })
    }

    /// An edit that replaces the entity with the same id by `entity`.
    pub fn update<T: Entity>(&self, entity: T) -> Edit {
        let before = T::all(self).iter().find(|e| e.id() == entity.id()).cloned();
        T::wrap(Change {
            before,
            after: Some(entity),
        })
    }

    /// An edit that sets the alliance's own details.
    pub fn set_info(&self, info: AllianceInfo) -> Edit {
        Edit::Info {
            before: Box::new(self.info.clone()),
            after: Box::new(info),
        }
    }

    fn delete<T: Entity>(entity: &T) -> Edit {
        T::wrap(Change {
            before: Some(entity.clone()),
            after: None,
        })
    }

    fn seats_where(&self, keep: impl Fn(&Membership) -> bool) -> Vec<Edit> {
        self.memberships
            .iter()
            .filter(|m| keep(m))
            .map(Alliance::delete)
            .collect()
    }

    /// Remove a party with everything that hangs on it: its people and
    /// their seats, its interviews and their answers, and the comfort
    /// needs it has or that ask comfort of it. One undoable step.
    pub fn remove_party(&self, id: Id) -> Option<Edit> {
        let party = self.party(id)?;
        let people: Vec<Id> = self.people_of_party(id).map(|p| p.id).collect();
        let mut edits: Vec<Edit> = self
            .comfort_needs
            .iter()
            .filter(|n| n.party == id || n.from_whom == ComfortFrom::Party(id))
            .map(Alliance::delete)
            .collect();
        for iv in self.interviews.iter().filter(|i| i.party == id) {
            edits.extend(self.remove_interview(iv.id));
        }
        edits.extend(
            self.signatures
                .iter()
                .filter(|s| s.party == id)
                .map(Alliance::delete),
        );
        edits.extend(
            self.votes
                .iter()
                .filter(|v| v.party == id)
                .map(Alliance::delete),
        );
        edits.extend(
            self.checkins
                .iter()
                .filter(|c| c.party == id)
                .map(Alliance::delete),
        );
        edits.extend(
            self.priority_marks
                .iter()
                .filter(|m| m.party == id)
                .map(Alliance::delete),
        );
        edits.extend(
            self.agenda_items
                .iter()
                .filter(|i| i.party == id)
                .map(Alliance::delete),
        );
        for item in self
            .agenda_items
            .iter()
            .filter(|i| i.party != id && i.depends_on.contains(&id))
        {
            edits.push(
                self.update(AgendaItem {
                    depends_on: item
                        .depends_on
                        .iter()
                        .copied()
                        .filter(|d| *d != id)
                        .collect(),
                    ..item.clone()
                }),
            );
        }
        for node in self.map_nodes.iter().filter(|n| n.owners.contains(&id)) {
            edits.push(self.update(MapNode {
                owners: node.owners.iter().copied().filter(|o| *o != id).collect(),
                ..node.clone()
            }));
        }
        let actor = Actor::Party(id);
        edits.extend(
            self.relations
                .iter()
                .filter(|r| r.from == actor || r.to == actor)
                .map(Alliance::delete),
        );
        edits.extend(
            self.placements
                .iter()
                .filter(|p| p.actor == actor)
                .map(Alliance::delete),
        );
        for person in &people {
            edits.extend(self.unlink_person(*person));
        }
        edits.extend(self.seats_where(|m| people.contains(&m.person)));
        edits.extend(self.people_of_party(id).map(Alliance::delete));
        edits.push(Alliance::delete(party));
        Some(Edit::Batch(edits))
    }

    /// A new interview with a party, with an empty answer to every
    /// question of the guide, as one undoable step.
    pub fn new_interview(&self, party: Id, date: Option<chrono::NaiveDate>) -> Edit {
        let interview = self.next_id::<Interview>();
        let first_answer = self.next_id::<Answer>();
        let mut edits = vec![self.insert(Interview {
            id: 0,
            party,
            date,
            spoken_with: String::new(),
            notes: String::new(),
        })];
        for (i, q) in self.active_questions().iter().enumerate() {
            edits.push(Edit::Answer(Change {
                before: None,
                after: Some(Answer {
                    id: first_answer + i as Id,
                    interview,
                    question: q.id,
                    ..Answer::default()
                }),
            }));
        }
        Edit::Batch(edits)
    }

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
        let mut edits = vec![
            self.insert(Round {
                id: 0,
                proposal,
                subject,
                scale,
                opened: Some(today),
                decided: None,
                // Every party still in the alliance: one equal vote each.
                voters: self
                    .parties
                    .iter()
                    .filter(|p| p.is_active_on(today))
                    .map(|p| p.id)
                    .collect(),
                revealed: false,
                status: super::consensus::RoundStatus::Open,
                previous,
                note: String::new(),
                absent: Vec::new(),
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
        let mut edits = vec![self.update(Round {
            status,
            decided: Some(today),
            revealed,
            note,
            ..round.clone()
        })];
        if status == RoundStatus::Adopted
            && let Subject::Covenant(version) = round.subject
            && let Some(v) = self.covenant_versions.iter().find(|v| v.id == version)
            && !v.is_frozen()
        {
            let mut parties = super::covenant::frozen_parties(self, version);
            parties.sort_unstable();
            let frozen = CovenantVersion {
                frozen_on: Some(today),
                round: Some(id),
                fingerprint: String::new(),
                parties,
                ..v.clone()
            };
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
        Some(Edit::Batch(edits))
    }

    /// Amend a round that was blocked: close it as amended and open a new
    /// round on the amended proposal, linked to it. One undoable step.
    pub fn amend_round(&self, id: Id, proposal: String, today: chrono::NaiveDate) -> Option<Edit> {
        let round = self.round(id)?;
        let close = self.conclude_round(
            id,
            super::consensus::RoundStatus::Amended,
            today,
            String::new(),
        )?;
        let mut after = self.clone();
        after.apply(&close).ok()?;
        let open = after.open_round(proposal, round.subject, round.scale, today, Some(id));
        Some(Edit::Batch(vec![close, open]))
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

    /// Correct a revealed stance: the new value, why, by whom and when.
    /// `None` when the round is not revealed or closed, the stance does not
    /// exist, the reason is empty, or nothing changes.
    pub fn correct_vote(
        &self,
        round: Id,
        party: Id,
        value: u8,
        reason: &str,
        by: &str,
        at: &str,
    ) -> Option<Edit> {
        let r = self.round(round)?;
        let v = self.vote(round, party)?;
        if !r.revealed || r.status.is_closed() || reason.trim().is_empty() || v.value == value {
            return None;
        }
        let mut corrections = v.corrections.clone();
        corrections.push(super::consensus::Correction {
            from: v.value,
            to: value,
            reason: reason.trim().to_string(),
            by: by.trim().to_string(),
            at: at.to_string(),
        });
        let reason_now = if r.scale.blocks(value) {
            reason.trim().to_string()
        } else {
            v.reason.clone()
        };
        Some(self.update(Vote {
            value,
            reason: reason_now,
            corrections,
            ..v.clone()
        }))
    }

    /// Remove map nodes with the arrows that touch them, as one step.
    pub fn remove_map_nodes(&self, ids: &[Id]) -> Option<Edit> {
        let mut edits: Vec<Edit> = self
            .map_links
            .iter()
            .filter(|l| ids.contains(&l.from) || ids.contains(&l.to))
            .map(Alliance::delete)
            .collect();
        edits.extend(
            self.map_nodes
                .iter()
                .filter(|n| ids.contains(&n.id))
                .map(Alliance::delete),
        );
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }

    /// Remove an arrow.
    pub fn remove_map_link(&self, id: Id) -> Option<Edit> {
        self.map_links
            .iter()
            .find(|l| l.id == id)
            .map(Alliance::delete)
    }

    /// Remove a lane that holds no nodes.
    pub fn remove_lane(&self, id: Id) -> Option<Edit> {
        if self.map_nodes.iter().any(|n| n.lane == id) {
            return None;
        }
        self.lane(id).map(Alliance::delete)
    }

    /// Remove a relation.
    pub fn remove_relation(&self, id: Id) -> Option<Edit> {
        self.relations
            .iter()
            .find(|r| r.id == id)
            .map(Alliance::delete)
    }

    /// Set where an actor sits (position and ring), creating its placement
    /// when it has none.
    pub fn place(&self, actor: Actor, x: f32, y: f32, ring: super::strategy::Ring) -> Edit {
        match self.placement(actor) {
            Some(p) => self.update(Placement {
                x,
                y,
                ring,
                ..p.clone()
            }),
            None => self.insert(Placement {
                id: 0,
                actor,
                x,
                y,
                ring,
            }),
        }
    }

    /// Swap the order of two lanes.
    pub fn swap_lanes(&self, x: Id, y: Id) -> Option<Edit> {
        let (lx, ly) = (self.lane(x)?, self.lane(y)?);
        Some(Edit::Batch(vec![
            self.update(Lane {
                position: ly.position,
                ..lx.clone()
            }),
            self.update(Lane {
                position: lx.position,
                ..ly.clone()
            }),
        ]))
    }

    /// Remove an interview with its answers, as one undoable step.
    pub fn remove_interview(&self, id: Id) -> Option<Edit> {
        let interview = self.interview(id)?;
        let mut edits: Vec<Edit> = self.answers_of(id).map(Alliance::delete).collect();
        edits.push(Alliance::delete(interview));
        Some(Edit::Batch(edits))
    }

    /// Remove a question that was never answered (with the empty answer
    /// rows new interviews made for it); one that was answered is retired,
    /// so the interviews that answered it keep their answers.
    pub fn remove_question(&self, id: Id) -> Option<Edit> {
        let question = self.question(id)?;
        let answers: Vec<&Answer> = self.answers.iter().filter(|a| a.question == id).collect();
        if answers.iter().any(|a| !a.is_empty()) {
            Some(self.update(Question {
                retired: true,
                ..question.clone()
            }))
        } else {
            let mut edits: Vec<Edit> = answers.into_iter().map(Alliance::delete).collect();
            edits.push(Alliance::delete(question));
            Some(Edit::Batch(edits))
        }
    }

    /// Record an answer: a new one when the interview has none for that
    /// question yet, else an update of the one it has.
    pub fn put_answer(&self, mut answer: Answer) -> Edit {
        match self.answer(answer.interview, answer.question) {
            Some(existing) => {
                answer.id = existing.id;
                self.update(answer)
            }
            None => self.insert(answer),
        }
    }

    /// Remove a comfort need.
    pub fn remove_comfort_need(&self, id: Id) -> Option<Edit> {
        self.comfort_needs
            .iter()
            .find(|n| n.id == id)
            .map(Alliance::delete)
    }

    /// Edits that let go of a person: attendance goes, actions and rules
    /// they held lose their holder.
    fn unlink_person(&self, id: Id) -> Vec<Edit> {
        let mut edits: Vec<Edit> = self
            .attendance
            .iter()
            .filter(|x| x.person == id)
            .map(Alliance::delete)
            .collect();
        for x in self.actions.iter().filter(|x| x.who == Some(id)) {
            edits.push(self.update(Action {
                who: None,
                ..x.clone()
            }));
        }
        for r in self.ground_rules.iter().filter(|r| r.owner == Some(id)) {
            edits.push(self.update(GroundRule {
                owner: None,
                ..r.clone()
            }));
        }
        edits
    }

    /// Remove a meeting with its slots, attendance and actions.
    pub fn remove_meeting(&self, id: Id) -> Option<Edit> {
        let meeting = self.meeting(id)?;
        let mut edits: Vec<Edit> = self
            .actions
            .iter()
            .filter(|x| x.meeting == id)
            .map(Alliance::delete)
            .collect();
        edits.extend(
            self.attendance
                .iter()
                .filter(|x| x.meeting == id)
                .map(Alliance::delete),
        );
        edits.extend(
            self.agenda_slots
                .iter()
                .filter(|x| x.meeting == id)
                .map(Alliance::delete),
        );
        edits.push(Alliance::delete(meeting));
        Some(Edit::Batch(edits))
    }

    /// Remove a person with their seats, as one undoable step.
    pub fn remove_person(&self, id: Id) -> Option<Edit> {
        let person = self.person(id)?;
        let mut edits = self.unlink_person(id);
        edits.extend(self.seats_where(|m| m.person == id));
        edits.push(Alliance::delete(person));
        Some(Edit::Batch(edits))
    }

    /// Remove a body with its seats, as one undoable step.
    pub fn remove_body(&self, id: Id) -> Option<Edit> {
        let body = self.body(id)?;
        let mut edits: Vec<Edit> = self
            .meetings
            .iter()
            .filter(|m| m.body == Some(id))
            .filter_map(|m| self.remove_meeting(m.id))
            .collect();
        edits.extend(self.seats_where(|m| m.body == id));
        edits.push(Alliance::delete(body));
        Some(Edit::Batch(edits))
    }

    /// Give a person a seat in a body, or take it away.
    pub fn set_seat(&self, body: Id, person: Id, seated: bool) -> Option<Edit> {
        match (self.seat(body, person), seated) {
            (Some(m), false) => Some(Alliance::delete(m)),
            (None, true) => Some(self.insert(Membership {
                id: 0,
                body,
                person,
                role: String::new(),
            })),
            _ => None,
        }
    }
}
