//! The audit log: who changed which family, when, and each changed field's value before and
//! after. Written in the same transaction as the change it describes.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};
use crate::{clock, settings};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum AuditAction {
    Create,
    Update,
    Archive,
    Restore,
    /// On the surviving family: another family was merged into it.
    Merge,
    /// On the absorbed family: it was merged into another.
    MergedInto,
    Destroy,
    AidPlanned,
    AidDelivered,
    AidCancelled,
    AidChanged,
    /// A whole import (no family): the file, its hash and the counts, in `summary`.
    Import,
    /// A whole import taken back.
    ImportUndone,
    /// A list with personal data exported (no family): the list, rows, IINs, where to.
    Export,
    /// A volunteer added or changed (no family): their name and id.
    VolunteerAdded,
    VolunteerChanged,
    /// An encrypted copy of the whole registry made (no family): families and where to.
    BackupSealed,
    /// A family's card printed to a PDF: where to.
    FamilyCardPrinted,
    /// A campaign's distribution list printed (no family): rows, full IINs or not, where to.
    DistributionListPrinted,
    /// Someone signed in (no family); wrong passwords typed before it, in `summary`.
    SignedIn,
    /// An account added, changed (role, name, disabled) or given a new password by the
    /// administrator: who, in `summary`.
    AccountAdded,
    AccountChanged,
    PasswordReset,
    /// The registry and its local backups encrypted (once, from a plain registry).
    RegistryEncrypted,
    /// The recovery key shown or printed again.
    RecoveryKeyShown,
    /// The registry given a new key (and a new recovery key).
    RegistryKeyChanged,
    /// The family sent to another office in a transfer file: where to, why, the file.
    TransferredOut,
    /// The family (or its history) received from another office: from where, why.
    TransferredIn,
}

/// One field's change. `subject` names the member a member field belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Change {
    pub field: String,
    pub subject: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditEntry {
    pub seq: u32,
    pub at: String,
    pub operator: String,
    pub action: AuditAction,
    /// Free text for actions that are more than field changes (the archive reason, the
    /// number of the family merged in).
    pub summary: Option<String>,
    pub changes: Vec<Change>,
}

/// A record flattened to `field → (subject, value)` so two versions can be compared.
pub type Snapshot = BTreeMap<String, (Option<String>, String)>;

/// The fields that differ between two snapshots, in field order.
pub fn diff(before: &Snapshot, after: &Snapshot) -> Vec<Change> {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let b = before.get(k);
            let a = after.get(k);
            if b.map(|v| &v.1) == a.map(|v| &v.1) {
                return None;
            }
            let subject = a.or(b).and_then(|v| v.0.clone());
            Some(Change {
                field: k.clone(),
                subject,
                before: b.map(|v| v.1.clone()),
                after: a.map(|v| v.1.clone()),
            })
        })
        .collect()
}

fn to_problem(e: impl std::fmt::Display) -> Problem {
    Problem::new(ErrorCode::Internal).with("reason", e)
}

/// Writes one entry about a family; returns its sequence number.
pub(crate) fn record(
    tx: &Transaction<'_>,
    family_id: &str,
    action: AuditAction,
    summary: Option<&str>,
    changes: &[Change],
) -> Result<i64, Problem> {
    insert(tx, Some(family_id), action, summary, changes)
}

/// Writes one entry about the office's registry as a whole (an import), tied to no family.
pub(crate) fn record_office(
    tx: &Transaction<'_>,
    action: AuditAction,
    summary: &str,
) -> Result<i64, Problem> {
    insert(tx, None, action, Some(summary), &[])
}

/// Writes one entry about something that is not a change to a family's record: personal
/// data leaving the registry in a file (logged before the file is written, so no file on a
/// stick is missing from the log), or a volunteer's record.
pub fn record_event(
    conn: &Connection,
    family_id: Option<&str>,
    action: AuditAction,
    summary: &str,
) -> Result<i64, Problem> {
    insert(conn, family_id, action, Some(summary), &[])
}

