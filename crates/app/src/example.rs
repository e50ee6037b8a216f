//! The Samen Noord example (seeds 000 and 001): nine welfare organisations in
//! Amsterdam-Noord, commissioned by the district, that signed a covenant for
//! three years from 1 October 2017. The parties, the commissioner, the term
//! and the governance come from the seeds; the people other than the two
//! directors the seeds quote are fictional, and so is all intake content
//! (the seeds quote none).
//!
//! One file on purpose (over 800 lines): it is data, one alliance told
//! from its register to its covenant, plus the generators for large ones.

mod region;
pub use region::region;

use chrono::NaiveDate;

use crate::domain::{
    Alliance, AllianceInfo, Answer, Body, BodyKind, ComfortFrom, ComfortNeed, ComfortStatus,
    Commissioner, Id, Interview, Membership, Party, PartyKind, Person, Phase, Stance, Visibility,
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
            language: crate::domain::Language::Nl,
            commissioner: Commissioner {
                name: "Stadsdeel Amsterdam Noord".into(),
                contact: String::new(),
                notes: "Vroeg negen welzijnsorganisaties om één plan en één begroting voor \
                        de basisvoorzieningen in het stadsdeel, binnen negen maanden, als \
                        één gezamenlijke offerte."
                    .into(),
                party: None,
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
            notes: Default::default(),
            left: None,
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
            ..Body::default()
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
    // After formalisation Eline of Decido took the independent secretary
    // role (seed 000).
    let secretary = person(&mut a, "Eline (Decido)", None, "secretaris");
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
    a.questions = crate::domain::intake::default_guide(false);
    add_trust(&mut a);
    add_maps(&mut a);
    add_decisions(&mut a);
    add_meetings(&mut a);
    add_work_plan(&mut a);
    add_covenant(&mut a);
    a
}

/// The work plan the focal points became (seed 004's "werkaanpak"), with
/// the progress recorded at the management team and the working group,
/// and the board's ground rules as one set with one owner (seed 003).
/// Illustrative.
///
/// Long for a reason: example data, written out record by record as a
/// facilitator would enter it.
fn add_work_plan(a: &mut Alliance) {
    use crate::domain::{Mandate, PlanLine, PlanProgress, PlanStatus, RuleLevel, RuleSet};
    // (focal point, what, lead, parties, start, due, mandate, given,
    // status, wishes)
    type Line<'a> = (
        Id,
        &'a str,
        Id,
        &'a [Id],
        (i32, u32, u32),
        (i32, u32, u32),
        Mandate,
        Option<(i32, u32, u32)>,
        PlanStatus,
        &'a [Id],
    );
    let lines: [Line; 6] = [
        (
            1,
            "Eén gezamenlijk rooster per Huis van de Wijk",
            3,
            &[8, 4, 6],
            (2017, 10, 16),
            (2017, 12, 1),
            Mandate::Body(2),
            Some((2017, 10, 16)),
            PlanStatus::Going,
            &[1, 2, 4],
        ),
        (
            1,
            "Inloopuur voor bewoners met een psychische kwetsbaarheid",
            6,
            &[3],
            (2017, 11, 6),
            (2018, 2, 1),
            Mandate::Party(6),
            None,
            PlanStatus::Planned,
            &[3],
        ),
        (
            2,
            "Eén intake voor schulden en welzijn",
            4,
            &[2, 7],
            (2017, 10, 16),
            (2017, 11, 1),
            Mandate::Body(1),
            None,
            PlanStatus::Stuck,
            &[5],
        ),
        (
            2,
            "Afspraken over warme overdracht en doorverwijzen",
            2,
            &[7, 1],
            (2017, 10, 16),
            (2018, 1, 15),
            Mandate::None,
            None,
            PlanStatus::Going,
            &[6, 7, 8],
        ),
        (
            3,
            "Eén vrijwilligerspool voor Noord",
            5,
            &[3, 7],
            (2017, 11, 6),
            (2018, 3, 1),
            Mandate::Party(5),
            Some((2017, 11, 6)),
            PlanStatus::Planned,
            &[9],
        ),
        (
            3,
            "Steunpunt mantelzorg in de Huizen",
            8,
            &[5],
            (2017, 10, 16),
            (2017, 10, 31),
            Mandate::None,
            None,
            PlanStatus::Done,
            &[10],
        ),
    ];
    let day = |(y, m, d): (i32, u32, u32)| date(y, m, d);
    for (i, (focal, what, lead, parties, start, due, mandate, given, status, items)) in
        lines.iter().enumerate()
    {
        let lead_person = a
            .people
            .iter()
            .filter(|p| p.party == Some(*lead) && p.left.is_none())
            .map(|p| p.id)
            .next_back();
        a.plan_lines.push(PlanLine {
            id: i as Id + 1,
            focal_point: *focal,
            position: i as i64 + 1,
            what: (*what).into(),
            lead: Some(*lead),
            lead_person,
            parties: parties.to_vec(),
            start: day(*start),
            due: day(*due),
            mandate: *mandate,
            mandate_given: given.and_then(day),
            status: *status,
            items: items.to_vec(),
            added: None,
        });
    }
    // (line, meeting, status there, what was reported)
    let progress: [(Id, Id, PlanStatus, &str); 7] = [
        (
            1,
            2,
            PlanStatus::Planned,
            "Dock maakt een opzet voor het rooster.",
        ),
        (
            3,
            2,
            PlanStatus::Going,
            "Het intakeformulier ligt er in concept.",
        ),
        (4, 2, PlanStatus::Planned, ""),
        (
            6,
            2,
            PlanStatus::Going,
            "Ruimte gevonden in het Huis aan het Waterlandplein.",
        ),
        (
            1,
            3,
            PlanStatus::Going,
            "Het rooster staat voor twee Huizen.",
        ),
        (
            3,
            3,
            PlanStatus::Stuck,
            "Wacht op het mandaat van de stuurgroep voor één gedeelde registratie.",
        ),
        (
            6,
            3,
            PlanStatus::Done,
            "Het steunpunt is open sinds 1 november.",
        ),
    ];
    for (i, (line, meeting, status, text)) in progress.iter().enumerate() {
        a.plan_progress.push(PlanProgress {
            id: i as Id + 1,
            line: *line,
            meeting: *meeting,
            status: *status,
            text: (*text).into(),
        });
    }
    // The steering group's rules as one set, guarded by its chair.
    a.rule_sets.push(RuleSet {
        id: 1,
        name: "Spelregels van de stuurgroep".into(),
        level: RuleLevel::Board,
        owner: Some(2),
        mandate:
            "Spreekt partijen aan op de spelregels en zet ze op de agenda van elke stuurgroep."
                .into(),
    });
    for r in a
        .ground_rules
        .iter_mut()
        .filter(|r| r.level == RuleLevel::Board)
    {
        r.rule_set = Some(1);
    }
}

