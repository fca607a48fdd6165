//! The district's report of a period: every figure of the offices' current packages, per
//! office and in total, beside who sent and the families two offices both helped. The total
//! has the period report's own shape, so it prints, exports and is sent upward like one.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::db::DbError;
use crate::problem::{ErrorCode, Problem};
use crate::reference::Names;
use crate::reports::{Label, Line, Period, PeriodReport, Scope, Section};

use super::completeness::{self, Completeness};
use super::doubles::{self, Doubles};
use super::key;
use super::office::{self, Office};
use super::package::{Draft, HelpedFamily};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OfficeReport {
    pub office: Office,
    pub made_at: String,
    pub report: PeriodReport,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Consolidated {
    pub period: Period,
    pub total: PeriodReport,
    /// By office name.
    pub offices: Vec<OfficeReport>,
    pub completeness: Completeness,
    pub doubles: Doubles,
}

/// Adds reports up line by line; sections and lines come in the order they first appear.
/// Lines are matched by what they say, not by their key: each office's campaign «Мектепке
/// жол» or its own aid type «газ қосу» has its own id, yet is one line of the district's.
/// Sums saturate: a forged package cannot wrap a total round.
pub fn sum(period: Period, office: Names, reports: &[&PeriodReport]) -> PeriodReport {
    let mut sections: Vec<Section> = Vec::new();
    let mut where_is: HashMap<(String, String), (usize, usize)> = HashMap::new();
    for r in reports {
        for s in &r.sections {
            let si = match sections.iter().position(|t| t.id == s.id) {
                Some(i) => i,
                None => {
                    sections.push(Section {
                        id: s.id.clone(),
                        columns: s.columns.clone(),
                        lines: Vec::new(),
                    });
                    sections.len() - 1
                }
            };
            for l in &s.lines {
                let id = (s.id.clone(), same_line(l));
                match where_is.get(&id) {
                    Some(&(si, li)) => add(&mut sections[si].lines[li], l),
                    None => {
                        where_is.insert(id, (si, sections[si].lines.len()));
                        sections[si].lines.push(l.clone());
                    }
                }
            }
        }
    }
    PeriodReport {
        period,
        previous: reports
            .first()
            .map(|r| r.previous)
            .unwrap_or_else(|| period.previous()),
        scope: Scope::default(),
        campaign_name: None,
        office,
        sections,
    }
}

/// What makes two offices' lines one line of the total: the label as read (case aside),
/// the unit and the kinds of figures.
fn same_line(l: &Line) -> String {
    let label = match &l.label {
        Label::Message(id) => format!("m:{id}"),
        Label::Names(n) => format!("n:{}", crate::text::fold(&n.kk)),
        Label::Text(t) => format!("t:{}", crate::text::fold(t)),
    };
    format!("{label}|{:?}|{:?}", l.unit, l.measures)
}

fn add(into: &mut Line, l: &Line) {
    for (a, b) in into.now.iter_mut().zip(&l.now) {
        *a = a.saturating_add(*b);
    }
    for (a, b) in into.before.iter_mut().zip(&l.before) {
        *a = a.saturating_add(*b);
    }
}

/// The current packages of `period`, by office name (Kazakh order).
pub fn office_reports(conn: &Connection, period: Period) -> Result<Vec<OfficeReport>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT p.office_json, p.made_at, p.report_json FROM report_packages p
             WHERE p.period_from = ?1 AND p.period_to = ?2 AND p.is_current = 1",
        )
        .map_err(DbError::from)?;
    let rows = stmt
        .query_map(
            params![period.from.to_string(), period.to.to_string()],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get::<_, String>(2)?)),
        )
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    let mut out = rows
        .into_iter()
        .map(|(office, made_at, report)| {
            let damaged = || Problem::new(ErrorCode::PackageDamaged).with("part", "stored");
            Ok(OfficeReport {
                office: serde_json::from_str(&office).map_err(|_| damaged())?,
                made_at,
                report: serde_json::from_str(&report).map_err(|_| damaged())?,
            })
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    out.sort_by_cached_key(|o| office::by_name(&o.office));
    Ok(out)
}

pub fn build(conn: &Connection, period: Period) -> Result<Consolidated, Problem> {
    let me = office::own(conn)?;
    let offices = office_reports(conn, period)?;
    let total = sum(
        period,
        me.names.clone(),
        &offices.iter().map(|o| &o.report).collect::<Vec<_>>(),
    );
    Ok(Consolidated {
        period,
        total,
        offices,
        completeness: completeness::table(conn, period)?,
        doubles: doubles::find(conn, period)?,
    })
}

/// The district's own package upward: the total, and the families its offices hashed with
/// its key (an oblast that gave its districts one key sees doubles across districts).
pub fn upward_draft(conn: &Connection, period: Period) -> Result<Draft, Problem> {
    let me = office::own(conn)?;
    // The total only: completeness and doubles are for the district's own screen.
    let offices = office_reports(conn, period)?;
    let total = sum(
        period,
        me.names.clone(),
        &offices.iter().map(|o| &o.report).collect::<Vec<_>>(),
    );
    let key_id = key::stored(conn)?.map(|k| k.id());
    let families = match &key_id {
        Some(id) => doubles::families_of_period(conn, period, id)?,
        None => Vec::new(),
    };
    Ok(Draft {
        office: me,
        sequence: super::package::next_sequence(conn)?,
        report: total,
        families: merge_same(families),
        key_id,
    })
}

/// Families two offices both helped arrive twice; upward they are one family with both
/// offices' aid.
fn merge_same(mut families: Vec<HelpedFamily>) -> Vec<HelpedFamily> {
    families.sort_by(|a, b| a.hashes.cmp(&b.hashes));
    let mut out: Vec<HelpedFamily> = Vec::with_capacity(families.len());
    let mut owner: HashMap<String, usize> = HashMap::new();
    for f in families {
        match f.hashes.iter().find_map(|h| owner.get(h).copied()) {
            Some(i) => {
                for h in f.hashes {
                    if !out[i].hashes.contains(&h) {
                        owner.insert(h.clone(), i);
                        out[i].hashes.push(h);
                    }
                }
                for a in f.aid {
                    match out[i].aid.iter_mut().find(|x| x.aid_type == a.aid_type) {
                        Some(x) => {
                            x.deliveries = x.deliveries.saturating_add(a.deliveries);
                            x.value = x.value.saturating_add(a.value);
                        }
                        None => out[i].aid.push(a),
                    }
                }
            }
            None => {
                for h in &f.hashes {
                    owner.insert(h.clone(), out.len());
                }
                out.push(f);
            }
        }
    }
    for f in &mut out {
        f.hashes.sort();
        f.hashes.truncate(64);
    }
    out
}

/// One figure of the total beside the same figure of each office (this period's values):
/// the «by office» table of the consolidated XLSX, CSV and PDF.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ByOfficeRow {
    pub section: String,
    pub label: Label,
    pub unit: Option<crate::aid::AidUnit>,
    pub measure: crate::reports::Measure,
    /// Fluent id of the figure's column.
    pub column: String,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total: i64,
    /// In the order of `Consolidated::offices`.
    #[cfg_attr(feature = "specta", specta(type = Vec<f64>))]
    pub offices: Vec<i64>,
}

