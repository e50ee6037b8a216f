//! The work plan in documents: the focal points with their wishes (by
//! the room's dots), the plan with what changed since the last meeting,
//! what is overdue and what is stuck, the decisions to take (in the
//! meeting pack), the progress recorded (in the minutes), and the page
//! each party is sent: "Uw inbreng en waar die staat". Built from the
//! room projection only.

use crate::audience::{PartyShareView, RoomMeeting, RoomPlanLine, RoomView};
use crate::domain::{PlanStatus, PriorityMethod};
use crate::i18n::{Lang, T};
use crate::words::RoomWords;

use super::{ACCENT, BODY, DocInfo, Layout, MUTED, WARN, Weight};

/// "Loopt · klaar op 01-03-2025", and the mandate it still needs.
fn standing(line: &RoomPlanLine, lang: Lang) -> String {
    let mut out = lang.plan_status(line.status).to_string();
    if let Some(whom) = lang.mandate(&line.mandate) {
        out.push('\n');
        out.push_str(&match line.mandate_given {
            Some(d) => lang
                .tr(T::MandateGivenText)
                .replace("{whom}", &whom)
                .replace("{date}", &lang.date(d)),
            None => lang.tr(T::MandateNeededFrom).replace("{whom}", &whom),
        });
    }
    out
}

/// "01-02-2025 – 01-06-2025", or what there is of it.
fn when(line: &RoomPlanLine, lang: Lang) -> String {
    match (line.start, line.due) {
        (Some(s), Some(d)) => format!("{} – {}", lang.date(s), lang.date(d)),
        (None, Some(d)) => format!("{} {}", lang.tr(T::PlanDue).to_lowercase(), lang.date(d)),
        (Some(s), None) => format!("{} {}", lang.tr(T::PlanStart).to_lowercase(), lang.date(s)),
        (None, None) => "—".into(),
    }
}

/// "Lead (person); with A, B".
fn who(line: &RoomPlanLine) -> String {
    let mut out = match (&line.lead, &line.lead_person) {
        (Some(p), Some(person)) => format!("{p} ({person})"),
        (Some(p), None) => p.clone(),
        (None, Some(person)) => person.clone(),
        (None, None) => "—".into(),
    };
    if !line.parties.is_empty() {
        out.push_str(&format!("; + {}", line.parties.join(", ")));
    }
    out
}

/// "What", with the wishes it takes up and their parties below it.
fn what(line: &RoomPlanLine) -> String {
    let mut out = line.what.clone();
    for item in &line.items {
        out.push_str(&format!("\n– {} ({})", item.title, item.party));
    }
    out
}

/// The dots (or mean score) a focal point got, in words.
fn priority_text(room: &RoomView, f: &crate::audience::RoomFocalPoint, lang: Lang) -> String {
    match (f.priority, room.funnel.priority_method) {
        (Some(p), Some(PriorityMethod::Score)) => format!(
            "{} ({})",
            lang.tr(T::PdfMeanScore).replace("{value}", &lang.number(p)),
            lang.count(T::PdfFromParties, f.priority_parties)
        ),
        (Some(p), _) => format!(
            "{} ({})",
            lang.count(T::PdfDots, p.round() as usize),
            lang.count(T::PdfFromParties, f.priority_parties)
        ),
        (None, _) => String::new(),
    }
}

