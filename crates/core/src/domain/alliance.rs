//! The register of an alliance ("samenwerkingsverband"): the parties, their
//! people, the bodies they sit in, the commissioner, the phase and the term.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Confidential;
use super::agenda::{AgendaItem, FocalPoint, PriorityRound};
use super::consensus::{Round, Vote};

use super::intake::{Answer, ComfortNeed, Interview, Question, QuestionKind, Stance};
use super::meeting::{AgendaSlot, Meeting};
use super::rules::{GroundRule, Situation};
use super::strategy::{Actor, Lane, MapNode, Placement};

/// Identifier of an entity within one alliance. Ids are assigned by the
/// domain (one more than the highest in use), so edits replay exactly.
pub type Id = i64;

/// The phase of the alliance. Seed 000 names the route in this order:
/// trust first, then strategy, then formalisation, then execution.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Vertrouwen.
    #[default]
    Trust,
    /// Strategie.
    Strategy,
    /// Formalisering.
    Formalisation,
    /// Uitvoering.
    Execution,
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Phase::Trust,
        Phase::Strategy,
        Phase::Formalisation,
        Phase::Execution,
    ];

    /// Position on the route, from 0.
    pub fn index(self) -> usize {
        Phase::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// The commissioner ("opdrachtgever") who asked the parties for one plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commissioner {
    pub name: String,
    pub contact: String,
    pub notes: String,
    /// The party the commissioner also is, when it sits at the table as one
    /// of the parties too (seed 004: the municipality wears several hats).
    /// The network map draws it as one actor with both roles.
    pub party: Option<Id>,
}

/// The language an alliance works in: its starter content and, unless
/// asked otherwise, every document, slide and phone page it produces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    pub fn is_english(self) -> bool {
        self == Language::En
    }

    pub fn from_english(english: bool) -> Language {
        if english { Language::En } else { Language::Nl }
    }
}

/// The alliance itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AllianceInfo {
    pub name: String,
    /// The alliance's language (Dutch for alliances made before it could
    /// be chosen).
    pub language: Language,
    pub commissioner: Commissioner,
    /// The shared ambition ("gezamenlijke ambitie").
    pub ambition: String,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    pub phase: Phase,
}

impl Default for AllianceInfo {
    fn default() -> Self {
        AllianceInfo {
            name: String::new(),
            language: Language::Nl,
            commissioner: Commissioner::default(),
            ambition: String::new(),
            term_start: None,
            term_end: None,
            phase: Phase::Trust,
        }
    }
}

impl AllianceInfo {
    /// Length of the term in whole months, when both ends are known. The
    /// end date is the last day of the term (1-10-2017 to 30-09-2020 is 36).
    pub fn term_months(&self) -> Option<i32> {
        use chrono::Datelike;
        let (s, e) = (self.term_start?, self.term_end?.succ_opt()?);
        let months = (e.year() - s.year()) * 12 + e.month() as i32 - s.month() as i32;
        let months = if e.day() < s.day() {
            months - 1
        } else {
            months
        };
        Some(months.max(0))
    }
}

/// What kind of organisation a party is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    /// Welzijn.
    #[default]
    Welfare,
    /// Zorg.
    Care,
    /// Woningcorporatie.
    HousingCorporation,
    /// Gemeente.
    Municipality,
    /// Politie.
    Police,
    Other,
}

impl PartyKind {
    pub const ALL: [PartyKind; 6] = [
        PartyKind::Welfare,
        PartyKind::Care,
        PartyKind::HousingCorporation,
        PartyKind::Municipality,
        PartyKind::Police,
        PartyKind::Other,
    ];
}

/// A party ("partij") of the alliance. Every party has one equal vote:
/// nothing in the model weighs parties by size; `staff` is information only.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Party {
    pub id: Id,
    pub name: String,
    pub kind: PartyKind,
    /// Number of staff (information, never a weight).
    pub staff: Option<u32>,
    /// Service area ("werkgebied"), e.g. the district or all of Amsterdam.
    pub service_area: String,
    /// Services and themes, e.g. elderly, youth, debt counselling.
    pub services: Vec<String>,
    pub contact: String,
    /// The facilitator's notes on the party.
    pub notes: Confidential<String>,
    /// The day the party left the alliance. It stays in the register, and
    /// in the history of rounds and covenants it took part in, but no
    /// longer votes in new rounds or appears in new covenant drafts.
    pub left: Option<NaiveDate>,
}

