//! Every change a user can make to an alliance, and its inverse. An edit is
//! applied to memory and written to the store in the same step; undo applies
//! the inverse edit.

use serde::{Deserialize, Serialize};

use super::agenda::{AgendaItem, FocalPoint, PriorityMark, PriorityRound};
use super::alliance::{AllianceInfo, Body, Id, Membership, Party, Person};
use super::ballot::Ballot;
use super::checkin::CheckinRound;
use super::comments::{Comment, CommentRound};
use super::consensus::{Round, Vote};
use super::covenant::{Clause, CovenantVersion, Signature};
use super::intake::{Answer, ComfortNeed, Interview, Question};
use super::meeting::{Action, AgendaSlot, Attendance, Meeting};
use super::plan::{PlanLine, PlanProgress};
use super::rules::{Checkin, GroundRule, Objection, RuleProposal, RuleSet, Situation};
use super::strategy::{Lane, MapLink, MapNode, Placement, Relation};
use super::table::{SeatDraw, TableSeat};

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
/// alliance's list of it, its `KIND` name, the table that keeps it in the
/// file (`in "table"`) and which of its fields are kept there as JSON text
/// (`json [...]`: lists, nested records, enums that carry data). The
/// `Alliance` struct, the edit enum, the generic change machinery
/// (`Entity`), the store's tables (their columns are the type's fields, a
/// yes/no field a 0/1 column) and the per-kind walks of the store, the
/// checks, removal and [`Edit::visit`] all come from this list. Adding a
/// kind of record adds a line here and its type with `Refs` in its own
/// domain file; then the compiler asks for its name (`kind_key` in the
/// catalogue) and its panel (`View::of_kind`), and the store's test for its
/// migration (the README walks through it).
macro_rules! entities {
    ($($variant:ident: $t:ty => $list:ident, $kind:literal in $table:literal $(json [$($json:literal),*])?;)*) => {
        /// Every kind of record, as declared below, and the alliance's own
        /// details: what an undo step or a count names (the catalogue gives
        /// each its words).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kind {
            Alliance,
            $($variant,)*
        }

        impl Kind {
            /// The kind whose `Entity::KIND` is `kind`.
            pub fn of(kind: &str) -> Option<Kind> {
                match kind {
                    "alliance" => Some(Kind::Alliance),
                    $($kind => Some(Kind::$variant),)*
                    _ => None,
                }
            }
        }

        /// One alliance, wholly in memory: its details and a list of each
        /// kind of record, ordered by id. The UI works on this; every change
        /// goes through an [`Edit`].
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Alliance {
            pub info: AllianceInfo,
            $(pub $list: Vec<$t>,)*
            /// The record of commitments, oldest first (see
            /// [`super::record`]): kept by the document as edits are
            /// made, never by an edit itself.
            pub record: super::record::Record,
        }

        /// One user action. `Batch` groups edits that belong together (a
        /// party removed with its people), undone and redone as one.
        ///
        /// A seat draw's change is the largest variant (its inputs, the fair
        /// lottery's tables and the chances, before and after): an edit is
        /// made once per user action and kept in the undo list, so the
        /// bytes an unboxed variant costs are not worth a box per edit.
        #[allow(clippy::large_enum_variant)]
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
            const NAME: Kind = Kind::$variant;
            const TABLE: &'static str = $table;
            const JSON: &'static [&'static str] = &[$($($json),*)?];
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
    Party: Party => parties, "party" in "party" json ["services"];
    Person: Person => people, "person" in "person";
    Body: Body => bodies, "body" in "body";
    Membership: Membership => memberships, "seat" in "membership";
    Question: Question => questions, "question" in "question";
    Interview: Interview => interviews, "interview" in "interview";
    Answer: Answer => answers, "answer" in "answer";
    Comfort: ComfortNeed => comfort_needs, "comfort need" in "comfort_need" json ["from_whom"];
    Lane: Lane => lanes, "lane" in "lane";
    MapNode: MapNode => map_nodes, "map node" in "map_node" json ["owners"];
    MapLink: MapLink => map_links, "arrow" in "map_link";
    Relation: Relation => relations, "relation" in "relation" json ["from", "to"];
    Placement: Placement => placements, "placement" in "placement" json ["actor"];
    AgendaItem: AgendaItem => agenda_items, "agenda item" in "agenda_item" json ["depends_on"];
    FocalPoint: FocalPoint => focal_points, "focal point" in "focal_point";
    PriorityRound: PriorityRound => priority_rounds, "priority round" in "priority_round" json ["absent"];
    PriorityMark: PriorityMark => priority_marks, "priority mark" in "priority_mark";
    Situation: Situation => situations, "situation" in "situation";
    GroundRule: GroundRule => ground_rules, "ground rule" in "ground_rule" json ["situations"];
    Checkin: Checkin => checkins, "check-in" in "checkin";
    Round: Round => rounds, "consensus round" in "consensus_round" json ["subject", "voters", "absent"];
    Vote: Vote => votes, "vote" in "vote" json ["corrections"];
    Meeting: Meeting => meetings, "meeting" in "meeting";
    AgendaSlot: AgendaSlot => agenda_slots, "agenda slot" in "agenda_slot" json ["link"];
    Attendance: Attendance => attendance, "attendance" in "attendance";
    Action: Action => actions, "action" in "action";
    CovenantVersion: CovenantVersion => covenant_versions, "covenant version" in "covenant_version" json ["parties"];
    Clause: Clause => clauses, "clause" in "clause" json ["honours_needs", "honours_decisions"];
    Signature: Signature => signatures, "signature" in "signature";
    SeatDraw: SeatDraw => seat_draws, "seat draw" in "seat_draw" json ["candidates", "quotas", "kept", "sitting_out", "dice", "chosen", "tables", "chances"];
    TableSeat: TableSeat => table_seats, "table seat" in "table_seat";
    Ballot: Ballot => ballots, "ballot" in "ballot";
    RuleSet: RuleSet => rule_sets, "rule set" in "rule_set";
    RuleProposal: RuleProposal => rule_proposals, "rule proposal" in "rule_proposal";
    Objection: Objection => objections, "objection" in "objection";
    PlanLine: PlanLine => plan_lines, "plan line" in "plan_line" json ["parties", "mandate", "items"];
    PlanProgress: PlanProgress => plan_progress, "progress" in "plan_progress";
    CommentRound: CommentRound => comment_rounds, "comment round" in "comment_round" json ["draft"];
    Comment: Comment => comments, "comment" in "comment";
    CheckinRound: CheckinRound => checkin_rounds, "check-in round" in "checkin_round" json ["rules"];
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
    /// The kind of record (its `Entity::KIND`; "alliance" for the
    /// alliance's own details) and its name for people.
    pub kind: &'static str,
    pub name: Kind,
    pub action: StepAction,
    pub label: String,
    /// The party the record belongs to, if any (a stance, a signature):
    /// it names a record that has no name of its own.
    pub party: Option<Id>,
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
    #[error("the {kind} with id {id} is still referred to by a {by}")]
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
    #[error("a ground rule is adopted only by a consensus round")]
    NotDecided,
    #[error("the {field} is longer than {limit} characters")]
    TooLong { field: String, limit: usize },
    #[error("a position on a map must be a number")]
    NotANumber,
    #[error("a term cannot end before it starts")]
    EndsBeforeStart,
    #[error("that party already holds a seat at this table in that period")]
    DuplicateTableSeat,
    #[error("this draw was made and is a record now; undo it to change it")]
    DrawMade,
    #[error("this draw's inputs were fixed and shown; only dice can be added")]
    DrawFixed,
    #[error("the quota for '{value}' asks for more seats at least than at most")]
    QuotaRange { value: String },
    #[error("a ballot card's token must be kept as its SHA-256")]
    BadToken,
    #[error(
        "this stance came from the party's own ballot card; change it only with a correction and its reason"
    )]
    BallotStance,
    #[error(
        "undo and redo stop at a stance a party cast itself from its ballot card; change it only with a correction and its reason"
    )]
    BallotUndo,
    #[error("an objection to a set of rules names the rule it objects to")]
    ObjectionNeedsRule,
    #[error("that rule is not among the rules this round decides")]
    NotInSet,
    #[error(
        "this was shown to the room and is on the record; correct it with a reason, or reopen it as a new round"
    )]
    Committed,
    #[error("a signature once set changes only by being withdrawn, with a reason")]
    SignatureSet,
    #[error("a signature cannot be dated before the day the version was frozen")]
    SignedBeforeFrozen,
    #[error("only a version adopted and frozen can be signed")]
    SignDraft,
    #[error("these minutes were approved and are on the record; they no longer change")]
    MinutesApproved,
    #[error("a withdrawal needs a reason")]
    WithdrawalReason,
    #[error(
        "the processing of these comments was published and is on the record; it no longer changes"
    )]
    CommentsPublished,
    #[error("every comment needs a response before the processing is published")]
    CommentsUnanswered,
    #[error("undo and redo stop at what the room saw: {0:?}")]
    CommitUndo(super::record::CommitKind),
}

