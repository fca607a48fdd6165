//! Lists with personal data, for the office's own spreadsheets: families with their members
//! flattened (a row per person, each with its family's number), deliveries, volunteers.
//! Unlike the period report these carry names, so exporting one is a deliberate act: the
//! caller must say so, IINs are left out unless asked for, and every export is written to
//! the audit log (what, how many rows, with or without IINs, where to).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};
use crate::settings::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ListKind {
    Families,
    Deliveries,
    Volunteers,
}

impl ListKind {
    pub fn code(self) -> &'static str {
        match self {
            ListKind::Families => "families",
            ListKind::Deliveries => "deliveries",
            ListKind::Volunteers => "volunteers",
        }
    }
}

/// What a column holds, so each output writes it properly (a number as a number, a date
/// as a date, an IIN as text so Excel keeps its leading zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ColumnKind {
    Text,
    Int,
    Tenge,
    /// Thousandths of a unit.
    Quantity,
    /// Minutes, written as hours.
    Minutes,
    Date,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Cell {
    Empty,
    Text(String),
    /// A stored code written in the reader's language: a Fluent id («sex-male»).
    Message(String),
    Int(i64),
    Date(NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub kind: ListKind,
    /// Fluent ids of the column headers, with what each holds.
    pub columns: Vec<(String, ColumnKind)>,
    pub rows: Vec<Vec<Cell>>,
}

/// Whether the export carries IINs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListOptions {
    /// The user confirmed the list carries personal data and is exported on purpose.
    pub personal_data: bool,
    pub with_iin: bool,
}

fn text(v: Option<String>) -> Cell {
    match v {
        Some(s) if !s.is_empty() => Cell::Text(s),
        _ => Cell::Empty,
    }
}

/// A stored code as the message `prefix` + code, or empty.
fn coded(prefix: &str, v: Option<String>) -> Cell {
    v.map_or(Cell::Empty, |code| Cell::Message(format!("{prefix}{code}")))
}

fn date(v: Option<String>) -> Cell {
    v.and_then(|s| s.parse().ok())
        .map_or(Cell::Empty, Cell::Date)
}

fn columns(ids: &[(&str, ColumnKind)]) -> Vec<(String, ColumnKind)> {
    ids.iter().map(|(id, k)| ((*id).to_owned(), *k)).collect()
}

/// Told how many rows have been read so far (every `STEP` rows); `false` stops the export.
pub type KeepGoing<'a> = &'a mut dyn FnMut(usize) -> bool;

/// How often the reader reports: often enough for a smooth bar, rarely enough to cost
/// nothing.
pub const STEP: usize = 2_000;

fn gather<T>(
    rows: impl Iterator<Item = rusqlite::Result<T>>,
    keep_going: KeepGoing<'_>,
) -> Result<Vec<T>, Problem> {
    let mut out = Vec::new();
    for row in rows {
        out.push(row.map_err(DbError::from)?);
        if out.len() % STEP == 0 && !keep_going(out.len()) {
            return Err(Problem::new(ErrorCode::ExportCancelled));
        }
    }
    Ok(out)
}

/// The list, refused unless the caller confirmed it carries personal data.
pub fn build(
    conn: &Connection,
    kind: ListKind,
    options: ListOptions,
    lang: Language,
) -> Result<Table, Problem> {
    build_with(conn, kind, options, lang, &mut |_| true)
}

/// `build`, telling `keep_going` how far it got, and stopping with `ExportCancelled` when
/// it says so.
pub fn build_with(
    conn: &Connection,
    kind: ListKind,
    options: ListOptions,
    lang: Language,
    keep_going: KeepGoing<'_>,
) -> Result<Table, Problem> {
    if !options.personal_data {
        return Err(Problem::new(ErrorCode::PersonalDataNotConfirmed));
    }
    let names = match lang {
        Language::Kk => "name_kk",
        Language::Ru => "name_ru",
    };
    let iin = options.with_iin;
    match kind {
        ListKind::Families => families(conn, names, iin, keep_going),
        ListKind::Deliveries => deliveries(conn, names, keep_going),
        ListKind::Volunteers => volunteers(conn, iin, keep_going),
    }
}

