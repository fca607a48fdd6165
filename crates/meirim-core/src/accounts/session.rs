//! Opening the registry for someone: the office's first administrator, sign-in (the
//! password checked against `meirim.keys`, then the registry opened with the key it
//! unlocks), and recovery with the printed key.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::keyfile::{self, KeyFile, KeyFileError};
use super::{check_new, password, store, Account, Cost, NewAccount, Role};
use crate::audit::{self, AuditAction};
use crate::db::{convert, rekey, Check, Database, DbError, RegistryKey};
use crate::problem::{ErrorCode, Problem};

/// An open registry and who opened it.
#[derive(Debug)]
pub struct SignedIn {
    pub db: Database,
    pub account: Account,
    /// Wrong passwords typed for this account since its last sign-in.
    pub wrong_attempts: u32,
    /// Files encrypted on the way in (a registry from before accounts, its backups).
    pub encrypted_files: usize,
}

/// Creates the office's first administrator: a new registry key, the key file, then the
/// registry — a new one, or the existing unencrypted one encrypted with its backups. The
/// key is returned for the recovery sheet.
pub fn create_administrator(
    data_dir: &Path,
    new: &NewAccount,
    cost: Cost,
    check: Check,
) -> Result<(SignedIn, RegistryKey), Problem> {
    let path = keyfile::path(data_dir);
    if path.exists() {
        return Err(Problem::new(ErrorCode::AccountsExist));
    }
    let (login, full_name) = check_new(new)?;
    crate::private::create_dir(data_dir).map_err(|source| DbError::DataDir {
        path: data_dir.to_path_buf(),
        source,
    })?;
    let key =
        RegistryKey::generate().map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    let account = Account {
        id: crate::clock::new_id(),
        login,
        full_name,
        role: Role::Administrator,
        created_at: crate::clock::now(),
        disabled: false,
        must_change_password: false,
    };
    // The key file first: from here on the key exists only behind the password, and a
    // start after a power cut signs in and finishes the rest.
    KeyFile::create(&key, &account.id, &account.login, &new.password, cost)?.save(&path)?;
    let signed = open_signed_in(data_dir, &key, &account.id, Some(&account), 0, check)?;
    Ok((signed, key))
}

/// What a right password opens: the account's id and the registry's key.
#[derive(Debug, Clone)]
pub struct Unlocked {
    pub account_id: String,
    pub login: String,
    pub key: RegistryKey,
    /// The new key of a change of key a power cut stopped (settled when the registry is
    /// opened).
    pub pending: Option<RegistryKey>,
    /// Wrong passwords typed for this account since its last sign-in.
    pub wrong_attempts: u32,
}

