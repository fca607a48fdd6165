//! The import wizard's commands: find spreadsheet files on USB sticks and in documents/ (or
//! pick one in the native dialog), open one, map its columns, preview (a dry run), import,
//! save the rejected rows or the template, history and undo. The opened file stays here
//! between steps, so the UI never holds the office's data as a file.

use std::path::Path;
use std::sync::atomic::Ordering;

use meirim_core::import::{
    self, mappings, Choices, Fix, FixKind, Mapping, Outcome, Prepared, SavedMapping,
};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_exchange::import::{self as files, CsvOptions, FileFormat, Opened, SheetOverview};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::commands::documents::data_dir;
use crate::commands::exports::{office_localizer, save_to, Target};
use crate::grants::{Grants, Use};
use crate::state::AppState;

/// The opened file, and the last preview or import of it (for the rejected-rows file).
pub struct ImportSession {
    opened: Opened,
    last: Option<Last>,
}

struct Last {
    sheet: usize,
    header_row: u32,
    prepared: Prepared,
    outcome: Outcome,
}

const EXTENSIONS: &[&str] = &["xlsx", "xls", "ods", "csv"];

/// A file offered to the window: its name to show and the token to open it with.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct FoundFile {
    pub token: String,
    pub name: String,
    /// The USB stick's name, or `None` for documents/.
    pub drive: Option<String>,
}

fn spreadsheets_in(
    grants: &Grants,
    dir: &Path,
    drive: Option<&str>,
    exts: &[&str],
    out: &mut Vec<FoundFile>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let ext = path
            .extension()
            .map(|x| x.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if path.is_file() && exts.contains(&ext.as_str()) {
            out.push(FoundFile {
                token: grants.grant(&path, Use::Read),
                name: e.file_name().to_string_lossy().into_owned(),
                drive: drive.map(str::to_owned),
            });
        }
    }
}

/// Spreadsheets at the top of each USB stick and in documents/: where an office's list is.
#[tauri::command(async)]
#[specta::specta]
pub fn import_sources(state: State<'_, AppState>) -> Vec<FoundFile> {
    files_in(&state, EXTENSIONS)
}

/// Files with one of `exts` at the top of each USB stick and in documents/.
pub(crate) fn files_in(state: &AppState, exts: &[&str]) -> Vec<FoundFile> {
    let mut out = Vec::new();
    for d in meirim_exchange::removable() {
        spreadsheets_in(
            &state.grants,
            Path::new(&d.mount_point),
            Some(&d.name),
            exts,
            &mut out,
        );
    }
    if let Ok(dir) = data_dir(state) {
        spreadsheets_in(
            &state.grants,
            &meirim_documents::documents_dir(&dir),
            None,
            exts,
            &mut out,
        );
    }
    out.sort_by(|a, b| a.drive.cmp(&b.drive).then(a.name.cmp(&b.name)));
    out
}

/// The native open dialog for a spreadsheet; `None` when closed.
#[tauri::command(async)]
#[specta::specta]
pub fn choose_import_file(app: tauri::AppHandle, state: State<'_, AppState>) -> Option<FoundFile> {
    let picked = app
        .dialog()
        .file()
        .add_filter("Excel, LibreOffice, CSV", EXTENSIONS)
        .blocking_pick_file()?;
    Some(offered(&state.grants, &picked.into_path().ok()?))
}

