//! Ground rules, the agenda funnel and the work plan as the room sees
//! them, and one party's share of the plan.

use super::*;

pub(super) fn room_rules(a: &Alliance) -> Vec<RoomRule> {
    // The check-ins by rule, in one pass (a region has thousands).
    let mut checkins: IdMap<Vec<&crate::domain::Checkin>> = IdMap::default();
    for c in a.counted_checkins() {
        checkins.entry(c.rule).or_default().push(c);
    }
    let mut rules: Vec<&crate::domain::GroundRule> = a
        .ground_rules
        .iter()
        .filter(|r| r.status != RuleStatus::Retired)
        .collect();
    rules.sort_by_key(|r| {
        (
            std::cmp::Reverse(RuleLevel::ALL.iter().position(|l| *l == r.level)),
            r.id,
        )
    });
    rules
        .into_iter()
        .map(|r| RoomRule {
            text: r.text.clone(),
            level: r.level,
            status: r.status,
            owner: person_with_party(a, a.guard_of(r)),
            set: r
                .rule_set
                .and_then(|s| a.rule_set(s))
                .map(|s| s.name.clone()),
            trend: crate::domain::rules::trend_of(
                checkins.get(&r.id).into_iter().flatten().copied(),
            ),
        })
        .collect()
}

/// "Name (Party)" of a person, or their name alone.
pub(super) fn person_with_party(a: &Alliance, person: Option<Id>) -> Option<String> {
    person.and_then(|p| a.person(p)).map(|p| match p.party {
        Some(party) => format!("{} ({})", p.name, a.party_name(Some(party))),
        None => p.name.clone(),
    })
}

pub(super) fn room_rule_sets(a: &Alliance) -> Vec<RoomRuleSet> {
    let mut sets: Vec<&crate::domain::RuleSet> = a.rule_sets.iter().collect();
    sets.sort_by_key(|s| {
        (
            std::cmp::Reverse(RuleLevel::ALL.iter().position(|l| *l == s.level)),
            s.id,
        )
    });
    sets.into_iter()
        .map(|s| {
            let rules = a.rules_in_set(s.id);
            let ids: Vec<Id> = rules.iter().map(|r| r.id).collect();
            RoomRuleSet {
                name: s.name.clone(),
                level: s.level,
                owner: person_with_party(a, s.owner),
                mandate: s.mandate.clone(),
                rules: rules.iter().map(|r| (r.text.clone(), r.status)).collect(),
                trend: crate::domain::rules::set_trend(a, &ids),
            }
        })
        .collect()
}

pub(super) fn room_item(a: &Alliance, i: &crate::domain::AgendaItem) -> RoomItem {
    RoomItem {
        party: a.party_name(Some(i.party)).to_string(),
        title: i.title.clone(),
        problem: i.problem.clone(),
        depends_on: i
            .depends_on
            .iter()
            .map(|p| a.party_name(Some(*p)).to_string())
            .collect(),
    }
}

/// A line of the work plan as the room sees it, with its progress (given
/// per line, grouped by the caller).
pub(super) fn room_plan_line(
    a: &Alliance,
    l: &crate::domain::PlanLine,
    number: usize,
    progress: &[&crate::domain::PlanProgress],
) -> RoomPlanLine {
    let mut progress: Vec<RoomProgress> = progress
        .iter()
        .filter_map(|p| {
            let m = a.meeting(p.meeting)?;
            Some(RoomProgress {
                meeting: m.id,
                meeting_title: m.title.clone(),
                date: m.date,
                status: p.status,
                text: p.text.clone(),
            })
        })
        .collect();
    progress.sort_by_key(|p| (p.date.is_none(), p.date, p.meeting));
    RoomPlanLine {
        id: l.id,
        focal_point: a
            .focal_point(l.focal_point)
            .map(|f| f.name.clone())
            .unwrap_or_default(),
        number,
        what: l.what.clone(),
        lead: l.lead.map(|p| a.party_name(Some(p)).to_string()),
        lead_person: l
            .lead_person
            .and_then(|p| a.person(p))
            .map(|p| p.name.clone()),
        parties: l
            .parties
            .iter()
            .filter(|p| Some(**p) != l.lead)
            .map(|p| a.party_name(Some(*p)).to_string())
            .collect(),
        start: l.start,
        due: l.due,
        mandate: match l.mandate {
            Mandate::None => RoomMandate::None,
            Mandate::Body(b) => {
                RoomMandate::Body(a.body(b).map(|b| b.name.clone()).unwrap_or_default())
            }
            Mandate::Party(p) => RoomMandate::Party(a.party_name(Some(p)).to_string()),
        },
        mandate_given: l.mandate_given,
        status: l.status,
        items: l
            .items
            .iter()
            .filter_map(|i| a.agenda_item(*i))
            .map(|i| room_item(a, i))
            .collect(),
        progress,
    }
}

