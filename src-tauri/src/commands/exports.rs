//! Files that leave the registry on purpose: where they go (documents/, a USB stick, or a
//! file the user picked in the native save dialog), the careful write, and the lists with
//! personal data — with progress and a cancel, because 100 000 families take seconds.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use meirim_core::lists::{self, ListKind, ListOptions};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::settings;
use meirim_exchange::ListFormat;
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::commands::documents::data_dir;
use crate::grants::Use;
use crate::state::AppState;

/// Where an export goes. A stick and a chosen file are named by the tokens Rust gave the
/// window for them (`removable_drives`, `choose_save_path`), never by a path.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(tag = "to", content = "path", rename_all = "kebab-case")]
pub enum Target {
    /// documents/ in the data folder.
    Documents,
    /// A USB stick; the file keeps its suggested name.
    Folder(String),
    /// The exact file the user chose in the save dialog.
    File(String),
}

/// The path a file named `name` goes to for `target`.
pub(crate) fn destination(
    state: &AppState,
    target: &Target,
    name: &str,
) -> Result<PathBuf, Problem> {
    Ok(match target {
        Target::Documents => {
            let dir = meirim_documents::documents_dir(&data_dir(state)?);
            std::fs::create_dir_all(&dir).map_err(|e| {
                Problem::new(ErrorCode::ExportFailed)
                    .with("path", dir.display())
                    .with("reason", "other")
                    .with("detail", e)
            })?;
            dir.join(name)
        }
        Target::Folder(token) => state.grants.resolve(token, Use::Folder)?.join(name),
        Target::File(token) => state.grants.resolve(token, Use::Write)?,
    })
}

/// Writes `bytes` as `name` to `target` with the verified write; returns the path.
pub(crate) fn save_to(
    state: &AppState,
    target: &Target,
    name: &str,
    bytes: &[u8],
) -> Result<String, Problem> {
    let path = destination(state, target, name)?;
    meirim_exchange::save(&path, bytes)?;
    Ok(path.display().to_string())
}

/// The office's language and its messages, for the files it writes.
pub(crate) fn office_localizer(
    db: &meirim_core::Database,
) -> Result<(settings::Language, meirim_i18n::Localizer), Problem> {
    let lang = settings::language(db.conn())?;
    let l10n = meirim_i18n::Localizer::new(lang)
        .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    Ok((lang, l10n))
}

/// The native save dialog, opened on `suggested` (a file name): the token of the file
/// chosen, `None` when the user closed it.
#[tauri::command(async)]
#[specta::specta]
pub fn choose_save_path(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    suggested: String,
) -> Option<String> {
    let ext = suggested.rsplit_once('.').map(|(_, e)| e.to_owned());
    let mut dialog = app.dialog().file().set_file_name(&suggested);
    if let Some(ext) = &ext {
        dialog = dialog.add_filter(ext.to_uppercase(), &[ext.as_str()]);
    }
    let chosen = dialog.blocking_save_file()?;
    let mut path = chosen.into_path().ok()?;
    // Typed without the extension: Excel would not know the file.
    if let (Some(ext), None) = (&ext, path.extension()) {
        path.set_extension(ext);
    }
    Some(state.grants.grant(&path, Use::Write))
}

#[derive(Debug, Clone, Copy, Serialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum ExportPhase {
    /// Rows read from the registry; the total is not known yet.
    Reading,
    /// Rows written into the file, out of `total`.
    Writing,
    /// Writing the file to its place and reading it back.
    Saving,
}

#[derive(Debug, Clone, Copy, Serialize, specta::Type)]
pub struct ExportProgress {
    pub phase: ExportPhase,
    pub done: u32,
    pub total: Option<u32>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExportDone {
    pub path: String,
    pub rows: u32,
}

/// The file name a list gets unless the user picks another.
#[tauri::command(async)]
#[specta::specta]
pub fn list_file_name(kind: ListKind, format: ListFormat) -> String {
    format!(
        "{}-{}.{}",
        kind.code(),
        meirim_core::clock::today(),
        format.extension()
    )
}

/// Exports a list with personal data (refused unless `options.personal_data`), reporting
/// progress; `cancel_export` stops it with no file written and nothing logged. A finished
/// export is written to the audit log.
#[tauri::command(async)]
#[specta::specta]
pub fn export_list(
    state: State<'_, AppState>,
    kind: ListKind,
    options: ListOptions,
    format: ListFormat,
    target: Target,
    on_progress: Channel<ExportProgress>,
) -> Result<ExportDone, Problem> {
    state.cancel_export.store(false, Ordering::SeqCst);
    let cancel = &state.cancel_export;
    // A closed window drops the channel; the export still finishes.
    let report = |phase, done: usize, total: Option<usize>| {
        let _ = on_progress.send(ExportProgress {
            phase,
            done: done as u32,
            total: total.map(|t| t as u32),
        });
        !cancel.load(Ordering::SeqCst)
    };
    let path = destination(&state, &target, &list_file_name(kind, format))?;
    state.with_db(|db| {
        let (lang, l10n) = office_localizer(db)?;
        let table = lists::build_with(db.conn(), kind, options, lang, &mut |n| {
            report(ExportPhase::Reading, n, None)
        })?;
        let total = table.rows.len();
        let bytes = meirim_exchange::list_file(&table, &l10n, format, &mut |n| {
            report(ExportPhase::Writing, n, Some(total))
        })?;
        if !report(ExportPhase::Saving, total, Some(total)) {
            return Err(Problem::new(ErrorCode::ExportCancelled));
        }
        let target = path.display().to_string();
        lists::export_logged(db.conn(), &table, options, &target, || {
            meirim_exchange::save(&path, &bytes)
        })?;
        Ok(ExportDone {
            path: path.display().to_string(),
            rows: total as u32,
        })
    })
}

/// Asks a running export to stop; it takes effect within a few thousand rows.
#[tauri::command(async)]
#[specta::specta]
pub fn cancel_export(state: State<'_, AppState>) {
    state.cancel_export.store(true, Ordering::SeqCst);
}