/// The focal points with every wish in them (who handed it in, whom it
/// needs), in the order of the dots the room gave.
pub fn focal_points(doc: &mut Layout, room: &RoomView, lang: Lang) {
    let funnel = &room.funnel;
    if funnel.focal_points.is_empty() && funnel.unclustered.is_empty() {
        return;
    }
    doc.heading(lang.tr(T::PdfFocalPoints), 14.0);
    if let Some(round) = &funnel.priority_round {
        let key = match funnel.priority_method {
            Some(PriorityMethod::Score) => T::PdfFocalIntroScore,
            _ => T::PdfFocalIntro,
        };
        doc.paragraph_in(
            &lang.tr(key).replace("{round}", round),
            Weight::Regular,
            9.5,
            0.0,
            MUTED,
        );
        doc.space(1.5);
    }
    for (i, f) in funnel.by_priority().into_iter().enumerate() {
        let dots = priority_text(room, f, lang);
        let title = if dots.is_empty() {
            format!("{}. {}", i + 1, f.name)
        } else {
            format!("{}. {} — {dots}", i + 1, f.name)
        };
        doc.heading(&title, 11.5);
        if !f.description.trim().is_empty() {
            doc.paragraph_in(&f.description, Weight::Regular, 9.5, 0.0, MUTED);
            doc.space(1.0);
        }
        if f.items.is_empty() {
            doc.paragraph_in(lang.tr(T::PdfNoWishes), Weight::Regular, BODY, 0.0, MUTED);
        }
        wishes(doc, &f.items, lang);
        doc.space(2.0);
    }
    if !funnel.unclustered.is_empty() {
        doc.heading(lang.tr(T::PdfUnclustered), 11.5);
        wishes(doc, &funnel.unclustered, lang);
        doc.space(2.0);
    }
}

fn wishes(doc: &mut Layout, items: &[crate::audience::RoomItem], lang: Lang) {
    for item in items {
        let mut line = format!(
            "{} — {}",
            item.title,
            lang.tr(T::PdfHandedInBy).replace("{party}", &item.party)
        );
        if !item.depends_on.is_empty() {
            line.push_str(&format!(
                "; {}",
                lang.tr(T::PdfNeedsParties)
                    .replace("{names}", &item.depends_on.join(", "))
            ));
        }
        doc.bullet(&line, BODY);
    }
}

