//! Speed measurements over a registry (normally a `demo` district), for `meirim-cli bench`
//! and BENCHMARKS.md. Not tests: the numbers are reported, never asserted.

mod aid;

use std::time::{Duration, Instant};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::params;
use serde::Serialize;

use crate::db::{Database, DbError};
use crate::family::{self, SearchQuery};
use crate::problem::Problem;
use crate::text;

/// Latency summary of one operation, in milliseconds.
#[derive(Debug, Clone, Serialize)]
pub struct Timing {
    pub operation: String,
    pub runs: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub families: i64,
    pub members: i64,
    pub deliveries: i64,
    pub timings: Vec<Timing>,
    /// How many times faster the indexed name search is than a `LIKE '%…%'` scan of the
    /// same fragments, at the median and at p95.
    pub name_search_speedup_p50: f64,
    pub name_search_speedup_p95: f64,
}

fn summarize(operation: &str, mut samples: Vec<Duration>) -> Timing {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| {
        let i = ((samples.len() as f64 * q).ceil() as usize).clamp(1, samples.len()) - 1;
        ms(samples[i])
    };
    Timing {
        operation: operation.to_owned(),
        runs: samples.len(),
        p50_ms: at(0.50),
        p95_ms: at(0.95),
        max_ms: samples.last().map(|d| ms(*d)).unwrap_or(0.0),
    }
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

struct Head {
    family_id: String,
    surname: String,
    name: String,
    iin: Option<String>,
}

fn sample_heads(db: &Database, n: usize, rng: &mut ChaCha8Rng) -> Result<Vec<Head>, Problem> {
    let total: i64 = db
        .conn()
        .query_row("SELECT max(seq) FROM members", [], |r| r.get(0))
        .map_err(DbError::from)?;
    let mut stmt = db
        .conn()
        .prepare_cached(
            "SELECT family_id, surname, name, iin FROM members
             WHERE is_head = 1 AND seq >= ?1 ORDER BY seq LIMIT 1",
        )
        .map_err(DbError::from)?;
    let mut heads = Vec::with_capacity(n);
    for _ in 0..n {
        let at = rng.random_range(1..=total.max(1));
        let head = stmt
            .query_row(params![at], |r| {
                Ok(Head {
                    family_id: r.get(0)?,
                    surname: r.get(1)?,
                    name: r.get(2)?,
                    iin: r.get(3)?,
                })
            })
            .map_err(DbError::from)?;
        heads.push(head);
    }
    Ok(heads)
}

/// A fragment of 3–5 letters from the middle or start of a word, as people type it.
fn fragment(word: &str, rng: &mut ChaCha8Rng) -> String {
    let chars: Vec<char> = word.chars().collect();
    let len = rng.random_range(3..=5).min(chars.len());
    let start = rng.random_range(0..=chars.len() - len);
    chars[start..start + len].iter().collect()
}

/// Runs every measurement on `db` with `runs` samples each.
pub fn run(db: &mut Database, runs: usize, seed: u64) -> Result<Report, Problem> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let heads = sample_heads(db, runs, &mut rng)?;
    let count = |sql: &str| -> Result<i64, Problem> {
        Ok(db
            .conn()
            .query_row(sql, [], |r| r.get(0))
            .map_err(DbError::from)?)
    };
    let families = count("SELECT count(*) FROM families")?;
    let members = count("SELECT count(*) FROM members")?;

    let fragments: Vec<String> = heads
        .iter()
        .map(|h| {
            let word = if rng.random_bool(0.5) {
                &h.surname
            } else {
                &h.name
            };
            fragment(word, &mut rng)
        })
        .collect();
    let query = |text: String| SearchQuery {
        text,
        limit: 50,
        ..Default::default()
    };
    // One pass over every query first, so the figures are the steady state of an office
    // PC that has been searching for a while, not the disk's first read of each page.
    for f in &fragments {
        family::search(db, &query(f.clone()))?;
        family::search(db, &query(text::fold(f)))?;
    }
    for h in &heads {
        if let Some(iin) = &h.iin {
            family::search(db, &query(iin[..4].to_owned()))?;
        }
    }

    let mut timings = Vec::new();
    let mut samples = Vec::new();
    for f in &fragments {
        let (d, r) = time(|| family::search(db, &query(f.clone())));
        r?;
        samples.push(d);
    }
    let fts = summarize("search: name fragment (Cyrillic)", samples);

    let mut samples = Vec::new();
    for f in &fragments {
        let latin = text::fold(f);
        let (d, r) = time(|| family::search(db, &query(latin)));
        r?;
        samples.push(d);
    }
    timings.push(fts.clone());
    timings.push(summarize("search: name fragment (Latin spelling)", samples));

    // What a naive registry does: a substring scan, with the same count + first page.
    let mut samples = Vec::new();
    {
        let conn = db.conn();
        let mut count_stmt = conn
            .prepare_cached(
                "SELECT count(*) FROM members WHERE is_head = 1
                 AND surname || ' ' || name || ' ' || coalesce(patronymic, '') LIKE ?1",
            )
            .map_err(DbError::from)?;
        let mut page_stmt = conn
            .prepare_cached(
                "SELECT family_id FROM members WHERE is_head = 1
                 AND surname || ' ' || name || ' ' || coalesce(patronymic, '') LIKE ?1
                 ORDER BY surname, name LIMIT 50",
            )
            .map_err(DbError::from)?;
        for f in &fragments {
            let pattern = format!("%{f}%");
            let (d, r) = time(|| -> rusqlite::Result<usize> {
                let _n: i64 = count_stmt.query_row([&pattern], |r| r.get(0))?;
                page_stmt
                    .query_map([&pattern], |r| r.get::<_, String>(0))?
                    .count();
                Ok(0)
            });
            r.map_err(DbError::from)?;
            samples.push(d);
        }
    }
    let like = summarize("baseline: LIKE '%fragment%' scan", samples);
    timings.push(like.clone());

    let mut samples = Vec::new();
    for h in heads.iter().filter(|h| h.iin.is_some()) {
        let iin = h.iin.clone().unwrap_or_default();
        let prefix: String = iin.chars().take(rng.random_range(4..=8)).collect();
        let (d, r) = time(|| family::search(db, &query(prefix)));
        r?;
        samples.push(d);
    }
    timings.push(summarize("search: IIN prefix", samples));

    let mut samples = Vec::new();
    for h in &heads {
        let (d, r) = time(|| family::get(db.conn(), &h.family_id));
        r?;
        samples.push(d);
    }
    timings.push(summarize("open a family", samples));

    // Saving: the family as it is, with the phone changed, through the full update path
    // (validation, reference checks, upsert, index triggers, durable commit).
    let mut samples = Vec::new();
    for h in heads.iter().take(runs.min(200)) {
        let f = family::get(db.conn(), &h.family_id)?;
        let mut input = f.to_input();
        input.phone = Some(format!("+7701{:07}", rng.random_range(0..10_000_000)));
        input.accept_duplicates = true;
        let (d, r) = time(|| family::update(db, &h.family_id, &input));
        r?;
        samples.push(d);
    }
    timings.push(summarize("save a family", samples));

    let mut samples = Vec::new();
    for _ in 0..runs.clamp(1, 5) {
        let (d, r) = time(|| family::scan_duplicates(db.conn(), 500));
        r?;
        samples.push(d);
    }
    timings.push(summarize("duplicate scan (whole registry)", samples));

    timings.extend(aid::run(db, runs, seed)?);
    let deliveries = db
        .conn()
        .query_row("SELECT count(*) FROM deliveries", [], |r| r.get(0))
        .map_err(DbError::from)?;
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    Ok(Report {
        families,
        members,
        deliveries,
        name_search_speedup_p50: ratio(like.p50_ms, fts.p50_ms),
        name_search_speedup_p95: ratio(like.p95_ms, fts.p95_ms),
        timings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day the demo district is made as of: fixed, so the test does not depend on the date.
    const DEMO_DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
        Some(d) => d,
        None => panic!("a real day"),
    };

    #[test]
    fn runs_every_measurement_on_a_small_district() {
        let mut db = Database::open_in_memory().unwrap();
        crate::demo::fill(&mut db, 300, 1, DEMO_DAY).unwrap();
        crate::demo::aid::fill(&mut db, 3_000, 1, DEMO_DAY).unwrap();
        let report = run(&mut db, 30, 1).unwrap();
        assert_eq!(report.families, 300);
        assert!(report.deliveries > 3_000, "the bench adds its own rounds");
        let ops: Vec<&str> = report
            .timings
            .iter()
            .map(|t| t.operation.as_str())
            .collect();
        assert_eq!(ops.len(), 13, "{ops:?}");
        for t in &report.timings {
            assert!(
                t.runs > 0 && t.p50_ms <= t.p95_ms && t.p95_ms <= t.max_ms,
                "{t:?}"
            );
        }
    }

    #[test]
    fn percentiles_pick_the_right_sample() {
        let samples: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let t = summarize("x", samples);
        assert_eq!((t.p50_ms, t.p95_ms, t.max_ms), (50.0, 95.0, 100.0));
    }
}
