//! Personal data on disk is for the office's user alone. On Linux and macOS the data
//! folder and its subfolders are created 0700 and the registry, its WAL, the backups and
//! the printed documents 0600, whatever the umask; on Windows the per-user profile's
//! permissions already keep other users out of `%APPDATA%`.

use std::fs::File;
use std::io;
use std::path::Path;

/// Creates `dir` (and its parents) readable by this user only. A folder that already
/// exists is left as it is: `--data-dir` may name a stick or a folder the user shares on
/// purpose. Meirim's own subfolders use `own_dir`.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    set_mode(dir, 0o700)
}

/// A folder of Meirim's own inside the data folder (`backups/`, `restore/`,
/// `documents/`): created if missing, and readable by this user only even when an older
/// Meirim made it with the umask's mode.
pub fn own_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    set_mode(dir, 0o700)
}

/// Makes an existing file readable and writable by this user only.
pub fn restrict_file(path: &Path) -> io::Result<()> {
    set_mode(path, 0o600)
}

/// Creates a new, empty file that only this user can read, before anything is written to
/// it (SQLite then keeps the mode for the file and its journal).
pub fn create_file(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_are_for_the_user_alone() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("kz.meirim.app");
        create_dir(&data).unwrap();
        assert_eq!(mode(&data), 0o700);
        let shared = root.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_dir(&shared).unwrap();
        assert_eq!(
            mode(&shared),
            0o755,
            "a folder the user chose is left alone"
        );
        let dir = data.join("backups");
        std::fs::create_dir(&dir).unwrap();
        own_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        let file = dir.join("meirim.sqlite3.partial");
        drop(create_file(&file).unwrap());
        assert_eq!(mode(&file), 0o600);
        assert!(create_file(&file).is_err(), "never reuses a file");
        let other = dir.join("other");
        std::fs::write(&other, "x").unwrap();
        restrict_file(&other).unwrap();
        assert_eq!(mode(&other), 0o600);
    }
}
