//! The Samen Noord example (seeds 000 and 001): nine welfare organisations in
//! Amsterdam-Noord, commissioned by the district, that signed a covenant for
//! three years from 1 October 2017. The parties, the commissioner, the term
//! and the governance come from the seeds; the people other than the two
//! directors the seeds quote are fictional.

use chrono::NaiveDate;

use crate::domain::{
    Alliance, AllianceInfo, Body, BodyKind, Commissioner, Id, Membership, Party, PartyKind, Person,
    Phase,
};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// (name, service area, services)
const PARTIES: [(&str, &str, &[&str]); 9] = [
    ("Het Leefkringhuis", "Amsterdam-Noord", &[]),
    ("Stichting Prisma", "Amsterdam-Noord", &[]),
    (
        "Stichting Dock",
        "Amsterdam-Noord",
        &["jongeren", "beheer Huizen van de Wijk", "participatie"],
    ),
    (
        "Civic Amsterdam",
        "Amsterdam, onder meer Noord",
        &[
            "schuldhulpverlening",
            "maatschappelijk werk",
            "participatie",
            "activering en taal",
        ],
    ),
    (
        "Vrijwilligers Centrale Amsterdam",
        "heel Amsterdam",
        &["vrijwilligers"],
    ),
    (
        "De Regenboog Groep",
        "heel Amsterdam",
        &["opvang en ondersteuning", "GGZ-doelgroep"],
    ),
    ("Stichting SPIN", "Amsterdam-Noord", &[]),
    ("Doras", "Amsterdam-Noord", &["ouderen", "participatie"]),
    ("Stichting Wijsneus", "Amsterdam-Noord", &[]),
];

/// Directors (steering group) per party, in the order of `PARTIES`.
const DIRECTORS: [&str; 9] = [
    "Anneke de Vries",
    "Ruud Bakker",
    "Samira El Amrani",
    "Bertine Spijkers",
    "Joost Visser",
    "Hans Wijnands",
    "Marieke Smit",
    "Erik Jansen",
    "Fatma Yilmaz",
];

/// Managers (management team) per party; `None` where the director sits in
/// the management team too (the doubling seed 000 describes).
const MANAGERS: [Option<&str>; 9] = [
    None,
    Some("Linda Mulder"),
    Some("Kees de Boer"),
    Some("Noor Hendriks"),
    None,
    Some("Pieter Dekker"),
    None,
    Some("Ilse van Dijk"),
    Some("Tom Bos"),
];

