//! The alliance's own consistency checks (`samenspel check`, import):
//! what they find, and how they look.

use super::*;

/// Something the consistency check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    AllianceWithoutName,
    TermEndsBeforeStart,
    PartyWithoutName(Id),
    DuplicatePartyName(String),
    PersonWithoutName(Id),
    PersonLeftBeforeJoining(Id),
    PersonOfUnknownParty {
        person: Id,
        party: Id,
    },
    BodyWithoutName(Id),
    MembershipOfUnknownBody {
        membership: Id,
        body: Id,
    },
    MembershipOfUnknownPerson {
        membership: Id,
        person: Id,
    },
    DuplicateMembership {
        body: Id,
        person: Id,
    },
    DuplicateId {
        kind: &'static str,
        id: Id,
    },
    InterviewOfUnknownParty {
        interview: Id,
        party: Id,
    },
    EmptyInterview(Id),
    AnswerOfUnknownInterview {
        answer: Id,
        interview: Id,
    },
    AnswerToUnknownQuestion {
        answer: Id,
        question: Id,
    },
    DuplicateAnswer {
        interview: Id,
        question: Id,
    },
    ScoreOutOfRange {
        answer: Id,
        score: u8,
    },
    ComfortNeedOfUnknownParty {
        need: Id,
        party: Id,
    },
    ComfortNeedFromItself(Id),
    QuestionWithoutText(Id),
    NodeInUnknownLane {
        node: Id,
        lane: Id,
    },
    NodeOwnedByUnknownParty {
        node: Id,
        party: Id,
    },
    LinkToUnknownNode {
        link: Id,
        node: Id,
    },
    LinkToItself(Id),
    RelationOfUnknownActor {
        relation: Id,
        actor: Actor,
    },
    RelationToItself(Id),
    PlacementOfUnknownActor {
        placement: Id,
        actor: Actor,
    },
    /// A record that points to something that is not there.
    Dangling {
        record: String,
        missing: String,
    },
    /// A frozen covenant version whose text no longer matches the
    /// fingerprint it was adopted with.
    FingerprintMismatch {
        version: Id,
        number: u32,
    },
    /// A text over its limit (see `edit::too_long`).
    TextTooLong {
        record: String,
        field: String,
        limit: usize,
    },
    /// A position on a map that is not a number.
    NotANumber {
        record: String,
    },
    /// A record that breaks a rule of its kind (a strength of 0, a score
    /// of 12, two seats for one person in one body …): the rule an edit
    /// would be refused by.
    BrokenRule {
        record: String,
        rule: String,
    },
}

/// An actor as a finding names it: "party 999".
fn actor_name(actor: &super::strategy::Actor) -> String {
    match actor {
        super::strategy::Actor::Party(id) => format!("party {id}"),
        super::strategy::Actor::Commissioner => "the commissioner".into(),
    }
}

