//! `meirim-cli office …`: which office this registry is (names, level, KATO code), the
//! district key it hashes IINs with, and the district's answer about families two offices
//! both helped.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use meirim_core::district::office::{self, Level, OfficeInput};
use meirim_core::district::{doubles, key};
use meirim_core::problem::{ErrorCode, Problem};

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

#[derive(Subcommand)]
pub enum OfficeCommand {
    /// The office's id, names, level, KATO code, the office above and the key's id.
    Show,
    /// Sets the office's names, level and KATO code.
    Set(OfficeArgs),
    /// Takes the district's key: its key card (.meirim-key) or the 64 characters typed
    /// from paper.
    Key {
        #[arg(long, conflicts_with = "typed")]
        card: Option<PathBuf>,
        #[arg(long)]
        typed: Option<String>,
    },
    /// Which of this office's families the district's answer (.meirim-doubles) names:
    /// helped by another office in the same period too.
    Doubles {
        #[arg(long)]
        answer: PathBuf,
    },
}

/// An office's names, level and KATO code, as `office set` and `district expect` take them.
#[derive(Args)]
pub struct OfficeArgs {
    #[arg(long)]
    name_kk: String,
    #[arg(long)]
    name_ru: String,
    /// okrug (a village or town office), district or oblast.
    #[arg(long, default_value = "okrug")]
    level: String,
    /// Nine digits.
    #[arg(long)]
    kato: Option<String>,
}

impl OfficeArgs {
    pub fn input(self) -> Result<OfficeInput, Problem> {
        Ok(OfficeInput {
            level: level(&self.level)?,
            name_kk: self.name_kk,
            name_ru: self.name_ru,
            kato: self.kato,
        })
    }
}

fn level(raw: &str) -> Result<Level, Problem> {
    Level::parse(raw).ok_or_else(|| {
        Problem::new(ErrorCode::InvalidChoice)
            .with("value", raw)
            .with("allowed", "okrug, district, oblast")
    })
}

pub fn run(ctx: &mut Ctx, cmd: OfficeCommand) -> Result<(), Problem> {
    let conn = ctx.db.conn();
    match cmd {
        OfficeCommand::Show => show(ctx),
        OfficeCommand::Set(a) => {
            office::set_own(conn, &a.input()?)?;
            show(ctx)
        }
        OfficeCommand::Key { card, typed } => {
            match (card, typed) {
                (Some(path), _) => {
                    let bytes = meirim_exchange::read_at_most(&path, key::KEY_CARD_MAX_BYTES)?;
                    key::accept_card(conn, &bytes)?;
                }
                (None, Some(text)) => {
                    key::accept_typed(conn, &text)?;
                }
                (None, None) => {}
            }
            show(ctx)
        }
        OfficeCommand::Doubles { answer } => {
            let bytes = meirim_exchange::read_at_most(&answer, doubles::ANSWER_MAX_BYTES)?;
            let seen = doubles::read_answer(conn, &bytes)?;
            if ctx.json {
                return print_json(&seen);
            }
            let l = &ctx.l10n;
            let headers = [
                l.text("cli-office-col-family", &[]),
                l.text("cli-office-col-others", &[]),
            ];
            let rows: Vec<Vec<String>> = seen
                .doubles
                .iter()
                .map(|d| {
                    let others = d
                        .others
                        .iter()
                        .map(|o| o.office.names.pick(ctx.lang).to_owned())
                        .collect::<Vec<_>>()
                        .join(", ");
                    vec![d.head.clone(), others]
                })
                .collect();
            say(l.text(
                "cli-office-doubles",
                &[("count", seen.doubles.len().into())],
            ));
            if !rows.is_empty() {
                say(table(&headers, &rows));
            }
            Ok(())
        }
    }
}

fn show(ctx: &Ctx) -> Result<(), Problem> {
    let me = office::own(ctx.db.conn())?;
    let k = key::state(ctx.db.conn())?;
    if ctx.json {
        return print_json(&serde_json::json!({ "office": me, "key": k }));
    }
    let l = &ctx.l10n;
    let rows = vec![
        vec!["id".to_owned(), me.id.clone()],
        vec![
            l.text("cli-office-name", &[]),
            me.names.pick(ctx.lang).to_owned(),
        ],
        vec![
            l.text("cli-office-level", &[]),
            l.text(&format!("level-{}", me.level.code()), &[]),
        ],
        vec!["KATO".to_owned(), me.kato.clone().unwrap_or_default()],
        vec![
            l.text("cli-office-parent", &[]),
            k.parent
                .as_ref()
                .map(|p| p.names.pick(ctx.lang).to_owned())
                .or(me.parent_id.clone())
                .unwrap_or_default(),
        ],
        vec![
            l.text("cli-office-key", &[]),
            k.key_id.clone().unwrap_or_default(),
        ],
    ];
    for row in rows {
        say(format!("{}: {}", row[0], row[1]));
    }
    Ok(())
}
