//! What leaves the office on purpose: the period report as XLSX (a sheet per breakdown) and
//! CSV (UTF-8 with BOM, for Excel), and the careful write that puts a file on a USB stick.

mod cells;
pub mod consolidated;
pub mod drives;
#[cfg(windows)]
mod drives_windows;
pub mod import;
pub mod list_files;
mod read;
pub mod report_csv;
pub mod report_package;
pub mod report_xlsx;
pub mod write;

pub use consolidated::{consolidated_csv, consolidated_xlsx};
pub use drives::{removable, Drive, DRIVES_ENV};
pub use list_files::{list_file, ListFileError, ListFormat};
pub use read::read_at_most;
pub use report_csv::report_csv;
pub use report_xlsx::report_xlsx;
pub use write::{save, write_verified, WriteError};
