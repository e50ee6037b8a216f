//! English as a first language (issue 30): an alliance has a language,
//! chosen when it is made (the window's, or `samenspel new --lang en`),
//! and everything it prints or puts on the projector speaks it, from its
//! starter questions and rules to the dates. A sweep reads every PDF and
//! every slide of an English alliance for Dutch words, and those of the
//! Dutch examples for the app's English words.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use egui_kittest::Harness;
use samenspel::domain::{
    AgendaItem, AgendaSlot, Alliance, Body, Clause, Commissioner, CovenantVersion, FocalPoint,
    Language, Meeting, Membership, Party, PartyKind, Person, PlanLine, Round, RoundStatus, Scale,
    Signature, Subject, Vote,
};
use samenspel::i18n::Lang;
use samenspel::report::{self, Kind, Request};
use samenspel::ui::present::{self, PresentState};
use samenspel::ui::theme;

use crate::pdf::text_of;
use crate::support::{Dir, cli_with_input, load};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Words only Dutch uses, of the kind the app writes around content.
const DUTCH: &[&str] = &[
    "de",
    "het",
    "een",
    "en",
    "van",
    "voor",
    "op",
    "met",
    "niet",
    "nog",
    "geen",
    "partij",
    "partijen",
    "overleg",
    "besluit",
    "besloten",
    "vastgelegd",
    "handtekening",
    "handtekeningen",
    "naam",
    "functie",
    "plaats",
    "datum",
    "regel",
    "regels",
    "spelregels",
    "werkplan",
    "zwaartepunt",
    "zwaartepunten",
    "wensen",
    "verslag",
    "notulen",
    "vergaderstukken",
    "aanwezig",
    "afwezig",
    "opdrachtgever",
    "vingerafdruk",
    "januari",
    "februari",
    "maart",
    "mei",
    "juni",
    "juli",
    "augustus",
    "oktober",
    "wie",
    "wat",
    "waar",
    "wanneer",
    "uw",
    "zijn",
    "heeft",
    "wordt",
    "bij",
    "tot",
    "uit",
    "aan",
    "ook",
    "als",
    "dit",
    "deze",
    "naar",
    "om",
    "door",
    "rekent",
    "trekker",
    "acties",
    "agendapunten",
    "ronde",
    "instemming",
    "bezwaar",
    "vastgesteld",
    "aangenomen",
    "ingebracht",
    "nodig",
    "termijn",
    "alliantie",
    "gezien",
    "pagina",
    "bestuur",
];

