//! Importing the office's existing family lists (Excel, LibreOffice, CSV).
//!
//! This part reads a file into plain sheets of cells — whatever its format, encoding or
//! delimiter — and finds the header row. Mapping columns to fields, cleaning, the dry run
//! and applying build on it.

pub mod csv_text;
pub mod fields;
pub mod header;
pub mod source;

pub use csv_text::{CsvOptions, Delimiter, TextEncoding};
pub use fields::{suggest, Field};
pub use header::find_header;
pub use source::{read, Cell, ImportError, Sheet, Source, SourceKind};
