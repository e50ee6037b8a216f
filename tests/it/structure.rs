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

#[test]
fn every_key_of_the_string_catalogue_is_used() {
    let mut code = String::new();
    sources(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut code,
    );
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
