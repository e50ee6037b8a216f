//! One clock for the whole program: "today" and "now" come from here, not
//! from the machine's clock read in many places, so tests and documents
//! can fix the day ("as of"), and what happened at a meeting is dated by
//! that meeting rather than by the day it was typed in.

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

/// The variable that fixes the day for the program and its commands
/// (`SAMENSPEL_TODAY=2027-01-12`), for documents made as of a date.
pub const TODAY_VAR: &str = "SAMENSPEL_TODAY";

impl Clock {
    /// The machine's clock, unless [`TODAY_VAR`] names a day.
    pub fn from_env() -> Clock {
        std::env::var(TODAY_VAR)
            .ok()
            .and_then(|d| d.trim().parse().ok())
            .map_or(Clock::System, Clock::Fixed)
    }

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

    /// The machine's time zone as an IANA name ("Europe/London"): `TZ`
    /// when it names one, else what the system is set to. `None` when
    /// neither says (such a machine keeps UTC).
    pub fn zone_name() -> Option<String> {
        let from_tz = std::env::var("TZ")
            .ok()
            .map(|z| z.trim().trim_start_matches(':').to_string())
            .filter(|z| z.contains('/') || z == "UTC");
        from_tz.or_else(|| iana_time_zone::get_timezone().ok())
    }

    /// Now as RFC 3339 to the second, as records write it.
    pub fn stamp(self) -> String {
        self.now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }
}
