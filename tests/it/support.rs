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
