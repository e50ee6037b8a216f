//! Keeping the register up to date from a spreadsheet (issue 32): a sheet
//! imported into an alliance that already has parties is compared with
//! the register, party by party: new, changed (field by field), unchanged,
//! or a conflict that cannot be applied, each named by its line.
//!
//! Parties are matched by name (case, spaces and accents aside); a party
//! whose name is not in the register but whose people's e-mail addresses
//! all belong to one party that is not in the sheet is that party renamed.
//! People are matched by e-mail address, else by name within their party.
//! An empty cell leaves the register's value as it is. Two different
//! people with one e-mail address, in the sheet or against the register,
//! are a conflict.

use std::collections::HashMap;

use super::{Field, ImportedParty, ImportedPerson, Kind, RowError, name_key, show};
use crate::domain::{Alliance, Change, Edit, Id, Party, Person};

/// What importing one party would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    New,
    Changed,
    Unchanged,
    Conflict,
}

/// One field that differs: as the register has it and as the sheet does.
/// A kind is given by its key (`care`, `police`, …, as the draw records
/// it), so that each language can name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: Field,
    pub before: String,
    pub after: String,
}

/// One person of a party in the sheet, against the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonPlan {
    pub person: ImportedPerson,
    /// The register's person it is (matched by e-mail, else by name).
    pub existing: Option<Id>,
    pub changes: Vec<FieldChange>,
}

/// One party of the sheet (its rows together), against the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyPlan {
    pub party: ImportedParty,
    /// The register's party it updates.
    pub existing: Option<Id>,
    /// Matched by its people's e-mail addresses, under another name: the
    /// name changed (applying it renames the party).
    pub renamed: bool,
    pub changes: Vec<FieldChange>,
    pub people: Vec<PersonPlan>,
    /// Why it cannot be applied, by line (a duplicate e-mail address).
    pub conflicts: Vec<RowError>,
}

impl PartyPlan {
    pub fn status(&self) -> Status {
        if !self.conflicts.is_empty() {
            Status::Conflict
        } else if self.existing.is_none() {
            Status::New
        } else if self.changes.is_empty()
            && self
                .people
                .iter()
                .all(|p| p.existing.is_some() && p.changes.is_empty())
        {
            Status::Unchanged
        } else {
            Status::Changed
        }
    }

    /// Whether it is applied unless the facilitator says otherwise: new
    /// and changed parties are, unchanged ones have nothing to apply and a
    /// conflict cannot be.
    pub fn applies(&self) -> bool {
        matches!(self.status(), Status::New | Status::Changed)
    }
}

fn email_key(e: &str) -> String {
    e.trim().to_lowercase()
}

