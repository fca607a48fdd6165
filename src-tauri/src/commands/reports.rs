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

/// Saves the report into documents/ as `report-<from>-<to>.<format>` and returns the path.
#[tauri::command(async)]
#[specta::specta]
pub fn save_report(
    state: State<'_, AppState>,
    period: Period,
    scope: Scope,
    format: ReportFormat,
) -> Result<String, Problem> {
    let dir = data_dir(&state)?;
    state.with_db(|db| {
        let report = reports::build(db.conn(), period, &scope)?;
        let lang = settings::language(db.conn())?;
        let l10n = meirim_i18n::Localizer::new(lang)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        let (ext, bytes) = match format {
            ReportFormat::Csv => ("csv", meirim_exchange::report_csv(&report, &l10n, lang)),
            ReportFormat::Xlsx => (
                "xlsx",
                meirim_exchange::report_xlsx(&report, &l10n, lang)
                    .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?,
            ),
            ReportFormat::Pdf => (
                "pdf",
                meirim_documents::report_pdf(
                    &report,
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
        let path = meirim_documents::documents_dir(&dir)
            .join(format!("report-{}-{}.{ext}", period.from, period.to));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Problem::new(ErrorCode::ExportFailed)
                    .with("path", parent.display())
                    .with("reason", e)
            })?;
        }
        meirim_exchange::write_verified(&path, &bytes).map_err(|e| {
            Problem::new(ErrorCode::ExportFailed)
                .with("path", path.display())
                .with("reason", e)
        })?;
        Ok(path.display().to_string())
    })
}
