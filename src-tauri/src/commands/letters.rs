//! Letters, diplomas and certificates: templates, letterhead, recipients with their dative
//! forms, the preview, issuing a batch with progress and cancel, and the register.

use std::sync::atomic::Ordering;

use meirim_core::letters::compose::BatchOptions;
use meirim_core::letters::letterhead::{self, Letterhead};
use meirim_core::letters::recipients::{self, Recipient, VolunteerFilter};
use meirim_core::letters::register::{
    self, IssuedBatch, IssuedDocument, RegisterFilter, Verification,
};
use meirim_core::letters::templates::{self, LetterTemplate, TemplateInput};
use meirim_core::person::Sex;
use meirim_core::Problem;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::documents::data_dir;
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn list_letter_templates(
    state: State<'_, AppState>,
    with_archived: bool,
) -> Result<Vec<LetterTemplate>, Problem> {
    state.with_db(|db| templates::list(db.conn(), with_archived))
}

#[tauri::command(async)]
#[specta::specta]
pub fn save_letter_template(
    state: State<'_, AppState>,
    id: Option<String>,
    input: TemplateInput,
) -> Result<LetterTemplate, Problem> {
    state.with_db(|db| templates::save(db, id.as_deref(), &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_letter_template_archived(
    state: State<'_, AppState>,
    id: String,
    archived: bool,
) -> Result<(), Problem> {
    state.with_db(|db| templates::set_archived(db.conn(), &id, archived))
}

#[tauri::command(async)]
#[specta::specta]
pub fn get_letterhead(state: State<'_, AppState>) -> Result<Letterhead, Problem> {
    state.with_db(|db| letterhead::get(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_letterhead(
    state: State<'_, AppState>,
    input: Letterhead,
) -> Result<Letterhead, Problem> {
    state.with_db(|db| letterhead::set(db.conn(), &input))
}

/// Stores the logo (PNG or JPEG bytes), or removes it when `bytes` is null.
#[tauri::command(async)]
#[specta::specta]
pub fn set_letter_logo(
    state: State<'_, AppState>,
    bytes: Option<Vec<u8>>,
) -> Result<Letterhead, Problem> {
    state.with_db(|db| {
        meirim_documents::set_logo(db, bytes.as_deref())?;
        letterhead::get(db.conn())
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn letter_volunteers(
    state: State<'_, AppState>,
    filter: VolunteerFilter,
) -> Result<Vec<Recipient>, Problem> {
    state.with_db(|db| recipients::volunteers(db.conn(), &filter))
}

#[tauri::command(async)]
#[specta::specta]
pub fn letter_typed_names(
    state: State<'_, AppState>,
    lines: String,
) -> Result<Vec<Recipient>, Problem> {
    state.with_db(|db| recipients::typed(db.conn(), &lines))
}

/// What the pages of `template_id` in `layout` would print without (office name, signatory,
/// position): the batch screen warns before anything is issued.
#[tauri::command(async)]
#[specta::specta]
pub fn letter_batch_warnings(
    state: State<'_, AppState>,
    template_id: String,
    layout: meirim_core::letters::compose::Layout,
) -> Result<Vec<meirim_core::letters::readiness::Missing>, Problem> {
    state.with_db(|db| {
        let template = templates::get(db.conn(), &template_id)?;
        let head = letterhead::get(db.conn())?;
        Ok(meirim_core::letters::readiness::missing(
            &head, &template, layout,
        ))
    })
}

/// `recipient` with the sex the user chose where the name did not tell: its addressee
/// lines computed again.
#[tauri::command(async)]
#[specta::specta]
pub fn letter_recipient_with_sex(recipient: Recipient, sex: Sex) -> Recipient {
    recipients::with_sex(&recipient, sex)
}

/// The page `recipient` would get, as SVG drawn from the same layout as the PDF.
#[tauri::command(async)]
#[specta::specta]
pub fn preview_letter(
    state: State<'_, AppState>,
    options: BatchOptions,
    recipient: Recipient,
) -> Result<String, Problem> {
    state.with_db(|db| meirim_documents::preview(db, &options, &recipient))
}

#[derive(Debug, Clone, Copy, Serialize, specta::Type)]
pub struct BatchProgress {
    pub done: u32,
    pub total: u32,
}

/// Numbers and prints a batch into documents/, reporting each page; `cancel_letter_batch`
/// stops it with nothing recorded.
#[tauri::command(async)]
#[specta::specta]
pub fn issue_letters(
    state: State<'_, AppState>,
    options: BatchOptions,
    recipients: Vec<Recipient>,
    on_progress: Channel<BatchProgress>,
) -> Result<IssuedBatch, Problem> {
    let dir = data_dir(&state)?;
    state.cancel_batch.store(false, Ordering::SeqCst);
    let cancel = &state.cancel_batch;
    state.with_db(|db| {
        meirim_documents::issue_letters(
            db,
            &options,
            &recipients,
            &dir,
            None,
            &mut |done, total| {
                // A closed window drops the channel; the batch still finishes.
                let _ = on_progress.send(BatchProgress {
                    done: done as u32,
                    total: total as u32,
                });
                !cancel.load(Ordering::SeqCst)
            },
        )
    })
}

/// Asks a running batch to stop; it takes effect after the page being drawn.
#[tauri::command(async)]
#[specta::specta]
pub fn cancel_letter_batch(state: State<'_, AppState>) {
    state.cancel_batch.store(true, Ordering::SeqCst);
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_issued_documents(
    state: State<'_, AppState>,
    filter: RegisterFilter,
) -> Result<Vec<IssuedDocument>, Problem> {
    state.with_db(|db| register::list(db.conn(), &filter))
}

#[tauri::command(async)]
#[specta::specta]
pub fn cancel_issued_document(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> Result<IssuedDocument, Problem> {
    state.with_db(|db| register::cancel(db.conn(), &id, &reason))
}

/// Prints issued documents again into documents/ and returns the file's path.
#[tauri::command(async)]
#[specta::specta]
pub fn reprint_documents(state: State<'_, AppState>, ids: Vec<String>) -> Result<String, Problem> {
    let dir = data_dir(&state)?;
    state.with_db(|db| {
        meirim_documents::reprint(db, &ids, &dir, None).map(|p| p.display().to_string())
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn verify_document(state: State<'_, AppState>, code: String) -> Result<Verification, Problem> {
    state.with_db(|db| register::check(db.conn(), &code))
}
