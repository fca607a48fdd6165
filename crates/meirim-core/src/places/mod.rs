//! The address reference: the districts, rural okrugs and villages an office works with.
//!
//! Families keep their address as text (what was typed, exactly as it should print); this
//! reference is what the form suggests while typing and where a misspelt or renamed place
//! is corrected once for every family. It grows by itself as families are saved.

mod edit;

pub use edit::{remove, rename};

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};
use crate::{clock, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum PlaceLevel {
    District,
    RuralOkrug,
    Village,
}

impl PlaceLevel {
    pub(crate) fn stored(self) -> &'static str {
        match self {
            PlaceLevel::District => "district",
            PlaceLevel::RuralOkrug => "rural-okrug",
            PlaceLevel::Village => "village",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "district" => Some(PlaceLevel::District),
            "rural-okrug" => Some(PlaceLevel::RuralOkrug),
            "village" => Some(PlaceLevel::Village),
            _ => None,
        }
    }

    /// The families column holding this level's name.
    pub(crate) fn column(self) -> &'static str {
        match self {
            PlaceLevel::District => "district",
            PlaceLevel::RuralOkrug => "rural_okrug",
            PlaceLevel::Village => "village",
        }
    }
}

/// A place with the names of the places above it, so picking a village can fill in its
/// okrug and district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Place {
    pub id: String,
    pub level: PlaceLevel,
    pub name: String,
    pub kato: Option<String>,
    pub oblast_id: Option<String>,
    pub district: Option<String>,
    pub rural_okrug: Option<String>,
    /// How many families live here (by their address text).
    pub families: u32,
}

pub(crate) fn find(
    tx: &Connection,
    oblast_id: Option<&str>,
    parent_id: Option<&str>,
    level: PlaceLevel,
    name: &str,
) -> Result<Option<String>, DbError> {
    Ok(tx
        .prepare_cached(
            "SELECT id FROM places WHERE ifnull(oblast_id, '') = ifnull(?1, '')
               AND ifnull(parent_id, '') = ifnull(?2, '') AND level = ?3 AND name_key = ?4",
        )?
        .query_row(
            params![oblast_id, parent_id, level.stored(), text::fold(name)],
            |r| r.get(0),
        )
        .optional()?)
}

fn ensure_one(
    tx: &Transaction<'_>,
    oblast_id: Option<&str>,
    parent_id: Option<&str>,
    level: PlaceLevel,
    name: &str,
) -> Result<String, DbError> {
    if let Some(id) = find(tx, oblast_id, parent_id, level, name)? {
        return Ok(id);
    }
    let id = clock::new_id();
    let now = clock::now();
    tx.prepare_cached(
        "INSERT INTO places (id, oblast_id, parent_id, level, name, name_key, created_at,
                             updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )
    .and_then(|mut st| {
        st.execute(params![
            id,
            oblast_id,
            parent_id,
            level.stored(),
            name,
            text::fold(name),
            now
        ])
    })?;
    Ok(id)
}

/// Adds the places of an address the reference does not know yet.
pub(crate) fn remember(
    tx: &Transaction<'_>,
    oblast_id: Option<&str>,
    district: Option<&str>,
    rural_okrug: Option<&str>,
    village: Option<&str>,
) -> Result<(), DbError> {
    let mut parent: Option<String> = None;
    for (level, name) in [
        (PlaceLevel::District, district),
        (PlaceLevel::RuralOkrug, rural_okrug),
        (PlaceLevel::Village, village),
    ] {
        if let Some(name) = name.filter(|n| !text::fold(n).is_empty()) {
            parent = Some(ensure_one(tx, oblast_id, parent.as_deref(), level, name)?);
        }
    }
    Ok(())
}

pub(crate) const PLACE_SELECT: &str = "
    SELECT p.id, p.level, p.name, p.kato, p.oblast_id,
           CASE p.level WHEN 'district' THEN NULL
                WHEN 'rural-okrug' THEN parent.name
                ELSE coalesce(grand.name, CASE parent.level WHEN 'district' THEN parent.name END)
           END,
           CASE p.level WHEN 'village' THEN
                CASE parent.level WHEN 'rural-okrug' THEN parent.name END
           END
    FROM places p
    LEFT JOIN places parent ON parent.id = p.parent_id
    LEFT JOIN places grand ON grand.id = parent.parent_id";

pub(crate) fn place_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Place> {
    Ok(Place {
        id: r.get(0)?,
        level: PlaceLevel::parse(&r.get::<_, String>(1)?).unwrap_or(PlaceLevel::Village),
        name: r.get(2)?,
        kato: r.get(3)?,
        oblast_id: r.get(4)?,
        district: r.get(5)?,
        rural_okrug: r.get(6)?,
        families: 0,
    })
}

/// Places of one level whose name contains `fragment` (spelling-insensitive), for the
/// address fields' suggestions. A known district or okrug narrows the list.
pub fn suggest(
    conn: &Connection,
    level: PlaceLevel,
    fragment: &str,
    district: Option<&str>,
    rural_okrug: Option<&str>,
    limit: u32,
) -> Result<Vec<Place>, Problem> {
    let key = text::like_escape(&text::fold(fragment));
    let sql = format!(
        "{PLACE_SELECT} WHERE p.level = ?1 AND p.name_key LIKE '%' || ?2 || '%' ESCAPE '\\'
         ORDER BY p.name_key NOT LIKE ?2 || '%' ESCAPE '\\', p.name LIMIT 200"
    );
    let mut stmt = conn.prepare_cached(&sql).map_err(DbError::from)?;
    let rows = stmt
        .query_map(params![level.stored(), key], place_from_row)
        .map_err(DbError::from)?;
    let same = |a: Option<&str>, b: Option<&String>| match (a.map(text::fold), b) {
        (Some(a), Some(b)) if !a.is_empty() => a == text::fold(b),
        _ => true,
    };
    let mut out = Vec::new();
    for p in rows {
        let p = p.map_err(DbError::from)?;
        if same(district, p.district.as_ref()) && same(rural_okrug, p.rural_okrug.as_ref()) {
            out.push(p);
        }
        if out.len() >= limit as usize {
            break;
        }
    }
    Ok(out)
}

