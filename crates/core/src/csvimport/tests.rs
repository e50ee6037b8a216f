//! Tests of the parent module, kept apart so the module itself stays
//! readable at a glance.

use super::*;

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// read + guess_mapping + parties.
fn import(bytes: &[u8], existing: &[&str]) -> (Table, Vec<ImportedParty>, Vec<RowError>) {
    let table = read(bytes).expect("readable");
    let mapping = guess_mapping(&table.headers);
    let (parties, errors) = parties(&table, &mapping, &strs(existing));
    (table, parties, errors)
}

fn error_lines(errors: &[RowError]) -> Vec<usize> {
    errors.iter().map(|e| e.line).collect()
}

fn assert_one_sentence(s: &str) {
    assert!(s.ends_with('.'), "not a sentence: {s}");
    assert!(
        !s.trim_end_matches('.').contains(". "),
        "more than one sentence: {s}"
    );
    assert!(!s.contains('\n'), "line break in: {s}");
}

// --- reading -----------------------------------------------------------

#[test]
fn excel_nl_windows_1252_semicolon_crlf() {
    let bytes: &[u8] = b"Naam;Soort;Aantal medewerkers;Werkgebied;Thema's;Opmerkingen\r\n\
Zorggroep Twente\x96Noord;Zorg;1.200;Enschede;ouderen, mantelzorg;\r\n\
Stichting S\xe9rieus;welzijn;35;Hengelo;jongeren;caf\xe9 \x80 5\r\n\
Cli\xebntenraad;overig;;;;\r\n";
    let (table, parties, errors) = import(bytes, &[]);
    assert_eq!(table.encoding, Encoding::Windows1252);
    assert_eq!(table.separator, b';');
    assert_eq!(table.header_line, 1);
    assert_eq!(table.headers[4], "Thema's");
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = parties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Zorggroep Twente\u{2013}Noord",
            "Stichting Sérieus",
            "Cliëntenraad"
        ]
    );
    assert_eq!(
        parties.iter().map(|p| p.line).collect::<Vec<_>>(),
        [2, 3, 4]
    );
    let first = &parties[0];
    assert_eq!(first.kind, Some(Kind::Care));
    assert_eq!(first.staff, Some(1200));
    assert_eq!(first.service_area, "Enschede");
    assert_eq!(first.services, strs(&["ouderen", "mantelzorg"]));
    assert_eq!(parties[1].notes, "café € 5");
    assert_eq!(parties[2].kind, Some(Kind::Other));
    assert_eq!(parties[2].staff, None);
}

#[test]
fn excel_utf8_bom_comma() {
    let bytes: &[u8] = b"\xEF\xBB\xBFName,Type,Staff,Services\r\n\
Stichting S\xC3\xA9rieus,Welfare,35,youth | elderly\r\n\
Cli\xC3\xABntenraad,Other,\" 7 \",\r\n";
    let (table, parties, errors) = import(bytes, &[]);
    assert_eq!(table.encoding, Encoding::Utf8Bom);
    assert_eq!(table.separator, b',');
    assert_eq!(table.headers, strs(&["Name", "Type", "Staff", "Services"]));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(parties.len(), 2);
    assert_eq!(parties[0].name, "Stichting Sérieus");
    assert_eq!(parties[0].kind, Some(Kind::Welfare));
    assert_eq!(parties[0].services, strs(&["youth", "elderly"]));
    assert_eq!(parties[1].name, "Cliëntenraad");
    assert_eq!(parties[1].staff, Some(7));
}

#[test]
fn excel_utf8_bom_semicolon() {
    let bytes: &[u8] = b"\xEF\xBB\xBFnaam;soort\r\nCli\xC3\xABntenraad;gemeente\r\n";
    let (table, parties, errors) = import(bytes, &[]);
    assert_eq!(table.encoding, Encoding::Utf8Bom);
    assert_eq!(table.separator, b';');
    assert!(errors.is_empty());
    assert_eq!(parties[0].kind, Some(Kind::Municipality));
}

