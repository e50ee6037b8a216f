//! `samenspel serve`: the phones' server for one meeting, driven from the terminal.

use super::*;

/// The meeting a room serves: the one asked for, else today's, else the
/// next, else the last.
pub fn room_meeting(
    a: &crate::domain::Alliance,
    asked: Option<crate::domain::Id>,
    today: chrono::NaiveDate,
    lang: crate::i18n::Lang,
) -> Result<crate::domain::Id, Failure> {
    if let Some(id) = asked {
        return a.meeting(id).map(|m| m.id).ok_or_else(|| {
            Failure(lang.pick(
                format!("Deze alliantie heeft geen vergadering {id}."),
                format!("There is no meeting {id} in this alliance."),
            ))
        });
    }
    let dated = |pick: &dyn Fn(chrono::NaiveDate) -> bool| {
        a.meetings
            .iter()
            .filter(|m| m.date.is_some_and(pick))
            .min_by_key(|m| (m.date, m.id))
            .map(|m| m.id)
    };
    dated(&|d| d == today)
        .or_else(|| dated(&|d| d > today))
        .or_else(|| {
            a.meetings
                .iter()
                .max_by_key(|m| (m.date, m.id))
                .map(|m| m.id)
        })
        .ok_or_else(|| Failure("This alliance has no meetings; plan one first.".into()))
}

/// The network the phones are on, when `--bind` does not say: the first
/// interface by name is often a VPN's or a bridge's, so the facilitator
/// chooses from the list (on a terminal), and a script is told to say it.
pub(super) fn choose_network(lang: crate::i18n::Lang) -> Result<std::net::SocketAddr, Failure> {
    use std::io::IsTerminal;
    let networks = crate::room::interfaces();
    let port = crate::room::DEFAULT_PORT;
    if networks.is_empty() {
        return Err(Failure(lang.pick(
            format!("Geen netwerk gevonden: verbind met het netwerk van de zaal, of probeer het op deze computer met --bind 127.0.0.1:{port}."),
            format!("No network found: join the room's network, or try it on this computer with --bind 127.0.0.1:{port}."),
        )));
    }
    let listing: Vec<String> = networks
        .iter()
        .enumerate()
        .map(|(i, (name, ip))| format!("  {}. {ip}:{port}  ({name})", i + 1))
        .collect();
    let listing = listing.join("\n");
    if !std::io::stdin().is_terminal() {
        return Err(Failure(lang.pick(
            format!("Zeg met --bind ADRES:POORT op welk netwerk de telefoons zitten:\n{listing}"),
            format!("Say with --bind ADDRESS:PORT which network the phones are on:\n{listing}"),
        )));
    }
    eprint!(
        "{}\n{listing}\n{} ",
        lang.pick(
            "Op welk netwerk zitten de telefoons?",
            "Which network are the phones on?"
        ),
        lang.pick("Nummer (1):", "Number (1):")
    );
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let chosen = match line.trim() {
        "" => Some(0),
        n => n.parse::<usize>().ok().and_then(|n| n.checked_sub(1)),
    };
    match chosen.and_then(|i| networks.get(i)) {
        Some((_, ip)) => Ok(std::net::SocketAddr::new(*ip, port)),
        None => Err(Failure(lang.pick(
            format!(
                "Geen netwerk met dat nummer: kies 1 tot {}.",
                networks.len()
            ),
            format!(
                "No network with that number: choose 1 to {}.",
                networks.len()
            ),
        ))),
    }
}

