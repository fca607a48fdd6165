//! Reading one family's whole record, and the figures derived from its members.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension};

use super::model::{
    Address, Consent, ConsentStatus, Derived, Family, FamilyStatus, Member, Stored,
};
use crate::db::DbError;
use crate::person::Sex;
use crate::problem::{ErrorCode, Problem};
use crate::reference::{self, Category, Names, Oblast};

pub(crate) fn not_found(id: &str) -> Problem {
    Problem::new(ErrorCode::NotFound).with("id", id)
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| crate::date::parse(&s))
}

/// Full years between `birth` and `today`.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    let mut years = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

pub(crate) fn today() -> NaiveDate {
    crate::clock::today()
}

/// Size, minors, and whether the "large family" category is missing although the family
/// meets its rule: four or more minors, counting full-time students under 23 (domain guide).
pub fn derive(members: &[Member], categories: &[Category]) -> Derived {
    let children = members
        .iter()
        .filter(|m| m.age.is_some_and(|a| a < 18))
        .count();
    let counted = members
        .iter()
        .filter(|m| !m.is_head)
        .filter(|m| match m.age {
            Some(a) if a < 18 => true,
            Some(a) => m.student && a < 23,
            None => false,
        })
        .count();
    let has_category = categories
        .iter()
        .any(|c| c.code.as_deref() == Some("large-family"));
    Derived {
        size: u32::try_from(members.len()).unwrap_or(u32::MAX),
        children: u32::try_from(children).unwrap_or(u32::MAX),
        suggest_large_family: counted >= 4 && !has_category,
    }
}

fn members(conn: &Connection, family_id: &str) -> Result<Vec<Member>, Problem> {
    let today = today();
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, is_head, relation, surname, name, patronymic, iin, birth_date, sex,
                    disability, pensioner, student, employment, phone
             FROM members WHERE family_id = ?1 ORDER BY is_head DESC, position, seq",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([family_id], |r| {
            let birth_date = date(r.get(7)?);
            let iin: Option<String> = r.get(6)?;
            let sex = r.get::<_, Option<String>>(8)?.and_then(|s| Sex::parse(&s));
            let iin_facts = iin
                .as_deref()
                .and_then(|i| crate::iin::Iin::parse(i).ok())
                .map(|i| i.check_against(birth_date, sex));
            Ok(Member {
                id: r.get(0)?,
                is_head: r.get(1)?,
                relation: r
                    .get::<_, Option<String>>(2)?
                    .and_then(|s| Stored::from_stored(&s)),
                surname: r.get(3)?,
                name: r.get(4)?,
                patronymic: r.get(5)?,
                iin,
                birth_date,
                sex,
                disability: r
                    .get::<_, Option<String>>(9)?
                    .and_then(|s| Stored::from_stored(&s)),
                pensioner: r.get(10)?,
                student: r.get(11)?,
                employment: r
                    .get::<_, Option<String>>(12)?
                    .and_then(|s| Stored::from_stored(&s)),
                phone: r.get(13)?,
                age: birth_date.map(|b| age_on(b, today)),
                iin_facts,
            })
        })
        .map_err(DbError::from)?;
    Ok(rows.collect::<Result<_, _>>().map_err(DbError::from)?)
}

fn categories(conn: &Connection, family_id: &str) -> Result<Vec<Category>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT c.id, c.code, c.name_kk, c.name_ru FROM family_categories fc
             JOIN categories c ON c.id = fc.category_id
             WHERE fc.family_id = ?1 ORDER BY c.sort_order",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([family_id], reference::category_from_row)
        .map_err(DbError::from)?;
    Ok(rows.collect::<Result<_, _>>().map_err(DbError::from)?)
}

/// A family's id from what an operator types on a command line: the id itself, or the
/// registry number («12», «№12»).
pub fn resolve(conn: &Connection, key: &str) -> Result<String, Problem> {
    let number = key.trim().trim_start_matches('№').trim();
    if let Ok(no) = number.parse::<u32>() {
        return conn
            .query_row(
                "SELECT id FROM families WHERE registry_no = ?1",
                [no],
                |r| r.get(0),
            )
            .optional()
            .map_err(DbError::from)?
            .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", key));
    }
    Ok(key.trim().to_owned())
}

/// The whole record of one family.
pub fn get(conn: &Connection, family_id: &str) -> Result<Family, Problem> {
    let family = conn
        .query_row(
            "SELECT f.id, f.registry_no, f.phone, f.district, f.rural_okrug, f.village,
                    f.street, f.house, f.flat, f.housing_notes, f.income_per_person,
                    f.registered_on, f.notes, f.status, f.status_reason, f.status_on,
                    f.consent, f.consent_on, f.consent_form, f.consent_until,
                    f.consent_recorded_by, f.destroyed_at, f.merged_into,
                    f.created_at, f.updated_at,
                    o.id, o.iso_code, o.name_kk, o.name_ru
             FROM families f LEFT JOIN oblasts o ON o.id = f.oblast_id
             WHERE f.id = ?1",
            [family_id],
            |r| {
                let oblast = match r.get::<_, Option<String>>(25)? {
                    Some(id) => Some(Oblast {
                        id,
                        iso_code: r.get(26)?,
                        names: Names {
                            kk: r.get(27)?,
                            ru: r.get(28)?,
                        },
                    }),
                    None => None,
                };
                Ok(Family {
                    id: r.get(0)?,
                    registry_no: r.get::<_, Option<u32>>(1)?.unwrap_or(0),
                    phone: r.get(2)?,
                    address: Address {
                        oblast,
                        district: r.get(3)?,
                        rural_okrug: r.get(4)?,
                        village: r.get(5)?,
                        street: r.get(6)?,
                        house: r.get(7)?,
                        flat: r.get(8)?,
                    },
                    housing_notes: r.get(9)?,
                    income_per_person: r.get(10)?,
                    registered_on: date(r.get(11)?),
                    notes: r.get(12)?,
                    status: FamilyStatus::from_stored(&r.get::<_, String>(13)?).unwrap_or_default(),
                    status_reason: r.get(14)?,
                    status_on: date(r.get(15)?),
                    consent: Consent {
                        status: ConsentStatus::from_stored(&r.get::<_, String>(16)?)
                            .unwrap_or_default(),
                        date: date(r.get(17)?),
                        form: r
                            .get::<_, Option<String>>(18)?
                            .and_then(|s| Stored::from_stored(&s)),
                        until: date(r.get(19)?),
                        recorded_by: r.get(20)?,
                    },
                    destroyed_at: r.get(21)?,
                    merged_into: r.get(22)?,
                    created_at: r.get(23)?,
                    updated_at: r.get(24)?,
                    members: Vec::new(),
                    categories: Vec::new(),
                    derived: Derived {
                        size: 0,
                        children: 0,
                        suggest_large_family: false,
                    },
                })
            },
        )
        .optional()
        .map_err(DbError::from)?;
    let mut family = family.ok_or_else(|| not_found(family_id))?;
    family.members = members(conn, family_id)?;
    family.categories = categories(conn, family_id)?;
    family.derived = derive(&family.members, &family.categories);
    Ok(family)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_counts_full_years() {
        let b = NaiveDate::from_ymd_opt(2008, 11, 24).unwrap();
        assert_eq!(
            age_on(b, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
            17
        );
        assert_eq!(
            age_on(b, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()),
            18
        );
    }
}
