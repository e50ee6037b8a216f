//! The meeting pack (agenda, background per item, proposals to decide,
//! ground rules, open actions, and the two maps) and the minutes (who was
//! there, what was said, what was decided, the next step per item, and
//! the actions). Both are built from the room projection only.

use crate::audience::{RoomAction, RoomLink, RoomMeeting, RoomOutcome, RoomView};
use crate::i18n::{Lang, T};
use crate::words::RoomWords;

use super::{ACCENT, BODY, DocInfo, Layout, MUTED, WARN, Weight, maps, plan};

/// "Steering group · 12-03-2024 · 14:00–16:00 · Place".
fn when_and_where(m: &RoomMeeting, lang: Lang) -> String {
    let mut parts = Vec::new();
    parts.push(
        m.body
            .clone()
            .unwrap_or_else(|| lang.tr(T::WholeAlliance).to_string()),
    );
    if let Some(d) = m.date {
        parts.push(lang.date(d));
    }
    match (m.start.trim(), m.end.trim()) {
        ("", _) => {}
        (s, "") => parts.push(s.to_string()),
        (s, e) => parts.push(format!("{s}–{e}")),
    }
    if !m.place.trim().is_empty() {
        parts.push(m.place.clone());
    }
    parts.join(" · ")
}

fn link_text(link: &RoomLink, lang: Lang) -> Option<String> {
    Some(match link {
        RoomLink::None => return None,
        RoomLink::FocalPoint(name) => format!("{}: {name}", lang.tr(T::SubjectFocalPoint)),
        RoomLink::Round(_, proposal) => format!("{}: {proposal}", lang.tr(T::Proposal)),
        RoomLink::GroundRule(text) => format!("{}: {text}", lang.tr(T::SubjectRule)),
        RoomLink::StrategyMap => lang.tr(T::PdfSeeStrategy).to_string(),
        RoomLink::NetworkMap => lang.tr(T::PdfSeeNetwork).to_string(),
        RoomLink::WorkPlan => lang.tr(T::PdfSeeWorkPlan).to_string(),
    })
}

/// Actions as a table; `with_origin` adds the meeting where each was
/// agreed (for actions carried over).
fn actions_table(
    doc: &mut Layout,
    actions: &[std::sync::Arc<RoomAction>],
    lang: Lang,
    with_origin: bool,
) {
    let rows: Vec<Vec<String>> = actions
        .iter()
        .map(|a| {
            let mut row = vec![
                a.what.clone(),
                if a.who.is_empty() {
                    "—".into()
                } else {
                    a.who.clone()
                },
                a.due.map(|d| lang.date(d)).unwrap_or_else(|| "—".into()),
            ];
            if with_origin {
                row.push(a.agreed_at.clone());
            }
            row
        })
        .collect();
    if with_origin {
        doc.table(
            &[0.38, 0.24, 0.15, 0.23],
            &[
                lang.tr(T::PdfWhat),
                lang.tr(T::Who),
                lang.tr(T::Due),
                lang.tr(T::PdfAgreedAt),
            ],
            &rows,
            9.5,
        );
    } else {
        doc.table(
            &[0.52, 0.31, 0.17],
            &[lang.tr(T::PdfWhat), lang.tr(T::Who), lang.tr(T::Due)],
            &rows,
            9.5,
        );
    }
}

fn cover(doc: &mut Layout, room: &RoomView, kind: &str, m: &RoomMeeting, lang: Lang) {
    doc.paragraph_in(&room.name, Weight::Regular, 11.0, 0.0, MUTED);
    doc.space(1.0);
    doc.paragraph_in(kind, Weight::Bold, 11.0, 0.0, ACCENT);
    doc.space(1.0);
    doc.heading(&m.title, 20.0);
    doc.paragraph(&when_and_where(m, lang), Weight::Regular, BODY, 0.0);
    doc.space(6.0);
}