/// Compare the sheet's parties (from [`super::parties`] with no existing
/// names) with the register.
pub fn plan(a: &Alliance, sheet: &[ImportedParty]) -> Vec<PartyPlan> {
    let by_name: HashMap<String, &Party> =
        a.parties.iter().map(|p| (name_key(&p.name), p)).collect();
    let by_email: HashMap<String, &Person> = a
        .people
        .iter()
        .filter(|p| !p.email.trim().is_empty())
        .map(|p| (email_key(&p.email), p))
        .collect();
    let sheet_names: std::collections::HashSet<String> =
        sheet.iter().map(|p| name_key(&p.name)).collect();
    // The e-mail addresses the sheet gives, and to whom first.
    let mut seen: HashMap<String, (usize, String, String)> = HashMap::new();
    let mut out = Vec::new();
    for p in sheet {
        let mut conflicts = Vec::new();
        // By name, else renamed: every e-mail address of its people that
        // the register knows belongs to one party, not in the sheet.
        let mut existing = by_name.get(&name_key(&p.name)).map(|x| x.id);
        let mut renamed = false;
        if existing.is_none() {
            let owners: std::collections::BTreeSet<Id> = p
                .people
                .iter()
                .filter_map(|x| by_email.get(&email_key(&x.email)))
                .filter_map(|x| x.party)
                .collect();
            if let [only] = owners.iter().copied().collect::<Vec<_>>()[..]
                && a.party(only)
                    .is_some_and(|o| !sheet_names.contains(&name_key(&o.name)))
            {
                existing = Some(only);
                renamed = true;
            }
        }
        let current = existing.and_then(|id| a.party(id));
        let changes = current.map(|c| party_changes(c, p)).unwrap_or_default();
        let mut people = Vec::new();
        for x in &p.people {
            let key = email_key(&x.email);
            // The same address twice in the sheet for two people.
            if !key.is_empty() {
                match seen.get(&key) {
                    Some((line, name, party))
                        if name_key(name) != name_key(&x.name)
                            || name_key(party) != name_key(&p.name) =>
                    {
                        let (e, n, pp) = (show(&x.email), show(name), show(party));
                        conflicts.push(RowError {
                            line: x.line,
                            reason: format!(
                                "The e-mail address \"{e}\" is also given on line {line}, for {n} ({pp})."
                            ),
                            reason_nl: format!(
                                "Het e-mailadres \"{e}\" staat ook op regel {line}, bij {n} ({pp})."
                            ),
                        });
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(key.clone(), (x.line, x.name.clone(), p.name.clone()));
                    }
                }
            }
            // In the register: by e-mail, else by name within the party.
            let by_mail = by_email.get(&key).copied().filter(|_| !key.is_empty());
            let matched = match by_mail {
                Some(r) if r.party == existing && existing.is_some() => Some(r),
                Some(r) => {
                    let owner = r
                        .party
                        .and_then(|id| a.party(id))
                        .map_or(String::new(), |o| o.name.clone());
                    let (e, n, o) = (show(&x.email), show(&r.name), show(&owner));
                    conflicts.push(RowError {
                        line: x.line,
                        reason: format!(
                            "The e-mail address \"{e}\" already belongs to {n} ({o}) in the register."
                        ),
                        reason_nl: format!(
                            "Het e-mailadres \"{e}\" is in het register al van {n} ({o})."
                        ),
                    });
                    None
                }
                None => existing.and_then(|party| {
                    a.people.iter().find(|r| {
                        r.party == Some(party)
                            && name_key(&r.name) == name_key(&x.name)
                            && (r.email.trim().is_empty() || key.is_empty())
                    })
                }),
            };
            let changes = matched.map(|r| person_changes(r, x)).unwrap_or_default();
            people.push(PersonPlan {
                person: x.clone(),
                existing: matched.map(|r| r.id),
                changes,
            });
        }
        out.push(PartyPlan {
            party: p.clone(),
            existing,
            renamed,
            changes,
            people,
            conflicts,
        });
    }
    out
}

fn kind_key(k: crate::domain::PartyKind) -> String {
    crate::domain::table::kind_key(k).to_string()
}

/// The fields of a party that the sheet changes (an empty cell changes
/// nothing).
fn party_changes(c: &Party, p: &ImportedParty) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut differs = |field: Field, before: String, after: String| {
        if before != after {
            out.push(FieldChange {
                field,
                before,
                after,
            });
        }
    };
    if p.name != c.name {
        differs(Field::Name, c.name.clone(), p.name.clone());
    }
    if let Some(k) = p.kind {
        differs(Field::Kind, kind_key(c.kind), kind_key(Kind::party_kind(k)));
    }
    if let Some(s) = p.staff {
        differs(
            Field::Staff,
            c.staff.map(|x| x.to_string()).unwrap_or_default(),
            s.to_string(),
        );
    }
    if !p.service_area.is_empty() {
        differs(
            Field::ServiceArea,
            c.service_area.clone(),
            p.service_area.clone(),
        );
    }
    if !p.services.is_empty() {
        let key = |s: &[String]| {
            let mut k: Vec<String> = s.iter().map(|x| name_key(x)).collect();
            k.sort();
            k
        };
        if key(&c.services) != key(&p.services) {
            differs(
                Field::Services,
                c.services.join(", "),
                p.services.join(", "),
            );
        }
    }
    if !p.contact.is_empty() {
        differs(Field::Contact, c.contact.clone(), p.contact.clone());
    }
    if !p.notes.is_empty() {
        differs(
            Field::Notes,
            crate::domain::Confidential::expose(&c.notes).clone(),
            p.notes.clone(),
        );
    }
    out
}

fn person_changes(r: &Person, x: &ImportedPerson) -> Vec<FieldChange> {
    let mut out = Vec::new();
    if r.name != x.name {
        out.push(FieldChange {
            field: Field::PersonName,
            before: r.name.clone(),
            after: x.name.clone(),
        });
    }
    if !x.function.is_empty() && r.function != x.function {
        out.push(FieldChange {
            field: Field::PersonFunction,
            before: r.function.clone(),
            after: x.function.clone(),
        });
    }
    if !x.email.is_empty() && r.email != x.email {
        out.push(FieldChange {
            field: Field::PersonEmail,
            before: r.email.clone(),
            after: x.email.clone(),
        });
    }
    out
}

