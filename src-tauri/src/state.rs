//! What the commands share: the open registry, or the reason it could not be opened, and
//! who signed it in. Until someone signs in there is no registry open at all: its key is
//! behind the accounts' passwords.
//!
//! The registry is opened without reading the whole file (`Check::Later`), so the window
//! and the home screen come at once whatever the registry's size; `PRAGMA quick_check`
//! reads it through on a thread. Until it passes the connection refuses writes, and
//! `with_db` — every command that may write — waits for it; `read_db` serves the home
//! screen's reads meanwhile. A damaged file is closed unwritten and the window is told.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use meirim_core::accounts::{self, Account, Permission};
use meirim_core::{paths, Check, Database, ErrorCode, Problem};

use crate::status::{Health, Status};

type Registry = Arc<Mutex<Result<Database, Problem>>>;

/// How long a command waits for the start-up check before giving up (a 1 GB registry is
/// checked in about two seconds; a slow disk may take many times that).
const CHECK_WAIT: Duration = Duration::from_secs(300);

/// The signed-in account, and whether the idle lock hides the data from it.
#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    pub locked: bool,
    last_seen: std::time::Instant,
    idle: Duration,
}

fn signed_out() -> Problem {
    Problem::new(ErrorCode::SignedOut)
}

pub struct AppState {
    /// Who signed in; `None` before sign-in and after sign-out.
    session: Mutex<Option<Session>>,
    /// The registry's key while someone is signed in, also when the registry itself could
    /// not be opened (a restore needs it).
    key: Mutex<Option<meirim_core::db::RegistryKey>>,
    /// `Err` keeps the app up when the registry cannot be opened (newer schema, foreign or
    /// damaged file), so the window can say why in the user's language instead of vanishing.
    db: Registry,
    pub data_dir: Option<PathBuf>,
    /// Set by `cancel_letter_batch` while a batch prints; outside the registry's lock,
    /// which the printing batch holds.
    pub cancel_batch: AtomicBool,
    /// Set by `cancel_export` while a list is exported, for the same reason.
    pub cancel_export: AtomicBool,
    /// Set by `cancel_import` while a preview or an import runs.
    pub cancel_import: AtomicBool,
    /// The file opened in the import wizard, between its steps.
    pub import: Mutex<Option<crate::commands::imports::ImportSession>>,
    /// The paths offered to the window, by the tokens it hands back (`grants.rs`).
    pub grants: crate::grants::Grants,
    /// The start-up check and the automatic backups (none without a data folder).
    pub status: Option<Arc<Status>>,
    /// The home screen's figures, computed while the window opens.
    pub first_dashboard: Arc<crate::first_screen::FirstDashboard>,
}

/// Why there is no registry open at start: nobody signed in yet — or, in a folder from
/// before accounts, an unencrypted registry that cannot be used (damaged, newer), which
/// the window must say before anyone creates an administrator over it.
fn unopened_without_accounts(dir: &Path) -> Problem {
    let registry = paths::db_path(dir);
    if accounts::keyfile::path(dir).exists()
        || !meirim_core::db::is_plain(&registry).unwrap_or(false)
    {
        return signed_out();
    }
    if let Err(e) = meirim_core::db::check_file(&registry, None) {
        return Problem::from(e);
    }
    let newer = meirim_core::db::open_reader(&registry, None)
        .and_then(|c| c.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)))
        .ok()
        .filter(|v| *v > meirim_core::db::latest_version() as i64);
    match newer {
        Some(found) => Problem::new(ErrorCode::DbNewerThanApp)
            .with("found", found)
            .with("supported", meirim_core::db::latest_version()),
        None => signed_out(),
    }
}

