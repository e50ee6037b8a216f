//! The record of commitments ("vastleggingen"): the moments the room
//! witnesses, kept in an append-only, hash-chained log so that anyone can
//! check later that none was rewritten.
//!
//! A commitment is a stance revealed, a round decided, a revealed stance
//! corrected, a dot vote revealed, a covenant version frozen, a signature
//! set or withdrawn, a draw, or a meeting's minutes approved. Each is
//! named once here ([`CommitKind`]); [`made`] finds them in an edit, and
//! undo and redo never cross one (see `Document::undo`).
//!
//! Each entry of the log is a text (see [`entry_text`]): a header with its
//! number, kind, record, dates and the previous entry's hash, then the
//! canonical text of what was committed ([`canonical`]). Its hash is the
//! SHA-256 of that text, in lowercase hex, as `sha256sum` prints it; the
//! first entry's previous hash is [`GENESIS`]. [`verify`] recomputes the
//! chain and every canonical text from the records as they are now, and
//! names the first that no longer matches.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::alliance::{Alliance, Id};
use super::consensus::{Round, RoundStatus, Vote};
use super::edit::Edit;
use super::{IdMap, PriorityMark, RuleProposal};

/// The record of commitments an alliance carries, oldest first. It is the
/// document's log, not one of the alliance's records: two alliances with
/// the same records are equal whatever their logs (the log is checked by
/// [`verify`], not by comparison).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Record(pub Vec<Commitment>);

impl PartialEq for Record {
    fn eq(&self, _other: &Record) -> bool {
        true
    }
}

impl std::ops::Deref for Record {
    type Target = Vec<Commitment>;
    fn deref(&self) -> &Vec<Commitment> {
        &self.0
    }
}

impl std::ops::DerefMut for Record {
    fn deref_mut(&mut self) -> &mut Vec<Commitment> {
        &mut self.0
    }
}

/// The "previous hash" of the first entry: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The first line of every entry's text; it names the format.
pub const FORMAT: &str = "samenspel vastlegging 1";

/// Every kind of commitment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitKind {
    /// A consensus round's stances shown to the room ("getoond").
    Reveal,
    /// A consensus round decided: adopted, amended, parked or withdrawn.
    Decision,
    /// A revealed stance corrected, with its reason.
    Correction,
    /// A dot vote or scoring round revealed.
    DotReveal,
    /// A covenant version frozen by the round that adopted it.
    Freeze,
    /// A party's signature under a frozen version.
    Signature,
    /// A signature withdrawn, with its reason.
    Withdrawal,
    /// A table's seats drawn from the room's dice.
    Draw,
    /// A meeting's minutes approved ("notulen vastgesteld").
    Minutes,
    /// The processing of a comment round published ("verwerking
    /// gepubliceerd").
    Comments,
    /// A check-in from the phones shown to the room.
    CheckinShown,
}

impl CommitKind {
    pub const ALL: [CommitKind; 11] = [
        CommitKind::Reveal,
        CommitKind::Decision,
        CommitKind::Correction,
        CommitKind::DotReveal,
        CommitKind::Freeze,
        CommitKind::Signature,
        CommitKind::Withdrawal,
        CommitKind::Draw,
        CommitKind::Minutes,
        CommitKind::Comments,
        CommitKind::CheckinShown,
    ];

    /// The name written in the log and the canonical text.
    pub fn key(self) -> &'static str {
        match self {
            CommitKind::Reveal => "reveal",
            CommitKind::Decision => "decision",
            CommitKind::Correction => "correction",
            CommitKind::DotReveal => "dot_reveal",
            CommitKind::Freeze => "freeze",
            CommitKind::Signature => "signature",
            CommitKind::Withdrawal => "withdrawal",
            CommitKind::Draw => "draw",
            CommitKind::Minutes => "minutes",
            CommitKind::Comments => "comments",
            CommitKind::CheckinShown => "checkin_shown",
        }
    }

    pub fn from_key(key: &str) -> Option<CommitKind> {
        CommitKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// What a commitment is about: its kind, its record, and for a correction
/// which of the stance's corrections (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Committed {
    pub kind: CommitKind,
    pub record: Id,
    pub nth: u32,
}

