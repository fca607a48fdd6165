//! `meirim-cli district …`: a district's (or oblast's) side of the roll-up — its key card,
//! the offices below it, reading their packages from a stick or folder, who has not sent,
//! the consolidated report, and the families two offices both helped — and the package an
//! office (or the district itself) sends up (`report --package`).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use meirim_core::district::office;
use meirim_core::district::package::{self, Package};
use meirim_core::district::receive::{self, Verdict};
use meirim_core::district::{completeness, consolidate, doubles, key};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::reports::Period;
use meirim_core::{date, settings};

use crate::families::print_json;
use crate::output::{say, table};
use crate::report::PeriodArgs;
use crate::Ctx;

#[derive(Subcommand)]
pub enum DistrictCommand {
    /// Writes the key card the district gives its offices once (makes the key first).
    KeyCard {
        #[arg(long)]
        out: PathBuf,
    },
    /// The offices below this one, and whether each is awaited.
    Offices,
    /// Adds an office that should send reports, before its first package.
    Expect(crate::office::OfficeArgs),
    /// Reads report packages: files, or folders (their .meirim-report files).
    Read {
        paths: Vec<PathBuf>,
        /// Adds the offices not yet known under this district.
        #[arg(long)]
        add_offices: bool,
    },
    /// Who sent the period's report, on time or late, and who has not.
    Completeness(PeriodArgs),
    /// The consolidated report: on screen, or PDF, XLSX or CSV.
    Report(DistrictReportArgs),
    /// Families two offices both helped in the period; --answer writes the file that tells
    /// each office which of its families they are.
    Doubles {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long)]
        answer: Option<PathBuf>,
    },
}

#[derive(Args)]
pub struct DistrictReportArgs {
    #[command(flatten)]
    period: PeriodArgs,
    /// text (default), pdf, xlsx or csv.
    #[arg(long, default_value = "text")]
    format: String,
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long)]
    signatory: Option<String>,
}

/// Files a folder holds, at most this many: a stick with more is not a district's.
const MAX_FILES: usize = 10_000;

pub fn needs(cmd: &DistrictCommand) -> meirim_core::accounts::Permission {
    use meirim_core::accounts::Permission::{Administer, Edit, Read};
    match cmd {
        DistrictCommand::KeyCard { .. } | DistrictCommand::Expect(_) => Administer,
        DistrictCommand::Read { .. } => Edit,
        _ => Read,
    }
}

fn signatory(ctx: &Ctx, given: Option<&str>) -> Result<String, Problem> {
    match given {
        Some(s) => Ok(s.to_owned()),
        None => Ok(settings::signatory(ctx.db.conn(), ctx.lang)?),
    }
}

/// `report --package --out DIR`.
pub fn send_package(
    ctx: &Ctx,
    period: Period,
    out: &Path,
    signatory_given: Option<&str>,
) -> Result<(), Problem> {
    let who = signatory(ctx, signatory_given)?;
    let (manifest, name, bytes) =
        meirim_exchange::report_package::for_period(&ctx.db, period, ctx.lang, &who)?;
    let path = out.join(name);
    meirim_exchange::save(&path, &bytes)?;
    if ctx.json {
        return print_json(&serde_json::json!({
            "path": path,
            "bytes": bytes.len(),
            "families": manifest.families,
            "key_id": manifest.key_id,
            "content_sha256": manifest.content_sha256,
        }));
    }
    say(ctx.l10n.text(
        "district-package-saved",
        &[("path", path.display().to_string().into())],
    ));
    Ok(())
}

/// The package files among `paths`: files as given, folders' `.meirim-report` files by name.
pub fn package_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Problem> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| {
                    Problem::new(ErrorCode::InputUnreadable)
                        .with("path", p.display())
                        .with("reason", e)
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case(package::EXTENSION))
                })
                .take(MAX_FILES)
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// What reading a package did.
fn verdict_text(ctx: &Ctx, v: &Verdict) -> String {
    let id = match v {
        Verdict::New => "district-verdict-new",
        Verdict::Replaces { .. } => "district-verdict-replaces",
        Verdict::Older { .. } => "district-verdict-older",
        Verdict::AlreadyRead => "district-verdict-already-read",
        // Read: so the office was added.
        Verdict::UnknownOffice { .. } => "district-verdict-office-added",
    };
    ctx.l10n.text(id, &[])
}

fn read(ctx: &mut Ctx, paths: &[PathBuf], add_offices: bool) -> Result<(), Problem> {
    let files = package_files(paths)?;
    let mut rows = Vec::new();
    let mut json = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let outcome = meirim_exchange::report_package::read_file(&path)
            .map_err(Problem::from)
            .and_then(|p: Package| receive::accept(&mut ctx.db, &p, &name, add_offices));
        match outcome {
            Ok(preview) => {
                rows.push(vec![
                    name.clone(),
                    preview.office.names.pick(ctx.lang).to_owned(),
                    format!(
                        "{}–{}",
                        date::display(preview.period.from),
                        date::display(preview.period.to)
                    ),
                    verdict_text(ctx, &preview.verdict),
                ]);
                json.push(serde_json::json!({ "file": name, "read": preview }));
            }
            Err(p) => {
                rows.push(vec![
                    name.clone(),
                    String::new(),
                    String::new(),
                    ctx.l10n.problem(&p),
                ]);
                json.push(serde_json::json!({ "file": name, "refused": p }));
            }
        }
    }
    if ctx.json {
        return print_json(&json);
    }
    let l = &ctx.l10n;
    say(table(
        &[
            l.text("cli-district-col-file", &[]),
            l.text("district-col-office", &[]),
            l.text("cli-district-col-period", &[]),
            l.text("cli-district-col-outcome", &[]),
        ],
        &rows,
    ));
    Ok(())
}

