//! Frequency rules: whether giving an aid type to a family on a day repeats aid the family
//! already received (or is planned to receive) within the type's interval.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::delivery::DeliveryStatus;
use super::types::{AidType, RuleKind};
use crate::db::DbError;
use crate::problem::Problem;

/// An earlier (or later) delivery the new one would repeat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RuleHit {
    pub delivery_id: String,
    pub on_date: NaiveDate,
    pub status: DeliveryStatus,
}

/// The first day of the window the rule counts in, and the first day after it.
pub(crate) fn window(
    rule: RuleKind,
    days: Option<u32>,
    on: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    match rule {
        RuleKind::None => None,
        RuleKind::Days => {
            let d = chrono::Days::new(u64::from(days?));
            // Both directions: a delivery planned for next week counts as much as last week's.
            Some((on.checked_sub_days(d)?.succ_opt()?, on.checked_add_days(d)?))
        }
        RuleKind::HeatingSeason => {
            let start_year = if on.month() >= 7 {
                on.year()
            } else {
                on.year() - 1
            };
            Some((
                NaiveDate::from_ymd_opt(start_year, 7, 1)?,
                NaiveDate::from_ymd_opt(start_year + 1, 7, 1)?,
            ))
        }
        RuleKind::Year => Some((
            NaiveDate::from_ymd_opt(on.year(), 1, 1)?,
            NaiveDate::from_ymd_opt(on.year() + 1, 1, 1)?,
        )),
    }
}

/// Deliveries of `aid` to `family_id` that a new one on `on` would repeat, nearest first.
/// Cancelled aid does not count; `except` leaves out the delivery being edited.
pub fn hits(
    conn: &Connection,
    family_id: &str,
    aid: &AidType,
    on: NaiveDate,
    except: Option<&str>,
) -> Result<Vec<RuleHit>, Problem> {
    let Some((from, until)) = window(aid.rule, aid.rule_days, on) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn
        .prepare_cached(
            // A family has tens of deliveries, a type hundreds of thousands: without
            // statistics SQLite may pick the type's index, so the family's is named.
            "SELECT id, on_date, status FROM deliveries INDEXED BY deliveries_family
             WHERE family_id = ?1 AND aid_type_id = ?2 AND status != 'cancelled'
               AND on_date >= ?3 AND on_date < ?4 AND id IS NOT ?5",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map(
            params![
                family_id,
                aid.id,
                from.to_string(),
                until.to_string(),
                except
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .map_err(DbError::from)?;
    let mut out = Vec::new();
    for row in rows {
        let (id, date, status) = row.map_err(DbError::from)?;
        if let Ok(on_date) = date.parse::<NaiveDate>() {
            out.push(RuleHit {
                delivery_id: id,
                on_date,
                status: DeliveryStatus::parse(&status),
            });
        }
    }
    out.sort_by_key(|h| (h.on_date - on).num_days().abs());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_heating_season_runs_from_july_to_june() {
        let w = window(RuleKind::HeatingSeason, None, d("2026-10-12")).unwrap();
        assert_eq!(w, (d("2026-07-01"), d("2027-07-01")));
        let w = window(RuleKind::HeatingSeason, None, d("2027-02-01")).unwrap();
        assert_eq!(w, (d("2026-07-01"), d("2027-07-01")));
    }

    #[test]
    fn a_day_interval_looks_both_ways() {
        let (from, until) = window(RuleKind::Days, Some(30), d("2026-11-23")).unwrap();
        assert_eq!(from, d("2026-10-25"), "30 days before is allowed again");
        assert_eq!(until, d("2026-12-23"));
        assert!(window(RuleKind::None, None, d("2026-11-23")).is_none());
        assert_eq!(
            window(RuleKind::Year, None, d("2026-11-23")).unwrap(),
            (d("2026-01-01"), d("2027-01-01"))
        );
    }
}
