//! The report's figures for the period and again for the previous one, lined up by key (a
//! village that had aid only last time still shows, with 0 now). The aid breakdowns come
//! from one read of both periods' deliveries (`tally`); the small tables (volunteers,
//! letters, registrations) are asked one aggregate query per breakdown.
//!
//! Aid counts delivered aid only (planned is a promise, cancelled never happened), on the
//! day it was handed over. Volunteers count by their activities in the period; a village or
//! okrug scope does not narrow them (volunteers have no address), a campaign scope does.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{named_params, Connection};

use crate::aid::AidUnit;
use crate::campaigns;
use crate::db::DbError;
use crate::problem::Problem;
use crate::reference::Names;
use crate::reports::tally::{self, Families, Tally};
use crate::reports::{Label, Line, Measure, Period, PeriodReport, Scope, Section};

/// One period's lines of one section, before they are lined up with the other period's.
struct Raw {
    key: String,
    label: Label,
    unit: Option<AidUnit>,
    measures: Vec<Measure>,
    values: Vec<i64>,
}

fn raw(key: &str, label: Label, measures: &[Measure], values: Vec<i64>) -> Raw {
    Raw {
        key: key.to_owned(),
        label,
        unit: None,
        measures: measures.to_vec(),
        values,
    }
}

fn msg(id: &str) -> Label {
    Label::Message(id.to_owned())
}

struct Query<'a> {
    conn: &'a Connection,
    from: String,
    to: String,
    scope: &'a Scope,
    /// This period's delivered aid, and the families it was counted against.
    aid: &'a Tally,
    families: &'a Families,
}

impl Query<'_> {
    /// Rows of `sql` (with the named parameters above), each mapped by `f`.
    fn rows<T>(
        &self,
        sql: &str,
        f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, Problem> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(DbError::from)?;
        let params = named_params! {
            ":from": self.from,
            ":to": self.to,
            ":village": self.scope.village,
            ":okrug": self.scope.rural_okrug,
            ":campaign": self.scope.campaign_id,
        };
        // Each query names only some of the parameters; SQLite refuses unknown names.
        let used: Vec<(&str, &dyn rusqlite::ToSql)> = params
            .iter()
            .filter(|(name, _)| stmt.parameter_index(name).ok().flatten().is_some())
            .copied()
            .collect();
        let out = stmt
            .query_map(used.as_slice(), f)
            .map_err(DbError::from)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(DbError::from)?;
        Ok(out)
    }

    fn one(&self, sql: &str) -> Result<i64, Problem> {
        Ok(self
            .rows(sql, |r| r.get::<_, Option<i64>>(0))?
            .into_iter()
            .next()
            .flatten()
            .unwrap_or(0))
    }
}

fn summary(q: &Query<'_>) -> Result<Vec<Raw>, Problem> {
    let a = q.aid;
    let (families, deliveries, value, cash) = (a.helped.count(), a.deliveries, a.value, a.cash);
    use Measure::{Count, Tenge};
    Ok(vec![
        raw(
            "families-helped",
            msg("report-families-helped"),
            &[Count],
            vec![families],
        ),
        raw(
            "deliveries",
            msg("report-deliveries"),
            &[Count],
            vec![deliveries],
        ),
        raw("value", msg("report-value"), &[Tenge], vec![value]),
        raw("value-cash", msg("report-value-cash"), &[Tenge], vec![cash]),
        raw(
            "value-in-kind",
            msg("report-value-in-kind"),
            &[Tenge],
            vec![value - cash],
        ),
    ])
}

fn by_category(q: &Query<'_>) -> Result<Vec<Raw>, Problem> {
    let mut counts = vec![0i64; q.families.categories.len()];
    for &(family, category) in &q.families.category_of {
        if q.aid.helped.has(family) {
            counts[category] += 1;
        }
    }
    Ok(q.families
        .categories
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|((id, names), n)| raw(id, Label::Names(names.clone()), &[Measure::Count], vec![n]))
        .collect())
}

