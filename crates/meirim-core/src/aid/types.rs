//! The catalogue of aid types: seeded from the domain guide, then the office's to edit
//! (names, unit, default value per unit, how often a family may receive it).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::check::Checker;
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::reference::Names;
use crate::{clock, text};

const NAME_MAX: usize = 100;
/// A value per unit above this is a typing slip (a hundred million tenge per kilogram).
pub const UNIT_VALUE_MAX: u64 = 100_000_000;
const RULE_DAYS_MAX: u64 = 3_650;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum AidUnit {
    Tenge,
    Kg,
    T,
    M3,
    Pcs,
    Set,
    Hours,
}

impl AidUnit {
    /// The code as stored and as Fluent ids end («unit-kg»).
    pub fn stored(self) -> &'static str {
        match self {
            AidUnit::Tenge => "tenge",
            AidUnit::Kg => "kg",
            AidUnit::T => "t",
            AidUnit::M3 => "m3",
            AidUnit::Pcs => "pcs",
            AidUnit::Set => "set",
            AidUnit::Hours => "hours",
        }
    }

    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "tenge" => AidUnit::Tenge,
            "kg" => AidUnit::Kg,
            "t" => AidUnit::T,
            "m3" => AidUnit::M3,
            "pcs" => AidUnit::Pcs,
            "hours" => AidUnit::Hours,
            _ => AidUnit::Set,
        }
    }

    /// The Fluent message naming this unit («т», «м³», «₸»).
    pub fn message_id(self) -> &'static str {
        match self {
            AidUnit::Tenge => "unit-tenge",
            AidUnit::Kg => "unit-kg",
            AidUnit::T => "unit-t",
            AidUnit::M3 => "unit-m3",
            AidUnit::Pcs => "unit-pcs",
            AidUnit::Set => "unit-set",
            AidUnit::Hours => "unit-hours",
        }
    }
}

/// How often one family may receive an aid type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    None,
    /// At least `rule_days` days apart.
    Days,
    /// Once per heating season, 1 July to 30 June.
    HeatingSeason,
    /// Once per calendar year.
    Year,
}

impl RuleKind {
    pub(crate) fn stored(self) -> &'static str {
        match self {
            RuleKind::None => "none",
            RuleKind::Days => "days",
            RuleKind::HeatingSeason => "heating-season",
            RuleKind::Year => "year",
        }
    }

    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "days" => RuleKind::Days,
            "heating-season" => RuleKind::HeatingSeason,
            "year" => RuleKind::Year,
            _ => RuleKind::None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AidType {
    pub id: String,
    /// Stable code of a seeded type (`coal`); `None` for the office's own.
    pub code: Option<String>,
    pub names: Names,
    pub unit: AidUnit,
    /// Default value of one unit in tenge; `None` when each delivery is valued by hand.
    pub unit_value: Option<u32>,
    pub rule: RuleKind,
    pub rule_days: Option<u32>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AidTypeInput {
    pub name_kk: String,
    pub name_ru: String,
    pub unit: AidUnit,
    /// As typed: «20 000», «20 000 ₸»; empty for "value each delivery by hand".
    pub unit_value: Option<String>,
    pub rule: RuleKind,
    /// As typed, for `RuleKind::Days`.
    pub rule_days: Option<String>,
}

pub(crate) const AID_TYPE_SELECT: &str =
    "SELECT id, code, name_kk, name_ru, unit, unit_value, rule, rule_days, active FROM aid_types";

pub(crate) fn aid_type_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AidType> {
    Ok(AidType {
        id: r.get(0)?,
        code: r.get(1)?,
        names: Names {
            kk: r.get(2)?,
            ru: r.get(3)?,
        },
        unit: AidUnit::parse(&r.get::<_, String>(4)?),
        unit_value: r.get(5)?,
        rule: RuleKind::parse(&r.get::<_, String>(6)?),
        rule_days: r.get(7)?,
        active: r.get(8)?,
    })
}

/// Every aid type, hidden ones too, in the catalogue's order.
pub fn list(conn: &Connection) -> Result<Vec<AidType>, Problem> {
    let mut stmt = conn
        .prepare_cached(&format!("{AID_TYPE_SELECT} ORDER BY sort_order, name_kk"))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], aid_type_from_row)
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: &str) -> Result<AidType, Problem> {
    conn.query_row(
        &format!("{AID_TYPE_SELECT} WHERE id = ?1"),
        [id],
        aid_type_from_row,
    )
    .optional()
    .map_err(DbError::from)?
    .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}

