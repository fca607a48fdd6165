//! Issuing letters: a batch is numbered in the register and printed into one PDF in the
//! same transaction — a failed, cancelled or interrupted print leaves no number used and no
//! file under the final name. Also the reprint of issued documents and the preview.

use std::path::{Path, PathBuf};

use meirim_core::letters::compose::BatchOptions;
use meirim_core::letters::letterhead;
use meirim_core::letters::recipients::Recipient;
use meirim_core::letters::register::{self, IssuedBatch};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::{db::DbError, Database};

use crate::letter::{check_image, letters, preview_svg};
use crate::{documents_dir, failed, stage, write_whole, DocumentError};

fn document_problem(path: &Path, e: DocumentError) -> Problem {
    match e {
        DocumentError::Cancelled => Problem::new(ErrorCode::BatchCancelled),
        DocumentError::GlyphsMissing(chars) => {
            Problem::new(ErrorCode::GlyphMissing).with("chars", chars)
        }
        e => failed(path, e),
    }
}

/// Numbers, records and prints a batch into `out` (or `documents/letters-<first>.pdf`).
/// `progress(done, total)` hears of each page and cancels everything by returning false.
pub fn issue_letters(
    db: &mut Database,
    options: &BatchOptions,
    recipients: &[Recipient],
    data_dir: &Path,
    out: Option<&Path>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<IssuedBatch, Problem> {
    let mut batch = register::prepare(db.conn(), options, recipients)?;
    let logo = letterhead::logo(db.conn())?;
    let total = batch.items.len();
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let documents = register::record(&tx, &mut batch)?;
    let first = documents
        .first()
        .map(|d| d.number.replace(['/', '\\', ' '], "-"))
        .unwrap_or_default();
    let path = match out {
        Some(p) => p.to_path_buf(),
        None => documents_dir(data_dir).join(format!("letters-{first}.pdf")),
    };
    let pages: Vec<_> = batch.items.iter().map(|(_, p)| p.clone()).collect();
    let title = batch.template.text.name_kk.clone();
    let bytes = letters(&pages, &title, logo.as_deref(), &mut |done| {
        progress(done, total)
    })
    .map_err(|e| document_problem(&path, e))?;
    // The PDF is written in full beside its name, the numbers are committed, and only then
    // does it take its name: killed before the commit, no file carries numbers the register
    // lacks (the staged file is swept at the next start); killed after, the register has
    // them and «Қайта басып шығару» prints them again.
    let staged = stage(&path, &bytes)?;
    meirim_core::pause::point("letters-staged");
    tx.commit().map_err(DbError::from)?;
    meirim_core::pause::point("letters-committed");
    staged.place()?;
    Ok(IssuedBatch {
        path: path.display().to_string(),
        batch_id: batch.id,
        documents,
    })
}

/// Prints issued documents again, exactly as first printed (numbers, codes and all), into
/// `out` or `documents/reprint-<number>.pdf`.
pub fn reprint(
    db: &Database,
    ids: &[String],
    data_dir: &Path,
    out: Option<&Path>,
) -> Result<PathBuf, Problem> {
    let pages = register::pages(db.conn(), ids)?;
    let first = match ids.first() {
        Some(id) => register::get(db.conn(), id)?,
        None => return Err(Problem::new(ErrorCode::NoRecipients)),
    };
    let path = match out {
        Some(p) => p.to_path_buf(),
        None => documents_dir(data_dir).join(format!(
            "reprint-{}.pdf",
            first.number.replace(['/', '\\', ' '], "-")
        )),
    };
    let logo = letterhead::logo(db.conn())?;
    let bytes = letters(&pages, &first.reason, logo.as_deref(), &mut |_| true)
        .map_err(|e| document_problem(&path, e))?;
    write_whole(&path, &bytes)?;
    Ok(path)
}

/// `recipient`'s page as it will print: an SVG of the same drawing, as a data URL the
/// webview shows in an <img> (an image cannot run scripts, and its fonts travel inside).
/// The number and code are samples: real ones are given when the batch is issued.
pub fn preview(
    db: &Database,
    options: &BatchOptions,
    recipient: &Recipient,
) -> Result<String, Problem> {
    let batch = register::prepare(db.conn(), options, std::slice::from_ref(recipient))?;
    let logo = letterhead::logo(db.conn())?;
    let mut page = batch
        .items
        .into_iter()
        .next()
        .map(|(_, p)| p)
        .ok_or_else(|| Problem::new(ErrorCode::NoRecipients))?;
    page.number = "№ …".to_owned();
    page.qr = meirim_core::letters::verify::payload("…", "", "0000000000");
    let svg = preview_svg(&page, logo.as_deref())
        .map_err(|e| document_problem(Path::new("preview"), e))?;
    use base64::Engine as _;
    Ok(format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    ))
}

/// Stores the office's logo after checking that letters can print it.
pub fn set_logo(db: &Database, bytes: Option<&[u8]>) -> Result<(), Problem> {
    if let Some(b) = bytes {
        if b.len() > letterhead::LOGO_MAX_BYTES {
            return letterhead::set_logo(db.conn(), Some(b));
        }
        check_image(b).map_err(|e| {
            Problem::new(ErrorCode::ImageInvalid)
                .with("reason", "unreadable")
                .with("detail", e)
        })?;
    }
    letterhead::set_logo(db.conn(), bytes)
}
