//! Backups kept beside the registry in `backups/`: made at start-up when the last one is
//! more than a day old and after big operations, listed with what they hold, and rotated
//! — 7 daily, 4 weekly, 12 monthly by default. Only automatic backups are ever rotated
//! away; one the user made, and those made before a migration or a restore, stay.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{snapshot, BackupError, Contents};
use crate::db::{Database, RegistryKey};
use crate::paths;

/// Why a backup was made; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// At start-up, the day's first.
    Daily,
    /// After an import, a bulk distribution or a merge.
    AfterChange,
    /// Made by the user.
    Manual,
    /// The registry as it was just before a restore replaced it.
    BeforeRestore,
    /// Made by the migration step before a schema upgrade.
    BeforeMigration,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::Daily => "daily",
            Kind::AfterChange => "after-change",
            Kind::Manual => "manual",
            Kind::BeforeRestore => "before-restore",
            Kind::BeforeMigration => "before-migration",
        }
    }

    fn of_name(name: &str) -> Option<Kind> {
        if name.starts_with("before-migration") && name.ends_with(".sqlite3") {
            return Some(Kind::BeforeMigration);
        }
        let rest = name.strip_prefix("meirim-")?.strip_suffix(".sqlite3")?;
        [
            Kind::Daily,
            Kind::AfterChange,
            Kind::Manual,
            Kind::BeforeRestore,
        ]
        .into_iter()
        .find(|k| rest.ends_with(k.code()))
    }

    fn rotated(self) -> bool {
        matches!(self, Kind::Daily | Kind::AfterChange)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LocalBackup {
    pub path: String,
    pub file_name: String,
    pub kind: Kind,
    /// RFC 3339, UTC.
    pub created_at: String,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size: u64,
    /// `None` when the file cannot be read as a registry.
    pub contents: Option<Contents>,
}

/// How many automatic backups to keep: the newest of each of the last N days, weeks and
/// months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Retention {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            daily: 7,
            weekly: 4,
            monthly: 12,
        }
    }
}

fn dir_of(db: &Database) -> Result<PathBuf, BackupError> {
    let data_dir = db.path().parent().ok_or_else(|| BackupError::Write {
        path: db.path().to_path_buf(),
        reason: "an in-memory registry has no folder".into(),
    })?;
    let dir = paths::backup_dir(data_dir);
    crate::private::own_dir(&dir).map_err(|e| BackupError::Write {
        path: dir.clone(),
        reason: e.to_string(),
    })?;
    Ok(dir)
}

/// Makes a verified snapshot in `backups/` now.
pub fn create(db: &Database, kind: Kind, now: DateTime<Utc>) -> Result<LocalBackup, BackupError> {
    create_in(db.conn(), db.key(), &dir_of(db)?, kind, now)
}

/// `create` from any connection to the registry (the app's start-up backup runs on its
/// own read connection, beside the window's).
pub fn create_in(
    conn: &rusqlite::Connection,
    key: Option<&RegistryKey>,
    dir: &Path,
    kind: Kind,
    now: DateTime<Utc>,
) -> Result<LocalBackup, BackupError> {
    crate::private::own_dir(dir).map_err(|e| BackupError::Write {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    sweep_partials(dir);
    let stamp = now.format("%Y-%m-%dT%H-%M-%SZ");
    let mut target = dir.join(format!("meirim-{stamp}-{}.sqlite3", kind.code()));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("meirim-{stamp}-{n}-{}.sqlite3", kind.code()));
    }
    let contents = snapshot(conn, key, &target)?;
    super::checksum::write(&target)?;
    let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    Ok(LocalBackup {
        path: target.display().to_string(),
        file_name: target
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        kind,
        created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        size,
        contents: Some(contents),
    })
}

/// Leftovers of earlier runs (a power cut mid-backup) older than an hour: one that young
/// may belong to a backup another Meirim process (the CLI beside the app) is making now.
fn sweep_partials(dir: &Path) {
    super::leftovers::sweep(dir, Some(std::time::Duration::from_secs(3600)));
}

