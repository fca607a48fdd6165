//! Forward-only schema migrations (rusqlite_migration, version kept in `PRAGMA user_version`).

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use super::DbError;
use crate::paths;

/// Every shipped migration, in order. Append only; never edit a shipped entry.
pub const MIGRATIONS_SQL: &[(&str, &str)] = &[(
    "0001_initial.sql",
    include_str!("../../migrations/0001_initial.sql"),
)];

/// `PRAGMA application_id` of a Meirim registry ("MEIM").
const APPLICATION_ID: i64 = 0x4D45_494D;

pub fn latest_version() -> usize {
    MIGRATIONS_SQL.len()
}

pub fn user_version(conn: &Connection) -> rusqlite::Result<usize> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(0))
}

pub fn bring_up_to_date(conn: &mut Connection, path: &Path) -> Result<(), DbError> {
    bring_up_to(conn, path, MIGRATIONS_SQL).map(|_| ())
}

/// Applies `list` in one transaction; returns the pre-migration backup's path if one was
/// made. Separate from `bring_up_to_date` so tests can stage a multi-step upgrade.
pub(super) fn bring_up_to(
    conn: &mut Connection,
    path: &Path,
    list: &[(&'static str, &'static str)],
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
        Some(backup_before_migration(conn, path, current, latest)?)
    } else {
        None
    };
    Migrations::new(list.iter().map(|(_, sql)| M::up(sql)).collect()).to_latest(conn)?;
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
    from: usize,
    to: usize,
) -> Result<PathBuf, DbError> {
    let dir = path
        .parent()
        .map(paths::backup_dir)
        .unwrap_or_else(|| PathBuf::from(paths::BACKUP_DIR_NAME));
    std::fs::create_dir_all(&dir).map_err(|source| DbError::DataDir {
        path: dir.clone(),
        source,
    })?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut target = dir.join(format!("before-migration-v{from}-to-v{to}-{stamp}.sqlite3"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!(
            "before-migration-v{from}-to-v{to}-{stamp}-{n}.sqlite3"
        ));
    }
    conn.backup(rusqlite::MAIN_DB, &target, None)
        .map_err(|source| DbError::Backup {
            path: target.clone(),
            source,
        })?;
    Ok(target)
}
