//! Bulk distribution: choose a campaign and an aid type, select families by filters, plan
//! a delivery for each in one transaction, print the signed list, then mark the round
//! delivered — all of it or family by family.

use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use rusqlite::{params_from_iter, types::Value, Connection};
use serde::{Deserialize, Serialize};

use super::delivery::{self, Delivery, DeliveryInput, DeliveryStatus};
use super::rules;
use super::types;
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::{campaigns, date, text};

/// At most this many families in one round: a list of a few thousand rows is already a
/// long afternoon of signatures.
pub const BULK_MAX: usize = 5_000;

/// Which families a round of aid goes to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BulkFilter {
    pub aid_type_id: String,
    pub campaign_id: Option<String>,
    /// The planned day (empty means today); also the day the frequency rule is judged on.
    pub on_date: Option<String>,
    pub category_id: Option<String>,
    pub village: Option<String>,
    /// Leave out families that already received (or are planned) this aid within its
    /// frequency rule — "not yet served this season".
    pub only_not_served: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BulkCandidate {
    pub family_id: String,
    pub registry_no: u32,
    pub head_name: String,
    pub village: Option<String>,
    pub size: u32,
    /// The last time this aid was given or planned within the rule's window, if it was.
    pub served_on: Option<NaiveDate>,
}

/// The round to create: the families chosen from the candidates and what each receives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BulkPlan {
    pub filter: BulkFilter,
    pub family_ids: Vec<String>,
    pub quantity: Option<String>,
    pub value: Option<String>,
    pub funding_source_id: Option<String>,
    /// Given, families the rule would refuse are planned anyway with this reason.
    pub rule_override: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Skipped {
    pub family_id: String,
    pub registry_no: u32,
    pub code: ErrorCode,
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BulkOutcome {
    pub planned: u32,
    pub skipped: Vec<Skipped>,
}

fn planned_day(raw: Option<&str>) -> Result<NaiveDate, Problem> {
    match text::tidy_opt(raw) {
        None => Ok(crate::clock::today()),
        Some(r) => date::parse(&r).ok_or_else(|| {
            Problem::validation(vec![
                FieldProblem::new("on_date", ErrorCode::InvalidDate).with("value", r)
            ])
        }),
    }
}

/// Current families (not archived, destroyed or merged) matching the filter, in list
/// order, each with the day it was last served within the aid's rule window.
pub fn candidates(conn: &Connection, filter: &BulkFilter) -> Result<Vec<BulkCandidate>, Problem> {
    let aid = types::get(conn, &filter.aid_type_id)?;
    let on = planned_day(filter.on_date.as_deref())?;
    let served = served(conn, &aid, on, filter.campaign_id.as_deref())?;
    let village = text::tidy_opt(filter.village.as_deref());
    let category = text::tidy_opt(filter.category_id.as_deref());
    let all = if village.is_none() && category.is_none() {
        every_current_family(conn)?
    } else {
        some_families(conn, village, category)?
    };
    Ok(all
        .into_iter()
        .map(|mut c| {
            c.served_on = served.get(&c.family_id).copied();
            c
        })
        .filter(|c| !(filter.only_not_served && c.served_on.is_some()))
        .collect())
}

/// Every current family, in list order. Read as two sequential passes — members (each
/// family's head and size at once), then families — joined here by a fast hash of the id:
/// looking each family's head up by its id is a random read per family, and with 100 000
/// families that was most of the 0.5 s the round took to choose.
fn every_current_family(conn: &Connection) -> Result<Vec<BulkCandidate>, Problem> {
    let mut people: FxHashMap<Box<str>, (Option<String>, u32)> = FxHashMap::default();
    {
        let mut stmt = conn
            .prepare_cached(
                "SELECT family_id,
                        CASE WHEN is_head = 1
                             THEN surname || ' ' || name || ifnull(' ' || patronymic, '') END
                 FROM members NOT INDEXED",
            )
            .map_err(DbError::from)?;
        let mut rows = stmt.query([]).map_err(DbError::from)?;
        while let Some(r) = rows.next().map_err(DbError::from)? {
            let family = r
                .get_ref(0)
                .and_then(|v| Ok(v.as_str()?))
                .map_err(DbError::from)?;
            let head: Option<String> = r.get(1).map_err(DbError::from)?;
            let entry = match people.get_mut(family) {
                Some(e) => e,
                None => people.entry(family.into()).or_default(),
            };
            entry.1 += 1;
            if head.is_some() {
                entry.0 = head;
            }
        }
    }
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, registry_no, village, list_pos FROM families NOT INDEXED
             WHERE destroyed_at IS NULL AND merged_into IS NULL AND status != 'archived'",
        )
        .map_err(DbError::from)?;
    let mut rows = stmt.query([]).map_err(DbError::from)?;
    let mut out: Vec<(Option<i64>, BulkCandidate)> = Vec::with_capacity(people.len());
    while let Some(r) = rows.next().map_err(DbError::from)? {
        let family_id: String = r.get(0).map_err(DbError::from)?;
        let (head, size) = people.remove(family_id.as_str()).unwrap_or_default();
        let c = BulkCandidate {
            head_name: head.unwrap_or_default(),
            size,
            registry_no: r.get(1).map_err(DbError::from)?,
            village: r.get(2).map_err(DbError::from)?,
            served_on: None,
            family_id,
        };
        out.push((r.get(3).map_err(DbError::from)?, c));
    }
    // The list's order: `list_pos` grows with (sort key, id), the order the families list
    // and its search show (`family::index`); an integer sorts far faster than the keys.
    out.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.family_id.cmp(&b.1.family_id))
    });
    Ok(out.into_iter().map(|(_, c)| c).collect())
}

