//! Bad files (issue 14): each is refused with one sentence, or opened only
//! to read, and keeps every byte; no log is left beside it.

use std::path::{Path, PathBuf};
use std::process::Command;

use samenspel::document::Document;
use samenspel::store::{Access, LATEST, StoreError};

use crate::support::{Dir, example_file};

fn sidecars(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm"]
        .iter()
        .map(|s| {
            let mut p = path.as_os_str().to_os_string();
            p.push(s);
            PathBuf::from(p)
        })
        .collect()
}

fn cli(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// An example file, closed cleanly, then changed with SQLite by hand.
fn tampered(dir: &Dir, name: &str, sql: &str) -> PathBuf {
    let path = example_file(dir, name);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(sql).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    path
}

/// A file with one page of zeros in the middle.
fn zeroed_page(dir: &Dir, name: &str, page: usize) -> PathBuf {
    let path = tampered(dir, name, "");
    let mut bytes = std::fs::read(&path).unwrap();
    let size = 4096;
    assert!(bytes.len() > (page + 1) * size);
    bytes[page * size..(page + 1) * size].fill(0);
    std::fs::write(&path, bytes).unwrap();
    path
}

enum Expect {
    Refused(fn(&StoreError) -> bool),
    Damaged,
}

/// Every bad file in the table: opened by the window (`Document::open`),
/// checked and exported on the command line.
#[test]
fn bad_files_are_refused_in_one_sentence_and_keep_their_bytes() {
    let dir = Dir::new();
    let mut cases: Vec<(&str, PathBuf, Expect)> = Vec::new();
    let text = dir.path("tekst.samenspel");
    std::fs::write(&text, "Dit is een tekst, geen alliantie. ".repeat(20)).unwrap();
    cases.push((
        "a text file",
        text,
        Expect::Refused(|e| matches!(e, StoreError::NotSqlite(_))),
    ));
    let empty = dir.path("leeg.samenspel");
    std::fs::write(&empty, b"").unwrap();
    cases.push((
        "an empty file",
        empty,
        Expect::Refused(|e| matches!(e, StoreError::NotSqlite(_))),
    ));
    let stub = dir.path("stomp.samenspel");
    let mut head = b"SQLite format 3\0".to_vec();
    head.resize(60, 0);
    std::fs::write(&stub, head).unwrap();
    cases.push((
        "only the start of a SQLite header",
        stub,
        Expect::Refused(|e| matches!(e, StoreError::NotSqlite(_))),
    ));
    let foreign = dir.path("ander.db");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    cases.push((
        "another program's database",
        foreign,
        Expect::Refused(|e| matches!(e, StoreError::ForeignDatabase(_))),
    ));
    let marked = dir.path("merk.samenspel");
    {
        let c = rusqlite::Connection::open(&marked).unwrap();
        c.pragma_update(None, "application_id", samenspel::store::APPLICATION_ID)
            .unwrap();
        c.execute_batch("CREATE TABLE t (x);").unwrap();
    }
    cases.push((
        "Samenspel's mark but no tables",
        marked,
        Expect::Refused(|e| matches!(e, StoreError::Forged(_))),
    ));
    cases.push((
        "a forged old file version",
        tampered(&dir, "oud.samenspel", "PRAGMA user_version = 3;"),
        Expect::Refused(|e| matches!(e, StoreError::Forged(_))),
    ));
    cases.push((
        "a newer file version",
        tampered(
            &dir,
            "nieuw.samenspel",
            &format!("PRAGMA user_version = {};", LATEST + 3),
        ),
        Expect::Refused(|e| matches!(e, StoreError::TooNew { .. })),
    ));
    cases.push((
        "a table taken out",
        tampered(&dir, "zonder.samenspel", "DROP TABLE vote;"),
        Expect::Refused(|e| matches!(e, StoreError::Forged(_))),
    ));
    cases.push((
        "a column added by hand",
        tampered(
            &dir,
            "kolom.samenspel",
            "ALTER TABLE party ADD COLUMN secret TEXT;",
        ),
        Expect::Refused(|e| matches!(e, StoreError::Forged(_))),
    ));
    cases.push((
        "a trigger added by hand",
        tampered(
            &dir,
            "trigger.samenspel",
            "CREATE TRIGGER t BEFORE UPDATE ON answer BEGIN UPDATE situation SET text = 'x'; END;",
        ),
        Expect::Refused(|e| matches!(e, StoreError::Forged(_))),
    ));
    cases.push((
        "a view added by hand",
        tampered(
            &dir,
            "view.samenspel",
            "CREATE VIEW v AS SELECT * FROM party;",
        ),
        Expect::Refused(|e| matches!(e, StoreError::Forged(_))),
    ));
    cases.push((
        "a zeroed page",
        zeroed_page(&dir, "nul.samenspel", 3),
        Expect::Damaged,
    ));
    let half = tampered(&dir, "half.samenspel", "");
    let bytes = std::fs::read(&half).unwrap();
    std::fs::write(&half, &bytes[..bytes.len() / 2]).unwrap();
    cases.push(("a file cut in half", half, Expect::Damaged));
    let folder = dir.path("map.samenspel");
    std::fs::create_dir(&folder).unwrap();
    cases.push((
        "a folder",
        folder,
        Expect::Refused(|e| matches!(e, StoreError::IsFolder(_))),
    ));
    cases.push((
        "a file that is not there",
        dir.path("nergens.samenspel"),
        Expect::Refused(|e| matches!(e, StoreError::NotFound(_))),
    ));
    let mut table = Vec::new();
    for (what, path, expect) in &cases {
        let before = std::fs::read(path).ok();
        let opened = Document::open(path);
        let said = match (expect, opened) {
            (Expect::Refused(is), Err(e)) => {
                assert!(is(&e), "{what}: {e}");
                let sentence = samenspel::i18n::Lang::Nl.store_error(&e);
                assert!(
                    sentence.ends_with('.') && !sentence.contains('\n'),
                    "{what}: {sentence}"
                );
                assert!(!sentence.contains("SQL"), "{what}: {sentence}");
                sentence
            }
            (Expect::Damaged, Ok(doc)) => {
                assert_eq!(doc.access(), Access::Damaged, "{what}");
                // What can be read passes every check.
                assert!(
                    doc.alliance().check().is_empty(),
                    "{what}: {:?}",
                    doc.alliance().check()
                );
                "geopend om te lezen, met de melding dat het beschadigd is".into()
            }
            (_, other) => panic!("{what}: {other:?}"),
        };
        let p = path.to_str().unwrap();
        let (ok, err) = cli(&["export-json", p]);
        assert!(!ok, "{what}: export-json must refuse");
        assert_eq!(err.trim().lines().count(), 1, "{what}: {err}");
        let (ok, _) = cli(&["check", p]);
        assert!(!ok, "{what}: check must fail");
        assert_eq!(std::fs::read(path).ok(), before, "{what}: bytes changed");
        for side in sidecars(path) {
            assert!(!side.exists(), "{what}: {} appeared", side.display());
        }
        table.push(format!("| {what} | {said} |"));
    }
    assert!(table.len() >= 15);
    println!("{}", table.join("\n"));
}

/// A damaged file in the window: a banner says so, and "Kopie bewaren…"
/// saves what can be read as a new alliance, which is then open.
#[test]
fn a_damaged_file_offers_to_save_a_copy_of_what_can_be_read() {
    use crate::ui::{FakeDialogs, app, click, harness};
    use egui_kittest::kittest::Queryable;
    let dir = Dir::new();
    let path = zeroed_page(&dir, "stuk.samenspel", 3);
    let dialogs = FakeDialogs::default();
    let copy = dir.path("gered.samenspel");
    *dialogs.save.borrow_mut() = Some(copy.clone());
    let mut h = harness(app(&dir, Some(&path), dialogs));
    h.get_by_label_contains("Dit bestand is beschadigd");
    click(&mut h, "Kopie bewaren…");
    let doc = h.state().document().unwrap();
    assert_eq!(doc.path(), copy.as_path());
    assert_eq!(doc.access(), Access::ReadWrite);
    assert!(doc.alliance().check().is_empty());
    assert!(!doc.alliance().parties.is_empty() || !doc.alliance().people.is_empty());
    let (ok, err) = cli(&["check", copy.to_str().unwrap()]);
    assert!(ok, "{err}");
}

/// Import checks everything `check` checks before it writes anything: each
/// bad export gets one sentence naming the record, and no file appears.
#[test]
fn bad_exports_are_refused_on_import_in_one_sentence_naming_the_record() {
    use serde_json::{Value, json};
    let dir = Dir::new();
    let good = serde_json::to_value(samenspel::exchange::Exchange {
        format: "samenspel-alliance".into(),
        version: 1,
        alliance: samenspel::example::samen_noord(),
        history: vec![],
        lock: None,
    })
    .unwrap();
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "a relation to a party that is not there",
            with(&|v| v["alliance"]["relations"][0]["to"] = json!({"party": 999})),
            "party 999",
        ),
        (
            "a relation of a party to itself",
            with(&|v| {
                let from = v["alliance"]["relations"][0]["from"].clone();
                v["alliance"]["relations"][0]["to"] = from;
            }),
            "to itself",
        ),
        (
            "a party without a name",
            with(&|v| v["alliance"]["parties"][1]["name"] = json!("  ")),
            "party 2 has no name",
        ),
        (
            "a frozen covenant with a changed clause",
            with(&|v| {
                v["alliance"]["clauses"][4]["text"] = json!("Wie het meest betaalt, beslist.")
            }),
            "covenant",
        ),
        (
            "a position outside what a number can hold",
            with(&|v| v["alliance"]["map_nodes"][0]["x"] = json!(1e39)),
            "map node 1",
        ),
        (
            "a 50 MB text",
            with(&|v| v["alliance"]["parties"][0]["notes"] = json!("x".repeat(50_000_000))),
            "longer than 100000 characters",
        ),
        (
            "a name of 2,000 characters",
            with(&|v| v["alliance"]["bodies"][0]["name"] = json!("n".repeat(2000))),
            "longer than 500 characters",
        ),
        (
            "two parties with one id",
            with(&|v| v["alliance"]["parties"][1]["id"] = json!(1)),
            "share id 1",
        ),
        (
            "a vote in a round that is not there",
            with(&|v| v["alliance"]["votes"][0]["round"] = json!(77)),
            "consensus round 77",
        ),
        (
            "text that is not JSON",
            "{ dit is geen json".into(),
            "not readable",
        ),
        (
            "a cut-off export",
            good.to_string()[..good.to_string().len() / 2].to_string(),
            "not readable",
        ),
        (
            "another program's JSON",
            json!({"format": "iets-anders", "version": 1}).to_string(),
            "not a Samenspel alliance export",
        ),
        (
            "a newer export",
            with(&|v| v["version"] = json!(9)),
            "newer Samenspel",
        ),
    ];
    for (i, (what, text, says)) in cases.iter().enumerate() {
        let json = dir.path(&format!("bad-{i}.json"));
        std::fs::write(&json, text).unwrap();
        let file = dir.path(&format!("bad-{i}.samenspel"));
        let (ok, err) = cli(&[
            "import-json",
            json.to_str().unwrap(),
            file.to_str().unwrap(),
        ]);
        assert!(!ok, "{what}: imported");
        assert_eq!(err.trim().lines().count(), 1, "{what}: {err}");
        assert!(err.contains(says), "{what}: {err}");
        assert!(!err.contains("FOREIGN KEY"), "{what}: {err}");
        assert!(!file.exists(), "{what}: a file was written");
    }
}

