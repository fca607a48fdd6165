//! `meirim-cli transfer …`: a family that moves to another office. `send` writes it (with
//! its aid and history) as a file encrypted with the passphrase in MEIRIM_TRANSFER_PASSPHRASE
//! and archives it here; `receive` reads such a file in — refused when the family is
//! already registered here, unless `--into` names that family, whose history is extended.

use std::path::PathBuf;

use clap::Subcommand;
use meirim_core::family;
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::transfer::{file, receive, send};

use crate::families::print_json;
use crate::output::say;
use crate::Ctx;

/// Never on the command line, where other users and the shell history would see it.
pub const PASSPHRASE_ENV: &str = "MEIRIM_TRANSFER_PASSPHRASE";

#[derive(Subcommand)]
pub enum TransferCommand {
    /// Writes the family's transfer file into --out (a folder) and archives it here.
    Send {
        family: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Reads a transfer file in; --dry-run only says what it holds and whom it matches.
    Receive {
        file: PathBuf,
        /// The family here that is the same one (its registry number or id).
        #[arg(long)]
        into: Option<String>,
        #[arg(long)]
        dry_run: bool,
    },
}

fn passphrase() -> Result<String, Problem> {
    std::env::var(PASSPHRASE_ENV)
        .map_err(|_| Problem::new(ErrorCode::OptionMissing).with("option", PASSPHRASE_ENV))
}

pub fn run(ctx: &mut Ctx, cmd: TransferCommand) -> Result<(), Problem> {
    match cmd {
        TransferCommand::Send {
            family: key,
            reason,
            out,
        } => {
            let id = family::resolve(ctx.db.conn(), &key)?;
            let t = send::gather(ctx.db.conn(), &id, &reason)?;
            let bytes = file::seal(&t, &passphrase()?)?;
            let path = out.join(send::file_name(&t));
            meirim_exchange::save(&path, &bytes)?;
            send::mark_sent(&mut ctx.db, &id, &reason, &path.display().to_string())?;
            if ctx.json {
                return print_json(&serde_json::json!({ "path": path, "bytes": bytes.len() }));
            }
            say(ctx.l10n.text(
                "transfer-saved",
                &[("path", path.display().to_string().into())],
            ));
            Ok(())
        }
        TransferCommand::Receive {
            file: path,
            into,
            dry_run,
        } => {
            let bytes = meirim_exchange::read_at_most(&path, file::MAX_FILE_BYTES)?;
            let t = file::open(&bytes, &passphrase()?)?;
            if dry_run {
                let seen = receive::preview(ctx.db.conn(), &t)?;
                return print_json(&seen);
            }
            let into = match into {
                Some(k) => Some(family::resolve(ctx.db.conn(), &k)?),
                None => None,
            };
            let id = receive::accept(&mut ctx.db, &t, into.as_deref())?;
            let f = family::get(ctx.db.conn(), &id)?;
            if ctx.json {
                return print_json(&f);
            }
            say(ctx
                .l10n
                .text("transfer-received", &[("number", f.registry_no.into())]));
            Ok(())
        }
    }
}
