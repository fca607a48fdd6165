//! Where aid comes from: the local budget, sponsors, NGOs, grants. A source may carry a
//! budget, so that what was spent from it can be set against it.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::db::DbError;
use crate::problem::Problem;
use crate::reference::Names;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Budget,
    Sponsor,
    Ngo,
    Grant,
    Other,
}

impl SourceKind {
    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "budget" => SourceKind::Budget,
            "sponsor" => SourceKind::Sponsor,
            "ngo" => SourceKind::Ngo,
            "grant" => SourceKind::Grant,
            _ => SourceKind::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FundingSource {
    pub id: String,
    pub code: Option<String>,
    pub kind: SourceKind,
    pub names: Names,
    pub organisation_id: Option<String>,
    /// Whole tenge, when the source has a budget. (`f64`: exact far beyond any budget, and
    /// a plain number on the UI side.)
    pub budget: Option<f64>,
    /// Delivered and planned aid charged to this source, whole tenge.
    pub spent: f64,
    pub active: bool,
}

/// Every source in the forms' order, with what has been spent from each.
pub fn list(conn: &Connection) -> Result<Vec<FundingSource>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT s.id, s.code, s.kind, s.name_kk, s.name_ru, s.organisation_id, s.budget,
                    (SELECT ifnull(sum(d.value), 0) FROM deliveries d
                      WHERE d.funding_source_id = s.id AND d.status != 'cancelled'),
                    s.active
             FROM funding_sources s ORDER BY s.sort_order, s.name_kk",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(FundingSource {
                id: r.get(0)?,
                code: r.get(1)?,
                kind: SourceKind::parse(&r.get::<_, String>(2)?),
                names: Names {
                    kk: r.get(3)?,
                    ru: r.get(4)?,
                },
                organisation_id: r.get(5)?,
                budget: r.get::<_, Option<i64>>(6)?.map(|b| b as f64),
                spent: r.get::<_, i64>(7)? as f64,
                active: r.get(8)?,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}
