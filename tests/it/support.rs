use std::path::PathBuf;

use samenspel::document::Document;
use samenspel::domain::Alliance;

pub struct Dir(pub tempfile::TempDir);

impl Dir {
    pub fn new() -> Dir {
        Dir(tempfile::tempdir().expect("temp dir"))
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
}

/// A new alliance file holding the Samen Noord example.
pub fn example_file(dir: &Dir, name: &str) -> PathBuf {
    let path = dir.path(name);
    Document::create(&path, &samenspel::example::samen_noord(), &[]).expect("create example");
    path
}

pub fn load(path: &std::path::Path) -> Alliance {
    samenspel::store::Store::open_read_only(path)
        .expect("open")
        .load()
        .expect("load")
}

/// Run the program with these arguments and `input` on its standard input:
/// whether it succeeded, what it printed, and what it said on stderr.
pub fn cli_with_input(args: &[&str], input: &str) -> (bool, String, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}
