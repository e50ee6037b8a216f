//! The JSON exchange format: the whole alliance and its undo history, as
//! written by `samenspel export-json` and read by `samenspel import-json`.
//!
//! ```json
//! { "format": "samenspel-alliance", "version": 1,
//!   "alliance": { "info": {...}, "parties": [...], "people": [...],
//!                 "bodies": [...], "memberships": [...] },
//!   "history": [ { "seq": 1, "at": "...", "undone": false, "edit": {...} } ] }
//! ```
//! Version 1 holds every field the store holds. The export is the
//! facilitator's backup: it carries everything, confidential content too.
//! From a file with a passphrase the confidential texts are exported sealed,
//! with the file's `"lock"` (salt, Argon2 parameters, check value), unless
//! the passphrase is given to export them in the clear.

use serde::{Deserialize, Serialize};

use crate::domain::Alliance;
use crate::store::{HistoryEntry, Store, StoreError};

pub const FORMAT: &str = "samenspel-alliance";
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exchange {
    pub format: String,
    pub version: u32,
    pub alliance: Alliance,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// The passphrase lock of a file that has one, when its confidential
    /// texts are exported sealed: the backup is as safe as the file, and
    /// importing it gives a file that opens with the same passphrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock: Option<crate::crypt::Lock>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("The JSON is not readable: {0}.")]
    Syntax(String),
    #[error("The JSON is not a Samenspel alliance export (its format is \"{0}\").")]
    WrongFormat(String),
    #[error(
        "The JSON was written by a newer Samenspel (format version {0}); install the newer Samenspel to import it."
    )]
    TooNew(u32),
    #[error("The alliance in the JSON is inconsistent: {0}.")]
    Inconsistent(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Exchange {
    pub fn from_store(store: &Store) -> Result<Exchange, StoreError> {
        Ok(Exchange {
            format: FORMAT.into(),
            version: VERSION,
            alliance: store.load()?,
            history: store.history()?,
            // Sealed texts go with their lock; opened ones need none.
            lock: store.lock_record().filter(|_| store.is_locked()).cloned(),
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Parse and validate an export.
    pub fn parse(text: &str) -> Result<Exchange, ExchangeError> {
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<u32>,
        }
        let head: Head = serde_json::from_str(text).map_err(unreadable)?;
        let format = head.format.unwrap_or_default();
        if format != FORMAT {
            return Err(ExchangeError::WrongFormat(crate::csvimport::show(&format)));
        }
        let version = head.version.unwrap_or(0);
        if version > VERSION {
            return Err(ExchangeError::TooNew(version));
        }
        // Read with the path to what does not fit, to name its record and
        // field (`serde_path_to_error`).
        let exchange: Exchange =
            serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text))
                .map_err(|e| {
                    let place = place_of(e.path());
                    let inner = e.into_inner();
                    match (inner.classify(), place) {
                        (serde_json::error::Category::Data, Some(place)) => {
                            ExchangeError::Syntax(format!(
                                "{place} is missing or of the wrong kind (near line {})",
                                inner.line()
                            ))
                        }
                        _ => unreadable(inner),
                    }
                })?;
        // Everything `check` calls a problem is refused before anything
        // is written; notes (an interview not yet held) are not problems.
        let problems = exchange.alliance.problems();
        if let Some(first) = problems.first() {
            let more = match problems.len() - 1 {
                0 => String::new(),
                1 => " (and 1 more problem)".into(),
                n => format!(" (and {n} more problems)"),
            };
            return Err(ExchangeError::Inconsistent(tame(&format!("{first}{more}"))));
        }
        // Sealed texts only where a confidential text may be, and only
        // with the lock that opens them; with a lock, no text in the clear.
        if let Some(problem) = sealing_problem(&exchange.alliance, exchange.lock.is_some()) {
            return Err(ExchangeError::Inconsistent(tame(&problem)));
        }
        for h in &exchange.history {
            if chrono::DateTime::parse_from_rfc3339(&h.at).is_err() {
                return Err(ExchangeError::Inconsistent(format!(
                    "undo step {} has no valid time (\"{}\")",
                    h.seq,
                    crate::csvimport::show(&h.at)
                )));
            }
        }
        let mut seqs: Vec<i64> = exchange.history.iter().map(|h| h.seq).collect();
        seqs.sort_unstable();
        if let Some(w) = seqs.windows(2).find(|w| w[0] == w[1]) {
            return Err(ExchangeError::Inconsistent(format!(
                "two undo steps have the number {}",
                w[0]
            )));
        }
        // The history must also be of this alliance: each entry a valid
        // edit is all that can be asked without replaying it.
        for h in &exchange.history {
            if let Some((field, limit)) = h.edit.first_too_long() {
                return Err(ExchangeError::Inconsistent(format!(
                    "undo step {} has a {field} longer than {limit} characters",
                    h.seq
                )));
            }
        }
        // With a lock, the history holds no confidential text in the
        // clear either: neither what a step wrote nor what it replaced.
        if exchange.lock.is_some()
            && let Some(h) = exchange.history.iter().find(|h| {
                crate::crypt::plain_secret(&h.edit).is_some()
                    || crate::crypt::plain_secret(&h.edit.inverse()).is_some()
            })
        {
            return Err(ExchangeError::Inconsistent(format!(
                "undo step {} holds a confidential text in the clear, though the export is locked",
                h.seq
            )));
        }
        // No control characters where a person's text goes (a terminal
        // escape in a party's name would reach every list and `serve`).
        if let Some(problem) = serde_json::to_value(&exchange.alliance)
            .ok()
            .and_then(|v| control_problem(&v, None, None))
            .or_else(|| {
                exchange.history.iter().find_map(|h| {
                    let v = serde_json::to_value(&h.edit).ok()?;
                    control_problem(&v, None, None).map(|p| format!("undo step {}: {p}", h.seq))
                })
            })
        {
            return Err(ExchangeError::Inconsistent(tame(&problem)));
        }
        if let Some(problem) = replay_problem(&exchange.alliance, &exchange.history) {
            return Err(ExchangeError::Inconsistent(tame(&problem)));
        }
        Ok(exchange)
    }
}

/// Why a text is not an export, in words (never the parser's own: its
/// "expected i64 at line 1 column 26299" says nothing to a facilitator).
fn unreadable(e: serde_json::Error) -> ExchangeError {
    use serde_json::error::Category;
    let line = e.line();
    ExchangeError::Syntax(match e.classify() {
        Category::Eof => "it ends before the export is complete".into(),
        Category::Syntax | Category::Io => format!("it is not valid JSON (near line {line})"),
        Category::Data => format!(
            "a value near line {line} is missing or of the wrong kind for a Samenspel export"
        ),
    })
}

/// The first text holding a control character: none at all in a name,
/// title or heading; elsewhere only line breaks and tabs. `list` and `n`:
/// the list and record (1-based) the walk is in.
fn control_problem(v: &serde_json::Value, list: Option<&str>, n: Option<usize>) -> Option<String> {
    use serde_json::Value;
    let bad = |key: &str, text: &str| {
        let one_line = matches!(key, "name" | "title" | "heading");
        text.chars()
            .any(|c| c.is_control() && (one_line || !matches!(c, '\n' | '\r' | '\t')))
    };
    let place = |key: &str| match (list, n) {
        (Some(list), Some(n)) => format!(
            "in record {n} of {list}, the field \"{}\" holds a control character",
            crate::csvimport::show(key)
        ),
        _ => format!(
            "the field \"{}\" holds a control character",
            crate::csvimport::show(key)
        ),
    };
    match v {
        Value::Object(fields) => fields.iter().find_map(|(key, value)| match value {
            Value::String(text) if bad(key, text) => Some(place(key)),
            Value::Array(items) if items.iter().any(|i| !i.is_string()) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| control_problem(item, Some(key), Some(i + 1))),
            Value::Array(items) => items
                .iter()
                .any(|i| i.as_str().is_some_and(|t| bad(key, t)))
                .then(|| place(key)),
            Value::Object(_) => control_problem(value, list, n),
            _ => None,
        }),
        _ => None,
    }
}