/// A file the user picked in a native open dialog, offered to the window for reading.
pub(crate) fn offered(grants: &Grants, path: &Path) -> FoundFile {
    FoundFile {
        token: grants.grant(path, Use::Read),
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        drive: None,
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct OpenedFile {
    pub file_name: String,
    pub kind: FileFormat,
    pub sheets: Vec<SheetOverview>,
    /// The sheet to start on: the first with rows.
    pub sheet: u32,
    pub mappings: Vec<SavedMapping>,
}

/// Opens a file for import (replacing any opened before); `file` is the token of a file
/// offered by `import_sources` or `choose_import_file`.
#[tauri::command(async)]
#[specta::specta]
pub fn import_open(
    state: State<'_, AppState>,
    file: String,
    csv: CsvOptions,
) -> Result<OpenedFile, Problem> {
    let path = state.grants.resolve(&file, Use::Read)?;
    state.cancel_import.store(false, Ordering::SeqCst);
    let isolation = files::Isolation::current(&state.cancel_import)?;
    let opened = files::open(&path, &csv, &isolation)?;
    let mappings = state.with_db(|db| mappings::all(db.conn()))?;
    let out = OpenedFile {
        file_name: opened.file.name.clone(),
        kind: opened.source.kind,
        sheets: opened.overviews(),
        sheet: opened.first_filled() as u32,
        mappings,
    };
    *session(&state)? = Some(ImportSession { opened, last: None });
    Ok(out)
}

fn session(state: &AppState) -> Result<std::sync::MutexGuard<'_, Option<ImportSession>>, Problem> {
    state
        .import
        .lock()
        .map_err(|_| Problem::new(ErrorCode::Internal).with("reason", "import lock poisoned"))
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SheetView {
    pub overview: SheetOverview,
    /// The suggested mapping, or the saved one laid onto this sheet's headers.
    pub mapping: Mapping,
}

/// The opened file's sheet with the header on `header_row` (an index into its rows; found
/// when `None`), mapped by suggestion or by the saved mapping `saved`.
#[tauri::command(async)]
#[specta::specta]
pub fn import_sheet(
    state: State<'_, AppState>,
    sheet: u32,
    header_row: Option<u32>,
    saved: Option<String>,
) -> Result<SheetView, Problem> {
    let overview = {
        let guard = session(&state)?;
        let s = guard
            .as_ref()
            .ok_or(Problem::new(ErrorCode::ImportNoFile))?;
        files::overview(s.opened.sheet(sheet as usize)?, header_row)
    };
    let saved = match saved {
        Some(name) => state.with_db(|db| mappings::find(db.conn(), &name))?,
        None => None,
    };
    Ok(SheetView {
        mapping: overview.mapping(saved.as_ref()),
        overview,
    })
}

#[derive(Debug, Clone, Copy, Serialize, specta::Type)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// What the preview screen shows: the dry run's outcome and the cleaning's changes.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportPreview {
    pub outcome: Outcome,
    /// The first changes of each kind, and how many there are of each.
    pub fixes: Vec<Fix>,
    pub fix_counts: Vec<(FixKind, u32)>,
}

/// Changes listed per kind; the rest are counted.
const FIXES_SHOWN: usize = 100;

fn summarize(prepared: &Prepared) -> (Vec<Fix>, Vec<(FixKind, u32)>) {
    let mut counts: Vec<(FixKind, u32)> = Vec::new();
    let mut shown = Vec::new();
    for f in &prepared.fixes {
        match counts.iter_mut().find(|(k, _)| *k == f.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.kind, 1)),
        }
        let n = counts.iter().find(|(k, _)| *k == f.kind).map_or(0, |c| c.1);
        if n as usize <= FIXES_SHOWN {
            shown.push(f.clone());
        }
    }
    (shown, counts)
}

fn run(
    state: &AppState,
    sheet: u32,
    mapping: &Mapping,
    choices: &Choices,
    on_progress: &Channel<ImportProgress>,
    apply: bool,
) -> Result<(Prepared, Outcome), Problem> {
    state.cancel_import.store(false, Ordering::SeqCst);
    let guard = session(state)?;
    let s = guard
        .as_ref()
        .ok_or(Problem::new(ErrorCode::ImportNoFile))?;
    let grid = s.opened.sheet(sheet as usize)?.grid();
    let file = s.opened.file.clone();
    let cancel = &state.cancel_import;
    state.with_db(|db| {
        let prepared = import::prepare(db.conn(), grid, mapping)?;
        let mut progress = |done: usize, total: usize| {
            let _ = on_progress.send(ImportProgress {
                done: done as u32,
                total: total as u32,
            });
            !cancel.load(Ordering::SeqCst)
        };
        let outcome = if apply {
            import::apply(db, &prepared, choices, &file, &mut progress)?
        } else {
            import::dry_run(db, &prepared, choices, &file, &mut progress)?
        };
        Ok((prepared, outcome))
    })
}

fn remember(state: &AppState, sheet: u32, mapping: &Mapping, prepared: Prepared, outcome: Outcome) {
    if let Ok(mut guard) = session(state) {
        if let Some(s) = guard.as_mut() {
            s.last = Some(Last {
                sheet: sheet as usize,
                header_row: mapping.header_row,
                prepared,
                outcome,
            });
        }
    }
}