/// The covenant adopted in the round of 11 September 2017 and signed by
/// all nine parties in October 2017 (seed 000). The clauses are drafted
/// from the register; signatories other than the two directors the seeds
/// quote are fictional.
fn add_covenant(a: &mut Alliance) {
    use crate::domain::covenant::fingerprint;
    use crate::domain::{CovenantVersion, Signature, Subject};
    use crate::draft::draft_clauses;
    a.covenant_versions.push(CovenantVersion {
        id: 1,
        number: 1,
        title: "Convenant Samen Noord".into(),
        ..CovenantVersion::default()
    });
    a.clauses = draft_clauses(a, 1, 1, false);
    for (i, p) in a.parties.clone().iter().enumerate() {
        a.signatures.push(Signature {
            id: i as Id + 1,
            version: 1,
            party: p.id,
            signatory: DIRECTORS[i].into(),
            function: "directeur-bestuurder".into(),
            place: "Amsterdam".into(),
            date: date(2017, 10, 2),
            signed: true,
            party_name: p.name.clone(),
            ..Signature::default()
        });
    }
    // The adopted round decided this version: freeze it.
    let round = a.rounds.iter().position(|r| {
        r.proposal
            .starts_with("We leggen de samenwerking vast in een convenant")
    });
    if let Some(i) = round {
        a.rounds[i].subject = Subject::Covenant(1);
        let decided = a.rounds[i].decided;
        let round_id = a.rounds[i].id;
        let mut parties: Vec<String> = a.parties.iter().map(|p| p.name.clone()).collect();
        parties.sort_unstable();
        let v = &mut a.covenant_versions[0];
        v.frozen_on = decided;
        v.round = Some(round_id);
        v.parties = parties;
        let print = fingerprint(a, 1);
        a.covenant_versions[0].fingerprint = print;
    }
}

/// Meetings of the steering group, the management team and a working
/// group after the covenant, with minutes that take each topic one step
/// further, and actions that carry over until done. Illustrative.
///
/// Long for a reason: example data, written out record by record as a
/// facilitator would enter it.
fn add_meetings(a: &mut Alliance) {
    use crate::domain::{Action, AgendaSlot, Attendance, Meeting, SlotLink};
    let meetings = [
        (
            Some(1),
            "Stuurgroep: start van Samen Noord",
            date(2017, 10, 2),
            "15:00",
            "17:00",
            "Huis van de Wijk Waterlandplein",
        ),
        (
            Some(2),
            "Managementteam: werkplan eerste kwartaal",
            date(2017, 10, 16),
            "09:30",
            "11:30",
            "Civic Amsterdam, Noord",
        ),
        (
            Some(3),
            "Werkgroep Huizen van de Wijk: programmering",
            date(2017, 11, 6),
            "13:00",
            "15:00",
            "Huis van de Wijk Banne",
        ),
    ];
    for (i, (body, title, d, start, end, place)) in meetings.iter().enumerate() {
        a.meetings.push(Meeting {
            id: i as Id + 1,
            body: *body,
            title: (*title).into(),
            date: *d,
            start: (*start).into(),
            end: (*end).into(),
            place: (*place).into(),
            ..Meeting::default()
        });
    }
    // (meeting, title, link, background, minutes, next step)
    let slots: [(Id, &str, SlotLink, &str, &str, &str); 7] = [
        (
            1,
            "Het convenant en de comfortbehoeften",
            SlotLink::Round(4),
            "Het convenant is op 11 september aangenomen.",
            "De stuurgroep bevestigt het convenant en de looptijd van drie jaar.",
            "Het MT legt per comfortbehoefte vast hoe die in het werkplan terugkomt.",
        ),
        (
            1,
            "De zwaartepunten",
            SlotLink::FocalPoint(1),
            "Drie zwaartepunten uit de wensenlijsten.",
            "Elkaar erbij halen kreeg de meeste stippen; de werkgroep begint met Samen in de Huizen van de Wijk, omdat de Huizen al open zijn.",
            "De werkgroep Huizen van de Wijk maakt een voorstel voor de programmering.",
        ),
        (
            1,
            "Spelregels",
            SlotLink::GroundRule(2),
            "Gelijke stem, consensus en veto.",
            "De spelregels blijven; check-in bij elke stuurgroep.",
            "De secretaris zet de check-in vast op de agenda.",
        ),
        (
            2,
            "Werkplan eerste kwartaal",
            SlotLink::StrategyMap,
            "De strategiekaart als kapstok.",
            "Het MT verdeelt de routes over de werkgroepen.",
            "Elke werkgroep levert voor 1 november drie resultaten voor het eerste kwartaal.",
        ),
        (
            2,
            "Mandaat van het MT",
            SlotLink::None,
            "Organisatie-overstijgende onderwerpen lopen nu steeds via de stuurgroep.",
            "Het MT wil meer mandaat op organisatie-overstijgende onderwerpen.",
            "Voorstel voor mandaat gaat naar de stuurgroep van december.",
        ),
        (
            3,
            "Rooster van de Huizen",
            SlotLink::FocalPoint(1),
            "Elke partij plant eigen activiteiten.",
            "Eén gezamenlijk rooster per Huis, beheerd door Dock.",
            "Dock zet het rooster op; de themacoördinatoren vullen het voor 1 december.",
        ),
        (
            3,
            "Signalen uit de buurtkamer",
            SlotLink::None,
            "",
            "Signalen bereiken de hulp nog niet.",
            "Civic en Het Leefkringhuis spreken een warme overdracht af.",
        ),
    ];
    for (i, (meeting, title, link, background, minutes, next)) in slots.iter().enumerate() {
        a.agenda_slots.push(AgendaSlot {
            id: i as Id + 1,
            meeting: *meeting,
            position: i as i64 + 1,
            title: (*title).into(),
            link: *link,
            background: (*background).into(),
            minutes: (*minutes).into(),
            next_step: (*next).into(),
        });
    }
    // Attendance: the members of each body, one absent now and then.
    for m in 1..=3 {
        let body = a.meetings[m - 1].body.unwrap_or(1);
        let members: Vec<Id> = a.members_of(body).map(|x| x.person).collect();
        for (k, person) in members.iter().enumerate() {
            if a.person(*person).is_some_and(|p| p.left.is_some()) {
                continue;
            }
            let id = a.attendance.len() as Id + 1;
            a.attendance.push(Attendance {
                id,
                meeting: m as Id,
                person: *person,
                present: !(m == 1 && k == 4),
            });
        }
    }
    let actions = [
        (
            1,
            Some(1),
            Some(1),
            "Comfortbehoeften vertalen naar het werkplan",
            date(2017, 10, 16),
            true,
        ),
        (
            1,
            Some(3),
            Some(1),
            "Check-in op de spelregels agenderen",
            date(2017, 12, 4),
            false,
        ),
        (
            2,
            Some(5),
            Some(1),
            "Voorstel mandaat MT opstellen",
            date(2017, 12, 4),
            false,
        ),
        (
            3,
            Some(6),
            Some(6),
            "Gezamenlijk rooster opzetten",
            date(2017, 12, 1),
            false,
        ),
    ];
    for (i, (meeting, slot, who, what, due, done)) in actions.iter().enumerate() {
        a.actions.push(Action {
            id: i as Id + 1,
            meeting: *meeting,
            slot: *slot,
            who: *who,
            what: (*what).into(),
            due: *due,
            done: *done,
            // Reported done on the day it was due.
            done_on: due.filter(|_| *done),
        });
    }
}

