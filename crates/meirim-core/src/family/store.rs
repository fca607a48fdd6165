//! Writing family records: create and update, each one transaction with its audit entry.

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension, Transaction};

use super::duplicates;
use super::index;
use super::model::{ConsentStatus, Family, FamilyInput, Stored};
use super::read::{get, today};
use super::snapshot::snapshot;
use super::validate::{validate, ValidFamily};
use crate::audit::{self, AuditAction};
use crate::check::exists;
use crate::db::{Database, DbError};
use crate::person::Sex;
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{clock, places, settings, text};

/// When the search index is brought up to date: with each family, or once at the end of a
/// bulk load (demo data, imports), which is far faster for thousands of families.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Indexing {
    Now,
    Deferred,
}

/// Registers a new family with its members. Returns the stored record.
pub fn create(db: &mut Database, input: &FamilyInput) -> Result<Family, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let family_id = create_in(&tx, input, Indexing::Now)?;
    tx.commit().map_err(DbError::from)?;
    get(db.conn(), &family_id)
}

/// Checks and writes a new family inside the caller's transaction. Returns its id.
pub(crate) fn create_in(
    tx: &Transaction<'_>,
    input: &FamilyInput,
    indexing: Indexing,
) -> Result<String, Problem> {
    create_logged(tx, input, indexing, None).map(|(id, _)| id)
}

/// `create_in` with a summary on its audit entry (the import's file); returns the new
/// family's id and that entry's sequence number.
pub(crate) fn create_logged(
    tx: &Transaction<'_>,
    input: &FamilyInput,
    indexing: Indexing,
    summary: Option<&str>,
) -> Result<(String, i64), Problem> {
    let valid = validate(input)?;
    check_references(tx, &valid, None)?;
    if !valid.accept_duplicates {
        refuse_likely_duplicates(tx, &valid, None)?;
    }
    let family_id = clock::new_id();
    let registry_no: u32 = tx
        .prepare_cached("SELECT ifnull(max(registry_no), 0) + 1 FROM families")
        .and_then(|mut st| st.query_row([], |r| r.get(0)))
        .map_err(DbError::from)?;
    write(tx, &family_id, Some(registry_no), &valid)?;
    let seq = if indexing == Indexing::Now {
        index::refresh(tx, &family_id)?;
        let after = snapshot(&get(tx, &family_id)?);
        let changes = audit::diff(&Default::default(), &after);
        audit::record(tx, &family_id, AuditAction::Create, summary, &changes)?
    } else {
        audit::record(tx, &family_id, AuditAction::Create, summary, &[])?
    };
    Ok((family_id, seq))
}

/// Replaces a family's data with the form's. Fails with `NotFound` for an unknown id.
pub fn update(db: &mut Database, family_id: &str, input: &FamilyInput) -> Result<Family, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    update_in(&tx, family_id, input, None)?;
    let after = get(&tx, family_id)?;
    tx.commit().map_err(DbError::from)?;
    Ok(after)
}

/// Checks and writes an edit inside the caller's transaction. Returns the audit entry it
/// wrote (sequence number and changes), or `None` when nothing changed and nothing was logged.
pub(crate) fn update_in(
    tx: &Transaction<'_>,
    family_id: &str,
    input: &FamilyInput,
    summary: Option<&str>,
) -> Result<Option<(i64, Vec<audit::Change>)>, Problem> {
    let valid = validate(input)?;
    let before = get(tx, family_id)?;
    refuse_if_gone(&before)?;
    check_references(tx, &valid, Some(family_id))?;
    if !valid.accept_duplicates {
        refuse_likely_duplicates(tx, &valid, Some(family_id))?;
    }
    write(tx, family_id, None, &valid)?;
    index::refresh(tx, family_id)?;
    let after = get(tx, family_id)?;
    let changes = audit::diff(&snapshot(&before), &snapshot(&after));
    if changes.is_empty() {
        return Ok(None);
    }
    let seq = audit::record(tx, family_id, AuditAction::Update, summary, &changes)?;
    Ok(Some((seq, changes)))
}

