//! One spreadsheet cell, whatever file it came from.

use serde::Serialize;

/// A cell as the file stored it: an IIN typed as a number stays a number here (and loses
/// its leading zero — the cleaning step puts it back), a date cell stays a serial.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

impl Cell {
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
