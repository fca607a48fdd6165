//! What a backup, a restore or a printed document killed part-way leaves behind: `.partial`
//! copies (with their `-journal`), the `.sealing-…` snapshot an encrypted backup encrypts
//! from — the whole registry unencrypted — and documents staged beside their final name.
//! None of it is ever useful after the process that wrote it is gone.

use std::path::Path;
use std::time::Duration;

use crate::paths;

/// Whether a file name is such a leftover.
fn is_leftover(name: &str) -> bool {
    name.starts_with(".sealing-") || name.ends_with(".partial") || name.contains(".partial-")
}

/// Removes the leftovers in `dir`: all of them, or only those older than `older_than`.
/// Returns how many went.
pub(crate) fn sweep(dir: &Path, older_than: Option<Duration>) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        if !is_leftover(&e.file_name().to_string_lossy()) {
            continue;
        }
        let old_enough = older_than.is_none_or(|limit| {
            e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > limit)
        });
        if old_enough && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Every leftover in the data folder's `backups/` and `restore/`, whatever its age: run
/// when the registry is opened, so a plaintext copy a power cut left does not outlive the
/// next start. (A backup that another Meirim process is making at that very moment then
/// fails and says so; it can be made again.)
pub fn sweep_leftovers(data_dir: &Path) -> usize {
    sweep(&paths::backup_dir(data_dir), None)
        + sweep(&data_dir.join("restore"), None)
        // A document (a letters batch, a family card) staged beside its name and never
        // placed: personal data, and for letters perhaps numbers the register lacks.
        + sweep(&paths::documents_dir(data_dir), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_go_and_backups_stay() {
        let data = tempfile::tempdir().unwrap();
        let backups = paths::backup_dir(data.path());
        let restore = data.path().join("restore");
        std::fs::create_dir_all(&backups).unwrap();
        std::fs::create_dir_all(&restore).unwrap();
        let keep = [
            backups.join("meirim-2026-12-05T10-00-00Z-daily.sqlite3"),
            backups.join("meirim-2026-12-04T10-00-00Z-manual.sqlite3"),
            restore.join("staged.sqlite3"),
        ];
        let go = [
            backups.join(".sealing-0b1c.sqlite3"),
            backups.join(".sealing-0b1c.sqlite3-journal"),
            backups.join("meirim-2026-12-05T11-00-00Z-manual.sqlite3.partial"),
            backups.join("meirim-2026-12-05T11-00-00Z-manual.sqlite3.partial-journal"),
            restore.join("staged.sqlite3.partial"),
        ];
        for f in keep.iter().chain(&go) {
            std::fs::write(f, "x").unwrap();
            // Written "now" by this process's clock, which a test may have moved (faketime):
            // the file system's own time would make them years old or not yet made.
            std::fs::File::options()
                .write(true)
                .open(f)
                .unwrap()
                .set_modified(std::time::SystemTime::now())
                .unwrap();
        }
        // Young leftovers survive the sweep a backup makes; the one at opening takes all.
        assert_eq!(sweep(&backups, Some(Duration::from_secs(3600))), 0);
        assert_eq!(sweep_leftovers(data.path()), go.len());
        assert!(go.iter().all(|f| !f.exists()));
        assert!(keep.iter().all(|f| f.exists()));
    }
}
