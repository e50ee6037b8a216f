//! Audiences, and what each may see of an alliance.
//!
//! Confidentiality is a type, not a check: whatever goes to the beamer or
//! into a shared document is built from a [`RoomView`], made here field by
//! field from the alliance. It holds only what was marked shareable: named
//! answers with their party, anonymous themes without it, and never the
//! facilitator's notes or a confidential answer. Code that shows the room
//! takes a `&RoomView`, never an `&Alliance`, so a leak needs a change to a
//! signature that a review sees.
//!
//! One module on purpose: everything the room may see is built here and
//! nowhere else, so the confidentiality barrier is one folder to review:
//! this file (the views and the room), `maps.rs` (both maps), `plan.rs`
//! (rules, the funnel, the work plan, a party's share) and `rounds.rs`
//! (rounds and meetings).

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::IdMap;
use crate::domain::agenda;
use crate::domain::meeting::open_actions;
use crate::domain::{
    Actor, Alliance, BodyKind, ComfortFrom, ComfortStatus, Id, Mandate, NodeKind, Outcome, Phase,
    PlanStatus, PriorityMethod, QuestionKind, RelationKind, Ring, RoundStatus, RuleLevel,
    RuleStatus, Scale, SlotLink, Stance, Subject, Visibility,
};
use crate::geometry::{self, NetLayout, Pt, Rect};

mod comments;
mod maps;
mod plan;
mod rounds;

pub use comments::*;
use maps::*;
pub use plan::*;
use rounds::*;

/// A party as the room sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomParty {
    pub name: String,
    pub kind: crate::domain::PartyKind,
    pub service_area: String,
    pub services: Vec<String>,
    /// The party's latest stance, only when it shared it with its name.
    pub stance: Option<Stance>,
    /// When it left the alliance, if it did.
    pub left: Option<NaiveDate>,
}

/// A body and who sits in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomBody {
    pub name: String,
    pub kind: BodyKind,
    pub mandate: String,
    /// "Name (Party)" of each active member.
    pub members: Vec<String>,
}

/// An answer shared with the party's name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomNamedAnswer {
    pub party: String,
    pub question: String,
    pub text: String,
    pub score: Option<u8>,
    pub stance: Option<Stance>,
}

/// An answer shared as an anonymous theme. By construction it has no
/// party, no date and no interview: nothing that points to its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomTheme {
    pub question: String,
    pub text: String,
}

/// A comfort need as the room sees it: with the party when it was shared
/// with its name, without it when shared anonymously.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomComfort {
    pub party: Option<String>,
    pub from_whom: RoomComfortFrom,
    pub need: String,
    pub status: ComfortStatus,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RoomComfortFrom {
    Party(String),
    AllParties,
    Commissioner,
}

/// What the room, and shared documents, may see of an alliance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomView {
    pub name: String,
    pub commissioner: String,
    pub ambition: String,
    pub phase: Phase,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    pub parties: Vec<RoomParty>,
    pub bodies: Vec<RoomBody>,
    pub named_answers: Vec<RoomNamedAnswer>,
    /// Sorted by question and text, so their order says nothing of who
    /// gave them.
    pub themes: Vec<RoomTheme>,
    pub comfort_needs: Vec<RoomComfort>,
    pub strategy: RoomStrategy,
    pub network: RoomNetwork,
    /// Ground rules that are not retired, board level first.
    pub rules: Vec<RoomRule>,
    /// The sets of ground rules, board level first.
    pub rule_sets: Vec<RoomRuleSet>,
    /// The check-ins from the phones once shown, oldest first: how many
    /// gave each score, never who.
    pub checkins: Vec<RoomCheckin>,
    pub funnel: RoomFunnel,
    /// The work plan, one part per focal point, as the room prioritised
    /// them.
    pub plan: Vec<RoomPlanPart>,
    /// Who counts on whom: every pair of parties where one needs the
    /// other, for a wish or a line of the work plan.
    pub reliances: Vec<RoomReliance>,
    /// Every comment round, oldest first: comments only once published.
    pub comment_rounds: Vec<RoomCommentRound>,
    /// Every consensus round, oldest first. Stances only once revealed.
    pub rounds: Vec<RoomRound>,
    /// Meetings, by date.
    pub meetings: Vec<RoomMeeting>,
    /// The bodies whose seats are held by parties (seed 003): who sits
    /// now, until when, and how the seat was filled.
    pub tables: Vec<RoomTable>,
    /// Where the record of commitments stood ("37 · a3f2…9c"), printed on
    /// the documents made from this view.
    pub record: Option<RecordMark>,
    /// The day the view counts against (what is overdue, who is still a
    /// party): the meeting being prepared or presented, else today as the
    /// program's clock says. One day for every slide and document made
    /// from the view.
    pub as_of: NaiveDate,
}