/// The longest name or title a record may have, in characters.
pub const NAME_LIMIT: usize = 500;
/// The longest text a record may have, in characters (some 40 pages).
pub const TEXT_LIMIT: usize = 100_000;

/// The first text of a record longer than its limit: (field, limit). Names,
/// titles and headings have [`NAME_LIMIT`], other texts [`TEXT_LIMIT`].
/// A sealed text (see `crate::crypt`) was measured when it was typed.
pub fn too_long<T: Serialize>(record: &T) -> Option<(String, usize)> {
    let value = serde_json::to_value(record).ok()?;
    let fields = value.as_object()?;
    fields.iter().find_map(|(field, v)| {
        let limit = match field.as_str() {
            "name" | "title" | "heading" => NAME_LIMIT,
            _ => TEXT_LIMIT,
        };
        let long = |s: &str| !super::confidential::is_sealed(s) && s.chars().count() > limit;
        let over = match v {
            serde_json::Value::String(s) => long(s),
            serde_json::Value::Array(items) => items.iter().any(|i| i.as_str().is_some_and(long)),
            _ => false,
        };
        over.then(|| (field.clone(), limit))
    })
}

/// What the generic change machinery needs to know of an entity. Derived
/// for every kind by `entities!`.
pub trait Entity:
    Refs + Clone + Default + PartialEq + Sized + Serialize + serde::de::DeserializeOwned
{
    const KIND: &'static str;
    /// Its kind, which the catalogue names for people ("partij|partijen").
    const NAME: Kind;
    /// The table that keeps it in the file.
    const TABLE: &'static str;
    /// Its fields kept in their column as JSON text.
    const JSON: &'static [&'static str];
    fn id(&self) -> Id;
    fn set_id(&mut self, id: Id);
    fn all(alliance: &Alliance) -> &Vec<Self>;
    fn all_mut(alliance: &mut Alliance) -> &mut Vec<Self>;
    fn wrap(change: Change<Self>) -> Edit;
    fn unwrap(edit: &Edit) -> Option<&Change<Self>>;
}

