//! Opening and unlocking an alliance at regional scale, and the cost of an
//! edit with and without a passphrase (issue 14). `cargo bench --bench
//! open`.
//!
//! The alliance: the regional network of the panels benchmark
//! (`example::regional(1)`): 150 parties, 1,050 people, 150 intake
//! interviews with their answers, 68 consensus rounds with 10,200 stances,
//! 100 meetings, 500 map nodes.

use std::time::Instant;

use samenspel::document::Document;
use samenspel::domain::Answer;

mod common;
use common::{median, time};

/// Edits of one answer's text, each its own undo step, committed.
fn edits(doc: &mut Document, n: usize) -> (f64, f64) {
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let a = doc.alliance();
        let answer = a.answers[i % a.answers.len()].clone();
        let e = a.update(Answer {
            text: format!("Nieuwe tekst {i}").into(),
            ..answer
        });
        doc.seal();
        let start = Instant::now();
        doc.perform(e).unwrap();
        times.push(start.elapsed());
    }
    median(times)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let a = samenspel::example::regional(1);
    println!(
        "regional alliance: {} parties, {} people, {} answers, {} rounds, {} votes",
        a.parties.len(),
        a.people.len(),
        a.answers.len(),
        a.rounds.len(),
        a.votes.len()
    );
    let plain = dir.path().join("plain.samenspel");
    let locked = dir.path().join("locked.samenspel");
    drop(Document::create(&plain, &a, &[]).unwrap());
    let mut doc = Document::create(&locked, &a, &[]).unwrap();
    let start = Instant::now();
    doc.set_passphrase("een lange wachtwoordzin").unwrap();
    println!(
        "set a passphrase (Argon2id {} MiB, {} passes; seal and rewrite the file): {:.0} ms",
        samenspel::crypt::MEMORY_KIB / 1024,
        samenspel::crypt::PASSES,
        start.elapsed().as_secs_f64() * 1e3
    );
    drop(doc);
    println!(
        "file size: {} KB plain, {} KB with a passphrase",
        std::fs::metadata(&plain).unwrap().len() / 1024,
        std::fs::metadata(&locked).unwrap().len() / 1024
    );
    let (m, p) = time(20, || {
        let c = rusqlite::Connection::open(&plain).unwrap();
        let ok: String = c.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap();
        ok
    });
    println!("SQLite quick_check alone: median {m:.1} ms, p99 {p:.1} ms");
    let (m, p) = time(20, || Document::open(&plain).unwrap());
    println!("open (vet, quick_check, load), no passphrase: median {m:.1} ms, p99 {p:.1} ms");
    let (m, p) = time(20, || Document::open(&locked).unwrap());
    println!("open with a passphrase, locked: median {m:.1} ms, p99 {p:.1} ms");
    let mut doc = Document::open(&locked).unwrap();
    let (m, p) = time(5, || {
        doc.lock();
        doc.unlock("een lange wachtwoordzin").unwrap();
    });
    println!("unlock (Argon2id and opening every text): median {m:.0} ms, p99 {p:.0} ms");
    let (m, p) = edits(&mut doc, 200);
    println!("edit commit, with a passphrase (unlocked): median {m:.2} ms, p99 {p:.2} ms");
    let mut plain_doc = Document::open(&plain).unwrap();
    let (m, p) = edits(&mut plain_doc, 200);
    println!("edit commit, no passphrase: median {m:.2} ms, p99 {p:.2} ms");
}
