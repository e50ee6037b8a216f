//! The code declares each thing once: checks that keep it so.

use std::path::Path;

fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The code of the command line (`src`) and of every crate (`crates`).
fn all_sources(code: &mut String) {
    for dir in ["src", "crates"] {
        sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), code);
    }
}

#[test]
fn every_key_of_the_string_catalogue_is_used() {
    let mut code = String::new();
    all_sources(&mut code);
    let unused: Vec<String> = samenspel::i18n::T::ALL
        .iter()
        .map(|k| format!("{k:?}"))
        .filter(|name| {
            let needle = format!("T::{name}");
            !code.match_indices(&needle).any(|(i, _)| {
                code[i + needle.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() && c != '_')
            })
        })
        .collect();
    assert!(unused.is_empty(), "keys nobody uses: {unused:?}");
}

/// Every `{placeholder}` the code fills in right after taking a string
/// from the catalogue is in that string, in both languages.
#[test]
fn placeholders_filled_in_the_code_are_in_the_catalogue() {
    let mut code = String::new();
    all_sources(&mut code);
    let keys: std::collections::HashMap<String, samenspel::i18n::T> = samenspel::i18n::T::ALL
        .iter()
        .map(|k| (format!("{k:?}"), *k))
        .collect();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (at, _) in code.match_indices("T::") {
        let name: String = code[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let Some(key) = keys.get(&name) else { continue };
        // The chain of replacements that follows the key: `.replace("{x}", …)`
        // calls, separated only by their arguments and white space.
        let rest = &code[at + 3 + name.len()..];
        let mut tail = rest.trim_start_matches(|c: char| c == ')' || c.is_whitespace());
        if let Some(after) = tail.strip_prefix(", ") {
            // `lang.count(T::Key, n)`: skip the count.
            tail = after.split_once(')').map(|(_, t)| t).unwrap_or("");
        }
        loop {
            let t = tail.trim_start();
            let Some(after) = t.strip_prefix(".replace(\"{") else {
                break;
            };
            let Some((placeholder, more)) = after.split_once("}\"") else {
                break;
            };
            checked += 1;
            let wanted = format!("{{{placeholder}}}");
            for (lang, text) in [("nl", key.nl()), ("en", key.en())] {
                if !text.contains(&wanted) {
                    wrong.push(format!("T::{name} ({lang}) has no {wanted}"));
                }
            }
            // Past this call's closing parenthesis (arguments may nest).
            let mut depth = 1;
            let mut end = more.len();
            for (i, c) in more.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            tail = &more[end..];
        }
    }
    assert!(
        checked > 60,
        "only {checked} placeholders were found to check"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// References are declared once per kind (`Refs::refs`) and every check
/// comes from them. Walk every kind of record in the example: each
/// reference points at a record that exists, and removing any record that
/// something refers to is refused, naming the kind that refers to it.
#[test]
fn every_kind_refers_only_to_what_exists_and_keeps_what_it_refers_to() {
    use samenspel::domain::edit::{Entity, KindVisitor, for_each_kind};
    use samenspel::domain::{Alliance, EditError};
    let a = samenspel::example::samen_noord();
    assert!(a.dangling_refs().is_empty(), "{:?}", a.dangling_refs());
    struct Walk<'a> {
        a: &'a Alliance,
        kinds: usize,
        refs: usize,
        refused: usize,
    }
    impl KindVisitor for Walk<'_> {
        type Error = String;
        fn kind<T: Entity>(&mut self) -> Result<(), String> {
            self.kinds += 1;
            for record in T::all(self.a) {
                for r in samenspel::domain::edit::Refs::refs(record) {
                    self.refs += 1;
                    if !self.a.exists(r) {
                        return Err(format!(
                            "{} {} → {r:?} points at nothing",
                            T::KIND,
                            record.id()
                        ));
                    }
                }
                // Removing a record others refer to is refused.
                if let Some(by) = self
                    .a
                    .referrer_of(samenspel::domain::Ref::of::<T>(record.id()))
                {
                    let mut copy = self.a.clone();
                    match copy.apply(&Alliance::delete(record)) {
                        Err(EditError::InUse { by: named, .. }) if named == by => self.refused += 1,
                        // A frozen covenant version is refused for that first.
                        Err(EditError::Frozen) => self.refused += 1,
                        other => {
                            return Err(format!("removing {} {}: {other:?}", T::KIND, record.id()));
                        }
                    }
                }
            }
            Ok(())
        }
    }
    let mut walk = Walk {
        a: &a,
        kinds: 0,
        refs: 0,
        refused: 0,
    };
    for_each_kind(&mut walk).unwrap();
    assert_eq!(walk.kinds, 40);
    assert!(walk.refs > 300, "{} references", walk.refs);
    assert!(walk.refused > 50, "{} removals refused", walk.refused);
    // The region has the kinds Samen Noord has not: a table's seats and
    // draws, and a round put to one body.
    let region = samenspel::example::region();
    assert!(
        region.dangling_refs().is_empty(),
        "{:?}",
        region.dangling_refs()
    );
    let mut walk = Walk {
        a: &region,
        kinds: 0,
        refs: 0,
        refused: 0,
    };
    for_each_kind(&mut walk).unwrap();
    assert!(walk.refused > 20, "{} removals refused", walk.refused);
    // `check` reports a dangling reference of any kind (before, votes,
    // check-ins, meeting items … were not checked at all).
    let mut broken = a.clone();
    broken.votes[0].round = 999;
    broken.agenda_slots[0].link = samenspel::domain::SlotLink::FocalPoint(77);
    let found: Vec<String> = broken.check().iter().map(|f| f.to_string()).collect();
    assert!(
        found.iter().any(|f| f.contains("consensus round 999")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.contains("focal point 77")),
        "{found:?}"
    );
    // And a reference to nothing is refused, for a kind of each shape.
    let mut a = a;
    let e = a.insert(samenspel::domain::Vote {
        round: 999,
        party: 1,
        value: 1,
        ..Default::default()
    });
    assert_eq!(
        a.apply(&e),
        Err(EditError::Missing {
            kind: "consensus round",
            id: 999
        })
    );
}

/// Removal is derived from the same references: `Alliance::remove` takes
/// every referrer along or lets it go of the reference. Remove every record
/// of every kind in the example, one at a time: the step applies, the
/// record is gone, nothing points at nothing, nothing else changed kind
/// for kind beyond the referrers, and undo gives back the very same
/// alliance.
#[test]
fn removing_any_record_takes_its_referrers_along_and_undoes_whole() {
    use samenspel::domain::edit::{Entity, KindVisitor, for_each_kind};
    use samenspel::domain::{Alliance, EditError};
    let a = samenspel::example::samen_noord();
    struct Walk<'a> {
        a: &'a Alliance,
        removed: usize,
        frozen: usize,
    }
    impl KindVisitor for Walk<'_> {
        type Error = String;
        fn kind<T: Entity>(&mut self) -> Result<(), String> {
            for record in T::all(self.a) {
                let name = format!("{} {}", T::KIND, record.id());
                let edit = self
                    .a
                    .remove::<T>(record.id())
                    .ok_or(format!("{name}: no removal"))?;
                let after = match self.a.applied(&edit) {
                    Ok(after) => after,
                    // An adopted covenant's clauses and signatures stay, and
                    // the version and the round that adopted it refer to
                    // each other: neither goes.
                    // What the room saw is on the record, and stays.
                    Err(EditError::Frozen)
                    | Err(EditError::Committed)
                    | Err(EditError::SignatureSet)
                    | Err(EditError::DrawMade)
                    | Err(EditError::MinutesApproved)
                    | Err(EditError::InUse {
                        kind: "consensus round" | "covenant version",
                        by: "covenant version" | "consensus round",
                        ..
                    }) => {
                        self.frozen += 1;
                        continue;
                    }
                    Err(e) => return Err(format!("{name}: {e}")),
                };
                if T::all(&after).iter().any(|e| e.id() == record.id()) {
                    return Err(format!("{name} is still there"));
                }
                if !after.dangling_refs().is_empty() {
                    return Err(format!("{name}: {:?}", after.dangling_refs()));
                }
                let back = after
                    .applied(&edit.inverse())
                    .map_err(|e| format!("{name}: undo: {e}"))?;
                if &back != self.a {
                    return Err(format!("{name}: undo does not restore the alliance"));
                }
                self.removed += 1;
            }
            Ok(())
        }
    }
    let mut walk = Walk {
        a: &a,
        removed: 0,
        frozen: 0,
    };
    for_each_kind(&mut walk).unwrap();
    // (A stance, dot or set signature the room saw goes only with its party.)
    assert!(walk.removed > 300, "{} removed", walk.removed);
    let stance = a
        .votes
        .iter()
        .find(|v| a.round(v.round).unwrap().revealed)
        .unwrap();
    assert_eq!(
        a.applied(&a.remove::<samenspel::domain::Vote>(stance.id).unwrap()),
        Err(EditError::Committed),
        "a revealed stance is not removed alone"
    );
    // (The example as a file has its record of commitments.)
    let dir = crate::support::Dir::new();
    let a = crate::support::load(&crate::support::example_file(&dir, "noord.samenspel"));
    let without_party = a
        .applied(&a.remove::<samenspel::domain::Party>(stance.party).unwrap())
        .expect("a party goes with its stances");
    assert!(without_party.vote(stance.round, stance.party).is_none());
    samenspel::domain::record::verify(&without_party).expect("the record allows for it");
    // The region's table: seats, draws, a round put to the body.
    let region = samenspel::example::region();
    let mut walk = Walk {
        a: &region,
        removed: 0,
        frozen: 0,
    };
    for_each_kind(&mut walk).unwrap();
    assert!(walk.removed > 300, "{} removed", walk.removed);
    // A table whose seats were drawn is on the record: its body stays.
    assert_eq!(
        region.applied(&region.remove::<samenspel::domain::Body>(1).unwrap()),
        Err(EditError::DrawMade)
    );
    // Letting go instead of removing: a party's wishes go, but another
    // party's wish that depends on it only loses the dependency; an action
    // keeps its meeting when its holder goes.
    let item = a
        .agenda_items
        .iter()
        .find(|i| i.depends_on.iter().any(|d| *d != i.party))
        .unwrap();
    let dep = *item.depends_on.iter().find(|d| **d != item.party).unwrap();
    let after = a
        .applied(&a.remove::<samenspel::domain::Party>(dep).unwrap())
        .unwrap();
    let kept = after.agenda_items.iter().find(|i| i.id == item.id).unwrap();
    assert!(!kept.depends_on.contains(&dep) && kept.title == item.title);
    assert!(after.agenda_items.iter().all(|i| i.party != dep));
    let action = a.actions.iter().find(|x| x.who.is_some()).unwrap();
    let after = a
        .applied(
            &a.remove::<samenspel::domain::Person>(action.who.unwrap())
                .unwrap(),
        )
        .unwrap();
    let kept = after.actions.iter().find(|x| x.id == action.id).unwrap();
    assert_eq!((kept.who, kept.meeting), (None, action.meeting));
}