/// One entry of the log.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commitment {
    /// 1, 2, 3, … in the order they were made.
    pub seq: u64,
    pub kind: Option<CommitKind>,
    pub record: Id,
    pub nth: u32,
    /// The day it counts from: the meeting it happened at.
    pub counts_from: Option<NaiveDate>,
    /// When it was entered (RFC 3339, UTC).
    pub entered_at: String,
    /// The canonical text of what was committed.
    pub text: String,
    /// The previous entry's hash ([`GENESIS`] for the first).
    pub prev: String,
    /// SHA-256 of [`entry_text`], lowercase hex.
    pub hash: String,
}

impl Commitment {
    pub fn committed(&self) -> Option<Committed> {
        Some(Committed {
            kind: self.kind?,
            record: self.record,
            nth: self.nth,
        })
    }

    /// "37 · a3f2…9c": the position as documents print it.
    pub fn position(&self) -> String {
        format!("{} · {}", self.seq, short_hash(&self.hash))
    }
}

/// A hash shortened for print: its first four and last two characters.
pub fn short_hash(hash: &str) -> String {
    if hash.len() < 8 || !hash.is_ascii() {
        return hash.to_string();
    }
    format!("{}…{}", &hash[..4], &hash[hash.len() - 2..])
}

/// The text an entry's hash is taken over: its header, then the canonical
/// text of what was committed (which ends with a newline).
pub fn entry_text(c: &Commitment) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{FORMAT}");
    let _ = writeln!(out, "seq: {}", c.seq);
    let _ = writeln!(out, "kind: {}", c.kind.map_or("?", CommitKind::key));
    let _ = writeln!(out, "record: {}", c.record);
    let _ = writeln!(out, "nth: {}", c.nth);
    let _ = writeln!(out, "counts from: {}", date(c.counts_from));
    let _ = writeln!(out, "entered: {}", esc(&c.entered_at));
    let _ = writeln!(out, "previous: {}", c.prev);
    out.push_str(&c.text);
    out
}

/// SHA-256 of `text`, lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The newest entry, if any: the head of the chain.
pub fn head(a: &Alliance) -> Option<&Commitment> {
    a.record.last()
}

/// The commitments `edit` makes, in the order it makes them. Found from
/// the edit alone (each change carries its record before and after), so
/// the same answer holds for a step in the undo history.
pub fn made(edit: &Edit) -> Vec<Committed> {
    let mut out = Vec::new();
    collect(edit, &mut out);
    out
}

/// The record after a change, when `state` holds of it and did not before
/// (a round revealed, a version frozen, …).
fn became<T>(c: &super::Change<T>, state: impl Fn(&T) -> bool) -> Option<&T> {
    c.after
        .as_ref()
        .filter(|n| state(n) && !c.before.as_ref().is_some_and(&state))
}

fn collect(edit: &Edit, out: &mut Vec<Committed>) {
    let mut one = |kind, record| {
        out.push(Committed {
            kind,
            record,
            nth: 0,
        })
    };
    match edit {
        Edit::Batch(edits) => edits.iter().for_each(|e| collect(e, out)),
        Edit::Round(c) => {
            if let Some(n) = became(c, |r| r.revealed) {
                one(CommitKind::Reveal, n.id);
            }
            if let Some(n) = became(c, |r| r.status.is_closed()) {
                one(CommitKind::Decision, n.id);
            }
        }
        Edit::Vote(c) => {
            if let Some(n) = &c.after {
                let had = c.before.as_ref().map_or(0, |b| b.corrections.len());
                for (i, x) in n.corrections.iter().enumerate().skip(had) {
                    if x.shown {
                        out.push(Committed {
                            kind: CommitKind::Correction,
                            record: n.id,
                            nth: i as u32,
                        });
                    }
                }
            }
        }
        Edit::PriorityRound(c) => {
            if let Some(n) = became(c, |p| p.revealed) {
                one(CommitKind::DotReveal, n.id);
            }
        }
        Edit::CovenantVersion(c) => {
            if let Some(n) = became(c, super::CovenantVersion::is_frozen) {
                one(CommitKind::Freeze, n.id);
            }
        }
        Edit::Signature(c) => {
            if let Some(n) = became(c, |s| s.signed) {
                one(CommitKind::Signature, n.id);
            }
            if let Some(n) = became(c, |s| s.withdrawn.is_some()) {
                one(CommitKind::Withdrawal, n.id);
            }
        }
        Edit::SeatDraw(c) => {
            if let Some(n) = became(c, super::SeatDraw::is_drawn) {
                one(CommitKind::Draw, n.id);
            }
        }
        Edit::Meeting(c) => {
            if let Some(n) = became(c, |m| m.minutes_approved.is_some()) {
                one(CommitKind::Minutes, n.id);
            }
        }
        Edit::CommentRound(c) => {
            if let Some(n) = became(c, |r| r.published.is_some()) {
                one(CommitKind::Comments, n.id);
            }
        }
        Edit::CheckinRound(c) => {
            if let Some(n) = became(c, |r| r.shown) {
                one(CommitKind::CheckinShown, n.id);
            }
        }
        _ => {}
    }
}

