//! Putting a finished temporary file in place under its final name.
//!
//! On Windows a rename over a file fails while another program has that file open without
//! sharing it for deletion: an antivirus scanning what was just written, Explorer's preview
//! pane, the search indexer, Excel still showing last month's export. Such holds usually
//! last a moment, so the rename is tried again a few times (about three seconds in all)
//! before the error reaches the user. On other systems a rename over an open file simply
//! succeeds, and an error is final at once.

use std::io;
use std::path::Path;
use std::time::Duration;

/// Pauses between attempts: short first, since most holds end within milliseconds.
const WAITS_MS: [u64; 7] = [20, 50, 100, 200, 400, 800, 1500];

/// `std::fs::rename(from, to)`, tried again while Windows reports the file as held.
pub fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    retry_while_held(|| std::fs::rename(from, to))
}

/// Flushes a finished file to the disk before it is renamed into place. Windows flushes
/// only through a handle with write access: through a read-only one it answers «Access
/// denied», which made every backup fail there.
pub fn sync_file(path: &Path) -> io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)?
        .sync_all()
}

/// Runs `op` until it succeeds, fails for a reason other than a brief hold, or the waits
/// run out. `op` must be safe to repeat after it failed (a rename is).
pub fn retry_while_held<T>(mut op: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    let mut waits = WAITS_MS.iter();
    loop {
        match op() {
            Ok(v) => return Ok(v),
            Err(e) if is_held(&e) => match waits.next() {
                Some(ms) => std::thread::sleep(Duration::from_millis(*ms)),
                None => return Err(e),
            },
            Err(e) => return Err(e),
        }
    }
}

/// Whether the error means "another program has this file open right now".
pub fn is_held(e: &io::Error) -> bool {
    // ERROR_ACCESS_DENIED (what a rename over a file open without FILE_SHARE_DELETE
    // returns), ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
    cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rename_replaces_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (
            dir.path().join("new.part"),
            dir.path().join("отчёт-қаңтар.csv"),
        );
        std::fs::write(&to, "old").unwrap();
        std::fs::write(&from, "new").unwrap();
        rename_over(&from, &to).unwrap();
        assert_eq!(std::fs::read_to_string(&to).unwrap(), "new");
        assert!(!from.exists());
    }

    #[test]
    fn a_finished_file_is_flushed_without_changing_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meirim-2026-12-05-manual.sqlite3");
        std::fs::write(&path, "registry").unwrap();
        sync_file(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "registry");
        assert!(sync_file(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn an_error_other_than_a_hold_is_returned_at_once() {
        let mut calls = 0;
        let r: io::Result<()> = retry_while_held(|| {
            calls += 1;
            Err(io::Error::from(io::ErrorKind::NotFound))
        });
        assert!(r.is_err());
        assert_eq!(calls, 1);
    }

    /// An old file `to` (named `name`) held open by another program, sharing only
    /// `share` (a Windows FILE_SHARE_* mask), and a finished `from` to put in its place.
    #[cfg(windows)]
    fn held_target(
        name: &str,
        share: u32,
    ) -> (
        tempfile::TempDir,
        std::path::PathBuf,
        std::path::PathBuf,
        std::fs::File,
    ) {
        use std::os::windows::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("new.part"), dir.path().join(name));
        std::fs::write(&to, "old").unwrap();
        std::fs::write(&from, "new").unwrap();
        let held = std::fs::OpenOptions::new()
            .read(true)
            .share_mode(share)
            .open(&to)
            .unwrap();
        (dir, from, to, held)
    }

    /// The case the retries exist for, as Windows (and wine) behave: the target is open
    /// without FILE_SHARE_DELETE for a moment, as an antivirus scan holds it.
    #[cfg(windows)]
    #[test]
    fn a_file_held_open_for_a_moment_is_replaced_once_it_is_released() {
        let (_dir, from, to, held) = held_target("Алғыс хат.pdf", 1); // FILE_SHARE_READ only
                                                                      // Without the retries the rename fails while the file is held.
        let e = std::fs::rename(&from, &to).unwrap_err();
        assert!(is_held(&e), "{e:?}");
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(held);
        });
        rename_over(&from, &to).unwrap();
        release.join().unwrap();
        assert_eq!(std::fs::read_to_string(&to).unwrap(), "new");
    }

    #[cfg(windows)]
    #[test]
    fn a_file_held_for_good_gives_the_error_after_the_waits() {
        let (_dir, from, to, _held) = held_target("held.csv", 0);
        let e = rename_over(&from, &to).unwrap_err();
        assert!(is_held(&e), "{e:?}");
        assert_eq!(
            std::fs::read_to_string(&from).unwrap(),
            "new",
            "nothing lost"
        );
    }
}
