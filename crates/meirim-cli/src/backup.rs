//! `meirim-cli backup …`: the same backups as the app, for scheduled tasks — make one (local
//! or encrypted to a folder), list, verify, prune, restore. The passphrase comes from
//! MEIRIM_BACKUP_PASSPHRASE, never from the command line (where other users and the shell
//! history would see it).

use std::path::{Path, PathBuf};

use clap::Subcommand;
use meirim_core::backup::{self, Kind, Retention, Source};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::{paths, settings};

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

/// Where the passphrase of an encrypted backup is read from.
pub const PASSPHRASE_ENV: &str = "MEIRIM_BACKUP_PASSPHRASE";

#[derive(Subcommand)]
pub enum BackupCommand {
    /// Make a verified backup now: in backups/ beside the registry, or with --to, an
    /// encrypted copy in that folder (a USB stick).
    Create {
        #[arg(long)]
        to: Option<PathBuf>,
    },
    /// The day's backup if the last one is older than a day, then rotation (for a
    /// scheduled task).
    Auto,
    /// Local backups, newest first, with what they hold.
    List,
    /// Check a backup: a local file, or an encrypted one (with the passphrase).
    Verify { file: PathBuf },
    /// Delete automatic backups the retention no longer keeps.
    Prune,
    /// Replace the registry with a backup (the current one is kept as a backup first).
    /// Without --yes, only shows what the backup holds beside the current data.
    Restore {
        file: PathBuf,
        #[arg(long)]
        yes: bool,
    },
}

/// What each backup command needs of the signed-in account (as the app's backup screen).
pub fn needs(cmd: &BackupCommand) -> meirim_core::accounts::Permission {
    use meirim_core::accounts::Permission::{Administer, Edit, PersonalData, Read};
    match cmd {
        BackupCommand::Create { to: Some(_) } => PersonalData,
        BackupCommand::Create { to: None } | BackupCommand::Auto => Edit,
        BackupCommand::List | BackupCommand::Verify { .. } => Read,
        BackupCommand::Prune | BackupCommand::Restore { .. } => Administer,
    }
}

fn passphrase() -> Result<String, Problem> {
    std::env::var(PASSPHRASE_ENV)
        .map_err(|_| Problem::new(ErrorCode::OptionMissing).with("option", PASSPHRASE_ENV))
}

/// A file ending in .sqlite3 is a plain local backup; anything else is an encrypted one.
fn source(file: &Path) -> Result<Source, Problem> {
    if file.extension().is_some_and(|e| e == "sqlite3") {
        Ok(Source::Plain(file.to_path_buf()))
    } else {
        Ok(Source::Sealed {
            path: file.to_path_buf(),
            passphrase: passphrase()?,
        })
    }
}

