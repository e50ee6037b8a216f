//! The register as edits: how parties, people, bodies and seats refer to
//! others, and removing one with what refers to it (one undo step).

use super::edit::{Change, EditError, Refs};
use super::*;

impl Refs for Party {}

impl Refs for Person {
    fn refs(&self) -> Vec<Ref> {
        self.party
            .map(|p| Ref::to("party", p))
            .into_iter()
            .collect()
    }
}

impl Refs for Body {}

impl Refs for Membership {
    fn refs(&self) -> Vec<Ref> {
        vec![Ref::to("body", self.body), Ref::to("person", self.person)]
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
