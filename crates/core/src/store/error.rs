//! What can go wrong with the file, in one sentence each.

use super::*;

/// What can go wrong with an alliance file. Each message is one sentence a
/// facilitator can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("The file {0} does not exist.")]
    NotFound(PathBuf),
    #[error("{0} is a folder, not an alliance file.")]
    IsFolder(PathBuf),
    #[error("{0} is not a Samenspel alliance: it is not a database file.")]
    NotSqlite(PathBuf),
    #[error("{0} is a database of another program, not a Samenspel alliance.")]
    ForeignDatabase(PathBuf),
    #[error(
        "{path} was made by a newer Samenspel (file version {version}, this one reads up to {LATEST}); install the newer Samenspel to open it."
    )]
    TooNew { path: PathBuf, version: u32 },
    #[error("{0} is read-only; make it writable, or open a copy of it.")]
    ReadOnlyFile(PathBuf),
    #[error("{0} already exists; Samenspel does not overwrite files, so choose another name.")]
    AlreadyExists(PathBuf),
    #[error(
        "This alliance is open in another Samenspel window, so here it can only be read, not changed."
    )]
    ReadOnlySession,
    #[error("The change could not be made: {0}.")]
    Edit(#[from] EditError),
    #[error("The alliance file is damaged: {0}.")]
    Damaged(String),
    #[error(
        "{0} carries Samenspel's mark but its tables are not those of an alliance, so it is not opened."
    )]
    Forged(PathBuf),
    #[error(
        "{0} is of an older file version and lies where it cannot be written; copy it to a folder of your own to open it."
    )]
    OldOnReadOnlyMedia(PathBuf),
    #[error("Could not read or write {path}: {source}.")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "The confidential texts of this alliance are locked; unlock it with its passphrase first."
    )]
    Locked,
    #[error("{0}")]
    Crypt(#[from] crate::crypt::CryptError),
    #[error("{}", sqlite_sentence(.0))]
    Sqlite(#[from] rusqlite::Error),
    /// The record of commitments that came with an alliance does not match
    /// it (the catalogue names what changed: `Lang::broken`).
    #[error(
        "The record of commitments does not match the records (entry {}); nothing was written.",
        .0.seq
    )]
    RecordBroken(Box<crate::domain::record::Broken>),
    #[error("{}", .0.sentence())]
    NotYetSaved(Waiting),
    /// Nothing of what was asked was done.
    #[error("{} {}", .0.sentence(), .1.plain_cause())]
    NotDone(NotDone, Waiting),
    /// The file cannot be changed now (opened read-only for it).
    #[error("The alliance file cannot be changed now: {}", .0.plain_cause())]
    CannotWriteNow(Waiting),
    /// A new file could not be made; nothing was left behind.
    #[error("{} was not made, and nothing was left behind: {}", .0.display(), .1.plain_cause())]
    CannotMake(PathBuf, Waiting),
    #[error(
        "{0} is of an older file version; open it once in the Samenspel window to bring it up to date, then try again."
    )]
    OlderVersion(PathBuf),
    /// A passphrase set or history forgotten, whose file could not yet be
    /// rewritten without the old pages.
    #[error("{} {}", .0.sentence(), .1.cause())]
    HalfDone(HalfDone, Waiting),
}

/// Why the file does not take edits for now: a passing state, after which
/// the edits that wait are written (see `Document::perform_or_hold`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiting {
    /// Another program holds the file's write lock (a backup or sync
    /// tool, the `sqlite3` program in a transaction).
    InUse,
    DiskFull,
    /// The file or its disk cannot be written at the moment.
    CannotWrite,
}

/// What was asked and not done at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotDone {
    Passphrase,
    Prune,
}

impl NotDone {
    pub fn sentence(self) -> &'static str {
        match self {
            NotDone::Passphrase => "The passphrase was not set, and nothing changed:",
            NotDone::Prune => "No undo steps were forgotten, and nothing changed:",
        }
    }
}

/// What was done when tidying the file afterwards could not be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HalfDone {
    PassphraseSet,
    HistoryPruned(usize),
}

impl HalfDone {
    pub fn sentence(self) -> String {
        match self {
            HalfDone::PassphraseSet => "The passphrase is set, but the file could not yet be rewritten without its old pages;".into(),
            HalfDone::HistoryPruned(n) => format!(
                "{n} undo steps are forgotten, but the file could not yet be rewritten without their old pages;"
            ),
        }
    }
}

impl Waiting {
    /// The cause alone.
    pub fn plain_cause(self) -> &'static str {
        match self {
            Waiting::InUse => "another program is using the file.",
            Waiting::DiskFull => "the disk is full.",
            Waiting::CannotWrite => {
                "the disk or folder cannot be written (is it full, read-only or gone?)."
            }
        }
    }

    /// The cause, to follow a sentence of what was done.
    pub fn cause(self) -> &'static str {
        match self {
            Waiting::InUse => {
                "another program is using the file. Samenspel finishes it the next time the file is opened."
            }
            Waiting::DiskFull => {
                "the disk is full. Samenspel finishes it the next time the file is opened."
            }
            Waiting::CannotWrite => {
                "the file cannot be written right now. Samenspel finishes it the next time the file is opened."
            }
        }
    }

    pub fn sentence(self) -> &'static str {
        match self {
            Waiting::InUse => {
                "Not saved yet: another program is using the alliance file; Samenspel tries again in a moment."
            }
            Waiting::DiskFull => {
                "Not saved yet: the disk is full; make room, and Samenspel tries again in a moment."
            }
            Waiting::CannotWrite => {
                "Not saved yet: the alliance file cannot be written right now; Samenspel tries again in a moment."
            }
        }
    }
}

impl StoreError {
    /// Whether the file refused for now only (busy, full, not writable at
    /// the moment), so that the edit can wait and be written later.
    pub fn waiting(&self) -> Option<Waiting> {
        use rusqlite::ErrorCode as C;
        match self {
            StoreError::NotYetSaved(w) => Some(*w),
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => match f.code {
                C::DatabaseBusy | C::DatabaseLocked => Some(Waiting::InUse),
                C::DiskFull => Some(Waiting::DiskFull),
                C::ReadOnly | C::CannotOpen | C::SystemIoFailure | C::PermissionDenied => {
                    Some(Waiting::CannotWrite)
                }
                _ => None,
            },
            _ => None,
        }
    }
}

/// SQLite's complaint as a sentence a facilitator can act on.
fn sqlite_sentence(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e {
        rusqlite::Error::SqliteFailure(f, _) => match f.code {
            C::DatabaseBusy | C::DatabaseLocked => {
                "Another program is using the alliance file right now; try again in a moment."
                    .into()
            }
            C::DatabaseCorrupt | C::NotADatabase => "The alliance file is damaged.".into(),
            C::DiskFull => {
                "The disk is full; the last change was not kept, all earlier ones were.".into()
            }
            C::ReadOnly | C::PermissionDenied => "The alliance file cannot be written here.".into(),
            C::SystemIoFailure | C::CannotOpen => {
                "The alliance file could not be read or written: is the disk full, or was it removed?"
                    .into()
            }
            _ => format!(
                "The alliance file could not be read or written as expected (code {}).",
                f.extended_code
            ),
        },
        // (Never the database's own words: they name tables and columns.)
        _ => "The alliance file could not be read or written as expected.".into(),
    }
}