impl Finding {
    /// Whether it is a note rather than a problem: normal in an alliance
    /// under way (an interview not yet held), not a reason to refuse.
    pub fn is_note(&self) -> bool {
        matches!(
            self,
            Finding::EmptyInterview(_) | Finding::DuplicatePartyName(_)
        )
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Finding::AllianceWithoutName => write!(f, "the alliance has no name"),
            Finding::TermEndsBeforeStart => write!(f, "the term ends before it starts"),
            Finding::PartyWithoutName(id) => write!(f, "party {id} has no name"),
            Finding::DuplicatePartyName(n) => write!(f, "two parties are named \"{n}\""),
            Finding::PersonWithoutName(id) => write!(f, "person {id} has no name"),
            Finding::PersonLeftBeforeJoining(id) => {
                write!(f, "person {id} left before joining")
            }
            Finding::PersonOfUnknownParty { person, party } => {
                write!(
                    f,
                    "person {person} belongs to party {party}, which does not exist"
                )
            }
            Finding::BodyWithoutName(id) => write!(f, "body {id} has no name"),
            Finding::MembershipOfUnknownBody { membership, body } => {
                write!(
                    f,
                    "seat {membership} is in body {body}, which does not exist"
                )
            }
            Finding::MembershipOfUnknownPerson { membership, person } => {
                write!(
                    f,
                    "seat {membership} is held by person {person}, who does not exist"
                )
            }
            Finding::DuplicateMembership { body, person } => {
                write!(f, "person {person} holds two seats in body {body}")
            }
            Finding::DuplicateId { kind, id } => write!(f, "two {kind} records share id {id}"),
            Finding::InterviewOfUnknownParty { interview, party } => {
                write!(
                    f,
                    "interview {interview} is with party {party}, which does not exist"
                )
            }
            Finding::EmptyInterview(id) => {
                write!(f, "interview {id} has no answers and no notes yet")
            }
            Finding::AnswerOfUnknownInterview { answer, interview } => {
                write!(
                    f,
                    "answer {answer} belongs to interview {interview}, which does not exist"
                )
            }
            Finding::AnswerToUnknownQuestion { answer, question } => {
                write!(
                    f,
                    "answer {answer} answers question {question}, which does not exist"
                )
            }
            Finding::DuplicateAnswer {
                interview,
                question,
            } => {
                write!(f, "interview {interview} answers question {question} twice")
            }
            Finding::ScoreOutOfRange { answer, score } => {
                write!(f, "answer {answer} has the score {score}, outside 1 to 10")
            }
            Finding::ComfortNeedOfUnknownParty { need, party } => {
                write!(
                    f,
                    "comfort need {need} refers to party {party}, which does not exist"
                )
            }
            Finding::ComfortNeedFromItself(id) => {
                write!(f, "comfort need {id} asks a party for comfort from itself")
            }
            Finding::QuestionWithoutText(id) => write!(f, "question {id} has no text"),
            Finding::NodeInUnknownLane { node, lane } => {
                write!(
                    f,
                    "map node {node} sits in lane {lane}, which does not exist"
                )
            }
            Finding::NodeOwnedByUnknownParty { node, party } => {
                write!(
                    f,
                    "map node {node} is owned by party {party}, which does not exist"
                )
            }
            Finding::LinkToUnknownNode { link, node } => {
                write!(
                    f,
                    "arrow {link} points to map node {node}, which does not exist"
                )
            }
            Finding::LinkToItself(id) => write!(f, "arrow {id} points from a node to itself"),
            Finding::RelationOfUnknownActor { relation, actor } => {
                write!(
                    f,
                    "relation {relation} points to {}, which is not in the file",
                    actor_name(actor)
                )
            }
            Finding::RelationToItself(id) => write!(f, "relation {id} relates an actor to itself"),
            Finding::TextTooLong {
                record,
                field,
                limit,
            } => write!(f, "{record} has a {field} longer than {limit} characters"),
            Finding::BrokenRule { record, rule } => write!(f, "{record} breaks a rule: {rule}"),
            Finding::NotANumber { record } => {
                write!(f, "{record} has a position that is not a number")
            }
            Finding::Dangling { record, missing } => {
                write!(f, "{record} refers to {missing}, which does not exist")
            }
            Finding::FingerprintMismatch { version, number } => write!(
                f,
                "covenant version {number} (record {version}) was frozen, but its text no longer \
                 matches its fingerprint"
            ),
            Finding::PlacementOfUnknownActor { placement, actor } => {
                write!(
                    f,
                    "placement {placement} is of {}, which is not in the file",
                    actor_name(actor)
                )
            }
        }
    }
}

impl Alliance {
    /// What [`Alliance::check`] calls a problem, each in a sentence: its
    /// findings without the notes (an interview not yet held).
    pub fn problems(&self) -> Vec<String> {
        self.check()
            .into_iter()
            .filter(|f| !f.is_note())
            .map(|f| f.to_string())
            .collect()
    }

