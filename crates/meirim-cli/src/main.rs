//! `meirim-cli`: the registry from a terminal or a scheduled task, through the same core
//! (and so the same validation and messages) as the app.

mod accounts;
mod aid;
mod audit;
mod backup;
mod bench_district;
mod bench_letters;
mod bench_report;
mod bench_sign_in;
mod campaigns;
mod dashboard;
mod district;
mod drives;
mod export;
mod families;
mod import;
mod letters;
mod office;
mod output;
mod reference;
mod report;
mod signin;
mod transfer;
mod volunteers;

use output::say;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use meirim_core::settings::{self, Language};
use meirim_core::{paths, Database, ErrorCode, Problem};
use meirim_i18n::Localizer;

#[derive(Parser)]
#[command(
    name = "meirim-cli",
    version,
    about = "Meirim registry from the command line"
)]
struct Cli {
    /// Folder holding meirim.sqlite3 (default: the app's data folder).
    #[arg(long, global = true, env = paths::DATA_DIR_ENV)]
    data_dir: Option<PathBuf>,
    /// Language of messages: kk or ru (default: the language chosen in the app).
    #[arg(long, global = true)]
    lang: Option<String>,
    /// Print machine-readable JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
    /// Work as if today were this day (YYYY-MM-DD): reports, rules, the demo district.
    #[arg(long, global = true, env = meirim_core::clock::TODAY_ENV)]
    today: Option<String>,
    /// Sign in as this account (or MEIRIM_USER); the password comes from MEIRIM_PASSWORD,
    /// the file named by MEIRIM_PASSWORD_FILE, or is asked for. Needed once the office
    /// has accounts.
    #[arg(long, global = true)]
    user: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Register, list, search and show families.
    #[command(subcommand)]
    Families(families::FamiliesCommand),
    /// Campaigns and actions, and their summaries.
    #[command(subcommand)]
    Campaigns(campaigns::CampaignsCommand),
    /// Letters, diplomas and certificates: issue a numbered batch (a campaign's
    /// volunteers or a list of names), and the register: verify, cancel, reprint.
    Letters(Box<letters::LettersArgs>),
    /// The period report (figures beside the previous period's): on screen, or PDF, XLSX
    /// or CSV for the district.
    Report(Box<report::ReportArgs>),
    /// Which office this registry is, the district key, the district's answer about
    /// families two offices both helped.
    #[command(subcommand)]
    Office(office::OfficeCommand),
    /// A family that moves to another office: send it (encrypted, with its aid and
    /// history; archived here) or receive it. The passphrase comes from
    /// MEIRIM_TRANSFER_PASSPHRASE.
    #[command(subcommand)]
    Transfer(transfer::TransferCommand),
    /// A district's (or oblast's) roll-up: its key card, offices, reading their report
    /// packages, who has not sent, the consolidated report, families two offices helped.
    #[command(subcommand)]
    District(district::DistrictCommand),
    /// The home screen's figures: this month and year, aid per month by type, families by
    /// category, the villages with most families helped.
    Dashboard(dashboard::DashboardArgs),
    /// A list with personal data (families with members, deliveries, volunteers) as XLSX or
    /// CSV; needs --personal-data, IINs only with --with-iin; logged in the audit log.
    Export(Box<export::ExportArgs>),
    /// The audit log, newest first: who changed, exported, printed or copied what.
    Audit(audit::AuditArgs),
    /// Backups: make one (local, or encrypted to a USB stick with --to), list, verify,
    /// prune, restore. The passphrase is read from MEIRIM_BACKUP_PASSPHRASE.
    #[command(subcommand)]
    Backup(backup::BackupCommand),
    /// Import the office's Excel / CSV list of families: cleaned, matched to the registry,
    /// all or nothing; --dry-run shows the report and writes nothing.
    Import(Box<import::ImportArgs>),
    /// Imports made so far, undo one, and the template to fill.
    #[command(subcommand)]
    Imports(import::ImportsCommand),
    /// Volunteers and the hours they gave.
    #[command(subcommand)]
    Volunteers(volunteers::VolunteersCommand),
    /// Aid: the catalogue, and aid given to families.
    #[command(subcommand)]
    Aid(aid::AidCommand),
    /// Reference lists (oblasts, categories, places) and the office's corrections to them.
    #[command(subcommand)]
    Reference(reference::ReferenceCommand),
    /// Fill an empty registry with a synthetic district (for trying Meirim, screenshots,
    /// tests and benchmarks). Every name and IIN is invented.
    Demo {
        #[arg(long, default_value_t = 1000)]
        families: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Aid deliveries (with campaigns and volunteers) spread over the families.
        #[arg(long, default_value_t = 0)]
        deliveries: u32,
    },
    /// Measure search, opening and saving on a demo district (created first if the
    /// registry is empty). Use a separate --data-dir: the figures go to BENCHMARKS.md.
    Bench {
        #[arg(long, default_value_t = 100_000)]
        families: u32,
        /// Deliveries added to a new demo district before measuring.
        #[arg(long, default_value_t = 1_000_000)]
        deliveries: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Samples per measurement.
        #[arg(long, default_value_t = 500)]
        runs: usize,
    },
    /// Measure issuing letters: a batch into one PDF in a fresh registry under --out-dir,
    /// and the same letters as letters.fodt for comparing with LibreOffice
    /// (scripts/bench-letters.sh).
    BenchLetters {
        #[arg(long, default_value_t = 1000)]
        count: usize,
        #[arg(long)]
        out_dir: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Time a district's quarter: --offices village registries (demo data, a seed each)
    /// write their packages into --out-dir, then fresh district registries read them all
    /// and build the consolidated report (scripts/bench-district.sh).
    BenchDistrict {
        #[arg(long, default_value_t = 100)]
        offices: u32,
        #[arg(long, default_value_t = 800)]
        families: u32,
        #[arg(long, default_value_t = 4000)]
        deliveries: u32,
        #[arg(long, default_value_t = 5)]
        runs: usize,
        #[arg(long)]
        out_dir: PathBuf,
    },
    /// Time a sign-in (argon2id at the cost new accounts get) in a key file of its own.
    BenchSignIn {
        #[arg(long, default_value_t = 7)]
        runs: usize,
    },
    /// Time the period report on this registry (the demo district) and write the SQL it
    /// ran as a script for the sqlite3 shell (scripts/bench-report.sh compares the two).
    BenchReport {
        #[arg(long, default_value = "01.01.2026")]
        from: String,
        #[arg(long, default_value = "31.12.2026")]
        to: String,
        #[arg(long, default_value_t = 5)]
        runs: usize,
        #[arg(long)]
        sql_out: PathBuf,
    },
    /// The operator name written into the audit log: shows it, or sets it when given.
    Operator { name: Option<String> },
    /// Accounts: create the office's first administrator (encrypting the registry), list
    /// them.
    #[command(subcommand)]
    Accounts(accounts::AccountsCommand),
    /// Where the data folder and database file are.
    Where,
    /// The USB sticks (removable drives) plugged in now, where reports, exports and
    /// encrypted backups can be saved.
    Drives,
}

pub struct Ctx {
    pub db: Database,
    /// Who signed in; `None` in a data folder without accounts yet.
    pub account: Option<meirim_core::accounts::Account>,
    pub data_dir: std::path::PathBuf,
    pub l10n: Localizer,
    pub lang: Language,
    pub json: bool,
}

fn main() -> ExitCode {
    if let Some(code) = meirim_exchange::import::worker::serve_if_asked() {
        return code;
    }
    let cli = Cli::parse();
    if let Some(raw) = cli.today.as_deref() {
        match meirim_core::clock::parse_day(raw) {
            Some(day) => {
                meirim_core::clock::set_process_today(day);
            }
            None => {
                let p = Problem::new(ErrorCode::InvalidDate).with("value", raw);
                return fail(&localizer(Language::Kk), &p, cli.json);
            }
        }
    }
    let forced_lang = match cli.lang.as_deref().map(|s| (s, Language::parse(s))) {
        Some((raw, None)) => {
            let p = Problem::new(ErrorCode::UnknownLanguage).with("value", raw);
            return fail(&localizer(Language::Kk), &p, cli.json);
        }
        Some((_, Some(l))) => Some(l),
        None => None,
    };
    let fallback = localizer(forced_lang.unwrap_or_default());
    let data_dir = match paths::resolve_data_dir(cli.data_dir.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            let p = Problem::new(ErrorCode::DataDirUnusable)
                .with("path", "?")
                .with("reason", e);
            return fail(&fallback, &p, cli.json);
        }
    };
    if let Command::BenchLetters {
        count,
        out_dir,
        seed,
    } = &cli.command
    {
        // Its own fresh registry: the user's data folder is not touched.
        let result = bench_letters::run(*count, out_dir, *seed, cli.json);
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(p) => fail(&fallback, &p, cli.json),
        };
    }
    if let Command::BenchDistrict {
        offices,
        families,
        deliveries,
        runs,
        out_dir,
    } = &cli.command
    {
        // Registries of its own under --out-dir: the user's data folder is not touched.
        let args = bench_district::Args {
            offices: *offices,
            families: *families,
            deliveries: *deliveries,
            runs: *runs,
            out_dir: out_dir.clone(),
        };
        return match bench_district::run(&args, cli.json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(p) => fail(&fallback, &p, cli.json),
        };
    }
    if let Command::BenchSignIn { runs } = cli.command {
        return match bench_sign_in::run(runs, cli.json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(p) => fail(&fallback, &p, cli.json),
        };
    }
    if let Command::Drives = cli.command {
        return match drives::run(&fallback, cli.json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(p) => fail(&fallback, &p, cli.json),
        };
    }
    if let Command::Where = cli.command {
        say(paths::db_path(&data_dir).display());
        return ExitCode::SUCCESS;
    }
    if let Command::Accounts(accounts::AccountsCommand::Init(args)) = &cli.command {
        return match accounts::init(&data_dir, args, &fallback, cli.json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(p) => fail(&fallback, &p, cli.json),
        };
    }
    let (db, account) = match open(&data_dir, cli.user.as_deref(), reads_only(&cli.command)) {
        Ok(opened) => opened,
        Err((problem, key)) => {
            // A damaged registry can still be listed and restored from its backups.
            if problem.code == ErrorCode::DbDamaged {
                if let Command::Backup(cmd) = cli.command {
                    return match backup::without_registry(
                        &data_dir,
                        key.as_ref(),
                        &fallback,
                        cmd,
                        cli.json,
                    ) {
                        Ok(()) => ExitCode::SUCCESS,
                        Err(p) => fail(&fallback, &p, cli.json),
                    };
                }
            }
            return fail(&fallback, &problem, cli.json);
        }
    };
    if let Err(p) = signin::require(account.as_ref(), needs(&cli.command)) {
        return fail(&fallback, &p, cli.json);
    }
    let lang = forced_lang.unwrap_or_else(|| settings::language(db.conn()).unwrap_or_default());
    let mut ctx = Ctx {
        db,
        account,
        data_dir,
        l10n: localizer(lang),
        lang,
        json: cli.json,
    };
    let result = match cli.command {
        Command::Families(cmd) => families::run(&mut ctx, cmd),
        Command::Reference(cmd) => reference::run(&mut ctx, cmd),
        Command::Aid(cmd) => aid::run(&mut ctx, cmd),
        Command::Campaigns(cmd) => campaigns::run(&mut ctx, cmd),
        Command::Letters(args) => letters::run(&mut ctx, *args),
        Command::Volunteers(cmd) => volunteers::run(&mut ctx, cmd),
        Command::Report(args) => report::run(&mut ctx, *args),
        Command::Export(args) => export::run(&mut ctx, *args),
        Command::Audit(args) => audit::run(&ctx, args),
        Command::Import(args) => import::run(&mut ctx, *args),
        Command::Backup(cmd) => backup::run(&mut ctx, cmd),
        Command::Imports(cmd) => import::run_imports(&mut ctx, cmd),
        Command::Dashboard(args) => dashboard::run(&mut ctx, args),
        Command::Office(cmd) => office::run(&mut ctx, cmd),
        Command::District(cmd) => district::run(&mut ctx, cmd),
        Command::Transfer(cmd) => transfer::run(&mut ctx, cmd),
        Command::BenchReport {
            from,
            to,
            runs,
            sql_out,
        } => bench_period(&mut ctx, &from, &to, runs, &sql_out),
        Command::Demo {
            families,
            seed,
            deliveries,
        } => demo(&mut ctx, families, seed, deliveries),
        Command::Bench {
            families,
            deliveries,
            seed,
            runs,
        } => bench(&mut ctx, families, deliveries, seed, runs),
        Command::Operator { name } => operator(&ctx, name),
        Command::Accounts(cmd) => accounts::run(&mut ctx, cmd),
        Command::Where
        | Command::Drives
        | Command::BenchLetters { .. }
        | Command::BenchDistrict { .. }
        | Command::BenchSignIn { .. } => Ok(()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(p) => fail(&ctx.l10n, &p, ctx.json),
    }
}

