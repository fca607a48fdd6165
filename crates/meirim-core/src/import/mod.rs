//! Importing the office's existing family lists (Excel, LibreOffice, CSV).
//!
//! The exchange crate reads a file into sheets of `Cell`s. Here: which row is the header
//! (`header`), which column feeds which field (`fields`, `Mapping`), cleaning every value
//! and grouping rows into families (`prepare`), matching them to the registry and writing
//! them (`run`: the dry run and the import are one code path), taking an import back
//! (`undo`), and mappings saved by name (`mappings`).

mod address;
pub mod cell;
pub mod clean;
pub mod fields;
pub mod header;
pub mod mappings;
mod matching;
pub mod prepare;
pub mod run;
pub mod undo;
mod words;

pub use cell::Cell;
pub use clean::FixKind;
pub use fields::{suggest, Field};
pub use header::find_header;
pub use mappings::SavedMapping;
pub use matching::MatchBy;
pub use prepare::{
    column_letter, prepare, Candidate, Fix, Grid, Mapping, Prepared, RowIssue, Severity,
};
pub use run::{
    apply, dry_run, rejected_rows, Choice, Choices, Counts, FileFacts, MatchInfo, Outcome,
    MATCHES_LISTED,
};
pub use undo::{batches, undo, Batch, Undone};
