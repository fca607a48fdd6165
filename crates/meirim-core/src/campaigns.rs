//! Campaigns and actions («Мектепке жол», a holiday food drive, a clean-up): what the
//! office's aid and volunteer work is grouped under.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::db::DbError;
use crate::problem::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum CampaignKind {
    Aid,
    School,
    Holiday,
    Volunteer,
    Blood,
    Cleanup,
    Other,
}

impl CampaignKind {
    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "aid" => CampaignKind::Aid,
            "school" => CampaignKind::School,
            "holiday" => CampaignKind::Holiday,
            "volunteer" => CampaignKind::Volunteer,
            "blood" => CampaignKind::Blood,
            "cleanup" => CampaignKind::Cleanup,
            _ => CampaignKind::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub kind: CampaignKind,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub organiser_id: Option<String>,
    pub funding_source_id: Option<String>,
    pub description: Option<String>,
}

/// Every campaign, the newest first.
pub fn list(conn: &Connection) -> Result<Vec<Campaign>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, name, kind, starts_on, ends_on, organiser_id, funding_source_id,
                    description
             FROM campaigns ORDER BY ifnull(starts_on, created_at) DESC, name",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Campaign {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: CampaignKind::parse(&r.get::<_, String>(2)?),
                starts_on: r.get(3)?,
                ends_on: r.get(4)?,
                organiser_id: r.get(5)?,
                funding_source_id: r.get(6)?,
                description: r.get(7)?,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}
