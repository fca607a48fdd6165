//! A file opened for import: its bytes read once, hashed (so the same file is recognised
//! later) and parsed into sheets. The CLI and the app both start here.

use std::path::Path;

use meirim_core::import::FileFacts;
use meirim_core::problem::{ErrorCode, Problem};
use sha2::{Digest, Sha256};

use super::csv_text::CsvOptions;
use super::overview::{overview, SheetOverview};
use super::source::{read, ImportError, Sheet, Source};

impl From<ImportError> for Problem {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::Empty => Problem::new(ErrorCode::ImportFileEmpty),
            ImportError::NotSpreadsheet => Problem::new(ErrorCode::ImportNotSpreadsheet),
            ImportError::Damaged(why) => {
                Problem::new(ErrorCode::ImportFileDamaged).with("reason", why)
            }
        }
    }
}

pub struct Opened {
    pub file: FileFacts,
    pub source: Source,
}

/// Reads and parses `path`; `csv` overrides what is detected for a CSV file.
pub fn open(path: &Path, csv: &CsvOptions) -> Result<Opened, Problem> {
    let bytes = std::fs::read(path).map_err(|e| {
        Problem::new(ErrorCode::ImportFileUnreadable)
            .with("path", path.display())
            .with("reason", e)
    })?;
    open_bytes(
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        &bytes,
        csv,
    )
}

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