/// The agenda funnel, the early ground rules and the consensus rounds of
/// Samen Noord. The rules and the route (equal vote, consensus and veto
/// early on; the summer objection to a multi-party agreement, answered by
/// listing comfort needs; a covenant in October 2017) follow seed 000. The
/// agenda items are illustrative.
///
/// Long for a reason: example data, written out record by record as a
/// facilitator would enter it.
fn add_decisions(a: &mut Alliance) {
    use crate::domain::{
        AgendaItem, Checkin, FocalPoint, PriorityMark, PriorityMethod, PriorityRound, Round,
        RoundStatus, RuleStatus, Scale, Situation, Subject, Via, Vote, rules::starter_rules,
    };
    let focal = [
        (
            "Samen in de Huizen van de Wijk",
            "Eén plek in de buurt waar alle doelgroepen terechtkunnen.",
        ),
        (
            "Elkaar erbij halen",
            "Bewoners komen bij de juiste partij zonder doorverwijscarrousel.",
        ),
        (
            "Naar elkaar omzien",
            "Vrijwilligers, mantelzorgers en buren die zich voor elkaar inzetten.",
        ),
    ];
    for (i, (name, description)) in focal.iter().enumerate() {
        a.focal_points.push(FocalPoint {
            id: i as Id + 1,
            position: i as i64 + 1,
            name: (*name).into(),
            description: (*description).into(),
        });
    }
    // (party index, title, problem, depends on party indices, focal point)
    let items: [(usize, &str, &str, &[usize], usize); 11] = [
        (
            2,
            "Programmering van de Huizen",
            "Elke partij plant eigen activiteiten; roosters botsen.",
            &[7, 3, 5],
            1,
        ),
        (
            7,
            "Ouderen een vaste plek",
            "Ouderen weten niet wanneer er iets voor hen is.",
            &[2],
            1,
        ),
        (
            5,
            "GGZ-doelgroep welkom",
            "Bewoners met psychische kwetsbaarheid voelen zich niet thuis.",
            &[2, 3],
            1,
        ),
        (
            8,
            "Kinderactiviteiten in elk Huis",
            "Geen vaste ruimte voor kinderactiviteiten.",
            &[2],
            1,
        ),
        (
            3,
            "Eén intake voor schulden en welzijn",
            "Bewoners vertellen hun verhaal drie keer.",
            &[1, 6],
            2,
        ),
        (
            1,
            "Warme overdracht",
            "Verwijzingen lopen dood tussen organisaties.",
            &[3, 5],
            2,
        ),
        (
            6,
            "Eenduidige afspraken over doorverwijzen",
            "Niemand weet wie waarvoor verantwoordelijk is.",
            &[3],
            2,
        ),
        (
            0,
            "Buurtkamer als vindplaats",
            "Signalen uit de buurtkamer bereiken de hulp niet.",
            &[3, 7],
            2,
        ),
        (
            4,
            "Vrijwilligers werven en koppelen",
            "Vraag en aanbod van vrijwilligers vinden elkaar niet.",
            &[2, 6],
            3,
        ),
        (
            7,
            "Mantelzorgers ontlasten",
            "Mantelzorgers raken overbelast en haken af.",
            &[4],
            3,
        ),
        (
            6,
            "Nieuwe en oude Noorderlingen verbinden",
            "Nieuwe bewoners kennen de buurt niet.",
            &[4, 2],
            3,
        ),
    ];
    for (i, (party, title, problem, depends, focal_point)) in items.iter().enumerate() {
        a.agenda_items.push(AgendaItem {
            id: i as Id + 1,
            party: *party as Id + 1,
            title: (*title).into(),
            problem: (*problem).into(),
            depends_on: depends.iter().map(|d| *d as Id + 1).collect(),
            focal_point: Some(*focal_point as Id),
        });
    }
    a.agenda_items.push(AgendaItem {
        id: 12,
        party: 9,
        title: "Huiswerkbegeleiding".into(),
        problem: "Nog niet ingedeeld: past het bij een zwaartepunt?".into(),
        depends_on: vec![3],
        focal_point: None,
    });
    a.priority_rounds.push(PriorityRound {
        id: 1,
        title: "Prioriteit van de zwaartepunten".into(),
        method: PriorityMethod::Dots,
        dots_per_party: 3,
        revealed: true,
        absent: Vec::new(),
    });
    // Three dots per party, spread over the focal points (illustrative).
    let dots: [[u8; 3]; 9] = [
        [1, 2, 0],
        [0, 3, 0],
        [2, 1, 0],
        [1, 2, 0],
        [0, 1, 2],
        [2, 1, 0],
        [1, 1, 1],
        [1, 0, 2],
        [2, 1, 0],
    ];
    for (p, row) in dots.iter().enumerate() {
        for (f, value) in row.iter().enumerate() {
            if *value > 0 {
                let id = a.priority_marks.len() as Id + 1;
                a.priority_marks.push(PriorityMark {
                    id,
                    round: 1,
                    party: p as Id + 1,
                    focal_point: f as Id + 1,
                    value: *value,
                });
            }
        }
    }
    // Ground rules: the starter set, the first two adopted early on.
    let situations = [
        "Kleine partijen worden overvleugeld door de grote.",
        "Er wordt buiten het overleg om besloten.",
        "Na afloop heeft iedereen andere afspraken in zijn hoofd.",
    ];
    for (i, text) in situations.iter().enumerate() {
        a.situations.push(Situation {
            id: i as Id + 1,
            text: (*text).into(),
        });
    }
    a.ground_rules = starter_rules(false);
    a.ground_rules[0].situations = vec![1];
    a.ground_rules[1].situations = vec![1, 2];
    a.ground_rules[5].situations = vec![3];
    // System owners (seed 003): the chair of the steering group guards the
    // rules of decision-making, the secretary the rule on recording.
    a.ground_rules[0].owner = Some(2);
    a.ground_rules[1].owner = Some(2);
    a.ground_rules[5].owner = Some(1);
    let voters: Vec<Id> = a.parties.iter().map(|p| p.id).collect();
    let round = |a: &mut Alliance,
                 proposal: &str,
                 subject: Subject,
                 scale: Scale,
                 opened,
                 decided,
                 status,
                 previous,
                 note: &str| {
        let id = a.rounds.len() as Id + 1;
        a.rounds.push(Round {
            id,
            proposal: proposal.into(),
            subject,
            scale,
            opened,
            decided,
            voters: voters.clone(),
            revealed: true,
            status,
            previous,
            note: note.into(),
            absent: Vec::new(),
            body: None,
        });
        id
    };
    let vote = |a: &mut Alliance, round: Id, party: usize, value: u8, reason: &str, via: Via| {
        let id = a.votes.len() as Id + 1;
        a.votes.push(Vote {
            id,
            round,
            party: party as Id + 1,
            value,
            reason: reason.into(),
            via,
            entered_by: "Marcel (Decido)".into(),
            entered_at: a
                .round(round)
                .and_then(|r| r.opened)
                .map(|d| format!("{}T10:00:00Z", d.format("%Y-%m-%d")))
                .unwrap_or_default(),
            corrections: Vec::new(),
        });
    };
    for (rule, day) in [(0usize, 31u32), (1, 31)] {
        let r = round(
            a,
            &a.ground_rules[rule].text.clone(),
            Subject::GroundRule(rule as Id + 1),
            Scale::Consent,
            date(2017, 1, day),
            date(2017, 1, day),
            RoundStatus::Adopted,
            None,
            "",
        );
        for p in 0..9 {
            vote(a, r, p, 1, "", Via::InRoom);
        }
        a.ground_rules[rule].status = RuleStatus::Adopted;
        a.ground_rules[rule].starter = false;
    }
    // The summer: a multi-party agreement met objections; amended into a
    // covenant that honours every party's comfort needs, then adopted.
    let blocked = round(
        a,
        "We leggen de samenwerking vast in een multipartijenovereenkomst.",
        Subject::Free,
        Scale::Gradients,
        date(2017, 6, 26),
        date(2017, 6, 26),
        RoundStatus::Amended,
        None,
        "Geamendeerd: eerst de comfortbehoeften van elke partij in kaart.",
    );
    let first: [(u8, &str); 9] = [
        (
            8,
            "Eerst weten welk comfort we van elkaar en van het stadsdeel krijgen.",
        ),
        (5, ""),
        (2, ""),
        (1, ""),
        (6, ""),
        (2, ""),
        (
            8,
            "Een overeenkomst nu komt te vroeg voor een kleine partij. (fictief voorbeeld)",
        ),
        (3, ""),
        (5, ""),
    ];
    for (p, (value, reason)) in first.iter().enumerate() {
        vote(a, blocked, p, *value, reason, Via::InRoom);
    }
    let adopted = round(
        a,
        "We leggen de samenwerking vast in een convenant voor drie jaar, dat de comfortbehoeften van elke partij honoreert.",
        Subject::Free,
        Scale::Gradients,
        date(2017, 9, 11),
        date(2017, 9, 11),
        RoundStatus::Adopted,
        Some(blocked),
        "",
    );
    let second: [u8; 9] = [3, 2, 1, 1, 2, 1, 3, 2, 1];
    for (p, value) in second.iter().enumerate() {
        let via = if p == 4 { Via::Phone } else { Via::InRoom };
        vote(a, adopted, p, *value, "", via);
    }
    // Check-ins on the adopted rules at two steering-group meetings.
    for (d, scores) in [
        (date(2017, 12, 4), [4u8, 5, 4, 5, 3, 5, 3, 4, 4]),
        (date(2018, 3, 5), [5, 5, 5, 5, 4, 5, 4, 5, 4]),
    ] {
        for rule in [1, 2] {
            for (p, score) in scores.iter().enumerate() {
                let id = a.checkins.len() as Id + 1;
                a.checkins.push(Checkin {
                    id,
                    rule,
                    party: p as Id + 1,
                    date: d,
                    score: if rule == 2 {
                        score.saturating_sub(1)
                    } else {
                        *score
                    },
                    ..Default::default()
                });
            }
        }
    }
    // The check-in from the phones at the working group of 6 November
    // 2017: two or three delegates of five parties scored both rules on
    // their own phones, anonymously, and the room was shown the
    // distribution.
    a.checkin_rounds.push(crate::domain::CheckinRound {
        id: 1,
        meeting: 3,
        rules: vec![1, 2],
        shown: true,
    });
    let phones: [(Id, &str, [u8; 2]); 12] = [
        (1, "a1", [4, 3]),
        (1, "a2", [5, 4]),
        (2, "b1", [4, 4]),
        (2, "b2", [3, 3]),
        (2, "b3", [4, 2]),
        (3, "c1", [5, 4]),
        (3, "c2", [4, 4]),
        (5, "e1", [3, 2]),
        (5, "e2", [4, 3]),
        (7, "g1", [2, 3]),
        (7, "g2", [4, 3]),
        (7, "g3", [3, 3]),
    ];
    for (party, phone, scores) in phones {
        for (rule, score) in [1, 2].into_iter().zip(scores) {
            let id = a.checkins.len() as Id + 1;
            a.checkins.push(Checkin {
                id,
                rule,
                party,
                date: date(2017, 11, 6),
                score,
                round: Some(1),
                // The SHA-256 of each phone's cookie, as the server keeps it.
                person: crate::room::hash_token(phone),
            });
        }
    }
}