/// Whether `edit` makes a commitment (undo and redo stop at such a step):
/// the last it makes (adopting a covenant's round freezes the version).
pub fn commits(edit: &Edit) -> Option<CommitKind> {
    made(edit).last().map(|c| c.kind)
}

/// Every commitment the records hold now, in the order they happened (by
/// the day they count from, then kind and record): the log an existing
/// file gets at migration.
pub fn present(a: &Alliance) -> Vec<Committed> {
    let mut out: Vec<Committed> = Vec::new();
    let mut one = |kind, record| {
        out.push(Committed {
            kind,
            record,
            nth: 0,
        })
    };
    for r in &a.rounds {
        if r.revealed {
            one(CommitKind::Reveal, r.id);
        }
        if r.status.is_closed() {
            one(CommitKind::Decision, r.id);
        }
    }
    for p in a.priority_rounds.iter().filter(|p| p.revealed) {
        one(CommitKind::DotReveal, p.id);
    }
    for v in a.covenant_versions.iter().filter(|v| v.is_frozen()) {
        one(CommitKind::Freeze, v.id);
    }
    for s in &a.signatures {
        if s.signed {
            one(CommitKind::Signature, s.id);
        }
        if s.withdrawn.is_some() {
            one(CommitKind::Withdrawal, s.id);
        }
    }
    for d in a.seat_draws.iter().filter(|d| d.is_drawn()) {
        one(CommitKind::Draw, d.id);
    }
    for m in a.meetings.iter().filter(|m| m.minutes_approved.is_some()) {
        one(CommitKind::Minutes, m.id);
    }
    for r in a.comment_rounds.iter().filter(|r| r.published.is_some()) {
        one(CommitKind::Comments, r.id);
    }
    for r in a.checkin_rounds.iter().filter(|r| r.shown) {
        one(CommitKind::CheckinShown, r.id);
    }
    for v in &a.votes {
        for (i, x) in v.corrections.iter().enumerate() {
            if x.shown {
                out.push(Committed {
                    kind: CommitKind::Correction,
                    record: v.id,
                    nth: i as u32,
                });
            }
        }
    }
    out.sort_by_cached_key(|c| (counts_from(a, *c), *c));
    out
}

/// The day a commitment counts from: the day it happened at its meeting.
pub fn counts_from(a: &Alliance, c: Committed) -> Option<NaiveDate> {
    match c.kind {
        CommitKind::Reveal => a.round(c.record).and_then(|r| r.opened),
        CommitKind::Decision => a.round(c.record).and_then(|r| r.decided),
        CommitKind::Correction => a
            .votes
            .iter()
            .find(|v| v.id == c.record)
            .and_then(|v| v.corrections.get(c.nth as usize))
            .and_then(|x| x.on.or_else(|| x.at.get(..10).and_then(|d| d.parse().ok()))),
        CommitKind::DotReveal => None,
        CommitKind::Freeze => a
            .covenant_versions
            .iter()
            .find(|v| v.id == c.record)
            .and_then(|v| v.frozen_on),
        CommitKind::Signature => a
            .signatures
            .iter()
            .find(|s| s.id == c.record)
            .and_then(|s| s.date),
        CommitKind::Withdrawal => a
            .signatures
            .iter()
            .find(|s| s.id == c.record)
            .and_then(|s| s.withdrawn),
        CommitKind::Draw => a.seat_draw(c.record).and_then(|d| d.date),
        CommitKind::Minutes => a.meeting(c.record).and_then(|m| m.minutes_approved),
        CommitKind::Comments => a.comment_round(c.record).and_then(|r| r.published),
        // (The meeting's date can still be moved: the scores carry the
        // day they were given.)
        CommitKind::CheckinShown => None,
    }
}

