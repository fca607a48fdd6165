//! The dry run and the import itself are one code path: every family is matched and written
//! inside one transaction, which the dry run rolls back and the import commits. So the
//! preview's counts are exactly what the import will do, and the import is all or nothing.

use std::collections::{BTreeMap, HashSet};

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use super::matching::{self, MatchBy};
use super::prepare::{self, Prepared, RowIssue, Severity};
use crate::audit::{self, AuditAction, Change};
use crate::db::{Database, DbError};
use crate::family::store::{self, Indexing};
use crate::family::{self, FamilyStatus};
use crate::problem::{ErrorCode, Problem};
use crate::{clock, settings};

/// What to do with a family the registry already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Choice {
    /// Lay the file's values over the record.
    Update,
    /// Leave the record as it is.
    Skip,
    /// Register the file's family as another family (a namesake).
    AddNew,
}

/// The user's choices: one for every match, and exceptions by candidate index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Choices {
    pub all: Choice,
    pub each: BTreeMap<u32, Choice>,
}

impl Default for Choices {
    fn default() -> Self {
        Self {
            all: Choice::Update,
            each: BTreeMap::new(),
        }
    }
}

impl Choices {
    fn of(&self, candidate: u32) -> Choice {
        self.each.get(&candidate).copied().unwrap_or(self.all)
    }
}

/// The file being imported, for the audit log and for recognising it next time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FileFacts {
    pub name: String,
    /// SHA-256 of the bytes, hex.
    pub hash: String,
}

/// A family from the file that the registry already has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MatchInfo {
    pub candidate: u32,
    pub row: u32,
    pub head_name: String,
    pub family_id: String,
    pub registry_no: u32,
    pub registry_head: String,
    pub by: MatchBy,
    pub archived: bool,
    pub choice: Choice,
    /// What updating changes; empty when the file says nothing new.
    pub changes: Vec<Change>,
}

