//! The address reference: suggestions while typing, corrections, joins and removals.

use meirim_core::places::{self, Place, PlaceLevel};
use meirim_core::Problem;
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn suggest_places(
    state: State<'_, AppState>,
    level: PlaceLevel,
    fragment: String,
    district: Option<String>,
    rural_okrug: Option<String>,
) -> Result<Vec<Place>, Problem> {
    state.with_db(|db| {
        places::suggest(
            db.conn(),
            level,
            &fragment,
            district.as_deref(),
            rural_okrug.as_deref(),
            12,
        )
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_places(state: State<'_, AppState>) -> Result<Vec<Place>, Problem> {
    state.with_db(|db| places::list(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn rename_place(
    state: State<'_, AppState>,
    id: String,
    name: String,
    kato: Option<String>,
) -> Result<Place, Problem> {
    state.with_db(|db| places::rename(db, &id, &name, kato.as_deref()))
}

/// Removes a place no family uses (a corrected typo).
#[tauri::command(async)]
#[specta::specta]
pub fn remove_place(state: State<'_, AppState>, id: String) -> Result<(), Problem> {
    state.with_db(|db| places::remove(db, &id))
}