type Opened = (Database, Option<meirim_core::accounts::Account>);

/// The registry: signed into when the office has accounts (the key is kept for a damaged
/// registry's restore), else the unencrypted one from before accounts.
#[allow(clippy::result_large_err)]
///
/// A command that only reads skips the whole-file check (1.7 s on a 1 GB registry, the
/// larger part of a year report's run): the check guards writes, and its connection
/// stays read-only (`Check::Later` without `allow_writes`), so a damaged page it meets is
/// an error and nothing is written. Signing in writes the audit log, so with accounts the
/// file is checked first as before.
fn open(
    data_dir: &std::path::Path,
    user: Option<&str>,
    reads_only: bool,
) -> Result<Opened, (Problem, Option<meirim_core::db::RegistryKey>)> {
    use meirim_core::accounts;
    if !signin::has_accounts(data_dir) {
        let check = if reads_only {
            meirim_core::Check::Later
        } else {
            meirim_core::Check::Now
        };
        return Database::open_in_checked(data_dir, check)
            .map(|db| (db, None))
            .map_err(|e| (Problem::from(e), None));
    }
    let (login, secret) = signin::credentials(user).map_err(|p| (p, None))?;
    let unlocked = accounts::unlock(data_dir, &login, &secret.0, meirim_core::clock::now_utc())
        .map_err(|p| (p, None))?;
    drop(secret);
    let signed = accounts::open(data_dir, &unlocked, meirim_core::Check::Now)
        .map_err(|p| (p, Some(unlocked.key.clone())))?;
    accounts::record_sign_in(&signed.db, &signed.account, signed.wrong_attempts)
        .map_err(|p| (p, None))?;
    Ok((signed.db, Some(signed.account)))
}