/// The Samen Noord alliance.
pub fn samen_noord() -> Alliance {
    let mut a = Alliance {
        info: AllianceInfo {
            name: "Samen Noord".into(),
            commissioner: Commissioner {
                name: "Stadsdeel Amsterdam Noord".into(),
                contact: String::new(),
                notes: "Vroeg negen welzijnsorganisaties om één plan en één begroting voor \
                        de basisvoorzieningen in het stadsdeel, binnen negen maanden, als \
                        één gezamenlijke offerte."
                    .into(),
            },
            ambition: "Van samen werken naar samenwerken: met een gebiedsgerichte opdracht \
                       en één ongedeeld budget richt Samen Noord zich op iedere bewoner \
                       van Amsterdam-Noord."
                .into(),
            term_start: date(2017, 10, 1),
            term_end: date(2020, 9, 30),
            phase: Phase::Execution,
        },
        ..Alliance::default()
    };
    for (i, (name, area, services)) in PARTIES.iter().enumerate() {
        a.parties.push(Party {
            id: i as Id + 1,
            name: (*name).into(),
            kind: PartyKind::Welfare,
            staff: None,
            service_area: (*area).into(),
            services: services.iter().map(|s| (*s).to_string()).collect(),
            contact: String::new(),
            notes: String::new(),
        });
    }
    let bodies = [
        (
            "Stuurgroep",
            BodyKind::SteeringGroup,
            "Bewaakt de koers van het convenant en besluit over het gezamenlijke budget.",
        ),
        (
            "Managementteam",
            BodyKind::ManagementTeam,
            "Stuurt bij en bewaakt de voortgang; besluit over organisatie-overstijgende \
             onderwerpen binnen het plan.",
        ),
        (
            "Werkgroep Huizen van de Wijk",
            BodyKind::WorkingGroup,
            "Inhoud en programmering van de Huizen van de Wijk.",
        ),
        (
            "Werkgroep Jeugd",
            BodyKind::WorkingGroup,
            "Kinderen en jongeren groeien goed op.",
        ),
        (
            "Werkgroep Participatie en taal",
            BodyKind::WorkingGroup,
            "Kwetsbare bewoners doen mee.",
        ),
    ];
    for (i, (name, kind, mandate)) in bodies.iter().enumerate() {
        a.bodies.push(Body {
            id: i as Id + 1,
            name: (*name).into(),
            kind: *kind,
            mandate: (*mandate).into(),
        });
    }
    let (steering, mt, houses, youth, participation) = (1, 2, 3, 4, 5);
    let start = date(2017, 10, 1);
    let person = |a: &mut Alliance, name: &str, party: Option<Id>, function: &str| -> Id {
        let id = a.people.len() as Id + 1;
        a.people.push(Person {
            id,
            name: name.into(),
            party,
            function: function.into(),
            email: String::new(),
            joined: start,
            left: None,
        });
        id
    };
    let seat = |a: &mut Alliance, body: Id, person: Id, role: &str| {
        let id = a.memberships.len() as Id + 1;
        a.memberships.push(Membership {
            id,
            body,
            person,
            role: role.into(),
        });
    };
    let secretary = person(&mut a, "Marcel (Decido)", None, "secretaris");
    seat(&mut a, steering, secretary, "secretaris");
    seat(&mut a, mt, secretary, "secretaris");
    let mut managers = Vec::new();
    for i in 0..9 {
        let party = Some(i as Id + 1);
        let director = person(&mut a, DIRECTORS[i], party, "directeur");
        seat(
            &mut a,
            steering,
            director,
            if i == 0 { "voorzitter" } else { "lid" },
        );
        let manager = match MANAGERS[i] {
            Some(name) => person(&mut a, name, party, "manager"),
            None => director,
        };
        seat(&mut a, mt, manager, "lid");
        managers.push(manager);
    }
    // Coordinators of the Huizen van de Wijk: Doras (elderly), Dock (youth),
    // Civic (activation and language), De Regenboog Groep (GGZ).
    for party in [8, 3, 4, 6] {
        seat(&mut a, houses, managers[party - 1], "coördinator");
    }
    for party in [3, 9, 2] {
        seat(&mut a, youth, managers[party - 1], "lid");
    }
    for party in [4, 5, 1, 7] {
        seat(&mut a, participation, managers[party - 1], "lid");
    }
    // Turnover: Prisma's first manager left and was succeeded.
    let prisma_mt = managers[1];
    if let Some(p) = a.people.iter_mut().find(|p| p.id == prisma_mt) {
        p.left = date(2019, 3, 1);
    }
    let successor = person(&mut a, "Sanne Koster", Some(2), "manager");
    if let Some(p) = a.people.iter_mut().find(|p| p.id == successor) {
        p.joined = date(2019, 3, 1);
    }
    seat(&mut a, mt, successor, "lid");
    a
}

/// A large synthetic alliance, for benchmarks and stress tests.
pub fn large(parties: usize, people_per_party: usize) -> Alliance {
    let mut a = Alliance::named("Grote alliantie");
    a.bodies.push(Body {
        id: 1,
        name: "Stuurgroep".into(),
        kind: BodyKind::SteeringGroup,
        mandate: String::new(),
    });
    a.bodies.push(Body {
        id: 2,
        name: "Managementteam".into(),
        kind: BodyKind::ManagementTeam,
        mandate: String::new(),
    });
    for p in 0..parties {
        let party = p as Id + 1;
        a.parties.push(Party {
            id: party,
            name: format!("Partij {party}"),
            kind: PartyKind::ALL[p % PartyKind::ALL.len()],
            staff: Some(10 + p as u32 * 7),
            service_area: "Regio".into(),
            services: vec!["welzijn".into()],
            ..Party::default()
        });
        for k in 0..people_per_party {
            let id = a.people.len() as Id + 1;
            a.people.push(Person {
                id,
                name: format!("Persoon {party}.{k}"),
                party: Some(party),
                function: "medewerker".into(),
                ..Person::default()
            });
            if k < 2 {
                a.memberships.push(Membership {
                    id: a.memberships.len() as Id + 1,
                    body: k as Id + 1,
                    person: id,
                    role: "lid".into(),
                });
            }
        }
    }
    a
}