pub(super) fn serve(
    file: &Path,
    meeting: Option<crate::domain::Id>,
    bind: Option<std::net::SocketAddr>,
    cards: Option<&Path>,
    keep_cards: bool,
    lang: Option<LangArg>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    use std::sync::Arc;
    let mut doc = Document::open_at(file, crate::clock::from_env())?;
    let lang = LangArg::or_alliance(lang, doc.alliance());
    doc.writable()?;
    let today = crate::clock::from_env().today();
    let meeting = room_meeting(doc.alliance(), meeting, today, lang)?;
    let bind = match bind {
        Some(bind) => bind,
        None => choose_network(lang)?,
    };
    if bind.ip().is_unspecified() {
        return Err(Failure(lang.pick(
            format!(
                "Luister op het adres van één netwerk (zoals 192.168.4.1:{}), niet op {}: de kaarten hebben een adres nodig dat de telefoons bereiken.",
                bind.port(),
                bind.ip()
            ),
            format!(
                "Listen on one interface's address (such as 192.168.4.1:{}), not {}: the cards need an address the phones can reach.",
                bind.port(),
                bind.ip()
            ),
        )));
    }
    let mut session = crate::room::Session::start(&doc, meeting, bind, lang, Arc::new(|| {}))
        .map_err(|e| {
            Failure(format!(
                "{}.",
                lang.tr(crate::i18n::T::RoomStartFailed)
                    .replace("{address}", &bind.to_string())
                    .replace("{detail}", &e.to_string())
            ))
        })?;
    let address = session.address().to_string();
    let parties = doc.alliance().ballot_parties(meeting, today);
    if keep_cards {
        // The cards handed out go on working; say which parties have one.
        let a = doc.alliance();
        let live = a.live_ballots(meeting);
        if live.is_empty() {
            return Err(Failure(lang.pick(
                format!(
                    "Vergadering {meeting} heeft nog geen stemkaarten: start serve zonder --keep-cards om ze uit te geven."
                ),
                format!(
                    "Meeting {meeting} has no ballot cards yet: run serve without --keep-cards to issue them."
                ),
            )));
        }
        if let Some(b) = live.iter().find(|b| b.address != address) {
            eprintln!(
                "{}",
                lang.pick(
                    format!(
                        "De kaarten zijn gedrukt voor {}, maar deze server luistert op {address}; hun links komen hier alleen aan als dat hetzelfde adres is.",
                        b.address
                    ),
                    format!(
                        "The cards were printed for {}, but this server is listening on {address}; their links only reach it if that is the same address.",
                        b.address
                    ),
                )
            );
        }
        for b in &live {
            writeln!(
                out,
                "{}\t{}",
                one_line(a.party_name(Some(b.party))),
                lang.pick(
                    format!("(kaart uitgegeven {})", b.issued),
                    format!("(card issued {})", b.issued)
                )
            )?;
        }
        out.flush()?;
        return serve_until_closed(&mut doc, session, meeting, lang, out);
    }
    let (edit, links) = crate::room::issue(
        doc.alliance(),
        meeting,
        &parties,
        &address,
        &crate::clock::from_env().stamp(),
    );
    doc.perform(edit)?;
    session.refresh(&doc);
    if let Some(path) = cards {
        let bytes = crate::report::ballots::cards(doc.alliance(), meeting, &links, lang)
            .ok_or_else(|| {
                Failure(lang.pick(
                    format!("Deze alliantie heeft geen vergadering {meeting}."),
                    format!("There is no meeting {meeting} in this alliance."),
                ))
            })?;
        crate::store::write_private(path, &bytes).map_err(|e| {
            Failure(lang.pick(
                format!("Kon {} niet schrijven: {e}.", path.display()),
                format!("Could not write {}: {e}.", path.display()),
            ))
        })?;
    }
    let a = doc.alliance();
    // On a screen (a mirrored one shows the room), the links are ballots:
    // said first, on the error stream, so the output stays the lines.
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        eprintln!(
            "{}",
            lang.pick(
                "Let op: elke link hieronder is de stemkaart van een partij. Toon dit scherm niet op de beamer.",
                "Note: every link below is a party's ballot card. Do not show this screen on the projector.",
            )
        );
    }
    for (party, link) in &links {
        writeln!(out, "{}\t{link}", one_line(a.party_name(Some(*party))))?;
    }
    out.flush()?;
    serve_until_closed(&mut doc, session, meeting, lang, out)
}

