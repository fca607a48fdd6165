//! The sending side: the family, its aid and its history gathered into a transfer; once
//! the file is safely written, the family archived here with the reason and an entry that
//! says where it went, in one transaction.

use rusqlite::Connection;

use crate::audit::{self, AuditAction};
use crate::check::Checker;
use crate::db::{Database, DbError};
use crate::district::office;
use crate::family::{self, FamilyStatus};
use crate::problem::{ErrorCode, Problem};
use crate::reference::Names;
use crate::{clock, text};

use super::{MovedDelivery, MovedEntry, Transfer, KIND, SCHEMA};

const REASON_MAX: usize = 500;

fn reason_checked(reason: &str) -> Result<String, Problem> {
    let mut c = Checker::default();
    let r = c.required("reason", reason, REASON_MAX);
    c.finish(r)
}

/// The transfer of one family: refused for a family destroyed or merged away.
pub fn gather(conn: &Connection, family_id: &str, reason: &str) -> Result<Transfer, Problem> {
    let reason = reason_checked(reason)?;
    let f = family::get(conn, family_id)?;
    if f.destroyed_at.is_some() || f.merged_into.is_some() {
        return Err(Problem::new(ErrorCode::WrongStatus).with("id", family_id));
    }
    let member_ids: Vec<String> = f.members.iter().map(|m| m.id.clone()).collect();
    let mut input = f.to_input();
    for m in &mut input.members {
        m.id = None;
    }
    input.accept_duplicates = true;
    let deliveries = {
        let mut stmt = conn
            .prepare(
                "SELECT d.aid_type_id, t.code, t.name_kk, t.name_ru, t.unit, t.unit_value,
                        d.on_date, d.quantity_milli, d.value, d.status, d.cancel_reason,
                        d.receipt_signed, d.rule_override, d.notes, c.name, d.member_id,
                        d.created_at
                 FROM deliveries d JOIN aid_types t ON t.id = d.aid_type_id
                      LEFT JOIN campaigns c ON c.id = d.campaign_id
                 WHERE d.family_id = ?1 ORDER BY d.on_date, d.created_at",
            )
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map([family_id], |r| {
                let member: Option<String> = r.get(15)?;
                Ok(MovedDelivery {
                    aid_type_id: r.get(0)?,
                    aid_code: r.get(1)?,
                    aid_names: Names {
                        kk: r.get(2)?,
                        ru: r.get(3)?,
                    },
                    unit: r.get(4)?,
                    unit_value: r.get(5)?,
                    on_date: r.get(6)?,
                    quantity_milli: r.get(7)?,
                    value: r.get(8)?,
                    status: r.get(9)?,
                    cancel_reason: r.get(10)?,
                    receipt_signed: r.get(11)?,
                    rule_override: r.get(12)?,
                    notes: r.get(13)?,
                    campaign: r.get(14)?,
                    member_index: member.and_then(|m| member_ids.iter().position(|x| *x == m)),
                    created_at: r.get(16)?,
                })
            })
            .map_err(DbError::from)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(DbError::from)?
    };
    let history = {
        let mut stmt = conn
            .prepare(
                "SELECT at, operator, action, summary, changes FROM audit_log
                 WHERE family_id = ?1 ORDER BY seq",
            )
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map([family_id], |r| {
                let changes: String = r.get(4)?;
                Ok(MovedEntry {
                    at: r.get(0)?,
                    operator: r.get(1)?,
                    action: r.get(2)?,
                    summary: r.get(3)?,
                    changes: serde_json::from_str(&changes).unwrap_or_default(),
                })
            })
            .map_err(DbError::from)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(DbError::from)?
    };
    Ok(Transfer {
        kind: KIND.to_owned(),
        schema: SCHEMA,
        from: office::own(conn)?,
        made_at: clock::now(),
        reason,
        registry_no: f.registry_no,
        family: input,
        deliveries,
        history,
    })
}

/// The file name: the registry number and the day, never a name (a stick can be lost).
pub fn file_name(t: &Transfer) -> String {
    format!(
        "family-{}-{}.{}",
        t.registry_no,
        t.made_at.get(..10).unwrap_or("transfer"),
        super::EXTENSION
    )
}

/// After the file is written: the family archived with the reason (unless it already was)
/// and the transfer in its history, in one transaction.
pub fn mark_sent(
    db: &mut Database,
    family_id: &str,
    reason: &str,
    file: &str,
) -> Result<family::Family, Problem> {
    let reason = reason_checked(reason)?;
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let before = family::get(&tx, family_id)?;
    if before.status != FamilyStatus::Archived {
        family::lifecycle::archive_in(&tx, family_id, &reason, clock::today())?;
    }
    audit::record(
        &tx,
        family_id,
        AuditAction::TransferredOut,
        Some(&text::tidy(&format!("{reason} · {file}"))),
        &[],
    )?;
    let after = family::get(&tx, family_id)?;
    tx.commit().map_err(DbError::from)?;
    Ok(after)
}
