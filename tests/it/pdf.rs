//! PDF documents, parsed back.

use printpdf::{PdfDocument, PdfParseOptions};
use samenspel::audience;
use samenspel::domain::covenant::short_fingerprint;
use samenspel::example;
use samenspel::i18n::Lang;

/// All the words of a PDF, page after page.
pub(crate) fn text_of(bytes: &[u8]) -> String {
    read_pages(bytes).join("\n")
}

/// The words of each page, read back from the PDF.
pub(crate) fn read_pages(bytes: &[u8]) -> Vec<String> {
    let mut warnings = Vec::new();
    let doc =
        PdfDocument::parse(bytes, &PdfParseOptions::default(), &mut warnings).expect("parses");
    doc.extract_text_boxes()
        .into_iter()
        .map(|page| {
            page.lines
                .iter()
                .map(|l| {
                    l.words
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

#[test]
fn the_covenant_pdf_has_every_clause_a_signature_block_per_party_and_the_fingerprint_on_every_page()
{
    let a = example::samen_noord();
    let view = audience::covenant(&a, 1).unwrap();
    let bytes = samenspel::report::covenant::render(&view, Lang::Nl);
    assert!(bytes.starts_with(b"%PDF"));
    assert!(
        bytes.len() < 200_000,
        "fonts are subset: {} bytes",
        bytes.len()
    );
    let pages = read_pages(&bytes);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let all = pages.join("\n");
    assert!(all.contains("Convenant Samen Noord"));
    for (heading, _) in &view.clauses {
        assert!(all.contains(heading.as_str()), "clause {heading}");
    }
    for party in &a.parties {
        assert!(
            all.contains(&party.name),
            "signature block for {}",
            party.name
        );
    }
    let short = short_fingerprint(&a.covenant_versions[0].fingerprint);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&short), "fingerprint on page {}", i + 1);
        assert!(
            page.contains(&format!("{} / {}", i + 1, pages.len())),
            "page number on page {}",
            i + 1
        );
    }
    // Dutch letters survive the font subsetting.
    assert!(all.contains("één"), "diacritics");
    let en = read_pages(&samenspel::report::covenant::render(&view, Lang::En)).join("\n");
    assert!(en.contains("Signatures"));
}

#[test]
fn the_covenant_command_writes_a_pdf() {
    let dir = crate::support::Dir::new();
    let file = crate::support::example_file(&dir, "pdf.samenspel");
    let out = dir.path("convenant.pdf");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["pdf", "covenant"])
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
}

fn meeting_with_everything(a: &samenspel::domain::Alliance) -> samenspel::domain::Id {
    // The meeting whose slots carry background, minutes, next steps and a
    // decision: the steering group's first.
    a.meetings
        .iter()
        .max_by_key(|m| {
            a.slots_of(m.id)
                .iter()
                .map(|s| s.background.len() + s.minutes.len() + s.next_step.len())
                .sum::<usize>()
        })
        .unwrap()
        .id
}

#[test]
fn the_meeting_pack_has_agenda_background_proposals_rules_actions_and_both_maps() {
    let a = example::samen_noord();
    let room = audience::room(&a);
    for m in &a.meetings {
        let bytes = samenspel::report::meeting::pack(&room, m.id, Lang::Nl).unwrap();
        let pages = read_pages(&bytes);
        let all = pages.join("\n");
        assert!(pages.len() >= 3, "{} pages", pages.len());
        assert!(all.contains("Vergaderstukken"));
        assert!(all.contains(&m.title), "{}", m.title);
        for s in a.slots_of(m.id) {
            assert!(all.contains(&s.title), "slot {}", s.title);
        }
        for heading in ["Agenda", "Spelregels", "Openstaande acties"] {
            assert!(all.contains(heading), "{heading}");
        }
        // The maps are drawn, with their words: a lane, a node, every party.
        // The strategy map, the network map and who counts on whom.
        let maps = pages[pages.len() - 3..].join("\n");
        assert!(maps.contains("Strategiekaart") && maps.contains("Netwerkkaart"));
        assert!(pages[pages.len() - 1].contains("Wie rekent op wie"));
        assert!(maps.contains("Missie"));
        for p in &a.parties {
            // A long name wraps under its circle: look for its words.
            for word in p.name.split_whitespace() {
                assert!(maps.contains(word), "{} on the network map", p.name);
            }
        }
        for i in 1..=pages.len() {
            assert!(all.contains(&format!("{i} / {}", pages.len())));
        }
    }
    let rich = meeting_with_everything(&a);
    let all =
        read_pages(&samenspel::report::meeting::pack(&room, rich, Lang::Nl).unwrap()).join("\n");
    let slot = a
        .slots_of(rich)
        .into_iter()
        .find(|s| !s.background.is_empty())
        .unwrap();
    let first_words: String = slot
        .background
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains(&first_words), "background: {first_words}");
    let rule = &a
        .ground_rules
        .iter()
        .find(|r| r.status == samenspel::domain::RuleStatus::Adopted)
        .unwrap()
        .text;
    let rule_words: String = rule
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains(&rule_words), "rule: {rule_words}");
    assert!(samenspel::report::meeting::pack(&room, 9999, Lang::Nl).is_none());
}

