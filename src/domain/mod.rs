//! The domain of Samenspel: plain Rust types and rules, no egui and no SQL.

pub mod alliance;
pub mod edit;
pub mod intake;
pub mod strategy;

pub use alliance::{
    Alliance, AllianceInfo, Body, BodyKind, Commissioner, Finding, Id, Membership, Party,
    PartyKind, Person, Phase, TrustPoint,
};
pub use edit::{Change, Edit, EditError};
pub use intake::{
    Answer, ComfortFrom, ComfortNeed, ComfortStatus, Interview, Question, QuestionKind,
    SCORE_RANGE, Stance, Visibility,
};
pub use strategy::{
    Actor, Lane, MapLink, MapNode, NodeKind, Placement, Relation, RelationKind, Ring,
};
