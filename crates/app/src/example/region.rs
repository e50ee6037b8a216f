//! A generated care region as seed 003 (K2) describes one: 9 municipalities
//! that commission together and 50 contracted providers, too many for one
//! table. The municipalities put 10 providers at a quarterly board table by
//! a recorded draw with quotas, and a year later half the seats rotate.
//! Relations form two clusters (the north and the south of the region)
//! joined by one provider that works in both. All names are fictional.

use chrono::NaiveDate;

use crate::domain::table::{Category, SeatQuota};
use crate::domain::{
    Actor, Alliance, Body, BodyKind, Commissioner, Id, Party, PartyKind, Person, Phase, Relation,
    RelationKind, Scale, Subject, Via, Vote,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The municipalities, north first: the first five are the north cluster.
pub const MUNICIPALITIES: [&str; 9] = [
    "Tubbergen",
    "Dinkelland",
    "Oldenzaal",
    "Losser",
    "Almelo",
    "Borne",
    "Hengelo",
    "Haaksbergen",
    "Hof van Twente",
];

const THEMES: [&str; 6] = [
    "jeugdzorg",
    "ggz",
    "ouderenzorg",
    "wijkteam",
    "beschermd wonen",
    "dagbesteding",
];

const FIRST: [&str; 10] = [
    "De Linde",
    "Het Anker",
    "Zonnehof",
    "De Brug",
    "Kompas",
    "Horizon",
    "De Esch",
    "Twentse Zorg",
    "Noaberhoes",
    "Het Kruispunt",
];
const KIND: [&str; 5] = [
    "Jeugdhulp",
    "Zorggroep",
    "Stichting",
    "Thuiszorg",
    "Begeleiding",
];

/// The region example. Built once per process (its fair lotteries take
/// a moment to compute) and handed out as a copy.
pub fn region() -> Alliance {
    static REGION: std::sync::OnceLock<Alliance> = std::sync::OnceLock::new();
    REGION.get_or_init(build).clone()
}

fn build() -> Alliance {
    let mut a = Alliance::named("Zorgregio Twente-Oost");
    a.info.commissioner = Commissioner {
        name: "Gemeente Hengelo (namens de negen gemeenten)".into(),
        contact: "inkoop@zorgregio-voorbeeld.nl".into(),
        notes: String::new(),
        // Hengelo commissions for the nine and sits at the table as one of
        // them (seed 004: verschillende petten): one actor on the map.
        party: Some(7),
    };
    a.info.ambition =
        "Samen de jeugdzorg en de Wmo in de regio dicht bij huis en betaalbaar houden.".into();
    a.info.term_start = Some(day(2025, 1, 1));
    a.info.term_end = Some(day(2028, 12, 31));
    a.info.phase = Phase::Execution;

    // The municipalities, then the providers.
    for (i, m) in MUNICIPALITIES.iter().enumerate() {
        a.parties.push(Party {
            id: i as Id + 1,
            name: format!("Gemeente {m}"),
            kind: PartyKind::Municipality,
            staff: Some(300 + 97 * i as u32),
            service_area: (*m).into(),
            services: vec!["inkoop".into(), "wijkteam".into()],
            ..Party::default()
        });
    }
    for k in 0..50usize {
        let id = 10 + k as Id;
        let theme = THEMES[k % THEMES.len()];
        let second = THEMES[(k * 7 + 3) % THEMES.len()];
        let mut services = vec![theme.to_string()];
        if second != theme && k % 3 == 0 {
            services.push(second.to_string());
        }
        // Sizes: one in three small, one in five large.
        let staff = match k % 15 {
            0 | 3 | 6 | 9 | 12 => 12 + (k as u32 * 5) % 35,
            5 | 10 => 260 + k as u32 * 11,
            _ => 60 + (k as u32 * 13) % 180,
        };
        // North providers work in the north, south ones in the south; the
        // connector (k = 0) works in the whole region.
        let north = k % 2 == 1;
        let area = if k == 0 {
            "Twente".to_string()
        } else if north {
            MUNICIPALITIES[(k / 2) % 5].to_string()
        } else {
            MUNICIPALITIES[5 + (k / 2) % 4].to_string()
        };
        let kind = if theme == "wijkteam" || theme == "dagbesteding" {
            PartyKind::Welfare
        } else {
            PartyKind::Care
        };
        a.parties.push(Party {
            id,
            name: format!(
                "{} {}",
                KIND[k % KIND.len()],
                FIRST[(k * 3 + k / 10) % FIRST.len()]
            ) + &if k >= 10 {
                format!(" {}", area)
            } else {
                String::new()
            },
            kind,
            staff: Some(staff),
            service_area: area,
            services,
            ..Party::default()
        });
    }
    dedup_names(&mut a);
    // One or two people a party: a director, and a contract manager for
    // the larger ones.
    for p in a.parties.clone() {
        for (n, function) in ["bestuurder", "contractmanager"].iter().enumerate() {
            if n == 1 && p.staff.unwrap_or(0) < 100 {
                continue;
            }
            let id = a.people.len() as Id + 1;
            a.people.push(Person {
                id,
                // Every pair of names once (for up to 144 people): no one
                // seems to sit for two parties.
                name: format!(
                    "{} {}",
                    GIVEN[id as usize % GIVEN.len()],
                    FAMILY[(id as usize / GIVEN.len() + id as usize) % FAMILY.len()]
                ),
                party: Some(p.id),
                function: (*function).into(),
                email: format!("persoon{id}@voorbeeld.nl"),
                joined: Some(day(2024, 9, 1)),
                left: None,
            });
        }
    }
    a.bodies.push(Body {
        id: 1,
        name: "Bestuurstafel".into(),
        kind: BodyKind::SteeringGroup,
        mandate: "Stelt namens het netwerk het inkoopkader en de regionale afspraken vast; komt elk kwartaal bijeen.".into(),
        seats: 10,
        term_years: 2,
    });
    a.bodies.push(Body {
        id: 2,
        name: "Regiegroep gemeenten".into(),
        kind: BodyKind::ManagementTeam,
        mandate: "De negen gemeenten als opdrachtgever.".into(),
        ..Body::default()
    });
    for m in 1..=9 {
        let person = a.people.iter().find(|p| p.party == Some(m)).map(|p| p.id);
        if let Some(person) = person {
            let id = a.memberships.len() as Id + 1;
            a.memberships.push(crate::domain::Membership {
                id,
                body: 2,
                person,
                role: if m == 7 {
                    "procesregisseur".into()
                } else {
                    String::new()
                },
            });
        }
    }
    relations(&mut a);
    seat_the_table(&mut a);
    a
}

const GIVEN: [&str; 12] = [
    "Anouk", "Bram", "Carla", "Daan", "Eva", "Freek", "Gerda", "Hamza", "Ingrid", "Joost", "Karin",
    "Luuk",
];
const FAMILY: [&str; 12] = [
    "Oude Wesselink",
    "Kamphuis",
    "Nijhuis",
    "Ter Horst",
    "Bruggink",
    "Pots",
    "Klein Gunnewiek",
    "Lammers",
    "Wolters",
    "Haverkate",
    "Smit",
    "Engbers",
];

/// Generated names that came out twice get a number.
fn dedup_names(a: &mut Alliance) {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for p in &mut a.parties {
        let n = seen.entry(p.name.clone()).or_default();
        *n += 1;
        if *n > 1 {
            p.name = format!("{} {}", p.name, n);
        }
    }
}

/// Two clusters: the north providers and municipalities work with each
/// other, and so do the south ones; provider 10 (regional) is the one that
/// works with both.
fn relations(a: &mut Alliance) {
    let north: Vec<Id> = a
        .parties
        .iter()
        .filter(|p| p.id != 10 && MUNICIPALITIES[..5].contains(&p.service_area.as_str()))
        .map(|p| p.id)
        .collect();
    let south: Vec<Id> = a
        .parties
        .iter()
        .filter(|p| p.id != 10 && MUNICIPALITIES[5..].contains(&p.service_area.as_str()))
        .map(|p| p.id)
        .collect();
    let add = |a: &mut Alliance, from: Id, to: Id, kind: RelationKind, strength: u8| {
        let id = a.relations.len() as Id + 1;
        a.relations.push(Relation {
            id,
            from: Actor::Party(from),
            to: Actor::Party(to),
            kind,
            strength,
            note: Default::default(),
            facilitator_only: false,
        });
    };
    for cluster in [&north, &south] {
        let n = cluster.len();
        for (i, from) in cluster.iter().enumerate() {
            // A ring and two chords each: dense within, nothing across.
            for step in [1, 3] {
                let to = cluster[(i + step) % n];
                if to != *from {
                    let kind = if a
                        .party(*from)
                        .is_some_and(|p| p.kind == PartyKind::Municipality)
                    {
                        RelationKind::Funds
                    } else if step == 3 {
                        RelationKind::RefersTo
                    } else {
                        RelationKind::WorksWith
                    };
                    add(a, *from, to, kind, if step == 1 { 3 } else { 2 });
                }
            }
        }
    }
    // The connector.
    for to in [north[0], north[4], south[0], south[5]] {
        add(a, 10, to, RelationKind::WorksWith, 3);
    }
    add(a, 7, 10, RelationKind::Funds, 2);
}

/// The board table's first draw on 15 January 2025 (10 seats, quotas, the
/// dice of the kick-off meeting), the yearly rotation of 15 January 2026,
/// and a round the table decided.
fn seat_the_table(a: &mut Alliance) {
    let quotas = vec![
        SeatQuota {
            category: Category::Theme,
            value: "jeugdzorg".into(),
            min: 2,
            max: 10,
        },
        SeatQuota {
            category: Category::Size,
            value: "small".into(),
            min: 1,
            max: 10,
        },
        SeatQuota {
            category: Category::Theme,
            value: "ggz".into(),
            min: 1,
            max: 10,
        },
    ]
    .into_iter()
    .chain(MUNICIPALITIES.iter().map(|m| SeatQuota {
        category: Category::Area,
        value: (*m).into(),
        min: 0,
        max: 3,
    }))
    .collect::<Vec<_>>();
    seat_by_draw(
        a,
        1,
        day(2025, 1, 15),
        Some(quotas),
        &["4", "6", "1", "3", "5", "2", "6", "4"],
    );
    seat_by_draw(
        a,
        1,
        day(2026, 1, 15),
        None,
        &["2", "5", "5", "1", "3", "6"],
    );

    // A round put to the table: only its seated parties vote.
    let today = day(2026, 3, 12);
    let e = a.open_round_in(
        "Het inkoopkader 2027 wordt vastgesteld zoals besproken, met een vaste tarievenronde in het voorjaar."
            .into(),
        Subject::Free,
        Scale::Consent,
        today,
        None,
        Some(1),
    );
    apply(a, &e);
    let round = a.rounds.last().map(|r| r.id).unwrap_or_default();
    let voters = a.round(round).map(|r| r.voters.clone()).unwrap_or_default();
    for p in voters {
        let e = a.put_vote(Vote {
            id: 0,
            round,
            party: p,
            value: 1,
            via: Via::InRoom,
            entered_by: "Procesregisseur".into(),
            entered_at: "2026-03-12T10:30:00+01:00".into(),
            ..Vote::default()
        });
        apply(a, &e);
    }
    if let Some(e) = a.conclude_round(
        round,
        crate::domain::RoundStatus::Adopted,
        today,
        String::new(),
    ) {
        apply(a, &e);
    }
}

/// Prepare, fix, roll and make a draw for a body's table on `date`.
pub(super) fn seat_by_draw(
    a: &mut Alliance,
    body: Id,
    date: NaiveDate,
    quotas: Option<Vec<SeatQuota>>,
    dice: &[&str],
) {
    let Some(e) = a.prepare_draw(body, date) else {
        return;
    };
    apply(a, &e);
    let Some(mut d) = a.draws_of(body).last().map(|d| (*d).clone()) else {
        return;
    };
    if let Some(q) = quotas {
        d.quotas = q;
        let e = a.update(d.clone());
        apply(a, &e);
    }
    let Ok(e) = a.fix_draw(d.id) else {
        return;
    };
    apply(a, &e);
    let Some(mut d) = a.seat_draw(d.id).cloned() else {
        return;
    };
    d.dice = dice.iter().map(|s| s.to_string()).collect();
    let e = a.update(d.clone());
    apply(a, &e);
    if let Ok(e) = a.run_draw(d.id) {
        apply(a, &e);
    }
}

fn apply(a: &mut Alliance, e: &crate::domain::Edit) {
    if let Err(err) = a.apply(e) {
        debug_assert!(false, "the region example's edit was refused: {err}");
    }
}
