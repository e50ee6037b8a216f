//! The slides that are lists: ground rules, the work plan, the decision
//! log and the next meeting's agenda.

use super::*;
use crate::words::RoomWords;

/// One page of a list: `items` of (lead, text), the lead in the accent.
pub(super) fn list_page(
    ui: &mut Ui,
    body: Rect,
    items: &[(String, String)],
    pal: &Palette,
    ty: Type,
) {
    // Every entry of the page is shown: when long texts would run past the
    // bottom (a plan line with its progress wraps to three lines), the
    // page's type is made smaller until they fit, not the last entry cut
    // off or left out (the next page starts after it).
    let height = |ui: &Ui, text: &str, size: f32, bold: bool| {
        let family = if bold {
            theme::bold()
        } else {
            FontFamily::Proportional
        };
        ui.painter()
            .layout(
                text.to_owned(),
                egui::FontId::new(size, family),
                Color32::WHITE,
                body.width().max(1.0),
            )
            .size()
            .y
    };
    let needed = |ui: &Ui, scale: f32| -> f32 {
        items
            .iter()
            .map(|(lead, text)| {
                let lead = if lead.is_empty() {
                    0.0
                } else {
                    height(ui, lead, ty.small * scale, true)
                };
                lead + height(ui, text, ty.body * scale, false) + ty.small * 0.6 * scale
            })
            .sum()
    };
    let mut scale = 1.0;
    while scale > 0.6 && needed(ui, scale) > body.height() {
        scale -= 0.05;
    }
    let mut y = body.top();
    for (lead, text) in items {
        let r = Rect::from_min_max(pos2(body.left(), y), body.max);
        let mut h = 0.0;
        if !lead.is_empty() {
            h += text_in(
                ui,
                r,
                rich(lead, ty.small * scale, pal.accent, true),
                Align::Min,
            );
        }
        h += text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), y + h), body.max),
            rich(text, ty.body * scale, pal.text, false),
            Align::Min,
        );
        y += h + ty.small * 0.6 * scale;
    }
}

/// The ground rules, each with its level and the trend of its check-ins;
/// first, for each set that was checked in on, the trend of the set.
pub(super) fn rules(ui: &mut Ui, s: &SlideCtx) {
    s.list(ui, &rule_items(s.room, s.lang), T::PdfNoRules, Clone::clone);
}

/// The entries of the rules slide (see [`rules`]).
pub(super) fn rule_items(room: &RoomView, lang: Lang) -> Vec<(String, String)> {
    // The latest check-in from the phones once shown: per rule how many
    // gave each score and the mean, never who.
    let checkin = room.checkins.last().into_iter().flat_map(|c| {
        let when = c
            .date
            .map(|d| lang.date(d))
            .unwrap_or_else(|| c.meeting.clone());
        let lead = format!(
            "{} · {}",
            lang.tr(T::SlideCheckin).replace("{date}", &when),
            lang.count(T::PhoneCheckinPeople, c.people)
                .replace("{parties}", &lang.count(T::PhoneCheckinParties, c.parties))
                .trim_end_matches('.')
        );
        c.rules.iter().map(move |r| {
            let counts: Vec<String> = r
                .counts
                .iter()
                .enumerate()
                .map(|(score, n)| format!("{score}: {n}×"))
                .collect();
            let mean = match r.mean {
                Some(m) => lang
                    .tr(T::PhoneCheckinMean)
                    .replace("{mean}", &lang.number(m)),
                None => lang.tr(T::PhoneCheckinNone).to_string(),
            };
            (
                lead.clone(),
                format!("{}\n{} — {mean}", r.text, counts.join("  ")),
            )
        })
    });
    let sets = room.rule_sets.iter().filter_map(|set| {
        let trend = lang.trend(&set.trend)?;
        Some((lang.tr(T::SlideSetTrend).replace("{set}", &set.name), trend))
    });
    checkin
        .chain(sets)
        .chain(room.rules.iter().map(|r| {
            let mut lead = lang.rule_level(r.level).to_string();
            if r.status != crate::domain::RuleStatus::Adopted {
                lead.push_str(&format!(" · {}", lang.rule_status(r.status).to_lowercase()));
            }
            let mut text = r.text.clone();
            if let Some(trend) = lang.trend(&r.trend) {
                text.push_str(&format!("\n{trend}"));
            }
            (lead, text)
        }))
        .collect()
}

