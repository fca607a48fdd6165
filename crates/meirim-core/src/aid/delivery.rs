//! One aid given to a family: what, how much, worth how much, from which source, in which
//! campaign, who delivered it, and its life from planned to delivered or cancelled. Each
//! change is one transaction with an entry in the family's history.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::rules::{self, RuleHit};
use super::types::{self, AidType, AidUnit};
use crate::audit::{self, AuditAction};
use crate::check::{exists, Checker};
use crate::db::{Database, DbError};
use crate::problem::{ErrorCode, FieldProblem, Problem};
use crate::reference::Names;
use crate::{clock, date, money, settings, text};

const NOTES_MAX: usize = 2_000;
const REASON_MAX: usize = 500;
/// A single delivery above a billion tenge is a typing slip.
pub const VALUE_MAX: u64 = 1_000_000_000;
const QUANTITY_MAX_MILLI: u64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum DeliveryStatus {
    Planned,
    Delivered,
    Cancelled,
}

impl DeliveryStatus {
    pub(crate) fn stored(self) -> &'static str {
        match self {
            DeliveryStatus::Planned => "planned",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Cancelled => "cancelled",
        }
    }

    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "delivered" => DeliveryStatus::Delivered,
            "cancelled" => DeliveryStatus::Cancelled,
            _ => DeliveryStatus::Planned,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Delivery {
    pub id: String,
    pub family_id: String,
    /// The family's registry number and head, for lists of many families' aid.
    pub registry_no: u32,
    pub head_name: String,
    /// The member the aid was for, when it was for one person.
    pub member: Option<Named>,
    pub aid_type_id: String,
    pub aid_names: Names,
    pub unit: AidUnit,
    pub campaign: Option<Named>,
    pub funding_source_id: Option<String>,
    pub funding_source_names: Option<Names>,
    pub on_date: NaiveDate,
    /// Thousandths of the unit: 2 500 is 2,5 t.
    pub quantity_milli: u32,
    /// Whole tenge.
    pub value: u32,
    pub status: DeliveryStatus,
    pub cancel_reason: Option<String>,
    pub receipt_signed: bool,
    pub rule_override: Option<String>,
    pub notes: Option<String>,
    pub volunteers: Vec<Named>,
    pub created_at: String,
    pub updated_at: String,
}

/// A delivery as the form sends it; amounts and dates as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeliveryInput {
    pub family_id: String,
    pub member_id: Option<String>,
    pub aid_type_id: String,
    pub campaign_id: Option<String>,
    pub funding_source_id: Option<String>,
    /// Empty means today.
    pub on_date: Option<String>,
    /// Empty means one unit.
    pub quantity: Option<String>,
    /// Empty means quantity × the type's value per unit.
    pub value: Option<String>,
    /// `true` records aid already handed over; `false` plans it.
    pub delivered: bool,
    pub receipt_signed: bool,
    pub volunteer_ids: Vec<String>,
    /// Why the aid is given although its frequency rule says it is too soon.
    pub rule_override: Option<String>,
    pub notes: Option<String>,
}

/// What the form shows while typing: the value the delivery would get and the earlier aid
/// it would repeat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeliveryCheck {
    pub value: Option<u32>,
    pub hits: Vec<RuleHit>,
}

pub(crate) struct Valid {
    pub member_id: Option<String>,
    pub aid: AidType,
    pub campaign_id: Option<String>,
    pub funding_source_id: Option<String>,
    pub on_date: NaiveDate,
    pub quantity_milli: u64,
    pub value: u64,
    pub rule_override: Option<String>,
    pub notes: Option<String>,
}

