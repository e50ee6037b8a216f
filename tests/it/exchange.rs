use samenspel::document::Document;
use samenspel::domain::{Party, Person};
use samenspel::exchange::{Exchange, ExchangeError};
use samenspel::store::Store;

use crate::support::{Dir, example_file, load};

fn export(path: &std::path::Path) -> String {
    Exchange::from_store(&Store::open_read_only(path).unwrap())
        .unwrap()
        .to_json()
}

#[test]
fn export_import_export_is_identical_with_history() {
    let dir = Dir::new();
    let path = example_file(&dir, "a.samenspel");
    {
        let mut doc = Document::open(&path).unwrap();
        let edit = doc.alliance().insert(Party {
            name: "Stichting Één".into(),
            services: vec!["taal".into()],
            ..Party::default()
        });
        doc.perform(edit).unwrap();
        let edit = doc.alliance().remove::<Person>(3).unwrap();
        doc.perform(edit).unwrap();
        doc.undo().unwrap();
    }
    let first = export(&path);
    let parsed = Exchange::parse(&first).unwrap();
    assert_eq!(parsed.history.len(), 2);
    assert!(parsed.history[1].undone);
    let copy = dir.path("b.samenspel");
    Document::create(&copy, &parsed.alliance, &parsed.history).unwrap();
    assert_eq!(export(&copy), first);
    assert_eq!(load(&copy), load(&path));
    // The imported history still undoes and redoes.
    let mut doc = Document::open(&copy).unwrap();
    assert!(doc.redo().unwrap());
    assert!(doc.undo().unwrap());
    assert!(doc.undo().unwrap());
    assert_eq!(doc.alliance(), &samenspel::example::samen_noord());
}

#[test]
fn bad_json_is_refused_with_a_reason() {
    assert!(matches!(
        Exchange::parse("{ not json"),
        Err(ExchangeError::Syntax(_))
    ));
    assert!(matches!(
        Exchange::parse(r#"{"format": "something-else", "version": 1}"#),
        Err(ExchangeError::WrongFormat(_))
    ));
    assert!(matches!(
        Exchange::parse(r#"{"format": "samenspel-alliance", "version": 99}"#),
        Err(ExchangeError::TooNew(99))
    ));
    let mut ex = Exchange {
        format: "samenspel-alliance".into(),
        version: 1,
        alliance: samenspel::example::samen_noord(),
        history: vec![],
        lock: None,
    };
    ex.alliance.people[0].party = Some(77);
    let err = Exchange::parse(&ex.to_json()).unwrap_err();
    assert!(matches!(err, ExchangeError::Inconsistent(_)), "{err}");
    assert!(err.to_string().contains("party 77"), "{err}");
}

fn entry(seq: i64, edit: samenspel::domain::Edit) -> samenspel::store::HistoryEntry {
    samenspel::store::HistoryEntry {
        seq,
        at: "2026-12-05T10:00:00Z".into(),
        undone: false,
        edit,
    }
}

/// An export whose undo history edits a party the alliance does not have
/// is refused: imported, its first Ctrl+Z would make a phantom party and
/// the second fail on the file's foreign keys.
#[test]
fn an_undo_history_that_does_not_fit_the_alliance_is_refused() {
    let a = samenspel::example::samen_noord();
    let phantom = Party {
        id: 999,
        name: "Spookpartij".into(),
        ..Party::default()
    };
    let edit = samenspel::domain::Edit::Party(samenspel::domain::Change {
        before: Some(phantom.clone()),
        after: Some(Party {
            name: "Spookpartij BV".into(),
            ..phantom
        }),
    });
    let ex = Exchange {
        format: "samenspel-alliance".into(),
        version: 1,
        alliance: a.clone(),
        history: vec![entry(1, edit)],
        lock: None,
    };
    let err = Exchange::parse(&ex.to_json()).unwrap_err();
    assert!(
        err.to_string()
            .contains("undo step 1 does not fit this alliance"),
        "{err}"
    );
    // A real step of it imports, and undoes and redoes.
    let p = a.parties[0].clone();
    let edit = samenspel::domain::Edit::Party(samenspel::domain::Change {
        before: Some(Party {
            name: "Oude naam".into(),
            ..p.clone()
        }),
        after: Some(p),
    });
    let ex = Exchange {
        history: vec![entry(1, edit)],
        ..ex
    };
    Exchange::parse(&ex.to_json()).expect("a history that fits");
}

/// A locked export carries no confidential text in the clear, in its
/// history either.
#[test]
fn a_locked_exports_history_holds_no_plain_confidential_text() {
    let dir = Dir::new();
    let path = example_file(&dir, "dicht.samenspel");
    Document::open(&path)
        .unwrap()
        .set_passphrase_cheaply("een lange zin")
        .unwrap();
    let mut ex = Exchange::parse(&export(&path)).expect("the locked export itself");
    assert!(ex.lock.is_some());
    let answer = ex.alliance.answers[0].clone();
    ex.history.push(entry(
        ex.history.iter().map(|h| h.seq).max().unwrap_or(0) + 1,
        samenspel::domain::Edit::Answer(samenspel::domain::Change {
            before: Some(answer.clone()),
            after: Some(samenspel::domain::Answer {
                text: "Wij vertrouwen de gemeente niet".into(),
                ..answer
            }),
        }),
    ));
    let err = Exchange::parse(&ex.to_json()).unwrap_err();
    assert!(err.to_string().contains("in the clear"), "{err}");
}

/// An export of version 1 written before relations could be kept from the
/// room: its tensions come in facilitator-only, as the file's migration
/// made them; what is confidential is confidential by default.
#[test]
fn a_tension_without_the_facilitator_only_field_imports_as_facilitator_only() {
    let dir = Dir::new();
    let path = example_file(&dir, "spanning.samenspel");
    let mut json: serde_json::Value = serde_json::from_str(&export(&path)).unwrap();
    let relations = json["alliance"]["relations"].as_array_mut().unwrap();
    // A tension as an older version wrote it.
    let mut tension = relations[0].clone();
    tension["id"] = serde_json::json!(relations.len() as i64 + 100);
    tension["kind"] = serde_json::json!("tension");
    tension["note"] = serde_json::json!("Wantrouwen sinds de aanbesteding");
    relations.push(tension);
    let mut tensions = 0;
    for r in relations.iter_mut() {
        let r = r.as_object_mut().unwrap();
        r.remove("facilitator_only");
        tensions += usize::from(r["kind"] == "tension");
    }
    assert!(tensions > 0, "the example has a tension");
    let ex = Exchange::parse(&json.to_string()).unwrap();
    for r in &ex.alliance.relations {
        assert_eq!(
            r.facilitator_only,
            r.kind == samenspel::domain::RelationKind::Tension,
            "{r:?}"
        );
    }
    let room = samenspel::audience::room(&ex.alliance);
    assert!(
        room.network
            .relations
            .iter()
            .all(|r| r.kind != Some(samenspel::domain::RelationKind::Tension)),
        "a tension reached the room"
    );
}
