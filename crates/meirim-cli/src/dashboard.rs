//! `meirim-cli dashboard`: the home screen's figures (this month, this year, aid per month
//! by type, families by category, top villages) as of a day, for a terminal or a script.

use std::time::Instant;

use clap::Args;
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::reports::dashboard;
use meirim_core::settings::Language;
use meirim_core::{date, money};

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

#[derive(Args)]
pub struct DashboardArgs {
    /// The day the figures are as of (default: today), e.g. 23.11.2026.
    #[arg(long)]
    date: Option<String>,
}

pub fn run(ctx: &mut Ctx, a: DashboardArgs) -> Result<(), Problem> {
    let today = match a.date.as_deref() {
        Some(raw) => date::parse(raw)
            .ok_or_else(|| Problem::new(ErrorCode::InvalidDate).with("value", raw))?,
        None => meirim_core::clock::today(),
    };
    let started = Instant::now();
    let d = dashboard::build(ctx.db.conn(), today)?;
    let seconds = started.elapsed().as_secs_f64();
    let steps = meirim_core::first_steps::status(ctx.db.conn())?;
    if ctx.json {
        let mut value = serde_json::to_value(&d)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        value["seconds"] = seconds.into();
        value["first_steps"] = serde_json::to_value(&steps)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        return print_json(&value);
    }
    // The steps a new office has left, as the home screen lists them.
    if !steps.all_done() {
        say(ctx.l10n.text("first-steps-title", &[]));
        for (done, id) in [
            (steps.operator, "first-steps-operator"),
            (steps.letterhead, "first-steps-letterhead"),
            (steps.families > 0, "first-steps-families"),
        ] {
            say(format!(
                "  [{}] {}",
                if done { "x" } else { " " },
                ctx.l10n.text(id, &[])
            ));
        }
        say("");
    }
    let l = &ctx.l10n;
    let name = |n: &meirim_core::reference::Names| match ctx.lang {
        Language::Kk => n.kk.clone(),
        Language::Ru => n.ru.clone(),
    };
    let count = |n: u32| n.to_string();
    let tenge = |v: f64| format!("{} ₸", money::display_count(v as i64));
    let rows = vec![
        vec![
            l.text("dashboard-families-current", &[]),
            count(d.families_current),
            String::new(),
        ],
        vec![
            l.text("dashboard-families-helped", &[]),
            count(d.families_helped_month),
            count(d.families_helped_year),
        ],
        vec![
            l.text("dashboard-value", &[]),
            tenge(d.value_month),
            tenge(d.value_year),
        ],
        vec![
            l.text("dashboard-volunteers", &[]),
            String::new(),
            count(d.volunteers_year),
        ],
        vec![
            l.text("dashboard-letters", &[]),
            String::new(),
            count(d.letters_year),
        ],
        vec![
            l.text("dashboard-registered", &[]),
            String::new(),
            count(d.registered_year),
        ],
    ];
    let headers = vec![
        String::new(),
        l.text("dashboard-this-month", &[]),
        l.text("dashboard-this-year", &[]),
    ];
    say(table(&headers, &rows));
    say("");
    say(l.text("dashboard-chart-categories", &[]));
    let rows: Vec<Vec<String>> = d
        .categories
        .iter()
        .map(|c| vec![name(&c.names), count(c.families)])
        .collect();
    say(table(
        &[String::new(), l.text("report-col-families", &[])],
        &rows,
    ));
    say("");
    say(l.text("dashboard-chart-villages", &[]));
    let rows: Vec<Vec<String>> = d
        .top_villages
        .iter()
        .map(|v| vec![v.village.clone(), count(v.families)])
        .collect();
    say(table(
        &[String::new(), l.text("report-col-families", &[])],
        &rows,
    ));
    say("");
    say(l.text("dashboard-chart-aid", &[]));
    let mut headers = vec![String::new()];
    headers.extend((1..=12).map(|m| format!("{m:02}")));
    let rows: Vec<Vec<String>> = d
        .aid_by_month
        .iter()
        .map(|s| {
            let mut row = vec![name(&s.names)];
            row.extend(s.values.iter().map(|v| money::display_count(*v as i64)));
            row
        })
        .collect();
    say(table(&headers, &rows));
    Ok(())
}
