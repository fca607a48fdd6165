//! Volunteers: who they are (many are civil servants), their organisation, and the limits
//! of the volunteer law («Волонтерлік қызмет туралы», 2016) that depend on age: under 14
//! only with a parent's written consent, under 18 not for blood donation.

pub mod activities;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::db::{Database, DbError};
use crate::family::age_on;
use crate::family::validate::iin_problem;
use crate::iin::Iin;
use crate::person::Sex;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{clock, date, phone, text};

pub use activities::{ActivityInput, ActivityKind, VolunteerActivity};

const NAME_MAX: usize = 100;
const TEXT_MAX: usize = 200;
const NOTES_MAX: usize = 2_000;
/// Under this age a volunteer needs a parent's written consent.
pub const CONSENT_AGE: u32 = 14;
/// Under this age a volunteer may not give blood.
pub const ADULT_AGE: u32 = 18;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Volunteer {
    pub id: String,
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub birth_date: Option<NaiveDate>,
    /// Age today, from the birth date.
    pub age: Option<u32>,
    pub sex: Option<Sex>,
    pub iin: Option<String>,
    pub phone: Option<String>,
    pub organisation_id: Option<String>,
    pub organisation_name: Option<String>,
    pub civil_servant: bool,
    pub agency: Option<String>,
    pub position: Option<String>,
    pub joined_on: Option<NaiveDate>,
    pub parental_consent: bool,
    pub notes: Option<String>,
    pub active: bool,
    /// Logged activities and their total time.
    pub activities: u32,
    pub minutes: u32,
}

