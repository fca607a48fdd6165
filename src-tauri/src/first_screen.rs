//! The home screen's figures, computed on a connection of their own while the window opens
//! (half a second for a 100 000-family registry, as long as the window itself takes): the
//! first request takes them instead of computing them again. Nothing can be written before
//! that — the registry refuses writes until its start-up check, which runs after these
//! figures — so they are current when taken.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use meirim_core::reports::dashboard::{self, Dashboard};
use meirim_core::Problem;

enum Slot {
    Computing,
    Ready(Result<Dashboard, Problem>),
    Taken,
}

pub struct FirstDashboard {
    slot: Mutex<Slot>,
    ready: Condvar,
}

impl FirstDashboard {
    /// `computing`: figures are on their way; otherwise there will be none to take.
    pub fn new(computing: bool) -> Self {
        Self {
            slot: Mutex::new(if computing {
                Slot::Computing
            } else {
                Slot::Taken
            }),
            ready: Condvar::new(),
        }
    }

    /// Figures are on their way (a registry just signed into, checked in the background).
    pub fn expect(&self) {
        if let Ok(mut slot) = self.slot.lock() {
            *slot = Slot::Computing;
        }
    }

    /// Computes the figures as of `today` from the registry at `path` (on the calling
    /// thread) and keeps them for the first request.
    pub fn compute(
        &self,
        path: &std::path::Path,
        key: Option<&meirim_core::db::RegistryKey>,
        today: NaiveDate,
    ) {
        let figures = meirim_core::db::open_reader(path, key)
            .map_err(|e| Problem::from(meirim_core::DbError::from(e)))
            .and_then(|conn| dashboard::build(&conn, today));
        if let Ok(mut slot) = self.slot.lock() {
            *slot = Slot::Ready(figures);
        }
        self.ready.notify_all();
    }

    /// The figures computed at start-up, once, if they are for `today` — waiting for them
    /// while they are computed. `None` once taken, or when there were none.
    pub fn take(&self, today: NaiveDate) -> Option<Result<Dashboard, Problem>> {
        let guard = self.slot.lock().ok()?;
        let (mut slot, _) = self
            .ready
            .wait_timeout_while(guard, Duration::from_secs(60), |s| {
                matches!(s, Slot::Computing)
            })
            .ok()?;
        match std::mem::replace(&mut *slot, Slot::Taken) {
            Slot::Ready(Ok(d)) if d.today == today => Some(Ok(d)),
            Slot::Ready(Err(p)) => Some(Err(p)),
            _ => None,
        }
    }
}