/// A reference from one record to another: the other's kind (its
/// `Entity::KIND`) and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ref {
    pub kind: &'static str,
    pub id: Id,
}

impl Ref {
    /// A reference to the record of kind `T` with this id.
    pub fn of<T: Entity>(id: Id) -> Ref {
        Ref { kind: T::KIND, id }
    }
}

/// How a kind of record refers to others, said once, next to its type. From
/// `refs` alone every edit is checked: what a record refers to must exist,
/// a record others still refer to cannot be removed, and removing one
/// takes its referrers along ([`Alliance::remove`]): those that can live
/// without the reference let go of it (`without`), the others go too.
/// `check_rules` holds the kind's other rules.
pub trait Refs: Sized {
    /// The records this one refers to.
    fn refs(&self) -> Vec<Ref> {
        Vec::new()
    }
    /// This record without its reference to `gone`, when it can do without
    /// (an action loses its holder, a node one of its owners); `None` when
    /// it is removed with what it refers to (the default).
    fn without(&self, _gone: Ref) -> Option<Self> {
        None
    }
    /// Its confidential texts, by field name: sealed in a file with a
    /// passphrase (see `crate::crypt`). With `all`, also those that are
    /// confidential only in some states (a relation's note is while it is
    /// the facilitator's own), so that opening finds every sealed text.
    fn secrets(&mut self, _all: bool) -> Vec<(&'static str, &mut String)> {
        Vec::new()
    }
    /// Rules beyond references (a score's range, a frozen version …).
    fn check_rules(_alliance: &Alliance, _change: &Change<Self>) -> Result<(), EditError> {
        Ok(())
    }
}