fn info(room: &RoomView, kind: T, m: &RoomMeeting, lang: Lang) -> DocInfo {
    let date = m.date.map(|d| lang.date(d)).unwrap_or_default();
    DocInfo {
        title: format!("{} — {}", lang.tr(kind), m.title),
        author: room.name.clone(),
        subject: format!("{} {date}", m.title),
        lang,
        header: format!("{} · {} · {}", room.name, lang.tr(kind), m.title),
        footer: match &room.record {
            // Where the record stood: anyone holding this page can later
            // ask for `samenspel verify --upto N` to show it unchanged.
            Some(mark) => format!(
                "{} · {} {date} · {}",
                room.name,
                lang.tr(kind),
                lang.record_mark(mark)
            ),
            None => format!("{} · {} {date}", room.name, lang.tr(kind)),
        },
    }
}

/// The meeting pack for meeting `id`, or `None` when there is no such
/// meeting.
///
/// Long for a reason: a document read top to bottom: its layout follows the page.
pub fn pack(room: &RoomView, id: crate::domain::Id, lang: Lang) -> Option<Vec<u8>> {
    let m = room.meeting(id)?;
    let mut doc = Layout::new(info(room, T::PdfPack, m, lang));
    cover(&mut doc, room, lang.tr(T::PdfPack), m, lang);

    doc.heading(lang.tr(T::PdfAgenda), 14.0);
    if m.slots.is_empty() {
        doc.paragraph_in(lang.tr(T::PdfNoSlots), Weight::Regular, BODY, 0.0, MUTED);
    }
    for (i, s) in m.slots.iter().enumerate() {
        doc.numbered(i + 1, &s.title, BODY);
    }
    doc.space(4.0);

    for (i, s) in m.slots.iter().enumerate() {
        doc.heading(&format!("{}. {}", i + 1, s.title), 13.0);
        if let Some(link) = link_text(&s.link, lang)
            && !matches!(s.link, RoomLink::Round(..))
        {
            doc.paragraph_in(&link, Weight::Regular, 9.5, 0.0, MUTED);
            doc.space(1.0);
        }
        if !s.background.trim().is_empty() {
            doc.paragraph(&s.background, Weight::Regular, BODY, 0.0);
        }
        if let RoomLink::Round(round, _) = s.link
            && let Some(r) = room.round(round)
        {
            doc.space(2.0);
            let label = match (r.status, r.decided) {
                (crate::domain::RoundStatus::Open, _) => lang.tr(T::PdfToDecide).to_string(),
                (crate::domain::RoundStatus::Adopted, Some(d)) => {
                    lang.tr(T::PdfDecidedOn).replace("{date}", &lang.date(d))
                }
                (status, _) => format!("{}: {}", lang.tr(T::Proposal), lang.round_status(status)),
            };
            doc.paragraph_in(&label, Weight::Bold, 9.5, 0.0, ACCENT);
            doc.paragraph(&r.proposal, Weight::Regular, BODY, 4.0);
            round_line(&mut doc, lang, r, true);
        }
        doc.space(4.0);
    }

    // The decisions to take: every proposal still open, whether or not
    // on this agenda, and every mandate the work plan still waits for.
    let open: Vec<_> = room
        .rounds
        .iter()
        .filter(|r| !r.status.is_closed())
        .collect();
    let mandates = plan::mandates_to_give(room, lang);
    doc.heading(lang.tr(T::PdfDecisionsToTake), 14.0);
    if open.is_empty() && mandates.is_empty() {
        doc.paragraph_in(
            lang.tr(T::PdfNoDecisions),
            Weight::Regular,
            BODY,
            0.0,
            MUTED,
        );
    }
    if !open.is_empty() || !mandates.is_empty() {
        doc.heading(lang.tr(T::PdfProposals), 11.5);
    }
    if open.is_empty() && !mandates.is_empty() {
        doc.paragraph_in(
            lang.tr(T::PdfNoProposals),
            Weight::Regular,
            BODY,
            0.0,
            MUTED,
        );
    }
    for r in open {
        doc.bullet(
            &format!(
                "{} ({}{})",
                r.proposal,
                lang.room_subject(&r.subject),
                put_to(lang, r)
            ),
            BODY,
        );
        for line in lang.set_round_rules(room, r) {
            doc.paragraph(&format!("– {line}"), Weight::Regular, 9.0, 6.0);
        }
        if let RoomOutcome::Waiting(missing) = &r.outcome
            && !missing.is_empty()
        {
            doc.paragraph_in(
                &format!("{} {}", lang.tr(T::PdfWaitingFor), missing.join(", ")),
                Weight::Regular,
                8.5,
                6.0,
                MUTED,
            );
        }
    }
    if !mandates.is_empty() {
        doc.space(2.0);
        doc.heading(lang.tr(T::PdfMandatesToGive), 11.5);
        for line in &mandates {
            doc.bullet(line, BODY);
        }
    }
    doc.space(4.0);

    // What was corrected or put again since the last meeting.
    let since = room
        .meetings
        .iter()
        .filter_map(|x| x.date)
        .filter(|d| m.date.is_some_and(|at| *d < at))
        .max();
    afterwards(&mut doc, room, lang, |d| {
        since.is_none_or(|s| d >= s) && m.date.is_none_or(|at| d < at)
    });

    plan::work_plan(&mut doc, room, m, lang);
    plan::comments_processed(&mut doc, room, m, lang);
    plan::focal_points(&mut doc, room, lang);
    doc.space(2.0);
    plan::reliance_table(&mut doc, room, lang);

    doc.heading(lang.tr(T::NavRules), 14.0);
    if room.rules.is_empty() {
        doc.paragraph_in(lang.tr(T::PdfNoRules), Weight::Regular, BODY, 0.0, MUTED);
    }
    // Each set with its one owner, then the rules in no set.
    let rule_line = |r: &crate::audience::RoomRule| {
        let mut line = format!("{} ({}", r.text, lang.rule_level(r.level));
        if r.status != crate::domain::RuleStatus::Adopted {
            line.push_str(&format!(", {}", lang.rule_status(r.status).to_lowercase()));
        }
        line.push(')');
        line
    };
    for set in &room.rule_sets {
        let mut head = format!("{} ({})", set.name, lang.rule_level(set.level));
        if let Some(owner) = &set.owner {
            head.push_str(&format!(" — {}: {owner}", lang.tr(T::SystemOwner)));
        }
        doc.heading(&head, 11.0);
        if !set.mandate.trim().is_empty() {
            doc.paragraph_in(&set.mandate, Weight::Regular, 9.0, 0.0, MUTED);
        }
        if let Some(trend) = lang.trend(&set.trend) {
            doc.paragraph_in(&trend, Weight::Regular, 9.0, 0.0, ACCENT);
        }
        for r in room
            .rules
            .iter()
            .filter(|r| r.set.as_ref() == Some(&set.name))
        {
            doc.bullet(&rule_line(r), BODY);
        }
        doc.space(1.5);
    }
    for r in room.rules.iter().filter(|r| r.set.is_none()) {
        let mut line = rule_line(r);
        if let Some(trend) = lang.trend(&r.trend) {
            line.push_str(&format!(" — {trend}"));
        }
        doc.bullet(&line, BODY);
    }
    doc.space(4.0);

    doc.heading(lang.tr(T::PdfOpenActions), 14.0);
    if m.open_actions.is_empty() {
        doc.paragraph_in(lang.tr(T::PdfNoActions), Weight::Regular, BODY, 0.0, MUTED);
    } else {
        actions_table(&mut doc, &m.open_actions, lang, true);
    }

    // The maps only when they have something on them.
    if !room.strategy.nodes.is_empty() {
        maps::strategy(&mut doc, &room.strategy, lang);
    }
    if !room.network.relations.is_empty() {
        maps::network(&mut doc, &room.network, lang);
    }
    if !room.network.dependencies.is_empty() {
        maps::reliance(&mut doc, &room.network, lang);
    }
    Some(doc.finish())
}

