//! The domain of Samenspel: plain Rust types and rules, no egui and no SQL.

pub mod alliance;
pub mod edit;

pub use alliance::{
    Alliance, AllianceInfo, Body, BodyKind, Commissioner, Finding, Id, Membership, Party,
    PartyKind, Person, Phase,
};
pub use edit::{Change, Edit, EditError};
