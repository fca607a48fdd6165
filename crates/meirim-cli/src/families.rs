//! `meirim-cli families …`.

use clap::{Args, Subcommand};
use meirim_core::family::{self, FamilyInput, FamilySummary, MemberInput, SearchQuery};
use meirim_core::person::Sex;
use meirim_core::problem::{ErrorCode, FieldProblem, Problem};
use meirim_core::settings::Language;
use meirim_core::{date, reference};
use meirim_i18n::Localizer;
use serde::Serialize;

use crate::output::{say, table};
use crate::Ctx;

#[derive(Subcommand)]
pub enum FamiliesCommand {
    /// Register a new family with its head.
    Add(Box<AddArgs>),
    /// List families, sorted by the head's name.
    List {
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// Find families by a fragment of the head's name or the start of an IIN.
    Search {
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Show one family's full record.
    Show { id: String },
    /// Register a family from a JSON file shaped like the app's form (members, address,
    /// consent…); "-" reads standard input.
    Import { file: String },
    /// Move a family to the archive, with the reason.
    Archive {
        id: String,
        #[arg(long)]
        reason: String,
        /// Default: today.
        #[arg(long)]
        date: Option<String>,
    },
    /// Bring an archived family back into the current list.
    Restore { id: String },
    /// Consent withdrawn: erase the family's personal data for good. Give its registry
    /// number to confirm.
    Destroy {
        id: String,
        #[arg(long)]
        confirm: u32,
    },
    /// Candidate duplicate pairs over the whole registry.
    Duplicates {
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
    /// Merge the second family into the first.
    Merge { keep: String, absorb: String },
    /// Who changed what in a family, newest first.
    History { id: String },
    /// The family card as PDF, for the paper file. Default: documents/ in the data folder.
    Card {
        id: String,
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
}

#[derive(Args)]
pub struct AddArgs {
    #[arg(long)]
    surname: String,
    #[arg(long)]
    name: String,
    #[arg(long)]
    patronymic: Option<String>,
    #[arg(long)]
    iin: Option<String>,
    /// 06.12.1984 or 1984-12-06.
    #[arg(long)]
    birth_date: Option<String>,
    /// male/female (ер/әйел, муж/жен).
    #[arg(long)]
    sex: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    /// ISO code (KZ-61), id or name in kk/ru.
    #[arg(long)]
    oblast: Option<String>,
    #[arg(long)]
    district: Option<String>,
    #[arg(long)]
    rural_okrug: Option<String>,
    #[arg(long)]
    village: Option<String>,
    #[arg(long)]
    street: Option<String>,
    #[arg(long)]
    house: Option<String>,
    #[arg(long)]
    flat: Option<String>,
    /// Tenge per person per month.
    #[arg(long)]
    income: Option<String>,
    /// The date consent was given on paper; without it the family is "consent pending".
    #[arg(long)]
    consent_date: Option<String>,
    /// Save even if the family looks like one already registered.
    #[arg(long)]
    accept_duplicates: bool,
    /// Code (large-family), id or name; repeat for several.
    #[arg(long = "category")]
    categories: Vec<String>,
    #[arg(long)]
    notes: Option<String>,
}

pub fn run(ctx: &mut Ctx, cmd: FamiliesCommand) -> Result<(), Problem> {
    match cmd {
        FamiliesCommand::Add(args) => add(ctx, *args),
        FamiliesCommand::List { limit, offset } => list(ctx, String::new(), limit, offset),
        FamiliesCommand::Search { query, limit } => list(ctx, query, limit, 0),
        FamiliesCommand::Show { id } => {
            let id = family::resolve(ctx.db.conn(), &id)?;
            let f = family::get(ctx.db.conn(), &id)?;
            show(ctx, &f)
        }
        FamiliesCommand::Import { file } => {
            let text = if file == "-" {
                std::io::read_to_string(std::io::stdin())
            } else {
                std::fs::read_to_string(&file)
            }
            .map_err(|e| Problem::new(ErrorCode::InputUnreadable).with("reason", e))?;
            let input: FamilyInput = serde_json::from_str(&text)
                .map_err(|e| Problem::new(ErrorCode::InputUnreadable).with("reason", e))?;
            let f = family::create(&mut ctx.db, &input)?;
            show(ctx, &f)
        }
        FamiliesCommand::Archive { id, reason, date } => {
            let id = family::resolve(ctx.db.conn(), &id)?;
            let f = family::archive(&mut ctx.db, &id, &reason, date.as_deref())?;
            show(ctx, &f)
        }
        FamiliesCommand::Restore { id } => {
            let id = family::resolve(ctx.db.conn(), &id)?;
            let f = family::restore(&mut ctx.db, &id)?;
            show(ctx, &f)
        }
        FamiliesCommand::Destroy { id, confirm } => {
            let id = family::resolve(ctx.db.conn(), &id)?;
            let f = family::destroy(&mut ctx.db, &id, confirm)?;
            show(ctx, &f)
        }
        FamiliesCommand::Duplicates { limit } => {
            let pairs = family::scan_duplicates(ctx.db.conn(), limit)?;
            if ctx.json {
                return print_json(&pairs);
            }
            let rows: Vec<Vec<String>> = pairs
                .iter()
                .map(|p| {
                    vec![
                        format!("№{} {}", p.a.registry_no, p.a.head_name),
                        format!("№{} {}", p.b.registry_no, p.b.head_name),
                        p.details.join("; "),
                    ]
                })
                .collect();
            let l = &ctx.l10n;
            say(table(
                &[
                    l.text("dup-col-first", &[]),
                    l.text("dup-col-second", &[]),
                    l.text("dup-col-why", &[]),
                ],
                &rows,
            ));
            Ok(())
        }
        FamiliesCommand::Merge { keep, absorb } => {
            let keep = family::resolve(ctx.db.conn(), &keep)?;
            let absorb = family::resolve(ctx.db.conn(), &absorb)?;
            let f = family::merge(&mut ctx.db, &keep, &absorb)?;
            show(ctx, &f)
        }
        FamiliesCommand::Card { id, out } => {
            let id = family::resolve(ctx.db.conn(), &id)?;
            let path =
                meirim_documents::save_family_card(&ctx.db, &id, &ctx.data_dir, out.as_deref())?;
            if ctx.json {
                return print_json(&serde_json::json!({ "path": path }));
            }
            say(ctx
                .l10n
                .text("card-saved", &[("path", path.display().to_string().into())]));
            Ok(())
        }
        FamiliesCommand::History { id } => {
            let id = family::resolve(ctx.db.conn(), &id)?;
            let log = meirim_core::audit::for_family(ctx.db.conn(), &id)?;
            if ctx.json {
                return print_json(&log);
            }
            for e in log {
                let action = serde_json::to_value(e.action)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                say(format!(
                    "{}  {}  {}{}",
                    e.at,
                    e.operator,
                    ctx.l10n.text(&format!("audit-{action}"), &[]),
                    e.summary.map(|s| format!(" ({s})")).unwrap_or_default()
                ));
                for c in e.changes {
                    say(format!(
                        "    {}{}: {} → {}",
                        c.subject.map(|s| format!("{s} · ")).unwrap_or_default(),
                        c.field,
                        c.before.unwrap_or_default(),
                        c.after.unwrap_or_default()
                    ));
                }
            }
            Ok(())
        }
    }
}

fn show(ctx: &Ctx, f: &family::Family) -> Result<(), Problem> {
    if ctx.json {
        print_json(f)
    } else {
        print_family(&ctx.l10n, f, ctx.lang);
        Ok(())
    }
}

fn add(ctx: &mut Ctx, a: AddArgs) -> Result<(), Problem> {
    let conn = ctx.db.conn();
    let mut unknown = Vec::new();
    let sex = match a.sex.as_deref() {
        None => None,
        Some(s) => match Sex::parse(s) {
            Some(x) => Some(x),
            None => {
                unknown.push(
                    FieldProblem::new("members.0.sex", ErrorCode::InvalidChoice)
                        .with("value", s)
                        .with("allowed", "male, female"),
                );
                None
            }
        },
    };
    let oblast_id = match a.oblast.as_deref() {
        None => None,
        Some(key) => match reference::find_oblast(conn, key).map_err(Problem::from)? {
            Some(o) => Some(o.id),
            None => {
                unknown.push(
                    FieldProblem::new("address.oblast_id", ErrorCode::UnknownOblast)
                        .with("value", key),
                );
                None
            }
        },
    };
    let mut category_ids = Vec::new();
    for key in &a.categories {
        match reference::find_category(conn, key).map_err(Problem::from)? {
            Some(c) => category_ids.push(c.id),
            None => unknown.push(
                FieldProblem::new("category_ids", ErrorCode::UnknownCategory).with("value", key),
            ),
        }
    }
    if !unknown.is_empty() {
        return Err(Problem::validation(unknown));
    }
    let consent = match a.consent_date {
        Some(date) => family::ConsentInput {
            status: family::ConsentStatus::Given,
            date: Some(date),
            form: Some(family::ConsentForm::Paper),
            ..Default::default()
        },
        None => family::ConsentInput::default(),
    };
    let head = MemberInput {
        is_head: true,
        surname: a.surname,
        name: a.name,
        patronymic: a.patronymic,
        iin: a.iin,
        birth_date: a.birth_date,
        sex,
        ..Default::default()
    };
    let input = FamilyInput {
        members: vec![head.clone()],
        phone: a.phone,
        address: family::AddressInput {
            oblast_id,
            district: a.district,
            rural_okrug: a.rural_okrug,
            village: a.village,
            street: a.street,
            house: a.house,
            flat: a.flat,
        },
        income_per_person: a.income,
        category_ids,
        notes: a.notes,
        consent,
        accept_duplicates: a.accept_duplicates,
        ..Default::default()
    };
    let created = family::create(&mut ctx.db, &input)?;
    let warnings = head
        .iin
        .as_deref()
        .map(|iin| {
            family::check_iin(iin, head.birth_date.as_deref(), head.sex)
                .facts
                .map(|f| {
                    f.warnings
                        .iter()
                        .map(|w| warning_text(&ctx.l10n, *w, f.birth_date))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
        .unwrap_or_default();
    if ctx.json {
        return print_json(&serde_json::json!({ "family": created, "warnings": warnings }));
    }
    for w in &warnings {
        eprintln!("{}: {w}", ctx.l10n.text("cli-warning", &[]));
    }
    say(ctx
        .l10n
        .text("cli-family-created", &[("id", created.id.as_str().into())]));
    Ok(())
}

fn warning_text(
    l10n: &Localizer,
    w: meirim_core::iin::IinWarning,
    encoded: Option<chrono::NaiveDate>,
) -> String {
    let code = serde_json::to_value(w)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let shown = encoded.map(date::display).unwrap_or_default();
    l10n.text(&format!("warning-{code}"), &[("date", shown.into())])
}

fn list(ctx: &Ctx, text: String, limit: u32, offset: u32) -> Result<(), Problem> {
    let page = family::search(
        &ctx.db,
        &SearchQuery {
            text,
            limit,
            offset,
            ..Default::default()
        },
    )?;
    if ctx.json {
        return print_json(&page);
    }
    let l = &ctx.l10n;
    if page.items.is_empty() {
        say(l.text("cli-no-families", &[]));
        return Ok(());
    }
    let headers = vec![
        l.text("cli-col-id", &[]),
        l.text("col-registry-no", &[]),
        l.text("col-head", &[]),
        l.text("col-iin", &[]),
        l.text("col-birth-date", &[]),
        l.text("col-address", &[]),
    ];
    let rows: Vec<Vec<String>> = page.items.iter().map(row).collect();
    say(table(&headers, &rows));
    say(l.text(
        "cli-shown",
        &[
            ("shown", page.items.len().into()),
            ("total", page.total.into()),
        ],
    ));
    Ok(())
}

fn row(s: &FamilySummary) -> Vec<String> {
    let address = s.village.clone().unwrap_or_default();
    vec![
        s.id.clone(),
        s.registry_no.to_string(),
        s.head_name.clone(),
        s.iin.clone().unwrap_or_default(),
        s.birth_date.map(date::display).unwrap_or_default(),
        address,
    ]
}

fn print_family(l: &Localizer, f: &family::Family, lang: Language) {
    let name = |n: &reference::Names| n.pick(lang).to_owned();
    let dash = l.text("value-missing", &[]);
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| dash.clone());
    let a = &f.address;
    let head = f.head();
    let sex = head
        .and_then(|h| h.sex)
        .map(|s| l.text(&format!("sex-{}", s.as_str()), &[]));
    let members = f
        .members
        .iter()
        .filter(|m| !m.is_head)
        .map(|m| {
            let rel = m
                .relation
                .and_then(|r| serde_json::to_value(r).ok())
                .and_then(|v| v.as_str().map(|s| l.text(&format!("relation-{s}"), &[])))
                .unwrap_or_default();
            let born = m.birth_date.map(date::display).unwrap_or_default();
            format!("{} ({rel}, {born})", m.full_name())
        })
        .collect::<Vec<_>>()
        .join("; ");
    let lines = [
        ("cli-col-id", f.id.clone()),
        ("col-registry-no", f.registry_no.to_string()),
        ("col-head", or_dash(head.map(|h| h.full_name()))),
        ("field-iin", or_dash(head.and_then(|h| h.iin.clone()))),
        (
            "field-birth-date",
            or_dash(head.and_then(|h| h.birth_date).map(date::display)),
        ),
        ("field-sex", or_dash(sex)),
        (
            "field-members",
            if members.is_empty() {
                dash.clone()
            } else {
                members
            },
        ),
        (
            "field-phone",
            or_dash(f.phone.as_deref().map(meirim_core::phone::display)),
        ),
        (
            "field-oblast",
            or_dash(a.oblast.as_ref().map(|o| name(&o.names))),
        ),
        ("field-district", or_dash(a.district.clone())),
        ("field-rural-okrug", or_dash(a.rural_okrug.clone())),
        ("field-village", or_dash(a.village.clone())),
        ("field-street", or_dash(a.street.clone())),
        ("field-house", or_dash(a.house.clone())),
        ("field-flat", or_dash(a.flat.clone())),
        (
            "field-income",
            or_dash(f.income_per_person.map(|n| format!("{n} ₸"))),
        ),
        (
            "col-categories",
            if f.categories.is_empty() {
                dash.clone()
            } else {
                f.categories
                    .iter()
                    .map(|c| name(&c.names))
                    .collect::<Vec<_>>()
                    .join("; ")
            },
        ),
        ("field-notes", or_dash(f.notes.clone())),
    ];
    for (id, value) in lines {
        let label = l.text(id, &[]);
        say(format!("{label}: {value}"));
    }
}

pub(crate) fn print_json<T: Serialize>(value: &T) -> Result<(), Problem> {
    let s = serde_json::to_string_pretty(value)
        .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    say(s);
    Ok(())
}