impl Consolidated {
    /// Every figure of the total, with each office's share, in report order.
    pub fn by_office(&self) -> Vec<ByOfficeRow> {
        // Per office, its figures by line (two lines of one office that read the same, as
        // in the total, add up).
        let lookup: Vec<HashMap<(String, String), Vec<i64>>> = self
            .offices
            .iter()
            .map(|o| {
                let mut m: HashMap<(String, String), Vec<i64>> = HashMap::new();
                for s in &o.report.sections {
                    for l in &s.lines {
                        let v = m.entry((s.id.clone(), same_line(l))).or_default();
                        v.resize(v.len().max(l.now.len()), 0);
                        for (a, b) in v.iter_mut().zip(&l.now) {
                            *a = a.saturating_add(*b);
                        }
                    }
                }
                m
            })
            .collect();
        let mut rows = Vec::new();
        for s in &self.total.sections {
            for l in &s.lines {
                let id = (s.id.clone(), same_line(l));
                for (i, m) in l.measures.iter().enumerate() {
                    rows.push(ByOfficeRow {
                        section: s.id.clone(),
                        label: l.label.clone(),
                        unit: l.unit,
                        measure: *m,
                        column: s.columns.get(i).cloned().unwrap_or_default(),
                        total: l.now.get(i).copied().unwrap_or(0),
                        offices: lookup
                            .iter()
                            .map(|o| o.get(&id).and_then(|x| x.get(i).copied()).unwrap_or(0))
                            .collect(),
                    });
                }
            }
        }
        rows
    }
}
