//! Which office a registry is (its UUID, names, level, KATO code and the office above it),
//! and, in a district or oblast registry, the offices below it whose reports it awaits.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::check::Checker;
use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};
use crate::reference::Names;
use crate::{clock, text};

const NAME_MAX: usize = 200;

/// Where an office stands in the tree its reports roll up along.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// A rural okrug's (village) office, or a town's front office: the registry's own level.
    Okrug,
    District,
    Oblast,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::Okrug => "okrug",
            Level::District => "district",
            Level::Oblast => "oblast",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "okrug" => Some(Level::Okrug),
            "district" => Some(Level::District),
            "oblast" => Some(Level::Oblast),
            _ => None,
        }
    }

    /// The level whose reports this one reads: a district reads okrugs', an oblast districts'.
    pub fn below(self) -> Option<Self> {
        match self {
            Level::Okrug => None,
            Level::District => Some(Level::Okrug),
            Level::Oblast => Some(Level::District),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Office {
    pub id: String,
    pub names: Names,
    pub level: Level,
    pub kato: Option<String>,
    pub parent_id: Option<String>,
}

/// An office below this one, with whether its reports are awaited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OfficeBelow {
    #[serde(flatten)]
    pub office: Office,
    pub expected: bool,
}

/// What the letterhead screen edits about the registry's own office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OfficeInput {
    pub name_kk: String,
    pub name_ru: String,
    pub level: Level,
    pub kato: Option<String>,
}

const COLUMNS: &str = "id, name_kk, name_ru, level, kato, parent_id";

fn office_row(r: &Row<'_>) -> rusqlite::Result<Office> {
    let level: String = r.get(3)?;
    Ok(Office {
        id: r.get(0)?,
        names: Names {
            kk: r.get(1)?,
            ru: r.get(2)?,
        },
        level: Level::parse(&level).unwrap_or(Level::Okrug),
        kato: r.get(4)?,
        parent_id: r.get(5)?,
    })
}

/// The registry's own office. Until its names are written, the letterhead's stand in.
pub fn own(conn: &Connection) -> Result<Office, Problem> {
    let mut office = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM offices WHERE is_self = 1"),
            [],
            office_row,
        )
        .map_err(DbError::from)?;
    if office.names.kk.is_empty() && office.names.ru.is_empty() {
        office.names = crate::letters::letterhead::office(conn)?;
    }
    Ok(office)
}

/// Writes the own office's names, level and KATO code. A district that becomes a village
/// office again keeps the packages it read; they show again when it is a district.
pub fn set_own(conn: &Connection, input: &OfficeInput) -> Result<Office, Problem> {
    let mut c = Checker::default();
    let kk = c.required("name_kk", &input.name_kk, NAME_MAX);
    let ru = c.required("name_ru", &input.name_ru, NAME_MAX);
    let kato = c.kato("kato", input.kato.as_deref());
    let (kk, ru, kato) = c.finish((kk, ru, kato))?;
    conn.execute(
        "UPDATE offices SET name_kk = ?1, name_ru = ?2, level = ?3, kato = ?4, updated_at = ?5
         WHERE is_self = 1",
        params![kk, ru, input.level.code(), kato, clock::now()],
    )
    .map_err(DbError::from)?;
    own(conn)
}

/// Records the office above this one (from the district's key card).
pub fn set_parent(conn: &Connection, parent_id: Option<&str>) -> Result<(), Problem> {
    conn.execute(
        "UPDATE offices SET parent_id = ?1, updated_at = ?2 WHERE is_self = 1",
        params![parent_id, clock::now()],
    )
    .map_err(DbError::from)?;
    Ok(())
}

/// Where an office stands in a list of offices: Kazakh alphabetical order of its name.
pub fn by_name(o: &Office) -> (String, String) {
    (text::sort_key(&o.names.kk), o.id.clone())
}

pub fn find(conn: &Connection, id: &str) -> Result<Option<OfficeBelow>, Problem> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS}, expected FROM offices WHERE id = ?1 AND is_self = 0"),
            [id],
            |r| {
                Ok(OfficeBelow {
                    office: office_row(r)?,
                    expected: r.get(6)?,
                })
            },
        )
        .optional()
        .map_err(DbError::from)?)
}

/// The offices below this one, in Kazakh alphabetical order (Қ after К, not after Я).
pub fn below(conn: &Connection) -> Result<Vec<OfficeBelow>, Problem> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS}, expected FROM offices WHERE is_self = 0
             ORDER BY id"
        ))
        .map_err(DbError::from)?;
    let mut rows = stmt
        .query_map([], |r| {
            Ok(OfficeBelow {
                office: office_row(r)?,
                expected: r.get(6)?,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    rows.sort_by_cached_key(|o| by_name(&o.office));
    Ok(rows)
}

/// Adds an office below this one as its package describes it, or brings its names, level
/// and KATO code up to date when it is known.
pub(crate) fn upsert_below(conn: &Connection, office: &Office) -> Result<(), Problem> {
    let now = clock::now();
    conn.execute(
        "INSERT INTO offices (id, name_kk, name_ru, level, kato, parent_id, is_self, expected,
                              created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 1, ?7, ?7)
         ON CONFLICT (id) DO UPDATE SET name_kk = excluded.name_kk, name_ru = excluded.name_ru,
             level = excluded.level, kato = excluded.kato, updated_at = excluded.updated_at",
        params![
            office.id,
            office.names.kk,
            office.names.ru,
            office.level.code(),
            office.kato,
            office.parent_id,
            now
        ],
    )
    .map_err(DbError::from)?;
    Ok(())
}

/// Whether an office below is still awaited (one merged into another is not).
pub fn set_expected(conn: &Connection, id: &str, expected: bool) -> Result<(), Problem> {
    let n = conn
        .execute(
            "UPDATE offices SET expected = ?2, updated_at = ?3 WHERE id = ?1 AND is_self = 0",
            params![id, expected, clock::now()],
        )
        .map_err(DbError::from)?;
    if n == 0 {
        return Err(Problem::new(ErrorCode::NotFound).with("id", id));
    }
    Ok(())
}

/// Adds an office below by hand, before its first package (so that completeness shows it
/// missing). Its UUID comes with its first package: until then a new one stands in, and
/// the first package from an office of the same KATO code or name takes its place.
pub fn add_expected(conn: &Connection, input: &OfficeInput) -> Result<OfficeBelow, Problem> {
    let mut c = Checker::default();
    let kk = c.required("name_kk", &input.name_kk, NAME_MAX);
    let ru = c.required("name_ru", &input.name_ru, NAME_MAX);
    let kato = c.kato("kato", input.kato.as_deref());
    let (kk, ru, kato) = c.finish((kk, ru, kato))?;
    let parent = own(conn)?;
    let office = Office {
        id: clock::new_id(),
        names: Names { kk, ru },
        level: input.level,
        kato,
        parent_id: Some(parent.id),
    };
    upsert_below(conn, &office)?;
    find(conn, &office.id)?.ok_or_else(|| Problem::new(ErrorCode::NotFound))
}
