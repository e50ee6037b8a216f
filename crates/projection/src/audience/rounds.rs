//! Consensus rounds and meetings as the room sees them.

use super::*;

pub(super) fn room_round(
    a: &Alliance,
    r: &crate::domain::Round,
    cast: &IdMap<&crate::domain::Vote>,
    names: &IdMap<std::sync::Arc<str>>,
) -> RoomRound {
    let name = |id| a.party_name(Some(id)).to_string();
    // The parties that count, found once: the checks below each ask of
    // them and of the round's stances by party (grouped by the caller).
    let counted: Vec<Id> = r
        .voters
        .iter()
        .copied()
        .filter(|p| a.party(*p).is_some_and(|party| a.votes_in(party, r)))
        .collect();
    let voters: Vec<RoomVoter> = counted
        .iter()
        .map(|p| {
            let vote = cast.get(p).copied();
            RoomVoter {
                party: names.get(p).cloned().unwrap_or_else(|| "".into()),
                cast: vote.is_some(),
                stance: vote
                    .filter(|_| r.revealed)
                    .map(|v| (v.value, v.reason.clone())),
            }
        })
        .collect();
    // Parties the facilitator recorded absent are not waited for.
    let present: Vec<Id> = counted
        .into_iter()
        .filter(|p| !r.absent.contains(p))
        .collect();
    // Who has not voted comes first: a veto already cast must not tell
    // the room anything before the stances are revealed.
    // The names shared with the voters' list, not copied once per round
    // for every party that has not voted yet.
    let shared = |ids: Vec<Id>| -> Vec<std::sync::Arc<str>> {
        ids.into_iter()
            .map(|p| names.get(&p).cloned().unwrap_or_else(|| "".into()))
            .collect()
    };
    let missing = shared(crate::domain::consensus::missing_of(cast, &present));
    let outcome = match crate::domain::consensus::outcome_of(r, cast, &present) {
        _ if !missing.is_empty() => RoomOutcome::Waiting(missing),
        Outcome::Waiting { missing } => RoomOutcome::Waiting(shared(missing)),
        _ if !r.revealed => RoomOutcome::ReadyToReveal,
        Outcome::Adoptable { reservations } => RoomOutcome::Adoptable(shared(reservations)),
        Outcome::Blocked { by } => RoomOutcome::Blocked(shared(by)),
    };
    RoomRound {
        id: r.id,
        body: r
            .body
            .and_then(|b| a.body(b))
            .map(|b| b.name.clone())
            .unwrap_or_default(),
        proposal: r.proposal.clone(),
        subject: match r.subject {
            Subject::Free => RoomSubject::Free,
            Subject::GroundRule(id) => RoomSubject::GroundRule(
                a.ground_rule(id)
                    .map(|x| x.text.clone())
                    .unwrap_or_default(),
            ),
            Subject::FocalPoint(id) => RoomSubject::FocalPoint(
                a.focal_point(id)
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
            ),
            Subject::StrategyMap => RoomSubject::StrategyMap,
            Subject::Covenant(id) => RoomSubject::Covenant(
                a.covenant_versions
                    .iter()
                    .find(|v| v.id == id)
                    .map(|v| format!("{} v{}", v.title, v.number))
                    .unwrap_or_default(),
            ),
            Subject::RuleSet(id) => {
                RoomSubject::RuleSet(a.rule_set(id).map(|s| s.name.clone()).unwrap_or_default())
            }
        },
        // The rules a set round decides; what each party objected to is
        // part of its stance: shown only once the stances are revealed.
        set_rules: if matches!(r.subject, Subject::RuleSet(_)) {
            a.proposals_of(r.id)
                .into_iter()
                .map(|p| RoomSetRule {
                    rule: p.rule,
                    text: p.text.clone(),
                    objections: if r.revealed {
                        a.standing_objections(r, p.rule, |party| cast.get(&party).map(|v| v.value))
                            .map(|o| (name(o.party), o.reason.clone()))
                            .collect()
                    } else {
                        Vec::new()
                    },
                })
                .collect()
        } else {
            Vec::new()
        },
        corrections: if r.revealed {
            let mut out: Vec<RoomCorrection> = r
                .voters
                .iter()
                .filter_map(|p| cast.get(p))
                .flat_map(|v| {
                    v.corrections
                        .iter()
                        .filter(|c| c.shown)
                        .map(|c| RoomCorrection {
                            party: names.get(&v.party).cloned().unwrap_or_else(|| "".into()),
                            from: c.from,
                            to: c.to,
                            reason: c.reason.clone(),
                            by: c.by.clone(),
                            on: c.on.or(r.opened),
                        })
                })
                .collect();
            out.sort_by_key(|c| c.on);
            out
        } else {
            Vec::new()
        },
        // Filled by the caller, which sees every round once.
        reopens: false,
        reopened: Vec::new(),
        scale: r.scale,
        opened: r.opened,
        decided: r.decided,
        status: r.status,
        revealed: r.revealed,
        previous: r.previous,
        note: r.note.clone(),
        voters,
        outcome,
    }
}

