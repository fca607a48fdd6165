//! Finding and merging families registered twice.

use meirim_core::family::{self, DuplicatePair, Family};
use meirim_core::Problem;
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn scan_duplicates(
    state: State<'_, AppState>,
    limit: u32,
) -> Result<Vec<DuplicatePair>, Problem> {
    state.with_db(|db| family::scan_duplicates(db.conn(), limit))
}

#[tauri::command(async)]
#[specta::specta]
pub fn merge_families(
    state: State<'_, AppState>,
    keep: String,
    absorb: String,
) -> Result<Family, Problem> {
    let merged = state.with_db(|db| family::merge(db, &keep, &absorb))?;
    crate::commands::backups::after_change(&state);
    Ok(merged)
}

#[tauri::command(async)]
#[specta::specta]
pub fn dismiss_duplicate(state: State<'_, AppState>, a: String, b: String) -> Result<(), Problem> {
    state.with_db(|db| family::dismiss_duplicate(db, &a, &b))
}
