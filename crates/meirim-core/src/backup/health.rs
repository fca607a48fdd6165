//! Whether the automatic backups work. The last failure is kept in a small file in the data
//! folder, so the home screen and the backups screen can say so until a backup succeeds
//! again — also after a restart — and each failure is written to the log with its reason.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::problem::Problem;

const FAILURE_FILE: &str = "backup-failed.json";

/// The last automatic backup that failed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupFailure {
    /// When it failed (RFC 3339).
    pub at: String,
    pub problem: Problem,
}

fn failure_path(data_dir: &Path) -> PathBuf {
    data_dir.join(FAILURE_FILE)
}

/// Records how an automatic backup ended: a failure is kept (and logged), a success clears
/// the one kept before.
pub fn record<T>(data_dir: &Path, outcome: &Result<T, Problem>) {
    match outcome {
        Ok(_) => {
            let _ = std::fs::remove_file(failure_path(data_dir));
        }
        Err(problem) => {
            let failure = BackupFailure {
                at: crate::clock::now(),
                problem: problem.clone(),
            };
            crate::log::append(data_dir, "backup-failed", &problem.to_string());
            if let Ok(json) = serde_json::to_vec(&failure) {
                let _ = std::fs::write(failure_path(data_dir), json);
            }
        }
    }
}

/// The failure kept since the last automatic backup that worked, if any.
pub fn last_failure(data_dir: &Path) -> Option<BackupFailure> {
    let bytes = std::fs::read(failure_path(data_dir)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::ErrorCode;

    #[test]
    fn a_failure_is_kept_and_logged_until_a_backup_works() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(last_failure(dir.path()), None);
        let full = Problem::new(ErrorCode::BackupWriteFailed)
            .with("path", "/data/backups")
            .with("reason", "No space left on device");
        record::<()>(dir.path(), &Err(full.clone()));
        let kept = last_failure(dir.path()).unwrap();
        assert_eq!(kept.problem, full);
        let log = std::fs::read_to_string(crate::log::path(dir.path())).unwrap();
        assert!(
            log.contains("backup-failed") && log.contains("No space left on device"),
            "{log}"
        );
        record(dir.path(), &Ok(()));
        assert_eq!(last_failure(dir.path()), None);
    }
}
