//! Confidential text locked at rest. An alliance can be given a passphrase;
//! then every confidential text (see [`crate::domain::edit::Refs::secrets`])
//! is stored sealed: encrypted with XChaCha20-Poly1305 under a key derived
//! from the passphrase with Argon2id. The file keeps the Argon2 parameters,
//! the salt and a check value (as KeePass's KDBX 4 does), never the key.
//!
//! Sealing is deterministic (a synthetic nonce: an HMAC of the text and its
//! place), so the same text in the same place always seals to the same
//! bytes. That is what lets the file, its undo history and the in-memory
//! alliance agree while the intakes are locked: an edit made while locked
//! carries the sealed texts unchanged, and undo compares them as they are.
//! What it gives away: whether a confidential text in one place changed
//! between two steps of the history. The place (kind, record, field) is
//! bound to the text as associated data, so a sealed text cannot be moved
//! to another record.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload, rand_core::RngCore};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroize;

/// How a sealed text begins: a character nobody types (Unicode's private
/// use area) and the format's version.
const PREFIX: &str = "\u{E000}sealed1:";

/// Sealed texts since padding: the text, a 0x80 byte and zeros up to a
/// multiple of [`PAD`] bytes, so that its length says only roughly how
/// long it is ("ja" and "nee" seal to the same length).
const PREFIX_PADDED: &str = "\u{E000}sealed2:";

/// What sealed texts are padded to a multiple of.
pub const PAD: usize = 32;

/// Argon2id's cost: 64 MiB of memory, 3 passes, one lane (OWASP's first
/// recommendation). About 0.3 s on a laptop; see `benches/open.rs`.
pub const MEMORY_KIB: u32 = 64 * 1024;
pub const PASSES: u32 = 3;
pub const LANES: u32 = 1;

/// What the file keeps to check a passphrase and derive its key.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Lock {
    pub salt: Vec<u8>,
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
    /// An HMAC under the derived key of a fixed text: equal only for the
    /// right passphrase.
    pub check: Vec<u8>,
}

/// The key to an alliance's confidential texts, while it is unlocked.
/// Wiped from memory when dropped.
#[derive(Clone)]
pub struct Key {
    cipher: [u8; 32],
    nonce: [u8; 32],
    check: [u8; 32],
}

impl Drop for Key {
    fn drop(&mut self) {
        self.cipher.zeroize();
        self.nonce.zeroize();
        self.check.zeroize();
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

/// Why a passphrase was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptError {
    #[error("That passphrase is not right for this alliance.")]
    WrongPassphrase,
    #[error("A passphrase needs at least 8 characters.")]
    TooShort,
    #[error("The two passphrases are not the same.")]
    Mismatch,
    #[error("The lock of this file is damaged: its parameters cannot be used.")]
    BadParameters,
}

/// The shortest passphrase accepted.
pub const MIN_LENGTH: usize = 8;

impl Lock {
    /// A new lock for `passphrase` (a fresh salt), with its key.
    pub fn new(passphrase: &str) -> Result<(Lock, Key), CryptError> {
        Lock::with_cost(passphrase, MEMORY_KIB, PASSES)
    }

    /// A new lock at a given Argon2 cost (tests and benchmarks use a low
    /// one).
    pub fn with_cost(
        passphrase: &str,
        memory_kib: u32,
        passes: u32,
    ) -> Result<(Lock, Key), CryptError> {
        if passphrase.chars().count() < MIN_LENGTH {
            return Err(CryptError::TooShort);
        }
        let mut salt = vec![0u8; 16];
        OsRng.fill_bytes(&mut salt);
        let mut lock = Lock {
            salt,
            memory_kib,
            passes,
            lanes: LANES,
            check: Vec::new(),
        };
        let key = lock.derive(passphrase)?;
        lock.check = key.check_value();
        Ok((lock, key))
    }