pub(super) fn room_plan(a: &Alliance) -> Vec<RoomPlanPart> {
    if a.plan_lines.is_empty() {
        return Vec::new();
    }
    let mut progress: IdMap<Vec<&crate::domain::PlanProgress>> = IdMap::default();
    for p in &a.plan_progress {
        progress.entry(p.line).or_default().push(p);
    }
    let none = Vec::new();
    a.focal_points_by_priority()
        .into_iter()
        .map(|(f, priority)| RoomPlanPart {
            focal_point: f.name.clone(),
            description: f.description.clone(),
            priority,
            lines: a
                .plan_of(f.id)
                .into_iter()
                .enumerate()
                .map(|(i, l)| room_plan_line(a, l, i + 1, progress.get(&l.id).unwrap_or(&none)))
                .collect(),
        })
        .collect()
}

/// What one party counts on another for, by name: the titles of its
/// wishes that need the other, and the lines of the work plan the other
/// works on for it ("Wonen, regel 2: …").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomReliance {
    pub from: String,
    pub on: String,
    pub wishes: Vec<String>,
    /// Each line: its focal point, its number there and what it does.
    pub lines: Vec<(String, usize, String)>,
}

impl RoomReliance {
    /// Everything it counts on the other for, wishes first, as one list.
    pub fn what(&self, line_word: &str) -> Vec<String> {
        let mut out = self.wishes.clone();
        out.extend(self.lines.iter().map(|(focal, n, what)| {
            line_word
                .replace("{focal}", focal)
                .replace("{n}", &n.to_string())
                .replace("{what}", what)
        }));
        out
    }
}

/// Who counts on whom, by name (see [`RoomReliance`]).
pub(super) fn reliances_of(a: &Alliance, all: Vec<crate::domain::Reliance>) -> Vec<RoomReliance> {
    let numbers = a.plan_numbers();
    all.into_iter()
        .map(|r| RoomReliance {
            from: a.party_name(Some(r.from)).to_string(),
            on: a.party_name(Some(r.on)).to_string(),
            wishes: r
                .wishes
                .iter()
                .filter_map(|i| a.agenda_item(*i))
                .map(|i| i.title.clone())
                .collect(),
            lines: r
                .lines
                .iter()
                .filter_map(|l| a.plan_line(*l))
                .map(|l| {
                    (
                        a.focal_point(l.focal_point)
                            .map(|f| f.name.clone())
                            .unwrap_or_default(),
                        numbers.get(&l.id).copied().unwrap_or_default(),
                        l.what.clone(),
                    )
                })
                .collect(),
        })
        .collect()
}

/// What one party may be sent about the work plan ("Uw inbreng en waar
/// die staat"): its wishes and where each went, what it takes on, and
/// what goes back to its own organisation. Nothing confidential: wishes
/// and the work plan are shared with the whole alliance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartyShareView {
    pub alliance: String,
    pub party: String,
    /// Each wish, its focal point (`None`: not yet clustered) and the
    /// lines that take it up.
    pub wishes: Vec<(RoomItem, Option<String>, Vec<RoomPlanLine>)>,
    /// The lines it leads or takes part in, each with the other parties
    /// whose wishes they take up.
    pub takes_on: Vec<(RoomPlanLine, Vec<String>)>,
    /// The lines whose mandate its own organisation still has to give.
    pub mandates: Vec<RoomPlanLine>,
    /// What others count on it for ("Anderen rekenen op u voor").
    pub counted_on: Vec<RoomReliance>,
    /// What it counts on others for.
    pub counts_on: Vec<RoomReliance>,
    /// Its own comments on drafts, each with its round's title: being
    /// processed, or what became of it once published.
    pub comments: Vec<(String, super::RoomComment)>,
    /// The day the statuses are from: the document's date (today).
    pub as_of: NaiveDate,
    /// The newest meeting with progress on the work plan: title and date.
    pub last_meeting: Option<(String, Option<NaiveDate>)>,
    /// The lines overdue on `as_of`: not done, their due date passed.
    pub overdue: crate::domain::IdSet,
}