/// The strategy map of Samen Noord: the four goals seed 001 names for the
/// basic services in Noord, the routes to them (seeds 000 and 001), and the
/// way of working that carries them. Owners are illustrative.
///
/// Long for a reason: example data, written out record by record as a
/// facilitator would enter it.
fn add_maps(a: &mut Alliance) {
    use crate::domain::{
        Actor, MapLink, MapNode, NodeKind, Relation, RelationKind, strategy::default_lanes,
    };
    a.lanes = default_lanes(false);
    let (learning, processes, residents, mission) = (1, 2, 3, 4);
    // (lane, kind, title, owners by party index, x)
    let nodes: [(Id, NodeKind, &str, &[usize], f32); 13] = [
        (
            mission,
            NodeKind::Objective,
            "Iedere bewoner van Noord kan meedoen, dichtbij huis",
            &[],
            640.0,
        ),
        (
            residents,
            NodeKind::Objective,
            "Meer kinderen en jongeren groeien glansrijk op",
            &[2, 8],
            160.0,
        ),
        (
            residents,
            NodeKind::Objective,
            "Meer kwetsbare bewoners doen mee en ontwikkelen zich",
            &[3, 5, 4],
            480.0,
        ),
        (
            residents,
            NodeKind::Objective,
            "Minder mantelzorgers overbelast",
            &[7, 0],
            800.0,
        ),
        (
            residents,
            NodeKind::Objective,
            "Meer Noorderlingen zetten zich in voor elkaar en hun omgeving",
            &[4, 6, 1],
            1120.0,
        ),
        (
            processes,
            NodeKind::Initiative,
            "Huizen van de Wijk als centrum voor bewoners",
            &[2, 7, 3, 5],
            160.0,
        ),
        (
            processes,
            NodeKind::Initiative,
            "Thematisch programmeren: ouderen, jeugd, activering en taal, GGZ",
            &[7, 2, 3, 5],
            480.0,
        ),
        (
            processes,
            NodeKind::Initiative,
            "Elkaar erbij halen in plaats van verwijzen",
            &[3, 1],
            800.0,
        ),
        (
            processes,
            NodeKind::Initiative,
            "Nieuwe en oude Noorderlingen met elkaar verbinden",
            &[4, 6],
            1120.0,
        ),
        (
            learning,
            NodeKind::Objective,
            "Gemengde werkgroepen over organisaties heen",
            &[],
            160.0,
        ),
        (
            learning,
            NodeKind::Objective,
            "Eén managementteam met mensen van alle partijen",
            &[],
            480.0,
        ),
        (
            learning,
            NodeKind::Objective,
            "Gelijke stem, consensus en veto voor elke partij",
            &[],
            800.0,
        ),
        (
            learning,
            NodeKind::Objective,
            "Eenduidig en op het juiste moment vastleggen",
            &[6],
            1120.0,
        ),
    ];
    for (i, (lane, kind, title, owners, x)) in nodes.iter().enumerate() {
        a.map_nodes.push(MapNode {
            id: i as Id + 1,
            lane: *lane,
            kind: *kind,
            title: (*title).into(),
            description: String::new(),
            owners: owners.iter().map(|p| *p as Id + 1).collect(),
            measures: String::new(),
            targets: String::new(),
            x: *x,
            dy: 0.0,
        });
    }
    // Cause → effect, by node number (1-based).
    let links: [(Id, Id); 15] = [
        (10, 6),
        (10, 7),
        (11, 7),
        (11, 8),
        (12, 8),
        (13, 9),
        (6, 2),
        (6, 3),
        (7, 2),
        (7, 4),
        (8, 3),
        (9, 5),
        (2, 1),
        (3, 1),
        (5, 1),
    ];
    for (i, (from, to)) in links.iter().enumerate() {
        a.map_links.push(MapLink {
            id: i as Id + 1,
            from: *from,
            to: *to,
            label: String::new(),
        });
    }
    a.map_links.push(MapLink {
        id: links.len() as Id + 1,
        from: 4,
        to: 1,
        label: String::new(),
    });
    // The network: the district funds every party; Dock manages the
    // Huizen van de Wijk where Doras, Civic and De Regenboog Groep program
    // (seed 000); the four share the themes. Other relations are
    // illustrative.
    let party = |i: usize| Actor::Party(i as Id + 1);
    let relation = |a: &mut Alliance, from: Actor, to: Actor, kind: RelationKind, strength: u8| {
        let id = a.relations.len() as Id + 1;
        a.relations.push(Relation {
            id,
            from,
            to,
            kind,
            strength,
            note: Default::default(),
            facilitator_only: kind == RelationKind::Tension,
        });
    };
    for i in 0..9 {
        relation(a, Actor::Commissioner, party(i), RelationKind::Funds, 3);
    }
    for i in [7, 3, 5] {
        relation(a, party(i), party(2), RelationKind::DependsOn, 3);
    }
    for (x, y) in [(7, 3), (7, 5), (3, 5), (2, 3)] {
        relation(a, party(x), party(y), RelationKind::WorksWith, 2);
    }
    relation(a, party(4), party(2), RelationKind::WorksWith, 2);
    relation(a, party(4), party(6), RelationKind::WorksWith, 1);
    relation(a, party(0), party(7), RelationKind::WorksWith, 1);
    relation(a, party(8), party(2), RelationKind::RefersTo, 1);
    relation(a, party(1), party(3), RelationKind::RefersTo, 1);
}

