//! Opening the registry file: connection settings, schema migrations and the safety
//! checks around them. Everything else gets a ready `Database`.

mod backfill;
pub mod convert;
mod key;
mod migrate;
mod pragmas;
pub mod rekey;

use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::Connection;

pub use key::{is_plain, reencrypt_file, KeyTextError, RegistryKey};
pub use migrate::{latest_version, Migration, MIGRATIONS};

use crate::paths;
use crate::problem::{ErrorCode, Problem};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create or use the data folder {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path} is not a Meirim database")]
    Foreign { path: PathBuf },
    #[error("the database {path} is damaged: {reason}")]
    Damaged { path: PathBuf, reason: String },
    #[error("the database has schema version {found}; this Meirim knows up to {supported}")]
    NewerThanApp { found: usize, supported: usize },
    #[error("could not back up the database to {path} before upgrading it: {source}")]
    Backup {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the database upgrade failed and was rolled back: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl From<DbError> for Problem {
    fn from(e: DbError) -> Self {
        match e {
            DbError::DataDir { path, source } => Problem::new(ErrorCode::DataDirUnusable)
                .with("path", path.display())
                .with("reason", source),
            DbError::Open { path, source } => Problem::new(ErrorCode::DbOpenFailed)
                .with("path", path.display())
                .with("reason", source),
            DbError::Foreign { path } => Problem::new(ErrorCode::DbOpenFailed)
                .with("path", path.display())
                .with("reason", "not a Meirim database"),
            DbError::Damaged { path, reason } => Problem::new(ErrorCode::DbDamaged)
                .with("path", path.display())
                .with("reason", reason),
            DbError::NewerThanApp { found, supported } => Problem::new(ErrorCode::DbNewerThanApp)
                .with("found", found)
                .with("supported", supported),
            DbError::Backup { path, source } => Problem::new(ErrorCode::DbBackupFailed)
                .with("path", path.display())
                .with("reason", source),
            DbError::Migration(e) => Problem::new(ErrorCode::DbMigrationFailed).with("reason", e),
            DbError::Sqlite(e) => Problem::new(ErrorCode::Storage).with("reason", e),
        }
    }
}

/// `PRAGMA quick_check` before anything writes: a damaged file is left exactly as it is,
/// for a restore to put aside.
fn health(conn: &Connection, path: &Path) -> Result<(), DbError> {
    let damaged = |reason: String| DbError::Damaged {
        path: path.to_path_buf(),
        reason,
    };
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(damaged(verdict))
    }
}

/// When the whole file is read through before `open` returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Now: `quick_check` first (the CLI, a restore).
    Now,
    /// Later, by the caller (`check_file` on another connection): the connection opens at
    /// once and refuses writes until `allow_writes`. A file that needs a schema upgrade is
    /// still checked first, since the upgrade writes.
    Later,
}

/// `quick_check` of the registry at `path` on a connection of its own: for the app, which
/// opened its own with `Check::Later` and shows the window meanwhile.
pub fn check_file(path: &Path, key: Option<&RegistryKey>) -> Result<(), DbError> {
    let conn = open_reader(path, key).map_err(|source| DbError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    health(&conn, path)
}

/// A read-only connection to the registry at `path` for work that reads for long beside
/// the app's own connection (a check, a backup, figures): WAL lets it read while the other
/// writes, and it waits for a lock as the main connection does. `key` is the registry's
/// (a local backup has the same), `None` for an unencrypted file.
pub fn open_reader(path: &Path, key: Option<&RegistryKey>) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if let Some(key) = key {
        key.apply(&conn)?;
    }
    conn.busy_timeout(pragmas::BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Copies the main database of `conn` to a new file `target` with SQLite's backup API,
/// encrypted with `key` (the source's own, or another: pages are re-encrypted as they are
/// copied) or unencrypted with `None` (only from an unencrypted source).
pub fn copy_to(
    conn: &Connection,
    key: Option<&RegistryKey>,
    target: &Path,
) -> rusqlite::Result<()> {
    let mut dst = Connection::open(target)?;
    if let Some(key) = key {
        key.apply(&dst)?;
    }
    let backup = rusqlite::backup::Backup::new(conn, &mut dst)?;
    backup.run_to_completion(1024, std::time::Duration::from_millis(20), None)
}

/// Every row of every table of the registry as text («table: cell | cell …»), tables by
/// name and rows sorted, so two registries compare whatever order SQLite stores rows in:
/// how tests tell that two registries hold the same data (the demo's determinism, a
/// restore). The search index's shadow tables are left out; they follow the tables.
pub fn rows_as_text(conn: &Connection) -> Result<Vec<String>, DbError> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'family_search%'
             ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\""))?;
        let width = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let cells = (0..width)
                    .map(|i| r.get_ref(i).map(|v| format!("{v:?}")))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(format!("{t}: {}", cells.join(" | ")))
            })?
            .collect::<Result<_, _>>()?;
        rows.sort();
        out.extend(rows);
    }
    Ok(out)
}

