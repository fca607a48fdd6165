//! Family registry commands.

use meirim_core::audit::{self, AuditEntry};
use meirim_core::family::{
    self, DuplicateHint, Family, FamilyInput, FamilyPage, IinCheck, SearchQuery,
};
use meirim_core::person::Sex;
use meirim_core::reference::{self, Category, Oblast};
use meirim_core::Problem;
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn list_oblasts(state: State<'_, AppState>) -> Result<Vec<Oblast>, Problem> {
    state.read_db(|db| reference::oblasts(db.conn()).map_err(Problem::from))
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_categories(state: State<'_, AppState>) -> Result<Vec<Category>, Problem> {
    state.read_db(|db| reference::categories(db.conn()).map_err(Problem::from))
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

/// Families that look like the form as it is being typed.
#[tauri::command(async)]
#[specta::specta]
pub fn similar_families(
    state: State<'_, AppState>,
    input: FamilyInput,
    own_id: Option<String>,
) -> Result<Vec<DuplicateHint>, Problem> {
    state.with_db(|db| family::similar(db.conn(), &input, own_id.as_deref()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_villages(state: State<'_, AppState>) -> Result<Vec<String>, Problem> {
    state.with_db(|db| family::villages(db))
}

#[tauri::command(async)]
#[specta::specta]
pub fn archive_family(
    state: State<'_, AppState>,
    id: String,
    reason: String,
    date: Option<String>,
) -> Result<Family, Problem> {
    state.with_db(|db| family::archive(db, &id, &reason, date.as_deref()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn restore_family(state: State<'_, AppState>, id: String) -> Result<Family, Problem> {
    state.with_db(|db| family::restore(db, &id))
}

#[tauri::command(async)]
#[specta::specta]
pub fn destroy_family(
    state: State<'_, AppState>,
    id: String,
    confirm_registry_no: u32,
) -> Result<Family, Problem> {
    state.with_db(|db| family::destroy(db, &id, confirm_registry_no))
}

#[tauri::command(async)]
#[specta::specta]
pub fn family_history(state: State<'_, AppState>, id: String) -> Result<Vec<AuditEntry>, Problem> {
    state.with_db(|db| audit::for_family(db.conn(), &id))
}
