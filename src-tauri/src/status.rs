//! Work the app does behind its window, and what the window is told of it: the registry's
//! check at start-up (the window opens before it, writes wait for it) and the automatic
//! backups (a failure stays on screen until a backup works again; without this it would
//! only reach stderr, which nobody sees in a windowed app).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use meirim_core::backup::{self, health::BackupFailure, Kind};
use serde::Serialize;
use tauri::ipc::Channel;

/// What the window shows of the work behind it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppStatus {
    /// The registry is being read through at start-up; changes wait for it.
    pub checking: bool,
    /// That check found the file damaged: the window shows the restore screen.
    pub damaged: bool,
    pub backup_running: bool,
    pub backup_failure: Option<BackupFailure>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    Checking,
    Ready,
    Damaged,
}

pub struct Status {
    data_dir: PathBuf,
    health: Mutex<Health>,
    settled: Condvar,
    backups_running: AtomicUsize,
    watcher: Mutex<Option<Channel<AppStatus>>>,
    /// The registry's key once it is known, for the backups made on their own connection.
    key: Mutex<Option<meirim_core::db::RegistryKey>>,
}

impl Status {
    pub fn new(data_dir: PathBuf, health: Health) -> Arc<Self> {
        Arc::new(Self {
            data_dir,
            health: Mutex::new(health),
            settled: Condvar::new(),
            backups_running: AtomicUsize::new(0),
            watcher: Mutex::new(None),
            key: Mutex::new(None),
        })
    }

    pub fn set_key(&self, key: Option<meirim_core::db::RegistryKey>) {
        if let Ok(mut k) = self.key.lock() {
            *k = key;
        }
    }

    fn key(&self) -> Option<meirim_core::db::RegistryKey> {
        self.key.lock().ok().and_then(|k| k.clone())
    }

    pub fn health(&self) -> Health {
        self.health.lock().map(|h| *h).unwrap_or(Health::Damaged)
    }

    pub fn set_health(&self, health: Health) {
        if let Ok(mut h) = self.health.lock() {
            *h = health;
        }
        self.settled.notify_all();
        self.tell();
    }

    /// Waits (at most `limit`) while the start-up check runs; returns how it ended.
    pub fn wait_checked(&self, limit: Duration) -> Health {
        let Ok(guard) = self.health.lock() else {
            return Health::Damaged;
        };
        match self
            .settled
            .wait_timeout_while(guard, limit, |h| *h == Health::Checking)
        {
            Ok((h, _)) => *h,
            Err(_) => Health::Damaged,
        }
    }

    pub fn status(&self) -> AppStatus {
        let health = self.health();
        AppStatus {
            checking: health == Health::Checking,
            damaged: health == Health::Damaged,
            backup_running: self.backups_running.load(Ordering::SeqCst) > 0,
            backup_failure: backup::health::last_failure(&self.data_dir),
        }
    }

    /// The window's channel; every change is sent to it from now on.
    pub fn watch(&self, channel: Channel<AppStatus>) -> AppStatus {
        if let Ok(mut w) = self.watcher.lock() {
            *w = Some(channel);
        }
        self.status()
    }

    fn tell(&self) {
        let status = self.status();
        if let Ok(w) = self.watcher.lock() {
            if let Some(channel) = w.as_ref() {
                let _ = channel.send(status);
            }
        }
    }

    /// A manual backup worked (or failed): what the screens show changes too.
    pub fn record_backup<T>(&self, outcome: &Result<T, meirim_core::Problem>) {
        backup::health::record(&self.data_dir, outcome);
        self.tell();
    }

    /// A backup off the window's thread, on its own read connection: the day's (`None`) or
    /// one after a big change.
    pub fn start_backup(self: &Arc<Self>, kind: Option<Kind>) {
        let me = Arc::clone(self);
        me.backups_running.fetch_add(1, Ordering::SeqCst);
        me.tell();
        std::thread::spawn(move || {
            // The core records a failure in the data folder and its log.
            let _ = backup::background(&me.data_dir, me.key().as_ref(), kind);
            me.backups_running.fetch_sub(1, Ordering::SeqCst);
            me.tell();
        });
    }

    /// When the window has closed: lets a backup that already started finish (within
    /// `limit`) instead of leaving half a copy to be swept and begun again next time.
    pub fn wait_backups(&self, limit: Duration) {
        let until = Instant::now() + limit;
        while self.backups_running.load(Ordering::SeqCst) > 0 && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use meirim_core::Database;

    fn registry(dir: &std::path::Path) {
        let mut db = Database::open_in(dir).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        meirim_core::demo::fill(&mut db, 60, 1, day).unwrap();
        db.checkpoint().unwrap();
    }

    #[test]
    fn closing_lets_a_started_backup_finish_whole() {
        let dir = tempfile::tempdir().unwrap();
        registry(dir.path());
        let status = Status::new(dir.path().to_path_buf(), Health::Ready);
        status.start_backup(Some(Kind::Manual));
        assert!(
            status.status().backup_running,
            "running until its thread ends"
        );
        status.wait_backups(Duration::from_secs(60));
        assert!(!status.status().backup_running);
        let files: Vec<String> = std::fs::read_dir(meirim_core::paths::backup_dir(dir.path()))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        // The backup, and the checksum written beside it.
        assert_eq!(files.len(), 2, "{files:?}");
        assert!(
            files.iter().any(|f| f.ends_with("-manual.sqlite3")),
            "{files:?}"
        );
        assert!(files.iter().any(|f| f.ends_with("-manual.sqlite3.sha256")));
        assert!(status.status().backup_failure.is_none());
    }

    #[test]
    fn commands_that_may_write_wait_for_the_start_up_check() {
        let dir = tempfile::tempdir().unwrap();
        registry(dir.path());
        let state = crate::state::AppState::open(Some(dir.path()));
        let admin = meirim_core::accounts::NewAccount {
            login: "admin".into(),
            full_name: "Әкімші".into(),
            role: meirim_core::accounts::Role::Administrator,
            password: "әкімші-пароль".into(),
        };
        // The first administrator encrypts the registry; the next sign-in opens it
        // unchecked, as the app does.
        let (signed, _) = meirim_core::accounts::create_administrator(
            dir.path(),
            &admin,
            meirim_core::accounts::Cost::FAST_FOR_TESTS,
            meirim_core::Check::Now,
        )
        .unwrap();
        drop(signed);
        let signed = meirim_core::accounts::sign_in(
            dir.path(),
            "admin",
            "әкімші-пароль",
            meirim_core::clock::now_utc(),
            meirim_core::Check::Later,
        )
        .unwrap();
        state
            .signed_in(signed, std::time::Duration::from_secs(600))
            .unwrap();
        // Reads work at once; a write goes through once the check has let it.
        let families = state
            .read_db(|db| Ok(meirim_core::first_steps::status(db.conn())?.families))
            .unwrap();
        assert_eq!(families, 60);
        state
            .with_db(|db| Ok(meirim_core::settings::set_idle_minutes(db.conn(), 15)?))
            .unwrap();
        let status = state.status.as_ref().unwrap();
        assert_eq!(status.health(), Health::Ready);
        // The day's backup follows the check; closing waits for it.
        state.close();
        assert!(!status.status().backup_running);
        assert!(meirim_core::paths::backup_dir(dir.path()).exists());
    }
}