/// Destroyed and merged-away families are records of what happened, not editable data.
pub(crate) fn refuse_if_gone(f: &Family) -> Result<(), Problem> {
    if f.destroyed_at.is_some() {
        return Err(Problem::new(ErrorCode::FamilyDestroyed).with("registry_no", f.registry_no));
    }
    if let Some(into) = &f.merged_into {
        return Err(Problem::new(ErrorCode::FamilyMerged)
            .with("registry_no", f.registry_no)
            .with("into", into));
    }
    Ok(())
}

fn refuse_likely_duplicates(
    tx: &Transaction<'_>,
    valid: &ValidFamily,
    own_id: Option<&str>,
) -> Result<(), Problem> {
    let hints = duplicates::similar_to(tx, valid, own_id)?;
    match hints.first() {
        None => Ok(()),
        Some(first) => Err(Problem::new(ErrorCode::PossibleDuplicate)
            .with("count", hints.len())
            .with("registry_no", first.registry_no)
            .with("name", &first.head_name)),
    }
}

/// Inserts or updates the family row, its members and its categories. `registry_no` is
/// given for a new family only; on update, created_at and the number stay as they were.
fn write(
    tx: &Transaction<'_>,
    family_id: &str,
    registry_no: Option<u32>,
    v: &ValidFamily,
) -> Result<(), Problem> {
    let now = clock::now();
    let c = &v.consent;
    let recorded_by = match (&c.recorded_by, c.status) {
        (Some(name), _) => Some(name.clone()),
        // Only a name the office set: a computer's login name is no signature.
        (None, ConsentStatus::Given) => {
            Some(settings::operator_setting(tx)?).filter(|n| !n.is_empty())
        }
        (None, _) => None,
    };
    let address_key = super::duplicates::address_key(
        v.village.as_deref(),
        v.street.as_deref(),
        v.house.as_deref(),
        v.flat.as_deref(),
    );
    let registered_on = v.registered_on.or(registry_no.map(|_| today()));
    let keys: Vec<NameKeys> = v
        .members
        .iter()
        .map(|m| name_keys(&m.surname, &m.name, m.patronymic.as_deref()))
        .collect();
    // The list's keys are the head's, written with the row so that a deferred (bulk) index
    // rebuild sorts correctly; a family without a head keeps the keys it had.
    let (sort_key, head_key) = v
        .members
        .iter()
        .zip(&keys)
        .find(|(m, _)| m.is_head)
        .map(|(_, k)| (k.sort_key.as_str(), k.search_key.as_str()))
        .unzip();
    tx.prepare_cached(
        "INSERT INTO families (id, registry_no, phone, oblast_id, district, rural_okrug,
                               village, street, house, flat, housing_notes,
                               income_per_person, registered_on, notes, consent, consent_on,
                               consent_form, consent_until, consent_recorded_by, address_key,
                               created_at, updated_at, sort_key, head_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?21, ifnull(?22, ''), ifnull(?23, ''))
         ON CONFLICT (id) DO UPDATE SET
             phone = excluded.phone, oblast_id = excluded.oblast_id,
             district = excluded.district, rural_okrug = excluded.rural_okrug,
             village = excluded.village, street = excluded.street, house = excluded.house,
             flat = excluded.flat, housing_notes = excluded.housing_notes,
             income_per_person = excluded.income_per_person,
             registered_on = coalesce(excluded.registered_on, registered_on),
             notes = excluded.notes, consent = excluded.consent,
             consent_on = excluded.consent_on, consent_form = excluded.consent_form,
             consent_until = excluded.consent_until,
             consent_recorded_by = excluded.consent_recorded_by,
             address_key = excluded.address_key, updated_at = excluded.updated_at,
             sort_key = coalesce(?22, sort_key), head_key = coalesce(?23, head_key)",
    )
    .and_then(|mut st| {
        st.execute(params![
            family_id,
            registry_no,
            v.phone,
            v.oblast_id,
            v.district,
            v.rural_okrug,
            v.village,
            v.street,
            v.house,
            v.flat,
            v.housing_notes,
            v.income_per_person,
            registered_on.map(|d| d.to_string()),
            v.notes,
            c.status.stored(),
            c.date.map(|d| d.to_string()),
            c.form.map(|f| f.stored()),
            c.until.map(|d| d.to_string()),
            recorded_by,
            address_key,
            now,
            sort_key,
            head_key
        ])
    })
    .map_err(DbError::from)?;
    // A new family has no members or categories yet to release or drop.
    let is_new = registry_no.is_some();
    write_members(tx, family_id, v, &keys, &now, is_new)?;
    set_categories(tx, family_id, &v.category_ids, &now, is_new)?;
    places::remember(
        tx,
        v.oblast_id.as_deref(),
        v.district.as_deref(),
        v.rural_okrug.as_deref(),
        v.village.as_deref(),
    )?;
    Ok(())
}

