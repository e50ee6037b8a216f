use std::path::Path;

use samenspel::document::Document;
use samenspel::domain::{Alliance, Body, BodyKind, Party, Person};
use samenspel::example;
use samenspel::store::{self, Access, LATEST, Store, StoreError};

use crate::support::{Dir, example_file, load};

#[test]
fn every_entity_round_trips_through_the_file() {
    let dir = Dir::new();
    let path = example_file(&dir, "noord.samenspel");
    let original = example::samen_noord();
    assert_eq!(load(&path), original);
    // And a party with every field filled.
    let mut doc = Document::open(&path).unwrap();
    let full = Party {
        id: 0,
        name: "Stichting Volledig — é ö ë".into(),
        kind: samenspel::domain::PartyKind::HousingCorporation,
        staff: Some(321),
        service_area: "Noord".into(),
        services: vec!["jeugd".into(), "schulden, hulp".into()],
        contact: "info@example.org".into(),
        notes: "regel 1\nregel 2".into(),
        left: chrono::NaiveDate::from_ymd_opt(2019, 6, 30),
    };
    let edit = doc.alliance().insert(full);
    doc.perform(edit).unwrap();
    let expected = doc.alliance().clone();
    drop(doc);
    assert_eq!(load(&path), expected);
}

/// The tables come from the declaration of the kinds (`entities!`): every
/// kind's table has exactly its record's fields as columns in the file's
/// schema (a new kind without its migration, or a field without its
/// column, fails here), a yes/no field is an INTEGER column, and every
/// field that holds a list or a nested record in the examples is declared
/// as JSON.
#[test]
fn the_record_tables_have_exactly_the_fields_of_the_records() {
    use samenspel::domain::edit::{Entity, KindVisitor, for_each_kind};
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    store::schema::migrate_to(&mut conn, LATEST).unwrap();
    let tables = store::record_tables();
    assert_eq!(tables.len(), 40);
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("PRAGMA table_info({})", table.name))
            .unwrap();
        let schema: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut in_file: Vec<&str> = schema.iter().map(|(c, _)| c.as_str()).collect();
        let mut columns = table.columns.to_vec();
        in_file.sort();
        columns.sort();
        assert_eq!(columns, in_file, "table {}", table.name);
        for flag in table.flags {
            let (_, ty) = schema.iter().find(|(c, _)| c == flag).unwrap();
            assert_eq!(ty, "INTEGER", "{}.{flag} is a yes/no", table.name);
        }
        for json in table.json {
            assert!(columns.contains(json), "{}.{json} is a field", table.name);
        }
    }
    struct Structured<'a>(&'a samenspel::domain::Alliance, Vec<String>, usize);
    impl KindVisitor for Structured<'_> {
        type Error = std::convert::Infallible;
        fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
            for x in T::all(self.0) {
                self.2 += 1;
                let value = serde_json::to_value(x).unwrap();
                for (field, v) in value.as_object().unwrap() {
                    if (v.is_array() || v.is_object()) && !T::JSON.contains(&field.as_str()) {
                        self.1.push(format!("{}.{field}", T::TABLE));
                    }
                }
            }
            Ok(())
        }
    }
    for a in [example::samen_noord(), example::region()] {
        let mut walk = Structured(&a, Vec::new(), 0);
        let Ok(()) = for_each_kind(&mut walk);
        assert!(walk.2 > 300, "{} records walked", walk.2);
        assert!(walk.1.is_empty(), "not declared as JSON: {:?}", walk.1);
    }
}

#[test]
fn a_new_file_is_migrated_from_empty_to_the_latest_schema() {
    let dir = Dir::new();
    let path = dir.path("new.samenspel");
    let doc = Document::create(&path, &Alliance::named("Nieuw"), &[]).unwrap();
    assert_eq!(doc.store().schema_version().unwrap(), LATEST);
    assert_eq!(doc.alliance().info.name, "Nieuw");
    drop(doc);
    let conn = rusqlite_conn(&path);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, store::APPLICATION_ID);
}

fn rusqlite_conn(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

#[test]
fn an_older_file_is_backed_up_then_migrated() {
    let dir = Dir::new();
    let path = dir.path("old.samenspel");
    Store::create_at_version(&path, 1).unwrap();
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.store().schema_version().unwrap(), LATEST);
    drop(doc);
    let backup = store::backup_path(&path, 1);
    assert!(backup.exists(), "no backup at {}", backup.display());
    let conn = rusqlite_conn(&backup);
    let v: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1, "the backup keeps the old version");
}