/// The current families of a village or category, in list order: few enough to look each
/// head up by its family.
fn some_families(
    conn: &Connection,
    village: Option<String>,
    category: Option<String>,
) -> Result<Vec<BulkCandidate>, Problem> {
    let mut args: Vec<Value> = Vec::new();
    let mut sql = String::from(
        "SELECT f.id, f.registry_no,
                (SELECT m.surname || ' ' || m.name || ifnull(' ' || m.patronymic, '')
                   FROM members m WHERE m.family_id = f.id AND m.is_head = 1),
                f.village,
                (SELECT count(*) FROM members m WHERE m.family_id = f.id)
         FROM families f
         WHERE f.destroyed_at IS NULL AND f.merged_into IS NULL AND f.status != 'archived'",
    );
    if let Some(village) = village {
        args.push(village.into());
        sql.push_str(&format!(" AND f.village = ?{}", args.len()));
    }
    if let Some(category) = category {
        args.push(category.into());
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM family_categories fc WHERE fc.family_id = f.id
                            AND fc.category_id = ?{})",
            args.len()
        ));
    }
    sql.push_str(" ORDER BY f.sort_key, f.id");
    let mut stmt = conn.prepare(&sql).map_err(DbError::from)?;
    let rows = stmt
        .query_map(params_from_iter(args), |r| {
            Ok(BulkCandidate {
                family_id: r.get(0)?,
                registry_no: r.get(1)?,
                head_name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                village: r.get(3)?,
                size: r.get(4)?,
                served_on: None,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(DbError::from)?;
    Ok(rows)
}

/// The families already served with `aid` — given or planned within its rule's window
/// around `on`, or in this campaign — with the latest such day. Two range reads on the
/// deliveries' indexes, not one lookup per family.
fn served(
    conn: &Connection,
    aid: &types::AidType,
    on: NaiveDate,
    campaign_id: Option<&str>,
) -> Result<FxHashMap<String, NaiveDate>, Problem> {
    let mut out: FxHashMap<String, NaiveDate> = FxHashMap::default();
    let mut note = |family: String, day: String| {
        if let Ok(d) = day.parse::<NaiveDate>() {
            let e = out.entry(family).or_insert(d);
            if d > *e {
                *e = d;
            }
        }
    };
    if let Some((from, until)) = rules::window(aid.rule, aid.rule_days, on) {
        let mut stmt = conn
            .prepare_cached(
                "SELECT family_id, max(on_date) FROM deliveries INDEXED BY deliveries_type_date
                 WHERE aid_type_id = ?1 AND on_date >= ?2 AND on_date < ?3
                   AND status != 'cancelled'
                 GROUP BY family_id",
            )
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map(
                rusqlite::params![aid.id, from.to_string(), until.to_string()],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .map_err(DbError::from)?;
        for row in rows {
            let (f, d) = row.map_err(DbError::from)?;
            note(f, d);
        }
    }
    if let Some(campaign) = text::tidy_opt(campaign_id) {
        let mut stmt = conn
            .prepare_cached(
                "SELECT family_id, max(on_date) FROM deliveries INDEXED BY deliveries_campaign
                 WHERE campaign_id = ?1 AND aid_type_id = ?2 AND status != 'cancelled'
                 GROUP BY family_id",
            )
            .map_err(DbError::from)?;
        let rows = stmt
            .query_map(rusqlite::params![campaign, aid.id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(DbError::from)?;
        for row in rows {
            let (f, d) = row.map_err(DbError::from)?;
            note(f, d);
        }
    }
    Ok(out)
}

/// Plans the aid for every chosen family in one transaction. A family the frequency rule
/// refuses is skipped and reported (unless the plan carries an override reason); any other
/// problem refuses the whole round, so nothing is half done.
pub fn plan(db: &mut Database, plan: &BulkPlan) -> Result<BulkOutcome, Problem> {
    if plan.family_ids.is_empty() {
        return Err(Problem::validation(vec![FieldProblem::new(
            "family_ids",
            ErrorCode::Required,
        )]));
    }
    if plan.family_ids.len() > BULK_MAX {
        return Err(Problem::validation(vec![FieldProblem::new(
            "family_ids",
            ErrorCode::TooManyFamilies,
        )
        .with("max", BULK_MAX)
        .with("count", plan.family_ids.len())]));
    }
    let f = &plan.filter;
    let campaign = match text::tidy_opt(f.campaign_id.as_deref()) {
        Some(id) => Some(campaigns::get(db.conn(), &id)?),
        None => None,
    };
    // The campaign's source unless the round names its own.
    let source = text::tidy_opt(plan.funding_source_id.as_deref())
        .or_else(|| campaign.as_ref().and_then(|c| c.funding_source_id.clone()));
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let mut outcome = BulkOutcome {
        planned: 0,
        skipped: Vec::new(),
    };
    for family_id in &plan.family_ids {
        let input = DeliveryInput {
            family_id: family_id.clone(),
            aid_type_id: f.aid_type_id.clone(),
            campaign_id: campaign.as_ref().map(|c| c.id.clone()),
            funding_source_id: source.clone(),
            on_date: f.on_date.clone(),
            quantity: plan.quantity.clone(),
            value: plan.value.clone(),
            delivered: false,
            rule_override: plan.rule_override.clone(),
            ..Default::default()
        };
        match delivery::validate(&tx, &input, None) {
            Ok(v) => {
                delivery::insert(&tx, &input, &v)?;
                outcome.planned += 1;
            }
            Err(p) if is_rule_only(&p) => {
                let registry_no = tx
                    .query_row(
                        "SELECT registry_no FROM families WHERE id = ?1",
                        [family_id],
                        |r| r.get(0),
                    )
                    .map_err(DbError::from)?;
                outcome.skipped.push(Skipped {
                    family_id: family_id.clone(),
                    registry_no,
                    code: ErrorCode::AidTooSoon,
                    date: p.fields[0].params.get("date").cloned(),
                });
            }
            Err(p) => return Err(p),
        }
    }
    tx.commit().map_err(DbError::from)?;
    Ok(outcome)
}

fn is_rule_only(p: &Problem) -> bool {
    p.fields.len() == 1 && p.fields[0].code == ErrorCode::AidTooSoon
}

/// A round's deliveries: one campaign's aid of one type (or all types), in list order —
/// the rows of the distribution list and of the "mark delivered" screen.
pub fn round(
    conn: &Connection,
    campaign_id: &str,
    aid_type_id: Option<&str>,
) -> Result<Vec<Delivery>, Problem> {
    campaigns::get(conn, campaign_id)?;
    delivery::for_campaign(conn, campaign_id, aid_type_id)
}

/// Marks planned deliveries handed over in one transaction; already delivered ones are
/// left as they are. Returns how many changed.
pub fn deliver_many(
    db: &mut Database,
    ids: &[String],
    on: Option<&str>,
    receipt_signed: bool,
) -> Result<u32, Problem> {
    let on = delivery::delivery_day(on)?;
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let mut changed = 0;
    for id in ids {
        let d = delivery::get(&tx, id)?;
        if d.status == DeliveryStatus::Planned {
            delivery::deliver_in(&tx, &d, on, receipt_signed)?;
            changed += 1;
        }
    }
    tx.commit().map_err(DbError::from)?;
    Ok(changed)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// The whole-registry read (two passes joined in memory, ordered by list position)
    /// lists exactly what the per-family query lists in `sort_key, id` order — archived and
    /// merged families left out, heads and sizes alike — also after families were added
    /// with a name already there, renamed to the top of the list and archived.
    #[test]
    fn both_ways_of_reading_the_families_give_the_same_list() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut db = Database::open_in_memory().unwrap();
        crate::demo::fill(&mut db, 300, 8, day).unwrap();
        let listed = some_families(db.conn(), None, None).unwrap();
        for c in listed.iter().step_by(37) {
            let mut twin = crate::family::get(db.conn(), &c.family_id)
                .unwrap()
                .to_input();
            for m in &mut twin.members {
                m.id = None;
                m.iin = None;
            }
            twin.accept_duplicates = true;
            crate::family::create(&mut db, &twin).unwrap();
        }
        for c in listed.iter().skip(5).step_by(41) {
            let mut renamed = crate::family::get(db.conn(), &c.family_id)
                .unwrap()
                .to_input();
            if let Some(head) = renamed.members.iter_mut().find(|m| m.is_head) {
                head.surname = "Аарон".into();
            }
            renamed.accept_duplicates = true;
            crate::family::update(&mut db, &c.family_id, &renamed).unwrap();
        }
        crate::family::archive(&mut db, &listed[10].family_id, "көшті", None).unwrap();
        let fast = every_current_family(db.conn()).unwrap();
        let plain = some_families(db.conn(), None, None).unwrap();
        assert!(fast.len() > 250 && fast.len() < 310, "{}", fast.len());
        assert!(
            fast[0].head_name.starts_with("Аарон"),
            "{}",
            fast[0].head_name
        );
        assert_eq!(fast, plain);
    }
}
