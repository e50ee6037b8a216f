//! The domain of Samenspel: plain Rust types and rules, no egui and no SQL.

pub mod agenda;
pub mod alliance;
pub mod ballot;
pub mod check;
pub mod checkin;
pub mod clock;
pub mod comments;
pub mod confidential;
pub mod consensus;
pub mod covenant;
pub mod draw;
pub mod edit;
pub mod intake;
pub mod meeting;
pub mod network;
pub mod plan;
pub mod record;
mod register;
pub mod reliance;
pub mod rules;
pub mod starter;
pub mod strategy;
pub mod table;

/// A map keyed by record id. Ids are small integers the program makes
/// itself, so a fast hasher (foldhash) does instead of SipHash's defence
/// against chosen keys; the room projection looks ids up thousands of
/// times a revision.
pub type IdMap<V> = FastMap<Id, V>;
/// A set of record ids (see [`IdMap`]).
pub type IdSet = FastSet<Id>;
/// A map with the same fast hasher, for other keys the program makes from
/// the file (actors, pairs of ids): built per frame or per projection.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
/// A set with the fast hasher (see [`FastMap`]).
pub type FastSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;

pub use agenda::{AgendaItem, FocalPoint, PriorityMark, PriorityMethod, PriorityRound};
pub use alliance::{
    Alliance, AllianceInfo, Body, BodyKind, Commissioner, Id, Language, Membership, Party,
    PartyKind, Person, Phase, TrustPoint,
};
pub use ballot::Ballot;
pub use check::Finding;
pub use checkin::{CheckinResult, CheckinRound, RuleTally};
pub use comments::{Comment, CommentRound, CommentVia, Draft, Response};
pub use confidential::Confidential;
pub use consensus::{Correction, Outcome, Round, RoundStatus, Scale, Subject, Via, Vote};
pub use covenant::{Clause, ClauseKind, CovenantVersion, Signature};
pub use edit::{Change, Edit, EditError, Kind, Ref, StepAction, Summary};
pub use intake::{
    Answer, ComfortFrom, ComfortNeed, ComfortStatus, Interview, Question, QuestionKind,
    SCORE_RANGE, Stance, Visibility,
};
pub use meeting::{Action, AgendaSlot, Attendance, Meeting, SlotLink};
pub use plan::{Mandate, PlanLine, PlanProgress, PlanStatus};
pub use reliance::Reliance;
pub use rules::{
    Checkin, GroundRule, Objection, RuleLevel, RuleProposal, RuleSet, RuleStatus, Situation,
};
pub use strategy::{
    Actor, Lane, MapLink, MapNode, NodeKind, Placement, Relation, RelationKind, Ring,
};
pub use table::{Category, DrawCandidate, SeatDraw, SeatQuota, TableSeat};
