//! A consistent copy of the registry: SQLite's online backup API (never a file copy of a
//! live database, whose WAL may hold the newest records), checked with `integrity_check`
//! before it takes its final name, so a backup listed is a backup that opens.

use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;

use crate::db::RegistryKey;

use super::{BackupError, Contents};

/// `path` with `suffix` added to its name («-wal», «.partial»).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// `target` with «.partial» added: where a copy is written before it is known good.
pub(crate) fn partial(target: &Path) -> PathBuf {
    with_suffix(target, ".partial")
}

/// Copies the main database of `conn` into `target` in one step (a read transaction for
/// the whole copy: consistent even while another connection writes), verifies the copy,
/// makes it durable and renames it into place. Returns what the copy holds. The copy is
/// encrypted with `key` (the registry's own for a local backup, a one-time key for the
/// copy that leaves on a stick), or not at all with `None` (only from an unencrypted
/// registry).
pub fn snapshot(
    conn: &Connection,
    key: Option<&RegistryKey>,
    target: &Path,
) -> Result<Contents, BackupError> {
    let tmp = partial(target);
    let failed = |e: &dyn std::fmt::Display| BackupError::Write {
        path: target.to_path_buf(),
        reason: e.to_string(),
    };
    let result = (|| {
        {
            // Created for this user alone before SQLite writes a page into it (a copy a
            // killed run left under this name goes first).
            let _ = std::fs::remove_file(&tmp);
            crate::private::create_file(&tmp).map_err(|e| failed(&e))?;
            let mut dst = Connection::open(&tmp).map_err(|e| failed(&e))?;
            if let Some(key) = key {
                key.apply(&dst).map_err(|e| failed(&e))?;
            }
            let backup = Backup::new(conn, &mut dst).map_err(|e| failed(&e))?;
            loop {
                match backup.step(-1).map_err(|e| failed(&e))? {
                    StepResult::Done => break,
                    // Another connection holds a lock: wait for it, the copy stays whole.
                    StepResult::Busy | StepResult::Locked | StepResult::More => {
                        std::thread::sleep(std::time::Duration::from_millis(50))
                    }
                    _ => std::thread::sleep(std::time::Duration::from_millis(50)),
                }
            }
            drop(backup);
            // The copy is one self-contained file: no WAL beside it to lose or leave behind.
            dst.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))
                .map_err(|e| failed(&e))?;
        }
        let contents = verify(&tmp, key)?;
        crate::rename::sync_file(&tmp).map_err(|e| failed(&e))?;
        crate::rename::rename_over(&tmp, target).map_err(|e| failed(&e))?;
        if let Some(dir) = target.parent() {
            // The rename itself must survive a power cut.
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(contents)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// How thoroughly a copy is read before it is trusted.
#[derive(Clone, Copy)]
pub(crate) enum Check {
    /// `integrity_check`: every page, and every index against its table. For new copies.
    Full,
    /// `quick_check`: every page, no index cross-check; for a copy fully checked minutes
    /// ago (a staged restore about to be swapped in).
    Quick,
}

/// Opens a registry copy read-only, compares it with the checksum written when it was made
/// (when it has one), runs `integrity_check` and reads what it holds.
pub fn verify(path: &Path, key: Option<&RegistryKey>) -> Result<Contents, BackupError> {
    super::checksum::check(path)?;
    checked(path, key, Check::Full)
}

pub(crate) fn checked(
    path: &Path,
    key: Option<&RegistryKey>,
    depth: Check,
) -> Result<Contents, BackupError> {
    let damaged = |reason: String| BackupError::Damaged {
        path: path.to_path_buf(),
        reason,
    };
    // A local backup made before the registry was encrypted is read without the key.
    let plain = crate::db::is_plain(path).map_err(|e| damaged(e.to_string()))?;
    let key = if plain { None } else { key };
    let conn = crate::db::open_reader(path, key).map_err(|e| damaged(e.to_string()))?;
    // Reading the whole file through memory mapping: integrity_check of a 1 GB registry
    // takes 11 s instead of 14.
    let _ = conn.pragma_update(None, "mmap_size", 1_i64 << 30);
    let pragma = match depth {
        Check::Full => "PRAGMA integrity_check(1)",
        Check::Quick => "PRAGMA quick_check(1)",
    };
    let verdict: String = conn
        .query_row(pragma, [], |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if verdict != "ok" {
        return Err(damaged(verdict));
    }
    super::contents(&conn).map_err(|e| damaged(e.to_string()))
}
