//! An open alliance: the in-memory [`Alliance`] and its [`Store`], kept in
//! step. The UI changes the alliance only through [`Document::perform`],
//! [`Document::undo`] and [`Document::redo`].

use std::path::Path;
use std::time::{Duration, Instant};

use crate::domain::clock::Clock;
use crate::domain::{Alliance, Edit, record};
use crate::store::{Access, HistoryEntry, Store, StoreError, Waiting};

/// The file version that brought the record of commitments.
const RECORD_VERSION: u32 = 13;

/// Edits of one record closer together than this are one undo step.
pub const MERGE_WINDOW: Duration = Duration::from_millis(1500);

#[derive(Debug)]
pub struct Document {
    store: Store,
    alliance: Alliance,
    last_edit: Option<(String, Instant)>,
    revision: u64,
    last_step: Option<Edit>,
    /// Of a damaged file, the kinds of record that could not be read.
    lost: Vec<&'static str>,
    /// Where "today" and "now" come from.
    clock: Clock,
    /// Edits made in the window that the file could not take yet (another
    /// program held it, the disk was full): in memory, in order, written
    /// by [`Document::retry_saving`].
    held: Vec<Held>,
    /// Why the file did not take them, as the last attempt said.
    held_by: Option<Waiting>,
    /// When the file was opened, its record of commitments no longer
    /// matched its records (a hand edit outside Samenspel): the first
    /// commitment that changed.
    record_problem: Option<record::Broken>,
    /// Older backups the last passphrase removed.
    removed_backups: Vec<std::path::PathBuf>,
}

/// An edit checked against the alliance, ready for the file.
struct Prepared {
    next: Alliance,
    key: Option<String>,
    held: Held,
}

/// An edit made but not yet in the file, with what it puts on the record.
#[derive(Debug)]
struct Held {
    edit: Edit,
    merge: bool,
    entries: Vec<record::Commitment>,
}

impl Document {
    pub fn open(path: &Path) -> Result<Document, StoreError> {
        Document::open_at(path, Clock::System)
    }

    /// [`Document::open`] with `clock` as its "today" (the window and the
    /// command line hand in the one the environment names).
    pub fn open_at(path: &Path, clock: Clock) -> Result<Document, StoreError> {
        let mut store = Store::open(path)?;
        store.set_clock(clock);
        Document::from_store(store, clock)
    }

    /// Create a new alliance file (never overwriting one).
    pub fn create(
        path: &Path,
        alliance: &Alliance,
        history: &[HistoryEntry],
    ) -> Result<Document, StoreError> {
        Document::create_at(path, alliance, history, Clock::System)
    }

    /// [`Document::create`] with `clock` as its "today".
    pub fn create_at(
        path: &Path,
        alliance: &Alliance,
        history: &[HistoryEntry],
        clock: Clock,
    ) -> Result<Document, StoreError> {
        Document::from_store(Store::create_at(path, alliance, history, clock)?, clock)
    }

    fn from_store(mut store: Store, clock: Clock) -> Result<Document, StoreError> {
        // Of a damaged file, what can still be read.
        let (mut alliance, lost) = match store.access() {
            Access::Damaged => store.salvage(),
            _ => (store.load()?, Vec::new()),
        };
        // A file made before the record of commitments gets it once, when
        // it is migrated: what its records hold, in the order it happened.
        if store.migrated_from().is_some_and(|v| v < RECORD_VERSION)
            && alliance.record.is_empty()
            && store.access() == Access::ReadWrite
        {
            let entries = record::rebuild(&alliance, &clock.stamp());
            if !entries.is_empty() {
                store.append_record(&entries)?;
                alliance.record.0 = entries;
            }
        }
        let record_problem = if alliance.record.is_empty() {
            None
        } else {
            record::verify(&alliance).err()
        };
        Ok(Document {
            store,
            alliance,
            last_edit: None,
            revision: 0,
            last_step: None,
            lost,
            clock,
            held: Vec::new(),
            held_by: None,
            record_problem,
            removed_backups: Vec::new(),
        })
    }

    /// Where "today" comes from for this alliance.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Whether the record of commitments matched the records when the file
    /// was opened; if not, the first commitment that changed.
    pub fn record_problem(&self) -> Option<&record::Broken> {
        self.record_problem.as_ref()
    }

