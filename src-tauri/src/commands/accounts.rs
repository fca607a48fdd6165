//! The administrator's screen of accounts: list, add, change, reset a password, the idle
//! lock's time and the recovery key.

use std::time::Duration;

use meirim_core::accounts::{self, Account, AccountChange, Cost, NewAccount};
use meirim_core::{audit, settings, ErrorCode, Problem};
use tauri::State;

use super::auth::RecoverySheet;
use crate::commands::documents::data_dir;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn accounts_list(state: State<'_, AppState>) -> Result<Vec<Account>, Problem> {
    state.with_db(|db| accounts::store::list(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn account_add(state: State<'_, AppState>, account: NewAccount) -> Result<Account, Problem> {
    let dir = data_dir(&state)?;
    let by = state.account()?;
    state.with_db(|db| accounts::add(db, &dir, &by, &account, Cost::for_new_passwords()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn account_change(
    state: State<'_, AppState>,
    change: AccountChange,
) -> Result<Account, Problem> {
    let dir = data_dir(&state)?;
    let by = state.account()?;
    let changed = state.with_db(|db| accounts::change(db, &dir, &by, &change))?;
    state.refresh_account(changed.clone());
    Ok(changed)
}

/// Gives a worker a temporary password; they choose their own at the next sign-in.
#[tauri::command(async)]
#[specta::specta]
pub fn account_reset_password(
    state: State<'_, AppState>,
    id: String,
    password: String,
) -> Result<(), Problem> {
    let dir = data_dir(&state)?;
    let by = state.account()?;
    state.with_db(|db| {
        accounts::set_password(db, &dir, &by, &id, &password, Cost::for_new_passwords())
    })
}

/// The recovery key again (logged): for a new printout when the first was lost.
#[tauri::command(async)]
#[specta::specta]
pub fn recovery_key(state: State<'_, AppState>) -> Result<RecoverySheet, Problem> {
    state.with_db(|db| {
        let key = db
            .key()
            .cloned()
            .ok_or_else(|| Problem::new(ErrorCode::NoAccounts))?;
        audit::record_event(db.conn(), None, audit::AuditAction::RecoveryKeyShown, "")?;
        Ok(RecoverySheet::new(
            &key,
            settings::office_name(db.conn()).unwrap_or_default(),
        ))
    })
}

/// Gives the registry a new key (after a worker left who might have kept the old one) and
/// returns the new recovery sheet: the old paper opens nothing made from now on.
#[tauri::command(async)]
#[specta::specta]
pub fn registry_change_key(state: State<'_, AppState>) -> Result<RecoverySheet, Problem> {
    let dir = data_dir(&state)?;
    let by = state.account()?;
    // The automatic backup reads the registry on a connection of its own: it finishes first.
    if let Some(status) = &state.status {
        status.wait_backups(Duration::from_secs(180));
    }
    let mut changed = None;
    state.reopen_with(|current| {
        let db = current.ok_or_else(|| Problem::new(ErrorCode::SignedOut))?;
        let (db, key) = accounts::rotate_key(db, &dir, &by)?;
        changed = Some(key);
        Ok(db)
    })?;
    let key = changed.ok_or_else(|| Problem::new(ErrorCode::Internal))?;
    state.set_registry_key(key.clone());
    let office = state
        .with_db(|db| Ok(settings::office_name(db.conn()).unwrap_or_default()))
        .unwrap_or_default();
    Ok(RecoverySheet::new(&key, office))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_idle_minutes(state: State<'_, AppState>, minutes: u32) -> Result<u32, Problem> {
    let m = state.with_db(|db| Ok(settings::set_idle_minutes(db.conn(), minutes)?))?;
    state.set_idle(Duration::from_secs(u64::from(m) * 60));
    Ok(m)
}