/// An adopted round in the accent colour, any other outcome as a warning.
fn outcome_colour(r: &crate::audience::RoomRound) -> crate::tokens::print::Rgb {
    if r.status == crate::domain::RoundStatus::Adopted {
        ACCENT
    } else {
        WARN
    }
}

/// A round's subject, scale, (with `status`) where it stands, and the body
/// it was put to, in a small muted line.
fn round_line(doc: &mut Layout, lang: Lang, r: &crate::audience::RoomRound, status: bool) {
    let mut line = format!(
        "{} · {}",
        lang.room_subject(&r.subject),
        lang.scale(r.scale)
    );
    if status {
        line.push_str(&format!(" · {}", lang.round_status(r.status)));
    }
    line.push_str(&put_to(lang, r));
    doc.paragraph_in(&line, Weight::Regular, 8.5, 4.0, MUTED);
}

/// The stances corrected after a reveal and the decisions put again on
/// the days `within` takes, each under its round's proposal; nothing when
/// there are none. The visible way back from a commitment, in print.
fn afterwards(
    doc: &mut Layout,
    room: &RoomView,
    lang: Lang,
    within: impl Fn(chrono::NaiveDate) -> bool,
) {
    let mut items: Vec<(chrono::NaiveDate, String, String)> = Vec::new();
    for r in &room.rounds {
        for c in &r.corrections {
            if let Some(on) = c.on.filter(|d| within(*d)) {
                items.push((on, r.proposal.clone(), lang.corrected(r.scale, c)));
            }
        }
        for (on, reason) in &r.reopened {
            if let Some(on) = on.filter(|d| within(*d)) {
                items.push((on, r.proposal.clone(), lang.reopened(Some(on), reason)));
            }
        }
    }
    if items.is_empty() {
        return;
    }
    items.sort_by_key(|x| x.0);
    doc.heading(lang.tr(T::PdfAfterwards), 14.0);
    for (_, proposal, line) in items {
        doc.paragraph_in(&proposal, Weight::Bold, BODY, 0.0, WARN);
        doc.paragraph(&line, Weight::Regular, BODY, 4.0);
    }
    doc.space(4.0);
}

