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

/// Every `{placeholder}` the code fills in right after taking a string
/// from the catalogue is in that string, in both languages.
#[test]
fn placeholders_filled_in_the_code_are_in_the_catalogue() {
    let mut code = String::new();
    sources(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut code,
    );
    let keys: std::collections::HashMap<String, samenspel::i18n::T> = samenspel::i18n::T::ALL
        .iter()
        .map(|k| (format!("{k:?}"), *k))
        .collect();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (at, _) in code.match_indices("T::") {
        let name: String = code[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let Some(key) = keys.get(&name) else { continue };
        // The chain of replacements that follows the key: `.replace("{x}", …)`
        // calls, separated only by their arguments and white space.
        let rest = &code[at + 3 + name.len()..];
        let mut tail = rest.trim_start_matches(|c: char| c == ')' || c.is_whitespace());
        if let Some(after) = tail.strip_prefix(", ") {
            // `lang.count(T::Key, n)`: skip the count.
            tail = after.split_once(')').map(|(_, t)| t).unwrap_or("");
        }
        loop {
            let t = tail.trim_start();
            let Some(after) = t.strip_prefix(".replace(\"{") else {
                break;
            };
            let Some((placeholder, more)) = after.split_once("}\"") else {
                break;
            };
            checked += 1;
            let wanted = format!("{{{placeholder}}}");
            for (lang, text) in [("nl", key.nl()), ("en", key.en())] {
                if !text.contains(&wanted) {
                    wrong.push(format!("T::{name} ({lang}) has no {wanted}"));
                }
            }
            // Past this call's closing parenthesis (arguments may nest).
            let mut depth = 1;
            let mut end = more.len();
            for (i, c) in more.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            tail = &more[end..];
        }
    }
    assert!(
        checked > 60,
        "only {checked} placeholders were found to check"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
