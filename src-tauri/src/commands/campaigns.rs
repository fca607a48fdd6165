//! Campaigns, their bulk distribution rounds and the distribution list.

use meirim_core::aid::{self, BulkCandidate, BulkFilter, BulkOutcome, BulkPlan, Delivery};
use meirim_core::campaigns::{self, Campaign, CampaignInput, CampaignSummary};
use meirim_core::{settings, Problem};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn create_campaign(
    state: State<'_, AppState>,
    input: CampaignInput,
) -> Result<Campaign, Problem> {
    state.with_db(|db| campaigns::create(db, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn update_campaign(
    state: State<'_, AppState>,
    id: String,
    input: CampaignInput,
) -> Result<Campaign, Problem> {
    state.with_db(|db| campaigns::update(db, &id, &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn campaign_summary(
    state: State<'_, AppState>,
    id: String,
) -> Result<CampaignSummary, Problem> {
    state.with_db(|db| campaigns::summary(db.conn(), &id))
}

#[tauri::command(async)]
#[specta::specta]
pub fn bulk_candidates(
    state: State<'_, AppState>,
    filter: BulkFilter,
) -> Result<Vec<BulkCandidate>, Problem> {
    state.with_db(|db| aid::bulk::candidates(db.conn(), &filter))
}

#[tauri::command(async)]
#[specta::specta]
pub fn bulk_plan(state: State<'_, AppState>, plan: BulkPlan) -> Result<BulkOutcome, Problem> {
    let planned = state.with_db(|db| aid::bulk::plan(db, &plan))?;
    crate::commands::backups::after_change(&state);
    Ok(planned)
}

#[tauri::command(async)]
#[specta::specta]
pub fn campaign_round(
    state: State<'_, AppState>,
    campaign_id: String,
    aid_type_id: Option<String>,
) -> Result<Vec<Delivery>, Problem> {
    state.with_db(|db| aid::bulk::round(db.conn(), &campaign_id, aid_type_id.as_deref()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn deliver_many(
    state: State<'_, AppState>,
    ids: Vec<String>,
    on: Option<String>,
    receipt_signed: bool,
) -> Result<u32, Problem> {
    let delivered =
        state.with_db(|db| aid::bulk::deliver_many(db, &ids, on.as_deref(), receipt_signed))?;
    crate::commands::backups::after_change(&state);
    Ok(delivered)
}

/// The signatory printed on the last distribution list in the office's language, to offer
/// again.
#[tauri::command(async)]
#[specta::specta]
pub fn list_signatory(state: State<'_, AppState>) -> Result<String, Problem> {
    state.with_db(|db| {
        let lang = settings::language(db.conn())?;
        Ok(settings::signatory(db.conn(), lang)?)
    })
}
