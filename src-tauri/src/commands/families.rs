//! Family registry commands.

use meirim_core::family::{self, Family, FamilyInput, FamilyPage, IinCheck, SearchQuery};
use meirim_core::person::Sex;
use meirim_core::reference::{self, Category, Oblast};
use meirim_core::Problem;
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn list_oblasts(state: State<'_, AppState>) -> Result<Vec<Oblast>, Problem> {
    state.with_db(|db| reference::oblasts(db.conn()).map_err(Problem::from))
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_categories(state: State<'_, AppState>) -> Result<Vec<Category>, Problem> {
    state.with_db(|db| reference::categories(db.conn()).map_err(Problem::from))
}

/// Live check while the IIN is typed; needs no database.
#[tauri::command(async)]
#[specta::specta]
pub fn check_iin(iin: String, birth_date: Option<String>, sex: Option<Sex>) -> IinCheck {
    family::check_iin(&iin, birth_date.as_deref(), sex)
}

#[tauri::command(async)]
#[specta::specta]
pub fn create_family(state: State<'_, AppState>, input: FamilyInput) -> Result<Family, Problem> {
    state.with_db(|db| family::create(db, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_family(
    state: State<'_, AppState>,
    id: String,
    input: FamilyInput,
) -> Result<Family, Problem> {
    state.with_db(|db| family::update(db, &id, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn get_family(state: State<'_, AppState>, id: String) -> Result<Family, Problem> {
    state.with_db(|db| family::get(db.conn(), &id))
}

#[tauri::command(async)]
#[specta::specta]
pub fn search_families(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> Result<FamilyPage, Problem> {
    state.with_db(|db| family::search(db, &query))
}
