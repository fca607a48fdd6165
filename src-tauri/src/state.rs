//! What the commands share: the open registry, or the reason it could not be opened.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;

use meirim_core::{paths, Database, ErrorCode, Problem};

pub struct AppState {
    /// `Err` keeps the app up when the registry cannot be opened (newer schema, foreign or
    /// damaged file), so the window can say why in the user's language instead of vanishing.
    db: Mutex<Result<Database, Problem>>,
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
    /// The automatic backups and what the window is told of them (none without a folder).
    pub backups: Option<std::sync::Arc<crate::backup_monitor::BackupMonitor>>,
}

impl AppState {
    pub fn open(flag: Option<&Path>) -> Self {
        let data_dir = paths::resolve_data_dir(flag);
        let db = match &data_dir {
            Ok(dir) => Database::open_in(dir).map_err(Problem::from),
            Err(e) => Err(Problem::new(ErrorCode::DataDirUnusable)
                .with("path", "?")
                .with("reason", e)),
        };
        if let Ok(dir) = &data_dir {
            meirim_core::backup::discard_staged(dir);
        }
        let backups = data_dir
            .as_ref()
            .ok()
            .map(|dir| crate::backup_monitor::BackupMonitor::new(dir.clone()));
        if let (Ok(_), Some(monitor)) = (&db, &backups) {
            // The day's backup, on its own read connection so the window opens at once.
            monitor.start(None);
        }
        Self {
            db: Mutex::new(db),
            data_dir: data_dir.ok(),
            cancel_batch: AtomicBool::new(false),
            cancel_export: AtomicBool::new(false),
            cancel_import: AtomicBool::new(false),
            import: Mutex::new(None),
            backups,
        }
    }

    /// Runs `f` with exclusive use of the registry. SQLite writes are serial anyway; one
    /// connection behind a mutex keeps transactions simple.
    pub fn with_db<T>(
        &self,
        f: impl FnOnce(&mut Database) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        let mut guard = self
            .db
            .lock()
            .map_err(|_| Problem::new(ErrorCode::Internal).with("reason", "state lock poisoned"))?;
        match guard.as_mut() {
            Ok(db) => f(db),
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
        let mut guard = self
            .db
            .lock()
            .map_err(|_| Problem::new(ErrorCode::Internal).with("reason", "state lock poisoned"))?;
        let placeholder = Err(Problem::new(ErrorCode::Internal).with("reason", "restoring"));
        let current = std::mem::replace(&mut *guard, placeholder).ok();
        match f(current) {
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
        }
    }

    /// Called when the app exits normally: let a running automatic backup finish (the
    /// window is already gone), then fold the WAL into the registry file.
    pub fn close(&self) {
        if let Some(monitor) = &self.backups {
            monitor.wait_idle(std::time::Duration::from_secs(180));
        }
        if let Ok(guard) = self.db.lock() {
            if let Ok(db) = guard.as_ref() {
                if let Err(e) = db.checkpoint() {
                    eprintln!("Meirim: could not checkpoint the registry on exit: {e}");
                }
            }
        }
    }

    pub fn startup_problem(&self) -> Option<Problem> {
        match self.db.lock() {
            Ok(g) => g.as_ref().err().cloned(),
            Err(_) => Some(Problem::new(ErrorCode::Internal).with("reason", "state lock poisoned")),
        }
    }
}
