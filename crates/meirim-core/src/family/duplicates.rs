//! Likely duplicates: the same person or household registered twice, perhaps spelt
//! differently («Асель» / «Әсел»). Checked while a form is typed, before saving, and over
//! the whole registry; two families found to be one are merged.

use std::collections::BTreeMap;

use rusqlite::{params, Connection};
use serde::Serialize;

use super::model::FamilyInput;
use super::validate::ValidFamily;
use crate::db::DbError;
use crate::problem::Problem;
use crate::{date, phone, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum DuplicateReason {
    /// A member with the same name (however spelt) and birth date.
    NameAndBirthDate,
    Phone,
    Address,
}

/// Another family that looks like the one being typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DuplicateHint {
    pub family_id: String,
    pub registry_no: u32,
    pub head_name: String,
    pub reason: DuplicateReason,
    /// What matched: the member's name, the phone, the address.
    pub detail: String,
}

/// What the check compares, taken from a checked form or from one still being typed.
#[derive(Default)]
struct Keys {
    people: Vec<(String, String)>,
    phones: Vec<String>,
    address: Option<String>,
}

pub(crate) fn address_key(
    village: Option<&str>,
    street: Option<&str>,
    house: Option<&str>,
    flat: Option<&str>,
) -> Option<String> {
    match (village, street, house) {
        (Some(v), Some(s), Some(h)) => {
            let key = text::fold(&format!("{v} {s} {h} {}", flat.unwrap_or("")));
            (!key.is_empty()).then_some(key)
        }
        _ => None,
    }
}

fn keys_of_valid(v: &ValidFamily) -> Keys {
    Keys {
        people: v
            .members
            .iter()
            .filter_map(|m| {
                let birth = m.birth_date?;
                Some((
                    text::fold(&format!("{} {}", m.surname, m.name)),
                    birth.to_string(),
                ))
            })
            .collect(),
        phones: v
            .phone
            .iter()
            .chain(v.members.iter().filter_map(|m| m.phone.as_ref()))
            .cloned()
            .collect(),
        address: address_key(
            v.village.as_deref(),
            v.street.as_deref(),
            v.house.as_deref(),
            v.flat.as_deref(),
        ),
    }
}

/// Lenient: whatever part of the form is already usable is compared; the rest is skipped.
fn keys_of_input(input: &FamilyInput) -> Keys {
    let opt = |s: &Option<String>| text::tidy_opt(s.as_deref());
    let a = &input.address;
    Keys {
        people: input
            .members
            .iter()
            .filter_map(|m| {
                let birth = date::parse(m.birth_date.as_deref()?)?;
                let key = text::fold(&format!("{} {}", m.surname, m.name));
                (key.contains(' ')).then(|| (key, birth.to_string()))
            })
            .collect(),
        phones: input
            .phone
            .iter()
            .chain(input.members.iter().filter_map(|m| m.phone.as_ref()))
            .filter_map(|p| phone::normalize(p))
            .collect(),
        address: address_key(
            opt(&a.village).as_deref(),
            opt(&a.street).as_deref(),
            opt(&a.house).as_deref(),
            opt(&a.flat).as_deref(),
        ),
    }
}

const HEAD_NAME: &str = "(SELECT h.surname || ' ' || h.name || ifnull(' ' || h.patronymic, '')
     FROM members h WHERE h.family_id = f.id AND h.is_head = 1)";