/// A check-in from the phones as the room saw it once shown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomCheckin {
    pub meeting: String,
    pub date: Option<NaiveDate>,
    /// How many people answered, and from how many parties.
    pub people: usize,
    pub parties: usize,
    /// Per rule: its text, how many gave 0 … 5, and the mean (each party
    /// counting once).
    pub rules: Vec<RoomCheckinRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomCheckinRule {
    pub text: String,
    pub counts: [usize; 6],
    pub mean: Option<f32>,
}

/// The check-ins the room was shown: counts per score, never who.
pub fn room_checkins(a: &Alliance) -> Vec<RoomCheckin> {
    let mut out: Vec<(Option<NaiveDate>, Id, RoomCheckin)> = a
        .checkin_rounds
        .iter()
        .filter_map(|r| Some((r, room_checkin(a, r)?)))
        .map(|(r, c)| (c.date, r.id, c))
        .collect();
    out.sort_by_key(|(d, id, _)| (*d, *id));
    out.into_iter().map(|(_, _, c)| c).collect()
}

/// One check-in as the room sees it: `None` until it is shown.
pub fn room_checkin(a: &Alliance, r: &crate::domain::CheckinRound) -> Option<RoomCheckin> {
    if !r.shown {
        return None;
    }
    let m = a.meeting(r.meeting);
    let result = a.checkin_result(r.id);
    Some(RoomCheckin {
        meeting: m.map(|m| m.title.clone()).unwrap_or_default(),
        date: m.and_then(|m| m.date),
        people: result.people(),
        parties: result.respondents.len(),
        rules: result
            .rules
            .iter()
            .map(|t| RoomCheckinRule {
                text: a
                    .ground_rule(t.rule)
                    .map(|g| g.text.clone())
                    .unwrap_or_default(),
                counts: t.counts,
                mean: t.mean,
            })
            .collect(),
    })
}

/// Where the record of commitments stands, as a document prints it: its
/// head, or that it no longer matches the records (a hand edit of the
/// file), so that no page claims a position nobody can show unchanged.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RecordMark {
    /// "37 · a3f2…9c".
    At(String),
    Broken,
}

/// The record's mark for documents made from `a` now: verified first.
pub fn record_mark(a: &Alliance) -> Option<RecordMark> {
    // (An alliance made in memory, never in a file, has no record yet.)
    if a.record.is_empty() {
        return None;
    }
    match crate::domain::record::verify(a) {
        Ok(Some(_)) => crate::domain::record::head(a).map(|h| RecordMark::At(h.position())),
        Ok(None) => None,
        Err(_) => Some(RecordMark::Broken),
    }
}

/// A body's table of party seats as the room sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomTable {
    pub body: String,
    pub seats: u32,
    /// The seats held today, the soonest to end first.
    pub held: Vec<RoomSeat>,
    /// The last draw made: its day and its seed (hex).
    pub last_draw: Option<(Option<NaiveDate>, String)>,
    /// The last draw's chances as shown before its dice: the lowest of
    /// anyone who could be drawn, the equal share and the margin of an
    /// estimate, in millionths.
    pub last_chances: Option<(u64, u64, u64)>,
    /// A draw fixed and shown but not yet rolled: its chances, as above,
    /// so the room sees them before anyone rolls.
    pub next_chances: Option<(u64, u64, u64)>,
    /// The day after the first held seat ends.
    pub next_rotation: Option<NaiveDate>,
}

/// A seat held at a table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomSeat {
    pub party: String,
    pub person: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The day of the draw that gave it; `None`: appointed.
    pub drawn: Option<NaiveDate>,
}

/// Every body with party seats (or a draw), with its seats held on `today`.
fn room_tables(a: &Alliance, today: NaiveDate) -> Vec<RoomTable> {
    a.bodies
        .iter()
        .filter(|b| b.seats > 0 || a.table_seats.iter().any(|s| s.body == b.id))
        .map(|b| {
            let held: Vec<RoomSeat> = crate::print::seats_held(a, b.id, today)
                .into_iter()
                .map(|s| RoomSeat {
                    party: s.party,
                    person: s.person,
                    start: s.start,
                    end: s.end,
                    drawn: s.drawn.flatten(),
                })
                .collect();
            let made = a.draws_of(b.id).into_iter().rev().find(|d| d.is_drawn());
            let last_draw = made.map(|d| (d.date, d.seed.clone()));
            let last_chances = made.and_then(|d| d.chance_summary());
            let next_chances = a
                .draws_of(b.id)
                .into_iter()
                .find(|d| d.fixed && !d.is_drawn())
                .and_then(|d| d.chance_summary());
            RoomTable {
                body: b.name.clone(),
                seats: b.seats,
                next_rotation: held
                    .iter()
                    .filter_map(|s| s.end)
                    .min()
                    .and_then(|e| e.succ_opt()),
                held,
                last_draw,
                last_chances,
                next_chances,
            }
        })
        .collect()
}

