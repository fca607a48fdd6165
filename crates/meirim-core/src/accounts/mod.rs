//! Accounts: who may open the registry, in which role, and the sign-in that opens it.
//!
//! The registry is encrypted with a random key (`db::RegistryKey`); `keyfile` holds what
//! each account's password opens; `store` the accounts themselves, inside the registry.
//! This module puts them together: the first administrator (who also encrypts a registry
//! from before accounts), sign-in, and the administrator's work on accounts.

mod admin;
pub mod keyfile;
pub mod password;
mod role;
mod session;
pub mod store;

use std::path::Path;

use serde::{Deserialize, Serialize};

pub use admin::{add, change, set_password, AccountChange};
pub use keyfile::KeyFileError;
pub use password::{Cost, PasswordProblem, MIN_PASSWORD};
pub use role::{Permission, Role};
pub use session::{
    create_administrator, open, record_sign_in, recover, rotate_key, sign_in, unlock, SignedIn,
    Unlocked,
};
pub use store::Account;

use crate::problem::{ErrorCode, Problem};

impl From<KeyFileError> for Problem {
    fn from(e: KeyFileError) -> Self {
        match e {
            KeyFileError::WrongPassword => Problem::new(ErrorCode::SignInWrong),
            KeyFileError::Wait { seconds } => {
                Problem::new(ErrorCode::SignInWait).with("seconds", seconds)
            }
            KeyFileError::LoginTaken(login) => {
                Problem::new(ErrorCode::LoginTaken).with("login", login)
            }
            KeyFileError::NoAccount(_) => Problem::new(ErrorCode::NotFound),
            KeyFileError::Damaged { path, reason } => Problem::new(ErrorCode::KeyFileDamaged)
                .with("path", path.display())
                .with("reason", reason),
            KeyFileError::Read { path, reason } | KeyFileError::Write { path, reason } => {
                Problem::new(ErrorCode::Storage)
                    .with("path", path.display())
                    .with("reason", reason)
            }
            KeyFileError::Crypto(reason) => {
                Problem::new(ErrorCode::Internal).with("reason", reason)
            }
        }
    }
}

impl From<PasswordProblem> for Problem {
    fn from(e: PasswordProblem) -> Self {
        match e {
            PasswordProblem::TooShort => {
                Problem::new(ErrorCode::PasswordTooShort).with("min", MIN_PASSWORD)
            }
            PasswordProblem::SameAsLogin => Problem::new(ErrorCode::PasswordSameAsLogin),
        }
    }
}

/// What the first screen asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Gate {
    /// No accounts yet: the office creates its administrator. `families` is what an
    /// existing unencrypted registry holds (it will be encrypted), `None` for a new one.
    CreateAdministrator { families: Option<u32> },
    /// Sign in.
    SignIn,
}

pub fn gate(data_dir: &Path) -> Gate {
    if keyfile::path(data_dir).exists() {
        return Gate::SignIn;
    }
    let registry = crate::paths::db_path(data_dir);
    let families = registry
        .is_file()
        .then(|| crate::backup::contents_of(&registry, None).ok())
        .flatten()
        .map(|c| c.families);
    Gate::CreateAdministrator { families }
}

/// A new account's details, as the administrator types them.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewAccount {
    pub login: String,
    pub full_name: String,
    pub role: Role,
    pub password: String,
}

fn check_login(login: &str) -> Result<String, Problem> {
    let login = login.trim();
    let n = login.chars().count();
    let fine = (2..=40).contains(&n)
        && login
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if fine {
        Ok(login.to_owned())
    } else {
        Err(Problem::new(ErrorCode::LoginInvalid))
    }
}

fn check_new(a: &NewAccount) -> Result<(String, String), Problem> {
    let login = check_login(&a.login)?;
    let name = crate::text::tidy(&a.full_name);
    if name.is_empty() {
        return Err(Problem::validation(vec![
            crate::problem::FieldProblem::new("full_name", ErrorCode::Required),
        ]));
    }
    password::check_new(&a.password, &login)?;
    Ok((login, name))
}

/// What only the signed-in account's role allows: `NotAllowed` otherwise.
pub fn require(account: &Account, need: Permission) -> Result<(), Problem> {
    if account.role.allows(need) {
        Ok(())
    } else {
        Err(Problem::new(ErrorCode::NotAllowed))
    }
}

#[cfg(test)]
mod tests;
