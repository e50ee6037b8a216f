//! Trust: confidential intake interviews ("intakegesprekken"), one party at
//! a time, and the comfort each party needs to step in fully (seed 000).
//!
//! Intake content is confidential by default: parties spoke freely because
//! the others were not there. Whatever may be shown to the group is marked
//! so per answer, and only [`crate::audience`] decides what leaves the
//! facilitator's own screen.

use super::edit::{Change, Edit, EditError, Refs};
use super::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::alliance::Id;

/// Who may see an answer or a comfort need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Vertrouwelijk: the facilitator only. The default.
    #[default]
    Confidential,
    /// Deelbaar als anoniem thema: its text may be shown, never its party.
    AnonymousTheme,
    /// Deelbaar met naam: may be shown with the party's name.
    Named,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [
        Visibility::Confidential,
        Visibility::AnonymousTheme,
        Visibility::Named,
    ];
}

/// Where a party stands (seed 002: in a first meeting parties show whether
/// they join, hesitate, or need something first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Doet mee.
    In,
    /// Twijfelt.
    Hesitant,
    /// Heeft eerst iets nodig.
    NeedsSomethingFirst,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::In, Stance::Hesitant, Stance::NeedsSomethingFirst];
}

/// What kind of answer a question asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Words only.
    #[default]
    Text,
    /// A score from 1 to 10, and words. The first score question of the
    /// guide is the party's satisfaction in the trust overview.
    Score,
    /// A [`Stance`], and words. The first stance question of the guide is
    /// the party's stance in the trust overview.
    Stance,
}

/// The lowest and highest score.
pub const SCORE_RANGE: std::ops::RangeInclusive<u8> = 1..=10;

/// A question of the alliance's interview guide ("vragenlijst").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Question {
    pub id: Id,
    /// Order in the guide.
    pub position: i64,
    pub text: String,
    pub kind: QuestionKind,
    /// Retired questions are kept for the interviews that answered them,
    /// but are not asked anymore.
    pub retired: bool,
}

/// One conversation with one party: a first intake or a later check-in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interview {
    pub id: Id,
    pub party: Id,
    pub date: Option<NaiveDate>,
    /// Who was spoken with (names, functions).
    pub spoken_with: Confidential<String>,
    /// The facilitator's own notes: always confidential.
    pub notes: Confidential<String>,
}

/// An answer to one question in one interview.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub id: Id,
    pub interview: Id,
    pub question: Id,
    pub text: Confidential<String>,
    /// For score questions.
    pub score: Option<u8>,
    /// For stance questions.
    pub stance: Option<Stance>,
    pub visibility: Visibility,
}

impl Answer {
    /// Whether nothing was answered.
    pub fn is_empty(&self) -> bool {
        crate::domain::Confidential::expose(&self.text)
            .trim()
            .is_empty()
            && self.score.is_none()
            && self.stance.is_none()
    }
}

/// From whom a party needs comfort.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComfortFrom {
    /// One other party.
    Party(Id),
    /// All other parties.
    #[default]
    AllParties,
    /// The commissioner ("opdrachtgever").
    Commissioner,
}

/// Where a comfort need stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComfortStatus {
    #[default]
    Open,
    /// Besproken.
    Discussed,
    /// Gehonoreerd.
    Honoured,
    /// Vervallen.
    Dropped,
}

impl ComfortStatus {
    pub const ALL: [ComfortStatus; 4] = [
        ComfortStatus::Open,
        ComfortStatus::Discussed,
        ComfortStatus::Honoured,
        ComfortStatus::Dropped,
    ];

    /// Still to be resolved.
    pub fn is_open(self) -> bool {
        matches!(self, ComfortStatus::Open | ComfortStatus::Discussed)
    }
}

/// "Party A needs X from party B / from all parties / from the
/// commissioner" (seed 000, the summer crisis).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComfortNeed {
    pub id: Id,
    /// The party that needs it.
    pub party: Id,
    pub from_whom: ComfortFrom,
    /// Confidential unless its visibility says it may be shared (the
    /// projection decides).
    pub need: Confidential<String>,
    pub status: ComfortStatus,
    /// The covenant clause or decision that honours it.
    pub honoured_by: String,
    pub noted: Option<NaiveDate>,
    pub visibility: Visibility,
}