#[test]
fn libreoffice_quoted_fields_and_line_numbers() {
    let bytes: &[u8] = b"naam,soort,notities\n\
Politie Oost,politie,\n\
Woonbron,woningcorporatie,\"let op; zie \"\"dossier\"\"\nen bel eerst\"\n\
\"Welzijn, Zuid\",welzijn,\"a,b\"\n";
    let (table, parties, errors) = import(bytes, &[]);
    assert_eq!(table.encoding, Encoding::Utf8);
    assert_eq!(table.separator, b',');
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        table.rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        [2, 3, 5],
        "record on lines 3-4 means the next one is on line 5"
    );
    assert_eq!(parties[1].notes, "let op; zie \"dossier\"\nen bel eerst");
    assert_eq!(parties[1].kind, Some(Kind::HousingCorporation));
    assert_eq!(parties[2].name, "Welzijn, Zuid");
    assert_eq!(parties[2].line, 5);
}

#[test]
fn line_numbers_with_crlf_inside_quotes_and_blank_lines() {
    let bytes: &[u8] = b"Naam;Notities\r\n\r\nA;\"x\r\ny\r\nz\"\r\n\r\n\r\nB;\r\nC;c\r\n";
    let table = read(bytes).unwrap();
    assert_eq!(
        table.rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        [3, 8, 9]
    );
    assert_eq!(table.rows[0].1[1], "x\r\ny\r\nz");
}

#[test]
fn line_numbers_with_old_mac_line_ends() {
    let table = read(b"Naam;Soort\rA;zorg\r\rB;welzijn\r").unwrap();
    assert_eq!(table.rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 4]);
}

#[test]
fn excel_sep_line() {
    let bytes: &[u8] = b"sep=;\r\nNaam;Soort\r\nA, B en C;zorg\r\n\r\nD;welzijn\r\n";
    let (table, parties, errors) = import(bytes, &[]);
    assert_eq!(table.separator, b';');
    assert_eq!(table.header_line, 2);
    assert_eq!(table.headers, strs(&["Naam", "Soort"]));
    assert!(errors.is_empty());
    assert_eq!(parties[0].name, "A, B en C");
    assert_eq!(parties[0].line, 3);
    assert_eq!(parties[1].line, 5);
}

#[test]
fn sep_line_overrides_detection_and_survives_bom_and_quotes() {
    let table = read(b"\xEF\xBB\xBF\"sep=|\"\nNaam|Soort\nA;B|zorg\n").unwrap();
    assert_eq!(table.encoding, Encoding::Utf8Bom);
    assert_eq!(table.separator, b'|');
    assert_eq!(table.rows, vec![(3, strs(&["A;B", "zorg"]))]);
    // A `sep=` line saved back by a spreadsheet as a row.
    let table = read(b"SEP=,,,\nName,Kind\nA,care\n").unwrap();
    assert_eq!(table.separator, b',');
    assert_eq!(table.header_line, 2);
}

#[test]
fn tab_separated() {
    let bytes: &[u8] =
        b"Name\tKind\tStaff\tNotes\r\nPolice East\tpolice\t1,200\tcalls; mails, letters\r\n";
    let (table, parties, errors) = import(bytes, &[]);
    assert_eq!(table.separator, b'\t');
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(parties[0].staff, Some(1200));
    assert_eq!(parties[0].notes, "calls; mails, letters");
}

#[test]
fn separator_detection() {
    // Commas inside cells of a semicolon file.
    assert_eq!(
        read(b"Naam;Notities\nA;x, y, z\nB;p, q\n")
            .unwrap()
            .separator,
        b';'
    );
    // Semicolons inside cells of a comma file.
    assert_eq!(
        read(b"Name,Notes\nA,x; y; z\nB,p\n").unwrap().separator,
        b','
    );
    // Both consistent: ';' wins the tie.
    assert_eq!(read(b"a;b,c\nd;e,f\n").unwrap().separator, b';');
    // Single column: ';' by default, cells kept whole.
    let table = read(b"Name\nA, B\n").unwrap();
    assert_eq!(table.separator, b';');
    assert_eq!(table.rows[0].1, strs(&["A, B"]));
    // Hand-edited file with short rows: still consistent for ';'.
    assert_eq!(
        read(b"Naam;Soort;Notities\nA;zorg\nB\nC;welzijn;x,y\n")
            .unwrap()
            .separator,
        b';'
    );
    // Header "Naam;Soort,Type": ',' only fits because rows are short;
    // ';' fits exactly and wins.
    assert_eq!(
        read(b"Naam;Soort,Type\nA;zorg\nB;welzijn\n")
            .unwrap()
            .separator,
        b';'
    );
    // Comma file whose cells contain semicolons on some rows only.
    assert_eq!(
        read(b"Name,Kind,Notes\nA,care,x;y\nB,police,\nC,other,p;q;r\n")
            .unwrap()
            .separator,
        b','
    );
    // No column is consistent: the most regular one wins.
    assert_eq!(
        read(b"Naam;Soort;Notities\nA;zorg;x\nB;zorg\nC;zorg;y,z\n")
            .unwrap()
            .separator,
        b';'
    );
}