/// Before anything else in the data folder: what a conversion or a restore killed part-way
/// left is finished or removed (neither needs the key).
fn prepare(dir: &Path) -> Result<(), Problem> {
    meirim_core::private::create_dir(dir).map_err(|e| {
        Problem::new(ErrorCode::DataDirUnusable)
            .with("path", dir.display())
            .with("reason", e)
    })?;
    meirim_core::db::convert::finish_interrupted(dir)?;
    meirim_core::backup::discard_staged(dir);
    meirim_core::backup::sweep_leftovers(dir);
    Ok(())
}

fn poisoned() -> Problem {
    Problem::new(ErrorCode::Internal).with("reason", "state lock poisoned")
}

/// Runs one command on the registry. A bug that panics in it fails that command with an
/// internal error instead of taking the window's registry down with it; a transaction it
/// left open is rolled back.
fn run_guarded<T>(
    db: &mut Database,
    f: impl FnOnce(&mut Database) -> Result<T, Problem>,
) -> Result<T, Problem> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *db)));
    result.unwrap_or_else(|_| {
        if !db.conn().is_autocommit() {
            let _ = db.conn().execute_batch("ROLLBACK");
        }
        Err(Problem::new(ErrorCode::Internal).with("reason", "a command failed unexpectedly"))
    })
}

impl AppState {
    pub fn open(flag: Option<&Path>) -> Self {
        let data_dir = paths::resolve_data_dir(flag);
        let db = match &data_dir {
            Ok(dir) => prepare(dir).and_then(|()| Err(unopened_without_accounts(dir))),
            Err(e) => Err(Problem::new(ErrorCode::DataDirUnusable)
                .with("path", "?")
                .with("reason", e)),
        }
        .unwrap_or_else(Err);
        let status = data_dir
            .as_ref()
            .ok()
            .map(|dir| Status::new(dir.clone(), Health::Ready));
        Self {
            session: Mutex::new(None),
            key: Mutex::new(None),
            db: Arc::new(Mutex::new(db)),
            data_dir: data_dir.ok(),
            cancel_batch: AtomicBool::new(false),
            cancel_export: AtomicBool::new(false),
            cancel_import: AtomicBool::new(false),
            import: Mutex::new(None),
            grants: crate::grants::Grants::default(),
            status,
            first_dashboard: Arc::new(crate::first_screen::FirstDashboard::new(false)),
        }
    }

    /// Puts a registry just opened by a sign-in in place: checked in the background when
    /// it was opened unchecked (the sign-in is written to the audit log once it may be
    /// written), else backed up for the day at once.
    pub fn signed_in(&self, signed: accounts::SignedIn, idle: Duration) -> Result<(), Problem> {
        let accounts::SignedIn {
            db,
            account,
            wrong_attempts,
            ..
        } = signed;
        let awaits_check = db.awaits_check();
        if !awaits_check {
            accounts::record_sign_in(&db, &account, wrong_attempts)?;
        }
        if let Some(status) = &self.status {
            status.set_key(db.key().cloned());
        }
        if let Ok(mut k) = self.key.lock() {
            *k = db.key().cloned();
        }
        {
            let mut guard = self.db.lock().map_err(|_| poisoned())?;
            *guard = Ok(db);
        }
        if let Ok(mut s) = self.session.lock() {
            *s = Some(Session {
                account: account.clone(),
                locked: false,
                last_seen: std::time::Instant::now(),
                idle,
            });
        }
        if let (Some(status), Some(dir)) = (&self.status, &self.data_dir) {
            if awaits_check {
                status.set_health(Health::Checking);
                self.first_dashboard.expect();
                check_in_background(
                    Arc::clone(&self.db),
                    Arc::clone(status),
                    Arc::clone(&self.first_dashboard),
                    dir,
                    (account, wrong_attempts),
                );
            } else {
                status.start_backup(None);
            }
        }
        Ok(())
    }

