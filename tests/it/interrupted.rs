//! Interrupted work finishes or disappears (issue 27): an import killed
//! half way leaves temporary full copies of the alliance beside the file,
//! and a passphrase change or pruning killed after its commit leaves the
//! old texts in the main file with the new ones only in its log. The next
//! command that opens anything in that folder removes the first and writes
//! the second back, so the file on its own never holds what it says is
//! sealed or forgotten.

use crate::support::{Dir, cli_with_input, example_file};

/// The id of a process that has ended.
fn gone_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn temporary_files_of_a_killed_import_are_removed_by_the_next_command_and_named_by_check() {
    let dir = Dir::new();
    let path = example_file(&dir, "regio.samenspel");
    // What a killed `import-json` into "nieuw.samenspel" left: a full copy,
    // its log and its index, of a process that no longer runs.
    let pid = gone_pid();
    let left: Vec<std::path::PathBuf> = ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|s| dir.path(&format!(".nieuw.samenspel.{pid}.partial{s}")))
        .collect();
    for p in &left {
        std::fs::copy(&path, p).unwrap();
    }
    // And one of a process still running (this test): kept.
    let ours = dir.path(&format!(".ander.samenspel.{}.partial", std::process::id()));
    std::fs::copy(&path, &ours).unwrap();

    let file = path.to_str().unwrap();
    let (ok, out, err) = cli_with_input(&["check", file], "");
    assert!(ok, "{out}{err}");
    for p in &left {
        assert!(!p.exists(), "{} is still there", p.display());
        assert!(
            out.contains(&p.display().to_string()),
            "check does not name {}: {out}",
            p.display()
        );
    }
    assert!(ours.exists(), "a running import's file was removed");
    // Any command does it, not only check.
    for p in &left {
        std::fs::copy(&path, p).unwrap();
    }
    let (ok, _, err) = cli_with_input(&["verify", file], "");
    assert!(ok, "{err}");
    assert!(left.iter().all(|p| !p.exists()));
}

