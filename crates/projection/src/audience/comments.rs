//! Comment rounds as the room and each party may see them: before the
//! processing is published, a party sees its own comments only (as being
//! processed); once published, every comment shared with the parties and
//! what became of it. A comment for the facilitator alone is in no view.

use super::*;
use crate::domain::{Comment, CommentRound, Draft, Response};

/// The draft a round is about, by name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RoomDraft {
    WorkPlan,
    FocalPoint(String),
    Minutes(String),
    Agenda(String),
    RuleSet(String),
    Covenant(String),
}

/// A comment as a shared surface may show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomComment {
    pub party: String,
    pub part: String,
    pub text: String,
    /// `None` until the processing is published.
    pub response: Option<Response>,
    pub why: String,
    /// The text before and after the change it made (adopted or partly).
    pub change: Option<(String, String)>,
}

/// A comment round as the room sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomCommentRound {
    pub id: Id,
    pub title: String,
    pub draft: RoomDraft,
    pub opened: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    /// How many parties commented (shared comments only).
    pub parties: usize,
    /// Every shared comment and what became of it; empty until published.
    pub comments: Vec<RoomComment>,
}

/// The draft a round is about, by name (for the window's words too).
pub fn room_draft(a: &Alliance, d: Draft) -> RoomDraft {
    let meeting = |m: Id| a.meeting(m).map(|m| m.title.clone()).unwrap_or_default();
    match d {
        Draft::WorkPlan => RoomDraft::WorkPlan,
        Draft::FocalPoint(f) => {
            RoomDraft::FocalPoint(a.focal_point(f).map(|f| f.name.clone()).unwrap_or_default())
        }
        Draft::Minutes(m) => RoomDraft::Minutes(meeting(m)),
        Draft::Agenda(m) => RoomDraft::Agenda(meeting(m)),
        Draft::RuleSet(s) => {
            RoomDraft::RuleSet(a.rule_set(s).map(|s| s.name.clone()).unwrap_or_default())
        }
        Draft::Covenant(v) => RoomDraft::Covenant(
            a.covenant_versions
                .iter()
                .find(|x| x.id == v)
                .map(|x| format!("{} v{}", x.title, x.number))
                .unwrap_or_default(),
        ),
    }
}

/// A comment as shared: its words, and what became of it once `published`.
/// The only place a comment's text is opened for a shared surface, and
/// never for one that is the facilitator's alone.
pub(crate) fn room_comment(a: &Alliance, c: &Comment, published: bool) -> Option<RoomComment> {
    if c.facilitator_only {
        return None;
    }
    Some(RoomComment {
        party: a.party_name(Some(c.party)).to_string(),
        part: c.part.clone(),
        text: crate::domain::Confidential::expose(&c.text).clone(),
        response: published.then_some(c.response),
        why: if published {
            c.why.clone()
        } else {
            String::new()
        },
        change: (published && c.response.changes() && !(c.before.is_empty() && c.after.is_empty()))
            .then(|| (c.before.clone(), c.after.clone())),
    })
}

/// A comment round as the room and every phone may see it (shared
/// comments only, once published).
pub fn room_comment_round(a: &Alliance, r: &CommentRound) -> RoomCommentRound {
    let published = r.published.is_some();
    let shared: Vec<&Comment> = a
        .comments_of(r.id)
        .into_iter()
        .filter(|c| !c.facilitator_only)
        .collect();
    let mut parties: Vec<Id> = shared.iter().map(|c| c.party).collect();
    parties.sort_unstable();
    parties.dedup();
    RoomCommentRound {
        id: r.id,
        title: r.title.clone(),
        draft: room_draft(a, r.draft),
        opened: r.opened,
        due: r.due,
        published: r.published,
        parties: parties.len(),
        comments: if published {
            shared
                .into_iter()
                .filter_map(|c| room_comment(a, c, true))
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// Every comment round, oldest first.
pub(super) fn room_comment_rounds(a: &Alliance) -> Vec<RoomCommentRound> {
    let mut rounds: Vec<&CommentRound> = a.comment_rounds.iter().collect();
    rounds.sort_by_key(|r| (r.opened.is_none(), r.opened, r.id));
    rounds
        .into_iter()
        .map(|r| room_comment_round(a, r))
        .collect()
}

/// One party's own comments, by round: as being processed until the
/// round is published, then with what became of them.
pub(super) fn own_comments(a: &Alliance, party: Id) -> Vec<(String, RoomComment)> {
    a.comments
        .iter()
        .filter(|c| c.party == party)
        .filter_map(|c| {
            let r = a.comment_round(c.round)?;
            Some((r.title.clone(), room_comment(a, c, r.published.is_some())?))
        })
        .collect()
}

/// The processing of one round for print ("Verwerking van het
/// commentaar"): every shared comment with its response, also before
/// publishing (then marked as a draft for the facilitator).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommentsView {
    pub alliance: String,
    pub round: RoomCommentRound,
    /// Every shared comment, with its response (`Open` while unanswered).
    pub comments: Vec<RoomComment>,
    pub as_of: NaiveDate,
}

pub fn comments_view(a: &Alliance, round: Id, today: NaiveDate) -> Option<CommentsView> {
    let r = a.comment_round(round)?;
    Some(CommentsView {
        alliance: a.info.name.clone(),
        round: room_comment_round(a, r),
        comments: a
            .comments_of(round)
            .into_iter()
            .filter_map(|c| room_comment(a, c, true))
            .collect(),
        as_of: today,
    })
}
