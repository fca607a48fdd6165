//! Where Meirim keeps its data. One rule for the app and the CLI, so both open the same file.

use std::path::{Path, PathBuf};

/// Matches `identifier` in src-tauri/tauri.conf.json, so the folder is the one Tauri's
/// own path API would pick.
pub const APP_IDENTIFIER: &str = "kz.meirim.app";
/// Overrides the data folder for tests and portable use (a flag beats it).
pub const DATA_DIR_ENV: &str = "MEIRIM_DATA_DIR";
pub const DB_FILE_NAME: &str = "meirim.sqlite3";
pub const BACKUP_DIR_NAME: &str = "backups";

#[derive(Debug, thiserror::Error)]
pub enum PathError {
    #[error("this system reports no per-user data folder; pass --data-dir or set {DATA_DIR_ENV}")]
    NoPlatformDataDir,
}

/// The data folder: `--data-dir` if given, else `MEIRIM_DATA_DIR`, else the platform's
/// per-user app-data folder (`%APPDATA%\kz.meirim.app` on Windows,
/// `~/.local/share/kz.meirim.app` on Linux).
pub fn resolve_data_dir(flag: Option<&Path>) -> Result<PathBuf, PathError> {
    if let Some(dir) = flag {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    platform_data_dir().ok_or(PathError::NoPlatformDataDir)
}

/// The per-user app-data folder the system names for Meirim (on Windows the Roaming
/// AppData known folder, which follows the user when the office uses roaming profiles).
pub fn platform_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE_NAME)
}

pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR_NAME)
}

/// Where printed documents are saved (family cards, letters, lists).
pub fn documents_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("documents")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins() {
        let p = resolve_data_dir(Some(Path::new("/tmp/x"))).unwrap();
        assert_eq!(p, PathBuf::from("/tmp/x"));
        assert_eq!(db_path(&p), PathBuf::from("/tmp/x/meirim.sqlite3"));
    }

    /// Office PCs often have user names in Cyrillic or Kazakh letters, so the data folder's
    /// path has them too: SQLite, its WAL and the backups must work there.
    #[test]
    fn a_registry_opens_in_a_folder_named_in_kazakh_letters() {
        let root = tempfile::tempdir().unwrap();
        let dir = root
            .path()
            .join("Әсел Қүңғұрова")
            .join("AppData")
            .join(APP_IDENTIFIER);
        std::fs::create_dir_all(&dir).unwrap();
        let db = crate::db::Database::open(&db_path(&dir)).unwrap();
        drop(db);
        let again = crate::db::Database::open(&db_path(&dir)).unwrap();
        drop(again);
        assert!(db_path(&dir).is_file());
    }

    #[cfg(windows)]
    #[test]
    fn on_windows_the_data_folder_is_in_roaming_appdata() {
        let appdata = std::env::var_os("APPDATA").expect("Windows sets APPDATA");
        assert_eq!(
            platform_data_dir(),
            Some(PathBuf::from(appdata).join(APP_IDENTIFIER))
        );
    }
}
