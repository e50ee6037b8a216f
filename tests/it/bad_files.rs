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
    assert!(table.len() >= 13);
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
