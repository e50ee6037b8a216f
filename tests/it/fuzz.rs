//! A fuzz test for `import-json` (issue 14): valid exports, mutated at
//! random (values swapped for extremes, keys dropped, ids changed, records
//! doubled, bytes flipped), are parsed and, when accepted, imported. No
//! input may panic, and every accepted one must give a file that passes
//! `check` and SQLite's integrity check and exports again. CI runs it for a
//! few seconds; `SAMENSPEL_FUZZ_SECONDS=600 cargo test --release --test it
//! fuzz -- --nocapture` runs it for ten minutes.

use serde_json::{Value, json};

use samenspel::crash::Rng;
use samenspel::exchange::Exchange;

use crate::support::Dir;

fn extreme(rng: &mut Rng) -> Value {
    match rng.below(16) {
        0 => json!(null),
        1 => json!(true),
        2 => json!(-1),
        3 => json!(0),
        4 => json!(i64::MAX),
        5 => json!(u64::MAX),
        6 => json!(1e39),
        7 => json!(-1e-45),
        8 => json!(""),
        9 => json!("x".repeat(rng.below(3) * 60_000 + 1)),
        10 => json!("\u{0}\u{202e}ë\u{1F512}"),
        11 => json!([]),
        12 => json!({}),
        13 => json!([1, 2, 3]),
        14 => json!(rng.below(40)),
        _ => json!("2017-02-30"),
    }
}

/// Change one random place of the tree.
fn mutate(v: &mut Value, rng: &mut Rng, depth: usize) {
    let stop = depth > 1 && rng.below(3) == 0;
    match v {
        Value::Object(map) if !map.is_empty() && !stop => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = keys[rng.below(keys.len())].clone();
            match rng.below(10) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert(key, extreme(rng));
                }
                _ => mutate(map.get_mut(&key).unwrap(), rng, depth + 1),
            }
        }
        Value::Array(items) if !items.is_empty() && !stop => {
            let i = rng.below(items.len());
            match rng.below(8) {
                0 => {
                    let copy = items[i].clone();
                    items.push(copy);
                }
                1 => {
                    items.remove(i);
                }
                _ => mutate(&mut items[i], rng, depth + 1),
            }
        }
        _ => *v = extreme(rng),
    }
}

#[test]
fn mutated_exports_never_panic_and_what_is_accepted_passes_check() {
    let seconds: u64 = std::env::var("SAMENSPEL_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let dir = Dir::new();
    let good = serde_json::to_value(Exchange {
        format: "samenspel-alliance".into(),
        version: 1,
        alliance: samenspel::example::samen_noord(),
        history: vec![],
        lock: None,
    })
    .unwrap();
    let start = std::time::Instant::now();
    let mut rng = Rng::new(
        std::env::var("SAMENSPEL_FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(20261128),
    );
    let (mut tried, mut accepted) = (0usize, 0usize);
    while start.elapsed().as_secs() < seconds {
        tried += 1;
        let mut v = good.clone();
        for _ in 0..=rng.below(3) {
            mutate(&mut v, &mut rng, 0);
        }
        let mut text = v.to_string();
        if rng.below(5) == 0 && !text.is_empty() {
            // A flipped or cut byte.
            let mut bytes = text.into_bytes();
            let at = rng.below(bytes.len());
            if rng.below(2) == 0 {
                bytes[at] ^= 1 << rng.below(7);
            } else {
                bytes.truncate(at);
            }
            text = String::from_utf8_lossy(&bytes).to_string();
        }
        let Ok(ex) = Exchange::parse(&text) else {
            continue;
        };
        accepted += 1;
        let path = dir.path(&format!("fuzz-{tried}.samenspel"));
        let doc = samenspel::document::Document::create(&path, &ex.alliance, &ex.history)
            .unwrap_or_else(|e| {
                let start: String = text.chars().take(300).collect();
                panic!("accepted input {tried} did not import: {e}\n{start}…")
            });
        let problems = doc.alliance().problems();
        assert!(problems.is_empty(), "input {tried}: {problems:?}");
        assert!(doc.store().integrity_problems().unwrap().is_empty());
        let again = Exchange::from_store(doc.store()).unwrap();
        Exchange::parse(&again.to_json())
            .unwrap_or_else(|e| panic!("input {tried} does not export again: {e}"));
        drop(doc);
        let _ = std::fs::remove_file(&path);
    }
    println!("{tried} inputs, {accepted} accepted, in {seconds} s");
    assert!(tried > 20);
}