#[test]
fn empty_rows_are_skipped() {
    let bytes: &[u8] =
        b"Naam;Soort;Notities\r\n;;\r\n\r\nA;zorg;\r\n;\r\n  ; \xa0 ;\r\nB;;\r\n;;;;\r\n";
    let table = read(bytes).unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].0, 4);
    assert_eq!(table.rows[1].0, 7);
    let (parties, errors) = parties(&table, &guess_mapping(&table.headers), &[]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(parties.len(), 2);
}

#[test]
fn leading_blank_and_empty_lines_before_header() {
    let table = read(b"\r\n;;\r\nNaam;Soort\r\nA;zorg\r\n").unwrap();
    assert_eq!(table.header_line, 3);
    assert_eq!(table.rows[0].0, 4);
}

#[test]
fn header_only_gives_nothing() {
    for bytes in [
        &b"Naam;Soort;Aantal medewerkers\r\n"[..],
        b"Naam;Soort;Aantal medewerkers",
        b"sep=;\r\nNaam;Soort\r\n;;\r\n",
    ] {
        let (_, parties, errors) = import(bytes, &["A"]);
        assert!(parties.is_empty());
        assert!(errors.is_empty());
    }
}

#[test]
fn read_errors() {
    assert_eq!(read(b""), Err(ReadError::Empty));
    assert_eq!(read(b" \r\n\r\n\t"), Err(ReadError::Empty));
    assert_eq!(read(b"\xEF\xBB\xBF"), Err(ReadError::Empty));
    assert_eq!(read(b";;;\r\n;;;\r\n"), Err(ReadError::NoHeader));
    assert_eq!(read(b"sep=;\r\n"), Err(ReadError::NoHeader));
    assert_eq!(read(b"\xFF\xFEN\x00a\x00"), Err(ReadError::Utf16));
    for e in [
        ReadError::Empty,
        ReadError::NoHeader,
        ReadError::Utf16,
        ReadError::Unreadable {
            line: 3,
            message: "unexpected thing".into(),
        },
    ] {
        assert_one_sentence(&e.to_string());
        assert_one_sentence(&e.message_nl());
    }
}

#[test]
fn trailing_empty_header_cells_are_dropped() {
    let table = read(b"Naam;Soort;;\r\nA;zorg;;\r\n").unwrap();
    assert_eq!(table.headers, strs(&["Naam", "Soort"]));
    let (parties, errors) = parties(&table, &guess_mapping(&table.headers), &[]);
    assert!(
        errors.is_empty(),
        "trailing empty cells are not extra cells"
    );
    assert_eq!(parties.len(), 1);
}

#[test]
fn short_rows_read_as_empty_cells() {
    let (_, parties, errors) = import(b"Naam;Soort;Werkgebied\nA\nB;zorg\n", &[]);
    assert!(errors.is_empty());
    assert_eq!(parties[0].kind, None);
    assert_eq!(parties[1].service_area, "");
}

// --- header mapping ----------------------------------------------------

#[test]
fn mapping_dutch_mixed_case_extra_spaces() {
    let headers = strs(&[
        "  NAAM ",
        "soort",
        "Aantal   Medewerkers",
        " Werkgebied",
        "Thema’s",
        "Contactpersoon",
        "FUNCTIE",
        "E-mail",
        "Website",
        "Opmérkingen",
        "Telefoon",
    ]);
    use Field::*;
    assert_eq!(
        guess_mapping(&headers),
        vec![
            Some(Name),
            Some(Kind),
            Some(Staff),
            Some(ServiceArea),
            Some(Services),
            Some(PersonName),
            Some(PersonFunction),
            Some(PersonEmail),
            None,
            Some(Notes),
            Some(Contact),
        ]
    );
    assert_eq!(
        unmapped_columns(&headers, &guess_mapping(&headers)),
        vec![(8, "Website".to_string())]
    );
}

