//! The record of commitments at regional scale (issue 26): `verify`
//! recomputes the chain and every committed record's canonical text from
//! the rows; the target is under 50 ms. `cargo bench --bench record`.
//!
//! The alliance: `example::regional(1)` (150 parties, 68 consensus rounds
//! with 10,200 stances, 100 meetings, draws), written to a file so that it
//! gets its log, then read back as `samenspel verify` reads it.

use samenspel::document::Document;
use samenspel::domain::{Party, record};

mod common;
use common::time;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.samenspel");
    drop(Document::create(&path, &samenspel::example::regional(1), &[]).unwrap());
    let a = samenspel::store::Store::open_read_only(&path)
        .unwrap()
        .load()
        .unwrap();
    let bytes: usize = a.record.iter().map(|c| c.text.len()).sum();
    println!(
        "regional record: {} commitments, {} KB of canonical text",
        a.record.len(),
        bytes / 1024
    );
    let (m, p) = time(30, || record::verify(&a).unwrap());
    println!("verify (chain and every record), target < 50 ms: median {m:.1} ms, p99 {p:.1} ms");
    let (m, p) = time(30, || {
        let a = samenspel::store::Store::open_read_only(&path)
            .unwrap()
            .load()
            .unwrap();
        record::verify(&a).unwrap()
    });
    println!("open, load and verify, as `samenspel verify`: median {m:.1} ms, p99 {p:.1} ms");
    // A new party's id passes every id the record names.
    let (m, p) = time(200, || a.next_id::<Party>());
    println!("a new party's id (reads the record): median {m:.3} ms, p99 {p:.3} ms");
}
