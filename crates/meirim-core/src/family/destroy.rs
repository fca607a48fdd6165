//! Consent withdrawn: a family's personal data erased for good, wherever the registry holds
//! it — the family's row and members, the rows of families merged into it (their phone,
//! street and notes stay on those rows, and a member registered in both stays there), every
//! history entry's values, what an import kept for its undo, the search index, its saved
//! family cards — and the old page images in the file. What stays are figures that identify
//! no one: registry number, village, categories, income, member count with sex, birth year
//! and flags, and the aid given.
//!
//! Each destroyed family goes on the destruction list (`destructions`: ids only), and a
//! restore destroys them again in the backup it brings back (`reapply`).

use std::path::Path;

use rusqlite::{params, OptionalExtension, Transaction};

use super::index;
use super::model::Family;
use super::read::get;
use crate::audit::{self, AuditAction};
use crate::clock;
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, FieldProblem, Problem};

/// Destroys family `id` and every family merged into it. The user confirms by typing the
/// family's registry number. A family merged into another can be destroyed too: what is
/// left of it (its own row and history) is erased; the members who moved are erased with
/// the family they moved to.
///
/// When another program keeps reading the registry, the old page images cannot be moved
/// out of the file at once: the record is erased, and the answer says the file will be
/// cleaned when that program (or Meirim) closes.
pub fn destroy(db: &mut Database, id: &str, confirm_registry_no: u32) -> Result<Family, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let before = get(&tx, id)?;
    if before.destroyed_at.is_some() {
        return Err(
            Problem::new(ErrorCode::FamilyDestroyed).with("registry_no", before.registry_no)
        );
    }
    if before.registry_no != confirm_registry_no {
        return Err(Problem::validation(vec![FieldProblem::new(
            "confirm",
            ErrorCode::ConfirmationMismatch,
        )
        .with("registry_no", before.registry_no)]));
    }
    let erased = erase_with_absorbed(&tx, id)?;
    audit::record(&tx, id, AuditAction::Destroy, None, &[])?;
    tx.commit().map_err(DbError::from)?;
    if let Some(dir) = db.path().parent() {
        remove_family_cards(dir, &erased);
    }
    // Old page images stay in the WAL and the file until a checkpoint has moved them out;
    // a reader elsewhere holds it up (for up to the busy timeout), and then it must be said.
    if !db.checkpoint_complete()? {
        return Err(Problem::new(ErrorCode::DestroyPending).with("registry_no", before.registry_no));
    }
    get(db.conn(), id)
}

/// Erases `id` and every family merged into it (at any depth); returns their registry
/// numbers. The destruction list gets each of them.
fn erase_with_absorbed(tx: &Transaction<'_>, id: &str) -> Result<Vec<u32>, Problem> {
    let mut stmt = tx
        .prepare_cached(
            "WITH RECURSIVE chain(id) AS (
                 SELECT ?1 UNION SELECT f.id FROM families f JOIN chain ON f.merged_into = chain.id
             )
             SELECT f.id, f.registry_no FROM families f JOIN chain USING (id)",
        )
        .map_err(DbError::from)?;
    let family_ids: Vec<(String, u32)> = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    let now = clock::now();
    for (fid, registry_no) in &family_ids {
        erase(tx, fid, *registry_no, &now)?;
    }
    index::compact(tx)?;
    Ok(family_ids.into_iter().map(|(_, n)| n).collect())
}

fn erase(tx: &Transaction<'_>, id: &str, registry_no: u32, now: &str) -> Result<(), Problem> {
    let run = |sql: &str| -> Result<(), Problem> {
        tx.execute(sql, params![id, now]).map_err(DbError::from)?;
        Ok(())
    };
    run(
        "UPDATE members SET surname = '', name = '', patronymic = NULL, iin = NULL,
                birth_date = NULL, phone = NULL, search_key = '', sort_key = '',
                name_key = '', updated_at = ?2
         WHERE family_id = ?1",
    )?;
    run(
        "UPDATE families SET phone = NULL, street = NULL, house = NULL, flat = NULL,
                housing_notes = NULL, notes = NULL, status_reason = NULL, address_key = NULL,
                consent = 'withdrawn', consent_recorded_by = NULL, sort_key = '',
                head_key = '', destroyed_at = coalesce(destroyed_at, ?2), updated_at = ?2
         WHERE id = ?1",
    )?;
    // Aid stays as figures (what, how much, when); the free texts may name people.
    run(
        "UPDATE deliveries SET notes = NULL, rule_override = NULL, cancel_reason = NULL,
                updated_at = ?2
         WHERE family_id = ?1",
    )?;
    // What an import kept for its undo is the family as it was: personal data too.
    tx.execute(
        "UPDATE import_effects SET before = NULL WHERE family_id = ?1",
        [id],
    )
    .map_err(DbError::from)?;
    index::refresh(tx, id)?;
    audit::erase_values(tx, id)?;
    tx.execute(
        "INSERT INTO destructions (family_id, registry_no, destroyed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (family_id) DO NOTHING",
        params![id, registry_no, now],
    )
    .map_err(DbError::from)?;
    Ok(())
}

/// The family cards saved for these registry numbers (documents/family-card-N.pdf): each
/// is the person on paper. A card that cannot be removed now is left for the office (it
/// is named in the file's own folder); the record is what must not wait.
fn remove_family_cards(data_dir: &Path, registry_nos: &[u32]) {
    let documents = crate::paths::documents_dir(data_dir);
    for no in registry_nos {
        let _ = std::fs::remove_file(documents.join(format!("family-card-{no}.pdf")));
    }
}

/// A destroyed family, as the destruction list keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destruction {
    pub family_id: String,
    pub registry_no: u32,
    pub destroyed_at: String,
}

/// The destruction list of a registry.
pub fn destructions(conn: &rusqlite::Connection) -> Result<Vec<Destruction>, Problem> {
    let mut stmt = conn
        .prepare("SELECT family_id, registry_no, destroyed_at FROM destructions ORDER BY family_id")
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Destruction {
                family_id: r.get(0)?,
                registry_no: r.get(1)?,
                destroyed_at: r.get(2)?,
            })
        })
        .map_err(DbError::from)?;
    rows.collect::<Result<_, _>>()
        .map_err(|e| DbError::from(e).into())
}

/// Destroys again, in `db` (a restored copy), every family on `list` that it still holds
/// undestroyed, with the families merged into them, and adds the list to its own. Returns
/// how many families were erased again.
pub fn reapply(db: &mut Database, list: &[Destruction]) -> Result<u32, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let mut erased = 0u32;
    for d in list {
        let present: Option<Option<String>> = tx
            .query_row(
                "SELECT destroyed_at FROM families WHERE id = ?1",
                [&d.family_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(DbError::from)?;
        if let Some(None) = present {
            erased += erase_with_absorbed(&tx, &d.family_id)?.len() as u32;
            audit::record(&tx, &d.family_id, AuditAction::Destroy, None, &[])?;
        }
        tx.execute(
            "INSERT INTO destructions (family_id, registry_no, destroyed_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (family_id) DO NOTHING",
            params![d.family_id, d.registry_no, d.destroyed_at],
        )
        .map_err(DbError::from)?;
    }
    tx.commit().map_err(DbError::from)?;
    Ok(erased)
}
