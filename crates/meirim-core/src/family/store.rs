//! Writing and reading family records. Every change is one transaction.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::model::{full_name, Address, Family, FamilyInput, Person};
use super::validate::{validate, ValidFamily};
use crate::db::{Database, DbError};
use crate::person::Sex;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::reference::{self, Category, Names, Oblast};
use crate::{clock, text};

/// Registers a new family with its head. Returns the stored record.
pub fn create(db: &mut Database, input: &FamilyInput) -> Result<Family, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let family_id = create_in(&tx, input)?;
    tx.commit().map_err(DbError::from)?;
    get(db.conn(), &family_id)
}

/// Checks and writes a new family inside the caller's transaction, for operations that
/// add many families at once (demo data, imports). Returns the new family's id.
pub(crate) fn create_in(tx: &Transaction<'_>, input: &FamilyInput) -> Result<String, Problem> {
    let valid = validate(input)?;
    check_references(tx, &valid, None)?;
    let family_id = clock::new_id();
    write(tx, &family_id, &clock::new_id(), &valid)?;
    Ok(family_id)
}

/// Replaces a family's data with the form's. Fails with `NotFound` for an unknown id.
pub fn update(db: &mut Database, family_id: &str, input: &FamilyInput) -> Result<Family, Problem> {
    let valid = validate(input)?;
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let head_id: String = tx
        .query_row(
            "SELECT id FROM members WHERE family_id = ?1 AND is_head = 1",
            [family_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(DbError::from)?
        .ok_or_else(|| not_found(family_id))?;
    check_references(&tx, &valid, Some(&head_id))?;
    write(&tx, family_id, &head_id, &valid)?;
    tx.commit().map_err(DbError::from)?;
    get(db.conn(), family_id)
}

/// Inserts or updates the family row, its head and its categories. On update, created_at
/// stays as it was and updated_at moves.
fn write(
    tx: &Transaction<'_>,
    family_id: &str,
    head_id: &str,
    valid: &ValidFamily,
) -> Result<(), Problem> {
    let now = clock::now();
    tx.execute(
        "INSERT INTO families (id, phone, oblast_id, district, rural_okrug, village, street,
                               notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
         ON CONFLICT (id) DO UPDATE SET
             phone = excluded.phone, oblast_id = excluded.oblast_id,
             district = excluded.district, rural_okrug = excluded.rural_okrug,
             village = excluded.village, street = excluded.street, notes = excluded.notes,
             updated_at = excluded.updated_at",
        params![
            family_id,
            valid.phone,
            valid.oblast_id,
            valid.district,
            valid.rural_okrug,
            valid.village,
            valid.street,
            valid.notes,
            now
        ],
    )
    .map_err(DbError::from)?;
    let h = &valid.head;
    let name = full_name(&h.surname, &h.name, h.patronymic.as_deref());
    tx.execute(
        "INSERT INTO members (id, family_id, is_head, surname, name, patronymic, iin,
                              birth_date, sex, search_key, sort_key, created_at, updated_at)
         VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
         ON CONFLICT (id) DO UPDATE SET
             surname = excluded.surname, name = excluded.name,
             patronymic = excluded.patronymic, iin = excluded.iin,
             birth_date = excluded.birth_date, sex = excluded.sex,
             search_key = excluded.search_key, sort_key = excluded.sort_key,
             updated_at = excluded.updated_at",
        params![
            head_id,
            family_id,
            h.surname,
            h.name,
            h.patronymic,
            h.iin.as_ref().map(|i| i.as_str()),
            h.birth_date.map(|d| d.to_string()),
            h.sex.map(Sex::as_str),
            text::fold(&name),
            text::sort_key(&name),
            now
        ],
    )
    .map_err(DbError::from)?;
    set_categories(tx, family_id, &valid.category_ids, &now)
}

fn not_found(id: &str) -> Problem {
    Problem::new(ErrorCode::NotFound).with("id", id)
}

/// References and uniqueness, checked inside the writing transaction so that no other
/// writer can slip in between the check and the insert.
fn check_references(
    tx: &Transaction<'_>,
    v: &ValidFamily,
    own_member_id: Option<&str>,
) -> Result<(), Problem> {
    let mut problems = Vec::new();
    if let Some(oblast_id) = &v.oblast_id {
        if !exists(tx, "SELECT 1 FROM oblasts WHERE id = ?1", oblast_id)? {
            problems.push(
                FieldProblem::new("address.oblast_id", ErrorCode::UnknownOblast)
                    .with("value", oblast_id),
            );
        }
    }
    for id in &v.category_ids {
        if !exists(tx, "SELECT 1 FROM categories WHERE id = ?1", id)? {
            problems.push(
                FieldProblem::new("category_ids", ErrorCode::UnknownCategory).with("value", id),
            );
        }
    }
    if let Some(iin) = &v.head.iin {
        let holder: Option<(String, String, String, String, Option<String>)> = tx
            .query_row(
                "SELECT id, family_id, surname, name, patronymic FROM members WHERE iin = ?1",
                [iin.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .map_err(DbError::from)?;
        if let Some((member_id, family_id, surname, name, patronymic)) = holder {
            if Some(member_id.as_str()) != own_member_id {
                problems.push(
                    FieldProblem::new("head.iin", ErrorCode::IinTaken)
                        .with("family_id", family_id)
                        .with("name", full_name(&surname, &name, patronymic.as_deref())),
                );
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Problem::validation(problems))
    }
}

fn exists(conn: &Connection, sql: &str, id: &str) -> Result<bool, Problem> {
    Ok(conn
        .query_row(sql, [id], |_| Ok(()))
        .optional()
        .map_err(DbError::from)?
        .is_some())
}

fn set_categories(
    tx: &Transaction<'_>,
    family_id: &str,
    category_ids: &[String],
    now: &str,
) -> Result<(), Problem> {
    // Keep the rows that stay (and their created_at); drop the rest; add the new ones.
    let keep = serde_json::to_string(category_ids)
        .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    tx.execute(
        "DELETE FROM family_categories
         WHERE family_id = ?1 AND category_id NOT IN (SELECT value FROM json_each(?2))",
        params![family_id, keep],
    )
    .map_err(DbError::from)?;
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO family_categories (family_id, category_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?3) ON CONFLICT DO NOTHING",
        )
        .map_err(DbError::from)?;
    for id in category_ids {
        insert
            .execute(params![family_id, id, now])
            .map_err(DbError::from)?;
    }
    Ok(())
}

/// The whole record of one family.
pub fn get(conn: &Connection, family_id: &str) -> Result<Family, Problem> {
    let family = conn
        .query_row(
            "SELECT f.id, f.phone, f.district, f.rural_okrug, f.village, f.street, f.notes,
                    f.created_at, f.updated_at,
                    o.id, o.iso_code, o.name_kk, o.name_ru,
                    m.id, m.surname, m.name, m.patronymic, m.iin, m.birth_date, m.sex
             FROM families f
             JOIN members m ON m.family_id = f.id AND m.is_head = 1
             LEFT JOIN oblasts o ON o.id = f.oblast_id
             WHERE f.id = ?1",
            [family_id],
            |r| {
                let oblast = match r.get::<_, Option<String>>(9)? {
                    Some(id) => Some(Oblast {
                        id,
                        iso_code: r.get(10)?,
                        names: Names {
                            kk: r.get(11)?,
                            ru: r.get(12)?,
                        },
                    }),
                    None => None,
                };
                Ok(Family {
                    id: r.get(0)?,
                    phone: r.get(1)?,
                    address: Address {
                        oblast,
                        district: r.get(2)?,
                        rural_okrug: r.get(3)?,
                        village: r.get(4)?,
                        street: r.get(5)?,
                    },
                    notes: r.get(6)?,
                    created_at: r.get(7)?,
                    updated_at: r.get(8)?,
                    head: Person {
                        id: r.get(13)?,
                        surname: r.get(14)?,
                        name: r.get(15)?,
                        patronymic: r.get(16)?,
                        iin: r.get(17)?,
                        birth_date: r
                            .get::<_, Option<String>>(18)?
                            .and_then(|s| crate::date::parse(&s)),
                        sex: r.get::<_, Option<String>>(19)?.and_then(|s| Sex::parse(&s)),
                    },
                    categories: Vec::new(),
                })
            },
        )
        .optional()
        .map_err(DbError::from)?;
    let mut family = family.ok_or_else(|| not_found(family_id))?;
    family.categories = family_categories(conn, family_id)?;
    Ok(family)
}

fn family_categories(conn: &Connection, family_id: &str) -> Result<Vec<Category>, Problem> {
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
