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