    /// The alliance's own consistency checks (the store checks the file).
    ///
    /// Long for a reason: one check after another, each a few lines, in the order the findings
    /// are listed.
    pub fn check(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        // Every record of every kind: texts within their limits.
        struct Long<'a>(&'a Alliance, Vec<Finding>);
        impl super::edit::KindVisitor for Long<'_> {
            type Error = std::convert::Infallible;
            fn kind<T: super::edit::Entity>(&mut self) -> Result<(), Self::Error> {
                for r in T::all(self.0) {
                    if let Some((field, limit)) = super::edit::too_long(r) {
                        self.1.push(Finding::TextTooLong {
                            record: format!("{} {}", T::KIND, r.id()),
                            field,
                            limit,
                        });
                    }
                }
                Ok(())
            }
        }
        // And every rule of its kind, as an edit that leaves it as it is
        // would be checked.
        struct Rules<'a>(&'a Alliance, Vec<Finding>);
        impl super::edit::KindVisitor for Rules<'_> {
            type Error = std::convert::Infallible;
            fn kind<T: super::edit::Entity>(&mut self) -> Result<(), Self::Error> {
                for r in T::all(self.0) {
                    let same = super::edit::Change {
                        before: Some(r.clone()),
                        after: Some(r.clone()),
                    };
                    match T::check_rules(self.0, &same) {
                        Ok(()) | Err(super::edit::EditError::Missing { .. }) => {}
                        Err(e) => self.1.push(Finding::BrokenRule {
                            record: format!("{} {}", T::KIND, r.id()),
                            rule: e.to_string(),
                        }),
                    }
                }
                Ok(())
            }
        }
        let mut rules = Rules(self, Vec::new());
        let _ = super::edit::for_each_kind(&mut rules);
        // Said after the findings that name the problem more precisely.
        let broken_rules = rules.1;
        let mut long = Long(self, Vec::new());
        let _ = super::edit::for_each_kind(&mut long);
        out.extend(long.1);
        if let Some((field, limit)) = super::edit::too_long(&self.info) {
            out.push(Finding::TextTooLong {
                record: "the alliance".into(),
                field,
                limit,
            });
        }
        for n in &self.map_nodes {
            if !(n.x.is_finite() && n.dy.is_finite()) {
                out.push(Finding::NotANumber {
                    record: format!("map node {}", n.id),
                });
            }
        }
        for p in &self.placements {
            if !(p.x.is_finite() && p.y.is_finite()) {
                out.push(Finding::NotANumber {
                    record: format!("placement {}", p.id),
                });
            }
        }
        if self.info.name.trim().is_empty() {
            out.push(Finding::AllianceWithoutName);
        }
        if let (Some(s), Some(e)) = (self.info.term_start, self.info.term_end)
            && e < s
        {
            out.push(Finding::TermEndsBeforeStart);
        }
        dup_ids("party", self.parties.iter().map(|p| p.id), &mut out);
        dup_ids("person", self.people.iter().map(|p| p.id), &mut out);
        dup_ids("body", self.bodies.iter().map(|p| p.id), &mut out);
        dup_ids("seat", self.memberships.iter().map(|p| p.id), &mut out);
        let mut names: Vec<String> = Vec::new();
        for p in &self.parties {
            let key = p.name.trim().to_lowercase();
            if key.is_empty() {
                out.push(Finding::PartyWithoutName(p.id));
            } else if names.contains(&key) {
                out.push(Finding::DuplicatePartyName(p.name.trim().to_string()));
            } else {
                names.push(key);
            }
        }
        for p in &self.people {
            if p.name.trim().is_empty() {
                out.push(Finding::PersonWithoutName(p.id));
            }
            if let (Some(j), Some(l)) = (p.joined, p.left)
                && l < j
            {
                out.push(Finding::PersonLeftBeforeJoining(p.id));
            }
            if let Some(party) = p.party
                && self.party(party).is_none()
            {
                out.push(Finding::PersonOfUnknownParty {
                    person: p.id,
                    party,
                });
            }
        }
        for b in &self.bodies {
            if b.name.trim().is_empty() {
                out.push(Finding::BodyWithoutName(b.id));
            }
        }
        self.check_trust(&mut out);
        self.check_maps(&mut out);
        self.check_decisions(&mut out);
        for v in self.covenant_versions.iter().filter(|v| v.is_frozen()) {
            if super::covenant::fingerprint(self, v.id) != v.fingerprint {
                out.push(Finding::FingerprintMismatch {
                    version: v.id,
                    number: v.number,
                });
            }
        }
        let mut seats: Vec<(Id, Id)> = Vec::new();
        for m in &self.memberships {
            if self.body(m.body).is_none() {
                out.push(Finding::MembershipOfUnknownBody {
                    membership: m.id,
                    body: m.body,
                });
            }
            if self.person(m.person).is_none() {
                out.push(Finding::MembershipOfUnknownPerson {
                    membership: m.id,
                    person: m.person,
                });
            }
            if seats.contains(&(m.body, m.person)) {
                out.push(Finding::DuplicateMembership {
                    body: m.body,
                    person: m.person,
                });
            } else {
                seats.push((m.body, m.person));
            }
        }
        // A broken rule once per record: not again for a record a finding
        // above already names.
        let named: Vec<String> = out.iter().map(|f| format!("{f} ")).collect();
        out.extend(broken_rules.into_iter().filter(|f| match f {
            Finding::BrokenRule { record, .. } => {
                !named.iter().any(|n| n.contains(&format!("{record} ")))
            }
            _ => true,
        }));
        out
    }
}

impl Alliance {
    fn check_decisions(&self, out: &mut Vec<Finding>) {
        // Every reference of every kind, from the one declaration of what
        // each kind refers to (`Refs::refs`); the kinds with a finding of
        // their own (above and in the maps and trust checks) are left to it.
        const OWN_FINDINGS: [&str; 9] = [
            "person",
            "seat",
            "map node",
            "arrow",
            "relation",
            "placement",
            "interview",
            "answer",
            "comfort need",
        ];
        for (kind, id, r) in self.dangling_refs() {
            if !OWN_FINDINGS.contains(&kind) {
                out.push(Finding::Dangling {
                    record: format!("{kind} {id}"),
                    missing: format!("{} {}", r.kind, r.id),
                });
            }
        }
        dup_ids("agenda item", self.agenda_items.iter().map(|x| x.id), out);
        dup_ids("focal point", self.focal_points.iter().map(|x| x.id), out);
        dup_ids("ground rule", self.ground_rules.iter().map(|x| x.id), out);
        dup_ids("consensus round", self.rounds.iter().map(|x| x.id), out);
        dup_ids("vote", self.votes.iter().map(|x| x.id), out);
    }

