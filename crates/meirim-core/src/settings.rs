//! Office settings kept in the registry itself, so they travel with its backups.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::clock;
use crate::db::DbError;

/// The two working languages. Kazakh is the default everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Kk,
    Ru,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Kk => "kk",
            Language::Ru => "ru",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "kk" | "kz" | "kaz" => Some(Language::Kk),
            "ru" | "rus" => Some(Language::Ru),
            _ => None,
        }
    }
}

const LANGUAGE_KEY: &str = "ui.language";

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>, DbError> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub(crate) fn set(conn: &Connection, key: &str, value: &str) -> Result<(), DbError> {
    let now = clock::now();
    conn.prepare_cached(
        "INSERT INTO settings (key, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .and_then(|mut st| st.execute(params![key, value, now]))?;
    Ok(())
}

pub fn language(conn: &Connection) -> Result<Language, DbError> {
    Ok(get(conn, LANGUAGE_KEY)?
        .as_deref()
        .and_then(Language::parse)
        .unwrap_or_default())
}

pub fn set_language(conn: &Connection, lang: Language) -> Result<(), DbError> {
    set(conn, LANGUAGE_KEY, lang.code())
}

/// The language chosen last, kept beside the registry as well: the sign-in screen shows it
/// before the (encrypted) registry is open. Not personal data.
const LANGUAGE_FILE: &str = "language";

pub fn saved_language(data_dir: &std::path::Path) -> Option<Language> {
    let text = std::fs::read_to_string(data_dir.join(LANGUAGE_FILE)).ok()?;
    Language::parse(text.get(..text.len().min(8))?)
}

pub fn save_language(data_dir: &std::path::Path, lang: Language) -> std::io::Result<()> {
    std::fs::write(data_dir.join(LANGUAGE_FILE), lang.code())
}

const IDLE_KEY: &str = "lock.idle_minutes";
/// The idle lock's default and bounds, in minutes.
pub const IDLE_MINUTES_DEFAULT: u32 = 10;
pub const IDLE_MINUTES_RANGE: std::ops::RangeInclusive<u32> = 1..=240;

/// After how many idle minutes the window locks.
pub fn idle_minutes(conn: &Connection) -> Result<u32, DbError> {
    Ok(get(conn, IDLE_KEY)?
        .and_then(|v| v.parse().ok())
        .filter(|m| IDLE_MINUTES_RANGE.contains(m))
        .unwrap_or(IDLE_MINUTES_DEFAULT))
}

pub fn set_idle_minutes(conn: &Connection, minutes: u32) -> Result<u32, DbError> {
    let m = minutes.clamp(*IDLE_MINUTES_RANGE.start(), *IDLE_MINUTES_RANGE.end());
    set(conn, IDLE_KEY, &m.to_string())?;
    Ok(m)
}

const OPERATOR_KEY: &str = "office.operator";

/// The name written into the audit log for every change: the signed-in account's. A
/// registry without accounts (tests, the benchmarks' demo) uses the name set here, else
/// the computer's user name, so the log never says nobody.
pub fn operator(conn: &Connection) -> Result<String, DbError> {
    // Since accounts: whoever signed this connection in.
    if let Some(name) = crate::accounts::store::signed_operator(conn) {
        return Ok(name);
    }
    let set = get(conn, OPERATOR_KEY)?.filter(|s| !s.trim().is_empty());
    Ok(set.unwrap_or_else(|| {
        ["USERNAME", "USER", "LOGNAME"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
            .unwrap_or_else(|| "—".to_owned())
    }))
}

/// The operator name as set in settings (empty when never set).
pub fn operator_setting(conn: &Connection) -> Result<String, DbError> {
    Ok(get(conn, OPERATOR_KEY)?.unwrap_or_default())
}

pub fn set_operator(conn: &Connection, name: &str) -> Result<(), DbError> {
    set(conn, OPERATOR_KEY, &crate::text::tidy(name))
}

const OFFICE_NAME_KEY: &str = "office.name";
const SIGNATORY_KEY: &str = "documents.signatory";

/// The office's name as printed at the top of its documents (empty until set).
pub fn office_name(conn: &Connection) -> Result<String, DbError> {
    Ok(get(conn, OFFICE_NAME_KEY)?.unwrap_or_default())
}

pub fn set_office_name(conn: &Connection, name: &str) -> Result<(), DbError> {
    set(conn, OFFICE_NAME_KEY, &crate::text::tidy(name))
}

fn signatory_key(lang: Language) -> String {
    format!("{SIGNATORY_KEY}.{}", lang.code())
}

/// Who signs distribution lists and reports in `lang` («Бөлім басшысы А.Б. Серіков» /
/// «Руководитель отдела А.Б. Сериков»), remembered between prints. The line kept before
/// there was one per language stands in until one is written.
pub fn signatory(conn: &Connection, lang: Language) -> Result<String, DbError> {
    Ok(match get(conn, &signatory_key(lang))? {
        Some(s) => s,
        None => get(conn, SIGNATORY_KEY)?.unwrap_or_default(),
    })
}

pub fn set_signatory(conn: &Connection, lang: Language, text: &str) -> Result<(), DbError> {
    set(conn, &signatory_key(lang), &crate::text::tidy(text))
}

const KEEP_DAILY: &str = "backup.keep_daily";
const KEEP_WEEKLY: &str = "backup.keep_weekly";
const KEEP_MONTHLY: &str = "backup.keep_monthly";

/// How many automatic backups the office keeps (default 7 daily, 4 weekly, 12 monthly).
pub fn backup_retention(conn: &Connection) -> Result<crate::backup::Retention, DbError> {
    let d = crate::backup::Retention::default();
    let read = |key: &str, default: u32| -> Result<u32, DbError> {
        Ok(get(conn, key)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(default))
    };
    Ok(crate::backup::Retention {
        daily: read(KEEP_DAILY, d.daily)?,
        weekly: read(KEEP_WEEKLY, d.weekly)?,
        monthly: read(KEEP_MONTHLY, d.monthly)?,
    })
}

pub fn set_backup_retention(
    conn: &Connection,
    keep: crate::backup::Retention,
) -> Result<(), DbError> {
    set(conn, KEEP_DAILY, &keep.daily.to_string())?;
    set(conn, KEEP_WEEKLY, &keep.weekly.to_string())?;
    set(conn, KEEP_MONTHLY, &keep.monthly.to_string())
}