/// The work plan at a meeting: what changed since the previous meeting
/// with progress, what is overdue, what is stuck, then the plan part by
/// part.
///
/// Long for a reason: a document read top to bottom: its layout follows the page.
pub fn work_plan(doc: &mut Layout, room: &RoomView, m: &RoomMeeting, lang: Lang) {
    if room.plan.is_empty() {
        if !room.funnel.focal_points.is_empty() {
            doc.heading(lang.tr(T::NavWorkPlan), 14.0);
            doc.paragraph_in(lang.tr(T::PdfNoPlan), Weight::Regular, BODY, 0.0, MUTED);
            doc.space(4.0);
        }
        return;
    }
    doc.heading(lang.tr(T::NavWorkPlan), 14.0);
    let at = &m.plan;
    let line_of = |id| room.plan_line(id);
    let total = at.lines.len();
    let done = at
        .lines
        .iter()
        .filter(|l| l.status == PlanStatus::Done)
        .count();
    let stuck: Vec<_> = at
        .lines
        .iter()
        .filter(|l| l.status == PlanStatus::Stuck)
        .collect();
    let overdue: Vec<_> = at.lines.iter().filter(|l| l.overdue).collect();
    doc.paragraph_in(
        &lang
            .tr(T::PlanSummary)
            .replace("{done}", &done.to_string())
            .replace("{n}", &total.to_string())
            .replace("{stuck}", &stuck.len().to_string())
            .replace("{overdue}", &overdue.len().to_string()),
        Weight::Bold,
        BODY,
        0.0,
        ACCENT,
    );
    doc.space(2.0);

    // What changed since the last meeting.
    match &at.since {
        Some((title, date)) => {
            let since = match date {
                Some(d) => format!("{title} ({})", lang.date(*d)),
                None => title.clone(),
            };
            doc.heading(
                &lang.tr(T::PdfSinceHeading).replace("{meeting}", &since),
                11.5,
            );
            let changed: Vec<_> = at.lines.iter().filter(|l| l.changed).collect();
            if changed.is_empty() {
                doc.paragraph_in(
                    lang.tr(T::PdfNothingChanged),
                    Weight::Regular,
                    BODY,
                    0.0,
                    MUTED,
                );
            }
            for l in changed {
                let Some(line) = line_of(l.line) else {
                    continue;
                };
                let change = match l.before {
                    Some(b) => format!("{} → {}", lang.plan_status(b), lang.plan_status(l.status)),
                    None => format!("{}: {}", lang.tr(T::PdfNewLine), lang.plan_status(l.status)),
                };
                doc.bullet(
                    &format!("{} ({}) — {change}", line.what, line.focal_point),
                    BODY,
                );
            }
        }
        None => doc.paragraph_in(
            lang.tr(T::PdfFirstProgress),
            Weight::Regular,
            BODY,
            0.0,
            MUTED,
        ),
    }
    doc.space(2.0);
    doc.heading(lang.tr(T::PdfOverdueHeading), 11.5);
    if overdue.is_empty() {
        doc.paragraph_in(
            lang.tr(T::PdfNoneOverdue),
            Weight::Regular,
            BODY,
            0.0,
            MUTED,
        );
    }
    for l in &overdue {
        let Some(line) = line_of(l.line) else {
            continue;
        };
        let due = line.due.map(|d| lang.date(d)).unwrap_or_default();
        doc.bullet(
            &format!(
                "{} ({}) — {} · {}",
                line.what,
                line.lead.clone().unwrap_or_else(|| "—".into()),
                lang.tr(T::PlanOverdueBadge).replace("{date}", &due),
                lang.plan_status(l.status)
            ),
            BODY,
        );
    }
    doc.space(2.0);
    doc.heading(lang.tr(T::PdfStuckHeading), 11.5);
    if stuck.is_empty() {
        doc.paragraph_in(lang.tr(T::PdfNoneStuck), Weight::Regular, BODY, 0.0, MUTED);
    }
    for l in &stuck {
        let Some(line) = line_of(l.line) else {
            continue;
        };
        let note = line
            .progress
            .iter()
            .rev()
            .find(|p| !p.text.trim().is_empty())
            .map(|p| format!(": {}", p.text))
            .unwrap_or_default();
        doc.bullet(
            &format!(
                "{} ({}){note}",
                line.what,
                line.lead.clone().unwrap_or_else(|| "—".into())
            ),
            BODY,
        );
    }
    doc.space(3.0);

    // The plan itself, part by part.
    for part in room.plan.iter().filter(|p| !p.lines.is_empty()) {
        // The part's heading stays with its table's header and first row.
        doc.keep(Layout::leading(8.5) * 9.0 + 12.0);
        let dots = match (part.priority, room.funnel.priority_method) {
            (Some(p), Some(PriorityMethod::Score)) => {
                format!(
                    " — {}",
                    lang.tr(T::PdfMeanScore).replace("{value}", &lang.number(p))
                )
            }
            (Some(p), _) => format!(" — {}", lang.count(T::PdfDots, p.round() as usize)),
            (None, _) => String::new(),
        };
        doc.heading(&format!("{}{dots}", part.focal_point), 11.5);
        let rows: Vec<Vec<String>> = part
            .lines
            .iter()
            .map(|line| {
                let here = at.lines.iter().find(|l| l.line == line.id);
                let mut state = standing(line, lang);
                if let Some(h) = here {
                    // Its status at this meeting, as the minutes record it.
                    if h.status != line.status {
                        state = state.replacen(
                            lang.plan_status(line.status),
                            lang.plan_status(h.status),
                            1,
                        );
                    }
                    if h.overdue {
                        state.push_str(&format!("\n{}", lang.tr(T::PlanOverdue)));
                    }
                }
                if let Some(p) = line
                    .progress
                    .iter()
                    .rev()
                    .find(|p| !p.text.trim().is_empty())
                {
                    let at = match p.date {
                        Some(d) => lang.date(d),
                        None => p.meeting_title.clone(),
                    };
                    state.push_str(&format!(
                        "\n{}",
                        lang.tr(T::PdfProgressAt)
                            .replace("{meeting}", &at)
                            .replace("{text}", &p.text)
                    ));
                }
                vec![what(line), who(line), when(line, lang), state]
            })
            .collect();
        doc.table(
            &[0.36, 0.22, 0.16, 0.26],
            &[
                lang.tr(T::PdfPlanWhat),
                lang.tr(T::PdfPlanWho),
                lang.tr(T::PdfPlanWhen),
                lang.tr(T::PdfPlanState),
            ],
            &rows,
            8.5,
        );
    }
    doc.space(2.0);
}