fn families(
    conn: &Connection,
    names: &str,
    with_iin: bool,
    keep_going: KeepGoing<'_>,
) -> Result<Table, Problem> {
    use ColumnKind::{Date, Int, Text};
    let mut cols = vec![
        ("list-col-family-no", Int),
        ("list-col-family-id", Text),
        ("list-col-head", Text),
        ("list-col-surname", Text),
        ("list-col-name", Text),
        ("list-col-patronymic", Text),
        ("list-col-birth-date", Date),
        ("list-col-sex", Text),
        ("list-col-relation", Text),
    ];
    if with_iin {
        cols.push(("list-col-iin", Text));
    }
    cols.extend([
        ("list-col-phone", Text),
        ("list-col-rural-okrug", Text),
        ("list-col-village", Text),
        ("list-col-street", Text),
        ("list-col-house", Text),
        ("list-col-flat", Text),
        ("list-col-categories", Text),
        ("list-col-status", Text),
        ("list-col-registered-on", Date),
    ]);
    let mut stmt = conn
        .prepare(&format!(
            // Categories are joined once per family, not once per member.
            "WITH cats AS (SELECT fc.family_id, group_concat(c.{names}, ', ') AS names
                           FROM family_categories fc JOIN categories c ON c.id = fc.category_id
                           GROUP BY fc.family_id)
             SELECT f.registry_no, f.id, m.is_head, m.surname, m.name, m.patronymic,
                    m.birth_date, m.sex, m.relation, m.iin, ifnull(m.phone, f.phone),
                    f.rural_okrug, f.village, f.street, f.house, f.flat, cats.names,
                    f.status, f.registered_on
             FROM families f JOIN members m ON m.family_id = f.id
                  LEFT JOIN cats ON cats.family_id = f.id
             WHERE f.destroyed_at IS NULL AND f.merged_into IS NULL
             ORDER BY f.registry_no, m.is_head DESC, m.position, m.seq"
        ))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| {
            let mut row = vec![
                Cell::Int(r.get(0)?),
                Cell::Text(r.get(1)?),
                Cell::Text(if r.get::<_, bool>(2)? {
                    "✓".into()
                } else {
                    String::new()
                }),
                Cell::Text(r.get(3)?),
                Cell::Text(r.get(4)?),
                text(r.get(5)?),
                date(r.get(6)?),
                coded("sex-", r.get(7)?),
                coded("relation-", r.get(8)?),
            ];
            if with_iin {
                row.push(text(r.get(9)?));
            }
            row.extend([
                text(r.get(10)?),
                text(r.get(11)?),
                text(r.get(12)?),
                text(r.get(13)?),
                text(r.get(14)?),
                text(r.get(15)?),
                text(r.get(16)?),
                coded("status-", r.get(17)?),
                date(r.get(18)?),
            ]);
            Ok(row)
        })
        .map_err(DbError::from)?;
    let rows = gather(rows, keep_going)?;
    Ok(Table {
        kind: ListKind::Families,
        columns: columns(&cols),
        rows,
    })
}

fn deliveries(conn: &Connection, names: &str, keep_going: KeepGoing<'_>) -> Result<Table, Problem> {
    use ColumnKind::{Date, Int, Quantity, Tenge, Text};
    let cols = [
        ("list-col-date", Date),
        ("list-col-family-no", Int),
        ("list-col-head", Text),
        ("list-col-village", Text),
        ("list-col-aid-type", Text),
        ("list-col-quantity", Quantity),
        ("list-col-unit", Text),
        ("list-col-value", Tenge),
        ("list-col-status", Text),
        ("list-col-campaign", Text),
        ("list-col-source", Text),
    ];
    let mut stmt = conn
        .prepare(&format!(
            "SELECT d.on_date, f.registry_no,
                    (SELECT m.surname || ' ' || m.name FROM members m
                      WHERE m.family_id = f.id AND m.is_head = 1),
                    f.village, t.{names}, d.quantity_milli, t.unit, d.value, d.status,
                    c.name, s.{names}
             FROM deliveries d JOIN families f ON f.id = d.family_id
                  JOIN aid_types t ON t.id = d.aid_type_id
                  LEFT JOIN campaigns c ON c.id = d.campaign_id
                  LEFT JOIN funding_sources s ON s.id = d.funding_source_id
             WHERE f.destroyed_at IS NULL
             ORDER BY d.on_date, f.registry_no"
        ))
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(vec![
                date(r.get(0)?),
                Cell::Int(r.get(1)?),
                text(r.get(2)?),
                text(r.get(3)?),
                Cell::Text(r.get(4)?),
                Cell::Int(r.get(5)?),
                coded("unit-", r.get(6)?),
                Cell::Int(r.get(7)?),
                coded("delivery-status-", r.get(8)?),
                text(r.get(9)?),
                text(r.get(10)?),
            ])
        })
        .map_err(DbError::from)?;
    let rows = gather(rows, keep_going)?;
    Ok(Table {
        kind: ListKind::Deliveries,
        columns: columns(&cols),
        rows,
    })
}