    /// The key, when `passphrase` is the right one.
    pub fn unlock(&self, passphrase: &str) -> Result<Key, CryptError> {
        let key = self.derive(passphrase)?;
        // Compared in constant time by the HMAC itself.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.check).expect("any key length");
        mac.update(b"samenspel check");
        mac.verify_slice(&self.check)
            .map_err(|_| CryptError::WrongPassphrase)?;
        Ok(key)
    }

    fn derive(&self, passphrase: &str) -> Result<Key, CryptError> {
        let params = Params::new(self.memory_kib, self.passes, self.lanes, Some(96))
            .map_err(|_| CryptError::BadParameters)?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let mut out = [0u8; 96];
        argon
            .hash_password_into(passphrase.as_bytes(), &self.salt, &mut out)
            .map_err(|_| CryptError::BadParameters)?;
        let mut key = Key {
            cipher: [0; 32],
            nonce: [0; 32],
            check: [0; 32],
        };
        key.cipher.copy_from_slice(&out[..32]);
        key.nonce.copy_from_slice(&out[32..64]);
        key.check.copy_from_slice(&out[64..]);
        out.zeroize();
        Ok(key)
    }
}

impl Key {
    fn check_value(&self) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.check).expect("any key length");
        mac.update(b"samenspel check");
        mac.finalize().into_bytes().to_vec()
    }

    /// `text` sealed for its `place` (kind, record id and field). An empty
    /// text stays empty, and a sealed one stays as it is.
    pub fn seal(&self, place: &str, text: &str) -> String {
        if text.is_empty() || is_sealed(text) {
            return text.to_string();
        }
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.nonce).expect("any key length");
        mac.update(place.as_bytes());
        mac.update(&[0]);
        mac.update(text.as_bytes());
        let tag = mac.finalize().into_bytes();
        let nonce = XNonce::from_slice(&tag[..24]);
        let cipher = XChaCha20Poly1305::new((&self.cipher).into());
        let mut padded = text.as_bytes().to_vec();
        padded.push(0x80);
        padded.resize(padded.len().div_ceil(PAD) * PAD, 0);
        let sealed = cipher
            .encrypt(
                nonce,
                Payload {
                    msg: &padded,
                    aad: place.as_bytes(),
                },
            )
            .expect("encryption of a text in memory does not fail");
        padded.zeroize();
        let mut bytes = tag[..24].to_vec();
        bytes.extend(sealed);
        format!(
            "{PREFIX_PADDED}{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes)
        )
    }

    /// The text a sealed one holds; `None` when it was not sealed by this
    /// key for this place (or was tampered with). A text that is not
    /// sealed is given back as it is.
    pub fn open(&self, place: &str, text: &str) -> Option<String> {
        let (body, padded) = match (text.strip_prefix(PREFIX_PADDED), text.strip_prefix(PREFIX)) {
            (Some(body), _) => (body, true),
            (None, Some(body)) => (body, false),
            (None, None) => return Some(text.to_string()),
        };
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(body)
            .ok()?;
        if bytes.len() < 24 {
            return None;
        }
        let (nonce, sealed) = bytes.split_at(24);
        let cipher = XChaCha20Poly1305::new((&self.cipher).into());
        let plain = cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: place.as_bytes(),
                },
            )
            .ok()?;
        let mut plain = plain;
        if padded {
            // The text ends at the last 0x80 before the zeros.
            let end = plain.iter().rposition(|b| *b != 0)?;
            if plain[end] != 0x80 {
                return None;
            }
            plain.truncate(end);
        }
        String::from_utf8(plain).ok()
    }
}

pub use crate::domain::confidential::is_sealed;

/// Check a new passphrase typed twice: one sentence when it will not do.
pub fn check_new(passphrase: &str, repeated: &str) -> Result<(), CryptError> {
    if passphrase.chars().count() < MIN_LENGTH {
        Err(CryptError::TooShort)
    } else if passphrase != repeated {
        Err(CryptError::Mismatch)
    } else {
        Ok(())
    }
}

