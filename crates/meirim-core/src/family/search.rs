//! Finding families: by any fragment of the head's name, however it is spelled, or by the
//! start of an IIN.
//!
//! Names are matched on `text::fold` keys through the `members_fts` trigram index, so a
//! fragment anywhere in a name is found without scanning the registry. Words shorter than
//! a trigram (1–2 letters) match the start of a word.

use rusqlite::{params_from_iter, types::Value};
use serde::Deserialize;

use super::model::{FamilyPage, FamilySummary};
use crate::db::{Database, DbError};
use crate::problem::Problem;
use crate::text;

pub const MAX_PAGE_SIZE: u32 = 500;
const TRIGRAM: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchQuery {
    /// Empty lists everyone; all digits search IIN prefixes; anything else name fragments
    /// (every word must match, in any order, in Cyrillic or Latin spelling).
    pub text: String,
    pub limit: u32,
    pub offset: u32,
}

/// The WHERE conditions (over `m`, the head) and their arguments for a query text.
fn filter(query: &str) -> (String, Vec<Value>) {
    let compact: String = query.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return (String::new(), vec![]);
    }
    if compact.chars().all(|c| c.is_ascii_digit()) {
        // A range, not LIKE, so the unique IIN index answers it.
        return (
            "AND m.iin >= ?1 AND m.iin < ?1 || ':'".to_owned(),
            vec![Value::Text(compact)],
        );
    }
    let folded = text::fold(query);
    let (long, short): (Vec<&str>, Vec<&str>) = folded
        .split(' ')
        .partition(|w| w.chars().count() >= TRIGRAM);
    let mut sql = String::new();
    let mut args = Vec::new();
    if !long.is_empty() {
        // Each word a quoted FTS5 string (substring match under the trigram tokenizer).
        let expr = long
            .iter()
            .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" AND ");
        args.push(Value::Text(expr));
        sql.push_str(&format!(
            " AND m.seq IN (SELECT rowid FROM members_fts WHERE members_fts MATCH ?{})",
            args.len()
        ));
    }
    for w in short {
        args.push(Value::Text(text::like_escape(w)));
        sql.push_str(&format!(
            " AND (' ' || m.search_key) LIKE '% ' || ?{} || '%' ESCAPE '\\'",
            args.len()
        ));
    }
    if folded.is_empty() {
        // Only punctuation or letters with no sound (ь, ъ): nothing can match.
        sql.push_str(" AND 0");
    }
    (sql, args)
}

/// One page of matching families in Kazakh alphabetical order of the head's name, with the
/// total number of matches.
pub fn search(db: &Database, q: &SearchQuery) -> Result<FamilyPage, Problem> {
    let conn = db.conn();
    let (filter, args) = filter(&q.text);
    let total: u32 = conn
        .query_row(
            &format!("SELECT count(*) FROM members m WHERE m.is_head = 1 {filter}"),
            params_from_iter(args.iter()),
            |r| r.get(0),
        )
        .map_err(DbError::from)?;
    let limit = q.limit.clamp(1, MAX_PAGE_SIZE);
    let n = args.len();
    let mut page_args = args;
    page_args.push(Value::Integer(i64::from(limit)));
    page_args.push(Value::Integer(i64::from(q.offset)));
    let sql = format!(
        "SELECT f.id, m.surname, m.name, m.patronymic, m.iin, m.birth_date, f.phone,
                f.village, f.district,
                (SELECT group_concat(category_id, ',') FROM family_categories
                  WHERE family_id = f.id)
         FROM members m JOIN families f ON f.id = m.family_id
         WHERE m.is_head = 1 {filter}
         ORDER BY m.sort_key, m.seq
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
