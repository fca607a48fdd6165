//! The report package an office sends up («Ауданға жіберу»): its period report (aggregates
//! only), the families it helped in the period as keyed hashes of their IINs with the aid
//! they got, and the report's PDF for a person to read. The file itself (a zip: see
//! meirim-exchange) is assembled from the parts here, and read back into them only after
//! every part has been checked: a package comes from outside and is hostile until then.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};
use crate::reports::{self, Period, PeriodReport, Scope};

use super::key;
use super::office::{self, Office};

pub const KIND: &str = "meirim-report";
/// Raised when a package's meaning changes; a reader refuses a newer one.
pub const SCHEMA: u32 = 1;
/// The file's extension.
pub const EXTENSION: &str = "meirim-report";

/// The package's first part: who sent what, when, and the hash that proves the rest whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub kind: String,
    pub schema: u32,
    pub office: Office,
    pub period: Period,
    /// RFC 3339, UTC.
    pub made_at: String,
    /// The office's count of packages made, one more each time: which of two packages is
    /// the newer does not hang on the office computer's clock being right.
    pub sequence: u64,
    pub app_version: String,
    /// Which district key hashed the IINs; none when the office has no key yet.
    pub key_id: Option<String>,
    pub families: usize,
    /// SHA-256 over the other parts, each preceded by its length (`content_sha256`).
    pub content_sha256: String,
}

/// The aid a family got in the period, by aid type (its id; the report names it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AidGiven {
    pub aid_type: String,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub deliveries: i64,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub value: i64,
}

/// A family helped in the period: HMAC-SHA-256 of each member's IIN (hex), never the IINs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpedFamily {
    pub hashes: Vec<String>,
    pub aid: Vec<AidGiven>,
}

/// What goes into a package before its PDF is drawn and its manifest written.
#[derive(Debug, Clone)]
pub struct Draft {
    pub office: Office,
    pub sequence: u64,
    pub report: PeriodReport,
    pub families: Vec<HelpedFamily>,
    pub key_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Package {
    pub manifest: Manifest,
    pub report: PeriodReport,
    pub families: Vec<HelpedFamily>,
    pub pdf: Vec<u8>,
}

/// The parts as they are stored in the file, in this order after the manifest.
#[derive(Clone)]
pub struct Parts {
    pub manifest: Vec<u8>,
    pub report: Vec<u8>,
    pub families: Vec<u8>,
    pub pdf: Vec<u8>,
}

pub const MANIFEST_NAME: &str = "meirim-report.json";
pub const REPORT_NAME: &str = "report.json";
pub const FAMILIES_NAME: &str = "families.json";
pub const PDF_NAME: &str = "report.pdf";

/// What each part may weigh once unpacked: a 100 000-family office's hashes fit.
pub const MANIFEST_MAX: u64 = 64 * 1024;
pub const REPORT_MAX: u64 = 8 * 1024 * 1024;
pub const FAMILIES_MAX: u64 = 64 * 1024 * 1024;
pub const PDF_MAX: u64 = 16 * 1024 * 1024;

const MAX_SECTIONS: usize = 64;
const MAX_LINES: usize = 20_000;
const MAX_COLUMNS: usize = 8;
const MAX_FAMILIES: usize = 500_000;
const MAX_HASHES: usize = 64;
const MAX_AID: usize = 200;
const MAX_TEXT: usize = 1_000;

pub fn content_sha256(report: &[u8], families: &[u8], pdf: &[u8]) -> String {
    let mut h = Sha256::new();
    for part in [report, families, pdf] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part);
    }
    hex::encode(h.finalize())
}

/// The office's report of `period` and the families it helped then, hashed with the
/// district key when the office has one.
pub fn draft(conn: &Connection, period: Period) -> Result<Draft, Problem> {
    let me = office::own(conn)?;
    let mut report = reports::build(conn, period, &Scope::default())?;
    report.office = me.names.clone();
    let key = key::stored(conn)?;
    let families = match &key {
        Some(k) => helped_families(conn, period, &k.hasher())?,
        None => Vec::new(),
    };
    Ok(Draft {
        office: me,
        sequence: next_sequence(conn)?,
        report,
        families,
        key_id: key.map(|k| k.id()),
    })
}

const SEQUENCE_KEY: &str = "district.package_sequence";

/// The next number of the office's packages (kept in the registry, so a restored backup
/// continues from where it was; the district compares it before the time).
pub(crate) fn next_sequence(conn: &Connection) -> Result<u64, Problem> {
    let n = crate::settings::get(conn, SEQUENCE_KEY)?
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(0)
        + 1;
    crate::settings::set(conn, SEQUENCE_KEY, &n.to_string())?;
    Ok(n)
}

