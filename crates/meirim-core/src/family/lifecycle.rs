//! A family's life after registration: archive, restore, and destroy on withdrawal of
//! consent. Each is one transaction with its audit entry.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};

use super::index;
use super::model::{Family, FamilyStatus};
use super::read::{get, today};
use super::snapshot::snapshot;
use super::store::refuse_if_gone;
use crate::audit::{self, AuditAction};
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{clock, date, text};

const REASON_MAX: usize = 500;

fn wrong_status(f: &Family) -> Problem {
    Problem::new(ErrorCode::WrongStatus)
        .with("registry_no", f.registry_no)
        .with(
            "status",
            serde_json::to_value(f.status)
                .unwrap_or_default()
                .as_str()
                .unwrap_or(""),
        )
}

fn parse_day(field: &str, value: Option<&str>) -> Result<NaiveDate, FieldProblem> {
    let Some(raw) = text::tidy_opt(value) else {
        return Ok(today());
    };
    match date::parse(&raw) {
        None => Err(FieldProblem::new(field, ErrorCode::InvalidDate).with("value", raw)),
        Some(d) if d > today() => Err(FieldProblem::new(field, ErrorCode::DateInFuture)),
        Some(d) => Ok(d),
    }
}

fn set_status(
    tx: &Transaction<'_>,
    id: &str,
    status: FamilyStatus,
    reason: Option<&str>,
    on: NaiveDate,
) -> Result<(), Problem> {
    let status = serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    tx.execute(
        "UPDATE families SET status = ?2, status_reason = ?3, status_on = ?4, updated_at = ?5
         WHERE id = ?1",
        params![id, status, reason, on.to_string(), clock::now()],
    )
    .map_err(DbError::from)?;
    Ok(())
}

/// Moves a family out of the current list (moved away, no longer in need…). Its data stay.
pub fn archive(
    db: &mut Database,
    id: &str,
    reason: &str,
    on: Option<&str>,
) -> Result<Family, Problem> {
    let reason = text::tidy(reason);
    let mut problems = Vec::new();
    if reason.is_empty() {
        problems.push(FieldProblem::new("reason", ErrorCode::Required));
    } else if reason.chars().count() > REASON_MAX {
        problems.push(FieldProblem::new("reason", ErrorCode::TooLong).with("max", REASON_MAX));
    }
    let day = parse_day("date", on).map_err(|p| problems.push(p)).ok();
    if !problems.is_empty() {
        return Err(Problem::validation(problems));
    }
    let day = day.unwrap_or_else(today);
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let after = archive_in(&tx, id, &reason, day)?;
    tx.commit().map_err(DbError::from)?;
    Ok(after)
}

/// Archives inside the caller's transaction (a family sent to another office is archived
/// in the same transaction as the entry that says where it went).
pub(crate) fn archive_in(
    tx: &rusqlite::Transaction<'_>,
    id: &str,
    reason: &str,
    day: chrono::NaiveDate,
) -> Result<Family, Problem> {
    let before = get(tx, id)?;
    refuse_if_gone(&before)?;
    if before.status == FamilyStatus::Archived {
        return Err(wrong_status(&before));
    }
    set_status(tx, id, FamilyStatus::Archived, Some(reason), day)?;
    index::refresh(tx, id)?;
    let after = get(tx, id)?;
    let changes = audit::diff(&snapshot(&before), &snapshot(&after));
    audit::record(tx, id, AuditAction::Archive, Some(reason), &changes)?;
    Ok(after)
}

/// Brings an archived family back into the current list, marked "restored".
pub fn restore(db: &mut Database, id: &str) -> Result<Family, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let before = get(&tx, id)?;
    refuse_if_gone(&before)?;
    if before.status != FamilyStatus::Archived {
        return Err(wrong_status(&before));
    }
    set_status(&tx, id, FamilyStatus::Restored, None, today())?;
    index::refresh(&tx, id)?;
    let after = get(&tx, id)?;
    let changes = audit::diff(&snapshot(&before), &snapshot(&after));
    audit::record(&tx, id, AuditAction::Restore, None, &changes)?;
    tx.commit().map_err(DbError::from)?;
    Ok(after)
}