/// Where in an export a value sits, in words: "record 3 of parties, its
/// field \"staff\"". `None` at the top.
fn place_of(path: &serde_path_to_error::Path) -> Option<String> {
    use serde_path_to_error::Segment;
    let mut list: Option<String> = None;
    let mut record: Option<usize> = None;
    let mut field: Option<String> = None;
    for segment in path.iter() {
        match segment {
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if record.is_some() {
                    field = Some(crate::csvimport::show(key));
                } else {
                    list = Some(crate::csvimport::show(key));
                    field = None;
                }
            }
            Segment::Seq { index } => {
                record = Some(index + 1);
                field = None;
            }
            Segment::Unknown => {}
        }
    }
    match (list, record, field) {
        (Some(list), Some(n), Some(field)) => {
            Some(format!("in record {n} of {list}, the field \"{field}\""))
        }
        (Some(list), Some(n), None) => Some(format!("record {n} of {list}")),
        (Some(field), None, _) => Some(format!("the field \"{field}\"")),
        _ => None,
    }
}

/// A refusal fit to print: one line, control characters escaped, and no
/// longer than a few hundred characters whatever the file held.
fn tame(text: &str) -> String {
    crate::csvimport::show_at_most(text, 300)
}

/// Whether the history is this alliance's: on a scratch copy, every undone
/// step is redone and undone again, and every step is undone back to the
/// newest commitment (where undo stops, see `Document::undo`) and redone,
/// each cleanly, ending where it began. The first step that does not fit,
/// in one phrase.
fn replay_problem(a: &Alliance, history: &[HistoryEntry]) -> Option<String> {
    let mut steps: Vec<&HistoryEntry> = history.iter().collect();
    steps.sort_by_key(|h| h.seq);
    let (undone, done): (Vec<&HistoryEntry>, Vec<&HistoryEntry>) =
        steps.into_iter().partition(|h| h.undone);
    if let (Some(first_undone), Some(last_done)) = (undone.first(), done.last())
        && first_undone.seq < last_done.seq
    {
        return Some(format!(
            "undo step {} is marked undone before step {}, which is not",
            first_undone.seq, last_done.seq
        ));
    }
    let misfit = |h: &HistoryEntry, e: crate::domain::EditError| {
        format!("undo step {} does not fit this alliance ({e})", h.seq)
    };
    let mut scratch = a.clone();
    for h in &undone {
        if let Err(e) = scratch.apply(&h.edit) {
            return Some(misfit(h, e));
        }
    }
    for h in undone.iter().rev() {
        if let Err(e) = scratch.apply(&h.edit.inverse()) {
            return Some(misfit(h, e));
        }
    }
    let mut back = Vec::new();
    for h in done.iter().rev() {
        if crate::domain::record::commits(&h.edit).is_some()
            || crate::domain::consensus::overrides_ballot_stance(&h.edit.inverse())
        {
            break;
        }
        if let Err(e) = scratch.apply(&h.edit.inverse()) {
            return Some(misfit(h, e));
        }
        back.push(*h);
    }
    for h in back.iter().rev() {
        if let Err(e) = scratch.apply(&h.edit) {
            return Some(misfit(h, e));
        }
    }
    (scratch != *a).then(|| "the undo history does not lead to this alliance".to_string())
}

