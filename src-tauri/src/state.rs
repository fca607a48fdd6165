//! What the commands share: the open registry, or the reason it could not be opened.
//!
//! The registry is opened without reading the whole file (`Check::Later`), so the window
//! and the home screen come at once whatever the registry's size; `PRAGMA quick_check`
//! reads it through on a thread. Until it passes the connection refuses writes, and
//! `with_db` — every command that may write — waits for it; `read_db` serves the home
//! screen's reads meanwhile. A damaged file is closed unwritten and the window is told.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use meirim_core::{paths, Check, Database, ErrorCode, Problem};

use crate::status::{Health, Status};

type Registry = Arc<Mutex<Result<Database, Problem>>>;

/// How long a command waits for the start-up check before giving up (a 1 GB registry is
/// checked in about two seconds; a slow disk may take many times that).
const CHECK_WAIT: Duration = Duration::from_secs(300);

pub struct AppState {
    /// `Err` keeps the app up when the registry cannot be opened (newer schema, foreign or
    /// damaged file), so the window can say why in the user's language instead of vanishing.
    db: Registry,
    pub data_dir: Option<PathBuf>,
    /// Set by `cancel_letter_batch` while a batch prints; outside the registry's lock,
    /// which the printing batch holds.
    pub cancel_batch: AtomicBool,
    /// Set by `cancel_export` while a list is exported, for the same reason.
    pub cancel_export: AtomicBool,
    /// Set by `cancel_import` while a preview or an import runs.
    pub cancel_import: AtomicBool,
    /// The file opened in the import wizard, between its steps.
    pub import: Mutex<Option<crate::commands::imports::ImportSession>>,
    /// The paths offered to the window, by the tokens it hands back (`grants.rs`).
    pub grants: crate::grants::Grants,
    /// The start-up check and the automatic backups (none without a data folder).
    pub status: Option<Arc<Status>>,
    /// The home screen's figures, computed while the window opens.
    pub first_dashboard: Arc<crate::first_screen::FirstDashboard>,
}

fn poisoned() -> Problem {
    Problem::new(ErrorCode::Internal).with("reason", "state lock poisoned")
}

/// Runs one command on the registry. A bug that panics in it fails that command with an
/// internal error instead of taking the window's registry down with it; a transaction it
/// left open is rolled back.
fn run_guarded<T>(
    db: &mut Database,
    f: impl FnOnce(&mut Database) -> Result<T, Problem>,
) -> Result<T, Problem> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *db)));
    result.unwrap_or_else(|_| {
        if !db.conn().is_autocommit() {
            let _ = db.conn().execute_batch("ROLLBACK");
        }
        Err(Problem::new(ErrorCode::Internal).with("reason", "a command failed unexpectedly"))
    })
}

impl AppState {
    pub fn open(flag: Option<&Path>) -> Self {
        let data_dir = paths::resolve_data_dir(flag);
        let db = match &data_dir {
            Ok(dir) => Database::open_in_checked(dir, Check::Later).map_err(Problem::from),
            Err(e) => Err(Problem::new(ErrorCode::DataDirUnusable)
                .with("path", "?")
                .with("reason", e)),
        };
        if let Ok(dir) = &data_dir {
            meirim_core::backup::discard_staged(dir);
        }
        let awaits_check = db.as_ref().is_ok_and(Database::awaits_check);
        let status = data_dir.as_ref().ok().map(|dir| {
            let health = if awaits_check {
                Health::Checking
            } else {
                Health::Ready
            };
            let status = Status::new(dir.clone(), health);
            status.set_key(db.as_ref().ok().and_then(|d| d.key().cloned()));
            status
        });
        let registry: Registry = Arc::new(Mutex::new(db));
        let first_dashboard = Arc::new(crate::first_screen::FirstDashboard::new(
            awaits_check && status.is_some(),
        ));
        if let (Some(status), Ok(dir)) = (&status, &data_dir) {
            if awaits_check {
                check_in_background(
                    Arc::clone(&registry),
                    Arc::clone(status),
                    Arc::clone(&first_dashboard),
                    dir,
                );
            } else if registry.lock().is_ok_and(|g| g.is_ok()) {
                // Already checked (it needed a schema upgrade): the day's backup.
                status.start_backup(None);
            }
        }
        Self {
            db: registry,
            data_dir: data_dir.ok(),
            cancel_batch: AtomicBool::new(false),
            cancel_export: AtomicBool::new(false),
            cancel_import: AtomicBool::new(false),
            import: Mutex::new(None),
            grants: crate::grants::Grants::default(),
            status,
            first_dashboard,
        }
    }

    /// Runs `f` with exclusive use of the registry, once the start-up check has passed.
    /// SQLite writes are serial anyway; one connection behind a mutex keeps transactions
    /// simple.
    pub fn with_db<T>(
        &self,
        f: impl FnOnce(&mut Database) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        if let Some(status) = &self.status {
            status.wait_checked(CHECK_WAIT);
        }
        self.read_db(f)
    }