fn find(
    conn: &Connection,
    keys: &Keys,
    own_id: Option<&str>,
) -> Result<Vec<DuplicateHint>, Problem> {
    let own = own_id.unwrap_or("");
    let mut hints: Vec<DuplicateHint> = Vec::new();
    let listed = "f.destroyed_at IS NULL AND f.merged_into IS NULL AND f.id <> ?1";
    let mut by_person = conn
        .prepare_cached(&format!(
            "SELECT f.id, f.registry_no, {HEAD_NAME},
                    m.surname || ' ' || m.name || ifnull(' ' || m.patronymic, '')
             FROM members m JOIN families f ON f.id = m.family_id
             WHERE m.birth_date = ?3 AND m.name_key = ?2 AND {listed} LIMIT 10"
        ))
        .map_err(DbError::from)?;
    for (name_key, birth) in &keys.people {
        let rows = by_person
            .query_map(params![own, name_key, birth], |r| {
                Ok(DuplicateHint {
                    family_id: r.get(0)?,
                    registry_no: r.get::<_, Option<u32>>(1)?.unwrap_or(0),
                    head_name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    reason: DuplicateReason::NameAndBirthDate,
                    detail: r.get(3)?,
                })
            })
            .map_err(DbError::from)?;
        for h in rows {
            hints.push(h.map_err(DbError::from)?);
        }
    }
    let mut by_phone = conn
        .prepare_cached(&format!(
            "SELECT f.id, f.registry_no, {HEAD_NAME} FROM families f
             WHERE {listed} AND (f.phone = ?2 OR f.id IN
                   (SELECT family_id FROM members WHERE phone = ?2)) LIMIT 10"
        ))
        .map_err(DbError::from)?;
    for p in &keys.phones {
        let rows = by_phone
            .query_map(params![own, p], |r| {
                Ok(DuplicateHint {
                    family_id: r.get(0)?,
                    registry_no: r.get::<_, Option<u32>>(1)?.unwrap_or(0),
                    head_name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    reason: DuplicateReason::Phone,
                    detail: phone::display(p),
                })
            })
            .map_err(DbError::from)?;
        for h in rows {
            hints.push(h.map_err(DbError::from)?);
        }
    }
    if let Some(key) = &keys.address {
        let mut stmt = conn
            .prepare_cached(&format!(
                "SELECT f.id, f.registry_no, {HEAD_NAME},
                        concat_ws(', ', f.village, f.street, f.house, f.flat)
                 FROM families f WHERE f.address_key = ?2 AND {listed} LIMIT 10"
            ))
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map(params![own, key], |r| {
                Ok(DuplicateHint {
                    family_id: r.get(0)?,
                    registry_no: r.get::<_, Option<u32>>(1)?.unwrap_or(0),
                    head_name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    reason: DuplicateReason::Address,
                    detail: r.get(3)?,
                })
            })
            .map_err(DbError::from)?;
        for h in rows {
            hints.push(h.map_err(DbError::from)?);
        }
    }
    hints.sort_by_key(|h| (h.reason, h.registry_no));
    hints.dedup_by(|a, b| a.family_id == b.family_id && a.reason == b.reason);
    Ok(hints)
}

pub(crate) fn similar_to(
    conn: &Connection,
    valid: &ValidFamily,
    own_id: Option<&str>,
) -> Result<Vec<DuplicateHint>, Problem> {
    find(conn, &keys_of_valid(valid), own_id)
}

/// The while-typing check: families that look like the form as it stands.
pub fn similar(
    conn: &Connection,
    input: &FamilyInput,
    own_id: Option<&str>,
) -> Result<Vec<DuplicateHint>, Problem> {
    find(conn, &keys_of_input(input), own_id)
}

/// One side of a candidate pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PairSide {
    pub family_id: String,
    pub registry_no: u32,
    pub head_name: String,
    pub village: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DuplicatePair {
    pub a: PairSide,
    pub b: PairSide,
    pub reasons: Vec<DuplicateReason>,
    /// What matched, one entry per reason.
    pub details: Vec<String>,
}

/// More families than this sharing one key (an office's phone, a hostel's address) are a
/// fact about the key, not a list of duplicates; only the first ones are paired.
const GROUP_MAX: usize = 12;

