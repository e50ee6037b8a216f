//! The store: one alliance in one SQLite file. Every edit is committed at
//! once (WAL, `synchronous=FULL`), together with its entry in the undo
//! history, so nothing is lost on a crash and undo survives a restart.

mod rows;
pub mod schema;

mod error;
mod files;
mod passphrase;

pub use error::*;
use files::*;
pub use files::{Tidied, tidy, write_private};

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::domain::clock::Clock;
use crate::domain::record::Commitment;
use crate::domain::{Alliance, AllianceInfo, Edit, EditError};
pub use rows::{Table, field_names, record_tables};
pub use schema::{APPLICATION_ID, LATEST};

/// How this window may use the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Another Samenspel has the file open: read, never write.
    ReadOnlyInUse,
    /// The file or its folder cannot be written (a read-only folder, a
    /// backup stick): read, check and export only.
    ReadOnlyMedia,
    /// SQLite's check found damage: read what can be read, to save a
    /// copy of it. Never written.
    Damaged,
}

/// One entry of the undo history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub seq: i64,
    /// When the edit was made (RFC 3339, UTC).
    pub at: String,
    /// Undone entries can be redone; a new edit discards them.
    pub undone: bool,
    pub edit: Edit,
}

/// What the first 100 bytes of a SQLite file say.
#[derive(Debug)]
struct Header {
    user_version: u32,
    application_id: i32,
}

fn inspect(path: &Path) -> Result<Header, StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        Err(e) => return Err(io(e)),
    };
    if meta.is_dir() {
        return Err(StoreError::IsFolder(path.to_path_buf()));
    }
    let mut head = [0u8; 100];
    let mut file = File::open(path).map_err(io)?;
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]).map_err(io)? {
            0 => break,
            n => read += n,
        }
    }
    if read < 100 || &head[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotSqlite(path.to_path_buf()));
    }
    let be = |at: usize| [head[at], head[at + 1], head[at + 2], head[at + 3]];
    let header = Header {
        user_version: u32::from_be_bytes(be(60)),
        application_id: i32::from_be_bytes(be(68)),
    };
    if header.application_id != APPLICATION_ID {
        return Err(StoreError::ForeignDatabase(path.to_path_buf()));
    }
    if header.user_version > LATEST {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            version: header.user_version,
        });
    }
    Ok(header)
}

/// Take the lock that tells other Samenspel windows this file is being
/// edited. `None` when another one holds it.
fn lock(path: &Path) -> Result<Option<File>, StoreError> {
    let file = File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // A lock just let go of can linger for a moment: a program started
    // while it was held keeps a copy of it until that program is under way
    // (the lock belongs to the open file, which a starting process shares).
    // So "in use" is said only when the lock stays taken for a fifth of a
    // second.
    for attempt in 0..10 {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(std::fs::TryLockError::WouldBlock) if attempt < 9 => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    Ok(None)
}

fn configure(conn: &Connection, writable: bool) -> Result<(), StoreError> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    if writable {
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Damaged(format!(
                "the file cannot use write-ahead logging (journal mode {mode})"
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Deleted and overwritten text is overwritten on disk too.
        conn.pragma_update(None, "secure_delete", "ON")?;
    }
    Ok(())
}

/// The path of the backup made before migrating a file from `version`.
pub fn backup_path(path: &Path, version: u32) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".v{version}.backup"));
    path.with_file_name(name)
}

/// An open alliance file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    access: Access,
    _lock: Option<File>,
    undo_depth: usize,
    redo_depth: usize,
    /// The file's passphrase lock, when it has one, and its key while it
    /// is unlocked.
    crypt: Option<crate::crypt::Lock>,
    key: Option<crate::crypt::Key>,
    /// The file version it was migrated from when opened, if it was.
    migrated_from: Option<u32>,
    /// When the history says an edit was made.
    clock: Clock,
    /// What opening it tidied first (see [`tidy`]).
    tidied: Tidied,
    /// Opened read-only because it could not be opened for writing now
    /// (a full disk): why.
    refused: Option<Waiting>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("access", &self.access)
            .finish()
    }
}

