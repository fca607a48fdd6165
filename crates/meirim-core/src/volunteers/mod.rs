//! Volunteers: who they are (many are civil servants), their organisation, and the limits
//! of the volunteer law («Волонтерлік қызмет туралы», 2016) that depend on age: under 14
//! only with a parent's written consent, under 18 not for blood donation.

pub mod activities;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::audit::AuditAction;
use crate::check::Checker;
use crate::db::{Database, DbError};
use crate::family::age_on;
use crate::person::Sex;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{clock, text};

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
        crate::family::full_name(&self.surname, &self.name, self.patronymic.as_deref())
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

fn validate(
    conn: &Connection,
    input: &VolunteerInput,
    own: Option<&str>,
) -> Result<Valid, Problem> {
    let mut c = Checker::default();
    let surname = c
        .person_name("surname", Some(&input.surname), true, NAME_MAX)
        .unwrap_or_default();
    let name = c
        .person_name("name", Some(&input.name), true, NAME_MAX)
        .unwrap_or_default();
    let patronymic = c.person_name("patronymic", input.patronymic.as_deref(), false, NAME_MAX);
    let birth_date = c.not_future("birth_date", input.birth_date.as_deref());
    let iin = c
        .iin("iin", input.iin.as_deref())
        .map(|i| i.as_str().to_owned());
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
            c.push(FieldProblem::new("iin", ErrorCode::VolunteerIinTaken).with("name", who));
        }
    }
    let phone = c.phone("phone", input.phone.as_deref());
    let organisation_id = c.chosen(
        conn,
        "organisation_id",
        "organisations",
        input.organisation_id.as_deref(),
    )?;
    // Reports count civil servants by agency, so theirs is asked for.
    let agency = if input.civil_servant {
        Some(c.required("agency", input.agency.as_deref().unwrap_or(""), TEXT_MAX))
    } else {
        c.optional("agency", input.agency.as_deref(), TEXT_MAX)
    };
    let position = c.optional("position", input.position.as_deref(), TEXT_MAX);
    let joined_on = c.not_future("joined_on", input.joined_on.as_deref());
    let notes = c.optional("notes", input.notes.as_deref(), NOTES_MAX);
    if let Some(b) = birth_date {
        let age = age_on(b, crate::clock::today());
        if age < CONSENT_AGE && !input.parental_consent {
            c.push(
                FieldProblem::new("parental_consent", ErrorCode::VolunteerNeedsConsent)
                    .with("age", age)
                    .with("min", CONSENT_AGE),
            );
        }
    }
    c.finish(Valid {
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
    })
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
                joined_on = ?15, parental_consent = ?16, notes = ?17, updated_at = ?18,
                -- A corrected dative belongs to the name it was made for: a renamed
                -- volunteer gets a freshly computed one.
                dative_kk = CASE WHEN surname = ?2 AND name = ?3 AND patronymic IS ?4
                                 THEN dative_kk END,
                dative_ru = CASE WHEN surname = ?2 AND name = ?3 AND patronymic IS ?4
                                 AND sex IS ?8 THEN dative_ru END
         WHERE id = ?1"
    };
    // The record and its audit entry together: a volunteer is personal data too.
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    tx.execute(
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
    let (action, summary) = if new {
        (AuditAction::VolunteerAdded, format!("{full} ({id})"))
    } else {
        (AuditAction::VolunteerChanged, format!("{full} ({id})"))
    };
    crate::audit::record_event(&tx, None, action, &summary)?;
    tx.commit().map_err(DbError::from)?;
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
        age: birth_date.map(|b| age_on(b, crate::clock::today())),
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