#[test]
fn mapping_english_any_order() {
    let headers = strs(&[
        "Notes",
        "Contact Person",
        "Role",
        "Email",
        "SERVICE AREA",
        "themes",
        "Organisation",
        "Kind",
        "FTE",
        "Contact",
        "Founded",
    ]);
    use Field::*;
    assert_eq!(
        guess_mapping(&headers),
        vec![
            Some(Notes),
            Some(PersonName),
            Some(PersonFunction),
            Some(PersonEmail),
            Some(ServiceArea),
            Some(Services),
            Some(Name),
            Some(Kind),
            Some(Staff),
            Some(Contact),
            None,
        ]
    );
}

#[test]
fn mapping_email_without_person_is_contact() {
    use Field::*;
    assert_eq!(
        guess_mapping(&strs(&["Naam", "e-mail", "Sector"])),
        vec![Some(Name), Some(Contact), Some(Kind)]
    );
    // Contact already taken and no person: e-mail is left out.
    assert_eq!(
        guess_mapping(&strs(&["Naam", "Contact", "Mail"])),
        vec![Some(Name), Some(Contact), None]
    );
    // "contactpersoon" is a person, "e-mail organisatie" the party's contact.
    assert_eq!(
        guess_mapping(&strs(&[
            "Partij",
            "E-mail organisatie",
            "Contactpersoon",
            "E-mail"
        ])),
        vec![
            Some(Name),
            Some(Contact),
            Some(PersonName),
            Some(PersonEmail)
        ]
    );
    assert_eq!(
        guess_mapping(&strs(&["Naam", "Contact", "Naam contactpersoon"])),
        vec![Some(Name), Some(Contact), Some(PersonName)]
    );
}

#[test]
fn mapping_no_field_twice_and_loose_headers() {
    use Field::*;
    assert_eq!(
        guess_mapping(&strs(&["Naam", "Name", "Soort", "Type"])),
        vec![Some(Name), None, Some(Kind), None]
    );
    // An exact synonym beats a looser match even when it is further right.
    assert_eq!(
        guess_mapping(&strs(&["Organisatienaam (officieel)", "Naam"])),
        vec![None, Some(Name)]
    );
    assert_eq!(
        guess_mapping(&strs(&[
            "Organisatienaam",
            "Aantal fte (2024)",
            "E-mailadres contactpersoon",
            "Naam van de contactpersoon",
            "KvK-nummer",
            "Adres",
            "",
            "Gebied / regio",
        ])),
        vec![
            Some(Name),
            Some(Staff),
            Some(PersonEmail),
            Some(PersonName),
            None,
            None,
            None,
            Some(ServiceArea),
        ]
    );
    assert_eq!(guess_mapping(&[]), Vec::<Option<Field>>::new());
}

#[test]
fn normalize_key_examples() {
    assert_eq!(normalize_key("  Thema's "), "themas");
    assert_eq!(normalize_key("E-Mail"), "email");
    assert_eq!(normalize_key("Naam (organisatie)"), "naam organisatie");
    assert_eq!(normalize_key("Opmérkingen"), "opmerkingen");
    assert_eq!(normalize_key("Service_Area"), "service area");
    assert_eq!(normalize_key("Ωμέγα"), "ωμέγα");
}

// --- cell parsing ------------------------------------------------------

#[test]
fn staff_numbers() {
    for (cell, want) in [
        ("1200", Some(1200)),
        ("1.200", Some(1200)),
        ("1,200", Some(1200)),
        (" 35 ", Some(35)),
        ("0", Some(0)),
        ("1.200.000", Some(1_200_000)),
        ("1 200", Some(1200)),
        ("", None),
    ] {
        assert_eq!(parse_staff(cell), Ok(want), "{cell:?}");
    }
    for cell in [
        "veel",
        "-3",
        "12,5",
        "1.2",
        "1,2345",
        "1.200,000",
        ",200",
        "200,",
        "+5",
        "3 fte",
        "99999999999",
        "1..200",
        "١٢",
    ] {
        assert_eq!(parse_staff(cell), Err(()), "{cell:?}");
    }
}