/// The steps of the work plan slide: (part, page) for every part of the
/// plan that has lines, each a page of lines at a time.
pub(super) fn plan_pages(room: &RoomView, screen: Vec2) -> Vec<(usize, usize)> {
    // A line less on a page: the part's summary takes its place.
    let per = list_capacity(screen).saturating_sub(1).max(1);
    room.plan
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.lines.is_empty())
        .flat_map(|(i, p)| (0..pages(p.lines.len(), per)).map(move |page| (i, page)))
        .collect()
}

/// The work plan, a part (focal point) at a time: each line with where it
/// stands, who leads, when it is due and its latest progress.
pub(super) fn work_plan(ui: &mut Ui, s: &SlideCtx) {
    let (body, lang, room, pal, ty, step, screen) = s.parts();
    let steps = plan_pages(room, screen);
    let Some((part, page)) = steps.get(step).copied() else {
        text_in(
            ui,
            body,
            rich(lang.tr(T::PdfNoPlan), ty.body, pal.muted, false),
            Align::Min,
        );
        return;
    };
    let p = &room.plan[part];
    let done = p
        .lines
        .iter()
        .filter(|l| l.status == crate::domain::PlanStatus::Done)
        .count();
    let stuck = p
        .lines
        .iter()
        .filter(|l| l.status == crate::domain::PlanStatus::Stuck)
        .count();
    let today = room.as_of;
    let overdue = p
        .lines
        .iter()
        .filter(|l| l.status != crate::domain::PlanStatus::Done && l.due.is_some_and(|d| d < today))
        .count();
    let summary = lang
        .tr(T::PlanSummary)
        .replace("{done}", &done.to_string())
        .replace("{n}", &p.lines.len().to_string())
        .replace("{stuck}", &stuck.to_string())
        .replace("{overdue}", &overdue.to_string());
    let used = text_in(
        ui,
        body,
        rich(summary, ty.small, pal.muted, false),
        Align::Min,
    );
    let rest = Rect::from_min_max(
        pos2(body.left(), body.top() + used + ty.small * 0.6),
        body.max,
    );
    let per = list_capacity(screen).saturating_sub(1).max(1);
    let items: Vec<(String, String)> = p
        .lines
        .iter()
        .skip(page * per)
        .take(per)
        .map(|l| {
            let mut lead = lang.plan_status(l.status).to_string();
            if let Some(who) = &l.lead {
                lead.push_str(&format!(" · {who}"));
            }
            if let Some(d) = l.due {
                lead.push_str(&format!(
                    " · {} {}",
                    lang.tr(T::PlanDue).to_lowercase(),
                    lang.date(d)
                ));
                if l.status != crate::domain::PlanStatus::Done && d < today {
                    lead.push_str(&format!(" · {}", lang.tr(T::PlanOverdue)));
                }
            }
            let mut text = l.what.clone();
            if let Some(p) = l.progress.iter().rev().find(|p| !p.text.trim().is_empty()) {
                text.push_str(&format!(" — {}", p.text));
            }
            (lead, text)
        })
        .collect();
    list_page(ui, rest, &items, pal, ty);
}

pub(super) fn decisions(ui: &mut Ui, s: &SlideCtx) {
    let lang = s.lang;
    s.list(ui, &s.room.decision_log(), T::NoDecisions, |r| {
        // A correction or a reopening stays with the decision.
        let mut text = r.proposal.clone();
        // The rules a set round adopted, and what an amendment changed.
        let rules = lang.set_round_rules(s.room, r);
        if !rules.is_empty() {
            text.push_str(": ");
            text.push_str(&rules.join("; "));
        }
        for line in lang.afterwards(r) {
            text.push_str(" — ");
            text.push_str(&line);
        }
        (r.decided.map(|d| lang.date(d)).unwrap_or_default(), text)
    });
}

