//! The period report the district asks for: families helped by category and village, aid
//! by type with quantities and tenge, campaigns, volunteers (organisations, civil servants,
//! age groups, hours, blood donations), letters issued, families registered and archived —
//! each figure next to the previous period's. Aggregates only: no names, no IINs.
//!
//! The report is a list of sections of labelled lines, so the screen, the PDF, the XLSX
//! and the CSV all render the same thing without knowing what each figure means.

pub mod dashboard;
pub mod figures;
pub mod period;
mod tally;

use serde::{Deserialize, Serialize};

use crate::aid::AidUnit;
use crate::reference::Names;

pub use figures::build;
pub use period::{Period, Preset};

/// Narrows a report to one village, one rural okrug or one campaign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Scope {
    pub village: Option<String>,
    pub rural_okrug: Option<String>,
    pub campaign_id: Option<String>,
}

/// How a number is written: a count, whole tenge, thousandths of the line's unit, minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Count,
    Tenge,
    Quantity,
    Minutes,
}

/// What a line is called: a message id of the Fluent files, a name kept in both languages,
/// or a name as the office typed it (a village, a campaign).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Label {
    Message(String),
    Names(Names),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Line {
    pub key: String,
    pub label: Label,
    /// The unit of `Quantity` cells (aid types).
    pub unit: Option<AidUnit>,
    /// One per column.
    pub measures: Vec<Measure>,
    // Counts, tenge, thousandths and minutes stay far below 2^53: numbers in JavaScript.
    #[cfg_attr(feature = "specta", specta(type = Vec<f64>))]
    pub now: Vec<i64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<f64>))]
    pub before: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Section {
    /// Fluent id of the section's title: `report-section-<id>`.
    pub id: String,
    /// Fluent ids of the value columns.
    pub columns: Vec<String>,
    pub lines: Vec<Line>,
}

/// Deserialize too: the screen hands the report it shows back to be saved, instead of the
/// registry computing it a second time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeriodReport {
    pub period: Period,
    pub previous: Period,
    pub scope: Scope,
    /// The scope's campaign name in each language, for the heading.
    pub campaign_name: Option<crate::reference::Names>,
    /// The office's name in each language (its letterhead), printed at the top.
    pub office: crate::reference::Names,
    pub sections: Vec<Section>,
}

impl PeriodReport {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// A line's current value in its first column (tests and the dashboard).
    pub fn value(&self, section: &str, key: &str) -> Option<i64> {
        self.section(section)?
            .lines
            .iter()
            .find(|l| l.key == key)
            .and_then(|l| l.now.first().copied())
    }
}
