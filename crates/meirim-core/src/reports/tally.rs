//! The report's aid figures for the period and the one before it, from one read of their
//! delivered aid. Every aid breakdown (the summary, categories, villages, aid types,
//! campaigns) is counted in memory during that read: families become small numbers and
//! "which families" a bitset, so a distinct count costs a bit per delivery instead of a
//! sort per breakdown and period. Nothing is written, so a report runs on a read-only
//! connection.

use std::collections::HashMap;

use rusqlite::{named_params, Connection};
use rustc_hash::FxHashMap;

use crate::db::DbError;
use crate::problem::Problem;
use crate::reference::Names;
use crate::reports::Scope;

/// A set of families, by their number in `Families`.
#[derive(Debug, Clone, Default)]
pub(super) struct Bits(Vec<u64>);

impl Bits {
    fn with_len(n: usize) -> Self {
        Self(vec![0; n.div_ceil(64)])
    }

    fn set(&mut self, i: u32) {
        let i = i as usize;
        if let Some(word) = self.0.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    pub(super) fn has(&self, i: u32) -> bool {
        let i = i as usize;
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub(super) fn count(&self) -> i64 {
        self.0.iter().map(|w| i64::from(w.count_ones())).sum()
    }
}

/// Every family of the registry, numbered: its id, its village ('' for none), and its
/// categories (read once for both periods).
pub(super) struct Families {
    number: FxHashMap<Box<str>, u32>,
    pub(super) village: Vec<Box<str>>,
    in_scope: Bits,
    /// The categories in report order (id, names).
    pub(super) categories: Vec<(String, Names)>,
    /// (family number, index into `categories`) for every category a family has.
    pub(super) category_of: Vec<(u32, usize)>,
}

impl Families {
    pub(super) fn number(&self, id: &str) -> Option<u32> {
        self.number.get(id).copied()
    }

    fn read(conn: &Connection, scope: &Scope) -> Result<Self, Problem> {
        let mut stmt = conn
            .prepare_cached(
                "SELECT id, ifnull(village, ''),
                        (:village IS NULL OR village = :village)
                        AND (:okrug IS NULL OR rural_okrug = :okrug)
                 FROM families",
            )
            .map_err(DbError::from)?;
        let mut rows = stmt
            .query(named_params! {
                ":village": scope.village,
                ":okrug": scope.rural_okrug,
            })
            .map_err(DbError::from)?;
        let mut number = FxHashMap::default();
        let mut village = Vec::new();
        let mut in_scope = Vec::new();
        while let Some(r) = rows.next().map_err(DbError::from)? {
            let n = u32::try_from(village.len()).unwrap_or(u32::MAX);
            number.insert(r.get::<_, String>(0).map_err(DbError::from)?.into(), n);
            village.push(r.get::<_, String>(1).map_err(DbError::from)?.into());
            in_scope.push(r.get::<_, bool>(2).map_err(DbError::from)?);
        }
        drop(rows);
        let mut bits = Bits::with_len(in_scope.len());
        for (n, yes) in (0u32..).zip(&in_scope) {
            if *yes {
                bits.set(n);
            }
        }
        let mut stmt = conn
            .prepare_cached("SELECT id, name_kk, name_ru FROM categories ORDER BY sort_order, id")
            .map_err(DbError::from)?;
        let categories: Vec<(String, Names)> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    Names {
                        kk: r.get(1)?,
                        ru: r.get(2)?,
                    },
                ))
            })
            .map_err(DbError::from)?
            .collect::<Result<_, _>>()
            .map_err(DbError::from)?;
        let index: FxHashMap<&str, usize> = categories
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.as_str(), i))
            .collect();
        let mut stmt = conn
            .prepare_cached("SELECT family_id, category_id FROM family_categories")
            .map_err(DbError::from)?;
        let mut rows = stmt.query([]).map_err(DbError::from)?;
        let mut category_of = Vec::new();
        while let Some(r) = rows.next().map_err(DbError::from)? {
            let text = |i: usize| -> Result<&str, DbError> {
                Ok(r.get_ref(i)?.as_str().map_err(rusqlite::Error::from)?)
            };
            let family = number.get(text(0)?).copied();
            let category = index.get(text(1)?).copied();
            if let (Some(f), Some(c)) = (family, category) {
                category_of.push((f, c));
            }
        }
        drop(rows);
        Ok(Self {
            number,
            village,
            in_scope: bits,
            categories,
            category_of,
        })
    }
}

/// One aid type's or one campaign's delivered aid in a period.
#[derive(Debug, Clone, Default)]
pub(super) struct Share {
    pub(super) families: Bits,
    pub(super) deliveries: i64,
    pub(super) quantity_milli: i64,
    pub(super) value: i64,
}

/// One period's delivered aid.
#[derive(Debug, Clone, Default)]
pub(super) struct Tally {
    pub(super) helped: Bits,
    pub(super) deliveries: i64,
    pub(super) value: i64,
    /// The value of aid given in tenge (the rest is in kind).
    pub(super) cash: i64,
    pub(super) by_type: HashMap<String, Share>,
    pub(super) by_campaign: HashMap<String, Share>,
}

impl Tally {
    fn new(families: usize) -> Self {
        Self {
            helped: Bits::with_len(families),
            ..Self::default()
        }
    }
}