/// Where an export's sealed texts break the rules, in one phrase naming
/// the record: a sealed text outside a confidential field, a sealed text
/// without the lock, or (with a lock) a confidential text in the clear.
fn sealing_problem(a: &Alliance, locked: bool) -> Option<String> {
    use crate::domain::edit::{Entity, KindVisitor, for_each_kind};
    struct Walk<'a>(bool, Option<String>, &'a Alliance);
    impl KindVisitor for Walk<'_> {
        type Error = std::convert::Infallible;
        fn kind<T: Entity>(&mut self) -> Result<(), Self::Error> {
            if self.1.is_some() {
                return Ok(());
            }
            for r in T::all(self.2) {
                let mut copy = r.clone();
                let secret: Vec<&'static str> =
                    copy.secrets(true).into_iter().map(|(f, _)| f).collect();
                let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(r) else {
                    continue;
                };
                for (field, value) in &fields {
                    let sealed = value.as_str().is_some_and(crate::crypt::is_sealed);
                    let place = format!("the {field} of {} {}", T::KIND, r.id());
                    if sealed && !secret.contains(&field.as_str()) {
                        self.1 = Some(format!(
                            "{place} holds a sealed text, but it is never sealed"
                        ));
                    } else if sealed && !self.0 {
                        self.1 = Some(format!(
                            "{place} is sealed, but the export has no lock to open it"
                        ));
                    }
                    if self.1.is_some() {
                        return Ok(());
                    }
                }
                if self.0
                    && let Some((field, _)) = copy
                        .secrets(false)
                        .into_iter()
                        .find(|(_, t)| !t.is_empty() && !crate::crypt::is_sealed(t))
                {
                    self.1 = Some(format!(
                        "the export has a lock, but the {field} of {} {} is not sealed",
                        T::KIND,
                        r.id()
                    ));
                    return Ok(());
                }
            }
            Ok(())
        }
    }
    let mut walk = Walk(locked, None, a);
    let _ = for_each_kind(&mut walk);
    walk.1
}