/// Of a change that takes a record away or adds one: `of(record)` (whether
/// its round was revealed, its party) and whether it was added.
fn gone_or_added<T: Entity>(
    c: &Change<T>,
    of: impl Fn(&T) -> (bool, Id),
) -> Option<(bool, Id, bool)> {
    match (&c.before, &c.after) {
        (Some(b), None) => {
            let (revealed, party) = of(b);
            Some((revealed, party, false))
        }
        (None, Some(a)) => {
            let (revealed, party) = of(a);
            Some((revealed, party, true))
        }
        _ => None,
    }
}

/// The checks every change goes through: references (from `Refs::refs`),
/// then the kind's own rules.
pub(super) fn check_change<T: Entity>(a: &Alliance, c: &Change<T>) -> Result<(), EditError> {
    if let Some(after) = &c.after
        && let Some(r) = after.refs().into_iter().find(|r| !a.exists(*r))
    {
        return Err(EditError::Missing {
            kind: r.kind,
            id: r.id,
        });
    }
    if let Some(after) = &c.after
        && let Some((field, limit)) = too_long(after)
    {
        return Err(EditError::TooLong { field, limit });
    }
    if let (Some(before), None) = (&c.before, &c.after)
        && let Some(by) = a.referrer_of(Ref::of::<T>(before.id()))
    {
        return Err(EditError::InUse {
            kind: T::KIND,
            id: before.id(),
            by,
        });
    }
    T::check_rules(a, c)
}

impl Alliance {
    /// Whether the record a reference points at exists.
    pub fn exists(&self, r: Ref) -> bool {
        struct Find<'a>(&'a Alliance, Ref, bool);
        impl KindVisitor for Find<'_> {
            type Error = std::convert::Infallible;
            fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
                if T::KIND == self.1.kind {
                    self.2 = T::all(self.0).iter().any(|e| e.id() == self.1.id);
                }
                Ok(())
            }
        }
        let mut find = Find(self, r, false);
        let _ = for_each_kind(&mut find);
        find.2
    }

    /// The kind of a record that refers to `r`, if any does.
    pub fn referrer_of(&self, r: Ref) -> Option<&'static str> {
        struct Find<'a>(&'a Alliance, Ref, Option<&'static str>);
        impl KindVisitor for Find<'_> {
            type Error = std::convert::Infallible;
            fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
                if self.2.is_none() && T::all(self.0).iter().any(|e| e.refs().contains(&self.1)) {
                    self.2 = Some(T::KIND);
                }
                Ok(())
            }
        }
        let mut find = Find(self, r, None);
        let _ = for_each_kind(&mut find);
        find.2
    }

    /// The ids of the records of `kind` that some record refers to, in one
    /// walk over everything (for a screen that asks of many records).
    pub fn referred(&self, kind: &str) -> std::collections::HashSet<Id> {
        struct Walk<'a, 'k>(&'a Alliance, &'k str, std::collections::HashSet<Id>);
        impl KindVisitor for Walk<'_, '_> {
            type Error = std::convert::Infallible;
            fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
                for e in T::all(self.0) {
                    self.2.extend(
                        e.refs()
                            .into_iter()
                            .filter(|r| r.kind == self.1)
                            .map(|r| r.id),
                    );
                }
                Ok(())
            }
        }
        let mut walk = Walk(self, kind, std::collections::HashSet::new());
        let _ = for_each_kind(&mut walk);
        walk.2
    }

    /// Remove a record with everything that refers to it, as one undoable
    /// step: referrers that can do without it let go of it
    /// ([`Refs::without`]), the others are removed too, with their own
    /// referrers first. `None` when there is no such record.
    pub fn remove<T: Entity>(&self, id: Id) -> Option<Edit> {
        self.remove_all::<T>(&[id])
    }

    /// [`Alliance::remove`] for several records of a kind at once (one
    /// step).
    pub fn remove_all<T: Entity>(&self, ids: &[Id]) -> Option<Edit> {
        let mut scratch = self.clone();
        let mut edits = Vec::new();
        let mut reached = std::collections::HashSet::new();
        for r in ids.iter().map(|id| Ref::of::<T>(*id)) {
            if scratch.exists(r) {
                scratch.cascade(r, &mut edits, &mut reached);
            }
        }
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }

    /// Remove `gone` from this (scratch) alliance after what refers to it,
    /// and note each edit made. Each edit is applied as it is noted, so a
    /// record reached twice is let go of or removed once, from its latest
    /// state; an edit the alliance refuses is kept, so that performing the
    /// whole step reports the refusal. Each record is reached once, so two
    /// records that refer to each other (a covenant version and the round
    /// that adopted it) end the walk.
    fn cascade(
        &mut self,
        gone: Ref,
        edits: &mut Vec<Edit>,
        reached: &mut std::collections::HashSet<Ref>,
    ) {
        if !reached.insert(gone) {
            return;
        }
        struct Referrers<'a>(&'a Alliance, Ref, Vec<Edit>, Vec<Ref>);
        impl KindVisitor for Referrers<'_> {
            type Error = std::convert::Infallible;
            fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
                for e in T::all(self.0).iter().filter(|e| e.refs().contains(&self.1)) {
                    match e.without(self.1) {
                        Some(kept) => self.2.push(T::wrap(Change {
                            before: Some(e.clone()),
                            after: Some(kept),
                        })),
                        None => self.3.push(Ref::of::<T>(e.id())),
                    }
                }
                Ok(())
            }
        }
        struct Itself<'a>(&'a Alliance, Ref, Option<Edit>);
        impl KindVisitor for Itself<'_> {
            type Error = std::convert::Infallible;
            fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
                if T::KIND == self.1.kind {
                    self.2 = T::all(self.0)
                        .iter()
                        .find(|e| e.id() == self.1.id)
                        .map(Alliance::delete);
                }
                Ok(())
            }
        }
        let mut referrers = Referrers(self, gone, Vec::new(), Vec::new());
        let _ = for_each_kind(&mut referrers);
        let Referrers(_, _, unlinks, removals) = referrers;
        for edit in unlinks {
            let _ = self.apply_in_place(&edit);
            edits.push(edit);
        }
        // The commissioner lets go of the party it also was.
        if (self.info.commissioner.party).is_some_and(|id| gone == Ref::of::<Party>(id)) {
            let mut info = self.info.clone();
            info.commissioner.party = None;
            let edit = self.set_info(info);
            let _ = self.apply_in_place(&edit);
            edits.push(edit);
        }
        for r in removals {
            if self.exists(r) {
                self.cascade(r, edits, reached);
            }
        }
        let mut itself = Itself(self, gone, None);
        let _ = for_each_kind(&mut itself);
        if let Some(edit) = itself.2 {
            let _ = self.apply_in_place(&edit);
            edits.push(edit);
        }
    }

    /// Every reference in the alliance that points at nothing: (the
    /// referring record's kind and id, the reference).
    pub fn dangling_refs(&self) -> Vec<(&'static str, Id, Ref)> {
        struct Walk<'a>(&'a Alliance, Vec<(&'static str, Id, Ref)>);
        impl KindVisitor for Walk<'_> {
            type Error = std::convert::Infallible;
            fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
                for e in T::all(self.0) {
                    for r in e.refs() {
                        if !self.0.exists(r) {
                            self.1.push((T::KIND, e.id(), r));
                        }
                    }
                }
                Ok(())
            }
        }
        let mut walk = Walk(self, Vec::new());
        let _ = for_each_kind(&mut walk);
        walk.1
    }
}