/// The regional network the panels benchmark draws (issue 15) is a
/// consistent alliance of the size it says.
#[test]
fn the_regional_network_is_consistent_and_of_regional_size() {
    let a = samenspel::example::regional(1);
    let problems = a.problems();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(a.parties.len(), 150);
    assert_eq!(a.people.len(), 1050);
    assert_eq!(a.bodies.len(), 15);
    assert!(a.memberships.len() >= 290);
    assert_eq!((a.map_nodes.len(), a.map_links.len()), (500, 800));
    assert_eq!(
        (a.rounds.len(), a.meetings.len(), a.ground_rules.len()),
        (68, 100, 102)
    );
    assert_eq!(samenspel::example::regional(2).parties.len(), 300);
}

/// The file's foreign keys and the declared references say the same: every
/// table a kind's rows point to is a kind its records refer to (the fuzz
/// test found a covenant version's round missing from its references).
#[test]
fn the_files_foreign_keys_are_declared_references() {
    use samenspel::domain::edit::{Entity, KindVisitor, for_each_kind};
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    samenspel::store::schema::migrate_to(&mut conn, samenspel::store::LATEST).unwrap();
    let table_of = |kind: &str| {
        samenspel::store::record_tables()
            .iter()
            .find(|t| t.kind == kind)
            .map(|t| t.name)
    };
    let a = samenspel::example::samen_noord();
    struct Walk<'a> {
        a: &'a samenspel::domain::Alliance,
        also: &'a samenspel::domain::Alliance,
        conn: &'a rusqlite::Connection,
        table_of: &'a dyn Fn(&str) -> Option<&'static str>,
        wrong: Vec<String>,
        checked: usize,
    }
    impl KindVisitor for Walk<'_> {
        type Error = std::convert::Infallible;
        fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
            let table = (self.table_of)(T::KIND).unwrap();
            let mut stmt = self
                .conn
                .prepare(&format!("PRAGMA foreign_key_list({table})"))
                .unwrap();
            let fks: std::collections::BTreeSet<String> = stmt
                .query_map([], |r| r.get::<_, String>(2))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let declared: std::collections::BTreeSet<String> = T::all(self.a)
                .iter()
                .chain(T::all(self.also))
                .flat_map(|r| samenspel::domain::edit::Refs::refs(r))
                .filter_map(|r| (self.table_of)(r.kind).map(str::to_string))
                .collect();
            if !T::all(self.a).is_empty() || !T::all(self.also).is_empty() {
                self.checked += 1;
                for fk in fks.difference(&declared) {
                    self.wrong
                        .push(format!("{} points to {fk} in the file only", T::KIND));
                }
            }
            Ok(())
        }
    }
    // Samen Noord and the region together use every reference.
    let region = samenspel::example::region();
    let mut walk = Walk {
        a: &a,
        also: &region,
        conn: &conn,
        table_of: &table_of,
        wrong: Vec::new(),
        checked: 0,
    };
    for_each_kind(&mut walk).unwrap();
    assert!(walk.checked >= 30, "{}", walk.checked);
    assert!(walk.wrong.is_empty(), "{:#?}", walk.wrong);
}

