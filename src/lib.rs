//! Samenspel: an offline desktop companion for the independent facilitator
//! who guides several organisations into one alliance.
//!
//! The flow: a user action in a [`ui`] panel becomes a [`domain::Edit`],
//! which the [`document::Document`] applies to the in-memory
//! [`domain::Alliance`] and commits to the [`store`] in one step.

pub mod audience;
pub mod cli;
#[doc(hidden)]
pub mod crash;
pub mod crypt;
pub mod csvimport;
pub mod document;
pub mod domain;
pub mod draft;
pub mod example;
pub mod exchange;
pub mod geometry;
pub mod i18n;
pub mod labels;
pub mod phone;
pub mod report;
pub mod room;
pub mod store;
pub mod tokens;
pub mod ui;
pub mod words;
