//! The record of commitments (issue 26): what the room witnessed is
//! one-way (undo never crosses it), kept in a hash-chained log in the
//! file, and `samenspel verify` / `check` name the first commitment that
//! a hand edit changed.

use chrono::NaiveDate;
use samenspel::document::Document;
use samenspel::domain::record::{self, CommitKind};
use samenspel::domain::{
    AgendaSlot, Alliance, Body, Clause, Correction, CovenantVersion, EditError, FocalPoint, Id,
    Meeting, Party, PriorityMark, PriorityMethod, PriorityRound, Round, RoundStatus, Scale,
    Signature, Subject, Via, Vote,
};
use samenspel::store::StoreError;

use crate::support::{Dir, cli_with_input, load};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The Hengelo lab: three parties, a management team, nothing decided.
fn lab() -> Alliance {
    let mut a = Alliance::named("Lab Hengelo");
    for (id, name) in [
        (1, "Gemeente Hengelo"),
        (2, "Carintreggeland"),
        (3, "Stichting Welbions"),
    ] {
        a.parties.push(Party {
            id,
            name: name.into(),
            ..Party::default()
        });
    }
    a.bodies.push(Body {
        id: 1,
        name: "Stuurgroep".into(),
        ..Body::default()
    });
    a
}

fn perform(doc: &mut Document, e: samenspel::domain::Edit) {
    doc.perform(e).unwrap();
    doc.seal();
}

/// Open a round held at the meeting of `held`, cast `values` (party 1, 2,
/// 3), reveal it; returns the round's id.
fn revealed_round(
    doc: &mut Document,
    proposal: &str,
    subject: Subject,
    held: NaiveDate,
    values: [u8; 3],
) -> Id {
    let a = doc.alliance();
    let id = a.next_id::<Round>();
    let e = a.open_round(proposal.into(), subject, Scale::Gradients, held, None);
    perform(doc, e);
    for (party, value) in [1, 2, 3].into_iter().zip(values) {
        let e = doc.alliance().put_vote(Vote {
            round: id,
            party,
            value,
            reason: if value == 8 {
                "Te vroeg".into()
            } else {
                String::new()
            },
            via: Via::InRoom,
            ..Vote::default()
        });
        perform(doc, e);
    }
    let r = doc.alliance().round(id).unwrap().clone();
    let e = doc.alliance().update(Round {
        revealed: true,
        ..r
    });
    perform(doc, e);
    id
}

/// Press Ctrl+Z ten times (as the document takes it) and find the
/// alliance, in memory and in the file, as it was.
fn ten_undos_change_nothing(doc: &mut Document, kind: CommitKind) {
    let before = doc.alliance().clone();
    for _ in 0..10 {
        match doc.undo() {
            Err(StoreError::Edit(EditError::CommitUndo(k))) => assert_eq!(k, kind),
            other => panic!("undo crossed a {kind:?}: {other:?}"),
        }
    }
    assert_eq!(doc.alliance(), &before, "{kind:?} in memory");
    assert_eq!(
        doc.alliance().record.0,
        before.record.0,
        "{kind:?}: the record"
    );
    let file = load(doc.path());
    assert_eq!(file, before, "{kind:?} in the file");
    assert_eq!(
        file.record.0, before.record.0,
        "{kind:?}: the record in the file"
    );
    assert_eq!(
        doc.step_refused(true),
        Some(EditError::CommitUndo(kind)),
        "the Edit menu says why"
    );
}