fn show_completeness(ctx: &Ctx, c: &completeness::Completeness) {
    let l = &ctx.l10n;
    let rows: Vec<Vec<String>> = c
        .rows
        .iter()
        .map(|r| {
            vec![
                r.office.office.names.pick(ctx.lang).to_owned(),
                l.text(
                    match r.standing {
                        completeness::Standing::OnTime => "district-standing-on-time",
                        completeness::Standing::Late => "district-standing-late",
                        completeness::Standing::Missing => "district-standing-missing",
                    },
                    &[],
                ),
                r.made_at
                    .as_deref()
                    .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                    .map(|t| date::display(t.date_naive()))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    say(l.text("district-due", &[("date", date::display(c.due).into())]));
    say(table(
        &[
            l.text("district-col-office", &[]),
            l.text("district-col-standing", &[]),
            l.text("district-col-made", &[]),
        ],
        &rows,
    ));
}

pub fn run(ctx: &mut Ctx, cmd: DistrictCommand) -> Result<(), Problem> {
    match cmd {
        DistrictCommand::KeyCard { out } => {
            let card = key::key_card(ctx.db.conn())?;
            let bytes = serde_json::to_vec_pretty(&card)
                .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
            meirim_exchange::save(&out, &bytes)?;
            say(ctx.l10n.text(
                "district-key-card-saved",
                &[("path", out.display().to_string().into())],
            ));
            Ok(())
        }
        DistrictCommand::Offices => {
            let below = office::below(ctx.db.conn())?;
            if ctx.json {
                return print_json(&below);
            }
            let rows: Vec<Vec<String>> = below
                .iter()
                .map(|o| {
                    vec![
                        o.office.names.pick(ctx.lang).to_owned(),
                        o.office.kato.clone().unwrap_or_default(),
                        if o.expected { "✓" } else { "" }.to_owned(),
                        o.office.id.clone(),
                    ]
                })
                .collect();
            let l = &ctx.l10n;
            say(table(
                &[
                    l.text("district-col-office", &[]),
                    "KATO".to_owned(),
                    l.text("cli-district-col-expected", &[]),
                    "id".to_owned(),
                ],
                &rows,
            ));
            Ok(())
        }
        DistrictCommand::Expect(a) => {
            let added = office::add_expected(ctx.db.conn(), &a.input()?)?;
            if ctx.json {
                return print_json(&added);
            }
            say(added.office.id);
            Ok(())
        }
        DistrictCommand::Read { paths, add_offices } => read(ctx, &paths, add_offices),
        DistrictCommand::Completeness(p) => {
            let c = completeness::table(ctx.db.conn(), crate::report::period(&p)?)?;
            if ctx.json {
                return print_json(&c);
            }
            show_completeness(ctx, &c);
            Ok(())
        }
        DistrictCommand::Report(a) => report(ctx, a),
        DistrictCommand::Doubles { period, answer } => {
            let period = crate::report::period(&period)?;
            if let Some(out) = answer {
                let a = doubles::answer(ctx.db.conn(), period)?;
                let bytes = serde_json::to_vec_pretty(&a)
                    .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
                meirim_exchange::save(&out, &bytes)?;
                say(ctx.l10n.text(
                    "district-answer-saved",
                    &[("path", out.display().to_string().into())],
                ));
                return Ok(());
            }
            let found = doubles::find(ctx.db.conn(), period)?;
            if ctx.json {
                return print_json(&found);
            }
            say(ctx.l10n.text(
                "district-doubles-line",
                &[
                    ("count", found.doubles.len().into()),
                    ("compared", found.compared.into()),
                ],
            ));
            Ok(())
        }
    }
}

fn report(ctx: &mut Ctx, a: DistrictReportArgs) -> Result<(), Problem> {
    let period = crate::report::period(&a.period)?;
    let c = consolidate::build(ctx.db.conn(), period)?;
    let bytes = match a.format.as_str() {
        "text" if ctx.json => return print_json(&c),
        "text" => {
            show_completeness(ctx, &c.completeness);
            say(ctx.l10n.text(
                "district-doubles-line",
                &[
                    ("count", c.doubles.doubles.len().into()),
                    ("compared", c.doubles.compared.into()),
                ],
            ));
            say("");
            crate::report::print_text(ctx, &c.total);
            return Ok(());
        }
        "csv" => meirim_exchange::consolidated_csv(&c, &ctx.l10n),
        "xlsx" => meirim_exchange::consolidated_xlsx(&c, &ctx.l10n)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?,
        "pdf" => {
            let who = signatory(ctx, a.signatory.as_deref())?;
            meirim_documents::consolidated_pdf(&c, ctx.lang, &who, meirim_core::clock::today())
                .map_err(|e| {
                    Problem::new(ErrorCode::DocumentFailed)
                        .with("path", "district.pdf")
                        .with("reason", e)
                })?
        }
        other => {
            return Err(Problem::new(ErrorCode::InvalidChoice)
                .with("value", other)
                .with("allowed", "text, pdf, xlsx, csv"))
        }
    };
    crate::report::save_out(ctx, a.out.as_deref(), &bytes)
}
