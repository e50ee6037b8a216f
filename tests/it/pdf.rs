//! PDF documents, parsed back.

use printpdf::{PdfDocument, PdfParseOptions};
use samenspel::audience;
use samenspel::domain::covenant::short_fingerprint;
use samenspel::example;
use samenspel::i18n::Lang;

/// The words of each page, read back from the PDF.
fn read_pages(bytes: &[u8]) -> Vec<String> {
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
        let maps = pages[pages.len() - 2..].join("\n");
        assert!(maps.contains("Strategiekaart") && maps.contains("Netwerkkaart"));
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