/// A body's table: what it is (seats, the last draw, the next rotation),
/// then who sits, until when and how, a page at a time.
pub(super) fn table(ui: &mut Ui, s: &SlideCtx, t: &crate::audience::RoomTable) {
    let (body, lang, _, pal, ty, step, screen) = s.parts();
    let mut about = vec![
        lang.tr(T::SeatsTaken)
            .replace("{n}", &t.held.len().to_string())
            .replace("{total}", &t.seats.to_string()),
    ];
    if let Some((day, seed)) = &t.last_draw {
        about.push(
            lang.tr(T::SlideDrawn)
                .replace("{date}", &day.map(|d| lang.date(d)).unwrap_or_default())
                .replace("{seed}", seed.get(..8).unwrap_or(seed)),
        );
    }
    if let Some((low, equal, _)) = t.last_chances {
        about.push(
            crate::i18n::chances_sentence(lang, low, equal, true)
                .trim_end_matches('.')
                .to_string(),
        );
    }
    // A draw fixed and shown, before its dice: what the room will roll for.
    if let Some((low, equal, _)) = t.next_chances {
        about.push(
            lang.tr(T::SlideNextDraw)
                .replace(
                    "{chances}",
                    &lower_first(&crate::i18n::chances_sentence(lang, low, equal, false)),
                )
                .trim_end_matches('.')
                .to_string(),
        );
    }
    if let Some(next) = t.next_rotation {
        about.push(
            lang.tr(T::SlideNextRotation)
                .replace("{date}", &lang.date(next)),
        );
    }
    let used = text_in(
        ui,
        body,
        rich(about.join(" · "), ty.small, pal.muted, false),
        Align::Min,
    );
    let rest = Rect::from_min_max(pos2(body.left(), body.top() + used + ty.small), body.max);
    if t.held.is_empty() {
        text_in(
            ui,
            rest,
            rich(lang.tr(T::PdfNoSeats), ty.body, pal.muted, false),
            Align::Min,
        );
        return;
    }
    let per = list_capacity(screen).saturating_sub(1).max(1);
    let items: Vec<(String, String)> = t
        .held
        .iter()
        .skip(step * per)
        .take(per)
        .map(|s| {
            let how = match s.drawn {
                Some(d) => lang.tr(T::SeatDrawn).replace("{date}", &lang.date(d)),
                None => lang.tr(T::SeatAppointed).to_string(),
            };
            let until = s
                .end
                .map(|e| format!("{} {}", lang.tr(T::Until), lang.date(e)))
                .unwrap_or_default();
            let lead = [s.person.as_str(), until.as_str(), how.as_str()]
                .iter()
                .filter(|x| !x.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" · ");
            (lead, s.party.clone())
        })
        .collect();
    list_page(ui, rest, &items, pal, ty);
}

pub(super) fn agenda(ui: &mut Ui, s: &SlideCtx, meeting: Id) {
    let (body, lang, room, pal, ty, step, _) = s.parts();
    let Some(m) = room.meeting(meeting) else {
        return;
    };
    let mut when = Vec::new();
    if let Some(d) = m.date {
        when.push(lang.date(d));
    }
    if !m.start.trim().is_empty() {
        when.push(format!("{}–{}", m.start, m.end));
    }
    if !m.place.trim().is_empty() {
        when.push(m.place.clone());
    }
    let mut y = body.top();
    y += text_in(
        ui,
        body,
        rich(when.join(" · "), ty.small, pal.muted, false),
        Align::Min,
    );
    y += ty.small * 0.8;
    let current = step.checked_sub(1);
    // With an item in focus, the list is on the left and the item's
    // background on the right.
    let list_w = if current.is_some() {
        body.width() * 0.42
    } else {
        body.width()
    };
    for (i, s) in m.slots.iter().enumerate() {
        let on = current.is_none_or(|c| c == i);
        let r = Rect::from_min_max(
            pos2(body.left(), y),
            pos2(body.left() + list_w, body.bottom()),
        );
        let size = if current.is_none() || current == Some(i) {
            ty.body
        } else {
            ty.small
        };
        y += text_in(
            ui,
            r,
            rich(
                format!("{}.  {}", i + 1, s.title),
                size,
                if on { pal.text } else { pal.muted },
                current == Some(i),
            ),
            Align::Min,
        ) + ty.small * 0.45;
        if y > body.bottom() {
            break;
        }
    }
    if m.slots.is_empty() {
        text_in(
            ui,
            Rect::from_min_max(pos2(body.left(), y), body.max),
            rich(lang.tr(T::PdfNoSlots), ty.body, pal.muted, false),
            Align::Min,
        );
    }
    if let Some(s) = current.and_then(|c| m.slots.get(c)) {
        let right = Rect::from_min_max(
            pos2(body.left() + list_w + ty.body, body.top() + ty.small * 2.0),
            body.max,
        );
        ui.painter().line_segment(
            [
                pos2(right.left() - ty.body * 0.5, right.top()),
                pos2(right.left() - ty.body * 0.5, right.bottom()),
            ],
            Stroke::new(3.0 * ty.unit, pal.soft),
        );
        let mut y = right.top();
        let plan = s.link == crate::audience::RoomLink::WorkPlan;
        if !s.background.trim().is_empty() {
            // The work plan's progress needs the most room: its background
            // gets a third of the pane.
            let bottom = if plan {
                right.top() + right.height() / 3.0
            } else {
                right.bottom() - ty.body * 2.5
            };
            let area = Rect::from_min_max(right.min, pos2(right.right(), bottom));
            let size = label_fit(
                ui,
                area,
                &s.background,
                Fit {
                    max: ty.body,
                    min: ty.small * 0.7,
                    color: pal.text,
                    bold: false,
                    center: false,
                },
            );
            let galley = ui.painter().layout(
                s.background.clone(),
                egui::FontId::proportional(size),
                pal.text,
                area.width(),
            );
            y += galley.size().y + ty.small;
        }
        if plan {
            plan_progress(
                ui,
                Rect::from_min_max(pos2(right.left(), y), right.max),
                lang,
                room,
                m,
                pal,
                ty,
            );
        }
        if let crate::audience::RoomLink::Round(_, proposal) = &s.link {
            text_in(
                ui,
                Rect::from_min_max(pos2(right.left(), y), right.max),
                rich(
                    format!("{}: {proposal}", lang.tr(T::PdfToDecide)),
                    ty.small,
                    pal.accent,
                    true,
                ),
                Align::Min,
            );
        }
    }
}

