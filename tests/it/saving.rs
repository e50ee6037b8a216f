//! Saving tells the truth (issue 27): when another program holds the
//! alliance file's write lock (a backup tool, a sync client, the `sqlite3`
//! program in a transaction), what is typed waits in memory, the status
//! bar never says "saved", and it is written once the file is free.
//! Leaving while something waits asks first.

use egui_kittest::kittest::Queryable;

use crate::support::{Dir, example_file, load};
use crate::typing::type_into;
use crate::ui::{FakeDialogs, app, harness};

const SAVED: &str = "Alle wijzigingen zijn bewaard";

/// Another program's connection in a write transaction: it holds the lock
/// until it ends.
fn hold_lock(path: &std::path::Path) -> rusqlite::Connection {
    let other = rusqlite::Connection::open(path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other
}

fn status_says_saved(h: &egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>) -> bool {
    h.query_by_label_contains(SAVED).is_some()
}

#[test]
fn typed_while_another_program_holds_the_file_waits_and_is_written_when_it_lets_go() {
    let dir = Dir::new();
    let path = example_file(&dir, "vergrendeld.samenspel");
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    assert!(status_says_saved(&h));
    let other = hold_lock(&path);

    h.get_by_label("Opdrachtgever").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    // One key at a time; after each, the status bar never claims "saved".
    for ch in "Gemeente Zaanstad".chars() {
        h.event(egui::Event::Text(ch.to_string()));
        h.step();
        assert!(!status_says_saved(&h), "after {ch:?} the window says saved");
    }
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    h.get_by_label_contains("Nog niet bewaard: een ander programma gebruikt het bestand");
    assert!(h.state().error().is_none(), "no dialog to click away");
    // In the window as typed; not yet in the file.
    assert_eq!(
        h.state().alliance().unwrap().info.commissioner.name,
        "Gemeente Zaanstad"
    );
    assert_ne!(load(&path).info.commissioner.name, "Gemeente Zaanstad");

    // The other program lets go: within a second or so it is written.
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run();
    assert!(status_says_saved(&h));
    assert_eq!(load(&path).info.commissioner.name, "Gemeente Zaanstad");
    // And it is one undo step, as typing is.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    drop(h);
    assert_eq!(
        load(&path).info.commissioner.name,
        samenspel::example::samen_noord().info.commissioner.name
    );
}

#[test]
fn closing_while_an_edit_waits_asks_and_letting_go_leaves_the_file_as_it_was() {
    let dir = Dir::new();
    let path = example_file(&dir, "sluiten.samenspel");
    let before = load(&path);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    let other = hold_lock(&path);
    type_into(&mut h, "Opdrachtgever", "Provincie");
    // Close the alliance (Ctrl+W): it asks first, and stays open.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    h.run();
    h.get_by_label_contains("1 wijziging staat nog niet in het bestand");
    assert!(
        h.state().alliance().is_some(),
        "closed with an edit waiting"
    );
    // "Opnieuw proberen" while the lock is still held: still asking.
    h.get_by_label("Opnieuw proberen").click();
    h.run();
    assert!(h.state().alliance().is_some());
    h.get_by_label("Loslaten").click();
    h.run();
    assert!(h.state().alliance().is_none(), "closed after letting go");
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    drop(h);
    assert_eq!(load(&path), before);
}

#[test]
fn a_waiting_edit_is_kept_in_a_copy_when_the_file_stays_locked() {
    let dir = Dir::new();
    let path = example_file(&dir, "kopie.samenspel");
    let dialogs = FakeDialogs::default();
    let mut h = harness(app(&dir, Some(&path), dialogs.clone()));
    let other = hold_lock(&path);
    type_into(&mut h, "Opdrachtgever", "Waterschap");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::W);
    h.run();
    let copy = dir.path("kopie (bewaard).samenspel");
    *dialogs.save.borrow_mut() = Some(copy.clone());
    h.get_by_label("Kopie bewaren…").click();
    h.run();
    // The work goes on in the copy, which holds what was typed.
    assert_eq!(
        h.state().alliance().unwrap().info.commissioner.name,
        "Waterschap"
    );
    assert_eq!(load(&copy).info.commissioner.name, "Waterschap");
    other.execute_batch("ROLLBACK").unwrap();
}

