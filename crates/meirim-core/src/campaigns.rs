//! Campaigns and actions («Мектепке жол», a holiday food drive, a clean-up): what the
//! office's aid and volunteer work is grouped under, and their summaries.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::aid::AidUnit;
use crate::check::Checker;
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::reference::Names;
use crate::{clock, text};

const NAME_MAX: usize = 200;
const DESCRIPTION_MAX: usize = 2_000;

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
    pub(crate) fn stored(self) -> &'static str {
        match self {
            CampaignKind::Aid => "aid",
            CampaignKind::School => "school",
            CampaignKind::Holiday => "holiday",
            CampaignKind::Volunteer => "volunteer",
            CampaignKind::Blood => "blood",
            CampaignKind::Cleanup => "cleanup",
            CampaignKind::Other => "other",
        }
    }

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
    /// The name in Kazakh, as the office calls the campaign.
    pub name: String,
    /// The name in Russian, when the office gave one: Russian letters, lists and reports
    /// print it instead of the Kazakh name.
    pub name_ru: Option<String>,
    pub kind: CampaignKind,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub organiser_id: Option<String>,
    pub funding_source_id: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CampaignInput {
    pub name: String,
    #[serde(default)]
    pub name_ru: Option<String>,
    pub kind: CampaignKind,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub organiser_id: Option<String>,
    /// The source its aid is charged to by default.
    pub funding_source_id: Option<String>,
    pub description: Option<String>,
}

/// One aid type's line in a campaign summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AidLine {
    pub aid_type_id: String,
    pub names: Names,
    pub unit: AidUnit,
    pub delivered: u32,
    pub planned: u32,
    /// Thousandths of the unit, delivered only.
    pub quantity_milli: f64,
    /// Whole tenge, delivered only.
    pub value: f64,
}

/// What a campaign achieved: families reached and aid delivered (planned shown apart),
/// value by aid type, volunteers and their hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CampaignSummary {
    pub campaign: Campaign,
    /// Families that received at least one delivered aid.
    pub families_reached: u32,
    pub delivered: u32,
    pub planned: u32,
    pub cancelled: u32,
    /// Whole tenge, delivered only.
    pub total_value: f64,
    /// Whole tenge of the aid planned and not yet handed over.
    pub planned_value: f64,
    pub by_aid_type: Vec<AidLine>,
    pub volunteers: u32,
    pub minutes: f64,
}

const SELECT: &str = "SELECT id, name, kind, starts_on, ends_on, organiser_id, funding_source_id,
                             description, name_ru FROM campaigns";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Campaign> {
    let day = |s: Option<String>| s.and_then(|s| s.parse().ok());
    Ok(Campaign {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: CampaignKind::parse(&r.get::<_, String>(2)?),
        starts_on: day(r.get(3)?),
        ends_on: day(r.get(4)?),
        organiser_id: r.get(5)?,
        funding_source_id: r.get(6)?,
        description: r.get(7)?,
        name_ru: r.get(8)?,
    })
}

impl Campaign {
    /// The name a document in `lang` prints: the Russian one when there is one.
    pub fn name_in(&self, lang: crate::settings::Language) -> &str {
        match (lang, &self.name_ru) {
            (crate::settings::Language::Ru, Some(ru)) if !ru.trim().is_empty() => ru,
            _ => &self.name,
        }
    }

    /// Both names, for whoever picks by language later.
    pub fn names(&self) -> Names {
        Names {
            kk: self.name.clone(),
            ru: self.name_in(crate::settings::Language::Ru).to_owned(),
        }
    }
}

/// Every campaign, the newest first.
pub fn list(conn: &Connection) -> Result<Vec<Campaign>, Problem> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} ORDER BY ifnull(starts_on, substr(created_at, 1, 10)) DESC, name"
        ))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], from_row)
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: &str) -> Result<Campaign, Problem> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()
        .map_err(DbError::from)?
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}

/// Finds a campaign by id or name (spelling-insensitive), for the CLI.
pub fn find(conn: &Connection, key: &str) -> Result<Option<Campaign>, Problem> {
    let folded = text::fold(key);
    Ok(list(conn)?.into_iter().find(|c| {
        c.id == key
            || text::fold(&c.name) == folded
            || c.name_ru
                .as_deref()
                .is_some_and(|r| text::fold(r) == folded)
    }))
}

struct Checked {
    name: String,
    name_ru: Option<String>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    organiser_id: Option<String>,
    funding_source_id: Option<String>,
    description: Option<String>,
}

fn check(conn: &Connection, input: &CampaignInput) -> Result<Checked, Problem> {
    let mut c = Checker::default();
    let name = c.required("name", &input.name, NAME_MAX);
    let name_ru = c.optional("name_ru", input.name_ru.as_deref(), NAME_MAX);
    let starts_on = c.date("starts_on", input.starts_on.as_deref());
    let ends_on = c.date("ends_on", input.ends_on.as_deref());
    if let (Some(s), Some(e)) = (starts_on, ends_on) {
        if e < s {
            c.push(FieldProblem::new("ends_on", ErrorCode::DateBeforeStart));
        }
    }
    let organiser_id = c.chosen(
        conn,
        "organiser_id",
        "organisations",
        input.organiser_id.as_deref(),
    )?;
    let funding_source_id = c.chosen(
        conn,
        "funding_source_id",
        "funding_sources",
        input.funding_source_id.as_deref(),
    )?;
    let description = c.optional("description", input.description.as_deref(), DESCRIPTION_MAX);
    c.finish(Checked {
        name,
        name_ru,
        starts_on,
        ends_on,
        organiser_id,
        funding_source_id,
        description,
    })
}