/// Matches listed in full; beyond this only counted (the choice for all still applies).
pub const MATCHES_LISTED: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Counts {
    pub rows: u32,
    pub families: u32,
    pub people: u32,
    pub added: u32,
    pub updated: u32,
    /// Matched, and the file has nothing new for them.
    pub unchanged: u32,
    pub skipped: u32,
    /// Families kept out by an error in one of their rows.
    pub rejected: u32,
    pub error_rows: u32,
    pub warning_rows: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Outcome {
    pub counts: Counts,
    /// Every match with changes first, up to `MATCHES_LISTED`.
    pub matches: Vec<MatchInfo>,
    pub matches_total: u32,
    /// Problems found while writing (an IIN another family holds…), with the cleaning's.
    pub issues: Vec<RowIssue>,
    /// The batch written; `None` for a dry run.
    pub batch_id: Option<String>,
    /// Earlier imports of the same file, newest first.
    pub earlier: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    DryRun,
    Apply,
}

/// Above this many new families the new ones are listed and indexed together at the end
/// (`index::place_new`, which rebuilds the whole index when they are many beside the
/// registry) instead of one by one as they are written.
const BULK: usize = 500;

/// Matches and writes everything in a transaction and rolls it back: the preview.
pub fn dry_run(
    db: &mut Database,
    prepared: &Prepared,
    choices: &Choices,
    file: &FileFacts,
    keep_going: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Outcome, Problem> {
    run(db, prepared, choices, file, Mode::DryRun, keep_going)
}

/// The import: all or nothing, one audit entry for the batch and one per family.
pub fn apply(
    db: &mut Database,
    prepared: &Prepared,
    choices: &Choices,
    file: &FileFacts,
    keep_going: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Outcome, Problem> {
    run(db, prepared, choices, file, Mode::Apply, keep_going)
}

/// How a family that fails is undone. A family is refused by its checks before it writes
/// anything, so no undo is needed and the fast way opens no savepoint (a savepoint copies
/// every page a family touches first: a third of a large import's time). Should a family
/// fail halfway through writing — a constraint or the disk, not the data — the fast attempt
/// is rolled back whole and the import run again the careful way, a savepoint per family,
/// so the outcome is the same either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Undo {
    Fast,
    PerFamily,
}

fn run(
    db: &mut Database,
    prepared: &Prepared,
    choices: &Choices,
    file: &FileFacts,
    mode: Mode,
    keep_going: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Outcome, Problem> {
    match attempt(db, prepared, choices, file, mode, Undo::Fast, keep_going)? {
        Some(outcome) => Ok(outcome),
        None => attempt(
            db,
            prepared,
            choices,
            file,
            mode,
            Undo::PerFamily,
            keep_going,
        )?
        .ok_or_else(|| Problem::new(ErrorCode::Internal).with("reason", "import undo")),
    }
}

/// One pass over the file in one transaction. `None`: with `Undo::Fast`, a family failed
/// after it had written something; nothing is kept and the caller runs again carefully.
fn attempt(
    db: &mut Database,
    prepared: &Prepared,
    choices: &Choices,
    file: &FileFacts,
    mode: Mode,
    undo: Undo,
    keep_going: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<Outcome>, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let earlier = earlier_imports(&tx, &file.hash)?;
    let batch_id = clock::new_id();
    tx.execute(
        "INSERT INTO import_batches (id, at, operator, file_name, file_hash, rows_read, added,
                                     updated, skipped, unchanged, rejected)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 0, 0, 0, 0)",
        params![
            batch_id,
            clock::now(),
            settings::operator(&tx)?,
            file.name,
            file.hash,
            prepared.rows_read
        ],
    )
    .map_err(DbError::from)?;
    let summary = format!("import:{}", file.name);
    let total = prepared.candidates.len();
    let fresh = prepared.candidates.iter().filter(|c| !c.rejected).count();
    let indexing = if fresh > BULK {
        Indexing::Deferred
    } else {
        Indexing::Now
    };
    let paused_keys = match indexing {
        Indexing::Deferred => Some(family::duplicate_keys::pause(&tx)?),
        Indexing::Now => None,
    };
    let mut counts = Counts {
        rows: prepared.rows_read,
        families: total as u32,
        people: prepared
            .candidates
            .iter()
            .map(|c| c.input.members.len() as u32)
            .sum(),
        ..Default::default()
    };
    let mut issues = prepared.issues.clone();
    let mut matches = Vec::new();
    let mut matches_total = 0;
    let mut touched: HashSet<String> = HashSet::new();
    for (i, c) in prepared.candidates.iter().enumerate() {
        if i % 500 == 0 && !keep_going(i, total) {
            return Err(Problem::new(ErrorCode::ImportCancelled));
        }
        if c.rejected {
            counts.rejected += 1;
            continue;
        }
        if undo == Undo::PerFamily {
            savepoint(&tx, "SAVEPOINT one")?;
        }
        let written_before = tx.total_changes();
        let step = one(
            &tx,
            c,
            choices.of(i as u32),
            indexing,
            &summary,
            &batch_id,
            &mut touched,
        );
        match step {
            Ok(Step::Added) => counts.added += 1,
            Ok(Step::Matched(done, mut m)) => {
                *match done {
                    Done::Skipped => &mut counts.skipped,
                    Done::Unchanged => &mut counts.unchanged,
                    Done::Updated => &mut counts.updated,
                    Done::AddedAnyway => &mut counts.added,
                } += 1;
                matches_total += 1;
                if matches.len() < MATCHES_LISTED {
                    m.candidate = i as u32;
                    m.row = c.first_row();
                    matches.push(*m);
                }
            }
            Err(problem) => {
                match undo {
                    Undo::PerFamily => savepoint(&tx, "ROLLBACK TO one")?,
                    // Dropping the transaction rolls everything back.
                    Undo::Fast if tx.total_changes() != written_before => return Ok(None),
                    Undo::Fast => {}
                }
                counts.rejected += 1;
                for mut issue in prepare::issues_of(prepared, &c.rows, &problem) {
                    issue.severity = Severity::Error;
                    issues.push(issue);
                }
            }
        }
        if undo == Undo::PerFamily {
            savepoint(&tx, "RELEASE one")?;
        }
    }
    if indexing == Indexing::Deferred {
        keep_going(total, total);
        family::index::place_new(
            &tx,
            "SELECT family_id FROM import_effects WHERE batch_id = ?1 AND added",
            &batch_id,
        )?;
    }
    if let Some(paused) = paused_keys {
        paused.resume(
            &tx,
            "SELECT family_id FROM import_effects WHERE batch_id = ?1",
            &batch_id,
        )?;
    }
    issues.sort_by_key(|i| i.row);
    let error_rows = distinct_rows(&issues, Severity::Error);
    counts.error_rows = error_rows;
    counts.warning_rows = distinct_rows(&issues, Severity::Warning);
    tx.execute(
        "UPDATE import_batches SET added = ?2, updated = ?3, skipped = ?4, unchanged = ?5,
                rejected = ?6
         WHERE id = ?1",
        params![
            batch_id,
            counts.added,
            counts.updated,
            counts.skipped,
            counts.unchanged,
            counts.rejected
        ],
    )
    .map_err(DbError::from)?;
    let note = serde_json::json!({
        "batch": batch_id, "file": file.name, "sha256": file.hash, "rows": counts.rows,
        "added": counts.added, "updated": counts.updated, "unchanged": counts.unchanged,
        "skipped": counts.skipped, "rejected": counts.rejected,
    });
    audit::record_office(&tx, AuditAction::Import, &note.to_string())?;
    // Matches that change something first: those are the ones to look at.
    matches.sort_by_key(|m| (m.changes.is_empty(), m.row));
    let batch_id = match mode {
        Mode::Apply => {
            tx.commit().map_err(DbError::from)?;
            Some(batch_id)
        }
        Mode::DryRun => None,
    };
    Ok(Some(Outcome {
        counts,
        matches,
        matches_total,
        issues,
        batch_id,
        earlier,
    }))
}

/// The rows of every family kept out, and rows with an error that made no family.
pub fn rejected_rows(prepared: &Prepared, outcome: &Outcome) -> Vec<u32> {
    let failed: HashSet<u32> = outcome
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| i.row)
        .collect();
    let mut rows: Vec<u32> = prepared
        .candidates
        .iter()
        .filter(|c| c.rejected || c.rows.iter().any(|r| failed.contains(r)))
        .flat_map(|c| c.rows.iter().copied())
        .chain(failed.iter().copied())
        .collect();
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// Savepoint statements, prepared once: one pair runs for every family in the file.
fn savepoint(tx: &Transaction<'_>, sql: &str) -> Result<(), Problem> {
    tx.prepare_cached(sql)
        .and_then(|mut st| st.execute([]))
        .map_err(DbError::from)?;
    Ok(())
}

fn distinct_rows(issues: &[RowIssue], severity: Severity) -> u32 {
    let mut rows: Vec<u32> = issues
        .iter()
        .filter(|i| i.severity == severity)
        .map(|i| i.row)
        .collect();
    rows.dedup();
    rows.len() as u32
}

/// What became of a family from the file.
enum Step {
    Added,
    Matched(Done, Box<MatchInfo>),
}

enum Done {
    AddedAnyway,
    Updated,
    Unchanged,
    Skipped,
}

fn one(
    tx: &Transaction<'_>,
    c: &prepare::Candidate,
    choice: Choice,
    indexing: Indexing,
    summary: &str,
    batch_id: &str,
    touched: &mut HashSet<String>,
) -> Result<Step, Problem> {
    let add = |tx: &Transaction<'_>| -> Result<String, Problem> {
        let (id, seq) = store::create_logged(tx, &c.input, indexing, Some(summary))?;
        effect(tx, batch_id, &id, None, seq)?;
        Ok(id)
    };
    let Some((family_id, by)) = matching::find(tx, &c.input)? else {
        let id = add(tx)?;
        touched.insert(id);
        return Ok(Step::Added);
    };
    if !touched.insert(family_id.clone()) {
        return Err(Problem::new(ErrorCode::ImportSameFamilyTwice));
    }
    let existing = family::get(tx, &family_id)?;
    let head_name = c
        .input
        .members
        .first()
        .map(|m| family::full_name(&m.surname, &m.name, m.patronymic.as_deref()))
        .unwrap_or_default();
    let mut info = Box::new(MatchInfo {
        candidate: 0,
        row: 0,
        head_name,
        family_id: family_id.clone(),
        registry_no: existing.registry_no,
        registry_head: existing.head().map(|h| h.full_name()).unwrap_or_default(),
        by,
        archived: existing.status == FamilyStatus::Archived,
        choice,
        changes: Vec::new(),
    });
    let mut base = existing.to_input();
    base.accept_duplicates = true;
    let merged = matching::merged(&base, &c.input);
    match choice {
        Choice::Skip => Ok(Step::Matched(Done::Skipped, info)),
        Choice::AddNew => {
            add(tx)?;
            Ok(Step::Matched(Done::AddedAnyway, info))
        }
        Choice::Update if merged == base => Ok(Step::Matched(Done::Unchanged, info)),
        Choice::Update => {
            let before = serde_json::to_string(&base)
                .map_err(|e| Problem::new(ErrorCode::Internal).with("reason", e))?;
            match store::update_in(tx, &family_id, &merged, Some(summary))? {
                None => Ok(Step::Matched(Done::Unchanged, info)),
                Some((seq, changes)) => {
                    effect(tx, batch_id, &family_id, Some(&before), seq)?;
                    info.changes = changes;
                    Ok(Step::Matched(Done::Updated, info))
                }
            }
        }
    }
}

fn effect(
    tx: &Transaction<'_>,
    batch_id: &str,
    family_id: &str,
    before: Option<&str>,
    audit_seq: i64,
) -> Result<(), Problem> {
    tx.prepare_cached(
        "INSERT INTO import_effects (batch_id, family_id, added, before, audit_seq)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .map_err(DbError::from)?
    .execute(params![
        batch_id,
        family_id,
        before.is_none(),
        before,
        audit_seq
    ])
    .map_err(DbError::from)?;
    Ok(())
}

/// When this file was imported before (and not undone), newest first.
fn earlier_imports(tx: &Transaction<'_>, hash: &str) -> Result<Vec<String>, Problem> {
    let mut stmt = tx
        .prepare_cached(
            "SELECT at FROM import_batches WHERE file_hash = ?1 AND undone_at IS NULL
             ORDER BY at DESC",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map([hash], |r| r.get(0))
        .map_err(DbError::from)?
        .collect::<Result<Vec<String>, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}
