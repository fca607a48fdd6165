//! Aid: the catalogue, a family's deliveries and their life, the lists the aid form
//! chooses from (funding sources, campaigns).

use meirim_core::aid::{self, AidType, AidTypeInput, Delivery, DeliveryCheck, DeliveryInput};
use meirim_core::campaigns::{self, Campaign};
use meirim_core::funding::{self, FundingSource};
use meirim_core::Problem;
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn list_aid_types(state: State<'_, AppState>) -> Result<Vec<AidType>, Problem> {
    state.with_db(|db| aid::types::list(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn add_aid_type(state: State<'_, AppState>, input: AidTypeInput) -> Result<AidType, Problem> {
    state.with_db(|db| aid::types::add(db, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_aid_type(
    state: State<'_, AppState>,
    id: String,
    input: AidTypeInput,
) -> Result<AidType, Problem> {
    state.with_db(|db| aid::types::update(db, &id, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_aid_type_active(
    state: State<'_, AppState>,
    id: String,
    active: bool,
) -> Result<(), Problem> {
    state.with_db(|db| aid::types::set_active(db, &id, active))
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_funding_sources(state: State<'_, AppState>) -> Result<Vec<FundingSource>, Problem> {
    state.with_db(|db| funding::list(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_campaigns(state: State<'_, AppState>) -> Result<Vec<Campaign>, Problem> {
    state.with_db(|db| campaigns::list(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn family_aid(state: State<'_, AppState>, family_id: String) -> Result<Vec<Delivery>, Problem> {
    state.with_db(|db| aid::for_family(db.conn(), &family_id))
}

/// The value and the frequency-rule warnings of a delivery being typed.
#[tauri::command(async)]
#[specta::specta]
pub fn check_delivery(
    state: State<'_, AppState>,
    input: DeliveryInput,
    except: Option<String>,
) -> Result<DeliveryCheck, Problem> {
    state.with_db(|db| aid::check(db.conn(), &input, except.as_deref()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn record_delivery(
    state: State<'_, AppState>,
    input: DeliveryInput,
) -> Result<Delivery, Problem> {
    state.with_db(|db| aid::record(db, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_delivery(
    state: State<'_, AppState>,
    id: String,
    input: DeliveryInput,
) -> Result<Delivery, Problem> {
    state.with_db(|db| aid::update(db, &id, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn deliver_aid(
    state: State<'_, AppState>,
    id: String,
    on: Option<String>,
    receipt_signed: bool,
) -> Result<Delivery, Problem> {
    state.with_db(|db| aid::deliver(db, &id, on.as_deref(), receipt_signed))
}

#[tauri::command(async)]
#[specta::specta]
pub fn cancel_aid(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> Result<Delivery, Problem> {
    state.with_db(|db| aid::cancel(db, &id, &reason))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_aid_receipt(
    state: State<'_, AppState>,
    id: String,
    signed: bool,
) -> Result<Delivery, Problem> {
    state.with_db(|db| aid::set_receipt(db, &id, signed))
}