/// A lab file that holds one commitment of every kind but the draw, each
/// checked against ten undos as it is made. Returns the file.
fn committed_lab(dir: &Dir) -> std::path::PathBuf {
    let path = dir.path("lab.samenspel");
    let mut doc = Document::create(&path, &lab(), &[]).unwrap();
    let held = day(2027, 1, 12);

    // A reveal; undo before it still works for what came after it.
    let r = revealed_round(
        &mut doc,
        "We delen één wijkteam",
        Subject::Free,
        held,
        [1, 2, 8],
    );
    ten_undos_change_nothing(&mut doc, CommitKind::Reveal);
    let p = doc.alliance().party(1).unwrap().clone();
    let renamed = doc.alliance().update(Party {
        notes: "Contact via het wijkteam".into(),
        ..p
    });
    perform(&mut doc, renamed);
    assert!(doc.undo().unwrap(), "a step after the reveal is undone");
    ten_undos_change_nothing(&mut doc, CommitKind::Reveal);

    // A correction of a revealed stance, with its reason.
    let e = doc
        .alliance()
        .correct_vote(
            r,
            3,
            Correction {
                to: 2,
                reason: "Verkeerd verstaan".into(),
                by: "Facilitator".into(),
                at: "2026-12-05T10:00:00Z".into(),
                ..Correction::default()
            },
        )
        .unwrap();
    perform(&mut doc, e);
    ten_undos_change_nothing(&mut doc, CommitKind::Correction);

    // A decision, dated by the meeting the round was held at.
    let e = doc
        .alliance()
        .conclude_round(r, RoundStatus::Adopted, day(2026, 12, 5), String::new())
        .unwrap();
    perform(&mut doc, e);
    assert_eq!(doc.alliance().round(r).unwrap().decided, Some(held));
    ten_undos_change_nothing(&mut doc, CommitKind::Decision);

    // A dot vote revealed.
    let fp = doc.alliance().next_id::<FocalPoint>();
    let e = doc.alliance().insert(FocalPoint {
        id: fp,
        name: "Wonen en zorg".into(),
        ..FocalPoint::default()
    });
    perform(&mut doc, e);
    let pr = doc.alliance().next_id::<PriorityRound>();
    let e = doc.alliance().insert(PriorityRound {
        id: pr,
        title: "Wat eerst?".into(),
        method: PriorityMethod::Dots,
        dots_per_party: 3,
        absent: vec![2, 3],
        ..PriorityRound::default()
    });
    perform(&mut doc, e);
    let e = doc.alliance().insert(PriorityMark {
        id: doc.alliance().next_id::<PriorityMark>(),
        round: pr,
        party: 1,
        focal_point: fp,
        value: 3,
    });
    perform(&mut doc, e);
    let p = doc.alliance().priority_round(pr).unwrap().clone();
    let e = doc.alliance().update(PriorityRound {
        revealed: true,
        ..p
    });
    perform(&mut doc, e);
    ten_undos_change_nothing(&mut doc, CommitKind::DotReveal);

    // A covenant version frozen by its round, then signed.
    let v = doc.alliance().next_id::<CovenantVersion>();
    let mut e = vec![doc.alliance().insert(CovenantVersion {
        id: v,
        number: 1,
        title: "Convenant Lab Hengelo".into(),
        ..CovenantVersion::default()
    })];
    let first_clause = doc.alliance().next_id::<Clause>();
    e.push(doc.alliance().insert(Clause {
        id: first_clause,
        version: v,
        position: 1,
        heading: "Doel".into(),
        text: "Samen één wijkteam.".into(),
        ..Clause::default()
    }));
    let first_sig = doc.alliance().next_id::<Signature>();
    for (i, party) in [1, 2, 3].into_iter().enumerate() {
        e.push(samenspel::domain::Edit::Signature(
            samenspel::domain::Change {
                before: None,
                after: Some(Signature {
                    id: first_sig + i as Id,
                    version: v,
                    party,
                    ..Signature::default()
                }),
            },
        ));
    }
    perform(&mut doc, samenspel::domain::Edit::Batch(e));
    let cr = revealed_round(
        &mut doc,
        "We gaan het convenant aan",
        Subject::Covenant(v),
        held,
        [1, 1, 2],
    );
    let e = doc
        .alliance()
        .conclude_round(cr, RoundStatus::Adopted, day(2026, 12, 5), String::new())
        .unwrap();
    perform(&mut doc, e);
    assert_eq!(doc.alliance().covenant_versions[0].frozen_on, Some(held));
    ten_undos_change_nothing(&mut doc, CommitKind::Freeze);

    let block = doc.alliance().signatures[0].clone();
    let e = doc.alliance().sign(
        &Signature {
            signatory: "J. de Vries".into(),
            function: "wethouder".into(),
            place: "Hengelo".into(),
            date: Some(day(2027, 2, 1)),
            ..block
        },
        day(2027, 2, 1),
    );
    perform(&mut doc, e);
    ten_undos_change_nothing(&mut doc, CommitKind::Signature);
    let e = doc
        .alliance()
        .withdraw_signature(
            first_sig,
            "Getekend door de verkeerde wethouder",
            day(2027, 2, 3),
        )
        .unwrap();
    perform(&mut doc, e);
    ten_undos_change_nothing(&mut doc, CommitKind::Withdrawal);
    // A second party signs and stays signed.
    let block = doc.alliance().signatures[1].clone();
    let e = doc.alliance().sign(
        &Signature {
            signatory: "A. Jansen".into(),
            function: "bestuurder".into(),
            date: Some(day(2027, 2, 2)),
            ..block
        },
        day(2027, 2, 2),
    );
    perform(&mut doc, e);

    // Minutes approved at the next meeting.
    let m = doc.alliance().next_id::<Meeting>();
    let e = samenspel::domain::Edit::Batch(vec![
        doc.alliance().insert(Meeting {
            id: m,
            title: "Stuurgroep januari".into(),
            date: Some(held),
            ..Meeting::default()
        }),
        samenspel::domain::Edit::Meeting(samenspel::domain::Change {
            before: None,
            after: Some(Meeting {
                id: m + 1,
                title: "Stuurgroep februari".into(),
                date: Some(day(2027, 2, 9)),
                ..Meeting::default()
            }),
        }),
        doc.alliance().insert(AgendaSlot {
            id: doc.alliance().next_id::<AgendaSlot>(),
            meeting: m,
            position: 1,
            title: "Wijkteam".into(),
            minutes: "Besloten tot één wijkteam.".into(),
            ..AgendaSlot::default()
        }),
    ]);
    perform(&mut doc, e);
    let e = doc
        .alliance()
        .approve_minutes(m, day(2027, 2, 9), Some(m + 1))
        .unwrap();
    perform(&mut doc, e);
    ten_undos_change_nothing(&mut doc, CommitKind::Minutes);

    // The record holds them all, in order, and verifies.
    let kinds: Vec<CommitKind> = doc
        .alliance()
        .record
        .iter()
        .filter_map(|c| c.kind)
        .collect();
    for k in [
        CommitKind::Reveal,
        CommitKind::Correction,
        CommitKind::Decision,
        CommitKind::DotReveal,
        CommitKind::Freeze,
        CommitKind::Signature,
        CommitKind::Withdrawal,
        CommitKind::Minutes,
    ] {
        assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
    }
    assert!(record::verify(doc.alliance()).unwrap().is_some());
    path
}