use Visibility::{AnonymousTheme as Anon, Confidential as Conf, Named};

/// One party's first intake: (satisfaction, words), drive, interests,
/// user manual, fears, (stance, words); each with its visibility.
struct Intake {
    day: u32,
    score: (u8, &'static str, Visibility),
    drive: (&'static str, Visibility),
    interests: (&'static str, Visibility),
    manual: (&'static str, Visibility),
    fears: (&'static str, Visibility),
    stance: (Stance, &'static str, Visibility),
}

/// The first intake round, January and February 2017, in the order of
/// `PARTIES`. The seeds quote no intake content: all of this is fictional.
const INTAKES: [Intake; 9] = [
    Intake {
        day: 16,
        score: (
            6,
            "De afspraken zijn nog vaag; we weten niet wat er van ons verwacht wordt.",
            Conf,
        ),
        drive: (
            "De buurt rond ons huis verdient één loket in plaats van negen.",
            Named,
        ),
        interests: (
            "Het behoud van onze buurtkamer en de vrijwilligers die daar werken.",
            Conf,
        ),
        manual: ("Bel eerst, mail daarna; wij zijn klein en snel.", Named),
        fears: (
            "Dat de grote partijen de agenda bepalen en wij alleen mogen uitvoeren.",
            Anon,
        ),
        stance: (
            Stance::Hesitant,
            "We doen mee als onze stem even zwaar telt.",
            Conf,
        ),
    },
    Intake {
        day: 18,
        score: (
            5,
            "Te veel tempo, te weinig tijd om onze achterban mee te nemen.",
            Conf,
        ),
        drive: (
            "Samen kunnen we bewoners doorverwijzen zonder wachtlijst.",
            Conf,
        ),
        interests: ("Continuïteit van onze subsidie na 2017.", Conf),
        manual: (
            "Geef ons stukken een week van tevoren, dan kan het bestuur meedenken.",
            Named,
        ),
        fears: ("Opgeslokt worden door een grotere organisatie.", Anon),
        stance: (
            Stance::NeedsSomethingFirst,
            "Eerst zekerheid over de verdeling van het budget.",
            Conf,
        ),
    },
    Intake {
        day: 20,
        score: (
            7,
            "De snelle overname van het participatiewerk gaf vertrouwen.",
            Named,
        ),
        drive: (
            "De Huizen van de Wijk worden pas echt van de wijk als iedereen erin programmeert.",
            Named,
        ),
        interests: (
            "Het beheer van de Huizen van de Wijk goed en betaalbaar houden.",
            Conf,
        ),
        manual: (
            "Wij denken hardop; reken ons niet af op een eerste idee.",
            Conf,
        ),
        fears: (
            "Dat beheer en inhoud van de Huizen uit elkaar groeien.",
            Conf,
        ),
        stance: (Stance::In, "Wij doen mee.", Named),
    },
    Intake {
        day: 23,
        score: (
            8,
            "We maakten een vliegende start; nu de lange adem.",
            Named,
        ),
        drive: ("Ik geloof dat we dit met elkaar kunnen realiseren.", Named),
        interests: (
            "Schuldhulp en activering dicht bij de bewoner organiseren.",
            Conf,
        ),
        manual: (
            "Direct en inhoudelijk; zeg het als je het ergens niet mee eens bent.",
            Conf,
        ),
        fears: (
            "Dat we te veel tijd in structuur steken en te weinig in bewoners.",
            Anon,
        ),
        stance: (Stance::In, "Volledig aan boord.", Named),
    },
    Intake {
        day: 25,
        score: (
            6,
            "We zitten aan tafel maar weten nog niet goed waarom.",
            Conf,
        ),
        drive: (
            "Vrijwilligers verbinden aan alle basisvoorzieningen in Noord.",
            Named,
        ),
        interests: ("Onze stedelijke rol behouden naast de wijkrol.", Conf),
        manual: (
            "Wij werken in heel Amsterdam; plan overleg niet op maandag.",
            Conf,
        ),
        fears: (
            "Dat vrijwilligerswerk als gratis arbeid wordt gezien.",
            Anon,
        ),
        stance: (
            Stance::Hesitant,
            "We willen eerst zien wat de rol van vrijwilligers wordt.",
            Conf,
        ),
    },
    Intake {
        day: 27,
        score: (7, "Comfortabel, omdat we in heel Amsterdam werken.", Conf),
        drive: (
            "De GGZ-doelgroep verbinden aan de gewone basisvoorzieningen.",
            Named,
        ),
        interests: (
            "Een plek voor onze doelgroep in de Huizen van de Wijk.",
            Conf,
        ),
        manual: (
            "Wij kijken naar de kwetsbaarste bewoner; spreek ons daarop aan.",
            Conf,
        ),
        fears: (
            "Dat kleinere partijen het gevoel krijgen dat wij ze overvleugelen.",
            Anon,
        ),
        stance: (
            Stance::In,
            "We doen mee en willen de kleinere partijen ruimte geven.",
            Conf,
        ),
    },
    Intake {
        day: 30,
        score: (5, "Er is veel gezegd en weinig vastgelegd.", Anon),
        drive: (
            "Onze eigen bewoners hebben baat bij korte lijnen met de anderen.",
            Conf,
        ),
        interests: ("Onze naam en herkenbaarheid in de buurt.", Conf),
        manual: (
            "Leg afspraken vast; dan weten we waar we aan toe zijn.",
            Named,
        ),
        fears: ("Ons bestaansrecht verliezen als het misgaat.", Anon),
        stance: (
            Stance::NeedsSomethingFirst,
            "Eerst heldere afspraken over wat we zelf blijven doen.",
            Conf,
        ),
    },
    Intake {
        day: 1,
        score: (
            7,
            "Het thematisch werken in de Huizen spreekt ons aan.",
            Conf,
        ),
        drive: (
            "Ouderen in Noord een vaste plek geven in elk Huis van de Wijk.",
            Named,
        ),
        interests: ("De coördinatie voor ouderen in de Huizen houden.", Conf),
        manual: (
            "Geef ons het thema ouderen, dan nemen we het ook echt op ons.",
            Conf,
        ),
        fears: (
            "Versnippering van ons ouderenwerk over negen organisaties.",
            Conf,
        ),
        stance: (Stance::In, "We doen mee.", Conf),
    },
    Intake {
        day: 3,
        score: (
            6,
            "Als kleine partij voelen we ons nog niet altijd gehoord.",
            Anon,
        ),
        drive: ("Kinderen in Noord nieuwsgierig maken en houden.", Named),
        interests: (
            "Een plek voor kinderactiviteiten in de Huizen van de Wijk.",
            Conf,
        ),
        manual: (
            "Wij zijn met weinig mensen; vraag ons voor één werkgroep, niet voor drie.",
            Named,
        ),
        fears: (
            "Dat onze specialistische activiteiten verdwijnen in een algemeen aanbod.",
            Conf,
        ),
        stance: (
            Stance::Hesitant,
            "We twijfelen of we de tijd kunnen vrijmaken.",
            Conf,
        ),
    },
];

/// Check-ins during the summer crisis of 2017, when "multi-party
/// agreement" made some parties pull back: (party index, score, stance).
const CHECK_INS: [(usize, u8, Stance); 5] = [
    (0, 5, Stance::NeedsSomethingFirst),
    (1, 4, Stance::NeedsSomethingFirst),
    (3, 7, Stance::In),
    (6, 4, Stance::NeedsSomethingFirst),
    (8, 6, Stance::Hesitant),
];

/// The comfort register after the summer: (party index, from whom, need,
/// status, honoured by, visibility).
const COMFORT: [(usize, ComfortFrom, &str, ComfortStatus, &str, Visibility); 9] = [
    (
        0,
        ComfortFrom::AllParties,
        "Elke partij één gelijke stem, ongeacht omvang.",
        ComfortStatus::Honoured,
        "Spelregel: gelijke stem, consensus en veto",
        Named,
    ),
    (
        1,
        ComfortFrom::Commissioner,
        "Meerjarige financiering in plaats van een jaarlijkse beschikking.",
        ComfortStatus::Honoured,
        "Looptijd van drie jaar in het convenant",
        Named,
    ),
    (
        1,
        ComfortFrom::AllParties,
        "Zekerheid dat niemand zonder instemming werk van een ander overneemt.",
        ComfortStatus::Discussed,
        "",
        Conf,
    ),
    (
        4,
        ComfortFrom::AllParties,
        "Vrijwilligers worden ingezet naast, niet in plaats van betaalde krachten.",
        ComfortStatus::Open,
        "",
        Anon,
    ),
    (
        6,
        ComfortFrom::AllParties,
        "Afspraken worden eenduidig en op tijd vastgelegd.",
        ComfortStatus::Honoured,
        "Verslagen die elk onderwerp een stap verder brengen",
        Named,
    ),
    (
        6,
        ComfortFrom::Commissioner,
        "Herkenbaarheid van de eigen organisatie richting bewoners blijft.",
        ComfortStatus::Open,
        "",
        Conf,
    ),
    (
        8,
        ComfortFrom::Party(3),
        "Ondersteuning bij de administratie van gezamenlijke projecten.",
        ComfortStatus::Discussed,
        "",
        Conf,
    ),
    (
        8,
        ComfortFrom::AllParties,
        "Een vetorecht op elk moment.",
        ComfortStatus::Honoured,
        "Spelregel: gelijke stem, consensus en veto",
        Named,
    ),
    (
        5,
        ComfortFrom::Commissioner,
        "Ruimte voor de GGZ-doelgroep in de opdracht voor de basisvoorzieningen.",
        ComfortStatus::Open,
        "",
        Anon,
    ),
];

fn add_trust(a: &mut Alliance) {
    let director = |a: &Alliance, party: Id| {
        a.people
            .iter()
            .find(|p| p.party == Some(party) && p.function == "directeur")
            .map(|p| format!("{}, directeur", p.name))
            .unwrap_or_default()
    };
    let answer = |a: &mut Alliance,
                  interview: Id,
                  question: Id,
                  text: &str,
                  score: Option<u8>,
                  stance: Option<Stance>,
                  visibility: Visibility| {
        let id = a.answers.len() as Id + 1;
        a.answers.push(Answer {
            id,
            interview,
            question,
            text: text.into(),
            score,
            stance,
            visibility,
        });
    };
    for (i, intake) in INTAKES.iter().enumerate() {
        let party = i as Id + 1;
        let interview = a.interviews.len() as Id + 1;
        let month = if intake.day >= 16 { 1 } else { 2 };
        a.interviews.push(Interview {
            id: interview,
            party,
            date: date(2017, month, intake.day),
            spoken_with: director(a, party).into(),
            notes: "Fictief voorbeeld. Eerste intake, één op één.".into(),
        });
        let (score, words, v) = intake.score;
        answer(a, interview, 1, words, Some(score), None, v);
        for (question, (text, v)) in [
            (2, intake.drive),
            (3, intake.interests),
            (4, intake.manual),
            (5, intake.fears),
        ] {
            answer(a, interview, question, text, None, None, v);
        }
        let (stance, words, v) = intake.stance;
        answer(a, interview, 6, words, None, Some(stance), v);
    }
    for (day, (i, score, stance)) in CHECK_INS.iter().enumerate() {
        let party = *i as Id + 1;
        let interview = a.interviews.len() as Id + 1;
        a.interviews.push(Interview {
            id: interview,
            party,
            date: date(2017, 7, 3 + day as u32),
            spoken_with: director(a, party).into(),
            notes: "Fictief voorbeeld. Check-in na de zomercrisis.".into(),
        });
        answer(a, interview, 1, "", Some(*score), None, Conf);
        answer(a, interview, 6, "", None, Some(*stance), Conf);
    }
    for (i, (party, from_whom, need, status, honoured_by, visibility)) in COMFORT.iter().enumerate()
    {
        a.comfort_needs.push(ComfortNeed {
            id: i as Id + 1,
            party: *party as Id + 1,
            from_whom: match from_whom {
                ComfortFrom::Party(p) => ComfortFrom::Party(p + 1),
                other => *other,
            },
            need: (*need).into(),
            status: *status,
            honoured_by: (*honoured_by).into(),
            noted: date(2017, 8, 28),
            visibility: *visibility,
        });
    }
}

/// A work plan of `lines` lines over the region's ten focal points (each
/// taking up three of its wishes, led by one party with two others, half
/// with a mandate to give), with progress recorded at meetings 10, 20
/// and 30: what the region's meeting packs report on.
fn regional_work_plan(a: &mut Alliance, parties: usize, lines: usize) {
    use crate::domain::{Mandate, PlanLine, PlanProgress, PlanStatus};
    let statuses = PlanStatus::ALL;
    let start = NaiveDate::from_ymd_opt(2025, 2, 1).unwrap_or_default();
    let party = |k: usize| (k % parties) as Id + 1;
    for i in 1..=lines {
        let f = (i - 1) % 10 + 1;
        let lead = party(i * 7);
        let mut others = vec![party(i * 11 + 1), party(i * 13 + 2)];
        others.retain(|p| *p != lead);
        others.dedup();
        let items: Vec<Id> = a
            .agenda_items
            .iter()
            .filter(|x| x.focal_point == Some(f as Id))
            .skip(((i - 1) / 10 * 3) % 30)
            .take(3)
            .map(|x| x.id)
            .collect();
        a.plan_lines.push(PlanLine {
            id: i as Id,
            focal_point: f as Id,
            position: i as i64,
            what: format!("Actie {i}: de werkgroep werkt de aanpak uit en legt die voor"),
            lead: Some(lead),
            lead_person: a
                .people
                .iter()
                .find(|p| p.party == Some(lead))
                .map(|p| p.id),
            parties: others,
            start: Some(start),
            due: Some(start + chrono::Duration::days(30 * (i % 12) as i64 + 14)),
            mandate: match i % 4 {
                0 => Mandate::Body((i % 15) as Id + 1),
                1 => Mandate::Party(lead),
                _ => Mandate::None,
            },
            mandate_given: (i % 8 == 0).then_some(start),
            status: statuses[i % 4],
            items,
            added: None,
        });
    }
    for (k, meeting) in [10, 20, 30].into_iter().enumerate() {
        for i in 1..=lines {
            a.plan_progress.push(PlanProgress {
                id: a.plan_progress.len() as Id + 1,
                line: i as Id,
                meeting,
                status: statuses[(i + k) % 4],
                text: format!("Stand bij overleg {meeting}: de eerste stap is gezet."),
            });
        }
    }
}

/// A large synthetic strategy map of `nodes` nodes and `links` arrows over
/// the default lanes, and a network of relations among `parties` parties,
/// for benchmarks and stress tests.
pub fn large_maps(parties: usize, nodes: usize, links: usize) -> Alliance {
    use crate::domain::{Actor, MapLink, MapNode, Relation, RelationKind, strategy::default_lanes};
    let mut a = large(parties, 1);
    a.lanes = default_lanes(false);
    let per_lane = nodes.div_ceil(4).max(1);
    for i in 0..nodes {
        a.map_nodes.push(MapNode {
            id: i as Id + 1,
            lane: (i / per_lane) as Id % 4 + 1,
            title: format!("Doel {} met een titel van enige lengte", i + 1),
            owners: vec![(i % parties.max(1)) as Id + 1],
            x: (i % per_lane) as f32 * 300.0 + 150.0,
            ..MapNode::default()
        });
    }
    let mut made = 0;
    let mut step = 1;
    while made < links && nodes > 1 {
        for i in 0..nodes {
            let j = (i + step) % nodes;
            if made == links {
                break;
            }
            a.map_links.push(MapLink {
                id: made as Id + 1,
                from: i as Id + 1,
                to: j as Id + 1,
                label: String::new(),
            });
            made += 1;
        }
        step += 1;
    }
    // Relations: each party with the next, then the one after, and so on,
    // until there are as many relations as arrows (or no pairs are left).
    let mut step = 1;
    while a.relations.len() < links && step < parties {
        for i in 0..parties {
            if a.relations.len() == links {
                break;
            }
            let id = a.relations.len() as Id + 1;
            a.relations.push(Relation {
                id,
                from: Actor::Party(i as Id + 1),
                to: Actor::Party(((i + step) % parties) as Id + 1),
                kind: RelationKind::WorksWith,
                strength: 2,
                note: Default::default(),
                facilitator_only: false,
            });
        }
        step += 1;
    }
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
        ..Body::default()
    });
    a.bodies.push(Body {
        id: 2,
        name: "Managementteam".into(),
        kind: BodyKind::ManagementTeam,
        mandate: String::new(),
        ..Body::default()
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
        staff(&mut a, party, people_per_party, |k| k as Id + 1);
    }
    a
}

/// `count` people of a generated party; the first two each hold a seat, at
/// the table `table(k)` gives.
fn staff(a: &mut Alliance, party: Id, count: usize, table: impl Fn(usize) -> Id) {
    for k in 0..count {
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
                body: table(k),
                person: id,
                role: "lid".into(),
            });
        }
    }
}

/// Samen Noord with one more meeting whose agenda has `slots` items, each
/// with a long background: a meeting pack of many pages, for the PDF
/// benchmark and tests. Returns the alliance and the meeting's id.
pub fn long_meeting(slots: usize) -> (Alliance, Id) {
    let mut a = samen_noord();
    let id = a.meetings.iter().map(|m| m.id).max().unwrap_or(0) + 1;
    a.meetings.push(crate::domain::Meeting {
        id,
        body: a.bodies.first().map(|b| b.id),
        title: "Stuurgroep: jaarplan en evaluatie".into(),
        date: NaiveDate::from_ymd_opt(2018, 1, 15),
        start: "14:00".into(),
        end: "17:00".into(),
        place: "Huis van de Wijk Waterlandplein".into(),
        ..crate::domain::Meeting::default()
    });
    let first = a.agenda_slots.iter().map(|s| s.id).max().unwrap_or(0) + 1;
    let paragraph = "De werkgroep heeft met alle partijen gesproken over wat er in het \
        afgelopen halfjaar is bereikt en waar het schuurde. Bewoners weten de Huizen van \
        de Wijk beter te vinden, maar de programmering is nog versnipperd en niet elke \
        partij ziet haar eigen doelgroep terug. Het voorstel is om per kwartaal één \
        gezamenlijk programma te maken, met een vaste contactpersoon per partij en een \
        korte evaluatie na afloop, zodat het volgende overleg vanuit consensus kan \
        beginnen.";
    for i in 0..slots {
        a.agenda_slots.push(crate::domain::AgendaSlot {
            id: first + i as Id,
            meeting: id,
            position: i as i64,
            title: format!("Onderwerp {}: voortgang en volgende stap", i + 1),
            background: format!("{paragraph}\n\n{paragraph}"),
            minutes: paragraph.into(),
            next_step: "De werkgroep werkt het voorstel uit en legt het voor aan de stuurgroep."
                .into(),
            ..crate::domain::AgendaSlot::default()
        });
    }
    (a, id)
}

/// A regional network, for the panels benchmark and scale tests (issue 15,
/// seed 003): at `scale` 1, 150 parties with 7 people each (1,050), 15
/// bodies with about 300 seats, 500 map nodes and 800 arrows, 800
/// relations, 150 intake interviews with their answers, 150 comfort needs,
/// 300 wishes in 10 focal points, 102 ground rules with check-ins, 68
/// consensus rounds with every party's stance, and 100 meetings with
/// agendas, attendance and actions. `scale` 2 doubles the register.
/// Built once per scale and process (its fair lottery takes a moment) and
/// handed out as a copy.
pub fn regional(scale: usize) -> Alliance {
    static BUILT: std::sync::Mutex<Vec<(usize, Alliance)>> = std::sync::Mutex::new(Vec::new());
    let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, a)) = built.iter().find(|(s, _)| *s == scale) {
        return a.clone();
    }
    let a = build_regional(scale);
    built.push((scale, a.clone()));
    a
}

