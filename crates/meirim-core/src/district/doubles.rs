//! Families two offices both helped in the same period, found by the keyed hashes of their
//! members' IINs in the offices' current packages — never by the IINs, which stay in each
//! office. The district sees how many such families there are and with what aid; the
//! answer file it writes tells each office which of its own families they are (the office
//! hashes its own IINs with the same key and looks them up).

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};
use crate::reference::Names;
use crate::reports::{Label, Period};

use super::key;
use super::office::{self, Office};
use super::package::{AidGiven, HelpedFamily};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DoubleAid {
    pub aid_type: String,
    /// As the office's report names the aid type.
    pub names: Option<Names>,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub deliveries: i64,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub value: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DoubleOffice {
    pub office: Office,
    pub aid: Vec<DoubleAid>,
}

/// One family helped by two (or more) offices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Double {
    /// The hashes the offices' families share (hex): what an office looks its family up by.
    pub hashes: Vec<String>,
    pub offices: Vec<DoubleOffice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Doubles {
    pub period: Period,
    pub key_id: Option<String>,
    /// Families compared: those in packages hashed with this district's key.
    pub compared: u32,
    pub doubles: Vec<Double>,
    /// Offices whose package could not be compared: no key, or another key.
    pub unchecked: Vec<Office>,
}

struct Sent {
    office: Office,
    aid_names: HashMap<String, Names>,
}

/// The current packages of the period: office and aid type names, by package id.
fn packages(
    conn: &Connection,
    period: Period,
) -> Result<Vec<(i64, Option<String>, Sent)>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, key_id, office_json, report_json FROM report_packages
             WHERE period_from = ?1 AND period_to = ?2 AND is_current = 1
             ORDER BY id",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map(
            params![period.from.to_string(), period.to.to_string()],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    let damaged = || Problem::new(ErrorCode::PackageDamaged).with("part", "stored");
    rows.into_iter()
        .map(|(id, key_id, office, report)| {
            let office: Office = serde_json::from_str(&office).map_err(|_| damaged())?;
            let report: crate::reports::PeriodReport =
                serde_json::from_str(&report).map_err(|_| damaged())?;
            let aid_names = report
                .section("aid-by-type")
                .map(|s| {
                    s.lines
                        .iter()
                        .filter_map(|l| match &l.label {
                            Label::Names(n) => Some((l.key.clone(), n.clone())),
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            Ok((id, key_id, Sent { office, aid_names }))
        })
        .collect()
}

fn find_root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

pub fn find(conn: &Connection, period: Period) -> Result<Doubles, Problem> {
    let key_id = key::stored(conn)?.map(|k| k.id());
    let sent = packages(conn, period)?;
    let unchecked = sent
        .iter()
        .filter(|(_, k, _)| k.is_none() || k.as_ref() != key_id.as_ref())
        .map(|(_, _, s)| s.office.clone())
        .collect();
    let Some(key_id) = key_id else {
        return Ok(Doubles {
            period,
            key_id: None,
            compared: 0,
            doubles: Vec::new(),
            unchecked,
        });
    };
    let compared: u32 = conn
        .query_row(
            "SELECT count(*) FROM package_families f JOIN report_packages p ON p.id = f.package_id
             WHERE p.period_from = ?1 AND p.period_to = ?2 AND p.is_current = 1 AND p.key_id = ?3",
            params![period.from.to_string(), period.to.to_string(), key_id],
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    // Hashes that two current packages of the period share.
    let mut stmt = conn
        .prepare_cached(
            "WITH cur AS (SELECT id FROM report_packages
                          WHERE period_from = ?1 AND period_to = ?2 AND is_current = 1
                            AND key_id = ?3),
                  shared AS (SELECT h.hash FROM package_hashes h JOIN cur ON cur.id = h.package_id
                             GROUP BY h.hash HAVING count(DISTINCT h.package_id) > 1)
             SELECT h.hash, h.package_id, h.family_no, f.aid_json
             FROM shared s JOIN package_hashes h ON h.hash = s.hash
                  JOIN cur ON cur.id = h.package_id
                  JOIN package_families f ON f.package_id = h.package_id
                                         AND f.family_no = h.family_no
             ORDER BY h.hash, h.package_id, h.family_no",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map(
            params![period.from.to_string(), period.to.to_string(), key_id],
            |r| {
                Ok((
                    r.get::<_, Vec<u8>>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    // Families (package, number) joined by a shared hash are one family: union-find.
    let mut node: BTreeMap<(i64, i64), usize> = BTreeMap::new();
    let mut aid_of: Vec<String> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut by_hash: Vec<(Vec<u8>, usize)> = Vec::new();
    for (hash, package, family, aid) in rows {
        let i = *node.entry((package, family)).or_insert_with(|| {
            parent.push(parent.len());
            aid_of.push(aid);
            parent.len() - 1
        });
        if let Some((last_hash, j)) = by_hash.last() {
            if *last_hash == hash {
                let (a, b) = (find_root(&mut parent, *j), find_root(&mut parent, i));
                parent[b] = a;
            }
        }
        by_hash.push((hash, i));
    }
    // Per family found twice: its (package, node) pairs and the hashes shared.
    type Group = (Vec<(i64, usize)>, Vec<String>);
    let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
    for (&(package, _), &i) in &node {
        let root = find_root(&mut parent, i);
        groups.entry(root).or_default().0.push((package, i));
    }
    for (hash, i) in &by_hash {
        let root = find_root(&mut parent, *i);
        let hashes = &mut groups.entry(root).or_default().1;
        let hex = hex::encode(hash);
        if !hashes.contains(&hex) {
            hashes.push(hex);
        }
    }
    let by_id: HashMap<i64, &Sent> = sent.iter().map(|(id, _, s)| (*id, s)).collect();
    let mut doubles = Vec::new();
    for (_, (members, hashes)) in groups {
        let mut offices: Vec<DoubleOffice> = Vec::new();
        for (package, i) in members {
            let Some(s) = by_id.get(&package) else {
                continue;
            };
            let aid: Vec<AidGiven> = serde_json::from_str(&aid_of[i]).unwrap_or_default();
            let lines = aid.into_iter().map(|a| DoubleAid {
                names: s.aid_names.get(&a.aid_type).cloned(),
                aid_type: a.aid_type,
                deliveries: a.deliveries,
                value: a.value,
            });
            match offices.iter_mut().find(|o| o.office.id == s.office.id) {
                Some(o) => o.aid.extend(lines),
                None => offices.push(DoubleOffice {
                    office: s.office.clone(),
                    aid: lines.collect(),
                }),
            }
        }
        if offices.len() > 1 {
            offices.sort_by_cached_key(|o| office::by_name(&o.office));
            doubles.push(Double { hashes, offices });
        }
    }
    doubles.sort_by(|a, b| a.hashes.cmp(&b.hashes));
    Ok(Doubles {
        period,
        key_id: Some(key_id),
        compared,
        doubles,
        unchecked,
    })
}

/// Every family of the period's current packages hashed with `key_id`, as sent.
pub(super) fn families_of_period(
    conn: &Connection,
    period: Period,
    key_id: &str,
) -> Result<Vec<HelpedFamily>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT f.package_id, f.family_no, f.aid_json, h.hash
             FROM report_packages p JOIN package_families f ON f.package_id = p.id
                  JOIN package_hashes h ON h.package_id = f.package_id
                                       AND h.family_no = f.family_no
             WHERE p.period_from = ?1 AND p.period_to = ?2 AND p.is_current = 1
               AND p.key_id = ?3
             ORDER BY f.package_id, f.family_no",
        )
        .map_err(DbError::from)?;
    let mut rows = stmt
        .query(params![
            period.from.to_string(),
            period.to.to_string(),
            key_id
        ])
        .map_err(DbError::from)?;
    let mut out: Vec<HelpedFamily> = Vec::new();
    let mut last: Option<(i64, i64)> = None;
    while let Some(r) = rows.next().map_err(DbError::from)? {
        let id: (i64, i64) = (
            r.get(0).map_err(DbError::from)?,
            r.get(1).map_err(DbError::from)?,
        );
        let hash = hex::encode(r.get::<_, Vec<u8>>(3).map_err(DbError::from)?);
        if last == Some(id) {
            if let Some(f) = out.last_mut() {
                f.hashes.push(hash);
            }
            continue;
        }
        last = Some(id);
        let aid: Vec<AidGiven> =
            serde_json::from_str(&r.get::<_, String>(2).map_err(DbError::from)?)
                .unwrap_or_default();
        out.push(HelpedFamily {
            hashes: vec![hash],
            aid,
        });
    }
    Ok(out)
}

/// The district's answer to its offices: the doubles of a period, hashes and offices only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub kind: String,
    pub schema: u32,
    pub district: Office,
    pub period: Period,
    pub key_id: String,
    pub made_at: String,
    pub doubles: Vec<Double>,
}

pub const ANSWER_KIND: &str = "meirim-doubles";
pub const ANSWER_EXTENSION: &str = "meirim-doubles";
/// An answer is hashes and office names: 32 MiB is far more than a district's.
pub const ANSWER_MAX_BYTES: u64 = 32 * 1024 * 1024;

pub fn answer(conn: &Connection, period: Period) -> Result<Answer, Problem> {
    let found = find(conn, period)?;
    let key_id = found
        .key_id
        .ok_or_else(|| Problem::new(ErrorCode::DistrictKeyMissing))?;
    Ok(Answer {
        kind: ANSWER_KIND.to_owned(),
        schema: 1,
        district: office::own(conn)?,
        period,
        key_id,
        made_at: crate::clock::now(),
        doubles: found.doubles,
    })
}

/// One of this office's families that another office helped in the same period too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OwnDouble {
    pub family_id: String,
    pub head: String,
    /// The other offices and what they gave.
    pub others: Vec<DoubleOffice>,
    /// What this office gave, as it told the district.
    pub here: Vec<DoubleAid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AnswerSeen {
    pub district: Office,
    pub period: Period,
    pub doubles: Vec<OwnDouble>,
}

/// Reads the district's answer and finds this office's families in it.
pub fn read_answer(conn: &Connection, bytes: &[u8]) -> Result<AnswerSeen, Problem> {
    let answer: Answer = serde_json::from_slice(bytes)
        .ok()
        .filter(|a: &Answer| a.kind == ANSWER_KIND)
        .ok_or_else(|| Problem::new(ErrorCode::AnswerNotMeirim))?;
    let key = key::stored(conn)?.ok_or_else(|| Problem::new(ErrorCode::DistrictKeyMissing))?;
    if key.id() != answer.key_id {
        return Err(Problem::new(ErrorCode::DistrictKeyMismatch));
    }
    let me = office::own(conn)?;
    let hasher = key.hasher();
    let mut family_of: HashMap<String, (String, String)> = HashMap::new();
    {
        let mut stmt = conn
            .prepare(
                "SELECT m.iin, m.family_id, h.surname || ' ' || h.name || ifnull(' ' || h.patronymic, '')
                 FROM members m JOIN members h ON h.family_id = m.family_id AND h.is_head = 1
                 WHERE m.iin IS NOT NULL",
            )
            .map_err(DbError::from)?;
        let mut rows = stmt.query([]).map_err(DbError::from)?;
        while let Some(r) = rows.next().map_err(DbError::from)? {
            let iin: String = r.get(0).map_err(DbError::from)?;
            family_of.insert(
                hex::encode(hasher.hash(&iin)),
                (
                    r.get(1).map_err(DbError::from)?,
                    r.get(2).map_err(DbError::from)?,
                ),
            );
        }
    }
    let mut doubles = Vec::new();
    for d in answer.doubles {
        let Some((family_id, head)) = d.hashes.iter().find_map(|h| family_of.get(h)) else {
            continue;
        };
        let (here, others): (Vec<_>, Vec<_>) =
            d.offices.into_iter().partition(|o| o.office.id == me.id);
        doubles.push(OwnDouble {
            family_id: family_id.clone(),
            head: head.clone(),
            here: here.into_iter().flat_map(|o| o.aid).collect(),
            others,
        });
    }
    doubles.sort_by(|a, b| a.head.cmp(&b.head).then(a.family_id.cmp(&b.family_id)));
    Ok(AnswerSeen {
        district: answer.district,
        period: answer.period,
        doubles,
    })
}