impl Party {
    /// Whether the party is still in the alliance on `today`.
    pub fn is_active_on(&self, today: NaiveDate) -> bool {
        self.left.is_none_or(|left| left > today)
    }
}

/// A person who works in the alliance on behalf of a party (or of the
/// commissioner, or independently, when `party` is `None`). People who left
/// stay in the register with their `left` date, so the history is kept.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub party: Option<Id>,
    pub function: String,
    pub email: String,
    pub joined: Option<NaiveDate>,
    pub left: Option<NaiveDate>,
}

impl Person {
    /// Whether the person is still active on `today`.
    pub fn is_active_on(&self, today: NaiveDate) -> bool {
        self.left.is_none_or(|left| left > today)
    }
}

/// The kind of a body ("gremium").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// Stuurgroep.
    SteeringGroup,
    /// Managementteam.
    ManagementTeam,
    /// Werkgroep.
    #[default]
    WorkingGroup,
}

impl BodyKind {
    pub const ALL: [BodyKind; 3] = [
        BodyKind::SteeringGroup,
        BodyKind::ManagementTeam,
        BodyKind::WorkingGroup,
    ];
}

/// A body of the alliance: the steering group, the management team, or a
/// (mixed) working group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Body {
    pub id: Id,
    pub name: String,
    pub kind: BodyKind,
    /// What the body may decide ("mandaat").
    pub mandate: String,
    /// Seats at the table held by parties (see `table`); 0 when the body's
    /// members are people only.
    pub seats: u32,
    /// Years of a full term of a seat.
    pub term_years: u32,
}

impl Default for Body {
    fn default() -> Self {
        Body {
            id: 0,
            name: String::new(),
            kind: BodyKind::default(),
            mandate: String::new(),
            seats: 0,
            term_years: 2,
        }
    }
}

/// A person's seat in a body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Membership {
    pub id: Id,
    pub body: Id,
    pub person: Id,
    /// E.g. chair ("voorzitter"), secretary, member.
    pub role: String,
}

// `Alliance`, the whole alliance in memory (its details and a list per kind
// of record), is declared with the kinds in `edit.rs` (`entities!`).
pub use super::edit::Alliance;

/// One interview of a party as the trust overview shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TrustPoint {
    pub interview: Id,
    /// 1 for the first intake, 2 for the first check-in, and so on.
    pub round: usize,
    pub date: Option<NaiveDate>,
    pub stance: Option<Stance>,
    pub satisfaction: Option<u8>,
}

impl Alliance {
    /// A new alliance with a name and the default interview guide in Dutch.
    pub fn named(name: impl Into<String>) -> Alliance {
        Alliance::named_in(name, false)
    }

    /// A new alliance with a name and the default interview guide, in
    /// English or Dutch.
    pub fn named_in(name: impl Into<String>, english: bool) -> Alliance {
        Alliance {
            info: AllianceInfo {
                name: name.into(),
                language: Language::from_english(english),
                ..AllianceInfo::default()
            },
            questions: super::intake::default_guide(english),
            lanes: super::strategy::default_lanes(english),
            ground_rules: super::rules::starter_rules(english),
            ..Alliance::default()
        }
    }

    /// Change the alliance's language, as one step: its details say the
    /// new language, and the starter content still as it shipped (a
    /// question, a lane or a starter rule nobody has reworded) is put in
    /// the new language too. What the alliance wrote itself stays as it
    /// is. `None` when it already speaks `to`.
    pub fn set_language(&self, to: Language) -> Option<super::Edit> {
        use super::starter::translate;
        if self.info.language == to {
            return None;
        }
        let english = to.is_english();
        let mut edits = vec![self.set_info(AllianceInfo {
            language: to,
            ..self.info.clone()
        })];
        for q in &self.questions {
            if let Some(text) = translate(&q.text, english) {
                edits.push(self.update(super::intake::Question {
                    text: text.to_string(),
                    ..q.clone()
                }));
            }
        }
        for l in &self.lanes {
            if let Some(name) = translate(&l.name, english) {
                edits.push(self.update(super::strategy::Lane {
                    name: name.to_string(),
                    ..l.clone()
                }));
            }
        }
        // A rule the alliance adopted is what it adopted, in the words it
        // adopted: only drafts are put in the new language.
        let draft = |r: &&GroundRule| r.starter && r.status == super::rules::RuleStatus::Draft;
        for r in self.ground_rules.iter().filter(draft) {
            if let Some(text) = translate(&r.text, english) {
                edits.push(self.update(super::rules::GroundRule {
                    text: text.to_string(),
                    ..r.clone()
                }));
            }
        }
        Some(super::Edit::Batch(edits))
    }

