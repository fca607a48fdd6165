//! Restore in two steps. `inspect` stages the backup as a registry file in `restore/`,
//! checks it (integrity, a Meirim file, a schema this app knows — older ones are migrated)
//! and says what it holds beside what the current registry holds. `replace` then keeps the
//! current registry as a backup and swaps the staged file in with one rename, so a power
//! cut leaves either the old registry or the new one, whole.

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::local::{create, Kind};
use super::snapshot::{checked, partial, verify, with_suffix, Check};
use super::{open_sealed, BackupError, Contents, Manifest};
use crate::db::{Database, DbError, RegistryKey};
use crate::paths;
use crate::problem::Problem;

/// Where a restore comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A plain registry file (a local backup).
    Plain(PathBuf),
    /// An encrypted backup file and its passphrase.
    Sealed { path: PathBuf, passphrase: String },
}

/// A backup staged for restore, and what it would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Candidate {
    pub staged: String,
    pub backup: Contents,
    pub current: Option<Contents>,
    pub manifest: Option<Manifest>,
    /// The backup's schema was older and has been brought up to date in the staged copy.
    pub migrated_from: Option<u32>,
    /// Families destroyed since the backup was made, destroyed again in the staged copy.
    pub destroyed_again: u32,
}

fn restore_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("restore")
}

fn staged_path(data_dir: &Path) -> PathBuf {
    restore_dir(data_dir).join("staged.sqlite3")
}

/// Removes a staged restore nobody confirmed: it is a full copy of someone's registry and
/// should not lie about. Called when the app starts, and before staging another.
pub fn discard_staged(data_dir: &Path) {
    let staged = staged_path(data_dir);
    for suffix in ["", ".partial", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&staged, suffix));
    }
}