impl Store {
    /// How long a write waits for another program's lock before it gives
    /// up (five seconds unless set; the window waits briefly and retries).
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(wait)?;
        Ok(())
    }

    /// Take the history's times from `clock`.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Open an existing alliance file for editing. When another Samenspel
    /// already edits it, it is opened read-only instead (see [`Store::access`]).
    /// An older file is migrated, after a backup copy is made.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let header = inspect(path)?;
        // Everything is checked before anything is written: a file that
        // is refused keeps every byte.
        if vet(path, &header)?.is_some() {
            return Store::open_damaged(path, &header);
        }
        let tidied = tidy(path);
        let mut store = match Store::open_vetted(path, &header) {
            // No room to open it for writing (a full disk) or the disk
            // refuses writes: read it, as on read-only media.
            Err(e) if matches!(e.waiting(), Some(Waiting::DiskFull | Waiting::CannotWrite)) => {
                let mut store =
                    Store::open_read_only_as(path, Access::ReadOnlyMedia).map_err(|_| {
                        StoreError::CannotWriteNow(e.waiting().unwrap_or(Waiting::CannotWrite))
                    })?;
                store.refused = e.waiting();
                store
            }
            other => other?,
        };
        store.tidied = tidied;
        Ok(store)
    }

    fn open_vetted(path: &Path, header: &Header) -> Result<Store, StoreError> {
        if !can_write(path) {
            if header.user_version < LATEST {
                return Err(StoreError::OldOnReadOnlyMedia(path.to_path_buf()));
            }
            return Store::open_read_only_as(path, Access::ReadOnlyMedia);
        }
        match lock(path)? {
            Some(lock) => {
                let mut conn = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                // An older file is migrated first, in one transaction, and
                // only then switched to write-ahead logging: a migration
                // that fails leaves the file as it was, and no backup.
                conn.pragma_update(None, "foreign_keys", "ON")?;
                conn.busy_timeout(std::time::Duration::from_secs(5))?;
                if header.user_version < LATEST {
                    let backup = backup_path(path, header.user_version);
                    let made = !backup.exists();
                    if made {
                        conn.backup(
                            rusqlite::MAIN_DB,
                            &backup,
                            None::<fn(rusqlite::backup::Progress)>,
                        )?;
                        // As private as the file it copies.
                        #[cfg(unix)]
                        {
                            use std::os::unix::fs::PermissionsExt;
                            let _ = std::fs::set_permissions(
                                &backup,
                                std::fs::Permissions::from_mode(0o600),
                            );
                        }
                    }
                    if schema::migrate_to(&mut conn, LATEST).is_err() {
                        if made {
                            let _ = std::fs::remove_file(&backup);
                        }
                        return Err(StoreError::Damaged(format!(
                            "it could not be brought from file version {} to {LATEST}; it was left as it was",
                            header.user_version
                        )));
                    }
                }
                configure(&conn, true)?;
                let mut store = Store::finish(conn, path, Access::ReadWrite, Some(lock))?;
                if header.user_version < LATEST {
                    store.migrated_from = Some(header.user_version);
                }
                Ok(store)
            }
            None => Store::open_read_only_as(path, Access::ReadOnlyInUse),
        }
    }

    /// Open a file only to read it (the headless commands). Nothing is
    /// written, not even a migration.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let header = inspect(path)?;
        if let Some(problem) = vet(path, &header)? {
            return Err(StoreError::Damaged(problem));
        }
        let tidied = tidy(path);
        let mut store = Store::open_read_only_as(path, Access::ReadOnlyInUse)?;
        store.tidied = tidied;
        Ok(store)
    }

    /// Why it was opened read-only though it lies where it could be
    /// written (a full disk), if so.
    pub fn refused(&self) -> Option<Waiting> {
        self.refused
    }

    /// What opening it tidied first (see [`tidy`]).
    pub fn tidied(&self) -> &Tidied {
        &self.tidied
    }

    /// Open a damaged file to read what can be read (see
    /// [`Store::salvage`]).
    fn open_damaged(path: &Path, header: &Header) -> Result<Store, StoreError> {
        if header.user_version < LATEST {
            return Err(StoreError::Damaged(
                "it is of an older file version, so what is left cannot be read".into(),
            ));
        }
        Store::open_read_only_as(path, Access::Damaged)
    }

    fn open_read_only_as(path: &Path, access: Access) -> Result<Store, StoreError> {
        let header = inspect(path)?;
        if header.user_version < LATEST {
            // Older, not damaged: it is brought up to date when it is
            // first opened to be changed.
            return Err(StoreError::OlderVersion(path.to_path_buf()));
        }
        let conn = connect_read_only(path)?;
        configure(&conn, false)?;
        Store::finish(conn, path, access, None)
    }

    /// Every kind of record from its table, by the one declaration. With
    /// `lost` (salvage), a table that does not read is noted there and
    /// left empty; without, it is an error.
    fn records(
        &self,
        info: AllianceInfo,
        lost: Option<Vec<&'static str>>,
    ) -> Result<(Alliance, Vec<&'static str>), StoreError> {
        struct Load<'a> {
            conn: &'a Connection,
            alliance: Alliance,
            lost: Option<Vec<&'static str>>,
        }
        impl crate::domain::edit::KindVisitor for Load<'_> {
            type Error = StoreError;
            fn kind<T: crate::domain::edit::Entity>(&mut self) -> Result<(), StoreError> {
                match (
                    table_for(T::KIND).and_then(|t| rows::load(self.conn, t, "")),
                    &mut self.lost,
                ) {
                    (Ok(records), _) => *T::all_mut(&mut self.alliance) = records,
                    (Err(_), Some(lost)) => lost.push(T::KIND),
                    (Err(e), None) => return Err(e),
                }
                Ok(())
            }
        }
        let mut load = Load {
            conn: &self.conn,
            alliance: Alliance {
                info,
                ..Alliance::default()
            },
            lost,
        };
        crate::domain::edit::for_each_kind(&mut load)?;
        Ok((load.alliance, load.lost.unwrap_or_default()))
    }

    /// What can be read of a damaged file: every kind of record whose
    /// table still reads, and the names of the kinds that do not.
    pub fn salvage(&self) -> (Alliance, Vec<&'static str>) {
        let info = rows::load::<AllianceInfo>(&self.conn, &rows::ALLIANCE, "WHERE id = 1")
            .ok()
            .and_then(|v| v.into_iter().next());
        let mut lost = Vec::new();
        let info = info.unwrap_or_else(|| {
            lost.push("alliance");
            // Named after its file, so the copy has a name.
            AllianceInfo {
                name: self
                    .path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default(),
                ..AllianceInfo::default()
            }
        });
        // (Reading past every table that fails, it cannot fail itself.)
        let (mut alliance, lost) = self.records(info, Some(lost)).unwrap_or_default();
        alliance.record.0 = self.read_record().unwrap_or_default();
        // What refers to a record that was lost goes too: the copy must
        // pass every check.
        loop {
            let dangling = alliance.dangling_refs();
            let Some((kind, id, _)) = dangling.first() else {
                break;
            };
            let (kind, id) = (*kind, *id);
            drop_record(&mut alliance, kind, id);
        }
        if let Some(key) = &self.key {
            crate::crypt::alliance(&mut alliance, key, false);
        }
        (alliance, lost)
    }

    fn finish(
        conn: Connection,
        path: &Path,
        access: Access,
        lock: Option<File>,
    ) -> Result<Store, StoreError> {
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            access,
            _lock: lock,
            undo_depth: 0,
            redo_depth: 0,
            crypt: None,
            key: None,
            migrated_from: None,
            clock: Clock::System,
            tidied: Tidied::default(),
            refused: None,
        };
        // A damaged file is read as far as it can be.
        let damaged = access == Access::Damaged;
        match store.read_lock() {
            Ok(lock) => store.crypt = lock,
            Err(_) if damaged => {}
            Err(e) => return Err(e),
        }
        match store.count_history() {
            Err(e) if !damaged => return Err(e),
            _ => {}
        }
        Ok(store)
    }

    /// Create a new alliance file holding `alliance` and `history`. Refuses
    /// to overwrite an existing file; removes what it wrote if it fails.
    ///
    /// The file appears whole or not at all: it is written beside its place
    /// under a temporary name, readable by its owner only, flushed to disk,
    /// and only then given its name (never over an existing file). Killed
    /// at any moment, no half-written alliance is left under the name.
    pub fn create(
        path: &Path,
        alliance: &Alliance,
        history: &[HistoryEntry],
    ) -> Result<Store, StoreError> {
        Store::create_locked(path, alliance, history, None, None, Clock::System)
    }

    /// [`Store::create`] by `clock` (the record of commitments a new file
    /// is given is dated by it).
    pub fn create_at(
        path: &Path,
        alliance: &Alliance,
        history: &[HistoryEntry],
        clock: Clock,
    ) -> Result<Store, StoreError> {
        Store::create_locked(path, alliance, history, None, None, clock)
    }

    /// [`Store::create`] for an alliance with a passphrase: its lock, and
    /// its key when the texts given are open (else they must be sealed
    /// already, as in a sealed JSON backup).
    pub fn create_locked(
        path: &Path,
        alliance: &Alliance,
        history: &[HistoryEntry],
        lock: Option<&crate::crypt::Lock>,
        key: Option<&crate::crypt::Key>,
        clock: Clock,
    ) -> Result<Store, StoreError> {
        if lock.is_some()
            && key.is_none()
            && (crate::crypt::plain_secret_in(alliance).is_some()
                || history
                    .iter()
                    .any(|h| crate::crypt::plain_secret(&h.edit).is_some()))
        {
            return Err(StoreError::Locked);
        }
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.to_path_buf()));
        }
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let partial = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
        let remove_partial = || {
            for p in [
                partial.clone(),
                sidecar(&partial, "-wal"),
                sidecar(&partial, "-shm"),
                sidecar(&partial, "-journal"),
            ] {
                let _ = std::fs::remove_file(p);
            }
        };
        remove_partial();
        let written = (|| {
            Store::create_at_version(&partial, LATEST)?;
            let mut store = Store::open(&partial)?;
            store.set_clock(clock);
            if let Some(lock) = lock {
                store.write_lock(lock)?;
                store.key = key.cloned();
            }
            store.write_all(alliance, history)?;
            // Everything into the file itself, then closed and on disk.
            store
                .conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
            drop(store);
            File::open(&partial).and_then(|f| f.sync_all()).map_err(io)
        })();
        if let Err(e) = written {
            remove_partial();
            // Said of the file asked for, never of the temporary one.
            return Err(match e {
                StoreError::Io { source, .. }
                    if matches!(
                        source.kind(),
                        std::io::ErrorKind::ReadOnlyFilesystem
                            | std::io::ErrorKind::PermissionDenied
                    ) =>
                {
                    StoreError::CannotMake(path.to_path_buf(), Waiting::CannotWrite)
                }
                StoreError::Io { source, .. } => StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                },
                e => match e.waiting() {
                    Some(w) => StoreError::CannotMake(path.to_path_buf(), w),
                    None => e,
                },
            });
        }
        // A hard link gives the name only if it is free; where links are
        // not supported (a FAT stick), a rename after a last look.
        let named = match std::fs::hard_link(&partial, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(StoreError::AlreadyExists(path.to_path_buf()))
            }
            Err(_) if path.exists() => Err(StoreError::AlreadyExists(path.to_path_buf())),
            Err(_) => std::fs::rename(&partial, path).map_err(io),
        };
        remove_partial();
        named?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(d) = File::open(dir)
        {
            let _ = d.sync_all();
        }
        let mut store = Store::open(path)?;
        store.set_clock(clock);
        Ok(store)
    }

    /// Create an empty file at schema `version` (tests use this to make
    /// files of an older version).
    #[doc(hidden)]
    pub fn create_at_version(path: &Path, version: u32) -> Result<(), StoreError> {
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.to_path_buf()));
        }
        // Readable by its owner only, from the first byte: the file holds
        // confidential intake talks. SQLite gives its -wal and -shm the
        // same permissions.
        private_file(path)?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn, true)?;
        schema::migrate_to(&mut conn, version)?;
        if version >= 1 {
            // The columns the alliance table had at that version.
            let table = if version >= 16 {
                &rows::ALLIANCE
            } else {
                &rows::ALLIANCE_BEFORE_16
            };
            rows::put(&conn, table, 1, &AllianceInfo::default())?;
        }
        Ok(())
    }

    fn write_all(
        &mut self,
        alliance: &Alliance,
        history: &[HistoryEntry],
    ) -> Result<(), StoreError> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Every kind of record, by the one declaration; references are
        // checked when the whole alliance is in.
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        rows::put(&tx, &rows::ALLIANCE, 1, &alliance.info)?;
        let mut sealed = alliance.clone();
        if let Some(key) = &self.key {
            crate::crypt::alliance(&mut sealed, key, true);
        }
        struct Put<'a>(&'a Connection, &'a Alliance);
        impl crate::domain::edit::KindVisitor for Put<'_> {
            type Error = StoreError;
            fn kind<T: crate::domain::edit::Entity>(&mut self) -> Result<(), StoreError> {
                let table = table_for(T::KIND)?;
                // A new file starts with the default guide, lanes and
                // rules; the alliance brings its own.
                self.0.execute(&format!("DELETE FROM {}", table.name), [])?;
                for x in T::all(self.1) {
                    rows::put(self.0, table, x.id(), x)?;
                }
                Ok(())
            }
        }
        crate::domain::edit::for_each_kind(&mut Put(&tx, &sealed))?;
        // The record of commitments comes with the alliance, and must
        // match it; an alliance without one gets it from its records.
        if alliance.record.is_empty() {
            write_record(
                &tx,
                &crate::domain::record::rebuild(alliance, &self.clock.stamp()),
            )?;
        } else {
            crate::domain::record::verify(alliance)
                .map_err(|b| StoreError::RecordBroken(Box::new(b)))?;
            write_record(&tx, &alliance.record)?;
        }
        for h in history {
            let edit = match &self.key {
                Some(key) => crate::crypt::edit(&h.edit, key, true),
                None => h.edit.clone(),
            };
            tx.execute(
                "INSERT INTO history (seq, at, edit, undone) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![h.seq, h.at, edit_json(&edit)?, h.undone],
            )?;
        }
        tx.commit()?;
        self.count_history()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn access(&self) -> Access {
        self.access
    }

    fn writable(&self) -> Result<(), StoreError> {
        if let Some(w) = self.refused {
            return Err(StoreError::CannotWriteNow(w));
        }
        match self.access {
            Access::ReadWrite => Ok(()),
            Access::ReadOnlyInUse => Err(StoreError::ReadOnlySession),
            Access::ReadOnlyMedia => Err(StoreError::ReadOnlyFile(self.path.clone())),
            Access::Damaged => Err(StoreError::Damaged(
                "it is open only to save a copy of what can be read".into(),
            )),
        }
    }

    /// The whole alliance, as stored.
    pub fn load(&self) -> Result<Alliance, StoreError> {
        let info: Vec<AllianceInfo> = rows::load(&self.conn, &rows::ALLIANCE, "WHERE id = 1")?;
        let info = info
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::Damaged("the alliance record is missing".into()))?;
        // Every kind of record from its table; a table that does not read
        // is an error here (`salvage` reads past it).
        let (mut alliance, _) = self.records(info, None)?;
        alliance.record.0 = self.read_record()?;
        if let Some(key) = &self.key {
            crate::crypt::alliance(&mut alliance, key, false);
        }
        Ok(alliance)
    }

    /// The record of commitments, oldest first.
    pub fn read_record(&self) -> Result<Vec<Commitment>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, kind, record, nth, counts_from, entered_at, text, prev, hash FROM commitment ORDER BY seq",
        )?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(1)?;
            let counts_from: Option<String> = r.get(4)?;
            Ok(Commitment {
                seq: r.get::<_, i64>(0)? as u64,
                kind: crate::domain::record::CommitKind::from_key(&kind),
                record: r.get(2)?,
                nth: r.get::<_, i64>(3)? as u32,
                counts_from: counts_from.and_then(|d| d.parse().ok()),
                entered_at: r.get(5)?,
                text: r.get(6)?,
                prev: r.get(7)?,
                hash: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The file version this store was migrated from when opened, if it
    /// was: such a file gets its record of commitments from its records.
    pub fn migrated_from(&self) -> Option<u32> {
        self.migrated_from
    }

    /// Add entries to the record of commitments (a file that had none:
    /// see [`Store::migrated_from`]).
    pub fn append_record(&mut self, entries: &[Commitment]) -> Result<(), StoreError> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write_record(&tx, entries)?;
        tx.commit()?;
        Ok(())
    }

    /// The undo history, oldest first.
    pub fn history(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq, at, edit, undone FROM history ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let text: String = row.get(2)?;
            out.push(HistoryEntry {
                seq: row.get(0)?,
                at: row.get(1)?,
                edit: self.opened(parse_edit(&text)?),
                undone: row.get(3)?,
            });
        }
        Ok(out)
    }

    fn count_history(&mut self) -> Result<(), StoreError> {
        let (undo, redo): (i64, i64) = self.conn.query_row(
            "SELECT COUNT(*) FILTER (WHERE undone = 0), COUNT(*) FILTER (WHERE undone = 1) FROM history",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        self.undo_depth = undo as usize;
        self.redo_depth = redo as usize;
        Ok(())
    }

    pub fn can_undo(&self) -> bool {
        self.access == Access::ReadWrite && self.undo_depth > 0
    }

    pub fn can_redo(&self) -> bool {
        self.access == Access::ReadWrite && self.redo_depth > 0
    }

    /// Write `edit` and record it in the history, in one transaction. With
    /// `merge`, the edit joins the newest history entry when both update
    /// the same record (typing in one field is one undo step).
    pub fn apply(&mut self, edit: &Edit, merge: bool) -> Result<(), StoreError> {
        self.apply_committing(edit, merge, &[])
    }

    /// [`Store::apply`], adding `commitments` to the record of
    /// commitments in the same transaction. An edit that commits is never
    /// merged into an earlier step.
    pub fn apply_committing(
        &mut self,
        edit: &Edit,
        merge: bool,
        commitments: &[Commitment],
    ) -> Result<(), StoreError> {
        let merge = merge && commitments.is_empty();
        self.writable()?;
        // What is written: confidential texts sealed when the file has a
        // passphrase; while it is locked, only edits that carry them
        // sealed already (as the locked alliance holds them) are taken.
        if self.is_locked() && crate::crypt::plain_secret(edit).is_some() {
            return Err(StoreError::Locked);
        }
        let sealed = self.sealed(edit);
        let edit = &sealed;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write_edit(&tx, edit)?;
        write_record(&tx, commitments)?;
        tx.execute("DELETE FROM history WHERE undone = 1", [])?;
        let tip: Option<(i64, String)> = tx
            .query_row(
                "SELECT seq, edit FROM history ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let merged = match (merge, tip) {
            (true, Some((seq, text))) => parse_edit(&text)?.merged(edit).map(|m| (seq, m)),
            _ => None,
        };
        match merged {
            Some((seq, m)) => {
                tx.execute(
                    "UPDATE history SET edit = ?1, at = ?2 WHERE seq = ?3",
                    rusqlite::params![edit_json(&m)?, self.clock.stamp(), seq],
                )?;
            }
            None => {
                tx.execute(
                    "INSERT INTO history (at, edit) VALUES (?1, ?2)",
                    rusqlite::params![self.clock.stamp(), edit_json(edit)?],
                )?;
            }
        }
        tx.commit()?;
        self.count_history()
    }

    /// Undo the newest edit. Returns the inverse edit that was written, for
    /// the in-memory alliance to apply too.
    pub fn undo(&mut self) -> Result<Option<Edit>, StoreError> {
        self.step("undone = 0 ORDER BY seq DESC", true)
    }

    /// Redo the oldest undone edit. Returns the edit that was written.
    pub fn redo(&mut self) -> Result<Option<Edit>, StoreError> {
        self.step("undone = 1 ORDER BY seq ASC", false)
    }

    /// The edit the next undo (`true`) or redo would take back or do again,
    /// as it was first made; nothing is changed.
    pub fn peek(&self, undo: bool) -> Result<Option<Edit>, StoreError> {
        let pick = if undo {
            "undone = 0 ORDER BY seq DESC"
        } else {
            "undone = 1 ORDER BY seq ASC"
        };
        let text: Option<String> = self
            .conn
            .query_row(
                &format!("SELECT edit FROM history WHERE {pick} LIMIT 1"),
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(text
            .map(|t| parse_edit(&t))
            .transpose()?
            .map(|e| self.opened(e)))
    }

    fn step(&mut self, pick: &str, undo: bool) -> Result<Option<Edit>, StoreError> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let entry: Option<(i64, String)> = tx
            .query_row(
                &format!("SELECT seq, edit FROM history WHERE {pick} LIMIT 1"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((seq, text)) = entry else {
            return Ok(None);
        };
        let edit = parse_edit(&text)?;
        let edit = if undo { edit.inverse() } else { edit };
        write_edit(&tx, &edit)?;
        tx.execute(
            "UPDATE history SET undone = ?1 WHERE seq = ?2",
            rusqlite::params![undo, seq],
        )?;
        tx.commit()?;
        self.count_history()?;
        Ok(Some(self.opened(edit)))
    }

    /// How many undo steps are older than `cutoff` (RFC 3339, UTC).
    pub fn history_before(&self, cutoff: &str) -> Result<usize, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM history WHERE at < ?1",
            [cutoff],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Forget the undo steps older than `cutoff` (RFC 3339, UTC): they can
    /// no longer be undone, and the texts they held are gone from the
    /// file (overwritten, and the file rewritten). Returns how many.
    pub fn prune_history(&mut self, cutoff: &str) -> Result<usize, StoreError> {
        self.writable()?;
        let n = self
            .conn
            .execute("DELETE FROM history WHERE at < ?1", [cutoff])
            .map_err(|e| {
                let e = StoreError::Sqlite(e);
                match e.waiting() {
                    Some(w) => StoreError::NotDone(NotDone::Prune, w),
                    None => e,
                }
            })?;
        self.count_history()?;
        self.scrub(HalfDone::HistoryPruned(n))?;
        Ok(n)
    }

    /// SQLite's own integrity and foreign-key checks. Empty when all is well.
    pub fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let row = row?;
            if row != "ok" {
                out.push(row);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok(format!(
                "a row of {} (rowid {}) points to a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            out.push(row?);
        }
        Ok(out)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        schema::user_version(&self.conn)
    }
}

/// The table that holds a kind of record.
fn table_for(kind: &str) -> Result<&'static Table, StoreError> {
    rows::table_of(kind)
        .ok_or_else(|| StoreError::Damaged(format!("no table for the kind of record {kind}")))
}

fn write_lock(conn: &Connection, lock: &crate::crypt::Lock) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR REPLACE INTO crypt (id, salt, memory_kib, passes, lanes, check_value)
         VALUES (1, ?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![
            lock.salt,
            lock.memory_kib,
            lock.passes,
            lock.lanes,
            lock.check
        ],
    )?;
    Ok(())
}

/// Write again every record that has confidential texts.
fn write_secrets(conn: &Connection, alliance: &Alliance) -> Result<(), StoreError> {
    struct Put<'a>(&'a Connection, &'a Alliance);
    impl crate::domain::edit::KindVisitor for Put<'_> {
        type Error = StoreError;
        fn kind<T: crate::domain::edit::Entity>(&mut self) -> Result<(), StoreError> {
            let table = table_for(T::KIND)?;
            for x in T::all(self.1) {
                if !x.clone().secrets(true).is_empty() {
                    rows::put(self.0, table, x.id(), x)?;
                }
            }
            Ok(())
        }
    }
    crate::domain::edit::for_each_kind(&mut Put(conn, alliance))
}