/// Words only English uses, of the kind the app writes around content.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "with",
    "not",
    "yet",
    "party",
    "parties",
    "meeting",
    "decision",
    "decided",
    "signature",
    "signatures",
    "name",
    "position",
    "place",
    "date",
    "rule",
    "rules",
    "minutes",
    "pack",
    "present",
    "absent",
    "commissioner",
    "fingerprint",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "who",
    "what",
    "where",
    "when",
    "your",
    "you",
    "has",
    "by",
    "to",
    "for",
    "from",
    "this",
    "that",
    "these",
    "page",
    "adopted",
    "draft",
    "actions",
    "work",
    "plan",
    "term",
    "alliance",
    "board",
    "acknowledged",
];

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of `list` in `text` that are not in `own` (the alliance's
/// own content, which is whatever language its people wrote).
fn foreign(text: &str, list: &[&str], own: &BTreeSet<String>) -> Vec<String> {
    let found = words(text);
    list.iter()
        .filter(|w| found.contains(**w) && !own.contains(**w))
        .map(|w| w.to_string())
        .collect()
}

/// Every word the alliance's own records hold (its names, texts, titles).
fn own_words(a: &Alliance) -> BTreeSet<String> {
    let value = serde_json::to_value(a).unwrap();
    let mut out = BTreeSet::new();
    fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::String(s) => out.extend(words(s)),
            serde_json::Value::Array(xs) => xs.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(m) => m.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(&value, &mut out);
    out
}

/// Every document the alliance can print, in `lang`: (what, text).
fn documents(a: &Alliance, lang: Lang, today: NaiveDate) -> Vec<(String, String)> {
    let mut requests = vec![
        (Kind::Maps, None, None, None),
        (Kind::Intake, None, None, None),
    ];
    for m in &a.meetings {
        requests.push((Kind::Pack, Some(m.id), None, None));
        requests.push((Kind::Minutes, Some(m.id), None, None));
    }
    for v in &a.covenant_versions {
        requests.push((Kind::Covenant, None, Some(v.id), None));
    }
    for d in a.seat_draws.iter().filter(|d| d.is_drawn()).take(2) {
        requests.push((Kind::Selection, None, None, Some(d.id)));
    }
    for b in a.bodies.iter().take(2) {
        requests.push((Kind::TableDecisions, None, None, Some(b.id)));
    }
    for p in a.parties.iter().take(3) {
        requests.push((Kind::PartyShare, None, None, Some(p.id)));
    }
    for r in &a.comment_rounds {
        requests.push((Kind::Comments, None, None, Some(r.id)));
    }
    requests
        .into_iter()
        .filter_map(|(kind, meeting, version, of)| {
            let built = report::build(
                a,
                &Request {
                    kind,
                    meeting,
                    version,
                    of,
                    lang,
                },
                today,
            )
            .ok()?;
            Some((
                format!("{kind:?} {meeting:?} {version:?} {of:?}"),
                text_of(&built.bytes),
            ))
        })
        .collect()
}

/// Every page of every slide of the alliance's first meeting, as shown.
fn slides(a: &Alliance, lang: Lang) -> Vec<(String, String)> {
    let room = samenspel::audience::room(a);
    let slides = present::slides(&room, room.meetings.first().map(|m| m.id));
    let size = egui::vec2(1280.0, 800.0);
    let mut out = Vec::new();
    for (i, slide) in slides.iter().enumerate() {
        for step in 0..present::steps(&room, *slide, size) {
            let mut state = PresentState {
                slide: i,
                step,
                ..PresentState::default()
            };
            let (room, slides) = (&room, &slides);
            let mut h = Harness::builder()
                .with_size(size)
                .with_context_setup(theme::install)
                .build_ui(|ui| present::show(ui, lang, room, slides, &mut state));
            h.run();
            out.push((
                format!("{slide:?} page {step}"),
                crate::present::texts(&h).join("\n"),
            ));
        }
    }
    out
}

/// Riverside Housing Association and Northgate Mental Health Trust,
/// commissioned by Northgate City Council, from `samenspel new --lang en`
/// on: a board with a meeting, minutes and actions, a focus area with
/// wishes and a line of the work plan, and a covenant frozen by a round
/// and signed, with a block for the council's acknowledgement.
fn northgate(mut a: Alliance) -> Alliance {
    a.info.commissioner = Commissioner {
        name: "Northgate City Council".into(),
        ..Default::default()
    };
    a.info.ambition = "Nobody leaves hospital without a home to go to.".into();
    a.info.term_start = Some(day(2026, 4, 1));
    a.info.term_end = Some(day(2029, 3, 31));
    for (id, name, kind, staff) in [
        (
            1,
            "Riverside Housing Association",
            PartyKind::HousingCorporation,
            1150,
        ),
        (2, "Northgate Mental Health Trust", PartyKind::Care, 2400),
    ] {
        a.parties.push(Party {
            id,
            name: name.into(),
            kind,
            staff: Some(staff),
            ..Default::default()
        });
    }
    for (id, name, party, function) in [
        (1, "Hannah Price", 1, "Chief Executive"),
        (2, "Tom Okafor", 2, "Director of Operations"),
    ] {
        a.people.push(Person {
            id,
            name: name.into(),
            party: Some(party),
            function: function.into(),
            ..Default::default()
        });
    }
    a.bodies.push(Body {
        id: 1,
        name: "Alliance Board".into(),
        mandate: "Steers the alliance and signs off the work plan.".into(),
        ..Default::default()
    });
    for (id, person) in [(1, 1), (2, 2)] {
        a.memberships.push(Membership {
            id,
            body: 1,
            person,
            role: "member".into(),
        });
    }
    a.meetings.push(Meeting {
        id: 1,
        body: Some(1),
        title: "Board meeting April".into(),
        date: Some(day(2026, 4, 1)),
        start: "14:00".into(),
        end: "16:00".into(),
        place: "Riverside House, Northgate".into(),
        ..Default::default()
    });
    a.agenda_slots.push(AgendaSlot {
        id: 1,
        meeting: 1,
        position: 1,
        title: "Discharge to a home".into(),
        minutes: "Both parties want one route out of hospital.".into(),
        ..Default::default()
    });
    a.actions.push(samenspel::domain::Action {
        id: 1,
        meeting: 1,
        slot: Some(1),
        who: Some(1),
        what: "List the flats that could be ready this year".into(),
        due: Some(day(2026, 5, 1)),
        ..Default::default()
    });
    a.focal_points.push(FocalPoint {
        id: 1,
        position: 1,
        name: "Housing".into(),
        ..Default::default()
    });
    for (id, party, title, depends) in [
        (1, 1, "Flats for people leaving hospital", vec![2]),
        (2, 2, "Support after the move", vec![1]),
    ] {
        a.agenda_items.push(AgendaItem {
            id,
            party,
            title: title.into(),
            depends_on: depends,
            focal_point: Some(1),
            ..Default::default()
        });
    }
    a.plan_lines.push(PlanLine {
        id: 1,
        focal_point: 1,
        position: 1,
        what: "Twenty flats a year".into(),
        lead: Some(1),
        parties: vec![2],
        items: vec![1],
        due: Some(day(2027, 3, 1)),
        ..Default::default()
    });
    // The covenant: drafted in English, acknowledged by the council,
    // adopted and signed.
    let e = a.insert(CovenantVersion {
        number: 1,
        title: "Northgate Housing and Health Covenant".into(),
        acknowledgement: true,
        ..Default::default()
    });
    let version = a.next_id::<CovenantVersion>();
    a.apply(&e).unwrap();
    let first = a.next_id::<Clause>();
    for c in samenspel::domain::covenant::draft_clauses(&a, version, first, true) {
        let e = a.insert(c);
        a.apply(&e).unwrap();
    }
    for (party, person) in [(1, "Hannah Price"), (2, "Tom Okafor")] {
        let e = a.insert(Signature {
            version,
            party,
            signatory: person.into(),
            function: "Chief Executive".into(),
            place: "Northgate".into(),
            ..Default::default()
        });
        a.apply(&e).unwrap();
    }
    let adopted = day(2026, 4, 1);
    let e = a.open_round(
        "Adopt the covenant".into(),
        Subject::Covenant(version),
        Scale::Consent,
        adopted,
        None,
    );
    let round = a.next_id::<Round>();
    a.apply(&e).unwrap();
    for party in [1, 2] {
        let e = a.put_vote(Vote {
            round,
            party,
            value: 1,
            ..Vote::default()
        });
        a.apply(&e).unwrap();
    }
    let e = a
        .conclude_round(round, RoundStatus::Adopted, adopted, String::new())
        .unwrap();
    a.apply(&e).unwrap();
    for s in a.signatures.clone() {
        let e = a.sign(&s, adopted);
        a.apply(&e).unwrap();
    }
    a
}

#[test]
fn an_english_alliance_from_the_command_line_prints_and_shows_no_dutch_word() {
    let dir = Dir::new();
    let file = dir.path("northgate.samenspel");
    let f = file.to_str().unwrap();
    let (ok, out, err) = cli_with_input(
        &["new", f, "--name", "Northgate Alliance", "--lang", "en"],
        "",
    );
    assert!(ok, "{out}{err}");
    assert!(out.contains("Created the alliance"), "{out}");
    let a = load(&file);
    assert_eq!(a.info.language, Language::En);
    // Its starter content is English, as a British facilitator writes it.
    let starter: Vec<&str> = a
        .questions
        .iter()
        .map(|q| q.text.as_str())
        .chain(a.ground_rules.iter().map(|r| r.text.as_str()))
        .chain(a.lanes.iter().map(|l| l.name.as_str()))
        .collect();
    assert!(starter.len() >= 16, "{starter:?}");
    let none = BTreeSet::new();
    for s in &starter {
        assert_eq!(foreign(s, DUTCH, &none), Vec::<String>::new(), "{s}");
    }
    assert!(starter.contains(&"Every party has an equal say, whatever its size."));

    let a = northgate(a);
    let today = day(2026, 4, 20);
    let mut seen = 0;
    for (what, text) in documents(&a, Lang::of(&a), today)
        .into_iter()
        .chain(slides(&a, Lang::of(&a)))
    {
        let dutch = foreign(&text, DUTCH, &none);
        assert!(dutch.is_empty(), "{what}: Dutch {dutch:?} in\n{text}");
        seen += 1;
    }
    assert!(seen > 15, "{seen} documents and slide pages");

    // The command line writes the alliance's language without --lang, with
    // dates in words and the council's block.
    let written = dir.path("northgate-full.samenspel");
    drop(samenspel::document::Document::create(&written, &a, &[]).unwrap());
    assert_eq!(load(&written).info.language, Language::En);
    let pdf = dir.path("covenant.pdf");
    let (ok, out, err) = cli_with_input(
        &[
            "pdf",
            "covenant",
            written.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ],
        "",
    );
    assert!(ok, "{out}{err}");
    let text = text_of(&std::fs::read(&pdf).unwrap());
    let flowing = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Adopted and frozen on 1 April 2026.",
        "Commissioner: Northgate City Council",
        "Signatures",
        "Acknowledged",
        "Term: 1 April 2026 – 31 March 2029",
    ] {
        assert!(flowing.contains(expected), "{expected:?} in\n{text}");
    }
    assert_eq!(foreign(&text, DUTCH, &none), Vec::<String>::new());
    // Asked for, the other language.
    let (ok, _, _) = cli_with_input(
        &[
            "pdf",
            "covenant",
            written.to_str().unwrap(),
            "--lang",
            "nl",
            "-o",
            pdf.to_str().unwrap(),
        ],
        "",
    );
    assert!(ok);
    let text = text_of(&std::fs::read(&pdf).unwrap());
    assert!(text.contains("Ondertekening"), "{text}");
    assert!(text.contains("1 april 2026"), "{text}");
}

