//! A file as sheets of cells. The format is told by the bytes, not the name: offices rename
//! files, and a CSV saved as «.xls» is common.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, DataRef, ExcelDateTime, Ods, Reader, Xls, Xlsx};
use serde::{Deserialize, Serialize};

use meirim_core::import::{Cell, Grid};

use super::csv_text::{self, CsvOptions, Delimiter, TextEncoding};
use super::guard::{self, MAX_CELLS, MAX_COLUMNS, MAX_DENSE_CELLS, MAX_LIST_COLUMNS, MAX_ROWS};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    /// The row number the office sees (1-based, as Excel shows it) of `rows[0]`, and the
    /// column index (0 = A) of each row's first cell: messages name the cell they mean.
    /// Rows end at their last value (a row may be shorter than the sheet is wide).
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub kind: FileFormat,
    pub sheets: Vec<Sheet>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("not a spreadsheet or CSV file")]
    NotSpreadsheet,
    #[error("the spreadsheet is damaged: {0}")]
    Damaged(String),
    /// Beyond what any office list needs (`guard`'s limits, or the worker's memory cap).
    #[error("the spreadsheet is too large: {0}")]
    TooLarge(String),
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
            guard::check_ods(bytes)?;
            Ok(Source {
                kind: FileFormat::Ods,
                sheets: open::<Ods<_>>(bytes)?,
            })
        } else {
            guard::check_xlsx(bytes)?;
            Ok(Source {
                kind: FileFormat::Xlsx,
                sheets: open_xlsx(bytes)?,
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

fn damaged(e: impl std::fmt::Display) -> ImportError {
    ImportError::Damaged(e.to_string())
}

/// ODS and XLS: calamine lays each sheet out densely (ODS is checked by `guard` before; an
/// XLS claiming more than the worker may allocate ends the worker, not the app).
fn open<'a, B>(bytes: &'a [u8]) -> Result<Vec<Sheet>, ImportError>
where
    B: Reader<Cursor<&'a [u8]>>,
    B::Error: std::fmt::Display,
{
    let mut book: B = open_workbook_from_rs(Cursor::new(bytes)).map_err(damaged)?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(damaged)?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let rows: Vec<Vec<Cell>> = range.rows().map(|r| trimmed(r.iter().map(cell))).collect();
        let widest = rows.iter().map(Vec::len).max().unwrap_or(0);
        check_size(widest as u32, rows.iter().map(|r| r.len() as u64).sum())?;
        out.push(Sheet {
            name,
            first_row: row0 + 1,
            first_column: col0,
            rows,
        });
    }
    Ok(out)
}

/// A row up to its last value: a sheet with one cell far to the right makes one long row,
/// not a wide rectangle of empty cells.
fn trimmed(cells: impl Iterator<Item = Cell>) -> Vec<Cell> {
    let mut row: Vec<Cell> = cells.collect();
    let used = row
        .iter()
        .rposition(|c| *c != Cell::Empty)
        .map_or(0, |i| i + 1);
    row.truncate(used);
    row.shrink_to_fit();
    row
}

/// XLSX, cell by cell: calamine's `worksheet_range` would lay out the bounding box of the
/// cells (A1 and XFD1048576 make 17 billion), so the rows are built here, each as long as
/// its last value, within Excel's limits and `MAX_CELLS`.
fn open_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, ImportError> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(damaged)?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let mut placed: Vec<(u32, u32, Cell)> = Vec::new();
        match book.worksheet_cells_reader(&name) {
            Ok(mut reader) => {
                while let Some(c) = reader.next_cell().map_err(damaged)? {
                    let (row, column) = c.get_position();
                    if row >= MAX_ROWS || column >= MAX_COLUMNS {
                        return Err(damaged(format!("a cell at row {row}, column {column}")));
                    }
                    let value = cell_ref(c.get_value());
                    if value == Cell::Empty {
                        continue;
                    }
                    if placed.len() >= MAX_CELLS {
                        return Err(ImportError::TooLarge(format!("over {MAX_CELLS} cells")));
                    }
                    placed.push((row, column, value));
                }
            }
            // A chart sheet holds no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => {}
            Err(e) => return Err(damaged(e)),
        }
        out.push(laid_out(name, placed)?);
    }
    Ok(out)
}

/// The cells as rows, each as long as its last value. The laid-out size (every row up to
/// its last value) is bounded too: a million rows each with one cell in column XFD would be
/// 17 billion cells again.
fn laid_out(name: String, mut placed: Vec<(u32, u32, Cell)>) -> Result<Sheet, ImportError> {
    placed.sort_by_key(|p| (p.0, p.1));
    let first_row = placed.first().map_or(0, |p| p.0);
    let last_row = placed.last().map_or(0, |p| p.0);
    let first_column = placed.iter().map(|p| p.1).min().unwrap_or(0);
    let mut size = 0u64;
    let mut widest = 0u32;
    for (i, p) in placed.iter().enumerate() {
        let ends_row = placed.get(i + 1).is_none_or(|next| next.0 != p.0);
        if ends_row {
            let width = p.1 - first_column + 1;
            widest = widest.max(width);
            size += u64::from(width);
        }
    }
    check_size(widest, size)?;
    let mut rows: Vec<Vec<Cell>> = if placed.is_empty() {
        Vec::new()
    } else {
        vec![Vec::new(); (last_row - first_row) as usize + 1]
    };
    for (row, column, value) in placed {
        let r = &mut rows[(row - first_row) as usize];
        let c = (column - first_column) as usize;
        if r.len() < c {
            r.resize(c, Cell::Empty);
        }
        r.push(value);
    }
    Ok(Sheet {
        name,
        first_row: first_row + 1,
        first_column,
        rows,
    })
}

/// A list wider than `MAX_LIST_COLUMNS` or larger laid out than `MAX_DENSE_CELLS`.
fn check_size(widest: u32, cells: u64) -> Result<(), ImportError> {
    if widest > MAX_LIST_COLUMNS {
        return Err(ImportError::TooLarge(format!(
            "a sheet {widest} columns wide"
        )));
    }
    if cells > MAX_DENSE_CELLS {
        return Err(ImportError::TooLarge(format!("{cells} cells laid out")));
    }
    Ok(())
}

fn cell_ref(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::Empty | DataRef::Error(_) => Cell::Empty,
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// A number that is not one (`<v>NaN</v>`, `inf`) is kept as the text it was written as.
fn number(f: f64) -> Cell {
    if f.is_finite() {
        Cell::Number(f)
    } else {
        Cell::Text(f.to_string())
    }
}

fn date(dt: &ExcelDateTime) -> Cell {
    let serial = serial_1900(dt);
    if serial.is_finite() {
        Cell::DateSerial(serial)
    } else {
        Cell::Empty
    }
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date(dt),
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
