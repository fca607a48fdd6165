//! `meirim-cli letters …`: issue a numbered batch (a campaign's volunteers or a list of
//! names), and the register: list, verify, cancel, reprint; the templates.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use meirim_core::letters::compose::{BatchOptions, Layout};
use meirim_core::letters::recipients::{self, VolunteerFilter};
use meirim_core::letters::register::{self, RegisterFilter, VerifyStatus};
use meirim_core::letters::templates;
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::{campaigns, date, organisations, text};

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct LettersArgs {
    #[command(subcommand)]
    command: Option<LettersCommand>,
    #[command(flatten)]
    issue: IssueArgs,
}

#[derive(Subcommand)]
enum LettersCommand {
    /// Issue a numbered batch (the same as `letters` with options).
    Issue(Box<IssueArgs>),
    /// The register of issued documents, newest first.
    Register {
        /// Part of a name (any spelling) or a number.
        #[arg(long, default_value = "")]
        search: String,
        #[arg(long)]
        year: Option<i32>,
    },
    /// Check a scanned QR text or a number against the register.
    Verify { code: String },
    /// Cancel an issued document (it stays in the register, marked).
    Cancel {
        number: String,
        #[arg(long)]
        reason: String,
    },
    /// Print issued documents again, exactly as first printed.
    Reprint {
        numbers: Vec<String>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The office's templates.
    Templates,
}

#[derive(Args, Default)]
pub struct IssueArgs {
    /// Template: a ready one's code (gratitude-campaign, gratitude-deed, gratitude-sponsor,
    /// diploma-campaign, diploma-volunteer, certificate-hours, certificate-campaign), an id
    /// or a name.
    #[arg(long)]
    template: Option<String>,
    /// Campaign (id or name): fills {campaign} and {period}; without --names, its
    /// volunteers with logged time get a page each.
    #[arg(long)]
    campaign: Option<String>,
    /// Only volunteers of this organisation (id or name).
    #[arg(long)]
    organisation: Option<String>,
    /// Only volunteers with at least these hours (in the campaign, or in total).
    #[arg(long)]
    min_hours: Option<f64>,
    /// A file with one name per line, surname first («-» reads standard input), instead
    /// of volunteers.
    #[arg(long)]
    names: Option<PathBuf>,
    /// kk, ru or both (Kazakh above Russian).
    #[arg(long, default_value = "kk")]
    layout: String,
    /// The documents' date (default today).
    #[arg(long)]
    date: Option<String>,
    #[arg(long, default_value = "")]
    deed_kk: String,
    #[arg(long, default_value = "")]
    deed_ru: String,
    /// {period}, when not taken from the campaign's dates.
    #[arg(long, default_value = "")]
    period: String,
    /// Where to write the PDF (default: documents/ in the data folder).
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(ctx: &mut Ctx, a: LettersArgs) -> Result<(), Problem> {
    match a.command {
        None => issue(ctx, a.issue),
        Some(LettersCommand::Issue(args)) => issue(ctx, *args),
        Some(LettersCommand::Register { search, year }) => list(ctx, search, year),
        Some(LettersCommand::Verify { code }) => verify(ctx, &code),
        Some(LettersCommand::Cancel { number, reason }) => {
            let d = by_number(ctx, &number)?;
            let d = register::cancel(ctx.db.conn(), &d.id, &reason)?;
            if ctx.json {
                return print_json(&d);
            }
            say(ctx
                .l10n
                .text("letters-cancelled", &[("number", d.number.clone().into())]));
            Ok(())
        }
        Some(LettersCommand::Reprint { numbers, out }) => {
            let ids = numbers
                .iter()
                .map(|n| by_number(ctx, n).map(|d| d.id))
                .collect::<Result<Vec<_>, _>>()?;
            let path = meirim_documents::reprint(&ctx.db, &ids, &ctx.data_dir, out.as_deref())?;
            if ctx.json {
                return print_json(&serde_json::json!({ "path": path }));
            }
            say(ctx.l10n.text(
                "letters-saved",
                &[
                    ("count", (ids.len() as i64).into()),
                    ("path", path.display().to_string().into()),
                ],
            ));
            Ok(())
        }
        Some(LettersCommand::Templates) => {
            let all = templates::list(ctx.db.conn(), true)?;
            if ctx.json {
                return print_json(&all);
            }
            let rows: Vec<Vec<String>> = all
                .iter()
                .map(|t| {
                    vec![
                        t.seed_code.clone().unwrap_or_else(|| t.id.clone()),
                        ctx.l10n
                            .text(&format!("document-kind-{}", kind_id(t.text.kind)), &[]),
                        match ctx.lang {
                            meirim_core::settings::Language::Kk => t.text.name_kk.clone(),
                            meirim_core::settings::Language::Ru => t.text.name_ru.clone(),
                        },
                        t.issued.to_string(),
                    ]
                })
                .collect();
            let headers = [
                "cli-col-id",
                "letters-col-kind",
                "letters-col-template",
                "letters-col-issued",
            ]
            .iter()
            .map(|k| ctx.l10n.text(k, &[]))
            .collect::<Vec<_>>();
            say(table(&headers, &rows));
            Ok(())
        }
    }
}

fn kind_id(k: templates::DocumentKind) -> &'static str {
    match k {
        templates::DocumentKind::Gratitude => "gratitude",
        templates::DocumentKind::Diploma => "diploma",
        templates::DocumentKind::Certificate => "certificate",
    }
}

fn by_number(ctx: &Ctx, number: &str) -> Result<register::IssuedDocument, Problem> {
    register::check(ctx.db.conn(), number)?
        .document
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", number))
}

fn issue(ctx: &mut Ctx, a: IssueArgs) -> Result<(), Problem> {
    let template_key = a
        .template
        .ok_or_else(|| Problem::new(ErrorCode::OptionMissing).with("option", "--template"))?;
    let layout = Layout::parse(&a.layout).ok_or_else(|| {
        Problem::new(ErrorCode::InvalidChoice)
            .with("value", &a.layout)
            .with("allowed", "kk, ru, both")
    })?;
    let template = templates::find(ctx.db.conn(), &template_key)?;
    let campaign = match &a.campaign {
        Some(key) => Some(
            campaigns::find(ctx.db.conn(), key)?
                .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", key))?,
        ),
        None => None,
    };
    let people = match &a.names {
        Some(file) => {
            let raw = if file.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())
            } else {
                std::fs::read_to_string(file)
            }
            .map_err(|e| {
                Problem::new(ErrorCode::InputUnreadable)
                    .with("path", file.display())
                    .with("reason", e)
            })?;
            recipients::typed(ctx.db.conn(), &raw)?
        }
        None => {
            let organisation_id = match &a.organisation {
                Some(key) => {
                    let folded = text::fold(key);
                    Some(
                        organisations::list(ctx.db.conn())?
                            .into_iter()
                            .find(|o| {
                                o.id == *key
                                    || text::fold(&o.name_kk) == folded
                                    || text::fold(&o.name_ru) == folded
                            })
                            .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", key))?
                            .id,
                    )
                }
                None => None,
            };
            recipients::volunteers(
                ctx.db.conn(),
                &VolunteerFilter {
                    campaign_id: campaign.as_ref().map(|c| c.id.clone()),
                    organisation_id,
                    min_minutes: a.min_hours.map(|h| (h * 60.0).round().max(0.0) as u32),
                },
            )?
        }
    };
    if let Some(raw) = &a.date {
        date::parse(raw).ok_or_else(|| Problem::new(ErrorCode::InvalidDate).with("value", raw))?;
    }
    // Not refused (an office may sign by hand), but said before any number is used.
    let head = meirim_core::letters::letterhead::get(ctx.db.conn())?;
    for m in meirim_core::letters::readiness::missing(&head, &template, layout) {
        eprintln!(
            "{}: {}",
            ctx.l10n.text("cli-warning", &[]),
            missing_text(&ctx.l10n, m)
        );
    }
    let options = BatchOptions {
        template_id: template.id,
        layout,
        issued_on: a.date,
        campaign_id: campaign.map(|c| c.id),
        deed_kk: a.deed_kk,
        deed_ru: a.deed_ru,
        period: a.period,
    };
    let batch = meirim_documents::issue_letters(
        &mut ctx.db,
        &options,
        &people,
        &ctx.data_dir,
        a.out.as_deref(),
        &mut |_, _| true,
    )?;
    if ctx.json {
        return print_json(&batch);
    }
    let doubts = people
        .iter()
        .filter(|p| p.dative_kk.doubt.is_some() || p.dative_ru.doubt.is_some())
        .count();
    if doubts > 0 {
        say(ctx
            .l10n
            .text("letters-doubts", &[("count", (doubts as i64).into())]));
    }
    say(ctx.l10n.text(
        "letters-saved",
        &[
            ("count", (batch.documents.len() as i64).into()),
            ("path", batch.path.clone().into()),
        ],
    ));
    if let (Some(first), Some(last)) = (batch.documents.first(), batch.documents.last()) {
        say(ctx.l10n.text(
            "letters-numbers",
            &[
                ("first", first.number.clone().into()),
                ("last", last.number.clone().into()),
            ],
        ));
    }
    Ok(())
}

