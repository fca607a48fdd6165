//! One spreadsheet cell, whatever file it came from.

use serde::{Deserialize, Serialize};

/// A cell as the file stored it: an IIN typed as a number stays a number here (and loses
/// its leading zero — the cleaning step puts it back), a date cell stays a serial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date: days since 1899-12-30 (the 1900 system).
    DateSerial(f64),
    Bool(bool),
}

/// The date an Excel serial stands for. Excel's 1900 system counts from 30.12.1899 (it
/// counts a 29.02.1900 that never was, so serials from March 1900 on land right).
pub fn serial_date(n: f64) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_signed(chrono::Duration::try_days(n.floor() as i64)?)
}

impl Cell {
    /// The cell as a person reads it in Excel: a date cell as 06.12.2023.
    pub fn display(&self) -> String {
        match self {
            Cell::DateSerial(n) => serial_date(*n)
                .map(crate::date::display)
                .unwrap_or_else(|| self.text()),
            _ => self.text(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: numbers without a needless «.0».
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) | Cell::DateSerial(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    n.to_string()
                }
            }
            Cell::Bool(b) => b.to_string(),
        }
    }
}