/// One entry of the whole log, for reading it back (`meirim-cli audit`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    pub seq: u32,
    pub at: String,
    pub operator: String,
    pub action: String,
    pub family_id: Option<String>,
    pub summary: Option<String>,
}

/// The newest `limit` entries, newest first; `office_only` leaves out entries about one
/// family (their history is on the family's page).
pub fn recent(conn: &Connection, limit: u32, office_only: bool) -> Result<Vec<LogEntry>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT seq, at, operator, action, family_id, summary FROM audit_log
             WHERE NOT ?2 OR family_id IS NULL ORDER BY seq DESC LIMIT ?1",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map(params![limit, office_only], |r| {
            Ok(LogEntry {
                seq: r.get(0)?,
                at: r.get(1)?,
                operator: r.get(2)?,
                action: r.get(3)?,
                family_id: r.get(4)?,
                summary: r.get(5)?,
            })
        })
        .map_err(DbError::from)?;
    rows.collect::<Result<_, _>>()
        .map_err(|e| DbError::from(e).into())
}

fn insert(
    tx: &Connection,
    family_id: Option<&str>,
    action: AuditAction,
    summary: Option<&str>,
    changes: &[Change],
) -> Result<i64, Problem> {
    let operator = settings::operator(tx)?;
    let json = serde_json::to_string(changes).map_err(to_problem)?;
    let action = serde_json::to_value(action)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    tx.prepare_cached(
        "INSERT INTO audit_log (at, operator, action, family_id, summary, changes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .and_then(|mut st| {
        st.execute(params![
            clock::now(),
            operator,
            action,
            family_id,
            summary,
            json
        ])
    })
    .map_err(DbError::from)?;
    Ok(tx.last_insert_rowid())
}

/// A family's history, newest first.
pub fn for_family(conn: &Connection, family_id: &str) -> Result<Vec<AuditEntry>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT seq, at, operator, action, summary, changes FROM audit_log
             WHERE family_id = ?1 ORDER BY seq DESC",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([family_id], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })
        .map_err(DbError::from)?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, at, operator, action, summary, changes) = row.map_err(DbError::from)?;
        let action: AuditAction =
            serde_json::from_value(serde_json::Value::String(action)).map_err(to_problem)?;
        let changes: Vec<Change> = serde_json::from_str(&changes).map_err(to_problem)?;
        out.push(AuditEntry {
            seq,
            at,
            operator,
            action,
            summary,
            changes,
        });
    }
    Ok(out)
}

/// Destroy: keeps that the family was created, changed and by whom, but erases every value
/// (and member names) from its entries, which could otherwise rebuild the erased record.
pub(crate) fn erase_values(tx: &Transaction<'_>, family_id: &str) -> Result<(), Problem> {
    let entries = for_family(tx, family_id)?;
    let mut update = tx
        .prepare_cached("UPDATE audit_log SET changes = ?2, summary = NULL WHERE seq = ?1")
        .map_err(DbError::from)?;
    for e in entries {
        let blank: Vec<Change> = e
            .changes
            .into_iter()
            .map(|c| Change {
                field: c.field,
                subject: None,
                before: None,
                after: None,
            })
            .collect();
        let json = serde_json::to_string(&blank).map_err(to_problem)?;
        update
            .execute(params![e.seq, json])
            .map_err(DbError::from)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(pairs: &[(&str, &str)]) -> Snapshot {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (None, (*v).to_owned())))
            .collect()
    }

    #[test]
    fn diff_lists_changed_added_and_removed_fields() {
        let before = snap(&[("phone", "+77010000000"), ("notes", "a"), ("flat", "3")]);
        let after = snap(&[("phone", "+77011111111"), ("notes", "a"), ("house", "12")]);
        let changes = diff(&before, &after);
        let fields: Vec<(&str, Option<&str>, Option<&str>)> = changes
            .iter()
            .map(|c| (c.field.as_str(), c.before.as_deref(), c.after.as_deref()))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("flat", Some("3"), None),
                ("house", None, Some("12")),
                ("phone", Some("+77010000000"), Some("+77011111111")),
            ]
        );
    }
}
