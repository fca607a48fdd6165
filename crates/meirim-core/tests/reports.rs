//! The period report against an independent count: a generated district's rows read out
//! whole and tallied in Rust, for the period and the previous one, whole and per scope.

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use meirim_core::reports::{self, Period, Preset, Scope};
use meirim_core::Database;

/// The day the demo district is made as of: fixed, so the test does not depend on the date.
const DEMO_DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => panic!("a real day"),
};

struct Delivery {
    family: String,
    on: String,
    status: String,
    value: i64,
    quantity: i64,
    aid_type: String,
    cash: bool,
    campaign: Option<String>,
    village: Option<String>,
}

fn deliveries(db: &Database) -> Vec<Delivery> {
    let mut stmt = db
        .conn()
        .prepare(
            "SELECT d.family_id, d.on_date, d.status, d.value, d.quantity_milli, d.aid_type_id,
                    t.unit = 'tenge', d.campaign_id, f.village
             FROM deliveries d, aid_types t, families f
             WHERE t.id = d.aid_type_id AND f.id = d.family_id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(Delivery {
            family: r.get(0)?,
            on: r.get(1)?,
            status: r.get(2)?,
            value: r.get(3)?,
            quantity: r.get(4)?,
            aid_type: r.get(5)?,
            cash: r.get(6)?,
            campaign: r.get(7)?,
            village: r.get(8)?,
        })
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn district() -> Database {
    let mut db = Database::open_in_memory().unwrap();
    meirim_core::demo::fill(&mut db, 400, 7, DEMO_DAY).unwrap();
    meirim_core::demo::aid::fill(&mut db, 6_000, 7, DEMO_DAY).unwrap();
    db
}

fn in_period(d: &Delivery, p: Period) -> bool {
    d.status == "delivered"
        && d.on.as_str() >= p.from.to_string().as_str()
        && d.on.as_str() <= p.to.to_string().as_str()
}

#[test]
fn a_years_figures_match_an_independent_tally_for_both_periods() {
    let db = district();
    let all = deliveries(&db);
    let year = Period::containing(Preset::Year, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    let report = reports::build(db.conn(), year, &Scope::default()).unwrap();
    assert_eq!(report.previous.from.to_string(), "2025-01-01");

    for (period, pick) in [(year, 0), (report.previous, 1)] {
        let mine: Vec<&Delivery> = all.iter().filter(|d| in_period(d, period)).collect();
        assert!(mine.len() > 100, "the demo district has aid in {period:?}");
        let value = |key: &str| {
            let line = report
                .section("summary")
                .unwrap()
                .lines
                .iter()
                .find(|l| l.key == key)
                .unwrap();
            [line.now[0], line.before[0]][pick]
        };
        let families: BTreeSet<&str> = mine.iter().map(|d| d.family.as_str()).collect();
        assert_eq!(value("families-helped"), families.len() as i64);
        assert_eq!(value("deliveries"), mine.len() as i64);
        assert_eq!(value("value"), mine.iter().map(|d| d.value).sum::<i64>());
        assert_eq!(
            value("value-cash"),
            mine.iter().filter(|d| d.cash).map(|d| d.value).sum::<i64>()
        );

        // By aid type: families, deliveries, quantity, value.
        let mut by_type: BTreeMap<&str, (BTreeSet<&str>, i64, i64, i64)> = BTreeMap::new();
        for d in &mine {
            let e = by_type.entry(d.aid_type.as_str()).or_default();
            e.0.insert(d.family.as_str());
            e.1 += 1;
            e.2 += d.quantity;
            e.3 += d.value;
        }
        let section = report.section("aid-by-type").unwrap();
        for (ty, (fams, n, q, v)) in &by_type {
            let line = section.lines.iter().find(|l| l.key == *ty).unwrap();
            let got = [&line.now, &line.before][pick];
            assert_eq!(got, &vec![fams.len() as i64, *n, *q, *v], "{ty}");
        }

        // By village.
        let mut by_village: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for d in &mine {
            by_village
                .entry(d.village.clone().unwrap_or_default())
                .or_default()
                .insert(d.family.as_str());
        }
        let section = report.section("families-by-village").unwrap();
        for (village, fams) in &by_village {
            let line = section.lines.iter().find(|l| &l.key == village).unwrap();
            assert_eq!(
                [line.now[0], line.before[0]][pick],
                fams.len() as i64,
                "{village}"
            );
        }
    }

    // By category, this period only: a family counts once in each of its categories.
    let cats: Vec<(String, String)> = db
        .conn()
        .prepare("SELECT family_id, category_id FROM family_categories")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let helped: BTreeSet<&str> = all
        .iter()
        .filter(|d| in_period(d, year))
        .map(|d| d.family.as_str())
        .collect();
    let section = report.section("families-by-category").unwrap();
    for line in &section.lines {
        let n = cats
            .iter()
            .filter(|(f, c)| *c == line.key && helped.contains(f.as_str()))
            .count();
        assert_eq!(line.now[0], n as i64, "{:?}", line.label);
    }
}

#[test]
fn a_campaign_scope_counts_only_its_aid_and_volunteers() {
    let db = district();
    let all = deliveries(&db);
    let campaign = all.iter().find_map(|d| d.campaign.clone()).unwrap();
    let year = Period::containing(Preset::Year, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    let scope = Scope {
        campaign_id: Some(campaign.clone()),
        ..Default::default()
    };
    let report = reports::build(db.conn(), year, &scope).unwrap();
    let mine: Vec<&Delivery> = all
        .iter()
        .filter(|d| in_period(d, year) && d.campaign.as_deref() == Some(campaign.as_str()))
        .collect();
    assert_eq!(
        report.value("summary", "deliveries").unwrap(),
        mine.len() as i64
    );
    assert!(report.campaign_name.is_some());
    assert!(
        report.section("registry").is_none(),
        "a campaign registers no families"
    );
    let minutes: i64 = db
        .conn()
        .query_row(
            "SELECT ifnull(sum(minutes), 0) FROM volunteer_activities
             WHERE campaign_id = ?1 AND on_date BETWEEN '2026-01-01' AND '2026-12-31'",
            [&campaign],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(report.value("volunteers", "hours").unwrap(), minutes);
    // Campaigns listed: only this one.
    let lines = &report.section("campaigns").unwrap().lines;
    assert!(lines.iter().all(|l| l.key == campaign), "{lines:?}");
}

#[test]
fn a_village_scope_and_the_registry_lines() {
    let db = district();
    let all = deliveries(&db);
    let village = all.iter().find_map(|d| d.village.clone()).unwrap();
    let year = Period::containing(Preset::Year, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    let report = reports::build(
        db.conn(),
        year,
        &Scope {
            village: Some(village.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    let families: BTreeSet<&str> = all
        .iter()
        .filter(|d| in_period(d, year) && d.village.as_deref() == Some(village.as_str()))
        .map(|d| d.family.as_str())
        .collect();
    assert_eq!(
        report.value("summary", "families-helped").unwrap(),
        families.len() as i64
    );
    let villages = &report.section("families-by-village").unwrap().lines;
    assert_eq!(villages.len(), 1);
    let registered: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM families WHERE village = ?1
             AND registered_on BETWEEN '2026-01-01' AND '2026-12-31'",
            [&village],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(report.value("registry", "registered").unwrap(), registered);
}
