//! Importing the office's existing family lists: this part reads a file into plain sheets
//! of cells — whatever its format, encoding or delimiter. Everything after that (header,
//! mapping, cleaning, matching, writing) is the core's `meirim_core::import`.

mod allocator;
pub mod csv_text;
pub mod files;
pub mod guard;
pub mod overview;
pub mod session;
pub mod source;
pub mod worker;

pub use csv_text::{CsvOptions, Delimiter, TextEncoding};
pub use files::{issue_text, rejected_rows, template};
pub use meirim_core::import::{find_header, suggest, Cell, Field};
pub use overview::{overview, ColumnOverview, SheetOverview};
pub use session::{open, open_bytes, Isolation, Opened, MAX_FILE_BYTES};
pub use source::{read, FileFormat, ImportError, Sheet, Source};
pub use worker::{Limits, WORKER_ARG};
