//! The office's category list: the editor's commands. The forms read the active list
//! through `list_categories`.

use meirim_core::categories::{self, CategoryEntry, CategoryInput};
use meirim_core::reference::Category;
use meirim_core::Problem;
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn all_categories(state: State<'_, AppState>) -> Result<Vec<CategoryEntry>, Problem> {
    state.with_db(|db| categories::all(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn add_category(state: State<'_, AppState>, input: CategoryInput) -> Result<Category, Problem> {
    state.with_db(|db| categories::add(db, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn rename_category(
    state: State<'_, AppState>,
    id: String,
    input: CategoryInput,
) -> Result<Category, Problem> {
    state.with_db(|db| categories::rename(db, &id, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_category_active(
    state: State<'_, AppState>,
    id: String,
    active: bool,
) -> Result<(), Problem> {
    state.with_db(|db| categories::set_active(db, &id, active))
}

#[tauri::command(async)]
#[specta::specta]
pub fn shift_category(state: State<'_, AppState>, id: String, up: bool) -> Result<(), Problem> {
    state.with_db(|db| categories::shift(db, &id, up))
}