#[test]
fn the_minutes_carry_attendance_minutes_decisions_next_steps_and_actions() {
    let a = example::samen_noord();
    let room = audience::room(&a);
    let id = meeting_with_everything(&a);
    let pages = read_pages(&samenspel::report::meeting::minutes(&room, id, Lang::Nl).unwrap());
    let all = pages.join("\n");
    assert!(all.contains("Verslag"));
    assert!(all.contains("Aanwezig"));
    assert!(all.contains("Volgende stap"));
    assert!(all.contains("Afgesproken acties"));
    let present = a
        .attendance
        .iter()
        .find(|x| x.meeting == id && x.present)
        .and_then(|x| a.person(x.person))
        .unwrap();
    assert!(all.contains(&present.name), "{}", present.name);
    for s in a.slots_of(id) {
        let words: String = s
            .next_step
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(all.contains(&words), "next step {words}");
    }
    for x in a.actions.iter().filter(|x| x.meeting == id) {
        let words: String = x
            .what
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(all.contains(&words), "action {words}");
    }
    let en =
        read_pages(&samenspel::report::meeting::minutes(&room, id, Lang::En).unwrap()).join("\n");
    assert!(en.contains("Minutes") && en.contains("Next step") && en.contains("Present"));
}

#[test]
fn no_confidential_marker_reaches_a_shared_document_and_the_intake_summary_says_what_it_is() {
    let a = crate::trust::planted();
    let room = audience::room(&a);
    let mut shared = Vec::new();
    for lang in Lang::ALL {
        for m in &a.meetings {
            shared.push(samenspel::report::meeting::pack(&room, m.id, lang).unwrap());
            shared.push(samenspel::report::meeting::minutes(&room, m.id, lang).unwrap());
        }
        for v in &a.covenant_versions {
            shared.push(samenspel::report::covenant::render(
                &audience::covenant(&a, v.id).unwrap(),
                lang,
            ));
        }
    }
    for bytes in &shared {
        let text = read_pages(bytes).join("\n");
        assert!(!text.contains(crate::trust::MARK), "leak: {text}");
        assert!(!text.contains("GEHEIM"), "leak: {text}");
    }
    // The open round is in the pack as a proposal, its stances are not.
    let pack = read_pages(&shared[0]).join("\n");
    assert!(pack.contains("Open voorstel"), "{pack}");

    // The intake summary is the facilitator's: the markers are there, and
    // every page says it is confidential.
    let pages = read_pages(&samenspel::report::intake::render(&a, Lang::Nl));
    let all = pages.join("\n");
    assert!(all.contains("GEHEIM-notes"), "notes are in the summary");
    assert!(
        all.contains("GEHEIM-answer"),
        "confidential answers are in it"
    );
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("VERTROUWELIJK"), "page {} is marked", i + 1);
    }
    for p in &a.parties {
        assert!(all.contains(&p.name));
    }
    let en = read_pages(&samenspel::report::intake::render(&a, Lang::En)).join("\n");
    assert!(en.contains("CONFIDENTIAL") && en.contains("Where every party stands"));
}

