//! A file opened for import: its bytes read once, hashed (so the same file is recognised
//! later) and parsed into sheets. The CLI and the app both start here.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use meirim_core::import::FileFacts;
use meirim_core::problem::{ErrorCode, Problem};
use sha2::{Digest, Sha256};

use super::csv_text::CsvOptions;
use super::overview::{overview, SheetOverview};
use super::source::{read, ImportError, Sheet, Source};
use super::worker::{read_isolated, Limits};

impl From<ImportError> for Problem {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::Empty => Problem::new(ErrorCode::ImportFileEmpty),
            ImportError::NotSpreadsheet => Problem::new(ErrorCode::ImportNotSpreadsheet),
            ImportError::Damaged(why) => {
                Problem::new(ErrorCode::ImportFileDamaged).with("reason", why)
            }
            ImportError::TooLarge(why) => {
                Problem::new(ErrorCode::ImportFileTooLarge).with("reason", why)
            }
        }
    }
}

pub struct Opened {
    pub file: FileFacts,
    pub source: Source,
}

/// Where a file from outside is read: in a worker started from `exe` (the running
/// program itself, which calls `worker::serve_if_asked` first thing), within `limits`,
/// ended when `cancel` is set.
pub struct Isolation<'a> {
    pub exe: std::path::PathBuf,
    pub limits: Limits,
    pub cancel: &'a AtomicBool,
}

impl<'a> Isolation<'a> {
    /// The running program as the worker, with the default limits.
    pub fn current(cancel: &'a AtomicBool) -> Result<Self, Problem> {
        let exe = std::env::current_exe()
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        Ok(Isolation {
            exe,
            limits: Limits::default(),
            cancel,
        })
    }
}

/// Files larger than this are not read at all: a list of 100 000 families is ~10 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads `path` and parses it in a worker; `csv` overrides what is detected for a CSV file.
pub fn open(path: &Path, csv: &CsvOptions, isolation: &Isolation<'_>) -> Result<Opened, Problem> {
    let unreadable = |e: &dyn std::fmt::Display| {
        Problem::new(ErrorCode::ImportFileUnreadable)
            .with("path", path.display())
            .with("reason", e.to_string())
    };
    let size = std::fs::metadata(path).map_err(|e| unreadable(&e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(Problem::new(ErrorCode::ImportFileTooLarge)
            .with("reason", format!("{} MB", size / (1024 * 1024))));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(&e))?;
    let reading = read_isolated(
        &isolation.exe,
        &bytes,
        csv,
        &isolation.limits,
        isolation.cancel,
    )?;
    Ok(Opened {
        file: facts(path, &bytes),
        source: reading.source,
    })
}

fn facts(path: &Path, bytes: &[u8]) -> FileFacts {
    FileFacts {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        hash: meirim_core::text::hex(&Sha256::digest(bytes)),
    }
}

/// Parses `bytes` in this process: for files Meirim made itself and for tests, never for a
/// file from outside (`open` is for those).
pub fn open_bytes(name: String, bytes: &[u8], csv: &CsvOptions) -> Result<Opened, Problem> {
    let hash = meirim_core::text::hex(&Sha256::digest(bytes));
    let source = read(bytes, csv)?;
    Ok(Opened {
        file: FileFacts { name, hash },
        source,
    })
}

impl Opened {
    /// Sheet `index`; a workbook with no rows anywhere is refused as empty.
    pub fn sheet(&self, index: usize) -> Result<&Sheet, Problem> {
        self.source
            .sheets
            .get(index)
            .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("sheet", index + 1))
    }

    /// The first sheet with rows: the list, not an empty «Лист2».
    pub fn first_filled(&self) -> usize {
        self.source
            .sheets
            .iter()
            .position(|s| s.rows.iter().any(|r| r.iter().any(|c| !c.is_empty())))
            .unwrap_or(0)
    }

    pub fn overviews(&self) -> Vec<SheetOverview> {
        self.source
            .sheets
            .iter()
            .map(|s| overview(s, None))
            .collect()
    }
}
