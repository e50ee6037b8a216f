//! Confidential content locked at rest (issue 14): with a passphrase no
//! confidential text can be read from the file, its log or its undo
//! history; a locked alliance still works for everything else.

use samenspel::document::Document;
use samenspel::domain::{Answer, Interview, Party, Relation};
use samenspel::store::StoreError;

use crate::support::Dir;

const MARKS: [&str; 6] = [
    "ZWARTEDOOS-antwoord",
    "ZWARTEDOOS-notitie",
    "ZWARTEDOOS-partij",
    "ZWARTEDOOS-spanning",
    "ZWARTEDOOS-gesproken",
    "ZWARTEDOOS-overschreven",
];

fn bytes_of(dir: &Dir, name: &str) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        if let Ok(b) = std::fs::read(dir.path(&format!("{name}{suffix}"))) {
            all.extend(b);
        }
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// An example alliance with a marker in every kind of confidential text,
/// one of them overwritten (so the old text is only in the undo history).
fn planted(dir: &Dir, name: &str) -> Document {
    let path = dir.path(name);
    let mut doc = Document::create(&path, &samenspel::example::samen_noord(), &[]).unwrap();
    let a = doc.alliance().clone();
    let answer = a
        .answers
        .iter()
        .find(|x| !samenspel::domain::Confidential::expose(&x.text).is_empty())
        .unwrap();
    doc.perform(a.update(Answer {
        text: MARKS[5].into(),
        ..answer.clone()
    }))
    .unwrap();
    doc.seal();
    let a = doc.alliance().clone();
    let answer = a.answer_by_id(answer.id);
    doc.perform(a.update(Answer {
        text: MARKS[0].into(),
        ..answer
    }))
    .unwrap();
    let iv = a.interviews[0].clone();
    doc.perform(a.update(Interview {
        notes: MARKS[1].into(),
        spoken_with: MARKS[4].into(),
        ..iv
    }))
    .unwrap();
    let p = a.parties[0].clone();
    doc.perform(a.update(Party {
        notes: MARKS[2].into(),
        ..p
    }))
    .unwrap();
    let a = doc.alliance().clone();
    let r = a.relations[0].clone();
    doc.perform(a.update(Relation {
        note: MARKS[3].into(),
        facilitator_only: true,
        ..r
    }))
    .unwrap();
    doc
}

trait AnswerById {
    fn answer_by_id(&self, id: i64) -> Answer;
}
impl AnswerById for samenspel::domain::Alliance {
    fn answer_by_id(&self, id: i64) -> Answer {
        self.answers.iter().find(|a| a.id == id).unwrap().clone()
    }
}