/// When a backup was made: from its name («meirim-2026-11-23T09-00-00Z-…»), else the file's
/// modification time (the migration's backups, files copied in by hand).
fn created(path: &Path, name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix("meirim-").and_then(|r| r.get(..19));
    if let Some(t) =
        stamp.and_then(|s| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H-%M-%S").ok())
    {
        return Some(t.and_utc());
    }
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(DateTime::<Utc>::from(modified))
}

/// The backups in `backups/`, newest first. `with_contents` opens each to count its rows.
pub fn list(db: &Database, with_contents: bool) -> Result<Vec<LocalBackup>, BackupError> {
    list_dir(&dir_of(db)?, db.key(), with_contents)
}

/// The backups of the registry in `data_dir`, for when it cannot be opened (damaged).
pub fn list_in(
    data_dir: &Path,
    key: Option<&RegistryKey>,
    with_contents: bool,
) -> Result<Vec<LocalBackup>, BackupError> {
    let dir = paths::backup_dir(data_dir);
    if !dir.exists() {
        return Ok(Vec::new());
    }
    list_dir(&dir, key, with_contents)
}

fn list_dir(
    dir: &Path,
    key: Option<&RegistryKey>,
    with_contents: bool,
) -> Result<Vec<LocalBackup>, BackupError> {
    let dir = dir.to_path_buf();
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(&dir).map_err(|e| BackupError::Read {
        path: dir.clone(),
        reason: e.to_string(),
    })?;
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(kind) = Kind::of_name(&name) else {
            continue;
        };
        let path = e.path();
        let Some(at) = created(&path, &name) else {
            continue;
        };
        out.push(LocalBackup {
            size: e.metadata().map(|m| m.len()).unwrap_or(0),
            contents: if with_contents {
                super::contents_of(&path, key).ok()
            } else {
                None
            },
            path: path.display().to_string(),
            file_name: name,
            kind,
            created_at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        });
    }
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    Ok(out)
}

/// Makes a daily backup when the newest backup of any kind is more than a day old.
pub fn auto_if_due(
    db: &Database,
    now: DateTime<Utc>,
    keep: Retention,
) -> Result<Option<LocalBackup>, BackupError> {
    auto_if_due_in(db.conn(), db.key(), &dir_of(db)?, now, keep)
}

pub fn auto_if_due_in(
    conn: &rusqlite::Connection,
    key: Option<&RegistryKey>,
    dir: &Path,
    now: DateTime<Utc>,
    keep: Retention,
) -> Result<Option<LocalBackup>, BackupError> {
    let newest = list_dir(dir, None, false)?
        .into_iter()
        .filter(|b| b.kind != Kind::BeforeMigration)
        .filter_map(|b| DateTime::parse_from_rfc3339(&b.created_at).ok())
        .max();
    if newest.is_some_and(|t| now.signed_duration_since(t) < Duration::days(1)) {
        return Ok(None);
    }
    let made = create_in(conn, key, dir, Kind::Daily, now)?;
    prune_dir(dir, keep)?;
    Ok(Some(made))
}

/// Which of `times` (newest first) the policy keeps: the newest in each of the last
/// `daily` days, `weekly` ISO weeks and `monthly` months that have a backup.
pub(crate) fn kept(times: &[DateTime<Utc>], keep: Retention) -> Vec<bool> {
    let mut keep_flags = vec![false; times.len()];
    let mut pick = |key: &dyn Fn(&DateTime<Utc>) -> (i32, u32), limit: u32| {
        let mut seen: Vec<(i32, u32)> = Vec::new();
        for (i, t) in times.iter().enumerate() {
            let k = key(t);
            if seen.contains(&k) {
                continue;
            }
            if seen.len() as u32 >= limit {
                break;
            }
            seen.push(k);
            keep_flags[i] = true;
        }
    };
    pick(&|t| (t.year(), t.ordinal()), keep.daily);
    pick(&|t| (t.iso_week().year(), t.iso_week().week()), keep.weekly);
    pick(&|t| (t.year(), t.month()), keep.monthly);
    keep_flags
}

/// Deletes the automatic backups the retention policy no longer keeps. Returns how many.
pub fn prune(db: &Database, _now: DateTime<Utc>, keep: Retention) -> Result<u32, BackupError> {
    prune_dir(&dir_of(db)?, keep)
}

