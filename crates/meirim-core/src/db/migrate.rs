//! Forward-only schema migrations (rusqlite_migration, version kept in `PRAGMA user_version`).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction};
use rusqlite_migration::{HookError, Migrations, M};

use super::{DbError, RegistryKey};
use crate::paths;

/// Rust run after a migration's SQL, in its transaction, for data SQL cannot compute.
pub type Hook = fn(&Transaction<'_>) -> Result<(), HookError>;

#[derive(Clone, Copy)]
pub struct Migration {
    pub name: &'static str,
    pub sql: &'static str,
    pub hook: Option<Hook>,
}

/// Every shipped migration, in order. Append only; never edit a shipped entry.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        name: "0001_initial.sql",
        sql: include_str!("../../migrations/0001_initial.sql"),
        hook: None,
    },
    Migration {
        name: "0002_registry.sql",
        sql: include_str!("../../migrations/0002_registry.sql"),
        hook: Some(super::backfill::registry_0002),
    },
    Migration {
        name: "0003_aid.sql",
        sql: include_str!("../../migrations/0003_aid.sql"),
        hook: None,
    },
    Migration {
        name: "0004_letters.sql",
        sql: include_str!("../../migrations/0004_letters.sql"),
        hook: None,
    },
    Migration {
        name: "0005_imports.sql",
        sql: include_str!("../../migrations/0005_imports.sql"),
        hook: None,
    },
    Migration {
        name: "0006_languages.sql",
        sql: include_str!("../../migrations/0006_languages.sql"),
        hook: None,
    },
    Migration {
        name: "0007_destructions.sql",
        sql: include_str!("../../migrations/0007_destructions.sql"),
        hook: None,
    },
    Migration {
        name: "0008_accounts.sql",
        sql: include_str!("../../migrations/0008_accounts.sql"),
        hook: None,
    },
    Migration {
        name: "0009_district.sql",
        sql: include_str!("../../migrations/0009_district.sql"),
        hook: Some(super::backfill::office_0009),
    },
    Migration {
        name: "0010_aid_indexes.sql",
        sql: include_str!("../../migrations/0010_aid_indexes.sql"),
        hook: None,
    },
    Migration {
        name: "0011_volunteer_campaigns.sql",
        sql: include_str!("../../migrations/0011_volunteer_campaigns.sql"),
        hook: None,
    },
    Migration {
        name: "0012_duplicate_keys.sql",
        sql: include_str!("../../migrations/0012_duplicate_keys.sql"),
        hook: None,
    },
];

/// `PRAGMA application_id` of a Meirim registry ("MEIM").
const APPLICATION_ID: i64 = 0x4D45_494D;

pub fn latest_version() -> usize {
    MIGRATIONS.len()
}

pub fn user_version(conn: &Connection) -> rusqlite::Result<usize> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(0))
}

pub fn bring_up_to_date(
    conn: &mut Connection,
    path: &Path,
    key: Option<&RegistryKey>,
) -> Result<(), DbError> {
    bring_up_to(conn, path, key, MIGRATIONS).map(|_| ())
}

/// Applies `list` in one transaction; returns the pre-migration backup's path if one was
/// made. Separate from `bring_up_to_date` so tests can stage a multi-step upgrade.
pub(super) fn bring_up_to(
    conn: &mut Connection,
    path: &Path,
    key: Option<&RegistryKey>,
    list: &[Migration],
) -> Result<Option<PathBuf>, DbError> {
    let current = user_version(conn)?;
    let latest = list.len();
    if current > latest {
        return Err(DbError::NewerThanApp {
            found: current,
            supported: latest,
        });
    }
    refuse_foreign(conn, path, current)?;
    if current == latest {
        return Ok(None);
    }
    let backup = if current > 0 {
        Some(backup_before_migration(conn, path, key, current, latest)?)
    } else {
        None
    };
    let steps = list
        .iter()
        .map(|m| match m.hook {
            Some(hook) => M::up_with_hook(m.sql, hook),
            None => M::up(m.sql),
        })
        .collect();
    Migrations::new(steps).to_latest(conn)?;
    Ok(backup)
}

/// Migrating someone else's SQLite file would mix our tables into it; refuse instead.
fn refuse_foreign(conn: &Connection, path: &Path, current: usize) -> Result<(), DbError> {
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let foreign = if current == 0 {
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        objects > 0 || app_id != 0
    } else {
        app_id != APPLICATION_ID
    };
    if foreign {
        return Err(DbError::Foreign {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Copies the file with SQLite's online backup API (consistent even with WAL) to
/// `backups/before-migration-v{from}-to-v{to}-{utc time}.sqlite3`. Never overwrites.
fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    key: Option<&RegistryKey>,
    from: usize,
    to: usize,
) -> Result<PathBuf, DbError> {
    let dir = path
        .parent()
        .map(paths::backup_dir)
        .unwrap_or_else(|| PathBuf::from(paths::BACKUP_DIR_NAME));
    crate::private::own_dir(&dir).map_err(|source| DbError::DataDir {
        path: dir.clone(),
        source,
    })?;
    let stamp = crate::clock::now_utc().format("%Y%m%dT%H%M%SZ");
    let mut target = dir.join(format!("before-migration-v{from}-to-v{to}-{stamp}.sqlite3"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!(
            "before-migration-v{from}-to-v{to}-{stamp}-{n}.sqlite3"
        ));
    }
    super::copy_to(conn, key, &target).map_err(|source| DbError::Backup {
        path: target.clone(),
        source,
    })?;
    Ok(target)
}
