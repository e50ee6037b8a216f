//! Who counts on whom (seed 004, the Hengelo practice lab: which parties
//! need which others to solve a problem). Built from two things the room
//! already agreed on: the parties a wish needs (`AgendaItem::depends_on`)
//! and the parties that work on a line of the work plan (its lead and the
//! parties taking part), counted on by the parties whose wishes the line
//! takes up (by its lead when it takes up no wish).

use std::collections::BTreeMap;

use super::alliance::Id;
use super::{Alliance, IdSet};

/// What one party counts on another for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reliance {
    /// The party that counts on the other.
    pub from: Id,
    /// The party counted on.
    pub on: Id,
    /// The wishes (agenda items) of `from` that need `on`.
    pub wishes: Vec<Id>,
    /// The lines of the work plan `on` works on that take up a wish of
    /// `from` (or that `from` leads, when a line takes up no wish).
    pub lines: Vec<Id>,
}

impl Alliance {
    /// Every pair of parties where one counts on the other, ordered by the
    /// party that counts, then the party counted on; the wishes and lines
    /// of each in id order. A party never counts on itself, and parties
    /// that left (or were removed) are left out.
    pub fn reliances(&self) -> Vec<Reliance> {
        let present: IdSet = self
            .parties
            .iter()
            .filter(|p| p.left.is_none())
            .map(|p| p.id)
            .collect();
        let mut pairs: BTreeMap<(Id, Id), Reliance> = BTreeMap::new();
        fn entry(pairs: &mut BTreeMap<(Id, Id), Reliance>, from: Id, on: Id) -> &mut Reliance {
            pairs.entry((from, on)).or_insert_with(|| Reliance {
                from,
                on,
                ..Default::default()
            })
        }
        let counts =
            |from: Id, on: Id| from != on && present.contains(&from) && present.contains(&on);
        for item in &self.agenda_items {
            for on in &item.depends_on {
                if counts(item.party, *on) {
                    entry(&mut pairs, item.party, *on).wishes.push(item.id);
                }
            }
        }
        for line in &self.plan_lines {
            let mut needers: Vec<Id> = line
                .items
                .iter()
                .filter_map(|i| self.agenda_item(*i))
                .map(|i| i.party)
                .collect();
            if needers.is_empty() {
                needers.extend(line.lead);
            }
            needers.sort_unstable();
            needers.dedup();
            for from in needers {
                for on in line.working_parties() {
                    if counts(from, on) {
                        entry(&mut pairs, from, on).lines.push(line.id);
                    }
                }
            }
        }
        pairs
            .into_values()
            .map(|mut r| {
                r.wishes.sort_unstable();
                r.wishes.dedup();
                r.lines.sort_unstable();
                r.lines.dedup();
                r
            })
            .collect()
    }

    /// What others count on `party` for, by the party that counts.
    pub fn counted_on(&self, party: Id) -> Vec<Reliance> {
        self.reliances()
            .into_iter()
            .filter(|r| r.on == party)
            .collect()
    }

    /// What `party` counts on others for, by the party counted on.
    pub fn counts_on(&self, party: Id) -> Vec<Reliance> {
        self.reliances()
            .into_iter()
            .filter(|r| r.from == party)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AgendaItem, Party, PlanLine};

    fn lab() -> Alliance {
        let mut a = Alliance::default();
        for (id, name) in [
            (1, "Gemeente"),
            (2, "Woonstede"),
            (3, "De Brug"),
            (4, "Weg"),
        ] {
            a.parties.push(Party {
                id,
                name: name.into(),
                ..Default::default()
            });
        }
        a.parties[3].left = Some(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        a.agenda_items = vec![
            AgendaItem {
                id: 10,
                party: 2,
                title: "Escalatieroute".into(),
                depends_on: vec![3, 1, 2, 4],
                ..Default::default()
            },
            AgendaItem {
                id: 11,
                party: 1,
                title: "Dagbesteding".into(),
                depends_on: vec![3],
                ..Default::default()
            },
        ];
        a.plan_lines = vec![
            PlanLine {
                id: 20,
                lead: Some(1),
                parties: vec![3],
                items: vec![10],
                ..Default::default()
            },
            PlanLine {
                id: 21,
                lead: Some(3),
                parties: vec![2],
                ..Default::default()
            },
        ];
        a
    }

    #[test]
    fn wishes_and_lines_make_the_pairs() {
        let a = lab();
        let got: Vec<(Id, Id, Vec<Id>, Vec<Id>)> = a
            .reliances()
            .into_iter()
            .map(|r| (r.from, r.on, r.wishes, r.lines))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, 3, vec![11], vec![]),
                (2, 1, vec![10], vec![20]),
                (2, 3, vec![10], vec![20]),
                (3, 2, vec![], vec![21]),
            ]
        );
        let brug: Vec<Id> = a.counted_on(3).iter().map(|r| r.from).collect();
        assert_eq!(brug, vec![1, 2]);
        assert!(a.counts_on(4).is_empty() && a.counted_on(4).is_empty());
    }
}
