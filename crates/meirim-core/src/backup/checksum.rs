//! A local backup's SHA-256, written beside it (`<backup>.sha256`) when it is made.
//! `integrity_check` reads only the pages in use: a flipped byte in a free page, or in a
//! page a later change would have needed, passes it. The checksum does not.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::snapshot::with_suffix;
use super::BackupError;

/// Where the checksum of `backup` is kept.
pub(crate) fn sidecar(backup: &Path) -> PathBuf {
    with_suffix(backup, ".sha256")
}

/// The SHA-256 of the file at `path` as hex, and its length, read in 1 MiB pieces (a
/// registry can be bigger than the memory one should spend on it).
pub(crate) fn sha256_of_file(path: &Path) -> std::io::Result<(String, u64)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut bytes = 0u64;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    Ok((crate::text::hex(&hasher.finalize()), bytes))
}

fn digest(path: &Path) -> std::io::Result<String> {
    sha256_of_file(path).map(|(sum, _)| sum)
}

/// Writes the checksum of the finished `backup` beside it, as `sha256sum` would.
pub(crate) fn write(backup: &Path) -> Result<(), BackupError> {
    let failed = |e: std::io::Error| BackupError::Write {
        path: sidecar(backup),
        reason: e.to_string(),
    };
    let sum = digest(backup).map_err(failed)?;
    let name = backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Written whole or not at all: a kill between creating the file and writing it would
    // leave an empty checksum that no longer matches a good backup. A `.partial` left by
    // a kill is swept with the others.
    let partial = with_suffix(&sidecar(backup), ".partial");
    let _ = std::fs::remove_file(&partial);
    crate::private::create_file(&partial)
        .and_then(|mut f| {
            std::io::Write::write_all(&mut f, format!("{sum}  {name}\n").as_bytes())?;
            f.sync_all()
        })
        .and_then(|()| crate::rename::rename_over(&partial, &sidecar(backup)))
        .map_err(failed)?;
    Ok(())
}

/// Whether `backup` still has the bytes it was made with. A backup without a checksum
/// (made by an older Meirim, or copied in by hand) passes: only its integrity check speaks.
pub(crate) fn check(backup: &Path) -> Result<(), BackupError> {
    let Ok(written) = std::fs::read_to_string(sidecar(backup)) else {
        return Ok(());
    };
    let expected = written.split_whitespace().next().unwrap_or_default();
    // Not a SHA-256 at all (cut short, or edited): no checksum to compare with, as when it
    // is missing — the integrity check still speaks.
    if expected.len() != 64 || !expected.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(());
    }
    let actual = digest(backup).map_err(|e| BackupError::Read {
        path: backup.to_path_buf(),
        reason: e.to_string(),
    })?;
    if actual == expected {
        Ok(())
    } else {
        Err(BackupError::Damaged {
            path: backup.to_path_buf(),
            reason: "its bytes differ from the checksum written when it was made".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checksum_cut_short_is_no_checksum_and_a_wrong_one_is_damage() {
        let dir = tempfile::tempdir().unwrap();
        let backup = dir
            .path()
            .join("meirim-2026-12-05T10-00-00Z-manual.sqlite3");
        std::fs::write(&backup, b"SQLite format 3\0 the pages").unwrap();
        write(&backup).unwrap();
        check(&backup).unwrap();
        assert!(!with_suffix(&sidecar(&backup), ".partial").exists());
        // A kill between creating the checksum file and writing it (an older Meirim wrote
        // it in place) leaves it empty or cut: the backup is not called damaged for that.
        let written = std::fs::read_to_string(sidecar(&backup)).unwrap();
        for cut in ["", &written[..20]] {
            std::fs::write(sidecar(&backup), cut).unwrap();
            check(&backup).unwrap();
        }
        let wrong = written.replacen(
            &written[..1],
            if &written[..1] == "0" { "1" } else { "0" },
            1,
        );
        std::fs::write(sidecar(&backup), wrong).unwrap();
        assert!(matches!(check(&backup), Err(BackupError::Damaged { .. })));
    }
}
