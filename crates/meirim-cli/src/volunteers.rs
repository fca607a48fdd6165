//! `meirim-cli volunteers …`: register volunteers and log their hours from a script (a
//! sign-up sheet typed up elsewhere, a test set-up), through the same checks as the app.

use clap::Subcommand;
use meirim_core::person::Sex;
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::volunteers::{self, ActivityInput, ActivityKind, VolunteerInput};
use meirim_core::{campaigns, date};

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

#[derive(Subcommand)]
pub enum VolunteersCommand {
    /// Volunteers in alphabetical order, with their logged hours.
    List {
        #[arg(long, default_value = "")]
        search: String,
    },
    /// Register a volunteer.
    Add {
        #[arg(long)]
        surname: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        patronymic: Option<String>,
        /// male or female.
        #[arg(long)]
        sex: Option<String>,
        #[arg(long)]
        birth_date: Option<String>,
        #[arg(long)]
        phone: Option<String>,
    },
    /// Log time a volunteer gave, optionally to a campaign.
    Log {
        /// The volunteer's id, or full name as listed.
        volunteer: String,
        /// «2,5».
        #[arg(long)]
        hours: String,
        /// Campaign id or name.
        #[arg(long)]
        campaign: Option<String>,
        /// delivery, cleaning, event, blood-donation, tree-planting or other.
        #[arg(long, default_value = "other")]
        kind: String,
        #[arg(long)]
        date: Option<String>,
    },
}

pub fn run(ctx: &mut Ctx, cmd: VolunteersCommand) -> Result<(), Problem> {
    match cmd {
        VolunteersCommand::List { search } => {
            let list = volunteers::list(ctx.db.conn(), &search)?;
            if ctx.json {
                return print_json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|v| {
                    vec![
                        v.id.clone(),
                        v.full_name(),
                        v.birth_date.map(date::display).unwrap_or_default(),
                        format!("{:.1}", f64::from(v.minutes) / 60.0),
                    ]
                })
                .collect();
            let headers = [
                "cli-col-id",
                "letters-col-recipient",
                "field-birth-date",
                "letters-col-hours",
            ]
            .iter()
            .map(|k| ctx.l10n.text(k, &[]))
            .collect::<Vec<_>>();
            say(table(&headers, &rows));
            Ok(())
        }
        VolunteersCommand::Add {
            surname,
            name,
            patronymic,
            sex,
            birth_date,
            phone,
        } => {
            let sex = match sex.as_deref() {
                Some(s) => Some(Sex::parse(s).ok_or_else(|| {
                    Problem::new(ErrorCode::InvalidChoice)
                        .with("value", s)
                        .with("allowed", "male, female")
                })?),
                None => None,
            };
            let v = volunteers::create(
                &mut ctx.db,
                &VolunteerInput {
                    surname,
                    name,
                    patronymic,
                    sex,
                    birth_date,
                    phone,
                    ..Default::default()
                },
            )?;
            if ctx.json {
                return print_json(&v);
            }
            say(&v.id);
            Ok(())
        }
        VolunteersCommand::Log {
            volunteer,
            hours,
            campaign,
            kind,
            date,
        } => {
            let who = volunteers::list(ctx.db.conn(), "")?
                .into_iter()
                .find(|v| v.id == volunteer || v.full_name() == volunteer.trim())
                .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", &volunteer))?;
            let campaign_id = match campaign {
                Some(key) => Some(
                    campaigns::find(ctx.db.conn(), &key)?
                        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", &key))?
                        .id,
                ),
                None => None,
            };
            let kind: ActivityKind =
                serde_json::from_value(serde_json::Value::String(kind.clone())).map_err(|_| {
                    Problem::new(ErrorCode::InvalidChoice)
                        .with("value", &kind)
                        .with(
                            "allowed",
                            "delivery, cleaning, event, blood-donation, tree-planting, other",
                        )
                })?;
            let a = volunteers::activities::log(
                &mut ctx.db,
                &ActivityInput {
                    volunteer_id: who.id,
                    on_date: date,
                    campaign_id,
                    kind: Some(kind),
                    hours,
                    notes: None,
                },
            )?;
            if ctx.json {
                return print_json(&a);
            }
            say(&a.id);
            Ok(())
        }
    }
}