#[test]
fn every_commitment_survives_ten_undos_and_the_record_verifies() {
    let dir = Dir::new();
    let path = committed_lab(&dir);
    let (ok, out, err) = cli_with_input(&["verify", path.to_str().unwrap()], "");
    assert!(ok, "{out}{err}");
    assert!(out.starts_with("Vastleggingen: ok"), "{out}");
    let (ok, out, err) = cli_with_input(&["check", path.to_str().unwrap()], "");
    assert!(ok, "{out}{err}");
}

#[test]
fn a_draw_survives_ten_undos() {
    let dir = Dir::new();
    let path = dir.path("region.samenspel");
    let mut doc = Document::create(&path, &samenspel::example::region(), &[]).unwrap();
    let e = doc.alliance().prepare_draw(1, day(2027, 1, 15)).unwrap();
    perform(&mut doc, e);
    let id = doc.alliance().draws_of(1).last().copied().unwrap().id;
    let e = doc.alliance().fix_draw(id).unwrap();
    perform(&mut doc, e);
    let mut d = doc.alliance().seat_draw(id).unwrap().clone();
    d.dice = vec!["3".into(), "3".into(), "6".into()];
    let e = doc.alliance().update(d.clone());
    perform(&mut doc, e);
    let e = doc.alliance().run_draw(d.id).unwrap();
    perform(&mut doc, e);
    ten_undos_change_nothing(&mut doc, CommitKind::Draw);
    assert!(record::verify(doc.alliance()).is_ok());
}

/// Change one field of `table` with SQL, as another program would.
fn tamper(path: &std::path::Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let n = conn.execute(sql, []).unwrap();
    assert_eq!(n, 1, "{sql}");
}

