//! Finding families: by a fragment of the head's name or by the start of an IIN.

use rusqlite::{params_from_iter, types::Value};
use serde::Deserialize;

use super::model::{FamilyPage, FamilySummary};
use crate::db::{Database, DbError};
use crate::problem::Problem;
use crate::text;

pub const MAX_PAGE_SIZE: u32 = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchQuery {
    /// Empty lists everyone; all digits search IIN prefixes; anything else a name fragment.
    pub text: String,
    pub limit: u32,
    pub offset: u32,
}

/// One page of matching families, sorted by the head's name, with the total match count.
pub fn search(db: &Database, q: &SearchQuery) -> Result<FamilyPage, Problem> {
    let conn = db.conn();
    let needle = text::search_key(&q.text);
    let digits: String = needle.chars().filter(|c| !c.is_whitespace()).collect();
    let (filter, args): (&str, Vec<Value>) = if needle.is_empty() {
        ("", vec![])
    } else if digits.chars().all(|c| c.is_ascii_digit()) {
        // A range, not LIKE, so the unique IIN index answers it.
        (
            "AND m.iin >= ?1 AND m.iin < ?1 || ':'",
            vec![Value::Text(digits)],
        )
    } else {
        (
            "AND m.search_name LIKE '%' || ?1 || '%' ESCAPE '\\'",
            vec![Value::Text(text::like_escape(&needle))],
        )
    };
    let total: u32 = conn
        .query_row(
            &format!("SELECT count(*) FROM members m WHERE m.is_head = 1 {filter}"),
            params_from_iter(args.iter()),
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    let limit = q.limit.clamp(1, MAX_PAGE_SIZE);
    let mut page_args = args.clone();
    page_args.push(Value::Integer(i64::from(limit)));
    page_args.push(Value::Integer(i64::from(q.offset)));
    let n = args.len();
    let sql = format!(
        "SELECT f.id, m.surname, m.name, m.patronymic, m.iin, m.birth_date, f.phone,
                f.village, f.district,
                (SELECT group_concat(category_id, ',') FROM family_categories
                  WHERE family_id = f.id)
         FROM members m JOIN families f ON f.id = m.family_id
         WHERE m.is_head = 1 {filter}
         ORDER BY m.search_name, f.id
         LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    );
    let mut stmt = conn.prepare_cached(&sql).map_err(DbError::from)?;
    let items = stmt
        .query_map(params_from_iter(page_args.iter()), |r| {
            let surname: String = r.get(1)?;
            let name: String = r.get(2)?;
            let patronymic: Option<String> = r.get(3)?;
            Ok(FamilySummary {
                id: r.get(0)?,
                head_name: super::model::full_name(&surname, &name, patronymic.as_deref()),
                iin: r.get(4)?,
                birth_date: r
                    .get::<_, Option<String>>(5)?
                    .and_then(|s| crate::date::parse(&s)),
                phone: r.get(6)?,
                village: r.get(7)?,
                district: r.get(8)?,
                category_ids: r
                    .get::<_, Option<String>>(9)?
                    .map(|s| s.split(',').map(str::to_owned).collect())
                    .unwrap_or_default(),
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    Ok(FamilyPage { items, total })
}
