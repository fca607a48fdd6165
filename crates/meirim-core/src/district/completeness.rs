//! Who sent the period's report: every office below that is awaited, on time, late or
//! missing, and any other office that sent one anyway. «Late» is by the day the office made
//! its package (not the day the district read the stick): after the period's last day plus
//! the grace days the district allows (5 unless it says otherwise).

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};
use crate::reports::Period;
use crate::settings;

use super::office::{self, OfficeBelow};

const GRACE_KEY: &str = "district.grace_days";
pub const GRACE_DEFAULT: u32 = 5;
const GRACE_MAX: u32 = 366;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    OnTime,
    Late,
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Row {
    pub office: OfficeBelow,
    pub standing: Standing,
    pub made_at: Option<String>,
    pub received_at: Option<String>,
    /// How many packages of this period the office sent (the current one and its history).
    pub versions: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Completeness {
    pub period: Period,
    /// The last day a package counts as on time.
    pub due: NaiveDate,
    pub grace_days: u32,
    pub rows: Vec<Row>,
    pub expected: u32,
    pub sent: u32,
}

pub fn grace_days(conn: &Connection) -> Result<u32, Problem> {
    Ok(settings::get(conn, GRACE_KEY)?
        .and_then(|s| s.parse().ok())
        .filter(|d| *d <= GRACE_MAX)
        .unwrap_or(GRACE_DEFAULT))
}

pub fn set_grace_days(conn: &Connection, days: u32) -> Result<(), Problem> {
    if days > GRACE_MAX {
        return Err(Problem::new(ErrorCode::DaysInvalid).with("max", GRACE_MAX));
    }
    Ok(settings::set(conn, GRACE_KEY, &days.to_string())?)
}

/// The day in the office's own clock (the offset it wrote), which is the day it acted.
fn day_of(made_at: &str) -> Option<NaiveDate> {
    chrono::DateTime::parse_from_rfc3339(made_at)
        .ok()
        .map(|t| t.date_naive())
}

pub fn table(conn: &Connection, period: Period) -> Result<Completeness, Problem> {
    let grace = grace_days(conn)?;
    let due = period
        .to
        .checked_add_days(Days::new(grace.into()))
        .unwrap_or(period.to);
    let mut stmt = conn
        .prepare_cached(
            "SELECT office_id, made_at, received_at,
                    (SELECT count(*) FROM report_packages h
                     WHERE h.office_id = p.office_id AND h.period_from = p.period_from
                       AND h.period_to = p.period_to)
             FROM report_packages p
             WHERE period_from = ?1 AND period_to = ?2 AND is_current = 1",
        )
        .map_err(DbError::from)?;
    let sent: std::collections::HashMap<String, (String, String, u32)> = stmt
        .query_map(
            params![period.from.to_string(), period.to.to_string()],
            |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))),
        )
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    let mut rows = Vec::new();
    for office in office::below(conn)? {
        let row = match sent.get(&office.office.id) {
            Some((made_at, received_at, versions)) => Row {
                standing: match day_of(made_at) {
                    Some(d) if d > due => Standing::Late,
                    _ => Standing::OnTime,
                },
                made_at: Some(made_at.clone()),
                received_at: Some(received_at.clone()),
                versions: *versions,
                office,
            },
            None if office.expected => Row {
                office,
                standing: Standing::Missing,
                made_at: None,
                received_at: None,
                versions: 0,
            },
            None => continue,
        };
        rows.push(row);
    }
    // Missing first, then late, then on time; by name within each.
    rows.sort_by_key(|r| match r.standing {
        Standing::Missing => 0,
        Standing::Late => 1,
        Standing::OnTime => 2,
    });
    Ok(Completeness {
        period,
        due,
        grace_days: grace,
        expected: rows.iter().filter(|r| r.office.expected).count() as u32,
        sent: rows
            .iter()
            .filter(|r| r.standing != Standing::Missing)
            .count() as u32,
        rows,
    })
}

/// The periods packages were read for, the latest first.
pub fn periods(conn: &Connection) -> Result<Vec<Period>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT DISTINCT period_from, period_to FROM report_packages
             ORDER BY period_from DESC, period_to DESC",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    Ok(rows
        .into_iter()
        .filter_map(|(f, t)| Period::new(f.parse().ok()?, t.parse().ok()?).ok())
        .collect())
}