/// Take one record out of the alliance, by kind and id (salvage).
fn drop_record(a: &mut Alliance, kind: &str, id: i64) {
    struct Drop<'a>(&'a mut Alliance, &'a str, i64);
    impl crate::domain::edit::KindVisitor for Drop<'_> {
        type Error = std::convert::Infallible;
        fn kind<T: crate::domain::edit::Entity>(&mut self) -> Result<(), Self::Error> {
            if T::KIND == self.1 {
                T::all_mut(self.0).retain(|e| e.id() != self.2);
            }
            Ok(())
        }
    }
    let _ = crate::domain::edit::for_each_kind(&mut Drop(a, kind, id));
}

/// A connection that only reads. When no log lies beside the file (it was
/// closed cleanly) it is opened as immutable, so that reading it leaves no
/// -wal or -shm behind and works on read-only media; with a log (another
/// window has it open), the log is read too.
fn connect_read_only(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if sidecar(path, "-wal").exists() {
        // (On read-only media without its index the log cannot be read:
        // then the file as it is.)
        if let Ok(conn) = Connection::open_with_flags(path, flags)
            && conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                    r.get::<_, i64>(0)
                })
                .is_ok()
        {
            return Ok(conn);
        }
    }
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = b"file:".to_vec();
    for b in absolute.to_string_lossy().bytes() {
        match b {
            b'?' | b'#' | b'%' => uri.extend(format!("%{b:02X}").bytes()),
            _ => uri.push(b),
        }
    }
    uri.extend(b"?immutable=1");
    let uri = String::from_utf8(uri).unwrap_or_default();
    Ok(Connection::open_with_flags(
        uri,
        flags | OpenFlags::SQLITE_OPEN_URI,
    )?)
}