/// The settings name the alliances opened recently: this user's only.
#[cfg(unix)]
#[test]
fn the_settings_file_is_readable_by_its_user_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    let path = example_file(&dir, "recent.samenspel");
    // Left by an older version, readable by all.
    std::fs::create_dir_all(dir.path("config")).unwrap();
    let settings = dir.path("config").join("settings.json");
    std::fs::write(&settings, "{}").unwrap();
    std::fs::set_permissions(&settings, std::fs::Permissions::from_mode(0o644)).unwrap();
    let h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    drop(h);
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(text.contains("recent.samenspel"), "{text}");
    let mode = std::fs::metadata(&settings).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
}

/// Every command while another program holds the file's write lock:
/// reading ones work, writing ones say in one sentence that another
/// program uses the file, change nothing, and never speak the database's
/// words.
#[test]
fn every_command_under_another_programs_lock_reads_or_says_so_in_one_sentence() {
    use crate::support::cli_with_input;
    let dir = Dir::new();
    let path = example_file(&dir, "bezet.samenspel");
    let csv = dir.path("nieuw.csv");
    std::fs::write(&csv, "Naam;Soort\r\nStichting Nieuw;welzijn\r\n").unwrap();
    let before = load(&path);
    let other = hold_lock(&path);
    let file = path.to_str().unwrap();
    let pdf = dir.path("notulen.pdf");
    let raw = [
        "Database error",
        "serde",
        "column",
        "disk I/O error",
        "database is locked",
    ];
    for args in [
        vec!["check", file],
        vec!["verify", file],
        vec!["export-json", file],
        vec!["pdf", "minutes", file, "-o", pdf.to_str().unwrap()],
    ] {
        let (ok, out, err) = cli_with_input(&args, "");
        assert!(ok, "{args:?}: {err}");
        for w in raw {
            assert!(!format!("{out}{err}").contains(w), "{args:?}: {err}");
        }
    }
    // Each writing command waits its five seconds for the lock before it
    // gives up: the three wait side by side, each on a copy of its own held
    // the same way (on one file they would see each other's lock instead).
    let copies: Vec<_> = ["import", "passphrase", "prune"]
        .iter()
        .map(|name| {
            let copy = example_file(&dir, &format!("bezet-{name}.samenspel"));
            let was = load(&copy);
            let held = hold_lock(&copy);
            (copy, was, held)
        })
        .collect();
    let name = |i: usize| copies[i].0.to_str().unwrap();
    let writers = [
        vec!["import-csv", "parties", csv.to_str().unwrap(), name(0)],
        vec!["passphrase", name(1), "--stdin"],
        vec!["prune-history", name(2), "--months", "0"],
    ];
    let answers: Vec<_> = std::thread::scope(|s| {
        let waiting: Vec<_> = writers
            .iter()
            .map(|args| s.spawn(|| cli_with_input(args, "een lange zin\neen lange zin\n")))
            .collect();
        waiting.into_iter().map(|w| w.join().unwrap()).collect()
    });
    for (args, (ok, out, err)) in writers.iter().zip(answers) {
        assert!(!ok, "{args:?} wrote under another program's lock: {out}");
        assert!(
            err.contains("Another program is using the alliance file right now")
                || err.contains("nothing changed: another program is using the file"),
            "{args:?}: {err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        for w in raw {
            assert!(!err.contains(w), "{args:?}: {err}");
        }
    }
    for (copy, was, held) in copies {
        held.execute_batch("ROLLBACK").unwrap();
        drop(held);
        assert_eq!(load(&copy), was);
    }
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    assert_eq!(load(&path), before);
}
