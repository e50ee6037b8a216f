//! Comment rounds ("commentaarronde", seed 004): a draft put out for
//! comments, every party's comments recorded against the part of the draft
//! they are about, and each given a response (adopted, partly, not
//! adopted, already covered) with a sentence why and, where adopted, the
//! change made. The processing is published as a whole ("nota van
//! beantwoording"); before that no party sees another party's comments,
//! and a comment for the facilitator alone never reaches a shared surface.
//! Publishing is a commitment: the round and its comments no longer change.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::alliance::Id;
use super::edit::{Change, EditError, Ref, Refs};
use super::{Alliance, Confidential};

/// The draft a round puts out for comments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Draft {
    /// The whole work plan.
    #[default]
    WorkPlan,
    /// One focal point's part of the work plan.
    FocalPoint(Id),
    /// A meeting's draft minutes.
    Minutes(Id),
    /// A meeting's agenda.
    Agenda(Id),
    /// A set of ground rules.
    RuleSet(Id),
    /// A version of the covenant.
    Covenant(Id),
}

/// A draft put out for comments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommentRound {
    pub id: Id,
    pub title: String,
    pub draft: Draft,
    /// The day it went out, and the day comments are asked by.
    pub opened: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// The day the processing was published: from then on every party
    /// sees every shared comment and what became of it. One-way.
    pub published: Option<NaiveDate>,
}

/// What was done with a comment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// Not yet answered.
    #[default]
    Open,
    Adopted,
    Partly,
    NotAdopted,
    /// What it asks is already in the draft.
    AlreadyCovered,
}

impl Response {
    pub const ALL: [Response; 5] = [
        Response::Open,
        Response::Adopted,
        Response::Partly,
        Response::NotAdopted,
        Response::AlreadyCovered,
    ];
    /// Whether the draft changed because of it.
    pub fn changes(self) -> bool {
        matches!(self, Response::Adopted | Response::Partly)
    }
}

/// How a comment came in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentVia {
    /// Typed by the facilitator (from an e-mail, a letter, a call).
    #[default]
    Typed,
    /// Entered by the party's delegate on its ballot card.
    Phone,
    /// Imported from a spreadsheet the party filled in.
    Csv,
}

/// One party's comment on a draft, and what was done with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Comment {
    pub id: Id,
    pub round: Id,
    pub party: Id,
    /// The part of the draft it is about ("regel 2", "artikel 4").
    pub part: String,
    /// The comment. Sealed with a passphrase while it is the facilitator's
    /// alone.
    pub text: Confidential<String>,
    /// For the facilitator alone: never on a shared surface.
    pub facilitator_only: bool,
    pub via: CommentVia,
    pub response: Response,
    /// Why, in a sentence.
    pub why: String,
    /// Where adopted (or partly): the text of the draft before and after
    /// the change it made.
    pub before: String,
    pub after: String,
}

/// The longest comment, in characters (a page of text).
pub const COMMENT_MAX: usize = 4000;

impl Alliance {
    pub fn comment_round(&self, id: Id) -> Option<&CommentRound> {
        super::alliance::by_id(&self.comment_rounds, id)
    }

    /// The comments of a round, by party (in the register's order), then
    /// as they came in.
    pub fn comments_of(&self, round: Id) -> Vec<&Comment> {
        let order: super::IdMap<usize> = self
            .parties
            .iter()
            .enumerate()
            .map(|(k, p)| (p.id, k))
            .collect();
        let mut out: Vec<&Comment> = self.comments.iter().filter(|c| c.round == round).collect();
        out.sort_by_key(|c| (order.get(&c.party).copied().unwrap_or(usize::MAX), c.id));
        out
    }

    /// How many comments of a round have no response yet.
    pub fn unanswered(&self, round: Id) -> usize {
        self.comments
            .iter()
            .filter(|c| c.round == round && c.response == Response::Open)
            .count()
    }

    /// Whether every comment of a round has a response: only then can its
    /// processing be published.
    pub fn all_answered(&self, round: Id) -> bool {
        self.unanswered(round) == 0
    }

    /// Publish the processing of a round on `day`: refused while a comment
    /// has no response.
    pub fn publish_comments(&self, round: Id, day: NaiveDate) -> Result<super::Edit, EditError> {
        let r = self.comment_round(round).ok_or(EditError::Missing {
            kind: "comment round",
            id: round,
        })?;
        if !self.all_answered(round) {
            return Err(EditError::CommentsUnanswered);
        }
        Ok(self.update(CommentRound {
            published: Some(day),
            ..r.clone()
        }))
    }
}

impl Refs for CommentRound {
    fn refs(&self) -> Vec<Ref> {
        match self.draft {
            Draft::WorkPlan => Vec::new(),
            Draft::FocalPoint(f) => vec![Ref::of::<super::FocalPoint>(f)],
            Draft::Minutes(m) | Draft::Agenda(m) => vec![Ref::of::<super::Meeting>(m)],
            Draft::RuleSet(s) => vec![Ref::of::<super::RuleSet>(s)],
            Draft::Covenant(v) => vec![Ref::of::<super::CovenantVersion>(v)],
        }
    }
    /// What its draft was lives on in its title when the draft goes.
    fn without(&self, _gone: Ref) -> Option<Self> {
        Some(CommentRound {
            draft: Draft::WorkPlan,
            ..self.clone()
        })
    }
    /// Published is on the record: it no longer changes, and it is
    /// published only once every comment has a response.
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(b) = &c.before
            && b.published.is_some()
            && c.after.as_ref() != Some(b)
        {
            return Err(EditError::CommentsPublished);
        }
        if let Some(x) = &c.after
            && x.published.is_some()
            && c.before.as_ref().is_none_or(|b| b.published.is_none())
            && !a.all_answered(x.id)
        {
            return Err(EditError::CommentsUnanswered);
        }
        Ok(())
    }
}

impl Refs for Comment {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<CommentRound>(self.round),
            Ref::of::<super::Party>(self.party),
        ]
    }
    fn secrets(&mut self, all: bool) -> Vec<(&'static str, &mut String)> {
        if all || self.facilitator_only {
            vec![("text", Confidential::expose_mut(&mut self.text))]
        } else {
            Vec::new()
        }
    }
    /// A comment of a published round is on the record.
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        let published = |x: &Comment| {
            a.comment_round(x.round)
                .is_some_and(|r| r.published.is_some())
        };
        if c.before != c.after
            && (c.before.as_ref().is_some_and(published) || c.after.as_ref().is_some_and(published))
        {
            return Err(EditError::CommentsPublished);
        }
        if let Some(x) = &c.after
            && Confidential::expose(&x.text).chars().count() > COMMENT_MAX
        {
            return Err(EditError::TooLong {
                field: "comment".into(),
                limit: COMMENT_MAX,
            });
        }
        Ok(())
    }
}