/// Stages and checks `source`; nothing of the current registry is touched. `key` is the
/// current registry's: the staged copy is encrypted with it, whatever the backup's own.
pub fn inspect(
    data_dir: &Path,
    source: &Source,
    key: Option<&RegistryKey>,
) -> Result<Candidate, Problem> {
    let dir = restore_dir(data_dir);
    crate::private::own_dir(&dir).map_err(|e| BackupError::Write {
        path: dir.clone(),
        reason: e.to_string(),
    })?;
    discard_staged(data_dir);
    let staged = staged_path(data_dir);
    let write_err = |e: std::io::Error| BackupError::Write {
        path: staged.clone(),
        reason: e.to_string(),
    };
    let (manifest, copy_key) = match source {
        Source::Plain(path) => {
            // A local backup is compared with its checksum before anything is copied.
            super::checksum::check(path)?;
            std::fs::copy(path, partial(&staged)).map_err(|e| BackupError::Read {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            // The copy takes the source's mode; a file from a stick may be world-readable.
            crate::private::restrict_file(&partial(&staged)).map_err(write_err)?;
            // A local backup has the registry's key, or none if it was made before the
            // registry was encrypted.
            let plain = crate::db::is_plain(&partial(&staged)).map_err(write_err)?;
            (None, if plain { None } else { key.cloned() })
        }
        Source::Sealed { path, passphrase } => {
            let bytes = std::fs::read(path).map_err(|e| BackupError::Read {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let opened = open_sealed(path, &bytes, passphrase)?;
            let _ = std::fs::remove_file(partial(&staged));
            crate::private::create_file(&partial(&staged))
                .and_then(|mut f| std::io::Write::write_all(&mut f, &opened.registry))
                .map_err(write_err)?;
            (Some(opened.manifest), opened.key)
        }
    };
    let origin = match source {
        Source::Plain(p) | Source::Sealed { path: p, .. } => p.clone(),
    };
    // A copy that is not whole, or not a registry at all, stops here.
    let found = verify(&partial(&staged), copy_key.as_ref()).map_err(|e| match e {
        BackupError::Damaged { reason, .. } => BackupError::Damaged {
            path: origin.clone(),
            reason,
        },
        other => other,
    })?;
    crate::db::reencrypt_file(&partial(&staged), copy_key.as_ref(), key).map_err(|e| {
        BackupError::Write {
            path: staged.clone(),
            reason: e.to_string(),
        }
    })?;
    crate::rename::rename_over(&partial(&staged), &staged).map_err(write_err)?;
    // Opening migrates an older schema and refuses a newer or a foreign file.
    let mut opened =
        Database::open_with(&staged, key, crate::db::Check::Now).map_err(|e| match e {
            DbError::Foreign { .. } => Problem::from(BackupError::NotMeirim(origin.clone())),
            other => Problem::from(other),
        })?;
    // Only Meirim's own schema comes in: an added trigger would otherwise act on every
    // later change (hide audit entries, copy IINs elsewhere) in the restored registry.
    if let Some(object) = schema_difference(opened.conn())? {
        return Err(BackupError::Altered {
            path: origin.clone(),
            object,
        }
        .into());
    }
    // A backup never brings back a person whose data was destroyed after it was made.
    let current_path = paths::db_path(data_dir);
    let list = match crate::db::open_reader(&current_path, key) {
        Ok(conn) if current_path.is_file() => {
            crate::family::destructions(&conn).unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let destroyed_again = crate::family::reapply(&mut opened, &list)?;
    let backup = super::contents(opened.conn()).map_err(DbError::from)?;
    opened.checkpoint()?;
    drop(opened);
    let current = super::contents_of(&paths::db_path(data_dir), key).ok();
    Ok(Candidate {
        staged: staged.display().to_string(),
        migrated_from: (found.schema_version != backup.schema_version)
            .then_some(found.schema_version),
        backup,
        current,
        manifest,
        destroyed_again,
    })
}

/// The first schema object (table, index, trigger, view) in which `conn` differs from a
/// new registry of the same version, named as `type name`; `None` when they are the same.
fn schema_difference(conn: &rusqlite::Connection) -> Result<Option<String>, Problem> {
    fn objects(
        conn: &rusqlite::Connection,
    ) -> rusqlite::Result<std::collections::BTreeMap<(String, String), Option<String>>> {
        // sqlite_* objects (statistics, sequences) are SQLite's own bookkeeping.
        let mut stmt = conn.prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )?;
        let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
        rows.collect()
    }
    let fresh = Database::open_in_memory()?;
    let expected = objects(fresh.conn()).map_err(DbError::from)?;
    let found = objects(conn).map_err(DbError::from)?;
    let differs = found
        .iter()
        .find(|(key, sql)| expected.get(*key) != Some(*sql))
        .map(|(key, _)| key)
        .or_else(|| expected.keys().find(|key| !found.contains_key(*key)));
    Ok(differs.map(|(kind, name)| format!("{kind} {name}")))
}

/// Keeps the current registry as a «before-restore» backup, then puts the staged file in
/// its place with one rename and opens it. `db` is closed on the way: the caller gets the
/// restored registry back.
pub fn replace(
    db: Database,
    data_dir: &Path,
    candidate: &Candidate,
    now: DateTime<Utc>,
) -> Result<Database, Problem> {
    let staged = PathBuf::from(&candidate.staged);
    let key = db.key().cloned();
    // inspect ran the full check; the file has only waited for the user since.
    checked(&staged, key.as_ref(), Check::Quick)?;
    create(&db, Kind::BeforeRestore, now)?;
    let target = paths::db_path(data_dir);
    db.checkpoint()?;
    // Closing the last connection removes the WAL: a WAL left beside the new file would be
    // replayed into it.
    drop(db);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&target, suffix));
    }
    swap_in(&staged, &target, data_dir, key.as_ref())
}

/// The staged file, made durable, takes the registry's name in one rename; then it opens.
fn swap_in(
    staged: &Path,
    target: &Path,
    data_dir: &Path,
    key: Option<&RegistryKey>,
) -> Result<Database, Problem> {
    crate::rename::sync_file(staged).map_err(|e| BackupError::Write {
        path: staged.to_path_buf(),
        reason: e.to_string(),
    })?;
    crate::rename::rename_over(staged, target).map_err(|e| BackupError::Write {
        path: target.to_path_buf(),
        reason: e.to_string(),
    })?;
    let _ = File::open(data_dir).and_then(|d| d.sync_all());
    Ok(Database::open_with(target, key, crate::db::Check::Now)?)
}

/// When the registry itself is damaged (the app would not open it): the damaged file is
/// moved aside — never deleted — as `meirim.sqlite3.damaged-<time>`, and the staged backup
/// takes its place.
pub fn replace_damaged(
    data_dir: &Path,
    candidate: &Candidate,
    key: Option<&RegistryKey>,
    now: DateTime<Utc>,
) -> Result<Database, Problem> {
    let staged = PathBuf::from(&candidate.staged);
    // inspect ran the full check; the file has only waited for the user since.
    checked(&staged, key, Check::Quick)?;
    let target = paths::db_path(data_dir);
    let stamp = now.format("%Y-%m-%dT%H-%M-%SZ");
    for suffix in ["", "-wal", "-shm"] {
        let from = with_suffix(&target, suffix);
        if from.exists() {
            let aside = with_suffix(&target, &format!(".damaged-{stamp}{suffix}"));
            crate::rename::rename_over(&from, &aside).map_err(|e| BackupError::Write {
                path: aside.clone(),
                reason: e.to_string(),
            })?;
        }
    }
    swap_in(&staged, &target, data_dir, key)
}
