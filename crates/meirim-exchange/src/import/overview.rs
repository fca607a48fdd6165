//! What the wizard shows of a file before anything is mapped: per sheet, the header row it
//! found, and per column the header, a few sample values and the suggested field.

use meirim_core::import::{column_letter, find_header, suggest, Field, Mapping, SavedMapping};
use serde::Serialize;

use super::source::Sheet;

/// Sample values shown under each header.
const SAMPLES: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ColumnOverview {
    pub letter: String,
    pub header: String,
    pub samples: Vec<String>,
    pub suggested: Option<Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetOverview {
    pub name: String,
    /// Rows below the header.
    pub data_rows: u32,
    /// The header row as an index into the sheet's rows, and as Excel numbers it.
    pub header_row: u32,
    pub header_row_number: u32,
    pub columns: Vec<ColumnOverview>,
}

impl SheetOverview {
    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.header.clone()).collect()
    }

    /// The suggested mapping, or a saved one laid onto these headers.
    pub fn mapping(&self, saved: Option<&SavedMapping>) -> Mapping {
        match saved {
            Some(s) => s.apply(self.header_row, &self.headers()),
            None => Mapping {
                header_row: self.header_row,
                columns: self.columns.iter().map(|c| c.suggested).collect(),
            },
        }
    }
}

pub fn overview(sheet: &Sheet, header_row: Option<u32>) -> SheetOverview {
    let header = header_row
        .map(|h| h as usize)
        .or_else(|| find_header(&sheet.rows))
        .unwrap_or(0);
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    // One pass over the rows for every column's samples: a column-by-column scan is
    // columns × rows, which a wide, long sheet makes billions.
    let mut samples: Vec<Vec<String>> = vec![Vec::new(); width];
    let mut wanting = width;
    for row in sheet.rows.iter().skip(header + 1) {
        if wanting == 0 {
            break;
        }
        for (c, cell) in row.iter().enumerate() {
            if samples[c].len() < SAMPLES && !cell.is_empty() {
                samples[c].push(cell.display());
                if samples[c].len() == SAMPLES {
                    wanting -= 1;
                }
            }
        }
    }
    let header_cells = sheet.rows.get(header);
    let columns = samples
        .into_iter()
        .enumerate()
        .map(|(c, samples)| {
            let text = header_cells
                .and_then(|r| r.get(c))
                .map(|cell| cell.text().trim().to_owned())
                .unwrap_or_default();
            ColumnOverview {
                letter: column_letter(sheet.first_column + c as u32),
                suggested: suggest(&text),
                header: text,
                samples,
            }
        })
        .collect();
    SheetOverview {
        name: sheet.name.clone(),
        data_rows: sheet.rows.len().saturating_sub(header + 1) as u32,
        header_row: header as u32,
        header_row_number: sheet.first_row + header as u32,
        columns,
    }
}
