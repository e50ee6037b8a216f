//! Parties from a spreadsheet (issue 16): CSV files as Excel and
//! LibreOffice save them, through the command line and the window.

use crate::support::{Dir, cli_with_input, load};

/// As Excel saves "CSV (gescheiden door lijstscheidingsteken)" on a Dutch
/// Windows: `;`, Windows-1252, CRLF.
fn excel_nl() -> Vec<u8> {
    let mut b: Vec<u8> = Vec::new();
    b.extend_from_slice(
        b"Naam;Soort;Medewerkers;Werkgebied;Thema's;Contactpersoon;Functie;E-mail\r\n",
    );
    b.extend_from_slice(b"Zorggroep Twente");
    b.push(0x96); // en dash in Windows-1252
    b.extend_from_slice(b"Noord;zorg;1.200;Almelo;jeugdzorg, ggz;Ineke Sm");
    b.push(0xe9); // é
    b.extend_from_slice(b"e;bestuurder;ineke@zorggroep.nl\r\n");
    b.extend_from_slice(b"Zorggroep Twente");
    b.push(0x96);
    b.extend_from_slice(b"Noord;;;;;Kees Brink;contractmanager;kees@zorggroep.nl\r\n");
    b.extend_from_slice(b"Stichting S");
    b.push(0xe9);
    b.extend_from_slice(b"rieus;welzijn;35;Borne;dagbesteding;;;\r\n");
    b.extend_from_slice(b";;;;;;;\r\n");
    b.extend_from_slice(b"Cli");
    b.push(0xeb); // ë
    b.extend_from_slice(b"ntenraad Hof;overig; 12 ;Hof van Twente;;;;\r\n");
    b
}