/// A long list builds only what is in view (issue 15): of a region's 102
/// ground rules the page builds a few, and scrolling down brings the last
/// one into view, whole.
#[test]
fn a_long_list_builds_what_is_in_view_and_scrolls_to_the_end() {
    use egui_kittest::kittest::Queryable;
    let dir = crate::support::Dir::new();
    let path = dir.path("regio.samenspel");
    drop(
        samenspel::document::Document::create(&path, &samenspel::example::regional(1), &[])
            .unwrap(),
    );
    let mut h = crate::ui::harness(crate::ui::app(
        &dir,
        Some(&path),
        crate::ui::FakeDialogs::default(),
    ));
    crate::ui::nav(&mut h, "Spelregels");
    let built = h.get_all_by_label_contains("Tekst van spelregel").count();
    assert!((1..20).contains(&built), "{built} rule cards built");
    assert!(h.query_by_label("Tekst van spelregel 102").is_none());
    crate::ui::scroll_down(&mut h, 80);
    h.get_by_label("Tekst van spelregel 102");
    // The work plan of a hundred lines: a few line cards, and the last
    // one whole after scrolling down.
    crate::ui::nav(&mut h, "Werkplan");
    let lines = h.get_all_by_label_contains("Wat gebeurt er: ").count();
    let total = samenspel::example::regional(1).plan_lines.len();
    assert!(total >= 100, "{total} lines in the regional plan");
    assert!(
        (1..30).contains(&lines),
        "{lines} of {total} plan lines built"
    );
    crate::ui::scroll_down(&mut h, 120);
    assert!(h.get_all_by_label_contains("Wat gebeurt er: ").count() < 30);
    // The trust barometer: the rows in view are filled in, the others
    // only keep their space; the last party's row fills in at the end.
    crate::ui::nav(&mut h, "Overzicht");
    let marks = |h: &egui_kittest::Harness<'_, samenspel::ui::SamenspelApp>| {
        h.query_all_by(|n| {
            [n.label(), n.value()]
                .into_iter()
                .flatten()
                .any(|l| l.starts_with('●') || l.starts_with('○'))
        })
        .count()
    };
    let built = marks(&h);
    assert!(
        (1..60).contains(&built),
        "{built} of 150 barometer cells filled in"
    );
    crate::ui::scroll_down(&mut h, 40);
    h.get_by_label("Partij 150");
    assert!((1..60).contains(&marks(&h)), "still only the rows in view");
    // A thousand people: the list builds the rows in view, and search
    // finds the last one.
    crate::ui::nav(&mut h, "Mensen");
    let rows = h.get_all_by_label_contains("Persoon ").count();
    assert!((1..60).contains(&rows), "{rows} rows built of 1,050");
    h.get_by_label("Zoeken").focus();
    crate::typing::type_slowly(&mut h, "Persoon 150.6");
    h.get_by_label_contains("Persoon 150.6");
}

#[test]
fn the_barometer_in_one_pass_is_each_partys_trust() {
    for a in [
        samenspel::example::samen_noord(),
        samenspel::example::regional(1),
    ] {
        let all = a.trust_by_party();
        for p in &a.parties {
            assert_eq!(
                all.get(&p.id).cloned().unwrap_or_default(),
                a.trust_of(p.id),
                "{}",
                p.name
            );
        }
        assert!(all.values().any(|points| !points.is_empty()));
    }
}