/// Commands that never write to the registry (no audit entry, no setting, no count).
fn reads_only(command: &Command) -> bool {
    match command {
        Command::Report(args) => !args.writes_package(),
        Command::Families(
            families::FamiliesCommand::List { .. }
            | families::FamiliesCommand::Search { .. }
            | families::FamiliesCommand::Show { .. }
            | families::FamiliesCommand::Duplicates { .. },
        )
        | Command::Dashboard(_)
        | Command::Where => true,
        _ => false,
    }
}

/// What each command needs of the signed-in account: the same as the app's screens.
fn needs(command: &Command) -> meirim_core::accounts::Permission {
    use meirim_core::accounts::Permission::{Administer, Edit, PersonalData, Read};
    match command {
        Command::Families(families::FamiliesCommand::Destroy { .. }) => Administer,
        Command::Families(
            families::FamiliesCommand::List { .. }
            | families::FamiliesCommand::Search { .. }
            | families::FamiliesCommand::Show { .. },
        )
        | Command::Report(_)
        | Command::Dashboard(_)
        | Command::Where
        | Command::Drives => Read,
        Command::Export(_) | Command::Letters(_) => PersonalData,
        Command::District(cmd) => district::needs(cmd),
        // Both ways move personal data across the office's border.
        Command::Transfer(_) => PersonalData,
        Command::Office(office::OfficeCommand::Show | office::OfficeCommand::Doubles { .. }) => {
            Read
        }
        Command::Office(_) => Administer,
        Command::Backup(cmd) => backup::needs(cmd),
        // Anyone sets their own password; set_password checks the rest.
        Command::Accounts(accounts::AccountsCommand::Password { for_login: None }) => Read,
        Command::Audit(_) | Command::Accounts(_) | Command::Operator { name: Some(_) } => {
            Administer
        }
        Command::Operator { name: None } => Read,
        _ => Edit,
    }
}