#[test]
fn kinds_dutch_and_english() {
    use super::Kind as K;
    for (cell, want) in [
        ("Welzijn", K::Welfare),
        ("welfare", K::Welfare),
        ("ZORG", K::Care),
        ("jeugdzorg", K::Care),
        ("GGZ", K::Care),
        ("thuiszorg", K::Care),
        ("care", K::Care),
        ("Woningcorporatie", K::HousingCorporation),
        ("corporatie", K::HousingCorporation),
        ("Housing  Corporation", K::HousingCorporation),
        ("housing", K::HousingCorporation),
        ("gemeente", K::Municipality),
        ("Municipality", K::Municipality),
        ("politie", K::Police),
        ("Police", K::Police),
        ("overig", K::Other),
        ("anders", K::Other),
        ("other", K::Other),
    ] {
        assert_eq!(K::from_cell(cell), Ok(Some(want)), "{cell:?}");
    }
    assert_eq!(K::from_cell("  "), Ok(None));
    assert_eq!(
        K::from_cell(" bakkerij "),
        Err(UnknownKind("bakkerij".to_string()))
    );
}

#[test]
fn services_split() {
    assert_eq!(
        split_services(" a, b ;c/d | e ,, ; A \n f"),
        strs(&["a", "b", "c", "d", "e", "f"])
    );
    assert!(split_services(" ; , ").is_empty());
}

#[test]
fn email_check() {
    assert!(is_plausible_email("jan@example.nl"));
    for bad in [
        "jan.example.nl",
        "@example.nl",
        "jan@",
        "jan@host",
        "j an@x.nl",
        "a@b@c.nl",
    ] {
        assert!(!is_plausible_email(bad), "{bad}");
    }
}

// --- building parties --------------------------------------------------

#[test]
fn people_are_grouped_under_their_party() {
    let bytes: &[u8] = b"Naam;Soort;Medewerkers;Contactpersoon;Functie;E-mail\r\n\
Zorggroep Twente;zorg;120;Anna de Vries;co\xf6rdinator;anna@zgt.nl\r\n\
Politie Oost;politie;;Piet Jansen;wijkagent;piet@politie.nl\r\n\
  zorggroep   TWENTE ;;;Bram Bos;;\r\n\
Zorggroep Twente;Zorg;120;Chris Kok;teamleider;chris@zgt.nl\r\n\
Welzijn Noord;welzijn;;;;\r\n\
Politie Oost;;;Ria Smit;;\r\n";
    let (_, parties, errors) = import(bytes, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(parties.len(), 3);
    let zgt = &parties[0];
    assert_eq!(zgt.name, "Zorggroep Twente");
    assert_eq!(zgt.line, 2);
    assert_eq!(zgt.staff, Some(120));
    let people: Vec<(&str, usize)> = zgt
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.line))
        .collect();
    assert_eq!(
        people,
        [("Anna de Vries", 2), ("Bram Bos", 4), ("Chris Kok", 5)]
    );
    assert_eq!(zgt.people[0].function, "coördinator");
    assert_eq!(zgt.people[0].email, "anna@zgt.nl");
    assert_eq!(parties[1].people.len(), 2);
    assert!(parties[2].people.is_empty());
}

