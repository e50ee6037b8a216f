//! The core of Samenspel: the alliance in memory (entities, edits, undo,
//! the checks, the draw, the record of commitments), the file it lives in
//! (`store`, `document`), its crypto, and the exchange formats (JSON,
//! CSV). No windowing, no interface words, no clock of its own: "today"
//! comes in from the caller (`domain::clock`). See this crate's README.

#[doc(hidden)]
pub mod crash;
pub mod crypt;
pub mod csvimport;
pub mod document;
pub mod domain;
pub mod exchange;
pub mod store;