#[test]
fn a_hand_edit_of_any_commitment_is_named_by_verify_and_check() {
    let dir = Dir::new();
    let clean = committed_lab(&dir);
    let cases = [
        (
            "UPDATE consensus_round SET proposal = 'We delen twee wijkteams' WHERE id = 1",
            "Ronde 1 ‘We delen twee wijkteams’: het voorstel is na het tonen veranderd",
        ),
        (
            "UPDATE consensus_round SET note = 'Unaniem' WHERE id = 1",
            "Ronde 1 ‘We delen één wijkteam’: de toelichting is na het besluit veranderd",
        ),
        (
            "UPDATE vote SET corrections = replace(corrections, 'Verkeerd verstaan', 'Belde terug') WHERE round = 1 AND party = 3",
            "Correctie (Stichting Welbions) · Ronde 1 ‘We delen één wijkteam’: de reden is na de correctie veranderd",
        ),
        (
            "UPDATE priority_mark SET value = 2",
            "Prioriteitsronde 1 ‘Wat eerst?’: de stippen van Gemeente Hengelo zijn na het tonen veranderd",
        ),
        (
            "UPDATE clause SET text = 'Samen twee wijkteams.'",
            "Convenant versie 1: de tekst is na het vaststellen veranderd",
        ),
        (
            "UPDATE vote SET value = 8, reason = 'Toch niet' WHERE round = 1 AND party = 2",
            "Ronde 1 ‘We delen één wijkteam’: het standpunt van Carintreggeland is na het tonen veranderd (vastlegging",
        ),
        (
            "DELETE FROM signature WHERE party = 2",
            "De handtekening van Carintreggeland onder versie 1: is verwijderd na het ondertekenen (vastlegging",
        ),
        (
            "UPDATE signature SET signatory = 'B. Bakker' WHERE party = 2",
            "Handtekening van Carintreggeland onder versie 1: de ondertekenaar is na het ondertekenen veranderd",
        ),
        (
            "UPDATE signature SET withdrawal_reason = 'Zomaar' WHERE party = 1",
            "Handtekening van Gemeente Hengelo onder versie 1: de reden is na het intrekken veranderd",
        ),
        (
            "UPDATE agenda_slot SET minutes = 'Niets besloten.'",
            "Notulen van ‘Stuurgroep januari’ (12 januari 2027): de notulen zijn na het vaststellen veranderd",
        ),
    ];
    for (i, (sql, named)) in cases.iter().enumerate() {
        let copy = dir.path(&format!("tampered-{i}.samenspel"));
        std::fs::copy(&clean, &copy).unwrap();
        tamper(&copy, sql);
        let file = copy.to_str().unwrap();
        let (ok, out, err) = cli_with_input(&["verify", file], "");
        assert!(!ok, "verify passed after {sql}: {out}");
        assert!(err.contains(named), "{sql}:\n{err}\nnot naming\n{named}");
        let (ok, out, _) = cli_with_input(&["check", file], "");
        assert!(!ok, "check passed after {sql}: {out}");
        assert!(out.contains("record of commitments:"), "{out}");
    }
    // Opened in the window, a tampered file says so at once, and the
    // documents made from it do not claim a record position.
    let copy = dir.path("tampered-0.samenspel");
    let dialogs = crate::ui::FakeDialogs::default();
    let mut h = crate::ui::harness(crate::ui::app(&dir, Some(&copy), dialogs));
    h.run();
    {
        use egui_kittest::kittest::Queryable;
        h.get_by_label_contains("Het vastleggingenlog klopt niet meer met de gegevens: Ronde 1");
    }
    drop(h);
    let pdf = dir.path("notulen.pdf");
    let (ok, _, err) = cli_with_input(
        &[
            "pdf",
            "minutes",
            copy.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ],
        "",
    );
    assert!(ok, "{err}");
    let text = crate::pdf::text_of(&std::fs::read(&pdf).unwrap());
    assert!(text.contains("Vastleggingenlog klopt niet"), "{text}");
    assert!(!text.contains("Vastlegging 1"), "{text}");
    // The draw, in the region.
    let region = dir.path("region.samenspel");
    Document::create(&region, &samenspel::example::region(), &[]).unwrap();
    let file = region.to_str().unwrap();
    assert!(cli_with_input(&["verify", file], "").0);
    tamper(
        &region,
        "UPDATE seat_draw SET dice = '[\"1\",\"2\",\"3\"]' WHERE id = 1",
    );
    let (ok, _, err) = cli_with_input(&["verify", file], "");
    assert!(!ok);
    assert!(
        err.contains("Loting 1 (") && err.contains("de loting is na de loting veranderd"),
        "{err}"
    );
    assert!(!cli_with_input(&["check", file], "").0);
    // The log itself, emptied around its guard: every commitment is
    // still in the records, so the record is found wanting.
    let copy = dir.path("emptied.samenspel");
    std::fs::copy(&clean, &copy).unwrap();
    let conn = rusqlite::Connection::open(&copy).unwrap();
    assert!(
        conn.execute("DELETE FROM commitment", []).is_err(),
        "append-only"
    );
    conn.execute_batch("DROP TRIGGER commitment_no_delete; DELETE FROM commitment;")
        .unwrap();
    drop(conn);
    // (Without its guard the file is not as Samenspel made it either.)
    let (ok, _, err) = cli_with_input(&["verify", copy.to_str().unwrap()], "");
    assert!(!ok);
    assert!(
        err.contains("staat niet in de vastleggingen") || err.contains("not opened"),
        "{err}"
    );
}