/// Checks a delivery against the registry; `except` is the delivery being edited.
pub(crate) fn validate(
    conn: &Connection,
    input: &DeliveryInput,
    except: Option<&str>,
) -> Result<Valid, Problem> {
    let mut c = Checker::default();
    let family: Option<(u32, bool, Option<String>)> = conn
        .query_row(
            "SELECT registry_no, destroyed_at IS NOT NULL, merged_into FROM families
             WHERE id = ?1",
            [&input.family_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(DbError::from)?;
    match family {
        None => return Err(Problem::new(ErrorCode::NotFound).with("id", &input.family_id)),
        Some((no, true, _)) => {
            return Err(Problem::new(ErrorCode::FamilyDestroyed).with("registry_no", no))
        }
        Some((no, false, Some(into))) => {
            return Err(Problem::new(ErrorCode::FamilyMerged)
                .with("registry_no", no)
                .with("into", into))
        }
        Some(_) => {}
    }
    let aid = match types::get(conn, &input.aid_type_id) {
        Ok(a) => Some(a),
        Err(_) => {
            c.push(FieldProblem::new("aid_type_id", ErrorCode::ChoiceMissing));
            None
        }
    };
    let member_id = text::tidy_opt(input.member_id.as_deref());
    if let Some(m) = &member_id {
        let ok = conn
            .query_row(
                "SELECT 1 FROM members WHERE id = ?1 AND family_id = ?2",
                params![m, input.family_id],
                |_| Ok(()),
            )
            .optional()
            .map_err(DbError::from)?
            .is_some();
        if !ok {
            c.push(FieldProblem::new("member_id", ErrorCode::ChoiceMissing));
        }
    }
    let campaign_id = c.chosen(
        conn,
        "campaign_id",
        "campaigns",
        input.campaign_id.as_deref(),
    )?;
    let funding_source_id = c.chosen(
        conn,
        "funding_source_id",
        "funding_sources",
        input.funding_source_id.as_deref(),
    )?;
    let today = crate::clock::today();
    let on_date = c.date("on_date", input.on_date.as_deref()).unwrap_or(today);
    if input.delivered && on_date > today {
        c.push(FieldProblem::new("on_date", ErrorCode::DateInFuture));
    }
    let quantity_milli = match text::tidy_opt(input.quantity.as_deref()) {
        None => 1_000,
        Some(raw) => match money::parse_quantity(&raw) {
            Some(q) if q > 0 && q <= QUANTITY_MAX_MILLI => q,
            _ => {
                c.push(
                    FieldProblem::new("quantity", ErrorCode::QuantityInvalid).with("value", raw),
                );
                1_000
            }
        },
    };
    let value = match text::tidy_opt(input.value.as_deref()) {
        Some(_) => c.tenge("value", input.value.as_deref(), VALUE_MAX),
        None => aid
            .as_ref()
            .and_then(|a| a.unit_value)
            .and_then(|per| money::value_of(quantity_milli, u64::from(per))),
    };
    if value.is_none() && aid.is_some() && !c.problems.iter().any(|p| p.field == "value") {
        // In-kind aid without a price per unit must be valued by hand: reports total tenge.
        c.push(FieldProblem::new("value", ErrorCode::Required));
    }
    let rule_override = c.optional("rule_override", input.rule_override.as_deref(), REASON_MAX);
    let notes = c.optional("notes", input.notes.as_deref(), NOTES_MAX);
    for v in &input.volunteer_ids {
        if !exists(conn, "SELECT 1 FROM volunteers WHERE id = ?1", v)? {
            c.push(FieldProblem::new("volunteer_ids", ErrorCode::ChoiceMissing));
        }
    }
    if let (Some(a), true) = (&aid, c.is_clean()) {
        let hits = rules::hits(conn, &input.family_id, a, on_date, except)?;
        if let (Some(first), None) = (hits.first(), &rule_override) {
            c.push(
                FieldProblem::new("rule_override", ErrorCode::AidTooSoon)
                    .with("date", date::display(first.on_date))
                    .with("status", first.status.stored()),
            );
        }
    }
    let (Some(aid), Some(value)) = (aid, value) else {
        return Err(Problem::validation(c.problems));
    };
    c.finish(Valid {
        member_id,
        aid,
        campaign_id,
        funding_source_id,
        on_date,
        quantity_milli,
        value,
        rule_override,
        notes,
    })
}

/// The value a delivery would get and the earlier aid it would repeat, for the form.
pub fn check(
    conn: &Connection,
    input: &DeliveryInput,
    except: Option<&str>,
) -> Result<DeliveryCheck, Problem> {
    let aid = types::get(conn, &input.aid_type_id)?;
    let on = text::tidy_opt(input.on_date.as_deref())
        .and_then(|d| date::parse(&d))
        .unwrap_or_else(crate::clock::today);
    let quantity = text::tidy_opt(input.quantity.as_deref())
        .map_or(Some(1_000), |q| money::parse_quantity(&q));
    let value = match text::tidy_opt(input.value.as_deref()) {
        Some(raw) => money::parse_tenge(&raw),
        None => quantity
            .zip(aid.unit_value)
            .and_then(|(q, per)| money::value_of(q, u64::from(per))),
    };
    Ok(DeliveryCheck {
        value: value.and_then(|v| u32::try_from(v).ok()),
        hits: rules::hits(conn, &input.family_id, &aid, on, except)?,
    })
}

/// A line for the family's history: «көмір · 2,5 · 75 000 ₸», in the office's language.
fn history_line(
    conn: &Connection,
    aid: &Names,
    quantity_milli: i64,
    value: i64,
) -> Result<String, Problem> {
    Ok(format!(
        "{} · {} · {}",
        aid.pick(settings::language(conn)?),
        money::display_quantity(quantity_milli),
        money::display_tenge(value)
    ))
}

fn summary(conn: &Connection, v: &Valid) -> Result<String, Problem> {
    history_line(conn, &v.aid.names, v.quantity_milli as i64, v.value as i64)
}

fn write_volunteers(tx: &Transaction<'_>, id: &str, volunteers: &[String]) -> Result<(), Problem> {
    tx.execute(
        "DELETE FROM delivery_volunteers WHERE delivery_id = ?1",
        [id],
    )
    .map_err(DbError::from)?;
    for v in volunteers {
        tx.execute(
            "INSERT INTO delivery_volunteers (delivery_id, volunteer_id) VALUES (?1, ?2)
             ON CONFLICT DO NOTHING",
            params![id, v],
        )
        .map_err(DbError::from)?;
    }
    Ok(())
}

/// Inserts a checked delivery inside the caller's transaction (bulk distribution uses it
/// for many families at once) and logs it on the family.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    input: &DeliveryInput,
    v: &Valid,
) -> Result<String, Problem> {
    let id = clock::new_id();
    let now = clock::now();
    let status = if input.delivered {
        DeliveryStatus::Delivered
    } else {
        DeliveryStatus::Planned
    };
    tx.execute(
        "INSERT INTO deliveries (id, family_id, member_id, aid_type_id, campaign_id,
                                 funding_source_id, on_date, quantity_milli, value, status,
                                 receipt_signed, rule_override, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        params![
            id,
            input.family_id,
            v.member_id,
            v.aid.id,
            v.campaign_id,
            v.funding_source_id,
            v.on_date.to_string(),
            v.quantity_milli as i64,
            v.value as i64,
            status.stored(),
            input.receipt_signed,
            v.rule_override,
            v.notes,
            now
        ],
    )
    .map_err(DbError::from)?;
    write_volunteers(tx, &id, &input.volunteer_ids)?;
    let action = match status {
        DeliveryStatus::Delivered => AuditAction::AidDelivered,
        _ => AuditAction::AidPlanned,
    };
    audit::record(tx, &input.family_id, action, Some(&summary(tx, v)?), &[])?;
    Ok(id)
}

/// Records aid given or planned. Refused with field messages when something is wrong, and
/// with `aid-too-soon` on `rule_override` when the frequency rule is broken and no reason
/// to go ahead was given.
pub fn record(db: &mut Database, input: &DeliveryInput) -> Result<Delivery, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let v = validate(&tx, input, None)?;
    let id = insert(&tx, input, &v)?;
    tx.commit().map_err(DbError::from)?;
    get(db.conn(), &id)
}