/// Families with delivered aid in the period, each with the hashes of its members' IINs;
/// families without any IIN cannot be matched and are left out. Sorted by hash, so the
/// order tells nothing about the registry.
fn helped_families(
    conn: &Connection,
    period: Period,
    hasher: &key::IinHasher,
) -> Result<Vec<HelpedFamily>, Problem> {
    let mut aid: BTreeMap<String, Vec<AidGiven>> = BTreeMap::new();
    {
        let mut stmt = conn
            .prepare(
                "SELECT family_id, aid_type_id, count(*), sum(value) FROM deliveries
                 WHERE status = 'delivered' AND on_date BETWEEN ?1 AND ?2
                 GROUP BY family_id, aid_type_id ORDER BY family_id, aid_type_id",
            )
            .map_err(DbError::from)?;
        let mut rows = stmt
            .query([period.from.to_string(), period.to.to_string()])
            .map_err(DbError::from)?;
        while let Some(r) = rows.next().map_err(DbError::from)? {
            aid.entry(r.get(0).map_err(DbError::from)?)
                .or_default()
                .push(AidGiven {
                    aid_type: r.get(1).map_err(DbError::from)?,
                    deliveries: r.get(2).map_err(DbError::from)?,
                    value: r.get(3).map_err(DbError::from)?,
                });
        }
    }
    let mut iins: BTreeMap<String, Vec<String>> = BTreeMap::new();
    {
        let mut stmt = conn
            .prepare(
                "SELECT m.family_id, m.iin FROM members m
                 WHERE m.iin IS NOT NULL AND m.family_id IN (
                     SELECT family_id FROM deliveries
                     WHERE status = 'delivered' AND on_date BETWEEN ?1 AND ?2)",
            )
            .map_err(DbError::from)?;
        let mut rows = stmt
            .query([period.from.to_string(), period.to.to_string()])
            .map_err(DbError::from)?;
        while let Some(r) = rows.next().map_err(DbError::from)? {
            let family: String = r.get(0).map_err(DbError::from)?;
            let iin: String = r.get(1).map_err(DbError::from)?;
            iins.entry(family)
                .or_default()
                .push(hex::encode(hasher.hash(&iin)));
        }
    }
    let mut out: Vec<HelpedFamily> = aid
        .into_iter()
        .filter_map(|(family, aid)| {
            let mut hashes = iins.remove(&family)?;
            hashes.sort();
            Some(HelpedFamily { hashes, aid })
        })
        .collect();
    out.sort_by(|a, b| a.hashes.cmp(&b.hashes));
    Ok(out)
}

impl Package {
    /// Seals a draft with its PDF: the manifest with the time and the content's hash.
    pub fn seal(draft: Draft, pdf: Vec<u8>, made_at: String) -> Result<(Self, Parts), Problem> {
        let report_json = to_json(&draft.report)?;
        let families_json = to_json(&draft.families)?;
        let manifest = Manifest {
            kind: KIND.to_owned(),
            schema: SCHEMA,
            office: draft.office,
            period: draft.report.period,
            made_at,
            sequence: draft.sequence,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            key_id: draft.key_id,
            families: draft.families.len(),
            content_sha256: content_sha256(&report_json, &families_json, &pdf),
        };
        let parts = Parts {
            manifest: to_json(&manifest)?,
            report: report_json,
            families: families_json,
            pdf: pdf.clone(),
        };
        Ok((
            Self {
                manifest,
                report: draft.report,
                families: draft.families,
                pdf,
            },
            parts,
        ))
    }

    /// Checks every part of a package read from a file. The manifest first: a file that is
    /// not a Meirim report package, or one of a newer schema, is refused before the rest is
    /// parsed; then the content's hash; then what the figures may hold.
    pub fn from_parts(parts: Parts) -> Result<Self, PackageError> {
        let head: serde_json::Value =
            serde_json::from_slice(&parts.manifest).map_err(|_| PackageError::NotMeirim)?;
        if head.get("kind").and_then(|k| k.as_str()) != Some(KIND) {
            return Err(PackageError::NotMeirim);
        }
        let schema = head
            .get("schema")
            .and_then(|s| s.as_u64())
            .ok_or(PackageError::Damaged("schema"))?;
        if schema > u64::from(SCHEMA) {
            return Err(PackageError::NewerSchema(schema));
        }
        let manifest: Manifest =
            serde_json::from_value(head).map_err(|_| PackageError::Damaged("manifest"))?;
        if content_sha256(&parts.report, &parts.families, &parts.pdf) != manifest.content_sha256 {
            return Err(PackageError::Damaged("content_sha256"));
        }
        let report: PeriodReport =
            serde_json::from_slice(&parts.report).map_err(|_| PackageError::Damaged("report"))?;
        let families: Vec<HelpedFamily> = serde_json::from_slice(&parts.families)
            .map_err(|_| PackageError::Damaged("families"))?;
        let p = Self {
            manifest,
            report,
            families,
            pdf: parts.pdf,
        };
        p.check()?;
        Ok(p)
    }