fn prune_dir(dir: &Path, keep: Retention) -> Result<u32, BackupError> {
    let auto: Vec<LocalBackup> = list_dir(dir, None, false)?
        .into_iter()
        .filter(|b| b.kind.rotated())
        .collect();
    let times: Vec<DateTime<Utc>> = auto
        .iter()
        .map(|b| {
            DateTime::parse_from_rfc3339(&b.created_at)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_default()
        })
        .collect();
    let mut removed = 0;
    for (b, keep) in auto.iter().zip(kept(&times, keep)) {
        if !keep && std::fs::remove_file(&b.path).is_ok() {
            let _ = std::fs::remove_file(super::checksum::sidecar(Path::new(&b.path)));
            removed += 1;
        }
    }
    Ok(removed)
}

/// The backup the app makes on its own, on a fresh read-only connection to the registry in
/// `data_dir` (so it can run beside the window's): the day's (`None`, when due) or one after
/// a big change.
/// One automatic backup at a time in this process: a start-up backup of a large registry
/// and one after an import would otherwise copy the same file side by side.
static RUNNING: std::sync::Mutex<()> = std::sync::Mutex::new(());

pub fn background(
    data_dir: &Path,
    key: Option<&RegistryKey>,
    kind: Option<Kind>,
) -> Result<Option<LocalBackup>, crate::Problem> {
    let _one_at_a_time = RUNNING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let outcome = background_unrecorded(data_dir, key, kind);
    super::health::record(data_dir, &outcome);
    outcome
}

fn background_unrecorded(
    data_dir: &Path,
    key: Option<&RegistryKey>,
    kind: Option<Kind>,
) -> Result<Option<LocalBackup>, crate::Problem> {
    let path = paths::db_path(data_dir);
    let conn = crate::db::open_reader(&path, key).map_err(|e| BackupError::Read {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    let dir = paths::backup_dir(data_dir);
    let keep = crate::settings::backup_retention(&conn)?;
    let now = crate::clock::now_utc();
    Ok(match kind {
        None => auto_if_due_in(&conn, key, &dir, now, keep)?,
        Some(kind) => Some(create_in(&conn, key, &dir, kind, now)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn rotation_keeps_the_newest_of_each_day_week_and_month() {
        // One backup a day for 400 days, newest first.
        let start = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let times: Vec<DateTime<Utc>> = (0..400).map(|d| start - Duration::days(d)).collect();
        let flags = kept(&times, Retention::default());
        let kept_days: Vec<i64> = flags
            .iter()
            .enumerate()
            .filter(|(_, k)| **k)
            .map(|(i, _)| i as i64)
            .collect();
        // 7 days, then one per week back to 4 weeks, then one per month back to 12.
        assert_eq!(&kept_days[..7], &[0, 1, 2, 3, 4, 5, 6]);
        assert!(kept_days.len() <= 7 + 4 + 12);
        assert!(kept_days.len() >= 12);
        let oldest = *kept_days.last().unwrap();
        assert!((300..=366).contains(&oldest), "{oldest}");
        // Two backups on one day: only the newer of them counts for that day.
        let same_day = [start, start - Duration::hours(2), start - Duration::days(1)];
        assert_eq!(
            kept(
                &same_day,
                Retention {
                    daily: 7,
                    weekly: 0,
                    monthly: 0
                }
            ),
            [true, false, true]
        );
    }

    #[test]
    fn names_say_the_kind() {
        assert_eq!(
            Kind::of_name("meirim-2026-11-23T09-00-00Z-daily.sqlite3"),
            Some(Kind::Daily)
        );
        assert_eq!(
            Kind::of_name("meirim-2026-11-23T09-00-00Z-2-manual.sqlite3"),
            Some(Kind::Manual)
        );
        assert_eq!(
            Kind::of_name("before-migration-v3-to-v4-20261101T000000Z.sqlite3"),
            Some(Kind::BeforeMigration)
        );
        assert_eq!(Kind::of_name("meirim-x-daily.sqlite3.partial"), None);
        assert_eq!(Kind::of_name("notes.txt"), None);
    }
}
