//! The register as edits: how parties, people, bodies and seats refer to
//! others, and removing one with what refers to it (one undo step).

use super::edit::{Change, EditError, Entity, Refs, in_use};
use super::*;

impl Refs for Party {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(before), None) = (&c.before, &c.after) {
            let id = before.id;
            let by = if a.people.iter().any(|p| p.party == Some(id)) {
                Some("people")
            } else if a.interviews.iter().any(|i| i.party == id) {
                Some("interviews")
            } else if a
                .comfort_needs
                .iter()
                .any(|n| n.party == id || n.from_whom == ComfortFrom::Party(id))
            {
                Some("comfort needs")
            } else if a
                .agenda_items
                .iter()
                .any(|i| i.party == id || i.depends_on.contains(&id))
                || a.priority_marks.iter().any(|m| m.party == id)
            {
                Some("the agenda")
            } else if a.checkins.iter().any(|c| c.party == id)
                || a.votes.iter().any(|v| v.party == id)
            {
                Some("check-ins and votes")
            } else if a.signatures.iter().any(|s| s.party == id) {
                Some("the covenant")
            } else if a.map_nodes.iter().any(|n| n.owners.contains(&id)) {
                Some("the strategy map")
            } else if a
                .relations
                .iter()
                .any(|r| r.from == Actor::Party(id) || r.to == Actor::Party(id))
                || a.placements.iter().any(|p| p.actor == Actor::Party(id))
            {
                Some("the network map")
            } else {
                None
            };
            if let Some(by) = by {
                return Err(EditError::InUse {
                    kind: Self::KIND,
                    id,
                    by,
                });
            }
        }
        Ok(())
    }
}

impl Refs for Person {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(party) = c.after.as_ref().and_then(|p| p.party)
            && a.party(party).is_none()
        {
            return Err(EditError::Missing {
                kind: "party",
                id: party,
            });
        }
        if let (Some(before), None) = (&c.before, &c.after) {
            let id = before.id;
            in_use(
                Self::KIND,
                id,
                a.memberships.iter().any(|m| m.person == id),
                "seats in bodies",
            )?;
            in_use(
                Self::KIND,
                id,
                a.attendance.iter().any(|x| x.person == id),
                "attendance",
            )?;
            in_use(
                Self::KIND,
                id,
                a.actions.iter().any(|x| x.who == Some(id)),
                "actions",
            )?;
            in_use(
                Self::KIND,
                id,
                a.ground_rules.iter().any(|r| r.owner == Some(id)),
                "ground rules",
            )?;
        }
        Ok(())
    }
}

impl Refs for Body {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let (Some(before), None) = (&c.before, &c.after) {
            let id = before.id;
            in_use(
                Self::KIND,
                id,
                a.memberships.iter().any(|m| m.body == id),
                "seats",
            )?;
            in_use(
                Self::KIND,
                id,
                a.meetings.iter().any(|m| m.body == Some(id)),
                "meetings",
            )?;
        }
        Ok(())
    }
}

impl Refs for Membership {
    fn check_refs(a: &Alliance, c: &Change<Self>) -> Result<(), EditError> {
        if let Some(m) = &c.after {
            if a.body(m.body).is_none() {
                return Err(EditError::Missing {
                    kind: "body",
                    id: m.body,
                });
            }
            if a.person(m.person).is_none() {
                return Err(EditError::Missing {
                    kind: "person",
                    id: m.person,
                });
            }
            if a.memberships
                .iter()
                .any(|o| o.id != m.id && o.body == m.body && o.person == m.person)
            {
                return Err(EditError::DuplicateSeat);
            }
        }
        Ok(())
    }
}

// The register as edits: removing a party, person or body takes what
// refers to it along (as one undo step), and seats.
impl Alliance {
    pub(super) fn seats_where(&self, keep: impl Fn(&Membership) -> bool) -> Vec<Edit> {
        self.memberships
            .iter()
            .filter(|m| keep(m))
            .map(Alliance::delete)
            .collect()
    }