/// Finds an aid type by id, code or name in either language (for the CLI).
pub fn find(conn: &Connection, key: &str) -> Result<Option<AidType>, Problem> {
    let folded = text::fold(key);
    Ok(list(conn)?.into_iter().find(|t| {
        t.id == key
            || t.code.as_deref() == Some(key)
            || text::fold(&t.names.kk) == folded
            || text::fold(&t.names.ru) == folded
    }))
}

struct Checked {
    kk: String,
    ru: String,
    unit_value: Option<u32>,
    rule_days: Option<u32>,
}

fn check(conn: &Connection, input: &AidTypeInput, own: Option<&str>) -> Result<Checked, Problem> {
    let taken: Vec<String> = list(conn)?
        .into_iter()
        .filter(|t| Some(t.id.as_str()) != own)
        .flat_map(|t| [text::fold(&t.names.kk), text::fold(&t.names.ru)])
        .collect();
    let mut c = Checker::default();
    let (kk, ru) = c.unique_names(
        &input.name_kk,
        &input.name_ru,
        NAME_MAX,
        &taken,
        ErrorCode::AidTypeExists,
    );
    let unit_value = c
        .tenge("unit_value", input.unit_value.as_deref(), UNIT_VALUE_MAX)
        .and_then(|n| u32::try_from(n).ok());
    let rule_days = match input.rule {
        RuleKind::Days => match text::tidy_opt(input.rule_days.as_deref()) {
            None => {
                c.push(FieldProblem::new("rule_days", ErrorCode::Required));
                None
            }
            Some(raw) => match raw.parse::<u64>() {
                Ok(n) if (1..=RULE_DAYS_MAX).contains(&n) => u32::try_from(n).ok(),
                _ => {
                    c.push(
                        FieldProblem::new("rule_days", ErrorCode::DaysInvalid)
                            .with("value", raw)
                            .with("max", RULE_DAYS_MAX),
                    );
                    None
                }
            },
        },
        _ => None,
    };
    c.finish(Checked {
        kk,
        ru,
        unit_value,
        rule_days,
    })
}

/// Adds the office's own aid type at the end of the catalogue.
pub fn add(db: &mut Database, input: &AidTypeInput) -> Result<AidType, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let c = check(&tx, input, None)?;
    let id = clock::new_id();
    tx.execute(
        "INSERT INTO aid_types (id, code, name_kk, name_ru, unit, unit_value, rule, rule_days,
                                sort_order, active, created_at, updated_at)
         VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?6, ?7,
                 (SELECT ifnull(max(sort_order), 0) + 1 FROM aid_types), 1, ?8, ?8)",
        params![
            id,
            c.kk,
            c.ru,
            input.unit.stored(),
            c.unit_value,
            input.rule.stored(),
            c.rule_days,
            clock::now()
        ],
    )
    .map_err(DbError::from)?;
    tx.commit().map_err(DbError::from)?;
    get(db.conn(), &id)
}

/// Changes an aid type. Deliveries already recorded keep their quantity and value.
pub fn update(db: &mut Database, id: &str, input: &AidTypeInput) -> Result<AidType, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    get(&tx, id)?;
    let c = check(&tx, input, Some(id))?;
    tx.execute(
        "UPDATE aid_types SET name_kk = ?2, name_ru = ?3, unit = ?4, unit_value = ?5, rule = ?6,
                rule_days = ?7, updated_at = ?8
         WHERE id = ?1",
        params![
            id,
            c.kk,
            c.ru,
            input.unit.stored(),
            c.unit_value,
            input.rule.stored(),
            c.rule_days,
            clock::now()
        ],
    )
    .map_err(DbError::from)?;
    tx.commit().map_err(DbError::from)?;
    get(db.conn(), id)
}

/// Hides an aid type from the forms or offers it again; recorded aid keeps it.
pub fn set_active(db: &mut Database, id: &str, active: bool) -> Result<(), Problem> {
    crate::reference::set_active(db.conn(), "aid_types", id, active)
}
