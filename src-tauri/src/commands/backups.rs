//! The backup screen's commands: local backups (list, make now, retention), the encrypted
//! copy for a USB stick, and restore — from a local backup or a file, also when the
//! registry is damaged and the rest of the app cannot open it.

use std::path::PathBuf;

use meirim_core::backup::{self, Candidate, Kind, LocalBackup, Retention, Source};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::{paths, settings};

use serde::Deserialize;
use tauri::ipc::Channel;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::commands::documents::data_dir;
use crate::commands::exports::{destination, Target};
use crate::commands::imports::{files_in, offered, FoundFile};
use crate::grants::Use;
use crate::state::AppState;
use crate::status::AppStatus;

/// After an import, a bulk distribution or a merge: a backup of the result, off-thread.
pub(crate) fn after_change(state: &AppState) {
    if let Some(status) = &state.status {
        status.start_backup(Some(Kind::AfterChange));
    }
}

/// The work behind the window — the registry's start-up check, whether an automatic backup
/// is running and the last one that failed; `channel` hears of every change from now on
/// (the home and backups screens show it; a damaged registry brings the restore screen).
#[tauri::command(async)]
#[specta::specta]
pub fn watch_status(state: State<'_, AppState>, channel: Channel<AppStatus>) -> Option<AppStatus> {
    state.status.as_ref().map(|s| s.watch(channel))
}

/// Local backups, newest first, with what each holds. Works without an open registry.
#[tauri::command(async)]
#[specta::specta]
pub fn backups_list(state: State<'_, AppState>) -> Result<Vec<LocalBackup>, Problem> {
    Ok(backup::list_in(
        &data_dir(&state)?,
        state.registry_key().as_ref(),
        true,
    )?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn backup_now(state: State<'_, AppState>) -> Result<LocalBackup, Problem> {
    let made = state.with_db(|db| {
        Ok(backup::create(
            db,
            Kind::Manual,
            meirim_core::clock::now_utc(),
        )?)
    });
    if let Some(status) = &state.status {
        status.record_backup(&made);
    }
    made
}

#[tauri::command(async)]
#[specta::specta]
pub fn backup_retention(state: State<'_, AppState>) -> Result<Retention, Problem> {
    state.with_db(|db| Ok(settings::backup_retention(db.conn())?))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_backup_retention(state: State<'_, AppState>, keep: Retention) -> Result<(), Problem> {
    if keep.daily == 0 || keep.daily > 366 || keep.weekly > 520 || keep.monthly > 240 {
        return Err(Problem::new(ErrorCode::InvalidChoice).with("value", keep.daily));
    }
    state.with_db(|db| {
        settings::set_backup_retention(db.conn(), keep)?;
        backup::prune(db, meirim_core::clock::now_utc(), keep)?;
        Ok(())
    })
}

/// The encrypted copy, written to `target` (a USB stick's folder, documents/, or a file).
#[tauri::command(async)]
#[specta::specta]
pub fn backup_seal(
    state: State<'_, AppState>,
    passphrase: String,
    target: Target,
) -> Result<String, Problem> {
    let now = meirim_core::clock::now_utc();
    let name = backup::sealed_file_name(now);
    let dir = data_dir(&state)?;
    // Where it goes is settled before a second of key derivation is spent on it.
    let path = destination(&state, &target, &name)?;
    let bytes = state.with_db(|db| {
        let (bytes, manifest) = backup::seal(db, &passphrase, &paths::backup_dir(&dir), now)?;
        backup::record_sealed(db.conn(), &manifest, &path)?;
        Ok(bytes)
    })?;
    meirim_exchange::save(&path, &bytes)?;
    Ok(path.display().to_string())
}

/// Encrypted backups at the top of USB sticks and in documents/.
#[tauri::command(async)]
#[specta::specta]
pub fn backup_files(state: State<'_, AppState>) -> Vec<FoundFile> {
    files_in(&state, &[backup::SEALED_EXTENSION])
}

#[tauri::command(async)]
#[specta::specta]
pub fn choose_backup_file(app: tauri::AppHandle, state: State<'_, AppState>) -> Option<FoundFile> {
    let picked = app
        .dialog()
        .file()
        .add_filter("Meirim", &[backup::SEALED_EXTENSION, "sqlite3"])
        .blocking_pick_file()?;
    Some(offered(&state.grants, &picked.into_path().ok()?))
}

/// Where a restore comes from: a local backup (by the path `backups_list` gave, which must
/// be in backups/), or a file offered to the window (encrypted: with its passphrase).
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(tag = "from", rename_all = "kebab-case")]
pub enum RestoreFrom {
    Local { path: String },
    File { file: String, passphrase: String },
}

fn source(state: &AppState, dir: &std::path::Path, from: RestoreFrom) -> Result<Source, Problem> {
    Ok(match from {
        RestoreFrom::Local { path } => {
            let path = PathBuf::from(path);
            // A local backup is a file directly in backups/, named as backups_list named it.
            let inside = path
                .file_name()
                .map(|name| paths::backup_dir(dir).join(name))
                .is_some_and(|expected| expected == path && path.is_file());
            if !inside {
                return Err(Problem::new(ErrorCode::PathNotOffered));
            }
            Source::Plain(path)
        }
        RestoreFrom::File { file, passphrase } => {
            let path = state.grants.resolve(&file, Use::Read)?;
            if path.extension().is_some_and(|e| e == "sqlite3") {
                Source::Plain(path)
            } else {
                Source::Sealed { path, passphrase }
            }
        }
    })
}

/// Checks a backup and says what it holds beside the current data; changes nothing.
#[tauri::command(async)]
#[specta::specta]
pub fn backup_inspect(state: State<'_, AppState>, from: RestoreFrom) -> Result<Candidate, Problem> {
    let dir = data_dir(&state)?;
    let key = state.registry_key();
    backup::inspect(&dir, &source(&state, &dir, from)?, key.as_ref())
}

/// Replaces the registry with the inspected backup. The current registry is kept as a
/// backup first (a damaged one is moved aside). The window reloads afterwards.
#[tauri::command(async)]
#[specta::specta]
pub fn backup_restore(state: State<'_, AppState>, candidate: Candidate) -> Result<(), Problem> {
    let dir = data_dir(&state)?;
    let staged = PathBuf::from(&candidate.staged);
    // Only the file inspect staged may be swapped in.
    if staged.parent() != Some(dir.join("restore").as_path()) {
        return Err(Problem::new(ErrorCode::NotFound).with("path", staged.display()));
    }
    let key = state.registry_key();
    let was_unusable = state.startup_problem().is_some();
    let outcome = state.reopen_with(|current| match current {
        Some(db) => backup::replace(db, &dir, &candidate, meirim_core::clock::now_utc()),
        None => backup::replace_damaged(
            &dir,
            &candidate,
            key.as_ref(),
            meirim_core::clock::now_utc(),
        ),
    });
    // The session that restored a registry it could not read is not a real one (its role
    // was in the damaged file): the window signs in anew.
    if outcome.is_ok() && was_unusable {
        state.sign_out();
    }
    outcome
}
