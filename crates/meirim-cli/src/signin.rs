//! The CLI signs in as the app does once the office has accounts: the sign-in name from
//! `--user` (or MEIRIM_USER), the password from MEIRIM_PASSWORD, from the file named by
//! MEIRIM_PASSWORD_FILE (a scheduled task's), or asked for on the terminal without echo.
//! Each command then needs the permission the app's matching screen needs.

use std::io::IsTerminal;
use std::path::Path;

use meirim_core::accounts::{self, Account, Permission};
use meirim_core::{ErrorCode, Problem};

pub const USER_ENV: &str = "MEIRIM_USER";
pub const PASSWORD_ENV: &str = "MEIRIM_PASSWORD";
pub const PASSWORD_FILE_ENV: &str = "MEIRIM_PASSWORD_FILE";

/// A password, held only as long as the sign-in takes.
pub struct Secret(pub String);

fn password(login: &str) -> Result<Secret, Problem> {
    if let Ok(p) = std::env::var(PASSWORD_ENV) {
        return Ok(Secret(p));
    }
    if let Some(file) = std::env::var_os(PASSWORD_FILE_ENV) {
        let text = std::fs::read_to_string(&file).map_err(|e| {
            Problem::new(ErrorCode::InputUnreadable)
                .with("path", Path::new(&file).display())
                .with("reason", e)
        })?;
        return Ok(Secret(text.trim_end_matches(['\r', '\n']).to_owned()));
    }
    if std::io::stdin().is_terminal() {
        let typed = rpassword::prompt_password(format!("{login}: ")).map_err(|e| {
            Problem::new(ErrorCode::InputUnreadable)
                .with("path", "stdin")
                .with("reason", e)
        })?;
        return Ok(Secret(typed));
    }
    Err(Problem::new(ErrorCode::SignInNeeded))
}

/// The sign-in name and password for this run, or `SignedOut` when none can be had.
pub fn credentials(user: Option<&str>) -> Result<(String, Secret), Problem> {
    let login = user
        .map(str::to_owned)
        .or_else(|| std::env::var(USER_ENV).ok())
        .filter(|u| !u.trim().is_empty())
        .ok_or_else(|| Problem::new(ErrorCode::SignInNeeded))?;
    let secret = password(&login)?;
    Ok((login, secret))
}

/// Whether the data folder has accounts (and so an encrypted registry).
pub fn has_accounts(data_dir: &Path) -> bool {
    accounts::keyfile::path(data_dir).exists()
}

/// `NotAllowed` unless `account` (when signed in) may do what `need` names.
pub fn require(account: Option<&Account>, need: Permission) -> Result<(), Problem> {
    match account {
        Some(a) => accounts::require(a, need),
        None => Ok(()),
    }
}