/// Look at a file before anything is written to it: its tables must be
/// those of its file version (else it is refused as forged), and SQLite's
/// quick check must pass (else `Some(problem)`: it is damaged).
fn vet(path: &Path, header: &Header) -> Result<Option<String>, StoreError> {
    if header.user_version == 0 {
        return Err(StoreError::Forged(path.to_path_buf()));
    }
    let conn = connect_read_only(path)?;
    let tables = match schema::tables(&conn) {
        Ok(t) => t,
        Err(_) => return Ok(Some("its list of tables cannot be read".into())),
    };
    if tables != schema::expected_tables(header.user_version)? {
        return Err(StoreError::Forged(path.to_path_buf()));
    }
    let mut problems = Vec::new();
    let checked = (|| -> rusqlite::Result<()> {
        let mut stmt = conn.prepare("PRAGMA quick_check")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let line: String = row.get(0)?;
            if line != "ok" {
                problems.push(line);
            }
        }
        Ok(())
    })();
    if let Err(e) = checked {
        problems.push(e.to_string());
    }
    // SQLite's own words run over several lines; the user gets one
    // sentence (`samenspel check` on a copy says no more).
    Ok((!problems.is_empty()).then(|| {
        "SQLite's check finds pages that cannot be read; the window opens it read-only to save a copy of what can still be read".to_string()
    }))
}