fn write_members(
    tx: &Transaction<'_>,
    family_id: &str,
    v: &ValidFamily,
    keys: &[NameKeys],
    now: &str,
    is_new: bool,
) -> Result<(), Problem> {
    // Release the head mark and the IINs first, so that moving either between members
    // of this family does not trip the unique indexes halfway through.
    if !is_new {
        tx.prepare_cached("UPDATE members SET is_head = 0, iin = NULL WHERE family_id = ?1")
            .and_then(|mut st| st.execute([family_id]))
            .map_err(DbError::from)?;
    }
    let mut kept = Vec::with_capacity(v.members.len());
    let mut upsert = tx
        .prepare_cached(
            "INSERT INTO members (id, family_id, is_head, relation, surname, name, patronymic,
                                  iin, birth_date, sex, disability, pensioner, student,
                                  employment, phone, search_key, sort_key, name_key,
                                  birth_year, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19, ?20, ?21, ?21)
             ON CONFLICT (id) DO UPDATE SET
                 is_head = excluded.is_head, relation = excluded.relation,
                 surname = excluded.surname, name = excluded.name,
                 patronymic = excluded.patronymic, iin = excluded.iin,
                 birth_date = excluded.birth_date, sex = excluded.sex,
                 disability = excluded.disability, pensioner = excluded.pensioner,
                 student = excluded.student, employment = excluded.employment,
                 phone = excluded.phone, search_key = excluded.search_key,
                 sort_key = excluded.sort_key, name_key = excluded.name_key,
                 birth_year = excluded.birth_year, position = excluded.position,
                 updated_at = excluded.updated_at",
        )
        .map_err(DbError::from)?;
    for (position, (m, k)) in v.members.iter().zip(keys).enumerate() {
        let id = m.id.clone().unwrap_or_else(clock::new_id);
        upsert
            .execute(params![
                id,
                family_id,
                m.is_head,
                m.relation.map(|r| r.stored()),
                m.surname,
                m.name,
                m.patronymic,
                m.iin.as_ref().map(|i| i.as_str()),
                m.birth_date.map(|d| d.to_string()),
                m.sex.map(Sex::as_str),
                m.disability.map(|d| d.stored()),
                m.pensioner,
                m.student,
                m.employment.map(|e| e.stored()),
                m.phone,
                k.search_key,
                k.sort_key,
                k.name_key,
                m.birth_date.map(|d| chrono::Datelike::year(&d)),
                position as i64,
                now
            ])
            .map_err(DbError::from)?;
        kept.push(id);
    }
    if is_new {
        return Ok(());
    }
    // Members left out of the form were removed from the family by the user.
    let keep = serde_json::to_string(&kept)
        .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    tx.prepare_cached(
        "DELETE FROM members WHERE family_id = ?1
           AND id NOT IN (SELECT value FROM json_each(?2))",
    )
    .and_then(|mut st| st.execute(params![family_id, keep]))
    .map_err(DbError::from)?;
    Ok(())
}

/// A member's keys, each made once: the head's are also the family's list keys.
struct NameKeys {
    /// Surname and name folded: what duplicates are matched on.
    name_key: String,
    /// The full name folded: what search reads (and, for the head, `head_key`).
    search_key: String,
    /// The full name in Kazakh alphabetical order.
    sort_key: String,
}