#[test]
fn with_a_passphrase_no_confidential_text_is_left_in_the_file_its_log_or_its_history() {
    let dir = Dir::new();
    let mut doc = planted(&dir, "geheim.samenspel");
    let before = bytes_of(&dir, "geheim.samenspel");
    // Without a passphrase the texts are there (the test can see them).
    assert!(MARKS.iter().all(|m| contains(&before, m)));
    doc.set_passphrase_cheaply("correct paard batterij")
        .unwrap();
    let plain = doc.alliance().clone();
    drop(doc);
    let after = bytes_of(&dir, "geheim.samenspel");
    for m in MARKS {
        assert!(!contains(&after, m), "{m} is still readable in the file");
    }
    // Reopened: locked, with everything else in place.
    let path = dir.path("geheim.samenspel");
    let mut doc = Document::open(&path).unwrap();
    assert!(doc.is_encrypted() && doc.is_locked());
    let locked = doc.alliance().clone();
    assert_eq!(locked.parties.len(), plain.parties.len());
    assert_eq!(locked.parties[0].name, plain.parties[0].name);
    assert!(samenspel::crypt::is_sealed(
        samenspel::domain::Confidential::expose(&locked.parties[0].notes)
    ));
    assert!(samenspel::crypt::is_sealed(
        samenspel::domain::Confidential::expose(&locked.interviews[0].notes)
    ));
    // The room sees no sealed text.
    let room = format!("{:?}", samenspel::audience::room(&locked));
    assert!(!room.contains('\u{E000}'), "a sealed text reached the room");
    // Work goes on while locked: rename a party, undo it.
    let p = locked.parties[0].clone();
    doc.perform(locked.update(Party {
        name: "Nieuwe naam".into(),
        ..p.clone()
    }))
    .unwrap();
    assert!(doc.undo().unwrap());
    assert_eq!(doc.alliance().parties[0].name, p.name);
    // A confidential text typed while locked is refused, not written.
    let e = doc.alliance().update(Party {
        notes: "in de klare".into(),
        ..doc.alliance().parties[0].clone()
    });
    assert!(matches!(doc.perform(e), Err(StoreError::Locked)));
    assert!(!contains(
        &bytes_of(&dir, "geheim.samenspel"),
        "in de klare"
    ));
    // A wrong passphrase: one sentence, nothing changes.
    let err = doc.unlock("verkeerde zin").unwrap_err();
    assert_eq!(
        err.to_string(),
        "That passphrase is not right for this alliance."
    );
    assert!(doc.is_locked());
    assert_eq!(doc.alliance(), &locked);
    // The right one opens every text, and the history too.
    doc.unlock("correct paard batterij").unwrap();
    assert_eq!(doc.alliance(), &plain);
    let history = doc.store().history().unwrap();
    assert!(serde_json::to_string(&history).unwrap().contains(MARKS[5]));
    // Lock again at once: sealed in memory, the same as in the file.
    doc.lock();
    assert_eq!(doc.alliance(), &locked);
    // What undo would take back is named without the sealed text.
    let step = doc.next_step(true).unwrap().summary().unwrap();
    assert!(!samenspel::crypt::is_sealed(&step.label), "{step:?}");
    // Undo while locked reaches back into sealed history.
    doc.unlock("correct paard batterij").unwrap();
    assert!(doc.undo().unwrap());
    doc.lock();
    assert!(doc.redo().unwrap());
    doc.unlock("correct paard batterij").unwrap();
    assert_eq!(doc.alliance(), &plain);
    // A new passphrase: the old one no longer opens it.
    doc.set_passphrase_cheaply("een heel andere zin").unwrap();
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    assert!(doc.unlock("correct paard batterij").is_err());
    doc.unlock("een heel andere zin").unwrap();
    assert_eq!(doc.alliance(), &plain);
    let after = bytes_of(&dir, "geheim.samenspel");
    assert!(MARKS.iter().all(|m| !contains(&after, m)));
    // A passphrase is at least eight characters.
    assert_eq!(
        doc.set_passphrase_cheaply("kort").unwrap_err().to_string(),
        "A passphrase needs at least 8 characters."
    );
}

#[test]
fn a_sealed_text_cannot_be_moved_to_another_record_or_changed() {
    let (_, key) = samenspel::crypt::Lock::with_cost("lange zin hier", 64, 1).unwrap();
    let sealed = key.seal("party/1/notes", "geheim");
    assert_eq!(key.seal("party/1/notes", "geheim"), sealed, "deterministic");
    assert_ne!(
        key.seal("party/2/notes", "geheim"),
        sealed,
        "bound to its place"
    );
    assert_eq!(
        key.open("party/1/notes", &sealed).as_deref(),
        Some("geheim")
    );
    assert_eq!(key.open("party/2/notes", &sealed), None);
    let mut tampered = sealed.clone();
    tampered.pop();
    tampered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
    assert_eq!(key.open("party/1/notes", &tampered), None);
    let (_, other) = samenspel::crypt::Lock::with_cost("lange zin hier", 64, 1).unwrap();
    assert_eq!(other.open("party/1/notes", &sealed), None, "another salt");
}

/// The passphrase as a facilitator uses it in the window: set it from the
/// File menu (two typings that differ get one sentence), lock with Ctrl+L,
/// see the intakes and a party's notes locked while the register works,
/// and unlock with the passphrase typed one key at a time.
mod window {
    use egui::Modifiers;
    use egui_kittest::kittest::Queryable;

    use crate::support::{Dir, example_file};
    use crate::typing::type_slowly;
    use crate::ui::{FakeDialogs, app, click, harness, nav};

    fn focus_and_type(
        h: &mut egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>,
        label: &str,
        text: &str,
    ) {
        h.get_by_role_and_label(egui::accesskit::Role::PasswordInput, label)
            .focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
        h.run();
        type_slowly(h, text);
    }

