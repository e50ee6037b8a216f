//! The egui interface. Panels draw from an `&Alliance` and push edits; the
//! app performs them through the [`crate::document::Document`].

pub mod agenda;
pub mod alliance;
pub mod app;
pub mod bodies;
pub mod canvas;
pub mod checkin;
pub mod comfort;
pub mod command;
pub mod comments;
pub mod covenant;
pub mod csv_import;
pub mod decisions;
pub mod guide;
pub mod intake;
pub mod matrix;
pub mod meetings;
pub mod network;
pub mod parties;
pub mod people;
pub mod plan;
pub mod reliance;
pub use samenspel_output::present;
pub mod room;
pub mod rounds;
pub mod rules;
pub mod settings;
pub mod shared;
pub mod start;
pub mod strategy;
pub mod table;
pub use samenspel_output::theme;
pub mod trust;
pub mod widgets;

pub use app::{AppOptions, FileDialogs, NativeDialogs, PresentMode, SamenspelApp, View};
pub use settings::Settings;
