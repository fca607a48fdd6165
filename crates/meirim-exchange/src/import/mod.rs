//! Importing the office's existing family lists: this part reads a file into plain sheets
//! of cells — whatever its format, encoding or delimiter. Everything after that (header,
//! mapping, cleaning, matching, writing) is the core's `meirim_core::import`.

pub mod csv_text;
pub mod files;
pub mod overview;
pub mod session;
pub mod source;

pub use csv_text::{CsvOptions, Delimiter, TextEncoding};
pub use files::{issue_text, rejected_rows, template};
pub use meirim_core::import::{find_header, suggest, Cell, Field};
pub use overview::{overview, ColumnOverview, SheetOverview};
pub use session::{open, open_bytes, Opened};
pub use source::{read, FileFormat, ImportError, Sheet, Source};