#[test]
fn the_dutch_examples_print_and_show_no_english_word_of_the_app_and_the_other_way_round() {
    let examples = [
        samenspel::example::samen_noord(),
        samenspel::example::region(),
        crate::comments::lab_with_comments(),
    ];
    for (n, a) in examples.iter().enumerate() {
        let own = own_words(a);
        let today = day(2027, 1, 20);
        let mut docs = documents(a, Lang::Nl, today);
        if n == 0 {
            docs.extend(slides(a, Lang::Nl));
        }
        assert!(docs.len() > 3, "{}", a.info.name);
        // The sweep sees what it looks for: the same documents in English
        // are full of the app's English words.
        let (what, text) = &documents(a, Lang::En, today)[0];
        assert!(
            foreign(text, ENGLISH, &own).len() > 2,
            "{what}: the sweep finds no English in\n{text}"
        );
        for (what, text) in &docs {
            let english = foreign(text, ENGLISH, &own);
            assert!(
                english.is_empty(),
                "{} {what}: English {english:?} in\n{text}",
                a.info.name
            );
        }
        // The same alliance made English: the app's words are English;
        // only what its people wrote stays Dutch.
        let mut english = a.clone();
        english.info.language = Language::En;
        let mut docs = documents(&english, Lang::of(&english), today);
        if n == 0 {
            docs.extend(slides(&english, Lang::En));
        }
        for (what, text) in &docs {
            let dutch = foreign(text, DUTCH, &own);
            assert!(
                dutch.is_empty(),
                "{} {what}: Dutch {dutch:?} in\n{text}",
                a.info.name
            );
        }
    }
}

