//! One clock for the whole program: "today" and "now" come from here, not
//! from the machine's clock read in many places, so tests and documents
//! can fix the day ("as of"), and what happened at a meeting is dated by
//! that meeting rather than by the day it was typed in.
//!
//! Core never chooses its clock: the window and the command line hand one
//! in (`Document::open_at`, `Store::set_clock`), read from the environment
//! by `samenspel_app::clock`. Left alone, a store keeps the machine's.

use chrono::{NaiveDate, NaiveTime, TimeZone};

/// Where "today" comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Clock {
    /// The machine's clock (local date; times in UTC).
    #[default]
    System,
    /// A fixed day (tests, or a document made "as of" a date): now is
    /// that day's noon, UTC.
    Fixed(NaiveDate),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        match self {
            Clock::System => chrono::Local::now().date_naive(),
            Clock::Fixed(d) => d,
        }
    }

    /// Now, in UTC.
    pub fn now(self) -> chrono::DateTime<chrono::Utc> {
        match self {
            Clock::System => chrono::Utc::now(),
            Clock::Fixed(d) => {
                chrono::Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))
                    + chrono::Duration::hours(12)
            }
        }
    }

    /// Now as RFC 3339 to the second, as records write it.
    pub fn stamp(self) -> String {
        self.now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }
}