/// Where the work plan stands at a meeting, for the agenda item that takes
/// it up: a summary, then each line by focal point with its number, its
/// status there, whether it is overdue, and the progress noted. Fitted
/// into `area`.
fn plan_progress(
    ui: &mut Ui,
    area: Rect,
    lang: Lang,
    room: &RoomView,
    m: &crate::audience::RoomMeeting,
    pal: &Palette,
    ty: Type,
) {
    use crate::domain::PlanStatus;
    let at = &m.plan;
    if at.lines.is_empty() {
        text_in(
            ui,
            area,
            rich(lang.tr(T::PdfNoPlan), ty.small, pal.muted, false),
            Align::Min,
        );
        return;
    }
    let count = |f: &dyn Fn(&crate::audience::RoomLineAt) -> bool| {
        at.lines.iter().filter(|l| f(l)).count().to_string()
    };
    let summary = lang
        .tr(T::PlanSummary)
        .replace("{done}", &count(&|l| l.status == PlanStatus::Done))
        .replace("{n}", &at.lines.len().to_string())
        .replace("{stuck}", &count(&|l| l.status == PlanStatus::Stuck))
        .replace("{overdue}", &count(&|l| l.overdue));
    let used = text_in(
        ui,
        area,
        rich(summary, ty.small, pal.accent, true),
        Align::Min,
    );
    let mut text = String::new();
    for part in room.plan.iter().filter(|p| !p.lines.is_empty()) {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&part.focal_point);
        for line in &part.lines {
            let Some(here) = at.lines.iter().find(|l| l.line == line.id) else {
                continue;
            };
            text.push_str(&format!(
                "\n{}. {} — {}",
                line.number,
                line.what,
                lang.plan_status(here.status)
            ));
            if here.overdue {
                text.push_str(&format!(" · {}", lang.tr(T::PlanOverdue)));
            }
            // What was noted at this meeting, else the latest note before it.
            let note = here
                .recorded
                .clone()
                .filter(|t| !t.trim().is_empty())
                .or_else(|| {
                    line.progress
                        .iter()
                        .rev()
                        .filter(|p| m.date.is_none() || p.date.is_none() || p.date <= m.date)
                        .find(|p| !p.text.trim().is_empty())
                        .map(|p| p.text.clone())
                });
            if let Some(note) = note {
                text.push_str(&format!(" — {note}"));
            }
        }
    }
    label_fit(
        ui,
        Rect::from_min_max(
            pos2(area.left(), area.top() + used + ty.small * 0.4),
            area.max,
        ),
        &text,
        Fit {
            max: ty.small,
            min: ty.small * 0.45,
            color: pal.text,
            bold: false,
            center: false,
        },
    );
}

/// The parties on the slide of who counts on whom, one step each after
/// the overview: every party that counts on another or is counted on, in
/// the register's order.
pub fn reliance_parties(room: &RoomView) -> Vec<&str> {
    room.parties
        .iter()
        .map(|p| p.name.as_str())
        .filter(|name| {
            room.reliances
                .iter()
                .any(|r| r.from == *name || r.on == *name)
        })
        .collect()
}

