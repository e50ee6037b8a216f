//! The passphrase: locking, unlocking and changing it, and sealing and
//! opening the undo history's texts with its key.

use super::*;

impl Store {
    /// Whether the file has a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.crypt.is_some()
    }

    /// Whether the file has a passphrase and this session does not hold
    /// its key: confidential texts are sealed in memory too.
    pub fn is_locked(&self) -> bool {
        self.crypt.is_some() && self.key.is_none()
    }

    /// The file's passphrase lock (for a sealed backup).
    pub fn lock_record(&self) -> Option<&crate::crypt::Lock> {
        self.crypt.as_ref()
    }

    /// The key while unlocked.
    pub fn key(&self) -> Option<&crate::crypt::Key> {
        self.key.as_ref()
    }

    /// Unlock with the passphrase. A wrong one changes nothing.
    pub fn unlock(&mut self, passphrase: &str) -> Result<(), StoreError> {
        match &self.crypt {
            Some(lock) => {
                self.key = Some(lock.unlock(passphrase)?);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Let go of the key (the texts in memory must be sealed by the
    /// caller first, see `Document::lock`).
    pub fn forget_key(&mut self) {
        self.key = None;
    }

    /// Give the file a passphrase, or a new one: every confidential text
    /// in the file and in its undo history is sealed with the new key, in
    /// one transaction, and the file is rewritten so that no page keeps a
    /// text in the clear. A file with a passphrase must be unlocked first.
    pub fn set_passphrase(&mut self, passphrase: &str) -> Result<(), StoreError> {
        self.set_passphrase_at(passphrase, crate::crypt::MEMORY_KIB, crate::crypt::PASSES)
    }

    /// [`Store::set_passphrase`] at a given Argon2 cost (tests).
    #[doc(hidden)]
    pub fn set_passphrase_at(
        &mut self,
        passphrase: &str,
        memory_kib: u32,
        passes: u32,
    ) -> Result<(), StoreError> {
        self.writable()?;
        if self.is_locked() {
            return Err(StoreError::Locked);
        }
        let (lock, key) = crate::crypt::Lock::with_cost(passphrase, memory_kib, passes)?;
        let alliance = self.load()?;
        let history = self.history()?;
        let old_key = self.key.replace(key);
        let old_lock = self.crypt.replace(lock.clone());
        let history: Vec<(i64, Edit)> = history
            .iter()
            .map(|h| (h.seq, self.sealed(&h.edit)))
            .collect();
        let mut sealed = alliance.clone();
        if let Some(key) = &self.key {
            crate::crypt::alliance(&mut sealed, key, true);
        }
        let written = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.pragma_update(None, "defer_foreign_keys", "ON")?;
            write_lock(&tx, &lock)?;
            write_secrets(&tx, &sealed)?;
            for (seq, edit) in &history {
                tx.execute(
                    "UPDATE history SET edit = ?1 WHERE seq = ?2",
                    rusqlite::params![edit_json(edit)?, seq],
                )?;
            }
            tx.commit()?;
            Ok::<(), StoreError>(())
        })();
        if let Err(e) = written {
            self.key = old_key;
            self.crypt = old_lock;
            // Nothing was set: said so, with why.
            return Err(match e.waiting() {
                Some(w) => StoreError::NotDone(NotDone::Passphrase, w),
                None => e,
            });
        }
        // Rewrite the file whole and empty the log: the old pages held the
        // texts in the clear.
        self.scrub(HalfDone::PassphraseSet)
    }

    /// After sealing or forgetting texts: rewrite the file whole and empty
    /// its log. The old texts were overwritten as they were replaced
    /// (`secure_delete`), so when there is no room to rewrite the file,
    /// writing the log back into it is enough; when even that cannot be
    /// done, what was done and what is left is said, and the next open
    /// finishes it (see [`tidy`]).
    pub(super) fn scrub(&self, done: HalfDone) -> Result<(), StoreError> {
        if self
            .conn
            .execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")
            .is_ok()
        {
            return Ok(());
        }
        let written: Result<(i64, i64, i64), _> =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                });
        match written {
            Ok((0, _, _)) => Ok(()),
            Ok(_) => Err(StoreError::HalfDone(done, Waiting::InUse)),
            Err(e) => Err(StoreError::HalfDone(
                done,
                StoreError::Sqlite(e)
                    .waiting()
                    .unwrap_or(Waiting::CannotWrite),
            )),
        }
    }

    pub(super) fn read_lock(&self) -> Result<Option<crate::crypt::Lock>, StoreError> {
        let has_table: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'crypt')",
            [],
            |r| r.get(0),
        )?;
        if !has_table {
            return Ok(None);
        }
        Ok(self
            .conn
            .query_row(
                "SELECT salt, memory_kib, passes, lanes, check_value FROM crypt WHERE id = 1",
                [],
                |r| {
                    Ok(crate::crypt::Lock {
                        salt: r.get(0)?,
                        memory_kib: r.get(1)?,
                        passes: r.get(2)?,
                        lanes: r.get(3)?,
                        check: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    pub(super) fn write_lock(&mut self, lock: &crate::crypt::Lock) -> Result<(), StoreError> {
        write_lock(&self.conn, lock)?;
        self.crypt = Some(lock.clone());
        Ok(())
    }

    /// An edit as it is written: sealed when the file has a key.
    pub(super) fn sealed(&self, edit: &Edit) -> Edit {
        match &self.key {
            Some(key) => crate::crypt::edit(edit, key, true),
            None => edit.clone(),
        }
    }

    /// An edit as it is read: opened when the file has a key.
    pub(super) fn opened(&self, edit: Edit) -> Edit {
        match &self.key {
            Some(key) => crate::crypt::edit(&edit, key, false),
            None => edit,
        }
    }
}