fn demo(ctx: &mut Ctx, families: u32, seed: u64, deliveries: u32) -> Result<(), Problem> {
    let started = std::time::Instant::now();
    let today = meirim_core::clock::today();
    let made = meirim_core::demo::fill(&mut ctx.db, families, seed, today)?;
    meirim_core::demo::aid::fill(&mut ctx.db, deliveries, seed, today)?;
    say(ctx.l10n.text(
        "cli-demo-done",
        &[
            ("count", made.into()),
            (
                "seconds",
                format!("{:.1}", started.elapsed().as_secs_f64()).into(),
            ),
        ],
    ));
    Ok(())
}

fn bench_period(
    ctx: &mut Ctx,
    from: &str,
    to: &str,
    runs: usize,
    sql_out: &std::path::Path,
) -> Result<(), Problem> {
    let day = |raw: &str| {
        meirim_core::date::parse(raw)
            .ok_or_else(|| Problem::new(ErrorCode::InvalidDate).with("value", raw))
    };
    let period = meirim_core::reports::Period::new(day(from)?, day(to)?)?;
    bench_report::run(ctx, period, runs, sql_out)
}

fn operator(ctx: &Ctx, name: Option<String>) -> Result<(), Problem> {
    if let Some(n) = name {
        settings::set_operator(ctx.db.conn(), &n)?;
    }
    say(settings::operator(ctx.db.conn())?);
    Ok(())
}