fn assert_refused_unchanged(path: &Path, check: impl Fn(&StoreError) -> bool) {
    let before = std::fs::read(path).unwrap();
    let err = Document::open(path).expect_err("must refuse");
    assert!(check(&err), "unexpected error: {err}");
    assert!(err.to_string().ends_with('.'), "one sentence: {err}");
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "the bad file's bytes changed"
    );
    let mut side = path.as_os_str().to_os_string();
    side.push("-wal");
    assert!(!Path::new(&side).exists(), "a -wal file appeared");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_unchanged() {
    let dir = Dir::new();
    let path = dir.path("notes.samenspel");
    std::fs::write(
        &path,
        "Dit is een tekstbestand, geen alliantie. ".repeat(10),
    )
    .unwrap();
    assert_refused_unchanged(&path, |e| matches!(e, StoreError::NotSqlite(_)));
    let empty = dir.path("empty.samenspel");
    std::fs::write(&empty, b"").unwrap();
    assert_refused_unchanged(&empty, |e| matches!(e, StoreError::NotSqlite(_)));
}

#[test]
fn a_sqlite_file_of_another_program_is_refused_unchanged() {
    let dir = Dir::new();
    let path = dir.path("other.db");
    {
        let conn = rusqlite_conn(&path);
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    assert_refused_unchanged(&path, |e| matches!(e, StoreError::ForeignDatabase(_)));
}

#[test]
fn a_file_from_a_newer_samenspel_is_refused_unchanged() {
    let dir = Dir::new();
    let path = example_file(&dir, "future.samenspel");
    {
        let conn = rusqlite_conn(&path);
        conn.pragma_update(None, "user_version", LATEST + 5)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    assert_refused_unchanged(&path, |e| matches!(e, StoreError::TooNew { .. }));
}

/// A file that cannot be written (issue 14: a read-only file, a folder on
/// a backup stick) is opened to read, check and export, never written:
/// its bytes stay, no log appears beside it, and an edit gets one sentence.
#[test]
fn a_read_only_file_or_folder_is_opened_read_only_unchanged() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    let path = example_file(&dir, "ro.samenspel");
    let set = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    for (file_mode, folder_mode) in [(0o400, 0o700), (0o600, 0o500)] {
        set(&path, file_mode);
        set(dir.0.path(), folder_mode);
        let before = std::fs::read(&path).unwrap();
        let mut doc = Document::open(&path).unwrap();
        assert_eq!(doc.access(), Access::ReadOnlyMedia);
        assert_eq!(doc.alliance(), &samenspel::example::samen_noord());
        let e = doc.alliance().set_info(samenspel::domain::AllianceInfo {
            name: "Anders".into(),
            ..doc.alliance().info.clone()
        });
        let err = doc.perform(e).unwrap_err();
        assert!(err.to_string().ends_with('.'), "{err}");
        drop(doc);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let mut wal = path.as_os_str().to_os_string();
        wal.push("-wal");
        assert!(!Path::new(&wal).exists(), "a -wal file appeared");
        set(dir.0.path(), 0o700);
        set(&path, 0o600);
    }
}

#[test]
fn a_missing_file_or_a_folder_is_refused() {
    let dir = Dir::new();
    let err = Document::open(&dir.path("nowhere.samenspel")).unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");
    assert!(
        !dir.path("nowhere.samenspel").exists(),
        "opening must not create"
    );
    let err = Document::open(dir.0.path()).unwrap_err();
    assert!(matches!(err, StoreError::IsFolder(_)), "{err}");
}

#[test]
fn create_never_overwrites() {
    let dir = Dir::new();
    let path = dir.path("keep.samenspel");
    std::fs::write(&path, "precious").unwrap();
    let err = Document::create(&path, &Alliance::named("X"), &[]).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists(_)));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");
}

#[test]
fn a_second_window_on_the_same_file_is_read_only() {
    let dir = Dir::new();
    let path = example_file(&dir, "shared.samenspel");
    let mut first = Document::open(&path).unwrap();
    assert!(!first.is_read_only());
    let mut second = Document::open(&path).unwrap();
    assert!(second.is_read_only());
    assert_eq!(second.store().access(), Access::ReadOnlyInUse);
    let edit = second.alliance().set_info(samenspel::domain::AllianceInfo {
        name: "Gekaapt".into(),
        ..second.alliance().info.clone()
    });
    assert!(matches!(
        second.perform(edit),
        Err(StoreError::ReadOnlySession)
    ));
    assert_eq!(second.alliance().info.name, "Samen Noord");
    // The reader follows the writer when it reloads.
    let edit = first.alliance().set_info(samenspel::domain::AllianceInfo {
        name: "Samen Noord 2".into(),
        ..first.alliance().info.clone()
    });
    first.perform(edit).unwrap();
    second.reload().unwrap();
    assert_eq!(second.alliance().info.name, "Samen Noord 2");
    drop(second);
    drop(first);
    assert!(!Document::open(&path).unwrap().is_read_only());
}