#[test]
fn later_row_may_fill_empty_party_fields() {
    let (_, parties, errors) = import(
        b"Naam;Soort;Werkgebied;Contactpersoon\nA;;;Jan\na;zorg;Oost;Piet\n",
        &[],
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(parties[0].kind, Some(Kind::Care));
    assert_eq!(parties[0].service_area, "Oost");
    assert_eq!(parties[0].people.len(), 2);
}

#[test]
fn conflicting_party_fields_on_later_row() {
    let bytes: &[u8] = b"Naam;Soort;Medewerkers;Werkgebied;Diensten;Contactpersoon\n\
A;zorg;10;Oost;x, y;Jan\n\
A;zorg;10;oost;Y / X;Piet\n\
A;welzijn;10;Oost;;Kees\n\
A;;11;West;z;Wim\n";
    let (_, parties, errors) = import(bytes, &[]);
    assert_eq!(error_lines(&errors), [4, 5, 5, 5]);
    assert!(errors[0].reason.contains("kind"), "{}", errors[0].reason);
    assert!(errors[0].reason.contains("line 2"));
    assert!(errors[0].reason_nl.contains("soort"));
    assert!(errors[1].reason.contains("number of staff"));
    assert!(errors[2].reason.contains("service area"));
    assert!(errors[3].reason.contains("services"));
    // Rows with errors add nobody.
    let names: Vec<&str> = parties[0].people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Jan", "Piet"]);
}

#[test]
fn each_bad_row_kind_with_its_line() {
    let long = "L".repeat(501);
    let mut bytes: Vec<u8> = b"Naam;Soort;Medewerkers;Contactpersoon;E-mail\r\n\
Goed;zorg;1.200;Jan;jan@goed.nl\r\n\
;zorg;3;;\r\n\
Onbekend;bakkerij;;;\r\n\
Veel;zorg;veel;;\r\n\
Min;zorg;-3;;\r\n\
Half;zorg;12,5;;\r\n\
Mail;zorg;;Piet;piet.example.nl\r\n\
Breed;zorg;;;;extra\r\n"
        .to_vec();
    bytes.extend_from_slice(long.as_bytes());
    bytes.extend_from_slice(b";zorg;;;\r\nNul\x00l;zorg;;;\r\nGoed 2;;;;\r\n");
    let (_, parties, errors) = import(&bytes, &[]);
    assert_eq!(parties.len(), 2);
    assert_eq!(error_lines(&errors), [3, 4, 5, 6, 7, 8, 9, 10, 11]);
    let expect = [
        (3, "no party name", "geen naam"),
        (
            4,
            "kind \"bakkerij\" is unknown",
            "soort \"bakkerij\" is onbekend",
        ),
        (5, "staff \"veel\"", "medewerkers \"veel\""),
        (6, "staff \"-3\"", "medewerkers \"-3\""),
        (7, "staff \"12,5\"", "medewerkers \"12,5\""),
        (
            8,
            "e-mail address \"piet.example.nl\"",
            "e-mailadres \"piet.example.nl\"",
        ),
        (9, "6 cells but the header has only 5", "6 cellen"),
        (10, "501 characters", "501 tekens"),
        (11, "control character U+0000", "stuurteken U+0000"),
    ];
    for (error, (line, en, nl)) in errors.iter().zip(expect) {
        assert_eq!(error.line, line);
        assert!(error.reason.contains(en), "{}", error.reason);
        assert!(error.reason_nl.contains(nl), "{}", error.reason_nl);
        assert_one_sentence(&error.reason);
        assert_one_sentence(&error.reason_nl);
    }
    assert!(errors[8].reason.contains("\"Naam\""));
}

#[test]
fn all_problems_of_a_row_are_reported() {
    let (_, parties, errors) = import(b"Naam;Soort;Medewerkers\n;x;y\n", &[]);
    assert!(parties.is_empty());
    assert_eq!(error_lines(&errors), [2, 2, 2]);
}

#[test]
fn name_of_exactly_200_chars_is_fine() {
    let name = "é".repeat(200);
    let (_, parties, errors) = import(format!("Naam\n{name}\n").as_bytes(), &[]);
    assert!(errors.is_empty());
    assert_eq!(parties[0].name, name);
}

#[test]
fn control_character_in_unmapped_cell() {
    let (_, _, errors) = import(b"Naam;Website\nA;www\x01\n", &[]);
    assert_eq!(error_lines(&errors), [2]);
    assert!(errors[0].reason.contains("U+0001"));
    assert!(errors[0].reason.contains("\"Website\""));
}

#[test]
fn duplicate_of_existing_name() {
    let bytes: &[u8] =
        b"Naam;Contactpersoon\nNieuw;Jan\nZorggroep  Twente ;Piet\nzorggroep twente;Kees\n";
    let (_, parties, errors) = import(bytes, &["  ZORGGROEP TWENTE", "Iets anders"]);
    assert_eq!(parties.len(), 1);
    assert_eq!(parties[0].name, "Nieuw");
    assert_eq!(error_lines(&errors), [3], "reported once per party");
    assert!(errors[0].reason.contains("already in the register"));
    assert!(errors[0].reason_nl.contains("staat al in het register"));
}

#[test]
fn person_without_name_and_repeated_rows() {
    let bytes: &[u8] = b"Naam;Contactpersoon;Functie;E-mail\n\
A;Jan;;\n\
A;;manager;\n\
A;;;\n\
A;JAN;;\n";
    let (_, parties, errors) = import(bytes, &[]);
    assert_eq!(parties[0].people.len(), 1);
    assert_eq!(error_lines(&errors), [3, 3, 4, 5]);
    assert!(errors[0].reason.contains("no person name"));
    assert!(errors[2].reason.contains("adds no person"));
    assert!(errors[3].reason.contains("already listed"));
    assert!(errors[3].reason.contains("line 2"));
}

#[test]
fn mapping_without_name_is_one_error() {
    let table = read(b"Soort;Werkgebied\nzorg;Oost\nwelzijn;West\n").unwrap();
    let mapping = guess_mapping(&table.headers);
    let (parties, errors) = parties(&table, &mapping, &[]);
    assert!(parties.is_empty());
    assert_eq!(error_lines(&errors), [1]);
    assert_one_sentence(&errors[0].reason);
    assert_one_sentence(&errors[0].reason_nl);
}

#[test]
fn caller_mapping_of_any_length_is_safe() {
    let table = read(b"Naam;Soort\nA;zorg\n").unwrap();
    let (p, e) = parties(&table, &[Some(Field::Name)], &[]);
    assert!(e.is_empty());
    assert_eq!(p[0].kind, None);
    let long = vec![
        Some(Field::Kind),
        Some(Field::Name),
        Some(Field::Notes),
        None,
    ];
    let (p, e) = parties(&table, &long, &[]);
    assert_eq!(
        error_lines(&e),
        [2],
        "column 0 as kind: 'A' is an unknown kind"
    );
    assert!(p.is_empty());
    let (p, e) = parties(&table, &[], &[]);
    assert!(p.is_empty());
    assert_eq!(error_lines(&e), [1]);
}

#[test]
fn messages_escape_and_shorten_values() {
    let kind = format!("x\u{7}{}", "y".repeat(100));
    let (_, _, errors) = import(format!("Naam;Soort\nA;{kind}\n").as_bytes(), &[]);
    let unknown = errors
        .iter()
        .find(|e| e.reason.contains("unknown"))
        .unwrap();
    assert!(unknown.reason.contains("\\u{0007}"));
    assert!(unknown.reason.contains('…'));
    assert!(!unknown.reason.chars().any(char::is_control));
}

// --- robustness --------------------------------------------------------

/// Small deterministic generator (xorshift), no dependency needed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn run_everything(bytes: &[u8]) {
    if let Ok(table) = read(bytes) {
        let mapping = guess_mapping(&table.headers);
        let _ = unmapped_columns(&table.headers, &mapping);
        let _ = parties(&table, &mapping, &strs(&["a", ""]));
        let all: Vec<Option<Field>> = Field::ALL.iter().copied().map(Some).collect();
        let _ = parties(&table, &all, &[]);
        for row in &table.rows {
            for cell in &row.1 {
                let _ = Kind::from_cell(cell);
                let _ = parse_staff(cell);
            }
        }
    } else if let Err(e) = read(bytes) {
        assert_one_sentence(&e.to_string());
    }
}