    /// A right password whose registry would not open (damaged, from a newer Meirim): the
    /// window shows why, and the restore screen may put a backup in its place — for any
    /// account, since only the holders of a password have the key the backups need. The
    /// role is unknown (it is in the registry), so the session may do nothing else.
    pub fn unusable(&self, unlocked: accounts::Unlocked, problem: Problem) {
        let account = Account {
            id: unlocked.account_id.clone(),
            login: unlocked.login.clone(),
            full_name: unlocked.login.clone(),
            role: accounts::Role::Viewer,
            created_at: String::new(),
            disabled: false,
            must_change_password: false,
        };
        if let Some(status) = &self.status {
            status.set_key(Some(unlocked.key.clone()));
        }
        if let Ok(mut k) = self.key.lock() {
            *k = Some(unlocked.key);
        }
        self.failed_to_open(problem);
        if let Ok(mut s) = self.session.lock() {
            *s = Some(Session {
                account,
                locked: false,
                last_seen: std::time::Instant::now(),
                idle: Duration::from_secs(600),
            });
        }
    }

    /// Whether the registry could not be opened and the restore screen is what the window
    /// shows: then restoring is allowed to whoever could open the key (or, before any
    /// account exists, to whoever sits at the PC — nothing is encrypted yet).
    pub fn restore_is_the_way(&self) -> bool {
        let damaged = self
            .db
            .lock()
            .map(|g| {
                g.as_ref()
                    .err()
                    .is_some_and(|p| p.code == ErrorCode::DbDamaged)
            })
            .unwrap_or(false);
        if !damaged {
            return false;
        }
        let has_accounts = self
            .data_dir
            .as_deref()
            .is_some_and(|d| accounts::keyfile::path(d).exists());
        !has_accounts || self.session().is_some_and(|s| !s.locked)
    }

    /// Closes the registry: nothing is readable until the next sign-in.
    pub fn sign_out(&self) {
        if let Ok(mut k) = self.key.lock() {
            *k = None;
        }
        if let Ok(mut s) = self.session.lock() {
            *s = None;
        }
        if let Ok(mut imp) = self.import.lock() {
            *imp = None;
        }
        if let Ok(mut guard) = self.db.lock() {
            if let Ok(db) = guard.as_ref() {
                if !db.awaits_check() {
                    let _ = db.checkpoint();
                }
            }
            *guard = Err(signed_out());
        }
        if let Some(status) = &self.status {
            status.set_key(None);
        }
    }

    /// The signed-in account, if the session is open and not locked. A session idle for
    /// longer than the office allows is locked here, whatever the window did.
    pub fn account(&self) -> Result<Account, Problem> {
        let mut guard = self.session.lock().map_err(|_| poisoned())?;
        let session = guard.as_mut().ok_or_else(signed_out)?;
        if !session.locked && session.last_seen.elapsed() > session.idle {
            session.locked = true;
        }
        if session.locked {
            return Err(signed_out());
        }
        session.last_seen = std::time::Instant::now();
        Ok(session.account.clone())
    }

    /// The session as it is (locked or not), for the lock screen.
    pub fn session(&self) -> Option<Session> {
        self.session.lock().ok().and_then(|s| s.clone())
    }

    /// `NotAllowed` unless the signed-in account's role allows `need`.
    pub fn require(&self, need: Permission) -> Result<(), Problem> {
        accounts::require(&self.account()?, need)
    }

    /// The idle lock: the data hidden until the password is typed again.
    pub fn lock(&self) {
        if let Ok(mut s) = self.session.lock() {
            if let Some(session) = s.as_mut() {
                session.locked = true;
            }
        }
    }

    /// Opens a locked session again (the caller checked the password).
    pub fn unlock(&self) {
        if let Ok(mut s) = self.session.lock() {
            if let Some(session) = s.as_mut() {
                session.locked = false;
                session.last_seen = std::time::Instant::now();
            }
        }
    }

    /// The window says the user is at work (typing in a form sends no command).
    pub fn touch(&self) {
        let _ = self.account();
    }

    pub fn set_idle(&self, idle: Duration) {
        if let Ok(mut s) = self.session.lock() {
            if let Some(session) = s.as_mut() {
                session.idle = idle;
            }
        }
    }