    /// Fix the day (tests, and documents made "as of" a date).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
        self.store.set_clock(clock);
    }

    pub fn alliance(&self) -> &Alliance {
        &self.alliance
    }

    /// A number that changes whenever the alliance does (for caches).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn is_read_only(&self) -> bool {
        self.store.access() != Access::ReadWrite
    }

    /// Of a damaged file, the kinds of record that could not be read.
    pub fn lost_kinds(&self) -> &[&'static str] {
        &self.lost
    }

    /// Why this file cannot be changed here, if it cannot: open elsewhere,
    /// on read-only media, or damaged.
    pub fn writable(&self) -> Result<(), StoreError> {
        if let Some(w) = self.store.refused() {
            return Err(StoreError::CannotWriteNow(w));
        }
        match self.store.access() {
            Access::ReadWrite => Ok(()),
            Access::ReadOnlyInUse => Err(StoreError::ReadOnlySession),
            Access::ReadOnlyMedia => Err(StoreError::ReadOnlyFile(self.path().to_path_buf())),
            Access::Damaged => Err(StoreError::Damaged(
                "it is open only to save a copy of what can be read; open it in Samenspel to do so"
                    .into(),
            )),
        }
    }

    /// How this window may use the file.
    pub fn access(&self) -> Access {
        self.store.access()
    }

    /// Save what could be read of this (damaged) alliance as a new file.
    pub fn save_copy(&self, path: &Path) -> Result<(), StoreError> {
        // The copy's record is made from what could be read.
        let mut copy = self.alliance.clone();
        copy.record.clear();
        match (self.store.lock_record(), self.store.key()) {
            (Some(lock), key) => {
                Store::create_locked(path, &copy, &[], Some(lock), key, self.clock)?;
            }
            (None, _) => {
                Store::create_at(path, &copy, &[], self.clock)?;
            }
        }
        Ok(())
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Apply `edit` to the alliance and commit it to the file. Nothing
    /// changes, in memory or on disk, when it fails.
    pub fn perform(&mut self, edit: Edit) -> Result<(), StoreError> {
        if !self.held.is_empty() {
            self.retry_saving()?;
        }
        let Some(step) = self.prepare(edit)? else {
            return Ok(());
        };
        self.store
            .apply_committing(&step.held.edit, step.held.merge, &step.held.entries)?;
        self.take(step, false);
        Ok(())
    }

    /// [`Document::perform`] for the window: when the file cannot take the
    /// edit for now (another program holds it, the disk is full, it cannot
    /// be written at the moment), the edit is kept in memory, in order with
    /// any others waiting, and written by [`Document::retry_saving`].
    /// `Ok(true)`: in the file; `Ok(false)`: waiting ([`Document::unsaved`]
    /// says so). An edit the alliance refuses fails as with `perform`.
    pub fn perform_or_hold(&mut self, edit: Edit) -> Result<bool, StoreError> {
        if !self.held.is_empty() {
            let _ = self.retry_saving();
        }
        let Some(step) = self.prepare(edit)? else {
            return Ok(self.held.is_empty());
        };
        if self.held.is_empty() {
            match self
                .store
                .apply_committing(&step.held.edit, step.held.merge, &step.held.entries)
            {
                Ok(()) => {
                    self.take(step, false);
                    return Ok(true);
                }
                Err(e) => match e.waiting() {
                    Some(w) => self.held_by = Some(w),
                    None => return Err(e),
                },
            }
        }
        self.take(step, true);
        Ok(false)
    }

    /// Write the edits waiting for the file, oldest first. `Ok` when none
    /// is left; otherwise why the file still does not take them.
    pub fn retry_saving(&mut self) -> Result<(), StoreError> {
        while let Some(h) = self.held.first() {
            match self.store.apply_committing(&h.edit, h.merge, &h.entries) {
                Ok(()) => {
                    self.held.remove(0);
                }
                Err(e) => {
                    if let Some(w) = e.waiting() {
                        self.held_by = Some(w);
                        return Err(StoreError::NotYetSaved(w));
                    }
                    return Err(e);
                }
            }
        }
        self.held_by = None;
        Ok(())
    }

    /// How many edits wait for the file, and why (see
    /// [`Document::perform_or_hold`]).
    pub fn unsaved(&self) -> (usize, Option<Waiting>) {
        (self.held.len(), self.held_by)
    }

    /// How long a write waits for another program's lock (see
    /// [`Store::set_busy_timeout`]).
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<(), StoreError> {
        self.store.set_busy_timeout(wait)
    }

    /// Let go of the edits that wait for the file: the alliance is read
    /// again as the file holds it.
    pub fn discard_unsaved(&mut self) -> Result<(), StoreError> {
        if self.held.is_empty() {
            return Ok(());
        }
        self.held.clear();
        self.held_by = None;
        self.reload()
    }

    /// The alliance after `edit`, and what it puts on the record; `None`
    /// for an edit that changes nothing.
    fn prepare(&self, edit: Edit) -> Result<Option<Prepared>, StoreError> {
        if edit.is_noop() {
            return Ok(None);
        }
        // One copy of the alliance per edit: the store commits first.
        let next = self.alliance.applied(&edit)?;
        // What the room witnessed in this edit goes on the record, in the
        // same transaction.
        let made = record::made(&edit);
        let entries = if made.is_empty() {
            Vec::new()
        } else {
            record::append(&next, &self.alliance.record, &made, &self.clock.stamp())
        };
        let key = edit.coalesce_key();
        let merge = match (&key, &self.last_edit) {
            (Some(k), Some((last, at))) => k == last && at.elapsed() < MERGE_WINDOW,
            _ => false,
        };
        Ok(Some(Prepared {
            next,
            key,
            held: Held {
                edit,
                merge,
                entries,
            },
        }))
    }

    /// Make a prepared step the alliance's; `hold`: keep it for the file.
    fn take(&mut self, step: Prepared, hold: bool) {
        let Prepared {
            mut next,
            key,
            held,
        } = step;
        let committed = !held.entries.is_empty();
        next.record.extend(held.entries.iter().cloned());
        self.alliance = next;
        self.revision += 1;
        // A commitment is a step of its own: nothing typed after it joins it.
        self.last_edit = if committed {
            None
        } else {
            key.map(|k| (k, Instant::now()))
        };
        if hold {
            // Typing in one field while the file waits is one step, as it
            // would have been in the file.
            if held.merge
                && held.entries.is_empty()
                && let Some(last) = self.held.last_mut()
                && last.entries.is_empty()
                && let Some(m) = last.edit.merged(&held.edit)
            {
                last.edit = m;
            } else {
                self.held.push(held);
            }
        }
    }

    /// Why the next undo (`true`) or redo cannot be taken, if it cannot:
    /// it would cross a commitment (see [`record`]) or change a stance a
    /// party cast from its ballot card.
    pub fn step_refused(&self, undo: bool) -> Option<crate::domain::EditError> {
        match self.guard(undo) {
            Err(StoreError::Edit(e)) => Some(e),
            _ => None,
        }
    }

    /// End the current undo step: the next edit starts a new one even when
    /// it touches the same record (used when a field loses focus).
    pub fn seal(&mut self) {
        self.last_edit = None;
    }

    pub fn can_undo(&self) -> bool {
        self.store.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.store.can_redo()
    }

    /// Take back the newest step. A step that would change or remove a
    /// stance a party cast itself from its phone (its ballot card) is
    /// refused, and nothing changes: such a stance changes only by a
    /// recorded correction with its reason, so undo stops at the phone's
    /// steps (see [`crate::domain::consensus::overrides_ballot_stance`]).
    pub fn undo(&mut self) -> Result<bool, StoreError> {
        // The steps still waiting for the file go in first.
        self.retry_saving()?;
        self.guard(true)?;
        let edit = self.store.undo()?;
        // What was undone, as it was first made.
        self.last_step = edit.as_ref().map(Edit::inverse);
        self.after_step(edit)
    }

    /// Do the oldest undone step again; refused, as [`Document::undo`] is,
    /// when it would change or remove a stance cast from a ballot card.
    pub fn redo(&mut self) -> Result<bool, StoreError> {
        self.retry_saving()?;
        self.guard(false)?;
        let edit = self.store.redo()?;
        self.last_step = edit.clone();
        self.after_step(edit)
    }

    /// Refuse the next undo (`true`) or redo step if it is a commitment
    /// (undo never takes back what the room saw; the way back is a visible
    /// act with a reason), or if what it would write changes or removes a
    /// stance cast from a ballot card.
    fn guard(&self, undo: bool) -> Result<(), StoreError> {
        let possible = if undo {
            self.store.can_undo()
        } else {
            self.store.can_redo()
        };
        if !possible {
            return Ok(());
        }
        let Some(step) = self.store.peek(undo)? else {
            return Ok(());
        };
        if let Some(kind) = record::commits(&step) {
            return Err(StoreError::Edit(crate::domain::EditError::CommitUndo(kind)));
        }
        let written = if undo { step.inverse() } else { step };
        if crate::domain::consensus::overrides_ballot_stance(&written) {
            return Err(StoreError::Edit(crate::domain::EditError::BallotUndo));
        }
        Ok(())
    }

    /// The edit the last undo or redo took back or did again, as it was
    /// first made (to say what happened, and where).
    pub fn last_step(&self) -> Option<&Edit> {
        self.last_step.as_ref()
    }

    /// The edit the next undo (`true`) or redo would concern, as it was
    /// first made.
    pub fn next_step(&self, undo: bool) -> Option<Edit> {
        self.store.peek(undo).ok().flatten()
    }

    fn after_step(&mut self, edit: Option<Edit>) -> Result<bool, StoreError> {
        self.last_edit = None;
        self.revision += 1;
        let Some(edit) = edit else {
            return Ok(false);
        };
        if self.alliance.apply(&edit).is_err() {
            // Memory and file disagree; the file is the truth.
            self.alliance = self.store.load()?;
        }
        Ok(true)
    }

    /// Forget the undo steps older than `months` months; returns how many.
    pub fn prune_history(&mut self, months: u32) -> Result<usize, StoreError> {
        let n = self
            .store
            .prune_history(&history_cutoff(self.clock.now(), months))?;
        self.last_edit = None;
        self.last_step = None;
        self.revision += 1;
        Ok(n)
    }

    /// How many undo steps are older than `months` months.
    pub fn history_older_than(&self, months: u32) -> usize {
        self.store
            .history_before(&history_cutoff(self.clock.now(), months))
            .unwrap_or(0)
    }

    /// Backups made before a migration that lie beside the file: copies of
    /// it as it was, which a new passphrase does not reach.
    pub fn old_backups(&self) -> Vec<std::path::PathBuf> {
        (1..crate::store::LATEST)
            .map(|v| crate::store::backup_path(self.path(), v))
            .filter(|p| p.exists())
            .collect()
    }

    /// Whether the alliance has a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.store.is_encrypted()
    }

    /// Whether its confidential texts are locked (sealed in memory too).
    pub fn is_locked(&self) -> bool {
        self.store.is_locked()
    }

    /// Unlock the confidential texts. A wrong passphrase changes nothing.
    pub fn unlock(&mut self, passphrase: &str) -> Result<(), StoreError> {
        if !self.is_locked() {
            return Ok(());
        }
        self.store.unlock(passphrase)?;
        if let Some(key) = self.store.key() {
            crate::crypt::alliance(&mut self.alliance, key, false);
        }
        self.revision += 1;
        self.last_edit = None;
        Ok(())
    }

    /// Lock the confidential texts at once: sealed in memory, the key let
    /// go of.
    pub fn lock(&mut self) {
        if let Some(key) = self.store.key() {
            crate::crypt::alliance(&mut self.alliance, key, true);
            self.store.forget_key();
            self.revision += 1;
            self.last_edit = None;
        }
    }

    /// Give the alliance a passphrase or a new one (unlocked first). It
    /// stays unlocked in this window.
    pub fn set_passphrase(&mut self, passphrase: &str) -> Result<(), StoreError> {
        let done = self.store.set_passphrase(passphrase);
        self.after_passphrase(done)
    }

    /// Backups made before a migration are copies of the file as it was,
    /// with the texts readable: once the file has a passphrase they would
    /// undo it, so they go (see [`Document::removed_backups`]).
    fn after_passphrase(&mut self, done: Result<(), StoreError>) -> Result<(), StoreError> {
        if matches!(
            done,
            Ok(())
                | Err(StoreError::HalfDone(
                    crate::store::HalfDone::PassphraseSet,
                    _
                ))
        ) {
            self.last_edit = None;
            self.removed_backups = self
                .old_backups()
                .into_iter()
                .filter(|p| std::fs::remove_file(p).is_ok())
                .collect();
        }
        done
    }

    /// The older backups the last passphrase removed.
    pub fn removed_backups(&self) -> &[std::path::PathBuf] {
        &self.removed_backups
    }

    /// [`Document::set_passphrase`] at a low Argon2 cost (tests).
    #[doc(hidden)]
    pub fn set_passphrase_cheaply(&mut self, passphrase: &str) -> Result<(), StoreError> {
        let done = self.store.set_passphrase_at(passphrase, 64, 1);
        self.after_passphrase(done)
    }

    /// Read the file again (a read-only window follows the editing one).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        if self.store.access() == Access::Damaged {
            return Ok(());
        }
        self.alliance = self.store.load()?;
        // The load opens the confidential texts only while this window
        // holds the key, so reloading keeps the lock as it was.
        self.revision += 1;
        self.last_edit = None;
        Ok(())
    }
}

/// The moment `months` months before `now`, as the history writes times.
pub fn history_cutoff(now: chrono::DateTime<chrono::Utc>, months: u32) -> String {
    let then = now
        .checked_sub_months(chrono::Months::new(months))
        .unwrap_or(now);
    then.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