#[test]
fn a_signature_set_changes_only_by_withdrawal_and_never_before_the_freeze() {
    let dir = Dir::new();
    let path = committed_lab(&dir);
    let doc = Document::open(&path).unwrap();
    let a = doc.alliance();
    let signed = a.signatures.iter().find(|s| s.party == 2).unwrap().clone();
    assert_eq!(
        a.clone().apply(&a.update(Signature {
            signatory: "B. Bakker".into(),
            ..signed.clone()
        })),
        Err(EditError::SignatureSet)
    );
    let block = a.signatures.iter().find(|s| s.party == 3).unwrap().clone();
    assert_eq!(
        a.clone().apply(&a.sign(
            &Signature {
                date: Some(day(2027, 1, 1)),
                ..block
            },
            day(2027, 1, 1)
        )),
        Err(EditError::SignedBeforeFrozen)
    );
    assert_eq!(
        samenspel::i18n::Lang::Nl.edit_error(&EditError::SignedBeforeFrozen),
        "Een handtekening kan niet vóór de dag liggen waarop de versie werd vastgesteld."
    );
}

#[test]
fn renaming_a_party_after_the_freeze_leaves_the_covenant_as_signed() {
    use samenspel::report::{Kind, Request, build};
    let dir = Dir::new();
    let path = committed_lab(&dir);
    let mut doc = Document::open(&path).unwrap();
    let request = Request {
        kind: Kind::Covenant,
        meeting: None,
        version: None,
        of: None,
        lang: samenspel::i18n::Lang::Nl,
    };
    let print = |doc: &Document| {
        crate::pdf::text_of(
            &build(doc.alliance(), &request, day(2027, 3, 1))
                .unwrap()
                .bytes,
        )
    };
    let before = print(&doc);
    assert!(before.contains("Carintreggeland"), "{before}");
    // Both fingerprints whole, never broken with a hyphen, and the record's
    // position in every page's footer.
    let a = doc.alliance();
    let words: Vec<&str> = before.split_whitespace().collect();
    for fp in [
        a.covenant_versions[0].fingerprint.clone(),
        record::signed_fingerprint(a, 1),
    ] {
        assert!(words.contains(&fp.as_str()), "{fp} not whole in {before}");
    }
    let pages = crate::pdf::read_pages(
        &build(doc.alliance(), &request, day(2027, 3, 1))
            .unwrap()
            .bytes,
    );
    let at = record::head(a).unwrap().position();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Vastlegging {at}")),
            "page {}: {page}",
            i + 1
        );
    }
    let p = doc.alliance().party(2).unwrap().clone();
    let e = doc.alliance().update(Party {
        name: "Carintreggeland Zorg".into(),
        ..p
    });
    perform(&mut doc, e);
    assert_eq!(print(&doc), before);
    assert!(record::verify(doc.alliance()).is_ok());
}

#[test]
fn the_fingerprint_is_recomputed_from_the_printed_canonical_text() {
    let dir = Dir::new();
    let path = committed_lab(&dir);
    let a = load(&path);
    let file = path.to_str().unwrap();
    let (ok, text, err) = cli_with_input(&["verify", file, "--covenant", "1"], "");
    assert!(ok, "{err}");
    assert_eq!(
        record::sha256_hex(&text),
        a.covenant_versions[0].fingerprint
    );
    assert!(
        text.contains("commissioner: ") && text.contains("term: "),
        "{text}"
    );
    let (ok, text, _) = cli_with_input(&["verify", file, "--covenant", "1", "--signed"], "");
    assert!(ok);
    assert_eq!(record::sha256_hex(&text), record::signed_fingerprint(&a, 1));
    assert!(
        text.contains("signed: Carintreggeland; A. Jansen"),
        "{text}"
    );
    // Each entry's hash is the SHA-256 of the text `--entry` prints.
    for c in a.record.iter() {
        let (ok, text, _) = cli_with_input(&["verify", file, "--entry", &c.seq.to_string()], "");
        assert!(ok);
        assert_eq!(record::sha256_hex(&text), c.hash);
    }
}

