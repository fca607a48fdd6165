//! A file as sheets of cells. The format is told by the bytes, not the name: offices rename
//! files, and a CSV saved as «.xls» is common.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, ExcelDateTime, Ods, Reader, Xls, Xlsx};
use serde::Serialize;

use meirim_core::import::{Cell, Grid};

use super::csv_text::{self, CsvOptions, Delimiter, TextEncoding};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sheet {
    pub name: String,
    /// The row number the office sees (1-based, as Excel shows it) of `rows[0]`, and the
    /// column index (0 = A) of each row's first cell: messages name the cell they mean.
    pub first_row: u32,
    pub first_column: u32,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn grid(&self) -> Grid<'_> {
        Grid {
            rows: &self.rows,
            first_row: self.first_row,
            first_column: self.first_column,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "format", rename_all = "kebab-case")]
pub enum FileFormat {
    Xlsx,
    Xls,
    Ods,
    Csv {
        encoding: TextEncoding,
        delimiter: Delimiter,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub kind: FileFormat,
    pub sheets: Vec<Sheet>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("not a spreadsheet or CSV file")]
    NotSpreadsheet,
    #[error("the spreadsheet is damaged: {0}")]
    Damaged(String),
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads `bytes` as XLSX, XLS, ODS or CSV (`csv` overrides what is detected for CSV).
pub fn read(bytes: &[u8], csv: &CsvOptions) -> Result<Source, ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    if bytes.starts_with(ZIP) {
        // Both XLSX and ODS are zip files; ODS names its type in the first entry.
        let is_ods = bytes
            .windows(b"application/vnd.oasis.opendocument.spreadsheet".len())
            .take(200)
            .any(|w| w == b"application/vnd.oasis.opendocument.spreadsheet");
        return if is_ods {
            Ok(Source {
                kind: FileFormat::Ods,
                sheets: open::<Ods<_>>(bytes)?,
            })
        } else {
            Ok(Source {
                kind: FileFormat::Xlsx,
                sheets: open::<Xlsx<_>>(bytes)?,
            })
        };
    }
    if bytes.starts_with(OLE) {
        return Ok(Source {
            kind: FileFormat::Xls,
            sheets: open::<Xls<_>>(bytes)?,
        });
    }
    let (encoding, delimiter, rows) = csv_text::parse(bytes, csv)?;
    Ok(Source {
        kind: FileFormat::Csv {
            encoding,
            delimiter,
        },
        sheets: vec![Sheet {
            name: String::new(),
            first_row: 1,
            first_column: 0,
            rows,
        }],
    })
}

fn open<'a, B>(bytes: &'a [u8]) -> Result<Vec<Sheet>, ImportError>
where
    B: Reader<Cursor<&'a [u8]>>,
    B::Error: std::fmt::Display,
{
    let mut book: B = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: B::Error| ImportError::Damaged(e.to_string()))?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ImportError::Damaged(e.to_string()))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let rows = range.rows().map(|r| r.iter().map(cell).collect()).collect();
        out.push(Sheet {
            name,
            first_row: row0 + 1,
            first_column: col0,
            rows,
        });
    }
    Ok(out)
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::DateSerial(serial_1900(dt)),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// A date cell as a serial of the usual 1900 system, which `Cell::DateSerial` holds. A
/// workbook saved by Excel for Mac may count from 01.01.1904 instead (its serials are four
/// years short); calamine's own conversion knows which, so the day is taken from it.
fn serial_1900(dt: &ExcelDateTime) -> f64 {
    let (y, m, d, hour, min, sec, milli) = dt.to_ymd_hms_milli();
    let day = chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d));
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30);
    match (day, epoch) {
        (Some(day), Some(epoch)) if dt.is_datetime() => {
            let seconds = f64::from(u32::from(hour) * 3600 + u32::from(min) * 60 + u32::from(sec))
                + f64::from(milli) / 1000.0;
            (day - epoch).num_days() as f64 + seconds / 86_400.0
        }
        // A duration, or Excel's 29.02.1900 that never was: the number as stored.
        _ => dt.as_f64(),
    }
}