/// The minutes of meeting `id`, or `None` when there is no such meeting.
pub fn minutes(room: &RoomView, id: crate::domain::Id, lang: Lang) -> Option<Vec<u8>> {
    let m = room.meeting(id)?;
    let mut doc = Layout::new(info(room, T::Minutes, m, lang));
    cover(&mut doc, room, lang.tr(T::Minutes), m, lang);

    let name = |a: &crate::audience::RoomAttendee| match &a.party {
        Some(p) => format!("{} ({p})", a.name),
        None => a.name.to_string(),
    };
    let present: Vec<String> = m
        .attendance
        .iter()
        .filter(|a| a.present)
        .map(name)
        .collect();
    let absent: Vec<String> = m
        .attendance
        .iter()
        .filter(|a| !a.present)
        .map(name)
        .collect();
    let label_w = 34.0;
    doc.field(
        lang.tr(T::PdfPresent),
        &if present.is_empty() {
            "—".to_string()
        } else {
            present.join(", ")
        },
        label_w,
    );
    if !absent.is_empty() {
        doc.field(lang.tr(T::PdfAbsent), &absent.join(", "), label_w);
    }
    if !m.parties_absent.is_empty() {
        let names: Vec<&str> = m.parties_absent.iter().map(|p| p.as_ref()).collect();
        doc.field(lang.tr(T::PdfPartiesAbsent), &names.join(", "), label_w);
    }
    doc.field(
        lang.tr(T::PdfParties),
        &lang
            .tr(T::PdfPartiesAtTable)
            .replace("{n}", &m.parties_present.len().to_string())
            .replace("{total}", &m.parties_expected.to_string()),
        label_w,
    );
    doc.space(5.0);

    for (i, s) in m.slots.iter().enumerate() {
        doc.heading(&format!("{}. {}", i + 1, s.title), 13.0);
        if s.minutes.trim().is_empty() {
            doc.paragraph_in(lang.tr(T::PdfNoMinutes), Weight::Regular, BODY, 0.0, MUTED);
        } else {
            doc.paragraph(&s.minutes, Weight::Regular, BODY, 0.0);
        }
        if let RoomLink::Round(round, _) = s.link
            && let Some(r) = room.round(round)
        {
            doc.space(1.5);
            let state = match r.decided {
                Some(d) if r.status == crate::domain::RoundStatus::Adopted => {
                    lang.tr(T::PdfAdoptedOn).replace("{date}", &lang.date(d))
                }
                _ => lang.round_status(r.status).to_string(),
            };
            let label = if r.status == crate::domain::RoundStatus::Adopted {
                lang.tr(T::Decision)
            } else {
                lang.tr(T::Proposal)
            };
            doc.paragraph_in(
                &format!("{label}: {} ({state}{})", r.proposal, put_to(lang, r)),
                Weight::Bold,
                BODY,
                0.0,
                outcome_colour(r),
            );
            for line in lang.set_round_rules(room, r) {
                doc.bullet(&line, BODY);
            }
        }
        if !s.next_step.trim().is_empty() {
            doc.space(1.5);
            doc.paragraph_in(lang.tr(T::NextStep), Weight::Bold, 9.5, 0.0, ACCENT);
            doc.paragraph(&s.next_step, Weight::Regular, BODY, 4.0);
        }
        doc.space(4.0);
    }

    // What was decided at this meeting, whether or not it was on the
    // agenda: every round decided that day (not the amended ones, which
    // live on in the round that followed).
    if let Some(at) = m.date {
        let decided: Vec<&crate::audience::RoomRound> = room
            .rounds
            .iter()
            .filter(|r| r.decided == Some(at) && r.status.is_closed())
            .filter(|r| r.status != crate::domain::RoundStatus::Amended)
            .collect();
        if !decided.is_empty() {
            doc.heading(lang.tr(T::PdfDecidedHere), 14.0);
            for r in decided {
                doc.paragraph_in(
                    &format!("{}: {}", lang.round_status(r.status), r.proposal),
                    Weight::Bold,
                    BODY,
                    0.0,
                    outcome_colour(r),
                );
                round_line(&mut doc, lang, r, false);
                for line in lang.set_round_rules(room, r) {
                    doc.bullet(&line, BODY);
                }
            }
            doc.space(4.0);
        }
        // What was corrected or put again at this meeting.
        afterwards(&mut doc, room, lang, |d| d == at);
    }

    plan::progress_recorded(&mut doc, room, m, lang);

    doc.heading(lang.tr(T::PdfAgreedActions), 14.0);
    if m.actions.is_empty() {
        doc.paragraph_in(lang.tr(T::PdfNoActions), Weight::Regular, BODY, 0.0, MUTED);
    } else {
        actions_table(&mut doc, &m.actions, lang, false);
    }
    if !m.open_actions.is_empty() {
        doc.space(3.0);
        doc.heading(lang.tr(T::PdfCarriedActions), 14.0);
        actions_table(&mut doc, &m.open_actions, lang, true);
    }
    if !m.completed_actions.is_empty() {
        doc.space(3.0);
        doc.heading(lang.tr(T::PdfCompletedActions), 14.0);
        actions_table(&mut doc, &m.completed_actions, lang, true);
    }
    Some(doc.finish())
}

/// The meeting a document is about when none is named: for a pack, the
/// next meeting (today or later), for minutes the last one held (today or
/// earlier); else the nearest there is.
pub fn default_meeting(
    room: &RoomView,
    for_pack: bool,
    today: chrono::NaiveDate,
) -> Option<crate::domain::Id> {
    let dated = room.meetings.iter().filter(|m| m.date.is_some());
    let pick = if for_pack {
        dated
            .filter(|m| m.date >= Some(today))
            .min_by_key(|m| m.date)
            .or_else(|| room.meetings.last())
    } else {
        dated
            .filter(|m| m.date <= Some(today))
            .max_by_key(|m| m.date)
            .or_else(|| room.meetings.first())
    };
    pick.map(|m| m.id)
}

/// " · put to the board table" for a round put to one body.
fn put_to(lang: Lang, r: &crate::audience::RoomRound) -> String {
    if r.body.is_empty() {
        String::new()
    } else {
        format!(" · {}", lang.tr(T::PutToBody).replace("{body}", &r.body))
    }
}