#[test]
fn undo_and_redo_survive_a_restart() {
    let dir = Dir::new();
    let path = example_file(&dir, "undo.samenspel");
    let original = load(&path);
    {
        let mut doc = Document::open(&path).unwrap();
        let edit = doc.alliance().insert(Party {
            name: "Stichting Later".into(),
            ..Party::default()
        });
        doc.perform(edit).unwrap();
        let edit = doc.alliance().insert(Body {
            name: "Werkgroep Schulden".into(),
            kind: BodyKind::WorkingGroup,
            ..Body::default()
        });
        doc.perform(edit).unwrap();
    }
    let after = load(&path);
    assert_eq!(after.parties.len(), 10);
    {
        let mut doc = Document::open(&path).unwrap();
        assert!(doc.can_undo());
        assert!(doc.undo().unwrap());
        assert!(doc.undo().unwrap());
        assert_eq!(doc.alliance(), &original);
    }
    assert_eq!(load(&path), original);
    {
        let mut doc = Document::open(&path).unwrap();
        assert!(!doc.can_undo(), "the example starts with no history");
        assert!(doc.can_redo());
        assert!(doc.redo().unwrap());
        assert!(doc.redo().unwrap());
        assert!(!doc.redo().unwrap());
        assert_eq!(doc.alliance(), &after);
    }
    assert_eq!(load(&path), after);
}

#[test]
fn typing_is_one_undo_step_and_a_new_edit_drops_the_redo_steps() {
    let dir = Dir::new();
    let path = example_file(&dir, "typing.samenspel");
    let mut doc = Document::open(&path).unwrap();
    let original = doc.alliance().clone();
    for name in ["S", "Sa", "Sam", "Same"] {
        let mut info = doc.alliance().info.clone();
        info.name = name.into();
        let edit = doc.alliance().set_info(info);
        doc.perform(edit).unwrap();
    }
    assert_eq!(doc.store().history().unwrap().len(), 1);
    doc.undo().unwrap();
    assert_eq!(doc.alliance(), &original);
    assert!(doc.can_redo());
    let edit = doc.alliance().insert(Person {
        name: "Nieuw".into(),
        ..Person::default()
    });
    doc.perform(edit).unwrap();
    assert!(!doc.can_redo(), "a new edit discards what was undone");
    // A sealed step is not merged with the next one.
    let mut info = doc.alliance().info.clone();
    info.ambition = "a".into();
    let edit = doc.alliance().set_info(info.clone());
    doc.perform(edit).unwrap();
    doc.seal();
    info.ambition = "ab".into();
    let edit = doc.alliance().set_info(info);
    doc.perform(edit).unwrap();
    assert_eq!(doc.store().history().unwrap().len(), 3);
}

#[test]
fn a_removed_party_comes_back_whole_after_undo_on_disk() {
    let dir = Dir::new();
    let path = example_file(&dir, "remove.samenspel");
    let original = load(&path);
    {
        let mut doc = Document::open(&path).unwrap();
        let edit = doc.alliance().remove::<Party>(4).unwrap();
        doc.perform(edit).unwrap();
    }
    let removed = load(&path);
    assert!(removed.party(4).is_none());
    assert!(removed.people.len() < original.people.len());
    {
        let mut doc = Document::open(&path).unwrap();
        doc.undo().unwrap();
    }
    assert_eq!(load(&path), original);
    let store = Store::open_read_only(&path).unwrap();
    assert!(store.integrity_problems().unwrap().is_empty());
}

#[test]
fn a_file_of_version_6_keeps_its_parties_when_parties_can_leave() {
    let dir = Dir::new();
    let path = dir.path("v6.samenspel");
    Store::create_at_version(&path, 6).unwrap();
    let conn = rusqlite_conn(&path);
    conn.execute(
        "INSERT INTO party (id, name, kind, staff, service_area, services, contact, notes) \
         VALUES (1, 'Stichting Dock', 'welfare', NULL, 'Noord', '[]', '', '')",
        [],
    )
    .unwrap();
    drop(conn);
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.store().schema_version().unwrap(), LATEST);
    let party = &doc.alliance().parties[0];
    assert_eq!(party.name, "Stichting Dock");
    assert_eq!(party.left, None, "a party of an older file has not left");
}