    pub fn meeting(&self, id: Id) -> Option<&Meeting> {
        by_id(&self.meetings, id)
    }

    pub fn agenda_slot(&self, id: Id) -> Option<&AgendaSlot> {
        by_id(&self.agenda_slots, id)
    }

    /// A meeting's agenda in order.
    pub fn slots_of(&self, meeting: Id) -> Vec<&AgendaSlot> {
        let mut out: Vec<&AgendaSlot> = self
            .agenda_slots
            .iter()
            .filter(|s| s.meeting == meeting)
            .collect();
        out.sort_by_key(|s| (s.position, s.id));
        out
    }

    /// The parties present at a meeting (through the people who attended).
    pub fn parties_present(&self, meeting: Id) -> Vec<Id> {
        let mut out: Vec<Id> = self
            .attendance
            .iter()
            .filter(|x| x.meeting == meeting && x.present)
            .filter_map(|x| self.person(x.person).and_then(|p| p.party))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn agenda_item(&self, id: Id) -> Option<&AgendaItem> {
        by_id(&self.agenda_items, id)
    }

    pub fn focal_point(&self, id: Id) -> Option<&FocalPoint> {
        by_id(&self.focal_points, id)
    }

    pub fn priority_round(&self, id: Id) -> Option<&PriorityRound> {
        by_id(&self.priority_rounds, id)
    }

    pub fn situation(&self, id: Id) -> Option<&Situation> {
        by_id(&self.situations, id)
    }

    pub fn ground_rule(&self, id: Id) -> Option<&GroundRule> {
        by_id(&self.ground_rules, id)
    }

    pub fn round(&self, id: Id) -> Option<&Round> {
        by_id(&self.rounds, id)
    }

    pub fn vote(&self, round: Id, party: Id) -> Option<&Vote> {
        self.votes
            .iter()
            .find(|v| v.round == round && v.party == party)
    }

    /// The focal points in their order.
    pub fn focal_points_in_order(&self) -> Vec<&FocalPoint> {
        let mut out: Vec<&FocalPoint> = self.focal_points.iter().collect();
        out.sort_by_key(|f| (f.position, f.id));
        out
    }

    /// The parties of the alliance that have cast no dot or score in a
    /// priority round and were not recorded absent.
    pub fn priority_missing(&self, round: &super::agenda::PriorityRound) -> Vec<Id> {
        self.parties
            .iter()
            .filter(|p| p.left.is_none() && !round.absent.contains(&p.id))
            .filter(|p| {
                !self
                    .priority_marks
                    .iter()
                    .any(|m| m.round == round.id && m.party == p.id)
            })
            .map(|p| p.id)
            .collect()
    }

    /// The round that now carries a proposal: the round itself, or the last
    /// amendment of it (a meeting's agenda keeps pointing at the first).
    pub fn current_round(&self, id: Id) -> Option<&Round> {
        let mut at = self.round(id)?;
        for _ in 0..self.rounds.len() {
            match self.rounds.iter().find(|r| r.previous == Some(at.id)) {
                Some(next) => at = next,
                None => break,
            }
        }
        Some(at)
    }

    /// The outcome of a round by the rules of seed 000.
    pub fn outcome(&self, round: &Round) -> super::consensus::Outcome {
        super::consensus::outcome(round, &self.votes, &self.voting_parties(round))
    }

    /// The parties that count in a round now.
    pub fn voting_parties(&self, round: &Round) -> Vec<Id> {
        self.parties
            .iter()
            .filter(|p| self.votes_in(p, round))
            .map(|p| p.id)
            .collect()
    }

    /// The voting parties of a round that have yet to cast a stance (and
    /// were not recorded absent).
    pub fn missing_voters(&self, round: &Round) -> Vec<Id> {
        super::consensus::not_cast(round, &self.votes, &self.voting_parties(round))
    }

    /// Whether the round's stances may be revealed: every voting party has
    /// cast or was recorded absent.
    pub fn can_reveal(&self, round: &Round) -> bool {
        super::consensus::can_reveal(round, &self.votes, &self.voting_parties(round))
    }

    /// Whether a party still counts in a round: not when it has left the
    /// alliance since the round opened and before it was decided (its
    /// stance, cast or not, no longer holds the round up). A decision
    /// taken before it left stands as it was.
    pub fn votes_in(&self, party: &Party, round: &Round) -> bool {
        match (party.left, round.opened) {
            (None, _) => true,
            (Some(left), _) if round.decided.is_some_and(|d| left > d) => true,
            (Some(left), Some(opened)) => left < opened,
            (Some(_), None) => false,
        }
    }

    pub fn lane(&self, id: Id) -> Option<&Lane> {
        by_id(&self.lanes, id)
    }

    /// The lanes from the bottom up.
    pub fn lanes_bottom_up(&self) -> Vec<&Lane> {
        let mut out: Vec<&Lane> = self.lanes.iter().collect();
        out.sort_by_key(|l| (l.position, l.id));
        out
    }

    pub fn map_node(&self, id: Id) -> Option<&MapNode> {
        by_id(&self.map_nodes, id)
    }

    /// Every actor of the network map: the commissioner, then the parties.
    pub fn actors(&self) -> Vec<Actor> {
        std::iter::once(Actor::Commissioner)
            .chain(self.parties.iter().map(|p| Actor::Party(p.id)))
            .collect()
    }

    pub fn has_actor(&self, actor: Actor) -> bool {
        match actor {
            Actor::Commissioner => true,
            Actor::Party(id) => self.party(id).is_some(),
        }
    }

    /// The party the commissioner also is, when that party exists.
    pub fn commissioner_party(&self) -> Option<Id> {
        self.info
            .commissioner
            .party
            .filter(|id| self.party(*id).is_some())
    }

    /// The actor that stands for `actor` on the network map: the
    /// commissioner who is also a party is that party's actor.
    pub fn network_actor(&self, actor: Actor) -> Actor {
        match (actor, self.commissioner_party()) {
            (Actor::Commissioner, Some(id)) => Actor::Party(id),
            _ => actor,
        }
    }

    /// The actors as the network map draws them: [`Alliance::actors`],
    /// less the commissioner when it is one of the parties too.
    pub fn network_actors(&self) -> Vec<Actor> {
        let merged = self.commissioner_party().is_some();
        self.actors()
            .into_iter()
            .filter(|x| !(merged && *x == Actor::Commissioner))
            .collect()
    }

    /// The name of an actor.
    pub fn actor_name(&self, actor: Actor) -> &str {
        match actor {
            Actor::Commissioner => &self.info.commissioner.name,
            Actor::Party(id) => self.party_name(Some(id)),
        }
    }

    pub fn placement(&self, actor: Actor) -> Option<&Placement> {
        self.placements.iter().find(|p| p.actor == actor)
    }

    /// Each party's share of the strategy map: the nodes it owns, and that
    /// as a part of all nodes.
    pub fn map_share(&self) -> Vec<(Id, usize, f32)> {
        let total = self.map_nodes.len().max(1) as f32;
        // One pass over the nodes, not one per party. A party named twice
        // as owner of one node counts once.
        let mut owned: super::IdMap<usize> = super::IdMap::default();
        for node in &self.map_nodes {
            for (i, p) in node.owners.iter().enumerate() {
                if !node.owners[..i].contains(p) {
                    *owned.entry(*p).or_default() += 1;
                }
            }
        }
        self.parties
            .iter()
            .map(|p| {
                let n = owned.get(&p.id).copied().unwrap_or(0);
                (p.id, n, n as f32 / total)
            })
            .collect()
    }

    pub fn question(&self, id: Id) -> Option<&Question> {
        by_id(&self.questions, id)
    }

    pub fn interview(&self, id: Id) -> Option<&Interview> {
        by_id(&self.interviews, id)
    }

    /// The questions still asked, in guide order.
    pub fn active_questions(&self) -> Vec<&Question> {
        let mut out: Vec<&Question> = self.questions.iter().filter(|q| !q.retired).collect();
        out.sort_by_key(|q| (q.position, q.id));
        out
    }

    /// The questions an interview shows: those still asked, and retired
    /// ones it answered.
    pub fn questions_of(&self, interview: Id) -> Vec<&Question> {
        let mut out: Vec<&Question> = self
            .questions
            .iter()
            .filter(|q| !q.retired || self.answer(interview, q.id).is_some())
            .collect();
        out.sort_by_key(|q| (q.position, q.id));
        out
    }

    /// The first question of a kind, in guide order (retired ones too, so
    /// old interviews keep their place in the overview).
    pub fn first_question_of_kind(&self, kind: QuestionKind) -> Option<&Question> {
        self.questions
            .iter()
            .filter(|q| q.kind == kind)
            .min_by_key(|q| (q.retired, q.position, q.id))
    }

    pub fn answer(&self, interview: Id, question: Id) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|a| a.interview == interview && a.question == question)
    }

    pub fn answers_of(&self, interview: Id) -> impl Iterator<Item = &Answer> {
        self.answers
            .iter()
            .filter(move |a| a.interview == interview)
    }

    /// A party's interviews, oldest first (undated ones last).
    pub fn interviews_of(&self, party: Id) -> Vec<&Interview> {
        let mut out: Vec<&Interview> = self
            .interviews
            .iter()
            .filter(|i| i.party == party)
            .collect();
        out.sort_by_key(|i| (i.date.is_none(), i.date, i.id));
        out
    }

    /// Whether an interview holds nothing yet.
    pub fn interview_is_empty(&self, interview: &Interview) -> bool {
        crate::domain::Confidential::expose(&interview.notes)
            .trim()
            .is_empty()
            && self.answers_of(interview.id).all(Answer::is_empty)
    }

    /// Where a party stood at each of its interviews.
    pub fn trust_of(&self, party: Id) -> Vec<TrustPoint> {
        self.trust_points(self.interviews.iter().filter(|i| i.party == party))
            .remove(&party)
            .unwrap_or_default()
    }

    /// [`Alliance::trust_of`] for every party at once, in one pass over
    /// the interviews and answers (the barometer shows them all).
    pub fn trust_by_party(&self) -> super::IdMap<Vec<TrustPoint>> {
        self.trust_points(self.interviews.iter())
    }

    fn trust_points<'a>(
        &self,
        interviews: impl Iterator<Item = &'a Interview>,
    ) -> super::IdMap<Vec<TrustPoint>> {
        let stance_q = self
            .first_question_of_kind(QuestionKind::Stance)
            .map(|q| q.id);
        let score_q = self
            .first_question_of_kind(QuestionKind::Score)
            .map(|q| q.id);
        // The first answer to each of the two questions per interview, as
        // `answer` finds it.
        let mut stance: super::IdMap<&Answer> = super::IdMap::default();
        let mut score: super::IdMap<&Answer> = super::IdMap::default();
        for ans in &self.answers {
            if Some(ans.question) == stance_q {
                stance.entry(ans.interview).or_insert(ans);
            }
            if Some(ans.question) == score_q {
                score.entry(ans.interview).or_insert(ans);
            }
        }
        let mut by_party: super::IdMap<Vec<&Interview>> = super::IdMap::default();
        for iv in interviews {
            by_party.entry(iv.party).or_default().push(iv);
        }
        by_party
            .into_iter()
            .map(|(party, mut ivs)| {
                ivs.sort_by_key(|i| (i.date.is_none(), i.date, i.id));
                let points = ivs
                    .into_iter()
                    .enumerate()
                    .map(|(i, iv)| TrustPoint {
                        interview: iv.id,
                        round: i + 1,
                        date: iv.date,
                        stance: stance.get(&iv.id).and_then(|a| a.stance),
                        satisfaction: score.get(&iv.id).and_then(|a| a.score),
                    })
                    .collect();
                (party, points)
            })
            .collect()
    }

    /// The comfort needs a party still has open.
    pub fn open_comfort_needs_of(&self, party: Id) -> impl Iterator<Item = &ComfortNeed> {
        self.comfort_needs
            .iter()
            .filter(move |c| c.party == party && c.status.is_open())
    }

    pub fn party(&self, id: Id) -> Option<&Party> {
        by_id(&self.parties, id)
    }

    pub fn person(&self, id: Id) -> Option<&Person> {
        by_id(&self.people, id)
    }

    pub fn body(&self, id: Id) -> Option<&Body> {
        by_id(&self.bodies, id)
    }

    /// The name of a party, or an empty string when it does not exist.
    pub fn party_name(&self, id: Option<Id>) -> &str {
        id.and_then(|id| self.party(id))
            .map(|p| p.name.as_str())
            .unwrap_or("")
    }

    /// `people` by party, in register order, those of no party last; a
    /// party without any of them is left out (as is anyone whose party is
    /// not in the register). Each list keeps the order it was given in.
    pub fn by_party<'a>(
        &'a self,
        people: impl IntoIterator<Item = &'a Person>,
    ) -> Vec<(Option<Id>, Vec<&'a Person>)> {
        let mut groups: super::FastMap<Option<Id>, Vec<&Person>> = Default::default();
        for person in people {
            groups.entry(person.party).or_default().push(person);
        }
        self.parties
            .iter()
            .map(|p| Some(p.id))
            .chain(std::iter::once(None))
            .filter_map(|party| groups.remove(&party).map(|list| (party, list)))
            .collect()
    }

    pub fn people_of_party(&self, party: Id) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(move |p| p.party == Some(party))
    }

    pub fn members_of(&self, body: Id) -> impl Iterator<Item = &Membership> {
        self.memberships.iter().filter(move |m| m.body == body)
    }

    pub fn seat(&self, body: Id, person: Id) -> Option<&Membership> {
        self.memberships
            .iter()
            .find(|m| m.body == body && m.person == person)
    }

    /// People of the parties who sit in both a management team and a
    /// steering group. Seed 000 names this doubling as a source of
    /// confusion. (The secretary, of no party, sits in both by role.)
    pub fn people_in_mt_and_steering_group(&self) -> Vec<Id> {
        // Who sits in each of the two kinds, in one pass over the seats
        // (the matrix asks this every frame; a region has a thousand
        // people and hundreds of seats).
        let (mut team, mut steering) = (super::IdSet::default(), super::IdSet::default());
        for m in &self.memberships {
            match self.body(m.body).map(|b| b.kind) {
                Some(BodyKind::ManagementTeam) => {
                    team.insert(m.person);
                }
                Some(BodyKind::SteeringGroup) => {
                    steering.insert(m.person);
                }
                _ => {}
            }
        }
        self.people
            .iter()
            .filter(|p| p.party.is_some())
            .filter(|p| team.contains(&p.id) && steering.contains(&p.id))
            .map(|p| p.id)
            .collect()
    }

    /// Parties represented in a body (by its members' parties), in register order.
    pub fn parties_in_body(&self, body: Id) -> Vec<Id> {
        // In one pass over the body's seats, not parties × seats × people.
        let parties: super::IdSet = self
            .members_of(body)
            .filter_map(|m| self.party_of_seat(m))
            .collect();
        self.parties
            .iter()
            .filter(|p| parties.contains(&p.id))
            .map(|p| p.id)
            .collect()
    }

    /// The party a seat is held for: its person's party, if that exists.
    pub fn party_of_seat(&self, seat: &Membership) -> Option<Id> {
        self.person(seat.person)
            .and_then(|p| p.party)
            .filter(|p| self.party(*p).is_some())
    }
}

/// The record with this id. Lists are kept in id order (loaded so, and
/// inserted in place), so it is found by binary search; a list out of order
/// (built by hand) is still searched whole.
pub fn by_id<T: super::edit::Entity>(list: &[T], id: Id) -> Option<&T> {
    match list.binary_search_by_key(&id, |x| x.id()) {
        Ok(i) => Some(&list[i]),
        Err(_) => list.iter().find(|x| x.id() == id),
    }
}