fn by_village(q: &Query<'_>) -> Result<Vec<Raw>, Problem> {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for (n, village) in (0u32..).zip(&q.families.village) {
        if q.aid.helped.has(n) {
            *counts.entry(village).or_default() += 1;
        }
    }
    let mut counts: Vec<(&str, i64)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    Ok(counts
        .into_iter()
        .map(|(village, n)| {
            let label = if village.is_empty() {
                msg("report-no-village")
            } else {
                Label::Text(village.to_owned())
            };
            raw(village, label, &[Measure::Count], vec![n])
        })
        .collect())
}

fn by_aid_type(q: &Query<'_>) -> Result<Vec<Raw>, Problem> {
    let types: Vec<(String, Names, String)> = q.rows(
        "SELECT id, name_kk, name_ru, unit FROM aid_types ORDER BY sort_order, id",
        |r| {
            Ok((
                r.get(0)?,
                Names {
                    kk: r.get(1)?,
                    ru: r.get(2)?,
                },
                r.get(3)?,
            ))
        },
    )?;
    Ok(types
        .into_iter()
        .filter_map(|(id, names, unit)| {
            let s = q.aid.by_type.get(&id)?;
            let mut line = raw(
                &id,
                Label::Names(names),
                &[
                    Measure::Count,
                    Measure::Count,
                    Measure::Quantity,
                    Measure::Tenge,
                ],
                vec![s.families.count(), s.deliveries, s.quantity_milli, s.value],
            );
            line.unit = Some(AidUnit::parse(&unit));
            Some(line)
        })
        .collect())
}

/// Campaigns with delivered aid or volunteer time in the period.
fn by_campaign(q: &Query<'_>) -> Result<Vec<Raw>, Problem> {
    let campaigns: Vec<(String, String, i64)> = q.rows(
        "SELECT c.id, c.name, ifnull(v.people, 0)
         FROM campaigns c
              LEFT JOIN (SELECT campaign_id, count(DISTINCT volunteer_id) AS people
                         FROM volunteer_activities
                         WHERE on_date BETWEEN :from AND :to AND campaign_id IS NOT NULL
                         GROUP BY campaign_id) v ON v.campaign_id = c.id
         WHERE (:campaign IS NULL OR c.id = :campaign)
         ORDER BY ifnull(c.starts_on, ''), c.name, c.id",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(campaigns
        .into_iter()
        .filter_map(|(id, name, people)| {
            let (families, value) = q
                .aid
                .by_campaign
                .get(&id)
                .map_or((0, 0), |s| (s.families.count(), s.value));
            (families > 0 || people > 0).then(|| {
                raw(
                    &id,
                    Label::Text(name),
                    &[Measure::Count, Measure::Tenge, Measure::Count],
                    vec![families, value, people],
                )
            })
        })
        .collect())
}