use crate::domain::edit::{Entity, KindVisitor, Visitor, for_each_kind};
use crate::domain::{Alliance, Change, Edit};

/// Seal (`Some(key)`) or open every confidential text of one record. Opening
/// a text sealed by another key, or tampered with, leaves it sealed.
fn record<T: Entity>(r: &mut T, key: &Key, seal: bool) {
    let id = r.id();
    for (field, text) in r.secrets(!seal) {
        let place = format!("{}/{id}/{field}", T::KIND);
        if seal {
            *text = key.seal(&place, text);
        } else if let Some(open) = key.open(&place, text) {
            *text = open;
        }
    }
}

/// Every confidential text of the alliance sealed (`seal`) or opened.
pub fn alliance(a: &mut Alliance, key: &Key, seal: bool) {
    struct Walk<'a>(&'a mut Alliance, &'a Key, bool);
    impl KindVisitor for Walk<'_> {
        type Error = std::convert::Infallible;
        fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
            for r in T::all_mut(self.0) {
                record(r, self.1, self.2);
            }
            Ok(())
        }
    }
    let _ = for_each_kind(&mut Walk(a, key, seal));
}

/// The edit with every confidential text in it sealed or opened.
pub fn edit(e: &Edit, key: &Key, seal: bool) -> Edit {
    struct Map<'a>(&'a Key, bool);
    impl Visitor for Map<'_> {
        type Out = Edit;
        fn change<T: Entity>(&mut self, c: &Change<T>) -> Edit {
            let mut c = c.clone();
            for r in [&mut c.before, &mut c.after].into_iter().flatten() {
                record(r, self.0, self.1);
            }
            T::wrap(c)
        }
    }
    match e {
        Edit::Batch(edits) => Edit::Batch(edits.iter().map(|x| edit(x, key, seal)).collect()),
        _ => e.visit(&mut Map(key, seal)).unwrap_or_else(|| e.clone()),
    }
}

/// A confidential text written in the clear (not empty, not sealed).
fn is_plain(text: &str) -> bool {
    !text.is_empty() && !is_sealed(text)
}

/// The first of a record's confidential texts that `matches`, by field
/// name. With `all`, also texts confidential only in some states.
fn field_where<T: Entity>(
    record: &T,
    all: bool,
    matches: fn(&str) -> bool,
) -> Option<&'static str> {
    let mut record = record.clone();
    record
        .secrets(all)
        .into_iter()
        .find(|(_, t)| matches(t))
        .map(|(field, _)| field)
}

/// The first record of the alliance with a confidential text that
/// `matches`: (kind, id, field).
fn first_where(
    a: &Alliance,
    all: bool,
    matches: fn(&str) -> bool,
) -> Option<(&'static str, i64, &'static str)> {
    struct Find<'a>(
        &'a Alliance,
        bool,
        fn(&str) -> bool,
        Option<(&'static str, i64, &'static str)>,
    );
    impl KindVisitor for Find<'_> {
        type Error = std::convert::Infallible;
        fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
            if self.3.is_none() {
                self.3 = T::all(self.0).iter().find_map(|r| {
                    field_where(r, self.1, self.2).map(|field| (T::KIND, r.id(), field))
                });
            }
            Ok(())
        }
    }
    let mut find = Find(a, all, matches, None);
    let _ = for_each_kind(&mut find);
    find.3
}

/// The first confidential text of an edit written in the clear: (kind,
/// field). A locked file refuses such an edit, so that no confidential
/// text is ever written in the clear.
pub fn plain_secret(e: &Edit) -> Option<(&'static str, &'static str)> {
    struct Find;
    impl Visitor for Find {
        type Out = Option<(&'static str, &'static str)>;
        fn change<T: Entity>(&mut self, c: &Change<T>) -> Self::Out {
            field_where(c.after.as_ref()?, false, is_plain).map(|field| (T::KIND, field))
        }
    }
    match e {
        Edit::Batch(edits) => edits.iter().find_map(plain_secret),
        _ => e.visit(&mut Find).flatten(),
    }
}

