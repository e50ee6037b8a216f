//! Where the window and the command line take "today" and the time zone
//! from: the machine, unless the environment says otherwise. Core is handed
//! the clock this gives (`Document::open_at`); it never reads the
//! environment itself.

use samenspel_core::domain::clock::Clock;

/// The variable that fixes the day for the program and its commands
/// (`SAMENSPEL_TODAY=2027-01-12`), for documents made as of a date.
pub const TODAY_VAR: &str = "SAMENSPEL_TODAY";

/// The machine's clock, unless [`TODAY_VAR`] names a day.
pub fn from_env() -> Clock {
    std::env::var(TODAY_VAR)
        .ok()
        .and_then(|d| d.trim().parse().ok())
        .map_or(Clock::System, Clock::Fixed)
}

/// The machine's time zone as an IANA name ("Europe/London"): `TZ` when it
/// names one, else what the system is set to. `None` when neither says
/// (such a machine keeps UTC).
pub fn zone_name() -> Option<String> {
    let from_tz = std::env::var("TZ")
        .ok()
        .map(|z| z.trim().trim_start_matches(':').to_string())
        .filter(|z| z.contains('/') || z == "UTC");
    from_tz.or_else(|| iana_time_zone::get_timezone().ok())
}