impl Volunteer {
    pub fn full_name(&self) -> String {
        [
            Some(self.surname.as_str()),
            Some(self.name.as_str()),
            self.patronymic.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VolunteerInput {
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub birth_date: Option<String>,
    pub sex: Option<Sex>,
    pub iin: Option<String>,
    pub phone: Option<String>,
    pub organisation_id: Option<String>,
    pub civil_servant: bool,
    pub agency: Option<String>,
    pub position: Option<String>,
    pub joined_on: Option<String>,
    pub parental_consent: bool,
    pub notes: Option<String>,
}

struct Valid {
    surname: String,
    name: String,
    patronymic: Option<String>,
    birth_date: Option<NaiveDate>,
    iin: Option<String>,
    phone: Option<String>,
    organisation_id: Option<String>,
    agency: Option<String>,
    position: Option<String>,
    joined_on: Option<NaiveDate>,
    notes: Option<String>,
}

fn text_field(
    field: &str,
    value: Option<&str>,
    max: usize,
    required: bool,
    problems: &mut Vec<FieldProblem>,
) -> Option<String> {
    let v = text::tidy_opt(value);
    match &v {
        None if required => problems.push(FieldProblem::new(field, ErrorCode::Required)),
        Some(s) if s.chars().count() > max => problems.push(
            FieldProblem::new(field, ErrorCode::TooLong)
                .with("max", max)
                .with("length", s.chars().count()),
        ),
        _ => {}
    }
    v
}

fn day(field: &str, raw: Option<&str>, problems: &mut Vec<FieldProblem>) -> Option<NaiveDate> {
    let raw = text::tidy_opt(raw)?;
    match date::parse(&raw) {
        Some(d) if d > chrono::Local::now().date_naive() => {
            problems.push(FieldProblem::new(field, ErrorCode::DateInFuture));
            None
        }
        Some(d) => Some(d),
        None => {
            problems.push(FieldProblem::new(field, ErrorCode::InvalidDate).with("value", raw));
            None
        }
    }
}

fn validate(
    conn: &Connection,
    input: &VolunteerInput,
    own: Option<&str>,
) -> Result<Valid, Problem> {
    let mut problems = Vec::new();
    let surname = text_field(
        "surname",
        Some(&input.surname),
        NAME_MAX,
        true,
        &mut problems,
    );
    let name = text_field("name", Some(&input.name), NAME_MAX, true, &mut problems);
    let patronymic = text_field(
        "patronymic",
        input.patronymic.as_deref(),
        NAME_MAX,
        false,
        &mut problems,
    );
    let birth_date = day("birth_date", input.birth_date.as_deref(), &mut problems);
    let iin = match text::tidy_opt(input.iin.as_deref()) {
        None => None,
        Some(raw) => match Iin::parse(&raw) {
            Ok(i) => Some(i.as_str().to_owned()),
            Err(e) => {
                problems.push(iin_problem("iin", &e));
                None
            }
        },
    };
    if let Some(i) = &iin {
        let taken: Option<String> = conn
            .query_row(
                "SELECT surname || ' ' || name FROM volunteers WHERE iin = ?1 AND id IS NOT ?2",
                params![i, own],
                |r| r.get(0),
            )
            .optional()
            .map_err(DbError::from)?;
        if let Some(who) = taken {
            problems.push(FieldProblem::new("iin", ErrorCode::VolunteerIinTaken).with("name", who));
        }
    }
    let phone = match text::tidy_opt(input.phone.as_deref()) {
        None => None,
        Some(raw) => match phone::normalize(&raw) {
            Some(p) => Some(p),
            None => {
                problems
                    .push(FieldProblem::new("phone", ErrorCode::PhoneInvalid).with("value", raw));
                None
            }
        },
    };
    let organisation_id = text::tidy_opt(input.organisation_id.as_deref());
    if let Some(o) = &organisation_id {
        let ok = conn
            .query_row("SELECT 1 FROM organisations WHERE id = ?1", [o], |_| Ok(()))
            .optional()
            .map_err(DbError::from)?
            .is_some();
        if !ok {
            problems.push(FieldProblem::new(
                "organisation_id",
                ErrorCode::ChoiceMissing,
            ));
        }
    }
    let agency = text_field(
        "agency",
        input.agency.as_deref(),
        TEXT_MAX,
        input.civil_servant,
        &mut problems,
    );
    let position = text_field(
        "position",
        input.position.as_deref(),
        TEXT_MAX,
        false,
        &mut problems,
    );
    let joined_on = day("joined_on", input.joined_on.as_deref(), &mut problems);
    let notes = text_field(
        "notes",
        input.notes.as_deref(),
        NOTES_MAX,
        false,
        &mut problems,
    );
    if let Some(b) = birth_date {
        let age = age_on(b, chrono::Local::now().date_naive());
        if age < CONSENT_AGE && !input.parental_consent {
            problems.push(
                FieldProblem::new("parental_consent", ErrorCode::VolunteerNeedsConsent)
                    .with("age", age)
                    .with("min", CONSENT_AGE),
            );
        }
    }
    match (surname, name) {
        (Some(surname), Some(name)) if problems.is_empty() => Ok(Valid {
            surname,
            name,
            patronymic,
            birth_date,
            iin,
            phone,
            organisation_id,
            agency: if input.civil_servant { agency } else { None },
            position: if input.civil_servant { position } else { None },
            joined_on,
            notes,
        }),
        _ => Err(Problem::validation(problems)),
    }
}

fn write(
    db: &mut Database,
    id: &str,
    input: &VolunteerInput,
    v: &Valid,
    new: bool,
) -> Result<(), Problem> {
    let full = [
        Some(v.surname.as_str()),
        Some(v.name.as_str()),
        v.patronymic.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let now = clock::now();
    let sql = if new {
        "INSERT INTO volunteers (id, surname, name, patronymic, sort_key, search_key, birth_date,
                                 sex, iin, phone, organisation_id, civil_servant, agency, position,
                                 joined_on, parental_consent, notes, active, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 1,
                 ?18, ?18)"
    } else {
        "UPDATE volunteers SET surname = ?2, name = ?3, patronymic = ?4, sort_key = ?5,
                search_key = ?6, birth_date = ?7, sex = ?8, iin = ?9, phone = ?10,
                organisation_id = ?11, civil_servant = ?12, agency = ?13, position = ?14,
                joined_on = ?15, parental_consent = ?16, notes = ?17, updated_at = ?18
         WHERE id = ?1"
    };
    db.conn()
        .execute(
            sql,
            params![
                id,
                v.surname,
                v.name,
                v.patronymic,
                text::sort_key(&full),
                text::fold(&full),
                v.birth_date.map(|d| d.to_string()),
                input.sex.map(Sex::as_str),
                v.iin,
                v.phone,
                v.organisation_id,
                input.civil_servant,
                v.agency,
                v.position,
                v.joined_on.map(|d| d.to_string()),
                input.parental_consent,
                v.notes,
                now
            ],
        )
        .map_err(DbError::from)?;
    Ok(())
}

pub fn create(db: &mut Database, input: &VolunteerInput) -> Result<Volunteer, Problem> {
    let v = validate(db.conn(), input, None)?;
    let id = clock::new_id();
    write(db, &id, input, &v, true)?;
    get(db.conn(), &id)
}

pub fn update(db: &mut Database, id: &str, input: &VolunteerInput) -> Result<Volunteer, Problem> {
    get(db.conn(), id)?;
    let v = validate(db.conn(), input, Some(id))?;
    write(db, id, input, &v, false)?;
    get(db.conn(), id)
}

const SELECT: &str = "
    SELECT v.id, v.surname, v.name, v.patronymic, v.birth_date, v.sex, v.iin, v.phone,
           v.organisation_id, o.name_kk, v.civil_servant, v.agency, v.position, v.joined_on,
           v.parental_consent, v.notes, v.active,
           (SELECT count(*) FROM volunteer_activities a WHERE a.volunteer_id = v.id),
           (SELECT ifnull(sum(minutes), 0) FROM volunteer_activities a WHERE a.volunteer_id = v.id)
    FROM volunteers v LEFT JOIN organisations o ON o.id = v.organisation_id";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Volunteer> {
    let day = |s: Option<String>| s.and_then(|s| s.parse::<NaiveDate>().ok());
    let birth_date = day(r.get(4)?);
    Ok(Volunteer {
        id: r.get(0)?,
        surname: r.get(1)?,
        name: r.get(2)?,
        patronymic: r.get(3)?,
        birth_date,
        age: birth_date.map(|b| age_on(b, chrono::Local::now().date_naive())),
        sex: r
            .get::<_, Option<String>>(5)?
            .as_deref()
            .and_then(Sex::parse),
        iin: r.get(6)?,
        phone: r.get(7)?,
        organisation_id: r.get(8)?,
        organisation_name: r.get(9)?,
        civil_servant: r.get(10)?,
        agency: r.get(11)?,
        position: r.get(12)?,
        joined_on: day(r.get(13)?),
        parental_consent: r.get(14)?,
        notes: r.get(15)?,
        active: r.get(16)?,
        activities: r.get(17)?,
        minutes: r.get(18)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Volunteer, Problem> {
    conn.query_row(&format!("{SELECT} WHERE v.id = ?1"), [id], from_row)
        .optional()
        .map_err(DbError::from)?
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}

/// Volunteers in alphabetical order; `text` filters by any part of the name, any spelling.
pub fn list(conn: &Connection, text_filter: &str) -> Result<Vec<Volunteer>, Problem> {
    let key = text::like_escape(&text::fold(text_filter));
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE v.search_key LIKE '%' || ?1 || '%' ESCAPE '\\' ORDER BY v.sort_key"
        ))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([key], from_row)
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}
