//! Likely duplicates: the same person or household registered twice, perhaps spelt
//! differently («Асель» / «Әсел»). Checked while a form is typed, before saving, and over
//! the whole registry; two families found to be one are merged.

use std::collections::{HashMap, HashSet};

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
/// Reads only the keys at least two families share: `duplicate_keys` and
/// `duplicate_groups` (migration 0012) are kept in step with families and members by
/// triggers, so the scan costs the shared keys, not the registry's size. What matched is
/// looked up for the pairs returned only.
pub fn scan(conn: &Connection, limit: u32) -> Result<Vec<DuplicatePair>, Problem> {
    let mut shared = conn
        .prepare_cached(
            "SELECT g.reason, g.key, group_concat(k.family_id)
             FROM duplicate_groups g
             JOIN duplicate_keys k ON k.reason = g.reason AND k.key = g.key
             WHERE g.families > 1
             GROUP BY g.reason, g.key ORDER BY g.reason, g.key",
        )
        .map_err(DbError::from)?;
    let groups: Vec<(DuplicateReason, String, String)> = shared
        .query_map([], |r| {
            let reason = match r.get::<_, i64>(0)? {
                0 => DuplicateReason::NameAndBirthDate,
                1 => DuplicateReason::Phone,
                _ => DuplicateReason::Address,
            };
            Ok((reason, r.get(1)?, r.get(2)?))
        })
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    // Families as numbers in the order of their ids, so a pair of numbers sorts as the
    // pair of ids would: hundreds of thousands of pairs (families sharing a house) cost
    // no allocation each.
    let mut ids: Vec<&str> = groups
        .iter()
        .flat_map(|(_, _, ids)| ids.split(','))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let number: HashMap<&str, u32> = ids.iter().zip(0u32..).map(|(id, n)| (*id, n)).collect();
    let dismissed: HashSet<u64> = {
        let mut stmt = conn
            .prepare_cached("SELECT family_a, family_b FROM not_duplicates")
            .map_err(DbError::from)?;
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(DbError::from)?
            .collect::<Result<_, _>>()
            .map_err(DbError::from)?;
        rows.iter()
            .filter_map(|(a, b)| Some(pair_of(*number.get(a.as_str())?, *number.get(b.as_str())?)))
            .collect()
    };
    // (pair, reason, group): every key two families share, in group order.
    let mut matches: Vec<(u64, DuplicateReason, u32)> = Vec::new();
    for (g, (reason, _, members)) in (0u32..).zip(&groups) {
        let mut members: Vec<u32> = members
            .split(',')
            .filter_map(|id| number.get(id).copied())
            .collect();
        members.sort_unstable();
        members.dedup();
        members.truncate(GROUP_MAX);
        for (i, x) in members.iter().enumerate() {
            for y in &members[i + 1..] {
                let pair = pair_of(*x, *y);
                if !dismissed.contains(&pair) {
                    matches.push((pair, *reason, g));
                }
            }
        }
    }
    matches.sort_unstable();
    // One entry per pair: each reason once, with the first group (in key order) it came from.
    let mut pairs: Vec<(u64, Vec<(DuplicateReason, u32)>)> = Vec::new();
    for (pair, reason, g) in matches {
        match pairs.last_mut() {
            Some((last, reasons)) if *last == pair => {
                if reasons.last().is_none_or(|(r, _)| *r != reason) {
                    reasons.push((reason, g));
                }
            }
            _ => pairs.push((pair, vec![(reason, g)])),
        }
    }
    // Strongest first; among equals, in the order of the pair's ids (the sort is stable).
    pairs.sort_by_key(|(_, reasons)| {
        (
            std::cmp::Reverse(reasons.len()),
            !reasons
                .iter()
                .any(|(r, _)| *r == DuplicateReason::NameAndBirthDate),
        )
    });
    pairs.truncate(limit as usize);
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
    let mut details_of = Details::new(conn)?;
    let mut out = Vec::with_capacity(pairs.len());
    for (pair, matched) in pairs {
        let mut reasons = Vec::with_capacity(matched.len());
        let mut details = Vec::with_capacity(matched.len());
        for (reason, g) in matched {
            let key = groups
                .get(g as usize)
                .map_or("", |(_, key, _)| key.as_str());
            reasons.push(reason);
            details.push(details_of.get(reason, key)?);
        }
        let id = |n: u64| ids.get(n as usize).copied().unwrap_or_default();
        let a = load(id(pair >> 32))?;
        let b = load(id(pair & u64::from(u32::MAX)))?;
        // Show the older registration first: it is usually the one to keep.
        let (a, b) = if a.registry_no <= b.registry_no {
            (a, b)
        } else {
            (b, a)
        };
        out.push(DuplicatePair {
            a,
            b,
            reasons,
            details,
        });
    }
    Ok(out)
}

/// What a shared key looks like to the office: the member's name and birth date as
/// written, the phone as dialled, the address as written.
struct Details<'c> {
    name: rusqlite::CachedStatement<'c>,
    address: rusqlite::CachedStatement<'c>,
}

impl<'c> Details<'c> {
    fn new(conn: &'c Connection) -> Result<Self, Problem> {
        Ok(Self {
            name: conn
                .prepare_cached(
                    "SELECT min(surname || ' ' || name || ' · ' || birth_date) FROM members
                     WHERE birth_date = ?1 AND name_key = ?2",
                )
                .map_err(DbError::from)?,
            address: conn
                .prepare_cached(
                    "SELECT min(concat_ws(', ', village, street, house, flat)) FROM families
                     WHERE address_key = ?1 AND destroyed_at IS NULL AND merged_into IS NULL",
                )
                .map_err(DbError::from)?,
        })
    }

    fn get(&mut self, reason: DuplicateReason, key: &str) -> Result<String, Problem> {
        let found: Option<String> = match reason {
            DuplicateReason::Phone => return Ok(phone::display(key)),
            DuplicateReason::NameAndBirthDate => {
                // The key is the ISO birth date, a space, then the folded name.
                let (birth, name) = key.split_once(' ').unwrap_or((key, ""));
                self.name
                    .query_row(params![birth, name], |r| r.get(0))
                    .map_err(DbError::from)?
            }
            DuplicateReason::Address => self
                .address
                .query_row([key], |r| r.get(0))
                .map_err(DbError::from)?,
        };
        Ok(found.unwrap_or_else(|| key.to_owned()))
    }
}

/// Two families' numbers as one sortable value, the smaller first.
fn pair_of(x: u32, y: u32) -> u64 {
    let (x, y) = if x <= y { (x, y) } else { (y, x) };
    (u64::from(x) << 32) | u64::from(y)
}