/// The edit that applies the chosen parties of a plan (`chosen[i]` for
/// `plans[i]`; a conflict or an unchanged party is never applied), as one
/// undo step. New people join on `today`.
pub fn apply(a: &Alliance, plans: &[PartyPlan], chosen: &[bool], today: chrono::NaiveDate) -> Edit {
    let mut party_id = a.next_id::<Party>();
    let mut person_id = a.next_id::<Person>();
    let mut edits = Vec::new();
    for (plan, _) in plans
        .iter()
        .zip(chosen)
        .filter(|(p, on)| **on && p.applies())
    {
        let p = &plan.party;
        let id = match plan.existing.and_then(|id| a.party(id)) {
            Some(c) => {
                let mut next = c.clone();
                for ch in &plan.changes {
                    match ch.field {
                        Field::Name => next.name = p.name.clone(),
                        Field::Kind => {
                            next.kind = p.kind.map_or(c.kind, Kind::party_kind);
                        }
                        Field::Staff => next.staff = p.staff,
                        Field::ServiceArea => next.service_area = p.service_area.clone(),
                        Field::Services => next.services = p.services.clone(),
                        Field::Contact => next.contact = p.contact.clone(),
                        Field::Notes => next.notes = p.notes.clone().into(),
                        _ => {}
                    }
                }
                if next != *c {
                    edits.push(a.update(next));
                }
                c.id
            }
            None => {
                let id = party_id;
                party_id += 1;
                edits.push(Edit::Party(Change {
                    before: None,
                    after: Some(p.party(id)),
                }));
                id
            }
        };
        for x in &plan.people {
            match x.existing.and_then(|r| a.person(r)) {
                Some(r) if !x.changes.is_empty() => {
                    let mut next = r.clone();
                    for ch in &x.changes {
                        match ch.field {
                            Field::PersonName => next.name = ch.after.clone(),
                            Field::PersonFunction => next.function = ch.after.clone(),
                            Field::PersonEmail => next.email = ch.after.clone(),
                            _ => {}
                        }
                    }
                    edits.push(a.update(next));
                }
                Some(_) => {}
                None => {
                    edits.push(Edit::Person(Change {
                        before: None,
                        after: Some(x.person.person(person_id, id, today)),
                    }));
                    person_id += 1;
                }
            }
        }
    }
    Edit::Batch(edits)
}

/// The register as a sheet to keep up to date: one row per active person
/// (a party without people gets one row of its own), `;`-separated UTF-8
/// with a byte order mark, as Excel opens it in the Netherlands, with
/// headers the importer reads back (Dutch or English). The facilitator's
/// own notes on a party are confidential and never in it.
pub fn export_parties(a: &Alliance, lang_nl: bool, today: chrono::NaiveDate) -> Vec<u8> {
    let headers: [&str; 9] = if lang_nl {
        [
            "Naam",
            "Soort",
            "Medewerkers",
            "Werkgebied",
            "Diensten",
            "Contact",
            "Contactpersoon",
            "Functie",
            "E-mail",
        ]
    } else {
        [
            "Name",
            "Kind",
            "Staff",
            "Service area",
            "Services",
            "Contact",
            "Contact person",
            "Function",
            "E-mail",
        ]
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let _ = w.write_record(headers);
    let kind = |k: crate::domain::PartyKind| -> &'static str {
        use crate::domain::PartyKind as P;
        match (k, lang_nl) {
            (P::Welfare, true) => "welzijn",
            (P::Care, true) => "zorg",
            (P::HousingCorporation, true) => "woningcorporatie",
            (P::Municipality, true) => "gemeente",
            (P::Police, true) => "politie",
            (P::Other, true) => "anders",
            (P::Welfare, false) => "community services",
            (P::Care, false) => "care provider",
            (P::HousingCorporation, false) => "housing association",
            (P::Municipality, false) => "local authority",
            (P::Police, false) => "police",
            (P::Other, false) => "other",
        }
    };
    for p in a.parties.iter().filter(|p| p.is_active_on(today)) {
        let party = [
            p.name.clone(),
            kind(p.kind).to_string(),
            p.staff.map(|s| s.to_string()).unwrap_or_default(),
            p.service_area.clone(),
            p.services.join(", "),
            p.contact.clone(),
        ];
        let people: Vec<&Person> = a
            .people
            .iter()
            .filter(|x| x.party == Some(p.id) && x.is_active_on(today))
            .collect();
        if people.is_empty() {
            let mut row = party.to_vec();
            row.extend([String::new(), String::new(), String::new()]);
            let _ = w.write_record(&row);
        }
        for x in people {
            let mut row = party.to_vec();
            row.extend([x.name.clone(), x.function.clone(), x.email.clone()]);
            let _ = w.write_record(&row);
        }
    }
    w.into_inner().unwrap_or_default()
}