    /// Remove a party with everything that hangs on it: its people and
    /// their seats, its interviews and their answers, and the comfort
    /// needs it has or that ask comfort of it. One undoable step.
    pub fn remove_party(&self, id: Id) -> Option<Edit> {
        let party = self.party(id)?;
        let people: Vec<Id> = self.people_of_party(id).map(|p| p.id).collect();
        let mut edits: Vec<Edit> = self
            .comfort_needs
            .iter()
            .filter(|n| n.party == id || n.from_whom == ComfortFrom::Party(id))
            .map(Alliance::delete)
            .collect();
        for iv in self.interviews.iter().filter(|i| i.party == id) {
            edits.extend(self.remove_interview(iv.id));
        }
        edits.extend(
            self.signatures
                .iter()
                .filter(|s| s.party == id)
                .map(Alliance::delete),
        );
        edits.extend(
            self.votes
                .iter()
                .filter(|v| v.party == id)
                .map(Alliance::delete),
        );
        edits.extend(
            self.checkins
                .iter()
                .filter(|c| c.party == id)
                .map(Alliance::delete),
        );
        edits.extend(
            self.priority_marks
                .iter()
                .filter(|m| m.party == id)
                .map(Alliance::delete),
        );
        edits.extend(
            self.agenda_items
                .iter()
                .filter(|i| i.party == id)
                .map(Alliance::delete),
        );
        for item in self
            .agenda_items
            .iter()
            .filter(|i| i.party != id && i.depends_on.contains(&id))
        {
            edits.push(
                self.update(AgendaItem {
                    depends_on: item
                        .depends_on
                        .iter()
                        .copied()
                        .filter(|d| *d != id)
                        .collect(),
                    ..item.clone()
                }),
            );
        }
        for node in self.map_nodes.iter().filter(|n| n.owners.contains(&id)) {
            edits.push(self.update(MapNode {
                owners: node.owners.iter().copied().filter(|o| *o != id).collect(),
                ..node.clone()
            }));
        }
        let actor = Actor::Party(id);
        edits.extend(
            self.relations
                .iter()
                .filter(|r| r.from == actor || r.to == actor)
                .map(Alliance::delete),
        );
        edits.extend(
            self.placements
                .iter()
                .filter(|p| p.actor == actor)
                .map(Alliance::delete),
        );
        for person in &people {
            edits.extend(self.unlink_person(*person));
        }
        edits.extend(self.seats_where(|m| people.contains(&m.person)));
        edits.extend(self.people_of_party(id).map(Alliance::delete));
        edits.push(Alliance::delete(party));
        Some(Edit::Batch(edits))
    }

    /// Edits that let go of a person: attendance goes, actions and rules
    /// they held lose their holder.
    pub(super) fn unlink_person(&self, id: Id) -> Vec<Edit> {
        let mut edits: Vec<Edit> = self
            .attendance
            .iter()
            .filter(|x| x.person == id)
            .map(Alliance::delete)
            .collect();
        for x in self.actions.iter().filter(|x| x.who == Some(id)) {
            edits.push(self.update(Action {
                who: None,
                ..x.clone()
            }));
        }
        for r in self.ground_rules.iter().filter(|r| r.owner == Some(id)) {
            edits.push(self.update(GroundRule {
                owner: None,
                ..r.clone()
            }));
        }
        edits
    }

    /// Remove a person with their seats, as one undoable step.
    pub fn remove_person(&self, id: Id) -> Option<Edit> {
        let person = self.person(id)?;
        let mut edits = self.unlink_person(id);
        edits.extend(self.seats_where(|m| m.person == id));
        edits.push(Alliance::delete(person));
        Some(Edit::Batch(edits))
    }

    /// Remove a body with its seats, as one undoable step.
    pub fn remove_body(&self, id: Id) -> Option<Edit> {
        let body = self.body(id)?;
        let mut edits: Vec<Edit> = self
            .meetings
            .iter()
            .filter(|m| m.body == Some(id))
            .filter_map(|m| self.remove_meeting(m.id))
            .collect();
        edits.extend(self.seats_where(|m| m.body == id));
        edits.push(Alliance::delete(body));
        Some(Edit::Batch(edits))
    }

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
