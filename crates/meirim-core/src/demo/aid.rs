//! Synthetic aid for a demo district: campaigns, volunteers and deliveries spread over two
//! years in realistic shares (food baskets most, then coal and firewood in the heating
//! season), for screenshots and the aid benchmarks. Written straight into the tables in
//! one transaction; the family histories do not get an entry per invented delivery.

use chrono::{Datelike, Days, NaiveDate};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::params;

use super::pick;
use crate::aid::types;
use crate::db::{Database, DbError};
use crate::problem::Problem;
use crate::{clock, money, text};

/// Aid type codes with their share of deliveries and their quantity range (units).
const MIX: &[(&str, u32, (u64, u64))] = &[
    ("food-basket", 40, (1, 1)),
    ("coal", 14, (1, 4)),
    ("firewood", 8, (2, 6)),
    ("clothes", 8, (1, 3)),
    ("school-supplies", 8, (1, 3)),
    ("medicine", 6, (5_000, 30_000)),
    ("hygiene", 6, (1, 2)),
    ("cash", 5, (20_000, 100_000)),
    ("house-cleaning", 3, (2, 6)),
    ("appliances", 2, (1, 1)),
];

const CAMPAIGNS: &[(&str, &str)] = &[
    ("Наурыз — азық-түлік себеті", "holiday"),
    ("Мектепке жол", "school"),
    ("Жылы қыс: көмір мен отын", "aid"),
    ("Қайырымды Рамазан", "holiday"),
    ("Ардагерлерге құрмет", "volunteer"),
];

const VOLUNTEER_NAMES: &[(&str, &str)] = &[
    ("Серіков", "Дәурен"),
    ("Ахметова", "Айгерім"),
    ("Нұрланов", "Ерасыл"),
    ("Жұмабаева", "Мадина"),
    ("Қасымов", "Арман"),
    ("Омарова", "Динара"),
];

/// Adds `deliveries` deliveries (with campaigns and volunteers) over the families already
/// in `db`, in the two years before `today`. Returns how many were written.
pub fn fill(
    db: &mut Database,
    deliveries: u32,
    seed: u64,
    today: NaiveDate,
) -> Result<u32, Problem> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x00A1_D000);
    let families: Vec<String> = {
        let mut stmt = db
            .conn()
            .prepare(
                "SELECT id FROM families WHERE destroyed_at IS NULL AND merged_into IS NULL
                 ORDER BY registry_no",
            )
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .map_err(DbError::from)?
            .collect::<Result<Vec<String>, _>>()
            .map_err(DbError::from)?;
        rows
    };
    if families.is_empty() || deliveries == 0 {
        return Ok(0);
    }
    let kinds: Vec<(crate::aid::AidType, u32, (u64, u64))> = MIX
        .iter()
        .filter_map(|(code, share, range)| {
            types::find(db.conn(), code)
                .ok()
                .flatten()
                .map(|t| (t, *share, *range))
        })
        .collect();
    let total_share: u32 = kinds.iter().map(|k| k.1).sum();
    let source: Option<String> = db
        .conn()
        .query_row(
            "SELECT id FROM funding_sources WHERE code = 'local-budget'",
            [],
            |r| r.get(0),
        )
        .ok();
    let _same_ids_and_times = clock::pin_seeded(today, seed ^ 0x00A1_D000);
    let now = clock::now();
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    // Two years of campaigns: each named one, once a year.
    let mut campaigns = Vec::new();
    for year in [today.year() - 1, today.year()] {
        for (i, (name, kind)) in CAMPAIGNS.iter().enumerate() {
            let id = clock::new_id();
            let start = NaiveDate::from_ymd_opt(year, 1 + (i as u32 * 2), 1).unwrap_or(today);
            tx.execute(
                "INSERT INTO campaigns (id, name, kind, starts_on, ends_on, funding_source_id,
                                        created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![
                    id,
                    format!("{name} {year}"),
                    kind,
                    start.to_string(),
                    start.checked_add_days(Days::new(60)).map(|d| d.to_string()),
                    source,
                    now
                ],
            )
            .map_err(DbError::from)?;
            campaigns.push((id, start));
        }
    }
    let mut volunteers = Vec::new();
    for n in 0..(deliveries / 3_000).clamp(6, 400) {
        let (surname, name) = pick(&mut rng, VOLUNTEER_NAMES);
        let full = format!("{surname}{n} {name}");
        let id = clock::new_id();
        tx.execute(
            "INSERT INTO volunteers (id, surname, name, sort_key, search_key, civil_servant,
                                     agency, active, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)",
            params![
                id,
                format!("{surname}{n}"),
                name,
                text::sort_key(&full),
                text::fold(&full),
                n % 3 == 0,
                (n % 3 == 0).then_some("Аудан әкімдігі"),
                now
            ],
        )
        .map_err(DbError::from)?;
        volunteers.push(id);
    }
    let span = (today - NaiveDate::from_ymd_opt(today.year() - 2, 1, 1).unwrap_or(today))
        .num_days()
        .max(1) as u64;
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO deliveries (id, family_id, aid_type_id, campaign_id, funding_source_id,
                                         on_date, quantity_milli, value, status, cancel_reason,
                                         receipt_signed, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            )
            .map_err(DbError::from)?;
        let mut helper = tx
            .prepare("INSERT INTO delivery_volunteers (delivery_id, volunteer_id) VALUES (?1, ?2)")
            .map_err(DbError::from)?;
        for _ in 0..deliveries {
            let mut roll = rng.random_range(0..total_share.max(1));
            let (aid, _, (lo, hi)) = kinds
                .iter()
                .find(|k| {
                    if roll < k.1 {
                        true
                    } else {
                        roll -= k.1;
                        false
                    }
                })
                .unwrap_or(&kinds[0]);
            let units = rng.random_range(*lo..=*hi);
            let quantity_milli = units * 1000;
            let value = aid
                .unit_value
                .and_then(|per| money::value_of(quantity_milli, u64::from(per)))
                .unwrap_or_else(|| rng.random_range(50..400) * 1000);
            let on = NaiveDate::from_ymd_opt(today.year() - 2, 1, 1)
                .unwrap_or(today)
                .checked_add_days(Days::new(rng.random_range(0..span)))
                .unwrap_or(today);
            let roll = rng.random_range(0..100);
            let (status, reason) = match roll {
                0..=2 => ("cancelled", Some("Отбасы басқа ауылға көшті")),
                3..=7 => ("planned", None),
                _ => ("delivered", None),
            };
            let campaign = if rng.random_bool(0.6) {
                campaigns
                    .iter()
                    .filter(|(_, start)| start.year() == on.year())
                    .nth(rng.random_range(0..CAMPAIGNS.len()))
                    .map(|(id, _)| id.clone())
            } else {
                None
            };
            let id = clock::new_id();
            insert
                .execute(params![
                    id,
                    pick(&mut rng, &families),
                    aid.id,
                    campaign,
                    source,
                    on.to_string(),
                    quantity_milli as i64,
                    value as i64,
                    status,
                    reason,
                    status == "delivered" && rng.random_bool(0.9),
                    now
                ])
                .map_err(DbError::from)?;
            if status == "delivered" && rng.random_bool(0.3) {
                helper
                    .execute(params![id, pick(&mut rng, &volunteers)])
                    .map_err(DbError::from)?;
            }
        }
    }
    tx.commit().map_err(DbError::from)?;
    Ok(deliveries)
}
