//! Data that migrations fill in with Rust because SQL cannot compute it (the spelling-
//! insensitive keys of `text`). Each hook belongs to one shipped migration: never edit it,
//! add a later migration instead.

use rusqlite::{params, Transaction};
use rusqlite_migration::HookError;

use crate::family::{duplicates, index};
use crate::{places, text};

fn hook_error(e: impl std::fmt::Debug) -> HookError {
    HookError::Hook(format!("{e:?}"))
}

/// 0002: members' name keys and birth years, families' address keys, the address
/// reference, and the family search index with list positions.
pub(super) fn registry_0002(tx: &Transaction<'_>) -> Result<(), HookError> {
    type Person = (i64, String, String, Option<String>, Option<String>);
    let members: Vec<Person> = {
        let mut stmt =
            tx.prepare("SELECT seq, surname, name, patronymic, birth_date FROM members")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<Result<_, _>>()?;
        rows
    };
    for (seq, surname, name, patronymic, birth) in members {
        let year = birth.and_then(|b| b.get(..4).and_then(|y| y.parse::<i32>().ok()));
        let full = crate::family::full_name(&surname, &name, patronymic.as_deref());
        tx.execute(
            "UPDATE members SET name_key = ?2, birth_year = ?3, search_key = ?4, sort_key = ?5
             WHERE seq = ?1",
            params![
                seq,
                text::fold(&format!("{surname} {name}")),
                year,
                text::fold(&full),
                text::sort_key(&full)
            ],
        )?;
    }
    type Row = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let families: Vec<Row> = {
        let mut stmt = tx.prepare(
            "SELECT id, oblast_id, district, rural_okrug, village, street FROM families",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        rows
    };
    for (id, oblast, district, okrug, village, street) in families {
        places::remember(
            tx,
            oblast.as_deref(),
            district.as_deref(),
            okrug.as_deref(),
            village.as_deref(),
        )
        .map_err(hook_error)?;
        // Before 0002 the street field held "street, house, flat" in one.
        let key = duplicates::address_key(village.as_deref(), street.as_deref(), Some(""), None);
        let head: Option<String> = tx
            .query_row(
                "SELECT surname || ' ' || name || ifnull(' ' || patronymic, '') FROM members
                 WHERE family_id = ?1 AND is_head = 1",
                [&id],
                |r| r.get(0),
            )
            .ok();
        let head = head.unwrap_or_default();
        tx.execute(
            "UPDATE families SET address_key = ?2, sort_key = ?3, head_key = ?4 WHERE id = ?1",
            params![id, key, text::sort_key(&head), text::fold(&head)],
        )?;
    }
    index::rebuild(tx).map_err(hook_error)?;
    Ok(())
}

/// 0009: the registry's own office, with a fresh UUID. Its names stay empty until the office
/// writes them: until then the letterhead's names stand in (district::office).
pub(super) fn office_0009(tx: &Transaction<'_>) -> Result<(), HookError> {
    let now = crate::clock::now();
    tx.execute(
        "INSERT INTO offices (id, name_kk, name_ru, level, is_self, expected, created_at,
                              updated_at)
         VALUES (?1, '', '', 'okrug', 1, 0, ?2, ?2)",
        params![crate::clock::new_id(), now],
    )?;
    Ok(())
}
