//! Application-level commands: what the UI needs to know at start, and the language choice.

use meirim_core::settings::{self, Language};
use meirim_core::Problem;
use serde::Serialize;
use tauri::State;

use crate::state::AppState;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: Option<String>,
    pub schema_version: Option<u32>,
    pub language: Language,
    /// The name the audit log records, as set in settings (empty when never set).
    pub operator: String,
    /// Set when the registry could not be opened; the UI shows it instead of the app.
    pub startup_problem: Option<Problem>,
    /// The app's "today" (ISO), from the one clock, so that the forms' default dates agree
    /// with the rules in the core (and with MEIRIM_TODAY in tests).
    pub today: String,
}

#[tauri::command(async)]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    let (schema_version, language, operator) = state
        .read_db(|db| {
            let v = db.schema_version().map_err(Problem::from)?;
            let lang = settings::language(db.conn()).map_err(Problem::from)?;
            let operator = settings::operator_setting(db.conn()).map_err(Problem::from)?;
            Ok((u32::try_from(v).ok(), lang, operator))
        })
        .unwrap_or_else(|_| {
            let saved = state.data_dir.as_deref().and_then(settings::saved_language);
            (None, saved.unwrap_or_default(), String::new())
        });
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir.as_ref().map(|d| d.display().to_string()),
        schema_version,
        language,
        operator,
        startup_problem: state.startup_problem(),
        today: meirim_core::clock::today().to_string(),
    }
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_language(state: State<'_, AppState>, language: Language) -> Result<(), Problem> {
    // Beside the registry for the sign-in screen, and in it for the documents.
    if let Some(dir) = &state.data_dir {
        let _ = settings::save_language(dir, language);
    }
    if state.session().is_none() {
        return Ok(());
    }
    state.with_db(|db| settings::set_language(db.conn(), language).map_err(Problem::from))
}

/// What a new office still has to do (operator, letterhead, families): the home screen
/// shows the steps left.
#[tauri::command(async)]
#[specta::specta]
pub fn first_steps(
    state: State<'_, AppState>,
) -> Result<meirim_core::first_steps::FirstSteps, Problem> {
    state.read_db(|db| meirim_core::first_steps::status(db.conn()))
}

/// The variable under which `startup_painted` reports (scripts/bench-startup.sh sets it).
pub const STARTUP_PROBE_ENV: &str = "MEIRIM_STARTUP_PROBE";

/// The home screen's first paint: with MEIRIM_STARTUP_PROBE set, prints the moment (Unix
/// milliseconds) for scripts/bench-startup.sh to measure start-up by; otherwise nothing.
#[tauri::command(async)]
#[specta::specta]
pub fn startup_painted() {
    if std::env::var_os(STARTUP_PROBE_ENV).is_some() {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        println!("meirim-startup painted {ms}");
    }
}
