//! `meirim-cli audit`: the audit log, newest first — who changed, exported, printed or
//! copied what, and when. `--office` leaves out the entries about one family (those are on
//! the family's page, and in `families show`).

use clap::Args;
use meirim_core::audit;
use meirim_core::Problem;

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

#[derive(Args)]
pub struct AuditArgs {
    /// How many entries.
    #[arg(long, default_value_t = 50)]
    limit: u32,
    /// Only entries about the registry as a whole: exports, printed lists, encrypted
    /// backups, imports, volunteers.
    #[arg(long)]
    office: bool,
}

pub fn run(ctx: &Ctx, a: AuditArgs) -> Result<(), Problem> {
    let entries = audit::recent(ctx.db.conn(), a.limit, a.office)?;
    if ctx.json {
        return print_json(&entries);
    }
    let headers = [
        ctx.l10n.text("cli-audit-col-at", &[]),
        ctx.l10n.text("cli-audit-col-operator", &[]),
        ctx.l10n.text("cli-audit-col-action", &[]),
        ctx.l10n.text("cli-audit-col-summary", &[]),
    ];
    let rows: Vec<Vec<String>> = entries
        .into_iter()
        .map(|e| {
            let what = ctx.l10n.text(&format!("audit-{}", e.action), &[]);
            vec![e.at, e.operator, what, e.summary.unwrap_or_default()]
        })
        .collect();
    say(table(&headers, &rows));
    Ok(())
}