fn bench(
    ctx: &mut Ctx,
    families: u32,
    deliveries: u32,
    seed: u64,
    runs: usize,
) -> Result<(), Problem> {
    let empty = meirim_core::family::search(
        &ctx.db,
        &meirim_core::family::SearchQuery {
            limit: 1,
            status: meirim_core::family::StatusFilter::All,
            ..Default::default()
        },
    )?
    .total
        == 0;
    if empty {
        demo(ctx, families, seed, deliveries)?;
    } else {
        // A district made before aid existed gets its deliveries now.
        let has_aid: i64 = ctx
            .db
            .conn()
            .query_row("SELECT count(*) FROM deliveries", [], |r| r.get(0))
            .map_err(meirim_core::DbError::from)?;
        if has_aid == 0 {
            meirim_core::demo::aid::fill(
                &mut ctx.db,
                deliveries,
                seed,
                meirim_core::clock::today(),
            )?;
        }
    }
    let report = meirim_core::bench::run(&mut ctx.db, runs, seed)?;
    if ctx.json {
        let s = serde_json::to_string_pretty(&report)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        say(s);
        return Ok(());
    }
    // Benchmark output is for developers and BENCHMARKS.md, so it is in English.
    say(format!(
        "registry: {} families, {} members, {} deliveries",
        report.families, report.members, report.deliveries
    ));
    let rows: Vec<Vec<String>> = report
        .timings
        .iter()
        .map(|t| {
            vec![
                t.operation.clone(),
                t.runs.to_string(),
                format!("{:.3}", t.p50_ms),
                format!("{:.3}", t.p95_ms),
                format!("{:.3}", t.max_ms),
            ]
        })
        .collect();
    let headers: Vec<String> = ["operation", "runs", "p50 ms", "p95 ms", "max ms"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    say(output::table(&headers, &rows));
    say(format!(
        "name search vs LIKE scan: {:.0}x faster at p50, {:.0}x at p95",
        report.name_search_speedup_p50, report.name_search_speedup_p95
    ));
    Ok(())
}

fn localizer(lang: Language) -> Localizer {
    // The messages are compiled in and checked by meirim-i18n's tests; failing here means
    // a broken build, but even then the Russian file is tried before giving up.
    match Localizer::new(lang).or_else(|_| Localizer::new(Language::Ru)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(70);
        }
    }
}

fn fail(l10n: &Localizer, p: &Problem, json: bool) -> ExitCode {
    if json {
        eprintln!(
            "{}",
            serde_json::json!({ "error": p, "message": l10n.problem(p) })
        );
    } else {
        eprintln!("{}: {}", l10n.text("cli-error", &[]), l10n.problem(p));
    }
    ExitCode::FAILURE
}
