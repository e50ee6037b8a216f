//! Files the program writes: private to their owner, and never half
//! written (issue 14, first steps).

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use samenspel::document::Document;

use crate::support::{Dir, load};

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_alliance_its_wal_and_its_exports_are_readable_by_the_owner_only() {
    let dir = Dir::new();
    let path = dir.path("prive.samenspel");
    let mut doc = Document::create(&path, &samenspel::example::samen_noord(), &[]).unwrap();
    let e = doc.alliance().insert(samenspel::domain::Party {
        name: "Stichting Geheim".into(),
        ..Default::default()
    });
    doc.perform(e).unwrap();
    assert_eq!(mode(&path), 0o600, "the alliance file");
    let wal = dir.path("prive.samenspel-wal");
    assert!(wal.exists());
    assert_eq!(mode(&wal), 0o600, "its write-ahead log");
    drop(doc);
    let pdf = dir.path("intake.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["pdf", "intake"])
        .arg(&path)
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&pdf), 0o600, "the confidential intake summary");
    let json = dir.path("backup.json");
    let out = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .arg("export-json")
        .arg(&path)
        .arg("-o")
        .arg(&json)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(mode(&json), 0o600, "the JSON backup");
    assert!(
        std::fs::read_to_string(&json)
            .unwrap()
            .contains("Stichting Geheim")
    );
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.0.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".partial")), "{names:?}");
}

#[test]
fn an_import_killed_at_any_moment_leaves_no_file_or_the_whole_one() {
    let dir = Dir::new();
    // A large alliance, so the import takes a while.
    let source = dir.path("groot.samenspel");
    Document::create(&source, &samenspel::example::large(150, 8), &[]).unwrap();
    let export = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .arg("export-json")
        .arg(&source)
        .output()
        .unwrap();
    assert!(export.status.success());
    let json = dir.path("groot.json");
    std::fs::write(&json, &export.stdout).unwrap();
    let whole = load(&source);
    for trial in 0..10u64 {
        let target = dir.path(&format!("kopie-{trial}.samenspel"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_samenspel"))
            .arg("import-json")
            .arg(&json)
            .arg(&target)
            .spawn()
            .unwrap();
        // Kill it somewhere between its start and its end.
        std::thread::sleep(std::time::Duration::from_millis(5 + trial * 9));
        let _ = child.kill();
        let _ = child.wait();
        if target.exists() {
            assert_eq!(
                load(&target),
                whole,
                "trial {trial}: a file, but not the whole one"
            );
        }
        // And a retry succeeds (or finds the finished file).
        if !target.exists() {
            let retry = Command::new(env!("CARGO_BIN_EXE_samenspel"))
                .arg("import-json")
                .arg(&json)
                .arg(&target)
                .output()
                .unwrap();
            assert!(
                retry.status.success(),
                "{}",
                String::from_utf8_lossy(&retry.stderr)
            );
            assert_eq!(load(&target), whole);
        }
    }
}
