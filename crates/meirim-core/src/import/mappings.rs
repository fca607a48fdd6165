//! Column mappings saved by name. Kept by header rather than by position, so next month's
//! list — the same headers, perhaps a column more — maps itself.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::fields::{key, Field};
use super::prepare::Mapping;
use crate::clock;
use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};
use crate::text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SavedMapping {
    pub name: String,
    /// (header key, field) pairs.
    pub columns: Vec<(String, Field)>,
}

const NAME_MAX: usize = 100;

/// Saves (or replaces) the mapping of the columns under `headers`.
pub fn save(
    conn: &Connection,
    name: &str,
    headers: &[String],
    mapping: &Mapping,
) -> Result<SavedMapping, Problem> {
    let name = text::tidy(name);
    if name.is_empty() {
        return Err(Problem::new(ErrorCode::Required));
    }
    if name.chars().count() > NAME_MAX {
        return Err(Problem::new(ErrorCode::TooLong).with("max", NAME_MAX));
    }
    let columns: Vec<(String, Field)> = mapping
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((key(headers.get(i)?), (*f)?)))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let json = serde_json::to_string(&columns)
        .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
    let now = clock::now();
    conn.execute(
        "INSERT INTO import_mappings (name, columns, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (name) DO UPDATE SET columns = excluded.columns,
                                          updated_at = excluded.updated_at",
        params![name, json, now],
    )
    .map_err(DbError::from)?;
    Ok(SavedMapping { name, columns })
}

pub fn all(conn: &Connection) -> Result<Vec<SavedMapping>, Problem> {
    let mut stmt = conn
        .prepare_cached("SELECT name, columns FROM import_mappings ORDER BY updated_at DESC")
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    Ok(rows
        .into_iter()
        .filter_map(|(name, json)| {
            let columns = serde_json::from_str(&json).ok()?;
            Some(SavedMapping { name, columns })
        })
        .collect())
}

pub fn find(conn: &Connection, name: &str) -> Result<Option<SavedMapping>, Problem> {
    Ok(all(conn)?.into_iter().find(|m| m.name == text::tidy(name)))
}

pub fn delete(conn: &Connection, name: &str) -> Result<(), Problem> {
    conn.execute("DELETE FROM import_mappings WHERE name = ?1", [name])
        .map_err(DbError::from)?;
    Ok(())
}

impl SavedMapping {
    /// The saved fields laid onto a sheet's headers; columns it does not know stay unset.
    pub fn apply(&self, header_row: u32, headers: &[String]) -> Mapping {
        Mapping {
            header_row,
            columns: headers
                .iter()
                .map(|h| {
                    let k = key(h);
                    self.columns.iter().find(|(c, _)| *c == k).map(|(_, f)| *f)
                })
                .collect(),
        }
    }
}