    /// Replaces the session's account (its name or role changed).
    pub fn refresh_account(&self, account: Account) {
        if let Ok(mut s) = self.session.lock() {
            if let Some(session) = s.as_mut() {
                if session.account.id == account.id {
                    session.account = account;
                }
            }
        }
    }

    /// Runs `f` with exclusive use of the registry, once the start-up check has passed.
    /// SQLite writes are serial anyway; one connection behind a mutex keeps transactions
    /// simple.
    pub fn with_db<T>(
        &self,
        f: impl FnOnce(&mut Database) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        if let Some(status) = &self.status {
            status.wait_checked(CHECK_WAIT);
        }
        self.read_db(f)
    }

    /// `with_db` without waiting for the start-up check: for the reads the first screen
    /// needs. The connection refuses writes until the check has passed, so a write here
    /// fails rather than touching a file not yet known to be whole.
    pub fn read_db<T>(
        &self,
        f: impl FnOnce(&mut Database) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        // A lock poisoned by a panic elsewhere is taken back: the registry behind it is
        // whole (SQLite rolled back what was unfinished), and refusing every later command
        // until a restart would be worse.
        let mut guard = self.db.lock().unwrap_or_else(|e| {
            self.db.clear_poison();
            e.into_inner()
        });
        match guard.as_mut() {
            Ok(db) => run_guarded(db, f),
            Err(p) => Err(p.clone()),
        }
    }

    /// Replaces the open registry (a restore): `f` gets the current one — `None` when it
    /// could not be opened, e.g. damaged — and returns the new one. If `f` fails, the
    /// registry on disk is opened again, so the window keeps a registry either way.
    pub fn reopen_with(
        &self,
        f: impl FnOnce(Option<Database>) -> Result<Database, Problem>,
    ) -> Result<(), Problem> {
        let key = self.registry_key();
        let mut guard = self.db.lock().map_err(|_| poisoned())?;
        let placeholder = Err(Problem::new(ErrorCode::Internal).with("reason", "restoring"));
        let current = std::mem::replace(&mut *guard, placeholder).ok();
        let outcome = match f(current) {
            Ok(db) => {
                *guard = Ok(db);
                Ok(())
            }
            Err(p) => {
                *guard = match &self.data_dir {
                    Some(dir) => {
                        Database::open_in_with(dir, key.as_ref(), Check::Now).map_err(Problem::from)
                    }
                    None => Err(p.clone()),
                };
                Err(p)
            }
        };
        // The registry in place was checked as it was opened.
        if let (Some(status), Ok(_)) = (&self.status, guard.as_ref()) {
            status.set_health(Health::Ready);
        }
        outcome
    }

    /// Called when the app exits normally: let a running automatic backup finish (the
    /// window is already gone), then fold the WAL into the registry file.
    pub fn close(&self) {
        if let Some(status) = &self.status {
            status.wait_backups(Duration::from_secs(180));
        }
        if let Ok(guard) = self.db.lock() {
            if let Ok(db) = guard.as_ref() {
                if db.awaits_check() {
                    return;
                }
                if let Err(e) = db.checkpoint() {
                    eprintln!("Meirim: could not checkpoint the registry on exit: {e}");
                }
            }
        }
    }

    /// The registry's new key, after it was changed.
    pub fn set_registry_key(&self, key: meirim_core::db::RegistryKey) {
        if let Some(status) = &self.status {
            status.set_key(Some(key.clone()));
        }
        if let Ok(mut k) = self.key.lock() {
            *k = Some(key);
        }
    }

    /// The registry's key (`None`: unencrypted, or nobody signed in).
    pub fn registry_key(&self) -> Option<meirim_core::db::RegistryKey> {
        self.key.lock().ok().and_then(|k| k.clone())
    }

