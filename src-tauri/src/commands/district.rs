//! The district roll-up in the window: the office's identity and the district key, the
//! package an office sends up, and a district's reading of its offices' packages, its
//! completeness table, consolidated report and the answer about families two offices both
//! helped.

use meirim_core::district::completeness;
use meirim_core::district::consolidate::{self, Consolidated};
use meirim_core::district::doubles::{self, AnswerSeen};
use meirim_core::district::key::{self, KeyState};
use meirim_core::district::office::{self, Office, OfficeBelow, OfficeInput};
use meirim_core::district::package;
use meirim_core::district::receive::{self, Preview};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::reports::Period;
use meirim_core::settings;
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::commands::exports::{office_localizer, save_to, Target};
use crate::commands::imports::{files_in, offered, FoundFile};
use crate::grants::Use;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct OfficeState {
    pub office: Office,
    pub key: KeyState,
}

fn office_state(db: &meirim_core::Database) -> Result<OfficeState, Problem> {
    let conn = db.conn();
    Ok(OfficeState {
        office: office::own(conn)?,
        key: key::state(conn)?,
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn office_identity(state: State<'_, AppState>) -> Result<OfficeState, Problem> {
    state.with_db(|db| office_state(db))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_office_identity(
    state: State<'_, AppState>,
    input: OfficeInput,
) -> Result<OfficeState, Problem> {
    state.with_db(|db| {
        office::set_own(db.conn(), &input)?;
        office_state(db)
    })
}

/// The kinds of file the roll-up passes around.
#[derive(Debug, Clone, Copy, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum DistrictFile {
    /// `.meirim-report`: an office's package.
    Report,
    /// `.meirim-key`: the district's key card.
    Key,
    /// `.meirim-doubles`: the district's answer.
    Answer,
}

impl DistrictFile {
    fn extension(self) -> &'static str {
        match self {
            DistrictFile::Report => package::EXTENSION,
            DistrictFile::Key => "meirim-key",
            DistrictFile::Answer => doubles::ANSWER_EXTENSION,
        }
    }
}

/// Files of `kind` at the top of each USB stick and in documents/.
#[tauri::command(async)]
#[specta::specta]
pub fn district_files(state: State<'_, AppState>, kind: DistrictFile) -> Vec<FoundFile> {
    files_in(&state, &[kind.extension()])
}

/// The native open dialog for files of `kind` (several packages at once).
#[tauri::command(async)]
#[specta::specta]
pub fn choose_district_files(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    kind: DistrictFile,
) -> Vec<FoundFile> {
    let Some(picked) = app
        .dialog()
        .file()
        .add_filter("Meirim", &[kind.extension()])
        .blocking_pick_files()
    else {
        return Vec::new();
    };
    picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .map(|p| offered(&state.grants, &p))
        .collect()
}

/// A small file the window named by its token, read at most `max` bytes.
pub(crate) fn read_small(state: &AppState, token: &str, max: u64) -> Result<Vec<u8>, Problem> {
    meirim_exchange::read_at_most(&state.grants.resolve(token, Use::Read)?, max)
}

/// Where the district key comes from: its card on a stick, or typed from paper.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(tag = "from", content = "value", rename_all = "kebab-case")]
pub enum KeySource {
    Card(String),
    Typed(String),
}

#[tauri::command(async)]
#[specta::specta]
pub fn accept_district_key(
    state: State<'_, AppState>,
    source: KeySource,
) -> Result<OfficeState, Problem> {
    let card = match &source {
        KeySource::Card(token) => Some(read_small(&state, token, key::KEY_CARD_MAX_BYTES)?),
        KeySource::Typed(_) => None,
    };
    state.with_db(|db| {
        match (&source, card) {
            (_, Some(bytes)) => key::accept_card(db.conn(), &bytes)?,
            (KeySource::Typed(text), None) => key::accept_typed(db.conn(), text)?,
            (KeySource::Card(_), None) => return Err(Problem::new(ErrorCode::Internal)),
        };
        office_state(db)
    })
}

/// The district's key card (made with the key the first time), saved for its offices.
#[tauri::command(async)]
#[specta::specta]
pub fn save_key_card(state: State<'_, AppState>, target: Target) -> Result<String, Problem> {
    let (name, bytes) = state.with_db(|db| {
        let card = key::key_card(db.conn())?;
        let who = card
            .district
            .kato
            .clone()
            .unwrap_or_else(|| "district".into());
        let bytes = serde_json::to_vec_pretty(&card)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        Ok((format!("{who}.meirim-key"), bytes))
    })?;
    save_to(&state, &target, &name, &bytes)
}

/// The name the package of `period` gets (for the save dialog).
#[tauri::command(async)]
#[specta::specta]
pub fn report_package_name(state: State<'_, AppState>, period: Period) -> Result<String, Problem> {
    state.with_db(|db| Ok(package::suggested_name(&office::own(db.conn())?, period)))
}

/// «Ауданға жіберу»: this office's package of `period` (a district's: its consolidated
/// report) written to a stick, documents/ or a chosen file.
#[tauri::command(async)]
#[specta::specta]
pub fn save_report_package(
    state: State<'_, AppState>,
    period: Period,
    target: Target,
) -> Result<String, Problem> {
    let (name, bytes) = state.with_db(|db| {
        let (lang, _) = office_localizer(db)?;
        let who = settings::signatory(db.conn(), lang)?;
        let (_, name, bytes) = meirim_exchange::report_package::for_period(db, period, lang, &who)?;
        Ok((name, bytes))
    })?;
    save_to(&state, &target, &name, &bytes)
}

/// A package file and what reading it would do (or did), or why it is refused.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PackageLook {
    pub token: String,
    pub name: String,
    pub preview: Option<Preview>,
    pub problem: Option<Problem>,
}

/// Reads each package the window names by token (the names come from the paths, not from
/// the window) and does `act` with it; one refused file does not stop the others.
fn look_at(
    state: &AppState,
    files: &[String],
    mut act: impl FnMut(&mut meirim_core::Database, &package::Package, &str) -> Result<Preview, Problem>,
) -> Result<Vec<PackageLook>, Problem> {
    let mut out = Vec::with_capacity(files.len());
    for token in files {
        let path = state.grants.resolve(token, Use::Read)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let outcome = meirim_exchange::report_package::read_file(&path)
            .map_err(Problem::from)
            .and_then(|p| state.with_db(|db| act(db, &p, &name)));
        let (preview, problem) = match outcome {
            Ok(p) => (Some(p), None),
            Err(p) => (None, Some(p)),
        };
        out.push(PackageLook {
            token: token.clone(),
            name,
            preview,
            problem,
        });
    }
    Ok(out)
}

/// What reading each of `files` would do; nothing is written.
#[tauri::command(async)]
#[specta::specta]
pub fn preview_packages(
    state: State<'_, AppState>,
    files: Vec<String>,
) -> Result<Vec<PackageLook>, Problem> {
    look_at(&state, &files, |db, p, _| receive::preview(db.conn(), p))
}

/// Reads `files` in; the offices in `add_offices` (ids) are added under this one.
#[tauri::command(async)]
#[specta::specta]
pub fn read_packages(
    state: State<'_, AppState>,
    files: Vec<String>,
    add_offices: Vec<String>,
) -> Result<Vec<PackageLook>, Problem> {
    look_at(&state, &files, |db, p, name| {
        let add = add_offices.contains(&p.manifest.office.id);
        receive::accept(db, p, name, add)
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn district_offices(state: State<'_, AppState>) -> Result<Vec<OfficeBelow>, Problem> {
    state.with_db(|db| office::below(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn add_expected_office(
    state: State<'_, AppState>,
    input: OfficeInput,
) -> Result<OfficeBelow, Problem> {
    state.with_db(|db| office::add_expected(db.conn(), &input))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_office_expected(
    state: State<'_, AppState>,
    id: String,
    expected: bool,
) -> Result<(), Problem> {
    state.with_db(|db| office::set_expected(db.conn(), &id, expected))
}

/// The periods packages were read for, the latest first.
#[tauri::command(async)]
#[specta::specta]
pub fn district_periods(state: State<'_, AppState>) -> Result<Vec<Period>, Problem> {
    state.with_db(|db| completeness::periods(db.conn()))
}

#[tauri::command(async)]
#[specta::specta]
pub fn consolidated_report(
    state: State<'_, AppState>,
    period: Period,
) -> Result<Consolidated, Problem> {
    state.with_db(|db| consolidate::build(db.conn(), period))
}

#[tauri::command(async)]
#[specta::specta]
pub fn save_consolidated(
    state: State<'_, AppState>,
    period: Period,
    format: crate::commands::reports::ReportFormat,
    target: Target,
) -> Result<String, Problem> {
    use crate::commands::reports::ReportFormat;
    let bytes = state.with_db(|db| {
        let c = consolidate::build(db.conn(), period)?;
        let (lang, l10n) = office_localizer(db)?;
        Ok(match format {
            ReportFormat::Csv => meirim_exchange::consolidated_csv(&c, &l10n),
            ReportFormat::Xlsx => meirim_exchange::consolidated_xlsx(&c, &l10n)
                .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?,
            ReportFormat::Pdf => meirim_documents::consolidated_pdf(
                &c,
                lang,
                &settings::signatory(db.conn(), lang)?,
                meirim_core::clock::today(),
            )
            .map_err(|e| {
                Problem::new(ErrorCode::DocumentFailed)
                    .with("path", "district.pdf")
                    .with("reason", e)
            })?,
        })
    })?;
    let name = format!(
        "district-{}-{}.{}",
        period.from,
        period.to,
        format.extension()
    );
    save_to(&state, &target, &name, &bytes)
}

/// The answer file for the offices: which hashes two of them share, and who gave what.
#[tauri::command(async)]
#[specta::specta]
pub fn save_doubles_answer(
    state: State<'_, AppState>,
    period: Period,
    target: Target,
) -> Result<String, Problem> {
    let bytes = state.with_db(|db| {
        let a = doubles::answer(db.conn(), period)?;
        serde_json::to_vec(&a).map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))
    })?;
    let name = format!(
        "doubles-{}-{}.{}",
        period.from,
        period.to,
        doubles::ANSWER_EXTENSION
    );
    save_to(&state, &target, &name, &bytes)
}

/// This office's families the district's answer names.
#[tauri::command(async)]
#[specta::specta]
pub fn read_doubles_answer(
    state: State<'_, AppState>,
    file: String,
) -> Result<AnswerSeen, Problem> {
    let bytes = read_small(&state, &file, doubles::ANSWER_MAX_BYTES)?;
    state.with_db(|db| doubles::read_answer(db.conn(), &bytes))
}