/// Corrects a delivery. Its status changes through `deliver` and `cancel`.
pub fn update(db: &mut Database, id: &str, input: &DeliveryInput) -> Result<Delivery, Problem> {
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let before = get(&tx, id)?;
    // Aid stays with the family it was given to; moving it is a merge's job.
    let mut input = input.clone();
    input.family_id = before.family_id.clone();
    input.delivered = before.status == DeliveryStatus::Delivered;
    let v = validate(&tx, &input, Some(id))?;
    tx.execute(
        "UPDATE deliveries SET member_id = ?2, aid_type_id = ?3, campaign_id = ?4,
                funding_source_id = ?5, on_date = ?6, quantity_milli = ?7, value = ?8,
                receipt_signed = ?9, rule_override = ?10, notes = ?11, updated_at = ?12
         WHERE id = ?1",
        params![
            id,
            v.member_id,
            v.aid.id,
            v.campaign_id,
            v.funding_source_id,
            v.on_date.to_string(),
            v.quantity_milli as i64,
            v.value as i64,
            input.receipt_signed,
            v.rule_override,
            v.notes,
            clock::now()
        ],
    )
    .map_err(DbError::from)?;
    write_volunteers(&tx, id, &input.volunteer_ids)?;
    audit::record(
        &tx,
        &input.family_id,
        AuditAction::AidChanged,
        Some(&summary(&tx, &v)?),
        &[],
    )?;
    tx.commit().map_err(DbError::from)?;
    get(db.conn(), id)
}

fn wrong_status(d: &Delivery) -> Problem {
    Problem::new(ErrorCode::DeliveryWrongStatus).with("status", d.status.stored())
}