/// The whole reference, for the editor: districts, then okrugs, then villages, by name,
/// each with the number of current families living there.
pub fn list(conn: &Connection) -> Result<Vec<Place>, Problem> {
    let sql = format!(
        "{PLACE_SELECT} ORDER BY CASE p.level WHEN 'district' THEN 0 WHEN 'rural-okrug' THEN 1
         ELSE 2 END, p.name"
    );
    let mut stmt = conn.prepare(&sql).map_err(DbError::from)?;
    let mut places = stmt
        .query_map([], place_from_row)
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    let counts = usage(conn)?;
    for p in &mut places {
        p.families = counts.get(&p.key()).copied().unwrap_or(0);
    }
    Ok(places)
}

/// Where a place sits, spelling-insensitively: its level and the folded names of its
/// district, okrug and itself. A family's address maps to the same keys, so the two meet
/// even when a family typed «Карабулак» and the reference says «Қарабұлақ».
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct PlaceKey(PlaceLevel, String, String, String);

impl Place {
    pub(crate) fn key(&self) -> PlaceKey {
        let f = |s: &Option<String>| s.as_deref().map(text::fold).unwrap_or_default();
        match self.level {
            PlaceLevel::District => PlaceKey(
                self.level,
                String::new(),
                String::new(),
                text::fold(&self.name),
            ),
            PlaceLevel::RuralOkrug => PlaceKey(
                self.level,
                f(&self.district),
                String::new(),
                text::fold(&self.name),
            ),
            PlaceLevel::Village => PlaceKey(
                self.level,
                f(&self.district),
                f(&self.rural_okrug),
                text::fold(&self.name),
            ),
        }
    }
}

/// The keys of the places an address names, one per filled level.
pub(crate) fn address_keys(
    district: Option<&str>,
    rural_okrug: Option<&str>,
    village: Option<&str>,
) -> Vec<PlaceKey> {
    let f = |s: Option<&str>| s.map(text::fold).unwrap_or_default();
    let (d, o, v) = (f(district), f(rural_okrug), f(village));
    let mut keys = Vec::with_capacity(3);
    if !d.is_empty() {
        keys.push(PlaceKey(
            PlaceLevel::District,
            String::new(),
            String::new(),
            d.clone(),
        ));
    }
    if !o.is_empty() {
        keys.push(PlaceKey(
            PlaceLevel::RuralOkrug,
            d.clone(),
            String::new(),
            o.clone(),
        ));
    }
    if !v.is_empty() {
        keys.push(PlaceKey(PlaceLevel::Village, d, o, v));
    }
    keys
}

/// Current families per place, from one grouped pass over the families' addresses (a
/// count per place would scan 100k families once per village).
fn usage(conn: &Connection) -> Result<HashMap<PlaceKey, u32>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT district, rural_okrug, village, count(*) FROM families
         WHERE destroyed_at IS NULL AND merged_into IS NULL GROUP BY 1, 2, 3",
    )?;
    let mut counts = HashMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, u32>(3)?,
        ))
    })?;
    for row in rows {
        let (d, o, v, n) = row?;
        for key in address_keys(d.as_deref(), o.as_deref(), v.as_deref()) {
            *counts.entry(key).or_insert(0) += n;
        }
    }
    Ok(counts)
}

pub(crate) fn by_id(conn: &Connection, id: &str) -> Result<Place, Problem> {
    conn.query_row(
        &format!("{PLACE_SELECT} WHERE p.id = ?1"),
        [id],
        place_from_row,
    )
    .optional()
    .map_err(DbError::from)?
    .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;

    fn remember_all(db: &mut Database, rows: &[(&str, &str, &str)]) {
        let tx = db.conn_mut().transaction().unwrap();
        for (d, o, v) in rows {
            remember(&tx, None, Some(d), Some(o), Some(v)).unwrap();
        }
        tx.commit().unwrap();
    }

    #[test]
    fn remembers_each_place_once_and_suggests_with_parents() {
        let mut db = Database::open_in_memory().unwrap();
        remember_all(
            &mut db,
            &[
                ("Сайрам ауданы", "Қарабұлақ а.о.", "Қарабұлақ"),
                ("Сайрам ауданы", "Қарабұлақ а.о.", "Карабулак"),
                ("Сайрам ауданы", "Ақсу а.о.", "Ақсу"),
            ],
        );
        let all = list(db.conn()).unwrap();
        assert_eq!(
            all.len(),
            1 + 2 + 2,
            "«Карабулак» is «Қарабұлақ» spelt in Russian"
        );
        let found = suggest(db.conn(), PlaceLevel::Village, "karab", None, None, 10).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Қарабұлақ");
        assert_eq!(found[0].rural_okrug.as_deref(), Some("Қарабұлақ а.о."));
        assert_eq!(found[0].district.as_deref(), Some("Сайрам ауданы"));
        let none = suggest(
            db.conn(),
            PlaceLevel::Village,
            "ақс",
            None,
            Some("Қарабұлақ а.о."),
            10,
        )
        .unwrap();
        assert!(none.is_empty(), "Ақсу is in another okrug: {none:?}");
    }
}