/// The projection for the room (the beamer).
/// A text as the room may see it: nothing when it is sealed.
fn unsealed(text: &str) -> String {
    if crate::crypt::is_sealed(text) {
        String::new()
    } else {
        text.to_string()
    }
}

/// The room projection as of the machine's today (tests and tools; the
/// window and the command line pass their clock's day to [`room_on`]).
pub fn room(a: &Alliance) -> RoomView {
    room_on(a, crate::domain::clock::Clock::System.today())
}

/// The room projection as of `today`.
///
/// Long for a reason: one struct literal, field by field: everything the room may see is built
/// in one visible place.
pub fn room_on(a: &Alliance, today: NaiveDate) -> RoomView {
    // Who counts on whom, worked out once for the map and the table.
    let reliances = a.reliances();
    // Each party's name made once, not once per round it votes in or
    // meeting it attends.
    let names: IdMap<std::sync::Arc<str>> = a
        .parties
        .iter()
        .map(|p| (p.id, p.name.as_str().into()))
        .collect();
    let party_name = |id| a.party_name(Some(id)).to_string();
    let question_text = |id| a.question(id).map(|q| q.text.clone()).unwrap_or_default();
    let stance_q = a.first_question_of_kind(QuestionKind::Stance).map(|q| q.id);
    // Each party's latest interview and each interview's stance answer,
    // found in one pass over them all.
    let mut latest: IdMap<&crate::domain::Interview> = IdMap::default();
    let order = |i: &crate::domain::Interview| (i.date.is_none(), i.date, i.id);
    for iv in &a.interviews {
        let at = latest.entry(iv.party).or_insert(iv);
        if order(iv) > order(at) {
            *at = iv;
        }
    }
    let mut stance_answers: IdMap<&crate::domain::Answer> = IdMap::default();
    for ans in a.answers.iter().filter(|x| Some(x.question) == stance_q) {
        stance_answers.entry(ans.interview).or_insert(ans);
    }
    let parties = a
        .parties
        .iter()
        .map(|p| {
            let stance = latest
                .get(&p.id)
                .and_then(|iv| stance_answers.get(&iv.id))
                .filter(|ans| ans.visibility == Visibility::Named)
                .and_then(|ans| ans.stance);
            RoomParty {
                name: p.name.clone(),
                kind: p.kind,
                service_area: p.service_area.clone(),
                services: p.services.clone(),
                stance,
                left: p.left,
            }
        })
        .collect();
    let mut seats: IdMap<Vec<Id>> = IdMap::default();
    for m in &a.memberships {
        seats.entry(m.body).or_default().push(m.person);
    }
    let bodies = a
        .bodies
        .iter()
        .map(|b| RoomBody {
            name: b.name.clone(),
            kind: b.kind,
            mandate: b.mandate.clone(),
            members: seats
                .get(&b.id)
                .into_iter()
                .flatten()
                .filter_map(|m| a.person(*m))
                .filter(|p| p.is_active_on(today))
                .map(|p| match p.party {
                    Some(party) => format!("{} ({})", p.name, party_name(party)),
                    None => p.name.clone(),
                })
                .collect(),
        })
        .collect();
    let mut named_answers = Vec::new();
    let mut themes = Vec::new();
    for answer in &a.answers {
        if answer.is_empty() {
            continue;
        }
        let Some(interview) = a.interview(answer.interview) else {
            continue;
        };
        match answer.visibility {
            Visibility::Confidential => {}
            Visibility::AnonymousTheme => {
                // A locked alliance shows no sealed text, not even as
                // gibberish.
                // A theme: the text without its party, which the room may see.
                let text = crate::domain::Confidential::expose(&answer.text);
                if !text.trim().is_empty() && !crate::crypt::is_sealed(text) {
                    themes.push(RoomTheme {
                        question: question_text(answer.question),
                        text: text.clone(),
                    });
                }
            }
            Visibility::Named => named_answers.push(RoomNamedAnswer {
                party: party_name(interview.party),
                question: question_text(answer.question),
                text: unsealed(crate::domain::Confidential::expose(&answer.text)),
                score: answer.score,
                stance: answer.stance,
            }),
        }
    }
    themes.sort_by(|x, y| (&x.question, &x.text).cmp(&(&y.question, &y.text)));
    let comfort_needs = a
        .comfort_needs
        .iter()
        .filter(|c| {
            c.visibility != Visibility::Confidential
                && !crate::crypt::is_sealed(crate::domain::Confidential::expose(&c.need))
        })
        .map(|c| RoomComfort {
            party: (c.visibility == Visibility::Named).then(|| party_name(c.party)),
            from_whom: match c.from_whom {
                ComfortFrom::Party(id) => RoomComfortFrom::Party(party_name(id)),
                ComfortFrom::AllParties => RoomComfortFrom::AllParties,
                ComfortFrom::Commissioner => RoomComfortFrom::Commissioner,
            },
            // Shared by its visibility (the filter above).
            need: crate::domain::Confidential::expose(&c.need).clone(),
            status: c.status,
        })
        .collect();
    RoomView {
        as_of: today,
        record: record_mark(a),
        name: a.info.name.clone(),
        commissioner: a.info.commissioner.name.clone(),
        ambition: a.info.ambition.clone(),
        phase: a.info.phase,
        term_start: a.info.term_start,
        term_end: a.info.term_end,
        parties,
        bodies,
        named_answers,
        themes,
        comfort_needs,
        strategy: room_strategy(a),
        network: room_network(a, &reliances),
        rules: room_rules(a),
        rule_sets: room_rule_sets(a),
        checkins: room_checkins(a),
        funnel: room_funnel(a),
        plan: room_plan(a),
        reliances: reliances_of(a, reliances),
        comment_rounds: room_comment_rounds(a),
        rounds: {
            // The stances by round and party, in one pass over them all.
            let mut by_round: IdMap<IdMap<&crate::domain::Vote>> = a
                .rounds
                .iter()
                .map(|r| {
                    let room = r.voters.len();
                    (
                        r.id,
                        IdMap::with_capacity_and_hasher(room, Default::default()),
                    )
                })
                .collect();
            for v in &a.votes {
                by_round.entry(v.round).or_default().insert(v.party, v);
            }
            let none = IdMap::default();
            let mut rounds: Vec<RoomRound> = a
                .rounds
                .iter()
                .map(|r| room_round(a, r, by_round.get(&r.id).unwrap_or(&none), &names))
                .collect();
            // A decided round put again (not amended): both say so.
            let at: IdMap<usize> = rounds.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
            for i in 0..rounds.len() {
                let Some(&p) = rounds[i].previous.and_then(|p| at.get(&p)) else {
                    continue;
                };
                let before = &rounds[p];
                if before.status.is_closed() && before.status != RoundStatus::Amended {
                    let reopening = (rounds[i].opened, rounds[i].note.clone());
                    rounds[i].reopens = true;
                    rounds[p].reopened.push(reopening);
                }
            }
            for r in &mut rounds {
                r.reopened.sort_by_key(|(d, _)| *d);
            }
            rounds
        },
        meetings: room_meetings(a, &names, today),
        tables: room_tables(a, today),
    }
}

