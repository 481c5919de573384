//! What the program remembers for this person between runs (not in the document): language,
//! name for the audit log, recent files. A JSON file in the user's config folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::lang::Lang;

const MAX_RECENT: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub language: Option<Lang>,
    pub user_name: String,
    pub recent: Vec<PathBuf>,
}

impl Prefs {
    /// Reads the file; a missing or unreadable file gives the defaults (never an error at
    /// start-up: the program must open).
    pub fn load(path: &Path) -> Prefs {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path)
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        // The path as the person knows it (`C:\…`, not Windows' verbatim `\\?\C:\…`).
        let path = dunce::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn last_file(&self) -> Option<&Path> {
        self.recent.first().map(PathBuf::as_path)
    }

    /// The name written into the audit log: the one given in settings, else the system user.
    pub fn audit_name(&self) -> String {
        let given = self.user_name.trim();
        if !given.is_empty() {
            return given.to_string();
        }
        crate::host::user_name()
    }
}

/// Where the program keeps its own files.
#[derive(Debug, Clone, PartialEq)]
pub struct Paths {
    pub prefs_file: PathBuf,
    pub data_dir: PathBuf,
}

impl Paths {
    /// The user's config and data folders: `~/.config/giaoban`, `~/.local/share/giaoban` on
    /// Linux; one folder, `%APPDATA%\giaoban`, on Windows.
    pub fn for_user() -> Paths {
        if cfg!(windows)
            && let Some(base) = directories::BaseDirs::new()
        {
            return Paths::under_appdata(base.config_dir());
        }
        match directories::ProjectDirs::from("vn", "giaoban", "giaoban") {
            Some(dirs) => Paths {
                prefs_file: dirs.config_dir().join("prefs.json"),
                data_dir: dirs.data_dir().to_path_buf(),
            },
            None => Paths::in_dir(&std::env::temp_dir().join("giaoban")),
        }
    }

    /// Windows: `%APPDATA%\giaoban\prefs.json` and `%APPDATA%\giaoban\data\` (the roaming
    /// profile, which follows the person to another PC of the same office domain).
    pub fn under_appdata(appdata: &Path) -> Paths {
        Paths::in_dir(&appdata.join("giaoban"))
    }

    /// Everything under one folder (tests, portable use).
    pub fn in_dir(dir: &Path) -> Paths {
        Paths {
            prefs_file: dir.join("prefs.json"),
            data_dir: dir.join("data"),
        }
    }

    pub fn demo_file(&self) -> PathBuf {
        self.data_dir.join("giaoban-demo.db")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefs_round_trip_and_recent_list() {
        let dir = tempfile::tempdir()
            .map(|d| d.keep())
            .unwrap_or_else(|_| std::env::temp_dir());
        let path = dir.join("p").join("prefs.json");
        let mut prefs = Prefs {
            language: Some(Lang::En),
            user_name: "Thư ký".into(),
            recent: vec![],
        };
        for i in 0..10 {
            prefs.remember(&dir.join(format!("f{i}.db")));
        }
        prefs.remember(&dir.join("f3.db"));
        assert_eq!(prefs.recent.len(), 8);
        assert_eq!(prefs.last_file(), Some(dir.join("f3.db").as_path()));
        assert!(prefs.save(&path).is_ok());
        assert_eq!(Prefs::load(&path), prefs);
        // A broken prefs file gives the defaults.
        assert!(std::fs::write(&path, "{not json").is_ok());
        assert_eq!(Prefs::load(&path), Prefs::default());
    }
}
