//! The home screen's numbers: this month and this year at a glance, aid per month by type
//! for the year, current families by category, and the villages with the most families
//! helped this year. Every figure names the filter behind it, so the screen can open the
//! list it counts.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::db::DbError;
use crate::family::ARCHIVED_BAND;
use crate::problem::Problem;
use crate::reference::Names;
use crate::reports::{Period, Preset};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Dashboard {
    /// The day the figures are as of.
    pub today: NaiveDate,
    pub month: Period,
    pub year: Period,
    pub families_current: u32,
    pub families_helped_month: u32,
    pub families_helped_year: u32,
    /// Whole tenge of delivered aid.
    pub value_month: f64,
    pub value_year: f64,
    pub volunteers_year: u32,
    pub letters_year: u32,
    pub registered_year: u32,
    /// Aid types in catalogue order with their value per month of the year (12 numbers).
    pub aid_by_month: Vec<MonthlySeries>,
    /// Current (not archived) families per category.
    pub categories: Vec<CategoryCount>,
    /// The villages with most families helped this year, at most ten.
    pub top_villages: Vec<VillageCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthlySeries {
    pub aid_type_id: String,
    pub names: Names,
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CategoryCount {
    pub category_id: String,
    pub names: Names,
    pub families: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VillageCount {
    pub village: String,
    pub families: u32,
}

fn count(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<u32, Problem> {
    Ok(conn
        .query_row(sql, args, |r| r.get(0))
        .map_err(DbError::from)?)
}

/// Families on the working list (not archived, merged or destroyed): the same band of list
/// positions the family list counts, so a click on a figure shows as many rows as it says.
fn current() -> String {
    format!("f.list_pos < {ARCHIVED_BAND}")
}

/// The dashboard as of `today`.
pub fn build(conn: &Connection, today: NaiveDate) -> Result<Dashboard, Problem> {
    let month = Period::containing(Preset::Month, today);
    let year = Period::containing(Preset::Year, today);
    let in_year = params![year.from.to_string(), year.to.to_string()];
    let aid = aid_figures(conn, month, year)?;
    Ok(Dashboard {
        today,
        month,
        year,
        families_current: count(
            conn,
            &format!("SELECT count(*) FROM families f WHERE {}", current()),
            [],
        )?,
        families_helped_month: aid.helped_month,
        families_helped_year: aid.helped_year,
        value_month: aid.value_month,
        value_year: aid.value_year,
        volunteers_year: count(
            conn,
            "SELECT count(DISTINCT volunteer_id) FROM volunteer_activities
             WHERE on_date BETWEEN ?1 AND ?2",
            in_year,
        )?,
        letters_year: count(
            conn,
            "SELECT count(*) FROM issued_documents
             WHERE issued_on BETWEEN ?1 AND ?2 AND cancelled_at IS NULL",
            in_year,
        )?,
        registered_year: count(
            conn,
            "SELECT count(*) FROM families
             WHERE registered_on BETWEEN ?1 AND ?2 AND list_pos IS NOT NULL",
            in_year,
        )?,
        aid_by_month: aid.by_month,
        categories: categories(conn)?,
        top_villages: aid.top_villages,
    })
}

/// A text column without copying it: most of the 200 000 rows only look a key up.
fn borrowed_text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str, DbError> {
    Ok(r.get_ref(i)?.as_str().map_err(rusqlite::Error::from)?)
}

struct AidFigures {
    helped_month: u32,
    helped_year: u32,
    value_month: f64,
    value_year: f64,
    by_month: Vec<MonthlySeries>,
    top_villages: Vec<VillageCount>,
}

/// Every aid figure from one pass over the year's deliveries, added up here rather than by
/// SQLite: its GROUP BY and DISTINCT sort 200 000 text keys (0.9 s of the demo district's
/// 1.1 s), hashing them takes a few milliseconds.
fn aid_figures(conn: &Connection, month: Period, year: Period) -> Result<AidFigures, Problem> {
    let this_month = i64::from(chrono::Datelike::month(&month.from));
    // Family → helped this month too.
    let mut helped: HashMap<String, bool> = HashMap::new();
    let mut by_type: HashMap<String, [f64; 12]> = HashMap::new();
    let (mut value_month, mut value_year) = (0.0, 0.0);
    {
        let mut stmt = conn
            .prepare_cached(
                "SELECT family_id, CAST(substr(on_date, 6, 2) AS INTEGER), aid_type_id, value
                 FROM deliveries WHERE status = 'delivered' AND on_date BETWEEN ?1 AND ?2",
            )
            .map_err(DbError::from)?;
        let mut rows = stmt
            .query(params![year.from.to_string(), year.to.to_string()])
            .map_err(DbError::from)?;
        while let Some(r) = rows.next().map_err(DbError::from)? {
            let family = borrowed_text(r, 0)?;
            let month_no: i64 = r.get(1).map_err(DbError::from)?;
            let aid_type = borrowed_text(r, 2)?;
            let value = r.get::<_, i64>(3).map_err(DbError::from)? as f64;
            let now = month_no == this_month;
            match helped.get_mut(family) {
                Some(flag) => *flag |= now,
                None => {
                    helped.insert(family.to_owned(), now);
                }
            }
            let slot = match by_type.get_mut(aid_type) {
                Some(slot) => slot,
                None => by_type.entry(aid_type.to_owned()).or_insert([0.0; 12]),
            };
            if let Some(v) = usize::try_from(month_no - 1)
                .ok()
                .and_then(|i| slot.get_mut(i))
            {
                *v += value;
            }
            value_year += value;
            if now {
                value_month += value;
            }
        }
    }
    let mut by_month = Vec::new();
    {
        let mut stmt = conn
            .prepare_cached("SELECT id, name_kk, name_ru FROM aid_types ORDER BY sort_order, id")
            .map_err(DbError::from)?;
        let mut rows = stmt.query([]).map_err(DbError::from)?;
        while let Some(r) = rows.next().map_err(DbError::from)? {
            let id: String = r.get(0).map_err(DbError::from)?;
            if let Some(values) = by_type.get(&id) {
                by_month.push(MonthlySeries {
                    names: Names {
                        kk: r.get(1).map_err(DbError::from)?,
                        ru: r.get(2).map_err(DbError::from)?,
                    },
                    aid_type_id: id,
                    values: values.to_vec(),
                });
            }
        }
    }
    let mut villages: HashMap<String, u32> = HashMap::new();
    {
        let mut stmt = conn
            .prepare_cached("SELECT id, village FROM families WHERE village IS NOT NULL AND list_pos IS NOT NULL")
            .map_err(DbError::from)?;
        let mut rows = stmt.query([]).map_err(DbError::from)?;
        while let Some(r) = rows.next().map_err(DbError::from)? {
            if helped.contains_key(borrowed_text(r, 0)?) {
                let village: String = r.get(1).map_err(DbError::from)?;
                *villages.entry(village).or_default() += 1;
            }
        }
    }
    let mut top_villages: Vec<VillageCount> = villages
        .into_iter()
        .map(|(village, families)| VillageCount { village, families })
        .collect();
    top_villages.sort_by(|a, b| {
        b.families
            .cmp(&a.families)
            .then_with(|| a.village.cmp(&b.village))
    });
    top_villages.truncate(10);
    Ok(AidFigures {
        helped_month: helped.values().filter(|now| **now).count() as u32,
        helped_year: helped.len() as u32,
        value_month,
        value_year,
        by_month,
        top_villages,
    })
}

/// Current families per active category, in the catalogue's order (zero included).
fn categories(conn: &Connection) -> Result<Vec<CategoryCount>, Problem> {
    // Counted on (family_id → category) and (id, list_pos): both covering indexes, so the
    // families' rows are never read.
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT c.id, c.name_kk, c.name_ru, coalesce(n.families, 0)
             FROM categories c
                  LEFT JOIN (SELECT fc.category_id, count(*) AS families
                             FROM family_categories fc JOIN families f ON f.id = fc.family_id
                             WHERE {} GROUP BY fc.category_id) n
                         ON n.category_id = c.id
             WHERE c.active = 1
             ORDER BY c.sort_order",
            current()
        ))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(CategoryCount {
                category_id: r.get(0)?,
                names: Names {
                    kk: r.get(1)?,
                    ru: r.get(2)?,
                },
                families: r.get(3)?,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    /// The day the demo district is made as of: fixed, so the test does not depend on the date.
    const DEMO_DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
        Some(d) => d,
        None => panic!("a real day"),
    };

    #[test]
    fn the_dashboard_agrees_with_the_period_report() {
        let mut db = Database::open_in_memory().unwrap();
        crate::demo::fill(&mut db, 120, 9, DEMO_DAY).unwrap();
        crate::demo::aid::fill(&mut db, 1_500, 9, DEMO_DAY).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let d = build(db.conn(), today).unwrap();
        let year = crate::reports::build(db.conn(), d.year, &Default::default()).unwrap();
        assert_eq!(
            i64::from(d.families_helped_year),
            year.value("summary", "families-helped").unwrap()
        );
        assert_eq!(d.value_year as i64, year.value("summary", "value").unwrap());
        let monthly: f64 = d.aid_by_month.iter().flat_map(|s| &s.values).sum();
        assert_eq!(monthly, d.value_year, "the chart adds up to the year");
        assert!(d.top_villages.len() <= 10);
        assert!(d
            .top_villages
            .windows(2)
            .all(|w| w[0].families >= w[1].families));
        let categorised: u32 = d.categories.iter().map(|c| c.families).sum();
        assert!(categorised > 0 && d.families_current <= 120);
    }

    /// Each figure opens a list; the list must show as many families as the figure says.
    #[test]
    fn every_figure_matches_the_list_it_opens() {
        use crate::family::{search, SearchQuery, StatusFilter};
        let mut db = Database::open_in_memory().unwrap();
        crate::demo::fill(&mut db, 150, 4, DEMO_DAY).unwrap();
        crate::demo::aid::fill(&mut db, 2_000, 4, DEMO_DAY).unwrap();
        // Archive three current families helped this year: they still count as helped.
        let today = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
        let _today = crate::clock::pin(today);
        let ids: Vec<String> = db
            .conn()
            .prepare(
                "SELECT f.id FROM families f WHERE f.status <> 'archived' AND EXISTS
                   (SELECT 1 FROM deliveries d WHERE d.family_id = f.id
                    AND d.status = 'delivered' AND d.on_date BETWEEN '2026-01-01' AND ?1)
                 ORDER BY f.registry_no LIMIT 3",
            )
            .unwrap()
            .query_map([today.to_string()], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(ids.len(), 3);
        let helped_before = build(db.conn(), today).unwrap().families_helped_year;
        for id in &ids {
            crate::family::archive(&mut db, id, "moved", None).unwrap();
        }
        let d = build(db.conn(), today).unwrap();
        assert_eq!(d.families_helped_year, helped_before);
        let total = |q: SearchQuery| search(&db, &SearchQuery { limit: 1, ..q }).unwrap().total;
        assert_eq!(total(SearchQuery::default()), d.families_current);
        let helped = |p: Period| SearchQuery {
            helped: Some(p),
            status: StatusFilter::All,
            ..Default::default()
        };
        assert_eq!(total(helped(d.year)), d.families_helped_year);
        assert_eq!(total(helped(d.month)), d.families_helped_month);
        assert!(d.families_helped_month > 0 && d.families_helped_year > d.families_helped_month);
        let registered = SearchQuery {
            registered: Some(d.year),
            status: StatusFilter::All,
            ..Default::default()
        };
        assert_eq!(total(registered), d.registered_year);
        for c in &d.categories {
            let q = SearchQuery {
                category_id: Some(c.category_id.clone()),
                ..Default::default()
            };
            assert_eq!(total(q), c.families, "category {}", c.names.kk);
        }
        for v in &d.top_villages {
            let q = SearchQuery {
                village: Some(v.village.clone()),
                ..helped(d.year)
            };
            assert_eq!(total(q), v.families, "village {}", v.village);
        }
    }
}