/// Long for a reason: example data, written out record by record as a
/// facilitator would enter it.
fn build_regional(scale: usize) -> Alliance {
    use crate::domain::Response;
    use crate::domain::{
        Action, AgendaItem, AgendaSlot, Answer, Attendance, Checkin, ComfortNeed, FocalPoint,
        GroundRule, Interview, Meeting, Round, RoundStatus, Vote, intake::default_guide,
    };
    let parties = 150 * scale.max(1);
    let mut a = large_maps(parties, 500, 800);
    a.info.name = "Regio Zaanstreek-Waterland".into();
    // People: 7 per party.
    a.people.clear();
    a.memberships.clear();
    a.bodies.clear();
    for b in 1..=15 {
        a.bodies.push(Body {
            id: b,
            name: format!("Tafel {b}"),
            kind: if b == 1 {
                BodyKind::SteeringGroup
            } else {
                BodyKind::WorkingGroup
            },
            mandate: "Bespreekt de voortgang en besluit bij consensus.".into(),
            ..Body::default()
        });
    }
    for p in 1..=parties as Id {
        // About 2 seats per party, spread over the bodies.
        staff(&mut a, p, 7, |k| ((p as usize * 2 + k) % 15) as Id + 1);
    }
    a.questions = default_guide(false);
    let questions: Vec<Id> = a.questions.iter().map(|q| q.id).collect();
    for p in 1..=parties as Id {
        a.interviews.push(Interview {
            id: p,
            party: p,
            spoken_with: format!("Directeur van partij {p}").into(),
            notes: "Eerste intake.".into(),
            ..Interview::default()
        });
        for q in &questions {
            a.answers.push(Answer {
                id: a.answers.len() as Id + 1,
                interview: p,
                question: *q,
                text: format!("Antwoord van partij {p} op vraag {q}.").into(),
                ..Answer::default()
            });
        }
        a.comfort_needs.push(ComfortNeed {
            id: p,
            party: p,
            need: format!("Partij {p} wil zeker weten dat haar budget blijft.").into(),
            ..ComfortNeed::default()
        });
    }
    for f in 1..=10 {
        a.focal_points.push(FocalPoint {
            id: f,
            position: f,
            name: format!("Zwaartepunt {f}"),
            description: "Wat de partijen samen willen bereiken.".into(),
        });
    }
    for i in 1..=300 {
        a.agenda_items.push(AgendaItem {
            id: i,
            party: (i as usize % parties) as Id + 1,
            title: format!("Wens {i}"),
            problem: "Bewoners vinden de weg niet.".into(),
            depends_on: vec![((i as usize + 3) % parties) as Id + 1],
            focal_point: Some(i % 10 + 1),
        });
    }
    a.ground_rules.clear();
    for r in 1..=102 {
        a.ground_rules.push(GroundRule {
            id: r,
            text: format!("Spelregel {r}: we houden ons aan de afspraken."),
            ..GroundRule::default()
        });
        for p in 1..=10 {
            a.checkins.push(Checkin {
                id: a.checkins.len() as Id + 1,
                rule: r,
                party: p,
                date: NaiveDate::from_ymd_opt(2025, 1 + (p as u32 % 12), 1),
                score: 3,
                ..Default::default()
            });
        }
    }
    for r in 1..=68 {
        a.rounds.push(Round {
            id: r,
            proposal: format!("Voorstel {r}: zo gaan we het doen."),
            voters: (1..=parties as Id).collect(),
            revealed: true,
            status: RoundStatus::Adopted,
            opened: NaiveDate::from_ymd_opt(2025, 3, 1),
            decided: NaiveDate::from_ymd_opt(2025, 3, 1),
            ..Round::default()
        });
        for p in 1..=parties as Id {
            a.votes.push(Vote {
                id: a.votes.len() as Id + 1,
                round: r,
                party: p,
                value: 1,
                ..Vote::default()
            });
        }
    }
    for m in 1..=100 {
        let body = (m % 15) + 1;
        a.meetings.push(Meeting {
            id: m,
            body: Some(body),
            title: format!("Overleg {m}"),
            date: NaiveDate::from_ymd_opt(2025, 1, 1).map(|d| d + chrono::Duration::days(m * 7)),
            start: "14:00".into(),
            end: "16:00".into(),
            place: "Gemeentehuis".into(),
            ..Meeting::default()
        });
        for s in 0..4 {
            a.agenda_slots.push(AgendaSlot {
                id: a.agenda_slots.len() as Id + 1,
                meeting: m,
                position: s,
                title: format!("Punt {}", s + 1),
                background: "Achtergrond bij het punt.".into(),
                ..AgendaSlot::default()
            });
        }
        for seat in a.memberships.iter().filter(|x| x.body == body) {
            a.attendance.push(Attendance {
                id: a.attendance.len() as Id + 1,
                meeting: m,
                person: seat.person,
                present: true,
            });
        }
        a.actions.push(Action {
            id: m,
            meeting: m,
            what: "Voorstel uitwerken".into(),
            ..Action::default()
        });
    }
    regional_work_plan(&mut a, parties, 100);
    // The first table is a representative one: 12 seats by a recorded
    // draw with quotas, as the region's board table (seed 003).
    if let Some(b) = a.bodies.first_mut() {
        b.seats = 12;
    }
    let quotas = vec![
        crate::domain::SeatQuota {
            category: crate::domain::Category::Size,
            value: "small".into(),
            min: 2,
            max: 12,
        },
        crate::domain::SeatQuota {
            category: crate::domain::Category::Kind,
            value: "care".into(),
            min: 3,
            max: 6,
        },
    ];
    region::seat_by_draw(
        &mut a,
        1,
        NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
        Some(quotas),
        &["3", "5", "1", "6"],
    );
    // Three comment rounds on the work plan's first parts, every party
    // commenting on each: the first processed and published.
    for r in 1..=3i64 {
        a.comment_rounds.push(crate::domain::CommentRound {
            id: r,
            title: format!("Werkagenda deel {r}"),
            draft: crate::domain::Draft::FocalPoint(r),
            opened: NaiveDate::from_ymd_opt(2026, 2, 1),
            due: NaiveDate::from_ymd_opt(2026, 2, 22),
            published: (r == 1).then(|| NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default()),
        });
        for p in 1..=parties as Id {
            let answered = r == 1 || p % 3 == 0;
            a.comments.push(crate::domain::Comment {
                id: a.comments.len() as Id + 1,
                round: r,
                party: p,
                part: format!("regel {}", p % 7 + 1),
                text: crate::domain::Confidential::new(format!(
                    "Partij {p} vraagt de planning van regel {} een kwartaal op te schuiven.",
                    p % 7 + 1
                )),
                facilitator_only: p % 25 == 0,
                via: crate::domain::CommentVia::Typed,
                response: if answered {
                    [Response::Adopted, Response::NotAdopted, Response::Partly][p as usize % 3]
                } else {
                    Response::Open
                },
                why: if answered {
                    "Besproken in de werkgroep.".into()
                } else {
                    String::new()
                },
                ..Default::default()
            });
        }
    }
    a
}
