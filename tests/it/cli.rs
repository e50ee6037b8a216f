use std::process::{Command, Output};

use crate::support::Dir;

fn samenspel(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(args)
        .output()
        .expect("run samenspel")
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn example_export_import_check_from_the_command_line() {
    let dir = Dir::new();
    let file = dir.path("noord.samenspel");
    let out = samenspel(&[os("example"), file.as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(file.exists());

    let again = samenspel(&[os("example"), file.as_os_str()]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );

    let export = samenspel(&[os("export-json"), file.as_os_str()]);
    assert!(export.status.success(), "{}", stderr(&export));
    let json = String::from_utf8(export.stdout).unwrap();
    assert!(json.contains("\"format\": \"samenspel-alliance\""));
    assert!(json.contains("Stichting Wijsneus"));
    let json_path = dir.path("noord.json");
    std::fs::write(&json_path, &json).unwrap();

    let copy = dir.path("copy.samenspel");
    let import = samenspel(&[os("import-json"), json_path.as_os_str(), copy.as_os_str()]);
    assert!(import.status.success(), "{}", stderr(&import));
    let export2 = samenspel(&[os("export-json"), copy.as_os_str()]);
    assert_eq!(String::from_utf8(export2.stdout).unwrap(), json);

    let refuse = samenspel(&[os("import-json"), json_path.as_os_str(), copy.as_os_str()]);
    assert!(!refuse.status.success(), "import must not overwrite");

    let check = samenspel(&[os("check"), file.as_os_str()]);
    assert!(check.status.success(), "{}", stderr(&check));
    let report = String::from_utf8(check.stdout).unwrap();
    assert!(report.contains("SQLite integrity check: ok"), "{report}");
    assert!(report.contains("consistency check: ok"), "{report}");
}

#[test]
fn bad_files_give_one_sentence_and_a_failure_code() {
    let dir = Dir::new();
    let text = dir.path("text.samenspel");
    std::fs::write(&text, "hello, this is not an alliance at all, not even close to one!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!").unwrap();
    for args in [
        vec![os("check"), text.as_os_str()],
        vec![os("export-json"), text.as_os_str()],
        vec![
            os("check"),
            dir.path("missing.samenspel").into_os_string().leak(),
        ],
    ] {
        let out = samenspel(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.starts_with("samenspel: "), "{err}");
    }
    let bad_json = dir.path("bad.json");
    std::fs::write(&bad_json, "{").unwrap();
    let out = samenspel(&[
        os("import-json"),
        bad_json.as_os_str(),
        dir.path("x.samenspel").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("JSON"), "{}", stderr(&out));
    assert!(!dir.path("x.samenspel").exists());
}

#[test]
fn check_reports_inconsistencies() {
    let dir = Dir::new();
    let file = dir.path("x.samenspel");
    let mut alliance = samenspel::example::samen_noord();
    alliance.parties[1].name = "Stichting Dock".into();
    // A frozen covenant's text changed behind Samenspel's back (the file
    // edited by hand): the printed fingerprint no longer proves anything.
    let clause = alliance
        .clauses
        .iter_mut()
        .find(|c| c.version == 1)
        .unwrap();
    clause.text.push_str(" Behalve op zondag.");
    samenspel::document::Document::create(&file, &alliance, &[]).unwrap();
    let out = samenspel(&[os("check"), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("two parties are named \"Stichting Dock\""),
        "{report}"
    );
    assert!(
        report.contains("covenant version 1 (record 1) was frozen, but its text no longer matches its fingerprint"),
        "{report}"
    );
}

#[test]
fn the_export_help_says_it_carries_confidential_content() {
    let out = samenspel(&[os("export-json"), os("--help")]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("confidential content included"), "{help}");
}

#[test]
fn every_document_can_be_written_from_the_command_line() {
    let dir = Dir::new();
    let file = crate::support::example_file(&dir, "docs.samenspel");
    for (kind, extra) in [
        ("pack", vec![]),
        ("pack", vec!["--meeting", "1", "--lang", "en"]),
        ("minutes", vec!["--meeting", "1"]),
        ("covenant", vec!["--version", "1"]),
        ("intake", vec![]),
    ] {
        let out = dir.path(&format!("{kind}.pdf"));
        let mut args = vec![
            os("pdf"),
            os(kind),
            file.as_os_str(),
            os("-o"),
            out.as_os_str(),
        ];
        args.extend(extra.iter().map(|s| os(s)));
        let o = samenspel(&args);
        assert!(o.status.success(), "{kind}: {}", stderr(&o));
        // Said in the document's language: Dutch for the Dutch example
        // unless --lang en.
        let said = String::from_utf8_lossy(&o.stdout).to_string();
        if extra.contains(&"en") {
            assert!(said.starts_with("Wrote "), "{said}");
        } else {
            assert!(said.contains(" geschreven naar "), "{said}");
        }
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"), "{kind}");
    }
    let out = dir.path("none.pdf");
    let o = samenspel(&[
        os("pdf"),
        os("minutes"),
        file.as_os_str(),
        os("-o"),
        out.as_os_str(),
        os("--meeting"),
        os("99"),
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no meeting number 99"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

/// A mistyped command says so, and which command it may have meant,
/// instead of trying to open a window on a file of that name.
#[test]
fn a_mistyped_command_is_named_with_the_commands() {
    let (ok, stdout, stderr) = crate::support::cli_with_input(&["verfy"], "");
    assert!(!ok, "{stdout}");
    assert!(
        stderr.contains("no such command or file: 'verfy'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Did you mean `samenspel verify`?"),
        "{stderr}"
    );
    assert!(stderr.contains("Commands: new, example"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("wayland") && !stderr.contains("winit"));
}

/// Every PDF gets an identifier of its own (an archive that removes
/// duplicates by identifier keeps them all), and none claims to be PDF/X.
#[test]
fn every_pdf_has_its_own_identifier_and_no_pdfx_keys() {
    let dir = crate::support::Dir::new();
    let file = crate::support::example_file(&dir, "id.samenspel");
    let mut ids = std::collections::BTreeSet::new();
    for (doc, extra) in [
        ("pack", vec![]),
        ("minutes", vec![]),
        ("covenant", vec![]),
        ("maps", vec![]),
        ("pack", vec!["--lang", "en"]),
    ] {
        let out = dir.path(&format!("{doc}-{}.pdf", extra.len()));
        let mut args = vec![
            "pdf",
            doc,
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend(extra);
        let (ok, stdout, stderr) = crate::support::cli_with_input(&args, "");
        assert!(ok, "{stdout}{stderr}");
        let bytes = std::fs::read(&out).unwrap();
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        let id = format!("{:?}", pdf.trailer.get(b"ID").unwrap());
        assert!(
            ids.insert(id.clone()),
            "{doc}: the same /ID as another document: {id}"
        );
        if let Ok(info) = pdf
            .trailer
            .get(b"Info")
            .and_then(lopdf::Object::as_reference)
            .and_then(|r| pdf.get_dictionary(r))
        {
            for (k, _) in info.iter() {
                assert!(
                    !k.starts_with(b"GTS_PDFX"),
                    "{doc}: {}",
                    String::from_utf8_lossy(k)
                );
            }
        }
    }
}