/// As a kill right after the sealing transaction's commit leaves it: the
/// new texts only in the write-ahead log, the old ones still in the main
/// file. The next command writes the log back; the main file alone then
/// holds no trace of the old text.
#[test]
fn a_change_killed_before_its_checkpoint_is_finished_by_the_next_command() {
    let dir = Dir::new();
    let path = example_file(&dir, "onderbroken.samenspel");
    let marker = "VERTROUWELIJK-7f3a-niet-delen";
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute("UPDATE answer SET text = ?1 WHERE id = 1", [marker])
            .unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    }
    let main = std::fs::read(&path).unwrap();
    assert!(
        contains(&main, marker.as_bytes()),
        "the marker is in the file"
    );

    // The "sealing": committed, not yet checkpointed; the files copied as
    // they are at that moment (a kill would leave them so).
    let killed = dir.path("gedood.samenspel");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("PRAGMA wal_autocheckpoint = 0; PRAGMA secure_delete = ON;")
            .unwrap();
        c.execute("UPDATE answer SET text = 'verzegeld' WHERE id = 1", [])
            .unwrap();
        std::fs::copy(&path, &killed).unwrap();
        let wal = |p: &std::path::Path| {
            let mut s = p.as_os_str().to_os_string();
            s.push("-wal");
            std::path::PathBuf::from(s)
        };
        std::fs::copy(wal(&path), wal(&killed)).unwrap();
    }
    assert!(
        contains(&std::fs::read(&killed).unwrap(), marker.as_bytes()),
        "as killed, the main file still holds the old text"
    );
    let (ok, out, err) = cli_with_input(&["check", killed.to_str().unwrap()], "");
    assert!(ok, "{out}{err}");
    assert!(out.contains("write-ahead log"), "{out}");
    assert!(
        !contains(&std::fs::read(&killed).unwrap(), marker.as_bytes()),
        "after the next command the main file alone still holds the old text"
    );
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Hostile values are not echoed (issue 27): a refused import names what
/// is wrong in one short line, without the value whole, raw control
/// characters or the parser's words; a CSV cell too long is named as the
/// sheet names it; an older file is not called damaged.
#[test]
fn refusals_quote_little_escape_control_characters_and_never_speak_the_parser() {
    let dir = Dir::new();
    let target = dir.path("nieuw.samenspel");
    let json = dir.path("vijandig.json");
    let bad = format!("\u{1b}[31m{}\nregel twee", "x".repeat(100_000));
    let cases = [
        serde_json::json!({"format": bad, "version": 1}).to_string(),
        // A list where a number belongs, deep in the file.
        serde_json::json!({"format": "samenspel-alliance", "version": 1,
            "alliance": {"info": {"name": "A"}, "parties": [{"id": [1, 2], "name": "B"}]}})
        .to_string(),
        format!(
            "{{\"format\": \"samenspel-alliance\", \"version\": 1, \"alliance\": {{\"info\": {{\"name\": \"{}\"",
            "y".repeat(50)
        ),
        serde_json::json!({"format": "samenspel-alliance", "version": 1,
            "alliance": {"info": {"name": "A"}, "people": [{"id": 1, "name": bad, "party": 77}]}})
        .to_string(),
        // A terminal escape in a party's name, in an otherwise good export.
        {
            let mut a = samenspel::example::samen_noord();
            a.parties[2].name = "\u{1b}[31mRood\u{1b}[2J".into();
            serde_json::json!({"format": "samenspel-alliance", "version": 1, "alliance": a})
                .to_string()
        },
    ];
    for (i, text) in cases.iter().enumerate() {
        std::fs::write(&json, text).unwrap();
        let (ok, out, err) = cli_with_input(
            &[
                "import-json",
                json.to_str().unwrap(),
                target.to_str().unwrap(),
            ],
            "",
        );
        assert!(!ok, "case {i} imported: {out}");
        assert!(err.len() < 500, "case {i}: {} bytes of refusal", err.len());
        assert_eq!(err.trim_end().lines().count(), 1, "case {i}: {err}");
        assert!(!err.contains('\u{1b}'), "case {i}: a raw escape");
        for w in [
            "serde",
            "column",
            "invalid type",
            "expected i64",
            "Database error",
        ] {
            assert!(!err.contains(w), "case {i}: {err}");
        }
        assert!(!target.exists());
        if i == 4 {
            assert!(
                err.contains(
                    "in record 3 of parties, the field \"name\" holds a control character"
                ),
                "{err}"
            );
        }
        // The record and field, where the export names them.
        if i == 1 {
            assert!(
                err.contains(
                    "in record 1 of parties, the field \"id\" is missing or of the wrong kind"
                ),
                "{err}"
            );
        }
    }

    // A CSV cell longer than the register takes: its row and its name.
    let file = crate::support::example_file(&dir, "csv.samenspel");
    let csv = dir.path("lang.csv");
    std::fs::write(
        &csv,
        format!(
            "Naam;Werkgebied\r\nStichting Lang;{}\r\n",
            "z".repeat(100_001)
        ),
    )
    .unwrap();
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
    let err = format!("{out}{err}");
    // In the alliance's language, the field as the sheet's reader knows it.
    assert!(err.contains("werkgebied"), "{err}");
    assert!(!err.contains("service_area"), "{err}");
    assert!(err.contains('2'), "the row is named: {err}");

    // An older file version is older, not damaged.
    let old = dir.path("oud.samenspel");
    samenspel::store::Store::create_at_version(&old, 6).unwrap();
    let (ok, _, err) = cli_with_input(&["check", old.to_str().unwrap()], "");
    assert!(!ok);
    assert!(!err.to_lowercase().contains("damaged"), "{err}");
    assert!(err.contains("older file version"), "{err}");
}
