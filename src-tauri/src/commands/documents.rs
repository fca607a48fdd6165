//! Printable documents: saved into the data folder's documents/, then opened in the
//! system's PDF viewer (to print) or shown in the file manager (to copy to a USB stick).

use std::path::PathBuf;

use meirim_core::problem::{ErrorCode, Problem};
use tauri::State;

use crate::state::AppState;

/// Without a data folder the registry did not open either: report that same reason.
pub(crate) fn data_dir(state: &AppState) -> Result<PathBuf, Problem> {
    state.data_dir.clone().ok_or_else(|| {
        state
            .startup_problem()
            .unwrap_or_else(|| Problem::new(ErrorCode::Internal).with("reason", "no data folder"))
    })
}

/// Saves the family card PDF into documents/ and returns its path.
#[tauri::command(async)]
#[specta::specta]
pub fn save_family_card(state: State<'_, AppState>, id: String) -> Result<String, Problem> {
    let dir = data_dir(&state)?;
    state.with_db(|db| {
        meirim_documents::save_family_card(db, &id, &dir, None).map(|p| p.display().to_string())
    })
}

/// Opens a saved document in the default PDF viewer. Only files inside documents/ qualify.
#[tauri::command(async)]
#[specta::specta]
pub fn open_document(state: State<'_, AppState>, path: String) -> Result<(), Problem> {
    let file = meirim_documents::saved_document(&data_dir(&state)?, &path)?;
    tauri_plugin_opener::open_path(&file, None::<&str>).map_err(|e| cannot_open(&file, e))
}

/// Shows a saved document selected in the file manager.
#[tauri::command(async)]
#[specta::specta]
pub fn show_document(state: State<'_, AppState>, path: String) -> Result<(), Problem> {
    let file = meirim_documents::saved_document(&data_dir(&state)?, &path)?;
    tauri_plugin_opener::reveal_item_in_dir(&file).map_err(|e| cannot_open(&file, e))
}

fn cannot_open(file: &std::path::Path, e: impl std::fmt::Display) -> Problem {
    Problem::new(ErrorCode::DocumentOpenFailed)
        .with("path", file.display())
        .with("reason", e)
}

/// Prints a campaign's distribution list in the office's language and saves it — into
/// documents/, onto a USB stick or where the user chose — under its own name; returns the
/// path.
#[tauri::command(async)]
#[specta::specta]
pub fn save_distribution_list(
    state: State<'_, AppState>,
    campaign_id: String,
    aid_type_id: Option<String>,
    full_iin: bool,
    signatory: String,
    target: crate::commands::exports::Target,
) -> Result<String, Problem> {
    let options = meirim_documents::ListOptions {
        full_iin,
        signatory,
    };
    state.with_db(|db| {
        let lang = meirim_core::settings::language(db.conn())?;
        let list = meirim_documents::distribution_list_file(
            db,
            &campaign_id,
            aid_type_id.as_deref(),
            lang,
            &options,
        )?;
        let path = crate::commands::exports::destination(&state, &target, &list.name)?;
        list.record(db, &options, &path)?;
        meirim_exchange::save(&path, &list.bytes)?;
        Ok(path.display().to_string())
    })
}