pub fn create(db: &mut Database, input: &CampaignInput) -> Result<Campaign, Problem> {
    let c = check(db.conn(), input)?;
    let id = clock::new_id();
    db.conn()
        .execute(
            "INSERT INTO campaigns (id, name, kind, starts_on, ends_on, organiser_id,
                                    funding_source_id, description, created_at, updated_at,
                                    name_ru)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
            params![
                id,
                c.name,
                input.kind.stored(),
                c.starts_on.map(|d| d.to_string()),
                c.ends_on.map(|d| d.to_string()),
                c.organiser_id,
                c.funding_source_id,
                c.description,
                clock::now(),
                c.name_ru
            ],
        )
        .map_err(DbError::from)?;
    get(db.conn(), &id)
}

pub fn update(db: &mut Database, id: &str, input: &CampaignInput) -> Result<Campaign, Problem> {
    get(db.conn(), id)?;
    let c = check(db.conn(), input)?;
    db.conn()
        .execute(
            "UPDATE campaigns SET name = ?2, kind = ?3, starts_on = ?4, ends_on = ?5,
                    organiser_id = ?6, funding_source_id = ?7, description = ?8, updated_at = ?9,
                    name_ru = ?10
             WHERE id = ?1",
            params![
                id,
                c.name,
                input.kind.stored(),
                c.starts_on.map(|d| d.to_string()),
                c.ends_on.map(|d| d.to_string()),
                c.organiser_id,
                c.funding_source_id,
                c.description,
                clock::now(),
                c.name_ru
            ],
        )
        .map_err(DbError::from)?;
    get(db.conn(), id)
}

/// A campaign's figures, from its deliveries and volunteer activities.
pub fn summary(conn: &Connection, id: &str) -> Result<CampaignSummary, Problem> {
    let campaign = get(conn, id)?;
    let (families_reached, delivered, planned, cancelled, total_value, planned_value): (
        u32,
        u32,
        u32,
        u32,
        i64,
        i64,
    ) = conn
        .query_row(
            "SELECT count(DISTINCT CASE WHEN status = 'delivered' THEN family_id END),
                    count(*) FILTER (WHERE status = 'delivered'),
                    count(*) FILTER (WHERE status = 'planned'),
                    count(*) FILTER (WHERE status = 'cancelled'),
                    ifnull(sum(value) FILTER (WHERE status = 'delivered'), 0),
                    ifnull(sum(value) FILTER (WHERE status = 'planned'), 0)
             FROM deliveries INDEXED BY deliveries_campaign WHERE campaign_id = ?1",
            [id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .map_err(DbError::from)?;
    let mut stmt = conn
        .prepare_cached(
            "SELECT t.id, t.name_kk, t.name_ru, t.unit,
                    count(*) FILTER (WHERE d.status = 'delivered'),
                    count(*) FILTER (WHERE d.status = 'planned'),
                    ifnull(sum(d.quantity_milli) FILTER (WHERE d.status = 'delivered'), 0),
                    ifnull(sum(d.value) FILTER (WHERE d.status = 'delivered'), 0)
             FROM deliveries d INDEXED BY deliveries_campaign
             CROSS JOIN aid_types t ON t.id = d.aid_type_id
             WHERE d.campaign_id = ?1 AND d.status != 'cancelled'
             GROUP BY t.id ORDER BY t.sort_order, t.name_kk",
        )
        .map_err(DbError::from)?;
    let by_aid_type = stmt
        .query_map([id], |r| {
            Ok(AidLine {
                aid_type_id: r.get(0)?,
                names: Names {
                    kk: r.get(1)?,
                    ru: r.get(2)?,
                },
                unit: AidUnit::parse(&r.get::<_, String>(3)?),
                delivered: r.get(4)?,
                planned: r.get(5)?,
                quantity_milli: r.get::<_, i64>(6)? as f64,
                value: r.get::<_, i64>(7)? as f64,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    // Volunteers who delivered this campaign's aid count as much as those with logged hours.
    // Who delivered is kept on delivery_volunteers itself (campaign, delivered: migration
    // 0011's triggers), so one index answers without visiting the campaign's deliveries.
    let (volunteers, minutes): (u32, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM (
                        SELECT volunteer_id FROM volunteer_activities WHERE campaign_id = ?1
                        UNION
                        SELECT volunteer_id FROM delivery_volunteers
                         WHERE campaign_id = ?1 AND delivered = 1)),
                    (SELECT ifnull(sum(minutes), 0) FROM volunteer_activities
                      WHERE campaign_id = ?1)",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(DbError::from)?;
    Ok(CampaignSummary {
        campaign,
        families_reached,
        delivered,
        planned,
        cancelled,
        total_value: total_value as f64,
        planned_value: planned_value as f64,
        by_aid_type,
        volunteers,
        minutes: minutes as f64,
    })
}