/// Marks planned aid as handed over on `on` (today if `None`), with or without a signed
/// receipt, inside the caller's transaction.
pub(crate) fn deliver_in(
    tx: &Transaction<'_>,
    d: &Delivery,
    on: Option<NaiveDate>,
    receipt_signed: bool,
) -> Result<(), Problem> {
    if d.status != DeliveryStatus::Planned {
        return Err(wrong_status(d));
    }
    let today = crate::clock::today();
    let on = on.unwrap_or(today);
    if on > today {
        return Err(Problem::validation(vec![FieldProblem::new(
            "on_date",
            ErrorCode::DateInFuture,
        )]));
    }
    tx.execute(
        "UPDATE deliveries SET status = 'delivered', on_date = ?2, receipt_signed = ?3,
                updated_at = ?4
         WHERE id = ?1",
        params![d.id, on.to_string(), receipt_signed, clock::now()],
    )
    .map_err(DbError::from)?;
    let line = described(tx, d)?;
    audit::record(
        tx,
        &d.family_id,
        AuditAction::AidDelivered,
        Some(&line),
        &[],
    )?;
    Ok(())
}

/// The day typed for a handover, if any (today is the default further on).
pub(crate) fn delivery_day(on: Option<&str>) -> Result<Option<NaiveDate>, Problem> {
    let mut c = Checker::default();
    let day = c.date("on_date", on);
    c.finish(day)
}

pub fn deliver(
    db: &mut Database,
    id: &str,
    on: Option<&str>,
    receipt_signed: bool,
) -> Result<Delivery, Problem> {
    let on = delivery_day(on)?;
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    deliver_in(&tx, &get(&tx, id)?, on, receipt_signed)?;
    tx.commit().map_err(DbError::from)?;
    get(db.conn(), id)
}

/// Cancels planned aid, with the reason. Delivered aid is not cancelled: it happened.
pub fn cancel(db: &mut Database, id: &str, reason: &str) -> Result<Delivery, Problem> {
    let mut c = Checker::default();
    let reason = c.required("reason", reason, REASON_MAX);
    let reason = c.finish(reason)?;
    let tx = db.conn_mut().transaction().map_err(DbError::from)?;
    let d = get(&tx, id)?;
    if d.status != DeliveryStatus::Planned {
        return Err(wrong_status(&d));
    }
    tx.execute(
        "UPDATE deliveries SET status = 'cancelled', cancel_reason = ?2, updated_at = ?3
         WHERE id = ?1",
        params![id, reason, clock::now()],
    )
    .map_err(DbError::from)?;
    let line = format!("{} · {reason}", described(&tx, &d)?);
    audit::record(
        &tx,
        &d.family_id,
        AuditAction::AidCancelled,
        Some(&line),
        &[],
    )?;
    tx.commit().map_err(DbError::from)?;
    get(db.conn(), id)
}

/// Sets or clears the "receipt signed" mark of delivered aid.
pub fn set_receipt(db: &mut Database, id: &str, signed: bool) -> Result<Delivery, Problem> {
    let n = db
        .conn()
        .execute(
            "UPDATE deliveries SET receipt_signed = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, signed, clock::now()],
        )
        .map_err(DbError::from)?;
    if n == 0 {
        return Err(Problem::new(ErrorCode::NotFound).with("id", id));
    }
    get(db.conn(), id)
}

fn described(conn: &Connection, d: &Delivery) -> Result<String, Problem> {
    history_line(
        conn,
        &d.aid_names,
        i64::from(d.quantity_milli),
        i64::from(d.value),
    )
}

