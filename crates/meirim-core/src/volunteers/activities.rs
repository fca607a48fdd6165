//! What volunteers did: a delivery, cleaning a veteran's home, an event, giving blood,
//! planting trees — with the day, the campaign and the hours, which the volunteer's page
//! and the campaign summary total.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::ADULT_AGE;
use crate::check::Checker;
use crate::db::{Database, DbError};
use crate::family::age_on;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{clock, money};

const NOTES_MAX: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ActivityKind {
    Delivery,
    Cleaning,
    Event,
    BloodDonation,
    TreePlanting,
    Other,
}

impl ActivityKind {
    fn stored(self) -> &'static str {
        match self {
            ActivityKind::Delivery => "delivery",
            ActivityKind::Cleaning => "cleaning",
            ActivityKind::Event => "event",
            ActivityKind::BloodDonation => "blood-donation",
            ActivityKind::TreePlanting => "tree-planting",
            ActivityKind::Other => "other",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "delivery" => ActivityKind::Delivery,
            "cleaning" => ActivityKind::Cleaning,
            "event" => ActivityKind::Event,
            "blood-donation" => ActivityKind::BloodDonation,
            "tree-planting" => ActivityKind::TreePlanting,
            _ => ActivityKind::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VolunteerActivity {
    pub id: String,
    pub volunteer_id: String,
    pub volunteer_name: String,
    pub on_date: NaiveDate,
    pub campaign_id: Option<String>,
    pub campaign_name: Option<String>,
    pub kind: ActivityKind,
    pub minutes: u32,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActivityInput {
    pub volunteer_id: String,
    /// Empty means today.
    pub on_date: Option<String>,
    pub campaign_id: Option<String>,
    pub kind: Option<ActivityKind>,
    /// «2,5» hours.
    pub hours: String,
    pub notes: Option<String>,
}

/// Logs an activity. A volunteer under 18 cannot be logged as giving blood.
pub fn log(db: &mut Database, input: &ActivityInput) -> Result<VolunteerActivity, Problem> {
    let volunteer = super::get(db.conn(), &input.volunteer_id)?;
    let mut c = Checker::default();
    let today = crate::clock::today();
    let on = c
        .not_future("on_date", input.on_date.as_deref())
        .unwrap_or(today);
    let kind = input.kind.unwrap_or(ActivityKind::Other);
    if input.kind.is_none() {
        c.push(FieldProblem::new("kind", ErrorCode::Required));
    }
    // Hours as typed, kept as whole minutes.
    let minutes = match money::parse_quantity(&input.hours) {
        Some(milli) if milli > 0 && milli <= 24_000 => {
            u32::try_from(milli * 60 / 1000).unwrap_or(0).max(1)
        }
        _ => {
            c.push(
                FieldProblem::new("hours", ErrorCode::HoursInvalid)
                    .with("value", input.hours.trim()),
            );
            0
        }
    };
    let campaign_id = c.chosen(
        db.conn(),
        "campaign_id",
        "campaigns",
        input.campaign_id.as_deref(),
    )?;
    let notes = c.optional("notes", input.notes.as_deref(), NOTES_MAX);
    if kind == ActivityKind::BloodDonation {
        if let Some(age) = volunteer.birth_date.map(|b| age_on(b, on)) {
            if age < ADULT_AGE {
                c.push(
                    FieldProblem::new("kind", ErrorCode::VolunteerTooYoung)
                        .with("age", age)
                        .with("min", ADULT_AGE),
                );
            }
        }
    }
    c.finish(())?;
    let id = clock::new_id();
    db.conn()
        .execute(
            "INSERT INTO volunteer_activities (id, volunteer_id, on_date, campaign_id, kind, minutes,
                                               notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id,
                input.volunteer_id,
                on.to_string(),
                campaign_id,
                kind.stored(),
                minutes,
                notes,
                clock::now()
            ],
        )
        .map_err(DbError::from)?;
    list(db.conn(), Some(&input.volunteer_id), None)?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", &id))
}

/// Activities of one volunteer or one campaign (or both), newest first.
pub fn list(
    conn: &Connection,
    volunteer_id: Option<&str>,
    campaign_id: Option<&str>,
) -> Result<Vec<VolunteerActivity>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT a.id, a.volunteer_id, v.surname || ' ' || v.name, a.on_date, a.campaign_id,
                    c.name, a.kind, a.minutes, a.notes
             FROM volunteer_activities a
             JOIN volunteers v ON v.id = a.volunteer_id
             LEFT JOIN campaigns c ON c.id = a.campaign_id
             WHERE (?1 IS NULL OR a.volunteer_id = ?1) AND (?2 IS NULL OR a.campaign_id = ?2)
             ORDER BY a.on_date DESC, a.created_at DESC",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map(params![volunteer_id, campaign_id], |r| {
            Ok(VolunteerActivity {
                id: r.get(0)?,
                volunteer_id: r.get(1)?,
                volunteer_name: r.get(2)?,
                on_date: r.get::<_, String>(3)?.parse().unwrap_or(NaiveDate::MIN),
                campaign_id: r.get(4)?,
                campaign_name: r.get(5)?,
                kind: ActivityKind::parse(&r.get::<_, String>(6)?),
                minutes: r.get(7)?,
                notes: r.get(8)?,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}
