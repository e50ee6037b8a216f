//! The domain of Samenspel: plain Rust types and rules, no egui and no SQL.

pub mod agenda;
pub mod alliance;
pub mod check;
pub mod consensus;
pub mod covenant;
pub mod edit;
pub mod intake;
pub mod meeting;
mod register;
pub mod rules;
pub mod strategy;

pub use agenda::{AgendaItem, FocalPoint, PriorityMark, PriorityMethod, PriorityRound};
pub use alliance::{
    Alliance, AllianceInfo, Body, BodyKind, Commissioner, Id, Membership, Party, PartyKind, Person,
    Phase, TrustPoint,
};
pub use check::Finding;
pub use consensus::{Correction, Outcome, Round, RoundStatus, Scale, Subject, Via, Vote};
pub use covenant::{Clause, ClauseKind, CovenantVersion, Signature};
pub use edit::{Change, Edit, EditError, Ref, StepAction, Summary};
pub use intake::{
    Answer, ComfortFrom, ComfortNeed, ComfortStatus, Interview, Question, QuestionKind,
    SCORE_RANGE, Stance, Visibility,
};
pub use meeting::{Action, AgendaSlot, Attendance, Meeting, SlotLink};
pub use rules::{Checkin, GroundRule, RuleLevel, RuleStatus, Situation};
pub use strategy::{
    Actor, Lane, MapLink, MapNode, NodeKind, Placement, Relation, RelationKind, Ring,
};
