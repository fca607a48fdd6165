//! Encrypting a registry that was written before accounts existed, once, without ever
//! leaving the office with neither a whole plain file nor a whole encrypted one.
//!
//! The plain file is copied, the copy encrypted and checked, and only then does the copy
//! take the registry's name; the plain file is overwritten before it goes. Each step is
//! named by the file it leaves, so that a start after a power cut finishes the job:
//!
//! - `meirim.sqlite3.converting`: a copy being encrypted. Unfinished: overwritten and
//!   removed; the plain registry beside it is still whole, and the conversion runs again.
//! - `meirim.sqlite3.converted`: the encrypted copy, checked. It takes the registry's name
//!   (the plain file it replaces is overwritten first).
//!
//! The same is done for every unencrypted local backup in `backups/`.

use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{is_plain, reencrypt_file, DbError, RegistryKey};
use crate::backup::with_suffix;
use crate::paths;

const CONVERTING: &str = ".converting";
const CONVERTED: &str = ".converted";

fn io_err(path: &Path, e: impl std::fmt::Display) -> DbError {
    DbError::Damaged {
        path: path.to_path_buf(),
        reason: format!("encrypting: {e}"),
    }
}

/// Overwrites a file's bytes with zeros, makes that durable, and removes it. On a disk
/// that remaps blocks (an SSD, a stick) the old blocks may survive elsewhere: the README
/// says so, and what to do about it.
pub fn shred(path: &Path) -> std::io::Result<()> {
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    {
        let mut f = OpenOptions::new().write(true).open(path)?;
        f.seek(SeekFrom::Start(0))?;
        let zeros = vec![0u8; 1 << 20];
        let mut left = len;
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            f.write_all(&zeros[..n])?;
            left -= n as u64;
        }
        f.sync_all()?;
    }
    std::fs::remove_file(path)
}

fn sync_dir(dir: Option<&Path>) {
    if let Some(dir) = dir {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
}

/// The plain files a conversion must encrypt: the registry and its unencrypted backups.
fn plain_files(data_dir: &Path) -> Vec<(PathBuf, Kind)> {
    let mut out = Vec::new();
    let registry = paths::db_path(data_dir);
    if is_plain(&registry).unwrap_or(false) {
        out.push((registry, Kind::Registry));
    }
    out.extend(
        local_backup_files(data_dir)
            .into_iter()
            .filter(|p| is_plain(p).unwrap_or(false))
            .map(|p| (p, Kind::Backup)),
    );
    out
}

/// Every registry copy in `backups/` (any `*.sqlite3`, also one copied in by hand), by
/// name: what encrypting the registry or changing its key must re-encrypt too.
pub(crate) fn local_backup_files(data_dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(paths::backup_dir(data_dir))
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "sqlite3"));
    files.sort();
    files
}

/// Writes `src`, re-encrypted from `from` to `to`, as `tmp` (0600), and checks it before
/// anyone relies on it: whole (`quick_check`), holding what `src` holds, not plain, and
/// durable. `copied` names the pause point between the copy and its re-encryption.
pub(crate) fn reencrypted_copy(
    src: &Path,
    tmp: &Path,
    from: Option<&RegistryKey>,
    to: &RegistryKey,
    copied: &str,
) -> Result<(), DbError> {
    let _ = shred(tmp);
    let before = crate::backup::contents_of(src, from).map_err(|e| io_err(src, e))?;
    {
        let mut dst = crate::private::create_file(tmp).map_err(|e| io_err(src, e))?;
        let mut file = File::open(src).map_err(|e| io_err(src, e))?;
        std::io::copy(&mut file, &mut dst).map_err(|e| io_err(src, e))?;
    }
    crate::pause::point(copied);
    reencrypt_file(tmp, from, Some(to))?;
    {
        let conn = super::open_reader(tmp, Some(to))?;
        super::health(&conn, tmp)?;
    }
    let after = crate::backup::contents_of(tmp, Some(to)).map_err(|e| io_err(src, e))?;
    if before != after || is_plain(tmp).unwrap_or(true) {
        let _ = shred(tmp);
        return Err(io_err(
            src,
            "the re-encrypted copy differs from the original",
        ));
    }
    crate::rename::sync_file(tmp).map_err(|e| io_err(src, e))
}

fn unfinished(data_dir: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![data_dir.to_path_buf(), paths::backup_dir(data_dir)];
    let mut out = Vec::new();
    for dir in dirs.drain(..) {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.ends_with(CONVERTING) || name.ends_with(CONVERTED) {
                    out.push(e.path());
                }
            }
        }
    }
    out.sort();
    out
}

/// Finishes what a killed conversion left: needs no key, so it runs at every start before
/// anything opens the registry.
pub fn finish_interrupted(data_dir: &Path) -> Result<(), DbError> {
    for leftover in unfinished(data_dir) {
        let name = leftover.to_string_lossy().into_owned();
        if name.ends_with(CONVERTING) {
            shred(&leftover).map_err(|e| io_err(&leftover, e))?;
        } else if let Some(target) = name.strip_suffix(CONVERTED) {
            swap_in(&leftover, Path::new(target))?;
        }
    }
    Ok(())
}

/// The checked encrypted copy takes `target`'s name; a plain `target` is overwritten
/// first (a kill between the two leaves the copy, and the next start renames it).
fn swap_in(converted: &Path, target: &Path) -> Result<(), DbError> {
    if is_plain(target).unwrap_or(false) {
        shred(target).map_err(|e| io_err(target, e))?;
    }
    crate::rename::rename_over(converted, target).map_err(|e| io_err(target, e))?;
    sync_dir(target.parent());
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Registry,
    Backup,
}

/// Encrypts one plain file with `key` by way of a checked copy.
fn convert_file(path: &Path, kind: Kind, key: &RegistryKey) -> Result<(), DbError> {
    let converting = with_suffix(path, CONVERTING);
    let converted = with_suffix(path, CONVERTED);
    // The plain file whole, in one file: what a WAL holds goes into it first. (The
    // registry goes back to WAL when it is next opened.)
    {
        let conn = rusqlite::Connection::open(path)?;
        conn.busy_timeout(super::pragmas::BUSY_TIMEOUT)?;
        let _: String =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
    }
    reencrypted_copy(path, &converting, None, key, "convert-copied")?;
    crate::rename::rename_over(&converting, &converted).map_err(|e| io_err(path, e))?;
    sync_dir(path.parent());
    crate::pause::point("convert-checked");
    swap_in(&converted, path)?;
    // A local backup's checksum is of its bytes: the encrypted ones now.
    if kind == Kind::Backup {
        crate::backup::rewrite_checksum(path).map_err(|e| io_err(path, e))?;
    }
    Ok(())
}

/// Encrypts the registry in `data_dir` and its unencrypted local backups with `key`. No
/// connection to the registry may be open. Safe to run again after a kill at any point.
pub fn encrypt_registry(data_dir: &Path, key: &RegistryKey) -> Result<usize, DbError> {
    finish_interrupted(data_dir)?;
    let files = plain_files(data_dir);
    for (file, kind) in &files {
        convert_file(file, *kind, key)?;
    }
    Ok(files.len())
}
