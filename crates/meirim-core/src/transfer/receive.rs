//! The receiving side: what the file holds and which families here share an IIN with it
//! (shown first), then the family made here with its history — or, when the user chose a
//! family here that is the same one, that family's history extended; never a silent
//! overwrite and never two families for the same people.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use crate::audit::{self, AuditAction};
use crate::db::{Database, DbError};
use crate::district::office::Office;
use crate::family;
use crate::family::store::Indexing;
use crate::problem::{ErrorCode, Problem};
use crate::{clock, text};

use super::Transfer;

/// A family here that shares an IIN with the one arriving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Match {
    pub family_id: String,
    pub registry_no: u32,
    pub head: String,
    /// How many of the arriving members' IINs it holds.
    pub shared_iins: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Arriving {
    pub from: Office,
    pub made_at: String,
    pub reason: String,
    pub head: String,
    pub members: u32,
    pub deliveries: u32,
    pub history: u32,
    pub matches: Vec<Match>,
}

pub fn preview(conn: &rusqlite::Connection, t: &Transfer) -> Result<Arriving, Problem> {
    let head = t
        .family
        .members
        .iter()
        .find(|m| m.is_head)
        .or(t.family.members.first())
        .map(|m| crate::family::full_name(&m.surname, &m.name, m.patronymic.as_deref()))
        .unwrap_or_default();
    Ok(Arriving {
        from: t.from.clone(),
        made_at: t.made_at.clone(),
        reason: t.reason.clone(),
        head,
        members: t.family.members.len() as u32,
        deliveries: t.deliveries.len() as u32,
        history: t.history.len() as u32,
        matches: matches(conn, t)?,
    })
}

fn matches(conn: &rusqlite::Connection, t: &Transfer) -> Result<Vec<Match>, Problem> {
    let iins: Vec<String> = t
        .family
        .members
        .iter()
        .filter_map(|m| m.iin.as_deref().map(text::tidy))
        .filter(|i| !i.is_empty())
        .collect();
    let mut out: Vec<Match> = Vec::new();
    let mut stmt = conn
        .prepare_cached(
            "SELECT f.id, f.registry_no, h.surname || ' ' || h.name || ifnull(' ' || h.patronymic, '')
             FROM members m JOIN families f ON f.id = m.family_id
                  JOIN members h ON h.family_id = f.id AND h.is_head = 1
             WHERE m.iin = ?1",
        )
        .map_err(DbError::from)?;
    for iin in &iins {
        let found: Option<(String, u32, String)> = stmt
            .query_row([iin], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
            .map_err(DbError::from)?;
        if let Some((family_id, registry_no, head)) = found {
            match out.iter_mut().find(|m| m.family_id == family_id) {
                Some(m) => m.shared_iins += 1,
                None => out.push(Match {
                    family_id,
                    registry_no,
                    head,
                    shared_iins: 1,
                }),
            }
        }
    }
    out.sort_by_key(|m| m.registry_no);
    Ok(out)
}

/// Reads the transfer in, in one transaction; returns the family's id here. `into`: the
/// family here the user chose as the same one (its history is extended, nothing of it is
/// changed); without it, a family sharing an IIN refuses the transfer.
pub fn accept(db: &mut Database, t: &Transfer, into: Option<&str>) -> Result<String, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let found = matches(&tx, t)?;
    let from = format!("{} · {}", t.from.names.kk, t.reason);
    let (family_id, member_ids) = match into {
        Some(id) => {
            if !found.iter().any(|m| m.family_id == id) {
                return Err(Problem::new(ErrorCode::TransferNotThatFamily).with("id", id));
            }
            (id.to_owned(), Vec::new())
        }
        None if !found.is_empty() => {
            return Err(Problem::new(ErrorCode::TransferAlreadyHere)
                .with("number", found[0].registry_no)
                .with("head", found[0].head.clone()))
        }
        None => {
            let mut input = t.family.clone();
            input.accept_duplicates = true;
            // Categories the office here does not have (another office's own) are left out
            // of the family: they stay in its history.
            input.category_ids.retain(|c| known_category(&tx, c));
            let (id, _) = family::store::create_logged(&tx, &input, Indexing::Now, Some(&from))?;
            let members: Vec<String> = family::get(&tx, &id)?
                .members
                .into_iter()
                .map(|m| m.id)
                .collect();
            (id, members)
        }
    };
    history_in(&tx, &family_id, t)?;
    deliveries_in(&tx, &family_id, t, &member_ids)?;
    audit::record(
        &tx,
        &family_id,
        AuditAction::TransferredIn,
        Some(&from),
        &[],
    )?;
    tx.commit().map_err(DbError::from)?;
    Ok(family_id)
}