pub(super) fn missing(kind: &'static str, id: Id) -> EditError {
    EditError::Missing { kind, id }
}

pub(super) fn version_frozen(a: &Alliance, version: Id) -> bool {
    a.covenant_versions
        .iter()
        .any(|v| v.id == version && v.is_frozen())
}

fn apply_change<T: Entity>(a: &mut Alliance, c: &Change<T>) -> Result<(), EditError> {
    check_change(a, c)?;
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

    /// In a few words, what this edit did: the kind of record, whether
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
                kind: "alliance",
                name: Kind::Alliance,
                action: StepAction::Changed,
                label: after.name.clone(),
                party: None,
            }),
            _ => {
                struct KindOf;
                impl Visitor for KindOf {
                    type Out = (&'static str, Kind);
                    fn change<T: Entity>(&mut self, _: &Change<T>) -> Self::Out {
                        (T::KIND, T::NAME)
                    }
                }
                let (kind, name) = self.visit(&mut KindOf)?;
                let value = serde_json::to_value(self).ok()?;
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
                .find(|t| !t.is_empty() && !super::confidential::is_sealed(t))
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
                let party = record.get("party").and_then(|v| v.as_i64());
                Some(Summary {
                    kind,
                    name,
                    action,
                    label,
                    party,
                })
            }
        }
    }

    /// The first record text in this edit over its limit (see
    /// [`too_long`]).
    pub fn first_too_long(&self) -> Option<(String, usize)> {
        struct Long;
        impl Visitor for Long {
            type Out = Option<(String, usize)>;
            fn change<T: Entity>(&mut self, c: &Change<T>) -> Self::Out {
                [&c.before, &c.after]
                    .into_iter()
                    .flatten()
                    .find_map(|r| too_long(r))
            }
        }
        match self {
            Edit::Batch(edits) => edits.iter().find_map(Edit::first_too_long),
            Edit::Info { before, after } => too_long(before.as_ref()).or(too_long(after.as_ref())),
            _ => self.visit(&mut Long).flatten(),
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
        match edit {
            // A batch is all or nothing: it is applied to a copy, which
            // takes the alliance's place only when every part went in.
            Edit::Batch(_) => {
                *self = self.applied(edit)?;
                Ok(())
            }
            // One change is checked whole before anything changes (its
            // references, rules, and the record it replaces), so a refused
            // one leaves the alliance as it was: no copy of a region's
            // thousands of records for every keystroke, stance or undo.
            _ => {
                self.witnessed_kept(edit, None)?;
                self.apply_in_place(edit)
            }
        }
    }

    /// The alliance with `edit` applied, leaving this one as it is: one
    /// copy, made before anything changes, so a failed edit changes
    /// nothing.
    pub fn applied(&self, edit: &Edit) -> Result<Alliance, EditError> {
        let mut next = self.clone();
        next.apply_in_place(edit)?;
        self.witnessed_kept(edit, Some(&next))?;
        Ok(next)
    }

    /// What the room saw revealed stays: a stance, an objection or a dot
    /// of a revealed round, or a set signature, is taken away only with
    /// its party (removed
    /// from the register by `next`, the alliance after the edit; none: a
    /// single change, which removes no party), and one is added only when
    /// its party comes back with it (the undo of that removal).
    fn witnessed_kept(&self, edit: &Edit, next: Option<&Alliance>) -> Result<(), EditError> {
        let revealed_round = |round: Id| self.round(round).is_some_and(|r| r.revealed);
        let revealed_dots = |round: Id| self.priority_round(round).is_some_and(|r| r.revealed);
        let party_stays = |party: Id| next.is_none_or(|n| n.party(party).is_some());
        let party_was = |party: Id| self.party(party).is_some();
        // (revealed, party, added): a stance, objection or dot taken away or added.
        let witnessed = match edit {
            Edit::Batch(edits) => {
                return edits.iter().try_for_each(|e| self.witnessed_kept(e, next));
            }
            Edit::Vote(c) => gone_or_added(c, |v| (revealed_round(v.round), v.party)),
            Edit::Objection(c) => gone_or_added(c, |o| (revealed_round(o.round), o.party)),
            Edit::PriorityMark(c) => gone_or_added(c, |m| (revealed_dots(m.round), m.party)),
            Edit::Checkin(c) => gone_or_added(c, |x| {
                let shown = x
                    .round
                    .is_some_and(|r| self.checkin_round(r).is_some_and(|r| r.shown));
                (shown, x.party)
            }),
            // A set signature is withdrawn, not removed; signing adds one.
            Edit::Signature(Change {
                before: Some(s),
                after: None,
            }) => Some((s.signed, s.party, false)),
            _ => None,
        };
        match witnessed {
            Some((true, party, false)) if party_stays(party) => Err(EditError::Committed),
            Some((true, party, true)) if party_was(party) => Err(EditError::Committed),
            _ => Ok(()),
        }
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
                if let Some((field, limit)) = too_long(after.as_ref()) {
                    return Err(EditError::TooLong { field, limit });
                }
                // The party the commissioner also is must be there.
                if let Some(id) = after.commissioner.party
                    && before.commissioner.party != Some(id)
                    && self.party(id).is_none()
                {
                    return Err(EditError::Missing { kind: "party", id });
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
        let high = T::all(self).iter().map(Entity::id).max().unwrap_or(0);
        // A party's id is never given again once the record names it.
        if T::KIND == "party" {
            return high.max(super::record::highest_party(self)) + 1;
        }
        high + 1
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

    /// The edit that removes a record (refused while others refer to it).
    pub fn delete<T: Entity>(entity: &T) -> Edit {
        T::wrap(Change {
            before: Some(entity.clone()),
            after: None,
        })
    }
}
