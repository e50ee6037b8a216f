//! The files beside the alliance's own: what an interrupted write left
//! behind (`tidy`), documents only the user may read (`write_private`),
//! and whether a folder takes writes.

use super::*;

/// What opening a file finished or removed of work that was interrupted
/// (a killed import, passphrase change or history pruning).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tidied {
    /// Temporary files of imports whose process is gone, removed.
    pub removed: Vec<PathBuf>,
    /// The file's write-ahead log was written back into the file itself,
    /// so that the file on its own holds what was last committed (a
    /// passphrase change or pruning killed before it finished leaves the
    /// sealed or forgotten texts only in the log).
    pub checkpointed: bool,
}

/// Before a file is opened by anything: remove the temporary files that
/// interrupted imports left in its folder (`.NAME.PID.partial` and their
/// `-wal` and `-shm`, of a process no longer running), and write the
/// file's log back into it when it has one. Never fails: what cannot be
/// done is left as it is.
pub fn tidy(path: &Path) -> Tidied {
    let mut out = Tidied::default();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                partial_pid(&e.file_name().to_string_lossy())
                    .is_some_and(|pid| !still_running(pid, &e.path()))
            })
            .map(|e| e.path())
            .collect();
        found.sort();
        for p in found {
            if std::fs::remove_file(&p).is_ok() {
                out.removed.push(p);
            }
        }
    }
    let log = sidecar(path, "-wal");
    if std::fs::metadata(&log).is_ok_and(|m| m.len() > 0)
        && can_write(path)
        && let Ok(conn) = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    {
        let _ = conn.busy_timeout(std::time::Duration::from_secs(1));
        // (Busy when another program reads the file: it is tried again at
        // the next open.)
        let done: Result<(i64, i64, i64), _> =
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            });
        out.checkpointed = matches!(done, Ok((0, _, _)));
    }
    out
}

/// The process id in the name of an import's temporary file
/// (`.NAME.PID.partial`, `-wal` or `-shm` after it).
pub(super) fn partial_pid(name: &str) -> Option<u32> {
    let name = name
        .strip_suffix("-wal")
        .or_else(|| name.strip_suffix("-shm"))
        .or_else(|| name.strip_suffix("-journal"))
        .unwrap_or(name);
    let stem = name.strip_prefix('.')?.strip_suffix(".partial")?;
    let (_, pid) = stem.rsplit_once('.')?;
    pid.parse().ok()
}

/// Whether the process that writes a temporary file may still be at it.
pub(super) fn still_running(pid: u32, file: &Path) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(target_os = "linux")]
    {
        let _ = file;
        Path::new("/proc").join(pid.to_string()).exists()
    }
    #[cfg(not(target_os = "linux"))]
    {
        // Without a process table to ask: an hour untouched is gone.
        std::fs::metadata(file)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_none_or(|age| age < std::time::Duration::from_secs(3600))
    }
}

/// Create an empty file readable and writable by its owner only (0600 on
/// Unix); an existing file is an error.
pub(super) fn private_file(path: &Path) -> Result<(), StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .map(drop)
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists(path.to_path_buf()),
            _ => StoreError::Io {
                path: path.to_path_buf(),
                source,
            },
        })
}

/// Write an export (a PDF, an invitation, a JSON backup): a new file is
/// readable by its owner only, like the alliance it comes from.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    // Never over an alliance (any file with Samenspel's mark, also one of
    // a newer version): an export written onto the file it comes from, or
    // any other alliance, would destroy it.
    if matches!(inspect(path), Ok(_) | Err(StoreError::TooNew { .. })) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "that file is an alliance; choose another name",
        ));
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path)?;
    // An existing file becomes private too.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    f.write_all(bytes)?;
    f.sync_all()
}

/// Whether Samenspel may write the file and beside it (its log, its
/// backups). By the permission bits, which hold for the owner as they are
/// meant even where the super-user could write anyway.
pub(super) fn can_write(path: &Path) -> bool {
    let writable = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| !m.permissions().readonly())
            .unwrap_or(false)
    };
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !(writable(path) && writable(&folder)) {
        return false;
    }
    // The permissions say yes; a read-only mount (a backup stick) says no
    // only when asked: open the file for writing (changing nothing) and
    // make and remove a probe beside it, as SQLite will need to.
    if std::fs::OpenOptions::new().write(true).open(path).is_err() {
        return false;
    }
    let probe = folder.join(format!(".samenspel-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(e) => e.kind() == std::io::ErrorKind::AlreadyExists,
    }
}

pub(super) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}
