//! Is a family from the file already in the registry? By any member's IIN first; then by
//! the head's name and birth date; for a row with neither, by the head's full name and
//! address — so that importing the same list twice finds every family the second time.
//! And what an update from the file means: the file's non-empty values laid over the
//! record, members matched to members, nothing removed.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::db::DbError;
use crate::family::duplicates::address_key;
use crate::family::{FamilyInput, MemberInput, Relation};
use crate::problem::{ErrorCode, Problem};
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum MatchBy {
    Iin,
    NameBirthDate,
    NameAddress,
}

/// Finds the registry's family for `input`. Two different families holding the file
/// family's IINs is an error: the file would join what the registry keeps apart.
pub(crate) fn find(
    tx: &Transaction<'_>,
    input: &FamilyInput,
) -> Result<Option<(String, MatchBy)>, Problem> {
    let mut by_iin: Option<String> = None;
    for m in &input.members {
        let Some(iin) = &m.iin else { continue };
        let found: Option<String> = tx
            .prepare_cached(
                "SELECT coalesce(f.merged_into, f.id) FROM members m
                 JOIN families f ON f.id = m.family_id
                 WHERE m.iin = ?1 AND f.destroyed_at IS NULL",
            )
            .map_err(DbError::from)?
            .query_row([iin], |r| r.get(0))
            .optional()
            .map_err(DbError::from)?;
        match (&by_iin, found) {
            (None, Some(f)) => by_iin = Some(f),
            (Some(a), Some(b)) if *a != b => {
                let numbers = registry_numbers(tx, &[a, &b])?;
                return Err(Problem::new(ErrorCode::ImportIinOtherFamilies)
                    .with("first", numbers[0])
                    .with("second", numbers[1]));
            }
            _ => {}
        }
    }
    if let Some(f) = by_iin {
        return Ok(Some((f, MatchBy::Iin)));
    }
    let Some(head) = input.members.iter().find(|m| m.is_head) else {
        return Ok(None);
    };
    if head.iin.is_some() {
        // An IIN the registry does not have is a new person, whatever the name.
        return Ok(None);
    }
    if let Some(born) = &head.birth_date {
        let found: Option<String> = tx
            .prepare_cached(
                "SELECT f.id FROM members m JOIN families f ON f.id = m.family_id
                 WHERE m.birth_date = ?1 AND m.name_key = ?2
                   AND f.destroyed_at IS NULL AND f.merged_into IS NULL
                 ORDER BY m.is_head DESC LIMIT 1",
            )
            .map_err(DbError::from)?
            .query_row(
                params![born, text::fold(&format!("{} {}", head.surname, head.name))],
                |r| r.get(0),
            )
            .optional()
            .map_err(DbError::from)?;
        return Ok(found.map(|f| (f, MatchBy::NameBirthDate)));
    }
    let a = &input.address;
    let key = address_key(
        a.village.as_deref(),
        a.street.as_deref(),
        a.house.as_deref(),
        a.flat.as_deref(),
    );
    let name = crate::family::full_name(&head.surname, &head.name, head.patronymic.as_deref());
    let found: Option<String> = tx
        .prepare_cached(
            "SELECT id FROM families
             WHERE head_key = ?1 AND address_key IS ?2
               AND destroyed_at IS NULL AND merged_into IS NULL
             LIMIT 1",
        )
        .map_err(DbError::from)?
        .query_row(params![text::fold(&name), key], |r| r.get(0))
        .optional()
        .map_err(DbError::from)?;
    Ok(found.map(|f| (f, MatchBy::NameAddress)))
}

fn registry_numbers(tx: &Transaction<'_>, ids: &[&String]) -> Result<Vec<u32>, Problem> {
    ids.iter()
        .map(|id| {
            tx.query_row(
                "SELECT ifnull(registry_no, 0) FROM families WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(|e| DbError::from(e).into())
        })
        .collect()
}

fn same_person(a: &MemberInput, b: &MemberInput) -> bool {
    if let (Some(x), Some(y)) = (&a.iin, &b.iin) {
        return x == y;
    }
    let names = text::fold(&format!("{} {}", a.surname, a.name))
        == text::fold(&format!("{} {}", b.surname, b.name));
    match (&a.birth_date, &b.birth_date) {
        (Some(x), Some(y)) => names && x == y,
        _ => names,
    }
}

fn over<T: Clone>(old: &mut Option<T>, new: &Option<T>) {
    if new.is_some() {
        old.clone_from(new);
    }
}

/// The record with the file's values laid over it. Members are matched by IIN, else by
/// name (and birth date when both have one); a member the record lacks is added. Nothing
/// the file leaves empty is erased, no member is removed, categories are added to.
pub(crate) fn merged(existing: &FamilyInput, file: &FamilyInput) -> FamilyInput {
    let mut out = existing.clone();
    for incoming in &file.members {
        match out.members.iter_mut().find(|m| same_person(m, incoming)) {
            Some(m) => {
                if !incoming.surname.is_empty() {
                    m.surname.clone_from(&incoming.surname);
                }
                if !incoming.name.is_empty() {
                    m.name.clone_from(&incoming.name);
                }
                over(&mut m.patronymic, &incoming.patronymic);
                over(&mut m.iin, &incoming.iin);
                over(&mut m.birth_date, &incoming.birth_date);
                over(&mut m.sex, &incoming.sex);
                over(&mut m.phone, &incoming.phone);
                if !m.is_head {
                    over(&mut m.relation, &incoming.relation);
                }
            }
            None => {
                let mut m = incoming.clone();
                m.id = None;
                if m.is_head {
                    // The file names another person as head: the registry's head stays.
                    m.is_head = false;
                    m.relation = Some(Relation::Other);
                }
                out.members.push(m);
            }
        }
    }
    over(&mut out.phone, &file.phone);
    let (a, f) = (&mut out.address, &file.address);
    over(&mut a.village, &f.village);
    over(&mut a.street, &f.street);
    over(&mut a.house, &f.house);
    over(&mut a.flat, &f.flat);
    if out.registered_on.is_none() {
        out.registered_on.clone_from(&file.registered_on);
    }
    over(&mut out.notes, &file.notes);
    for c in &file.category_ids {
        if !out.category_ids.contains(c) {
            out.category_ids.push(c.clone());
        }
    }
    out.accept_duplicates = true;
    out
}
