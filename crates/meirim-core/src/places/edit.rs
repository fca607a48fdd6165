//! Corrections to the address reference: renaming a place (which, when the new name is one
//! the reference already has, folds the two into one) and removing a place nobody uses.
//! Families' addresses follow in the same transaction, each change in its audit log.

use rusqlite::{params, Transaction};

use super::{address_keys, by_id, find, list, Place, PlaceKey, PlaceLevel};
use crate::audit::{self, AuditAction, Change};
use crate::check::Checker;
use crate::db::{Database, DbError};
use crate::family::duplicates::address_key;
use crate::family::index;
use crate::problem::{ErrorCode, Problem};
use crate::{clock, text};

const NAME_MAX: usize = 200;

/// The corrected name and KATO code (nine digits), or every problem with them.
fn validate(name: &str, kato: Option<&str>) -> Result<(String, Option<String>), Problem> {
    let mut c = Checker::default();
    let name = c.required("name", name, NAME_MAX);
    let kato = c.kato("kato", kato);
    c.finish((name, kato))
}

/// Corrects a place's name (and KATO code). Every family whose address names this place,
/// however it was spelt, gets the new name. Renaming a place to a name its level already
/// has under the same parents joins the two: the children move, the families follow.
pub fn rename(
    db: &mut Database,
    id: &str,
    new_name: &str,
    kato: Option<&str>,
) -> Result<Place, Problem> {
    let (name, kato) = validate(new_name, kato)?;
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let old = by_id(&tx, id)?;
    let (parent_id, oblast_id) = parents(&tx, id)?;
    let target = match find(
        &tx,
        oblast_id.as_deref(),
        parent_id.as_deref(),
        old.level,
        &name,
    )? {
        Some(other) if other != id => {
            absorb(&tx, id, &other)?;
            other
        }
        _ => id.to_owned(),
    };
    let kato = kato.or_else(|| old.kato.clone());
    tx.execute(
        "UPDATE places SET name = ?2, name_key = ?3, kato = ?4, updated_at = ?5 WHERE id = ?1",
        params![target, name, text::fold(&name), kato, clock::now()],
    )
    .map_err(DbError::from)?;
    readdress_families(&tx, &old.key(), old.level, &name)?;
    tx.commit().map_err(DbError::from)?;
    counted(db, &target)
}

/// Removes a place no current family lives in and no place sits under: a typo the office
/// has since corrected in every family.
pub fn remove(db: &mut Database, id: &str) -> Result<(), Problem> {
    let place = list(db.conn())?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))?;
    let children: u32 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM places WHERE parent_id = ?1",
            [id],
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    if place.families > 0 {
        return Err(Problem::new(ErrorCode::PlaceInUse)
            .with("name", &place.name)
            .with("count", place.families));
    }
    if children > 0 {
        return Err(Problem::new(ErrorCode::PlaceHasPlaces)
            .with("name", &place.name)
            .with("count", children));
    }
    db.conn()
        .execute("DELETE FROM places WHERE id = ?1", [id])
        .map_err(DbError::from)?;
    Ok(())
}

fn parents(tx: &Transaction<'_>, id: &str) -> Result<(Option<String>, Option<String>), Problem> {
    Ok(tx
        .query_row(
            "SELECT parent_id, oblast_id FROM places WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(DbError::from)?)
}

/// Moves `from`'s children under `into` (joining children of the same name in turn) and
/// deletes `from`.
fn absorb(tx: &Transaction<'_>, from: &str, into: &str) -> Result<(), Problem> {
    let (_, oblast_id) = parents(tx, into)?;
    let children: Vec<(String, String, String)> = {
        let mut stmt = tx
            .prepare("SELECT id, level, name FROM places WHERE parent_id = ?1")
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map([from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(DbError::from)?
            .collect::<Result<_, _>>()
            .map_err(DbError::from)?;
        rows
    };
    for (child, level, name) in children {
        let level = PlaceLevel::parse(&level).unwrap_or(PlaceLevel::Village);
        match find(tx, oblast_id.as_deref(), Some(into), level, &name)? {
            Some(twin) => absorb(tx, &child, &twin)?,
            None => {
                tx.execute(
                    "UPDATE places SET parent_id = ?2, updated_at = ?3 WHERE id = ?1",
                    params![child, into, clock::now()],
                )
                .map_err(DbError::from)?;
            }
        }
    }
    tx.execute("DELETE FROM places WHERE id = ?1", [from])
        .map_err(DbError::from)?;
    Ok(())
}

type Address = (Option<String>, Option<String>, Option<String>);
/// A re-addressed family: id, street, house, flat (for its address key).
type Moved = (String, Option<String>, Option<String>, Option<String>);

/// Writes `name` into the address of every family the old place's key matches, with an
/// audit entry and a fresh search entry for each family whose text actually changed.
fn readdress_families(
    tx: &Transaction<'_>,
    old: &PlaceKey,
    level: PlaceLevel,
    name: &str,
) -> Result<(), Problem> {
    // The distinct addresses are few (one per street of a village at most); the families
    // behind them are then reached through the village index.
    let addresses: Vec<Address> = {
        let mut stmt = tx
            .prepare("SELECT DISTINCT district, rural_okrug, village FROM families")
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(DbError::from)?
            .collect::<Result<_, _>>()
            .map_err(DbError::from)?;
        rows
    };
    let col = level.column();
    for (d, o, v) in addresses {
        if !address_keys(d.as_deref(), o.as_deref(), v.as_deref()).contains(old) {
            continue;
        }
        let before = match level {
            PlaceLevel::District => &d,
            PlaceLevel::RuralOkrug => &o,
            PlaceLevel::Village => &v,
        };
        if before.as_deref() == Some(name) {
            continue;
        }
        let changed: Vec<Moved> = {
            let mut stmt = tx
                .prepare(&format!(
                    "UPDATE families SET {col} = ?4, updated_at = ?5
                     WHERE district IS ?1 AND rural_okrug IS ?2 AND village IS ?3
                     RETURNING id, street, house, flat"
                ))
                .map_err(DbError::from)?;
            let rows = stmt
                .query_map(params![d, o, v, name, clock::now()], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .map_err(DbError::from)?
                .collect::<Result<_, _>>()
                .map_err(DbError::from)?;
            rows
        };
        let change = Change {
            field: format!("address.{col}"),
            subject: None,
            before: before.clone(),
            after: Some(name.to_owned()),
        };
        let village = if level == PlaceLevel::Village {
            Some(name)
        } else {
            v.as_deref()
        };
        for (family_id, street, house, flat) in changed {
            let key = address_key(
                village,
                street.as_deref(),
                house.as_deref(),
                flat.as_deref(),
            );
            tx.execute(
                "UPDATE families SET address_key = ?2 WHERE id = ?1",
                params![family_id, key],
            )
            .map_err(DbError::from)?;
            audit::record(
                tx,
                &family_id,
                AuditAction::Update,
                None,
                std::slice::from_ref(&change),
            )?;
            index::refresh(tx, &family_id)?;
        }
    }
    Ok(())
}

fn counted(db: &Database, id: &str) -> Result<Place, Problem> {
    list(db.conn())?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}