/// Both periods' aid, and the registry's families it was counted against.
pub(super) struct AidTally {
    pub(super) families: Families,
    pub(super) now: Tally,
    pub(super) before: Tally,
}

/// Ids (aid types or campaigns) numbered in the order read, for a share per id.
struct Numbered(HashMap<String, usize>);

impl Numbered {
    fn read(conn: &Connection, sql: &str) -> Result<(Self, Vec<bool>), Problem> {
        let mut stmt = conn.prepare_cached(sql).map_err(DbError::from)?;
        let rows: Vec<(String, bool)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(DbError::from)?
            .collect::<Result<_, _>>()
            .map_err(DbError::from)?;
        let flags = rows.iter().map(|(_, f)| *f).collect();
        Ok((
            Self(
                rows.into_iter()
                    .enumerate()
                    .map(|(i, (id, _))| (id, i))
                    .collect(),
            ),
            flags,
        ))
    }

    fn shares(&self, families: usize) -> Vec<Share> {
        vec![
            Share {
                families: Bits::with_len(families),
                ..Share::default()
            };
            self.0.len()
        ]
    }

    /// The shares that counted anything, by id.
    fn keep(&self, shares: Vec<Share>) -> HashMap<String, Share> {
        let mut ids: Vec<(&String, usize)> = self.0.iter().map(|(id, i)| (id, *i)).collect();
        ids.sort_by_key(|(_, i)| *i);
        ids.into_iter()
            .zip(shares)
            .filter(|(_, s)| s.deliveries > 0)
            .map(|((id, _), s)| (id.clone(), s))
            .collect()
    }
}

/// Delivered aid from `from` to `to` within `scope`, days from `now_from` on counting for
/// the period and earlier ones for the previous period.
pub(super) fn count(
    conn: &Connection,
    from: &str,
    now_from: &str,
    to: &str,
    scope: &Scope,
) -> Result<AidTally, Problem> {
    let families = Families::read(conn, scope)?;
    let n = families.village.len();
    let (types, cash) = Numbered::read(conn, "SELECT id, unit = 'tenge' FROM aid_types")?;
    let (campaigns, _) = Numbered::read(conn, "SELECT id, 0 FROM campaigns")?;
    let mut now = Tally::new(n);
    let mut before = Tally::new(n);
    // By period (0 now, 1 before), by aid type / campaign number.
    let mut type_shares = [types.shares(n), types.shares(n)];
    let mut campaign_shares = [campaigns.shares(n), campaigns.shares(n)];
    let mut stmt = conn
        .prepare_cached(
            "SELECT on_date >= :now_from, family_id, aid_type_id, value, quantity_milli,
                    campaign_id
             FROM deliveries
             WHERE status = 'delivered' AND on_date BETWEEN :from AND :to
               AND (:campaign IS NULL OR campaign_id = :campaign)",
        )
        .map_err(DbError::from)?;
    let mut rows = stmt
        .query(named_params! {
            ":now_from": now_from,
            ":from": from,
            ":to": to,
            ":campaign": scope.campaign_id,
        })
        .map_err(DbError::from)?;
    let scoped = scope.village.is_some() || scope.rural_okrug.is_some();
    while let Some(r) = rows.next().map_err(DbError::from)? {
        let text = |i: usize| -> Result<&str, DbError> {
            Ok(r.get_ref(i)?.as_str().map_err(rusqlite::Error::from)?)
        };
        let Some(family) = families.number(text(1)?) else {
            continue;
        };
        if scoped && !families.in_scope.has(family) {
            continue;
        }
        let p = if r.get::<_, bool>(0).map_err(DbError::from)? {
            0
        } else {
            1
        };
        let tally = if p == 0 { &mut now } else { &mut before };
        let value: i64 = r.get(3).map_err(DbError::from)?;
        let quantity_milli: i64 = r.get(4).map_err(DbError::from)?;
        let Some(&aid_type) = types.0.get(text(2)?) else {
            continue;
        };
        tally.helped.set(family);
        tally.deliveries += 1;
        tally.value += value;
        if cash.get(aid_type).copied().unwrap_or(false) {
            tally.cash += value;
        }
        let add = |s: &mut Share| {
            s.families.set(family);
            s.deliveries += 1;
            s.quantity_milli += quantity_milli;
            s.value += value;
        };
        if let Some(s) = type_shares[p].get_mut(aid_type) {
            add(s);
        }
        let campaign = r
            .get_ref(5)
            .map_err(DbError::from)?
            .as_str_or_null()
            .map_err(|e| DbError::from(rusqlite::Error::from(e)))?;
        if let Some(s) = campaign
            .and_then(|c| campaigns.0.get(c))
            .and_then(|&c| campaign_shares[p].get_mut(c))
        {
            add(s);
        }
    }
    drop(rows);
    let [types_now, types_before] = type_shares;
    let [campaigns_now, campaigns_before] = campaign_shares;
    now.by_type = types.keep(types_now);
    before.by_type = types.keep(types_before);
    now.by_campaign = campaigns.keep(campaigns_now);
    before.by_campaign = campaigns.keep(campaigns_before);
    Ok(AidTally {
        families,
        now,
        before,
    })
}
