//! Writing a file somewhere that can vanish — a USB stick pulled out, full, read-only:
//! into a temporary file beside the target, flushed to the device, renamed over the final
//! name, then read back and compared by SHA-256. Whatever fails, no partial file is left
//! under the final name.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use meirim_core::problem::{ErrorCode, Problem};
use sha2::{Digest, Sha256};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the folder {0} does not exist or cannot be written")]
    Folder(PathBuf, #[source] std::io::Error),
    #[error("writing {0} failed")]
    Write(PathBuf, #[source] std::io::Error),
    #[error("{0} reads back different from what was written")]
    Mismatch(PathBuf),
}

impl WriteError {
    /// The OS error behind it (disk full, read-only, device gone), when there is one.
    pub fn io(&self) -> Option<&std::io::Error> {
        match self {
            WriteError::Folder(_, e) | WriteError::Write(_, e) => Some(e),
            WriteError::Mismatch(_) => None,
        }
    }

    /// What the user is told to fix: "full", "read-only", "gone" (the stick was pulled out
    /// or the folder does not exist), "mismatch" (the stick is failing) or "other".
    pub fn reason(&self) -> &'static str {
        use std::io::ErrorKind;
        match self.io().map(std::io::Error::kind) {
            None => "mismatch",
            Some(ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge) => {
                "full"
            }
            Some(ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied) => "read-only",
            Some(ErrorKind::NotFound | ErrorKind::NotADirectory) => "gone",
            Some(_) => "other",
        }
    }
}

/// `write_verified`, failing with the problem the user is shown: which file, and the
/// reason they can act on (a full, write-protected or pulled-out stick).
pub fn save(path: &Path, bytes: &[u8]) -> Result<(), Problem> {
    write_verified(path, bytes).map_err(|e| {
        Problem::new(ErrorCode::ExportFailed)
            .with("path", path.display())
            .with("reason", e.reason())
            .with("detail", e)
    })
}

fn digest(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

/// Writes `bytes` to `path` atomically and checks them by reading the file back.
pub fn write_verified(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".meirim-")
        .suffix(".part")
        .tempfile_in(&dir)
        .map_err(|e| WriteError::Folder(dir.clone(), e))?;
    let failed = |e| WriteError::Write(path.to_path_buf(), e);
    tmp.write_all(bytes).map_err(failed)?;
    tmp.as_file().sync_all().map_err(failed)?;
    // Renamed with retries: on Windows an antivirus or Excel may hold the old file.
    let tmp = tmp.into_temp_path();
    meirim_core::rename::rename_over(&tmp, path).map_err(failed)?;
    let _ = tmp.keep();
    // The directory entry too, so the rename survives pulling the stick out.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    let mut back = Vec::with_capacity(bytes.len());
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut back))
        .map_err(failed)?;
    if digest(&back) != digest(bytes) {
        let _ = std::fs::remove_file(path);
        return Err(WriteError::Mismatch(path.to_path_buf()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_whole_and_a_missing_folder_is_an_error_not_a_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.csv");
        write_verified(&path, b"first, longer version").unwrap();
        write_verified(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no .part left"
        );
        let gone = dir.path().join("no-such-stick").join("report.csv");
        assert!(matches!(
            write_verified(&gone, b"x"),
            Err(WriteError::Folder(..))
        ));
        assert!(!gone.exists());
    }
}
