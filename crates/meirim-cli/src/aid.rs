//! `meirim-cli aid …`: the aid catalogue, and aid given to a family, with the same checks
//! as the app (values from the catalogue, frequency rules, planned → delivered/cancelled).

use clap::{Args, Subcommand};
use meirim_core::aid::{self, AidType, BulkFilter, BulkPlan, Delivery, DeliveryInput};
use meirim_core::money;
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::{campaigns, date, family, funding};

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

#[derive(Subcommand)]
pub enum AidCommand {
    /// The aid catalogue: codes, units, values per unit and frequency rules.
    Types,
    /// Record aid given to a family (or planned, with --planned).
    Give(Box<GiveArgs>),
    /// A family's aid, newest first.
    List { family: String },
    /// Mark planned aid as handed over.
    Deliver {
        id: String,
        /// The day it was handed over (default: today).
        #[arg(long)]
        date: Option<String>,
        /// The recipient signed the receipt.
        #[arg(long)]
        receipt: bool,
    },
    /// Cancel planned aid.
    Cancel {
        id: String,
        #[arg(long)]
        reason: String,
    },
    /// Plan a round of aid for every family the filters select (or list them: --dry-run).
    Distribute(Box<DistributeArgs>),
    /// Print a campaign's distribution list (тізімдеме) as PDF.
    Sheet {
        /// Campaign: id or name.
        #[arg(long)]
        campaign: String,
        /// Only this aid type (code, id or name).
        #[arg(long = "type")]
        aid_type: Option<String>,
        /// Print full IINs (default: only their last four digits).
        #[arg(long)]
        full_iin: bool,
        /// Who signs, printed under the signature line (remembered).
        #[arg(long)]
        signatory: Option<String>,
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// Mark a campaign's whole planned round as handed over.
    DeliverRound {
        #[arg(long)]
        campaign: String,
        #[arg(long = "type")]
        aid_type: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        receipt: bool,
    },
}

#[derive(Args)]
pub struct DistributeArgs {
    /// Campaign: id or name.
    #[arg(long)]
    campaign: String,
    /// Aid type: code (food-basket), id or name.
    #[arg(long = "type")]
    aid_type: String,
    /// The planned day (default today).
    #[arg(long)]
    date: Option<String>,
    #[arg(long)]
    village: Option<String>,
    /// Category code, id or name.
    #[arg(long)]
    category: Option<String>,
    /// Leave out families already served within the aid's frequency rule.
    #[arg(long)]
    not_served: bool,
    #[arg(long)]
    quantity: Option<String>,
    #[arg(long)]
    value: Option<String>,
    /// Plan even for families the frequency rule refuses, with this reason.
    #[arg(long = "override")]
    rule_override: Option<String>,
    /// Only list the families that would be chosen.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Args)]
pub struct GiveArgs {
    /// The family: its id or registry number («12»).
    family: String,
    /// Aid type: code (coal), id or name.
    #[arg(long = "type")]
    aid_type: String,
    /// «2,5»; default one unit.
    #[arg(long)]
    quantity: Option<String>,
    /// Whole tenge; default quantity × the catalogue's value per unit.
    #[arg(long)]
    value: Option<String>,
    /// 12.10.2026 or 2026-10-12; default today.
    #[arg(long)]
    date: Option<String>,
    /// Plan the aid instead of recording it as handed over.
    #[arg(long)]
    planned: bool,
    #[arg(long)]
    receipt: bool,
    /// Funding source: code (local-budget), id or name.
    #[arg(long)]
    source: Option<String>,
    /// Why to give it although the frequency rule says it is too soon.
    #[arg(long = "override")]
    rule_override: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

fn not_found(key: &str) -> Problem {
    Problem::new(ErrorCode::NotFound).with("id", key)
}

fn source_id(ctx: &Ctx, key: &str) -> Result<String, Problem> {
    let folded = meirim_core::text::fold(key);
    funding::list(ctx.db.conn())?
        .into_iter()
        .find(|s| {
            s.id == key
                || s.code.as_deref() == Some(key)
                || meirim_core::text::fold(&s.names.kk) == folded
                || meirim_core::text::fold(&s.names.ru) == folded
        })
        .map(|s| s.id)
        .ok_or_else(|| not_found(key))
}

fn rule(ctx: &Ctx, t: &AidType) -> String {
    match t.rule {
        aid::RuleKind::Days => ctx.l10n.text(
            "rule-days",
            &[("days", t.rule_days.unwrap_or_default().into())],
        ),
        aid::RuleKind::HeatingSeason => ctx.l10n.text("rule-heating-season", &[]),
        aid::RuleKind::Year => ctx.l10n.text("rule-year", &[]),
        aid::RuleKind::None => ctx.l10n.text("rule-none", &[]),
    }
}

fn show(ctx: &Ctx, list: &[Delivery]) -> Result<(), Problem> {
    if ctx.json {
        return print_json(&list);
    }
    let col = |k: &str| ctx.l10n.text(k, &[]);
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|d| {
            vec![
                d.id.clone(),
                date::display(d.on_date),
                d.aid_names.pick(ctx.lang).to_owned(),
                format!(
                    "{} {}",
                    money::display_quantity(i64::from(d.quantity_milli)),
                    col(d.unit.message_id())
                ),
                money::display_tenge(i64::from(d.value)),
                col(&format!(
                    "delivery-status-{}",
                    match d.status {
                        aid::DeliveryStatus::Planned => "planned",
                        aid::DeliveryStatus::Delivered => "delivered",
                        aid::DeliveryStatus::Cancelled => "cancelled",
                    }
                )),
            ]
        })
        .collect();
    let headers = [
        col("cli-col-id"),
        col("col-date"),
        col("col-aid"),
        col("col-quantity"),
        col("col-value"),
        col("col-status"),
    ];
    say(table(&headers, &rows));
    Ok(())
}

fn campaign_id(ctx: &Ctx, key: &str) -> Result<String, Problem> {
    Ok(campaigns::find(ctx.db.conn(), key)?
        .ok_or_else(|| not_found(key))?
        .id)
}

fn aid_type_id(ctx: &Ctx, key: &str) -> Result<String, Problem> {
    Ok(aid::types::find(ctx.db.conn(), key)?
        .ok_or_else(|| not_found(key))?
        .id)
}

fn distribute(ctx: &mut Ctx, a: DistributeArgs) -> Result<(), Problem> {
    let category = match &a.category {
        Some(c) => Some(
            meirim_core::reference::find_category(ctx.db.conn(), c)
                .map_err(Problem::from)?
                .ok_or_else(|| not_found(c))?
                .id,
        ),
        None => None,
    };
    let filter = BulkFilter {
        aid_type_id: aid_type_id(ctx, &a.aid_type)?,
        campaign_id: Some(campaign_id(ctx, &a.campaign)?),
        on_date: a.date,
        category_id: category,
        village: a.village,
        only_not_served: a.not_served,
    };
    let chosen = aid::bulk::candidates(ctx.db.conn(), &filter)?;
    if a.dry_run {
        if ctx.json {
            return print_json(&chosen);
        }
        let col = |k: &str| ctx.l10n.text(k, &[]);
        let rows: Vec<Vec<String>> = chosen
            .iter()
            .map(|c| {
                vec![
                    c.registry_no.to_string(),
                    c.head_name.clone(),
                    c.village.clone().unwrap_or_default(),
                    c.served_on.map(date::display).unwrap_or_default(),
                ]
            })
            .collect();
        let headers = [
            col("col-registry-no"),
            col("col-head"),
            col("col-village"),
            col("col-served-on"),
        ];
        say(table(&headers, &rows));
        return Ok(());
    }
    let plan = BulkPlan {
        filter,
        family_ids: chosen.into_iter().map(|c| c.family_id).collect(),
        quantity: a.quantity,
        value: a.value,
        funding_source_id: None,
        rule_override: a.rule_override,
    };
    let outcome = aid::bulk::plan(&mut ctx.db, &plan)?;
    if ctx.json {
        return print_json(&outcome);
    }
    say(ctx.l10n.text(
        "bulk-planned",
        &[
            ("count", outcome.planned.into()),
            ("skipped", (outcome.skipped.len() as u32).into()),
        ],
    ));
    for s in &outcome.skipped {
        say(format!(
            "  №{} {}",
            s.registry_no,
            s.date.clone().unwrap_or_default()
        ));
    }
    Ok(())
}

pub fn run(ctx: &mut Ctx, cmd: AidCommand) -> Result<(), Problem> {
    match cmd {
        AidCommand::Types => {
            let list = aid::types::list(ctx.db.conn())?;
            if ctx.json {
                return print_json(&list);
            }
            let col = |k: &str| ctx.l10n.text(k, &[]);
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|t| {
                    vec![
                        t.code.clone().unwrap_or_else(|| t.id.clone()),
                        t.names.pick(ctx.lang).to_owned(),
                        col(t.unit.message_id()),
                        t.unit_value
                            .map(|v| money::display_tenge(i64::from(v)))
                            .unwrap_or_default(),
                        rule(ctx, t),
                    ]
                })
                .collect();
            let headers = [
                col("cli-col-code"),
                col("field-aid-type"),
                col("col-unit"),
                col("col-unit-value"),
                col("col-rule"),
            ];
            say(table(&headers, &rows));
            Ok(())
        }
        AidCommand::Give(a) => {
            let family_id = family::resolve(ctx.db.conn(), &a.family)?;
            let aid_type = aid::types::find(ctx.db.conn(), &a.aid_type)?
                .ok_or_else(|| not_found(&a.aid_type))?;
            let source = a.source.as_deref().map(|s| source_id(ctx, s)).transpose()?;
            let input = DeliveryInput {
                family_id,
                aid_type_id: aid_type.id,
                funding_source_id: source,
                on_date: a.date,
                quantity: a.quantity,
                value: a.value,
                delivered: !a.planned,
                receipt_signed: a.receipt,
                rule_override: a.rule_override,
                notes: a.notes,
                ..Default::default()
            };
            let d = aid::record(&mut ctx.db, &input)?;
            show(ctx, &[d])
        }
        AidCommand::List { family } => {
            let id = family::resolve(ctx.db.conn(), &family)?;
            family::get(ctx.db.conn(), &id)?;
            let list = aid::for_family(ctx.db.conn(), &id)?;
            show(ctx, &list)
        }
        AidCommand::Deliver { id, date, receipt } => {
            let d = aid::deliver(&mut ctx.db, &id, date.as_deref(), receipt)?;
            show(ctx, &[d])
        }
        AidCommand::Cancel { id, reason } => {
            let d = aid::cancel(&mut ctx.db, &id, &reason)?;
            show(ctx, &[d])
        }
        AidCommand::Distribute(a) => distribute(ctx, *a),
        AidCommand::Sheet {
            campaign,
            aid_type,
            full_iin,
            signatory,
            out,
        } => {
            let campaign = campaign_id(ctx, &campaign)?;
            let aid_type = aid_type.map(|t| aid_type_id(ctx, &t)).transpose()?;
            let signatory = match signatory {
                Some(s) => s,
                None => meirim_core::settings::signatory(ctx.db.conn(), ctx.lang)
                    .map_err(Problem::from)?,
            };
            let options = meirim_documents::ListOptions {
                full_iin,
                signatory,
            };
            let path = meirim_documents::save_distribution_list(
                &ctx.db,
                &campaign,
                aid_type.as_deref(),
                ctx.lang,
                &ctx.data_dir,
                out.as_deref(),
                &options,
            )?;
            if ctx.json {
                return print_json(&serde_json::json!({ "path": path }));
            }
            say(ctx
                .l10n
                .text("list-saved", &[("path", path.display().to_string().into())]));
            Ok(())
        }
        AidCommand::DeliverRound {
            campaign,
            aid_type,
            date,
            receipt,
        } => {
            let campaign = campaign_id(ctx, &campaign)?;
            let aid_type = aid_type.map(|t| aid_type_id(ctx, &t)).transpose()?;
            let ids: Vec<String> = aid::bulk::round(ctx.db.conn(), &campaign, aid_type.as_deref())?
                .into_iter()
                .map(|d| d.id)
                .collect();
            let n = aid::bulk::deliver_many(&mut ctx.db, &ids, date.as_deref(), receipt)?;
            if ctx.json {
                return print_json(&serde_json::json!({ "delivered": n }));
            }
            say(ctx.l10n.text("bulk-delivered", &[("count", n.into())]));
            Ok(())
        }
    }
}