/// Candidate pairs over the whole registry, strongest first (more reasons, then a name
/// match), without the pairs the office has already declared different. At most `limit`.
///
/// Each key is grouped in one ordered pass over its index; pairs are formed in memory, so
/// the scan stays linear in the registry's size.
pub fn scan(conn: &Connection, limit: u32) -> Result<Vec<DuplicatePair>, Problem> {
    let groups = [
        (
            DuplicateReason::NameAndBirthDate,
            "SELECT min(surname || ' ' || name || ' · ' || birth_date),
                    group_concat(DISTINCT family_id)
             FROM members WHERE birth_date IS NOT NULL AND name_key <> ''
             GROUP BY birth_date, name_key HAVING count(DISTINCT family_id) > 1",
        ),
        (
            DuplicateReason::Phone,
            "SELECT phone, group_concat(DISTINCT family_id) FROM (
                 SELECT phone, id AS family_id FROM families
                  WHERE phone IS NOT NULL AND destroyed_at IS NULL AND merged_into IS NULL
                 UNION ALL
                 SELECT phone, family_id FROM members WHERE phone IS NOT NULL)
             GROUP BY phone HAVING count(DISTINCT family_id) > 1",
        ),
        (
            DuplicateReason::Address,
            "SELECT min(concat_ws(', ', village, street, house, flat)),
                    group_concat(DISTINCT id)
             FROM families
             WHERE address_key IS NOT NULL AND destroyed_at IS NULL AND merged_into IS NULL
             GROUP BY address_key HAVING count(*) > 1",
        ),
    ];
    let dismissed: std::collections::HashSet<(String, String)> = {
        let mut stmt = conn
            .prepare_cached("SELECT family_a, family_b FROM not_duplicates")
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(DbError::from)?
            .collect::<Result<_, _>>()
            .map_err(DbError::from)?;
        rows
    };
    let mut pairs: BTreeMap<(String, String), (Vec<DuplicateReason>, Vec<String>)> =
        BTreeMap::new();
    for (reason, sql) in groups {
        let mut stmt = conn.prepare_cached(sql).map_err(DbError::from)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(DbError::from)?;
        for row in rows {
            let (detail, ids) = row.map_err(DbError::from)?;
            let mut ids: Vec<&str> = ids.split(',').collect();
            ids.sort_unstable();
            ids.truncate(GROUP_MAX);
            let detail = if reason == DuplicateReason::Phone {
                phone::display(&detail)
            } else {
                detail
            };
            for (i, x) in ids.iter().enumerate() {
                for y in &ids[i + 1..] {
                    let key = ((*x).to_owned(), (*y).to_owned());
                    if dismissed.contains(&key) {
                        continue;
                    }
                    let entry = pairs.entry(key).or_default();
                    if !entry.0.contains(&reason) {
                        entry.0.push(reason);
                        entry.1.push(detail.clone());
                    }
                }
            }
        }
    }
    let mut ranked: Vec<_> = pairs.into_iter().collect();
    ranked.sort_by_key(|(_, (reasons, _))| {
        (
            std::cmp::Reverse(reasons.len()),
            !reasons.contains(&DuplicateReason::NameAndBirthDate),
        )
    });
    ranked.truncate(limit as usize);
    let mut side = conn
        .prepare_cached(&format!(
            "SELECT f.id, f.registry_no, {HEAD_NAME}, f.village FROM families f WHERE f.id = ?1"
        ))
        .map_err(DbError::from)?;
    let mut load = |id: &str| -> Result<PairSide, Problem> {
        Ok(side
            .query_row([id], |r| {
                Ok(PairSide {
                    family_id: r.get(0)?,
                    registry_no: r.get::<_, Option<u32>>(1)?.unwrap_or(0),
                    head_name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    village: r.get(3)?,
                })
            })
            .map_err(DbError::from)?)
    };
    let mut out = Vec::with_capacity(ranked.len());
    for ((x, y), (mut reasons, details)) in ranked {
        let a = load(&x)?;
        let b = load(&y)?;
        // Show the older registration first: it is usually the one to keep.
        let (a, b) = if a.registry_no <= b.registry_no {
            (a, b)
        } else {
            (b, a)
        };
        reasons.shrink_to_fit();
        out.push(DuplicatePair {
            a,
            b,
            reasons,
            details,
        });
    }
    Ok(out)
}
