//! A text only the facilitator may read: intake answers and notes, who was
//! spoken with, notes on parties, a confidential comfort need, the
//! facilitator's own relation notes. Its contents are reached only through
//! `Confidential::expose(&x)` (or `expose_mut`, `into_exposed`): one
//! explicit, greppable call that names the type. The crates allowed to make it are this one (the store
//! and the crypto write and seal it), `samenspel-projection` (which alone
//! decides what an audience sees) and the facilitator's own panels in
//! `samenspel-app`. `samenspel-output` does not depend on this crate, so no
//! document or phone page can make it (its compile-fail tests show it).

use serde::{Deserialize, Serialize};

/// A confidential value. Stored, exported and compared as the value
/// itself; printed with `{:?}` as `Confidential(…)`, so a log or a
/// debugging print never shows it.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Confidential<T>(T);

impl<T> Confidential<T> {
    pub const fn new(value: T) -> Confidential<T> {
        Confidential(value)
    }
}

/// Texts are what is confidential; one impl, so `Confidential::expose(&x)`
/// needs no type annotation and gives a `&String` that coerces to `&str`.
impl Confidential<String> {
    /// The confidential value, for the facilitator or for a projection
    /// that has decided this audience may see it. Called as
    /// `Confidential::expose(&x)`, not as a method: the call names the
    /// type, so only a crate that can name it (one that depends on this
    /// one) can make it, and `grep 'Confidential::expose'` finds them all.
    pub fn expose(this: &Self) -> &String {
        &this.0
    }

    /// The confidential value to change (the facilitator's own panels).
    pub fn expose_mut(this: &mut Self) -> &mut String {
        &mut this.0
    }

    pub fn into_exposed(this: Self) -> String {
        this.0
    }
}

impl<T> std::fmt::Debug for Confidential<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Confidential(…)")
    }
}

impl From<&str> for Confidential<String> {
    fn from(s: &str) -> Self {
        Confidential(s.to_string())
    }
}

impl From<String> for Confidential<String> {
    fn from(s: String) -> Self {
        Confidential(s)
    }
}

/// What every sealed text starts with, whichever its version.
///
/// Kept with `Confidential` so that the domain can tell a sealed text
/// without knowing the crypto (`crypt` seals and opens).
const SEALED: &str = "\u{E000}sealed";

/// Whether a text is sealed (shown as locked, never as it is).
pub fn is_sealed(text: &str) -> bool {
    text.starts_with(SEALED)
}