fn list(ctx: &Ctx, search: String, year: Option<i32>) -> Result<(), Problem> {
    let docs = register::list(
        ctx.db.conn(),
        &RegisterFilter {
            text: search,
            year,
            batch_id: None,
        },
    )?;
    if ctx.json {
        return print_json(&docs);
    }
    let rows: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            vec![
                d.number.clone(),
                date::display(d.issued_on),
                d.recipient.clone(),
                ctx.l10n
                    .text(&format!("document-kind-{}", kind_id(d.kind)), &[]),
                d.reason.clone(),
                d.cancel_reason
                    .as_ref()
                    .map(|r| {
                        ctx.l10n
                            .text("letters-cancelled-because", &[("reason", r.clone().into())])
                    })
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let headers = [
        "letters-col-number",
        "letters-col-date",
        "letters-col-recipient",
        "letters-col-kind",
        "letters-col-reason",
        "letters-col-status",
    ]
    .iter()
    .map(|k| ctx.l10n.text(k, &[]))
    .collect::<Vec<_>>();
    say(table(&headers, &rows));
    Ok(())
}

fn verify(ctx: &Ctx, code: &str) -> Result<(), Problem> {
    let v = register::check(ctx.db.conn(), code)?;
    if ctx.json {
        return print_json(&v);
    }
    let status = match v.status {
        VerifyStatus::Valid => "valid",
        VerifyStatus::Cancelled => "cancelled",
        VerifyStatus::Altered => "altered",
        VerifyStatus::NotFound => "not-found",
    };
    say(ctx.l10n.text(&format!("verify-status-{status}"), &[]));
    if let Some(d) = v.document {
        say(format!(
            "№ {} · {} · {} · {}",
            d.number,
            date::display(d.issued_on),
            d.recipient,
            d.reason
        ));
    }
    Ok(())
}

/// «Бланкте мекеменің қазақша атауы жоқ…»: what a batch would print without.
pub fn missing_text(
    l10n: &meirim_i18n::Localizer,
    m: meirim_core::letters::readiness::Missing,
) -> String {
    use meirim_core::letters::readiness::Missing;
    match m {
        Missing::OfficeName(l) => {
            l10n.text("letters-missing-office-name", &[("lang", l.code().into())])
        }
        Missing::Position(l) => l10n.text("letters-missing-position", &[("lang", l.code().into())]),
        Missing::Signatory => l10n.text("letters-missing-signatory", &[]),
    }
}