#[test]
fn an_existing_file_gets_its_record_from_what_it_holds() {
    let dir = Dir::new();
    let path = crate::support::example_file(&dir, "noord.samenspel");
    let a = load(&path);
    assert!(!a.record.is_empty());
    assert!(record::verify(&a).is_ok());
    // The adopted rounds, the frozen covenant and its nine signatures.
    let count = |k| a.record.iter().filter(|c| c.kind == Some(k)).count();
    assert_eq!(count(CommitKind::Freeze), 1);
    assert_eq!(count(CommitKind::Signature), 9);
    assert!(count(CommitKind::Decision) >= 1);
}

/// In the window, a signing date the version cannot have is said at once,
/// with the day that is allowed, and the box cannot be ticked until it is
/// right: not before the freeze (12 January), not after today (1 March).
#[test]
fn a_signing_date_before_the_freeze_or_after_today_is_said_at_once_in_the_window() {
    use egui_kittest::kittest::{NodeT, Queryable};
    let dir = Dir::new();
    let path = committed_lab(&dir);
    let party = load(&path).party(3).unwrap().name.clone();
    let mut h = crate::ui::harness(crate::ui::app(
        &dir,
        Some(&path),
        crate::ui::FakeDialogs::default(),
    ));
    h.state_mut().set_today(day(2027, 3, 1));
    h.run();
    crate::ui::nav(&mut h, "Convenant");
    let date = format!("Datum ({party})");
    let tick = format!("Getekend ({party})");
    for (typed, said) in [
        (
            "01-01-2027",
            Some(
                "Deze versie werd vastgesteld op 12 januari 2027: een handtekening kan niet eerder zijn.",
            ),
        ),
        (
            "01-04-2027",
            Some("Een handtekening kan niet later zijn dan vandaag (1 maart 2027)."),
        ),
        ("15-02-2027", None),
    ] {
        h.get_by_label(&date).scroll_to_me();
        h.run();
        h.get_by_label(&date).focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        crate::typing::type_slowly(&mut h, typed);
        h.key_press(egui::Key::Tab);
        h.run();
        let disabled = h.get_by_label(&tick).accesskit_node().is_disabled();
        match said {
            Some(text) => {
                h.get_by_label(text);
                assert!(disabled, "{typed}: the box can be ticked");
            }
            None => assert!(!disabled, "{typed}: the box cannot be ticked"),
        }
    }
    h.get_by_label(&tick).click();
    h.run();
    let s = h
        .state()
        .alliance()
        .unwrap()
        .signatures
        .iter()
        .find(|s| s.party == 3)
        .unwrap()
        .clone();
    assert!(s.signed);
    assert_eq!(s.date, Some(day(2027, 2, 15)));
}

/// Through the window, on the covenant page: Ctrl+Z ten times walks back
/// nothing of the frozen version or its signatures, and a set signature
/// offers no field to type in.
#[test]
fn ctrl_z_in_the_window_leaves_a_frozen_signed_covenant_as_it_was() {
    use egui_kittest::kittest::Queryable;
    let dir = Dir::new();
    let path = committed_lab(&dir);
    let before = load(&path);
    let mut h = crate::ui::harness(crate::ui::app(
        &dir,
        Some(&path),
        crate::ui::FakeDialogs::default(),
    ));
    crate::ui::nav(&mut h, "Convenant");
    for _ in 0..10 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    }
    let signed = before.party(2).unwrap().name.clone();
    // (An unsigned block has the field: the query finds such fields.)
    let unsigned = before.party(3).unwrap().name.clone();
    h.get_by_label(&format!("Ondertekenaar ({unsigned})"));
    assert!(
        h.query_by_label(&format!("Ondertekenaar ({signed})"))
            .is_none(),
        "a set signature can be typed in"
    );
    drop(h);
    let after = load(&path);
    assert_eq!(after.covenant_versions, before.covenant_versions);
    assert_eq!(after.signatures, before.signatures);
    assert_eq!(after.clauses, before.clauses);
    assert!(after.covenant_versions[0].is_frozen());
    record::verify(&after).unwrap();
}
