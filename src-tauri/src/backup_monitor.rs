//! The automatic backups the app runs on its own threads, and what the window is told
//! about them: whether one is running, and the last failure (kept in the data folder by the
//! core until a backup works again). Without this, a failed backup would only reach stderr,
//! which nobody sees in a windowed app.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use meirim_core::backup::{self, health::BackupFailure, Kind};
use serde::Serialize;
use tauri::ipc::Channel;

/// What the home and backups screens show.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct BackupStatus {
    pub running: bool,
    pub failure: Option<BackupFailure>,
}

pub struct BackupMonitor {
    data_dir: PathBuf,
    running: AtomicUsize,
    watcher: Mutex<Option<Channel<BackupStatus>>>,
}

impl BackupMonitor {
    pub fn new(data_dir: PathBuf) -> Arc<Self> {
        Arc::new(Self {
            data_dir,
            running: AtomicUsize::new(0),
            watcher: Mutex::new(None),
        })
    }

    pub fn status(&self) -> BackupStatus {
        BackupStatus {
            running: self.running.load(Ordering::SeqCst) > 0,
            failure: backup::health::last_failure(&self.data_dir),
        }
    }

    /// The window's channel; every change of status is sent to it from now on.
    pub fn watch(&self, channel: Channel<BackupStatus>) -> BackupStatus {
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
    pub fn record<T>(&self, outcome: &Result<T, meirim_core::Problem>) {
        backup::health::record(&self.data_dir, outcome);
        self.tell();
    }

    /// A backup off the window's thread, on its own read connection: the day's (`None`) or
    /// one after a big change.
    pub fn start(self: &Arc<Self>, kind: Option<Kind>) {
        let me = Arc::clone(self);
        me.running.fetch_add(1, Ordering::SeqCst);
        me.tell();
        std::thread::spawn(move || {
            // The core records a failure in the data folder and its log.
            let _ = backup::background(&me.data_dir, kind);
            me.running.fetch_sub(1, Ordering::SeqCst);
            me.tell();
        });
    }

    /// When the window has closed: lets a backup that already started finish (within
    /// `limit`) instead of leaving half a copy to be swept and begun again next time.
    pub fn wait_idle(&self, limit: std::time::Duration) {
        let until = std::time::Instant::now() + limit;
        while self.running.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
}