/// A covenant version as a shared document may print it: its words, its
/// state and fingerprint, and the signature blocks. Nothing confidential.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CovenantView {
    pub alliance: String,
    pub title: String,
    pub number: u32,
    pub frozen_on: Option<NaiveDate>,
    pub fingerprint: String,
    /// SHA-256 of the text with its signatures (see
    /// `crate::domain::record::signed_text`), once frozen.
    pub signed_fingerprint: String,
    /// The commissioner and the term (start, end) as frozen, or as they
    /// stand for a draft.
    pub commissioner: String,
    /// The commissioner signs for acknowledgement below the parties.
    pub acknowledgement: bool,
    pub term: (Option<NaiveDate>, Option<NaiveDate>),
    pub clauses: Vec<(String, String)>,
    pub signatures: Vec<SignatureView>,
    /// Where the record of commitments stood ("37 · a3f2…9c").
    pub record: Option<RecordMark>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SignatureView {
    pub party: String,
    pub signatory: String,
    pub function: String,
    pub place: String,
    pub date: Option<NaiveDate>,
    pub signed: bool,
    /// Withdrawn: the day and the reason.
    pub withdrawn: Option<(NaiveDate, String)>,
}

/// The projection of a covenant version for print.
pub fn covenant(a: &Alliance, version: crate::domain::Id) -> Option<CovenantView> {
    let v = a.covenant_versions.iter().find(|v| v.id == version)?;
    let mut clauses: Vec<&crate::domain::Clause> =
        a.clauses.iter().filter(|c| c.version == version).collect();
    clauses.sort_by_key(|c| (c.position, c.id));
    Some(CovenantView {
        alliance: a.info.name.clone(),
        title: v.title.clone(),
        number: v.number,
        frozen_on: v.frozen_on,
        fingerprint: v.fingerprint.clone(),
        signed_fingerprint: if v.is_frozen() {
            crate::domain::record::signed_fingerprint(a, version)
        } else {
            String::new()
        },
        commissioner: v
            .commissioner
            .clone()
            .unwrap_or_else(|| a.info.commissioner.name.clone()),
        acknowledgement: v.acknowledgement,
        term: match &v.term {
            Some(t) => crate::domain::covenant::term_dates(t),
            None => (a.info.term_start, a.info.term_end),
        },
        record: record_mark(a),
        clauses: clauses
            .iter()
            .map(|c| (c.heading.clone(), c.text.clone()))
            .collect(),
        signatures: a
            .signatures
            .iter()
            .filter(|s| s.version == version)
            .map(|s| SignatureView {
                // The name as frozen or signed: a later rename does not
                // change the document.
                party: if v.is_frozen() && !s.party_name.is_empty() {
                    s.party_name.clone()
                } else {
                    a.party_name(Some(s.party)).to_string()
                },
                withdrawn: s.withdrawn.map(|d| (d, s.withdrawal_reason.clone())),
                signatory: s.signatory.clone(),
                function: s.function.clone(),
                place: s.place.clone(),
                date: s.date,
                signed: s.signed,
            })
            .collect(),
    })
}

