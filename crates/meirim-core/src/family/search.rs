//! Finding families: by any fragment of any member's name however it is spelt, by IIN or
//! phone digits, by address; filtered by category, village, status and consent; sorted by
//! name (the default), registry number, registration date or village; one page at a time.
//!
//! Text goes through `family_search` (see `index`): its rowids are list positions, so with
//! the default order the first page comes straight off the index without sorting.

use rusqlite::{params_from_iter, types::Value};
use serde::Deserialize;

use super::index::ARCHIVED_BAND;
use super::model::{ConsentStatus, FamilyPage, FamilyStatus, FamilySummary, Stored};
use super::read::today;
use crate::db::{Database, DbError};
use crate::problem::Problem;
use crate::reports::Period;
use crate::{phone, text};

pub const MAX_PAGE_SIZE: u32 = 500;
/// A text search reports at most this many matches (and `more` when there are others).
pub const COUNT_CAP: u32 = 1000;
const TRIGRAM: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum StatusFilter {
    /// Active and restored families: the working list.
    #[default]
    Current,
    Archived,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum SortBy {
    #[default]
    Name,
    RegistryNo,
    RegisteredOn,
    Village,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchQuery {
    /// Empty lists everyone. Words of letters match names and addresses (every word must
    /// match, in any order, Cyrillic or Latin); digits match the start of an IIN or any
    /// part of a phone number.
    pub text: String,
    pub category_id: Option<String>,
    pub village: Option<String>,
    pub status: StatusFilter,
    pub consent: Option<ConsentStatus>,
    /// Families given aid (delivered) within the period: the dashboard's «helped» figures
    /// open the list behind them with this.
    #[serde(default)]
    pub helped: Option<Period>,
    /// Families registered within the period.
    #[serde(default)]
    pub registered: Option<Period>,
    pub sort: SortBy,
    pub descending: bool,
    pub limit: u32,
    pub offset: u32,
}

/// How the text part of a query is answered.
enum TextMatch {
    None,
    /// An FTS5 expression over `family_search`.
    Index(String),
    /// Digits: IINs starting with them (on the IIN index) and, from five digits on, phones
    /// containing them (an FTS5 expression).
    Numbers {
        iin_prefix: String,
        phones: Option<String>,
    },
    /// One or two letters: the head's name starts with them.
    HeadPrefix(String),
}

fn quote(w: &str) -> String {
    format!("\"{}\"", w.replace('"', "\"\""))
}

/// Fewer digits than this match too many phones to be a useful search.
const PHONE_FRAGMENT_MIN: usize = 5;

fn text_match(query: &str) -> TextMatch {
    let q = query.trim();
    if q.is_empty() {
        return TextMatch::None;
    }
    let numeric = q.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if numeric {
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < TRIGRAM {
            return TextMatch::None;
        }
        // A whole phone number however typed (8 701…, +7 701…) is searched as stored.
        let phone_digits = match phone::normalize(q) {
            Some(p) => p.trim_start_matches('+').to_owned(),
            None => digits.clone(),
        };
        let phones = (phone_digits.len() >= PHONE_FRAGMENT_MIN)
            .then(|| format!("phones : {}", quote(&phone_digits)));
        return TextMatch::Numbers {
            iin_prefix: digits,
            phones,
        };
    }
    let folded = text::fold(q);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let long: Vec<String> = words
        .iter()
        .filter(|w| w.chars().count() >= TRIGRAM)
        .map(|w| {
            if w.chars().all(|c| c.is_ascii_digit()) {
                format!("{{phones address}} : {}", quote(w))
            } else {
                format!("{{names address}} : {}", quote(w))
            }
        })
        .collect();
    if !long.is_empty() {
        return TextMatch::Index(long.join(" AND "));
    }
    match words.first() {
        Some(w) => TextMatch::HeadPrefix((*w).to_owned()),
        // Only punctuation or letters with no sound (ь, ъ): nothing can match.
        None => TextMatch::Index(quote("\u{1}\u{1}\u{1}")),
    }
}

/// List positions of the families with an IIN starting with `iin_prefix` or a phone
/// matching `phones` (an FTS5 expression).
fn number_hits(
    conn: &rusqlite::Connection,
    iin_prefix: &str,
    phones: Option<&str>,
) -> Result<Vec<i64>, Problem> {
    let mut sql = "SELECT f.list_pos FROM members m JOIN families f ON f.id = m.family_id
                   WHERE m.iin >= ?1 AND m.iin < ?1 || ':' AND f.list_pos IS NOT NULL"
        .to_owned();
    if phones.is_some() {
        sql.push_str(" UNION SELECT rowid FROM family_search WHERE family_search MATCH ?2");
    }
    let mut stmt = conn.prepare_cached(&sql).map_err(DbError::from)?;
    let args: Vec<&str> = std::iter::once(iin_prefix).chain(phones).collect();
    let mut positions = stmt
        .query_map(params_from_iter(args), |r| r.get(0))
        .map_err(DbError::from)?
        .collect::<Result<Vec<i64>, _>>()
        .map_err(DbError::from)?;
    positions.sort_unstable();
    positions.dedup();
    Ok(positions)
}

/// One page of matching families with the total number of matches.
pub fn search(db: &Database, q: &SearchQuery) -> Result<FamilyPage, Problem> {
    let conn = db.conn();
    let mut args: Vec<Value> = Vec::new();
    let arg = |args: &mut Vec<Value>, v: Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    let mut from = String::from("families f");
    let mut filters = vec!["f.list_pos IS NOT NULL".to_owned()];
    let text = text_match(&q.text);
    let by_index = matches!(text, TextMatch::Index(_));
    match &text {
        TextMatch::None => {}
        TextMatch::Index(expr) => {
            from = "family_search s JOIN families f ON f.list_pos = s.rowid".to_owned();
            filters.push(format!(
                "family_search MATCH {}",
                arg(&mut args, Value::Text(expr.clone()))
            ));
        }
        TextMatch::Numbers { iin_prefix, phones } => {
            // Found once here, then named by position: the count and the page both need
            // them, and the IIN part is an index walk that should not run twice.
            let positions = number_hits(conn, iin_prefix, phones.as_deref())?;
            if positions.is_empty() {
                filters.push("0".to_owned());
            } else {
                let list: Vec<String> = positions.iter().map(i64::to_string).collect();
                filters.push(format!("f.list_pos IN ({})", list.join(",")));
            }
        }
        TextMatch::HeadPrefix(prefix) => {
            let p = arg(&mut args, Value::Text(prefix.clone()));
            filters.push(format!("f.head_key >= {p} AND f.head_key < {p} || x'7f'"));
        }
    }
    // Current and archived families have list positions in separate bands (see `index`),
    // so the status filter is a range over the index's own rowids.
    let pos = if by_index { "s.rowid" } else { "f.list_pos" };
    let band = Value::Integer(ARCHIVED_BAND);
    match q.status {
        StatusFilter::Current => filters.push(format!("{pos} < {}", arg(&mut args, band))),
        StatusFilter::Archived => filters.push(format!("{pos} >= {}", arg(&mut args, band))),
        StatusFilter::All => {}
    }
    // With nothing else to check, the index alone counts the matches.
    let index_only = by_index
        && q.consent.is_none()
        && q.helped.is_none()
        && q.registered.is_none()
        && text::tidy_opt(q.village.as_deref()).is_none()
        && text::tidy_opt(q.category_id.as_deref()).is_none();
    if let Some(c) = q.consent {
        filters.push(format!(
            "f.consent = {}",
            arg(&mut args, Value::Text(c.stored()))
        ));
    }
    if let Some(v) = text::tidy_opt(q.village.as_deref()) {
        filters.push(format!("f.village = {}", arg(&mut args, Value::Text(v))));
    }
    if let Some(c) = text::tidy_opt(q.category_id.as_deref()) {
        filters.push(format!(
            "EXISTS (SELECT 1 FROM family_categories fc WHERE fc.family_id = f.id
                     AND fc.category_id = {})",
            arg(&mut args, Value::Text(c))
        ));
    }
    // The period's first and last day as two parameters.
    let days = |args: &mut Vec<Value>, p: Period| {
        (
            arg(args, Value::Text(p.from.to_string())),
            arg(args, Value::Text(p.to.to_string())),
        )
    };
    if let Some(p) = q.helped {
        let (from, to) = days(&mut args, p);
        // Per family on (family_id, on_date): a look at each listed family's own
        // deliveries, instead of a pass over every delivery of the period.
        filters.push(format!(
            "EXISTS (SELECT 1 FROM deliveries d WHERE d.family_id = f.id
                     AND d.on_date BETWEEN {from} AND {to} AND d.status = 'delivered')"
        ));
    }
    if let Some(p) = q.registered {
        let (from, to) = days(&mut args, p);
        filters.push(format!("f.registered_on BETWEEN {from} AND {to}"));
    }
    let where_sql = filters.join(" AND ");
    // A text search counts its matches only up to COUNT_CAP: past that the figure helps no
    // one ("refine the search"), and counting 60 000 matches of "ова" costs more than
    // finding the page.
    let capped = !matches!(text, TextMatch::None);
    let count_from = if index_only {
        let index_where = filters
            .iter()
            .filter(|f| !f.starts_with("f."))
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" AND ");
        format!("family_search s WHERE {index_where}")
    } else {
        format!("{from} WHERE {where_sql}")
    };
    let count_sql = if capped {
        format!(
            "SELECT count(*) FROM (SELECT 1 FROM {count_from} LIMIT {})",
            COUNT_CAP + 1
        )
    } else {
        format!("SELECT count(*) FROM {count_from}")
    };
    let counted: u32 = conn
        .query_row(&count_sql, params_from_iter(args.iter()), |r| r.get(0))
        .map_err(DbError::from)?;
    let more = capped && counted > COUNT_CAP;
    let total = counted.min(if capped { COUNT_CAP } else { u32::MAX });

    let dir = if q.descending { "DESC" } else { "" };
    let order = match q.sort {
        // s.rowid is f.list_pos; naming the index's own column lets FTS5 deliver in order.
        SortBy::Name if by_index => format!("s.rowid {dir}"),
        SortBy::Name => format!("f.list_pos {dir}"),
        SortBy::RegistryNo => format!("f.registry_no {dir}"),
        SortBy::RegisteredOn => format!("f.registered_on {dir}, f.list_pos"),
        SortBy::Village => format!("f.village {dir}, f.list_pos"),
    };
    let limit = arg(
        &mut args,
        Value::Integer(i64::from(q.limit.clamp(1, MAX_PAGE_SIZE))),
    );
    let offset = arg(&mut args, Value::Integer(i64::from(q.offset)));
    let adult_from = arg(
        &mut args,
        Value::Text(
            today()
                .checked_sub_months(chrono::Months::new(18 * 12))
                .unwrap_or_default()
                .to_string(),
        ),
    );
    let sql = format!(
        "SELECT f.id, f.registry_no, m.surname, m.name, m.patronymic, m.iin, m.birth_date,
                f.phone, f.village, f.status, f.consent, f.registered_on,
                (SELECT group_concat(category_id, ',') FROM family_categories
                  WHERE family_id = f.id),
                (SELECT count(*) FROM members WHERE family_id = f.id),
                (SELECT count(*) FROM members WHERE family_id = f.id
                    AND birth_date > {adult_from})
         FROM {from} LEFT JOIN members m ON m.family_id = f.id AND m.is_head = 1
         WHERE {where_sql}
         ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    );
    let mut stmt = conn.prepare_cached(&sql).map_err(DbError::from)?;
    let items = stmt
        .query_map(params_from_iter(args.iter()), |r| {
            let surname: Option<String> = r.get(2)?;
            let name: Option<String> = r.get(3)?;
            let patronymic: Option<String> = r.get(4)?;
            Ok(FamilySummary {
                id: r.get(0)?,
                registry_no: r.get::<_, Option<u32>>(1)?.unwrap_or(0),
                head_name: super::model::full_name(
                    surname.as_deref().unwrap_or(""),
                    name.as_deref().unwrap_or(""),
                    patronymic.as_deref(),
                ),
                iin: r.get(5)?,
                birth_date: r
                    .get::<_, Option<String>>(6)?
                    .and_then(|s| crate::date::parse(&s)),
                phone: r.get(7)?,
                village: r.get(8)?,
                status: FamilyStatus::from_stored(&r.get::<_, String>(9)?).unwrap_or_default(),
                consent: ConsentStatus::from_stored(&r.get::<_, String>(10)?).unwrap_or_default(),
                registered_on: r
                    .get::<_, Option<String>>(11)?
                    .and_then(|s| crate::date::parse(&s)),
                category_ids: r
                    .get::<_, Option<String>>(12)?
                    .map(|s| s.split(',').map(str::to_owned).collect())
                    .unwrap_or_default(),
                size: r.get(13)?,
                children: r.get(14)?,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    Ok(FamilyPage { items, total, more })
}

/// The villages families live in, for the list's filter.
pub fn villages(db: &Database) -> Result<Vec<String>, Problem> {
    let mut stmt = db
        .conn()
        .prepare_cached(
            "SELECT DISTINCT village FROM families
             WHERE village IS NOT NULL AND list_pos IS NOT NULL ORDER BY village",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| r.get(0))
        .map_err(DbError::from)?
        .collect::<Result<Vec<String>, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}