pub fn run(ctx: &mut Ctx, cmd: BackupCommand) -> Result<(), Problem> {
    let now = meirim_core::clock::now_utc();
    match cmd {
        BackupCommand::Create { to: None } => {
            let made = backup::create(&ctx.db, Kind::Manual, now)?;
            show(ctx, &[made])
        }
        BackupCommand::Create { to: Some(folder) } => {
            let (bytes, manifest) = backup::seal(
                &ctx.db,
                &passphrase()?,
                &paths::backup_dir(&ctx.data_dir),
                now,
            )?;
            let path = folder.join(backup::sealed_file_name(now));
            backup::record_sealed(ctx.db.conn(), &manifest, &path)?;
            meirim_exchange::save(&path, &bytes)?;
            if ctx.json {
                return print_json(&serde_json::json!({ "path": path, "manifest": manifest }));
            }
            say(ctx.l10n.text(
                "backup-sealed",
                &[
                    ("path", path.display().to_string().into()),
                    ("families", manifest.contents.families.into()),
                ],
            ));
            Ok(())
        }
        BackupCommand::Auto => {
            // Kept for the app's screens and the log, as the app's own automatic backups are.
            let outcome = retention(ctx)
                .and_then(|keep| backup::auto_if_due(&ctx.db, now, keep).map_err(Problem::from));
            backup::health::record(&ctx.data_dir, &outcome);
            let made = outcome?;
            show(ctx, &made.into_iter().collect::<Vec<_>>())
        }
        BackupCommand::List => {
            let all = backup::list(&ctx.db, true)?;
            show(ctx, &all)
        }
        BackupCommand::Prune => {
            let removed = backup::prune(&ctx.db, now, retention(ctx)?)?;
            say(removed);
            Ok(())
        }
        BackupCommand::Verify { file } => {
            let contents = match source(&file)? {
                Source::Plain(p) => backup::verify(&p, ctx.db.key())?,
                Source::Sealed { path, passphrase } => {
                    let bytes = std::fs::read(&path).map_err(|e| {
                        Problem::new(ErrorCode::BackupReadFailed)
                            .with("path", path.display())
                            .with("reason", e)
                    })?;
                    backup::open_sealed(&path, &bytes, &passphrase)?
                        .manifest
                        .contents
                }
            };
            if ctx.json {
                return print_json(&contents);
            }
            say(ctx.l10n.text(
                "backup-verified",
                &[
                    ("families", contents.families.into()),
                    ("deliveries", contents.deliveries.into()),
                ],
            ));
            Ok(())
        }
        BackupCommand::Restore { file, yes } => {
            let candidate = backup::inspect(&ctx.data_dir, &source(&file)?, ctx.db.key())?;
            if ctx.json && !yes {
                return print_json(&candidate);
            }
            let current = candidate.current.as_ref();
            say(ctx.l10n.text(
                "backup-restore-compare",
                &[
                    ("families", candidate.backup.families.into()),
                    ("deliveries", candidate.backup.deliveries.into()),
                    ("current_families", current.map_or(0, |c| c.families).into()),
                    (
                        "current_deliveries",
                        current.map_or(0, |c| c.deliveries).into(),
                    ),
                ],
            ));
            if !yes {
                say(ctx.l10n.text("backup-restore-confirm-hint", &[]));
                return Ok(());
            }
            let db = std::mem::replace(&mut ctx.db, meirim_core::Database::open_in_memory()?);
            ctx.db = backup::replace(db, &ctx.data_dir, &candidate, now)?;
            say(ctx.l10n.text("backup-restored", &[]));
            Ok(())
        }
    }
}

/// `backup list` and `backup restore` when the registry itself is damaged: the damaged
/// file is put aside, never deleted.
pub fn without_registry(
    data_dir: &Path,
    key: Option<&meirim_core::db::RegistryKey>,
    l10n: &meirim_i18n::Localizer,
    cmd: BackupCommand,
    json: bool,
) -> Result<(), Problem> {
    match cmd {
        BackupCommand::List => {
            let all = backup::list_in(data_dir, key, true)?;
            if json {
                return print_json(&all);
            }
            for b in all {
                say(format!("{}  {}", b.created_at, b.path));
            }
            Ok(())
        }
        BackupCommand::Restore { file, yes: true } => {
            let candidate = backup::inspect(data_dir, &source(&file)?, key)?;
            backup::replace_damaged(data_dir, &candidate, key, meirim_core::clock::now_utc())?;
            say(l10n.text("backup-restored", &[]));
            Ok(())
        }
        _ => Err(Problem::new(ErrorCode::DbDamaged)
            .with("path", paths::db_path(data_dir).display())
            .with("reason", "quick_check")),
    }
}

fn retention(ctx: &Ctx) -> Result<Retention, Problem> {
    Ok(settings::backup_retention(ctx.db.conn())?)
}

fn show(ctx: &Ctx, list: &[backup::LocalBackup]) -> Result<(), Problem> {
    if ctx.json {
        return print_json(&list);
    }
    let l = &ctx.l10n;
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|b| {
            let c = b.contents.as_ref();
            vec![
                local_time(&b.created_at),
                l.text(&format!("backup-kind-{}", crate::output::code(b.kind)), &[]),
                format!("{:.1} MB", b.size as f64 / 1_048_576.0),
                c.map_or("?".into(), |c| c.families.to_string()),
                c.map_or("?".into(), |c| c.deliveries.to_string()),
                b.file_name.clone(),
            ]
        })
        .collect();
    say(table(
        &[
            l.text("backup-col-created", &[]),
            l.text("backup-col-kind", &[]),
            l.text("backup-col-size", &[]),
            l.text("backup-col-families", &[]),
            l.text("backup-col-deliveries", &[]),
            l.text("backup-col-file", &[]),
        ],
        &rows,
    ));
    Ok(())
}

fn local_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%d.%m.%Y %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}
