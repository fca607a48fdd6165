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
}

impl Status {
    pub fn new(data_dir: PathBuf, health: Health) -> Arc<Self> {
        Arc::new(Self {
            data_dir,
            health: Mutex::new(health),
            settled: Condvar::new(),
            backups_running: AtomicUsize::new(0),
            watcher: Mutex::new(None),
        })
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
            let _ = backup::background(&me.data_dir, kind);
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