/// Append the commitments `made` to `record`, chained: their canonical
/// texts taken from `a` (the alliance after the edit).
pub fn append(
    a: &Alliance,
    record: &[Commitment],
    made: &[Committed],
    entered_at: &str,
) -> Vec<Commitment> {
    let index = Index::of(a);
    let mut prev = record
        .last()
        .map_or(GENESIS.to_string(), |c| c.hash.clone());
    let mut out = Vec::with_capacity(made.len());
    for (seq, m) in (record.last().map_or(0, |c| c.seq) + 1..).zip(made.iter()) {
        let mut c = Commitment {
            seq,
            kind: Some(m.kind),
            record: m.record,
            nth: m.nth,
            counts_from: counts_from(a, *m),
            entered_at: entered_at.to_string(),
            text: canonical_in(a, &index, *m).unwrap_or_default(),
            prev: prev.clone(),
            hash: String::new(),
        };
        c.hash = sha256_hex(&entry_text(&c));
        prev = c.hash.clone();
        out.push(c);
    }
    out
}

/// The whole log of an alliance that has none yet (a file made before the
/// log, or a new file from records): what its records hold now.
pub fn rebuild(a: &Alliance, entered_at: &str) -> Vec<Commitment> {
    append(a, &[], &present(a), entered_at)
}

/// What a broken record is: the entry and what no longer matches.
#[derive(Clone, Debug, PartialEq)]
pub struct Broken {
    /// The entry's number.
    pub seq: u64,
    pub what: Breach,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Breach {
    /// The entries are not numbered 1, 2, 3, … (one was removed).
    Gap,
    /// The entry's own text no longer gives its hash, or it does not carry
    /// the previous entry's hash: the log itself was changed.
    Chain,
    /// The record it committed is gone.
    Gone(Committed),
    /// The record changed since: the first line that differs, as its key
    /// ("proposal", "stance", …).
    Changed(Committed, String),
    /// The records hold a commitment the log does not (made outside
    /// Samenspel, or the log was emptied).
    Unrecorded(Committed),
}

/// The head of a verified record: its last entry's number and hash.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    pub seq: u64,
    pub hash: String,
}

/// Recompute the chain of `a.record` and every committed record's
/// canonical text from the records as they are now. `Ok(None)` for an
/// empty record.
pub fn verify(a: &Alliance) -> Result<Option<Head>, Broken> {
    verify_upto(a, None)
}

/// [`verify`] up to entry `upto` (a document printed at that position):
/// the entries up to it, chained and matching the records; what was
/// committed after it is not asked.
pub fn verify_upto(a: &Alliance, upto: Option<u64>) -> Result<Option<Head>, Broken> {
    let entries = match upto {
        Some(n) => &a.record[..a.record.len().min(n as usize)],
        None => &a.record[..],
    };
    if let Some(n) = upto
        && (entries.len() as u64) < n
    {
        return Err(Broken {
            seq: entries.len() as u64 + 1,
            what: Breach::Gap,
        });
    }
    let index = Index::of(a);
    let mut prev = GENESIS;
    for (i, c) in entries.iter().enumerate() {
        let broken = |what| Broken { seq: c.seq, what };
        if c.seq != i as u64 + 1 {
            return Err(broken(Breach::Gap));
        }
        if c.prev != prev || sha256_hex(&entry_text(c)) != c.hash {
            return Err(broken(Breach::Chain));
        }
        let Some(what) = c.committed() else {
            return Err(broken(Breach::Chain));
        };
        match canonical_in(a, &index, what) {
            // Gone with its party (removing a party is a step of its own).
            None if party_removed(a, &c.text) => {}
            None => return Err(broken(Breach::Gone(what))),
            Some(now)
                if now != c.text
                    && without_removed_parties(a, &now) != without_removed_parties(a, &c.text) =>
            {
                return Err(broken(Breach::Changed(
                    what,
                    first_difference(&c.text, &now),
                )));
            }
            // The day it counts from (a correction's meeting) is in the
            // entry's header, which the hash covers.
            Some(_) if counts_from(a, what) != c.counts_from => {
                return Err(broken(Breach::Changed(what, "counts from".into())));
            }
            Some(_) => {}
        }
        prev = &c.hash;
    }
    let logged: super::FastSet<Committed> =
        entries.iter().filter_map(Commitment::committed).collect();
    if upto.is_none()
        && let Some(missing) = present(a).into_iter().find(|c| !logged.contains(c))
    {
        return Err(Broken {
            seq: a.record.len() as u64 + 1,
            what: Breach::Unrecorded(missing),
        });
    }
    Ok(entries.last().map(|c| Head {
        seq: c.seq,
        hash: c.hash.clone(),
    }))
}

