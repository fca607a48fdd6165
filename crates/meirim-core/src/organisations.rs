//! Organisations the office works with: volunteer organisations, NGOs, sponsors, state
//! bodies. A BIN is checked like an IIN (same check digit) and by its fifth digit, which
//! for a legal entity is 4, 5 or 6.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::check::Checker;
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{clock, iin, text};

const NAME_MAX: usize = 200;
const TEXT_MAX: usize = 200;
const NOTES_MAX: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum OrganisationKind {
    Volunteer,
    Ngo,
    Sponsor,
    State,
    Business,
    Other,
}

impl OrganisationKind {
    fn stored(self) -> &'static str {
        match self {
            OrganisationKind::Volunteer => "volunteer",
            OrganisationKind::Ngo => "ngo",
            OrganisationKind::Sponsor => "sponsor",
            OrganisationKind::State => "state",
            OrganisationKind::Business => "business",
            OrganisationKind::Other => "other",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "volunteer" => OrganisationKind::Volunteer,
            "ngo" => OrganisationKind::Ngo,
            "sponsor" => OrganisationKind::Sponsor,
            "state" => OrganisationKind::State,
            "business" => OrganisationKind::Business,
            _ => OrganisationKind::Other,
        }
    }
}

/// Why a BIN is refused; also the variant of its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinError {
    Length,
    NotDigits,
    Checksum,
    NotAnEntity,
}

impl BinError {
    fn code(self) -> &'static str {
        match self {
            BinError::Length => "length",
            BinError::NotDigits => "digits",
            BinError::Checksum => "checksum",
            BinError::NotAnEntity => "type",
        }
    }
}

/// A BIN: 12 digits, the fifth 4–6 (a legal entity), the IIN's check digit last.
pub fn check_bin(input: &str) -> Result<String, BinError> {
    let s = input.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(BinError::NotDigits);
    }
    if s.len() != 12 {
        return Err(BinError::Length);
    }
    let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
    if !(4..=6).contains(&d[4]) {
        return Err(BinError::NotAnEntity);
    }
    match iin::check_digit(&d[..11]) {
        Some(c) if c == d[11] => Ok(s.to_owned()),
        _ => Err(BinError::Checksum),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Organisation {
    pub id: String,
    pub kind: OrganisationKind,
    pub name_kk: String,
    pub name_ru: String,
    pub bin: Option<String>,
    pub contact_person: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub active: bool,
    /// Volunteers who belong to it.
    pub volunteers: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrganisationInput {
    pub kind: OrganisationKind,
    pub name_kk: String,
    /// Empty means the same as the Kazakh name (most organisations have one name).
    pub name_ru: Option<String>,
    pub bin: Option<String>,
    pub contact_person: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

const SELECT: &str = "SELECT o.id, o.kind, o.name_kk, o.name_ru, o.bin, o.contact_person,
                             o.phone, o.notes, o.active,
                             (SELECT count(*) FROM volunteers v WHERE v.organisation_id = o.id)
                      FROM organisations o";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: r.get(0)?,
        kind: OrganisationKind::parse(&r.get::<_, String>(1)?),
        name_kk: r.get(2)?,
        name_ru: r.get(3)?,
        bin: r.get(4)?,
        contact_person: r.get(5)?,
        phone: r.get(6)?,
        notes: r.get(7)?,
        active: r.get(8)?,
        volunteers: r.get(9)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Organisation>, Problem> {
    let mut stmt = conn
        .prepare_cached(&format!("{SELECT} ORDER BY o.name_key"))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], from_row)
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: &str) -> Result<Organisation, Problem> {
    conn.query_row(&format!("{SELECT} WHERE o.id = ?1"), [id], from_row)
        .optional()
        .map_err(DbError::from)?
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}

struct Valid {
    name_kk: String,
    name_ru: String,
    bin: Option<String>,
    contact_person: Option<String>,
    phone: Option<String>,
    notes: Option<String>,
}

fn validate(
    conn: &Connection,
    input: &OrganisationInput,
    own: Option<&str>,
) -> Result<Valid, Problem> {
    let mut c = Checker::default();
    let name_kk = c.required("name_kk", &input.name_kk, NAME_MAX);
    let name_ru = c
        .optional("name_ru", input.name_ru.as_deref(), NAME_MAX)
        .unwrap_or_else(|| name_kk.clone());
    let bin = match text::tidy_opt(input.bin.as_deref()) {
        None => None,
        Some(raw) => match check_bin(&raw) {
            Ok(b) => Some(b),
            Err(e) => {
                c.push(
                    FieldProblem::new("bin", ErrorCode::BinInvalid)
                        .with("reason", e.code())
                        .with("value", raw),
                );
                None
            }
        },
    };
    if let Some(b) = &bin {
        let taken: Option<String> = conn
            .query_row(
                "SELECT name_kk FROM organisations WHERE bin = ?1 AND id IS NOT ?2",
                params![b, own],
                |r| r.get(0),
            )
            .optional()
            .map_err(DbError::from)?;
        if let Some(name) = taken {
            c.push(FieldProblem::new("bin", ErrorCode::BinTaken).with("name", name));
        }
    }
    let phone = c.phone("phone", input.phone.as_deref());
    let contact_person = c.optional("contact_person", input.contact_person.as_deref(), TEXT_MAX);
    let notes = c.optional("notes", input.notes.as_deref(), NOTES_MAX);
    c.finish(())?;
    Ok(Valid {
        name_kk,
        name_ru,
        bin,
        contact_person,
        phone,
        notes,
    })
}

pub fn create(db: &mut Database, input: &OrganisationInput) -> Result<Organisation, Problem> {
    let v = validate(db.conn(), input, None)?;
    let id = clock::new_id();
    db.conn()
        .execute(
            "INSERT INTO organisations (id, kind, name_kk, name_ru, name_key, bin, contact_person,
                                        phone, notes, active, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?10)",
            params![
                id,
                input.kind.stored(),
                v.name_kk,
                v.name_ru,
                text::sort_key(&v.name_kk),
                v.bin,
                v.contact_person,
                v.phone,
                v.notes,
                clock::now()
            ],
        )
        .map_err(DbError::from)?;
    get(db.conn(), &id)
}

