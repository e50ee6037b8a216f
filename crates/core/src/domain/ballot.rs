//! Ballot cards: one per party per meeting, with a private link that lets
//! the party's delegate cast its own stance from its own phone (seed 000:
//! every party has an equal vote and may veto at any moment). The link
//! carries a random token; only its SHA-256 is kept here, so the file
//! (and its undo history, and the JSON export) cannot cast a stance.

use super::edit::{Change, Edit, EditError, Refs};
use super::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::alliance::Id;

/// One party's ballot card for one meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ballot {
    pub id: Id,
    pub meeting: Id,
    pub party: Id,
    /// The SHA-256 of the card's token, as 64 lowercase hex digits. The
    /// token itself exists in the clear only on the printed card.
    pub token_hash: String,
    /// When the card was issued (RFC 3339).
    pub issued: String,
    /// A lost card is revoked (and a new one issued): its link no longer
    /// opens anything.
    pub revoked: bool,
    /// The address and port the card's link points at ("192.168.4.1:8017").
    pub address: String,
}

/// Whether a text is a SHA-256 in lowercase hex.
pub fn is_token_hash(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Refs for Ballot {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<super::meeting::Meeting>(self.meeting),
            Ref::of::<super::alliance::Party>(self.party),
        ]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        let Some(b) = &c.after else { return Ok(()) };
        if !is_token_hash(&b.token_hash) {
            return Err(EditError::BadToken);
        }
        // One card in use per party per meeting.
        if !b.revoked
            && a.ballots
                .iter()
                .any(|o| o.id != b.id && !o.revoked && o.meeting == b.meeting && o.party == b.party)
        {
            return Err(EditError::DuplicateLink);
        }
        Ok(())
    }
}

impl Alliance {
    /// The parties that get a ballot card for a meeting: every party still
    /// in the alliance on the meeting's day (or `today`, for a meeting
    /// without a date).
    pub fn ballot_parties(&self, meeting: Id, today: NaiveDate) -> Vec<Id> {
        let day = self.meeting(meeting).and_then(|m| m.date).unwrap_or(today);
        self.parties
            .iter()
            .filter(|p| p.is_active_on(day))
            .map(|p| p.id)
            .collect()
    }

    /// The card of a party for a meeting that is in use, if any.
    pub fn live_ballot(&self, meeting: Id, party: Id) -> Option<&Ballot> {
        self.ballots
            .iter()
            .find(|b| b.meeting == meeting && b.party == party && !b.revoked)
    }

    /// The cards of a meeting that are in use.
    pub fn live_ballots(&self, meeting: Id) -> Vec<&Ballot> {
        self.ballots
            .iter()
            .filter(|b| b.meeting == meeting && !b.revoked)
            .collect()
    }

    /// Issue cards: `cards` is (party, token hash) for each new card. The
    /// party's earlier card for this meeting, if any, is revoked. One undo
    /// step.
    pub fn issue_ballots(
        &self,
        meeting: Id,
        cards: &[(Id, String)],
        address: &str,
        now: &str,
    ) -> Edit {
        let mut edits = Vec::new();
        for (party, _) in cards {
            if let Some(old) = self.live_ballot(meeting, *party) {
                edits.push(self.update(Ballot {
                    revoked: true,
                    ..old.clone()
                }));
            }
        }
        let first = self.next_id::<Ballot>();
        for (i, (party, hash)) in cards.iter().enumerate() {
            edits.push(Edit::Ballot(Change {
                before: None,
                after: Some(Ballot {
                    id: first + i as Id,
                    meeting,
                    party: *party,
                    token_hash: hash.clone(),
                    issued: now.to_string(),
                    revoked: false,
                    address: address.to_string(),
                }),
            }));
        }
        Edit::Batch(edits)
    }

    /// Revoke every card of a meeting that is in use (`None`: there is
    /// none).
    pub fn revoke_ballots(&self, meeting: Id) -> Option<Edit> {
        let edits: Vec<Edit> = self
            .live_ballots(meeting)
            .into_iter()
            .map(|b| {
                self.update(Ballot {
                    revoked: true,
                    ..b.clone()
                })
            })
            .collect();
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }
}