    fn check_maps(&self, out: &mut Vec<Finding>) {
        dup_ids("lane", self.lanes.iter().map(|p| p.id), out);
        dup_ids("map node", self.map_nodes.iter().map(|p| p.id), out);
        dup_ids("arrow", self.map_links.iter().map(|p| p.id), out);
        dup_ids("relation", self.relations.iter().map(|p| p.id), out);
        dup_ids("placement", self.placements.iter().map(|p| p.id), out);
        for n in &self.map_nodes {
            if self.lane(n.lane).is_none() {
                out.push(Finding::NodeInUnknownLane {
                    node: n.id,
                    lane: n.lane,
                });
            }
            for party in &n.owners {
                if self.party(*party).is_none() {
                    out.push(Finding::NodeOwnedByUnknownParty {
                        node: n.id,
                        party: *party,
                    });
                }
            }
        }
        for l in &self.map_links {
            for node in [l.from, l.to] {
                if self.map_node(node).is_none() {
                    out.push(Finding::LinkToUnknownNode { link: l.id, node });
                }
            }
            if l.from == l.to {
                out.push(Finding::LinkToItself(l.id));
            }
        }
        for r in &self.relations {
            for actor in [r.from, r.to] {
                if !self.has_actor(actor) {
                    out.push(Finding::RelationOfUnknownActor {
                        relation: r.id,
                        actor,
                    });
                }
            }
            if r.from == r.to {
                out.push(Finding::RelationToItself(r.id));
            }
        }
        for p in &self.placements {
            if !self.has_actor(p.actor) {
                out.push(Finding::PlacementOfUnknownActor {
                    placement: p.id,
                    actor: p.actor,
                });
            }
        }
    }

    fn check_trust(&self, out: &mut Vec<Finding>) {
        dup_ids("question", self.questions.iter().map(|p| p.id), out);
        dup_ids("interview", self.interviews.iter().map(|p| p.id), out);
        dup_ids("answer", self.answers.iter().map(|p| p.id), out);
        dup_ids("comfort need", self.comfort_needs.iter().map(|p| p.id), out);
        for q in &self.questions {
            if q.text.trim().is_empty() {
                out.push(Finding::QuestionWithoutText(q.id));
            }
        }
        for iv in &self.interviews {
            if self.party(iv.party).is_none() {
                out.push(Finding::InterviewOfUnknownParty {
                    interview: iv.id,
                    party: iv.party,
                });
            } else if self.interview_is_empty(iv) {
                out.push(Finding::EmptyInterview(iv.id));
            }
        }
        let mut pairs: Vec<(Id, Id)> = Vec::new();
        for a in &self.answers {
            if self.interview(a.interview).is_none() {
                out.push(Finding::AnswerOfUnknownInterview {
                    answer: a.id,
                    interview: a.interview,
                });
            }
            if self.question(a.question).is_none() {
                out.push(Finding::AnswerToUnknownQuestion {
                    answer: a.id,
                    question: a.question,
                });
            }
            if let Some(score) = a.score
                && !SCORE_RANGE.contains(&score)
            {
                out.push(Finding::ScoreOutOfRange {
                    answer: a.id,
                    score,
                });
            }
            if pairs.contains(&(a.interview, a.question)) {
                out.push(Finding::DuplicateAnswer {
                    interview: a.interview,
                    question: a.question,
                });
            } else {
                pairs.push((a.interview, a.question));
            }
        }
        for c in &self.comfort_needs {
            if self.party(c.party).is_none() {
                out.push(Finding::ComfortNeedOfUnknownParty {
                    need: c.id,
                    party: c.party,
                });
            }
            if let ComfortFrom::Party(from) = c.from_whom {
                if from == c.party {
                    out.push(Finding::ComfortNeedFromItself(c.id));
                } else if self.party(from).is_none() {
                    out.push(Finding::ComfortNeedOfUnknownParty {
                        need: c.id,
                        party: from,
                    });
                }
            }
        }
    }
}

fn dup_ids(kind: &'static str, ids: impl Iterator<Item = Id>, out: &mut Vec<Finding>) {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            out.push(Finding::DuplicateId { kind, id });
        }
    }
}

// How these records refer to others: checked on every edit.