/// Long for a reason: every meeting with its agenda, attendance, actions, decisions and what
/// changed since the one before: one pass over the meetings in date order.
pub(super) fn room_meetings(
    a: &Alliance,
    names: &IdMap<std::sync::Arc<str>>,
    today: NaiveDate,
) -> Vec<RoomMeeting> {
    // Every list a meeting shows is grouped by meeting in one pass, so the
    // projection grows with the data, not with meetings × data.
    fn by_meeting<T>(items: &[T], meeting: impl Fn(&T) -> Id) -> IdMap<Vec<&T>> {
        let mut out: IdMap<Vec<&T>> = IdMap::default();
        for x in items {
            out.entry(meeting(x)).or_default().push(x);
        }
        out
    }
    let slots = by_meeting(&a.agenda_slots, |s| s.meeting);
    let attendance = by_meeting(&a.attendance, |x| x.meeting);
    let person = |id: Option<Id>| {
        id.and_then(|id| a.person(id))
            .map(|p| match p.party {
                Some(party) => format!("{} ({})", p.name, a.party_name(Some(party))),
                None => p.name.clone(),
            })
            .unwrap_or_default()
    };
    let meeting_title = |id| a.meeting(id).map(|m| m.title.clone()).unwrap_or_default();
    // Each action as the room reads it, made once and shared by every
    // meeting that lists it (an open action is carried over to each later
    // meeting: copies would grow with meetings × actions).
    let actions: IdMap<std::sync::Arc<RoomAction>> = a
        .actions
        .iter()
        .map(|x| {
            (
                x.id,
                std::sync::Arc::new(RoomAction {
                    who: person(x.who),
                    what: x.what.clone(),
                    due: x.due,
                    done: x.done,
                    agreed_at: meeting_title(x.meeting),
                }),
            )
        })
        .collect();
    let agreed = by_meeting(&a.actions, |x| x.meeting);
    // Every open action in the order a meeting lists them (no date: all),
    // each with the date of the meeting that agreed it.
    let open: Vec<(&crate::domain::Action, Option<NaiveDate>)> =
        open_actions(&a.actions, &a.meetings, None)
            .into_iter()
            .map(|x| (x, a.meeting(x.meeting).and_then(|m| m.date)))
            .collect();
    // Where an amended proposal went: a round's successor.
    let mut next: IdMap<Id> = IdMap::default();
    for r in &a.rounds {
        if let Some(previous) = r.previous {
            next.entry(previous).or_insert(r.id);
        }
    }
    let current_round = |id: Id| {
        let mut at = a.round(id)?;
        for _ in 0..a.rounds.len() {
            match next.get(&at.id).and_then(|n| a.round(*n)) {
                Some(n) => at = n,
                None => break,
            }
        }
        Some(at)
    };
    // The parties at each table, in one pass over the seats.
    let mut at_table: IdMap<crate::domain::IdSet> = IdMap::default();
    for seat in &a.memberships {
        if let Some(party) = a.party_of_seat(seat) {
            at_table.entry(seat.body).or_default().insert(party);
        }
    }
    let mut plan_at = room_plans_at(a, today);
    let party_name = |id: Id| names.get(&id).cloned().unwrap_or_else(|| "".into());
    // Each person who attends, named once for all the meetings.
    type Attendee = (std::sync::Arc<str>, Option<std::sync::Arc<str>>);
    let mut attendees: IdMap<Attendee> = IdMap::default();
    for x in &a.attendance {
        if let Some(p) = a.person(x.person) {
            attendees
                .entry(p.id)
                .or_insert_with(|| (p.name.as_str().into(), p.party.map(party_name)));
        }
    }
    let attendee = |id: Id| attendees.get(&id).cloned();
    let mut meetings: Vec<&crate::domain::Meeting> = a.meetings.iter().collect();
    meetings.sort_by_key(|m| (m.date.is_none(), m.date, m.id));
    // The actions reported done, by day: each meeting's minutes list those
    // done since the meeting before it.
    let mut done: Vec<(NaiveDate, Id)> = a
        .actions
        .iter()
        .filter(|x| x.done)
        .filter_map(|x| Some((x.done_on?, x.id)))
        .collect();
    done.sort_unstable();
    let dates: Vec<NaiveDate> = meetings.iter().filter_map(|m| m.date).collect();
    let completed = |at: Option<NaiveDate>| -> Vec<std::sync::Arc<RoomAction>> {
        let Some(at) = at else {
            return Vec::new();
        };
        let before = dates.iter().copied().filter(|d| *d < at).max();
        done.iter()
            .filter(|(d, _)| *d <= at && before.is_none_or(|b| *d > b))
            .filter_map(|(_, id)| actions.get(id).cloned())
            .collect()
    };
    meetings
        .into_iter()
        .map(|m| {
            let mut slots: Vec<&crate::domain::AgendaSlot> =
                slots.get(&m.id).cloned().unwrap_or_default();
            slots.sort_by_key(|s| (s.position, s.id));
            let attendance = attendance.get(&m.id).map_or(&[][..], Vec::as_slice);
            let mut present: Vec<Id> = attendance
                .iter()
                .filter(|x| x.present)
                .filter_map(|x| a.person(x.person).and_then(|p| p.party))
                .collect();
            present.sort_unstable();
            present.dedup();
            RoomMeeting {
                id: m.id,
                title: m.title.clone(),
                body: m.body.and_then(|b| a.body(b)).map(|b| b.name.clone()),
                date: m.date,
                start: m.start.clone(),
                end: m.end.clone(),
                place: m.place.clone(),
                slots: slots
                    .into_iter()
                    .map(|s| RoomSlot {
                        title: s.title.clone(),
                        link: match s.link {
                            SlotLink::None => RoomLink::None,
                            SlotLink::FocalPoint(id) => RoomLink::FocalPoint(
                                a.focal_point(id)
                                    .map(|f| f.name.clone())
                                    .unwrap_or_default(),
                            ),
                            // An amended proposal is put on the agenda as it
                            // now stands.
                            SlotLink::Round(id) => {
                                let current = current_round(id);
                                RoomLink::Round(
                                    current.map_or(id, |r| r.id),
                                    current.map(|r| r.proposal.clone()).unwrap_or_default(),
                                )
                            }
                            SlotLink::GroundRule(id) => RoomLink::GroundRule(
                                a.ground_rule(id)
                                    .map(|r| r.text.clone())
                                    .unwrap_or_default(),
                            ),
                            SlotLink::StrategyMap => RoomLink::StrategyMap,
                            SlotLink::NetworkMap => RoomLink::NetworkMap,
                            SlotLink::WorkPlan => RoomLink::WorkPlan,
                        },
                        background: s.background.clone(),
                        minutes: s.minutes.clone(),
                        next_step: s.next_step.clone(),
                    })
                    .collect(),
                attendance: attendance
                    .iter()
                    .filter_map(|x| {
                        let (name, party) = attendee(x.person)?;
                        Some(RoomAttendee {
                            name,
                            party,
                            present: x.present,
                        })
                    })
                    .collect(),
                // Who was expected and not there: only once attendance
                // was taken.
                parties_absent: if attendance.is_empty() {
                    Vec::new()
                } else {
                    let expected = |p: &&crate::domain::Party| match m.body {
                        Some(b) if at_table.get(&b).is_some_and(|t| !t.is_empty()) => {
                            at_table[&b].contains(&p.id)
                        }
                        _ => p.left.is_none_or(|left| m.date.is_some_and(|d| d < left)),
                    };
                    a.parties
                        .iter()
                        .filter(expected)
                        .filter(|p| present.binary_search(&p.id).is_err())
                        .map(|p| party_name(p.id))
                        .collect()
                },
                parties_present: present.iter().copied().map(party_name).collect(),
                parties_expected: match m.body.map(|b| at_table.get(&b).map_or(0, |p| p.len())) {
                    Some(n) if n > 0 => n,
                    _ => a.parties.len(),
                },
                actions: agreed
                    .get(&m.id)
                    .into_iter()
                    .flatten()
                    .filter_map(|x| actions.get(&x.id).cloned())
                    .collect(),
                // Open actions carried over from earlier meetings: not the
                // ones this meeting agrees on itself.
                open_actions: open
                    .iter()
                    .filter(|(x, agreed_on)| {
                        x.meeting != m.id && crate::domain::meeting::open_at(*agreed_on, m.date)
                    })
                    .filter_map(|(x, _)| actions.get(&x.id).cloned())
                    .collect(),
                completed_actions: completed(m.date),
                plan: plan_at.remove(&m.id).unwrap_or_default(),
            }
        })
        .collect()
}

