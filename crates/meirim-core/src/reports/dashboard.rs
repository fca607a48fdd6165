//! The home screen's numbers: this month and this year at a glance, aid per month by type
//! for the year, current families by category, and the villages with the most families
//! helped this year. Every figure names the filter behind it, so the screen can open the
//! list it counts.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::db::DbError;
use crate::problem::Problem;
use crate::reference::Names;
use crate::reports::{Period, Preset};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Dashboard {
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

fn one(conn: &Connection, sql: &str, from: NaiveDate, to: NaiveDate) -> Result<f64, Problem> {
    Ok(conn
        .query_row(sql, params![from.to_string(), to.to_string()], |r| {
            r.get::<_, Option<f64>>(0)
        })
        .map_err(DbError::from)?
        .unwrap_or(0.0))
}

const HELPED: &str = "SELECT count(DISTINCT family_id) FROM deliveries
    WHERE status = 'delivered' AND on_date BETWEEN ?1 AND ?2";
const VALUE: &str = "SELECT sum(value) FROM deliveries
    WHERE status = 'delivered' AND on_date BETWEEN ?1 AND ?2";

/// The dashboard as of `today`.
pub fn build(conn: &Connection, today: NaiveDate) -> Result<Dashboard, Problem> {
    let month = Period::containing(Preset::Month, today);
    let year = Period::containing(Preset::Year, today);
    let (y0, y1) = (year.from, year.to);
    let families_current: u32 = conn
        .query_row(
            "SELECT count(*) FROM families WHERE status <> 'archived' AND destroyed_at IS NULL
               AND merged_into IS NULL",
            [],
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    let mut by_type: Vec<MonthlySeries> = Vec::new();
    {
        let mut stmt = conn
            .prepare_cached(
                "SELECT t.id, t.name_kk, t.name_ru, CAST(substr(d.on_date, 6, 2) AS INTEGER),
                        sum(d.value)
                 FROM deliveries d JOIN aid_types t ON t.id = d.aid_type_id
                 WHERE d.status = 'delivered' AND d.on_date BETWEEN ?1 AND ?2
                 GROUP BY t.id, 4 ORDER BY t.sort_order, 4",
            )
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map(params![y0.to_string(), y1.to_string()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Names {
                        kk: r.get(1)?,
                        ru: r.get(2)?,
                    },
                    r.get::<_, u32>(3)?,
                    r.get::<_, f64>(4)?,
                ))
            })
            .map_err(DbError::from)?;
        for row in rows {
            let (id, names, month_no, value) = row.map_err(DbError::from)?;
            if by_type.last().map(|s| &s.aid_type_id) != Some(&id) {
                by_type.push(MonthlySeries {
                    aid_type_id: id,
                    names,
                    values: vec![0.0; 12],
                });
            }
            if let (Some(series), Some(i)) = (by_type.last_mut(), month_no.checked_sub(1)) {
                if let Some(slot) = series.values.get_mut(i as usize) {
                    *slot = value;
                }
            }
        }
    }
    let categories = {
        let mut stmt = conn
            .prepare_cached(
                "SELECT c.id, c.name_kk, c.name_ru, count(f.id)
                 FROM categories c
                      LEFT JOIN family_categories fc ON fc.category_id = c.id
                      LEFT JOIN families f ON f.id = fc.family_id AND f.status <> 'archived'
                           AND f.destroyed_at IS NULL AND f.merged_into IS NULL
                 WHERE c.active = 1
                 GROUP BY c.id ORDER BY c.sort_order",
            )
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
        rows
    };
    let top_villages = {
        let mut stmt = conn
            .prepare_cached(
                "SELECT f.village, count(*) AS n
                 FROM (SELECT DISTINCT family_id FROM deliveries
                       WHERE status = 'delivered' AND on_date BETWEEN ?1 AND ?2) d
                      JOIN families f ON f.id = d.family_id
                 WHERE f.village IS NOT NULL
                 GROUP BY f.village ORDER BY n DESC, f.village LIMIT 10",
            )
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map(params![y0.to_string(), y1.to_string()], |r| {
                Ok(VillageCount {
                    village: r.get(0)?,
                    families: r.get(1)?,
                })
            })
            .map_err(DbError::from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(DbError::from)?;
        rows
    };
    Ok(Dashboard {
        month,
        year,
        families_current,
        families_helped_month: one(conn, HELPED, month.from, month.to)? as u32,
        families_helped_year: one(conn, HELPED, y0, y1)? as u32,
        value_month: one(conn, VALUE, month.from, month.to)?,
        value_year: one(conn, VALUE, y0, y1)?,
        volunteers_year: one(
            conn,
            "SELECT count(DISTINCT volunteer_id) FROM volunteer_activities
             WHERE on_date BETWEEN ?1 AND ?2",
            y0,
            y1,
        )? as u32,
        letters_year: one(
            conn,
            "SELECT count(*) FROM issued_documents
             WHERE issued_on BETWEEN ?1 AND ?2 AND cancelled_at IS NULL",
            y0,
            y1,
        )? as u32,
        registered_year: one(
            conn,
            "SELECT count(*) FROM families WHERE registered_on BETWEEN ?1 AND ?2",
            y0,
            y1,
        )? as u32,
        aid_by_month: by_type,
        categories,
        top_villages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    #[test]
    fn the_dashboard_agrees_with_the_period_report() {
        let mut db = Database::open_in_memory().unwrap();
        crate::demo::fill(&mut db, 120, 9).unwrap();
        crate::demo::aid::fill(&mut db, 1_500, 9).unwrap();
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
}
