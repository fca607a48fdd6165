//! The sign-in screen's commands: what it must ask for, the first administrator, sign-in,
//! recovery with the printed key, the idle lock, sign-out.

use std::time::Duration;

use meirim_core::accounts::{self, Account, Cost, Gate, NewAccount, Role};
use meirim_core::{settings, Check, ErrorCode, Problem};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::commands::documents::data_dir;
use crate::state::AppState;

/// Who is signed in, and what the window needs to know about it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Me {
    pub account: Account,
    pub locked: bool,
    pub idle_minutes: u32,
}

/// What the first screen asks: create the administrator, sign in, or (signed in) nothing.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AuthState {
    pub gate: Gate,
    pub me: Option<Me>,
}

fn me(state: &AppState) -> Option<Me> {
    let session = state.session()?;
    let idle_minutes = state
        .read_db(|db| Ok(settings::idle_minutes(db.conn())?))
        .unwrap_or(settings::IDLE_MINUTES_DEFAULT);
    Some(Me {
        account: session.account,
        locked: session.locked,
        idle_minutes,
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn auth_gate(state: State<'_, AppState>) -> Result<AuthState, Problem> {
    Ok(AuthState {
        gate: accounts::gate(&data_dir(&state)?),
        me: me(&state),
    })
}

/// The recovery key, shown once after the administrator is created (and again on the
/// administrator's request, and after the key is changed): 16 groups of four characters.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RecoverySheet {
    pub key: String,
    pub office: String,
    pub created_at: String,
}

impl RecoverySheet {
    pub fn new(key: &meirim_core::db::RegistryKey, office: String) -> Self {
        Self {
            key: key.recovery_text().to_string(),
            office,
            created_at: meirim_core::clock::today().to_string(),
        }
    }
}

/// A registry that will not open whatever the password: the window shows the restore screen.
fn unusable(p: &Problem) -> bool {
    matches!(
        p.code,
        ErrorCode::DbDamaged | ErrorCode::DbNewerThanApp | ErrorCode::DbOpenFailed
    )
}

fn open_session(
    state: &AppState,
    signed: Result<accounts::SignedIn, Problem>,
) -> Result<Me, Problem> {
    let signed = match signed {
        Ok(s) => s,
        Err(p) => {
            // A registry that will not open (damaged, from a newer Meirim) is shown as such.
            if unusable(&p) {
                state.failed_to_open(p.clone());
            }
            return Err(p);
        }
    };
    let idle = settings::idle_minutes(signed.db.conn())?;
    state.signed_in(signed, Duration::from_secs(u64::from(idle) * 60))?;
    me(state).ok_or_else(|| Problem::new(ErrorCode::SignedOut))
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct FirstAdministrator {
    pub login: String,
    pub full_name: String,
    pub password: String,
    pub password_again: String,
}

#[tauri::command(async)]
#[specta::specta]
pub fn auth_create_administrator(
    state: State<'_, AppState>,
    admin: FirstAdministrator,
) -> Result<RecoverySheet, Problem> {
    if admin.password != admin.password_again {
        return Err(Problem::new(ErrorCode::PasswordMismatch));
    }
    let dir = data_dir(&state)?;
    // A registry restored before any account existed is open unencrypted: closed first,
    // so that it can be encrypted in place.
    state.sign_out();
    let new = NewAccount {
        login: admin.login,
        full_name: admin.full_name,
        role: Role::Administrator,
        password: admin.password,
    };
    let (signed, key) =
        accounts::create_administrator(&dir, &new, Cost::for_new_passwords(), Check::Later)?;
    let office = settings::office_name(signed.db.conn()).unwrap_or_default();
    open_session(&state, Ok(signed))?;
    Ok(RecoverySheet::new(&key, office))
}

#[tauri::command(async)]
#[specta::specta]
pub fn auth_sign_in(
    state: State<'_, AppState>,
    login: String,
    password: String,
) -> Result<Me, Problem> {
    let dir = data_dir(&state)?;
    state.sign_out();
    let unlocked = accounts::unlock(&dir, &login, &password, meirim_core::clock::now_utc())?;
    match accounts::open(&dir, &unlocked, Check::Later) {
        Err(p) if unusable(&p) => {
            state.unusable(unlocked, p.clone());
            Err(p)
        }
        signed => open_session(&state, signed),
    }
}

#[tauri::command(async)]
#[specta::specta]
pub fn auth_recover(
    state: State<'_, AppState>,
    recovery_key: String,
    login: String,
    password: String,
    password_again: String,
) -> Result<Me, Problem> {
    if password != password_again {
        return Err(Problem::new(ErrorCode::PasswordMismatch));
    }
    let dir = data_dir(&state)?;
    state.sign_out();
    let signed = accounts::recover(
        &dir,
        &recovery_key,
        &login,
        &password,
        Cost::for_new_passwords(),
        Check::Later,
    );
    open_session(&state, signed)
}

#[tauri::command(async)]
#[specta::specta]
pub fn auth_sign_out(state: State<'_, AppState>) {
    state.sign_out();
}

/// The idle lock, from the window's timer (the state locks by itself as well).
#[tauri::command(async)]
#[specta::specta]
pub fn auth_lock(state: State<'_, AppState>) {
    state.lock();
}

/// The user is at work in the window: typing, moving the mouse.
#[tauri::command(async)]
#[specta::specta]
pub fn auth_touch(state: State<'_, AppState>) {
    state.touch();
}

/// Opens the locked window again with the signed-in account's password (wrong attempts
/// count and wait as at sign-in).
#[tauri::command(async)]
#[specta::specta]
pub fn auth_unlock(state: State<'_, AppState>, password: String) -> Result<Me, Problem> {
    let dir = data_dir(&state)?;
    let session = state
        .session()
        .ok_or_else(|| Problem::new(ErrorCode::SignedOut))?;
    let unlocked = accounts::unlock(
        &dir,
        &session.account.login,
        &password,
        meirim_core::clock::now_utc(),
    )?;
    if unlocked.account_id != session.account.id {
        return Err(Problem::new(ErrorCode::SignInWrong));
    }
    state.unlock();
    me(&state).ok_or_else(|| Problem::new(ErrorCode::SignedOut))
}

#[tauri::command(async)]
#[specta::specta]
pub fn auth_me(state: State<'_, AppState>) -> Option<Me> {
    me(&state)
}

/// A worker sets their own password (after the administrator gave them one).
#[tauri::command(async)]
#[specta::specta]
pub fn auth_change_own_password(
    state: State<'_, AppState>,
    password: String,
    password_again: String,
) -> Result<Me, Problem> {
    if password != password_again {
        return Err(Problem::new(ErrorCode::PasswordMismatch));
    }
    let dir = data_dir(&state)?;
    let account = state.account()?;
    state.with_db(|db| {
        accounts::set_password(
            db,
            &dir,
            &account,
            &account.id,
            &password,
            Cost::for_new_passwords(),
        )
    })?;
    let fresh = state.with_db(|db| {
        accounts::store::get(db.conn(), &account.id)?
            .ok_or_else(|| Problem::new(ErrorCode::NotFound))
    })?;
    state.refresh_account(fresh);
    me(&state).ok_or_else(|| Problem::new(ErrorCode::SignedOut))
}
