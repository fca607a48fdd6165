//! The family search index and the family list's order.
//!
//! Every listed family has one document in `family_search` (all members' names and phones,
//! the address, as `text::fold` keys) whose rowid is the family's `list_pos`: a
//! sparse integer that grows in Kazakh alphabetical order of the head's name. A name search
//! therefore gets its matches from the index already in list order and stops after one
//! page, instead of fetching and sorting every match (tens of thousands for a common
//! fragment). New families take a position between their neighbours; when two neighbours
//! have no free integer between them, all positions are spread out again (`rebuild`).
//!
//! Archived families take positions in a band of their own above the current ones, so
//! "current families matching this text" is a rowid range of the index: counted without
//! touching the families table. A list of all families shows the archived ones last.

use rusqlite::{params, OptionalExtension, Transaction};
use rustc_hash::FxHashMap;

use crate::db::DbError;
use crate::problem::Problem;
use crate::text;

/// Distance between neighbours after a rebuild: room for 2^32 insertions between any two.
const SPACING: i64 = 1 << 32;
/// Where archived families' positions start; current families lie below.
pub(crate) const ARCHIVED_BAND: i64 = 1 << 62;

/// The open range (lo, hi) of positions for a family with this status.
fn band(archived: bool) -> (i64, i64) {
    if archived {
        (ARCHIVED_BAND, i64::MAX)
    } else {
        (0, ARCHIVED_BAND)
    }
}
/// How far past the last family a new last family is placed, leaving room after it too.
const APPEND_STEP: i64 = 1 << 24;

#[derive(Debug, PartialEq, Eq)]
struct Doc {
    names: String,
    phones: String,
    address: String,
}

