//! The period report: on screen, and saved as PDF, XLSX or CSV into documents/.

use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::reports::{self, Period, PeriodReport, Preset, Scope};
use meirim_core::{date, settings};
use serde::Deserialize;
use tauri::State;

use crate::commands::documents::data_dir;
use crate::state::AppState;

/// The preset period containing `on` (today when empty).
#[tauri::command(async)]
#[specta::specta]
pub fn preset_period(preset: Preset, on: Option<String>) -> Result<Period, Problem> {
    let day = match on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => date::parse(raw)
            .ok_or_else(|| Problem::new(ErrorCode::InvalidDate).with("value", raw))?,
        None => chrono::Local::now().date_naive(),
    };
    Ok(Period::containing(preset, day))
}

/// A period typed as two dates («01.10.2026», «31.12.2026»).
#[tauri::command(async)]
#[specta::specta]
pub fn typed_period(from: String, to: String) -> Result<Period, Problem> {
    let day = |raw: &str| {
        date::parse(raw).ok_or_else(|| Problem::new(ErrorCode::InvalidDate).with("value", raw))
    };
    Period::new(day(&from)?, day(&to)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn period_report(
    state: State<'_, AppState>,
    period: Period,
    scope: Scope,
) -> Result<PeriodReport, Problem> {
    state.with_db(|db| reports::build(db.conn(), period, &scope))
}

#[derive(Debug, Clone, Copy, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    Pdf,
    Xlsx,
    Csv,
}

/// The report's file name and bytes in `format`, in the office's language.
fn report_file(
    db: &meirim_core::Database,
    report: &PeriodReport,
    format: ReportFormat,
) -> Result<(String, Vec<u8>), Problem> {
    let lang = settings::language(db.conn())?;
    let l10n = meirim_i18n::Localizer::new(lang)
        .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    let (ext, bytes) = match format {
        ReportFormat::Csv => ("csv", meirim_exchange::report_csv(report, &l10n)),
        ReportFormat::Xlsx => (
            "xlsx",
            meirim_exchange::report_xlsx(report, &l10n)
                .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?,
        ),
        ReportFormat::Pdf => (
            "pdf",
            meirim_documents::report_pdf(
                report,
                lang,
                &settings::signatory(db.conn())?,
                chrono::Local::now().date_naive(),
            )
            .map_err(|e| {
                Problem::new(ErrorCode::DocumentFailed)
                    .with("path", "report.pdf")
                    .with("reason", e)
            })?,
        ),
    };
    let p = report.period;
    Ok((format!("report-{}-{}.{ext}", p.from, p.to), bytes))
}

fn write(path: &std::path::Path, bytes: &[u8]) -> Result<(), Problem> {
    meirim_exchange::write_verified(path, bytes).map_err(|e| {
        Problem::new(ErrorCode::ExportFailed)
            .with("path", path.display())
            .with("reason", e.reason())
            .with("detail", e)
    })
}

/// Saves the report the screen shows into documents/ and returns the path.
#[tauri::command(async)]
#[specta::specta]
pub fn save_report(
    state: State<'_, AppState>,
    report: PeriodReport,
    format: ReportFormat,
) -> Result<String, Problem> {
    let dir = meirim_documents::documents_dir(&data_dir(&state)?);
    let (name, bytes) = state.with_db(|db| report_file(db, &report, format))?;
    std::fs::create_dir_all(&dir).map_err(|e| {
        Problem::new(ErrorCode::ExportFailed)
            .with("path", dir.display())
            .with("reason", "other")
            .with("detail", e)
    })?;
    let path = dir.join(name);
    write(&path, &bytes)?;
    Ok(path.display().to_string())
}

/// The USB sticks (removable drives) mounted now.
#[tauri::command(async)]
#[specta::specta]
pub fn removable_drives() -> Vec<meirim_exchange::Drive> {
    meirim_exchange::removable()
}

/// Writes the report the screen shows onto a drive (its mount point, as
/// `removable_drives` gave it) and returns the file's path; the file was read back, so the
/// stick can be removed.
#[tauri::command(async)]
#[specta::specta]
pub fn export_report(
    state: State<'_, AppState>,
    report: PeriodReport,
    format: ReportFormat,
    folder: String,
) -> Result<String, Problem> {
    let (name, bytes) = state.with_db(|db| report_file(db, &report, format))?;
    let path = std::path::Path::new(&folder).join(name);
    write(&path, &bytes)?;
    Ok(path.display().to_string())
}
