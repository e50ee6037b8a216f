//! The register as edits: how parties, people, bodies and seats refer to
//! others, and giving or taking a seat.

use super::edit::{Change, EditError, Refs};
use super::*;

impl Refs for Party {
    /// The facilitator's notes on a party.
    fn secrets(&mut self, _all: bool) -> Vec<(&'static str, &mut String)> {
        vec![(
            "notes",
            crate::domain::Confidential::expose_mut(&mut self.notes),
        )]
    }
}

impl Refs for Person {
    fn refs(&self) -> Vec<Ref> {
        self.party
            .map(Ref::of::<super::alliance::Party>)
            .into_iter()
            .collect()
    }
}

impl Refs for Body {}

impl Refs for Membership {
    fn refs(&self) -> Vec<Ref> {
        vec![
            Ref::of::<super::alliance::Body>(self.body),
            Ref::of::<super::alliance::Person>(self.person),
        ]
    }
    fn check_rules(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(m) = &c.after
            && a.memberships
                .iter()
                .any(|o| o.id != m.id && o.body == m.body && o.person == m.person)
        {
            return Err(EditError::DuplicateSeat);
        }
        Ok(())
    }
}

// Seats as edits. (Removing a party, person or body is the generic
// `Alliance::remove`, which takes what refers to it along.)
impl Alliance {
    /// Give a person a seat in a body, or take it away.
    pub fn set_seat(&self, body: Id, person: Id, seated: bool) -> Option<Edit> {
        match (self.seat(body, person), seated) {
            (Some(m), false) => Some(Alliance::delete(m)),
            (None, true) => Some(self.insert(Membership {
                id: 0,
                body,
                person,
                role: String::new(),
            })),
            _ => None,
        }
    }
}