#[test]
fn an_excel_file_in_windows_1252_with_semicolons_is_imported_with_its_people() {
    let dir = Dir::new();
    let file = crate::support::example_file(&dir, "a.samenspel");
    let csv = dir.path("partijen.csv");
    std::fs::write(&csv, excel_nl()).unwrap();
    let before = load(&file);
    let (ok, out, err) = cli_with_input(
        &[
            "import-csv",
            "parties",
            csv.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
        "",
    );
    assert!(ok, "{out}{err}");
    // Said in the alliance's language, party by party, then in sum.
    assert!(
        out.contains("nieuw: Zorggroep Twente–Noord (2 personen), regel 2"),
        "{out}"
    );
    assert!(out.contains(": 3 nieuw, 0 gewijzigd"), "{out}");
    let a = load(&file);
    assert_eq!(a.parties.len(), before.parties.len() + 3);
    let zg = a
        .parties
        .iter()
        .find(|p| p.name == "Zorggroep Twente–Noord")
        .expect("en dash decoded");
    assert_eq!(zg.kind, samenspel::domain::PartyKind::Care);
    assert_eq!(zg.staff, Some(1200));
    assert_eq!(zg.services, ["jeugdzorg", "ggz"]);
    let people: Vec<&str> = a
        .people
        .iter()
        .filter(|p| p.party == Some(zg.id))
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(people, ["Ineke Smée", "Kees Brink"]);
    assert!(a.parties.iter().any(|p| p.name == "Stichting Sérieus"));
    let client = a
        .parties
        .iter()
        .find(|p| p.name == "Cliëntenraad Hof")
        .unwrap();
    assert_eq!(client.staff, Some(12));
    // One undo step, and the file is consistent.
    let (ok, out, err) = cli_with_input(&["check", file.to_str().unwrap()], "");
    assert!(ok, "{out}{err}");
    let mut doc = samenspel::document::Document::open(&file).unwrap();
    doc.undo().unwrap();
    assert_eq!(doc.alliance().parties.len(), before.parties.len());
    assert_eq!(doc.alliance().people.len(), before.people.len());
}

#[test]
fn a_libreoffice_file_with_quotes_and_a_bom_is_read_and_bad_rows_are_named_with_nothing_written() {
    let dir = Dir::new();
    let file = crate::support::example_file(&dir, "a.samenspel");
    let csv = dir.path("lo.csv");
    let text = "\u{feff}Name,Kind,Staff,Area,Notes\n\
                \"Buurtzorg \"\"Oost\"\"\",care,40,Almelo,\"two lines,\nwith a comma\"\n\
                Veel Mensen BV,care,veel,Borne,\n\
                ,welfare,3,Borne,\n\
                Dubbel,spaceship,tig,Borne,\n\
                Stichting Elan,welfare,12,Hengelo,\n";
    std::fs::write(&csv, text).unwrap();
    let before = std::fs::read(&file).unwrap();
    let (ok, out, err) = cli_with_input(
        &[
            "import-csv",
            "parties",
            csv.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
        "",
    );
    assert!(!ok);
    // The record on lines 2–3 is fine; lines 4, 5 and 6 are named, line
    // 6 twice (its kind and its staff), and counted once.
    let named: Vec<&str> = out.lines().collect();
    assert_eq!(named.len(), 4, "{out}");
    assert!(
        named.iter().any(|l| l.contains(":6:") && l.contains("tig")),
        "{out}"
    );
    assert!(
        named[0].contains(":4:") && named[0].contains("veel"),
        "{out}"
    );
    assert!(
        named[1].contains(":5:") && named[1].to_lowercase().contains("naam"),
        "{out}"
    );
    assert!(
        named
            .iter()
            .any(|l| l.contains(":6:") && l.contains("spaceship")),
        "{out}"
    );
    assert!(err.contains("Er is niets ingelezen: 3 rijen"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing was written");
    // A party already in the register (its name in other capitals and
    // with a space) is that party, not a second one: an update, listed.
    std::fs::write(&csv, "Naam;Soort\nSTICHTING PRISMA ;welzijn\n").unwrap();
    let parties = load(&file).parties.len();
    let (ok, out, err) = cli_with_input(
        &[
            "import-csv",
            "parties",
            csv.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
        "",
    );
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("gewijzigd: STICHTING PRISMA")
            || out.contains("ongewijzigd: STICHTING PRISMA"),
        "{out}"
    );
    assert_eq!(load(&file).parties.len(), parties, "no second Prisma");
}

#[test]
fn the_window_previews_maps_and_imports_a_csv_as_one_undo_step() {
    use crate::ui::{FakeDialogs, app, click, harness, nav};
    use egui_kittest::kittest::Queryable;
    let dir = Dir::new();
    let path = dir.path("leeg.samenspel");
    samenspel::document::Document::create(&path, &samenspel::domain::Alliance::named("Regio"), &[])
        .unwrap();
    let csv = dir.path("partijen.csv");
    std::fs::write(&csv, excel_nl()).unwrap();
    let dialogs = FakeDialogs::default();
    *dialogs.csv.borrow_mut() = Some(csv.clone());
    let mut h = harness(app(&dir, Some(&path), dialogs));
    nav(&mut h, "Partijen");
    click(&mut h, "Importeren uit CSV…");
    h.get_by_label("Partijen importeren uit partijen.csv");
    h.get_by_label("4 rijen · Windows-1252 · gescheiden door ‘;’");
    h.get_by_label("3 nieuw · 0 gewijzigd · 0 ongewijzigd · 0 conflict");
    // The functions column is not wanted: ignore it.
    click(&mut h, "Kolom ‘Functie’");
    click(&mut h, "(negeren)");
    click(&mut h, "3 partijen verwerken");
    let a = h.state().alliance().unwrap().clone();
    assert_eq!(a.parties.len(), 3);
    assert_eq!(a.people.len(), 2);
    assert!(a.people.iter().all(|p| p.function.is_empty()));
    h.get_by_label(
        "3 partijen verwerkt, met 2 nieuwe mensen. Ongedaan maken (Ctrl+Z) zet alles in één stap terug.",
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let a = h.state().alliance().unwrap();
    assert!(a.parties.is_empty() && a.people.is_empty());
}

#[test]
fn a_bad_row_in_the_window_keeps_the_import_button_off_and_says_which_line() {
    use crate::ui::{FakeDialogs, app, click, harness, nav};
    use egui_kittest::kittest::{NodeT, Queryable};
    let dir = Dir::new();
    let path = dir.path("leeg.samenspel");
    samenspel::document::Document::create(&path, &samenspel::domain::Alliance::named("Regio"), &[])
        .unwrap();
    let csv = dir.path("fout.csv");
    std::fs::write(&csv, "Naam;Medewerkers\nGoed;10\nFout;twaalf\n").unwrap();
    let dialogs = FakeDialogs::default();
    *dialogs.csv.borrow_mut() = Some(csv);
    let mut h = harness(app(&dir, Some(&path), dialogs));
    nav(&mut h, "Partijen");
    click(&mut h, "Importeren uit CSV…");
    h.get_by_label("1 rij klopt niet; er wordt niets geïmporteerd tot die verbeterd is:");
    let line = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        [n.label(), n.value()]
            .into_iter()
            .flatten()
            .any(|l| l.starts_with("Regel 3: ") && l.contains("twaalf"))
    };
    assert!(h.query_all_by(line).count() >= 1);
    assert!(
        h.get_by_label("1 partij verwerken")
            .accesskit_node()
            .is_disabled()
    );
    click(&mut h, "Annuleren");
    assert!(h.state().alliance().unwrap().parties.is_empty());
}

/// Issue 32: the register kept from a spreadsheet. The region exported to
/// a sheet, edited as a municipal officer would (a party renamed, a new
/// person, a changed service area, a duplicate e-mail address, a new
/// party), re-imported: the plan matches a diff made independently from
/// the edits, `--dry-run` writes nothing, and applying is one undo step.
#[test]
fn the_region_round_trips_through_a_spreadsheet_and_only_the_edits_apply() {
    use samenspel::csvimport::update::{self, Status};
    let dir = Dir::new();
    let file = dir.path("regio.samenspel");
    let (ok, out, err) = cli_with_input(&["example", "--region", file.to_str().unwrap()], "");
    assert!(ok, "{out}{err}");
    let before = load(&file);
    let today = chrono::Local::now().date_naive();
    let sheet = update::export_parties(&before, true, today);
    assert!(
        sheet.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 with a BOM, for Excel"
    );
    // Read back as it was written: every party unchanged.
    let table = samenspel::csvimport::read(&sheet).unwrap();
    let mapping = samenspel::csvimport::guess_mapping(&table.headers);
    let (parties, errors) = samenspel::csvimport::parties(&table, &mapping, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let plans = update::plan(&before, &parties);
    assert!(
        plans.iter().all(|p| p.status() == Status::Unchanged),
        "{:?}",
        plans
            .iter()
            .filter(|p| p.status() != Status::Unchanged)
            .map(|p| &p.party.name)
            .collect::<Vec<_>>()
    );
    // The officer's edits, in the sheet's text.
    let text = String::from_utf8(sheet[3..].to_vec()).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let with_person = |l: &String| l.split(';').nth(8).is_some_and(|e| e.contains('@'));
    // 1. A provider with people is renamed (its people's addresses stay).
    let renamed_line = lines
        .iter()
        .position(|l| with_person(l) && !l.starts_with("Gemeente"))
        .unwrap();
    let old_name = lines[renamed_line].split(';').next().unwrap().to_string();
    let new_name = format!("{old_name} (nieuwe naam)");
    for l in lines.iter_mut() {
        if l.split(';').next() == Some(old_name.as_str()) {
            *l = l.replacen(&old_name, &new_name, 1);
        }
    }
    // 2. Another party's service area changes, on all its rows.
    let area_party = lines
        .iter()
        .skip(1)
        .map(|l| l.split(';').next().unwrap().to_string())
        .find(|n| *n != new_name)
        .unwrap();
    for l in lines.iter_mut() {
        let mut cells: Vec<String> = l.split(';').map(str::to_string).collect();
        if cells[0] == area_party {
            cells[3] = "Heel Twente".into();
            *l = cells.join(";");
        }
    }
    // 3. A new person for a third party.
    let third = lines
        .iter()
        .skip(1)
        .map(|l| l.split(';').next().unwrap().to_string())
        .find(|n| *n != new_name && *n != area_party)
        .unwrap();
    let third_row: Vec<String> = lines
        .iter()
        .find(|l| l.starts_with(&format!("{third};")))
        .unwrap()
        .split(';')
        .map(str::to_string)
        .collect();
    let mut added = third_row.clone();
    added[6] = "Nadia El Amrani".into();
    added[7] = "beleidsadviseur".into();
    added[8] = "nadia.elamrani@example.org".into();
    lines.push(added.join(";"));
    // 4. The same party gets a second new person, with an address
    // someone in another party has (in other capitals).
    let taken = before
        .people
        .iter()
        .find(|p| {
            !p.email.is_empty()
                && p.party
                    .and_then(|x| before.party(x))
                    .is_some_and(|x| x.name != third)
        })
        .unwrap();
    let mut dup = third_row.clone();
    dup[6] = "Piet Dubbel".into();
    dup[8] = taken.email.to_uppercase();
    lines.push(dup.join(";"));
    let dup_line = lines.len();
    // 5. A new party.
    lines.push(
        "Stichting Nieuw Begin;welzijn;12;Almelo;;;Ria Vos;coördinator;ria@nieuwbegin.nl".into(),
    );
    let edited = dir.path("bijgewerkt.csv");
    std::fs::write(&edited, lines.join("\r\n")).unwrap();

    // The independent diff: what the edits above change, party by party.
    let expect = |name: &str| -> Status {
        if name == new_name || name == area_party {
            Status::Changed
        } else if name == third {
            Status::Conflict
        } else if name == "Stichting Nieuw Begin" {
            Status::New
        } else {
            Status::Unchanged
        }
    };
    let table = samenspel::csvimport::read(&std::fs::read(&edited).unwrap()).unwrap();
    let mapping = samenspel::csvimport::guess_mapping(&table.headers);
    let (parties, errors) = samenspel::csvimport::parties(&table, &mapping, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let plans = update::plan(&before, &parties);
    for p in &plans {
        assert_eq!(p.status(), expect(&p.party.name), "{}: {p:?}", p.party.name);
    }
    let renamed = plans.iter().find(|p| p.party.name == new_name).unwrap();
    assert!(renamed.renamed);
    assert_eq!(
        before.party(renamed.existing.unwrap()).unwrap().name,
        old_name
    );
    let area = plans.iter().find(|p| p.party.name == area_party).unwrap();
    assert_eq!(area.changes.len(), 1);
    assert_eq!(area.changes[0].after, "Heel Twente");
    let conflict = plans.iter().find(|p| p.party.name == third).unwrap();
    assert_eq!(conflict.conflicts[0].line, dup_line, "named by its line");

    // On the command line: --dry-run lists and writes nothing.
    let bytes = std::fs::read(&file).unwrap();
    let f = file.to_str().unwrap();
    let (ok, out, err) = cli_with_input(
        &[
            "import-csv",
            "parties",
            edited.to_str().unwrap(),
            f,
            "--dry-run",
        ],
        "",
    );
    assert!(ok, "{out}{err}");
    assert!(
        out.contains(&format!(
            "gewijzigd: {new_name} (hernoemd, was ‘{old_name}’)"
        )),
        "{out}"
    );
    assert!(
        out.contains("werkgebied: ‘") && out.contains("’ → ‘Heel Twente’"),
        "{out}"
    );
    assert!(
        out.contains(&format!("conflict, regel {dup_line}:")),
        "{out}"
    );
    assert!(
        out.contains("nieuw: Stichting Nieuw Begin (1 persoon)"),
        "{out}"
    );
    assert!(out.contains("Proef: 1 nieuw, 2 gewijzigd, "), "{out}");
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "nothing written");

    // Applied (the conflict left out) as one step, and undone as one.
    let mut doc = samenspel::document::Document::open(&file).unwrap();
    let chosen = vec![true; plans.len()];
    doc.perform(update::apply(doc.alliance(), &plans, &chosen, today))
        .unwrap();
    doc.seal();
    let a = doc.alliance().clone();
    assert_eq!(a.parties.len(), before.parties.len() + 1);
    assert!(a.parties.iter().any(|p| p.name == new_name));
    assert!(!a.parties.iter().any(|p| p.name == old_name));
    assert!(
        a.parties
            .iter()
            .any(|p| p.name == area_party && p.service_area == "Heel Twente")
    );
    assert!(
        !a.people.iter().any(|p| p.name == "Nadia El Amrani"),
        "a conflict is not applied"
    );
    assert!(!a.people.iter().any(|p| p.name == "Piet Dubbel"));
    doc.undo().unwrap();
    assert_eq!(doc.alliance().parties, before.parties);
    assert_eq!(doc.alliance().people, before.people);
}

/// Issue 32 in the window: the register saved as a sheet, a changed copy
/// chosen inside the window (no native dialog on this machine), its plan
/// shown party by party, one change left out, the rest applied as one
/// undo step.
#[test]
fn the_window_exports_the_register_and_reads_an_updated_sheet_back_without_a_native_dialog() {
    use crate::ui::{FakeDialogs, app, click, harness, nav};
    use egui_kittest::kittest::Queryable;
    let dir = Dir::new();
    let path = dir.path("regio.samenspel");
    let (ok, out, err) = cli_with_input(&["example", "--region", path.to_str().unwrap()], "");
    assert!(ok, "{out}{err}");
    let before = load(&path);
    let dialogs = FakeDialogs::default();
    let sheet = dir.path("partijen.csv");
    *dialogs.save.borrow_mut() = Some(sheet.clone());
    let mut h = harness(app(&dir, Some(&path), dialogs.clone()));
    nav(&mut h, "Partijen");
    click(&mut h, "Exporteren naar CSV…");
    let bytes = std::fs::read(&sheet).expect("saved");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        text.starts_with("Naam;Soort;Medewerkers;Werkgebied"),
        "{text}"
    );
    // Two parties change their service area in the copy.
    let names: Vec<String> = before.parties.iter().map(|p| p.name.clone()).collect();
    let edited: Vec<String> = text
        .lines()
        .map(|l| {
            let mut cells: Vec<String> = l.split(';').map(str::to_string).collect();
            if cells[0] == names[10] || cells[0] == names[11] {
                cells[3] = "Noordoost-Twente".into();
            }
            cells.join(";")
        })
        .collect();
    std::fs::write(&sheet, edited.join("\r\n")).unwrap();
    // No native dialog: the file is asked for inside the window.
    dialogs.unavailable.set(true);
    click(&mut h, "Importeren uit CSV…");
    assert!(h.state().in_window_dialog_shown(), "never a silent no-op");
    crate::ui::retype(
        &mut h,
        "Bestand (volledig pad)",
        &sheet.display().to_string(),
    );
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Openen")
        .click();
    h.run();
    h.get_by_label(&format!(
        "0 nieuw · 2 gewijzigd · {} ongewijzigd · 0 conflict",
        before.parties.len() - 2
    ));
    // The second change is left out.
    click(&mut h, &format!("{} — gewijzigd", names[11]));
    click(&mut h, "1 partij verwerken");
    let a = h.state().alliance().unwrap().clone();
    let area = |a: &samenspel::domain::Alliance, n: &str| {
        a.parties
            .iter()
            .find(|p| p.name == n)
            .unwrap()
            .service_area
            .clone()
    };
    assert_eq!(area(&a, &names[10]), "Noordoost-Twente");
    assert_eq!(area(&a, &names[11]), area(&before, &names[11]));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().alliance().unwrap().parties, before.parties);
}
