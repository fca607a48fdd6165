//! Where aid comes from: the local budget, sponsors, NGOs, grants. A source may carry a
//! budget, so that what was spent from it can be set against it.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::check::Checker;
use crate::clock;
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, Problem};
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
    /// Delivered and planned aid charged to this source, whole tenge; counted only for a
    /// source with a budget (summing the local budget's million deliveries on every form
    /// that lists sources would cost a second each time).
    pub spent: f64,
    pub active: bool,
}

/// Every source in the forms' order, with what has been spent from each that has a budget.
pub fn list(conn: &Connection) -> Result<Vec<FundingSource>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT s.id, s.code, s.kind, s.name_kk, s.name_ru, s.organisation_id, s.budget,
                    CASE WHEN s.budget IS NULL THEN 0 ELSE
                      (SELECT ifnull(sum(d.value), 0) FROM deliveries d
                        WHERE d.funding_source_id = s.id AND d.status != 'cancelled') END,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FundingSourceInput {
    pub kind: SourceKind,
    pub name_kk: String,
    pub name_ru: String,
    pub organisation_id: Option<String>,
    /// As typed: «4 500 000 ₸»; empty for a source without a budget.
    pub budget: Option<String>,
}

const NAME_MAX: usize = 200;
/// Ten billion tenge: more than any source of a district office.
const BUDGET_MAX: u64 = 10_000_000_000;

impl SourceKind {
    fn stored(self) -> &'static str {
        match self {
            SourceKind::Budget => "budget",
            SourceKind::Sponsor => "sponsor",
            SourceKind::Ngo => "ngo",
            SourceKind::Grant => "grant",
            SourceKind::Other => "other",
        }
    }
}

struct Valid {
    kk: String,
    ru: String,
    organisation_id: Option<String>,
    budget: Option<i64>,
}

fn validate(conn: &Connection, input: &FundingSourceInput) -> Result<Valid, Problem> {
    let mut c = Checker::default();
    let kk = c.required("name_kk", &input.name_kk, NAME_MAX);
    let ru = c.required("name_ru", &input.name_ru, NAME_MAX);
    let organisation_id = c.chosen(
        conn,
        "organisation_id",
        "organisations",
        input.organisation_id.as_deref(),
    )?;
    let budget = c
        .tenge("budget", input.budget.as_deref(), BUDGET_MAX)
        .and_then(|b| i64::try_from(b).ok());
    c.finish(Valid {
        kk,
        ru,
        organisation_id,
        budget,
    })
}

fn by_id(conn: &Connection, id: &str) -> Result<FundingSource, Problem> {
    list(conn)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}

/// Adds a source (a sponsor, a grant with its budget) at the end of the list.
pub fn create(db: &mut Database, input: &FundingSourceInput) -> Result<FundingSource, Problem> {
    let v = validate(db.conn(), input)?;
    let id = clock::new_id();
    db.conn()
        .execute(
            "INSERT INTO funding_sources (id, code, kind, name_kk, name_ru, organisation_id, budget,
                                          sort_order, active, created_at, updated_at)
             VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?6,
                     (SELECT ifnull(max(sort_order), 0) + 1 FROM funding_sources), 1, ?7, ?7)",
            params![
                id,
                input.kind.stored(),
                v.kk,
                v.ru,
                v.organisation_id,
                v.budget,
                clock::now()
            ],
        )
        .map_err(DbError::from)?;
    by_id(db.conn(), &id)
}

pub fn update(
    db: &mut Database,
    id: &str,
    input: &FundingSourceInput,
) -> Result<FundingSource, Problem> {
    by_id(db.conn(), id)?;
    let v = validate(db.conn(), input)?;
    db.conn()
        .execute(
            "UPDATE funding_sources SET kind = ?2, name_kk = ?3, name_ru = ?4, organisation_id = ?5,
                    budget = ?6, updated_at = ?7
             WHERE id = ?1",
            params![
                id,
                input.kind.stored(),
                v.kk,
                v.ru,
                v.organisation_id,
                v.budget,
                clock::now()
            ],
        )
        .map_err(DbError::from)?;
    by_id(db.conn(), id)
}