/// The mandates still to give, for the pack's decisions to take.
pub fn mandates_to_give(room: &RoomView, lang: Lang) -> Vec<String> {
    room.plan_lines()
        .filter(|l| l.needs_mandate())
        .filter_map(|l| {
            let whom = lang.mandate(&l.mandate)?;
            Some(format!(
                "{} ({}) — {}",
                l.what,
                l.focal_point,
                lang.tr(T::MandateNeededFrom).replace("{whom}", &whom)
            ))
        })
        .collect()
}

/// The progress recorded at a meeting, for its minutes.
pub fn progress_recorded(doc: &mut Layout, room: &RoomView, m: &RoomMeeting, lang: Lang) {
    let recorded: Vec<_> = m
        .plan
        .lines
        .iter()
        .filter(|l| l.recorded.is_some())
        .collect();
    if recorded.is_empty() {
        return;
    }
    doc.heading(lang.tr(T::PdfProgressRecorded), 14.0);
    let rows: Vec<Vec<String>> = recorded
        .iter()
        .filter_map(|l| {
            let line = room.plan_line(l.line)?;
            let mut state = lang.plan_status(l.status).to_string();
            if let Some(b) = l.before.filter(|b| *b != l.status) {
                state = format!("{} → {state}", lang.plan_status(b));
            }
            if l.overdue {
                state.push_str(&format!("\n{}", lang.tr(T::PlanOverdue)));
            }
            Some(vec![
                format!("{}\n({})", line.what, line.focal_point),
                who(line),
                state,
                l.recorded.clone().unwrap_or_default(),
            ])
        })
        .collect();
    doc.table(
        &[0.28, 0.2, 0.17, 0.35],
        &[
            lang.tr(T::PdfPlanWhat),
            lang.tr(T::PdfPlanWho),
            lang.tr(T::PdfPlanState),
            lang.tr(T::ProgressHeading),
        ],
        &rows,
        8.5,
    );
    doc.space(3.0);
}

