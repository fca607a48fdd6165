//! A "USB stick" that is too small, then read-only, then gone: a tmpfs of 64 KiB mounted for
//! the test. Each failure names its reason and leaves no file — partial or temporary —
//! under the final name. Needs root (mount), as the test set-up has.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use meirim_exchange::write_verified;

struct Mount(std::path::PathBuf);

impl Mount {
    fn tmpfs(dir: &Path, size: &str) -> Self {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(
            ok,
            "this test mounts a small tmpfs as a USB stick: run it as root"
        );
        Mount(dir.to_path_buf())
    }

    fn read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
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
    let stick = Mount::tmpfs(dir.path(), "64k");
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
