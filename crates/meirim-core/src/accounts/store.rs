//! The `accounts` table: who may sign in, with which role. Passwords are not here.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::Role;
use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};

/// An account as the administrator's screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Account {
    pub id: String,
    pub login: String,
    pub full_name: String,
    pub role: Role,
    pub created_at: String,
    pub disabled: bool,
    /// Set when the administrator gave a new password: the worker chooses their own at
    /// the next sign-in.
    pub must_change_password: bool,
}

impl Account {
    /// How the audit log names whoever did something: «Full Name (login)».
    pub fn audit_name(&self) -> String {
        format!("{} ({})", self.full_name, self.login)
    }
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    let role: String = r.get(3)?;
    Ok(Account {
        id: r.get(0)?,
        login: r.get(1)?,
        full_name: r.get(2)?,
        role: Role::parse(&role).unwrap_or(Role::Viewer),
        created_at: r.get(4)?,
        disabled: r.get::<_, Option<String>>(5)?.is_some(),
        must_change_password: r.get(6)?,
    })
}

const COLUMNS: &str = "id, login, full_name, role, created_at, disabled_at, must_change_password";

pub fn get(conn: &Connection, id: &str) -> Result<Option<Account>, Problem> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()
        .map_err(DbError::from)?)
}

/// Every account, administrators first, then by name.
pub fn list(conn: &Connection) -> Result<Vec<Account>, Problem> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM accounts
             ORDER BY disabled_at IS NOT NULL,
                      CASE role WHEN 'administrator' THEN 0 WHEN 'operator' THEN 1 ELSE 2 END,
                      full_name, login"
        ))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], from_row)
        .and_then(Iterator::collect)
        .map_err(DbError::from)?;
    Ok(rows)
}

pub fn count(conn: &Connection) -> Result<u32, Problem> {
    Ok(conn
        .query_row("SELECT count(*) FROM accounts", [], |r| r.get(0))
        .map_err(DbError::from)?)
}

pub(crate) fn insert(conn: &Connection, a: &Account) -> Result<(), Problem> {
    conn.execute(
        "INSERT INTO accounts (id, login, full_name, role, created_at, must_change_password)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            a.id,
            a.login,
            a.full_name,
            a.role.code(),
            a.created_at,
            a.must_change_password
        ],
    )
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => {
            Problem::new(ErrorCode::LoginTaken).with("login", &a.login)
        }
        _ => Problem::from(DbError::from(e)),
    })?;
    Ok(())
}

pub(crate) fn update(conn: &Connection, a: &Account, now: &str) -> Result<(), Problem> {
    conn.execute(
        "UPDATE accounts SET full_name = ?2, role = ?3, must_change_password = ?4,
                disabled_at = CASE WHEN ?5 THEN coalesce(disabled_at, ?6) ELSE NULL END
         WHERE id = ?1",
        params![
            a.id,
            a.full_name,
            a.role.code(),
            a.must_change_password,
            a.disabled,
            now
        ],
    )
    .map_err(DbError::from)?;
    Ok(())
}

/// Active administrators other than `except`.
pub(crate) fn other_administrators(conn: &Connection, except: &str) -> Result<u32, Problem> {
    Ok(conn
        .query_row(
            "SELECT count(*) FROM accounts
             WHERE role = 'administrator' AND disabled_at IS NULL AND id <> ?1",
            [except],
            |r| r.get(0),
        )
        .map_err(DbError::from)?)
}

/// Makes the audit log of this connection name `account` for everything it records: a
/// function only this connection has, so no other process can claim to be them.
pub fn sign_connection(conn: &Connection, account: &Account) -> Result<(), Problem> {
    let name = account.audit_name();
    conn.create_scalar_function(
        "meirim_operator",
        0,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8
            | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
        move |_| Ok(name.clone()),
    )
    .map_err(DbError::from)?;
    Ok(())
}

/// The signed-in account's name on this connection, if one signed it.
pub(crate) fn signed_operator(conn: &Connection) -> Option<String> {
    conn.prepare_cached("SELECT meirim_operator()")
        .and_then(|mut st| st.query_row([], |r| r.get(0)))
        .ok()
}
