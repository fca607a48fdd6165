//! The period report: on screen, and saved as PDF, XLSX or CSV into documents/.

use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::reports::dashboard::Dashboard;
use meirim_core::reports::{self, Period, PeriodReport, Preset, Scope};
use meirim_core::{date, settings};
use serde::Deserialize;
use tauri::State;

use crate::commands::exports::{office_localizer, save_to, Target};
use crate::grants::Use;
use crate::state::AppState;

/// The preset period containing `on` (today when empty).
#[tauri::command(async)]
#[specta::specta]
pub fn preset_period(preset: Preset, on: Option<String>) -> Result<Period, Problem> {
    let day = match on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => date::parse(raw)
            .ok_or_else(|| Problem::new(ErrorCode::InvalidDate).with("value", raw))?,
        None => meirim_core::clock::today(),
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

/// The home screen's figures, as of today.
#[tauri::command(async)]
#[specta::specta]
pub fn dashboard(state: State<'_, AppState>) -> Result<Dashboard, Problem> {
    let today = meirim_core::clock::today();
    // The first time, the figures computed while the window opened.
    if let Some(figures) = state.first_dashboard.take(today) {
        return figures;
    }
    // The home screen reads only, so it does not wait for the start-up check.
    state.read_db(|db| reports::dashboard::build(db.conn(), today))
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

impl ReportFormat {
    pub(crate) fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Csv => "csv",
        }
    }
}

/// The report's file name and bytes in `format`, in the office's language.
fn report_file(
    db: &meirim_core::Database,
    report: &PeriodReport,
    format: ReportFormat,
) -> Result<Vec<u8>, Problem> {
    let (lang, l10n) = office_localizer(db)?;
    Ok(match format {
        ReportFormat::Csv => meirim_exchange::report_csv(report, &l10n),
        ReportFormat::Xlsx => meirim_exchange::report_xlsx(report, &l10n)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?,
        ReportFormat::Pdf => meirim_documents::report_pdf(
            report,
            lang,
            &settings::signatory(db.conn(), lang)?,
            meirim_core::clock::today(),
        )
        .map_err(|e| {
            Problem::new(ErrorCode::DocumentFailed)
                .with("path", "report.pdf")
                .with("reason", e)
        })?,
    })
}

/// The file name a report gets unless the user picks another.
#[tauri::command(async)]
#[specta::specta]
pub fn report_file_name(period: Period, format: ReportFormat) -> String {
    file_name(period, format)
}

fn file_name(p: Period, format: ReportFormat) -> String {
    format!("report-{}-{}.{}", p.from, p.to, format.extension())
}

/// Saves the report the screen shows — into documents/, onto a USB stick or where the user
/// chose — and returns the path. The file was read back, so a stick can be removed.
#[tauri::command(async)]
#[specta::specta]
pub fn save_report(
    state: State<'_, AppState>,
    report: PeriodReport,
    format: ReportFormat,
    target: Target,
) -> Result<String, Problem> {
    let bytes = state.with_db(|db| report_file(db, &report, format))?;
    save_to(&state, &target, &file_name(report.period, format), &bytes)
}

/// A USB stick as the window sees it: what to show, and the token to write to it with.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct OfferedDrive {
    pub token: String,
    #[serde(flatten)]
    pub drive: meirim_exchange::Drive,
}

/// The USB sticks (removable drives) mounted now.
#[tauri::command(async)]
#[specta::specta]
pub fn removable_drives(state: State<'_, AppState>) -> Vec<OfferedDrive> {
    meirim_exchange::removable()
        .into_iter()
        .map(|drive| OfferedDrive {
            token: state
                .grants
                .grant(std::path::Path::new(&drive.mount_point), Use::Folder),
            drive,
        })
        .collect()
}
