//! Organisations and funding sources: the editors' commands.

use meirim_core::funding::{self, FundingSource, FundingSourceInput};
use meirim_core::organisations::{self, Organisation, OrganisationInput};
use meirim_core::Problem;
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn list_organisations(state: State<'_, AppState>) -> Result<Vec<Organisation>, Problem> {
    state.with_db(|db| organisations::list(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn create_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
) -> Result<Organisation, Problem> {
    state.with_db(|db| organisations::create(db, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_organisation(
    state: State<'_, AppState>,
    id: String,
    input: OrganisationInput,
) -> Result<Organisation, Problem> {
    state.with_db(|db| organisations::update(db, &id, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn create_funding_source(
    state: State<'_, AppState>,
    input: FundingSourceInput,
) -> Result<FundingSource, Problem> {
    state.with_db(|db| funding::create(db, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_funding_source(
    state: State<'_, AppState>,
    id: String,
    input: FundingSourceInput,
) -> Result<FundingSource, Problem> {
    state.with_db(|db| funding::update(db, &id, &input))
}