    #[test]
    fn set_lock_and_unlock_a_passphrase_in_the_window() {
        let dir = Dir::new();
        let path = example_file(&dir, "venster.samenspel");
        {
            let mut doc = samenspel::document::Document::open(&path).unwrap();
            let a = doc.alliance().clone();
            let p = a
                .parties
                .iter()
                .find(|p| p.name == "Stichting Prisma")
                .unwrap();
            doc.perform(a.update(samenspel::domain::Party {
                notes: "Directeur twijfelt over de fusie.".into(),
                ..p.clone()
            }))
            .unwrap();
        }
        let before = samenspel::document::Document::open(&path)
            .unwrap()
            .alliance()
            .clone();
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        click(&mut h, "Bestand");
        click(&mut h, "Wachtwoordzin instellen…");
        h.get_by_label_contains("Wie de wachtwoordzin vergeet");
        // The cursor is in the first field; Enter goes on to the second,
        // and Enter there sets it.
        type_slowly(&mut h, "zomer aan zee 2026");
        h.key_press(egui::Key::Enter);
        h.run();
        type_slowly(&mut h, "zomer aan zee 2025");
        h.key_press(egui::Key::Enter);
        h.run();
        h.get_by_label("De twee wachtwoordzinnen zijn niet gelijk.");
        assert!(!h.state().document().unwrap().is_encrypted());
        focus_and_type(&mut h, "Herhaal de wachtwoordzin", "zomer aan zee 2026");
        click(&mut h, "Instellen");
        h.get_by_label_contains("Wachtwoordzin ingesteld");
        let doc = h.state().document().unwrap();
        assert!(doc.is_encrypted() && !doc.is_locked());
        // The file on disk holds no answer in the clear.
        let bytes = std::fs::read(&path).unwrap();
        let answer = samenspel::example::samen_noord()
            .answers
            .iter()
            .map(|a| samenspel::domain::Confidential::expose(&a.text).clone())
            .max_by_key(|t| t.len())
            .unwrap();
        assert!(!bytes.windows(answer.len()).any(|w| w == answer.as_bytes()));
        // Lock at once.
        h.key_press_modifiers(Modifiers::COMMAND, egui::Key::L);
        h.run();
        assert!(h.state().document().unwrap().is_locked());
        h.get_by_label("Vertrouwelijk: vergrendeld");
        // Presenting works while locked: every slide drawn, then back.
        h.key_press_modifiers(Modifiers::SHIFT, egui::Key::F5);
        h.run();
        assert!(h.state().presenting().is_some());
        for _ in 0..30 {
            h.key_press(egui::Key::ArrowRight);
            h.run();
        }
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(h.state().presenting().is_none());
        // The register works; a party's notes say they are locked.
        nav(&mut h, "Partijen");
        nav(&mut h, "Stichting Prisma");
        h.get_by_label("Vergrendeld: ontgrendel om dit te zien");
        // The intakes ask for the passphrase.
        nav(&mut h, "Intakegesprekken");
        h.get_by_label("Vertrouwelijke teksten vergrendeld");
        focus_and_type(&mut h, "Wachtwoordzin", "winter");
        click(&mut h, "Ontgrendelen");
        h.get_by_label("Die wachtwoordzin hoort niet bij deze alliantie.");
        assert!(h.state().document().unwrap().is_locked());
        focus_and_type(&mut h, "Wachtwoordzin", "zomer aan zee 2026");
        h.key_press(egui::Key::Enter);
        h.run();
        assert!(!h.state().document().unwrap().is_locked());
        assert!(
            h.query_by_label("Vertrouwelijke teksten vergrendeld")
                .is_none()
        );
        assert_eq!(h.state().alliance().unwrap(), &before);
        // Left alone, the texts lock by themselves; activity keeps them open.
        h.state_mut()
            .set_quiet_period(std::time::Duration::from_millis(1500));
        h.run();
        std::thread::sleep(std::time::Duration::from_millis(800));
        h.hover_at(egui::pos2(600.0, 400.0));
        h.run();
        std::thread::sleep(std::time::Duration::from_millis(800));
        h.run();
        assert!(!h.state().document().unwrap().is_locked(), "activity");
        std::thread::sleep(std::time::Duration::from_millis(1600));
        h.run();
        assert!(h.state().document().unwrap().is_locked(), "quiet");
        h.get_by_label("Vertrouwelijke teksten vergrendeld");
    }
}