#[test]
fn changing_the_language_takes_the_untouched_starter_content_along_in_one_step() {
    let mut a = Alliance::named_in("Waterland", false);
    // One rule reworded by the alliance, one adopted: both stay as they are.
    a.ground_rules[0].text = "Iedereen telt even zwaar.".into();
    a.ground_rules[1].status = samenspel::domain::rules::RuleStatus::Adopted;
    let adopted = a.ground_rules[1].text.clone();
    let before = a.clone();
    let edit = a.set_language(Language::En).unwrap();
    a.apply(&edit).unwrap();
    assert_eq!(a.info.language, Language::En);
    assert_eq!(
        a.questions[1].text, "What makes you want to take part?",
        "a starter question follows"
    );
    assert_eq!(a.lanes[3].name, "Mission");
    assert_eq!(a.ground_rules[0].text, "Iedereen telt even zwaar.");
    assert_eq!(a.ground_rules[1].text, adopted);
    assert_eq!(
        a.ground_rules[2].text,
        "We jointly own the results, and the problems."
    );
    assert!(a.set_language(Language::En).is_none(), "already English");
    // One step back is the whole change.
    a.apply(&edit.inverse()).unwrap();
    assert_eq!(a, before);
}

#[test]
fn an_alliance_made_in_the_english_window_is_english_and_so_are_its_documents() {
    use crate::ui::{FakeDialogs, app, click, harness};
    let dir = Dir::new();
    let dialogs = FakeDialogs::default();
    let path = dir.path("Riverside.samenspel");
    *dialogs.new.borrow_mut() = Some(path.clone());
    let mut app = app(&dir, None, dialogs);
    app.set_lang(Lang::En);
    let mut h = harness(app);
    click(&mut h, "New alliance…");
    let a = h.state().alliance().expect("created").clone();
    assert_eq!(a.info.language, Language::En);
    assert!(
        a.questions
            .iter()
            .all(|q| words(&q.text).contains("you") || words(&q.text).contains("your"))
    );
    // A Dutch facilitator's window may show it in Dutch; what the alliance
    // prints stays English.
    h.state_mut().set_lang(Lang::Nl);
    assert_eq!(h.state().doc_lang(), Lang::En);
    let loaded = load(&path);
    assert_eq!(loaded.info.language, Language::En);
}