const DELIVERY_SELECT: &str = "
    SELECT d.id, d.family_id, d.member_id,
           m.surname || ' ' || m.name || ifnull(' ' || m.patronymic, ''),
           d.aid_type_id, t.name_kk, t.name_ru, t.unit,
           d.campaign_id, c.name, d.funding_source_id, s.name_kk, s.name_ru,
           d.on_date, d.quantity_milli, d.value, d.status, d.cancel_reason, d.receipt_signed,
           d.rule_override, d.notes, d.created_at, d.updated_at, f.registry_no,
           (SELECT h.surname || ' ' || h.name || ifnull(' ' || h.patronymic, '')
              FROM members h WHERE h.family_id = d.family_id AND h.is_head = 1)
    FROM deliveries d
    JOIN families f ON f.id = d.family_id
    JOIN aid_types t ON t.id = d.aid_type_id
    LEFT JOIN members m ON m.id = d.member_id
    LEFT JOIN campaigns c ON c.id = d.campaign_id
    LEFT JOIN funding_sources s ON s.id = d.funding_source_id";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Delivery> {
    let named = |id: Option<String>, name: Option<String>| {
        id.map(|id| Named {
            id,
            name: name.unwrap_or_default(),
        })
    };
    let source_kk: Option<String> = r.get(11)?;
    let source_ru: Option<String> = r.get(12)?;
    Ok(Delivery {
        id: r.get(0)?,
        family_id: r.get(1)?,
        registry_no: r.get(23)?,
        head_name: r.get::<_, Option<String>>(24)?.unwrap_or_default(),
        member: named(r.get(2)?, r.get(3)?),
        aid_type_id: r.get(4)?,
        aid_names: Names {
            kk: r.get(5)?,
            ru: r.get(6)?,
        },
        unit: AidUnit::parse(&r.get::<_, String>(7)?),
        campaign: named(r.get(8)?, r.get(9)?),
        funding_source_id: r.get(10)?,
        funding_source_names: source_kk.zip(source_ru).map(|(kk, ru)| Names { kk, ru }),
        on_date: r.get::<_, String>(13)?.parse().unwrap_or(NaiveDate::MIN),
        quantity_milli: r.get(14)?,
        value: r.get(15)?,
        status: DeliveryStatus::parse(&r.get::<_, String>(16)?),
        cancel_reason: r.get(17)?,
        receipt_signed: r.get(18)?,
        rule_override: r.get(19)?,
        notes: r.get(20)?,
        volunteers: Vec::new(),
        created_at: r.get(21)?,
        updated_at: r.get(22)?,
    })
}

fn with_volunteers(conn: &Connection, mut d: Delivery) -> Result<Delivery, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT v.id, v.surname || ' ' || v.name FROM delivery_volunteers dv
             JOIN volunteers v ON v.id = dv.volunteer_id
             WHERE dv.delivery_id = ?1 ORDER BY v.sort_key",
        )
        .map_err(DbError::from)?;
    d.volunteers = stmt
        .query_map([&d.id], |r| {
            Ok(Named {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    Ok(d)
}

pub fn get(conn: &Connection, id: &str) -> Result<Delivery, Problem> {
    let d = conn
        .query_row(
            &format!("{DELIVERY_SELECT} WHERE d.id = ?1"),
            [id],
            from_row,
        )
        .optional()
        .map_err(DbError::from)?
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", id))?;
    with_volunteers(conn, d)
}

/// A family's aid, newest first: what the family page and the family card show.
pub fn for_family(conn: &Connection, family_id: &str) -> Result<Vec<Delivery>, Problem> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "{DELIVERY_SELECT} WHERE d.family_id = ?1 ORDER BY d.on_date DESC, d.created_at DESC"
        ))
        .map_err(DbError::from)?;
    let rows: Vec<Delivery> = stmt
        .query_map([family_id], from_row)
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    rows.into_iter().map(|d| with_volunteers(conn, d)).collect()
}

/// A campaign's deliveries that are not cancelled (of one aid type, or all) in list order
/// of the families, each with its volunteers: two queries however long the round.
pub(crate) fn for_campaign(
    conn: &Connection,
    campaign_id: &str,
    aid_type_id: Option<&str>,
) -> Result<Vec<Delivery>, Problem> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "{DELIVERY_SELECT} WHERE d.campaign_id = ?1 AND (?2 IS NULL OR d.aid_type_id = ?2)
               AND d.status != 'cancelled'
             ORDER BY f.sort_key, f.id, d.on_date"
        ))
        .map_err(DbError::from)?;
    let mut rows: Vec<Delivery> = stmt
        .query_map(rusqlite::params![campaign_id, aid_type_id], from_row)
        .map_err(DbError::from)?
        .collect::<Result<_, _>>()
        .map_err(DbError::from)?;
    let mut helpers: std::collections::HashMap<String, Vec<Named>> = Default::default();
    let mut stmt = conn
        .prepare_cached(
            "SELECT dv.delivery_id, v.id, v.surname || ' ' || v.name
             FROM deliveries d INDEXED BY deliveries_campaign
             CROSS JOIN delivery_volunteers dv ON dv.delivery_id = d.id
             JOIN volunteers v ON v.id = dv.volunteer_id
             WHERE d.campaign_id = ?1 ORDER BY v.sort_key",
        )
        .map_err(DbError::from)?;
    let pairs = stmt
        .query_map([campaign_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Named {
                    id: r.get(1)?,
                    name: r.get(2)?,
                },
            ))
        })
        .map_err(DbError::from)?;
    for pair in pairs {
        let (delivery, who) = pair.map_err(DbError::from)?;
        helpers.entry(delivery).or_default().push(who);
    }
    for d in &mut rows {
        d.volunteers = helpers.remove(&d.id).unwrap_or_default();
    }
    Ok(rows)
}
