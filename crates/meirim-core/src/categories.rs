//! The office's list of aid categories: seeded from the domain guide, then the office's to
//! edit. A category in use is never deleted (reports count families by it); it is hidden
//! from the forms instead, and the families that have it keep it.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::check::Checker;
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, Problem};
use crate::reference::{category_from_row, Category};
use crate::{clock, text};

const NAME_MAX: usize = 100;

/// A category as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CategoryEntry {
    pub category: Category,
    /// Hidden categories are not offered in the forms.
    pub active: bool,
    /// Current families with this category.
    pub families: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CategoryInput {
    pub name_kk: String,
    pub name_ru: String,
}

/// Every category, hidden ones too, in the forms' order.
pub fn all(conn: &Connection) -> Result<Vec<CategoryEntry>, Problem> {
    let mut stmt = conn
        .prepare(
            "SELECT c.id, c.code, c.name_kk, c.name_ru, c.active,
                    (SELECT count(*) FROM family_categories fc
                       JOIN families f ON f.id = fc.family_id
                      WHERE fc.category_id = c.id AND f.destroyed_at IS NULL
                        AND f.merged_into IS NULL)
             FROM categories c ORDER BY c.sort_order, c.name_kk",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(CategoryEntry {
                category: category_from_row(r)?,
                active: r.get(4)?,
                families: r.get(5)?,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}

/// Tidied names, or a field problem for each that is empty, too long or already used by
/// another category (in either language, spelling-insensitively).
fn checked(
    conn: &Connection,
    input: &CategoryInput,
    own_id: Option<&str>,
) -> Result<(String, String), Problem> {
    let taken = names_in_use(conn, own_id)?;
    let mut c = Checker::default();
    let names = c.unique_names(
        &input.name_kk,
        &input.name_ru,
        NAME_MAX,
        &taken,
        ErrorCode::CategoryExists,
    );
    c.finish(names)
}

fn names_in_use(conn: &Connection, except: Option<&str>) -> Result<Vec<String>, Problem> {
    let mut stmt = conn
        .prepare("SELECT name_kk, name_ru FROM categories WHERE id IS NOT ?1")
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([except], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .map_err(DbError::from)?;
    let mut names = Vec::new();
    for row in rows {
        let (kk, ru) = row.map_err(DbError::from)?;
        names.push(text::fold(&kk));
        names.push(text::fold(&ru));
    }
    Ok(names)
}

fn by_id(conn: &Connection, id: &str) -> Result<Category, Problem> {
    use rusqlite::OptionalExtension;
    conn.query_row(
        "SELECT id, code, name_kk, name_ru FROM categories WHERE id = ?1",
        [id],
        category_from_row,
    )
    .optional()
    .map_err(DbError::from)?
    .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))
}

/// Adds the office's own category at the end of the list.
pub fn add(db: &mut Database, input: &CategoryInput) -> Result<Category, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let (kk, ru) = checked(&tx, input, None)?;
    let id = clock::new_id();
    let now = clock::now();
    tx.execute(
        "INSERT INTO categories (id, code, name_kk, name_ru, sort_order, active, created_at,
                                 updated_at)
         VALUES (?1, NULL, ?2, ?3, (SELECT ifnull(max(sort_order), 0) + 1 FROM categories), 1,
                 ?4, ?4)",
        params![id, kk, ru, now],
    )
    .map_err(DbError::from)?;
    tx.commit().map_err(DbError::from)?;
    by_id(db.conn(), &id)
}

/// Corrects a category's names. Its code (for seeded ones) stays, so reports and imports
/// still recognise it.
pub fn rename(db: &mut Database, id: &str, input: &CategoryInput) -> Result<Category, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    by_id(&tx, id)?;
    let (kk, ru) = checked(&tx, input, Some(id))?;
    tx.execute(
        "UPDATE categories SET name_kk = ?2, name_ru = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, kk, ru, clock::now()],
    )
    .map_err(DbError::from)?;
    tx.commit().map_err(DbError::from)?;
    by_id(db.conn(), id)
}

/// Hides a category from the forms or offers it again. Families keep it either way.
pub fn set_active(db: &mut Database, id: &str, active: bool) -> Result<(), Problem> {
    crate::reference::set_active(db.conn(), "categories", id, active)
}

/// Moves a category one place up (`up`) or down in the forms' order.
pub fn shift(db: &mut Database, id: &str, up: bool) -> Result<(), Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let order: Vec<String> = {
        let mut stmt = tx
            .prepare("SELECT id FROM categories ORDER BY sort_order, name_kk")
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .map_err(DbError::from)?
            .collect::<Result<_, _>>()
            .map_err(DbError::from)?;
        rows
    };
    let Some(at) = order.iter().position(|c| c == id) else {
        return Err(Problem::new(ErrorCode::NotFound).with("id", id));
    };
    let to = if up {
        at.checked_sub(1)
    } else {
        Some(at + 1).filter(|t| *t < order.len())
    };
    let Some(to) = to else {
        return Ok(());
    };
    let mut order = order;
    order.swap(at, to);
    // Renumbered densely: seeded and added categories may share sort values.
    let now = clock::now();
    for (i, cid) in order.iter().enumerate() {
        tx.execute(
            "UPDATE categories SET sort_order = ?2, updated_at = ?3
             WHERE id = ?1 AND sort_order IS NOT ?2",
            params![cid, i as i64 + 1, now],
        )
        .map_err(DbError::from)?;
    }
    tx.commit().map_err(DbError::from)?;
    Ok(())
}
