//! A "USB stick" that is too small, then read-only, then gone: a tmpfs of 64 KiB mounted for
//! the test. Each failure names its reason and leaves no file — partial or temporary —
//! under the final name. Mounting needs root: directly, or through `sudo -n` as the E2E
//! harness does; a developer who has neither gets the test skipped with the reason printed
//! (CI runs as root, so there it always runs).

// tmpfs and mount are Linux's; on Windows a stick is tested through a drive letter
// (src/drives.rs, under wine).
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use meirim_exchange::write_verified;

/// Runs `program args` as root: directly, or through `sudo -n` (never asks a password).
fn as_root(program: &str, args: &[&std::ffi::OsStr]) -> bool {
    let run = |cmd: &mut Command| {
        cmd.stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    run(Command::new(program).args(args))
        || run(Command::new("sudo").arg("-n").arg(program).args(args))
}

struct Mount(std::path::PathBuf);

impl Mount {
    /// `None` when this user may not mount.
    fn tmpfs(dir: &Path, size: &str) -> Option<Self> {
        let options = format!("size={size}");
        as_root(
            "mount",
            &[
                "-t".as_ref(),
                "tmpfs".as_ref(),
                "-o".as_ref(),
                options.as_ref(),
                "tmpfs".as_ref(),
                dir.as_os_str(),
            ],
        )
        .then(|| Mount(dir.to_path_buf()))
    }

    fn read_only(&self) {
        assert!(as_root(
            "mount",
            &["-o".as_ref(), "remount,ro".as_ref(), self.0.as_os_str()]
        ));
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        as_root("umount", &[self.0.as_os_str()]);
    }
}

fn files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_full_read_only_or_missing_stick_gives_its_reason_and_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let Some(stick) = Mount::tmpfs(dir.path(), "64k") else {
        eprintln!(
            "SKIPPED: mounting a test stick needs root or passwordless sudo (`sudo -n mount`); \
             run the tests as root, as CI does"
        );
        return;
    };
    let target = dir.path().join("report.xlsx");

    write_verified(&target, &[7u8; 16 * 1024]).unwrap();
    assert_eq!(files(dir.path()), ["report.xlsx"]);

    let big = vec![1u8; 256 * 1024];
    let e = write_verified(&target, &big).unwrap_err();
    assert_eq!(e.reason(), "full", "{e}");
    assert_eq!(
        files(dir.path()),
        ["report.xlsx"],
        "the old file stays, nothing partial"
    );
    assert_eq!(std::fs::read(&target).unwrap().len(), 16 * 1024);

    stick.read_only();
    let e = write_verified(&dir.path().join("other.csv"), b"x").unwrap_err();
    assert_eq!(e.reason(), "read-only", "{e}");
    assert_eq!(files(dir.path()), ["report.xlsx"]);

    drop(stick);
    let gone = dir.path().join("pulled-out").join("report.csv");
    assert_eq!(write_verified(&gone, b"x").unwrap_err().reason(), "gone");
}