/// One page a party is sent: its wishes and where each went, what it
/// takes on (for others too), and what goes back to its own
/// organisation.
///
/// Long for a reason: a document read top to bottom: its layout follows the page.
pub fn party(view: &PartyShareView, lang: Lang) -> Vec<u8> {
    let title = lang.tr(T::PdfPartyTitle);
    let mut doc = Layout::new(DocInfo {
        title: format!("{title} — {}", view.party),
        author: view.alliance.clone(),
        subject: format!("{} · {}", view.alliance, view.party),
        lang,
        header: format!("{} · {title} · {}", view.alliance, view.party),
        footer: format!("{} · {title} · {}", view.alliance, view.party),
    });
    doc.paragraph_in(&view.alliance, Weight::Regular, 10.5, 0.0, MUTED);
    doc.space(0.5);
    doc.paragraph_in(title, Weight::Bold, 10.5, 0.0, ACCENT);
    doc.space(0.5);
    doc.heading(&view.party, 18.0);
    // The statuses are those of today: the heading says so, and names the
    // last meeting that discussed the plan only as such.
    let mut as_of = lang
        .tr(T::PdfPartyAsOf)
        .replace("{date}", &lang.date(view.as_of));
    if let Some((meeting, date)) = &view.last_meeting {
        let at = match date {
            Some(d) => format!("{meeting} ({})", lang.date(*d)),
            None => meeting.clone(),
        };
        as_of.push(' ');
        as_of.push_str(&lang.tr(T::PdfPartyLastMeeting).replace("{meeting}", &at));
    }
    doc.paragraph_in(&as_of, Weight::Regular, 9.0, 0.0, MUTED);
    doc.paragraph(
        &lang.tr(T::PdfPartyIntro).replace("{party}", &view.party),
        Weight::Regular,
        9.5,
        0.0,
    );
    doc.space(3.0);

    doc.heading(lang.tr(T::PdfYourWishes), 12.5);
    if view.wishes.is_empty() {
        doc.paragraph_in(
            &lang.tr(T::PdfNoOwnWishes).replace("{party}", &view.party),
            Weight::Regular,
            9.5,
            0.0,
            MUTED,
        );
    }
    for (item, focal, lines) in &view.wishes {
        doc.keep(Layout::leading(9.5) * 3.0);
        doc.paragraph(&item.title, Weight::Bold, 9.5, 0.0);
        let place = match focal {
            Some(f) => lang.tr(T::PdfWishIn).replace("{focal}", f),
            None => lang.tr(T::NotYetClustered).to_string(),
        };
        let mut sub = place;
        if !item.depends_on.is_empty() {
            sub.push_str(&format!(
                " · {}",
                lang.tr(T::PdfNeedsParties)
                    .replace("{names}", &item.depends_on.join(", "))
            ));
        }
        doc.paragraph_in(&sub, Weight::Regular, 8.5, 4.0, MUTED);
        if focal.is_some() && lines.is_empty() {
            doc.paragraph_in(lang.tr(T::NotYetPlanned), Weight::Regular, 8.5, 4.0, WARN);
        }
        for line in lines {
            let overdue = view.overdue.contains(&line.id);
            let mut text = format!(
                "→ {} — {} · {}",
                line.what,
                line.lead.clone().unwrap_or_else(|| "—".into()),
                lang.plan_status(line.status)
            );
            if let Some(d) = line.due {
                text.push_str(&format!(
                    " · {} {}",
                    lang.tr(T::PlanDue).to_lowercase(),
                    lang.date(d)
                ));
                if overdue {
                    text.push_str(&format!(" · {}", lang.tr(T::PlanOverdue)));
                }
            }
            doc.paragraph_in(
                &text,
                Weight::Regular,
                8.5,
                4.0,
                if line.status == PlanStatus::Stuck || overdue {
                    WARN
                } else {
                    super::INK
                },
            );
        }
        doc.space(1.2);
    }
    doc.space(2.0);

    doc.heading(lang.tr(T::PdfYouTakeOn), 12.5);
    if view.takes_on.is_empty() {
        let nothing = if view.counted_on.is_empty() {
            T::PdfNothingTaken
        } else {
            T::PdfNothingTakenYet
        };
        doc.paragraph_in(lang.tr(nothing), Weight::Regular, 9.5, 0.0, MUTED);
    } else {
        let rows: Vec<Vec<String>> = view
            .takes_on
            .iter()
            .map(|(line, others)| {
                let role = if line.lead.as_deref() == Some(view.party.as_str()) {
                    lang.tr(T::PdfLeads)
                } else {
                    lang.tr(T::PdfTakesPart)
                };
                let mut what = format!("{} ({})", line.what, line.focal_point);
                if !others.is_empty() {
                    what.push_str(&format!(
                        "\n{}",
                        lang.tr(T::ForOthers).replace("{names}", &others.join(", "))
                    ));
                }
                let mut state = lang.plan_status(line.status).to_string();
                if view.overdue.contains(&line.id) {
                    state.push_str(&format!("\n{}", lang.tr(T::PlanOverdue)));
                }
                vec![what, role.to_string(), when(line, lang), state]
            })
            .collect();
        doc.table(
            &[0.40, 0.12, 0.28, 0.20],
            &[
                lang.tr(T::PdfPlanWhat),
                lang.tr(T::PdfRole),
                lang.tr(T::PdfPlanWhen),
                lang.tr(T::PdfPlanState),
            ],
            &rows,
            8.5,
        );
    }
    doc.space(2.0);

    reliances(
        &mut doc,
        &view.counted_on,
        T::PdfCountedOn,
        T::PdfNobodyCountsOn,
        true,
        lang,
    );
    reliances(
        &mut doc,
        &view.counts_on,
        T::PdfCountsOn,
        T::PdfCountsOnNobody,
        false,
        lang,
    );
    if !view.comments.is_empty() {
        doc.heading(lang.tr(T::PdfYourComments), 12.5);
        for (round, c) in &view.comments {
            super::comments::own_comment(&mut doc, round, c, lang);
        }
    }

    doc.heading(lang.tr(T::PdfBackHome), 12.5);
    if view.mandates.is_empty() {
        doc.paragraph_in(lang.tr(T::PdfNoMandates), Weight::Regular, 9.5, 0.0, MUTED);
    }
    for line in &view.mandates {
        let due = line
            .due
            .map(|d| format!(" · {} {}", lang.tr(T::PlanDue).to_lowercase(), lang.date(d)))
            .unwrap_or_default();
        let late = if view.overdue.contains(&line.id) {
            format!(" · {}", lang.tr(T::PlanOverdue))
        } else {
            String::new()
        };
        doc.bullet(
            &format!("{} ({}){due}{late}", line.what, line.focal_point),
            9.5,
        );
    }
    doc.finish()
}

