//! `meirim-cli reference …`: the lists the forms choose from, and the office's corrections
//! to them (places and categories), with the same checks as the app.

use clap::Subcommand;
use meirim_core::categories::{self, CategoryInput};
use meirim_core::places::{self, PlaceLevel};
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::reference;

use crate::families::print_json;
use crate::output::{say, table};
use crate::Ctx;

#[derive(Subcommand)]
pub enum ReferenceCommand {
    /// The 17 oblasts and 3 cities.
    Oblasts,
    /// Aid categories, hidden ones too, with how many families have each.
    Categories,
    /// Add the office's own category.
    AddCategory {
        #[arg(long)]
        kk: String,
        #[arg(long)]
        ru: String,
    },
    /// Correct a category's names (by id, code or current name).
    RenameCategory {
        category: String,
        #[arg(long)]
        kk: String,
        #[arg(long)]
        ru: String,
    },
    /// Stop offering a category in the forms; families keep it.
    HideCategory { category: String },
    /// Offer a hidden category again.
    ShowCategory { category: String },
    /// Districts, rural okrugs and villages with how many families live in each.
    Places,
    /// Correct a place's name (and KATO code); every family's address follows. A name the
    /// level already has joins the two places.
    RenamePlace {
        id: String,
        name: String,
        #[arg(long)]
        kato: Option<String>,
    },
    /// Remove a place no family lives in.
    RemovePlace { id: String },
}

/// Finds a category among all of them (hidden too) by id, code or name in either language.
fn category_id(ctx: &Ctx, key: &str) -> Result<String, Problem> {
    let folded = meirim_core::text::fold(key);
    categories::all(ctx.db.conn())?
        .into_iter()
        .map(|e| e.category)
        .find(|c| {
            c.id == key
                || c.code.as_deref() == Some(key)
                || meirim_core::text::fold(&c.names.kk) == folded
                || meirim_core::text::fold(&c.names.ru) == folded
        })
        .map(|c| c.id)
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", key))
}

pub fn run(ctx: &mut Ctx, cmd: ReferenceCommand) -> Result<(), Problem> {
    let lang = ctx.lang;
    let col = |key: &str| ctx.l10n.text(key, &[]);
    match cmd {
        ReferenceCommand::Oblasts => {
            let list = reference::oblasts(ctx.db.conn()).map_err(Problem::from)?;
            if ctx.json {
                return print_json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|o| vec![o.iso_code.clone(), o.names.pick(lang).to_owned()])
                .collect();
            say(table(&[col("cli-col-iso"), col("field-oblast")], &rows));
        }
        ReferenceCommand::Categories => {
            let list = categories::all(ctx.db.conn())?;
            if ctx.json {
                return print_json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|e| {
                    let c = &e.category;
                    vec![
                        c.code.clone().unwrap_or_else(|| c.id.clone()),
                        c.names.pick(lang).to_owned(),
                        e.families.to_string(),
                        if e.active {
                            String::new()
                        } else {
                            col("category-hidden")
                        },
                    ]
                })
                .collect();
            let headers = [
                col("cli-col-code"),
                col("col-categories"),
                col("col-families"),
                col("col-status"),
            ];
            say(table(&headers, &rows));
        }
        ReferenceCommand::AddCategory { kk, ru } => {
            let c = categories::add(
                &mut ctx.db,
                &CategoryInput {
                    name_kk: kk,
                    name_ru: ru,
                },
            )?;
            if ctx.json {
                return print_json(&c);
            }
            say(format!("{}  {}", c.id, c.names.pick(lang).to_owned()));
        }
        ReferenceCommand::RenameCategory { category, kk, ru } => {
            let id = category_id(ctx, &category)?;
            let input = CategoryInput {
                name_kk: kk,
                name_ru: ru,
            };
            let c = categories::rename(&mut ctx.db, &id, &input)?;
            if ctx.json {
                return print_json(&c);
            }
            say(format!("{}  {}", c.id, c.names.pick(lang).to_owned()));
        }
        ReferenceCommand::HideCategory { category } => {
            let id = category_id(ctx, &category)?;
            categories::set_active(&mut ctx.db, &id, false)?;
        }
        ReferenceCommand::ShowCategory { category } => {
            let id = category_id(ctx, &category)?;
            categories::set_active(&mut ctx.db, &id, true)?;
        }
        ReferenceCommand::Places => {
            let list = places::list(ctx.db.conn())?;
            if ctx.json {
                return print_json(&list);
            }
            let level = |l: PlaceLevel| match l {
                PlaceLevel::District => col("field-district"),
                PlaceLevel::RuralOkrug => col("field-rural-okrug"),
                PlaceLevel::Village => col("field-village"),
            };
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|p| {
                    let within = [p.district.as_deref(), p.rural_okrug.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" › ");
                    vec![
                        p.id.clone(),
                        level(p.level),
                        p.name.clone(),
                        within,
                        p.kato.clone().unwrap_or_default(),
                        p.families.to_string(),
                    ]
                })
                .collect();
            let headers = [
                col("cli-col-id"),
                col("col-level"),
                col("col-place"),
                col("col-within"),
                col("field-kato"),
                col("col-families"),
            ];
            say(table(&headers, &rows));
        }
        ReferenceCommand::RenamePlace { id, name, kato } => {
            let p = places::rename(&mut ctx.db, &id, &name, kato.as_deref())?;
            if ctx.json {
                return print_json(&p);
            }
            say(format!("{}  {}  ({})", p.id, p.name, p.families));
        }
        ReferenceCommand::RemovePlace { id } => places::remove(&mut ctx.db, &id)?,
    }
    Ok(())
}
