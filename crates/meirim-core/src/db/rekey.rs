//! Changing the registry's key (after a worker left who might have kept it): the registry
//! is copied under the new key with SQLite's backup API, checked, and renamed over the
//! old file; then each local backup is re-encrypted by way of a checked copy. `meirim.keys`
//! holds both keys while this runs (`accounts::rotate_key`), so a power cut at any step
//! leaves a registry that the next sign-in opens — and finishes (`finish`) or forgets
//! (the new key, when the registry never got it).

use std::path::Path;

use super::{copy_to, is_plain, open_reader, Check, Database, DbError, RegistryKey};
use crate::backup::with_suffix;
use crate::paths;

const REKEYING: &str = ".rekeying";

fn failed(path: &Path, e: impl std::fmt::Display) -> DbError {
    DbError::Damaged {
        path: path.to_path_buf(),
        reason: format!("changing the key: {e}"),
    }
}

/// Whether `key` opens the SQLite file at `path`.
pub fn opens(path: &Path, key: &RegistryKey) -> bool {
    open_reader(path, Some(key))
        .and_then(|c| {
            c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
        })
        .is_ok()
}

/// Copies of a change cut short: encrypted with one key or the other, never plain, and of
/// no use once the change is settled.
pub fn remove_leftovers(data_dir: &Path) {
    for dir in [data_dir.to_path_buf(), paths::backup_dir(data_dir)] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let leftover = [
                    REKEYING,
                    ".rekeying-journal",
                    ".rekeying-wal",
                    ".rekeying-shm",
                ]
                .iter()
                .any(|end| name.ends_with(end));
                if leftover {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
}

/// Puts the registry under `next`: `db` (open with the current key) is closed on the way
/// and the registry is opened again with `next`. Nothing else may have the file open.
pub fn rotate(db: Database, data_dir: &Path, next: &RegistryKey) -> Result<Database, DbError> {
    let old = db
        .key()
        .cloned()
        .ok_or_else(|| failed(db.path(), "the registry is not encrypted"))?;
    let target = paths::db_path(data_dir);
    let tmp = with_suffix(&target, REKEYING);
    let _ = std::fs::remove_file(&tmp);
    db.checkpoint()?;
    crate::private::create_file(&tmp).map_err(|e| failed(&tmp, e))?;
    copy_to(db.conn(), Some(next), &tmp)?;
    {
        // One self-contained file (the copied header asks for WAL): no `-wal` beside it to
        // leave behind; the registry goes back to WAL when it is next opened.
        let conn = rusqlite::Connection::open(&tmp)?;
        next.apply(&conn)?;
        let _: String =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
    }
    let expected =
        crate::backup::contents_of(&target, Some(&old)).map_err(|e| failed(&target, e))?;
    {
        let conn = open_reader(&tmp, Some(next))?;
        super::health(&conn, &tmp)?;
    }
    let got = crate::backup::contents_of(&tmp, Some(next)).map_err(|e| failed(&tmp, e))?;
    if got != expected {
        let _ = std::fs::remove_file(&tmp);
        return Err(failed(&target, "the copy under the new key differs"));
    }
    crate::rename::sync_file(&tmp).map_err(|e| failed(&tmp, e))?;
    crate::pause::point("rekey-copied");
    // The last connection closing removes the WAL; one left beside the new file would be
    // replayed into it.
    drop(db);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&target, suffix));
    }
    crate::rename::rename_over(&tmp, &target).map_err(|e| failed(&target, e))?;
    if let Some(dir) = target.parent() {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    crate::pause::point("rekey-swapped");
    finish(data_dir, &old, next)?;
    Database::open_in_with(data_dir, Some(next), Check::Now)
}

/// Re-encrypts every local backup still under `old` to `next`, each by a checked copy.
pub fn finish(data_dir: &Path, old: &RegistryKey, next: &RegistryKey) -> Result<usize, DbError> {
    remove_leftovers(data_dir);
    let mut done = 0;
    for b in super::convert::local_backup_files(data_dir) {
        if is_plain(&b).unwrap_or(true) || !opens(&b, old) {
            continue;
        }
        let tmp = with_suffix(&b, REKEYING);
        super::convert::reencrypted_copy(&b, &tmp, Some(old), next, "rekey-backup-copied")?;
        crate::rename::rename_over(&tmp, &b).map_err(|e| failed(&b, e))?;
        crate::backup::rewrite_checksum(&b).map_err(|e| failed(&b, e))?;
        done += 1;
    }
    Ok(done)
}