/// Where the work plan stands at each meeting (see `Alliance::plan_at`),
/// for all meetings in one pass: the progress grouped by meeting once,
/// the meetings walked in order.
pub(super) fn room_plans_at(a: &Alliance, today: NaiveDate) -> IdMap<RoomPlanAt> {
    let mut out: IdMap<RoomPlanAt> = IdMap::default();
    if a.plan_lines.is_empty() {
        return out;
    }
    let mut by_meeting: IdMap<IdMap<&crate::domain::PlanProgress>> = IdMap::default();
    for p in &a.plan_progress {
        by_meeting.entry(p.meeting).or_default().insert(p.line, p);
    }
    let lines = a.plan_in_order();
    let mut meetings: Vec<&crate::domain::Meeting> = a.meetings.iter().collect();
    meetings.sort_by_key(|m| (m.date.is_none(), m.date, m.id));
    let empty = IdMap::default();
    let mut since: Option<&crate::domain::Meeting> = None;
    for m in meetings {
        let here = by_meeting.get(&m.id).unwrap_or(&empty);
        let before = since.and_then(|s| by_meeting.get(&s.id)).unwrap_or(&empty);
        let day = m.date.unwrap_or(today);
        let at = RoomPlanAt {
            since: since.map(|s| (s.title.clone(), s.date)),
            lines: lines
                .iter()
                .map(|l| {
                    let recorded = here.get(&l.id);
                    let status = recorded.map_or(l.status, |p| p.status);
                    let was = before.get(&l.id).map(|p| p.status);
                    RoomLineAt {
                        line: l.id,
                        status,
                        before: was,
                        changed: since.is_some_and(|s| {
                            crate::domain::plan::changed_since(l, was, status, s.date)
                        }),
                        overdue: status != PlanStatus::Done && l.due.is_some_and(|d| d < day),
                        recorded: recorded.map(|p| p.text.clone()),
                    }
                })
                .collect(),
        };
        out.insert(m.id, at);
        if !here.is_empty() {
            since = Some(m);
        }
    }
    out
}