/// A logged text less the stances and objections of parties removed from
/// the register since (removing a party is a step of its own, in the
/// history, and takes its stances along).
fn without_removed_parties(a: &Alliance, text: &str) -> String {
    let gone = |line: &str| {
        ["stance: ", "objection: ", "mark: ", "score: "]
            .iter()
            .any(|p| removed_party(a, line, p))
    };
    let mut out = String::with_capacity(text.len());
    for line in text.lines().filter(|l| !gone(l)) {
        match ["voters: ", "absent: "]
            .iter()
            .find(|p| line.starts_with(**p))
        {
            Some(p) => {
                let kept: Vec<&str> = line[p.len()..]
                    .split(' ')
                    .filter(|id| id.parse::<Id>().is_ok_and(|id| a.party(id).is_some()))
                    .collect();
                out.push_str(p);
                out.push_str(&kept.join(" "));
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// The highest party id the record names (a stance, mark, objection,
/// voter or signature): a new party never takes the id of one removed
/// after the room saw it, or its old stances would read as the new
/// party's.
pub fn highest_party(a: &Alliance) -> Id {
    let mut high = 0;
    for c in a.record.iter() {
        for line in c.text.lines() {
            for p in ["party: ", "stance: ", "objection: ", "mark: ", "score: "] {
                if let Some(id) = line
                    .strip_prefix(p)
                    .and_then(|rest| rest.split(' ').next())
                    .and_then(|id| id.parse::<Id>().ok())
                {
                    high = high.max(id);
                }
            }
            for p in ["voters: ", "absent: "] {
                if let Some(rest) = line.strip_prefix(p) {
                    high = rest
                        .split(' ')
                        .filter_map(|id| id.parse::<Id>().ok())
                        .fold(high, Id::max);
                }
            }
        }
    }
    high
}

/// Whether `line` is "`prefix`N …" for a party N no longer in the
/// register.
fn removed_party(a: &Alliance, line: &str, prefix: &str) -> bool {
    line.strip_prefix(prefix)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|id| id.parse::<Id>().ok())
        .is_some_and(|id| a.party(id).is_none())
}

/// Whether a logged text names a party ("party: N …") that is no longer
/// in the register.
fn party_removed(a: &Alliance, text: &str) -> bool {
    text.lines().any(|l| removed_party(a, l, "party: "))
}

/// The key of the first line that differs between two canonical texts.
fn first_difference(was: &str, now: &str) -> String {
    let mut a = was.lines();
    let mut b = now.lines();
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (Some(x), _) => return key_of(x),
            (None, Some(y)) => return key_of(y),
            (None, None) => return String::new(),
        }
    }
}

fn key_of(line: &str) -> String {
    line.split_once(':')
        .map_or(line, |(k, _)| k)
        .trim()
        .to_string()
}

/// The canonical text of a committed record as the records hold it now;
/// `None` when the record is gone. Defined in the README ("The record of
/// commitments").
pub fn canonical(a: &Alliance, c: Committed) -> Option<String> {
    canonical_in(a, &Index::of(a), c)
}

/// The records grouped once, for a whole log.
struct Index<'a> {
    votes: IdMap<Vec<&'a Vote>>,
    proposals: IdMap<Vec<&'a RuleProposal>>,
    objections: IdMap<Vec<&'a super::rules::Objection>>,
    marks: IdMap<Vec<&'a PriorityMark>>,
}