/// `fold` works word by word, so the full name's key is the name key with the
/// patronymic's words after it.
fn name_keys(surname: &str, name: &str, patronymic: Option<&str>) -> NameKeys {
    let name_key = text::fold(&format!("{surname} {name}"));
    let folded_patronymic = patronymic.map(text::fold).unwrap_or_default();
    let search_key = match (name_key.is_empty(), folded_patronymic.is_empty()) {
        (_, true) => name_key.clone(),
        (true, false) => folded_patronymic,
        (false, false) => format!("{name_key} {folded_patronymic}"),
    };
    NameKeys {
        name_key,
        search_key,
        sort_key: text::sort_key(&super::model::full_name(surname, name, patronymic)),
    }
}

/// References and uniqueness, checked inside the writing transaction so that no other
/// writer can slip in between the check and the insert.
fn check_references(
    tx: &Transaction<'_>,
    v: &ValidFamily,
    own_family: Option<&str>,
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
    let own_members: HashSet<String> = match own_family {
        Some(fid) => {
            let mut stmt = tx
                .prepare_cached("SELECT id FROM members WHERE family_id = ?1")
                .map_err(DbError::from)?;
            let ids = stmt
                .query_map([fid], |r| r.get(0))
                .map_err(DbError::from)?
                .collect::<Result<_, _>>()
                .map_err(DbError::from)?;
            ids
        }
        None => HashSet::new(),
    };
    for m in &v.members {
        let field = |name: &str| format!("members.{}.{name}", m.form_index);
        if let Some(id) = &m.id {
            if !own_members.contains(id) {
                problems.push(FieldProblem::new(&field("id"), ErrorCode::NotFound).with("id", id));
            }
        }
        let Some(iin) = &m.iin else { continue };
        let holder: Option<(String, Option<u32>, String)> = tx
            .prepare_cached(
                "SELECT m.family_id, f.registry_no,
                        h.surname || ' ' || h.name || ifnull(' ' || h.patronymic, '')
                 FROM members m JOIN families f ON f.id = m.family_id
                 LEFT JOIN members h ON h.family_id = m.family_id AND h.is_head = 1
                 WHERE m.iin = ?1",
            )
            .map_err(DbError::from)?
            .query_row([iin.as_str()], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                ))
            })
            .optional()
            .map_err(DbError::from)?;
        if let Some((family_id, registry_no, head)) = holder {
            if Some(family_id.as_str()) != own_family {
                problems.push(
                    FieldProblem::new(&field("iin"), ErrorCode::IinTaken)
                        .with("family_id", family_id)
                        .with("registry_no", registry_no.unwrap_or(0))
                        .with("name", head),
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

fn set_categories(
    tx: &Transaction<'_>,
    family_id: &str,
    category_ids: &[String],
    now: &str,
    is_new: bool,
) -> Result<(), Problem> {
    // Keep the rows that stay (and their created_at); drop the rest; add the new ones.
    if !is_new {
        let keep = serde_json::to_string(category_ids)
            .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
        tx.prepare_cached(
            "DELETE FROM family_categories
             WHERE family_id = ?1 AND category_id NOT IN (SELECT value FROM json_each(?2))",
        )
        .and_then(|mut st| st.execute(params![family_id, keep]))
        .map_err(DbError::from)?;
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::model::full_name;

    #[test]
    fn the_search_key_is_the_full_name_folded() {
        let parts = [
            "",
            " ",
            "Әсел",
            "Серікова-Ахметова",
            "Д'Артаньян",
            "-",
            "Yerlan Tsoy",
            "ь",
        ];
        for surname in parts {
            for name in parts {
                for patronymic in parts.iter().map(|p| Some(*p)).chain([None]) {
                    let keys = name_keys(surname, name, patronymic);
                    assert_eq!(keys.name_key, text::fold(&format!("{surname} {name}")));
                    assert_eq!(
                        keys.search_key,
                        text::fold(&full_name(surname, name, patronymic)),
                        "{surname:?} {name:?} {patronymic:?}"
                    );
                }
            }
        }
    }
}
