//! A family that moves to another office, in the window: sent as a passphrase-encrypted
//! file (and archived here), and received from one — shown first with the families here
//! that share an IIN with it.

use meirim_core::problem::Problem;
use meirim_core::transfer::receive::{self, Arriving};
use meirim_core::transfer::{file, send, EXTENSION};
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::commands::exports::{save_to, Target};
use crate::commands::imports::{files_in, offered, FoundFile};
use crate::state::AppState;

/// «Басқа кеңсеге беру»: the file written to `target` (read back), then the family
/// archived here with the reason; returns the file's path.
#[tauri::command(async)]
#[specta::specta]
pub fn transfer_family(
    state: State<'_, AppState>,
    family_id: String,
    reason: String,
    passphrase: String,
    target: Target,
) -> Result<String, Problem> {
    let t = state.with_db(|db| send::gather(db.conn(), &family_id, &reason))?;
    let bytes = file::seal(&t, &passphrase)?;
    let path = save_to(&state, &target, &send::file_name(&t), &bytes)?;
    state.with_db(|db| send::mark_sent(db, &family_id, &reason, &path))?;
    Ok(path)
}

/// Transfer files at the top of each USB stick and in documents/.
#[tauri::command(async)]
#[specta::specta]
pub fn transfer_files(state: State<'_, AppState>) -> Vec<FoundFile> {
    files_in(&state, &[EXTENSION])
}

/// The native open dialog for a transfer file; `None` when closed.
#[tauri::command(async)]
#[specta::specta]
pub fn choose_transfer_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Option<FoundFile> {
    let picked = app
        .dialog()
        .file()
        .add_filter("Meirim", &[EXTENSION])
        .blocking_pick_file()?;
    Some(offered(&state.grants, &picked.into_path().ok()?))
}

fn opened(
    state: &AppState,
    token: &str,
    passphrase: &str,
) -> Result<meirim_core::transfer::Transfer, Problem> {
    let bytes = crate::commands::district::read_small(state, token, file::MAX_FILE_BYTES)?;
    file::open(&bytes, passphrase)
}

/// What a transfer file holds and which families here share an IIN with it.
#[tauri::command(async)]
#[specta::specta]
pub fn transfer_preview(
    state: State<'_, AppState>,
    file: String,
    passphrase: String,
) -> Result<Arriving, Problem> {
    let t = opened(&state, &file, &passphrase)?;
    state.with_db(|db| receive::preview(db.conn(), &t))
}

/// Reads the family in (or, `into`, its history into the family here that is the same);
/// returns its id here.
#[tauri::command(async)]
#[specta::specta]
pub fn transfer_receive(
    state: State<'_, AppState>,
    file: String,
    passphrase: String,
    into: Option<String>,
) -> Result<String, Problem> {
    let t = opened(&state, &file, &passphrase)?;
    state.with_db(|db| receive::accept(db, &t, into.as_deref()))
}
