//! What the app remembers between runs: the language and the recent files.
//! Kept as JSON in the user's configuration folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

const MAX_RECENT: usize = 8;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// The facilitator chose the interface's language (NL/EN, or the
    /// View menu). Until then the window speaks the language of the
    /// alliance it opens: an English alliance opens in English.
    pub lang_chosen: bool,
    /// Most recent first; the first is the alliance opened at start.
    pub recent: Vec<PathBuf>,
    /// The projector theme last chosen.
    pub projector: super::present::ProjectorTheme,
    /// Minutes of quiet after which confidential texts lock by themselves
    /// (`None`: the default; 0: never).
    pub lock_after_minutes: Option<u32>,
}

/// The quiet period chosen when none was set.
pub const DEFAULT_LOCK_MINUTES: u32 = 10;

/// The quiet periods offered.
pub const LOCK_CHOICES: [u32; 6] = [2, 5, 10, 15, 30, 0];

impl Settings {
    /// The folder for settings: `$SAMENSPEL_CONFIG_DIR`, else the XDG
    /// configuration folder.
    pub fn default_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("SAMENSPEL_CONFIG_DIR") {
            return Some(PathBuf::from(dir));
        }
        if let Some(dir) = std::env::var_os("XDG_CONFIG_HOME").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir).join("samenspel"));
        }
        if let Some(dir) = std::env::var_os("APPDATA") {
            return Some(PathBuf::from(dir).join("Samenspel"));
        }
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config").join("samenspel"))
    }

    /// Load from `dir`; missing or unreadable settings give the defaults.
    pub fn load(dir: &Path) -> Settings {
        std::fs::read_to_string(dir.join("settings.json"))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Save to `dir`, atomically (write a temporary file, then rename),
    /// readable by this user only: the recent files name alliances.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        use std::io::Write;
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join("settings.json.tmp");
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut f = options.open(&tmp)?;
        // (A file left by an older version keeps its mode: set it.)
        #[cfg(unix)]
        f.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
        f.write_all(
            serde_json::to_string_pretty(self)
                .unwrap_or_default()
                .as_bytes(),
        )?;
        f.sync_all()?;
        std::fs::rename(tmp, dir.join("settings.json"))
    }

    /// After how long a quiet period the texts lock; `None`: never.
    pub fn lock_after(&self) -> Option<std::time::Duration> {
        match self.lock_after_minutes.unwrap_or(DEFAULT_LOCK_MINUTES) {
            0 => None,
            m => Some(std::time::Duration::from_secs(u64::from(m) * 60)),
        }
    }

    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