/// The command line: `passphrase` sets and changes it (from the terminal,
/// or a line each from standard input with `--stdin`); what needs no
/// confidential text works on a locked file without it; the intake
/// summary and a clear-text export ask for it; a JSON backup of a locked
/// file is sealed and imports into a file with the same passphrase.
#[test]
fn the_command_line_asks_for_the_passphrase_only_where_confidential_text_is_needed() {
    let run = crate::support::cli_with_input;
    let dir = Dir::new();
    let file = dir.path("cli.samenspel");
    let f = file.to_str().unwrap();
    assert!(run(&["example", f], "").0);
    let answer = samenspel::example::samen_noord()
        .answers
        .iter()
        .map(|a| samenspel::domain::Confidential::expose(&a.text).clone())
        .max_by_key(|t| t.len())
        .unwrap();
    // Too short: one sentence, the file untouched.
    let before = std::fs::read(&file).unwrap();
    let (ok, _, err) = run(&["passphrase", f, "--stdin"], "kort\n");
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "samenspel: A passphrase needs at least 8 characters."
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let (ok, out, err) = run(&["passphrase", f, "--stdin"], "geheime zin 1\n");
    assert!(ok, "{err}");
    assert!(out.contains("cannot be recovered"), "{out}");
    assert!(!contains(&bytes_of(&dir, "cli.samenspel"), &answer));
    // Locked, the rest works.
    let (ok, out, err) = run(&["check", f], "");
    assert!(ok, "{out}{err}");
    let pack = dir.path("pack.pdf");
    let (ok, _, err) = run(&["pdf", "pack", f, "-o", pack.to_str().unwrap()], "");
    assert!(ok, "{err}");
    // The intake summary asks; a wrong passphrase writes nothing.
    let intake = dir.path("intake.pdf");
    let i = intake.to_str().unwrap();
    let (ok, _, err) = run(
        &["pdf", "intake", f, "-o", i, "--stdin"],
        "fout fout fout\n",
    );
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "samenspel: That passphrase is not right for this alliance."
    );
    assert!(!intake.exists());
    let (ok, _, err) = run(&["pdf", "intake", f, "-o", i, "--stdin"], "geheime zin 1\n");
    assert!(ok, "{err}");
    assert!(intake.exists());
    // A JSON backup of a locked file: sealed, with its lock.
    let (ok, sealed, err) = run(&["export-json", f], "");
    assert!(ok, "{err}");
    assert!(sealed.contains("\"lock\"") && !sealed.contains(&answer));
    let json = dir.path("backup.json");
    std::fs::write(&json, &sealed).unwrap();
    let copy = dir.path("terug.samenspel");
    let c = copy.to_str().unwrap();
    let (ok, _, err) = run(&["import-json", json.to_str().unwrap(), c], "");
    assert!(ok, "{err}");
    let (ok, clear, err) = run(
        &["export-json", c, "--decrypt", "--stdin"],
        "geheime zin 1\n",
    );
    assert!(ok, "{err}");
    let ex = samenspel::exchange::Exchange::parse(&clear).unwrap();
    assert_eq!(ex.alliance, samenspel::example::samen_noord());
    assert!(ex.lock.is_none());
    // Change it: the old one no longer opens the file.
    let (ok, out, err) = run(
        &["passphrase", f, "--stdin"],
        "geheime zin 1\nnieuwe zin 22\n",
    );
    assert!(ok, "{err}");
    assert!(out.contains("changed"), "{out}");
    let (ok, _, _) = run(
        &["export-json", f, "--decrypt", "--stdin"],
        "geheime zin 1\n",
    );
    assert!(!ok);
    let (ok, _, _) = run(
        &["export-json", f, "--decrypt", "--stdin"],
        "nieuwe zin 22\n",
    );
    assert!(ok);
}

