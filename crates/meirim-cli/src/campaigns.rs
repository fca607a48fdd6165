//! `meirim-cli campaigns …`: campaigns and actions, and their summaries.

use clap::Subcommand;
use meirim_core::campaigns::{self, CampaignInput, CampaignKind};
use meirim_core::money;
use meirim_core::problem::{ErrorCode, Problem};

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

#[derive(Subcommand)]
pub enum CampaignsCommand {
    /// Every campaign, the newest first.
    List,
    /// Start a campaign.
    Add {
        /// The name in Kazakh.
        #[arg(long)]
        name: String,
        /// The name in Russian, for documents printed in Russian.
        #[arg(long)]
        name_ru: Option<String>,
        /// aid, school, holiday, volunteer, blood, cleanup or other.
        #[arg(long, default_value = "aid")]
        kind: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        description: Option<String>,
    },
    /// What a campaign achieved: families reached, aid by type, volunteers and hours.
    Summary { campaign: String },
}

fn kind(s: &str) -> Result<CampaignKind, Problem> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).map_err(|_| {
        Problem::new(ErrorCode::InvalidChoice)
            .with("value", s)
            .with(
                "allowed",
                "aid, school, holiday, volunteer, blood, cleanup, other",
            )
    })
}

pub fn run(ctx: &mut Ctx, cmd: CampaignsCommand) -> Result<(), Problem> {
    let col = |ctx: &Ctx, k: &str| ctx.l10n.text(k, &[]);
    match cmd {
        CampaignsCommand::List => {
            let list = campaigns::list(ctx.db.conn())?;
            if ctx.json {
                return print_json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|c| {
                    vec![
                        c.id.clone(),
                        c.name_in(ctx.lang).to_owned(),
                        c.starts_on
                            .map(meirim_core::date::display)
                            .unwrap_or_default(),
                        c.ends_on
                            .map(meirim_core::date::display)
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            let headers = [
                col(ctx, "cli-col-id"),
                col(ctx, "field-campaign"),
                col(ctx, "field-starts-on"),
                col(ctx, "field-ends-on"),
            ];
            say(table(&headers, &rows));
            Ok(())
        }
        CampaignsCommand::Add {
            name,
            name_ru,
            kind: k,
            from,
            to,
            description,
        } => {
            let input = CampaignInput {
                name,
                name_ru,
                kind: kind(&k)?,
                starts_on: from,
                ends_on: to,
                organiser_id: None,
                funding_source_id: None,
                description,
            };
            let c = campaigns::create(&mut ctx.db, &input)?;
            if ctx.json {
                return print_json(&c);
            }
            say(format!("{}  {}", c.id, c.name));
            Ok(())
        }
        CampaignsCommand::Summary { campaign } => {
            let c = campaigns::find(ctx.db.conn(), &campaign)?
                .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", &campaign))?;
            let s = campaigns::summary(ctx.db.conn(), &c.id)?;
            if ctx.json {
                return print_json(&s);
            }
            say(s.campaign.name_in(ctx.lang));
            say(ctx.l10n.text(
                "summary-line",
                &[
                    ("families", s.families_reached.into()),
                    ("delivered", s.delivered.into()),
                    ("planned", s.planned.into()),
                    ("value", money::display_tenge(s.total_value as i64).into()),
                    ("volunteers", s.volunteers.into()),
                    (
                        "hours",
                        format!("{:.1}", s.minutes / 60.0).replace('.', ",").into(),
                    ),
                ],
            ));
            let rows: Vec<Vec<String>> = s
                .by_aid_type
                .iter()
                .map(|l| {
                    vec![
                        l.names.pick(ctx.lang).to_owned(),
                        l.delivered.to_string(),
                        l.planned.to_string(),
                        format!(
                            "{} {}",
                            money::display_quantity(l.quantity_milli as i64),
                            col(ctx, l.unit.message_id())
                        ),
                        money::display_tenge(l.value as i64),
                    ]
                })
                .collect();
            let headers = [
                col(ctx, "col-aid"),
                col(ctx, "delivery-status-delivered"),
                col(ctx, "delivery-status-planned"),
                col(ctx, "col-quantity"),
                col(ctx, "col-value"),
            ];
            say(table(&headers, &rows));
            Ok(())
        }
    }
}