/// `check` tells problems from notes: an interview not yet held is a note
/// (exit 0); it leaves nothing beside the file it read; and a reader that
/// stops early is no error.
#[test]
fn check_separates_notes_from_problems_and_leaves_nothing_behind() {
    let dir = Dir::new();
    let path = dir.path("notitie.samenspel");
    {
        let mut doc =
            Document::create(&path, &samenspel::domain::Alliance::named("Notities"), &[]).unwrap();
        let e = doc.alliance().insert(samenspel::domain::Party {
            name: "Stichting Later".into(),
            ..Default::default()
        });
        doc.perform(e).unwrap();
        let e = doc.alliance().new_interview(1, None);
        doc.perform(e).unwrap();
    }
    let p = path.to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["check", p])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("consistency check: ok"), "{text}");
    assert!(text.contains("note: interview 1 has no answers"), "{text}");
    for side in sidecars(&path) {
        assert!(!side.exists(), "{} left behind", side.display());
    }
    let piped = Command::new("bash")
        .args([
            "-c",
            &format!(
                "'{}' check '{p}' | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}",
                env!("CARGO_BIN_EXE_samenspel")
            ),
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&piped.stdout).trim(), "0");
    assert!(piped.stderr.is_empty(), "{:?}", piped.stderr);
}