#[test]
fn the_commissioner_signs_for_acknowledgement_only_when_the_version_asks() {
    let dir = Dir::new();
    let file = dir.path("n.samenspel");
    let (ok, _, _) = cli_with_input(&["new", file.to_str().unwrap(), "--lang", "en"], "");
    assert!(ok);
    let a = northgate(load(&file));
    let v = a.covenant_versions[0].clone();
    assert!(v.is_frozen());
    let text = |a: &Alliance| {
        let view = samenspel::audience::covenant(a, v.id).unwrap();
        text_of(&samenspel::report::covenant::render(&view, Lang::En))
    };
    let with = text(&a);
    assert!(with.contains("Acknowledged"), "{with}");
    assert!(with.contains("without becoming a party"), "{with}");
    // Frozen: the choice is part of what was adopted.
    let edit = a.update(CovenantVersion {
        acknowledgement: false,
        ..v.clone()
    });
    assert_eq!(
        a.clone().apply(&edit),
        Err(samenspel::domain::EditError::Frozen)
    );
    // A version that does not ask has no such block.
    let mut b = a.clone();
    b.covenant_versions[0].acknowledgement = false;
    assert!(!text(&b).contains("Acknowledged"));
    // A hand edit of the choice in the file is named by verify.
    let mut a = a;
    a.record.0 = samenspel::domain::record::rebuild(&a, "2026-04-01T12:00:00Z");
    assert!(samenspel::domain::record::verify(&a).is_ok());
    let mut b = a.clone();
    b.covenant_versions[0].acknowledgement = false;
    assert!(samenspel::domain::record::verify(&b).is_err());
}

/// The window speaks the language of the alliance it opens until the
/// facilitator chooses one; then the choice stands.
#[test]
fn the_window_speaks_the_alliances_language_until_one_is_chosen() {
    use crate::ui::{FakeDialogs, app, harness};
    let dir = Dir::new();
    let path = dir.path("northgate.samenspel");
    let (ok, _, _) = cli_with_input(&["new", path.to_str().unwrap(), "--lang", "en"], "");
    assert!(ok);
    let h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    assert_eq!(
        h.state().lang(),
        Lang::En,
        "an English alliance opens in English"
    );
    drop(h);
    // Chosen once (the NL button), Dutch it stays, whatever is opened.
    let mut app = app(&dir, Some(&path), FakeDialogs::default());
    app.set_lang(Lang::Nl);
    drop(app);
    let h = harness(crate::ui::app(&dir, Some(&path), FakeDialogs::default()));
    assert_eq!(h.state().lang(), Lang::Nl);
}

/// Dates typed as a British or Dutch facilitator writes them.
#[test]
fn a_date_is_read_as_people_write_it_in_either_language() {
    use samenspel::ui::widgets::parse_date;
    let first = Some(Some(day(2026, 4, 1)));
    for typed in [
        "1 April 2026",
        "1 april 2026",
        "1 Apr 2026",
        "01/04/2026",
        "01-04-2026",
        "2026-04-01",
    ] {
        assert_eq!(parse_date(typed), first, "{typed}");
    }
    assert_eq!(parse_date("31 February 2026"), None);
    assert_eq!(parse_date("1 Smarch 2026"), None);
    assert_eq!(Lang::En.field_date(day(2026, 4, 1)), "01/04/2026");
    assert_eq!(Lang::Nl.field_date(day(2026, 4, 1)), "01-04-2026");
    assert_eq!(Lang::En.date(day(2026, 4, 1)), "1 April 2026");
    assert_eq!(Lang::Nl.date(day(2026, 4, 1)), "1 april 2026");
}
