//! Reading packages into a district (or oblast) registry: what each would do is shown first
//! (new, replaces an older one, older than the one held, already read, from an office not
//! yet known), then it is stored in one transaction. A newer package of an office and
//! period replaces the current one, which stays as history; an older one arriving late
//! goes straight into history.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, Problem};
use crate::reports::Period;
use crate::{clock, settings};

use super::key;
use super::office::{self, Office, OfficeBelow};
use super::package::Package;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Verdict {
    /// The first of its office and period.
    New,
    /// Newer than the one held, which becomes history.
    Replaces { made_at: String },
    /// Older than the one held: kept as history only.
    Older { current_made_at: String },
    /// This very file was read before.
    AlreadyRead,
    /// From an office not yet below this one: read only when the user adds it. When an
    /// office added by hand (no package yet) has its KATO code or name, that one it becomes.
    UnknownOffice { placeholder: Option<OfficeBelow> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preview {
    pub office: Office,
    pub period: Period,
    pub made_at: String,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub families: usize,
    /// Whether its IIN hashes were made with this district's key (none: no hashes).
    pub key_matches: Option<bool>,
    pub verdict: Verdict,
}

/// Whether this registry reads packages of `sender` at all.
fn admissible(conn: &Connection, sender: &Office) -> Result<Office, Problem> {
    let me = office::own(conn)?;
    let Some(below) = me.level.below() else {
        return Err(Problem::new(ErrorCode::PackageWrongLevel).with("level", me.level.code()));
    };
    if sender.id == me.id {
        return Err(Problem::new(ErrorCode::PackageFromSelf));
    }
    if sender.level != below {
        return Err(Problem::new(ErrorCode::PackageWrongLevel).with("level", sender.level.code()));
    }
    if let Some(parent) = &sender.parent_id {
        if *parent != me.id {
            return Err(Problem::new(ErrorCode::PackageOtherDistrict)
                .with("office", sender.names.kk.clone()));
        }
    }
    Ok(me)
}

fn placeholder(conn: &Connection, sender: &Office) -> Result<Option<OfficeBelow>, Problem> {
    let id: Option<String> = conn
        .query_row(
            "SELECT o.id FROM offices o
             WHERE o.is_self = 0
               AND NOT EXISTS (SELECT 1 FROM report_packages p WHERE p.office_id = o.id)
               AND ((?1 IS NOT NULL AND o.kato = ?1)
                    OR lower(o.name_kk) = lower(?2) OR lower(o.name_ru) = lower(?3))
             ORDER BY o.kato = ?1 DESC, o.created_at LIMIT 1",
            params![sender.kato, sender.names.kk, sender.names.ru],
            |r| r.get(0),
        )
        .optional()
        .map_err(DbError::from)?;
    match id {
        Some(id) => office::find(conn, &id),
        None => Ok(None),
    }
}

fn verdict(conn: &Connection, p: &Package) -> Result<Verdict, Problem> {
    let m = &p.manifest;
    let seen: Option<i64> = conn
        .query_row(
            "SELECT id FROM report_packages WHERE content_sha256 = ?1",
            [&m.content_sha256],
            |r| r.get(0),
        )
        .optional()
        .map_err(DbError::from)?;
    if seen.is_some() {
        return Ok(Verdict::AlreadyRead);
    }
    if office::find(conn, &m.office.id)?.is_none() {
        return Ok(Verdict::UnknownOffice {
            placeholder: placeholder(conn, &m.office)?,
        });
    }
    let current: Option<(i64, String)> = conn
        .query_row(
            "SELECT sequence, made_at FROM report_packages
             WHERE office_id = ?1 AND period_from = ?2 AND period_to = ?3 AND is_current = 1",
            params![
                m.office.id,
                m.period.from.to_string(),
                m.period.to.to_string()
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(DbError::from)?;
    Ok(match current {
        None => Verdict::New,
        Some((sequence, made_at)) if newer(m.sequence, &m.made_at, sequence, &made_at) => {
            Verdict::Replaces { made_at }
        }
        Some((_, current_made_at)) => Verdict::Older { current_made_at },
    })
}

/// Whether package `a` of an office is newer than `b`: by the office's own count, then by
/// the time (as instants: offices' clocks write their own offsets).
fn newer(a_seq: u64, a_at: &str, b_seq: i64, b_at: &str) -> bool {
    let b_seq = u64::try_from(b_seq).unwrap_or(0);
    if a_seq != b_seq {
        return a_seq > b_seq;
    }
    match (
        chrono::DateTime::parse_from_rfc3339(a_at),
        chrono::DateTime::parse_from_rfc3339(b_at),
    ) {
        (Ok(a), Ok(b)) => a > b,
        _ => a_at > b_at,
    }
}

/// What reading `p` would do; nothing is written.
pub fn preview(conn: &Connection, p: &Package) -> Result<Preview, Problem> {
    admissible(conn, &p.manifest.office)?;
    let my_key = key::stored(conn)?.map(|k| k.id());
    Ok(Preview {
        office: p.manifest.office.clone(),
        period: p.manifest.period,
        made_at: p.manifest.made_at.clone(),
        families: p.families.len(),
        key_matches: p
            .manifest
            .key_id
            .as_ref()
            .map(|k| Some(k) == my_key.as_ref()),
        verdict: verdict(conn, p)?,
    })
}

/// Reads `p` in: one transaction. A package from an unknown office is refused unless
/// `add_office`; a file read before changes nothing.
pub fn accept(
    db: &mut Database,
    p: &Package,
    file_name: &str,
    add_office: bool,
) -> Result<Preview, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let preview = preview(&tx, p)?;
    let m = &p.manifest;
    let is_current = match &preview.verdict {
        Verdict::AlreadyRead => return Ok(preview),
        Verdict::UnknownOffice { .. } if !add_office => {
            return Err(Problem::new(ErrorCode::PackageUnknownOffice)
                .with("office", m.office.names.kk.clone()))
        }
        Verdict::UnknownOffice { placeholder } => {
            if let Some(ph) = placeholder {
                tx.execute(
                    "UPDATE offices SET id = ?2 WHERE id = ?1 AND is_self = 0",
                    params![ph.office.id, m.office.id],
                )
                .map_err(DbError::from)?;
            }
            true
        }
        Verdict::New => true,
        Verdict::Replaces { .. } => {
            tx.execute(
                "UPDATE report_packages SET is_current = 0
                 WHERE office_id = ?1 AND period_from = ?2 AND period_to = ?3",
                params![
                    m.office.id,
                    m.period.from.to_string(),
                    m.period.to.to_string()
                ],
            )
            .map_err(DbError::from)?;
            true
        }
        Verdict::Older { .. } => false,
    };
    let mut sender = m.office.clone();
    sender.parent_id = Some(office::own(&tx)?.id);
    office::upsert_below(&tx, &sender)?;
    tx.execute(
        "INSERT INTO report_packages (office_id, period_from, period_to, made_at, received_at,
             content_sha256, schema, key_id, file_name, office_json, report_json, pdf,
             is_current, sequence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            m.office.id,
            m.period.from.to_string(),
            m.period.to.to_string(),
            m.made_at,
            clock::now(),
            m.content_sha256,
            m.schema,
            m.key_id,
            file_name,
            json(&m.office)?,
            json(&p.report)?,
            p.pdf,
            is_current,
            i64::try_from(m.sequence).unwrap_or(i64::MAX)
        ],
    )
    .map_err(DbError::from)?;
    let package_id = tx.last_insert_rowid();
    {
        let mut family = tx
            .prepare(
                "INSERT INTO package_families (package_id, family_no, aid_json) VALUES (?1, ?2, ?3)",
            )
            .map_err(DbError::from)?;
        let mut hash = tx
            .prepare(
                "INSERT OR IGNORE INTO package_hashes (hash, package_id, family_no)
                 VALUES (?1, ?2, ?3)",
            )
            .map_err(DbError::from)?;
        for (no, f) in (0i64..).zip(&p.families) {
            family
                .execute(params![package_id, no, json(&f.aid)?])
                .map_err(DbError::from)?;
            for h in &f.hashes {
                let mut bytes = [0u8; 32];
                hex::decode_to_slice(h, &mut bytes)
                    .map_err(|_| Problem::new(ErrorCode::PackageDamaged).with("part", "hash"))?;
                hash.execute(params![bytes.as_slice(), package_id, no])
                    .map_err(DbError::from)?;
            }
        }
    }
    settings::set(&tx, LAST_READ, &clock::now())?;
    tx.commit().map_err(DbError::from)?;
    Ok(preview)
}

const LAST_READ: &str = "district.last_read";

/// A value for a JSON column.
fn json<T: Serialize>(value: &T) -> Result<String, Problem> {
    serde_json::to_string(value).map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))
}
