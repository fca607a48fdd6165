//! Start-up options: `meirim --data-dir DIR` (or MEIRIM_DATA_DIR) for tests and portable use.

use std::path::PathBuf;

use clap::Parser;

#[derive(Parser, Debug)]
#[command(
    name = "meirim",
    version,
    about = "Meirim: registry of families in need"
)]
pub struct AppArgs {
    /// Folder holding meirim.sqlite3 (default: the per-user app-data folder).
    #[arg(long, env = meirim_core::paths::DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,
}

impl AppArgs {
    pub fn parse_or_exit() -> Self {
        Self::parse()
    }
}