impl<'a> Index<'a> {
    fn of(a: &'a Alliance) -> Index<'a> {
        let mut votes: IdMap<Vec<&Vote>> = IdMap::default();
        for v in &a.votes {
            votes.entry(v.round).or_default().push(v);
        }
        let mut proposals: IdMap<Vec<&RuleProposal>> = IdMap::default();
        for p in &a.rule_proposals {
            proposals.entry(p.round).or_default().push(p);
        }
        let mut objections: IdMap<Vec<&super::rules::Objection>> = IdMap::default();
        for o in &a.objections {
            objections.entry(o.round).or_default().push(o);
        }
        let mut marks: IdMap<Vec<&PriorityMark>> = IdMap::default();
        for m in &a.priority_marks {
            marks.entry(m.round).or_default().push(m);
        }
        for list in votes.values_mut() {
            list.sort_by_key(|v| (v.party, v.id));
        }
        for list in proposals.values_mut() {
            list.sort_by_key(|p| (p.rule, p.id));
        }
        for list in objections.values_mut() {
            list.sort_by_key(|o| (o.party, o.rule, o.id));
        }
        for list in marks.values_mut() {
            list.sort_by_key(|m| (m.party, m.focal_point, m.id));
        }
        Index {
            votes,
            proposals,
            objections,
            marks,
        }
    }
}

/// A value on one line: backslash, newline and carriage return escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

fn ids(list: &[Id]) -> String {
    list.iter().map(Id::to_string).collect::<Vec<_>>().join(" ")
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The text of one commitment as the record hashes it. Long for a
/// reason: one arm per kind of commitment, so that the record's format is
/// in one place, where a verifier reads it.
fn canonical_in(a: &Alliance, ix: &Index, c: Committed) -> Option<String> {
    let mut out = String::new();
    let _ = writeln!(out, "commitment: {}", c.kind.key());
    match c.kind {
        CommitKind::Reveal | CommitKind::Decision => {
            let r = a.round(c.record)?;
            round_head(&mut out, r);
            for p in ix.proposals.get(&r.id).into_iter().flatten() {
                let _ = writeln!(out, "rule: {} {}", p.rule, esc(&p.text));
            }
            let votes = ix.votes.get(&r.id).map_or(&[][..], Vec::as_slice);
            if c.kind == CommitKind::Reveal {
                for v in votes {
                    let (value, reason) = as_shown(v);
                    let _ = writeln!(out, "stance: {} {} {}", v.party, value, esc(&reason));
                }
            } else {
                let _ = writeln!(out, "status: {}", json(&r.status));
                let _ = writeln!(out, "decided: {}", date(r.decided));
                let _ = writeln!(out, "note: {}", esc(&r.note));
                for v in votes {
                    let _ = writeln!(out, "stance: {} {} {}", v.party, v.value, esc(&v.reason));
                }
                for o in ix.objections.get(&r.id).into_iter().flatten() {
                    let _ = writeln!(out, "objection: {} {} {}", o.party, o.rule, esc(&o.reason));
                }
            }
        }
        CommitKind::Correction => {
            let v = a.votes.iter().find(|v| v.id == c.record)?;
            let x = v.corrections.get(c.nth as usize)?;
            let _ = writeln!(out, "round: {}", v.round);
            let _ = writeln!(out, "party: {}", v.party);
            let _ = writeln!(out, "from: {}", x.from);
            let _ = writeln!(out, "to: {}", x.to);
            let _ = writeln!(out, "reason: {}", esc(&x.reason));
            let _ = writeln!(out, "by: {}", esc(&x.by));
            let _ = writeln!(out, "at: {}", esc(&x.at));
        }
        CommitKind::DotReveal => {
            let p = a.priority_round(c.record)?;
            let _ = writeln!(out, "round: {}", p.id);
            let _ = writeln!(out, "title: {}", esc(&p.title));
            let _ = writeln!(out, "method: {}", json(&p.method));
            let _ = writeln!(out, "dots: {}", p.dots_per_party);
            let _ = writeln!(out, "absent: {}", ids(&p.absent));
            for m in ix.marks.get(&p.id).into_iter().flatten() {
                let _ = writeln!(out, "mark: {} {} {}", m.party, m.focal_point, m.value);
            }
        }
        CommitKind::Freeze => {
            let v = a.covenant_versions.iter().find(|v| v.id == c.record)?;
            let _ = writeln!(out, "version: {}", v.id);
            let _ = writeln!(out, "frozen: {}", date(v.frozen_on));
            let _ = writeln!(out, "round: {}", v.round.map_or(0, |r| r));
            let _ = writeln!(out, "fingerprint: {}", v.fingerprint);
            // Only when asked for, so versions frozen before it could be
            // keep the text they were recorded with.
            if v.acknowledgement {
                let _ = writeln!(out, "acknowledgement: commissioner");
            }
            for line in super::covenant::canonical_text(a, v.id).lines() {
                let _ = writeln!(out, "text: {}", esc(line));
            }
        }
        CommitKind::Signature => {
            let s = a.signatures.iter().find(|s| s.id == c.record)?;
            signature_lines(&mut out, a, s);
        }
        CommitKind::Withdrawal => {
            let s = a.signatures.iter().find(|s| s.id == c.record)?;
            let _ = writeln!(out, "signature: {}", s.id);
            let _ = writeln!(out, "withdrawn: {}", date(s.withdrawn));
            let _ = writeln!(out, "reason: {}", esc(&s.withdrawal_reason));
        }
        CommitKind::Draw => {
            let d = a.seat_draw(c.record)?;
            let _ = writeln!(out, "draw: {}", d.id);
            let _ = writeln!(out, "body: {}", d.body);
            let _ = writeln!(out, "date: {}", date(d.date));
            let _ = writeln!(out, "term years: {}", d.term_years);
            let _ = writeln!(out, "staggered: {}", d.staggered);
            for line in d.canonical_text().lines() {
                let _ = writeln!(out, "input: {}", esc(line));
            }
            let _ = writeln!(out, "seed: {}", d.seed);
            let _ = writeln!(out, "chosen: {}", ids(&d.chosen));
        }
        CommitKind::CheckinShown => {
            // The scores as the room saw them, per party, without the
            // phones' keys: who gave what is not on the record either.
            let r = a.checkin_round(c.record)?;
            let _ = writeln!(out, "round: {}", r.id);
            let _ = writeln!(out, "meeting: {}", r.meeting);
            let _ = writeln!(out, "rules: {}", ids(&r.rules));
            let mut scores: Vec<(Id, Id, u8)> = a
                .checkins
                .iter()
                .filter(|x| x.round == Some(r.id))
                .map(|x| (x.party, x.rule, x.score))
                .collect();
            scores.sort();
            for (party, rule, score) in scores {
                let _ = writeln!(out, "score: {party} {rule} {score}");
            }
        }
        CommitKind::Comments => {
            let r = a.comment_round(c.record)?;
            let _ = writeln!(out, "round: {}", r.id);
            let _ = writeln!(out, "title: {}", esc(&r.title));
            let _ = writeln!(out, "draft: {}", json(&r.draft));
            let _ = writeln!(out, "published: {}", date(r.published));
            let mut comments: Vec<&super::Comment> =
                a.comments.iter().filter(|x| x.round == r.id).collect();
            comments.sort_by_key(|x| x.id);
            for x in comments {
                // A comment for the facilitator alone is on the record by
                // its answer only: its text never leaves the sealed field.
                let text = if x.facilitator_only {
                    "-".to_string()
                } else {
                    esc(super::Confidential::expose(&x.text))
                };
                let _ = writeln!(
                    out,
                    "comment: {} {} {} {}",
                    x.id,
                    x.party,
                    json(&x.response),
                    if x.facilitator_only {
                        "private"
                    } else {
                        "shared"
                    }
                );
                let _ = writeln!(out, "part: {}", esc(&x.part));
                let _ = writeln!(out, "text: {text}");
                let _ = writeln!(out, "why: {}", esc(&x.why));
                let _ = writeln!(out, "before: {}", esc(&x.before));
                let _ = writeln!(out, "after: {}", esc(&x.after));
            }
        }
        CommitKind::Minutes => {
            let m = a.meeting(c.record)?;
            let _ = writeln!(out, "meeting: {}", m.id);
            let _ = writeln!(out, "title: {}", esc(&m.title));
            let _ = writeln!(out, "date: {}", date(m.date));
            let _ = writeln!(out, "approved: {}", date(m.minutes_approved));
            let _ = writeln!(out, "approved at: {}", m.approved_at.map_or(0, |id| id));
            for s in a.slots_of(m.id) {
                let _ = writeln!(out, "item: {}", esc(&s.title));
                let _ = writeln!(out, "minutes: {}", esc(&s.minutes));
                let _ = writeln!(out, "next step: {}", esc(&s.next_step));
            }
            let mut actions: Vec<&super::Action> =
                a.actions.iter().filter(|x| x.meeting == m.id).collect();
            actions.sort_by_key(|x| x.id);
            for x in actions {
                let _ = writeln!(
                    out,
                    "action: {} {} {}",
                    x.who.map_or(0, |w| w),
                    date(x.due),
                    esc(&x.what)
                );
            }
        }
    }
    Some(out)
}

fn round_head(out: &mut String, r: &Round) {
    let _ = writeln!(out, "round: {}", r.id);
    let _ = writeln!(out, "proposal: {}", esc(&r.proposal));
    let _ = writeln!(out, "subject: {}", json(&r.subject));
    let _ = writeln!(out, "scale: {}", json(&r.scale));
    let _ = writeln!(out, "held: {}", date(r.opened));
    let _ = writeln!(out, "previous: {}", r.previous.map_or(0, |p| p));
    let _ = writeln!(out, "voters: {}", ids(&r.voters));
    let _ = writeln!(out, "absent: {}", ids(&r.absent));
}

/// A stance as the room saw it at the reveal: the corrections made since
/// taken back (each records the value and reason before it).
fn as_shown(v: &Vote) -> (u8, String) {
    let mut value = v.value;
    let mut reason = v.reason.clone();
    for x in v.corrections.iter().rev().filter(|x| x.shown) {
        value = x.from;
        if let Some(before) = &x.reason_before {
            reason = before.clone();
        }
    }
    (value, reason)
}

fn signature_lines(out: &mut String, a: &Alliance, s: &super::Signature) {
    let number = a
        .covenant_versions
        .iter()
        .find(|v| v.id == s.version)
        .map_or(0, |v| v.number);
    let _ = writeln!(out, "signature: {}", s.id);
    let _ = writeln!(out, "version: {} (number {number})", s.version);
    let _ = writeln!(out, "party: {} {}", s.party, esc(&s.party_name));
    let _ = writeln!(out, "signatory: {}", esc(&s.signatory));
    let _ = writeln!(out, "function: {}", esc(&s.function));
    let _ = writeln!(out, "place: {}", esc(&s.place));
    let _ = writeln!(out, "date: {}", date(s.date));
}

/// The canonical text of a version with its signatures, as its second
/// fingerprint covers it: the version's canonical text, then one line per
/// signature set and not withdrawn, by party name.
pub fn signed_text(a: &Alliance, version: Id) -> String {
    let mut out = super::covenant::canonical_text(a, version);
    let mut sigs: Vec<&super::Signature> = a
        .signatures
        .iter()
        .filter(|s| s.version == version && s.signed && s.withdrawn.is_none())
        .collect();
    sigs.sort_by(|x, y| x.party_name.cmp(&y.party_name).then(x.id.cmp(&y.id)));
    let norm = super::covenant::norm;
    for s in sigs {
        let _ = writeln!(
            out,
            "signed: {}; {}; {}; {}; {}",
            norm(&s.party_name),
            norm(&s.signatory),
            norm(&s.function),
            norm(&s.place),
            date(s.date)
        );
    }
    out
}

/// SHA-256 of [`signed_text`].
pub fn signed_fingerprint(a: &Alliance, version: Id) -> String {
    sha256_hex(&signed_text(a, version))
}

/// Whether a round's stances are committed: shown to the room, or the
/// round decided.
pub fn round_committed(r: &Round) -> bool {
    r.revealed || r.status != RoundStatus::Open
}
