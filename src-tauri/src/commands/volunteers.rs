//! Volunteers and their activities.

use meirim_core::volunteers::{self, ActivityInput, Volunteer, VolunteerActivity, VolunteerInput};
use meirim_core::Problem;
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn list_volunteers(
    state: State<'_, AppState>,
    text: String,
) -> Result<Vec<Volunteer>, Problem> {
    state.with_db(|db| volunteers::list(db.conn(), &text))
}

#[tauri::command(async)]
#[specta::specta]
pub fn get_volunteer(state: State<'_, AppState>, id: String) -> Result<Volunteer, Problem> {
    state.with_db(|db| volunteers::get(db.conn(), &id))
}

#[tauri::command(async)]
#[specta::specta]
pub fn create_volunteer(
    state: State<'_, AppState>,
    input: VolunteerInput,
) -> Result<Volunteer, Problem> {
    state.with_db(|db| volunteers::create(db, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_volunteer(
    state: State<'_, AppState>,
    id: String,
    input: VolunteerInput,
) -> Result<Volunteer, Problem> {
    state.with_db(|db| volunteers::update(db, &id, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn log_activity(
    state: State<'_, AppState>,
    input: ActivityInput,
) -> Result<VolunteerActivity, Problem> {
    state.with_db(|db| volunteers::activities::log(db, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_activities(
    state: State<'_, AppState>,
    volunteer_id: Option<String>,
    campaign_id: Option<String>,
) -> Result<Vec<VolunteerActivity>, Problem> {
    state.with_db(|db| {
        volunteers::activities::list(db.conn(), volunteer_id.as_deref(), campaign_id.as_deref())
    })
}