/// The first confidential text of the alliance written in the clear:
/// (kind, id, field).
pub fn plain_secret_in(a: &Alliance) -> Option<(&'static str, i64, &'static str)> {
    first_where(a, false, is_plain)
}

/// Whether any confidential text of the alliance is sealed (it is locked).
pub fn any_sealed(a: &Alliance) -> bool {
    first_sealed(a).is_some()
}

/// The first confidential text of the alliance still sealed after opening:
/// (kind, id, field). With the right key that means the text was changed or
/// moved outside Samenspel.
pub fn first_sealed(a: &Alliance) -> Option<(&'static str, i64, &'static str)> {
    first_where(a, true, is_sealed)
}

/// One sentence for a text that does not open with the right passphrase.
pub fn unopened(kind: &str, id: i64, field: &str) -> String {
    format!(
        "The {field} of {kind} {id} does not open with this passphrase: it was changed outside Samenspel."
    )
}

/// Whether an edit still holds a sealed confidential text (see
/// [`first_sealed`]).
pub fn edit_has_sealed(e: &Edit) -> bool {
    struct Find;
    impl Visitor for Find {
        type Out = bool;
        fn change<T: Entity>(&mut self, c: &Change<T>) -> bool {
            [&c.before, &c.after]
                .into_iter()
                .flatten()
                .any(|r| field_where(r, true, is_sealed).is_some())
        }
    }
    match e {
        Edit::Batch(edits) => edits.iter().any(edit_has_sealed),
        _ => e.visit(&mut Find).unwrap_or(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sealed text says only roughly how long it is: "ja" and "nee", or
    /// any two texts under 32 bytes, seal to the same length; each opens
    /// to itself, and only for its own place.
    #[test]
    fn sealed_texts_are_padded_to_32_bytes_and_open_to_themselves() {
        let (_, key) = Lock::with_cost("een lange zin", 64, 1).unwrap();
        let ja = key.seal("answer:1:text", "ja");
        let nee = key.seal("answer:1:text", "nee");
        assert_eq!(ja.len(), nee.len());
        assert!(is_sealed(&ja) && ja.starts_with(PREFIX_PADDED));
        assert_eq!(key.open("answer:1:text", &ja).as_deref(), Some("ja"));
        assert_eq!(key.open("answer:1:text", &nee).as_deref(), Some("nee"));
        assert_eq!(key.open("answer:2:text", &ja), None, "another place");
        // 31 bytes and the 0x80 fill one block; 32 bytes take two.
        let one = key.seal("p", &"x".repeat(31));
        let two = key.seal("p", &"x".repeat(32));
        assert_eq!(key.seal("p", "x").len(), one.len());
        assert!(two.len() > one.len());
        for text in [
            "",
            "é",
            "a\u{0}b",
            "tekst die eindigt op een nul\u{0}",
            &"€".repeat(40),
        ] {
            assert_eq!(key.open("p", &key.seal("p", text)).as_deref(), Some(text));
        }
        // A text sealed before padding (version 1) still opens.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.nonce).unwrap();
        mac.update(b"p\0oud");
        let tag = mac.finalize().into_bytes();
        let cipher = XChaCha20Poly1305::new((&key.cipher).into());
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&tag[..24]),
                Payload {
                    msg: b"oud",
                    aad: b"p",
                },
            )
            .unwrap();
        let mut bytes = tag[..24].to_vec();
        bytes.extend(sealed);
        let old = format!(
            "{PREFIX}{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes)
        );
        assert!(is_sealed(&old));
        assert_eq!(key.open("p", &old).as_deref(), Some("oud"));
    }
}