/// A lane of the strategy map, laid out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomLane {
    pub name: String,
    pub rect: Rect,
    pub label: Rect,
}

/// An objective or initiative, laid out, with its owners by name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomNode {
    pub kind: NodeKind,
    pub title: String,
    pub description: String,
    pub owners: Vec<String>,
    pub measures: String,
    pub targets: String,
    pub rect: Rect,
}

/// A cause–effect arrow or a relation, laid out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomArrow {
    pub from: Pt,
    pub to: Pt,
    pub head: Option<[Pt; 3]>,
    pub label: String,
    pub label_at: Pt,
    /// 1 to 3 (relations); 2 for a cause–effect arrow.
    pub strength: u8,
    pub kind: Option<RelationKind>,
    /// Names of the two ends, for a spoken or printed list.
    pub from_name: String,
    pub to_name: String,
    /// A relation's two ends: their places in [`RoomNetwork::actors`].
    pub ends: Option<(usize, usize)>,
}

/// The strategy map as the room sees it: laid out, names instead of ids.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RoomStrategy {
    pub bounds: Rect,
    /// Top lane first.
    pub lanes: Vec<RoomLane>,
    pub nodes: Vec<RoomNode>,
    pub arrows: Vec<RoomArrow>,
}

/// An actor on the network map, laid out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomActor {
    pub name: String,
    /// It plays the commissioner (on its own, or as a party too).
    pub commissioner: bool,
    /// It sits at the table as a party (also when it is the commissioner).
    pub party: bool,
    pub center: Pt,
    pub radius: f32,
    pub ring: Ring,
    /// Betweenness, 0..=1: how much it connects others.
    pub betweenness: f32,
    /// One of the connectors (see [`crate::geometry::NetworkGeometry`]).
    pub connector: bool,
    /// Its group of parties that work closely together.
    pub group: Option<usize>,
}

/// The network map as the room sees it. The facilitator's notes on
/// relations stay out.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RoomNetwork {
    pub bounds: Rect,
    pub rings: Option<(Pt, f32, f32)>,
    pub actors: Vec<RoomActor>,
    pub relations: Vec<RoomArrow>,
    /// Who counts on whom: (the party that counts, the party counted on),
    /// as places in `actors`. Their routes are worked out when the map is
    /// drawn ([`RoomNetwork::dependency_routes`]), not on every revision.
    pub dependencies: Vec<(usize, usize)>,
}

/// An arrow of who counts on whom on the network map: from the party that
/// counts to the party counted on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomDependency {
    /// The two ends: their places in [`RoomNetwork::actors`].
    pub ends: (usize, usize),
    /// The route from edge to edge, bent around other circles.
    pub route: Vec<Pt>,
    pub head: [Pt; 3],
}

impl RoomRound {
    /// For a round over a set of ground rules that amends an earlier one
    /// (`before`): each rule whose text it changes, (the text before, the
    /// text now); a rule it adds has no text before.
    pub fn amended_rules<'a>(&'a self, before: &'a RoomRound) -> Vec<(Option<&'a str>, &'a str)> {
        self.set_rules
            .iter()
            .filter_map(
                |now| match before.set_rules.iter().find(|b| b.rule == now.rule) {
                    Some(b) if b.text == now.text => None,
                    Some(b) => Some((Some(b.text.as_str()), now.text.as_str())),
                    None => Some((None, now.text.as_str())),
                },
            )
            .collect()
    }
}

