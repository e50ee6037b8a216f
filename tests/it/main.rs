//! Integration tests, in one binary so egui is linked once.

mod bad_files;
mod between;
mod cli;
mod comments;
mod covenant;
mod crash;
mod csv;
mod decide;
mod domain;
mod exchange;
mod first_time;
mod fuzz;
mod interrupted;
mod locked;
mod maps;
mod media;
mod meetings;
mod netmap;
mod pdf;
mod plan;
mod present;
mod record;
mod reliance;
mod room;
mod safe_files;
mod saving;
#[cfg(feature = "snapshots")]
mod snapshots;
mod store;
mod structure;
mod support;
mod table;
mod trust;
mod typing;
mod ui;
mod witnessed;