/// The projection of one party's share of the work plan, for print: the
/// lines as they stand on `today`.
pub fn party_share(a: &Alliance, party: Id, today: NaiveDate) -> Option<PartyShareView> {
    let p = a.party(party)?;
    let share = a.party_share(party);
    let mut progress: IdMap<Vec<&crate::domain::PlanProgress>> = IdMap::default();
    for x in &a.plan_progress {
        progress.entry(x.line).or_default().push(x);
    }
    let none = Vec::new();
    let numbers = a.plan_numbers();
    let line = |id: Id| {
        a.plan_line(id).map(|l| {
            let n = numbers.get(&id).copied().unwrap_or_default();
            room_plan_line(a, l, n, progress.get(&id).unwrap_or(&none))
        })
    };
    let last_meeting = a
        .plan_progress
        .iter()
        .filter_map(|x| a.meeting(x.meeting))
        .max_by_key(|m| (m.date.is_some(), m.date, m.id))
        .map(|m| (m.title.clone(), m.date));
    Some(PartyShareView {
        alliance: a.info.name.clone(),
        party: p.name.clone(),
        wishes: share
            .wishes
            .iter()
            .filter_map(|(item, focal, lines)| {
                let i = a.agenda_item(*item)?;
                Some((
                    room_item(a, i),
                    focal.and_then(|f| a.focal_point(f)).map(|f| f.name.clone()),
                    lines.iter().filter_map(|l| line(*l)).collect(),
                ))
            })
            .collect(),
        takes_on: share
            .takes_on
            .iter()
            .filter_map(|(l, others)| {
                Some((
                    line(*l)?,
                    others
                        .iter()
                        .map(|p| a.party_name(Some(*p)).to_string())
                        .collect(),
                ))
            })
            .collect(),
        mandates: share.mandates.iter().filter_map(|l| line(*l)).collect(),
        counted_on: reliances_of(a, a.counted_on(party)),
        counts_on: reliances_of(a, a.counts_on(party)),
        comments: super::comments::own_comments(a, party),
        as_of: today,
        last_meeting,
        overdue: a
            .plan_lines
            .iter()
            .filter(|l| l.is_overdue(today))
            .map(|l| l.id)
            .collect(),
    })
}

pub(super) fn room_funnel(a: &Alliance) -> RoomFunnel {
    let item = |i: &crate::domain::AgendaItem| room_item(a, i);
    let revealed = a
        .priority_rounds
        .iter()
        .filter(|r| r.revealed)
        .max_by_key(|r| r.id);
    let tally = revealed.and_then(|r| agenda::tally(r, &a.focal_points, &a.priority_marks));
    let mut parties: Vec<Id> = a.agenda_items.iter().map(|i| i.party).collect();
    parties.sort_unstable();
    parties.dedup();
    RoomFunnel {
        items: a.agenda_items.len(),
        parties: parties.len(),
        focal_points: a
            .focal_points_in_order()
            .into_iter()
            .map(|f| RoomFocalPoint {
                name: f.name.clone(),
                description: f.description.clone(),
                items: a
                    .agenda_items
                    .iter()
                    .filter(|i| i.focal_point == Some(f.id))
                    .map(item)
                    .collect(),
                priority: tally
                    .as_ref()
                    .and_then(|t| t.iter().find(|r| r.focal_point == f.id))
                    .map(|r| r.total),
                priority_parties: tally
                    .as_ref()
                    .and_then(|t| t.iter().find(|r| r.focal_point == f.id))
                    .map_or(0, |r| r.parties),
            })
            .collect(),
        unclustered: a
            .agenda_items
            .iter()
            .filter(|i| i.focal_point.is_none_or(|f| a.focal_point(f).is_none()))
            .map(item)
            .collect(),
        priority_round: revealed.map(|r| r.title.clone()),
        priority_method: revealed.map(|r| r.method),
    }
}