/// Checks `login`'s `password` against the key file (counting a wrong one, and making the
/// next ones wait) and returns the registry's key.
pub fn unlock(
    data_dir: &Path,
    login: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Unlocked, Problem> {
    convert::finish_interrupted(data_dir)?;
    let path = keyfile::path(data_dir);
    let mut file = KeyFile::load(&path)?;
    let slot = file
        .slots
        .iter()
        .find(|s| s.login.to_lowercase() == login.trim().to_lowercase());
    let had = slot.map(|s| s.failures());
    let found_login = slot.map(|s| s.login.clone()).unwrap_or_default();
    let outcome = file.unlock(login, password, now);
    if outcome.is_err() || had.is_some_and(|n| n > 0) {
        // The count of wrong attempts must outlive this process (or be cleared).
        file.save(&path)?;
    }
    let (account_id, key, pending) = outcome?;
    Ok(Unlocked {
        account_id,
        login: found_login,
        key,
        pending,
        wrong_attempts: had.unwrap_or(0),
    })
}

/// Opens the registry a right password unlocked, for its account.
pub fn open(data_dir: &Path, unlocked: &Unlocked, check: Check) -> Result<SignedIn, Problem> {
    let key = settle_key_change(data_dir, unlocked)?;
    open_signed_in(
        data_dir,
        &key,
        &unlocked.account_id,
        None,
        unlocked.wrong_attempts,
        check,
    )
}

/// A change of the registry's key that a power cut stopped: finished when the registry
/// already has the new key (its backups re-encrypted too), forgotten when it has not.
/// Returns the key the registry opens with.
fn settle_key_change(data_dir: &Path, unlocked: &Unlocked) -> Result<RegistryKey, Problem> {
    let Some(next) = &unlocked.pending else {
        return Ok(unlocked.key.clone());
    };
    let registry = crate::paths::db_path(data_dir);
    let keep = if rekey::opens(&registry, next) {
        rekey::finish(data_dir, &unlocked.key, next)?;
        next.clone()
    } else {
        unlocked.key.clone()
    };
    rekey::remove_leftovers(data_dir);
    let path = keyfile::path(data_dir);
    let mut file = KeyFile::load(&path)?;
    file.change_key(&keep)?;
    file.save(&path)?;
    Ok(keep)
}

/// Gives the registry a new key (after a worker left who might have kept the old one):
/// the registry and its local backups are re-encrypted, and the old recovery key and any
/// copy of the old key open nothing made from now on. Returns the registry under the new
/// key, and the key for a new recovery sheet. Nothing else may have the registry open.
pub fn rotate_key(
    db: Database,
    data_dir: &Path,
    by: &Account,
) -> Result<(Database, RegistryKey), Problem> {
    super::require(by, super::Permission::Administer)?;
    let old = db
        .key()
        .cloned()
        .ok_or_else(|| Problem::new(ErrorCode::NoAccounts))?;
    let next =
        RegistryKey::generate().map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    let path = keyfile::path(data_dir);
    let mut file = KeyFile::load(&path)?;
    file.begin_key_change(&old, &next)?;
    file.save(&path)?;
    crate::pause::point("rekey-pending");
    let db = rekey::rotate(db, data_dir, &next)?;
    file.change_key(&next)?;
    file.save(&path)?;
    store::sign_connection(db.conn(), by)?;
    audit::record_event(db.conn(), None, AuditAction::RegistryKeyChanged, "")?;
    Ok((db, next))
}

/// Signs `login` in with `password`: the registry opened with the key it unlocks.
pub fn sign_in(
    data_dir: &Path,
    login: &str,
    password: &str,
    now: DateTime<Utc>,
    check: Check,
) -> Result<SignedIn, Problem> {
    let unlocked = unlock(data_dir, login, password, now)?;
    open(data_dir, &unlocked, check)
}

/// Opens the registry with `key` for the account `id`: encrypts whatever is still plain
/// first, and writes the account's row when the key file has it and the registry does
/// not yet (a first administrator whose start a power cut cut short).
fn open_signed_in(
    data_dir: &Path,
    key: &RegistryKey,
    id: &str,
    first: Option<&Account>,
    wrong_attempts: u32,
    check: Check,
) -> Result<SignedIn, Problem> {
    let encrypted_files = convert::encrypt_registry(data_dir, key)?;
    let mut db = Database::open_in_with(data_dir, Some(key), check)?;
    let account = match store::get(db.conn(), id)? {
        Some(a) => a,
        None => {
            let account = match first {
                Some(a) => a.clone(),
                None if store::count(db.conn())? == 0 => {
                    let file = KeyFile::load(&keyfile::path(data_dir))?;
                    let slot = file
                        .slots
                        .iter()
                        .find(|s| s.account_id == id)
                        .ok_or_else(|| Problem::new(ErrorCode::NoAccounts))?;
                    Account {
                        id: id.to_owned(),
                        login: slot.login.clone(),
                        full_name: slot.login.clone(),
                        role: Role::Administrator,
                        created_at: crate::clock::now(),
                        disabled: false,
                        must_change_password: false,
                    }
                }
                None => return Err(Problem::new(ErrorCode::AccountDisabled)),
            };
            if db.awaits_check() {
                db.allow_writes()?;
            }
            store::sign_connection(db.conn(), &account)?;
            let tx = db.conn_mut().transaction().map_err(DbError::from)?;
            store::insert(&tx, &account)?;
            audit::record_event(&tx, None, AuditAction::AccountAdded, &account.audit_name())?;
            if encrypted_files > 0 {
                audit::record_event(
                    &tx,
                    None,
                    AuditAction::RegistryEncrypted,
                    &format!("{encrypted_files} files"),
                )?;
            }
            tx.commit().map_err(DbError::from)?;
            account
        }
    };
    if account.disabled {
        return Err(Problem::new(ErrorCode::AccountDisabled));
    }
    store::sign_connection(db.conn(), &account)?;
    Ok(SignedIn {
        db,
        account,
        wrong_attempts,
        encrypted_files,
    })
}

/// Writes the sign-in to the audit log (once the registry may be written: the app opens
/// it for reading while it is checked).
pub fn record_sign_in(db: &Database, signed: &Account, wrong_attempts: u32) -> Result<(), Problem> {
    let summary = if wrong_attempts > 0 {
        format!("{}; {wrong_attempts} wrong passwords before", signed.login)
    } else {
        signed.login.clone()
    };
    audit::record_event(db.conn(), None, AuditAction::SignedIn, &summary)?;
    Ok(())
}

/// Opens the registry with the printed recovery key and gives the administrator `login`
/// a new password (or, with no key file left, makes a new one with that administrator).
pub fn recover(
    data_dir: &Path,
    recovery_key: &str,
    login: &str,
    password: &str,
    cost: Cost,
    check: Check,
) -> Result<SignedIn, Problem> {
    let key = RegistryKey::parse_recovery(recovery_key)
        .map_err(|_| Problem::new(ErrorCode::RecoveryKeyWrong))?;
    convert::finish_interrupted(data_dir)?;
    let registry = crate::paths::db_path(data_dir);
    // The key must open the registry before anything is changed.
    crate::db::check_file(&registry, Some(&key)).map_err(|e| match e {
        DbError::Damaged { .. } | DbError::Open { .. } => Problem::new(ErrorCode::RecoveryKeyWrong),
        other => Problem::from(other),
    })?;
    let db = Database::open_in_with(data_dir, Some(&key), Check::Now)?;
    let account = store::list(db.conn())?
        .into_iter()
        .find(|a| a.login.to_lowercase() == login.trim().to_lowercase())
        .filter(|a| a.role == Role::Administrator && !a.disabled)
        .ok_or_else(|| Problem::new(ErrorCode::SignInWrong))?;
    password::check_new(password, &account.login)?;
    let path = keyfile::path(data_dir);
    let mut file = match KeyFile::load(&path) {
        Ok(f) => f,
        Err(_) => KeyFile::create(&key, &account.id, &account.login, password, cost)?,
    };
    match file.set_password(&key, &account.id, password, cost) {
        Ok(()) => {}
        Err(KeyFileError::NoAccount(_)) => {
            file.add(&key, &account.id, &account.login, password, cost)?
        }
        Err(e) => return Err(e.into()),
    }
    file.save(&path)?;
    store::sign_connection(db.conn(), &account)?;
    audit::record_event(
        db.conn(),
        None,
        AuditAction::PasswordReset,
        &format!("{} (recovery key)", account.audit_name()),
    )?;
    drop(db);
    open_signed_in(data_dir, &key, &account.id, None, 0, check)
}
