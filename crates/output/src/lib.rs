//! What leaves the laptop or reaches the room: the slides (`present`), the
//! PDFs (`report`), the phone pages and the card's QR code (`room`), the
//! label placer of the maps (`labels`), the design tokens of the screen
//! (`theme`) and of print (`tokens`), and the projection's types in words
//! (`words`).
//! See this crate's README.
//!
//! # The wall
//!
//! This crate depends on `samenspel-projection` and the catalogue, never on
//! `samenspel-core`: whatever a document or page prints comes from a view a
//! projection built for its audience. It cannot name the alliance:
//!
//! ```compile_fail
//! // `samenspel-core` is not a dependency of this crate.
//! fn leak(a: &samenspel_core::domain::Alliance) -> usize {
//!     a.answers.len()
//! }
//! ```
//!
//! ```compile_fail
//! // Nor does the projection pass the alliance on: its `shared` types are
//! // ids, kinds, statuses and the public record of a draw.
//! use samenspel_projection::shared::Alliance;
//! ```
//!
//! It cannot open a confidential text: `Confidential::expose` has to name
//! the type, and neither crate this one depends on exports it.
//!
//! ```compile_fail
//! use samenspel_projection::shared::Confidential;
//! fn open(c: &Confidential<String>) -> &str {
//!     Confidential::expose(c)
//! }
//! ```
//!
//! ```compile_fail
//! // The print audience hands out views; the alliance it was made from
//! // stays inside it.
//! fn leak(p: &samenspel_projection::print::Printing) -> usize {
//!     p.a.answers.len()
//! }
//! ```
//!
//! What does compile: a document from a view.
//!
//! ```
//! use samenspel_catalogue::i18n::Lang;
//! use samenspel_projection::print::Printing;
//! fn title(p: &Printing) -> Option<Vec<u8>> {
//!     let view = p.covenant(None).ok()?;
//!     Some(samenspel_output::report::covenant::render(&view, Lang::En))
//! }
//! ```

pub mod calendar;
pub mod labels;
pub mod present;
pub mod report;
pub mod room;
pub mod theme;
pub mod tokens;
pub mod words;

use samenspel_catalogue::i18n;
use samenspel_projection::shared as domain;
use samenspel_projection::{audience, geometry, phone};
