//! The administrator's work on accounts: adding a worker, changing a role or disabling an
//! account, giving a new password. Each change to the `accounts` table and to
//! `meirim.keys` happens together: the key file is written inside the registry's
//! transaction, so a failure leaves neither.

use std::path::Path;

use serde::Deserialize;

use super::keyfile::{self, KeyFile, KeyFileError};
use super::{check_new, password, require, store, Account, Cost, NewAccount, Permission, Role};
use crate::audit::{self, AuditAction};
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, Problem};

/// Adds a worker's account (the administrator, signed in, holds the key).
pub fn add(
    db: &mut Database,
    data_dir: &Path,
    by: &Account,
    new: &NewAccount,
    cost: Cost,
) -> Result<Account, Problem> {
    require(by, Permission::Administer)?;
    let (login, full_name) = check_new(new)?;
    let key = db
        .key()
        .cloned()
        .ok_or_else(|| Problem::new(ErrorCode::NoAccounts))?;
    let account = Account {
        id: crate::clock::new_id(),
        login,
        full_name,
        role: new.role,
        created_at: crate::clock::now(),
        disabled: false,
        must_change_password: true,
    };
    let path = keyfile::path(data_dir);
    let mut file = KeyFile::load(&path)?;
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    store::insert(&tx, &account)?;
    audit::record_event(&tx, None, AuditAction::AccountAdded, &account.audit_name())?;
    file.add(&key, &account.id, &account.login, &new.password, cost)?;
    // The key file is written inside the registry's transaction: if it fails, no row.
    file.save(&path)?;
    tx.commit().map_err(DbError::from)?;
    Ok(account)
}

/// What the administrator may change of an account.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountChange {
    pub id: String,
    pub full_name: String,
    pub role: Role,
    pub disabled: bool,
}

/// Changes an account's name, role or whether it may sign in. A disabled account's
/// password no longer opens the registry's key; the last active administrator stays.
pub fn change(
    db: &mut Database,
    data_dir: &Path,
    by: &Account,
    change: &AccountChange,
) -> Result<Account, Problem> {
    require(by, Permission::Administer)?;
    let mut account =
        store::get(db.conn(), &change.id)?.ok_or_else(|| Problem::new(ErrorCode::NotFound))?;
    let stays_admin = change.role == Role::Administrator && !change.disabled;
    if account.role == Role::Administrator
        && !stays_admin
        && store::other_administrators(db.conn(), &account.id)? == 0
    {
        return Err(Problem::new(ErrorCode::LastAdministrator));
    }
    let name = crate::text::tidy(&change.full_name);
    if name.is_empty() {
        return Err(Problem::validation(vec![
            crate::problem::FieldProblem::new("full_name", ErrorCode::Required),
        ]));
    }
    let was_disabled = account.disabled;
    account.full_name = name;
    account.role = change.role;
    account.disabled = change.disabled;
    let key = db
        .key()
        .cloned()
        .ok_or_else(|| Problem::new(ErrorCode::NoAccounts))?;
    let path = keyfile::path(data_dir);
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    store::update(&tx, &account, &crate::clock::now())?;
    audit::record_event(
        &tx,
        None,
        AuditAction::AccountChanged,
        &account.audit_name(),
    )?;
    if account.disabled && !was_disabled {
        let mut file = KeyFile::load(&path)?;
        match file.remove(&key, &account.id) {
            Ok(()) | Err(KeyFileError::NoAccount(_)) => {}
            Err(e) => return Err(e.into()),
        }
        file.save(&path)?;
    }
    tx.commit().map_err(DbError::from)?;
    Ok(account)
}

/// Gives an account a new password: the administrator for anyone (who then chooses their
/// own at the next sign-in), or a worker for themself. A disabled account gets its place
/// in the key file back only by being enabled and given a password.
pub fn set_password(
    db: &mut Database,
    data_dir: &Path,
    by: &Account,
    account_id: &str,
    password: &str,
    cost: Cost,
) -> Result<(), Problem> {
    let own = by.id == account_id;
    if !own {
        require(by, Permission::Administer)?;
    }
    let mut account =
        store::get(db.conn(), account_id)?.ok_or_else(|| Problem::new(ErrorCode::NotFound))?;
    if account.disabled {
        return Err(Problem::new(ErrorCode::AccountDisabled));
    }
    password::check_new(password, &account.login)?;
    let key = db
        .key()
        .cloned()
        .ok_or_else(|| Problem::new(ErrorCode::NoAccounts))?;
    let path = keyfile::path(data_dir);
    let mut file = KeyFile::load(&path)?;
    match file.set_password(&key, account_id, password, cost) {
        Ok(()) => {}
        // Enabled again after being disabled: a new place in the key file.
        Err(KeyFileError::NoAccount(_)) => {
            file.add(&key, account_id, &account.login, password, cost)?
        }
        Err(e) => return Err(e.into()),
    }
    account.must_change_password = !own;
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    store::update(&tx, &account, &crate::clock::now())?;
    if !own {
        audit::record_event(&tx, None, AuditAction::PasswordReset, &account.audit_name())?;
    }
    file.save(&path)?;
    tx.commit().map_err(DbError::from)?;
    Ok(())
}
