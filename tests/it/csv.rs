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
    assert!(out.contains("Imported 3 parties and 2 people"), "{out}");
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
        named[1].contains(":5:") && named[1].to_lowercase().contains("name"),
        "{out}"
    );
    assert!(
        named
            .iter()
            .any(|l| l.contains(":6:") && l.contains("spaceship")),
        "{out}"
    );
    assert!(err.contains("Nothing was imported: 3 rows"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing was written");
    // A party already in the register is refused too.
    std::fs::write(&csv, "Naam;Soort\nSTICHTING PRISMA ;welzijn\n").unwrap();
    let (ok, out, _) = cli_with_input(
        &[
            "import-csv",
            "parties",
            csv.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
        "",
    );
    assert!(!ok);
    assert!(
        out.contains(":2:") && out.to_lowercase().contains("already"),
        "{out}"
    );
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
    h.get_by_label("Klaar om te importeren: 3 partijen en 2 mensen.");
    // The functions column is not wanted: ignore it.
    click(&mut h, "Kolom ‘Functie’");
    click(&mut h, "(negeren)");
    click(&mut h, "3 partijen importeren");
    let a = h.state().alliance().unwrap().clone();
    assert_eq!(a.parties.len(), 3);
    assert_eq!(a.people.len(), 2);
    assert!(a.people.iter().all(|p| p.function.is_empty()));
    h.get_by_label(
        "3 partijen en 2 mensen geïmporteerd. Ongedaan maken (Ctrl+Z) haalt ze in één stap weer weg.",
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
        h.get_by_label("1 partij importeren")
            .accesskit_node()
            .is_disabled()
    );
    click(&mut h, "Annuleren");
    assert!(h.state().alliance().unwrap().parties.is_empty());
}
