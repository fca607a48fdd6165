//! The data folder's log (`meirim.log`): what went wrong when nobody was looking — an
//! automatic backup that failed, a check that found damage — with its reason, for whoever
//! looks later (a GUI app's stderr is seen by no one). One line per event, no personal
//! data; kept small by starting over in `meirim.log.1` past a limit.

use std::io::Write;
use std::path::{Path, PathBuf};

pub const LOG_FILE_NAME: &str = "meirim.log";
/// Past this size the log is moved to `meirim.log.1` (replacing an older one).
const LIMIT: u64 = 512 * 1024;

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(LOG_FILE_NAME)
}

/// Appends «<time> <event> <detail>». Best effort: a log that cannot be written must not
/// turn one failure into two.
pub fn append(data_dir: &Path, event: &str, detail: &str) {
    let file = path(data_dir);
    if std::fs::metadata(&file).is_ok_and(|m| m.len() > LIMIT) {
        let _ = std::fs::rename(&file, data_dir.join(format!("{LOG_FILE_NAME}.1")));
    }
    let line = format!(
        "{} {event} {}\n",
        crate::clock::now(),
        detail.replace(['\n', '\r'], " ")
    );
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&file)
    {
        let _ = f.write_all(line.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_appended_and_the_log_starts_over_past_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        append(dir.path(), "backup-failed", "disk full\nsecond line");
        append(dir.path(), "backup-ok", "");
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(
            lines[0].ends_with(" backup-failed disk full second line"),
            "{}",
            lines[0]
        );
        std::fs::write(path(dir.path()), vec![b'x'; LIMIT as usize + 1]).unwrap();
        append(dir.path(), "backup-failed", "again");
        assert!(dir.path().join("meirim.log.1").exists());
        let fresh = std::fs::read_to_string(path(dir.path())).unwrap();
        assert_eq!(fresh.lines().count(), 1);
    }
}
