//! A meeting as an iCalendar (.ics) invitation, from the calendar view
//! of the meeting (`projection::print::CalendarView`): its title, day,
//! times, place and agenda titles, nothing else.

use samenspel_projection::print::CalendarView;

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Fold a content line at 75 octets, as RFC 5545 asks, without splitting
/// a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn time(t: &str) -> Option<(u32, u32)> {
    let (h, m) = t.trim().split_once(':')?;
    let (h, m) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// The meeting as an iCalendar (.ics) invitation: one VEVENT in the
/// local time of `zone` (the machine's time zone, an IANA name; UTC
/// without one), with that zone's VTIMEZONE and the agenda in its
/// description. `None` without a date.
pub fn ics(
    meeting: &CalendarView,
    body_name: &str,
    stamp: &str,
    zone: Option<&str>,
) -> Option<String> {
    let date = meeting.date?;
    let tz = parse_zone(zone);
    let tzid = tz.name();
    let (sh, sm) = time(&meeting.start).unwrap_or((9, 0));
    let (eh, em) = time(&meeting.end).unwrap_or(((sh + 2).min(23), sm));
    let d = date.format("%Y%m%d");
    let description = meeting
        .agenda
        .iter()
        .enumerate()
        .map(|(i, title)| format!("{}. {title}", i + 1))
        .collect::<Vec<_>>()
        .join("\n");
    // The body's name once: not "Stuurgroep — Stuurgroep 12 maart".
    let summary = if body_name.trim().is_empty()
        || meeting
            .title
            .to_lowercase()
            .contains(&body_name.trim().to_lowercase())
    {
        meeting.title.clone()
    } else {
        format!("{} — {}", body_name, meeting.title)
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Samenspel//Samenspel//NL".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    // The time zone the times are in, as RFC 5545 asks for every TZID.
    lines.extend(vtimezone(tz, date));
    let mut out = String::new();
    for line in lines.into_iter().chain([
        "BEGIN:VEVENT".into(),
        format!("UID:meeting-{}-{d}@samenspel", meeting.id),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;TZID={tzid}:{d}T{sh:02}{sm:02}00"),
        format!("DTEND;TZID={tzid}:{d}T{eh:02}{em:02}00"),
        format!("SUMMARY:{}", escape(&summary)),
        format!("LOCATION:{}", escape(&meeting.place)),
        format!("DESCRIPTION:{}", escape(&description)),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ]) {
        out.push_str(&fold(&line));
    }
    Some(out)
}

/// The zone an IANA name means ("Europe/London", or a path into the
/// zone database); UTC when there is none or it is unknown.
fn parse_zone(zone: Option<&str>) -> chrono_tz::Tz {
    zone.map(|z| z.rsplit_once("zoneinfo/").map_or(z, |(_, name)| name))
        .and_then(|z| z.trim().parse().ok())
        .unwrap_or(chrono_tz::Tz::UTC)
}

/// The VTIMEZONE of `tz` around `date`: each change of offset from the
/// autumn before the meeting's year to the end of that year, each with
/// the local time it happens at, the offsets either side and the name
/// (summer time as DAYLIGHT); a zone without changes gets one STANDARD.
fn vtimezone(tz: chrono_tz::Tz, date: chrono::NaiveDate) -> Vec<String> {
    use chrono::{Datelike, Offset, TimeZone};
    use chrono_tz::{OffsetComponents, OffsetName};
    let at = |t: i64| {
        let o = tz.offset_from_utc_datetime(
            &chrono::DateTime::from_timestamp(t, 0)
                .unwrap_or_default()
                .naive_utc(),
        );
        let name = o.abbreviation().unwrap_or("").to_string();
        (o.fix().local_minus_utc(), !o.dst_offset().is_zero(), name)
    };
    let utc = |y: i32, m: u32, d: u32| {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(0, |t| t.and_utc().timestamp())
    };
    let (from, to) = (utc(date.year() - 1, 7, 1), utc(date.year() + 1, 1, 1));
    let offset = |secs: i32| {
        let sign = if secs < 0 { '-' } else { '+' };
        let m = secs.abs() / 60;
        format!("{sign}{:02}{:02}", m / 60, m % 60)
    };
    let mut changes = Vec::new();
    let day = 86_400;
    let mut t = from;
    while t < to {
        let (before, after) = (at(t), at(t + day));
        if before != after {
            // The second it changes, between t and t + a day.
            let (mut lo, mut hi) = (t, t + day);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if at(mid) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            changes.push((hi, before, at(hi)));
        }
        t += day;
    }
    let mut out = vec!["BEGIN:VTIMEZONE".to_string(), format!("TZID:{}", tz.name())];
    if changes.is_empty() {
        let (secs, _, name) = at(from);
        out.extend([
            "BEGIN:STANDARD".to_string(),
            "DTSTART:19700101T000000".into(),
            format!("TZOFFSETFROM:{}", offset(secs)),
            format!("TZOFFSETTO:{}", offset(secs)),
            format!("TZNAME:{name}"),
            "END:STANDARD".into(),
        ]);
    }
    for (when, (from_secs, _, _), (to_secs, dst, name)) in changes {
        // Onset in the local time that held until then.
        let local = chrono::DateTime::from_timestamp(when + i64::from(from_secs), 0)
            .unwrap_or_default()
            .naive_utc();
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        out.extend([
            format!("BEGIN:{kind}"),
            format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")),
            format!("TZOFFSETFROM:{}", offset(from_secs)),
            format!("TZOFFSETTO:{}", offset(to_secs)),
            format!("TZNAME:{name}"),
            format!("END:{kind}"),
        ]);
    }
    out.push("END:VTIMEZONE".into());
    out
}
