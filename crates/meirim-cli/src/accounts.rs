//! `meirim-cli accounts`: the office's first administrator without the app (a scripted
//! installation), and the list of accounts. Adding workers and their passwords is the
//! app's accounts screen.

use std::path::Path;

use clap::{Args, Subcommand};
use meirim_core::accounts::{self, Cost, NewAccount, Role};
use meirim_core::{Check, Problem};
use meirim_i18n::Localizer;

use crate::families::print_json;
use crate::output::say;
use crate::signin;
use crate::Ctx;

#[derive(Subcommand)]
pub enum AccountsCommand {
    /// Create the first administrator and encrypt the registry (and its local backups).
    /// The password comes from MEIRIM_PASSWORD, MEIRIM_PASSWORD_FILE or the terminal;
    /// the recovery key is printed once: keep it on paper.
    Init(InitArgs),
    /// The accounts, their roles, and whether they are disabled.
    List,
    /// Give the registry a new key (after a worker left who might have kept the old one):
    /// the registry and its local backups are re-encrypted; prints the new recovery key.
    ChangeKey,
    /// A new password: your own, or with --for another account's temporary one (the
    /// administrator's). The new password comes from MEIRIM_NEW_PASSWORD or the prompt.
    Password {
        #[arg(long = "for")]
        for_login: Option<String>,
    },
}

#[derive(Args)]
pub struct InitArgs {
    #[arg(long)]
    pub login: String,
    #[arg(long)]
    pub full_name: String,
}

pub fn init(data_dir: &Path, args: &InitArgs, l10n: &Localizer, json: bool) -> Result<(), Problem> {
    let (_, secret) = signin::credentials(Some(&args.login))?;
    let new = NewAccount {
        login: args.login.clone(),
        full_name: args.full_name.clone(),
        role: Role::Administrator,
        password: secret.0,
    };
    let (signed, key) =
        accounts::create_administrator(data_dir, &new, Cost::for_new_passwords(), Check::Now)?;
    let text = key.recovery_text();
    if json {
        return print_json(&serde_json::json!({
            "login": signed.account.login,
            "encrypted_files": signed.encrypted_files,
            "recovery_key": text.as_str(),
        }));
    }
    say(l10n.text(
        "cli-accounts-created",
        &[
            ("login", signed.account.login.clone().into()),
            ("files", signed.encrypted_files.into()),
        ],
    ));
    say(text.as_str());
    Ok(())
}

/// The new password: from MEIRIM_NEW_PASSWORD, or asked for twice on the terminal.
fn new_password() -> Result<String, Problem> {
    if let Ok(p) = std::env::var("MEIRIM_NEW_PASSWORD") {
        return Ok(p);
    }
    let ask = |prompt: &str| {
        rpassword::prompt_password(prompt).map_err(|e| {
            Problem::new(meirim_core::ErrorCode::InputUnreadable)
                .with("path", "stdin")
                .with("reason", e)
        })
    };
    let first = ask("new password: ")?;
    if ask("again: ")? != first {
        return Err(Problem::new(meirim_core::ErrorCode::PasswordMismatch));
    }
    Ok(first)
}

pub fn run(ctx: &mut Ctx, cmd: AccountsCommand) -> Result<(), Problem> {
    match cmd {
        AccountsCommand::ChangeKey => {
            let by = ctx
                .account
                .clone()
                .ok_or_else(|| Problem::new(meirim_core::ErrorCode::NoAccounts))?;
            let db = std::mem::replace(&mut ctx.db, meirim_core::Database::open_in_memory()?);
            let (db, key) = accounts::rotate_key(db, &ctx.data_dir, &by)?;
            ctx.db = db;
            let text = key.recovery_text();
            if ctx.json {
                return print_json(&serde_json::json!({ "recovery_key": text.as_str() }));
            }
            say(ctx.l10n.text("cli-accounts-key-changed", &[]));
            say(text.as_str());
            Ok(())
        }
        AccountsCommand::Password { for_login } => {
            let by = ctx
                .account
                .clone()
                .ok_or_else(|| Problem::new(meirim_core::ErrorCode::NoAccounts))?;
            let target = match for_login {
                None => by.clone(),
                Some(login) => accounts::store::list(ctx.db.conn())?
                    .into_iter()
                    .find(|a| a.login.to_lowercase() == login.trim().to_lowercase())
                    .ok_or_else(|| Problem::new(meirim_core::ErrorCode::NotFound))?,
            };
            let password = new_password()?;
            accounts::set_password(
                &mut ctx.db,
                &ctx.data_dir,
                &by,
                &target.id,
                &password,
                Cost::for_new_passwords(),
            )
        }
        AccountsCommand::Init(_) => Err(Problem::new(meirim_core::ErrorCode::AccountsExist)),
        AccountsCommand::List => {
            let all = accounts::store::list(ctx.db.conn())?;
            if ctx.json {
                return print_json(&all);
            }
            for a in all {
                let role = ctx.l10n.text(&format!("role-{}", a.role.code()), &[]);
                let off = if a.disabled {
                    format!(" ({})", ctx.l10n.text("accounts-disabled", &[]))
                } else {
                    String::new()
                };
                say(format!("{}  {}  {role}{off}", a.login, a.full_name));
            }
            Ok(())
        }
    }
}