/// The dry run: everything the import would do, nothing written.
#[tauri::command(async)]
#[specta::specta]
pub fn import_preview(
    state: State<'_, AppState>,
    sheet: u32,
    mapping: Mapping,
    choices: Choices,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportPreview, Problem> {
    let (prepared, outcome) = run(&state, sheet, &mapping, &choices, &on_progress, false)?;
    let (fixes, fix_counts) = summarize(&prepared);
    let preview = ImportPreview {
        outcome: outcome.clone(),
        fixes,
        fix_counts,
    };
    remember(&state, sheet, &mapping, prepared, outcome);
    Ok(preview)
}

/// The import, all or nothing.
#[tauri::command(async)]
#[specta::specta]
pub fn import_apply(
    state: State<'_, AppState>,
    sheet: u32,
    mapping: Mapping,
    choices: Choices,
    on_progress: Channel<ImportProgress>,
) -> Result<Outcome, Problem> {
    let (prepared, outcome) = run(&state, sheet, &mapping, &choices, &on_progress, true)?;
    remember(&state, sheet, &mapping, prepared, outcome.clone());
    crate::commands::backups::after_change(&state);
    Ok(outcome)
}

/// Asks a running preview or import to stop; nothing is written.
#[tauri::command(async)]
#[specta::specta]
pub fn cancel_import(state: State<'_, AppState>) {
    state.cancel_import.store(true, Ordering::SeqCst);
}

/// The last preview's or import's rejected rows, with reasons, as XLSX.
#[tauri::command(async)]
#[specta::specta]
pub fn import_save_rejected(state: State<'_, AppState>, target: Target) -> Result<String, Problem> {
    let guard = session(&state)?;
    let s = guard
        .as_ref()
        .ok_or(Problem::new(ErrorCode::ImportNoFile))?;
    let last = s
        .last
        .as_ref()
        .ok_or(Problem::new(ErrorCode::ImportNoFile))?;
    let sheet = s.opened.sheet(last.sheet)?;
    let rows = import::rejected_rows(&last.prepared, &last.outcome);
    let stem = s
        .opened
        .file
        .name
        .rsplit_once('.')
        .map_or(s.opened.file.name.as_str(), |(stem, _)| stem)
        .to_owned();
    let bytes = state.with_db(|db| {
        let (_, l10n) = office_localizer(db)?;
        files::rejected_rows(&l10n, sheet, last.header_row, &rows, &last.outcome.issues)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))
    })?;
    save_to(&state, &target, &format!("{stem}-rejected.xlsx"), &bytes)
}

/// The template to fill, in the office's language.
#[tauri::command(async)]
#[specta::specta]
pub fn import_save_template(state: State<'_, AppState>, target: Target) -> Result<String, Problem> {
    let bytes = state.with_db(|db| {
        let (_, l10n) = office_localizer(db)?;
        files::template(&l10n).map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))
    })?;
    save_to(&state, &target, "meirim-template.xlsx", &bytes)
}

/// Saves the mapping of the opened sheet's columns under `name`.
#[tauri::command(async)]
#[specta::specta]
pub fn import_save_mapping(
    state: State<'_, AppState>,
    name: String,
    sheet: u32,
    mapping: Mapping,
) -> Result<Vec<SavedMapping>, Problem> {
    let headers = {
        let guard = session(&state)?;
        let s = guard
            .as_ref()
            .ok_or(Problem::new(ErrorCode::ImportNoFile))?;
        files::overview(s.opened.sheet(sheet as usize)?, Some(mapping.header_row)).headers()
    };
    state.with_db(|db| {
        mappings::save(db.conn(), &name, &headers, &mapping)?;
        mappings::all(db.conn())
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn import_history(state: State<'_, AppState>) -> Result<Vec<import::Batch>, Problem> {
    state.with_db(|db| import::batches(db.conn(), 50))
}

#[tauri::command(async)]
#[specta::specta]
pub fn import_undo(
    state: State<'_, AppState>,
    batch_id: String,
) -> Result<import::Undone, Problem> {
    state.with_db(|db| import::undo(db, &batch_id))
}