    /// What a package may hold, whatever wrote it.
    fn check(&self) -> Result<(), PackageError> {
        let m = &self.manifest;
        let text_ok = |s: &str| s.len() <= MAX_TEXT;
        let o = &m.office;
        if o.id.is_empty()
            || !text_ok(&o.id)
            || !text_ok(&o.names.kk)
            || !text_ok(&o.names.ru)
            || o.kato.as_deref().is_some_and(|k| !text_ok(k))
            || o.parent_id.as_deref().is_some_and(|k| !text_ok(k))
            || !text_ok(&m.made_at)
            || chrono::DateTime::parse_from_rfc3339(&m.made_at).is_err()
            || m.key_id.as_deref().is_some_and(|k| !text_ok(k))
        {
            return Err(PackageError::Damaged("office"));
        }
        if m.period.to < m.period.from || self.report.period != m.period {
            return Err(PackageError::Damaged("period"));
        }
        if !self.pdf.starts_with(b"%PDF-") {
            return Err(PackageError::Damaged("pdf"));
        }
        let r = &self.report;
        if r.sections.len() > MAX_SECTIONS {
            return Err(PackageError::Damaged("sections"));
        }
        for s in &r.sections {
            if s.lines.len() > MAX_LINES || s.columns.len() > MAX_COLUMNS || !text_ok(&s.id) {
                return Err(PackageError::Damaged("sections"));
            }
            for l in &s.lines {
                let n = l.measures.len();
                if n > MAX_COLUMNS || l.now.len() != n || l.before.len() != n || !text_ok(&l.key) {
                    return Err(PackageError::Damaged("lines"));
                }
            }
        }
        if self.families.len() != m.families || self.families.len() > MAX_FAMILIES {
            return Err(PackageError::Damaged("families"));
        }
        if m.key_id.is_none() && !self.families.is_empty() {
            return Err(PackageError::Damaged("families"));
        }
        for f in &self.families {
            if f.hashes.is_empty()
                || f.hashes.len() > MAX_HASHES
                || f.aid.len() > MAX_AID
                || f.hashes
                    .iter()
                    .any(|h| h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()))
                || f.aid.iter().any(|a| !text_ok(&a.aid_type))
            {
                return Err(PackageError::Damaged("families"));
            }
        }
        Ok(())
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, Problem> {
    serde_json::to_vec(value).map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))
}

/// Why a file is not a package this registry can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackageError {
    #[error("not a Meirim report package")]
    NotMeirim,
    #[error("made by a newer Meirim (schema {0})")]
    NewerSchema(u64),
    #[error("damaged: {0}")]
    Damaged(&'static str),
    #[error("larger than a report package can be: {0}")]
    TooLarge(String),
}

impl From<PackageError> for Problem {
    fn from(e: PackageError) -> Self {
        match e {
            PackageError::NotMeirim => Problem::new(ErrorCode::PackageNotMeirim),
            PackageError::NewerSchema(found) => Problem::new(ErrorCode::PackageNewerSchema)
                .with("found", found)
                .with("supported", SCHEMA),
            PackageError::Damaged(part) => {
                Problem::new(ErrorCode::PackageDamaged).with("part", part)
            }
            PackageError::TooLarge(part) => {
                Problem::new(ErrorCode::PackageTooLarge).with("part", part)
            }
        }
    }
}

/// The file name a package gets: office, period — so a stick with a dozen reads well.
pub fn file_name(m: &Manifest) -> String {
    suggested_name(&m.office, m.period)
}

pub fn suggested_name(office: &Office, period: Period) -> String {
    let who = office
        .kato
        .clone()
        .unwrap_or_else(|| office.id.chars().take(8).collect());
    format!("report-{who}-{}-{}.{EXTENSION}", period.from, period.to)
}
