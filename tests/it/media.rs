//! Read-only media (issue 27): an alliance on a read-only mount (a backup
//! stick) opens read-only in the window and in every command, and nothing
//! says "Database error". The mount is a small tmpfs this test makes and
//! remounts read-only; that needs root, which the CI machine has.

use egui_kittest::kittest::Queryable;

use crate::support::{Dir, cli_with_input, example_file};
use crate::ui::{FakeDialogs, app, harness};

/// A tmpfs mounted on a folder, unmounted when dropped.
struct Mount(std::path::PathBuf);

impl Mount {
    fn tmpfs(at: &std::path::Path, size: &str) -> Mount {
        std::fs::create_dir_all(at).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "mounting a tmpfs needs root (the CI machine runs as root)"
        );
        Mount(at.to_path_buf())
    }

    fn read_only(&self) {
        let ok = std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount read-only");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

#[test]
fn an_alliance_on_a_read_only_stick_opens_read_only_in_the_window_and_every_command() {
    let dir = Dir::new();
    let source = example_file(&dir, "bron.samenspel");
    let stick = Mount::tmpfs(&dir.path("stick"), "8m");
    let path = stick.0.join("Samen Noord.samenspel");
    std::fs::copy(&source, &path).unwrap();
    stick.read_only();
    let before = std::fs::read(&path).unwrap();

    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    h.run();
    assert!(h.state().error().is_none(), "{:?}", h.state().error());
    assert_eq!(
        h.state().alliance().unwrap().info.name,
        samenspel::example::samen_noord().info.name
    );
    h.get_by_label_contains("Dit bestand staat op een plek waar Samenspel niet kan schrijven");
    drop(h);

    let file = path.to_str().unwrap();
    for args in [
        vec!["check", file],
        vec!["verify", file],
        vec!["export-json", file],
    ] {
        let (ok, out, err) = cli_with_input(&args, "");
        assert!(ok, "{args:?}: {err}");
        assert!(
            !format!("{out}{err}").contains("Database error"),
            "{args:?}"
        );
    }
    for args in [
        vec!["passphrase", file, "--stdin"],
        vec!["prune-history", file, "--months", "1"],
    ] {
        let (ok, out, err) = cli_with_input(&args, "een lange zin\neen lange zin\n");
        assert!(!ok, "{args:?} succeeded on a read-only stick: {out}");
        assert!(!err.contains("Database error"), "{args:?}: {err}");
        assert!(err.contains("read-only"), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "a byte changed");
}

/// Words a facilitator must never read: the database's own.
const RAW: [&str; 5] = [
    "Database error",
    "SQLite",
    "serde",
    "column",
    "disk I/O error",
];

/// Fill `mount` until `free` bytes are left.
fn fill_leaving(mount: &std::path::Path, free: u64) {
    let filler = mount.join("vulling");
    let _ = std::fs::remove_file(&filler);
    let total = {
        let out = std::process::Command::new("df")
            .args(["-B1", "--output=avail"])
            .arg(mount)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .nth(1)
            .and_then(|l| l.trim().parse::<u64>().ok())
            .unwrap()
    };
    let size = total.saturating_sub(free);
    let f = std::fs::File::create(&filler).unwrap();
    // (Written, not sparse: tmpfs counts what is written.)
    let chunk = vec![0u8; 64 * 1024];
    let mut left = size;
    use std::io::Write;
    let mut w = std::io::BufWriter::new(f);
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        if w.write_all(&chunk[..n]).is_err() {
            break;
        }
        left -= n as u64;
    }
    let _ = w.flush();
}

/// A full disk (a small tmpfs) at several amounts of room left: setting a
/// passphrase and forgetting history say exactly what was done, the file
/// then is what they said, `check` never calls it damaged, and nothing
/// speaks the database's words.
#[test]
fn on_a_full_disk_every_command_says_what_was_done_and_the_file_agrees() {
    let dir = Dir::new();
    let source = example_file(&dir, "vol.samenspel");
    for free in [0u64, 64 * 1024, 300 * 1024, 450 * 1024, 2 * 1024 * 1024] {
        let disk = Mount::tmpfs(&dir.path(&format!("vol-{free}")), "6m");
        let path = disk.0.join("alliantie.samenspel");
        std::fs::copy(&source, &path).unwrap();
        fill_leaving(&disk.0, free);
        let file = path.to_str().unwrap();

        let (ok, out, err) = cli_with_input(
            &["passphrase", file, "--stdin"],
            "een lange zin\neen lange zin\n",
        );
        let said = format!("{out}{err}");
        for w in RAW {
            assert!(!said.contains(w), "{free} B free, passphrase: {said}");
        }
        let encrypted = samenspel::store::Store::open_read_only(&path)
            .map(|s| s.is_encrypted())
            .unwrap_or_else(|e| panic!("{free} B free: {e}"));
        let claims_set = ok || said.contains("passphrase is set");
        assert_eq!(
            claims_set, encrypted,
            "{free} B free: said {said:?}, the file is encrypted: {encrypted}"
        );

        let (ok, out, err) = cli_with_input(&["check", file], "");
        let said = format!("{out}{err}");
        assert!(ok, "{free} B free, check: {said}");
        assert!(
            !said.to_lowercase().contains("damaged"),
            "{free} B free: {said}"
        );
        // (Its report names SQLite's integrity check, by name.)
        for w in RAW.iter().filter(|w| **w != "SQLite") {
            assert!(!said.contains(w), "{free} B free, check: {said}");
        }

        let (_, out, err) =
            cli_with_input(&["prune-history", file, "--months", "0"], "een lange zin\n");
        let said = format!("{out}{err}");
        for w in RAW {
            assert!(!said.contains(w), "{free} B free, prune-history: {said}");
        }

        // An import into the full disk: made whole, or not at all and said
        // so without "earlier changes", and nothing left behind.
        let json = dir.path(&format!("export-{free}.json"));
        let (ok, _, err) = cli_with_input(
            &[
                "export-json",
                source.to_str().unwrap(),
                "-o",
                json.to_str().unwrap(),
            ],
            "",
        );
        assert!(ok, "{err}");
        let target = disk.0.join("nieuw.samenspel");
        let (ok, out, err) = cli_with_input(
            &[
                "import-json",
                json.to_str().unwrap(),
                target.to_str().unwrap(),
            ],
            "",
        );
        let said = format!("{out}{err}");
        for w in RAW {
            assert!(!said.contains(w), "{free} B free, import-json: {said}");
        }
        assert!(
            !said.contains("earlier"),
            "{free} B free, import-json: {said}"
        );
        assert_eq!(ok, target.exists(), "{free} B free: {said}");
        let left: Vec<_> = std::fs::read_dir(&disk.0)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.contains("partial"))
            .collect();
        assert!(left.is_empty(), "{free} B free: {left:?}");
    }
}