#[test]
fn no_panics_on_random_and_mangled_input() {
    let alphabet: &[u8] = b";,\t\"\r\n =sep@.-1aA\x00\x96\xe9\xc3\xa9\xef\xbb\xbf\xff\xfe|/";
    let seeds: [&[u8]; 3] = [
        b"sep=;\r\nNaam;Soort;Medewerkers;Contactpersoon;E-mail\r\nA;zorg;1.200;Jan;j@a.nl\r\n",
        b"\xEF\xBB\xBFName,Kind,Notes\n\"a,\"\"b\"\"\nc\",care,\"x\n",
        b"Naam\tSoort\nCli\xebntenraad\twelzijn\n",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let len = rng.below(60);
        let bytes: Vec<u8> = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        run_everything(&bytes);
    }
    for seed in seeds {
        for _ in 0..1000 {
            let mut bytes = seed.to_vec();
            for _ in 0..=rng.below(4) {
                let at = rng.below(bytes.len() + 1);
                match rng.below(3) {
                    0 if at < bytes.len() => bytes[at] = rng.next() as u8,
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, alphabet[rng.below(alphabet.len())]),
                }
            }
            run_everything(&bytes);
            run_everything(&bytes[..rng.below(bytes.len() + 1)]);
        }
    }
}

#[test]
fn large_numbers_of_columns_and_rows() {
    let mut text = String::from("Naam;Medewerkers\n");
    for i in 0..2000 {
        text.push_str(&format!("Partij {i};{i}\n"));
    }
    let (table, parties, errors) = import(text.as_bytes(), &[]);
    assert!(errors.is_empty());
    assert_eq!(parties.len(), 2000);
    assert_eq!(table.rows[1999].0, 2001);
    let wide = format!("{}\n", vec!["x"; 5000].join(";"));
    assert_eq!(read(wide.as_bytes()).unwrap().headers.len(), 5000);
}