/// An open, configured, up-to-date registry.
#[derive(Debug)]
pub struct Database {
    conn: Connection,
    path: PathBuf,
    /// The key the file is encrypted with; `None` for an unencrypted registry (one from
    /// before accounts, until it is converted, and the tests' own).
    key: Option<RegistryKey>,
}

impl Database {
    /// Opens (creating if absent) `meirim.sqlite3` inside `data_dir`.
    pub fn open_in(data_dir: &Path) -> Result<Self, DbError> {
        Self::open_in_checked(data_dir, Check::Now)
    }

    /// `open_in`, with the file's check now or left to the caller.
    pub fn open_in_checked(data_dir: &Path, check: Check) -> Result<Self, DbError> {
        Self::open_in_with(data_dir, None, check)
    }

    /// `open_in_checked` for a registry encrypted with `key` (`None`: unencrypted).
    pub fn open_in_with(
        data_dir: &Path,
        key: Option<&RegistryKey>,
        check: Check,
    ) -> Result<Self, DbError> {
        crate::private::create_dir(data_dir).map_err(|source| DbError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let db = Self::open_with(&paths::db_path(data_dir), key, check)?;
        // What a backup or a restore killed part-way left: never kept, since a sealing
        // copy is the whole registry unencrypted.
        crate::backup::sweep_leftovers(data_dir);
        Ok(db)
    }

    /// Opens a registry file and brings its schema up to date. An existing file is copied to
    /// `backups/` beside it before any migration touches it; a file from a newer Meirim or
    /// a foreign SQLite file is refused untouched. Nothing here ever deletes a database.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        Self::open_with(path, None, Check::Now)
    }

    /// `open` for a file encrypted with `key` (`None`: unencrypted), checked now or later.
    pub fn open_with(
        path: &Path,
        key: Option<&RegistryKey>,
        check: Check,
    ) -> Result<Self, DbError> {
        let mut conn = Connection::open(path).map_err(|source| DbError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        if let Some(key) = key {
            key.apply(&conn).map_err(|source| DbError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        }
        // The registry and the WAL and shared-memory files SQLite makes beside it (with
        // the registry's mode) are readable by this user only.
        for suffix in ["", "-wal", "-shm"] {
            let file = crate::backup::with_suffix(path, suffix);
            if file.exists() {
                let _ = crate::private::restrict_file(&file);
            }
        }
        pragmas::configure(&conn, key.is_some()).map_err(|source| {
            match source.sqlite_error_code() {
                // A file whose first page is garbage: damaged, not merely unopenable.
                Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
                    DbError::Damaged {
                        path: path.to_path_buf(),
                        reason: source.to_string(),
                    }
                }
                _ => DbError::Open {
                    path: path.to_path_buf(),
                    source,
                },
            }
        })?;
        let upgrade = migrate::user_version(&conn)? < migrate::latest_version();
        if check == Check::Now || upgrade {
            health(&conn, path)?;
        }
        migrate::bring_up_to_date(&mut conn, path, key)?;
        if check == Check::Later && !upgrade {
            // Nothing may be written to a file not yet known to be whole: no statement, and
            // no checkpoint of the WAL into it when the connection closes.
            conn.pragma_update(None, "query_only", true)?;
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        }
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            key: key.cloned(),
        })
    }

    /// Lets the connection write again, once `check_file` has passed.
    pub fn allow_writes(&self) -> Result<(), DbError> {
        self.conn.pragma_update(None, "query_only", false)?;
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        Ok(())
    }

    /// Whether this connection still waits for its file's check (`Check::Later`).
    pub fn awaits_check(&self) -> bool {
        self.conn
            .pragma_query_value(None, "query_only", |r| r.get::<_, bool>(0))
            .unwrap_or(false)
    }

    /// A private in-memory registry, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self, DbError> {
        let mut conn = Connection::open_in_memory()?;
        pragmas::configure(&conn, false)?;
        migrate::bring_up_to_date(&mut conn, Path::new(":memory:"), None)?;
        Ok(Self {
            conn,
            path: PathBuf::from(":memory:"),
            key: None,
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The key the registry is encrypted with, for the other connections that read it or
    /// its local backups.
    pub fn key(&self) -> Option<&RegistryKey> {
        self.key.as_ref()
    }

    /// Moves everything from the WAL into the main file and empties the WAL, so the file
    /// alone holds all data (someone may copy just `meirim.sqlite3` to a stick).
    /// Moves everything out of the WAL and empties it; `false` when a reader elsewhere
    /// kept it from finishing within the busy timeout (its old pages are still there).
    pub fn checkpoint_complete(&self) -> Result<bool, DbError> {
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        Ok(busy == 0)
    }

    pub fn checkpoint(&self) -> Result<(), DbError> {
        self.checkpoint_complete().map(|_| ())
    }

    pub fn schema_version(&self) -> Result<usize, DbError> {
        Ok(migrate::user_version(&self.conn)?)
    }
}

#[cfg(test)]
mod tests;