/// Volunteers with activities in the period: how many, civil servants, age groups on the
/// period's last day (the law's under-14 line, youth 14–35), hours, blood donations.
fn volunteers(q: &Query<'_>, to: NaiveDate) -> Result<Vec<Raw>, Problem> {
    let people: Vec<(Option<String>, bool)> = q.rows(
        "SELECT v.birth_date, v.civil_servant FROM volunteers v
         WHERE EXISTS (SELECT 1 FROM volunteer_activities a
                       WHERE a.volunteer_id = v.id AND a.on_date BETWEEN :from AND :to
                         AND (:campaign IS NULL OR a.campaign_id = :campaign))",
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (mut under14, mut youth, mut older, mut unknown) = (0, 0, 0, 0);
    for (birth, _) in &people {
        match birth.as_deref().and_then(|b| b.parse::<NaiveDate>().ok()) {
            Some(b) => match crate::family::age_on(b, to) {
                0..=13 => under14 += 1,
                14..=35 => youth += 1,
                _ => older += 1,
            },
            None => unknown += 1,
        }
    }
    let civil = people.iter().filter(|(_, c)| *c).count() as i64;
    let (minutes, blood): (i64, i64) = q
        .rows(
            "SELECT ifnull(sum(a.minutes), 0),
                    ifnull(sum(a.kind = 'blood-donation'), 0)
             FROM volunteer_activities a
             WHERE a.on_date BETWEEN :from AND :to
               AND (:campaign IS NULL OR a.campaign_id = :campaign)",
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .into_iter()
        .next()
        .unwrap_or_default();
    use Measure::{Count, Minutes};
    Ok(vec![
        raw(
            "volunteers",
            msg("report-volunteers"),
            &[Count],
            vec![people.len() as i64],
        ),
        raw(
            "civil-servants",
            msg("report-civil-servants"),
            &[Count],
            vec![civil],
        ),
        raw(
            "age-under-14",
            msg("report-age-under-14"),
            &[Count],
            vec![under14],
        ),
        raw("age-14-35", msg("report-age-14-35"), &[Count], vec![youth]),
        raw(
            "age-over-35",
            msg("report-age-over-35"),
            &[Count],
            vec![older],
        ),
        raw(
            "age-unknown",
            msg("report-age-unknown"),
            &[Count],
            vec![unknown],
        ),
        raw("hours", msg("report-hours"), &[Minutes], vec![minutes]),
        raw(
            "blood",
            msg("report-blood-donations"),
            &[Count],
            vec![blood],
        ),
    ])
}

fn volunteers_by_organisation(q: &Query<'_>) -> Result<Vec<Raw>, Problem> {
    q.rows(
        "SELECT ifnull(o.id, ''), o.name_kk, ifnull(o.name_ru, o.name_kk),
                count(DISTINCT a.volunteer_id), sum(a.minutes)
         FROM volunteer_activities a JOIN volunteers v ON v.id = a.volunteer_id
              LEFT JOIN organisations o ON o.id = v.organisation_id
         WHERE a.on_date BETWEEN :from AND :to
           AND (:campaign IS NULL OR a.campaign_id = :campaign)
         GROUP BY o.id ORDER BY o.id IS NULL, o.name_kk",
        |r| {
            let id: String = r.get(0)?;
            let label = match r.get::<_, Option<String>>(1)? {
                Some(kk) => Label::Names(Names { kk, ru: r.get(2)? }),
                None => msg("report-no-organisation"),
            };
            Ok(raw(
                &id,
                label,
                &[Measure::Count, Measure::Minutes],
                vec![r.get(3)?, r.get(4)?],
            ))
        },
    )
}

fn letters(q: &Query<'_>) -> Result<Vec<Raw>, Problem> {
    q.rows(
        "SELECT kind, count(*) FROM issued_documents
         WHERE issued_on BETWEEN :from AND :to AND cancelled_at IS NULL
           AND (:campaign IS NULL OR campaign_id = :campaign)
         GROUP BY kind ORDER BY kind DESC",
        |r| {
            let kind: String = r.get(0)?;
            Ok(raw(
                &kind,
                msg(&format!("document-kind-{kind}")),
                &[Measure::Count],
                vec![r.get(1)?],
            ))
        },
    )
}

fn registry(q: &Query<'_>) -> Result<Vec<Raw>, Problem> {
    let place = "(:village IS NULL OR village = :village)
                 AND (:okrug IS NULL OR rural_okrug = :okrug)";
    let registered = q.one(&format!(
        "SELECT count(*) FROM families WHERE registered_on BETWEEN :from AND :to AND {place}"
    ))?;
    let archived = q.one(&format!(
        "SELECT count(*) FROM families
         WHERE status = 'archived' AND status_on BETWEEN :from AND :to AND {place}"
    ))?;
    Ok(vec![
        raw(
            "registered",
            msg("report-families-registered"),
            &[Measure::Count],
            vec![registered],
        ),
        raw(
            "archived",
            msg("report-families-archived"),
            &[Measure::Count],
            vec![archived],
        ),
    ])
}

/// Every section's lines for one period, in report order.
fn collect(
    conn: &Connection,
    period: Period,
    scope: &Scope,
    aid: &Tally,
    families: &Families,
) -> Result<Vec<Vec<Raw>>, Problem> {
    let q = Query {
        conn,
        from: period.from.to_string(),
        to: period.to.to_string(),
        scope,
        aid,
        families,
    };
    Ok(vec![
        summary(&q)?,
        by_category(&q)?,
        by_village(&q)?,
        by_aid_type(&q)?,
        by_campaign(&q)?,
        volunteers(&q, period.to)?,
        volunteers_by_organisation(&q)?,
        letters(&q)?,
        // A campaign has no registrations of its own.
        if scope.campaign_id.is_some() {
            Vec::new()
        } else {
            registry(&q)?
        },
    ])
}

/// (section id, column message ids) in report order.
const SECTIONS: &[(&str, &[&str])] = &[
    ("summary", &["report-col-value"]),
    ("families-by-category", &["report-col-families"]),
    ("families-by-village", &["report-col-families"]),
    (
        "aid-by-type",
        &[
            "report-col-families",
            "report-col-deliveries",
            "report-col-quantity",
            "report-col-value",
        ],
    ),
    (
        "campaigns",
        &[
            "report-col-families",
            "report-col-value",
            "report-col-volunteers",
        ],
    ),
    ("volunteers", &["report-col-value"]),
    (
        "volunteers-by-organisation",
        &["report-col-volunteers", "report-col-hours"],
    ),
    ("letters", &["report-col-issued"]),
    ("registry", &["report-col-families"]),
];

/// Lines up the period's lines with the previous period's by key: lines of the period in
/// their order, then lines only the previous period had.
fn align(now: Vec<Raw>, before: Vec<Raw>) -> Vec<Line> {
    let mut lines: Vec<Line> = now
        .into_iter()
        .map(|r| Line {
            before: vec![0; r.values.len()],
            key: r.key,
            label: r.label,
            unit: r.unit,
            measures: r.measures,
            now: r.values,
        })
        .collect();
    for r in before {
        match lines.iter_mut().find(|l| l.key == r.key) {
            Some(l) => l.before = r.values,
            None => lines.push(Line {
                now: vec![0; r.values.len()],
                key: r.key,
                label: r.label,
                unit: r.unit,
                measures: r.measures,
                before: r.values,
            }),
        }
    }
    lines
}

/// The report for `period` within `scope`, with the previous period beside each figure.
pub fn build(conn: &Connection, period: Period, scope: &Scope) -> Result<PeriodReport, Problem> {
    let previous = period.previous();
    let campaign_name = match &scope.campaign_id {
        Some(id) => Some(campaigns::get(conn, id)?.names()),
        None => None,
    };
    // The two periods are adjacent: their aid is read in one pass.
    let aid = tally::count(
        conn,
        &previous.from.to_string(),
        &period.from.to_string(),
        &period.to.to_string(),
        scope,
    )?;
    let now = collect(conn, period, scope, &aid.now, &aid.families)?;
    let before = collect(conn, previous, scope, &aid.before, &aid.families)?;
    let sections = SECTIONS
        .iter()
        .zip(now.into_iter().zip(before))
        .map(|((id, columns), (now, before))| Section {
            id: (*id).to_owned(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            lines: align(now, before),
        })
        .filter(|s| !(s.id == "registry" && scope.campaign_id.is_some()))
        .collect();
    Ok(PeriodReport {
        period,
        previous,
        scope: scope.clone(),
        campaign_name,
        office: crate::letters::letterhead::office(conn)?,
        sections,
    })
}