/// A party's page: what others count on it for (`by_other`: named by the
/// party that counts), or what it counts on others for (named by the party
/// counted on); a bullet per party.
fn reliances(
    doc: &mut Layout,
    all: &[crate::audience::RoomReliance],
    heading: T,
    none: T,
    by_other: bool,
    lang: Lang,
) {
    doc.heading(lang.tr(heading), 12.5);
    if all.is_empty() {
        doc.paragraph_in(lang.tr(none), Weight::Regular, 9.5, 0.0, MUTED);
    }
    for r in all {
        let party = if by_other { &r.from } else { &r.on };
        doc.bullet(
            &lang
                .tr(T::RelianceWho)
                .replace("{party}", party)
                .replace("{what}", &r.what(lang.tr(T::RelianceLine)).join("; ")),
            9.5,
        );
    }
    doc.space(2.0);
}

/// The pack's page of who counts on whom: a row per pair of parties.
pub fn reliance_table(doc: &mut Layout, room: &RoomView, lang: Lang) {
    if room.reliances.is_empty() {
        return;
    }
    doc.heading(lang.tr(T::PdfRelianceHeading), 14.0);
    doc.paragraph_in(
        lang.tr(T::PdfRelianceIntro),
        Weight::Regular,
        BODY,
        0.0,
        MUTED,
    );
    doc.space(1.0);
    let rows: Vec<Vec<String>> = room
        .reliances
        .iter()
        .map(|r| {
            vec![
                r.from.clone(),
                r.on.clone(),
                r.what(lang.tr(T::RelianceLine)).join("\n"),
            ]
        })
        .collect();
    doc.table(
        &[0.25, 0.25, 0.50],
        &[
            lang.tr(T::PdfRelianceFrom),
            lang.tr(T::PdfRelianceOn),
            lang.tr(T::PdfRelianceFor),
        ],
        &rows,
        8.5,
    );
    doc.space(3.0);
}

/// The pack's list of comments processed since the last meeting: each
/// round published in that time, with what its comments changed.
pub fn comments_processed(doc: &mut Layout, room: &RoomView, m: &RoomMeeting, lang: Lang) {
    let since = room
        .meetings
        .iter()
        .filter_map(|x| x.date)
        .filter(|d| m.date.is_some_and(|at| *d < at))
        .max();
    let rounds: Vec<&crate::audience::RoomCommentRound> = room
        .comment_rounds
        .iter()
        .filter(|r| {
            r.published
                .is_some_and(|p| since.is_none_or(|s| p > s) && m.date.is_none_or(|at| p <= at))
        })
        .collect();
    if rounds.is_empty() {
        return;
    }
    doc.heading(lang.tr(T::PdfCommentsChanged), 14.0);
    for r in rounds {
        doc.heading(
            &format!(
                "{} ({})",
                r.title,
                super::comments::draft_name(lang, &r.draft)
            ),
            11.5,
        );
        for c in &r.comments {
            let response = c
                .response
                .map(|x| super::comments::response_word(lang, x))
                .unwrap_or_default();
            let part = if c.part.trim().is_empty() {
                "—"
            } else {
                c.part.trim()
            };
            let mut line = lang
                .tr(T::PdfCommentChange)
                .replace("{party}", &c.party)
                .replace("{part}", part)
                .replace("{response}", response);
            if !c.why.trim().is_empty() {
                line.push_str(&format!(" — {}", c.why.trim()));
            }
            doc.bullet(&line, BODY);
            if let Some((before, after)) = &c.change {
                doc.paragraph_in(
                    &format!("{}: {before}", lang.tr(T::CommentBefore)),
                    Weight::Regular,
                    8.5,
                    6.0,
                    MUTED,
                );
                doc.paragraph(
                    &format!("{}: {after}", lang.tr(T::CommentAfter)),
                    Weight::Regular,
                    8.5,
                    6.0,
                );
            }
        }
        doc.space(2.0);
    }
    doc.space(2.0);
}