impl RoomNetwork {
    /// The connectors' names, the most central first: named in words on
    /// the overview slide and the printed map, whatever room their names
    /// find on the map.
    pub fn connector_names(&self) -> Vec<String> {
        let mut list: Vec<&RoomActor> = self.actors.iter().filter(|a| a.connector).collect();
        list.sort_by(|x, y| y.betweenness.total_cmp(&x.betweenness));
        list.into_iter().map(|a| a.name.clone()).collect()
    }

    /// The arrows of who counts on whom, each routed around every circle
    /// it does not belong to (an arrow through a third party's circle
    /// would read as that party's).
    pub fn dependency_routes(&self) -> Vec<RoomDependency> {
        let circles: Vec<geometry::Circle> =
            self.actors.iter().map(|x| (x.center, x.radius)).collect();
        let gap = circles.iter().map(|(_, r)| *r).fold(0.0, f32::max) * 0.2;
        let middle = self
            .rings
            .map(|(c, _, _)| c)
            .unwrap_or_else(|| self.actors_bounds().center());
        self.dependencies
            .iter()
            .map(|&(from, to)| {
                let others: Vec<geometry::Circle> = circles
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != from && *k != to)
                    .map(|(_, c)| *c)
                    .collect();
                let (route, head) =
                    geometry::route_between(circles[from], circles[to], &others, gap, middle);
                RoomDependency {
                    ends: (from, to),
                    route,
                    head,
                }
            })
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomRule {
    pub text: String,
    pub level: RuleLevel,
    pub status: RuleStatus,
    /// The person who guards it ("systeemeigenaar"): its set's owner when
    /// it is in a set.
    pub owner: Option<String>,
    /// The name of its set, if any.
    pub set: Option<String>,
    /// The mean check-in score on it per date, oldest first.
    pub trend: Vec<(Option<NaiveDate>, f32, usize)>,
}

/// A set of ground rules, with its one owner and the trend of its
/// check-ins.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomRuleSet {
    pub name: String,
    pub level: RuleLevel,
    pub owner: Option<String>,
    pub mandate: String,
    /// The texts of its rules that are not retired, with their status.
    pub rules: Vec<(String, RuleStatus)>,
    /// The mean check-in score over the whole set per date, oldest first.
    pub trend: Vec<(Option<NaiveDate>, f32, usize)>,
}

/// Whose consent a line of the work plan needs, by name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RoomMandate {
    None,
    Body(String),
    /// A party's own organisation.
    Party(String),
}

/// The progress of a line recorded at one meeting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomProgress {
    pub meeting: Id,
    pub meeting_title: String,
    pub date: Option<NaiveDate>,
    pub status: PlanStatus,
    pub text: String,
}

/// A line of the work plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomPlanLine {
    pub id: Id,
    pub focal_point: String,
    /// Its number in its focal point's part of the plan, from 1: the same
    /// on every screen and in every document.
    pub number: usize,
    pub what: String,
    pub lead: Option<String>,
    pub lead_person: Option<String>,
    /// The other parties taking part.
    pub parties: Vec<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub mandate: RoomMandate,
    pub mandate_given: Option<NaiveDate>,
    pub status: PlanStatus,
    /// The wishes it takes up, each with the party that handed it in.
    pub items: Vec<RoomItem>,
    /// Its progress, meeting by meeting (oldest first).
    pub progress: Vec<RoomProgress>,
}

impl RoomPlanLine {
    /// Whether it still waits for its mandate.
    pub fn needs_mandate(&self) -> bool {
        self.mandate != RoomMandate::None && self.mandate_given.is_none()
    }
}

/// A part of the work plan: one focal point and its lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomPlanPart {
    pub focal_point: String,
    pub description: String,
    /// The dots (or mean score) the room gave it, when revealed: the plan
    /// is in this order.
    pub priority: Option<f32>,
    pub lines: Vec<RoomPlanLine>,
}

/// A line's standing at a meeting (see `Alliance::plan_at`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomLineAt {
    pub line: Id,
    pub status: PlanStatus,
    pub before: Option<PlanStatus>,
    pub changed: bool,
    pub overdue: bool,
    /// The progress recorded at this meeting, if any.
    pub recorded: Option<String>,
}

/// Where the work plan stands at a meeting, and since which meeting its
/// changes are counted.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RoomPlanAt {
    /// The previous meeting with progress: its title and date.
    pub since: Option<(String, Option<NaiveDate>)>,
    pub lines: Vec<RoomLineAt>,
}

/// An agenda item: a party's problem on the shared agenda.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomItem {
    pub party: String,
    pub title: String,
    pub problem: String,
    /// The parties it depends on.
    pub depends_on: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomFocalPoint {
    pub name: String,
    pub description: String,
    pub items: Vec<RoomItem>,
    /// The total dots or mean score of the newest revealed priority round.
    pub priority: Option<f32>,
    /// How many parties gave it dots (or a score) in that round.
    pub priority_parties: usize,
}

