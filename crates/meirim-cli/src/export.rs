//! `meirim-cli export …`: a list with personal data (families with members, deliveries,
//! volunteers) as XLSX or CSV. Refused without --personal-data; IINs only with --with-iin;
//! every export goes into the audit log.

use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, ValueEnum};
use meirim_core::lists::{self, ListKind, ListOptions};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_exchange::ListFormat;

use crate::families::print_json;
use crate::output::say;
use crate::Ctx;

#[derive(Clone, Copy, ValueEnum)]
enum Which {
    Families,
    Deliveries,
    Volunteers,
}

#[derive(Args)]
pub struct ExportArgs {
    #[arg(value_enum)]
    list: Which,
    /// xlsx or csv.
    #[arg(long, default_value = "xlsx")]
    format: String,
    #[arg(long)]
    out: PathBuf,
    /// Confirms the list carries people's personal data and is exported on purpose.
    #[arg(long)]
    personal_data: bool,
    /// Include IINs (families and volunteers).
    #[arg(long)]
    with_iin: bool,
}

pub fn run(ctx: &mut Ctx, a: ExportArgs) -> Result<(), Problem> {
    let kind = match a.list {
        Which::Families => ListKind::Families,
        Which::Deliveries => ListKind::Deliveries,
        Which::Volunteers => ListKind::Volunteers,
    };
    let options = ListOptions {
        personal_data: a.personal_data,
        with_iin: a.with_iin,
    };
    let started = Instant::now();
    let table = lists::build(ctx.db.conn(), kind, options, ctx.lang)?;
    let format = match a.format.as_str() {
        "csv" => ListFormat::Csv,
        "xlsx" => ListFormat::Xlsx,
        other => {
            return Err(Problem::new(ErrorCode::InvalidChoice)
                .with("value", other)
                .with("allowed", "xlsx, csv"))
        }
    };
    let bytes = meirim_exchange::list_file(&table, &ctx.l10n, format, &mut |_| true)?;
    let target = a.out.display().to_string();
    lists::export_logged(ctx.db.conn(), &table, options, &target, || {
        meirim_exchange::save(&a.out, &bytes)
    })?;
    let seconds = started.elapsed().as_secs_f64();
    if ctx.json {
        return print_json(&serde_json::json!({
            "path": a.out,
            "rows": table.rows.len(),
            "bytes": bytes.len(),
            "seconds": seconds,
        }));
    }
    say(ctx.l10n.text(
        "export-saved",
        &[
            ("rows", (table.rows.len() as i64).into()),
            ("path", a.out.display().to_string().into()),
        ],
    ));
    Ok(())
}
