//! `meirim-cli report …`: the period report for a scheduled task or the district — on
//! screen, or as PDF, XLSX or CSV written atomically and read back.

use std::path::PathBuf;

use clap::Args;
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::reports::{self, Period, Preset, Scope};
use meirim_core::{campaigns, date, settings};

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

/// The period a report covers: two days, or a preset around a day.
#[derive(Args)]
pub struct PeriodArgs {
    /// First day (with --to).
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    /// month, quarter, half-year or year containing --date (default today).
    #[arg(long)]
    preset: Option<String>,
    #[arg(long)]
    date: Option<String>,
}

#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    period: PeriodArgs,
    #[arg(long)]
    village: Option<String>,
    #[arg(long)]
    okrug: Option<String>,
    /// Campaign id or name.
    #[arg(long)]
    campaign: Option<String>,
    /// text (default), pdf, xlsx or csv.
    #[arg(long, default_value = "text")]
    format: String,
    /// Where to write pdf / xlsx / csv.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Who signs the PDF (default: the signatory remembered from the last list).
    #[arg(long)]
    signatory: Option<String>,
    /// Write the report package for the district (.meirim-report: the figures, keyed
    /// hashes of the helped families' IINs, the PDF) into the folder --out. A district or
    /// oblast sends its consolidated report up the same way.
    #[arg(long)]
    package: bool,
}

fn day(raw: &str) -> Result<chrono::NaiveDate, Problem> {
    date::parse(raw).ok_or_else(|| Problem::new(ErrorCode::InvalidDate).with("value", raw))
}

pub fn period(a: &PeriodArgs) -> Result<Period, Problem> {
    match (&a.from, &a.to, &a.preset) {
        (Some(f), Some(t), None) => Period::new(day(f)?, day(t)?),
        (None, None, Some(p)) => {
            let preset = match p.as_str() {
                "month" => Preset::Month,
                "quarter" => Preset::Quarter,
                "half-year" => Preset::HalfYear,
                "year" => Preset::Year,
                other => {
                    return Err(Problem::new(ErrorCode::InvalidChoice)
                        .with("value", other)
                        .with("allowed", "month, quarter, half-year, year"))
                }
            };
            let on = match &a.date {
                Some(d) => day(d)?,
                None => meirim_core::clock::today(),
            };
            Ok(Period::containing(preset, on))
        }
        _ => Err(Problem::new(ErrorCode::OptionMissing).with("option", "--from/--to | --preset")),
    }
}

impl ReportArgs {
    /// A package counts itself in the office's sequence, so making one writes.
    pub fn writes_package(&self) -> bool {
        self.package
    }
}

pub fn run(ctx: &mut Ctx, a: ReportArgs) -> Result<(), Problem> {
    let period = period(&a.period)?;
    if a.package {
        let out = a
            .out
            .ok_or_else(|| Problem::new(ErrorCode::OptionMissing).with("option", "--out"))?;
        return crate::district::send_package(ctx, period, &out, a.signatory.as_deref());
    }
    let campaign_id = match &a.campaign {
        Some(key) => Some(
            campaigns::find(ctx.db.conn(), key)?
                .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", key))?
                .id,
        ),
        None => None,
    };
    let scope = Scope {
        village: a.village.clone(),
        rural_okrug: a.okrug.clone(),
        campaign_id,
    };
    let report = reports::build(ctx.db.conn(), period, &scope)?;
    let bytes = match a.format.as_str() {
        "text" if ctx.json => return print_json(&report),
        "text" => {
            print_text(ctx, &report);
            return Ok(());
        }
        "csv" => meirim_exchange::report_csv(&report, &ctx.l10n),
        "xlsx" => meirim_exchange::report_xlsx(&report, &ctx.l10n)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?,
        "pdf" => {
            let signatory = match &a.signatory {
                Some(s) => s.clone(),
                None => settings::signatory(ctx.db.conn(), ctx.lang)?,
            };
            meirim_documents::report_pdf(&report, ctx.lang, &signatory, meirim_core::clock::today())
                .map_err(|e| {
                    Problem::new(ErrorCode::DocumentFailed)
                        .with("path", "report.pdf")
                        .with("reason", e)
                })?
        }
        other => {
            return Err(Problem::new(ErrorCode::InvalidChoice)
                .with("value", other)
                .with("allowed", "text, pdf, xlsx, csv"))
        }
    };
    save_out(ctx, a.out.as_deref(), &bytes)
}

/// A report file written to --out (verified), and said where.
pub fn save_out(ctx: &Ctx, out: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), Problem> {
    let out = out.ok_or_else(|| Problem::new(ErrorCode::OptionMissing).with("option", "--out"))?;
    meirim_exchange::save(out, bytes)?;
    if ctx.json {
        return print_json(&serde_json::json!({ "path": out, "bytes": bytes.len() }));
    }
    say(ctx.l10n.text(
        "report-saved",
        &[("path", out.display().to_string().into())],
    ));
    Ok(())
}

pub fn print_text(ctx: &Ctx, r: &reports::PeriodReport) {
    let show = |p: Period| format!("{}–{}", date::display(p.from), date::display(p.to));
    say(format!(
        "{} · {} ({}: {})",
        ctx.l10n.text("report-title", &[]),
        show(r.period),
        ctx.l10n.text("report-compared-with", &[]),
        show(r.previous)
    ));
    for s in &r.sections {
        say("");
        say(ctx.l10n.text(&format!("report-section-{}", s.id), &[]));
        let mut headers = vec![ctx.l10n.text("report-col-line", &[])];
        for c in &s.columns {
            let c = ctx.l10n.text(c, &[]);
            headers.push(c.clone());
            headers.push(format!("{c} ←"));
        }
        let rows: Vec<Vec<String>> = s
            .lines
            .iter()
            .map(|l| {
                let mut row = vec![ctx.l10n.label(&l.label)];
                for (now, before) in l.now.iter().zip(&l.before) {
                    row.push(now.to_string());
                    row.push(before.to_string());
                }
                row
            })
            .collect();
        say(table(&headers, &rows));
    }
}