#[test]
fn documents_carry_title_author_and_language() {
    let a = example::samen_noord();
    let room = audience::room(&a);
    let id = a.meetings[0].id;
    for (lang, tag) in [(Lang::Nl, "nl-NL"), (Lang::En, "en-GB")] {
        let bytes = samenspel::report::meeting::minutes(&room, id, lang).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let catalog = doc.catalog().unwrap();
        let found = catalog.get(b"Lang").unwrap().as_str().unwrap();
        assert_eq!(found, tag.as_bytes());
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let info = doc.get_dictionary(info).unwrap();
        let text =
            |key: &[u8]| lopdf::decode_text_string(info.get(key).unwrap()).unwrap_or_default();
        assert!(
            text(b"Title").contains(&a.meetings[0].title),
            "{}",
            text(b"Title")
        );
        assert_eq!(text(b"Author"), "Samen Noord");
        assert!(info.get(b"CreationDate").is_ok());
    }
}

#[test]
fn a_word_longer_than_a_line_is_broken_and_no_line_runs_past_its_width() {
    use samenspel::report::{DocInfo, Layout, Weight};
    let doc = Layout::new(DocInfo {
        title: "t".into(),
        author: String::new(),
        subject: String::new(),
        lang: Lang::Nl,
        header: String::new(),
        footer: String::new(),
    });
    let text = "De samenwerkingsovereenkomstonderhandelingsdelegatievoorzitter opende het overleg.";
    for width in [20.0, 35.0, 60.0] {
        let lines = doc.wrap(text, Weight::Regular, 10.5, width);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(
                doc.measure(line, Weight::Regular, 10.5) <= width + 0.01,
                "{line:?} in {width} mm"
            );
        }
        let joined: String = lines.concat().replace(['-', ' '], "");
        assert_eq!(joined, text.replace(' ', ""), "no letter lost");
    }
}

#[test]
fn a_long_pack_runs_to_twenty_pages_with_every_item_and_page_numbers() {
    let (a, meeting) = example::long_meeting(48);
    let room = audience::room(&a);
    let pages = read_pages(&samenspel::report::meeting::pack(&room, meeting, Lang::Nl).unwrap());
    assert!(pages.len() >= 20, "{} pages", pages.len());
    let all = pages.join("\n");
    for i in 1..=48 {
        assert!(all.contains(&format!("Onderwerp {i}:")), "item {i}");
    }
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("{} / {}", i + 1, pages.len())));
        if i > 0 {
            assert!(
                page.contains("Samen Noord · Vergaderstukken"),
                "header on page {}",
                i + 1
            );
        }
    }
}

#[test]
fn words_are_hyphenated_in_the_documents_language_where_it_helps() {
    use hyphenation::{Hyphenator, Language, Load, Standard};
    use samenspel::report::{DocInfo, Layout, Weight};
    let layout = |lang| {
        Layout::new(DocInfo {
            title: "t".into(),
            author: String::new(),
            subject: String::new(),
            lang,
            header: String::new(),
            footer: String::new(),
        })
    };
    let nl = layout(Lang::Nl);
    let text = "Partijen tekenen de samenwerkingsovereenkomst";
    let width = nl.measure("Partijen tekenen de samenwerkings", Weight::Regular, 10.5) + 2.0;
    let lines = nl.wrap(text, Weight::Regular, 10.5, width);
    // The line is filled with the first part of the long word, cut where
    // Dutch hyphenation allows, not pushed whole to the next line.
    assert!(
        lines[0].starts_with("Partijen tekenen de samen"),
        "{lines:?}"
    );
    assert!(lines[0].ends_with('-'), "{lines:?}");
    let head = lines[0].rsplit(' ').next().unwrap().trim_end_matches('-');
    let dict = Standard::from_embedded(Language::Dutch).unwrap();
    let breaks = dict.hyphenate("samenwerkingsovereenkomst").breaks;
    assert!(
        breaks.contains(&head.len()),
        "{head} is a Dutch break: {breaks:?}"
    );
    // A line already three quarters full is not hyphenated.
    let wide = nl.measure("Partijen tekenen de", Weight::Regular, 10.5) / 0.8;
    let lines = nl.wrap(
        "Partijen tekenen de overeenkomst",
        Weight::Regular,
        10.5,
        wide,
    );
    assert_eq!(lines, ["Partijen tekenen de", "overeenkomst"]);
    // English uses English patterns.
    let en = layout(Lang::En);
    let width = en.measure("The parties sign the agree", Weight::Regular, 10.5) + 1.0;
    let lines = en.wrap(
        "The parties sign the agreement",
        Weight::Regular,
        10.5,
        width,
    );
    assert!(
        lines[0].ends_with("agree-") || lines[0].ends_with("the"),
        "{lines:?}"
    );
}

