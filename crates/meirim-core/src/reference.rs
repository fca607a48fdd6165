//! Reference lists the forms choose from: oblasts and aid categories (seeded, editable later).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::db::DbError;

/// A name in both working languages; the UI shows the one matching the current language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Names {
    pub kk: String,
    pub ru: String,
}

impl Names {
    /// The name in `lang`.
    pub fn pick(&self, lang: crate::settings::Language) -> &str {
        match lang {
            crate::settings::Language::Kk => &self.kk,
            crate::settings::Language::Ru => &self.ru,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Oblast {
    pub id: String,
    pub iso_code: String,
    pub names: Names,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Category {
    pub id: String,
    /// Stable code of a seeded category (`large-family`); `None` for the office's own.
    pub code: Option<String>,
    pub names: Names,
}

/// Maps `SELECT id, code, name_kk, name_ru` from the categories table.
pub(crate) fn category_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Category> {
    Ok(Category {
        id: r.get(0)?,
        code: r.get(1)?,
        names: Names {
            kk: r.get(2)?,
            ru: r.get(3)?,
        },
    })
}

pub fn oblasts(conn: &Connection) -> Result<Vec<Oblast>, DbError> {
    let mut stmt = conn
        .prepare_cached("SELECT id, iso_code, name_kk, name_ru FROM oblasts ORDER BY sort_order")?;
    let rows = stmt.query_map([], |r| {
        Ok(Oblast {
            id: r.get(0)?,
            iso_code: r.get(1)?,
            names: Names {
                kk: r.get(2)?,
                ru: r.get(3)?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn categories(conn: &Connection) -> Result<Vec<Category>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, code, name_kk, name_ru FROM categories WHERE active = 1 ORDER BY sort_order",
    )?;
    let rows = stmt.query_map([], category_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Finds an oblast by id, ISO code (KZ-71) or name in either language, for the CLI.
pub fn find_oblast(conn: &Connection, key: &str) -> Result<Option<Oblast>, DbError> {
    let key_folded = crate::text::search_key(key);
    Ok(oblasts(conn)?.into_iter().find(|o| {
        o.id == key
            || o.iso_code.eq_ignore_ascii_case(key)
            || crate::text::search_key(&o.names.kk) == key_folded
            || crate::text::search_key(&o.names.ru) == key_folded
    }))
}

/// Finds a category by id, code or name in either language, for the CLI.
pub fn find_category(conn: &Connection, key: &str) -> Result<Option<Category>, DbError> {
    let key_folded = crate::text::search_key(key);
    Ok(categories(conn)?.into_iter().find(|c| {
        c.id == key
            || c.code.as_deref() == Some(key)
            || crate::text::search_key(&c.names.kk) == key_folded
            || crate::text::search_key(&c.names.ru) == key_folded
    }))
}

/// Hides an entry of a reference list (`table` is one of ours, never input) from the forms,
/// or offers it again; records that use it keep it.
pub(crate) fn set_active(
    conn: &Connection,
    table: &str,
    id: &str,
    active: bool,
) -> Result<(), crate::Problem> {
    let n = conn
        .execute(
            &format!("UPDATE {table} SET active = ?2, updated_at = ?3 WHERE id = ?1"),
            rusqlite::params![id, active, crate::clock::now()],
        )
        .map_err(DbError::from)?;
    if n == 0 {
        return Err(crate::Problem::new(crate::ErrorCode::NotFound).with("id", id));
    }
    Ok(())
}