fn document(tx: &Transaction<'_>, family_id: &str) -> Result<Doc, DbError> {
    type Row = [Option<String>; 5];
    let fields: Row = tx.query_row(
        "SELECT phone, village, street, house, flat FROM families WHERE id = ?1",
        [family_id],
        |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]),
    )?;
    let mut stmt = tx.prepare_cached(
        "SELECT search_key, phone FROM members WHERE family_id = ?1 ORDER BY is_head DESC,
         position",
    )?;
    let members = stmt
        .query_map([family_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(compose(fields, members))
}

/// A family's document from its phone and address (`[phone, village, street, house,
/// flat]`) and its members' search keys and phones, the head first.
fn compose(
    [phone, village, street, house, flat]: [Option<String>; 5],
    members: impl IntoIterator<Item = (String, Option<String>)>,
) -> Doc {
    let mut names = Vec::new();
    let mut phones: Vec<String> = phone.iter().map(|p| digits(p)).collect();
    for (key, phone) in members {
        names.push(key);
        phones.extend(phone.map(|p| digits(&p)));
    }
    let address = [village, street, house, flat]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Doc {
        names: names.join(" "),
        phones: phones.join(" "),
        address: text::fold(&address),
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn insert_doc(tx: &Transaction<'_>, pos: i64, doc: &Doc) -> Result<(), DbError> {
    tx.prepare_cached(
        "INSERT INTO family_search (rowid, names, phones, address) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![pos, doc.names, doc.phones, doc.address])?;
    Ok(())
}

fn delete_doc(tx: &Transaction<'_>, pos: i64) -> Result<(), DbError> {
    tx.prepare_cached("DELETE FROM family_search WHERE rowid = ?1")?
        .execute([pos])?;
    Ok(())
}

/// The list positions of the family's alphabetical neighbours in its band (itself
/// excluded).
fn neighbours(
    tx: &Transaction<'_>,
    family_id: &str,
    sort_key: &str,
    (lo, hi): (i64, i64),
) -> Result<(Option<i64>, Option<i64>), DbError> {
    let prev: Option<i64> = tx
        .prepare_cached(
            "SELECT list_pos FROM families INDEXED BY families_sorted
             WHERE list_pos > ?3 AND list_pos < ?4 AND id <> ?2
               AND (sort_key, id) < (?1, ?2) ORDER BY sort_key DESC, id DESC LIMIT 1",
        )?
        .query_row(params![sort_key, family_id, lo, hi], |r| r.get(0))
        .optional()?;
    let next: Option<i64> = tx
        .prepare_cached(
            "SELECT list_pos FROM families INDEXED BY families_sorted
             WHERE list_pos > ?3 AND list_pos < ?4 AND id <> ?2
               AND (sort_key, id) > (?1, ?2) ORDER BY sort_key, id LIMIT 1",
        )?
        .query_row(params![sort_key, family_id, lo, hi], |r| r.get(0))
        .optional()?;
    Ok((prev, next))
}

/// The family's current position if it still lies between its neighbours, else a free
/// one between them, or `None` if there is no integer left between them.
fn position(
    tx: &Transaction<'_>,
    family_id: &str,
    sort_key: &str,
    current: Option<i64>,
    band: (i64, i64),
) -> Result<Option<i64>, DbError> {
    let (prev, next) = neighbours(tx, family_id, sort_key, band)?;
    let lo = prev.unwrap_or(band.0);
    let hi = next.unwrap_or(band.1);
    if let Some(pos) = current {
        if pos > lo && pos < hi {
            return Ok(Some(pos));
        }
    }
    Ok(match next {
        None => lo.checked_add(APPEND_STEP).filter(|p| *p < band.1),
        Some(hi) if hi - lo >= 2 => Some(lo + (hi - lo) / 2),
        Some(_) => None,
    })
}

/// Brings a family's sort keys, list position and search document up to date after any
/// change to it. Destroyed and merged-away families leave the index and the list.
pub(crate) fn refresh(tx: &Transaction<'_>, family_id: &str) -> Result<(), Problem> {
    let (old_pos, listed, archived): (Option<i64>, bool, bool) = tx
        .query_row(
            "SELECT list_pos, destroyed_at IS NULL AND merged_into IS NULL,
                    status = 'archived'
             FROM families WHERE id = ?1",
            [family_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(DbError::from)?;
    if let Some(pos) = old_pos {
        delete_doc(tx, pos)?;
    }
    if !listed {
        tx.execute(
            "UPDATE families SET list_pos = NULL WHERE id = ?1",
            [family_id],
        )
        .map_err(DbError::from)?;
        return Ok(());
    }
    let head: Option<String> = tx
        .query_row(
            "SELECT surname || ' ' || name || ifnull(' ' || patronymic, '') FROM members
             WHERE family_id = ?1 AND is_head = 1",
            [family_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(DbError::from)?;
    let head = head.unwrap_or_default();
    let sort_key = text::sort_key(&head);
    let pos = position(tx, family_id, &sort_key, old_pos, band(archived))?;
    tx.execute(
        "UPDATE families SET sort_key = ?2, head_key = ?3, list_pos = ?4 WHERE id = ?1",
        params![family_id, sort_key, text::fold(&head), pos],
    )
    .map_err(DbError::from)?;
    match pos {
        Some(pos) => insert_doc(tx, pos, &document(tx, family_id)?)?,
        // No room between the neighbours: spread every position out again.
        None => rebuild(tx)?,
    }
    Ok(())
}

/// Lists and indexes the families `families` names (an SQL query of ids with `?1` =
/// `param`) that a bulk write left without a list position. When they are few beside the
/// families already listed, each gap between two listed neighbours gets its newcomers
/// spaced evenly, and only their documents are written: a 5 000-family list imported into
/// a 100 000-family registry no longer renumbers and re-indexes all 105 000. When they are
/// many, or a gap has no room for its newcomers, everything is rebuilt (`rebuild`).
pub(crate) fn place_new(tx: &Transaction<'_>, families: &str, param: &str) -> Result<(), Problem> {
    let mut stmt = tx
        .prepare(&format!(
            "SELECT id, sort_key, status = 'archived' FROM families
              WHERE list_pos IS NULL AND destroyed_at IS NULL AND merged_into IS NULL
                AND id IN ({families})
              ORDER BY status = 'archived', sort_key, id"
        ))
        .map_err(DbError::from)?;
    let newcomers = stmt
        .query_map([param], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })
        .map_err(DbError::from)?
        .collect::<Result<Vec<(String, String, bool)>, _>>()
        .map_err(DbError::from)?;
    drop(stmt);
    if newcomers.is_empty() {
        return Ok(());
    }
    let listed: i64 = tx
        .query_row(
            "SELECT count(*) FROM families WHERE list_pos IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    // A rebuild costs about a third of placing one family for each family listed: with
    // this many newcomers, rebuilding everything is the cheaper way.
    if newcomers.len() as i64 * 3 >= listed {
        return rebuild(tx);
    }
    // Newcomers in list order, each with its gap between listed neighbours; runs of
    // newcomers that share a gap are spaced evenly across it.
    let mut gaps: Vec<Gap> = Vec::new();
    for (id, sort_key, archived) in &newcomers {
        let band = band(*archived);
        let (prev, next) = neighbours(tx, id, sort_key, band)?;
        let (lo, hi) = (prev.unwrap_or(band.0), next.unwrap_or(band.1));
        match gaps.last_mut() {
            Some(gap) if (gap.lo, gap.hi) == (lo, hi) => gap.ids.push(id),
            _ => gaps.push(Gap {
                lo,
                hi,
                open_end: next.is_none(),
                ids: vec![id],
            }),
        }
    }
    // Every gap is checked for room before anything is written.
    let Some(steps) = gaps.iter().map(Gap::step).collect::<Option<Vec<i64>>>() else {
        return rebuild(tx);
    };
    let mut set_pos = tx
        .prepare_cached("UPDATE families SET list_pos = ?2 WHERE id = ?1")
        .map_err(DbError::from)?;
    for (gap, step) in gaps.iter().zip(steps) {
        for (i, id) in (1..).zip(&gap.ids) {
            let pos = gap.lo + step * i;
            set_pos.execute(params![id, pos]).map_err(DbError::from)?;
            insert_doc(tx, pos, &document(tx, id)?)?;
        }
    }
    Ok(())
}

/// Newcomers that fall between the same two listed families (`lo`, `hi` exclusive).
struct Gap<'a> {
    lo: i64,
    hi: i64,
    /// No listed family after them: `hi` is the end of their band.
    open_end: bool,
    ids: Vec<&'a str>,
}

impl Gap<'_> {
    /// The distance between the newcomers' positions, or `None` if they do not fit. After
    /// the last listed family each takes the usual step; between two, equal shares.
    fn step(&self) -> Option<i64> {
        let share = (self.hi - self.lo) / (self.ids.len() as i64 + 1);
        let step = if self.open_end {
            share.min(APPEND_STEP)
        } else {
            share
        };
        (step >= 1).then_some(step)
    }
}

/// Takes a family out of the index, before the family itself is deleted (an undone import).
pub(crate) fn remove(tx: &Transaction<'_>, family_id: &str) -> Result<(), Problem> {
    let pos: Option<i64> = tx
        .query_row(
            "SELECT list_pos FROM families WHERE id = ?1",
            [family_id],
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    if let Some(pos) = pos {
        delete_doc(tx, pos)?;
    }
    Ok(())
}

/// Renumbers every listed family in alphabetical order and rewrites the whole index.
/// Used after bulk loads and when positions run out; seconds for 100 000 families.
pub(crate) fn rebuild(tx: &Transaction<'_>) -> Result<(), Problem> {
    tx.execute(
        "INSERT INTO family_search (family_search) VALUES ('delete-all')",
        [],
    )
    .map_err(DbError::from)?;
    tx.execute("UPDATE families SET list_pos = NULL", [])
        .map_err(DbError::from)?;
    let mut set_pos = tx
        .prepare_cached("UPDATE families SET list_pos = ?2 WHERE id = ?1")
        .map_err(DbError::from)?;
    let mut next = [band(false).0, band(true).0];
    for (id, archived, doc) in listed_documents(tx)? {
        let slot = &mut next[usize::from(archived)];
        *slot += SPACING;
        set_pos.execute(params![id, *slot]).map_err(DbError::from)?;
        insert_doc(tx, *slot, &doc)?;
    }
    // Merge the index into one segment: faster queries, and no trace of removed entries.
    tx.execute(
        "INSERT INTO family_search (family_search) VALUES ('optimize')",
        [],
    )
    .map_err(DbError::from)?;
    Ok(())
}

/// Every listed family in list order — id, archived, its document — from one pass over
/// the members and one over the families, instead of two lookups per family.
fn listed_documents(tx: &Transaction<'_>) -> Result<Vec<(String, bool, Doc)>, Problem> {
    // (is head, position, search key, phone) by family.
    type Member = (bool, i64, String, Option<String>);
    let mut people: FxHashMap<String, Vec<Member>> = FxHashMap::default();
    let mut stmt = tx
        .prepare("SELECT family_id, is_head, position, search_key, phone FROM members")
        .map_err(DbError::from)?;
    let mut rows = stmt.query([]).map_err(DbError::from)?;
    while let Some(r) = rows.next().map_err(DbError::from)? {
        let member: Member = (
            r.get(1).map_err(DbError::from)?,
            r.get(2).map_err(DbError::from)?,
            r.get(3).map_err(DbError::from)?,
            r.get(4).map_err(DbError::from)?,
        );
        people
            .entry(r.get(0).map_err(DbError::from)?)
            .or_default()
            .push(member);
    }
    drop(rows);
    let mut stmt = tx
        .prepare(
            "SELECT id, status = 'archived', phone, village, street, house, flat FROM families
             WHERE destroyed_at IS NULL AND merged_into IS NULL ORDER BY sort_key, id",
        )
        .map_err(DbError::from)?;
    let mut rows = stmt.query([]).map_err(DbError::from)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().map_err(DbError::from)? {
        let id: String = r.get(0).map_err(DbError::from)?;
        let fields = [2, 3, 4, 5, 6].map(|i| r.get::<_, Option<String>>(i).map_err(DbError::from));
        let [a, b, c, d, e] = fields;
        let mut members = people.remove(&id).unwrap_or_default();
        // The order `document` reads them in: the head first, then by position.
        members.sort_by_key(|(head, position, _, _)| (!*head, *position));
        let doc = compose(
            [a?, b?, c?, d?, e?],
            members.into_iter().map(|(_, _, key, phone)| (key, phone)),
        );
        out.push((id, r.get(1).map_err(DbError::from)?, doc));
    }
    Ok(out)
}

/// Merges the index's segments so entries removed from it are gone from the file too.
pub(crate) fn compact(tx: &Transaction<'_>) -> Result<(), Problem> {
    tx.execute(
        "INSERT INTO family_search (family_search) VALUES ('optimize')",
        [],
    )
    .map_err(DbError::from)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::Database;

    /// The first column of every row `sql` returns, in its order.
    fn ids(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    }

    /// The rebuild's one-pass documents are the ones a family's own lookup makes, for every
    /// listed family, in list order — also after members were edited, removed and added and
    /// a family archived.
    #[test]
    fn the_bulk_documents_equal_each_familys_own() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut db = Database::open_in_memory().unwrap();
        crate::demo::fill(&mut db, 200, 12, day).unwrap();
        let all = ids(db.conn(), "SELECT id FROM families ORDER BY id");
        for id in all.iter().step_by(17) {
            let mut input = crate::family::get(db.conn(), id).unwrap().to_input();
            input.phone = Some("+7 701 000 00 17".into());
            if input.members.len() > 1 {
                input.members.remove(0);
                input.members[0].is_head = true;
                input.members[0].relation = None;
            }
            let mut extra = input.members[0].clone();
            extra.id = None;
            extra.iin = None;
            extra.is_head = false;
            extra.relation = Some(crate::family::Relation::Other);
            extra.name = "Әлихан".into();
            extra.phone = Some("8 777 123 45 67".into());
            input.members.push(extra);
            input.accept_duplicates = true;
            crate::family::update(&mut db, id, &input).unwrap();
        }
        crate::family::archive(&mut db, &all[3], "көшті", None).unwrap();
        let tx = db.conn_mut().transaction().unwrap();
        let bulk = listed_documents(&tx).unwrap();
        assert!(bulk.len() >= 200, "{}", bulk.len());
        assert!(bulk.iter().any(|(_, archived, _)| *archived));
        for (id, _, doc) in &bulk {
            assert_eq!(doc, &document(&tx, id).unwrap(), "{id}");
        }
        let order = ids(
            &tx,
            "SELECT id FROM families WHERE destroyed_at IS NULL AND merged_into IS NULL
             ORDER BY sort_key, id",
        );
        assert_eq!(
            bulk.into_iter().map(|(id, _, _)| id).collect::<Vec<_>>(),
            order
        );
    }

    /// Every listed family has a position, positions follow the list's order (current
    /// before archived, then name and id), the index holds one document a family and each
    /// family is found by its head's name.
    fn assert_consistent(db: &Database) {
        let conn = db.conn();
        let ids = |sql: &str| ids(conn, sql);
        let listed = "destroyed_at IS NULL AND merged_into IS NULL";
        assert!(ids(&format!(
            "SELECT id FROM families WHERE {listed} AND list_pos IS NULL"
        ))
        .is_empty());
        assert_eq!(
            ids(&format!(
                "SELECT id FROM families WHERE {listed} ORDER BY list_pos"
            )),
            ids(&format!(
                "SELECT id FROM families WHERE {listed}
                  ORDER BY status = 'archived', sort_key, id"
            ))
        );
        let documents: i64 = conn
            .query_row("SELECT count(*) FROM family_search_docsize", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(
            documents as usize,
            ids(&format!("SELECT id FROM families WHERE {listed}")).len()
        );
        for (id, head) in ids(&format!(
            "SELECT id || '|' || head_key FROM families WHERE {listed}"
        ))
        .iter()
        .filter_map(|row| row.split_once('|'))
        {
            let found = crate::family::search(
                db,
                &crate::family::SearchQuery {
                    text: head.to_owned(),
                    limit: 500,
                    status: crate::family::StatusFilter::All,
                    ..Default::default()
                },
            )
            .unwrap();
            assert!(found.items.iter().any(|f| f.id == id), "{head}");
        }
    }

    /// Families named `names`, written the bulk way and then placed by `place_new`.
    fn newcomers(db: &mut Database, names: &[String]) -> Vec<String> {
        let model = crate::family::search(db, &Default::default())
            .unwrap()
            .items[0]
            .id
            .clone();
        let model = crate::family::get(db.conn(), &model).unwrap().to_input();
        let tx = db.conn_mut().transaction().unwrap();
        let mut written = Vec::new();
        for name in names {
            let mut input = model.clone();
            input.members.truncate(1);
            let head = &mut input.members[0];
            head.id = None;
            head.iin = None;
            let mut words = name.split(' ');
            head.surname = words.next().unwrap().to_owned();
            head.name = words.next().unwrap_or("Әсел").to_owned();
            head.patronymic = None;
            input.phone = None;
            input.accept_duplicates = true;
            written.push(
                crate::family::store::create_in(
                    &tx,
                    &input,
                    crate::family::store::Indexing::Deferred,
                )
                .unwrap(),
            );
        }
        let list = serde_json::to_string(&written).unwrap();
        place_new(&tx, "SELECT value FROM json_each(?1)", &list).unwrap();
        tx.commit().unwrap();
        written
    }

    fn positions(db: &Database) -> Vec<(String, i64)> {
        let mut stmt = db
            .conn()
            .prepare("SELECT id, list_pos FROM families WHERE list_pos IS NOT NULL ORDER BY id")
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.map(Result::unwrap).collect()
    }

    /// Names that fall at the start of the list, at its end, twenty into one gap, and
    /// thirty anywhere.
    fn names() -> Vec<String> {
        let mut names: Vec<String> = (0..20).map(|i| format!("Сейітова Ай{i}")).collect();
        names.extend(["Аaa Бірінші", "Ааа Екінші", "Яя Соңғы", "Яяя Соңғысы"].map(String::from));
        names.extend(crate::demo::people(30, 77).lines().map(String::from));
        names
    }

    #[test]
    fn a_bulk_write_into_a_larger_registry_places_only_its_own_families() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut db = Database::open_in_memory().unwrap();
        crate::demo::fill(&mut db, 300, 5, day).unwrap();
        let listed: Vec<String> = positions(&db).into_iter().map(|(id, _)| id).collect();
        crate::family::archive(&mut db, &listed[7], "көшті", None).unwrap();
        let before = positions(&db);
        let written = newcomers(&mut db, &names());
        assert_eq!(written.len(), 54);
        assert_consistent(&db);
        // The families listed before kept their positions: nothing was renumbered.
        let after: FxHashMap<String, i64> = positions(&db).into_iter().collect();
        for (id, pos) in &before {
            assert_eq!(after.get(id), Some(pos), "{id}");
        }
    }

    #[test]
    fn newcomers_with_no_room_between_their_neighbours_renumber_everyone() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut db = Database::open_in_memory().unwrap();
        crate::demo::fill(&mut db, 300, 6, day).unwrap();
        // Positions packed tight (1, 2, 3…) with their documents moved along.
        {
            let tx = db.conn_mut().transaction().unwrap();
            tx.execute(
                "INSERT INTO family_search (family_search) VALUES ('delete-all')",
                [],
            )
            .unwrap();
            let order = ids(&tx, "SELECT id FROM families ORDER BY list_pos");
            tx.execute("UPDATE families SET list_pos = NULL", [])
                .unwrap();
            for (i, id) in order.iter().enumerate() {
                let pos = i as i64 + 1;
                tx.execute(
                    "UPDATE families SET list_pos = ?2 WHERE id = ?1",
                    params![id, pos],
                )
                .unwrap();
                insert_doc(&tx, pos, &document(&tx, id).unwrap()).unwrap();
            }
            tx.commit().unwrap();
        }
        assert_consistent(&db);
        let before = positions(&db);
        newcomers(&mut db, &names()[..20]);
        assert_consistent(&db);
        let after: FxHashMap<String, i64> = positions(&db).into_iter().collect();
        assert!(before.iter().any(|(id, pos)| after.get(id) != Some(pos)));
        assert!(after.values().all(|p| p % SPACING == 0), "spread out again");
    }
}