/// The window on a full disk: what is typed waits, the status bar says
/// so and never "saved", and once there is room again it is written.
#[test]
fn typed_on_a_full_disk_waits_and_is_written_when_there_is_room() {
    use crate::typing::type_into;
    let dir = Dir::new();
    let source = example_file(&dir, "bron.samenspel");
    let disk = Mount::tmpfs(&dir.path("vol"), "6m");
    let path = disk.0.join("alliantie.samenspel");
    std::fs::copy(&source, &path).unwrap();
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    h.run();
    fill_leaving(&disk.0, 0);
    // Enough text that the file must grow.
    let typed = "Gemeente Vol ".repeat(20);
    type_into(&mut h, "Opdrachtgever", &typed);
    assert!(
        h.query_by_label_contains("Alle wijzigingen zijn bewaard")
            .is_none()
    );
    h.get_by_label_contains("Nog niet bewaard");
    assert!(h.state().error().is_none(), "{:?}", h.state().error());
    // Room again: written within a second or so.
    std::fs::remove_file(disk.0.join("vulling")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run();
    h.get_by_label_contains("Alle wijzigingen zijn bewaard");
    drop(h);
    let a = samenspel::store::Store::open_read_only(&path)
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(a.info.commissioner.name, typed);
}

/// A file on a disk with no room left opens in the window, read-only with
/// the banner, rather than not at all.
#[test]
fn a_file_on_a_full_disk_opens_read_only_in_the_window() {
    let dir = Dir::new();
    let source = example_file(&dir, "bron.samenspel");
    let disk = Mount::tmpfs(&dir.path("vol"), "6m");
    let path = disk.0.join("alliantie.samenspel");
    std::fs::copy(&source, &path).unwrap();
    fill_leaving(&disk.0, 0);
    let mut h = harness(app(&dir, Some(&path), FakeDialogs::default()));
    h.run();
    assert!(h.state().error().is_none(), "{:?}", h.state().error());
    assert!(h.state().alliance().is_some(), "it did not open");
    h.get_by_label_contains("Dit bestand staat op een plek waar Samenspel niet kan schrijven");
}