/// Found by a review as a new user would try it: an export never lands on
/// an alliance (not even the one it comes from), and an existing export
/// file becomes private; a damaged file says so when asked to change.
#[test]
fn an_export_never_overwrites_an_alliance_and_a_damaged_file_says_why_it_stays() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    let path = example_file(&dir, "zelf.samenspel");
    let p = path.to_str().unwrap();
    let before = std::fs::read(&path).unwrap();
    for args in [
        vec!["export-json", p, "-o", p],
        vec!["pdf", "pack", p, "-o", p],
    ] {
        let (ok, err) = cli(&args);
        assert!(!ok, "{args:?}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{args:?} overwrote the alliance"
        );
    }
    // Nor onto an alliance of a newer Samenspel.
    let future = tampered(
        &dir,
        "toekomst.samenspel",
        &format!("PRAGMA user_version = {};", LATEST + 3),
    );
    let kept = std::fs::read(&future).unwrap();
    let (ok, _) = cli(&["export-json", p, "-o", future.to_str().unwrap()]);
    assert!(!ok);
    assert_eq!(std::fs::read(&future).unwrap(), kept);
    let json = dir.path("oud.json");
    std::fs::write(&json, "{}").unwrap();
    std::fs::set_permissions(&json, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (ok, err) = cli(&["export-json", p, "-o", json.to_str().unwrap()]);
    assert!(ok, "{err}");
    let mode = std::fs::metadata(&json).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let broken = zeroed_page(&dir, "stuk.samenspel", 3);
    let (ok, err) = cli(&["prune-history", broken.to_str().unwrap(), "--months", "1"]);
    assert!(!ok);
    assert!(err.contains("damaged"), "{err}");
    assert!(!err.contains("another Samenspel window"), "{err}");
}