fn write_record(conn: &Connection, entries: &[Commitment]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO commitment (seq, kind, record, nth, counts_from, entered_at, text, prev, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for c in entries {
        stmt.execute(rusqlite::params![
            c.seq as i64,
            c.kind.map_or("", crate::domain::record::CommitKind::key),
            c.record,
            c.nth as i64,
            c.counts_from.map(|d| d.format("%Y-%m-%d").to_string()),
            c.entered_at,
            c.text,
            c.prev,
            c.hash,
        ])?;
    }
    Ok(())
}

fn edit_json(edit: &Edit) -> Result<String, StoreError> {
    serde_json::to_string(edit).map_err(|e| StoreError::Damaged(e.to_string()))
}

fn parse_edit(text: &str) -> Result<Edit, StoreError> {
    serde_json::from_str(text)
        .map_err(|e| StoreError::Damaged(format!("an undo history entry is unreadable: {e}")))
}

fn write_edit(conn: &Connection, edit: &Edit) -> Result<(), StoreError> {
    use crate::domain::{Change, edit::Entity, edit::Visitor};
    struct Write<'a>(&'a Connection);
    impl Visitor for Write<'_> {
        type Out = Result<(), StoreError>;
        fn change<T: Entity>(&mut self, c: &Change<T>) -> Result<(), StoreError> {
            let table = table_for(T::KIND)?;
            match (&c.before, &c.after) {
                (_, Some(after)) => rows::put(self.0, table, after.id(), after),
                (Some(before), None) => rows::delete(self.0, table, before.id()),
                (None, None) => Ok(()),
            }
        }
    }
    match edit {
        Edit::Info { after, .. } => rows::put(conn, &rows::ALLIANCE, 1, after.as_ref()),
        Edit::Batch(edits) => edits.iter().try_for_each(|e| write_edit(conn, e)),
        _ => edit.visit(&mut Write(conn)).unwrap_or(Ok(())),
    }
}