/// Record the phones' stances until standard input closes (or Ctrl+C).
pub(super) fn serve_until_closed(
    doc: &mut Document,
    mut session: crate::room::Session,
    meeting: crate::domain::Id,
    lang: crate::i18n::Lang,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let title = doc
        .alliance()
        .meeting(meeting)
        .map(|m| m.title.clone())
        .unwrap_or_default();
    let address = session.address();
    eprintln!(
        "{}",
        lang.pick(
            format!(
                "De stemkaarten voor ‘{title}’ staan klaar op http://{address}; stop met Ctrl+C of door de invoer te sluiten. Typ 'status', 'reveal RONDE', 'absent RONDE PARTIJ', 'checkin' of 'show-checkin' om de zaal te leiden."
            ),
            format!(
                "Serving the ballot cards for '{title}' at http://{address}; press Ctrl+C or close standard input to stop. Type 'status', 'reveal ROUND', 'absent ROUND PARTY', 'checkin' or 'show-checkin' to steer the room."
            ),
        )
    );
    // Standard input: the facilitator's commands, a line each; closing it
    // stops the room (tests, scripts).
    let (lines, commands) = std::sync::mpsc::channel::<Option<String>>();
    std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::stdin().lock()) {
            match line {
                Ok(line) => {
                    if lines.send(Some(line)).is_err() {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        let _ = lines.send(None);
    });
    loop {
        session.pump_waiting(doc, std::time::Duration::from_millis(100));
        match commands.try_recv() {
            Ok(Some(line)) if !line.trim().is_empty() => {
                let answer = serve_command(doc, meeting, line.trim(), lang);
                session.refresh(doc);
                writeln!(out, "{answer}")?;
                out.flush()?;
            }
            Ok(Some(_)) | Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
        }
    }
    session.stop();
    eprintln!(
        "{}",
        lang.pick(
            "Gestopt: de invoer is gesloten.",
            "Stopped: standard input closed."
        )
    );
    Ok(())
}

/// One command typed to `serve`: `status`, `reveal ROUND`, `absent
/// ROUND PARTY` (the party by number or name), `checkin` (put the adopted
/// ground rules to the phones) or `show-checkin` (show its distribution).
/// The reveal is the same commitment as the window's, refused while a
/// party has neither cast nor been recorded absent. The answer is one line
/// in `lang`.
///
/// Long for a reason: one arm per command the terminal may type, each
/// answered in one line; the commitments themselves are the domain's.
pub(super) fn serve_command(
    doc: &mut Document,
    meeting: crate::domain::Id,
    line: &str,
    lang: crate::i18n::Lang,
) -> String {
    use crate::domain::{Round, RoundStatus};
    let a = doc.alliance();
    let open_checkin = a.checkin_rounds_of(meeting).find(|r| !r.shown);
    let names = |ids: &[crate::domain::Id]| {
        ids.iter()
            .map(|p| one_line(a.party_name(Some(*p))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let round_of = |word: Option<&&str>| -> Result<&Round, String> {
        let id: crate::domain::Id = word
            .and_then(|w| w.trim_start_matches('#').parse().ok())
            .ok_or_else(|| {
                lang.pick(
                    "Noem de ronde met haar nummer.",
                    "Name the round by its number.",
                )
                .to_string()
            })?;
        a.round(id)
            .filter(|r| r.status == RoundStatus::Open)
            .ok_or_else(|| {
                lang.pick(
                    format!("Ronde {id} staat niet open."),
                    format!("Round {id} is not open."),
                )
            })
    };
    let edit = match words.first().map(|w| w.to_lowercase()).as_deref() {
        Some("status") => {
            let open: Vec<String> = a
                .rounds
                .iter()
                .filter(|r| r.status == RoundStatus::Open)
                .map(|r| {
                    let voters = a.voting_parties(r).len();
                    let missing = a.missing_voters(r);
                    let cast = voters.saturating_sub(missing.len() + r.absent.len());
                    let state = if r.revealed {
                        lang.pick("getoond", "revealed").to_string()
                    } else if missing.is_empty() {
                        lang.pick("klaar om te tonen", "ready to reveal")
                            .to_string()
                    } else {
                        lang.pick(
                            format!("wacht op {}", names(&missing)),
                            format!("waiting for {}", names(&missing)),
                        )
                    };
                    format!(
                        "#{} {}: {cast}/{voters}, {state}",
                        r.id,
                        one_line(&r.proposal)
                    )
                })
                .collect();
            let mut open = if open.is_empty() {
                vec![
                    lang.pick("Geen open rondes.", "No open rounds.")
                        .to_string(),
                ]
            } else {
                open
            };
            if let Some(c) = open_checkin {
                let said = checkin_said(a, c.id, lang);
                open.push(lang.pick(
                    format!("check-in (nog niet getoond): {said}"),
                    format!("check-in (not shown yet): {said}"),
                ));
            }
            return open.join(" | ");
        }
        Some("checkin" | "check-in") => {
            if open_checkin.is_some() {
                return lang
                    .pick(
                        "Er staat al een check-in open; toon die met: show-checkin",
                        "A check-in is already open; show it with: show-checkin",
                    )
                    .to_string();
            }
            let rules: Vec<crate::domain::Id> = a
                .ground_rules
                .iter()
                .filter(|r| r.status == crate::domain::RuleStatus::Adopted)
                .map(|r| r.id)
                .collect();
            if rules.is_empty() {
                return lang.tr(crate::i18n::T::CheckinNoAdopted).to_string();
            }
            let n = rules.len();
            (
                a.open_checkin(meeting, rules),
                lang.pick(
                    format!("Check-in op {n} spelregels staat open op de telefoons."),
                    format!("Check-in on {n} ground rules is open on the phones."),
                ),
            )
        }
        Some("show-checkin" | "toon-checkin") => {
            let Some(c) = open_checkin else {
                return lang
                    .pick(
                        "Er staat geen check-in open; open er een met: checkin",
                        "No check-in is open; open one with: checkin",
                    )
                    .to_string();
            };
            let said = checkin_said(a, c.id, lang);
            let Some(edit) = a.show_checkin(c.id) else {
                return String::new();
            };
            (
                edit,
                lang.pick(
                    format!("Check-in getoond: {said}"),
                    format!("Check-in shown: {said}"),
                ),
            )
        }
        Some("reveal" | "toon") => match round_of(words.get(1)) {
            Err(e) => return e,
            Ok(r) if r.revealed => {
                return lang.pick(
                    format!("Ronde {} is al getoond.", r.id),
                    format!("Round {} is already revealed.", r.id),
                );
            }
            Ok(r) => {
                let missing = a.missing_voters(r);
                if !missing.is_empty() {
                    return lang.pick(
                        format!(
                            "Nog niet: {} hebben niet gestemd. Leg ze als afwezig vast met: absent {} PARTIJ",
                            names(&missing),
                            r.id
                        ),
                        format!(
                            "Not yet: {} have not voted. Record them as absent with: absent {} PARTY",
                            names(&missing),
                            r.id
                        ),
                    );
                }
                (
                    a.update(Round {
                        revealed: true,
                        ..r.clone()
                    }),
                    lang.pick(
                        format!("Ronde {} getoond.", r.id),
                        format!("Round {} revealed.", r.id),
                    ),
                )
            }
        },
        Some("absent" | "afwezig") => match round_of(words.get(1)) {
            Err(e) => return e,
            Ok(r) => {
                let who = words[2.min(words.len())..].join(" ");
                let party = who
                    .parse::<crate::domain::Id>()
                    .ok()
                    .filter(|id| a.party(*id).is_some())
                    .or_else(|| {
                        a.parties
                            .iter()
                            .find(|p| p.name.eq_ignore_ascii_case(who.trim()))
                            .map(|p| p.id)
                    });
                let Some(party) = party.filter(|p| a.missing_voters(r).contains(p)) else {
                    return lang.pick(
                        format!(
                            "‘{who}’ is geen partij die in ronde {} nog moet stemmen.",
                            r.id
                        ),
                        format!("‘{who}’ is not a party still to vote in round {}.", r.id),
                    );
                };
                let mut absent = r.absent.clone();
                absent.push(party);
                (
                    a.update(Round {
                        absent,
                        ..r.clone()
                    }),
                    lang.pick(
                        format!(
                            "{} als afwezig vastgelegd in ronde {}.",
                            one_line(a.party_name(Some(party))),
                            r.id
                        ),
                        format!(
                            "{} recorded as absent in round {}.",
                            one_line(a.party_name(Some(party))),
                            r.id
                        ),
                    ),
                )
            }
        },
        _ => {
            return lang
                .pick(
                    "Opdrachten: status, reveal RONDE, absent RONDE PARTIJ, checkin, show-checkin",
                    "Commands: status, reveal ROUND, absent ROUND PARTY, checkin, show-checkin",
                )
                .to_string();
        }
    };
    let (edit, done) = edit;
    match doc.perform(edit) {
        Ok(_) => done,
        Err(e) => lang.store_error(&e),
    }
}

/// How many people from how many parties scored in a check-in, as one
/// sentence.
pub(super) fn checkin_said(
    a: &crate::domain::Alliance,
    round: crate::domain::Id,
    lang: crate::i18n::Lang,
) -> String {
    use crate::i18n::T;
    let result = a.checkin_result(round);
    lang.count(T::PhoneCheckinPeople, result.people()).replace(
        "{parties}",
        &lang.count(T::PhoneCheckinParties, result.respondents.len()),
    )
}