pub fn update(
    db: &mut Database,
    id: &str,
    input: &OrganisationInput,
) -> Result<Organisation, Problem> {
    get(db.conn(), id)?;
    let v = validate(db.conn(), input, Some(id))?;
    db.conn()
        .execute(
            "UPDATE organisations SET kind = ?2, name_kk = ?3, name_ru = ?4, name_key = ?5,
                    bin = ?6, contact_person = ?7, phone = ?8, notes = ?9, updated_at = ?10
             WHERE id = ?1",
            params![
                id,
                input.kind.stored(),
                v.name_kk,
                v.name_ru,
                text::sort_key(&v.name_kk),
                v.bin,
                v.contact_person,
                v.phone,
                v.notes,
                clock::now()
            ],
        )
        .map_err(DbError::from)?;
    get(db.conn(), id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A BIN with the given first eleven digits and its check digit, if one exists.
    fn with_check(first: &str) -> Option<String> {
        let d: Vec<u32> = first.bytes().map(|b| u32::from(b - b'0')).collect();
        iin::check_digit(&d).map(|c| format!("{first}{c}"))
    }

    #[test]
    fn a_bin_needs_twelve_digits_an_entity_type_and_its_check_digit() {
        let good = (0..100)
            .find_map(|n| with_check(&format!("0504400{n:04}")))
            .unwrap();
        assert_eq!(check_bin(&format!(" {good} ")), Ok(good.clone()));
        assert_eq!(check_bin("05044001234"), Err(BinError::Length));
        assert_eq!(check_bin("0504-4001234"), Err(BinError::NotDigits));
        let mut wrong = good.clone().into_bytes();
        wrong[11] = b'0' + (wrong[11] - b'0' + 1) % 10;
        assert_eq!(
            check_bin(&String::from_utf8(wrong).unwrap()),
            Err(BinError::Checksum)
        );
        // An IIN (fifth digit is a birth-month digit, 0–3) is not a BIN.
        let person = (0..100)
            .find_map(|n| with_check(&format!("8407024{n:04}")))
            .unwrap();
        assert_eq!(check_bin(&person), Err(BinError::NotAnEntity));
    }
}
