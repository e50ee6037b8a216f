//! The crash-test driver (`samenspel crash-driver`, hidden from the help):
//! random edits of every kind, undo and redo through [`Document`], each
//! reported on standard output as it is tried and once it is committed, so
//! that a test can kill the process at any moment and check that the file
//! holds every edit reported committed (see `tests/it/crash.rs`).
//!
//! Lines: `try HASH` before a step, `ok HASH` once it is committed, where
//! HASH is the SHA-256 of the alliance's JSON after the step. After a kill
//! the file must hold the state of the last `ok`, or of the `try` after it.

use std::io::Write;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::document::Document;
use crate::domain::edit::{Entity, KindVisitor, for_each_kind};
use crate::domain::{Alliance, Edit};

/// The fingerprint the driver and the test compare: every record, but not
/// the log of commitments, whose entries carry the moment they were
/// written (the driver cannot know it before the edit is made); the test
/// checks the log against the records with `record::verify` instead.
pub fn fingerprint(a: &Alliance) -> String {
    let mut a = a.clone();
    a.record = Default::default();
    let json = serde_json::to_vec(&a).unwrap_or_default();
    hex::encode(Sha256::digest(&json))
}

/// A small, seeded random source (xorshift64*): the same seed, the same
/// edits.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// A random edit of a random kind: a copy of a record under a new id, a
/// changed text, or a removal with what refers to it. It may break a rule
/// of the kind; the document then refuses it and nothing is reported.
pub fn random_edit(a: &Alliance, rng: &mut Rng) -> Option<Edit> {
    struct Pick<'a> {
        a: &'a Alliance,
        target: usize,
        at: usize,
        roll: u64,
        pick: u64,
        out: Option<Edit>,
    }
    impl KindVisitor for Pick<'_> {
        type Error = std::convert::Infallible;
        fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
            let here = self.at == self.target;
            self.at += 1;
            let all = T::all(self.a);
            if !here || all.is_empty() {
                return Ok(());
            }
            let record = &all[(self.pick % all.len() as u64) as usize];
            self.out = match self.roll % 3 {
                0 => {
                    let mut copy = record.clone();
                    copy.set_id(self.a.next_id::<T>());
                    Some(self.a.insert(retext(&copy, self.pick)))
                }
                1 => Some(self.a.update(retext(record, self.pick))),
                _ => self.a.remove::<T>(record.id()),
            };
            Ok(())
        }
    }
    let mut pick = Pick {
        a,
        target: rng.below(29),
        at: 0,
        roll: rng.next_u64(),
        pick: rng.next_u64(),
        out: None,
    };
    let _ = for_each_kind(&mut pick);
    pick.out
}

/// The record with its first text field changed (or as it is, if it has
/// none).
fn retext<T: Entity>(record: &T, n: u64) -> T {
    let Ok(mut value) = serde_json::to_value(record) else {
        return record.clone();
    };
    if let Some(fields) = value.as_object_mut()
        && let Some((_, v)) = fields
            .iter_mut()
            .find(|(k, v)| v.is_string() && k.as_str() != "kind")
    {
        *v = serde_json::Value::String(format!("tekst {n}"));
    }
    serde_json::from_value(value).unwrap_or_else(|_| record.clone())
}

/// Run `steps` random steps on the alliance FILE, reporting each, with
/// `clock` as "today" (the command line's).
pub fn drive(
    file: &Path,
    clock: crate::domain::clock::Clock,
    seed: u64,
    steps: usize,
    passphrase: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), crate::store::StoreError> {
    let mut doc = Document::open_at(file, clock)?;
    if let Some(p) = passphrase {
        doc.unlock(p)?;
    }
    let mut rng = Rng::new(seed);
    for _ in 0..steps {
        let roll = rng.below(10);
        // Mostly edits; now and then an undo or a redo.
        let (edit, undo) = match roll {
            0 if doc.can_undo() => (doc.next_step(true).map(|e| e.inverse()), Some(true)),
            1 if doc.can_redo() => (doc.next_step(false), Some(false)),
            _ => (random_edit(doc.alliance(), &mut rng), None),
        };
        let Some(edit) = edit else { continue };
        let Ok(next) = doc.alliance().applied(&edit) else {
            continue;
        };
        let _ = writeln!(out, "try {}", fingerprint(&next));
        let _ = out.flush();
        let done = match undo {
            Some(true) => doc.undo().map(|_| ()),
            Some(false) => doc.redo().map(|_| ()),
            None => {
                doc.seal();
                doc.perform(edit)
            }
        };
        if done.is_ok() {
            let _ = writeln!(out, "ok {}", fingerprint(doc.alliance()));
            let _ = out.flush();
        }
    }
    Ok(())
}
