//! Samenspel: an offline desktop companion for the independent facilitator
//! who guides several organisations into one alliance.
//!
//! The flow: a user action in a [`ui`] panel becomes a [`domain::Edit`],
//! which the [`document::Document`] applies to the in-memory
//! [`domain::Alliance`] and commits to the [`store`] in one step.
//!
//! The workspace's crates are the architecture (the README draws them):
//! `samenspel-core` ← `samenspel-catalogue` ← `samenspel-projection` ←
//! `samenspel-output` ← `samenspel-app` ← this crate, the command line.
//! This crate re-exports each module under the name it always had, so
//! `samenspel::domain`, `samenspel::document` and `samenspel::ui` stay
//! where they were.

pub mod cli;

#[doc(hidden)]
pub use samenspel_core::crash;
pub use samenspel_core::{crypt, csvimport, document, exchange, store};

/// The domain ([`samenspel_core::domain`]), with the covenant's drafting
/// (from the catalogue) where it always was.
pub mod domain {
    pub use samenspel_core::domain::*;

    pub mod covenant {
        pub use samenspel_catalogue::draft::draft_clauses;
        pub use samenspel_core::domain::covenant::*;
    }
}

pub use samenspel_app::{example, room, ui};
pub use samenspel_catalogue::{draft, i18n};
pub use samenspel_output::{labels, report, tokens, words};
pub use samenspel_projection::{audience, geometry, phone};
