//! The imports made so far, and taking one back with one click — allowed only while
//! nobody has touched its families since, so an undo never throws away later work.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::audit::{self, AuditAction};
use crate::clock;
use crate::db::{Database, DbError};
use crate::family::store;
use crate::family::{self, FamilyInput};
use crate::problem::{ErrorCode, Problem};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Batch {
    pub id: String,
    pub at: String,
    pub operator: String,
    pub file_name: String,
    pub rows: u32,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub skipped: u32,
    pub rejected: u32,
    pub undone_at: Option<String>,
    /// Families of this import edited since (by hand, by aid, by a later import): while
    /// any is, the import cannot be undone.
    pub edited_since: u32,
}

/// Imports, newest first.
pub fn batches(conn: &Connection, limit: u32) -> Result<Vec<Batch>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, at, operator, file_name, rows_read, added, updated, unchanged, skipped,
                    rejected, undone_at
             FROM import_batches ORDER BY at DESC, rowid DESC LIMIT ?1",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([limit], |r| {
            Ok(Batch {
                id: r.get(0)?,
                at: r.get(1)?,
                operator: r.get(2)?,
                file_name: r.get(3)?,
                rows: r.get(4)?,
                added: r.get(5)?,
                updated: r.get(6)?,
                unchanged: r.get(7)?,
                skipped: r.get(8)?,
                rejected: r.get(9)?,
                undone_at: r.get(10)?,
                edited_since: 0,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    rows.into_iter()
        .map(|mut b| {
            if b.undone_at.is_none() {
                b.edited_since = edited_since(conn, &b.id)?;
            }
            Ok(b)
        })
        .collect()
}

fn edited_since(conn: &Connection, batch_id: &str) -> Result<u32, Problem> {
    conn.query_row(
        "SELECT count(*) FROM import_effects e
         WHERE e.batch_id = ?1
           AND EXISTS (SELECT 1 FROM audit_log a
                       WHERE a.family_id = e.family_id AND a.seq > e.audit_seq)",
        [batch_id],
        |r| r.get(0),
    )
    .map_err(|e| DbError::from(e).into())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Undone {
    /// Families the import had added, now removed.
    pub removed: u32,
    /// Families it had changed, back as they were.
    pub restored: u32,
}

/// Takes an import back: removes the families it added, restores the ones it changed.
pub fn undo(db: &mut Database, batch_id: &str) -> Result<Undone, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let undone: Option<Option<String>> = tx
        .query_row(
            "SELECT undone_at FROM import_batches WHERE id = ?1",
            [batch_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(DbError::from)?;
    match undone {
        None => return Err(Problem::new(ErrorCode::NotFound).with("id", batch_id)),
        Some(Some(at)) => return Err(Problem::new(ErrorCode::ImportAlreadyUndone).with("at", at)),
        Some(None) => {}
    }
    let edited = edited_since(&tx, batch_id)?;
    if edited > 0 {
        return Err(Problem::new(ErrorCode::ImportUndoEdited).with("count", edited));
    }
    let effects: Vec<(String, bool, Option<String>)> = {
        let mut stmt = tx
            .prepare("SELECT family_id, added, before FROM import_effects WHERE batch_id = ?1")
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map([batch_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(DbError::from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(DbError::from)?;
        rows
    };
    let mut out = Undone {
        removed: 0,
        restored: 0,
    };
    for (family_id, added, before) in effects {
        if added {
            remove_family(&tx, &family_id)?;
            out.removed += 1;
        } else {
            // Erased when the family's personal data were destroyed; a destroyed family
            // has an audit entry after the import's, so this is not reached then.
            let Some(before) = before else { continue };
            let input: FamilyInput = serde_json::from_str(&before)
                .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
            store::update_in(&tx, &family_id, &input, Some("import-undone"))?;
            out.restored += 1;
        }
    }
    tx.execute(
        "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1",
        params![batch_id, clock::now()],
    )
    .map_err(DbError::from)?;
    let note = serde_json::json!({
        "batch": batch_id, "removed": out.removed, "restored": out.restored,
    });
    audit::record_office(&tx, AuditAction::ImportUndone, &note.to_string())?;
    if out.removed > 0 {
        family::index::compact(&tx)?;
    }
    tx.commit().map_err(DbError::from)?;
    Ok(out)
}

/// A family the import created and nothing else has touched: its rows go, history too —
/// the batch's own audit entry says it was there.
fn remove_family(tx: &rusqlite::Transaction<'_>, family_id: &str) -> Result<(), Problem> {
    family::index::remove(tx, family_id)?;
    for sql in [
        "DELETE FROM import_effects WHERE family_id = ?1",
        "DELETE FROM family_categories WHERE family_id = ?1",
        "DELETE FROM not_duplicates WHERE family_a = ?1 OR family_b = ?1",
        "DELETE FROM members WHERE family_id = ?1",
        "DELETE FROM audit_log WHERE family_id = ?1",
        "DELETE FROM families WHERE id = ?1",
    ] {
        tx.execute(sql, [family_id]).map_err(DbError::from)?;
    }
    Ok(())
}
