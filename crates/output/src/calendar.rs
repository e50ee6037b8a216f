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

/// The meeting as an iCalendar (.ics) invitation: one VEVENT in local
/// Amsterdam time, with the agenda in its description. `None` without a
/// date.
pub fn ics(meeting: &CalendarView, body_name: &str, stamp: &str) -> Option<String> {
    let date = meeting.date?;
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
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Samenspel//Samenspel//NL".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        // The time zone the times are in, as RFC 5545 asks for every TZID:
        // Central European Time with summer time from the last Sunday of
        // March to the last Sunday of October.
        "BEGIN:VTIMEZONE".into(),
        "TZID:Europe/Amsterdam".into(),
        "BEGIN:DAYLIGHT".into(),
        "TZOFFSETFROM:+0100".into(),
        "TZOFFSETTO:+0200".into(),
        "TZNAME:CEST".into(),
        "DTSTART:19700329T020000".into(),
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".into(),
        "END:DAYLIGHT".into(),
        "BEGIN:STANDARD".into(),
        "TZOFFSETFROM:+0200".into(),
        "TZOFFSETTO:+0100".into(),
        "TZNAME:CET".into(),
        "DTSTART:19701025T030000".into(),
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:meeting-{}-{d}@samenspel", meeting.id),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;TZID=Europe/Amsterdam:{d}T{sh:02}{sm:02}00"),
        format!("DTEND;TZID=Europe/Amsterdam:{d}T{eh:02}{em:02}00"),
        format!("SUMMARY:{}", escape(&summary)),
        format!("LOCATION:{}", escape(&meeting.place)),
        format!("DESCRIPTION:{}", escape(&description)),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ] {
        out.push_str(&fold(&line));
    }
    Some(out)
}