/// What a step of the slide of who counts on whom shows: a page of the
/// overview, or one party.
pub enum RelianceStep<'a> {
    Overview(usize),
    Party(&'a str),
}

/// The overview's pages, then one step per party.
pub fn reliance_steps(room: &RoomView, screen: Vec2) -> usize {
    let n = reliance_parties(room).len();
    pages(n, list_capacity(screen)) + n
}

/// What step `step` of the slide shows.
pub fn reliance_step(room: &RoomView, screen: Vec2, step: usize) -> RelianceStep<'_> {
    let parties = reliance_parties(room);
    let overview = pages(parties.len(), list_capacity(screen));
    match step.checked_sub(overview).and_then(|k| parties.get(k)) {
        Some(p) => RelianceStep::Party(p),
        None => RelianceStep::Overview(step.min(overview.saturating_sub(1))),
    }
}

/// Who counts on whom: first each party in a line (on whom it counts, and
/// who counts on it), page by page, then one party at a time, who counts
/// on it beside on whom it counts, and for what.
pub(super) fn reliance(ui: &mut Ui, s: &SlideCtx) {
    let (body, lang, room, pal, ty, step, screen) = s.parts();
    let parties = reliance_parties(room);
    let line_word = lang.tr(T::RelianceLine);
    let party = match reliance_step(room, screen, step) {
        RelianceStep::Party(p) => Some(p),
        RelianceStep::Overview(_) => None,
    };
    let Some(party) = party else {
        let items: Vec<(String, String)> = parties
            .iter()
            .map(|p| {
                let on: Vec<&str> = room
                    .reliances
                    .iter()
                    .filter(|r| r.from == *p)
                    .map(|r| r.on.as_str())
                    .collect();
                let by: Vec<&str> = room
                    .reliances
                    .iter()
                    .filter(|r| r.on == *p)
                    .map(|r| r.from.as_str())
                    .collect();
                let mut text = Vec::new();
                if !on.is_empty() {
                    text.push(
                        lang.tr(T::RelianceOverviewOn)
                            .replace("{names}", &on.join(", ")),
                    );
                }
                if !by.is_empty() {
                    text.push(
                        lang.tr(T::RelianceOverviewBy)
                            .replace("{names}", &by.join(", ")),
                    );
                }
                ((*p).to_string(), text.join(" · "))
            })
            .collect();
        let per = list_capacity(screen);
        let page = match reliance_step(room, screen, step) {
            RelianceStep::Overview(page) => page,
            RelianceStep::Party(_) => 0,
        };
        let shown: Vec<(String, String)> = items.into_iter().skip(page * per).take(per).collect();
        list_page(ui, body, &shown, pal, ty);
        return;
    };
    let half = (body.width() - ty.body) / 2.0;
    let left = Rect::from_min_size(body.min, vec2(half, body.height()));
    let right = Rect::from_min_size(
        pos2(body.right() - half, body.top()),
        vec2(half, body.height()),
    );
    for (rect, heading, rows, none) in [
        (
            left,
            lang.tr(T::RelianceCountedBy).replace("{party}", party),
            room.reliances
                .iter()
                .filter(|r| r.on == *party)
                .map(|r| (r.from.clone(), r.what(line_word).join("; ")))
                .collect::<Vec<_>>(),
            T::PdfNobodyCountsOn,
        ),
        (
            right,
            lang.tr(T::RelianceCountsBy).replace("{party}", party),
            room.reliances
                .iter()
                .filter(|r| r.from == *party)
                .map(|r| (r.on.clone(), r.what(line_word).join("; ")))
                .collect(),
            T::PdfCountsOnNobody,
        ),
    ] {
        let used = text_in(
            ui,
            rect,
            rich(heading, ty.body, pal.accent, true),
            Align::Min,
        );
        let rest = Rect::from_min_max(
            pos2(rect.left(), rect.top() + used + ty.small * 0.6),
            rect.max,
        );
        if rows.is_empty() {
            text_in(
                ui,
                rest,
                rich(lang.tr(none), ty.small, pal.muted, false),
                Align::Min,
            );
        } else {
            list_page(ui, rest, &rows, pal, ty);
        }
    }
}

/// A sentence that follows a colon: its first letter in lower case.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