/// The agenda funnel: many items, a few focal points.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RoomFunnel {
    pub items: usize,
    /// How many parties brought items.
    pub parties: usize,
    /// In their order on the board.
    pub focal_points: Vec<RoomFocalPoint>,
    pub unclustered: Vec<RoomItem>,
    /// The title of the revealed priority round the scores come from.
    pub priority_round: Option<String>,
    /// How that round was cast: dots, or a score.
    pub priority_method: Option<PriorityMethod>,
}

impl RoomFunnel {
    /// The focal points by the room's priority: most dots (or the highest
    /// mean score) first, then in the board's order.
    pub fn by_priority(&self) -> Vec<&RoomFocalPoint> {
        let mut out: Vec<&RoomFocalPoint> = self.focal_points.iter().collect();
        out.sort_by(|a, b| {
            b.priority
                .unwrap_or(-1.0)
                .total_cmp(&a.priority.unwrap_or(-1.0))
        });
        out
    }
}

/// What a round decides, by name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RoomSubject {
    Free,
    GroundRule(String),
    FocalPoint(String),
    StrategyMap,
    Covenant(String),
    RuleSet(String),
}

/// A rule in a round over a whole set: its text as put to the room and,
/// once the stances are revealed, the objections to it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomSetRule {
    /// The rule it is the text of (to say what an amendment changed).
    pub rule: Id,
    pub text: String,
    /// (party, reason), only after the reveal.
    pub objections: Vec<(String, String)>,
}

/// A voting party in a round: whether it has cast a stance, and the
/// stance itself only once the facilitator revealed them all.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomVoter {
    /// The party's name, shared by every round it votes in.
    pub party: std::sync::Arc<str>,
    pub cast: bool,
    pub stance: Option<(u8, String)>,
}

/// Where a round stands, as far as the room may know it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RoomOutcome {
    /// These parties have not cast a stance yet.
    Waiting(Vec<std::sync::Arc<str>>),
    /// Everyone has cast a stance; the stances are still hidden.
    ReadyToReveal,
    /// Revealed, nobody blocks; these parties have reservations.
    Adoptable(Vec<std::sync::Arc<str>>),
    /// Revealed, and these parties veto or object.
    Blocked(Vec<std::sync::Arc<str>>),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomRound {
    pub id: Id,
    pub proposal: String,
    pub subject: RoomSubject,
    pub scale: Scale,
    pub opened: Option<NaiveDate>,
    pub decided: Option<NaiveDate>,
    pub status: RoundStatus,
    pub revealed: bool,
    pub previous: Option<Id>,
    pub note: String,
    pub voters: Vec<RoomVoter>,
    pub outcome: RoomOutcome,
    /// The body it was put to; empty for the whole alliance.
    pub body: String,
    /// For a round over a whole set of rules: each rule as put to the room.
    pub set_rules: Vec<RoomSetRule>,
    /// The corrections of stances after they were shown, oldest first.
    pub corrections: Vec<RoomCorrection>,
    /// Whether this round reopens the decided round it follows
    /// (`previous`), rather than amending it.
    pub reopens: bool,
    /// The later rounds that reopened this decided one: the day each was
    /// held and its reason.
    pub reopened: Vec<(Option<NaiveDate>, String)>,
}

/// A stance corrected after the reveal, as the room may see it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomCorrection {
    pub party: std::sync::Arc<str>,
    pub from: u8,
    pub to: u8,
    pub reason: String,
    pub by: String,
    /// The day it counts from (the meeting it was made at).
    pub on: Option<NaiveDate>,
}