#[test]
fn a_pack_carries_over_only_earlier_actions_and_names_decisions_and_proposals_rightly() {
    let mut a = crate::trust::planted();
    // The planted open round goes on the first meeting's agenda.
    let open = a.rounds.iter().find(|r| !r.revealed).unwrap().id;
    let first = a.meetings.iter().min_by_key(|m| m.date).unwrap().id;
    let slot = a.agenda_slots.iter().map(|s| s.id).max().unwrap() + 1;
    a.agenda_slots.push(samenspel::domain::AgendaSlot {
        id: slot,
        meeting: first,
        position: 99,
        title: "Het programma van 2018".into(),
        link: samenspel::domain::SlotLink::Round(open),
        ..Default::default()
    });
    let room = audience::room(&a);
    for m in &room.meetings {
        let own: Vec<_> = a
            .actions
            .iter()
            .filter(|x| x.meeting == m.id)
            .map(|x| &x.what)
            .collect();
        for x in &m.open_actions {
            assert!(
                !own.contains(&&x.what),
                "{}: {} is its own action",
                m.title,
                x.what
            );
        }
    }
    let pack =
        read_pages(&samenspel::report::meeting::pack(&room, first, Lang::Nl).unwrap()).join("\n");
    assert!(
        pack.contains("Ter besluitvorming"),
        "the open round is to decide"
    );
    assert!(
        pack.contains("Besloten op 11 september 2017"),
        "the adopted covenant round is decided"
    );
    let minutes = read_pages(&samenspel::report::meeting::minutes(&room, first, Lang::Nl).unwrap())
        .join("\n");
    assert!(minutes.contains("Voorstel: Open voorstel"), "{minutes}");
    assert!(!minutes.contains("Besluit: Open voorstel"));
    assert!(minutes.contains("Besluit: We leggen de samenwerking vast"));
    assert!(minutes.contains("partijen in dit gremium aan tafel"));
}

/// The network map's legend stays inside the margins in both languages,
/// for Samen Noord and the region (pdfcheck found an 'e' of "Opdrachtgever"
/// in the right margin).
#[test]
fn the_network_maps_legend_stays_inside_the_margins() {
    use samenspel::report::{DocInfo, Layout, MARGIN_X};
    for a in [
        samenspel::example::samen_noord(),
        samenspel::example::region(),
    ] {
        let room = samenspel::audience::room(&a);
        for lang in [Lang::Nl, Lang::En] {
            let mut doc = Layout::new(DocInfo {
                title: "t".into(),
                author: String::new(),
                subject: String::new(),
                lang,
                header: String::new(),
                footer: String::new(),
            });
            samenspel::report::maps::network(&mut doc, &room.network, lang);
            assert!(
                doc.right_room() >= MARGIN_X - 0.01,
                "{} {lang:?}: text comes {} mm near the page's edge",
                room.name,
                doc.right_room()
            );
        }
    }
}