/// Sealed texts in an export: only in confidential fields, only with the
/// lock, and with the lock never a confidential text in the clear; a
/// sealed text changed outside Samenspel is named, not passed on sealed.
#[test]
fn sealed_texts_in_an_export_follow_the_rules_and_a_changed_one_is_named() {
    use serde_json::{Value, json};
    let dir = Dir::new();
    let path = example_file(&dir, "slot.samenspel");
    Document::open(&path)
        .unwrap()
        .set_passphrase_cheaply("een goede zin hier")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["export-json", path.to_str().unwrap()])
        .output()
        .unwrap();
    let sealed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let import = |name: &str, v: &Value| {
        let json = dir.path(&format!("{name}.json"));
        std::fs::write(&json, v.to_string()).unwrap();
        let file = dir.path(&format!("{name}.samenspel"));
        let (ok, err) = cli(&[
            "import-json",
            json.to_str().unwrap(),
            file.to_str().unwrap(),
        ]);
        (ok, err, file)
    };
    let notes = sealed["alliance"]["interviews"][0]["notes"].clone();
    let mut v = sealed.clone();
    v["alliance"]["parties"][0]["name"] = notes.clone();
    let (ok, err, _) = import("naam", &v);
    assert!(!ok && err.contains("the name of party 1"), "{err}");
    let mut v = sealed.clone();
    v.as_object_mut().unwrap().remove("lock");
    let (ok, err, _) = import("zonder-slot", &v);
    assert!(!ok && err.contains("no lock"), "{err}");
    let mut v = sealed.clone();
    v["alliance"]["interviews"][0]["notes"] = json!("in de klare");
    let (ok, err, _) = import("klaar", &v);
    assert!(!ok && err.contains("is not sealed"), "{err}");
    let mut v = sealed.clone();
    v["history"] = json!([
        {"seq": 1, "at": "gisteren", "undone": false, "edit": {"kind": "batch", "change": []}}
    ]);
    let (ok, err, _) = import("tijd", &v);
    assert!(!ok && err.contains("no valid time"), "{err}");
    // A sealed text moved to another record imports (it cannot be opened
    // without the passphrase), but opening it says which one it is.
    let mut v = sealed.clone();
    let other = v["alliance"]["interviews"][1]["notes"].clone();
    v["alliance"]["interviews"][0]["notes"] = other;
    let (ok, err, file) = import("verschoven", &v);
    assert!(ok, "{err}");
    let (ok, _, err) = crate::support::cli_with_input(
        &[
            "export-json",
            file.to_str().unwrap(),
            "--decrypt",
            "--stdin",
        ],
        "een goede zin hier\n",
    );
    assert!(!ok);
    assert!(err.contains("notes of interview 1"), "{err}");
}