fn volunteers(
    conn: &Connection,
    with_iin: bool,
    keep_going: KeepGoing<'_>,
) -> Result<Table, Problem> {
    use ColumnKind::{Date, Minutes, Text};
    let mut cols = vec![
        ("list-col-surname", Text),
        ("list-col-name", Text),
        ("list-col-patronymic", Text),
        ("list-col-birth-date", Date),
    ];
    if with_iin {
        cols.push(("list-col-iin", Text));
    }
    cols.extend([
        ("list-col-phone", Text),
        ("list-col-organisation", Text),
        ("list-col-agency", Text),
        ("list-col-hours", Minutes),
    ]);
    let mut stmt = conn
        .prepare(
            "SELECT v.surname, v.name, v.patronymic, v.birth_date, v.iin, v.phone, o.name_kk,
                    CASE WHEN v.civil_servant THEN v.agency END,
                    (SELECT ifnull(sum(a.minutes), 0) FROM volunteer_activities a
                      WHERE a.volunteer_id = v.id)
             FROM volunteers v LEFT JOIN organisations o ON o.id = v.organisation_id
             ORDER BY v.sort_key",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([], |r| {
            let mut row = vec![
                Cell::Text(r.get(0)?),
                Cell::Text(r.get(1)?),
                text(r.get(2)?),
                date(r.get(3)?),
            ];
            if with_iin {
                row.push(text(r.get(4)?));
            }
            row.extend([
                text(r.get(5)?),
                text(r.get(6)?),
                text(r.get(7)?),
                Cell::Int(r.get(8)?),
            ]);
            Ok(row)
        })
        .map_err(DbError::from)?;
    let rows = gather(rows, keep_going)?;
    Ok(Table {
        kind: ListKind::Volunteers,
        columns: columns(&cols),
        rows,
    })
}

/// Writes the export into the audit log: which list, how many rows, whether IINs went
/// with it, and where the file went.
pub fn record_export(
    conn: &Connection,
    table: &Table,
    options: ListOptions,
    target: &str,
) -> Result<(), Problem> {
    let summary = format!(
        "{}: {} rows, IIN {}, → {target}",
        table.kind.code(),
        table.rows.len(),
        if options.with_iin { "yes" } else { "no" }
    );
    crate::audit::record_event(conn, None, crate::audit::AuditAction::Export, &summary)?;
    Ok(())
}

/// Logs the export of `table` to `target`, then runs `write`: the log has the export before
/// the file exists, and says so again if the file could not be written.
pub fn export_logged<T>(
    conn: &Connection,
    table: &Table,
    options: ListOptions,
    target: &str,
    write: impl FnOnce() -> Result<T, Problem>,
) -> Result<T, Problem> {
    record_export(conn, table, options, target)?;
    write().inspect_err(|p| {
        let summary = format!(
            "{}: not written → {target} ({:?})",
            table.kind.code(),
            p.code
        );
        let _ = crate::audit::record_event(conn, None, crate::audit::AuditAction::Export, &summary);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    /// The day the demo district is made as of: fixed, so the test does not depend on the date.
    const DEMO_DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
        Some(d) => d,
        None => panic!("a real day"),
    };

    #[test]
    fn lists_need_the_personal_data_choice_leave_iins_out_unless_asked_and_are_logged() {
        let mut db = Database::open_in_memory().unwrap();
        crate::demo::fill(&mut db, 20, 2, DEMO_DAY).unwrap();
        crate::demo::aid::fill(&mut db, 100, 2, DEMO_DAY).unwrap();
        let no = ListOptions {
            personal_data: false,
            with_iin: true,
        };
        assert_eq!(
            build(db.conn(), ListKind::Families, no, Language::Kk)
                .unwrap_err()
                .code,
            ErrorCode::PersonalDataNotConfirmed
        );
        let plain = ListOptions {
            personal_data: true,
            with_iin: false,
        };
        let t = build(db.conn(), ListKind::Families, plain, Language::Kk).unwrap();
        let members: i64 = db
            .conn()
            .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
            .unwrap();
        assert_eq!(t.rows.len() as i64, members, "a row per person");
        assert!(!t.columns.iter().any(|(id, _)| id == "list-col-iin"));
        let with = build(
            db.conn(),
            ListKind::Families,
            ListOptions {
                with_iin: true,
                ..plain
            },
            Language::Kk,
        )
        .unwrap();
        let at = with
            .columns
            .iter()
            .position(|(id, _)| id == "list-col-iin")
            .unwrap();
        assert!(with
            .rows
            .iter()
            .any(|r| matches!(&r[at], Cell::Text(s) if s.len() == 12)));
        let d = build(db.conn(), ListKind::Deliveries, plain, Language::Ru).unwrap();
        assert_eq!(d.rows.len(), 100);

        record_export(
            db.conn(),
            &with,
            with_iin_options(),
            "/media/usb/families.xlsx",
        )
        .unwrap();
        let summary: String = db
            .conn()
            .query_row(
                "SELECT summary FROM audit_log WHERE action = 'export'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            summary.contains("families") && summary.contains("IIN yes"),
            "{summary}"
        );
    }

    fn with_iin_options() -> ListOptions {
        ListOptions {
            personal_data: true,
            with_iin: true,
        }
    }
}