/// What an agenda slot is about, by name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RoomLink {
    None,
    FocalPoint(String),
    /// A proposal to decide: the round's id and proposal.
    Round(Id, String),
    GroundRule(String),
    StrategyMap,
    NetworkMap,
    WorkPlan,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomSlot {
    pub title: String,
    pub link: RoomLink,
    pub background: String,
    pub minutes: String,
    pub next_step: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomAttendee {
    /// Shared by every meeting the person attends (a region's hundred
    /// meetings list the same people again and again).
    pub name: std::sync::Arc<str>,
    pub party: Option<std::sync::Arc<str>>,
    pub present: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomAction {
    pub who: String,
    pub what: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
    /// The meeting where it was agreed.
    pub agreed_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomMeeting {
    pub id: Id,
    pub title: String,
    pub body: Option<String>,
    pub date: Option<NaiveDate>,
    pub start: String,
    pub end: String,
    pub place: String,
    pub slots: Vec<RoomSlot>,
    pub attendance: Vec<RoomAttendee>,
    /// Parties with at least one person present.
    pub parties_present: Vec<std::sync::Arc<str>>,
    /// Parties expected and not present (once attendance was taken).
    pub parties_absent: Vec<std::sync::Arc<str>>,
    /// How many parties are expected: those with a seat in the body, or
    /// every party for a meeting of the whole alliance.
    pub parties_expected: usize,
    /// Actions agreed at this meeting.
    pub actions: Vec<std::sync::Arc<RoomAction>>,
    /// Actions agreed at earlier meetings and still open at this one.
    pub open_actions: Vec<std::sync::Arc<RoomAction>>,
    /// Actions reported done since the meeting before, up to this one.
    pub completed_actions: Vec<std::sync::Arc<RoomAction>>,
    /// Where the work plan stands at this meeting.
    pub plan: RoomPlanAt,
}

impl RoomNetwork {
    /// The order in which the slides walk the actors, one by one: the
    /// connectors first (the strongest first), then the one in the middle,
    /// then the inner ring and the outer ring, each walked round from the
    /// top, so neighbours on the map follow each other.
    pub fn tour(&self) -> Vec<usize> {
        let middle = self
            .rings
            .map(|(c, _, _)| c)
            .unwrap_or_else(|| self.actors_bounds().center());
        let turn = |a: &RoomActor| {
            let (dx, dy) = (a.center.x - middle.x, a.center.y - middle.y);
            // Clockwise from the top (y grows downwards).
            let t = dx.atan2(-dy);
            if t < 0.0 {
                t + std::f32::consts::TAU
            } else {
                t
            }
        };
        let tier = |a: &RoomActor| match a.ring {
            _ if a.connector => 0,
            _ if a.commissioner => 1,
            Ring::Inner => 2,
            _ => 3,
        };
        let mut out: Vec<usize> = (0..self.actors.len()).collect();
        out.sort_by(|x, y| {
            let (a, b) = (&self.actors[*x], &self.actors[*y]);
            tier(a).cmp(&tier(b)).then(if tier(a) == 0 {
                b.betweenness.total_cmp(&a.betweenness)
            } else {
                turn(a).total_cmp(&turn(b))
            })
        });
        out
    }

    /// The relations of the actor at `k`: each with its other end.
    pub fn relations_of(&self, k: usize) -> Vec<&RoomArrow> {
        self.relations
            .iter()
            .filter(|r| r.ends.is_some_and(|(f, t)| f == k || t == k))
            .collect()
    }

    /// The box around the actors' circles (the canvas's own bounds are
    /// roomier), or those bounds when there are no actors.
    pub fn actors_bounds(&self) -> Rect {
        self.actors
            .iter()
            .map(|a| Rect::from_center(a.center, 2.0 * a.radius, 2.0 * a.radius))
            .reduce(|x, y| x.union(&y))
            .unwrap_or(self.bounds)
    }
}

impl RoomView {
    /// The view as of `meeting`'s day, when it has one: the slides then
    /// count what is overdue and who is still a party as that meeting's
    /// pack and minutes do.
    pub fn as_of_meeting(mut self, meeting: Option<Id>) -> RoomView {
        if let Some(day) = meeting.and_then(|m| self.meeting(m)).and_then(|m| m.date) {
            self.as_of = day;
        }
        self
    }

    /// Adopted rounds, newest decision first.
    pub fn decision_log(&self) -> Vec<&RoomRound> {
        let mut out: Vec<&RoomRound> = self
            .rounds
            .iter()
            .filter(|r| r.status == RoundStatus::Adopted)
            .collect();
        out.sort_by(|a, b| b.decided.cmp(&a.decided).then(b.id.cmp(&a.id)));
        out
    }

    pub fn round(&self, id: Id) -> Option<&RoomRound> {
        self.rounds.iter().find(|r| r.id == id)
    }

    pub fn meeting(&self, id: Id) -> Option<&RoomMeeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// A line of the work plan.
    pub fn plan_line(&self, id: Id) -> Option<&RoomPlanLine> {
        self.plan.iter().flat_map(|p| &p.lines).find(|l| l.id == id)
    }

    /// Every line of the work plan, in order.
    pub fn plan_lines(&self) -> impl Iterator<Item = &RoomPlanLine> {
        self.plan.iter().flat_map(|p| &p.lines)
    }

    /// The rounds that led to `round` (amended ones), oldest first.
    pub fn predecessors(&self, round: &RoomRound) -> Vec<&RoomRound> {
        let mut out = Vec::new();
        let mut at = round.previous;
        while let Some(prev) = at.and_then(|id| self.round(id)) {
            if out.iter().any(|r: &&RoomRound| r.id == prev.id) || prev.id == round.id {
                break;
            }
            out.push(prev);
            at = prev.previous;
        }
        out.reverse();
        out
    }
}
