//! Backups an office cannot get wrong: consistent local snapshots made on their own (at
//! start-up once a day, after big operations) and rotated; a one-click encrypted copy for a
//! USB stick; restore that shows what it brings back and keeps the current data first.

mod checksum;
pub mod health;
mod leftovers;
mod local;
mod restore;
pub(crate) mod sealed;
mod snapshot;

use std::path::PathBuf;

use rusqlite::Connection;
use serde::Serialize;

use crate::problem::{ErrorCode, Problem};

pub use leftovers::sweep_leftovers;
pub use local::{
    auto_if_due, auto_if_due_in, background, create, create_in, list, list_in, prune, Kind,
    LocalBackup, Retention,
};
pub use restore::{discard_staged, inspect, replace, replace_damaged, Candidate, Source};
pub use sealed::{
    open_sealed, record_sealed, seal, sealed_file_name, Manifest, MIN_PASSPHRASE, SEALED_EXTENSION,
};
pub(crate) use snapshot::with_suffix;
pub use snapshot::{snapshot, verify};

/// What a registry file holds, shown beside each backup and before a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Contents {
    pub schema_version: u32,
    pub office: String,
    pub families: u32,
    pub members: u32,
    pub deliveries: u32,
    pub volunteers: u32,
    /// The latest change recorded in the audit log or on a family (RFC 3339).
    pub newest_change: Option<String>,
}

pub(crate) fn contents(conn: &Connection) -> rusqlite::Result<Contents> {
    let count = |table: &str| -> rusqlite::Result<u32> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
    };
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let office: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'office.name'",
            [],
            |r| r.get(0),
        )
        .ok();
    Ok(Contents {
        schema_version: version as u32,
        office: office.unwrap_or_default(),
        families: count("families")?,
        members: count("members")?,
        deliveries: count("deliveries").unwrap_or(0),
        volunteers: count("volunteers").unwrap_or(0),
        newest_change: conn.query_row(
            "SELECT max(t) FROM (SELECT max(at) AS t FROM audit_log
                                 UNION ALL SELECT max(updated_at) FROM families)",
            [],
            |r| r.get(0),
        )?,
    })
}

/// Writes a local backup's checksum file anew (after its bytes were encrypted in place).
pub(crate) fn rewrite_checksum(path: &std::path::Path) -> Result<(), BackupError> {
    checksum::write(path)
}

/// What the registry file at `path` holds, read without writing to it.
pub fn contents_of(
    path: &std::path::Path,
    key: Option<&crate::db::RegistryKey>,
) -> Result<Contents, BackupError> {
    let read = |e: rusqlite::Error| BackupError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let plain = crate::db::is_plain(path).map_err(|e| BackupError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let conn = crate::db::open_reader(path, if plain { None } else { key }).map_err(read)?;
    contents(&conn).map_err(read)
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("could not write the backup {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("the backup {path} is damaged: {reason}")]
    Damaged { path: PathBuf, reason: String },
    #[error("wrong passphrase, or not a Meirim backup")]
    WrongPassphrase,
    #[error("the passphrase is too short")]
    PassphraseShort,
    #[error("not a Meirim backup: {0}")]
    NotMeirim(PathBuf),
    #[error("the backup {path} was changed outside Meirim: {object}")]
    Altered { path: PathBuf, object: String },
    #[error("made by a newer Meirim (schema {found}, this one knows {supported})")]
    Newer { found: u32, supported: u32 },
    #[error("could not read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
}

impl From<BackupError> for Problem {
    fn from(e: BackupError) -> Self {
        match e {
            BackupError::Write { path, reason } => Problem::new(ErrorCode::BackupWriteFailed)
                .with("path", path.display())
                .with("reason", reason),
            BackupError::Damaged { path, reason } => Problem::new(ErrorCode::BackupDamaged)
                .with("path", path.display())
                .with("reason", reason),
            BackupError::WrongPassphrase => Problem::new(ErrorCode::BackupWrongPassphrase),
            BackupError::PassphraseShort => {
                Problem::new(ErrorCode::BackupPassphraseShort).with("min", MIN_PASSPHRASE)
            }
            BackupError::NotMeirim(path) => {
                Problem::new(ErrorCode::BackupNotMeirim).with("path", path.display())
            }
            BackupError::Altered { path, object } => Problem::new(ErrorCode::BackupAltered)
                .with("path", path.display())
                .with("object", object),
            BackupError::Newer { found, supported } => Problem::new(ErrorCode::DbNewerThanApp)
                .with("found", found)
                .with("supported", supported),
            BackupError::Read { path, reason } => Problem::new(ErrorCode::BackupReadFailed)
                .with("path", path.display())
                .with("reason", reason),
        }
    }
}