/// The interview guide that ships with Samenspel (seed 000): satisfaction
/// with the agreements so far, drive, interests, "user manual", fears and
/// what the party stands to lose, and its stance (seed 002).
pub fn default_guide(english: bool) -> Vec<Question> {
    use super::starter::{QUESTIONS, pick};
    let kinds = [
        QuestionKind::Score,
        QuestionKind::Text,
        QuestionKind::Text,
        QuestionKind::Text,
        QuestionKind::Text,
        QuestionKind::Stance,
    ];
    QUESTIONS
        .iter()
        .zip(kinds)
        .enumerate()
        .map(|(i, (text, kind))| Question {
            id: i as Id + 1,
            position: i as i64 + 1,
            text: pick(*text, english).to_string(),
            kind,
            retired: false,
        })
        .collect()
}

// How these records refer to others: checked on every edit.

impl Refs for Question {}

impl Refs for Interview {
    fn refs(&self) -> Vec<Ref> {
        vec![Ref::of::<super::alliance::Party>(self.party)]
    }
    /// Who was spoken with, and the facilitator's notes.
    fn secrets(&mut self, _all: bool) -> Vec<(&'static str, &mut String)> {
        vec![
            (
                "spoken_with",
                crate::domain::Confidential::expose_mut(&mut self.spoken_with),
            ),
            (
                "notes",
                crate::domain::Confidential::expose_mut(&mut self.notes),
            ),
        ]
    }
}

impl Refs for Answer {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<Interview>(self.interview),
            Ref::of::<Question>(self.question),
        ]
    }
    /// Every answer's text, whatever its visibility: what may be shared is
    /// shared from an unlocked alliance.
    fn secrets(&mut self, _all: bool) -> Vec<(&'static str, &mut String)> {
        vec![(
            "text",
            crate::domain::Confidential::expose_mut(&mut self.text),
        )]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(x) = &c.after {
            if x.score.is_some_and(|s| !SCORE_RANGE.contains(&s)) {
                return Err(EditError::ScoreOutOfRange);
            }
            if a.answers
                .iter()
                .any(|o| o.id != x.id && o.interview == x.interview && o.question == x.question)
            {
                return Err(EditError::DuplicateAnswer);
            }
        }
        Ok(())
    }
}

impl Refs for ComfortNeed {
    fn refs(&self) -> Vec<Ref> {
        let mut out = vec![Ref::of::<super::alliance::Party>(self.party)];
        if let ComfortFrom::Party(from) = self.from_whom {
            out.push(Ref::of::<super::alliance::Party>(from));
        }
        out
    }
    /// A comfort need kept confidential.
    fn secrets(&mut self, all: bool) -> Vec<(&'static str, &mut String)> {
        if all || self.visibility == Visibility::Confidential {
            vec![(
                "need",
                crate::domain::Confidential::expose_mut(&mut self.need),
            )]
        } else {
            Vec::new()
        }
    }
    fn check_rules(_a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(n) = &c.after
            && n.from_whom == ComfortFrom::Party(n.party)
        {
            return Err(EditError::ComfortFromItself);
        }
        Ok(())
    }
}

// Intakes as edits: new interviews, answers, and removals with what hangs on them.
impl Alliance {
    /// A new interview with a party, with an empty answer to every
    /// question of the guide, as one undoable step.
    pub fn new_interview(&self, party: Id, date: Option<chrono::NaiveDate>) -> Edit {
        let interview = self.next_id::<Interview>();
        let first_answer = self.next_id::<Answer>();
        let mut edits = vec![self.insert(Interview {
            id: 0,
            party,
            date,
            spoken_with: Default::default(),
            notes: Default::default(),
        })];
        for (i, q) in self.active_questions().iter().enumerate() {
            edits.push(Edit::Answer(Change {
                before: None,
                after: Some(Answer {
                    id: first_answer + i as Id,
                    interview,
                    question: q.id,
                    ..Answer::default()
                }),
            }));
        }
        Edit::Batch(edits)
    }

    /// Remove a question that was never answered (with the empty answer
    /// rows new interviews made for it); one that was answered is retired,
    /// so the interviews that answered it keep their answers.
    pub fn remove_question(&self, id: Id) -> Option<Edit> {
        let question = self.question(id)?;
        let answers: Vec<&Answer> = self.answers.iter().filter(|a| a.question == id).collect();
        if answers.iter().any(|a| !a.is_empty()) {
            Some(self.update(Question {
                retired: true,
                ..question.clone()
            }))
        } else {
            self.remove::<Question>(id)
        }
    }

    /// Record an answer: a new one when the interview has none for that
    /// question yet, else an update of the one it has.
    pub fn put_answer(&self, mut answer: Answer) -> Edit {
        match self.answer(answer.interview, answer.question) {
            Some(existing) => {
                answer.id = existing.id;
                self.update(answer)
            }
            None => self.insert(answer),
        }
    }
}