    /// Why the registry could not be opened (damaged, newer, foreign); `None` when it is
    /// open or simply not signed into yet.
    pub fn startup_problem(&self) -> Option<Problem> {
        match self.db.lock() {
            Ok(g) => g
                .as_ref()
                .err()
                .filter(|p| p.code != ErrorCode::SignedOut)
                .cloned(),
            Err(_) => Some(poisoned()),
        }
    }

    /// Puts a registry that could not be opened at sign-in in place of none, so that the
    /// window shows why (and the administrator may restore).
    pub fn failed_to_open(&self, problem: Problem) {
        if let Ok(mut guard) = self.db.lock() {
            *guard = Err(problem);
        }
    }
}

/// While the window opens: the home screen's figures first (they are what the user waits
/// for), then the whole registry read through (`quick_check`) on its own connection; then
/// the app's connection may write and the day's backup starts — or, for a damaged file, it
/// is closed unwritten, the reason logged and the window shows the restore screen.
fn check_in_background(
    registry: Registry,
    status: Arc<Status>,
    first_dashboard: Arc<crate::first_screen::FirstDashboard>,
    data_dir: &Path,
    (account, wrong_attempts): (Account, u32),
) {
    let data_dir = data_dir.to_path_buf();
    let key = registry
        .lock()
        .ok()
        .and_then(|g| g.as_ref().ok().and_then(|db| db.key().cloned()));
    std::thread::spawn(move || {
        let path = paths::db_path(&data_dir);
        first_dashboard.compute(&path, key.as_ref(), meirim_core::clock::today());
        let outcome = meirim_core::db::check_file(&path, key.as_ref());
        let Ok(mut guard) = registry.lock() else {
            status.set_health(Health::Damaged);
            return;
        };
        match outcome {
            Ok(()) => {
                let allowed = match guard.as_ref() {
                    Ok(db) => db
                        .allow_writes()
                        .map_err(Problem::from)
                        .and_then(|()| accounts::record_sign_in(db, &account, wrong_attempts)),
                    Err(p) => Err(p.clone()),
                };
                drop(guard);
                match allowed {
                    Ok(()) => {
                        // Counted as running before anyone may see the registry ready, so
                        // a window closed at once still waits for it.
                        status.start_backup(None);
                        status.set_health(Health::Ready);
                    }
                    Err(p) => {
                        meirim_core::log::append(&data_dir, "open-failed", &p.to_string());
                        status.set_health(Health::Ready);
                    }
                }
            }
            Err(e) => {
                let problem = Problem::from(e);
                meirim_core::log::append(&data_dir, "registry-damaged", &problem.to_string());
                // Dropping the connection writes nothing: it was opened to read only.
                *guard = Err(problem);
                drop(guard);
                status.set_health(Health::Damaged);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_that_panics_fails_alone_and_the_next_one_works() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(Some(dir.path()));
        let refused: Result<(), Problem> = state.with_db(|_| Ok(()));
        assert_eq!(refused.unwrap_err().code, ErrorCode::SignedOut);
        let admin = accounts::NewAccount {
            login: "admin".into(),
            full_name: "Әкімші".into(),
            role: accounts::Role::Administrator,
            password: "бірінші-пароль".into(),
        };
        let (signed, _) = accounts::create_administrator(
            dir.path(),
            &admin,
            accounts::Cost::FAST_FOR_TESTS,
            Check::Later,
        )
        .unwrap();
        state.signed_in(signed, Duration::from_secs(600)).unwrap();
        let failed: Result<(), Problem> = state.with_db(|db| {
            db.conn()
                .execute_batch("BEGIN; CREATE TABLE t (x)")
                .unwrap();
            panic!("a bug in a command");
        });
        assert_eq!(failed.unwrap_err().code, ErrorCode::Internal);
        let tables: i64 = state
            .with_db(|db| {
                Ok(db
                    .conn()
                    .query_row(
                        "SELECT count(*) FROM sqlite_master WHERE name = 't'",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap())
            })
            .unwrap();
        assert_eq!(tables, 0, "the unfinished transaction was rolled back");
        state.close();
    }
}