/// Deleted and overwritten text is really gone: an answer overwritten
/// stays in the undo history only until that history is forgotten, from
/// the command line or from the File menu; then no byte of the file holds
/// it (secure_delete, the file rewritten).
#[test]
fn old_history_can_be_forgotten_and_its_texts_are_then_gone_from_the_file() {
    let dir = Dir::new();
    let path = dir.path("vergeten.samenspel");
    let mut doc = Document::create(&path, &samenspel::example::samen_noord(), &[]).unwrap();
    let a = doc.alliance().clone();
    let answer = a.answers[0].clone();
    doc.perform(a.update(Answer {
        text: "OUDGEHEIM-eerste-versie".into(),
        ..answer.clone()
    }))
    .unwrap();
    doc.seal();
    let a = doc.alliance().clone();
    doc.perform(a.update(Answer {
        text: "De afspraken zijn helder.".into(),
        ..a.answer_by_id(answer.id)
    }))
    .unwrap();
    doc.seal();
    drop(doc);
    assert!(contains(&bytes_of(&dir, "vergeten.samenspel"), "OUDGEHEIM"));
    // Make the first two steps a year old.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute(
            "UPDATE history SET at = '2025-01-01T10:00:00Z' WHERE seq <= 2",
            [],
        )
        .unwrap();
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["prune-history", path.to_str().unwrap(), "--months", "6"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!(
            "Forgot 2 undo steps older than 6 months in {}.",
            path.display()
        )
    );
    assert!(!contains(
        &bytes_of(&dir, "vergeten.samenspel"),
        "OUDGEHEIM"
    ));
    let doc = Document::open(&path).unwrap();
    assert!(!doc.can_undo());
    assert_eq!(
        samenspel::domain::Confidential::expose(&doc.alliance().answers[0].text),
        "De afspraken zijn helder."
    );
}

mod forget_window {
    use egui_kittest::kittest::Queryable;

    use crate::support::{Dir, example_file};
    use crate::ui::{FakeDialogs, app, click, harness};

    #[test]
    fn forgetting_history_from_the_file_menu_says_how_much_and_asks_first() {
        let dir = Dir::new();
        let path = example_file(&dir, "menu.samenspel");
        {
            let mut doc = samenspel::document::Document::open(&path).unwrap();
            for name in ["Een", "Twee", "Drie"] {
                let e = doc.alliance().set_info(samenspel::domain::AllianceInfo {
                    name: name.into(),
                    ..doc.alliance().info.clone()
                });
                doc.perform(e).unwrap();
                doc.seal();
            }
            drop(doc);
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute(
                "UPDATE history SET at = '2024-05-01T10:00:00Z' WHERE seq <= 2",
                [],
            )
            .unwrap();
        }
        let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
        click(&mut h, "Bestand");
        click(&mut h, "Oude geschiedenis vergeten…");
        click(&mut h, "ouder dan 12 maanden");
        h.get_by_label_contains("2 stappen van meer dan 12 maanden geleden worden vergeten");
        click(&mut h, "Annuleren");
        assert!(h.query_by_label_contains("worden vergeten").is_none());
        click(&mut h, "Bestand");
        click(&mut h, "Oude geschiedenis vergeten…");
        click(&mut h, "ouder dan 12 maanden");
        click(&mut h, "Vergeten");
        h.get_by_label_contains("2 oude stappen vergeten.");
        let history = h.state().document().unwrap().store().history().unwrap();
        assert_eq!(history.len(), 1);
    }
}

/// A backup made before a migration is a copy of the file as it was, the
/// texts readable: a passphrase would not reach it, so setting one removes
/// it, and says so.
#[test]
fn older_backups_beside_the_file_are_removed_when_a_passphrase_is_set() {
    let dir = Dir::new();
    let path = dir.path("oud.samenspel");
    samenspel::store::Store::create_at_version(&path, 1).unwrap();
    let backup = samenspel::store::backup_path(&path, 1);
    {
        let doc = Document::open(&path).unwrap();
        assert_eq!(doc.old_backups(), vec![backup.clone()]);
    }
    assert!(backup.exists());
    let (ok, text, err) = crate::support::cli_with_input(
        &["passphrase", path.to_str().unwrap(), "--stdin"],
        "een nieuwe zin hier\n",
    );
    assert!(ok, "{err}");
    assert!(
        text.contains("Removed the older backups in which the texts could still be read")
            && text.contains("oud.samenspel.v1.backup"),
        "{text}"
    );
    assert!(!backup.exists(), "the backup is still there");
}