/// The maps as a document of their own: a region without a meeting can
/// print its network map (`pdf pack` needs a meeting); an empty alliance
/// is told in one sentence that there is nothing to print.
#[test]
fn the_maps_print_without_a_meeting_and_an_empty_alliance_is_told_so() {
    use crate::support::cli_with_input;
    let dir = crate::support::Dir::new();
    let region = dir.path("regio.samenspel");
    let f = region.to_str().unwrap();
    assert!(cli_with_input(&["example", "--region", f], "").0);
    let a = crate::support::load(&region);
    assert!(
        a.meetings.is_empty(),
        "the region has no meeting to send a pack for"
    );
    for (lang, heading) in [("nl", "Netwerkkaart"), ("en", "Network map")] {
        let out = dir.path(&format!("kaarten-{lang}.pdf"));
        let (ok, said, err) = cli_with_input(
            &[
                "pdf",
                "maps",
                f,
                "--lang",
                lang,
                "-o",
                out.to_str().unwrap(),
            ],
            "",
        );
        assert!(ok, "{said}{err}");
        let text = text_of(&std::fs::read(&out).unwrap());
        assert!(text.contains(heading), "{text}");
        // Every party is named, on the map or by its number.
        for p in &a.parties {
            assert!(
                text.replace(char::is_whitespace, "")
                    .contains(&p.name.replace(char::is_whitespace, ""))
                    || text.contains(p.name.split(' ').next_back().unwrap()),
                "{} not named",
                p.name
            );
        }
    }
    let empty = dir.path("leeg.samenspel");
    assert!(cli_with_input(&["new", empty.to_str().unwrap()], "").0);
    let (ok, _, err) = cli_with_input(
        &[
            "pdf",
            "maps",
            empty.to_str().unwrap(),
            "-o",
            dir.path("x.pdf").to_str().unwrap(),
        ],
        "",
    );
    assert!(!ok);
    assert!(
        err.contains("nothing on its strategy map or its network map"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// Every shared document of both examples, in both languages: the pack,
/// minutes, covenant, the table's selection report and decisions, each
/// party's share, the maps, every comment round's processing and the
/// ballot cards. A marker planted in every
/// confidential field reaches none of them (the leak test above covers the
/// meeting documents of one example; this one every kind there is).
#[test]
fn no_confidential_marker_reaches_any_shared_document_of_either_example() {
    use samenspel::report::{Kind, Request, build};
    for (n, a) in [
        crate::trust::planted(),
        crate::trust::plant(samenspel::example::region()),
    ]
    .into_iter()
    .enumerate()
    {
        let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap();
        let mut made = 0;
        for lang in Lang::ALL {
            let mut docs: Vec<(String, Vec<u8>)> = Vec::new();
            let all = |ids: Vec<i64>| ids.into_iter().map(Some).collect::<Vec<_>>();
            for kind in [
                Kind::Pack,
                Kind::Minutes,
                Kind::Covenant,
                Kind::Selection,
                Kind::TableDecisions,
                Kind::PartyShare,
                Kind::Maps,
                Kind::Comments,
            ] {
                let (meetings, versions, ofs) = match kind {
                    Kind::Pack | Kind::Minutes => (
                        all(a.meetings.iter().map(|m| m.id).collect()),
                        vec![None],
                        vec![None],
                    ),
                    Kind::Covenant => (
                        vec![None],
                        all(a.covenant_versions.iter().map(|v| v.id).collect()),
                        vec![None],
                    ),
                    Kind::Selection => (
                        vec![None],
                        vec![None],
                        all(a.seat_draws.iter().map(|d| d.id).collect()),
                    ),
                    Kind::TableDecisions => (
                        vec![None],
                        vec![None],
                        all(a.bodies.iter().map(|b| b.id).collect()),
                    ),
                    Kind::PartyShare => (
                        vec![None],
                        vec![None],
                        all(a.parties.iter().map(|p| p.id).collect()),
                    ),
                    // Every comment round, open or published: a comment for
                    // the facilitator alone is in each.
                    Kind::Comments => (
                        vec![None],
                        vec![None],
                        all(a.comment_rounds.iter().map(|r| r.id).collect()),
                    ),
                    _ => (vec![None], vec![None], vec![None]),
                };
                for meeting in &meetings {
                    for version in &versions {
                        for of in &ofs {
                            let request = Request {
                                kind,
                                meeting: *meeting,
                                version: *version,
                                of: *of,
                                lang,
                            };
                            if let Ok(b) = build(&a, &request, today) {
                                docs.push((
                                    format!("{kind:?} {meeting:?} {version:?} {of:?}"),
                                    b.bytes,
                                ));
                            }
                        }
                    }
                }
            }
            for m in &a.meetings {
                let links: Vec<(i64, String)> = a
                    .parties
                    .iter()
                    .map(|p| (p.id, format!("http://192.168.1.20:8080/b/token{}", p.id)))
                    .collect();
                if let Some(bytes) = samenspel::report::ballots::cards(&a, m.id, &links, lang) {
                    docs.push((format!("cards {}", m.id), bytes));
                }
            }
            for (what, bytes) in &docs {
                let text = read_pages(bytes).join("\n");
                assert!(!text.contains("GEHEIM"), "{lang:?} {what}: leak");
            }
            // Every kind was made (the region has the table and its draws).
            let expected: &[&str] = if n == 1 {
                &["Selection", "TableDecisions", "PartyShare", "Comments"]
            } else {
                &[
                    "Pack",
                    "Minutes",
                    "Covenant",
                    "PartyShare",
                    "Maps",
                    "cards",
                    "Comments",
                ]
            };
            for kind in expected {
                assert!(
                    docs.iter().any(|(what, _)| what.starts_with(kind)),
                    "example {n}, {lang:?}: no {kind}"
                );
            }
            made += docs.len();
        }
        assert!(made > 20, "{made} documents made");
    }
}

/// A title that would end with one word alone on its second line is
/// balanced: as many lines, the last with company.
#[test]
fn a_title_does_not_leave_one_word_alone() {
    use samenspel::report::{DocInfo, Layout, Weight};
    let doc = Layout::new(DocInfo {
        title: "t".into(),
        author: "a".into(),
        subject: "s".into(),
        lang: Lang::En,
        header: String::new(),
        footer: String::new(),
    });
    let width = doc.text_width();
    let words = [
        "Covenant",
        "between",
        "Riverside",
        "Housing",
        "Association",
        "and",
        "Northgate",
        "Mental",
        "Health",
        "Trust",
        "for",
        "the",
        "city",
        "of",
        "Northgate",
        "together",
    ];
    // The shortest title whose plain wrap leaves its last word alone.
    let mut found = None;
    for n in 2..=words.len() {
        let title = words[..n].join(" ");
        let plain = doc.wrap_with(&title, Weight::Bold, 20.0, width, false);
        if plain.len() == 2 && !plain[1].contains(' ') {
            found = Some((title, plain));
            break;
        }
    }
    let (title, plain) = found.expect("a title that breaks with one word alone");
    let balanced = doc.balanced(&title, Weight::Bold, 20.0, width);
    assert_eq!(balanced.len(), plain.len(), "{balanced:?}");
    assert!(balanced[1].contains(' '), "{balanced:?}");
    assert_eq!(balanced.join(" "), title);
}

/// A table cell breaks between words, never inside one: a narrow column
/// is widened to hold its longest name whole ("Woningcorporatie", not
/// "Woning-corporatie"), and a date keeps its month ("januari", not
/// "janua-ri").
#[test]
fn a_table_cell_never_hyphenates_a_name_or_a_date() {
    use samenspel::report::{DocInfo, Layout};
    let mut doc = Layout::new(DocInfo {
        title: "t".into(),
        author: "a".into(),
        subject: "s".into(),
        lang: Lang::Nl,
        header: String::new(),
        footer: String::new(),
    });
    let rows = vec![
        vec![
            "Woningcorporatie Eigenhaard".to_string(),
            "Gemeente Hengelo".to_string(),
            "15 januari 2025 – 14 januari 2027".to_string(),
            "Stelt het inkoopkader en de regionale afspraken vast".to_string(),
        ],
        vec![
            "Jeugdhulpverlening Zonnehof".to_string(),
            "Samenwerkingsverband".to_string(),
            "1 september 2026".to_string(),
            "Kort".to_string(),
        ],
    ];
    doc.table(
        &[0.1, 0.1, 0.12, 0.68],
        &["Partij", "Wie", "Termijn", "Wat"],
        &rows,
        9.0,
    );
    let text = crate::pdf::text_of(&doc.finish());
    for line in text.lines() {
        let mut end = line.trim_end().chars().rev();
        assert!(
            !(end.next() == Some('-') && end.next().is_some_and(char::is_alphabetic)),
            "{line:?} in\n{text}"
        );
    }
    for word in [
        "Woningcorporatie",
        "Jeugdhulpverlening",
        "Samenwerkingsverband",
        "januari",
    ] {
        assert!(
            text.split_whitespace().any(|w| w == word),
            "{word} whole in\n{text}"
        );
    }
}