fn known_category(tx: &Transaction<'_>, id: &str) -> bool {
    tx.query_row("SELECT 1 FROM categories WHERE id = ?1", [id], |_| Ok(()))
        .optional()
        .ok()
        .flatten()
        .is_some()
}

/// The sender's history, oldest first, before this office's own entries; each entry keeps
/// its time and names its operator with the office it worked in.
fn history_in(tx: &Transaction<'_>, family_id: &str, t: &Transfer) -> Result<(), Problem> {
    let mut insert = tx
        .prepare(
            "INSERT INTO audit_log (at, operator, action, family_id, summary, changes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(DbError::from)?;
    let known = |a: &str| {
        serde_json::from_value::<AuditAction>(serde_json::Value::String(a.to_owned())).is_ok()
    };
    for e in &t.history {
        // An action this version does not know is kept as a plain change of the record.
        let action = if known(&e.action) {
            e.action.as_str()
        } else {
            "update"
        };
        let changes = serde_json::to_string(&e.changes).unwrap_or_else(|_| "[]".into());
        let changes = if serde_json::from_str::<Vec<audit::Change>>(&changes).is_ok() {
            changes
        } else {
            "[]".to_owned()
        };
        insert
            .execute(params![
                e.at,
                format!("{} ({})", e.operator, t.from.names.kk),
                action,
                family_id,
                e.summary,
                changes
            ])
            .map_err(DbError::from)?;
    }
    Ok(())
}

/// The sender's deliveries, placed under this office's aid types: the same type (seeded
/// types share their ids in every office), else one of the same code, else the sender's
/// type added here (inactive, so it is not offered for new aid).
fn deliveries_in(
    tx: &Transaction<'_>,
    family_id: &str,
    t: &Transfer,
    member_ids: &[String],
) -> Result<(), Problem> {
    let now = clock::now();
    for d in &t.deliveries {
        let type_id = aid_type_here(tx, d, &now)?;
        let notes = match (&d.notes, &d.campaign) {
            (Some(n), Some(c)) => Some(format!("{n} · «{c}» ({})", t.from.names.kk)),
            (None, Some(c)) => Some(format!("«{c}» ({})", t.from.names.kk)),
            (n, None) => n.clone(),
        };
        tx.execute(
            "INSERT INTO deliveries (id, family_id, member_id, aid_type_id, campaign_id,
                 funding_source_id, on_date, quantity_milli, value, status, cancel_reason,
                 receipt_signed, rule_override, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, NULL, NULL, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                clock::new_id(),
                family_id,
                d.member_index.and_then(|i| member_ids.get(i)),
                type_id,
                d.on_date,
                d.quantity_milli.max(1),
                d.value.max(0),
                if ["planned", "delivered", "cancelled"].contains(&d.status.as_str()) {
                    d.status.as_str()
                } else {
                    "delivered"
                },
                d.cancel_reason,
                d.receipt_signed,
                d.rule_override,
                notes,
                d.created_at,
                now
            ],
        )
        .map_err(DbError::from)?;
    }
    Ok(())
}

fn aid_type_here(
    tx: &Transaction<'_>,
    d: &super::MovedDelivery,
    now: &str,
) -> Result<String, Problem> {
    let by_id: Option<String> = tx
        .query_row(
            "SELECT id FROM aid_types WHERE id = ?1",
            [&d.aid_type_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(DbError::from)?;
    if let Some(id) = by_id {
        return Ok(id);
    }
    if let Some(code) = &d.aid_code {
        let by_code: Option<String> = tx
            .query_row("SELECT id FROM aid_types WHERE code = ?1", [code], |r| {
                r.get(0)
            })
            .optional()
            .map_err(DbError::from)?;
        if let Some(id) = by_code {
            return Ok(id);
        }
    }
    let unit = if crate::aid::AidUnit::parse(&d.unit).stored() == d.unit {
        d.unit.as_str()
    } else {
        "pcs"
    };
    tx.execute(
        "INSERT INTO aid_types (id, code, name_kk, name_ru, unit, unit_value, rule, rule_days,
                                sort_order, active, created_at, updated_at)
         VALUES (?1, NULL, ?2, ?3, ?4, ?5, 'none', NULL,
                 (SELECT ifnull(max(sort_order), 0) + 1 FROM aid_types), 0, ?6, ?6)",
        params![
            d.aid_type_id,
            d.aid_names.kk,
            d.aid_names.ru,
            unit,
            d.unit_value,
            now
        ],
    )
    .map_err(DbError::from)?;
    Ok(d.aid_type_id.clone())
}
