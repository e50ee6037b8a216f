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
//! One file on purpose (over 800 lines): everything the room may see is
//! built here and nowhere else, so the confidentiality barrier is one
//! file to review.

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
    pub funnel: RoomFunnel,
    /// The work plan, one part per focal point, as the room prioritised
    /// them.
    pub plan: Vec<RoomPlanPart>,
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
            let last_draw = a
                .draws_of(b.id)
                .into_iter()
                .rev()
                .find(|d| d.is_drawn())
                .map(|d| (d.date, d.seed.clone()));
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

/// The room projection as of today by the program's clock (see
/// [`crate::domain::clock`]).
pub fn room(a: &Alliance) -> RoomView {
    room_on(a, crate::domain::clock::Clock::from_env().today())
}

/// The room projection as of `today`.
pub fn room_on(a: &Alliance, today: NaiveDate) -> RoomView {
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
        network: room_network(a),
        rules: room_rules(a),
        rule_sets: room_rule_sets(a),
        funnel: room_funnel(a),
        plan: room_plan(a),
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
    /// How many parties are expected: those with a seat in the body, or
    /// every party for a meeting of the whole alliance.
    pub parties_expected: usize,
    /// Actions agreed at this meeting.
    pub actions: Vec<std::sync::Arc<RoomAction>>,
    /// Actions agreed at earlier meetings and still open at this one.
    pub open_actions: Vec<std::sync::Arc<RoomAction>>,
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

fn room_strategy(a: &Alliance) -> RoomStrategy {
    let g = geometry::strategy(a);
    let title = |id| a.map_node(id).map(|n| n.title.clone()).unwrap_or_default();
    RoomStrategy {
        bounds: g.bounds,
        lanes: g
            .lanes
            .iter()
            .map(|l| RoomLane {
                name: a.lane(l.lane).map(|l| l.name.clone()).unwrap_or_default(),
                rect: l.rect,
                label: l.label,
            })
            .collect(),
        nodes: g
            .nodes
            .iter()
            .filter_map(|n| {
                let node = a.map_node(n.node)?;
                Some(RoomNode {
                    kind: node.kind,
                    title: node.title.clone(),
                    description: node.description.clone(),
                    owners: node
                        .owners
                        .iter()
                        .map(|p| a.party_name(Some(*p)).to_string())
                        .collect(),
                    measures: node.measures.clone(),
                    targets: node.targets.clone(),
                    rect: n.rect,
                })
            })
            .collect(),
        arrows: g
            .arrows
            .iter()
            .filter_map(|arrow| {
                let link = crate::domain::alliance::by_id(&a.map_links, arrow.id)?;
                Some(RoomArrow {
                    from: arrow.from,
                    to: arrow.to,
                    head: arrow.head,
                    label: link.label.clone(),
                    label_at: arrow.label_at,
                    strength: 2,
                    kind: None,
                    from_name: title(link.from),
                    to_name: title(link.to),
                    ends: None,
                })
            })
            .collect(),
    }
}

fn room_network(a: &Alliance) -> RoomNetwork {
    // Laid out without the relations kept for the facilitator: a private
    // tension must not move a party from one ring to another on the beamer.
    let shared: std::borrow::Cow<[crate::domain::Relation]> =
        if a.relations.iter().any(|r| r.facilitator_only) {
            a.relations
                .iter()
                .filter(|r| !r.facilitator_only)
                .cloned()
                .collect::<Vec<_>>()
                .into()
        } else {
            a.relations.as_slice().into()
        };
    // Placed by hand: the facilitator's places; else the rings.
    let layout = if a.placements.is_empty() {
        NetLayout::Rings
    } else {
        NetLayout::Free
    };
    let g = geometry::network_of(a, &shared, layout);
    let at: crate::domain::FastMap<Actor, usize> = g
        .actors
        .iter()
        .enumerate()
        .map(|(k, x)| (x.actor, k))
        .collect();
    let name = |actor: Actor| a.actor_name(g.node_of(actor)).to_string();
    RoomNetwork {
        bounds: g.bounds,
        rings: g.rings,
        actors: g
            .actors
            .iter()
            .map(|actor| RoomActor {
                name: name(actor.actor),
                commissioner: actor.commissioner,
                party: actor.actor != Actor::Commissioner,
                center: actor.center,
                radius: actor.radius,
                ring: actor.ring,
                betweenness: actor.betweenness,
                connector: g.connectors.contains(&actor.actor),
                group: actor.group,
            })
            .collect(),
        relations: g
            .relations
            .iter()
            .filter_map(|arrow| {
                let r = crate::domain::alliance::by_id(&shared, arrow.id)?;
                let (from, to) = (g.node_of(r.from), g.node_of(r.to));
                Some(RoomArrow {
                    from: arrow.from,
                    to: arrow.to,
                    head: arrow.head,
                    label: String::new(),
                    label_at: arrow.label_at,
                    strength: r.strength,
                    kind: Some(r.kind),
                    from_name: name(from),
                    to_name: name(to),
                    ends: at.get(&from).copied().zip(at.get(&to).copied()),
                })
            })
            .collect(),
    }
}

fn room_rules(a: &Alliance) -> Vec<RoomRule> {
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
        })
        .collect()
}

/// "Name (Party)" of a person, or their name alone.
fn person_with_party(a: &Alliance, person: Option<Id>) -> Option<String> {
    person.and_then(|p| a.person(p)).map(|p| match p.party {
        Some(party) => format!("{} ({})", p.name, a.party_name(Some(party))),
        None => p.name.clone(),
    })
}

fn room_rule_sets(a: &Alliance) -> Vec<RoomRuleSet> {
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
                trend: crate::domain::rules::set_trend(&a.checkins, &ids),
            }
        })
        .collect()
}

fn room_item(a: &Alliance, i: &crate::domain::AgendaItem) -> RoomItem {
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
fn room_plan_line(
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

fn room_plan(a: &Alliance) -> Vec<RoomPlanPart> {
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

fn room_funnel(a: &Alliance) -> RoomFunnel {
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

fn room_round(
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

fn room_meetings(
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
                parties_present: present.into_iter().map(party_name).collect(),
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
                plan: plan_at.remove(&m.id).unwrap_or_default(),
            }
        })
        .collect()
}

/// Where the work plan stands at each meeting (see `Alliance::plan_at`),
/// for all meetings in one pass: the progress grouped by meeting once,
/// the meetings walked in order.
fn room_plans_at(a: &Alliance, today: NaiveDate) -> IdMap<RoomPlanAt> {
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
                        changed: since.is_some() && was != Some(status),
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
