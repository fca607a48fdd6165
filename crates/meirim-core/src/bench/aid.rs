//! Aid measurements over a demo district with its deliveries: recording one delivery
//! (checks, frequency rule, audit entry, durable commit), a family's aid history, a
//! campaign's summary, and a 500-family round (choosing, planning, delivering).

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{sample_heads, summarize, time, Timing};
use crate::aid::{self, BulkFilter, BulkPlan, DeliveryInput};
use crate::campaigns::{self, CampaignInput, CampaignKind};
use crate::db::{Database, DbError};
use crate::problem::Problem;

/// Families in one bulk round, as the issue asks to measure.
const ROUND: usize = 500;

pub fn run(db: &mut Database, runs: usize, seed: u64) -> Result<Vec<Timing>, Problem> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xB0A1);
    let heads = sample_heads(db, runs, &mut rng)?;
    let clothes = aid::types::find(db.conn(), "clothes")?
        .map(|t| t.id)
        .unwrap_or_default();
    let basket = aid::types::find(db.conn(), "food-basket")?
        .map(|t| t.id)
        .unwrap_or_default();
    let mut timings = Vec::new();

    // Warm the pages the history reads touch, as an office PC in use has them.
    for h in &heads {
        aid::for_family(db.conn(), &h.family_id)?;
    }
    let mut samples = Vec::new();
    for h in &heads {
        let (d, r) = time(|| aid::for_family(db.conn(), &h.family_id));
        r?;
        samples.push(d);
    }
    timings.push(summarize("aid: a family's history", samples));

    let mut samples = Vec::new();
    for h in heads.iter().take(runs.min(200)) {
        let input = DeliveryInput {
            family_id: h.family_id.clone(),
            aid_type_id: clothes.clone(),
            on_date: Some("2026-10-15".into()),
            delivered: true,
            // Demo families may already have had clothes: the reason keeps the rule quiet
            // without skipping its check.
            rule_override: Some("bench".into()),
            ..Default::default()
        };
        let (d, r) = time(|| aid::record(db, &input));
        r?;
        samples.push(d);
    }
    timings.push(summarize("aid: record a delivery", samples));

    let campaign_ids: Vec<String> = {
        let mut stmt = db
            .conn()
            .prepare(
                "SELECT campaign_id FROM deliveries WHERE campaign_id IS NOT NULL
                 GROUP BY campaign_id ORDER BY count(*) DESC LIMIT 10",
            )
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .map_err(DbError::from)?
            .collect::<Result<Vec<String>, _>>()
            .map_err(DbError::from)?;
        rows
    };
    let mut samples = Vec::new();
    for i in 0..runs.clamp(1, 50) {
        if let Some(id) = campaign_ids.get(i % campaign_ids.len().max(1)) {
            let (d, r) = time(|| campaigns::summary(db.conn(), id));
            r?;
            samples.push(d);
        }
    }
    if !samples.is_empty() {
        timings.push(summarize(
            "aid: campaign summary (largest campaigns)",
            samples,
        ));
    }

    let (mut choose, mut plan, mut deliver) = (Vec::new(), Vec::new(), Vec::new());
    for n in 0..runs.clamp(1, 5) {
        let campaign = campaigns::create(
            db,
            &CampaignInput {
                name: format!("Bench round {n} {}", rng.random_range(0..1_000_000)),
                name_ru: None,
                kind: CampaignKind::Aid,
                starts_on: None,
                ends_on: None,
                organiser_id: None,
                funding_source_id: None,
                description: None,
            },
        )?;
        let filter = BulkFilter {
            aid_type_id: basket.clone(),
            campaign_id: Some(campaign.id.clone()),
            on_date: Some("2026-10-20".into()),
            ..Default::default()
        };
        let (d, found) = time(|| aid::bulk::candidates(db.conn(), &filter));
        choose.push(d);
        let ids: Vec<String> = found?
            .into_iter()
            .take(ROUND)
            .map(|c| c.family_id)
            .collect();
        let round = BulkPlan {
            filter,
            family_ids: ids,
            rule_override: Some("bench".into()),
            ..Default::default()
        };
        let (d, r) = time(|| aid::bulk::plan(db, &round));
        r?;
        plan.push(d);
        let planned: Vec<String> = aid::bulk::round(db.conn(), &campaign.id, None)?
            .into_iter()
            .map(|d| d.id)
            .collect();
        let (d, r) = time(|| aid::bulk::deliver_many(db, &planned, Some("2026-10-21"), true));
        r?;
        deliver.push(d);
    }
    timings.push(summarize(
        "aid: choose families for a round (all current)",
        choose,
    ));
    timings.push(summarize("aid: plan a 500-family round", plan));
    timings.push(summarize("aid: deliver a 500-family round", deliver));
    Ok(timings)
}