    /// `with_db` without waiting for the start-up check: for the reads the first screen
    /// needs. The connection refuses writes until the check has passed, so a write here
    /// fails rather than touching a file not yet known to be whole.
    pub fn read_db<T>(
        &self,
        f: impl FnOnce(&mut Database) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        // A lock poisoned by a panic elsewhere is taken back: the registry behind it is
        // whole (SQLite rolled back what was unfinished), and refusing every later command
        // until a restart would be worse.
        let mut guard = self.db.lock().unwrap_or_else(|e| {
            self.db.clear_poison();
            e.into_inner()
        });
        match guard.as_mut() {
            Ok(db) => run_guarded(db, f),
            Err(p) => Err(p.clone()),
        }
    }

    /// Replaces the open registry (a restore): `f` gets the current one — `None` when it
    /// could not be opened, e.g. damaged — and returns the new one. If `f` fails, the
    /// registry on disk is opened again, so the window keeps a registry either way.
    pub fn reopen_with(
        &self,
        f: impl FnOnce(Option<Database>) -> Result<Database, Problem>,
    ) -> Result<(), Problem> {
        let mut guard = self.db.lock().map_err(|_| poisoned())?;
        let placeholder = Err(Problem::new(ErrorCode::Internal).with("reason", "restoring"));
        let current = std::mem::replace(&mut *guard, placeholder).ok();
        let outcome = match f(current) {
            Ok(db) => {
                *guard = Ok(db);
                Ok(())
            }
            Err(p) => {
                *guard = match &self.data_dir {
                    Some(dir) => Database::open_in(dir).map_err(Problem::from),
                    None => Err(p.clone()),
                };
                Err(p)
            }
        };
        // The registry in place was checked as it was opened.
        if let (Some(status), Ok(_)) = (&self.status, guard.as_ref()) {
            status.set_health(Health::Ready);
        }
        outcome
    }

    /// Called when the app exits normally: let a running automatic backup finish (the
    /// window is already gone), then fold the WAL into the registry file.
    pub fn close(&self) {
        if let Some(status) = &self.status {
            status.wait_backups(Duration::from_secs(180));
        }
        if let Ok(guard) = self.db.lock() {
            if let Ok(db) = guard.as_ref() {
                if db.awaits_check() {
                    return;
                }
                if let Err(e) = db.checkpoint() {
                    eprintln!("Meirim: could not checkpoint the registry on exit: {e}");
                }
            }
        }
    }

    /// The open registry's key (`None`: unencrypted, or no registry open).
    pub fn registry_key(&self) -> Option<meirim_core::db::RegistryKey> {
        let guard = self.db.lock().ok()?;
        guard.as_ref().ok()?.key().cloned()
    }

    pub fn startup_problem(&self) -> Option<Problem> {
        match self.db.lock() {
            Ok(g) => g.as_ref().err().cloned(),
            Err(_) => Some(poisoned()),
        }
    }
}

/// While the window opens: the home screen's figures first (they are what the user waits
/// for), then the whole registry read through (`quick_check`) on its own connection; then
/// the app's connection may write and the day's backup starts — or, for a damaged file, it
/// is closed unwritten, the reason logged and the window shows the restore screen.
fn check_in_background(
    registry: Registry,
    status: Arc<Status>,
    first_dashboard: Arc<crate::first_screen::FirstDashboard>,
    data_dir: &Path,
) {
    let data_dir = data_dir.to_path_buf();
    std::thread::spawn(move || {
        let path = paths::db_path(&data_dir);
        first_dashboard.compute(&path, None, meirim_core::clock::today());
        let outcome = meirim_core::db::check_file(&path, None);
        let Ok(mut guard) = registry.lock() else {
            status.set_health(Health::Damaged);
            return;
        };
        match outcome {
            Ok(()) => {
                let allowed = match guard.as_ref() {
                    Ok(db) => db.allow_writes().map_err(Problem::from),
                    Err(p) => Err(p.clone()),
                };
                drop(guard);
                match allowed {
                    Ok(()) => {
                        // Counted as running before anyone may see the registry ready, so
                        // a window closed at once still waits for it.
                        status.start_backup(None);
                        status.set_health(Health::Ready);
                    }
                    Err(p) => {
                        meirim_core::log::append(&data_dir, "open-failed", &p.to_string());
                        status.set_health(Health::Ready);
                    }
                }
            }
            Err(e) => {
                let problem = Problem::from(e);
                meirim_core::log::append(&data_dir, "registry-damaged", &problem.to_string());
                // Dropping the connection writes nothing: it was opened to read only.
                *guard = Err(problem);
                drop(guard);
                status.set_health(Health::Damaged);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_that_panics_fails_alone_and_the_next_one_works() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(Some(dir.path()));
        let failed: Result<(), Problem> = state.with_db(|db| {
            db.conn()
                .execute_batch("BEGIN; CREATE TABLE t (x)")
                .unwrap();
            panic!("a bug in a command");
        });
        assert_eq!(failed.unwrap_err().code, ErrorCode::Internal);
        let tables: i64 = state
            .with_db(|db| {
                Ok(db
                    .conn()
                    .query_row(
                        "SELECT count(*) FROM sqlite_master WHERE name = 't'",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap())
            })
            .unwrap();
        assert_eq!(tables, 0, "the unfinished transaction was rolled back");
        state.close();
    }
}
